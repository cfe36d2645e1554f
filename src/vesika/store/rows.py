"""Translation between model objects and table rows (no SQL here)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import PurePath
from typing import Any

from vesika.lang.fold import fold
from vesika.model.document import Clause, Document, DocumentMeta, Span
from vesika.model.fuzzydate import DateError, FuzzyDate, parse_edtf

log = logging.getLogger(__name__)

# Text no clause covers is indexed in chunks of whole paragraphs of about this many characters,
# so a hit points near its match and a snippet never folds a whole book.
CHUNK_TARGET = 2000
CHUNK_MAX = 8000
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")

_CLAUSE_FIELDS = {f.name for f in dataclasses.fields(Clause)}
_META_FIELDS = {f.name for f in dataclasses.fields(DocumentMeta)}


def row_id(*parts: object) -> str:
    """A content-derived id: the same document content always yields the same ids."""
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()


def _json_default(value: object) -> object:
    # Front matter loaded by YAML carries dates; sets and tuples come from code.
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    if isinstance(value, PurePath):
        return str(value)
    raise TypeError(f"cannot store a {type(value).__name__} as JSON: {value!r}")


def to_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_default)


def validate(doc: Document) -> None:
    """Refuse a document whose clauses or spans do not lie inside its clean text."""
    n = len(doc.clean_text)
    if not doc.id:
        raise ValueError("a document needs an id")
    if not doc.content_hash:
        raise ValueError(f"document {doc.id!r} has no content_hash")
    for c in doc.clauses:
        if not (isinstance(c.start, int) and isinstance(c.end, int) and 0 <= c.start <= c.end <= n):
            raise ValueError(f"document {doc.id!r}: clause {c.label!r} [{c.start}, {c.end}) "
                             f"is not a span of the clean text (length {n})")
    for layer, spans in doc.spans.items():
        for s in spans:
            if not (isinstance(s.start, int) and isinstance(s.end, int)
                    and 0 <= s.start <= s.end <= n):
                raise ValueError(f"document {doc.id!r}: {layer} span [{s.start}, {s.end}) "
                                 f"is not a span of the clean text (length {n})")


def clause_ids(doc: Document) -> list[str]:
    # The document id is part of the key: two files with identical bytes share a content hash.
    return [
        row_id(doc.id, doc.content_hash, "clause", seq, c.start, c.end, c.label)
        for seq, c in enumerate(doc.clauses)
    ]


def document_row(doc: Document, body_end: int | None, ingested_at: str) -> tuple[Any, ...]:
    meta = doc.meta
    d = meta.date
    return (
        doc.id, doc.path, doc.content_hash, to_json(meta.to_json()), meta.title, meta.language,
        meta.kind, d.edtf if d else None, d.earliest.isoformat() if d else None,
        d.latest.isoformat() if d else None, doc.raw_text, doc.clean_text,
        to_json(doc.offsets.to_json()), body_end, len(doc.clauses), doc.produced_by, ingested_at,
    )


def clause_rows(doc: Document, ids: list[str]) -> Iterator[tuple[Any, ...]]:
    for seq, (cid, c) in enumerate(zip(ids, doc.clauses, strict=True)):
        # `role` is not a Clause field yet; tolerate its arrival (and its absence).
        role = getattr(c, "role", None)
        yield (cid, doc.id, seq, c.label, c.level, c.parent, role, c.start, c.end, c.marker,
               c.marker_start)


def span_rows(doc: Document) -> Iterator[tuple[Any, ...]]:
    for layer, spans in doc.spans.items():
        for seq, s in enumerate(spans):
            sid = row_id(doc.id, doc.content_hash, "span", layer, seq, s.kind, s.start, s.end,
                         s.label)
            attrs = to_json(s.attrs) if s.attrs else None
            yield (sid, doc.id, layer, seq, s.kind, s.label, s.start, s.end, attrs)


def search_rows(doc: Document, ids: list[str]) -> Iterator[tuple[Any, ...]]:
    """(doc_id, clause_id, label, start, end, folded text) for every searchable stretch."""
    text = doc.clean_text
    for cid, c in zip(ids, doc.clauses, strict=True):
        yield (doc.id, cid, c.label, c.start, c.end, fold(text[c.start : c.end]))
    for start, end in uncovered_chunks(text, doc.clauses):
        yield (doc.id, None, "", start, end, fold(text[start:end]))


def uncovered_chunks(text: str, clauses: list[Clause]) -> list[tuple[int, int]]:
    """Stretches of `text` outside every clause (a clause's marker counts as inside it), cut
    into chunks of whole paragraphs, without surrounding whitespace; blank stretches dropped.

    Without clauses this is the whole text, so a document nobody segmented is still found.
    """
    covered = sorted(
        (min(c.start, c.marker_start) if c.marker_start >= 0 else c.start, c.end)
        for c in clauses
    )
    gaps: list[tuple[int, int]] = []
    pos = 0
    for start, end in covered:
        if start > pos:
            gaps.append((pos, start))
        pos = max(pos, end)
    if pos < len(text):
        gaps.append((pos, len(text)))
    chunks: list[tuple[int, int]] = []
    for start, end in gaps:
        chunks.extend(_paragraph_chunks(text, start, end))
    return chunks


def _paragraph_chunks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    cuts = [m.end() for m in _BLANK_LINE.finditer(text, start, end)]
    chunk_start = prev = start
    for cut in [*cuts, end]:
        if cut - chunk_start > CHUNK_MAX and prev > chunk_start:
            # This paragraph would make the chunk too long: close it at the previous one.
            yield from _trimmed(text, chunk_start, prev)
            chunk_start = prev
        while cut - chunk_start > CHUNK_MAX:
            # One huge paragraph: cut at the last space before the limit.
            limit = chunk_start + CHUNK_MAX
            space = text.rfind(" ", chunk_start + CHUNK_MAX // 2, limit)
            split = space + 1 if space >= 0 else limit
            yield from _trimmed(text, chunk_start, split)
            chunk_start = split
        if cut - chunk_start >= CHUNK_TARGET or cut == end:
            yield from _trimmed(text, chunk_start, cut)
            chunk_start = cut
        prev = cut


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        yield start + lead, start + lead + len(stripped)


# -- back from rows -------------------------------------------------------------------------------


def date_from_json(value: dict[str, Any] | None) -> FuzzyDate | None:
    """Rebuild a FuzzyDate from its stored JSON: parse the EDTF, restore what EDTF cannot say."""
    if not value:
        return None
    try:
        parsed = parse_edtf(value["edtf"])
    except (DateError, KeyError) as exc:
        log.warning("stored date %r does not parse (%s); rebuilding from its bounds", value, exc)
        return FuzzyDate(
            date.fromisoformat(value["earliest"]), date.fromisoformat(value["latest"]),
            value.get("precision", "interval"), bool(value.get("approximate")),
            calendar=value.get("calendar", "gregorian"), text=value.get("text", ""),
        )
    return dataclasses.replace(
        parsed, text=value.get("text", parsed.text), calendar=value.get("calendar", "gregorian")
    )


def meta_from_json(raw: dict[str, Any]) -> DocumentMeta:
    fields = {k: v for k, v in raw.items() if k in _META_FIELDS}
    unknown = set(raw) - _META_FIELDS
    if unknown:
        # Written by a newer model; keep the values rather than drop them silently.
        fields.setdefault("extra", {}).update({k: raw[k] for k in unknown})
    fields["date"] = date_from_json(raw.get("date"))
    return DocumentMeta(**fields)


def clause_from_row(row: Any) -> Clause:
    kwargs = {
        "label": row["label"], "level": row["level"], "parent": row["parent"],
        "start": row["start"], "end": row["end"], "marker": row["marker"],
        "marker_start": row["marker_start"],
    }
    if "role" in _CLAUSE_FIELDS and row["role"] is not None:
        kwargs["role"] = row["role"]
    return Clause(**kwargs)


def span_from_row(row: Any) -> Span:
    attrs = json.loads(row["attrs_json"]) if row["attrs_json"] else {}
    return Span(row["start"], row["end"], row["kind"], row["label"], attrs)
