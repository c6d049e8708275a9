"""The rule registry: ids, switches and counts (each stage's examples: tests/test_rules_*.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitegen import rules
from sitegen.errors import ConfigError
from sitegen.overrides import load_overrides
from sitegen.rules import UnknownRuleError, all_rules, reference_markdown, rule, running
from tests.helpers import run_sitegen, write


def test_every_rule_is_well_formed_and_has_an_example() -> None:
    declared = all_rules()
    assert len({r.id for r in declared}) == len(declared)
    for declared_rule in declared:
        assert rules.RULE_ID.match(declared_rule.id), declared_rule.id
        assert declared_rule.stage in rules.STAGES
        assert declared_rule.description and "\n" not in declared_rule.description
        assert declared_rule.examples, f"{declared_rule.id} has no example"


def test_malformed_or_repeated_ids_are_refused() -> None:
    with pytest.raises(ValueError, match="must look like"):
        rule("Kind.Bad Id", "kind", "x")
    with pytest.raises(ValueError, match="must look like"):
        rule("join.x", "kind", "a rule of one stage named after another")
    with pytest.raises(ValueError, match="unknown stage"):
        rule("colour.red", "colour", "x")
    made = rule("kind.test-registry-twice", "kind", "Declared once here.", [{"text": "x"}])
    try:
        with pytest.raises(ValueError, match="declared twice"):
            rule("kind.test-registry-twice", "kind", "Declared again.")
    finally:
        rules._REGISTRY.pop(made.id)


def test_a_run_switches_rules_off_and_counts_what_fires() -> None:
    made = rule("kind.test-registry-switch", "kind", "A rule for this test.", [{"text": "x"}])
    try:
        assert made.on
        made.fired()  # outside any run: nothing counted, nothing fails
        with running(disabled=[made.id]) as run:
            assert not made.on
        assert made.on
        with running() as run:
            assert made.on
            made.fired()
            made.fired(2)
        assert run.counts[made.id] == 3
    finally:
        rules._REGISTRY.pop(made.id)


def test_an_unknown_rule_id_is_an_error_naming_it() -> None:
    with pytest.raises(UnknownRuleError, match="kind.no-such-rule"):
        with running(disabled=["kind.no-such-rule"]):
            pass


def test_the_rules_reference_in_docs_is_current() -> None:
    """docs/rules.md is what `sitegen rules --markdown` prints (regenerate it when it fails)."""
    written = (Path(__file__).parents[1] / "docs" / "rules.md").read_text(encoding="utf-8")
    assert written == reference_markdown(all_rules())


def test_rules_command_lists_the_rules_and_the_last_builds_counts(tmp_path: Path) -> None:
    article = write(
        tmp_path / "a.txt",
        "The UN Security Council met on Monday. The UN said aid would follow.\n",
    )
    listed = run_sitegen("rules", "--stage", "join", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert "join.acronym-not-its-body" in listed.stdout and "kind." not in listed.stdout
    assert "no build yet" in listed.stderr
    built = run_sitegen("extract", str(article), "--json", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    counted = run_sitegen("rules", "--stage", "join", cwd=tmp_path)
    line = next(row for row in counted.stdout.splitlines() if "join.acronym-not-its-body" in row)
    assert int(line.split()[0]) >= 1
    assert "fired in the last build (1 articles)" in counted.stderr


@pytest.mark.site
def test_a_rule_switched_off_on_the_command_line_or_in_sitegen_yml_does_not_decide(
    tmp_path: Path,
) -> None:
    article = write(
        tmp_path / "a.txt",
        "The UN Security Council met on Monday. The UN said aid would follow.\n",
    )

    def pages(*extra: str) -> set[str]:
        done = run_sitegen("extract", str(article), "--json", *extra, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        return {entity["name"] for entity in json.loads(done.stdout)["entities"]}

    assert "UN" in pages()
    assert "UN" not in pages("--disable-rule", "join.acronym-not-its-body")
    write(tmp_path / "sitegen.yml", "disabled_rules: [join.acronym-not-its-body]\n")
    assert "UN" not in pages("--overrides", str(tmp_path / "sitegen.yml"))


def test_an_unknown_rule_id_is_an_error_naming_where_it_is_written(tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", "Some text.\n")
    done = run_sitegen("extract", str(article), "--disable-rule", "join.no-such", cwd=tmp_path)
    assert done.returncode == 1
    assert "unknown rule id(s): join.no-such" in done.stderr
    overrides = write(tmp_path / "sitegen.yml", "disabled_rules:\n  - kind.nope\n")
    with pytest.raises(ConfigError, match=r"sitegen\.yml:2:5: unknown rule id 'kind\.nope'"):
        load_overrides(overrides)
