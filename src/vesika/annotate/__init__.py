"""Annotate: independent annotators over a document's clean text (dates first)."""
