"""What every reference parser shares: the parsed `Citation`, and reading its small parts —
comma-separated fields, page ranges, days, authors' names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from vesika.annotate.dates import find_dates
from vesika.annotate.refterms import Terms, terms
from vesika.lang.written_names import name_particles

YEAR = r"(?:1[4-9]\d\d|20\d\d)"
RECORD_DATE = re.compile(r"\b(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>1[5-9]\d\d|20\d\d)\b")
TITLES = re.compile(r"^(?:Major|Binbaşı|General|Colonel|Sir|Dr\.|Prof\.|Doç\.|Yrd\.)\s+")
# A page or a range, perhaps with "f."/"ff." after it (S. 459 f.: and the page after it).
FOLLOWING = rf"(?:\s*(?:{terms().following})(?!\w))?"
_PAGE = rf"\d+(?:\s*[-–]\s*\d+)?{FOLLOWING}"
PAGE_RANGE = rf"{_PAGE}(?:\s*,\s*{_PAGE})*"


@dataclass
class Citation:
    """One reference, with what it says about the work (as written: nothing is looked up)."""

    start: int
    end: int
    text: str
    # author-year (a short form: author and year, or author and short title) | full | archival |
    # report | back-reference | cross-reference
    kind: str
    author: str = ""  # surname(s) of the author(s) or the issuing body
    given: str = ""  # given names or initials of the first author, when written
    year: str = ""  # as written, with a letter (1920b)
    pages: str = ""
    volume: str = ""
    issue: str = ""
    title: str = ""
    container: str = ""  # the journal or series
    publisher: str = ""
    place: str = ""
    edition: str = ""
    translator: str = ""
    record_date: str = ""  # EDTF day of a dated record
    back: str = ""  # the back-reference as written (a.g.e., ibid.), or the idem standing for
    # the author of a full reference (id., ders.)
    part: str = ""  # of a cross-reference: the numbered part pointed to ("7,8", "2. paragraf")
    note_ref: str = ""  # the note a short reference points to for the full one ("wie Anm. 5")
    doubtful: bool = False  # the writer's own "?"
    edited: bool = False  # the author is the editor (éd., ed., Hrsg.)
    in_footnote: str = ""  # the footnote's number
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v not in ("", [], None, False)}


def fields(written: str) -> list[str]:
    """Comma-separated fields, commas inside quotes and parentheses kept."""
    out, depth, quote, pos = [], 0, False, 0
    for i, ch in enumerate(written):
        if ch in "“«":
            quote = True
        elif ch in "”»":
            quote = False
        elif ch == '"':
            quote = not quote
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and not depth and not quote:
            out.append(written[pos:i].strip())
            pos = i + 1
    out.append(written[pos:].strip())
    return [f for f in out if f]


def edtf(m: re.Match[str]) -> str:
    day, month, year = int(m.group("d")), int(m.group("m")), int(m.group("y"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"


def textual_day(written: str) -> str | None:
    """A day written in words ("15 November 1777", "3 Temmuz 1920", "1er août 1789"), as EDTF,
    or None."""
    for m in find_dates(written):
        if m.date and m.kind == "date" and m.date.precision == "day":
            return m.date.edtf
    return None


def norm_pages(pages: str) -> str:
    return re.sub(r"\s*,\s*", ", ", re.sub(r"\s*[-–]\s*", "-", pages.strip()))


def locator_terms(alternation: str) -> str:
    """Page or volume terms before a number: ``s. 12``, ``ss: 55``, ``page 4``, ``S. 12``."""
    return rf"(?:{alternation})\s*:?\s*"


def editor_mark(t: Terms) -> re.Pattern[str]:
    """An editor's mark after a name: ``(éd.)``, ``(dir.)``, ``(Hrsg.)``, ``, ed.``."""
    return re.compile(rf"\s*\((?:{t.editor})\)|,?\s+(?:{t.editor})$")


def surname(author: str, t: Terms) -> str:
    """``Salâhi R. Sonyel`` -> ``Sonyel``; ``Tekeli ve İlkin``, ``Prost et Winter`` are kept
    whole; ``Тарле Е. В.`` (GOST: the surname before the initials) -> ``Тарле``."""
    author = TITLES.sub("", editor_mark(t).sub("", author.strip()))
    if re.search(rf"\s{t.joiner}\s", author):
        return author
    return first_surname(author)


def first_surname(author: str, joiner: str = r"(?:ve|and|&|et|und|и)(?!\s+al\.)") -> str:
    """The surname of the first of the authors (``Otto Brunner, Werner Conze und Reinhart
    Koselleck`` -> Brunner)."""
    first = re.split(rf"\s+{joiner}\s+|,\s*", author.strip())[0]
    first = re.sub(r"\s+et al\.?$", "", first)
    words = first.split()
    if len(words) >= 2 and not _initial(words[0]) and all(_initial(w) for w in words[1:]):
        return words[0]  # Тарле Е. В.
    return words[-1] if words else first


def split_author(field_text: str, t: Terms) -> tuple[str, str, bool]:
    """(surname, given names, edited) of a first field naming a person, or ("", "", False)."""
    name = TITLES.sub("", field_text.strip())
    mark = editor_mark(t).search(name)
    edited = bool(mark)
    if mark:
        name = name[:mark.start()] + name[mark.end():]
    first = re.split(rf"\s+{t.joiner}\s+", name)[0]
    words = first.split()
    if not _name_like(words):
        return "", "", False
    if len(words) >= 2 and not _initial(words[0]) and all(_initial(w) for w in words[1:]):
        return words[0], " ".join(words[1:]), edited  # GOST: Тарле Е. В.
    return words[-1], " ".join(words[:-1]), edited


def joined_authors(field_text: str, t: Terms) -> str:
    """The field's names as written when it names several authors (``Antoine Prost et Jay
    Winter``), else ""."""
    name = editor_mark(t).sub("", TITLES.sub("", field_text.strip()))
    names = re.split(rf"\s+{t.joiner}\s+", name)
    return name if len(names) > 1 and all(_name_like(n.split()) for n in names) else ""


def _name_like(words: list[str]) -> bool:
    """One to five words, each capitalised or a particle of a name (Alexis de Tocqueville),
    the first and the last capitalised; no quotation marks (a quoted title is no name)."""
    if not 1 <= len(words) <= 5 or any(ch in "“”«»\"" for w in words for ch in w):
        return False
    particles = name_particles()
    return words[0][0].isupper() and words[-1][0].isupper() and all(
        w[0].isupper() or w in particles or w.startswith(("d’", "d'")) for w in words
        if w[0].isalpha())


def _initial(word: str) -> bool:
    return bool(re.fullmatch(r"[^\W\d_]{1,2}\.(?:-[^\W\d_]\.)?", word))
