"""Resolution: mentions of all articles -> the corpus's entities with pages, roles, links."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace

from sitegen.across_builds import KeptByIdentity
from sitegen.model import Analysis, Article, Decision, Entity, EntityMention
from sitegen.resolve.aliases import page_aliases
from sitegen.resolve.clusters import Cluster, roles_of, title_aliases
from sitegen.resolve.entities import article_clusters, resolve_clusters
from sitegen.resolve.homonyms import HOMONYM_NAME, page_names
from sitegen.resolve.kinds import LabelView
from sitegen.resolve.names import name_key
from sitegen.slugs import SECTION_OF_KIND, assign_slugs


def resolve_entities(
    articles: Iterable[Article],
    analyses: dict[str, Analysis],
    per_article: Callable[[Article, Analysis, LabelView], list[Cluster]] = article_clusters,
) -> tuple[Entity, ...]:
    """Resolve mentions into entities, sorted by kind and name, with affiliations linked
    (``per_article``: each article's own clusters, ``article_clusters`` or a cache of it)."""
    articles = list(articles)
    clusters = resolve_clusters(articles, analyses, per_article)
    names = page_names(clusters, articles)
    ids = _entity_ids(clusters, names)
    _ENTITIES.rotate()
    entities = [_kept_entity(cluster, ids[id(cluster)], names[id(cluster)]) for cluster in clusters]
    entities = _with_affiliations(entities, clusters)
    return tuple(sorted(entities, key=lambda e: (e.kind, e.name.casefold(), e.id)))


def _entity_ids(clusters: list[Cluster], names: dict[int, str]) -> dict[int, str]:
    """Each cluster's page path without ".md", from its page name (``names``, by ``id``)."""
    ids: dict[int, str] = {}
    kinds = [cluster.kind for cluster in clusters]  # each sums its groups' votes
    for kind, section in SECTION_OF_KIND.items():
        of_kind = [cluster for cluster, its in zip(clusters, kinds, strict=True) if its == kind]
        slugs = assign_slugs(names[id(cluster)] for cluster in of_kind)
        for cluster in of_kind:
            ids[id(cluster)] = f"{section}/{slugs[names[id(cluster)]]}"
    return ids


_ENTITIES: KeptByIdentity[Entity] = KeptByIdentity()


def _kept_entity(cluster: Cluster, path_stem: str, name: str) -> Entity:
    """``_entity``, the last build's under serve when the cluster's groups are the very same
    objects (an article not edited) and what the merge made of them is equal."""
    groups = tuple(cluster.groups)
    facts = (
        path_stem,
        name,
        cluster.page_name,
        cluster.title_rule,
        tuple(cluster.decisions),
        tuple(group.variant for group in groups),
    )
    return _ENTITIES.get(groups, facts, lambda: _entity(cluster, path_stem, name))


def _entity(cluster: Cluster, path_stem: str, name: str) -> Entity:
    kind = cluster.kind
    assert kind is not None
    written = [mention.text for _, mention in cluster.mentions()]
    sources = (group.surface for group in cluster.groups if not group.mentions)
    written += [surface for surfaces in sources for surface in surfaces]
    odd = [group.name for group in cluster.groups if group.variant]
    aliases = page_aliases(name, written, title_aliases(cluster), odd)
    mentions = sorted(
        (
            EntityMention(article, m.start, m.end, m.text, m.sentence)
            for article, m in cluster.mentions()
        ),
        key=lambda m: (m.article, m.start),
    )
    return Entity(
        id=f"{kind}:{path_stem.split('/', 1)[1]}",
        kind=kind,
        name=name,
        page=f"{path_stem}.md",
        aliases=tuple(_dedupe_case(aliases, name)),
        roles=tuple(roles_of(cluster)) if kind == "person" else (),
        mentions=tuple(mentions),
        homonym=cluster.name if cluster.page_name else "",
        decisions=tuple(_decisions(cluster, name)),
    )


def _decisions(cluster: Cluster, name: str) -> list[Decision]:
    """How the cluster became an entity: the ballots of its kind by rule, its joins (and the
    joins its names were kept out of), and the rule behind its page's name."""
    ballots: dict[str, Counter[str]] = {}
    for group in cluster.groups:
        for (rule_id, kind), weight in group.ballots.items():
            ballots.setdefault(rule_id, Counter())[kind] += weight
    found = [
        Decision(rule_id, "votes " + ", ".join(f"{k} {w:+d}" for k, w in votes.items() if w))
        for rule_id, votes in sorted(ballots.items())
        if any(votes.values())
    ]
    seen: set[tuple[str, str]] = set()
    for rule_id, detail in cluster.decisions:
        if (rule_id, detail) not in seen:
            seen.add((rule_id, detail))
            found.append(Decision(rule_id, detail))
    if cluster.page_name:
        detail = f"named '{name}', apart from others named '{cluster.name}'"
        found.append(Decision(HOMONYM_NAME.id, detail))
    elif cluster.title_rule:
        detail = f"titled '{name}' (its fullest name: '{cluster.name}')"
        found.append(Decision(cluster.title_rule, detail))
    return found


def _dedupe_case(aliases: list[str], name: str) -> list[str]:
    seen = {name_key(name) + "|" + name}
    kept = []
    for alias in aliases:
        marker = name_key(alias) + "|" + alias
        if marker not in seen:
            seen.add(marker)
            kept.append(alias)
    return kept


def _with_affiliations(entities: list[Entity], clusters: list[Cluster]) -> list[Entity]:
    """Link a person to the organizations named inside their roles' text."""
    org_spans: dict[str, list[tuple[int, int, str]]] = {}
    for entity in entities:
        if entity.kind == "organization":
            for mention in entity.mentions:
                org_spans.setdefault(mention.article, []).append(
                    (mention.start, mention.end, entity.id)
                )
    result = []
    for entity, cluster in zip(entities, clusters, strict=True):
        affiliations = {
            org_id
            for group in cluster.groups
            for mention in group.mentions
            if mention.role_start >= 0
            for (start, end, org_id) in org_spans.get(group.article, ())
            if mention.role_start <= start and end <= mention.role_end and org_id != entity.id
        }
        if affiliations:  # else the entity as it is (none, ``Entity``'s default)
            entity = replace(entity, affiliations=tuple(sorted(affiliations)))
        result.append(entity)
    return result
