"""Normalization rules for dates relative to the publication date: today, last week, the
previous year, the third quarter, two years ago."""

from __future__ import annotations

import datetime as dt
import re

from sitegen.nlp.timex.calendar import (
    Context,
    Result,
    calendar_period,
    choose,
    day_result,
    direction,
    example,
    shifted_period,
)
from sitegen.nlp.timex.dates import year_of
from sitegen.nlp.timex.vocabulary import (
    DAY_WORDS,
    MODIFIER_RE,
    NEIGHBOUR_RE,
    NUMBER_WORD,
    ORDINALS,
    SHIFTS,
    UNIT_QUALIFIER,
    UNIT_WORD,
    parse_number,
)
from sitegen.rules import rule

DEICTIC_PERIOD = rule(
    "timex.deictic-period",
    "timex",
    "today, yesterday, this week, last month, next year: the period holding the publication "
    "date, moved by the modifier.",
    examples=[
        example("yesterday", "2026-01-13", "past", "2026-01-12"),
        example("last week", "2004-11-24", "past", "2004-W47"),
        example("the latest quarter", "1989-11-02", "past", "1989-Q3"),
    ],
)


def deictic_value(text: str, ctx: Context) -> Result | None:
    """today, yesterday, the day, this week, last month, next year, the past decade."""
    if text in DAY_WORDS:
        if ctx.pub is None:
            return "DATE", "", False
        return day_result(ctx.pub + dt.timedelta(days=DAY_WORDS[text]), True)
    m = re.fullmatch(
        rf"{MODIFIER_RE}(?:fiscal |financial |calendar )?"
        r"(week|weekend|month|year|quarter|decade|century)",
        text,
    )
    if not m:
        return None
    if ctx.pub is None:
        return "DATE", "", False
    shift = SHIFTS.get(m[1] or "", 0)
    if m[2] == "weekend" and m[1] is None and ctx.tense == "past" and 1 <= ctx.pub.weekday() <= 4:
        if WEEKEND_BY_TENSE.on:  # told in the past tense: the one just gone
            WEEKEND_BY_TENSE.fired()
            shift = -1
    return "DATE", calendar_period(ctx.pub, m[2], shift), True


WEEKEND_BY_TENSE = rule(
    "timex.weekend-by-tense",
    "timex",
    '"The weekend" (not "this weekend") told Tuesday to Friday in the past tense is the weekend '
    "just gone, not the one of the publication's week (on a Monday both are filed in its week).",
    examples=[example("the weekend", "1990-08-15", "past", "1990-W32-WE")],
)


def neighbour(text: str) -> tuple[str, int] | None:
    """(unit, shift) of "the previous year", "the day before", "the following week"."""
    m = NEIGHBOUR_RE.fullmatch(text)
    if not m:
        return None
    return (m[2], SHIFTS[m[1]]) if m[1] else (m[3], SHIFTS[m[4]])


NEIGHBOUR_PERIOD = rule(
    "timex.neighbour-period",
    "timex",
    "The previous year, the day before, the following week: next to the publication date when "
    "no date is named before.",
    examples=[
        example("the day before", "2026-01-13", "past", "2026-01-12"),
    ],
)


def neighbour_value(text: str, ctx: Context) -> Result | None:
    """The previous year / the day before: relative to the publication date here."""
    found = neighbour(text)
    if found is None:
        return None
    if ctx.pub is None:
        return "DATE", "", False
    return "DATE", calendar_period(ctx.pub, *found), True


QUARTER_HALF = rule(
    "timex.quarter-half",
    "timex",
    "The third quarter (of a year), Q3 2009, the first half of 2009: a quarter or half; without"
    " a year, the one the tense points at.",
    examples=[
        example("the third quarter", "2008-11-03", "past", "2008-Q3"),
        example("the first quarter of last year", "2009-05-07", "past", "2008-Q1"),
    ],
)


def quarter_value(text: str, ctx: Context) -> Result | None:
    """The third quarter (of 2009 / of last year) → 2009-Q3; the first half → 2009-H1."""
    m = re.fullmatch(r"(first|second|third|fourth|final|last|[1-4](?:st|nd|rd|th)|q[1-4])"
                     r"[\s-](quarter|half)(?:,? (?:of )?(.+))?", text)  # fmt: skip
    if m is None and (m2 := re.fullmatch(r"q([1-4]),? (\d{4})", text)):
        return "DATE", f"{m2[2]}-Q{m2[1]}", False
    if m is None or (m[1] == "last" or m[2] == "half") and not m[3]:
        return None  # "last quarter" is deictic; a bare "first half" is often a match half
    number = int(m[1][1]) if m[1].startswith("q") else ORDINALS.get(m[1]) or int(m[1][0])
    code, per_year = ("Q", 4) if m[2] == "quarter" else ("H", 2)
    number = min(number, per_year)
    if m[3]:
        year = year_of(m[3], ctx)
        return None if year is None else ("DATE", f"{year[0]}-{code}{number}", year[1])
    if ctx.pub is None:
        return "DATE", f"XXXX-{code}{number}", False
    current = ctx.pub.year * per_year + (ctx.pub.month - 1) * per_year // 12
    candidates = [(ctx.pub.year + k) * per_year + number - 1 for k in (-1, 0, 1)]
    chosen = choose(candidates, current, direction(ctx, None))
    return "DATE", f"{chosen // per_year}-{code}{chosen % per_year + 1}", True


AGO = rule(
    "timex.ago",
    "timex",
    "N units ago / from now is the publication date moved by N units, at the unit's "
    "granularity; a vague count is PAST_REF or FUTURE_REF.",
    examples=[
        example("two years ago", "2026-01-13", "past", "2024"),
        example("three days ago", "2026-01-13", "past", "2026-01-10"),
    ],
)


def ago_value(text: str, ctx: Context) -> Result | None:
    """two years ago → 2024; three days from now; a few weeks ago → PAST_REF."""
    m = re.fullmatch(
        rf"{NUMBER_WORD}[\s-](?:{UNIT_QUALIFIER} )?{UNIT_WORD}s? (ago|from now|hence|back)", text
    )
    if not m:
        return None
    future = m[3] in ("from now", "hence")
    count = parse_number(m[1])
    if count is None:
        return "DATE", "FUTURE_REF" if future else "PAST_REF", False
    if m[2] in ("second", "minute", "hour"):
        return "TIME", "FUTURE_REF" if future else "PAST_REF", False
    if ctx.pub is None:
        return "DATE", "", False
    return "DATE", shifted_period(ctx.pub, m[2], count if future else -count), True


UNITS_EARLIER_LATER = rule(
    "timex.units-earlier-later",
    "timex",
    '"A year earlier", "two days later" name a date (not a duration): that many units before '
    "or after the last date the text names, else the publication date.",
    examples=[example("a year earlier", "1990-08-15", "past", "1989")],
)


def earlier_later_value(text: str, ctx: Context) -> Result | None:
    """a year earlier → the publication year − 1 (re-anchored on the text's last date)."""
    m = re.fullmatch(
        rf"{NUMBER_WORD}[\s-](?:{UNIT_QUALIFIER} )?{UNIT_WORD}s? (earlier|later)", text
    )
    if not m or (count := parse_number(m[1])) is None or m[2] in ("second", "minute", "hour"):
        return None
    if ctx.pub is None:
        return "DATE", "", False
    return "DATE", shifted_period(ctx.pub, m[2], count if m[3] == "later" else -count), True


def earlier_later(text: str) -> tuple[str, int] | None:
    """(unit, shift) of "a year earlier", "two days later"; None for other phrases."""
    m = re.fullmatch(
        rf"{NUMBER_WORD}[\s-](?:{UNIT_QUALIFIER} )?{UNIT_WORD}s? (earlier|later)", text
    )
    if not m or (count := parse_number(m[1])) is None:
        return None
    return m[2], count if m[3] == "later" else -count
