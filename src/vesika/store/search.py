"""Full-text search helpers: a safe FTS5 expression from a user query, snippets, hits.

The user's query never reaches FTS5 as syntax. `vesika.lang.fold_query` splits it into folded
terms (words, or phrases in double quotes) and `match_expression` quotes every token, so
quotes, parentheses, ``-``, ``:``, ``*``, ``AND``/``OR``/``NOT`` are plain text.

Every token of two or more characters is a prefix query (``"karabekir"*``): Turkish is
agglutinative, so ``Karabekir`` must find ``Karabekirin``, ``Karabekir’e`` (folded to
``karabekir e``) and ``Karabekir’den``. A one-character token (``a``, the ``İ.`` of an initial,
a digit) matches only itself: as a prefix it would match nearly every row, slowly. All terms
must match (AND); a phrase's tokens must be adjacent, each a prefix too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vesika.lang.fold import fold_with_offsets

# Around the match in a snippet; markdown-style so the CLI can render it and plain text stays
# readable (square brackets are editorial insertions in archival transcriptions).
SNIPPET_MARKS = ("**", "**")
SNIPPET_CONTEXT = 60

_TOKEN = re.compile(r"[^\W_]+")
MIN_PREFIX = 2
_SPACE = re.compile(r"\s+")

Term = tuple[str, ...]


@dataclass(frozen=True)
class SearchHit:
    """One searchable stretch that matches: a clause (``label``) or uncovered text (``""``).

    `start`/`end` are clean-text offsets of the whole stretch, `matches` those of each match in
    it, `snippet` the text around the place where most query terms match, on one line, with
    matches between `SNIPPET_MARKS`.
    `score` is FTS5's bm25 negated: higher is better.
    """

    doc_id: str
    label: str
    start: int
    end: int
    snippet: str
    score: float
    matches: tuple[tuple[int, int], ...] = ()


def match_expression(terms: list[Term]) -> str:
    """FTS5 MATCH expression for `terms` (all required, every token a quoted prefix)."""
    return " AND ".join(" + ".join(map(_fts_token, term)) for term in terms)


def _fts_token(token: str) -> str:
    quoted = '"' + token.replace('"', '""') + '"'
    return quoted + "*" if len(token) >= MIN_PREFIX else quoted


def _token_matches(word: str, token: str) -> bool:
    return word.startswith(token) if len(token) >= MIN_PREFIX else word == token


def find_matches(text: str, terms: list[Term]) -> list[tuple[int, int, int]]:
    """Every match of the terms in `text` as (start, end, term index), sorted.

    Same rule as the index: the text is folded and split into words, and a term matches where
    its tokens begin consecutive words.
    """
    folded, origin = fold_with_offsets(text)
    words = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(folded)]
    found: list[tuple[int, int, int]] = []
    for t, term in enumerate(terms):
        n = len(term)
        for i in range(len(words) - n + 1):
            if all(_token_matches(words[i + j][2], term[j]) for j in range(n)):
                found.append((origin[words[i][0]], origin[words[i + n - 1][1] - 1] + 1, t))
    found.sort()
    return found


def merge_spans(found: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """The matched stretches, overlapping ones merged."""
    merged: list[tuple[int, int]] = []
    for start, end, _ in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _anchor(found: list[tuple[int, int, int]]) -> tuple[int, int]:
    """Start and end of the stretch to show: the first place where the most different terms
    match within ``2 * SNIPPET_CONTEXT`` characters (``the people`` shows both words)."""
    best = (0, 0, 0)  # (number of terms, start, end)
    j = 0
    for i, (start, _, _) in enumerate(found):
        j = max(j, i)
        while j + 1 < len(found) and found[j + 1][1] <= start + 2 * SNIPPET_CONTEXT:
            j += 1
        n_terms = len({t for _, _, t in found[i : j + 1]})
        if n_terms > best[0]:
            best = (n_terms, start, max(end for _, end, _ in found[i : j + 1]))
    return best[1], best[2]


def snippet(text: str, found: list[tuple[int, int, int]]) -> str:
    """The text around the best match, on one line, matches marked, cut at word boundaries."""
    first_start, first_end = _anchor(found)
    lo = max(0, first_start - SNIPPET_CONTEXT)
    hi = min(len(text), first_end + SNIPPET_CONTEXT)
    if lo > 0:
        space = text.find(" ", lo, first_start)
        lo = space + 1 if space >= 0 else lo
    if hi < len(text):
        space = text.rfind(" ", first_end, hi)
        hi = space if space >= 0 else hi
    pieces: list[str] = []
    pos = lo
    for start, end in merge_spans(found):
        if start >= hi:
            break
        if end <= lo:
            continue
        start, end = max(start, lo), min(end, hi)
        pieces += [text[pos:start], SNIPPET_MARKS[0], text[start:end], SNIPPET_MARKS[1]]
        pos = end
    pieces.append(text[pos:hi])
    body = _SPACE.sub(" ", "".join(pieces)).strip()
    return ("…" if lo > 0 else "") + body + ("…" if hi < len(text) else "")
