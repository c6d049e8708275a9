"""Look-ups the page renderers share, computed once from the knowledge base."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from sitegen.model import (
    Article,
    Block,
    Entity,
    EntityMention,
    Event,
    KnowledgeBase,
    Quote,
    Sentence,
    Topic,
)
from sitegen.render.linker import NameLinker
from sitegen.render.timeline_plan import TimelinePage, TimelinePlan


class Located(NamedTuple):
    """A resolved mention with the entity it belongs to (a named tuple: one per mention of
    the site, made faster than a frozen dataclass)."""

    mention: EntityMention
    entity: Entity


@dataclass
class RenderContext:
    """Indexes over the knowledge base: mentions by article and sentence, co-occurrences."""

    kb: KnowledgeBase
    entities: dict[str, Entity] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    by_article: dict[str, list[Located]] = field(default_factory=dict)
    by_sentence: dict[tuple[str, int], list[Located]] = field(default_factory=dict)
    together: dict[str, Counter[str]] = field(default_factory=dict)
    """For each entity id, how many sentences it shares with each other entity."""
    quotes_by_speaker: dict[str, list[Quote]] = field(default_factory=dict)
    """Each speaker's quotations, in article order."""
    sentences_of: dict[str, set[tuple[str, int]]] = field(default_factory=dict)
    """For each entity id, the (article, sentence index) pairs that name it."""
    members: dict[str, list[Entity]] = field(default_factory=dict)
    """For each entity id, the entities affiliated with it, in knowledge-base order."""
    topics_of_sentence: dict[tuple[str, int], list[Topic]] = field(default_factory=dict)
    """For each (article, sentence index), the topics with a passage there, in topic order."""
    topic_passages_in: dict[str, Counter[str]] = field(default_factory=dict)
    """For each article id, how many passages of each topic (by id) it holds."""
    events_of: dict[str, list[Event]] = field(default_factory=dict)
    """For each entity id, the events naming it, in knowledge-base order."""
    events_in: dict[str, list[Event]] = field(default_factory=dict)
    """For each article id, its events, in knowledge-base order."""
    filings: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """For each article id, the subjects (topic ids) it is filed under."""

    @classmethod
    def build(cls, kb: KnowledgeBase) -> RenderContext:
        context = cls(kb=kb)
        context.entities = {entity.id: entity for entity in kb.entities}
        context.articles = {article.id: article for article in kb.articles}
        context.filings = kb.filings
        by_article: dict[str, list[Located]] = defaultdict(list)
        by_sentence: dict[tuple[str, int], list[Located]] = defaultdict(list)
        for entity in kb.entities:
            for mention in entity.mentions:
                located = Located(mention, entity)
                by_article[mention.article].append(located)
                by_sentence[(mention.article, mention.sentence)].append(located)
        context.by_article = {k: sorted(v, key=_outer_first) for k, v in by_article.items()}
        context.by_sentence = dict(by_sentence)
        context.together = _cooccurrences(context.by_sentence)
        for quote in kb.quotes:
            context.quotes_by_speaker.setdefault(quote.speaker, []).append(quote)
        context.sentences_of = {
            entity.id: {(m.article, m.sentence) for m in entity.mentions} for entity in kb.entities
        }
        for entity in kb.entities:
            for org_id in entity.affiliations:
                context.members.setdefault(org_id, []).append(entity)
        for topic in kb.topics:
            for key in dict.fromkeys((p.article, p.sentence) for p in topic.passages):
                context.topics_of_sentence.setdefault(key, []).append(topic)
            for passage in topic.passages:
                context.topic_passages_in.setdefault(passage.article, Counter())[topic.id] += 1
        for event in kb.events:
            context.events_in.setdefault(event.article, []).append(event)
            for entity_id in dict.fromkeys(event.entities):
                context.events_of.setdefault(entity_id, []).append(event)
        return context

    def work_out_lazy(self) -> None:
        """Work out the look-ups built on first use, so that processes forked from this one
        share them instead of each building its own."""
        _ = self.name_linker, self.threads_under, self.timeline

    @cached_property
    def name_linker(self) -> NameLinker:
        """Links the site's entity names inside text (one regular expression for all)."""
        return NameLinker(entity for entity in self.kb.entities if entity.page)

    @cached_property
    def topics_by_id(self) -> dict[str, Topic]:
        return {topic.id: topic for topic in self.kb.topics}

    @cached_property
    def threads_under(self) -> dict[str, list[Topic]]:
        """Each subject's id -> its threads, most articles first ("" for those without)."""
        under: dict[str, list[Topic]] = {}
        for topic in self.kb.topics:
            if topic.kind == "thread":
                subject = topic.subject if topic.subject in self.topics_by_id else ""
                under.setdefault(subject, []).append(topic)
        for threads in under.values():
            threads.sort(key=lambda t: (-len(t.articles), t.name.casefold(), t.id))
        return under

    @cached_property
    def timeline(self) -> TimelinePlan:
        """The timeline's pages, and which one lists each event."""
        return TimelinePlan.of(self.kb.events)

    @property
    def timeline_pages(self) -> dict[str, TimelinePage]:
        """The timeline's pages of years and months by path."""
        return self.timeline.by_path

    def sentence(self, article_id: str, index: int) -> Sentence:
        return self.kb.analyses[article_id].sentences[index]

    def sentence_text(self, article_id: str, index: int) -> str:
        sentence = self.sentence(article_id, index)
        return self.articles[article_id].text[sentence.start : sentence.end]

    def block_of(self, article_id: str, sentence_index: int) -> Block:
        block = self.sentence(article_id, sentence_index).block
        return self.articles[article_id].blocks[block]

    def paragraph_anchor(self, article_id: str, sentence_index: int) -> str:
        return f"p{self.block_of(article_id, sentence_index).number}"

    def ranked_topics(self, counts: Mapping[str, int]) -> list[tuple[Topic, int]]:
        """The topics with a count in ``counts`` (by id), most first, then by name, then by id;
        without a pass over every topic of the site."""
        topics = self.topics_by_id
        found = [(topics[topic_id], count) for topic_id, count in counts.items() if count]
        return sorted(found, key=lambda item: (-item[1], item[0].name.casefold(), item[0].id))

    def shared_sentences(self, first: str, second: str) -> list[tuple[str, int]]:
        """Sentences (article, index) naming both entities, in reading order."""
        return sorted(self.sentences_of[first] & self.sentences_of[second])


def _cooccurrences(by_sentence: dict[tuple[str, int], list[Located]]) -> dict[str, Counter[str]]:
    together: dict[str, Counter[str]] = defaultdict(Counter)
    for located in by_sentence.values():
        ids = sorted({item.entity.id for item in located})
        for first in ids:
            for second in ids:
                if first != second:
                    together[first][second] += 1
    return dict(together)


def _outer_first(item: Located) -> tuple[int, int]:
    """Mentions in text order, a name before the names inside it ("University of Sheffield"
    before "Sheffield"), so that the outer one is linked."""
    return item.mention.start, -item.mention.end
