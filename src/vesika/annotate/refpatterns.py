"""The patterns of full references, built once per language from the vocabulary
(`refterms.py`): locators, volumes and issues, editors and translators, the part of a larger
work (``in:``, ``dans``), and the shapes of imprints and journals. Shared by `fullrefs.py` (the
shapes read whole: records, Chicago books and journals, GOST) and `fieldrefs.py` (a reference
read field by field)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from vesika.annotate.refparts import FOLLOWING, PAGE_RANGE, YEAR, locator_terms
from vesika.annotate.refterms import Terms, terms

PUBLISHER_WORD = re.compile(
    r"Bas[ıi]mevi|Yay[ıi]nlar[ıi]|Yay\.|Kitabevi|Matbaas[ıi]|Press|Presses|Publish|Verlag|"
    r"Éditions|Editions|Office|Yayınevi|Kurumu|TTK\b|Издательство|Изд-во", re.IGNORECASE)
EDITION = re.compile(r"^\d+\.\s*(?:Baskı|Bsk\.?|ed\.?|edition|Auflage)$", re.IGNORECASE)
# A quoted title, perhaps with a subtitle in parentheses after it.
QUOTED = re.compile(r"^[“\"«‘'](?P<t>.+?)[”\"»’'](?P<after>\s*\(.*\))?$", re.DOTALL)
# A numbered sitting or session after the body's name ("183. Plenarsitzung", "12e séance",
# "3rd session"): the record cited, no part of the series.
NUMBERED_SITTING = re.compile(r"^\d+(?:\.|e|er|re|st|nd|rd|th)?\s+[^\W\d_]")
# The journal a part is in, German style: "Historische Zeitschrift 169 (1949)".
JOURNAL_VOLUME = re.compile(rf"^(?P<container>[^\d()]+?)\s+(?P<volume>\d+)\s*\((?P<year>{YEAR})\)$")
SLASH_ISSUE = re.compile(r"^(?P<v>\d+)/(?P<i>\d+)\s*\((?P<y>" + YEAR + r")\)$")
# A journal article (Chicago notes): Author, “Title,” Journal 8, no. 3 (1988): 223–251.
JOURNAL = re.compile(
    r"^(?P<author>[^“\"]+?),\s*[“\"](?P<title>.+?),?[”\"]\s*(?P<container>[^,()“”]+?)\s+"
    rf"(?P<volume>\d+)(?:,\s*no\.\s*(?P<issue>\d+))?\s*\((?P<year>{YEAR})\)"
    r"(?::\s*(?P<pages>[\d–\-, ]+))?\.?$")
# A book's imprint in parentheses (Chicago notes): "(Chapel Hill: University of North Carolina
# Press, 1955)", "(Washington, 1846)".
IMPRINT = re.compile(r"\((?P<place>[^():;]+?)(?::\s*(?P<publisher>[^()]+?))?,\s*"
                     rf"(?P<year>{YEAR})\)")
# "Stuttgart: Klett-Cotta, 1975" as one field: place, publisher, perhaps the year.
COLON_IMPRINT = re.compile(
    rf"(?P<place>[^:]+?)\s*:\s*(?P<publisher>[^:]+?)(?:,?\s+(?P<year>{YEAR}))?")
# Lower-case words a place name may hold: Frankfurt am Main, Frankfurt a. M., Stratford-upon-
# Avon, Boulogne-sur-Mer, Rio de Janeiro.
PLACE_PARTICLES = frozenset({"am", "an", "der", "a.", "upon", "on", "sur", "en", "de", "la",
                             "le", "del", "di", "bei", "im", "in", "i"})


@dataclass(frozen=True)
class _Patterns:
    pages: re.Pattern[str]  # a locator at the end: ", p. 12", " S. 12-14"
    locator: re.Pattern[str]
    volume: re.Pattern[str]
    issue: re.Pattern[str]
    translator: re.Pattern[str]
    editor_field: re.Pattern[str]
    within: re.Pattern[str]  # ", in …", ", dans …": a part inside a larger work
    within_field: re.Pattern[str]  # the field "in: Historische Zeitschrift 169 (1949)"
    container_editors: re.Pattern[str]  # "dans Dale Van Kley (dir.)", "in J. Smith, ed."
    gost: re.Pattern[str]


def patterns(t: Terms) -> _Patterns:
    return _patterns(t.lang)


@lru_cache(maxsize=16)
def _patterns(lang: str) -> _Patterns:
    t = terms(lang)
    page = locator_terms(t.page)
    volume_terms = "|".join(
        # A one-letter abbreviation needs its full stop (t. VIII, C. 44); a word need not.
        (re.escape(w[:-1]) + r"\s*\." if len(w.rstrip(".")) == 1 and w.endswith(".")
         else re.escape(w.rstrip(".")) + r"\s*[.:]?") for w in t.words["volume"])
    issue_terms = "|".join(re.escape(w.rstrip(".")) + (r"\s*\." if len(w.rstrip(".")) == 1
                                                        else r"\s*[.:]?")
                           for w in t.words["issue"])
    author = r"[^\W\d_][\w\-]+(?:\s+[^\W\d_]\.){1,2}"  # Тарле Е. В.
    within = "|".join(re.escape(w) for w in t.words["in"])
    return _Patterns(
        pages=re.compile(rf"(?:^|,\s*|\s)(?:{page})(?P<pages>{PAGE_RANGE})\s*\.?$"),
        locator=re.compile(
            rf"^(?:(?:{volume_terms})\s*(?P<vol1>[\dIVXLC]+)[,.]\s*)?(?:(?:{page}))?"
            r"(?:(?P<vol>\d+):\s*)?"
            rf"(?P<pages>[\dxivlc]+(?:\s*[-–]\s*[\dxivlc]+)?{FOLLOWING}"
            rf"(?:\s*,\s*[\dxivlc]+(?:\s*[-–]\s*[\dxivlc]+)?{FOLLOWING})*)\.?$"),
        volume=re.compile(rf"(?<!\w)(?:{volume_terms})\s*(?P<v>[0-9IVXLC]+)\b"
                          r"|\b(?P<v2>[0-9IVXLC]+)\.\s*Cilt\b"),
        issue=re.compile(rf"(?<!\w)(?:{issue_terms})\s*(?P<i>\d+)\b"),
        translator=re.compile(rf"^(?:{t.translator})\s*", re.IGNORECASE),
        editor_field=re.compile(rf"^(?:{t.editor})\s+"),
        within=re.compile(rf",\s+(?:{within})\s+"),
        within_field=re.compile(rf"^(?:{within})\s+(?P<rest>.+)$"),
        container_editors=re.compile(rf"(?:{within})\s+.+?(?:\((?:{t.editor})\)|,?\s+(?:{t.editor}))$"),
        gost=re.compile(
            rf"^(?P<author>{author})\s+(?P<title>.+?)\.\s*(?:[–—-]\s*)?"
            rf"(?:(?:{volume_terms})\s*(?P<volume>[\dIVXLC]+)\.\s*(?:[–—-]\s*)?)?"
            rf"(?P<place>{t.place}|[^\W\d_][\w\-]+(?:[ -][^\W\d_][\w\-]+)?)\s*:\s*"
            rf"(?P<publisher>[^,:]+?),\s*(?P<year>{YEAR})\b(?P<rest>.*)$"),
    )
