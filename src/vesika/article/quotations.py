"""Where an article quotes a primary document: quotations and translated annexes.

Two shapes cover what historians print:

* a **quotation**: text between quotation marks (“…”, «…», German „…“), long enough to be a
  document rather than a phrase, and not built into the author's sentence by a case suffix on
  its closing mark (``…”nı düşünüyordu``). Multi-paragraph quotations follow either
  convention — every paragraph opens with a quotation mark and only the last one closes, or one
  pair spans the paragraphs. Straight and curly marks may be mixed (``"Bolşeviklik …
  imkânsızdır.”``). Quotation marks inside a reference (a quoted article title) do not open a
  document.
* a **set-off block** without quotation marks: paragraphs, or lines (one section per line),
  after an introducing paragraph that ends with a colon, closed by a reference standing at the
  start of a line of its own — ``… include the following:`` / ``AMENDMENT I`` … /
  ``(Senate Legislative Journal, …)``; ``… s’ouvre sur les articles suivants :`` /
  ``Section 1. …`` / ``Section 2. …`` / ``(Convention de Virginie, …)``;
* an **annex**: a block introduced by ``Tercüme:`` (``Translation:``, ``Traduction :``,
  ``Übersetzung:``), which runs to the source note ``(Kaynak: …)`` that closes it, plus an
  annotation of the annex (``Dikkat:``, ``Not:``, ``Note:``) just after that note. Its
  heading (``EK II``, ``A. Türk Milliyetçilerin …``) comes before the first numbered item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vesika.lang.parens import parenthesized

MIN_QUOTATION = 120  # characters: shorter quotations are phrases of the article's own sentences
_OPEN = "“«„"
_CLOSE = "”»"
# German quotes „…“: its closing mark is the English opening one, so a quotation opened by „
# also closes with “ (and with ”, as Swiss and some German typesetting write it). Duden, Die
# deutsche Rechtschreibung, Textverarbeitung (Anführungszeichen).
_ALSO_CLOSES = {"„": "“"}
_ANNEX = re.compile(r"^[ \t]*(?:Tercüme|Çeviri|Translation|Traduction|Übersetzung)\s*:[ \t]*$",
                    re.MULTILINE | re.IGNORECASE)
_SOURCE_NOTE = re.compile(r"\(\s*(?:Kaynak|Source|Quelle)\s*:", re.IGNORECASE)
_NOTE_LABEL = re.compile(r"\s*(?:Dikkat|Not|Note|N\.\s?B\.|Nota|Anmerkung)\s*:", re.IGNORECASE)
_SEPARATOR = re.compile(r"^[ \t]*[-–—_=*]{3,}[ \t]*$", re.MULTILINE)
_NUMBERED = re.compile(r"^\s*(?:\(?\d+[).\-–—]|\d+\s*[-–—])", re.MULTILINE)
# A Turkish case suffix written on the closing mark (``… bir mahzuru olamayacağı”nı
# düşünüyordu``): the quoted words are a noun phrase of the author's own sentence — reported
# speech or thought cut to fit it — not the text of a document.
_EMBEDDED = re.compile(r"[’']?(?:n[ıiuü]n|n?[dt][ae]n?|y?l[ae]|[ny]?[ıiuüae]n?|[dt][ıiuü]r)"
                       r"(?![^\W\d_])")


@dataclass(frozen=True)
class Block:
    """A quoted document's place in the article: `start`/`end` bound its text (quotation marks
    excluded); `heading` is the annex's heading span, if any."""

    start: int
    end: int
    shape: str  # quotation | annex
    heading: tuple[int, int] | None = None
    source_note: tuple[int, int] | None = None  # the (Kaynak: …) parenthesis of an annex


def quotations(text: str, start: int = 0, end: int | None = None,
               references: list[tuple[int, int]] | None = None,
               warnings: list[str] | None = None) -> list[Block]:
    """Quotations of at least MIN_QUOTATION characters in `text[start:end]`, outside the spans
    in `references`. A quotation mark that never closes is reported in `warnings`."""
    stop = len(text) if end is None else end
    skip = references or []
    out: list[Block] = []
    unclosed: list[int] = []
    opened = -1
    closers = _CLOSE
    i = start
    while i < stop:
        ch = text[i]
        if opened < 0:
            if _opens(text, i) and not any(a <= i < b for a, b in skip):
                opened, closers = i + 1, _CLOSE + _ALSO_CLOSES.get(ch, "")
        elif ch in closers or (ch == '"' and i > opened and not text[i - 1].isspace()):
            if _letters(text[opened:i]) >= MIN_QUOTATION and not _EMBEDDED.match(text, i + 1):
                out.append(Block(opened, i, "quotation"))
            opened = -1
        elif ch in _OPEN and not _paragraph_start(text, i):
            # a new opening mark mid-paragraph while open: the last quotation never closed
            unclosed.append(opened - 1)
            opened, closers = i + 1, _CLOSE + _ALSO_CLOSES.get(ch, "")
        elif ch == "\n" and i + 1 < stop and text[i + 1] == "\n" and _paragraph_ends_quote(
                text, i, stop, closers):
            unclosed.append(opened - 1)
            opened = -1
        i += 1
    if opened >= 0:
        unclosed.append(opened - 1)
    if warnings is not None:
        warnings.extend(f"a quotation opened at character {at} never closes; it is not taken"
                        " as a document" for at in unclosed)
    return out


def _opens(text: str, i: int) -> bool:
    ch = text[i]
    if ch in _OPEN:
        return True
    return ch == '"' and (i == 0 or not text[i - 1].isalnum()) and i + 1 < len(text) \
        and (text[i + 1].isalnum() or text[i + 1] in "…(")


def _paragraph_start(text: str, i: int) -> bool:
    return i == 0 or text[max(0, i - 2):i].endswith("\n") or not text[:i].strip()


def _paragraph_ends_quote(text: str, i: int, stop: int, closers: str = _CLOSE) -> bool:
    """A blank line ends an open quotation unless the next paragraph continues it: it opens
    with a quotation mark, or the quotation closes further on (with one of `closers`) before
    another one opens."""
    j = i
    while j < stop and text[j].isspace():
        j += 1
    if j < stop and text[j] in _OPEN:
        return False
    close = min((text.find(c, j) for c in closers + '"' if text.find(c, j) >= 0), default=-1)
    reopen = min((text.find(c, j) for c in _OPEN if c not in closers and text.find(c, j) >= 0),
                 default=-1)
    return close < 0 or (0 <= reopen < close)


def _letters(s: str) -> int:
    return sum(1 for c in s if c.isalpha())


MAX_BLOCK = 8000  # characters: a set-off block longer than this has no closing reference in sight


def set_off_blocks(text: str, references: list[tuple[int, int]], end: int | None = None
                   ) -> list[Block]:
    """Unquoted blocks of two lines or more: after a paragraph ending with a colon, up to a
    reference that opens a line of its own. Without that closing reference nothing is taken."""
    stop = len(text) if end is None else end
    starts = {a for a, _ in references}
    out = []
    for m in re.finditer(r":[ \t]*(?:\([^()]*\)[ \t]*)?\n[ \t]*\n", text[:stop]):
        body_start = m.end()
        while body_start < stop and text[body_start].isspace():
            body_start += 1
        if body_start >= stop or text[body_start] in _OPEN + '"' or _ANNEX.match(text, body_start):
            continue
        for line in re.finditer(r"\n[ \t]*\(", text[body_start:min(stop, body_start + MAX_BLOCK)]):
            opening = body_start + line.end() - 1
            if opening in starts:
                block_end = body_start + line.start()
                # Several paragraphs, or several lines (one section or article per line, no
                # blank line between): a single paragraph could be the author's own prose.
                if "\n" in text[body_start:block_end].strip():
                    out.append(Block(body_start, block_end, "quotation"))
                break
    return out


def annexes(text: str, end: int | None = None) -> list[Block]:
    """Translated annexes: from the first numbered item after ``Tercüme:`` to the source note,
    plus a following ``Dikkat:`` paragraph; the heading is the text between."""
    stop = len(text) if end is None else end
    out = []
    for m in _ANNEX.finditer(text, 0, stop):
        note = _SOURCE_NOTE.search(text, m.end(), min(stop, m.end() + 12000))
        limit = note.start() if note else _end_of_numbered_run(text, m.end(), stop)
        first = _NUMBERED.search(text, m.end(), limit)
        if first is None:
            continue
        body_start = first.start() + len(first.group()) - len(first.group().lstrip())
        heading = _trim_separators(text, m.end(), body_start)
        body_end = _trim_separators(text, body_start, limit)[1]
        source_note = None
        if note:
            closing = next(((a, b) for a, b in parenthesized(text, note.start(), stop)
                            if a == note.start()), None)
            if closing:
                source_note = closing
                after = _skip_separators(text, closing[1], stop)
                if _NOTE_LABEL.match(text, after):
                    paragraph_end = text.find("\n\n", after)
                    body_end = paragraph_end if paragraph_end >= 0 else stop
        out.append(Block(body_start, body_end, "annex",
                         heading if heading[1] > heading[0] else None, source_note))
    return out


def _end_of_numbered_run(text: str, start: int, stop: int) -> int:
    """Without a source note: the annex ends with the paragraph after its last numbered item."""
    items = [m.start() for m in _NUMBERED.finditer(text, start, stop)]
    if not items:
        return start
    last = items[0]
    for pos in items[1:]:
        if pos - last > 1500:
            break
        last = pos
    paragraph_end = text.find("\n\n", last)
    return paragraph_end if paragraph_end >= 0 else stop


def _trim_separators(text: str, a: int, b: int) -> tuple[int, int]:
    segment = _SEPARATOR.sub(lambda m: " " * len(m.group()), text[a:b])
    lead = len(segment) - len(segment.lstrip())
    trail = len(segment) - len(segment.rstrip())
    return a + lead, b - trail


def _skip_separators(text: str, pos: int, stop: int) -> int:
    while pos < stop:
        m = _SEPARATOR.match(text, pos)
        if m:
            pos = m.end()
        elif text[pos].isspace():
            pos += 1
        else:
            break
    return pos
