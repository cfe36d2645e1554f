"""Citations: the references a scholarly text gives for its statements, found in the text.

References stand in parentheses in the running text and in footnotes — several works in one
parenthesis separated by ``;`` — or make up a note of their own (a footnote, or an endnote of a
``Notes`` section with ``[n]`` markers): a list of references, one after ``bkz.``/``see``/``cf.``,
or short references inside the note's sentences. Each is parsed by `references.parse_reference`;
`vesika.link.bibliography` groups citations into works, resolves back-references and attaches
each citation to the statement it supports.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from vesika.annotate.endnotes import endnote_markers, endnotes
from vesika.annotate.references import (
    IMPRINT,
    SOURCE_NOTE,
    YEAR,
    Citation,
    parse_reference,
    source_report,
)
from vesika.annotate.refterms import terms
from vesika.lang.parens import parenthesized
from vesika.lang.written_names import capitalises_nouns
from vesika.model import Document

__all__ = ["Citation", "find_citations", "note_segments", "parse_reference",
           "source_list_before"]


@lru_cache(maxsize=16)
def _inline(language: str) -> re.Pattern[str]:
    """A short reference inside a note's sentence: "… printed in Rutland 1970, 1: 277–286.",
    "… its title: Bowling, op. cit., 223.", "see ibid., 1: 289–291"."""
    t = terms(language)
    return re.compile(
        rf"(?P<ref>(?:[A-ZÇĞİÖŞÜ][\w’'\-]+(?:\s+{t.joiner}\s+[A-ZÇĞİÖŞÜ][\w’'\-]+)?,?\s+"
        rf"{YEAR}[a-z]?|(?:[A-ZÇĞİÖŞÜ][\w’'\-]+,\s*)?(?i:{t.back.pattern}))"
        rf"(?:,\s*(?:(?:{t.page})\s*)?(?:\d+:\s*)?[\dxivlc]+(?:\s*[-–]\s*[\dxivlc]+)?)?)")


@lru_cache(maxsize=16)
def _see(language: str) -> re.Pattern[str]:
    """The words that lead in to a reference in a note, in either case: bkz., see, Cf., voir
    aussi, Vgl., См."""
    return re.compile(rf"(?<!\w)(?:{terms(language).see})(?!\w)\s*:?\s*", re.IGNORECASE)


# A sentence announcing the sources of what it follows, listed after it numbered and without
# parentheses: "Bu kaynaklar şunlardır: 1- Çiçerin’den Türk Millet Meclisi’ne 4 Haziran 1920
# tarihli telsiz telgraf dinlemesi, 2- İstanbul’dan gizli rapor, 4 Ağustos 1920"; "The sources
# are: (1) …". Only the plural word: a single "Kaynak: …" is a source note in parentheses.
SOURCE_LIST = re.compile(r"\b(?:kaynaklar[ıi]?|sources|quellen)\b[^.:;()\n]{0,40}:",
                         re.IGNORECASE)
_LIST_ITEM_GAP = 400  # characters: a numbered item further on belongs to something else


def note_segments(doc: Document) -> tuple[list[tuple[int, int, str]], dict[str, Any]]:
    """(start, end, number) of the document's notes — its page footnotes, or else an endnotes
    section — and where each note's marker stands in the text."""
    footnotes = doc.spans.get("footnote", [])
    if footnotes:
        return ([(f.start, f.end, f.label) for f in footnotes],
                {f.label: f.attrs.get("marker_at") for f in footnotes})
    notes = endnotes(doc.clean_text)
    return notes, dict(endnote_markers(doc.clean_text, notes))


def find_citations(text: str, footnotes: list[tuple[int, int, str]] | None = None,
                   body_end: int | None = None, language: str = "") -> list[Citation]:
    """Every citation of `text`: parenthesised references in the body and the footnotes, and
    bare references in footnotes. `footnotes`: (start, end, number) of each footnote;
    `language`: the text's (it decides what an abbreviation two languages share means)."""
    out: list[Citation] = []
    notes = footnotes or []
    for a, b in parenthesized(text):
        number = next((n for s, e, n in notes if s <= a < e), "")
        out.extend(_parse_group(text, a + 1, b - 1, number, language))
    for s, e, number in notes:
        taken = [(a, b) for a, b in parenthesized(text, s, e)
                 if any(a <= c.start < b for c in out)]
        out.extend(_note_references(text, s, e, number, taken, language))
    for c in _source_lists(text, out):
        c.in_footnote = next((n for s, e, n in notes if s <= c.start < e), "")
        out.append(c)
    out.sort(key=lambda c: c.start)
    return out


def _source_lists(text: str, found: list[Citation]) -> list[Citation]:
    """The items of each announced list of sources (`SOURCE_LIST`) that name a year, each a
    report of its own; an item a parenthesised citation already covers is left to it."""
    out: list[Citation] = []
    for m in SOURCE_LIST.finditer(text):
        paragraph_end = text.find("\n\n", m.end())
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        markers: list[re.Match[str]] = []
        pos = m.end()
        while True:
            marker = re.compile(rf"(?<![^\s,;:])\(?{len(markers) + 1}\s*[-–—.)]\s+").search(
                text, pos, min(paragraph_end, pos + _LIST_ITEM_GAP))
            # The list starts right after the colon: "1- …", then "2- …" and so on.
            if marker is None or (not markers and text[m.end():marker.start()].strip()):
                break
            markers.append(marker)
            pos = marker.end()
        for i, marker in enumerate(markers):
            stop = markers[i + 1].start() if i + 1 < len(markers) else paragraph_end
            sentence_end = re.compile(r"\.\s+(?=[A-ZÇĞİÖŞÜ])").search(text, marker.end(), stop)
            a, b = _trim(text, marker.end(), sentence_end.start() if sentence_end else stop)
            while b > a and text[b - 1] in ",; \n":
                b -= 1
            written = " ".join(text[a:b].split())
            if not re.search(YEAR, written) or any(c.start < b and a < c.end for c in found):
                continue
            out.append(source_report(written, a, b, written))
    return out


def source_list_before(text: str, pos: int) -> int | None:
    """Where the sentence announcing the list of sources that `pos` stands in starts, or None
    when `pos` is not in such a list: the sources support what comes before that sentence."""
    paragraph_start = text.rfind("\n\n", 0, pos) + 1
    announced = None
    for m in SOURCE_LIST.finditer(text, paragraph_start, pos):
        announced = m
    if announced is None:
        return None
    sentence = max(text.rfind(". ", paragraph_start, announced.start()),
                   text.rfind(".\n", paragraph_start, announced.start()))
    return sentence + 1 if sentence >= 0 else paragraph_start


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \n\t":
        a += 1
    while b > a and text[b - 1] in " \n\t;":
        b -= 1
    if b > a and text[b - 1] == "." and not re.search(r"\b\w\.$", text[a:b]):
        b -= 1
    return a, b


def _parse_group(text: str, a: int, b: int, footnote: str, language: str) -> list[Citation]:
    """One parenthesis: a source note, or one or more `;`-separated references."""
    inner = " ".join(text[a:b].split())
    if SOURCE_NOTE.match(inner):
        s, e = _trim(text, a, b)
        citation = parse_reference(" ".join(text[s:e].split()), s, e, language)
        if citation:
            citation.in_footnote = footnote
            return [citation]
        return []
    if IMPRINT.fullmatch(f"({inner})"):
        return []  # "(Chapel Hill: University of North Carolina Press, 1955)": part of a note
    parts, pos = [], a
    depth = 0
    for i in range(a, b):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
        elif text[i] == ";" and depth == 0:
            parts.append((pos, i))
            pos = i + 1
    parts.append((pos, b))
    found = []
    for s, e in parts:
        s, e = _trim(text, s, e)
        if e <= s:
            continue
        citation = parse_reference(" ".join(text[s:e].split()), s, e, language)
        if citation:
            citation.in_footnote = footnote
            found.append(citation)
    return found


def _note_references(text: str, s: int, e: int, number: str,
                     taken: list[tuple[int, int]], language: str) -> list[Citation]:
    """The references a note gives outside parentheses: a note that is a list of references
    (``1. Robert Allen Rutland, The Birth … (Chapel Hill: …, 1955); Leonard W. Levy, …``), one
    after ``bkz.``/``see``/``voir``/``vgl.`` (``8 … ayrıntılı bilgi için bkz. Taner Bilgin, …``),
    and short references inside the note's sentences (``… are printed in Rutland 1970, 1:
    277–286.``). A note may hold several sentences, each with its reference (``Archives
    parlementaires, …, p. 221-222. Sur le rôle de Jefferson, voir Gilbert Chinard, …``)."""
    lead = re.match(r"\s*\d{1,3}[.)]?\s+", text[s:e])
    start = s + (lead.end() if lead else 0)
    found: list[Citation] = []
    for part_start, part_end in _split_parts(text, start, e):
        for sentence_start, sentence_end in _sentences(text, part_start, part_end, language):
            found.extend(_part_references(text, sentence_start, sentence_end, taken, language))
    for c in found:
        c.in_footnote = number
    return found


def _part_references(text: str, part_start: int, part_end: int, taken: list[tuple[int, int]],
                     language: str) -> list[Citation]:
    found: list[Citation] = []
    see = _see(language).search(text, part_start, part_end)
    a, b = _trim(text, see.end() if see else part_start, part_end)
    if b <= a or any(x < b and a < y for x, y in taken):
        return found
    citation = parse_reference(" ".join(text[a:b].split()), a, b, language)
    lead = _lead_in(text, a, b, language)
    if lead > a and (citation is None or not citation.author):
        # "pour le texte adopté, Peter Force (éd.), American Archives, …": the author's words
        # before the reference, all in lower case, are no part of it.
        after = parse_reference(" ".join(text[lead:b].split()), lead, b, language)
        if after is not None and after.author and _reference_shaped(after):
            a, citation = lead, after
    whole = citation is not None and _reference_shaped(citation)
    if whole and citation is not None:
        found.append(citation)
    for m in _inline(language).finditer(text, part_start, a if whole else part_end):
        x, y = _trim(text, m.start("ref"), m.end("ref"))
        inline = parse_reference(" ".join(text[x:y].split()), x, y, language)
        if inline and inline.kind in ("author-year", "back-reference"):
            found.append(inline)
    return found


def _lead_in(text: str, a: int, b: int, language: str) -> int:
    """Where the reference starts after a lead-in of the author's own: in lower case ending with
    a comma (``pour le texte adopté, …``), or before the author's name, German style, where the
    lead-in's nouns are capitalised (``zur Rezeption Hasso Hofmann, …``, ``zu den Entwürfen
    Marcel Gauchet, …``, ``auch Horst Dippel, …``); `a` when there is none (an ``id.`` or
    ``ibid.`` opening the part is the reference itself)."""
    comma = text.find(",", a, b)
    head = text[a:comma] if comma > 0 else ""
    if not head or not head[0].islower() or terms(language).back.match(head.strip()):
        return a
    if any(ch.isupper() for ch in head):
        return _before_name(text, a, comma, capitalises_nouns(language))
    start = comma + 1
    while start < b and text[start].isspace():
        start += 1
    return start


def _before_name(text: str, a: int, comma: int, nouns: bool) -> int:
    """Where a name of two words or more starts after a lead-in of lower-case words (``the
    speech is reprinted in Helen E. Veit, …``); in a language that capitalises its nouns
    (`nouns`: German) each run of them may close with one capitalised noun (``zur Rezeption``),
    so long as two capitalised words are left for the name; `a` when none is left."""
    words = list(re.finditer(r"\S+", text[a:comma]))
    i = 0
    while i < len(words) and words[i].group()[0].islower():
        j = i
        while j < len(words) and words[j].group()[0].islower():
            j += 1
        noun = nouns and j < len(words) and len(words) - (j + 1) >= 2 \
            and words[j + 1].group()[0].isupper()
        i = j + 1 if noun else j
    name = [w.group() for w in words[i:]]
    if len(name) < 2 or not all(w[0].isupper() for w in name):
        return a
    return a + words[i].start()


def _sentences(text: str, a: int, b: int, language: str) -> list[tuple[int, int]]:
    """text[a:b] cut after each sentence that is a whole reference by itself and is followed by
    another sentence: the full stop closes a locator or a year (``…, p. 221-222. Sur le rôle de
    Jefferson, voir …``) or a back-reference (``Ibid. Voir aussi …``). A full stop after an
    initial (``Julian P. Boyd``) or an abbreviation (``t. I``), or inside a title
    (``Préliminaire de la Constitution. Reconnaissance …``: no reference before it), cuts
    nothing."""
    out: list[tuple[int, int]] = []
    pos = a
    t = terms(language)
    # What goes on with a locator belongs to the same reference (GOST: "… 1985. С. 12").
    locator = re.compile(rf"(?:{t.page}|{t.volume})\s*\d")
    # A figure after a word that is no locator term is an ordinal, German style: "(Sitzung vom
    # 11. Juli 1789)", "Zum 50. Jahrestag": its full stop ends nothing.
    ordinal = re.compile(rf"(?<![\w.])(?!(?:{t.page}|{t.volume})\s*\d)[^\W\d_]+\s+\d{{1,3}}$")
    inside = parenthesized(text, a, b)
    for m in re.finditer(r"\.\s+(?=[^\W\d_])", text[a:b]):
        stop = a + m.start()
        closed = (text[stop - 1].isdigit() and not ordinal.search(text, max(a, stop - 40), stop)) \
            or any(x.end() in (stop, stop + 1)
                   for x in t.back.finditer(text, max(pos, stop - 12), stop + 1))
        if not closed or locator.match(text, a + m.end()) \
                or any(x < stop < y for x, y in inside):
            continue
        x, y = _trim(text, pos, stop + 1)
        see = _see(language).search(text, x, y)
        x = see.end() if see else x
        head = parse_reference(" ".join(text[x:y].split()), x, y, language)
        if head is not None and _reference_shaped(head) and text[a + m.end()].isupper():
            out.append((pos, stop + 1))
            pos = a + m.end()
    out.append((pos, b))
    return out


def _split_parts(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """`;`-separated parts of text[a:b], semicolons inside parentheses and quotes kept."""
    parts, pos, depth, quoted = [], a, 0, False
    for i in range(a, b):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in "“«":
            quoted = True
        elif ch in "”»":
            quoted = False
        elif ch == ";" and not depth and not quoted:
            parts.append((pos, i))
            pos = i + 1
    parts.append((pos, b))
    return parts


def _reference_shaped(c: Citation) -> bool:
    """Outside parentheses only what is unmistakably a reference counts: a back-reference, a
    short author–year, a dated record, or a full reference with an imprint or a journal."""
    if c.kind in ("back-reference", "author-year", "archival"):
        return True
    return c.kind == "full" and bool(c.publisher or c.container or c.place)

