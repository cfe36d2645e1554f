"""The dossier store: one SQLite file holding documents, clauses, spans and a search index.

Every write is one transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``) in WAL mode, so a crash or a
kill at any moment leaves each document either entirely in its old state or entirely in its
new one. ``synchronous=NORMAL`` may lose the last commits on power failure (never consistency),
which costs nothing that a re-run of ingest would not redo.

Saved text reaches the full-text index in batches (`INDEX_BATCH_CHARS`), inside the transaction
of the save that fills a batch, and before every search and on close; ``schema.py`` says why
and how "pending" is tracked. A search therefore always sees every saved document.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from vesika.lang.fold import FOLD_VERSION, fold, fold_query
from vesika.model.document import Document, Span
from vesika.model.offsets import OffsetMap
from vesika.store import rows
from vesika.store.links import LinkStoreMixin
from vesika.store.schema import SchemaError, migrate
from vesika.store.search import (
    SearchHit,
    find_matches,
    match_expression,
    merge_spans,
    snippet,
)

log = logging.getLogger(__name__)

_BUSY_TIMEOUT_S = 30.0
# Saved text is indexed for search in batches of about this many characters (see schema.py).
INDEX_BATCH_CHARS = 2_000_000
_SUMMARY = (
    "SELECT id, path, content_hash, meta_json, n_clauses, body_end, produced_by, ingested_at"
    " FROM documents"
)


class Store(LinkStoreMixin):
    """A dossier's database. Open with `Store.open`; use as a context manager or `close()`."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        # Use Store.open: it configures the connection and migrates the schema.
        self._conn = conn
        self.path = path
        # Characters saved since the last indexing batch (as far as this connection knows).
        self._pending_chars = 0
        self._closed = False

    # -- lifecycle --------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open (creating it and its parent folders if needed) and migrate the store at `path`.

        Raises `SchemaError` if the file is not a vesika store or was written by a newer vesika.
        """
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: transactions are explicit, never opened behind our back.
        conn = sqlite3.connect(path, timeout=_BUSY_TIMEOUT_S, isolation_level=None)
        conn.row_factory = sqlite3.Row
        try:
            try:
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            except sqlite3.DatabaseError as exc:
                raise SchemaError(f"{path} is not an SQLite database ({exc})") from exc
            if mode != "wal":
                log.warning("%s: journal mode is %s, not WAL (network file system?)", path, mode)
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(conn, str(path))
            store = cls(conn, path)
            store._refold_if_needed()
        except BaseException:
            conn.close()
            raise
        return store

    def close(self) -> None:
        """Index what is pending, then close the connection. Closing twice is harmless."""
        if self._closed:
            return
        self._closed = True
        try:
            self.index_pending()
        except sqlite3.Error as exc:  # a read-only store: the next writer will index it
            log.warning("%s: could not index pending search rows: %s", self.path, exc)
        try:
            # Cheap, and keeps the query planner's statistics fresh for the next session.
            self._conn.execute("PRAGMA optimize")
        except sqlite3.Error as exc:  # closing must not fail because housekeeping did
            log.debug("PRAGMA optimize failed: %s", exc)
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        conn = self._conn
        # IMMEDIATE takes the write lock now, so the reads inside see what the writes replace.
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @property
    def schema_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    # -- writing ----------------------------------------------------------------------------
    def save_document(self, doc: Document, *, body_end: int | None = None) -> bool:
        """Store `doc`, replacing an earlier version of it; False if it was stored unchanged.

        "Unchanged" means same id and same `content_hash`. Otherwise the old document row and,
        through the cascade, its clauses, spans and search entries are replaced in one
        transaction: a failure leaves the previous version intact. `body_end` defaults to the
        document's own.
        """
        if body_end is None:
            body_end = doc.body_end
        rows.validate(doc)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._transaction() as conn:
            old = conn.execute(
                "SELECT content_hash FROM documents WHERE id = ?", (doc.id,)
            ).fetchone()
            if old is not None and old[0] == doc.content_hash:
                log.debug("document %s unchanged (%s)", doc.id, doc.content_hash)
                return False
            if old is not None:
                conn.execute("DELETE FROM documents WHERE id = ?", (doc.id,))
            ids = rows.clause_ids(doc)
            conn.execute(
                "INSERT INTO documents (id, path, content_hash, meta_json, title, language, kind,"
                " date_edtf, date_earliest, date_latest, raw_text, clean_text, offsets_json,"
                " body_end, n_clauses, produced_by, ingested_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows.document_row(doc, body_end, now),
            )
            conn.executemany(
                "INSERT INTO clauses (id, doc_id, seq, label, level, parent, role, start, \"end\","
                " marker, marker_start) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                rows.clause_rows(doc, ids),
            )
            conn.executemany(
                "INSERT INTO spans (id, doc_id, layer, seq, kind, label, start, \"end\","
                " attrs_json) VALUES (?,?,?,?,?,?,?,?,?)",
                rows.span_rows(doc),
            )
            pending = self._pending_chars + self._insert_search_rows(
                conn, list(rows.search_rows(doc, ids))
            )
            if pending >= INDEX_BATCH_CHARS:
                self._index_pending_rows(conn)
                pending = 0
        self._pending_chars = pending
        log.debug("saved document %s (%d clauses)", doc.id, len(doc.clauses))
        return True

    @staticmethod
    def _insert_search_rows(conn: sqlite3.Connection, values: list[tuple[Any, ...]]) -> int:
        """Insert (doc_id, clause_id, label, start, end, folded text) rows, pending indexing;
        return the number of characters they add to the index."""
        # Above every rowid ever indexed, even if those rows were deleted since: a pending row
        # must never fall at or below the mark.
        base = conn.execute(
            "SELECT max(coalesce((SELECT max(rowid) FROM search_rows), 0),"
            " (SELECT indexed_upto FROM search_state))"
        ).fetchone()[0]
        conn.executemany(
            "INSERT INTO search_rows (rowid, doc_id, clause_id, label, start, \"end\", text)"
            " VALUES (?,?,?,?,?,?,?)",
            ((base + i, *v) for i, v in enumerate(values, 1)),
        )
        return sum(len(v[5]) for v in values)

    @staticmethod
    def _pending(conn: sqlite3.Connection) -> tuple[int, int] | None:
        """(indexed_upto, highest rowid) if some search rows are not indexed yet."""
        upto, top = conn.execute(
            "SELECT indexed_upto, (SELECT max(rowid) FROM search_rows) FROM search_state"
        ).fetchone()
        return None if top is None or top <= upto else (upto, top)

    @staticmethod
    def _index_pending_rows(conn: sqlite3.Connection) -> int:
        """Add the pending search rows to the FTS index (inside the caller's transaction)."""
        pending = Store._pending(conn)
        if pending is None:
            return 0
        upto, top = pending
        cur = conn.execute(
            "INSERT INTO search_fts (rowid, text)"
            " SELECT rowid, text FROM search_rows WHERE rowid > ? ORDER BY rowid",
            (upto,),
        )
        conn.execute("UPDATE search_state SET indexed_upto = ?", (top,))
        return cur.rowcount

    def index_pending(self) -> int:
        """Make every saved document searchable now; return the number of rows indexed.

        `search` and `close` do this themselves; saves do it in batches of about
        `INDEX_BATCH_CHARS` characters.
        """
        if self._pending(self._conn) is None:  # the common case needs no write lock
            return 0
        with self._transaction() as conn:
            n = self._index_pending_rows(conn)
        self._pending_chars = 0
        log.debug("indexed %d pending search rows", n)
        return n

    def delete_document(self, doc_id: str) -> bool:
        """Delete a document with its clauses, spans and search entries; False if absent."""
        with self._transaction() as conn:
            cur = conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        return cur.rowcount > 0

    # -- reading ----------------------------------------------------------------------------
    def content_hash(self, doc_id: str) -> str | None:
        row = self._conn.execute(
            "SELECT content_hash FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        return row[0] if row else None

    def document_ids(self) -> list[str]:
        return [r[0] for r in self._conn.execute("SELECT id FROM documents ORDER BY id")]

    def document_paths(self) -> dict[str, str]:
        """Each document's id and the file it was read from (cheap: no metadata decoded)."""
        return dict(self._conn.execute("SELECT id, path FROM documents"))

    def documents(self) -> list[dict[str, Any]]:
        """Metadata of every document, in date order (undated last), then by id.

        Each dict is `DocumentMeta.to_json()` (``date`` is `FuzzyDate.to_json()` or None) plus
        ``path``, ``content_hash``, ``n_clauses``, ``body_end``, ``produced_by``, ``ingested_at``.
        """
        cur = self._conn.execute(
            _SUMMARY + " ORDER BY date_earliest IS NULL, date_earliest, date_latest, id"
        )
        return [_summary(r) for r in cur]

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """Metadata as in `documents()` plus ``clauses``: a list of dicts with label, level,
        parent, role, text, start, end, marker, marker_start; None if there is no such document.
        """
        row = self._conn.execute(_SUMMARY + " WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        out = _summary(row)
        clean = self._conn.execute(
            "SELECT clean_text FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()[0]
        out["clauses"] = [
            {
                "label": c["label"], "level": c["level"], "parent": c["parent"],
                "role": c["role"], "text": clean[c["start"] : c["end"]], "start": c["start"],
                "end": c["end"], "marker": c["marker"], "marker_start": c["marker_start"],
            }
            for c in self._clause_rows(doc_id)
        ]
        return out

    def load_document(self, doc_id: str) -> Document:
        """Rebuild the stored `Document` (meta, texts, offset map, clauses, spans).

        Raises KeyError if there is no such document.
        """
        row = self._conn.execute(
            "SELECT path, content_hash, meta_json, raw_text, clean_text, offsets_json,"
            " produced_by, body_end FROM documents WHERE id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            raise KeyError(doc_id)
        spans: dict[str, list[Span]] = {}
        for s in self._conn.execute(
            "SELECT layer, kind, label, start, \"end\", attrs_json FROM spans WHERE doc_id = ?"
            " ORDER BY layer, seq",
            (doc_id,),
        ):
            spans.setdefault(s["layer"], []).append(rows.span_from_row(s))
        return Document(
            meta=rows.meta_from_json(json.loads(row["meta_json"])),
            path=row["path"],
            raw_text=row["raw_text"],
            clean_text=row["clean_text"],
            offsets=OffsetMap.from_json(json.loads(row["offsets_json"])),
            content_hash=row["content_hash"],
            clauses=[rows.clause_from_row(c) for c in self._clause_rows(doc_id)],
            spans=spans,
            produced_by=row["produced_by"],
            body_end=row["body_end"],
        )

    def _clause_rows(self, doc_id: str) -> list[sqlite3.Row]:
        return self._conn.execute(
            "SELECT label, level, parent, role, start, \"end\", marker, marker_start"
            " FROM clauses WHERE doc_id = ? ORDER BY seq",
            (doc_id,),
        ).fetchall()

    # -- search -----------------------------------------------------------------------------
    def search(self, query: str, *, limit: int = 50) -> list[SearchHit]:
        """Clauses (and uncovered text) matching every word of `query`, best first.

        Folding (`vesika.lang.fold`) makes case, Turkish dotted/dotless i, diacritics and
        apostrophes irrelevant; each word is a prefix; ``"..."`` is a phrase. Any string is a
        valid query: one with no words returns no hits.
        """
        terms = fold_query(query)
        if not terms or limit <= 0:
            return []
        try:
            self.index_pending()
        except sqlite3.OperationalError as exc:
            # A read-only store still answers, from what was indexed.
            log.warning("%s: searching without the newest documents: %s", self.path, exc)
        cur = self._conn.execute(
            "SELECT r.doc_id, r.label, r.start, r.\"end\", m.score,"
            " substr(d.clean_text, r.start + 1, r.\"end\" - r.start) AS text"
            " FROM (SELECT rowid, bm25(search_fts) AS score FROM search_fts"
            "       WHERE search_fts MATCH ? ORDER BY rank LIMIT ?) AS m"
            " JOIN search_rows r ON r.rowid = m.rowid"
            " JOIN documents d ON d.id = r.doc_id"
            " ORDER BY m.score, r.doc_id, r.start",
            (match_expression(terms), limit),
        )
        hits = []
        for r in cur:
            found = find_matches(r["text"], terms)
            hits.append(SearchHit(
                doc_id=r["doc_id"], label=r["label"], start=r["start"], end=r["end"],
                snippet=snippet(r["text"], found), score=-r["score"],
                matches=tuple((r["start"] + a, r["start"] + b) for a, b in merge_spans(found)),
            ))
        return hits

    # -- maintenance ------------------------------------------------------------------------
    def _refold_if_needed(self) -> None:
        """Refold the indexed text if it was folded by another version of `fold`."""
        row = self._conn.execute(
            "SELECT value FROM store_meta WHERE key = 'fold_version'"
        ).fetchone()
        if row is not None and row[0] == FOLD_VERSION:
            return
        with self._transaction() as conn:
            row = conn.execute("SELECT value FROM store_meta WHERE key = 'fold_version'").fetchone()
            if row is not None and row[0] == FOLD_VERSION:
                return  # another process did it while we waited for the lock
            n = self._rebuild_search_rows(conn)
            conn.execute(
                "INSERT INTO store_meta (key, value) VALUES ('fold_version', ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (FOLD_VERSION,),
            )
        if row is not None:
            log.info("%s: refolded %d search rows (fold %s -> %s)", self.path, n, row[0],
                     FOLD_VERSION)

    @staticmethod
    def _rebuild_search_rows(conn: sqlite3.Connection) -> int:
        # search_rows refuses UPDATE of its text (it would desynchronise the index): delete the
        # rows (the trigger takes the indexed ones out of the index), insert them refolded and
        # index them.
        old = [
            tuple(r)
            for r in conn.execute(
                "SELECT r.doc_id, r.clause_id, r.label, r.start, r.\"end\","
                " substr(d.clean_text, r.start + 1, r.\"end\" - r.start)"
                " FROM search_rows r JOIN documents d ON d.id = r.doc_id ORDER BY r.rowid"
            )
        ]
        conn.execute("DELETE FROM search_rows")
        Store._insert_search_rows(conn, [(*r[:5], fold(r[5])) for r in old])
        Store._index_pending_rows(conn)
        return len(old)


def _summary(row: sqlite3.Row) -> dict[str, Any]:
    out: dict[str, Any] = json.loads(row["meta_json"])
    out.update(
        path=row["path"], content_hash=row["content_hash"], n_clauses=row["n_clauses"],
        body_end=row["body_end"], produced_by=row["produced_by"], ingested_at=row["ingested_at"],
    )
    return out
