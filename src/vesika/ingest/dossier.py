"""A dossier: a folder with one file per document, plus an optional `vesika.toml`.

Only the folder's own files are documents; subfolders (`annotations/`, `.vesika/`) are not, so a
historian can keep notes and gold standards next to the documents.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vesika.ingest.errors import IngestError
from vesika.ingest.frontmatter import parse_meta, split_front_matter
from vesika.ingest.pdf import read_pdf
from vesika.ingest.plaintext import read_plaintext
from vesika.ingest.source import SourceText
from vesika.ingest.tei import read_tei

log = logging.getLogger(__name__)

READERS = {".txt": read_plaintext, ".md": read_plaintext, ".pdf": read_pdf, ".xml": read_tei}
CONFIG_NAME = "vesika.toml"
# Metadata a dossier may set for all its documents in vesika.toml's [defaults].
DEFAULTABLE = ("language", "kind", "author", "recipient", "place", "source", "archive",
               "provenance", "reliability")


@dataclass
class DossierConfig:
    title: str = ""
    description: str = ""
    defaults: dict[str, str] = field(default_factory=dict)
    # the whole file, for settings later stages read (e.g. `article` in the example dossier)
    raw: dict[str, Any] = field(default_factory=dict)


def load_config(folder: Path) -> DossierConfig:
    path = folder / CONFIG_NAME
    if not path.is_file():
        return DossierConfig(title=folder.name)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise IngestError(path, f"broken vesika.toml: {exc}") from exc
    defaults = {k: str(v) for k, v in raw.get("defaults", {}).items() if k in DEFAULTABLE}
    return DossierConfig(
        title=str(raw.get("title", folder.name)),
        description=str(raw.get("description", "")),
        defaults=defaults,
        raw=raw,
    )


def document_files(input_path: Path) -> list[Path]:
    """The document files of a dossier folder, or the single file given, in a stable order."""
    if input_path.is_file():
        return [input_path]
    if not input_path.is_dir():
        raise IngestError(input_path, "no such file or folder")
    return sorted(
        p for p in input_path.iterdir()
        if p.suffix.lower() in READERS and not p.name.startswith(".") and p.is_file()
    )


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise IngestError(path, "file vanished before it could be read") from exc
    except OSError as exc:
        raise IngestError(path, f"cannot read file: {exc.strerror}") from exc


def read_document(path: Path, data: bytes | None = None) -> SourceText:
    """Read one document file (its bytes, when the caller already has them)."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise IngestError(path, f"unsupported file type {path.suffix!r} "
                                f"(expected one of {', '.join(sorted(READERS))})")
    return reader(path, read_bytes(path) if data is None else data)


def peek_id(path: Path) -> str:
    """The document id a file will get, read cheaply (front matter only) to find duplicates
    before anything is ingested. Unreadable files fall back to the stem: their real error is
    reported when they are read."""
    if path.suffix.lower() in (".md", ".txt"):
        try:
            with path.open("rb") as fh:
                head = fh.read(65536)
            yaml_src, _, _ = split_front_matter(head.decode("utf-8-sig"))
            if yaml_src is not None:
                return parse_meta(yaml_src, default_id=path.stem, path=str(path)).id
        except (OSError, UnicodeDecodeError, IngestError):
            pass
    return path.stem


def apply_defaults(source: SourceText, config: DossierConfig) -> None:
    for key, value in config.defaults.items():
        if not getattr(source.meta, key):
            setattr(source.meta, key, value)
