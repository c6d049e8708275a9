"""The MkDocs output folder: checked, built beside the old one, swapped in only on success.

``mkdocs build`` empties its site folder first and leaves it half-built when it fails, so
sitegen builds into a new temporary folder next to it (same file system) and renames that into
place when the build succeeded; after a failure the old site stays as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from sitegen.errors import ConfigError, SitegenError
from sitegen.write import check_output_folder


def configured_folders(config_file: Path) -> tuple[Path, Path]:
    """The absolute ``docs_dir`` and ``site_dir`` of a MkDocs configuration.

    Read with MkDocs' own YAML loader (``!ENV``, ``INHERIT``) but not validated, so a docs
    folder that does not exist yet is fine; relative folders are relative to the file.
    """
    try:
        with config_file.open(encoding="utf-8") as handle:
            config = yaml_load(handle)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{config_file}: not a readable MkDocs configuration ({exc})") from exc
    base = config_file.resolve().parent
    docs_dir, site_dir = config.get("docs_dir", "docs"), config.get("site_dir", "site")
    return base / str(docs_dir), base / str(site_dir)


def checked_site_folder(
    config_file: Path, site_dir: Path | None = None, inputs: Sequence[Path] = ()
) -> Path:
    """The absolute site folder, refused when it is the project or overlaps docs or inputs."""
    docs_dir, configured_site = configured_folders(config_file)
    target = (site_dir or configured_site).resolve()
    check_output_folder(target, [docs_dir, *inputs], "site")
    return target


def build_site(
    config_file: Path,
    site_dir: Path | None = None,
    strict: bool = True,
    source_date_epoch: int | None = None,
    inputs: Sequence[Path] = (),
) -> Path:
    """``mkdocs build`` into a temporary sibling of the site folder, then swap it into place.

    ``source_date_epoch`` (when ``SOURCE_DATE_EPOCH`` is not set) dates the sitemap, so two
    builds of the same input are byte-identical. Returns the site folder.
    """
    target = checked_site_folder(config_file, site_dir, inputs)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}-new-"))
    try:
        _run_mkdocs(config_file, staging, strict, source_date_epoch)
        _swap_in(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _run_mkdocs(config_file: Path, site_dir: Path, strict: bool, epoch: int | None) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config_file)]
    command += ["--site-dir", str(site_dir)] + (["--strict"] if strict else [])
    env = dict(os.environ)
    if not env.get("SOURCE_DATE_EPOCH", "").strip():
        env.pop("SOURCE_DATE_EPOCH", None)  # MkDocs crashes on an empty value
        if epoch is not None:
            env["SOURCE_DATE_EPOCH"] = str(epoch)
    result = subprocess.run(command, check=False, env=env)
    if result.returncode != 0:
        raise SitegenError(
            f"mkdocs build failed (exit {result.returncode}); see its messages above; "
            "the previous site was kept"
        )


def _swap_in(staging: Path, target: Path) -> None:
    """Rename ``staging`` to ``target``; the old ``target`` is moved aside, then deleted."""
    if not target.exists():
        staging.rename(target)
        return
    if not target.is_dir() or target.is_symlink():
        raise SitegenError(f"{target}: the site folder is not a folder; not replacing it")
    old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}-old-"))
    old.rmdir()
    target.rename(old)
    try:
        staging.rename(target)
    except BaseException:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)
