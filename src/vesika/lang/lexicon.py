"""The concept lexicon: shipped TSV files (src/vesika/data/lexicon/) plus a dossier's own.

A concept (`independence`) has forms in each language (`istiklâl`, `bağımsızlık`,
`independence`, `indépendance`, `независимость`, `Unabhängigkeit`). Finding the concepts of a
clause lets clauses in different languages and registers meet on shared meaning.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from itertools import takewhile
from pathlib import Path

from vesika.lang.fold import fold
from vesika.lang.words import (
    MIN_PREFIX,
    TURKISH,
    VERB_MARK,
    Word,
    compound_stems,
    form_keys,
    prefix_keys,
    softened,
    tail_ok,
    verb_stem,
    verb_tail_ok,
    words,
)

log = logging.getLogger(__name__)

# An index entry: concept id, the word keys of one form, the form as written (folded).
_Entry = tuple[str, tuple[str, ...], str]

COLUMNS = ("id", "domain", "tr", "ota", "en", "fr", "ru", "de", "source")
# Which columns feed which matching family: Ottoman and modern Turkish texts borrow from each
# other's vocabulary, so both columns serve both.
# The languages (BCP-47 base tags) the lexicon has columns for; `az` is read as Turkish.
LEXICON_LANGUAGES = ("tr", "ota", "az", "en", "fr", "ru", "de")
FAMILY_COLUMNS = {TURKISH: ("tr", "ota"), "en": ("en",), "fr": ("fr",), "ru": ("ru",),
                  "de": ("de",)}


class LexiconError(ValueError):
    pass


@dataclass(frozen=True)
class Concept:
    id: str
    domain: str
    forms: dict[str, tuple[str, ...]]
    source: str


@dataclass(frozen=True)
class ConceptHit:
    concept: str
    start: int
    end: int


@dataclass
class Lexicon:
    concepts: dict[str, Concept] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    # family -> first word key -> [(concept id, all word keys of the form, the form as
    # written, folded)]
    _index: dict[str, dict[str, list[_Entry]]] = field(default_factory=dict, repr=False)

    def add(self, concept: Concept) -> None:
        self.concepts[concept.id] = concept
        for fam, columns in FAMILY_COLUMNS.items():
            index = self._index.setdefault(fam, {})
            for col in columns:
                for form in concept.forms.get(col, ()):
                    keys = form_keys(form, fam)
                    if not keys:
                        continue
                    variants = [keys]
                    if fam == TURKISH and (soft := softened(keys[-1])):
                        variants.append((*keys[:-1], soft))
                    if fam == TURKISH and len(keys) > 1:
                        variants.extend((*keys[:-1], bare) for bare in compound_stems(keys[-1]))
                    if fam == TURKISH and (stem := verb_stem(keys[-1])):
                        # a one-word verb needs a stem long enough to look up by prefix
                        if len(keys) > 1 or len(stem) > MIN_PREFIX:
                            variants.append((*keys[:-1], stem))
                        if soft := softened(stem[:-1]):
                            variants.append((*keys[:-1], soft + VERB_MARK))
                    written = _written(form)
                    for variant in variants:
                        entry = (concept.id, variant, written)
                        bucket = index.setdefault(variant[0].rstrip(VERB_MARK), [])
                        if entry not in bucket:
                            bucket.append(entry)

    def find(self, text: str, fam: str, found: list[Word] | None = None) -> list[ConceptHit]:
        """Concepts named in `text`. The longest form wins where forms overlap, and the words
        of a multi-word form also count on their own: `cephane fabrikası` names a munitions
        factory *and* munitions, as the historian reading it would note. `found` is the text's
        `words(text, fam)` when the caller has them already."""
        index = self._index.get(fam)
        if not index:
            return []
        ws = words(text, fam) if found is None else found
        hits: list[ConceptHit] = []
        i = 0
        while i < len(ws):
            best = self._longest(index, ws, i, fam, text)
            if best is None:
                i += 1
                continue
            n, concept = best
            hits.append(ConceptHit(concept, ws[i].start, ws[i + n - 1].end))
            if n > 1:
                for j in range(i, i + n):
                    part = self._longest(index, ws[j:j + 1], 0, fam, text)
                    if part is not None and part[1] != concept:
                        hits.append(ConceptHit(part[1], ws[j].start, ws[j].end))
            i += n
        return hits

    @staticmethod
    def _longest(index: dict[str, list[_Entry]], ws: list, i: int, fam: str,
                 text: str) -> tuple[int, str] | None:
        """The longest form starting at word `i`, as (number of words, concept). A stemmer
        gives `nationality` and `nation` one key: among forms of the same length, the one
        written most like the text wins (longest common beginning, then the shorter form)."""
        best: tuple[int, str] | None = None
        best_rank: tuple[int, int] = (-1, 0)
        seen: dict[int, str] = {}  # the text of n words from word i, as written, folded
        for candidate in _lookup_keys(ws[i].key, fam):
            for concept, keys, written in index.get(candidate, ()):
                n = len(keys)
                if fam == TURKISH and not _tail_fits(keys[0], ws[i].key):
                    continue
                if i + n > len(ws) or not all(
                    _matches(ws[i + j].key, keys[j], fam) for j in range(1, n)
                ):
                    continue
                rank = (0, 0)
                if fam != TURKISH:
                    if n not in seen:
                        seen[n] = _written(text[ws[i].start:ws[i + n - 1].end])
                    rank = (_common_start(written, seen[n]), -len(written))
                if best is None or n > best[0] or (n == best[0] and rank > best_rank):
                    best, best_rank = (n, concept), rank
            if best is not None:
                return best  # the longest matching prefix wins
        return best


def _written(text: str) -> str:
    return " ".join(fold(text.lower()).split())


def _common_start(a: str, b: str) -> int:
    return sum(1 for _ in takewhile(lambda pair: pair[0] == pair[1], zip(a, b, strict=False)))


def _lookup_keys(key: str, fam: str) -> list[str]:
    return prefix_keys(key) if fam == TURKISH else [key]


def _matches(text_key: str, form_key: str, fam: str) -> bool:
    if fam != TURKISH:
        return text_key == form_key
    if form_key.endswith(VERB_MARK):
        return text_key.startswith(form_key[:-1]) and _tail_fits(form_key, text_key)
    for stem in (form_key, softened(form_key)):
        if stem and text_key.startswith(stem) and tail_ok(stem, text_key):
            return True
    return False


def _tail_fits(form_key: str, text_key: str) -> bool:
    """Whether the rest of a Turkish word can follow the form: a verb stem takes a verb's
    suffixes, a noun its own (see `tail_ok`)."""
    if form_key.endswith(VERB_MARK):
        return verb_tail_ok(text_key[len(form_key) - 1:])
    return tail_ok(form_key, text_key)


def read_tsv(path: Path | str, text: str) -> tuple[list[Concept], list[str]]:
    """Parse one lexicon file; rows with problems are skipped and reported with their line."""
    concepts: list[Concept] = []
    problems: list[str] = []
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1)
             if line.strip() and not line.startswith("#")]
    if not lines:
        return concepts, [f"{path}: empty lexicon file"]
    header_line, header = lines[0]
    if tuple(header.split("\t")) != COLUMNS:
        return concepts, [f"{path}:{header_line}: header must be {' '.join(COLUMNS)}"]
    for n, row in zip((n for n, _ in lines[1:]),
                      csv.reader((line for _, line in lines[1:]), delimiter="\t",
                                 quoting=csv.QUOTE_NONE), strict=True):
        if len(row) != len(COLUMNS):
            problems.append(f"{path}:{n}: {len(row)} columns, expected {len(COLUMNS)}")
            continue
        values = dict(zip(COLUMNS, (c.strip() for c in row), strict=True))
        if not values["id"] or not values["source"]:
            problems.append(f"{path}:{n}: a concept needs an id and a source")
            continue
        forms = {col: tuple(f.strip() for f in values[col].split("|") if f.strip())
                 for col in COLUMNS[2:8]}
        concepts.append(Concept(values["id"], values["domain"], forms, values["source"]))
    return concepts, problems


def shipped_files() -> Iterable[tuple[str, str]]:
    folder = resources.files("vesika.data").joinpath("lexicon")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".tsv"):
            yield f"vesika/data/lexicon/{entry.name}", entry.read_text(encoding="utf-8")


def load_lexicon(extra: Iterable[Path] = ()) -> Lexicon:
    """The shipped lexicon, extended by a dossier's files (a row with a shipped concept's id adds
    forms to that concept)."""
    lexicon = Lexicon()
    sources = [*shipped_files(), *((str(p), p.read_text(encoding="utf-8")) for p in extra)]
    seen: dict[str, str] = {}
    for name, text in sources:
        concepts, problems = read_tsv(name, text)
        lexicon.problems.extend(problems)
        for concept in concepts:
            if concept.id in seen and name.startswith("vesika/"):
                # Two shipped rows for one concept are an editing slip; a dossier's row for a
                # shipped concept is how a historian extends it.
                lexicon.problems.append(
                    f"{name}: concept {concept.id!r} also in {seen[concept.id]}")
            seen[concept.id] = name
            lexicon.add(concept)
    for problem in lexicon.problems:
        log.warning("lexicon: %s", problem)
    return lexicon
