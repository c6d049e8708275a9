"""Temporal expressions: TimeML TIMEX3 tagging and normalization.

``normalize`` maps one phrase to a TIMEX3 (type, value), anchoring relative expressions on
the publication date in the direction given by the tense of their clause. ``tag_times``
finds the expressions of a parsed document (spaCy DATE/TIME entities, repaired and completed
by rules) and normalizes each.

The package, in the order a phrase goes through it:

- ``vocabulary``: month, weekday, season, number and unit words, and regex pieces;
- ``patterns``: where expressions are looked for besides spaCy's entities;
- ``tagger``: candidate spans trimmed, split, filtered and normalized in their clause's tense;
- ``phrases``: what the rules see of a phrase (``clean_phrase``);
- ``normalize``: the ordered normalization rules (``dates``, ``relative``, ``periods``), with
  the calendar arithmetic of ``calendar``;
- ``anaphora``: "that same year", "the day before" resolved against earlier dates.
"""

from sitegen.nlp.timex.anaphora import Antecedents
from sitegen.nlp.timex.normalize import normalize, normalize_phrase
from sitegen.nlp.timex.patterns import token_patterns
from sitegen.nlp.timex.phrases import clean_phrase
from sitegen.nlp.timex.tagger import tag_times
from sitegen.nlp.timex.vocabulary import MONTHS, parse_number

__all__ = [
    "MONTHS",
    "Antecedents",
    "clean_phrase",
    "normalize",
    "normalize_phrase",
    "parse_number",
    "tag_times",
    "token_patterns",
]
