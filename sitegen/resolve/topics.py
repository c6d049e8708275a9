"""Topics: what the articles are about, found in noun phrases, headings and non-entity names.

Candidates are the noun phrases of every article (lemmatized, cut after any person,
organization, place or nationality inside them), named things that are no entity (spaCy's
PRODUCT, EVENT, LAW, WORK_OF_ART, and names in short quotations) and optional curated topics.
Within an article, candidates whose lemmas nest ("tariff" in "tariff rate", "vehicle" in
"electric vehicle") are merged into the dominant one; the rest are scored by how central they
are (sentences, paragraphs, headings, title, lead, rarity across the corpus) and the best few
are kept. Across articles, topics with the same lemma key are one topic.
"""

from __future__ import annotations

import functools
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from sitegen.across_builds import ACROSS_BUILDS
from sitegen.lexicon import is_title, word_list, word_set
from sitegen.model import QUOTED_NAME_MAX_WORDS, Analysis, Article, Entity, Passage, Topic
from sitegen.resolve.isolated import each_article
from sitegen.resolve.subjects import Filing, file_articles, name_scores
from sitegen.resolve.taxonomy import subject_name, subjects
from sitegen.resolve.threads import (
    holds_together,
    is_common_word,
    keep_threads,
    named_like_a_subject,
    subject_of_thread,
)
from sitegen.rules import add_counts, counted_call, disabled_key, rule
from sitegen.slugs import assign_slugs

MAX_WORDS = 3
MIN_SENTENCES = 2
MAX_TOPICS = 15
OPENING_SENTENCES = 3
ALIASES_KEPT = 12
FOLD_INTO_LONGER = 0.65
FOLD_INTO_SHORTER = 0.34

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
PLACE_NAME_LABELS = frozenset({"GPE", "LOC"})
"""Places whose name may lead a topic's phrase ("Darfur conflict", "Gaza pullout")."""
"""Mentions that are people, organizations, places or nationalities: never part of a topic."""
THING_LABELS = frozenset({"PRODUCT", "EVENT", "LAW", "WORK_OF_ART"})
PREFIXES = word_list("topic-prefixes")
"""Productive prefixes: "countertariffs" is the "tariffs" topic when the article has both."""
GENERIC_NOUNS = word_set("generic-nouns")
"""General-English nouns too vague to be a topic on their own."""
GENERIC_MODIFIERS = word_set("generic-modifiers")
"""Vague adjectives dropped from the start of a phrase ("key exports" -> "exports")."""
WORD = re.compile(r"[^\W_]+")
COINED = re.compile(r"[A-Z0-9][\w'’-]*(?:\s+[A-Z0-9][\w'’-]*)+")
"""Two or more capitalized words ("Two Michaels", "Arab Spring")."""

QUOTED_COINAGE = rule(
    "topic.quoted-coinage",
    "topic",
    "A name of capitalized words in quotation marks is a coined name for a matter and a "
    "candidate from one sentence.",
    examples=[
        {
            "text": "The affair came to be known as the “Two Michaels” crisis.",
            "topic": "Two Michaels",
        }
    ],
)
PLACE_MATTER = rule(
    "topic.place-matter",
    "topic",
    "A place's name before a noun stays in the phrase ('the Darfur conflict', 'the Doha round'); "
    "other names, nationalities and possessives are cut ('Chinese electric cars').",
    examples=[
        {
            "text": "The Darfur conflict grew worse. Aid groups fear the Darfur conflict may last.",
            "topic": "Darfur conflict",
        }
    ],
)
COMMON_APART = rule(
    "topic.common-word-keeps-apart",
    "topic",
    "A common word ('oil') does not absorb a longer phrase with it ('oil prices'): the phrase "
    "may be a thread where the word alone is too vague.",
    examples=[
        {"shorter": "oil", "longer": "oil price", "folds": False},
        {"shorter": "tariff", "longer": "tariff rate", "folds": True},
    ],
)
ENTITY_NAMES = rule(
    "topic.entity-names",
    "topic",
    "No topic is named like an entity of its article, or like one named in two articles or more "
    "(a name tagged once elsewhere, 'Climate Change', does not count).",
    examples=[{"entity_articles": 2, "blocks": True}, {"entity_articles": 1, "blocks": False}],
)
LEAD_PHRASE = rule(
    "topic.lead-phrase",
    "topic",
    "A phrase of two words or more in the headline or the first three sentences is a "
    "candidate from one sentence (news puts what it is about first).",
    examples=[{"text": "Bird flu reaches Europe. Officials met on Monday.", "topic": "Bird flu"}],
)
RETURNED_TO = rule(
    "topic.article-returns-to",
    "topic",
    "An article is about the candidates it returns to in two sentences, or uses in a heading, "
    "its first two paragraphs, or by name (the 15 best): no cut relative to its best one.",
    examples=[
        {"sentences": 2, "heading": False, "named": False, "kept": True},
        {"sentences": 1, "heading": False, "named": False, "kept": False},
        {"sentences": 1, "heading": True, "named": False, "kept": True},
    ],
)
DIGITS = re.compile(r"\d")
QUOTES = "“”‘’\"'«»"
HYPHENS = "-‐‑–"


@dataclass(frozen=True)
class CuratedTopic:
    """A topic named in advance, with the words or regular expressions that mark it."""

    name: str
    patterns: tuple[str, ...]
    subject: str = ""
    """The qcode of the subject an editor files it under ("": the one its articles say)."""


@dataclass
class _Candidate:
    """One topic candidate within one article."""

    key: str
    named: bool = False
    placed: bool = False
    """Led by a place's name ("Darfur conflict", "Doha round"): more specific than its head."""
    surfaces: Counter[str] = field(default_factory=Counter)
    """The wordings of this key; those of merged candidates go to ``variants``."""
    variants: Counter[str] = field(default_factory=Counter)
    passages: dict[int, Passage] = field(default_factory=dict)
    blocks: set[int] = field(default_factory=set)
    heading: bool = False
    lead: bool = False
    inner: int = 0
    """Uses not at the start of a sentence or in a heading (where capitals tell nothing)."""
    lowercase: bool = False
    """Some inner use has a word in lower case (so it is no proper name)."""
    score: float = 0.0
    own_score: tuple[str, float] | None = field(default=None, compare=False, repr=False)
    """``_article_score`` as last worked out, with the title it was for (``add`` and ``absorb``
    forget it)."""

    def add(self, article: Article, analysis: Analysis, start: int, end: int, index: int) -> None:
        sentence = analysis.sentences[index]
        self.own_score = None
        self.surfaces[article.text[start:end]] += 1
        if index not in self.passages:  # the first use in a sentence is its passage
            self.passages[index] = Passage(article.id, index, start, end)
        self.blocks.add(sentence.block)
        kind = article.blocks[sentence.block].kind
        self.heading |= kind in ("heading", "headline")
        self.lead |= sentence.block <= _first_paragraph(article) + 1
        if kind == "paragraph" and article.text[sentence.start : start].strip(QUOTES + " "):
            self.inner += 1
            surface = article.text[start:end]
            self.lowercase |= any(word[:1].islower() for word in WORD.findall(surface))

    def absorb(self, other: _Candidate, wordings: bool = True) -> None:
        """Take the other's sentences; its wordings too when they name the same thing."""
        self.own_score = None
        if wordings:
            self.variants.update(other.surfaces)
        for index, passage in other.passages.items():
            self.passages.setdefault(index, passage)
        self.blocks |= other.blocks
        self.heading |= other.heading
        self.lead |= other.lead
        self.inner += other.inner
        self.lowercase |= other.lowercase


def find_topics(
    articles: Sequence[Article],
    analyses: dict[str, Analysis],
    entities: Sequence[Entity],
    curated: Sequence[CuratedTopic] = (),
    per_article: Callable[[Article, Analysis], dict[str, _Candidate]] | None = None,
) -> tuple[tuple[Topic, ...], dict[str, tuple[str, ...]]]:
    """The subjects and story threads of all articles, sorted by name, and each article's
    subjects (topic ids, best first). ``per_article``: ``article_phrases`` or a cache of it."""
    per_article = per_article or article_phrases
    names, written = _entity_names(entities)
    KEPT_CANDIDATES.rotate()
    fill = getattr(per_article, "fill", None)  # a per-article cache (sitegen.cache)
    if fill is not None:
        fill([(a, analyses[a.id]) for a in articles])
    found = dict(
        (a.id, candidates)
        for a, candidates in each_article(
            articles,
            lambda a: KEPT_CANDIDATES.of(
                a, analyses[a.id], per_article, names, written.get(a.id, set())
            ),
            "finding its topics",
        )
    )
    frequency = Counter(key for candidates in found.values() for key in candidates)
    merged: dict[str, list[_Candidate]] = {}
    for article in articles:
        candidates = found.get(article.id, {})
        curated_here = _curated_candidates(article, analyses[article.id], curated)
        marked = {(p.article, p.start) for c in curated_here for p in c.passages.values()}
        if marked:
            candidates = {
                key: c
                for key, c in candidates.items()
                if not any((p.article, p.start) in marked for p in c.passages.values())
            }
        for candidate in candidates.values():
            candidate.score = _score(candidate, article, frequency[candidate.key], len(articles))
        for candidate in curated_here + _select(list(candidates.values())):
            merged.setdefault(candidate.key, []).append(candidate)
    threads = keep_threads(merged, frequency, len(articles))
    pinned = {"curated " + c.name.casefold(): c.subject for c in curated if c.subject}
    return _topics(threads, articles, file_articles(articles), pinned)


# --- candidates -------------------------------------------------------------------------------


def article_phrases(article: Article, analysis: Analysis) -> dict[str, _Candidate]:
    """An article's candidates in at least MIN_SENTENCES sentences, before the corpus's
    entity names filter them: a function of the article alone, so builds may cache it.

    Every use is listed first; only the keys used in enough sentences become candidates
    (most keys are used once), fed their uses in the same order."""
    uses = _phrase_uses(article, analysis) + _named_thing_uses(article, analysis)
    sentences: dict[str, set[int]] = {}
    for key, _, _, _, index, _ in uses:
        sentences.setdefault(key, set()).add(index)
    coined = _coined(article, analysis)
    opening = _opening_sentences(article, analysis)
    candidates: dict[str, _Candidate] = {}
    for key, named, start, end, index, placed in uses:
        if (
            len(sentences[key]) >= MIN_SENTENCES
            or key in coined
            or (index in opening and " " in key and LEAD_PHRASE.on)
        ):
            candidate = candidates.get(key)
            if candidate is None:
                candidate = candidates[key] = _Candidate(key, named=named, placed=placed)
            candidate.add(article, analysis, start, end, index)
    return candidates


_Use = tuple[str, bool, int, int, int, bool]
"""(candidate key, a named thing?, start, end, sentence index, led by a place's name?) of one
use of a candidate."""


def _opening_sentences(article: Article, analysis: Analysis) -> set[int]:
    """The headline's sentences and the first OPENING_SENTENCES of the body."""
    opening: set[int] = set()
    body = 0
    for index, sentence in enumerate(analysis.sentences):
        kind = article.blocks[sentence.block].kind
        if kind == "headline":
            opening.add(index)
        elif kind == "paragraph" and body < OPENING_SENTENCES:
            opening.add(index)
            body += 1
    return opening


def _coined(article: Article, analysis: Analysis) -> set[str]:
    """Keys of the quoted names of capitalized words (``topic.quoted-coinage``)."""
    if not QUOTED_COINAGE.on:
        return set()
    keys = set()
    for mention in analysis.mentions:
        if mention.quoted:
            start, end = _quoted_extent(article.text, mention.start, mention.end)
            if COINED.fullmatch(article.text[start:end].strip()):
                keys.add("name " + " ".join(WORD.findall(article.text[start:end].lower())))
    return keys


def _article_candidates(
    candidates: dict[str, _Candidate], names: set[str], written: set[str]
) -> dict[str, _Candidate]:
    kept = {k: c for k, c in candidates.items() if _acceptable(c, names, written)}
    return _fold(kept)


_Kept = tuple[Article, Analysis, tuple[str, ...], object, dict[str, _Candidate], dict[str, int]]
"""The article and analysis, the names looked up, what filtered them, the candidates kept
and the rules' counts of making them."""


class KeptCandidates:
    """Each article's candidates as the corpus's entity names leave them
    (``_article_candidates``), kept across the builds of one process (``ACROSS_BUILDS``) and
    used again while the article and its analysis are the very same objects and what
    filtered them is the same: the rules switched off, and which of the names its candidates
    look up (``_lookups``) are entities' names and names written in it. The rules' counts of
    the first time are counted again; the article's entry in a per-article cache stays in
    use (its ``peek``) without being unpickled."""

    def __init__(self) -> None:
        self.kept: dict[str, _Kept] = {}
        self.used: dict[str, _Kept] = {}

    def rotate(self) -> None:
        """Start a build: keep what the last one used."""
        if self.used:
            self.kept, self.used = self.used, {}

    def of(
        self,
        article: Article,
        analysis: Analysis,
        per_article: Callable[[Article, Analysis], dict[str, _Candidate]],
        names: set[str],
        written: set[str],
    ) -> dict[str, _Candidate]:
        if not ACROSS_BUILDS.on:
            return _article_candidates(per_article(article, analysis), names, written)
        kept = self.kept.get(article.id)
        if kept is not None and kept[0] is article and kept[1] is analysis:
            peek = getattr(per_article, "peek", None)  # a per-article cache (sitegen.cache)
            same = kept[3] == _filtered_by(kept[2], names, written)
            if same and (peek is None or peek(article, analysis)):
                add_counts(kept[5])
                self.used[article.id] = kept
                return kept[4]

        def compute() -> tuple[tuple[str, ...], dict[str, _Candidate]]:
            candidates = per_article(article, analysis)
            return _lookups(candidates), _article_candidates(candidates, names, written)

        (lookups, found), fired = counted_call(compute)
        facts = _filtered_by(lookups, names, written)
        self.used[article.id] = (article, analysis, lookups, facts, found, fired)
        return found


KEPT_CANDIDATES = KeptCandidates()


def _lookups(candidates: dict[str, _Candidate]) -> tuple[str, ...]:
    """Every name ``_acceptable`` looks up for these candidates."""
    keys: set[str] = set()
    for candidate in candidates.values():
        keys.update(_name_key(surface) for surface in candidate.surfaces)
        words = candidate.key.split()[1:] if candidate.named else candidate.key.split()
        keys.add(" ".join(words))
    return tuple(sorted(keys))


def _filtered_by(lookups: tuple[str, ...], names: set[str], written: set[str]) -> object:
    """What of ``names`` and ``written`` the candidates that looked up ``lookups`` read, and
    the rules switched off."""
    return (
        frozenset(key for key in lookups if key in names),
        frozenset(key for key in lookups if key in written),
        disabled_key(),
    )


def _phrase_uses(article: Article, analysis: Analysis) -> list[_Use]:
    """Every noun-ending word range of every noun chunk, cut after names and numbers."""
    uses: list[_Use] = []
    starts = [sentence.start for sentence in analysis.sentences]
    blocked = sorted(_blocked_spans(analysis))
    places = (
        {(m.start, m.end) for m in analysis.mentions if m.label in PLACE_NAME_LABELS}
        if PLACE_MATTER.on
        else set()
    )
    blocked_starts = [span[0] for span in blocked]
    longest = max((e - s for s, e in blocked), default=0)
    lemmas = [_lemma_words(lemma) for *_, lemma in analysis.noun_chunks]
    heads = {found[-1] for found in lemmas if found}
    for (start, end, _), chunk_lemmas in zip(analysis.noun_chunks, lemmas, strict=True):
        index = max(bisect_right(starts, start) - 1, 0)
        # Only the spans overlapping the chunk can overlap its words (an index, same result).
        nearby = blocked[
            bisect_left(blocked_starts, start - longest) : bisect_left(blocked_starts, end)
        ]
        overlapping = [(s, e) for s, e in nearby if s < end and start < e]
        words, place = _cut(
            _align(article.text, start, end, chunk_lemmas), overlapping, places, article.text
        )
        for first, last in _ngrams(article.text, words, heads, place):
            key = " ".join(_canonical(word[0], heads) for word in words[first:last])
            placed = bool(place) and first == 0 and last - first > place
            uses.append((key, False, words[first][1], words[last - 1][2], index, placed))
    return uses


def _named_thing_uses(article: Article, analysis: Analysis) -> list[_Use]:
    """Products, events, laws, works and names in short quotations."""
    uses: list[_Use] = []
    for mention in analysis.mentions:
        if mention.label in THING_LABELS or mention.quoted:
            start, end = _quoted_extent(article.text, mention.start, mention.end)
            key = "name " + " ".join(WORD.findall(article.text[start:end].lower()))
            uses.append((key, True, start, end, mention.sentence, False))
    return uses


@functools.lru_cache(maxsize=1 << 16)
def _lemma_words(lemma: str) -> tuple[str, ...]:
    """The words of a chunk's lemma (remembered: the same chunks come back in every article)."""
    return tuple("".join(WORD.findall(word)) for word in lemma.split() if WORD.search(word))


def _align(text: str, start: int, end: int, lemmas: Sequence[str]) -> list[tuple[str, int, int]]:
    """Each lemma with the offsets of the surface word it comes from (unmatched ones dropped)."""
    tokens = [
        (m.group(), m.start() + start, m.end() + start) for m in WORD.finditer(text[start:end])
    ]
    aligned: list[tuple[str, int, int]] = []
    position = 0
    for plain in lemmas:
        for offset, (token, token_start, token_end) in enumerate(tokens[position:]):
            if _same_word(token.lower(), plain):
                aligned.append((plain, token_start, token_end))
                position += offset + 1
                break
    return aligned


def _same_word(surface: str, lemma: str) -> bool:
    prefix = min(3, len(lemma), len(surface))
    return surface == lemma or (surface[:prefix] == lemma[:prefix] and prefix == 3)


def _cut(
    words: list[tuple[str, int, int]],
    blocked: list[tuple[int, int]],
    places: set[tuple[int, int]],
    text: str,
) -> tuple[list[tuple[str, int, int]], int]:
    """The words after the last name, date or number in the phrase, vague modifiers dropped;
    and how many leading words are a place's name kept before them (``topic.place-matter``:
    "the Darfur conflict", not "Darfur's capital"), else 0."""
    for position in range(len(words) - 1, -1, -1):
        lemma, start, end = words[position]
        spans = [(s, e) for s, e in blocked if s < end and start < e]
        if DIGITS.search(lemma) or spans:
            if len(spans) == 1 and spans[0] in places and position + 1 < len(words):
                first = _place_start(words, position, spans[0])
                if first is not None and text[spans[0][1] : spans[0][1] + 1] not in "'’":
                    PLACE_MATTER.fired()
                    return words[first:], position + 1 - first
            words = words[position + 1 :]
            break
    while len(words) > 1 and words[0][0] in GENERIC_MODIFIERS and not _joined(text, words[1]):
        words = words[1:]
    return words, 0


def _place_start(
    words: list[tuple[str, int, int]], position: int, span: tuple[int, int]
) -> int | None:
    """The first word of the place's name ending at ``position``, if every word before it in
    the phrase is outside any name (a plain "the Darfur conflict")."""
    first = position
    while first > 0 and words[first - 1][1] >= span[0]:
        first -= 1
    return first if first <= MAX_WORDS else None


def _blocked_spans(analysis: Analysis) -> list[tuple[int, int]]:
    spans = [(m.start, m.end) for m in analysis.mentions if m.label in NAME_LABELS]
    spans += [(m.start, m.end) for m in analysis.mentions if m.label in THING_LABELS or m.quoted]
    return spans + [(t.start, t.end) for t in analysis.times]


def _ngrams(
    text: str, words: list[tuple[str, int, int]], heads: set[str], place: int = 0
) -> Iterable[tuple[int, int]]:
    """Word ranges up to MAX_WORDS long (plus a leading place's name of ``place`` words, kept
    whole) that end in a noun (a phrase head somewhere).

    A range never starts or ends inside a hyphenated word ("ground-level ozone").
    """
    for last in range(len(words), 0, -1):
        if last < len(words) and words[last - 1][0] not in heads:
            continue
        if text[words[last - 1][2] : words[last - 1][2] + 1] in HYPHENS:
            continue
        for first in range(max(0, last - MAX_WORDS - place), last):
            if 0 < first < place or (first == 0 and place and last - place > MAX_WORDS):
                continue  # never a part of the place's name
            vague = words[first][0] in GENERIC_MODIFIERS and not (first == 0 and place)
            if (vague and not (first + 1 < last and _joined(text, words[first + 1]))) or _joined(
                text, words[first]
            ):
                continue
            yield first, last


def _joined(text: str, word: tuple[str, int, int]) -> bool:
    """The word is glued to the one before it by a hyphen or apostrophe."""
    return text[word[1] - 1 : word[1]] in HYPHENS + "'’" if word[1] else False


def _canonical(word: str, heads: set[str]) -> str:
    if not word.startswith(PREFIXES):
        return word
    for prefix in PREFIXES:
        if word.startswith(prefix) and word[len(prefix) :] in heads and len(word) > len(prefix) + 3:
            return word[len(prefix) :]
    return word


def _quoted_extent(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole short quotation around a quoted name ("Two Michaels" for "Michaels")."""
    left = text.rfind("\n", 0, start) + 1
    opening = max(text.rfind(q, left, start) for q in QUOTES)
    closing = [i for i in (text.find(q, end, end + 60) for q in QUOTES) if i >= 0]
    if opening >= 0 and closing and not re.search(r"[.,;:!?]", text[opening + 1 : start]):
        if len(WORD.findall(text[opening + 1 : min(closing)])) <= QUOTED_NAME_MAX_WORDS:
            return opening + 1, min(closing)
    return start, end


def _entity_names(entities: Sequence[Entity]) -> tuple[set[str], dict[str, set[str]]]:
    """The names of entities named in two articles or more (``topic.entity-names``), and each
    article's own names of entities as written there."""
    names: set[str] = set()
    written: dict[str, set[str]] = {}
    for entity in entities:
        if ENTITY_NAMES.on and len({m.article for m in entity.mentions}) >= 2:
            names.update(_name_key(name) for name in (entity.name, *entity.aliases))
        for mention in entity.mentions:
            written.setdefault(mention.article, set()).add(_name_key(mention.text))
    return names, written


@functools.lru_cache(maxsize=1 << 17)  # every entity's names and mentions, at every build
def _name_key(text: str) -> str:
    words = WORD.findall(text.lower())
    while words and (words[0] in ("the", "a", "an") or is_title(words[0])):
        words = words[1:]
    return " ".join(words)


def _acceptable(candidate: _Candidate, names: set[str], written: set[str]) -> bool:
    """No generic words, names of entities, dates, or names the tagger missed."""
    if len(candidate.passages) < MIN_SENTENCES and not candidate.named and " " not in candidate.key:
        return False
    words = candidate.key.split()[1:] if candidate.named else candidate.key.split()
    surfaces = {_name_key(surface) for surface in candidate.surfaces}
    joined = " ".join(words)
    if not words or surfaces & names or joined in names or surfaces & written or joined in written:
        return False
    if candidate.named:
        return any(sum(char.isalpha() for char in word) >= 2 for word in words)
    if all(w in GENERIC_NOUNS or is_title(w) or len(w) < 3 for w in words):
        return False
    return candidate.lowercase or not candidate.inner


def _fold(candidates: dict[str, _Candidate]) -> dict[str, _Candidate]:
    """Merge nested candidates ("tariff" in "tariff rate", "vehicle" in "electric vehicle").

    The longer one absorbs the shorter when it holds most of the shorter's sentences; the
    shorter absorbs the longer when the longer is a rare variant, or a variant of its head.
    """
    uses = {key: len(candidate.passages) for key, candidate in candidates.items()}
    ordered = sorted(candidates.values(), key=lambda c: (-len(c.key.split()), c.key))
    for longer in ordered:
        if longer.key not in candidates or longer.named:
            continue
        for shorter in _nested(longer.key, candidates):
            share = uses[longer.key] / uses[shorter.key]
            if share >= FOLD_INTO_LONGER or (longer.placed and share > FOLD_INTO_SHORTER):
                longer.absorb(shorter, wordings=longer.key.endswith(" " + shorter.key))
                del candidates[shorter.key]
            elif _common_word(shorter.key):
                continue  # "oil" keeps apart from "oil price" (the corpus decides on both)
            elif share <= FOLD_INTO_SHORTER or longer.key.endswith(" " + shorter.key):
                shorter.absorb(longer)
                del candidates[longer.key]
                break
    return candidates


def _common_word(key: str) -> bool:
    """One word common in general English (``topic.common-word-keeps-apart``)."""
    if not COMMON_APART.on or " " in key or not is_common_word(key):
        return False
    COMMON_APART.fired()
    return True


def _nested(key: str, candidates: dict[str, _Candidate]) -> list[_Candidate]:
    """The candidates whose keys are shorter runs of ``key``'s words, longest first, each once
    ("blah" is in "blah blah blah" twice, and is one candidate)."""
    words = key.split()
    subs = dict.fromkeys(
        " ".join(words[i : i + size])
        for size in range(len(words) - 1, 0, -1)
        for i in range(len(words) - size + 1)
    )
    return [candidates[sub] for sub in subs if sub in candidates and not candidates[sub].named]


# --- scoring and merging ------------------------------------------------------------------------


def _score(candidate: _Candidate, article: Article, df: int, articles: int) -> float:
    rarity = math.log((articles + 1) / (df + 0.5)) / math.log(articles + 1) if articles > 1 else 1
    return _article_score(candidate, article.title) * (0.5 + 0.5 * rarity)


def _article_score(candidate: _Candidate, title: str) -> float:
    """The part of ``_score`` that is the article's own (uses, spread, place, title, words):
    worked out once for a candidate kept across builds (``KeptCandidates``), with its title."""
    if candidate.own_score is not None and candidate.own_score[0] == title:
        return candidate.own_score[1]
    sentences = len(candidate.passages)
    spread = len(candidate.blocks)
    boost = 1.0 + 0.6 * candidate.heading + 0.3 * candidate.lead
    boost += 0.6 * _in_title(candidate.key, title)
    specificity = 1.0 + 0.15 * (len(candidate.key.split()) - 1) + 0.3 * candidate.named
    score = (sentences + spread) * boost * specificity
    candidate.own_score = (title, score)
    return score


def _in_title(key: str, title: str) -> bool:
    title_words = _title_words(title)
    return all(any(_same_word(t, w) for t in title_words) for w in key.split() if w != "name")


@functools.lru_cache(maxsize=1 << 12)  # one article's title, for each of its candidates
def _title_words(title: str) -> tuple[str, ...]:
    return tuple(word.lower() for word in WORD.findall(title))


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """The article's best candidates among those it returns to (``topic.article-returns-to``)."""
    ranked = sorted(candidates, key=lambda c: (-c.score, c.key))
    if not RETURNED_TO.on:
        return ranked[:MAX_TOPICS]
    kept = [c for c in ranked if _substantial(c)][:MAX_TOPICS]
    RETURNED_TO.fired(len(kept))
    return kept


def _substantial(candidate: _Candidate) -> bool:
    """Used in two sentences, in a heading or the opening, or a name."""
    return (
        len(candidate.passages) >= MIN_SENTENCES
        or candidate.heading
        or candidate.lead
        or candidate.named
    )


def _curated_candidates(
    article: Article, analysis: Analysis, curated: Sequence[CuratedTopic]
) -> list[_Candidate]:
    found = []
    for topic in curated:
        candidate = _Candidate("curated " + topic.name.casefold(), named=True)
        candidate.surfaces[topic.name] += 1
        for pattern in topic.patterns:
            regex = _curated_regex(pattern)
            for index, sentence in enumerate(analysis.sentences):
                for match in regex.finditer(article.text, sentence.start, sentence.end):
                    if match.end() > match.start():
                        candidate.add(article, analysis, match.start(), match.end(), index)
        if candidate.passages:
            candidate.surfaces[topic.name] += 1_000_000
            candidate.score = math.inf
            found.append(candidate)
    return found


def _curated_regex(pattern: str) -> re.Pattern[str]:
    """A plain word or phrase matches as whole words (plural too); anything else is a regex."""
    if re.fullmatch(r"[\w\s'’-]+", pattern):
        words = r"\s+".join(re.escape(word) for word in pattern.split())
        return re.compile(rf"\b{words}(?:s|es)?\b", re.IGNORECASE)
    return re.compile(pattern, re.IGNORECASE)


def _topics(
    merged: dict[str, list[_Candidate]],
    articles: Sequence[Article],
    filings: dict[str, Filing],
    pinned: dict[str, str],
) -> tuple[tuple[Topic, ...], dict[str, tuple[str, ...]]]:
    """Subject topics (those with articles or a curated thread) and thread topics, sorted by
    name, and each article's subjects (topic ids, best first). ``pinned``: the subject of
    each curated thread an editor filed (by candidate key)."""
    order = {a.id: (a.published.isoformat() if a.published else "", a.id) for a in articles}
    filed: dict[str, list[str]] = {}
    for article in articles:
        for code in filings[article.id].codes:
            filed.setdefault(code, []).append(article.id)
    wanted = set(filed) | set(pinned.values())
    subject_names = {s.code: subject_name(s) for s in subjects() if s.code in wanted}
    folded = {name.casefold() for name in subject_names.values()}
    merged = _same_names(merged)
    names = {key: _display_name(parts) for key, parts in merged.items()}
    merged, names = _one_per_name(merged, names)
    names = {key: name for key, name in names.items() if not named_like_a_subject(name, folded)}
    slugs = assign_slugs([*subject_names.values(), *names.values()])
    subject_ids = {code: f"topic:{slugs[name]}" for code, name in subject_names.items()}
    topics = [
        Topic(
            id=subject_ids[code],
            name=name,
            page=f"topics/{slugs[name]}.md",
            kind="subject",
            articles=tuple(sorted(filed.get(code, ()), key=order.__getitem__)),
            code=code,
            score=float(len(filed.get(code, ()))),
        )
        for code, name in subject_names.items()
    ]
    codes = {article_id: filing.codes for article_id, filing in filings.items()}
    for key, name in names.items():
        parts = merged[key]
        passages = sorted(
            dict.fromkeys(p for part in parts for p in part.passages.values()),
            key=lambda p: (p.article, p.start),
        )
        its_articles = sorted({p.article for p in passages}, key=order.__getitem__)
        words = name_scores(" ".join([name, *_aliases(parts, name)]))
        subject = pinned.get(key) or subject_of_thread(its_articles, codes, words)
        if not key.startswith("curated ") and not holds_together(its_articles, subject, codes):
            continue
        topics.append(
            Topic(
                id=f"topic:{slugs[name]}",
                name=name,
                page=f"topics/{slugs[name]}.md",
                aliases=_aliases(parts, name),
                passages=tuple(passages),
                score=round(sum(min(part.score, 1e6) for part in parts), 3),
                subject=subject_ids.get(subject, ""),
                articles=tuple(its_articles),
            )
        )
    by_article = {
        article.id: tuple(subject_ids[code] for code in filings[article.id].codes)
        for article in articles
    }
    return tuple(sorted(topics, key=lambda t: (t.name.casefold(), t.id))), by_article


def _same_names(merged: dict[str, list[_Candidate]]) -> dict[str, list[_Candidate]]:
    """Candidates whose keys differ only as a phrase and a name ("local time", "name local
    time") are one thread, under the key with the most articles."""
    by_words: dict[str, list[str]] = {}
    for key in merged:
        words = key[len("name ") :] if merged[key][0].named and key.startswith("name ") else key
        by_words.setdefault(words, []).append(key)
    joined = {}
    for keys in by_words.values():
        keys.sort(key=lambda k: (-len(merged[k]), k))
        joined[keys[0]] = [part for k in keys for part in merged[k]]
    return joined


def _one_per_name(
    merged: dict[str, list[_Candidate]], names: dict[str, str]
) -> tuple[dict[str, list[_Candidate]], dict[str, str]]:
    """Keys that got the same display name ("Political parties") are one thread."""
    first: dict[str, str] = {}
    joined: dict[str, list[_Candidate]] = {}
    for key in sorted(merged, key=lambda k: (-len(merged[k]), k)):
        owner = first.setdefault(names[key].casefold(), key)
        joined.setdefault(owner, []).extend(merged[key])
    return joined, {key: names[key] for key in joined}


def _aliases(parts: list[_Candidate], name: str) -> tuple[str, ...]:
    surfaces = {
        s.strip(): None for part in parts for s, _ in (part.surfaces + part.variants).most_common()
    }
    wordings = {s.casefold(): s for s in reversed(surfaces) if not set(s) & set(QUOTES)}
    wordings.pop(name.casefold(), None)
    aliases = sorted(wordings.values(), key=str.casefold)[:ALIASES_KEPT]
    return tuple(dict.fromkeys(a for a in aliases if a))


def _display_name(parts: list[_Candidate]) -> str:
    """The text's wording in sentence case, plural if the text uses the plural; names as is."""
    surfaces: Counter[str] = Counter()
    for part in parts:
        surfaces.update(part.surfaces)
    if parts[0].named:
        return " ".join(surfaces.most_common(1)[0][0].strip(QUOTES + " ").split())
    head = parts[0].key.split()[-1]
    kept = _capitalized_everywhere(surfaces) if any(p.placed for p in parts) else set()
    lowered: Counter[str] = Counter()
    for surface, count in surfaces.items():
        last = surface.split()[-1].lower()
        if last.startswith(head[:3]):
            lowered[" ".join(_lower_words(surface, kept).split())] += count
    plural = Counter({s: n for s, n in lowered.items() if _plural(s.split()[-1], head)})
    singular = sum(lowered.values()) - sum(plural.values())
    preferred = plural if plural and 2 * sum(plural.values()) >= singular else lowered
    text = (preferred or surfaces).most_common(1)[0][0]
    return text[:1].upper() + text[1:]


def _plural(word: str, lemma: str) -> bool:
    return word.lower() != lemma and word.lower().endswith("s") and not lemma.endswith("s")


def _lower_words(surface: str, kept: AbstractSet[str] = frozenset()) -> str:
    """Lower case except acronyms ("NASA", "EVs") and the words of ``kept`` (a place's name
    leading the phrase: "United States presidential election")."""
    return " ".join(
        w if sum(c.isupper() for c in w) > 1 or w in kept else w.lower() for w in surface.split()
    )


def _capitalized_everywhere(surfaces: Counter[str]) -> set[str]:
    """The capitalized words never written in lower case in ``surfaces`` (names)."""
    words = [w for surface in surfaces for w in surface.split()]
    lower = {w.lower() for w in words if w[:1].islower()}
    return {w for w in words if w[:1].isupper() and w.lower() not in lower}


def _first_paragraph(article: Article) -> int:
    if _LAST_FIRST_PARAGRAPH[0] is article:  # asked once per candidate use: remember
        return _LAST_FIRST_PARAGRAPH[1]
    first = next((i for i, block in enumerate(article.blocks) if block.kind == "paragraph"), 0)
    _LAST_FIRST_PARAGRAPH[:] = [article, first]
    return first


_LAST_FIRST_PARAGRAPH: list[Any] = [None, 0]
"""The last article asked about and its answer (held, so ``is`` cannot match a new one)."""
