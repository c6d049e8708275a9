"""The timeline of many events: a page per year (a page per month in a crowded year), links
into it from the other pages, and one page while everything fits."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path

import pytest

from sitegen.model import (
    Analysis,
    Article,
    Block,
    Entity,
    EntityMention,
    Event,
    KnowledgeBase,
    Precision,
    Sentence,
)
from sitegen.render import render_site, timeline_plan
from sitegen.render.timeline_plan import TimelinePlan
from sitegen.write import write_site
from tests.helpers import html_of

DATES: list[tuple[str, Precision]] = [
    ("2001", "year"),
    ("2003-01-05", "day"),
    ("2003-01-20", "day"),
    ("2003-03-02", "day"),
    ("2005", "year"),
    ("2005-01-10", "day"),
    ("2005-01-11", "day"),
    ("2005-02-01", "day"),
    ("2005-02-14", "day"),
    ("2005-06", "month"),
    ("2005-06-30", "day"),
]
"""Eleven events: 2001 (one), 2003 (three, in two months), 2005 (seven, in three months and
one dated only to the year)."""


def dated_kb(dates: list[tuple[str, Precision]]) -> KnowledgeBase:
    """One article of a paragraph per date; each sentence names Acme and dates an event."""
    text, blocks, sentences, mentions, events = "", [], [], [], []
    for index, (date, precision) in enumerate(dates):
        sentence = f"Acme moved on {date}."
        start = len(text)
        blocks.append(Block("paragraph", start, start + len(sentence), index + 1))
        sentences.append(Sentence(start, start + len(sentence), index))
        mentions.append(EntityMention("a", start, start + 4, "Acme", index))
        end = start + len(sentence)
        entities = ("organization:acme",)
        events.append(Event(date, precision, sentence, "a", index, start, end, date, "", entities))
        text += sentence + "\n"
    article = Article("a", "a.md", text, tuple(blocks), "Report", dt.date(2026, 1, 1))
    page = "organizations/acme.md"
    acme = Entity("organization:acme", "organization", "Acme", page, mentions=tuple(mentions))
    return KnowledgeBase(
        articles=(article,),
        analyses={"a": Analysis("a", tuple(sentences), ())},
        entities=(acme,),
        events=tuple(events),
    )


@pytest.fixture
def four_lines_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(timeline_plan, "PAGE_LINES", 4)


def timeline_links(site: dict[str, str]) -> list[tuple[str, str, str]]:
    """(page, target page, anchor) of every Markdown link into the timeline."""
    found = []
    for page, text in site.items():
        for target in re.findall(r"\]\(([^)#]*timeline[^)#]*\.md)(?:#([\w-]+))?\)", text):
            path = posixpath.normpath(posixpath.join(posixpath.dirname(page), target[0]))
            found.append((page, path, target[1]))
    return found


def test_many_events_get_a_page_per_year_and_per_month_in_a_crowded_year(
    four_lines_a_page: None,
) -> None:
    site = render_site(dated_kb(DATES))
    pages = sorted(path for path in site if path.startswith("timeline/"))
    assert pages == [
        "timeline/2001.md",
        "timeline/2003.md",
        "timeline/2005-01.md",
        "timeline/2005-02.md",
        "timeline/2005-06.md",
        "timeline/2005.md",
    ]
    lines = [line for path in pages for line in site[path].splitlines() if line.startswith("- **")]
    assert len(lines) == len(DATES)  # every event listed once, on its period's page
    assert "**Thursday, June 30, 2005**" in site["timeline/2005-06.md"]
    assert "**2005**: Acme moved on 2005" in site["timeline/2005.md"]
    assert "### March 2003" not in site["timeline/2003.md"]
    assert "## March 2003 {: #m2003-03 }" in site["timeline/2003.md"]
    index = site["timeline.md"]
    assert "- **" not in index  # the index lists years, not events
    assert "| [2003](timeline/2003.md) | 3 |  |" in index
    assert "[Jan](timeline/2005-01.md) (2) · [Feb](timeline/2005-02.md) (2)" in index
    assert 'href="2005-06/#m2005-06"' in index  # the axis' markers open the month's page


def test_period_pages_link_to_the_pages_before_after_and_above(four_lines_a_page: None) -> None:
    site = render_site(dated_kb(DATES))
    first = site["timeline/2001.md"]
    assert "[Timeline](../timeline.md) · [2003 →](2003.md)" in first and "←" not in first
    assert (
        "[← 2001](2001.md) · [Timeline](../timeline.md) · [2005 →](2005.md)"
        in (site["timeline/2003.md"])
    )
    year = site["timeline/2005.md"]
    assert "[← 2003](2003.md) · [Timeline](../timeline.md) · [January 2005 →](2005-01.md)" in year
    assert "[January 2005](2005-01.md) (2) · [February 2005](2005-02.md) (2)" in year
    last = site["timeline/2005-06.md"]
    assert "[← February 2005](2005-02.md) · [2005](2005.md)\n" in last and "→" not in last


def test_every_link_into_the_paged_timeline_finds_its_heading(four_lines_a_page: None) -> None:
    site = render_site(dated_kb(DATES))
    links = timeline_links(site)
    linking = {page for page, _, _ in links}
    assert {"articles/a.md", "organizations/acme.md", "index.md"} <= linking
    for page, target, anchor in links:
        assert target in site, (page, target)
        if anchor:
            ids = {tag.get("id") for tag in html_of(site[target]).select("[id]")}
            assert anchor in ids, (page, target, anchor)
    article = site["articles/a.md"]
    assert "([on the timeline](../timeline/2001.md#y2001))" in article
    acme = site["organizations/acme.md"]  # 11 events, 10 listed: the last is counted
    assert "…and 1 more event on the timeline's pages [June 2005]" in acme
    assert "(../timeline/2005-06.md#m2005-06) (1)" in acme


def test_events_that_fit_stay_on_one_page() -> None:
    site = render_site(dated_kb(DATES))
    assert not [path for path in site if path.startswith("timeline/")]
    assert TimelinePlan.of(dated_kb(DATES).events) == TimelinePlan()
    timeline = site["timeline.md"]
    assert len(re.findall(r"^- \*\*", timeline, flags=re.M)) == len(DATES)
    assert "## 2005 {: #y2005 }" in timeline and "### June 2005 {: #m2005-06 }" in timeline
    assert "([on the timeline](../timeline.md#y2001))" in site["articles/a.md"]
    assert "on [the timeline](../timeline.md)" in site["organizations/acme.md"]


def test_one_year_over_the_limit_is_split_into_months_alone() -> None:
    plan = TimelinePlan.of(dated_kb(DATES).events, page_lines=6)
    assert [part.path for part in plan.pages] == [
        "timeline/2001.md",
        "timeline/2003.md",
        "timeline/2005.md",
        "timeline/2005-01.md",
        "timeline/2005-02.md",
        "timeline/2005-06.md",
    ]
    year = plan.pages[2]
    assert year.months == (1, 2, 6) and [e.date for e in year.events] == ["2005"]
    assert plan.place(dated_kb(DATES).events[3]) == "timeline/2003.md#m2003-03"


def test_a_rebuild_removes_the_year_pages_it_no_longer_makes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    (docs / "timeline").mkdir(parents=True)
    (docs / "timeline" / "notes.md").write_text("by hand\n")
    monkeypatch.setattr(timeline_plan, "PAGE_LINES", 4)
    write_site(render_site(dated_kb(DATES)), docs)
    assert (docs / "timeline" / "2005-06.md").is_file()
    monkeypatch.setattr(timeline_plan, "PAGE_LINES", 8)  # 2005 (7 lines) fits on one page
    report = write_site(render_site(dated_kb(DATES)), docs)
    assert report.removed == [f"timeline/2005-{month}.md" for month in ("01", "02", "06")]
    report = write_site(render_site(dated_kb(DATES[:3])), docs)  # fits on timeline.md
    assert sorted(report.removed) == [f"timeline/{year}.md" for year in (2001, 2003, 2005)]
    assert sorted(p.name for p in (docs / "timeline").iterdir()) == ["notes.md"]
