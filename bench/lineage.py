"""Score the clause aligner against gold standards; time it at scale.

    python bench/lineage.py [--no-speed] [--large]

Per set: top-1 accuracy (the best-scored source is a gold source), recall@3 (share of gold
links whose source is among its target's three best candidates), precision / recall / F1 of
the links at the shipped default threshold, and novel-clause detection (targets the gold gives
no source vs targets left without a link). Then a reliability table of the scores over all
sets, and the speed of candidate retrieval against brute-force all-pairs scoring, measured in
the same run. The threshold and the weights come from the package (fitted on a training set
no benchmark here scores; see bench/fit_lineage.py).
"""

from __future__ import annotations

import argparse
import itertools
import random
import resource
import time

from lineage_sets import (
    LabelledSet,
    corpus_document,
    example_set,
    udhr_sets,
    us_founding_set,
)
from vesika.lang.lexicon import load_lexicon
from vesika.link.lineage import ClauseRef, LineageDocument, align, load_model
from vesika.link.lineage.align import Candidate
from vesika.link.lineage.embeddings import available


def score_set(labelled: LabelledSet, lexicon, model) -> tuple[dict[str, float], list[Candidate]]:  # type: ignore[no-untyped-def]
    lineage = align(labelled.documents, lexicon, model)
    by_target: dict[tuple[str, str], list[Candidate]] = {}
    for c in lineage.candidates:
        key = (c.target.doc, c.target.label)
        if key in labelled.gold and labelled.scored(c.target.doc, c.source.doc):
            by_target.setdefault(key, []).append(c)
    top1 = hits3 = gold_links = with_gold = 0
    tp = fp = 0
    novel_gold = {k for k, v in labelled.gold.items() if not v}
    novel_pred = set()
    scored: list[Candidate] = []
    for key, gold in labelled.gold.items():
        cands = sorted((c for c in by_target.get(key, [])
                        if (key, (c.source.doc, c.source.label)) not in labelled.doubtful),
                       key=lambda c: -c.score)
        scored.extend(cands)
        predicted = {(c.source.doc, c.source.label) for c in cands
                     if c.score >= lineage.threshold}
        if not predicted:
            novel_pred.add(key)
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        if gold:
            with_gold += 1
            gold_links += len(gold)
            if cands and (cands[0].source.doc, cands[0].source.label) in gold:
                top1 += 1
            top3 = {(c.source.doc, c.source.label) for c in cands[:3]}
            hits3 += len(top3 & gold)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / gold_links if gold_links else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    novel_tp = len(novel_gold & novel_pred)
    return {
        "targets": len(labelled.gold),
        "top1": top1 / with_gold if with_gold else 0.0,
        "recall@3": hits3 / gold_links if gold_links else 0.0,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "novel_gold": len(novel_gold),
        "novel_found": novel_tp,
        "novel_precision": novel_tp / len(novel_pred) if novel_pred else 0.0,
        "novel_recall": novel_tp / len(novel_gold) if novel_gold else 0.0,
    }, [c for c in scored]


def reliability(candidates: list[tuple[float, bool]]) -> None:
    print("\nreliability (all scored candidates of all sets):")
    print("  score bin    n     mean score  observed linked")
    for lo in [i / 10 for i in range(10)]:
        inside = [(s, y) for s, y in candidates if lo <= s < lo + 0.1 or (lo == 0.9 and s == 1)]
        if inside:
            mean = sum(s for s, _ in inside) / len(inside)
            rate = sum(1 for _, y in inside if y) / len(inside)
            print(f"  {lo:.1f}-{lo + 0.1:.1f}  {len(inside):5d}   {mean:.3f}       {rate:.3f}")


def synthetic(n: int, seed: int) -> tuple[LineageDocument, LineageDocument]:
    """n target and n source clauses made from sentences of the corpora."""
    sentences = []
    for rel in ("udhr/udhr_en.txt", "udhr/udhr_tr.txt", "us_founding/us_constitution_1787.txt",
                "rights_chain/ddhc_1789_fr.txt", "udhr/udhr_ru.txt"):
        doc = corpus_document(rel)
        for c in doc.clauses:
            sentences.extend((s.strip(), doc.language) for s in c.text.split(".") if len(s) > 30)
    rng = random.Random(seed)

    def make(doc_id: str) -> LineageDocument:
        clauses = []
        for i in range(n):
            a, lang = rng.choice(sentences)
            b, _ = rng.choice(sentences)
            clauses.append(ClauseRef(doc_id, str(i), f"{a}. {b}.", lang))
        return LineageDocument(doc_id, None, clauses=clauses)

    source = make("source")
    target = make("target")
    target.responds_to = ["source"]
    return target, source


def speed(lexicon, model, sizes: tuple[int, ...]) -> None:  # type: ignore[no-untyped-def]
    """Retrieval at each size first (peak memory read after them), then brute-force all-pairs
    scoring at the smallest size, whose memory would otherwise hide the retrieval's."""
    print("\nspeed (one process, no embeddings):")
    times = {}
    for n in sizes:
        target, source = synthetic(n, seed=n)
        started = time.perf_counter()
        align([source, target], lexicon, model)
        times[n] = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  {n:6d} x {n:<6d} candidate retrieval {times[n]:7.2f} s   "
              f"peak so far {peak:.0f} MB")
    small = sizes[0]
    target, source = synthetic(small, seed=small)
    started = time.perf_counter()
    align([source, target], lexicon, model, top_k=small)
    brute = time.perf_counter() - started
    print(f"  {small:6d} x {small:<6d} brute-force all pairs {brute:7.2f} s   "
          f"ratio retrieval/brute {times[small] / brute:.3f}")
    for a, b in itertools.pairwise(sizes):
        print(f"  growth {a} -> {b} clauses: time x{times[b] / times[a]:.1f} "
              f"(linear would be x{b / a:.0f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-speed", action="store_true", help="skip the timing part")
    parser.add_argument("--large", action="store_true",
                        help="also time 100,000 x 100,000 clauses (minutes, several GB)")
    args = parser.parse_args()
    lexicon = load_lexicon()
    model = load_model()
    print(f"lexicon: {len(lexicon.concepts)} concepts; threshold 0.5; model fitted on "
          f"{model.meta.get('fitted_on')}")
    variants = [("", model)]
    if available():
        variants.append((" +e5", load_model(embeddings=True)))
    header = f"{'set':20s} {'targets':>7s} {'top1':>6s} {'rec@3':>6s} {'P':>6s} {'R':>6s} " \
             f"{'F1':>6s}  novel found/gold (P, R)"
    print(header)
    calibration: list[tuple[float, bool]] = []
    sets = [example_set(), *udhr_sets(), us_founding_set()]
    for labelled in sets:
        for suffix, variant in variants:
            m, cands = score_set(labelled, lexicon, variant)
            if not suffix:
                for c in cands:
                    gold = labelled.gold[(c.target.doc, c.target.label)]
                    calibration.append((c.score, (c.source.doc, c.source.label) in gold))
            name = labelled.name + suffix
            print(f"{name:20s} {m['targets']:7d} {m['top1']:6.2f} {m['recall@3']:6.2f} "
                  f"{m['precision']:6.2f} {m['recall']:6.2f} {m['f1']:6.2f}  "
                  f"{m['novel_found']}/{m['novel_gold']} "
                  f"({m['novel_precision']:.2f}, {m['novel_recall']:.2f})")
    reliability(calibration)
    if not args.no_speed:
        speed(lexicon, model, (1000, 10000, 100000) if args.large else (1000, 10000))


if __name__ == "__main__":
    main()
