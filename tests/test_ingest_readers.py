"""Readers: front matter, PDF text layer, TEI — with the files' own problems reported by name."""

from pathlib import Path

import pytest

from conftest import corpus_text
from vesika.ingest import IngestError, read_document

BILL = corpus_text("us_founding/us_bill_of_rights_1789.txt")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_front_matter_gives_metadata_and_the_body_offset(tmp_path):
    path = write(tmp_path, "mukabil.md", (
        "---\nid: mukabil-teklifname\ntitle: Mukabil teklifname\ndate: '1920-06-02'\n"
        "language: ota-Latn\nkind: counter-proposal\nauthor: Çiçerin\n"
        "responds_to: birinci-teklifname\nreliability: B2\n---\n"
        "Sovyet Hükümeti, her iki milleti tehdit eden ecnebi emperyalizmine karşı ...\n"))
    source = read_document(path)
    meta = source.meta
    assert (meta.id, meta.title, meta.language, meta.kind, meta.author, meta.reliability) == (
        "mukabil-teklifname", "Mukabil teklifname", "ota-Latn", "counter-proposal", "Çiçerin", "B2")
    assert meta.date is not None and meta.date.edtf == "1920-06-02"
    assert meta.responds_to == ["birinci-teklifname"]
    assert source.text.startswith("Sovyet Hükümeti, her iki")
    raw = path.read_text(encoding="utf-8")
    assert raw[source.text_offset:].startswith("Sovyet Hükümeti")


def test_id_defaults_to_the_file_stem_and_dates_may_be_approximate_or_ranges(tmp_path):
    source = read_document(write(tmp_path, "anlasma.md",
                                 "---\ndate: 1920-07~\n---\n1- Sovyet Hükümeti ...\n"))
    assert source.meta.id == "anlasma"
    assert source.meta.date.edtf == "1920-07~" and source.meta.date.approximate
    ranged = read_document(write(tmp_path, "r.md", "---\ndate: 1920-06/1920-07\n---\nx y z\n"))
    assert (ranged.meta.date.earliest.isoformat(), ranged.meta.date.latest.isoformat()) == (
        "1920-06-01", "1920-07-31")


@pytest.mark.parametrize(
    ("front", "message", "line"),
    [
        ("date: 1920-02-30", "day 30 does not exist", 2),
        ("title: Birinci\ndate: '1920-13'", "month 13 does not exist", 3),
        ("title: [unclosed\nkind: letter", "broken YAML", None),
        ("- a list\n- not a mapping", "must be a mapping", 2),
        ("id: 'bad id with spaces'", "must be a slug", 2),
        ("responds_to: {a: b}", "expected a document id", 2),
    ],
)
def test_bad_front_matter_names_file_and_line(tmp_path, front, message, line):
    path = write(tmp_path, "bozuk.md", f"---\n{front}\n---\nMetin.\n")
    with pytest.raises(IngestError, match=message) as info:
        read_document(path)
    assert info.value.path == str(path)
    if line is not None:
        assert info.value.line == line


def make_pdf(path: Path, pages: list[list[str]]) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        pdf.cell(0, 8, f"The Bill of Rights{' ' * 40}{number}", new_x="LMARGIN", new_y="NEXT")
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_pdf_text_layer_keeps_page_boundaries(tmp_path):
    lines = [line for line in BILL.splitlines() if line.strip()]
    path = make_pdf(tmp_path / "bill.pdf", [lines[:12], lines[12:24]])
    source = read_document(path)
    assert source.meta.id == "bill"
    assert source.page_breaks is not None and len(source.page_breaks) == 1
    first, second = source.text[: source.page_breaks[0]], source.text[source.page_breaks[0]:]
    assert "AMENDMENT I" in first and "Congress shall make no law respecting" in first
    assert second.startswith("The Bill of Rights")
    assert lines[12] in second


def test_encrypted_and_corrupt_pdfs_are_refused_by_name(tmp_path):
    import pikepdf

    plain = make_pdf(tmp_path / "plain.pdf", [["Article 1", "Text."]])
    locked = tmp_path / "locked.pdf"
    with pikepdf.open(plain) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(owner="o", user="secret", R=4))
    with pytest.raises(IngestError, match="encrypted PDF") as info:
        read_document(locked)
    assert "locked.pdf" in str(info.value)
    corrupt = tmp_path / "corrupt.pdf"
    corrupt.write_bytes(plain.read_bytes()[:200])
    with pytest.raises(IngestError, match="corrupt PDF"):
        read_document(corrupt)
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"this is not a pdf at all")
    with pytest.raises(IngestError, match="not a PDF"):
        read_document(fake)


TEI_DOC = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Déclaration des Droits de l'Homme et du Citoyen</title></titleStmt>
      <sourceDesc><bibl>Déclaration des Droits de l'Homme et du Citoyen de 1789</bibl></sourceDesc>
    </fileDesc>
    <profileDesc>
      <creation><date when="1789-08-26"/></creation>
      <langUsage><language ident="fr">français</language></langUsage>
    </profileDesc>
  </teiHeader>
  <text><body>
    <div type="article" n="1"><head>Article 1</head>
      <p>Les hommes naissent et demeurent libres et égaux en droits.
         Les distinctions sociales ne peuvent être fondées que sur l'utilité commune.</p></div>
    <div type="article" n="2"><head>Article 2</head>
      <p>Le but de toute association politique est la conservation des droits naturels et
         imprescriptibles de l'Homme.</p></div>
  </body></text>
</TEI>
"""


def test_tei_header_gives_metadata_and_divs_give_clauses(tmp_path):
    source = read_document(write(tmp_path, "ddhc.xml", TEI_DOC))
    meta = source.meta
    assert meta.title == "Déclaration des Droits de l'Homme et du Citoyen"
    assert meta.language == "fr" and meta.date.edtf == "1789-08-26"
    assert [c.label for c in source.clauses] == ["1", "2"]
    first = source.clauses[0]
    assert source.text[first.start:first.end] == (
        "Les hommes naissent et demeurent libres et égaux en droits. Les distinctions sociales "
        "ne peuvent être fondées que sur l'utilité commune.")


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&lol3;</p></body></text></TEI>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&xxe;</p></body></text></TEI>
"""


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bomb.xml", BOMB, "declares entities"),
        ("xxe.xml", EXTERNAL, "declares entities"),
        ("broken.xml", "<TEI xmlns='http://www.tei-c.org/ns/1.0'><text><body><p>open</body>",
         "malformed XML"),
        ("other.xml", "<html><body><p>not TEI</p></body></html>", "not a TEI document"),
    ],
)
def test_hostile_or_malformed_xml_is_refused_by_name(tmp_path, name, text, message):
    with pytest.raises(IngestError, match=message) as info:
        read_document(write(tmp_path, name, text))
    assert name in str(info.value)
    assert "root:" not in str(info.value)  # /etc/passwd never leaks into a message


def test_malformed_xml_reports_the_line(tmp_path):
    path = write(tmp_path, "broken.xml", "<TEI>\n<text>\n<p>one</p>\n</wrong>\n</TEI>\n")
    with pytest.raises(IngestError) as info:
        read_document(path)
    assert info.value.line == 4


def test_a_pdf_in_a_dossier_keeps_its_pages_as_spans(tmp_path):
    from vesika.pipeline import ingest
    from vesika.store import Store

    lines = [line for line in BILL.splitlines() if line.strip()]
    dossier = tmp_path / "d"
    dossier.mkdir()
    make_pdf(dossier / "bill.pdf", [lines[:12], lines[12:24]])
    with Store.open(tmp_path / "v.db") as store:
        assert ingest(dossier, store).ingested == ["bill"]
        doc = store.load_document("bill")
    pages = doc.spans["page"]
    assert [p.label for p in pages] == ["1", "2"]
    # The running header "The Bill of Rights ... N" is debris: gone from the clean text.
    assert "The Bill of Rights" not in doc.clean_text
    assert [c.label for c in doc.clauses][:2] == ["I", "II"]
    second = doc.clean_text[pages[1].start:pages[1].end]
    assert second.startswith(" ".join(lines[12].split()[:3]))
