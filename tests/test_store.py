from __future__ import annotations

import dataclasses
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from vesika.lang import FOLD_VERSION
from vesika.model import Clause, Document, DocumentMeta, OffsetMap, Span, parse_edtf
from vesika.store import SCHEMA_VERSION, SNIPPET_MARKS, SchemaError, SearchHit, Store, schema

DATA = Path(__file__).parent / "data"
SEED_LINES = (DATA / "seed" / "eldem_iki_belge.txt").read_text(encoding="utf-8").splitlines(
    keepends=True
)
TABLES = ("documents", "clauses", "spans", "search_rows")


def seed_document(
    first: int, last: int, *, doc_id: str = "eldem", content_hash: str = "h1"
) -> Document:
    """Seed lines first..last (1-based, inclusive) as a document, one clause per non-blank
    line, labelled with its line number in the seed file."""
    text = "".join(SEED_LINES[first - 1 : last])
    clauses = []
    pos = 0
    for number, line in enumerate(SEED_LINES[first - 1 : last], first):
        if line.strip():
            clauses.append(Clause(str(number), 1, None, pos, pos + len(line.rstrip())))
        pos += len(line)
    meta = DocumentMeta(doc_id, title="Türk-Rus İlişkilerine Dair İki Belge", language="tr")
    return Document(meta, f"{doc_id}.txt", text, text, OffsetMap.identity(len(text)),
                    content_hash, clauses)


def nonblank(first: int, last: int) -> int:
    return sum(1 for line in SEED_LINES[first - 1 : last] if line.strip())


def counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def check_index(path: Path) -> None:
    """Raise unless the FTS index holds exactly the indexed search rows, the rows above the
    mark are all that is missing, and nothing is orphaned. Changes nothing."""
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO search_fts (rowid, text) SELECT rowid, text FROM search_rows"
            " WHERE rowid > (SELECT indexed_upto FROM search_state)"
        )
        # With 1: the index must match the content table row for row.
        conn.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
        conn.execute("ROLLBACK")
        for table in ("clauses", "spans", "search_rows"):
            orphans = conn.execute(
                f"SELECT count(*) FROM {table} WHERE doc_id NOT IN (SELECT id FROM documents)"
            ).fetchone()[0]
            assert orphans == 0, table


def labels(hits: list[SearchHit]) -> set[tuple[str, str]]:
    return {(h.doc_id, h.label) for h in hits}


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "dossier" / ".vesika" / "vesika.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as s:
        yield s


@pytest.fixture
def seeded(store: Store) -> Store:
    # Lines 70-180: Karabekir, İstanbul, İstiklâl, Çiçerin and the Bolşevik articles.
    assert store.save_document(seed_document(70, 180)) is True
    return store


# -- schema -----------------------------------------------------------------------------------


def test_open_creates_the_folders_and_a_wal_database_at_the_current_version(
    db_path: Path,
) -> None:
    with Store.open(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION == 2
    assert db_path.is_file()
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID


def test_reopening_applies_no_migration(db_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="vesika.store")
    Store.open(db_path).close()
    assert [r.message for r in caplog.records if "migrating" in r.message] == [
        f"migrating {db_path}: schema version 0 -> 1",
        f"migrating {db_path}: schema version 1 -> 2",
    ]
    caplog.clear()
    Store.open(db_path).close()
    assert [r.message for r in caplog.records if "migrating" in r.message] == []


def test_migrations_run_in_order_from_an_empty_database(tmp_path: Path) -> None:
    seen: list[tuple[str, int]] = []

    def step(name: str):  # type: ignore[no-untyped-def]
        def run(conn: sqlite3.Connection) -> None:
            seen.append((name, conn.execute("PRAGMA user_version").fetchone()[0]))
            conn.execute(f"CREATE TABLE {name} (x)")

        return run

    steps = [step("a"), step("b"), step("c")]
    with closing(sqlite3.connect(tmp_path / "m.db", isolation_level=None)) as conn:
        assert schema.migrate(conn, "m.db", steps) == 3
        assert seen == [("a", 0), ("b", 1), ("c", 2)]
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
        assert schema.migrate(conn, "m.db", steps) == 0
        assert seen == [("a", 0), ("b", 1), ("c", 2)]


def test_a_failing_migration_rolls_back_only_itself(tmp_path: Path) -> None:
    def good(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE good (x)")

    def bad(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half (x)")
        raise RuntimeError("migration bug")

    with closing(sqlite3.connect(tmp_path / "m.db", isolation_level=None)) as conn:
        with pytest.raises(RuntimeError, match="migration bug"):
            schema.migrate(conn, "m.db", [good, bad])
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert tables == {"good"}


def test_a_database_from_a_newer_vesika_is_refused(db_path: Path) -> None:
    Store.open(db_path).close()
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(SchemaError) as err:
        Store.open(db_path)
    assert str(err.value) == (
        f"{db_path} has store schema version {SCHEMA_VERSION + 1}, but this vesika knows versions"
        f" up to {SCHEMA_VERSION}; it was written by a newer vesika: upgrade vesika to open it"
    )


def test_a_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE notes (x)")
    with pytest.raises(SchemaError, match="not a vesika store"):
        Store.open(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "vesika.db"
    path.write_bytes(b"this is a text file, not a database" * 100)
    with pytest.raises(SchemaError, match="is not an SQLite database"):
        Store.open(path)


# -- saving -----------------------------------------------------------------------------------


def test_saving_the_same_content_hash_twice_changes_nothing(seeded: Store, db_path: Path) -> None:
    before = counts(db_path)
    assert before == {"documents": 1, "clauses": 92, "spans": 0, "search_rows": 92}
    assert nonblank(70, 180) == 92
    assert seeded.save_document(seed_document(70, 180)) is False
    assert counts(db_path) == before
    assert seeded.content_hash("eldem") == "h1"
    assert seeded.content_hash("missing") is None


def test_saving_a_changed_document_replaces_its_clauses(seeded: Store, db_path: Path) -> None:
    assert seeded.save_document(seed_document(181, 200, content_hash="h2")) is True
    assert seeded.content_hash("eldem") == "h2"
    doc = seeded.document("eldem")
    assert doc is not None
    assert [c["label"] for c in doc["clauses"]] == [str(n) for n in range(181, 201)
                                                    if SEED_LINES[n - 1].strip()]
    n = nonblank(181, 200)
    assert counts(db_path) == {"documents": 1, "clauses": n, "spans": 0, "search_rows": n}
    check_index(db_path)
    # Karabekir is only in the old version (lines 80-174).
    assert seeded.search("Karabekir") == []


def test_clause_ids_are_content_hashes_stable_across_stores(tmp_path: Path) -> None:
    ids = []
    for name in ("a", "b"):
        with Store.open(tmp_path / name / "vesika.db") as store:
            store.save_document(seed_document(70, 80))
        with closing(sqlite3.connect(tmp_path / name / "vesika.db")) as conn:
            ids.append([r[0] for r in conn.execute("SELECT id FROM clauses ORDER BY seq")])
    assert ids[0] == ids[1]
    assert len(set(ids[0])) == nonblank(70, 80) == 6


def indexed_upto(path: Path) -> tuple[int, int]:
    """(highest indexed rowid, highest rowid) of the search rows."""
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(
            "SELECT indexed_upto, (SELECT max(rowid) FROM search_rows) FROM search_state"
        ).fetchone()


def test_saved_text_is_indexed_in_batches_and_before_a_search(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("vesika.store.db.INDEX_BATCH_CHARS", 3000)
    n1, n2, n3 = nonblank(70, 100), nonblank(101, 140), nonblank(141, 150)
    store.save_document(seed_document(70, 100))  # 1467 folded characters: pending
    assert indexed_upto(db_path) == (0, n1)
    store.save_document(seed_document(101, 140, doc_id="b"))  # 3669 now: indexed
    assert indexed_upto(db_path) == (n1 + n2, n1 + n2)
    store.save_document(seed_document(141, 150, doc_id="c"))
    assert indexed_upto(db_path) == (n1 + n2, n1 + n2 + n3)
    check_index(db_path)
    assert labels(store.search("Bolsevik")) == {("eldem", "77"), ("b", "105"), ("b", "106"),
                                                ("b", "108"), ("b", "111")}
    assert indexed_upto(db_path) == (n1 + n2 + n3, n1 + n2 + n3)
    check_index(db_path)


def test_replacing_a_document_not_yet_indexed_keeps_the_index_sound(
    store: Store, db_path: Path
) -> None:
    store.save_document(seed_document(70, 100))
    store.save_document(seed_document(70, 110, content_hash="h2"))
    # The pending rows of the first version went without touching the index.
    assert indexed_upto(db_path) == (0, nonblank(70, 110))
    check_index(db_path)
    assert store.index_pending() == nonblank(70, 110)
    assert store.index_pending() == 0
    store.save_document(seed_document(70, 120, content_hash="h3"))
    check_index(db_path)
    assert labels(store.search("Karabekir")) == {("eldem", "80"), ("eldem", "87"),
                                                 ("eldem", "95")}


def test_delete_document_cascades_to_clauses_spans_and_index(store: Store, db_path: Path) -> None:
    doc = seed_document(70, 100)
    doc.spans["page"] = [Span(0, 50, "page", "5")]
    store.save_document(doc)
    store.save_document(seed_document(100, 130, doc_id="other"))
    assert store.delete_document("eldem") is True
    assert store.delete_document("eldem") is False
    assert store.document_ids() == ["other"]
    n = nonblank(100, 130)
    assert counts(db_path) == {"documents": 1, "clauses": n, "spans": 0, "search_rows": n}
    check_index(db_path)
    assert labels(store.search("İstanbul")) == set()


def test_deleting_a_document_row_in_sql_cascades(seeded: Store, db_path: Path) -> None:
    with closing(sqlite3.connect(db_path, isolation_level=None)) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM documents WHERE id = 'eldem'")
    assert counts(db_path) == {"documents": 0, "clauses": 0, "spans": 0, "search_rows": 0}
    check_index(db_path)


def test_a_failing_save_leaves_the_previous_version_intact(seeded: Store, db_path: Path) -> None:
    before = counts(db_path)
    broken = seed_document(181, 200, content_hash="h2")
    # Not JSON: fails while the spans are being inserted, after the old version was deleted.
    broken.spans["note"] = [Span(0, 5, "note", "1", {"bad": object()})]
    with pytest.raises(TypeError, match="cannot store a object as JSON"):
        seeded.save_document(broken)
    assert seeded.content_hash("eldem") == "h1"
    assert counts(db_path) == before
    assert ("eldem", "137") in labels(seeded.search("Karabekir"))
    check_index(db_path)


def test_an_exception_in_the_index_insert_rolls_back(
    seeded: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = counts(db_path)

    def explode(conn: sqlite3.Connection, values: list[tuple[object, ...]]) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Store, "_insert_search_rows", staticmethod(explode))
    with pytest.raises(RuntimeError, match="disk on fire"):
        seeded.save_document(seed_document(181, 200, content_hash="h2"))
    monkeypatch.undo()
    assert counts(db_path) == before
    assert seeded.content_hash("eldem") == "h1"
    check_index(db_path)
    # The store is still usable after the rollback.
    assert seeded.save_document(seed_document(181, 200, content_hash="h2")) is True


def test_a_clause_outside_the_text_is_refused_before_anything_is_written(
    seeded: Store, db_path: Path
) -> None:
    before = counts(db_path)
    doc = seed_document(181, 200, content_hash="h2")
    doc.clauses.append(Clause("99", 1, None, 10, len(doc.clean_text) + 1))
    with pytest.raises(ValueError, match=r"clause '99' \[10, \d+\) is not a span"):
        seeded.save_document(doc)
    assert counts(db_path) == before
    assert seeded.content_hash("eldem") == "h1"


# -- reading ----------------------------------------------------------------------------------


def full_document() -> Document:
    clean = "".join(SEED_LINES[99:124])
    raw = "Ankara Üniversitesi Türk İnkılap Tarihi Enstitüsü\n" + clean
    offsets = OffsetMap()
    offsets.add(51, 51 + len(clean), len(clean), verbatim=True)
    first = clean.index("1 —")
    second = clean.index("2 —")
    date = dataclasses.replace(parse_edtf("1920-04~"), text="Nisan 1920 civarı")
    meta = DocumentMeta(
        "tbmm-1920-04", title="Mustafa Kemal’in Lenin’e mektubu", date=date, language="tr",
        kind="letter", author="Mustafa Kemal", recipient="Vladimir Lenin", place="Ankara",
        source="Karabekir 2008, ss. 747-748", reliability="copy", responds_to=["lenin-1920"],
        quotes=["a", "b"], extra={"folio": 12},
    )
    clauses = [
        Clause("preamble", 0, None, 0, first, role="preamble"),
        Clause("1", 0, None, first + 4, second, "1 —", first, role="article"),
        Clause("2", 0, None, second + 4, len(clean), "2 —", second, role="article"),
    ]
    spans = {"page": [Span(0, 200, "page", "747", {"n": 747}), Span(200, len(clean), "page")]}
    return Document(meta, "letters/lenin.txt", raw, clean, offsets, "sha-123", clauses, spans,
                    produced_by="ingest 0.1")


def test_load_document_round_trips(store: Store) -> None:
    doc = full_document()
    doc.body_end = len(doc.clean_text) - 10
    store.save_document(doc)
    loaded = store.load_document(doc.id)
    assert loaded == doc
    assert loaded.meta.date is not None
    assert loaded.meta.date.edtf == "1920-04~"
    assert loaded.meta.date.text == "Nisan 1920 civarı"
    assert loaded.offsets.raw_span(0, 10) == (51, 61)
    assert [s.attrs for s in loaded.spans["page"]] == [{"n": 747}, {}]
    with pytest.raises(KeyError):
        store.load_document("missing")


def test_an_interval_date_round_trips(store: Store) -> None:
    doc = full_document()
    doc.meta.date = parse_edtf("1920-06/1920-07")
    store.save_document(doc)
    assert store.load_document(doc.id).meta.date == parse_edtf("1920-06/1920-07")


def test_documents_lists_metadata_in_date_order(store: Store) -> None:
    letter = full_document()
    undated = seed_document(70, 75, doc_id="aaa-undated")
    later = seed_document(76, 80, doc_id="zzz-1948")
    later.meta.date = parse_edtf("1948-12-10")
    for doc in (undated, later, letter):
        store.save_document(doc)
    listed = store.documents()
    assert [d["id"] for d in listed] == ["tbmm-1920-04", "zzz-1948", "aaa-undated"]
    first = listed[0]
    assert first["date"] == {
        "edtf": "1920-04~", "earliest": "1920-04-01", "latest": "1920-04-30",
        "precision": "month", "calendar": "gregorian", "text": "Nisan 1920 civarı",
        "approximate": True,
    }
    assert {k: first[k] for k in ("title", "kind", "author", "path", "n_clauses", "body_end",
                                  "content_hash", "produced_by", "responds_to", "extra")} == {
        "title": "Mustafa Kemal’in Lenin’e mektubu", "kind": "letter",
        "author": "Mustafa Kemal", "path": "letters/lenin.txt", "n_clauses": 3,
        "body_end": None, "content_hash": "sha-123", "produced_by": "ingest 0.1",
        "responds_to": ["lenin-1920"], "extra": {"folio": 12},
    }
    assert listed[2]["date"] is None
    assert store.document_ids() == ["aaa-undated", "tbmm-1920-04", "zzz-1948"]


def test_document_gives_clauses_with_their_text(store: Store) -> None:
    doc = full_document()
    store.save_document(doc)
    got = store.document(doc.id)
    assert got is not None
    assert got["id"] == "tbmm-1920-04"
    assert [(c["label"], c["marker"], c["role"]) for c in got["clauses"]] == [
        ("preamble", "", "preamble"), ("1", "1 —", "article"), ("2", "2 —", "article"),
    ]
    assert got["clauses"][1]["text"].startswith("Emperyalist hükümetler aleyhine harekâtı")
    assert store.document("missing") is None


def test_a_clause_object_without_a_role_is_accepted(store: Store) -> None:
    # Written before Clause had `role` (or by a stage that builds its own clause type).
    @dataclasses.dataclass(frozen=True)
    class LegacyClause:
        label: str
        level: int
        parent: str | None
        start: int
        end: int
        marker: str = ""
        marker_start: int = -1

    doc = full_document()
    doc.clauses = [LegacyClause("preamble", 0, None, 0, 40)]  # type: ignore[list-item]
    store.save_document(doc)
    got = store.document(doc.id)
    assert got is not None
    assert [(c["label"], c["role"]) for c in got["clauses"]] == [("preamble", None)]
    assert store.load_document(doc.id).clauses == [Clause("preamble", 0, None, 0, 40)]


# -- search -----------------------------------------------------------------------------------


def test_search_finds_a_name_before_an_apostrophe_suffix(seeded: Store) -> None:
    hits = seeded.search("Karabekir")
    assert labels(hits) == {("eldem", n) for n in ("80", "87", "95", "122", "137", "174")}
    hit = next(h for h in hits if h.label == "137")
    doc = seed_document(70, 180)
    clause = next(c for c in doc.clauses if c.label == "137")
    assert (hit.start, hit.end) == (clause.start, clause.end)
    assert [doc.clean_text[a:b] for a, b in hit.matches] == ["Karabekir"]
    assert hit.snippet == (
        f"2 Kazım {SNIPPET_MARKS[0]}Karabekir{SNIPPET_MARKS[1]}’in teklifnameyi Halk"
        " Komiserleri Konseyi Başkanı Vladimir…"
    )
    assert hits == sorted(hits, key=lambda h: -h.score)


def test_the_snippet_shows_where_most_query_words_meet(store: Store) -> None:
    text = (DATA / "corpora" / "us_founding" / "us_bill_of_rights_1789.txt").read_text(
        encoding="utf-8"
    )
    start = text.index("The enumeration")
    end = text.index("\n\n", start)
    doc = Document(DocumentMeta("bor"), "bor.txt", text, text, OffsetMap.identity(len(text)),
                   "b1", [Clause("IX", 0, None, start, end, "AMENDMENT IX")])
    store.save_document(doc)
    hits = store.search("the people")
    assert labels(hits) == {("bor", "IX"), ("bor", "")}
    ninth = next(h for h in hits if h.label == "IX")
    # The clause is short enough to show whole, on one line.
    assert ninth.snippet == (
        "**The** enumeration in **the** Constitution, of certain rights, shall not be construed"
        " to deny or disparage others retained by **the** **people**."
    )


def test_search_with_the_suffix_finds_the_suffixed_form(seeded: Store) -> None:
    assert labels(seeded.search("Karabekir’in")) == {("eldem", "137")}
    assert labels(seeded.search("karabekirin")) == set()


def test_search_is_a_prefix_search(seeded: Store) -> None:
    # Bolşevik, Bolşeviklerle; folded, so typed without Turkish letters.
    assert labels(seeded.search("Bolsevik")) == {
        ("eldem", n) for n in ("77", "105", "106", "108", "111")
    }


@pytest.mark.parametrize("query", ["ISTANBUL", "istanbul", "İstanbul", "ıstanbul", "Istanbul"])
def test_search_finds_istanbul_whatever_the_i(seeded: Store, query: str) -> None:
    # İstanbul’daki (75), İstanbul, (88).
    assert labels(seeded.search(query)) == {("eldem", "75"), ("eldem", "88")}


def test_search_for_a_suffixed_place_finds_longer_suffixes(seeded: Store) -> None:
    assert labels(seeded.search("ISTANBUL’DA")) == {("eldem", "75")}


@pytest.mark.parametrize("query", ["istiklal", "istiklâl", "İSTİKLÂL"])
def test_search_ignores_circumflexes(seeded: Store, query: str) -> None:
    # İstiklâl (87), istiklalinin (133), istiklal (171).
    assert labels(seeded.search(query)) == {("eldem", "87"), ("eldem", "133"), ("eldem", "171")}


@pytest.mark.parametrize("query", ["Çiçerin", "Cicerin", "CİCERİN", "çiçerin"])
def test_search_ignores_turkish_letter_marks(seeded: Store, query: str) -> None:
    assert labels(seeded.search(query)) == {("eldem", "174"), ("eldem", "178")}


def test_search_requires_all_words(seeded: Store) -> None:
    # Karabekir alone in 80, 87, 95, 137; with 2008 in 122 and 174; 2008 alone in 88.
    assert labels(seeded.search("Karabekir 2008")) == {("eldem", "122"), ("eldem", "174")}


def test_search_keeps_a_quoted_phrase_together(seeded: Store) -> None:
    # "Kazım Karabekir" in 80, 95 and 137; "Kâzım Karabekir" in 87.
    assert labels(seeded.search('"kazim karabekir"')) == {
        ("eldem", n) for n in ("80", "87", "95", "137")
    }
    assert labels(seeded.search('"karabekir kazim"')) == set()


@pytest.mark.parametrize(
    "query", ['"unbalanced', "AND OR NOT", "(", "*", "a:b", ")", '"', "NEAR(", "-", "^x", "'",
              "Karabekir AND", "OR", "col:Karabekir", '""', "\x00", "a" * 500]
)
def test_hostile_queries_do_not_crash(seeded: Store, query: str) -> None:
    hits = seeded.search(query)
    assert isinstance(hits, list)


def test_a_query_without_words_returns_nothing(seeded: Store) -> None:
    assert seeded.search("(*)") == []
    assert seeded.search("Karabekir", limit=0) == []


def test_search_respects_the_limit(seeded: Store) -> None:
    assert len(seeded.search("Karabekir", limit=2)) == 2


def test_text_outside_clauses_is_searchable_by_paragraph(store: Store) -> None:
    text = (DATA / "corpora" / "udhr" / "udhr_ru.txt").read_text(encoding="utf-8")
    doc = Document(DocumentMeta("udhr-ru", language="ru"), "udhr_ru.txt", text, text,
                   OffsetMap.identity(len(text)), "ru-1")
    store.save_document(doc)
    hits = store.search("ВСЕОБЩАЯ ДЕКЛАРАЦИЯ")
    assert len(hits) >= 1
    assert {h.label for h in hits} == {""}
    for hit in hits:
        assert len(text[hit.start : hit.end]) <= 8000
        assert [text[a:b].lower() for a, b in hit.matches][:2] == ["всеобщая", "декларация"]


def test_a_new_fold_version_refolds_the_index(seeded: Store, db_path: Path) -> None:
    seeded.close()
    with closing(sqlite3.connect(db_path, isolation_level=None)) as conn:
        conn.execute("UPDATE store_meta SET value = 'old' WHERE key = 'fold_version'")
    with Store.open(db_path) as store:
        assert labels(store.search("Cicerin")) == {("eldem", "174"), ("eldem", "178")}
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("SELECT value FROM store_meta").fetchall() == [(FOLD_VERSION,)]
    check_index(db_path)


def test_the_context_manager_closes_the_store_and_closing_twice_is_harmless(
    db_path: Path,
) -> None:
    with Store.open(db_path) as store:
        store.save_document(seed_document(70, 80))
    with pytest.raises(sqlite3.ProgrammingError):
        store.document_ids()
    store.close()
    with Store.open(db_path) as store:
        assert store.document_ids() == ["eldem"]
