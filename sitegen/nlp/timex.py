"""Temporal expressions: TimeML TIMEX3 tagging and normalization.

``normalize`` maps one phrase to a TIMEX3 (type, value), anchoring relative expressions on
the publication date in the direction given by the tense of their clause. ``tag_times``
finds the expressions of a parsed document (spaCy DATE/TIME entities, repaired and completed
by rules) and normalizes each.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from sitegen.model import Tense, TimeExpression
from sitegen.nlp.doctext import doc_text
from sitegen.nlp.matching import SelectiveMatcher
from sitegen.nlp.tense import span_tense

# ---------------------------------------------------------------------------------------------
# Vocabulary (general English)

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
SEASONS = {"spring": 0, "summer": 1, "autumn": 2, "fall": 2, "winter": 3}
SEASON_CODES = ("SP", "SU", "FA", "WI")
SMALL_NUMBERS = {
    word: n
    for n, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {
    word: 10 * n
    for n, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
}
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "final": 4, "last": 4,
}  # fmt: skip
VAGUE_QUANTITIES = {"a few", "few", "several", "many", "some", "a couple of", "couple of", "the"}
UNITS = {
    "second": "TS", "minute": "TM", "hour": "TH", "day": "D", "night": "D", "week": "W",
    "fortnight": "2W", "month": "M", "quarter": "3M", "year": "Y", "decade": "DE", "century": "CE",
}  # fmt: skip
ADVERB_SETS = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
    "quarterly": "P3M", "yearly": "P1Y", "annually": "P1Y", "annual": "P1Y",
}  # fmt: skip
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
REFS = [
    (r"(right )?now|currently|current|at present|presently|nowadays|these days|ongoing"
     r"|at the moment|at this time|present day", "DATE", "PRESENT_REF"),
    (r"(more |most )?recently|recent|lately|(in )?(the )?past|formerly|previously"
     r"|recent (years|months|weeks|days|times)|(in )?recent( [\w.]+)? history",
     "DATE", "PAST_REF"),
    (r"(the )?(near |distant )?future|(the )?long (term|run)|soon|the coming (years|decades)",
     "DATE", "FUTURE_REF"),
]  # fmt: skip
UNIT_WORD = r"(second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century)"
NUMBER_WORD = r"(\d[\d,]*(?:\.\d+)?|[a-z]+(?:-[a-z]+)?|a|an|a few|a couple of|couple of)"

# ---------------------------------------------------------------------------------------------
# Small date helpers


@dataclass(frozen=True)
class _Ctx:
    """What a rule needs besides the phrase: the anchor date and the direction."""

    pub: dt.date | None
    tense: Tense


Result = tuple[str, str, bool]
"""(TIMEX3 type, value, anchored on the publication date)."""

Rule = Callable[[str, _Ctx], Result | None]


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _choose(candidates: list[int], current: int, how: str) -> int:
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


def _direction(ctx: _Ctx, modifier: str | None) -> str:
    """The choice rule for a cyclic name: from "last/next/this" or else from the tense."""
    if modifier in ("last", "past", "previous"):
        return "last"
    if modifier in ("next", "coming", "following"):
        return "next"
    if modifier == "this":
        return "present"
    return ctx.tense


def parse_number(text: str) -> int | None:
    """An integer from digits or English words ("1,000", "twenty-five", "a"); None if vague."""
    text = text.strip().lower().replace(",", "")
    if text.isdigit():
        return int(text)
    if text in ("a", "an", "one", "single"):
        return 1
    if text in ("a couple of", "couple of", "couple", "both"):
        return 2
    if text in SMALL_NUMBERS:
        return SMALL_NUMBERS[text]
    parts = text.split("-")
    if parts[0] in TENS and (len(parts) == 1 or parts[1] in SMALL_NUMBERS):
        return TENS[parts[0]] + (SMALL_NUMBERS[parts[1]] if len(parts) == 2 else 0)
    if text in ("hundred", "a hundred"):
        return 100
    if text in ("thousand", "a thousand"):
        return 1000
    return None


def _duration_value(count: int | None, unit: str) -> str:
    """P3Y, PT5M, P1000D; PXY when the count is vague."""
    code = UNITS[unit]
    time = "T" if code.startswith("T") else ""
    code = code.lstrip("T")
    if code[0].isdigit():  # fortnight, quarter: a multiple of another unit
        factor, code = int(code[:-1]), code[-1]
        count = None if count is None else count * factor
    amount = "X" if count is None else str(count)
    return f"P{time}{amount}{code}"


def _year_of_two_digits(yy: int, pub: dt.date | None) -> int:
    """'82 → 1982, '05 → 2005 (the latest year not after publication)."""
    reference = pub.year if pub else 2000
    year = reference // 100 * 100 + yy
    return year - 100 if year > reference else year


# ---------------------------------------------------------------------------------------------
# Phrase cleaning

_LEADING = re.compile(
    r"^(more than|less than|fewer than|at least|at most|up to|as of|so far|in excess of"
    r"|(early|late|later|earlier) in|(the )?(beginning|start|end|middle|rest|remainder|course"
    r"|turn|first part|last part|early part|latter part) of"
    r"|about|around|approximately|roughly|nearly|almost|some|just|only|under|over|very"
    r"|since|until|till|by|from|on|in|at|during|for|within|before|after|throughout|of|the"
    r"|early|late|mid|later|earlier)[\s-]+"
)
_TRAILING = re.compile(r"([\s,.;:]+|'s|’s|\s+(so far|alone|or so))$")


def clean_phrase(phrase: str) -> str:
    """Lower-case, collapse spaces, drop prepositions, approximators and period modifiers."""
    text = re.sub(r"\s+", " ", phrase.lower().replace("’", "'")).strip()
    previous = None
    while previous != text:
        previous = text
        text = _TRAILING.sub("", _LEADING.sub("", text))
    return text


# ---------------------------------------------------------------------------------------------
# Rules: each maps a cleaned phrase to (type, value, anchored) or None

MONTH_RE = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
WEEKDAY_RE = (
    r"(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)\.?"
)
DAY_RE = r"(\d{1,2})(?:st|nd|rd|th)?"
YEAR_RE = r"(\d{4}|'\d{2})"
MODIFIER_RE = r"(?:(last|next|this|past|previous|prior|preceding|coming|following|current) )?"
_OPT_WEEKDAY = rf"(?:{WEEKDAY_RE},? )?"
_DAY_MONTH = rf"{_OPT_WEEKDAY}(?:the )?{DAY_RE} (?:of )?{MONTH_RE}"
_ORDINAL_WORD = "first|second|third|fourth|final|last"


def _month_number(word: str) -> int:
    word = word.rstrip(".")
    return MONTHS.get(word) or MONTHS[word[:3]]


def _weekday_number(word: str) -> int:
    word = word.rstrip(".")
    return WEEKDAYS.get(word, WEEKDAYS.get(word[:3], -1))


def _year_number(text: str, pub: dt.date | None) -> int:
    return _year_of_two_digits(int(text[1:]), pub) if text.startswith("'") else int(text)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day_result(day: dt.date | None, anchored: bool) -> Result | None:
    return None if day is None else ("DATE", day.isoformat(), anchored)


def _rule_ref(text: str, ctx: _Ctx) -> Result | None:
    """now/currently → PRESENT_REF, recently/in the past → PAST_REF, the future → FUTURE_REF."""
    for pattern, kind, value in REFS:
        if re.fullmatch(pattern, text):
            return kind, value, False
    return None


def _rule_numeric(text: str, ctx: _Ctx) -> Result | None:
    """ISO dates (2008-03-27, 2008-03) and US numeric dates (7/8/07)."""
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        return _day_result(_date(*map(int, m.groups())), False)
    if (m := re.fullmatch(r"(\d{4})-(\d{2})", text)) and 1 <= int(m[2]) <= 12:
        return "DATE", text, False
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})", text):
        year = int(m[3]) if len(m[3]) == 4 else _year_of_two_digits(int(m[3]), ctx.pub)
        month, day = int(m[1]), int(m[2])
        if month > 12:  # day/month/year
            month, day = day, month
        return _day_result(_date(year, month, day), False)
    return None


def _rule_absolute(text: str, ctx: _Ctx) -> Result | None:
    """Month-name dates with a year: March 27, 2008; 27 March 2008; Tuesday, Sept. 1, 2015."""
    if m := re.fullmatch(rf"{_OPT_WEEKDAY}{MONTH_RE} {DAY_RE},? {YEAR_RE}", text):
        month, day, year = m[2], m[3], m[4]
    elif m := re.fullmatch(rf"{_DAY_MONTH},? {YEAR_RE}", text):
        day, month, year = m[2], m[3], m[4]
    else:
        return None
    return _day_result(_date(_year_number(year, ctx.pub), _month_number(month), int(day)), False)


def _year_of(tail: str, ctx: _Ctx) -> tuple[int, bool] | None:
    """The year meant by the ``Y`` of "X of Y" / "X Y" (2009, last year, this year)."""
    result = _normalize_clean(clean_phrase(tail), ctx)
    if result and re.fullmatch(r"\d{4}", result[1]):
        return int(result[1]), result[2]
    return None


def _rule_month_year(text: str, ctx: _Ctx) -> Result | None:
    """October 1982, September of 2006, October of next year."""
    m = re.fullmatch(rf"{MONTH_RE},? (?:of )?(.+)", text)
    if not m or not (year := _year_of(m[2], ctx)):
        return None
    return "DATE", f"{year[0]}-{_month_number(m[1]):02d}", year[1]


_MAX_DAY_DISTANCE = 183


def _pick_day(month: int, day: int, ctx: _Ctx) -> Result | None:
    """A month and day without a year: the occurrence the tense points at."""
    if ctx.pub is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", False
    years = range(ctx.pub.year - 1, ctx.pub.year + 2)
    days = [d.toordinal() for y in years if (d := _date(y, month, day))]
    if not days:
        return None
    today = ctx.pub.toordinal()
    chosen = _choose(days, today, _direction(ctx, None))
    if abs(chosen - today) > _MAX_DAY_DISTANCE:  # tense misleads: "runs from January 23"
        chosen = _choose(days, today, "present")
    return "DATE", dt.date.fromordinal(chosen).isoformat(), True


def _rule_month_day(text: str, ctx: _Ctx) -> Result | None:
    """March 27, the 27th of March, Tuesday, September 1 (year from the publication date)."""
    if m := re.fullmatch(rf"{_OPT_WEEKDAY}{MONTH_RE} {DAY_RE}", text):
        month, day = m[2], m[3]
    elif m := re.fullmatch(_DAY_MONTH, text):
        day, month = m[2], m[3]
    else:
        return None
    return _pick_day(_month_number(month), int(day), ctx)


def _rule_year(text: str, ctx: _Ctx) -> Result | None:
    """2009, '82, fiscal 2009, the 2008 model year."""
    m = re.fullmatch(
        r"(?:(?:fiscal|calendar|fy) ?(?:year )?)?(\d{4}|'\d{2})(?: (?:model |fiscal )?year)?", text
    )
    if not m:
        return None
    year = _year_number(m[1], ctx.pub)
    return ("DATE", str(year), False) if 1000 <= year <= 2999 else None


def _rule_decade(text: str, ctx: _Ctx) -> Result | None:
    """The 1990s → 199, the '70s / 70s → 197, the 19th century → 18."""
    if m := re.fullmatch(r"(\d{3})0'?s", text):
        return "DATE", m[1], False
    if m := re.fullmatch(r"'?(\d)0'?s", text):
        return "DATE", str(_year_of_two_digits(int(m[1]) * 10, ctx.pub) // 10), False
    if m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th) century", text):
        return "DATE", f"{int(m[1]) - 1:02d}", False
    return None


def _season_index(day: dt.date) -> int:
    """Ordinal of the season holding ``day`` (year * 4 + SP/SU/FA/WI; Jan-Feb are last WI)."""
    if day.month <= 2:
        return (day.year - 1) * 4 + 3
    return day.year * 4 + (day.month - 3) // 3


def _rule_season(text: str, ctx: _Ctx) -> Result | None:
    """Summer 2008, the summer of 2008, last summer → 2025-SU, spring → 2009-SP."""
    m = re.fullmatch(rf"{MODIFIER_RE}(spring|summer|autumn|fall|winter)(?:,? (?:of )?(.+))?", text)
    if not m:
        return None
    season = SEASONS[m[2]]
    if m[3]:
        year = _year_of(m[3], ctx)
        return None if year is None else ("DATE", f"{year[0]}-{SEASON_CODES[season]}", year[1])
    if ctx.pub is None:
        return "DATE", f"XXXX-{SEASON_CODES[season]}", False
    current = _season_index(ctx.pub)
    candidates = [(current // 4 + k) * 4 + season for k in (-2, -1, 0, 1, 2)]
    chosen = _choose(candidates, current, _direction(ctx, m[1]))
    return "DATE", f"{chosen // 4}-{SEASON_CODES[chosen % 4]}", True


def _rule_weekday(text: str, ctx: _Ctx) -> Result | None:
    """Wednesday: the nearest one in the tense's direction (the publication day included)."""
    m = re.fullmatch(rf"{MODIFIER_RE}{WEEKDAY_RE}", text)
    if not m or (weekday := _weekday_number(m[2])) < 0:
        return None
    if ctx.pub is None:
        return "DATE", "", False
    today = ctx.pub.toordinal()
    candidates = [d for d in range(today - 8, today + 9) if (d - 1) % 7 == weekday]
    chosen = _choose(candidates, today, _direction(ctx, m[1]))
    return "DATE", dt.date.fromordinal(chosen).isoformat(), True


def _rule_month(text: str, ctx: _Ctx) -> Result | None:
    """October: the nearest in the tense's direction; last/next/this October."""
    m = re.fullmatch(rf"{MODIFIER_RE}{MONTH_RE}", text)
    if not m:
        return None
    month = _month_number(m[2])
    if ctx.pub is None:
        return "DATE", f"XXXX-{month:02d}", False
    current = ctx.pub.year * 12 + ctx.pub.month - 1
    candidates = [(ctx.pub.year + k) * 12 + month - 1 for k in (-1, 0, 1)]
    chosen = _choose(candidates, current, _direction(ctx, m[1]))
    return "DATE", f"{chosen // 12}-{chosen % 12 + 1:02d}", True


_SHIFTS = {
    "last": -1, "past": -1, "previous": -1, "prior": -1, "preceding": -1, "before": -1,
    "earlier": -1, "next": 1, "coming": 1, "following": 1, "after": 1, "later": 1,
}  # fmt: skip
_NEIGHBOUR_RE = re.compile(
    r"(?:(previous|prior|preceding|next|following) (day|week|month|year)"
    r"|(day|week|month|year) (before|previous|earlier|prior|after|later))"
)
_DAY_WORDS = {
    "today": 0, "day": 0, "same day": 0, "this day": 0, "that day": 0, "that same day": 0,
    "yesterday": -1, "tomorrow": 1, "day before yesterday": -2, "day after tomorrow": 2,
}  # fmt: skip


def _period_value(pub: dt.date, unit: str, shift: int) -> str:
    """The calendar period ``unit`` holding ``pub``, moved by ``shift`` periods."""
    if unit in ("week", "weekend"):
        week = _iso_week(pub + dt.timedelta(weeks=shift))
        return week + "-WE" if unit == "weekend" else week
    if unit == "day":
        return (pub + dt.timedelta(days=shift)).isoformat()
    if unit == "month":
        return _add_months(pub, shift).strftime("%Y-%m")
    if unit == "quarter":
        index = pub.year * 4 + (pub.month - 1) // 3 + shift
        return f"{index // 4}-Q{index % 4 + 1}"
    if unit == "decade":
        return str(pub.year // 10 + shift)
    if unit == "century":
        return f"{pub.year // 100 + shift:02d}"
    return str(pub.year + shift)


def _rule_deictic(text: str, ctx: _Ctx) -> Result | None:
    """today, yesterday, the day, this week, last month, next year, the past decade."""
    if text in _DAY_WORDS:
        if ctx.pub is None:
            return "DATE", "", False
        return _day_result(ctx.pub + dt.timedelta(days=_DAY_WORDS[text]), True)
    m = re.fullmatch(rf"{MODIFIER_RE}(week|weekend|month|year|quarter|decade|century)", text)
    if not m:
        return None
    if ctx.pub is None:
        return "DATE", "", False
    return "DATE", _period_value(ctx.pub, m[2], _SHIFTS.get(m[1] or "", 0)), True


def neighbour(text: str) -> tuple[str, int] | None:
    """(unit, shift) of "the previous year", "the day before", "the following week"."""
    m = _NEIGHBOUR_RE.fullmatch(text)
    if not m:
        return None
    return (m[2], _SHIFTS[m[1]]) if m[1] else (m[3], _SHIFTS[m[4]])


def _rule_neighbour(text: str, ctx: _Ctx) -> Result | None:
    """The previous year / the day before: relative to the publication date here."""
    found = neighbour(text)
    if found is None:
        return None
    if ctx.pub is None:
        return "DATE", "", False
    return "DATE", _period_value(ctx.pub, *found), True


def _rule_quarter(text: str, ctx: _Ctx) -> Result | None:
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
        year = _year_of(m[3], ctx)
        return None if year is None else ("DATE", f"{year[0]}-{code}{number}", year[1])
    if ctx.pub is None:
        return "DATE", f"XXXX-{code}{number}", False
    current = ctx.pub.year * per_year + (ctx.pub.month - 1) * per_year // 12
    candidates = [(ctx.pub.year + k) * per_year + number - 1 for k in (-1, 0, 1)]
    chosen = _choose(candidates, current, _direction(ctx, None))
    return "DATE", f"{chosen // per_year}-{code}{chosen % per_year + 1}", True


def _rule_week_of_month(text: str, ctx: _Ctx) -> Result | None:
    """The last week of March → the ISO week holding most of that week."""
    m = re.fullmatch(rf"({_ORDINAL_WORD}) week of {MONTH_RE}(?:,? (.+))?", text)
    if not m:
        return None
    month = _month_number(m[2])
    if m[3]:
        year = _year_of(m[3], ctx)
    else:
        picked = _rule_month(m[2], ctx)
        year = (int(picked[1][:4]), True) if picked and picked[1][0].isdigit() else None
    if year is None:
        return None
    first = dt.date(year[0], month, 1)
    if m[1] in ("last", "final"):
        anchor = _add_months(first, 1) - dt.timedelta(days=4)
    else:
        anchor = first + dt.timedelta(days=3 + 7 * (ORDINALS[m[1]] - 1))
    return "DATE", _iso_week(anchor), year[1]


def _shifted_value(pub: dt.date, unit: str, amount: int) -> str:
    """The date ``amount`` units from ``pub``, at the unit's granularity."""
    if unit in ("day", "night"):
        return (pub + dt.timedelta(days=amount)).isoformat()
    if unit in ("week", "fortnight"):
        return _iso_week(pub + dt.timedelta(weeks=amount * (2 if unit == "fortnight" else 1)))
    if unit in ("month", "quarter"):
        return _add_months(pub, amount * (3 if unit == "quarter" else 1)).strftime("%Y-%m")
    if unit == "decade":
        return str((pub.year + 10 * amount) // 10)
    if unit == "century":
        return f"{(pub.year + 100 * amount) // 100:02d}"
    return str(pub.year + amount)


def _rule_ago(text: str, ctx: _Ctx) -> Result | None:
    """two years ago → 2024; three days from now; a few weeks ago → PAST_REF."""
    m = re.fullmatch(rf"{NUMBER_WORD}[\s-]{UNIT_WORD}s? (ago|from now|hence|back)", text)
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
    return "DATE", _shifted_value(ctx.pub, m[2], count if future else -count), True


_DURATION_RE = re.compile(
    rf"(?:an? (?=\d))?(?:(?:next|past|last|previous|coming|first|final|following|recent|another)"
    rf" )?{NUMBER_WORD}[\s-](?:(?:straight|consecutive|full|whole|successive|more|additional"
    rf"|long|short|extra) )?{UNIT_WORD}s?(?:[\s-](?:long|period|span|history|stretch|timeframe"
    rf"|time frame|before|after|earlier|later|running|in a row))?"
)


def _rule_duration(text: str, ctx: _Ctx) -> Result | None:
    """three-day → P3D, more than 1,000 days → P1000D, five minutes → PT5M, years → PXY."""
    if m := _DURATION_RE.fullmatch(text):
        count = parse_number(m[1])
        if count is None and m[1] not in VAGUE_QUANTITIES:
            return None
        if re.fullmatch(r"[12]\d{3}", m[1]) and not text.endswith("s"):
            return None  # "World Cup 2018 day five"
        return "DURATION", _duration_value(count, m[2]), False
    if m := re.fullmatch(rf"(?:(?:the )?(?:past|last|next|coming) )?{UNIT_WORD}s(?:-long)?", text):
        return "DURATION", _duration_value(None, m[1].removesuffix("s")), False
    if m := re.fullmatch(rf"half an? {UNIT_WORD}", text):
        return "DURATION", _half_duration(m[1]), False
    return None


def _half_duration(unit: str) -> str:
    halves = {"hour": "PT30M", "minute": "PT30S", "day": "PT12H", "year": "P6M", "month": "P2W"}
    return halves.get(unit, "P" + "X" + UNITS[unit].lstrip("T"))


def _rule_set(text: str, ctx: _Ctx) -> Result | None:
    """every week / weekly → P1W, every two years → P2Y, every Monday → XXXX-WXX-1."""
    if text in ADVERB_SETS:
        return "SET", ADVERB_SETS[text], False
    if m := re.fullmatch(rf"(?:every|each|per|once a|twice a|\w+ times a) (other )?"
                         rf"(?:{NUMBER_WORD} )?{UNIT_WORD}s?", text):  # fmt: skip
        count = parse_number(m[2]) if m[2] else 1
        return "SET", _duration_value((count or 1) * (2 if m[1] else 1), m[3]), False
    m = re.fullmatch(r"(?:(every|each) )?((?:mon|tues|wednes|thurs|fri|satur|sun)day)(s)?", text)
    if m and (m[1] or m[3]):  # "every Monday", "on Mondays"
        return "SET", f"XXXX-WXX-{_weekday_number(m[2]) + 1}", False
    if m := re.fullmatch(rf"(?:every|each) {MONTH_RE}", text):
        return "SET", f"XXXX-{_month_number(m[1]):02d}", False
    return None


_CLOCK_RE = re.compile(
    r"(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?|o'clock|h)?"
    r"(?:\s*(utc|gmt|z|[a-z]{1,3}[sd]?t))?(?:,? (?:on )?(.+))?"
)


def _clock_date(rest: str | None, ctx: _Ctx) -> tuple[str, bool] | None:
    """The day of a clock time: a following date phrase, else the publication date."""
    if rest:
        result = _normalize_clean(clean_phrase(rest), ctx)
        if result is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", result[1]):
            return None
        return result[1], result[2]
    return (ctx.pub.isoformat(), True) if ctx.pub else ("", False)


def _rule_clock(text: str, ctx: _Ctx) -> Result | None:
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
    day = _clock_date(m[5], ctx)
    if hour > 24 or minute > 59 or day is None:
        return None
    zone = "Z" if m[4] in ("utc", "gmt", "z") else ""
    value = f"{day[0]}T{hour:02d}:{minute:02d}{zone}" if day[0] else ""
    return "TIME", value, day[1]


def _rule_part_of_day(text: str, ctx: _Ctx) -> Result | None:
    """this morning → 2008-01-09TMO, tonight, last night, Monday afternoon."""
    if text in ("tonight", "last night"):
        day = _clock_date("today" if text == "tonight" else "yesterday", ctx)
        return ("TIME", f"{day[0]}TNI" if day[0] else "", day[1]) if day else None
    m = re.fullmatch(r"(?:(this|that|the) )?(.*?) ?(morning|afternoon|evening|night)", text)
    if not m or (m[1] is None and not m[2]):
        return None
    day = _clock_date(m[2] or "today", ctx)
    if day is None:
        return None
    return "TIME", f"{day[0]}T{PARTS_OF_DAY[m[3]]}" if day[0] else "", day[1]


_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
    "valentine's day": (2, 14), "boxing day": (12, 26),
}  # fmt: skip


def _rule_holiday(text: str, ctx: _Ctx) -> Result | None:
    """Fixed-date holidays: Christmas → the nearest 12-25 in the tense's direction."""
    if m := re.fullmatch(r"(.+?),? (\d{4})", text):
        if m[1] in _HOLIDAYS:
            return _day_result(_date(int(m[2]), *_HOLIDAYS[m[1]]), False)
    return _pick_day(*_HOLIDAYS[text], ctx) if text in _HOLIDAYS else None


_RULES: tuple[Rule, ...] = (
    _rule_ref,
    _rule_numeric,
    _rule_absolute,
    _rule_month_year,
    _rule_month_day,
    _rule_year,
    _rule_decade,
    _rule_season,
    _rule_weekday,
    _rule_month,
    _rule_week_of_month,
    _rule_deictic,
    _rule_neighbour,
    _rule_quarter,
    _rule_ago,
    _rule_set,
    _rule_duration,
    _rule_clock,
    _rule_part_of_day,
    _rule_holiday,
)


def _normalize_clean(text: str, ctx: _Ctx) -> Result | None:
    for rule in _RULES:
        if result := rule(text, ctx):
            return result
    return None


def normalize_phrase(phrase: str, published: dt.date | None, tense: Tense) -> Result | None:
    """Like ``normalize``, also telling whether the publication date was used."""
    text = clean_phrase(phrase)
    return _normalize_clean(text, _Ctx(published, tense)) if text else None


def normalize(phrase: str, published: dt.date | None, tense: Tense) -> tuple[str, str] | None:
    """TIMEX3 (type, value) of a temporal phrase, or None when it is not one.

    Relative phrases are anchored on ``published`` in the direction of ``tense``; without a
    publication date they get the value "" (or ``XXXX-10`` style for a bare month/day).
    """
    result = normalize_phrase(phrase, published, tense)
    return None if result is None else (result[0], result[1])


# ---------------------------------------------------------------------------------------------
# Tagging a parsed document

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
_ANAPHORS = {"that time", "that same time", "that date", "the same date"}
_PERIOD_ANAPHORS = {
    "that year": 4,
    "that same year": 4,
    "the same year": 4,
    "that month": 7,
    "that same month": 7,
    "the same month": 7,
}
"""Anaphors for the year or month of the last date mentioned: the prefix of its value kept."""
_LEFT_MODIFIER = re.compile(r"\b(?:early|late|earlier|later|mid)(?:\s+in)?\s+$", re.IGNORECASE)
_LEFT_DEICTIC = re.compile(r"\b(?:this|last|next|past|coming|previous)\s+$", re.IGNORECASE)
_BARE_UNIT = re.compile(
    rf"(?:{UNIT_WORD}|weekend|{WEEKDAY_RE}|{MONTH_RE}|spring|summer|autumn|fall|winter)\b",
    re.IGNORECASE,
)
_SAME_DAY = {"day", "same day", "that day", "that same day", "this day"}
_TEXT_PATTERNS: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
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
)
"""Clock times and numeric dates, each with the strings one of which every match contains
(a text without them is not searched: most paragraphs have no ":", "/" or "p.m.")."""


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    kind: str
    value: str
    anchored: bool
    text: str


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow [start, end) of ``text`` to the expression proper (TimeML keeps "the")."""
    piece = text[start:end]
    lead = _TRIM_LEAD.match(piece.lstrip())
    start += len(piece) - len(piece.lstrip()) + (lead.end() if lead else 0)
    piece = text[start:end]
    tail = _TRIM_TAIL.search(piece)
    return start, end - (len(tail.group()) if tail else 0)


_UNIT_FORMS = [form for unit in UNITS if unit != "night" for form in (unit, unit + "s")]
_UNIT_FORMS.append("centuries")
_PREPOSITIONS = ["in", "since", "by", "until", "from", "to", "and", "between", "before", "after",
                 "of", "through", "during", "early", "late", "mid", "or"]  # fmt: skip
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
            [{"LIKE_NUM": True}, {"ORTH": "-", "OP": "?"}, {"LOWER": {"IN": _UNIT_FORMS}},
             {"LOWER": {"IN": ["ago", "later", "earlier"]}, "OP": "?"}],
            [{"LOWER": "single"}, {"ORTH": "-"}, {"LOWER": {"IN": _UNIT_FORMS}}],
        ],
        "SET": [
            [{"LOWER": {"IN": list(ADVERB_SETS)}, "POS": {"IN": ["ADJ", "ADV"]}}],
            [{"LOWER": {"IN": ["every", "each"]}}, {"LOWER": "other", "OP": "?"},
             {"LIKE_NUM": True, "OP": "?"},
             {"LOWER": {"IN": _UNIT_FORMS + [w for w in WEEKDAYS if w.endswith("day")]}}],
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


def _raw_spans(doc: Doc) -> list[tuple[int, int]]:
    """Candidate character spans: spaCy DATE/TIME entities, token patterns, text patterns."""
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    spans += _match_spans(doc)
    text = doc_text(doc)
    for needed, pattern in _TEXT_PATTERNS:
        if any(literal in text for literal in needed):
            spans += [m.span() for m in pattern.finditer(text)]
    return spans


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


def _tense_at(doc: Doc, start: int, end: int) -> Tense:
    if not (doc.has_annotation("TAG") and doc.has_annotation("DEP")):
        return "present"
    span = doc.char_span(start, end, alignment_mode="expand")
    return span_tense(span) if span is not None and len(span) else "present"


def _normalize_span(
    doc: Doc, start: int, end: int, phrase: str, published: dt.date | None
) -> _Found | None:
    text = doc_text(doc)
    before, after = text[max(0, start - 12) : start], text[end : end + 12]
    if _AGE_AFTER.match(after) or _AGE_BEFORE.search(before):
        return None  # "58-year-old", "aged 8-10 years" are ages, not durations
    if _BARE_UNIT_WORD.fullmatch(phrase) or _season_modifier(doc, start, end):
        return None  # "year" in "new year celebrations", "winter wheat", "Summer Olympics"
    if _number_of_a_name(doc, start, phrase):
        return None  # "Local 1520", "Route 1520": a name's number, not a year
    result = normalize_phrase(phrase, published, _tense_at(doc, start, end))
    if result is None:
        key = clean_phrase(phrase)
        if key not in _ANAPHORS and phrase.lower() not in _ANAPHORS and key not in _PERIOD_ANAPHORS:
            return None
        result = ("DATE", "", False)
    return _Found(start, end, *result, text=text[start:end])


def _candidates(doc: Doc, published: dt.date | None) -> list[_Found]:
    found = []
    text = doc_text(doc)
    for raw_start, raw_end in set(_raw_spans(doc)):
        for seg_start, seg_end in _segments(text, raw_start, raw_end):
            start, end = _trim(text, seg_start, seg_end)
            if end <= start:
                continue
            start = _extend_left(text, start, end)
            if whole := _normalize_span(doc, start, end, text[start:end], published):
                found.append(whole)
                continue
            for s, e, phrase in _pieces(text, start, end):
                if part := _normalize_span(doc, s, e, phrase, published):
                    found.append(part)
    return found


def _select(found: list[_Found]) -> list[_Found]:
    """Longest first, no overlaps, back in text order."""
    chosen: list[_Found] = []
    for f in sorted(found, key=lambda f: (f.start - f.end, f.start)):
        if all(f.end <= c.start or c.end <= f.start for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.start)


def _shift_mentioned(value: str, unit: str, shift: int) -> str | None:
    """Move an earlier mention's value by ``shift`` units, if it has that granularity."""
    if unit == "year" and re.fullmatch(r"\d{4}", value):
        return str(int(value) + shift)
    if unit == "day" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return (dt.date.fromisoformat(value) + dt.timedelta(days=shift)).isoformat()
    if unit == "month" and re.fullmatch(r"\d{4}-\d{2}", value):
        return _add_months(dt.date.fromisoformat(value + "-01"), shift).strftime("%Y-%m")
    return None


def _anaphoric(f: _Found, last_day: str, last_date: str) -> _Found | None:
    """Re-anchor "the same day", "that time", "the year before" on earlier mentions."""
    key = clean_phrase(f.text)
    if key in _SAME_DAY and last_day:
        return replace(f, value=last_day, anchored=True)
    if key in _PERIOD_ANAPHORS:
        length = _PERIOD_ANAPHORS[key]
        prefix = last_date[:length] if re.match(r"\d{4}(?:-\d{2})?", last_date) else ""
        return replace(f, value=prefix, anchored=True) if len(prefix) == length else None
    if key in _ANAPHORS or f.text.lower() in _ANAPHORS:
        return replace(f, value=last_date, anchored=True) if last_date else None
    if (found := neighbour(key)) and last_date:
        mentioned = last_day if found[0] == "day" else last_date
        value = _shift_mentioned(mentioned, *found)
        return replace(f, value=value, anchored=True) if value else f
    return f


@dataclass
class Antecedents:
    """The last day and the last date mentioned so far; carried from paragraph to paragraph."""

    day: str = ""
    date: str = ""


def _resolve_anaphora(found: list[_Found], seen: Antecedents) -> list[_Found]:
    """Give anaphoric expressions the value of the last date mentioned before them."""
    result: list[_Found] = []
    for f in found:
        resolved = _anaphoric(f, seen.day, seen.date)
        if resolved is None:
            continue
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", resolved.value):
            seen.day = resolved.value
        if resolved.kind == "DATE" and resolved.value[:1].isdigit():
            seen.date = resolved.value
        result.append(resolved)
    return result


def _attach_clock_dates(found: list[_Found], text: str) -> list[_Found]:
    """ "16:15 UTC, June 1st": the clock time takes the date that follows it."""
    result = list(found)
    for i, (clock, date) in enumerate(zip(found, found[1:], strict=False)):
        between = text[clock.end : date.start]
        if clock.kind != "TIME" or "T" not in clock.value or between not in (", ", ",", " on "):
            continue
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date.value):
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
    found = _attach_clock_dates(_resolve_anaphora(candidates, seen), doc_text(doc))
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
