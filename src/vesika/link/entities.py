"""Entities over a dossier: every mention linked to the authority file, the names it does not
know, conflicting spellings (finding V301) and the actor network."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from vesika.annotate.authority import Authority, load_authority
from vesika.annotate.names import Mention, NameFinder, resolve
from vesika.annotate.unknown import unknown_names
from vesika.lang.detect import detect_language
from vesika.lang.namekey import name_key
from vesika.link.network import Network, build_network
from vesika.link.variants import author_variants, name_variants
from vesika.model import Document
from vesika.store import Store

SCHEMA = "vesika.entities/1"


@dataclass
class DocumentEntities:
    doc: Document
    mentions: list[Mention]
    unknown: list[tuple[int, int, str]]


@dataclass
class EntityIndex:
    authority: Authority
    documents: list[DocumentEntities]
    findings: list[dict[str, Any]] = field(default_factory=list)
    network: Network | None = None

    def mentions(self) -> list[Mention]:
        return [m for d in self.documents for m in d.mentions]

    def unknown(self) -> list[dict[str, Any]]:
        """Unknown names by frequency: each with its count and the documents it occurs in."""
        counts: Counter[str] = Counter()
        spelled: dict[str, Counter[str]] = defaultdict(Counter)
        where: dict[str, list[str]] = defaultdict(list)
        for d in self.documents:
            for _, _, text in d.unknown:
                key = name_key(text)
                counts[key] += 1
                spelled[key][text] += 1
                if d.doc.id not in where[key]:
                    where[key].append(d.doc.id)
        ranked = sorted(counts, key=lambda k: (-counts[k], k))
        return [{"text": spelled[k].most_common(1)[0][0], "count": counts[k], "docs": where[k]}
                for k in ranked]

    def to_json(self) -> dict[str, Any]:
        by_entity: dict[str, list[Mention]] = defaultdict(list)
        ambiguous = []
        for m in self.mentions():
            if m.entity:
                by_entity[m.entity].append(m)
            else:
                ambiguous.append(m)
        entities = []
        for entity_id in sorted(by_entity, key=lambda i: (-len(by_entity[i]), i)):
            entity = self.authority.entities[entity_id]
            entities.append({**entity.to_json(),
                             "mentions": [m.to_json() for m in by_entity[entity_id]]})
        return {
            "schema": SCHEMA,
            "entities": entities,
            "ambiguous": [m.to_json() for m in ambiguous],
            "unknown": self.unknown(),
            "findings": self.findings,
            "network": self.network.to_json() if self.network else None,
            "authority_problems": [p.to_json() for p in self.authority.problems],
        }


def index_documents(documents: list[Document], authority: Authority,
                    finder: NameFinder | None = None) -> EntityIndex:
    """Find, resolve and check the names of `documents` against `authority`."""
    finder = finder or NameFinder(authority)
    title_keys = frozenset(name_key(t.form) for t in authority.titles)
    per_doc = []
    for doc in documents:
        # Suffix rules depend on the language: a file without metadata gets a detected one.
        language = doc.meta.language or detect_language(doc.clean_text)
        found = finder.find(doc.clean_text, language)
        mentions = [replace(m, doc=doc.id) for m in resolve(found, authority, doc.meta.date)]
        covered = [(m.start, m.end) for m in mentions]
        unknown = [(u.start, u.end, u.text) for u in
                   unknown_names(doc.clean_text, language, covered, title_keys)]
        per_doc.append(DocumentEntities(doc, mentions, unknown))
    index = EntityIndex(authority, per_doc)
    for d in per_doc:
        index.findings.extend(name_variants(d.doc, d.mentions, d.unknown, authority))
    by_author: dict[str, list[DocumentEntities]] = defaultdict(list)
    for d in per_doc:
        if d.doc.meta.author:
            by_author[" ".join(d.doc.meta.author.split())].append(d)
    for author, docs in sorted(by_author.items()):
        if len(docs) > 1:
            index.findings.extend(author_variants(
                author, [m for d in docs for m in d.mentions], authority, index.findings))
    index.network = build_network(per_doc, finder, authority)
    return index


def entities_from_store(store: Store, dossier: Path | None) -> EntityIndex:
    """The entity index of every document in a dossier's store."""
    authority = load_authority(dossier)
    documents = [store.load_document(doc_id) for doc_id in store.document_ids()]
    return index_documents(documents, authority)
