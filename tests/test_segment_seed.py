"""Segmentation of the documents quoted in the seed article, cut verbatim from its text layer.

The excerpts keep the PDF's line breaks, trailing spaces and stray blank lines inside sentences.
Page footers and footnote blocks that interrupt a document are cut out, as the cleaner does;
for the agreement, the author's parenthetical source notes `(Birinci teklifname, no: 1)` and
the footnote markers (`Tula’daki3`) are removed too: they are not part of the document.
"""

from __future__ import annotations

import re

from conftest import SEED
from vesika.model import Clause
from vesika.segment import segment_clauses

ARTICLE = SEED.read_text(encoding="utf-8")


def between(first: str, last: str) -> str:
    """The article's text from `first` through `last`."""
    start = ARTICLE.index(first)
    return ARTICLE[start : ARTICLE.index(last, start) + len(last)]


def cut(text: str, after: str, resume: str) -> str:
    """`text` without what lies between `after` and `resume` (a page footer, a footnote)."""
    i = text.index(after) + len(after)
    return text[:i] + "\n" + text[text.index(resume, i) :]


def words(text: str, clause: Clause) -> str:
    return " ".join(text[clause.start : clause.end].split())


FIRST_PROPOSAL = between("“1 — Emperyalist", "M. Kemal”")
COUNTER_PROPOSAL = cut(
    between("“Sovyet Hükümeti, her iki", "Ahali Komiseri Çiçerin”"),
    "müstakil devletler gibi ", " ilanı, 4-Büyük",
)
AGREEMENT_AS_PRINTED = cut(
    between("1- Sovyet Hükümeti, Mustafa Kemal Paşa Hükümeti ile beraber",
            "Kafkasya’ya gönderilmelerini teklif eder."),
    "2. paragraf) \n(İkinci teklifname)", " 11- Mustafa",
)
SOURCE_NOTE = re.compile(r"\((?:Birinci|İkinci|Mukabil)[^)]*\)")
AGREEMENT = SOURCE_NOTE.sub("", AGREEMENT_AS_PRINTED)
for marked in ("Tula’daki3", "Arabistan4", "Luristan5"):
    AGREEMENT = AGREEMENT.replace(marked, marked[:-1])
CONDITIONS = between("(1) Türkiye komünist", "iyi bir yerdedir.")


def test_first_proposal_numbers_mid_line_and_signature_closing():
    found = segment_clauses(FIRST_PROPOSAL, language="ota-Latn")
    assert [c.label for c in found] == ["1", "2", "3", "p1"]
    one, two, three, signature = found
    assert [one.marker, two.marker, three.marker] == ["1 —", "2 —", "3 —"]
    assert FIRST_PROPOSAL[one.marker_start - 1] == "“"  # the opening quote is not the marker
    assert FIRST_PROPOSAL[three.marker_start - 7 : three.marker_start] == "eyler. "
    assert words(FIRST_PROPOSAL, one) == (
        "Emperyalist hükümetler aleyhine harekâtı ve bunların tahtı tahakküm ve esaretinde "
        "bulunan mazlum insanların tahlisi gayesini istihdaf eden Bolşevik Ruslarla tevhidi "
        "mesai ve harekâtı kabul ediyoruz.")
    assert words(FIRST_PROPOSAL, two).endswith("zümre-i düveliyisine idhal etmeyi taahhüt eyler.")
    assert words(FIRST_PROPOSAL, three).startswith("Evvelâ millî topraklarımızı")
    assert words(FIRST_PROPOSAL, three).endswith(
        "hissiyat-ı samimiyetimizin kabulünü rica eyleriz.")
    assert (signature.role, words(FIRST_PROPOSAL, signature)) == (
        "closing", "Büyük Millet Meclisi Reisi M. Kemal”")


def test_counter_proposal_inline_run_after_preamble_then_closing_paragraphs():
    found = segment_clauses(COUNTER_PROPOSAL, language="ota-Latn")
    assert [c.label for c in found] == [
        "preamble", "1", "2", "3", "4", "5", "6", "7", "8", "p1", "p2", "p3", "p4"]
    c = {x.label: x for x in found}
    assert words(COUNTER_PROPOSAL, c["preamble"]).startswith("“Sovyet Hükümeti, her iki milleti")
    assert words(COUNTER_PROPOSAL, c["preamble"]).endswith("Bu prensipler ber vech-i atidir:")
    assert (c["1"].marker, words(COUNTER_PROPOSAL, c["1"])) == (
        "1-", "Türkiye’nin istiklalinin ilanı,")
    assert words(COUNTER_PROPOSAL, c["3"]) == (
        "Arabistan ve Suriye’nin müstakil devletler gibi ilanı,")
    assert words(COUNTER_PROPOSAL, c["4"]).endswith("avdet ettirilmelerini tabii buluyor.")
    assert (c["8"].marker, words(COUNTER_PROPOSAL, c["8"])) == (
        "8-", "Her nevi ecnebi nüfuz mıntıkalarının ilgası")
    assert words(COUNTER_PROPOSAL, c["p1"]).startswith("Rus Sovyet Hükümeti, tazyik altında")
    assert words(COUNTER_PROPOSAL, c["p1"]).endswith("Rus Sovyet Hükümeti teklif eder. (…)")
    assert words(COUNTER_PROPOSAL, c["p2"]) == "Büyük Millet Meclis-i Reisi Efendi!"
    assert words(COUNTER_PROPOSAL, c["p3"]).startswith("Bâlâdaki mevadd")
    assert words(COUNTER_PROPOSAL, c["p4"]) == "Umur-u Hariciye Ahali Komiseri Çiçerin”"
    assert {x.role for x in found[9:]} == {"closing"}


def test_agreement_twelve_articles_and_its_closing_paragraph():
    found = segment_clauses(AGREEMENT, language="tr")
    assert [c.label for c in found] == [str(i) for i in range(1, 13)] + ["p1"]
    c = {x.label: x for x in found}
    # The blank line the PDF left inside article 1 does not end it.
    assert words(AGREEMENT, c["1"]) == (
        "Sovyet Hükümeti, Mustafa Kemal Paşa Hükümeti ile beraber yabancı emperyalizmine karşı "
        "savaş yapacaktır.")
    assert words(AGREEMENT, c["3"]) == (
        "Tula’daki cephane fabrikası Mustafa Kemal’in kullanımına verilecektir.")
    assert (c["10"].marker, c["11"].marker) == ("10-", "11-")
    assert words(AGREEMENT, c["12"]) == (
        "Sovyet Hükümeti, Mustafa Kemal Paşa Hükümeti’ne Maveraülkafkas’da ihtiyaç duydukları "
        "tüm askeri malzemeleri toplamasına izin verir.")
    assert (c["p1"].role, words(AGREEMENT, c["p1"])) == ("closing", (
        "Sovyet Hükümeti, biri Rus ve biri Türk olmak üzere iki askeri misyonun, planlarını "
        "sürdürmenin en iyi yöntemlerini tartışmak için Kafkasya’ya gönderilmelerini teklif "
        "eder."))


def test_agreement_source_notes_left_in_do_not_start_clauses():
    # `(Birinci teklifname, no: \n1)` puts `1)` at a line start; `no: 2,3)` follows a comma.
    found = segment_clauses(AGREEMENT_AS_PRINTED, language="tr")
    assert [c.label for c in found] == [str(i) for i in range(1, 13)] + ["p1"]


def test_agreement_title_source_line_and_bray_note_around_it():
    text = between("B. Mustafa Kemal Paşa", "gizli rapor, 4 Ağustos 1920")
    text = SOURCE_NOTE.sub("", cut(text, "2. paragraf) \n(İkinci teklifname)", " 11- Mustafa"))
    found = segment_clauses(text, language="tr")
    # The two-line title is not a preamble; the source line, broken by a blank line inside its
    # parentheses, is one closing paragraph; the dashed line is dropped; Bray's note with its
    # inline list `1- …, 2- …` is a closing, not a second numbering.
    assert [c.label for c in found] == [str(i) for i in range(1, 13)] + ["p1", "p2", "p3"]
    assert words(text, found[-2]) == (
        "(Kaynak: Çiçerin’den Mustafa Kemal’e Nota’nın kopyası; Kopenhag’da Litvinoff’a "
        "verildi.)")
    assert words(text, found[-1]).startswith("Dikkat: Yukarıdaki anlaşmanın şartları")
    assert words(text, found[-1]).endswith("2- İstanbul’dan gizli rapor, 4 Ağustos 1920")


def test_bolshevik_conditions_parenthesised_numbers():
    found = segment_clauses(CONDITIONS, language="tr")
    assert [c.label for c in found] == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert [c.marker for c in found[:2]] == ["(1)", "(2)"]
    assert words(CONDITIONS, found[0]) == "Türkiye komünist ilkeleri kabul edecek."
    assert words(CONDITIONS, found[2]) == (
        "Halifelik, komünist bir Türk Hükümeti’nin başındakine devredilecek. Bu nedenle "
        "Komünist Türk Hükümeti Başkanı bir Müslüman olmalıdır.")
    assert words(CONDITIONS, found[7]).endswith("Türkiye söz konusu saldırı için coğrafi olarak "
                                                "iyi bir yerdedir.")


def test_bolshevik_conditions_with_heading_separators_and_source():
    text = between("EK II", "28 Ekim 1920 tarihli İstanbul raporunda aktarıldı.)")
    found = segment_clauses(text, language="tr")
    # `EK II`, the subtitle and the dashed line are titles, not a preamble; the source is a
    # closing paragraph and the dashed line before it is dropped.
    assert [c.label for c in found] == ["1", "2", "3", "4", "5", "6", "7", "8", "p1"]
    assert words(text, found[-1]).startswith("(Kaynak: 15. Kolordu Sorumlu Subayı")


def test_bolshevik_conditions_inline_in_one_paragraph():
    text = ("(1) Türkiye komünist ilkeleri kabul edecek. (2) Padişahlık hükümet şekli iptal "
            "edilecek. (3) Halifelik, komünist bir Türk Hükümeti’nin başındakine devredilecek. "
            "(4) Devlet, laik bir devlet olacak ve vicdan hürriyeti sağlanacak.")
    found = segment_clauses(text)
    assert [(c.label, c.marker) for c in found] == [
        ("1", "(1)"), ("2", "(2)"), ("3", "(3)"), ("4", "(4)")]
    assert words(text, found[1]) == "Padişahlık hükümet şekli iptal edilecek."
