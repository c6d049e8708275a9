"""Every project option, declared once with its default and a one-line doc; validated together.

The MkDocs plugin's ``config_scheme`` and the command line's options are both built from
``SETTINGS``, and both end in :func:`load_settings`, so a project builds the same either way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitegen.errors import ConfigError
from sitegen.ingest.records import RecordFields, field_problems, record_fields


@dataclass(frozen=True)
class Setting:
    """One option: its name (as in mkdocs.yml), default, accepted types and documentation."""

    name: str
    default: Any
    types: tuple[type, ...]
    doc: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "seeds",
        "seeds",
        (str, list),
        "Article files or folders (.txt + .yml, .md, .html, .jsonl, .json, feeds, .warc).",
    ),
    Setting(
        "fields",
        {},
        (dict,),
        "Field names of JSON records, e.g. {text: body, published: date} "
        "(keys: text, title, published, url, source, authors, id).",
    ),
    Setting("overrides", "sitegen.yml", (str,), "Curation file; a missing default file is fine."),
    Setting("model", None, (str, type(None)), "spaCy pipeline name or path (default: sm)."),
    Setting("batch_size", 64, (int,), "Texts per spaCy batch."),
    Setting(
        "processes", 0, (int,), "spaCy worker processes; 0: the machine's CPUs minus one (min 1)."
    ),
    Setting("strict", False, (bool,), "Overrides that match nothing are errors, not warnings."),
    Setting("keep_going", False, (bool,), "Skip unreadable articles (with a warning), not stop."),
    Setting(
        "scheduler",
        None,
        (str, type(None)),
        "Extract on the Dask scheduler at this address (tcp://HOST:8786).",
    ),
    Setting("workers", 0, (int,), "Extract on a local Dask cluster of N worker processes."),
    Setting(
        "page_processes",
        0,
        (int,),
        "Processes that build MkDocs' pages on `mkdocs build`; 0: one per CPU from 1,000 pages.",
    ),
    Setting(
        "cache",
        None,
        (str, type(None)),
        "Extraction cache: a folder or an fsspec URL workers share (default .sitegen-cache).",
    ),
    Setting("review_page", True, (bool,), "Generate review.md: what deserves an editor's look."),
    Setting("about_page", True, (bool,), "Generate about.md: how the site was made, from what."),
    Setting("disabled_rules", (), (list, tuple), "Rule ids switched off (`sitegen rules`)."),
    Setting(
        "page_articles",
        2,
        (int,),
        "An entity named in this many articles gets a page (or named page_mentions times, or "
        "with a role or a quote); 1 gives every entity a page.",
    ),
    Setting(
        "page_mentions", 3, (int,), "An entity named this many times gets a page (see above)."
    ),
    Setting(
        "search",
        "pagefind",
        (str,),
        "Site search: 'pagefind' (a chunked index fetched as queries need it) or 'material'.",
    ),
)
SEARCH_ENGINES = ("pagefind", "material")
"""``pagefind``: a chunked index (``sitegen/search.py``); ``material``: Material's own."""
SETTING_NAMES = frozenset(setting.name for setting in SETTINGS)


@dataclass(frozen=True)
class Settings:
    """Validated options; paths are resolved against the project folder."""

    seeds: tuple[Path, ...]
    """Article files or folders to read."""
    overrides: Path | None
    """The curation file, or None when the default file does not exist."""
    model: str | None = None
    """spaCy pipeline name or path."""
    batch_size: int = 64
    """Texts per spaCy batch."""
    processes: int = 0
    """spaCy worker processes; 0 for the machine's default (``build.default_processes``)."""
    strict: bool = False
    """Overrides that match nothing fail the build."""
    keep_going: bool = False
    """Skip unreadable articles with a warning instead of stopping."""
    fields: RecordFields = RecordFields()
    """Which field of a JSON record holds what."""
    scheduler: str | None = None
    """The Dask scheduler to extract on, or None."""
    workers: int = 0
    """Worker processes of a local Dask cluster to extract on; 0: none."""
    page_processes: int = 0
    """Processes building MkDocs' pages (``sitegen/page_processes.py``); 0: automatic."""
    cache: str | None = None
    """The extraction cache's folder (resolved) or fsspec URL; None: the default folder."""
    review_page: bool = True
    """Generate ``review.md``."""
    about_page: bool = True
    """Generate ``about.md``."""
    disabled_rules: tuple[str, ...] = ()
    """Ids of rules switched off (the overrides file may list more)."""
    page_articles: int = 2
    """Articles naming an entity that earn it a page of its own (``resolve/budget.py``)."""
    page_mentions: int = 3
    """Mentions that earn an entity a page of its own."""
    search: str = "pagefind"
    """The site's search engine (``sitegen.search.ENGINES``)."""


def defaults() -> dict[str, Any]:
    """The default value of every option, by name."""
    return {setting.name: setting.default for setting in SETTINGS}


def load_settings(
    values: Mapping[str, Any],
    base: Path = Path("."),
    source: str = "sitegen",
    seeds: tuple[Path, ...] = (),
) -> Settings:
    """Validate ``values`` (missing keys take their defaults) and resolve paths against ``base``.

    ``seeds`` given (command-line paths, relative to the working folder) replace the option;
    the readers report those that do not exist. Every problem is collected and reported in
    one ConfigError, one line each.
    """
    problems = [f"{source}: unknown option '{key}'" for key in values if key not in SETTING_NAMES]
    merged = defaults() | {k: v for k, v in values.items() if k in SETTING_NAMES}
    for setting in SETTINGS:
        value = merged[setting.name]
        if not isinstance(value, setting.types) or (
            isinstance(value, bool) and bool not in setting.types
        ):
            problems.append(
                f"{source}: option '{setting.name}' must be {_type_names(setting.types)}, "
                f"not {value!r}"
            )
    if seeds:
        merged["seeds"] = [str(seed) for seed in seeds]
    if not problems:
        problems += _check_values(merged, base, source, check_seeds=not seeds)
    if problems:
        raise ConfigError("\n".join(problems))
    return Settings(
        seeds=seeds or tuple(_resolve(base, seed) for seed in _as_list(merged["seeds"])),
        overrides=_overrides_path(merged["overrides"], base),
        model=merged["model"],
        batch_size=merged["batch_size"],
        processes=merged["processes"],
        strict=merged["strict"],
        keep_going=merged["keep_going"],
        fields=record_fields(merged["fields"]),
        scheduler=merged["scheduler"],
        workers=merged["workers"],
        page_processes=merged["page_processes"],
        cache=_cache_location(merged["cache"], base),
        review_page=merged["review_page"],
        about_page=merged["about_page"],
        disabled_rules=tuple(merged["disabled_rules"]),
        page_articles=merged["page_articles"],
        page_mentions=merged["page_mentions"],
        search=merged["search"],
    )


def _check_values(merged: dict[str, Any], base: Path, source: str, check_seeds: bool) -> list[str]:
    problems = []
    seeds = _as_list(merged["seeds"])
    if not seeds or not all(isinstance(seed, str) and seed for seed in seeds):
        problems.append(f"{source}: option 'seeds' must name at least one file or folder")
    for seed in seeds if check_seeds else []:
        if isinstance(seed, str) and seed and not _resolve(base, seed).exists():
            problems.append(f"{source}: seeds path '{seed}' does not exist (in {base})")
    if not all(isinstance(rule_id, str) for rule_id in merged["disabled_rules"]):
        problems.append(f"{source}: option 'disabled_rules' must be a list of rule ids")
    if merged["batch_size"] < 1:
        problems.append(f"{source}: option 'batch_size' must be at least 1")
    if merged["processes"] < 0:
        problems.append(f"{source}: option 'processes' must be 0 (automatic) or more")
    problems += field_problems(merged["fields"], source)
    if merged["workers"] < 0:
        problems.append(f"{source}: option 'workers' must be 0 (no cluster) or more")
    if merged["page_processes"] < 0:
        problems.append(f"{source}: option 'page_processes' must be 0 (automatic) or more")
    if merged["workers"] and merged["scheduler"]:
        problems.append(f"{source}: options 'scheduler' and 'workers' exclude each other")
    for name in ("page_articles", "page_mentions"):
        if merged[name] < 1:
            problems.append(f"{source}: option '{name}' must be at least 1")
    if merged["search"] not in SEARCH_ENGINES:
        problems.append(
            f"{source}: option 'search' must be one of {', '.join(SEARCH_ENGINES)}, "
            f"not {merged['search']!r}"
        )
    overrides = merged["overrides"]
    if overrides != defaults()["overrides"] and not _resolve(base, overrides).is_file():
        problems.append(f"{source}: overrides file '{overrides}' does not exist (in {base})")
    return problems


def _overrides_path(value: str, base: Path) -> Path | None:
    path = _resolve(base, value)
    return path if path.is_file() else None


def _cache_location(value: str | None, base: Path) -> str | None:
    """A cache folder resolved against ``base``; a URL (``s3://...``) as it is."""
    if value is None or "://" in value:
        return value
    return str(_resolve(base, value))


def _as_list(value: Any) -> list[Any]:
    return [value] if isinstance(value, str) else list(value)


def _resolve(base: Path, value: str) -> Path:
    path = Path(value)
    return path if path.is_absolute() else base / path


def _type_names(types: tuple[type, ...]) -> str:
    names = {str: "a string", list: "a list", int: "an integer", bool: "true or false"}
    return " or ".join(names.get(t, "null") for t in types)
