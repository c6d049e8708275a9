"""The built seed site in a real browser: search, links, graph, timeline (Playwright + Chromium).

Runs Debian's Chromium (``/usr/bin/chromium``) headless against the site served on 127.0.0.1.
Every test also checks that the page logged no console error and sent no request elsewhere.
In CI (env ``CI`` set) a missing browser or Playwright is a failure; locally the tests skip.
Set ``SITEGEN_SCREENSHOTS=DIR`` to save screenshots of the home, a person, graph and timeline.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.helpers import REPO

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTICLE = "articles/000-d42f63b547b7a051/"


def _sync_playwright() -> Any:
    """Playwright's entry point; skips when it or the browser is missing, unless in CI."""
    missing = "" if CHROMIUM.exists() else f"{CHROMIUM} is missing (apt-get install chromium)"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = "playwright is not installed (pip install -e '.[test]')"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run in CI: {missing}")
        pytest.skip(missing)
    return sync_playwright


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No access log on stderr."""


@contextmanager
def _served(folder: Path) -> Iterator[str]:
    """``folder`` served on a free port of 127.0.0.1; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def server(built_site: Path) -> Iterator[str]:  # noqa: F811
    """The built site served on a free port of 127.0.0.1; yields its base URL."""
    with _served(built_site / "site") as url:
        yield url


@pytest.fixture(scope="module")
def parted_server(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site indexed in parts of 8 pages (as a site of more than
    ``PAGES_PER_INDEX`` pages is), served; yields its base URL."""
    from sitegen.search import index_site

    site = tmp_path_factory.mktemp("parted") / "site"
    shutil.copytree(built_site / "site", site)
    index_site(site, pages_per_index=8)
    with _served(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_playwright = _sync_playwright()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A fresh page; afterwards, asserts no console errors and no request off 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    outside: list[str] = []
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))

    def guard(route: Any) -> None:
        url = route.request.url
        if urlsplit(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    tab.route("**/*", guard)
    yield tab
    context.close()
    assert not errors, f"console errors: {errors}"
    assert not outside, f"requests left 127.0.0.1: {outside}"


def _screenshot(tab: Any, name: str) -> None:
    folder = os.environ.get("SITEGEN_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def _search(tab: Any, server: str, query: str) -> list[str]:
    """Type ``query`` into Material's search box; the result pages' URLs, best first."""
    tab.goto(server)
    _screenshot(tab, "home")
    tab.locator("input.md-search__input").click(force=True)
    tab.keyboard.type(query)
    results = tab.locator(".md-search-result__item > a.md-search-result__link")
    results.first.wait_for()
    return _settled(results)


def _settled(results: Any, seconds: float = 30.0) -> list[str]:
    """The result URLs once they stop changing: results come as the reader types, those of the
    whole query last."""
    seen: list[list[str]] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        seen.append(results.evaluate_all("(links) => links.map(a => a.href)"))
        if len(seen) >= 6 and all(urls == seen[-1] for urls in seen[-6:]):
            break
        time.sleep(0.1)
    return [str(href) for href in seen[-1]]


def test_search_waits_for_a_second_letter(page: Any, server: str) -> None:
    """One letter matches the start of most words: nothing is searched until the second."""
    page.goto(server)
    page.locator("input.md-search__input").click(force=True)
    page.keyboard.type("K")
    time.sleep(1.5)
    results = page.locator(".md-search-result__item > a.md-search-result__link")
    assert results.count() == 0
    page.keyboard.type("ovrig")
    results.first.wait_for()
    assert _settled(results)[0].startswith(server + "people/michael-kovrig/")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Kovrig", "people/michael-kovrig/"),
        ("Mr. Kovrig", "people/michael-kovrig/"),
        ("Carney", "people/mark-carney/"),
        ("Prime Minister Carney", "people/mark-carney/"),
        ("The Times", "organizations/new-york-times/"),
        ("countertariffs", "topics/tariffs/"),
    ],
)
def test_search_puts_the_right_page_first(
    page: Any, server: str, query: str, expected: str
) -> None:
    urls = _search(page, server, query)
    assert urls[0].startswith(server + expected), f"{query!r} -> {urls[:5]}"


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Kovrig", "people/michael-kovrig/"), ("countertariffs", "topics/tariffs/")],
)
def test_an_index_in_parts_is_searched_as_one(
    page: Any, parted_server: str, query: str, expected: str
) -> None:
    """A large site's index comes in parts: the worker merges them, fetching from each, and
    the right page still comes first (it is in one part, most results in the others)."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    urls = _search(page, parted_server, query)
    assert urls[0].startswith(parted_server + expected), f"{query!r} -> {urls[:5]}"
    asked = [url.split("/pagefind-parts/")[1] for url in fetched if "/pagefind-parts/" in url]
    parts = {url.split("/")[0] for url in asked}
    assert len(parts) >= 5, sorted(parts)  # every part's index was asked
    assert len(urls) > 1


def test_typing_a_surname_reaches_the_persons_page(page: Any, server: str) -> None:
    _search(page, server, "Kovrig")
    page.locator(".md-search-result__item > a.md-search-result__link").first.click()
    page.wait_for_url(server + "people/michael-kovrig/**")
    assert page.locator("article h1").inner_text().startswith("Michael Kovrig")


def test_article_links_to_entity_page_and_back_to_the_paragraph(page: Any, server: str) -> None:
    page.goto(server + ARTICLE)
    page.locator("article p a", has_text="Michael Kovrig").first.click()
    page.wait_for_url(server + "people/michael-kovrig/")
    _screenshot(page, "person")
    section = page.locator("h2#mentioned-in ~ ul").first
    section.locator("a", has_text="¶26").click()
    page.wait_for_url(server + ARTICLE + "#p26")
    assert "Kovrig" in page.locator("#p26").inner_text()
    assert page.locator("#p26").is_visible()


def test_related_sentences_open_on_demand(page: Any, server: str) -> None:
    page.goto(server + "people/michael-kovrig/")
    details = page.locator("details.note").first
    sentence = details.locator("li").first
    assert not sentence.is_visible()
    details.locator("summary").click(position={"x": 5, "y": 5})
    assert sentence.is_visible() and "China" in sentence.inner_text()


def test_clicking_a_graph_node_opens_its_page(page: Any, server: str) -> None:
    page.goto(server + "graph/")
    _screenshot(page, "graph")
    nodes = page.locator("svg a.sg-node")
    assert nodes.count() >= 10
    # the whole graph first; the people's view below names him again
    page.locator("svg a.sg-node", has_text="Mark Carney").first.click()
    page.wait_for_url(server + "people/mark-carney/")
    assert page.locator("article h1").inner_text().startswith("Mark Carney")
    page.locator("svg a.sg-node", has_text="Xi Jinping").click()
    page.wait_for_url(server + "people/xi-jinping/")


def test_timeline_shows_its_events_in_order(page: Any, server: str) -> None:
    page.goto(server + "timeline/")
    _screenshot(page, "timeline")
    markers = page.locator("svg.sg-timeline").first.locator("a.sg-event")
    xs = markers.evaluate_all(
        "(ms) => ms.map(m => m.querySelector('circle').getBoundingClientRect().x)"
    )
    assert len(xs) >= 3 and xs == sorted(xs)
    days = page.locator("article li > strong").all_inner_texts()
    counts = markers.evaluate_all("(ms) => ms.map(m => m.dataset.count)")
    assert sum(int(c) for c in counts) == len(days) >= 13  # every listed event is on the axis
    order = ["Tuesday, January 13", "Wednesday, January 14", "Saturday, January 17"]
    positions = [next(i for i, day in enumerate(days) if day.startswith(o)) for o in order]
    assert positions == sorted(positions)
    markers.last.locator("circle").click()
    page.wait_for_url("**/timeline/#m2026-01")
    assert page.locator("#m2026-01").is_visible()


def test_a_name_told_apart_by_its_article_is_not_named_by_that_articles_words(
    browser: Any,
) -> None:
    """Two people of one name are told apart by an article's title in parentheses; the search
    worker matches a query against the name, not against that title (the worker's own code,
    run in Chromium)."""
    worker = (REPO / "sitegen" / "theme" / "assets" / "sitegen" / "search-worker.js").read_text()
    tab = browser.new_page()
    try:
        found = tab.evaluate(
            "([code, pages]) => { const run = new Function('self', 'addEventListener',"
            " 'postMessage', code + '; return [namedMatch, words];');"
            " const [namedMatch, words] = run({location: {href: 'http://x/'}}, () => {},"
            " () => {});"
            " return pages.map(([title, query]) => namedMatch("
            "   {meta: {named: '3', title, names: title}}, words(query))); }",
            [
                worker,
                [
                    ["Kurd (Oil prices reach all-time high; pass US$91.00 per…)", "oil prices"],
                    ["Kurd (Oil prices reach all-time high; pass US$91.00 per…)", "kurd"],
                    ["George W. Bush", "bush"],
                ],
            ],
        )
    finally:
        tab.close()
    assert found == [False, True, True]
