"""Debris of the printed page: running headers and footers, page numbers, footnote blocks and
the footnote markers glued to words in the body.

Every rule here is local: it looks at a line and its neighbours, never at counts over the whole
document, except the repetition test for headers whose layout alone is not conclusive. That
keeps cleaning a stretch of a text consistent with cleaning the whole text.

Speed: candidates are found with str.find over the whole text (three spaces in a row, a run of
underscores, `http`) and only those few lines per page are matched with regexes; no rule here
runs Python code per line of text.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import islice, pairwise

from vesika.clean.lines import Lines

log = logging.getLogger(__name__)

# A line that starts with exactly one space: in PDF text layers (the seed's included) the first
# line of every page does, the rest never do.
_PAGE_LEAD = re.compile(r"\n (?=\S)")
# `Title of the article      127` / `127      Author Name`: a page number set apart from a short
# title by a run of spaces (the extractor's rendering of a header's left/right alignment).
# Only lines holding three spaces in a row are tried (found with str.find).
_NUM_LAST = re.compile(r"(.*?\S)([ \t]{3,})(\d{1,4})")
_NUM_FIRST = re.compile(r"(\d{1,4})([ \t]{3,})(\S.*)")
WIDE_GAP = 20  # a gap this wide is a header by layout alone (the seed's are 80+ spaces)
MAX_HEADER_TEXT = 120
_PAGE_NUMBER_ONLY = re.compile(
    r"[-–—]?\s*(?:(?:page|p\.|sayfa|s\.|seite|стр\.?)\s*)?(\d{1,4})\s*[-–—]?", re.I
)
# The rule above a footnote block: underscores, or (when the extractor lost the drawn rule, as
# in the seed) a line of nothing but spaces, which no typed text produces.
_RULE = re.compile(r"[ \t]*_{10,}[ \t]*|[ \t]{30,}")
_FOOTNOTE_START = re.compile(r"(\d{1,3})[.)]?[ \t]+(?=\S)")
_URL_LINE = re.compile(r"[ \t]*(?:https?://|www\.)\S+[ \t]*")
_LETTER = re.compile(r"[^\W\d_]")

# A marker: digits right after a letter, or after one or two closing punctuation marks that
# follow a letter (`servanda1`, `mektubuyla.2`, `adamdır.”3`), and not followed by a letter or
# digit. After a digit (`no: 2,3`, `1.5`) they are numbers, not markers.
_P = r"[.,;:!?…’'”\"»)\]]"
_GLUED = re.compile(
    rf"(?:(?<=[^\W\d_])|(?<=[^\W\d_]{_P})|(?<=[^\W\d_]{_P}{_P}))(\d{{1,3}})(?!\w)"
)
_WORD_BEFORE = re.compile(r"[^\W\d_]+$")


@dataclass
class Note:
    number: int
    first: int  # line index of `N text`
    end: int  # line index past its last line
    text_offset: int  # where the text starts in its first line (after `N `)
    block: int  # index of its block


@dataclass
class Structure:
    """What the analysis found, by line index."""

    skip: dict[int, str] = field(default_factory=dict)  # line -> reason; not part of the body
    breaks: set[int] = field(default_factory=set)  # lines that start a page (explicit or \f)
    page_lines: list[int] = field(default_factory=list)  # first line of every page, if known
    labels: dict[int, str] = field(default_factory=dict)  # header line -> printed page number
    notes: list[Note] = field(default_factory=list)
    blocks: list[tuple[int, int]] = field(default_factory=list)  # (first, end) line of blocks


def analyse(lines: Lines, breaks: set[int], *, whole_pages: bool = False) -> Structure:
    """Find headers, footers, footnote blocks and pages in `lines`.

    `breaks` are the lines that begin a page according to the caller (PDF page boundaries or
    form feeds); without them pages are inferred from the text when it shows PDF layout.
    `whole_pages`: the text starts at the top of a page and ends at the foot of one (it is a
    reader's page list, not possibly an excerpt).
    """
    st = Structure(breaks=breaks)
    lead = _page_lead_lines(lines)
    headers = _layout_headers(lines, breaks)
    if breaks or whole_pages:
        headers.update(
            _edge_headers(lines, breaks, set(headers), numbers_only=True, whole=whole_pages)
        )
    _footnote_blocks(lines, st, lead | breaks | set(headers))
    if breaks or whole_pages:
        # Recurring titles are looked for among the lines left at the pages' edges once the
        # footnotes are out: footnotes `1 Text` / `2 Text` on two pages must not pass for one.
        headers.update(_edge_headers(lines, breaks, set(headers) | st.skip.keys(),
                                     numbers_only=False, whole=whole_pages))
    for i, (reason, label) in headers.items():
        st.skip[i] = reason
        if label:
            st.labels[i] = label
    _url_footers(lines, st, lead | breaks | set(headers))
    st.page_lines = _page_lines(lines, st, lead, headers, whole_pages)
    return st


def _lines_containing(lines: Lines, literal: str) -> list[int]:
    """Indices of the lines that contain `literal` (str.find: fast over megabytes)."""
    text, starts, index = lines.text, lines.starts, lines.index
    out: list[int] = []
    p = text.find(literal)
    while p >= 0:
        i = index(p)
        out.append(i)
        p = text.find(literal, starts[i + 1])
    return out


def _page_lead_lines(lines: Lines) -> set[int]:
    index = lines.index
    found = {index(m.start() + 1) for m in _PAGE_LEAD.finditer(lines.text)}
    if _PAGE_LEAD.match("\n" + lines.lines[0]):
        found.add(0)
    return found


def _header_parts(line: str) -> tuple[str, str, int] | None:
    """(text, number, gap) of a `text   N` / `N   text` line, or None."""
    stripped = line.strip()
    m = _NUM_LAST.fullmatch(stripped)
    if m:
        text, gap, number = m[1], m[2], m[3]
    else:
        m = _NUM_FIRST.fullmatch(stripped)
        if not m:
            return None
        text, gap, number = m[3], m[2], m[1]
    if len(text) > MAX_HEADER_TEXT or not _LETTER.search(text) or "   " in text:
        return None
    return text, str(int(number)), len(gap)


def _layout_headers(lines: Lines, breaks: set[int]) -> dict[int, tuple[str, str]]:
    """Header/footer lines recognised by layout: title + wide gap + page number (or mirrored),
    on a line of its own; with a narrower gap only when the same title recurs with other
    numbers."""
    found: dict[int, tuple[str, str]] = {}
    candidates: dict[str, list[tuple[int, str]]] = defaultdict(list)
    n = lines.n

    def open_before(i: int) -> bool:
        return i == 0 or i in breaks or lines.blank(i - 1)

    def open_after(i: int) -> bool:
        return i + 1 >= n or i + 1 in breaks or lines.blank(i + 1)

    for i in _lines_containing(lines, "   "):
        parts = _header_parts(lines.lines[i])
        if parts is None:
            continue
        title, number, gap = parts
        if gap >= WIDE_GAP and (open_before(i) or open_after(i)):
            found[i] = (_header_or_footer(lines, i, breaks), number)
        elif open_before(i) and open_after(i):
            candidates[" ".join(title.casefold().split())].append((i, number))
    for group in candidates.values():
        if len({number for _, number in group}) >= 2:
            for i, number in group:
                found[i] = (_header_or_footer(lines, i, breaks), number)
    return found


def _header_or_footer(lines: Lines, i: int, breaks: set[int]) -> str:
    """A footer when the next non-blank line begins a page, else a header."""
    j = lines.next_nonblank(i + 1)
    if j >= lines.n or j in breaks or lines.lines[j][:1] == " ":
        return "running-footer"
    return "running-header"


def _edges(
    lines: Lines, breaks: set[int], skip: set[int], whole: bool
) -> list[tuple[int, int, str, bool, bool]]:
    """(page, line, reason, sure, outer) for the outermost lines of every page, blank and
    already classified lines aside: the first and the last (`outer`, where a lone page number
    stands) and the second (where a title's second line stands).

    `sure`: the line faces a real page boundary. The text's own start and end count as one
    only for `whole` pages (a reader's page list): in a form-feed text they may be where an
    excerpt was cut, and a number left alone on an excerpt's last line is no page number."""
    bounds = [*sorted({0, *breaks}), lines.n]
    last = len(bounds) - 2
    ls = lines.lines
    out: list[tuple[int, int, str, bool, bool]] = []
    for page, (a, b) in enumerate(pairwise(bounds)):
        # Scanned from both ends: a page's middle is never looked at.
        head = list(islice((i for i in range(a, b) if i not in skip and ls[i].strip()), 3))
        if not head:
            continue
        bottom = next(i for i in range(b - 1, a - 1, -1) if i not in skip and ls[i].strip())
        opened, closed = page > 0 or whole, page < last or whole
        top = head[0]
        out.append((page, top, "running-header", opened and (top != bottom or closed), True))
        if len(head) > 2:
            out.append((page, head[1], "running-header", False, False))
        if bottom != top:
            out.append((page, bottom, "running-footer", closed, True))
    return out


def _edge_headers(
    lines: Lines, breaks: set[int], skip: set[int], *, numbers_only: bool, whole: bool
) -> dict[int, tuple[str, str]]:
    """With page boundaries known: page-number-only lines at a page's top or bottom
    (`numbers_only`), or edge lines that recur on several pages with a number that grows with
    the page (a running title `Journal 12` / `Journal 14`; a recurring `Article 3` heading has
    no such number)."""
    found: dict[int, tuple[str, str]] = {}
    groups: dict[str, list[tuple[int, int, str, int]]] = defaultdict(list)
    for page, i, reason, sure, outer in _edges(lines, breaks, skip, whole):
        line = lines.lines[i].strip()
        if numbers_only:
            m = _PAGE_NUMBER_ONLY.fullmatch(line)
            if m and sure and outer:  # a lone number, between the text and a page break
                found[i] = (reason, str(int(m[1])))
            continue
        edge_number = re.match(r"\d{1,4}\b", line) or re.search(r"\b\d{1,4}$", line)
        if edge_number:
            key = " ".join(re.sub(r"\d+", "#", line).casefold().split())
            groups[key].append((page, i, reason, int(edge_number[0])))
    for group in groups.values():
        offsets = Counter(number - page for page, _, _, number in group)
        offset, count = offsets.most_common(1)[0]
        if count >= 2:
            for page, i, reason, number in group:
                if number - page == offset:
                    found[i] = (reason, str(number))
    return found


def _footnote_blocks(lines: Lines, st: Structure, stops: set[int]) -> None:
    """Blocks: a rule, then `N text` lines (N rising by one), each footnote running on over
    the following lines until the next footnote, a page start, a header, or a blank line
    followed by anything that is not the next footnote."""
    ls, n = lines.lines, lines.n
    last = 0
    rules = sorted({*_lines_containing(lines, "_" * 10), *_lines_containing(lines, " " * 30)})
    for rule in rules:
        if rule in st.skip or not _RULE.fullmatch(ls[rule]):
            continue
        first = lines.next_nonblank(rule + 1)
        start = _FOOTNOTE_START.match(ls[first]) if first < n and first not in stops else None
        if start is None or not (int(start[1]) > last or int(start[1]) == 1):
            continue  # numbers rise from block to block, or restart at 1 (a new chapter)
        block = len(st.blocks)
        number, note_first, offset = int(start[1]), first, start.end()
        i = first + 1
        while True:
            if i >= n or i in stops or _RULE.fullmatch(ls[i]):
                end = i
                break
            if not ls[i].strip():
                j = lines.next_nonblank(i)
                nxt = _FOOTNOTE_START.match(ls[j]) if j < n and j not in stops else None
                if nxt is None or int(nxt[1]) != number + 1:
                    end = i
                    break
                i = j
                continue
            nxt = _FOOTNOTE_START.match(ls[i])
            if nxt is not None and int(nxt[1]) == number + 1:
                st.notes.append(Note(number, note_first, i, offset, block))
                number, note_first, offset = int(nxt[1]), i, nxt.end()
            i += 1
        st.notes.append(Note(number, note_first, end, offset, block))
        st.blocks.append((rule, end))
        last = number
        st.skip[rule] = "footnote-rule"
        for k in range(rule + 1, end):
            st.skip[k] = "footnote"
    if st.notes:
        log.debug("footnotes %s in %d blocks", [f.number for f in st.notes], len(st.blocks))


def _url_footers(lines: Lines, st: Structure, starts: set[int]) -> None:
    """A lone URL after a blank line at the foot of a page: a link footnote whose number the
    extractor lost (the seed's `http://www.qdl.qa/`)."""
    urls = {*_lines_containing(lines, "http"), *_lines_containing(lines, "www.")}
    for i in sorted(urls):
        if i in st.skip or i == 0 or not lines.blank(i - 1) or not _URL_LINE.fullmatch(
            lines.lines[i]
        ):
            continue
        j = lines.next_nonblank(i + 1)
        if j < lines.n and (j in starts or j in st.skip):
            st.skip[i] = "url-footer"


def _page_lines(
    lines: Lines,
    st: Structure,
    lead: set[int],
    headers: dict[int, tuple[str, str]],
    whole_pages: bool,
) -> list[int]:
    """First line of every page: from the caller's breaks when given, else inferred when the
    text shows PDF layout (headers or footnote blocks) from page-initial spaces and headers."""
    if st.breaks or whole_pages:
        return sorted({0, *st.breaks})
    if not headers and not st.blocks:
        return []
    starts = {0, *lead}
    starts.update(i for i, (reason, _) in headers.items() if reason == "running-header")
    # A page-initial space inside a footnote block or on a header is not a new page.
    found = sorted(i for i in starts if i == 0 or st.skip.get(i) in (None, "running-header"))
    return found if len(found) > 1 or headers else []  # one unnumbered page says nothing


def page_labels(st: Structure) -> list[str]:
    """The printed number of every page in `st.page_lines` ("" when unknown). When two or more
    pages carry numbers that agree with counting pages, the rest are filled in by counting."""
    pages = st.page_lines
    labels = [""] * len(pages)
    if not pages:
        return labels
    from bisect import bisect_right

    for line, label in st.labels.items():
        labels[bisect_right(pages, line) - 1] = label
    known = [(k, int(label)) for k, label in enumerate(labels) if label]
    offsets = {number - k for k, number in known}
    if len(known) >= 2 and len(offsets) == 1:
        offset = offsets.pop()
        if offset >= 1:
            labels = [str(offset + k) for k in range(len(pages))]
    return labels


def find_markers(lines: Lines, st: Structure) -> list[tuple[int, int, int]]:
    """(start, end, note index) of each footnote's marker in the body: the first glued number
    equal to the footnote's number, after the previous marker and the previous footnote block,
    before the footnote's own block."""
    text, starts = lines.text, lines.starts

    def offset(line: int) -> int:
        return starts[line] if line < lines.n else len(text)

    found: list[tuple[int, int, int]] = []
    low = 0
    for k, note in enumerate(st.notes):
        lo = max(low, offset(st.blocks[note.block - 1][1]) if note.block else 0)
        hi, number = offset(st.blocks[note.block][0]), str(note.number)
        p = text.find(number, lo, hi)
        while p >= 0:
            m = _GLUED.match(text, p)
            p = text.find(number, p + 1, hi)
            if m is None or m[1] != number or lines.index(m.start()) in st.skip:
                continue
            if _LETTER.match(text[m.start() - 1]):
                word = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
                if word is None or word[0] == word[0].upper():
                    continue  # `B2`, `II3`: a designation, not a marker
            found.append((m.start(), m.end(), k))
            low = m.end()
            break
        else:
            log.info("no marker found for footnote %d", note.number)
    return found
