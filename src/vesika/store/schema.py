"""The store's schema and its migrations.

The schema version lives in ``PRAGMA user_version``. ``MIGRATIONS[i]`` brings a database from
version ``i`` to ``i + 1``; `migrate` applies the missing ones in order, each in its own
transaction together with the version bump, so a crash leaves the database at a version it
really has. A database newer than this code is refused rather than guessed at.

Version 1 holds what ingest produces:

* ``documents``: one row per document (metadata as JSON plus a few columns to sort and filter
  on, the raw and clean text, the offset map, ``content_hash``, ``produced_by``);
* ``clauses`` and ``spans``, keyed by content-derived ids, deleted with their document
  (``ON DELETE CASCADE``);
* ``search_rows``: one row per searchable stretch (a clause, or a paragraph chunk of text no
  clause covers) with its folded text, mapping an FTS rowid back to (document, clause label,
  clean start, end); ``search_fts``, an FTS5 index over it (external content);
* ``search_state``: the highest ``search_rows`` rowid already in ``search_fts``. Rows above it
  are saved but not yet indexed: FTS5 writes and merges a segment per transaction, so indexing
  one document per transaction costs 2.5 times as much as indexing a batch. The store indexes
  pending rows in batches (inside a save's transaction), before every search and on close.
  Rowids only grow, so "above the mark" is exactly "pending". A trigger takes deleted rows
  that were indexed out of the index, so the cascade from ``documents`` leaves no orphans;
* ``store_meta``: key/value facts about the store (the fold version of ``search_rows.text``).

Later stages add tables with new migrations; append, never edit a released one. Planned:

* ``runs`` (stage, version, parameters, started/finished), referenced by the ``produced_by`` of
  what each run writes, so a re-run can replace exactly its own output.
* ``links`` (cross-references between clauses). A link's human ``status`` (``confirmed`` /
  ``rejected``) must survive every re-run: machine runs write only their own columns
  (``INSERT ... ON CONFLICT DO UPDATE`` that leaves ``status`` alone), a trigger refuses to
  overwrite a human decision, and links name clauses by (document id, label) and are not
  cascaded away when a changed document is saved again, since clause ids change with content.

A migration that rebuilds a table must not trip foreign keys midway: `migrate` runs migrations
with ``foreign_keys`` off and checks ``PRAGMA foreign_key_check`` before each commit.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

log = logging.getLogger(__name__)

# Written into the database header so a vesika store is recognisable ("VSKA").
APPLICATION_ID = 0x56534B41


class SchemaError(RuntimeError):
    """The database cannot be used by this version of vesika."""


def _v1(conn: sqlite3.Connection) -> None:
    statements = [
        """CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            meta_json TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT '',
            date_edtf TEXT,
            date_earliest TEXT,
            date_latest TEXT,
            raw_text TEXT NOT NULL,
            clean_text TEXT NOT NULL,
            offsets_json TEXT NOT NULL,
            body_end INTEGER,
            n_clauses INTEGER NOT NULL,
            produced_by TEXT NOT NULL DEFAULT '',
            ingested_at TEXT NOT NULL
        )""",
        "CREATE INDEX documents_date ON documents(date_earliest, date_latest)",
        """CREATE TABLE clauses (
            id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            label TEXT NOT NULL,
            level INTEGER NOT NULL,
            parent TEXT,
            role TEXT,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            marker TEXT NOT NULL DEFAULT '',
            marker_start INTEGER NOT NULL DEFAULT -1
        )""",
        "CREATE INDEX clauses_doc ON clauses(doc_id, seq)",
        """CREATE TABLE spans (
            id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            layer TEXT NOT NULL,
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            attrs_json TEXT
        )""",
        "CREATE INDEX spans_doc ON spans(doc_id, layer, seq)",
        # clause_id is deliberately not a foreign key: the rows go with their document, and a
        # foreign key would need one more index on every insert.
        """CREATE TABLE search_rows (
            rowid INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            clause_id TEXT,
            label TEXT NOT NULL DEFAULT '',
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL
        )""",
        "CREATE INDEX search_rows_doc ON search_rows(doc_id)",
        # The text is folded by vesika.lang.fold before it gets here; the tokenizer only splits
        # it into words (remove_diacritics 0, so FTS and the snippet highlighter agree).
        """CREATE VIRTUAL TABLE search_fts USING fts5(
            text, content='search_rows', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 0'
        )""",
        """CREATE TABLE search_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            indexed_upto INTEGER NOT NULL
        )""",
        "INSERT INTO search_state (id, indexed_upto) VALUES (1, 0)",
        """CREATE TRIGGER search_rows_ad AFTER DELETE ON search_rows
        WHEN old.rowid <= (SELECT indexed_upto FROM search_state) BEGIN
            INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        END""",
        # search_rows is insert/delete only; an UPDATE would desynchronise the index.
        """CREATE TRIGGER search_rows_au BEFORE UPDATE OF text ON search_rows BEGIN
            SELECT RAISE(ABORT, 'search_rows.text is rewritten only by a full index rebuild');
        END""",
        "CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        f"PRAGMA application_id = {APPLICATION_ID}",
    ]
    for sql in statements:
        conn.execute(sql)


def _v2(conn: sqlite3.Connection) -> None:
    """Clause lineage. `links` is the machine's latest alignment, replaced whole by each run;
    `link_reviews` holds the historian's decisions and is written only by a review, never by
    a run. A review is keyed by the link id, a hash of both clause texts, so a decision keeps
    applying while the texts stay the same and a rejected link is not proposed again."""
    statements = [
        """CREATE TABLE links (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL DEFAULT 'derived_from',
            target_doc TEXT NOT NULL,
            target_clause TEXT NOT NULL,
            source_doc TEXT NOT NULL,
            source_clause TEXT NOT NULL,
            score REAL NOT NULL,
            above_threshold INTEGER NOT NULL,
            evidence_json TEXT NOT NULL,
            produced_by TEXT NOT NULL
        )""",
        "CREATE INDEX links_target ON links(target_doc, target_clause)",
        """CREATE TABLE link_reviews (
            link_id TEXT PRIMARY KEY,
            status TEXT NOT NULL CHECK (status IN ('confirmed', 'rejected')),
            comment TEXT NOT NULL DEFAULT '',
            target_doc TEXT NOT NULL,
            target_clause TEXT NOT NULL,
            source_doc TEXT NOT NULL,
            source_clause TEXT NOT NULL,
            reviewed_at TEXT NOT NULL
        )""",
    ]
    for sql in statements:
        conn.execute(sql)


Migration = Callable[[sqlite3.Connection], None]

MIGRATIONS: list[Migration] = [_v1, _v2]
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_compatible(conn: sqlite3.Connection, where: str, known: int = SCHEMA_VERSION) -> int:
    """Raise `SchemaError` unless this code can open the database; return its version."""
    try:
        version = user_version(conn)
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        n_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise SchemaError(f"{where} is not an SQLite database ({exc})") from exc
    if app_id not in (0, APPLICATION_ID) or (version == 0 and n_tables):
        raise SchemaError(f"{where} is an SQLite database, but not a vesika store")
    if version > known:
        raise SchemaError(
            f"{where} has store schema version {version}, but this vesika knows versions up to "
            f"{known}; it was written by a newer vesika: upgrade vesika to open it"
        )
    return version


def migrate(conn: sqlite3.Connection, where: str, migrations: list[Migration] | None = None) -> int:
    """Bring the database up to the newest version; return the number of migrations applied.

    `conn` must be in autocommit mode (``isolation_level=None``). `migrations` replaces
    `MIGRATIONS` in tests.
    """
    steps = MIGRATIONS if migrations is None else migrations
    if check_compatible(conn, where, len(steps)) >= len(steps):
        return 0
    applied = 0
    # PRAGMA foreign_keys is a no-op inside a transaction, so it is switched around them.
    (fk_on,) = conn.execute("PRAGMA foreign_keys").fetchone()
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        while True:
            conn.execute("BEGIN IMMEDIATE")
            try:
                # Read the version inside the write lock: another process may have migrated
                # while this one waited for it.
                version = check_compatible(conn, where, len(steps))
                if version >= len(steps):
                    conn.execute("COMMIT")
                    return applied
                log.info("migrating %s: schema version %d -> %d", where, version, version + 1)
                steps[version](conn)
                problems = conn.execute("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise SchemaError(
                        f"migration to version {version + 1} broke foreign keys: {problems[:5]}"
                    )
                conn.execute(f"PRAGMA user_version = {version + 1}")
                conn.execute("COMMIT")
                applied += 1
            except BaseException:
                conn.execute("ROLLBACK")
                raise
    finally:
        conn.execute(f"PRAGMA foreign_keys = {'ON' if fk_on else 'OFF'}")
