"""The selective matcher gives what one spaCy Matcher with every pattern gives, in order."""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from sitegen.ingest import read_articles
from sitegen.nlp.matching import SelectiveMatcher, needs
from sitegen.nlp.timex import token_patterns
from tests.helpers import SEEDS

WORDS = """the that same day time date more most now recently recent current years months weeks
in past near distant future long term run previous following week month year before earlier
after . , spring summer winter autumn this last next fall since by of and 2019 1999 three 4 -
single days ago later every each other monday mondays hourly daily annual a he said""".split()


def matcher_of_all(vocab: Vocab, patterns: list) -> Matcher:
    matcher = Matcher(vocab)
    for label, pattern in patterns:
        matcher.add(label, [pattern])
    return matcher


VOCAB = spacy.blank("en").vocab
UNPARSED = token_patterns(parsed=False)
SELECTIVE, FULL = SelectiveMatcher(VOCAB, UNPARSED), matcher_of_all(VOCAB, UNPARSED)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40))
def test_the_same_matches_in_the_same_order(words: list[str]) -> None:
    doc = Doc(VOCAB, words=words)
    assert SELECTIVE(doc) == FULL(doc)


def test_the_same_matches_on_parsed_articles(nlp: Language) -> None:
    patterns = token_patterns(parsed=True)
    selective, full = SelectiveMatcher(nlp.vocab, patterns), matcher_of_all(nlp.vocab, patterns)
    texts = [a.block_text(b) for a in read_articles([SEEDS]) for b in a.blocks]
    texts.append("More recently, in the past, the year before. Sales fell 3 percent in 2019.")
    found = 0
    for doc in nlp.pipe(texts):
        matches = selective(doc)
        assert matches == full(doc)
        found += len(matches)
    assert found > 5


def test_needs_skip_tokens_a_match_may_lack() -> None:
    pattern = [
        {"LOWER": {"IN": ["more", "most"]}, "OP": "?"},
        {"LOWER": "recent", "POS": "ADJ"},
        {"LIKE_NUM": True},
        {"SHAPE": "dddd", "OP": "+"},
        {"LOWER": {"NOT_IN": ["x"]}},
    ]
    assert [(need.column, len(need.values)) for need in needs(pattern)] == [(0, 1), (1, 1)]
