"""Pure data: documents, spans, clauses, dates. No I/O here."""

from vesika.model.document import META_FIELDS, Clause, Document, DocumentMeta, Span
from vesika.model.fuzzydate import DateError, FuzzyDate, parse_edtf
from vesika.model.offsets import OffsetMap

__all__ = [
    "META_FIELDS",
    "Clause",
    "DateError",
    "Document",
    "DocumentMeta",
    "FuzzyDate",
    "OffsetMap",
    "Span",
    "parse_edtf",
]
