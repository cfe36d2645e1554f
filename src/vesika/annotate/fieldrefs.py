"""A full reference read field by field, as most notes write one: the author or authors (or
the editors, ``hrsg. von …``), the title, the part of a larger work (``in: Historische
Zeitschrift 169 (1949)``, ``dans … (dir.), Dictionnaire …``), volume and issue, the imprint
(``Paris, Hachette, 1988``, ``TTK Basımevi, Ankara, 1989``, ``Leipzig: Duncker & Humblot 1895``,
``Cambridge, Mass.: Belknap Press 2010``) and the locator."""

from __future__ import annotations

import re

from vesika.annotate.refparts import (
    YEAR,
    Citation,
    editor_mark,
    joined_authors,
    norm_pages,
    split_author,
)
from vesika.annotate.refpatterns import (
    COLON_IMPRINT,
    EDITION,
    JOURNAL_VOLUME,
    PLACE_PARTICLES,
    PUBLISHER_WORD,
    QUOTED,
    SLASH_ISSUE,
    patterns,
)
from vesika.annotate.refterms import Terms, back_term, known_publisher

# An abbreviated state or province after a town: Mass., Calif., Ont., N.J.
_STATE = re.compile(r"(?:[A-Z][a-z]{0,4}\.|(?:[A-Z]\.){2})")


def _place_like(f: str, t: Terms) -> bool:
    """A place of publication: one to three capitalised words (particles allowed: Frankfurt am
    Main), no figures, no colon, not a term of a locator."""
    words = f.split()
    if not 1 <= len(words) <= 4 or re.search(r"[\d:«»“”\"()]", f) or known_publisher(f):
        return False
    if patterns(t).volume.match(f) or patterns(t).issue.match(f) or PUBLISHER_WORD.search(f):
        return False
    return words[0][0].isupper() and all(w[0].isupper() or w in PLACE_PARTICLES for w in words)


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
    return known_publisher(f) or bool(PUBLISHER_WORD.search(f))


def _imprint(fs: list[str], first: int, t: Terms) -> tuple[str, str, str, set[int]]:
    """(place, publisher, year, the fields they take) of a reference's imprint: the fields before
    its year of publication — ``Paris, Hachette, 1988`` (place, publisher), ``TTK Basımevi,
    Ankara, 1989`` (a publisher named as one, then its place), ``Washington, 1846`` (a place
    alone), ``Stuttgart: Klett-Cotta, 1975``, ``München 1985``. `first`: the first field that
    may hold the imprint (after the author and the title)."""
    for y in range(len(fs) - 1, first - 1, -1):
        f = fs[y]
        colon = COLON_IMPRINT.fullmatch(f)
        if colon and _place_like(colon.group("place"), t):
            year = colon.group("year") or (fs[y + 1] if y + 1 < len(fs)
                                           and re.fullmatch(YEAR, fs[y + 1]) else "")
            used = {y} | ({y + 1} if not colon.group("year") and year else set())
            place = colon.group("place")
            if _STATE.fullmatch(place) and y - 1 >= first and _place_like(fs[y - 1], t):
                # "Cambridge, Mass.: Belknap Press": a town and its state's abbreviation.
                place, used = f"{fs[y - 1]}, {place}", used | {y - 1}
            return place, colon.group("publisher"), year, used
        alone = re.fullmatch(rf"(?P<place>.+?)\s+(?P<year>{YEAR})", f)
        if alone and _place_like(alone.group("place"), t):
            return alone.group("place"), "", alone.group("year"), {y}
        if not re.fullmatch(YEAR + r"[a-z]?", f):
            continue
        before = fs[y - 1] if y - 1 >= first else ""
        earlier = fs[y - 2] if y - 2 >= first else ""
        colon = COLON_IMPRINT.fullmatch(before)
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


def fields_reference(written: str, start: int, end: int, fs: list[str], t: Terms) -> Citation:
    p = patterns(t)
    citation = Citation(start, end, written, "full")
    idem = back_term(fs[0])
    surname, given, edited = split_author(fs[0], t)
    names = author_list(fs, t)
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
    book_at: int | None = None  # where, among `titles`, the book a part is in starts
    journal_at: int | None = None  # the field of the journal a part is in
    for i, f in enumerate(rest, start=offset):
        quoted = QUOTED.match(f)
        slash = SLASH_ISSUE.match(f)
        inside = p.within_field.match(f)
        if i in used:
            after_publisher = after_publisher or f == citation.publisher
            continue
        if p.translator.match(f):
            citation.translator = _named_after(p.translator.sub("", f))
        elif (edited_by := p.editor_field.match(f)):
            # "…, hrsg. von Roman Schnur": the editors, who are named as the authors of a
            # volume cited by its title; after an author, the editors of the edition.
            name = _named_after(f[edited_by.end():])
            if not citation.author and not citation.back and split_author(name, t)[0]:
                citation.author = joined_authors(name, t) or split_author(name, t)[0]
                citation.given, citation.edited = split_author(name, t)[1], True
        elif quoted:
            titles.insert(0, quoted.group("t").strip())
        elif slash:
            citation.volume, citation.issue = slash.group("v"), slash.group("i")
            citation.year = slash.group("y")
        elif p.pages.search(", " + f) and (f == fs[-1] or _locator_only(f, t)):
            continue  # "S. 233–263", "hier S. 240–245": pages, no part of a title
        elif re.fullmatch(YEAR + r"[a-z]?", f):
            citation.year = f
        elif EDITION.match(f):
            citation.edition = f
        elif PUBLISHER_WORD.search(f) and not citation.publisher:
            citation.publisher, after_publisher = f, True
        elif p.volume.match(f) or p.issue.match(f):
            _volume_issue(citation, f, t)
        elif re.fullmatch(r"[0-9IVXLC]+\.\s*Cilt(?:\s*\(.*\))?", f):
            citation.volume = f.split(".")[0]
        elif after_publisher and not citation.place and re.fullmatch(r"[A-ZÇĞİÖŞÜ][\w’'\-]+", f):
            citation.place = f
        elif p.container_editors.match(f):
            # "dans Dale Van Kley (dir.)", "in: ders. (Hrsg.)": the editors of the book it is
            # part of, whose title follows.
            book_at = len(titles)
        elif inside and inside.group("rest")[0].isupper():
            journal = JOURNAL_VOLUME.match(inside.group("rest"))
            if journal:  # "in: Historische Zeitschrift 169 (1949)"
                citation.container, citation.volume = journal["container"], journal["volume"]
                citation.year, journal_at = citation.year or journal["year"], i
            else:  # "in: Moralpolitik. Geschichte der Menschenrechte …"
                book_at = len(titles)
                titles.append(inside.group("rest"))
        else:
            titles.append(f)
    if journal_at is not None and _extent_only(fs[journal_at + 1:], t):
        citation.pages = ""  # "…, in: Annales … 17 (1902), S. 415–443": the article's pages
    quoted = next((q for q in (QUOTED.match(f) for f in rest) if q), None)
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
    elif book_at is not None and 0 < book_at < len(titles):
        citation.title = ", ".join(titles[:book_at])
        citation.container = ", ".join(titles[book_at:])
    elif titles:
        citation.title = ", ".join(titles)
    if not citation.year:
        years = re.findall(r"\((" + YEAR + r")\)|\b(" + YEAR + r")[a-z]?\b", written)
        if years:
            citation.year = next(y for y in (a or b for a, b in reversed(years)))
    return citation


def _named_after(words: str) -> str:
    """A name after the preposition of an editor's or translator's mark: ``von Georges
    Fardis`` -> Georges Fardis, ``by Julian P. Boyd`` -> Julian P. Boyd."""
    head, _, tail = words.strip().partition(" ")
    return tail.strip() if head.islower() and tail[:1].isupper() else words.strip()


def _locator_only(f: str, t: Terms) -> bool:
    """A field that is a locator, perhaps after one word: ``S. 233–263``, ``hier S. 240–245``."""
    m = patterns(t).pages.search(", " + f)
    return bool(m) and len(("," + " " + f)[:m.start()].strip(", ").split()) <= 1


def _extent_only(after: list[str], t: Terms) -> bool:
    """After a journal part, a single page range and no other locator: the article's extent
    (``S. 415–443``), not the page cited (``…, S. 233–263, hier S. 240–245``)."""
    located = [f for f in after if _locator_only(f, t)]
    return len(located) == 1 and bool(re.search(r"\d\s*[-–]\s*\d", located[0]))


def author_list(fs: list[str], t: Terms) -> int:
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
