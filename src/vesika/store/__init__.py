"""The dossier store: SQLite (WAL) holding documents, clauses, spans and a full-text index."""

from vesika.store.db import Store
from vesika.store.schema import SCHEMA_VERSION, SchemaError
from vesika.store.search import SNIPPET_MARKS, SearchHit

__all__ = ["SCHEMA_VERSION", "SNIPPET_MARKS", "SchemaError", "SearchHit", "Store"]
