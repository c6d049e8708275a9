"""Normalization rules for calendar dates: absolute dates, years, decades, month and day names,
seasons, weeks of a month, holidays and reference words (now, recently, the future)."""

from __future__ import annotations

import datetime as dt
import re

from sitegen.nlp.timex.calendar import (
    Context,
    Result,
    add_months,
    choose,
    day_result,
    direction,
    example,
    iso_week,
    make_date,
    season_index,
    year_number,
    year_of_two_digits,
)
from sitegen.nlp.timex.phrases import clean_phrase
from sitegen.nlp.timex.vocabulary import (
    DAY_MONTH,
    DAY_RE,
    DECADE_WORDS,
    HOLIDAYS,
    MODIFIER_RE,
    MONTH_RE,
    OPT_WEEKDAY,
    ORDINAL_WORD,
    ORDINALS,
    REFS,
    SEASON_CODES,
    SEASONS,
    WEEKDAY_RE,
    YEAR_RE,
    month_number,
    spelled_year,
    weekday_number,
)
from sitegen.rules import rule

REFERENCE_WORD = rule(
    "timex.reference-word",
    "timex",
    "Reference words: now/currently are PRESENT_REF, recently/in the past PAST_REF, the future "
    "FUTURE_REF.",
    examples=[
        example("currently", "2026-01-13", "present", "PRESENT_REF"),
        example("in the past", "2026-01-13", "past", "PAST_REF"),
    ],
)


def ref_value(text: str, ctx: Context) -> Result | None:
    """now/currently → PRESENT_REF, recently/in the past → PAST_REF, the future → FUTURE_REF."""
    for pattern, kind, value in REFS:
        if re.fullmatch(pattern, text):
            return kind, value, False
    return None


NUMERIC_DATE = rule(
    "timex.numeric-date",
    "timex",
    "ISO dates and numeric dates (month/day/year, or day/month/year when the first number is "
    "over 12).",
    examples=[
        example("2008-03-27", "2026-01-13", "past", "2008-03-27"),
        example("7/8/07", "2026-01-13", "past", "2007-07-08"),
    ],
)


def numeric_value(text: str, ctx: Context) -> Result | None:
    """ISO dates (2008-03-27, 2008-03) and US numeric dates (7/8/07)."""
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        return day_result(make_date(*map(int, m.groups())), False)
    if (m := re.fullmatch(r"(\d{4})-(\d{2})", text)) and 1 <= int(m[2]) <= 12:
        return "DATE", text, False
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})", text):
        year = int(m[3]) if len(m[3]) == 4 else year_of_two_digits(int(m[3]), ctx.pub)
        month, day = int(m[1]), int(m[2])
        if month > 12:  # day/month/year
            month, day = day, month
        return day_result(make_date(year, month, day), False)
    return None


ABSOLUTE_DATE = rule(
    "timex.absolute-date",
    "timex",
    "A month name with a day and a year, in either order, with or without a weekday, is that day.",
    examples=[
        example("Tuesday, September 1, 2015", "2026-01-13", "past", "2015-09-01"),
        example("27 March 2008", "2026-01-13", "past", "2008-03-27"),
    ],
)


def absolute_value(text: str, ctx: Context) -> Result | None:
    """Month-name dates with a year: March 27, 2008; 27 March 2008; Tuesday, Sept. 1, 2015."""
    if m := re.fullmatch(rf"{OPT_WEEKDAY}{MONTH_RE} {DAY_RE},? {YEAR_RE}", text):
        month, day, year = m[2], m[3], m[4]
    elif m := re.fullmatch(rf"{DAY_MONTH},? {YEAR_RE}", text):
        day, month, year = m[2], m[3], m[4]
    else:
        return None
    return day_result(make_date(year_number(year, ctx.pub), month_number(month), int(day)), False)


def year_of(tail: str, ctx: Context) -> tuple[int, bool] | None:
    """The year meant by the ``Y`` of "X of Y" / "X Y" (2009, last year, this year)."""
    result = ctx.again(clean_phrase(tail))
    if result and re.fullmatch(r"\d{4}", result[1]):
        return int(result[1]), result[2]
    return None


MONTH_OF_YEAR = rule(
    "timex.month-of-year",
    "timex",
    "A month name with a year, or with a phrase naming a year (of next year), is that month.",
    examples=[
        example("October 1982", "2026-01-13", "past", "1982-10"),
        example("October of next year", "2009-05-15", "future", "2010-10"),
    ],
)


def month_year_value(text: str, ctx: Context) -> Result | None:
    """October 1982, September of 2006, October of next year."""
    m = re.fullmatch(rf"{MONTH_RE},? (?:of )?(.+)", text)
    if not m or not (year := year_of(m[2], ctx)):
        return None
    return "DATE", f"{year[0]}-{month_number(m[1]):02d}", year[1]


_MAX_DAY_DISTANCE = 183


def pick_day(month: int, day: int, ctx: Context) -> Result | None:
    """A month and day without a year: the occurrence the tense points at."""
    if ctx.pub is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", False
    years = range(ctx.pub.year - 1, ctx.pub.year + 2)
    days = [d.toordinal() for y in years if (d := make_date(y, month, day))]
    if not days:
        return None
    today = ctx.pub.toordinal()
    chosen = choose(days, today, direction(ctx, None))
    if abs(chosen - today) > _MAX_DAY_DISTANCE:  # tense misleads: "runs from January 23"
        chosen = choose(days, today, "present")
    return "DATE", dt.date.fromordinal(chosen).isoformat(), True


MONTH_DAY_BY_TENSE = rule(
    "timex.month-day-by-tense",
    "timex",
    "A month and day without a year is the occurrence the tense points at, unless that is over "
    "half a year away.",
    examples=[
        example("April 3", "2008-04-09", "past", "2008-04-03"),
        example("11 December", "2010-01-25", "past", "2009-12-11"),
    ],
)


def month_day_value(text: str, ctx: Context) -> Result | None:
    """March 27, the 27th of March, Tuesday, September 1 (year from the publication date)."""
    if m := re.fullmatch(rf"{OPT_WEEKDAY}{MONTH_RE} {DAY_RE}", text):
        month, day = m[2], m[3]
    elif m := re.fullmatch(DAY_MONTH, text):
        day, month = m[2], m[3]
    else:
        return None
    return pick_day(month_number(month), int(day), ctx)


YEAR_NUMBER = rule(
    "timex.year-number",
    "timex",
    "Four digits from 1000 to 2999 (or '82, fiscal 2009) standing alone are a year.",
    examples=[
        example("in 2024", "2026-01-13", "past", "2024"),
        example("'82", "2026-01-13", "past", "1982"),
    ],
)


def year_value(text: str, ctx: Context) -> Result | None:
    """2009, '82, fiscal 2009, the 2008 model year."""
    m = re.fullmatch(
        r"(?:(?:fiscal|calendar|fy) ?(?:year )?)?(\d{4}|'\d{2})(?: (?:model |fiscal )?year)?", text
    )
    if not m:
        return None
    year = year_number(m[1], ctx.pub)
    return ("DATE", str(year), False) if 1000 <= year <= 2999 else None


SPELLED_YEAR = rule(
    "timex.spelled-year",
    "timex",
    'A year spelled out ("nineteen ninety-six", "the year two thousand") is that year, as '
    "broadcast transcripts write them.",
    examples=[
        example("nineteen ninety-six", "1997-02-01", "past", "1996"),
        example("the year two thousand", "1997-02-01", "future", "2000"),
        example("January nineteen ninety-seven", "1997-02-01", "past", "1997-01"),
    ],
)


def spelled_year_value(text: str, ctx: Context) -> Result | None:
    """nineteen ninety-six → 1996, (the) year two thousand → 2000."""
    year = spelled_year(text.removeprefix("year "))
    return None if year is None else ("DATE", str(year), False)


DECADE_CENTURY = rule(
    "timex.decade-century",
    "timex",
    "The 1990s, the '90s and the 19th century are a decade (199) or a century (18).",
    examples=[
        example("the 1990s", "2026-01-13", "past", "199"),
        example("the 19th century", "2026-01-13", "past", "18"),
        example("the nineties", "1997-02-01", "past", "199"),
    ],
)


def decade_value(text: str, ctx: Context) -> Result | None:
    """The 1990s → 199, the '70s / 70s → 197, the 19th century → 18."""
    if m := re.fullmatch(r"(\d{3})0'?s", text):
        return "DATE", m[1], False
    if m := re.fullmatch(r"'?(\d)0'?s", text):
        return "DATE", str(year_of_two_digits(int(m[1]) * 10, ctx.pub) // 10), False
    if m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th) century", text):
        return "DATE", f"{int(m[1]) - 1:02d}", False
    if tens := DECADE_WORDS.get(text):  # the nineties
        return "DATE", str(year_of_two_digits(tens, ctx.pub) // 10), False
    return None


SEASON = rule(
    "timex.season",
    "timex",
    "A season is the one of the year named, else the one last/next/this or the tense points at "
    "(winter runs into January and February).",
    examples=[
        example("last summer", "2026-01-13", "past", "2025-SU"),
        example("the summer of 2012", "2026-01-13", "past", "2012-SU"),
    ],
)


def season_value(text: str, ctx: Context) -> Result | None:
    """Summer 2008, the summer of 2008, last summer → 2025-SU, spring → 2009-SP."""
    m = re.fullmatch(rf"{MODIFIER_RE}(spring|summer|autumn|fall|winter)(?:,? (?:of )?(.+))?", text)
    if not m:
        return None
    season = SEASONS[m[2]]
    if m[3]:
        year = year_of(m[3], ctx)
        return None if year is None else ("DATE", f"{year[0]}-{SEASON_CODES[season]}", year[1])
    if ctx.pub is None:
        return "DATE", f"XXXX-{SEASON_CODES[season]}", False
    current = season_index(ctx.pub)
    candidates = [(current // 4 + k) * 4 + season for k in (-2, -1, 0, 1, 2)]
    chosen = choose(candidates, current, direction(ctx, m[1]))
    return "DATE", f"{chosen // 4}-{SEASON_CODES[chosen % 4]}", True


WEEKDAY_BY_TENSE = rule(
    "timex.weekday-by-tense",
    "timex",
    "A weekday is the nearest one in the direction of its clause's tense (or of last/next), the"
    " publication day included.",
    examples=[
        example("Wednesday", "2026-01-13", "future", "2026-01-14"),
        example("Wednesday", "2026-01-13", "past", "2026-01-07"),
    ],
)


def weekday_value(text: str, ctx: Context) -> Result | None:
    """Wednesday: the nearest one in the tense's direction (the publication day included)."""
    m = re.fullmatch(rf"{MODIFIER_RE}{WEEKDAY_RE}", text)
    if not m or (weekday := weekday_number(m[2])) < 0:
        return None
    if ctx.pub is None:
        return "DATE", "", False
    today = ctx.pub.toordinal()
    candidates = [d for d in range(today - 8, today + 9) if (d - 1) % 7 == weekday]
    chosen = choose(candidates, today, direction(ctx, m[1]))
    return "DATE", dt.date.fromordinal(chosen).isoformat(), True


MONTH_BY_TENSE = rule(
    "timex.month-by-tense",
    "timex",
    "A month name alone is the nearest such month in the direction of the tense (or of "
    "last/next/this).",
    examples=[
        example("in October", "2026-01-13", "past", "2025-10"),
        example("last September", "2009-10-12", "past", "2009-09"),
    ],
)


def month_value(text: str, ctx: Context) -> Result | None:
    """October: the nearest in the tense's direction; last/next/this October."""
    m = re.fullmatch(rf"{MODIFIER_RE}{MONTH_RE}", text)
    if not m:
        return None
    month = month_number(m[2])
    if ctx.pub is None:
        return "DATE", f"XXXX-{month:02d}", False
    current = ctx.pub.year * 12 + ctx.pub.month - 1
    candidates = [(ctx.pub.year + k) * 12 + month - 1 for k in (-1, 0, 1)]
    chosen = choose(candidates, current, direction(ctx, m[1]))
    return "DATE", f"{chosen // 12}-{chosen % 12 + 1:02d}", True


WEEK_OF_MONTH = rule(
    "timex.week-of-month",
    "timex",
    "The first/last week of a month is the ISO week holding most of it.",
    examples=[
        example("the last week of March", "2009-04-01", "past", "2009-W13"),
    ],
)


def week_of_month_value(text: str, ctx: Context) -> Result | None:
    """The last week of March → the ISO week holding most of that week."""
    m = re.fullmatch(rf"({ORDINAL_WORD}) week of {MONTH_RE}(?:,? (.+))?", text)
    if not m:
        return None
    month = month_number(m[2])
    if m[3]:
        year = year_of(m[3], ctx)
    else:
        picked = month_value(m[2], ctx)
        year = (int(picked[1][:4]), True) if picked and picked[1][0].isdigit() else None
    if year is None:
        return None
    first = dt.date(year[0], month, 1)
    if m[1] in ("last", "final"):
        anchor = add_months(first, 1) - dt.timedelta(days=4)
    else:
        anchor = first + dt.timedelta(days=3 + 7 * (ORDINALS[m[1]] - 1))
    return "DATE", iso_week(anchor), year[1]


FIXED_HOLIDAY = rule(
    "timex.fixed-holiday",
    "timex",
    "A fixed-date holiday (Christmas, New Year's Day) is its day in the year named, else the "
    "one the tense points at.",
    examples=[
        example("Christmas", "2026-01-13", "past", "2025-12-25"),
        example("Christmas 2019", "2026-01-13", "past", "2019-12-25"),
    ],
)


def holiday_value(text: str, ctx: Context) -> Result | None:
    """Fixed-date holidays: Christmas → the nearest 12-25 in the tense's direction."""
    if m := re.fullmatch(r"(.+?),? (\d{4})", text):
        if m[1] in HOLIDAYS:
            return day_result(make_date(int(m[2]), *HOLIDAYS[m[1]]), False)
    return pick_day(*HOLIDAYS[text], ctx) if text in HOLIDAYS else None
