"""The rule registry: every heuristic that decides a kind, a join, a title, a role, a date or a
topic has a stable id, a stage, a one-line description and examples the tests run.

A rule is declared once, at module level, beside the code that applies it::

    ACRONYM_NOT_COUNTRY = rule(
        "kind.acronym-not-country",
        "kind",
        "An acronym tagged a place that spells no country's or region's name is an organization.",
        examples=[{"text": "He spoke at the TAOM in Dallas.", "entity": "TAOM",
                   "kind": "organization"}],
    )

and used where it decides::

    if ACRONYM_NOT_COUNTRY.on and spells_no_region(name):
        ACRONYM_NOT_COUNTRY.fired()
        ...

``rule.on`` is False when the rule is switched off (``disabled_rules:`` in ``sitegen.yml``,
``--disable-rule``); ``rule.fired()`` counts the decision for ``sitegen rules``. Both read the
active :class:`RuleRun`, a context variable a build sets with :func:`running`, so a library
call, a test and a worker process each see their own switches and counts; outside any run
every rule is on and nothing is counted.

An example is a mapping whose keys the tests of the rule's stage know how to check (the text to
analyze, the entity and the kind expected, the phrase and the value, ...); see
``tests/test_rules_*.py``. This module imports only ``sitegen.errors``: every stage may use it.
"""

from __future__ import annotations

import contextvars
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, TypeVar

from sitegen.errors import ConfigError

T = TypeVar("T")

STAGES: tuple[str, ...] = (
    "span",
    "kind",
    "join",
    "title",
    "role",
    "quote",
    "reference",
    "timex",
    "event",
    "topic",
)
"""The stages rules belong to, in the order a build runs them: spans (what the tagger's
entities are mended into), kinds, joins within and across articles, page titles, roles, quote
attribution, references (coreference), time expressions, timeline events, topics."""

RULE_ID = re.compile(r"^[a-z]+(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$")
"""``stage.words-with-hyphens`` (``kind.acronym-not-country``, ``timex.weekday-past-tense``)."""


@dataclass(frozen=True)
class Rule:
    """One registered heuristic."""

    id: str
    """Stable id, ``stage.what-it-does``; never reused for another rule."""
    stage: str
    """One of ``STAGES``."""
    description: str
    """One line: what the rule decides and why."""
    examples: tuple[Mapping[str, Any], ...] = ()
    """Cases the tests run (keys as the stage's tests read them)."""

    @property
    def on(self) -> bool:
        """Whether the rule may decide in the active run (True outside any run)."""
        run = _ACTIVE.get()
        return run is None or self.id not in run.disabled

    def fired(self, times: int = 1) -> None:
        """Count a decision of this rule in the active run (nothing outside any run)."""
        run = _ACTIVE.get()
        if run is not None:
            run.counts[self.id] += times


_REGISTRY: dict[str, Rule] = {}
REGISTRY: Mapping[str, Rule] = MappingProxyType(_REGISTRY)
"""Every rule declared so far, by id (see :func:`all_rules` for all of sitegen's)."""


def rule(
    rule_id: str, stage: str, description: str, examples: Iterable[Mapping[str, Any]] = ()
) -> Rule:
    """Declare and register a rule; an id used twice or malformed is a programming error."""
    if not RULE_ID.match(rule_id) or not rule_id.startswith(stage + "."):
        raise ValueError(f"rule id {rule_id!r} must look like '{stage}.what-it-does'")
    if stage not in STAGES:
        raise ValueError(f"rule {rule_id!r}: unknown stage {stage!r} (one of {STAGES})")
    if rule_id in _REGISTRY:
        raise ValueError(f"rule id {rule_id!r} is declared twice")
    if not description.strip() or "\n" in description.strip():
        raise ValueError(f"rule {rule_id!r}: the description must be one line")
    declared = Rule(rule_id, stage, description.strip(), tuple(dict(e) for e in examples))
    _REGISTRY[rule_id] = declared
    return declared


RULE_MODULES: tuple[str, ...] = ("sitegen.nlp.analyze", "sitegen.resolve", "sitegen.build")
"""Modules whose import declares every rule (each imports the stages it runs)."""


def all_rules() -> list[Rule]:
    """Every rule of sitegen, in stage order then id."""
    import importlib

    for name in RULE_MODULES:
        importlib.import_module(name)
    order = {stage: index for index, stage in enumerate(STAGES)}
    return sorted(_REGISTRY.values(), key=lambda r: (order[r.stage], r.id))


@dataclass
class RuleRun:
    """The switches and counts of one build (or one worker's share of it)."""

    disabled: frozenset[str] = frozenset()
    counts: Counter[str] = field(default_factory=Counter)


_ACTIVE: contextvars.ContextVar[RuleRun | None] = contextvars.ContextVar(
    "sitegen_rules", default=None
)


@contextmanager
def running(disabled: Iterable[str] = ()) -> Iterator[RuleRun]:
    """Run the block with ``disabled`` rules switched off, counting what fires; yields the run.
    A run inside another keeps the outer run's switches too (a test switching a rule off
    around a build, which starts its own run).

    Unknown ids are an error (a typo must not silently leave a rule on)."""
    outer = _ACTIVE.get()
    disabled = frozenset(disabled) | (outer.disabled if outer is not None else frozenset())
    unknown = sorted(disabled - {r.id for r in all_rules()})
    if unknown:
        raise UnknownRuleError(unknown)
    run = RuleRun(disabled)
    token = _ACTIVE.set(run)
    try:
        yield run
    finally:
        _ACTIVE.reset(token)


def active() -> RuleRun | None:
    """The run the current context is in, if any."""
    return _ACTIVE.get()


@contextmanager
def counting() -> Iterator[Counter[str]]:
    """Count what fires inside the block apart from the active run (with its switches): an
    article's analysis keeps its own counts, so a build whose analyses come from the cache
    still knows what its rules did."""
    outer = _ACTIVE.get()
    run = RuleRun(outer.disabled if outer is not None else frozenset())
    token = _ACTIVE.set(run)
    try:
        yield run.counts
    finally:
        _ACTIVE.reset(token)


def add_counts(counts: Mapping[str, int]) -> None:
    """Count in the active run what rules decided elsewhere (a cached result's counts)."""
    run = _ACTIVE.get()
    if run is not None:
        run.counts.update(counts)


def counted_call(compute: Callable[[], T]) -> tuple[T, dict[str, int]]:
    """``compute()``, and what the rules decided in it (counted in the active run too): for
    a result kept to be used again, whose counts are then added again (``add_counts``)."""
    with counting() as counts:
        result = compute()
    fired = dict(counts)
    add_counts(fired)
    return result, fired


def disabled_key() -> str:
    """The rules switched off in the active run, as text for cache keys ("" for none: the
    keys of a build with every rule on are the same as before switches existed)."""
    run = _ACTIVE.get()
    return ",".join(sorted(run.disabled)) if run is not None else ""


class UnknownRuleError(ConfigError):
    """Rule ids that no rule has (``disabled_rules``, ``--disable-rule``)."""

    def __init__(self, ids: list[str]) -> None:
        self.ids = ids
        super().__init__("unknown rule id(s): " + ", ".join(ids) + " (see `sitegen rules`)")


STAGE_TITLES = {
    "span": "Spans: what the tagger's names are mended into",
    "kind": "Kinds: person, organization or place",
    "join": "Joins: one entity, within and across articles",
    "title": "Titles and aliases of pages",
    "role": "Roles",
    "quote": "Quotations and their speakers",
    "reference": "References (coreference)",
    "timex": "Time expressions",
    "event": "Timeline events",
    "topic": "Topics",
}


def reference_markdown(rules: list[Rule]) -> str:
    """The rules reference (``docs/rules.md``): every rule by stage, with its description and
    how many examples the tests run. Made by ``sitegen rules --markdown``."""
    lines = [
        "# Rules reference",
        "",
        "Every heuristic sitegen's extraction decides by is a registered rule "
        "(`sitegen/rules.py`): a stable id, a stage, a one-line description and examples "
        "that the tests run, each with the rule on and off. `sitegen rules` lists them with "
        "how often each fired in the last build; `disabled_rules:` in `sitegen.yml` or "
        "`--disable-rule ID` switches one off; `sitegen explain NAME` shows the rules that "
        "shaped one page.",
        "",
        "This page is generated: `sitegen rules --markdown > docs/rules.md` (a test checks "
        "that it is current).",
        "",
        f"{len(rules)} rules.",
    ]
    for stage in STAGES:
        of_stage = [r for r in rules if r.stage == stage]
        if not of_stage:
            continue
        lines += ["", f"## {STAGE_TITLES[stage]}", "", "| id | what it decides | examples |"]
        lines.append("| --- | --- | --- |")
        for found in of_stage:
            text = found.description.replace("|", "\\|")
            lines.append(f"| `{found.id}` | {text} | {len(found.examples)} |")
    return "\n".join(lines) + "\n"
