"""The examples of the rules of resolution (stages span, kind, join, title), with the real model.

Each example holds with its rule on, and fails with its rule switched off: the rule, not
another, is what makes it hold.

Examples of stages kind, join and title: ``articles`` (texts, one article each), the ``page``
(title) and ``kind`` expected, and optionally ``holds`` (mention texts on that page),
``mentions`` (how many it has), ``not_on`` (page -> mention texts not on it), ``no_page``
(titles no page has), ``no_alias`` (not aliases of the page); ``source`` (the articles' source),
``patterns`` (spaCy's labels, given by an entity ruler instead of the model; with ``parsed``, of
its recognizer only); an empty ``page`` checks only ``no_page``. Examples of stage span: one
``text``, the ``mention`` spaCy finds there and what it ``becomes`` (the mentions resolution
reads instead; none: dropped). Examples of context cues (``sitegen.nlp.cue_rules``, stage
kind): a ``text``, the ``name`` in it, taken as tagged ``label`` (ORG by default), and the
``cue`` the words around it give.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from sitegen.build import Options, build_knowledge
from sitegen.ingest import read_articles
from sitegen.model import Entity
from sitegen.nlp.analyze import analyze
from sitegen.nlp.pipeline import load_pipeline
from sitegen.resolve.entities import article_mentions
from sitegen.rules import Rule, all_rules, running
from tests.helpers import cue, on_and_off, ruler_pipeline

RESOLVE_STAGES = ("span", "kind", "join", "title")
RESOLUTION = [r for r in all_rules() if r.stage in RESOLVE_STAGES and "articles" in r.examples[0]]
SPANS = [r for r in all_rules() if r.stage in RESOLVE_STAGES and "mention" in r.examples[0]]
CUES = [r for r in all_rules() if r.stage in RESOLVE_STAGES and "cue" in r.examples[0]]


def _entities(tmp_path: Path, example: dict[str, Any], nlp: Language) -> list[Entity]:
    folder = tmp_path / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    meta = "published: 2020-03-02\n"
    if "source" in example:
        meta += f"source: {example['source']}\n"
    for number, text in enumerate(example["articles"]):
        (folder / f"a{number:02d}.txt").write_text(text + "\n", encoding="utf-8")
        (folder / f"a{number:02d}.yml").write_text(meta, encoding="utf-8")
    pipeline = _pipeline(example, nlp)
    options = Options(cache_dir=None, n_process=1)
    return list(build_knowledge([folder], options, pipeline).entities)


def _pipeline(example: dict[str, Any], nlp: Language) -> Language:
    """The real model; a blank pipeline labelling ``patterns``; or, with ``parsed``, the real
    tagger and parser with ``patterns`` in place of the recognizer (the rest untagged)."""
    if "patterns" not in example:
        return nlp
    if not example.get("parsed"):
        return ruler_pipeline(example["patterns"])
    pipeline = load_pipeline()
    pipeline.remove_pipe("ner")
    pipeline.add_pipe("entity_ruler").add_patterns(example["patterns"])  # type: ignore[attr-defined]
    return pipeline


def _failures(example: dict[str, Any], entities: list[Entity]) -> list[str]:
    """What of the example does not hold (empty: all of it)."""
    by_name = {entity.name: entity for entity in entities}
    problems = [f"a page {name!r}" for name in example.get("no_page", ()) if name in by_name]
    if not example["page"]:
        return problems
    page = by_name.get(example["page"])
    if page is None or page.kind != example["kind"]:
        found = sorted((e.name, e.kind) for e in entities)
        return [f"no {example['kind']} page {example['page']!r} among {found}"]
    texts = {mention.text for mention in page.mentions}
    holds = example.get("holds", ())
    problems += [f"{text!r} not on the page" for text in holds if text not in texts]
    for name, absent in example.get("not_on", {}).items():
        other = by_name.get(name)
        on = {m.text for m in other.mentions} if other else set()
        problems += [f"{text!r} on {name!r}" for text in absent if text in on]
    problems += [f"alias {a!r}" for a in example.get("no_alias", ()) if a in page.aliases]
    if "mentions" in example and len(page.mentions) != example["mentions"]:
        problems.append(f"{len(page.mentions)} mentions, not {example['mentions']}")
    return problems


@pytest.mark.parametrize("rule", RESOLUTION, ids=lambda r: r.id)
def test_resolution_rule_examples_hold_and_need_their_rule(
    rule: Rule, tmp_path: Path, nlp: Language
) -> None:
    for number, example in enumerate(rule.examples):
        run = partial(_entities, tmp_path / str(number), example, nlp)  # no cache: same folder
        on, entities = on_and_off(rule.id, run)
        assert _failures(example, on) == [], f"{rule.id} example {number}"
        assert _failures(example, entities), f"{rule.id} example {number} holds without it"


def _mention_texts(tmp_path: Path, text: str, nlp: Language) -> list[str]:
    path = tmp_path / "a.txt"
    path.write_text(text + "\n", encoding="utf-8")
    (article,) = read_articles([path])
    analysis = analyze([article], nlp)[article.id]
    return [mention.text for mention in article_mentions(article, analysis)]


@pytest.mark.parametrize("rule", SPANS, ids=lambda r: r.id)
def test_span_rule_examples_hold_and_need_their_rule(
    rule: Rule, tmp_path: Path, nlp: Language
) -> None:
    for example in rule.examples:
        with running():
            texts = _mention_texts(tmp_path, example["text"], nlp)
        assert example["mention"] not in texts or example["mention"] in example["becomes"]
        assert all(text in texts for text in example["becomes"]), texts
        with running(disabled=[rule.id]):
            assert example["mention"] in _mention_texts(tmp_path, example["text"], nlp)


@pytest.mark.parametrize("rule", CUES, ids=lambda r: r.id)
def test_cue_rule_examples_hold_and_need_their_rule(rule: Rule, nlp: Language) -> None:
    for number, example in enumerate(rule.examples):
        args = (nlp, example["text"], example["name"], example.get("label", "ORG"))
        on, found = on_and_off(rule.id, partial(cue, *args))
        assert on == example["cue"], f"{rule.id} example {number}"
        assert found != example["cue"], f"{rule.id} example {number} holds without it"


def test_every_resolution_rule_has_its_examples_run() -> None:
    """A rule of these stages whose examples have no known shape would escape the tests."""
    covered = {r.id for r in RESOLUTION + SPANS + CUES}
    left = [r.id for r in all_rules() if r.stage in RESOLVE_STAGES and r.id not in covered]
    assert left == []
