"""The bibliography of a dossier: citations grouped into works, back-references resolved, and
each citation attached to the statement it supports.

Works are keyed the way a reader matches a short citation to its full first mention: first
author's surname and year, letter included (``karabekir-2008``, ``bray-1920b``); a record series
by its name and volume (``tbmm-gizli-celse-zabitlari-1``). A back-reference points to the last
work cited before it — the last article for ``a.g.m.``, the last book for ``a.g.e.``, the last
work of the named author when one is written (``Topal, a.g.m.``).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from vesika.annotate.citations import (
    Citation,
    find_citations,
    note_segments,
    source_list_before,
)
from vesika.annotate.references import first_surname
from vesika.annotate.refterms import back_term
from vesika.lang.detect import detect_language
from vesika.lang.romanize import romanize
from vesika.lang.sentences import sentences
from vesika.model import Document
from vesika.store import Store

SCHEMA = "vesika.citations/1"
_WORK_FIELDS = ("author", "given", "title", "container", "volume", "issue", "publisher", "place",
                "year", "edition", "translator")


@dataclass
class Work:
    key: str
    type: str  # book | article | report | archival | document
    fields: dict[str, str] = field(default_factory=dict)
    cited: list[tuple[str, Citation]] = field(default_factory=list)  # (doc, citation)

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "type": self.type, **{k: v for k, v in self.fields.items() if v},
                "cited": [{"doc": d, "start": c.start, "end": c.end, "pages": c.pages}
                          for d, c in self.cited]}


@dataclass
class Cited:
    """A citation placed: its document, its work and the statement it supports."""

    doc: str
    citation: Citation
    work: str | None
    statement: tuple[int, int]
    statement_text: str

    def to_json(self) -> dict[str, Any]:
        return {"doc": self.doc, **self.citation.to_json(), "work": self.work,
                "statement": {"start": self.statement[0], "end": self.statement[1],
                              "text": self.statement_text}}


@dataclass
class Bibliography:
    works: dict[str, Work]
    citations: list[Cited]
    warnings: list[str]

    def to_json(self) -> dict[str, Any]:
        return {"schema": SCHEMA, "citations": [c.to_json() for c in self.citations],
                "bibliography": [w.to_json() for w in self.works.values()],
                "warnings": self.warnings}


def slug(text: str) -> str:
    text = romanize(text.replace("ı", "i").replace("İ", "I").replace("ß", "ss"))
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _work_type(c: Citation) -> str:
    if c.kind == "archival":
        return "archival"
    if c.kind in ("report", "cross-reference"):
        return "document"
    if c.container:
        return "article"
    if re.search(r"Office|Report|Rapor", f"{c.publisher} {c.title}"):
        return "report"
    return "book"


def _series(c: Citation) -> str:
    return slug(c.container)


def _key(c: Citation) -> str:
    if c.kind == "archival":
        return "-".join(p for p in (_series(c), slug(c.volume)) if p)
    if c.kind == "report":
        return "source-" + "-".join(slug(c.title).split("-")[:6])
    if c.kind == "cross-reference":
        return "document-" + slug(c.title)
    surname = first_surname(c.author) or "anon"
    if c.kind == "author-year" and c.title and not c.year:
        # A short title no full mention was found for: its author and its first word.
        return f"{slug(surname)}-{slug(c.title).split('-')[0]}"
    return f"{slug(surname)}-{c.year.lower() or 'nd'}"


def build_bibliography(documents: list[Document]) -> Bibliography:
    works: dict[str, Work] = {}
    placed: list[Cited] = []
    warnings: list[str] = []
    for doc in documents:
        opened, closed = doc.clean_text.count("("), doc.clean_text.count(")")
        if opened != closed:
            warnings.append(f"{doc.id}: unbalanced parentheses ({opened} opened, {closed} closed);"
                            " a reference inside an unclosed one may be missed")
        notes, markers = note_segments(doc)
        history: list[Work] = []
        language = doc.meta.language or detect_language(doc.clean_text)
        found = find_citations(doc.clean_text, notes, doc.body_end, language)
        opened = {doc.clean_text.rfind("(", 0, c.start + 1) for c in found}
        resolved: dict[int, Work | None] = {}
        by_note: dict[str, list[Work]] = {}  # the works each note cites, for "wie Anm. n"
        for c in sorted(found, key=lambda c: _reading_position(c, markers)):
            work = _resolve(c, works, history, warnings, doc.id, by_note)
            if work is not None:
                work.cited.append((doc.id, c))
                history.append(work)
                if c.in_footnote:
                    by_note.setdefault(c.in_footnote, []).append(work)
            resolved[id(c)] = work
        for c in found:
            work = resolved[id(c)]
            s, e = statement_of(doc.clean_text, c, notes, markers, doc.body_end, opened)
            placed.append(Cited(doc.id, c, work.key if work else None, (s, e),
                                " ".join(doc.clean_text[s:e].split())))
            warnings.extend(f"{doc.id}:{c.start}: {w}" for w in c.warnings)
    return Bibliography(works, placed, warnings)


def _reading_position(c: Citation, markers: dict[str, Any]) -> tuple[int, int]:
    """Where a reader meets the citation: a note's references where its call stands in the
    running text (endnotes are printed at the end, but read at their call: ``Adams, a.a.O.``
    in the text after the call of a note citing Adams points to that note's work), the rest
    where they stand."""
    marker = markers.get(c.in_footnote) if c.in_footnote else None
    if isinstance(marker, int):
        return marker, c.start
    return c.start, c.start


def _resolve(c: Citation, works: dict[str, Work], history: list[Work], warnings: list[str],
             doc: str, by_note: dict[str, list[Work]] | None = None) -> Work | None:
    if c.note_ref or (c.kind == "author-year" and c.title and not c.year):
        # A short title: the work cited in full before (in the note it points to, if it does).
        pointed = (by_note or {}).get(c.note_ref, []) if c.note_ref else []
        work = _full_mention(c, pointed) or _full_mention(c, history)
        if work is not None:
            return work
        if c.note_ref:
            warnings.append(f"{doc}:{c.start}: {c.text!r} points to note {c.note_ref}, which"
                            " cites no work of that author and title")
    if c.kind == "back-reference":
        work = _pointed_to(c, history)
        if work is None:
            warnings.append(f"{doc}:{c.start}: back-reference {c.text!r} has nothing before it"
                            " to point to")
        return work
    if c.kind == "full" and c.back and not c.author:
        # "id., « Droits de l’homme », dans …": the author of the reference just before.
        if history:
            c.author = history[-1].fields.get("author", "")
            c.given = c.given or history[-1].fields.get("given", "")
        else:
            warnings.append(f"{doc}:{c.start}: {c.back!r} has no author before it to stand for")
    key = _key(c)
    if c.kind == "archival" and key not in works:
        key = _same_series(c, key, works, warnings, doc)
    work = works.get(key)
    if work is None:
        work = works[key] = Work(key, _work_type(c))
    elif work.type == "book" and _work_type(c) != "book":
        work.type = _work_type(c)
    for name in _WORK_FIELDS:
        value = getattr(c, name)
        if value and (not work.fields.get(name) or c.kind == "full"):
            if name == "year" and work.fields.get("year"):
                continue
            work.fields[name] = value
    if c.kind == "full" and c.edited:
        work.fields["role"] = "editor"  # the names are the editors': "Jacques Godechot (éd.)"
    if c.kind == "report" and c.record_date and not work.fields.get("date"):
        # A dated report or document given as a source is one work of that day (a series of
        # minutes is not: its cited sessions stay with the citations).
        work.fields["date"] = c.record_date
        work.fields.setdefault("year", c.record_date[:4])
    if c.kind == "author-year" and not work.fields.get("title"):
        work.fields.setdefault("short", f"{c.author} {c.year}")
    return work


def _pointed_to(c: Citation, history: list[Work]) -> Work | None:
    """The work a back-reference points to: the last one cited, or the last one of the author
    it names, of the title it gives (``M. Gauchet, « Droits de l’homme », art. cit.``), of the
    kind its abbreviation wants (``art. cit.``, ``a.g.m.``: an article)."""
    term = back_term(c.back)
    wanted = term.wants if term else ""
    named = slug(first_surname(c.author)) if c.author else ""
    for work in reversed(history):
        if named and slug(first_surname(work.fields.get("author", ""))) != named:
            continue
        if wanted and work.type != wanted:
            continue
        if c.title and not _same_title(c.title, work.fields.get("title", "")):
            continue
        return work
    return None


def _full_mention(c: Citation, candidates: list[Work]) -> Work | None:
    """The last of `candidates` a short title names: the same author's surname (or the same
    series, for a record), and best a title whose first words are the short title's (a leading
    article or preposition aside: ``Erklärung`` of ``Die Erklärung der Menschen- und
    Bürgerrechte``, ``Universal Declaration`` of ``The Universal Declaration of Human Rights``,
    not ``La Déclaration des droits de l’homme``); else one whose main title holds its words in
    their order (``Rat`` of ``Der Parlamentarische Rat 1948–1949``); else the author's only
    work among them."""
    named = slug(first_surname(c.author)) if c.author else ""
    by_author = [w for w in reversed(candidates)
                 if not named or slug(first_surname(w.fields.get("author", ""))) == named]
    if not c.title:
        return by_author[0] if by_author else None

    def titles(work: Work) -> tuple[str, str]:
        return work.fields.get("title", ""), work.fields.get("container", "")

    for fits in (_title_starts, _title_holds):
        found = next((w for w in by_author if any(fits(c.title, t) for t in titles(w))), None)
        if found is not None:
            return found
    return by_author[0] if len({w.key for w in by_author}) == 1 else None


def _title_starts(short: str, full: str) -> bool:
    words, whole = slug(short).split("-"), slug(full).split("-")
    if not words or not words[0]:
        return False
    if whole[:len(words)] == words:
        return True
    # One short leading word left out: an article (Die, The, La) or a preposition (Zur).
    return len(whole[0]) <= 3 and whole[1:len(words) + 1] == words


def _title_holds(short: str, full: str) -> bool:
    """The short title's words, in their order, in the main title (before a subtitle)."""
    words = iter(slug(re.split(r"[.:]\s", full, maxsplit=1)[0]).split("-"))
    return all(w in words for w in slug(short).split("-") if w)


def _same_title(short: str, full: str) -> bool:
    """A title as a back-reference repeats it: the work's title, or its beginning."""
    a, b = slug(short), slug(full)
    return bool(a) and (b.startswith(a) or difflib.SequenceMatcher(None, a, b).ratio() >= 0.85)


def _same_series(c: Citation, key: str, works: dict[str, Work], warnings: list[str],
                 doc: str) -> str:
    """A record series already cited, in the same volume: a misprint of its name (TBBM for
    TBMM), or its name cut short (``Archives parlementaires, 1re série`` for ``Archives
    parlementaires de 1787 à 1860, 1re série``)."""
    series = _series(c)
    for other in (w for w in works.values() if w.type == "archival"):
        if other.fields.get("volume", "") != c.volume:
            continue
        other_series = slug(other.fields.get("container", ""))
        if other_series == series:
            continue
        if difflib.SequenceMatcher(None, other_series, series).ratio() >= 0.9 \
                or _cut_short(series, other_series) or _cut_short(other_series, series):
            warnings.append(f"{doc}:{c.start}: {c.container!r} read as"
                            f" {other.fields.get('container')!r}")
            return other.key
    return key


def _cut_short(short: str, full: str) -> bool:
    """`short`'s words are `full`'s first word and others of it in their order (two at least):
    ``archives-parlementaires-1re-serie`` of ``archives-parlementaires-de-1787-a-1860-1re-serie``,
    not ``james-madison-to-thomas-jefferson`` of ``thomas-jefferson-to-james-madison``."""
    words, rest = short.split("-"), iter(full.split("-"))
    return len(words) >= 2 and words[0] == full.split("-")[0] and all(w in rest for w in words)


def statement_of(text: str, c: Citation, notes: list[tuple[int, int, str]],
                 markers: dict[str, Any], body_end: int | None,
                 references: set[int] | None = None) -> tuple[int, int]:
    """The statement a citation supports.

    In running text, the sentence the reference closes — the one before it when the reference
    opens a sentence of its own. A reference standing alone after a block quotation (on a line
    of its own) supports the paragraph before it. In a footnote that says something, the
    footnote's sentence before it; a footnote that is only a reference supports the sentence
    its marker stands in.
    """
    opening = text.rfind("(", 0, c.start + 1)
    anchor = opening if opening >= 0 and c.start - opening <= 2 else c.start
    if c.kind == "report":
        # An item of "Bu kaynaklar şunlardır: 1- …": the list stands for what came before it.
        announced = source_list_before(text, c.start)
        anchor = announced if announced is not None else anchor
    anchor = _before_citations(text, anchor, references or set())
    note = next(((s, e, n) for s, e, n in notes if s <= c.start < e), None)
    if note is not None:
        s, e, number = note
        before = text[s:anchor]
        words = re.sub(r"^\s*\d+\s*|bkz\.|Bkz\.|see|See|cf\.", "", before).strip()
        if len(words) > 15:
            return _quotation_or_sentence(text, s, anchor)
        marker = markers.get(number)
        if isinstance(marker, int) and 0 <= marker < len(text):
            limit = body_end if body_end is not None else len(text)
            return _sentence_around(text, marker, limit)
        return s, e
    return _quotation_or_sentence(text, 0, anchor)


def _before_citations(text: str, anchor: int, references: set[int]) -> int:
    """Step back over references written just before this one: ``(Jaeschke, …) (Sonyel, …)``
    support the same statement."""
    while True:
        head = text[:anchor].rstrip()
        if not head.endswith(")"):
            return anchor
        depth, i = 0, len(head) - 1
        while i >= 0:
            depth += {")": 1, "(": -1}.get(head[i], 0)
            if depth == 0:
                break
            i -= 1
        inner = head[i + 1 : -1]
        if i < 0 or (i not in references and not re.search(
                r"\b(?:1[4-9]\d\d|20\d\d)|a\.\s?g\.|ibid|Kaynak", inner)):
            return anchor
        anchor = i


def _quotation_or_sentence(text: str, lo: int, anchor: int) -> tuple[int, int]:
    """A reference right after a closing quotation mark supports the whole quotation (a letter,
    a speech); otherwise the sentence it closes. A separator line is skipped."""
    head = text[lo:anchor].rstrip()
    while head and not re.search(r"\w", head.rsplit("\n", 1)[-1]):
        head = head.rsplit("\n", 1)[0].rstrip() if "\n" in head else ""
    end = lo + len(head)
    if head.endswith(("”", "»")) or head.endswith('"'):
        opener = "“" if head.endswith("”") else ("«" if head.endswith("»") else '"')
        start = text.rfind(opener, lo, end - 1)
        if start >= 0 and end - start > 0:
            return start, end
    return _sentence_before(text, lo, end)


def _sentence_before(text: str, lo: int, anchor: int) -> tuple[int, int]:
    """The sentence that ends at `anchor` (or contains it), looking no earlier than `lo`."""
    window_start = max(lo, anchor - 1500)
    spans = sentences(text[window_start:anchor])
    spans = [(window_start + s, window_start + e) for s, e in spans
             if text[window_start + s:window_start + e].strip()]
    if not spans:
        return anchor, anchor
    s, e = spans[-1]
    if len(text[s:e].strip()) < 3 and len(spans) > 1:
        s, e = spans[-2]
    return s, e


def _sentence_around(text: str, pos: int, limit: int) -> tuple[int, int]:
    window_start = max(0, pos - 1500)
    for s, e in sentences(text[window_start:min(limit, pos + 1500)]):
        if window_start + s <= pos <= window_start + e:
            return window_start + s, window_start + e
    return pos, pos


def bibliography_from_store(store: Store) -> Bibliography:
    return build_bibliography([store.load_document(d) for d in store.document_ids()])
