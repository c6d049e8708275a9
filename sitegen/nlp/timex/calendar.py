"""Calendar arithmetic for the normalization rules: ISO weeks, months, seasons, quarters,
the choice of the nearest occurrence in the direction of the tense."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sitegen.model import Tense
from sitegen.nlp.timex.vocabulary import UNITS
from sitegen.rules import Rule

Result = tuple[str, str, bool]
"""(TIMEX3 type, value, anchored on the publication date)."""


@dataclass(frozen=True)
class Context:
    """What a rule needs besides the phrase: the anchor date and the direction."""

    pub: dt.date | None
    tense: Tense
    normalizers: tuple[tuple[Rule, Normalizer], ...] = ()
    """The ordered rules (those switched on decide), also for a rule that normalizes a part
    of its phrase ("October of |next year|")."""

    def again(self, text: str) -> Result | None:
        """The first rule's result for a cleaned phrase (or part of one), in this context."""
        for rule, normalizer in self.normalizers:
            if rule.on and (result := normalizer(text, self)):
                rule.fired()
                return result
        return None


Normalizer = Callable[[str, Context], Result | None]
"""A normalization rule: a cleaned phrase to (type, value, anchored), or None."""


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def choose(candidates: list[int], current: int, how: str) -> int:
    """Pick among candidate ordinals: the last one at/before ``current`` for past, etc.;
    the nearest one when none lies on that side ("February 29" with one leap year near)."""
    sides = {
        "past": (max, lambda c: c <= current),
        "future": (min, lambda c: c >= current),
        "last": (max, lambda c: c < current),
        "next": (min, lambda c: c > current),
    }
    if how in sides:
        pick, on_side = sides[how]
        if chosen := [c for c in candidates if on_side(c)]:
            return pick(chosen)
    return min(candidates, key=lambda c: (abs(c - current), c > current))


def direction(ctx: Context, modifier: str | None) -> str:
    """The choice rule for a cyclic name: from "last/next/this" or else from the tense."""
    if modifier in ("last", "past", "previous"):
        return "last"
    if modifier in ("next", "coming", "following"):
        return "next"
    if modifier == "this":
        return "present"
    return ctx.tense


def duration_code(count: int | None, unit: str) -> str:
    """P3Y, PT5M, P1000D; PXY when the count is vague."""
    code = UNITS[unit]
    time = "T" if code.startswith("T") else ""
    code = code.lstrip("T")
    if code[0].isdigit():  # fortnight, quarter: a multiple of another unit
        factor, code = int(code[:-1]), code[-1]
        count = None if count is None else count * factor
    amount = "X" if count is None else str(count)
    return f"P{time}{amount}{code}"


def year_of_two_digits(yy: int, pub: dt.date | None) -> int:
    """'82 → 1982, '05 → 2005 (the latest year not after publication)."""
    reference = pub.year if pub else 2000
    year = reference // 100 * 100 + yy
    return year - 100 if year > reference else year


def year_number(text: str, pub: dt.date | None) -> int:
    return year_of_two_digits(int(text[1:]), pub) if text.startswith("'") else int(text)


def make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def day_result(day: dt.date | None, anchored: bool) -> Result | None:
    return None if day is None else ("DATE", day.isoformat(), anchored)


def calendar_period(pub: dt.date, unit: str, shift: int) -> str:
    """The calendar period ``unit`` holding ``pub``, moved by ``shift`` periods."""
    if unit in ("week", "weekend"):
        week = iso_week(pub + dt.timedelta(weeks=shift))
        return week + "-WE" if unit == "weekend" else week
    if unit == "day":
        return (pub + dt.timedelta(days=shift)).isoformat()
    if unit == "month":
        return add_months(pub, shift).strftime("%Y-%m")
    if unit == "quarter":
        index = pub.year * 4 + (pub.month - 1) // 3 + shift
        return f"{index // 4}-Q{index % 4 + 1}"
    if unit == "decade":
        return str(pub.year // 10 + shift)
    if unit == "century":
        return f"{pub.year // 100 + shift:02d}"
    return str(pub.year + shift)


def shifted_period(pub: dt.date, unit: str, amount: int) -> str:
    """The date ``amount`` units from ``pub``, at the unit's granularity."""
    if unit in ("day", "night"):
        return (pub + dt.timedelta(days=amount)).isoformat()
    if unit in ("week", "fortnight"):
        return iso_week(pub + dt.timedelta(weeks=amount * (2 if unit == "fortnight" else 1)))
    if unit in ("month", "quarter"):
        return add_months(pub, amount * (3 if unit == "quarter" else 1)).strftime("%Y-%m")
    if unit == "decade":
        return str((pub.year + 10 * amount) // 10)
    if unit == "century":
        return f"{(pub.year + 100 * amount) // 100:02d}"
    return str(pub.year + amount)


def season_index(day: dt.date) -> int:
    """Ordinal of the season holding ``day`` (year * 4 + SP/SU/FA/WI; Jan-Feb are last WI)."""
    if day.month <= 2:
        return (day.year - 1) * 4 + 3
    return day.year * 4 + (day.month - 3) // 3


def example(
    phrase: str, published: str, tense: Tense, value: str, kind: str = "DATE"
) -> dict[str, str]:
    """A normalization rule's example (run by tests/test_rules_timex.py): ``phrase`` in a
    clause of ``tense`` in an article published on ``published`` is (``kind``, ``value``)."""
    return {"phrase": phrase, "published": published, "tense": tense, "type": kind, "value": value}
