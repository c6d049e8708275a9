"""Why a page is as it is: the rules behind an entity's kind, joins and title, with the
override that would undo each (``sitegen explain NAME``, and the review page's first section).

Pure functions over the knowledge base's entities (``Entity.decisions``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sitegen.model import Entity

CHECK_FIRST = 25
"""Pages listed first on the review page: the most mentioned of those least certain."""
UNCERTAIN_RULES = frozenset(
    {
        "join.person-by-evidence",
        "join.shorter-name-in-longer",
        "join.rare-longer-variant",
        "join.same-name-majority-kind",
        "title.most-articles-full-name",
        "title.acronym-when-known-so",
        "title.homonym-qualifier",
    }
)
"""Decisions an editor may want to check: names of other articles joined on indirect evidence,
titles chosen among several names (a family name joined within its own article is sure)."""
JOIN_RULES_TO_SPLIT = frozenset(
    {
        "join.person-by-evidence",
        "join.shorter-name-in-longer",
        "join.rare-longer-variant",
        "join.within-article",
        "join.spelling-variant",
    }
)
QUOTED = re.compile(r"'([^']+)'")
ARTICLE = re.compile(r"\barticle (\S+)")
KIND_MARGIN = 0.75
"""A kind whose votes are less than this share of all is in doubt."""


def find_entities(entities: Iterable[Entity], name: str) -> list[Entity]:
    """The entities ``name`` names: by id, else by name or alias (case ignored)."""
    entities = list(entities)
    by_id = [entity for entity in entities if entity.id == name]
    if by_id:
        return by_id
    wanted = name.casefold()
    named = [entity for entity in entities if entity.name.casefold() == wanted]
    return named or [
        entity for entity in entities if wanted in (a.casefold() for a in entity.aliases)
    ]


def doubts(entity: Entity) -> list[str]:
    """The rules of the entity's decisions an editor may want to check, and a split kind."""
    found = sorted({d.rule for d in entity.decisions if d.rule in UNCERTAIN_RULES})
    share = kind_share(entity)
    if share is not None and share < KIND_MARGIN:
        found.append(f"kind {share:.0%} sure")
    return found


def kind_share(entity: Entity) -> float | None:
    """The share of the entity's kind among its summed votes (None without votes)."""
    votes: dict[str, int] = {}
    for decision in entity.decisions:
        if decision.rule.startswith("kind.") and decision.detail.startswith("votes "):
            for part in decision.detail.removeprefix("votes ").split(", "):
                kind, _, weight = part.rpartition(" ")
                votes[kind] = votes.get(kind, 0) + int(weight)
    total = sum(weight for weight in votes.values() if weight > 0)
    return votes.get(entity.kind, 0) / total if total else None


def check_first(
    entities: Iterable[Entity], count: int = CHECK_FIRST
) -> list[tuple[Entity, list[str]]]:
    """The ``count`` most mentioned entities with doubts, most mentioned first."""
    found = [(entity, why) for entity in entities if (why := doubts(entity))]
    found.sort(key=lambda item: (-len(item[0].mentions), item[0].id))
    return found[:count]


def explanation(entity: Entity) -> list[str]:
    """The lines ``sitegen explain`` prints for one entity."""
    articles = len({mention.article for mention in entity.mentions})
    lines = [
        f"{entity.name} ({entity.kind}) · {entity.id} · {entity.page}",
        f"{len(entity.mentions)} mentions in {articles} articles",
    ]
    if entity.aliases:
        lines.append("also written: " + ", ".join(entity.aliases))
    for heading, prefix in (("kind", "kind."), ("joins", "join."), ("title", "title.")):
        rows = [d for d in entity.decisions if d.rule.startswith(prefix)]
        if rows:
            lines.append(f"{heading}:")
            lines += [f"  {d.rule}: {d.detail}" for d in rows]
    other = [d for d in entity.decisions if not d.rule.startswith(("kind.", "join.", "title."))]
    lines += [f"  {d.rule}: {d.detail}" for d in other]
    lines += undo_lines(entity)
    return lines


def undo_lines(entity: Entity) -> list[str]:
    """The overrides (``sitegen.yml``) and switches that would undo the entity's joins."""
    splits = []
    for decision in entity.decisions:
        names = QUOTED.findall(decision.detail)
        if decision.rule in JOIN_RULES_TO_SPLIT and names and names[0] != entity.name:
            found = ARTICLE.search(decision.detail)
            splits.append((decision.rule, names[0], found.group(1) if found else ""))
    if not splits:
        return []
    lines = ["to undo a join, in sitegen.yml:", "  split:", f"    - entity: {entity.id}"]
    lines.append("      into:")
    for _, name, article in dict.fromkeys(splits):
        where = f", articles: [{yaml_text(article)}]" if article else ""
        lines.append(f"        - {{name: {yaml_text(name)}, texts: [{yaml_text(name)}]{where}}}")
    rules = sorted({rule for rule, _, _ in splits})
    lines.append(f"or switch the rule off: disabled_rules: [{', '.join(rules)}]")
    return lines


def yaml_text(text: str) -> str:
    """``text`` as a double-quoted YAML scalar (names may hold ':', '#', quotes)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
