"""Bounded lists on entity and topic pages: what a frequent name's page shows, and that every
article and paragraph stays linked past the caps."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from sitegen.model import (
    Analysis,
    Article,
    Block,
    Entity,
    EntityMention,
    Event,
    KnowledgeBase,
    Passage,
    Sentence,
    Topic,
)
from sitegen.render import render_site
from sitegen.render.article_page import BOX_LINKS
from sitegen.render.entity_page import (
    MENTIONS_SHOWN,
    RELATED_LIMIT,
    RELATED_SENTENCES_SHOWN,
    SHARED_SENTENCES_SHOWN,
)
from sitegen.render.timeline_page import ENTITY_EVENTS_SHOWN
from sitegen.render.topic_page import ENTITY_TOPICS_SHOWN, PASSAGES_SHOWN
from tests.helpers import html_of

SENTENCES_PER_PARAGRAPH = 3
PARAGRAPHS = 2


def frequent_kb(articles: int, workers: int = 0) -> KnowledgeBase:
    """``articles`` articles of two paragraphs of three sentences; every sentence names Acme
    and a worker (its own, or one of ``workers`` in turn), dates a day and supports the topic
    "Hiring"."""
    built, analyses, events, passages = [], {}, [], []
    acme: list[EntityMention] = []
    named: dict[str, list[EntityMention]] = {}
    for number in range(articles):
        article_id = f"a{number:02d}"
        text, blocks, sentences = "", [], []
        for paragraph in range(PARAGRAPHS):
            start = len(text)
            for _ in range(SENTENCES_PER_PARAGRAPH):
                count = sum(len(mentions) for mentions in named.values())
                worker = f"Worker{count % workers if workers else count:03d}"
                sentence = f"Acme hired {worker} on 2026-01-{len(sentences) + 1:02d}."
                offset = len(text)
                index = len(sentences)
                sentences.append(Sentence(offset, offset + len(sentence), paragraph))
                acme.append(EntityMention(article_id, offset, offset + 4, "Acme", index))
                at = offset + sentence.index(worker)
                mention = EntityMention(article_id, at, at + len(worker), worker, index)
                named.setdefault(worker, []).append(mention)
                hired = offset + sentence.index("hired")
                passages.append(Passage(article_id, index, hired, hired + 5))
                events.append(
                    Event(
                        date=f"2026-01-{index + 1:02d}",
                        precision="day",
                        text=sentence,
                        article=article_id,
                        sentence=index,
                        start=offset,
                        end=offset + len(sentence),
                        phrase=f"2026-01-{index + 1:02d}",
                        anchor="",
                        entities=("organization:acme", f"person:{worker.lower()}"),
                    )
                )
                text += sentence + " "
            blocks.append(Block("paragraph", start, len(text) - 1, paragraph + 1))
            text = text[:-1] + "\n"
        built.append(
            Article(
                id=article_id,
                path=f"{article_id}.md",
                text=text,
                blocks=tuple(blocks),
                title=f"Report {number}",
                published=dt.date(2026, 2, 1),
            )
        )
        analyses[article_id] = Analysis(article_id, tuple(sentences), ())
    company = Entity(
        id="organization:acme",
        kind="organization",
        name="Acme",
        page="organizations/acme.md",
        mentions=tuple(acme),
    )
    people = [
        Entity(
            id=f"person:{name.lower()}",
            kind="person",
            name=name,
            page=f"people/{name.lower()}.md",
            mentions=tuple(mentions),
        )
        for name, mentions in named.items()
    ]
    topic = Topic(
        id="topic:hiring", name="Hiring", page="topics/hiring.md", passages=tuple(passages)
    )
    events.sort(key=lambda event: (event.date, event.article))
    return KnowledgeBase(
        articles=tuple(built),
        analyses=analyses,
        entities=(company, *people),
        topics=(topic,),
        events=tuple(events),
    )


def paragraph_targets(page: str) -> set[str]:
    return set(re.findall(r"\]\(\.\./(articles/a\d\d\.md#p\d+)\)", page))


def past_the_cap(cap: int, more: int, path: str) -> tuple[KnowledgeBase, str, str, int, int]:
    """A site where ``more`` articles come after the ``cap`` sentences quoted on ``path``: the
    knowledge base, the page, its "Mentioned in" section, the articles quoted and the rest."""
    per_article = SENTENCES_PER_PARAGRAPH * PARAGRAPHS
    quoted_articles = -(-cap // per_article)  # whole articles, until the cap is met
    kb = frequent_kb(quoted_articles + more)
    page = render_site(kb)[path]
    return kb, page, page.split("## Mentioned in\n", 1)[1], quoted_articles, more


def test_a_frequent_name_quotes_whole_articles_up_to_the_cap_then_links_the_rest() -> None:
    per_article = SENTENCES_PER_PARAGRAPH * PARAGRAPHS
    kb, page, mentioned, quoted_articles, rest = past_the_cap(
        MENTIONS_SHOWN, 4, "organizations/acme.md"
    )
    html = html_of("---\n---\n" + mentioned)
    quoted_part = html_of("---\n---\n" + mentioned.split("### ", 1)[0])
    assert len(quoted_part.select("li")) == quoted_articles * per_article
    assert f"### {rest} more articles" in mentioned
    assert len(html.select("li")) == quoted_articles * per_article + rest  # one item each
    summary = f"{rest * per_article} more sentences name Acme, in these articles"
    assert summary in mentioned
    # every article is linked, the further ones at their first paragraph naming Acme, with
    # their counts, and their pages link Acme back in each paragraph (once: it is named thrice)
    linked = {a["href"] for a in html.select("a")}
    assert {f"../articles/{article.id}.md" for article in kb.articles[:quoted_articles]} <= linked
    for article in kb.articles[quoted_articles:]:
        assert f"[{article.title}](../articles/{article.id}.md#p1) ({per_article})" in mentioned
    quoted = {f"articles/a{n:02d}.md#p{p + 1}" for n in range(quoted_articles) for p in range(2)}
    assert paragraph_targets(mentioned) == quoted | {
        f"articles/{article.id}.md#p1" for article in kb.articles[quoted_articles:]
    }
    article_page = render_site(kb)[f"articles/{kb.articles[-1].id}.md"]
    links_back = article_page.count("](../organizations/acme.md)")
    assert links_back == PARAGRAPHS + 1  # each paragraph, and the "Named in" box
    # the headings stay few: one per section, not one per article
    assert not re.search(r"^### Report", page, flags=re.M)


def test_a_name_under_the_cap_has_every_sentence_quoted_and_no_continuation() -> None:
    per_article = SENTENCES_PER_PARAGRAPH * PARAGRAPHS
    kb = frequent_kb(MENTIONS_SHOWN // per_article)
    mentioned = render_site(kb)["organizations/acme.md"].split("## Mentioned in\n", 1)[1]
    assert "more articles" not in mentioned
    assert len(html_of("---\n---\n" + mentioned).select("li")) == len(kb.entities[0].mentions)


def test_related_boxes_quote_a_bounded_number_of_sentences_then_names_are_links() -> None:
    workers = RELATED_LIMIT + 5
    per_article = SENTENCES_PER_PARAGRAPH * PARAGRAPHS
    # each worker shares SHARED_SENTENCES_SHOWN + 1 sentences with Acme
    kb = frequent_kb(workers * (SHARED_SENTENCES_SHOWN + 1) // per_article, workers)
    page = render_site(kb)["organizations/acme.md"]
    related = page.split("## Related\n", 1)[1].split("\n## ", 1)[0]
    html = html_of("---\n---\n" + related)
    boxes = html.select("details")
    assert len(boxes) == RELATED_SENTENCES_SHOWN // SHARED_SENTENCES_SHOWN
    assert all(len(box.select("li")) == SHARED_SENTENCES_SHOWN + 1 for box in boxes)
    assert all(box.select("li")[-1].get_text() == "…and 1 more." for box in boxes)
    names = sorted(entity.name for entity in kb.entities[1:])
    listed = [a.get_text() for a in html.select("p a")]
    assert listed == names[len(boxes) : RELATED_LIMIT]
    assert f"…and {workers - RELATED_LIMIT} more." in related


def test_related_boxes_of_a_small_page_quote_every_shared_sentence() -> None:
    kb = frequent_kb(2)
    related = render_site(kb)["organizations/acme.md"].split("## Related\n", 1)[1]
    html = html_of("---\n---\n" + related.split("\n## ", 1)[0])
    assert len(html.select("details")) == len(kb.entities) - 1
    assert "Also in the same sentences" not in related


def test_entity_timeline_is_capped_and_does_not_link_the_page_to_itself() -> None:
    kb = frequent_kb(ENTITY_EVENTS_SHOWN // (SENTENCES_PER_PARAGRAPH * PARAGRAPHS) + 2)
    page = render_site(kb)["organizations/acme.md"]
    timeline = page.split("## Timeline\n", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"^- \*\*", timeline, flags=re.M)) == ENTITY_EVENTS_SHOWN
    assert "acme.md" not in timeline and "worker000.md" in timeline
    more = len(kb.events) - ENTITY_EVENTS_SHOWN
    assert f"…and {more} more events on [the timeline](../timeline.md)" in timeline
    # the worker's page lists the company, not itself
    worker = render_site(kb)["people/worker000.md"].split("## Timeline\n", 1)[1]
    assert "(../organizations/acme.md)" in worker.split("\n## ", 1)[0]
    assert "worker000.md" not in worker.split("\n## ", 1)[0]


def test_topic_page_quotes_up_to_the_cap_then_counts_each_further_article() -> None:
    per_article = SENTENCES_PER_PARAGRAPH * PARAGRAPHS
    kb, _, mentioned, quoted_articles, rest = past_the_cap(PASSAGES_SHOWN, 3, "topics/hiring.md")
    quoted_part = mentioned.split("### ", 1)[0]
    assert len(html_of("---\n---\n" + quoted_part).select("li")) == quoted_articles * per_article
    assert f"### {rest} more articles" in mentioned
    for article in kb.articles[quoted_articles:]:
        assert f"[{article.title}](../articles/{article.id}.md#p1) ({per_article})" in mentioned


def test_the_same_event_told_by_several_articles_is_one_line_with_each_source() -> None:
    kb = frequent_kb(3)
    first = kb.events[0]
    copy = replace(first, article="a01")  # the same clause and date, told by another article
    kb = replace(kb, events=tuple(sorted((*kb.events, copy), key=lambda e: (e.date, e.article))))
    timeline = render_site(kb)["timeline.md"]
    lines = [line for line in timeline.splitlines() if line.startswith("- **")]
    assert len(lines) == len(kb.events) - 1
    assert "(Report 0, [¶1](articles/a00.md#p1); Report 1, [¶1](articles/a01.md#p1);" in timeline


def test_named_box_links_the_most_named_and_names_the_rest() -> None:
    kb = frequent_kb(1)  # six sentences, each naming another worker
    last = kb.entities[-1]  # Worker005, named twice: the most named comes first
    kb = replace(kb, entities=(*kb.entities[:-1], replace(last, mentions=last.mentions * 2)))
    assert BOX_LINKS == 5
    page = render_site(kb)["articles/a00.md"]
    people = next(line for line in page.splitlines() if "**People:**" in line)
    linked = re.findall(r"\[(\w+)\]\(\.\./people/", people)
    assert linked == ["Worker005", "Worker000", "Worker001", "Worker002", "Worker003"]
    assert people.endswith("(../people/worker003.md) and 1 more: Worker004")
    body = page.split("{: #p1 }", 1)[1]
    assert "[Worker004](../people/worker004.md)" in body  # linked where the text names it
    dates = next(line for line in page.splitlines() if "**Dates:**" in line)
    assert dates.count("](#p") == BOX_LINKS and "and 1 more: Tuesday, January 6, 2026 (" in dates


def test_entity_topics_are_capped_with_a_count() -> None:
    kb = frequent_kb(2)
    extra = tuple(  # one topic per sentence: each names Acme once
        Topic(f"topic:t{n:02d}", f"T{n:02d}", f"topics/t{n:02d}.md", passages=(passage,))
        for n, passage in enumerate(kb.topics[0].passages)
    )
    kb = replace(kb, topics=(*kb.topics, *extra))
    section = render_site(kb)["organizations/acme.md"].split("## Topics\n", 1)[1]
    listed = re.findall(r"^- \[(\w+)\]", section.split("\n## ", 1)[0], flags=re.M)
    assert listed == ["Hiring"] + [f"T{n:02d}" for n in range(ENTITY_TOPICS_SHOWN - 1)]
    more = len(extra) + 1 - ENTITY_TOPICS_SHOWN
    assert f"…and {more} more topics ([the topics index](../topics/index.md) lists them all)." in (
        section
    )
