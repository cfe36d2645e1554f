"""Clause lineage: which earlier clauses each clause of a later document came from."""

from vesika.link.lineage.align import Candidate, Lineage, LineageDocument, align, link_id
from vesika.link.lineage.features import ClauseRef
from vesika.link.lineage.model import DEFAULT_THRESHOLD, LinkModel, load_model

__all__ = [
    "DEFAULT_THRESHOLD",
    "Candidate",
    "ClauseRef",
    "Lineage",
    "LineageDocument",
    "LinkModel",
    "align",
    "link_id",
    "load_model",
]
