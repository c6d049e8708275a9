"""Where time expressions are looked for besides spaCy's DATE/TIME entities: token patterns
and text patterns (clock times, numeric dates)."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from sitegen.nlp.doctext import doc_text
from sitegen.nlp.matching import SelectiveMatcher
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
_PREPOSITIONS = ["in", "since", "by", "until", "from", "to", "and", "between", "before", "after",
                 "of", "through", "during", "early", "late", "mid", "or"]  # fmt: skip
_WEEKDAY_NAMES = [w for w in WEEKDAYS if w.endswith("day")]
_MONTH_NAMES = [m for m in MONTHS if len(m) > 3 or m == "may"]
_DAY_NAMES = _WEEKDAY_NAMES + ["yesterday", "today", "tomorrow"]
_PARTS = ["morning", "afternoon", "evening", "night"]
_MID_PARTS = [p for p in PARTS_OF_DAY if p.startswith("mid")]
_ONES = [w for w, n in SMALL_NUMBERS.items() if 1 <= n <= 9]
_MATCHERS: dict[tuple[int, bool], tuple[Vocab, SelectiveMatcher]] = {}


def _patterns() -> dict[str, list[list[dict[str, Any]]]]:
    """Token patterns for what spaCy's DATE/TIME entities tend to miss."""
    refs = ["now", "currently", "recently", "lately", "nowadays", "presently"]
    return {
        "REF": [
            [{"LOWER": {"IN": ["more", "most"]}, "OP": "?"}, {"LOWER": {"IN": refs}}],
            [{"LOWER": {"IN": ["current", "recent"]}, "POS": "ADJ"}],
            [{"LOWER": "recent"}, {"LOWER": {"IN": ["years", "months", "weeks", "days"]}}],
            [{"LOWER": "the"}, {"LOWER": {"IN": ["near", "distant"]}, "OP": "?"},
             {"LOWER": "future"}],
            [{"LOWER": "the"}, {"LOWER": "long"}, {"LOWER": {"IN": ["term", "run"]}}],
            [{"LOWER": "in"}, {"LOWER": "the"}, {"LOWER": "past", "POS": "NOUN"}],
        ],
        "DAY": [
            [{"LOWER": {"IN": ["the", "that"]}}, {"LOWER": "same", "OP": "?"},
             {"LOWER": {"IN": ["day", "time", "date"]}}],
            [{"LOWER": "the"}, {"LOWER": {"IN": ["previous", "prior", "preceding", "following"]}},
             {"LOWER": {"IN": ["day", "week", "month", "year"]}}],
        ],
        "BEFORE": [  # "the year before." (not "the day after falling ...")
            [{"LOWER": "the"}, {"LOWER": {"IN": ["day", "week", "month", "year"]}},
             {"LOWER": {"IN": ["before", "previous", "earlier", "prior", "after"]}},
             {"IS_PUNCT": True}],
        ],
        "SEASON": [
            [{"LOWER": {"IN": ["spring", "summer", "autumn", "winter"]},
              "POS": {"IN": ["NOUN", "PROPN"]}, "DEP": {"NOT_IN": ["compound", "amod", "nmod"]}}],
            [{"LOWER": {"IN": ["this", "last", "next"]}}, {"LOWER": "fall"}],
        ],
        "YEAR": [[{"LOWER": {"IN": _PREPOSITIONS}}, {"SHAPE": "dddd"}]],
        "DURATION": [
            [{"LIKE_NUM": True}, {"LIKE_NUM": True, "OP": "?"},
             {"LOWER": {"IN": ["more", "additional", "straight", "consecutive", "trading",
                               "business", "working"]}, "OP": "?"},
             {"ORTH": "-", "OP": "?"}, {"LOWER": {"IN": _UNIT_FORMS}},
             {"LOWER": {"IN": ["ago", "later", "earlier"]}, "OP": "?"}],
            [{"LOWER": "single"}, {"ORTH": "-"}, {"LOWER": {"IN": _UNIT_FORMS}}],
        ],
        "SET": [
            [{"LOWER": {"IN": list(ADVERB_SETS)}, "POS": {"IN": ["ADJ", "ADV"]}}],
            [{"LOWER": {"IN": ["every", "each"]}}, {"LOWER": "other", "OP": "?"},
             {"LIKE_NUM": True, "OP": "?"},
             {"LOWER": {"IN": _UNIT_FORMS + _WEEKDAY_NAMES + _MONTH_NAMES}}],
            [{"LOWER": {"IN": _WEEKDAY_NAMES + [w + "s" for w in _WEEKDAY_NAMES]}},
             {"LOWER": {"IN": [p + "s" for p in _PARTS]}}],
        ],
        "PART_OF_DAY": [  # "Thursday evening", "noon Thursday", "mid-afternoon yesterday"
            [{"LOWER": {"IN": _DAY_NAMES}}, {"LOWER": {"IN": _PARTS}}],
            [{"LOWER": "mid", "OP": "?"}, {"ORTH": "-", "OP": "?"},
             {"LOWER": {"IN": _PARTS + _MID_PARTS + ["noon", "midnight", "midday"]}},
             {"LOWER": {"IN": _DAY_NAMES}}],
        ],
        "SPELLED_YEAR": [  # "nineteen ninety-six", "the year two thousand", "the nineties"
            [{"LOWER": {"IN": ["eighteen", "nineteen", "twenty"]}},
             {"LOWER": {"IN": list(TENS) + ["hundred", "ten", "eleven", "twelve", "thirteen",
                                            "fourteen", "fifteen", "sixteen", "seventeen",
                                            "eighteen", "nineteen"]}},
             {"ORTH": "-", "OP": "?"}, {"LOWER": {"IN": _ONES}, "OP": "?"}],
            [{"LOWER": {"IN": ["year"] + _MONTH_NAMES}}, {"LOWER": "two"},
             {"LOWER": "thousand"}, {"LOWER": "and", "OP": "?"},
             {"LOWER": {"IN": _ONES}, "OP": "?"}],
            [{"LOWER": "the"}, {"LOWER": {"IN": list(DECADE_WORDS)}}],
        ],
        "FISCAL": [
            [{"LOWER": {"IN": ["this", "last", "next", "current", "previous", "coming", "the"]}},
             {"LOWER": "current", "OP": "?"}, {"LOWER": {"IN": ["fiscal", "financial"]}},
             {"LOWER": {"IN": ["year", "quarter"]}}],
        ],
    }  # fmt: skip


def _unparsed(pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A pattern without the POS/DEP conditions, for documents that were not parsed."""
    return [{k: v for k, v in token.items() if k not in ("POS", "DEP")} for token in pattern]


def token_patterns(parsed: bool) -> list[tuple[str, list[dict[str, Any]]]]:
    """(label, pattern) of every token pattern, in order; without POS/DEP if not ``parsed``."""
    return [
        (label, pattern if parsed else _unparsed(pattern))
        for label, patterns in _patterns().items()
        for pattern in patterns
    ]


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
