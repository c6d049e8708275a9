"""Kind rules: name shapes, product spellings, common words, cross-kind name parts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from sitegen.ingest import read_articles
from sitegen.lexicon import is_given_name
from sitegen.nlp.analyze import analyze
from sitegen.resolve import resolve_entities
from sitegen.resolve.clusters import Group
from sitegen.resolve.gazetteer import canonical_key
from sitegen.resolve.kinds import _break_tie, shape_vote
from sitegen.resolve.variants import is_one_typo_apart
from tests.helpers import entities_of, kinds_of, ruler_pipeline, write

PATTERNS = [
    {"label": "GPE", "pattern": "Freedonia"},
    {"label": "ORG", "pattern": "zPhone"},
    {"label": "PERSON", "pattern": "Laura Benton"},
    {"label": "ORG", "pattern": "Benton"},
    {"label": "ORG", "pattern": "Harbor"},
    {"label": "ORG", "pattern": "Summer Lights Festival"},
    {"label": "PERSON", "pattern": "Nightjars"},
    {"label": "ORG", "pattern": "Kestrel Castle Road"},
]


def kinds(tmp_path: Path, body: str) -> dict[str, str]:
    write(tmp_path / "x.txt", body)
    write(tmp_path / "x.yml", "published: 2026-01-13\n")
    articles = read_articles([tmp_path])
    analyses = analyze(articles, ruler_pipeline(PATTERNS))
    return {entity.name: entity.kind for entity in resolve_entities(articles, analyses)}


def test_place_followed_by_an_organization_word_is_one_organization(tmp_path: Path) -> None:
    assert kinds(tmp_path, "Freedonia Airways flew there.\n") == {
        "Freedonia Airways": "organization"
    }


def test_products_and_events_get_no_page(tmp_path: Path) -> None:
    body = "The zPhone sold well at the Summer Lights Festival in Freedonia.\n"
    assert kinds(tmp_path, body) == {"Freedonia": "place"}


def test_event_or_law_word_before_of_gets_no_page(tmp_path: Path) -> None:
    patterns = [
        {"label": "ORG", "pattern": "Winter Carnival of Quellford"},
        {"label": "ORG", "pattern": "Conference of Quellford Bishops"},
        {"label": "ORG", "pattern": "Bank of Quellford"},
    ]
    body = "The Winter Carnival of Quellford opened.\nThe Conference of Quellford Bishops and "
    body += "the Bank of Quellford sponsored it.\n"
    found = kinds_of(tmp_path, body, patterns)
    assert found == {
        "Conference of Quellford Bishops": "organization",
        "Bank of Quellford": "organization",
    }


def test_name_shape_decides_the_kind(tmp_path: Path) -> None:
    assert kinds(tmp_path, "They met on Kestrel Castle Road.\n") == {"Kestrel Castle Road": "place"}


@pytest.mark.parametrize(
    ("name", "vote"),
    [
        ("Arkham VR", "other"),  # a game's edition, tagged a person
        ("Quorvane Pro", "other"),
        ("Quorvane XP", "other"),  # "Windows XP", tagged a place
        ("Zeltrix Remastered", "other"),
        ("Korean Air", None),  # an airline
        ("Times Online", None),
        ("Kestrel Castle Road", "place"),
        ("Quorvane Cave", "place"),  # a cave, a dam, a zoo: places, whatever spaCy tags
        ("Strait of Zeltra", "place"),
        ("Zeltra Art Gallery", "place"),  # as museums are
        ("Quorvane Factory", "place"),
        ("Quorvane Hill", None),  # a family name too
    ],
)
def test_last_word_votes_for_a_kind(name: str, vote: str | None) -> None:
    assert shape_vote(name) == vote


def test_word_of_a_full_name_joins_the_person_across_labels(tmp_path: Path) -> None:
    found = kinds(tmp_path, "Laura Benton spoke.\nLater Benton left.\n")
    assert found == {"Laura Benton": "person"}


def test_common_word_capitalized_is_not_a_name(tmp_path: Path) -> None:
    body = "Harbor was busy.\nThe harbor was full and the old harbor was quiet.\n"
    assert kinds(tmp_path, body) == {}


def test_plural_name_after_the_is_not_a_person(tmp_path: Path) -> None:
    assert kinds(tmp_path, "The Nightjars played last night.\n") == {"Nightjars": "organization"}


def test_plural_of_a_family_name_after_the_is_the_family(tmp_path: Path) -> None:
    """ "the Quellbys" after "Thomas Quellby" are his family, people; "the Nightjars", no
    one's family name, stay a band."""
    patterns = [
        {"label": "PERSON", "pattern": "Thomas Quellby"},
        {"label": "ORG", "pattern": "Quellbys"},
        {"label": "ORG", "pattern": "Nightjars"},
    ]
    body = "Thomas Quellby was ill. The Quellbys refused treatment. The Nightjars played.\n"
    assert kinds_of(tmp_path, body, patterns) == {
        "Thomas Quellby": "person",
        "Quellbys": "person",
        "Nightjars": "organization",
    }


def test_corporate_suffix_does_not_split_a_company_across_articles(tmp_path: Path) -> None:
    patterns = [{"label": "ORG", "pattern": "Acme Inc."}, {"label": "ORG", "pattern": "Acme"}]
    write(tmp_path / "a.txt", "Acme Inc. grew.\n")
    write(tmp_path / "b.txt", "Acme shrank.\n")
    articles = read_articles([tmp_path])
    entities = resolve_entities(articles, analyze(articles, ruler_pipeline(patterns)))
    assert [(entity.name, len(entity.mentions)) for entity in entities] == [("Acme Inc", 2)]


def test_title_word_inside_an_organization_name_stays_in_it(tmp_path: Path) -> None:
    patterns = [{"label": "ORG", "pattern": "General Motors"}]
    write(tmp_path / "x.txt", "General Motors cut jobs. General Motors said so.\n")
    articles = read_articles([tmp_path])
    entities = resolve_entities(articles, analyze(articles, ruler_pipeline(patterns)))
    assert [(e.name, e.kind, e.aliases) for e in entities] == [
        ("General Motors", "organization", ())
    ]


def test_buildings_and_sites_are_places(tmp_path: Path) -> None:
    patterns = [
        {"label": "ORG", "pattern": "Kestrel Science Center"},
        {"label": "ORG", "pattern": "Museum of Lanterns"},
        {"label": "ORG", "pattern": "Bank of Freedonia"},
    ]
    body = (
        "The Kestrel Science Center opened beside the Museum of Lanterns. "
        "The Bank of Freedonia paid.\n"
    )
    write(tmp_path / "x.txt", body)
    articles = read_articles([tmp_path])
    entities = resolve_entities(articles, analyze(articles, ruler_pipeline(patterns)))
    assert {e.name: e.kind for e in entities} == {
        "Kestrel Science Center": "place",
        "Museum of Lanterns": "place",
        "Bank of Freedonia": "organization",
    }


def test_full_name_with_a_common_given_name_is_a_person(tmp_path: Path) -> None:
    patterns = [
        {"label": "ORG", "pattern": "Annie Quellford"},
        {"label": "GPE", "pattern": "Virginia Hollow"},
        {"label": "ORG", "pattern": "Royal Quell Force"},
    ]
    body = "Annie Quellford moved to Virginia Hollow and joined the Royal Quell Force.\n"
    assert kinds_of(tmp_path, body, patterns) == {
        "Annie Quellford": "person",
        "Virginia Hollow": "place",
        "Royal Quell Force": "organization",
    }


def test_given_names_come_from_the_census_lists() -> None:
    assert is_given_name("Annie") and is_given_name("paul")
    assert not is_given_name("Motors") and not is_given_name("China")


def test_spelling_variant_joins_the_usual_spelling(tmp_path: Path) -> None:
    patterns = [{"label": "ORG", "pattern": "Quellford"}, {"label": "ORG", "pattern": "Quelflord"}]
    write(tmp_path / "x.txt", "Quellford grew. Quellford hired. Quelflord paid.\n")
    articles = read_articles([tmp_path])
    entities = resolve_entities(articles, analyze(articles, ruler_pipeline(patterns)))
    assert [(e.name, len(e.mentions)) for e in entities] == [("Quellford", 3)]


def test_a_family_name_misspelt_once_joins_the_full_name(tmp_path: Path) -> None:
    """ "Bauchtman" beside "Lydia Buchtmann" (a source's misspelling) is her, and so is
    "Mauer" beside "K.C. Maurer" (a letter left out); "Kristen" beside "Kristin Hawkes" is
    not (short names that differ by a changed letter are other names), nor a given name
    alone, "William" beside "Robin Williams"."""
    names = ("Lydia Buchtmann", "Bauchtman", "Kristin Hawkes", "Kristen", "K.C. Maurer", "Mauer")
    patterns = [{"label": "PERSON", "pattern": n} for n in (*names, "Robin Williams", "William")]
    body = (
        "Lydia Buchtmann spoke. Bauchtman left. Kristin Hawkes wrote. Kristen read. "
        "K.C. Maurer agreed. Mauer smiled. Robin Williams sang. William danced.\n"
    )
    found = {entity.name: len(entity.mentions) for entity in entities_of(tmp_path, body, patterns)}
    assert found == {
        "Lydia Buchtmann": 2,
        "Kristin Hawkes": 1,
        "Kristen": 1,
        "K.C. Maurer": 2,
        "Robin Williams": 1,
        "William": 1,
    }


def test_typo_distance_and_country_aliases() -> None:
    assert is_one_typo_apart("chrylser", "chrysler")
    assert is_one_typo_apart("untied nations", "united nations")
    assert is_one_typo_apart("kristen", "kristin") and is_one_typo_apart("antarctic", "antarctica")
    assert not is_one_typo_apart("austria", "australia")
    assert canonical_key("america") == "united states"
    assert canonical_key("us") == "united states" and canonical_key("uk") == "united kingdom"
    assert canonical_key("russian federation") == "russia"
    assert canonical_key("republic of korea") == canonical_key("korea, republic of")
    assert canonical_key("republic of korea") == "south korea"
    assert canonical_key("korea republic") == "south korea"  # as sport writes it
    assert canonical_key("czechia") == canonical_key("czech republic")
    assert canonical_key("viet nam") == "vietnam"
    assert canonical_key("quellford") == "quellford"


def test_other_names_of_a_country_are_one_place(tmp_path: Path) -> None:
    patterns = [
        {"label": "GPE", "pattern": "America"},
        {"label": "GPE", "pattern": "United States"},
        {"label": "GPE", "pattern": "US"},
    ]
    write(tmp_path / "x.txt", "America voted. The US counted. The United States decided.\n")
    write(tmp_path / "y.txt", "The US counted again.\n")  # "US" alone in another article
    write(tmp_path / "z.txt", "The University of Sheffield counted.\n")  # initials "US" too
    articles = read_articles([tmp_path])
    patterns.append({"label": "ORG", "pattern": "University of Sheffield"})
    entities = resolve_entities(articles, analyze(articles, ruler_pipeline(patterns)))
    found = sorted((e.kind, e.name, len(e.mentions)) for e in entities if e.kind == "place")
    assert found == [("place", "Sheffield", 1), ("place", "United States", 4)]


def test_a_country_is_not_an_organization_named_after_it(tmp_path: Path) -> None:
    """ "US" tagged an organization once among "United States" places gives the country one
    organization vote: it still does not join "United States Navy" (which would make a place
    page titled "United States Navy" that every article's United States then joins)."""
    labels = {"United States": "GPE", "US": "ORG", "United States Navy": "ORG"}
    patterns = [{"label": label, "pattern": name} for name, label in labels.items()]
    body = "To the United States. The United States let them in. US officials agreed. "
    body += "The United States Navy helped.\n"
    found = {(e.name, e.kind, len(e.mentions)) for e in entities_of(tmp_path, body, patterns)}
    assert ("United States Navy", "organization", 1) in found
    assert ("United States", "place", 4) in found


def test_standard_names_of_a_country_are_one_place(tmp_path: Path) -> None:
    """ISO 3166 names ("Russian Federation", "Republic of Korea") join the usual ones."""
    patterns = [
        {"label": "GPE", "pattern": name}
        for name in ("Russian Federation", "Russia", "Republic of Korea", "South Korea")
    ]
    body = "The Russian Federation voted. Russia won. South Korea lost. The Republic of Korea "
    body += "left.\n"
    found = {entity.name: len(entity.mentions) for entity in entities_of(tmp_path, body, patterns)}
    assert sorted(found.values()) == [2, 2]


def test_corpus_breaks_a_tie_between_two_labels(tmp_path: Path) -> None:
    """One article tags a name once PERSON and once ORG; other articles tag it ORG."""
    patterns = [{"label": "PERSON", "pattern": "Zeltrix"}, {"label": "ORG", "pattern": "ZELTRIX"}]
    write(tmp_path / "x.txt", "Zeltrix opened.\nZELTRIX closed.\n")
    write(tmp_path / "x.yml", "published: 2026-01-13\n")

    def kind_of_zeltrix() -> list[tuple[str, str]]:
        articles = read_articles([tmp_path])
        entities = resolve_entities(articles, analyze(articles, ruler_pipeline(patterns)))
        return [(entity.kind, entity.mentions[0].article) for entity in entities]

    assert kind_of_zeltrix() == [("person", "x")]  # alone: the tie goes to a person
    write(tmp_path / "y.txt", "ZELTRIX grew.\nZELTRIX hired.\n")
    assert [kind for kind, _ in kind_of_zeltrix()] == ["organization"]


def test_leading_word_tagged_person_follows_the_organization(tmp_path: Path) -> None:
    patterns = [
        {"label": "ORG", "pattern": "Quorvane Zeltrix"},
        {"label": "PERSON", "pattern": "Quorvane"},
    ]
    body = "Quorvane Zeltrix bought it.\nQuorvane paid.\nQuorvane won.\n"
    entities = entities_of(tmp_path, body, patterns)
    assert [(e.name, e.kind, len(e.mentions)) for e in entities] == [
        ("Quorvane Zeltrix", "organization", 3)
    ]


def test_company_name_words_outvote_a_person_label(tmp_path: Path) -> None:
    patterns = [{"label": "PERSON", "pattern": "Douglas Quorvane Aircraft"}]
    entities = entities_of(tmp_path, "Douglas Quorvane Aircraft built it.\n", patterns)
    assert [(e.name, e.kind) for e in entities] == [("Douglas Quorvane Aircraft", "organization")]


def test_nickname_of_the_given_name_is_the_same_person(tmp_path: Path) -> None:
    patterns = [
        {"label": "PERSON", "pattern": "Lawrence Quorvane"},
        {"label": "PERSON", "pattern": "Larry Quorvane"},
        {"label": "PERSON", "pattern": "Laura Quorvane"},
    ]
    body = "Lawrence Quorvane spoke.\nLarry Quorvane left.\nLaura Quorvane stayed.\n"
    entities = entities_of(tmp_path, body, patterns)
    assert sorted((e.name, len(e.mentions)) for e in entities) == [
        ("Laura Quorvane", 1),
        ("Lawrence Quorvane", 2),
    ]


def test_short_name_picks_the_longer_name_that_says_its_kind(tmp_path: Path) -> None:
    """ "Quorvane" with "Quorvane Motor Company" and the car "Quorvane Zeta" (tagged ORG) in
    one article joins the company, whose name says it is one."""
    patterns = [
        {"label": "ORG", "pattern": "Quorvane Motor Company"},
        {"label": "ORG", "pattern": "Quorvane Zeta"},
        {"label": "ORG", "pattern": "Quorvane"},
    ]
    body = "Quorvane Motor Company built the Quorvane Zeta.\nQuorvane sold it.\n"
    entities = entities_of(tmp_path, body, patterns)
    found = {e.name: len(e.mentions) for e in entities}
    assert found["Quorvane Motor Company"] == 2
    assert "Quorvane" not in found


def test_acronym_spelled_from_a_place_name_is_that_place(tmp_path: Path) -> None:
    patterns = [
        {"label": "FAC", "pattern": "Quorvane Space Center"},
        {"label": "ORG", "pattern": "QSC"},
    ]
    body = "Quorvane Space Center opened.\nAt QSC the crew trained.\n"
    found = [(e.name, e.kind, len(e.mentions)) for e in entities_of(tmp_path, body, patterns)]
    assert found == [("Quorvane Space Center", "place", 2)]


def test_two_letter_acronym_does_not_cross_kinds(tmp_path: Path) -> None:
    patterns = [
        {"label": "ORG", "pattern": "University of Quorvane"},
        {"label": "GPE", "pattern": "UQ"},
    ]
    body = "The University of Quorvane is in the UQ.\nThe UQ is large.\n"
    found = kinds_of(tmp_path, body, patterns)
    assert found == {"University of Quorvane": "organization", "UQ": "place"}


def test_first_word_tagged_organization_makes_the_full_name_one(tmp_path: Path) -> None:
    """ "Quorvane" (ORG) and "Quorvane Martin" (PERSON) in one article: an organization."""
    patterns = [
        {"label": "PERSON", "pattern": "Quorvane Martin"},
        {"label": "ORG", "pattern": "Quorvane"},
    ]
    body = "Quorvane Martin won the contract.\nQuorvane said so.\n"
    found = [(e.name, e.kind, len(e.mentions)) for e in entities_of(tmp_path, body, patterns)]
    assert found == [("Quorvane Martin", "organization", 2)]


def test_short_name_picks_the_longer_name_it_ends(tmp_path: Path) -> None:
    patterns = [
        {"label": "ORG", "pattern": "Church of Quorvane"},
        {"label": "ORG", "pattern": "Quorvane on Zeta"},
        {"label": "ORG", "pattern": "Quorvane"},
    ]
    body = "The Church of Quorvane sued.\nQuorvane on Zeta aired it.\nQuorvane lost.\n"
    found = {e.name: len(e.mentions) for e in entities_of(tmp_path, body, patterns)}
    assert found == {"Church of Quorvane": 2, "Quorvane on Zeta": 1}


def test_one_word_person_name_stays_ambiguous_between_two_people(tmp_path: Path) -> None:
    patterns = [
        {"label": "PERSON", "pattern": "Maya Quorvane"},
        {"label": "PERSON", "pattern": "Quorvane Li"},
        {"label": "PERSON", "pattern": "Quorvane"},
    ]
    body = "Maya Quorvane met Quorvane Li.\nQuorvane spoke.\n"
    found = {e.name: len(e.mentions) for e in entities_of(tmp_path, body, patterns)}
    assert found == {"Maya Quorvane": 1, "Quorvane Li": 1}


def test_letter_or_number_after_a_noun_leaves_the_noun_the_head(tmp_path: Path) -> None:
    """ "Group G" is a group, "Building 31" a building, "Quell Org" an organization, whatever
    spaCy's label."""
    patterns = [
        {"label": "GPE", "pattern": "Group G"},
        {"label": "ORG", "pattern": "Building 31"},
        {"label": "GPE", "pattern": "Quell Org"},
    ]
    body = "They topped Group G in the cup.\nThey met in Building 31 with the Quell Org.\n"
    found = kinds_of(tmp_path, body, patterns)
    assert found == {"Group G": "organization", "Building 31": "place", "Quell Org": "organization"}


def test_a_tie_of_place_and_organization_on_an_unknown_name_is_an_organization() -> None:
    """ "YouTube" tagged once GPE and once ORG, the corpus silent: an organization, as a
    one-word name spaCy tags a place without the gazetteer knowing it is; "Jordan", a
    country, stays a tie for the kinds' order to decide (a place)."""
    group = Group(key="zeltube", article="a", votes=Counter({"place": 1, "organization": 1}))
    _break_tie(group, Counter(), "Zeltube")
    assert group.votes == Counter({"place": 1, "organization": 2})
    assert group.ballots == Counter({("kind.tie-unknown-place-organization", "organization"): 1})
    group = Group(key="jordan", article="a", votes=Counter({"place": 1, "organization": 1}))
    _break_tie(group, Counter(), "Jordan")
    assert group.votes == Counter({"place": 1, "organization": 1})
    _break_tie(group, Counter({"place": 3}), "Zeltube")  # the corpus tells
    assert group.votes == Counter({"place": 2, "organization": 1})


def test_an_organizations_name_inside_a_things_name_names_the_thing(tmp_path: Path) -> None:
    """ "the Quorvane Iodine Nutrition study" after "the Australian Quorvane Iodine Nutrition
    Study": the name tagged an organization names the study, no page. A maker's name first
    in a thing's ("Zeltra Computer Expo") stays the maker's."""
    patterns = [
        {"label": "ORG", "pattern": "Australian Quorvane Iodine Nutrition Study"},
        {"label": "ORG", "pattern": "Quorvane Iodine Nutrition"},
        {"label": "ORG", "pattern": "Zeltra Computer Expo"},
        {"label": "ORG", "pattern": "Zeltra Computer"},
    ]
    body = (
        "The Australian Quorvane Iodine Nutrition Study was published. The director of the "
        "Quorvane Iodine Nutrition study spoke.\n\nThe Zeltra Computer Expo opened. Zeltra "
        "Computer sold more.\n"
    )
    found = kinds_of(tmp_path, body, patterns)
    assert found == {"Zeltra Computer": "organization"}


def test_a_thing_label_gives_way_to_an_organizations_or_places_last_word(
    tmp_path: Path,
) -> None:
    """spaCy tags "the Sydney Morning Herald" an event: its last word makes it a newspaper's
    name, an organization; "Zeltra Stadium" a place; a name without such a word keeps its
    label's verdict (no page)."""
    patterns = [
        {"label": "EVENT", "pattern": "Quorvane Morning Herald"},
        {"label": "WORK_OF_ART", "pattern": "Zeltra Stadium"},
        {"label": "EVENT", "pattern": "Zeltra Jubilee"},
        {"label": "PRODUCT", "pattern": "Quorvane Blue"},
    ]
    body = (
        "The Quorvane Morning Herald reported that the Zeltra Jubilee opened at Zeltra Stadium. "
        "Quorvane Blue sold well.\n"
    )
    found = kinds_of(tmp_path, body, patterns)
    assert found == {"Quorvane Morning Herald": "organization", "Zeltra Stadium": "place"}


def test_a_union_of_states_is_a_place(tmp_path: Path) -> None:
    """ "The EU made the decision": a union of states is filed with the countries, as a
    place, though spaCy tags it an organization; the Commission stays an organization."""
    patterns = [
        {"label": "ORG", "pattern": "European Union"},
        {"label": "ORG", "pattern": "EU"},
        {"label": "ORG", "pattern": "European Commission"},
    ]
    body = (
        "The European Union (EU) banned the airlines. The EU made the decision after the "
        "European Commission asked for it.\n"
    )
    found = kinds_of(tmp_path, body, patterns)
    assert found == {"European Union": "place", "European Commission": "organization"}
