"""The words and patterns of English time expressions: months, weekdays, seasons, numbers,
units, holidays, and the regular-expression pieces the normalization rules are built from."""

from __future__ import annotations

import re

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
    "fortnight": "2W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
}  # fmt: skip
ADVERB_SETS = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
    "quarterly": "P1Q", "yearly": "P1Y", "annually": "P1Y", "annual": "P1Y",
}  # fmt: skip
PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "midmorning": "MO", "mid-morning": "MO", "midafternoon": "AF", "mid-afternoon": "AF",
}  # fmt: skip
PART_OF_DAY_RE = r"(morning|afternoon|evening|night)"
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
TENS_ONES = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[ -]"
    r"(?:one|two|three|four|five|six|seven|eight|nine)"
)
NUMBER_WORD = (
    rf"(\d[\d,]*(?:\.\d+)?|{TENS_ONES}|[a-z]+(?:-[a-z]+)?|a|an|a few|a couple of|couple of)"
)
UNIT_QUALIFIER = r"(?:trading|business|working|school|calendar|straight|consecutive)"
"""Words between a count and its unit that keep the unit ("eight trading days")."""

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
MODIFIER_RE = (
    r"(?:(last|next|this|past|previous|prior|preceding|coming|following|current|latest) )?"
)
OPT_WEEKDAY = rf"(?:{WEEKDAY_RE},? )?"
DAY_MONTH = rf"{OPT_WEEKDAY}(?:the )?{DAY_RE} (?:of )?{MONTH_RE}"
ORDINAL_WORD = "first|second|third|fourth|final|last"


def month_number(word: str) -> int:
    word = word.rstrip(".")
    return MONTHS.get(word) or MONTHS[word[:3]]


def weekday_number(word: str) -> int:
    word = word.rstrip(".")
    return WEEKDAYS.get(word, WEEKDAYS.get(word[:3], -1))


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
    parts = text.replace(" ", "-").split("-")
    if parts[0] in TENS and (len(parts) == 1 or parts[1] in SMALL_NUMBERS):
        return TENS[parts[0]] + (SMALL_NUMBERS[parts[1]] if len(parts) == 2 else 0)
    if text in ("hundred", "a hundred"):
        return 100
    if text in ("thousand", "a thousand"):
        return 1000
    return None


def spelled_year(text: str) -> int | None:
    """A year spelled out as broadcast transcripts do: "nineteen ninety-six" → 1996, "two
    thousand" → 2000, "two thousand and one" → 2001, "nineteen hundred" → 1900."""
    words = text.replace("-", " ").split()
    if len(words) >= 2 and words[:2] == ["two", "thousand"]:
        rest = words[2:][1:] if words[2:3] == ["and"] else words[2:]
        tail = parse_number(" ".join(rest)) if rest else 0
        return 2000 + tail if tail is not None and tail < 100 else None
    if len(words) < 2 or words[0] not in ("eighteen", "nineteen", "twenty"):
        return None
    century = SMALL_NUMBERS.get(words[0]) or TENS[words[0]]
    if words[1:] == ["hundred"]:
        return century * 100
    tail = parse_number(" ".join(words[1:]))
    return century * 100 + tail if tail is not None and 10 <= tail < 100 else None


DECADE_WORDS = {word.replace("y", "ies"): n for word, n in TENS.items()}
"""The twenties ... the nineties, by their tens (20 ... 90)."""

SHIFTS = {
    "last": -1, "past": -1, "previous": -1, "prior": -1, "preceding": -1, "before": -1,
    "earlier": -1, "latest": -1, "next": 1, "coming": 1, "following": 1, "after": 1, "later": 1,
}  # fmt: skip
NEIGHBOUR_RE = re.compile(
    r"(?:(previous|prior|preceding|next|following) (day|week|month|year)"
    r"|(day|week|month|year) (before|previous|earlier|prior|after|later))"
)
DAY_WORDS = {
    "today": 0, "day": 0, "same day": 0, "this day": 0, "that day": 0, "that same day": 0,
    "yesterday": -1, "tomorrow": 1, "day before yesterday": -2, "day after tomorrow": 2,
}  # fmt: skip


HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
    "valentine's day": (2, 14), "boxing day": (12, 26),
}  # fmt: skip
