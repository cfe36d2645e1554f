"""Words that name a kind of document (`data/vocabulary/document_kinds.tsv`)."""

from __future__ import annotations

import re
from functools import lru_cache

from vesika.data import read_rows
from vesika.lang.namekey import letter_key


@lru_cache(maxsize=1)
def _stems() -> list[tuple[str, str]]:
    rows = read_rows("vocabulary/document_kinds.tsv")
    # Longest first: "mukabil teklifname" before "teklifname".
    return sorted(((_key(r["stem"]), r["kind"]) for r in rows), key=lambda s: -len(s[0]))


@lru_cache(maxsize=1)
def _nouns() -> re.Pattern[str]:
    rows = read_rows("vocabulary/document_kinds.tsv")
    stems = sorted({_key(r["stem"]) for r in rows if r["part"] == "noun"}, key=len, reverse=True)
    return re.compile(r"(?<![^\W_])(?P<stem>" + "|".join(map(re.escape, stems)) + r")[^\W\d_]*")


def _key(text: str) -> str:
    # Case and circumflexes go, Turkish letters stay: "şöyle" (thus) is not "söyle-" (say).
    return " ".join(letter_key(text).split())


def document_kind(phrase: str, nearest_end: bool = False) -> str:
    """The kind of document a phrase names (``birinci teklifnamesi (mektup)`` -> proposal), or
    "" when it names none. A word counts when it starts with a listed stem. With `nearest_end`,
    the kind word closest to the end of the phrase wins (``… mukabil teklifnamesi için şunları
    söylemiştir:`` is a speech about a counter-proposal); otherwise the longest stem."""
    folded = " " + _key(phrase)
    best: tuple[int, str] | None = None
    for stem, kind in _stems():
        for m in re.finditer(r"[\s\-(]" + re.escape(stem), folded):
            if not nearest_end:
                return kind
            if best is None or m.start() > best[0]:
                best = (m.start(), kind)
    return best[1] if best else ""


def kind_nouns(phrase: str) -> list[tuple[int, int, str]]:
    """(start, end, stem) of each word of `phrase` that is a noun naming a kind of document
    (``teklifnamesinin`` -> teklifname, ``mukabil teklifnamesi`` -> mukabil teklifname), by
    its offsets in `phrase`. Verbs of saying (``söylemiştir``) are not nouns."""
    return [(m.start(), m.end(), m.group("stem")) for m in _nouns().finditer(letter_key(phrase))]


def is_bare_kind(word: str) -> bool:
    """The word is a listed stem itself, without a suffix (``teklifname``, not ``teklifnameyi``)."""
    folded = _key(word).strip("?.,;: ")
    return any(folded == stem for stem, _ in _stems())
