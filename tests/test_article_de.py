"""Article mode on German scholarly writing: tests/data/article_de/heldout_article.txt (three
quoted documents, none in German; German endnotes and quotation marks) and small examples of
the same rules."""

from __future__ import annotations

import pytest

from conftest import SEED
from vesika.annotate.authority import load_authority
from vesika.annotate.names import NameFinder, resolve
from vesika.article.agents import active_agent
from vesika.article.context import introduction
from vesika.article.extract import extract_documents
from vesika.article.quotations import Block, quotations
from vesika.lang.dockinds import kind_nouns
from vesika.pipeline import document_from_file

ARTICLE = SEED.parent.parent / "article_de" / "heldout_article.txt"


@pytest.fixture(scope="module")
def doc():
    return document_from_file(ARTICLE)


@pytest.fixture(scope="module")
def found(doc):
    return extract_documents(doc, load_authority())


def test_german_quotation_marks_close():
    # „…“: the German closing mark is the English opening one.
    text = ("Der Text lautet: „" + "Alle Menschen sind frei und gleich an Würde und Rechten"
            " geboren. " * 3 + "“ So weit der Text.")
    (block,) = quotations(text)
    assert text[block.start - 1] == "„" and text[block.end] == "“"
    assert text[block.start:block.end].startswith("Alle Menschen sind frei")
    # A short quotation is a phrase of the author's sentence, as before.
    assert quotations("Er nannte sie „religiösen Ursprungs“ und ging weiter.") == []


def test_a_quotation_that_never_closes_is_reported():
    warnings: list[str] = []
    text = ("Er schrieb: „Die Freiheit besteht darin, alles tun zu können, was einem anderen"
            " nicht schadet.\n\nDer nächste Absatz spricht von etwas anderem.")
    assert quotations(text, warnings=warnings) == []
    assert warnings == ["a quotation opened at character 12 never closes; it is not taken as"
                        " a document"]


def test_the_french_declaration_in_german_quotation_marks(doc, found):
    # Opened by „ after an introducing sentence ending in a full stop, closed by “ and the call
    # of note 9, which gives its source.
    ddhc = next(q for q in found if q.text.startswith("Article 1"))
    text = doc.clean_text
    assert text[ddhc.start - 1] == "„" and text[ddhc.end:ddhc.end + 2] == "“⁹"
    assert ddhc.text.endswith("l'ordre public établi par la Loi.")
    assert ddhc.language == "fr"
    assert ddhc.source == ("Archives parlementaires (wie Anm. 7), Bd. 8, S. 489 (Sitzung vom"
                           " 26. August 1789)")
    assert ddhc.basis["source"] == "the note called after the quotation"
    assert (ddhc.date.edtf, ddhc.basis["date"]) == (
        "1789-08-26", "date of the record it is cited from")


def test_the_longer_name_of_a_document_wins():
    # "Virginia Bill of Rights" is the Virginia Declaration, not the federal Bill of Rights
    # whose name it holds; "Bill of Rights" alone stays the federal one.
    authority = load_authority()
    finder = NameFinder(authority)
    text = "Die Virginia Bill of Rights ging der Bill of Rights von 1789 voraus."
    found = [(m.text, m.entity) for m in resolve(finder.find(text, "de"), authority)
             if m.entity and authority.entities[m.entity].type == "document"]
    assert found == [("Virginia Bill of Rights", "virginia-declaration-of-rights"),
                     ("Bill of Rights", "us-bill-of-rights")]
    assert "en:Virginia Bill of Rights" in {
        f"{f.lang}:{f.text}" for f in authority.entities["virginia-declaration-of-rights"].forms}


def test_titles_as_the_article_writes_them(found):
    # "Virginia Bill of Rights" is a full name of the entry, written whole: kept as written.
    assert [(q.title, q.basis["title"]) for q in found] == [
        ("Virginia Bill of Rights", "document named in the introducing sentence"),
        ("Erklärung der Menschen- und Bürgerrechte", "document named in the introducing sentence"),
        ("Allgemeine Erklärung der Menschenrechte", "document named in the introducing sentence")]


def test_an_introduction_that_names_no_document_takes_the_sentence_before(doc, found):
    # "In der englischen Fassung lauten der erste Erwägungsgrund … :" names no document; the
    # sentence before it names the UDHR, its body and its day.
    udhr = next(q for q in found if q.text.startswith("Whereas"))
    text = doc.clean_text

    authority = load_authority()
    mentions = resolve(NameFinder(authority).find(text, "de"), authority)
    _, (a, b) = introduction(text, Block(udhr.start, udhr.end, "quotation"),
                             (0, doc.body_end or len(text)), [], mentions, authority)
    assert " ".join(text[a:b].split()) == (
        "Die Generalversammlung der Vereinten Nationen nahm die Allgemeine Erklärung der"
        " Menschenrechte am 10. Dezember 1948 im Palais de Chaillot ohne Gegenstimme bei acht"
        " Enthaltungen an. In der englischen Fassung lauten der erste Erwägungsgrund der Präambel"
        " und der erste Artikel:")
    # The Virginia block's introduction names its document: the sentence before stays out.
    virginia = next(q for q in found if q.text.startswith("Section 1."))
    _, (a, b) = introduction(text, Block(virginia.start, virginia.end, "quotation"),
                             (0, doc.body_end or len(text)), [], mentions, authority)
    assert text[a:b].startswith("Die Virginia Bill of Rights, die der Konvent")


@pytest.mark.parametrize("sentence,language,agent", [
    # A German relative clause that ends with its verb, the separable particle fused (annahm).
    ("Die Virginia Bill of Rights, die der Konvent von Virginia am 12. Juni 1776 annahm, beginnt"
     " und schließt mit den folgenden Abschnitten:", "de", "Konvent von Virginia"),
    # A main clause: the verb second, its particle closing the clause (nahm … an).
    ("Die Generalversammlung der Vereinten Nationen nahm die Allgemeine Erklärung der"
     " Menschenrechte am 10. Dezember 1948 im Palais de Chaillot ohne Gegenstimme bei acht"
     " Enthaltungen an.", "de", "Generalversammlung der Vereinten Nationen"),
    ("Das Parlament verabschiedete das Gesetz am 8. Mai.", "de", "Parlament"),
    ("In June 1776 the Virginia Convention adopted the Declaration of Rights, which begins:",
     "en", "Virginia Convention"),
    ("Le 26 août, l’Assemblée nationale constituante adopta la Déclaration :", "fr",
     "Assemblée nationale constituante"),
    ("Генеральная Ассамблея приняла Декларацию 10 декабря 1948 года:", "ru",
     "Генеральная Ассамблея"),
    # Not an active verb of adopting: another particle (nahm … auf), a passive (adopted by).
    ("Nach 1945 nahm die deutschsprachige Forschung die Frage wieder auf.", "de", ""),
    ("The Declaration of Rights adopted by the Convention begins:", "en", ""),
])
def test_the_subject_of_an_active_verb_of_adopting(sentence, language, agent):
    def is_document(start: int, name: str) -> bool:
        return bool(kind_nouns(name))

    assert active_agent(sentence, 0, len(sentence), language, is_document) == agent


def test_authors_read_from_the_introductions(found):
    assert [(q.author, q.basis["author"]) for q in found[::2]] == [
        ("Konvent von Virginia", "subject of a verb of adopting in the introduction"),
        ("Generalversammlung der Vereinten Nationen",
         "subject of a verb of adopting in the introduction")]


def test_who_adopted_a_document_from_what_the_article_says_of_it_elsewhere(found):
    # The DDHC's introduction names no body; the first section says who adopted it (a German
    # relative clause with an adjective before the name: "welche die französische
    # Nationalversammlung … verabschiedete"). Better than a person of the sentences before.
    ddhc = found[1]
    assert ddhc.author == "Nationalversammlung"
    assert ddhc.basis["author"].startswith("who adopted it where the article names it elsewhere:")
    assert ddhc.basis["author"].endswith(
        "zu jener Erklärung der Menschen- und Bürgerrechte, welche die französische"
        " Nationalversammlung im Sommer 1789 verabschiedete.”")


def test_every_reference_of_the_parenthesis_after_a_block_is_its_source(found):
    # Two works share the parenthesis after the Virginia block; the short title comes with
    # the full mention of its work.
    assert found[0].source == (
        "Konvent von Virginia, Sitzung vom 12. Juni 1776, in: American Archives, 4th Series,"
        " Bd. 6, Sp. 1561 f.; Rutland, Papers, Bd. 1, S. 287–289 (Robert A. Rutland (Hrsg.),"
        " The Papers of George Mason, 1725–1792, Bd. 1, Chapel Hill: University of North"
        " Carolina Press 1970, S. 274–291)")
    assert (found[0].date.edtf, found[0].basis["date"]) == (
        "1776-06-12", "date of the record it is cited from")
