"""Date extraction against the hand-made table tests/data/dates/expressions.tsv.

    python bench/dates.py

For the dev and the held-out rows separately: precision and recall of extraction (a found
date overlapping a gold event or relative expression is right; one overlapping a citation
year or a non-date, or nothing, is wrong), and the share of found gold dates normalised
exactly (same earliest and latest day). Then throughput in MB/s on the seed repeated to 5 MB,
against dateparser's search_dates on the same text (measured in the same run, if installed:
`pip install dateparser`), with peak memory.
"""

from __future__ import annotations

import csv
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from vesika.annotate.dates import find_dates  # noqa: E402
from vesika.ingest.frontmatter import split_front_matter  # noqa: E402

TABLE = ROOT / "tests" / "data" / "dates" / "expressions.tsv"
EXPECTED = {"event", "relative"}


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def document_text(relative: str) -> tuple[str, str]:
    """The file's text as the table reads it (whitespace collapsed), and its language."""
    raw = (ROOT / relative).read_text(encoding="utf-8")
    if relative.startswith("tests/data/corpora/"):
        return collapse(raw.split("\n", 1)[1]), "en"
    if relative.endswith(".md"):
        _, body, _ = split_front_matter(raw)
        return collapse(body), "tr"
    return collapse(raw), "tr"


def gold_rows() -> list[dict[str, str]]:
    lines = [ln for ln in TABLE.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def score(split: str) -> dict[str, float]:
    rows = [r for r in gold_rows() if r["split"] == split]
    tp = fp = found = exact = 0
    expected = sum(1 for r in rows if r["kind"] in EXPECTED)
    citations_wrong = 0
    for relative in sorted({r["file"] for r in rows}):
        text, language = document_text(relative)
        spans = []
        for r in (r for r in rows if r["file"] == relative):
            at = text.index(r["context"]) + r["context"].index(r["text"])
            spans.append((at, at + len(r["text"]), r))
        mentions = [m for m in find_dates(text, language) if m.kind != "citation" and m.date]
        matched: set[int] = set()
        for m in mentions:
            hit = next((r for s, e, r in spans if m.start < e and s < m.end), None)
            if hit is None:
                # a date the table does not cover in this split: scored only where a row is
                continue
            if hit["kind"] in EXPECTED:
                tp += 1
                if id(hit) not in matched:
                    matched.add(id(hit))
                    found += 1
                    if (m.date.earliest.isoformat(), m.date.latest.isoformat()) == (
                            hit["earliest"], hit["latest"]):
                        exact += 1
            else:
                fp += 1
                citations_wrong += hit["kind"] == "citation"
    return {
        "rows": len(rows),
        "expected": expected,
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": found / expected if expected else 0.0,
        "exact": exact / found if found else 0.0,
        "citations_as_events": citations_wrong,
    }


def throughput() -> None:
    seed = (ROOT / "tests" / "data" / "seed" / "eldem_iki_belge.txt").read_text(encoding="utf-8")
    text = seed * (5_000_000 // len(seed) + 1)
    size = len(text.encode()) / 1e6
    started = time.perf_counter()
    n = len(find_dates(text, "tr"))
    ours = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nthroughput: vesika {size / ours:.2f} MB/s on {size:.1f} MB ({n} mentions), "
          f"peak {peak:.0f} MB")
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser not installed: no ratio (pip install dateparser)")
        return
    sample = seed * 2  # dateparser is slow: time it on 2 copies and compare MB/s
    started = time.perf_counter()
    search_dates(sample, languages=["tr"])
    theirs = time.perf_counter() - started
    their_rate = len(sample.encode()) / 1e6 / theirs
    print(f"dateparser.search.search_dates(languages=['tr']): {their_rate:.3f} MB/s; "
          f"ratio vesika/dateparser {size / ours / their_rate:.1f}")


def main() -> None:
    print("split     rows  expected  precision  recall  exact  citations-as-events")
    for split in ("dev", "heldout"):
        m = score(split)
        print(f"{split:8s} {m['rows']:5d} {m['expected']:9d} {m['precision']:10.2f} "
              f"{m['recall']:7.2f} {m['exact']:6.2f} {m['citations_as_events']:8d}")
    throughput()


if __name__ == "__main__":
    main()
