"""The bibliography section of the report: each work once, formatted, with every place the
dossier cites it (linked to the clause) and the statement it supports there."""

from __future__ import annotations

from typing import Any

from vesika.link.bibliography import Bibliography, Work


def reference(work: Work) -> str:
    """A plain, readable reference (author, title, container, volume, place: publisher, year)."""
    f = work.fields
    author = f.get("author", "")
    if f.get("given") and " " not in author:
        author = f"{author}, {f['given']}"
    parts = [author, f"“{f['title']}”" if work.type == "article" and f.get("title")
             else f.get("title", f.get("short", ""))]
    if f.get("translator"):
        parts.append(f"çev./tr. {f['translator']}")
    if f.get("container") and work.type == "article":
        parts.append(f["container"])
    if f.get("volume"):
        parts.append(f"vol. {f['volume']}" + (f", no. {f['issue']}" if f.get("issue") else ""))
    if f.get("edition"):
        parts.append(f["edition"])
    imprint = ": ".join(p for p in (f.get("place", ""), f.get("publisher", "")) if p)
    parts += [imprint, f.get("year", "")]
    return ". ".join(p.strip().rstrip(".") for p in parts if p and p.strip()) + "."


def bibliography_view(bibliography: Bibliography, documents: list[dict[str, Any]],
                      titles: dict[str, str]) -> dict[str, Any]:
    clauses = {d["id"]: d.get("clauses", []) for d in documents}

    def where(doc: str, pos: int) -> str:
        for c in clauses.get(doc, []):
            if c["start"] <= pos < c["end"]:
                return f"#doc-{doc}-{c['label']}"
        return f"#doc-{doc}"

    statements = {(c.doc, c.citation.start): c.statement_text for c in bibliography.citations}
    rows = []
    def order(w: Work) -> tuple[bool, str, str]:
        # Works first, by author and year; the article's pointers to its own documents last.
        return w.type == "document", w.fields.get("author", "").lower(), w.fields.get("year", "")

    for work in sorted(bibliography.works.values(), key=order):
        rows.append({
            "key": work.key, "type": work.type, "reference": reference(work),
            "cited": [{"href": where(doc, c.start), "title": titles.get(doc, doc),
                       "pages": c.pages or (f"no. {c.part}" if c.part else ""),
                       "record_date": c.record_date, "text": c.text,
                       "statement": statements.get((doc, c.start), "")}
                      for doc, c in work.cited],
        })
    unresolved = [c for c in bibliography.citations if c.work is None]
    return {"rows": rows, "warnings": bibliography.warnings,
            "unresolved": [{"text": c.citation.text, "href": where(c.doc, c.citation.start)}
                           for c in unresolved]}
