"""Paragraphs, titles, preamble headings and closing formulas of a cleaned text.

A paragraph ends at a blank line, unless the next line starts with a lower-case letter or the
paragraph has a parenthesis still open: text layers of PDFs (the seed article) leave blank
lines inside sentences (`… ile beraber` / blank / `yabancı emperyalizmine …`,
`(Kaynak: … kopyası;` / blank / `Kopenhag’da … verildi.)`), and a real paragraph neither
starts in lower case nor inside a parenthesis.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_BREAK = re.compile(r"\n[ \t\r]*\n\s*")
_WORDCHAR = re.compile(r"[^\W_]")
_FINAL_PUNCT = ".,;:!?…"
_PREAMBLE_HEADING = re.compile(
    r"[ \t]*(?:Preamble|PREAMBLE|Préambule|PRÉAMBULE|Önsöz|ÖNSÖZ|Преамбула|ПРЕАМБУЛА|"
    r"Präambel|PRÄAMBEL)[ \t]*[.:]?[ \t]*(?:\n|$)"
)
# Formulas that open the closing part of an instrument even where its articles run to several
# paragraphs each (the ratification paragraph of the Articles of Confederation).
_CLOSING_CUE = re.compile(
    r"(?:and whereas|in witness whereof|in faith whereof|done at|done in|given at|given under"
    r"|en foi de quoi|fait à|geschehen zu|zu urkund|в удостоверение чего|совершено в)\b",
    re.I,
)
# A title is a short paragraph that does not end a sentence.
_TITLE_MAX_CHARS = 200
_TITLE_MAX_LINES = 3


class Paragraphs:
    """The paragraph breaks of `text[:end]`, found once, for fast lookups by offset."""

    def __init__(self, text: str, end: int) -> None:
        self.text = text
        self._gap_starts: list[int] = []  # where a paragraph's trailing blank line starts
        self._next_starts: list[int] = []  # first character of the paragraph after it
        previous = 0  # start of the stretch before the current blank line
        for m in _BREAK.finditer(text, 0, end):
            gap, nxt = m.start(), m.end()
            # Only the stretch just before the blank line counts: one stray `(` then joins two
            # paragraphs, not every paragraph to the end of the document.
            unclosed = text.count("(", previous, gap) > text.count(")", previous, gap)
            previous = nxt
            if unclosed or (nxt < end and text[nxt].islower()):
                continue
            self._gap_starts.append(gap)
            self._next_starts.append(nxt)

    def count(self, start: int, end: int) -> int:
        """How many paragraphs `text[start:end]` spans (start at a non-space character)."""
        lo = bisect_left(self._gap_starts, start)
        hi = bisect_left(self._next_starts, end)
        # A break counts only when text follows it inside the range.
        return 1 + max(0, hi - lo)

    def spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """The paragraphs of `text[start:end]`, stripped, leaving out those with no letter or
        digit (separator lines such as `-----`, an ellipsis `(…)`)."""
        lo = bisect_left(self._gap_starts, start)
        hi = bisect_left(self._gap_starts, end)
        bounds = [start]
        for i in range(lo, hi):
            bounds.extend((self._gap_starts[i], self._next_starts[i]))
        bounds.append(end)
        out = []
        for a, b in zip(bounds[::2], bounds[1::2], strict=True):
            a, b = strip(self.text, a, b)
            if a < b and _WORDCHAR.search(self.text, a, b):
                out.append((a, b))
        return out


def strip(text: str, start: int, end: int) -> tuple[int, int]:
    """`start`, `end` moved inwards past whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def has_words(text: str, start: int, end: int) -> bool:
    return _WORDCHAR.search(text, start, end) is not None


def preamble_heading_end(text: str, start: int, end: int) -> int | None:
    """Just past a `Preamble` / `Önsöz` / `ПРЕАМБУЛА` heading line at `start`, or None."""
    m = _PREAMBLE_HEADING.match(text, start, end)
    return m.end() if m else None


def title_end(text: str, start: int, end: int) -> int | None:
    """Just past a title paragraph at `start` (short, no final punctuation), or None.

    A paragraph of punctuation only (`-----`) is skipped like a title. A long first paragraph
    may still open with a one-line title (no comma, no final punctuation) when the next line
    starts a new sentence.
    """
    m = _BREAK.search(text, start, end)
    para_end = m.start() if m else end
    a, b = strip(text, start, para_end)
    if a == b:
        return None
    if not has_words(text, a, b):
        return para_end
    block = text[a:b]
    if block[-1] not in _FINAL_PUNCT and len(block) <= _TITLE_MAX_CHARS and (
        block.count("\n") < _TITLE_MAX_LINES
    ):
        return para_end
    first, _, rest = block.partition("\n")
    first = first.rstrip()
    if (
        rest
        and len(first) <= _TITLE_MAX_CHARS // 2
        and first[-1] not in _FINAL_PUNCT
        and "," not in first
        and rest.lstrip()[:1].isupper()
    ):
        return a + len(first)
    return None


def is_closing_cue(text: str, start: int, end: int) -> bool:
    return _CLOSING_CUE.match(text, start, end) is not None
