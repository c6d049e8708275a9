"""The joins within one article try a name only against the names it could join
(``clusters.SlotIndex`` with ``variants._keys``, ``joins._holder_keys``): the same clusters,
and the same rules decided, as trying every pair, on an article of hundreds of names of every
kind of variant."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from sitegen.nlp.analyze import analyze
from sitegen.resolve import joins, variants
from sitegen.resolve.clusters import SlotIndex
from sitegen.resolve.entities import article_clusters
from sitegen.rules import counting
from tests.helpers import _one_article, ruler_pipeline

SYLLABLES = ["quel", "mar", "bru", "ten", "sa", "lo", "vik", "dor", "an", "pe", "tri", "gos"]
GIVEN = ["Lawrence", "Larry", "William", "Bill", "Robert", "Bob", "Kristin", "Kristen", "Mark"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _typo(rng: random.Random, word: str) -> str:
    """The word with one letter dropped, doubled or two neighbours swapped."""
    i = rng.randrange(1, len(word) - 1)
    how = rng.choice(("drop", "double", "swap"))
    if how == "drop":
        return word[:i] + word[i + 1 :]
    if how == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _names(seed: int) -> list[tuple[str, str]]:
    """(label, name) of hundreds of names: people with nicknames, initials, misspelt family
    names; organizations with typos, numbers and acronyms; places with their acronyms."""
    rng = random.Random(seed)
    names: list[tuple[str, str]] = [
        ("GPE", "United States"),
        ("GPE", "US"),
        ("GPE", "America"),
    ]
    for _ in range(60):
        family = _word(rng)
        given = rng.choice(GIVEN)
        names += [("PERSON", f"{given} {family}"), ("PERSON", family)]
        if rng.random() < 0.4:
            names.append(("PERSON", f"{rng.choice(GIVEN)} {family}"))  # a nickname, or not
        if rng.random() < 0.4:
            names.append(("PERSON", _typo(rng, family)))  # a family name misspelt alone
        if rng.random() < 0.3:
            names.append(("PERSON", f"{given} {_typo(rng, family)}"))
        if rng.random() < 0.2:
            names += [("PERSON", f"{given} H.W. {family}"), ("PERSON", f"{given} W. {family}")]
    for _ in range(50):
        words = [_word(rng) for _ in range(rng.randint(2, 3))]
        full = " ".join([*words, rng.choice(["Foundation", "Institute", "Council"])])
        names.append(("ORG", full))
        if rng.random() < 0.5:
            names.append(("ORG", _typo(rng, full)))
        if rng.random() < 0.4:
            names.append(("ORG", "".join(word[0] for word in full.split()).upper()))
        if rng.random() < 0.3:
            names.append(("ORG", words[0]))
        if rng.random() < 0.2:
            names += [("ORG", f"38th {words[0]} Assembly"), ("ORG", f"39th {words[0]} Assembly")]
    for _ in range(40):
        place = _word(rng)
        names.append(("GPE", place))
        if rng.random() < 0.4:
            names.append(("GPE", _typo(rng, place)))
        if rng.random() < 0.3:
            names.append(("GPE", f"{place} {_word(rng)}"))
    return list(dict.fromkeys(names))


def _clusters(tmp_path: Path, seed: int) -> tuple[list[Any], dict[str, int]]:
    """Each cluster's name, groups and votes, and the rules' counts, for the article."""
    rng = random.Random(seed)
    names = _names(seed)
    sentences = []
    for label, name in names:
        for _ in range(rng.choice((1, 1, 2, 3))):
            other = rng.choice(names)[1]
            sentences.append(
                f"{name} met {other} on Monday."
                if label != "GPE"
                else f"They went to {name} with {other}."
            )
    rng.shuffle(sentences)
    body = "\n".join(" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4))
    patterns = [{"label": label, "pattern": name} for label, name in names]
    articles = _one_article(tmp_path, body + "\n")
    analysis = analyze(articles, ruler_pipeline(patterns))[articles[0].id]
    with counting() as counts:
        clusters = article_clusters(articles[0], analysis)
    found = sorted(
        (c.name, tuple(sorted(g.name for g in c.groups)), tuple(sorted(c.votes.items())))
        for c in clusters
    )
    return found, dict(counts)


def _every_slot(self: Any, facts: Any) -> list[int]:
    """Every kept name, as the joins tried before they had candidates."""
    return sorted(set().union(*self.slots.values()))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_candidates_join_as_trying_every_pair(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    found, counts = _clusters(tmp_path / "candidates", seed)
    monkeypatch.setattr(SlotIndex, "of", _every_slot)
    assert _clusters(tmp_path / "every", seed) == (found, counts)
    # the article exercises what the candidates must not miss
    assert counts.get("join.spelling-variant", 0) >= 10
    assert counts.get("join.within-article", 0) >= 30
    assert counts.get("join.different-initials-not-typo", 0) >= 1


@pytest.mark.parametrize(
    ("module", "keys", "dropped"),
    [(variants, "_filed", "typo"), (joins, "_holder_keys", "initials")],
)
def test_a_candidate_missed_changes_the_joins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: Any, keys: str, dropped: str
) -> None:
    """The comparison above can fail: without the names one typo away (or the names an
    acronym spells) as candidates, those names stay apart."""
    found = _clusters(tmp_path / "candidates", 1)
    real = getattr(module, keys)
    monkeypatch.setattr(
        module, keys, lambda facts: {key for key in real(facts) if dropped not in key}
    )
    assert _clusters(tmp_path / "missing", 1) != found
