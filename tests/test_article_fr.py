"""Article mode on French scholarly writing: tests/data/article_fr/heldout_article.txt (three
quoted documents, two of them in English; French notes) and small examples of the same rules."""

from __future__ import annotations

import pytest

from conftest import SEED
from vesika.annotate.authority import load_authority
from vesika.article.extract import extract_documents
from vesika.article.quotations import set_off_blocks
from vesika.lang.parens import parenthesized
from vesika.pipeline import document_from_file

ARTICLE = SEED.parent.parent / "article_fr" / "heldout_article.txt"


@pytest.fixture(scope="module")
def doc():
    return document_from_file(ARTICLE)


@pytest.fixture(scope="module")
def found(doc):
    return extract_documents(doc, load_authority())


def test_a_set_off_block_of_one_section_per_line(found):
    # The Virginia Declaration: three lines, no quotation marks, no blank line between them,
    # after a lead-in ending in ":" and up to the reference on a line of its own.
    virginia = next(q for q in found if q.text.startswith("Section 1."))
    assert virginia.text.split("\n\n")[-1].startswith("Section 3. That government is")
    assert virginia.text.endswith("most conducive to the public weal.")
    assert virginia.source.startswith("Convention de Virginie, séance du 12 juin 1776")


def test_a_single_paragraph_after_a_colon_is_not_a_block():
    # One paragraph could be the author's own prose: only two lines or more are a block.
    text = ("Le texte dit ceci :\n\nUne seule phrase de l’auteur, qui n’est pas un document.\n"
            "(Rials, 1988, p. 12)\n")
    references = [(a, b) for a, b in parenthesized(text)]
    assert set_off_blocks(text, references) == []
    two = text.replace("document.\n", "document.\nUne seconde ligne.\n")
    (block,) = set_off_blocks(two, [(a, b) for a, b in parenthesized(two)])
    assert two[block.start:block.end] == ("Une seule phrase de l’auteur, qui n’est pas un"
                                          " document.\nUne seconde ligne.")


def test_lines_that_end_sentences_stay_paragraphs(found):
    # The DDHC block: heading lines and articles one per line; each keeps its own paragraph.
    ddhc = next(q for q in found if q.text.startswith("Article 1"))
    assert ddhc.text.split("\n\n")[:3] == [
        "Article 1",
        "Les hommes naissent et demeurent libres et égaux en droits. Les distinctions sociales"
        " ne peuvent être fondées que sur l'utilité commune.",
        "Article 2"]


def test_a_blocks_language_is_read_from_its_text(found):
    # Two of the three blocks of the French article are in English.
    assert [(q.text.split()[0], q.language) for q in found] == [
        ("Article", "fr"), ("Section", "en"), ("All", "en")]


def test_superscript_note_calls_are_markers(doc):
    from vesika.annotate.citations import note_segments

    notes, markers = note_segments(doc)
    text = doc.clean_text
    assert [n for _, _, n in notes] == [str(i) for i in range(1, 20)]
    assert text[markers["1"] - len("constitutionnel"):markers["1"] + 2] == "constitutionnel¹."
    # The call of note 15 stands right after the closing guillemet of the UDHR block.
    assert text[markers["15"] - 9:markers["15"] + 2] == "status. »¹⁵"


def test_authors_from_the_introducing_sentences(found):
    assert [(q.author, q.basis["author"]) for q in found] == [
        # "telle que l’Assemblée nationale constituante l’avait adoptée"
        ("Assemblée nationale constituante", "subject of the introducing sentence"),
        # "adoptée par la Convention de Virginie à Williamsburg": not in the authority file
        ("Convention de Virginie", "agent of the participle that introduces it, as written"),
        # "adoptée par l’Assemblée générale des Nations unies au palais de Chaillot"
        ("Assemblée générale des Nations unies", "agent of the participle that introduces it")]


def test_titles_in_the_articles_own_words(found):
    assert [(q.title, q.basis["title"]) for q in found] == [
        # The authority file's French form, written with the article's apostrophe.
        ("Déclaration des droits de l’homme et du citoyen",
         "document named in the introducing sentence"),
        # Not in the authority file under a French name: the words of the article.
        ("Déclaration des droits de Virginie", "name of its kind in the introducing sentence"),
        ("Déclaration universelle des droits de l’homme",
         "document named in the introducing sentence")]


@pytest.mark.parametrize("text, first, language, name", [
    ("la Convention de Virginie à Williamsburg", "Convention", "fr", "Convention de Virginie"),
    ("l’Assemblée nationale constituante le 26 août 1789", "Assemblée", "fr",
     "Assemblée nationale constituante"),
    ("la Chambre des pairs et la Chambre des députés", "Chambre", "fr", "Chambre des pairs"),
    ("the Congress of the United States on 25 September", "Congress", "en",
     "Congress of the United States"),
    ("the Convention at Williamsburg", "Convention", "en", "Convention"),
    ("die Erklärung der Rechte des Menschen, die", "Erklärung", "de",
     "Erklärung der Rechte des Menschen"),
    ("the amendments", "amendments", "en", ""),
])
def test_a_name_written_out_runs_to_a_stop_word(text, first, language, name):
    from vesika.lang.written_names import name_at

    assert name_at(text, text.index(first), language) == name


def test_the_note_called_after_a_quotation_is_its_source(found):
    udhr = found[2]
    assert udhr.source == (
        "Assemblée générale des Nations unies, résolution 217 A (III), 10 décembre 1948,"
        " Documents officiels de l’Assemblée générale, troisième session, première partie,"
        " Résolutions, doc. A/810, p. 71")
    assert udhr.basis["source"] == "the note called after the quotation"
    # The resolution's day dates the document.
    assert (udhr.date.edtf, udhr.basis["date"]) == ("1948-12-10",
                                                    "date of the record it is cited from")
