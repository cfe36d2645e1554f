"""Ingest: a reader per format turns a file into a SourceText (raw text + metadata)."""

from vesika.ingest.dossier import (
    DossierConfig,
    apply_defaults,
    document_files,
    load_config,
    peek_id,
    read_bytes,
    read_document,
)
from vesika.ingest.errors import IngestError
from vesika.ingest.source import SourceText

__all__ = [
    "DossierConfig",
    "IngestError",
    "SourceText",
    "apply_defaults",
    "document_files",
    "load_config",
    "peek_id",
    "read_bytes",
    "read_document",
]
