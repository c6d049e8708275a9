"""``sitegen check``: validate seeds, sidecars, overrides and mkdocs.yml without building."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.config import Settings
from sitegen.errors import SitegenError
from sitegen.ingest import find_articles, read_file
from sitegen.ingest.duplicates import find_duplicates
from sitegen.model import Article
from sitegen.overrides import load_overrides
from sitegen.site import PLUGIN_NAME, load_mkdocs, plugin_options, read_mkdocs_yml


@dataclass
class CheckReport:
    """Problems found, one message each; errors fail the check."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    articles: int = 0


def check_project(settings: Settings, config_file: Path) -> CheckReport:
    """Read every article and sidecar, the overrides file and mkdocs.yml; collect problems."""
    report = CheckReport()
    _check_articles(settings, report)
    try:
        load_overrides(settings.overrides)
    except SitegenError as exc:
        report.errors += str(exc).splitlines()
    _check_mkdocs(config_file, report)
    return report


def _check_articles(settings: Settings, report: CheckReport) -> None:
    try:
        files = find_articles(settings.seeds)
    except SitegenError as exc:
        report.errors.append(str(exc))
        return
    seen: dict[str, str] = {}
    articles = [item for path in files for item in _read_checked(path, settings, report)]
    duplicates = find_duplicates(articles)
    dropped = {id(duplicate.dropped) for duplicate in duplicates}
    for article in articles:
        report.articles += 1
        if id(article) in dropped:
            continue
        if article.id in seen and Path(article.path).is_file():  # records get unique ids
            report.errors.append(
                f"{article.path}: article id '{article.id}' is also the id of {seen[article.id]}; "
                "rename one of the files"
            )
        seen[article.id] = article.path
        if article.published is None:
            report.warnings.append(
                f"{article.path}: no 'published' date; relative dates stay undated"
            )
    report.warnings += [duplicate.note() for duplicate in duplicates]
    if not files:
        report.errors.append("no articles found in " + ", ".join(map(str, settings.seeds)))


def _read_checked(path: Path, settings: Settings, report: CheckReport) -> Iterator[Article]:
    """The articles of one input file of any format; what cannot be read becomes an error of
    the report."""
    try:
        for item in read_file(path, settings.fields):
            if isinstance(item, SitegenError):
                report.errors.append(str(item))
            else:
                yield item
    except SitegenError as exc:
        report.errors.append(str(exc))


def _check_mkdocs(config_file: Path, report: CheckReport) -> None:
    if not config_file.is_file():
        report.warnings.append(f"{config_file}: no MkDocs configuration; only Markdown can be made")
        return
    try:
        if plugin_options(read_mkdocs_yml(config_file)) is None:
            report.warnings.append(
                f"{config_file}: the '{PLUGIN_NAME}' plugin is not enabled; `mkdocs build` alone "
                "will not generate pages"
            )
        load_mkdocs(config_file)
    except SitegenError as exc:
        report.errors.append(str(exc))
