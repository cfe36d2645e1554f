"""Write what article mode found as a dossier folder a historian can correct and re-run.

``DIR/dossier/`` gets one ``.md`` file per quoted document (front matter + text), the article
itself as the secondary source (its text unchanged, front matter added: ``kind: article`` and
``quotes:`` naming the documents), ``annotations/editorial_notes.json`` with the article
author's insertions that were taken out of the quotations, ``annotations/lineage.json`` with the
author's own notes of where each clause came from (when the article has such notes), and a
``vesika.toml``. Files are
written beside and renamed into place, so a crash leaves no half-written document; an existing
dossier folder is never overwritten (a historian may have corrected it): it is read as it is.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import yaml

from vesika.annotate.authority import load_authority
from vesika.annotate.citations import find_citations, note_segments
from vesika.article.extract import QuotedDocument, extract_documents
from vesika.article.lineage_notes import lineage_notes
from vesika.ingest.frontmatter import load_yaml, split_front_matter
from vesika.lang.detect import detect_language
from vesika.model import Document
from vesika.pipeline import document_from_file

MIN_CITATIONS = 5  # a text with fewer references is not read as a scholarly article


def is_article(doc: Document) -> bool:
    """Declared an article in its front matter, or (with no kind declared) a text that cites
    like one."""
    if doc.meta.kind:
        return doc.meta.kind in ("article", "book-chapter", "thesis", "secondary")
    notes, _ = note_segments(doc)
    language = doc.meta.language or detect_language(doc.clean_text)
    cited = [c for c in find_citations(doc.clean_text, notes, doc.body_end, language)
             if c.kind != "cross-reference"]
    return len(cited) >= MIN_CITATIONS


def write_dossier(article: Path, out_dir: Path, warnings: list[str] | None = None,
                  doc: Document | None = None) -> tuple[Path, list[QuotedDocument], bool]:
    """(the dossier folder, the documents found, whether it was written now). An existing
    folder is left alone and returned as it is. Problems go to `warnings`. `doc`: the article
    as already read, if the caller has it."""
    folder = out_dir / "dossier"
    if folder.is_dir() and any(folder.iterdir()):
        return folder, [], False
    doc = doc or document_from_file(article)
    found_warnings: list[str] = []
    quoted = extract_documents(doc, load_authority(article.parent), warnings=found_warnings)
    if not quoted:
        found_warnings.append("no quoted document found: the dossier holds the article alone")
    staging = out_dir / ".dossier.tmp"
    staging.mkdir(parents=True, exist_ok=True)
    for q in quoted:
        _write(staging / f"{q.id}.md", _markdown(q.front_matter(doc.id), q.text))
    _write(staging / article.name if article.suffix.lower() == ".pdf"
           else staging / f"{doc.id}{article.suffix or '.txt'}",
           _article_file(article, doc, quoted, found_warnings))
    if warnings is not None:
        warnings.extend(f"{article.name}: {w}" for w in found_warnings)
    notes = [{"document": q.id, **n} for q in quoted for n in q.notes]
    (staging / "annotations").mkdir(exist_ok=True)
    _write(staging / "annotations" / "editorial_notes.json", json.dumps(
        {"schema": "vesika.annotations/1", "article": doc.id,
         "note": "Insertions of the article's author inside quotations (elisions, "
                 "cross-references to other documents), taken out of the documents' text; "
                 "offsets are into the article's clean text.",
         "notes": notes, "warnings": found_warnings}, ensure_ascii=False, indent=2) + "\n")
    gold = lineage_notes(doc.clean_text, quoted)
    for claims in gold:
        name = "lineage.json" if len(gold) == 1 else f"lineage-{claims['target']}.json"
        _write(staging / "annotations" / name,
               json.dumps(claims, ensure_ascii=False, indent=2) + "\n")
    title = doc.meta.title or doc.id
    _write(staging / "vesika.toml",
           f"# Written by `vesika analyze` in article mode from {article.name}.\n"
           f"title = {json.dumps('Documents quoted in ' + title, ensure_ascii=False)}\n"
           f"article = {json.dumps(doc.id)}\n")
    os.replace(staging, folder)
    return folder, quoted, True


def _markdown(meta: dict[str, Any], text: str) -> str:
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{front}---\n{text}\n"


def _article_file(article: Path, doc: Document, quoted: list[QuotedDocument],
                  warnings: list[str]) -> bytes | str:
    if article.suffix.lower() == ".pdf":
        return article.read_bytes()
    raw = article.read_text(encoding=doc.meta.extra.get("encoding") or "utf-8", errors="replace")
    meta, body, _ = split_front_matter(raw)
    loaded = load_yaml(meta) if meta else None
    front = dict(loaded) if isinstance(loaded, dict) else {}
    front.setdefault("id", doc.id)
    front.setdefault("kind", "article")
    language = doc.meta.language or detect_language(doc.clean_text)
    if language and "language" not in front:
        front["language"] = language
    # `quotes` names documents of this dossier: ids the article's front matter gives for
    # another one (a hand-made dossier of the same article) would point at nothing here.
    declared = front.get("quotes") or []
    elsewhere = sorted(str(d) for d in (declared if isinstance(declared, list) else [declared])
                       if str(d) not in {q.id for q in quoted})
    if elsewhere:
        warnings.append(f"the article's front matter names quoted documents not found here,"
                        f" left out of its `quotes`: {', '.join(elsewhere)}")
    front["quotes"] = sorted(q.id for q in quoted)
    return _markdown(front, body.lstrip("\n")).replace("\n\n\n", "\n\n", 1)


def _write(path: Path, content: str | bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    if isinstance(content, bytes):
        tmp.write_bytes(content)
    else:
        tmp.write_text(content, encoding="utf-8")
    os.replace(tmp, path)
