"""Time expressions -> timeline events: one event per dated expression, with its clause."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Sequence

from sitegen.dates import event_date, period_start
from sitegen.model import Analysis, Article, Entity, Event, Precision, TimeExpression
from sitegen.resolve.plausible import PlausibleYears

CLAUSE_BREAK = re.compile(r",\s+|;\s+|\s+(?:and|but|while|before|after|then)\s+")
LEADING_JOINERS = re.compile(r"^(?:[,;]\s*|and\s+|but\s+|then\s+)+", re.I)
LEADING_DATE_TOKENS = 3


def sort_key(event: Event) -> tuple[dt.date, int, str, int]:
    order = ("day", "week", "month", "season", "quarter", "year")
    return (
        period_start(event.date, event.precision),
        -order.index(event.precision),
        event.article,
        event.start,
    )


def build_events(
    articles: Sequence[Article], analyses: dict[str, Analysis], entities: Sequence[Entity]
) -> tuple[Event, ...]:
    """One event per dated expression of every article, in date order."""
    spans = _entity_spans(entities)
    plausible = PlausibleYears.of(article.published for article in articles)
    events = []
    for article in articles:
        analysis = analyses[article.id]
        for sentence_index, times in _dated_by_sentence(article, analysis).items():
            sentence = analysis.sentences[sentence_index]
            clauses = split_clauses(article.text, sentence.start, sentence.end, times)
            for time, (start, end), dated in zip(times, clauses, map(_dated, times), strict=True):
                if dated is None:
                    continue
                date, precision = dated
                told = article.text[sentence.start : sentence.end]
                if plausible and not plausible.keeps(int(date[:4]), told):
                    continue
                events.append(
                    Event(
                        date=date,
                        precision=precision,
                        text=article.text[start:end],
                        article=article.id,
                        sentence=sentence_index,
                        start=start,
                        end=end,
                        phrase=time.text,
                        anchor=f"published {article.published.isoformat()}"
                        if time.anchored and article.published
                        else "",
                        entities=_entities_in(spans.get(article.id, []), start, end),
                    )
                )
    return tuple(sorted(events, key=sort_key))


def _dated(time: TimeExpression) -> tuple[str, Precision] | None:
    if time.type not in ("DATE", "TIME") or not time.value:
        return None
    return event_date(time.value)


def _dated_by_sentence(article: Article, analysis: Analysis) -> dict[int, list[TimeExpression]]:
    """Dated expressions of body paragraphs (not headline, dateline or headings), by sentence."""
    by_sentence: dict[int, list[TimeExpression]] = {}
    for time in sorted(analysis.times, key=lambda t: t.start):
        if time.sentence < 0 or _dated(time) is None:
            continue
        block = article.blocks[analysis.sentences[time.sentence].block]
        if block.kind == "paragraph":
            by_sentence.setdefault(time.sentence, []).append(time)
    return by_sentence


def split_clauses(
    text: str, start: int, end: int, times: Sequence[TimeExpression]
) -> list[tuple[int, int]]:
    """Split a sentence into one span per time expression, each holding its clause.

    When dates close their clauses ("meet Li on Thursday and Xi on Friday"), a clause ends at
    the first break after its date; when they open them ("In 2018, ... and in 2021, ..."),
    at the last break before the next date.
    """
    if len(times) == 1:
        return [(start, end)]
    leading = len(text[start : times[0].start].split()) < LEADING_DATE_TOKENS
    cuts = []
    for current, following in zip(times, times[1:], strict=False):
        gap = list(CLAUSE_BREAK.finditer(text, current.end, following.start))
        if not gap:
            cuts.append((current.end, current.end))
            continue
        chosen = gap[-1] if leading else gap[0]
        cuts.append((chosen.start(), chosen.end()))
    bounds = [start] + [cut for pair in cuts for cut in pair] + [end]
    spans = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    return [_trim(text, s, e) for s, e in spans]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    lead = LEADING_JOINERS.match(piece)
    if lead:
        start += lead.end()
    while end > start and text[end - 1] in " ,;":
        end -= 1
    return start, end


def _entity_spans(entities: Sequence[Entity]) -> dict[str, list[tuple[int, int, str]]]:
    """Each article's entity mentions (start, end, entity id), sorted."""
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for entity in entities:
        for mention in entity.mentions:
            spans.setdefault(mention.article, []).append((mention.start, mention.end, entity.id))
    for found in spans.values():
        found.sort()
    return spans


def _entities_in(spans: list[tuple[int, int, str]], start: int, end: int) -> tuple[str, ...]:
    """The entities mentioned within ``start:end`` (``spans``: sorted), in order, each once."""
    found: list[str] = []
    for span_start, span_end, entity_id in spans[bisect_left(spans, (start,)) :]:
        if span_start >= end:
            break  # sorted: none after it starts inside
        if span_end <= end and entity_id not in found:
            found.append(entity_id)
    return tuple(found)
