"""The package's promises: cheap to import, typed, and its docs name every command."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_importing_vesika_and_its_cli_loads_nothing_heavy():
    code = (
        "import sys, vesika, vesika.cli.app, vesika.pipeline;"
        "heavy = [m for m in ('pypdfium2', 'lxml', 'jinja2', 'wordfreq', 'numpy', 'pyspark',"
        " 'fastapi', 'torch') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_package_is_typed():
    assert (ROOT / "src" / "vesika" / "py.typed").exists()


def test_readme_starts_with_the_two_commands_and_names_every_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```")[1]
    assert first_block.strip().splitlines()[0].startswith("make demo")
    assert first_block.strip().splitlines()[2].startswith("make test")
    from vesika.cli.app import app

    for command in app.registered_commands:
        assert f"vesika {command.name}" in readme, command.name
