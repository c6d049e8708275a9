"""Timeline events: date precision, clause splitting, the timeline page."""

from __future__ import annotations

import pytest

from sitegen.build import Options, build_knowledge
from sitegen.dates import event_date, human_date
from sitegen.model import TimeExpression
from sitegen.render.context import RenderContext
from sitegen.render.timeline_page import render_timeline_index
from sitegen.resolve.events import split_clauses
from tests.helpers import write


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-01-14", ("2026-01-14", "day")),
        ("2026-01-14TMO", ("2026-01-14", "day")),
        ("2026-W02", ("2026-W02", "week")),
        ("2025-10", ("2025-10", "month")),
        ("2025-SU", ("2025-SU", "season")),
        ("2008-Q3", ("2008-Q3", "quarter")),
        ("2018", ("2018", "year")),
        ("199", None),
        ("PRESENT_REF", None),
        ("P3D", None),
        ("XXXX-10", None),
    ],
)
def test_event_date_keeps_day_to_year_precision(value: str, expected: object) -> None:
    assert event_date(value) == expected


def test_human_dates() -> None:
    assert human_date("2026-01-14", "day") == "Wednesday, January 14, 2026"
    assert human_date("2025-10", "month") == "October 2025"
    assert human_date("2026-W02", "week").startswith("Week 2, 2026 (January 5")
    assert human_date("2025-SU", "season") == "Summer 2025"
    assert human_date("2018", "year") == "2018"


def _times(text: str, *phrases: str) -> list[TimeExpression]:
    return [
        TimeExpression(text.index(p), text.index(p) + len(p), p, "DATE", "2026-01-15")
        for p in phrases
    ]


def test_trailing_dates_split_after_their_clause() -> None:
    text = "He will meet Li on Thursday and Xi on Friday, before heading to Qatar on Saturday."
    spans = split_clauses(text, 0, len(text), _times(text, "Thursday", "Friday", "Saturday"))
    clauses = [text[s:e] for s, e in spans]
    assert clauses == [
        "He will meet Li on Thursday",
        "Xi on Friday",
        "before heading to Qatar on Saturday.",
    ]


def test_leading_dates_split_before_the_next_date() -> None:
    text = "In 2018, talks failed, and in 2021, they resumed."
    spans = split_clauses(text, 0, len(text), _times(text, "2018", "2021"))
    assert [text[s:e] for s, e in spans] == ["In 2018, talks failed", "in 2021, they resumed."]


def test_seed_like_article_gives_one_event_per_date(tmp_path, nlp) -> None:
    write(
        tmp_path / "a.txt",
        "Prime Minister Jane Doe will meet Premier Wei Lin of Freedonia on Thursday and "
        "President Tom Roe on Friday, before heading to Paris on Saturday.\n"
        "The two sides have talked for more than 1,000 days.\n"
        "These days, relations are calm.\n",
    )
    write(tmp_path / "a.yml", "published: 2026-01-13\n")
    kb = build_knowledge([tmp_path], nlp=nlp)
    assert [(e.date, e.phrase) for e in kb.events] == [
        ("2026-01-15", "Thursday"),
        ("2026-01-16", "Friday"),
        ("2026-01-17", "Saturday"),
    ]
    assert all(e.anchor == "published 2026-01-13" for e in kb.events)
    _, page = render_timeline_index(RenderContext.build(kb))  # few events: one page
    assert page.index("Thursday, January 15, 2026") < page.index("Friday, January 16, 2026")
    assert "](articles/a.md#p1)" in page


def test_undated_article_leaves_relative_dates_undated(tmp_path, nlp, caplog) -> None:
    write(tmp_path / "b.txt", "The minister left on Tuesday. The treaty was signed in 1998.\n")
    kb = build_knowledge([tmp_path], nlp=nlp)
    assert [e.date for e in kb.events] == ["1998"]
    assert "no 'published' date" in caplog.text
    _, page = render_timeline_index(RenderContext.build(kb))  # few events: one page
    assert "## Undated" in page and "Tuesday" in page
    assert kb.articles[0].published is None


def test_that_same_year_refers_back_across_a_paragraph(tmp_path, nlp) -> None:
    write(
        tmp_path / "c.txt",
        "The talks collapsed in 2018, when the envoys left.\n"
        "That same year, the border was closed.\n"
        "In March 2009 sales fell; that month, the plant closed.\n",
    )
    write(tmp_path / "c.yml", "published: 2026-01-13\n")
    kb = build_knowledge([tmp_path], Options(cache_dir=None), nlp=nlp)
    assert [(e.date, e.phrase) for e in kb.events] == [
        ("2009-03", "March 2009"),
        ("2009-03", "that month"),
        ("2018", "2018"),
        ("2018", "That same year"),
    ]


def test_period_anaphor_without_antecedent_is_dropped(tmp_path, nlp) -> None:
    write(tmp_path / "d.txt", "That same year, the border was closed.\n")
    write(tmp_path / "d.yml", "published: 2026-01-13\n")
    kb = build_knowledge([tmp_path], Options(cache_dir=None), nlp=nlp)
    assert kb.events == ()


def test_an_archive_drops_implausible_years(tmp_path, nlp, caplog) -> None:
    """Years centuries before the earliest article without an era or a historical word are
    misreadings (a count, a time), dropped and logged; a castle built in 1130 stays."""
    write(tmp_path / "a.txt", "The ceasefire began in 2004. Clashes went on until 1130.\n")
    write(tmp_path / "a.yml", "published: 2005-03-01\n")
    write(tmp_path / "b.txt", "The castle, built in 1130, reopened in 2010.\n")
    write(tmp_path / "b.yml", "published: 2010-06-01\n")
    with caplog.at_level("DEBUG", logger="sitegen.resolve.plausible"):
        kb = build_knowledge([tmp_path], Options(cache_dir=None), nlp=nlp)
    assert sorted(e.date for e in kb.events) == ["1130", "2004", "2010"]
    assert [e.article for e in kb.events if e.date == "1130"] == ["b"]
    assert "dropped the year 1130" in caplog.text


def test_the_entities_of_a_clause_are_those_named_wholly_inside_it_in_order_once() -> None:
    from sitegen.resolve.events import _entities_in

    spans = sorted([(0, 5, "p:a"), (8, 12, "o:b"), (10, 30, "o:c"), (14, 18, "p:a"), (30, 34, "x")])
    assert _entities_in(spans, 6, 30) == ("o:b", "o:c", "p:a")
    assert _entities_in(spans, 9, 29) == ("p:a",)  # "o:b" starts before, "o:c" ends after
    assert _entities_in(spans, 34, 40) == () and _entities_in([], 0, 9) == ()
