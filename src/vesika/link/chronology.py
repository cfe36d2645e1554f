"""Chronology: events built from the dated statements of every document.

An event is a statement (the sentence that carries a date), its date, the names in it, the
document and the citations that support it. The same statement told by several documents with
overlapping dates is one event with all its sources; the same statement with dates that cannot
both be true is a conflict (finding V401), never silently merged. A statement cited to a dated
record made before the statement's date (`Aralık 1920’de … (TBMM Gizli Celse Zabıtları, …,
25/9/1920, …)`) is a citation that cannot support it (finding V201).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from vesika.annotate.dates import DateMention, find_dates, is_month_name
from vesika.lang.fold import fold
from vesika.lang.parens import parenthesized
from vesika.lang.sentences import sentences
from vesika.model import FuzzyDate
from vesika.store import Store

__all__ = ["Chronology", "Event", "actors", "build_chronology", "chronology_from_store",
           "document_events", "sentences", "to_csv", "to_timelinejs"]

if TYPE_CHECKING:  # entities imports this module, so only for the annotation
    from vesika.link.entities import EntityIndex

# A name: capitalised words in a row (`Mustafa Kemal`, `Kazım Karabekir`, `Sovyet Hükümeti`).
_NAME = re.compile(r"(?<![\w’'])(?:[A-ZÇĞİÖŞÜ][\w\-]+(?:[ \t](?:[A-ZÇĞİÖŞÜ][\w\-]+|ve|of|de))*"
                   r"[ \t]+)*[A-ZÇĞİÖŞÜ][\w\-]+")
_NOT_NAMES = {"bu", "bir", "the", "a", "in", "on", "ve", "fakat", "ancak", "ama", "sonra",
              "oysa", "yine", "hatta", "dikkat", "madde", "article", "tercume", "kaynak"}
_WORD = re.compile(r"[^\W\d_]{3,}")
_REFERENCE = re.compile(r"\b(?:s|ss|p|pp|Cilt|C)\.\s*\d|\b\d{4}[a-z]?\s*[,)]")
SAME_STATEMENT = 0.6  # word-set Jaccard at which two statements tell the same thing


@dataclass
class Event:
    date: FuzzyDate
    statement: str
    doc: str
    start: int
    end: int
    actors: list[str]
    sources: list[dict[str, Any]] = field(default_factory=list)
    mention: str = ""
    # how many dates the statement gives: a statement listing several (`… 4 Haziran 1920 …,
    # 2- … 4 Ağustos 1920`) is one event per date, never a conflict with itself
    dates_in_statement: int = 1

    @property
    def id(self) -> str:
        key = f"{self.doc}:{self.start}:{self.date.edtf}:{self.mention}"
        return hashlib.sha1(key.encode()).hexdigest()[:12]

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "date": self.date.to_json(), "statement": self.statement,
                "doc": self.doc, "start": self.start, "end": self.end, "actors": self.actors,
                "sources": self.sources}


@dataclass
class Chronology:
    events: list[Event]
    conflicts: list[dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        return {"schema": "vesika.chronology/1",
                "events": [e.to_json() for e in self.events],
                "conflicts": self.conflicts}


def actors(statement: str) -> list[str]:
    """Names in a statement, until the authority file of people and places exists: runs of
    capitalised words, without sentence-initial function words and month names."""
    out: list[str] = []
    lead = len(statement) - len(statement.lstrip("“\"( \n"))
    for m in _NAME.finditer(statement):
        name = m.group().strip()
        first = name.split()[0]
        if m.start() == lead and " " not in name and "’" not in statement[m.end():m.end() + 1]:
            continue  # a capital that only starts the sentence
        if fold(first) in _NOT_NAMES or is_month_name(re.split(r"[’']", first)[0]):
            continue
        name = re.split(r"[’']", name)[0]
        if len(name) > 2 and name not in out:
            out.append(name)
    return out


Named = list[tuple[int, int, str]]  # (start, end, the entity's name) of a document's mentions


def _statement_actors(text: str, s: int, e: int, named: Named | None) -> list[str]:
    if named is None:
        return actors(text[s:e])
    inside = [(a, b, name) for a, b, name in named if s <= a < e]
    out: list[str] = []
    for _, _, name in inside:
        if name not in out:
            out.append(name)
    # Other capitalised names, unless they share a word with a found mention (Tümgeneral James
    # beside James G. Harbord).
    written = {w for a, b, _ in inside for w in fold(text[a:b]).split() if len(w) > 2}
    for name in actors(text[s:e]):
        if not written & set(fold(name).split()):
            out.append(name)
    return out


def document_events(doc_id: str, text: str, language: str,
                    segments: list[tuple[int, int]] | None = None,
                    named: Named | None = None,
                    ) -> tuple[list[Event], list[dict]]:
    """The dated statements of one document, and the citation conflicts inside them.
    `segments` (the body, each footnote) are split into sentences separately. `named`: the
    document's mentions of authority-file entities; the actors of a statement are those, then any
    other capitalised name in it."""
    mentions = find_dates(text, language)
    events: list[Event] = []
    conflicts: list[dict[str, Any]] = []
    spans = [(s + a, e + a) for a, b in (segments or [(0, len(text))])
             for s, e in sentences(text[a:b])]
    for s, e in spans:
        inside = [m for m in mentions if s <= m.start < e]
        citations = _citation_parens(text, s, e)
        sources = [{"doc": doc_id, "start": a, "end": b} for a, b in citations]
        cited_dates = [m for m in inside if m.date and any(a <= m.start < b for a, b in citations)]
        own = [m for m in inside if m.date and m.kind != "citation"
               and not any(a <= m.start < b for a, b in citations)]
        statement = " ".join(text[s:e].split())
        names = _statement_actors(text, s, e, named) if own or cited_dates else []
        for m in own:
            events.append(Event(m.date, statement, doc_id, s, e, names, list(sources), m.text,
                                len(own)))
        for record in cited_dates:
            # A record may quote something older (minutes reading out a telegram of the year
            # before), but it cannot report what happened after it was made.
            if own and all(record.date.latest < o.date.earliest for o in own):
                conflicts.append(_conflict(
                    "V201", f"cited for {', '.join(o.text for o in own)}, the record is dated "
                    f"{record.text}: earlier than what it is cited for", doc_id, s, e,
                    [*own, record]))
            elif not own:
                events.append(Event(record.date, statement, doc_id, s, e, names,
                                    list(sources), record.text, len(cited_dates)))
    return events, conflicts


def _citation_parens(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """References in sentence [s, e): parentheses with pages, a volume or a year."""
    return [(a, b) for a, b in parenthesized(text, s, e) if _REFERENCE.search(text, a, b)]


def _conflict(code: str, message: str, doc: str, s: int, e: int,
              mentions: list[DateMention]) -> dict:
    return {"code": code, "severity": "warning", "message": message,
            "spans": [{"doc": doc, "start": s, "end": e}],
            "dates": [m.date.to_json() for m in mentions if m.date]}


def build_chronology(
    documents: list[tuple[str, str, str, list[tuple[int, int]] | None]],
    named: dict[str, Named] | None = None,
) -> Chronology:
    """`documents`: (id, clean text, language, segments) for each document of the dossier;
    segments are the body and each footnote (None: the whole text). `named`: each document's
    entity mentions (see `document_events`)."""
    events: list[Event] = []
    conflicts: list[dict[str, Any]] = []
    for doc_id, text, language, segments in documents:
        found, clashes = document_events(doc_id, text, language, segments,
                                         named.get(doc_id) if named is not None else None)
        events.extend(found)
        conflicts.extend(clashes)
    merged = _merge(events, conflicts)
    merged.sort(key=lambda ev: (ev.date.sort_key(), ev.doc, ev.start))
    return Chronology(merged, conflicts)


def _merge(events: list[Event], conflicts: list[dict[str, Any]]) -> list[Event]:
    """One event per statement told in several documents; a clash of dates is reported."""
    kept: list[Event] = []
    kept_words: list[set[str]] = []
    for ev in events:
        a = set(_WORD.findall(fold(ev.statement)))
        twin = None
        for j, other in enumerate(kept):
            if other.doc == ev.doc:
                continue
            b = kept_words[j]
            if a and b and len(a & b) / len(a | b) >= SAME_STATEMENT:
                twin = j
                break
        if twin is None:
            kept.append(ev)
            kept_words.append(a)
            continue
        other = kept[twin]
        if other.date.overlaps(ev.date):
            other.sources.append({"doc": ev.doc, "start": ev.start, "end": ev.end})
        elif ev.dates_in_statement > 1 or other.dates_in_statement > 1:
            kept.append(ev)  # another of the dates the statement lists
            kept_words.append(a)
        else:
            conflicts.append({
                "code": "V401", "severity": "warning",
                "message": f"the same statement is dated {other.date.edtf} in {other.doc} "
                           f"and {ev.date.edtf} in {ev.doc}",
                "spans": [{"doc": other.doc, "start": other.start, "end": other.end},
                          {"doc": ev.doc, "start": ev.start, "end": ev.end}],
                "dates": [other.date.to_json(), ev.date.to_json()]})
            kept.append(ev)
            kept_words.append(a)
    return kept


def chronology_from_store(store: Store, entities: EntityIndex | None = None) -> Chronology:
    """The chronology of every document in a dossier's store (body and footnotes); with the
    dossier's `entities`, actors are named as the authority file names them, and the documents
    the index already holds are used rather than read from the store again."""
    named: dict[str, Named] | None = None
    if entities is not None:
        named = {d.doc.id: [(m.start, m.end, entities.authority.entities[m.entity].name
                             if m.entity else " ".join(m.text.split())) for m in d.mentions]
                 for d in entities.documents}
        loaded = [d.doc for d in entities.documents]
    else:
        loaded = [store.load_document(doc_id) for doc_id in store.document_ids()]
    documents = []
    for doc in loaded:
        body_end = doc.body_end if doc.body_end is not None else len(doc.clean_text)
        segments = [(0, body_end)] + [(s.start, s.end) for s in doc.spans.get("footnote", [])]
        documents.append((doc.id, doc.clean_text, doc.meta.language, segments))
    return build_chronology(documents, named)


def to_csv(chronology: Chronology) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "edtf", "earliest", "latest", "precision", "calendar", "date_text",
                     "statement", "doc", "start", "end", "actors", "sources"])
    for ev in chronology.events:
        d = ev.date
        writer.writerow([ev.id, d.edtf, d.earliest, d.latest, d.precision, d.calendar, d.text,
                         ev.statement, ev.doc, ev.start, ev.end, "; ".join(ev.actors),
                         "; ".join(f"{s['doc']}:{s['start']}-{s['end']}" for s in ev.sources)])
    return out.getvalue()


def to_timelinejs(chronology: Chronology, title: str) -> dict[str, Any]:
    """TimelineJS3 JSON (timeline.knightlab.com): one slide per event; an event known only to
    the month or the year gives no day, as TimelineJS allows."""
    def point(d: date, precision: str) -> dict[str, str]:
        out = {"year": str(d.year)}
        if precision in ("day", "month", "interval"):
            out["month"] = str(d.month)
        if precision in ("day", "interval"):
            out["day"] = str(d.day)
        return out

    events = []
    for ev in chronology.events:
        d = ev.date
        slide: dict[str, Any] = {
            "start_date": point(d.earliest, d.precision),
            "text": {"headline": d.text or d.edtf, "text": ev.statement},
            "group": ev.doc,
            "unique_id": ev.id,
        }
        if d.precision == "interval" and d.latest != d.earliest:
            slide["end_date"] = point(d.latest, d.precision)
        events.append(slide)
    return {"title": {"text": {"headline": title}}, "events": events}
