"""Data safety: only generated files change, failed runs change nothing, outputs are checked."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from sitegen import write as writer
from sitegen.errors import OutputError
from sitegen.write import MANIFEST_NAME, check_output_folder, load_manifest, write_site
from tests.helpers import run_sitegen, write


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_failure_while_staging_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_site({"a.md": "A\n", "b.md": "B\n"}, tmp_path)
    before = snapshot(tmp_path)
    real = writer._temporary_copy
    calls = []

    def failing(target: Path, data: bytes) -> Path:
        calls.append(target)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(target, data)

    monkeypatch.setattr(writer, "_temporary_copy", failing)
    with pytest.raises(KeyboardInterrupt):
        write_site({"a.md": "A2\n", "b.md": "B2\n", "c.md": "C\n"}, tmp_path)
    assert snapshot(tmp_path) == before
    assert not list(tmp_path.glob(".sitegen-*.tmp"))


def test_crash_after_manifest_update_never_orphans_a_generated_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_site({"a.md": "A\n"}, tmp_path)
    monkeypatch.setattr(writer, "_remove_stale", lambda *args: (_ for _ in ()).throw(OSError))
    with pytest.raises(OSError):
        write_site({"b.md": "B\n"}, tmp_path)
    monkeypatch.undo()
    assert set(load_manifest(tmp_path)) == {"a.md", "b.md"}
    report = write_site({"b.md": "B\n"}, tmp_path)
    assert report.removed == ["a.md"] and (tmp_path / "b.md").read_text() == "B\n"


def test_hand_written_file_in_a_generated_folder_is_kept(tmp_path: Path) -> None:
    write(tmp_path / "people" / "notes.md", "mine\n")
    write_site({"people/x.md": "X\n"}, tmp_path)
    write_site({}, tmp_path)
    assert (tmp_path / "people" / "notes.md").read_text() == "mine\n"
    assert not (tmp_path / "people" / "x.md").exists()


def test_file_deleted_by_hand_is_written_again(tmp_path: Path) -> None:
    write_site({"a.md": "A\n"}, tmp_path)
    (tmp_path / "a.md").unlink()
    assert write_site({"a.md": "A\n"}, tmp_path).written == ["a.md"]


def test_unreadable_manifest_stops_before_writing(tmp_path: Path) -> None:
    (tmp_path / MANIFEST_NAME).write_text("{not json")
    with pytest.raises(OutputError, match="manifest of generated files is unreadable"):
        write_site({"a.md": "A\n"}, tmp_path)
    assert not (tmp_path / "a.md").exists()


def test_manifest_cannot_point_outside_the_docs_folder(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    victim = write(tmp_path / "victim.md", "keep\n")
    docs.mkdir()
    manifest = {"files": {"../victim.md": writer.digest("keep\n")}}
    (docs / MANIFEST_NAME).write_text(json.dumps(manifest))
    with pytest.raises(OutputError, match="resolves outside the docs folder"):
        write_site({}, docs)
    assert victim.read_text() == "keep\n"


def test_symlinked_folder_in_docs_pointing_outside_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "people").symlink_to(outside, target_is_directory=True)
    with pytest.raises(OutputError, match="resolves outside the docs folder"):
        write_site({"people/x.md": "X\n", "a.md": "A\n"}, docs)
    assert not list(outside.iterdir()) and not (docs / "a.md").exists()


def test_symlinked_page_in_docs_pointing_outside_is_not_followed(tmp_path: Path) -> None:
    target = write(tmp_path / "outside.md", "keep\n")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").symlink_to(target)
    with pytest.raises(OutputError):
        write_site({"a.md": "A\n"}, docs)
    assert target.read_text() == "keep\n"


def test_hand_written_conflict_via_cli_names_both_and_writes_nothing(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", "Ottawa is a city.\n")
    write(tmp_path / "docs" / "index.md", "my home page\n")
    result = run_sitegen("generate", "in", "--docs-dir", "docs", cwd=tmp_path)
    assert result.returncode == 1
    index = (tmp_path / "docs" / "index.md").resolve()
    assert result.stderr.strip().splitlines()[-1] == (
        f"Error: {index}: exists and was not written by sitegen, but the generated page "
        "'index.md' would replace it; move or rename the file, nothing was written"
    )
    assert snapshot(tmp_path / "docs") == {"index.md": b"my home page\n"}


def test_output_folder_inside_the_input_folder_is_refused(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", "Text.\n")
    result = run_sitegen("generate", "in", "--docs-dir", "in/docs", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: in/docs: the docs folder overlaps the input in; "
        "keep generated output outside the articles and vice versa"
    )
    assert not (tmp_path / "in" / "docs").exists()


def test_output_folder_equal_to_the_project_folder_is_refused(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", "Text.\n")
    result = run_sitegen("generate", "in", "--docs-dir", ".", cwd=tmp_path)
    assert result.returncode == 1
    assert "the docs folder would be the project folder" in result.stderr
    assert sorted(os.listdir(tmp_path)) == ["in"]


def test_output_folder_holding_a_git_repository_is_refused(tmp_path: Path) -> None:
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    with pytest.raises(OutputError, match="would be the project folder"):
        check_output_folder(tmp_path / "repo", [], "site")


def test_site_folder_equal_to_the_project_folder_is_refused(tmp_path: Path) -> None:
    write(tmp_path / "mkdocs.yml", "site_name: x\ndocs_dir: docs\n")
    write(tmp_path / "in" / "a.txt", "Text.\n")
    result = run_sitegen("build", "in", "--docs-dir", "docs", "--site-dir", ".", cwd=tmp_path)
    assert result.returncode == 1
    assert "the site folder would be the project folder" in result.stderr
    assert sorted(os.listdir(tmp_path)) == ["in", "mkdocs.yml"]
