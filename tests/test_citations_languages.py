"""Citations in French, German and Russian scholarly writing: the French test article
(tests/data/article_fr/), and small German and Russian examples written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEED
from vesika.annotate.refterms import known_publisher
from vesika.link.bibliography import build_bibliography
from vesika.pipeline import document_from_file

FRENCH = SEED.parent.parent / "article_fr" / "heldout_article.txt"


def parse(text: str, language: str):
    from vesika.annotate.citations import parse_reference

    c = parse_reference(text, 0, len(text), language)
    assert c is not None, text
    return c


@pytest.fixture(scope="module")
def french():
    return build_bibliography([document_from_file(FRENCH)])


# -- full references: the publisher by its place in the imprint ---------------------------------

def test_french_full_reference_place_publisher_year():
    c = parse("Stéphane Rials, La Déclaration des droits de l’homme et du citoyen, Paris,"
              " Hachette, 1988", "fr")
    assert (c.kind, c.author, c.given, c.title, c.place, c.publisher, c.year) == (
        "full", "Rials", "Stéphane", "La Déclaration des droits de l’homme et du citoyen",
        "Paris", "Hachette", "1988")


def test_a_publisher_no_list_knows_is_read_from_its_position():
    # Fontemoing and the Institut français de Washington are in no list: they stand between
    # the place and the year.
    assert not known_publisher("Fontemoing")
    c = parse("Georg Jellinek, La Déclaration des droits de l’homme et du citoyen. Contribution à"
              " l’étude du droit constitutionnel moderne, trad. Georges Fardis, Paris, Fontemoing,"
              " 1902, p. 13-20", "fr")
    assert (c.author, c.translator, c.place, c.publisher, c.year, c.pages) == (
        "Jellinek", "Georges Fardis", "Paris", "Fontemoing", "1902", "13-20")
    c = parse("Gilbert Chinard, La Déclaration des droits de l’homme et du citoyen et ses"
              " antécédents américains, Washington, Institut français de Washington, 1945,"
              " p. 9-14", "fr")
    assert (c.place, c.publisher, c.pages) == ("Washington", "Institut français de Washington",
                                               "9-14")
    # A place alone before the year, after a volume.
    c = parse("Peter Force (éd.), American Archives, 4e série, t. VI, Washington, 1846,"
              " col. 1561-1562", "fr")
    assert (c.author, c.edited, c.title, c.volume, c.place, c.publisher, c.year, c.pages) == (
        "Force", True, "American Archives, 4e série", "VI", "Washington", "", "1846",
        "1561-1562")


def test_without_a_place_a_publisher_is_known_by_name():
    # The same reference as note 2 of the French article, its place left out: Hachette is in
    # publishers.tsv; a one-word title before it is not taken for a place.
    c = parse("Stéphane Rials, La Déclaration des droits de l’homme et du citoyen, Hachette, 1988",
              "fr")
    assert (c.place, c.publisher, c.year) == ("", "Hachette", "1988")
    c = parse("Jean Tulard, Napoléon, Fayard, 1977", "fr")
    assert (c.title, c.place, c.publisher) == ("Napoléon", "", "Fayard")


def test_turkish_order_publisher_then_place_still_holds():
    c = parse("Gotthard Jaeschke, Türk Kurtuluş Savaşı Kronolojisi, Mondros’tan Mudanya’ya Kadar,"
              " TTK Basımevi, Ankara, 1989, s. 111", "tr")
    assert (c.publisher, c.place, c.year, c.pages) == ("TTK Basımevi", "Ankara", "1989", "111")


def test_a_chapter_and_idem_for_the_author_cited_before():
    c = parse("id., « Droits de l’homme », dans François Furet et Mona Ozouf (dir.), Dictionnaire"
              " critique de la Révolution française, Paris, Flammarion, 1988, p. 685-695", "fr")
    assert (c.kind, c.back, c.author, c.title, c.container, c.publisher, c.year) == (
        "full", "id.", "", "Droits de l’homme", "Dictionnaire critique de la Révolution française",
        "Flammarion", "1988")


def test_two_authors_joined_by_et():
    assert parse("Prost et Winter, 2011, p. 245-262", "fr").author == "Prost et Winter"
    c = parse("Antoine Prost et Jay Winter, René Cassin et les droits de l’homme. Le projet d’une"
              " génération, Paris, Fayard, 2011", "fr")
    assert (c.author, c.given, c.publisher) == ("Antoine Prost et Jay Winter", "Antoine", "Fayard")


# -- back-references ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, language, back, author, title, pages", [
    ("M. Gauchet, La Révolution des droits de l’homme, op. cit., p. 112-119", "fr", "op. cit.",
     "M. Gauchet", "La Révolution des droits de l’homme", "112-119"),
    ("M. Gauchet, « Droits de l’homme », art. cit., p. 694", "fr", "art. cit.", "M. Gauchet",
     "Droits de l’homme", "694"),
    ("A. Prost et J. Winter, op. cit., p. 263-270", "fr", "op. cit.", "A. Prost et J. Winter", "",
     "263-270"),
    ("Ibid., p. 20-21", "fr", "Ibid.", "", "", "20-21"),
    ("Wehler, a.a.O., S. 20", "de", "a.a.O.", "Wehler", "", "20"),
    ("Ebd., S. 22", "de", "Ebd.", "", "", "22"),
    ("Там же. С. 14", "ru", "Там же", "", "", "14"),
    ("Тарле Е. В. Указ. соч. С. 20", "ru", "Указ. соч.", "Тарле Е. В.", "", "20"),
])
def test_back_references(text, language, back, author, title, pages):
    c = parse(text, language)
    assert (c.kind, c.back, c.author, c.title, c.pages) == (
        "back-reference", back, author, title, pages)


def test_prose_before_a_back_reference_is_no_author():
    from vesika.annotate.citations import find_citations, parse_reference

    # English test article, note 18: the note's sentence is not the reference, the short
    # reference inside it is.
    note = ("Notes\n1. The phrase was used by Anti-Federalist critics and gives Bowling’s article"
            " its title: Bowling, op. cit., 223.")
    sentence = note[9:-1]
    assert parse_reference(sentence, 0, len(sentence), "en") is None
    (found,) = find_citations(note, [(6, len(note), "1")], None, "en")
    assert (found.text, found.author, found.pages) == ("Bowling, op. cit., 223", "Bowling", "223")


# -- dated records ------------------------------------------------------------------------------

def test_french_records_are_dated():
    c = parse("Archives parlementaires, 1re série, t. VIII, séance du 1er août 1789,"
              " p. 320-323", "fr")
    assert (c.kind, c.container, c.volume, c.record_date, c.pages) == (
        "archival", "Archives parlementaires, 1re série", "VIII", "1789-08-01", "320-323")
    c = parse("Assemblée générale des Nations unies, résolution 217 A (III), 10 décembre 1948,"
              " Documents officiels de l’Assemblée générale, troisième session, première partie,"
              " Résolutions, doc. A/810, p. 71", "fr")
    assert (c.kind, c.record_date, c.pages) == ("archival", "1948-12-10", "71")


# -- the French test article's bibliography -----------------------------------------------------

def test_the_french_articles_back_references_resolve(french):
    backs = [(c.citation.text, c.work) for c in french.citations
             if c.citation.kind == "back-reference" or c.citation.back]
    assert backs == [
        ("Morsink, op. cit., p. 284-290", "morsink-1999"),
        ("ibid., p. 290-296", "morsink-1999"),
        ("M. Gauchet, La Révolution des droits de l’homme, op. cit., p. 112-119", "gauchet-1989"),
        ("id., « Droits de l’homme », dans François Furet et Mona Ozouf (dir.), Dictionnaire"
         " critique de la Révolution française, Paris, Flammarion, 1988, p. 685-695",
         "gauchet-1988"),
        ("S. Rials, op. cit., p. 369-373", "rials-1988"),
        ("K. M. Baker, art. cit., p. 188-192", "baker-1994"),
        ("G. Chinard, op. cit., p. 15-19", "chinard-1945"),
        ("G. Jellinek, op. cit., p. 21-30", "jellinek-1902"),
        ("A. Prost et J. Winter, op. cit., p. 263-270", "prost-2011"),
        ("M. A. Glendon, op. cit., p. 161-163", "glendon-2001"),
        ("É. Boutmy, art. cit., p. 440-443", "boutmy-1902"),
        ("M. Gauchet, « Droits de l’homme », art. cit., p. 694", "gauchet-1988"),
        ("J. Morsink, op. cit., p. 36-38", "morsink-1999"),
        ("Ibid., p. 20-21", "morsink-1999"),
    ]


def test_a_note_of_two_sentences_gives_two_references(french):
    # Note 4: a record, then "Sur le rôle de Jefferson, voir" and a book.
    note4 = [(c.citation.kind, c.work) for c in french.citations if c.citation.in_footnote == "4"]
    # Note 4 is called before the body cites the records short: its full mention of the edition
    # is read first and names the series.
    assert note4 == [("archival", "archives-parlementaires-de-1787-a-1860-1re-serie-viii"),
                     ("full", "chinard-1945")]
    # The short name of the series is the same series.
    assert any("'Archives parlementaires, 1re série' read as 'Archives parlementaires de 1787 à"
               " 1860, 1re série'" in w for w in french.warnings)
    # The imprint is not taken for an author and a year.
    assert not [c for c in french.citations if c.citation.text.startswith(("Hachette", "Dupont"))]


def test_lead_in_words_in_either_case():
    from vesika.annotate.citations import find_citations

    note = ("Notes\n1. Cf. Michel Vovelle, La Chute de la monarchie, 1787-1792, Paris, Seuil, 1972,"
            " p. 120-125 ; voir aussi F. Furet, op. cit., p. 50.")
    found = find_citations(note, [(6, len(note), "1")], None, "fr")
    assert [(c.text, c.author) for c in found] == [
        ("Michel Vovelle, La Chute de la monarchie, 1787-1792, Paris, Seuil, 1972, p. 120-125",
         "Vovelle"),
        ("F. Furet, op. cit., p. 50", "F. Furet")]


def test_a_lead_in_of_the_authors_own_is_no_part_of_the_reference(french):
    (force,) = [c for c in french.citations if "American Archives, 4e série" in c.citation.text
                and c.citation.in_footnote]
    assert force.citation.text.startswith("Peter Force (éd.)")
    assert force.work == "force-1846"


# -- German and Russian notes -------------------------------------------------------------------

GERMAN = """Die Verfassungsgeschichte

Die Forschung hat die Reformzeit lange als Vorgeschichte der Revolution gelesen (Wehler 1995,\
 S. 12). Die Begriffe wandelten sich zwischen 1750 und 1850 grundlegend (Conze und Koselleck,\
 1975, S. 45).[1] Die Aufklärung hatte die Kritik an den Staat selbst gerichtet.[2] Erst die\
 Reformer machten daraus ein Programm.[3] Dabei blieb es bis 1848.[4]

Anmerkungen
1. Hans-Ulrich Wehler, Deutsche Gesellschaftsgeschichte, Bd. 3, München: C. H. Beck, 1995,\
 S. 12-14.
2. Vgl. Reinhart Koselleck, Kritik und Krise, Frankfurt am Main: Suhrkamp, 1973, S. 41.
3. Wehler, a.a.O., S. 20.
4. Ebd., S. 22.
"""

RUSSIAN = """Наполеон и Россия

Историки долго спорили о причинах войны 1812 года.[1] Ленин писал о ней в другой связи.[2] Он\
 возвращался к этой теме и позже.[3] Тарле подчеркивал роль континентальной блокады.[4]

Примечания
1. Тарле Е. В. Наполеон. М.: Наука, 1985. С. 12.
2. Ленин В. И. Полное собрание сочинений. Т. 35. М.: Политиздат, 1974. С. 13.
3. Там же. С. 14.
4. Тарле Е. В. Указ. соч. С. 20.
"""


def cited(tmp_path: Path, name: str, text: str) -> list[tuple[str, str, str | None, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    bibliography = build_bibliography([document_from_file(path)])
    assert not bibliography.warnings
    return [(c.citation.kind, c.citation.text, c.work, c.citation.pages)
            for c in bibliography.citations]


def test_german_notes(tmp_path):
    assert cited(tmp_path, "aufsatz.txt", GERMAN) == [
        ("author-year", "Wehler 1995, S. 12", "wehler-1995", "12"),
        ("author-year", "Conze und Koselleck, 1975, S. 45", "conze-1975", "45"),
        ("full", "Hans-Ulrich Wehler, Deutsche Gesellschaftsgeschichte, Bd. 3, München: C. H."
                 " Beck, 1995, S. 12-14", "wehler-1995", "12-14"),
        ("full", "Reinhart Koselleck, Kritik und Krise, Frankfurt am Main: Suhrkamp, 1973, S. 41",
         "koselleck-1973", "41"),
        ("back-reference", "Wehler, a.a.O., S. 20", "wehler-1995", "20"),
        ("back-reference", "Ebd., S. 22", "wehler-1995", "22"),
    ]
    c = parse("Hans-Ulrich Wehler, Deutsche Gesellschaftsgeschichte, Bd. 3, München: C. H. Beck,"
              " 1995, S. 12-14", "de")
    assert (c.volume, c.place, c.publisher, c.year) == ("3", "München", "C. H. Beck", "1995")
    # In Turkish S. is the issue (Sayı), in German the page (Seite).
    assert parse("Belleten, C. 44, S. 174 (1980)", "tr").pages == ""


def test_a_list_of_editors_and_a_name_with_a_particle():
    c = parse("Otto Brunner, Werner Conze und Reinhart Koselleck (Hrsg.), Geschichtliche"
              " Grundbegriffe, Bd. 2, Stuttgart: Klett-Cotta, 1975, S. 45", "de")
    assert (c.author, c.given, c.edited, c.title, c.volume, c.place, c.publisher, c.pages) == (
        "Otto Brunner, Werner Conze und Reinhart Koselleck", "Otto", True,
        "Geschichtliche Grundbegriffe", "2", "Stuttgart", "Klett-Cotta", "45")
    c = parse("Alexis de Tocqueville, De la démocratie en Amérique, Paris, Gosselin, 1835, t. I,"
              " p. 12", "fr")
    assert (c.author, c.given, c.title, c.publisher, c.pages) == (
        "Tocqueville", "Alexis de", "De la démocratie en Amérique", "Gosselin", "12")
    # A quoted title with "ve" in it is no pair of names (the seed's Topal article).
    c = parse("Coşkun Topal, “Türk-Rus İlişkileri ve Moskova Anlaşması”, Karadeniz Araştırmaları"
              " Enstitüsü Dergisi, C. 4, S. 6 (2018)", "tr")
    assert (c.author, c.title, c.container, c.volume, c.issue) == (
        "Topal", "Türk-Rus İlişkileri ve Moskova Anlaşması",
        "Karadeniz Araştırmaları Enstitüsü Dergisi", "4", "6")


def test_russian_notes_after_gost(tmp_path):
    assert cited(tmp_path, "statya.txt", RUSSIAN) == [
        ("full", "Тарле Е. В. Наполеон. М.: Наука, 1985. С. 12", "tarle-1985", "12"),
        ("full", "Ленин В. И. Полное собрание сочинений. Т. 35. М.: Политиздат, 1974. С. 13",
         "lenin-1974", "13"),
        ("back-reference", "Там же. С. 14", "lenin-1974", "14"),
        ("back-reference", "Тарле Е. В. Указ. соч. С. 20", "tarle-1985", "20"),
    ]
    c = parse("Ленин В. И. Полное собрание сочинений. Т. 35. М.: Политиздат, 1974. С. 13", "ru")
    assert (c.author, c.given, c.title, c.volume, c.place, c.publisher, c.year) == (
        "Ленин", "В. И.", "Полное собрание сочинений", "35", "М.", "Политиздат", "1974")


def test_exports_name_two_authors_joined_by_et_and_editors(french):
    import json

    from vesika.present.bibexport import to_bibtex, to_csl_json

    items = {i["id"]: i for i in json.loads(to_csl_json(french))}
    assert items["prost-2011"]["author"] == [{"family": "Prost", "given": "Antoine"},
                                             {"family": "Winter", "given": "Jay"}]
    # "Jacques Godechot (éd.)": an editor, not an author.
    assert items["godechot-1970"]["editor"] == [{"family": "Godechot", "given": "Jacques"}]
    assert "author" not in items["godechot-1970"]
    assert "  editor = {Godechot, Jacques}," in to_bibtex(french)
