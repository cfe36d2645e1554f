"""Segment a cleaned document into clauses: preamble, numbered articles and sections, closings.

`segment_clauses(text, language=..., body_end=...)` is the one public call; the rules are in
`clauses.py`, the numbering styles in `markers.py`, number words and Roman numerals in
`numerals.py`.
"""

from __future__ import annotations

from vesika.segment.clauses import segment_clauses

__all__ = ["segment_clauses"]
