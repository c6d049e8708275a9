"""Coreference candidates in a parsed block: third-person pronouns and definite nouns.

"he", "him", "his", "she", "her" and their reflexives (inside quotations too, marked), and
noun phrases outside quotations of "the" plus an organization noun ("the company", "the
carmaker", "the bank"), a generic one after other nouns ("the car company", "the auto
maker"), or a title ("the prime minister").
They are resolved to entities later (``sitegen.resolve.coref``), where the names are known.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import POS
from spacy.symbols import NOUN, PRON
from spacy.tokens import Doc, Token

from sitegen.lexicon import GENERIC_ORGANIZATION_NOUNS, ORGANIZATION_HEADS, is_title
from sitegen.model import Reference, ReferenceForm
from sitegen.nlp.doctext import span_text

PERSONAL_PRONOUNS = frozenset("""he him his himself she her hers herself""".split())
"""Third-person singular pronouns of people (not "it", "they": too often not an entity)."""
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
RELATIONAL_MODIFIERS = frozenset({"parent", "subsidiary", "rival", "partner", "holding"})
"""Nouns before "company" that name another company than the one named last."""
NOMINAL_MAX_WORDS = 4
"""Longest definite noun phrase taken as a reference ("the deputy prime minister")."""


def find_references(
    doc: Doc, offset: int, sentence_of: Sequence[int], quoted: list[tuple[int, int]]
) -> list[Reference]:
    """The block's references; ``quoted`` holds (start, end) character spans of quotations
    in ``doc``: a pronoun inside one is marked ``quoted`` (the speaker speaks of someone
    else), a noun inside one is not taken (the speaker's "the company" may be their own)."""
    found: list[Reference] = []
    tags = doc.to_array([POS])  # only pronouns and nouns can start one: read the rest as an array
    for index in ((tags == PRON) | (tags == NOUN)).nonzero()[0].tolist():
        token = doc[index]
        inside = _inside(token.idx, quoted)
        if token.lower_ in PERSONAL_PRONOUNS and token.pos_ == "PRON":
            found.append(
                _reference(token, token.i, token.i + 1, "pronoun", offset, sentence_of, inside)
            )
        elif inside:
            continue
        elif token.pos_ == "NOUN" and token.text.islower():
            start = _nominal_start(token)
            if start is not None:
                found.append(_reference(token, start, token.i + 1, "nominal", offset, sentence_of))
    return found


def copula_attributes(token: Token) -> list[Token]:
    """The attributes of "be" when ``token`` heads its subject ("writer" in "Zeta is a
    writer"), in their order; none otherwise."""
    if token.dep_ != "nsubj" or token.head.lemma_ != "be":
        return []
    return [child for child in token.head.children if child.dep_ == "attr"]


def is_subject(token: Token) -> bool:
    """The token heads the subject of its clause, or a name in apposition to it ("His father,
    NAME, said"): an antecedent preferred for the pronouns that follow."""
    if token.dep_ == "appos":
        return token.head.dep_ in SUBJECTS
    return token.dep_ in SUBJECTS


def _nominal_start(head: Token) -> int | None:
    """Where "the company" / "the prime minister" starts if ``head`` ends one, else None."""
    doc = head.doc
    start = head.i
    while (
        start > 0
        and head.i - start < NOMINAL_MAX_WORDS
        and doc[start - 1].is_lower
        and (doc[start - 1].pos_ in ("NOUN", "ADJ", "PROPN"))
    ):
        start -= 1
    if start == 0 or doc[start - 1].lower_ != "the":
        return None
    if head.i + 1 < len(doc) and doc[head.i + 1].pos_ in ("NOUN", "PROPN"):
        return None  # "the company spokesman": the head is further on
    words = span_text(doc, start, head.i + 1)
    if head.i == start and (
        head.lower_ in GENERIC_ORGANIZATION_NOUNS or head.lower_ in ORGANIZATION_HEADS
    ):
        return start - 1  # "the company", "the bank"
    if head.lower_ in GENERIC_ORGANIZATION_NOUNS and all(
        t.pos_ == "NOUN" and t.lower_ not in RELATIONAL_MODIFIERS for t in doc[start : head.i]
    ):
        return start - 1  # "the car company", "the auto maker"
    return start - 1 if is_title(words) else None


def _reference(
    head: Token,
    start: int,
    end: int,
    form: ReferenceForm,
    offset: int,
    sentence_of: Sequence[int],
    quoted: bool = False,
) -> Reference:
    span = head.doc[start:end]
    return Reference(
        start=span.start_char + offset,
        end=span.end_char + offset,
        text=span.text,
        sentence=sentence_of[head.i],
        form=form,
        subject=head.dep_ in SUBJECTS,
        quoted=quoted,
    )


def _inside(char: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= char < end for start, end in spans)
