"""Citations of the seed article against the hand-made gold standard in tests/data/citations/.

    python bench/citations.py

Prints precision and recall of citation detection (a found citation matches a gold one when
their spans overlap by at least half of the longer), with and without the author's
`concordance:` notes (the cross-references inside the translated agreement, which vesika reads
as editorial notes of the article, see article mode); the resolution of matched citations to
the right bibliography entry (vesika's keys are mapped one to one to the gold keys, see
`work_mapping`), back-references on their own; page and year exactness; and how well the
supported statement is found (character overlap with the gold statement).
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from vesika.link.bibliography import build_bibliography  # noqa: E402
from vesika.pipeline import document_from_file  # noqa: E402

GOLD = ROOT / "tests" / "data" / "citations" / "gold_citations.tsv"
SEED = ROOT / "tests" / "data" / "seed" / "eldem_iki_belge.txt"


def gold_rows() -> list[dict[str, str]]:
    lines = [ln for ln in GOLD.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def work_mapping(pairs: list) -> dict[str, str]:  # type: ignore[type-arg]
    """vesika's bibliography keys mapped one to one to the gold's works: the assignment that
    agrees with most matched citations, a key equal to the gold's own key taken first. One to
    one, so a work vesika splits in two, or two works it merges into one, are counted wrong for
    all but one of them (a majority vote per key would credit a merge to the larger work)."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for f, g in pairs:
        if f.work:
            votes[f.work][g["work"]] += 1
    ours = sorted(votes)
    theirs = sorted({w for v in votes.values() for w in v})
    if not ours:
        return {}
    weight = np.zeros((len(ours), len(theirs)))
    for i, key in enumerate(ours):
        for j, work in enumerate(theirs):
            weight[i, j] = votes[key][work] + (1000.0 if key == work and votes[key][work] else 0)
    rows, cols = linear_sum_assignment(weight, maximize=True)
    return {ours[i]: theirs[j] for i, j in zip(rows, cols, strict=True) if weight[i, j] > 0}


def prf(tp: int, predicted: int, expected: int) -> str:
    p = tp / predicted if predicted else 0.0
    r = tp / expected if expected else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({tp} matched; {predicted} found, {expected} gold)"


def main() -> None:
    verbose = "--verbose" in sys.argv
    bibliography = build_bibliography([document_from_file(SEED)])
    found = bibliography.citations
    gold = gold_rows()
    plain = [f for f in found if f.citation.kind != "cross-reference"]
    for label, rows, ours in (
            ("all gold citations", gold, found),
            ("without concordance notes (and vesika's cross-references)",
             [g for g in gold if not g["note"].startswith("concordance")], plain)):
        pairs = match(ours, rows)
        print(f"detection, {label}: {prf(len(pairs), len(ours), len(rows))}")
    pairs = match(found, gold)
    mapping = work_mapping(pairs)
    right = [(f, g) for f, g in pairs if f.work and mapping.get(f.work) == g["work"]]
    resolved = [f for f in found if f.work]
    print(f"resolution to the bibliography entry: {prf(len(right), len(resolved), len(gold))}")
    backs = [(f, g) for f, g in pairs if g["kind"] == "back-reference"]
    print(f"back-references: {sum(1 for f, g in backs if mapping.get(f.work or '') == g['work'])}"
          f" of {sum(1 for g in gold if g['kind'] == 'back-reference')} resolved right")
    pages = [(f, g) for f, g in pairs if g["pages"]]
    print(f"pages exact: {sum(1 for f, g in pages if f.citation.pages == g['pages'])}"
          f" of {len(pages)};  years exact:"
          f" {sum(1 for f, g in pairs if g['year'] and f.citation.year == g['year'])}"
          f" of {sum(1 for _, g in pairs if g['year'])}")
    scores = []
    for f, g in pairs:
        gs = (int(g["statement_start"]), int(g["statement_end"]))
        common = overlap(f.statement, gs)
        p = common / max(1, f.statement[1] - f.statement[0])
        r = common / max(1, gs[1] - gs[0])
        scores.append(2 * p * r / (p + r) if p + r else 0.0)
    if scores:
        print(f"supported statement: mean character F1 {sum(scores) / len(scores):.3f};"
              f" {sum(1 for s in scores if s >= 0.5)} of {len(scores)} with F1 >= 0.5")
    if verbose:
        matched = {id(f) for f, _ in pairs}
        print("extra:", [f.citation.text for f in found if id(f) not in matched])
        matched_gold = {g["start"] for _, g in pairs}
        print("missed:", [g["text"] for g in gold if g["start"] not in matched_gold])
        print("wrong work:", [(f.citation.text, f.work, g["work"]) for f, g in pairs
                              if mapping.get(f.work or "") != g["work"]])


def match(found, rows):
    """Pairs (found, gold) whose spans overlap by at least half of the longer span."""
    pairs, used = [], set()
    for f in found:
        span = (f.citation.start, f.citation.end)
        for i, g in enumerate(rows):
            if i in used:
                continue
            gs = (int(g["start"]), int(g["end"]))
            if overlap(span, gs) * 2 >= max(span[1] - span[0], gs[1] - gs[0]):
                pairs.append((f, g))
                used.add(i)
                break
    return pairs


if __name__ == "__main__":
    main()
