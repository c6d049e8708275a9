"""Cross-article measures (``make eval``): B-cubed on the development corpus, and the most
mentioned entities of a real archive checked against a hand-checked list.

Usage (from the repository root)::

    .venv/bin/python scripts/eval_archive.py bcubed                  # corpus, sitegen + baseline
    .venv/bin/python scripts/eval_archive.py bcubed --from-json corpus.json
    .venv/bin/python scripts/eval_archive.py top                     # the whole archive
    .venv/bin/python scripts/eval_archive.py top --from-json archive.json --show 10

**B-cubed** (Bagga and Baldwin 1998) over the gold's innermost named mentions (PERSON, ORG, LOC;
pronouns skipped) of the 103 corpus articles, across articles, where the annotation links
entities across articles: MEANTIME's ``instance_id`` (linked to DBpedia, it spans the articles
of a topic) and GUM's ``identity`` (a Wikipedia title). Mentions the annotation leaves unlinked
("the US" of a GUM article without an identity) are left out: they may be another article's
entity without the gold saying so. A gold mention belongs to the system entity with the mention
overlapping it most (none: a system entity of its own). Precision averages, over the mentions,
the share of the mentions of its system entity that are of its gold entity; recall the share of
its gold entity's mentions that its system entity holds. The baseline makes one entity of each
distinct spaCy entity text (the same text in two articles is one entity).

**Top entities**: ``scripts/archive_top50.yml`` lists the 50 most mentioned entities of
``../shared/archive/wikinews.jsonl`` with the title, kind and names a reader expects (checked by
hand against the texts). An entity is right when one page of the expected kind and title holds
at least 80% of the archive's standalone mentions of its names (mentions whose whole text is one
of them), at most 5% of its mentions are written as another listed entity's names, and none of
its aliases is junk (``junk_alias``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.append(str(Path(__file__).resolve().parents[1]))

from corpus_align import CorpusArticle, align_article, default_corpus_dir, load_corpus  # noqa: E402
from eval_entities import (  # noqa: E402
    KINDS,
    baseline_output,
    is_pronoun,
    load_model,
    overlaps,
    system_output,
)

REPO = Path(__file__).resolve().parents[1]
ARCHIVE = REPO.parent / "shared" / "archive" / "wikinews.jsonl"
TOP_LIST = Path(__file__).resolve().parent / "archive_top50.yml"
HOLDS = 0.80
"""Share of an entity's standalone mentions its page must hold."""
FOREIGN = 0.05
"""Largest share of a page's mentions written as another listed entity's names."""


# --------------------------------------------------------------------------- B-cubed


@dataclass(frozen=True)
class GoldMention:
    article: str
    span: tuple[int, int]
    entity: int
    """Index of the gold entity (cross-article)."""


def gold_mentions(articles: Sequence[CorpusArticle]) -> list[GoldMention]:
    """Every named PERSON/ORG/LOC gold mention in file offsets, with its cross-article entity."""
    found: list[tuple[str, tuple[int, int], list[str]]] = []
    for article in articles:
        alignment = align_article(article)
        for mention in article.gold["entities"]:
            if mention.get("type") not in KINDS or is_pronoun(mention["text"]):
                continue
            if not mention["innermost_named"] or not _linked(mention):
                continue
            span = alignment.span(mention["start"], mention["end"])
            found.append((article.id, span, _keys(article.id, mention)))
    roots = _union([keys for _, _, keys in found])
    return [GoldMention(a, span, root) for (a, span, _), root in zip(found, roots, strict=True)]


def _linked(mention: dict[str, Any]) -> bool:
    """The annotation links the mention's entity beyond its article (MEANTIME's instances,
    GUM's identities); others may be the same entity as another article's, unknown to it."""
    return bool(mention.get("identity") if "entity_id" in mention else mention.get("instance_id"))


def _keys(article: str, mention: dict[str, Any]) -> list[str]:
    """Coreference keys; those of MEANTIME's instances and of Wikipedia titles (GUM's
    identities, MEANTIME's DBpedia links) span articles, and corpora."""
    kind = mention["type"]
    keys = []
    if "entity_id" in mention:  # GUM: ids are the document's own
        keys.append(f"{kind}|{article}|{mention['entity_id']}")
    elif mention.get("instance_id"):
        keys.append(f"{kind}|instance|{mention['instance_id']}")
    title = mention.get("identity") or str(mention.get("external_ref") or "")
    if "dbpedia.org/resource/" in title or "entity_id" in mention and title:
        keys.append("wiki|" + title.rsplit("/", 1)[-1])
    return keys


def _union(key_lists: list[list[str]]) -> list[int]:
    parent = list(range(len(key_lists)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for index, keys in enumerate(key_lists):
        for key in keys:
            if key in owner:
                parent[find(index)] = find(owner[key])
            else:
                owner[key] = index
    return [find(i) for i in range(len(key_lists))]


def system_entity_of(
    mentions: Sequence[GoldMention], output: dict[str, Any]
) -> list[str]:
    """For each gold mention, the system entity whose mention overlaps it most."""
    corpus_ids = {a["id"]: Path(a["path"]).stem for a in output.get("articles", [])}
    by_article: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for entity in output.get("entities", []):
        for mention in entity.get("mentions", []):
            article = corpus_ids.get(mention["article"], mention["article"])
            by_article[article].append((mention["start"], mention["end"], str(entity["id"])))
    result = []
    for index, gold in enumerate(mentions):
        best, overlap = f"none-{index}", 0
        for start, end, entity_id in by_article.get(gold.article, ()):
            if overlaps((start, end), gold.span):
                shared = min(end, gold.span[1]) - max(start, gold.span[0])
                if shared > overlap:
                    best, overlap = entity_id, shared
        result.append(best)
    return result


def bcubed(gold: Sequence[int], system: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a system clustering against the gold one."""
    pairs = Counter(zip(gold, system, strict=True))
    gold_sizes, system_sizes = Counter(gold), Counter(system)
    n = len(gold)
    if not n:
        return 0.0, 0.0, 0.0
    precision = sum(c * c / system_sizes[s] for (_, s), c in pairs.items()) / n
    recall = sum(c * c / gold_sizes[g] for (g, _), c in pairs.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def run_bcubed(args: argparse.Namespace) -> str:
    articles = load_corpus(args.corpus_dir)
    mentions = gold_mentions(articles)
    gold = [m.entity for m in mentions]
    linked = sum(1 for size in Counter(gold).values() if size > 1)
    outputs: dict[str, dict[str, Any]] = {}
    if args.from_json:
        outputs["sitegen"] = json.loads(args.from_json.read_text(encoding="utf-8"))
    else:
        found = system_output([a.path for a in articles], "auto")
        if found is not None:
            outputs["sitegen"] = found
    if not args.no_baseline:
        outputs["baseline"] = baseline_output(articles, load_model())
    spread = Counter(
        len({m.article for m in mentions if m.entity == entity}) for entity in set(gold)
    )
    lines = [
        f"B-cubed across articles: {len(articles)} articles, {len(mentions)} gold named "
        f"mentions, {len(set(gold))} gold entities ({linked} with several mentions, "
        f"{sum(c for s, c in spread.items() if s > 1)} in several articles)",
        "",
        "| system | precision | recall | F1 |",
        "|---|---|---|---|",
    ]
    for name, output in outputs.items():
        p, r, f = bcubed(gold, system_entity_of(mentions, output))
        lines.append(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} |")
    return "\n".join(lines)


# --------------------------------------------------------------------------- top entities


@dataclass(frozen=True)
class Expected:
    title: str
    kind: str
    names: tuple[str, ...]


def load_top_list(path: Path) -> list[Expected]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Expected(item["title"], item["kind"], tuple([item["title"], *item.get("names", [])]))
        for item in data["entities"]
    ]


def key(text: str) -> str:
    """Case, dots, a leading "the" and a possessive ignored ("the U.S.'s" = "US")."""
    text = re.sub(r"['’]s?$", "", " ".join(text.split()))
    text = text.replace(".", "").casefold()
    return re.sub(r"^the ", "", text)


TITLES = frozenset(
    """mr mrs ms miss dr sir lord lady dame president vice prime minister premier chancellor
    secretary senator sen rep representative congressman congresswoman governor gov mayor elect
    king queen prince princess general gen colonel col admiral judge justice chief leader
    foreign defence defense finance deputy former acting opposition labor labour""".split()
)
"""Words of titles and honorifics: "Prime Minister Tony Blair", "Sen. McCain" are aliases a
reader may search for, not junk (a title's own punctuation aside: "Prime Minister . X" is)."""


def junk_alias(alias: str, expected: Expected) -> str | None:
    """Why an alias is junk, or None: an unbalanced bracket, leading or trailing punctuation,
    a digit the names do not have, a lower-case word (a modifier: "west China"), or the
    names with words added in front or behind that make another name ("Miss Russia",
    "USA Barack Obama", "Particularly Egypt", "London (west)")."""
    if alias.count("(") != alias.count(")") or alias.count("[") != alias.count("]"):
        return "unbalanced bracket"
    if re.match(r"^\W", alias) or re.search(r"[^\w.)'’]$", alias):
        return "leading or trailing punctuation"
    names = {key(name) for name in expected.names}
    words = alias.split()
    while words and key(" ".join(words)) not in names and key(words[0]) in TITLES:
        words = words[1:]
    if key(" ".join(words)) in names:
        return None
    if any(ch.isdigit() for ch in alias) and not any(
        ch.isdigit() for name in expected.names for ch in name
    ):
        return "a number"
    lower = [w for w in words if w[:1].islower() and w not in ("of", "the", "and", "de", "al")]
    if lower:
        return f"a lower-case word ({lower[0]})"
    written = key(alias).split()
    for name in names:
        size = len(name.split())
        runs = {" ".join(written[i : i + size]) for i in range(len(written) - size + 1)}
        if name in runs:
            return f"words around the name '{name}'"
    return None


def archive_output(args: argparse.Namespace) -> dict[str, Any]:
    """``--from-json``'s extract, else a run of sitegen over the archive."""
    if args.from_json:
        return dict(json.loads(args.from_json.read_text(encoding="utf-8")))
    found = system_output([args.archive], "auto")
    if found is None:
        raise SystemExit("sitegen extract is not available")
    return found


def run_top(args: argparse.Namespace, output: dict[str, Any]) -> str:
    expected = load_top_list(args.list)
    results = [check_entity(item, expected, output["entities"]) for item in expected]
    right = sum(1 for _, problems in results if not problems)
    lines = [f"Top entities of {args.archive.name}: {right} of {len(results)} right", ""]
    for item, problems in results:
        verdict = "ok " if not problems else "BAD"
        detail = ": " + "; ".join(problems) if problems else ""
        lines.append(f"{verdict} {item.title} ({item.kind}){detail}")
    return "\n".join(lines)


def check_entity(
    item: Expected, expected: Sequence[Expected], entities: Sequence[dict[str, Any]]
) -> tuple[Expected, list[str]]:
    """The item and what is wrong with its page (empty: right)."""
    names = {key(name) for name in item.names}
    others = {key(name) for other in expected if other != item for name in other.names} - names
    standalone: Counter[str] = Counter()
    for entity in entities:
        for mention in entity.get("mentions", ()):
            if key(mention["text"]) in names:
                standalone[str(entity["id"])] += 1
    total = sum(standalone.values())
    pages = [
        e for e in entities if e.get("kind") == item.kind and e.get("name") == item.title
    ]
    if not pages:
        holder = standalone.most_common(1)
        where = ""
        if holder:
            owner = next(e for e in entities if str(e["id"]) == holder[0][0])
            where = f"; most of its names are on '{owner['name']}' ({owner['kind']})"
        return item, [f"no {item.kind} page titled '{item.title}'{where}"]
    page = max(pages, key=lambda e: standalone[str(e["id"])])
    problems = []
    held = standalone[str(page["id"])] / total if total else 0.0
    if held < HOLDS:
        elsewhere = [
            (next(e["name"] for e in entities if str(e["id"]) == eid), count)
            for eid, count in standalone.most_common(4)
            if eid != str(page["id"])
        ]
        problems.append(f"holds {held:.0%} of {total} standalone mentions; also on {elsewhere}")
    mentions = page.get("mentions", ())
    foreign = sum(1 for m in mentions if key(m["text"]) in others)
    if mentions and foreign / len(mentions) > FOREIGN:
        problems.append(f"{foreign} of {len(mentions)} mentions name other listed entities")
    junk = [(alias, why) for alias in page.get("aliases", ()) if (why := junk_alias(alias, item))]
    if junk:
        problems.append("junk aliases: " + ", ".join(f"'{a}' ({why})" for a, why in junk[:5]))
    return item, problems


def most_mentioned(output: dict[str, Any], count: int) -> str:
    """The entities with the most mentions (to draft or review the hand-checked list)."""
    entities = sorted(output["entities"], key=lambda e: -len(e.get("mentions", ())))
    return "\n".join(
        f"{len(e['mentions']):5d} {e['kind']:12s} {e['name']}  |  "
        + ", ".join(a for a, _ in Counter(m["text"] for m in e["mentions"]).most_common(6))
        for e in entities[:count]
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    b = commands.add_parser("bcubed", help="B-cubed across the corpus's articles")
    b.add_argument("--corpus-dir", type=Path, default=default_corpus_dir())
    b.add_argument("--from-json", type=Path, help="score a saved `sitegen extract --json`")
    b.add_argument("--no-baseline", action="store_true")
    t = commands.add_parser("top", help="the archive's most mentioned entities")
    t.add_argument("--archive", type=Path, default=ARCHIVE)
    t.add_argument("--list", type=Path, default=TOP_LIST)
    t.add_argument("--from-json", type=Path, help="check a saved `sitegen extract --json`")
    t.add_argument("--show", type=int, default=0, help="also print the N most mentioned pages")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.command == "bcubed":
        print(run_bcubed(args))
        return 0
    output = archive_output(args)
    if args.show:
        print(most_mentioned(output, args.show))
        print()
    print(run_top(args, output))
    return 0


if __name__ == "__main__":
    sys.exit(main())
