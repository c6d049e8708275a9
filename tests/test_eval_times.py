"""The time evaluation's readers and scorer: TimeML files, HeidelTime's output, value F1."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

import eval_times as ev  # noqa: E402
import heideltime_peer  # noqa: E402
from timeml import Timex, strip_tags  # noqa: E402

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>wsj_0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1989-11-02" functionInDocument="CREATION_TIME">11/02/89</TIMEX3></DCT>
<TEXT>
AT&amp;T <EVENT eid="e1" class="OCCURRENCE">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1989-11-01">yesterday</TIMEX3> that sales rose in <TIMEX3 tid="t2" type="DATE" value="1989-Q3">the third quarter</TIMEX3>.
</TEXT>
</TimeML>
"""  # noqa: E501


def test_a_timeml_folder_is_read_with_offsets_into_the_plain_text(tmp_path: Path) -> None:
    (tmp_path / "wsj_0001.tml").write_text(TML, encoding="utf-8")
    (document,) = ev.load_gold(tmp_path)
    assert document.published == dt.date(1989, 11, 2)
    assert document.text.strip().startswith("AT&T said yesterday")
    for timex in document.timexes:
        assert document.text[timex.start : timex.end] == timex.text
    assert [(t.text, t.value) for t in document.timexes] == [
        ("yesterday", "1989-11-01"),
        ("the third quarter", "1989-Q3"),
    ]


def test_heideltime_output_is_aligned_to_the_text_given() -> None:
    text = "Sales & profit rose on Tuesday."
    marked = (
        '<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'
        'Sales & profit rose on <TIMEX3 tid="t1" type="DATE" value="1990-08-14">Tuesday'
        "</TIMEX3>.\n</TimeML>\n\n"
    )
    (found,) = heideltime_peer._align(text, marked)
    assert text[found.start : found.end] == "Tuesday" and found.value == "1990-08-14"


def test_value_f1_needs_overlap_and_the_same_value() -> None:
    gold = [
        Timex(0, 9, "yesterday", "DATE", "1989-11-01"),
        Timex(20, 27, "quarter", "DATE", "1989-Q3"),
    ]
    system = [
        Timex(0, 9, "yesterday", "DATE", "1989-11-01"),
        Timex(16, 27, "the quarter", "DATE", "1989-Q4"),
    ]
    counts = ev.Counts()
    ev.score("d", system, gold, counts)
    assert (counts.relaxed, counts.strict, counts.value) == (2, 1, 1)
    assert ev.f1(counts.value, counts.system, counts.gold) == 0.5


def test_strip_tags_keeps_the_text_between_tags() -> None:
    text, timexes = strip_tags('a <TIMEX3 type="TIME" value="X">b</TIMEX3> c')
    assert text == "a b c" and timexes == [Timex(2, 3, "b", "TIME", "X")]
