"""Lineage links and the historian's review decisions (schema version 2)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any, Protocol


class _HasConnection(Protocol):
    _conn: sqlite3.Connection

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...


class LinkStoreMixin:
    """Methods of `Store` for links; a run replaces `links`, only a review writes reviews."""

    def replace_links(self: _HasConnection, rows: list[dict[str, Any]],
                      produced_by: str) -> None:
        """Store a run's alignment in one transaction, replacing the previous run's."""
        with self._transaction() as conn:
            conn.execute("DELETE FROM links")
            conn.executemany(
                "INSERT OR REPLACE INTO links (id, kind, target_doc, target_clause, source_doc, "
                "source_clause, score, above_threshold, evidence_json, produced_by) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (r["id"], r.get("kind", "derived_from"), r["target"]["doc"],
                     r["target"]["clause"], r["source"]["doc"], r["source"]["clause"],
                     r["score"], int(r["above_threshold"]),
                     json.dumps(r["evidence"], ensure_ascii=False), produced_by)
                    for r in rows
                ],
            )

    def link(self: _HasConnection, link_id: str) -> dict[str, Any] | None:
        row = self._conn.execute(
            "SELECT id, target_doc, target_clause, source_doc, source_clause, score "
            "FROM links WHERE id = ?", (link_id,)).fetchone()
        if row is None:
            return None
        return {"id": row[0], "target": {"doc": row[1], "clause": row[2]},
                "source": {"doc": row[3], "clause": row[4]}, "score": row[5]}

    def review_link(self: _HasConnection, link: dict[str, Any], status: str,
                    comment: str = "") -> None:
        if status not in ("confirmed", "rejected"):
            raise ValueError(f"a review confirms or rejects, not {status!r}")
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO link_reviews (link_id, status, comment, target_doc, target_clause, "
                "source_doc, source_clause, reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(link_id) DO UPDATE SET status = excluded.status, "
                "comment = excluded.comment, reviewed_at = excluded.reviewed_at",
                (link["id"], status, comment, link["target"]["doc"], link["target"]["clause"],
                 link["source"]["doc"], link["source"]["clause"],
                 datetime.now(UTC).isoformat(timespec="seconds")),
            )

    def reviews(self: _HasConnection) -> dict[str, tuple[str, str]]:
        """link id -> (status, comment) for every decision a historian has made."""
        return {r[0]: (r[1], r[2]) for r in self._iter_reviews()}  # type: ignore[attr-defined]

    def _iter_reviews(self: _HasConnection) -> Iterator[tuple[str, str, str]]:
        yield from self._conn.execute("SELECT link_id, status, comment FROM link_reviews")
