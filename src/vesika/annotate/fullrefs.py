"""Full references: a work cited with its title and imprint, a journal article, a dated record.

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
from dataclasses import dataclass
from functools import lru_cache

from vesika.annotate.refparts import (
    PAGE_RANGE,
    RECORD_DATE,
    YEAR,
    Citation,
    editor_mark,
    edtf,
    fields,
    joined_authors,
    locator_terms,
    norm_pages,
    split_author,
    textual_day,
)
from vesika.annotate.refterms import Terms, back_term, known_publisher, terms

# Words that name a publishing house inside its name, in the languages vesika reads.
_PUBLISHER = re.compile(
    r"Bas[ıi]mevi|Yay[ıi]nlar[ıi]|Yay\.|Kitabevi|Matbaas[ıi]|Press|Presses|Publish|Verlag|"
    r"Éditions|Editions|Office|Yayınevi|Kurumu|TTK\b|Издательство|Изд-во", re.IGNORECASE)
_EDITION = re.compile(r"^\d+\.\s*(?:Baskı|Bsk\.?|ed\.?|edition|Auflage)$", re.IGNORECASE)
# A quoted title, perhaps with a subtitle in parentheses after it.
_QUOTED = re.compile(r"^[“\"«‘'](?P<t>.+?)[”\"»’'](?P<after>\s*\(.*\))?$", re.DOTALL)
# A numbered sitting or session after the body's name ("183. Plenarsitzung", "12e séance",
# "3rd session"): the record cited, no part of the series.
_NUMBERED_SITTING = re.compile(r"^\d+(?:\.|e|er|re|st|nd|rd|th)?\s+[^\W\d_]")
_SLASH_ISSUE = re.compile(r"^(?P<v>\d+)/(?P<i>\d+)\s*\((?P<y>" + YEAR + r")\)$")
# A journal article (Chicago notes): Author, “Title,” Journal 8, no. 3 (1988): 223–251.
_JOURNAL = re.compile(
    r"^(?P<author>[^“\"]+?),\s*[“\"](?P<title>.+?),?[”\"]\s*(?P<container>[^,()“”]+?)\s+"
    rf"(?P<volume>\d+)(?:,\s*no\.\s*(?P<issue>\d+))?\s*\((?P<year>{YEAR})\)"
    r"(?::\s*(?P<pages>[\d–\-, ]+))?\.?$")
# A book's imprint in parentheses (Chicago notes): "(Chapel Hill: University of North Carolina
# Press, 1955)", "(Washington, 1846)".
IMPRINT = re.compile(r"\((?P<place>[^():;]+?)(?::\s*(?P<publisher>[^()]+?))?,\s*"
                     rf"(?P<year>{YEAR})\)")
# "Stuttgart: Klett-Cotta, 1975" as one field: place, publisher, perhaps the year.
_COLON_IMPRINT = re.compile(
    rf"(?P<place>[^:]+?)\s*:\s*(?P<publisher>[^:]+?)(?:,?\s+(?P<year>{YEAR}))?")
# Lower-case words a place name may hold: Frankfurt am Main, Frankfurt a. M., Stratford-upon-
# Avon, Boulogne-sur-Mer, Rio de Janeiro.
_PLACE_PARTICLES = frozenset({"am", "an", "der", "a.", "upon", "on", "sur", "en", "de", "la",
                              "le", "del", "di", "bei", "im", "in", "i"})


@dataclass(frozen=True)
class _Patterns:
    pages: re.Pattern[str]  # a locator at the end: ", p. 12", " S. 12-14"
    locator: re.Pattern[str]
    volume: re.Pattern[str]
    issue: re.Pattern[str]
    translator: re.Pattern[str]
    editor_field: re.Pattern[str]
    within: re.Pattern[str]  # ", in …", ", dans …": a part inside a larger work
    container_editors: re.Pattern[str]  # "dans Dale Van Kley (dir.)", "in J. Smith, ed."
    gost: re.Pattern[str]


def patterns(t: Terms) -> _Patterns:
    return _patterns(t.lang)


@lru_cache(maxsize=16)
def _patterns(lang: str) -> _Patterns:
    t = terms(lang)
    page = locator_terms(t.page)
    volume_terms = "|".join(
        # A one-letter abbreviation needs its full stop (t. VIII, C. 44); a word need not.
        (re.escape(w[:-1]) + r"\s*\." if len(w.rstrip(".")) == 1 and w.endswith(".")
         else re.escape(w.rstrip(".")) + r"\s*[.:]?") for w in t.words["volume"])
    issue_terms = "|".join(re.escape(w.rstrip(".")) + (r"\s*\." if len(w.rstrip(".")) == 1
                                                        else r"\s*[.:]?")
                           for w in t.words["issue"])
    author = r"[^\W\d_][\w\-]+(?:\s+[^\W\d_]\.){1,2}"  # Тарле Е. В.
    within = "|".join(re.escape(w) for w in t.words["in"])
    return _Patterns(
        pages=re.compile(rf"(?:^|,\s*|\s)(?:{page})(?P<pages>{PAGE_RANGE})\s*\.?$"),
        locator=re.compile(
            rf"^(?:(?:{volume_terms})\s*(?P<vol1>[\dIVXLC]+)[,.]\s*)?(?:(?:{page}))?"
            r"(?:(?P<vol>\d+):\s*)?"
            r"(?P<pages>[\dxivlc]+(?:\s*[-–]\s*[\dxivlc]+)?"
            r"(?:\s*,\s*[\dxivlc]+(?:\s*[-–]\s*[\dxivlc]+)?)*)\.?$"),
        volume=re.compile(rf"(?<!\w)(?:{volume_terms})\s*(?P<v>[0-9IVXLC]+)\b"
                          r"|\b(?P<v2>[0-9IVXLC]+)\.\s*Cilt\b"),
        issue=re.compile(rf"(?<!\w)(?:{issue_terms})\s*(?P<i>\d+)\b"),
        translator=re.compile(rf"^(?:{t.translator})\s*", re.IGNORECASE),
        editor_field=re.compile(rf"^(?:{t.editor})\s+"),
        within=re.compile(rf",\s+(?:{within})\s+"),
        container_editors=re.compile(rf"(?:{within})\s+.+?(?:\((?:{t.editor})\)|,?\s+(?:{t.editor}))$"),
        gost=re.compile(
            rf"^(?P<author>{author})\s+(?P<title>.+?)\.\s*(?:[–—-]\s*)?"
            rf"(?:(?:{volume_terms})\s*(?P<volume>[\dIVXLC]+)\.\s*(?:[–—-]\s*)?)?"
            rf"(?P<place>{t.place}|[^\W\d_][\w\-]+(?:[ -][^\W\d_][\w\-]+)?)\s*:\s*"
            rf"(?P<publisher>[^,:]+?),\s*(?P<year>{YEAR})\b(?P<rest>.*)$"),
    )


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
    journal = _JOURNAL.match(written)
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
    return _full(written, start, end, fs, t)


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
                or textual_day(f) or (series and _NUMBERED_SITTING.match(f)
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
    pages = p.pages.search(written) or p.locator.search(written.rsplit(",", 1)[-1].strip())
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
        if surname:
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


def _place_like(f: str, t: Terms) -> bool:
    """A place of publication: one to three capitalised words (particles allowed: Frankfurt am
    Main), no figures, no colon, not a term of a locator."""
    words = f.split()
    if not 1 <= len(words) <= 4 or re.search(r"[\d:«»“”\"()]", f) or known_publisher(f):
        return False
    if patterns(t).volume.match(f) or patterns(t).issue.match(f) or _PUBLISHER.search(f):
        return False
    return words[0][0].isupper() and all(w[0].isupper() or w in _PLACE_PARTICLES for w in words)


def _publisher_like(f: str, t: Terms) -> bool:
    """What may stand between a place and a year: a name of a few words without figures."""
    words = f.split()
    if not 1 <= len(words) <= 8 or re.search(r"[\d«»“”\"]", f):
        return False
    p = patterns(t)
    if p.volume.match(f) or p.issue.match(f) or p.translator.match(f) or back_term(f):
        return False
    return f[0].isupper() or known_publisher(f)


def _named_publisher(f: str) -> bool:
    return known_publisher(f) or bool(_PUBLISHER.search(f))


def _imprint(fs: list[str], first: int, t: Terms) -> tuple[str, str, str, set[int]]:
    """(place, publisher, year, the fields they take) of a reference's imprint: the fields before
    its year of publication — ``Paris, Hachette, 1988`` (place, publisher), ``TTK Basımevi,
    Ankara, 1989`` (a publisher named as one, then its place), ``Washington, 1846`` (a place
    alone), ``Stuttgart: Klett-Cotta, 1975``, ``München 1985``. `first`: the first field that
    may hold the imprint (after the author and the title)."""
    for y in range(len(fs) - 1, first - 1, -1):
        f = fs[y]
        colon = _COLON_IMPRINT.fullmatch(f)
        if colon and _place_like(colon.group("place"), t):
            year = colon.group("year") or (fs[y + 1] if y + 1 < len(fs)
                                           and re.fullmatch(YEAR, fs[y + 1]) else "")
            used = {y} | ({y + 1} if not colon.group("year") and year else set())
            return colon.group("place"), colon.group("publisher"), year, used
        alone = re.fullmatch(rf"(?P<place>.+?)\s+(?P<year>{YEAR})", f)
        if alone and _place_like(alone.group("place"), t):
            return alone.group("place"), "", alone.group("year"), {y}
        if not re.fullmatch(YEAR + r"[a-z]?", f):
            continue
        before = fs[y - 1] if y - 1 >= first else ""
        earlier = fs[y - 2] if y - 2 >= first else ""
        colon = _COLON_IMPRINT.fullmatch(before)
        if colon and not colon.group("year") and _place_like(colon.group("place"), t):
            return colon.group("place"), colon.group("publisher"), f, {y - 1, y}  # München: Beck
        if before and earlier and _named_publisher(earlier) and _place_like(before, t):
            return before, earlier, f, {y - 2, y - 1, y}  # TTK Basımevi, Ankara, 1989
        if before and earlier and _place_like(earlier, t) and _publisher_like(before, t):
            return earlier, before, f, {y - 2, y - 1, y}  # Paris, Hachette, 1988
        if before and _named_publisher(before):
            return "", before, f, {y - 1, y}
        if before and _place_like(before, t):
            return before, "", f, {y - 1, y}
        return "", "", "", set()
    return "", "", "", set()


def _full(written: str, start: int, end: int, fs: list[str], t: Terms) -> Citation:
    p = patterns(t)
    citation = Citation(start, end, written, "full")
    idem = back_term(fs[0])
    surname, given, edited = split_author(fs[0], t)
    names = _author_list(fs, t)
    rest = fs[names:]
    if idem and idem.kind == "author":
        citation.back = fs[0]  # "id., « Droits de l’homme », dans …": the author cited before
    elif surname:
        citation.author, citation.given, citation.edited = surname, given, edited
        citation.author = joined_authors(fs[0], t) or citation.author
        if names > 1:  # "Otto Brunner, Werner Conze und Reinhart Koselleck (Hrsg.)"
            citation.author = ", ".join([*fs[:names - 1], joined_authors(fs[names - 1], t)])
            citation.edited = split_author(fs[names - 1], t)[2]
    else:
        rest = fs
    offset = len(fs) - len(rest)
    # The imprint comes after the title: at the third field at the earliest with an author.
    place, publisher, year, used = _imprint(fs, offset + 1, t)
    citation.place, citation.publisher, citation.year = place, publisher, year
    pages = p.pages.search(written)
    if pages:
        citation.pages = norm_pages(pages.group("pages"))
    titles: list[str] = []
    after_publisher = False  # a single word after the publisher is its place (Turkish order)
    for i, f in enumerate(rest, start=offset):
        quoted = _QUOTED.match(f)
        slash = _SLASH_ISSUE.match(f)
        if i in used:
            after_publisher = after_publisher or f == citation.publisher
            continue
        if p.translator.match(f):
            citation.translator = p.translator.sub("", f)
        elif quoted:
            titles.insert(0, quoted.group("t").strip())
        elif slash:
            citation.volume, citation.issue = slash.group("v"), slash.group("i")
            citation.year = slash.group("y")
        elif p.pages.search(", " + f) and f == fs[-1]:
            continue
        elif re.fullmatch(YEAR + r"[a-z]?", f):
            citation.year = f
        elif _EDITION.match(f):
            citation.edition = f
        elif _PUBLISHER.search(f) and not citation.publisher:
            citation.publisher, after_publisher = f, True
        elif p.volume.match(f) or p.issue.match(f):
            _volume_issue(citation, f, t)
        elif re.fullmatch(r"[0-9IVXLC]+\.\s*Cilt(?:\s*\(.*\))?", f):
            citation.volume = f.split(".")[0]
        elif after_publisher and not citation.place and re.fullmatch(r"[A-ZÇĞİÖŞÜ][\w’'\-]+", f):
            citation.place = f
        elif p.container_editors.match(f):
            continue  # "dans Dale Van Kley (dir.)": the editors of the book it is part of
        else:
            titles.append(f)
    quoted = next((q for q in (_QUOTED.match(f) for f in rest) if q), None)
    if quoted:
        # An article or a chapter: its title is quoted (a subtitle may follow in
        # parentheses), the journal or the book after it.
        citation.title = quoted.group("t").strip()
        if quoted.group("after"):
            citation.title += " " + quoted.group("after").strip()
        others = [x for x in titles if x != quoted.group("t").strip()]
        container = others[0] if others else ""
        inner = p.volume.search(container) or p.issue.search(container)
        if inner:
            _volume_issue(citation, container[inner.start():], t)
            container = container[: inner.start()].strip()
        citation.container = container
    elif titles:
        citation.title = ", ".join(titles)
    if not citation.year:
        years = re.findall(r"\((" + YEAR + r")\)|\b(" + YEAR + r")[a-z]?\b", written)
        if years:
            citation.year = next(y for y in (a or b for a, b in reversed(years)))
    return citation


def _author_list(fs: list[str], t: Terms) -> int:
    """How many fields name the authors: one, or a list closed by two names joined by "and"
    (``Otto Brunner, Werner Conze und Reinhart Koselleck (Hrsg.)``). Each name of the list has
    a given name or an initial: ``Kritik und Krise`` after an author is a title."""
    def full_name(name: str) -> bool:
        return bool(split_author(name, t)[0]) and len(editor_mark(t).sub("", name).split()) >= 2

    for i in range(1, min(len(fs) - 1, 5)):
        joined = joined_authors(fs[i], t)
        if joined:
            names = [*fs[:i], *re.split(rf"\s+{t.joiner}\s+", joined)]
            return i + 1 if all(full_name(n) for n in names) else 1
        if not full_name(fs[i]):
            return 1
    return 1


def _volume_issue(citation: Citation, text: str, t: Terms) -> None:
    p = patterns(t)
    volume = p.volume.search(text)
    issue = p.issue.search(text)
    if volume and not citation.volume:
        citation.volume = volume.group("v") or volume.group("v2")
    if issue and not citation.issue:
        citation.issue = issue.group("i")
    year = re.search(r"\((" + YEAR + r")\)", text)
    if year and not citation.year:
        citation.year = year.group(1)
