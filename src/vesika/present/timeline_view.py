"""The chronology section of the report: a timeline (SVG) that shows uncertainty as bars, and
a table of events with their statements and sources."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from vesika.link.chronology import Chronology

WIDTH, ROW, LEFT = 900, 16, 170


def timeline_view(chronology: Chronology, titles: dict[str, str]) -> dict[str, Any]:
    events = chronology.events
    rows = [{"edtf": e.date.edtf, "text": e.date.text, "statement": e.statement, "doc": e.doc,
             "title": titles.get(e.doc, e.doc), "actors": ", ".join(e.actors[:6]),
             "approximate": e.date.approximate or e.date.precision != "day"} for e in events]
    return {"rows": rows, "svg": timeline_svg(chronology) if events else "",
            "conflicts": chronology.conflicts}


def timeline_svg(chronology: Chronology) -> str:
    """One line per event: a dot for a known day, a bar from the earliest to the latest day
    the text allows; the axis is labelled in years. Events before 1000 or after 2100 (dates
    of works, not of the story) are left out of the picture but stay in the table."""
    events = [e for e in chronology.events if 1000 <= e.date.earliest.year <= 2100]
    if not events:
        return ""
    # The picture spans where the story is: up to the 95th percentile of the events, so that
    # one late date (a work published a century on) does not squeeze the rest into a line.
    ends = sorted(e.date.latest for e in events)
    hi = ends[max(0, int(len(ends) * 0.95) - 1)] if len(ends) >= 20 else ends[-1]
    events = [e for e in events if e.date.earliest <= hi]
    lo = min(e.date.earliest for e in events)
    hi = max(e.date.latest for e in events)
    span = max((hi - lo).days, 1)
    step = max(1, (hi.year - lo.year + 1) // 12)  # at most a dozen year labels

    def x(d: date) -> float:
        return LEFT + (WIDTH - LEFT - 20) * (d - lo).days / span

    height = 30 + ROW * len(events)
    parts = []
    for year in range(lo.year, hi.year + 1, step):
        pos = x(max(date(year, 1, 1), lo))
        parts.append(f'<line x1="{pos:.1f}" y1="20" x2="{pos:.1f}" y2="{height}" class="grid"/>'
                     f'<text x="{pos + 2:.1f}" y="14" class="year">{year}</text>')
    for i, e in enumerate(events):
        y = 30 + ROW * i
        label = escape((e.date.text or e.date.edtf).replace("\n", " ")[:28])
        parts.append(f'<text x="{LEFT - 8}" y="{y + 4}" text-anchor="end">{label}</text>')
        a, b = x(e.date.earliest), x(e.date.latest)
        tip = escape(" ".join(e.statement.split())[:200])
        if e.date.precision == "day" and not e.date.approximate:
            parts.append(f'<circle cx="{a:.1f}" cy="{y}" r="3.5"><title>{tip}</title></circle>')
        else:
            parts.append(f'<rect x="{a:.1f}" y="{y - 4}" width="{max(b - a, 3):.1f}" height="8" '
                         f'rx="2"><title>{tip}</title></rect>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height + 10}" '
        f'width="100%" role="img" aria-label="timeline">'
        "<style>text{font:11px sans-serif;fill:#1d1d1f}.year{fill:#6b6b70}"
        ".grid{stroke:#d9d6cf}circle{fill:#7a2e1f}rect{fill:#7a2e1f;fill-opacity:.45}</style>"
        + "".join(parts) + "</svg>"
    )
