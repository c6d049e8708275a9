"""A Doc's names -> plain ``Mention`` data: spaCy's entities mended (``sitegen.nlp.spans``),
the proper nouns it left untagged, the authors of a citation; each name trimmed of "the",
titles and possessives, with its title, role, qualifier and the cue of the words around it
(``sitegen.nlp.cues``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from spacy.attrs import ENT_TYPE, IS_ALPHA, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from sitegen.lexicon import OFFICE_TITLES, TITLE_MAX_WORDS, is_office_title_word, is_title
from sitegen.model import PLACE_LABELS, QUOTED_NAME_MAX_WORDS, UNLABELLED_NAME, Mention
from sitegen.nlp.citations import find_citation
from sitegen.nlp.cues import context_cue
from sitegen.nlp.dictionary import is_dictionary_phrase
from sitegen.nlp.doctext import span_text
from sitegen.nlp.references import copula_attributes, is_subject
from sitegen.nlp.spans import (
    POSSESSIVE_ENDINGS,
    descriptor_end,
    is_stance_word,
    joined_entities,
    split_coordination,
    with_acronym_words,
    with_doubled_word,
    with_head_before,
    with_head_word,
    without_trailing_phrase,
)
from sitegen.nlp.teams import score_length
from sitegen.rules import Rule, rule

CREDIT_WORDS = frozenset({"image", "photo", "photograph", "picture", "video", "credit"})
"""Words of a caption's credit line that spaCy may take into the name before them."""
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"}
)
"""spaCy labels kept as mentions; numeric and date labels are handled elsewhere."""
QUOTES_OPEN = "“‘\"'"
QUOTES_CLOSE = "”’\"'"
ROLE_MAX_TOKENS = 30
UNLABELLED_NAME_MAX_WORDS = 4
LEADING_DROPS = frozenset({"the", "a", "an"})


def name_mentions(doc: Doc, offset: int, sentences: list[int], tagged: bool) -> Iterator[Mention]:
    """The mentions of a block's names: its entities, and with a tagger its untagged proper
    nouns; a block that is a citation ("Christie, Agatha. Title") gives its authors as
    people and its title's names as a work's."""
    citation = find_citation(doc) if tagged else None
    extended: list[Span] = []  # head words spaCy left out of a name: "Plains" of "Arafat"
    for ent in joined_entities(doc):
        if ent.label_ not in NAME_LABELS or (citation and citation.in_authors(ent)):
            continue
        # a place named in a title is still the place ("History of England")
        work = citation is not None and citation.in_title(ent) and ent.label_ not in PLACE_LABELS
        name = with_head_before(with_head_word(without_trailing_phrase(with_doubled_word(ent))))
        name = with_acronym_words(name)
        if name.start < ent.start:
            extended.append(doc[name.start : ent.start])
        for mention in _entity_mentions(name, offset, sentences[ent.start]):
            yield replace(mention, cue="other") if work else mention
    for author in citation.authors if citation else ():
        span = Span(doc, author.start, author.end, label="PERSON")
        written = _mention(span, offset, sentences[author.start])
        if written is not None:
            yield replace(written, text=author.name)
    for span in unlabelled_names(doc) if tagged else ():
        if citation and (citation.in_authors(span) or citation.in_title(span)):
            continue
        if any(head.start <= span.start < head.end for head in extended):
            continue
        untagged = _mention(span, offset, sentences[span.start])
        if untagged is not None:
            yield untagged


def unlabelled_names(doc: Doc) -> Iterator[Span]:
    """Runs of capitalized proper nouns outside every entity, without leading titles, as
    spans labelled ``UNLABELLED_NAME``: names spaCy did not tag here ("Wikinews interviewed
    ..."); resolving keeps those the corpus names elsewhere or the article repeats."""
    runs: list[list[int]] = []
    for index in _unlabelled_name_words(doc):
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    for run in runs:
        start, end = run[0], run[-1] + 1
        while start < end and is_title(doc[start].text):
            start += 1
        if start < end <= start + UNLABELLED_NAME_MAX_WORDS:
            yield Span(doc, start, end, label=UNLABELLED_NAME)


def _unlabelled_name_words(doc: Doc) -> list[int]:
    """Indices of the alphabetic proper nouns outside every entity that start with a capital
    (POS, entity type and IS_ALPHA read as arrays: this scans every token of the corpus)."""
    columns = doc.to_array([POS, ENT_TYPE, IS_ALPHA])
    proper = (columns[:, 0] == PROPN) & (columns[:, 1] == 0) & (columns[:, 2] == 1)
    return [index for index in proper.nonzero()[0].tolist() if doc[index].text[:1].isupper()]


def _entity_mentions(ent: Span, offset: int, sentence: int) -> Iterator[Mention]:
    """The mentions of an entity span: one per name it holds ("North and South Korea": "North
    Korea" on the word "North", and "South Korea")."""
    for conjunct in split_coordination(ent):
        mention = _mention(conjunct.span, offset, sentence)
        if mention is not None and conjunct.shared:
            mention = replace(mention, text=f"{mention.text} {conjunct.shared}")
        if mention is not None:
            yield mention


def _mention(ent: Span, offset: int, sentence: int) -> Mention | None:
    """A Mention for an entity span: name trimmed of "the", titles and possessive."""
    doc = ent.doc
    start, end = ent.start, ent.end
    determiner = start > 0 and doc[start - 1].lower_ == "the"
    while start < end and doc[start].lower_ in LEADING_DROPS:
        determiner = True
        start += 1
    start = descriptor_end(doc, start, end)  # "magician David Gish", "Pan-democrat Lam"
    if is_stance_word(doc, start, end):
        return None  # "pro-Beijing": a word of a stance, as "American" is of a country
    inner_title_end = _title_prefix_end(doc, start, end)
    title_start = _title_before(doc, ent.start)
    title_tokens = list(doc[title_start:start]) + list(doc[start:inner_title_end])
    if ent.label_ == "PERSON":
        start = inner_title_end  # a title inside another label's name is part of it:
        # "General Motors", "King's College" (it still votes person: "Dean Kamen")
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in POSSESSIVE_ENDINGS):
        end -= 1
    label = ent.label_
    if label == "PERSON" and end - 1 > start and is_office_title_word(doc[end - 1].text):
        end -= 1  # "Virginia Governor(s)": an office, and the place or body it is of
        label = UNLABELLED_NAME
    cue_label = label  # the words around a name are read as for the label spaCy gave it
    if label == "PERSON" and is_dictionary_phrase(doc, start, end):
        label = UNLABELLED_NAME  # "deliver goods to Ground Zero": common words, no person's
    # a score in or after the name: "Sweden 1 (– 0 up)", "beat Chelsea 2-1"
    end = next((i for i in range(start + 1, end) if score_length(doc, i)), end)
    airline_end = _without_flight_number(doc, start, end)
    airline = airline_end < end  # "Air France Flight 447" -> "Air France", whatever the label
    if airline:
        end, label = airline_end, "ORG"
    if label != "PERSON":
        while end - 1 > start and doc[end - 1].lower_ in OFFICE_TITLES:
            end -= 1  # "State Department Spokesperson" -> "State Department"
    if end - 1 > start and end < len(doc) and doc[end].text == ":":
        if doc[end - 1].lower_ in CREDIT_WORDS:
            end -= 1  # a caption's credit: "... Space Station Image: NASA"
    if start >= end:
        return None
    name = doc[start:end]
    title = " ".join(token.text for token in title_tokens if token.lower_ not in LEADING_DROPS)
    role, role_start, role_end = _role(ent, offset) if label == "PERSON" else ("", -1, -1)
    return Mention(
        start=name.start_char + offset,
        end=name.end_char + offset,
        text=name.text,
        label=label,
        sentence=sentence,
        title=title,
        qualifier=_qualifier(doc, end) if title else "",
        role=role,
        role_start=role_start,
        role_end=role_end,
        quoted=_in_quoted_name(doc, start, end),
        subject=is_subject(name.root),
        determiner=determiner,
        cue="organization" if airline else context_cue(doc, start, end, cue_label),
    )


def _title_prefix_end(doc: Doc, start: int, end: int) -> int:
    """Skip title words at the start of the span ("President Trump" -> "Trump")."""
    position = start
    while position < end - 1:
        step = _title_length_at(doc, position, end - 1)
        if not step:
            break
        position += step
    return position


def _title_before(doc: Doc, start: int) -> int:
    """The first index of title words just before ``start`` ("Prime Minister" Mark Carney)."""
    position = start
    while position > 0:
        for size in range(TITLE_MAX_WORDS, 0, -1):
            begin = position - size
            if begin < 0 or not is_title(span_text(doc, begin, position)):
                continue
            if _capitalized(doc[begin]):
                position = begin
                break
        else:
            break
    return position


def _title_length_at(doc: Doc, position: int, limit: int) -> int:
    for size in range(TITLE_MAX_WORDS, 0, -1):
        if position + size <= limit and is_title(span_text(doc, position, position + size)):
            return size
    return 0


def _capitalized(token: Token) -> bool:
    return token.text[:1].isupper()


def _without_flight_number(doc: Doc, start: int, end: int) -> int:
    """The end of a name without "Flight" and the flight's number after the airline's name
    ("Air France Flight 447", "Adam Air Flight 574"): the flight is an event, the airline
    the organization named (its mention votes so as strongly as "... Airways" would: not a
    person for a given name first, "Adam")."""
    for index in range(start + 1, end):
        if doc[index].text == "Flight" and (index + 1 >= len(doc) or doc[index + 1].like_num):
            return index
    return end


def _qualifier(doc: Doc, end: int) -> str:
    """``of PLACE`` right after a titled name: "Premier Li Qiang of China"."""
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        for ent in doc.ents:
            if ent.start == end + 1 and ent.label_ in ("GPE", "LOC"):
                return f"of {ent.text}"
    return ""


def _in_quoted_name(doc: Doc, start: int, end: int) -> bool:
    """True when the tokens sit inside a short quotation, like the 'Two Michaels' crisis."""
    left = start - 1
    while left >= 0 and start - left <= QUOTED_NAME_MAX_WORDS:
        if doc[left].text in QUOTES_OPEN:
            break
        if doc[left].is_punct:
            return False
        left -= 1
    else:
        return False
    right = end
    while right < len(doc) and right - left <= QUOTED_NAME_MAX_WORDS + 1:
        if doc[right].text in QUOTES_CLOSE:
            return True
        if doc[right].is_punct:
            return False
        right += 1
    return False


ROLE_APPOSITIVE = rule(
    "role.appositive",
    "role",
    "A description in apposition after a person's name is a role ('Anna Quellford, a former "
    "diplomat at the ministry, said').",
    examples=[
        {
            "text": "Anna Quellford, a former diplomat, said the talks had failed.",
            "name": "Anna Quellford",
            "role": "former diplomat",
        }
    ],
)
ROLE_PREDECESSOR = rule(
    "role.apposed-noun",
    "role",
    "The noun a person's name is in apposition to is a role ('his predecessor, Anna "
    "Quellford'), not a caption's credit ('Image: Anna Quellford').",
    examples=[
        {
            "text": "The company's chairman, Anna Quellford, resigned on Monday.",
            "name": "Anna Quellford",
            "role": "company's chairman",
        }
    ],
)
ROLE_COPULA = rule(
    "role.copula-attribute",
    "role",
    "What a person's name is said to be after a copula is a role ('Anna Quellford is the "
    "bureau chief for The Times').",
    examples=[
        {
            "text": "Anna Quellford is the bureau chief for The Daily Quell.",
            "name": "Anna Quellford",
            "role": "bureau chief for The Daily Quell",
        }
    ],
)


def _role(ent: Span, offset: int) -> tuple[str, int, int]:
    """An appositive or copular description of a person ("a former diplomat at X"): the first
    of ``role.appositive``, ``role.apposed-noun`` and ``role.copula-attribute`` that finds one."""
    if ent.label_ != "PERSON":
        return "", -1, -1
    root = ent.root
    finders: tuple[tuple[Rule, Callable[[], Span | None]], ...] = (
        (ROLE_APPOSITIVE, lambda: _appositive(root, ent)),
        (ROLE_PREDECESSOR, lambda: _predecessor(root, ent)),
        (ROLE_COPULA, lambda: _copula(root)),
    )
    for decides, find in finders:
        span = find() if decides.on else None
        if span is not None:
            decides.fired()
            return span.text, span.start_char + offset, span.end_char + offset
    return "", -1, -1


def _appositive(root: Token, ent: Span) -> Span | None:
    for child in root.children:
        if child.dep_ == "appos" and not (ent.start <= child.i < ent.end):
            if child.ent_type_ == "PERSON":
                continue
            return _clean_span(child.doc, child.left_edge.i, child.right_edge.i + 1)
    return None


def _predecessor(root: Token, ent: Span) -> Span | None:
    """ "Mr. Carney's predecessor, Justin Trudeau": the noun the name is in apposition to;
    not a caption's credit ("Image: Mark Rathbun", "Shimon Peres image by ...")."""
    head = root.head
    if root.dep_ != "appos" or head.ent_type_ or head.pos_ not in ("NOUN",):
        return None
    if head.lower_ in CREDIT_WORDS:
        return None
    return _clean_span(root.doc, head.left_edge.i, head.i + 1)


def _copula(root: Token) -> Span | None:
    """ "X is the Canada bureau chief for The Times": the attribute of a copula."""
    for child in copula_attributes(root):
        if child.i > root.i:
            return _clean_span(root.doc, child.left_edge.i, child.right_edge.i + 1)
    return None


def _clean_span(doc: Doc, start: int, end: int) -> Span | None:
    """Trim determiners, punctuation and anything after a comma or semicolon; cap the length."""
    for index in range(start + 2, end):
        if doc[index].text in (";", ","):
            end = index
            break
    while start < end and (doc[start].lower_ in LEADING_DROPS or doc[start].is_punct):
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    if start >= end or end - start > ROLE_MAX_TOKENS:
        return None
    return doc[start:end]
