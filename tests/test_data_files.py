"""The data files of sitegen/data/: the word lists of lexicon/ (each file parses, is read by
code, ships in the wheel and is in the analysis cache's digest; each public word class of
``sitegen.lexicon`` has entries) and the token patterns of patterns/ (valid for spaCy, with
unique ids)."""

from __future__ import annotations

import fnmatch
import re
import tomllib

import pytest
import spacy
from spacy.matcher import Matcher

import sitegen.lexicon as lexicon
from sitegen.cache import analysis_sources
from sitegen.lexicon import LexiconError, parse_entries, word_list, word_table
from sitegen.nlp.matching import PatternError, load_patterns, parse_patterns
from sitegen.nlp.timex.patterns import LABELS, PATTERN_FILE, all_patterns
from tests.helpers import REPO

DATA = REPO / "sitegen" / "data"
LEXICON_FILES = sorted((DATA / "lexicon").iterdir())


@pytest.mark.parametrize("path", LEXICON_FILES, ids=lambda path: path.name)
def test_each_word_class_file_parses_with_a_header(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# "), f"{path.name}: no header saying what the class is"
    if path.suffix == ".tsv":
        assert word_table(path.stem)
    else:
        assert path.suffix == ".txt", f"{path.name}: a word class is a .txt or .tsv file"
        assert word_list(path.stem)


def test_every_word_class_file_is_read_by_code():
    code = "\n".join(path.read_text(encoding="utf-8") for path in REPO.glob("sitegen/**/*.py"))
    unread = [path.name for path in LEXICON_FILES if f'"{path.stem}"' not in code]
    assert unread == []


def test_each_public_word_class_has_entries():
    classes = {
        name: value
        for name, value in vars(lexicon).items()
        if name.isupper() and isinstance(value, frozenset | dict | tuple)
    }
    assert len(classes) >= 45
    assert [name for name, value in classes.items() if not value] == []
    words = [word for value in classes.values() for word in value]
    assert all(isinstance(word, str) and word == word.strip() for word in words)


def test_word_classes_keep_their_types_and_joins():
    assert isinstance(lexicon.TITLES, frozenset) and "prime minister" in lexicon.TITLES
    assert lexicon.PERSON_DESCRIPTORS < lexicon.PERSON_NOUNS
    assert lexicon.PRONOUN_GENDER["his"] == "male" and lexicon.PRONOUN_GENDER["hers"] == "female"
    assert list(lexicon.COUNTRY_ALIASES)[:2] == ["america", "us"]
    assert lexicon.PLACE_ABBREVIATIONS == lexicon.DOTTED_ABBREVIATIONS - {"un"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# header\nmr\n\nmrs\n", "words.txt:3: a blank entry"),
        ("# header\nmr\nmr \n", "words.txt:3: a blank entry or spaces around one ('mr ')"),
        ("# header\nmr\nmrs\nmr\n", "words.txt:4: 'mr' is already on line 2"),
        ("# header only\n", "words.txt: no entries"),
    ],
)
def test_a_malformed_word_class_file_is_an_error_naming_its_line(text, message):
    with pytest.raises(LexiconError, match=re.escape(message)):
        parse_entries(text, "words.txt")


def test_data_files_ship_in_the_wheel():
    """pyproject's package-data globs cover every data file (a wheel install has them)."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["sitegen.data"]
    files = [path.relative_to(DATA).as_posix() for path in DATA.rglob("*") if path.is_file()]
    data = [name for name in files if "__pycache__" not in name and not name.endswith(".py")]
    assert [name for name in data if not any(fnmatch.fnmatch(name, g) for g in globs)] == []


def test_the_analysis_digest_covers_the_word_lists_and_patterns():
    """A changed word list or pattern misses the analysis cache, as changed code does."""
    digested = set(analysis_sources())
    data = [*(DATA / "lexicon").glob("*"), *(DATA / "patterns").glob("*")]
    assert [path.name for path in data if path.resolve() not in digested] == []


def test_the_timex_patterns_are_valid_for_spacy_with_unique_ids():
    """Every token pattern (the file's and the vocabulary's) passes spaCy's own validation,
    and each has its own id."""
    patterns = all_patterns()
    matcher = Matcher(spacy.blank("en").vocab, validate=True)
    for pattern in patterns:
        matcher.add(pattern.label, [pattern.pattern])
    ids = [pattern.id for pattern in patterns]
    assert len(ids) == len(set(ids)) == len(patterns) >= 20
    assert {pattern.id for pattern in load_patterns(PATTERN_FILE)} < set(ids)


def test_the_timex_patterns_keep_their_labels_order():
    labels = [pattern.label for pattern in all_patterns()]
    assert labels == sorted(labels, key=LABELS.index)
    assert labels[0] == "REF" and labels[-1] == "FISCAL"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"id": "a", "label": "X", "pattern": [{"LOWER": "a"}]}\n{"id": "a"', "p.jsonl:2: not"),
        ('{"id": "a", "label": "X"}', "p.jsonl:1: an object of ['id', 'label', 'pattern']"),
        ('{"id": "a", "label": "X", "pattern": {"LOWER": "a"}}', "p.jsonl:1: the pattern is no"),
        ('{"id": "a", "label": "X", "pattern": []}', "p.jsonl:1: an empty pattern"),
        (
            '{"id": "a", "label": "X", "pattern": [{"LOWER": "a"}]}\n'
            '{"id": "a", "label": "Y", "pattern": [{"LOWER": "b"}]}',
            "p.jsonl:2: id 'a' is used twice",
        ),
    ],
)
def test_a_malformed_pattern_file_is_an_error_naming_its_line(text, message):
    with pytest.raises(PatternError, match=re.escape(message)):
        parse_patterns(text, "p.jsonl")
