"""A quoted document's text as the dossier keeps it: re-flowed, one paragraph per line (a
section or an article per line when each line ends a sentence), without the article author's
insertions, which are kept as notes."""

from __future__ import annotations

import itertools
import re
from typing import Any

from vesika.annotate.citations import Citation

_ELISION = re.compile(r"\(\s*(?:…|\.\.\.)\s*\)|\[\s*(?:…|\.\.\.)\s*\]")


def body_text(text: str, parts: list[tuple[int, int]],
          citations: list[Citation]) -> tuple[str, list[dict[str, Any]]]:
    """The quoted text re-flowed (a paragraph per line, blank lines between), without the
    article's editorial insertions, which are returned as notes."""
    notes: list[dict[str, Any]] = []
    paragraphs: list[str] = []
    for a, b in parts:
        cut: list[tuple[int, int, str]] = []
        for m in _ELISION.finditer(text, a, b):
            cut.append((m.start(), m.end(), "elision"))
        for c in citations:
            if a <= c.start < b and c.kind == "cross-reference":
                opening = text.rfind("(", a, c.start + 1)
                closing = text.find(")", c.end, b + 1)
                if opening >= 0 and closing >= 0:
                    cut.append((opening, closing + 1, "cross-reference"))
        pieces, pos = [], a
        for s, e, kind in sorted(cut):
            if s < pos:
                continue
            pieces.append(text[pos:s])
            notes.append({"kind": kind, "start": s, "end": e, "text": " ".join(text[s:e].split()),
                          "after": " ".join(text[max(a, s - 60):s].split())})
            pos = e
        pieces.append(text[pos:b])
        raw = "".join(pieces)
        for paragraph in (p for block in re.split(r"\n[ \t]*\n", raw) for p in _lines(block)):
            line = " ".join(paragraph.replace("“", " ").split()) if paragraph.lstrip() \
                .startswith("“") else " ".join(paragraph.split())
            if not line:
                continue
            if paragraphs and line[0].islower():
                paragraphs[-1] += " " + line  # a page break inside a paragraph
            else:
                paragraphs.append(line)
    body = "\n\n".join(p.strip(" “”") if p.startswith("“") else p for p in paragraphs)
    return body, notes


def _lines(paragraph: str) -> list[str]:
    """A paragraph whose every line ends a sentence or is a short heading (``Article 1``) and
    is followed by a line opening with a capital or a figure is one section per line: its lines
    are paragraphs. Otherwise (lines wrapped mid-sentence) it is one paragraph."""
    lines = [ln for ln in paragraph.split("\n") if ln.strip()]
    if len(lines) < 2:
        return [paragraph]
    for before, after in itertools.pairwise(lines):
        ends = before.rstrip()[-1] in ".;:!?…»”\"" or len(before.split()) <= 3
        first = after.lstrip(" \t«“\"[")[:1]
        if not ends or not (first.isupper() or first.isdigit()):
            return [paragraph]
    return lines
