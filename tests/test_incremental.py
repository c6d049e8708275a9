"""Rendering again only what an edit reaches (``sitegen.render.incremental``): after real
edits of real articles, the incremental render is the full render, page for page."""

from __future__ import annotations

import json
import pickle
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from sitegen.across_builds import ACROSS_BUILDS
from sitegen.build import (
    Options,
    about_pages,
    build_knowledge,
    build_pages,
    incremental_renderer,
    render_pages,
)
from sitegen.forked import ForkedError
from sitegen.model import Analysis, Article, Decision, Entity, KnowledgeBase, Mention
from sitegen.render import incremental, timeline_plan
from sitegen.render.context import RenderContext
from sitegen.render.incremental import (
    MISSING,
    IncrementalRender,
    Proxy,
    Reads,
    TrackedContext,
    _Changes,
    value_of,
)
from tests.helpers import tiny_kb

SAMPLE = Path(__file__).parent / "fixtures" / "archive" / "wikinews-sample.jsonl"
RECORDS = 24


def _write(path: Path, records: list[dict[str, object]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")


def _kb(path: Path, nlp: Language, cache: Path) -> KnowledgeBase:
    return build_knowledge([path], Options(cache_dir=cache, n_process=1), nlp)


@pytest.mark.parametrize("page_lines", [None, 6], ids=["one timeline page", "paged timeline"])
def test_incremental_render_equals_full_render_after_real_edits(
    nlp: Language, tmp_path: Path, monkeypatch: Any, page_lines: int | None
) -> None:
    """Paged, the timeline's pages of years and months are units too, and an added dated
    sentence changes one of them and the index."""
    if page_lines is not None:
        monkeypatch.setattr(timeline_plan, "PAGE_LINES", page_lines)
    records = [json.loads(line) for line in SAMPLE.read_text("utf-8").splitlines()[:RECORDS]]
    source = tmp_path / "articles.jsonl"
    render = incremental_renderer()

    def same_as_full(what: str) -> None:
        kb = _kb(source, nlp, tmp_path / "cache")
        full = render_pages(kb)
        pages = render(kb)
        assert sorted(pages) == sorted(full), what
        differing = [path for path in full if pages[path] != full[path]]
        assert not differing, f"{what}: {differing[:5]}"
        assert ("timeline/" in " ".join(full)) == (page_lines is not None)
        readers = Counter(read for kept in render._units.values() for read in kept.reads)
        assert dict(render._readers) == dict(readers), what  # kept unit by unit, none at 0

    _write(source, records)
    same_as_full("first build")
    assert render.reused == 0 and render.rendered > 50

    same_as_full("nothing changed")
    assert render.rendered == 0

    records[0]["text"] += " Minister Zanzibar Quartermaine met officials in Paris on Monday."
    _write(source, records)
    same_as_full("a sentence added")
    assert 0 < render.rendered < render.reused

    records[1]["text"] = str(records[1]["text"])[: len(str(records[1]["text"])) // 2]
    records[2]["title"] = "A title of its own"
    _write(source, records)
    same_as_full("an article cut short, a title changed")

    removed = records.pop(3)
    _write(source, records)
    same_as_full("an article removed")

    _write(source, [*records, removed])
    same_as_full("an article back")


def _tracked(kb: KnowledgeBase) -> tuple[TrackedContext, Reads]:
    reads = Reads()
    reads.current = set()
    return TrackedContext(RenderContext.build(kb), reads), reads


def test_a_proxy_records_the_attributes_read_and_the_lookups_their_keys() -> None:
    kb = tiny_kb()
    tracked, reads = _tracked(kb)
    entity = kb.entities[0]
    proxied = tracked.entities[entity.id]
    assert isinstance(proxied, Proxy)
    assert proxied.name == entity.name and proxied.id == entity.id
    assert reads.current == {("map", "entities", entity.id), ("attr", "entity", entity.id, "name")}
    assert tracked.by_article.get("no such article") is None
    assert ("map", "by_article", "no such article") in reads.current


def test_a_page_reading_the_knowledge_base_directly_is_refused() -> None:
    tracked, _ = _tracked(tiny_kb())
    with pytest.raises(AttributeError, match="not recorded"):
        _ = tracked.kb.entities


def test_values_compare_across_contexts_and_are_missing_where_absent() -> None:
    kb = tiny_kb()
    context = RenderContext.build(kb)
    entity = kb.entities[0]
    assert value_of(context, ("attr", "entity", entity.id, "name")) == entity.name
    assert value_of(context, ("attr", "entity", "person:nobody", "name")) is MISSING
    assert value_of(context, ("map", "together", "person:nobody")) is MISSING
    located = value_of(context, ("map", "by_article", entity.mentions[0].article))
    assert (entity.mentions[0], entity.id) in located  # entities compared by id there


def test_an_entity_changed_apart_from_its_mentions_leaves_its_located_mentions_alone() -> None:
    """A page listing an entity's mentions renders again for a changed mention, not for
    another attribute of the entity, which pages that read it recorded themselves (the
    decisions of an organization named in 1,095 articles, reordered by an edit elsewhere,
    rendered all those articles' pages again)."""
    kb = tiny_kb()
    person = kb.entities[0]
    mention = person.mentions[0]
    decided = replace(person, decisions=(Decision("join.same-name", "'doe' in 2 articles"),))
    shorter = replace(mention, end=mention.end - 1, text=mention.text[:-1])
    moved = replace(person, mentions=(shorter,))
    located = [("map", "by_article", "a"), ("map", "by_sentence", ("a", 0))]
    decisions = ("attr", "entity", person.id, "decisions")
    old = RenderContext.build(kb)
    for changed, expected in ((decided, {decisions}), (moved, set(located))):
        new = RenderContext.build(replace(kb, entities=(changed, *kb.entities[1:])))
        assert _Changes(old, new).among([*located, decisions]) == expected

    render = incremental_renderer()
    render(kb)
    article_page = render._units[("article", "a")]
    edited = replace(kb, entities=(decided, *kb.entities[1:]))
    assert render(edited) == render_pages(edited)
    assert render._units[("article", "a")] is article_page  # kept, not rendered again


def test_a_linked_text_differs_only_where_it_holds_a_name_that_changed() -> None:
    """A new entity's name reaches the linked roles that hold it, not every role of the
    site (each worked out again was most of an edit's render at N = 10,000)."""
    kb = tiny_kb()
    person = kb.entities[0]
    role = person.roles[0]
    assert "Institute" in role
    linked = ("link", role, person.page, person.id)
    old = RenderContext.build(kb)

    def organization(name: str) -> Entity:
        slug = name.lower().replace(" ", "-")
        return Entity(id=f"organization:{slug}", kind="organization", name=name,
                      page=f"organizations/{slug}.md")

    for name, differs in (("Acme Works", False), ("Institute", True)):
        new = RenderContext.build(replace(kb, entities=(*kb.entities, organization(name))))
        assert bool(_Changes(old, new).among([linked])) is differs, name
        assert (value_of(old, linked) != value_of(new, linked)) is differs, name
    renamed = RenderContext.build(replace(kb, entities=(replace(person, name="Jane Roe"),
                                                        *kb.entities[1:])))
    changes = _Changes(old, renamed)
    assert changes._link_may_differ(linked)  # its own name changed: worked out again
    assert changes.among([linked]) == set()  # and the same (the role holds neither name)


def test_kept_mentions_are_read_again_only_for_a_changed_article(monkeypatch: Any) -> None:
    from dataclasses import replace

    from sitegen.resolve import entities

    kb = tiny_kb()
    article, analysis = kb.articles[0], kb.analyses["a"]
    calls: list[str] = []
    real = entities.article_mentions

    def counted(a: Article, found: Analysis) -> list[Mention]:
        calls.append(a.id)
        return real(a, found)

    monkeypatch.setattr(entities, "article_mentions", counted)
    kept = entities.KeptMentions()
    monkeypatch.setattr(ACROSS_BUILDS, "on", True)
    first = kept.of(article, analysis)
    assert kept.of(replace(article), analysis) == first and calls == ["a"]  # an equal article
    kept.of(replace(article, title="Another title"), analysis)
    assert calls == ["a", "a"]
    monkeypatch.setattr(ACROSS_BUILDS, "on", False)
    kept.of(article, analysis)
    assert calls == ["a", "a", "a"]


def test_kept_records_give_the_same_article_for_an_unchanged_line(
    tmp_path: Path, monkeypatch: Any
) -> None:
    from sitegen.ingest import read_articles
    from sitegen.ingest import records as records_module

    records = [json.loads(line) for line in SAMPLE.read_text("utf-8").splitlines()[:3]]
    source = tmp_path / "articles.jsonl"
    _write(source, records)
    monkeypatch.setattr(records_module, "KEPT_RECORDS", records_module.KeptRecords())
    monkeypatch.setattr(ACROSS_BUILDS, "on", True)
    first = read_articles([source])
    records[1]["text"] += " One more sentence."
    _write(source, records)
    second = read_articles([source])
    assert second[0] is first[0] and second[2] is first[2]
    assert second[1] is not first[1] and second[1].text.endswith("One more sentence.")
    monkeypatch.setattr(ACROSS_BUILDS, "on", False)
    assert read_articles([source])[0] is not first[0]


def test_a_failed_render_keeps_the_last_good_pages_and_their_context(
    monkeypatch: Any,
) -> None:
    from sitegen.render import PAGE_OF_UNIT

    render = incremental_renderer()
    kb = tiny_kb()
    first = render(kb)
    kept = render._context

    def broken(unit: Any, context: Any) -> tuple[str, str]:
        raise RuntimeError("a renderer's bug")

    monkeypatch.setitem(PAGE_OF_UNIT, "article", broken)
    with pytest.raises(RuntimeError):
        render(tiny_kb(sentence="Jane Doe spoke in Sylvania again."))
    assert render._context is kept  # the pages kept are still the context's they were read in
    monkeypatch.undo()
    assert render(kb) == first and render.rendered == 0


def test_a_serve_started_from_the_site_cache_renders_the_cached_model_with_its_reads(
    nlp: Language, tmp_path: Path, monkeypatch: Any
) -> None:
    """A start whose site cache holds the build (nothing changed since the last one) skips
    resolving, but serve's renderer renders the cached model itself: the same pages, with the
    reads recorded, so the first edit renders only what it reaches, not every page."""
    import sitegen.build

    records = [json.loads(line) for line in SAMPLE.read_text("utf-8").splitlines()[:RECORDS]]
    source = tmp_path / "articles.jsonl"
    _write(source, records)
    options = Options(cache_dir=tmp_path / "cache", n_process=1)
    _, built = build_pages([source], options, nlp)  # a build keeps its site cache entry
    render = incremental_renderer()
    with monkeypatch.context() as patched:
        patched.setattr(sitegen.build, "resolve_entities", None)  # a hit resolves nothing
        kb, pages = build_pages([source], options, nlp, None, render)
    assert render.rendered > 50 and dict(pages) == dict(built)
    records[0]["text"] += " Minister Zanzibar Quartermaine met officials in Paris on Monday."
    _write(source, records)
    kb, pages = build_pages([source], replace(options, keep_site=False), nlp, None, render)
    assert 0 < render.rendered < render.reused
    assert dict(pages) == dict(render_pages(kb))


def test_resolving_ahead_after_a_cached_start_leaves_the_first_edit_its_own_articles(
    nlp: Language, tmp_path: Path, monkeypatch: Any
) -> None:
    """What serve runs in the background after a start from the site cache
    (``sitegen/ahead.py``): the same build, resolved this time (not read from the site
    cache), whose kept steps leave the first edit to work out again only the articles it
    reaches; without it, the first edit worked out every article."""
    from sitegen.build import BuildStats
    from sitegen.resolve import coref

    records = [json.loads(line) for line in SAMPLE.read_text("utf-8").splitlines()[:RECORDS]]
    source = tmp_path / "articles.jsonl"
    _write(source, records)
    options = Options(cache_dir=tmp_path / "cache", n_process=1)
    build_pages([source], options, nlp)  # a build keeps its site cache entry
    monkeypatch.setattr(ACROSS_BUILDS, "on", True)  # as under serve
    calls: list[str] = []
    real = coref._article_references

    def counted(analysis: Analysis, *args: Any) -> Any:
        calls.append(analysis.article)
        return real(analysis, *args)

    monkeypatch.setattr(coref, "_article_references", counted)
    edited = [dict(record) for record in records]
    edited[0]["text"] += " Minister Zanzibar Quartermaine met officials in Paris on Monday."
    again = replace(options, read_site=False, keep_site=False)
    worked_out = {}
    for ahead in (False, True):
        _write(source, records)
        render, start = incremental_renderer(), BuildStats()
        _, pages = build_pages([source], options, nlp, start, render)
        assert start.from_site_cache and not calls  # nothing resolved
        if ahead:
            stats = BuildStats()
            _, resolved = build_pages([source], again, nlp, stats, render)
            assert not stats.from_site_cache and calls
            assert dict(resolved) == dict(pages) and render.rendered == 0
            calls.clear()
        _write(source, edited)
        kb, pages = build_pages([source], replace(options, keep_site=False), nlp, None, render)
        assert dict(pages) == dict(render_pages(kb))
        worked_out[ahead] = set(calls)
        calls.clear()
    assert worked_out[True] < worked_out[False], worked_out  # those the edit reaches
    assert len(worked_out[True]) < len(worked_out[False]) / 2, worked_out


def test_clusters_shared_across_builds_give_a_fresh_builds_pages_after_edits(
    nlp: Language, tmp_path: Path, monkeypatch: Any
) -> None:
    """Under serve each article's cached clusters are unpickled once and shared by the next
    builds (the merge works on copies, ``Cluster.copy``), and its topic candidates kept
    (``KeptCandidates``): after edits, the same entities, topics, rule counts and pages as a
    build that works out every one afresh."""
    import sitegen.cache
    from sitegen.across_builds import KeptByIdentity
    from sitegen.ingest import records as records_module
    from sitegen.resolve import coref, entities

    monkeypatch.setattr(sitegen.cache, "_OBJECTS", {})
    monkeypatch.setattr(sitegen.cache, "_STORED", sitegen.cache._Remembered())
    monkeypatch.setattr(records_module, "KEPT_RECORDS", records_module.KeptRecords())
    monkeypatch.setattr(entities, "KEPT_MENTIONS", entities.KeptMentions())
    monkeypatch.setattr(ACROSS_BUILDS, "on", True)
    monkeypatch.setattr(coref, "_REFERENCES", KeptByIdentity())
    resolved: list[str] = []  # the articles whose references were resolved again
    real = coref._article_references
    monkeypatch.setattr(coref, "_article_references", lambda *a: resolved.append("") or real(*a))
    records = [json.loads(line) for line in SAMPLE.read_text("utf-8").splitlines()[:RECORDS]]
    source = tmp_path / "articles.jsonl"
    options = Options(cache_dir=tmp_path / "cache", n_process=1, keep_site=False)
    counts = []
    for edit in range(3):
        records[edit]["text"] += " Minister Zanzibar Quartermaine met officials in Paris."
        _write(source, records)
        resolved.clear()
        kept_kb, kept_pages = build_pages([source], options, nlp)
        counts.append(len(resolved))
    assert 0 < counts[2] < counts[0]  # the edited article's, and those naming what changed
    assert sitegen.cache._OBJECTS  # the clusters were shared
    phrases = pickle.loads((tmp_path / "cache" / "phrases.pickle").read_bytes())["entries"]
    assert len(phrases) == len(kept_kb.articles)  # kept topic candidates kept their entries
    monkeypatch.setattr(ACROSS_BUILDS, "on", False)
    fresh_kb, fresh_pages = build_pages([source], options, nlp)
    assert kept_kb.entities == fresh_kb.entities and kept_kb.topics == fresh_kb.topics
    assert kept_kb.rule_counts == fresh_kb.rule_counts
    assert dict(kept_pages) == dict(fresh_pages)


def test_kept_per_article_results_are_worked_out_again_only_for_another_article(
    monkeypatch: Any,
) -> None:
    """``KeptPerArticle`` (body digests, word bags) knows an article by identity: the very
    same object is not worked out again, an equal copy is (serve hands on the same object
    only for an unchanged record); off, every call works each one out."""
    from sitegen.across_builds import KeptPerArticle
    from sitegen.ingest.duplicates import body_digest

    article = tiny_kb().articles[0]
    calls: list[str] = []

    def counted(a: Article) -> str:
        calls.append(a.id)
        return body_digest(a)

    kept = KeptPerArticle(counted)
    monkeypatch.setattr(ACROSS_BUILDS, "on", True)
    first = kept.of([article])
    assert kept.of([article]) == first and calls == ["a"]
    assert kept.of([replace(article)]) == first and calls == ["a", "a"]  # another object
    monkeypatch.setattr(ACROSS_BUILDS, "on", False)
    assert kept.of([article]) == first and calls == ["a", "a", "a"]


def test_kept_by_identity_reuses_only_for_the_same_objects_facts_and_switches(
    monkeypatch: Any,
) -> None:
    """``KeptByIdentity`` (serve's entities and merge keys): the very same objects with equal
    facts and the same rules switched off give the last build's result, and count again what
    the rules decided then; anything else is worked out again."""
    from sitegen.across_builds import KeptByIdentity
    from sitegen.resolve.clusters import ROLE_TITLE
    from sitegen.rules import RuleRun, running

    kept: KeptByIdentity[str] = KeptByIdentity()
    one, other = ["a"], ["a"]
    calls: list[str] = []

    def compute(label: str) -> str:
        calls.append(label)
        ROLE_TITLE.fired()
        return label

    monkeypatch.setattr(ACROSS_BUILDS, "on", True)
    with running(frozenset()) as run:
        assert kept.get((one,), 1, lambda: compute("first")) == "first"
        kept.rotate()
        assert kept.get((one,), 1, lambda: compute("again")) == "first"  # kept
        assert kept.get((other,), 1, lambda: compute("other")) == "other"  # equal, not same
        assert kept.get((one,), 2, lambda: compute("facts")) == "facts"
    assert isinstance(run, RuleRun) and run.counts[ROLE_TITLE.id] == 4
    kept.rotate()
    with running(frozenset({ROLE_TITLE.id})):
        assert kept.get((one,), 2, lambda: compute("switched")) == "switched"
    assert calls == ["first", "other", "facts", "switched"]


def test_kept_case_counts_follow_the_articles_that_come_and_go(monkeypatch: Any) -> None:
    """Serve's case counts, kept up to date article by article, say what counting every
    article again says (``mostly_lower`` of each word) after edits and removals."""
    from sitegen.resolve.entities import KeptCaseCounts
    from sitegen.resolve.names import CaseCounts

    base = tiny_kb().articles[0]
    one = replace(base, id="one", text="The magic word. Magic is here, said the magic man.")
    two = replace(base, id="two", text="He met Magic Johnson. Then Magic left, and Magic won.")
    edited = replace(two, text="He met the magic team.")
    kept = KeptCaseCounts()
    monkeypatch.setattr(ACROSS_BUILDS, "on", True)
    for articles in ([one, two], [one, edited], [edited], [one, two]):
        found = kept.of(articles)
        fresh = CaseCounts.of(article.text for article in articles)
        for word in ("magic", "team", "won", "johnson", "word"):
            assert found.mostly_lower(word) == fresh.mostly_lower(word), (articles, word)
        assert +found.lower == fresh.lower and +found.capital == fresh.capital


def test_kept_label_views_follow_the_articles_that_come_and_go(monkeypatch: Any) -> None:
    """Serve's label counts, kept up to date article by article, give every article the view
    that counting every article again gives, after edits, removals and returns; a view whose
    counts did not change is the very one of the last build."""
    from sitegen.resolve.entities import KeptLabelViews
    from sitegen.resolve.kinds import label_counts, relevant_labels

    def named(*names: tuple[str, str]) -> list[Mention]:
        return [
            Mention(i * 10, i * 10 + len(text), text, label, 0)
            for i, (text, label) in enumerate(names)
        ]

    one = named(("Paris", "GPE"), ("Jane Doe", "PERSON"), ("Acme", "ORG"))
    two = named(("Paris", "GPE"), ("Paris Hilton", "PERSON"), ("Acme", "GPE"))
    three = named(("Jane", "PERSON"), ("Zeta Corp", "ORG"))
    two_edited = named(("Paris", "ORG"), ("Acme", "GPE"), ("Jane Doe", "PERSON"))
    kept = KeptLabelViews()
    monkeypatch.setattr(ACROSS_BUILDS, "on", True)
    rounds = (
        {"one": one, "two": two, "three": three},
        {"one": list(one), "two": list(two), "three": list(three)},  # the same mentions
        {"one": list(one), "two": two_edited, "three": list(three)},  # Paris, Jane Doe change
        {"one": list(one), "three": list(three)},
        {"one": list(one), "two": two, "three": list(three)},
    )
    seen = []
    for articles in rounds:
        views = kept.of(articles)
        labels = label_counts(articles.values())
        assert views == {key: relevant_labels(found, labels) for key, found in articles.items()}
        assert kept.labels == labels  # no count left at zero
        seen.append(views)
    assert all(seen[1][key] is seen[0][key] for key in seen[0])  # nothing changed: kept
    assert seen[2]["three"] is seen[1]["three"]  # reads no count the edit changed
    assert seen[2]["one"] is not seen[1]["one"]  # reads Paris's
    monkeypatch.setattr(ACROSS_BUILDS, "on", False)
    assert kept.of({"one": one}) == {"one": relevant_labels(one, label_counts([one]))}


@pytest.mark.parametrize("cpus", [2, 3])
def test_site_wide_pages_rendered_in_a_forked_process_are_the_same_in_order(
    monkeypatch: Any, cpus: int
) -> None:
    """Under serve the site-wide pages are rendered in a forked process while this one renders
    the units' (with three CPUs, the review and about pages in another): the same pages in the
    same order; the child's error is raised here."""
    import sitegen.forked

    monkeypatch.setattr(incremental, "usable_cpus", lambda: cpus)
    children: list[int] = []

    class Counted(sitegen.forked.Forked):
        def __init__(self, work: Any) -> None:
            children.append(1)
            super().__init__(work)

    monkeypatch.setattr(sitegen.forked, "Forked", Counted)
    kb = tiny_kb()
    forked = IncrementalRender(extra=about_pages, fork=True)(kb)
    here = IncrementalRender(extra=about_pages, fork=False)(kb)
    assert list(forked) == list(here) == list(render_pages(kb))
    assert all(forked[path] == here[path] for path in here)
    assert len(children) == cpus - 1  # the fork=False render starts none
    children.clear()
    IncrementalRender(fork=True)(kb)  # no extra pages: no process of their own
    assert len(children) == 1

    def broken(context: RenderContext) -> Any:
        raise RuntimeError("index exploded")

    monkeypatch.setattr(incremental, "site_wide_pages", broken)
    with pytest.raises(ForkedError, match="index exploded"):
        IncrementalRender(extra=about_pages, fork=True)(kb)
    with pytest.raises(RuntimeError, match="index exploded"):
        IncrementalRender(extra=about_pages, fork=False)(kb)


def test_genders_of_honorifics_are_worked_out_once_a_build(
    nlp: Language, tmp_path: Path, monkeypatch: Any
) -> None:
    """The quotes and the references of one build read the same genders: one pass over every
    mention of the corpus, not two."""
    import sitegen.build
    from sitegen.resolve import coref, quotes

    calls: list[int] = []
    real = quotes.entity_genders

    def counted(*args: Any) -> dict[str, str]:
        calls.append(1)
        return real(*args)

    for module in (sitegen.build, coref, quotes):
        monkeypatch.setattr(module, "entity_genders", counted)
    records = [json.loads(line) for line in SAMPLE.read_text("utf-8").splitlines()[:6]]
    source = tmp_path / "articles.jsonl"
    _write(source, records)
    kb = _kb(source, nlp, tmp_path / "cache")
    assert len(calls) == 1 and kb.quotes and any(e.references for e in kb.entities)
