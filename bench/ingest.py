"""Ingest throughput: clean + segment + store, in MB/s, against a read-and-split baseline.

Builds a corpus of at least 50 MB (default) by repeating the public-domain corpora and the seed
article from tests/data as separate document files, then, each in a fresh process on one core:

  baseline  read every file, decode it, split it into lines
  ingest    vesika's ingest stage: read, clean, segment, save to a fresh SQLite store

and prints MB/s for both, their ratio, and peak resident memory. Peak memory is also measured on
a quarter and on half of the files: it must not grow with the number of files.

    python bench/ingest.py [--mb 50]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"


def build_corpus(folder: Path, megabytes: float) -> int:
    sources = [*sorted((DATA / "corpora").rglob("*.txt")), DATA / "seed" / "eldem_iki_belge.txt"]
    texts = [(p.stem, p.read_bytes()) for p in sources]
    total, i = 0, 0
    while total < megabytes * 1_000_000:
        stem, data = texts[i % len(texts)]
        (folder / f"{i:05d}-{stem}.txt").write_bytes(data)
        total += len(data)
        i += 1
    return total


def run_child(mode: str, folder: Path, limit: int) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", mode, "--folder", str(folder),
           "--limit", str(limit)]
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
    # taskset pins the child to one core where the tool exists (util-linux).
    if shutil.which("taskset"):
        cmd = ["taskset", "-c", "0", *cmd]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout
    return json.loads(out.strip().splitlines()[-1])


def child(mode: str, folder: Path, limit: int) -> None:
    files = sorted(folder.glob("*.txt"))[:limit]
    size = sum(f.stat().st_size for f in files)
    start = time.perf_counter()
    if mode == "baseline":
        lines = 0
        for f in files:
            lines += len(f.read_bytes().decode("utf-8").splitlines())
    else:
        sys.path.insert(0, str(ROOT / "src"))
        from vesika.pipeline import ingest
        from vesika.store import Store

        work = folder.parent / f"subset-{limit}"
        work.mkdir(exist_ok=True)
        for f in files:
            target = work / f.name
            if not target.exists():
                os.link(f, target)
        db = folder.parent / f"bench-{limit}.db"
        start = time.perf_counter()
        with Store.open(db) as store:
            report = ingest(work, store)
        if report.errors:
            raise SystemExit(f"ingest errors: {report.errors[:3]}")
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"bytes": size, "seconds": seconds, "peak_mb": peak_mb, "files": len(files)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in MB (default 50)")
    parser.add_argument("--child", choices=["baseline", "ingest"])
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.folder, args.limit)
        return
    with tempfile.TemporaryDirectory(prefix="vesika-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        total = build_corpus(folder, args.mb)
        n = len(list(folder.glob("*.txt")))
        print(f"corpus: {n} files, {total / 1e6:.1f} MB (corpora + seed, repeated)")
        base = run_child("baseline", folder, n)
        runs = {limit: run_child("ingest", folder, limit) for limit in (n // 4, n // 2, n)}
        full = runs[n]
        base_mbs = base["bytes"] / 1e6 / base["seconds"]
        ingest_mbs = full["bytes"] / 1e6 / full["seconds"]
        print(f"baseline (read + split lines): {base_mbs:8.1f} MB/s  "
              f"peak {base['peak_mb']:.0f} MB")
        print(f"ingest (clean+segment+store):  {ingest_mbs:8.2f} MB/s  "
              f"peak {full['peak_mb']:.0f} MB")
        print(f"ratio ingest/baseline: {ingest_mbs / base_mbs:.4f}  (target: ingest >= 5 MB/s)")
        print("peak memory by number of files (must not grow with it):")
        for r in runs.values():
            print(f"  {r['files']:6d} files {r['bytes'] / 1e6:6.1f} MB  "
                  f"{r['bytes'] / 1e6 / r['seconds']:6.2f} MB/s  peak {r['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
