"""Citations: parsing each style, the bibliography, back-references, statements, exports."""

from __future__ import annotations

import csv
import json

import pytest

from conftest import SEED, run_cli
from vesika.annotate.citations import find_citations, parse_reference
from vesika.link.bibliography import build_bibliography
from vesika.pipeline import document_from_file
from vesika.present.bibexport import to_bibtex, to_csl_json


def parse(text: str):
    c = parse_reference(text, 0, len(text))
    assert c is not None, text
    return c


def test_author_year_page():
    c = parse("Karabekir, 2008, ss. 747-748")
    assert (c.kind, c.author, c.year, c.pages) == ("author-year", "Karabekir", "2008", "747-748")
    c = parse("Bray, 1920b, p. 12")
    assert (c.author, c.year, c.pages) == ("Bray", "1920b", "12")


def test_several_page_ranges():
    assert parse("Sonyel, 2013, ss. 263-264, 273-274").pages == "263-264, 273-274"


def test_full_first_mention_of_a_book():
    c = parse("Gotthard Jaeschke, Türk Kurtuluş Savaşı Kronolojisi, Mondros’tan Mudanya’ya Kadar,"
              " TTK Basımevi, Ankara, 1989, s. 111")
    assert (c.kind, c.author, c.given, c.year, c.pages) == (
        "full", "Jaeschke", "Gotthard", "1989", "111")
    assert c.title == "Türk Kurtuluş Savaşı Kronolojisi, Mondros’tan Mudanya’ya Kadar"
    assert (c.publisher, c.place) == ("TTK Basımevi", "Ankara")


def test_journal_article_with_volume_and_issue():
    c = parse("İlhan Tekeli ve Selim İlkin, “Kurtuluş Savaşında Talat Paşa ile Mustafa Kemal’in"
              " Mektuplaşmaları”, Belleten, TTK Basımevi, C. 44, S. 174 (1980), ss. 324-325")
    assert c.title == "Kurtuluş Savaşında Talat Paşa ile Mustafa Kemal’in Mektuplaşmaları"
    assert (c.container, c.volume, c.issue, c.year, c.pages) == (
        "Belleten", "44", "174", "1980", "324-325")
    assert c.author == "İlhan Tekeli ve Selim İlkin"


def test_dated_parliamentary_record():
    c = parse("TBMM Gizli Celse Zabıtları, Cilt. 1, 3/7/1920, s. 73")
    assert (c.kind, c.container, c.volume, c.record_date, c.pages) == (
        "archival", "TBMM Gizli Celse Zabıtları", "1", "1920-07-03", "73")


@pytest.mark.parametrize("text, back", [("a.g.e., s. 175", "a.g.e."), ("Topal, a.g.m.", "a.g.m."),
                                        ("ibid., p. 4", "ibid."), ("op. cit., p. 9", "op. cit.")])
def test_back_references(text, back):
    c = parse(text)
    assert (c.kind, c.back) == ("back-reference", back)


def test_cross_reference_to_another_document():
    c = parse("Mukabil teklifname, no: 7,8")
    assert (c.kind, c.title, c.part) == ("cross-reference", "Mukabil teklifname", "7,8")
    assert parse("İkinci mukabil teklifname?").doubtful
    # A gloss of a word of the sentence is not a reference.
    assert parse_reference("Moskova Antlaşmasını", 0, 20) is None


def test_not_citations():
    for text in ["Alkışlar", "Bravo sesleri, alkışlar", "11 Ekim 1922’den", "Şuraları"]:
        assert parse_reference(text, 0, len(text)) is None, text


def test_bad_input_does_not_crash():
    for text in ["(Karabekir, 2008", "((", "(a.g.e.)", "(Smith, n.d.)", ")(", "(, 1920, s.)"]:
        find_citations(text)
    bibliography = build_bibliography([document_from_file(SEED)])
    assert bibliography.citations
    lone = parse("a.g.e., s. 5")
    assert lone.kind == "back-reference"


def test_back_reference_with_nothing_before_it_is_a_warning(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("---\nid: note\nlanguage: tr\n---\nBir cümle (a.g.e., s. 5). Sonra"
                    " (Karabekir, 2008, s. 3).\n", encoding="utf-8")
    bibliography = build_bibliography([document_from_file(path)])
    assert [c.work for c in bibliography.citations] == [None, "karabekir-2008"]
    assert any("nothing before it" in w for w in bibliography.warnings)


@pytest.fixture(scope="module")
def seed_bibliography():
    return build_bibliography([document_from_file(SEED)])


def test_seed_bibliography_groups_short_and_full_citations(seed_bibliography):
    works = seed_bibliography.works
    karabekir = works["karabekir-2008"]
    assert karabekir.type == "book"
    assert karabekir.fields["title"] == "İstiklâl Harbimiz"
    assert len(karabekir.cited) == 5
    assert works["topal-2018"].type == "article"
    assert len(works["jaeschke-1989"].cited) == 5


def test_seed_back_references_resolve(seed_bibliography):
    backs = {c.citation.text: c.work for c in seed_bibliography.citations
             if c.citation.kind == "back-reference"}
    assert backs == {"a.g.e., s. 175": "aydemir-1999", "Topal, a.g.m.": "topal-2018"}


def test_misprinted_series_is_read_as_the_series(seed_bibliography):
    tbbm = [c for c in seed_bibliography.citations if c.citation.text.startswith("TBBM")]
    assert tbbm[0].work == "tbmm-gizli-celse-zabitlari-1"
    assert any("TBBM" in w for w in seed_bibliography.warnings)


def test_block_quotation_citation_supports_the_quotation(seed_bibliography):
    first = next(c for c in seed_bibliography.citations
                 if c.citation.text == "Karabekir, 2008, ss. 747-748")
    assert first.statement_text.startswith("“1 — Emperyalist hükümetler aleyhine")
    assert first.statement_text.endswith("Büyük Millet Meclisi Reisi M. Kemal”")


def test_footnote_citation_supports_its_footnote(seed_bibliography):
    note = next(c for c in seed_bibliography.citations if c.citation.in_footnote == "2")
    assert note.work == "jaeschke-2011"
    assert "Lenin" in note.statement_text


def test_exports_read_back(seed_bibliography):
    items = json.loads(to_csl_json(seed_bibliography))
    by_id = {i["id"]: i for i in items}
    assert by_id["karabekir-2008"]["type"] == "book"
    assert by_id["karabekir-2008"]["author"] == [{"family": "Karabekir", "given": "Kâzım"}]
    assert by_id["topal-2018"]["type"] == "article-journal"
    assert by_id["topal-2018"]["container-title"] == "Karadeniz Araştırmaları Enstitüsü Dergisi"
    assert by_id["karabekir-2008"]["issued"] == {"date-parts": [[2008]]}
    bib = to_bibtex(seed_bibliography)
    assert "@book{karabekir-2008," in bib and "@article{topal-2018," in bib
    assert bib.count("{") == bib.count("}")


def test_gold_citations_are_found(seed_bibliography):
    """At least 95% of the hand-annotated citations (tests/data/citations) are found."""
    lines = (SEED.parent.parent / "citations" / "gold_citations.tsv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(lines.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))
    spans = [(c.citation.start, c.citation.end) for c in seed_bibliography.citations]
    found = sum(1 for r in rows if any(
        min(e, int(r["end"])) - max(s, int(r["start"])) > (int(r["end"]) - int(r["start"])) / 2
        for s, e in spans))
    assert found / len(rows) >= 0.95


def test_listed_sources_without_parentheses(seed_bibliography):
    # The "Dikkat" note of annex II-B names its two confirming sources in a numbered list.
    listed = [c for c in seed_bibliography.citations if c.citation.kind == "report"
              and not c.citation.text.startswith("Kaynak")]
    assert [c.citation.text for c in listed] == [
        "Çiçerin’den Türk Millet Meclisi’ne 4 Haziran 1920 tarihli telsiz telgraf dinlemesi",
        "İstanbul’dan gizli rapor, 4 Ağustos 1920"]
    # The spans of the hand-made gold (tests/data/citations/gold_citations.tsv, rows 26-27).
    assert [(c.citation.start, c.citation.end) for c in listed] == [(14261, 14343), (14348, 14388)]
    assert [c.citation.record_date for c in listed] == ["1920-06-04", "1920-08-04"]
    # The list supports the sentence before the one announcing it.
    assert {c.statement_text for c in listed} == {
        "Dikkat: Yukarıdaki anlaşmanın şartları diğer iki kaynaktan öz olarak teyit edilmiştir."}
    assert len({c.work for c in listed}) == 2


def test_a_dated_source_is_a_work_of_that_day(seed_bibliography):
    listed = next(c for c in seed_bibliography.citations
                  if c.citation.text == "İstanbul’dan gizli rapor, 4 Ağustos 1920")
    work = seed_bibliography.works[listed.work or ""]
    assert (work.type, work.fields["date"], work.fields["year"]) == (
        "document", "1920-08-04", "1920")
    items = {i["id"]: i for i in json.loads(to_csl_json(seed_bibliography))}
    assert items[work.key]["issued"] == {"date-parts": [[1920, 8, 4]]}
    assert f"@misc{{{work.key},\n  title = {{İstanbul’dan gizli rapor, 4 Ağustos 1920}},\n" \
           "  year = {1920},\n  date = {1920-08-04}\n}" in to_bibtex(seed_bibliography)


def test_source_note_dated_in_words():
    c = parse("Kaynak: 15. Kolordu Sorumlu Subayı Kazım Karabekir’den Mustafa Kemal’e telgraf,"
              " 28 Ekim 1920 tarihli İstanbul raporunda aktarıldı.")
    assert (c.kind, c.record_date) == ("report", "1920-10-28")


def test_a_list_without_years_is_not_a_list_of_sources():
    text = "Bu kaynaklar şunlardır: 1- Karabekir’in hatıraları, 2- Meclis zabıtları.\n"
    assert find_citations(text) == []


def test_citations_command(example, tmp_path):
    code, out = run_cli("citations", example, "--json", "--csl", tmp_path / "b.json",
                        "--bibtex", tmp_path / "b.bib")
    assert code == 0
    payload = json.loads(out)
    assert payload["schema"] == "vesika.citations/1"
    first = payload["citations"][0]
    assert {"doc", "start", "end", "text", "kind", "work", "statement"} <= set(first)
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert "@book{" in (tmp_path / "b.bib").read_text(encoding="utf-8")


ARTICLE = SEED.parent.parent / "article" / "heldout_article.txt"


def test_chicago_notes_and_author_date():
    c = parse("Robert A. Rutland, ed., The Papers of George Mason, 1725–1792, 3 vols. (Chapel Hill:"
              " University of North Carolina Press, 1970), 1: 274–276")
    assert (c.kind, c.author, c.given, c.year, c.volume, c.pages) == (
        "full", "Rutland", "Robert A.", "1970", "1", "274-276")
    assert (c.place, c.publisher) == ("Chapel Hill", "University of North Carolina Press")
    assert c.title == "The Papers of George Mason, 1725–1792"
    j = parse("Kenneth R. Bowling, “‘A Tub to the Whale’: The Founding Fathers and Adoption of the"
              " Federal Bill of Rights,” Journal of the Early Republic 8, no. 3 (1988): 223–251")
    assert (j.container, j.volume, j.issue, j.year, j.pages) == (
        "Journal of the Early Republic", "8", "3", "1988", "223-251")
    d = parse("Veit, Bowling and Bickford 1991, 197")
    assert (d.kind, d.year, d.pages) == ("author-year", "1991", "197")
    r = parse("Annals of Congress, 24 August 1789, col. 778")
    assert (r.kind, r.container, r.record_date, r.pages) == (
        "archival", "Annals of Congress", "1789-08-24", "778")


def test_endnotes_section_and_markers():
    doc = document_from_file(ARTICLE)
    bibliography = build_bibliography([doc])
    in_notes = [c for c in bibliography.citations if c.citation.in_footnote]
    assert {c.citation.in_footnote for c in in_notes} >= {"1", "2", "9", "18"}
    rutland = bibliography.works["rutland-1955"]
    assert rutland.fields["title"] == "The Birth of the Bill of Rights, 1776–1791"
    # "see ibid." after "Rutland 1970" in the same note points to Rutland 1970.
    ibid = next(c for c in in_notes if c.citation.text == "ibid., 1: 289–291")
    assert ibid.work == "rutland-1970"
    # A record cited by its series keeps the day of the record.
    jcc = next(c for c in bibliography.citations
               if c.citation.text.startswith("Journals of the Continental Congress, 15 Nov"))
    assert jcc.citation.record_date == "1777-11-15"
