"""Applying curation to the knowledge base: a pure function, run on every build after resolution."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from sitegen.errors import ConfigError
from sitegen.model import Entity, EntityKind, EntityMention, KnowledgeBase
from sitegen.overrides.parse import Operation, Overrides
from sitegen.resolve.events import build_events
from sitegen.resolve.quotes import resolve_quotes
from sitegen.slugs import SECTION_OF_KIND, assign_slugs

log = logging.getLogger(__name__)


@dataclass
class OverrideReport:
    """What the overrides did: steps applied, and steps (or parts) that matched nothing."""

    applied: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)


@dataclass
class _Item:
    """An entity being curated, with the ids it had before (for re-linking affiliations)."""

    entity: Entity
    origins: set[str]


@dataclass
class _State:
    items: list[_Item]
    kb: KnowledgeBase
    report: OverrideReport
    analyses: dict = field(default_factory=dict)
    topics: list = field(default_factory=list)

    def find(self, ref: str) -> list[_Item]:
        """Entities named by ``ref``: its id, else its name, else a unique alias (any case)."""
        key = ref.casefold()
        for test in (
            lambda e: e.id == ref,
            lambda e: e.name.casefold() == key,
            lambda e: key in {a.casefold() for a in e.aliases},
        ):
            found = [item for item in self.items if test(item.entity)]
            if found:
                return found
        return []

    def one(self, op: Operation, ref: str) -> _Item | None:
        found = self.find(ref)
        if len(found) == 1:
            return found[0]
        if found:
            ids = ", ".join(item.entity.id for item in found)
            self.miss(op, f"{ref!r} names {len(found)} entities ({ids}); use an id")
        else:
            self.miss(op, f"no entity {ref!r}")
        return None

    def miss(self, op: Operation, message: str) -> None:
        self.report.unmatched.append(f"{op.where}: {op.op}: {message}")

    def same_name(self, name: str, kind: str, other_than: _Item) -> _Item | None:
        for item in self.items:
            if item is not other_than and item.entity.kind == kind and item.entity.name == name:
                return item
        return None


def apply_overrides(
    kb: KnowledgeBase, overrides: Overrides
) -> tuple[KnowledgeBase, OverrideReport]:
    """The knowledge base with every curation step applied, and what matched nothing.

    Entity ids and pages are recomputed (``sitegen.slugs``), affiliations re-linked and
    events rebuilt, so the result is as consistent as a freshly resolved knowledge base.
    """
    report = OverrideReport()
    if not overrides.operations:
        return kb, report
    state = _State(
        items=[_Item(entity, {entity.id}) for entity in kb.entities],
        kb=kb,
        report=report,
        analyses=dict(kb.analyses),
        topics=list(kb.topics),
    )
    for op in overrides.operations:
        misses = len(report.unmatched)
        HANDLERS[op.op](state, op)
        if len(report.unmatched) == misses:
            report.applied.append(f"{op.where}: {op.op}")
    _reunite(state.items)
    entities = _relinked(state.items)
    events = build_events(kb.articles, state.analyses, entities)
    quotes = resolve_quotes(kb.articles, state.analyses, entities)
    curated = replace(
        kb,
        analyses=state.analyses,
        entities=entities,
        topics=tuple(state.topics),
        events=events,
        quotes=quotes,
    )
    return curated, report


def _merge(state: _State, op: Operation) -> None:
    target = state.one(op, op.args["into"])
    for ref in op.args["from"]:
        other = state.one(op, ref)
        if target is None or other is None or other is target:
            continue
        _absorb(target, other)
        state.items.remove(other)


def _reunite(items: list[_Item]) -> None:
    """An entity named apart from others of its name ("Wang (rice farmer)") takes the plain
    name back ("Wang") when the overrides left no other entity of its kind with that name
    (merged, rejected or renamed)."""
    named = Counter((item.entity.kind, item.entity.homonym or item.entity.name) for item in items)
    for item in items:
        entity = item.entity
        if entity.homonym and named[(entity.kind, entity.homonym)] == 1:
            aliases = tuple(a for a in entity.aliases if a != entity.homonym)
            item.entity = replace(entity, name=entity.homonym, aliases=aliases, homonym="")


def _absorb(target: _Item, other: _Item) -> None:
    entity, absorbed = target.entity, other.entity
    names = {entity.name}
    if absorbed.homonym and absorbed.homonym == entity.homonym:
        names.add(absorbed.name)  # a name made up to tell the two apart, not an alias
    aliases = [a for a in (*entity.aliases, absorbed.name, *absorbed.aliases) if a not in names]
    target.entity = replace(
        entity,
        aliases=tuple(sorted(set(aliases), key=lambda a: (a.casefold(), a))),
        roles=tuple(dict.fromkeys((*entity.roles, *absorbed.roles))),
        affiliations=tuple(sorted(set(entity.affiliations) | set(absorbed.affiliations))),
        mentions=_sorted_mentions((*entity.mentions, *absorbed.mentions)),
    )
    target.origins |= other.origins


def _split(state: _State, op: Operation) -> None:
    source = state.one(op, op.args["entity"])
    if source is None:
        return
    for part in op.args["into"]:
        texts = {" ".join(text.split()).casefold() for text in part["texts"]}
        chosen = [
            m
            for m in source.entity.mentions
            if " ".join(m.text.split()).casefold() in texts or m.article in part["articles"]
        ]
        if not chosen:
            state.miss(op, f"no mention of {source.entity.id} matches the part {part['name']!r}")
            continue
        kind = part.get("kind", source.entity.kind)
        rest = tuple(m for m in source.entity.mentions if m not in chosen)
        source.entity = replace(source.entity, mentions=rest)
        new = _Item(Entity(id="", kind=kind, name=part["name"], page=""), set())
        existing = state.same_name(part["name"], kind, source)
        target = existing or new
        if existing is None:
            state.items.append(new)
        _absorb(target, _Item(replace(new.entity, mentions=tuple(chosen)), set()))
        target.entity = replace(
            target.entity,
            aliases=tuple(a for a in _written(chosen) if a != target.entity.name)
            + target.entity.aliases,
        )
    if not source.entity.mentions:
        state.items.remove(source)


def _rename(state: _State, op: Operation) -> None:
    item = state.one(op, op.args["entity"])
    if item is None:
        return
    name = op.args["to"]
    if state.same_name(name, item.entity.kind, item):
        state.miss(op, f"another {item.entity.kind} is already named {name!r}; use merge")
        return
    old = item.entity.name
    aliases = tuple(a for a in item.entity.aliases if a != name)
    item.entity = replace(
        item.entity, name=name, aliases=tuple(sorted({*aliases, old})), homonym=""
    )


def _kind(state: _State, op: Operation) -> None:
    item = state.one(op, op.args["entity"])
    if item is None:
        return
    kind: EntityKind = op.args["kind"]
    if state.same_name(item.entity.name, kind, item):
        state.miss(op, f"a {kind} named {item.entity.name!r} exists already; use merge")
        return
    item.entity = replace(item.entity, kind=kind)


def _aliases(state: _State, op: Operation) -> None:
    item = state.one(op, op.args["entity"])
    if item is None:
        return
    aliases = list(item.entity.aliases)
    for alias in op.args.get("drop", []):
        if alias in aliases:
            aliases.remove(alias)
        else:
            state.miss(op, f"{item.entity.id} has no alias {alias!r} to drop")
    aliases += [a for a in op.args.get("add", []) if a not in aliases and a != item.entity.name]
    item.entity = replace(item.entity, aliases=tuple(aliases))


def _reject(state: _State, op: Operation) -> None:
    if "topic" in op.args:
        ref = op.args["topic"]
        kept = [
            t
            for t in state.topics
            if ref not in (t.id, t.name) and t.name.casefold() != ref.casefold()
        ]
        if len(kept) == len(state.topics):
            state.miss(op, f"no topic {ref!r}")
        state.topics = kept
        return
    item = state.one(op, op.args["entity"])
    if item is not None:
        state.items.remove(item)


def _roles(state: _State, op: Operation) -> None:
    item = state.one(op, op.args["entity"])
    if item is not None:
        item.entity = replace(item.entity, roles=tuple(op.args["roles"]))


def _dates(state: _State, op: Operation) -> None:
    article, phrase = op.args["article"], op.args["phrase"].casefold()
    analysis = state.analyses.get(article)
    if analysis is None:
        state.miss(op, f"no article {article!r}")
        return
    times = tuple(
        replace(time, value=op.args["date"], type="DATE", anchored=False)
        if time.text.casefold() == phrase
        else time
        for time in analysis.times
    )
    if times == analysis.times:
        state.miss(op, f"no time expression {op.args['phrase']!r} in article {article!r}")
        return
    state.analyses[article] = replace(analysis, times=times)


def _curated_topic(state: _State, op: Operation) -> None:
    """Curated topics are found with the others; report one that no sentence matched."""
    name = op.args["name"].casefold()
    if not any(topic.name.casefold() == name for topic in state.topics):
        state.miss(op, f"no sentence matches topic {op.args['name']!r}")


HANDLERS: dict[str, Callable[[_State, Operation], None]] = {
    "topics": _curated_topic,
    "merge": _merge,
    "split": _split,
    "rename": _rename,
    "kind": _kind,
    "aliases": _aliases,
    "reject": _reject,
    "roles": _roles,
    "dates": _dates,
}


def _relinked(items: list[_Item]) -> tuple[Entity, ...]:
    """Recompute ids and pages per section, then point affiliations at the new ids."""
    new_id: dict[str, str] = {}
    renamed: list[_Item] = []
    for kind, section in SECTION_OF_KIND.items():
        of_kind = [item for item in items if item.entity.kind == kind]
        slugs = assign_slugs(item.entity.name for item in of_kind)
        for item in of_kind:
            slug = slugs[item.entity.name]
            item.entity = replace(item.entity, id=f"{kind}:{slug}", page=f"{section}/{slug}.md")
            new_id |= {origin: item.entity.id for origin in item.origins}
            renamed.append(item)
    entities = [
        replace(
            item.entity,
            affiliations=tuple(
                sorted(
                    {new_id[a] for a in item.entity.affiliations if a in new_id} - {item.entity.id}
                )
            ),
        )
        for item in renamed
    ]
    return tuple(sorted(entities, key=lambda e: (e.kind, e.name.casefold(), e.id)))


def _sorted_mentions(mentions: tuple[EntityMention, ...]) -> tuple[EntityMention, ...]:
    return tuple(sorted(set(mentions), key=lambda m: (m.article, m.start, m.end)))


def _written(mentions: list[EntityMention]) -> tuple[str, ...]:
    return tuple(sorted({" ".join(m.text.split()) for m in mentions}))


def curate(kb: KnowledgeBase, overrides: Overrides, strict: bool = False) -> KnowledgeBase:
    """Apply ``overrides``, logging steps that match nothing; with ``strict`` they are errors."""
    curated, report = apply_overrides(kb, overrides)
    if report.unmatched and strict:
        raise ConfigError("\n".join(report.unmatched))
    for message in report.unmatched:
        log.warning("%s", message)
    if report.applied:
        log.debug("applied %d overrides from %s", len(report.applied), overrides.source)
    return curated
