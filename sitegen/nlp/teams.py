"""Sports teams named after their country or city: "Sweden defeated South Korea 1 – 0" names
two teams, not two places.

A place's name stands for its team when the parse puts it on one side of a match: the subject
or object of a verb of a match ("Sweden faced Korea", "Tunisia lost", "England won a
corner"), the name after "lost to", "against", "for", "over" in a match's sense ("a third
goal for Belgium"), the name next to a score ("Group F — Sweden 1 – 0 Korea Republic"), or
the possessor of a player, coach or result ("Tunisia's goalkeeper", "Panama coach",
"Sweden's first victory"). Except next to a score, the sentence must be about sport (a
score, or a word such as "match", "cup", "goalkeeper"): "Russia won the war", "France lost
the vote" and "the US faced criticism" keep their places.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from sitegen.lexicon import (
    MATCH_NOUNS,
    MATCH_RESULTS,
    OPPONENT_VERBS,
    RESULT_VERBS,
    SCORING_WORDS,
    SIDE_NOUNS,
    SPORTS_WORDS,
    TEAM_NOUNS,
)
from sitegen.nlp.timex.vocabulary import MONTHS

SCORE = re.compile(r"\d{1,3}[-–]\d{1,3}")
"""A score written as one token ("3-0", "1–1")."""
SCORE_NUMBER = re.compile(r"\d{1,3}")
"""One side of a score written apart ("1 – 0"): no year ("2010-11" is a season)."""
SCORE_DASHES = frozenset({"-", "–", "—"})
DRAW_VERBS = frozenset({"draw", "tie"})
"""Verbs whose other side follows "with" ("Sweden drew 1–1 with Denmark")."""
COORDINATIONS = frozenset({"conj", "appos"})


def is_team_name(doc: Doc, start: int, end: int) -> bool:
    """The place's name ``doc[start:end]`` stands for a sports team: it is next to a score
    ("Belgium 3 – 0 Panama"), or plays a side of a match in a sentence about sport."""
    if _next_to_score(doc, start, end):
        return True
    name = _first_conjunct(doc[start:end].root)
    return _plays_a_side(name) and _is_about_sport(doc[start].sent)


def _next_to_score(doc: Doc, start: int, end: int) -> bool:
    """ "Sweden 1 – 0 Korea Republic", "France beat Brazil 3-0": a score right after the name
    or right before it."""
    return score_length(doc, end) > 0 or any(
        score_length(doc, start - size) == size for size in (1, 3)
    )


def score_length(doc: Doc, index: int) -> int:
    """How many tokens the score at ``doc[index]`` takes ("3-0": 1, "1 – 0": 3), 0 for none
    (or for days of a month: "Geneva 12-14 June")."""
    if index < 0 or index >= len(doc):
        return 0
    length = 0
    if SCORE.fullmatch(doc[index].text):
        length = 1
    words = [token.text for token in doc[index : index + 3]]
    if len(words) == 3 and words[1] in SCORE_DASHES:
        if SCORE_NUMBER.fullmatch(words[0]) and SCORE_NUMBER.fullmatch(words[2]):
            length = 3
    after = index + length
    return 0 if after < len(doc) and doc[after].lower_ in MONTHS else length


def _is_about_sport(sentence: Span) -> bool:
    """The sentence has a word of sport ("match", "cup", "goalkeeper", "equalise") or a
    score ("3-0", "1 – 2")."""
    return any(
        token.lemma_.lower() in SPORTS_WORDS or score_length(sentence.doc, token.i) > 0
        for token in sentence
    )


def _first_conjunct(token: Token) -> Token:
    """The first of names listed together ("England" in "Sweden, Belgium, England win" gives
    "Sweden"), whose place in the sentence they share."""
    while token.dep_ in COORDINATIONS and token.head.pos_ == "PROPN" and token.head != token:
        token = token.head
    return token


def _plays_a_side(name: Token) -> bool:
    """The name is a side of a match in the parse: the subject of "defeat", "win", "lose",
    "score" ... (what it wins must be a match's: "won the war" is not), the object of
    "defeat", "beat", "face" ..., after "lost to", "against", "for", "with", "over", "by" in
    a match's sense, or the possessor of a player or result ("Tunisia's goalkeeper")."""
    verb = name.head
    if name.dep_ == "nsubj" and verb.lemma_ in OPPONENT_VERBS:
        return _objects_are(verb, _is_side)
    if name.dep_ == "nsubj" and verb.lemma_ in RESULT_VERBS:
        return _objects_are(verb, _is_result)
    if name.dep_ == "nsubjpass" and verb.lemma_ in OPPONENT_VERBS:
        return True  # "England were beaten by Australia"
    if name.dep_ == "dobj" and verb.lemma_ in OPPONENT_VERBS:
        return all(_is_side(child) for child in verb.children if child.dep_ == "nsubj")
    if name.dep_ == "pobj":
        return _is_opponent_after(name.head)
    return _has_team_noun(name)


def _has_team_noun(name: Token) -> bool:
    """The name is the possessor or modifier of a player, coach or result of its side
    ("Tunisia's goalkeeper", "Panama coach", "Sweden's first victory"), or of a person's name
    written after one ("Argentina's striker Lionel Messi": the parse hangs the name on the
    person's)."""
    if name.dep_ not in ("poss", "compound"):
        return False
    head = name.head
    before = [child for child in head.children if child.dep_ == "compound" and child.i < head.i]
    return any(noun.lemma_.lower() in TEAM_NOUNS for noun in [head, *before])


def _objects_are(verb: Token, test: Callable[[Token], bool]) -> bool:
    """Every direct object of ``verb`` passes ``test`` (true without an object: "England
    won 2 – 1")."""
    return all(test(child) for child in verb.children if child.dep_ == "dobj")


def _is_side(token: Token) -> bool:
    """A team that plays against another: a name ("South Korea") or a side's noun ("the
    hosts"); or the score the parse took for the object ("beat France 24–17")."""
    return token.pos_ in ("PROPN", "NUM") or token.lemma_.lower() in SIDE_NOUNS


def _is_result(token: Token) -> bool:
    """What a side wins, loses or scores: a match's ("three points", "a corner kick", "the
    World Cup"), a score ("1–1"); not "the war" or "the vote"."""
    return (
        token.pos_ in ("PROPN", "NUM")
        or SCORE.fullmatch(token.text) is not None
        or token.lemma_.lower() in MATCH_RESULTS
    )


def _is_opponent_after(preposition: Token) -> bool:
    """The preposition puts its object on a side of a match: "lost 1 – 2 to England",
    "against Panama" after a match's verb or noun, "a third goal for Belgium", "equalise for
    Korea", "drew with Denmark", "a win over Brazil", "beaten by Australia"."""
    word = preposition.lower_
    head = preposition.head
    lemma = head.lemma_.lower()
    if word == "to":
        return lemma == "lose"
    if word == "against" or word == "over":
        return lemma in OPPONENT_VERBS or lemma in RESULT_VERBS or lemma in MATCH_NOUNS
    if word == "for":
        return lemma in SCORING_WORDS and (head.pos_ == "VERB" or head.dep_ == "dobj")
    if word == "with":
        return lemma in DRAW_VERBS
    return preposition.dep_ == "agent" and lemma in OPPONENT_VERBS
