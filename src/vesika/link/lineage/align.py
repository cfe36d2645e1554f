"""Clause lineage: for each clause of a later document, the earlier clauses it came from.

A clause can only come from an earlier document: earlier by date (the source's latest possible
day before the target's earliest), or named in the target's `responds_to` / `quotes`. Documents
whose dates overlap and that name no relation are skipped, and the output says so. Secondary
works (`kind: article`) quote primary documents rather than derive from them, and translations
(`translation_of`) are translations, not lineage: neither takes part.

Candidates come from sparse products of the concept and word vectors (an inverted index in
matrix form), so cost grows with the number of shared features rather than with all pairs;
character n-grams are compared only for the candidates kept.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from vesika.lang.lexicon import Lexicon
from vesika.link.lineage.features import (
    EMBEDDING_FEATURE,
    ClauseRef,
    Profile,
    Vectors,
    containment,
    evidence,
    formulae,
    profile,
    role_mismatch,
)
from vesika.link.lineage.model import DEFAULT_THRESHOLD, LinkModel
from vesika.model import FuzzyDate

SECONDARY_KINDS = frozenset({"article", "book", "review", "chronicle"})
# Candidates kept per target clause after retrieval; the gold standards never give a clause
# more than three sources.
TOP_K = 10
_CHUNK = 512


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
            candidates.extend(_score(rows, cols, profiles, vectors, model, top_k))
    for c in candidates:
        if reviews and c.id in reviews:
            c.status, c.comment = reviews[c.id]
    return Lineage(candidates, threshold, pairs, skipped, target_refs,
                   list(source_refs.values()), translations(documents))


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


def _top_k(scores: Any, k: int, n: int) -> Any:
    """Column indices of the k best sources per row of a sparse score matrix; rows with fewer
    than k scored sources are filled with the first unscored columns (scored as 0)."""
    import numpy as np

    if k >= n:
        return np.tile(np.arange(n), (scores.shape[0], 1))
    scores = scores.tocsr()
    out = np.empty((scores.shape[0], k), dtype=np.int64)
    for i in range(scores.shape[0]):
        lo, hi = scores.indptr[i], scores.indptr[i + 1]
        idx, val = scores.indices[lo:hi], scores.data[lo:hi]
        if len(idx) > k:
            idx = idx[np.argpartition(-val, k - 1)[:k]]
        if len(idx) < k:
            filler = np.setdiff1d(np.arange(min(n, 2 * k)), idx)[: k - len(idx)]
            idx = np.concatenate([idx, filler])
        out[i] = idx
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


def _score(rows: list[int], cols: list[int], profiles: list[Profile], vectors: Vectors,
           model: LinkModel, top_k: int) -> list[Candidate]:
    """Retrieve the top-k sources of each target row, then score them.

    The model's ranking stage scores each pair on what the two clauses share; from it,
    `relative` and `is_best` say how a source ranks among the target's candidates, and
    `mutual` whether the target is also the source's best match among this document's
    clauses — a clause taken up once is usually taken up by the clause most like it — and
    `source_relative` how the pair ranks among the source's candidates. `diagonal` reads the
    neighbours (see `_diagonal`).
    """
    import numpy as np

    col_arr = np.asarray(cols)
    index = vectors.retrieval[col_arr].T.tocsr()
    k = min(top_k, len(cols))
    pairs: list[tuple[int, int, dict[str, float], float]] = []
    for start in range(0, len(rows), _CHUNK):
        chunk = rows[start:start + _CHUNK]
        best = _top_k(vectors.retrieval[chunk] @ index, k, len(cols))
        pair_cols = col_arr[best.ravel()]
        cos = vectors.pair_cosines(np.repeat(np.asarray(chunk), k), pair_cols)
        for i, row in enumerate(chunk):
            target = profiles[row]
            mine = []
            for j in range(k):
                flat = i * k + j
                col = int(pair_cols[flat])
                source = profiles[col]
                extra = ({EMBEDDING_FEATURE: float(cos[EMBEDDING_FEATURE][flat])}
                         if EMBEDDING_FEATURE in cos else {})
                feats = {
                    **extra,
                    "concept_cos": float(cos["concept_cos"][flat]),
                    "concept_containment": containment(target, source, vectors.concept_idf),
                    "source_taken_up": containment(source, target, vectors.concept_idf),
                    "word_cos": float(cos["word_cos"][flat]),
                    "char_cos": float(cos["char_cos"][flat]),
                    "numbers": 1.0 if target.numbers & source.numbers else 0.0,
                    "same_family": 1.0 if target.fam == source.fam else 0.0,
                    "role_mismatch": role_mismatch(target.ref, source.ref),
                }
                mine.append((col, feats, model.ranking_score(feats)))
            top = max(value for _, _, value in mine)
            for col, feats, value in mine:
                feats["relative"] = value / top if top > 0 else 0.0
                feats["is_best"] = 1.0 if top > 0 and value >= top else 0.0
                pairs.append((row, col, feats, value))
    source_best: dict[int, float] = {}
    ranked: dict[tuple[int, int], float] = {}
    for row, col, _, value in pairs:
        source_best[col] = max(source_best.get(col, 0.0), value)
        ranked[(row, col)] = value
    by_row: dict[int, list[Candidate]] = {}
    for row, col, feats, value in pairs:
        feats["mutual"] = 1.0 if value > 0 and value >= source_best[col] else 0.0
        feats["source_relative"] = value / source_best[col] if source_best[col] > 0 else 0.0
        feats["diagonal"] = _diagonal(row, col, ranked, profiles)
        target, source = profiles[row], profiles[col]
        by_row.setdefault(row, []).append(Candidate(
            target.ref, source.ref, model.probability(feats), feats,
            partial(evidence, target, source, vectors, feats)))
    return [c for row in rows for c in sorted(by_row.get(row, []), key=lambda c: -c.score)]


def _diagonal(row: int, col: int, ranked: dict[tuple[int, int], float],
              profiles: list[Profile]) -> float:
    """How strongly the clauses around a pair are linked the same way: the ranking score of
    the target's previous clause with the source's previous clause, or of the next with the
    next. A draft keeps much of the order of the text it answers, so a link whose neighbours
    are linked in step is likelier — the diagonal that sentence aligners follow (Gale and
    Church, "A program for aligning sentences in bilingual corpora", 1993)."""
    best = 0.0
    for step in (-1, 1):
        r, c = row + step, col + step
        if (0 <= r < len(profiles) and 0 <= c < len(profiles)
                and profiles[r].ref.doc == profiles[row].ref.doc
                and profiles[c].ref.doc == profiles[col].ref.doc):
            best = max(best, ranked.get((r, c), 0.0))
    return best
