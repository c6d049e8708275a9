"""Archive inputs: saved pages, feeds, WARC archives, JSON arrays, configurable record fields,
duplicates, and what the export and the article page say about them."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitegen.config import load_settings
from sitegen.errors import ConfigError, InputError
from sitegen.ingest import read_articles, read_file
from sitegen.ingest.records import RecordFields
from tests.helpers import run_sitegen, write

WEB = Path(__file__).parent / "fixtures" / "web"
SOURCES = WEB / "sources.jsonl"
BOILERPLATE = ("Quince", "Related news", "Privacy policy", "Main page", "Share this", "edited")


def original(title: str) -> list[str]:
    """The paragraphs of the Wikinews record a fixture was made from, whitespace collapsed
    (trafilatura writes a no-break space as a space)."""
    records = [json.loads(line) for line in SOURCES.open(encoding="utf-8")]
    record = next(r for r in records if r["title"] == title)
    return [" ".join(line.split()) for line in record["text"].splitlines() if line.strip()]


def paragraphs_of(article) -> list[str]:
    return [article.block_text(b) for b in article.blocks if b.kind != "headline"]


def test_html_page_gives_main_text_and_metadata_without_boilerplate() -> None:
    [article] = read_articles([WEB / "lion-air.html"])
    assert article.id == "lion-air" and article.text_source == "html:main-text"
    assert (
        article.title == "Lion Air disaster: Crashed jet's voice recorder recovered from Java Sea"
    )
    assert article.published == dt.date(2019, 1, 16)
    assert article.authors == ("Wikinews contributors",)
    assert article.url is not None and article.url.startswith("https://en.wikinews.org/wiki/")
    assert not [word for word in BOILERPLATE if word in article.text]
    assert paragraphs_of(article) == original(article.title)  # every paragraph, in order
    assert article.blocks[0].kind == "headline"


def test_page_dated_only_in_its_text_and_htm_suffix() -> None:
    [article] = read_articles([WEB / "koszalin-fire.htm"])
    assert article.published == dt.date(2019, 1, 5)
    assert not [word for word in BOILERPLATE if word in article.text]


def test_page_without_article_text_is_an_error_naming_it(tmp_path: Path) -> None:
    page = write(
        tmp_path / "empty.html",
        "<html><head><title>Loading</title></head><body><script>go()</script></body></html>",
    )
    with pytest.raises(InputError, match=r"empty\.html: no article text found"):
        read_articles([page])


def test_feed_uses_full_content_and_says_when_only_a_summary(caplog) -> None:
    with caplog.at_level(logging.WARNING):
        articles = read_articles([WEB / "wikinews.rss"])
    assert [a.text_source for a in articles] == ["feed:content", "feed:content", "feed:summary"]
    assert "1 of 3 entries have only a summary" in caplog.text
    cruz = articles[0]
    assert cruz.path.endswith("wikinews.rss#1") and cruz.source == "Wikinews"
    assert cruz.published == dt.date(2019, 1, 6) and cruz.url and "Ted_Cruz" in cruz.url
    assert paragraphs_of(cruz) == original(cruz.title)
    assert len(articles[2].blocks) == 1  # the summary: the first paragraph only


def test_atom_feed_and_broken_feed(tmp_path: Path) -> None:
    atom = write(
        tmp_path / "news.atom",
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>'
        "<entry><title>Storm hits coast</title><link href='https://example.org/storm'/>"
        "<updated>2021-03-04T10:00:00Z</updated><author><name>Ann Lee</name></author>"
        "<content type='html'>&lt;p&gt;A storm hit the coast.&lt;/p&gt;&lt;p&gt;Ten homes were "
        "damaged.&lt;/p&gt;</content></entry></feed>",
    )
    [article] = read_articles([atom])
    assert article.title == "Storm hits coast" and article.authors == ("Ann Lee",)
    assert article.published == dt.date(2021, 3, 4) and article.source == "Desk"
    assert paragraphs_of(article) == ["A storm hit the coast.", "Ten homes were damaged."]
    broken = write(tmp_path / "broken.xml", "this is no feed at all")
    with pytest.raises(InputError, match=r"broken\.xml: not an RSS or Atom feed"):
        read_articles([broken])


def write_warc(path: Path, records: list[tuple[str, str, str, bytes]], rec_type: str = "response"):
    """A gzipped WARC of (url, status, content type, payload) responses, plus a request."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, status, media_type, payload in records:
            headers = StatusAndHeaders(status, [("Content-Type", media_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url, rec_type, payload=io.BytesIO(payload), http_headers=headers
                )
            )
            request = StatusAndHeaders(
                "GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "request", payload=io.BytesIO(b""), http_headers=request
                )
            )
    return path


def test_warc_gives_one_article_per_html_response(tmp_path: Path) -> None:
    lion = (WEB / "lion-air.html").read_bytes()
    fire = (WEB / "koszalin-fire.htm").read_bytes().replace(b'<link rel="canonical"', b"<link ")
    warc = write_warc(
        tmp_path / "crawl.warc.gz",
        [
            ("https://en.wikinews.org/wiki/Lion", "200 OK", "text/html; charset=utf-8", lion),
            ("https://example.org/logo.png", "200 OK", "image/png", b"\x89PNG"),
            ("https://example.org/gone", "404 Not Found", "text/html", b"<html>gone</html>"),
            ("https://news.example.org/fire", "200 OK", "text/html", fire),
        ],
    )
    articles = read_articles([warc])
    assert [a.path for a in articles] == [f"{warc}#1", f"{warc}#7"]
    assert articles[0].url and "Lion_Air" in articles[0].url  # the page's canonical URL
    assert articles[1].url == "https://news.example.org/fire"  # else the record's
    assert [a.text_source for a in articles] == ["html:main-text"] * 2
    assert not [w for a in articles for w in BOILERPLATE if w in a.text]
    [page] = read_articles([WEB / "lion-air.html"])
    assert articles[0].text == page.text


def test_damaged_warc_names_the_record_and_keeps_what_came_before(tmp_path: Path) -> None:
    lion = (WEB / "lion-air.html").read_bytes()
    warc = write_warc(
        tmp_path / "crawl.warc.gz", [("https://a.example/x", "200 OK", "text/html", lion)]
    )
    data = warc.read_bytes()
    warc.write_bytes(data + b"garbage, not a WARC record\n")
    items = list(read_file(warc))
    assert not isinstance(items[0], InputError)
    assert isinstance(items[-1], InputError) and f"{warc}#3: not a readable WARC record" in str(
        items[-1]
    )
    assert len(read_articles([warc], keep_going=True)) == 1
    with pytest.raises(InputError):
        read_articles([warc])


def test_json_array_is_streamed_record_by_record(tmp_path: Path) -> None:
    records = [json.loads(line) for line in SOURCES.open(encoding="utf-8")][:3]
    path = write(
        tmp_path / "export.json", json.dumps(records[:2] + [["no"], {"title": "x"}] + records[2:])
    )
    items = list(read_file(path))
    errors = [str(item) for item in items if isinstance(item, InputError)]
    assert errors == [
        f"{path}#3: a record must be a JSON object, not an array",
        f"{path}#4: no text in field 'text'",
    ]
    articles = read_articles([path], keep_going=True)
    assert [a.title for a in articles] == [r["title"] for r in records]
    assert [a.path for a in articles] == [f"{path}#1", f"{path}#2", f"{path}#5"]


def test_broken_json_array_ends_with_an_error_naming_the_record(tmp_path: Path) -> None:
    path = write(tmp_path / "cut.json", '[{"id": "a", "text": "One story."}, {"id": "b", "tex')
    items = list(read_file(path))
    assert not isinstance(items[0], InputError)
    assert str(items[1]).startswith(f"{path}#2: not valid JSON (")
    single = write(tmp_path / "one.json", '{"id": "a", "text": "One story."}')
    with pytest.raises(InputError, match=r"one\.json: a \.json archive must be one JSON array"):
        read_articles([single])


def test_record_field_names_are_configurable(tmp_path: Path) -> None:
    path = write(
        tmp_path / "cms.jsonl",
        json.dumps(
            {
                "uuid": "s-1",
                "headline": "Storm hits coast",
                "body": "A storm hit.",
                "date": "2021-03-04",
                "link": "https://example.org/storm",
            }
        )
        + "\n",
    )
    fields = RecordFields(text="body", title="headline", published="date", url="link", id="uuid")
    [article] = read_articles([path], fields=fields)
    assert (article.id, article.title, article.published, article.url) == (
        "s-1",
        "Storm hits coast",
        dt.date(2021, 3, 4),
        "https://example.org/storm",
    )
    assert article.text_source == "record:body"
    with pytest.raises(InputError, match="no text in field 'text'"):
        read_articles([path])
    settings = load_settings(
        {"fields": {"text": "body", "title": "headline"}}, tmp_path, seeds=(path,)
    )
    assert settings.fields == RecordFields(text="body", title="headline")
    with pytest.raises(ConfigError) as error:
        load_settings({"fields": {"txt": "body", "title": 3}}, tmp_path, seeds=(path,))
    assert str(error.value).splitlines() == [
        "sitegen: option 'fields' has no key 'txt' (one of text, title, published, url, "
        "source, authors, id)",
        "sitegen: option 'fields': 'title' must name a field, not 3",
    ]


def test_duplicates_keep_the_fullest_copy_and_say_which(tmp_path: Path, caplog) -> None:
    folder = tmp_path / "in"
    (folder).mkdir()
    for name in ("lion-air.html", "wikinews.rss"):
        (folder / name).write_bytes((WEB / name).read_bytes())
    (folder / "z-lion-air-copy.html").write_bytes((WEB / "lion-air.html").read_bytes())
    feed = (WEB / "wikinews.rss").read_text(encoding="utf-8")
    summary_of_cruz = feed.replace("<content:encoded>", "<!--").replace("</content:encoded>", "-->")
    write(folder / "z-summaries.rss", summary_of_cruz)
    with caplog.at_level(logging.INFO):
        articles = read_articles([folder])
    assert len(articles) == 4  # a page and its copy; three entries and their summaries
    kept = {a.path for a in articles}
    assert f"{folder / 'lion-air.html'}" in kept  # the first of equal copies
    assert f"{folder / 'wikinews.rss'}#1" in kept  # the full text beats its summary
    assert (
        f"{folder / 'z-summaries.rss'}#1: the same article as {folder / 'wikinews.rss'}#1 "
        "(same URL https://en.wikinews.org/wiki/Senator_Ted_Cruz" in caplog.text
    )
    assert (
        f"{folder / 'z-lion-air-copy.html'}: the same article as {folder / 'lion-air.html'}"
        in caplog.text
    )
    assert "4 duplicate articles dropped" in caplog.text


def test_check_validates_every_format(tmp_path: Path) -> None:

    folder = tmp_path / "seeds"
    folder.mkdir()
    for name in ("lion-air.html", "wikinews.rss"):
        (folder / name).write_bytes((WEB / name).read_bytes())
    (folder / "z-lion-again.htm").write_bytes((WEB / "lion-air.html").read_bytes())
    write_warc(
        folder / "crawl.warc.gz",
        [("https://x.example/a", "200 OK", "text/html", (WEB / "koszalin-fire.htm").read_bytes())],
    )
    write(folder / "export.json", '[{"id": "a", "text": "Story."}, {"id": "b"}]')
    write(folder / "cms.jsonl", '{"id": "c", "text": "Story two."}\n{"id": \n')
    write(folder / "empty.html", "<html><body><script>go()</script></body></html>")
    write(folder / "broken.xml", "no feed")
    ok = run_sitegen("check", str(folder / "lion-air.html"), str(folder / "wikinews.rss"))
    assert ok.returncode == 0, ok.stderr
    result = run_sitegen("check", str(folder), cwd=tmp_path)
    assert result.returncode == 1
    errors = sorted(line for line in result.stderr.splitlines() if line.startswith("error: "))
    assert errors[1:] == [
        f"error: {folder}/cms.jsonl:2:7: not valid JSON (Expecting value)",
        f"error: {folder}/empty.html: no article text found in the page (only boilerplate)",
        f"error: {folder}/export.json#2: no text in field 'text'",
    ]
    assert errors[0].startswith(f"error: {folder}/broken.xml: not an RSS or Atom feed (")
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert f"warning: {folder}/z-lion-again.htm: the same article as {folder}/lion-air.html" in (
        "\n".join(warnings)
    )


def test_export_and_page_of_an_extracted_text(nlp) -> None:
    from sitegen.build import Options, build_knowledge
    from sitegen.export import export_knowledge
    from sitegen.render import render_site

    kb = build_knowledge(
        [WEB / "lion-air.html", WEB / "wikinews.rss"], Options(cache_dir=None), nlp
    )
    data = export_knowledge(kb)
    texts = {article["id"]: article for article in data["articles"]}
    page = texts["lion-air"]
    assert page["text_source"] == "html:main-text" and page["url"].startswith("https://")
    assert page["text"] == kb.article("lion-air").text  # the extracted text the offsets index
    for paragraph in page["paragraphs"]:
        assert page["text"][paragraph["start"] : paragraph["end"]].strip()
    mentions = [m for e in data["entities"] for m in e["mentions"]]
    assert len(mentions) > 20
    for mention in mentions:
        text = texts[mention["article"]]["text"]
        assert text[mention["start"] : mention["end"]] == mention["text"]
    markdown = dict(render_site(kb))["articles/lion-air.md"]
    assert f"[Original]({page['url']})" in markdown
    assert "{: #p2 }" in markdown or "#p2" in markdown


def test_a_bad_file_among_good_ones_is_named_and_the_others_still_build(tmp_path: Path) -> None:

    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "lion-air.html").write_bytes((WEB / "lion-air.html").read_bytes())
    write(folder / "empty.html", "<html><body><script>go()</script></body></html>")
    failed = run_sitegen("generate", str(folder), "--docs-dir", "docs", cwd=tmp_path)
    assert failed.returncode == 1
    assert failed.stderr.strip().endswith(
        f"{folder}/empty.html: no article text found in the page (only boilerplate)"
    )
    built = run_sitegen("generate", str(folder), "--docs-dir", "docs", "--keep-going", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert f"{folder}/empty.html: no article text found" in built.stderr
    assert (tmp_path / "docs" / "articles" / "lion-air.md").is_file()
