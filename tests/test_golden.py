"""The generated Markdown of the seed and of a small multi-article corpus matches the reviewed
golden files (``make golden`` regenerates them; review the diff)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.golden import GOLDEN_SITES, golden_pages


@pytest.mark.parametrize("name", sorted(GOLDEN_SITES))
def test_pages_match_golden(name: str, tmp_path: Path) -> None:
    pages = GOLDEN_SITES[name](tmp_path / "docs")
    golden = golden_pages(name)
    assert sorted(pages) == sorted(golden), f"{name}: run `make golden` and review the diff"
    for path, text in golden.items():
        assert pages[path] == text, f"{name}: {path} differs from its golden file; `make golden`"
