"""The entity scorer (scripts/eval_entities.py) on tiny hand-made inputs; no model needed."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

import corpus_align  # noqa: E402
import eval_entities as ev  # noqa: E402

FRONT = '---\ntitle: "T"\n---\n'


def gum(text: str, start: int, end: int, kind: str, eid: str, **extra: Any) -> dict[str, Any]:
    mention = {
        "text": text,
        "start": start,
        "end": end,
        "type": kind,
        "named": True,
        "innermost_named": True,
        "entity_id": eid,
        "identity": None,
    }
    mention.update(extra)
    return mention


def mention_of(window: str, name: str, kind: str, eid: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = window.index(name, start + 1)
    return gum(name, start, start + len(name), kind, eid)


def gold_for(window: str, mentions: list[dict[str, Any]], file_text: str) -> ev.ArticleGold:
    alignment = corpus_align.align(window, file_text, corpus_align.body_start(file_text))
    return ev.article_gold({"text": window, "entities": mentions}, alignment)


def page(file_text: str, kind: str, *names: str, pid: str = "p") -> ev.Page:
    spans = []
    for name in names:
        start = file_text.index(name)
        spans.append((start, start + len(name)))
    return ev.Page(pid, kind, names[0], tuple(spans), names)


WINDOW = "Nick Bos works at Nokia in Helsinki. Bos likes ants."
FILE = FRONT + WINDOW + "\n\nLater text about Espoo.\n"
MENTIONS = [
    mention_of(WINDOW, "Nick Bos", "PERSON", "e1"),
    mention_of(WINDOW, "Nokia", "ORG", "e2"),
    mention_of(WINDOW, "Helsinki", "LOC", "e3"),
    mention_of(WINDOW, "Bos", "PERSON", "e1", nth=1),
]


def test_perfect_pages_score_one() -> None:
    gold = gold_for(WINDOW, MENTIONS, FILE)
    pages = [
        page(FILE, "person", "Nick Bos", pid="a"),
        page(FILE, "organization", "Nokia", pid="b"),
        page(FILE, "place", "Helsinki", pid="c"),
    ]
    score = ev.score_article(pages, gold).score
    assert (score.pages, score.gold, score.matched) == (3, 3, 3)
    assert score.f1 == 1.0


def test_duplicate_page_counts_as_wrong() -> None:
    gold = gold_for(WINDOW, MENTIONS, FILE)
    bos = FILE.index("Bos likes")
    pages = [
        page(FILE, "person", "Nick Bos", pid="a"),
        ev.Page("b", "person", "Bos", ((bos, bos + 3),), ("Bos",)),
    ]
    result = ev.score_article(pages, gold)
    assert result.score.matched == 1
    assert result.score.pages == 2
    assert result.score.duplicates == 1
    assert result.score.precision == 0.5
    assert [(reason, gold) for _, reason, gold in result.wrong_pages] == [
        ("duplicate", "person 'Nick Bos'")
    ]


def test_wrong_kind_page_is_counted() -> None:
    gold = gold_for(WINDOW, MENTIONS, FILE)
    result = ev.score_article([page(FILE, "person", "Nokia")], gold)
    assert result.score.wrong_kind == 1
    assert result.score.matched == 0
    assert {e.name for e in result.missed} == {"Nick Bos", "Nokia", "Helsinki"}


def test_spurious_page() -> None:
    gold = gold_for(WINDOW, MENTIONS, FILE)
    result = ev.score_article([page(FILE, "organization", "ants")], gold)
    assert (result.score.spurious, result.score.pages) == (1, 1)


def test_spurious_page_inside_an_unnamed_gold_mention_is_counted_apart() -> None:
    window = "Facebook creator Mark Zuckerberg spoke."
    creator = gum("Facebook creator Mark Zuckerberg", 0, 32, "PERSON", "e1", named=False)
    creator["innermost_named"] = False
    gold = gold_for(window, [creator], FRONT + window)
    result = ev.score_article([page(FRONT + window, "person", "Mark Zuckerberg")], gold)
    assert (result.score.spurious, result.score.spurious_in_unnamed) == (1, 1)
    other_kind = ev.score_article([page(FRONT + window, "place", "Mark Zuckerberg")], gold)
    assert (other_kind.score.spurious, other_kind.score.spurious_in_unnamed) == (1, 0)


def test_overlap_is_enough_and_kinds_must_agree() -> None:
    window = "The Royal Air Force flew."
    mentions = [mention_of(window, "The Royal Air Force", "ORG", "e1")]
    file_text = FRONT + window
    gold = gold_for(window, mentions, file_text)
    assert ev.score_article([page(file_text, "organization", "Air Force")], gold).score.matched
    assert not ev.score_article([page(file_text, "place", "Air Force")], gold).score.matched


def test_one_page_matches_at_most_one_entity_and_matching_is_maximal() -> None:
    window = "Airbus parent EADS won."
    mentions = [
        mention_of(window, "Airbus", "ORG", "e1"),
        mention_of(window, "EADS", "ORG", "e2"),
    ]
    file_text = FRONT + window
    gold = gold_for(window, mentions, file_text)
    both = page(file_text, "organization", "Airbus parent EADS", pid="a")
    eads = page(file_text, "organization", "EADS", pid="b")
    score = ev.score_article([both, eads], gold).score
    assert (score.matched, score.pages, score.duplicates) == (2, 2, 0)


def test_window_filter_ignores_pages_outside_and_trims_mentions() -> None:
    gold = gold_for(WINDOW, MENTIONS, FILE)
    outside = page(FILE, "place", "Espoo", pid="x")
    espoo = FILE.index("Espoo")
    mixed = ev.Page(
        "y",
        "place",
        "Helsinki",
        ((FILE.index("Helsinki"), FILE.index("Helsinki") + 8), (espoo, espoo + 5)),
        ("Helsinki", "Espoo"),
    )
    result = ev.score_article([outside, mixed], gold)
    assert (result.score.pages, result.score.matched) == (1, 1)
    trimmed = ev.in_window(mixed, gold.window)
    assert trimmed is not None and trimmed.texts == ("Helsinki",)
    assert ev.in_window(outside, gold.window) is None


def test_alignment_with_a_changed_character() -> None:
    window = "EADS wins #13 billion UK contract\nMarch 27, 2008\n\nThe UK signed."
    file_text = FRONT + window.replace("#", "£") + "\nMore text.\n"
    alignment = corpus_align.align(window, file_text, corpus_align.body_start(file_text))
    assert alignment.window_start == len(FRONT)
    assert alignment.window_end == len(FRONT) + len(window)
    for name, nth in (("UK", 0), ("UK", 1), ("EADS", 0), ("billion", 0)):
        start = -1
        for _ in range(nth + 1):
            start = window.index(name, start + 1)
        mapped = alignment.span(start, start + len(name))
        assert file_text[mapped[0] : mapped[1]] == name


def test_alignment_with_an_inserted_stretch() -> None:
    window = "Apple opened a store in Paris. Tim Cook spoke."
    file_text = FRONT + window.replace("store", "big new store") + "\n"
    alignment = corpus_align.align(window, file_text, corpus_align.body_start(file_text))
    start = window.index("Tim Cook")
    mapped = alignment.span(start, start + 8)
    assert file_text[mapped[0] : mapped[1]] == "Tim Cook"
    assert alignment.window_end == len(file_text) - 1


def test_pronouns_are_skipped_but_all_caps_names_kept() -> None:
    assert ev.is_pronoun("They") and ev.is_pronoun("we") and ev.is_pronoun("I")
    assert not ev.is_pronoun("US") and not ev.is_pronoun("WHO")
    window = "We at Acme said so."
    mentions = [
        mention_of(window, "We", "ORG", "e1"),
        mention_of(window, "Acme", "ORG", "e2"),
    ]
    gold = gold_for(window, mentions, FRONT + window)
    assert [e.name for e in gold.required] == ["Acme"]


def test_gum_chains_with_one_identity_are_one_entity() -> None:
    window = "George Bush spoke. Later Bush left."
    first = mention_of(window, "George Bush", "PERSON", "e1")
    second = mention_of(window, "Bush", "PERSON", "e7", nth=1)
    first["identity"] = second["identity"] = "George_Bush"
    gold = gold_for(window, [first, second], FRONT + window)
    assert len(gold.required) == 1


def meantime(text: str, start: int, kind: str, instance: str, syntactic: str) -> dict[str, Any]:
    return {
        "text": text,
        "start": start,
        "end": start + len(text),
        "type": kind,
        "named": True,
        "innermost_named": True,
        "syntactic_type": syntactic,
        "instance_id": instance,
        "mention_id": f"m{start}",
    }


def test_meantime_premodifier_only_entity_is_neutral() -> None:
    window = "American carmaker GM and GM's rival Ford."
    mentions = [
        meantime("American", 0, "LOC", "LOC1", "PRE.NAM"),
        meantime("GM", 18, "ORG", "ORG1", "NAM"),
        meantime("GM", 25, "ORG", "ORG1", "NAM"),
        meantime("Ford", 37, "ORG", "ORG2", "NAM"),
    ]
    file_text = FRONT + window
    gold = gold_for(window, mentions, file_text)
    assert sorted(e.name for e in gold.required) == ["Ford", "GM"]
    pages = [
        page(file_text, "place", "American", pid="a"),
        page(file_text, "organization", "GM", pid="b"),
    ]
    result = ev.score_article(pages, gold)
    assert (result.score.neutral, result.score.pages, result.score.matched) == (1, 1, 1)
    assert result.score.gold == 2


def test_untyped_meantime_name_is_neutral_not_spurious() -> None:
    window = "Japan's prime minister, Taro Aso, spoke."
    apposition = meantime("Japan's prime minister, Taro Aso", 0, "PERSON", "PER1", "APP")
    apposition["named"] = apposition["innermost_named"] = False
    untyped = meantime("Taro Aso", 24, "PERSON", "", "NAM")
    untyped["type"] = None
    mentions = [meantime("Japan", 0, "LOC", "LOC1", "PRE.NAM"), apposition, untyped]
    file_text = FRONT + window
    gold = gold_for(window, mentions, file_text)
    result = ev.score_article([page(file_text, "person", "Taro Aso")], gold)
    assert (result.score.neutral, result.score.pages, result.score.spurious) == (1, 0, 0)


def test_nested_name_is_cut_out_of_the_outer_mention() -> None:
    window = "The UK's Royal Air Force flew."
    outer = gum("The UK's Royal Air Force", 0, 24, "ORG", "e1", innermost_named=False)
    inner = mention_of(window, "UK", "LOC", "e2")
    raf = gum("Royal Air Force", 9, 24, "ORG", "e1", named=True, innermost_named=False)
    file_text = FRONT + window
    gold = gold_for(window, [outer, inner, raf], file_text)
    # the RAF chain has no innermost name: it is optional, so its page is neutral
    air_force = page(file_text, "organization", "Royal Air Force", pid="a")
    assert ev.score_article([air_force], gold).score.neutral == 1
    # an organization page for "UK" does not match the RAF: it is the wrong kind for "UK"
    uk_org = page(file_text, "organization", "UK", pid="b")
    assert ev.score_article([uk_org], gold).score.wrong_kind == 1


def test_pages_are_split_by_article_through_the_path() -> None:
    output = {
        "articles": [
            {"id": "a-1", "path": "/x/gum_a.md"},
            {"id": "b-2", "path": "/x/gum_b.md"},
        ],
        "entities": [
            {
                "id": "acme",
                "kind": "organization",
                "name": "Acme",
                "mentions": [
                    {"article": "a-1", "start": 5, "end": 9, "text": "Acme"},
                    {"article": "b-2", "start": 1, "end": 5, "text": "Acme"},
                ],
            }
        ],
    }
    pages = ev.pages_by_article(output)
    assert set(pages) == {"gum_a", "gum_b"}
    assert pages["gum_a"][0].spans == ((5, 9),)


def test_baseline_pages_take_the_most_frequent_kind() -> None:
    found = [
        ("Paris", "place", {"article": "x", "start": 0, "end": 5, "text": "Paris"}),
        ("Paris", "place", {"article": "x", "start": 9, "end": 14, "text": "Paris"}),
        ("Paris", "person", {"article": "x", "start": 20, "end": 25, "text": "Paris"}),
    ]
    (entity,) = ev.baseline_entities(found)
    assert entity["kind"] == "place" and len(entity["mentions"]) == 3


def test_spacy_paragraphs_use_file_offsets() -> None:
    text = FRONT + "Title line\n\n  Body here.  \n"
    paragraphs = ev.spacy_paragraphs(text)
    assert [t for _, t in paragraphs] == ["Title line", "Body here."]
    assert all(text[o : o + len(t)] == t for o, t in paragraphs)


@pytest.fixture()
def tiny_corpus(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles" / "gum_x.md").write_text(FILE, encoding="utf-8")
    gold = {"text": WINDOW, "entities": MENTIONS}
    (tmp_path / "gold" / "gum_x.json").write_text(json.dumps(gold), encoding="utf-8")
    return tmp_path


def test_main_scores_a_saved_output(tiny_corpus: Path, tmp_path: Path, capsys: Any) -> None:
    start = FILE.index("Nokia")
    output = {
        "articles": [{"id": "gum-x", "path": str(tiny_corpus / "articles" / "gum_x.md")}],
        "entities": [
            {
                "id": "nokia",
                "kind": "organization",
                "name": "Nokia",
                "mentions": [{"article": "gum-x", "start": start, "end": start + 5}],
            }
        ],
    }
    saved = tmp_path / "out.json"
    saved.write_text(json.dumps(output), encoding="utf-8")
    args = ["--corpus-dir", str(tiny_corpus), "--from-json", str(saved), "--no-baseline"]
    assert ev.main([*args, "--errors"]) == 0
    printed = capsys.readouterr().out
    assert "GUM" in printed and "missed" in printed
    results = ev.evaluate(corpus_align.load_corpus(tiny_corpus), output)
    score = results["gum_x"].score
    assert (score.pages, score.gold, score.matched) == (1, 3, 1)
