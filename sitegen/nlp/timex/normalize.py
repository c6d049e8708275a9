"""The ordered normalization rules, and ``normalize``: one phrase to a TIMEX3 (type, value)."""

from __future__ import annotations

import datetime as dt

from sitegen.model import Tense
from sitegen.nlp.timex.calendar import Context, Normalizer, Result
from sitegen.nlp.timex.dates import (
    absolute_value,
    decade_value,
    holiday_value,
    month_day_value,
    month_value,
    month_year_value,
    numeric_value,
    ref_value,
    season_value,
    week_of_month_value,
    weekday_value,
    year_value,
)
from sitegen.nlp.timex.periods import clock_value, duration_value, part_of_day_value, set_value
from sitegen.nlp.timex.phrases import clean_phrase
from sitegen.nlp.timex.relative import ago_value, deictic_value, neighbour_value, quarter_value

NORMALIZERS: tuple[Normalizer, ...] = (
    ref_value,
    numeric_value,
    absolute_value,
    month_year_value,
    month_day_value,
    year_value,
    decade_value,
    season_value,
    weekday_value,
    month_value,
    week_of_month_value,
    deictic_value,
    neighbour_value,
    quarter_value,
    ago_value,
    set_value,
    duration_value,
    clock_value,
    part_of_day_value,
    holiday_value,
)


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
