"""A historian's own lineage claims, set against the machine's links.

A dossier may carry `annotations/lineage.json` (schema `vesika.lineage-gold/1`): where a scholar
says each clause of a document came from — written by hand, or read by article mode from the
article author's notes ("(Birinci teklifname, no: 3)" after an article). Each claimed clause is
compared with the machine's links: the two agree, agree in part, differ, or both find no source.
Where they differ, the machine's score for the claimed source says how far it is from seeing
what the scholar saw; the disagreement is a place to read again, not a verdict.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vesika.link.lineage.align import Lineage

log = logging.getLogger(__name__)

SCHEMA = "vesika.lineage-gold/1"
CLAIMS_FILE = Path("annotations") / "lineage.json"


@dataclass(frozen=True)
class Claim:
    target: tuple[str, str]  # (doc, clause)
    sources: frozenset[tuple[str, str]]
    note: str


class ClaimsError(ValueError):
    pass


def read_claims(dossier: Path) -> list[Claim]:
    """The claims of `dossier/annotations/lineage.json`, or none if there is no such file.
    A file that cannot be read raises ClaimsError naming it and the problem."""
    path = dossier / CLAIMS_FILE if dossier.is_dir() else None
    if path is None or not path.is_file():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ClaimsError(f"{path}: cannot be read as JSON ({exc})") from exc
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ClaimsError(f"{path}: not a {SCHEMA} file")
    target = data.get("target")
    claims = []
    for n, link in enumerate(data.get("links") or [], 1):
        try:
            sources = frozenset((s["doc"], s.get("clause", "")) for s in link.get("sources", []))
            claims.append(Claim((str(target), str(link["target"])), sources,
                                str(link.get("note", ""))))
        except (KeyError, TypeError, AttributeError) as exc:
            raise ClaimsError(f"{path}: link {n} is malformed ({exc})") from exc
    return claims


def compare(claims: list[Claim], lineage: Lineage) -> list[dict[str, Any]]:
    """Each claim with the machine's links for the same clause and how the two compare. A
    claim on a whole document (no clause) is met by a link to any of its clauses."""
    linked: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for c in lineage.links:
        linked.setdefault((c.target.doc, c.target.label), set()).add(
            (c.source.doc, c.source.label))
    scores: dict[tuple[tuple[str, str], tuple[str, str]], float] = {}
    for c in lineage.candidates:
        target = (c.target.doc, c.target.label)
        for key in ((c.source.doc, c.source.label), (c.source.doc, "")):
            scores[(target, key)] = max(scores.get((target, key), 0.0), c.score)
    out = []
    for claim in claims:
        machine = linked.get(claim.target, set())
        met = {s for s in claim.sources if any(_meets(m, s) for m in machine)}
        unclaimed = {m for m in machine if not any(_meets(m, s) for s in claim.sources)}
        if not claim.sources and not machine:
            verdict = "both_none"
        elif met == claim.sources and not unclaimed:
            verdict = "agrees"
        elif met:
            verdict = "partly"
        else:
            verdict = "differs"
        out.append({
            "target": _ref(claim.target),
            "note": claim.note,
            "claimed": [{**_ref(s), "score": _round(scores.get((claim.target, s)))}
                        for s in sorted(claim.sources)],
            "machine": [_ref(s) for s in sorted(machine)],
            "verdict": verdict,
        })
    return out


def _meets(link: tuple[str, str], claimed: tuple[str, str]) -> bool:
    return link[0] == claimed[0] and claimed[1] in ("", link[1])


def summary(compared: list[dict[str, Any]]) -> dict[str, int]:
    counts = {"agrees": 0, "partly": 0, "differs": 0, "both_none": 0}
    for item in compared:
        counts[item["verdict"]] += 1
    return counts


def _ref(key: tuple[str, str]) -> dict[str, str]:
    return {"doc": key[0], "clause": key[1]} if key[1] else {"doc": key[0]}


def _round(score: float | None) -> float | None:
    # A claimed source the machine never retrieved has no score at all.
    return None if score is None else round(score, 4)
