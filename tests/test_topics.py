"""Topics: candidate merging and filtering, curated topics, the seed, and the topic pages."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence

import pytest
from spacy.language import Language

from sitegen.build import build_knowledge
from sitegen.model import (
    Analysis,
    Article,
    Block,
    Entity,
    EntityMention,
    KnowledgeBase,
    Mention,
    Passage,
    Sentence,
    Topic,
)
from sitegen.render.context import RenderContext
from sitegen.render.subject_page import render_topics_index
from sitegen.render.topic_page import (
    render_topic_page,
    topics_for_article,
    topics_for_entity,
)
from sitegen.resolve.topics import CuratedTopic, find_topics
from tests.helpers import SEEDS

LINK = re.compile(r"\]\(([^)]+)\)")


def make_article(
    article_id: str,
    paragraphs: Sequence[str],
    chunks: Sequence[tuple[str, str]],
    mentions: Sequence[tuple[str, str]] = (),
    title: str = "A report",
) -> tuple[Article, Analysis]:
    """An article of one-sentence-per-period paragraphs; every occurrence of a chunk's surface
    becomes a noun chunk with the given lemma, every mention's text a mention with its label."""
    text = "\n".join(paragraphs) + "\n"
    blocks, sentences, position = [], [], 0
    for number, paragraph in enumerate(paragraphs, 1):
        blocks.append(Block("paragraph", position, position + len(paragraph), number))
        for match in re.finditer(r"[^.]+\.?", paragraph):
            start = position + match.start() + len(match.group()) - len(match.group().lstrip())
            sentences.append(Sentence(start, position + match.end(), number - 1))
        position += len(paragraph) + 1
    noun_chunks = sorted(
        (m.start(), m.end(), lemma)
        for surface, lemma in chunks
        for m in re.finditer(rf"\b{re.escape(surface)}\b", text)
    )
    found = [
        Mention(m.start(), m.end(), words, label, _sentence_of(sentences, m.start()))
        for words, label in mentions
        for m in re.finditer(rf"\b{re.escape(words)}\b", text)
    ]
    article = Article(article_id, f"{article_id}.txt", text, tuple(blocks), title)
    analysis = Analysis(article_id, tuple(sentences), tuple(found), (), tuple(noun_chunks))
    return article, analysis


def _sentence_of(sentences: list[Sentence], offset: int) -> int:
    return max(i for i, sentence in enumerate(sentences) if sentence.start <= offset)


def topics_of(*pairs: tuple[Article, Analysis], entities: Sequence[Entity] = (), curated=()):
    articles = [article for article, _ in pairs]
    analyses = {analysis.article: analysis for _, analysis in pairs}
    return find_topics(articles, analyses, entities, curated)[0]


def threads_of(*pairs: tuple[Article, Analysis], entities: Sequence[Entity] = (), curated=()):
    return tuple(
        t for t in topics_of(*pairs, entities=entities, curated=curated) if t.kind == "thread"
    )


TARIFF_PARAGRAPHS = [
    "Tariffs rose again. The tariff hurt farmers.",
    "A 100 percent tariff was imposed on imports. Countertariffs followed soon.",
    "Farmers grow canola oil. Canola oil prices fell.",
    "Canola oil is sold abroad. Crude oil is not.",
]
TARIFF_CHUNKS = [
    ("Tariffs", "tariff"),
    ("The tariff", "tariff"),
    ("A 100 percent tariff", "percent tariff"),
    ("Countertariffs", "countertariff"),
    ("imports", "import"),
    ("farmers", "farmer"),
    ("Farmers", "farmer"),
    ("canola oil", "canola oil"),
    ("Canola oil prices", "canola oil price"),
    ("Canola oil", "canola oil"),
    ("Crude oil", "crude oil"),
]


def test_inflections_numbers_and_prefixed_forms_are_one_topic() -> None:
    topics = threads_of(make_article("a", TARIFF_PARAGRAPHS, TARIFF_CHUNKS))
    by_name = {topic.name: topic for topic in topics}
    assert "Tariffs" in by_name
    tariffs = by_name["Tariffs"]
    assert {"tariff", "Countertariffs"} <= set(tariffs.aliases)
    assert len(tariffs.passages) == 4
    assert not any("tariff" in name.casefold() for name in by_name if name != "Tariffs")
    assert tariffs.id == "topic:tariffs" and tariffs.page == "topics/tariffs.md"


def test_nested_phrase_wins_when_it_holds_most_uses() -> None:
    topics = threads_of(make_article("a", TARIFF_PARAGRAPHS, TARIFF_CHUNKS))
    names = {topic.name for topic in topics}
    assert "Canola oil" in names and "Oil" not in names


def test_a_phrase_repeating_its_word_folds_without_error() -> None:
    """An interview's "blah blah blah" holds the candidate "blah" twice (the archive crash)."""
    paragraphs = [
        "The collapse collapse came fast. Another collapse collapse came.",
        "After the collapse collapse, markets fell. Savers fear a collapse collapse.",
    ]
    chunks = [("collapse collapse", "collapse collapse"), ("collapse", "collapse")]
    topics = threads_of(make_article("a", paragraphs, chunks))
    assert sum("collapse" in topic.name.casefold() for topic in topics) == 1


def test_generic_words_dates_and_entity_names_are_no_topics() -> None:
    paragraphs = [
        "Officials said the talks went well on Wednesday. Mr. Smith of Acme Widgets agreed.",
        "Officials said the relationship improved by 5 percent on Wednesday. Acme Widgets left.",
        "Mr. Smith spoke of lithium batteries. Lithium batteries are scarce.",
    ]
    chunks = [
        ("Officials", "official"),
        ("the talks", "talk"),
        ("the relationship", "relationship"),
        ("5 percent", "percent"),
        ("Wednesday", "wednesday"),
        ("Mr. Smith", "mr. smith"),
        ("Acme Widgets", "acme widget"),
        ("lithium batteries", "lithium battery"),
        ("Lithium batteries", "lithium battery"),
    ]
    entity = Entity(
        "organization:acme-widgets",
        "organization",
        "Acme Widgets",
        "organizations/acme-widgets.md",
    )
    person = Entity("person:john-smith", "person", "John Smith", "people/john-smith.md", ("Smith",))
    pair = make_article("a", paragraphs, chunks)
    text = pair[0].text
    entity, person = (
        dataclasses.replace(
            e, mentions=tuple(EntityMention("a", m.start(), m.end(), m.group(), 0) for m in found)
        )
        for e, found in (
            (entity, re.finditer("Acme Widgets", text)),
            (person, re.finditer("Mr. Smith", text)),
        )
    )
    topics = threads_of(pair, entities=[entity, person])
    assert [topic.name for topic in topics] == ["Lithium batteries"]


def test_tagged_names_are_cut_from_phrases() -> None:
    paragraphs = ["Chinese electric cars are cheap. Canadian electric cars are not."]
    chunks = [
        ("Chinese electric cars", "chinese electric car"),
        ("Canadian electric cars", "canadian electric car"),
    ]
    pair = make_article("a", paragraphs, chunks, [("Chinese", "NORP"), ("Canadian", "NORP")])
    assert [topic.name for topic in threads_of(pair)] == ["Electric cars"]


def test_named_things_that_are_no_entities_are_topics() -> None:
    paragraphs = ["The Model Q sold well. Critics said the Model Q is loud.", "Sales grew."]
    pair = make_article("a", paragraphs, [], [("Model Q", "PRODUCT")])
    assert [topic.name for topic in threads_of(pair)] == ["Model Q"]


def test_a_long_quotation_around_a_named_thing_is_no_topic() -> None:
    paragraphs = [
        '"He knows how to fight this war and he respects our laws and our Constitution," '
        "the senator said.",
        "The vote is due.",
    ]
    pair = make_article("a", paragraphs, [], [("Constitution", "LAW")])
    assert [topic.name for topic in threads_of(pair)] == ["Constitution"]


def test_a_short_quotation_around_a_named_thing_names_the_topic() -> None:
    paragraphs = ['The "Model Q Mark Two" sold well. Critics said it is loud.', "Sales grew."]
    pair = make_article("a", paragraphs, [], [("Model Q", "PRODUCT")])
    assert [topic.name for topic in threads_of(pair)] == ["Model Q Mark Two"]


def test_same_topic_merges_across_articles() -> None:
    first = make_article("a", TARIFF_PARAGRAPHS, TARIFF_CHUNKS)
    second = make_article("b", ["New tariffs came. The tariffs stayed."], [("tariffs", "tariff")])
    topics = threads_of(first, second)
    tariffs = [topic for topic in topics if "tariff" in topic.name.casefold()]
    assert len(tariffs) == 1
    assert {passage.article for passage in tariffs[0].passages} == {"a", "b"}


def test_curated_topics_take_precedence() -> None:
    curated = [CuratedTopic("Trade war", ("tariffs?", r"counter\w+"))]
    topics = threads_of(make_article("a", TARIFF_PARAGRAPHS, TARIFF_CHUNKS), curated=curated)
    names = {topic.name for topic in topics}
    assert "Trade war" in names and "Tariffs" not in names
    war = next(topic for topic in topics if topic.name == "Trade war")
    assert len(war.passages) == 4


def test_topics_are_sorted_by_name_with_unique_pages() -> None:
    topics = threads_of(make_article("a", TARIFF_PARAGRAPHS, TARIFF_CHUNKS))
    assert [t.name.casefold() for t in topics] == sorted(t.name.casefold() for t in topics)
    assert len({t.page for t in topics}) == len(topics)


@pytest.fixture(scope="module")
def seed_kb(nlp: Language) -> KnowledgeBase:
    kb = build_knowledge([SEEDS], nlp=nlp)
    topics, filings = find_topics(kb.articles, kb.analyses, kb.entities)
    return dataclasses.replace(kb, topics=topics, filings=filings)


def test_seed_topics_are_supported_and_no_entity_names(seed_kb: KnowledgeBase) -> None:
    topics = [t for t in seed_kb.topics if t.kind == "thread"]
    assert 5 <= len(topics) <= 15
    names = {n.casefold() for e in seed_kb.entities for n in (e.name, *e.aliases)}
    for topic in topics:
        sentences = len({(p.article, p.sentence) for p in topic.passages})
        assert sentences >= 2 or " " in topic.name, topic.name  # a phrase, or a coined name
        assert topic.name.casefold() not in names
        assert topic.name[:1].isupper()
    found = {topic.name for topic in topics}
    assert {"Tariffs", "Electric vehicles", "Canola oil", "Human rights"} <= found
    assert not found & {"Officials", "Talks", "Percent", "Relationship", "Mr."}


def test_seed_passages_mark_the_topic(seed_kb: KnowledgeBase) -> None:
    article = seed_kb.articles[0]
    tariffs = next(topic for topic in seed_kb.topics if topic.name == "Tariffs")
    for passage in tariffs.passages:
        sentence = seed_kb.analyses[article.id].sentences[passage.sentence]
        assert sentence.start <= passage.start < passage.end <= sentence.end
        assert "tariff" in article.text[passage.start : passage.end].casefold()


def test_topic_page_links_resolve_to_paragraph_anchors(seed_kb: KnowledgeBase) -> None:
    context = RenderContext.build(seed_kb)
    article = seed_kb.articles[0]
    anchors = {f"p{block.number}" for block in article.blocks}
    for topic in seed_kb.topics:
        path, text = render_topic_page(topic, context)
        assert path == topic.page and text.startswith("---\n")
        assert "boost: 2" in text
        for target in LINK.findall(text):
            if target.startswith("../articles/") and "#" in target:
                page, anchor = target.split("#")
                assert page == f"../articles/{article.id}.md" and anchor in anchors
            else:
                topic_pages = {t.page.removeprefix("topics/") for t in seed_kb.topics}
                assert (
                    target.startswith(("../people/", "../places/", "../organizations/"))
                    or target in ("index.md", f"../articles/{article.id}.md")
                    or target in topic_pages
                ), target


def test_topic_sections_for_entities_and_articles(seed_kb: KnowledgeBase) -> None:
    context = RenderContext.build(seed_kb)
    article = seed_kb.articles[0]
    line = topics_for_article(article, context, f"articles/{article.id}.md", 99)
    assert line.startswith("**Topics:** [") and "](../topics/tariffs.md)" in line
    carney = next(e for e in seed_kb.entities if e.name == "Mark Carney")
    section = topics_for_entity(carney, context, carney.page)
    assert section.startswith("## Topics") and "../topics/" in section
    path, index = render_topics_index(seed_kb)
    assert path == "topics/index.md" and "[Tariffs](tariffs.md)" in index


def test_untrusted_topic_names_are_escaped() -> None:
    article, analysis = make_article("a", ["The <b>*x*</b> thing rose. A second line."], [])
    topic_name = "<b>*Bold*</b> [x](y)"
    kb = KnowledgeBase((article,), {"a": analysis})
    topic = Topic("topic:bold", topic_name, "topics/bold.md", ("a|b",), (Passage("a", 0, 4, 7),))
    kb = dataclasses.replace(kb, topics=(topic,))
    context = RenderContext.build(kb)
    _, text = render_topic_page(topic, context)
    assert "<b>" not in text and "&lt;b&gt;" in text and "\\[x\\]" in text
    assert "title: '&lt;b&gt;*Bold*&lt;/b&gt; [x](y)'" in text
    _, index = render_topics_index(kb)
    assert "<b>" not in index and "a\\|b" in index
    entity = Entity(
        "person:x", "person", "X", "people/x.md", mentions=(EntityMention("a", 4, 7, "<b>", 0),)
    )
    assert topics_for_entity(entity, context, entity.page) == ""
    assert topics_for_article(article, context, "articles/a.md", 99).startswith(
        "**Topics:** [&lt;b&gt;"
    )


def test_a_rejected_subject_leaves_its_threads_on_the_index(seed_kb: KnowledgeBase) -> None:
    subject = next(t for t in seed_kb.topics if t.kind == "subject")
    kept = tuple(t for t in seed_kb.topics if t.id != subject.id)
    kb = dataclasses.replace(seed_kb, topics=kept)
    _, index = render_topics_index(kb)
    orphans = [t for t in kept if t.kind == "thread" and t.subject == subject.id]
    assert orphans and "## Other threads" in index
    assert all(f"]({t.page.removeprefix('topics/')})" in index for t in orphans)
    context = RenderContext.build(kb)
    article = kb.articles[0]
    render_topic_page(orphans[0], context)  # no subject to link: no error
    assert subject.name not in topics_for_article(article, context, "articles/x.md", 99)


def test_seed_threads_live_under_subjects_and_the_index_groups_them(
    seed_kb: KnowledgeBase,
) -> None:
    subjects = {t.id: t for t in seed_kb.topics if t.kind == "subject"}
    threads = [t for t in seed_kb.topics if t.kind == "thread"]
    assert 1 <= len(subjects) <= 3 and threads
    assert all(t.subject in subjects for t in threads)
    _, index = render_topics_index(seed_kb)
    for subject in subjects.values():
        assert f"## {subject.name}" in index
    assert seed_kb.filings[seed_kb.articles[0].id][0] in subjects


def test_a_place_leads_the_phrase_with_its_capitals() -> None:
    paragraphs = [
        "The New York state court ruled. Critics said the New York state court erred.",
        "Later the Darfur conflict grew. Aid groups fear the Darfur conflict will last.",
    ]
    chunks = [
        ("The New York state court", "the new york state court"),
        ("the New York state court", "the new york state court"),
        ("the Darfur conflict", "the darfur conflict"),
    ]
    mentions = [("New York", "GPE"), ("Darfur", "GPE")]
    names = {t.name for t in threads_of(make_article("a", paragraphs, chunks, mentions))}
    assert {"New York state court", "Darfur conflict"} <= names
    assert not names & {"Conflict", "State court", "York state court"}


def test_the_most_involved_are_ranked_by_count_then_name_reading_only_contenders() -> None:
    """``top_counted`` equals ranking every entity by (-count, name), and asks only for the
    names of those counted at least as often as the last one shown."""
    import random

    from sitegen.render.subject_page import top_counted

    rng = random.Random(7)
    for _ in range(200):
        counts = Counter({f"e{i}": rng.randint(1, 6) for i in range(rng.randint(1, 40))})
        names = {key: rng.choice(["Ann", "bob", "Cy", "dan", "Eve"]) + key for key in counts}
        asked: list[str] = []

        def name_of(key: str, names: dict[str, str] = names, asked: list[str] = asked) -> str:
            asked.append(key)
            return names[key]

        shown = rng.randint(1, 12)
        everyone = sorted(counts.items(), key=lambda i: (-i[1], names[i[0]].casefold()))
        assert top_counted(counts, name_of, shown) == everyone[:shown]
        cutoff = everyone[: shown][-1][1]
        assert all(counts[key] >= cutoff for key in asked)


def test_filing_vectors_are_each_words_weight_computed_one_at_a_time() -> None:
    """``_documents`` (arrays) gives exactly the floats of weighting each word of each bag in
    turn: (1 + log count) x rarity, rarity = log((N + 1) / (frequency + 0.5)) + 1, unit
    length; the vocabulary grows in the bags' word order."""
    import math
    import random

    import numpy as np

    from sitegen.resolve.subjects import _documents

    rng = random.Random(3)
    words = [f"w{i}" for i in range(60)]
    for size in (1, 2, 9):
        bags = [
            Counter({rng.choice(words): rng.randint(1, 9) for _ in range(rng.randint(0, 12))})
            for _ in range(size)
        ]
        vocabulary = {"w0": 0, "known": 1}
        found = _documents(bags, vocabulary)
        expected_vocabulary = {"w0": 0, "known": 1}
        frequency = Counter(word for bag in bags for word in bag)
        for bag, (indexes, vector) in zip(bags, found, strict=True):
            weights = []
            for word, count in bag.items():
                rarity = math.log((size + 1) / (frequency[word] + 0.5)) + 1 if size > 1 else 1.0
                expected_vocabulary.setdefault(word, len(expected_vocabulary))
                weights.append((1 + math.log(count)) * rarity)
            expected = np.asarray(weights, dtype=np.float64)
            expected /= np.linalg.norm(expected) + 1e-12
            assert indexes.tolist() == [expected_vocabulary[word] for word in bag]
            assert vector.tolist() == expected.tolist()
        assert vocabulary == expected_vocabulary


def test_a_candidates_own_score_is_kept_for_its_title_and_forgotten_when_it_grows() -> None:
    """``_article_score`` is worked out once per title (serve keeps candidates across builds):
    another title, or a candidate that took another's sentences, is scored afresh."""
    from sitegen.model import Passage
    from sitegen.resolve import topics

    def fresh(candidate: topics._Candidate, title: str) -> float:
        return topics._article_score(dataclasses.replace(candidate, own_score=None), title)

    oil = topics._Candidate("oil price", heading=True)
    for index in range(3):
        oil.passages[index] = Passage("a", index, 0, 1)
        oil.blocks.add(index)
    plain = topics._article_score(oil, "Markets fall")
    assert topics._article_score(oil, "Markets fall") == plain == fresh(oil, "Markets fall")
    titled = topics._article_score(oil, "Oil price soars")
    assert titled > plain and titled == fresh(oil, "Oil price soars")
    other = topics._Candidate("price")
    other.passages[7] = Passage("a", 7, 0, 1)
    other.blocks.add(7)
    oil.absorb(other)
    assert topics._article_score(oil, "Oil price soars") == fresh(oil, "Oil price soars") > titled
