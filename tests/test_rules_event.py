"""Every rule of the "event" stage does what its examples say, and only because of it: each
example holds with the rule on and fails with the rule switched off.

``event.plausible-year``'s examples give the archive's publication dates, a sentence, the year
it dates and whether the timeline keeps it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pytest

from sitegen.resolve.plausible import PlausibleYears
from sitegen.rules import Rule, all_rules, running

EVENT_RULES = [r for r in all_rules() if r.stage == "event"]
CASES = [
    pytest.param(r, example, id=f"{r.id}-{index}")
    for r in EVENT_RULES
    for index, example in enumerate(r.examples)
]


def _holds(example: Mapping[str, Any]) -> bool:
    span = PlausibleYears.of(dt.date.fromisoformat(day) for day in example["published"])
    assert span is not None
    return span.keeps(example["year"], example["sentence"]) == example["kept"]


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_example_holds_because_of_its_rule(rule: Rule, example: Mapping[str, Any]) -> None:
    assert _holds(example), f"{rule.id}: {dict(example)}"
    with running(disabled=[rule.id]):
        # a kept year stays kept with the rule off; a dropped one comes back
        assert _holds(example) == example["kept"], f"{rule.id} off changes nothing: {example}"
