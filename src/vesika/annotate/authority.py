"""The authority file: people, places, organisations, treaties and documents with their names.

The shipped tables live in `vesika/data/authority/` (format in its README); a dossier adds or
replaces entries with an `authority.tsv` beside its documents. Loading never stops at a bad row:
each problem is reported with its file and line and the rest loads, because a historian editing
a 500-row table must not lose the other 499 to one typo.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from vesika.lang.namekey import name_key
from vesika.model.fuzzydate import DateError, FuzzyDate, parse_edtf

ENTITY_FILES = ("people.tsv", "places.tsv", "organisations.tsv", "works.tsv")
DOSSIER_FILE = "authority.tsv"
TYPES = frozenset({"person", "place", "organisation", "treaty", "document"})
LANGS = frozenset({"tr", "ota-Latn", "en", "fr", "de", "ru", "ru-Latn", "mul"})
COLUMNS = ("id", "type", "qid", "name", "forms", "dates", "roles", "source", "note")

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_QID = re.compile(r"^Q[1-9][0-9]*$")


@dataclass(frozen=True)
class AuthorityProblem:
    """A row that could not be taken as written: where it is and what is wrong."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"

    def to_json(self) -> dict[str, object]:
        return {"path": self.path, "line": self.line, "message": self.message}


@dataclass(frozen=True)
class NameForm:
    text: str
    lang: str
    valid: FuzzyDate | None = None  # the form is in use only within this interval


@dataclass(frozen=True)
class Role:
    title: str
    when: FuzzyDate | None


@dataclass
class Entity:
    id: str
    type: str
    name: str
    forms: list[NameForm]
    qid: str = ""
    dates: FuzzyDate | None = None
    roles: list[Role] = field(default_factory=list)
    source: str = ""
    note: str = ""
    origin: str = ""  # file:line the entry was read from

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id, "type": self.type, "name": self.name, "qid": self.qid or None,
            "names": sorted({f.text for f in self.forms}),
            "dates": self.dates.edtf if self.dates else None,
            "roles": [{"title": r.title, "when": r.when.edtf if r.when else None}
                      for r in self.roles],
            "source": self.source,
        }


@dataclass(frozen=True)
class Title:
    form: str
    lang: str
    position: str  # "before" or "after" the name
    kind: str


@dataclass(frozen=True)
class SharedForm:
    """A name form that several entries carry, and how a reader tells them apart."""

    form: str
    ids: tuple[str, ...]
    note: str
    # For each id, entries whose presence in the same document points to it.
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False)


@dataclass
class Authority:
    entities: dict[str, Entity]
    titles: list[Title]
    shared: dict[str, SharedForm]  # by name_key of the form
    problems: list[AuthorityProblem]

    def __len__(self) -> int:
        return len(self.entities)


def load_authority(dossier: Path | None = None) -> Authority:
    """The shipped authority file, plus the dossier's `authority.tsv` when there is one."""
    problems: list[AuthorityProblem] = []
    entities: dict[str, Entity] = {}
    # When each entry was read (a dossier's replacement counts from its own row): a problem
    # between two rows is reported at the later one, the row that brought it in.
    loaded: dict[str, int] = {}
    sequence = itertools.count()
    package = resources.files("vesika.data").joinpath("authority")
    for name in ENTITY_FILES:
        text = _shipped(package, name)
        for entity in _read_entities(f"authority/{name}", text, problems):
            if entity.id in entities:
                problems.append(AuthorityProblem(
                    f"authority/{name}", int(entity.origin.rsplit(":", 1)[1]),
                    f"duplicate id {entity.id!r} (first at {entities[entity.id].origin});"
                    " this row is ignored"))
                continue
            entities[entity.id] = entity
            loaded[entity.id] = next(sequence)
    if dossier is not None:
        local = (dossier if dossier.is_dir() else dossier.parent) / DOSSIER_FILE
        if local.is_file():
            seen: set[str] = set()
            text = local.read_text(encoding="utf-8-sig")
            for entity in _read_entities(str(local), text, problems):
                if entity.id in seen:
                    problems.append(AuthorityProblem(
                        str(local), int(entity.origin.rsplit(":", 1)[1]),
                        f"duplicate id {entity.id!r}; this row is ignored"))
                    continue
                seen.add(entity.id)
                entities[entity.id] = entity  # a dossier's own entry replaces the shipped one
                loaded[entity.id] = next(sequence)
    titles = _read_titles(_shipped(package, "titles.tsv"), problems)
    shared = _read_shared(_shipped(package, "ambiguous.tsv"), entities, problems)
    _check_shared_forms(entities, shared, problems, loaded)
    return Authority(entities, titles, shared, problems)


def _shipped(package, name: str) -> str:
    path = package.joinpath(name)
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _rows(path: str, text: str, problems: list[AuthorityProblem],
          columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row; a header missing a column is one problem."""
    numbered = [(i, line) for i, line in enumerate(text.splitlines(), 1)
                if line.strip() and not line.startswith("#")]
    if not numbered:
        return []
    header_line, header = numbered[0]
    names = header.split("\t")
    missing = [c for c in columns if c not in names]
    if missing:
        problems.append(AuthorityProblem(path, header_line,
                                         f"header lacks column(s) {', '.join(missing)}"))
        return []
    out = []
    for line_no, line in numbered[1:]:
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) != len(names):
            problems.append(AuthorityProblem(
                path, line_no, f"{len(cells)} fields, the header has {len(names)}"))
            cells = (cells + [""] * len(names))[: len(names)]
        out.append((line_no, {k: v.strip() for k, v in zip(names, cells, strict=True)}))
    return out


def _read_entities(path: str, text: str, problems: list[AuthorityProblem]) -> list[Entity]:
    out = []
    for line_no, row in _rows(path, text, problems, COLUMNS):
        def bad(message: str, line_no: int = line_no) -> None:
            problems.append(AuthorityProblem(path, line_no, message))

        entity_id = row["id"]
        if not entity_id:
            bad("missing id; row ignored")
            continue
        if not _ID.match(entity_id):
            bad(f"id {entity_id!r} is not lowercase ASCII words joined by '-'; row ignored")
            continue
        if row["type"] not in TYPES:
            bad(f"{entity_id}: type {row['type']!r} is not one of {', '.join(sorted(TYPES))};"
                " row ignored")
            continue
        qid = row["qid"]
        if qid and not _QID.match(qid):
            bad(f"{entity_id}: invalid Wikidata QID {qid!r}; left out")
            qid = ""
        if not row["source"]:
            bad(f"{entity_id}: no source")
        forms = _parse_forms(row["forms"], entity_id, bad)
        if row["name"] and not any(f.text == row["name"] for f in forms):
            forms.append(NameForm(row["name"], "en"))
        if not forms:
            bad(f"{entity_id}: no name and no forms; row ignored")
            continue
        out.append(Entity(
            id=entity_id, type=row["type"], name=row["name"] or forms[0].text, forms=forms,
            qid=qid, dates=_parse_date(row["dates"], entity_id, "dates", bad),
            roles=_parse_roles(row["roles"], entity_id, bad), source=row["source"],
            note=row["note"], origin=f"{path}:{line_no}"))
    return out


def _parse_date(text: str, entity_id: str, what: str, bad) -> FuzzyDate | None:
    if not text:
        return None
    try:
        return parse_edtf(text)
    except (DateError, ValueError) as exc:
        bad(f"{entity_id}: invalid date in {what} {text!r} ({exc}); left out")
        return None


def _parse_forms(text: str, entity_id: str, bad) -> list[NameForm]:
    forms = []
    for item in (p.strip() for p in text.split("|")):
        if not item:
            continue
        lang, sep, form = item.partition(":")
        if not sep or lang not in LANGS:
            bad(f"{entity_id}: name form {item!r} lacks a language tag"
                f" ({', '.join(sorted(LANGS))}); left out")
            continue
        form, _, valid = form.partition("@")
        form = form.strip()
        if not form:
            continue
        when = _parse_date(valid.strip(), entity_id, f"form {form!r}", bad) if valid else None
        forms.append(NameForm(form, lang, when))
    return forms


def _parse_roles(text: str, entity_id: str, bad) -> list[Role]:
    roles = []
    for item in (p.strip() for p in text.split("|")):
        if item:
            title, _, when = item.partition("@")
            roles.append(Role(title.strip(), _parse_date(when.strip(), entity_id,
                                                         f"role {title.strip()!r}", bad)))
    return roles


def _read_titles(text: str, problems: list[AuthorityProblem]) -> list[Title]:
    titles = []
    path = "authority/titles.tsv"
    for line_no, row in _rows(path, text, problems, ("form", "lang", "position", "kind")):
        if not row["form"] or row["position"] not in ("before", "after"):
            problems.append(AuthorityProblem(
                path, line_no, "a title needs a form and a position (before or after)"))
            continue
        titles.append(Title(row["form"], row["lang"], row["position"], row["kind"]))
    return titles


def _read_shared(text: str, entities: dict[str, Entity],
                 problems: list[AuthorityProblem]) -> dict[str, SharedForm]:
    shared: dict[str, SharedForm] = {}
    path = "authority/ambiguous.tsv"
    for line_no, row in _rows(path, text, problems, ("form", "ids", "note")):
        ids = tuple(i.strip() for i in row["ids"].split("|") if i.strip())
        unknown = [i for i in ids if i not in entities]
        if unknown:
            problems.append(AuthorityProblem(path, line_no,
                                             f"unknown id(s) {', '.join(unknown)}"))
        if not row["note"]:
            problems.append(AuthorityProblem(path, line_no,
                                             f"{row['form']!r}: no note on how to tell apart"))
        cues: dict[str, tuple[str, ...]] = {}
        for part in (p.strip() for p in row.get("cues", "").split(";")):
            target, _, cue_ids = part.partition("=")
            if target.strip():
                cues[target.strip()] = tuple(c.strip() for c in cue_ids.split(",") if c.strip())
        shared[name_key(row["form"])] = SharedForm(row["form"], ids, row["note"], cues)
    return shared


def _check_shared_forms(entities: dict[str, Entity], shared: dict[str, SharedForm],
                        problems: list[AuthorityProblem], loaded: dict[str, int]) -> None:
    """A form carried by two entries must be listed in ambiguous.tsv (with a note). The
    problem is reported at the entry read last, the row that brought the clash in: a dossier's
    row rather than the shipped one it repeats, the later of two rows of one file."""
    owners: dict[str, dict[str, Entity]] = defaultdict(dict)
    for entity in entities.values():
        for form in entity.forms:
            owners[name_key(form.text)][entity.id] = entity
    for key, by_id in sorted(owners.items()):
        if len(by_id) > 1 and key not in shared:
            later = max(by_id.values(), key=lambda e: loaded[e.id])
            path, _, line = later.origin.rpartition(":")
            problems.append(AuthorityProblem(
                path, int(line),
                f"name form {next(f.text for f in later.forms if name_key(f.text) == key)!r}"
                f" is shared by {', '.join(sorted(by_id))} without a note in ambiguous.tsv;"
                " mentions of it are left ambiguous"))
