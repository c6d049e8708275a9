"""The only module that writes into the docs folder.

A manifest (``.sitegen-manifest.json`` in the docs folder; MkDocs skips dot files) records every
file sitegen wrote and its content hash. sitegen overwrites or deletes only files listed there,
refuses to replace a file it did not write, leaves unchanged files untouched (their mtime
stays), and writes all-or-nothing as far as a file system allows: every changed page is first
written to a temporary file beside its target, and only when all of them are written are they
renamed into place (a failure before that removes the temporary files and changes nothing).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.errors import OutputError
from sitegen.pages import same_page

log = logging.getLogger(__name__)

MANIFEST_NAME = ".sitegen-manifest.json"


@dataclass
class WriteReport:
    """What a write changed."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_manifest(docs_dir: Path) -> dict[str, str]:
    path = docs_dir / MANIFEST_NAME
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data["files"].items()}
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise OutputError(
            f"{path}: the manifest of generated files is unreadable ({exc}); "
            "move it away to regenerate, after checking which files sitegen wrote"
        ) from exc


def write_site(
    pages: Mapping[str, str], docs_dir: Path, written: Mapping[str, str] | None = None
) -> WriteReport:
    """Write ``pages`` (path under docs_dir -> text); check everything before changing anything.

    ``written``: the pages this process wrote into ``docs_dir`` last time, in a folder no one
    else writes (``mkdocs serve``'s preview). Their files are taken to be there as written, so
    they are not looked at again (no file system call for each of the site's pages): a page
    whose text is the very object written then is unchanged.
    """
    docs_dir.mkdir(parents=True, exist_ok=True)
    root = docs_dir.resolve()
    manifest = load_manifest(docs_dir)
    written = written or {}
    folders: dict[str, Path] = {}
    targets = {path: _contained_in(root, path, folders, path in written) for path in pages}
    _refuse_foreign_files(targets, manifest)
    report = WriteReport()
    new_digests = {}
    with _Staging() as staged:  # each changed page to a temporary file as it comes
        for path in sorted(pages):
            if same_page(pages, written, path) and path in manifest:
                report.unchanged.append(path)
                new_digests[path] = manifest[path]
                continue
            text = pages[path]
            data = text.encode("utf-8")
            if targets[path].is_file() and targets[path].read_bytes() == data:
                report.unchanged.append(path)
            else:
                staged.add(path, targets[path], data)
            new_digests[path] = digest(text)
        # Record old and new files first: a crash while renaming must not orphan a file.
        recorded = {**manifest, **new_digests}
        if recorded != manifest or not (docs_dir / MANIFEST_NAME).is_file():
            _save_manifest(docs_dir, recorded)
        staged.replace_targets()
    report.written = sorted(staged.paths)
    report.removed = _remove_stale(root, manifest, pages)
    if new_digests != recorded:  # pages no longer generated
        _save_manifest(docs_dir, new_digests)
    return report


class _Staging:
    """Changed pages written to temporary files beside their targets, one at a time (a build
    never holds every changed page's bytes at once); all renamed into place by
    ``replace_targets``. Leaving the ``with`` block before that, on any failure, removes them
    all."""

    def __init__(self) -> None:
        self.temporaries: dict[Path, Path] = {}
        self.paths: list[str] = []
        self.done = False

    def __enter__(self) -> _Staging:
        return self

    def add(self, path: str, target: Path, data: bytes) -> None:
        self.temporaries[target] = _temporary_copy(target, data)
        self.paths.append(path)

    def replace_targets(self) -> None:
        for target, temporary in self.temporaries.items():
            os.replace(temporary, target)
        self.done = True

    def __exit__(self, *exc: object) -> None:
        if not self.done:
            for temporary in self.temporaries.values():
                temporary.unlink(missing_ok=True)


def _temporary_copy(target: Path, data: bytes) -> Path:
    """A new temporary file in ``target``'s folder holding ``data`` (the folder is created)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".sitegen-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Path(temporary)


def check_output_folder(output: Path, inputs: Iterable[Path], what: str) -> None:
    """Refuse an output folder that is, holds or lies inside an input, or holds the project.

    ``output`` is emptied or rewritten by a build, so it may not be the current folder or one
    of its parents, a folder holding ``.git``, or overlap any input path.
    """
    out = output.resolve()
    here = Path.cwd().resolve()
    if out == here or out in here.parents or (out / ".git").exists():
        raise OutputError(
            f"{output}: the {what} folder would be the project folder {out} itself; "
            f"choose a subfolder such as site_src/ or site/"
        )
    for raw in inputs:
        source = raw.resolve()
        if out == source or source in out.parents or out in source.parents:
            raise OutputError(
                f"{output}: the {what} folder overlaps the input {raw}; "
                "keep generated output outside the articles and vice versa"
            )


def contained(root: Path, relative: str) -> Path:
    """``root / relative``, refusing anything that resolves outside ``root``."""
    target = (root / relative).resolve()
    if target != root and root not in target.parents:
        raise OutputError(
            f"{root / relative}: resolves outside the docs folder {root}; not writing"
        )
    return target


def _contained_in(root: Path, relative: str, folders: dict[str, Path], written: bool) -> Path:
    """``contained(root, relative)``, resolving each folder once (``folders``: the folders
    resolved so far, by relative path): a file that is not a symbolic link resolves to its
    resolved folder / its name. A file ``written`` there by this process last time (see
    ``write_site``) is known not to be a link."""
    folder, _, name = relative.rpartition("/")
    parent = folders.get(folder)
    if parent is None:
        parent = folders[folder] = contained(root, folder) if folder else root
    target = parent / name
    if name in ("", ".", "..") or (not written and target.is_symlink()):
        return contained(root, relative)
    return target


def _refuse_foreign_files(targets: dict[str, Path], manifest: dict[str, str]) -> None:
    for path, target in sorted(targets.items()):
        if path not in manifest and (target.exists() or target.is_symlink()):
            raise OutputError(
                f"{target}: exists and was not written by sitegen, but the generated page "
                f"'{path}' would replace it; move or rename the file, nothing was written"
            )


def _write_if_changed(target: Path, text: str) -> bool:
    """Replace ``target`` atomically with ``text`` unless it already holds exactly that."""
    data = text.encode("utf-8")
    if target.is_file() and target.read_bytes() == data:
        return False
    os.replace(_temporary_copy(target, data), target)
    return True


def _remove_stale(root: Path, manifest: dict[str, str], pages: Mapping[str, str]) -> list[str]:
    """Delete files sitegen wrote before and no longer generates, unless edited by hand."""
    removed = []
    for path, old_digest in sorted(manifest.items()):
        if path in pages:
            continue
        target = contained(root, path)
        if not target.is_file():
            continue
        if digest(target.read_text(encoding="utf-8", errors="replace")) != old_digest:
            log.warning("%s: edited since sitegen wrote it; left in place", target)
            continue
        target.unlink()
        removed.append(path)
        _remove_empty_parents(target.parent, root)
    return removed


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and root in folder.parents and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _save_manifest(docs_dir: Path, files: dict[str, str]) -> None:
    data = json.dumps({"generator": "sitegen", "files": dict(sorted(files.items()))}, indent=1)
    _write_if_changed(docs_dir / MANIFEST_NAME, data + "\n")
