"""Numbers as documents write them in clause markers: Roman numerals and number words.

Number words cover what article headings use (`Article One`, `Article the first`,
`Birinci Madde`, `Статья первая`, `Article premier`, `Erster Artikel`), in English, French,
Turkish, Russian and German, cardinals and ordinals, up to a few hundred. They are parsed only
inside a marker, never in running prose.
"""

from __future__ import annotations

import re

_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_to_int(numeral: str) -> int | None:
    """The value of an upper-case Roman numeral in standard form, or None (`IIII`, `IC`, ``)."""
    if not numeral or not _ROMAN.fullmatch(numeral):
        return None
    total = 0
    for i, ch in enumerate(numeral):
        value = _ROMAN_VALUES[ch]
        if i + 1 < len(numeral) and _ROMAN_VALUES[numeral[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


def fold(word: str) -> str:
    """Lower-case a word so that Turkish and other spellings of one number meet.

    Python lower-cases `İ` to `i` + combining dot and leaves dotless `ı` apart from `i`; folding
    both to `i` lets `BİRİNCİ`, `Birinci` and `ALTINCI`/`altıncı` find one table entry.
    """
    return word.replace("İ", "i").lower().replace("\u0307", "").replace("ı", "i").replace("ё", "е")


def _table(text: str) -> dict[str, int]:
    """`word=value` pairs separated by whitespace, keys folded."""
    out: dict[str, int] = {}
    for pair in text.split():
        word, value = pair.split("=")
        out[fold(word)] = int(value)
    return out


# Cardinals and ordinals per language. Compounds (`twenty-one`, `on birinci`, `dix-sept`,
# `двадцать первая`) are parsed as descending sums of these, so only the parts are listed.
_WORDS: dict[str, dict[str, int]] = {
    "en": _table(
        "one=1 two=2 three=3 four=4 five=5 six=6 seven=7 eight=8 nine=9 ten=10 eleven=11"
        " twelve=12 thirteen=13 fourteen=14 fifteen=15 sixteen=16 seventeen=17 eighteen=18"
        " nineteen=19 twenty=20 thirty=30 forty=40 fifty=50 sixty=60 seventy=70 eighty=80"
        " ninety=90 hundred=100"
        " first=1 second=2 third=3 fourth=4 fifth=5 sixth=6 seventh=7 eighth=8 ninth=9 tenth=10"
        " eleventh=11 twelfth=12 thirteenth=13 fourteenth=14 fifteenth=15 sixteenth=16"
        " seventeenth=17 eighteenth=18 nineteenth=19 twentieth=20 thirtieth=30 fortieth=40"
        " fiftieth=50 sixtieth=60 seventieth=70 eightieth=80 ninetieth=90 hundredth=100"
    ),
    "fr": _table(
        "un=1 une=1 deux=2 trois=3 quatre=4 cinq=5 six=6 sept=7 huit=8 neuf=9 dix=10 onze=11"
        " douze=12 treize=13 quatorze=14 quinze=15 seize=16 vingt=20 trente=30 quarante=40"
        " cinquante=50 soixante=60 cent=100 cents=100 quatre-vingt=80 quatre-vingts=80"
        " premier=1 première=1 premiere=1 second=2 seconde=2 unième=1 deuxième=2 troisième=3"
        " quatrième=4 cinquième=5 sixième=6 septième=7 huitième=8 neuvième=9 dixième=10"
        " onzième=11 douzième=12 treizième=13 quatorzième=14 quinzième=15 seizième=16"
        " vingtième=20 trentième=30 quarantième=40 cinquantième=50 soixantième=60 centième=100"
        " quatre-vingtième=80"
    ),
    "tr": _table(
        "bir=1 iki=2 üç=3 dört=4 beş=5 altı=6 yedi=7 sekiz=8 dokuz=9 on=10 yirmi=20 otuz=30"
        " kırk=40 elli=50 altmış=60 yetmiş=70 seksen=80 doksan=90 yüz=100"
        " birinci=1 ikinci=2 üçüncü=3 dördüncü=4 beşinci=5 altıncı=6 yedinci=7 sekizinci=8"
        " dokuzuncu=9 onuncu=10 yirminci=20 otuzuncu=30 kırkıncı=40 ellinci=50 altmışıncı=60"
        " yetmişinci=70 sekseninci=80 doksanıncı=90 yüzüncü=100"
    ),
    "ru": _table(
        "один=1 одна=1 два=2 две=2 три=3 четыре=4 пять=5 шесть=6 семь=7 восемь=8 девять=9"
        " десять=10 одиннадцать=11 двенадцать=12 тринадцать=13 четырнадцать=14 пятнадцать=15"
        " шестнадцать=16 семнадцать=17 восемнадцать=18 девятнадцать=19 двадцать=20 тридцать=30"
        " сорок=40 пятьдесят=50 шестьдесят=60 семьдесят=70 восемьдесят=80 девяносто=90 сто=100"
    ),
    "de": _table(
        "eins=1 ein=1 eine=1 zwei=2 drei=3 vier=4 fünf=5 sechs=6 sieben=7 acht=8 neun=9"
        " zehn=10 elf=11 zwölf=12 dreizehn=13 vierzehn=14 fünfzehn=15 sechzehn=16 siebzehn=17"
        " achtzehn=18 neunzehn=19 zwanzig=20 dreißig=30 vierzig=40 fünfzig=50 sechzig=60"
        " siebzig=70 achtzig=80 neunzig=90 hundert=100"
    ),
}

# Russian ordinals decline (`первый`, `первая`, `первое`, `третья`): match the stem.
_RU_ORDINAL_STEMS = _table(
    "перв=1 втор=2 трет=3 четверт=4 пят=5 шест=6 седьм=7 восьм=8 девят=9 десят=10"
    " одиннадцат=11 двенадцат=12 тринадцат=13 четырнадцат=14 пятнадцат=15 шестнадцат=16"
    " семнадцат=17 восемнадцат=18 девятнадцат=19 двадцат=20 тридцат=30 сороков=40"
    " пятидесят=50 шестидесят=60 семидесят=70 восьмидесят=80 девяност=90 сот=100"
)
_RU_ENDING = re.compile(r"(?:ый|ой|ий|ая|яя|ое|ее|ья|ье|ьи|ые|ых|ого|его|ому|ым)$")

# German ordinals decline too (`erste`, `ersten`, `zwanzigster`): strip the ending, then
# `-st` (20 and up) or `-t` (below 20) leaves the cardinal, except for the irregular ones.
_DE_ORDINAL_IRREGULAR = _table("erst=1 zweit=2 dritt=3 siebt=7 siebent=7 acht=8")
_DE_UND = re.compile(r"^(.+)und(.+)$")

# Glue words inside number words: `Article the first`, `vingt et un`.
_FILLERS = frozenset({"the", "and", "et", "и"})
_SPLIT = re.compile(r"[\s\-]+")
# Ottoman Turkish in Latin transcription (`ota-Latn`, the seed's documents) counts in Turkish.
_LANGUAGE_ALIASES = {"ota": "tr"}
_MERGED: dict[str, int] = {k: v for table in _WORDS.values() for k, v in table.items()}


def _token_value(token: str, language: str) -> int | None:
    table = _WORDS.get(language, _MERGED)
    if token in table:
        return table[token]
    if language in ("", "ru"):
        stem = _RU_ENDING.sub("", token)
        if stem != token and stem in _RU_ORDINAL_STEMS:
            return _RU_ORDINAL_STEMS[stem]
    if language in ("", "de"):
        return _german_value(token)
    return None


def _german_value(token: str) -> int | None:
    table = _WORDS["de"]
    if token in table:
        return table[token]
    und = _DE_UND.match(token)
    if und:  # `einundzwanzig` = 1 + 20, `einundzwanzigste` = 21st
        low, high = table.get(und.group(1)), _german_value(und.group(2))
        if low is not None and high is not None and low < 10 <= high:
            return low + high
        return None
    for ending in ("e", "er", "es", "en", "em"):
        if not token.endswith(ending):
            continue
        base = token[: -len(ending)]
        if base in _DE_ORDINAL_IRREGULAR:
            return _DE_ORDINAL_IRREGULAR[base]
        for suffix in ("st", "t"):  # `zwanzigste`, `sechste`: try the longer suffix first
            if base.endswith(suffix) and base[: -len(suffix)] in table:
                return table[base[: -len(suffix)]]
    return None


def parse_number_words(words: str, language: str = "") -> int | None:
    """The value of number words (`One`, `the first`, `On Birinci`, `dix-sept`), or None.

    `language` (BCP-47: `en`, `fr`, `tr`, `ota-Latn`, `ru`, `de`) restricts the word tables;
    empty or unknown means all of them. Parts must descend (`twenty one`, not `one twenty`) so
    that an accidental pair of words is not read as a sum.
    """
    lang = language.split("-", 1)[0].lower()
    lang = _LANGUAGE_ALIASES.get(lang, lang)
    if lang not in _WORDS:
        lang = ""
    folded = fold(words.strip())
    if lang in ("", "fr"):
        # The French 80 is written as two words that must not be summed as 4 + 20.
        folded = folded.replace("quatre-vingt", "quatre_vingt")
    tokens = [t.replace("_", "-") for t in _SPLIT.split(folded) if t and t not in _FILLERS]
    if not tokens:
        return None
    total = 0
    previous: int | None = None
    for token in tokens:
        value = _token_value(token, lang)
        if value is None:
            return None
        if value == 100:
            total = (total or 1) * 100
            previous = 100
            continue
        if previous is not None and value >= previous:
            return None
        total += value
        previous = value
    return total
