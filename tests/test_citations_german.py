"""Citations in German scholarly writing: the German test article (tests/data/article_de/:
endnotes numbered without a full stop, short titles with ``wie Anm.``, ``Ebd.``, ``a.a.O.``) and
small examples of the same rules."""

from __future__ import annotations

import pytest

from conftest import SEED
from vesika.annotate.endnotes import endnote_markers, endnotes
from vesika.annotate.references import parse_reference
from vesika.link.bibliography import build_bibliography
from vesika.pipeline import document_from_file

GERMAN = SEED.parent.parent / "article_de" / "heldout_article.txt"


@pytest.fixture(scope="module")
def doc():
    return document_from_file(GERMAN)


@pytest.fixture(scope="module")
def bibliography(doc):
    return build_bibliography([doc])


def test_notes_numbered_without_a_full_stop(doc):
    # "1 Georg Jellinek, …": German notes carry the bare number.
    text = doc.clean_text
    notes = endnotes(text)
    assert [n for _, _, n in notes] == [str(i) for i in range(1, 21)]
    s, e, _ = notes[0]
    assert text[s:e].strip() == (
        "1 Georg Jellinek, Die Erklärung der Menschen- und Bürgerrechte. Ein Beitrag zur"
        " modernen Verfassungsgeschichte, Leipzig: Duncker & Humblot 1895.")
    s, e, _ = notes[-1]
    assert text[s:e].strip() == (
        "20 Vgl. Hofmann, Entdeckung (wie Anm. 2), S. 15–18; Oestreich, a.a.O., S. 124–130.")
    # The calls are superscripts after the punctuation: "abgearbeitet.¹", "„religiösen
    # Ursprungs“.¹²".
    markers = endnote_markers(text, notes)
    assert text[markers["1"] - 13:markers["1"] + 1] == "abgearbeitet.¹"
    assert text[markers["12"] - 23:markers["12"] + 2] == "„religiösen Ursprungs“.¹²"


def test_a_bare_number_that_is_not_the_next_note_continues_the_note():
    text = ("Text.¹ Mehr.²\n\nAnmerkungen\n1 Otto Hintze, Staat und Verfassung, Bd. 1,\n"
            "12 Bände geplant, Göttingen: Vandenhoeck & Ruprecht 1962.\n2 Ebd., S. 4.\n")
    notes = endnotes(text)
    assert [(text[s:e].strip(), n) for s, e, n in notes] == [
        ("1 Otto Hintze, Staat und Verfassung, Bd. 1,\n12 Bände geplant, Göttingen:"
         " Vandenhoeck & Ruprecht 1962.", "1"),
        ("2 Ebd., S. 4.", "2")]
    # Numbered with a full stop, a number out of turn ends the notes, as before.
    dotted = "Text.¹\n\nNotes\n1. A note.\n3. Something else.\n"
    assert [n for _, _, n in endnotes(dotted)] == ["1"]


def test_a_back_reference_in_the_text_reads_the_note_called_before_it(bibliography):
    # "Adams, a.a.O." stands in the text after the call of note 6, whose note 5 before it
    # cites Adams in full: the notes are printed at the end but read where they are called.
    adams = next(c for c in bibliography.citations
                 if c.citation.text == "Adams, a.a.O., S. 160–163")
    assert (adams.work, adams.citation.in_footnote) == ("adams-1973", "")
    # "Hoffmann, a.a.O." in note 18 and "Ebd." in note 19: the works read just before.
    assert [(c.citation.text, c.work) for c in bibliography.citations
            if c.citation.in_footnote in ("18", "19")] == [
        ("Samuel Moyn, The Last Utopia: Human Rights in History, Cambridge, Mass.: Belknap Press"
         " of Harvard University Press 2010, S. 44–83", "moyn-2010"),
        ("Hoffmann, a.a.O., S. 20–25", "hoffmann-2010"),
        ("Ebd., S. 30", "hoffmann-2010")]


def parse(text: str, language: str = "de"):
    c = parse_reference(text, 0, len(text), language)
    assert c is not None, text
    return c


def test_a_record_word_inside_a_german_compound():
    # "Plenarsitzung" is a Sitzung: the parenthesis after the UDHR block cites a dated record,
    # and the numbered sitting is the record cited, no part of the series.
    c = parse("Generalversammlung der Vereinten Nationen, 183. Plenarsitzung, 10. Dezember 1948,"
              " UN-Dok. A/PV.183, S. 933 f.")
    assert (c.kind, c.container, c.record_date) == (
        "archival", "Generalversammlung der Vereinten Nationen", "1948-12-10")
    c = parse("Bundesarchiv Koblenz, Kabinettsprotokoll vom 3. Mai 1950, S. 12")
    assert (c.kind, c.record_date) == ("archival", "1950-05-03")


@pytest.mark.parametrize("text,author,title,note_ref,volume,pages", [
    ("Jellinek, Erklärung, S. 35–42", "Jellinek", "Erklärung", "", "", "35-42"),
    ("Rutland, Papers, Bd. 1, S. 287–289", "Rutland", "Papers", "", "1", "287-289"),
    ("Morsink, Universal Declaration, S. 284–290", "Morsink", "Universal Declaration", "", "",
     "284-290"),
    ("Oestreich, Geschichte (wie Anm. 3), S. 61", "Oestreich", "Geschichte", "3", "", "61"),
    ("Boutmy, Déclaration (wie Anm. 2), S. 415 f.", "Boutmy", "Déclaration", "2", "", "415 f."),
    # The Bluebook's pointer, in English.
    ("Rakove, Original Meanings, supra note 5, p. 12", "Rakove", "Original Meanings", "5", "",
     "12"),
])
def test_short_titles(text, author, title, note_ref, volume, pages):
    c = parse(text)
    assert (c.kind, c.author, c.year, c.title, c.note_ref, c.volume, c.pages, c.text) == (
        "author-year", author, "", title, note_ref, volume, pages, text)


def test_a_short_title_needs_a_page_term():
    # Three fields and a figure are no short title without a locator term: prose in parentheses.
    from vesika.annotate.references import parse_reference

    text = "Madison, Jefferson, Adams, 3"
    assert parse_reference(text, 0, len(text), "de") is None


def test_records_cited_short_with_the_note_of_their_edition():
    c = parse("Archives parlementaires (wie Anm. 7), Bd. 8, S. 459 f. (Sitzung vom 19. August"
              " 1789)")
    assert (c.kind, c.container, c.volume, c.pages, c.record_date, c.note_ref) == (
        "archival", "Archives parlementaires", "8", "459 f.", "1789-08-19", "7")


def test_short_titles_resolve_to_the_full_mention(bibliography):
    works = {c.citation.text: c.work for c in bibliography.citations}
    # The same author has two works: the German book of 1895, the French translation of 1902;
    # "Erklärung" names the first.
    assert works["Jellinek, Erklärung, S. 35–42"] == "jellinek-1895"
    assert works["Jellinek, Erklärung (wie Anm. 1), S. 5–12"] == "jellinek-1895"
    assert works["Rutland, Papers, Bd. 1, S. 287–289"] == "rutland-1970"
    assert works["Morsink, Universal Declaration, S. 284–290"] == "morsink-1999"
    assert works["Oestreich, Geschichte (wie Anm. 3), S. 61"] == "oestreich-1968"
    assert works["Adams, Republikanische Verfassung (wie Anm. 5), S. 160–170"] == "adams-1973"
    # "ebd." after the Morsink short title points to Morsink.
    assert works["ebd., S. 290–296"] == "morsink-1999"
    # The records of three sittings are one work, the edition cited in full in note 7.
    records = {works[t] for t in works if t.startswith("Archives parlementaires")}
    assert len(records) == 1
    # Every pointer found its note, every back-reference its work.
    assert bibliography.warnings == []


def test_german_ordinals_end_no_sentence_of_a_note(bibliography):
    # "(Sitzung vom 11. Juli 1789)" is part of note 7's reference, not a new sentence.
    note7 = [c.citation for c in bibliography.citations if c.citation.in_footnote == "7"]
    assert [(c.kind, c.record_date, c.pages, c.volume) for c in note7] == [
        ("archival", "1789-07-11", "221 f.", "8")]


def test_a_journal_article_in_the_german_form():
    # "in: Zeitschrift Band (Jahr), S. a–b": the range after the journal is the article's
    # extent; "hier S." gives the page cited.
    c = parse("Émile Boutmy, La Déclaration des droits de l’homme et du citoyen et M. Jellinek,"
              " in: Annales des sciences politiques 17 (1902), S. 415–443")
    assert (c.author, c.given, c.title, c.container, c.volume, c.year, c.pages) == (
        "Boutmy", "Émile", "La Déclaration des droits de l’homme et du citoyen et M. Jellinek",
        "Annales des sciences politiques", "17", "1902", "")
    c = parse("Gerhard Ritter, Ursprung und Wesen der Menschenrechte, in: Historische Zeitschrift"
              " 169 (1949), S. 233–263, hier S. 240–245")
    assert (c.title, c.container, c.volume, c.year, c.pages) == (
        "Ursprung und Wesen der Menschenrechte", "Historische Zeitschrift", "169", "1949",
        "240-245")


def test_a_chapter_editors_translators_and_places():
    c = parse("Stefan-Ludwig Hoffmann, Einführung. Zur Genealogie der Menschenrechte, in: ders."
              " (Hrsg.), Moralpolitik. Geschichte der Menschenrechte im 20. Jahrhundert,"
              " Göttingen: Wallstein 2010, S. 7–37, hier S. 11–14")
    assert (c.author, c.title, c.container, c.place, c.publisher, c.year, c.pages) == (
        "Hoffmann", "Einführung. Zur Genealogie der Menschenrechte",
        "Moralpolitik. Geschichte der Menschenrechte im 20. Jahrhundert", "Göttingen",
        "Wallstein", "2010", "11-14")
    # "hrsg. von" after a title: the editor is the author of the volume.
    c = parse("Zur Geschichte der Erklärung der Menschenrechte, hrsg. von Roman Schnur, Darmstadt:"
              " Wissenschaftliche Buchgesellschaft 1964")
    assert (c.author, c.given, c.edited, c.title, c.place, c.year) == (
        "Schnur", "Roman", True, "Zur Geschichte der Erklärung der Menschenrechte", "Darmstadt",
        "1964")
    c = parse("Georg Jellinek, La Déclaration des droits de l’homme et du citoyen. Contribution à"
              " l’étude du droit constitutionnel moderne, übers. von Georges Fardis, Paris:"
              " Fontemoing 1902")
    assert (c.author, c.translator, c.place, c.publisher, c.year) == (
        "Jellinek", "Georges Fardis", "Paris", "Fontemoing", "1902")
    c = parse("Samuel Moyn, The Last Utopia: Human Rights in History, Cambridge, Mass.: Belknap"
              " Press of Harvard University Press 2010, S. 44–83")
    assert (c.title, c.place, c.publisher, c.pages) == (
        "The Last Utopia: Human Rights in History", "Cambridge, Mass.",
        "Belknap Press of Harvard University Press", "44-83")


def test_lead_ins_before_the_author(bibliography):
    # German capitalises nouns: "zur Rezeption", "zu den Entwürfen" are the author's words.
    starts = {c.citation.in_footnote + ":" + c.citation.text.split(",")[0]
              for c in bibliography.citations if c.citation.in_footnote in ("2", "6", "8")}
    assert starts == {"2:Émile Boutmy", "2:Hasso Hofmann", "6:Adams", "6:Horst Dippel",
                      "8:Archives parlementaires (wie Anm. 7)", "8:Marcel Gauchet"}
    works = {c.citation.text.split(",")[0]: c.work for c in bibliography.citations}
    assert (works["Hasso Hofmann"], works["Hofmann"]) == ("hofmann-1999", "hofmann-1999")
    assert (works["Émile Boutmy"], works["Boutmy"]) == ("boutmy-1902", "boutmy-1902")


def test_an_english_lead_in_has_no_capitalised_noun():
    # In English a capitalised word after the lead-in is the name's: "Helen E. Veit", not
    # "E. Veit".
    english = build_bibliography([document_from_file(SEED.parent.parent / "article"
                                                     / "heldout_article.txt")])
    veit = next(c for c in english.citations if "Creating the Bill" in c.citation.text)
    assert veit.citation.text.startswith("Helen E. Veit, Kenneth R. Bowling and Charlene")
    assert (veit.work, veit.citation.author) == (
        "veit-1991", "Helen E. Veit, Kenneth R. Bowling and Charlene Bangs Bickford")
    assert english.works["veit-1991"].fields["title"] == (
        "Creating the Bill of Rights: The Documentary Record from the First Federal Congress")


# Written for these tests (the works exist; the pages are placeholders): short titles that are
# a key word of the title, not its first word, and a pointer to the note of the full mention.
GRUNDGESETZ = """Der Parlamentarische Rat

Die Beratungen des Parlamentarischen Rates sind gut erforscht.¹ Über die Grundrechte stritt man\
 besonders lange (Feldkamp, Rat, S. 88–90). Der Hauptausschuss behandelte sie in mehreren\
 Lesungen.² Ähnlich urteilt die ältere Forschung (ebd., S. 91). Damit war die Frage\
 entschieden.³ Das Plenum stimmte zu.⁴

Anmerkungen
1 Michael F. Feldkamp, Der Parlamentarische Rat 1948–1949. Die Entstehung des Grundgesetzes,\
 Göttingen: Vandenhoeck & Ruprecht 1998, S. 12.
2 Vgl. zur Entstehung Karlheinz Niclauß, Der Weg zum Grundgesetz, Paderborn: Schöningh 1998,\
 S. 200–210; Feldkamp, Rat (wie Anm. 1), S. 95.
3 Parlamentarischer Rat, 10. Plenarsitzung, 8. Mai 1949, Stenographischer Bericht, S. 242.
4 Ebd., S. 245; Niclauß, a.a.O., S. 215.
"""


def test_a_short_title_of_a_key_word_and_a_second_article(tmp_path):
    path = tmp_path / "grundgesetz.txt"
    path.write_text(GRUNDGESETZ, encoding="utf-8")
    bibliography = build_bibliography([document_from_file(path)])
    assert bibliography.warnings == []
    assert [(c.citation.kind, c.citation.text.split(",")[0], c.work, c.citation.pages)
            for c in bibliography.citations] == [
        ("author-year", "Feldkamp", "feldkamp-1998", "88-90"),
        ("back-reference", "ebd.", "feldkamp-1998", "91"),
        ("full", "Michael F. Feldkamp", "feldkamp-1998", "12"),
        # "zur Entstehung": the author's words before the name; ß keyed as ss.
        ("full", "Karlheinz Niclauß", "niclauss-1998", "200-210"),
        ("author-year", "Feldkamp", "feldkamp-1998", "95"),
        ("archival", "Parlamentarischer Rat", "parlamentarischer-rat", "242"),
        ("back-reference", "Ebd.", "parlamentarischer-rat", "245"),
        ("back-reference", "Niclauß", "niclauss-1998", "215"),
    ]
