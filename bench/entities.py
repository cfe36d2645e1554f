"""Entity mentions against the hand-made gold standard tests/data/entities/gold_mentions.tsv.

    python bench/entities.py [--synthetic N]

Prints, with the shipped authority file and nothing tuned on the gold:
* mention finding: precision and recall of mention spans (exact start and end), ambiguous
  mentions included;
* linking: precision and recall of (span, authority id) pairs; gold mentions the annotator
  marked `?` (undecidable from the document) are out of the linking figures, and how many of
  them the tool left ambiguous is printed;
* confidently wrong: resolved to another entity than the gold one;
* throughput in MB/s over the gold documents repeated to ~4 MB, with the full authority file and
  with a synthetic authority of N (default 100,000) extra names (then one of them opens every
  paragraph of the text), against a plain regular
  expression alternation over the same names (measured in the same run, on a smaller slice,
  since it is slow); peak memory (max RSS) at the end.

The finder is single-threaded; the process is also pinned to one CPU where the system allows it
(as bench/ingest.py does with taskset), so the MB/s are one core's by construction.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import resource
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from vesika.annotate.authority import Authority, Entity, NameForm, load_authority  # noqa: E402
from vesika.annotate.names import NameFinder  # noqa: E402
from vesika.link.entities import index_documents  # noqa: E402
from vesika.pipeline import document_from_file  # noqa: E402

GOLD = ROOT / "tests" / "data" / "entities" / "gold_mentions.tsv"
HELDOUT = ROOT / "tests" / "data" / "entities" / "heldout_mentions.tsv"
CORPUS = ROOT / "tests" / "data" / "corpora" / "us_founding"
HELDOUT_DOCUMENTS = [CORPUS / "us_constitution_1787.txt",
                     CORPUS / "va_declaration_of_rights_1776.txt",
                     CORPUS / "us_bill_of_rights_1789.txt"]
DOCUMENTS = [*sorted((ROOT / "examples" / "ankara-moscow-1920").glob("*.md")),
             ROOT / "examples" / "ankara-moscow-1920" / "eldem-makale.txt",
             ROOT / "tests" / "data" / "corpora" / "us_founding" /
             "articles_of_confederation_1777.txt"]


def gold_rows(path: Path = GOLD) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def prf(tp: int, predicted: int, expected: int) -> tuple[float, float, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / expected if expected else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def accuracy(authority: Authority, verbose: bool, gold_path: Path = GOLD,
             paths: list[Path] = DOCUMENTS) -> None:
    documents = [document_from_file(p) for p in paths]
    index = index_documents(documents, authority)
    gold = gold_rows(gold_path)
    # The corpus files open with a metadata line (title | date | language | source), which is
    # not document text and was not annotated.
    skip = {d.id: d.clean_text.index("\n") for d in documents if d.clean_text.startswith("# ")}
    gold_spans = {(g["doc"], int(g["start"]), int(g["end"])): g["id"] for g in gold}
    found = {(m.doc, m.start, m.end): m for m in index.mentions()
             if m.start >= skip.get(m.doc, 0)}
    tp_span = len(gold_spans.keys() & found.keys())
    p, r, f = prf(tp_span, len(found), len(gold_spans))
    print(f"gold: {len(gold)} mentions in {len({g['doc'] for g in gold})} documents")
    print(f"mention finding   P {p:.3f}  R {r:.3f}  F1 {f:.3f}"
          f"  ({tp_span} of {len(gold_spans)} gold, {len(found)} found)")
    linked_gold = {k: v for k, v in gold_spans.items() if v != "?"}
    linked_found = {k: m.entity for k, m in found.items() if m.entity}
    tp_link = sum(1 for k, v in linked_found.items() if linked_gold.get(k) == v)
    p, r, f = prf(tp_link, len(linked_found), len(linked_gold))
    print(f"linking           P {p:.3f}  R {r:.3f}  F1 {f:.3f}"
          f"  ({tp_link} of {len(linked_gold)} gold links, {len(linked_found)} made)")
    wrong = [(k, v, linked_gold[k]) for k, v in linked_found.items()
             if k in linked_gold and linked_gold[k] != v]
    print(f"confidently wrong {len(wrong)}")
    undecidable = [k for k, v in gold_spans.items() if v == "?"]
    left = sum(1 for k in undecidable if k in found and found[k].entity is None)
    print(f"gold '?' mentions {len(undecidable)}, left ambiguous by the tool {left}")
    if verbose:
        texts = {d.id: d.clean_text for d in documents}
        missed = Counter(f"{texts[k[0]][k[1]:k[2]]} -> {v}" for k, v in gold_spans.items()
                         if k not in found)
        extra = Counter(f"{m.text} -> {m.entity}" for k, m in found.items()
                        if k not in gold_spans)
        print("missed:", missed.most_common(60))
        print("extra:", extra.most_common(60))
        print("wrong:", Counter(f"{texts[k[0]][k[1]:k[2]]}: {v} (gold {g})"
                                for k, v, g in wrong).most_common(30))


def synthetic(authority: Authority, n: int) -> Authority:
    """The authority plus `n` made-up people (two-word names from random syllables)."""
    rng = random.Random(1920)
    syllables = ["ka", "ra", "be", "kir", "mus", "ta", "fa", "ze", "lo", "vin", "tor", "an",
                 "dre", "sel", "im", "ol", "gu", "nay", "der", "us", "ef", "ha", "li", "mon"]
    entities = dict(authority.entities)
    for i in range(n):
        given = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).title()
        family = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).title()
        entities[f"synthetic-{i}"] = Entity(f"synthetic-{i}", "person", f"{given} {family}",
                                            [NameForm(f"{given} {family}", "mul")],
                                            source="synthetic")
    return Authority(entities, authority.titles, authority.shared, [])


def throughput(authority: Authority, label: str, text: str, regex_slice: int) -> None:
    start = time.perf_counter()
    finder = NameFinder(authority)
    built = time.perf_counter() - start
    start = time.perf_counter()
    mentions = finder.find(text, "tr")
    elapsed = time.perf_counter() - start
    size = len(text.encode("utf-8")) / 1e6
    forms = sorted({f.text for e in authority.entities.values() for f in e.forms},
                   key=len, reverse=True)
    start = time.perf_counter()
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b", re.IGNORECASE)
    compiled = time.perf_counter() - start
    part = text[:regex_slice]
    start = time.perf_counter()
    regex_hits = sum(1 for _ in pattern.finditer(part))
    regex_elapsed = time.perf_counter() - start
    regex_size = len(part.encode("utf-8")) / 1e6
    ours, theirs = size / elapsed, regex_size / regex_elapsed
    print(f"{label}: {len(forms)} name forms; automaton built in {built:.2f} s;"
          f" {size:.1f} MB in {elapsed:.2f} s = {ours:.2f} MB/s ({len(mentions)} mentions)")
    print(f"  regex alternation: compiled in {compiled:.2f} s; {regex_size:.2f} MB in"
          f" {regex_elapsed:.2f} s = {theirs:.3f} MB/s ({regex_hits} hits);"
          f" ratio {ours / theirs:.1f}x")


def one_core() -> str:
    """Pin this process to the first CPU it may run on; say what was done."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity here)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu} of {os.cpu_count()}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--synthetic", type=int, default=100_000)
    parser.add_argument("--verbose", action="store_true", help="list misses and extras")
    args = parser.parse_args()
    print(f"one core: {one_core()}")
    authority = load_authority()
    print(f"authority: {len(authority)} entries, {len(authority.problems)} problems")
    print("-- development set (the matcher was improved on it; see its README)")
    accuracy(authority, args.verbose)
    print("-- held-out set (annotated after development; the matcher never changed for it)")
    accuracy(authority, args.verbose, HELDOUT, HELDOUT_DOCUMENTS)
    text = "\n\n".join(document_from_file(p).clean_text for p in DOCUMENTS)
    text = text * max(1, int(4e6 / len(text.encode("utf-8"))))
    throughput(authority, "full authority", text, 400_000)
    big = synthetic(authority, args.synthetic)
    # The same text with a made-up name opening each paragraph, so that the synthetic entries
    # are not only present but found (and checked) too.
    rng = random.Random(1923)
    names = [e.name for e in big.entities.values() if e.source == "synthetic"]
    paragraphs = text.split("\n\n")
    laced = "\n\n".join(f"{rng.choice(names)} yazdı: {p}" for p in paragraphs)
    throughput(big, f"authority + {args.synthetic:,} synthetic names", laced, 40_000)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak:.0f} MB")


if __name__ == "__main__":
    main()
