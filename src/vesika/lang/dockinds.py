"""Words that name a kind of document (`data/vocabulary/document_kinds.tsv`)."""

from __future__ import annotations

import re
from functools import lru_cache

from vesika.data import read_rows
from vesika.lang.fold import fold


@lru_cache(maxsize=1)
def _stems() -> list[tuple[str, str]]:
    rows = read_rows("vocabulary/document_kinds.tsv")
    # Longest first: "mukabil teklifname" before "teklifname".
    return sorted(((fold(r["stem"]), r["kind"]) for r in rows), key=lambda s: -len(s[0]))


def document_kind(phrase: str) -> str:
    """The kind of document a phrase names (``birinci teklifnamesi (mektup)`` -> proposal), or
    "" when it names none. A word counts when it starts with a listed stem."""
    folded = " " + fold(phrase)
    for stem, kind in _stems():
        if re.search(r"[\s\-(]" + re.escape(stem), folded):
            return kind
    return ""


def is_bare_kind(word: str) -> bool:
    """The word is a listed stem itself, without a suffix (``teklifname``, not ``teklifnameyi``)."""
    folded = fold(word).strip("?.,;: ")
    return any(folded == stem for stem, _ in _stems())
