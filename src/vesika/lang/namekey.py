"""Character-for-character keys for finding names in text.

Unlike `vesika.lang.fold`, which may delete or expand characters, these keys map every character
to exactly one character, so a position in the key is the same position in the text and a match
needs no offset map.

* `name_key` is loose: lower case, the four Turkish i's as ``i``, every diacritic dropped
  (``Çiçerin`` = ``Cicerin``, ``Kâzım`` = ``Kazim``, ``Tchitchérine`` = ``Tchitcherine``),
  ``ё`` as ``е``, all apostrophes as ``'``, whitespace as a space, and any other punctuation but
  ``. '`` as a space: a name may then start only after a space. The apostrophe after a French
  elided word (``l’Assemblée``, ``d’Émile``: `data/vocabulary/elisions.tsv`) is a space too, so
  that the name after it starts a word (in the forms as in the text). The hyphen is a space too:
  names start after one (``Kars-Ardahan``, ``3-Arabistan``, ``Kemalist-Bolşevik``) and
  hyphenated forms (``Umur-u Hariciye``) match written either way.
* `letter_key` keeps the letters Turkish tells apart (``ç ğ ö ş ü``; the two i's stay one
  letter, as transcriptions mix them) and drops only circumflexes and case (whitespace and
  hyphens are spaces, as in `name_key`). A name with a suffix glued on without an apostrophe is
  accepted only when its letters agree this closely:
  ``Karsı`` (Kars + ı) is Kars, ``Karşı`` (opposite) is not.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

_APOSTROPHES = "'’‘ʼ‛′`´"
_KEPT_PUNCTUATION = ".'"
_I = {"I": "i", "İ": "i", "ı": "i", "i": "i"}


class _LooseTable(dict):
    def __missing__(self, cp: int) -> str:
        self[cp] = out = _loose(chr(cp))
        return out


class _LetterTable(dict):
    def __missing__(self, cp: int) -> str:
        self[cp] = out = _letter(chr(cp))
        return out


def _one(ch: str, candidate: str) -> str:
    return candidate if len(candidate) == 1 else ch


def _loose(ch: str) -> str:
    if ch in _I:
        return "i"
    if ch in _APOSTROPHES:
        return "'"
    if ch.isspace():
        return " "
    if ch == "ё" or ch == "Ё":
        return "е"
    if "\u0400" <= ch <= "\u04ff":  # Cyrillic: й is a letter of its own, not и with a mark
        return _one(ch, ch.lower())
    if not ch.isalnum() and ch not in _KEPT_PUNCTUATION:
        return " "
    base = unicodedata.normalize("NFD", ch)[0]
    return _one(ch, base.lower())


def _letter(ch: str) -> str:
    if ch in _I:
        return "i"
    if ch.isspace() or ch == "-":
        return " "
    if ch in "âÂ":
        return "a"
    if ch in "îÎ":
        return "i"
    if ch in "ûÛ":
        return "u"
    return _one(ch, ch.lower())


_LOOSE = _LooseTable()
_LETTER = _LetterTable()


# From this length on, `name_key` looks the characters up in an array (numpy) instead of
# calling str.translate, which makes a dict look-up per character: a whole document is keyed
# several times faster, and the name finder keys every document whole.
_ARRAY_MIN = 2048
# Code points below this are keyed by the array (Latin, Greek, Cyrillic, Arabic, the Latin
# transcription letters, punctuation); the rarer ones above it through `_LOOSE`.
_ARRAY_END = 0x3000


@functools.cache
def _loose_array() -> np.ndarray:
    import numpy as np

    return np.array([ord(_LOOSE[cp]) for cp in range(_ARRAY_END)], dtype=np.uint32)


@functools.cache
def _elided() -> frozenset[str]:
    from vesika.data import read_rows

    return frozenset(r["form"] for r in read_rows("vocabulary/elisions.tsv"))


def _elisions_apart(key: str) -> str:
    """The key with the apostrophe after an elided word made a space (same length). Apostrophes
    are few, so each one is looked at rather than the whole key run through a pattern."""
    i = key.find("'")
    if i < 0:
        return key
    elided = _elided()
    longest = max(map(len, elided), default=0)
    chars: list[str] | None = None
    while i >= 0:
        if i + 1 < len(key) and key[i + 1].isalpha():
            word_start = i
            while word_start > 0 and i - word_start <= longest and key[word_start - 1].isalpha():
                word_start -= 1
            alone = word_start == 0 or not key[word_start - 1].isalpha()
            if alone and key[word_start:i] in elided:
                chars = chars or list(key)
                chars[i] = " "
        i = key.find("'", i + 1)
    return "".join(chars) if chars is not None else key


def name_key(text: str) -> str:
    """The loose key (see the module docstring); ``len(name_key(t)) == len(t)``."""
    if len(text) < _ARRAY_MIN:
        return _elisions_apart(text.translate(_LOOSE))
    import numpy as np

    # UTF-32 gives one array element per character; surrogatepass lets a lone surrogate
    # (text decoded with surrogateescape) through, as str.translate would.
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    table = _loose_array()
    rare = codes >= _ARRAY_END
    if rare.any():
        keyed = table[np.minimum(codes, _ARRAY_END - 1)]
        distinct, where = np.unique(codes[rare], return_inverse=True)
        keyed[rare] = np.array([ord(_LOOSE[int(cp)]) for cp in distinct], dtype=np.uint32)[where]
    else:
        keyed = table[codes]
    return _elisions_apart(keyed.tobytes().decode("utf-32-le", "surrogatepass"))


def letter_key(text: str) -> str:
    """The strict key that keeps Turkish letters apart; ``len(letter_key(t)) == len(t)``."""
    return text.translate(_LETTER)

