"""Mentions -> entities: the driver of the stage (group spellings, decide kinds, join partial
names and acronyms), each step in its own module: the ``Group``/``Cluster`` types in
``clusters``, kind voting in ``kinds`` (its rules declared in ``kind_rules``), spelling
variants in ``variants``, joins of names in ``joins``, the merge across articles in ``merge``.

The rules, in order:
1. People's names the tagger split or misread are read again first
   (``sitegen.resolve.person_names``: "Algis" + "Petrauskas", "Jane Doe, QC"). Mentions of
   one article with the same name key form a *group* (``Carney``, ``Carney's``).
2. Each mention votes for a kind: its spaCy label (an acronym tagged PERSON counts as an
   organization without a title), and twice for *person* when a title or honorific stands
   before it ("Mr.", "Premier"); a full name starting with a given name or
   initials votes person ("Thibaut Vermeulen", "K.C. Hollander"); the words around it
   vote too (``Mention.cue``: "the browser X" a product, "X, 45," a person; "X defeated Y
   1 – 0" an organization, the sports team named after the place, in place of its label), and
   so do spaCy's product labels of the name anywhere in the corpus. A one-word name whose only
   sign of a place is spaCy's GPE label, and that no gazetteer knows, is an organization, or a
   person when it is a given name (``_unplace``). A group's kind is the vote's winner. An
   untagged proper noun counts as a mention when the corpus tags the name elsewhere as an
   organization or place.
3. Spelling variants join ("Kristen"/"Kristin Hawkes"). A shorter group joins the one longer
   group of a compatible kind whose name contains it ("Carney" -> "Mark Carney", "Times" ->
   "New York Times") or whose initials it spells ("EADS", "U.S."); a person's family name
   joins the full name whatever its label and however often it is written ("Hawkes", tagged
   ORG), a place named "in X" joins no person. A short name that fits several long ones is
   ambiguous and dropped.
4. Groups seen only in a headline or inside a short quotation are not entities unless the body
   confirms them; names without a capital letter are dropped.
5. Across articles, clusters with the same kind and name merge, and a lone partial name joins
   the one full name of its kind in the corpus that contains it, a person's only with evidence
   (``sitegen.resolve.merge``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from sitegen.across_builds import ACROSS_BUILDS
from sitegen.lexicon import OFFICE_TITLES, ORGANIZATION_DESCRIPTORS, ORGANIZATION_HEADS, PLACE_HEADS
from sitegen.model import Analysis, Article, Mention
from sitegen.resolve.clusters import Cluster, Group, word_count
from sitegen.resolve.isolated import each_article
from sitegen.resolve.joins import join_groups
from sitegen.resolve.kinds import (
    LabelView,
    article_groups,
    label_counts,
    label_view,
    relevant_labels,
    view_keys,
)
from sitegen.resolve.merge import merge_across_articles
from sitegen.resolve.names import CaseCounts, has_capital, looks_like_acronym, name_key
from sitegen.resolve.nested import (
    with_branch_names,
    with_nested_places,
    with_possessors,
    without_run_on,
)
from sitegen.resolve.person_names import person_mentions
from sitegen.resolve.prefixes import without_prefixes
from sitegen.resolve.variants import join_spelling_variants
from sitegen.rules import add_counts, counted_call, disabled_key


def article_clusters(
    article: Article, analysis: Analysis, labels: LabelView | None = None
) -> list[Cluster]:
    """One article's clusters: its groups joined within the article (rules 1-3). A function
    of the article, its analysis and the corpus's labels of its names (``relevant_labels``),
    so builds may cache it per article with those labels in the key."""
    counts = {key: Counter(dict(items)) for key, items in labels} if labels is not None else None
    mentions = article_mentions(article, analysis)
    groups = article_groups(article, mentions, headline_sentences(article, analysis), counts)
    joined = join_groups(_join_full_name_variants(groups), within_article=True)
    return join_spelling_variants(joined)


def _join_full_name_variants(groups: list[Group]) -> list[Cluster]:
    """One cluster per group, with people's full names written two ways ("Kristin"/"Kristen
    Hawkes") joined first, so that a family name joining next fits one person, not two
    (``join_spelling_variants``)."""
    people: list[Cluster] = []
    others: list[Cluster] = []
    for group in groups:
        full_name = group.kind == "person" and word_count(group.name) > 1
        (people if full_name else others).append(Cluster([group]))
    return (join_spelling_variants(people) if len(people) > 1 else people) + others


def resolve_clusters(
    articles: Iterable[Article],
    analyses: dict[str, Analysis],
    per_article: Callable[[Article, Analysis, LabelView], list[Cluster]] = article_clusters,
) -> list[Cluster]:
    """Resolve every article's mentions (``per_article``: ``article_clusters`` or a cache of
    it), then merge the clusters across articles."""
    articles = list(articles)
    mentions = {
        article.id: found
        for article, found in each_article(
            articles, lambda a: KEPT_MENTIONS.of(a, analyses[a.id]), "reading its names"
        )
    }
    views = KEPT_LABEL_VIEWS.of(mentions)
    fill = getattr(per_article, "fill", None)  # a per-article cache (sitegen.cache)
    if fill is not None:
        fill([(a, analyses[a.id], views[a.id]) for a in articles if a.id in mentions])
    clusters: list[Cluster] = []
    for _, found in each_article(
        (article for article in articles if article.id in mentions),
        lambda a: per_article(a, analyses[a.id], views[a.id]),
        "grouping its names",
    ):
        clusters.extend(cluster.copy() for cluster in found)  # ``found`` may be shared
    lowercase = KEPT_CASE_COUNTS.of(articles)
    return [
        cluster
        for cluster in merge_across_articles(clusters)
        if _is_entity(cluster) and not _is_common_word(cluster, lowercase)
    ]


def _is_common_word(cluster: Cluster, counts: CaseCounts) -> bool:
    """A one-word name without a title that the corpus mostly writes in lower case
    ("Magic", "Water", "State"): a capitalized common word, not a name."""
    words = cluster.name.split()
    if len(words) != 1 or looks_like_acronym(cluster.name):
        return False
    if any(mention.title for _, mention in cluster.mentions()):
        return False
    return counts.mostly_lower(words[0])


class KeptMentions:
    """Each article's ``article_mentions`` kept across the builds of one process
    (``ACROSS_BUILDS``, ``mkdocs serve``): a rebuild after an edit reads again only the names
    of the articles whose text or analysis changed, and counts again what the rules decided
    in reading the others (with the same rules switched off)."""

    def __init__(self) -> None:
        self.kept: dict[str, tuple[Article, Analysis, str, list[Mention], dict[str, int]]] = {}

    def of(self, article: Article, analysis: Analysis) -> list[Mention]:
        if not ACROSS_BUILDS.on:
            return article_mentions(article, analysis)
        switched = disabled_key()
        kept = self.kept.get(article.id)
        if kept is not None and kept[1] == analysis and kept[0] == article and kept[2] == switched:
            add_counts(kept[4])
            return list(kept[3])
        found, fired = counted_call(lambda: article_mentions(article, analysis))
        self.kept[article.id] = (article, analysis, switched, found, fired)
        return list(found)


KEPT_MENTIONS = KeptMentions()


class KeptCaseCounts:
    """The corpus's ``CaseCounts`` kept up to date article by article across the builds of
    one process (``ACROSS_BUILDS``): a rebuild counts only the articles that are not the very
    same objects as last time (``KEPT_RECORDS`` hands those on), and takes away the counts of
    the articles gone. The counts are the whole count's: a word counted away is a zero, which
    ``mostly_lower`` reads as a word never written."""

    def __init__(self) -> None:
        self.counted: dict[int, tuple[Article, CaseCounts]] = {}
        self.total = CaseCounts()

    def of(self, articles: list[Article]) -> CaseCounts:
        current = {id(article): article for article in articles}
        if not ACROSS_BUILDS.on or len(current) < len(articles):
            return CaseCounts.of(article.text for article in articles)
        for key, (article, counts) in list(self.counted.items()):
            if current.get(key) is not article:
                self.total.lower.subtract(counts.lower)
                self.total.capital.subtract(counts.capital)
                del self.counted[key]
        for key, article in current.items():
            if key not in self.counted:
                counts = CaseCounts.of([article.text])
                self.total.lower.update(counts.lower)
                self.total.capital.update(counts.capital)
                self.counted[key] = (article, counts)
        return self.total


KEPT_CASE_COUNTS = KeptCaseCounts()


class KeptLabelViews:
    """Each article's view of the corpus's label counts (``relevant_labels`` of
    ``label_counts``), by article id. Across the builds of one process (``ACROSS_BUILDS``) the
    counts are kept up to date article by article, as ``KeptCaseCounts`` keeps its counts:
    a rebuild counts again only the articles whose names changed, takes away those of the
    articles gone, and works out again only the views of those articles and of the articles
    that read a count that changed (at N = 10,000, counting and viewing every article again
    was more than a second of each edit)."""

    def __init__(self) -> None:
        self.counted: dict[str, _Counted] = {}
        """By article id: its mentions, its own label counts and the keys its view reads."""
        self.labels: dict[str, Counter[str]] = {}
        self.views: dict[str, LabelView] = {}

    def of(self, mentions: dict[str, list[Mention]]) -> dict[str, LabelView]:
        if not ACROSS_BUILDS.on:
            labels = label_counts(mentions.values())
            return {key: relevant_labels(found, labels) for key, found in mentions.items()}
        changed: set[str] = set()
        counted_again: set[str] = set()
        for article_id, (found, counts, _) in list(self.counted.items()):
            now = mentions.get(article_id)
            if now is None or tuple(now) != found:  # the same mentions: compared by identity
                self._add(counts, -1)
                changed.update(counts)
                del self.counted[article_id]
        for article_id, now in mentions.items():
            if article_id not in self.counted:
                counts = label_counts([now])
                self._add(counts, 1)
                changed.update(counts)
                self.counted[article_id] = (tuple(now), counts, view_keys(now))
                counted_again.add(article_id)
        views: dict[str, LabelView] = {}
        for article_id in mentions:
            view = self.views.get(article_id)
            keys = self.counted[article_id][2]
            if view is None or article_id in counted_again or not changed.isdisjoint(keys):
                view = label_view(keys, self.labels)
            views[article_id] = view
        self.views = views
        return views

    def _add(self, counts: dict[str, Counter[str]], sign: int) -> None:
        """Add (``sign`` 1) or take away (-1) one article's counts; a count at zero goes, as
        it is absent from a count of the corpus."""
        for key, kinds in counts.items():
            total = self.labels.setdefault(key, Counter())
            for kind, count in kinds.items():
                left = total[kind] + sign * count
                if left > 0:
                    total[kind] = left
                else:
                    total.pop(kind, None)
            if not total:
                del self.labels[key]


KEPT_LABEL_VIEWS = KeptLabelViews()

_Counted = tuple[tuple[Mention, ...], dict[str, Counter[str]], frozenset[str]]


def article_mentions(article: Article, analysis: Analysis) -> list[Mention]:
    """The article's mentions, with words that are no part of a name cut or split off
    (``without_prefixes``: "Catholic Italy", "USA Barack Obama", "((WN))"), people's names
    read again (``person_mentions``), two
    names run together split ("Rathbun the Scientology": ``without_run_on``), owners cut
    from the things they own ("Apple Computer's Mac OS": ``with_possessors``) and the places
    named inside organizations' names (``with_nested_places``)."""
    mentions = without_prefixes(article, analysis.mentions)
    mentions = without_run_on(person_mentions(article, mentions))
    mentions = with_branch_names(mentions, article.text, headline_sentences(article, analysis))
    return with_nested_places(with_possessors(mentions))


def headline_sentences(article: Article, analysis: Analysis) -> frozenset[int]:
    """The numbers of the article's sentences that are in its headline."""
    return frozenset(
        number
        for number, sentence in enumerate(analysis.sentences)
        if article.blocks[sentence.block].kind == "headline"
    )


def _is_entity(cluster: Cluster) -> bool:
    return (
        cluster.kind is not None
        and any(group.confirmed for group in cluster.groups)
        and has_capital(cluster.name)
        and not _ends_in_lower_case(cluster.name)
        and name_key(cluster.name) not in OFFICE_TITLES  # "the Sheriff", "the President"
    )


def _ends_in_lower_case(name: str) -> bool:
    """ "Beauveria bassiana", "Hang Seng and": a name whose last word is a lower-case word
    that no organization or place ends with is a species' (or a phrase spaCy took for a
    name), not a person's, organization's or place's ("United Auto Workers union" is one)."""
    words = name.split()
    if len(words) < 2 or not words[-1].isalpha() or not words[-1].islower():
        return False
    return words[-1] not in ORGANIZATION_HEADS | ORGANIZATION_DESCRIPTORS | PLACE_HEADS
