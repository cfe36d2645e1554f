"""Checks on the hand-made gold table of date expressions (tests/data/dates/expressions.tsv).

The table was typed by reading the texts; these tests only check that it is consistent with the
files it points into and with vesika's own EDTF reading. See tests/data/dates/README.md.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from vesika.model import parse_edtf

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "tests" / "data" / "dates" / "expressions.tsv"

COLUMNS = [
    "id", "file", "text", "context", "kind", "edtf", "earliest", "latest", "precision",
    "calendar", "approximate", "split", "note",
]
KINDS = {"event", "citation", "relative", "duration_or_other"}
PRECISIONS = {"day", "month", "year", "interval"}
CALENDARS = {"gregorian", "julian", "rumi", "hijri"}
ID = re.compile(r"^(?P<group>[a-z]+)-(?P<n>\d{3})$")


def _rows() -> list[dict[str, str]]:
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    body = [line for line in lines if not line.startswith("#")]
    reader = csv.reader(body, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    assert header == COLUMNS
    rows = []
    for n, fields in enumerate(reader, start=2):
        assert len(fields) == len(COLUMNS), f"line {n}: {len(fields)} fields"
        rows.append(dict(zip(COLUMNS, fields, strict=True)))
    return rows


ROWS = _rows()


def _collapse(s: str) -> str:
    return " ".join(s.split())


@cache
def _text_of(rel: str) -> str:
    path = ROOT / rel
    text = path.read_text(encoding="utf-8")
    if rel.startswith("tests/data/corpora/"):
        # The first line of a corpus file is a metadata header, not the text.
        text = text.split("\n", 1)[1]
    return _collapse(text)


def _ids(rows: list[dict[str, str]]) -> list[str]:
    return [r["id"] for r in rows]


def test_table_loads_and_is_large_enough() -> None:
    assert len(ROWS) >= 200


def test_ids_unique_and_well_formed() -> None:
    ids = _ids(ROWS)
    assert len(ids) == len(set(ids))
    for i in ids:
        assert ID.match(i), i


def test_files_exist_and_are_relative() -> None:
    for r in ROWS:
        assert not r["file"].startswith("/"), r["id"]
        assert (ROOT / r["file"]).is_file(), r["id"]


@pytest.mark.parametrize("row", ROWS, ids=_ids(ROWS))
def test_text_and_context_occur_in_file(row: dict[str, str]) -> None:
    text, context = row["text"], row["context"]
    assert text and text == _collapse(text)
    assert context and context == _collapse(context)
    assert text in context, "context must contain the expression"
    assert len(context.split()) >= 3
    body = _text_of(row["file"])
    assert text in body
    # The context tells repeated expressions apart: it occurs once in the file.
    assert body.count(context) == 1, f"context occurs {body.count(context)} times"


def test_contexts_distinct_within_file() -> None:
    seen = {(r["file"], r["context"], r["text"]) for r in ROWS}
    assert len(seen) == len(ROWS)


@pytest.mark.parametrize("row", ROWS, ids=_ids(ROWS))
def test_columns_in_allowed_sets(row: dict[str, str]) -> None:
    assert row["kind"] in KINDS
    assert row["calendar"] in CALENDARS
    assert row["approximate"] in {"true", "false"}
    assert row["split"] in {"dev", "heldout"}
    if row["kind"] == "duration_or_other" and not row["edtf"]:
        assert row["earliest"] == row["latest"] == row["precision"] == ""
    else:
        assert row["precision"] in PRECISIONS
    if row["kind"] == "relative":
        assert row["note"], "a relative date says what it was resolved from"


@pytest.mark.parametrize(
    "row", [r for r in ROWS if r["edtf"]], ids=_ids([r for r in ROWS if r["edtf"]])
)
def test_edtf_parses_to_the_stated_interval(row: dict[str, str]) -> None:
    fd = parse_edtf(row["edtf"])
    assert fd.earliest == date.fromisoformat(row["earliest"])
    assert fd.latest == date.fromisoformat(row["latest"])
    expected = fd.precision
    assert row["precision"] == expected
    if "/" not in row["edtf"]:
        assert row["edtf"] == fd.edtf


def test_every_kind_is_present() -> None:
    assert {r["kind"] for r in ROWS} == KINDS


def test_split_rule_and_ratio() -> None:
    held = 0
    for r in ROWS:
        m = ID.match(r["id"])
        assert m, r["id"]
        expected = "heldout" if int(m["n"]) % 4 == 0 else "dev"
        assert r["split"] == expected, r["id"]
        held += r["split"] == "heldout"
    ratio = held / len(ROWS)
    assert 0.20 <= ratio <= 0.30, ratio


def test_heldout_spread_over_groups_and_kinds() -> None:
    held = [r for r in ROWS if r["split"] == "heldout"]
    groups = {ID.match(r["id"])["group"] for r in ROWS}  # type: ignore[index]
    assert {ID.match(r["id"])["group"] for r in held} == groups  # type: ignore[index]
    assert {r["kind"] for r in held} == KINDS
