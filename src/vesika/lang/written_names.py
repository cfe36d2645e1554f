"""A name written out in running text, read where it starts: how far it runs.

For bodies and documents the authority file does not know (``adoptée par la Convention de
Virginie à Williamsburg``, ``la Déclaration des droits de Virginie, adoptée …``): capitalised
words joined by particles (``de``, ``of``, ``d’``), and in a language that writes the later words
of such a name in lower case (French: ``Assemblée nationale constituante``) those words too, up
to a stop word (a preposition, an article, a relative pronoun), a figure or punctuation. The
words are data: `data/vocabulary/name_words.tsv`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from vesika.data import read_rows

_TOKEN = re.compile(r"[^\W\d_][\w’'\-]*|\S")


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    words: dict[str, set[str]] = defaultdict(set)
    for row in read_rows("vocabulary/name_words.tsv"):
        if row["role"] in ("lowercase-names", "capitalised-nouns"):
            words[row["role"]].add(row["lang"])
        else:
            words[f"{row['role']}-{row['lang']}"].add(row["form"])
            words[row["role"]].add(row["form"])
    return {k: frozenset(v) for k, v in words.items()}


def name_at(text: str, start: int, language: str, end: int | None = None) -> str:
    """The name written from `start` on (whitespace normalised), or "" when no capitalised word
    starts there. Trailing particles are left out (``Chambre des pairs et`` -> ``Chambre des
    pairs``)."""
    words = _words()
    lang = language[:2]
    lowercase = lang in words.get("lowercase-names", frozenset())
    stops = words.get(f"stop-{lang}", frozenset())
    particles = words.get("particle", frozenset())
    elided = tuple(p for p in particles if p.endswith(("’", "'")))
    stop = len(text) if end is None else end
    name: list[str] = []
    for token in _TOKEN.finditer(text, start, stop):
        word = token.group()
        if token.start() > start and not text[token.start() - 1].isspace():
            break  # punctuation glued to the word before ends the name
        if not word[0].isalpha() or word.lower() in stops:
            break
        glued = word.startswith(elided) and word[2:3].isupper()  # d’Auvergne
        # After the first word: particles, and lower-case words where names go on in them.
        if not (word[0].isupper() or glued or (name and (word in particles or lowercase))):
            break
        name.append(word)
    while name and (name[-1] in particles or name[-1].endswith(("’", "'"))):
        name.pop()
    return " ".join(name) if name and name[0][0].isupper() else ""


def name_particles() -> frozenset[str]:
    """Lower-case words inside a person's name: de, d’, von, van (`name_words.tsv`)."""
    return _words().get("name-particle", frozenset())


def capitalises_nouns(language: str) -> bool:
    """The language writes every noun with a capital (German): a capitalised word may be a
    common noun, not a name (`name_words.tsv`)."""
    return language[:2] in _words().get("capitalised-nouns", frozenset())
