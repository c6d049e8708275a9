"""Fast paths give what the plain definitions give: escaping, front matter, ranked topics,
tagged kinds for the review, and the remembered name functions."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pytest import MonkeyPatch
from spacy.language import Language
from spacy.tokens import Doc, Token

from sitegen.model import (
    Analysis,
    Article,
    Entity,
    EntityMention,
    KnowledgeBase,
    Mention,
    Sentence,
    Topic,
)
from sitegen.nlp.doctext import KEY as DOC_TEXT_KEY
from sitegen.nlp.doctext import doc_text, remember_text, span_text
from sitegen.render.context import RenderContext
from sitegen.render.markdown import escape, front_matter, plain_title, relative
from sitegen.review import KIND_OF_LABEL, kind_votes
from tests.helpers import SEEDS, ruler_pipeline, write

TRICKY = st.text(
    st.characters(blacklist_categories=("Cs",)) | st.sampled_from("\\`*_{}[]()#+-.!|&<>\"' \t\n")
)


def three_passes(text: str) -> str:
    """``escape`` as first written: control characters, Markdown specials, then HTML."""
    text = re.sub(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]", "\ufffd", re.sub(r"\s+", " ", text))
    text = re.sub(r"([\\`*_{}\[\]()#+\-.!|])", r"\\\1", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@settings(max_examples=300, deadline=None)
@given(TRICKY)
def test_escape_is_the_three_passes(text: str) -> None:
    assert escape(text) == three_passes(text)


def test_escape_of_every_character_up_to_latin_1() -> None:
    for code in range(0x180):
        text = f"a{chr(code)}b{chr(code)}"
        assert escape(text) == three_passes(text), hex(code)


@settings(max_examples=300, deadline=None)
@given(TRICKY, st.lists(TRICKY, max_size=4))
def test_front_matter_is_what_pure_python_yaml_writes(title: str, aliases: list[str]) -> None:
    """Byte for byte for page titles and tags (one line, via ``plain_title``), emoji too."""
    tags = [plain_title(alias) for alias in aliases]
    meta = {"title": plain_title(title), "search": {"boost": 3}, "tags": tags}
    expected = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    assert front_matter(meta) == f"---\n{expected}---\n"
    assert yaml.safe_load(front_matter(meta).removeprefix("---\n").removesuffix("---\n")) == meta


def test_front_matter_keeps_characters_beyond_the_bmp_as_written() -> None:
    assert front_matter({"title": "Launch \U0001f680", "tags": ["\U00010000"]}) == (
        "---\ntitle: Launch \U0001f680\ntags:\n- \U00010000\n---\n"
    )


@given(
    st.sampled_from(["a.md", "people/x.md", "people/y.md#p3", "topics/index.md", "index.md"]),
    st.sampled_from(["index.md", "people/z.md", "articles/a.md", "timeline.md"]),
)
def test_relative_is_posix_relpath(target: str, page: str) -> None:
    path, _, anchor = target.partition("#")
    expected = posixpath.relpath(path, posixpath.dirname(page) or ".")
    assert relative(target, page) == (f"{expected}#{anchor}" if anchor else expected)


def test_ranked_topics_break_ties_by_name_then_site_order() -> None:
    names = ["Alpha", "beta", "Beta", "gamma", "Delta"]
    topics = tuple(
        Topic(id=f"topic:{i}", name=name, page=f"topics/{i}.md") for i, name in enumerate(names)
    )
    context = RenderContext.build(KnowledgeBase(articles=(), topics=topics))
    counts = {"topic:3": 2, "topic:2": 1, "topic:1": 1, "topic:0": 1, "topic:4": 0}
    ranked = context.ranked_topics(counts)
    assert [(topic.name, count) for topic, count in ranked] == [
        ("gamma", 2),
        ("Alpha", 1),
        ("beta", 1),  # "beta" and "Beta" tie on the name: the site's order decides
        ("Beta", 1),
    ]
    # the plain definition: every topic of the site, filtered, then a stable sort
    plain = sorted(
        ((t, counts.get(t.id, 0)) for t in topics if counts.get(t.id, 0)),
        key=lambda item: (-item[1], item[0].name.casefold()),
    )
    assert ranked == plain


def review_kb(spans: list[tuple[int, int, str]], mentions: list[tuple[int, int]]) -> KnowledgeBase:
    text = "x" * 120
    article = Article(id="a", path="a.txt", text=text, blocks=(), title="A")
    raw = tuple(Mention(start, end, text[start:end], label, 0) for start, end, label in spans)
    analysis = Analysis(article="a", sentences=(Sentence(0, len(text), 0),), mentions=raw)
    entity = Entity(
        id="person:x",
        kind="person",
        name="X",
        page="people/x.md",
        mentions=tuple(EntityMention("a", s, e, text[s:e], 0) for s, e in mentions),
    )
    return KnowledgeBase(articles=(article,), analyses={"a": analysis}, entities=(entity,))


def scanned_votes(kb: KnowledgeBase, entity: Entity) -> dict[str, int]:
    """``kind_votes`` as first written: the first tagged mention overlapping, by a scan."""
    votes: dict[str, int] = {}
    for mention in entity.mentions:
        for raw in kb.analyses[mention.article].mentions:
            if raw.start < mention.end and mention.start < raw.end and raw.label in KIND_OF_LABEL:
                kind = KIND_OF_LABEL[raw.label]
                votes[kind] = votes.get(kind, 0) + 1
                break
    return dict(sorted(votes.items()))


def test_kind_votes_take_the_first_overlapping_tag_in_the_analysis_order() -> None:
    # the ORG span starts later but comes first in the analysis: it is the one that counts
    kb = review_kb([(50, 60, "DATE"), (12, 30, "ORG"), (0, 15, "PERSON")], [(10, 20)])
    assert kind_votes(kb, kb.entities[0]) == {"organization": 1}
    assert kind_votes(kb, kb.entities[0]) == scanned_votes(kb, kb.entities[0])


SPAN = st.tuples(st.integers(0, 100), st.integers(0, 20)).map(lambda p: (p[0], p[0] + p[1]))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(SPAN, st.sampled_from(["PERSON", "ORG", "GPE", "DATE", "LOC"])), max_size=12
    ),
    st.lists(SPAN, min_size=1, max_size=6),
)
def test_kind_votes_are_the_scan(spans: list, mentions: list) -> None:
    kb = review_kb([(s, e, label) for (s, e), label in spans], mentions)
    assert kind_votes(kb, kb.entities[0]) == scanned_votes(kb, kb.entities[0])


def test_remembered_name_functions_are_the_plain_ones() -> None:
    from sitegen.resolve import names

    cases = ["U.S.", "the United States'", "New York Times", "NYT", "Acme Inc.", "E.U.", "&"]
    for short in cases:
        for long in cases:
            plain_letters = names.clean_name(short).replace(".", "").replace("&", "").casefold()
            words = names.content_tokens(long)
            plain = (
                names.looks_like_acronym(short)
                and not names.looks_like_acronym(long)
                and len(words) >= 2
                and plain_letters
                in (
                    "".join(w[0] for w in words),
                    "".join(w[0] for w in names.name_tokens(long) if w != "&"),
                )
            )
            assert names.is_acronym_of(short, long) == plain, (short, long)
    assert names.is_acronym_of("U.S.", "United States")
    assert names.is_acronym_of("NYT", "New York Times")
    assert not names.is_acronym_of("NYT", "NYT")


def test_groups_pickle_with_their_counters() -> None:
    import pickle
    from collections import Counter

    from sitegen.resolve.clusters import Group

    group = Group(key="acme", article="a", votes=Counter(organization=2), confirmed=True)
    for _ in range(3):
        group.write("Acme")
    copy = pickle.loads(pickle.dumps(group))
    assert copy == group and copy is not group
    assert type(copy.votes) is Counter and type(copy.surface) is Counter
    assert copy.votes["person"] == 0 and copy.name == "Acme" and copy.kind == "organization"
    copy.vote("test", "person", 5)
    assert copy.kind == "person" and group.kind == "organization"


def test_a_groups_name_is_remembered_until_a_mention_is_written() -> None:
    """``Group.name`` is worked out once; counting another written form forgets it."""
    from sitegen.resolve.clusters import Group

    group = Group(key="acme corp", article="a")
    assert group.name == "acme corp"  # no mention yet: its key
    group.write("ACME")
    assert group.name == "ACME"
    group.write("Acme Corp")
    group.write("Acme Corp")
    assert group.name == "Acme Corp"


def test_fewer_collections_raises_and_restores_the_thresholds() -> None:
    import gc

    import pytest

    from sitegen.build import GC_THRESHOLDS, fewer_collections

    before = gc.get_threshold()
    assert before != GC_THRESHOLDS
    with fewer_collections():
        assert gc.get_threshold() == GC_THRESHOLDS
    assert gc.get_threshold() == before
    with pytest.raises(KeyError), fewer_collections():
        raise KeyError("x")
    assert gc.get_threshold() == before


def test_analyzing_runs_with_fewer_collections(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    import gc

    import sitegen.build
    from sitegen.build import GC_THRESHOLDS, Options, build_knowledge

    write(tmp_path / "a.txt", "Jane Doe visited Freedonia on Monday.\n")
    seen = []
    analyze = sitegen.build.analyze

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.get_threshold())
        return analyze(*args, **kwargs)

    monkeypatch.setattr(sitegen.build, "analyze", spy)
    pipeline = ruler_pipeline([{"label": "PERSON", "pattern": "Jane Doe"}])
    kb = build_knowledge([tmp_path], Options(cache_dir=None), pipeline)
    assert seen == [GC_THRESHOLDS] and kb.analyses["a"].mentions
    assert gc.get_threshold() != GC_THRESHOLDS


def test_doc_text_is_the_docs_text_computed_once(nlp: Language) -> None:
    doc = nlp("Mark Carney met Xi Jinping on Friday.")
    assert doc_text(doc) == doc.text
    doc.user_data[DOC_TEXT_KEY] = "remembered"
    assert doc_text(doc) == "remembered"


def test_span_text_is_the_spans_text(nlp: Language) -> None:
    texts = ["  Prime  Minister\n\nMark Carney 🚀 met Ms. Xi\u00a0Jinping (née Peng) …  ", "x"]
    for doc in nlp.pipe(texts):
        for start in range(len(doc)):
            for end in range(start + 1, min(start + 6, len(doc)) + 1):
                assert span_text(doc, start, end) == doc[start:end].text, (start, end)


SCANNED_TEXTS = [
    "Yesterday President Zorbulax visited Quellington with Harriet Vole and Wikinews.",
    "He said “the company will grow,” and she told the carmaker's chief executive so.",
    "The prime minister met the bank. His deputy, Ann Vole of Quellford Ltd, left early.",
    "",
]


def seed_docs(nlp: Language) -> list:
    from sitegen.ingest import read_articles

    texts = [a.block_text(b) for a in read_articles([SEEDS]) for b in a.blocks]
    return list(nlp.pipe(texts + SCANNED_TEXTS))


def test_unlabelled_names_are_the_token_by_token_scan(nlp: Language) -> None:
    from sitegen.lexicon import is_title
    from sitegen.nlp.mentions import UNLABELLED_NAME_MAX_WORDS, unlabelled_names

    def word(token: Token) -> bool:
        return (
            token.pos_ == "PROPN"
            and not token.ent_type_
            and token.text[:1].isupper()
            and token.is_alpha
        )

    def scanned(doc: Doc) -> list[tuple[int, int]]:
        """``unlabelled_names`` as first written: every token asked in turn."""
        found, index = [], 0
        while index < len(doc):
            if not word(doc[index]):
                index += 1
                continue
            start = index
            while index < len(doc) and word(doc[index]):
                index += 1
            while start < index and is_title(doc[start].text):
                start += 1
            if start < index <= start + UNLABELLED_NAME_MAX_WORDS:
                found.append((start, index))
        return found

    total = 0
    for doc in seed_docs(nlp):
        spans = [(span.start, span.end) for span in unlabelled_names(doc)]
        assert spans == scanned(doc), doc.text
        total += len(spans)
    assert total >= 2


def test_references_are_the_token_by_token_scan(nlp: Language) -> None:
    """Only pronouns and nouns are looked at: the same references as asking every token."""
    from sitegen.nlp import references as r

    def scanned(doc: Doc, sentence_of: list[int], quoted: list) -> list:
        found = []
        for token in doc:
            inside = r._inside(token.idx, quoted)
            if token.lower_ in r.PERSONAL_PRONOUNS and token.pos_ == "PRON":
                found.append(
                    r._reference(token, token.i, token.i + 1, "pronoun", 0, sentence_of, inside)
                )
            elif token.pos_ == "NOUN" and token.text.islower() and not inside:
                start = r._nominal_start(token)
                if start is not None:
                    found.append(r._reference(token, start, token.i + 1, "nominal", 0, sentence_of))
        return found

    forms = set()
    for doc in seed_docs(nlp):
        sentence_of = [0] * len(doc)
        quoted = [match.span() for match in re.finditer(r"“[^”]*”", doc.text)]
        found = r.find_references(doc, 0, sentence_of, quoted)
        assert found == scanned(doc, sentence_of, quoted), doc.text
        forms.update(reference.form for reference in found)
    assert forms == {"pronoun", "nominal"}


def test_the_text_a_doc_was_made_from_is_its_text(nlp: Language) -> None:
    """What ``remember_text`` relies on: spaCy's tokenizer keeps every character."""
    texts = [" Two  spaces,\ttabs\n\nand\u00a0non-breaking 🚀 “quotes” … ", "", "\n", "e.g.x"]
    for text, doc in zip(texts, nlp.pipe(texts), strict=True):
        assert doc.text == text
        remember_text(doc, text)
        assert doc_text(doc) == text and doc.user_data[DOC_TEXT_KEY] is text


CLOCK_PIECES = [
    *"1 12 2020 7 : / - . a p A P m M .m. .M. UTC on Monday x 12/7/ 2020-12- 9:30".split(),
    " ",
    "\t",
]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(CLOCK_PIECES), max_size=12).map("".join))
@example("at 9 P.M. UTC")
@example("9:30 on Monday")
@example("12/7/2020")
@example("2020-12-01")
def test_a_text_without_a_patterns_needed_strings_has_no_match(text: str) -> None:
    """The clock-time and numeric-date patterns search only texts with one of their strings."""
    from sitegen.nlp.timex.patterns import TEXT_PATTERNS

    for needed, pattern in TEXT_PATTERNS:
        if pattern.search(text):
            assert any(literal in text for literal in needed), (pattern.pattern, text)


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(list("ab “”\"‘’'\n")), max_size=40))
def test_quote_marks_are_the_character_by_character_scan(text: str) -> None:
    from sitegen.nlp.quotes import CLOSING, OPENING, quote_marks

    pairs, open_at = [], -1
    for index, char in enumerate(text):
        if open_at < 0 and char in OPENING:
            open_at = index
        elif open_at >= 0 and char in CLOSING:
            pairs.append((open_at, index))
            open_at = -1
    if open_at >= 0:
        pairs.append((open_at, len(text)))
    assert quote_marks(text) == pairs


def test_noun_chunk_spans_are_spacys_noun_chunks(nlp: Language) -> None:
    from sitegen.nlp.analyze import noun_chunk_spans

    total = 0
    for doc in seed_docs(nlp):
        spans = list(noun_chunk_spans(doc))
        assert spans == [(chunk.start, chunk.end) for chunk in doc.noun_chunks], doc.text
        total += len(spans)
    assert total >= 100


BRACKETY = st.text(st.sampled_from("[]()ab \\"), max_size=60)


@settings(max_examples=2000, deadline=None)
@given(BRACKETY, st.integers(min_value=0, max_value=60))
@example("[a [b] c] d", 1)
@example("[a ] b [", 1)
@example("]]][[[", 4)
def test_forward_link_text_is_markdowns_own(data: str, index: int) -> None:
    from markdown.inlinepatterns import LinkInlineProcessor

    from sitegen.fastlinks import get_text

    index = min(index, len(data))
    markdowns = LinkInlineProcessor("x", None)  # type: ignore[arg-type]
    assert get_text(data, index) == markdowns.getText(data, index)


def test_forward_links_convert_a_long_linked_paragraph_as_markdown_does() -> None:
    import markdown

    from sitegen.fastlinks import ForwardLinks

    paragraph = " ".join(
        f"[Name {i}](people/n{i}.md) met [the [nested] one](a.md#x){{: .sg }} ![img](i.png) "
        f"[ref {i}][r] and [r] ]stray [open"
        for i in range(120)
    ) + "\n\n[r]: https://example.org/\n"
    extensions = ["attr_list", "toc", "tables", "admonition"]
    own = markdown.Markdown(extensions=extensions).convert(paragraph)
    forward = markdown.Markdown(extensions=[*extensions, ForwardLinks()]).convert(paragraph)
    assert forward == own
    assert own.count("<a ") > 300  # the paragraph is one of many links


def test_a_merge_clears_the_variant_marks_a_last_merge_left_on_shared_groups() -> None:
    """Under serve the per-article groups are shared by successive builds (``Cluster.copy``);
    a variant mark left by the last build's merge would change this one's names."""
    from collections import Counter

    from sitegen.resolve.clusters import Cluster, Group
    from sitegen.resolve.merge import merge_across_articles

    odd = Group(key="acme corp has", article="a", votes=Counter(organization=1))
    usual = Group(key="acme corp", article="a", votes=Counter(organization=2))
    odd.write("Acme Corp Has")
    usual.write("Acme Corp")
    shared = Cluster([odd, usual])
    expected = [cluster.name for cluster in merge_across_articles([shared.copy()])]
    odd.mark_variant(True)  # as a last merge may have left it
    assert [cluster.name for cluster in merge_across_articles([shared.copy()])] == expected
    assert expected == ["Acme Corp Has"]


MARKDOWN_EXTENSIONS = ["attr_list", "admonition", "pymdownx.details", "tables", "toc"]
INLINE_TRICKY = st.text(st.sampled_from("`\\[]()!<>&;*_ \nab#:/.@x1"), max_size=80)


def convert_both_ways(text: str, extensions: list[Any]) -> tuple[str, str]:
    """``text`` converted by Python-Markdown's own inline processor and by sitegen's."""
    import markdown

    from sitegen.fastinline import SkipAbsentPatterns

    own = markdown.Markdown(extensions=extensions).convert(text)
    quick = markdown.Markdown(extensions=[*extensions, SkipAbsentPatterns()]).convert(text)
    return own, quick


@settings(max_examples=1500, deadline=None)
@given(INLINE_TRICKY)
@example("`code` \\*not em\\* [a](b.md) ![i](p.png) <http://x.org> <a@b.c> &amp; *em* __b__  \nc")
@example("<span>raw</span> &#38; [ref][r]\n\n[r]: /x")
def test_skipping_absent_patterns_converts_as_markdown_does(text: str) -> None:
    own, quick = convert_both_ways(text, MARKDOWN_EXTENSIONS)
    assert quick == own


def test_skipping_absent_patterns_converts_every_golden_page_as_markdown_does() -> None:
    """The seed's and the corpus's generated pages (links, escapes, tables, admonitions) give
    the same HTML with and without the skipping inline processor."""
    pages = sorted((Path(__file__).parent / "golden").rglob("*.md"))
    assert len(pages) > 100
    for page in pages:
        own, quick = convert_both_ways(page.read_text(encoding="utf-8"), MARKDOWN_EXTENSIONS)
        assert quick == own, page


def test_patterns_markdown_does_not_know_by_expression_are_always_tried() -> None:
    """A pattern of another extension (here a made-up one with its own expression) is tried on
    every text, and emphasis needs one of its delimiters."""
    import markdown
    from markdown.extensions import Extension
    from markdown.inlinepatterns import SimpleTagInlineProcessor

    from sitegen.fastinline import QuickInlineProcessor, SkipAbsentPatterns, needed_characters

    class Marks(Extension):
        def extendMarkdown(self, md: Any) -> None:  # noqa: N802
            md.inlinePatterns.register(SimpleTagInlineProcessor(r"()=(.+?)=", "mark"), "mark", 75)

    md = markdown.Markdown(extensions=[Marks(), SkipAbsentPatterns()])
    assert isinstance(md.treeprocessors["inline"], QuickInlineProcessor)
    assert needed_characters(md.inlinePatterns["mark"]) is None
    assert set(needed_characters(md.inlinePatterns["em_strong"]) or "") == {"*", "_"}
    assert needed_characters(md.inlinePatterns["link"]) == "["
    assert md.convert("a =marked= b") == "<p>a <mark>marked</mark> b</p>"
    own, quick = convert_both_ways("x =y= `z` *w*", [Marks()])
    assert quick == own
