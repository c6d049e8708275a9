"""Bibliographic citations: a paragraph that is one entry of a reading list, "Austen, Jane.
Pride and Prejudice" or "Marx, Karl and Engels, Friedrich. The Communist Manifesto".

spaCy reads the inverted names as places or organizations ("Christie", "Agatha") and the
title as an organization ("Mysterious Affair at Styles"). Such a paragraph gives one person
per author, named in the usual order ("Agatha Christie"), and its title is a work.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sitegen.lexicon import is_given_name

CITATION_MAX_TOKENS = 40
"""Longer paragraphs are prose, not one entry of a list."""
GIVEN_NAMES_MAX = 3
"""Words after the comma of an inverted name ("Macaulay, Thomas Babington")."""
AUTHOR_SEPARATORS = frozenset({"and", "&", ";"})


@dataclass(frozen=True)
class Author:
    """One inverted author name of a citation."""

    start: int
    end: int
    """Token offsets of "Surname, Given" in the paragraph's Doc."""
    name: str
    """The name in the usual order: "Agatha Christie"."""


@dataclass(frozen=True)
class Citation:
    """A paragraph read as "Surname, Given [and Surname, Given]. Title"."""

    authors: tuple[Author, ...]
    title_start: int
    """The first token of the title."""

    def in_authors(self, span: Span) -> bool:
        return any(span.start < author.end and author.start < span.end for author in self.authors)

    def in_title(self, span: Span) -> bool:
        return span.start >= self.title_start


def find_citation(doc: Doc) -> Citation | None:
    """The citation a paragraph is, or None: one or more inverted names, each a capitalized
    surname, a comma and given names (the first author's first a common given name), joined
    by "and", then a full stop and a title: no other full stop, no verb with a subject."""
    if len(doc) > CITATION_MAX_TOKENS:
        return None
    authors: list[Author] = []
    index = 0
    while True:
        author = _inverted_name(doc, index, common_given_name=not authors)
        if author is None:
            return None
        authors.append(author)
        index = author.end
        if index < len(doc) and doc[index].lower_ in AUTHOR_SEPARATORS:
            index += 1
            continue
        break
    if index >= len(doc) - 1 or doc[index].text != ".":
        return None
    title = doc[index + 1 :]
    if any(token.text == "." for token in title[:-1]) or _is_clause(title):
        return None  # "Washington, George. He was the first president.": prose
    return Citation(tuple(authors), index + 1)


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _is_clause(title: Span) -> bool:
    """The words have a finite verb with a subject: a sentence, not a title."""
    return any(
        token.tag_ in FINITE_TAGS and any(child.dep_ == "nsubj" for child in token.children)
        for token in title
    )


def _inverted_name(doc: Doc, start: int, common_given_name: bool) -> Author | None:
    """ "Christie, Agatha" at ``start``: a surname, a comma, given names (the first a common
    given name when ``common_given_name``: the first author of a citation)."""
    if start + 2 >= len(doc) or not _is_name_word(doc[start]) or doc[start + 1].text != ",":
        return None
    end = start + 2
    while end < len(doc) and end - start - 2 < GIVEN_NAMES_MAX and _is_name_word(doc[end]):
        end += 1
    given = doc[start + 2 : end]
    if not given or (common_given_name and not is_given_name(given[0].text)):
        return None
    return Author(start, end, f"{given.text} {doc[start].text}")


def _is_name_word(token: Token) -> bool:
    return token.is_title and token.text.replace("-", "").replace("'", "").isalpha()
