"""The visual timeline: an SVG date axis with event markers, clustered where they crowd.

Markers close together on the axis merge into one cluster (its size and number say how many
events it holds); each cluster links to its first event's heading on the timeline (below it,
or on the page of its year or month) and lists them in its tooltip. When one cluster holds
many events, a second axis zooms in on it.

The axis spans the bulk of the events and the archive's own span, not the extremes: in a
timeline of many events, those dated far before or after the rest (``axis_span``) are listed
under it as links, by year, decade or century, instead of stretching it.
Labels never overlap: each takes the first of ``LABEL_ROWS`` rows where it fits (its own row
first), else it is left out (its marker keeps its tooltip and link).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

from sitegen.dates import human_date
from sitegen.model import Event
from sitegen.render.svg import num, page_href, text
from sitegen.render.timeline_plan import TimelinePlan, event_day

WIDTH = 960.0
HEIGHT = 150.0
MARGIN = 40.0
AXIS_Y = 95.0
CLUSTER_PX = 22.0
TOOLTIP_EVENTS = 8
ZOOM_AT = 4
LABEL_ROWS = 3
LABEL_CHAR_PX = 7.2
"""Width of a letter or digit of a label at the labels' 13px font (spaces and punctuation
take half); an estimate that errs wide."""
TICK_CHAR_PX = 6.4
"""Width of a tick label character at 11px."""
LABEL_GAP_PX = 6.0
OUTLIER_MIN_EVENTS = 20
"""Fewer events than this: the axis runs from the first to the last, whatever the gaps."""
AXIS_SHARE = 0.9
"""The share of the events the axis holds at least (with the archive's own span)."""
OUTLIER_GAP = 0.25
"""An outlier lies further than this share of the axis's length outside it."""
OUTLIER_GROUPS = 30
"""Outliers are listed by year, or by decade (then century) when they fall in more years."""

Span = tuple[dt.date, dt.date]
"""The first and last publication date of the archive."""


@dataclass(frozen=True)
class Cluster:
    """Events drawn as one marker at ``x``."""

    x: float
    events: tuple[Event, ...]


Place = Callable[[Event], str]
"""Where the timeline lists an event: ``path.md#anchor`` under the docs folder."""


def clusters(events: list[Event], first: dt.date, last: dt.date) -> list[Cluster]:
    """Events placed on the axis from ``first`` to ``last``, merged when closer than CLUSTER_PX."""
    span = max((last - first).days, 1)
    found: list[tuple[float, list[Event]]] = []  # (x of the first event, events), grown in place
    for event in sorted(events, key=event_day):
        x = MARGIN + (event_day(event) - first).days / span * (WIDTH - 2 * MARGIN)
        if found and x - found[-1][0] < CLUSTER_PX:
            found[-1][1].append(event)
        else:
            found.append((x, [event]))
    return [Cluster(x, tuple(merged)) for x, merged in found]


def axis_span(
    events: list[Event], archive: Span | None = None
) -> tuple[dt.date, dt.date, list[Event]]:
    """The first and last day of the axis, and the outliers left off it (in date order).

    With ``OUTLIER_MIN_EVENTS`` events or more, the axis is the shortest window that holds
    ``AXIS_SHARE`` of them and the ``archive``'s own span (its first and last publication
    dates), widened to every event less than ``OUTLIER_GAP`` of its length away; the events
    beyond are outliers. Fewer events: the axis runs from the first to the last."""
    ordered = sorted(events, key=event_day)
    days = [event_day(event) for event in ordered]
    if len(days) < OUTLIER_MIN_EVENTS:
        return days[0], max(days[-1], days[0] + dt.timedelta(days=1)), []
    held = math.ceil(len(days) * AXIS_SHARE)
    windows = []
    for i in range(len(days) - held + 1):
        low, high = days[i], days[i + held - 1]
        if archive:
            low, high = min(low, archive[0]), max(high, archive[1])
        windows.append((high - low, low, high))
    _, low, high = min(windows)
    reach = dt.timedelta(days=max((high - low).days, 365) * OUTLIER_GAP)
    kept = [i for i, day in enumerate(days) if low - reach <= day <= high + reach]
    first, last = days[kept[0]], max(days[kept[-1]], days[kept[0]] + dt.timedelta(days=1))
    return first, last, [e for i, e in enumerate(ordered) if not kept[0] <= i <= kept[-1]]


def draw_timeline(
    events: list[Event], page: str, label: str, place: Place, archive: Span | None = None
) -> str:
    """An SVG axis of ``events`` (over ``axis_span``; outliers left off), "" if none."""
    if not events:
        return ""
    first, last, outliers = axis_span(events, archive)
    left_off = {id(event) for event in outliers}
    events = [event for event in events if id(event) not in left_off]
    lines = [
        f'<svg class="sg-timeline" viewBox="0 0 {num(WIDTH)} {num(HEIGHT)}" '
        f'xmlns="http://www.w3.org/2000/svg" aria-label="{text(label)}">',
        f"<title>{text(label)}</title>",
        f'<line class="sg-axis" x1="{num(MARGIN)}" y1="{AXIS_Y}" '
        f'x2="{num(WIDTH - MARGIN)}" y2="{AXIS_Y}"/>',
        *_ticks(first, last),
    ]
    rows: list[list[tuple[float, float]]] = [[] for _ in range(LABEL_ROWS)]
    for index, cluster in enumerate(clusters(events, first, last)):
        lines.append(_marker(cluster, index, page, place, rows))
    lines.append("</svg>")
    return "\n".join(lines) + "\n"


def _ticks(first: dt.date, last: dt.date) -> list[str]:
    """Year ticks (or month ticks when the axis spans less than two years)."""
    span = max((last - first).days, 1)
    if span > 730:
        step = max(1, math.ceil((last.year - first.year) / 12))
        marks = [dt.date(y, 1, 1) for y in range(first.year, last.year + 1, step)]
        names = [str(m.year) for m in marks]
    else:
        marks, names = [], []
        current = dt.date(first.year, first.month, 1)
        while current <= last:
            marks.append(current)
            names.append(
                f"{current:%b} {current.year}"
                if current.month == 1 or not marks[:-1]
                else f"{current:%b}"
            )
            current = dt.date(current.year + current.month // 12, current.month % 12 + 1, 1)
        if len(marks) <= 1 and span <= 62:
            marks = [first + dt.timedelta(days=d) for d in range(0, span + 1, max(1, span // 10))]
            names = [f"{m:%b} {m.day}" for m in marks]
        marks, names = _thinned(marks, names)
    ticks = []
    for mark, name in zip(marks, names, strict=True):
        x = MARGIN + (mark - first).days / span * (WIDTH - 2 * MARGIN)
        if MARGIN - 1 <= x <= WIDTH - MARGIN + 1:
            ticks.append(
                f'<line class="sg-tick" x1="{num(x)}" y1="{AXIS_Y}" x2="{num(x)}" '
                f'y2="{AXIS_Y + 6}"/><text class="sg-tick-label" x="{num(x)}" '
                f'y="{AXIS_Y + 20}" text-anchor="middle">{text(name)}</text>'
            )
    return ticks


def _thinned(marks: list[dt.date], names: list[str]) -> tuple[list[dt.date], list[str]]:
    """Every n-th tick, so that no two tick labels overlap (the first keeps its year)."""
    longest = max((len(name) for name in names), default=0) * TICK_CHAR_PX + LABEL_GAP_PX
    room = (WIDTH - 2 * MARGIN) / max(len(marks) - 1, 1)
    step = max(1, math.ceil(longest / room)) if len(marks) > 1 else 1
    if step == 1:
        return marks, names
    kept = list(range(0, len(marks), step))
    return [marks[i] for i in kept], [
        f"{marks[i]:%b} {marks[i].year}" if len(names[i]) <= 3 else names[i] for i in kept
    ]


def _label_row(
    rows: list[list[tuple[float, float]]], preferred: int, left: float, right: float
) -> int | None:
    """The first row (``preferred`` first) where [left, right] overlaps no label, or None."""
    for row in [preferred] + [r for r in range(len(rows)) if r != preferred]:
        if all(right + LABEL_GAP_PX <= a or b + LABEL_GAP_PX <= left for a, b in rows[row]):
            rows[row].append((left, right))
            return row
    return None


def short_date(event: Event) -> str:
    """A compact date: "Jan 14, 2026", "Oct 2025", "2018", "Week 2, 2026"."""
    start = event_day(event)
    if event.precision == "day":
        return f"{start:%b} {start.day}, {start.year}"
    if event.precision == "month":
        return f"{start:%b} {start.year}"
    if event.precision == "week":
        return human_date(event.date, event.precision).split(" (")[0]
    return human_date(event.date, event.precision)


def _marker(
    cluster: Cluster,
    index: int,
    page: str,
    place: Place,
    rows: list[list[tuple[float, float]]],
) -> str:
    events = cluster.events
    count = len(events)
    radius = min(6 + 2.5 * math.sqrt(count - 1), 16)
    names = [short_date(events[0])]
    if short_date(events[-1]) != names[0]:
        names.append(short_date(events[-1]))
    label = " – ".join(names)
    tooltip = [f"{human_date(e.date, e.precision)}: {e.text}" for e in events[:TOOLTIP_EVENTS]]
    if count > TOOLTIP_EVENTS:
        tooltip.append(f"+{count - TOOLTIP_EVENTS} more")
    href = page_href(place(events[0]), page)
    side = (
        "end" if cluster.x > WIDTH - 3 * MARGIN else "start" if cluster.x < 3 * MARGIN else "middle"
    )
    shift = {"end": 4.0, "start": -4.0, "middle": 0.0}[side]
    narrow = sum(char in " ,.–-" for char in label)
    width = (len(label) - narrow / 2) * LABEL_CHAR_PX
    left = {"end": cluster.x + shift - width, "start": cluster.x + shift}.get(
        side, cluster.x - width / 2
    )
    row = _label_row(rows, index % LABEL_ROWS, left, left + width)
    label_y = AXIS_Y - radius - 8 - (row or 0) * 18
    drawn = (
        f'<text class="sg-event-label" x="{num(cluster.x + shift)}" y="{num(label_y)}" '
        f'text-anchor="{side}">{text(label)}</text>'
        if row is not None
        else ""
    )
    stem_top = label_y + 4 if row is not None else AXIS_Y - radius
    number = (
        f'<text class="sg-count" x="{num(cluster.x)}" y="{num(AXIS_Y + 4)}" '
        f'text-anchor="middle">{count}</text>'
        if count > 1
        else ""
    )
    return (
        f'<a href="{href}" class="sg-event" data-date="{text(events[0].date)}" '
        f'data-count="{count}"><title>{text(chr(10).join(tooltip))}</title>'
        f'<line class="sg-stem" x1="{num(cluster.x)}" y1="{num(stem_top)}" '
        f'x2="{num(cluster.x)}" y2="{AXIS_Y}"/>'
        f'<circle cx="{num(cluster.x)}" cy="{AXIS_Y}" r="{num(radius)}"/>{number}{drawn}</a>'
    )


def visual_timeline(
    events: list[Event], page: str, place: Place | None = None, archive: Span | None = None
) -> str:
    """The whole axis, and a zoomed axis on the largest cluster when it holds many events;
    markers link to ``place`` of their first event (by default on the one timeline page)."""
    if not events:
        return ""
    place = place or TimelinePlan().place
    parts = ['<figure class="sg-graph sg-timeline-figure" data-search-exclude>']
    parts.append(draw_timeline(events, page, "Timeline of all dated events", place, archive))
    first, last, outliers = axis_span(events, archive)
    if outliers:
        parts.append(_outliers(outliers, page, place))
    left_off = {id(event) for event in outliers}
    found = clusters([e for e in events if id(e) not in left_off], first, last)
    largest = max(found, key=lambda c: len(c.events))
    spread = {event_day(e) for e in largest.events}
    if len(largest.events) >= ZOOM_AT and len(found) > 1 and len(spread) > 1:
        zoom_label = (
            f"Close-up: {short_date(largest.events[0])} to {short_date(largest.events[-1])}"
        )
        parts.append(f"<figcaption>{text(zoom_label)}</figcaption>")
        parts.append(draw_timeline(list(largest.events), page, zoom_label, place))
    parts.append("</figure>")
    return "\n".join(parts) + "\n"


def _outliers(outliers: list[Event], page: str, place: Place) -> str:
    """The events left off the axis, as links by year (or decade, or century when they are
    spread over more than ``OUTLIER_GROUPS`` years): "1066 (2), 2650"."""
    years = {event_day(event).year for event in outliers}
    decades = {year // 10 for year in years}
    groups: dict[str, list[Event]] = {}
    for event in outliers:
        year = event_day(event).year
        if len(years) <= OUTLIER_GROUPS:
            name = short_date(event) if len(outliers) <= OUTLIER_GROUPS else str(year)
        elif len(decades) <= OUTLIER_GROUPS:
            name = f"{year // 10 * 10}s"
        else:
            name = f"{year // 100 * 100}s"
        groups.setdefault(name, []).append(event)
    links = [
        f'<a href="{page_href(place(same[0]), page)}">{text(name)}</a>'
        + (f" ({len(same)})" if len(same) > 1 else "")
        for name, same in groups.items()
    ]
    return (
        '<p class="sg-timeline-outliers">Also dated, far from the rest (left off the axis): '
        + ", ".join(links)
        + "</p>"
    )
