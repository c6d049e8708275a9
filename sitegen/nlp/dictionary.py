"""The English dictionary the model ships: WordNet's nouns and adjectives, which spaCy's
English lemmatizer keeps in its ``lemma_index`` table (about 78,000 words, no other package).

spaCy's small model tags some phrases of common words as people's names ("deliver goods to
Ground Zero", "Closing Loopholes", "Libertarian Socialist"). A name tagged a person's whose
words are all dictionary words, none of them a given name, a family name the census lists or
a title, is no person's name ("Captain America" has a title; "Rice", "Bush" are family
names). The analysis hands each Doc the dictionary (``remember_dictionary``); a pipeline
without a lemmatizer (the tests' blank ones) has none, and the rule is off.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sitegen.lexicon import is_given_name, is_title, surname_percent

KEY = "sitegen.dictionary"
WORD_CLASSES = ("noun", "adj")
"""The parts of speech of ``lemma_index`` read as the dictionary."""


def dictionary_words(nlp: Language) -> frozenset[str]:
    """The lower-case nouns and adjectives of ``nlp``'s lemmatizer tables, or none."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(word for part in WORD_CLASSES for word in index.get(part, ()))


def remember_dictionary(doc: Doc, words: frozenset[str]) -> None:
    """Keep ``words`` (``dictionary_words``) with ``doc`` for ``is_dictionary_phrase``."""
    doc.user_data[KEY] = words


def is_dictionary_phrase(doc: Doc, start: int, end: int) -> bool:
    """ "Ground Zero": two words or more, each a dictionary word as written or without a
    plural "s" ("Loopholes"), and none a given name, a listed family name or a title."""
    words = doc.user_data.get(KEY)
    if not words or end - start < 2:
        return False
    for token in doc[start:end]:
        text = token.text
        if not token.is_alpha or is_given_name(text) or surname_percent(text) > 0:
            return False
        if is_title(text):
            return False
        lower = token.lower_
        if lower not in words and lower.removesuffix("s") not in words:
            return False
    return True
