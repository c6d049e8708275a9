"""The examples of the rules of stage role, with the real model: each example's ``text`` (one
article) gives the page ``name`` the ``role``; with the rule switched off it does not."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from spacy.language import Language

from sitegen.ingest import read_articles
from sitegen.nlp.analyze import analyze
from sitegen.resolve import resolve_entities
from sitegen.rules import Rule, all_rules
from tests.helpers import on_and_off

ROLE_RULES = [r for r in all_rules() if r.stage == "role"]


def _roles(tmp_path: Path, text: str, name: str, nlp: Language) -> tuple[str, ...]:
    path = tmp_path / "a.txt"
    path.write_text(text + "\n", encoding="utf-8")
    articles = read_articles([path])
    entities = resolve_entities(articles, analyze(articles, nlp))
    return next((e.roles for e in entities if e.name == name), ())


def test_there_are_role_rules() -> None:
    assert ROLE_RULES


@pytest.mark.parametrize("rule", ROLE_RULES, ids=lambda r: r.id)
def test_role_rule_examples_hold_and_need_their_rule(
    rule: Rule, tmp_path: Path, nlp: Language
) -> None:
    for number, example in enumerate(rule.examples):
        run = partial(_roles, tmp_path, example["text"], example["name"], nlp)
        on, roles = on_and_off(rule.id, run)
        assert example["role"] in on, f"{rule.id} example {number}: {on}"
        assert example["role"] not in roles, f"{rule.id} example {number} holds without it"
