"""The MkDocs output folder: checked, built beside the old one, swapped in only on success.

``mkdocs build`` empties its site folder first and leaves it half-built when it fails, so
sitegen builds into a new temporary folder next to it (same file system) and renames that into
place when the build succeeded; after a failure the old site stays as it was.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from sitegen.errors import ConfigError, SitegenError
from sitegen.write import check_output_folder

log = logging.getLogger(__name__)


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


@contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """A new empty sibling of ``target``, renamed into place when the block succeeds; removed
    when it fails or is interrupted (Ctrl-C, or SIGTERM: the command line turns it into an
    exit). Its name carries this process's id, so the leftovers of a build killed outright
    (SIGKILL) are recognized and removed by the next build (``remove_stale_siblings``)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_siblings(target)
    prefix = f".{target.name}-new-{os.getpid()}-"
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=prefix))
    try:
        yield staging
        _swap_in(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def remove_stale_siblings(target: Path) -> list[Path]:
    """Remove the staging folders (``.SITE-new-PID-*``, ``.SITE-old-PID-*``) that builds
    killed outright left beside ``target``: only folders named so, whose process no longer
    runs. Returns what was removed."""
    pattern = re.compile(rf"^\.{re.escape(target.name)}-(?:new|old)-(\d+)-")
    removed = []
    for sibling in target.parent.iterdir() if target.parent.is_dir() else ():
        found = pattern.match(sibling.name)
        if not found or not sibling.is_dir() or sibling.is_symlink():
            continue
        if _running(int(found.group(1))):
            continue  # another build of this site, still at work
        shutil.rmtree(sibling, ignore_errors=True)
        log.info("%s: removed what an interrupted build left", sibling)
        removed.append(sibling)
    return removed


def _running(pid: int) -> bool:
    """Whether a process of this id runs (ours counts: its folders are in use)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def drop_empty_source_date_epoch() -> None:
    """MkDocs crashes on an empty ``SOURCE_DATE_EPOCH``; treat it as unset."""
    if not os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def _swap_in(staging: Path, target: Path) -> None:
    """Rename ``staging`` to ``target``; the old ``target`` is moved aside, then deleted."""
    if not target.exists():
        staging.rename(target)
        return
    if not target.is_dir() or target.is_symlink():
        raise SitegenError(f"{target}: the site folder is not a folder; not replacing it")
    old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}-old-{os.getpid()}-"))
    old.rmdir()
    target.rename(old)
    try:
        staging.rename(target)
    except BaseException:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)
