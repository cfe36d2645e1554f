"""Lineage over a dossier's store: documents and clauses in, review decisions applied."""

from __future__ import annotations

from pathlib import Path

from vesika.lang.lexicon import load_lexicon
from vesika.link.lineage.align import Lineage, LineageDocument, align
from vesika.link.lineage.claims import ClaimsError, compare, read_claims
from vesika.link.lineage.features import ClauseRef
from vesika.link.lineage.model import DEFAULT_THRESHOLD, load_model
from vesika.model import parse_edtf
from vesika.store import Store

PRODUCED_BY = "vesika.lineage@1"


def documents_from_store(store: Store) -> list[LineageDocument]:
    docs: list[LineageDocument] = []
    for meta in store.documents():
        detail = store.document(meta["id"]) or {"clauses": []}
        date = parse_edtf(meta["date"]["edtf"]) if meta.get("date") else None
        clauses = [
            ClauseRef(meta["id"], c["label"], c["text"], meta.get("language", ""))
            for c in detail["clauses"] if c["text"].strip()
        ]
        docs.append(LineageDocument(
            id=meta["id"], date=date, kind=meta.get("kind", ""),
            language=meta.get("language", ""), responds_to=meta.get("responds_to") or [],
            quotes=meta.get("quotes") or [], translation_of=meta.get("translation_of") or [],
            clauses=clauses,
        ))
    return docs


def dossier_lexicon_files(dossier: Path) -> list[Path]:
    """A dossier extends the shipped lexicon with `lexicon/*.tsv` beside its documents."""
    folder = dossier / "lexicon" if dossier.is_dir() else None
    return sorted(folder.glob("*.tsv")) if folder and folder.is_dir() else []


def run_lineage(store: Store, dossier: Path, *, threshold: float = DEFAULT_THRESHOLD,
                embeddings: bool = False) -> Lineage:
    """Align the dossier's documents, apply the historian's reviews, set the links against a
    scholar's own claims (`annotations/lineage.json`) if the dossier has them, keep the run in
    the store."""
    lexicon = load_lexicon(dossier_lexicon_files(dossier))
    lineage = align(documents_from_store(store), lexicon, load_model(embeddings=embeddings),
                    threshold=threshold, reviews=store.reviews())
    try:
        lineage.claims = compare(read_claims(dossier), lineage)
    except ClaimsError as exc:
        lineage.problems.append(str(exc))
    store.replace_links(
        [{**c.to_json(), "above_threshold": c.score >= threshold} for c in lineage.candidates],
        produced_by=PRODUCED_BY,
    )
    return lineage
