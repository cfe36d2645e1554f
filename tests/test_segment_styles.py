"""Segmentation rules on small realistic texts: every numbering style, negatives, robustness."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vesika.model import Clause
from vesika.segment import segment_clauses
from vesika.segment.numerals import parse_number_words, roman_to_int


def shape(text: str) -> list[tuple[str, str, str]]:
    """(label, marker, clause text) of each clause."""
    return [(c.label, c.marker, text[c.start : c.end]) for c in segment_clauses(text)]


def labels(text: str, language: str = "") -> list[str]:
    return [c.label for c in segment_clauses(text, language=language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1) Birinci şart.\n2) İkinci şart.",
         [("1", "1)", "Birinci şart."), ("2", "2)", "İkinci şart.")]),
        ("1. First condition.\n2. Second condition.",
         [("1", "1.", "First condition."), ("2", "2.", "Second condition.")]),
        ("1 – Birinci.\n2 – İkinci.", [("1", "1 –", "Birinci."), ("2", "2 –", "İkinci.")]),
        ("Şartlar: 1 - birinci, 2 - ikinci.",
         [("preamble", "", "Şartlar:"), ("1", "1 -", "birinci,"), ("2", "2 -", "ikinci.")]),
        ("Статья 1. Все люди рождаются свободными.\nСтатья 2. Каждый человек.",
         [("1", "Статья 1.", "Все люди рождаются свободными."),
          ("2", "Статья 2.", "Каждый человек.")]),
        ("Статья первая\nВсе люди.\n\nСтатья вторая\nКаждый человек.",
         [("1", "Статья первая", "Все люди."), ("2", "Статья вторая", "Каждый человек.")]),
        ("Artikel 1\nDie Würde des Menschen ist unantastbar.\n\nArtikel 2\nJeder hat das Recht.",
         [("1", "Artikel 1", "Die Würde des Menschen ist unantastbar."),
          ("2", "Artikel 2", "Jeder hat das Recht.")]),
        ("Erster Artikel\nFrieden.\n\nZweiter Artikel\nFreundschaft.",
         [("1", "Erster Artikel", "Frieden."), ("2", "Zweiter Artikel", "Freundschaft.")]),
        ("Art. 1. Les hommes naissent libres.\nArt. 2. Le but de toute association.",
         [("1", "Art. 1.", "Les hommes naissent libres."),
          ("2", "Art. 2.", "Le but de toute association.")]),
        ("Article premier\nLes hommes.\n\nArticle 2\nLe but.",
         [("1", "Article premier", "Les hommes."), ("2", "Article 2", "Le but.")]),
        ("MADDE 1 — Türkiye Devleti bir Cumhuriyettir.\nMadde 2 – Devletin dili Türkçedir.",
         [("1", "MADDE 1 —", "Türkiye Devleti bir Cumhuriyettir."),
          ("2", "Madde 2 –", "Devletin dili Türkçedir.")]),
        ("Birinci Madde\nTürkiye Devleti bir Cumhuriyettir.\n\nİkinci Madde\nDevletin dini "
         "yoktur.\n\nON BİRİNCİ MADDE\nSon hüküm.",
         [("1", "Birinci Madde", "Türkiye Devleti bir Cumhuriyettir."),
          ("2", "İkinci Madde", "Devletin dini yoktur."),
          ("11", "ON BİRİNCİ MADDE", "Son hüküm.")]),
        ("I. Türkiye’nin istiklali.\nII. Arazinin ilhakı.\nIII. Boğazlar.",
         [("I", "I.", "Türkiye’nin istiklali."), ("II", "II.", "Arazinin ilhakı."),
          ("III", "III.", "Boğazlar.")]),
        ("I- Birinci kısım.\nII- İkinci kısım.",
         [("I", "I-", "Birinci kısım."), ("II", "II-", "İkinci kısım.")]),
        ("Article the first... After the first enumeration.\n\nArticle the second... No law.",
         [("1", "Article the first...", "After the first enumeration."),
          ("2", "Article the second...", "No law.")]),
        ("AMENDMENT I\n\nCongress shall make no law.\n\nAMENDMENT II\n\nA well regulated Militia.",
         [("I", "AMENDMENT I", "Congress shall make no law."),
          ("II", "AMENDMENT II", "A well regulated Militia.")]),
        ("§ 1. Geltungsbereich.\n§ 2. Begriffe.",
         [("1", "§ 1.", "Geltungsbereich."), ("2", "§ 2.", "Begriffe.")]),
    ],
    ids=["close-paren", "dot", "en-dash", "spaced-hyphen-inline", "statya", "statya-words",
         "artikel", "erster-artikel", "art-abbrev", "article-premier", "madde", "birinci-madde",
         "roman-dot", "roman-hyphen", "article-the-first", "amendment", "paragraph-sign"],
)
def test_numbering_style(text, expected):
    assert shape(text) == expected


def test_article_with_sections_nests_sections_under_it():
    text = ("ARTICLE I.\nSection 1. All legislative Powers.\nSection 2. The House.\n\n"
            "ARTICLE II.\nSection 1. The executive Power.")
    found = segment_clauses(text)
    assert [(c.label, c.level, c.parent, c.role) for c in found] == [
        ("I", 0, None, "article"), ("I.1", 1, "I", "section"), ("I.2", 1, "I", "section"),
        ("II", 0, None, "article"), ("II.1", 1, "II", "section")]
    assert text[found[2].start : found[2].end] == "The House."


def test_article_intro_before_its_first_section_is_the_article_body():
    text = "ARTICLE I.\nThe Congress shall have power.\nSection 1. Taxes.\nSection 2. Coins."
    assert shape(text)[:2] == [("I", "ARTICLE I.", "The Congress shall have power."),
                               ("I.1", "Section 1.", "Taxes.")]


def test_prose_with_dates_ordinals_ranges_and_notes_has_no_numbered_clause():
    text = ("Erzurum’daki 15. Kolordu komutanı Kazım Karabekir 26/4/1920 tarihli teklifnameyi "
            "(Karabekir, 2008, ss. 747-748) gönderdi (Birinci teklifname, no: 3); Ermenistan’a "
            "1 Kasım’da sulh teklif edildi. 1920-1921 kışı, 2- 3 kişi, 1 -2 gün.")
    found = segment_clauses(text)
    assert [(c.label, c.role) for c in found] == [("p1", "paragraph")]
    assert (found[0].start, found[0].end) == (0, len(text))


def test_prose_ordinal_at_line_start_is_not_a_clause():
    text = "Erzurum’daki\n15. Kolordu komutanı geldi.\n\n1920. yılında\n2. Ordu da geldi."
    assert labels(text) == ["p1", "p2"]


def test_keyword_in_a_wrapped_line_of_prose_is_not_a_marker():
    text = "The parties agree that\nArticle 5 of the treaty of 1878 is void.\n\nThey sign it."
    assert labels(text) == ["p1", "p2"]


def test_document_without_numbering_is_paragraphs_and_pdf_blank_lines_do_not_split():
    text = ("Büyük Millet Meclisi Reisi Efendi!\n\nBâlâdaki mevadd piş-i nazar-ı ıttılaınıza "
            "vazederken, müttehit köylü\n\namele cumhuriyeti ahalisi namına.\n\n-----\n\n"
            "Umur-u Hariciye Ahali Komiseri Çiçerin")
    found = segment_clauses(text)
    assert [(c.label, c.role) for c in found] == [
        ("p1", "paragraph"), ("p2", "paragraph"), ("p3", "paragraph")]
    assert text[found[1].start : found[1].end].endswith("amele cumhuriyeti ahalisi namına.")


def test_a_stray_open_parenthesis_joins_only_the_next_paragraph():
    text = "Birinci (eksik paragraf.\n\nİkinci paragraf.\n\nÜçüncü paragraf.\n\nDördüncü."
    assert labels(text) == ["p1", "p2", "p3"]


def test_title_line_is_skipped_and_preamble_heading_becomes_the_marker():
    text = ("Treaty of Friendship\n\nPreamble\nThe parties, desiring peace,\nhave agreed:\n\n"
            "Article 1\nPeace.\n\nArticle 2\nFriendship.")
    found = segment_clauses(text)
    assert [(c.label, c.marker, c.role) for c in found] == [
        ("preamble", "Preamble", "preamble"), ("1", "Article 1", "article"),
        ("2", "Article 2", "article")]
    assert text[found[0].start : found[0].end] == "The parties, desiring peace,\nhave agreed:"


def test_only_a_title_before_the_first_article_gives_no_preamble():
    assert labels("Treaty of Friendship\n\nArticle 1\nPeace.\n\nArticle 2\nFriendship.") == [
        "1", "2"]


def test_single_paragraph_clauses_make_following_paragraphs_closings():
    text = ("1- Birinci madde.\n2- İkinci madde.\n3- Üçüncü madde.\n\nSon paragraf.\n\n"
            "Reis Efendi!\n\nÇiçerin")
    found = segment_clauses(text)
    assert [(c.label, c.role) for c in found] == [
        ("1", "article"), ("2", "article"), ("3", "article"), ("p1", "closing"),
        ("p2", "closing"), ("p3", "closing")]
    assert text[found[2].start : found[2].end] == "Üçüncü madde."


def test_multi_paragraph_clauses_keep_continuations_until_a_closing_formula():
    text = ("Article 1\n\nFirst paragraph.\n\nSecond paragraph.\n\nArticle 2\n\nThird.\n\n"
            "Fourth.\n\nIn witness whereof the undersigned have signed.\n\nJohn Hancock")
    found = segment_clauses(text)
    assert [(c.label, c.role) for c in found] == [
        ("1", "article"), ("2", "article"), ("p1", "closing"), ("p2", "closing")]
    assert text[found[1].start : found[1].end] == "Third.\n\nFourth."
    without_formula = text.replace("In witness whereof the undersigned have signed.\n\n", "")
    last = segment_clauses(without_formula)[-1]
    assert (last.label, without_formula[last.start : last.end]) == (
        "2", "Third.\n\nFourth.\n\nJohn Hancock")


def test_skipped_number_at_line_start_still_segments():
    assert shape("1) Birinci.\n2) İkinci.\n4) Dördüncü.") == [
        ("1", "1)", "Birinci."), ("2", "2)", "İkinci."), ("4", "4)", "Dördüncü.")]


def test_skipped_number_inline_stays_in_the_clause_before_it():
    assert shape("Şunlar: 1- bir, 2- iki, 4- dört.") == [
        ("preamble", "", "Şunlar:"), ("1", "1-", "bir,"), ("2", "2-", "iki, 4- dört.")]


def test_restarted_numbering_set_out_alike_is_a_second_part_with_suffixed_labels():
    text = "1) bir.\n2) iki.\n\nİkinci kısım:\n\n1) üç.\n2) dört.\n3) beş."
    assert labels(text) == ["1", "2", "1_2", "2_2", "3_2"]


def test_inline_list_after_a_line_by_line_numbering_is_not_a_restart():
    text = "1- Birinci.\n\n2- İkinci.\n\nDikkat: kaynaklar şunlardır: 1- telgraf, 2- rapor."
    found = segment_clauses(text)
    assert [(c.label, c.role) for c in found] == [
        ("1", "article"), ("2", "article"), ("p1", "closing")]


def test_stray_keyword_line_inside_a_longer_bare_numbering_is_not_a_clause():
    text = "1- Birinci.\n2- İkinci, eski metne göre:\nMadde 5: eski hüküm.\n3- Üçüncü."
    assert shape(text) == [("1", "1-", "Birinci."),
                           ("2", "2-", "İkinci, eski metne göre:\nMadde 5: eski hüküm."),
                           ("3", "3-", "Üçüncü.")]


def test_keyword_articles_win_over_the_numbered_paragraphs_inside_them():
    text = "Article 1\n1. One.\n2. Two.\n3. Three.\n\nArticle 2\nFour.\n\nArticle 3\nFive."
    assert labels(text) == ["1", "2", "3"]


def test_repeated_keyword_numbers_get_unique_labels():
    assert labels("Article 1\nA.\n\nArticle 2\nB.\n\nArticle 1\nC.") == ["1", "2", "1_2"]
    assert labels("ARTICLE I\nSection 1. a.\nSection 1. b.") == ["I", "I.1", "I.1_2"]


def test_footnotes_after_body_end_are_not_segmented():
    body = "1) Birinci şart.\n2) İkinci şart.\n\n"
    text = body + "1) Tula Moskova’nın güneyindedir.\n2) Irak kastediliyor."
    found = segment_clauses(text, body_end=len(body))
    assert [(c.label, text[c.start : c.end]) for c in found] == [
        ("1", "Birinci şart."), ("2", "İkinci şart.")]
    assert all(c.end <= len(body) for c in found)


def test_number_words_fall_back_to_other_languages():
    assert labels("Article One\nA.\n\nArticle Two\nB.", language="tr") == ["1", "2"]


@pytest.mark.parametrize("text", ["", "   ", "\n\n \t\n", "-----\n\n(…)"])
def test_text_without_words_has_no_clauses(text):
    assert segment_clauses(text) == []


def test_long_single_paragraph_is_one_clause():
    sentence = "Bu bir cümledir, 26/4/1920 tarihli ve 15. Kolordu ile ilgili (no: 3) 1-2 gün. "
    text = (sentence * (50_000 // len(sentence) + 1))[:50_000]
    found = segment_clauses(text)
    assert [c.label for c in found] == ["p1"]
    assert (found[0].start, found[0].end) == (0, len(text.rstrip()))


def test_long_inline_run_in_one_paragraph_up_to_three_digit_numbers():
    # Bare numbers have at most three digits: four are a year (`1920-1921`), never a clause.
    text = "Şartlar: " + " ".join(f"{i}- şart {i}," for i in range(1, 1001))
    found = segment_clauses(text)
    assert [c.label for c in found] == ["preamble", *[str(i) for i in range(1, 1000)]]
    assert text[found[-1].start : found[-1].end] == "şart 999, 1000- şart 1000,"


FRAGMENTS = ["1- ", "2- ", "3 — ", "(1) ", "(2) ", "1) ", "2) ", "1. ", "2. ", "I. ", "II. ",
             "Article 1", "Article Two", "Madde 3 —", "Birinci Madde", "ARTICLE I", "SECTION. 1. ",
             "Section 2.", "PREAMBLE", "Önsöz", "\n", "\n\n", " \n \n", "söz ", "Word ",
             "and whereas ", "15. ", "26/4/1920 ", "ss. 747-748 ", "“", "”", "(", ")", ". ", ", ",
             "-----", "(…)"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40), st.integers(0, 400))
def test_clauses_are_ordered_disjoint_stripped_and_well_formed(parts, cut):
    text = "".join(parts)
    body_end = min(cut, len(text))
    found = segment_clauses(text, body_end=body_end)
    for before, after in pairwise(found):
        assert before.end <= after.start
    seen: set[str] = set()
    for c in found:
        assert isinstance(c, Clause)
        assert 0 <= c.start <= c.end <= body_end
        chunk = text[c.start : c.end]
        assert chunk == chunk.strip()
        assert c.label not in seen
        assert c.role in ("preamble", "article", "section", "paragraph", "closing")
        assert c.level == (1 if c.parent is not None else 0)
        assert c.parent is None or c.parent in seen
        if c.marker:
            assert text.startswith(c.marker, c.marker_start) and c.marker_start < c.start
        seen.add(c.label)


@pytest.mark.parametrize(
    ("words", "language", "value"),
    [("One", "en", 1), ("the first", "en", 1), ("Thirteen", "en", 13), ("twenty-one", "", 21),
     ("Birinci", "tr", 1), ("On Birinci", "ota-Latn", 11), ("YİRMİ ÜÇÜNCÜ", "tr", 23),
     ("ALTINCI", "", 6), ("первая", "ru", 1), ("двадцать третья", "ru", 23),
     ("premier", "fr", 1), ("dix-sept", "fr", 17), ("quatre-vingt-dix", "fr", 90),
     ("erste", "de", 1), ("sechste", "de", 6), ("einundzwanzigste", "de", 21),
     ("one hundred and twelve", "en", 112), ("one one", "", None), ("Birinci", "en", None),
     ("treaty", "", None)],
)
def test_number_words(words, language, value):
    assert parse_number_words(words, language) == value


def to_roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + numeral, n - value
    return out


@given(st.integers(1, 3999))
def test_roman_numerals_round_trip(n):
    assert roman_to_int(to_roman(n)) == n


@pytest.mark.parametrize("numeral", ["", "IIII", "IC", "VV", "iv", "ABC"])
def test_non_standard_roman_numerals_are_rejected(numeral):
    assert roman_to_int(numeral) is None


@pytest.mark.parametrize(
    "text",
    [
        "a) Boğazların serbestisi;\nb) Karadeniz sahil devletleri konferansı;\nc) Batum.",
        "(a) the Straits;\n(b) the Black Sea;\n(c) Batum.",
        "a. the Straits;\nb. the Black Sea;\nc. Batum.",
    ],
)
def test_lettered_points_are_clauses_labelled_by_their_letter(text):
    found = segment_clauses(text)
    assert [c.label for c in found] == ["a", "b", "c"]
    assert text[found[2].start:found[2].end] == "Batum."


def test_lettered_points_inside_an_article_stay_in_its_text():
    text = "Article 1\nThe parties agree:\na) one;\nb) two.\n\nArticle 2\nFinal."
    found = segment_clauses(text)
    assert [c.label for c in found] == ["1", "2"]
    assert text[found[0].start:found[0].end] == "The parties agree:\na) one;\nb) two."
