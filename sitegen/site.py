"""Running MkDocs in-process for the command line, with the sitegen plugin when configured."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException
from mkdocs.utils.yaml import yaml_load

from sitegen.build import Options, default_processes
from sitegen.config import Settings, load_settings
from sitegen.distributed import Cluster
from sitegen.errors import ConfigError, SitegenError
from sitegen.overrides import load_overrides
from sitegen.resolve.budget import PageBudget
from sitegen.sitedir import drop_empty_source_date_epoch, staged_folder
from sitegen.write import check_output_folder

log = logging.getLogger(__name__)
PLUGIN_NAME = "sitegen"


def read_mkdocs_yml(config_file: Path) -> dict[str, Any]:
    """The raw mapping of mkdocs.yml ({} when the file does not exist); MkDocs' YAML tags work."""
    if not config_file.is_file():
        return {}
    try:
        with config_file.open("rb") as handle:
            data = yaml_load(handle)
    except Exception as exc:  # noqa: BLE001 (YAML, tag and I/O errors alike)
        raise ConfigError(f"{config_file}: not a valid MkDocs configuration ({exc})") from exc
    return data if isinstance(data, dict) else {}


def plugin_options(raw: dict[str, Any]) -> dict[str, Any] | None:
    """The sitegen plugin's options in a raw mkdocs.yml, or None when it is not enabled."""
    plugins = raw.get("plugins") or []
    entries = (
        plugins.items()
        if isinstance(plugins, dict)
        else (next(iter(p.items())) if isinstance(p, dict) else (p, {}) for p in plugins)
    )
    for name, options in entries:
        if name == PLUGIN_NAME:
            return dict(options or {})
    return None


def project_settings(
    config_file: Path,
    paths: Sequence[Path] = (),
    overrides: Path | None = None,
    model: str | None = None,
    strict: bool = False,
    keep_going: bool = False,
    processes: int | None = None,
    disabled_rules: Sequence[str] = (),
    scheduler: str | None = None,
    workers: int | None = None,
) -> Settings:
    """The plugin's options from mkdocs.yml (if any), replaced by what the command line gives
    (rules the command line switches off add to the plugin's)."""
    values = plugin_options(read_mkdocs_yml(config_file)) or {}
    base = config_file.resolve().parent if values else Path(".")
    source = f"{config_file}: plugins.sitegen" if values else "sitegen"
    if overrides is not None and not overrides.is_file():
        raise ConfigError(f"{overrides}: no such overrides file")
    settings = load_settings(values, base, source, seeds=tuple(paths))
    return dataclasses.replace(
        settings,
        overrides=overrides or settings.overrides,
        model=model or settings.model,
        strict=strict or settings.strict,
        keep_going=keep_going or settings.keep_going,
        processes=settings.processes if processes is None else processes,
        disabled_rules=(*settings.disabled_rules, *disabled_rules),
        scheduler=scheduler or (None if workers else settings.scheduler),
        workers=0 if scheduler else settings.workers if workers is None else workers,
    )


def docs_dir_of(config_file: Path) -> Path:
    """The docs folder mkdocs.yml names (``site_src`` without one), relative to the cwd."""
    raw = read_mkdocs_yml(config_file)
    docs = Path(str(raw.get("docs_dir", "docs" if raw else "site_src")))
    return docs if docs.is_absolute() or not raw else config_file.parent / docs


def load_mkdocs(config_file: Path, **overrides: Any) -> MkDocsConfig:
    """Load and validate mkdocs.yml as MkDocs does; errors become ConfigError."""
    if not config_file.is_file():
        raise ConfigError(f"{config_file}: no such MkDocs configuration file")
    try:
        return load_config(str(config_file), **overrides)
    except (ConfigurationError, Abort) as exc:
        raise ConfigError(f"{config_file}: {exc.format_message()}") from exc


def build_site(config: MkDocsConfig, inputs: Sequence[Path] = ()) -> None:
    """``mkdocs build`` in this process (so the plugin can use the command line's settings).

    The site is built into a temporary sibling folder and swapped into place only when the
    build succeeds, so a failed build keeps the previous site.
    """
    target = Path(config.site_dir).resolve()
    check_output_folder(target, [Path(config.docs_dir), *inputs], "site")
    drop_empty_source_date_epoch()
    with staged_folder(target) as staging:
        config.site_dir = str(staging)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        except MkDocsException as exc:
            raise SitegenError(
                f"mkdocs build failed ({exc}); see its messages above; the previous site was kept"
            ) from exc
        finally:
            config.plugins.on_shutdown()
            config.site_dir = str(target)


def serve_site(config_file: Path, dev_addr: str | None, watch: Sequence[Path] = ()) -> None:
    """``mkdocs serve --dirty --no-strict`` in this process, until interrupted: a rebuild
    converts only the pages whose Markdown changed (the plugin rewrites only those). Not
    strict: MkDocs warns of every dirty build, which strict mode would make an error."""
    options: dict[str, Any] = {"dev_addr": dev_addr} if dev_addr else {}
    options["strict"] = False
    mkdocs_serve(
        str(config_file), build_type="dirty", watch=[str(path) for path in watch], **options
    )


def pipeline_options(settings: Settings) -> Options:
    """The pipeline options a project's settings ask for (the overrides file read)."""
    return Options(
        model=settings.model,
        batch_size=settings.batch_size,
        n_process=settings.processes or default_processes(),
        overrides=load_overrides(settings.overrides),
        strict=settings.strict,
        keep_going=settings.keep_going,
        disabled_rules=frozenset(settings.disabled_rules),
        fields=settings.fields,
        cluster=Cluster(scheduler=settings.scheduler, workers=settings.workers),
        analysis_cache=settings.cache,
        page_budget=PageBudget(settings.page_articles, settings.page_mentions),
    )
