"""A dossier with broken files: each error names its file, the rest ingests, no half-writes."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from conftest import CORPORA, corpus_text
from test_ingest_readers import BOMB, EXTERNAL, make_pdf
from vesika.cli.app import app
from vesika.pipeline import ingest
from vesika.store import Store

GOOD = {
    "udhr_en.txt": corpus_text("udhr/udhr_en.txt"),
    "ddhc.md": "---\nlanguage: fr\ndate: '1789-08-26'\n---\n"
    + corpus_text("rights_chain/ddhc_1789_fr.txt"),
}


def bad_dossier(folder: Path) -> dict[str, str]:
    """Write good and bad files; return {file name: expected fragment of its error}."""
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blob.txt").write_bytes(bytes(range(256)) * 16)
    rng = random.Random(7)
    (folder / "unknown.txt").write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(2000)))
    (folder / "bad-yaml.md").write_text("---\ntitle: [unclosed\n---\nMetin.\n", encoding="utf-8")
    (folder / "bad-date.md").write_text("---\ndate: 1920-02-30\n---\nMetin.\n", encoding="utf-8")
    (folder / "duplicate.md").write_text("---\nid: udhr_en\n---\nAnother text.\n",
                                         encoding="utf-8")
    (folder / "bomb.xml").write_text(BOMB, encoding="utf-8")
    (folder / "xxe.xml").write_text(EXTERNAL, encoding="utf-8")
    (folder / "malformed.xml").write_text("<TEI><text>\n<p>x</text>", encoding="utf-8")
    pdf = make_pdf(folder / "good.pdf", [["AMENDMENT I", "Congress shall make no law."]])
    (folder / "corrupt.pdf").write_bytes(pdf.read_bytes()[:150])
    return {
        "empty.txt": "empty", "blob.txt": "binary", "unknown.txt": "unknown encoding",
        "bad-yaml.md": "broken YAML", "bad-date.md": "day 30 does not exist",
        "duplicate.md": "duplicate id 'udhr_en': also used by udhr_en.txt",
        "udhr_en.txt": "duplicate id 'udhr_en': also used by duplicate.md",
        "bomb.xml": "declares entities",
        "xxe.xml": "declares entities", "malformed.xml": "malformed XML",
        "corrupt.pdf": "corrupt PDF",
    }


def test_every_bad_file_is_named_and_the_good_ones_ingest(tmp_path):
    expected = bad_dossier(tmp_path / "dossier")
    with Store.open(tmp_path / "v.db") as store:
        report = ingest(tmp_path / "dossier", store)
        assert sorted(report.ingested) == ["ddhc", "good"]
        errors = {Path(e.path).name: str(e) for e in report.errors}
        assert set(errors) == set(expected)
        for name, fragment in expected.items():
            assert fragment in errors[name], errors[name]
            assert name in errors[name]
        assert errors["bad-date.md"].startswith(str(tmp_path / "dossier" / "bad-date.md") + ":2:")
        assert sorted(store.document_ids()) == ["ddhc", "good"]


def test_cli_exit_code_says_something_failed(tmp_path):
    bad_dossier(tmp_path / "dossier")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "dossier")])
    assert result.exit_code == 2
    assert "2 ingested" in result.stdout and "11 failed" in result.stdout


def test_a_file_that_vanishes_mid_run_is_reported_and_the_rest_ingests(tmp_path):
    folder = tmp_path / "dossier"
    folder.mkdir()
    names = ["a.txt", "b.txt", "c.txt"]
    for name in names:
        (folder / name).write_text(corpus_text("udhr/udhr_tr.txt"), encoding="utf-8")

    def delete_next(done: str) -> None:
        if done == "a.txt":
            (folder / "b.txt").unlink()

    with Store.open(tmp_path / "v.db") as store:
        report = ingest(folder, store, progress=delete_next)
    assert report.ingested == ["a", "c"]
    assert [str(e) for e in report.errors] == [f"{folder / 'b.txt'}: file vanished before it "
                                               "could be read"]


def test_killing_an_ingest_midway_leaves_a_whole_store(tmp_path):
    folder = tmp_path / "big"
    folder.mkdir()
    sources = sorted(CORPORA.rglob("*.txt"))
    for i in range(400):
        src = sources[i % len(sources)]
        (folder / f"{i:04d}-{src.stem}.txt").write_text(
            src.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    db = tmp_path / "v.db"
    cmd = [sys.executable, "-m", "vesika.cli", "ingest", str(folder), "--db", str(db)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until some documents are in, then kill
        time.sleep(0.05)
        if db.exists() and _count(db) >= 20:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    saved = _count(db)
    assert 0 < saved < 400, "the kill must land in the middle of the ingest"
    with sqlite3.connect(db) as con:
        assert con.execute("pragma integrity_check").fetchone()[0] == "ok"
        rows = con.execute(
            "select d.id, d.n_clauses, count(c.id) from documents d "
            "left join clauses c on c.doc_id = d.id group by d.id").fetchall()
    assert rows and all(n == count for _, n, count in rows)
    with Store.open(db) as store:
        report = ingest(folder, store)
        assert not report.errors
        assert len(store.document_ids()) == 400
        assert len(report.unchanged) == saved


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as con:
            return con.execute("select count(*) from documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
