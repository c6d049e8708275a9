"""The timeline's axis at archive size: it spans the bulk of the events with the outliers
listed, and its labels do not overlap."""

from __future__ import annotations

import datetime as dt
import re

from sitegen.model import Event
from sitegen.render.timeline_svg import LABEL_CHAR_PX, axis_span, visual_timeline


def _event(date: str, index: int) -> Event:
    precision = "year" if len(date) == 4 else "day"
    return Event(date, precision, f"Event {index}.", "a", index, 0, 5, date, "")  # type: ignore[arg-type]


def _archive() -> list[Event]:
    days = [dt.date(2005, 1, 1) + dt.timedelta(days=53 * i) for i in range(110)]
    return [_event(day.isoformat(), i) for i, day in enumerate(days)]


def test_outliers_are_listed_not_stretching_the_axis() -> None:
    events = _archive() + [_event("1130", 900), _event("2719", 901)]
    first, last, outliers = axis_span(events)
    assert (first.year, last.year) == (2005, 2020)
    assert [e.date for e in outliers] == ["1130", "2719"]
    html = visual_timeline(events, "timeline.md")
    ticks = re.findall(r'class="sg-tick-label"[^>]*>(\d{4})<', html)
    assert ticks and min(map(int, ticks)) >= 2005 and max(map(int, ticks)) <= 2021
    assert "left off the axis" in html and ">1130<" in html and ">2719<" in html


def test_a_small_timeline_keeps_every_event_on_its_axis() -> None:
    events = [_event("1130", 0)] + [_event(f"20{y:02d}", y) for y in range(10, 20)]
    assert axis_span(events)[2] == []


def test_labels_of_a_crowded_axis_do_not_overlap() -> None:
    days = [dt.date(2010, 1, 1) + dt.timedelta(days=9 * i) for i in range(80)]
    html = visual_timeline([_event(d.isoformat(), i) for i, d in enumerate(days)], "t.md")
    axis = html.split("</svg>")[0]
    boxes: dict[str, list[tuple[float, float]]] = {}
    for x, y, anchor, label in re.findall(
        r'class="sg-event-label" x="([\d.]+)" y="([\d.]+)" text-anchor="(\w+)">([^<]*)<', axis
    ):
        width = (len(label) - sum(c in " ,.–-" for c in label) / 2) * LABEL_CHAR_PX
        left = {"start": float(x), "end": float(x) - width}.get(anchor, float(x) - width / 2)
        boxes.setdefault(y, []).append((left, left + width))
    assert boxes
    for row in boxes.values():
        row.sort()
        assert all(a[1] <= b[0] for a, b in zip(row, row[1:], strict=False)), row


def test_month_ticks_do_not_overlap() -> None:
    days = [dt.date(2010, 1, 1), dt.date(2011, 12, 20)]
    html = visual_timeline([_event(d.isoformat(), i) for i, d in enumerate(days)], "t.md")
    xs = [float(x) for x in re.findall(r'class="sg-tick-label" x="([\d.]+)"', html)]
    assert len(xs) > 3
    assert min(b - a for a, b in zip(xs, xs[1:], strict=False)) >= 8 * 6.4


def test_many_outliers_are_listed_by_decade() -> None:
    history = [_event(str(1800 + 3 * i), 500 + i) for i in range(12)]
    events = _archive() + history
    archive = (dt.date(2005, 1, 1), dt.date(2020, 12, 31))
    first, last, outliers = axis_span(events, archive)
    assert first.year >= 2000 and len(outliers) == 12
    many = _archive() * 3 + [_event(str(1700 + 3 * i), 600 + i) for i in range(31)]
    html = visual_timeline(many, "timeline.md", archive=archive)
    listed = re.search(r'class="sg-timeline-outliers">(.*?)</p>', html)
    assert listed and ">1700s<" in listed.group(1) and ">1790s<" in listed.group(1)
