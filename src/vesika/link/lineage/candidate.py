"""A candidate link between two clauses: its score, review status and evidence."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from vesika.link.lineage.features import ClauseRef


@dataclass
class Candidate:
    target: ClauseRef
    source: ClauseRef
    score: float
    features: dict[str, float]
    # Evidence is put together when first read: a corpus run keeps millions of candidates and
    # reads the evidence of the few it reports.
    _explain: Callable[[], list[dict[str, Any]]] = field(repr=False, compare=False)
    status: str = "proposed"
    comment: str = ""
    _evidence: list[dict[str, Any]] | None = field(default=None, repr=False, compare=False)

    @property
    def evidence(self) -> list[dict[str, Any]]:
        if self._evidence is None:
            self._evidence = self._explain()
        return self._evidence

    @property
    def id(self) -> str:
        return link_id(self.target, self.source)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "target": self.target.to_json(),
            "source": self.source.to_json(),
            "score": round(self.score, 4),
            "status": self.status,
            "evidence": self.evidence,
        }
        if self.comment:
            out["comment"] = self.comment
        return out


def link_id(target: ClauseRef, source: ClauseRef) -> str:
    """Stable for the same two clause texts: a review decision follows the texts it judged."""
    h = hashlib.sha1()
    for part in (target.doc, target.label, _text_hash(target.text), source.doc, source.label,
                 _text_hash(source.text)):
        h.update(part.encode())
        h.update(b"\x1f")
    return h.hexdigest()[:16]


def _text_hash(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode()).hexdigest()
