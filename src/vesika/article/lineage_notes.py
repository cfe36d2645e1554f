"""The article author's own lineage claims, as data.

Historians mark where each clause of an agreement came from with notes such as ``(Birinci
teklifname, no: 3)`` after the clause. Article mode takes those notes out of the document's text
(`extract.py`); here they become a lineage gold file (schema ``vesika.lineage-gold/1``, the
shape `bench/lineage.py` scores against) for the dossier: for each numbered clause, the quoted
documents and clause numbers the author names; a counted paragraph (``2. paragraf``) becomes
the clause it opens, and a note naming a document without a part (``(İkinci teklifname)``) a
claim on the whole document (a source with no ``clause``). A note naming a document the article
does not quote (a draft it only mentions) or a part that cannot be found is kept with the link as
``ignored``: the author's claim is recorded, only not as a clause.
"""

from __future__ import annotations

import re
from typing import Any

from vesika.annotate.citations import parse_reference
from vesika.article.extract import QuotedDocument
from vesika.lang.dockinds import document_kind
from vesika.lang.namekey import letter_key
from vesika.segment import segment_clauses

_ITEM = re.compile(r"(?:^|\n)[ \t]*\(?(\d{1,3})\s*[—–\-.)]")


def lineage_notes(text: str, quoted: list[QuotedDocument]) -> list[dict[str, Any]]:
    """One gold document per quoted document that carries cross-references."""
    out = []
    for target in quoted:
        crossings = [n for n in target.notes if n["kind"] == "cross-reference"]
        if not crossings:
            continue
        links: dict[str, dict[str, Any]] = {}
        for note in crossings:
            label = _clause_before(text, target.start, note["start"])
            if label is None:
                continue
            inner = note["text"].strip("() ")
            ref = parse_reference(inner, 0, len(inner))
            link = links.setdefault(label, {"target": label, "sources": [], "note": ""})
            link["note"] = f"{link['note']} {note['text']}".strip()
            source = _document_named(ref.title if ref else inner, quoted, target)
            if source is None:
                link.setdefault("ignored", []).append(
                    f"{note['text']}: names no document the article quotes")
                continue
            part = ref.part if ref else ""
            labels = _clauses_named(part, source)
            if labels is None:
                link.setdefault("ignored", []).append(
                    f"{note['text']}: points to a part that cannot be found")
                continue
            for label in labels:
                entry = {"doc": source.id, "clause": label} if label else {"doc": source.id}
                if entry not in link["sources"]:
                    link["sources"].append(entry)
        out.append({
            "schema": "vesika.lineage-gold/1",
            "description": "The article author's notes of where each clause of this document came"
                           " from, read from the cross-references after its clauses.",
            "source": "article mode: the author's cross-references",
            "target": target.id,
            "links": sorted(links.values(), key=lambda lk: int(lk["target"])),
        })
    return out


def _clauses_named(part: str, source: QuotedDocument) -> list[str] | None:
    """The clause labels a note's part names: numbered points (`no: 2,3` -> 2, 3); a
    paragraph counted in the quoted text (`2. paragraf`, `paragraph 2`) -> the clause that
    paragraph opens or lies in; no part at all -> [""], the whole document. None when the
    part names something that cannot be found."""
    if not part.strip():
        return [""]
    numbers = [p.strip() for p in part.split(",")]
    if all(n.isdigit() for n in numbers):
        return numbers
    counted = _PARAGRAPH.search(part)
    if counted is None:
        return None
    n = int(counted.group(1) or counted.group(2))
    starts = [0, *(m.end() for m in _BLANK_LINE.finditer(source.text))]
    if not 1 <= n <= len(starts):
        return None
    at = starts[n - 1]
    for clause in segment_clauses(source.text, language=source.language):
        if clause.start <= at < clause.end or at <= clause.start:
            return [clause.label]
    return None


# "2. paragraf", "paragraf 2", "paragraph 2", "2nd paragraph", "alinéa 2", "Absatz 2", "абзац 2"
_PARAGRAPH = re.compile(
    r"(\d{1,2})(?:\.|st|nd|rd|th|e|er)?\s*(?:paragraf|paragraph|alinéa|absatz|абзац)"
    r"|(?:paragraf|paragraph|alinéa|absatz|абзац)\s*(\d{1,2})",
    re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def _clause_before(text: str, start: int, pos: int) -> str | None:
    """The number of the clause a note closes: the last numbered item opened before it."""
    items = list(_ITEM.finditer(text, max(0, start - 1), pos))
    return items[-1].group(1) if items else None


def _document_named(title: str, quoted: list[QuotedDocument],
                    target: QuotedDocument) -> QuotedDocument | None:
    """The quoted document whose title holds every word of the note's name (``Birinci
    teklifname`` in ``… birinci teklifnamesi (mektup)``); None unless exactly one does."""
    words = [w for w in letter_key(title).split() if len(w) > 2]
    if not words:
        return None
    fitting = []
    for q in quoted:
        if q is target:
            continue
        have = letter_key(q.title).split()
        if all(any(h.startswith(w) for h in have) for w in words):
            fitting.append(q)
    if len(fitting) > 1:
        # A speech about the counter-proposal also has "mukabil teklifnamesi" in its title:
        # the document of the kind the note names is meant.
        kind = document_kind(title)
        fitting = [q for q in fitting if q.kind == kind]
    return fitting[0] if len(fitting) == 1 else None
