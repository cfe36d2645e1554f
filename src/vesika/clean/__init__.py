"""Cleaning: raw extracted text -> clean text with an offset map back to the raw text.

Takes out what the printed page added (running headers and footers, page numbers, page-break
whitespace, footnote markers), moves footnotes after the body, resolves line-end hyphens and
trailing spaces, and keeps everything else: plain texts come through unchanged.
"""

from vesika.clean.pipeline import clean_text
from vesika.clean.result import Cleaned, Footnote

__all__ = ["Cleaned", "Footnote", "clean_text"]
