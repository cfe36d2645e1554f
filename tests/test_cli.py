"""The command line, checked through its JSON and through the store it leaves behind."""

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import CORPORA, EXAMPLE, SEED, run_cli

run = run_cli


@pytest.fixture
def founding(tmp_path) -> Path:
    """The U.S. founding documents as a dossier, front matter added from each file's header."""
    folder = tmp_path / "founding"
    folder.mkdir()
    for path in sorted((CORPORA / "us_founding").glob("*.txt")):
        header, body = path.read_text(encoding="utf-8").split("\n", 1)
        title, date, language, _source = (part.strip() for part in header[2:].split("|"))
        front = f"---\ntitle: {json.dumps(title)}\ndate: '{date}'\nlanguage: {language}\n---\n"
        (folder / f"{path.stem}.md").write_text(front + body, encoding="utf-8")
    return folder


def test_show_lists_the_agreement_with_twelve_articles_and_no_author_notes(example):
    code, out = run("show", example, "--json")
    assert code == 0
    listing = json.loads(out)
    assert listing["schema"] == "vesika.documents/1"
    ids = {d["id"] for d in listing["documents"]}
    assert {"birinci-teklifname", "mukabil-teklifname", "anlasma", "bolsevik-kosullari",
            "eldem-makale"} <= ids
    code, out = run("show", example, "anlasma", "--json")
    assert code == 0
    agreement = json.loads(out)
    assert agreement["schema"] == "vesika.document/1"
    assert agreement["id"] == "anlasma"
    numbered = [c for c in agreement["clauses"] if c["label"].isdigit()]
    assert [c["label"] for c in numbered] == [str(i) for i in range(1, 13)]
    for clause in agreement["clauses"]:
        assert set(clause) >= {"label", "level", "parent", "text", "start", "end"}
        assert "teklifname" not in clause["text"]
    assert numbered[0]["text"].startswith("Sovyet Hükümeti, Mustafa Kemal Paşa Hükümeti ile")
    assert numbered[2]["text"] == (
        "Tula’daki cephane fabrikası Mustafa Kemal’in kullanımına verilecektir.")


def test_ingest_writes_the_store_inside_the_dossier_and_is_idempotent(founding):
    code, out = run("ingest", founding, "--json")
    assert code == 0
    first = json.loads(out)
    assert first["schema"] == "vesika.ingest/1"
    assert len(first["ingested"]) == 4 and first["errors"] == []
    db = founding / ".vesika" / "vesika.db"
    with sqlite3.connect(db) as con:
        n_docs = con.execute("select count(*) from documents").fetchone()[0]
        n_clauses = con.execute("select count(*) from clauses").fetchone()[0]
    assert n_docs == 4 and n_clauses > 60
    code, out = run("ingest", founding, "--json")
    again = json.loads(out)
    assert again["ingested"] == [] and len(again["unchanged"]) == 4
    with sqlite3.connect(db) as con:
        assert con.execute("select count(*) from clauses").fetchone()[0] == n_clauses


def test_a_changed_file_replaces_its_records_and_a_deleted_file_leaves(founding):
    run("ingest", founding)
    bill = founding / "us_bill_of_rights_1789.md"
    bill.write_text(bill.read_text(encoding="utf-8").split("AMENDMENT VI")[0], encoding="utf-8")
    (founding / "articles_of_confederation_1777.md").unlink()
    code, out = run("ingest", founding, "--json")
    assert code == 0
    report = json.loads(out)
    assert report["ingested"] == ["us_bill_of_rights_1789"]
    assert report["removed"] == ["articles_of_confederation_1777"]
    code, out = run("show", founding, "us_bill_of_rights_1789", "--json")
    assert code == 0
    assert [c["label"] for c in json.loads(out)["clauses"]] == ["I", "II", "III", "IV", "V"]


def test_search_folds_turkish_suffixes_and_circumflexes(example):
    code, out = run("search", example, "Karabekir", "--json")
    assert code == 0
    result = json.loads(out)
    assert result["schema"] == "vesika.search/1"
    assert any(h["doc"] == "eldem-makale" for h in result["hits"])
    code, out = run("search", example, "harekat-ı askeriye", "--json")
    hits = json.loads(out)["hits"]
    assert any(h["doc"] == "birinci-teklifname" and h["clause"] == "2" for h in hits)


def test_a_single_file_is_a_one_document_dossier(tmp_path):
    seed = tmp_path / "makale.txt"
    shutil.copy(SEED, seed)
    code, out = run("show", seed, "--json")
    assert code == 0
    assert [d["id"] for d in json.loads(out)["documents"]] == ["makale"]
    # ... even after its folder was read as a dossier with another document in it
    shutil.copy(CORPORA / "udhr" / "udhr_en.txt", tmp_path / "udhr.txt")
    assert run("ingest", tmp_path)[0] == 0
    code, out = run("show", seed, "--json")
    assert [d["id"] for d in json.loads(out)["documents"]] == ["makale"]
    assert (tmp_path / ".vesika" / "makale.txt.db").is_file()


def test_analyze_writes_a_self_contained_report_and_json(example, tmp_path):
    out_dir = tmp_path / "out"
    code, out = run("analyze", example, "--out", out_dir)
    assert code == 0, out
    assert f"report: {out_dir / 'report.html'}" in out
    html = (out_dir / "report.html").read_text(encoding="utf-8")
    assert "<link" not in html and "<script" not in html and "http://" not in html.split(
        "<body>")[0]
    assert "Tula’daki cephane fabrikası" in html
    # The lineage table in the article's style, and its flow picture.
    lineage = html.split('id="lineage"')[1].split("</section>")[0]
    assert "no known source" in lineage and "<svg" in lineage
    assert ("Boğazlar sorununun kesin çözümü bir Karadeniz Devletleri konferansındadır.</td>"
            in lineage)
    assert 'href="#doc-mukabil-teklifname-6">' in lineage
    # The author's own note after each article, and whether the machine agrees.
    assert "The scholar&#39;s note" in lineage or "The scholar's note" in lineage
    assert ('<span class="claim agrees">(Mukabil teklifname, no: 6)</span> '
            '<span class="verdict">the machine agrees</span>') in lineage
    align = json.loads((out_dir / "lineage.json").read_text(encoding="utf-8"))
    assert align["schema"] == "vesika.align/1"
    assert {"target": {"doc": "anlasma", "clause": "8"},
            "source": {"doc": "mukabil-teklifname", "clause": "6"}} in [
        {"target": x["target"], "source": x["source"]} for x in align["links"]]
    documents = json.loads((out_dir / "documents.json").read_text(encoding="utf-8"))
    assert documents["schema"] == "vesika.documents/1"
    clauses = json.loads((out_dir / "clauses.json").read_text(encoding="utf-8"))
    agreement = next(d for d in clauses["documents"] if d["id"] == "anlasma")
    assert [c["label"] for c in agreement["clauses"]][:12] == [str(i) for i in range(1, 13)]


def test_document_text_is_escaped_in_the_report(tmp_path):
    dossier = tmp_path / "d"
    dossier.mkdir()
    (dossier / "x.md").write_text("1. <script>alert('x')</script> & <b>bold</b>\n2. İkinci.\n",
                                  encoding="utf-8")
    assert run("analyze", dossier, "--out", tmp_path / "o")[0] == 0
    html = (tmp_path / "o" / "report.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html


def test_unknown_document_and_missing_input_exit_2():
    code, _ = run("show", EXAMPLE.parent / "no-such-dossier")
    assert code == 2
    code, _ = run("frobnicate")
    assert code == 2
