"""The vocabulary of references, by language, from the data files: the patterns the citation
parser is built with.

`data/vocabulary/reference_terms.tsv` gives the locator, volume, issue, editor, translator,
record, lead-in (``voir``, ``vgl.``), conjunction and place abbreviations of each language;
`back_references.tsv` the abbreviations that point back to a work cited before (``ibid.``,
``art. cit.``, ``a.a.O.``, ``Там же``); `publishers.tsv` publishers recognisable by name alone.
A term two languages read differently (``S.``: the issue in Turkish, the page in German) takes
the role the article's language gives it, else the role of its first row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from vesika.data import read_rows

ROLES = ("page", "column", "volume", "issue", "editor", "translator", "in", "record", "see",
         "and", "place", "note", "following")
# Languages that write compounds with the head last: a record word also counts at the end of one
# (Plenarsitzung is a Sitzung, Staatsarchiv an Archiv; Duden, Die Grammatik, determinative
# compounds).
_COMPOUNDING = frozenset({"de"})


@dataclass(frozen=True)
class BackTerm:
    form: str
    kind: str  # work | author
    wants: str  # article, or "" for any work


@dataclass(frozen=True)
class Terms:
    """The patterns for one language."""

    lang: str
    words: dict[str, tuple[str, ...]]  # role -> terms, longest first
    page: str  # alternation of page and column terms
    volume: str
    issue: str
    editor: str
    translator: str
    see: str
    joiner: str  # "and" between two names (not "et al.")
    place: str
    note: str  # "wie Anm.", "supra note": the pointer to the note citing a work in full
    following: str  # "f.", "ff.": and the page(s) after it
    record: re.Pattern[str]
    back: re.Pattern[str]  # a back-reference abbreviation, as a whole word
    back_terms: tuple[tuple[re.Pattern[str], BackTerm], ...]


def _term_pattern(term: str) -> str:
    """A term as a pattern: a space may follow each inner full stop or be left out (a.a.O.,
    a. a. O.), a final full stop may be left out."""
    out = []
    for i, ch in enumerate(term):
        if ch == "." and i == len(term) - 1:
            out.append(r"\.?")
        elif ch == ".":
            out.append(r"\.\s*")
        elif ch == " ":
            out.append("" if term[i - 1] == "." else r"\s+")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _alternation(terms: tuple[str, ...]) -> str:
    return "|".join(_term_pattern(t) for t in terms) or r"(?!)"


@lru_cache(maxsize=1)
def _rows() -> list[dict[str, str]]:
    return read_rows("vocabulary/reference_terms.tsv")


def terms(language: str = "") -> Terms:
    """The patterns for `language` (a BCP-47 code; "" when unknown)."""
    return _terms(language[:2])


@lru_cache(maxsize=16)
def _terms(lang: str) -> Terms:
    own: dict[str, str] = {}  # the article language's own role for a term
    first: dict[str, str] = {}
    for row in _rows():
        first.setdefault(row["term"], row["role"])
        if row["lang"] == lang:
            own.setdefault(row["term"], row["role"])
    words: dict[str, list[str]] = {role: [] for role in ROLES}
    for row in _rows():
        term, role = row["term"], row["role"]
        chosen = own.get(term, first[term])
        if role == chosen and term not in words[role]:
            words[role].append(term)
    ordered = {role: tuple(sorted(ts, key=len, reverse=True)) for role, ts in words.items()}
    backs = _back_terms()
    return Terms(
        lang=lang,
        words=ordered,
        page=_alternation(ordered["page"] + ordered["column"]),
        volume=_alternation(ordered["volume"]),
        issue=_alternation(ordered["issue"]),
        editor=_alternation(ordered["editor"]),
        translator=_alternation(ordered["translator"]),
        see=_alternation(ordered["see"]),
        joiner=r"(?:" + "|".join(re.escape(t) for t in ordered["and"]) + r")(?!\s+al\.)",
        place=_alternation(ordered["place"]),
        note=_alternation(ordered["note"]),
        following=_alternation(ordered["following"]),
        record=_record_pattern(ordered["record"], _compounded()),
        back=re.compile(r"(?<![\w.])(?:" + "|".join(p.pattern for p, _ in backs) + r")(?!\w)",
                        re.IGNORECASE),
        back_terms=backs,
    )


def _compounded() -> frozenset[str]:
    """The record words of a compounding language (`_COMPOUNDING`)."""
    return frozenset(r["term"] for r in _rows()
                     if r["role"] == "record" and r["lang"] in _COMPOUNDING)


def _record_pattern(words: tuple[str, ...], compounded: frozenset[str] = frozenset()
                    ) -> re.Pattern[str]:
    """Words of a dated record: an abbreviation in capitals as written (FO, BOA), a short word
    whole (to, fon), a longer one as the start of a word (Zabıtları, Archives, séance); a word
    of a compounding language also as the last part of a word (183. Plenarsitzung)."""
    parts = []
    for w in words:
        if w.isupper() and len(w) > 1:
            parts.append(rf"(?-i:\b{re.escape(w)}\b)")
        elif len(w) < 5:
            parts.append(rf"\b{re.escape(w)}\b")
        elif w in compounded:
            parts.append(rf"\b[^\W\d_]*{re.escape(w)}")
        else:
            parts.append(rf"\b{re.escape(w)}")
    return re.compile("|".join(parts) or r"(?!)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _back_terms() -> tuple[tuple[re.Pattern[str], BackTerm], ...]:
    rows = read_rows("vocabulary/back_references.tsv")
    rows.sort(key=lambda r: len(r["form"]), reverse=True)
    return tuple((re.compile(_term_pattern(r["form"]), re.IGNORECASE),
                  BackTerm(r["form"], r["kind"], r["wants"])) for r in rows)


def back_term(written: str) -> BackTerm | None:
    """The back-reference abbreviation `written` is (``Ibid.``, ``a. a. O.``), or None."""
    for pattern, term in _back_terms():
        if pattern.fullmatch(written.strip()):
            return term
    return None


@lru_cache(maxsize=1)
def _publishers() -> re.Pattern[str]:
    names = sorted((r["name"] for r in read_rows("vocabulary/publishers.tsv")), key=len,
                   reverse=True)
    # The name, perhaps after initials or given names (W. W. Norton, Alfred A. Knopf) and
    # before a company word.
    return re.compile(r"(?:[^\W\d_][\w.\-]*\s+){0,3}(?:" + "|".join(map(re.escape, names))
                      + r")(?:\s+(?:&\s+Co\.?|Company|Books|Inc\.|Ltd\.|Verlag))?")


def known_publisher(field: str) -> bool:
    """The field is a publisher of the list, written whole."""
    return bool(_publishers().fullmatch(field.strip()))
