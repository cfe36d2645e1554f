"""Documents and the standoff spans laid over them.

A `Document` owns its text; every annotation is a `Span` (start, end in the clean text), so a
finding can always quote its source and, through the offset map, point into the raw file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from vesika.model.fuzzydate import FuzzyDate
from vesika.model.offsets import OffsetMap

# The front-matter keys a dossier file may carry (ARCHITECTURE.md, "Dossier folder").
META_FIELDS = (
    "id", "title", "date", "language", "kind", "author", "recipient", "place", "source",
    "archive", "provenance", "reliability", "translation_of", "copy_of", "responds_to", "quotes",
)
RELATION_FIELDS = ("translation_of", "copy_of", "responds_to", "quotes")


@dataclass
class DocumentMeta:
    id: str
    title: str = ""
    date: FuzzyDate | None = None
    language: str = ""
    kind: str = ""
    author: str = ""
    recipient: str = ""
    place: str = ""
    source: str = ""
    archive: str = ""
    provenance: str = ""
    reliability: str = ""
    translation_of: list[str] = field(default_factory=list)
    copy_of: list[str] = field(default_factory=list)
    responds_to: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id}
        for key in META_FIELDS[1:]:
            value = getattr(self, key)
            out[key] = value.to_json() if isinstance(value, FuzzyDate) else value
        if self.extra:
            out["extra"] = self.extra
        return out


@dataclass(frozen=True)
class Span:
    """A stretch of a document's clean text with a kind ("clause", "footnote", "page", ...)."""

    start: int
    end: int
    kind: str
    label: str = ""
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Clause:
    """A numbered article, section, paragraph, preamble or closing of a document.

    `label` is normalised (`1`, `I.2`, `preamble`, `p2`); `marker` is the numbering as written
    (`1 —`, `Madde 1`, `ARTICLE I.`). `start`/`end` cover the clause body in the clean text,
    `marker_start` where its number begins. `role` is "preamble", "article", "section",
    "paragraph" (a document without numbering) or "closing" (after the last numbered clause).
    """

    label: str
    level: int
    parent: str | None
    start: int
    end: int
    marker: str = ""
    marker_start: int = -1
    role: str = ""


@dataclass
class Document:
    meta: DocumentMeta
    path: str
    raw_text: str
    clean_text: str
    offsets: OffsetMap
    content_hash: str
    clauses: list[Clause] = field(default_factory=list)
    spans: dict[str, list[Span]] = field(default_factory=dict)
    produced_by: str = ""
    # Where the body ends in the clean text; the article's footnotes follow it.
    body_end: int | None = None

    @property
    def id(self) -> str:
        return self.meta.id

    def clause_text(self, clause: Clause) -> str:
        return self.clean_text[clause.start : clause.end]
