"""The coreference scorer (scripts/eval_coref.py) on tiny hand-made gold; no model needed."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

import corpus_align  # noqa: E402
import eval_coref as ec  # noqa: E402
import eval_entities as ev  # noqa: E402

FRONT = '---\ntitle: "T"\n---\n'
WINDOW = (
    "Nick Bos met Ann Lee at Nokia. He said his company grew. "
    "The company hired a man. She liked him."
)
FILE = FRONT + WINDOW + "\n"
OFFSET = len(FRONT)


def gum(window: str, text: str, eid: str, kind: str = "PERSON", nth: int = 0, **extra: Any):
    start = -1
    for _ in range(nth + 1):
        start = window.index(text, start + 1)
    named = text[0].isupper() and text.lower() not in ec.PERSONAL_PRONOUNS
    mention = {
        "text": text,
        "start": start,
        "end": start + len(text),
        "type": kind,
        "named": named and not text.startswith("The "),
        "innermost_named": named and not text.startswith("The "),
        "entity_id": eid,
        "identity": None,
    }
    mention.update(extra)
    return mention


MENTIONS = [
    gum(WINDOW, "Nick Bos", "e1"),
    gum(WINDOW, "Ann Lee", "e2"),
    gum(WINDOW, "Nokia", "e3", "ORG"),
    gum(WINDOW, "He", "e1"),
    gum(WINDOW, "his", "e1"),
    gum(WINDOW, "his company", "e3", "ORG"),
    gum(WINDOW, "The company", "e3", "ORG"),
    gum(WINDOW, "a man", "e4"),
    gum(WINDOW, "She", "e2"),
    gum(WINDOW, "him", "e4"),
]


def chains_for(
    window: str = WINDOW, mentions: list[dict[str, Any]] = MENTIONS, file_text: str = FILE
) -> ec.ArticleChains:
    alignment = corpus_align.align(window, file_text, corpus_align.body_start(file_text))
    return ec.article_chains({"text": window, "entities": mentions}, alignment)


def span(text: str, nth: int = 0, file_text: str = FILE) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = file_text.index(text, start + 1)
    return start, start + len(text)


def page(pid: str, kind: str, *texts: str) -> ev.Page:
    return ev.Page(pid, kind, texts[0], tuple(span(t) for t in texts), texts)


PAGES = [
    page("bos", "person", "Nick Bos"),
    page("lee", "person", "Ann Lee"),
    page("nokia", "organization", "Nokia"),
]


def ref(entity: str, text: str, nth: int = 0) -> ec.Ref:
    return ec.Ref(entity, span(text, nth), text)


def test_gold_mention_at_a_reference_is_the_shortest_ending_there() -> None:
    chains = chains_for()
    his = chains.at(span("his"), "his")
    assert his is not None and his.text == "his"  # not "his company"
    company = chains.at(span("company"), "company")
    assert company is not None and company.text == "his company"
    assert chains.at(span("met"), "met") is None


def test_correct_wrong_and_unscored_references() -> None:
    refs = [
        ref("bos", "He"),  # correct
        ref("bos", "his"),  # correct
        ref("lee", "him"),  # the gold says "a man": another chain
        ref("lee", "She"),  # correct
        ref("nokia", "The company"),  # correct (a nominal)
        ref("bos", "met"),  # no gold mention there
    ]
    result = ec.score_references(refs, PAGES, chains_for())
    pronouns, nominals = result.forms["pronoun"], result.forms["nominal"]
    assert (pronouns.made, pronouns.correct, pronouns.wrong_chain) == (4, 3, 1)
    assert pronouns.precision == 0.75
    assert (nominals.made, nominals.correct, nominals.unscored) == (2, 1, 1)
    assert nominals.precision == 1.0
    verdicts = {(r.text, verdict, gold) for r, verdict, gold in result.judged}
    assert ("him", "wrong", "a man") in verdicts


def test_recall_counts_pronouns_of_paired_entities_only() -> None:
    result = ec.score_references([ref("bos", "He"), ref("bos", "his")], PAGES, chains_for())
    pronouns = result.forms["pronoun"]
    # He, his (Bos) and She (Lee) have pages; "him" (a man) has none
    assert (pronouns.gold, pronouns.found, pronouns.gold_unpaired) == (3, 2, 1)
    assert [m.text for m in result.missed] == ["She"]
    assert pronouns.recall == 2 / 3


def test_a_pronoun_given_to_the_wrong_page_is_not_found() -> None:
    result = ec.score_references([ref("lee", "He")], PAGES, chains_for())
    assert result.forms["pronoun"].found == 0
    assert result.forms["pronoun"].wrong_chain == 1


def test_entity_without_gold_partner_is_wrong_and_duplicate_page_is_neutral() -> None:
    pages = [*PAGES, page("ghost", "person", "Nokia"), page("bos2", "person", "Bos")]
    refs = [ref("ghost", "She"), ref("bos2", "He")]
    result = ec.score_references(refs, pages, chains_for())
    pronouns = result.forms["pronoun"]
    assert pronouns.wrong_unpaired == 1  # "ghost" matches no person of the gold
    assert pronouns.duplicate == 1  # "Bos" is a second page of Nick Bos: not counted
    assert pronouns.precision == 0.0
    assert pronouns.found == 0


def test_chains_joined_by_identity_and_references_outside_the_window() -> None:
    window = "Ann Lee spoke. Lee smiled and she left."
    mentions = [
        gum(window, "Ann Lee", "a", identity="Ann_Lee"),
        gum(window, "Lee", "b", identity="Ann_Lee"),
        gum(window, "she", "b"),
    ]
    file_text = FRONT + window + "\n\nShe came back.\n"
    chains = chains_for(window, mentions, file_text)
    lee = ev.Page("lee", "person", "Ann Lee", (span("Ann Lee", 0, file_text),), ("Ann Lee",))
    refs = [
        ec.Ref("lee", span("she", 0, file_text), "she"),
        ec.Ref("lee", span("She", 0, file_text), "She"),  # after the window: ignored
    ]
    result = ec.score_references(refs, [lee], chains)
    assert (result.forms["pronoun"].made, result.forms["pronoun"].correct) == (1, 1)
    assert result.forms["pronoun"].recall == 1.0


def test_optional_gold_entity_is_paired_for_references() -> None:
    window = "Acme president Ann Lee spoke. She left."
    whole = gum(window, "Acme president Ann Lee", "p")
    whole["innermost_named"] = False  # an organization's name is nested inside
    mentions = [whole, gum(window, "Acme", "o", "ORG"), gum(window, "She", "p")]
    file_text = FRONT + window + "\n"
    chains = chains_for(window, mentions, file_text)
    assert [e.required for e in chains.gold.entities] == [False, True]
    lee = ev.Page("lee", "person", "Ann Lee", (span("Ann Lee", 0, file_text),), ("Ann Lee",))
    result = ec.score_references([ec.Ref("lee", span("She", 0, file_text), "She")], [lee], chains)
    assert result.forms["pronoun"].correct == 1


def test_baseline_takes_the_nearest_preceding_person_mention() -> None:
    article = corpus_align.CorpusArticle("gum_x", Path("gum_x.md"), FILE, {})
    refs = ec.baseline_references(article, PAGES)
    assert [(r.text, r.entity) for r in refs] == [
        ("He", "lee"),
        ("his", "lee"),
        ("She", "lee"),
        ("him", "lee"),
    ]


def test_references_are_read_from_the_json_export() -> None:
    output = {
        "articles": [{"id": "gum-x", "path": "/c/articles/gum_x.md"}],
        "entities": [
            {
                "id": "person:bos",
                "kind": "person",
                "mentions": [],
                "references": [{"article": "gum-x", "start": 30, "end": 32, "text": "He"}],
            }
        ],
    }
    refs = ec.references_by_article(output)
    assert refs == {"gum_x": [ec.Ref("person:bos", (30, 32), "He")]}
    assert refs["gum_x"][0].form == "pronoun"


def test_a_page_inside_a_nominal_mention_takes_its_chain() -> None:
    window = "English defender Kyle Walker scored. His goal won."
    whole = gum(window, "English defender Kyle Walker", "k")
    whole["named"] = whole["innermost_named"] = False  # GUM: a nominal headed by "defender"
    mentions = [whole, gum(window, "His", "k"), gum(window, "His goal", "g", "OBJECT")]
    file_text = FRONT + window + "\n"
    chains = chains_for(window, mentions, file_text)
    assert chains.gold.entities == ()
    at = (span("Kyle Walker", 0, file_text),)
    walker = ev.Page("kw", "person", "Kyle Walker", at, ("Kyle Walker",))
    place = ev.Page("x", "place", "Kyle Walker", at, ("Kyle Walker",))
    his = ec.Ref("kw", span("His", 0, file_text), "His")
    assert ec.score_references([his], [walker], chains).forms["pronoun"].correct == 1
    wrong = ec.score_references([ec.Ref("x", his.span, "His")], [place], chains)
    assert wrong.forms["pronoun"].wrong_unpaired == 1  # no gold mention of a place there


def test_quote_speakers_are_checked_through_the_gold_mention_of_their_words() -> None:
    window = 'Nick Bos met Ann Lee. "We will grow fast," he said. "And hire," she added.'
    mentions = [
        gum(window, "Nick Bos", "e1"),
        gum(window, "Ann Lee", "e2"),
        gum(window, "he", "e1"),
        gum(window, "she", "e2"),
    ]
    file_text = FRONT + window + "\n"
    chains = chains_for(window, mentions, file_text)
    pages = [
        ev.Page("bos", "person", "Nick Bos", (span("Nick Bos", 0, file_text),), ("Nick Bos",)),
        ev.Page("lee", "person", "Ann Lee", (span("Ann Lee", 0, file_text),), ("Ann Lee",)),
    ]

    def quote(speaker: str, first: str, last: str, cue: str | None) -> dict[str, Any]:
        where = span(cue, 0, file_text) if cue else (None, None)
        return {
            "speaker": speaker,
            "article": "x",
            "start": span(first, 0, file_text)[0],
            "end": span(last, 0, file_text)[1],
            "speaker_text": cue,
            "speaker_start": where[0],
            "speaker_end": where[1],
        }

    output = {
        "articles": [{"id": "x", "path": "gum_x.md"}],
        "quotes": [
            quote("bos", "We will", "fast", "he"),
            quote("bos", "And hire", "hire", "she"),  # the wrong person for "she"
            quote("lee", "Nick", "Bos", None),  # a continuation names nobody: not scored
        ],
    }
    quotes = ec.quotes_by_article(output)["gum_x"]
    assert [q.form for q in quotes] == ["pronoun", "pronoun", "none"]
    scores = ec.score_quotes(quotes, pages, chains)
    assert (scores["pronoun"].made, scores["pronoun"].correct) == (2, 1)
    assert scores["pronoun"].wrong_chain == 1
    assert (scores["none"].made, scores["none"].unscored) == (1, 1)
