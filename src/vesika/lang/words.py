"""Words as matching keys, per language: the same word in any inflection gives the same key.

English, French, Russian and German go through their Snowball stemmers. Turkish and Ottoman
Turkish do not: Snowball's Turkish stemmer cuts short stems inconsistently (measured:
`ermeni` -> `erme`, `acem` -> `ace`, `ilgası` -> `ilgas` but `ilga` -> `ilga`). Turkish is
agglutinative and suffixes only ever follow the stem, so a Turkish word is matched by its folded
*prefixes* instead (see `prefix_keys`), with the consonant softening of stem-final k/t/p/ç
(`bağımsızlık` -> `bağımsızlığı`) allowed for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from vesika.lang.fold import fold

_WORD = re.compile(r"[^\W\d_]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_TURKISH_LETTERS = re.compile(r"[ğışİĞŞ]")

STEMMERS = {"en": "english", "fr": "french", "ru": "russian", "de": "german"}
TURKISH = "tr"
# Izafet and buffer letters written apart in transcription (`harekât-ı askeriye`,
# `Maverâ-yı Kafkas`): grammatical glue, not words.
_GLUE = frozenset({"i", "ı", "u", "ü", "yi", "yı", "yu", "yü", "ve"})
# Softened forms of a stem-final consonant before a vowel suffix.
_SOFTENING = {"k": "ğ", "t": "d", "p": "b", "ç": "c"}
MIN_PREFIX = 3
# A lexicon form this short takes only the common case and possessive endings (`ilga` ->
# `ilgası`, `Acem` -> `Acem'e`), never any continuation (`Kazan` is not `kazanmak`, `para` is
# not `paragraf`); longer forms take any suffix chain.
SHORT_FORM = 5
_SHORT_TAIL = re.compile(
    r"(?:[ıiuü]|[sy][ıiuü]|[ıiuü]?n[ıiuü]n|[sy]?[ıiuü]n[ae]|[dt][ae]n?|[ıiuü]?[yn]?[ae]|"
    r"l[ae]r.*|[dt][ıiuü]r|[ıiuü]?m[ıiuü]z)?"
)


def tail_ok(form_key: str, text_key: str) -> bool:
    """Whether `text_key` is `form_key` plus a suffix chain Turkish could put after it."""
    if len(form_key) >= SHORT_FORM:
        return True
    return _SHORT_TAIL.fullmatch(text_key[len(form_key):]) is not None


def family(language: str, sample: str = "") -> str:
    """The matching family of a BCP-47 tag: "tr" for Turkish and Ottoman Turkish, else the
    stemmer language; guessed from the script when the tag is missing or unknown."""
    base = language.split("-")[0].lower() if language else ""
    if base in ("tr", "ota", "az"):
        return TURKISH
    if base in STEMMERS:
        return base
    if _CYRILLIC.search(sample[:2000]):
        return "ru"
    if _TURKISH_LETTERS.search(sample[:2000]):
        return TURKISH
    return "en" if sample else ""


@lru_cache(maxsize=8)
def _stemmer(name: str):  # type: ignore[no-untyped-def]
    import snowballstemmer  # small pure-Python package; loaded when matching starts

    return snowballstemmer.stemmer(name)


def turkish_lower(text: str) -> str:
    return text.replace("I", "ı").replace("İ", "i").lower()


@dataclass(frozen=True, slots=True)
class Word:
    key: str
    start: int
    end: int


# Turkish keys keep ç ğ ı ö ş ü (dropping them makes `Kars` a prefix of `karşı` and `basın`
# of `başında`); only the circumflexes of Ottoman transcription go (`harekât` = `harekat`).
_CIRCUMFLEX = str.maketrans("âîûÂÎÛ", "aiuaiu")


@lru_cache(maxsize=200_000)
def word_key(word: str, fam: str) -> str:
    if fam == TURKISH:
        return turkish_lower(word).translate(_CIRCUMFLEX)
    name = STEMMERS.get(fam)
    lowered = word.lower()
    if name is None:
        return fold(lowered)
    return fold(_stemmer(name).stemWord(lowered))


def words(text: str, fam: str) -> list[Word]:
    """The words of `text` as keys, with their offsets; izafet glue dropped for Turkish."""
    out: list[Word] = []
    for m in _WORD.finditer(text):
        # fold() may split a word at an apostrophe (`Karabekir’in`): the regex already has.
        key = word_key(m.group(), fam)
        if not key or (fam == TURKISH and key in _GLUE):
            continue
        out.append(Word(key, m.start(), m.end()))
    return out


def numbers(text: str) -> set[str]:
    return {m.group() for m in _NUMBER.finditer(text)}


def form_keys(form: str, fam: str) -> tuple[str, ...]:
    """Keys of a lexicon form (one per word), as `words` would give them."""
    return tuple(w.key for w in words(form, fam))


def prefix_keys(key: str) -> list[str]:
    """For a Turkish word key, the prefixes a stem of the lexicon could be: the whole key and
    every prefix of at least MIN_PREFIX letters, longest first."""
    return [key[:n] for n in range(len(key), MIN_PREFIX - 1, -1)] if len(key) > MIN_PREFIX \
        else [key]


def softened(key: str) -> str | None:
    """`bağımsızlık` -> `bağımsızlığ`: the stem as it appears before a vowel suffix."""
    if len(key) >= MIN_PREFIX and key[-1] in _SOFTENING and _SOFTENING[key[-1]] != key[-1]:
        return key[:-1] + _SOFTENING[key[-1]]
    return None


# The compound marker (3rd-person possessive) on the head of a Turkish noun compound:
# `nüfuz mıntıkası` is written `nüfuz mıntıkaları`, `nüfuz mıntıkalarının` in the plural, where
# the marker follows the plural suffix. Lewis, *Turkish Grammar* (2nd ed., 2000), §IV.8-9
# (the izafet of the "indefinite" type). After a vowel the marker is -sI, after a consonant -I.
_VOWELS = "aeıioöuü"
_HIGH_VOWELS = "ıiuü"
_MIN_COMPOUND_STEM = 4


def compound_stems(key: str) -> list[str]:
    """`bölgesi` -> [`bölges`, `bölge`], `hükümeti` -> [`hükümet`]: the head of a compound
    without its marker, so that the plural and case forms of the compound match. Where the
    word could be read both ways (`meclis-i` or `mecli-si`), both stems are given; the wrong
    one is a longer or shorter prefix of the same word and costs nothing."""
    if len(key) <= _MIN_COMPOUND_STEM or key[-1] not in _HIGH_VOWELS:
        return []
    stems = []
    if key[-2] not in _VOWELS:
        stems.append(key[:-1])
    if key[-2] == "s" and len(key) - 2 >= _MIN_COMPOUND_STEM and key[-3] in _VOWELS:
        stems.append(key[:-2])
    return [s for s in stems if len(s) >= _MIN_COMPOUND_STEM]


# Verbs: a lexicon form in the infinitive (`tanımak`, `kabul etmek`) never begins the finite
# forms of a text (`tanır`, `tanınması`, `kabul eder`, `iptal edilecektir`). Such a form is
# also indexed by its stem, marked with VERB_MARK, and the stem then takes only what can open a
# verb's suffix chain: voice (passive -Il/-In), then aorist -Ir/-Ar, negation and infinitive
# -mA-, past -DI, evidential -mIş, future -(y)AcAk, progressive -Iyor, conditional -sA,
# participles -(y)An, -DIk, converbs -(y)ArAk, -(y)Ip, -(y)IncA, optative -(y)A (Lewis,
# *Turkish Grammar*, 2nd ed., 2000, ch. VII-VIII). So `tanı-` takes `tanır`, `tanınması`,
# `tanımıştır` but not `tanık` (witness) or `tanım` (definition).
VERB_MARK = "-"
_INFINITIVE = re.compile(r"m[ae]k$")
_VERB_TAIL = re.compile(
    r"(?:[ıiuü]?[ln](?=[aeıiuüdmsy]))?"
    r"(?:[aeıiuü]?r|m[aeıiuü]|[dt][ıiuü]|y?[ae]c[ae][kğ]|[ıiuü]?yor|y[aeıiuü]|s[aeıiuü]"
    r"|[ıiuü]p|[ae]n|[ae]r[ae]k|[ıiuü]nc[ae]|[ae]|[ıiuü](?=[ln]))"
)
MIN_VERB_STEM = 2


def verb_stem(key: str) -> str | None:
    """`tanımak` -> `tanı-`, `etmek` -> `et-`: the stem of an infinitive, marked; else None."""
    if not _INFINITIVE.search(key) or len(key) - 3 < MIN_VERB_STEM:
        return None
    return key[:-3] + VERB_MARK


def verb_tail_ok(tail: str) -> bool:
    """Whether `tail` can follow a verb stem (see VERB_MARK)."""
    return _VERB_TAIL.match(tail) is not None
