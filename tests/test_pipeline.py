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


def test_a_sentences_period_after_a_name_with_an_ampersand_is_split_off(nlp) -> None:
    """spaCy's English suffixes leave the period on "AT&T." (one token, tagged punctuation):
    the pipeline splits it off, so the name is tagged; "S&P 500." and "U.S." are as before."""
    doc = nlp("Orders overwhelmed Apple and AT&T. Later the S&P 500 fell in the U.S.")
    words = [t.text for t in doc]
    assert words[4:7] == ["AT&T", ".", "Later"]
    assert "AT&T" in [ent.text for ent in doc.ents]
    assert words[8:10] == ["S&P", "500"]
    assert words[-1] == "U.S."
