"""Sentences: where running text is cut into sentences (vesika.lang.sentences), with the
German test article's own sentences."""

from __future__ import annotations

from conftest import SEED
from vesika.lang.sentences import sentences
from vesika.pipeline import document_from_file

GERMAN = SEED.parent.parent / "article_de" / "heldout_article.txt"


def cut(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text)]


def test_a_note_call_after_the_full_stop():
    text = ("Im Konvent setzte Madison durch, dass von freier Religionsausübung die Rede war.⁵ Die"
            " Virginia Bill of Rights beginnt mit den folgenden Abschnitten.")
    assert cut(text) == [
        "Im Konvent setzte Madison durch, dass von freier Religionsausübung die Rede war.",
        "Die Virginia Bill of Rights beginnt mit den folgenden Abschnitten."]
    assert cut("The text was adopted.[12] The debate went on.") == [
        "The text was adopted.", "The debate went on."]


def test_a_closing_quotation_mark_before_the_full_stop():
    text = "Sie sei nicht politischen, sondern „religiösen Ursprungs“.¹² Boutmy antwortete 1902."
    assert cut(text) == ["Sie sei nicht politischen, sondern „religiösen Ursprungs“.",
                         "Boutmy antwortete 1902."]


def test_a_two_letter_word_ends_a_sentence_an_abbreviation_does_not():
    text = ("Die Generalversammlung nahm die Erklärung bei acht Enthaltungen an. In der englischen"
            " Fassung lauten die Artikel so.")
    assert cut(text) == ["Die Generalversammlung nahm die Erklärung bei acht Enthaltungen an.",
                         "In der englischen Fassung lauten die Artikel so."]
    assert len(cut("The case of Marbury vs. Madison was decided in 1803.")) == 1
    assert len(cut("It is printed in Rutland, pp. 274–291, with the drafts.")) == 1
    assert len(cut("Der Text entstand ca. 1776 in Williamsburg.")) == 1


def test_a_capital_with_an_accent_opens_a_sentence():
    assert cut("Jellinek schrieb 1895 darüber. Émile Boutmy antwortete bald. Ähnlich sah es"
               " Weber.") == ["Jellinek schrieb 1895 darüber.", "Émile Boutmy antwortete bald.",
                              "Ähnlich sah es Weber."]
    # A figure before the full stop ends nothing: a German ordinal (am 12. Juni) looks the same.
    assert len(cut("Er antwortete am 12. Juni 1902.")) == 1


def test_the_sentences_that_introduce_the_german_articles_blocks():
    text = document_from_file(GERMAN).clean_text
    spans = [text[s:e] for s, e in sentences(text)]
    # Each introducing sentence is a sentence of its own, after a note call or a two-letter
    # particle (an) ending the sentence before.
    virginia = spans.index(next(x for x in spans if x.startswith("Die Virginia Bill of Rights,"
                                                                 " die der")))
    assert spans[virginia - 1].endswith("von freier Religionsausübung die Rede war.")
    assert spans[virginia].startswith("Die Virginia Bill of Rights, die der Konvent von Virginia"
                                      " am 12. Juni 1776 annahm, beginnt und schließt mit den"
                                      " folgenden Abschnitten:")
    udhr = spans.index(next(x for x in spans if x.startswith("In der englischen Fassung")))
    assert spans[udhr - 1] == ("Die Generalversammlung der Vereinten Nationen nahm die Allgemeine"
                               " Erklärung der Menschenrechte am 10. Dezember 1948 im Palais de"
                               " Chaillot ohne Gegenstimme bei acht Enthaltungen an.")
