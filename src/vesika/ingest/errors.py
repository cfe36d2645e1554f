"""Errors raised while reading a dossier: each names the file (and line, where there is one)."""

from __future__ import annotations

from pathlib import Path


class IngestError(Exception):
    """A file that cannot be read as a document. The rest of the dossier still ingests."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.message = message
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"

    def to_json(self) -> dict[str, object]:
        return {"file": self.path, "line": self.line, "message": self.message}
