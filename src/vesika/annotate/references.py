"""One reference, parsed: what it says about the work it cites.

Turkish and English historical writing cite in a few shapes, all read here:

* author–year–page: ``Karabekir, 2008, ss. 747-748``, ``Bray, 1920b, p. 12``, several page
  ranges ``Sonyel, 2013, ss. 263-264, 273-274``; Chicago author–date ``Rutland 1955, 45``,
  ``Schwartz 1971, 1: 231``;
* a full first mention: ``Gotthard Jaeschke, Türk Kurtuluş Savaşı Kronolojisi, …, TTK Basımevi,
  Ankara, 1989, s. 111``, journal articles with volume (``Cilt``, ``C.``, ``Vol.``, ``Yıl``) and
  issue (``Sayı``, ``S.``, ``No.``) — ``S.`` (capital) is Sayı, the issue, ``s.`` is sayfa, the
  page; Chicago notes with an imprint ``(Chapel Hill: University of North Carolina Press,
  1955)`` or a journal ``Journal of the Early Republic 8, no. 3 (1988): 223–251``;
* dated records: ``TBMM Gizli Celse Zabıtları, Cilt. 1, 3/7/1920, s. 73``, ``Annals of
  Congress, 24 August 1789, col. 778``;
* a source note: ``Kaynak: …`` — a report or document given as the origin of a quotation;
* back-references: ``a.g.e.`` (the work cited above), ``a.g.m.`` (the article cited above),
  ``age``, ``ibid.``, ``op. cit.``, ``aynı eser``, with or without an author and a page;
* a cross-reference to another document of the same text: ``Mukabil teklifname, no: 7,8``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from vesika.annotate.dates import find_dates
from vesika.lang.dockinds import document_kind, is_bare_kind

YEAR = r"(?:1[4-9]\d\d|20\d\d)"
# Pages: s. 12 | ss. 263-264, 273-274 | p. 12 | pp. 12-14 | ss: 55-56 | s. 25-26
_PAGES = re.compile(
    r"(?:^|,\s*|\s)(?:ss?|pp?|sayfa|page|pages)\s*[.:]\s*"
    r"(?P<pages>\d+(?:\s*[-–]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-–]\s*\d+)?)*)\s*\.?$"
)
_BACKREF = re.compile(
    r"^(?:(?P<author>[^,()]{2,60}?),\s*)?"
    r"(?P<ref>a\.\s?g\.\s?e\.?|a\.\s?g\.\s?m\.?|age|agm|ibid\.?|ibidem|op\.\s?cit\.?|"
    r"aynı eser|aynı makale|a\.\s?y\.?)"
    r"(?:\s*,?\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
_AUTHOR_YEAR = re.compile(
    r"^(?P<author>[A-ZÇĞİÖŞÜÂÎÛ][\w’'.\-]*(?:\s+[\w’'.\-]+){0,3}?"
    r"(?:\s+(?:ve|and|&|vd\.|et al\.)(?:\s+[A-ZÇĞİÖŞÜ][\w’'.\-]*)?)?)"
    rf",\s*(?P<year>{YEAR})(?P<suffix>[a-z])?\s*(?:,\s*(?P<rest>.*))?$"
)
# "(Karabekir, s. 61)": an author and a page, the year left out.
_NO_YEAR = re.compile(r"^(?P<author>[A-ZÇĞİÖŞÜ][\w’'.\-]*(?:\s+[A-ZÇĞİÖŞÜ][\w’'.\-]*){0,2}),"
                      r"\s*(?:ss?|pp?)\s*[.:]\s*(?P<pages>\d+(?:\s*[-–]\s*\d+)?)\.?$")
# Author–date without a comma (Chicago): "Rutland 1955, 45", "Veit, Bowling and Bickford 1991,
# 197", "Schwartz 1971, 1: 231".
_AUTHOR_DATE = re.compile(
    r"^(?P<author>[A-ZÇĞİÖŞÜ][\w’'.\-]+(?:(?:,\s*|\s+(?:and|ve|&)\s+)[A-ZÇĞİÖŞÜ][\w’'.\-]+){0,4}"
    r"(?:\s+et al\.)?)\s+"
    rf"(?P<year>{YEAR})(?P<suffix>[a-z])?(?:,\s*(?P<rest>.*))?$")
# A locator after a short reference: "45", "3–7", "1: 231", "vol. 2, p. 596", "cols. 1561–1562",
# "xii–xiii", "197–213, 306–307".
_LOCATOR = re.compile(
    r"^(?:vol\.\s*(?P<vol1>\w+),\s*)?(?:(?:ss?|pp?|cols?|sayfa)\s*[.:]\s*)?"
    r"(?:(?P<vol>\d+):\s*)?"
    r"(?P<pages>[\dxivlc]+(?:\s*[-–]\s*[\dxivlc]+)?(?:\s*,\s*[\dxivlc]+(?:\s*[-–]\s*[\dxivlc]+)?)*)"
    r"\.?$")
# A book's imprint in parentheses (Chicago notes): "(Chapel Hill: University of North Carolina
# Press, 1955)", "(Washington, 1846)".
IMPRINT = re.compile(r"\((?P<place>[^():;]+?)(?::\s*(?P<publisher>[^()]+?))?,\s*"
                      rf"(?P<year>{YEAR})\)")
# A journal article (Chicago notes): Author, “Title,” Journal 8, no. 3 (1988): 223–251.
_JOURNAL = re.compile(
    r"^(?P<author>[^“\"]+?),\s*[“\"](?P<title>.+?),?[”\"]\s*(?P<container>[^,()“”]+?)\s+"
    rf"(?P<volume>\d+)(?:,\s*no\.\s*(?P<issue>\d+))?\s*\((?P<year>{YEAR})\)"
    r"(?::\s*(?P<pages>[\d–\-, ]+))?\.?$")
_RECORD_DATE = re.compile(r"\b(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>1[5-9]\d\d|20\d\d)\b")
_RECORD_WORDS = re.compile(
    r"zab[ıi]t|celse|ceride|ar[sş]iv|BOA|BCA|ATASE|\bFO\b|\bCAB\b|\bIOR\b|\bWO\b|minutes|"
    r"record|dosya|gömlek|fon\b|Hansard|journals?\b|annals|proceedings|debates|convention|"
    r"register|\bto\b", re.IGNORECASE)
_VOLUME = re.compile(r"\b(?:Cilt|C|Vol|Volume|Yıl|Band|Bd|Tome|T)\s*[.:]?\s*(?P<v>[0-9IVXLC]+)\b"
                     r"|\b(?P<v2>[0-9IVXLC]+)\.\s*Cilt\b")
_ISSUE = re.compile(r"\b(?:Sayı|S|No|Nr|Issue)\s*[.:]?\s*(?P<i>\d+)\b")
_SLASH_ISSUE = re.compile(r"^(?P<v>\d+)/(?P<i>\d+)\s*\((?P<y>" + YEAR + r")\)$")
_PUBLISHER = re.compile(
    r"Bas[ıi]mevi|Yay[ıi]nlar[ıi]|Yay\.|Kitabevi|Matbaas[ıi]|Press|Publish|Verlag|Éditions|"
    r"Office|Yayınevi|Kurumu|TTK\b", re.IGNORECASE)
_EDITION = re.compile(r"^\d+\.\s*(?:Baskı|Bsk\.?|ed\.?|edition|Auflage)$", re.IGNORECASE)
_TRANSLATOR = re.compile(r"^(?:Çev\.|Çeviren|trans\.|translated by|übers\.)\s*", re.IGNORECASE)
# A quoted title, perhaps with a subtitle in parentheses after it.
_QUOTED = re.compile(r"^[“\"«‘'](?P<t>.+?)[”\"»’'](?P<after>\s*\(.*\))?$", re.DOTALL)
SOURCE_NOTE = re.compile(r"^(?:Kaynak|Source|Quelle|Source originale)\s*:\s*(?P<t>.+)$",
                          re.IGNORECASE | re.DOTALL)
# A pointer to another document of the same text: "Mukabil teklifname, no: 7,8",
# "Mukabil teklifname, 2. paragraf", "İkinci mukabil teklifname?".
_CROSS_REFERENCE = re.compile(
    r"^(?P<title>[A-ZÇĞİÖŞÜ][^,()\d]{2,60}?)"
    r"(?:,\s*(?:(?i:no|madde|md|art|article|§)\s*[.:]?\s*(?P<n>\d+(?:\s*,\s*\d+)*)"
    r"|(?P<p>\d+)\.\s*(?i:paragraf|fıkra|paragraph)))?\s*(?P<q>\?)?$")
_TITLES = re.compile(r"^(?:Major|Binbaşı|General|Colonel|Sir|Dr\.|Prof\.|Doç\.|Yrd\.)\s+")



@dataclass
class Citation:
    """One reference, with what it says about the work (as written: nothing is looked up)."""

    start: int
    end: int
    text: str
    kind: str  # author-year | full | archival | report | back-reference | cross-reference
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
    back: str = ""  # the back-reference as written (a.g.e., ibid.)
    part: str = ""  # of a cross-reference: the numbered part pointed to ("7,8", "2. paragraf")
    doubtful: bool = False  # the writer's own "?"
    in_footnote: str = ""  # the footnote's number
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v not in ("", [], None, False)}


def parse_reference(written: str, start: int, end: int) -> Citation | None:
    """Parse one reference (no parentheses), or None when it is not one."""
    if not written or len(written) > 500:
        return None
    note = SOURCE_NOTE.match(written)
    if note:
        return source_report(written, start, end, note.group("t").strip())
    back = _BACKREF.match(written)
    if back:
        citation = Citation(start, end, written, "back-reference", back=back.group("ref"))
        if back.group("author"):
            citation.author = back.group("author").strip()
        rest = back.group("rest") or ""
        pages = _PAGES.search(", " + rest) if rest else None
        if pages:
            citation.pages = _norm_pages(pages.group("pages"))
        else:
            _locate(citation, rest)
        return citation
    cross = _CROSS_REFERENCE.match(written)
    if cross and _names_a_document(cross):
        citation = Citation(start, end, written, "cross-reference",
                            title=cross.group("title").strip(), doubtful=bool(cross.group("q")))
        if cross.group("n"):
            citation.part = re.sub(r"\s", "", cross.group("n"))
        elif cross.group("p"):
            citation.part = f"{cross.group('p')}. paragraf"
        return citation
    short = _AUTHOR_YEAR.match(written)
    if short and _short_rest(short.group("rest")):
        citation = Citation(start, end, written, "author-year",
                            author=_surname(short.group("author")),
                            year=short.group("year") + (short.group("suffix") or ""))
        pages = _PAGES.search(", " + (short.group("rest") or ""))
        if pages:
            citation.pages = _norm_pages(pages.group("pages"))
        if short.group("rest") and not pages:
            citation.warnings.append(f"unread part: {short.group('rest')}")
        return citation
    dated = _AUTHOR_DATE.match(written)
    if dated and (not dated.group("rest") or _LOCATOR.match(dated.group("rest"))):
        citation = Citation(start, end, written, "author-year",
                            author=_surname(dated.group("author")),
                            year=dated.group("year") + (dated.group("suffix") or ""))
        _locate(citation, dated.group("rest"))
        return citation
    undated = _NO_YEAR.match(written)
    if undated:
        citation = Citation(start, end, written, "author-year",
                            author=_surname(undated.group("author")),
                            pages=_norm_pages(undated.group("pages")))
        citation.warnings.append(f"citation without a year: {written!r}")
        return citation
    fields = _fields(written)
    if len(fields) < 2:
        return None
    record_part = re.split(r",\s+in\s+", written, maxsplit=1)[0]
    record = _RECORD_DATE.search(record_part)
    day = record or _textual_day(record_part)
    if day and _RECORD_WORDS.search(record_part):
        return _archival(written, start, end, fields, day)
    journal = _JOURNAL.match(written)
    if journal:
        return _journal(written, start, end, journal)
    imprint = IMPRINT.search(written)
    if imprint:
        return _book(written, start, end, imprint)
    if not re.search(YEAR, written):
        return None
    return _full(written, start, end, fields)


def source_report(written: str, start: int, end: int, title: str) -> Citation:
    """A report or document given as a source (``Kaynak: …``, or an item of a list of sources),
    dated by the day it names, written in figures (``4/8/1920``) or words (``4 Ağustos 1920``)."""
    citation = Citation(start, end, written, "report", title=title)
    date = _RECORD_DATE.search(written)
    day = _edtf(date) if date else _textual_day(written)
    if day:
        citation.record_date = day
    return citation


def _locate(citation: Citation, rest: str | None) -> None:
    """Pages (and a volume) from a locator such as "1: 231" or "vol. 2, p. 596"."""
    if not rest:
        return
    m = _LOCATOR.match(rest.strip())
    if m:
        citation.pages = _norm_pages(m.group("pages"))
        citation.volume = m.group("vol") or m.group("vol1") or citation.volume
    else:
        citation.warnings.append(f"unread part: {rest}")


def _textual_day(written: str) -> str | None:
    """A day written in words ("15 November 1777", "3 Temmuz 1920"), as EDTF, or None."""

    for m in find_dates(written):
        if m.date and m.kind == "date" and m.date.precision == "day":
            return m.date.edtf
    return None


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


def _short_rest(rest: str | None) -> bool:
    """After `Author, Year`, only pages may follow in the short form."""
    return not rest or (bool(_PAGES.search(", " + rest)) and len(rest) < 60)


def _fields(written: str) -> list[str]:
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


def _edtf(m: re.Match[str]) -> str:
    day, month, year = int(m.group("d")), int(m.group("m")), int(m.group("y"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"


def _norm_pages(pages: str) -> str:
    return re.sub(r"\s*,\s*", ", ", re.sub(r"\s*[-–]\s*", "-", pages.strip()))


def _surname(author: str) -> str:
    """``Salâhi R. Sonyel`` -> ``Sonyel``; ``Tekeli ve İlkin`` -> ``Tekeli ve İlkin``."""
    author = _TITLES.sub("", author.strip())
    if re.search(r"\s(?:ve|and|&)\s", author):
        return author
    return author.split()[-1] if author.split() else author


def _split_author(field_text: str) -> tuple[str, str]:
    """(surname, given names) of a first field naming a person, or ("", "")."""
    name = _TITLES.sub("", field_text.strip())
    first = re.split(r"\s+(?:ve|and|&)\s+", name)[0]
    words = first.split()
    if not 1 <= len(words) <= 5 or not all(w[0].isupper() for w in words if w[0].isalpha()):
        return "", ""
    return words[-1], " ".join(words[:-1])


def _archival(written: str, start: int, end: int, fields: list[str],
              record: re.Match[str] | str) -> Citation:
    """A dated record: the series before the date ("TBMM Gizli Celse Zabıtları", "Annals of
    Congress"), its volume, the record's day; an edition it is printed in ("…, in Joseph Gales,
    comp., The Debates and Proceedings …") is kept as `title`."""
    day = record if isinstance(record, str) else _edtf(record)
    citation = Citation(start, end, written, "archival", record_date=day)
    record_part, _, edition = written.partition(", in ")
    series = []
    for f in _fields(record_part):
        if _VOLUME.fullmatch(f.strip()) or _RECORD_DATE.search(f) or _PAGES.search(", " + f) \
                or _textual_day(f):
            break
        series.append(f)
    citation.container = ", ".join(series)
    citation.title = edition.strip() or citation.container
    citation.author = series[0].split()[0] if series else ""
    volume = _VOLUME.search(record_part)
    if volume:
        citation.volume = volume.group("v") or volume.group("v2")
    pages = _PAGES.search(written) or _LOCATOR.search(written.rsplit(",", 1)[-1].strip())
    if pages:
        citation.pages = _norm_pages(pages.group("pages"))
    citation.year = day[:4]
    return citation


def _book(written: str, start: int, end: int, imprint: re.Match[str]) -> Citation:
    """Chicago notes: Author, [ed.,] Title[, n vols.] (Place: Publisher, Year)[, pages]."""
    citation = Citation(start, end, written, "full", year=imprint.group("year"),
                        place=imprint.group("place").strip(),
                        publisher=(imprint.group("publisher") or "").strip())
    head = written[: imprint.start()].strip().rstrip(",")
    _locate(citation, written[imprint.end():].strip().lstrip(",").strip() or None)
    fields = _fields(head)
    if fields and len(fields) > 1:
        surname, given = _split_author(re.sub(r"\s+et al\.$", "", fields[0]))
        if surname:
            citation.author, citation.given = surname, given
            fields = fields[1:]
    fields = [f for f in fields if not re.fullmatch(r"(?:ed|eds|comp|trans)\.", f)]
    volume = next((f for f in fields if re.fullmatch(r"vol\.\s*\w+|\d+ vols\.", f)), "")
    if volume.startswith("vol."):
        citation.volume = volume[4:].strip()
    citation.title = ", ".join(f for f in fields if f != volume)
    return citation


def _journal(written: str, start: int, end: int, m: re.Match[str]) -> Citation:
    surname, given = _split_author(m.group("author"))
    return Citation(start, end, written, "full", author=surname or m.group("author"),
                    given=given, title=m.group("title").strip(" ,"),
                    container=m.group("container").strip(), volume=m.group("volume"),
                    issue=m.group("issue") or "", year=m.group("year"),
                    pages=_norm_pages(m.group("pages") or ""))


def _full(written: str, start: int, end: int, fields: list[str]) -> Citation:
    citation = Citation(start, end, written, "full")
    surname, given = _split_author(fields[0])
    rest = fields[1:]
    if surname:
        citation.author, citation.given = surname, given
        if len(re.split(r"\s+(?:ve|and|&)\s+", _TITLES.sub("", fields[0]))) > 1:
            citation.author = _TITLES.sub("", fields[0]).strip()
    else:
        rest = fields
    pages = _PAGES.search(written)
    if pages:
        citation.pages = _norm_pages(pages.group("pages"))
    titles: list[str] = []
    for f in rest:
        quoted = _QUOTED.match(f)
        slash = _SLASH_ISSUE.match(f)
        if _TRANSLATOR.match(f):
            citation.translator = _TRANSLATOR.sub("", f)
        elif quoted:
            titles.insert(0, quoted.group("t").strip())
        elif slash:
            citation.volume, citation.issue = slash.group("v"), slash.group("i")
            citation.year = slash.group("y")
        elif _PAGES.search(", " + f) and f == fields[-1]:
            continue
        elif re.fullmatch(YEAR + r"[a-z]?", f):
            citation.year = f
        elif _EDITION.match(f):
            citation.edition = f
        elif _PUBLISHER.search(f):
            citation.publisher = f
        elif _VOLUME.match(f) or _ISSUE.match(f):
            _volume_issue(citation, f)
        elif re.fullmatch(r"[0-9IVXLC]+\.\s*Cilt(?:\s*\(.*\))?", f):
            citation.volume = f.split(".")[0]
        elif citation.publisher and not citation.place and re.fullmatch(r"[A-ZÇĞİÖŞÜ][\w’'\-]+", f):
            citation.place = f
        else:
            titles.append(f)
    quoted = next((q for q in (_QUOTED.match(f) for f in rest) if q), None)
    if quoted:
        # An article: its title is quoted (a subtitle may follow in parentheses), the journal
        # after it.
        citation.title = quoted.group("t").strip()
        if quoted.group("after"):
            citation.title += " " + quoted.group("after").strip()
        others = [t for t in titles if t != quoted.group("t").strip()]
        container = others[0] if others else ""
        inner = _VOLUME.search(container) or _ISSUE.search(container)
        if inner:
            _volume_issue(citation, container[inner.start():])
            container = container[: inner.start()].strip()
        citation.container = container
    elif titles:
        citation.title = ", ".join(titles)
    if not citation.year:
        years = re.findall(r"\((" + YEAR + r")\)|\b(" + YEAR + r")[a-z]?\b", written)
        if years:
            citation.year = next(y for y in (a or b for a, b in reversed(years)))
    return citation


def _volume_issue(citation: Citation, text: str) -> None:
    volume = _VOLUME.search(text)
    issue = _ISSUE.search(text)
    if volume and not citation.volume:
        citation.volume = volume.group("v") or volume.group("v2")
    if issue and not citation.issue:
        citation.issue = issue.group("i")
    year = re.search(r"\((" + YEAR + r")\)", text)
    if year and not citation.year:
        citation.year = year.group(1)
