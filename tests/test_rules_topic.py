"""Every registered rule of the topic stage, checked on its own examples (subjects, per-article
candidates, corpus threads)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from sitegen.ingest import read_articles
from sitegen.model import Article, Block, Entity, EntityMention, Passage
from sitegen.nlp.analyze import analyze
from sitegen.resolve import resolve_entities, threads, topics
from sitegen.resolve import subjects as subjects_module
from sitegen.resolve.subjects import file_articles, filed_count, name_scores
from sitegen.resolve.taxonomy import subject_name, subjects
from sitegen.rules import all_rules, running

CODES = {subject_name(s).split(",")[0].split(" ")[0].casefold(): s.code for s in subjects()}
"""Short names of the subjects ("economy", "politics") -> qcodes."""


def _thread_names(tmp_path: Path, nlp: Language, text: str) -> set[str]:
    (tmp_path / "a.txt").write_text(text + "\n", encoding="utf-8")
    articles = read_articles([tmp_path])
    analyses = analyze(articles, nlp)
    entities = resolve_entities(articles, analyses)
    found, _ = topics.find_topics(articles, analyses, entities)
    return {t.name.casefold() for t in found if t.kind == "thread"}


def _article(number: int, text: str) -> Article:
    return Article(f"a{number}", f"a{number}.txt", text, (Block("paragraph", 0, len(text), 1),), "")


def _learns(example: Mapping[str, Any], **_: Any) -> None:
    articles = [
        _article(n, "Voters went to the polls in the election.") for n in range(example["articles"])
    ]
    with running() as run:
        file_articles(articles)
    assert bool(run.counts[subjects_module.LEARN_FROM_CORPUS.id]) == example["learns"]


def _close_second(example: Mapping[str, Any], **_: Any) -> None:
    assert filed_count(example["scores"]) == example["filed"]


def _text_topic(example: Mapping[str, Any], tmp_path: Path, nlp: Language) -> None:
    assert example["topic"].casefold() in _thread_names(tmp_path, nlp, example["text"])


def _returns_to(example: Mapping[str, Any], **_: Any) -> None:
    candidate = topics._Candidate("key", named=example["named"], heading=example["heading"])
    for index in range(example["sentences"]):
        candidate.passages[index] = Passage("a", index, 0, 1)
    assert topics._substantial(candidate) == example["kept"]


def _entity_names(example: Mapping[str, Any], **_: Any) -> None:
    mentions = tuple(
        EntityMention(f"a{n}", 0, 5, "Acme", 0) for n in range(example["entity_articles"])
    )
    entity = Entity("organization:acme", "organization", "Acme", "o/acme.md", mentions=mentions)
    names, written = topics._entity_names([entity])
    assert ("acme" in names) == example["blocks"]
    assert "acme" in written["a0"]  # always blocked in its own article


def _keeps_apart(example: Mapping[str, Any], **_: Any) -> None:
    shorter = topics._Candidate(example["shorter"])
    longer = topics._Candidate(example["longer"])
    for index in range(4):
        shorter.passages[index] = Passage("a", index, 0, 1)
    longer.passages[0] = Passage("a", 0, 0, 1)
    folded = topics._fold({c.key: c for c in (shorter, longer)})
    assert (example["longer"] not in folded) == example["folds"]


def _min_articles(example: Mapping[str, Any], **_: Any) -> None:
    kept = example["articles"] >= threads.min_articles(example["corpus"])
    assert kept == example["kept"]


def _broad(example: Mapping[str, Any], **_: Any) -> None:
    assert threads.too_broad(example["candidate_in"], example["corpus"]) != example["kept"]


def _common_noun(example: Mapping[str, Any], **_: Any) -> None:
    dropped = threads.only_a_noun(
        example["key"], example["named"], example["corpus"], example.get("surface", "")
    )
    assert dropped != example["kept"]


def _role(example: Mapping[str, Any], **_: Any) -> None:
    assert threads.names_people(example["key"]) != example["kept"]


def _holds(example: Mapping[str, Any], **_: Any) -> None:
    articles = [f"a{n}" for n in range(example["articles"])]
    filings = {
        a: ("s",) if n < example["under_subject"] else ("t",) for n, a in enumerate(articles)
    }
    assert threads.holds_together(articles, "s", filings) == example["kept"]


def _by_name(example: Mapping[str, Any], **_: Any) -> None:
    filings = {"a": tuple(CODES[key] for key in example["articles"])}
    found = threads.subject_of_thread(["a"], filings, name_scores(example["name"]))
    assert found == CODES[example["subject"]]


def _not_a_subject(example: Mapping[str, Any], **_: Any) -> None:
    names = {subject_name(s).casefold() for s in subjects()}
    assert threads.named_like_a_subject(example["name"], names) != example["kept"]


CHECKS: dict[str, Callable[..., None]] = {
    "topic.subjects-learn-from-corpus": _learns,
    "topic.subject-close-second": _close_second,
    "topic.quoted-coinage": _text_topic,
    "topic.lead-phrase": _text_topic,
    "topic.place-matter": _text_topic,
    "topic.article-returns-to": _returns_to,
    "topic.entity-names": _entity_names,
    "topic.common-word-keeps-apart": _keeps_apart,
    "topic.thread-min-articles": _min_articles,
    "topic.thread-not-too-broad": _broad,
    "topic.thread-not-a-common-noun": _common_noun,
    "topic.thread-not-a-role": _role,
    "topic.thread-holds-together": _holds,
    "topic.thread-subject-by-name": _by_name,
    "topic.thread-not-a-subject": _not_a_subject,
}
TOPIC_RULES = [r for r in all_rules() if r.stage == "topic"]


def test_every_topic_rule_has_a_check() -> None:
    assert {r.id for r in TOPIC_RULES} == set(CHECKS)


@pytest.mark.parametrize(
    ("rule_id", "example"),
    [
        # a check that parses its text needs the real model: the site tier (tests/conftest.py)
        pytest.param(r.id, example, marks=[pytest.mark.site] if CHECKS[r.id] is _text_topic else [])
        for r in TOPIC_RULES
        for example in r.examples
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_topic_rule_examples(
    rule_id: str, example: Mapping[str, Any], tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    needs_nlp = CHECKS[rule_id] is _text_topic
    nlp = request.getfixturevalue("nlp") if needs_nlp else None
    CHECKS[rule_id](example, tmp_path=tmp_path, nlp=nlp)


def test_a_switched_off_rule_changes_the_decision() -> None:
    with running(disabled=["topic.thread-not-a-common-noun"]):
        assert not threads.only_a_noun("court", False, 500)
    assert threads.only_a_noun("court", False, 500)
