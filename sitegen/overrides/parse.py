"""Reading the curation file (``sitegen.yml``): YAML nodes -> typed operations with locations.

Every problem is reported as ``FILE:LINE:COLUMN: message``. The format::

    merge:   [{into: ENTITY, from: [ENTITY, ...]}]
    split:   [{entity: ENTITY, into: [{name: NAME, kind: KIND, texts: [...], articles: [...]}]}]
    rename:  [{entity: ENTITY, to: NAME}]
    kind:    [{entity: ENTITY, kind: person|organization|place}]
    aliases: [{entity: ENTITY, add: [...], drop: [...]}]
    reject:  [{entity: ENTITY} | {topic: TOPIC}]
    roles:   [{entity: ENTITY, roles: [...]}]
    dates:   [{article: ARTICLE_ID, phrase: "on Wednesday", date: 2026-01-14}]
    topics:  [{name: "Trade war", patterns: ["tariff", "trade war", "counter-?tariffs?"],
               subject: economy}]
    disabled_rules: [join.rare-longer-variant, ...]   # rule ids (`sitegen rules`) switched off

``topics`` are curated topics (threads): a plain word or phrase matches whole words (plural
too), anything else is a case-insensitive regular expression. They take precedence over the
topics found in the text. ``subject`` (optional) files the thread under one of IPTC's 17
subjects, named by its qcode, its name or the name's first word ("economy", "politics").

ENTITY is an entity id (``person:mark-carney``) or its name.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sitegen.dates import event_date
from sitegen.errors import ConfigError
from sitegen.model import ENTITY_KINDS
from sitegen.resolve.taxonomy import find_subject, subjects
from sitegen.resolve.topics import CuratedTopic

DISABLED_RULES = "disabled_rules"
"""The key of the rules switched off (not a curation step: a switch of the extraction)."""
OPERATIONS = ("topics", "merge", "split", "rename", "kind", "aliases", "reject", "roles", "dates")
"""Top-level keys, in the order they are applied."""

FIELDS: dict[str, tuple[set[str], set[str]]] = {
    # operation: (required keys, optional keys)
    "merge": ({"into", "from"}, set()),
    "split": ({"entity", "into"}, set()),
    "rename": ({"entity", "to"}, set()),
    "kind": ({"entity", "kind"}, set()),
    "aliases": ({"entity"}, {"add", "drop"}),
    "reject": (set(), {"entity", "topic"}),
    "roles": ({"entity", "roles"}, set()),
    "dates": ({"article", "phrase", "date"}, set()),
    "topics": ({"name", "patterns"}, {"subject"}),
}
PART_FIELDS = ({"name"}, {"kind", "texts", "articles"})


@dataclass(frozen=True)
class Operation:
    """One curation step from the file."""

    op: str
    """One of OPERATIONS."""
    where: str
    """``FILE:LINE:COLUMN`` of the step, for messages."""
    args: dict[str, Any] = field(default_factory=dict)
    """The step's validated fields (strings, lists of strings, split parts as dicts)."""


@dataclass(frozen=True)
class Overrides:
    """Every curation step of a project, in application order."""

    operations: tuple[Operation, ...] = ()
    source: str = ""
    disabled_rules: tuple[tuple[str, str], ...] = ()
    """Rule ids switched off, each with the ``FILE:LINE:COLUMN`` it is written at."""

    @property
    def disabled_rule_ids(self) -> frozenset[str]:
        return frozenset(rule_id for rule_id, _ in self.disabled_rules)


def curated_topics(overrides: Overrides) -> tuple[CuratedTopic, ...]:
    """The curated topics an overrides file declares, in file order."""
    return tuple(
        CuratedTopic(
            op.args["name"],
            tuple(op.args["patterns"]),
            find_subject(op.args.get("subject", "")) or "",
        )
        for op in overrides.operations
        if op.op == "topics"
    )


def load_overrides(path: Path | None) -> Overrides:
    """Read and validate a curation file; no file means no overrides."""
    if path is None:
        return Overrides()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the overrides file ({exc})") from exc
    return parse_overrides(text, str(path))


def parse_overrides(text: str, source: str = "sitegen.yml") -> Overrides:
    """Parse the YAML text of a curation file named ``source``."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{source}:{mark.line + 1}:{mark.column + 1}" if mark else source
        raise ConfigError(f"{where}: not valid YAML ({exc.problem})") from exc
    if root is None:
        return Overrides(source=source)
    reader = _Reader(source)
    operations = reader.operations(root)
    if reader.problems:
        raise ConfigError("\n".join(reader.problems))
    order = {op: index for index, op in enumerate(OPERATIONS)}
    operations.sort(key=lambda operation: order[operation.op])
    return Overrides(
        operations=tuple(operations), source=source, disabled_rules=tuple(reader.disabled)
    )


class _Reader:
    """Walks the node tree, collecting operations and every problem with its location."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[str] = []
        self.loader = yaml.SafeLoader("")
        self.disabled: list[tuple[str, str]] = []

    def where(self, node: yaml.Node) -> str:
        mark = node.start_mark
        return f"{self.source}:{mark.line + 1}:{mark.column + 1}"

    def fail(self, node: yaml.Node, message: str) -> None:
        self.problems.append(f"{self.where(node)}: {message}")

    def operations(self, root: yaml.Node) -> list[Operation]:
        if not isinstance(root, yaml.MappingNode):
            self.fail(root, f"expected a mapping with keys {', '.join(OPERATIONS)}")
            return []
        found = []
        for key_node, value in root.value:
            key = self.loader.construct_object(key_node)
            if key == DISABLED_RULES:
                self.rule_ids(value)
                continue
            if key not in FIELDS:
                expected = ", ".join((*OPERATIONS, DISABLED_RULES))
                self.fail(key_node, f"unknown key {key!r}; expected one of {expected}")
                continue
            if not isinstance(value, yaml.SequenceNode):
                self.fail(value, f"'{key}' must be a list of steps (each line starting with '- ')")
                continue
            for item in value.value:
                args = self.mapping(item, *FIELDS[key], what=f"a '{key}' step")
                if args is not None and self.check(key, item, args):
                    found.append(Operation(key, self.where(item), args))
        return found

    def rule_ids(self, node: yaml.Node) -> None:
        """``disabled_rules``: ids of registered rules."""
        from sitegen.rules import all_rules  # imports every stage: only when the key is used

        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, f"'{DISABLED_RULES}' must be a list of rule ids")
            return
        known = {rule.id for rule in all_rules()}
        for item in node.value:
            rule_id = self.string(item, "disabled_rules")
            if rule_id and rule_id not in known:
                self.fail(item, f"unknown rule id {rule_id!r} (`sitegen rules` lists them)")
            elif rule_id:
                self.disabled.append((rule_id, self.where(item)))

    def mapping(
        self, node: yaml.Node, required: set[str], optional: set[str], what: str
    ) -> dict[str, Any] | None:
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"{what} must be a mapping with keys {', '.join(sorted(required))}")
            return None
        args: dict[str, Any] = {}
        for key_node, value in node.value:
            key = self.loader.construct_object(key_node)
            if key not in required | optional:
                allowed = ", ".join(sorted(required | optional))
                self.fail(key_node, f"unknown key {key!r} in {what}; expected {allowed}")
                return None
            args[key] = value
        missing = sorted(required - set(args))
        if missing:
            self.fail(node, f"{what} needs {', '.join(repr(m) for m in missing)}")
            return None
        return args

    def check(self, op: str, node: yaml.Node, args: dict[str, Any]) -> bool:
        """Convert the nodes in ``args`` to values in place; False after reporting a problem."""
        before = len(self.problems)
        if op == "reject" and len(args) != 1:
            self.fail(node, "a 'reject' step needs exactly one of 'entity' or 'topic'")
            return False
        for key, value in list(args.items()):
            if key in {"from", "add", "drop", "roles", "texts", "articles"}:
                args[key] = self.strings(value, key)
            elif key == "patterns":
                args[key] = self.patterns(value)
            elif key == "into" and op == "split":
                args[key] = self.parts(value)
            elif key == "date":
                args[key] = self.date(value)
            else:
                args[key] = self.string(value, key)
        if op == "topics" and "subject" in args and find_subject(args["subject"]) is None:
            names = ", ".join(subject.name.split(",")[0].split(" ")[0] for subject in subjects())
            message = f"subject {args['subject']!r} is not one of IPTC's 17 subjects ({names})"
            self.fail(args_node(node, "subject"), message)
        if op == "kind" and args.get("kind") not in ENTITY_KINDS and len(self.problems) == before:
            self.fail(args_node(node, "kind"), f"kind must be one of {', '.join(ENTITY_KINDS)}")
        return len(self.problems) == before

    def string(self, node: yaml.Node, key: str) -> str:
        value = self.loader.construct_object(node, deep=True)
        if not isinstance(value, str | int | float) or isinstance(value, bool) or value == "":
            self.fail(node, f"'{key}' must be a non-empty text")
            return ""
        return str(value)

    def strings(self, node: yaml.Node, key: str) -> list[str]:
        if isinstance(node, yaml.ScalarNode):
            return [self.string(node, key)]
        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, f"'{key}' must be a text or a list of texts")
            return []
        return [self.string(item, key) for item in node.value]

    def patterns(self, node: yaml.Node) -> list[str]:
        """Topic patterns: texts that compile as regular expressions."""
        patterns = self.strings(node, "patterns")
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                self.fail(node, f"pattern {pattern!r} is not a valid regular expression ({exc})")
        return patterns

    def date(self, node: yaml.Node) -> str:
        value = self.loader.construct_object(node, deep=True)
        text = value.isoformat() if isinstance(value, dt.date) else str(value)
        if event_date(text) is None:
            self.fail(node, f"date {text!r} is not an ISO date (2026-01-14, 2026-01, 2026)")
        return text

    def parts(self, node: yaml.Node) -> list[dict[str, Any]]:
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.fail(node, "'into' must be a list of new entities, each with a 'name'")
            return []
        parts = []
        for item in node.value:
            part = self.mapping(item, *PART_FIELDS, what="a split part")
            if part is None:
                continue
            converted: dict[str, Any] = {"name": self.string(part["name"], "name")}
            for key in ("texts", "articles"):
                converted[key] = self.strings(part[key], key) if key in part else []
            if "kind" in part:
                converted["kind"] = self.string(part["kind"], "kind")
                if converted["kind"] not in ENTITY_KINDS:
                    self.fail(part["kind"], f"kind must be one of {', '.join(ENTITY_KINDS)}")
            if not converted["texts"] and not converted["articles"]:
                self.fail(item, "a split part needs 'texts' or 'articles' to choose its mentions")
            parts.append(converted)
        return parts


def args_node(node: yaml.Node, key: str) -> yaml.Node:
    """The value node of ``key`` in a mapping node (the node itself when absent)."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if getattr(key_node, "value", None) == key:
                return value
    return node
