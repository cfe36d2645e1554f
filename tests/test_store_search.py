"""The search helpers on their own: FTS5 expressions, match finding, snippets."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from vesika.lang import fold, fold_query
from vesika.model import Clause
from vesika.store.rows import CHUNK_MAX, CHUNK_TARGET, uncovered_chunks
from vesika.store.search import find_matches, match_expression, merge_spans, snippet

SEED = (Path(__file__).parent / "data" / "seed" / "eldem_iki_belge.txt").read_text(
    encoding="utf-8"
)


@pytest.mark.parametrize(
    ("query", "expression"),
    [
        ("Karabekir", '"karabekir"*'),
        ("Karabekir’in", '"karabekir"* + "in"*'),
        ('"Mustafa Kemal" Ankara', '"mustafa"* + "kemal"* AND "ankara"*'),
        ("AND OR NOT", '"and"* AND "or"* AND "not"*'),
        ("a M. 1", '"a" AND "m" AND "1"'),
    ],
)
def test_match_expression_quotes_every_token(query: str, expression: str) -> None:
    assert match_expression(fold_query(query)) == expression


def test_every_expression_is_valid_fts5_syntax() -> None:
    hostile = ['"unbalanced', "AND OR NOT", "a:b", "NEAR(x y, 2)", "x -y", "^x", "col:x*", "'"]
    with closing(sqlite3.connect(":memory:")) as conn:
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(text)")
        conn.execute("INSERT INTO t VALUES (?)", (fold(SEED),))
        for query in hostile:
            terms = fold_query(query)
            if not terms:  # Store.search returns [] without asking FTS
                continue
            conn.execute("SELECT count(*) FROM t WHERE t MATCH ?", (match_expression(terms),))


def test_a_one_letter_token_matches_only_itself() -> None:
    text = "anlaşma a M. Kemal"
    assert find_matches(text, fold_query("a")) == [(8, 9, 0)]
    assert find_matches(text, fold_query("m")) == [(10, 11, 0)]


def test_matches_are_offsets_in_the_original_text() -> None:
    line = "Dışişleri Halk Komiseri Georgi Çiçerin’in 2 Haziran tarihli mukabil"
    found = find_matches(line, fold_query("cicerin haziran"))
    assert [line[a:b] for a, b, _ in found] == ["Çiçerin", "Haziran"]
    assert merge_spans(found) == [(a, b) for a, b, _ in found]


def test_a_phrase_match_spans_its_words() -> None:
    line = "Meclisi Reisi M. Kemal” (Karabekir, 2008, ss. 747-748)"
    found = find_matches(line, fold_query('"reisi m kemal"'))
    assert [line[a:b] for a, b, _ in found] == ["Reisi M. Kemal"]


def test_the_snippet_is_centred_where_the_most_terms_meet() -> None:
    # Çiçerin first appears in a line without Haziran; the snippet skips to where both meet.
    found = find_matches(SEED, fold_query("Çiçerin Haziran"))
    assert snippet(SEED, found).startswith("…")
    assert "**Çiçerin**’in 2 **Haziran** tarihli" in snippet(SEED, found)


def test_a_snippet_without_matches_shows_the_beginning() -> None:
    assert snippet("Öz\n\nBu makalede Birleşik Krallık", []) == "Öz Bu makalede Birleşik Krallık"


def test_text_outside_clauses_is_indexed_without_the_clause_markers() -> None:
    text = "Title\n\nMadde 1 — Birinci.\n\nNotes one.\n\nNotes two.\n"
    body = text.index("Birinci")
    clause = Clause("1", 0, None, body, body + len("Birinci."), "Madde 1 —", text.index("Madde"))
    chunks = uncovered_chunks(text, [clause])
    assert [text[a:b] for a, b in chunks] == ["Title", "Notes one.\n\nNotes two."]


def test_a_long_paragraph_is_cut_between_words() -> None:
    text = "kelime " * 3000
    chunks = uncovered_chunks(text, [])
    assert len(chunks) == 3
    assert all(b - a <= CHUNK_MAX for a, b in chunks)
    assert " ".join(text[a:b] for a, b in chunks).split() == text.split()


def test_paragraphs_are_grouped_up_to_the_target_size() -> None:
    paragraph = "Bir paragraf metni. " * 20  # 400 characters, 402 with the blank line
    text = "\n\n".join([paragraph] * 12)
    chunks = uncovered_chunks(text, [])
    # Whole paragraphs, five (2010 characters) until the target of 2000 is reached.
    assert CHUNK_TARGET == 2000
    assert [text[a:b].count("\n\n") + 1 for a, b in chunks] == [5, 5, 2]
    assert all(text[a:b].endswith("metni.") for a, b in chunks)
