"""`vesika` command line: each command is a thin wrapper over one library call."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from vesika.cli.common import (
    EXIT_BAD_INPUT,
    bring_up_to_date,
    check_input,
    default_db,
    err,
    fail,
    open_store,
    print_json,
)

if TYPE_CHECKING:
    from vesika.link.lineage import Lineage

app = typer.Typer(
    name="vesika",
    help="Turn archival documents into a cross-referenced, evidence-graded historical analysis.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

InputArg = Annotated[Path, typer.Argument(help="A dossier folder, or a single document file.")]
DbOpt = Annotated[
    Path | None,
    typer.Option("--db", help="SQLite store (default: DOSSIER/.vesika/vesika.db)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
EmbeddingsOpt = Annotated[bool, typer.Option(
    "--embeddings",
    help="Add multilingual sentence embeddings (pip install 'vesika[embeddings]').")]
# Piped output (make demo in CI, logs) is not squeezed into rich's default 80 columns.
out = Console(highlight=False, width=None if sys.stdout.isatty() else 140)


@app.callback()
def _main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what happens.")] = False,
) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.ERROR,
                        format="%(levelname)s %(name)s: %(message)s")


@app.command("ingest")
def ingest_cmd(dossier: InputArg, db: DbOpt = None, json_out: JsonOpt = False) -> None:
    """Read a dossier into its store (only what changed since the last run)."""
    check_input(dossier)
    with open_store(db or default_db(dossier)) as store:
        report = bring_up_to_date(dossier, store, quiet=json_out)
    if json_out:
        print_json(report.to_json())
    else:
        out.print(f"{len(report.ingested)} ingested, {len(report.unchanged)} unchanged, "
                  f"{len(report.removed)} removed, {len(report.errors)} failed")
    if report.errors:
        raise typer.Exit(EXIT_BAD_INPUT)


@app.command("show")
def show_cmd(
    dossier: InputArg,
    doc_id: Annotated[str | None, typer.Argument(help="Show this document's clauses.")] = None,
    db: DbOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """List the documents with their metadata, or one document's clauses."""
    check_input(dossier)
    with open_store(db or default_db(dossier)) as store:
        bring_up_to_date(dossier, store, quiet=True)
        if doc_id is None:
            documents = store.documents()
            if json_out:
                print_json({"schema": "vesika.documents/1", "documents": documents})
            else:
                out.print(documents_table(documents))
            return
        document = store.document(doc_id)
    if document is None:
        raise fail(f"no document {doc_id!r} in {dossier}")
    if json_out:
        print_json({"schema": "vesika.document/1", **document})
        return
    out.print(f"[bold]{document['id']}[/]  {document.get('title', '')}")
    table = Table("label", "level", "parent", "text")
    for clause in document["clauses"]:
        text = " ".join(clause["text"].split())
        table.add_row(clause["label"], str(clause["level"]), clause["parent"] or "",
                      escape(text[:160] + ("…" if len(text) > 160 else "")))
    out.print(table)


@app.command("search")
def search_cmd(
    dossier: InputArg,
    query: Annotated[str, typer.Argument(help="Words to find (Turkish-aware; prefixes match).")],
    db: DbOpt = None,
    json_out: JsonOpt = False,
    limit: Annotated[int, typer.Option(help="At most this many hits.")] = 50,
) -> None:
    """Full-text search over clauses, folding İ/ı, circumflexes and suffixes."""
    check_input(dossier)
    with open_store(db or default_db(dossier)) as store:
        bring_up_to_date(dossier, store, quiet=True)
        hits = store.search(query, limit=limit)
    if json_out:
        print_json({
            "schema": "vesika.search/1",
            "query": query,
            "hits": [
                {"doc": h.doc_id, "clause": h.label, "start": h.start, "end": h.end,
                 "snippet": h.snippet, "score": h.score}
                for h in hits
            ],
        })
        return
    table = Table("document", "clause", "snippet")
    for h in hits:
        # Document text is not rich markup: `[...]` is an editor's insertion, not a style.
        table.add_row(h.doc_id, h.label, escape(h.snippet))
    out.print(table)


@app.command("align")
def align_cmd(
    dossier: InputArg,
    db: DbOpt = None,
    json_out: JsonOpt = False,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also the candidates below the threshold.")] = False,
    embeddings: EmbeddingsOpt = False,
) -> None:
    """Trace each clause of a later document to the earlier clauses it came from."""
    from vesika.link.lineage.dossier import run_lineage
    from vesika.link.lineage.embeddings import EmbeddingsUnavailable

    check_input(dossier)
    with open_store(db or default_db(dossier)) as store:
        bring_up_to_date(dossier, store, quiet=True)
        try:
            lineage = run_lineage(store, dossier, embeddings=embeddings)
        except EmbeddingsUnavailable as exc:
            raise fail(str(exc)) from exc
    if json_out:
        print_json(lineage.to_json(include_all=show_all))
    else:
        _print_lineage(lineage, show_all=show_all)
    for note in lineage.notes:
        err.print(f"note: {escape(note)}", highlight=False)
    for problem in lineage.problems:
        err.print(f"[bold red]error:[/] {escape(problem)}", highlight=False)
    if lineage.problems:
        raise typer.Exit(EXIT_BAD_INPUT)


def _print_lineage(lineage: Lineage, *, show_all: bool) -> None:
    from vesika.link.lineage.claims import summary
    from vesika.link.lineage.features import evidence_summary

    shown = lineage.candidates if show_all else lineage.links
    table = Table("id", "target", "source", "score", "status", "evidence")
    for c in shown:
        table.add_row(c.id, f"{c.target.doc} {c.target.label}", f"{c.source.doc} {c.source.label}",
                      f"{c.score:.2f}", c.status, escape(evidence_summary(c.evidence)))
    out.print(table)
    out.print(f"novel: {', '.join(f'{r.doc} {r.label}' for r in lineage.novel()) or '-'}")
    out.print(f"dropped: {', '.join(f'{r.doc} {r.label}' for r in lineage.dropped()) or '-'}")
    for s in lineage.skipped:
        err.print(f"skipped {s['target']} <- {s['source']}: {s['reason']}", highlight=False)
    if not lineage.pairs:
        err.print("no pair of documents to compare: lineage needs an earlier and a later "
                  "document (by date, or named in responds_to/quotes)", highlight=False)
    if lineage.claims:
        counts = summary(lineage.claims)
        out.print(f"annotations/lineage.json: {counts['agrees']} agree, {counts['partly']} "
                  f"in part, {counts['differs']} differ, {counts['both_none']} no source "
                  "for either")


@app.command("review")
def review_cmd(
    dossier: InputArg,
    link_id: Annotated[str, typer.Argument(help="The link's id (from `vesika align`).")],
    confirm: Annotated[bool, typer.Option("--confirm", help="The link is right.")] = False,
    reject: Annotated[bool, typer.Option("--reject", help="The link is wrong.")] = False,
    comment: Annotated[str, typer.Option(help="Why, for the record.")] = "",
    db: DbOpt = None,
) -> None:
    """Confirm or reject a lineage link; the decision survives every re-run."""
    if confirm == reject:
        raise fail("say --confirm or --reject")
    check_input(dossier)
    with open_store(db or default_db(dossier)) as store:
        link = store.link(link_id)
        if link is None:
            raise fail(f"no link {link_id!r}: run `vesika align {dossier}` to list them")
        store.review_link(link, "confirmed" if confirm else "rejected", comment)
    out.print(f"{link_id}: {'confirmed' if confirm else 'rejected'}")


@app.command("chronology")
def chronology_cmd(
    dossier: InputArg,
    db: DbOpt = None,
    json_out: JsonOpt = False,
    csv_out: Annotated[Path | None, typer.Option("--csv", help="Also write CSV here.")] = None,
    timeline_out: Annotated[
        Path | None, typer.Option("--timelinejs", help="Also write TimelineJS3 JSON here.")
    ] = None,
) -> None:
    """Dated events from every document, with their sources and date conflicts."""
    from vesika.link.chronology import chronology_from_store, to_csv, to_timelinejs
    from vesika.link.entities import entities_from_store

    check_input(dossier)
    with open_store(db or default_db(dossier)) as store:
        report = bring_up_to_date(dossier, store, quiet=True)
        chronology = chronology_from_store(store, entities_from_store(store, dossier))
    if csv_out:
        csv_out.write_text(to_csv(chronology), encoding="utf-8")
    if timeline_out:
        timeline_out.write_text(json.dumps(to_timelinejs(chronology, report.config.title),
                                           ensure_ascii=False, indent=2), encoding="utf-8")
    if json_out:
        print_json(chronology.to_json())
        return
    table = Table("date", "statement", "document", "actors")
    for ev in chronology.events:
        statement = ev.statement if len(ev.statement) < 140 else ev.statement[:139] + "…"
        table.add_row(ev.date.edtf, escape(statement), ev.doc, escape(", ".join(ev.actors[:4])))
    out.print(table)
    for c in chronology.conflicts:
        err.print(f"{c['code']} {c['message']}", highlight=False)


@app.command("entities")
def entities_cmd(
    dossier: InputArg,
    db: DbOpt = None,
    json_out: JsonOpt = False,
    unknown: Annotated[bool, typer.Option(
        "--unknown", help="List the capitalised names the authority file lacks, by frequency.")
    ] = False,
    graphml: Annotated[Path | None, typer.Option(
        "--graphml", help="Also write the actor network as GraphML here.")] = None,
) -> None:
    """People, places, organisations, treaties and documents named in the dossier."""
    from vesika.link.entities import SCHEMA, entities_from_store

    check_input(dossier)
    with open_store(db or default_db(dossier)) as store:
        bring_up_to_date(dossier, store, quiet=True)
        index = entities_from_store(store, dossier)
    for problem in index.authority.problems:
        err.print(f"authority: {escape(str(problem))}", highlight=False)
    if graphml and index.network:
        graphml.write_text(index.network.to_graphml(), encoding="utf-8")
    payload = index.to_json()
    if unknown:
        if json_out:
            print_json({"schema": SCHEMA, "unknown": payload["unknown"]})
            return
        table = Table("name", "count", "documents")
        for u in payload["unknown"]:
            table.add_row(escape(u["text"]), str(u["count"]), ", ".join(u["docs"]))
        out.print(table)
        return
    if json_out:
        print_json(payload)
        return
    table = Table("id", "type", "name", "mentions", "written as")
    for e in payload["entities"]:
        seen = sorted({m["text"] for m in e["mentions"]})
        table.add_row(e["id"], e["type"], escape(e["name"]), str(len(e["mentions"])),
                      escape(", ".join(seen)[:80]))
    out.print(table)
    if payload["ambiguous"]:
        out.print(f"{len(payload['ambiguous'])} ambiguous mention(s):")
        for m in payload["ambiguous"]:
            out.print(f"  {m['doc']}:{m['start']} {escape(m['text'])}"
                      f" → {' | '.join(m['candidates'])}")
    for f in payload["findings"]:
        err.print(f"{f['code']} {escape(f['message'])}", highlight=False)


@app.command("citations")
def citations_cmd(
    dossier: InputArg,
    db: DbOpt = None,
    json_out: JsonOpt = False,
    csl: Annotated[Path | None, typer.Option("--csl", help="Also write CSL-JSON here.")] = None,
    bibtex: Annotated[Path | None, typer.Option("--bibtex", help="Also write BibTeX here.")
                      ] = None,
) -> None:
    """Every citation with the statement it supports, and the bibliography it resolves to."""
    from vesika.link.bibliography import bibliography_from_store
    from vesika.present.bibexport import to_bibtex, to_csl_json

    check_input(dossier)
    with open_store(db or default_db(dossier)) as store:
        bring_up_to_date(dossier, store, quiet=True)
        bibliography = bibliography_from_store(store)
    if csl:
        csl.write_text(to_csl_json(bibliography), encoding="utf-8")
    if bibtex:
        bibtex.write_text(to_bibtex(bibliography), encoding="utf-8")
    for warning in bibliography.warnings:
        err.print(f"warning: {escape(warning)}", highlight=False)
    if json_out:
        print_json(bibliography.to_json())
        return
    table = Table("document", "citation", "work", "supports")
    for c in bibliography.citations:
        statement = c.statement_text if len(c.statement_text) < 90 else \
            "…" + c.statement_text[-89:]
        table.add_row(c.doc, escape(c.citation.text[:60]), c.work or "?", escape(statement))
    out.print(table)


@app.command("analyze")
def analyze_cmd(
    input_path: InputArg,
    out_dir: Annotated[
        Path | None, typer.Option("--out", help="Output folder (default: vesika-out/NAME).")
    ] = None,
    db: DbOpt = None,
    json_out: JsonOpt = False,
    embeddings: EmbeddingsOpt = False,
) -> None:
    """Run every stage on a dossier (or a single file) and write the report and JSON outputs."""
    from vesika.link.lineage.embeddings import EmbeddingsUnavailable
    from vesika.present.outputs import write_outputs  # jinja2 only when a report is written

    check_input(input_path)
    target = out_dir or Path("vesika-out") / (input_path.stem or "dossier")
    target.mkdir(parents=True, exist_ok=True)
    if input_path.is_file():
        input_path = _article_mode(input_path, target, quiet=json_out)
    with open_store(db or target / "vesika.db") as store:
        report = bring_up_to_date(input_path, store, quiet=json_out)
        try:
            written = write_outputs(store, report, target, input_path, embeddings=embeddings)
        except EmbeddingsUnavailable as exc:
            raise fail(str(exc)) from exc
        documents = store.documents()
    if json_out:
        print_json({"schema": "vesika.analysis/1", **written, **report.to_json()})
    else:
        out.print(documents_table(documents))
        out.print(f"report: {written['report']}", soft_wrap=True)
    if report.errors:
        err.print(f"{len(report.errors)} file(s) could not be read; the rest was analysed.")
        raise typer.Exit(EXIT_BAD_INPUT)


def _article_mode(path: Path, target: Path, *, quiet: bool) -> Path:
    """A single scholarly article becomes a dossier of the documents it quotes (written to
    TARGET/dossier/, which is then analysed); any other single file is analysed as it is."""
    from vesika.article.dossier import is_article, write_dossier
    from vesika.ingest import IngestError
    from vesika.pipeline import document_from_file

    try:
        article = document_from_file(path)
    except IngestError:
        return path  # the ingest step reports the file and its problem
    if not is_article(article):
        return path
    warnings: list[str] = []
    folder, quoted, written = write_dossier(path, target, warnings, article)
    for warning in warnings:
        err.print(f"warning: {escape(warning)}", highlight=False)
    if not quiet:
        if written:
            out.print(f"article mode: {len(quoted)} quoted document(s) written to {folder}",
                      soft_wrap=True)
        else:
            out.print(f"article mode: reading the existing {folder} (delete it to extract"
                      " again)", soft_wrap=True)
    return folder


def documents_table(documents: list[dict]) -> Table:
    rows = [
        (d["id"], d.get("kind", ""), (d.get("date") or {}).get("edtf", ""),
         d.get("language", ""), str(d.get("n_clauses", "")), d.get("title") or "")
        for d in documents
    ]
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for i, name in enumerate(("id", "kind", "date", "lang", "clauses")):
        width = max([len(name), *(len(r[i]) for r in rows)])
        table.add_column(name, no_wrap=True, min_width=width,
                         justify="right" if name == "clauses" else "left")
    table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=48)
    for row in rows:
        table.add_row(*row)
    return table


def main() -> None:
    app()
