"""Score sitegen's references (coreference) against the gold coreference chains.

Usage (from the repository root)::

    .venv/bin/python scripts/eval_coref.py                      # run sitegen, score, baseline
    .venv/bin/python scripts/eval_coref.py --from-json out.json --errors
    .venv/bin/python scripts/eval_coref.py --corpus gum --articles 5

sitegen resolves pronouns ("he", "his") and definite nouns ("the company") to entities and
``extract --json`` lists them as each entity's ``references``. The gold (GUM, MEANTIME) has
every mention, pronouns and nominals included, grouped into chains (GUM ``entity_id``, joined
when two chains share an ``identity``; MEANTIME ``instance_id``).

How a reference is scored, per article and only inside the gold's annotated window:

1. The gold mention *at* the reference is the shortest gold mention that covers the
   reference's last word (its head) and ends where the reference ends (up to three characters
   later: a possessive or clitic, "'s", "'ll", or alignment slack): "his" in "his company"
   is the gold "his", not "his company". No such mention: the reference is *unscored* (the
   gold does not say).
2. The sitegen entity's page in that article is paired with a gold entity by the entity
   scorer (``eval_entities.paired_pages``: kinds agree, mentions overlap, one to one); pages
   left over are then paired the same way with the *optional* gold entities (a person named
   only with an organization inside, "Association president Sehar Memon"), and pages still
   left over with the chain of the shortest gold mention of their kind around their first
   mention, if no page has it (GUM calls "English defender Kyle Walker" a nominal, not a
   name, so the entity scorer has no entity for him). The reference is
   *correct* when the gold mention belongs to the chain of that paired entity, and *wrong*
   otherwise: the mention belongs to another chain, or the entity has no gold partner in the
   article (a spurious page, or no mention in the window). One case is neither: the entity's
   page is an unpaired duplicate of the mention's own gold entity (two pages for one person;
   the entity scorer counts that error) -- shown as "right chain, dup. page", left out of
   precision. Precision = correct / (correct + wrong).
3. Recall is over the gold third-person singular pronouns (he, him, his, himself, she, her,
   hers, herself) whose chain is that of a *paired* gold entity: such a pronoun is found when
   a reference at its place goes to the page paired with its chain. Pronouns of people who
   have no page cannot be found by any resolver of names and are left out (their count is
   shown). Pronouns inside quotations count too, though sitegen leaves them alone on
   purpose (often the speaker's own voice), so recall is not flattered. The same is
   shown for gold definite nominals ("the" and one to four lower-case words, as sitegen
   looks for) of paired entities.

Quotations (``quotes`` with ``speaker_start``/``speaker_end``, the words that name the speaker:
"Mr. Carney", "he", "the company") are scored the same way, by how the speaker is written:
the gold mention at those words must belong to the chain paired with the speaker entity. The
corpus has no gold for quotations as such, so this checks who the speaker words are, not
whether sitegen found the right words or every quotation; a quotation continuing the
previous one names nobody and is only counted.

The baseline, in the same run and on the same pages, resolves every third-person singular
pronoun in the text (a regular expression, quotations included) to the nearest preceding
mention of any person page in the article: what a resolver without gender, syntax or quotation
rules gets.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_entities as ev  # noqa: E402
from corpus_align import (  # noqa: E402
    Alignment,
    CorpusArticle,
    align_article,
    body_start,
)

Span = tuple[int, int]
PERSONAL_PRONOUNS = frozenset("he him his himself she her hers herself".split())
PRONOUN_PATTERN = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.I)
DEFINITE_NOMINAL = re.compile(r"^the(?: [a-z][a-z-]*){1,4}$")
CLITIC = re.compile(r"['’](?:s|d|ll|ve|re|m)$", re.I)
SLACK = 3
"""Characters a gold mention may run past a reference's end ("'s", alignment noise)."""


# --------------------------------------------------------------------------- gold chains


@dataclass(frozen=True)
class GoldMention:
    """A gold mention (any kind: name, nominal, pronoun) in file offsets, with its chain."""

    span: Span
    text: str
    chain: int
    kind: str | None = None
    """person, organization or place (the gold's PERSON, ORG, LOC), else None."""


@dataclass(frozen=True)
class ArticleChains:
    """An article's gold entities (as the entity scorer sees them) and every gold mention."""

    gold: ev.ArticleGold
    mentions: tuple[GoldMention, ...]
    chain_of_entity: dict[str, int]
    """Gold entity key -> its chain."""
    chain_names: dict[int, str] = field(default_factory=dict)
    """Chain -> its longest named mention (else its first mention), for the error list."""

    def pages_touching(self, chain: int, pages: Sequence[ev.Page]) -> set[str]:
        """Ids of the pages of the chain's kind whose mentions overlap its named mentions."""
        entities = [e for e in self.gold.entities if self.chain_of_entity.get(e.key) == chain]
        return {p.id for p in pages for e in entities if ev.page_matches(p, e)}

    def chain_around(self, page: ev.Page) -> int | None:
        """The chain of the shortest gold mention of the page's kind around its first mention
        ("English defender Kyle Walker", which GUM does not count as a name), else None."""
        around = [
            m
            for m in self.mentions
            if m.kind == page.kind and m.span[0] <= page.spans[0][0] < page.spans[0][1] <= m.span[1]
        ]
        return min(around, key=lambda m: m.span[1] - m.span[0]).chain if around else None

    def at(self, span: Span, text: str) -> GoldMention | None:
        """The gold mention at a reference (see the module docstring), or None."""
        head = span[0] + text.rstrip().rfind(" ") + 1  # the last word: "company" in "the company"
        found = [
            m
            for m in self.mentions
            if m.span[0] <= head < m.span[1] and span[1] <= m.span[1] <= span[1] + SLACK
        ]
        return min(found, key=lambda m: m.span[1] - m.span[0]) if found else None


def chain_keys(mention: dict[str, Any]) -> list[str]:
    """Keys naming a mention's chain, whatever its type (mentions sharing one are one chain)."""
    if "entity_id" in mention:  # GUM
        keys = [f"entity|{mention['entity_id']}"]
        if mention.get("identity"):
            keys.append(f"identity|{mention['identity']}")
        return keys
    if mention.get("instance_id"):  # MEANTIME
        return [f"instance|{mention['instance_id']}"]
    return [f"mention|{mention.get('mention_id')}|{mention['start']}"]


def chains(mentions: Sequence[dict[str, Any]]) -> list[int]:
    """A chain number for each mention (union of mentions sharing a key)."""
    return ev.union_by_keys(mentions, chain_keys)


def article_chains(gold: dict[str, Any], alignment: Alignment) -> ArticleChains:
    """The gold of one article with its coreference chains, in file offsets."""
    entities = ev.article_gold(gold, alignment)
    mentions = gold["entities"]
    numbers = chains(mentions)
    chain_of_key: dict[str, int] = {}
    for mention, number in zip(mentions, numbers, strict=True):
        if mention.get("type") in ev.KINDS:
            chain_of_key.setdefault(ev.coref_keys(mention)[0], number)
    mapped = tuple(
        GoldMention(
            alignment.span(m["start"], m["end"]), m["text"], number, ev.KINDS.get(m.get("type"))
        )
        for m, number in zip(mentions, numbers, strict=True)
    )
    names: dict[int, str] = {}
    for mention, number in zip(mentions, numbers, strict=True):
        if number not in names or (
            mention.get("named") and len(mention["text"]) > len(names[number])
        ):
            names[number] = mention["text"]
    return ArticleChains(
        gold=entities,
        mentions=mapped,
        chain_of_entity={e.key: chain_of_key[e.key] for e in entities.entities},
        chain_names=names,
    )


# --------------------------------------------------------------------------- references


@dataclass(frozen=True)
class Ref:
    """A resolved reference: the entity it was given to and where it is (file offsets)."""

    entity: str
    span: Span
    text: str

    @property
    def form(self) -> str:
        return "pronoun" if self.text.lower() in PERSONAL_PRONOUNS else "nominal"


def references_by_article(output: dict[str, Any]) -> dict[str, list[Ref]]:
    """The ``references`` of every entity of an ``extract --json`` output, by corpus article."""
    corpus_ids = ev.article_ids_by_system_id(output)
    found: dict[str, list[Ref]] = defaultdict(list)
    for entity in output.get("entities", []):
        for reference in entity.get("references", []):
            article = corpus_ids.get(reference["article"], reference["article"])
            span = (int(reference["start"]), int(reference["end"]))
            found[article].append(Ref(str(entity["id"]), span, str(reference["text"])))
    for refs in found.values():
        refs.sort(key=lambda r: r.span)
    return found


def baseline_references(article: CorpusArticle, pages: Sequence[ev.Page]) -> list[Ref]:
    """Every he/him/his/she/her... in the body, given to the nearest preceding person mention."""
    people = sorted(
        (span[0], page.id) for page in pages if page.kind == "person" for span in page.spans
    )
    refs = []
    for match in PRONOUN_PATTERN.finditer(article.text, body_start(article.text)):
        before = [entity for start, entity in people if start < match.start()]
        if before:
            refs.append(Ref(before[-1], match.span(), match.group()))
    return refs


# --------------------------------------------------------------------------- scoring


@dataclass
class FormScore:
    """Counts for one form of reference (pronoun or nominal) over some articles."""

    made: int = 0  # references inside the gold window
    correct: int = 0
    wrong_chain: int = 0  # the gold mention belongs to another chain
    wrong_unpaired: int = 0  # the entity has no gold partner in the article
    unscored: int = 0  # no gold mention at the reference
    duplicate: int = 0  # the right chain, but the entity's page is an unpaired duplicate
    gold: int = 0  # recall denominator: gold mentions of paired entities
    found: int = 0
    gold_unpaired: int = 0  # gold mentions of this form whose chain has no page

    def add(self, other: FormScore) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def wrong(self) -> int:
        return self.wrong_chain + self.wrong_unpaired

    @property
    def precision(self) -> float:
        scored = self.correct + self.wrong
        return self.correct / scored if scored else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0


@dataclass
class ArticleResult:
    """Scores by form for one article, and the scored references for the error list."""

    forms: dict[str, FormScore] = field(
        default_factory=lambda: {"pronoun": FormScore(), "nominal": FormScore()}
    )
    judged: list[tuple[Ref, str, str]] = field(default_factory=list)  # ref, verdict, gold chain
    missed: list[GoldMention] = field(default_factory=list)
    quotes: dict[str, FormScore] = field(default_factory=dict)  # by how the speaker is written


def gold_form(mention: GoldMention) -> str | None:
    """``pronoun`` for he/his/she/her..., ``nominal`` for "the" + lower-case words, else None."""
    text = CLITIC.sub("", mention.text.strip())  # GUM's "he's", "she'd"
    if text.lower() in PERSONAL_PRONOUNS:
        return "pronoun"
    return "nominal" if DEFINITE_NOMINAL.match(text) else None


def score_references(
    refs: Iterable[Ref], pages: Sequence[ev.Page], chains: ArticleChains
) -> ArticleResult:
    """Score one article's references against its gold chains (see the module docstring)."""
    chain_of_page = page_chains(pages, chains)
    pages_of_chain: dict[int, set[str]] = defaultdict(set)
    for page_id, chain in chain_of_page.items():
        pages_of_chain[chain].add(page_id)
    result = ArticleResult()
    window = chains.gold.window
    hits: set[tuple[Span, str]] = set()
    for ref in refs:
        if not ev.overlaps(ref.span, window):
            continue
        score = result.forms[ref.form]
        score.made += 1
        mention = chains.at(ref.span, ref.text)
        if mention is None:
            score.unscored += 1
            result.judged.append((ref, "unscored", ""))
            continue
        chain = chain_of_page.get(ref.entity)
        if chain is None and ref.entity in chains.pages_touching(mention.chain, pages):
            score.duplicate += 1
            verdict = "duplicate"
        elif chain is None:
            score.wrong_unpaired += 1
            verdict = "unpaired"
        elif chain == mention.chain:
            score.correct += 1
            verdict = "correct"
            hits.add((mention.span, ref.entity))
        else:
            score.wrong_chain += 1
            verdict = "wrong"
        result.judged.append((ref, verdict, chains.chain_names.get(mention.chain, "")))
    for mention in chains.mentions:
        form = gold_form(mention)
        if form is None or not ev.overlaps(mention.span, window):
            continue
        paired = pages_of_chain.get(mention.chain)
        if not paired:
            result.forms[form].gold_unpaired += 1
            continue
        result.forms[form].gold += 1
        if any((mention.span, page) in hits for page in paired):
            result.forms[form].found += 1
        else:
            result.missed.append(mention)
    return result


def page_chains(pages: Sequence[ev.Page], chains: ArticleChains) -> dict[str, int]:
    """Page id -> the chain of the gold entity it is paired with: the entity scorer's pairing
    with the required entities, then the pages left over paired with the optional ones (a
    person named only with an organization inside, "Association president Sehar Memon")."""
    windowed, pairs = ev.paired_pages(pages, chains.gold)
    required = chains.gold.required
    paired = {windowed[i].id: chains.chain_of_entity[required[j].key] for i, j in pairs.items()}
    rest = [p for i, p in enumerate(windowed) if i not in pairs]
    optional = [e for e in chains.gold.entities if not e.required]
    optional_pairs = ev.max_matching(rest, optional)
    for i, j in optional_pairs.items():
        paired[rest[i].id] = chains.chain_of_entity[optional[j].key]
    taken = set(paired.values())
    for i, page in enumerate(rest):
        if i in optional_pairs:
            continue
        chain = chains.chain_around(page)
        if chain is not None and chain not in taken:
            paired[page.id] = chain
            taken.add(chain)
    return paired


# --------------------------------------------------------------------------- quotes


SPEAKER_PRONOUNS = PERSONAL_PRONOUNS | {"they", "i", "we"}


@dataclass(frozen=True)
class QuoteCue:
    """An attributed quotation: its speaker entity and the words that name the speaker."""

    entity: str
    span: Span  # of the speaker's words ("he", "Mr. Carney", "the company"); (-1, -1): none
    text: str
    quote: Span

    @property
    def form(self) -> str:
        """How the speaker is written: name, pronoun, nominal, or none (a continuation)."""
        if self.span[0] < 0:
            return "none"
        if self.text.lower() in SPEAKER_PRONOUNS:
            return "pronoun"
        return "nominal" if self.text[:1].islower() or self.text.startswith("The ") else "name"


QUOTE_FORMS = ("name", "pronoun", "nominal", "none")


def quotes_by_article(output: dict[str, Any]) -> dict[str, list[QuoteCue]]:
    """The ``quotes`` of an ``extract --json`` output, by corpus article."""
    corpus_ids = ev.article_ids_by_system_id(output)
    found: dict[str, list[QuoteCue]] = defaultdict(list)
    for quote in output.get("quotes", []):
        article = corpus_ids.get(quote["article"], quote["article"])
        start, end = quote.get("speaker_start"), quote.get("speaker_end")
        span = (int(start), int(end)) if start is not None and end is not None else (-1, -1)
        found[article].append(
            QuoteCue(
                str(quote["speaker"]),
                span,
                str(quote.get("speaker_text") or ""),
                (int(quote["start"]), int(quote["end"])),
            )
        )
    return found


def score_quotes(
    quotes: Iterable[QuoteCue], pages: Sequence[ev.Page], chains: ArticleChains
) -> dict[str, FormScore]:
    """Quotations in the window, by how the speaker is written: correct when the gold mention
    at the speaker's words belongs to the chain paired with the speaker entity (as for
    references); a quotation with no speaker words (a continuation) is only counted."""
    chain_of_page = page_chains(pages, chains)
    scores = {form: FormScore() for form in QUOTE_FORMS}
    for quote in quotes:
        if not ev.overlaps(quote.quote, chains.gold.window):
            continue
        score = scores[quote.form]
        score.made += 1
        mention = chains.at(quote.span, quote.text) if quote.span[0] >= 0 else None
        if mention is None:
            score.unscored += 1
            continue
        chain = chain_of_page.get(quote.entity)
        if chain == mention.chain:
            score.correct += 1
        elif chain is None and quote.entity in chains.pages_touching(mention.chain, pages):
            score.duplicate += 1
        elif chain is None:
            score.wrong_unpaired += 1
        else:
            score.wrong_chain += 1
    return scores


# --------------------------------------------------------------------------- evaluation


def evaluate(
    articles: Sequence[CorpusArticle], output: dict[str, Any], baseline: bool
) -> dict[str, dict[str, ArticleResult]]:
    """{system: {article id: result}} for sitegen and, if asked, the baseline."""
    pages = ev.pages_by_article(output)
    refs = references_by_article(output)
    quotes = quotes_by_article(output)
    present = set(ev.article_ids_by_system_id(output).values())
    results: dict[str, dict[str, ArticleResult]] = {"sitegen": {}}
    if baseline:
        results["baseline"] = {}
    for article in articles:
        if present and article.id not in present:
            continue
        chains = article_chains(article.gold, align_article(article))
        article_pages = pages.get(article.id, [])
        result = score_references(refs.get(article.id, []), article_pages, chains)
        result.quotes = score_quotes(quotes.get(article.id, []), article_pages, chains)
        results["sitegen"][article.id] = result
        if baseline:
            results["baseline"][article.id] = score_references(
                baseline_references(article, article_pages), article_pages, chains
            )
    return results


def totals(
    results: dict[str, ArticleResult], corpus: str | None, form: str, quotes: bool = False
) -> FormScore:
    """The sum of the articles' scores of one form (of references, or of quote speakers)."""
    total = FormScore()
    for article_id, result in results.items():
        if corpus is None or article_id.startswith(f"{corpus}_"):
            scores = result.quotes if quotes else result.forms
            if form in scores:
                total.add(scores[form])
    return total


def table_rows(score: FormScore) -> list[tuple[str, str]]:
    return [
        ("references (window)", str(score.made)),
        ("correct", str(score.correct)),
        ("wrong: other chain", str(score.wrong_chain)),
        ("wrong: no gold partner", str(score.wrong_unpaired)),
        ("unscored", str(score.unscored)),
        ("right chain, dup. page", str(score.duplicate)),
        ("precision", f"{score.precision:.3f}"),
        ("gold (paired)", str(score.gold)),
        ("found", str(score.found)),
        ("recall", f"{score.recall:.3f}"),
        ("gold (no page)", str(score.gold_unpaired)),
    ]


def report(results: dict[str, dict[str, ArticleResult]], corpora: Sequence[str]) -> str:
    """Tables per corpus and overall: pronouns (sitegen and baseline), nominals (sitegen)."""
    blocks = []
    for title, corpus in ev.scopes(corpora):
        columns = {f"{name} pron.": totals(res, corpus, "pronoun") for name, res in results.items()}
        columns["sitegen nominal"] = totals(results["sitegen"], corpus, "nominal")
        rows = {name: table_rows(score) for name, score in columns.items()}
        blocks.append("\n".join(ev.columns_table(title, rows, 24, 18)))
        speakers = {
            f"said by {form}": totals(results["sitegen"], corpus, form, quotes=True)
            for form in QUOTE_FORMS
        }
        rows = {
            name: [("quotes (window)", str(score.made)), *table_rows(score)[1:7]]
            for name, score in speakers.items()
        }
        blocks.append("\n".join(ev.columns_table(f"{title} QUOTES", rows, 24, 18)))
    return "\n\n".join(blocks)


def format_errors(results: dict[str, ArticleResult], system: str) -> str:
    """Per article: wrong and unscored references, and missed gold pronouns and nominals."""
    lines = [f"== references of {system} =="]
    for article_id, result in results.items():
        wrong = [j for j in result.judged if j[1] != "correct"]
        if not wrong and not result.missed:
            continue
        lines.append(f"-- {article_id}")
        for ref, verdict, gold in wrong:
            also = f"  gold: {gold!r}" if gold else ""
            lines.append(f"   {verdict:<9} {ref.span[0]:>6} {ref.text!r} -> {ref.entity}{also}")
        for mention in result.missed:
            lines.append(f"   missed    {mention.span[0]:>6} {mention.text!r}")
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ev.corpus_arguments(parser)
    parser.add_argument("--no-baseline", action="store_true", help="skip the baseline")
    parser.add_argument(
        "--errors",
        choices=("sitegen", "baseline"),
        nargs="?",
        const="sitegen",
        help="list wrong and unscored references and missed gold mentions per article",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    articles = ev.selected_articles(args)
    output = ev.sitegen_output(args, articles)
    if output is None:
        raise SystemExit("sitegen extract is not available")
    results = evaluate(articles, output, baseline=not args.no_baseline)
    corpora = ev.selected_corpora(args, articles)
    print(report(results, corpora))
    if args.errors and args.errors in results:
        print()
        print(format_errors(results[args.errors], args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
