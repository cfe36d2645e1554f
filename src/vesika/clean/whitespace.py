"""Writing lines into the clean text: trailing spaces go, single newlines stay, blank lines
become one blank line, line-end hyphens are resolved, and a paragraph broken by a page (header,
footnotes, page-initial space in between) is joined again.

Every written character is recorded in the offset map as it is written: copied text as
verbatim pieces, separators that stand for a longer stretch of raw whitespace as replaced ones.
"""

from __future__ import annotations

from collections.abc import Sequence

from vesika.clean.hyphenation import HYPHENS, Hyphenation
from vesika.clean.lines import Lines
from vesika.model.offsets import OffsetMap

# A page that ends with one of these (closing quotes/brackets aside) ended its paragraph.
_TERMINAL = frozenset(".!?…:")
_CLOSERS = "”\"’'»)]"


class Writer:
    """The clean text under construction and its offset map."""

    __slots__ = ("offsets", "parts", "pos", "raw", "removed")

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.parts: list[str] = []
        self.offsets = OffsetMap()
        self.pos = 0
        self.removed: list[tuple[int, int, str]] = []

    def copy(self, start: int, end: int) -> None:
        if end > start:
            self.parts.append(self.raw[start:end])
            self.offsets.add(start, end, end - start, verbatim=True)
            self.pos += end - start

    def put(self, s: str, raw_start: int, raw_end: int) -> None:
        if s:
            self.parts.append(s)
            self.offsets.add(raw_start, raw_end, len(s), verbatim=False)
            self.pos += len(s)

    def text(self) -> str:
        return "".join(self.parts)


def _word_at(line: str, start: int) -> str:
    """The letters (or the digits) at `start`: `kere` of `kere8`, where 8 is a marker."""
    digits = line[start : start + 1].isdigit()
    end = start
    while end < len(line) and line[end].isalnum() and line[end].isdigit() == digits:
        end += 1
    return line[start:end]


def _word_before(line: str, end: int) -> str:
    """The letters (or the digits) that end at `end`."""
    digits = line[end - 1 : end].isdigit()
    start = end
    while start > 0 and line[start - 1].isalnum() and line[start - 1].isdigit() == digits:
        start -= 1
    return line[start:end]


def ends_paragraph(tail: str) -> bool:
    """Whether text ending in `tail` ends a sentence (`olacaktı.`, `aktarıldı.)`)."""
    tail = tail.rstrip(_CLOSERS)
    return bool(tail) and tail[-1] in _TERMINAL


class Flow:
    """Feeds lines of one running text (the body, or one footnote) into a `Writer`.

    The separator before a line is decided when the line arrives, since it depends on what
    came between: one newline (copied), blank lines (one blank line), a page break with its
    debris (a newline, or a blank line when the page ended a sentence and the next starts
    like a new paragraph), or a hyphen at the previous line's end (joined or kept).
    """

    __slots__ = ("content_end", "gap", "gap_end", "hyph", "hyphen", "last", "line_start",
                 "lines", "marks", "w")

    def __init__(self, writer: Writer, lines: Lines, hyph: Hyphenation) -> None:
        self.w = writer
        self.lines = lines
        self.hyph = hyph
        self.last = -1  # index of the last line written
        self.content_end = 0  # raw end of its content (trailing spaces excluded)
        self.hyphen = -1  # raw offset of a line-end hyphen not yet written
        self.gap = False  # a page break or debris since the last line
        self.gap_end = 0  # raw offset where that debris began
        self.line_start = 0  # clean offset where the last written line's content began
        self.marks: dict[int, int] = {}

    def mark_gap(self, raw_pos: int) -> None:
        """A page boundary or a debris line lies between the last line and the next."""
        if not self.gap:
            self.gap = True
            self.gap_end = max(raw_pos, self.content_end)

    def feed(self, i: int, skips: Sequence[tuple[int, int]] = ()) -> bool:
        """Write line i (False if blank), leaving out the raw (start, end) stretches in `skips`
        (footnote markers); `marks` then maps each one's start to its clean offset."""
        line = self.lines.lines[i]
        content = line.rstrip()
        if not content:
            return False
        base = self.lines.starts[i]
        ce = base + len(content)
        end = ce
        if content[-1] in HYPHENS and len(content) >= 2 and content[-2].isalnum():
            end = ce - 1  # held back: `_separate` decides with the next line
        w = self.w
        plain = not (self.gap or self.hyphen >= 0 or skips or line[0].isspace())
        if plain and i == self.last + 1 and self.last >= 0:
            # The common case, most lines of a text: the previous line's newline and this
            # line's content are one copy.
            self.line_start = w.pos + 1
            w.copy(base - 1, end)
        else:
            lead = 0
            if line[0].isspace():
                if self.gap or self.last < 0:
                    lead = len(content) - len(content.lstrip())  # page-initial indentation
                elif line[0] == " " and not line[1].isspace():
                    lead = 1  # the PDF extractor's page-initial space
            cs = base + lead
            self._separate(i, cs)
            self.line_start = w.pos
            pos = cs
            for start, stop in skips:
                if pos <= start < end:
                    w.copy(pos, start)
                    self.marks[start] = w.pos
                    w.removed.append((start, stop, "footnote-marker"))
                    pos = stop
            w.copy(pos, end)
        self.hyphen = end if end < ce else -1
        self.last, self.content_end, self.gap = i, ce, False
        return True

    def _separate(self, i: int, cs: int) -> None:
        """Write what goes between the last line written and line i, whose content (after
        any leading space dropped) starts at raw offset `cs`."""
        if self.last < 0:
            return
        w, lines = self.w, self.lines
        first = w.raw[cs]
        if self.hyphen >= 0:
            hyphen, self.hyphen = self.hyphen, -1
            if first.isalnum() and (self.gap or i == self.last + 1):
                left = _word_before(lines.lines[self.last], hyphen - lines.starts[self.last])
                right = _word_at(lines.lines[i], cs - lines.starts[i])
                if self.hyph.keep_hyphen(left, right, w.raw[hyphen]):
                    w.copy(hyphen, hyphen + 1)  # `askeri-` + `siyasi`: only the break goes
                else:
                    w.removed.append((hyphen, lines.end(self.last) + 1, "hyphenation"))
                return
            w.copy(hyphen, hyphen + 1)
        if self.gap:
            tail = "".join(w.parts[-2:])[-4:]  # as written: a removed marker does not count
            sep = "\n\n" if ends_paragraph(tail) and not first.islower() else "\n"
            w.put(sep, self.content_end, self.gap_end)
        elif i == self.last + 1:
            nl = lines.end(self.last)
            w.copy(nl, nl + 1)  # the newline itself; trailing spaces before it are skipped
        elif cs - self.content_end == 2:
            w.copy(self.content_end, cs)  # exactly "\n\n": a copy
        else:
            w.put("\n\n", self.content_end, cs)  # blank lines, whatever their spaces

    def flush(self) -> None:
        """Write a hyphen left pending at the end of the text."""
        if self.hyphen >= 0:
            self.w.copy(self.hyphen, self.hyphen + 1)
            self.hyphen = -1
