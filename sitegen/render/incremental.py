"""Render again only the pages an edit changed (``mkdocs serve``).

Each article, entity and topic has one page (a *unit*, ``sitegen.render.page_units``). While a
unit's page renders, everything it reads from the render context is recorded as a *resource*:
an entry of one of the context's look-ups ("the located mentions of sentence 4 of article
a1"), one attribute of an entity, topic or article ("the name of person:jane-doe"), a
sentence's bounds, a role's linked text, an event's place on the timeline. The renderers read
through a ``TrackedContext``: the same look-ups, recording, and handing out entities, topics
and articles as ``Proxy`` objects that record which attribute is read.

On the next build a unit's page is reused when every resource it read has the same value in
the new context as in the one that rendered it, and rendered again (and its reads recorded
again) otherwise; a unit new to the site is rendered. The pages of a paged timeline's years
and months are units too (they read their events through the page, ``TimelinePage``). The
other site-wide pages (home, indexes, the timeline's index, graph, about, review) read the
whole knowledge base and are rendered every time.
``tests/test_incremental.py`` checks the result against a full render after real edits.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from sitegen.forked import alongside, beside, usable_cpus
from sitegen.model import Article, Entity, KnowledgeBase, Sentence, Topic
from sitegen.pages import Pages, combined, put_all
from sitegen.render import PAGE_OF_UNIT, page_units, site_wide_pages
from sitegen.render.context import Located, RenderContext
from sitegen.render.timeline_plan import PageRef, TimelinePage

Resource = tuple[Any, ...]
Unit = tuple[str, str]
"""(kind, id) of an article, entity, topic or timeline period."""


class _Missing:
    """What a resource is where it does not exist (equal only to itself)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING = _Missing()

LOOKUPS = (
    "entities",
    "articles",
    "by_article",
    "by_sentence",
    "together",
    "quotes_by_speaker",
    "sentences_of",
    "members",
    "topics_of_sentence",
    "topic_passages_in",
    "events_of",
    "events_in",
    "filings",
    "topics_by_id",
    "threads_under",
)
"""The context's look-ups a unit's page reads (by key, recorded)."""

PRESENCE = frozenset({"entities", "articles", "topics_by_id"})
"""Look-ups whose entries are the objects themselves (read attribute by attribute)."""
LOCATED = frozenset({"by_article", "by_sentence"})
"""Look-ups whose entries are lists of located mentions."""

PLACES = frozenset({"place", "page_of"})
"""The timeline's answers that depend on an event's date and the pages' paths only."""

PLAIN = frozenset(
    {
        "together",
        "quotes_by_speaker",
        "sentences_of",
        "topic_passages_in",
        "events_of",
        "events_in",
        "filings",
    }
)
"""Look-ups whose entries hold no entity, topic or article: compared as they are."""
ID_LISTS = frozenset({"members", "topics_of_sentence", "threads_under"})
"""Look-ups whose entries are lists of entities or of topics: compared by their ids."""

OBJECTS = {
    "entity": "entities",
    "article": "articles",
    "topic": "topics_by_id",
    "period": "timeline_pages",
}
"""Where each kind of proxied object is found by id in a context."""


class Reads:
    """The resources the page being rendered has read (None: not recording)."""

    __slots__ = ("current",)

    def __init__(self) -> None:
        self.current: set[Resource] | None = None

    def add(self, resource: Resource) -> None:
        if self.current is not None:
            self.current.add(resource)


class Proxy:
    """An entity, topic or article that records each attribute a renderer reads of it (a
    method, or the object compared or hashed whole, records the whole object)."""

    __slots__ = ("_obj", "_kind", "_reads")

    def __init__(self, obj: Any, kind: str, reads: Reads) -> None:
        self._obj = obj
        self._kind = kind
        self._reads = reads

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._obj, name)
        if name != "id":  # an id is the object's key: it changes with the object's presence
            self._reads.add(("attr", self._kind, self._obj.id, "*" if callable(value) else name))
        return value

    def __eq__(self, other: object) -> bool:
        self._reads.add(("attr", self._kind, self._obj.id, "*"))
        return bool(self._obj == (other._obj if isinstance(other, Proxy) else other))

    def __hash__(self) -> int:
        self._reads.add(("attr", self._kind, self._obj.id, "*"))
        return hash(self._obj)


def _wrap(value: Any, reads: Reads) -> Any:
    """``value`` with its entities, topics and articles (also inside lists) proxied."""
    if isinstance(value, Located):
        return Located(value.mention, Proxy(value.entity, "entity", reads))  # type: ignore[arg-type]
    if isinstance(value, Entity):
        return Proxy(value, "entity", reads)
    if isinstance(value, Topic):
        return Proxy(value, "topic", reads)
    if isinstance(value, Article):
        return Proxy(value, "article", reads)
    if type(value) is list:
        return [_wrap(item, reads) for item in value]
    return value


def _shallow(value: Any) -> Any:
    """A look-up's value to compare between builds, with entities, topics and articles as
    their ids (their attributes are resources of their own)."""
    if isinstance(value, Located):
        return value.mention, value.entity.id
    if isinstance(value, Entity | Topic | Article):
        return type(value).__name__, value.id
    if type(value) in (list, tuple):
        return tuple(_shallow(item) for item in value)
    return value


class Recorded(Mapping[Any, Any]):
    """One of the context's look-ups, recording each key read."""

    def __init__(self, name: str, data: Mapping[Any, Any], reads: Reads) -> None:
        self.name, self.data, self.reads = name, data, reads

    def __getitem__(self, key: Any) -> Any:
        self.reads.add(("map", self.name, key))
        return _wrap(self.data[key], self.reads)

    def get(self, key: Any, default: Any = None) -> Any:
        self.reads.add(("map", self.name, key))
        value = self.data.get(key, MISSING)
        return default if value is MISSING else _wrap(value, self.reads)

    def __contains__(self, key: object) -> bool:
        self.reads.add(("map", self.name, key))
        return key in self.data

    def __iter__(self) -> Iterator[Any]:
        self.reads.add(("whole", self.name))
        return iter(self.data)

    def __len__(self) -> int:
        self.reads.add(("whole", self.name))
        return len(self.data)


class _Timeline:
    """The timeline plan, recording where each event a page links is placed."""

    def __init__(self, context: TrackedContext) -> None:
        self._plan = context.base.timeline
        self._reads = context.reads

    @property
    def paged(self) -> bool:
        self._reads.add(("timeline", "paged", None))
        return self._plan.paged

    def page_of(self, event: Any) -> TimelinePage | None:
        self._reads.add(("timeline", "page_of", event))
        return self._plan.page_of(event)

    def place(self, event: Any) -> str:
        self._reads.add(("timeline", "place", event))
        return self._plan.place(event)

    def neighbours(self, path: str) -> tuple[PageRef | None, PageRef | None]:
        self._reads.add(("timeline", "neighbours", path))
        return self._plan.neighbours(path)

    def months_of(self, year: int) -> tuple[TimelinePage, ...]:
        self._reads.add(("timeline", "months_of", year))
        return self._plan.months_of(year)


class _Linker:
    """The site's name linker, recording each text it links."""

    def __init__(self, context: TrackedContext) -> None:
        self._linker = context.base.name_linker
        self._reads = context.reads

    def link(self, text: str, page: str, entity: Any) -> str:
        entity = entity._obj if isinstance(entity, Proxy) else entity
        self._reads.add(("attr", "entity", entity.id, "name"))
        self._reads.add(("link", text, page, entity.id))
        return self._linker.link(text, page, entity)


class _Untracked:
    """In place of the knowledge base: a unit's page reads it only through the look-ups."""

    def __getattr__(self, name: str) -> Any:
        raise AttributeError(f"a unit's page read kb.{name}, which is not recorded")


class TrackedContext(RenderContext):
    """A render context whose every read is recorded in ``reads``."""

    def __init__(self, base: RenderContext, reads: Reads) -> None:  # noqa: D107
        self.base = base
        self.reads = reads
        self.kb = _Untracked()  # type: ignore[assignment]
        for name in LOOKUPS:  # also the base's cached properties: an instance's value wins
            setattr(self, name, Recorded(name, getattr(base, name), reads))

    @property
    def timeline(self) -> Any:
        return _Timeline(self)

    @property
    def name_linker(self) -> Any:
        return _Linker(self)

    def sentence(self, article_id: str, index: int) -> Sentence:
        self.reads.add(("sentence", article_id, index))
        return self.base.sentence(article_id, index)


def value_of(context: RenderContext, resource: Resource) -> Any:
    """What ``resource`` is in ``context`` (``MISSING`` where it does not exist)."""
    kind = resource[0]
    if kind == "map":
        return _shallow(getattr(context, resource[1]).get(resource[2], MISSING))
    if kind == "attr":
        found = getattr(context, OBJECTS[resource[1]]).get(resource[2])
        if found is None:
            return MISSING
        return found if resource[3] == "*" else getattr(found, resource[3])
    if kind == "sentence":
        analysis = context.kb.analyses.get(resource[1])
        if analysis is None or resource[2] >= len(analysis.sentences):
            return MISSING
        return analysis.sentences[resource[2]]
    if kind == "timeline":
        return _timeline_value(context, resource[1], resource[2])
    if kind == "link":
        entity = context.entities.get(resource[3])
        text, page = resource[1], resource[2]
        return MISSING if entity is None else context.name_linker.link(text, page, entity)
    if kind == "whole":
        lookup = getattr(context, resource[1])
        return tuple((key, _shallow(value)) for key, value in lookup.items())
    raise ValueError(f"unknown resource {resource!r}")


def _timeline_value(context: RenderContext, name: str, key: Any) -> Any:
    plan = context.timeline
    if name == "paged":
        return plan.paged
    if name == "place":
        return plan.place(key)
    if name == "neighbours":
        return plan.neighbours(key) if key in plan.by_path else MISSING
    if name == "months_of":
        return plan.months_of(key)
    page = plan.page_of(key)
    return (page.path, page.title) if page else None


@dataclass
class _Rendered:
    """A unit's page and what it read."""

    path: str
    stored: bytes
    """The page's Markdown as ``Pages`` keeps it (compressed)."""
    reads: frozenset[Resource]


SEPARATE_EXTRA_CPUS = 3
"""CPUs from which the site-wide pages and ``extra``'s (the review) are rendered in two
processes beside the units', not one: on two CPUs, three processes made an edit's render
slower at N = 10,000 (7.8-8.1 s against 6.5-7.0 s, alternating in one serve)."""


@dataclass
class IncrementalRender:
    """Renders a site like ``render_site``, reusing the pages of the last build whose units
    read nothing that changed. One instance per ``mkdocs serve``; ``rendered`` and ``reused``
    count the units' pages of the last call."""

    extra: Callable[[KnowledgeBase], dict[str, str]] | None = None
    """Further site-wide pages (the about and review pages), rendered every time."""
    fork: bool = False
    """Render the site-wide pages and ``extra``'s in a forked process while this one renders
    the units' (in two, one each, with ``SEPARATE_EXTRA_CPUS`` CPUs or more)."""
    rendered: int = 0
    reused: int = 0
    _context: RenderContext | None = None
    _units: dict[Unit, _Rendered] = field(default_factory=dict)
    _readers: Counter[Resource] = field(default_factory=Counter)
    """How many of the kept units' pages read each resource (kept up to date unit by unit: the
    union of 38,000 pages' reads, taken again on every edit, was seconds at N = 10,000)."""

    def __call__(self, kb: KnowledgeBase) -> Pages:
        """The site's pages, as ``render_site`` and ``extra`` give them, in their order."""
        context = RenderContext.build(kb)
        if not self.fork:
            wide, extra = self._wide(context), self._extra(context)
            return combined(wide, self._unit_pages(context)) | extra
        context.work_out_lazy()
        if self.extra is None or usable_cpus() < SEPARATE_EXTRA_CPUS:  # one process: enough
            both = partial(self._wide_and_extra, context)
            (wide, extra), units = beside(both, partial(self._unit_pages, context))
            return combined(wide, units) | extra
        separate = [partial(self._wide, context), partial(self._extra, context)]
        (wide, extra), units = alongside(separate, partial(self._unit_pages, context))
        return combined(wide, units) | extra

    @staticmethod
    def _wide(context: RenderContext) -> Pages:
        """The pages rendered every time: ``site_wide_pages``."""
        return put_all(site_wide_pages(context))

    def _extra(self, context: RenderContext) -> Pages:
        """``extra``'s pages, rendered every time."""
        return Pages(self.extra(context.kb) if self.extra is not None else {})

    def _wide_and_extra(self, context: RenderContext) -> tuple[Pages, Pages]:
        return self._wide(context), self._extra(context)

    def _unit_pages(self, context: RenderContext) -> Pages:
        previous = self._context
        changed = None
        if previous is not None:  # every resource read by a page kept, compared once
            changed = _Changes(previous, context).among(self._readers)
        reads = Reads()
        tracked = TrackedContext(context, reads)
        units: dict[Unit, _Rendered] = {}
        pages = Pages()
        self.rendered = self.reused = 0
        for kind, unit in page_units(context):
            key = (kind, unit.id)
            old = self._units.get(key)
            if old is not None and changed is not None and changed.isdisjoint(old.reads):
                units[key] = old
                pages.put_stored(old.path, old.stored)  # the same bytes: the writer knows them
                self.reused += 1
                continue
            reads.current = set()
            path, text = PAGE_OF_UNIT[kind](Proxy(unit, kind, reads), tracked)
            pages.put(path, text)
            units[key] = _Rendered(path, pages.stored(path), frozenset(reads.current))
            reads.current = None
            self.rendered += 1
        self._count_readers(units)
        self._context, self._units = context, units  # together: the pages are this context's
        return pages

    def _count_readers(self, units: dict[Unit, _Rendered]) -> None:
        """``_readers`` for ``units`` instead of the last build's: a unit's page kept counts as
        it did, a page rendered again or gone gives up its old reads, a new page adds its own."""
        readers, old_units = self._readers, self._units
        for key, old in old_units.items():
            if units.get(key) is not old:
                _forget(readers, old.reads)
        for key, rendered in units.items():
            if old_units.get(key) is not rendered:
                readers.update(rendered.reads)


class _Changes:
    """Which resources differ between two contexts; an attribute of an object equal in both
    is the same, so is a linked text holding none of the names whose entities or pages
    changed, and every timeline place while the timeline's pages are."""

    def __init__(self, old: RenderContext, new: RenderContext) -> None:
        self.old, self.new = old, new
        self.objects: dict[tuple[str, str], bool] = {}
        self.sentences: dict[str, bool] = {}
        self.entities_differing: frozenset[str] | None = None
        self.names_changed = _names_changed(old, new)
        self.places_same = _places(old) == _places(new)

    def among(self, resources: Iterable[Resource]) -> set[Resource]:
        """Those of ``resources`` that differ: grouped by kind and look-up, each group in
        one pass (a page of a large site reads hundreds of thousands of resources, and a call
        per resource was most of the comparison's time)."""
        groups: dict[tuple[str, str], list[Resource]] = {}
        for resource in resources:
            kind = resource[0]
            key = (kind, resource[1] if kind in ("map", "attr") else "")
            groups.setdefault(key, []).append(resource)
        changed: set[Resource] = set()
        for (kind, name), group in groups.items():
            changed.update(self._changed_in(kind, name, group))
        return changed

    def _changed_in(self, kind: str, name: str, group: list[Resource]) -> list[Resource]:
        """Those of ``group`` (resources of one kind, and of one look-up or object kind) that
        differ."""
        old, new = self.old, self.new
        if kind == "map" and name in PRESENCE:  # there or not; the attributes are resources
            before, after = getattr(old, name), getattr(new, name)
            return [r for r in group if (r[2] in before) != (r[2] in after)]
        if kind == "map" and name in PLAIN:
            before, after = getattr(old, name), getattr(new, name)
            return [r for r in group if before.get(r[2], MISSING) != after.get(r[2], MISSING)]
        if kind == "map" and name in ID_LISTS:
            before, after = getattr(old, name), getattr(new, name)
            return [r for r in group if _ids(before.get(r[2])) != _ids(after.get(r[2]))]
        if kind == "map" and name in LOCATED:
            before, after = getattr(old, name), getattr(new, name)
            differing = self._differing_entities()
            return [
                r
                for r in group
                if _located_differ(before.get(r[2], ()), after.get(r[2], ()), differing)
            ]
        if kind == "attr":  # only an object that differs can have an attribute that does
            differ = {key for key in {r[2] for r in group} if self._object_differs(name, key)}
            return [r for r in group if r[2] in differ and self._differs(r)] if differ else []
        return [r for r in group if self._differs(r)]

    def _differs(self, resource: Resource) -> bool:
        """Whether one resource differs; for the kinds ``_changed_in`` leaves to it (presence
        and located mentions it compares a whole group at a time)."""
        kind = resource[0]
        if kind == "attr" and not self._object_differs(resource[1], resource[2]):
            return False
        if kind == "sentence" and not self._sentences_differ(resource[1]):
            return False
        if kind == "link" and not self._link_may_differ(resource):
            return False
        if kind == "timeline" and resource[1] in PLACES and self.places_same:
            return False
        return bool(value_of(self.old, resource) != value_of(self.new, resource))

    def _link_may_differ(self, resource: Resource) -> bool:
        """Whether a linked text may differ: the linker matches only the names the text
        holds, so it is the same while none of them changed (its entity there, named the
        same, in both contexts): working every one out again for one new name was most of an
        edit's render at N = 10,000."""
        if self.names_changed is None:
            return False
        text, _, entity_id = resource[1:]
        before, after = self.old.entities.get(entity_id), self.new.entities.get(entity_id)
        if before is None or after is None or before.name != after.name:
            return True
        return self.names_changed.search(text) is not None

    def _object_differs(self, kind: str, key: str) -> bool:
        differs = self.objects.get((kind, key))
        if differs is None:
            lookup = OBJECTS[kind]
            old = getattr(self.old, lookup).get(key, MISSING)
            new = getattr(self.new, lookup).get(key, MISSING)
            differs = self.objects[(kind, key)] = old is not new and old != new
        return differs

    def _differing_entities(self) -> frozenset[str]:
        """The ids of the entities that differ between the two contexts (worked out once)."""
        if self.entities_differing is None:
            ids = self.old.entities.keys() | self.new.entities.keys()
            self.entities_differing = frozenset(
                key for key in ids if self._object_differs("entity", key)
            )
        return self.entities_differing

    def _sentences_differ(self, article_id: str) -> bool:
        differs = self.sentences.get(article_id)
        if differs is None:
            old = self.old.kb.analyses.get(article_id)
            new = self.new.kb.analyses.get(article_id)
            same = old is new or (
                old is not None and new is not None and old.sentences == new.sentences
            )
            differs = self.sentences[article_id] = not same
        return differs


def _located_differ(old: list[Located], new: list[Located], differing: frozenset[str]) -> bool:
    """Whether a list of located mentions differs as ``value_of`` compares it: its mentions
    and their entities' ids, in order. An entity's other attributes are resources of their
    own: the pages that read them were recorded reading them. A mention of an entity equal in
    both contexts is the same (the entity holds it); ``differing``: the entities that are not,
    whose mentions are compared whole (not the whole list taken as changed, which rendered
    again every page naming an entity whose decisions alone had changed)."""
    if old is new:
        return False
    if len(old) != len(new):
        return True
    for before, after in zip(old, new, strict=True):
        entity = before.entity.id
        if entity != after.entity.id or before.mention.start != after.mention.start:
            return True
        if entity in differing and before.mention != after.mention:
            return True
    return False


def _forget(readers: Counter[Resource], reads: Iterable[Resource]) -> None:
    """One reader fewer for each of ``reads``; a resource no page reads is dropped."""
    for resource in reads:
        left = readers[resource] - 1
        if left > 0:
            readers[resource] = left
        else:
            del readers[resource]


def _ids(items: list[Any] | None) -> list[str] | None:
    return None if items is None else [item.id for item in items]


def _names_changed(old: RenderContext, new: RenderContext) -> re.Pattern[str] | None:
    """An expression finding the names the linker links whose entities (ids, pages, order)
    differ between the contexts, or None when none does."""
    before, after = old.name_linker.by_name, new.name_linker.by_name
    changed = sorted(
        name
        for name in before.keys() | after.keys()
        if _name_entries(before.get(name)) != _name_entries(after.get(name))
    )
    return re.compile("|".join(map(re.escape, changed))) if changed else None


def _name_entries(entities: list[Entity] | None) -> list[tuple[str, str]] | None:
    return None if entities is None else [(entity.id, entity.page) for entity in entities]


def _places(context: RenderContext) -> tuple[bool, dict[tuple[int, int], str]]:
    """What an event's place on the timeline depends on besides its date: the pages."""
    plan = context.timeline
    return plan.paged, {key: page.path for key, page in plan._page_of.items()}
