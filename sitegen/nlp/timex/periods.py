"""Normalization rules for durations, sets, clock times and parts of the day."""

from __future__ import annotations

import re

from sitegen.nlp.timex.calendar import Context, Result, duration_code, example
from sitegen.nlp.timex.phrases import clean_phrase
from sitegen.nlp.timex.vocabulary import (
    ADVERB_SETS,
    MONTH_RE,
    NUMBER_WORD,
    PART_OF_DAY_RE,
    PARTS_OF_DAY,
    UNIT_QUALIFIER,
    UNIT_WORD,
    UNITS,
    VAGUE_QUANTITIES,
    month_number,
    parse_number,
    weekday_number,
)
from sitegen.rules import rule

_DURATION_RE = re.compile(
    rf"(?:an? (?=\d))?(?:(?:next|past|last|previous|coming|first|final|following|recent|another)"
    rf" )?{NUMBER_WORD}[\s-](?:(?:straight|consecutive|full|whole|successive|more|additional"
    rf"|long|short|extra) )?(?:{UNIT_QUALIFIER} )?{UNIT_WORD}s?"
    rf"(?:[\s-](?:long|period|span|history|stretch|timeframe"
    rf"|time frame|before|after|earlier|later|running|in a row))?"
)


DURATION = rule(
    "timex.duration",
    "timex",
    "A count and a unit (three-day, more than 1,000 days, the next four years) is a duration; a"
    " vague count is PX<unit>.",
    examples=[
        example("more than 1,000 days", "2026-01-13", "past", "P1000D", "DURATION"),
        example("five minutes", "2026-01-13", "past", "PT5M", "DURATION"),
    ],
)


def duration_value(text: str, ctx: Context) -> Result | None:
    """three-day → P3D, more than 1,000 days → P1000D, five minutes → PT5M, years → PXY."""
    if m := _DURATION_RE.fullmatch(text):
        count = parse_number(m[1])
        if count is None and m[1] not in VAGUE_QUANTITIES:
            return None
        if re.fullmatch(r"[12]\d{3}", m[1]) and not text.endswith("s"):
            return None  # "World Cup 2018 day five"
        return "DURATION", duration_code(count, m[2]), False
    if m := re.fullmatch(rf"(?:(?:the )?(?:past|last|next|coming) )?{UNIT_WORD}s(?:-long)?", text):
        return "DURATION", duration_code(None, m[1].removesuffix("s")), False
    if m := re.fullmatch(rf"half an? {UNIT_WORD}", text):
        return "DURATION", _half_duration(m[1]), False
    return None


def _half_duration(unit: str) -> str:
    halves = {"hour": "PT30M", "minute": "PT30S", "day": "PT12H", "year": "P6M", "month": "P2W"}
    return halves.get(unit, "P" + "X" + UNITS[unit].lstrip("T"))


SET = rule(
    "timex.set",
    "timex",
    "every week, weekly, every two years, every Monday, on Mondays: a set (P1W, P2Y, XXXX-WXX-1).",
    examples=[
        example("every two years", "2026-01-13", "present", "P2Y", "SET"),
        example("every Monday", "2026-01-13", "present", "XXXX-WXX-1", "SET"),
        example("Tuesday nights", "2026-01-13", "present", "XXXX-WXX-2TNI", "SET"),
    ],
)


def set_value(text: str, ctx: Context) -> Result | None:
    """every week / weekly → P1W, every two years → P2Y, every Monday → XXXX-WXX-1."""
    if text in ADVERB_SETS:
        return "SET", ADVERB_SETS[text], False
    if m := re.fullmatch(rf"(?:every|each|per|once a|twice a|\w+ times a) (other )?"
                         rf"(?:{NUMBER_WORD} )?{UNIT_WORD}s?", text):  # fmt: skip
        count = parse_number(m[2]) if m[2] else 1
        return "SET", duration_code((count or 1) * (2 if m[1] else 1), m[3]), False
    m = re.fullmatch(r"(?:(every|each) )?((?:mon|tues|wednes|thurs|fri|satur|sun)day)(s)?", text)
    if m and (m[1] or m[3]):  # "every Monday", "on Mondays"
        return "SET", f"XXXX-WXX-{weekday_number(m[2]) + 1}", False
    if m := re.fullmatch(rf"(?:every|each) {MONTH_RE}", text):
        return "SET", f"XXXX-{month_number(m[1]):02d}", False
    weekday = r"((?:mon|tues|wednes|thurs|fri|satur|sun)day)"
    if m := re.fullmatch(rf"(?:every |each )?{weekday}s? {PART_OF_DAY_RE}s", text):
        part = PARTS_OF_DAY[m[2]]  # "Tuesday nights"
        return "SET", f"XXXX-WXX-{weekday_number(m[1]) + 1}T{part}", False
    return None


_CLOCK_RE = re.compile(
    r"(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?|o'clock|h)?"
    r"(?:\s*(utc|gmt|z|[a-z]{1,3}[sd]?t))?(?:,? (?:on )?(.+))?"
)


def clock_date(rest: str | None, ctx: Context) -> tuple[str, bool] | None:
    """The day of a clock time: a following date phrase, else the publication date."""
    if rest:
        result = ctx.again(clean_phrase(rest))
        if result is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", result[1]):
            return None
        return result[1], result[2]
    return (ctx.pub.isoformat(), True) if ctx.pub else ("", False)


CLOCK_TIME = rule(
    "timex.clock-time",
    "timex",
    "A clock time (16:08 UTC, 4 p.m., noon) is a time on the day named after it, else on the "
    "publication day.",
    examples=[
        example("16:08 UTC", "2008-09-17", "past", "2008-09-17T16:08Z", "TIME"),
        example("4 p.m.", "2026-01-13", "past", "2026-01-13T16:00", "TIME"),
    ],
)


def clock_value(text: str, ctx: Context) -> Result | None:
    """16:08 UTC → 2008-09-17T16:08Z, 4 p.m. Monday, noon, midnight."""
    text = re.sub(r"^(noon|midday)\b", "12:00", re.sub(r"^midnight\b", "24:00", text))
    m = _CLOCK_RE.fullmatch(text)
    if not m or not (m[2] or m[3] and m[3] != "h"):
        return None
    hour, minute = int(m[1]), int(m[2] or 0)
    if m[3] and m[3].startswith("p") and hour < 12:
        hour += 12
    elif m[3] and m[3].startswith("a") and hour == 12:
        hour = 0
    day = clock_date(m[5], ctx)
    if hour > 24 or minute > 59 or day is None:
        return None
    zone = "Z" if m[4] in ("utc", "gmt", "z") else ""
    value = f"{day[0]}T{hour:02d}:{minute:02d}{zone}" if day[0] else ""
    return "TIME", value, day[1]


MILITARY_TIME = rule(
    "timex.military-time",
    "timex",
    'Four digits HHMM before "GMT", "UTC", "local time" or "hours" are a clock time (wire '
    "style), never a year.",
    examples=[example("1130 GMT", "1990-08-15", "past", "1990-08-15T11:30Z", "TIME")],
)
_MILITARY_RE = re.compile(
    r"([01]\d|2[0-4])([0-5]\d) ?(gmt|utc|z|local time|local|hours|hrs|[a-z]{1,3}[sd]t)"
    r"(?:,? (?:on )?(.+))?"
)


def military_time_value(text: str, ctx: Context) -> Result | None:
    """1130 GMT → 1990-08-15T11:30Z (on the day named after it, else the publication day)."""
    m = _MILITARY_RE.fullmatch(text)
    if not m or (day := clock_date(m[4], ctx)) is None:
        return None
    zone = "Z" if m[3] in ("utc", "gmt", "z") else ""
    return "TIME", f"{day[0]}T{m[1]}:{m[2]}{zone}" if day[0] else "", day[1]


PART_OF_DAY = rule(
    "timex.part-of-day",
    "timex",
    "this morning, tonight, last night, Monday afternoon: a part of the day named (or of the "
    "publication day).",
    examples=[
        example("this morning", "2008-01-09", "past", "2008-01-09TMO", "TIME"),
        example("last night", "2008-01-09", "past", "2008-01-08TNI", "TIME"),
        example("mid-afternoon yesterday", "1990-08-15", "past", "1990-08-14TAF", "TIME"),
    ],
)


def part_of_day_value(text: str, ctx: Context) -> Result | None:
    """this morning → 2008-01-09TMO, tonight, last night, Monday afternoon."""
    if text in ("tonight", "last night"):
        day = clock_date("today" if text == "tonight" else "yesterday", ctx)
        return ("TIME", f"{day[0]}TNI" if day[0] else "", day[1]) if day else None
    if m := re.fullmatch(rf"(?:(this|that|the) )?(.*?) ?{PART_OF_DAY_RE}", text):
        part, named = m[3], m[2] or ("today" if m[1] else None)
    elif m := re.fullmatch(rf"{PART_OF_DAY_RE},? (?:on )?(.+)", text):
        part, named = m[1], m[2]  # "(mid-)afternoon yesterday", "noon Thursday"
    else:
        return None
    if named is None or (day := clock_date(named, ctx)) is None:
        return None
    return "TIME", f"{day[0]}T{PARTS_OF_DAY[part]}" if day[0] else "", day[1]
