"""Scoring the clauses of one later document against the clauses of its possible sources.

Candidates come from sparse products of the concept and word vectors (an inverted index in
matrix form), so cost grows with the number of shared features rather than with all pairs;
character n-grams are compared only for the candidates kept. The model's two stages then score
each candidate: what the pair shares, then how it ranks among its neighbours and rivals.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from vesika.link.lineage.candidate import Candidate
from vesika.link.lineage.features import (
    EMBEDDING_FEATURE,
    Profile,
    Vectors,
    containment,
    evidence,
    role_mismatch,
)
from vesika.link.lineage.model import LinkModel

_CHUNK = 512


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


def score(rows: list[int], cols: list[int], profiles: list[Profile], vectors: Vectors,
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
