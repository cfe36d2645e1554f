"""Clause lineage: for each clause of a later document, the earlier clauses it came from.

A clause can only come from an earlier document: earlier by date (the source's latest possible
day before the target's earliest), or named in the target's `responds_to` / `quotes`. Documents
whose dates overlap and that name no relation are skipped, and the output says so. Secondary
works (`kind: article`) quote primary documents rather than derive from them, and translations
(`translation_of`) are translations, not lineage: neither takes part.

How one later document's clauses are scored against its sources' clauses: `score.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from vesika.lang.lexicon import LEXICON_LANGUAGES, Lexicon
from vesika.link.lineage.candidate import Candidate, link_id
from vesika.link.lineage.features import (
    ClauseRef,
    Profile,
    Vectors,
    formulae,
    profile,
)
from vesika.link.lineage.model import DEFAULT_THRESHOLD, LinkModel
from vesika.link.lineage.score import score
from vesika.model import FuzzyDate

SECONDARY_KINDS = frozenset({"article", "book", "review", "chronicle"})
# Candidates kept per target clause after retrieval; the gold standards never give a clause
# more than three sources.
TOP_K = 10

__all__ = ["Candidate", "Lineage", "LineageDocument", "align", "is_earlier", "link_id"]


@dataclass
class LineageDocument:
    id: str
    date: FuzzyDate | None
    kind: str = ""
    language: str = ""
    responds_to: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    translation_of: list[str] = field(default_factory=list)
    clauses: list[ClauseRef] = field(default_factory=list)


@dataclass
class Lineage:
    candidates: list[Candidate]
    threshold: float
    pairs: list[dict[str, str]]
    skipped: list[dict[str, str]]
    targets: list[ClauseRef]
    sources: list[ClauseRef]
    translations: list[dict[str, Any]] = field(default_factory=list)
    # A scholar's own lineage claims compared with the links (see claims.py), and what kept
    # them from being read.
    claims: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    # What limits the comparison without being an error (a language the lexicon lacks).
    notes: list[str] = field(default_factory=list)

    @property
    def links(self) -> list[Candidate]:
        """Links at the threshold, every confirmed link, and no rejected one."""
        return [c for c in self.candidates if c.status == "confirmed"
                or (c.status == "proposed" and c.score >= self.threshold)]

    def novel(self) -> list[ClauseRef]:
        linked = {(c.target.doc, c.target.label) for c in self.links}
        return [t for t in self.targets if (t.doc, t.label) not in linked]

    def dropped(self) -> list[ClauseRef]:
        used = {(c.source.doc, c.source.label) for c in self.links}
        return [s for s in self.sources if (s.doc, s.label) not in used]

    def to_json(self, *, include_all: bool = False) -> dict[str, Any]:
        shown = self.candidates if include_all else self.links
        return {
            "schema": "vesika.align/1",
            "threshold": self.threshold,
            "links": [c.to_json() for c in shown],
            "novel": [t.to_json() for t in self.novel()],
            "dropped": [s.to_json() for s in self.dropped()],
            "pairs": self.pairs,
            "skipped": self.skipped,
            "translations": self.translations,
            "claims": self.claims,
            "notes": self.notes,
        }


def is_earlier(source: LineageDocument, target: LineageDocument) -> tuple[bool, str]:
    """Whether `source` can be a source of `target`, and why (or why not)."""
    if source.id in target.translation_of or target.id in source.translation_of:
        return False, "translation, not lineage"
    if source.id in target.responds_to or source.id in target.quotes:
        return True, "named in responds_to/quotes"
    if target.id in source.responds_to or target.id in source.quotes:
        return False, "the source responds to the target"
    if source.date is None or target.date is None:
        missing = [d.id for d in (source, target) if d.date is None]
        return False, (f"no date on {' and '.join(missing)}, and no responds_to/quotes "
                       "relation between them")
    if source.date.latest < target.date.earliest:
        return True, "earlier by date"
    if target.date.latest < source.date.earliest:
        return False, "later by date"
    return False, (f"dates overlap ({source.date.edtf} and {target.date.edtf}); "
                   "add responds_to to decide")


def align(
    documents: list[LineageDocument],
    lexicon: Lexicon,
    model: LinkModel,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    reviews: dict[str, tuple[str, str]] | None = None,
    top_k: int = TOP_K,
) -> Lineage:
    """Score every target clause against the clauses of its possible sources."""
    primary = [_without_formulae(d) for d in documents
               if d.kind not in SECONDARY_KINDS and d.clauses]
    plan, pairs, skipped = _plan(primary)
    profiles: list[Profile] = []
    index: dict[tuple[str, str], int] = {}
    for doc in primary:
        for ref in doc.clauses:
            index[(ref.doc, ref.label)] = len(profiles)
            profiles.append(profile(ref, lexicon))
    candidates: list[Candidate] = []
    target_refs: list[ClauseRef] = []
    source_refs: dict[tuple[str, str], ClauseRef] = {}
    if plan:
        vectors = Vectors(profiles, embeddings=model.uses_embeddings)
        for target, sources in plan:
            rows = [index[(r.doc, r.label)] for r in target.clauses]
            cols = [index[(r.doc, r.label)] for s in sources for r in s.clauses]
            target_refs.extend(target.clauses)
            for s in sources:
                for r in s.clauses:
                    source_refs[(r.doc, r.label)] = r
            candidates.extend(score(rows, cols, profiles, vectors, model, top_k))
    for c in candidates:
        if reviews and c.id in reviews:
            c.status, c.comment = reviews[c.id]
    return Lineage(candidates, threshold, pairs, skipped, target_refs,
                   list(source_refs.values()), translations(documents),
                   notes=_unread_languages(primary))


def _unread_languages(documents: list[LineageDocument]) -> list[str]:
    """A note for each language the lexicon has no column for: its documents are compared on
    shared words, numbers and characters only, not on concepts."""
    by_language: dict[str, list[str]] = {}
    for doc in documents:
        base = doc.language.split("-")[0].lower()
        if base and base not in LEXICON_LANGUAGES:
            by_language.setdefault(doc.language, []).append(doc.id)
    return [f"{', '.join(ids)}: language {language!r} is not in the lexicon "
            f"({', '.join(LEXICON_LANGUAGES)}); compared on shared words, numbers and "
            "characters only" for language, ids in by_language.items()]


def _without_formulae(doc: LineageDocument) -> LineageDocument:
    """The document with its salutations, signatures and other short frame clauses left out:
    they are neither traced nor counted as dropped."""
    short = formulae(doc.clauses)
    if not short:
        return doc
    return replace(doc, clauses=[c for c in doc.clauses if c.label not in short])


def translations(documents: list[LineageDocument]) -> list[dict[str, Any]]:
    """Clause-to-clause links between a translation and its original (`translation_of`),
    matched by clause label: a translation keeps its original's numbering, and its clauses
    are the original's, not derived from it."""
    by_id = {d.id: d for d in documents}
    out: list[dict[str, Any]] = []
    for doc in documents:
        for original_id in doc.translation_of:
            original = by_id.get(original_id)
            if original is None:
                continue
            labels = {c.label: c for c in original.clauses}
            out.extend(
                {"kind": "translation_of", "target": c.to_json(),
                 "source": labels[c.label].to_json()}
                for c in doc.clauses if c.label in labels
            )
    return out


def _plan(primary: list[LineageDocument]) -> tuple[
    list[tuple[LineageDocument, list[LineageDocument]]], list[dict[str, str]], list[dict[str, str]]
]:
    """Each target with its possible sources; the pairs taken and the undecidable ones."""
    plan = []
    pairs: list[dict[str, str]] = []
    skipped: list[dict[str, str]] = []
    undecidable: set[frozenset[str]] = set()
    for target in primary:
        sources = []
        for source in primary:
            if source is target:
                continue
            ok, why = is_earlier(source, target)
            if ok:
                sources.append(source)
                pairs.append({"target": target.id, "source": source.id, "reason": why})
            elif why.startswith(("dates overlap", "translation")) or "no date" in why:
                # "later" is the same pair seen the other way round: nothing to report.
                key = frozenset((source.id, target.id))
                if key not in undecidable:
                    undecidable.add(key)
                    later, earlier = ((source, target) if target.id in source.translation_of
                                      else (target, source))
                    skipped.append({"target": later.id, "source": earlier.id, "reason": why})
        if sources:
            plan.append((target, sources))
    return plan, pairs, skipped
