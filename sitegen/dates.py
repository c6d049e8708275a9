"""Dates at a precision, as TimeML TIMEX3 values write them ("2026-01-14", "2026-W02",
"2025-10", "2025-SU", "2008-Q3", "2018"): which precision a value has, where its period starts
and how a page prints it.

A neutral module: ``resolve/`` dates events with it, ``render/`` orders and prints them, and
``overrides/`` checks an editor's date, none importing another's.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from sitegen.model import Precision

PRECISION_PATTERNS: tuple[tuple[Precision, re.Pattern[str]], ...] = (
    ("day", re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")),
    ("week", re.compile(r"^(\d{4})-W(\d{2})$")),
    ("month", re.compile(r"^(\d{4})-(\d{2})$")),
    ("season", re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")),
    ("quarter", re.compile(r"^(\d{4})-Q([1-4])$")),
    ("year", re.compile(r"^(\d{4})$")),
)
_PATTERN_OF = dict(PRECISION_PATTERNS)
SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
SEASON_NAME = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "WI": "Winter"}


def event_date(value: str) -> tuple[str, Precision] | None:
    """The ISO date and precision of a TIMEX3 DATE/TIME value, or None if it is not a date."""
    for precision, pattern in PRECISION_PATTERNS:
        match = pattern.match(value)
        if match:
            iso = value.split("T", 1)[0] if precision == "day" else value
            return iso, precision
    return None


@functools.lru_cache(maxsize=1 << 16)  # the same dates again and again: sorting, rendering
def period_start(date: str, precision: Precision) -> dt.date:
    """The first day of the period a date names (for ordering)."""
    match = _PATTERN_OF[precision].match(date)
    assert match is not None
    year = int(match.group(1))
    if precision == "day":
        return dt.date(year, int(match.group(2)), int(match.group(3)))
    if precision == "week":
        return dt.date.fromisocalendar(year, int(match.group(2)), 1)
    if precision == "month":
        return dt.date(year, int(match.group(2)), 1)
    if precision == "season":
        return dt.date(year, SEASON_MONTH[match.group(2)], 1)
    if precision == "quarter":
        return dt.date(year, 3 * int(match.group(2)) - 2, 1)
    return dt.date(year, 1, 1)


def human_date(date: str, precision: Precision) -> str:
    """ "Wednesday, January 14, 2026", "Week 2, 2026", "October 2025", "Summer 2025", "2018"."""
    start = period_start(date, precision)
    if precision == "day":
        return f"{start:%A}, {start:%B} {start.day}, {start.year}"
    if precision == "week":
        end = start + dt.timedelta(days=6)
        week = start.isocalendar()
        return f"Week {week.week}, {week.year} ({start:%B} {start.day}–{end:%B} {end.day})"
    if precision == "month":
        return f"{start:%B} {start.year}"
    if precision == "season":
        return f"{SEASON_NAME[date[-2:]]} {start.year}"
    if precision == "quarter":
        return f"{date[-2:]} {start.year}"
    return str(start.year)
