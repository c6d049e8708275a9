"""Direct quotations in a parsed block, with the speaker as written (resolved later).

A quotation is the text between double quotation marks (curly or straight) of at least
``MIN_QUOTE_WORDS`` words; shorter ones are scare quotes or quoted names ("the 'Two Michaels'
crisis"). Its speaker is the subject of the speech verb that governs it (“...,” said NAME;
“...,” he added; She urged X to “...”), or of a speech verb right before or after it; a
quotation with neither continues the previous one of its paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from sitegen.lexicon import word_set
from sitegen.model import QuoteSpan, SpeakerForm
from sitegen.nlp.doctext import doc_text

OPENING = '“"'
CLOSING = '”"'
_QUOTE_MARK = re.compile(f"[{re.escape(OPENING + CLOSING)}]")
MIN_QUOTE_WORDS = 4
WINDOW_TOKENS = 12
SPEECH_VERBS = word_set("speech-verbs")
SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
STOP_PUNCT = frozenset({".", "!", "?"})


def find_quotes(doc: Doc, offset: int, sentence_of: Sequence[int]) -> list[QuoteSpan]:
    """The block's quotations; ``sentence_of`` gives each token's sentence index."""
    found = []
    text = doc_text(doc)
    for open_char, close_char in quote_marks(text):
        inner = _inner_tokens(doc, open_char, close_char)
        if inner is None or _word_count(inner) < MIN_QUOTE_WORDS:
            continue
        start, end = _trimmed(text, open_char + 1, close_char)
        verb = _governing_verb(inner) or _adjacent_verb(doc, inner)
        form, speaker = _speaker(doc, verb, inner) if verb is not None else ("none", None)
        found.append(
            QuoteSpan(
                start=start + offset,
                end=end + offset,
                text=text[start:end],
                sentence=sentence_of[inner.start],
                speaker_form=form,
                speaker_start=speaker[0] + offset if speaker else -1,
                speaker_end=speaker[1] + offset if speaker else -1,
                speaker_text=text[speaker[0] : speaker[1]] if speaker else "",
                verb=verb.lemma_.lower() if verb is not None else "",
            )
        )
    return found


def quote_marks(text: str) -> list[tuple[int, int]]:
    """(opening, closing) character positions of double-quoted passages; an unclosed one runs
    to the end of the text (a quotation continued in the next paragraph)."""
    pairs = []
    open_at = -1
    for mark in _QUOTE_MARK.finditer(text):  # only the marks, not every character
        index, char = mark.start(), mark.group()
        if open_at < 0 and char in OPENING:
            open_at = index
        elif open_at >= 0 and char in CLOSING:
            pairs.append((open_at, index))
            open_at = -1
    if open_at >= 0:
        pairs.append((open_at, len(text)))
    return pairs


def _inner_tokens(doc: Doc, open_char: int, close_char: int) -> Span | None:
    span = doc.char_span(open_char + 1, close_char, alignment_mode="expand")
    if span is None or not len(span):
        return None
    start, end = span.start, span.end
    while start < end and doc[start].text in OPENING:
        start += 1
    while end > start and doc[end - 1].text in CLOSING:
        end -= 1
    return doc[start:end] if start < end else None


def _word_count(span: Span) -> int:
    return sum(1 for token in span if not token.is_punct)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without surrounding spaces and a trailing comma (“..., ” said X)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _is_speech_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SPEECH_VERBS


def _governing_verb(inner: Span) -> Token | None:
    """The speech verb outside the quotation that the quoted words depend on."""
    for token in inner:
        head = token
        while inner.start <= head.i < inner.end and head.head.i != head.i:
            head = head.head
        if inner.start <= head.i < inner.end:
            continue
        for candidate in (head, head.head):
            if _is_speech_verb(candidate):
                return candidate
    return None


def _adjacent_verb(doc: Doc, inner: Span) -> Token | None:
    """A speech verb just after the quotation (“...,” he added) or just before it."""
    after = _window(doc, inner.end, 1)
    before = _window(doc, inner.start - 1, -1)
    for token in [*after, *before]:
        if _is_speech_verb(token):
            return token
    return None


def _window(doc: Doc, start: int, step: int) -> list[Token]:
    tokens: list[Token] = []
    index = start
    while 0 <= index < len(doc) and len(tokens) < WINDOW_TOKENS:
        token = doc[index]
        if token.text in STOP_PUNCT or (tokens and token.text in OPENING + CLOSING):
            break
        tokens.append(token)
        index += step
    return tokens


def _speaker(doc: Doc, verb: Token, inner: Span) -> tuple[SpeakerForm, tuple[int, int] | None]:
    """The speech verb's subject: a name, a pronoun or a noun phrase, as character offsets."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and not _inside(c, inner)]
    if not subjects and verb.dep_ == "conj" and _is_speech_verb(verb.head):
        subjects = [c for c in verb.head.children if c.dep_ in SUBJECTS]
    if not subjects:
        names = [t for t in _window(doc, verb.i + 1, 1) if t.ent_type_ == "PERSON"]
        subjects = names[:1]
    if not subjects:
        return "none", None
    subject = subjects[0]
    if subject.pos_ == "PRON":
        if subject.lower_ in SPEAKER_PRONOUNS:
            return "pronoun", (subject.idx, subject.idx + len(subject.text))
        return "none", None
    if subject.ent_type_ in SPEAKER_LABELS:
        entity = next(ent for ent in doc.ents if ent.start <= subject.i < ent.end)
        return "name", (entity.start_char, entity.end_char)
    words = [t for t in subject.lefts if t.dep_ in ("compound", "amod")]
    first = words[0] if words else subject
    return "nominal", (first.idx, subject.idx + len(subject.text))


def _inside(token: Token, inner: Span) -> bool:
    return inner.start <= token.i < inner.end
