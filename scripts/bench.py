"""Benchmark sitegen on a corpus of N articles (``make bench``); see docs/benchmarks.md.

For each N (default 100 and 1000) a child process builds a corpus from the articles in
``../shared/corpus/articles/`` (beyond their number, further articles are composed
deterministically from their paragraphs), or with ``--archive FILE.jsonl`` takes the first N
records of a real archive unchanged (nothing composed), then measures in one run: a plain
``nlp.pipe`` over the same block texts with the same model, sitegen's cold ``generate``
(extraction, knowledge model, rendering, writing), ``mkdocs build``, a no-change rebuild and a
one-article-changed rebuild, with peak memory, page sizes and the search index size.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "articles"


def split_article(path: Path) -> tuple[dict[str, Any], list[str]]:
    """Front matter and non-empty body lines of a corpus ``.md`` article."""
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front) or {}, [line for line in body.splitlines() if line.strip()]


def compose_corpus(source: Path, target: Path, size: int) -> int:
    """Copy up to ``size`` corpus articles into ``target`` and compose the rest; returns the
    number of composed articles. Article k >= the corpus size takes 2-5 runs of 2-6 paragraphs
    from articles chosen by ``random.Random(k)``, with the first one's date and source."""
    originals = sorted(source.glob("*.md"))
    target.mkdir(parents=True, exist_ok=True)
    for path in originals[:size]:
        shutil.copy(path, target / path.name)
    parsed = [split_article(path) for path in originals]
    for k in range(len(originals), size):
        rng = random.Random(k)
        picks = rng.sample(range(len(parsed)), rng.randint(2, 5))
        lines: list[str] = []
        for pick in picks:
            body = parsed[pick][1][1:]  # without the headline line
            start = rng.randrange(max(1, len(body) - 2))
            lines += body[start : start + rng.randint(2, 6)]
        meta = parsed[picks[0]][0]
        front = {
            "title": f"Composite {k}: {meta.get('title', '')}",
            "published": meta.get("published"),
            "source": meta.get("source"),
        }
        text = "---\n" + yaml.safe_dump(front, sort_keys=False) + "---\n" + "\n\n".join(lines)
        (target / f"composite-{k:05d}.md").write_text(text + "\n", encoding="utf-8")
    return max(0, size - len(originals))


def change_one_article(articles_dir: Path) -> None:
    """Add a sentence to the first article (a ``.md`` file, or the first record of a
    ``.jsonl`` archive slice)."""
    sentence = "The benchmark added this sentence about Ottawa on Monday."
    archive = articles_dir / "archive.jsonl"
    if not archive.exists():
        with sorted(articles_dir.glob("*.md"))[0].open("a", encoding="utf-8") as handle:
            handle.write(f"\n{sentence}\n")
        return
    first, *rest = archive.read_text(encoding="utf-8").splitlines(keepends=True)
    record = json.loads(first)
    record["text"] += f"\n\n{sentence}"
    archive.write_text(json.dumps(record, ensure_ascii=False) + "\n" + "".join(rest), "utf-8")


def write_mkdocs_yml(target: Path) -> None:
    """The repository's mkdocs.yml without the sitegen plugin: the benchmark generates the
    pages itself, so ``mkdocs build`` measures MkDocs alone."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    start = text.index("  - sitegen:")
    end = text.index("\n\n", start)
    target.write_text(text[:start] + text[end + 1 :], encoding="utf-8")


def mkdocs_build(project: Path) -> float:
    """Run ``mkdocs build --strict`` in ``project``; returns the seconds it took."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=project, check=True
    )
    return time.perf_counter() - started


def measure(
    size: int, corpus: Path, workdir: Path, n_process: int, archive: Path | None = None
) -> dict[str, Any]:
    """Every figure for a corpus of ``size`` articles (runs in its own process)."""
    from sitegen.build import BuildStats, Options, generate
    from sitegen.ingest import read_articles
    from sitegen.nlp.pipeline import load_pipeline

    project = workdir / f"n{size}"
    shutil.rmtree(project, ignore_errors=True)
    articles_dir = project / "articles"
    if archive is None:
        composed = compose_corpus(corpus, articles_dir, size)
    else:
        from bench_scale import compose  # the reader-scale benchmark's slice of the archive

        articles_dir.mkdir(parents=True, exist_ok=True)
        composed = compose(archive, size, articles_dir / "archive.jsonl")  # repeats past its end
    shutil.copytree(REPO / "site_src" / "assets", project / "site_src" / "assets")
    write_mkdocs_yml(project / "mkdocs.yml")
    articles = read_articles([articles_dir])
    texts = [article.block_text(block) for article in articles for block in article.blocks]
    result: dict[str, Any] = {
        "articles": len(articles),
        "composed": composed,
        "n_process": n_process,
    }
    result["words"] = sum(len(text.split()) for text in texts)
    result["blocks"] = len(texts)

    nlp = load_pipeline()
    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=64, n_process=n_process):
        pass
    result["plain_pipe_s"] = time.perf_counter() - started
    result["plain_pipe_cpu_s"] = time.process_time() - cpu
    del nlp

    options = Options(cache_dir=project / "cache", n_process=n_process)
    docs = project / "site_src"
    cold = BuildStats()
    started = time.perf_counter()
    _, report = generate([articles_dir], docs, options, stats=cold)
    result["cold_generate_s"] = time.perf_counter() - started
    result["cold_stages_s"] = cold.seconds
    result["cold_stages_cpu_s"] = cold.cpu_seconds
    result["pages"] = len(report.written) + len(report.unchanged)
    result["mkdocs_s"] = mkdocs_build(project)
    html = [p for p in (project / "site").rglob("*.html") if p.name != "404.html"]
    result["html_pages"] = len(html)
    result["html_avg_kb"] = sum(p.stat().st_size for p in html) / len(html) / 1024
    index = project / "site" / "search" / "search_index.json"
    result["search_index_mb"] = index.stat().st_size / 2**20

    warm = BuildStats()
    started = time.perf_counter()
    _, report = generate([articles_dir], docs, options, stats=warm)
    result["nochange_generate_s"] = time.perf_counter() - started
    result["nochange"] = {
        "analyzed": warm.analyzed,
        "model_loaded": warm.model_loaded,
        "written": len(report.written),
        "stages_s": warm.seconds,
    }

    change_one_article(articles_dir)
    one = BuildStats()
    started = time.perf_counter()
    _, report = generate([articles_dir], docs, options, stats=one)
    result["onechange_generate_s"] = time.perf_counter() - started
    result["onechange"] = {
        "analyzed": one.analyzed,
        "written": len(report.written),
        "stages_s": one.seconds,
    }

    result["maxrss_self_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["maxrss_children_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return result


def cpu_ratio(r: dict[str, Any]) -> str:
    """The extraction's CPU seconds against the plain pipe's, when this process did all of
    spaCy's work (``--n-process 1``): less swayed by other jobs than the wall seconds."""
    if r["n_process"] != 1:
        return ""
    sitegen, plain = r["cold_stages_cpu_s"]["analyze"], r["plain_pipe_cpu_s"]
    return f"; CPU {sitegen:.1f} s vs {plain:.1f} s = **{sitegen / plain:.2f}x**"


def report(size: int, r: dict[str, Any]) -> str:
    """The figures of one corpus size, as Markdown lines."""
    stages = r["cold_stages_s"]
    extraction = stages["analyze"]
    site_cache = stages.get("site_cache", 0.0) + stages.get("site_cache_write", 0.0)
    model = stages["read"] + stages["resolve"] + stages["render"] + stages["write"] + site_cache
    lines = [
        f"### N = {size}",
        "",
        f"- articles: {r['articles']} ({r['composed']} composed or repeated), "
        f"{r['blocks']} blocks, {r['words']:,} words; {r['pages']} generated pages",
        f"- extraction: sitegen {extraction:.1f} s vs plain nlp.pipe {r['plain_pipe_s']:.1f} s "
        f"= **{extraction / r['plain_pipe_s']:.2f}x** (model load included in sitegen's)"
        f"{cpu_ratio(r)}",
        f"- read + knowledge model + render + write: {model:.1f} s = "
        f"**{100 * model / extraction:.1f}%** of extraction "
        f"(read {stages['read']:.1f}, resolve {stages['resolve']:.1f}, "
        f"render {stages['render']:.1f}, write {stages['write']:.1f}, "
        f"site cache {site_cache:.1f})",
        f"- mkdocs build --strict: {r['mkdocs_s']:.1f} s for {r['html_pages']} HTML pages = "
        f"**{1000 * r['mkdocs_s'] / r['html_pages']:.1f} ms/page**",
        f"- no-change rebuild: generate {r['nochange_generate_s']:.1f} s "
        f"(**{100 * r['nochange_generate_s'] / r['cold_generate_s']:.1f}%** of the cold "
        f"{r['cold_generate_s']:.1f} s); articles through spaCy: {r['nochange']['analyzed']}, "
        f"model loaded: {r['nochange']['model_loaded']}, files written: "
        f"{r['nochange']['written']}",
        f"- one article changed: generate {r['onechange_generate_s']:.1f} s; articles through "
        f"spaCy: {r['onechange']['analyzed']}, files written: {r['onechange']['written']}",
        f"- peak memory (max RSS): sitegen process {r['maxrss_self_mb']:.0f} MB, largest child "
        f"(mkdocs or spaCy worker) {r['maxrss_children_mb']:.0f} MB",
        f"- HTML: **{r['html_avg_kb']:.1f} KB** per page on average; search index "
        f"{r['search_index_mb']:.1f} MB",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument(
        "--archive", type=Path, help="a JSON Lines archive: its first N records, not composed"
    )
    parser.add_argument("--workdir", type=Path, default=None, help="default: a temporary folder")
    parser.add_argument("--n-process", type=int, default=1, help="for both nlp.pipe runs")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="sitegen-bench-"))
    if args.one:
        result = measure(args.one, args.corpus, workdir, args.n_process, args.archive)
        print(json.dumps(result))
        return
    source = args.archive or args.corpus
    print(f"sitegen benchmark; articles from {source}; work folder {workdir}", flush=True)
    for size in args.sizes:
        command = [
            sys.executable,
            __file__,
            "--one",
            str(size),
            "--corpus",
            str(args.corpus),
            "--workdir",
            str(workdir),
            "--n-process",
            str(args.n_process),
            *(["--archive", str(args.archive)] if args.archive else []),
        ]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            sys.stderr.write(done.stderr)
            sys.exit(f"bench: N = {size} failed (exit {done.returncode}); its output is above")
        result = json.loads(done.stdout.strip().splitlines()[-1])
        print(report(size, result), flush=True)
        print("raw:", json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
