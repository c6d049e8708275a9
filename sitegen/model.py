"""The typed data passed between sitegen's stages.

Every stage takes and returns these frozen dataclasses; spaCy objects never leave
``sitegen.nlp``. Offsets (``start``/``end``) are always character offsets into
``Article.text``, the decoded text of the input file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["headline", "dateline", "heading", "paragraph"]
EntityKind = Literal["person", "organization", "place"]
Tense = Literal["past", "present", "future"]

ENTITY_KINDS: tuple[EntityKind, ...] = ("person", "organization", "place")
KIND_OF_LABEL: dict[str, EntityKind] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
"""The entity kind of each spaCy label that names one."""
PLACE_LABELS = frozenset(label for label, kind in KIND_OF_LABEL.items() if kind == "place")
"""spaCy's labels of places: GPE, LOC, FAC."""


@dataclass(frozen=True)
class Block:
    """A paragraph-level piece of an article's body."""

    kind: BlockKind
    """headline (repeats the title), dateline, section heading, or body paragraph."""
    start: int
    """Offset of the block's first character in ``Article.text``."""
    end: int
    """Offset just past the block's last character."""
    number: int
    """1-based position among the article's blocks; the page anchor is ``p{number}``."""


@dataclass(frozen=True)
class Article:
    """One input article, as read from disk, before any language processing."""

    id: str
    """Stable identifier (the slug of the file name); also the article page's name."""
    path: str
    """The input file's path as given."""
    text: str
    """The decoded text of the input file; all offsets index it."""
    blocks: tuple[Block, ...]
    """Body blocks in reading order (front matter, footer and bio excluded)."""
    title: str
    published: dt.date | None = None
    source: str | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None
    """The article's source URL (its canonical URL where the page names one)."""
    text_source: str = "file"
    """What ``text`` is, so offsets can be checked against it: ``file`` (the input file's
    decoded text), ``record:FIELD`` (a JSON record's field), ``html:main-text`` (the main text
    trafilatura extracted from a page, also of a WARC response), ``feed:content`` or
    ``feed:summary`` (a feed entry's full content, or only its summary, as text)."""

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article, as segmented by the pipeline."""

    start: int
    end: int
    block: int
    """Index into ``Article.blocks`` of the block holding the sentence."""
    tense: Tense = "present"
    """The tense of the sentence's main verb (future for will/shall/going to)."""


UNLABELLED_NAME = "PROPN"
"""``Mention.label`` of a capitalized proper-noun run spaCy left outside its entities."""


QUOTED_NAME_MAX_WORDS = 5
"""The most words a quotation holds to be a name ("the 'Two Michaels' crisis", "shock and awe");
a longer one is a statement someone made. The analysis marks ``Mention.quoted`` by it; topics
take no longer quotation as a thing's name."""


@dataclass(frozen=True)
class Mention:
    """A named-entity mention found by the pipeline, before resolution."""

    start: int
    end: int
    text: str
    label: str
    """spaCy's label: PERSON, ORG, GPE, LOC, FAC, ..."""
    sentence: int
    """Index into ``Analysis.sentences``."""
    title: str = ""
    """Title or honorific words just before the name ("Prime Minister", "Mr.")."""
    qualifier: str = ""
    """An "of PLACE" right after a titled name ("of Canada" in "Premier Li of China")."""
    role: str = ""
    """An appositive or predicate describing the mention ("a former Canadian diplomat")."""
    role_start: int = -1
    """Offset of ``role`` in the article text (-1 when there is no role)."""
    role_end: int = -1
    quoted: bool = False
    """The mention sits inside a short quoted name ("the 'Two Michaels' crisis")."""
    subject: bool = False
    """The name is the grammatical subject of its clause, or in apposition to it ("His father,
    NAME, said"): a preferred antecedent for pronouns."""
    determiner: bool = False
    """The name was written after "the" ("the Beatles"): evidence against a person."""
    cue: str = ""
    """A kind the words around the name suggest: "other" for a product ("the browser X",
    "X 2.0", a time zone, a market index), "portfolio" ("Home" in "Home Secretary"), "person"
    ("X, 45,", "fashion designer X"), "organization" ("retailer X"), "team" (a country's name
    for its sports team: "X defeated Freedonia 1 – 0"), "people" ("X, a stateless minority"),
    "place" ("the town of X"), else ""
    (see ``sitegen.nlp.cues.context_cue``)."""


@dataclass(frozen=True)
class TimeExpression:
    """A TimeML TIMEX3 temporal expression, normalized against the publication date."""

    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    """TIMEX3 value: 2026-01-14, 2025-10, 2026-W02, P3Y, PRESENT_REF, ... or "" if unknown."""
    sentence: int = -1
    anchored: bool = False
    """True when the value was computed from the publication date (a relative expression)."""


SpeakerForm = Literal["name", "pronoun", "nominal", "none"]


@dataclass(frozen=True)
class QuoteSpan:
    """A direct quotation as found in one article, with its speaker as written (unresolved)."""

    start: int
    """Offsets of the quoted words (without the quotation marks) in the article text."""
    end: int
    text: str
    sentence: int
    """Index into ``Analysis.sentences`` of the sentence where the quotation starts."""
    speaker_form: SpeakerForm = "none"
    """How the speaker is written: a name, a pronoun ("he"), a noun ("the company"), or not
    at all (a quotation continuing the previous one)."""
    speaker_start: int = -1
    """Offsets of the speaker's words (-1 when there are none)."""
    speaker_end: int = -1
    speaker_text: str = ""
    verb: str = ""
    """The lemma of the speech verb ("say", "add", "urge"), "" when there is none."""


ReferenceForm = Literal["pronoun", "nominal"]


@dataclass(frozen=True)
class Reference:
    """A word that refers back to an entity without naming it: a third-person pronoun ("he",
    "her") or a definite noun ("the company", "the prime minister"); resolved later."""

    start: int
    end: int
    text: str
    sentence: int
    form: ReferenceForm
    subject: bool = False
    """The reference is the subject of its clause (an antecedent for later pronouns)."""
    quoted: bool = False
    """A pronoun inside a quotation ("he was very aware of this", said of someone else): it
    never refers to the quotation's speaker."""


@dataclass(frozen=True)
class Analysis:
    """Everything sitegen keeps of one article's language processing (plain data, cacheable)."""

    article: str
    """The article's id."""
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    times: tuple[TimeExpression, ...] = ()
    noun_chunks: tuple[tuple[int, int, str], ...] = ()
    """(start, end, lemma) of noun chunks, for topics."""
    quotes: tuple[QuoteSpan, ...] = ()
    """Direct quotations with their speakers as written."""
    references: tuple[Reference, ...] = ()
    """Pronouns and definite nouns that may refer to an entity (coreference candidates)."""
    rule_counts: tuple[tuple[str, int], ...] = ()
    """How often each rule of the analysis decided in this article (``sitegen.rules``)."""


@dataclass(frozen=True)
class EntityMention:
    """One resolved mention of an entity."""

    article: str
    start: int
    end: int
    text: str
    sentence: int


@dataclass(frozen=True)
class Decision:
    """One thing a rule decided about an entity: its kind, a name joined into it, its title."""

    rule: str
    """The id of the rule (``sitegen rules``), or ``override`` for an editor's step."""
    detail: str
    """What it decided and on what evidence, in words ("'Carney' in article b joined 'Mark
    Carney': a shared title, Prime Minister")."""


@dataclass(frozen=True)
class Entity:
    """A person, organization or place: one page of the site."""

    id: str
    """Stable id, ``kind:slug``."""
    kind: EntityKind
    name: str
    page: str
    """Path of the entity's page under the docs folder, e.g. ``people/mark-carney.md``."""
    aliases: tuple[str, ...] = ()
    """Other ways the text names the entity, title forms included ("Mr. Carney")."""
    roles: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    """Ids of organizations the entity is affiliated with."""
    mentions: tuple[EntityMention, ...] = ()
    references: tuple[EntityMention, ...] = ()
    """Pronouns and nouns resolved to the entity ("he", "the company"): counted, not named."""
    homonym: str = ""
    """The name it shares with other entities it was kept apart from, when ``name`` tells
    them apart ("Wang" for "Wang (rice farmer)"); empty for most."""
    decisions: tuple[Decision, ...] = ()
    """How resolution made the entity: the rules behind its kind, its joins and its title
    (``sitegen explain``)."""

    def written_names(self) -> set[str]:
        """The distinct ways the text writes the entity's name (titles excluded)."""
        return {" ".join(m.text.split()) for m in self.mentions}


@dataclass(frozen=True)
class Passage:
    """A sentence that supports a topic, with the phrase in it that marks the topic."""

    article: str
    sentence: int
    """Index into the article's ``Analysis.sentences``."""
    start: int
    """Offsets of the marking phrase in the article text."""
    end: int


TopicKind = Literal["subject", "thread"]


@dataclass(frozen=True)
class Topic:
    """A subject the articles are about: one page of the site."""

    id: str
    """Stable id, ``topic:slug``."""
    name: str
    """Display name, capitalized like a tag ("Electric vehicles")."""
    page: str
    """Path under the docs folder, e.g. ``topics/electric-vehicles.md``."""
    aliases: tuple[str, ...] = ()
    """Other wordings found in the text ("tariff", "countertariffs")."""
    passages: tuple[Passage, ...] = ()
    """The sentences that support a story thread (none for a subject)."""
    score: float = 0.0
    """How central the topic is to its articles (higher is more central)."""
    kind: TopicKind = "thread"
    """A broad *subject* (one of IPTC's 17 top Media Topics: "Politics and government") or
    a *thread*, a specific matter the articles return to ("Bird flu", "Canola oil")."""
    subject: str = ""
    """A thread's subject (the id of that subject's topic); "" for a subject."""
    articles: tuple[str, ...] = ()
    """The ids of the topic's articles, in time order (a subject's: those filed under it)."""
    code: str = ""
    """A subject's IPTC qcode (``medtop:11000000``); "" for a thread."""


Precision = Literal["day", "week", "month", "season", "quarter", "year"]


@dataclass(frozen=True)
class Event:
    """Something the text dates: one timeline entry per date expression."""

    date: str
    """ISO 8601 at its precision: 2026-01-14, 2026-W02, 2025-10, 2025-SU, 2008-Q3, 2018."""
    precision: Precision
    text: str
    """The clause that belongs to the date (or the whole sentence)."""
    article: str
    sentence: int
    start: int
    """Offsets of ``text`` in the article text."""
    end: int
    phrase: str
    """The date expression as written ("on Wednesday")."""
    anchor: str
    """What the date was resolved against: "published 2026-01-13", or "" if absolute."""
    entities: tuple[str, ...] = ()
    """Ids of the entities named in ``text``."""


@dataclass(frozen=True)
class Quote:
    """A direct quotation attributed to the entity who said it."""

    speaker: str
    """Id of the speaking entity (usually a person)."""
    text: str
    """The quoted words, without the quotation marks."""
    article: str
    start: int
    """Offsets of ``text`` in the article text."""
    end: int
    sentence: int
    """Index into the article's ``Analysis.sentences``."""
    speaker_start: int = -1
    """Offsets of the words naming the speaker ("Mr. Carney", "he", "the company"); -1 for a
    quotation continuing the previous one, which names nobody."""
    speaker_end: int = -1
    speaker_text: str = ""


@dataclass(frozen=True)
class KnowledgeBase:
    """The whole corpus model: articles, their analyses, and the resolved entities."""

    articles: tuple[Article, ...]
    analyses: dict[str, Analysis] = field(default_factory=dict)
    entities: tuple[Entity, ...] = ()
    topics: tuple[Topic, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    """Direct quotations with their speakers, in article and reading order."""
    rule_counts: tuple[tuple[str, int], ...] = ()
    """How often each rule decided in the build that made this model (``sitegen.rules``)."""
    filings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """For each article id, the ids of the subjects it is filed under, best first."""

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)


@dataclass(frozen=True)
class Review:
    """The review items of one knowledge base."""

    single_mention: tuple[Entity, ...]
    """Entities named only once in the whole corpus."""
    split_kinds: tuple[tuple[Entity, dict[str, int]], ...]
    """Entities whose mentions the tagger labelled as different kinds, with the votes."""
    merged: tuple[Entity, ...]
    """Entities that joined differently written names (their aliases)."""
    kept_apart: tuple[tuple[Entity, tuple[Entity, ...]], ...]
    """People whose name fits inside other people's names, with those people: kept apart
    for want of evidence that they are one (docs/merging.md)."""
    homonyms: tuple[tuple[str, tuple[Entity, ...]], ...]
    """Entities of one kind sharing a name, kept apart for want of evidence that they are
    one, each page named apart ("Wang (rice farmer)"), by the name they share."""
    undated: tuple[tuple[str, TimeExpression], ...]
    """(article id, expression) of relative dates left unresolved."""
    check_first: tuple[tuple[Entity, tuple[str, ...]], ...] = ()
    """The most mentioned entities whose joins, title or kind are least certain, with what is
    in doubt (``sitegen.explain``): what an editor checks first."""

    def count(self) -> int:
        return (
            len(self.single_mention)
            + len(self.split_kinds)
            + len(self.merged)
            + len(self.kept_apart)
            + len(self.homonyms)
            + len(self.undated)
        )
