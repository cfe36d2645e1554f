"""The entities section of the report: an index of every entity with a link to each mention,
the ambiguous and unknown names, the V301 findings, and the actor network drawn as SVG.

Mentions are marked in the documents' clause texts (`mark_clauses`), each with an anchor the
index links to, and each linking back to its entity in the index.
"""

from __future__ import annotations

import math
from collections import defaultdict
from html import escape
from typing import Any

from vesika.annotate.names import Mention
from vesika.link.entities import EntityIndex
from vesika.link.network import Network

SNIPPET = 40  # characters of context each side of a mention in the index
NETWORK_NODES = 36  # the busiest actors drawn; the GraphML export has them all


def anchor(m: Mention) -> str:
    return f"m-{m.doc}-{m.start}"


def entities_view(index: EntityIndex, titles: dict[str, str]) -> dict[str, Any]:
    texts = {d.doc.id: d.doc.clean_text for d in index.documents}
    by_entity: dict[str, list[Mention]] = defaultdict(list)
    for m in index.mentions():
        if m.entity:
            by_entity[m.entity].append(m)
    rows = []
    for entity_id in sorted(by_entity, key=lambda i: index.authority.entities[i].name.lower()):
        entity = index.authority.entities[entity_id]
        rows.append({
            "id": entity_id, "name": entity.name, "type": entity.type, "qid": entity.qid,
            "dates": entity.dates.edtf if entity.dates else "",
            "forms": sorted({" ".join(m.text.split()) for m in by_entity[entity_id]}),
            "mentions": [_mention_row(m, texts[m.doc], titles) for m in by_entity[entity_id]],
        })
    ambiguous = [{**_mention_row(m, texts[m.doc], titles),
                  "candidates": [index.authority.entities[c].name for c in m.candidates]}
                 for m in index.mentions() if m.entity is None]
    return {
        "rows": rows,
        "ambiguous": ambiguous,
        "unknown": index.unknown()[:40],
        "findings": [f for f in index.findings if f["code"] == "V301"],
        "network_svg": network_svg(index.network) if index.network else "",
        "problems": [str(p) for p in index.authority.problems],
    }


def _mention_row(m: Mention, text: str, titles: dict[str, str]) -> dict[str, Any]:
    before = " ".join(text[max(0, m.start - SNIPPET) : m.start].split())
    after = " ".join(text[m.end : m.end + SNIPPET].split())
    return {"anchor": anchor(m), "doc": m.doc, "title": titles.get(m.doc, m.doc),
            "before": before, "text": " ".join(m.text.split()), "after": after,
            "how": m.how}


def mark_clauses(documents: list[dict[str, Any]], index: EntityIndex) -> None:
    """Give each clause dict `segments`: its text cut at mentions, a mention carrying its anchor
    and entity. Clauses keep `text` for any template that does not mark."""
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in index.mentions():
        by_doc[m.doc].append(m)
    for d in documents:
        mentions = sorted(by_doc.get(d["id"], []), key=lambda m: m.start)
        for c in d.get("clauses", []):
            start, end = c["start"], c["end"]
            segments: list[dict[str, Any]] = []
            pos = start
            for m in mentions:
                if m.start < pos or m.end > end:
                    continue
                if m.start > pos:
                    segments.append({"text": c["text"][pos - start : m.start - start]})
                segments.append({"text": c["text"][m.start - start : m.end - start],
                                 "anchor": anchor(m), "entity": m.entity or "",
                                 "candidates": " | ".join(m.candidates)})
                pos = m.end
            if pos < end:
                segments.append({"text": c["text"][pos - start :]})
            c["segments"] = segments


def network_svg(network: Network) -> str:
    """The busiest actors on a circle; grey lines for co-mention (thicker: more often), arrows
    for letters (author to recipient)."""
    busiest = list(network.nodes.values())[:NETWORK_NODES]
    if len(busiest) < 2:
        return ""
    # Alternate the busiest around the circle (1st, last, 2nd, ...) so their labels spread out.
    nodes = busiest[::2] + busiest[1::2][::-1]
    size, radius = 760, 270
    centre = size / 2
    pos = {}
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / len(nodes) - math.pi / 2
        pos[node["id"]] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle),
                           angle)
    parts = ['<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7"'
             ' markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"'
             ' fill="#7a2e1f"/></marker></defs>']
    for e in network.edges:
        if e.source not in pos or e.target not in pos:
            continue
        (x1, y1, _), (x2, y2, _) = pos[e.source], pos[e.target]
        title = f"{e.source} – {e.target}: {e.kind} ×{e.weight}"
        if e.kind == "wrote-to":
            parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"'
                         f' class="letter" marker-end="url(#arrow)"><title>{escape(title)}'
                         "</title></line>")
        else:
            width = 0.6 + math.log2(1 + e.weight)
            parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"'
                         f' class="tie" stroke-width="{width:.1f}"><title>{escape(title)}'
                         "</title></line>")
    top = max(n["mentions"] for n in nodes)
    for node in nodes:
        x, y, angle = pos[node["id"]]
        r = 3 + 7 * math.sqrt(node["mentions"] / top)
        lx, ly = x + (r + 4) * math.cos(angle), y + (r + 4) * math.sin(angle)
        anchor_side = "start" if math.cos(angle) >= 0 else "end"
        parts.append(f'<a href="#ent-{escape(node["id"])}"><circle cx="{x:.1f}" cy="{y:.1f}"'
                     f' r="{r:.1f}" class="actor {node["type"]}"><title>'
                     f'{escape(node["label"])}: {node["mentions"]} mention(s)</title></circle>'
                     f'<text x="{lx:.1f}" y="{ly + 4:.1f}" text-anchor="{anchor_side}"'
                     f' class="actor-label">{escape(node["label"])}</text></a>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-230 0 {size + 460} {size}"'
            f' role="img" aria-label="actor network">{"".join(parts)}</svg>')
