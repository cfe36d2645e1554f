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
