"""TEI XML: metadata from the teiHeader, text and explicit structure from the body.

The parser is hardened: no entity resolution, no DTD loading, no network, no huge trees. A file
that declares entities at all is refused, since an archive's TEI has no need for them and an
attacker's (external entities, "billion laughs") does.
"""

from __future__ import annotations

import re
from pathlib import Path

from vesika.ingest.errors import IngestError
from vesika.ingest.source import SourceText
from vesika.model import Clause, DateError, DocumentMeta, parse_edtf

READER = "vesika.ingest.tei@1"
TEI = "{http://www.tei-c.org/ns/1.0}"
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_STRUCTURE = ("article", "clause", "section", "chapter", "preamble")


def read_tei(path: Path, data: bytes) -> SourceText:
    from lxml import etree  # loaded only when an XML file is read

    if _ENTITY_DECL.search(data):
        raise IngestError(path, "XML declares entities (<!ENTITY>): refused for safety")
    parser = etree.XMLParser(
        resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False,
        dtd_validation=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else None
        raise IngestError(path, f"malformed XML: {exc.msg}", line) from exc
    ns = TEI if root.tag.startswith(TEI) else ""
    if root.tag not in (f"{ns}TEI", f"{ns}teiCorpus"):
        name = etree.QName(root).localname
        raise IngestError(path, f"not a TEI document (root element <{name}>)")
    meta = _header(root, ns, path)
    body = root.find(f".//{ns}text")
    if body is None:
        raise IngestError(path, "TEI document has no <text>")
    parts: list[str] = []
    clauses: list[Clause] = []
    pos = 0

    def emit(text: str) -> tuple[int, int]:
        nonlocal pos
        if parts:
            parts.append("\n\n")
            pos += 2
        start = pos
        parts.append(text)
        pos += len(text)
        return start, pos

    for div in body.iter(f"{ns}div"):
        kind = div.get("type", "")
        if kind not in _STRUCTURE:
            continue
        # Nested structural divs are emitted on their own; take only this div's own paragraphs.
        paras = [p for p in div.iter(f"{ns}p", f"{ns}ab") if _owner(p, ns) is div]
        text = "\n".join(_text(p) for p in paras).strip()
        head = div.find(f"{ns}head")
        if not text and head is None:
            continue
        start, end = emit(text) if text else (pos, pos)
        parent = _owner(div, ns)
        parent_label = _label(parent, ns) if parent is not None else None
        label = _label(div, ns) or ("preamble" if kind == "preamble" else f"p{len(clauses) + 1}")
        if parent_label:
            label = f"{parent_label}.{label}"
        clauses.append(
            Clause(label, 1 if parent_label else 0, parent_label, start, end,
                   marker=_text(head) if head is not None else "")
        )
    if not clauses:
        for p in body.iter(f"{ns}p", f"{ns}ab"):
            t = _text(p).strip()
            if t:
                emit(t)
    text = "".join(parts)
    if not text.strip():
        raise IngestError(path, "TEI document has no text in its body")
    return SourceText(path=str(path), meta=meta, text=text, clauses=clauses or None, reader=READER)


def _owner(el, ns: str):  # type: ignore[no-untyped-def]
    """The nearest enclosing structural <div>, or None."""
    node = el.getparent()
    while node is not None:
        if node.tag == f"{ns}div" and node.get("type", "") in _STRUCTURE:
            return node
        node = node.getparent()
    return None


def _label(div, ns: str) -> str:  # type: ignore[no-untyped-def]
    return (div.get("n") or "").strip()


def _text(el) -> str:  # type: ignore[no-untyped-def]
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


def _header(root, ns: str, path: Path) -> DocumentMeta:  # type: ignore[no-untyped-def]
    meta = DocumentMeta(id=path.stem)
    header = root.find(f"{ns}teiHeader")
    if header is None:
        return meta
    title = header.find(f".//{ns}titleStmt/{ns}title")
    if title is not None:
        meta.title = _text(title)
    author = header.find(f".//{ns}titleStmt/{ns}author")
    if author is not None:
        meta.author = _text(author)
    lang = header.find(f".//{ns}profileDesc/{ns}langUsage/{ns}language")
    if lang is not None and lang.get("ident"):
        meta.language = lang.get("ident")
    date = header.find(f".//{ns}profileDesc/{ns}creation/{ns}date")
    if date is None:
        date = header.find(f".//{ns}sourceDesc//{ns}date")
    if date is not None:
        when = date.get("when") or date.get("notBefore") or _text(date)
        if date.get("notBefore") and date.get("notAfter"):
            when = f"{date.get('notBefore')}/{date.get('notAfter')}"
        try:
            meta.date = parse_edtf(when)
        except DateError as exc:
            raise IngestError(path, f"teiHeader date {when!r}: {exc}", date.sourceline) from exc
    idno = header.find(f".//{ns}sourceDesc//{ns}idno")
    if idno is not None:
        meta.archive = _text(idno)
    bibl = header.find(f".//{ns}sourceDesc/{ns}bibl")
    if bibl is not None:
        meta.source = _text(bibl)
    return meta
