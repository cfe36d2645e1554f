"""YAML front matter: the document's metadata, written by the historian above its text.

    ---
    id: birinci-teklifname
    date: "1920-04-26"
    language: ota-Latn
    ---
    1 — Emperyalist hükümetler aleyhine ...
"""

from __future__ import annotations

import logging
import re
from typing import Any

import yaml

from vesika.ingest.errors import IngestError
from vesika.model import META_FIELDS, DateError, DocumentMeta, FuzzyDate, parse_edtf

log = logging.getLogger(__name__)

_FENCE = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M
)
_LIST_FIELDS = ("translation_of", "copy_of", "responds_to", "quotes")
_SLUG = re.compile(r"^[\w][\w.\-]*$")


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text: we read them as EDTF ourselves, so that
    `1920-02-30` is reported as an impossible date with its line, not a Python ValueError."""


_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (yaml source or None, body, character offset of the body in `text`)."""
    m = _FENCE.match(text)
    if not m:
        return None, text, 0
    return m.group(1), text[m.end() :], m.end()


def load_yaml(yaml_src: str) -> Any:
    """Front matter as plain data, dates left as text (the loader `parse_meta` uses)."""
    return yaml.load(yaml_src, Loader=_Loader)  # a SafeLoader subclass


def parse_meta(yaml_src: str | None, *, default_id: str, path: str) -> DocumentMeta:
    """Validate front matter into a DocumentMeta; errors name the file and the line."""
    data: dict[str, Any] = {}
    if yaml_src is not None:
        try:
            loaded = yaml.load(yaml_src, Loader=_Loader)  # a SafeLoader subclass
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            # +1: YAML lines are 0-based; +1 more for the opening `---` fence.
            line = mark.line + 2 if mark is not None else None
            raise IngestError(path, f"broken YAML front matter: {exc.problem}", line) from exc
        except yaml.YAMLError as exc:
            raise IngestError(path, f"broken YAML front matter: {exc}") from exc
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            raise IngestError(path, "front matter must be a mapping of keys to values", 2)
        data = loaded
    line_of = _key_lines(yaml_src or "")
    meta = DocumentMeta(id=str(data.get("id") or default_id))
    if not _SLUG.match(meta.id):
        raise IngestError(path, f"id {meta.id!r} must be a slug (letters, digits, - _ .)",
                          line_of.get("id"))
    for key, value in data.items():
        if key == "id":
            continue
        if key not in META_FIELDS:
            meta.extra[str(key)] = value
            continue
        if key == "date":
            meta.date = _parse_date(value, path, line_of.get("date"))
        elif key in _LIST_FIELDS:
            setattr(meta, key, _as_list(value, key, path, line_of.get(key)))
        elif value is None:
            continue
        elif isinstance(value, (dict, list)):
            raise IngestError(path, f"{key}: expected text, got a {type(value).__name__}",
                              line_of.get(key))
        else:
            setattr(meta, key, str(value).strip())
    return meta


def _parse_date(value: Any, path: str, line: int | None) -> FuzzyDate | None:
    if value is None or value == "":
        return None
    try:
        return parse_edtf(str(value))
    except DateError as exc:
        raise IngestError(path, f"date {value!r}: {exc}", line) from exc


def _as_list(value: Any, key: str, path: str, line: int | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
        return [str(v) for v in value]
    raise IngestError(path, f"{key}: expected a document id or a list of ids", line)


def _key_lines(src: str) -> dict[str, int]:
    """File line of each top-level key (the fence is line 1), for error messages."""
    out: dict[str, int] = {}
    for i, line in enumerate(src.splitlines()):
        m = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if m and m.group(1) not in out:
            out[m.group(1)] = i + 2
    return out
