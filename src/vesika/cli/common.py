"""What every command shares: where the store lives, bringing it up to date, printing JSON."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from vesika.ingest import document_files
from vesika.pipeline import IngestReport, ingest
from vesika.store import Store

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2

err = Console(stderr=True)


def fail(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(EXIT_BAD_INPUT)


def default_db(input_path: Path) -> Path:
    """`.vesika/vesika.db` inside a dossier folder; `.vesika/FILE.db` beside a single file,
    so that a file analysed alone is a one-document dossier even in a folder that is itself
    analysed as a dossier.

    A file in a read-only folder (a shared archive copy) gets its store in the user's cache,
    named after the file's absolute path so re-runs find it again.
    """
    folder = input_path if input_path.is_dir() else input_path.parent
    name = "vesika.db" if input_path.is_dir() else f"{input_path.name}.db"
    candidate = folder / ".vesika" / name
    if os.access(folder, os.W_OK) or (candidate.parent.is_dir()
                                        and os.access(candidate.parent, os.W_OK)):
        return candidate
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "vesika"
    key = hashlib.sha1(str(input_path.resolve()).encode()).hexdigest()[:16]
    return cache / f"{input_path.stem}-{key}.db"


def check_input(input_path: Path) -> None:
    if not input_path.exists():
        raise fail(f"{input_path}: no such file or folder")


@contextmanager
def open_store(db: Path) -> Iterator[Store]:
    store = Store.open(db)
    try:
        yield store
    finally:
        store.close()


def bring_up_to_date(input_path: Path, store: Store, *, quiet: bool = False) -> IngestReport:
    """Ingest what changed since the last run; unchanged files cost only a hash."""
    if sys.stderr.isatty() and not quiet:
        total = len(document_files(input_path))
        with Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=err,
            transient=True,
        ) as bar:
            task = bar.add_task("ingesting", total=total)
            report = ingest(input_path, store, progress=lambda name: bar.advance(task))
    else:
        report = ingest(input_path, store)
    for error in report.errors:
        err.print(f"[bold red]error:[/] {error}", highlight=False)
    return report


def print_json(payload: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
