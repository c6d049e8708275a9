"""Loading the spaCy pipeline."""

from __future__ import annotations

import pytest

from sitegen.errors import PipelineError
from sitegen.nlp.pipeline import load_pipeline, pipeline_id


def test_default_pipeline_loads_an_english_model(nlp) -> None:
    assert nlp.lang == "en"
    assert "ner" in nlp.pipe_names
    assert pipeline_id(nlp).startswith("en_core_web_sm")


def test_missing_model_says_what_to_install() -> None:
    with pytest.raises(PipelineError, match=r"'en_core_web_xx' is not installed; install it with"):
        load_pipeline("en_core_web_xx")
