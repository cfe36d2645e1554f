"""The labelled sets the lineage benchmark and the model fit read (all inside the repository).

- training: tests/data/lineage/training.json (Virginia -> DDHC, DDHC -> UDHR, Bill of Rights ->
  UDHR) — used only by fit_lineage.py, never scored;
- example: examples/ankara-moscow-1920 against its annotations/lineage.json;
- udhr: the UDHR in en, tr, ru, each pair with the target's articles shuffled and unnumbered;
- us_founding: tests/data/lineage/us_founding.json.
"""

from __future__ import annotations

import json
import random
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from vesika.link.lineage import ClauseRef, LineageDocument  # noqa: E402
from vesika.model import parse_edtf  # noqa: E402
from vesika.segment import segment_clauses  # noqa: E402

CORPORA = ROOT / "tests" / "data" / "corpora"
GOLD = ROOT / "tests" / "data" / "lineage"
EXAMPLE = ROOT / "examples" / "ankara-moscow-1920"


@dataclass
class LabelledSet:
    name: str
    documents: list[LineageDocument]
    # (target doc, target clause) -> set of (source doc, source clause); targets scored
    gold: dict[tuple[str, str], set[tuple[str, str]]] = field(default_factory=dict)
    # (target doc, source doc) pairs the gold covers: only candidates between them are scored;
    # empty means every source document the aligner considers (the example's gold says which
    # articles have no source among *all* earlier documents)
    pairs: set[tuple[str, str]] = field(default_factory=set)
    # links the gold's reader found doubtful: neither rewarded nor penalised
    doubtful: set[tuple[tuple[str, str], tuple[str, str]]] = field(default_factory=set)

    def scored(self, target_doc: str, source_doc: str) -> bool:
        return not self.pairs or (target_doc, source_doc) in self.pairs


def corpus_document(relative: str, doc_id: str | None = None) -> LineageDocument:
    path = CORPORA / relative
    header, text = path.read_text(encoding="utf-8").split("\n", 1)
    _title, date, language, _src = (p.strip() for p in header[2:].split("|"))
    doc_id = doc_id or path.stem
    clauses = [ClauseRef(doc_id, c.label, text[c.start:c.end], language)
               for c in segment_clauses(text, language=language) if c.end > c.start]
    return LineageDocument(doc_id, parse_edtf(date), "", language, clauses=clauses)


CORPUS_FILES = {
    "va_declaration_of_rights_1776": "us_founding/va_declaration_of_rights_1776.txt",
    "articles_of_confederation_1777": "us_founding/articles_of_confederation_1777.txt",
    "us_constitution_1787": "us_founding/us_constitution_1787.txt",
    "us_bill_of_rights_1789": "us_founding/us_bill_of_rights_1789.txt",
    "ddhc_1789_fr": "rights_chain/ddhc_1789_fr.txt",
    "udhr_en": "udhr/udhr_en.txt",
    "udhr_ru": "udhr/udhr_ru.txt",
    "udhr_tr": "udhr/udhr_tr.txt",
}


def gold_set(name: str, gold_file: Path) -> LabelledSet:
    data = json.loads(gold_file.read_text(encoding="utf-8"))
    out = LabelledSet(name, [])
    wanted: set[str] = set()
    for pair in data["pairs"]:
        s, t = pair["source_doc"], pair["target_doc"]
        wanted |= {s, t}
        out.pairs.add((t, s))
        for link in pair["links"]:
            out.gold.setdefault((t, link["target"]), set()).update((s, x) for x in link["sources"])
        for label in pair.get("novel", []):
            out.gold.setdefault((t, label), set())
        for link in pair.get("doubtful", []):
            out.doubtful.update(((t, link["target"]), (s, x)) for x in link["sources"])
    out.documents = [SEED_DOCUMENTS[d]() if d in SEED_DOCUMENTS
                     else corpus_document(CORPUS_FILES[d], d) for d in sorted(wanted)]
    return out


def _abstract(doc_id: str, start: str, end: str, language: str, date: str) -> LineageDocument:
    """One of the seed article's two abstracts, a clause per sentence (s1, s2, ...)."""
    text = (ROOT / "tests" / "data" / "seed" / "eldem_iki_belge.txt").read_text(encoding="utf-8")
    body = " ".join(text[text.index(start):text.index(end)].split())
    # A sentence ends after two lower-case letters or digits: not after the initials "N. E."
    sentences = re.split(r"(?<=[a-zçğıöşü0-9]{2}[.])\s+(?=[A-ZÇĞİÖŞÜ])", body)
    clauses = [ClauseRef(doc_id, f"s{i}", s, language) for i, s in enumerate(sentences, 1)]
    return LineageDocument(doc_id, parse_edtf(date), "", language, clauses=clauses)


# The abstracts have no dates of their own: the English one is given as later only so that
# the pair reads as source -> target.
SEED_DOCUMENTS = {
    "seed_oz": lambda: _abstract("seed_oz", "Bu makalede", "Anahtar Kelimeler", "tr", "2020"),
    "seed_abstract": lambda: _abstract("seed_abstract", "In this article", "Keywords", "en",
                                       "2021"),
}


def training_set() -> LabelledSet:
    """The training gold, with its links into the UDHR repeated for the Turkish and Russian
    texts: training.json says they hold unchanged for them (faithful translations with the
    same paragraphing). The repeats teach the model pairs that share no script, where only
    concepts and names meet, as in an Ottoman letter against an English copy."""
    labelled = gold_set("training", GOLD / "training.json")
    for language in ("tr", "ru"):
        translation = corpus_document(f"udhr/udhr_{language}.txt", f"udhr_{language}")
        labelled.documents.append(translation)
        for (target, label), sources in list(labelled.gold.items()):
            if target == "udhr_en":
                labelled.gold[(translation.id, label)] = set(sources)
        for target, source in list(labelled.pairs):
            if target == "udhr_en":
                labelled.pairs.add((translation.id, source))
        for (target, label), source in list(labelled.doubtful):
            if target == "udhr_en":
                labelled.doubtful.add(((translation.id, label), source))
    return labelled


def us_founding_set() -> LabelledSet:
    return gold_set("us_founding", GOLD / "us_founding.json")


def example_set() -> LabelledSet:
    from vesika.link.lineage.dossier import documents_from_store
    from vesika.pipeline import ingest
    from vesika.store import Store

    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "v.db") as store:
        ingest(EXAMPLE, store)
        documents = documents_from_store(store)
    gold = json.loads((EXAMPLE / "annotations" / "lineage.json").read_text(encoding="utf-8"))
    out = LabelledSet("example", documents)
    target = gold["target"]
    for link in gold["links"]:
        out.gold[(target, link["target"])] = {(s["doc"], s["clause"]) for s in link["sources"]}
    return out


def udhr_sets(seed: int = 1948) -> list[LabelledSet]:
    """Every ordered pair of en/tr/ru: the target's 30 articles shuffled and relabelled, so that
    neither order nor number can match — only content."""
    sets = []
    languages = ["en", "tr", "ru"]
    for src_lang in languages:
        for tgt_lang in languages:
            if src_lang == tgt_lang:
                continue
            source = corpus_document(f"udhr/udhr_{src_lang}.txt", f"udhr_{src_lang}")
            target = corpus_document(f"udhr/udhr_{tgt_lang}.txt", f"shuffled_{tgt_lang}")
            source.clauses = [c for c in source.clauses if c.label.isdigit()]
            articles = [c for c in target.clauses if c.label.isdigit()]
            random.Random(seed).shuffle(articles)
            hidden = [ClauseRef(c.doc, f"x{i:02d}", c.text, c.language)
                      for i, c in enumerate(articles)]
            target.clauses = hidden
            target.responds_to = [source.id]
            target.date = source.date = None
            out = LabelledSet(f"udhr {src_lang}->{tgt_lang}", [source, target])
            out.pairs.add((target.id, source.id))
            for original, shown in zip(articles, hidden, strict=True):
                out.gold[(target.id, shown.label)] = {(source.id, original.label)}
            sets.append(out)
    return sets
