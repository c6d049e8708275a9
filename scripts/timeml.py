"""Reading TimeML documents (TempEval-3 ``.tml`` files): the text, the creation date and the
TIMEX3 expressions with character offsets into the text, for ``eval_times.py``."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path

_TOKEN = re.compile(r"<[^>]*>|&#?\w+;|[^<&]+|[<&]")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    published: dt.date | None
    timexes: tuple[Timex, ...]


def strip_tags(marked: str) -> tuple[str, list[Timex]]:
    """The plain text of TimeML-marked ``marked`` and its TIMEX3s (offsets into that text).

    Other tags (EVENT, SIGNAL, ...) are dropped; entities are unescaped."""
    text: list[str] = []
    length = 0
    timexes: list[Timex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    for token in _TOKEN.findall(marked):
        if token.startswith("<") and len(token) > 1:
            name = token[1:].split()[0].strip("/>") if token[1:].split() else ""
            if name == "TIMEX3" and not token.startswith("</"):
                open_timex = (length, dict(_ATTRIBUTE.findall(token)))
                if token.endswith("/>"):  # an empty TIMEX3 (not in the text)
                    open_timex = None
            elif token.startswith("</TIMEX3") and open_timex is not None:
                start, attributes = open_timex
                piece = "".join(text)[start:length]
                kind, value = attributes.get("type", ""), attributes.get("value", "")
                timexes.append(Timex(start, length, piece, kind, value))
                open_timex = None
            continue
        piece = html.unescape(token) if token.startswith("&") else token
        text.append(piece)
        length += len(piece)
    return "".join(text), timexes


def read_timeml(path: Path) -> Document:
    """One ``.tml`` file: the TEXT element's content, the DCT's value, the TIMEX3s in TEXT."""
    raw = path.read_text(encoding="utf-8")
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if body is None:
        raise ValueError(f"{path}: no <TEXT> element")
    text, timexes = strip_tags(body.group(1))
    published = None
    if dct := re.search(r"<DCT>(.*?)</DCT>", raw, re.S):
        value = dict(_ATTRIBUTE.findall(dct.group(1))).get("value", "")
        if re.match(r"\d{4}-\d{2}-\d{2}", value):
            published = dt.date.fromisoformat(value[:10])
    return Document(path.stem, text, published, tuple(timexes))


def read_timeml_dir(directory: Path) -> list[Document]:
    """Every ``*.tml`` file under ``directory`` (recursively), in name order."""
    return [read_timeml(path) for path in sorted(directory.rglob("*.tml"))]
