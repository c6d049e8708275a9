"""A page's aliases (``sitegen.resolve.aliases``): odd one-offs and lower-case leads left out."""

from __future__ import annotations

import pytest

from sitegen.resolve.aliases import page_aliases
from sitegen.rules import running


def test_a_titled_name_after_lower_case_words_is_no_alias() -> None:
    titled = ["de Zelmar Quorn e de usar dinheiro", "de Zelmar Quorn", "President Zelmar Quorn"]
    aliases = page_aliases("Zelmar Quorn", ["Zelmar Quorn"] * 3, titled)
    assert aliases == ["President Zelmar Quorn"]


def test_without_the_rule_the_lower_case_lead_stays() -> None:
    with running(disabled=["title.no-odd-alias"]):
        aliases = page_aliases("Zelmar Quorn", ["Zelmar Quorn"] * 3, ["de Zelmar Quorn"])
    assert aliases == ["de Zelmar Quorn"]


@pytest.mark.parametrize("particle_name", ["Charles de Gaulle", "Osama bin Laden"])
def test_a_name_particle_inside_a_titled_name_stays(particle_name: str) -> None:
    aliases = page_aliases(particle_name, [particle_name] * 2, [f"General {particle_name}"])
    assert aliases == [f"General {particle_name}"]


def test_a_name_cut_at_a_middle_initial_once_is_no_alias() -> None:
    written = ["Zelmar K. Quorn"] * 3 + ["K. Quorn", "Quorn", "Quorn"]
    assert page_aliases("Zelmar K. Quorn", written) == ["Quorn"]


def test_a_name_cut_at_a_middle_initial_twice_stays() -> None:
    written = ["Zelmar K. Quorn"] * 3 + ["K. Quorn"] * 2
    assert page_aliases("Zelmar K. Quorn", written) == ["K. Quorn"]
