"""Shared test fixtures: real texts copied into tests/data (see tests/data/SOURCES.md)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
CORPORA = DATA / "corpora"
SEED = DATA / "seed" / "eldem_iki_belge.txt"
EXAMPLE = Path(__file__).parent.parent / "examples" / "ankara-moscow-1920"


def corpus_text(relative: str) -> str:
    """A corpus file's document text: its first line is the corpus's metadata, not the text."""
    return (CORPORA / relative).read_text(encoding="utf-8").split("\n", 1)[1]


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def run_cli(*args: object) -> tuple[int, str]:
    """Run `vesika ARGS` in-process; return the exit code and what it printed."""
    from typer.testing import CliRunner

    from vesika.cli.app import app

    result = CliRunner().invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout


@pytest.fixture
def example(tmp_path) -> Path:
    """A copy of the bundled example dossier, free to be written into."""
    target = tmp_path / "ankara-moscow-1920"
    shutil.copytree(EXAMPLE, target)
    return target
