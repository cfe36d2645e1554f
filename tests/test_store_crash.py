"""A store killed (SIGKILL) in the middle of saving is intact when reopened."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from vesika.store import Store

CORPORA = Path(__file__).parent / "data" / "corpora"
N_IDS = 12  # documents are saved again and again under these ids: replacements, not just inserts
PARAGRAPH = r"\S[^\n]*(?:\n(?!\s*\n)[^\n]*)*"

# Saves corpus files as documents (a clause per paragraph) in an endless loop, each save its own
# transaction, printing the number of each save once it has returned (committed).
WRITER = r"""
import re, sys
from pathlib import Path
from vesika.model import Clause, Document, DocumentMeta, OffsetMap
import vesika.store.db
from vesika.store import Store

# Index in small batches, so kills also land inside a save that indexes a batch.
vesika.store.db.INDEX_BATCH_CHARS = 60_000
db, corpora, n_ids, paragraph = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
texts = [p.read_text(encoding="utf-8") for p in sorted(corpora.rglob("*.txt"))]
with Store.open(db) as store:
    i = 0
    while True:
        text = texts[i % len(texts)]
        clauses = [
            Clause(f"p{k}", 0, None, m.start(), m.end())
            for k, m in enumerate(re.finditer(paragraph, text), 1)
        ][: 1 + i % 50]
        meta = DocumentMeta(f"d{i % n_ids}", title=f"save {i}")
        doc = Document(meta, "x.txt", text, text, OffsetMap.identity(len(text)), f"h{i}",
                       clauses)
        store.save_document(doc)
        print(i, flush=True)
        i += 1
"""


def kill_writer_after(db: Path, saves: int, extra_delay: float) -> int:
    """Start the writer, SIGKILL it `extra_delay` s after its `saves`-th save; return the
    number of the last save it reported."""
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(CORPORA), str(N_IDS), PARAGRAPH],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None
    last = -1
    try:
        for line in proc.stdout:
            last = int(line)
            if last + 1 >= saves:
                break
        else:
            raise AssertionError(f"writer died early: {proc.stderr.read() if proc.stderr else ''}")
        time.sleep(extra_delay)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
        if proc.stderr:
            proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    return last


def expected_clauses(save: int) -> int:
    """How many clauses the writer gave its save number `save`."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPORA.rglob("*.txt"))]
    return min(1 + save % 50, len(re.findall(PARAGRAPH, texts[save % len(texts)])))


def assert_consistent(db: Path, last_reported: int) -> None:
    with closing(sqlite3.connect(db, isolation_level=None)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # The FTS index is sound and holds exactly the rows up to the mark; the rows above it
        # (saved, not yet indexed) complete it (checked in a transaction that is rolled back).
        conn.execute("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO search_fts (rowid, text) SELECT rowid, text FROM search_rows"
            " WHERE rowid > (SELECT indexed_upto FROM search_state)"
        )
        conn.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
        conn.execute("ROLLBACK")
        docs = conn.execute("SELECT id, n_clauses, content_hash FROM documents").fetchall()
        assert docs
        for doc_id, n_clauses, content_hash in docs:
            # Every document is whole: its own version's clauses and index rows, no more.
            assert n_clauses == expected_clauses(int(content_hash[1:]))
            clauses = conn.execute(
                "SELECT count(*) FROM clauses WHERE doc_id = ?", (doc_id,)
            ).fetchone()[0]
            indexed = conn.execute(
                "SELECT count(*) FROM search_rows WHERE doc_id = ? AND clause_id IN"
                " (SELECT id FROM clauses WHERE doc_id = ?)", (doc_id, doc_id)
            ).fetchone()[0]
            assert clauses == indexed == n_clauses, doc_id
        # What the writer reported as saved was committed and survived the kill.
        reported = f"d{last_reported % N_IDS}"
        (hash_,) = conn.execute(
            "SELECT content_hash FROM documents WHERE id = ?", (reported,)
        ).fetchone()
        assert int(hash_[1:]) >= last_reported


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_store_killed_mid_save_reopens_intact(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    db = tmp_path / ".vesika" / "vesika.db"
    # Twice on the same file: the second run starts from a database that was killed once.
    for _ in range(2):
        last = kill_writer_after(db, rng.randint(5, 40), rng.uniform(0.0, 0.03))
        assert_consistent(db, last)
        with Store.open(db) as store:
            assert len(store.document_ids()) <= N_IDS
            assert store.search("people") != []
        # Searching indexed what was pending: now the index matches search_rows exactly.
        with closing(sqlite3.connect(db)) as conn:
            conn.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
