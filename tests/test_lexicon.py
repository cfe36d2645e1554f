"""The shipped concept lexicon: it loads cleanly and joins the languages the issue names."""

import pytest

from vesika.lang.lexicon import load_lexicon
from vesika.lang.words import family


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def test_shipped_lexicon_loads_without_problems_and_every_concept_has_a_source(lexicon):
    assert lexicon.problems == []
    assert len(lexicon.concepts) >= 600
    assert all(c.source for c in lexicon.concepts.values())


def concepts(lexicon, text: str, language: str) -> set[str]:
    return {h.concept for h in lexicon.find(text, family(language, text))}


@pytest.mark.parametrize(
    ("texts", "shared"),
    [
        ((("Türkiye’nin istiklalinin ilanı", "ota-Latn"),
          ("Sovyet Hükümeti Türkiye’nin bağımsızlığını tanır", "tr"),
          ("the independence of Turkey", "en"),
          ("l'indépendance de la Turquie", "fr"),
          ("независимость Турции", "ru"),
          ("die Unabhängigkeit der Türkei", "de")), {"independence"}),
        ((("Kapitülasyonların ve ecnebi devletlerin mali kontrolünün ilgası", "ota-Latn"),
          ("nüfuz bölgeleri anlaşmaları iptal edilecektir", "tr"),
          ("the abolition of the capitulations", "en")), {"abolition"}),
        ((("her zaman alakadarânın daveti üzerine tavassutu deruhdeye müheyyadır", "ota-Latn"),
          ("sınır sorununda arabuluculuk hizmeti verecektir", "tr"),
          ("mediation in the frontier question", "en")), {"mediation"}),
        ((("Ermenistan ve Acemistan aralarında", "ota-Latn"),
          ("İran ile sınır", "tr"),
          ("Persia and Armenia", "en"),
          ("Персия", "ru")), {"persia"}),
        ((("Gürcistan’ın da Bolşevik ittifakına dahil olmasını", "ota-Latn"),
          ("Georgia", "en")), {"georgia"}),
        ((("harekât-ı askeriye icrasını", "ota-Latn"),
          ("harekâtı askeriye yapar", "ota-Latn"),
          ("askeri harekat", "tr")), {"military_operation"}),
    ],
)
def test_concepts_join_ottoman_modern_turkish_and_european_languages(lexicon, texts, shared):
    for text, language in texts:
        assert shared <= concepts(lexicon, text, language), (text, language)


def test_short_turkish_forms_take_case_endings_but_not_other_words(lexicon):
    assert "abolition" in concepts(lexicon, "ilgası", "ota-Latn")
    assert "persia" in concepts(lexicon, "Acem’e", "tr")
    assert "persia" not in concepts(lexicon, "acele", "tr")


def test_a_turkish_compound_matches_in_the_plural_and_with_case_endings(lexicon):
    # mukabil teklifname no. 8 and article 9 of the agreement (examples/ankara-moscow-1920)
    assert "sphere_of_influence" in concepts(lexicon, "Her nevi ecnebi nüfuz mıntıkalarının "
                                                      "ilgası", "ota-Latn")
    assert "sphere_of_influence" in concepts(lexicon, "nüfuz bölgeleri anlaşmaları iptal "
                                                      "edilecektir", "tr")


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("Sovyet Hükümeti Arabistan ve Suriye’nin bağımsızlığını tanır.", "recognition"),
        ("milli ekalliyetler için tanınmış olan bütün hukukun tanınması", "recognition"),
        ("kapitülasyonların kaldırılmış olduğunu", "abolition"),
        ("Bolşeviklerin Acemistan’dan çekilmesi durumunda", "evacuation"),
        ("yeniden birleşmelerini tanır", "unification"),
    ],
)
def test_a_turkish_verb_in_the_lexicon_matches_its_finite_forms(lexicon, text, concept):
    assert concept in concepts(lexicon, text, "tr")


def test_a_verb_stem_does_not_take_the_nouns_that_begin_like_it(lexicon):
    # tanı- (recognise) against tanık (witness) and tanım (definition)
    assert "recognition" not in concepts(lexicon, "tanık", "tr")
    assert "recognition" not in concepts(lexicon, "tanım", "tr")


def test_a_stemmed_word_goes_to_the_concept_written_most_like_it(lexicon):
    # Snowball gives "nationality" and "nation" one stem (UDHR article 15 against the
    # preamble's "friendly relations between nations").
    assert concepts(lexicon, "Everyone has the right to a nationality.", "en") >= {"nationality"}
    assert "nation" not in concepts(lexicon, "Everyone has the right to a nationality.", "en")
    assert "nation" in concepts(lexicon, "friendly relations between nations", "en")
    assert "nationality" in concepts(lexicon, "Каждый человек имеет право на гражданство.", "ru")
