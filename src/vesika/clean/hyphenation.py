"""End-of-line hyphens: a word broken by the typesetter (`müza-` / `kere`) is joined, a real
compound (`askeri-` / `siyasi`) keeps its hyphen and loses only the line break.

The decision is taken with word frequencies (`wordfreq`), never with a list of the document's
own words, so it depends only on the two halves and the language: cleaning any stretch of a
text again gives the same answer as cleaning the whole text.

Values measured with wordfreq 3.1 (zipf scale: 0 = unknown, 3 = once per million words):

    pair                  left  right  joined   wanted
    askeri-siyasi (tr)    5.19  5.28   0.00     keep  (both words, joined form unknown)
    Kemalist-Bolşevik     3.61  3.37   0.00     keep  (capitalised right half: a name compound)
    müza-kere (tr)        0.00  5.22   3.94     join  (left half is no word)
    hükümeti-ne (tr)      4.56  6.64   3.68     join  (`ne` is a word, but a 2-letter suffix here)
    kabul-ünü (tr)        5.79  4.03   3.03     join  (joined form known, 1.0 below the halves)
    bir-çok (tr)          7.34  6.81   5.62     join  (joined form known, 1.2 below the halves)
    müttefik-lerle (tr)   3.95  3.28   0.00     join  (`lerle` is a plural suffix chain)
    well-being (en)       6.03  5.95   3.52     keep  (joined form 2.4 below the halves)
    long-term (en)        5.81  5.23   2.75     keep  (2.5 below)
    Govern-ment (en)      3.67  3.14   5.57     join
    peut-être (fr)        6.19  6.38   2.26     keep
    Bundes-regierung (de) 4.33  5.23   4.64     join
    северо-западный (ru)  4.78  4.25   1.26     keep
    госу-дарство (ru)     2.24  0.00   4.85     join

Hence the rule: keep the hyphen when both halves are words of their own (zipf >= 3) and the
joined form is at least 2 zipf below the rarer half (unknown counts as 0); join otherwise. The
margin of 2 sits between the joins wanted at 1.0-1.2 below and the compounds kept at 2.4-2.5.
Turkish needs one guard: wordfreq counts suffix chains (`ne`, `ya`, `leri`, `lerle`) as words,
because Turkish writes suffixes after an apostrophe on names; a right half shorter than four
letters or starting with the plural `ler`/`lar` is therefore not taken as a word there.
"""

from __future__ import annotations

from functools import lru_cache

KEEP_MIN_ZIPF = 3.0  # both halves must be at least this common to count as words of their own
KEEP_MARGIN = 2.0  # ... and the joined form this much rarer than the rarer half

SOFT_HYPHEN = "\u00ad"
HYPHENS = "-\u2010" + SOFT_HYPHEN

# Ottoman transcription writes the izafet as a hyphen + vowel (`Meclis-i Mebusan`,
# `Elviye-yi Selase`); a lone vowel is never left on a new line by Turkish hyphenation, so a
# line starting with one after a hyphen is an izafet. `yi`/`yı`/`yu`/`yü` are ordinary
# syllables too (`Elviyeyi`), so they count as izafet only in Ottoman (ota) texts.
_IZAFET_VOWEL = frozenset("iıuü")
_IZAFET_Y = frozenset({"yi", "yı", "yu", "yü"})
_TR_PLURAL = ("ler", "lar")

_LANG_ALIASES = {"ota": "tr", "tur": "tr", "eng": "en", "fra": "fr", "fre": "fr", "deu": "de",
                 "ger": "de", "rus": "ru"}
_TURKISH_LETTERS = frozenset("çğışöüÇĞİŞÖÜ")


@lru_cache(maxsize=1)
def _available() -> frozenset[str]:
    import wordfreq  # loads lazily: the import and first lookup cost ~0.1-1 s

    return frozenset(wordfreq.available_languages())


@lru_cache(maxsize=1 << 16)
def zipf(word: str, lang: str) -> float:
    """wordfreq's zipf frequency of `word` (0.0 when unknown), cached."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


def wordfreq_language(language: str) -> str:
    """The wordfreq language for a document language code (`tr`, `ota-Latn`, `en-GB`, ...);
    "" when wordfreq has no list for it (the caller then falls back by script)."""
    code = language.strip().lower().replace("_", "-").split("-")[0]
    code = _LANG_ALIASES.get(code, code)
    if not code:
        return ""
    return code if code in _available() else ""


def _fallback_language(left: str, right: str) -> str:
    """For a document of unknown language: Russian for Cyrillic, Turkish for Turkish letters,
    else whichever of Turkish and English knows the words better."""
    word = left + right
    if any("\u0400" <= ch <= "\u04ff" for ch in word):
        return "ru"
    if any(ch in _TURKISH_LETTERS for ch in word):
        return "tr"
    known = {lang: max(zipf(left, lang), zipf(right, lang), zipf(word, lang))
             for lang in ("tr", "en")}
    return "tr" if known["tr"] > known["en"] else "en"


class Hyphenation:
    """Decides whether `left-` at a line end and `right` at the next line's start form one word."""

    def __init__(self, language: str = "") -> None:
        self.lang = wordfreq_language(language)
        self.ottoman = language.strip().lower().startswith("ota")

    def keep_hyphen(self, left: str, right: str, hyphen: str = "-") -> bool:
        """True: write `left-right`; False: write `leftright`."""
        return _keep_hyphen(left, right, hyphen, self.lang, self.ottoman)


@lru_cache(maxsize=1 << 14)
def _keep_hyphen(left: str, right: str, hyphen: str, lang: str, ottoman: bool) -> bool:
    if hyphen == SOFT_HYPHEN:
        return False  # a soft hyphen only ever marks a break point
    if not left or not right:
        return True
    if any(c.isdigit() for c in left + right):
        return True  # page and year ranges: `ss. 875-876`, `1919-1922`
    if right[0].isupper() and not right.isupper():
        return True  # `Türk-Rus`, `Kemalist-Bolşevik`, `Brest-Litovsk`
    lang = lang or _fallback_language(left, right)
    low = right.lower()
    if lang == "tr" and (low in _IZAFET_VOWEL or (ottoman and low in _IZAFET_Y)):
        return True
    zl, zr = zipf(left, lang), zipf(right, lang)
    if lang == "tr" and (len(right) < 4 or low.startswith(_TR_PLURAL)):
        zr = 0.0  # a suffix chain, not a word (see the module docstring)
    rarer = min(zl, zr)
    if rarer < KEEP_MIN_ZIPF:
        return False
    return zipf(left + right, lang) < rarer - KEEP_MARGIN
