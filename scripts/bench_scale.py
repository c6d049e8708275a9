"""Reader scale: what a reader and an editor get at N = 1,000 and 10,000 real articles.

Part of ``make bench`` (see docs/scale.md). For each N it composes N articles from the
Wikinews archive (``../shared/archive/wikinews.jsonl``; beyond its 5,741 articles, the archive
again with distinct ids), then measures in one run:

- the stages after spaCy (resolve's steps, render, export), CPU seconds, at every N given, and
  how each grows (the exponent k of N^k between consecutive sizes);
- ``mkdocs build --strict`` with the sitegen plugin (pages from the warm cache, MkDocs, Pagefind):
  seconds, HTML pages, ms per page, peak memory, search index size, pages kept by the budget;
- Markdown conversion of sampled pages with Python-Markdown's own link scan and with
  ``ForwardLinks`` (CPU seconds, ratio, the same HTML);
- search in Chromium served from 127.0.0.1: ms from the first key to the first result (results
  as you type count) and to the whole query's results, bytes downloaded for the query (and at
  page load), the top result, for a few names;
- ``sitegen serve``: seconds from saving an edited article to the edited page being served,
  and how many rebuilds the edit caused; then the same kind of edit in this process: the
  stages' seconds, the pages rendered again and kept, and whether they equal a full render.

A repeated article ends with a line of its own (``COPY_LINE``): sitegen reads an article of the
same text as a copy and keeps one. Give a warm cache with ``--cache`` (copied, never written
into); a cold one runs spaCy on every article first.
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
ARCHIVE = REPO.parent / "shared" / "archive" / "wikinews.jsonl"
QUERIES = ("annan", "Kofi Annan", "Bush", "Prime Minister Blair", "oil prices")
COPY_LINE = "This report was filed again as copy {copy}."
"""The paragraph a repeated article ends with: the same text would be one article (sitegen
drops copies of an article it has read), so each repeat differs from its original by it."""


def compose(archive: Path, size: int, target: Path) -> int:
    """``size`` records of the archive into ``target`` (the archive again past its end, ids
    suffixed -rK, each text ending with ``COPY_LINE``); returns how many are repeats."""
    lines = [line for line in archive.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = lines[:size]
    for k in range(size - len(out)):
        record = json.loads(lines[k % len(lines)])
        copy = k // len(lines) + 1
        record["id"] = f"{record['id']}-r{copy}"
        record["text"] = f"{record['text'].rstrip()}\n\n{COPY_LINE.format(copy=copy)}\n"
        out.append(json.dumps(record, ensure_ascii=False))
    target.write_text("\n".join(out) + "\n", encoding="utf-8")
    return max(0, size - len(lines))


SUMMARY_CHARS = 160
"""Characters of an article's first paragraph in the small Material index."""


def small_material_index(kb: Any) -> list[dict[str, Any]]:
    """The other candidate: Material's own search over titles, aliases and summaries only
    (entity and topic pages: name, aliases as tags, kind and counts; articles: title and the
    first words of the text), in the documents format of its ``search_index.json``."""
    docs = []
    for article in kb.articles:
        first = next((b for b in article.blocks if b.kind == "paragraph"), None)
        text = article.block_text(first)[:SUMMARY_CHARS] if first else ""
        docs.append({"location": f"articles/{article.id}/", "title": article.title,
                     "text": text})
    for entity in kb.entities:
        if entity.page:
            articles = len({m.article for m in entity.mentions})
            docs.append({
                "location": entity.page.removesuffix(".md") + "/", "title": entity.name,
                "text": f"{entity.kind}, {len(entity.mentions)} mentions in {articles} articles; "
                + "; ".join(entity.roles[:2]),
                "tags": list(entity.aliases), "boost": 3,
            })
    for topic in kb.topics:
        docs.append({"location": topic.page.removesuffix(".md") + "/", "title": topic.name,
                     "text": f"topic, {len(topic.passages)} sentences",
                     "tags": list(topic.aliases), "boost": 2})
    return docs


def stages(
    source: Path, cache: Path, small_index: Path | None = None, export: bool = True
) -> dict[str, Any]:
    """CPU seconds of each stage after spaCy for the articles of ``source`` (cache warm); with
    ``small_index``, also write the small Material index of the site there."""
    from sitegen.build import BuildStats, Options, build_knowledge, fewer_collections, render_pages
    from sitegen.export import export_knowledge

    stats = BuildStats()
    kb = build_knowledge([source], Options(cache_dir=cache, n_process=1), stats=stats)
    with stats.stage("render"), fewer_collections():
        pages = render_pages(kb)
    if export:
        with stats.stage("export"):
            export_knowledge(kb)
    if small_index is not None:
        small_index.write_text(json.dumps(small_material_index(kb)), encoding="utf-8")
    kept = sum(1 for entity in kb.entities if entity.page)
    return {
        "articles": len(kb.articles),
        "analyzed": stats.analyzed,
        "entities": len(kb.entities),
        "entity_pages": kept,
        "topics": len(kb.topics),
        "pages": len(pages),
        "cpu_s": {name: round(value, 2) for name, value in stats.cpu_seconds.items()},
    }


def mkdocs_yml(project: Path, source: Path, search: str = "pagefind") -> None:
    """The repository's mkdocs.yml, its plugin reading ``source`` with the given search."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("      seeds: seeds\n", f"      seeds: {source}\n      search: {search}\n")
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")


def run_measured(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, str]:
    """Run ``command``; (seconds, peak memory of the process in MB, its output)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=output)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{text[-3000:]}")
    return seconds, usage.ru_maxrss / 1024, text


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def build(project: Path, cache: Path, env: dict[str, str]) -> dict[str, Any]:
    """``mkdocs build --strict`` with the plugin (generation from the warm cache included)."""
    shutil.rmtree(project / "site", ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    seconds, peak_mb, output = run_measured(command, project, env)
    site = project / "site"
    html = [p for p in site.rglob("*.html") if p.name != "404.html"]
    pagefind = re.search(r"search index by Pagefind in ([\d.]+) s", output)
    index = site / "pagefind"
    parts = site / "pagefind-parts"
    return {
        "build_s": round(seconds, 1),
        "html_pages": len(html),
        "ms_per_page": round(1000 * seconds / len(html), 2),
        "peak_mb": round(peak_mb),
        "pagefind_s": float(pagefind.group(1)) if pagefind else None,
        "index_mb": (
            round((folder_bytes(index) + folder_bytes(parts)) / 2**20, 2)
            if index.is_dir()
            else None
        ),
        "index_parts": 1 + sum(1 for _ in parts.glob("*")) if index.is_dir() else None,
        "material_index_mb": round(
            (site / "search" / "search_index.json").stat().st_size / 2**20, 3
        ),
        "html_mb": round(sum(p.stat().st_size for p in html) / 2**20),
    }


def link_scan(project: Path, pages: int = 1500) -> dict[str, Any]:
    """CPU seconds to convert the site's generated pages (up to ``pages``, every kind) with
    MkDocs' Markdown extensions of the site, with Python-Markdown's own link scan and with
    sitegen's ``ForwardLinks``; the same HTML both ways."""
    import markdown
    from mkdocs.config import load_config

    from sitegen.fastlinks import ForwardLinks

    config = load_config(str(project / "mkdocs.yml"))
    docs = Path(config.docs_dir)
    manifest = json.loads((docs / ".sitegen-manifest.json").read_text(encoding="utf-8"))
    paths = sorted(manifest["files"])
    step = max(1, len(paths) // pages)
    texts = [(docs / path).read_text(encoding="utf-8") for path in paths[::step][:pages]]
    own = [ext for ext in config.markdown_extensions if not isinstance(ext, ForwardLinks)]
    timed: dict[str, float] = {}
    html: dict[str, list[str]] = {}
    for name, extensions in (("markdown_s", own), ("forward_s", [*own, ForwardLinks()])):
        started = time.process_time()
        html[name] = [
            markdown.Markdown(extensions=extensions, extension_configs=config.mdx_configs)
            .convert(text)
            for text in texts
        ]
        timed[name] = round(time.process_time() - started, 2)
    return {
        "pages": len(texts), **timed,
        "ratio": round(timed["markdown_s"] / max(timed["forward_s"], 1e-9), 2),
        "same_html": html["markdown_s"] == html["forward_s"],
    }


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No access log."""


def serve_folder(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = functools.partial(QuietHandler, directory=str(folder))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def search_in_chromium(site: Path, queries: tuple[str, ...]) -> list[dict[str, Any]]:
    """For each query, in a fresh browser context: ms from the first key press to the first
    result shown, bytes fetched from then on, bytes fetched while the page loaded."""
    from playwright.sync_api import sync_playwright

    httpd, base = serve_folder(site)
    results = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
            )
            for query in queries:
                results.append(_one_search(browser, base, query))
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    return results


WATCH = """
(() => {
  const marks = { keys: [], results: [] };
  window.__searchMarks = marks;
  addEventListener("keydown", () => marks.keys.push(performance.now()), true);
  new MutationObserver(() => {
    const first = document.querySelector(".md-search-result__item > a.md-search-result__link");
    if (first) marks.results.push([performance.now(), first.getAttribute("href")]);
  }).observe(document, { childList: true, subtree: true });
})();
"""
"""Timestamps in the page itself: every key press, and every change of the result list while
it shows a result (the first result and the last change after the last key)."""


def _one_search(browser: Any, base: str, query: str) -> dict[str, Any]:
    """One query typed at 40 ms a key in a fresh context: ms from the first key press to the
    first result shown (results as you type count, as in Material's own search) and to the
    whole query's results (the last change of the list), ms from the last key press to them,
    bytes fetched for the query and at load, the top result of the whole query."""
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    fetched: list[tuple[float, int, str]] = []
    outside: list[str] = []

    def on_response(response: Any) -> None:
        try:
            size = len(response.body())
        except Exception:  # noqa: BLE001 - a redirect or aborted request has no body
            size = 0
        fetched.append((time.perf_counter(), size, response.url))

    def guard(route: Any) -> None:
        if route.request.url.startswith(base):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    context.on("response", on_response)
    page.goto(base, wait_until="networkidle")
    page.locator("input.md-search__input").click(force=True)
    time.sleep(0.3)
    typed = time.perf_counter()
    page.keyboard.type(query, delay=40)
    first = page.locator(".md-search-result__item > a.md-search-result__link").first
    try:
        first.wait_for(timeout=60_000)
    except Exception:  # noqa: BLE001 - playwright's TimeoutError: no page matches the query
        context.close()
        return {"query": query, "first_result_ms": None, "top": None, "outside": outside}
    page.wait_for_load_state("networkidle")
    marks = page.evaluate("window.__searchMarks")
    settled = time.perf_counter()
    while time.perf_counter() - settled < 2.0:  # the results of the whole query: no change for 2 s
        time.sleep(0.25)
        now = page.evaluate("window.__searchMarks")
        if len(now["results"]) != len(marks["results"]):
            marks, settled = now, time.perf_counter()
    top = first.get_attribute("href") or ""
    context.close()
    keys, shown = marks["keys"], marks["results"]
    return {
        "query": query,
        "first_result_ms": round(shown[0][0] - keys[0]),
        "whole_query_ms": round(shown[-1][0] - keys[0]),
        "after_last_key_ms": round(max(0.0, shown[-1][0] - keys[-1])),
        "query_kb": round(sum(size for at, size, _ in fetched if at >= typed) / 1024, 1),
        "load_kb": round(sum(size for at, size, _ in fetched if at < typed) / 1024, 1),
        "top": top.split("?")[0],
        "outside": outside,
    }


def material_candidates(
    work: Path, sources: dict[int, Path], size: int, env: dict[str, str]
) -> None:
    """Material's own search: today's full index on a site of ``size`` articles, then the
    small index (titles, aliases, summaries) of every size measured, in that site's pages
    (Material's worker reads whatever index the site has; its locations need not exist for
    the first result to show)."""
    project = work / f"material-{size}"
    project.mkdir(exist_ok=True)
    shutil.copytree(REPO / "site_src" / "assets", project / "site_src" / "assets",
                    dirs_exist_ok=True)
    mkdocs_yml(project, sources[size], search="material")
    (project / ".sitegen-cache").unlink(missing_ok=True)
    (project / ".sitegen-cache").symlink_to(size_cache(work / "cache", size))
    figures = build(project, work / "cache", env)
    print(f"material full index N = {size}:", json.dumps(figures), flush=True)
    index_path = project / "site" / "search" / "search_index.json"
    full = json.loads(index_path.read_text(encoding="utf-8"))
    for found in search_in_chromium(project / "site", QUERIES[:2]):
        print(f"material full search N = {size}:", json.dumps(found), flush=True)
    for other in sorted(sources):
        small = work / f"small-index-{other}.json"
        if not small.is_file():
            continue
        docs = json.loads(small.read_text(encoding="utf-8"))
        index_path.write_text(json.dumps({"config": full["config"], "docs": docs}), "utf-8")
        mb = round(index_path.stat().st_size / 2**20, 2)
        for found in search_in_chromium(project / "site", QUERIES[:2]):
            found["index_mb"] = mb
            print(f"material small search N = {other}:", json.dumps(found), flush=True)
    index_path.write_text(json.dumps(full), encoding="utf-8")


def serve_edit(project: Path, source: Path, env: dict[str, str]) -> dict[str, Any]:
    """Seconds from saving an edit of one article to its page served with the edit, under
    ``sitegen serve``; how many builds ran for the edit."""
    import socket
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    first = json.loads(source.read_text(encoding="utf-8").splitlines()[0])  # the edited one
    log_path = project / "serve.log"
    log = log_path.open("w")
    slug = re.sub(r"[^a-z0-9]+", "-", str(first["id"]).lower()).strip("-")
    url = f"http://127.0.0.1:{port}/articles/{slug}/"
    server = subprocess.Popen(  # ended in the ``finally`` below, whatever happens after this
        [sys.executable, "-m", "sitegen.cli", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT,
    )

    def served(text: str, seconds: float) -> float | None:
        started = time.perf_counter()
        while time.perf_counter() - started < seconds:
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    if text in response.read().decode("utf-8"):
                        return time.perf_counter() - started
            except OSError:
                pass
            time.sleep(0.2)
        return None

    try:
        startup = served("md-content", 3600)
        if startup is None:
            raise SystemExit(f"serve did not start:\n{log_path.read_text()[-3000:]}")
        waited = time.perf_counter()  # until the first build's search index is written
        while "search index by Pagefind" not in log_path.read_text() and (
            time.perf_counter() - waited < 300
        ):
            time.sleep(0.5)
        time.sleep(2)
        builds_before = log_path.read_text().count("Building documentation")
        lines = source.read_text(encoding="utf-8").splitlines()
        record = json.loads(lines[0])
        marker = f"edit number {time.time_ns()}"  # new on every run of the same project
        record["text"] += f" The benchmark edit names Zanzibar Quartermaine in its {marker}."
        lines[0] = json.dumps(record, ensure_ascii=False)
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
        latency = served(marker, 1800)
        time.sleep(10)
        builds = log_path.read_text().count("Building documentation") - builds_before
    finally:
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    return {"startup_s": round(startup, 1),
            "edit_s": round(latency, 1) if latency is not None else None,
            "builds_for_edit": builds}


def edit_stages(project: Path, source: Path) -> dict[str, Any]:
    """One edit as ``sitegen serve`` builds it, in this process: the stages' seconds, how many
    pages were rendered again and how many kept, and whether the pages equal a full render."""
    from dataclasses import replace

    from sitegen.build import BuildStats, build_pages, incremental_renderer, render_pages
    from sitegen.cache import keep_per_article_caches
    from sitegen.config import load_settings
    from sitegen.site import pipeline_options

    here = Path.cwd()
    os.chdir(project)
    original = source.read_text(encoding="utf-8")
    try:
        settings = load_settings({"seeds": [str(source)]}, project, "bench")
        keep_per_article_caches()
        options = replace(pipeline_options(settings), keep_site=False)
        render = incremental_renderer()
        build_pages(settings.seeds, options, None, None, render)
        lines = original.splitlines()
        record = json.loads(lines[1])
        record["text"] += " Minister Zanzibar Quartermaine met officials in Paris on Monday."
        lines[1] = json.dumps(record, ensure_ascii=False)
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
        stats = BuildStats()
        kb, pages = build_pages(settings.seeds, options, None, stats, render)
        full = render_pages(kb)
    finally:
        source.write_text(original, encoding="utf-8")
        os.chdir(here)
    return {
        "seconds": {stage: round(seconds, 2) for stage, seconds in stats.seconds.items()},
        "rendered": render.rendered,
        "kept": render.reused,
        "same_as_full_render": pages == full,
    }


def size_cache(cache: Path, size: int) -> Path:
    """A cache folder of its own for one size, sharing the analyses (linked folders): the
    per-article caches keep only the entries of the last run's articles, so sizes run one
    after another would each find the others' missing."""
    folder = cache.parent / f"cache-n{size}"
    folder.mkdir(exist_ok=True)
    for shard in cache.iterdir():
        if shard.is_dir() and len(shard.name) == 2 and not (folder / shard.name).exists():
            (folder / shard.name).symlink_to(shard.resolve())
    return folder


def exponents(rows: list[dict[str, Any]]) -> dict[str, list[float]]:
    """For each stage, k in t ~ N^k between consecutive sizes."""
    found: dict[str, list[float]] = {}
    for one, two in zip(rows, rows[1:], strict=False):
        ratio = math.log(two["articles"] / one["articles"])
        for stage, seconds in two["cpu_s"].items():
            before = one["cpu_s"].get(stage, 0)
            if before >= 0.05 and seconds >= 0.05:
                found.setdefault(stage, []).append(round(math.log(seconds / before) / ratio, 2))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--stage-sizes", type=int, nargs="*", default=[1000, 2500, 5741, 10000])
    parser.add_argument("--serve-sizes", type=int, nargs="*", default=[2500, 10000])
    parser.add_argument("--archive", type=Path, default=ARCHIVE)
    parser.add_argument("--export-max", type=int, default=2500,
                        help="the export is timed up to this size (its topic scan is quadratic)")
    parser.add_argument("--cache", type=Path, help="a warm cache to copy (not written)")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="sitegen-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    cache = work / "cache"
    if args.cache and not cache.exists():
        shutil.copytree(args.cache, cache)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    print(f"reader-scale benchmark; archive {args.archive}; work folder {work}", flush=True)
    print(f"load average at start: {os.getloadavg()}", flush=True)
    sources = {}
    for size in sorted({*args.sizes, *args.stage_sizes, *args.serve_sizes}):
        sources[size] = work / f"n{size}.jsonl"
        repeats = compose(args.archive, size, sources[size])
        print(f"N = {size}: {repeats} repeated articles", flush=True)
    rows = []
    for size in args.stage_sizes:
        own = size_cache(cache, size)
        stages(sources[size], own, None, export=False)  # fills the per-article caches
        row = stages(sources[size], own, work / f"small-index-{size}.json",
                     export=size <= args.export_max)
        rows.append(row)
        print("stages (warm):", json.dumps(row), flush=True)
    if rows:
        print("growth (k in CPU ~ N^k between consecutive sizes):", json.dumps(exponents(rows)))
    for size in args.sizes:
        project = work / f"site-{size}"
        project.mkdir(exist_ok=True)
        shutil.copytree(REPO / "site_src" / "assets", project / "site_src" / "assets",
                        dirs_exist_ok=True)
        mkdocs_yml(project, sources[size])
        (project / ".sitegen-cache").unlink(missing_ok=True)
        (project / ".sitegen-cache").symlink_to(size_cache(cache, size))
        figures = build(project, cache, env)
        print(f"build N = {size}:", json.dumps(figures), flush=True)
        print(f"markdown N = {size}:", json.dumps(link_scan(project)), flush=True)
        for found in search_in_chromium(project / "site", QUERIES):
            print(f"search N = {size}:", json.dumps(found), flush=True)
    material_candidates(work, sources, min(args.sizes), env)
    for size in args.serve_sizes:
        project = work / f"serve-{size}"
        project.mkdir(exist_ok=True)
        shutil.copytree(REPO / "site_src" / "assets", project / "site_src" / "assets",
                        dirs_exist_ok=True)
        edited = project / "articles.jsonl"
        shutil.copy(sources[size], edited)
        mkdocs_yml(project, edited)
        (project / ".sitegen-cache").unlink(missing_ok=True)
        (project / ".sitegen-cache").symlink_to(size_cache(cache, size))
        print(f"serve N = {size}:", json.dumps(serve_edit(project, edited, env)), flush=True)
        print(f"edit stages N = {size}:", json.dumps(edit_stages(project, edited)), flush=True)
    print(f"load average at end: {os.getloadavg()}", flush=True)


if __name__ == "__main__":
    main()
