from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vesika.lang import fold, fold_query, fold_with_offsets, tokens
from vesika.lang.fold import _fold_with_offsets_per_char

DATA = Path(__file__).parent / "data"
SEED = DATA / "seed" / "eldem_iki_belge.txt"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        # Both Turkish i's and the English capital I meet at i.
        ("İstanbul", "istanbul"),
        ("ISTANBUL", "istanbul"),
        ("ıstanbul", "istanbul"),
        ("Istanbul", "istanbul"),
        ("İSTİKLÂL", "istiklal"),
        # Ottoman transcription marks and Turkish letters lose their diacritics.
        ("istiklâl", "istiklal"),
        ("Kâzım", "kazim"),
        ("harekât-ı askeriye", "harekat-i askeriye"),
        ("tabiî", "tabii"),
        ("mahkûm", "mahkum"),
        ("ḥaṣṭ ā ī ū", "hast a i u"),
        ("Çiçerin", "cicerin"),
        ("Bolşeviklerin Gürcistan Türk", "bolseviklerin gurcistan turk"),
        ("Ağustos", "agustos"),
        # Apostrophes separate a suffix; hamza and ayn of transcription vanish.
        ("Karabekir’in", "karabekir in"),
        ("Lenin'e", "lenin e"),
        ("Karabekir‘in Karabekirʼin", "karabekir in karabekir in"),
        ("Kaʿbe meʾmur", "kabe memur"),
        # Cyrillic is only lowercased (ё -> е; й stays).
        ("Ёлка ВСЕОБЩАЯ Декларация", "елка всеобщая декларация"),
        ("йод", "йод"),
        # Compatibility forms and PDF debris.
        ("ﬁrst ﬂoor", "first floor"),
        ("Straße", "strasse"),
        ("Karabe\u00adkir", "karabekir"),
        ("Déclaration des Droits de l'Homme", "declaration des droits de l homme"),
        ("sœur", "soeur"),
    ],
)
def test_fold_examples(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_treats_decomposed_input_like_precomposed() -> None:
    decomposed = unicodedata.normalize("NFD", "İstiklâl Çiçerin’in йод")
    assert fold(decomposed) == "istiklal cicerin in йод"


def test_tokens_split_at_apostrophes_and_punctuation() -> None:
    line = "2 Kazım Karabekir’in teklifnameyi Halk Komiserleri Konseyi Başkanı Vladimir İ. Lenin'e"
    assert tokens(line) == [
        "2", "kazim", "karabekir", "in", "teklifnameyi", "halk", "komiserleri", "konseyi",
        "baskani", "vladimir", "i", "lenin", "e",
    ]


def test_fold_query_keeps_phrases_and_splits_words() -> None:
    assert fold_query('Karabekir’in "Mustafa  Kemal" istiklâl') == [
        ("karabekir", "in"), ("mustafa", "kemal"), ("istiklal",),
    ]


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ('"unbalanced', [("unbalanced",)]),
        ('"unbalanced phrase', [("unbalanced", "phrase")]),
        ("AND OR NOT", [("and",), ("or",), ("not",)]),
        ("(", []),
        ("*", []),
        ("", []),
        ("   ", []),
        ("a:b", [("a", "b")]),
        ("-Karabekir", [("karabekir",)]),
        ("NEAR(a b)", [("near", "a"), ("b",)]),
        ("“Moskova Antlaşması” Moskova", [("moskova", "antlasmasi"), ("moskova",)]),
        ("kazım KAZIM Kazim", [("kazim",)]),
    ],
)
def test_fold_query_reduces_any_input_to_plain_terms(
    query: str, terms: list[tuple[str, ...]]
) -> None:
    assert fold_query(query) == terms


def test_fold_with_offsets_maps_back_to_the_original() -> None:
    text = "Straße’in Karabe\u00adkir İstiklâl"
    folded, origin = fold_with_offsets(text)
    assert folded == "strasse in karabekir istiklal"
    assert len(origin) == len(folded) + 1
    assert origin[-1] == len(text)
    start = folded.index("karabekir")
    end = start + len("karabekir")
    assert text[origin[start] : origin[end - 1] + 1] == "Karabe\u00adkir"
    # Both characters of "ss" come from ß.
    assert origin[4] == origin[5] == text.index("ß")


def test_fold_of_the_seed_text_agrees_with_fold_with_offsets() -> None:
    text = SEED.read_text(encoding="utf-8")
    folded, origin = fold_with_offsets(text)
    assert fold(text) == folded
    assert origin == sorted(origin)


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    once = fold(text)
    assert fold(once) == once


@given(st.text())
def test_fold_with_offsets_agrees_with_fold_on_nfc_text(text: str) -> None:
    text = unicodedata.normalize("NFC", text)
    folded, origin = fold_with_offsets(text)
    assert folded == fold(text)
    assert origin == sorted(origin)
    assert all(0 <= i < len(text) for i in origin[:-1])


@given(st.text(alphabet=st.characters(codec="ascii")))
def test_fold_fast_ascii_path_matches_the_table(text: str) -> None:
    folded, _ = fold_with_offsets(text)
    assert fold(text) == folded


@given(st.text(alphabet=st.characters(max_codepoint=0x2100)))
def test_fold_with_offsets_fast_path_agrees_with_the_per_char_path(text: str) -> None:
    assert fold_with_offsets(text) == _fold_with_offsets_per_char(text)
