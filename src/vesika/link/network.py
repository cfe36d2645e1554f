"""The actor network: who wrote to whom, and who is mentioned together.

Actors are the people and organisations of the authority file. Two kinds of tie:

* ``wrote-to``: a document's `author` and `recipient` (front matter), directed;
* ``co-mention``: two actors named in the same clause — in a long clause (an article's
  paragraph-long "clause"), the same sentence — undirected, weighted by how many times.

Exported as GraphML (Gephi, yEd, networkx) and two CSV tables (pandas, R).
"""

from __future__ import annotations

import csv
import io
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol
from xml.sax.saxutils import escape, quoteattr

from vesika.annotate.authority import Authority
from vesika.annotate.names import Mention, NameFinder, resolve
from vesika.lang.sentences import sentences
from vesika.model import Document

ACTOR_TYPES = frozenset({"person", "organisation"})
LONG_CLAUSE = 1200  # characters; above this, co-mention is counted per sentence


class _DocMentions(Protocol):
    doc: Document
    mentions: list[Mention]


@dataclass
class Edge:
    source: str
    target: str
    kind: str  # wrote-to | co-mention
    weight: int = 0
    where: list[str] = field(default_factory=list)  # doc or doc#clause


@dataclass
class Network:
    nodes: dict[str, dict[str, Any]]
    edges: list[Edge]

    def to_json(self) -> dict[str, Any]:
        return {
            "nodes": list(self.nodes.values()),
            "edges": [{"source": e.source, "target": e.target, "kind": e.kind,
                       "weight": e.weight, "where": e.where} for e in self.edges],
        }

    def to_graphml(self) -> str:
        out = ['<?xml version="1.0" encoding="UTF-8"?>',
               '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
               '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
               '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
               '  <key id="qid" for="node" attr.name="qid" attr.type="string"/>',
               '  <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>',
               '  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>',
               '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
               '  <graph id="actors" edgedefault="undirected">']
        for node in self.nodes.values():
            out.append(f"    <node id={quoteattr(node['id'])}>"
                       f"<data key=\"label\">{escape(node['label'])}</data>"
                       f"<data key=\"type\">{escape(node['type'])}</data>"
                       f"<data key=\"qid\">{escape(node['qid'] or '')}</data>"
                       f"<data key=\"mentions\">{node['mentions']}</data></node>")
        for i, e in enumerate(self.edges):
            directed = ' directed="true"' if e.kind == "wrote-to" else ""
            out.append(f"    <edge id=\"e{i}\" source={quoteattr(e.source)}"
                       f" target={quoteattr(e.target)}{directed}>"
                       f"<data key=\"kind\">{e.kind}</data>"
                       f"<data key=\"weight\">{e.weight}</data></edge>")
        out += ["  </graph>", "</graphml>", ""]
        return "\n".join(out)

    def nodes_csv(self) -> str:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["id", "label", "type", "qid", "mentions"])
        for n in self.nodes.values():
            writer.writerow([n["id"], n["label"], n["type"], n["qid"] or "", n["mentions"]])
        return buf.getvalue()

    def edges_csv(self) -> str:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["source", "target", "kind", "weight", "where"])
        for e in self.edges:
            writer.writerow([e.source, e.target, e.kind, e.weight, " ".join(e.where)])
        return buf.getvalue()


def _actor(mentions: Iterable[Mention], authority: Authority) -> str | None:
    for m in mentions:
        if m.entity and authority.entities[m.entity].type in ACTOR_TYPES:
            return m.entity
    return None


def build_network(documents: list[_DocMentions], finder: NameFinder,
                  authority: Authority) -> Network:
    counts: Counter[str] = Counter()
    ties: dict[tuple[str, str, str], Edge] = {}

    def tie(a: str, b: str, kind: str, where: str) -> None:
        key = (a, b, kind) if kind == "wrote-to" else (*sorted((a, b)), kind)
        edge = ties.setdefault(key, Edge(key[0], key[1], kind))
        edge.weight += 1
        if where not in edge.where:
            edge.where.append(where)

    for d in documents:
        actors = [m for m in d.mentions
                  if m.entity and authority.entities[m.entity].type in ACTOR_TYPES]
        counts.update(m.entity for m in actors if m.entity)
        meta = d.doc.meta
        if meta.author and meta.recipient:
            author = _actor(resolve(finder.find(meta.author, meta.language), authority),
                            authority)
            recipient = _actor(resolve(finder.find(meta.recipient, meta.language), authority),
                               authority)
            if author and recipient and author != recipient:
                tie(author, recipient, "wrote-to", d.doc.id)
                counts.update((author, recipient))
        # Actors by position: each unit's actors are found by bisection, not by looking
        # through the whole document's for every clause (quadratic in a long document).
        placed = sorted((m.start, m.entity) for m in actors if m.entity)
        starts = [start for start, _ in placed]
        for label, start, end in _units(d.doc):
            inside = sorted({entity for _, entity in
                             placed[bisect_left(starts, start):bisect_left(starts, end)]})
            for i, a in enumerate(inside):
                for b in inside[i + 1 :]:
                    tie(a, b, "co-mention", f"{d.doc.id}#{label}")
    nodes = {}
    for entity_id, n in counts.most_common():
        entity = authority.entities[entity_id]
        nodes[entity_id] = {"id": entity_id, "label": entity.name, "type": entity.type,
                            "qid": entity.qid or None, "mentions": n}
    edges = sorted(ties.values(), key=lambda e: (e.kind, -e.weight, e.source, e.target))
    return Network(nodes, edges)


def _units(doc: Document) -> list[tuple[str, int, int]]:
    """Where co-mention is counted: each clause, or each sentence of a long clause."""
    units = []
    clauses = doc.clauses or []
    if not clauses:
        return [("", s, e) for s, e in sentences(doc.clean_text)]
    for c in clauses:
        if c.end - c.start <= LONG_CLAUSE:
            units.append((c.label, c.start, c.end))
        else:
            text = doc.clean_text[c.start : c.end]
            units.extend((c.label, c.start + s, c.start + e) for s, e in sentences(text))
    return units

