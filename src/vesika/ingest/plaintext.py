"""Plain text and Markdown files, with optional YAML front matter."""

from __future__ import annotations

from pathlib import Path

from vesika.ingest.encoding import decode_bytes
from vesika.ingest.errors import IngestError
from vesika.ingest.frontmatter import parse_meta, split_front_matter
from vesika.ingest.source import SourceText

READER = "vesika.ingest.plaintext@1"


def read_plaintext(path: Path, data: bytes) -> SourceText:
    text, encoding = decode_bytes(data, str(path))
    yaml_src, body, offset = split_front_matter(text)
    meta = parse_meta(yaml_src, default_id=path.stem, path=str(path))
    if not body.strip():
        raise IngestError(path, "document has front matter but no text")
    return SourceText(
        path=str(path), meta=meta, text=body, encoding=encoding, text_offset=offset, reader=READER
    )
