"""What a reader hands to the pipeline: the file's text and what it says about itself."""

from __future__ import annotations

from dataclasses import dataclass

from vesika.model import Clause, DocumentMeta


@dataclass
class SourceText:
    """One document as read from its file, before cleaning.

    `text` is the document's raw text (for `.md`/`.txt`, the part after the front matter, which
    starts at character `text_offset` of the decoded file). `page_breaks` are offsets in `text`
    where a new page of a PDF begins. `clauses`, when a format marks its structure explicitly
    (TEI `<div type="article">`), replace segmentation.
    """

    path: str
    meta: DocumentMeta
    text: str
    encoding: str = "utf-8"
    text_offset: int = 0
    page_breaks: list[int] | None = None
    clauses: list[Clause] | None = None
    reader: str = ""
