"""Which timeline page lists each event: one page for a small site, else a page per year and,
in a crowded year, a page per month.

The timeline of a thousand articles holds thousands of events; one page of them is megabytes
of Markdown and links, slow to build and to open. So past ``PAGE_LINES`` event lines the
timeline page becomes an index of years, each year gets its own page, and a year of more than
``PAGE_LINES`` lines gets a page per month (its own page keeps the events dated only to the
year, a season or a quarter, and lists its months). Every place that links into the timeline
asks :meth:`TimelinePlan.place` for the page and heading of an event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from sitegen.dates import period_start
from sitegen.model import Event

TIMELINE_PAGE = "timeline.md"
PAGE_LINES = 250
"""Event lines (an event told by several articles is one line) a timeline page lists at most
before it is split: the whole timeline into years, a year into months."""

MONTH_PRECISIONS = ("day", "week", "month")
"""Precisions listed under a month heading; seasons, quarters and years only under the year."""


def event_day(event: Event) -> dt.date:
    return period_start(event.date, event.precision)


def heading_anchor(event: Event) -> str:
    """The id of the timeline heading an event is listed under (month if it has one, else year)."""
    start = event_day(event)
    if event.precision in MONTH_PRECISIONS:
        return f"m{start.year}-{start.month:02d}"
    return f"y{start.year}"


def month_of(event: Event) -> int:
    """The event's month, or 0 for an event dated only to a year, a season or a quarter."""
    return event_day(event).month if event.precision in MONTH_PRECISIONS else 0


def repeated(events: Iterable[Event]) -> list[list[Event]]:
    """Events grouped when they are one: the same clause, date, phrase and resolution in
    several articles (a story syndicated or updated), in order of their first occurrence."""
    groups: dict[tuple[str, str, str, str, str], list[Event]] = {}
    for event in events:
        key = (
            event.date,
            event.precision,
            " ".join(event.text.split()),
            event.phrase,
            event.anchor,
        )
        groups.setdefault(key, []).append(event)
    return list(groups.values())


@dataclass(frozen=True)
class TimelinePage:
    """One page of a paged timeline: a year's, or a month's in a crowded year."""

    year: int
    month: int
    """1-12 for a month's page; 0 for a year's page."""
    events: tuple[Event, ...]
    """The events it lists, in timeline order."""
    months: tuple[int, ...] = ()
    """On the page of a year split by month: the months that have their own page."""

    @property
    def id(self) -> str:
        """Its key as a unit (``sitegen.render.incremental``): its path."""
        return self.path

    @property
    def path(self) -> str:
        if self.month:
            return f"timeline/{self.year}-{self.month:02d}.md"
        return f"timeline/{self.year}.md"

    @property
    def title(self) -> str:
        if self.month:
            return f"{dt.date(self.year, self.month, 1):%B} {self.year}"
        return str(self.year)


class PageRef(NamedTuple):
    """A timeline page as the pages beside it link it: all they may read of it, so that a
    page is rendered again under serve only when its neighbours' links change."""

    path: str
    title: str


@dataclass(frozen=True)
class TimelinePlan:
    """The timeline's pages: none besides ``timeline.md`` while its events fit on one."""

    pages: tuple[TimelinePage, ...] = ()
    """In date order; a split year's page comes before its months'."""
    _page_of: Mapping[tuple[int, int], TimelinePage] = field(default_factory=dict)
    """(year, month or 0) -> the page listing such events."""

    @classmethod
    def of(cls, events: Sequence[Event], page_lines: int | None = None) -> TimelinePlan:
        """The pages for ``events`` (in timeline order), at most ``page_lines`` lines a page
        (default ``PAGE_LINES``)."""
        page_lines = PAGE_LINES if page_lines is None else page_lines
        by_year: dict[int, list[Event]] = {}
        for event in events:
            by_year.setdefault(event_day(event).year, []).append(event)
        by_month = {year: _by_month(of_year) for year, of_year in by_year.items()}
        lines = {
            year: sum(len(repeated(of_month)) for of_month in months.values())
            for year, months in by_month.items()
        }
        if sum(lines.values()) <= page_lines:
            return cls()
        pages: list[TimelinePage] = []
        page_of: dict[tuple[int, int], TimelinePage] = {}
        for year, months in by_month.items():
            if lines[year] <= page_lines:
                pages.append(TimelinePage(year, 0, tuple(by_year[year])))
                page_of.update({(year, month): pages[-1] for month in months})
                continue
            own = sorted(month for month in months if month)
            pages.append(TimelinePage(year, 0, tuple(months.get(0, ())), tuple(own)))
            page_of[(year, 0)] = pages[-1]
            for month in own:
                pages.append(TimelinePage(year, month, tuple(months[month])))
                page_of[(year, month)] = pages[-1]
        return cls(tuple(pages), page_of)

    @property
    def paged(self) -> bool:
        return bool(self.pages)

    @cached_property
    def by_path(self) -> dict[str, TimelinePage]:
        """Each page by its path."""
        return {part.path: part for part in self.pages}

    @cached_property
    def _order(self) -> dict[str, int]:
        return {part.path: index for index, part in enumerate(self.pages)}

    def neighbours(self, path: str) -> tuple[PageRef | None, PageRef | None]:
        """The pages before and after the page at ``path`` (None at either end)."""
        index = self._order[path]
        before = self.pages[index - 1] if index else None
        after = self.pages[index + 1] if index + 1 < len(self.pages) else None
        return _ref(before), _ref(after)

    def months_of(self, year: int) -> tuple[TimelinePage, ...]:
        """The pages of a split year's months, in order."""
        return tuple(part for part in self.pages if part.year == year and part.month)

    def page_of(self, event: Event) -> TimelinePage | None:
        """The page of its year or month listing ``event``; None on a one-page timeline."""
        return self._page_of.get((event_day(event).year, month_of(event)))

    def place(self, event: Event) -> str:
        """``path#anchor`` of the heading listing ``event`` (a path under the docs folder)."""
        page = self.page_of(event)
        return f"{page.path if page else TIMELINE_PAGE}#{heading_anchor(event)}"


def _by_month(events: list[Event]) -> dict[int, list[Event]]:
    """A year's events by ``month_of``, each month's in timeline order."""
    months: dict[int, list[Event]] = {}
    for event in events:
        months.setdefault(month_of(event), []).append(event)
    return months


def _ref(part: TimelinePage | None) -> PageRef | None:
    return PageRef(part.path, part.title) if part else None
