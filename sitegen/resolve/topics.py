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
from dataclasses import dataclass, field
from typing import Any

from sitegen.lexicon import is_title
from sitegen.model import Analysis, Article, Entity, Passage, Topic
from sitegen.slugs import assign_slugs

MAX_WORDS = 3
MIN_SENTENCES = 2
MIN_TOPICS, MAX_TOPICS = 5, 15
RELATIVE_CUTOFF = 0.15
"""Under this share of an article's best, a topic is kept only to reach MIN_TOPICS."""
ALIASES_KEPT = 12
FOLD_INTO_LONGER = 0.65
FOLD_INTO_SHORTER = 0.34

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
"""Mentions that are people, organizations, places or nationalities: never part of a topic."""
THING_LABELS = frozenset({"PRODUCT", "EVENT", "LAW", "WORK_OF_ART"})
PREFIXES = ("counter", "anti", "non", "over", "under", "super", "cyber", "mega", "micro", "multi")
"""Productive prefixes: "countertariffs" is the "tariffs" topic when the article has both."""
MONTHS_AND_DAYS = (
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday"
)
GENERIC_NOUNS = frozenset(
    (
        MONTHS_AND_DAYS
        + " official talk percent relationship time year month week day today hour minute"
        " people person man woman child thing way part number lot kind sort type piece chunk"
        " issue matter question statement interview report reporter news source comment"
        " side end beginning top bottom front back place case point fact area group member"
        " country nation world city region government leader expert analyst"
        " company firm plan effort decision move step action change increase level amount"
        " sign indication reference need future past period stage phase era term condition"
        " concern role idea reason result example use lack chance problem situation event"
        " list second first one other someone everyone anything something nothing"
        " home life work job thanks lot deal agreement visit meeting announcement"
        " percentage figure total average dollar cent share stake rate price cost"
        " word name story view opinion interest respect effect impact hand eye head"
        " future today tonight yesterday tomorrow morning afternoon evening night"
        " spokesman spokeswoman spokesperson mr mrs ms dr st"
        " anyone anybody everybody somebody nobody whatever thing stuff"
        " lead start series set couple dozen hundred thousand million billion trillion"
        " relation affair policy market system service program programme process way manner"
        " official executive diplomat citizen expert scholar adviser advisor resident"
        " worker employee customer candidate student teacher victim journalist critic"
        " supporter participant observer representative colleague friend partner parent"
        " east west north south half quarter age office attempt request effort aspect"
    ).split()
)
"""General-English nouns too vague to be a topic on their own."""
GENERIC_MODIFIERS = frozenset(
    "new old key important recent main major big small large high low good bad great"
    " other certain particular various whole same different many much more most few"
    " possible current former previous next last early late top long short such"
    " significant critical approximately nearly about only own real".split()
)
"""Vague adjectives dropped from the start of a phrase ("key exports" -> "exports")."""
WORD = re.compile(r"[^\W_]+")
DIGITS = re.compile(r"\d")
QUOTES = "“”‘’\"'«»"
HYPHENS = "-‐‑–"


@dataclass(frozen=True)
class CuratedTopic:
    """A topic named in advance, with the words or regular expressions that mark it."""

    name: str
    patterns: tuple[str, ...]


@dataclass
class _Candidate:
    """One topic candidate within one article."""

    key: str
    named: bool = False
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

    def add(self, article: Article, analysis: Analysis, start: int, end: int, index: int) -> None:
        sentence = analysis.sentences[index]
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
) -> tuple[Topic, ...]:
    """The topics of all articles, merged across articles by lemma key, sorted by name
    (``per_article``: ``article_phrases`` or a cache of it)."""
    per_article = per_article or article_phrases
    names = _entity_names(entities)
    found = {a.id: _article_candidates(per_article(a, analyses[a.id]), names) for a in articles}
    frequency = Counter(key for candidates in found.values() for key in candidates)
    merged: dict[str, list[_Candidate]] = {}
    for article in articles:
        candidates = found[article.id]
        curated_here = _curated_candidates(article, analyses[article.id], curated)
        marked = {(p.article, p.start) for c in curated_here for p in c.passages.values()}
        candidates = {
            key: c
            for key, c in candidates.items()
            if not any((p.article, p.start) in marked for p in c.passages.values())
        }
        for candidate in candidates.values():
            candidate.score = _score(candidate, article, frequency[candidate.key], len(articles))
        for candidate in curated_here + _select(list(candidates.values())):
            merged.setdefault(candidate.key, []).append(candidate)
    return _topics(merged)


# --- candidates -------------------------------------------------------------------------------


def article_phrases(article: Article, analysis: Analysis) -> dict[str, _Candidate]:
    """An article's candidates in at least MIN_SENTENCES sentences, before the corpus's
    entity names filter them: a function of the article alone, so builds may cache it.

    Every use is listed first; only the keys used in enough sentences become candidates
    (most keys are used once), fed their uses in the same order."""
    uses = _phrase_uses(article, analysis) + _named_thing_uses(article, analysis)
    sentences: dict[str, set[int]] = {}
    for key, _, _, _, index in uses:
        sentences.setdefault(key, set()).add(index)
    candidates: dict[str, _Candidate] = {}
    for key, named, start, end, index in uses:
        if len(sentences[key]) >= MIN_SENTENCES:
            candidate = candidates.get(key)
            if candidate is None:
                candidate = candidates[key] = _Candidate(key, named=named)
            candidate.add(article, analysis, start, end, index)
    return candidates


_Use = tuple[str, bool, int, int, int]
"""(candidate key, a named thing?, start, end, sentence index) of one use of a candidate."""


def _article_candidates(
    candidates: dict[str, _Candidate], names: set[str]
) -> dict[str, _Candidate]:
    kept = {k: c for k, c in candidates.items() if _acceptable(c, names)}
    return _fold(kept)


def _phrase_uses(article: Article, analysis: Analysis) -> list[_Use]:
    """Every noun-ending word range of every noun chunk, cut after names and numbers."""
    uses: list[_Use] = []
    starts = [sentence.start for sentence in analysis.sentences]
    blocked = sorted(_blocked_spans(analysis))
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
        words = _cut(_align(article.text, start, end, chunk_lemmas), overlapping)
        for first, last in _ngrams(article.text, words, heads):
            key = " ".join(_canonical(word[0], heads) for word in words[first:last])
            uses.append((key, False, words[first][1], words[last - 1][2], index))
    return uses


def _named_thing_uses(article: Article, analysis: Analysis) -> list[_Use]:
    """Products, events, laws, works and names in short quotations."""
    uses: list[_Use] = []
    for mention in analysis.mentions:
        if mention.label in THING_LABELS or mention.quoted:
            start, end = _quoted_extent(article.text, mention.start, mention.end)
            key = "name " + " ".join(WORD.findall(article.text[start:end].lower()))
            uses.append((key, True, start, end, mention.sentence))
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
    words: list[tuple[str, int, int]], blocked: list[tuple[int, int]]
) -> list[tuple[str, int, int]]:
    """The words after the last name, date or number in the phrase, vague modifiers dropped."""
    for position in range(len(words) - 1, -1, -1):
        lemma, start, end = words[position]
        if DIGITS.search(lemma) or any(s < end and start < e for s, e in blocked):
            words = words[position + 1 :]
            break
    while len(words) > 1 and words[0][0] in GENERIC_MODIFIERS:
        words = words[1:]
    return words


def _blocked_spans(analysis: Analysis) -> list[tuple[int, int]]:
    spans = [(m.start, m.end) for m in analysis.mentions if m.label in NAME_LABELS]
    spans += [(m.start, m.end) for m in analysis.mentions if m.label in THING_LABELS or m.quoted]
    return spans + [(t.start, t.end) for t in analysis.times]


def _ngrams(
    text: str, words: list[tuple[str, int, int]], heads: set[str]
) -> Iterable[tuple[int, int]]:
    """Word ranges up to MAX_WORDS long that end in a noun (a phrase head somewhere).

    A range never starts or ends inside a hyphenated word ("ground-level ozone").
    """
    for last in range(len(words), 0, -1):
        if last < len(words) and words[last - 1][0] not in heads:
            continue
        if text[words[last - 1][2] : words[last - 1][2] + 1] in HYPHENS:
            continue
        for first in range(max(0, last - MAX_WORDS), last):
            if words[first][0] in GENERIC_MODIFIERS or _joined(text, words[first]):
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
        return opening + 1, min(closing)
    return start, end


def _entity_names(entities: Sequence[Entity]) -> set[str]:
    names = {_name_key(name) for e in entities for name in (e.name, *e.aliases)}
    names |= {_name_key(m.text) for e in entities for m in e.mentions}
    return names


def _name_key(text: str) -> str:
    words = WORD.findall(text.lower())
    while words and (words[0] in ("the", "a", "an") or is_title(words[0])):
        words = words[1:]
    return " ".join(words)


def _acceptable(candidate: _Candidate, names: set[str]) -> bool:
    """No generic words, names of entities, dates, or names the tagger missed."""
    if len(candidate.passages) < MIN_SENTENCES:
        return False
    words = candidate.key.split()[1:] if candidate.named else candidate.key.split()
    surfaces = {_name_key(surface) for surface in candidate.surfaces}
    if not words or surfaces & names or " ".join(words) in names:
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
            if share >= FOLD_INTO_LONGER:
                longer.absorb(shorter, wordings=longer.key.endswith(" " + shorter.key))
                del candidates[shorter.key]
            elif share <= FOLD_INTO_SHORTER or longer.key.endswith(" " + shorter.key):
                shorter.absorb(longer)
                del candidates[longer.key]
                break
    return candidates


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
    sentences = len(candidate.passages)
    spread = len(candidate.blocks)
    boost = 1.0 + 0.6 * candidate.heading + 0.3 * candidate.lead
    boost += 0.6 * _in_title(candidate.key, article.title)
    specificity = 1.0 + 0.15 * (len(candidate.key.split()) - 1) + 0.3 * candidate.named
    rarity = math.log((articles + 1) / (df + 0.5)) / math.log(articles + 1) if articles > 1 else 1
    return (sentences + spread) * boost * specificity * (0.5 + 0.5 * rarity)


def _in_title(key: str, title: str) -> bool:
    title_words = [word.lower() for word in WORD.findall(title)]
    return all(any(_same_word(t, w) for t in title_words) for w in key.split() if w != "name")


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    ranked = sorted(candidates, key=lambda c: (-c.score, c.key))[:MAX_TOPICS]
    if not ranked:
        return []
    best = ranked[0].score
    return [
        c
        for i, c in enumerate(ranked)
        if c.score >= RELATIVE_CUTOFF * best or (i < MIN_TOPICS and _substantial(c))
    ]


def _substantial(candidate: _Candidate) -> bool:
    """Worth keeping to fill an article's topics: spread over paragraphs, a heading, or a name."""
    return len(candidate.blocks) >= 2 or bool(candidate.heading) or bool(candidate.named)


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


def _topics(merged: dict[str, list[_Candidate]]) -> tuple[Topic, ...]:
    by_name: dict[str, list[_Candidate]] = {}
    for parts in merged.values():  # two keys may read alike ("Constitution"): one page
        by_name.setdefault(_display_name(parts), []).extend(parts)
    slugs = assign_slugs(by_name)
    topics = []
    for name, parts in by_name.items():
        surfaces = {
            s.strip(): None
            for part in parts
            for s, _ in (part.surfaces + part.variants).most_common()
        }
        wordings = {s.casefold(): s for s in reversed(surfaces) if not set(s) & set(QUOTES)}
        wordings.pop(name.casefold(), None)
        aliases = sorted(wordings.values(), key=str.casefold)[:ALIASES_KEPT]
        passages = sorted(
            dict.fromkeys(p for part in parts for p in part.passages.values()),
            key=lambda p: (p.article, p.start),
        )
        topics.append(
            Topic(
                id=f"topic:{slugs[name]}",
                name=name,
                page=f"topics/{slugs[name]}.md",
                aliases=tuple(dict.fromkeys(a for a in aliases if a)),
                passages=tuple(passages),
                score=round(sum(min(part.score, 1e6) for part in parts), 3),
            )
        )
    return tuple(sorted(topics, key=lambda t: (t.name.casefold(), t.id)))


def _display_name(parts: list[_Candidate]) -> str:
    """The text's wording in sentence case, plural if the text uses the plural; names as is."""
    surfaces: Counter[str] = Counter()
    for part in parts:
        surfaces.update(part.surfaces)
    if parts[0].named:
        return " ".join(surfaces.most_common(1)[0][0].strip(QUOTES + " ").split())
    head = parts[0].key.split()[-1]
    lowered: Counter[str] = Counter()
    for surface, count in surfaces.items():
        last = surface.split()[-1].lower()
        if last.startswith(head[:3]):
            lowered[" ".join(_lower_words(surface).split())] += count
    plural = Counter({s: n for s, n in lowered.items() if _plural(s.split()[-1], head)})
    singular = sum(lowered.values()) - sum(plural.values())
    preferred = plural if plural and 2 * sum(plural.values()) >= singular else lowered
    text = (preferred or surfaces).most_common(1)[0][0]
    return text[:1].upper() + text[1:]


def _plural(word: str, lemma: str) -> bool:
    return word.lower() != lemma and word.lower().endswith("s") and not lemma.endswith("s")


def _lower_words(surface: str) -> str:
    """Lower case except acronyms ("NASA", "EVs")."""
    return " ".join(w if sum(c.isupper() for c in w) > 1 else w.lower() for w in surface.split())


def _first_paragraph(article: Article) -> int:
    if _LAST_FIRST_PARAGRAPH[0] is article:  # asked once per candidate use: remember
        return _LAST_FIRST_PARAGRAPH[1]
    first = next((i for i, block in enumerate(article.blocks) if block.kind == "paragraph"), 0)
    _LAST_FIRST_PARAGRAPH[:] = [article, first]
    return first


_LAST_FIRST_PARAGRAPH: list[Any] = [None, 0]
"""The last article asked about and its answer (held, so ``is`` cannot match a new one)."""
