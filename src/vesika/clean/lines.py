"""The text as lines with their offsets: the unit the cleaner reasons about (PDF text layers
put every header, footnote and page break on lines of its own)."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate


class Lines:
    """`text` split at newlines; `starts[i]` is the offset of line i (`starts[n]` = len + 1)."""

    __slots__ = ("lines", "n", "starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.split("\n")
        self.n = len(self.lines)
        # C-level accumulate: a 10 MB text has ~150k lines, a Python loop would show.
        self.starts = [0, *accumulate(len(line) + 1 for line in self.lines)]

    def end(self, i: int) -> int:
        """Offset just past line i's last character (its newline, if it has one)."""
        return self.starts[i] + len(self.lines[i])

    def blank(self, i: int) -> bool:
        return not self.lines[i].strip()

    def index(self, pos: int) -> int:
        """The line holding offset `pos`."""
        return bisect_right(self.starts, pos) - 1

    def next_nonblank(self, i: int) -> int:
        """The first non-blank line at or after i (n when there is none)."""
        lines = self.lines
        while i < self.n and not lines[i].strip():
            i += 1
        return i

    def prev_nonblank(self, i: int) -> int:
        """The last non-blank line at or before i (-1 when there is none)."""
        lines = self.lines
        while i >= 0 and not lines[i].strip():
            i -= 1
        return i
