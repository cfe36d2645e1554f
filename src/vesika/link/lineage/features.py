"""What two clauses share: concepts, words, character n-grams, numbers — as vectors and evidence.

Each clause becomes a `Profile` once; pair features are cosines of TF-IDF vectors over the
clauses being aligned (so a concept or word shared by every clause weighs little), computed as
sparse matrix products.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from vesika.lang.fold import fold
from vesika.lang.lexicon import ConceptHit, Lexicon
from vesika.lang.words import TURKISH, family, numbers, words

# What a pair shares (the ranking stage reads these) ...
SHARED_FEATURES = ("concept_cos", "concept_containment", "source_taken_up", "word_cos",
                   "char_cos", "numbers", "same_family", "role_mismatch")
# ... and how it ranks among the candidates by that stage (the final stage adds these).
FEATURES = (*SHARED_FEATURES, "relative", "is_best", "mutual", "source_relative", "diagonal")
# With the optional embeddings extra, one more feature (and a model fitted with it).
EMBEDDING_FEATURE = "embed_cos"
# A retrieval feature present in more than 2% of the clauses (and at least 50 of them) is too
# common to narrow the candidates down.
RETRIEVAL_MAX_SHARE = 0.02
RETRIEVAL_MIN_DF = 50


@dataclass(frozen=True)
class ClauseRef:
    doc: str
    label: str
    text: str
    language: str = ""

    def to_json(self) -> dict[str, str]:
        return {"doc": self.doc, "clause": self.label}


@dataclass
class Profile:
    ref: ClauseRef
    fam: str
    concepts: Counter[str] = field(default_factory=Counter)
    concept_hits: list[ConceptHit] = field(default_factory=list)
    words: Counter[str] = field(default_factory=Counter)
    numbers: set[str] = field(default_factory=set)
    folded: str = ""
    # word key -> the word as first written in the clause, for evidence a reader can read
    surfaces: dict[str, str] = field(default_factory=dict)


# Turkish words are compared by their first five letters: suffixes only follow the stem, and
# truncation to five characters ("F5") is the stemming that worked best for Turkish retrieval
# in Can et al., "Information retrieval on Turkish texts", JASIST 59(3), 2008.
TURKISH_PREFIX = 5


def profile(ref: ClauseRef, lexicon: Lexicon) -> Profile:
    fam = family(ref.language, ref.text)
    found = words(ref.text, fam)
    hits = lexicon.find(ref.text, fam, found)
    keys = [w.key[:TURKISH_PREFIX] if fam == TURKISH else w.key for w in found]
    surfaces: dict[str, str] = {}
    for key, w in zip(keys, found, strict=True):
        surfaces.setdefault(key, ref.text[w.start:w.end])
    return Profile(
        ref=ref,
        fam=fam,
        concepts=Counter(h.concept for h in hits),
        concept_hits=hits,
        words=Counter(keys),
        numbers=numbers(ref.text),
        folded=" ".join(fold(ref.text).split()),
        surfaces=surfaces,
    )


class Vectors:
    """TF-IDF matrices (rows L2-normalised) for a list of profiles."""

    def __init__(self, profiles: list[Profile], *, embeddings: bool = False) -> None:
        import numpy as np
        from scipy import sparse
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.feature_extraction.text import TfidfTransformer, TfidfVectorizer

        self.n = len(profiles)

        def tfidf(rows: list[dict[str, int]]):  # type: ignore[no-untyped-def]
            counts = DictVectorizer().fit_transform(rows)
            if counts.shape[1] == 0:  # nothing to compare on (e.g. no concept found anywhere)
                return sparse.csr_matrix((len(rows), 1))
            return _normalised(TfidfTransformer(sublinear_tf=True).fit_transform(counts))

        self.concepts = tfidf([dict(p.concepts) for p in profiles])
        # Word keys are family-specific (a Turkish prefix key never equals an English stem), so
        # one vocabulary serves all languages: only same-family pairs and shared names meet.
        word_rows = [{f"{p.fam}:{k}": v for k, v in p.words.items()} for p in profiles]
        self.words = tfidf(word_rows)
        self.word_idf = _idf(word_rows)
        texts = [p.folded or " " for p in profiles]
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 4), sublinear_tf=True,
                                lowercase=False, dtype=np.float64)
        self.chars = _normalised(chars.fit_transform(texts))
        self.concept_idf = _idf([p.concepts for p in profiles])
        # Candidate retrieval reads concepts and words, without the features so common they
        # index nearly every clause ("the", "hükümet"): with them the candidate lists of a
        # large corpus would approach all pairs. Scoring still uses every feature.
        both = sparse.hstack([self.concepts, self.words]).tocsc()
        df = np.diff(both.indptr)
        common = df > max(RETRIEVAL_MIN_DF, RETRIEVAL_MAX_SHARE * self.n)
        if common.any():
            both = both[:, np.flatnonzero(~common)]
        self.retrieval = both.tocsr()
        self.embeddings = None
        if embeddings:
            from vesika.link.lineage.embeddings import embed

            self.embeddings = embed([p.ref.text for p in profiles])

    def pair_cosines(self, rows: Any, cols: Any) -> dict[str, Any]:
        """Cosines of the given (row, col) pairs (index arrays), for each vector kind."""
        import numpy as np

        r = np.asarray(rows)
        c = np.asarray(cols)
        out = {}
        for name, matrix in (("concept_cos", self.concepts), ("word_cos", self.words),
                             ("char_cos", self.chars)):
            out[name] = np.asarray(matrix[r].multiply(matrix[c]).sum(axis=1)).ravel()
        if self.embeddings is not None:
            out[EMBEDDING_FEATURE] = np.einsum("ij,ij->i", self.embeddings[r],
                                               self.embeddings[c])
        return out


_FRAMING = re.compile(r"preamble|p\d+")


def framing(label: str) -> bool:
    """A preamble or a paragraph after the last numbered point (`p1`, `p2`: closings,
    salutations, signatures): the frame around a document's provisions."""
    return _FRAMING.fullmatch(label) is not None


# A frame clause of fewer words is a formula — a salutation ("Büyük Millet Meclis-i Reisi
# Efendi!"), a signature ("Umur-u Hariciye Ahali Komiseri Çiçerin"), a date line — which
# TextPAIR calls a "banality" and filters out: it repeats between letters without deriving.
FORMULA_WORDS = 8


def formulae(clauses: list[ClauseRef]) -> set[str]:
    """Labels of the short frame clauses of one document, unless nothing else is left."""
    short = {c.label for c in clauses if framing(c.label) and len(c.text.split()) < FORMULA_WORDS}
    return short if len(short) < len(clauses) else set()


def role_mismatch(target: ClauseRef, source: ClauseRef) -> float:
    """1 when one clause is a numbered provision and the other part of a frame. Provisions are
    drafted from provisions; a letter's opening, which restates the letter it answers, and its
    courtesies rarely become an article (the "banalities" TextPAIR filters out)."""
    return 1.0 if framing(target.label) != framing(source.label) else 0.0


def containment(target: Profile, source: Profile, idf: dict[str, float]) -> float:
    """How much of the target's meaning the source holds: the weight of the concepts they
    share over the weight of the target's concepts, a concept weighing its IDF squared (as it
    does in a TF-IDF dot product). Lineage runs one way — a short article may take one point
    out of a long proposal clause — so this is asymmetric, unlike a cosine (Broder, "On the
    resemblance and containment of documents", 1997); `containment(source, target)` says how
    much of the source was taken up."""
    mine = set(target.concepts)
    total = sum(idf.get(c, 1.0) ** 2 for c in mine)
    if not total:
        return 0.0
    return sum(idf.get(c, 1.0) ** 2 for c in mine & set(source.concepts)) / total


def _idf(rows: list[Mapping[str, int]]) -> dict[str, float]:
    """Smoothed inverse document frequency of each key over the rows (the formula of
    scikit-learn's TfidfTransformer, so evidence weights agree with the vectors)."""
    df: Counter[str] = Counter()
    for row in rows:
        df.update(row.keys())
    n = len(rows)
    return {key: math.log((1 + n) / (1 + count)) + 1 for key, count in df.items()}


def _normalised(matrix):  # type: ignore[no-untyped-def]
    from sklearn.preprocessing import normalize

    return normalize(matrix.tocsr(), norm="l2", copy=False)


def evidence(target: Profile, source: Profile, vectors: Vectors,
             cosines: dict[str, float]) -> list[dict[str, Any]]:
    """What a historian reads to judge a link: the shared concepts (with the words used on each
    side), shared numbers, shared rare words, and the similarity scores."""
    items: list[dict[str, Any]] = []
    shared = set(target.concepts) & set(source.concepts)
    for concept in sorted(shared, key=lambda c: (-vectors.concept_idf.get(c, 1), c)):
        items.append({
            "kind": "concept",
            "concept": concept,
            "target_words": _surfaces(target, concept),
            "source_words": _surfaces(source, concept),
            "weight": round(vectors.concept_idf.get(concept, 1.0), 3),
        })
    for number in sorted(target.numbers & source.numbers):
        items.append({"kind": "number", "value": number})
    if target.fam == source.fam:
        # Shared words that no shared concept already explains, rarest first.
        in_concepts = {h for item in items if item["kind"] == "concept"
                       for w in item["target_words"] for h in w.split()}
        common = [k for k in set(target.words) & set(source.words)
                  if len(k) >= 4 and target.surfaces.get(k) not in in_concepts]
        common.sort(key=lambda k: (-vectors.word_idf.get(f"{target.fam}:{k}", 0.0), k))
        for key in common[:6]:
            items.append({"kind": "word", "target_word": target.surfaces[key],
                          "source_word": source.surfaces.get(key, key)})
    for name in ("concept_cos", "word_cos", "char_cos", EMBEDDING_FEATURE):
        if name in cosines:
            items.append({"kind": "similarity", "measure": name,
                          "value": round(cosines[name], 3)})
    return items


def _surfaces(p: Profile, concept: str) -> list[str]:
    seen: list[str] = []
    for h in p.concept_hits:
        if h.concept == concept:
            surface = p.ref.text[h.start:h.end]
            if surface not in seen:
                seen.append(surface)
    return seen


def evidence_summary(items: list[dict[str, Any]], limit: int = 6) -> str:
    """`Gürcistan, Ermeni, harekât-ı askeriye` — the shared concepts as the target words them,
    then shared numbers: the short form of the evidence for tables."""
    words = [e["target_words"][0] for e in items if e["kind"] == "concept" and e["target_words"]]
    words += [e["value"] for e in items if e["kind"] == "number"]
    return ", ".join(words[:limit])
