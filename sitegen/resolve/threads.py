"""Story threads across the corpus: which of the articles' topics recur enough, and are
specific enough, to be followed; and the subject each lives under.

Each article proposes its topics (``sitegen.resolve.topics``: the phrases it returns to);
the same phrase in several articles is one candidate thread. A thread must:

- cover enough articles for its size of corpus (``topic.thread-min-articles``): any at one
  article to 9, two articles from 10, three from 1,000;
- be narrower than a subject (``topic.thread-not-too-broad``): from 200 articles, a phrase that
  is a candidate in more than 2% of them ("attacks", "elections") names a kind of news, which
  subjects file, not a story;
- not be one common noun (``topic.thread-not-a-common-noun``): from 30 articles a thread is a
  phrase of two words or more ("bird flu", "trade talks"), a name ("Two Michaels", "Kyoto
  Protocol") or a word rare in general English ("tariffs", "bailout"; wordfreq's Zipf
  frequency under 4.3); a common noun ("oil", "court", "method", "support") names a kind of
  thing, too vague to follow. From 1,000 articles no single noun is a thread: across years
  of news even a rarer one ("bombings", "referendum", "verdict") names a kind of news, which
  its subject files; and a one-word name must be rare too ("Bundestag", "Katrina"; not
  "Constitution" or "Short-term", which the tagger took for names);
- not repeat a subject's name (``topic.thread-not-a-subject``).

Its subject is the one most of its articles are filed under (first subjects count double),
weighed with what its name's words say in the taxonomy (``topic.thread-subject-by-name``).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import wordfreq

from sitegen.lexicon import is_title, word_set
from sitegen.rules import rule

if TYPE_CHECKING:
    from sitegen.resolve.topics import _Candidate

TWO_ARTICLES_FROM, THREE_ARTICLES_FROM = 10, 1_000
BROAD_FROM, BROAD_SHARE = 200, 0.02
ONE_NOUN_UNTIL, NO_NOUN_FROM = 30, 1_000
COMMON_ZIPF = 4.3
"""wordfreq's Zipf frequency (log10 of uses per billion words) from which a word is common."""
HOLDS_TOGETHER_FROM, HOLDS_TOGETHER_SHARE = 5, 0.5
PEOPLE_NOUNS = word_set("thread-people-nouns")
"""Nouns for people: the head of a phrase that names people rather than a matter."""
PLACE_NOUNS = frozenset("country nation state city capital province region".split())
"""Nouns for places ("developing countries", "member states"): who, not what."""
NAME_SHARE = 0.5

MIN_ARTICLES = rule(
    "topic.thread-min-articles",
    "topic",
    "A thread covers two articles from a corpus of 10, three from 1,000 (any number below).",
    examples=[
        {"corpus": 5, "articles": 1, "kept": True},
        {"corpus": 60, "articles": 1, "kept": False},
        {"corpus": 2000, "articles": 2, "kept": False},
        {"corpus": 2000, "articles": 3, "kept": True},
    ],
)
NOT_TOO_BROAD = rule(
    "topic.thread-not-too-broad",
    "topic",
    "From 200 articles, a phrase that is a candidate in over 2% of them names a kind of news "
    "(a subject's business), not a thread.",
    examples=[
        {"corpus": 1000, "candidate_in": 21, "kept": False},
        {"corpus": 1000, "candidate_in": 20, "kept": True},
        {"corpus": 100, "candidate_in": 50, "kept": True},
    ],
)
MORE_THAN_A_NOUN = rule(
    "topic.thread-not-a-common-noun",
    "topic",
    "From 30 articles a one-word thread is a word rare in general English (wordfreq Zipf under "
    "4.3: 'tariff', not 'oil'); from 1,000 never one noun ('bombings' is a kind of news), and "
    "a one-word name only if rare ('Bundestag', not 'Constitution').",
    examples=[
        {"corpus": 500, "key": "bird flu", "named": False, "kept": True},
        {"corpus": 500, "key": "court", "named": False, "kept": False},
        {"corpus": 500, "key": "bailout", "named": False, "kept": True},
        {"corpus": 1000, "key": "bailout", "named": False, "kept": False},
        {"corpus": 5000, "key": "name katrina", "named": True, "kept": True},
        {"corpus": 5000, "key": "name constitution", "named": True, "kept": False},
        {"corpus": 500, "key": "name constitution", "named": True, "kept": True},
        {
            "corpus": 5000,
            "key": "name short term",
            "surface": "Short-term",
            "named": True,
            "kept": False,
        },
        {
            "corpus": 500,
            "key": "short term",
            "surface": "short-term",
            "named": False,
            "kept": False,
        },
        {"corpus": 500, "key": "bird flu", "surface": "bird flu", "named": False, "kept": True},
        {"corpus": 10, "key": "court", "named": False, "kept": True},
    ],
)
NOT_A_ROLE = rule(
    "topic.thread-not-a-role",
    "topic",
    "A phrase whose head is a title or a noun for people or places ('Prime minister', 'Family "
    "members', 'Developing countries') names who or where, not a matter to follow.",
    examples=[
        {"key": "prime minister", "kept": False},
        {"key": "family member", "kept": False},
        {"key": "develop country", "kept": False},
        {"key": "peace talk", "kept": True},
    ],
)
ONE_SUBJECT = rule(
    "topic.thread-holds-together",
    "topic",
    "A thread of five articles or more has at least half of them filed under its subject; a "
    "phrase spread over unrelated news ('Press conference', 'Local time') is no story.",
    examples=[
        {"articles": 10, "under_subject": 4, "kept": False},
        {"articles": 10, "under_subject": 5, "kept": True},
        {"articles": 4, "under_subject": 0, "kept": True},
    ],
)
NAME_SAYS = rule(
    "topic.thread-subject-by-name",
    "topic",
    "A thread's subject weighs what its name's words say in the taxonomy ('Tariffs': economy) "
    "with the subjects of its articles.",
    examples=[{"name": "Tariffs", "articles": ["politics", "economy"], "subject": "economy"}],
)
NOT_A_SUBJECT = rule(
    "topic.thread-not-a-subject",
    "topic",
    "A thread named like a subject ('Health', 'Sport') is that subject's business, not a thread.",
    examples=[{"name": "Health", "kept": False}, {"name": "Health care", "kept": True}],
)


def min_articles(corpus: int) -> int:
    """How many articles a thread needs in a corpus of ``corpus`` articles."""
    if not MIN_ARTICLES.on:
        return 1
    return 3 if corpus >= THREE_ARTICLES_FROM else 2 if corpus >= TWO_ARTICLES_FROM else 1


def too_broad(candidate_in: int, corpus: int) -> bool:
    """Whether a phrase that is a candidate in ``candidate_in`` articles names a kind of news."""
    return NOT_TOO_BROAD.on and corpus >= BROAD_FROM and candidate_in > BROAD_SHARE * corpus


def only_a_noun(key: str, named: bool, corpus: int, surface: str = "") -> bool:
    """Whether the thread ``key`` (written ``surface``) is one word too vague for a corpus of
    ``corpus`` articles: from ONE_NOUN_UNTIL a common noun, from NO_NOUN_FROM any noun and a
    name that is a common word ("Constitution", "Short-term" tagged as names)."""
    words = key.split()[1:] if named and key.startswith("name ") else key.split()
    if surface.strip() and " " not in surface.strip():
        words = [surface.strip().casefold()]  # one hyphenated word: "Short-term"
    if not MORE_THAN_A_NOUN.on or corpus < ONE_NOUN_UNTIL or len(words) != 1:
        return False
    if named:
        return corpus >= NO_NOUN_FROM and is_common_word(words[0])
    return corpus >= NO_NOUN_FROM or is_common_word(words[0])


def is_common_word(word: str) -> bool:
    """A word common in general English: wordfreq's Zipf frequency at least COMMON_ZIPF."""
    return _zipf(word) >= COMMON_ZIPF


@functools.lru_cache(maxsize=1 << 14)
def _zipf(word: str) -> float:
    return float(wordfreq.zipf_frequency(word, "en"))


def keep_threads(
    merged: Mapping[str, list[_Candidate]], candidate_in: Counter[str], corpus: int
) -> dict[str, list[_Candidate]]:
    """The candidate threads (key -> each article's candidate) that make threads."""
    needed = min_articles(corpus)
    kept = {}
    for key, parts in merged.items():
        curated = key.startswith("curated ")
        if not curated and len(parts) < needed:  # one part per article
            MIN_ARTICLES.fired()
            continue
        if not curated and too_broad(candidate_in[key], corpus):
            NOT_TOO_BROAD.fired()
            continue
        surface = _usual_surface(parts)
        if not curated and only_a_noun(key, parts[0].named, corpus, surface):
            MORE_THAN_A_NOUN.fired()
            continue
        if not curated and not parts[0].named and names_people(key):
            NOT_A_ROLE.fired()
            continue
        kept[key] = parts
    return kept


def _usual_surface(parts: Sequence[_Candidate]) -> str:
    """The wording the articles use most for a candidate thread ("asylum seekers", though
    some write "asylum-seekers")."""
    wordings: Counter[str] = Counter()
    for part in parts:
        wordings.update({surface.strip().casefold(): n for surface, n in part.surfaces.items()})
    return wordings.most_common(1)[0][0] if wordings else ""


def names_people(key: str) -> bool:
    """Whether a phrase's head is a title or a noun for people or places
    (``topic.thread-not-a-role``)."""
    head = key.split()[-1]
    return NOT_A_ROLE.on and (is_title(head) or head in PEOPLE_NOUNS or head in PLACE_NOUNS)


def holds_together(
    articles: Sequence[str], subject: str, filings: Mapping[str, Sequence[str]]
) -> bool:
    """Whether enough of a thread's articles are filed under its subject
    (``topic.thread-holds-together``)."""
    if not ONE_SUBJECT.on or len(articles) < HOLDS_TOGETHER_FROM:
        return True
    under = sum(subject in filings.get(article, ()) for article in articles)
    if under >= HOLDS_TOGETHER_SHARE * len(articles):
        return True
    ONE_SUBJECT.fired()
    return False


def named_like_a_subject(name: str, subject_names: set[str]) -> bool:
    if NOT_A_SUBJECT.on and name.casefold() in subject_names:
        NOT_A_SUBJECT.fired()
        return True
    return False


def subject_of_thread(
    articles: Sequence[str], filings: Mapping[str, Sequence[str]], words: Mapping[str, float]
) -> str:
    """The subject of a thread: the share of its articles filed under it (a first subject
    counts double) plus half its name's likeness to it (``words``: ``name_scores``, the best
    counting 1); "" when there is neither."""
    votes: Counter[str] = Counter()
    for article in articles:
        for rank, code in enumerate(filings.get(article, ())):
            votes[code] += 2 if rank == 0 else 1
    total = sum(votes.values())
    best_words = max(words.values(), default=0.0)
    score = {code: votes[code] / total for code in votes} if total else {}
    if best_words > 0 and NAME_SAYS.on:
        for code, value in words.items():
            score[code] = score.get(code, 0.0) + NAME_SHARE * value / best_words
    if not score:
        return ""
    return min(score, key=lambda code: (-score[code], code))
