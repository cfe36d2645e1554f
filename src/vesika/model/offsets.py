"""Offset map from clean text back to the raw file's text.

Cleaning copies most of the raw text verbatim, drops debris (headers, footnote markers) and
replaces a few stretches (a hyphen + line break joined away, a run of whitespace collapsed).
Rather than one integer per character, the map keeps one entry per piece, so a 50 MB corpus
costs a few bytes per piece, not per character.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass
class OffsetMap:
    # Parallel lists, one entry per piece of clean text, in clean order:
    # clean_starts[i]  where the piece begins in the clean text
    # raw_starts[i]    where the raw text it stands for begins
    # raw_ends[i]      where that raw text ends
    # verbatim[i]      True when the piece is an exact copy (character i -> raw_start + i)
    clean_starts: list[int] = field(default_factory=list)
    raw_starts: list[int] = field(default_factory=list)
    raw_ends: list[int] = field(default_factory=list)
    verbatim: list[bool] = field(default_factory=list)
    clean_length: int = 0

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        m = cls()
        if length:
            m.add(0, length, length, verbatim=True)
        return m

    def add(self, raw_start: int, raw_end: int, clean_len: int, *, verbatim: bool) -> None:
        """Append a piece of `clean_len` clean characters standing for raw[raw_start:raw_end]."""
        if clean_len <= 0:
            return
        if verbatim and clean_len != raw_end - raw_start:
            raise ValueError("a verbatim piece must be as long as its raw text")
        if (
            verbatim
            and self.verbatim
            and self.verbatim[-1]
            and self.raw_ends[-1] == raw_start
        ):
            # Contiguous copies merge into one piece.
            self.raw_ends[-1] = raw_end
        else:
            self.clean_starts.append(self.clean_length)
            self.raw_starts.append(raw_start)
            self.raw_ends.append(raw_end)
            self.verbatim.append(verbatim)
        self.clean_length += clean_len

    def _piece(self, pos: int) -> int:
        if not 0 <= pos < self.clean_length:
            raise IndexError(f"clean offset {pos} outside 0..{self.clean_length}")
        return bisect_right(self.clean_starts, pos) - 1

    def raw_offset(self, pos: int) -> int:
        """Raw offset of the clean character at `pos`."""
        i = self._piece(pos)
        if self.verbatim[i]:
            return self.raw_starts[i] + (pos - self.clean_starts[i])
        return self.raw_starts[i]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw (start, end) covering the clean span [start, end)."""
        if start == end:
            if start == self.clean_length:
                return (self.raw_ends[-1], self.raw_ends[-1]) if self.raw_ends else (0, 0)
            r = self.raw_offset(start)
            return r, r
        i = self._piece(end - 1)
        if self.verbatim[i]:
            raw_end = self.raw_starts[i] + (end - self.clean_starts[i])
        else:
            raw_end = self.raw_ends[i]
        return self.raw_offset(start), raw_end

    def to_json(self) -> list[list[int]]:
        return [
            [c, rs, re_, int(v)]
            for c, rs, re_, v in zip(
                self.clean_starts, self.raw_starts, self.raw_ends, self.verbatim, strict=True
            )
        ] + [[self.clean_length, -1, -1, -1]]

    @classmethod
    def from_json(cls, rows: list[list[int]]) -> OffsetMap:
        m = cls()
        *pieces, last = rows
        for c, rs, re_, v in pieces:
            m.clean_starts.append(c)
            m.raw_starts.append(rs)
            m.raw_ends.append(re_)
            m.verbatim.append(bool(v))
        m.clean_length = last[0]
        return m
