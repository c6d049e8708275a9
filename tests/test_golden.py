"""The seed's generated Markdown matches the reviewed golden files (``make golden``)."""

from __future__ import annotations

from pathlib import Path

from tests.golden import GOLDEN, generate_seed


def test_seed_pages_match_golden(tmp_path: Path) -> None:
    pages = generate_seed(tmp_path / "docs")
    golden = {
        path.relative_to(GOLDEN).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(GOLDEN.rglob("*.md"))
    }
    assert sorted(pages) == sorted(golden), "run `make golden` and review the diff"
    for path, text in golden.items():
        assert pages[path] == text, f"{path} differs from its golden file; run `make golden`"
