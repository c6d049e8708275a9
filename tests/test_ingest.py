"""Readers: .txt + sidecar, .md with front matter, body structure, bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitegen.errors import InputError
from sitegen.ingest import find_articles, read_article, read_articles, read_file
from tests.helpers import write

SEED_LIKE = (
    "Prime Minister Jane Doe of Freedonia will arrive in Sylvania on Wednesday.\n"
    "Ms. Doe is traveling with ministers.\n"
    "Trade and Tariffs\n"
    "Freedonia is Sylvania's second-largest export market.\n"
    "John Roe is the bureau chief for The Daily Planet.\n"
    "The post Freedonia Seeks a New Path appeared first on Daily Planet.\n\n\n"
)


def test_txt_with_sidecar_reads_metadata(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", SEED_LIKE)
    write(tmp_path / "a.yml", "published: 2026-01-13\nauthors: [Someone Else]\n")
    article = read_article(tmp_path / "a.txt")
    assert article.published == dt.date(2026, 1, 13)
    assert article.authors == ("Someone Else",)
    assert article.id == "a"


def test_footer_gives_title_and_source_and_is_dropped(tmp_path: Path) -> None:
    article = read_article(write(tmp_path / "a.txt", SEED_LIKE))
    assert article.title == "Freedonia Seeks a New Path"
    assert article.source == "Daily Planet"
    assert all("appeared first" not in article.block_text(b) for b in article.blocks)


def test_bio_line_gives_author(tmp_path: Path) -> None:
    article = read_article(write(tmp_path / "a.txt", SEED_LIKE))
    assert article.authors == ("John Roe",)


def test_short_unpunctuated_line_is_a_heading(tmp_path: Path) -> None:
    article = read_article(write(tmp_path / "a.txt", SEED_LIKE))
    kinds = {article.block_text(b): b.kind for b in article.blocks}
    assert kinds["Trade and Tariffs"] == "heading"
    assert kinds["Ms. Doe is traveling with ministers."] == "paragraph"


def test_block_offsets_index_the_file_text(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\ntitle: T\n---\nFirst line here.\n\nSecond one.\n")
    article = read_article(path)
    text = path.read_text(encoding="utf-8")
    assert [text[b.start : b.end] for b in article.blocks] == ["First line here.", "Second one."]


def test_markdown_front_matter_and_headline_dateline(tmp_path: Path) -> None:
    path = write(
        tmp_path / "b.md",
        '---\ntitle: "Big news today"\npublished: 2008-03-27\nsource: Wire\n---\n'
        "Big news today\nMarch 27, 2008\n\nSomething happened.\n",
    )
    article = read_article(path)
    assert article.title == "Big news today"
    assert article.source == "Wire"
    assert [b.kind for b in article.blocks] == ["headline", "dateline", "paragraph"]


def test_bom_and_crlf_are_read(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_bytes("\ufeffOne sentence.\r\nAnother sentence.\r\n".encode())
    article = read_article(path)
    assert [article.block_text(b) for b in article.blocks] == [
        "One sentence.",
        "Another sentence.",
    ]


def test_invalid_utf8_names_file_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Caf\xe9 society.\n")
    with pytest.raises(InputError, match=r"bad\.txt: not valid UTF-8 at byte 3"):
        read_article(path)


def test_malformed_front_matter_names_file_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path / "m.md", "---\ntitle: ok\npublished: [2020\n---\nBody.\n")
    with pytest.raises(InputError, match=r"m\.md:\d+:\d+: metadata is not valid YAML"):
        read_article(path)


def test_invalid_published_date_is_a_warning(tmp_path: Path, caplog) -> None:
    write(tmp_path / "d.txt", "Body text.\n")
    write(tmp_path / "d.yml", "published: yesterday\n")
    article = read_article(tmp_path / "d.txt")
    assert article.published is None
    assert "not a YYYY-MM-DD date" in caplog.text


def test_folder_reads_articles_in_order_and_skips_sidecars(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "B.\n")
    write(tmp_path / "a.md", "A.\n")
    write(tmp_path / "a.yml", "title: x\n")
    assert [p.name for p in find_articles([tmp_path])] == ["a.md", "b.txt"]
    assert [a.id for a in read_articles([tmp_path])] == ["a", "b"]


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        find_articles([tmp_path / "nope"])


ARCHIVE_SAMPLE = Path(__file__).parent / "fixtures" / "archive" / "wikinews-sample.jsonl"


def test_json_lines_archive_reads_one_article_per_record() -> None:
    articles = read_articles([ARCHIVE_SAMPLE])
    assert len(articles) == 60 and len({article.id for article in articles}) == 60
    first = articles[0]
    assert first.id == "wn-736" and first.path == f"{ARCHIVE_SAMPLE}:1"
    assert first.title == "President of China lunches with Brazilian President"
    assert first.published == dt.date(2004, 11, 13)
    assert first.text.startswith("Brazil Hu Jintao") and first.blocks
    assert any(article.url and "wikinews.org" in article.url for article in articles)


def test_json_lines_bad_records_name_their_line_and_the_others_still_read(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path / "feed.jsonl",
        '{"id": "a", "title": "One", "text": "First story."}\n'
        "\n"
        '{"id": "b", "text": \n'
        '["not", "an", "object"]\n'
        '{"id": "c", "title": "No text"}\n'
        '{"id": "a", "title": "Again", "text": "Second story.", "published": "2020-02-30"}\n',
    )
    with pytest.raises(InputError, match=r"feed\.jsonl:3:\d+: not valid JSON"):
        read_articles([path])
    articles = read_articles([path], keep_going=True)
    assert [article.title for article in articles] == ["One", "Again"]
    assert articles[0].id == "a" and articles[1].id.startswith("a-")
    assert articles[1].published is None  # an impossible date is a warning, not an error
    errors = [str(item) for item in read_file(path) if isinstance(item, InputError)]
    assert errors == [
        f"{path}:3:20: not valid JSON (Expecting value)",
        f"{path}:4: a record must be a JSON object, not an array",
        f"{path}:5: no text in field 'text'",
    ]


def test_json_lines_record_without_id_takes_its_title_or_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "dump.jsonl",
        '{"title": "Storm hits coast", "text": "A storm hit."}\n{"text": "Untitled."}\n',
    )
    assert [article.id for article in read_articles([path])] == ["storm-hits-coast", "dump-2"]
