"""Shipped knowledge: lexicon, authority files, calendars — human-editable, each entry sourced."""

from __future__ import annotations

import csv
from importlib import resources


def read_rows(relative: str) -> list[dict[str, str]]:
    """The rows of a shipped tab-separated table, `relative` to this package; blank lines and
    lines starting with `#` (the table's notes and sources) are skipped."""
    text = resources.files(__name__).joinpath(relative).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))
