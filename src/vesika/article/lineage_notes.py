"""The article author's own lineage claims, as data.

Historians mark where each clause of an agreement came from with notes such as ``(Birinci
teklifname, no: 3)`` after the clause. Article mode takes those notes out of the document's text
(`extract.py`); here they become a lineage gold file (schema ``vesika.lineage-gold/1``, the
shape `bench/lineage.py` scores against) for the dossier: for each numbered clause, the quoted
documents and clause numbers the author names. A note naming a document the article does not
quote (an unpublished draft) or a part that is not numbered (``2. paragraf``) is kept with the
link as ``ignored``: the author's claim is recorded, only not as a clause label.
"""

from __future__ import annotations

import re
from typing import Any

from vesika.annotate.citations import parse_reference
from vesika.article.extract import QuotedDocument
from vesika.lang.dockinds import document_kind
from vesika.lang.namekey import letter_key

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
            parts = [p for p in (ref.part if ref else "").split(",") if p.isdigit()]
            if source is None or not parts:
                why = ("names no document the article quotes" if source is None
                       else "points to a part that is not numbered")
                link.setdefault("ignored", []).append(f"{note['text']}: {why}")
                continue
            for part in parts:
                entry = {"doc": source.id, "clause": part}
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
