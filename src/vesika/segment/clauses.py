"""Cut a cleaned document into clauses: preamble, numbered clauses, closing paragraphs.

Rules (the tests state them on real documents):

- Numbered clauses start at the markers of `markers.find_markers`; each runs to the next
  marker. `start`/`end` cover the body after the marker, stripped of whitespace.
- `ARTICLE I` with `SECTION. 1.` under it: sections are level 1, labelled `I.1`, parent `I`.
  The article itself is a clause of its own whose body is its text before its first section —
  empty (`start == end`, just past the marker) in the U.S. Constitution. So clauses never
  overlap and every heading keeps its marker.
- Before the first marker: leading title paragraphs (short, no final punctuation) are skipped;
  a `Preamble` heading is the preamble's marker; what remains is the clause `preamble`.
- After the last marker: when most clauses are one paragraph long (treaties, lists of
  conditions), the last clause is its first paragraph and the paragraphs after it are closings
  `p1`, `p2`, … (final paragraph, salutation, signature). When clauses run to several
  paragraphs (the Constitution's sections), the last clause keeps its paragraphs, up to a
  closing formula (`AND WHEREAS`, `In witness whereof`, `Fait à`).
- No markers at all: every paragraph is a clause `p1`, `p2`, … with role "paragraph"; nothing
  is dropped as a title, since there is no structure to tell a title from a short paragraph.
- Labels are unique: numbering that starts again (a number already used since the last
  restart) opens a new part whose labels get `_2`, `_3`, … (`1_2`, `2_2`, …).
"""

from __future__ import annotations

from dataclasses import replace

from vesika.model.document import Clause
from vesika.segment.markers import Marker, find_markers
from vesika.segment.paragraphs import (
    Paragraphs,
    has_words,
    is_closing_cue,
    preamble_heading_end,
    strip,
    title_end,
)

# A document may open with a title, a subtitle and a separator line before its preamble.
_MAX_TITLES = 3


def segment_clauses(text: str, *, language: str = "", body_end: int | None = None) -> list[Clause]:
    """The clauses of `text[:body_end]` (the rest holds footnotes), in document order.

    `language` (BCP-47) is the language number words in markers (`Article One`,
    `Birinci Madde`, `Статья первая`) are read in first; the other supported languages are the
    fallback, since a dossier quotes documents in other languages.
    """
    end = len(text) if body_end is None else max(0, min(body_end, len(text)))
    if not has_words(text, 0, end):
        return []
    paragraphs = Paragraphs(text, end)
    markers = find_markers(text, end, language)
    if not markers:
        return [
            Clause(f"p{i}", 0, None, a, b, role="paragraph")
            for i, (a, b) in enumerate(paragraphs.spans(0, end), 1)
        ]
    out: list[Clause] = []
    preamble = _preamble(text, markers[0].cut)
    if preamble is not None:
        out.append(preamble)
    numbered = _numbered(text, markers, end)
    last, closings = _split_closings(text, numbered, paragraphs)
    out.extend(numbered[:-1])
    out.append(last)
    out.extend(
        Clause(f"p{i}", 0, None, a, b, role="closing") for i, (a, b) in enumerate(closings, 1)
    )
    return out


def _preamble(text: str, cut: int) -> Clause | None:
    pos = 0
    marker, marker_start = "", -1
    for _ in range(_MAX_TITLES + 1):
        pos, _unused = strip(text, pos, cut)
        heading_end = preamble_heading_end(text, pos, cut)
        if heading_end is not None:
            marker, marker_start = text[pos:heading_end].strip(), pos
            pos = heading_end
            break
        after_title = title_end(text, pos, cut)
        if after_title is None:
            break
        pos = after_title
    a, b = strip(text, pos, cut)
    if a == b or not has_words(text, a, b):
        return None
    return Clause("preamble", 0, None, a, b, marker, marker_start, role="preamble")


def _numbered(text: str, markers: list[Marker], end: int) -> list[Clause]:
    nest = any(m.kind == "article" for m in markers) and any(m.kind == "section" for m in markers)
    part = 1  # numbering that starts again opens part 2, 3, …
    in_part: set[str] = set()
    seen: dict[str, int] = {}
    article: str | None = None  # label of the article the next sections belong to
    out: list[Clause] = []
    for i, m in enumerate(markers):
        stop = markers[i + 1].cut if i + 1 < len(markers) else end
        a, b = strip(text, m.end, stop)
        if a == b:
            a = b = m.end
        if nest and m.kind == "section" and article is not None:
            label, level, parent, role = f"{article}.{m.label}", 1, article, "section"
        else:
            if m.label in in_part:
                part, in_part = part + 1, set()
            in_part.add(m.label)
            label = m.label if part == 1 else f"{m.label}_{part}"
            level, parent = 0, None
            role = "section" if m.kind == "section" else "article"
        label = _unique(label, seen)
        if level == 0 and m.kind == "article":
            article = label
        out.append(Clause(label, level, parent, a, b, m.text, m.start, role=role))
    return out


def _unique(label: str, seen: dict[str, int]) -> str:
    """`label`, or `label_2`, `label_3` … if already taken (a section repeated in an article)."""
    count = seen.get(label, 0) + 1
    seen[label] = count
    return label if count == 1 else f"{label}_{count}"


def _split_closings(
    text: str, numbered: list[Clause], paragraphs: Paragraphs
) -> tuple[Clause, list[tuple[int, int]]]:
    """The last numbered clause, trimmed, and the closing paragraphs that follow it."""
    last = numbered[-1]
    spans = paragraphs.spans(last.start, last.end)
    if len(spans) <= 1:
        return last, []
    bodies = [c for c in numbered[:-1] if c.start < c.end]
    single = sum(paragraphs.count(c.start, c.end) == 1 for c in bodies)
    if bodies and single * 2 > len(bodies):
        keep = 1
    else:
        keep = next(
            (k for k in range(1, len(spans)) if is_closing_cue(text, *spans[k])), len(spans)
        )
    return replace(last, end=spans[keep - 1][1]), spans[keep:]
