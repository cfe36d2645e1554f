"""Language-aware text folding for search and matching.

`fold` maps text to a canonical form in which the spellings a reader treats as "the same word"
coincide. The dossiers mix Turkish (modern and Ottoman transcription), English, French and
Russian, and the person searching types on whatever keyboard is at hand, so folding errs on the
side of recall:

* Case. Turkish has two i's (ı/I and i/İ). Folding Turkish-style (I -> ı) would make an English
  ``I`` or ``Istanbul`` typed on a non-Turkish keyboard miss ``i``; folding the Unicode default
  way turns ``İ`` into ``i`` + combining dot. We fold all four, ``ı i I İ``, to ``i``:
  ``Istanbul``, ``İstanbul``, ``ıstanbul`` and ``istanbul`` all meet. Cost: ``kır``/``kir``
  collide, which a searcher sorts out from the snippet.
* Diacritics. Circumflexes and macrons of Ottoman transcription (``â î û``, ``ā ī ū``) and
  the dots of ``ḥ ṣ ṭ`` go, and so do the Turkish letters' marks: ``ç ş ğ ö ü`` -> ``c s g o u``.
  Names reach us as ``Çiçerin``, ``Cicerin`` and ``Chicherin`` from different hands, and a query
  typed without a Turkish layout must still find ``Çiçerin’in``. Cost: ``öldü``/``oldu``
  collide; the snippet shows which one was meant.
* Apostrophes. ``’ ' ʼ ‘`` (and the prime, grave and acute used in their place) separate words:
  Turkish writes a suffix on a proper name after an apostrophe, so ``Karabekir’in`` yields the
  tokens ``karabekir`` + ``in``. The transcription letters ``ʾ ʿ`` (hamza, ayn) are deleted
  instead, because they stand inside a word: ``Kaʿbe`` -> ``kabe``.
* Compatibility forms. NFKD turns ligatures (``ﬁ``), full-width and superscript forms into
  plain letters; ``ß æ œ ø ł đ`` fold to ``ss ae oe o l d``. Soft hyphens and zero-width
  characters, debris of PDF text layers, are deleted; so are Arabic harakat and the tatweel.
* Cyrillic is only lowercased, with ``ё`` -> ``е`` (as Russian print mostly writes it):
  ``й`` is a letter of its own, not ``и`` with a mark.

Speed matters (the ingest benchmark folds 50 MB): `fold` is one ``str.translate`` over a table
that holds the common scripts precomputed and computes any other character once, on first
sight, through NFKD. Change `FOLD_VERSION` whenever the output of `fold` changes: the store
keeps folded text and refolds it when the version differs.
"""

from __future__ import annotations

import re
import unicodedata

# The Unicode tables of the running Python are part of the version: NFKD and lowercasing of
# rare characters change between Unicode versions.
FOLD_VERSION = f"1+unicode-{unicodedata.unidata_version}"

# Characters that separate words (see the module docstring for why apostrophes do).
_SEPARATORS = "'’‘ʼ‛′`´"
# Characters that vanish: soft hyphen, zero-width space/joiners, word joiner, BOM, hamza and
# ayn of transcription, the Arabic tatweel.
_DELETED = "\u00ad\u200b\u200c\u200d\u2060\ufeffʾʿ\u0640"
_SPECIAL = {
    "ı": "i", "I": "i", "İ": "i", "i": "i",
    "ё": "е", "Ё": "е",
    "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
    "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ħ": "h", "Ħ": "h", "ς": "σ",
}
_RULED = frozenset(_SEPARATORS) | frozenset(_DELETED) | frozenset(_SPECIAL)
# Combining marks removed after NFKD. Only the generic diacritic blocks and the Arabic
# harakat: the vowel signs and viramas of Indic scripts are parts of letters, not accents.
_MARK_RANGES = (
    (0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F),
    (0x064B, 0x065F), (0x0670, 0x0670),
)
# Scripts left to plain lowercasing: Cyrillic (й is a letter), Hangul syllables (NFKD would
# spell them out as jamo).
_LOWER_ONLY = ((0x0400, 0x052F), (0x1C80, 0x1C8F), (0xAC00, 0xD7A3))
# Ranges folded eagerly at import: Latin, IPA/modifier letters, combining marks, Greek,
# Cyrillic, Arabic, Latin Extended Additional (transcription), Greek Extended, punctuation.
_EAGER = ((0x0000, 0x0700), (0x1E00, 0x2070))


def _in(cp: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(lo <= cp <= hi for lo, hi in ranges)


def _fold_char(ch: str) -> str:
    """Fold one code point; the result has no characters that fold further."""
    if ch in _SEPARATORS:
        return " "
    if ch in _DELETED:
        return ""
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    cp = ord(ch)
    if _in(cp, _MARK_RANGES):
        return ""
    lower = ch.lower()
    if _in(cp, _LOWER_ONLY):
        return lower
    parts = []
    for c in unicodedata.normalize("NFKD", lower):
        if _in(ord(c), _MARK_RANGES):
            continue
        c = c.lower()
        # A decomposition may yield a character with its own rule (ŉ -> ʼn); those rules
        # return before reaching here, so this recursion is one level deep.
        parts.append(_fold_char(c) if c in _RULED else c)
    return "".join(parts)


class _FoldTable(dict[int, str]):
    """Translation table that folds a code point outside the eager ranges on first sight."""

    def __missing__(self, cp: int) -> str:
        folded = _fold_char(chr(cp))
        self[cp] = folded
        return folded


_TABLE = _FoldTable()
for _lo, _hi in _EAGER:
    for _cp in range(_lo, _hi):
        _TABLE[_cp] = _fold_char(chr(_cp))

_OUTSIDE_EAGER = re.compile(
    "[^" + "".join(f"\\U{lo:08x}-\\U{hi - 1:08x}" for lo, hi in _EAGER) + "]"
)
# Precomputed characters that fold to nothing or to more than one character.
_IRREGULAR = re.compile(
    "[" + "".join(re.escape(chr(cp)) for cp, f in sorted(_TABLE.items()) if len(f) != 1) + "]"
)
_TOKEN = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Fold `text` for search and matching (see the module docstring for the rules).

    The result is lowercase, free of diacritics, with apostrophes turned into spaces. It is not
    always as long as `text` (``ß`` -> ``ss``, soft hyphens vanish): use `fold_with_offsets`
    to map a position in the folded text back.
    """
    if text.isascii():
        # Fast path: only case and apostrophes matter.
        return text.lower().replace("'", " ").replace("`", " ")
    if not unicodedata.is_normalized("NFC", text):
        # Decomposed input (e + U+0301) must fold like its precomposed form (é).
        text = unicodedata.normalize("NFC", text)
    return text.translate(_TABLE)


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold `text` and say where each folded character comes from.

    Returns ``(folded, origin)`` with ``len(origin) == len(folded) + 1``: ``origin[i]`` is the
    index in `text` of the character that produced ``folded[i]``, and the last entry is
    ``len(text)``. A folded span ``[a, b)`` covers ``text[origin[a] : origin[b - 1] + 1]``.
    Unlike `fold`, the input is not NFC-normalised first (offsets must stay in `text`), so a
    decomposed Cyrillic letter may fold differently; everything else folds the same.
    """
    if _OUTSIDE_EAGER.search(text):
        return _fold_with_offsets_per_char(text)
    # Every character has a precomputed fold: only the few that do not fold to exactly one
    # character need attention (search folds each hit's text, so this is on the query path).
    origin: list[int] = []
    pos = 0
    for m in _IRREGULAR.finditer(text):
        i = m.start()
        origin.extend(range(pos, i))
        origin.extend([i] * len(_TABLE[ord(text[i])]))
        pos = i + 1
    origin.extend(range(pos, len(text) + 1))
    return text.translate(_TABLE), origin


def _fold_with_offsets_per_char(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    origin: list[int] = []
    table = _TABLE
    for i, ch in enumerate(text):
        folded = table[ord(ch)]
        if len(folded) == 1:
            out.append(folded)
            origin.append(i)
        elif folded:
            out.append(folded)
            origin.extend([i] * len(folded))
    origin.append(len(text))
    return "".join(out), origin


def tokens(text: str) -> list[str]:
    """The words of `text` after folding (runs of letters and digits)."""
    return _TOKEN.findall(fold(text))


# Phrase quotes a user may type or paste: ASCII and typographic double quotes, guillemets.
_PHRASE = re.compile(r"[\"“”„«»]([^\"“”„«»]*)(?:[\"“”„«»]|$)")


def fold_query(query: str) -> list[tuple[str, ...]]:
    """Split a user's search query into folded terms; all terms must match.

    Each term is a tuple of folded tokens that must appear next to each other: a quoted phrase
    (an unclosed quote runs to the end of the query), or a single typed word that folding
    splits (``Karabekir’in`` -> ``("karabekir", "in")``, ``a:b`` -> ``("a", "b")``). Operators
    and punctuation carry no meaning: ``AND`` is just the word ``and``. Duplicate terms are
    dropped; the order of first appearance is kept.
    """
    terms: list[tuple[str, ...]] = []
    pos = 0
    for m in _PHRASE.finditer(query):
        for word in query[pos : m.start()].split():
            terms.append(tuple(tokens(word)))
        terms.append(tuple(tokens(m.group(1))))
        pos = m.end()
    for word in query[pos:].split():
        terms.append(tuple(tokens(word)))
    return list(dict.fromkeys(t for t in terms if t))
