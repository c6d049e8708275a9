"""Anaphoric time expressions ("that same year", "the day before") resolved against the last
date the text names before them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from sitegen.model import Tense
from sitegen.nlp.timex.calendar import add_months
from sitegen.nlp.timex.phrases import clean_phrase
from sitegen.nlp.timex.relative import earlier_later, neighbour
from sitegen.rules import rule


@dataclass(frozen=True)
class Found:
    """A time expression found in a document, before it becomes a TimeExpression."""

    start: int
    end: int
    kind: str
    value: str
    anchored: bool
    text: str
    tense: Tense = "present"
    """The tense of its clause."""


_DEFINITE = re.compile(r"\s*(?:the|that)\s", re.IGNORECASE)
_DEICTIC = {"next", "previous", "prior", "preceding"}
"""Neighbour words that count from today without "the" ("next year"), from the text's last
date with it ("the next year")."""

ANAPHORS = {"that time", "that same time", "that date", "the same date"}
PERIOD_ANAPHORS = {
    "that year": 4,
    "that same year": 4,
    "the same year": 4,
    "that month": 7,
    "that same month": 7,
    "the same month": 7,
}
"""Anaphors for the year or month of the last date mentioned: the prefix of its value kept."""
_SAME_DAY = {"day", "same day", "that day", "that same day", "this day"}


def _shift_mentioned(value: str, unit: str, shift: int) -> str | None:
    """Move an earlier mention's value by ``shift`` units, if it has that granularity."""
    if unit == "year" and re.match(r"\d{4}(?:$|-\d)", value):
        return str(int(value[:4]) + shift)
    if unit == "day" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return (dt.date.fromisoformat(value) + dt.timedelta(days=shift)).isoformat()
    if unit == "month" and re.match(r"\d{4}-\d{2}(?:$|-)", value):
        return add_months(dt.date.fromisoformat(value[:7] + "-01"), shift).strftime("%Y-%m")
    return None


ANAPHOR_LAST_DATE = rule(
    "timex.anaphor-last-date",
    "timex",
    '"the same day", "that year", "the year before" take the last date the text names before '
    "them (across paragraphs), not the publication date.",
    examples=[{"text": "The plant opened in 2004. The year before, it was built.",
               "published": "2026-01-13", "phrase": "The year before", "value": "2003"}],
)  # fmt: skip


def _anaphoric(f: Found, last_day: str, last_date: str) -> Found | None:
    """Re-anchor "the same day", "that time", "the year before" on earlier mentions."""
    key = clean_phrase(f.text)
    if not ANAPHOR_LAST_DATE.on:
        return f if f.value else None
    if key in _SAME_DAY and last_day:
        return replace(f, value=last_day, anchored=True)
    if key in PERIOD_ANAPHORS:
        length = PERIOD_ANAPHORS[key]
        prefix = last_date[:length] if re.match(r"\d{4}(?:-\d{2})?", last_date) else ""
        return replace(f, value=prefix, anchored=True) if len(prefix) == length else None
    if key in ANAPHORS or f.text.lower() in ANAPHORS:
        return replace(f, value=last_date, anchored=True) if last_date else None
    if (found := neighbour(key)) and not _DEFINITE.match(f.text) and key.split()[0] in _DEICTIC:
        return f  # "next year", "previous week": counted from today, not from the text's date
    if ((found := neighbour(key)) or (found := earlier_later(key))) and last_date:
        mentioned = last_day if found[0] == "day" else last_date
        value = _shift_mentioned(mentioned, *found)
        return replace(f, value=value, anchored=True) if value else f
    return f


MONTH_DAY_IN_NAMED_YEAR = rule(
    "timex.month-day-in-named-year",
    "timex",
    "A month and day without a year in a past-tense clause, after its paragraph named a full "
    "date of the year before the one the publication gives it, is the first such day on or "
    "after that named date.",
    examples=[{"text": "On July 30, 1989, the plant closed. It reopened on Aug. 6.",
               "published": "1990-08-15", "phrase": "Aug. 6", "value": "1989-08-06"}],
)  # fmt: skip
_MONTH_DAY = re.compile(
    r"[A-Za-z]{3,}\.? \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)? [A-Za-z]{3,}"
)


NAMED_YEAR_GAP = 1
"""Years back a named date may set the year of a later month-day ("Aug. 6")."""


def _in_named_year(f: Found, explicit: str) -> Found:
    """Aug. 6 after "July 30, 1989" in an article of 1990: 1989-08-06, not 1990-08-06."""
    if not (f.anchored and re.fullmatch(r"\d{4}-\d{2}-\d{2}", f.value)):
        return f
    if f.tense != "past" or not re.match(r"\d{4}-\d{2}", explicit):
        return f
    if not 1 <= int(f.value[:4]) - int(explicit[:4]) <= NAMED_YEAR_GAP:
        return f
    if not _MONTH_DAY.fullmatch(f.text.strip()) or not MONTH_DAY_IN_NAMED_YEAR.on:
        return f
    named = dt.date.fromisoformat(explicit[:7] + "-01" if len(explicit) < 10 else explicit[:10])
    month, day = int(f.value[5:7]), int(f.value[8:10])
    options = []
    for year in (named.year, named.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not (options := [d for d in options if d >= named]):
        return f
    MONTH_DAY_IN_NAMED_YEAR.fired()
    return replace(f, value=options[0].isoformat(), anchored=False)


@dataclass
class Antecedents:
    """The last day and the last date mentioned so far; carried from paragraph to paragraph."""

    day: str = ""
    date: str = ""


CLOCK_ON_NAMED_DAY = rule(
    "timex.clock-on-named-day",
    "timex",
    "A clock time with no date of its own is on the last day the same paragraph names before "
    "it (within ten days of publication), not on the publication day.",
    examples=[{"text": "The fire broke out on Monday. Crews arrived at 6 a.m.",
               "published": "2019-01-04", "phrase": "6 a.m", "value": "2018-12-31T06:00"}],
)  # fmt: skip
CLOCK_DAY_DISTANCE = 10
"""Days between the publication and a named day for a bare clock time to move onto it."""
_BARE_CLOCK = re.compile(
    r"(?:\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?|o'clock)?|noon|midnight|\d{4})"
    r"(?:\s*(?:[A-Z]{2,4}|local time|hours))?",
    re.IGNORECASE,
)


def _on_named_day(f: Found, day: str) -> Found:
    """ "6 a.m." after "on Monday" in the same paragraph: on that Monday."""
    if not (day and f.kind == "TIME" and f.anchored and "T" in f.value):
        return f
    if not _BARE_CLOCK.fullmatch(f.text.strip()) or f.value.startswith(day):
        return f
    default = dt.date.fromisoformat(f.value[:10])  # the publication day
    if abs((dt.date.fromisoformat(day) - default).days) > CLOCK_DAY_DISTANCE:
        return f  # "since 7/8/07, ending at 16:08 UTC": a day of another time
    if not CLOCK_ON_NAMED_DAY.on:
        return f
    CLOCK_ON_NAMED_DAY.fired()
    return replace(f, value=day + f.value[f.value.index("T") :])


def resolve_anaphora(found: list[Found], seen: Antecedents) -> list[Found]:
    """Give anaphoric expressions the value of the last date mentioned before them."""
    result: list[Found] = []
    named_day = explicit = ""  # the last day, and full date, named in this paragraph
    for f in found:
        resolved = _anaphoric(f, seen.day, seen.date)
        if resolved is not f:
            ANAPHOR_LAST_DATE.fired()
        if resolved is None:
            continue
        resolved = _on_named_day(_in_named_year(resolved, explicit), named_day)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", resolved.value):
            named_day = resolved.value
        if resolved.kind == "DATE" and re.match(r"\d{4}", resolved.value) and not resolved.anchored:
            explicit = resolved.value
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", resolved.value):
            seen.day = resolved.value
        if resolved.kind == "DATE" and resolved.value[:1].isdigit():
            seen.date = resolved.value
        result.append(resolved)
    return result
