"""The writer: manifest, no clobbering, unchanged files untouched, stale files removed."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from sitegen.errors import OutputError
from sitegen.write import MANIFEST_NAME, digest, load_manifest, write_site
from tests.helpers import stat_calls


def test_writes_pages_and_manifest(tmp_path: Path) -> None:
    report = write_site({"a.md": "A\n", "people/b.md": "B\n"}, tmp_path)
    assert (tmp_path / "people" / "b.md").read_text() == "B\n"
    assert (tmp_path / MANIFEST_NAME).is_file()
    assert sorted(report.written) == ["a.md", "people/b.md"]


def test_refuses_to_replace_a_hand_written_file(tmp_path: Path) -> None:
    (tmp_path / "index.md").write_text("my home page\n")
    with pytest.raises(OutputError, match=r"index\.md: exists and was not written by sitegen"):
        write_site({"index.md": "generated\n", "x.md": "X\n"}, tmp_path)
    assert (tmp_path / "index.md").read_text() == "my home page\n"
    assert not (tmp_path / "x.md").exists()


def test_unchanged_files_keep_their_mtime(tmp_path: Path) -> None:
    write_site({"a.md": "A\n"}, tmp_path)
    os.utime(tmp_path / "a.md", (1_000_000, 1_000_000))
    report = write_site({"a.md": "A\n"}, tmp_path)
    assert report.unchanged == ["a.md"]
    assert (tmp_path / "a.md").stat().st_mtime == 1_000_000


def test_pages_written_last_time_are_not_read_again(tmp_path: Path, monkeypatch: Any) -> None:
    first = {"a.md": "A" * 10 + "\n", "b.md": "B\n"}
    write_site(first, tmp_path)
    read: list[str] = []
    real = Path.read_bytes

    def counted(self: Path) -> bytes:
        read.append(self.name)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", counted)
    again = {"a.md": first["a.md"], "b.md": "B2\n", "c.md": "C\n"}
    report = write_site(again, tmp_path, written=first)
    assert report.unchanged == ["a.md"] and report.written == ["b.md", "c.md"]
    assert "a.md" not in read and "b.md" in read
    equal_text = "".join(["A" * 10, "\n"])  # equal, not the very object written: read
    assert write_site({**again, "a.md": equal_text}, tmp_path, written=first).unchanged == [
        "a.md", "b.md", "c.md"
    ]
    assert "a.md" in read
    assert load_manifest(tmp_path) == {path: digest(text) for path, text in again.items()}


def test_pages_written_last_time_are_not_looked_at_again(tmp_path: Path, monkeypatch: Any) -> None:
    """Under serve (``written``: the last pages this process wrote into its own folder) a kept
    page costs no file system call: at 9,500 pages, three each were a tenth of a second."""
    first = {"a.md": "A\n", "people/b.md": "B\n"}
    write_site(first, tmp_path)
    looked_at = stat_calls(monkeypatch)
    report = write_site({**first, "people/b.md": "B2\n"}, tmp_path, written=first)
    assert report.unchanged == ["a.md"] and report.written == ["people/b.md"]
    assert "a.md" not in looked_at and "b.md" in looked_at


def test_the_manifest_is_saved_only_when_it_changes(tmp_path: Path, monkeypatch: Any) -> None:
    """Once before the renames (old and new pages), once after only if pages were dropped."""
    from sitegen import write as writer

    write_site({"a.md": "A\n", "b.md": "B\n"}, tmp_path)
    saved: list[dict[str, str]] = []
    real = writer._save_manifest
    monkeypatch.setattr(
        writer, "_save_manifest", lambda folder, files: saved.append(files) or real(folder, files)
    )
    write_site({"a.md": "A\n", "b.md": "B\n"}, tmp_path)
    assert saved == []
    write_site({"a.md": "A2\n", "b.md": "B\n"}, tmp_path)
    assert [sorted(files) for files in saved] == [["a.md", "b.md"]]
    saved.clear()
    write_site({"a.md": "A2\n"}, tmp_path)
    assert [sorted(files) for files in saved] == [["a.md"]]
    assert load_manifest(tmp_path) == {"a.md": digest("A2\n")}
    write_site({}, tmp_path / "empty")  # a manifest even of no pages, as before
    assert (tmp_path / "empty" / MANIFEST_NAME).is_file()


def test_stale_generated_files_are_removed_but_edited_ones_kept(tmp_path: Path) -> None:
    write_site({"a.md": "A\n", "people/b.md": "B\n", "people/c.md": "C\n"}, tmp_path)
    (tmp_path / "people" / "c.md").write_text("edited by hand\n")
    report = write_site({"a.md": "A\n"}, tmp_path)
    assert report.removed == ["people/b.md"]
    assert (tmp_path / "people" / "c.md").read_text() == "edited by hand\n"


def test_hand_written_files_beside_generated_ones_are_untouched(tmp_path: Path) -> None:
    (tmp_path / "about.md").write_text("about\n")
    write_site({"a.md": "A\n"}, tmp_path)
    write_site({}, tmp_path)
    assert (tmp_path / "about.md").read_text() == "about\n"
    assert not (tmp_path / "a.md").exists()


def test_path_escaping_the_docs_folder_is_refused(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    with pytest.raises(OutputError, match="resolves outside the docs folder"):
        write_site({"../evil.md": "x"}, docs)
    assert not (tmp_path / "evil.md").exists()


def test_symbolic_links_leading_out_of_the_docs_folder_are_refused(tmp_path: Path) -> None:
    docs, outside = tmp_path / "docs", tmp_path / "outside"
    outside.mkdir()
    docs.mkdir()
    (docs / "people").symlink_to(outside, target_is_directory=True)
    with pytest.raises(OutputError, match="resolves outside the docs folder"):
        write_site({"index.md": "x", "people/a.md": "x"}, docs)
    (docs / "people").unlink()
    (docs / "people").mkdir()
    (docs / "people" / "b.md").symlink_to(outside / "b.md")
    with pytest.raises(OutputError, match="resolves outside the docs folder"):
        write_site({"people/a.md": "x", "people/b.md": "x"}, docs)
    assert list(outside.iterdir()) == []


def test_pages_keep_each_text_compressed_and_hand_on_the_same_bytes() -> None:
    """``Pages`` reads like a dict of texts; a page added twice is an error; a page handed on
    in its stored form (a serve rebuild's kept page) is the same bytes, which the writer takes
    as unchanged without decompressing."""
    from sitegen.pages import Pages, same_page

    text = "# Jane Doe\n\n" + "Jane Doe met [Acme](../organizations/acme.md). " * 50
    pages = Pages({"people/jane-doe.md": text})
    assert pages["people/jane-doe.md"] == text and dict(pages) == {"people/jane-doe.md": text}
    assert len(pages.stored("people/jane-doe.md")) < len(text) / 5
    with pytest.raises(ValueError, match="two generated pages claim people/jane-doe.md"):
        pages.put("people/jane-doe.md", "other")
    later = Pages()
    later.put_stored("people/jane-doe.md", pages.stored("people/jane-doe.md"))
    later.put("index.md", "# Home\n")
    joined = later | {"about.md": "# About\n"}
    assert same_page(joined, pages, "people/jane-doe.md")
    assert not same_page(Pages({"people/jane-doe.md": text}), pages, "people/jane-doe.md")
    assert not same_page(joined, pages, "index.md")
    assert joined == {"people/jane-doe.md": text, "index.md": "# Home\n", "about.md": "# About\n"}
