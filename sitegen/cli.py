"""Command line: parse arguments, call one library function, turn errors into messages.

Exit codes: 0 success, 1 input or configuration error, 2 usage error.
"""

from __future__ import annotations

import json
import logging
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from sitegen import __version__
from sitegen.build import Tally, build_knowledge, generate
from sitegen.cache import DEFAULT_CACHE_DIR, read_rule_counts
from sitegen.check import check_project
from sitegen.config import SETTINGS, Settings
from sitegen.errors import SitegenError
from sitegen.explain import explanation, find_entities
from sitegen.export import export_knowledge
from sitegen.plugin import CommandLine, SitegenPlugin
from sitegen.progress import article_progress, summary
from sitegen.review import review_items
from sitegen.rules import STAGES, all_rules, reference_markdown
from sitegen.site import (
    PLUGIN_NAME,
    build_site,
    docs_dir_of,
    load_mkdocs,
    pipeline_options,
    plugin_options,
    project_settings,
    read_mkdocs_yml,
    serve_site,
)
from sitegen.sitedir import checked_site_folder

log = logging.getLogger("sitegen")
DOC = {setting.name: setting.doc for setting in SETTINGS}

paths_argument = click.argument(
    "paths", nargs=-1, type=click.Path(path_type=Path), metavar="[PATH]..."
)
model_option = click.option("--model", default=None, help=DOC["model"])
overrides_option = click.option(
    "--overrides",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help=DOC["overrides"] + " [default: sitegen.yml]",
)
strict_option = click.option("--strict", is_flag=True, help=DOC["strict"])
keep_going_option = click.option("--keep-going", is_flag=True, help=DOC["keep_going"])
processes_option = click.option(
    "--processes",
    "-j",
    type=click.IntRange(min=0),
    default=None,
    metavar="N",
    help=DOC["processes"] + " [default: mkdocs.yml's, else 0]",
)
disable_rule_option = click.option(
    "--disable-rule",
    "disabled_rules",
    multiple=True,
    metavar="RULE",
    expose_value=False,
    callback=lambda context, _, value: context.meta.__setitem__("disabled_rules", value),
    help="Switch a rule off (repeatable; `sitegen rules` lists their ids).",
)
scheduler_option = click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help=DOC["scheduler"] + " [default: mkdocs.yml's, else this machine]",
)
workers_option = click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help=DOC["workers"] + " [default: mkdocs.yml's, else none]",
)
config_option = click.option(
    "--config-file",
    "-f",
    default="mkdocs.yml",
    show_default=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The MkDocs configuration (its sitegen plugin options are the defaults).",
)
docs_option = click.option(
    "--docs-dir",
    default=None,
    type=click.Path(path_type=Path, file_okay=False),
    help="The docs folder to generate into [default: mkdocs.yml's docs_dir, else site_src].",
)


def project_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options every command that reads articles shares."""
    for decorator in (
        disable_rule_option,
        workers_option,
        scheduler_option,
        processes_option,
        keep_going_option,
        strict_option,
        overrides_option,
        model_option,
        config_option,
    ):
        command = decorator(command)
    return paths_argument(command)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitegen")
@click.option("-q", "--quiet", is_flag=True, help="Only print errors; no progress bar.")
@click.option("-v", "--verbose", is_flag=True, help="Print debugging detail.")
@click.pass_context
def cli(context: click.Context, quiet: bool, verbose: bool) -> None:
    """Turn news articles into a cross-linked, searchable MkDocs Material site.

    PATH arguments are article files or folders; without them, the seeds of the sitegen plugin
    in mkdocs.yml (else seeds/). Curation is read from sitegen.yml when it exists.

    \b
    Examples:
      sitegen build                 generate pages and build site/ (mkdocs build --strict)
      sitegen serve                 preview with live reload at http://127.0.0.1:8000/
      sitegen generate seeds/       only write the Markdown pages into site_src/
      sitegen extract seeds/ --json print what was extracted, as JSON
      sitegen check                 validate articles, sitegen.yml and mkdocs.yml
    """
    context.obj = {"quiet": quiet}
    level = logging.ERROR if quiet else logging.DEBUG if verbose else logging.INFO
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    handler.setLevel(level)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(min(level, logging.WARNING))  # MkDocs counts warnings for --strict


def _settings(
    paths: tuple[Path, ...],
    config_file: Path,
    overrides: Path | None,
    model: str | None,
    strict: bool,
    keep_going: bool = False,
    processes: int | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
) -> Settings:
    if scheduler and workers:
        raise click.UsageError("give --scheduler or --workers, not both")
    disabled = click.get_current_context().meta.get("disabled_rules", ())
    return project_settings(
        config_file, paths, overrides, model, strict, keep_going, processes, disabled,
        scheduler, workers,
    )


def _quiet() -> bool:
    return bool(click.get_current_context().find_root().obj.get("quiet"))


def _analyze_with_progress(settings: Settings) -> Any:
    """A provider of the pipeline (loaded only for articles missing from the cache), with a
    progress bar over the articles it analyzes."""
    return article_progress(settings.model, enabled=not _quiet())


def _done(line: str) -> None:
    if not _quiet():
        click.echo(line, err=True)


@cli.command("generate")
@project_options
@docs_option
def generate_command(
    paths: tuple[Path, ...],
    config_file: Path,
    model: str | None,
    overrides: Path | None,
    strict: bool,
    keep_going: bool,
    processes: int | None,
    scheduler: str | None,
    workers: int | None,
    docs_dir: Path | None,
) -> None:
    """Write the Markdown pages for PATH into the docs folder (no MkDocs run).

    \b
    Examples:
      sitegen generate                       seeds from mkdocs.yml, into its docs_dir
      sitegen generate seeds/ --docs-dir site_src
    """
    started = time.perf_counter()
    settings = _settings(
        paths, config_file, overrides, model, strict, keep_going, processes, scheduler, workers
    )
    with _analyze_with_progress(settings) as nlp:
        kb, report = generate(
            settings.seeds, docs_dir or docs_dir_of(config_file), pipeline_options(settings), nlp
        )
    _done(summary(Tally.of(kb), report, time.perf_counter() - started))


@cli.command("build")
@project_options
@docs_option
@click.option(
    "--site-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Where MkDocs writes the site [default: mkdocs.yml's site_dir].",
)
def build_command(
    paths: tuple[Path, ...],
    config_file: Path,
    model: str | None,
    overrides: Path | None,
    strict: bool,
    keep_going: bool,
    processes: int | None,
    scheduler: str | None,
    workers: int | None,
    docs_dir: Path | None,
    site_dir: Path | None,
) -> None:
    """Generate the pages for PATH, then build the site with `mkdocs build --strict`.

    With the sitegen plugin in mkdocs.yml, the plugin generates (with these options);
    without it, pages are generated first, then MkDocs runs.

    \b
    Examples:
      sitegen build
      sitegen build seeds/ --config-file mkdocs.yml --site-dir public
    """
    started = time.perf_counter()
    settings = _settings(
        paths, config_file, overrides, model, strict, keep_going, processes, scheduler, workers
    )
    checked_site_folder(config_file, site_dir, settings.seeds)  # before anything is written
    overrides_kw = {
        "docs_dir": str(docs_dir) if docs_dir else None,
        "site_dir": str(site_dir) if site_dir else None,
    }
    config = load_mkdocs(config_file, strict=True, **overrides_kw)
    plugin = config.plugins.get(PLUGIN_NAME)
    with _analyze_with_progress(settings) as nlp:
        if isinstance(plugin, SitegenPlugin):
            with plugin.run_by(CommandLine(settings, nlp)):
                build_site(config, settings.seeds)
            assert plugin.generated is not None  # on_pre_build ran, or build_site raised
            tally, report = plugin.generated
        else:
            options = pipeline_options(settings)
            kb, report = generate(settings.seeds, Path(config.docs_dir), options, nlp)
            tally = Tally.of(kb)
            build_site(config, settings.seeds)
    _done(summary(tally, report, time.perf_counter() - started) + f"; site in {config.site_dir}")


@cli.command("serve")
@config_option
@click.option(
    "--dev-addr",
    "-a",
    default=None,
    metavar="IP:PORT",
    help="Address to serve on [default: mkdocs.yml's dev_addr, 127.0.0.1:8000].",
)
def serve_command(config_file: Path, dev_addr: str | None) -> None:
    """Preview the site with live reload: editing an article regenerates its pages.

    Uses the sitegen plugin in mkdocs.yml (which watches the seeds and sitegen.yml).
    Without the plugin, pages are generated once and MkDocs serves them.

    \b
    Example:
      sitegen serve --dev-addr 127.0.0.1:8001
    """
    if plugin_options(read_mkdocs_yml(config_file)) is None:
        settings = _settings((), config_file, None, None, False)
        generate(settings.seeds, docs_dir_of(config_file), pipeline_options(settings))
        log.warning("%s: no sitegen plugin; article edits need a restart", config_file)
    load_mkdocs(config_file)
    serve_site(config_file, dev_addr)


@cli.command("extract")
@project_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the only format so far).")
def extract_command(
    paths: tuple[Path, ...],
    config_file: Path,
    model: str | None,
    overrides: Path | None,
    strict: bool,
    keep_going: bool,
    processes: int | None,
    scheduler: str | None,
    workers: int | None,
    as_json: bool,
) -> None:
    """Print the articles, entities and dates found in PATH as one JSON object.

    \b
    Example:
      sitegen extract seeds/ --json > extracted.json
    """
    settings = _settings(
        paths, config_file, overrides, model, strict, keep_going, processes, scheduler, workers
    )
    with _analyze_with_progress(settings) as nlp:
        kb = build_knowledge(settings.seeds, pipeline_options(settings), nlp)
    click.echo(json.dumps(export_knowledge(kb), ensure_ascii=False, indent=1))


@cli.command("explain")
@click.argument("name")
@project_options
def explain_command(
    name: str,
    paths: tuple[Path, ...],
    config_file: Path,
    model: str | None,
    overrides: Path | None,
    strict: bool,
    keep_going: bool,
    processes: int | None,
    scheduler: str | None,
    workers: int | None,
) -> None:
    """Show which rules made the page of NAME (an id, a name or an alias): its kind's votes,
    the names joined into it and kept out of it, its title, and the override that would undo
    each join.

    \b
    Examples:
      sitegen explain "Paris"
      sitegen explain place:paris seeds/
    """
    settings = _settings(
        paths, config_file, overrides, model, strict, keep_going, processes, scheduler, workers
    )
    with _analyze_with_progress(settings) as nlp:
        kb = build_knowledge(settings.seeds, pipeline_options(settings), nlp)
    found = find_entities(kb.entities, name)
    if not found:
        raise click.ClickException(f"no page for {name!r} (give an id, a name or an alias)")
    for number, entity in enumerate(found):
        if number:
            click.echo()
        click.echo("\n".join(explanation(entity)))


@cli.command("rules")
@click.option("--markdown", is_flag=True, help="Print the rules reference (docs/rules.md).")
@click.option("--stage", type=click.Choice(STAGES), default=None, help="Only this stage's rules.")
def rules_command(markdown: bool, stage: str | None) -> None:
    """List every rule sitegen decides by: its id, stage and what it decides, with how often
    it fired in the last build (read from the cache folder).

    \b
    Examples:
      sitegen rules --stage join
      sitegen build --disable-rule join.rare-longer-variant
    """
    rules = [rule for rule in all_rules() if stage is None or rule.stage == stage]
    if markdown:
        click.echo(reference_markdown(rules), nl=False)
        return
    last = read_rule_counts(DEFAULT_CACHE_DIR)
    counts = last[0] if last else {}
    if last is None:
        click.echo("(no build yet in this folder: no counts)", err=True)
    else:
        click.echo(f"fired in the last build ({last[1]} articles):", err=True)
    for found in rules:
        fired = f"{counts.get(found.id, 0):>8}" if last else " " * 8
        click.echo(f"{fired}  {found.id}  {found.description}")


@cli.command("check")
@project_options
@click.option("--review", is_flag=True, help="Also extract and list what deserves a look.")
def check_command(
    paths: tuple[Path, ...],
    config_file: Path,
    model: str | None,
    overrides: Path | None,
    strict: bool,
    keep_going: bool,
    processes: int | None,
    scheduler: str | None,
    workers: int | None,
    review: bool,
) -> None:
    """Validate articles, sidecars, the overrides file and mkdocs.yml without building.

    Prints one line per problem; exits 1 when there is an error.

    \b
    Examples:
      sitegen check
      sitegen check seeds/ --overrides sitegen.yml --review
    """
    settings = _settings(
        paths, config_file, overrides, model, strict, keep_going, processes, scheduler, workers
    )
    report = check_project(settings, config_file)
    for message in report.errors:
        click.echo(f"error: {message}", err=True)
    for message in report.warnings:
        click.echo(f"warning: {message}", err=True)
    if review and not report.errors:
        _print_review(settings)
    counts = (
        _count(report.articles, "article"),
        _count(len(report.errors), "error"),
        _count(len(report.warnings), "warning"),
    )
    click.echo("checked {}: {}, {}".format(*counts), err=True)
    if report.errors:
        sys.exit(1)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _print_review(settings: Settings) -> None:
    with _analyze_with_progress(settings) as nlp:
        kb = build_knowledge(settings.seeds, pipeline_options(settings), nlp)
    items = review_items(kb)
    for entity in items.single_mention:
        click.echo(f"review: {entity.id}: named only once")
    for entity, votes in items.split_kinds:
        click.echo(f"review: {entity.id}: kind in doubt ({votes})")
    for entity in items.merged:
        click.echo(f"review: {entity.id}: merged names {sorted(a for a in entity.aliases)}")
    for entity, fits in items.kept_apart:
        click.echo(f"review: {entity.id}: kept apart from {[other.id for other in fits]}")
    for name, same in items.homonyms:
        click.echo(f"review: {name!r}: one name, {len(same)} pages {[e.id for e in same]}")
    for article_id, time_expression in items.undated:
        click.echo(f"review: {article_id}: undated {time_expression.text!r}")


def main() -> None:
    """Entry point: exit 1 with one message for any SitegenError, 2 for usage errors. SIGTERM
    ends the run as Ctrl-C does, so what it was writing is cleaned up (exit 143)."""
    signal.signal(signal.SIGTERM, _terminated)
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2 if isinstance(exc, click.UsageError) else exc.exit_code)
    except SitegenError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(exc.exit_code)


def _terminated(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)


if __name__ == "__main__":
    main()
