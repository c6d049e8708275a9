"""The timeline page, and the timeline section of entity pages."""

from __future__ import annotations

from itertools import groupby

from sitegen.model import Entity, Event
from sitegen.render.context import RenderContext
from sitegen.render.markdown import escape, front_matter, link, relative
from sitegen.render.passages import paragraph_link
from sitegen.render.timeline_svg import heading_anchor, visual_timeline
from sitegen.resolve.events import human_date, period_start

TIMELINE_PAGE = "timeline.md"
ENTITY_EVENTS_SHOWN = 10
"""Events listed on an entity page; the rest are on the timeline page (and every paragraph
naming the entity is linked under "Mentioned in" anyway)."""


def render_timeline(context: RenderContext) -> tuple[str, str]:
    """All events in date order, grouped by year and month, plus undated expressions."""
    events = context.kb.events
    lines = [
        front_matter({"title": "Timeline"}),
        "# Timeline\n",
        _intro(events),
        visual_timeline(list(events), TIMELINE_PAGE),
    ]
    for year, of_year in groupby(events, key=lambda e: period_start(e.date, e.precision).year):
        lines.append(f"## {year} {{: #y{year} }}\n")
        for month, grouped in groupby(of_year, key=lambda e: _month_heading(e)):
            of_month = list(grouped)
            if month:
                lines.append(f"### {month} {{: #{heading_anchor(of_month[0])} }}\n")
            lines += [event_line(same, context, TIMELINE_PAGE) for same in repeated(of_month)]
            lines.append("")
    lines.append(_undated(context))
    return TIMELINE_PAGE, "\n".join(lines)


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
    if event.precision in ("day", "week", "month"):
        start = period_start(event.date, event.precision)
        return f"{start:%B} {start.year}"
    return ""


def repeated(events: list[Event]) -> list[list[Event]]:
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


def event_line(same: list[Event], context: RenderContext, page: str, own: str = "") -> str:
    """One list item for an event (told by one or more articles): date, clause, a link to each
    article's paragraph, and the entities named; on the page of entity ``own``, the others."""
    event = same[0]
    sources = "; ".join(_source(other, context, page) for other in same)
    named = dict.fromkeys(e for other in same for e in other.entities)
    names = ", ".join(
        link(context.entities[e].name, relative(context.entities[e].page, page))
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
    """The "Timeline" section of an entity page: the events naming it."""
    events = repeated(context.events_of.get(entity.id, []))
    if not events:
        return ""
    shown = events[:ENTITY_EVENTS_SHOWN]
    lines = ["## Timeline\n"] + [event_line(same, context, page, entity.id) for same in shown]
    if len(events) > len(shown):
        more = len(events) - len(shown)
        timeline = link("the timeline", relative(TIMELINE_PAGE, page))
        lines.append(
            f"\n…and {more} more {'event' if more == 1 else 'events'} on {timeline} "
            "(each names the entity, so “Mentioned in” below links its paragraph)."
        )
    return "\n".join(lines) + "\n"
