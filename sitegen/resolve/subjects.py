"""Subjects: each article filed under the one to three IPTC subjects it is most about.

The method, in three steps, all linear in the corpus:

1. **Profiles from the taxonomy.** Each of the 17 subjects gets a weighted bag of word stems:
   the names (weight 3) and definitions (weight 1) of every concept below it, each stem
   weighted by how few subjects use it (``log(1 + 17 / subjects using it)``).
2. **Articles scored by likeness.** An article is a bag of its words' stems (the title counted
   three times), each weighted ``1 + log(count)`` times its rarity in the corpus; its score
   for a subject is the cosine of the two bags.
3. **Profiles learnt from the corpus** (``topic.subjects-learn-from-corpus``): with enough articles,
   each subject's profile is mixed with the mean of the articles it won first place in, and
   the articles are scored again. The taxonomy's few words per concept ("tariff", "election")
   then carry the words the archive itself uses for the subject.

An article is filed under its best subject and under each other whose score is at least
``SECOND_SHARE`` of the best, up to ``MAX_SUBJECTS`` (``topic.subject-close-second``).
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from sitegen.across_builds import KeptPerArticle
from sitegen.model import Article
from sitegen.resolve.taxonomy import concepts, stems, subject_of, subjects
from sitegen.rules import rule

NAME_WEIGHT, DEFINITION_WEIGHT, TITLE_WEIGHT = 3.0, 1.0, 3
MAX_SUBJECTS = 3
SECOND_SHARE = 0.7
"""A second or third subject needs this share of the best subject's score."""
LEARN_FROM = 30
"""Corpus size from which the profiles learn from the articles."""
LEARNT_SHARE = 0.5
"""Weight of the corpus's own words in a learnt profile (the taxonomy's keeps the rest)."""
LEARNT_TERMS = 300
"""Stems kept per subject from the articles it won (the most weighted)."""

LEARN_FROM_CORPUS = rule(
    "topic.subjects-learn-from-corpus",
    "topic",
    "With 30 articles or more, each subject's profile also learns the words of the articles "
    "it wins, and the articles are scored again.",
    examples=[{"articles": 30, "learns": True}, {"articles": 29, "learns": False}],
)
CLOSE_SECOND = rule(
    "topic.subject-close-second",
    "topic",
    "An article is also filed under a second and third subject scoring at least 0.7 of its "
    "best subject.",
    examples=[{"scores": [1.0, 0.8, 0.3], "filed": 2}, {"scores": [1.0, 0.5], "filed": 1}],
)


@dataclass(frozen=True)
class Filing:
    """The subjects one article is filed under, best first, with their scores."""

    codes: tuple[str, ...]
    scores: tuple[float, ...]


def file_articles(articles: Sequence[Article]) -> dict[str, Filing]:
    """Each article's subjects (by article id)."""
    if not articles:
        return {}
    top = subjects()
    profiles = taxonomy_profiles()
    vocabulary: dict[str, int] = {}
    for profile in profiles:
        for word in profile:
            vocabulary.setdefault(word, len(vocabulary))
    bags = KEPT_BAGS.of(articles)
    documents = _documents(bags, vocabulary)
    profile_matrix = _matrix(profiles, vocabulary)
    scores = _scores(documents, profile_matrix)
    if len(articles) >= LEARN_FROM and LEARN_FROM_CORPUS.on:
        LEARN_FROM_CORPUS.fired()
        learnt = _learnt(documents, scores, len(top), len(vocabulary))
        profile_matrix = (1 - LEARNT_SHARE) * profile_matrix + LEARNT_SHARE * learnt
        profile_matrix /= np.linalg.norm(profile_matrix, axis=1, keepdims=True) + 1e-12
        scores = _scores(documents, profile_matrix)
    codes = [subject.code for subject in top]
    return {article.id: _filing(codes, row) for article, row in zip(articles, scores, strict=True)}


def filed_count(scores: Sequence[float]) -> int:
    """How many of an article's subject scores (best first) it is filed under."""
    if not scores or scores[0] <= 0:
        return 0
    best = scores[0]
    kept = 1
    for score in scores[1:MAX_SUBJECTS]:
        if not CLOSE_SECOND.on or score < SECOND_SHARE * best:
            break
        CLOSE_SECOND.fired()
        kept += 1
    return kept


def _filing(codes: list[str], row: np.ndarray) -> Filing:
    order = sorted(range(len(codes)), key=lambda i: (-row[i], codes[i]))
    ranked = [float(row[i]) for i in order]
    kept = filed_count(ranked)
    return Filing(tuple(codes[i] for i in order[:kept]), tuple(round(s, 4) for s in ranked[:kept]))


@functools.cache
def taxonomy_profiles() -> tuple[dict[str, float], ...]:
    """Each subject's weighted stems from the names and definitions below it (in the order
    of ``subjects()``)."""
    top = subjects()
    index = {subject.code: i for i, subject in enumerate(top)}
    raw: list[dict[str, float]] = [{} for _ in top]
    for concept in concepts():
        profile = raw[index[subject_of(concept.code)]]
        for word in stems(concept.name):
            profile[word] = profile.get(word, 0.0) + NAME_WEIGHT
        for word in stems(concept.definition):
            profile[word] = profile.get(word, 0.0) + DEFINITION_WEIGHT
    spread = Counter(word for profile in raw for word in profile)
    return tuple(
        {w: c * math.log(1 + len(top) / spread[w]) for w, c in profile.items()} for profile in raw
    )


def name_scores(text: str) -> dict[str, float]:
    """How much the words of a name ("Human rights", "Tariffs") say of each subject, by qcode
    (the subjects its words say nothing of are left out)."""
    words = stems(text)
    scores = {}
    for subject, profile in zip(subjects(), taxonomy_profiles(), strict=True):
        score = sum(profile.get(word, 0.0) for word in words)
        if score > 0:
            scores[subject.code] = score
    return scores


def _bag(article: Article) -> Counter[str]:
    bag = Counter(stems(article.title) * TITLE_WEIGHT)
    for block in article.blocks:
        if block.kind != "headline":  # the title is counted already
            bag.update(stems(article.block_text(block)))
    return bag


KEPT_BAGS = KeptPerArticle(_bag)
"""Each article's bag of stems, worked out once while the article is unchanged (serve)."""

Document = tuple[np.ndarray, np.ndarray]
"""A document's vocabulary indexes and their weights (unit length)."""


def _documents(bags: list[Counter[str]], vocabulary: dict[str, int]) -> list[Document]:
    """Each article's bag weighted by its words' rarity in the corpus, over ``vocabulary``
    (which grows with the corpus's words, for the learnt profiles). Each word's rarity and
    each count's damping are worked out once (with ``math.log``, as one word at a time did),
    then multiplied by arrays: the same floats, without a Python step per word of each
    article."""
    total = len(bags)
    ids = [
        np.fromiter(
            (vocabulary.setdefault(word, len(vocabulary)) for word in bag),
            dtype=np.int64,
            count=len(bag),
        )
        for bag in bags
    ]
    counts = [np.fromiter(bag.values(), dtype=np.int64, count=len(bag)) for bag in bags]
    frequency = np.bincount(np.concatenate([np.zeros(0, dtype=np.int64), *ids]))
    rarity = np.array(
        [math.log((total + 1) / (f + 0.5)) + 1 if total > 1 else 1.0 for f in frequency.tolist()],
        dtype=np.float64,
    )
    most = max((int(c.max()) for c in counts if len(c)), default=1)
    damping = np.array([1 + math.log(c) for c in range(1, most + 1)], dtype=np.float64)
    documents = []
    for indexes, found in zip(ids, counts, strict=True):
        vector = damping[found - 1] * rarity[indexes]
        vector /= np.linalg.norm(vector) + 1e-12
        documents.append((indexes, vector))
    return documents


def _matrix(profiles: Sequence[dict[str, float]], vocabulary: dict[str, int]) -> np.ndarray:
    """One unit row per subject over the whole vocabulary."""
    matrix = np.zeros((len(profiles), len(vocabulary)))
    for row, profile in enumerate(profiles):
        for word, weight in profile.items():
            matrix[row, vocabulary[word]] = weight
    return matrix / (np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-12)


def _scores(documents: list[Document], profiles: np.ndarray) -> np.ndarray:
    scores = np.zeros((len(documents), profiles.shape[0]))
    for row, (indexes, weights) in enumerate(documents):
        scores[row] = profiles[:, indexes] @ weights
    return scores


def _learnt(
    documents: list[Document], scores: np.ndarray, subjects_count: int, width: int
) -> np.ndarray:
    """Each subject's mean article among those it scored best for, its LEARNT_TERMS heaviest
    stems kept, as unit rows."""
    learnt = np.zeros((subjects_count, width))
    best = scores.argmax(axis=1)
    for row, (indexes, weights) in enumerate(documents):
        if scores[row, best[row]] > 0:
            learnt[best[row], indexes] += weights
    for row in range(subjects_count):
        if np.count_nonzero(learnt[row]) > LEARNT_TERMS:
            cut = np.partition(learnt[row], -LEARNT_TERMS)[-LEARNT_TERMS]
            learnt[row][learnt[row] < cut] = 0
    return learnt / (np.linalg.norm(learnt, axis=1, keepdims=True) + 1e-12)
