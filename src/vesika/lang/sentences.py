"""Sentences of running text, for the statements citations support, the sentences that
introduce a quoted document and the statements of the chronology.

A sentence ends at ``.``, ``!`` or ``?`` before a capital or a figure, or at a paragraph break.
After the full stop a closing quotation mark and a note call may stand (``… die Rede war.⁵ Die
…``, ``… done.”[12] The …``), and before it a closing quotation mark (``„religiösen
Ursprungs“.¹²``). Abbreviations and initials (``s.``, ``N. E.``, ``Bd.``) end on a short word and
are not taken as ends; a word of two letters is, unless it is a known abbreviation (``… an. In
der englischen Fassung …`` ends, ``pp. 12`` and ``vs. Napoleon`` do not: `abbreviations.tsv`).
A full stop inside a quotation or a parenthesis ends nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from vesika.data import read_rows
from vesika.lang.parens import parenthesized


def _letters(upper: bool) -> str:
    """The upper- or lower-case letters of the Latin and Cyrillic scripts, for a character
    class."""
    return "".join(c for c in map(chr, range(0x41, 0x530))
                   if c.isalpha() and (c.isupper() if upper else c.islower()))


_UPPER, _LOWER = _letters(True), _letters(False)
_CALL = r"(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|\[\d{1,3}\])?"  # a note call after the full stop
_SENTENCE_END = re.compile(
    rf"(?:(?<=[^\W\d_]{{3}}[.!?])|(?<=[^\W\d_]{{3}}[”“\"’»][.!?])"
    rf"|(?<=(?<![\w.])[{_LOWER}]{{2}}\.))"
    rf"[”“\"’»]?{_CALL}\s+(?=[\"“„«(]?[{_UPPER}0-9])|\n\s*\n")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """Two-letter abbreviations in lower case with their full stop (``pp.``, ``vs.``, ``id.``)."""
    forms = {r["form"] for r in read_rows("vocabulary/abbreviations.tsv")}
    forms |= {r["term"] for r in read_rows("vocabulary/reference_terms.tsv")}
    forms |= {r["form"] for r in read_rows("vocabulary/back_references.tsv")}
    return frozenset(f.lower() for f in forms if re.fullmatch(r"[^\W\d_]{2}\.", f))


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans. A citation in parentheses right after a full stop belongs to the
    sentence before it (`… düşünüyordu. (Karabekir, 2008, s. 61) Ama …`): historians put the
    reference after the statement it supports."""
    spans, start = [], 0
    enclosed = _quotations(text) + parenthesized(text)
    for m in _SENTENCE_END.finditer(text):
        if "\n\n" not in m.group() and (_inside_any(enclosed, m.start())
                                        or _abbreviation_before(text, m.start())):
            continue  # a full stop inside a quotation or a reference ends no sentence
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and text.startswith("(", s):
            first = parenthesized(text, s, e)[:1]
            close = first[0][1] if first and first[0][0] == s else None
            if close is not None:
                out[-1] = (out[-1][0], close)
                s = close
                while s < e and text[s].isspace():
                    s += 1
        if s < e:
            out.append((s, e))
    return out


def _abbreviation_before(text: str, end: int) -> bool:
    """The full stop before `end` closes a word of two letters that is an abbreviation."""
    word = text[max(0, end - 3):end]
    before = text[end - 4] if end >= 4 else " "
    return bool(re.fullmatch(r"[^\W\d_]{2}\.", word)) and not (before.isalnum() or before == ".") \
        and word.lower() in _abbreviations()


def _quotations(text: str) -> list[tuple[int, int]]:
    """Spans between typographic quotation marks (“ … ”, German „ … “), at most 3,000
    characters long."""
    return [m.span() for m in re.finditer(r"“[^“”]{0,3000}”|„[^„“”]{0,3000}[“”]", text)]


def _inside_any(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s < pos < e for s, e in spans)
