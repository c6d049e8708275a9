"""The context cues, as data: the words around a name that say what it names (``Mention.cue``).

Each cue is a rule of stage ``kind``; ``sitegen.nlp.cues.CUES`` applies them in order, and the
first that finds its words decides the cue (``sitegen.resolve.kinds`` then counts it as a kind
vote, ``kind.context-cue``). An example gives a ``text``, the ``name`` in it (taken as tagged
``label``, ORG by default) and the ``cue`` expected; ``tests/test_rules_resolve.py`` parses it
with the real model, with the rule on and off.
"""

from __future__ import annotations

from sitegen.rules import rule

CUE_PORTFOLIO = rule(
    "kind.cue-portfolio",
    "kind",
    "Name words that only say which portfolio a title holds ('Home' of 'Home Secretary', "
    "'State' of 'Secretary of State') are no mention of a name.",
    examples=[
        {"text": "The Home Secretary met the press.", "name": "Home", "cue": "portfolio"},
        {
            "text": "She met the Secretary of State on Monday.",
            "name": "State",
            "cue": "portfolio",
        },
    ],
)
CUE_PRODUCT = rule(
    "kind.cue-product",
    "kind",
    "A product noun next to a name, a version or model number, or a description as a product "
    "('the browser X', 'X 2.0') makes it a product's name: no page.",
    examples=[
        {"text": "Many people use the browser Zeltrix at work.", "name": "Zeltrix", "cue": "other"}
    ],
)
CUE_TIME_ZONE = rule(
    "kind.cue-time-zone",
    "kind",
    "One upper-case word of 2 to 5 letters right after a clock time ('16:08 ZT') is a time "
    "zone: no page.",
    examples=[
        {"text": "The site was back as of 15:11 ZQT on Monday.", "name": "ZQT", "cue": "other"}
    ],
)
CUE_CURRENCY = rule(
    "kind.cue-currency",
    "kind",
    "A three-letter code next to an amount ('USD 23 billion'), or two letters after a number "
    "('a 30 GB edition'), is a currency or a unit: no page.",
    examples=[
        {"text": "The deal was worth ZQD 23 billion in all.", "name": "ZQD", "cue": "other"}
    ],
)
CUE_MARKET_INDEX = rule(
    "kind.cue-market-index",
    "kind",
    "A name before 'index' or 'average', or the subject of a market move by a percentage or "
    "points ('the X fell 2%'), is a market index: no page.",
    examples=[{"text": "The Quorvane fell 2.6% on Monday.", "name": "Quorvane", "cue": "other"}],
)
CUE_FIELD_OF_STUDY = rule(
    "kind.cue-field-of-study",
    "kind",
    "Capitalized words listed after 'Professor in' (a word of study and 'in' or 'of') name a "
    "field, not an organization: no page (not for a name tagged a place).",
    examples=[
        {
            "text": "Wikinews interviewed Assistant Professor in Educational Leadership, Sport "
            "Studies and Counseling Psychology at Quellford University about sport.",
            "name": "Counseling Psychology",
            "cue": "other",
        }
    ],
)
CUE_AGE = rule(
    "kind.cue-age",
    "kind",
    "A number from 1 to 119 between commas right after a name ('X, 45, said') is an age: a "
    "person's name.",
    examples=[
        {"text": "Quellford, 45, was arrested on Monday.", "name": "Quellford", "cue": "person"}
    ],
)
CUE_PERSON_APPOSITIVE = rule(
    "kind.cue-person-appositive",
    "kind",
    "A noun of a person in apposition ('X, an Australian woman,', 'X, a former actor,') makes "
    "a name not tagged a person's a person's.",
    examples=[{"text": "Quorvane, a former actor, said it.", "name": "Quorvane", "cue": "person"}],
)
CUE_PEOPLE_APPOSITIVE = rule(
    "kind.cue-people-appositive",
    "kind",
    "A people's noun in apposition ('X, a stateless minority of ...') makes a name not tagged "
    "a person's a people's: no page.",
    examples=[
        {
            "text": "The rescued members included Bangladeshis and Quellans, a stateless "
            "minority of Muslims.",
            "name": "Quellans",
            "cue": "people",
        }
    ],
)
CUE_TEAM_SIDE = rule(
    "kind.cue-team-side",
    "kind",
    "A country's or city's name on one side of a match, a score beside it or its player's "
    "('Sweden drew 1-1 with Denmark', 'Tunisia's goalkeeper') is its sports team's.",
    examples=[
        {"text": "Sweden drew 1–1 with Denmark.", "name": "Denmark", "label": "GPE", "cue": "team"}
    ],
)
CUE_PLACE = rule(
    "kind.cue-place",
    "kind",
    "'the town of X', 'X, a town in ...', 'flew to X', or a place's name next to another with "
    "a comma ('X, Freedonia'; 'in Freedonia, X,') make X a place (not a person's full name).",
    examples=[
        {
            "text": "Shells hit the town of Quellford on Monday.",
            "name": "Quellford",
            "cue": "place",
        },
        {
            "text": "She flew to Quellford on Monday.",
            "name": "Quellford",
            "label": "PERSON",
            "cue": "place",
        },
    ],
)
CUE_DESCRIPTOR = rule(
    "kind.cue-descriptor",
    "kind",
    "An occupation or a kind of organization right before a name, as its modifier or the head "
    "of its apposition ('fashion designer X', 'retailer X'), makes it a person's or an "
    "organization's.",
    examples=[
        {
            "text": "The show was hosted by fashion designer Quellford in Rome.",
            "name": "Quellford",
            "cue": "person",
        },
        {
            "text": "German magazine Quellford cited confidential documents on Sunday.",
            "name": "Quellford",
            "label": "PERSON",
            "cue": "organization",
        },
    ],
)
CUE_PREDICATE = rule(
    "kind.cue-predicate",
    "kind",
    "The subject of 'is a <occupation or person>' ('X is an Israeli mathematician and "
    "writer') is a person.",
    examples=[
        {
            "text": "Anna Quellford is an Israeli mathematician and writer born in 1958.",
            "name": "Anna Quellford",
            "cue": "person",
        }
    ],
)
CUE_ONLINE_SERVICE = rule(
    "kind.cue-online-service",
    "kind",
    "A name of what holds accounts or posts ('his X account', 'said on X', 'posted to X') is "
    "an online service's, an organization (never a person's full name).",
    examples=[
        {
            "text": "He said on Quellford that he was sorry.",
            "name": "Quellford",
            "label": "PERSON",
            "cue": "organization",
        }
    ],
)
CUE_LIST_KIND = rule(
    "kind.cue-list-kind",
    "kind",
    "A name in a list with two or more names tagged all of one other kind takes their kind "
    "('Zeus, Hera, Poseidon and X': a person; not for a name tagged a place).",
    examples=[
        {
            "text": "Greeks worship the ancient gods, such as Zeus, Hera, Poseidon, and Quellford.",
            "name": "Quellford",
            "cue": "person",
        }
    ],
)
