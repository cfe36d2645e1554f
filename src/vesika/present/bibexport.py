"""The bibliography in the formats reference managers import: CSL-JSON and BibTeX (Zotero,
JabRef, Citavi and pandoc read both)."""

from __future__ import annotations

import json
import re

from vesika.link.bibliography import Bibliography, Work

# vesika's work types to CSL types (citationstyles.org, CSL 1.0.2 specification, "Types").
_CSL_TYPES = {"book": "book", "article": "article-journal", "report": "report",
              "archival": "manuscript", "document": "document"}
# ... and to BibTeX entry types (BibTeX/biblatex manuals; @misc for what has no type of its own).
_BIBTEX_TYPES = {"book": "book", "article": "article", "report": "techreport",
                 "archival": "misc", "document": "misc"}


def _names(work: Work) -> list[dict[str, str]]:
    author = work.fields.get("author", "")
    if not author:
        return []
    if work.type == "archival":
        return [{"literal": author}]
    # Authors are listed with commas, the last two joined by "and" in the language of the
    # reference (ve, et, und, и).
    people = re.split(r"\s+(?:ve|and|&|et|und|и)(?!\s+al\.)\s+|,\s+", author)
    out = []
    for i, person in enumerate(people):
        words = person.split()
        given = work.fields.get("given", "") if i == 0 and len(words) == 1 else \
            " ".join(words[:-1])
        out.append({"family": words[-1], **({"given": given} if given else {})})
    return out


def _role(work: Work) -> str:
    """The names are the work's authors, or its editors (``Jacques Godechot (éd.)``)."""
    return "editor" if work.fields.get("role") == "editor" else "author"


def _year(work: Work) -> int | None:
    m = re.match(r"\d{4}", work.fields.get("year", ""))
    return int(m.group()) if m else None


def to_csl_json(bibliography: Bibliography) -> str:
    items = []
    for work in bibliography.works.values():
        f = work.fields
        item: dict[str, object] = {"id": work.key, "type": _CSL_TYPES.get(work.type, "document")}
        names = _names(work)
        if names:
            item[_role(work)] = names
        for csl, ours in (("title", "title"), ("container-title", "container"),
                          ("volume", "volume"), ("issue", "issue"), ("publisher", "publisher"),
                          ("publisher-place", "place"), ("edition", "edition")):
            if f.get(ours) and not (csl == "container-title" and work.type == "archival"):
                item[csl] = f[ours]
        if work.type == "archival":
            item["archive"] = f.get("container", "")
        if f.get("translator"):
            item["translator"] = [{"literal": f["translator"]}]
        year = _year(work)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", f.get("date", "")):
            item["issued"] = {"date-parts": [[int(x) for x in f["date"].split("-")]]}
        elif year:
            item["issued"] = {"date-parts": [[year]]}
        pages = sorted({c.pages for _, c in work.cited if c.pages})
        if pages:
            item["note"] = "cited at pp. " + "; ".join(pages)
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _bibtex_value(value: str) -> str:
    # Braces protect capitals and keep the value literal; a stray brace would break the file.
    value = value.replace("\\", "\\textbackslash{}").replace("{", "\\{").replace("}", "\\}")
    return "{" + value.replace("%", "\\%").replace("&", "\\&").replace("#", "\\#") + "}"


def to_bibtex(bibliography: Bibliography) -> str:
    entries = []
    for work in bibliography.works.values():
        f = work.fields
        fields: list[tuple[str, str]] = []
        names = _names(work)
        if names:
            fields.append((_role(work), " and ".join(
                n.get("literal") or ", ".join(p for p in (n["family"], n.get("given", "")) if p)
                for n in names)))
        for key, ours in (("title", "title"), ("journal", "container"), ("volume", "volume"),
                          ("number", "issue"), ("publisher", "publisher"),
                          ("address", "place"), ("edition", "edition"),
                          ("translator", "translator")):
            if f.get(ours) and not (key == "journal" and work.type != "article"):
                fields.append((key, f[ours]))
        if work.type == "report" and f.get("publisher"):
            fields.append(("institution", f["publisher"]))
        if work.type == "archival" and f.get("container"):
            fields.append(("howpublished", f["container"]))
        year = _year(work)
        if year:
            fields.append(("year", str(year)))
        if f.get("date"):
            fields.append(("date", f["date"]))  # biblatex; BibTeX ignores it
        body = ",\n".join(f"  {k} = {_bibtex_value(v)}" for k, v in fields)
        entries.append(f"@{_BIBTEX_TYPES.get(work.type, 'misc')}{{{work.key},\n{body}\n}}\n")
    return "% written by vesika; UTF-8\n\n" + "\n".join(entries)
