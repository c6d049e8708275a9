"""The test tiers of tests/conftest.py: every test gets exactly one, and the unit tier refuses
what would make it slow."""

from __future__ import annotations

import pytest

from tests.helpers import REPO

TESTS = '''
import subprocess

import pytest
import spacy
from elsewhere import start_a_process


def run_sitegen(*args):
    return None


def test_plain():
    assert True


def test_with_the_model(nlp):
    assert nlp == "model"


def test_calling_a_command():
    run_sitegen("check")


def helper_that_runs_a_process():
    subprocess.run(["true"], check=True)


def test_through_a_helper():
    helper_that_runs_a_process()


@pytest.mark.browser
def test_marked():
    assert True


def test_unit_loading_the_model():
    spacy.load("en_core_web_sm")


def test_unit_starting_a_process():
    start_a_process()
'''

ELSEWHERE = '''
import subprocess


def start_a_process():
    subprocess.run(["true"], check=True)
'''

NLP_FIXTURE = '''

@pytest.fixture
def nlp():
    return "model"
'''


@pytest.fixture
def suite(pytester: pytest.Pytester) -> pytest.Pytester:
    """A test suite with the project's conftest.py (a stand-in ``nlp`` fixture)."""
    conftest = (REPO / "tests" / "conftest.py").read_text(encoding="utf-8")
    pytester.makeconftest(conftest + NLP_FIXTURE)
    pytester.makepyfile(test_example=TESTS, elsewhere=ELSEWHERE)
    return pytester


def selected(suite: pytest.Pytester, expression: str) -> set[str]:
    result = suite.runpytest("--collect-only", "-q", "-m", expression)
    return {line.split("::")[1] for line in result.outlines if "::" in line}


def test_every_test_gets_one_tier_by_fixture_call_or_marker(suite: pytest.Pytester) -> None:
    site = {"test_with_the_model", "test_calling_a_command", "test_through_a_helper"}
    assert selected(suite, "site") == site
    assert selected(suite, "browser") == {"test_marked"}
    assert selected(suite, "unit") == {
        "test_plain",
        "test_unit_loading_the_model",
        "test_unit_starting_a_process",
    }
    assert selected(suite, "not (unit or site or browser)") == set()


def test_a_unit_test_may_not_load_a_model_or_start_a_process(suite: pytest.Pytester) -> None:
    result = suite.runpytest("-m", "unit")
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines(
        [
            "*test_unit_loading_the_model loads the spaCy model en_core_web_sm: mark it `site`*",
            "*test_unit_starting_a_process starts a process: mark it `site`*",
        ]
    )
