"""Write what `vesika analyze` produces: report.html and the JSON documents beside it."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from vesika.pipeline import IngestReport
from vesika.present.entities_view import entities_view, mark_clauses
from vesika.present.lineage_view import lineage_view
from vesika.present.report import render_report
from vesika.present.timeline_view import timeline_view
from vesika.store import Store


def write_outputs(store: Store, report: IngestReport, out_dir: Path,
                  dossier: Path, *, embeddings: bool = False) -> dict[str, Any]:
    from vesika.link.bibliography import build_bibliography
    from vesika.link.chronology import chronology_from_store, to_csv, to_timelinejs
    from vesika.link.entities import entities_from_store
    from vesika.link.lineage.dossier import run_lineage
    from vesika.present.bibexport import to_bibtex, to_csl_json
    from vesika.present.bibliography_view import bibliography_view

    documents = store.documents()
    lineage = run_lineage(store, dossier, embeddings=embeddings)
    entities = entities_from_store(store, dossier)
    chronology = chronology_from_store(store, entities)
    bibliography = build_bibliography([d.doc for d in entities.documents])  # loaded once
    title = report.config.title or Path(report.dossier).stem
    details = [store.document(d["id"]) for d in documents]
    written = {
        "documents": _write_json(out_dir / "documents.json",
                                 {"schema": "vesika.documents/1", "documents": documents}),
        "clauses": _write_json(out_dir / "clauses.json", {
            "schema": "vesika.clauses/1",
            "documents": [{"id": d["id"], "clauses": d["clauses"]} for d in details if d],
        }),
        "lineage": _write_json(out_dir / "lineage.json", lineage.to_json()),
        "chronology": _write_json(out_dir / "chronology.json", chronology.to_json()),
        "chronology_csv": _write_text(out_dir / "chronology.csv", to_csv(chronology)),
        "timelinejs": _write_json(out_dir / "timeline.json", to_timelinejs(chronology, title)),
        "entities": _write_json(out_dir / "entities.json", entities.to_json()),
        "citations": _write_json(out_dir / "citations.json", bibliography.to_json()),
        "bibliography_csl": _write_text(out_dir / "bibliography.csl.json",
                                        to_csl_json(bibliography)),
        "bibliography_bibtex": _write_text(out_dir / "bibliography.bib", to_bibtex(bibliography)),
    }
    if entities.network:
        written["network_graphml"] = _write_text(out_dir / "network.graphml",
                                                 entities.network.to_graphml())
        written["network_nodes"] = _write_text(out_dir / "network_nodes.csv",
                                               entities.network.nodes_csv())
        written["network_edges"] = _write_text(out_dir / "network_edges.csv",
                                               entities.network.edges_csv())
    titles = {d["id"]: d.get("title") or d["id"] for d in documents}
    mark_clauses([d for d in details if d], entities)
    html = render_report(title=title,
                         description=report.config.description,
                         documents=[d for d in details if d],
                         lineage=lineage_view(lineage, titles),
                         chronology=timeline_view(chronology, titles),
                         entities=entities_view(entities, titles),
                         bibliography=bibliography_view(bibliography, [d for d in details if d],
                                                        titles),
                         errors=[e.to_json() for e in report.errors])
    written["report"] = _write_text(out_dir / "report.html", html)
    return {"outputs": {k: str(v) for k, v in written.items()}, "report": str(written["report"])}


def _write_json(path: Path, payload: dict[str, Any]) -> Path:
    return _write_text(path, json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def _write_text(path: Path, text: str) -> Path:
    # Write beside, then rename: a reader never sees half a report.
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    return path
