"""sitegen explain and the review page's first section: the rules behind a page, undone."""

from __future__ import annotations

from pathlib import Path

import yaml

from sitegen.explain import check_first, doubts, explanation, find_entities, kind_share
from sitegen.model import Decision, Entity, EntityMention
from sitegen.overrides import parse_overrides
from tests.helpers import run_sitegen, write


def entity(name: str, mentions: int, *decisions: Decision, kind: str = "person") -> Entity:
    return Entity(
        id=f"{kind}:{name.lower().replace(' ', '-')}",
        kind=kind,  # type: ignore[arg-type]
        name=name,
        page=f"people/{name.lower()}.md",
        aliases=("Miller",),
        mentions=tuple(EntityMention("a", n, n + 1, name, 0) for n in range(mentions)),
        decisions=decisions,
    )


JOINED = Decision(
    "join.person-by-evidence", "'Miller' of article b joined 'Anna Miller': a shared title"
)


def test_explanation_lists_kind_joins_title_and_the_override_that_undoes_a_join() -> None:
    anna = entity(
        "Anna Miller",
        3,
        Decision("kind.tagger-label", "votes person +3"),
        JOINED,
        Decision("title.most-articles-full-name", "titled 'Anna Miller'"),
    )
    lines = explanation(anna)
    assert lines[0] == "Anna Miller (person) · person:anna-miller · people/anna miller.md"
    assert "kind:" in lines and "joins:" in lines and "title:" in lines
    assert f"  join.person-by-evidence: {JOINED.detail}" in lines
    undo = "\n".join(lines[lines.index("to undo a join, in sitegen.yml:") + 1 : -1])
    overrides = parse_overrides(undo)  # what it prints is a valid overrides file
    (step,) = overrides.operations
    assert step.args["entity"] == "person:anna-miller"
    assert step.args["into"] == [{"name": "Miller", "texts": ["Miller"], "articles": ["b"]}]
    assert lines[-1] == "or switch the rule off: disabled_rules: [join.person-by-evidence]"


def test_a_name_with_quotes_and_colons_stays_valid_yaml() -> None:
    odd = Decision("join.shorter-name-in-longer", "'Ma: \"Zed\" #1' of 1 article(s) is in 'X'")
    lines = explanation(entity("X", 2, odd, kind="organization"))
    undo = "\n".join(lines[lines.index("to undo a join, in sitegen.yml:") + 1 : -1])
    data = yaml.safe_load(undo)
    assert data["split"][0]["into"][0]["texts"] == ['Ma: "Zed" #1']


def test_check_first_orders_the_doubtful_by_mentions_and_tells_what_is_in_doubt() -> None:
    sure = entity("Sure Thing", 50, Decision("kind.tagger-label", "votes person +50"))
    joined = entity("Anna Miller", 5, JOINED)
    split = entity("Split Kind", 9, Decision("kind.tagger-label", "votes person +5, place +4"))
    assert kind_share(split) == 5 / 9 and doubts(sure) == []
    assert check_first([sure, joined, split]) == [
        (split, ["kind 56% sure"]),
        (joined, ["join.person-by-evidence"]),
    ]


def test_find_entities_by_id_name_or_alias() -> None:
    anna = entity("Anna Miller", 1)
    assert find_entities([anna], "person:anna-miller") == [anna]
    assert find_entities([anna], "anna miller") == [anna]
    assert find_entities([anna], "MILLER") == [anna]
    assert find_entities([anna], "Nobody") == []


def test_explain_command_names_the_rule_that_joined_a_name(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Foreign Minister Anna Miller met the envoy in Paris.\n")
    write(tmp_path / "b.txt", "Foreign Minister Miller said the talks went well. Miller left.\n")
    done = run_sitegen("explain", "Anna Miller", str(tmp_path), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "join.person-by-evidence: 'Miller' of article b joined 'Anna Miller'" in done.stdout
    assert "kind.person-title: votes person +" in done.stdout
    missing = run_sitegen("explain", "Nobody", str(tmp_path), cwd=tmp_path)
    assert missing.returncode == 1 and "no page for 'Nobody'" in missing.stderr
