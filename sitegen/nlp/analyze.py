"""Run the pipeline over articles and turn Docs into plain, cacheable Analysis data: the
driver of the stage. Each block's names become mentions in ``sitegen.nlp.mentions`` (with the
kind the words around them suggest, ``sitegen.nlp.cues``), its dates in ``sitegen.nlp.timex``,
its quotations and references in ``sitegen.nlp.quotes`` and ``sitegen.nlp.references``."""

from __future__ import annotations

import bisect
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from spacy.attrs import DEP, HEAD, POS
from spacy.language import Language
from spacy.symbols import NOUN, PRON, PROPN
from spacy.tokens import Doc, Span

from sitegen.model import Analysis, Article, Mention, QuoteSpan, Reference, Sentence, TimeExpression
from sitegen.nlp.dictionary import dictionary_words, remember_dictionary
from sitegen.nlp.doctext import remember_text
from sitegen.nlp.mentions import name_mentions
from sitegen.nlp.products import mark_short_names_of_things
from sitegen.nlp.quotes import find_quotes
from sitegen.nlp.references import find_references
from sitegen.nlp.tense import sentence_tense
from sitegen.nlp.timex import Antecedents, tag_times
from sitegen.rules import counting

log = logging.getLogger(__name__)

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
    zone_texts: int | None = None,
    progress: Callable[[int], None] | None = None,
    done: Callable[[dict[str, Analysis]], None] | None = None,
) -> dict[str, Analysis]:
    """Process every block of every article with ``nlp.pipe``; returns analyses by article id.

    Articles go through in chunks of about ``zone_texts`` blocks (``ZONE_TEXTS``), each inside
    ``nlp.memory_zone()`` with its Docs turned into plain data there, so memory does not grow
    over a long run. ``n_process`` worker processes are used only for a chunk big enough to
    pay for starting them. ``progress`` is called with the number of articles done since its
    last call, as they are done (every article counts once, however many blocks it has).
    ``done`` is called with each chunk's analyses once they are complete (the cache stores
    them then, so an interrupted run of thousands of articles keeps what it did).
    """
    analyses: dict[str, Analysis] = {}
    dictionary = dictionary_words(nlp)
    for chunk in _article_chunks(list(articles), zone_texts or ZONE_TEXTS):
        texts = sum(len(article.blocks) for article in chunk)
        processes = n_process if texts >= MIN_TEXTS_PER_PROCESS * n_process else 1
        with nlp.memory_zone():
            fresh = _analyze_chunk(chunk, nlp, batch_size, processes, dictionary, progress)
        if done is not None:
            done(fresh)
        analyses.update(fresh)
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
    parts.mentions.extend(name_mentions(doc, offset, sentences, tagged))


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
