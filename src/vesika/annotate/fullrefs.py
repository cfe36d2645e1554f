"""Full references: a work cited with its title and imprint, a journal article, a dated record.

The shapes read whole are here; a reference read field by field (author, title, imprint) is
read in `fieldrefs.py`, with the patterns of `refpatterns.py`.

* a book: ``Gotthard Jaeschke, Türk Kurtuluş Savaşı Kronolojisi, …, TTK Basımevi, Ankara, 1989,
  s. 111``; ``Stéphane Rials, La Déclaration des droits de l’homme et du citoyen, Paris,
  Hachette, 1988``; Chicago notes with the imprint in parentheses ``(Chapel Hill: University of
  North Carolina Press, 1955)``; ``Frankfurt am Main: Suhrkamp, 1973, S. 12``. The publisher is
  recognised by its place in the imprint (between the place and the year), by a word that names
  a publishing house (Basımevi, Press, Verlag, Éditions) or by name (`publishers.tsv`);
* a journal article, its title quoted: ``Journal of the Early Republic 8, no. 3 (1988): 223–251``,
  ``Belleten, C. 44, S. 174 (1980)``, ``Annales des sciences politiques, t. XVII, 1902``; a
  chapter ``« Droits de l’homme », dans François Furet et Mona Ozouf (dir.), Dictionnaire …``;
* a Russian reference after GOST 7.0.5-2008: ``Тарле Е. В. Наполеон. М.: Наука, 1985. С. 12.``;
* a dated record: ``TBMM Gizli Celse Zabıtları, Cilt. 1, 3/7/1920, s. 73``, ``Annals of
  Congress, 24 August 1789, col. 778``, ``Archives parlementaires, 1re série, t. VIII, séance
  du 26 août 1789, p. 489``, ``Assemblée générale des Nations unies, résolution 217 A (III),
  10 décembre 1948, …``.
"""

from __future__ import annotations

import re

from vesika.annotate.fieldrefs import author_list, fields_reference
from vesika.annotate.refparts import (
    PAGE_RANGE,
    RECORD_DATE,
    YEAR,
    Citation,
    edtf,
    fields,
    joined_authors,
    locator_terms,
    norm_pages,
    split_author,
    textual_day,
)
from vesika.annotate.refpatterns import IMPRINT, JOURNAL, NUMBERED_SITTING, patterns
from vesika.annotate.refterms import Terms

__all__ = ["IMPRINT", "end_pages", "full_reference", "is_locator", "locate"]


def full_reference(written: str, start: int, end: int, t: Terms) -> Citation | None:
    """A full reference, a journal article or a dated record; None when `written` is none."""
    fs = fields(written)
    if len(fs) < 2:
        return None
    p = patterns(t)
    record_part = p.within.split(written, maxsplit=1)[0]
    record = RECORD_DATE.search(record_part)
    day = edtf(record) if record else textual_day(record_part)
    if day and t.record.search(record_part):
        return _archival(written, start, end, day, t)
    journal = JOURNAL.match(written)
    if journal:
        return _journal(written, start, end, journal, t)
    imprint = IMPRINT.search(written)
    if imprint:
        return _book(written, start, end, imprint, t)
    gost = p.gost.match(written)
    if gost:
        return _gost(written, start, end, gost, t)
    if not re.search(YEAR, written):
        return None
    return fields_reference(written, start, end, fs, t)


def locate(citation: Citation, rest: str | None, t: Terms) -> None:
    """Pages (and a volume) from a locator such as "1: 231", "vol. 2, p. 596", "t. I, p. 12"."""
    if not rest:
        return
    m = patterns(t).locator.match(rest.strip())
    if m:
        citation.pages = norm_pages(m.group("pages"))
        citation.volume = m.group("vol") or m.group("vol1") or citation.volume
    else:
        citation.warnings.append(f"unread part: {rest}")


def is_locator(rest: str, t: Terms) -> bool:
    return bool(patterns(t).locator.match(rest.strip()))


def end_pages(written: str, t: Terms) -> str:
    """The locator a reference ends with (``…, p. 12-14`` -> ``12-14``), or ""."""
    m = patterns(t).pages.search(written)
    return norm_pages(m.group("pages")) if m else ""


def _archival(written: str, start: int, end: int, day: str, t: Terms) -> Citation:
    """A dated record: the series before the date ("TBMM Gizli Celse Zabıtları", "Annals of
    Congress", "Archives parlementaires de 1787 à 1860, 1re série"), its volume, the record's
    day; its editors (``éd. Jérôme Mavidal et Émile Laurent``) are no part of the series; an
    edition it is printed in ("…, in Joseph Gales, comp., The Debates and Proceedings …") is
    kept as `title`."""
    p = patterns(t)
    citation = Citation(start, end, written, "archival", record_date=day)
    parts = p.within.split(written, maxsplit=1)
    record_part, edition = parts[0], (parts[1] if len(parts) > 1 else "")
    series = []
    for f in fields(record_part):
        if p.volume.fullmatch(f.strip()) or RECORD_DATE.search(f) or p.pages.search(", " + f) \
                or textual_day(f) or (series and NUMBERED_SITTING.match(f)
                                      and t.record.search(f)):
            break
        if p.editor_field.match(f):
            continue
        series.append(f)
    citation.container = ", ".join(series)
    citation.title = edition.strip() or citation.container
    citation.author = series[0].split()[0] if series else ""
    volume = p.volume.search(record_part)
    if volume:
        citation.volume = volume.group("v") or volume.group("v2")
    # The sitting may follow the locator in parentheses: "…, S. 221 f. (Sitzung vom 11. Juli
    # 1789)".
    located = re.sub(r"\s*\([^()]*\)\s*$", "", written)
    pages = p.pages.search(located) or p.locator.search(located.rsplit(",", 1)[-1].strip())
    if pages:
        citation.pages = norm_pages(pages.group("pages"))
    citation.year = day[:4]
    return citation


def _book(written: str, start: int, end: int, imprint: re.Match[str], t: Terms) -> Citation:
    """Chicago notes: Author, [ed.,] Title[, n vols.] (Place: Publisher, Year)[, pages]."""
    citation = Citation(start, end, written, "full", year=imprint.group("year"),
                        place=imprint.group("place").strip(),
                        publisher=(imprint.group("publisher") or "").strip())
    head = written[: imprint.start()].strip().rstrip(",")
    locate(citation, written[imprint.end():].strip().lstrip(",").strip() or None, t)
    fs = fields(head)
    if fs and len(fs) > 1:
        surname, given, _ = split_author(re.sub(r"\s+et al\.$", "", fs[0]), t)
        names = author_list(fs, t)
        if surname and names > 1:  # "Helen E. Veit, Kenneth R. Bowling and Charlene …, eds."
            citation.author = ", ".join([*fs[:names - 1], joined_authors(fs[names - 1], t)])
            citation.given, fs = given, fs[names:]
        elif surname:
            citation.author, citation.given = surname, given
            fs = fs[1:]
    if fs and re.fullmatch(r"(?:ed|eds|comp)\.", fs[0]):
        citation.edited = True
    fs = [f for f in fs if not re.fullmatch(r"(?:ed|eds|comp|trans)\.", f)]
    volume = next((f for f in fs if re.fullmatch(r"vol\.\s*\w+|\d+ vols\.", f)), "")
    if volume.startswith("vol."):
        citation.volume = volume[4:].strip()
    citation.title = ", ".join(f for f in fs if f != volume)
    return citation


def _journal(written: str, start: int, end: int, m: re.Match[str], t: Terms) -> Citation:
    surname, given, _ = split_author(m.group("author"), t)
    return Citation(start, end, written, "full", author=surname or m.group("author"),
                    given=given, title=m.group("title").strip(" ,"),
                    container=m.group("container").strip(), volume=m.group("volume"),
                    issue=m.group("issue") or "", year=m.group("year"),
                    pages=norm_pages(m.group("pages") or ""))


def _gost(written: str, start: int, end: int, m: re.Match[str], t: Terms) -> Citation:
    """``Тарле Е. В. Наполеон. М.: Наука, 1985. С. 12.``: author (surname, initials), title,
    volume, place, publisher, year, pages (``С.``; an extent ``320 с.`` is no locator)."""
    surname, given, _ = split_author(m.group("author"), t)
    citation = Citation(start, end, written, "full", author=surname, given=given,
                        title=m.group("title").strip(), volume=m.group("volume") or "",
                        place=m.group("place"), publisher=m.group("publisher").strip(),
                        year=m.group("year"))
    rest = m.group("rest").strip(" .–—-")
    pages = re.search(rf"(?:^|\s|\.)(?:{locator_terms(t.page)})(?P<pages>{PAGE_RANGE})", rest)
    if pages and not re.match(r"\d", rest):
        citation.pages = norm_pages(pages.group("pages"))
    return citation
