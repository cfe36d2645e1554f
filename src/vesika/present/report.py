"""The HTML report: one self-contained file (CSS inline, no scripts or fonts from the network)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import jinja2

from vesika import __version__


def _environment() -> jinja2.Environment:
    # autoescape everywhere: document text is arbitrary and must never become markup.
    return jinja2.Environment(
        loader=jinja2.PackageLoader("vesika.present", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )


def render_report(
    *,
    title: str,
    description: str,
    documents: list[dict[str, Any]],
    errors: list[dict[str, Any]],
    lineage: dict[str, Any] | None = None,
    chronology: dict[str, Any] | None = None,
    entities: dict[str, Any] | None = None,
    bibliography: dict[str, Any] | None = None,
) -> str:
    template = _environment().get_template("report.html.j2")
    return template.render(
        title=title,
        description=description,
        documents=documents,
        errors=errors,
        lineage=lineage or {"blocks": [], "dropped": [], "skipped": [], "problems": [],
                           "notes": []},
        chronology=chronology or {"rows": [], "svg": "", "conflicts": []},
        entities=entities or {"rows": []},
        bibliography=bibliography or {"rows": []},
        version=__version__,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )
