"""`sitegen build` hands its settings to the plugin instance of the configuration it builds,
and to no other: a later MkDocs build in the same process uses its own options."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from sitegen.cli import cli
from sitegen.site import build_site, load_mkdocs
from tests.helpers import ruler_pipeline, write

PATTERNS = [{"label": "PERSON", "pattern": "Jane Doe"}, {"label": "PERSON", "pattern": "Ivo Marr"}]


def project(root: Path, model: Path, body: str) -> Path:
    """A project whose plugin reads seeds/ with the saved pipeline ``model``."""
    write(root / "seeds" / "story.txt", body)
    (root / "docs").mkdir(parents=True)
    return write(
        root / "mkdocs.yml",
        f"site_name: T\ndocs_dir: docs\nplugins:\n  - sitegen:\n      model: {model}\n",
    )


@pytest.mark.site  # the build indexes the site with Pagefind, a process
def test_a_build_after_the_command_line_uses_its_own_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = tmp_path / "pipeline"
    ruler_pipeline(PATTERNS).to_disk(model)
    first = project(tmp_path / "first", model, "Jane Doe spoke.\n")
    second = project(tmp_path / "second", model, "Ivo Marr spoke.\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        cli, ["-q", "build", "--config-file", str(first)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "first" / "docs" / "people" / "jane-doe.md").is_file()
    build_site(load_mkdocs(second), [])
    people = {path.name for path in (tmp_path / "second" / "docs" / "people").glob("*.md")}
    assert people == {"index.md", "ivo-marr.md"}
