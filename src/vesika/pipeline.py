"""The pipeline, stage by stage: ingest -> clean -> segment -> store (-> later stages).

Each file is processed on its own and saved in its own transaction, so one bad file costs only
itself: the others ingest, and a crash leaves every saved document whole.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from vesika import __version__
from vesika.clean import clean_text
from vesika.ingest import (
    DossierConfig,
    IngestError,
    SourceText,
    apply_defaults,
    document_files,
    load_config,
    peek_id,
    read_bytes,
    read_document,
)
from vesika.model import Document, Span
from vesika.segment import segment_clauses
from vesika.store import Store

log = logging.getLogger(__name__)

# Part of every content hash: a new version of the pipeline re-processes unchanged files.
PIPELINE = f"vesika.pipeline@{__version__}"


@dataclass
class IngestReport:
    dossier: str
    config: DossierConfig
    ingested: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_json(self) -> dict[str, object]:
        return {
            "schema": "vesika.ingest/1",
            "dossier": self.dossier,
            "ingested": self.ingested,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "errors": [e.to_json() for e in self.errors],
        }


def build_document(source: SourceText, content_hash: str) -> Document:
    """Clean and segment one document read from its file."""
    cleaned = clean_text(source.text, source.meta.language, page_breaks=source.page_breaks)
    spans: dict[str, list[Span]] = {}
    if cleaned.pages:
        spans["page"] = list(cleaned.pages)
    if cleaned.footnotes:
        spans["footnote"] = [
            Span(f.start, f.end, "footnote", f.number, {"marker_at": f.marker_at})
            for f in cleaned.footnotes
        ]
    if source.clauses is not None:
        # The format marked its own structure (TEI divs); its text needed no cleaning.
        clauses = source.clauses
    else:
        clauses = segment_clauses(cleaned.text, language=source.meta.language,
                                  body_end=cleaned.body_end)
    source.meta.extra.setdefault("encoding", source.encoding)
    if source.text_offset:
        source.meta.extra["text_offset"] = source.text_offset
    return Document(
        meta=source.meta,
        path=source.path,
        raw_text=source.text,
        clean_text=cleaned.text,
        offsets=cleaned.offsets,
        content_hash=content_hash,
        clauses=clauses,
        spans=spans,
        produced_by=f"{source.reader}+{PIPELINE}",
        body_end=cleaned.body_end,
    )


def document_from_file(path: Path) -> Document:
    """One file read, cleaned and segmented, without a store (benchmarks, quick checks)."""
    data = read_bytes(path)
    return build_document(read_document(path, data), content_hash_of(data))


def content_hash_of(data: bytes) -> str:
    h = hashlib.sha256(PIPELINE.encode())
    h.update(data)
    return h.hexdigest()


def ingest(
    input_path: Path,
    store: Store,
    *,
    progress: Callable[[str], None] | None = None,
) -> IngestReport:
    """Read every document of a dossier folder (or one file) into the store."""
    report = IngestReport(str(input_path), DossierConfig(title=input_path.stem))
    try:
        files = document_files(input_path)
        if input_path.is_dir():
            report.config = load_config(input_path)
    except IngestError as exc:
        report.errors.append(exc)
        return report
    seen: dict[str, str] = {}
    duplicates = _duplicate_ids(files)
    for path in files:
        try:
            if path in duplicates:
                raise duplicates[path]
            _ingest_file(path, store, report, seen)
        except IngestError as exc:
            log.warning("%s", exc)
            report.errors.append(exc)
        if progress:
            progress(path.name)
    if input_path.is_dir():
        listed = {str(p) for p in files}
        for doc_id, path in store.document_paths().items():
            if path not in listed and doc_id not in seen:
                store.delete_document(doc_id)
                report.removed.append(doc_id)
    return report


def _duplicate_ids(files: list[Path]) -> dict[Path, IngestError]:
    """Files sharing an id: none of them is ingested, since no one can tell which is meant."""
    by_id: dict[str, list[Path]] = {}
    for path in files:
        by_id.setdefault(peek_id(path), []).append(path)
    errors: dict[Path, IngestError] = {}
    for doc_id, paths in by_id.items():
        for path in paths if len(paths) > 1 else []:
            others = ", ".join(p.name for p in paths if p != path)
            errors[path] = IngestError(path, f"duplicate id {doc_id!r}: also used by {others}")
    return errors


def _ingest_file(path: Path, store: Store, report: IngestReport, seen: dict[str, str]) -> None:
    data = read_bytes(path)
    digest = content_hash_of(data)
    source = read_document(path, data)
    apply_defaults(source, report.config)
    doc_id = source.meta.id
    if doc_id in seen:
        raise IngestError(path, f"duplicate id {doc_id!r}: already used by {seen[doc_id]}")
    seen[doc_id] = str(path)
    if store.content_hash(doc_id) == digest:
        report.unchanged.append(doc_id)
        return
    document = build_document(source, digest)
    if store.save_document(document, body_end=document.body_end):
        report.ingested.append(doc_id)
    else:
        report.unchanged.append(doc_id)
