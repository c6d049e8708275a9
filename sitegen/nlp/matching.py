"""A token matcher that runs, on each document, only the patterns it has the words for.

spaCy's ``Matcher`` tries every pattern at every token, and a pattern whose first token is a
set of words (``{"LOWER": {"IN": [...]}}``) calls a Python predicate there: with the sixteen
date patterns that was a third of sitegen's own work per Doc. Most documents lack some word
each pattern needs ("future", a season, a four-digit year), so those patterns cannot match
there and are left out before matching.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.attrs import LOWER, SHAPE
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

Pattern = list[dict[str, Any]]

NEEDED_ATTRS = {"LOWER": 0, "SHAPE": 1}
"""Token attributes whose values a pattern can need, by their column in ``_present``."""
REQUIRED_OPS = (None, "1", "+")
"""Quantifiers of a token every match contains (others may be absent: "?", "*", "!")."""
MATCHERS_KEPT = 1024
"""Matchers kept for combinations of patterns (a corpus of 1,000 articles uses a few hundred)."""


@dataclass(frozen=True)
class Need:
    """A token of a pattern that every match contains, and the values it allows."""

    column: int
    values: frozenset[int]


def needs(pattern: Pattern) -> tuple[Need, ...]:
    """What a document must hold for ``pattern`` to match in it: for each token every match
    contains, one token with a value its LOWER (or SHAPE) allows."""
    found = []
    for token in pattern:
        if token.get("OP") not in REQUIRED_OPS:
            continue
        for name, column in NEEDED_ATTRS.items():
            value = token.get(name)
            if isinstance(value, str):
                allowed = [value]
            elif isinstance(value, dict) and value.keys() == {"IN"}:
                allowed = value["IN"]
            else:
                continue
            found.append(Need(column, frozenset(get_string_id(v) for v in allowed)))
    return tuple(found)


class SelectiveMatcher:
    """Labelled token patterns, matched like one spaCy ``Matcher`` holding them all (the same
    matches in the same order: a pattern left out could not have matched, and the others
    keep their order), but with only the patterns the document has the needed words for."""

    def __init__(self, vocab: Vocab, patterns: Sequence[tuple[str, Pattern]]) -> None:
        self.vocab = vocab
        self.patterns = list(patterns)
        for label, _ in self.patterns:  # permanent: a label must outlive nlp.memory_zone()
            vocab.strings.add(label, allow_transient=False)  # type: ignore[call-arg]
        self.needs = [needs(pattern) for _, pattern in self.patterns]
        self._matchers: dict[tuple[int, ...], Matcher] = {}

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match_id, start, end) of every match, as ``Matcher.__call__`` gives them."""
        present = _present(doc)
        wanted = tuple(
            index
            for index, needed in enumerate(self.needs)
            if all(not need.values.isdisjoint(present[need.column]) for need in needed)
        )
        if not wanted:
            return []
        return list(self._matcher(wanted)(doc))

    def _matcher(self, wanted: tuple[int, ...]) -> Matcher:
        matcher = self._matchers.get(wanted)
        if matcher is None:
            if len(self._matchers) >= MATCHERS_KEPT:
                self._matchers.clear()
            matcher = Matcher(self.vocab)
            for index in wanted:  # in the patterns' order, one at a time (as a label's list)
                label, pattern = self.patterns[index]
                matcher.add(label, [pattern])
            self._matchers[wanted] = matcher
        return matcher


def _present(doc: Doc) -> tuple[set[int], set[int]]:
    """The LOWER and SHAPE values of the document's tokens."""
    values = doc.to_array([LOWER, SHAPE])
    return set(values[:, 0].tolist()), set(values[:, 1].tolist())
