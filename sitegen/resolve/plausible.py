"""The years a news archive's timeline may show: a date far before the archive's earliest
article or far after its latest is kept only on strong evidence.

Wire copy is full of four-digit numbers that are not years (times such as "1130 GMT", weights,
counts) and of misread dates; in an archive of 2004-2021 news, a "year 1130" or "2719" is far
more likely a misreading than history. A date more than ``PAST_MARGIN`` years before the
earliest publication date, or more than ``FUTURE_MARGIN`` after the latest, is dropped unless
its sentence gives strong evidence: a year written with an era ("1066 AD", "300 BC") or a
historical context word ("century", "ancient", "founded", "dynasty", ...), or, for a future
date, a deadline right before the year ("by 2080", "until 2100").
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sitegen.rules import rule

log = logging.getLogger(__name__)

PAST_MARGIN = 200
"""Years before the earliest article that need evidence ("by centuries")."""
FUTURE_MARGIN = 50
"""Years after the latest article that need evidence ("by decades")."""

ERA = re.compile(r"\b\d{1,4}\s*(?:BC|BCE|AD|CE|B\.C\.|A\.D\.)(?!\w)|\b(?:AD|A\.D\.)\s*\d{1,4}\b")
HISTORY_WORDS = re.compile(
    r"\b(?:centur(?:y|ies)|ancient|antiquity|medieval|middle ages|historic(?:al)?"
    r"|dynast(?:y|ies)|empire|emperor|pharaoh|reign(?:ed)?|king|queen|founded|built|erected"
    r"|era|archaeolog\w*|excavat\w*|fossils?|manuscripts?|millenni(?:um|a)|prehistor\w*)\b",
    re.IGNORECASE,
)


def _deadline(year: int) -> re.Pattern[str]:
    """ "by 2080", "until the end of 2100": a target year, not a count."""
    return re.compile(rf"\b(?:by|until|till|through)\s+(?:the\s+end\s+of\s+)?{year}\b", re.I)


PLAUSIBLE_YEAR = rule(
    "event.plausible-year",
    "event",
    "A date centuries before the archive's earliest article or decades after its latest is "
    "dropped unless its sentence gives an era or, near the year, a historical word (ahead: a "
    "deadline, by 2080).",
    examples=[
        {"published": ["2004-05-01", "2021-03-01"], "sentence": "Fighting stopped at 1130.",
         "year": 1130, "kept": False},
        {"published": ["2004-05-01", "2021-03-01"],
         "sentence": "The castle was built in 1130.", "year": 1130, "kept": True},
        {"published": ["2004-05-01", "2021-03-01"], "sentence": "He saw 2719 of them.",
         "year": 2719, "kept": False},
        {"published": ["2004-05-01", "2021-03-01"],
         "sentence": "Emissions must reach zero by 2090.", "year": 2090, "kept": True},
        {"published": ["2004-05-01", "2021-03-01"],
         "sentence": "Properties between 1109 and 1121 Elmwood Avenue, a deed says, may never "
                     "have a business or a hotel or any other building built on them.",
         "year": 1109, "kept": False},
    ],
)  # fmt: skip


EVIDENCE_REACH = 60
"""Characters on either side of the year in which a historical context word counts."""


def _around(year: int, sentence: str) -> str:
    """The words near ``year`` in ``sentence`` (the whole sentence if it is not written there):
    "the castle, built in 1130", not "between 1109 and 1121 Elmwood Avenue ... to be built"."""
    found = re.search(rf"\b{year}\b", sentence)
    if found is None:
        return sentence
    return sentence[max(0, found.start() - EVIDENCE_REACH) : found.end() + EVIDENCE_REACH]


@dataclass(frozen=True)
class PlausibleYears:
    """The span of years an archive's timeline keeps without further evidence."""

    first: int
    last: int

    @classmethod
    def of(cls, published: Iterable[dt.date | None]) -> PlausibleYears | None:
        """From the articles' publication dates; None when none has one (nothing is dropped)."""
        years = [day.year for day in published if day is not None]
        if not years:
            return None
        return cls(min(years) - PAST_MARGIN, max(years) + FUTURE_MARGIN)

    def keeps(self, year: int, sentence: str) -> bool:
        """Whether a date in ``year``, told in ``sentence``, stays on the timeline."""
        if self.first <= year <= self.last or not PLAUSIBLE_YEAR.on:
            return True
        if ERA.search(sentence) or HISTORY_WORDS.search(_around(year, sentence)):
            return True
        if year > self.last and _deadline(year).search(sentence):
            return True
        PLAUSIBLE_YEAR.fired()
        log.debug(
            "dropped the year %d (outside %d-%d, no era or context word): %s",
            year,
            self.first,
            self.last,
            sentence,
        )
        return False
