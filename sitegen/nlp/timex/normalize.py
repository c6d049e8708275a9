"""The ordered normalization rules, and ``normalize``: one phrase to a TIMEX3 (type, value)."""

from __future__ import annotations

import datetime as dt

from sitegen.model import Tense
from sitegen.nlp.timex import dates, periods, relative
from sitegen.nlp.timex.calendar import Context, Normalizer, Result
from sitegen.nlp.timex.phrases import clean_phrase
from sitegen.rules import Rule

NORMALIZERS: tuple[tuple[Rule, Normalizer], ...] = (
    (dates.REFERENCE_WORD, dates.ref_value),
    (dates.NUMERIC_DATE, dates.numeric_value),
    (dates.ABSOLUTE_DATE, dates.absolute_value),
    (dates.MONTH_OF_YEAR, dates.month_year_value),
    (dates.MONTH_DAY_BY_TENSE, dates.month_day_value),
    (periods.MILITARY_TIME, periods.military_time_value),
    (dates.YEAR_NUMBER, dates.year_value),
    (dates.SPELLED_YEAR, dates.spelled_year_value),
    (dates.DECADE_CENTURY, dates.decade_value),
    (dates.SEASON, dates.season_value),
    (dates.WEEKDAY_BY_TENSE, dates.weekday_value),
    (dates.MONTH_BY_TENSE, dates.month_value),
    (dates.WEEK_OF_MONTH, dates.week_of_month_value),
    (relative.DEICTIC_PERIOD, relative.deictic_value),
    (relative.NEIGHBOUR_PERIOD, relative.neighbour_value),
    (relative.QUARTER_HALF, relative.quarter_value),
    (relative.AGO, relative.ago_value),
    (relative.UNITS_EARLIER_LATER, relative.earlier_later_value),
    (periods.SET, periods.set_value),
    (periods.DURATION, periods.duration_value),
    (periods.CLOCK_TIME, periods.clock_value),
    (periods.PART_OF_DAY, periods.part_of_day_value),
    (dates.FIXED_HOLIDAY, dates.holiday_value),
)
"""The normalization rules in the order they are tried: the first that matches decides."""


def normalize_phrase(phrase: str, published: dt.date | None, tense: Tense) -> Result | None:
    """Like ``normalize``, also telling whether the publication date was used."""
    text = clean_phrase(phrase)
    return Context(published, tense, NORMALIZERS).again(text) if text else None


def normalize(phrase: str, published: dt.date | None, tense: Tense) -> tuple[str, str] | None:
    """TIMEX3 (type, value) of a temporal phrase, or None when it is not one.

    Relative phrases are anchored on ``published`` in the direction of ``tense``; without a
    publication date they get the value "" (or ``XXXX-10`` style for a bare month/day).
    """
    result = normalize_phrase(phrase, published, tense)
    return None if result is None else (result[0], result[1])
