"""`clean_text`: raw extracted text -> clean text + offset map + footnotes + pages."""

from __future__ import annotations

import logging
from collections import defaultdict

from vesika.clean.debris import Structure, analyse, find_markers, page_labels
from vesika.clean.hyphenation import Hyphenation
from vesika.clean.lines import Lines
from vesika.clean.result import Cleaned, Footnote
from vesika.clean.whitespace import Flow, Writer
from vesika.model.document import Span
from vesika.model.offsets import OffsetMap

log = logging.getLogger(__name__)


def clean_text(raw: str, language: str = "", *, page_breaks: list[int] | None = None) -> Cleaned:
    """Clean `raw` (a text layer or a plain text) for analysis.

    `language` picks the word list for hyphenation (`tr`, `ota-Latn`, `en`, ...; by script when
    empty or unknown). `page_breaks` are raw offsets where a new page starts, as a PDF reader
    reports them; without them pages are found from form feeds or, when the text shows a PDF
    layout (running headers, footnote blocks), from the layout itself.
    """
    if not raw.strip():
        return Cleaned(text="", offsets=OffsetMap(), body_end=0)
    # Form feeds become line breaks of the working text (same length, so offsets hold); every
    # one starts a page, which makes it a gap: the clean text never copies one.
    work = raw.replace("\f", "\n") if "\f" in raw else raw
    lines = Lines(work)
    breaks = _break_lines(raw, lines, page_breaks)
    st = analyse(lines, breaks, whole_pages=page_breaks is not None)
    writer = Writer(raw)
    writer.removed.extend((p, p + 1, "page-break") for p in _form_feeds(raw))
    for i, reason in sorted(st.skip.items()):
        if reason != "footnote":
            writer.removed.append((lines.starts[i], lines.end(i), reason))
    hyph = Hyphenation(language)
    markers = find_markers(lines, st)
    body = Flow(writer, lines, hyph)
    pages = _write_body(lines, st, body, markers)
    body_end = writer.pos
    notes, last_flow = _write_footnotes(lines, st, writer, hyph, body, markers)
    if writer.pos and _ends_with_newline(raw):
        # The text's final newline, copied when it follows the last line written.
        nl = lines.end(last_flow.last)
        if raw[nl : nl + 1] == "\n":
            writer.copy(nl, nl + 1)
        else:
            writer.put("\n", len(raw), len(raw))
        if not notes:
            body_end = writer.pos
    writer.removed.sort()
    cleaned = Cleaned(
        text=writer.text(),
        offsets=writer.offsets,
        body_end=body_end,
        footnotes=notes,
        pages=pages,
        removed=writer.removed,
    )
    log.debug(
        "cleaned %d -> %d chars: %d pages, %d footnotes, %d removals",
        len(raw), len(cleaned.text), len(pages), len(notes), len(writer.removed),
    )
    return cleaned


def _form_feeds(raw: str) -> list[int]:
    out, p = [], raw.find("\f")
    while p >= 0:
        out.append(p)
        p = raw.find("\f", p + 1)
    return out


def _break_lines(raw: str, lines: Lines, page_breaks: list[int] | None) -> set[int]:
    """Lines that begin a page: after each form feed, and at (or, mid-line, just after) each
    of the caller's page breaks."""
    out = {lines.index(p) + 1 for p in _form_feeds(raw)}
    for p in page_breaks or ():
        if 0 < p < len(raw):
            i = lines.index(p)
            out.add(i if lines.starts[i] == p else i + 1)
    return {i for i in out if 0 < i < lines.n}


def _ends_with_newline(raw: str) -> bool:
    return raw.rstrip(" \t\r\f\v")[-1:] == "\n"


def _write_body(
    lines: Lines, st: Structure, flow: Flow, markers: list[tuple[int, int, int]]
) -> list[Span]:
    skip, breaks, starts = st.skip, st.breaks, lines.starts
    by_line: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for start, end, _ in markers:
        by_line[lines.index(start)].append((start, end))
    page_lines = st.page_lines
    page_start: list[int | None] = [None] * len(page_lines)
    page_end = [0] * len(page_lines)
    next_page, current = 0, -1  # the next page to begin; the page being written
    next_line = page_lines[0] if page_lines else lines.n  # the line where it begins
    entered = False  # crossed into a new page since the last line written
    special = breaks | skip.keys() | by_line.keys()
    feed, w = flow.feed, flow.w
    for i in range(lines.n):
        if i >= next_line:
            while next_page < len(page_lines) and page_lines[next_page] <= i:
                next_page += 1
            next_line = page_lines[next_page] if next_page < len(page_lines) else lines.n
            entered = True
        if i in special:
            if i in breaks or i in skip:
                flow.mark_gap(starts[i])
                if i in skip:
                    continue
            before = w.pos
            written = feed(i, by_line.get(i, ()))
        else:
            before = w.pos
            written = feed(i)
        if written and entered:
            if current >= 0:
                page_end[current] = before
            current = next_page - 1
            page_start[current] = flow.line_start
            entered = False
    flow.flush()
    if current >= 0:
        page_end[current] = flow.w.pos
    labels = page_labels(st)
    return [
        Span(start, page_end[k], "page", labels[k])
        for k, start in enumerate(page_start)
        if start is not None and page_end[k] > start
    ]


def _write_footnotes(
    lines: Lines,
    st: Structure,
    writer: Writer,
    hyph: Hyphenation,
    body: Flow,
    markers: list[tuple[int, int, int]],
) -> tuple[list[Footnote], Flow]:
    """Append the footnotes after the body; returns them and the flow that wrote last."""
    marker_at = {k: body.marks.get(start) for start, _, k in markers}
    notes: list[Footnote] = []
    flow = body
    for k, note in enumerate(st.notes):
        first = lines.starts[note.first]
        if writer.pos:
            writer.put("\n\n" if k == 0 else "\n", first, first)
        flow = Flow(writer, lines, hyph)
        text_start = writer.pos + note.text_offset
        for i in range(note.first, note.end):
            flow.feed(i)
        flow.flush()
        notes.append(Footnote(str(note.number), text_start, writer.pos, marker_at.get(k)))
    return notes, flow
