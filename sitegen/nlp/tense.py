"""Grammatical tense of a sentence or clause, from spaCy tags and morphology.

Only the tense relevant for anchoring relative dates is kept: past, present or future.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitegen.model import Tense

_FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo"})
"""Modal auxiliaries that mark the future ("wo" is spaCy's token for "won't")."""

_AUX_DEPS = frozenset({"aux", "auxpass"})
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
_MAX_CLIMB = 8


def _auxiliaries(verb: Token) -> list[Token]:
    return [child for child in verb.children if child.dep_ in _AUX_DEPS]


def _is_past_form(token: Token) -> bool:
    return token.tag_ == "VBD" or ("Past" in token.morph.get("Tense", []) and token.tag_ != "VBN")


def _is_infinitive(verb: Token) -> bool:
    """A to-infinitive ("to remain", "to be held")."""
    return any(a.tag_ == "TO" for a in _auxiliaries(verb))


def _governor(verb: Token) -> Token | None:
    """The verb governing a to-infinitive, climbing through adjectives ("is set to")."""
    token = verb
    for _ in range(_MAX_CLIMB):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.tag_ in _VERB_TAGS:
            return token
    return None


def verb_tense(verb: Token, _depth: int = 0) -> Tense:
    """Tense of a verb, counting its auxiliaries (will/shall → future, was/had → past)."""
    auxes = _auxiliaries(verb)
    if verb.tag_ in ("VB", "VBG") and not auxes and _depth < _MAX_CLIMB:
        governor = _governor(verb)  # non-finite: "before heading to Qatar", "and visit"
        if governor is not None:
            return verb_tense(governor, _depth + 1)
    if any(a.lower_ in _FUTURE_MODALS for a in auxes if a.tag_ == "MD"):
        return "future"
    if verb.tag_ == "MD":
        return "future" if verb.lower_ in _FUTURE_MODALS else "present"
    if _is_infinitive(verb):
        return _infinitive_tense(verb, _depth)
    if _is_past_form(verb) or any(_is_past_form(a) for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in {"ROOT", "relcl", "acl", "conj"}:
        return "past"
    if any(c.dep_ == "xcomp" and _is_infinitive(c) for c in verb.children):
        return "future"  # "is going to / is expected to / plans to" + verb
    return "present"


def _infinitive_tense(verb: Token, depth: int) -> Tense:
    """'is going to / is set to / plans to VERB' → future; 'decided to' (past) → past."""
    governor = _governor(verb)
    if governor is None or depth > _MAX_CLIMB:
        return "future"  # headline style: "Markets to remain closed"
    finite_past = governor.tag_ == "VBD" or any(_is_past_form(a) for a in _auxiliaries(governor))
    return "past" if finite_past else "future"


def _main_verb(sent: Span) -> Token | None:
    root = sent.root
    if root.tag_ in _VERB_TAGS:
        return root
    verbs = [t for t in sent if t.tag_ in _VERB_TAGS and t.dep_ not in _AUX_DEPS]
    return verbs[0] if verbs else None


def sentence_tense(sent: Span) -> Tense:
    """Tense of the sentence's main verb (present when it has none)."""
    verb = _main_verb(sent)
    return verb_tense(verb) if verb is not None else "present"


def clause_verb(token: Token) -> Token | None:
    """The nearest verb governing ``token`` (the token itself when it is a verb)."""
    for _ in range(_MAX_CLIMB):
        if token.tag_ in _VERB_TAGS and token.dep_ not in _AUX_DEPS | {"amod"}:
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def span_tense(span: Span) -> Tense:
    """Tense of the clause holding ``span``, falling back to its sentence's tense."""
    verb = clause_verb(span.root)
    if verb is None:
        return sentence_tense(span.sent)
    return verb_tense(verb)
