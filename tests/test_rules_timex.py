"""Every rule of the "timex" stage does what its examples say, and only because of it: each
example holds with the rule on and fails with the rule switched off.

A normalization rule's example is a phrase (``phrase``, ``published``, ``tense``, ``type``,
``value``); a tagger rule's is a text (``text``, ``published``, ``phrase``, ``value``; a
``value`` of None: the phrase is not tagged)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pytest
from spacy.language import Language

from sitegen.nlp.timex import normalize, tag_times
from sitegen.rules import Rule, all_rules, running

TIMEX_RULES = [r for r in all_rules() if r.stage == "timex"]
CASES = [
    pytest.param(r, example, id=f"{r.id}-{index}")
    for r in TIMEX_RULES
    for index, example in enumerate(r.examples)
]


def _holds(example: Mapping[str, Any], nlp: Language) -> bool:
    published = dt.date.fromisoformat(example["published"]) if example["published"] else None
    if "text" not in example:
        found = normalize(example["phrase"], published, example["tense"])
        return found == (example["type"], example["value"])
    tagged = {t.text: t.value for t in tag_times(nlp(example["text"]), published)}
    if example["value"] is None:
        return not any(example["phrase"] in phrase for phrase in tagged)
    return tagged.get(example["phrase"]) == example["value"]


def test_the_stage_has_rules() -> None:
    assert len(TIMEX_RULES) >= 20


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_example_holds_because_of_its_rule(
    rule: Rule, example: Mapping[str, Any], nlp: Language
) -> None:
    with running() as run:
        assert _holds(example, nlp), f"{rule.id}: {dict(example)}"
    assert run.counts[rule.id] > 0, f"{rule.id} did not fire on {dict(example)}"
    with running(disabled=[rule.id]):
        assert not _holds(example, nlp), f"{rule.id} switched off changes nothing: {example}"
