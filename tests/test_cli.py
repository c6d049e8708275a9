"""The command line: JSON export shape, help, and error exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from sitegen.cli import cli
from tests.conftest import SEEDS, write


def run_sitegen(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitegen.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def test_extract_json_has_the_documented_shape() -> None:
    result = run_sitegen("extract", str(SEEDS), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"articles", "entities", "topics", "events", "times"}
    article = data["articles"][0]
    assert set(article) >= {"id", "path", "title", "published", "source", "authors"}
    assert article["published"] == "2026-01-13"
    text = Path(article["path"]).read_text(encoding="utf-8")
    for entity in data["entities"]:
        assert entity["kind"] in ("person", "organization", "place")
        assert entity["page"].endswith(".md")
        for mention in entity["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]


def test_help_lists_commands() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in ("build", "generate", "extract"):
        assert command in result.output


def test_missing_input_exits_1_with_the_path() -> None:
    result = run_sitegen("extract", "no/such/folder", "--json")
    assert result.returncode == 1
    assert result.stderr.strip() == "Error: no/such/folder: no such file or folder"


def test_unknown_option_exits_2() -> None:
    result = run_sitegen("extract", "--no-such-option")
    assert result.returncode == 2


def test_bad_yaml_exits_1_naming_file_line_column(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Body.\n")
    write(tmp_path / "a.yml", "title: [unclosed\n")
    result = run_sitegen("extract", str(tmp_path), "--json")
    assert result.returncode == 1
    assert f"{tmp_path / 'a.yml'}:2:1: metadata is not valid YAML" in result.stderr
