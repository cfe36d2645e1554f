"""Segmentation of the real corpora: exact labels read off each text, and sample clause texts."""

from __future__ import annotations

from itertools import pairwise

import pytest

from conftest import CORPORA, corpus_text
from vesika.model import Clause
from vesika.segment import segment_clauses

CONSTITUTION = corpus_text("us_founding/us_constitution_1787.txt")
CONFEDERATION = corpus_text("us_founding/articles_of_confederation_1777.txt")
BILL = corpus_text("us_founding/us_bill_of_rights_1789.txt")
VIRGINIA = corpus_text("us_founding/va_declaration_of_rights_1776.txt")
UDHR_EN = corpus_text("udhr/udhr_en.txt")
UDHR_RU = corpus_text("udhr/udhr_ru.txt")
UDHR_TR = corpus_text("udhr/udhr_tr.txt")
DDHC = corpus_text("rights_chain/ddhc_1789_fr.txt")

ONE_TO_30 = [str(i) for i in range(1, 31)]


def clauses(text: str) -> dict[str, Clause]:
    return {c.label: c for c in segment_clauses(text)}


def body(text: str, clause: Clause) -> str:
    """A clause's text with its line breaks as spaces, for comparing with quoted words."""
    return " ".join(text[clause.start : clause.end].split())


def test_constitution_articles_with_sections_nest_them_as_article_dot_section():
    assert [c.label for c in segment_clauses(CONSTITUTION)] == [
        "preamble",
        "I", "I.1", "I.2", "I.3", "I.4", "I.5", "I.6", "I.7", "I.8", "I.9", "I.10",
        "II", "II.1", "II.2", "II.3", "II.4",
        "III", "III.1", "III.2", "III.3",
        "IV", "IV.1", "IV.2", "IV.3", "IV.4",
        "V", "VI", "VII",
    ]  # fmt: skip


def test_constitution_article_with_sections_is_a_heading_clause_with_an_empty_body():
    c = clauses(CONSTITUTION)
    article = c["I"]
    assert (article.level, article.parent, article.role, article.marker) == (
        0, None, "article", "ARTICLE I")
    # The body is empty and sits just past the marker, so no clause overlaps its sections.
    assert article.start == article.end == article.marker_start + len("ARTICLE I")
    section = c["I.1"]
    assert (section.level, section.parent, section.role, section.marker) == (
        1, "I", "section", "SECTION. 1.")
    assert body(CONSTITUTION, section) == (
        "All legislative Powers herein granted shall be vested in a Congress of the United "
        "States, which shall consist of a Senate and House of Representatives.")
    assert c["IV.4"].parent == "IV"


def test_constitution_sections_keep_all_their_paragraphs():
    c = clauses(CONSTITUTION)
    text = body(CONSTITUTION, c["I.2"])
    assert text.startswith("The House of Representatives shall be composed of Members")
    assert "No Person shall be a Representative who shall not have attained" in text
    assert text.endswith("shall have the sole Power of Impeachment.")
    # Article VII ends the text; articles of several paragraphs keep them all (VI has three).
    assert body(CONSTITUTION, c["VI"]).endswith(
        "shall ever be required as a Qualification to any Office or public Trust under the "
        "United States.")
    assert body(CONSTITUTION, c["VII"]) == (
        "The Ratification of the Conventions of nine States, shall be sufficient for the "
        "Establishment of this Constitution between the States so ratifying the Same.")


def test_constitution_preamble_heading_is_the_preamble_marker():
    pre = clauses(CONSTITUTION)["preamble"]
    assert (pre.marker, pre.role, pre.level) == ("PREAMBLE", "preamble", 0)
    assert CONSTITUTION[pre.marker_start:].startswith("PREAMBLE")
    text = body(CONSTITUTION, pre)
    assert text.startswith("We the People of the United States, in Order to form")
    assert text.endswith("establish this Constitution for the United States of America.")


def test_articles_of_confederation_number_words_title_preamble_and_ratification_closing():
    found = segment_clauses(CONFEDERATION)
    assert [c.label for c in found] == ["preamble", *[str(i) for i in range(1, 14)], "p1"]
    c = {x.label: x for x in found}
    # The title line `Articles of Confederation and Perpetual Union` is not a clause.
    assert body(CONFEDERATION, c["preamble"]) == (
        "Between the States of New Hampshire, Massachusetts Bay, Rhode Island and Providence "
        "Plantations, Connecticut, New York, New Jersey, Pennsylvania, Delaware, Maryland, "
        "Virginia, North Carolina, South Carolina, and Georgia.")
    assert c["preamble"].marker == ""
    assert [c[str(i)].marker for i in (1, 13)] == ["Article One", "Article Thirteen"]
    assert body(CONFEDERATION, c["1"]) == (
        "The style of this Confederacy shall be “The United States of America.”")
    four = body(CONFEDERATION, c["4"])
    assert four.startswith("The better to secure and perpetuate mutual friendship")
    assert four.endswith("courts and magistrates of every other State.")
    assert body(CONFEDERATION, c["13"]).endswith(
        "and be afterwards confirmed by the legislatures of every State.")
    closing = c["p1"]
    assert (closing.role, closing.level, closing.parent, closing.marker) == (
        "closing", 0, None, "")
    assert body(CONFEDERATION, closing).startswith("AND WHEREAS it hath pleased the Great")
    assert body(CONFEDERATION, closing).endswith("and the Union shall be perpetual.")


def test_bill_of_rights_amendments_keep_roman_labels():
    found = segment_clauses(BILL)
    assert [c.label for c in found] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
                                        "X"]
    assert [c.marker for c in found][:2] == ["AMENDMENT I", "AMENDMENT II"]
    assert {c.role for c in found} == {"article"}
    assert body(BILL, found[0]).startswith("Congress shall make no law respecting")
    assert body(BILL, found[0]).endswith("petition the Government for a redress of grievances.")
    assert body(BILL, found[-1]).endswith("are reserved to the States respectively, or to the "
                                          "people.")


def test_virginia_declaration_sections_are_top_level_after_its_preamble():
    found = segment_clauses(VIRGINIA)
    assert [c.label for c in found] == ["preamble", *[str(i) for i in range(1, 17)]]
    c = {x.label: x for x in found}
    assert body(VIRGINIA, c["preamble"]).startswith("A DECLARATION OF RIGHTS made by the")
    assert body(VIRGINIA, c["preamble"]).endswith("as the basis and foundation of government.")
    first = c["1"]
    assert (first.marker, first.role, first.level, first.parent) == (
        "Section 1.", "section", 0, None)
    assert body(VIRGINIA, first).startswith("That all men are by nature equally free")
    assert body(VIRGINIA, c["16"]).endswith("love, and charity toward each other.")


@pytest.mark.parametrize(
    ("text", "heading", "keyword"),
    [(UDHR_EN, "Preamble", "Article"), (UDHR_RU, "ПРЕАМБУЛА", "Статья"),
     (UDHR_TR, "Önsöz", "Madde")],
    ids=["en", "ru", "tr"],
)
def test_udhr_preamble_and_thirty_articles_in_each_language(text, heading, keyword):
    found = segment_clauses(text)
    assert [c.label for c in found] == ["preamble", *ONE_TO_30]
    assert found[0].marker == heading
    assert [c.marker for c in found[1:]] == [f"{keyword} {i}" for i in range(1, 31)]
    # The numbered paragraphs `1.` `2.` inside an article stay in its text.
    eleven = text[found[11].start : found[11].end]
    assert eleven.startswith("1. ") and "\n2. " in eleven


def test_udhr_clause_texts():
    c = clauses(UDHR_EN)
    assert body(UDHR_EN, c["preamble"]).startswith("Whereas recognition of the inherent dignity")
    assert body(UDHR_EN, c["preamble"]).endswith("of territories under their jurisdiction.")
    assert body(UDHR_EN, c["1"]) == (
        "All human beings are born free and equal in dignity and rights. They are endowed with "
        "reason and conscience and should act towards one another in a spirit of brotherhood.")
    assert body(UDHR_EN, c["30"]).endswith("destruction of any of the rights and freedoms set "
                                           "forth herein.")
    ru = clauses(UDHR_RU)
    assert body(UDHR_RU, ru["preamble"]).startswith("Принимая во внимание, что признание")
    assert body(UDHR_RU, ru["1"]).startswith("Все люди рождаются свободными и равными")
    tr = clauses(UDHR_TR)
    assert body(UDHR_TR, tr["preamble"]).startswith("İnsanlık ailesinin bütün üyelerinde")
    assert body(UDHR_TR, tr["preamble"]).endswith("İnsan Hakları Evrensel Beyannamesini ilan eder.")
    assert body(UDHR_TR, tr["1"]).startswith("Bütün insanlar hür, haysiyet ve haklar bakımından")


def test_ddhc_seventeen_articles_and_no_preamble():
    found = segment_clauses(DDHC, language="fr")
    assert [c.label for c in found] == [str(i) for i in range(1, 18)]
    assert body(DDHC, found[0]).startswith("Les hommes naissent et demeurent libres")
    assert body(DDHC, found[-1]).endswith("sous la condition d'une juste et préalable indemnité.")


@pytest.mark.parametrize("path", sorted(CORPORA.rglob("*.txt")), ids=lambda p: p.name)
def test_every_corpus_clause_is_ordered_stripped_and_points_at_its_marker(path):
    text = path.read_text(encoding="utf-8").split("\n", 1)[1]
    found = segment_clauses(text)
    assert found
    for before, after in pairwise(found):
        assert before.end <= after.start
    for c in found:
        chunk = text[c.start : c.end]
        assert chunk == chunk.strip()
        if c.marker:
            assert text.startswith(c.marker, c.marker_start)
            assert c.marker_start < c.start
    assert len({c.label for c in found}) == len(found)
