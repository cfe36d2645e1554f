"""Russian Cyrillic in Latin letters (`data/vocabulary/cyrillic_latin.tsv`, ALA-LC without
diacritics), for keys and file names built from names written in Cyrillic."""

from __future__ import annotations

from functools import lru_cache

from vesika.data import read_rows


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for row in read_rows("vocabulary/cyrillic_latin.tsv"):
        lower, latin = row["cyrillic"], row["latin"] or ""
        table[ord(lower)] = latin
        table[ord(lower.upper())] = latin.capitalize()
    return table


def romanize(text: str) -> str:
    """``Тарле`` -> ``Tarle``, ``Щепкина`` -> ``Shchepkina``; other letters are left as they are."""
    return text.translate(_table())
