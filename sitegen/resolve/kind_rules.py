"""The rules that vote an entity's kind (person, organization or place), as data.

Each mention casts votes (``clusters.Group.vote``), each vote carrying the id of the rule that
cast it, so ``sitegen explain`` shows why a page is a person's, an organization's or a place's;
the kind is the votes' winner (``clusters.decide_kind``). The code that applies each rule is in
``sitegen.resolve.kinds`` (``kind.word-follows-full-name``: ``sitegen.resolve.joins``); the
examples here are run by ``tests/test_rules_resolve.py``.
"""

from __future__ import annotations

from sitegen.rules import rule

TAGGER_LABEL = rule(
    "kind.tagger-label",
    "kind",
    "A mention votes the kind of spaCy's label: PERSON a person, ORG an organization, GPE, "
    "LOC or FAC a place.",
    examples=[
        {
            "articles": ["Thibaut Vermeulen said the deal was done."],
            "page": "Thibaut Vermeulen",
            "kind": "person",
        }
    ],
)
CORPUS_LABEL = rule(
    "kind.corpus-label",
    "kind",
    "A name spaCy left untagged votes the kind the words around it give ('the localist group "
    "X'), a full name's family name ('Rathbun wrote'), or the corpus's tags of it elsewhere, "
    "when no tagged mention in its article votes.",
    examples=[
        {
            "articles": ["Mark Quellby runs a blog.\n\nQuellby wrote that the case was weak."],
            "patterns": [{"label": "PERSON", "pattern": "Mark Quellby"}],
            "parsed": True,
            "page": "Mark Quellby",
            "kind": "person",
            "mentions": 2,
        }
    ],
)
UNION_OF_STATES = rule(
    "kind.union-of-states",
    "kind",
    "A union of states is a place, as a country is, also as an actor ('the EU made the "
    "decision').",
    examples=[
        {
            "articles": ["The European Union banned the import. The European Union said so."],
            "page": "European Union",
            "kind": "place",
        }
    ],
)
THING_SHAPE = rule(
    "kind.thing-named-like-organization",
    "kind",
    "A name tagged a product, event, law or work whose last word is an organization's or a "
    "place's takes that kind ('the Sydney Morning Herald', tagged an event).",
    examples=[
        {
            "articles": ["He wrote for the Sydney Morning Herald."],
            "page": "Sydney Morning Herald",
            "kind": "organization",
        }
    ],
)
ACRONYM_NOT_PERSON = rule(
    "kind.acronym-not-person",
    "kind",
    "An acronym tagged a person's name, with no title before it, is an organization's.",
    examples=[
        {
            "articles": ["The QRPT said so. The QRPT agreed."],
            "patterns": [{"label": "PERSON", "pattern": "QRPT"}],
            "page": "QRPT",
            "kind": "organization",
        }
    ],
)
PLURAL_THE = rule(
    "kind.plural-after-the",
    "kind",
    "A plural name after 'the' tagged a person's is a group's ('the Beatles'), or a family's "
    "when the article names one of them ('the Sams' after 'Thomas Sam').",
    examples=[
        {
            "articles": ["Fans cheered the Quorvanes, who played for two hours."],
            "patterns": [{"label": "PERSON", "pattern": "Quorvanes"}],
            "page": "Quorvanes",
            "kind": "organization",
        }
    ],
)
NAME_SHAPE = rule(
    "kind.name-shape",
    "kind",
    "A name's last word votes its kind: 'Airways', 'University', 'Bank' an organization, "
    "'Museum', 'Airport', 'River' a place.",
    examples=[
        {
            "articles": ["She visited the Quellmar Museum on Monday."],
            "page": "Quellmar Museum",
            "kind": "place",
        }
    ],
)
COMPASS_NAME = rule(
    "kind.compass-name-no-shape",
    "kind",
    "A compass point and an organization's word ('West Bank', 'East End') give no "
    "shape vote: a region's name as often as a company's, which the tagger tells apart.",
    examples=[
        {
            "articles": ["Settlers moved into the East Bank on Monday. The East Bank was calm."],
            "patterns": [{"label": "GPE", "pattern": "East Bank"}],
            "page": "East Bank",
            "kind": "place",
        }
    ],
)
GIVEN_NAME = rule(
    "kind.given-name-first",
    "kind",
    "A full name that starts with a given name ('Thibaut Vermeulen') or with initials "
    "('K.C. Hollander') votes person.",
    examples=[
        {
            "articles": ["Thibaut Quellmar reported a profit on Monday."],
            "patterns": [{"label": "ORG", "pattern": "Thibaut Quellmar"}],
            "page": "Thibaut Quellmar",
            "kind": "person",
        }
    ],
)
PERSON_TITLE = rule(
    "kind.person-title",
    "kind",
    "A title or honorific right before a name votes person ('Mr.', 'Premier', 'Prime "
    "Minister').",
    examples=[
        {
            "articles": ["Mr. Zorvane reported a profit on Monday."],
            "patterns": [{"label": "ORG", "pattern": "Zorvane"}],
            "page": "Zorvane",
            "kind": "person",
        }
    ],
)
CONTEXT_CUE = rule(
    "kind.context-cue",
    "kind",
    "The words around a name vote its kind: an age in apposition a person ('X, 45,'), 'the "
    "town of X' a place, 'retailer X' an organization, a product noun no page, a side of a "
    "match a sports team, whose place label it replaces.",
    examples=[
        {
            "articles": ["Zorvane, 45, said the deal was done."],
            "page": "Zorvane",
            "kind": "person",
        }
    ],
)
THING_SHARE = rule(
    "kind.thing-label-share",
    "kind",
    "A name the corpus also tags a product, event, law or work gets that share of its "
    "mentions as votes for no page.",
    examples=[
        {
            "articles": [
                "They bought the Zorvane. They liked the Zorvane.",
                "Zorvane topped the charts on Monday.",
            ],
            "patterns": [
                {"label": "PRODUCT", "pattern": [{"LOWER": "the"}, {"TEXT": "Zorvane"}]},
                {"label": "ORG", "pattern": "Zorvane"},
            ],
            "no_page": ["Zorvane"],
            "page": "",
            "kind": "",
        }
    ],
)
SOURCE = rule(
    "kind.article-source",
    "kind",
    "The source an article names in its metadata is an organization.",
    examples=[
        {
            "articles": ["The Gazette reported that prices rose."],
            "patterns": [{"label": "ORG", "pattern": "Gazette"}],
            "source": "The Quellmar Gazette",
            "page": "Quellmar Gazette",
            "kind": "organization",
            "holds": ["Gazette"],
        }
    ],
)
UNKNOWN_NOT_PLACE = rule(
    "kind.unknown-word-not-place",
    "kind",
    "A one-word name whose only sign of a place is spaCy's GPE label, unknown to the "
    "gazetteer and not after 'in' or 'the', is an organization, or a person when a given name.",
    examples=[
        {
            "articles": ["Zorvane reported a profit on Monday."],
            "page": "Zorvane",
            "kind": "organization",
        }
    ],
)
TIE_CORPUS = rule(
    "kind.tie-corpus-label",
    "kind",
    "A name whose votes tie between two kinds takes the one spaCy gives it more often in the "
    "corpus's other articles.",
    examples=[
        {
            "articles": ["Quellmar spoke. QUELLMAR left.", "QUELLMAR won. QUELLMAR grew."],
            "patterns": [
                {"label": "ORG", "pattern": "QUELLMAR"},
                {"label": "PERSON", "pattern": "Quellmar"},
            ],
            "page": "Quellmar",
            "kind": "organization",
            "mentions": 4,
        }
    ],
)
TIE_UNKNOWN = rule(
    "kind.tie-unknown-place-organization",
    "kind",
    "A place and an organization tied on a name the gazetteer does not know, the corpus "
    "silent, make an organization (spaCy's small model tags unknown names places).",
    examples=[
        {
            "articles": ["Zorvane reported a profit. ZORVANE grew."],
            "patterns": [
                {"label": "GPE", "pattern": "ZORVANE"},
                {"label": "ORG", "pattern": "Zorvane"},
            ],
            "page": "Zorvane",
            "kind": "organization",
        }
    ],
)
FOLLOWS_FULL_NAME = rule(
    "kind.word-follows-full-name",
    "kind",
    "A lone word that joins a full name of another kind in its article stands for it: its "
    "votes go to that kind ('Cerberus', tagged a person, after 'Cerberus Capital Management').",
    examples=[
        {
            "articles": ["Cerberus Zelnik bought it. Cerberus said so. Cerberus agreed."],
            "patterns": [
                {"label": "ORG", "pattern": "Cerberus Zelnik"},
                {"label": "PERSON", "pattern": "Cerberus"},
            ],
            "page": "Cerberus Zelnik",
            "kind": "organization",
        }
    ],
)
