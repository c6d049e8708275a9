"""Bad articles: encodings, empty files, broken metadata, huge texts, symbolic links."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest
import spacy

from sitegen.build import Options, build_knowledge
from sitegen.errors import InputError
from sitegen.ingest import find_articles, read_article, read_articles
from sitegen.model import Article, Block
from sitegen.nlp.analyze import analyze, split_long_text
from tests.helpers import ruler_pipeline, run_sitegen, write


def test_bom_and_crlf_keep_offsets_into_the_decoded_text(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes("\ufeff---\r\ntitle: T\r\n---\r\nFirst line.\r\nSecond line.\r\n".encode())
    article = read_article(path)
    assert article.title == "T"
    assert [article.block_text(block) for block in article.blocks] == [
        "First line.",
        "Second line.",
    ]
    assert article.text.startswith("---\r\n")


def test_latin1_article_is_an_error_naming_file_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Caf\xe9 au lait.\n".encode("latin-1"))
    with pytest.raises(InputError, match=r"a\.txt: not valid UTF-8 at byte 3 \(invalid"):
        read_article(path)


def test_keep_going_skips_an_unreadable_article_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "bad.txt").write_bytes(b"Bad \xff byte.\n")
    write(tmp_path / "good.txt", "Good text.\n")
    with pytest.raises(InputError):
        read_articles([tmp_path])
    with caplog.at_level(logging.WARNING):
        articles = read_articles([tmp_path], keep_going=True)
    assert [article.id for article in articles] == ["good"]
    assert f"{tmp_path / 'bad.txt'}: not valid UTF-8 at byte 4" in caplog.text
    assert "skipped (--keep-going)" in caplog.text


def test_keep_going_via_cli_builds_the_other_articles(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.txt").write_bytes(b"Bad \xff byte.\n")
    write(tmp_path / "in" / "good.txt", "Ottawa is a city.\n")
    failed = run_sitegen("generate", "in", "--docs-dir", "docs", cwd=tmp_path)
    assert failed.returncode == 1
    assert not (tmp_path / "docs").exists()
    result = run_sitegen("generate", "in", "--docs-dir", "docs", "--keep-going", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "WARNING: in/bad.txt: not valid UTF-8 at byte 4" in result.stderr
    assert (tmp_path / "docs" / "articles" / "good.md").is_file()
    assert not (tmp_path / "docs" / "articles" / "bad.md").exists()


@pytest.mark.parametrize("text", ["", "   \n\t\n", "\ufeff\r\n\r\n"])
def test_empty_article_warns_and_makes_no_page(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, text: str
) -> None:
    write(tmp_path / "empty.txt", text)
    write(tmp_path / "full.txt", "Text.\n")
    with caplog.at_level(logging.WARNING):
        articles = read_articles([tmp_path])
    assert [article.id for article in articles] == ["full"]
    assert "empty.txt: the article is empty; no page is made for it" in caplog.text


def test_malformed_front_matter_exits_1_with_exact_message_and_writes_nothing(
    tmp_path: Path,
) -> None:
    write(tmp_path / "in" / "a.md", "---\ntitle: ok\nsource: [unclosed\n---\nBody.\n")
    result = run_sitegen("generate", "in", "--docs-dir", "docs", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: in/a.md:3:18: metadata is not valid YAML "
        "(expected ',' or ']', but got '<stream end>')"
    )
    assert not (tmp_path / "docs").exists()


def test_malformed_sidecar_exits_1_with_exact_message(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", "Body.\n")
    write(tmp_path / "in" / "a.yml", "title: x\n  bad: indent\n")
    result = run_sitegen("extract", "in", "--json", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: in/a.yml:2:6: metadata is not valid YAML (mapping values are not allowed here)"
    )


def test_unclosed_front_matter_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "---\ntitle: x\nBody.\n")
    with pytest.raises(InputError, match=r"a\.md:1: front matter starts with '---'"):
        read_article(tmp_path / "a.md")


@pytest.mark.parametrize("value", ["yesterday", "2026-13-45", "''"])
def test_invalid_published_warns_and_leaves_relative_dates_undated(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, value: str
) -> None:
    write(tmp_path / "a.md", f"---\npublished: {value}\n---\nThey met on Tuesday in 2025.\n")
    nlp = ruler_pipeline([])
    with caplog.at_level(logging.WARNING):
        kb = build_knowledge([tmp_path / "a.md"], Options(), nlp)
    assert kb.articles[0].published is None
    assert "relative dates stay undated" in caplog.text


def test_symlinked_article_and_sidecar_outside_are_not_followed(tmp_path: Path) -> None:
    outside = write(tmp_path / "outside" / "secret.txt", "Secret text.\n")
    write(tmp_path / "outside" / "secret.yml", "title: Secret title\n")
    seeds = tmp_path / "seeds"
    write(seeds / "real.txt", "Real text.\n")
    (seeds / "link.txt").symlink_to(outside)
    (seeds / "real.yml").symlink_to(tmp_path / "outside" / "secret.yml")
    assert find_articles([seeds]) == [seeds / "real.txt"]
    (article,) = read_articles([seeds])
    assert article.title != "Secret title"


def test_split_long_text_keeps_offsets_and_limits() -> None:
    text = ("A sentence here. " * 50) + ("x" * 300) + " tail"
    pieces = list(split_long_text(text, 100))
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 100 for _, piece in pieces)
    assert all(text[start : start + len(piece)] == piece for start, piece in pieces)
    assert pieces[0][1].endswith(". ")


def test_multi_megabyte_article_is_processed_in_chunks_under_max_length() -> None:
    sentence = "The weather is calm today. " * 99 + "Ottawa is calm. "
    paragraph = sentence * 800  # about 2.2 MB on one line, 800 mentions
    text = paragraph + "\nA short paragraph about Ottawa.\n"
    blocks = (
        Block("paragraph", 0, len(paragraph) - 1, 1),
        Block("paragraph", len(paragraph) + 1, len(text) - 1, 2),
    )
    article = Article(id="big", path="big.txt", text=text, blocks=blocks, title="Big")
    nlp = ruler_pipeline([{"label": "GPE", "pattern": "Ottawa"}])
    nlp.max_length = 20_000
    started = time.perf_counter()
    analysis = analyze([article], nlp, batch_size=64)["big"]
    assert time.perf_counter() - started < 120
    assert len(analysis.mentions) == 801
    assert all(text[m.start : m.end] == "Ottawa" for m in analysis.mentions)
    assert all(s.end - s.start <= nlp.max_length for s in analysis.sentences)
    assert analysis.sentences[-1].block == 1


def test_blank_pipeline_refuses_what_chunking_avoids() -> None:
    nlp = spacy.blank("en")
    nlp.max_length = 1_000
    with pytest.raises(ValueError, match="E088"):
        nlp("word " * 1_000)
