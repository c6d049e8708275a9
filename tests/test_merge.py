"""Merging entities across articles (sitegen.resolve.merge), with made-up articles."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from spacy.language import Language

from sitegen.across_builds import ACROSS_BUILDS
from sitegen.build import Options, build_knowledge
from sitegen.ingest import read_articles
from sitegen.model import Entity, Mention
from sitegen.nlp.analyze import analyze
from sitegen.overrides import apply_overrides, parse_overrides
from sitegen.render import render_site
from sitegen.render.about_page import render_review
from sitegen.resolve import evidence, merge, resolve_entities
from sitegen.resolve.budget import PageBudget
from sitegen.resolve.clusters import Cluster, Group
from sitegen.resolve.entities import article_clusters
from sitegen.resolve.evidence import CorpusContext
from sitegen.resolve.homonyms import short_role
from sitegen.resolve.names import is_part_of
from sitegen.review import homonyms, kept_apart, review_items
from tests.helpers import ruler_pipeline, visible_text, write

PATTERNS = [
    {"label": "PERSON", "pattern": "Maya Wang"},
    {"label": "PERSON", "pattern": "Wang Yi"},
    {"label": "PERSON", "pattern": "Wang"},
    {"label": "PERSON", "pattern": "Jane Doe"},
    {"label": "PERSON", "pattern": "Doe"},
    {"label": "GPE", "pattern": "Jordan"},
    {"label": "PERSON", "pattern": "Ann Lee"},
    {"label": "ORG", "pattern": "Lee"},
    {"label": "ORG", "pattern": "Global Aero Systems"},
    {"label": "ORG", "pattern": "GAS"},
    {"label": "PERSON", "pattern": "Jane"},
    {"label": "ORG", "pattern": "Acme Mills"},
    {"label": "GPE", "pattern": "Ohio"},
]


def resolve_corpus(
    tmp_path: Path, bodies: dict[str, str], nlp: Language | None = None
) -> dict[str, Entity]:
    """The entities of made-up articles ``{file stem: body}``, by name."""
    return {entity.name: entity for entity in corpus_entities(tmp_path, bodies, nlp)}


def corpus_entities(
    tmp_path: Path,
    bodies: dict[str, str],
    nlp: Language | None = None,
    titles: dict[str, str] | None = None,
) -> tuple[Entity, ...]:
    """The entities of made-up articles, analyzed by ``nlp`` (by default an entity ruler)."""
    for name, body in bodies.items():
        write(tmp_path / f"{name}.txt", body)
        title = f"title: {titles[name]}\n" if titles and name in titles else ""
        write(tmp_path / f"{name}.yml", "published: 2026-01-13\n" + title)
    articles = read_articles([tmp_path])
    analyses = analyze(articles, nlp or ruler_pipeline(PATTERNS))
    return resolve_entities(articles, analyses)


def articles_of(entity: Entity) -> set[str]:
    return {mention.article for mention in entity.mentions}


def test_same_person_in_several_articles_is_one_entity(tmp_path: Path) -> None:
    entities = resolve_corpus(
        tmp_path,
        {"a": "Jane Doe spoke.\n", "b": "Jane Doe left.\nDoe waved.\n", "c": "Jane Doe ate.\n"},
    )
    assert set(entities) == {"Jane Doe"}
    assert articles_of(entities["Jane Doe"]) == {"a", "b", "c"}
    assert len(entities["Jane Doe"].mentions) == 4


def test_bare_surname_without_evidence_keeps_its_own_page(tmp_path: Path) -> None:
    # The one full name that fits is no evidence by itself: nothing else links the articles.
    entities = resolve_corpus(tmp_path, {"a": "Jane Doe spoke.\n", "b": "Doe left.\n"})
    assert articles_of(entities["Jane Doe"]) == {"a"}
    assert articles_of(entities["Doe"]) == {"b"}


def test_a_rare_bare_surname_joins_the_one_full_name_ending_in_it(tmp_path: Path) -> None:
    """ "Quorvane" is in no census list: with one "Jane Quorvane" in the corpus, it is her
    ("Obama" and "Barack Obama"); "Doe" (common enough) needs evidence (above), and two
    full names ending in "Zeltrix" leave it alone."""
    names = ("Jane Quorvane", "Quorvane", "Ann Zeltrix", "Bo Zeltrix", "Zeltrix")
    nlp = ruler_pipeline([{"label": "PERSON", "pattern": name} for name in names])
    lines = ["Jane Quorvane spoke. Ann Zeltrix spoke.", "Quorvane left. Bo Zeltrix left."]
    bodies = dict(zip("abc", [*lines, "Zeltrix waved."], strict=True))
    found = resolve_corpus(tmp_path, bodies, nlp)
    assert articles_of(found["Jane Quorvane"]) == {"a", "b"}
    assert articles_of(found["Zeltrix"]) == {"c"}


def test_bare_surname_joins_the_full_name_of_an_article_naming_the_same_entity(
    tmp_path: Path,
) -> None:
    entities = resolve_corpus(
        tmp_path, {"a": "Jane Doe joined Acme Mills.\n", "b": "Doe left Acme Mills.\n"}
    )
    assert set(entities) == {"Jane Doe", "Acme Mills"}
    assert articles_of(entities["Jane Doe"]) == {"a", "b"}


def test_an_entity_most_articles_name_is_no_evidence(tmp_path: Path) -> None:
    # Acme Mills is named in 7 of 8 articles (more than 5 and 5% of them): it says nothing.
    bodies = {f"filler{i}": f"Acme Mills grew in Ohio {i}.\n" for i in range(5)}
    bodies |= {"a": "Jane Doe joined Acme Mills.\n", "b": "Doe left Acme Mills.\n"}
    entities = resolve_corpus(tmp_path, bodies)
    assert articles_of(entities["Jane Doe"]) == {"a"}
    assert articles_of(entities["Doe"]) == {"b"}


def test_given_name_alone_needs_more_than_a_shared_entity(tmp_path: Path) -> None:
    entities = resolve_corpus(
        tmp_path, {"a": "Jane Doe joined Acme Mills.\n", "b": "Jane left Acme Mills.\n"}
    )
    assert articles_of(entities["Jane Doe"]) == {"a"}
    assert articles_of(entities["Jane"]) == {"b"}


def test_two_full_names_sharing_a_surname_stay_apart(tmp_path: Path) -> None:
    entities = resolve_corpus(tmp_path, {"a": "Maya Wang spoke.\n", "b": "Wang Yi spoke.\n"})
    assert set(entities) == {"Maya Wang", "Wang Yi"}


def test_ambiguous_bare_surname_joins_neither(tmp_path: Path) -> None:
    entities = resolve_corpus(
        tmp_path,
        {"a": "Maya Wang spoke.\n", "b": "Wang Yi spoke.\n", "c": "Wang left.\n"},
    )
    assert articles_of(entities["Maya Wang"]) == {"a"}
    assert articles_of(entities["Wang Yi"]) == {"b"}
    assert articles_of(entities["Wang"]) == {"c"}


def test_short_name_of_another_kind_does_not_join(tmp_path: Path) -> None:
    # "Lee" is tagged as an organization, "Ann Lee" as a person: kinds disagree.
    entities = resolve_corpus(tmp_path, {"a": "Ann Lee spoke.\n", "b": "Lee shrank.\n"})
    assert set(entities) == {"Ann Lee", "Lee"}
    assert entities["Lee"].kind == "organization"


def test_same_name_with_conflicting_kinds_stays_apart(tmp_path: Path) -> None:
    # The title makes "Mr. Jordan" a person; "to Jordan" stays a place (the tagger's GPE).
    entities = corpus_entities(
        tmp_path, {"a": "Mr. Jordan spoke.\n", "b": "They flew to Jordan.\n"}
    )
    kinds = sorted((entity.kind, sorted(articles_of(entity))) for entity in entities)
    assert kinds == [("person", ["a"]), ("place", ["b"])]


def test_acronym_joins_the_only_name_it_spells_where_that_name_is_written_with_it(
    tmp_path: Path,
) -> None:
    """ "GAS" joins "Global Aero Systems", whose article writes "(GAS)"; "QBM" does not join
    the "Quorvane Brotherhood of Magicians", whose article never calls it so (as "IBM" in an
    article about computers is not the "International Brotherhood of Magicians"). An acronym
    of four letters, "ZQAF", joins the one name that spells it, written or not."""
    patterns = [
        {"label": "ORG", "pattern": "Global Aero Systems"},
        {"label": "ORG", "pattern": "GAS"},
        {"label": "ORG", "pattern": "Quorvane Brotherhood of Magicians"},
        {"label": "ORG", "pattern": "QBM"},
        {"label": "ORG", "pattern": "Zeltra Quorvane Air Force"},
        {"label": "ORG", "pattern": "ZQAF"},
    ]
    bodies = {
        "a": "Global Aero Systems (GAS) grew.\n",
        "b": "GAS shrank.\n",
        "c": "The Quorvane Brotherhood of Magicians met.\n",
        "d": "QBM sold computers.\n",
        "e": "The Zeltra Quorvane Air Force flew.\n",
        "f": "The ZQAF landed.\n",
    }
    entities = resolve_corpus(tmp_path, bodies, ruler_pipeline(patterns))
    assert articles_of(entities["Global Aero Systems"]) == {"a", "b"}
    assert articles_of(entities["Quorvane Brotherhood of Magicians"]) == {"c"}
    assert articles_of(entities["QBM"]) == {"d"}
    assert articles_of(entities["Zeltra Quorvane Air Force"]) == {"e", "f"}


# With the real English model: titles, roles and honorifics as the pipeline finds them.

MAYA_WANG = (
    "Maya Wang, a senior researcher at Human Rights Watch, said the detentions in Xinjiang were"
    " unlawful.\nMs. Wang presented the report in Geneva on Monday.\n"
)
FARMER_WANG = (
    "Mr. Wang, a rice farmer in Henan, said the drought had ruined his harvest.\n"
    "Mr. Wang said he would plant again in April.\n"
)


def test_one_person_in_several_articles_has_one_page(tmp_path: Path, nlp: Language) -> None:
    bodies = {
        "a": MAYA_WANG,
        "b": "Human Rights Watch published a new report.\nMaya Wang said it was alarming.\n",
        "c": "Maya Wang spoke to reporters in Geneva on Friday.\n",
    }
    people = [e for e in corpus_entities(tmp_path, bodies, nlp) if e.kind == "person"]
    assert [person.name for person in people] == ["Maya Wang"]
    assert articles_of(people[0]) == {"a", "b", "c"}
    assert sorted(m.text for m in people[0].mentions) == ["Maya Wang"] * 3 + ["Wang"]


def test_bare_surname_of_another_person_is_not_merged(tmp_path: Path, nlp: Language) -> None:
    # "Maya Wang" is the only full name containing "Wang", but nothing else agrees: no entity
    # in common, a different role.
    entities = resolve_corpus(tmp_path, {"a": MAYA_WANG, "f": FARMER_WANG}, nlp)
    assert articles_of(entities["Maya Wang"]) == {"a"}
    assert articles_of(entities["Wang"]) == {"f"}
    assert entities["Wang"].roles == ("rice farmer in Henan",)
    assert "rice farmer in Henan" not in entities["Maya Wang"].roles


def test_bare_surname_with_shared_context_joins_the_full_name(
    tmp_path: Path, nlp: Language
) -> None:
    later = "Ms. Wang said the report by Human Rights Watch had been ignored in Xinjiang.\n"
    entities = resolve_corpus(tmp_path, {"a": MAYA_WANG, "e": later, "f": FARMER_WANG}, nlp)
    assert articles_of(entities["Maya Wang"]) == {"a", "e"}
    assert articles_of(entities["Wang"]) == {"f"}


def test_a_shared_title_picks_one_of_two_full_names(tmp_path: Path, nlp: Language) -> None:
    bodies = {
        "a": MAYA_WANG,
        "c": "Foreign Minister Wang Yi met Sergey Lavrov in Moscow on Friday.\n",
        "d": "Foreign Minister Wang arrived in Beijing on Saturday.\n",
    }
    entities = resolve_corpus(tmp_path, bodies, nlp)
    assert articles_of(entities["Wang Yi"]) == {"c", "d"}
    assert articles_of(entities["Maya Wang"]) == {"a"}
    assert "Wang" not in entities


def test_honorifics_of_different_genders_keep_names_apart(tmp_path: Path, nlp: Language) -> None:
    # Human Rights Watch is named in both articles, but "Mr." disagrees with "Ms.".
    later = "Mr. Wang said that Human Rights Watch had never contacted him.\n"
    entities = resolve_corpus(tmp_path, {"a": MAYA_WANG, "g": later}, nlp)
    assert articles_of(entities["Maya Wang"]) == {"a"}
    assert articles_of(entities["Wang"]) == {"g"}


def test_names_kept_apart_are_listed_for_review(tmp_path: Path) -> None:
    entities = corpus_entities(
        tmp_path, {"a": "Jane Doe spoke.\n", "b": "Doe left.\n", "c": "Maya Wang spoke.\n"}
    )
    found = [(e.name, [other.name for other in fits]) for e, fits in kept_apart(entities)]
    assert found == [("Doe", ["Jane Doe"])]


# The same one-word name in several articles: one person only where the evidence connects them.

BANKER_WANG = (
    "Mr. Wang, a banker at Everbright Bank, said the merger with Huaxia Bank would close in"
    " June.\nMr. Wang declined to comment on job cuts.\n"
)


def people(entities: tuple[Entity, ...]) -> dict[str, Entity]:
    return {entity.name: entity for entity in entities if entity.kind == "person"}


def test_one_name_in_unrelated_articles_is_two_people(tmp_path: Path, nlp: Language) -> None:
    found = people(corpus_entities(tmp_path, {"f": FARMER_WANG, "k": BANKER_WANG}, nlp))
    assert sorted(found) == ["Wang (banker at Everbright Bank)", "Wang (rice farmer in Henan)"]
    farmer, banker = found["Wang (rice farmer in Henan)"], found["Wang (banker at Everbright Bank)"]
    assert articles_of(farmer) == {"f"}
    assert articles_of(banker) == {"k"}
    assert (farmer.id, banker.id) == (
        "person:wang-rice-farmer-in-henan",
        "person:wang-banker-at-everbright-bank",
    )
    assert farmer.homonym == banker.homonym == "Wang"
    assert "Wang" in farmer.aliases and "Mr. Wang" in banker.aliases  # searching "Wang"
    assert farmer.roles == ("rice farmer in Henan",)


def test_one_name_in_articles_sharing_an_uncommon_entity_is_one_person(
    tmp_path: Path, nlp: Language
) -> None:
    later = "Mr. Wang said the drought in Henan had dried up the Yellow River canals.\n"
    bodies = {"f": FARMER_WANG, "h": later, "k": BANKER_WANG}
    found = people(corpus_entities(tmp_path, bodies, nlp))
    assert articles_of(found["Wang (rice farmer in Henan)"]) == {"f", "h"}
    assert articles_of(found["Wang (banker at Everbright Bank)"]) == {"k"}


def test_one_name_with_a_shared_title_is_one_person(tmp_path: Path, nlp: Language) -> None:
    bodies = {
        "p": "Foreign Minister Wang arrived in Moscow on Friday.\n",
        "q": "Foreign Minister Wang left Brazil on Monday.\n",
    }
    found = people(corpus_entities(tmp_path, bodies, nlp))
    assert list(found) == ["Wang"]
    assert articles_of(found["Wang"]) == {"p", "q"}
    assert found["Wang"].homonym == ""


def test_honorifics_of_different_genders_keep_one_name_apart(tmp_path: Path, nlp: Language) -> None:
    # Huaxia Bank is named in both, but "Mr." disagrees with "Ms.".
    later = "Ms. Wang said Huaxia Bank had never contacted her.\n"
    found = people(corpus_entities(tmp_path, {"k": BANKER_WANG, "m": later}, nlp))
    assert sorted(articles_of(person) for person in found.values()) == [{"k"}, {"m"}]


def test_the_same_full_name_in_unrelated_articles_is_one_person(
    tmp_path: Path, nlp: Language
) -> None:
    bodies = {
        "a": "Mark Carney, the prime minister of Canada, spoke in Ottawa on Monday.\n",
        "b": "Mark Carney, a former central banker, gave a lecture in London.\n",
    }
    found = people(corpus_entities(tmp_path, bodies, nlp))
    assert list(found) == ["Mark Carney"]
    assert articles_of(found["Mark Carney"]) == {"a", "b"}


def test_articles_connected_through_a_third_are_one_person(tmp_path: Path) -> None:
    bodies = {
        "a": "Doe joined Acme Mills.\n",
        "b": "Doe left Acme Mills for Ohio.\n",
        "c": "Doe moved to Ohio.\n",
        "d": "Doe waved.\n",
    }
    titles = {"a": "Mill hires", "b": "Mill loses a manager", "c": "Ohio grows", "d": "Parade"}
    found = people(corpus_entities(tmp_path, bodies, titles=titles))
    # no role tells them apart: the title of each one's first article does
    assert {name: articles_of(person) for name, person in found.items()} == {
        "Doe (Mill hires)": {"a", "b", "c"},
        "Doe (Parade)": {"d"},
    }


def test_one_name_told_apart_by_number_when_titles_agree(tmp_path: Path) -> None:
    bodies = {"a": "Doe waved.\n", "b": "Doe left.\n"}
    found = people(corpus_entities(tmp_path, bodies, titles={"a": "News", "b": "News"}))
    assert {name: articles_of(person) for name, person in found.items()} == {
        "Doe (1)": {"a"},
        "Doe (2)": {"b"},
    }
    assert sorted(person.id for person in found.values()) == ["person:doe-1", "person:doe-2"]


def test_short_role_keeps_what_a_reader_recognizes() -> None:
    assert short_role("a rice farmer in Henan") == "rice farmer in Henan"
    assert short_role("the banker, who spoke on Monday") == "banker"
    assert short_role("CEO .") == "CEO"
    assert short_role("a former Canadian diplomat in China who leads the Institute") == (
        "former Canadian diplomat in China"
    )
    assert short_role("one of the many farmers of the northern province of Henan") == ""


def test_one_name_of_several_people_is_listed_for_review(tmp_path: Path) -> None:
    bodies = {"a": "Jane Doe spoke.\n", "b": "Doe left.\n", "c": "Doe waved.\n"}
    entities = corpus_entities(tmp_path, bodies)
    assert [(name, [e.id for e in same]) for name, same in homonyms(entities)] == [
        ("Doe", ["person:doe-b", "person:doe-c"])
    ]
    # each of them still fits "Jane Doe" by the name they share
    assert [(e.id, [o.id for o in fits]) for e, fits in kept_apart(entities)] == [
        ("person:doe-b", ["person:jane-doe"]),
        ("person:doe-c", ["person:jane-doe"]),
    ]


def test_a_merge_override_joins_people_of_one_name(tmp_path: Path) -> None:
    bodies = {"a": "Doe waved.\n", "b": "Doe left.\n", "c": "Doe ate.\n"}
    for name, body in bodies.items():
        write(tmp_path / f"{name}.txt", body)
    options = Options(cache_dir=None)
    kb = build_knowledge([tmp_path], options, ruler_pipeline(PATTERNS))
    assert {e.name for e in kb.entities} == {"Doe (a)", "Doe (b)", "Doe (c)"}

    _, report = apply_overrides(kb, parse_overrides("merge: [{into: Doe, from: [Doe (c)]}]"))
    assert report.unmatched == [
        "sitegen.yml:1:9: merge: 'Doe' names 3 entities "
        "(person:doe-a, person:doe-b, person:doe-c); use an id"
    ]

    two, report = apply_overrides(
        kb, parse_overrides("merge: [{into: person:doe-a, from: [Doe (c)]}]")
    )
    assert report.unmatched == []
    # two people of that name are left: still named apart, the merged one by its own name
    found = {e.name: e for e in two.entities}
    assert {name: articles_of(person) for name, person in found.items()} == {
        "Doe (a)": {"a", "c"},
        "Doe (b)": {"b"},
    }
    assert "Doe (c)" not in found["Doe (a)"].aliases

    one, _ = apply_overrides(
        kb, parse_overrides("merge: [{into: person:doe-a, from: [person:doe-b, person:doe-c]}]")
    )
    # none left to tell apart: the plain name again, with its page
    [doe] = one.entities
    assert (doe.id, doe.page, doe.name, doe.homonym) == ("person:doe", "people/doe.md", "Doe", "")
    assert articles_of(doe) == {"a", "b", "c"}
    assert doe.aliases == ()


def test_a_page_name_from_an_article_title_stays_text(tmp_path: Path) -> None:
    hostile = "[x](javascript:alert(1)) <b>bold</b> *"
    bodies = {"a": "Doe waved.\n", "b": "Doe left.\n"}
    entities = corpus_entities(tmp_path, bodies, titles={"a": f"'{hostile}'", "b": "Parade"})
    # every entity a page (each Doe is named once, which the default budget gives no page)
    options = Options(cache_dir=None, page_budget=PageBudget(articles=1))
    kb = build_knowledge([tmp_path], options, ruler_pipeline(PATTERNS))
    named = f"Doe ({hostile})"
    assert named in {e.name for e in entities}
    pages = render_site(kb) | dict(render_review(review_items(kb)))
    for page in (kb.entities[0].page, "review.md", "people/index.md"):
        body = pages[page].split("---\n", 2)[2]
        assert named in " ".join(visible_text(body).split()), page
        assert "javascript:" not in markdown.markdown(body).replace(html.escape(hostile), "")
    for person in kb.entities:  # searching the shared name finds each page (its tags)
        assert yaml.safe_load(pages[person.page].split("---\n", 2)[1])["tags"][1:] == ["Doe"]


def test_a_join_through_a_third_article_never_brings_two_genders_together(
    tmp_path: Path, nlp: Language
) -> None:
    # n (no honorific) shares Huaxia Bank with k ("Mr.") and Tianjin with m ("Ms."): it
    # joins one of them, and the other stays apart.
    bodies = {
        "k": BANKER_WANG,
        "n": "Director Wang said Huaxia Bank would close its branch in Tianjin.\n",
        "m": "Ms. Wang said the port of Tianjin reopened on Monday.\n",
    }
    found = people(corpus_entities(tmp_path, bodies, nlp))
    assert sorted(sorted(articles_of(person)) for person in found.values()) == [
        ["k", "n"],
        ["m"],
    ]


def test_many_people_of_one_name_are_not_compared_pairwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []

    def counted(short: str, long: str) -> bool:
        calls.append((short, long))
        return is_part_of(short, long)

    monkeypatch.setattr(merge, "is_part_of", counted)
    # distinct texts: copies of one text would be one article (sitegen.ingest.duplicates)
    bodies = {f"a{number:03}": f"Doe waved to {number} people.\n" for number in range(150)}
    found = people(corpus_entities(tmp_path, bodies | {"z": "Jane Doe spoke.\n"}))
    assert len(found) == 151
    assert len(calls) <= 150  # each "Doe" against "Jane Doe", not against each other


def test_organization_written_with_a_plural_head_elsewhere_is_one(tmp_path: Path) -> None:
    patterns = [
        {"label": "ORG", "pattern": "Quorvane Motors Co."},
        {"label": "ORG", "pattern": "Quorvane Motor Company"},
        {"label": "PERSON", "pattern": "Ann Zeltrixes"},
        {"label": "PERSON", "pattern": "Ann Zeltrixe"},
    ]
    bodies = {
        "a": "Quorvane Motors Co. hired Ann Zeltrixes.\n",
        "b": "Quorvane Motor Company fired Ann Zeltrixe.\n",
    }
    found = resolve_corpus(tmp_path, bodies, ruler_pipeline(patterns))
    (company,) = [e for e in found.values() if e.kind == "organization"]
    assert len(company.mentions) == 2
    assert {"Ann Zeltrixes", "Ann Zeltrixe"} <= set(found)  # people's names are not singularized


def test_british_and_american_spellings_of_a_name_are_one(tmp_path: Path) -> None:
    british = ("Quorvane Defence Organisation", "Zeltra Centre")
    american = ("Quorvane Defense Organization", "Zeltra Center Group")
    patterns = [{"label": "ORG", "pattern": name} for name in british + american]
    bodies = {"a": " and ".join(british) + " met.\n", "b": " and ".join(american) + " met.\n"}
    found = resolve_corpus(tmp_path, bodies, ruler_pipeline(patterns))
    mentions = sorted(len(entity.mentions) for entity in found.values())
    assert mentions == [1, 1, 2]  # the Centre and the Center Group stay two


def test_a_short_name_joins_the_longer_one_that_says_it_is_the_organization(
    tmp_path: Path,
) -> None:
    """ "Quorvane" alone in one article, "Quorvane Motor Company" and "Quorvane Freedonia" (a
    branch) in others: it is the company. "Government" alone joins none of "Freedonia
    Government" and "Government Accountability Office"."""
    names = [
        "Quorvane Motor Company",
        "Quorvane Freedonia",
        "Quorvane",
        "Government",
        "Freedonia Government",
        "Government Accountability Office",
    ]
    patterns = [{"label": "ORG", "pattern": name} for name in names]
    bodies = {
        "a": "Quorvane Motor Company grew. Freedonia Government spoke.\n",
        "b": "Quorvane Freedonia shrank. Government Accountability Office spoke.\n",
        "c": "Quorvane hired staff. Government spoke.\n",
    }
    found = resolve_corpus(tmp_path, bodies, ruler_pipeline(patterns))
    assert articles_of(found["Quorvane Motor Company"]) == {"a", "c"}
    assert articles_of(found["Quorvane Freedonia"]) == {"b"}
    assert articles_of(found["Government Accountability Office"]) == {"b"}


# Under serve (ACROSS_BUILDS) the evidence is kept article by article, and a split of one
# name is kept while the evidence of its articles stays the same.


def _named(article: str, *keys: str) -> list[Cluster]:
    """One article's clusters: a person's group for each key, one mention each."""
    clusters = []
    for slot, key in enumerate(keys):
        group = Group(key, article, [Mention(slot * 20, slot * 20 + len(key), key, "PERSON", 0)])
        group.vote("test", "person")
        clusters.append(Cluster([group]))
    return clusters


def _same_context(kept: CorpusContext, fresh: CorpusContext) -> None:
    assert kept.keys_of == fresh.keys_of
    assert dict(kept.articles_of) == {
        key: found for key, found in fresh.articles_of.items() if found
    }
    assert kept.spans == fresh.spans and kept.starts == fresh.starts
    assert kept.common_above == fresh.common_above


def test_kept_corpus_context_follows_articles_and_stamps_what_changed(monkeypatch: Any) -> None:
    """The kept context is the one indexed afresh after edits, removals and returns; an
    edit stamps its article, and the articles of an entity that turns common (here: named
    in two articles), not the others."""
    monkeypatch.setattr(evidence, "MIN_COMMON_ARTICLES", 1)
    monkeypatch.setattr(evidence, "COMMON_SHARE", 0.01)
    monkeypatch.setattr(ACROSS_BUILDS, "on", True)
    a, b, c = _named("a", "henan", "wang"), _named("b", "huaxia bank"), _named("c", "paris")
    b_edited = _named("b", "huaxia bank", "henan")
    kept = evidence.KeptCorpusContext()
    stamps = []
    for clusters in ([*a, *b, *c], [*a, *b, *c], [*a, *b_edited, *c], [*a, *c], [*a, *b, *c]):
        context = kept.of(clusters)
        _same_context(context, CorpusContext(clusters))
        stamps.append({article: context.last_change([article]) for article in "abc"})
    assert stamps[1] == stamps[0]  # nothing changed
    assert stamps[2]["b"] > stamps[1]["b"] and stamps[2]["a"] > stamps[1]["a"]  # henan: common
    assert stamps[2]["c"] == stamps[1]["c"]
    assert stamps[3]["a"] > stamps[2]["a"]  # henan: telling again, b gone
    assert stamps[3]["c"] == stamps[1]["c"]
    monkeypatch.setattr(ACROSS_BUILDS, "on", False)
    assert kept.of([*a, *b, *c]) is not kept.context  # a one-off build indexes afresh


def test_a_kept_split_of_one_name_is_the_fresh_split_after_edits(
    tmp_path: Path, nlp: Language, monkeypatch: Any
) -> None:
    """Each article's clusters worked out once and shared by the builds (as serve's
    per-article caches share them): the merge under ``ACROSS_BUILDS`` gives the entities a
    fresh merge gives after each edit, works out again the split of "Wang" only when the
    evidence of its articles changed (an entity they share turned common), and keeps it when
    another article changed otherwise."""
    monkeypatch.setattr(evidence, "MIN_COMMON_ARTICLES", 2)  # Henan: telling in two articles
    bodies = {
        "f": FARMER_WANG,
        "k": BANKER_WANG + "Mr. Wang grew up in Henan.\n",
        "o": "Jane Doe visited Ohio.\n",
    }
    edits = [
        {},
        {"o": "Jane Doe visited Ohio and Acme Mills.\n"},  # not Wang's articles
        {"o": "Jane Doe visited Henan.\n"},  # Henan is common now: two people called Wang
    ]
    monkeypatch.setattr(merge, "_SPLITS", merge.KeptByIdentity())
    monkeypatch.setattr(merge, "_SAME_NAME_CONTEXT", evidence.KeptCorpusContext())
    monkeypatch.setattr(merge, "_PARTIAL_NAMES_CONTEXT", evidence.KeptCorpusContext())
    splits = []
    real = merge._evidence_parts
    monkeypatch.setattr(merge, "_evidence_parts", lambda *a: splits.append(1) or real(*a))
    per_article: dict[str, list[Cluster]] = {}
    for round_, edit in enumerate(edits):
        bodies.update(edit)
        for name, body in bodies.items():
            write(tmp_path / f"{name}.txt", body)
            write(tmp_path / f"{name}.yml", "published: 2026-01-13\n")
        articles = read_articles([tmp_path])
        analyses = analyze(articles, nlp)
        for article in articles:
            if round_ == 0 or article.id in edit:
                per_article[article.id] = article_clusters(article, analyses[article.id])

        def merged(across: bool) -> list[tuple[str | None, str, list[tuple[str, str]]]]:
            monkeypatch.setattr(ACROSS_BUILDS, "on", across)
            clusters = [c.copy() for found in per_article.values() for c in found]
            return sorted(
                (c.kind, c.name, sorted((g.article, g.key) for g in c.groups))
                for c in merge.merge_across_articles(clusters)
            )

        splits.clear()
        kept = merged(True)
        assert len(splits) == (0 if round_ == 1 else 1), round_
        assert kept == merged(False), round_
        wang = [groups for _, name, groups in kept if name == "Wang"]
        assert len(wang) == (2 if round_ == 2 else 1), wang
