"""Where time expressions are looked for besides spaCy's DATE/TIME entities: token patterns
and text patterns (clock times, numeric dates)."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from sitegen.nlp.doctext import doc_text
from sitegen.nlp.matching import PatternError, SelectiveMatcher, TokenPattern, load_patterns
from sitegen.nlp.timex.vocabulary import (
    ADVERB_SETS,
    DECADE_WORDS,
    MONTHS,
    PARTS_OF_DAY,
    SMALL_NUMBERS,
    TENS,
    UNITS,
    WEEKDAYS,
)

TEXT_PATTERNS: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (
        (":",),
        re.compile(
            r"\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+(?:UTC|GMT))?"
            r"(?:\s+(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?(?![\w:])",
            re.IGNORECASE,
        ),
    ),
    ((".m.", ".M."), re.compile(r"\b\d{1,2}\s*[ap]\.m\.", re.IGNORECASE)),
    (("/",), re.compile(r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b")),
    (("-",), re.compile(r"\b\d{4}-\d{2}-\d{2}\b")),
    (
        ("GMT", "UTC", "local time", "hours", "hrs"),
        re.compile(r"\b(?:[01]\d|2[0-4])[0-5]\d\s?(?:GMT|UTC|local time|hours|hrs)\b"),
    ),
)
"""Clock times (also wire style, "1130 GMT") and numeric dates, each with the strings one of
which every match contains (a text without them is not searched: most paragraphs have no ":",
"/" or "p.m.")."""


_UNIT_FORMS = [form for unit in UNITS if unit != "night" for form in (unit, unit + "s")]
_UNIT_FORMS.append("centuries")
_WEEKDAY_NAMES = [w for w in WEEKDAYS if w.endswith("day")]
_MONTH_NAMES = [m for m in MONTHS if len(m) > 3 or m == "may"]
_DAY_NAMES = _WEEKDAY_NAMES + ["yesterday", "today", "tomorrow"]
_PARTS = ["morning", "afternoon", "evening", "night"]
_MID_PARTS = [p for p in PARTS_OF_DAY if p.startswith("mid")]
_ONES = [w for w, n in SMALL_NUMBERS.items() if 1 <= n <= 9]
_MATCHERS: dict[tuple[int, bool], tuple[Vocab, SelectiveMatcher]] = {}


PATTERN_FILE = "timex.jsonl"
"""The token patterns written as data (``sitegen/data/patterns/timex.jsonl``): those of
literal words. "the year before." must end at a punctuation mark ("the day after falling ..."
is no date); a YEAR match keeps only the year; a BEFORE match drops the mark."""
LABELS = ("REF", "DAY", "BEFORE", "SEASON", "YEAR", "DURATION", "SET", "PART_OF_DAY",
          "SPELLED_YEAR", "FISCAL")  # fmt: skip
"""The labels, in the order the matcher is given their patterns."""


def _vocabulary_patterns() -> list[TokenPattern]:
    """Token patterns built from the timex vocabulary (units, weekdays, months, parts of the
    day, number words): they stay code, so that a word added to the vocabulary is matched."""
    def pattern(what: str, label: str, tokens: list[dict[str, Any]]) -> TokenPattern:
        return TokenPattern(f"timex.{label.lower().replace('_', '-')}.{what}", label, tokens)

    return [
        pattern("count-unit", "DURATION", [
            {"LIKE_NUM": True}, {"LIKE_NUM": True, "OP": "?"},
            {"LOWER": {"IN": ["more", "additional", "straight", "consecutive", "trading",
                              "business", "working"]}, "OP": "?"},
            {"ORTH": "-", "OP": "?"}, {"LOWER": {"IN": _UNIT_FORMS}},
            {"LOWER": {"IN": ["ago", "later", "earlier"]}, "OP": "?"}]),
        pattern("single-unit", "DURATION",
                [{"LOWER": "single"}, {"ORTH": "-"}, {"LOWER": {"IN": _UNIT_FORMS}}]),
        pattern("adverb", "SET",
                [{"LOWER": {"IN": list(ADVERB_SETS)}, "POS": {"IN": ["ADJ", "ADV"]}}]),
        pattern("every-unit", "SET", [
            {"LOWER": {"IN": ["every", "each"]}}, {"LOWER": "other", "OP": "?"},
            {"LIKE_NUM": True, "OP": "?"},
            {"LOWER": {"IN": _UNIT_FORMS + _WEEKDAY_NAMES + _MONTH_NAMES}}]),
        pattern("weekday-parts", "SET", [
            {"LOWER": {"IN": _WEEKDAY_NAMES + [w + "s" for w in _WEEKDAY_NAMES]}},
            {"LOWER": {"IN": [p + "s" for p in _PARTS]}}]),
        # "Thursday evening", "noon Thursday", "mid-afternoon yesterday"
        pattern("day-part", "PART_OF_DAY",
                [{"LOWER": {"IN": _DAY_NAMES}}, {"LOWER": {"IN": _PARTS}}]),
        pattern("part-day", "PART_OF_DAY", [
            {"LOWER": "mid", "OP": "?"}, {"ORTH": "-", "OP": "?"},
            {"LOWER": {"IN": _PARTS + _MID_PARTS + ["noon", "midnight", "midday"]}},
            {"LOWER": {"IN": _DAY_NAMES}}]),
        # "nineteen ninety-six", "the year two thousand", "the nineties"
        pattern("nineteen-ninety", "SPELLED_YEAR", [
            {"LOWER": {"IN": ["eighteen", "nineteen", "twenty"]}},
            {"LOWER": {"IN": list(TENS) + ["hundred", "ten", "eleven", "twelve", "thirteen",
                                           "fourteen", "fifteen", "sixteen", "seventeen",
                                           "eighteen", "nineteen"]}},
            {"ORTH": "-", "OP": "?"}, {"LOWER": {"IN": _ONES}, "OP": "?"}]),
        pattern("two-thousand", "SPELLED_YEAR", [
            {"LOWER": {"IN": ["year"] + _MONTH_NAMES}}, {"LOWER": "two"},
            {"LOWER": "thousand"}, {"LOWER": "and", "OP": "?"},
            {"LOWER": {"IN": _ONES}, "OP": "?"}]),
        pattern("the-decade", "SPELLED_YEAR",
                [{"LOWER": "the"}, {"LOWER": {"IN": list(DECADE_WORDS)}}]),
    ]  # fmt: skip


def all_patterns() -> list[TokenPattern]:
    """Every token pattern for what spaCy's DATE/TIME entities tend to miss: the file's and
    the vocabulary's, by label in the order of ``LABELS`` (each in its own order)."""
    patterns = [*load_patterns(PATTERN_FILE), *_vocabulary_patterns()]
    unknown = [p.id for p in patterns if p.label not in LABELS]
    if unknown:
        raise PatternError(f"sitegen/data/patterns/{PATTERN_FILE}: unknown labels of {unknown}")
    return sorted(patterns, key=lambda p: LABELS.index(p.label))


def _unparsed(pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A pattern without the POS/DEP conditions, for documents that were not parsed."""
    return [{k: v for k, v in token.items() if k not in ("POS", "DEP")} for token in pattern]


def token_patterns(parsed: bool) -> list[tuple[str, list[dict[str, Any]]]]:
    """(label, pattern) of every token pattern, in order; without POS/DEP if not ``parsed``."""
    return [(p.label, p.pattern if parsed else _unparsed(p.pattern)) for p in all_patterns()]


def _matcher(vocab: Vocab, parsed: bool) -> SelectiveMatcher:
    """The token matcher for ``vocab`` (built once; the vocab is kept so its id stays unique)."""
    key = (id(vocab), parsed)
    if key not in _MATCHERS:
        _MATCHERS[key] = (vocab, SelectiveMatcher(vocab, token_patterns(parsed)))
    return _MATCHERS[key][1]


def _hyphenated(token: Token) -> bool:
    """The token is glued to a following hyphen ("now-cancelled")."""
    return not token.whitespace_ and token.i + 1 < len(token.doc) and token.nbor().text == "-"


def _match_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of rule matches (a YEAR match keeps only the year)."""
    spans = []
    parsed = doc.has_annotation("POS") and doc.has_annotation("DEP")
    for match_id, start, end in _matcher(doc.vocab, parsed)(doc):
        span = doc[start:end]
        label = doc.vocab.strings[match_id]
        if label == "YEAR":
            span = doc[end - 1 : end]
        elif label == "BEFORE":
            span = doc[start : end - 1]
        if label == "REF" and _hyphenated(span[-1]):
            continue  # "now-cancelled"
        spans.append((span.start_char, span.end_char))
    return spans


def raw_spans(doc: Doc) -> list[tuple[int, int]]:
    """Candidate character spans: spaCy DATE/TIME entities, token patterns, text patterns."""
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    spans += _match_spans(doc)
    text = doc_text(doc)
    for needed, pattern in TEXT_PATTERNS:
        if any(literal in text for literal in needed):
            spans += [m.span() for m in pattern.finditer(text)]
    return spans
