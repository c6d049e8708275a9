"""Tagging a parsed document: candidate spans, trimmed, split and filtered, normalized with the
tense of their clause, anaphora resolved."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from sitegen.model import Tense, TimeExpression
from sitegen.nlp.doctext import doc_text
from sitegen.nlp.tense import clause_verb, span_tense
from sitegen.nlp.timex.anaphora import (
    ANAPHORS,
    PERIOD_ANAPHORS,
    Antecedents,
    Found,
    resolve_anaphora,
)
from sitegen.nlp.timex.normalize import normalize_phrase
from sitegen.nlp.timex.patterns import raw_spans
from sitegen.nlp.timex.phrases import clean_phrase
from sitegen.nlp.timex.vocabulary import (
    MONTH_RE,
    MONTHS,
    SEASONS,
    UNIT_WORD,
    UNITS,
    WEEKDAY_RE,
    WEEKDAYS,
    parse_number,
)
from sitegen.rules import rule

_TRIM_LEAD = re.compile(
    r"^(?:(?:about|around|approximately|roughly|nearly|almost|some|just|only|more than|less than"
    r"|fewer than|at least|at most|up to|since|until|till|by|from|on|in|at|during|for|as of"
    r"|within|before|after|between|through|of|over(?= the))\s+)+",
    re.IGNORECASE,
)
_TRIM_TAIL = re.compile(r"(?:\s+(?:and|or|to|through)|(?<=[a-z])['’]s|[\s,.;:\"'(])+$", re.I)
_SEPARATOR = re.compile(r"\s*(?:,|\band\b|\bto\b|\bthrough\b|\buntil\b|–|—|\s-\s)\s*", re.I)
_AGE_AFTER = re.compile(r"^[\s-]*(?:years?[\s-])?old\b", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged|ages|age of)\s+$", re.IGNORECASE)
_BARE_UNIT_WORD = re.compile(rf"{UNIT_WORD}|weekend", re.IGNORECASE)
_LEFT_MODIFIER = re.compile(r"\b(?:early|late|earlier|later|mid)(?:\s+in)?\s+$", re.IGNORECASE)
_LEFT_DEICTIC = re.compile(r"\b(?:this|last|next|past|coming|previous)\s+$", re.IGNORECASE)
_BARE_UNIT = re.compile(
    rf"(?:{UNIT_WORD}|weekend|{WEEKDAY_RE}|{MONTH_RE}|spring|summer|autumn|fall|winter)\b",
    re.IGNORECASE,
)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow [start, end) of ``text`` to the expression proper (TimeML keeps "the")."""
    piece = text[start:end]
    lead = _TRIM_LEAD.match(piece.lstrip())
    start += len(piece) - len(piece.lstrip()) + (lead.end() if lead else 0)
    piece = text[start:end]
    tail = _TRIM_TAIL.search(piece)
    return start, end - (len(tail.group()) if tail else 0)


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Parts of a span that failed as a whole: "2009 to 2011", "60 and 90 days"."""
    bounds, position = [], start
    for sep in _SEPARATOR.finditer(text, start, end):
        bounds.append((position, sep.start()))
        position = sep.end()
    bounds.append((position, end))
    parts = [_trim(text, s, e) for s, e in bounds if e > s]
    unit = re.search(rf"{UNIT_WORD}s?$", text[parts[-1][0] : parts[-1][1]].lower())
    result = []
    for s, e in parts:
        phrase = text[s:e]
        if unit and parse_number(phrase) is not None and not re.fullmatch(r"\d{4}", phrase):
            phrase = f"{phrase} {unit.group()}"
        result.append((s, e, phrase))
    return result if len(result) > 1 else []


def _extend_left(text: str, start: int, end: int) -> int:
    """Take in a modifier spaCy left out: "late in| the day", "this| year"."""
    before = text[max(0, start - 20) : start]
    if m := _LEFT_MODIFIER.search(before):
        return start - len(m.group())
    if (m := _LEFT_DEICTIC.search(before)) and _BARE_UNIT.match(text, start, end):
        return start - len(m.group())
    return start


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a span at line breaks (spaCy may run a dateline into the next paragraph)."""
    bounds, position = [], start
    for m in re.finditer(r"\n+", text[start:end]):
        bounds.append((position, start + m.start()))
        position = start + m.end()
    bounds.append((position, end))
    return [(s, e) for s, e in bounds if e > s]


def _season_modifier(doc: Doc, start: int, end: int) -> bool:
    """A season word modifying a non-temporal noun: "winter wheat", "summer school"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].lower_ not in SEASONS:
        return False
    token = span[0]
    return token.dep_ in ("compound", "amod", "nmod") and token.head.lemma_ not in UNITS


def _number_of_a_name(doc: Doc, start: int, phrase: str) -> bool:
    """A bare four-digit number right after a capitalized word that is no month, weekday or
    season ("Local 1520", "Route 1520", "Studio 1969"): the name's number, not a year. Not
    after a sentence's first word, which is capitalized anyway ("In 1520, ...")."""
    if not re.fullmatch(r"\d{4}", phrase):
        return False
    span = doc.char_span(start, start + len(phrase))
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    return (
        before.text[:1].isupper()
        and before.pos_ in ("PROPN", "NOUN")  # not "In" of a headline in title case
        and not before.is_sent_start
        and before.lower_.rstrip(".") not in DATE_WORDS
    )


DATE_WORDS = (
    frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(SEASONS) | {"fiscal", "calendar", "fy"}
)
"""Words that may stand before a year in a date ("May 2008", "Summer 2008", "Fiscal 2009")."""


DEADLINE_LOOKS_AHEAD = rule(
    "timex.deadline-looks-ahead",
    "timex",
    'A date after "until", "till" or "by" in a clause of no clear tense is a deadline ahead '
    '("markets to remain closed until Friday"), not a day past.',
    examples=[{"text": "The exchange is closed until Friday.", "published": "2008-09-15",
               "phrase": "Friday", "value": "2008-09-19"}],
)  # fmt: skip
_DEADLINE = re.compile(r"\b(?:until|till|by)\s+$", re.IGNORECASE)


PAST_CUE = rule(
    "timex.past-cue",
    "timex",
    'A date in a clause of no clear tense looks back when it is possessive ("Sunday\'s air '
    'strike"), follows "since", or its clause is in the present perfect ("has been held '
    'since Friday").',
    examples=[{"text": "The report on Sunday's air strike comes after a UN report.",
               "published": "2008-07-11", "phrase": "Sunday", "value": "2008-07-06"}],
)  # fmt: skip


def _past_cue(span: Span) -> bool:
    """ "Sunday's", "since Friday", "has been held ... Friday"."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start else None
    if after is not None and after.tag_ == "POS" or before is not None and before.lower_ == "since":
        return True
    verb = clause_verb(span.root)
    return verb is not None and any(
        child.dep_ == "aux" and child.lemma_ == "have" and child.tag_ in ("VBZ", "VBP")
        for child in verb.children
    )


def _tense_at(doc: Doc, start: int, end: int) -> Tense:
    if not (doc.has_annotation("TAG") and doc.has_annotation("DEP")):
        return "present"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return "present"
    tense = span_tense(span)
    if tense == "present" and DEADLINE_LOOKS_AHEAD.on and _DEADLINE.search(doc.text[:start][-8:]):
        DEADLINE_LOOKS_AHEAD.fired()
        return "future"
    if tense == "present" and PAST_CUE.on and _past_cue(span):
        PAST_CUE.fired()
        return "past"
    return tense


AGE_NOT_DURATION = rule(
    "timex.age-not-duration",
    "timex",
    'A count of years before "old" or after "aged" is an age, not a duration.',
    examples=[{"text": "A 58-year-old man was arrested.", "published": "2026-01-13",
               "phrase": "58-year", "value": None}],
)  # fmt: skip
NOT_A_PERIOD = rule(
    "timex.unit-or-season-modifier",
    "timex",
    'A bare unit word ("new year celebrations") or a season modifying a noun ("winter wheat") '
    "names no period.",
    examples=[{"text": "Farmers planted winter wheat.", "published": "2026-01-13",
               "phrase": "winter", "value": None}],
)  # fmt: skip
NAME_NUMBER = rule(
    "timex.name-number-not-year",
    "timex",
    "Four digits right after a capitalized word that is no date word are the name's number "
    '("Local 1520"), not a year.',
    examples=[{"text": "Whitey MacDonald, chairperson of Local 1520, spoke.",
               "published": "2026-01-13", "phrase": "1520", "value": None}],
)  # fmt: skip


QUANTITY_NOT_YEAR = rule(
    "timex.quantity-not-year",
    "timex",
    "Four digits before a time zone, \"local time\", \"hours\", a unit of measure or a street "
    "name, or after a currency sign or \"at\", are a time, a quantity or an address, never a "
    "year.",
    examples=[
        {"text": "The water rose to 1200 m above the town.", "published": "2004-06-01",
         "phrase": "1200", "value": None},
    ],
)  # fmt: skip
_QUANTITY_AFTER = re.compile(
    r"^\s?(?:GMT|UTC|Z|[ECMP][SD]T|BST|CET|local\b|hours?\b|hrs?\b|h\b"
    r"|(?:[kmcµ]?[gmlLWV]|lbs?|oz|ft|feet|foot|yd|mi|miles?|km/h|kmh|mph|knots?|tonnes?|tons?"
    r"|metres?|meters?|litres?|liters?|gallons?|barrels?|bpd|acres?|hectares?|ha|sq|square"
    r"|cubic|cc|hp|rpm|MW|GW|kWh?|Hz|MHz|GHz|bytes?|[KMGT]B|%|percent|per\s?cent|degrees?|°"
    r"|dollars?|euros?|pounds?|yen|yuan|rupees?|points?)(?![a-z])"
    r"|\s?\(\d{3,4}\s?(?:GMT|UTC)"  # "2130 (230 GMT)": a local clock time
    r"|\s[A-Z][a-z]+\s(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Drive|Lane|Way)\b)"
)
_QUANTITY_BEFORE = re.compile(
    r"(?:[$€£¥]|US\$|\b(?:USD|EUR|GBP|No\.|Nos?\.|#)|\b(?:at|located at|number)\s)\s?$"
)
"""Before four digits: a currency, a number sign, or "at" (an address or a time, never a
year: "at 1109 Elmwood", "at 1130")."""


def _a_quantity(text: str, start: int, end: int, phrase: str) -> bool:
    """Four digits of a time or a quantity: "1130 GMT", "1000g", "$1500", "2139 km"."""
    if not re.fullmatch(r"\d{4}", phrase):
        return False
    return bool(
        _QUANTITY_AFTER.match(text[end : end + 40]) or _QUANTITY_BEFORE.search(text[:start][-6:])
    )


COUNT_OF_THINGS = rule(
    "timex.count-of-things",
    "timex",
    "Four digits that count the plural noun right after them (\"in 2004 plants\", \"to 2000 "
    "troops\"), with no determiner before (\"the 2008 elections\"), are a number, not a year.",
    examples=[{"text": "It employs 1200 workers in 2004 plants.", "published": "2005-03-01",
               "phrase": "2004", "value": None}],
)  # fmt: skip


def _counts_things(doc: Doc, start: int, phrase: str) -> bool:
    """ "2004 plants": the number modifies the plural noun that follows it."""
    if not re.fullmatch(r"\d{4}", phrase) or not doc.has_annotation("DEP"):
        return False
    span = doc.char_span(start, start + len(phrase))
    if span is None or len(span) != 1:
        return False
    number = span[0]
    before = doc[number.i - 1] if number.i else None
    return (
        number.dep_ == "nummod"
        and number.head.i == number.i + 1
        and number.head.tag_ == "NNS"
        and (before is None or before.tag_ not in ("DT", "PRP$", "POS", "NNP", "CD"))
    )


def _normalize_span(
    doc: Doc, start: int, end: int, phrase: str, published: dt.date | None
) -> Found | None:
    text = doc_text(doc)
    before, after = text[max(0, start - 12) : start], text[end : end + 12]
    if AGE_NOT_DURATION.on and (_AGE_AFTER.match(after) or _AGE_BEFORE.search(before)):
        AGE_NOT_DURATION.fired()
        return None  # "58-year-old", "aged 8-10 years" are ages, not durations
    if NOT_A_PERIOD.on and (_BARE_UNIT_WORD.fullmatch(phrase) or _season_modifier(doc, start, end)):
        NOT_A_PERIOD.fired()
        return None  # "year" in "new year celebrations", "winter wheat", "Summer Olympics"
    if QUANTITY_NOT_YEAR.on and _a_quantity(text, start, end, phrase):
        QUANTITY_NOT_YEAR.fired()
        return None  # "1130 GMT" read as a year, "1000g", "$1500"
    if COUNT_OF_THINGS.on and _counts_things(doc, start, phrase):
        COUNT_OF_THINGS.fired()
        return None  # "in 2004 plants", "to 2000 troops"
    if NAME_NUMBER.on and _number_of_a_name(doc, start, phrase):
        NAME_NUMBER.fired()
        return None  # "Local 1520", "Route 1520": a name's number, not a year
    tense = _tense_at(doc, start, end)
    result = normalize_phrase(phrase, published, tense)
    if result is None:
        key = clean_phrase(phrase)
        if key not in ANAPHORS and phrase.lower() not in ANAPHORS and key not in PERIOD_ANAPHORS:
            return None
        result = ("DATE", "", False)
    return Found(start, end, *result, text=text[start:end], tense=tense)


def _candidates(doc: Doc, published: dt.date | None) -> list[Found]:
    found = []
    text = doc_text(doc)
    for raw_start, raw_end in set(raw_spans(doc)):
        for seg_start, seg_end in _segments(text, raw_start, raw_end):
            start, end = _trim(text, seg_start, seg_end)
            if end <= start:
                continue
            start = _extend_left(text, start, end)
            if whole := _normalize_span(doc, start, end, text[start:end], published):
                found.append(whole)
                continue
            pieces = _pieces(text, start, end)
            for s, e, phrase in pieces:
                if part := _normalize_span(doc, s, e, phrase, published):
                    found.append(part)
            if not pieces and (tail := _dated_tail(doc, start, end, published)):
                found.append(tail)
    return found


DATED_TAIL = rule(
    "timex.dated-tail",
    "timex",
    "A span that is no time expression as a whole but ends in one (\"the year ended June 30\") "
    "keeps its longest dated tail.",
    examples=[{"text": "It reported results for the year ended June 30.",
               "published": "1991-07-10", "phrase": "June 30", "value": "1991-06-30"}],
)  # fmt: skip


def _dated_tail(doc: Doc, start: int, end: int, published: dt.date | None) -> Found | None:
    """The longest tail of [start, end) from a word boundary that normalizes to a date."""
    if not DATED_TAIL.on:
        return None
    text = doc_text(doc)
    for boundary in re.finditer(r"\s+", text[start:end]):
        tail = start + boundary.end()
        found = _normalize_span(doc, tail, end, text[tail:end], published)
        if found and found.kind in ("DATE", "TIME") and found.value[:1].isdigit():
            DATED_TAIL.fired()
            return found
    return None


def _select(found: list[Found]) -> list[Found]:
    """Longest first, no overlaps, back in text order."""
    chosen: list[Found] = []
    for f in sorted(found, key=lambda f: (f.start - f.end, f.start)):
        if all(f.end <= c.start or c.end <= f.start for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.start)


CLOCK_TAKES_DATE = rule(
    "timex.clock-takes-following-date",
    "timex",
    'A clock time followed by ", DATE" or " on DATE" is a time of that day.',
    examples=[{"text": "The quake struck at 16:15 UTC, June 1, 2009.", "published": "2009-06-03",
               "phrase": "16:15 UTC", "value": "2009-06-01T16:15Z"}],
)  # fmt: skip


def _attach_clock_dates(found: list[Found], text: str) -> list[Found]:
    """ "16:15 UTC, June 1st": the clock time takes the date that follows it."""
    result = list(found)
    for i, (clock, date) in enumerate(zip(found, found[1:], strict=False)):
        between = text[clock.end : date.start]
        if clock.kind != "TIME" or "T" not in clock.value or between not in (", ", ",", " on "):
            continue
        if CLOCK_TAKES_DATE.on and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date.value):
            CLOCK_TAKES_DATE.fired()
            value = date.value + clock.value[clock.value.index("T") :]
            result[i] = replace(clock, value=value, anchored=date.anchored)
    return result


def tag_times(
    doc: Doc,
    published: dt.date | None,
    offset: int = 0,
    antecedents: Antecedents | None = None,
) -> list[TimeExpression]:
    """All TIMEX3 expressions of ``doc``, normalized against ``published``.

    ``start``/``end`` are character offsets in ``doc.text`` plus ``offset``. ``antecedents``
    carries the dates mentioned in earlier paragraphs of the same article ("That same year"
    refers back across a paragraph break) and is updated with this doc's.
    """
    seen = antecedents if antecedents is not None else Antecedents()
    candidates = _select(_candidates(doc, published))
    found = _attach_clock_dates(resolve_anaphora(candidates, seen), doc_text(doc))
    return [
        TimeExpression(
            start=f.start + offset,
            end=f.end + offset,
            text=f.text,
            type=f.kind,  # type: ignore[arg-type]
            value=f.value,
            sentence=-1,
            anchored=f.anchored,
        )
        for f in found
    ]
