"""The extraction cache: each article's ``Analysis`` as JSON, keyed by what produced it.

An entry's key is a SHA-256 of the article (every field but its path), the spaCy pipeline's
id, sitegen's version and a digest of the code that turns Docs into analyses
(``sitegen/nlp/`` and the modules it imports), so a change to any of them misses the cache.
Entries live in ``<folder>/<key[:2]>/<key>.json``, are written atomically, and an unreadable
entry is reported and ignored.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
import os
import pickle
import tempfile
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Generic, TypeVar

from sitegen import __version__, rules
from sitegen.across_builds import ACROSS_BUILDS
from sitegen.forked import beside, worth_forking
from sitegen.model import (
    Analysis,
    Article,
    KnowledgeBase,
    Mention,
    QuoteSpan,
    Reference,
    Sentence,
    TimeExpression,
)
from sitegen.overrides import Overrides
from sitegen.resolve.clusters import Cluster
from sitegen.resolve.entities import article_clusters
from sitegen.resolve.topics import article_phrases
from sitegen.rules import add_counts, counting

log = logging.getLogger(__name__)

DEFAULT_CACHE_DIR = Path(".sitegen-cache")
FORMAT = 2
CODE_ROOT = Path(__file__).resolve().parent


_LOADED: weakref.WeakValueDictionary[str, Analysis] = weakref.WeakValueDictionary()
"""Analyses read or stored in this process, by entry key, while something holds them (a kept
knowledge base, under ``mkdocs serve``): a rebuild reads only the entries it has not seen."""
_STAMPS: dict[str, tuple[int, int]] = {}
"""The (mtime, size) of each remembered analysis's entry file when it was read or written: a
remembered analysis is used only while its file is as it was."""
_KEYS: weakref.WeakKeyDictionary[Article, dict[str, str]] = weakref.WeakKeyDictionary()


def _stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (-1, -1)
    return stat.st_mtime_ns, stat.st_size


def _remember(key: str, path: Path, analysis: Analysis) -> None:
    _LOADED[key] = analysis
    _STAMPS[key] = _stamp(path)
"""Analysis keys of the articles in memory, by pipeline id (an article is frozen, and
``code_version`` is fixed for the process)."""


class AnalysisCache:
    """Analyses under ``folder`` (a local folder, or an fsspec URL such as ``s3://bucket/cache``
    that the workers of a cluster share), for one pipeline id."""

    def __init__(self, folder: Path | str, pipeline: str) -> None:
        self.folder = folder
        self.store = entry_store(folder)
        self.pipeline = pipeline

    def key(self, article: Article) -> str:
        """The entry key of ``article``'s analysis with this pipeline, this sitegen and the
        active run's disabled rules (remembered while the article lives: a build asks for it
        several times). A run with no rule switched off has the same keys as before rules
        could be switched."""
        run = rules.active()
        disabled = sorted(run.disabled) if run is not None else []
        memo = self.pipeline + "\0" + ",".join(disabled)
        known = _KEYS.setdefault(article, {})
        if memo not in known:
            fields = {k: v for k, v in dataclasses.asdict(article).items() if k != "path"}
            stamp = {"sitegen": code_version(), "pipeline": self.pipeline, "article": fields}
            if disabled:
                stamp["disabled_rules"] = disabled
            encoded = json.dumps(stamp, sort_keys=True, default=str, ensure_ascii=False)
            known[memo] = hashlib.sha256(encoded.encode("utf-8")).hexdigest()
        return known[memo]

    def name(self, article: Article) -> str:
        """The entry's name under the folder: ``<key[:2]>/<key>.json``."""
        key = self.key(article)
        return f"{key[:2]}/{key}.json"

    def path(self, article: Article) -> Path:
        """The entry's path, for a local folder."""
        return Path(self.folder) / self.name(article)

    def get(self, article: Article) -> Analysis | None:
        """The cached analysis of ``article``, or None (missing, or unreadable: warned)."""
        key, name = self.key(article), self.name(article)
        path = self._local(name)
        loaded = _LOADED.get(key)
        if path is not None and loaded is not None and loaded.article == article.id:
            if _STAMPS.get(key) == _stamp(path):  # still the file it was read from
                return loaded
        try:
            analysis = decode_entry(self.store.read(name))
            if analysis.article != article.id:
                raise ValueError(f"entry is for article {analysis.article!r}")
        except FileNotFoundError:
            return None
        except (OSError, AttributeError, KeyError, TypeError, ValueError) as exc:
            log.warning(
                "%s: unreadable cache entry (%s); analyzing it again", self.store.where(name), exc
            )
            return None
        if path is not None:
            _remember(key, path, analysis)
        return analysis

    def _local(self, name: str) -> Path | None:
        """The entry's file in a local folder (None for a shared store: no memo of reads)."""
        return self.store.folder / name if isinstance(self.store, FolderStore) else None

    def put(self, article: Article, analysis: Analysis) -> None:
        """Store ``analysis`` for ``article`` (atomically; a failure is only a warning)."""
        name = self.name(article)
        try:
            self.store.write(name, analysis_entry(analysis).encode("utf-8"))
            path = self._local(name)
            if path is not None:
                _remember(self.key(article), path, analysis)
        except OSError as exc:
            log.warning("%s: cannot write the cache entry (%s)", self.store.where(name), exc)


class FolderStore:
    """Cache entries as files under a local folder, each written atomically."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def where(self, name: str) -> str:
        return str(self.folder / name)

    def read(self, name: str) -> bytes:
        return (self.folder / name).read_bytes()

    def write(self, name: str, data: bytes) -> None:
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)


class FsspecStore:
    """Cache entries under an fsspec URL (``s3://``, ``gs://``, ``memory://``, ...): each entry
    is written whole, in one put (atomic on object stores)."""

    def __init__(self, url: str) -> None:
        import fsspec  # only for a URL

        self.url = url.rstrip("/")
        self.fs, self.root = fsspec.core.url_to_fs(url)

    def where(self, name: str) -> str:
        return f"{self.url}/{name}"

    def read(self, name: str) -> bytes:
        data = self.fs.cat_file(f"{self.root}/{name}")
        return data if isinstance(data, bytes) else bytes(data)

    def write(self, name: str, data: bytes) -> None:
        self.fs.pipe_file(f"{self.root}/{name}", data)


def entry_store(location: Path | str) -> FolderStore | FsspecStore:
    """The store of a cache folder or URL; ``file://`` URLs are folders."""
    text = str(location)
    if "://" not in text:
        return FolderStore(Path(location))
    if text.startswith("file://"):
        return FolderStore(Path(text.removeprefix("file://")))
    return FsspecStore(text)


def analysis_entry(analysis: Analysis) -> str:
    """The text of ``analysis``'s cache entry: what the cache stores and a cluster's workers
    send back."""
    return encode_entry({"format": FORMAT, "analysis": analysis_to_json(analysis)})


def decode_entry(data: bytes | str) -> Analysis:
    """The analysis of a cache entry's text; raises ValueError (and KeyError, TypeError) on an
    entry of another format or shape."""
    entry = json.loads(data)
    if entry.get("format") != FORMAT:
        raise ValueError(f"format {entry.get('format')!r}, expected {FORMAT}")
    return analysis_from_json(entry["analysis"])


def encode_entry(data: dict[str, Any]) -> str:
    """An entry's JSON text, as ``json.dump`` would write it. ``json.dumps`` runs the C
    encoder; ``json.dump`` streams through the pure-Python one (about five times slower:
    1% of extraction at N = 1,000)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def analysis_to_json(analysis: Analysis) -> dict[str, Any]:
    """What ``dataclasses.asdict`` gives for an ``Analysis``, about ten times faster: its
    fields are tuples of flat dataclasses (or of plain tuples), so each item's ``vars`` is
    enough, with no deep copy."""
    return {
        field.name: _plain(getattr(analysis, field.name)) for field in dataclasses.fields(analysis)
    }


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [vars(item) if dataclasses.is_dataclass(item) else item for item in value]
    return value


def analysis_from_json(data: dict[str, Any]) -> Analysis:
    """The inverse of ``analysis_to_json`` (and ``dataclasses.asdict``) for an ``Analysis``;
    raises on a wrong shape."""
    return Analysis(
        article=str(data["article"]),
        sentences=tuple(Sentence(**item) for item in data["sentences"]),
        mentions=tuple(Mention(**item) for item in data["mentions"]),
        times=tuple(TimeExpression(**item) for item in data["times"]),
        noun_chunks=tuple((int(a), int(b), str(c)) for a, b, c in data["noun_chunks"]),
        quotes=tuple(QuoteSpan(**item) for item in data["quotes"]),
        references=tuple(Reference(**item) for item in data["references"]),
        rule_counts=tuple((str(rule), int(n)) for rule, n in data.get("rule_counts", ())),
    )


@functools.cache
def code_version() -> str:
    """sitegen's version plus a digest of the code that produces analyses: ``nlp/`` with its
    subpackages, the modules it imports (``model``, ``lexicon``, ``errors``, ``rules``) and
    the word lists and token patterns they load (``data/lexicon/``, ``data/patterns/``)."""
    digest = hashlib.sha256()
    for source in analysis_sources():
        digest.update(source.relative_to(CODE_ROOT).as_posix().encode() + b"\0")
        digest.update(source.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


DATA_SUFFIXES = frozenset({".txt", ".tsv", ".jsonl"})
"""The data files of ``sitegen/data/`` (not its bytecode)."""


def analysis_sources() -> list[Path]:
    """The files ``code_version`` digests, sorted: ``nlp/``'s code, the modules it imports,
    and the word lists and token patterns of ``sitegen/data/``, which decide as code does."""
    sources = [*(CODE_ROOT / "nlp").rglob("*.py")]
    sources += [CODE_ROOT / f"{name}.py" for name in ("model", "lexicon", "errors", "rules")]
    for folder in ("lexicon", "patterns"):
        sources += [p for p in (CODE_ROOT / "data" / folder).glob("*") if p.suffix in DATA_SUFFIXES]
    return sorted(sources)


SITE_FORMAT = 3
SITE_FOLDER = "site"


@dataclass(frozen=True)
class SiteEntry:
    """A whole build's result: the curated knowledge base, every page, the warnings logged."""

    kb: KnowledgeBase
    pages: Mapping[str, str]
    warnings: tuple[tuple[str, int, str], ...] = ()
    """(logger name, level, message) of each warning logged while resolving and rendering."""


class SiteCache:
    """The last build's knowledge base and pages, keyed by everything they depend on: each
    article's analysis key (content, metadata, pipeline, analysis code), the article paths,
    a digest of all of sitegen's code, and the overrides. A rebuild with none of them changed
    skips resolving and rendering (only the newest entry is kept).

    Entries are pickles: the cache folder must be as trusted as the code (it is the project's
    own working folder).
    """

    def __init__(self, folder: Path, pipeline: str) -> None:
        self.folder = folder / SITE_FOLDER
        self.analyses = AnalysisCache(folder, pipeline)

    def key(self, articles: list[Article], overrides: Overrides, strict: bool) -> str:
        digest = hashlib.sha256(f"{SITE_FORMAT}\0{site_code_version()}\0{strict}\0".encode())
        digest.update(repr(overrides).encode("utf-8"))
        for article in articles:
            digest.update(f"\0{article.path}\0{self.analyses.key(article)}".encode())
        return digest.hexdigest()

    def get(self, key: str) -> SiteEntry | None:
        path = self.folder / f"{key}.pickle"
        try:
            with path.open("rb") as handle:
                entry = _load_entry(handle)
        except FileNotFoundError:
            return None
        except Exception as exc:  # noqa: BLE001 - any unreadable entry is only rebuilt
            log.warning("%s: unreadable site cache entry (%s); building again", path, exc)
            return None
        return entry

    def put(self, key: str, entry: SiteEntry) -> None:
        """Store ``entry`` atomically, replacing older entries; a failure is only a warning."""
        path = self.folder / f"{key}.pickle"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".pickle")
            with os.fdopen(fd, "wb") as handle:
                _dump_entry(entry, handle)
            os.replace(temporary, path)
            for old in self.folder.glob("*.pickle"):
                if old != path:
                    old.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("%s: cannot write the site cache entry (%s)", path, exc)


ENTRY_CHUNK = 1000
"""Items of a knowledge base's tuple or dict pickled together in a site cache entry."""


def _dump_entry(entry: SiteEntry, handle: BinaryIO) -> None:
    """Pickle ``entry`` as a run of pickles: the knowledge base's fields one by one, its long
    tuples and dicts (analyses, entities, events) ``ENTRY_CHUNK`` items at a time, then the
    pages and warnings. One pickle of the whole remembers every object it wrote until it ends
    (400 MB more for the 10,000 articles' knowledge base, the build's peak); this run's
    pickles each forget theirs. (The knowledge base shares no object between its fields.)"""

    def dump(value: Any) -> None:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)

    dump(("sitegen site entry", SITE_FORMAT))
    for item in dataclasses.fields(entry.kb):
        value = getattr(entry.kb, item.name)
        if isinstance(value, (tuple, dict)) and len(value) > ENTRY_CHUNK:
            items = list(value.items()) if isinstance(value, dict) else list(value)
            dump((item.name, type(value).__name__, len(items)))
            for start in range(0, len(items), ENTRY_CHUNK):
                dump(items[start : start + ENTRY_CHUNK])
        else:
            dump((item.name, "whole", value))
    dump(("", "end", None))
    dump(entry.pages)
    dump(entry.warnings)


def _load_entry(handle: BinaryIO) -> SiteEntry:
    """The inverse of ``_dump_entry``; raises on anything else."""
    if pickle.load(handle) != ("sitegen site entry", SITE_FORMAT):
        raise TypeError("not a site cache entry of this version")
    fields: dict[str, Any] = {}
    while True:
        name, how, value = pickle.load(handle)
        if how == "end":
            break
        if how == "whole":
            fields[name] = value
            continue
        items: list[Any] = []
        while len(items) < value:
            items += pickle.load(handle)
        fields[name] = dict(items) if how == "dict" else tuple(items)
    return SiteEntry(KnowledgeBase(**fields), pickle.load(handle), pickle.load(handle))


@functools.cache
def site_code_version() -> str:
    """sitegen's version plus a digest of all its code (resolving and rendering included) and
    the data files its rules read (``data/``)."""
    digest = hashlib.sha256()
    data = [path for path in (CODE_ROOT / "data").rglob("*") if path.suffix in DATA_SUFFIXES]
    for source in sorted([*CODE_ROOT.rglob("*.py"), *data]):
        digest.update(source.relative_to(CODE_ROOT).as_posix().encode() + b"\0")
        digest.update(source.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


RULE_COUNTS_FILE = "rules.json"
"""In the cache folder: how often each rule decided in the last build (``sitegen rules``)."""


def write_rule_counts(folder: Path, counts: dict[str, int], articles: int) -> None:
    """Keep the last build's rule counts (atomically; a failure is only a warning)."""
    path = folder / RULE_COUNTS_FILE
    data = {"articles": articles, "counts": dict(sorted(counts.items()))}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=1)
        os.replace(temporary, path)
    except OSError as exc:
        log.warning("%s: cannot write the rule counts (%s)", path, exc)


def read_rule_counts(folder: Path) -> tuple[dict[str, int], int] | None:
    """The last build's rule counts and article count, or None when there is none."""
    try:
        data = json.loads((folder / RULE_COUNTS_FILE).read_text(encoding="utf-8"))
        return {str(k): int(v) for k, v in data["counts"].items()}, int(data["articles"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


T = TypeVar("T")

_CONTEXT_DIGESTS: dict[tuple[Path, str], tuple[tuple[Any, ...], str]] = {}
"""Across builds: each cache's last context and its digest, by article id."""


class PerArticleCache(Generic[T]):
    """Results of a function of one article, its analysis and plain context data from the
    rest of the corpus (``compute``), kept pickled in one file under the cache folder and keyed
    by the article's analysis key, a digest of the context and a digest of all of sitegen's
    code: a build with a few articles changed computes only
    theirs. Entries stay pickled in memory and are unpickled on use, so the caller may
    change what it gets (the merge extends clusters, topics fold candidates). The file is
    rewritten with the current articles' entries when some missed or went unused. Trusted
    like the site cache.
    """

    def __init__(
        self,
        folder: Path,
        pipeline: str,
        name: str,
        compute: Callable[..., T],
        shared: bool = False,
    ) -> None:
        self.path = folder / f"{name}.pickle"
        self.compute = compute
        self.shared = shared
        """The caller never changes what it gets: across builds (``ACROSS_BUILDS``) each
        entry is unpickled once and the very object handed out again."""
        self.analyses = AnalysisCache(folder, pipeline)
        self.stored: dict[str, bytes] = {}
        self.used: dict[str, bytes] = {}
        self.objects: dict[str, tuple[T, dict[str, int]]] = {}
        self.filled: dict[str, tuple[bytes, tuple[T, dict[str, int]] | None]] = {}
        """Entries worked out ahead of their use (``fill``): pickled, and as objects for
        those worked out in this process."""
        self.misses = 0
        remembered = _STORED.get(self.path) if ACROSS_BUILDS.on else None
        if remembered is not None and remembered[0] == _mtime(self.path):
            self.stored = remembered[1]
            return
        try:
            with self.path.open("rb") as handle:
                stored = pickle.load(handle)
            if not isinstance(stored, dict) or stored.get("format") != SITE_FORMAT:
                raise TypeError("not a per-article cache")
            self.stored = stored["entries"]
            _STORED.keep(self.path, self.stored)
        except FileNotFoundError:
            pass
        except Exception as exc:  # noqa: BLE001 - an unreadable file is only rebuilt
            log.warning("%s: unreadable cache file (%s); computing again", self.path, exc)

    def __call__(self, article: Article, analysis: Analysis, *context: Any) -> T:
        """``compute(article, analysis, *context)``, from the cache when there; ``context``
        (plain, sortable data from the rest of the corpus) is part of the key."""
        key = self._key(article, context)
        data = self.stored.get(key)
        sharing = self.shared and ACROSS_BUILDS.on
        kept = _OBJECTS.get(self.path, {}).get(key) if sharing and data is not None else None
        filled = self.filled.pop(key, None) if data is None else None
        if filled is not None:
            self.misses += 1
            data, made = filled
            found, fired = made if made is not None else pickle.loads(data)
        elif data is None:
            self.misses += 1
            data, (found, fired) = self._entry(article, analysis, context)
        elif kept is not None:
            found, fired = kept
        else:
            found, fired = pickle.loads(data)
        self.used[key] = data
        if sharing:
            self.objects[key] = (found, fired)
        add_counts(fired)  # what its rules decided, whether computed now or before
        return found

    def _entry(
        self, article: Article, analysis: Analysis, context: tuple[Any, ...]
    ) -> tuple[bytes, tuple[T, dict[str, int]]]:
        """A missing entry worked out: pickled, and the result with what its rules decided."""
        with counting() as counted:
            found = self.compute(article, analysis, *context)
        made = (found, dict(counted))
        return pickle.dumps(made, pickle.HIGHEST_PROTOCOL), made

    def fill(self, calls: Sequence[tuple[Any, ...]]) -> None:
        """Work out ahead of their use the missing entries of ``calls`` (each the arguments
        of a call: article, analysis, context), every second one in a forked process while
        this one works out the others, when there are ``FILL_FORK_FROM`` or more and another
        CPU: a build after sitegen's code changed misses every entry (48 s of one CPU at
        10,000 articles). An article whose entry fails is left out (its call fails again
        and is reported then); the calls then find the entries as they would have made them."""
        missing: dict[str, tuple[Article, Analysis, tuple[Any, ...]]] = {}
        for article, analysis, *context in calls:
            key = self._key(article, tuple(context))
            if key not in self.stored and key not in self.filled:
                missing[key] = (article, analysis, tuple(context))
        if len(missing) < FILL_FORK_FROM or not worth_forking():
            return
        todo = list(missing.items())
        theirs, mine = beside(
            functools.partial(self._entries, todo[1::2], pickled_only=True),
            functools.partial(self._entries, todo[0::2], pickled_only=False),
        )
        self.filled.update(mine)
        self.filled.update(theirs)

    def _entries(
        self, todo: list[tuple[str, tuple[Article, Analysis, tuple[Any, ...]]]], pickled_only: bool
    ) -> dict[str, tuple[bytes, tuple[T, dict[str, int]] | None]]:
        entries: dict[str, tuple[bytes, tuple[T, dict[str, int]] | None]] = {}
        for key, (article, analysis, context) in todo:
            try:
                data, made = self._entry(article, analysis, context)
            except Exception:  # noqa: BLE001 - reported when its call fails again
                continue
            entries[key] = (data, None if pickled_only else made)
        return entries

    def _key(self, article: Article, context: tuple[Any, ...]) -> str:
        extra = self._digest(article, context) if context else ""
        return f"{site_code_version()}\0{self.analyses.key(article)}\0{extra}"

    def _digest(self, article: Article, context: tuple[Any, ...]) -> str:
        """The digest of an article's context; across builds (``ACROSS_BUILDS``) the last
        one's for the very same context tuples (immutable: ``KeptLabelViews`` hands on an
        article's view unchanged)."""
        remember = ACROSS_BUILDS.on and all(type(part) is tuple for part in context)
        if remember:
            kept = _CONTEXT_DIGESTS.get((self.path, article.id))
            if kept is not None and len(kept[0]) == len(context):
                if all(old is new for old, new in zip(kept[0], context, strict=True)):
                    return kept[1]
        digest = hashlib.sha256(repr(context).encode("utf-8")).hexdigest()
        if remember:
            _CONTEXT_DIGESTS[(self.path, article.id)] = (context, digest)
        return digest

    def peek(self, article: Article, analysis: Analysis, *context: Any) -> bool:
        """Count the entry of ``article`` as used by this build, without unpickling it (a
        caller that kept what it made of it from the last build), if there is one."""
        del analysis  # the key is the article's analysis key: the analysis itself is not read
        key = self._key(article, context)
        data = self.stored.get(key)
        if data is None:
            return False
        self.used[key] = data
        return True

    def save(self) -> None:
        """Keep the entries this build used (only when some missed or some went unused), and
        under ``ACROSS_BUILDS`` a shared cache's objects for the next build."""
        if self.shared and ACROSS_BUILDS.on:
            _OBJECTS[self.path] = self.objects
        self._write()

    def _write(self) -> None:
        if not self.misses and self.used.keys() == self.stored.keys():
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-", suffix=".pickle")
            with os.fdopen(fd, "wb") as handle:
                entry = {"format": SITE_FORMAT, "entries": self.used}
                pickle.dump(entry, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.path)
            _STORED.keep(self.path, self.used)
        except OSError as exc:
            log.warning("%s: cannot write the cache file (%s)", self.path, exc)


FILL_FORK_FROM = 200
"""Missing entries from which ``PerArticleCache.fill`` works out half of them in a forked
process: below, the fork costs more than it saves."""


class _Remembered(dict[Path, tuple[int, dict[str, bytes]]]):
    """Each per-article cache file's entries as last read or written by this process, with the
    file's mtime then, once ``keep_per_article_caches`` is called (``ACROSS_BUILDS``; the
    plugin does under ``mkdocs serve``): a rebuild does not unpickle the whole file again while
    nothing else wrote it. Off for a one-off build, which would only hold the memory."""

    def keep(self, path: Path, entries: dict[str, bytes]) -> None:
        if ACROSS_BUILDS.on:
            self[path] = (_mtime(path), entries)


_STORED = _Remembered()
_OBJECTS: dict[Path, dict[str, tuple[Any, dict[str, int]]]] = {}
"""A shared per-article cache's entries as objects, by file and key, as the last build used
them (``PerArticleCache.shared``, ``ACROSS_BUILDS``): an edit unpickles only what changed."""


def keep_per_article_caches() -> None:
    """Keep the per-article caches' entries, each article's names and each archive record's
    article in memory across builds (``mkdocs serve``)."""
    ACROSS_BUILDS.on = True


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return -1


def cluster_cache(folder: Path, pipeline: str) -> PerArticleCache[list[Cluster]]:
    """Each article's own clusters (``article_clusters``: grouping and within-article joins);
    the merge across articles still sees every article's clusters, through copies of its own
    (``Cluster.copy``), so the cached ones are shared."""
    return PerArticleCache(folder, pipeline, "clusters", article_clusters, shared=True)


def phrase_cache(folder: Path, pipeline: str) -> PerArticleCache[dict[str, Any]]:
    """Each article's topic candidates before the corpus's entity names filter them."""
    return PerArticleCache(folder, pipeline, "phrases", lambda a, n: article_phrases(a, n))
