"""Regenerate the golden Markdown of the seed site: ``make golden`` (review the diff!)."""

from __future__ import annotations

import shutil
from pathlib import Path

from sitegen.build import generate
from sitegen.write import MANIFEST_NAME

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden" / "seed"


def generate_seed(into: Path) -> dict[str, str]:
    """Generate the seed's pages into ``into`` and return them by relative path."""
    generate([REPO / "seeds"], into)
    return {
        path.relative_to(into).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(into.rglob("*.md"))
        if path.name != MANIFEST_NAME
    }


def main() -> None:
    if GOLDEN.exists():
        shutil.rmtree(GOLDEN)
    pages = generate_seed(GOLDEN)
    (GOLDEN / MANIFEST_NAME).unlink()
    print(f"wrote {len(pages)} golden pages to {GOLDEN.relative_to(REPO)}")


if __name__ == "__main__":
    main()
