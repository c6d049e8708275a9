"""The command line: JSON export shape, help, and error exit codes."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from sitegen.build import default_processes
from sitegen.cli import cli
from sitegen.site import pipeline_options, project_settings
from tests.helpers import SEEDS, run_sitegen, write


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


def test_every_command_has_help_with_an_example() -> None:
    for command in ("build", "generate", "extract", "serve", "check"):
        result = CliRunner().invoke(cli, [command, "--help"])
        assert result.exit_code == 0, command
        assert "Example" in result.output, command


def test_check_passes_on_the_seed(tmp_path: Path) -> None:
    result = run_sitegen("check", str(SEEDS), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1] == "checked 1 article: 0 errors, 1 warning"


def test_check_reports_every_bad_file_and_exits_1(tmp_path: Path) -> None:
    write(tmp_path / "seeds" / "a.txt", "Body.\n")
    write(tmp_path / "seeds" / "a.yml", "title: [unclosed\n")
    write(tmp_path / "seeds" / "b.txt", "Body.\n")
    write(tmp_path / "seeds" / "b.yml", "title: a: b\n")
    write(tmp_path / "sitegen.yml", "rename:\n  - entity: X\n")
    result = run_sitegen("check", cwd=tmp_path)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 3
    assert errors[0].startswith("error: seeds/a.yml:2:1: metadata is not valid YAML")
    assert errors[1].startswith("error: seeds/b.yml:1:9: metadata is not valid YAML")
    assert errors[2] == "error: sitegen.yml:2:5: a 'rename' step needs 'to'"


def test_malformed_overrides_fail_generate_with_line_and_column(tmp_path: Path) -> None:
    write(tmp_path / "sitegen.yml", "merge: {into: X}\n")
    result = run_sitegen("generate", str(SEEDS), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: sitegen.yml:1:8: 'merge' must be a list of steps (each line starting with '- ')"
    )


def test_missing_overrides_option_file_exits_1(tmp_path: Path) -> None:
    result = run_sitegen("extract", str(SEEDS), "--overrides", "nope.yml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == "Error: nope.yml: no such overrides file"


def test_unmatched_override_warns_and_fails_with_strict(tmp_path: Path) -> None:
    write(tmp_path / "sitegen.yml", "reject:\n  - entity: Nobody Atall\n")
    result = run_sitegen("extract", str(SEEDS), "--json", cwd=tmp_path)
    assert result.returncode == 0
    assert "WARNING: sitegen.yml:2:5: reject: no entity 'Nobody Atall'" in result.stderr
    strict = run_sitegen("extract", str(SEEDS), "--strict", cwd=tmp_path)
    assert strict.returncode == 1
    assert strict.stderr.strip() == "Error: sitegen.yml:2:5: reject: no entity 'Nobody Atall'"


def test_overrides_apply_to_the_generated_pages(tmp_path: Path) -> None:
    write(tmp_path / "sitegen.yml", "rename:\n  - entity: Trump\n    to: Donald Trump\n")
    result = run_sitegen("generate", str(SEEDS), "--docs-dir", "docs", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "docs" / "people" / "donald-trump.md").is_file()
    assert not (tmp_path / "docs" / "people" / "trump.md").exists()
    assert result.stderr.splitlines()[-1].startswith("1 articles, ")


def test_check_review_lists_a_name_kept_apart(tmp_path: Path) -> None:
    write(
        tmp_path / "seeds" / "a.txt",
        "Maya Wang, a senior researcher at Human Rights Watch, said the detentions in Xinjiang"
        " were unlawful.\nMs. Wang presented the report in Geneva on Monday.\n",
    )
    write(
        tmp_path / "seeds" / "f.txt",
        "Mr. Wang, a rice farmer in Henan, said the drought had ruined his harvest.\n"
        "Mr. Wang said he would plant again in April.\n",
    )
    result = run_sitegen("check", "--review", "seeds", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "review: person:wang: kept apart from ['person:maya-wang']" in result.stdout


def test_processes_option_reaches_the_pipeline(tmp_path: Path, monkeypatch: Any) -> None:
    """``--processes N`` (or the plugin's ``processes``) sets spaCy's worker processes; 0 or
    nothing means the machine's usable CPUs minus one."""
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1, 2, 3}, raising=False)
    assert default_processes() == 3
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0}, raising=False)
    assert default_processes() == 1
    config = write(
        tmp_path / "mkdocs.yml", "site_name: T\nplugins:\n  - sitegen:\n      processes: 2\n"
    )
    write(tmp_path / "seeds" / "a.txt", "Anna Kowalski spoke.\n")
    assert pipeline_options(project_settings(config)).n_process == 2
    assert pipeline_options(project_settings(config, processes=5)).n_process == 5
    assert pipeline_options(project_settings(config, processes=0)).n_process == 1


def test_negative_processes_are_refused(tmp_path: Path) -> None:
    config = write(
        tmp_path / "mkdocs.yml", "site_name: T\nplugins:\n  - sitegen:\n      processes: -1\n"
    )
    write(tmp_path / "seeds" / "a.txt", "Anna Kowalski spoke.\n")
    result = run_sitegen("check", "--config-file", str(config))
    assert result.returncode == 1
    assert "option 'processes' must be 0 (automatic) or more" in result.stderr
    assert run_sitegen("extract", "--processes", "-2", str(SEEDS)).returncode == 2


def test_check_review_lists_one_name_of_several_people(tmp_path: Path) -> None:
    write(
        tmp_path / "seeds" / "f.txt",
        "Mr. Wang, a rice farmer in Henan, said the drought had ruined his harvest.\n",
    )
    write(
        tmp_path / "seeds" / "k.txt",
        "Mr. Wang, a banker at Everbright Bank, said the merger would close in June.\n",
    )
    result = run_sitegen("check", "--review", "seeds", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (
        "review: 'Wang': one name, 2 pages "
        "['person:wang-banker-at-everbright-bank', 'person:wang-rice-farmer-in-henan']"
    ) in result.stdout
