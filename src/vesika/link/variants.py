"""Finding V301: one entity written in conflicting forms inside one document.

A historian checks that an author spells a name one way: ``N. N. E. Bray`` beside ``N. E. Bray``
(different initials), ``Litvinov`` beside ``Litvinoff`` (two spellings in one language),
``BMM`` beside ``T.B.M.M.`` (an abbreviation written two ways), ``Karabakir`` beside
``Karabekir`` (a misspelling the authority file cannot match). Normal variation is not a
finding: suffixes (the mention's span has none), a surname beside the full name, and names in
different languages (a Turkish text quoting ``Chicherin`` from an English source).
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from typing import Any

from vesika.annotate.authority import Authority
from vesika.annotate.names import Mention
from vesika.lang.namekey import letter_key, name_key
from vesika.model import Document

_INITIALS = re.compile(r"^((?:\w\.\s?)+)\s*(?=\w{2})")
MISSPELLING_RATIO = 0.85  # difflib ratio at or above which an unknown name is a misspelling
# Two registered forms of one entity are two spellings of one name (Litvinov, Litvinoff: 0.82)
# rather than two names (Atatürk, Mustafa Kemal) at or above this ratio.
SPELLING_RATIO = 0.6


def _finding(kind: str, message: str, entity: str, doc: str,
             forms: dict[str, list[Mention]], severity: str = "warning") -> dict[str, Any]:
    return {
        "code": "V301", "kind": kind, "severity": severity, "message": message,
        "entity": entity,
        "forms": [{"text": text, "spans": [{"doc": m.doc or doc, "start": m.start, "end": m.end}
                                           for m in ms]} for text, ms in forms.items()],
        "spans": [{"doc": ms[0].doc or doc, "start": ms[0].start, "end": ms[0].end}
                  for ms in forms.values()],
    }


def _acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 10 and all(c.isupper() for c in letters)


def name_variants(doc: Document, mentions: list[Mention], unknown: list[tuple[int, int, str]],
                  authority: Authority) -> list[dict[str, Any]]:
    """V301 findings inside one document."""
    by_entity = _by_entity(mentions)
    findings = _conflicts(doc.id, by_entity, authority)
    findings.extend(_misspellings(doc.id, by_entity, unknown, authority))
    return findings


def author_variants(author: str, mentions: list[Mention], authority: Authority,
                    reported: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """V301 findings across the documents of one author (a conflict already found inside one
    of them is not repeated)."""
    seen = {(f["entity"], f["kind"], tuple(sorted(x["text"] for x in f["forms"])))
            for f in reported}
    out = []
    for f in _conflicts("", _by_entity(mentions), authority):
        key = (f["entity"], f["kind"], tuple(sorted(x["text"] for x in f["forms"])))
        if key not in seen:
            f["message"] += f" (in the documents of {author})"
            out.append(f)
    return out


def _by_entity(mentions: list[Mention]) -> dict[str, list[Mention]]:
    by_entity: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.entity:
            by_entity[m.entity].append(m)
    return by_entity


def _conflicts(doc: str, by_entity: dict[str, list[Mention]],
               authority: Authority) -> list[dict[str, Any]]:
    findings: list[dict[str, Any]] = []
    for entity_id, ms in sorted(by_entity.items()):
        name = authority.entities[entity_id].name
        findings.extend(_initials(doc, entity_id, name, ms))
        findings.extend(_abbreviations(doc, entity_id, name, ms))
        findings.extend(_spellings(doc, entity_id, name, ms))
    return findings


def _group(ms: list[Mention], key) -> dict[str, list[Mention]]:
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in ms:
        k = key(m)
        if k:
            groups[k].append(m)
    return dict(groups)


def _initials(doc: str, entity: str, name: str, ms: list[Mention]) -> list[dict[str, Any]]:
    def initials(m: Mention) -> str:
        found = _INITIALS.match(m.text)
        return re.sub(r"\s", "", found.group(1)) if found else ""

    groups = _group(ms, initials)
    if len(groups) < 2:
        return []
    forms = {g[0].text: g for g in groups.values()}
    return [_finding("initials", f"{name} is written with different initials: "
                     + ", ".join(forms), entity, doc, forms)]


def _abbreviations(doc: str, entity: str, name: str, ms: list[Mention]) -> list[dict[str, Any]]:
    """T.B.M.M. beside TBMM (the same letters written two ways), or TBBM beside TBMM (a letter
    off: a misprint). BMM beside TBMM are two abbreviations, each written consistently, and GNA
    is the English one: no finding."""
    acronyms = [m for m in ms if _acronym(m.text)]
    spelled = _group(acronyms, lambda m: f"{m.lang}\t{''.join(m.text.split())}")
    keys = sorted(spelled)
    pairs = []
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            lang_a, text_a = a.split("\t")
            lang_b, text_b = b.split("\t")
            letters_a = "".join(c for c in text_a if c.isalpha())
            letters_b = "".join(c for c in text_b if c.isalpha())
            misprint = (len(letters_a) == len(letters_b) and lang_a == lang_b
                        and sum(x != y for x, y in zip(letters_a, letters_b, strict=True)) == 1)
            if letters_a == letters_b or misprint:
                pairs.append((a, b))
    if not pairs:
        return []
    forms: dict[str, list[Mention]] = {}
    for a, b in pairs:
        forms[spelled[a][0].text] = spelled[a]
        forms[spelled[b][0].text] = spelled[b]
    return [_finding("abbreviation", f"{name} is abbreviated in {len(forms)} ways: "
                     + ", ".join(forms), entity, doc, forms)]


def _spellings(doc: str, entity: str, name: str, ms: list[Mention]) -> list[dict[str, Any]]:
    """Two spellings of one name in one language; a surname beside the full name is normal."""
    plain = [m for m in ms if not _acronym(m.text) and not _INITIALS.match(m.text)]
    groups = _group(plain, lambda m: f"{m.lang}\t{letter_key(' '.join(m.text.split()))}")
    out = []
    keys = sorted(groups)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            lang_a, text_a = a.split("\t")
            lang_b, text_b = b.split("\t")
            if lang_a != lang_b:
                continue
            words_a, words_b = set(name_key(text_a).split()), set(name_key(text_b).split())
            if (words_a <= words_b or words_b <= words_a) and name_key(text_a) != name_key(text_b):
                continue  # Karabekir beside Kazım Karabekir
            if _inflected(text_a, text_b):
                continue  # Bolshevik beside Bolsheviks
            same_letters = name_key(text_a) == name_key(text_b)
            if not same_letters and not _close(text_a, text_b, SPELLING_RATIO):
                continue  # Atatürk beside Mustafa Kemal: two names, not two spellings
            forms = {groups[a][0].text: groups[a], groups[b][0].text: groups[b]}
            kind = "diacritics" if same_letters else "spelling"
            what = ("with and without diacritics" if same_letters else "in two spellings")
            out.append(_finding(kind, f"{name} is written {what}: " + ", ".join(forms),
                                entity, doc, forms, "info" if same_letters else "warning"))
    return out


def _inflected(a: str, b: str) -> bool:
    short, long = sorted((name_key(a), name_key(b)), key=len)
    return short != long and long.startswith(short) and len(long) - len(short) <= 2


def _close(a: str, b: str, ratio: float = MISSPELLING_RATIO) -> bool:
    """Same number of words, all equal but one, and that one a letter or two off."""
    words_a, words_b = name_key(a).split(), name_key(b).split()
    if len(words_a) != len(words_b):
        return False
    differing = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
    if len(differing) == 1 and (differing[0][0].startswith(differing[0][1])
                                or differing[0][1].startswith(differing[0][0])):
        return False  # Türk Hükümeti, Türkiye Hükümeti: a word and its derivative
    return len(differing) == 1 and min(len(differing[0][0]), len(differing[0][1])) >= 4 and (
        difflib.SequenceMatcher(None, *differing[0]).ratio() >= ratio)


def _misspellings(doc: str, by_entity: dict[str, list[Mention]],
                  unknown: list[tuple[int, int, str]],
                  authority: Authority) -> list[dict[str, Any]]:
    """An unknown name that differs by a letter or two from a name this document uses."""
    used = {" ".join(name_key(m.text).split()): (entity, m)
            for entity, ms in by_entity.items() for m in ms if len(m.text) >= 5}
    out = []
    reported: set[tuple[str, str]] = set()
    for start, end, text in unknown:
        key = " ".join(name_key(text).split())
        if len(key) < 5:
            continue
        for known, (entity, m) in used.items():
            if known[0] != key[0] or (known, key) in reported:
                continue
            if _close(known, key):
                reported.add((known, key))
                odd = Mention(start, end, text, None, (), m.lang, doc=doc)
                forms = {m.text: [x for x in by_entity[entity]
                                  if " ".join(name_key(x.text).split()) == known],
                         text: [odd]}
                out.append(_finding(
                    "misspelling", f"{text!r} looks like a misspelling of"
                    f" {authority.entities[entity].name} ({m.text})", entity, doc, forms))
    return out
