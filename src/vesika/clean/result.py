"""What the cleaning stage hands on: the clean text, its map back to the raw text, and the
structure found on the way (pages, footnotes, the debris that was taken out)."""

from __future__ import annotations

from dataclasses import dataclass, field

from vesika.model.document import Span
from vesika.model.offsets import OffsetMap


@dataclass(frozen=True)
class Footnote:
    """A numbered footnote, moved out of the body into the footnotes section of the clean text.

    `start`/`end` cover the footnote's text (without its number) in the clean text;
    `marker_at` is the clean offset where the marker stood in the body, i.e. right after the
    word or punctuation it was glued to (`mektubuyla.` of `mektubuyla.2`); None when the
    marker was not found.
    """

    number: str
    start: int
    end: int
    marker_at: int | None = None

    def to_span(self) -> Span:
        return Span(self.start, self.end, "footnote", self.number, {"marker_at": self.marker_at})


@dataclass
class Cleaned:
    """Clean text: the body first, then (when the document has footnotes) a blank line and the
    footnotes, one `N text` entry each. Every clean character maps back to the raw text through
    `offsets`; `removed` lists the raw (start, end, reason) of every piece of debris dropped."""

    text: str
    offsets: OffsetMap
    body_end: int
    footnotes: list[Footnote] = field(default_factory=list)
    pages: list[Span] = field(default_factory=list)
    removed: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def body(self) -> str:
        return self.text[: self.body_end]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw (start, end) covering the clean span [start, end)."""
        return self.offsets.raw_span(start, end)
