"""Read the development corpus and map gold offsets into article-file offsets.

The gold ``text`` of each article is its annotated window (MEANTIME: headline, dateline and
first sentences; GUM: the whole text) and gold offsets index that window. sitegen reports
offsets into the whole decoded ``.md`` file, front matter included. This module finds the window
in the file text and maps gold spans into it, tolerating small differences between the two
texts (for instance "#" in the gold headline where the file has "£").
"""

from __future__ import annotations

import bisect
import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Same rule as sitegen's reader: YAML front matter between "---" lines at the top of the file.
FRONT_MATTER = re.compile(
    r"\A---[ \t]*\r?\n(?P<yaml>.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*$\r?\n?", re.S | re.M
)
NEAR = 60  # how far (in characters) to look for a mention's text around its mapped position


def default_corpus_dir() -> Path:
    """``../shared/corpus`` relative to the repository root."""
    return Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def read_text(path: Path) -> str:
    """Decode a file as sitegen does: UTF-8, a BOM dropped, newlines kept as they are."""
    return path.read_bytes().decode("utf-8-sig")


def body_start(text: str) -> int:
    """Offset where the body starts (after YAML front matter, if any)."""
    match = FRONT_MATTER.match(text)
    return match.end() if match else 0


def corpus_of(article_id: str) -> str:
    """``meantime`` or ``gum`` from a corpus article id."""
    return article_id.split("_", 1)[0].lower()


@dataclass(frozen=True)
class CorpusArticle:
    """One corpus article: its file text and its gold annotation."""

    id: str
    path: Path
    text: str
    gold: dict[str, Any]

    @property
    def corpus(self) -> str:
        return corpus_of(self.id)


def load_corpus(
    corpus_dir: Path, corpus: str | None = None, limit: int | None = None
) -> list[CorpusArticle]:
    """Articles that have both a ``.md`` file and a gold file, sorted by id."""
    articles: list[CorpusArticle] = []
    for gold_path in sorted((corpus_dir / "gold").glob("*.json")):
        article_id = gold_path.stem
        if corpus and corpus_of(article_id) != corpus:
            continue
        md_path = corpus_dir / "articles" / f"{article_id}.md"
        if not md_path.is_file():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        articles.append(CorpusArticle(article_id, md_path, read_text(md_path), gold))
        if limit is not None and len(articles) >= limit:
            break
    return articles


@dataclass(frozen=True)
class Alignment:
    """A map from offsets in the gold window to offsets in the file text."""

    gold_text: str
    file_text: str
    gold_starts: tuple[int, ...]  # starts of matching blocks in the gold text
    file_starts: tuple[int, ...]  # the corresponding starts in the file text
    window_start: int
    window_end: int

    def offset(self, position: int) -> int:
        """The file offset of gold offset ``position`` (interpolated inside changed stretches)."""
        index = max(bisect.bisect_right(self.gold_starts, position) - 1, 0)
        mapped = self.file_starts[index] + position - self.gold_starts[index]
        if index + 1 < len(self.file_starts):
            mapped = min(mapped, self.file_starts[index + 1])
        return max(mapped, 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """File span of the gold span ``[start, end)``, snapped onto the mention's own text."""
        mapped_start, mapped_end = self.offset(start), max(self.offset(end), self.offset(start))
        wanted = self.gold_text[start:end]
        if not wanted or self.file_text[mapped_start:mapped_end] == wanted:
            return mapped_start, mapped_end
        found = nearest(self.file_text, wanted, mapped_start)
        if found is not None:
            return found, found + len(wanted)
        return mapped_start, mapped_end


def nearest(text: str, wanted: str, around: int, reach: int = NEAR) -> int | None:
    """The occurrence of ``wanted`` in ``text`` closest to ``around`` within ``reach``."""
    low = max(around - reach, 0)
    high = min(around + reach + len(wanted), len(text))
    hits = [m.start() for m in re.finditer(re.escape(wanted), text[low:high])]
    if not hits:
        return None
    return low + min(hits, key=lambda hit: abs(low + hit - around))


def align(gold_text: str, file_text: str, start: int = 0) -> Alignment:
    """Align the gold window with ``file_text[start:]``: exactly if it occurs, else by diff."""
    exact = file_text.find(gold_text, start) if gold_text else -1
    if exact >= 0:
        return Alignment(gold_text, file_text, (0,), (exact,), exact, exact + len(gold_text))
    region_end = min(len(file_text), start + 2 * len(gold_text) + 1000)
    region = file_text[start:region_end]
    matcher = difflib.SequenceMatcher(None, gold_text, region, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return Alignment(gold_text, file_text, (0,), (start,), start, start + len(gold_text))
    gold_starts, file_starts = _anchors(blocks, start)
    last = blocks[-1]
    window_start = start + blocks[0].b - blocks[0].a
    window_end = start + last.b + last.size + (len(gold_text) - last.a - last.size)
    return Alignment(
        gold_text,
        file_text,
        tuple(gold_starts),
        tuple(file_starts),
        max(window_start, start),
        min(window_end, len(file_text)),
    )


def _anchors(blocks: list[difflib.Match], start: int) -> tuple[list[int], list[int]]:
    """Anchor points: each matching block, and each gap right after one."""
    gold_starts: list[int] = []
    file_starts: list[int] = []
    for block in blocks:
        gold_starts.append(block.a)
        file_starts.append(start + block.b)
        gold_starts.append(block.a + block.size)
        file_starts.append(start + block.b + block.size)
    return gold_starts, file_starts


def align_article(article: CorpusArticle) -> Alignment:
    """The alignment of an article's gold window with its file body."""
    return align(article.gold["text"], article.text, body_start(article.text))
