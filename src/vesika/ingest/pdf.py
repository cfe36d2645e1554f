"""PDF text layer (pypdfium2). Page boundaries are kept so the cleaner can find running headers
and the report can cite page numbers. Scanned PDFs without a text layer need OCR (not here)."""

from __future__ import annotations

import re
from pathlib import Path

from vesika.ingest.errors import IngestError
from vesika.ingest.source import SourceText
from vesika.model import DateError, DocumentMeta, FuzzyDate

READER = "vesika.ingest.pdf@1"

_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?")


def read_pdf(path: Path, data: bytes) -> SourceText:
    import pypdfium2 as pdfium  # heavy native library: loaded only when a PDF is read

    if not data.startswith(b"%PDF"):
        raise IngestError(path, "not a PDF (no %PDF header)")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = str(exc)
        if "password" in reason.lower():
            raise IngestError(path, "encrypted PDF: a password is needed to read it") from exc
        raise IngestError(path, f"corrupt PDF: {reason}") from exc
    try:
        pages: list[str] = []
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                textpage = page.get_textpage()
                text = textpage.get_text_range()
                textpage.close()
            finally:
                page.close()
            pages.append(text.replace("\r\n", "\n").replace("\r", "\n"))
        info = pdf.get_metadata_dict(skip_empty=True)
    finally:
        pdf.close()
    breaks: list[int] = []
    parts: list[str] = []
    pos = 0
    for i, page_text in enumerate(pages):
        if i:
            parts.append("\n")
            pos += 1
            breaks.append(pos)
        parts.append(page_text)
        pos += len(page_text)
    text = "".join(parts)
    if not text.strip():
        raise IngestError(path, f"PDF has {len(pages)} page(s) but no text layer (scanned?)")
    meta = DocumentMeta(id=path.stem, title=info.get("Title", ""), author=info.get("Author", ""))
    m = _PDF_DATE.match(info.get("CreationDate", ""))
    if m:
        # The file's creation date, not the document's: kept apart so it never becomes an event.
        try:
            created = FuzzyDate.year(int(m.group(1)))
            meta.extra["pdf_created"] = created.edtf
        except DateError:
            pass
    return SourceText(path=str(path), meta=meta, text=text, page_breaks=breaks, reader=READER)
