"""Run the pipeline over articles and turn Docs into plain, cacheable Analysis data."""

from __future__ import annotations

import bisect
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from spacy.attrs import DEP, ENT_TYPE, HEAD, IS_ALPHA, POS
from spacy.language import Language
from spacy.symbols import NOUN, PRON, PROPN
from spacy.tokens import Doc, Span, Token

from sitegen.lexicon import (
    DOTTED_ABBREVIATIONS,
    MARKET_MOVE_UNITS,
    MARKET_MOVE_VERBS,
    MESSAGE_NOUNS,
    OFFICE_TITLES,
    ORGANIZATION_DESCRIPTORS,
    ORGANIZATION_HEADS,
    PEOPLE_NOUNS,
    PERSON_DESCRIPTORS,
    PERSON_NOUNS,
    PORTFOLIO_TITLES,
    POSTING_VERBS,
    SAYING_ON,
    SERVICE_NOUNS,
    STUDY_HOLDERS,
    TITLE_MAX_WORDS,
    TRAVEL_VERBS,
    is_office_title_word,
    is_title,
)
from sitegen.model import (
    KIND_OF_LABEL,
    PLACE_LABELS,
    UNLABELLED_NAME,
    Analysis,
    Article,
    Mention,
    QuoteSpan,
    Reference,
    Sentence,
    TimeExpression,
)
from sitegen.nlp.citations import find_citation
from sitegen.nlp.dictionary import dictionary_words, is_dictionary_phrase, remember_dictionary
from sitegen.nlp.doctext import remember_text, span_text
from sitegen.nlp.products import is_product_context, mark_short_names_of_things
from sitegen.nlp.quotes import find_quotes
from sitegen.nlp.references import copula_attributes, find_references, is_subject
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
from sitegen.nlp.teams import is_team_name, score_length
from sitegen.nlp.tense import sentence_tense
from sitegen.nlp.timex import Antecedents, tag_times
from sitegen.rules import counting

log = logging.getLogger(__name__)

CREDIT_WORDS = frozenset({"image", "photo", "photograph", "picture", "video", "credit"})
"""Words of a caption's credit line that spaCy may take into the name before them."""
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"}
)
"""spaCy labels kept as mentions; numeric and date labels are handled elsewhere."""
QUOTES_OPEN = "“‘\"'"
QUOTES_CLOSE = "”’\"'"
QUOTED_NAME_MAX_WORDS = 5
ROLE_MAX_TOKENS = 30
UNLABELLED_NAME_MAX_WORDS = 4
LEADING_DROPS = frozenset({"the", "a", "an"})
TEAM_LABELS = frozenset({"GPE", "LOC"})
"""spaCy labels of the names a sports team takes from its country or city ("Sweden")."""
CHUNK_MAX_CHARS = 100_000
"""Longest text given to spaCy at once (also kept under ``nlp.max_length``): bounds memory."""
ZONE_TEXTS = 4096
"""Blocks processed per ``nlp.memory_zone()`` (about 200 articles)."""
MIN_TEXTS_PER_PROCESS = 256
"""Fewer blocks than this per worker process: run in this process instead."""


@dataclass
class _ArticleParts:
    """Accumulates one article's sentences and mentions while its blocks stream in."""

    sentences: list[Sentence] = field(default_factory=list)
    rule_counts: Counter[str] = field(default_factory=Counter)
    """How often each rule decided in the article (``sitegen.rules``)."""
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    noun_chunks: list[tuple[int, int, str]] = field(default_factory=list)
    quotes: list[QuoteSpan] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    antecedents: Antecedents = field(default_factory=Antecedents)
    """Dates mentioned so far, for "that same year" in a later paragraph."""


def analyze(
    articles: Iterable[Article],
    nlp: Language,
    batch_size: int = 64,
    n_process: int = 1,
    zone_texts: int = ZONE_TEXTS,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Analysis]:
    """Process every block of every article with ``nlp.pipe``; returns analyses by article id.

    Articles go through in chunks of about ``zone_texts`` blocks, each inside
    ``nlp.memory_zone()`` with its Docs turned into plain data there, so memory does not grow
    over a long run. ``n_process`` worker processes are used only for a chunk big enough to
    pay for starting them. ``progress`` is called with the number of articles done since its
    last call, as they are done (every article counts once, however many blocks it has).
    """
    analyses: dict[str, Analysis] = {}
    dictionary = dictionary_words(nlp)
    for chunk in _article_chunks(list(articles), zone_texts):
        texts = sum(len(article.blocks) for article in chunk)
        processes = n_process if texts >= MIN_TEXTS_PER_PROCESS * n_process else 1
        with nlp.memory_zone():
            analyses.update(
                _analyze_chunk(chunk, nlp, batch_size, processes, dictionary, progress)
            )
    return analyses


def _article_chunks(articles: list[Article], zone_texts: int) -> Iterator[list[Article]]:
    """Consecutive runs of whole articles with about ``zone_texts`` blocks each."""
    chunk: list[Article] = []
    size = 0
    for article in articles:
        chunk.append(article)
        size += len(article.blocks)
        if size >= zone_texts:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _analyze_chunk(
    articles: list[Article],
    nlp: Language,
    batch_size: int,
    n_process: int,
    dictionary: frozenset[str],
    progress: Callable[[int], None] | None = None,
) -> dict[str, Analysis]:
    parts = {article.id: _ArticleParts() for article in articles}
    by_id = {article.id: article for article in articles}
    position = {article.id: index for index, article in enumerate(articles)}
    done = 0  # articles before the one being read: blocks stream in article order
    max_chars = min(nlp.max_length, CHUNK_MAX_CHARS)
    stream = nlp.pipe(
        _block_texts(articles, max_chars),
        as_tuples=True,
        batch_size=batch_size,
        n_process=n_process,
    )
    for doc, (article_id, block_index, offset, text) in stream:
        if progress is not None and position[article_id] > done:
            progress(position[article_id] - done)
            done = position[article_id]
        remember_text(doc, text)
        remember_dictionary(doc, dictionary)
        article = by_id[article_id]
        with counting() as fired:
            _add_doc(parts[article_id], article, block_index, doc, offset)
        parts[article_id].rule_counts.update(fired)
    if progress is not None and len(articles) > done:
        progress(len(articles) - done)
    return {
        article_id: Analysis(
            article=article_id,
            sentences=tuple(part.sentences),
            mentions=tuple(mark_short_names_of_things(part.mentions)),
            times=tuple(part.times),
            noun_chunks=tuple(part.noun_chunks),
            quotes=tuple(part.quotes),
            references=tuple(part.references),
            rule_counts=tuple(sorted(part.rule_counts.items())),
        )
        for article_id, part in parts.items()
    }


def _block_texts(
    articles: list[Article], max_chars: int
) -> Iterator[tuple[str, tuple[str, int, int, str]]]:
    """Each block's text (in chunks of at most ``max_chars``) with (article, block, offset,
    the text again: the Doc's text without spaCy joining its tokens)."""
    for article in articles:
        for index, block in enumerate(article.blocks):
            for start, chunk in split_long_text(article.block_text(block), max_chars):
                yield chunk, (article.id, index, block.start + start, chunk)


def split_long_text(text: str, max_chars: int) -> Iterator[tuple[int, str]]:
    """``(offset, chunk)`` pieces of ``text``, each at most ``max_chars`` long.

    Over-long text is cut after the last sentence end (". ", "? ", "! ") in the window, else at
    the last white space, else hard at ``max_chars``; pieces keep their original offsets.
    """
    start = 0
    while len(text) - start > max_chars:
        window = text[start : start + max_chars]
        cut = max(window.rfind(end) for end in (". ", "? ", "! ")) + 2
        if cut < max_chars // 2:
            cut = window.rfind(" ") + 1
        if cut < max_chars // 2:
            cut = max_chars
        yield start, window[:cut]
        start += cut
    yield start, text[start:]


def _add_doc(
    parts: _ArticleParts, article: Article, block_index: int, doc: Doc, offset: int
) -> None:
    first_sentence = len(parts.sentences)
    sents = list(doc.sents)
    tagged = doc.has_annotation("TAG")
    sentence_of_token = [0] * len(doc)
    for index, sent in enumerate(sents):
        tense = sentence_tense(sent) if tagged else "present"
        parts.sentences.append(
            Sentence(sent.start_char + offset, sent.end_char + offset, block_index, tense)
        )
        sentence_of_token[sent.start : sent.end] = [index] * (sent.end - sent.start)
    if tagged:
        starts = [sent.start_char for sent in sents]
        ends = [sent.end_char for sent in sents]
        parts.times.extend(
            replace(time, sentence=first_sentence + _sentence_at(starts, ends, time.start - offset))
            for time in tag_times(doc, article.published, offset, parts.antecedents)
        )
    sentences = [first_sentence + index for index in sentence_of_token]
    if doc.has_annotation("DEP"):
        parts.noun_chunks.extend(
            (chunk.start_char + offset, chunk.end_char + offset, chunk_lemma(chunk))
            for chunk in (doc[start:end] for start, end in noun_chunk_spans(doc))
        )
        quotes = find_quotes(doc, offset, sentences)
        parts.quotes.extend(quotes)
        quoted = [(q.start - offset, q.end - offset) for q in quotes]
        parts.references.extend(find_references(doc, offset, sentences, quoted))
    parts.mentions.extend(_name_mentions(doc, offset, sentences, tagged))


def _name_mentions(doc: Doc, offset: int, sentences: list[int], tagged: bool) -> Iterator[Mention]:
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


NOUN_CHUNK_DEPS = "oprd nsubj dobj nsubjpass pcomp pobj dative appos attr ROOT".split()
"""The dependencies of an English noun chunk's head (spaCy's ``noun_chunks``)."""


def noun_chunk_spans(doc: Doc) -> Iterator[tuple[int, int]]:
    """The token spans of spaCy's English ``doc.noun_chunks``, found from the tokens' arrays:
    only nouns and pronouns with a noun phrase's dependency (or joined to one) are asked for
    their left edge, where spaCy's iterator builds every token of the document (test:
    ``tests/test_fast_paths.py``)."""
    strings = doc.vocab.strings
    np_deps = {strings.add(label) for label in NOUN_CHUNK_DEPS}
    conj = strings.add("conj")
    columns = doc.to_array([POS, DEP, HEAD]).astype("int64")  # HEAD: offset to the head
    pos, dep, head = columns[:, 0], columns[:, 1], columns[:, 2]
    nounish = (pos == NOUN) | (pos == PROPN) | (pos == PRON)
    phrasal = dep == conj
    for label in np_deps:
        phrasal |= dep == label
    prev_end = -1
    for index in (nounish & phrasal).nonzero()[0].tolist():
        left = doc[index].left_edge.i
        if left <= prev_end:
            continue
        if dep[index] != conj:
            prev_end = index
            yield left, index + 1
            continue
        top = index + head[index]
        while dep[top] == conj and head[top] < 0:
            top += head[top]
        if dep[top] in np_deps:
            prev_end = index
            yield left, index + 1


def chunk_lemma(chunk: Span) -> str:
    """A noun chunk's lemmas, lower case, without determiners, pronouns and numbers."""
    words = [
        token.lemma_.lower()
        for token in chunk
        if token.pos_ not in ("DET", "PRON", "NUM", "PUNCT") and not token.is_stop
    ]
    return " ".join(words)


def _sentence_at(starts: list[int], ends: list[int], char: int) -> int:
    """The index of the sentence holding character ``char`` (0 when none does)."""
    index = bisect.bisect_right(starts, char) - 1
    return index if index >= 0 and char < ends[index] else 0


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


def context_cue(doc: Doc, start: int, end: int, label: str) -> str:
    """The kind the words around ``doc[start:end]`` suggest, or "".

    "other" (a product, work or event; ``sitegen.nlp.products.is_product_context``): a
    product noun next to the name ("the browser Zeta"), a version or model number ("Zeta
    2.0", "IE6"), a description as a product ("Zeta, the newest version of ..."), a title
    after "a story called", an edition ("the 22nd Zeta Expo"), ...
    A time zone after a clock time ("16:08 ZT"), a currency code next to an amount ("ZQD 50"),
    and a market index that moves ("the Zeta fell 2%", "the Zeta index", "the Zeta was up 11
    points") are "other" too.

    "portfolio": a portfolio in a title ("Home" in "Home Secretary", "State" in "Secretary
    of State"); it is no mention of a name (``sitegen.resolve.entities.article_groups``).

    "person": an age in apposition ("Zeta, 45,"), or a noun of a person ("Zeta, an Australian
    woman,"; not for a name tagged a person).

    "people": a people's noun in apposition ("Zeta, a stateless minority of ..."; not for a
    name tagged a person); it votes for no page.

    "team": a country's or city's name on one side of a match ("Zeta defeated Freedonia 1 – 0",
    "Zeta's goalkeeper"; ``sitegen.nlp.teams.is_team_name``); it votes "organization".

    "place": "the town of Zeta", "Zeta, a town in ...", "travelled from Zeta", or a place
    name next to another with a comma between ("Zeta, Freedonia", "in Freedonia, Zeta, ...").

    "person" or "organization": an occupation or a kind of organization right before the name
    ("fashion designer Zeta", "retailer Zeta"; ``_descriptor_kind``); "person": the name is
    the subject of "is a <occupation>" (``_predicate_kind``); "organization": an online
    service ("his Zeta account", "said on Zeta"; ``_service_kind``); the kind of the other
    names of a list (``_conjunct_kind``).
    """
    if _is_portfolio(doc, start, end):
        return "portfolio"
    if (
        is_product_context(doc, start, end, label)
        or _is_time_zone(doc, start, end)
        or _is_currency(doc, start, end)
        or _is_market_index(doc, start, end)
        or (label not in PLACE_LABELS and _is_field_of_study(doc, start, end))
    ):
        return "other"
    appositive = _appositive_noun(doc, start, end)
    if _has_age(doc, end) or (label != "PERSON" and appositive in PERSON_NOUNS):
        return "person"  # "Zeta, 45,", "Zeta, a former actor,"
    if label != "PERSON" and appositive in PEOPLE_NOUNS:
        return "people"  # "Zeta, a stateless minority of ..."
    if label in TEAM_LABELS and is_team_name(doc, start, end):
        return "team"
    if _is_place_context(doc, start, end, label, appositive):
        return "place"
    return (
        _descriptor_kind(doc, start, end)
        or _predicate_kind(doc, start, end)
        or _service_kind(doc, start, end, label)
        or _conjunct_kind(doc, start, end, label)
    )


LIST_PUNCTUATION = frozenset({",", "and", "&", "/"})
"""Words between the names of a list ("A, B and C / D")."""


def _is_field_of_study(doc: Doc, start: int, end: int) -> bool:
    """ "Professor in Educational Leadership, Sport Studies and Educational / Counseling
    Psychology": a name in the list of capitalized words right after "in" or "of" after a
    word of study (``STUDY_HOLDERS``) is a field, not an organization. "Professor of the
    University of Zeta" is not: a lower-case word ends the list; nor an owner ("Professor in
    Zeta's Department of ...") or a name that ends in an organization's word ("Zeta
    College"). (Not asked of a name tagged a place: "a degree in Zeta" is where it was
    taken.)"""
    owner = end < len(doc) and doc[end].text in POSSESSIVE_ENDINGS
    if owner or doc[end - 1].lower_ in ORGANIZATION_HEADS:
        return False  # "Professor in Zeta's Department of ...", "a lecturer in Zeta College"
    position = start - 1
    while position > 0 and (doc[position].is_title or doc[position].lower_ in LIST_PUNCTUATION):
        position -= 1
    return (
        position > 0
        and doc[position].lower_ in ("in", "of")
        and doc[position - 1].lower_ in STUDY_HOLDERS
    )


def _service_kind(doc: Doc, start: int, end: int, label: str) -> str:
    """ "organization" for an online service, named by what it holds ("his Zeta account", "a
    Zeta post", "the Zeta video") or as where things are put ("posted to Zeta", "said on
    Zeta", "messages on Zeta"). Never a person's full name."""
    if label == "PERSON" and end - start > 1:
        return ""
    root = doc[start:end].root
    head = root.head
    if root.dep_ == "compound" and head.i >= end and head.lower_ in SERVICE_NOUNS:
        return "organization"
    if root.dep_ != "pobj" or head.dep_ != "prep":
        return ""
    holder = head.head
    lemma = holder.lemma_.lower()
    if head.lower_ == "to":  # "posted (a photo) to Zeta", not "posted a letter to Zeta"
        if holder.pos_ == "NOUN" and lemma in MESSAGE_NOUNS and holder.dep_ == "dobj":
            holder, lemma = holder.head, holder.head.lemma_.lower()  # "a photo to Zeta"
        objects = [child for child in holder.children if child.dep_ == "dobj"]
        messages = all(child.lemma_.lower() in MESSAGE_NOUNS for child in objects)
        posted = holder.pos_ == "VERB" and lemma in POSTING_VERBS
        return "organization" if posted and messages else ""
    if head.lower_ in ("on", "via"):
        said = holder.pos_ == "VERB" and lemma in SAYING_ON
        message = holder.pos_ == "NOUN" and lemma in MESSAGE_NOUNS
        return "organization" if said or message else ""
    return ""


CONJUNCT_KINDS: dict[str, str] = KIND_OF_LABEL | dict.fromkeys(
    ("PRODUCT", "WORK_OF_ART", "EVENT"), "other"
)
"""The kind a tagged name in a list gives the other names of the list (``_conjunct_kind``)."""
MIN_CONJUNCTS = 2
"""Tagged names a list needs besides the name for their kind to count."""


def _conjunct_kind(doc: Doc, start: int, end: int, label: str) -> str:
    """The kind of the other names of a list the name is in, when at least ``MIN_CONJUNCTS``
    of them are tagged, all of one kind, and spaCy tags this one otherwise ("Zeus, Hera,
    Poseidon and Athena": Athena, tagged ORG, is named among people). Not for a name tagged
    a place: "McMinnville, Oregon, and Texas A&M" is no list of three organizations."""
    if label in PLACE_LABELS:
        return ""
    top = doc[start:end].root
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    members, stack = [], [top]
    while stack:
        token = stack.pop()
        members.append(token)
        stack.extend(child for child in token.children if child.dep_ == "conj")
    others = [
        CONJUNCT_KINDS[token.ent_type_]
        for token in members
        if not start <= token.i < end and token.ent_type_ in CONJUNCT_KINDS
    ]
    if len(others) < MIN_CONJUNCTS or len(set(others)) != 1:
        return ""
    return "" if others[0] == CONJUNCT_KINDS.get(label) else others[0]


def _predicate_kind(doc: Doc, start: int, end: int) -> str:
    """ "person" when the name is the subject of "is a/an ... <occupation or person>" ("Zeta
    is an Israeli mathematician and writer", "Zeta was the first guy to ..."): the noun after
    the copula or one joined to it."""
    nouns = [noun for noun in copula_attributes(doc[start:end].root) if noun.tag_ == "NN"]
    nouns += [conj for noun in nouns for conj in noun.children if conj.dep_ == "conj"]
    return "person" if any(noun.lower_ in PERSON_NOUNS for noun in nouns) else ""


def _descriptor_kind(doc: Doc, start: int, end: int) -> str:
    """ "person" after an occupation ("fashion designer Zeta", "goalkeeper Anna Zeta"),
    "organization" after a kind of organization ("retailer Zeta", "the magazine Zeta"): a
    lower-case noun right before the name that the parse makes its modifier or the head of its
    apposition ("the website, Zeta" is not)."""
    if start == 0:
        return ""
    noun = doc[start - 1]
    if not noun.is_lower or noun.tag_ != "NN":
        return ""
    root = doc[start:end].root
    modifies = noun.dep_ == "compound" and start <= noun.head.i < end
    if not modifies and not (root.dep_ == "appos" and root.head.i == noun.i):
        return ""
    if noun.lower_ in PERSON_DESCRIPTORS:
        return "person"
    if noun.lower_ in ORGANIZATION_DESCRIPTORS:
        return "organization"
    return ""


PLACE_NOUNS = frozenset(
    """city town village hamlet province region district county state capital port suburb
    municipality prefecture island""".split()
)
"""Nouns of "the town of Zeta"."""
LOCATIVE_PREPOSITIONS = frozenset({"in", "from", "to", "at", "near", "outside", "of"})
TRAVEL_PREPOSITIONS = frozenset({"to", "from", "into"})


def _is_place_context(doc: Doc, start: int, end: int, label: str, appositive: str) -> bool:
    """ "the town of Zeta", "Zeta, a small town near ..." (a place noun in apposition:
    ``appositive``, the noun ``_appositive_noun`` finds), "flew to Zeta" (``_is_travelled``),
    "Zeta, Freedonia" (Freedonia tagged a place, not "Freedonia's"), "in Freedonia, Zeta," (a
    place after a locative preposition, then the name, then a comma or the end of the
    sentence).
    Never for a name tagged as a person's full name ("Anna Zeta, Freedonia" in a list of
    athletes; "in Freedonia, Anna Zeta, a lawyer, ...")."""
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in PLACE_NOUNS:
        return True
    full_name = label == "PERSON" and end - start > 1
    if not full_name and (appositive in PLACE_NOUNS or _is_travelled(doc[start:end].root)):
        return True
    if (
        not full_name
        and end + 1 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].ent_type_ == "GPE"
    ):
        after = end + 2  # past the place's first token, then its other tokens
        while after < len(doc) and doc[after].ent_iob_ == "I":
            after += 1
        if after >= len(doc) or doc[after].text not in ("'s", "’s", "-", "'", "’"):
            return True
    if (
        not full_name
        and start >= 3
        and doc[start - 1].text == ","
        and doc[start - 2].ent_type_ == "GPE"
    ):
        first = start - 2
        while first > 0 and doc[first].ent_iob_ == "I":
            first -= 1
        closes = end >= len(doc) or doc[end].is_punct
        return closes and first > 0 and doc[first - 1].lower_ in LOCATIVE_PREPOSITIONS
    return False


def _is_travelled(root: Token) -> bool:
    """ "travel 500 miles from Zeta", "flew to Zeta": the name is where a verb of travel
    (``TRAVEL_VERBS``) goes to or comes from."""
    preposition = root.head
    if root.dep_ != "pobj" or preposition.lower_ not in TRAVEL_PREPOSITIONS:
        return False
    verb = preposition.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in TRAVEL_VERBS


def _appositive_noun(doc: Doc, start: int, end: int) -> str:
    """The noun of an apposition after the name, lower case ("town" of "Zeta, a small town
    near ...", "woman" of "Zeta, an Australian woman, ..."), or "". The last name of a list
    takes the apposition right after it that the parse gives the list's first ("Bangladeshis
    and Zeta, a stateless minority")."""
    root = doc[start:end].root
    nouns = [child for child in root.children if child.dep_ == "appos" and child.i >= end]
    if not nouns and root.dep_ == "conj" and end < len(doc) and doc[end].text == ",":
        nouns = [
            child
            for child in root.head.children
            if child.dep_ == "appos" and child.left_edge.i == end + 1
        ]
    return nouns[0].lower_ if nouns else ""


def _has_age(doc: Doc, end: int) -> bool:
    """ "Zeta, 45, said": a number from 1 to 119 between commas right after the name."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 2].text not in (",", ")"):
        return False
    age = doc[end + 1].text
    return age.isdigit() and 0 < int(age) < 120


CLOCK_TIME = re.compile(r"\d{1,2}[:.]\d{2}|[ap]\.?m\.?", re.IGNORECASE)
"""A clock time as one token ("16:08", "9.30", "p.m.")."""


def _is_time_zone(doc: Doc, start: int, end: int) -> bool:
    """ "16:08 ZT", "9 p.m. ZT": one upper-case word of 2-5 letters right after a time."""
    word = doc[start].text
    if end - start != 1 or start == 0 or not (2 <= len(word) <= 5 and word.isupper()):
        return False
    return word.isalpha() and CLOCK_TIME.fullmatch(doc[start - 1].text) is not None


INDEX_NOUNS = frozenset({"index", "indices", "indexes", "average"})


def _is_currency(doc: Doc, start: int, end: int) -> bool:
    """ "$249 USD", "USD 23 billion": a three-letter code next to an amount; "a 30 GB
    edition": a two-letter unit after a number in digits (not a place's abbreviation: "2 US
    soldiers")."""
    word = doc[start].text
    if end - start != 1 or not (word.isalpha() and word.isupper()):
        return False
    before = doc[start - 1] if start > 0 else None
    if len(word) == 2:
        digits = before is not None and before.text.replace(",", "").isdigit()
        return digits and word.lower() not in DOTTED_ABBREVIATIONS
    if len(word) != 3:
        return False
    after = doc[end] if end < len(doc) else None
    amount_after = after is not None and (after.like_num or after.is_currency)
    amount_before = before is not None and (before.like_num or before.is_currency)
    return amount_after or amount_before


def _is_market_index(doc: Doc, start: int, end: int) -> bool:
    """ "the Zeta index", "the Zeta fell 2%", "the Zeta was down 3 points", "with the Zeta
    losing 11%": a name followed by "index"/"average", or the subject of a verb of market
    movement that moves by a percentage or points; a number written after the name is part
    of the index's name ("the Zeta 500 index", "the Zeta's 500 plunged 30 points")."""
    root = doc[start:end].root
    number = _index_number(doc, end)
    if number is not None and root.head == number:
        root, end = number, number.i + 1
    if (
        end < len(doc)
        and start > 0
        and doc[start - 1].lower_ == "the"
        and doc[end].lower_ in INDEX_NOUNS
    ):
        return True
    if root.dep_ == "appos" and root.head.lower_ in INDEX_NOUNS:
        return True  # "the primary index, the Zeta 100, ..."
    if root.dep_ != "nsubj":
        return False
    verb = root.head
    up_or_down = any(child.lower_ in ("up", "down") for child in verb.children)
    moves = verb.lemma_ in MARKET_MOVE_VERBS or (verb.lemma_ in ("be", "go") and up_or_down)
    if not moves:
        return False
    units = {token.lower_ for token in verb.subtree if token.i >= end}
    return bool(units & MARKET_MOVE_UNITS)


def _index_number(doc: Doc, end: int) -> Token | None:
    """The number right after a name, past a possessive ("Zeta's 500"), or None."""
    if end < len(doc) and doc[end].text in POSSESSIVE_ENDINGS:
        end += 1
    return doc[end] if end < len(doc) and doc[end].like_num else None


def _is_portfolio(doc: Doc, start: int, end: int) -> bool:
    """ "Home Secretary", "Shadow Home Secretary", "Secretary of State", "Minister for
    Education": name words that only say which portfolio a title holds."""
    if any(token.lower_ in ORGANIZATION_HEADS for token in doc[start:end]):
        return False  # "Defence Ministry", "Department of State"
    if end < len(doc) and doc[end].lower_ in PORTFOLIO_TITLES:
        return True
    return (
        start >= 2
        and doc[start - 1].lower_ in ("of", "for")
        and doc[start - 2].lower_ in PORTFOLIO_TITLES
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


def _role(ent: Span, offset: int) -> tuple[str, int, int]:
    """An appositive or copular description of a person ("a former diplomat at X")."""
    if ent.label_ != "PERSON":
        return "", -1, -1
    root = ent.root
    span = _appositive(root, ent) or _predecessor(root, ent) or _copula(root)
    if span is None:
        return "", -1, -1
    return span.text, span.start_char + offset, span.end_char + offset


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
