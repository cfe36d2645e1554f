"""The lineage section of the report: a table in the seed article's own style and a flow picture.

Row: the later clause's text, then "← First proposal §3 (0.82: Gürcistan, Ermeni, harekât-ı
askeriye)" for each source, or "no known source"; where the dossier holds a scholar's own
claims (`annotations/lineage.json`), the scholar's note and whether the machine agrees.
"""

from __future__ import annotations

from html import escape
from typing import Any

from vesika.link.lineage import Lineage
from vesika.link.lineage.features import evidence_summary

ROW = 18  # pixels per clause in the flow picture


def lineage_view(lineage: Lineage, titles: dict[str, str]) -> dict[str, Any]:
    """One block per later document that takes anything up (its rows and an SVG flow from the
    source documents it draws on), and the dropped clauses of those source documents."""
    blocks = []
    links = lineage.links
    claims = {(c["target"]["doc"], c["target"]["clause"]): c for c in lineage.claims}
    for doc in dict.fromkeys(t.doc for t in lineage.targets):
        targets = [t for t in lineage.targets if t.doc == doc]
        mine = [c for c in links if c.target.doc == doc]
        if not mine:
            continue
        source_docs = {c.source.doc for c in mine}
        rows = []
        for t in targets:
            sources = [
                {
                    "doc": c.source.doc,
                    "title": titles.get(c.source.doc, c.source.doc),
                    "label": c.source.label,
                    "score": c.score,
                    "status": c.status,
                    "id": c.id,
                    "evidence": evidence_summary(c.evidence, limit=5),
                }
                for c in mine if c.target == t
            ]
            claim = claims.get((t.doc, t.label))
            rows.append({"label": t.label, "text": t.text, "sources": sources,
                         "claim": claim and {**claim, "unseen": _unseen(claim)}})
        sources = [s for s in lineage.sources if s.doc in source_docs]
        blocks.append({
            "doc": doc,
            "title": titles.get(doc, doc),
            "rows": rows,
            "claims": any(row["claim"] for row in rows),
            "svg": flow_svg(sources, targets, mine, titles),
        })
    drawn_on = {c.source.doc for c in links}
    dropped = [{"doc": s.doc, "title": titles.get(s.doc, s.doc), "label": s.label,
                "text": s.text} for s in lineage.dropped() if s.doc in drawn_on]
    return {"blocks": blocks, "dropped": dropped, "skipped": lineage.skipped,
            "problems": lineage.problems, "notes": lineage.notes}


def _unseen(claim: dict[str, Any]) -> str:
    """The claimed sources the machine did not link, with the score it gave each:
    `birinci-teklifname §1 0.06, §3 not retrieved`."""
    linked = {(m["doc"], m["clause"]) for m in claim["machine"]}
    parts, last_doc = [], None
    for c in claim["claimed"]:
        whole = "clause" not in c
        if any(doc == c["doc"] and (whole or label == c["clause"]) for doc, label in linked):
            continue
        score = "not retrieved" if c["score"] is None else f"{c['score']:.2f}"
        part = "" if whole else f"§{c['clause']} "
        parts.append(("" if c["doc"] == last_doc else f"{c['doc']} ") + part + score)
        last_doc = c["doc"]
    return ", ".join(parts)


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def flow_svg(sources: list, targets: list, links: list, titles: dict[str, str]) -> str:  # type: ignore[type-arg]
    """Earlier documents' clauses on the left, the later document's on the right, a band for
    each link, as wide as its score. Every text is escaped: this string goes into the page."""
    left_x, right_x, width = 300, 620, 900
    y = 30
    pos_left: dict[tuple[str, str], float] = {}
    parts: list[str] = []
    current = None
    for s in sources:
        if s.doc != current:
            current = s.doc
            y += 8
            parts.append(f'<text x="{left_x - 10}" y="{y}" text-anchor="end" class="doc">'
                         f"{escape(_short(titles.get(s.doc, s.doc), 42))}</text>")
            y += ROW
        pos_left[(s.doc, s.label)] = y
        parts.append(f'<text x="{left_x - 10}" y="{y + 4}" text-anchor="end">'
                     f"§{escape(s.label)}</text>")
        y += ROW
    height_left = y
    y = 30 + 8 + ROW
    pos_right: dict[tuple[str, str], float] = {}
    for t in targets:
        pos_right[(t.doc, t.label)] = y
        parts.append(f'<text x="{right_x + 10}" y="{y + 4}">§{escape(t.label)} '
                     f"{escape(_short(' '.join(t.text.split()), 38))}</text>")
        y += ROW
    height = max(height_left, y) + 20
    for c in links:
        a = pos_left.get((c.source.doc, c.source.label))
        b = pos_right.get((c.target.doc, c.target.label))
        if a is None or b is None:
            continue
        cls = "confirmed" if c.status == "confirmed" else "proposed"
        mid = (left_x + right_x) / 2
        parts.insert(0, f'<path class="{cls}" d="M{left_x},{a} C{mid},{a} {mid},{b} '
                        f'{right_x},{b}" stroke-width="{1 + 5 * c.score:.1f}">'
                        f"<title>{escape(c.source.doc)} §{escape(c.source.label)} → "
                        f"§{escape(c.target.label)}: {c.score:.2f}</title></path>")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="clause lineage flow">'
        "<style>text{font:12px sans-serif;fill:#1d1d1f}.doc{font-weight:bold}"
        "path{fill:none;stroke:#7a2e1f;stroke-opacity:.45}"
        "path.confirmed{stroke:#2e6b2e;stroke-opacity:.8}</style>"
        + "".join(parts) + "</svg>"
    )
