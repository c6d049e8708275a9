"""A token matcher that runs, on each document, only the patterns it has the words for.

spaCy's ``Matcher`` tries every pattern at every token, and a pattern whose first token is a
set of words (``{"LOWER": {"IN": [...]}}``) calls a Python predicate there: with the sixteen
date patterns that was a third of sitegen's own work per Doc. Most documents lack some word
each pattern needs ("future", a season, a four-digit year), so those patterns cannot match
there and are left out before matching.
"""

from __future__ import annotations

import importlib.resources
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
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
PATTERN_FOLDER = "patterns"
"""Where token patterns are kept: ``sitegen/data/patterns/``, shipped as package data."""
PATTERN_KEYS = {"id", "label", "pattern"}


class PatternError(ValueError):
    """A token-pattern file is malformed (the message names the file and line)."""


@dataclass(frozen=True)
class TokenPattern:
    """One line of a pattern file, in the form spaCy's ``SpanRuler`` reads."""

    id: str
    """Stable and unique, ``<stage>.<label>.<what>`` ("timex.ref.now")."""
    label: str
    pattern: Pattern


@cache
def load_patterns(file: str) -> tuple[TokenPattern, ...]:
    """The token patterns of ``sitegen/data/patterns/<file>``, in the file's order: one JSON
    object a line with an ``id``, a ``label`` and a ``pattern`` (a list of token dicts)."""
    text = importlib.resources.files("sitegen.data").joinpath(PATTERN_FOLDER, file)
    return parse_patterns(text.read_text(encoding="utf-8"), f"sitegen/data/{PATTERN_FOLDER}/{file}")


def parse_patterns(text: str, where: str) -> tuple[TokenPattern, ...]:
    """The patterns of a JSONL ``text`` (named ``where`` in errors)."""
    found: dict[str, TokenPattern] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PatternError(f"{where}:{number}: not JSON ({exc.msg})") from None
        if not isinstance(entry, dict) or entry.keys() != PATTERN_KEYS:
            raise PatternError(f"{where}:{number}: an object of {sorted(PATTERN_KEYS)} is needed")
        pattern = entry["pattern"]
        if not isinstance(pattern, list) or not all(isinstance(t, dict) for t in pattern):
            raise PatternError(f"{where}:{number}: the pattern is no list of token dicts")
        if not pattern or not isinstance(entry["id"], str) or not isinstance(entry["label"], str):
            raise PatternError(f"{where}:{number}: an empty pattern, or an id or label no string")
        if entry["id"] in found:
            raise PatternError(f"{where}:{number}: id {entry['id']!r} is used twice")
        found[entry["id"]] = TokenPattern(entry["id"], entry["label"], pattern)
    return tuple(found.values())


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
