"""The timeline (one page, or an index with a page per year or month; see
``timeline_plan``), and the timeline section of entity pages."""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from sitegen.dates import human_date
from sitegen.model import Entity, Event
from sitegen.render.context import RenderContext
from sitegen.render.markdown import escape, front_matter, heading, link, relative
from sitegen.render.passages import entity_link, paragraph_link
from sitegen.render.timeline_plan import (
    MONTH_PRECISIONS,
    TIMELINE_PAGE,
    PageRef,
    TimelinePage,
    event_day,
    heading_anchor,
    repeated,
)
from sitegen.render.timeline_svg import visual_timeline

ENTITY_EVENTS_SHOWN = 10
"""Events listed on an entity page; the rest are on the timeline (and every paragraph
naming the entity is linked under "Mentioned in" anyway)."""


def render_timeline_index(context: RenderContext) -> tuple[str, str]:
    """``timeline.md``: every event or, when they are too many for one page, an index of
    years with a page per year or month (``render_period_page``; ``timeline_plan``)."""
    return _index(context) if context.timeline.paged else _whole_timeline(context)


def _whole_timeline(context: RenderContext) -> tuple[str, str]:
    """All events on one page in date order, grouped by year and month, plus undated
    expressions."""
    events = context.kb.events
    lines = [
        front_matter({"title": "Timeline"}),
        "# Timeline\n",
        _intro(events),
        visual_timeline(list(events), TIMELINE_PAGE, archive=_archive_span(context)),
    ]
    for year, of_year in groupby(events, key=lambda e: event_day(e).year):
        lines.append(f"## {year} {{: #y{year} }}\n")
        lines += _by_month(list(of_year), context, TIMELINE_PAGE, 3)
    lines.append(_undated(context))
    return TIMELINE_PAGE, "\n".join(lines)


def _archive_span(context: RenderContext) -> tuple[dt.date, dt.date] | None:
    """The first and last publication date of the articles (None if none has one)."""
    days = [article.published for article in context.kb.articles if article.published]
    return (min(days), max(days)) if days else None


def _by_month(events: list[Event], context: RenderContext, page: str, level: int) -> list[str]:
    """Event lines under a heading per month; those dated only to the year, a season or a
    quarter under none (they come first in the year, or between its months)."""
    lines = []
    for month, grouped in groupby(events, key=_month_heading):
        of_month = list(grouped)
        if month:
            lines.append(f"{'#' * level} {month} {{: #{heading_anchor(of_month[0])} }}\n")
        lines += [event_line(same, context, page) for same in repeated(of_month)]
        lines.append("")
    return lines


def _index(context: RenderContext) -> tuple[str, str]:
    """``timeline.md`` of a paged timeline: the axis, and the years with their event counts
    (and the pages of their months), plus undated expressions."""
    events = context.kb.events
    plan = context.timeline
    lines = [
        front_matter({"title": "Timeline"}),
        "# Timeline\n",
        _intro(events),
        visual_timeline(list(events), TIMELINE_PAGE, plan.place, _archive_span(context)),
        "## Years\n",
        "The events of each year are on its page; a crowded year has a page per month.\n",
        "| Year | Events | Pages by month |",
        "| --- | --- | --- |",
    ]
    for year, grouped in groupby(plan.pages, key=lambda part: part.year):
        parts = list(grouped)
        count = sum(len(part.events) for part in parts)
        months = " · ".join(
            f"{link(f'{event_day(part.events[0]):%b}', relative(part.path, TIMELINE_PAGE))} "
            f"({len(part.events)})"
            for part in parts[1:]
        )
        year_link = link(str(year), relative(parts[0].path, TIMELINE_PAGE))
        lines.append(f"| {year_link} | {count} | {months} |")
    lines.append("")
    lines.append(_undated(context))
    return TIMELINE_PAGE, "\n".join(lines)


def render_period_page(part: TimelinePage, context: RenderContext) -> tuple[str, str]:
    """The page of a year (its events by month, or its months' pages and the events dated only
    to the year, a season or a quarter) or of a month, with links to the pages around it."""
    page = part.path
    anchor = f"m{part.year}-{part.month:02d}" if part.month else f"y{part.year}"
    nav = _page_links(part, *context.timeline.neighbours(part.path))
    lines = [
        front_matter({"title": f"Timeline: {part.title}"}),
        heading(1, part.title, anchor) + "\n",
        nav,
    ]
    if part.month:
        lines.append(_count(len(part.events), part.title))
        lines += [event_line(same, context, page) for same in repeated(part.events)]
        lines.append("")
    elif part.months:
        lines += _months_of(part, context)
    else:
        lines.append(_count(len(part.events), part.title))
        lines += _by_month(list(part.events), context, page, 2)
    lines.append(nav)
    return page, "\n".join(lines)


def _count(events: int, period: str) -> str:
    return f"{events} dated {'event' if events == 1 else 'events'} in {period}.\n"


def _months_of(year: TimelinePage, context: RenderContext) -> list[str]:
    """The page of a year split by month: its months' pages, then the events dated only to
    the year, a season or a quarter."""
    pages = context.timeline.months_of(year.year)
    total = len(year.events) + sum(len(part.events) for part in pages)
    months = " · ".join(
        f"{link(part.title, relative(part.path, year.path))} ({len(part.events)})" for part in pages
    )
    lines = [
        f"{total} dated events in {year.year}, on a page per month (events per month): {months}\n"
    ]
    if year.events:
        lines.append("## Dated to the year, a season or a quarter\n")
        lines += _by_month(list(year.events), context, year.path, 3)
    return lines


def _page_links(part: TimelinePage, previous: PageRef | None, following: PageRef | None) -> str:
    """ "← 2007 · 2008 · March 2008 →": the previous page, the page above, the next page."""
    up = f"timeline/{part.year}.md" if part.month else TIMELINE_PAGE
    links = [link(str(part.year) if part.month else "Timeline", relative(up, part.path))]
    if previous:
        links.insert(0, link(f"← {previous.title}", relative(previous.path, part.path)))
    if following:
        links.append(link(f"{following.title} →", relative(following.path, part.path)))
    return " · ".join(links) + "\n"


def _intro(events: tuple[Event, ...]) -> str:
    if not events:
        return "The articles date no events.\n"
    first = human_date(events[0].date, events[0].precision)
    last = human_date(events[-1].date, events[-1].precision)
    return (
        f"{len(events)} dated events, from {escape(first)} to {escape(last)}. Relative dates "
        '("on Wednesday", "last year") are resolved against each article\'s publication '
        "date and the tense of their sentence.\n"
    )


def _month_heading(event: Event) -> str:
    if event.precision in MONTH_PRECISIONS:
        start = event_day(event)
        return f"{start:%B} {start.year}"
    return ""


def event_line(same: list[Event], context: RenderContext, page: str, own: str = "") -> str:
    """One list item for an event (told by one or more articles): date, clause, a link to each
    article's paragraph, and the entities named; on the page of entity ``own``, the others."""
    event = same[0]
    sources = "; ".join(_source(other, context, page) for other in same)
    named = dict.fromkeys(e for other in same for e in other.entities)
    names = ", ".join(
        entity_link(context.entities[e], page)
        for e in named
        if e in context.entities and e != own
    )
    resolved = f"; {escape(event.anchor)}" if event.anchor else ""
    parts = [
        f"- **{escape(human_date(event.date, event.precision))}**: {escape(event.text)}",
        f"  ({sources}; “{escape(event.phrase)}”{resolved})",
    ]
    if names:
        parts.append(f"  — {names}")
    return "\n".join(parts)


def _source(event: Event, context: RenderContext, page: str) -> str:
    """The article's title and a link to the paragraph that dates the event."""
    anchor = context.paragraph_anchor(event.article, event.sentence)
    target = paragraph_link(context, event.article, event.sentence, page)
    return f"{escape(context.articles[event.article].title)}, [¶{anchor[1:]}]({target})"


def _undated(context: RenderContext) -> str:
    undated = [
        (article_id, time)
        for article_id, analysis in sorted(context.kb.analyses.items())
        for time in analysis.times
        if not time.value and time.type == "DATE"
    ]
    if not undated:
        return ""
    lines = [
        "## Undated\n",
        "Relative dates in articles without a publication date, left unresolved.\n",
    ]
    for article_id, time in undated:
        article = context.articles[article_id]
        target = relative(f"articles/{article_id}.md", TIMELINE_PAGE)
        lines.append(f"- “{escape(time.text)}” in {link(article.title, target)}")
    return "\n".join(lines) + "\n"


def timeline_for_entity(entity: Entity, context: RenderContext, page: str) -> str:
    """The "Timeline" section of an entity page: the events naming it (the first
    ``ENTITY_EVENTS_SHOWN``; the others are counted by the timeline page listing them)."""
    events = repeated(context.events_of.get(entity.id, []))
    if not events:
        return ""
    shown = events[:ENTITY_EVENTS_SHOWN]
    lines = ["## Timeline\n"] + [event_line(same, context, page, entity.id) for same in shown]
    if len(events) > len(shown):
        more = len(events) - len(shown)
        lines.append(
            f"\n…and {more} more {'event' if more == 1 else 'events'} on "
            f"{_where(events[len(shown) :], context, page)} (each names the entity, so "
            "“Mentioned in” below links its paragraph)."
        )
    return "\n".join(lines) + "\n"


def _where(events: list[list[Event]], context: RenderContext, page: str) -> str:
    """ "the timeline", or on a paged one "the timeline's pages [2007](…) (3) · …": each page
    listing some of ``events`` (lines of one or more events), with how many."""
    if not context.timeline.paged:
        return link("the timeline", relative(TIMELINE_PAGE, page))
    first: dict[str, Event] = {}
    counts: dict[str, int] = {}
    for same in events:
        part = context.timeline.page_of(same[0])
        title = part.title if part else "Timeline"
        first.setdefault(title, same[0])
        counts[title] = counts.get(title, 0) + 1
    pages = " · ".join(
        f"{link(title, relative(context.timeline.place(event), page))} ({counts[title]})"
        for title, event in first.items()
    )
    return f"the timeline's pages {pages}"
