"""Score sitegen's subjects and story threads against a hand-filed gold.

Usage: python scripts/eval_topics.py [--gold FILE] [--shared DIR] [--errors] [--seed]
       python scripts/eval_topics.py --archive PATH   (e.g. ../shared/archive/wikinews.jsonl)

The gold (``tests/fixtures/topics/gold.jsonl``, 65 real Wikinews articles: 41 from
``../shared/archive/`` and 24 MEANTIME articles of ``../shared/corpus/``, filed by hand, see
the README beside it) gives each article its subjects (the first the main one; short keys of
IPTC's top Media Topics) and its threads, each a list of acceptable wordings. The gold articles
are built together as one corpus of 65 (with the analysis cache of the working directory) and
scored:

- **subject accuracy**: the article's first subject is one of its gold subjects;
- **subject precision / recall**: of all subjects filed against all gold subjects;
- **thread precision / recall**: a thread of an article (one with a passage in it) matches a
  gold thread when the stems of one of the gold wordings are all among the stems of the
  thread's name or of one of its aliases ("Darfur" matches "Darfur conflict"); precision counts
  the article's threads that match, recall the gold threads matched.

``--seed`` also prints the seed article's threads (to read against the held-out list).
``--archive PATH`` builds PATH instead (a whole archive: use a warm analysis cache in the
working directory) and prints its topic count, the share of single-article topics, the
subjects and the top 30 threads by articles.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sitegen.build import Options, build_knowledge  # noqa: E402
from sitegen.model import KnowledgeBase, Topic  # noqa: E402
from sitegen.resolve.taxonomy import stems  # noqa: E402

DEFAULT_GOLD = REPO / "tests" / "fixtures" / "topics" / "gold.jsonl"
DEFAULT_SHARED = REPO.parent / "shared"
SUBJECTS = {
    "arts": "medtop:01000000",
    "crime": "medtop:02000000",
    "disaster": "medtop:03000000",
    "economy": "medtop:04000000",
    "education": "medtop:05000000",
    "environment": "medtop:06000000",
    "health": "medtop:07000000",
    "human": "medtop:08000000",
    "labour": "medtop:09000000",
    "lifestyle": "medtop:10000000",
    "politics": "medtop:11000000",
    "religion": "medtop:12000000",
    "science": "medtop:13000000",
    "society": "medtop:14000000",
    "sport": "medtop:15000000",
    "conflict": "medtop:16000000",
    "weather": "medtop:17000000",
}
"""The gold's short keys for IPTC's 17 top Media Topics."""


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def gold_inputs(gold: list[dict], shared: Path, folder: Path) -> list[Path]:
    """The gold's articles as sitegen inputs: a JSON Lines file of the archive's records (in
    ``folder``) and the corpus's Markdown files."""
    wanted = {g["id"] for g in gold if g["source"] == "archive"}
    records = [
        line
        for line in (shared / "archive" / "wikinews.jsonl").read_text(encoding="utf-8").splitlines()
        if line and json.loads(line)["id"] in wanted
    ]
    archive = folder / "gold-archive.jsonl"
    archive.write_text("\n".join(records) + "\n", encoding="utf-8")
    folder_of = shared / "corpus" / "articles"
    corpus = [folder_of / f"{g['id']}.md" for g in gold if g["source"] == "corpus"]
    return [archive, *corpus]


def wordings(topic: Topic) -> list[set[str]]:
    return [set(stems(text)) for text in (topic.name, *topic.aliases)]


def matches(gold_thread: list[str], topic: Topic) -> bool:
    found = wordings(topic)
    return any(set(stems(g)) and any(set(stems(g)) <= w for w in found) for g in gold_thread)


def article_threads(kb: KnowledgeBase) -> dict[str, list[Topic]]:
    by_article: dict[str, list[Topic]] = {}
    for topic in kb.topics:
        if topic.kind == "thread":
            for article in dict.fromkeys(p.article for p in topic.passages):
                by_article.setdefault(article, []).append(topic)
    return by_article


def article_id(kb: KnowledgeBase, gold_id: str) -> str | None:
    for article in kb.articles:
        if article.id == gold_id or article.id.replace("-", "_") == gold_id.replace("-", "_"):
            return article.id
    return None


def score(gold: list[dict], kb: KnowledgeBase, errors: bool) -> dict[str, float]:
    codes = {topic.id: topic.code for topic in kb.topics if topic.kind == "subject"}
    threads = article_threads(kb)
    first = filed = filed_right = gold_subjects = recalled = 0
    predicted = predicted_right = gold_threads = gold_found = 0
    for entry in gold:
        found_id = article_id(kb, entry["id"])
        if found_id is None:
            raise SystemExit(f"gold article {entry['id']!r} is not in the built corpus")
        wanted = {SUBJECTS[key] for key in entry["subjects"]}
        subjects = [codes[s] for s in kb.filings.get(found_id, ())]
        first += bool(subjects) and subjects[0] in wanted
        filed += len(subjects)
        filed_right += len(set(subjects) & wanted)
        gold_subjects += len(wanted)
        recalled += len(set(subjects) & wanted)
        mine = threads.get(found_id, [])
        right = [t for t in mine if any(matches(g, t) for g in entry["threads"])]
        hit = [g for g in entry["threads"] if any(matches(g, t) for t in mine)]
        predicted += len(mine)
        predicted_right += len(right)
        gold_threads += len(entry["threads"])
        gold_found += len(hit)
        if errors:
            missed = [g[0] for g in entry["threads"] if g not in hit]
            extra = [t.name for t in mine if t not in right]
            print(f"{entry['id']}: subjects {subjects} gold {sorted(wanted)}")
            print(f"    missed {missed}; extra {extra}")
    return {
        "articles": len(gold),
        "subject_accuracy": first / len(gold),
        "subject_precision": filed_right / filed if filed else 0.0,
        "subject_recall": recalled / gold_subjects,
        "thread_precision": predicted_right / predicted if predicted else 0.0,
        "thread_recall": gold_found / gold_threads,
        "threads_per_article": predicted / len(gold),
    }


def archive_figures(kb: KnowledgeBase, top: int = 30) -> None:
    """What a reader of the archive's topics index sees, in figures."""
    subjects = sorted((t for t in kb.topics if t.kind == "subject"), key=lambda t: -len(t.articles))
    threads = [t for t in kb.topics if t.kind == "thread"]
    single = sum(len(t.articles) == 1 for t in kb.topics)
    names = {t.id: t.name for t in subjects}
    print(
        f"{len(kb.articles)} articles: {len(kb.topics)} topics ({len(subjects)} subjects, "
        f"{len(threads)} threads); single-article topics {single} "
        f"({single / max(len(kb.topics), 1):.1%}); smallest thread "
        f"{min((len(t.articles) for t in threads), default=0)} articles; one-word thread "
        f"names {sum(' ' not in t.name for t in threads)}"
    )
    for subject in subjects:
        count = sum(t.subject == subject.id for t in threads)
        print(f"  subject {subject.name}: {len(subject.articles)} articles, {count} threads")
    print(f"Top {top} threads by articles:")
    for thread in sorted(threads, key=lambda t: (-len(t.articles), t.name))[:top]:
        print(f"  {len(thread.articles):4d}  {thread.name}  ({names.get(thread.subject, '-')})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--errors", action="store_true", help="list each article's misses")
    parser.add_argument("--seed", action="store_true", help="print the seed's threads too")
    parser.add_argument("--archive", type=Path, help="print the topics of a whole archive")
    args = parser.parse_args()
    if args.archive:
        archive_figures(build_knowledge([args.archive], Options(n_process=1)))
        return 0
    gold = load_gold(args.gold)
    with tempfile.TemporaryDirectory() as folder:
        kb = build_knowledge(gold_inputs(gold, args.shared, Path(folder)), Options(n_process=1))
    figures = score(gold, kb, args.errors)
    print(f"Topics eval: {figures['articles']} hand-filed articles built as one corpus")
    print(
        f"  subjects: accuracy {figures['subject_accuracy']:.3f} (first subject right), "
        f"P {figures['subject_precision']:.3f} R {figures['subject_recall']:.3f}"
    )
    print(
        f"  threads:  P {figures['thread_precision']:.3f} R {figures['thread_recall']:.3f} "
        f"({figures['threads_per_article']:.1f} per article)"
    )
    if args.seed:
        seed = build_knowledge([args.shared / "seeds"], Options(n_process=1))
        names = {t.id: t.name for t in seed.topics}
        for topic in seed.topics:
            if topic.kind == "thread":
                print(f"  seed thread: {topic.name} ({names.get(topic.subject, '-')})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
