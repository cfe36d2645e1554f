"""Article mode: the seed article read as a dossier of the documents it quotes."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import EXAMPLE, SEED, run_cli
from vesika.annotate.authority import load_authority
from vesika.article.dossier import is_article
from vesika.article.extract import extract_documents
from vesika.article.quotations import annexes, quotations
from vesika.lang.detect import detect_language
from vesika.pipeline import document_from_file


@pytest.fixture(scope="module")
def found():
    return {q.id: q for q in extract_documents(document_from_file(SEED), load_authority())}


def test_every_hand_made_document_is_found_with_its_date(found):
    # The hand-made dossier examples/ankara-moscow-1920 (read from the same article): each
    # document's first words open one found document.
    for path in EXAMPLE.glob("*.md"):
        hand = document_from_file(path)
        words = hand.clean_text.split()[:4]
        matches = [q for q in found.values() if q.text.split()[:4] == words]
        assert matches, hand.id
    dates = {q.id: q.date.edtf for q in found.values() if q.date}
    for expected in ("proposal-1920-04-26", "counter-proposal-1920-06-02", "speech-1920-07-03",
                     "statement-1920-07-08", "proclamation-1920-08-05", "letter-1920-02-20",
                     "telegram-1919-07-09", "speech-1919-09-22"):
        assert expected in dates, expected


def test_first_proposal_metadata(found):
    q = found["proposal-1920-04-26"]
    assert q.title == ("Büyük Millet Meclisi’nin Moskova Sovyet Hükümeti’ne birinci teklifnamesi"
                       " (mektup)")
    assert (q.author, q.recipient, q.language, q.kind) == (
        "M. Kemal", "Moskova Sovyet Hükümeti", "ota-Latn", "proposal")
    assert q.source.startswith("Karabekir, 2008, ss. 747-748 (Kâzım Karabekir, İstiklâl")
    assert q.text.startswith("1 — Emperyalist hükümetler aleyhine harekâtı")
    assert q.text.endswith("Büyük Millet Meclisi Reisi M. Kemal")
    # The article's elision is an annotation, not document text.
    assert "(…)" not in q.text
    assert [n["kind"] for n in q.notes] == ["elision"]


def test_annex_without_the_authors_lineage_notes(found):
    agreement = next(q for q in found.values() if q.kind == "agreement")
    assert agreement.title == ("B. Mustafa Kemal Paşa İle Bolşevikler Tarafından Yapılan"
                               " Anlaşmanın Hükümleri")
    assert "teklifname" not in agreement.text
    notes = [n["text"] for n in agreement.notes if n["kind"] == "cross-reference"]
    assert "(Birinci teklifname, no: 3)" in notes and "(İkinci mukabil teklifname?)" in notes
    assert agreement.text.startswith("1- Sovyet Hükümeti, Mustafa Kemal Paşa Hükümeti ile beraber")
    assert agreement.text.rstrip().endswith("2- İstanbul’dan gizli rapor, 4 Ağustos 1920")
    assert agreement.source.startswith("Major Bray, Situation in Middle East, 1920b")


def test_speech_dated_by_the_minutes_it_is_cited_from(found):
    speech = found["speech-1920-07-03"]
    assert speech.author == "Mustafa Kemal"
    assert speech.source.startswith("TBMM Gizli Celse Zabıtları, Cilt. 1, 3/7/1920")
    assert speech.basis["date"] == "date of the record it is cited from"


def test_reference_closing_the_sentence_a_quotation_ends(found):
    # "… Harbord'a "Bolşeviklik meselesine … imkânsızdır.” demişti. (Jaeschke, 2011, ss.
    # 164-165)" and "… mektubunda ise “Binaenaleyh … lazım gelebilir.” diye yazmıştır.
    # (İlhan Tekeli ve Selim İlkin, …)": the reference after the verb of saying is theirs.
    harbord, talat = found["speech-1919-09-22"], found["letter-1920-02-20"]
    assert harbord.source.startswith("Jaeschke, 2011, ss. 164-165 (Gotthard Jaeschke, Çev.")
    assert talat.source.startswith("İlhan Tekeli ve Selim İlkin, “Kurtuluş Savaşında Talat Paşa")
    assert harbord.basis["source"] == talat.basis["source"] == \
        "reference closing the sentence it is quoted in"
    # A reference before the quotation, after the colon that introduces it.
    assert found["proclamation-1920-08-05"].source.startswith("Bray, 1920a, p. 12")
    assert found["proclamation-1920-08-05"].basis["source"] == \
        "reference introducing the quotation"


def test_a_title_from_a_long_introduction_is_cut_at_a_word(found):
    title = found["speech-1920-07-03"].title
    assert title == ("Mustafa Kemal 3 Temmuz’da BMM’de yapılan gizli oturumda, Dışişleri Halk"
                     " Komiseri Georgi Çiçerin’in 2 Haziran tarihli mukabil teklifnamesi için"
                     " şunları …")


def test_multi_paragraph_quotation_opening_each_paragraph():
    text = ("Bir ilan yayımlamıştır:\n\n“Birinci paragraf burada yazılıdır ve oldukça uzundur,"
            " en az yüz yirmi harf olmalıdır ki belge sayılsın.\n\n“İkinci paragraf da buradadır"
            " ve devam eder.\n\n“5 Ağustos 1920”\n\nSonra makale devam eder.")
    [q] = quotations(text)
    assert text[q.start:q.end].endswith("5 Ağustos 1920")


def test_a_quotation_built_into_the_authors_sentence_is_not_a_document(found):
    # The seed, p. 132: the quoted words end in a verbal noun and carry the accusative "-nı" on
    # the closing mark: what Mustafa Kemal thought, cut to fit the author's sentence.
    text = SEED.read_text(encoding="utf-8")
    start = text.index("Mustafa Kemal, 19 Mayıs 1919")
    sentence = text[start:text.index("(Karabekir, 2008, s. 61)", start)]
    assert " ".join(sentence.split()).endswith("bir mahzuru olamayacağı”nı düşünüyordu.")
    assert quotations(sentence) == []
    assert not any(q.text.startswith("Bolşevizmin suret-i telakki") for q in found.values())
    # The next sentences quote with a verb of saying after the closing mark: documents.
    talat = text[text.index("Talat Paşa’ya yazdığı 20 Şubat"):text.index("(İlhan Tekeli")]
    [letter] = quotations(talat)
    assert talat[letter.start:letter.end].startswith("Binaenaleyh vatanımızı parçalatmak")


def test_unclosed_quotation_and_unbalanced_parentheses_do_not_crash():
    text = "Şöyle dedi: “Bu tırnak hiç kapanmaz (ve parantez de " + "uzun metin " * 50
    quotations(text)
    annexes("Tercüme:\n\nbaşlık yok ve madde yok")
    doc_text = "Makale (Karabekir, 2008 ve (başka) ((" * 3
    assert isinstance(quotations(doc_text), list)


def test_language_detection():
    assert detect_language(SEED.read_text(encoding="utf-8")) == "tr"
    udhr = SEED.parent.parent / "corpora" / "udhr"
    assert detect_language((udhr / "udhr_en.txt").read_text(encoding="utf-8")) == "en"
    assert detect_language((udhr / "udhr_ru.txt").read_text(encoding="utf-8")) == "ru"


def test_a_primary_document_is_not_an_article():
    assert is_article(document_from_file(SEED))
    assert not is_article(document_from_file(EXAMPLE / "anlasma.md"))


def test_analyze_an_article_writes_a_dossier(tmp_path):
    article = tmp_path / "eldem.txt"
    shutil.copy(SEED, article)
    out = tmp_path / "out"
    code, printed = run_cli("analyze", article, "--out", out)
    assert code == 0, printed
    assert "article mode:" in printed
    dossier = out / "dossier"
    written = sorted(p.name for p in dossier.glob("*.md"))
    assert "proposal-1920-04-26.md" in written and len(written) >= 11
    assert (dossier / "eldem.txt").is_file()
    notes = json.loads((dossier / "annotations" / "editorial_notes.json").read_text("utf-8"))
    assert any(n["kind"] == "cross-reference" for n in notes["notes"])
    for name in ("report.html", "bibliography.csl.json", "bibliography.bib", "citations.json"):
        assert (out / name).is_file(), name
    documents = json.loads((out / "documents.json").read_text(encoding="utf-8"))["documents"]
    kinds = {d["id"]: d.get("kind") for d in documents}
    assert kinds["eldem"] == "article" and kinds["proposal-1920-04-26"] == "proposal"
    html = (out / "report.html").read_text(encoding="utf-8")
    assert 'id="bibliography"' in html and "İstiklâl Harbimiz" in html
    assert "quoted in</dt>" in html and "date: heading" in html
    # A corrected dossier is never overwritten: the second run reads it as it is.
    edited = dossier / "proposal-1920-04-26.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("M. Kemal\n", "Mustafa Kemal\n",
                                                                 1), encoding="utf-8")
    code, printed = run_cli("analyze", article, "--out", out)
    assert code == 0 and "existing" in printed
    assert "author: Mustafa Kemal" in edited.read_text(encoding="utf-8")


def test_analyze_the_example_article(tmp_path):
    # The example's copy of the article declares `kind: article` and the hand-made dossier's
    # ids under `quotes`; the dossier written names its own documents.
    article = tmp_path / "eldem-makale.txt"
    shutil.copy(EXAMPLE / "eldem-makale.txt", article)
    out = tmp_path / "out"
    code, printed = run_cli("analyze", article, "--out", out)
    assert code == 0, printed
    dossier = out / "dossier"
    written = sorted(p.stem for p in dossier.glob("*.md"))
    assert len(written) == 12
    front = (dossier / "eldem-makale.txt").read_text(encoding="utf-8").split("---")[1]
    assert "\n".join(f"- {w}" for w in written) in front and "- anlasma" not in front
    notes = json.loads((dossier / "annotations" / "editorial_notes.json").read_text("utf-8"))
    assert any(w.startswith("the article's front matter names quoted documents not found here")
               for w in notes["warnings"])
    documents = json.loads((out / "documents.json").read_text(encoding="utf-8"))["documents"]
    dates = {d["id"]: (d["date"] or {}).get("edtf") for d in documents}
    assert dates["agreement-1920-07"] == "1920-07"
    assert dates["conditions-1920-10-18-to-1920-10-28"] == "1920-10-18/1920-10-28"
    assert dates["eldem-makale"] == "2020/.."
    # The chronology and its findings come from the article: the misdated minutes it cites.
    chronology = json.loads((out / "chronology.json").read_text(encoding="utf-8"))
    assert [c["message"] for c in chronology["conflicts"]] == [
        "cited for 5 Aralık’ta, the record is dated 25/9/1920: earlier than what it is cited for"]
    assert any(e["date"]["edtf"] == "1920-10-18" and e["doc"] == "eldem-makale" and
               e["statement"].startswith("Dahiliye Vekaleti (Danışıklı) Türkiye Komünist"
                                         " Fırkası’na 18 Ekim’de ruhsat verdi")
               for e in chronology["events"])
    csl = json.loads((out / "bibliography.csl.json").read_text(encoding="utf-8"))
    assert len(csl) == 28 and {"karabekir-2008", "topal-2018", "bray-1920b"} <= {
        i["id"] for i in csl}
    assert "@book{karabekir-2008," in (out / "bibliography.bib").read_text(encoding="utf-8")


def test_bad_articles_give_warnings_not_crashes(tmp_path):
    article = tmp_path / "bad.md"
    article.write_text(
        "---\nid: bad\nkind: article\nlanguage: tr\n---\n"
        "Bir geri gönderme (a.g.e., s. 5) ile başlar. Bu makale hiçbir belgeyi uzun uzun"
        " alıntılamaz (Karabekir, s. 61) ve açık kalan bir parantez (Jaeschke, 1989, s. 111."
        " Sonra bir alıntı açılır: “Bu tırnak hiç kapanmaz ve metin" + " uzar gider," * 14
        + " biter.\n",
        encoding="utf-8")
    code, _ = run_cli("analyze", article, "--out", tmp_path / "out")
    assert code == 0
    notes = json.loads((tmp_path / "out" / "dossier" / "annotations" / "editorial_notes.json")
                       .read_text(encoding="utf-8"))
    assert any("never closes" in w for w in notes["warnings"])
    assert any("no quoted document" in w for w in notes["warnings"])
    citations = json.loads((tmp_path / "out" / "citations.json").read_text(encoding="utf-8"))
    warnings = " ".join(citations["warnings"])
    assert "without a year" in warnings and "nothing before it" in warnings
    assert "unbalanced parentheses" in warnings


def test_english_article_with_a_set_off_block():
    # tests/data/article/heldout_article.txt quotes three corpus documents: two in quotation
    # marks, the Bill of Rights as a block set off without them, closed by its reference line.
    article = SEED.parent.parent / "article" / "heldout_article.txt"
    doc = document_from_file(article)
    found = extract_documents(doc, load_authority())
    assert [q.date.edtf for q in found if q.date] == ["1776-06-12", "1777-11-15", "1789-09-25"]
    bill = found[-1]
    assert bill.text.startswith("AMENDMENT I")
    assert bill.text.rstrip().endswith("or to the people.")
    assert bill.source.startswith("Senate Legislative Journal, 25 September 1789")
    assert found[0].title == "Virginia Declaration of Rights"
    assert {q.language for q in found} == {"en"}


def test_article_mode_reads_a_pdf(tmp_path):
    from fpdf import FPDF

    article = SEED.parent.parent / "article" / "heldout_article.txt"
    # The PDF core fonts are Latin-1: typographic quotes and dashes are written plainly.
    text = article.read_text(encoding="utf-8").translate(
        str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "..."}))
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    for paragraph in text.split("\n\n"):
        for line in paragraph.split("\n"):
            pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(5)
    path = tmp_path / "article.pdf"
    pdf.output(str(path))
    code, printed = run_cli("analyze", path, "--out", tmp_path / "out")
    assert code == 0, printed
    assert "article mode:" in printed
    written = sorted(p.name for p in (tmp_path / "out" / "dossier").glob("*.md"))
    assert any(name.endswith("1776-06-12.md") for name in written), written
    assert (tmp_path / "out" / "dossier" / "article.pdf").is_file()
    bib = json.loads((tmp_path / "out" / "bibliography.csl.json").read_text(encoding="utf-8"))
    assert any(item["id"] == "rutland-1955" for item in bib)


def test_the_authors_lineage_notes_become_a_lineage_gold(found):
    from vesika.article.lineage_notes import lineage_notes

    doc = document_from_file(SEED)
    [claims] = lineage_notes(doc.clean_text, list(found.values()))
    assert claims["schema"] == "vesika.lineage-gold/1"
    ours = {lk["target"]: sorted((s["doc"], s["clause"]) for s in lk["sources"] if "clause" in s)
            for lk in claims["links"]}
    # The hand-made gold of the example dossier, read from the same notes by a person; its
    # "2. paragraf" of the counter-proposal is the paragraph after the eight points, p1.
    hand = json.loads((EXAMPLE / "annotations" / "lineage.json").read_text(encoding="utf-8"))
    rename = {"birinci-teklifname": "proposal-1920-04-26",
              "mukabil-teklifname": "counter-proposal-1920-06-02"}
    for link in hand["links"]:
        expected = sorted((rename[s["doc"]], s["clause"]) for s in link["sources"])
        assert ours.get(link["target"], []) == expected, link["target"]
    # "(İkinci teklifname)" names the second proposal, quoted in the article without numbered
    # points: a claim on the whole document (the hand-made dossier does not hold it).
    whole = {lk["target"] for lk in claims["links"]
             if {"doc": "proposal-1920-06-20"} in lk["sources"]}
    assert whole == {"2", "3", "10", "12"}
