"""Names the authority file does not know: capitalised word runs that no mention covers.

A historian extends the authority file from this list, so it should hold names and little else.
Capitals that are not names are left out: the sentence's first word when it is an ordinary word,
ordinary words capitalised by legal or German style (``State``, ``Law``) when they stand alone,
titles (``Paşa``, ``Major``), Roman numerals and all-capital headings of ordinary words.
Whether a word is ordinary is asked of wordfreq (Zipf frequency, Speer et al.), in the document's
language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from wordfreq import zipf_frequency

from vesika.annotate.dates import is_month_name
from vesika.lang.namekey import name_key
from vesika.lang.words import turkish_lower

# A word, with an apostrophe suffix kept apart (Karabekir’in -> Karabekir + ’in).
_WORD = re.compile(r"([^\W\d_][\w\-]*?)(?:['’][^\W\d_]+)?(?=[^\w\-'’]|$)")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
# A run of capitalised words may be joined by these (Rhode Island and Providence Plantations
# stays split: "and" is not a joiner; "de", "von" are, inside a name only).
_JOINERS = frozenset({"de", "du", "von", "van", "der", "ul", "ül", "el", "al", "bin", "ibn"})
# What may stand before a sentence's first word: an end of sentence, a paragraph start, an
# opening quotation mark, a clause number ("3 — Evvelâ", "(2) Padişahlık").
_SENTENCE_END = re.compile(r"(?:[.!?:;…]|^|\n)\s*[“\"'‘«(]*\s*$|(?:^|\s)\(?\d{1,3}\s*[—–\-.)]\s*$")
ORDINARY_ZIPF = 3.5  # at or above: an ordinary word of the language, not a name on its own


@dataclass(frozen=True)
class UnknownName:
    start: int
    end: int
    text: str


def _wordfreq_lang(language: str) -> str:
    lang = language.lower().split("-")[0]
    return "tr" if lang in ("tr", "ota") else (lang or "en")


@lru_cache(maxsize=65536)
def _ordinary(word: str, lang: str) -> bool:
    lower = turkish_lower(word) if lang == "tr" else word.lower()
    return zipf_frequency(lower, lang) >= ORDINARY_ZIPF


def _edge_noise(word: str, lang: str) -> bool:
    """Not part of a name at the edge of a run: a joiner, a Roman numeral, a capitals heading."""
    return word.lower() in _JOINERS or bool(_ROMAN.match(word)) or is_month_name(
        re.split(r"[’']", word)[0]) or (word.isupper() and len(word) > 1 and _ordinary(word, lang))


def unknown_names(text: str, language: str, covered: Iterable[tuple[int, int]],
                  title_keys: frozenset[str]) -> list[UnknownName]:
    """Capitalised runs in `text` outside the `covered` spans (found mentions and titles)."""
    lang = _wordfreq_lang(language)
    # A word the text also writes in lower case is a common noun capitalised by position or
    # emphasis ("Hilâfet" beside "hilâfet"), not a name.
    lowercase = {name_key(w) for w in re.findall(r"(?<![\w’'])[^\W\d_A-ZÇĞİÖŞÜÂÎÛА-ЯЁ][\w\-]*",
                                                  text)}
    blocked = bytearray(len(text) + 1)
    for s, e in covered:
        blocked[s:e] = b"\x01" * (e - s)
    out: list[UnknownName] = []
    run: list[tuple[int, int, str, bool]] = []  # (start, end, word, sentence-initial)
    last_end = 0

    def flush() -> None:
        words = list(run)
        while words and ((words[0][3] and _ordinary(words[0][2], lang))
                         or _edge_noise(words[0][2], lang)):
            words.pop(0)
        while words and _edge_noise(words[-1][2], lang):
            words.pop()
        if not words:
            return
        if len(words) == 1:
            word = words[0][2]
            if _ordinary(word, lang) or len(word) < 2 or _ROMAN.match(word) \
                    or name_key(word) in lowercase or words[0][3]:
                return  # a one-word name is not told from a sentence's first word
        if name_key(text[words[0][0]:words[-1][1]]) in title_keys:
            return  # "Hariciye Vekili": an office, listed in titles.tsv
        out.append(UnknownName(words[0][0], words[-1][1], text[words[0][0] : words[-1][1]]))

    for m in _WORD.finditer(text):
        s, e = m.span(1)
        word = m.group(1)
        gap = text[last_end:s]
        capital = word[0].isupper() and not blocked[s] and not blocked[e - 1]
        if capital and name_key(word) in title_keys:
            capital = False
        joined = run and (gap == " ") and (capital or word.lower() in _JOINERS)
        if run and not joined:
            flush()
            run = []
        if capital or (run and word.lower() in _JOINERS):
            initial = not run and bool(_SENTENCE_END.search(text[max(0, s - 8) : s]) or s == 0)
            if word.isupper() and len(word) > 1 and _ordinary(word, lang):
                initial = True  # an all-capital heading word
            run.append((s, e, word, initial))
        last_end = m.end()
    if run:
        flush()
    return out
