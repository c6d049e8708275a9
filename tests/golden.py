"""Regenerate the golden Markdown: ``make golden`` (review the diff!).

Two sites are golden-tested (``tests/test_golden.py``): the seed article, and a small corpus of
several articles (the four of ``tests/fixtures/corpus/`` and a few records of the archive
sample) whose people, places and organizations are merged across articles.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from sitegen.build import generate
from sitegen.write import MANIFEST_NAME

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden"
CORPUS_ARTICLES = REPO / "tests" / "fixtures" / "corpus"
ARCHIVE_SAMPLE = REPO / "tests" / "fixtures" / "archive" / "wikinews-sample.jsonl"
ARCHIVE_RECORDS = ("wn-20957", "wn-47896", "wn-51996", "wn-80044", "wn-83360")
"""Records of the archive sample that share people, places and organizations with each other
and with the corpus articles (two nominations by President Bush, two soldiers killed in
Afghanistan, North Korea's nuclear test beside the corpus's Korea article; the UK)."""


def generate_seed(into: Path) -> dict[str, str]:
    """Generate the seed's pages into ``into`` and return them by relative path."""
    generate([REPO / "seeds"], into)
    return _pages(into)


def generate_corpus(into: Path) -> dict[str, str]:
    """Generate the multi-article corpus's pages into ``into``, by relative path."""
    with tempfile.TemporaryDirectory() as folder:
        generate(corpus_inputs(Path(folder)), into)
    return _pages(into)


def corpus_inputs(folder: Path) -> list[Path]:
    """The corpus articles and the chosen archive records, copied into ``folder``."""
    articles = folder / "articles"
    articles.mkdir()
    for article in sorted(CORPUS_ARTICLES.glob("*.md")):
        if article.name != "README.md":
            shutil.copy(article, articles / article.name)
    lines = ARCHIVE_SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    chosen = [line for line in lines if json.loads(line)["id"] in ARCHIVE_RECORDS]
    assert len(chosen) == len(ARCHIVE_RECORDS), "a chosen record is missing from the sample"
    archive = folder / ARCHIVE_SAMPLE.name
    archive.write_text("".join(chosen), encoding="utf-8")
    return [articles, archive]


GOLDEN_SITES: dict[str, Callable[[Path], dict[str, str]]] = {
    "seed": generate_seed,
    "corpus": generate_corpus,
}
"""Each golden site's folder under ``tests/golden/`` and the function generating it."""


def golden_pages(name: str) -> dict[str, str]:
    """The reviewed pages of golden site ``name``, by relative path."""
    return _pages(GOLDEN / name)


def _pages(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*.md"))
        if path.name != MANIFEST_NAME
    }


def main() -> None:
    for name, generate_site in GOLDEN_SITES.items():
        target = GOLDEN / name
        if target.exists():
            shutil.rmtree(target)
        pages = generate_site(target)
        (target / MANIFEST_NAME).unlink()
        print(f"wrote {len(pages)} golden pages to {target.relative_to(REPO)}")


if __name__ == "__main__":
    main()
