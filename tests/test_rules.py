"""The rule registry: ids, switches and counts (each stage's examples: tests/test_rules_*.py)."""

from __future__ import annotations

import pytest

from sitegen import rules
from sitegen.rules import UnknownRuleError, all_rules, rule, running


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
