"""One reference, parsed: what it says about the work it cites.

Turkish and English historical writing cite in a few shapes, all read here:

* author–year–page: ``Karabekir, 2008, ss. 747-748``, ``Bray, 1920b, p. 12``, several page
  ranges ``Sonyel, 2013, ss. 263-264, 273-274``; Chicago author–date ``Rutland 1955, 45``,
  ``Schwartz 1971, 1: 231``;
* a short title, the German *Kurztitel*: ``Jellinek, Erklärung, S. 35–42``, ``Rutland, Papers,
  Bd. 1, S. 287–289``, perhaps pointing to the note that cites the work in full (``Oestreich,
  Geschichte (wie Anm. 3), S. 61``; ``supra note 3``): no year, the work is found by its author
  and its title's first words (`vesika.link.bibliography`);
* a full first mention, a journal article, a dated record (`fullrefs.py`): ``Gotthard
  Jaeschke, Türk Kurtuluş Savaşı Kronolojisi, …, TTK Basımevi, Ankara, 1989, s. 111``, journal
  volumes (``Cilt``, ``C.``, ``Vol.``, ``t.``, ``Bd.``) and issues (``Sayı``, ``S.``, ``No.``) —
  in Turkish ``S.`` (capital) is Sayı, the issue, ``s.`` is sayfa, the page; in German ``S.``
  is Seite, the page: the article's language decides (`refterms.py`);
* a source note: ``Kaynak: …`` — a report or document given as the origin of a quotation;
* back-references (`data/vocabulary/back_references.tsv`): ``a.g.e.``, ``ibid.``,
  ``op. cit.``, ``art. cit.`` (an article), ``a.a.O.``, ``ebd.``, ``Там же``, ``Указ. соч.``,
  alone, after an author (``S. Rials, op. cit., p. 369``), or after an author and a title
  (``M. Gauchet, « Droits de l’homme », art. cit., p. 694``), with or without a page;
* a cross-reference to another document of the same text: ``Mukabil teklifname, no: 7,8``.

Names of two authors are joined by the language's word for "and" (``ve``, ``and``, ``et``,
``und``, ``и``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from vesika.annotate.fullrefs import IMPRINT, end_pages, full_reference, is_locator, locate
from vesika.annotate.refparts import (
    PAGE_RANGE,
    RECORD_DATE,
    YEAR,
    Citation,
    edtf,
    fields,
    first_surname,
    joined_authors,
    locator_terms,
    norm_pages,
    split_author,
    surname,
    textual_day,
)
from vesika.annotate.refterms import Terms, back_term, terms
from vesika.lang.dockinds import document_kind, is_bare_kind

__all__ = ["IMPRINT", "SOURCE_NOTE", "YEAR", "Citation", "first_surname", "parse_reference",
           "source_report"]

SOURCE_NOTE = re.compile(r"^(?:Kaynak|Source|Quelle|Source originale)\s*:\s*(?P<t>.+)$",
                         re.IGNORECASE | re.DOTALL)
# A pointer to another document of the same text: "Mukabil teklifname, no: 7,8",
# "Mukabil teklifname, 2. paragraf", "İkinci mukabil teklifname?".
_CROSS_REFERENCE = re.compile(
    r"^(?P<title>[A-ZÇĞİÖŞÜ][^,()\d]{2,60}?)"
    r"(?:,\s*(?:(?i:no|madde|md|art|article|§)\s*[.:]?\s*(?P<n>\d+(?:\s*,\s*\d+)*)"
    r"|(?P<p>\d+)\.\s*(?i:paragraf|fıkra|paragraph)))?\s*(?P<q>\?)?$")
# An author and a title before a back-reference: "M. Gauchet, La Révolution …, op. cit.".
_MAX_BEFORE_BACK = 3  # fields


@dataclass(frozen=True)
class _Short:
    author_year: re.Pattern[str]  # Karabekir, 2008, ss. 747-748
    no_year: re.Pattern[str]  # (Karabekir, s. 61): an author and a page, the year left out
    author_date: re.Pattern[str]  # Rutland 1955, 45 (Chicago, no comma)
    short_title: re.Pattern[str]  # Jellinek, Erklärung, S. 35–42 (a locator with its term)
    pages: re.Pattern[str]


@lru_cache(maxsize=16)
def _short(lang: str) -> _Short:
    t = terms(lang)
    joined = rf"(?:{t.joiner}|vd\.|et al\.)"
    page = locator_terms(t.page)
    return _Short(
        author_year=re.compile(
            r"^(?P<author>[A-ZÇĞİÖŞÜÂÎÛ][\w’'.\-]*(?:\s+[\w’'.\-]+){0,3}?"
            rf"(?:\s+{joined}(?:\s+[A-ZÇĞİÖŞÜ][\w’'.\-]*)?)?)"
            rf",\s*(?P<year>{YEAR})(?P<suffix>[a-z])?\s*(?:,\s*(?P<rest>.*))?$"),
        no_year=re.compile(r"^(?P<author>[A-ZÇĞİÖŞÜ][\w’'.\-]*(?:\s+[A-ZÇĞİÖŞÜ][\w’'.\-]*){0,2}),"
                           rf"\s*(?:{page})(?P<pages>\d+(?:\s*[-–]\s*\d+)?)\.?$"),
        author_date=re.compile(
            r"^(?P<author>[A-ZÇĞİÖŞÜ][\w’'.\-]+"
            rf"(?:(?:,\s*|\s+{t.joiner}\s+)[A-ZÇĞİÖŞÜ][\w’'.\-]+){{0,4}}"
            r"(?:\s+et al\.)?)\s+"
            rf"(?P<year>{YEAR})(?P<suffix>[a-z])?(?:,\s*(?P<rest>.*))?$"),
        pages=re.compile(rf"(?:^|,\s*|\s)(?:{page})(?P<pages>{PAGE_RANGE})\s*\.?$"),
        # The title: a few words, no figures; the locator names its page or column (S., p.),
        # perhaps after a volume: "Morsink, Universal Declaration, S. 284–290".
        short_title=re.compile(
            r"^(?P<author>[^\W\d_][\w’'.\-]*(?:\s+[^\W\d_][\w’'.\-]*){0,2}),\s*"
            r"(?P<title>[^\W\d_][^\W\d_’'\-]*(?:\s+[^\W\d_][^\W\d_’'\-]*){0,4}),\s*"
            rf"(?P<rest>(?:(?:{t.volume})\s*[\dIVXLC]+,\s*)?(?:{page}){PAGE_RANGE}\.?)$"),
    )


def parse_reference(written: str, start: int, end: int, language: str = "") -> Citation | None:
    """Parse one reference (no parentheses), or None when it is not one. `language`: the
    article's, which decides what an abbreviation two languages share means."""
    if not written or len(written) > 500:
        return None
    t = terms(language)
    # "Oestreich, Geschichte (wie Anm. 3), S. 61": the pointer to the note of the full mention
    # is read apart; the rest is parsed as if it were not there.
    pointer = _pointer(t.lang).search(written)
    if pointer:
        bare = written[:pointer.start()] + written[pointer.end():]
        citation = _parse(bare, start, end, t)
        if citation is not None:
            citation.text = written
            citation.note_ref = pointer.group("n") or pointer.group("n2")
        return citation
    return _parse(written, start, end, t)


@lru_cache(maxsize=16)
def _pointer(lang: str) -> re.Pattern[str]:
    """``(wie Anm. 3)`` after a short title, or ``, supra note 3`` before the locator."""
    note = terms(lang).note
    return re.compile(rf"\s*\(\s*(?:{note})\s*(?P<n>\d+)\s*\)"
                      rf"|,\s*(?:{note})\s*(?P<n2>\d+)(?=\s*(?:,|$))")


def _parse(written: str, start: int, end: int, t: Terms) -> Citation | None:
    note = SOURCE_NOTE.match(written)
    if note:
        return source_report(written, start, end, note.group("t").strip())
    back = _back_reference(written, start, end, t)
    if back:
        return back
    cross = _CROSS_REFERENCE.match(written)
    if cross and _names_a_document(cross):
        citation = Citation(start, end, written, "cross-reference",
                            title=cross.group("title").strip(), doubtful=bool(cross.group("q")))
        if cross.group("n"):
            citation.part = re.sub(r"\s", "", cross.group("n"))
        elif cross.group("p"):
            citation.part = f"{cross.group('p')}. paragraf"
        return citation
    short_forms = _short(t.lang)
    short = short_forms.author_year.match(written)
    if short and _short_rest(short.group("rest"), short_forms):
        citation = Citation(start, end, written, "author-year",
                            author=surname(short.group("author"), t),
                            year=short.group("year") + (short.group("suffix") or ""))
        pages = short_forms.pages.search(", " + (short.group("rest") or ""))
        if pages:
            citation.pages = norm_pages(pages.group("pages"))
        if short.group("rest") and not pages:
            citation.warnings.append(f"unread part: {short.group('rest')}")
        return citation
    dated = short_forms.author_date.match(written)
    if dated and (not dated.group("rest") or is_locator(dated.group("rest"), t)):
        citation = Citation(start, end, written, "author-year",
                            author=surname(dated.group("author"), t),
                            year=dated.group("year") + (dated.group("suffix") or ""))
        locate(citation, dated.group("rest"), t)
        return citation
    titled = short_forms.short_title.match(written)
    if titled and split_author(titled.group("author"), t)[0] \
            and is_locator(titled.group("rest"), t):
        citation = Citation(start, end, written, "author-year",
                            author=surname(titled.group("author"), t),
                            title=titled.group("title").strip())
        locate(citation, titled.group("rest"), t)
        return citation
    undated = short_forms.no_year.match(written)
    if undated:
        citation = Citation(start, end, written, "author-year",
                            author=surname(undated.group("author"), t),
                            pages=norm_pages(undated.group("pages")))
        citation.warnings.append(f"citation without a year: {written!r}")
        return citation
    return full_reference(written, start, end, t)


def source_report(written: str, start: int, end: int, title: str) -> Citation:
    """A report or document given as a source (``Kaynak: …``, or an item of a list of sources),
    dated by the day it names, written in figures (``4/8/1920``) or words (``4 Ağustos 1920``)."""
    citation = Citation(start, end, written, "report", title=title)
    date = RECORD_DATE.search(written)
    day = edtf(date) if date else textual_day(written)
    if day:
        citation.record_date = day
    return citation


def _back_reference(written: str, start: int, end: int, t: Terms) -> Citation | None:
    """``ibid., p. 4``, ``Topal, a.g.m.``, ``S. Rials, op. cit., p. 369-373``, ``M. Gauchet,
    « Droits de l’homme », art. cit., p. 694``, ``Там же. С. 14``, ``Тарле Е. В. Указ. соч.
    С. 20``. After an author (and a title) only a locator may follow: ``id., « Droits de
    l’homme », dans …`` is a full reference whose author is the one cited before."""
    fs = fields(written)
    for k, f in enumerate(fs[:_MAX_BEFORE_BACK + 1]):
        m = t.back.match(f)
        tail = f[m.end():].strip(" .") if m else ""
        if m is None or (tail and not is_locator(tail, t)):
            continue  # "Age of Revolution": a word, not the abbreviation
        return _back_citation(written, start, end, m.group(), fs[:k], [tail, *fs[k + 1:]], t)
    # GOST writes the author before the abbreviation without a comma: "Тарле Е. В. Указ. соч."
    m = t.back.search(written)
    if m and m.start() and re.search(r"\s[^\W\d_]\.\s*$", written[:m.start()]):
        return _back_citation(written, start, end, m.group(), [written[:m.start()].strip()],
                              [written[m.end():].strip(" .")], t)
    return None


def _back_citation(written: str, start: int, end: int, marker: str, before: list[str],
                   after: list[str], t: Terms) -> Citation | None:
    rest = ", ".join(a for a in after if a)
    term = back_term(marker)
    if rest and not is_locator(rest, t) and (before or (term and term.kind == "author")):
        return None
    if before and not (split_author(before[0], t)[0] or joined_authors(before[0], t)):
        return None  # "… gives Bowling’s article its title: Bowling, op. cit.": prose before
    citation = Citation(start, end, written, "back-reference", back=marker.strip())
    if before:
        citation.author = before[0].strip()
        citation.title = ", ".join(before[1:]).strip(" «»“”\"")
    if rest:
        pages = end_pages(", " + rest, t)
        if pages:
            citation.pages = pages
        else:
            locate(citation, rest, t)
    return citation


def _names_a_document(cross: re.Match[str]) -> bool:
    """A cross-reference names a document by its kind ("İkinci teklifname"), and points to a
    part of it or doubts it, or ends in the bare kind word: "(Moskova Antlaşmasını)" is a gloss
    of a word in the sentence, not a reference."""
    title = cross.group("title").strip()
    if not document_kind(title):
        return False
    if cross.group("n") or cross.group("p") or cross.group("q"):
        return True
    return document_kind(title.split()[-1]) != "" and is_bare_kind(title.split()[-1])


def _short_rest(rest: str | None, short: _Short) -> bool:
    """After `Author, Year`, only pages may follow in the short form."""
    return not rest or (bool(short.pages.search(", " + rest)) and len(rest) < 60)
