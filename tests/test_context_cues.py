"""Kind votes from the words around a name (``Mention.cue``), on made-up sentences."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from spacy.language import Language

from sitegen.ingest import read_articles
from sitegen.lexicon import is_title
from sitegen.model import UNLABELLED_NAME, Mention
from sitegen.nlp.analyze import analyze
from sitegen.nlp.cues import context_cue
from sitegen.nlp.dictionary import dictionary_words
from sitegen.nlp.mentions import unlabelled_names
from sitegen.nlp.pipeline import load_pipeline
from sitegen.resolve import resolve_entities
from tests.helpers import cue, entities_of, parsed_kinds, ruler_pipeline, write
from tests.helpers import kinds_of as kinds


def test_product_nouns_and_versions_vote_for_a_product(nlp: Language) -> None:
    assert cue(nlp, "Many people use the browser Zeltrix at work.", "Zeltrix") == "other"
    assert cue(nlp, "The Zeltrix web browser crashed twice.", "Zeltrix") == "other"
    assert cue(nlp, "She installed Zeltrix 2.0 yesterday.", "Zeltrix") == "other"
    assert cue(nlp, "They tested version 3 of Zeltrix last week.", "Zeltrix") == "other"
    assert cue(nlp, "Quorvane launched Zeltrix in May.", "Zeltrix") == "other"


def test_makers_and_plain_names_get_no_product_vote(nlp: Language) -> None:
    assert cue(nlp, "Quorvane aircraft are built in Ohio.", "Quorvane") == ""
    assert cue(nlp, "Quorvane hired 2,000 workers in 2010.", "Quorvane") == ""


def test_name_in_product_context_gets_no_page(tmp_path: Path) -> None:
    patterns = [{"label": "ORG", "pattern": "Zeltrix"}, {"label": "GPE", "pattern": "Freedonia"}]
    body = "Users in Freedonia prefer the browser Zeltrix.\n"
    assert kinds(tmp_path, body, patterns) == {"Freedonia": "place"}


def test_product_label_elsewhere_in_the_corpus_votes_against_a_page(tmp_path: Path) -> None:
    patterns = [
        {"label": "PRODUCT", "pattern": "ZELTRIX"},
        {"label": "ORG", "pattern": "Zeltrix"},
    ]
    write(tmp_path / "a.txt", "ZELTRIX sold well.\n")
    assert kinds(tmp_path, "Zeltrix was everywhere.\n", patterns) == {}


def test_portfolio_words_of_titles_are_no_organizations(nlp: Language) -> None:
    text = "The Home Secretary met the Secretary of State and the Minister for Fisheries."
    assert cue(nlp, text, "Home") == "portfolio"
    assert cue(nlp, text, "State") == "portfolio"
    assert cue(nlp, text, "Fisheries") == "portfolio"
    assert cue(nlp, "The Quellford Ministry said no.", "Quellford Ministry") == ""


def test_where_a_verb_of_travel_goes_is_a_place(nlp: Language) -> None:
    """ "travel from Zeta", "flew to Zeta" vote place; "moved to Zeta", said of jobs, does
    not."""
    text = "The team had to travel 500 miles from Quellford to the capital."
    assert cue(nlp, text, "Quellford") == "place"
    assert cue(nlp, "She flew to Quellford on Monday.", "Quellford", "PERSON") == "place"
    assert cue(nlp, "He moved to Quellford in 2005.", "Quellford") == ""
    assert cue(nlp, "She flew to Anna Quellford on Monday.", "Anna Quellford", "PERSON") == ""


def test_age_in_apposition_votes_for_a_person(nlp: Language) -> None:
    assert cue(nlp, "Quellford, 45, was arrested on Monday.", "Quellford") == "person"
    assert cue(nlp, "Quellford, 2010, was a good year.", "Quellford") == ""


def test_age_turns_an_organization_label_into_a_person(tmp_path: Path) -> None:
    patterns = [{"label": "ORG", "pattern": "Quellford"}]
    assert kinds(tmp_path, "Quellford, 45, was arrested.\n", patterns) == {"Quellford": "person"}


def test_occupation_or_kind_of_organization_before_a_name(nlp: Language) -> None:
    text = "The show was hosted by fashion designer Quellford in Rome."
    assert cue(nlp, text, "Quellford") == "person"
    text = "In the 54th minute the shot was saved by goalkeeper Anna Quellford."
    assert cue(nlp, text, "Anna Quellford") == "person"
    text = "Sales at electronics retailer Quellford Stores fell by a third."
    assert cue(nlp, text, "Quellford Stores") == "organization"
    text = "German magazine Quellford cited confidential documents on Sunday."
    assert cue(nlp, text, "Quellford") == "organization"
    # No descriptor: a plain name, a capitalized word before it, a verb or a preposition.
    assert cue(nlp, "Quellford cited confidential documents.", "Quellford") == ""
    assert cue(nlp, "Reporters asked Quellford about it.", "Quellford") == ""
    assert cue(nlp, "The Designer Quellford Awards were given.", "Quellford") == ""


def test_subject_of_is_an_occupation_votes_for_a_person(nlp: Language) -> None:
    text = "Anna Quellford is an Israeli mathematician and writer born in 1958."
    assert cue(nlp, text, "Anna Quellford") == "person"
    assert cue(nlp, "Quellford is a city in Freedonia.", "Quellford") == ""
    assert cue(nlp, "Quellford Corp is a maker of chips.", "Quellford Corp") == ""


def test_subject_of_is_a_person_noun_votes_for_a_person(nlp: Language) -> None:
    text = "By the way, QVRN was the first guy I know of to do something like this."
    assert cue(nlp, text, "QVRN", "GPE") == "person"
    assert cue(nlp, "Quellford is the largest town I know of.", "Quellford", "GPE") == ""


def test_occupation_turns_a_place_label_into_a_person(tmp_path: Path) -> None:
    patterns = [{"label": "GPE", "pattern": "Quellford"}]
    body = "The party was hosted by fashion designer Quellford.\n\nQuellford left early.\n"
    assert parsed_kinds(tmp_path, body, patterns) == {"Quellford": "person"}
    body = "The party was hosted by Quellford.\n\nQuellford left early.\n"
    assert parsed_kinds(tmp_path, body, patterns)["Quellford"] != "person"


def test_kind_of_organization_turns_a_person_label_into_an_organization(tmp_path: Path) -> None:
    patterns = [{"label": "PERSON", "pattern": "Quellford"}]
    body = "Sales at retailer Quellford fell.\n\nQuellford said sales would recover.\n"
    assert parsed_kinds(tmp_path, body, patterns) == {"Quellford": "organization"}


def test_office_title_after_an_organization_name_is_not_part_of_it(tmp_path: Path) -> None:
    patterns = [{"label": "ORG", "pattern": "Quell Department Spokesperson"}]
    body = "Quell Department Spokesperson Ann Vole spoke.\n"
    assert kinds(tmp_path, body, patterns) == {"Quell Department": "organization"}


def test_untagged_proper_nouns_leave_out_titles_and_entities(nlp: Language) -> None:
    doc = nlp("Yesterday President Zorbulax visited Quellington with Harriet Vole.")
    spans = list(unlabelled_names(doc))
    assert all(span.label_ == UNLABELLED_NAME for span in spans)
    assert all(not token.ent_type_ and not is_title(token.text) for s in spans for token in s)


def test_name_the_corpus_tags_elsewhere_is_found_where_spacy_missed_it(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Quellnews reported it.\nLater Quellnews said more.\n")
    write(tmp_path / "b.txt", "Readers of Quellnews and Vorpal wrote in.\n")
    articles = read_articles([tmp_path])
    a, b = sorted(articles, key=lambda article: article.id)
    analyses = analyze([a], ruler_pipeline([{"label": "ORG", "pattern": "Quellnews"}]))
    untagged = [
        Mention(b.text.index(name), b.text.index(name) + len(name), name, UNLABELLED_NAME, 0)
        for name in ("Quellnews", "Vorpal")
    ]
    analyses[b.id] = replace(analyze([b], ruler_pipeline([]))[b.id], mentions=tuple(untagged))
    found = {e.name: {m.article for m in e.mentions} for e in resolve_entities(articles, analyses)}
    assert found == {"Quellnews": {a.id, b.id}}  # "Vorpal" is tagged nowhere: no page


def test_time_zone_after_a_clock_time_is_no_organization(nlp: Language) -> None:
    assert cue(nlp, "The site was back as of 15:11 ZQT on Monday.", "ZQT") == "other"
    assert cue(nlp, "The market closed at 4 p.m. ZQT yesterday.", "ZQT") == "other"
    assert cue(nlp, "At 15:11 the ZQT said it would act.", "ZQT") == ""


def test_market_index_that_moves_is_no_organization(nlp: Language) -> None:
    assert cue(nlp, "The Quorvane fell 2.6% on Monday.", "Quorvane") == "other"
    assert cue(nlp, "The Quorvane was down 120 points at noon.", "Quorvane") == "other"
    assert cue(nlp, "The Quorvane index has fallen by 3 percent.", "Quorvane") == "other"
    assert cue(nlp, "The main index, the Quorvane 100, rose.", "Quorvane") == "other"
    # a company whose sales move is still a company; "the UK index" is not about "UK"
    assert cue(nlp, "Quorvane said its sales rose 5% in the quarter.", "Quorvane") == ""
    assert cue(nlp, "Shares fell on the primary Freedonia index today.", "Freedonia") == ""


def test_number_after_a_name_is_part_of_the_index_that_moves(nlp: Language) -> None:
    text = "The Dow fell 2%, while the Quorvane & Zeltra's 500 plunged by 30.27 points."
    assert cue(nlp, text, "Quorvane & Zeltra") == "other"
    assert cue(nlp, "In Tokyo the Zeltra 225 fell 2% on Monday.", "Zeltra") == "other"
    # a company's number of workers is not an index
    assert cue(nlp, "Zeltra's 500 workers saw profits fall 2%.", "Zeltra") == ""


def test_portfolio_cue_stays_in_its_article(tmp_path: Path) -> None:
    """ "Secretary of State" elsewhere does not make "the State" of another article a
    non-entity (only product-like cues count across the corpus)."""
    patterns = [{"label": "ORG", "pattern": "State"}]
    write(tmp_path / "a.txt", "The Secretary of State said so.\n")
    body = "The State sued the company.\n"
    assert kinds(tmp_path, body, patterns) == {"State": "organization"}


def test_portfolio_word_joins_no_organization_of_its_article(tmp_path: Path) -> None:
    """ "Defense" of "Deputy Defense Secretary" is no mention: it does not join the one
    longer name of the article that holds the word."""
    patterns = [{"label": "ORG", "pattern": w} for w in ("Defense", "Zeltra Defense Systems")]
    body = "Zeltra Defense Systems won. Deputy Defense Secretary Quellford spoke.\n"
    found = {
        entity.name: sorted(m.text for m in entity.mentions)
        for entity in entities_of(tmp_path, body, patterns)
    }
    assert found == {"Zeltra Defense Systems": ["Zeltra Defense Systems"]}


def test_place_next_to_a_place_or_after_town_of(nlp: Language) -> None:
    assert cue(nlp, "The gallery is in Quellford, Indiana, near the river.", "Quellford") == "place"
    assert cue(nlp, "Shells hit the town of Quellford on Monday.", "Quellford") == "place"
    text = "Quellford, a small town near the border, was quiet."
    assert cue(nlp, text, "Quellford", "GPE") == "place"
    text = "Quellford, a retailer near the border, was quiet."
    assert cue(nlp, text, "Quellford", "GPE") == ""
    # "Canada's" is a possessive, not a place of the name before it
    assert cue(nlp, "Quellford, Canada's largest bank, said no.", "Quellford") == ""
    # an appositive person after a place is no place
    text = "Canada arrested, in Vancouver, Meng Wanzhou, a top executive."
    assert context_cue(nlp(text), 6, 8, "PERSON") == ""


def test_caption_credit_word_is_cut_from_the_name(tmp_path: Path) -> None:
    patterns = [{"label": "FAC", "pattern": "Quellford Space Station Image"}]
    body = "A view of Quellford Space Station Image: Agency archive.\nQuellford Space Station.\n"
    assert kinds(tmp_path, body, patterns) == {"Quellford Space Station": "place"}


def test_currency_code_or_unit_next_to_an_amount_is_no_organization(nlp: Language) -> None:
    assert cue(nlp, "The deal was worth ZQD 23 billion in all.", "ZQD") == "other"
    assert cue(nlp, "They will cost $249 ZQD each.", "ZQD") == "other"
    assert cue(nlp, "The ZQD said on Monday it would appeal.", "ZQD") == ""
    assert cue(nlp, "It comes in a 30 ZQ edition.", "ZQ") == "other"  # a unit ("30 GB")
    assert cue(nlp, "Officials said 2 US soldiers were hurt.", "US", "GPE") == ""


def _without_ner(tmp_path: Path, body: str, patterns: list[dict]) -> tuple[list, dict]:
    """One article ``body`` analyzed by the real tagger and parser, with an entity ruler of
    ``patterns`` instead of spaCy's recognizer: every other name is left untagged."""
    pipeline = load_pipeline()
    pipeline.remove_pipe("ner")
    ruler = pipeline.add_pipe("entity_ruler")
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    write(tmp_path / "x.txt", body)
    write(tmp_path / "x.yml", "published: 2026-01-13\n")
    articles = read_articles([tmp_path])
    return articles, analyze(articles, pipeline)


def test_untagged_full_name_the_words_call_a_person_is_a_person(tmp_path: Path) -> None:
    body = "Anna Quellford is a writer from Freedonia.\n\nBen Quellford lives in Freedonia.\n"
    patterns = [{"label": "GPE", "pattern": "Freedonia"}]
    articles, analyses = _without_ner(tmp_path, body, patterns)
    mentions = analyses[articles[0].id].mentions
    untagged = {mention.text for mention in mentions if mention.label == UNLABELLED_NAME}
    assert {"Anna Quellford", "Ben Quellford"} <= untagged
    found = {entity.name: entity.kind for entity in resolve_entities(articles, analyses)}
    assert found == {"Anna Quellford": "person", "Freedonia": "place"}


def test_untagged_family_name_of_a_tagged_full_name_is_the_person(tmp_path: Path) -> None:
    """spaCy often leaves a family name first in a sentence untagged ("Rathbun wrote, ..."):
    after the full name tagged a person, it is a mention of that person. Alone, an untagged
    word makes no page ("Zorblat said")."""
    body = "Mark Quellby runs a blog.\n\nQuellby wrote that the case was weak. Zorblat agreed.\n"
    patterns = [{"label": "PERSON", "pattern": "Mark Quellby"}]
    articles, analyses = _without_ner(tmp_path, body, patterns)
    found = {e.name: len(e.mentions) for e in resolve_entities(articles, analyses)}
    assert found == {"Mark Quellby": 2}


def test_unknown_word_tagged_a_place_with_nothing_else_is_an_organization(tmp_path: Path) -> None:
    """spaCy's GPE label alone, on a word no gazetteer knows, makes no place; the words around
    it ("a town"), a preposition of place or the gazetteer keep it one."""
    patterns = [{"label": "GPE", "pattern": name} for name in ("Quellford", "Herat", "Rebecca")]
    body = "Quellford tracks visitors to websites.\n"
    assert parsed_kinds(tmp_path, body, patterns) == {"Quellford": "organization"}
    body = "Quellford, a small town near the border, was quiet.\n"
    assert parsed_kinds(tmp_path, body, patterns) == {"Quellford": "place"}
    body = "Fighting went on in Quellford.\n"
    assert parsed_kinds(tmp_path, body, patterns) == {"Quellford": "place"}
    body = "Ferries crossed the Quellford on Monday.\n"  # a sea, a region: "the Channel"
    assert parsed_kinds(tmp_path, body, patterns) == {"Quellford": "place"}
    patterns.append({"label": "GPE", "pattern": "Quellistan"})
    body = "Quellistan was quiet on Monday.\n"  # a place's ending
    assert parsed_kinds(tmp_path, body, patterns) == {"Quellistan": "place"}
    body = "Herat was quiet on Monday.\n"
    assert parsed_kinds(tmp_path, body, patterns) == {"Herat": "place"}
    body = "Rebecca walked home on Monday.\n"
    assert parsed_kinds(tmp_path, body, patterns) == {"Rebecca": "person"}


def test_name_listed_with_names_of_one_kind_takes_their_kind(nlp: Language) -> None:
    """ "Zeus, Hera, Poseidon and Quellford": a name tagged otherwise among two or more
    people's names votes person; not with fewer, not with mixed kinds, not for a place."""
    text = "Greeks worship the ancient gods, such as Zeus, Hera, Poseidon, and Quellford."
    assert cue(nlp, text, "Quellford", "ORG") == "person"
    assert cue(nlp, text, "Quellford", "PERSON") == ""  # already their kind
    assert cue(nlp, "Zeus and Quellford met.", "Quellford", "ORG") == ""
    text = "The museums of McMinnville, Oregon, and Texas A&M took the parts."
    assert cue(nlp, text, "Oregon", "GPE") != "organization"


def test_online_service_is_an_organization(nlp: Language) -> None:
    """ "posted to Zeta", "said on Zeta", "his Zeta account": an online service, whatever
    spaCy's label; not what one writes to a person or comments on."""
    for text in (
        "She chose the hashtag and posted to Quellford.",
        "She posted a photo to Quellford.",
        "The hashtag was used in messages on Quellford over one million times.",
        "He said on Quellford that he was sorry.",
        "His Quellford account has 2 million followers.",
    ):
        assert cue(nlp, text, "Quellford", "PERSON") == "organization", text
    for text in (
        "Smith posted a letter to Quellford.",
        "He commented on Quellford, who left.",
        "Smith relied on Quellford.",
        "The Quellford video was viewed often.",
    ):
        assert cue(nlp, text, "Quellford", "PERSON") == "", text


def test_acronym_tagged_a_place_that_spells_no_state_is_an_organization(tmp_path: Path) -> None:
    """ "the TAOM in Dallas": an acronym spaCy tags a place, unknown to the gazetteer, is an
    organization, after "the" too; one that spells a country's name stays a place."""
    patterns = [{"label": "GPE", "pattern": name} for name in ("TQAM", "DPRK", "Dallas")]
    body = "I have been to the TQAM in Dallas twice.\n"
    assert parsed_kinds(tmp_path, body, patterns) == {"TQAM": "organization", "Dallas": "place"}
    body = "The DPRK tested a missile on Monday.\n"  # Democratic People's Republic of Korea
    assert parsed_kinds(tmp_path, body, patterns) == {"DPRK": "place"}


def test_peoples_noun_in_apposition_makes_no_page(tmp_path: Path) -> None:
    """ "Bangladeshis and Quellans, a stateless minority of Muslims": a people, as
    "Bangladeshis" is, gets no page, even where "the Quellans" is tagged again later."""
    patterns = [
        {"label": "NORP", "pattern": "Bangladeshis"},
        {"label": "ORG", "pattern": "Quellans"},
    ]
    body = (
        "The rescued members included Bangladeshis and Quellans, a stateless minority of "
        "Muslims.\n\nThe United Nations rates the Quellans among the most persecuted groups.\n"
    )
    assert "Quellans" not in parsed_kinds(tmp_path, body, patterns)
    body = "Quellans, a software company, hired 200 people.\n"
    assert parsed_kinds(tmp_path, body, patterns) == {"Quellans": "organization"}


def test_field_of_study_after_a_professor_is_no_organization(nlp: Language) -> None:
    """ "Professor in Educational Leadership, Sport Studies and Counseling Psychology at
    Zeta University": the fields get no page; the university does."""
    text = (
        "Wikinews interviewed Assistant Professor in Educational Leadership, Sport Studies "
        "and Counseling Psychology at Quellford University about sport."
    )
    assert cue(nlp, text, "Counseling Psychology") == "other"
    assert cue(nlp, text, "Quellford University") != "other"
    assert cue(nlp, "She holds a degree in Quellford from May.", "Quellford", "GPE") == ""
    text = "He is a professor in Quellford's Department of Economics."
    assert cue(nlp, text, "Quellford") != "other"
    assert cue(nlp, "She is a lecturer in Quellford College.", "Quellford College") != "other"


def test_phrase_of_dictionary_words_tagged_a_person_is_no_persons_name(tmp_path: Path) -> None:
    """ "deliver goods to Ground Zero": spaCy tags it a person; its words are the model's
    dictionary words (the lemmatizer's WordNet index), none a given name, a family name or a
    title, so it is no person's name. "Anna Brown" has a given name, and "Captain Marvel" a
    title (the person is "Marvel"); a blank pipeline has no dictionary, and the rule is off."""
    patterns = [
        {"label": "PERSON", "pattern": "Ground Zero"},
        {"label": "PERSON", "pattern": "Anna Brown"},
        {"label": "PERSON", "pattern": "Captain Marvel"},
    ]
    body = (
        "I loaded ferry boats to deliver goods to Ground Zero. Anna Brown helped, and so did "
        "Captain Marvel.\n"
    )
    assert parsed_kinds(tmp_path, body, patterns) == {"Anna Brown": "person", "Marvel": "person"}
    assert "Ground Zero" in kinds(tmp_path, body, patterns)  # no dictionary: spaCy's label


def test_dictionary_words_come_from_the_models_lemmatizer(nlp: Language) -> None:
    words = dictionary_words(nlp)
    assert {"ground", "zero", "loophole", "store"} <= words
    assert "quellford" not in words
    assert dictionary_words(ruler_pipeline([])) == frozenset()


def test_untagged_name_the_words_call_an_organization_is_one(tmp_path: Path) -> None:
    """ "The localist group Civic Passion won": spaCy tags the name a person's; made of
    dictionary words, it counts as untagged, and the kind of organization before it makes
    it an organization. Without those words it has no page."""
    patterns = [{"label": "PERSON", "pattern": "Civic Passion"}]
    body = "The localist group Civic Passion won two seats in the election.\n"
    assert parsed_kinds(tmp_path, body, patterns) == {"Civic Passion": "organization"}
    body = "Yesterday Civic Passion won two seats in the election.\n"
    assert parsed_kinds(tmp_path, body, patterns) == {}
