"""``Doc.text`` once per Doc: spaCy joins every token's text on each access, which cost about
15% of the analysis when the date and quotation finders asked for it per expression (the
analysis hands each Doc the text it was made from instead). The text of a few tokens
(``doc[start:end].text``, asked for every title candidate before a name) is a slice of it at
the tokens' offsets, read once per Doc as an array."""

from __future__ import annotations

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

KEY = "sitegen.text"
BOUNDS_KEY = "sitegen.token-bounds"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed on the first call and kept in ``doc.user_data``."""
    text = doc.user_data.get(KEY)
    if text is None:
        text = doc.user_data[KEY] = doc.text
    return str(text)


def remember_text(doc: Doc, text: str) -> None:
    """Keep ``text``, the string ``doc`` was made from, as its ``doc_text``: spaCy's tokenizer
    keeps every character, so it is ``doc.text``."""
    doc.user_data[KEY] = text


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` for ``0 <= start < end <= len(doc)``: the document's text from
    the first token's start to the last token's end (its trailing space left out)."""
    bounds = doc.user_data.get(BOUNDS_KEY)
    if bounds is None:
        columns = doc.to_array([IDX, LENGTH])
        bounds = (columns[:, 0].tolist(), (columns[:, 0] + columns[:, 1]).tolist())
        doc.user_data[BOUNDS_KEY] = bounds
    return doc_text(doc)[bounds[0][start] : bounds[1][end - 1]]
