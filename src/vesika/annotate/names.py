"""Find the authority file's names in a text: one Aho–Corasick pass, then Turkish-aware checks.

Every name form of every entry is put, as its loose `name_key`, into one automaton (pyahocorasick),
so the cost of a pass hardly depends on how many names the authority holds. A key starts with a
space and the text's key too, so a match can only begin where a word begins. The text is keyed
once, and what a check needs to know about a form is worked out when the automaton is built: a
hit then costs a few look-ups by position, which is where the time of a pass goes (there are
about 20,000 hits in a megabyte of the example dossier). Each hit is checked where the text
continues:

* a space, punctuation or the end: the name ends there;
* an apostrophe: a suffix follows (``Karabekir’in``, ``Chicherin's``); the name ends before it;
* letters glued on: accepted only as an inflection the document's language puts on names —
  Turkish case, plural and ``-ki`` endings (``Bolşeviklerin``, ``Ermenistandaki``: Ottoman texts
  in Latin script often drop the apostrophe), Russian case endings (``Чичерина``), German and
  English ``-s`` — and, for Turkish, only when the letters agree exactly (``Karsı`` is Kars + ı,
  ``Karşı`` is a word). In Turkish and Russian the name's span stops before the suffix; in
  English, French and German a plural or genitive ``s`` belongs to the word.

A capitalised form must be capitalised in the text (``Ordu`` the city, not ``ordu`` the army),
an abbreviation must be in capitals. Of overlapping hits the leftmost longest wins, so
``Moskova Sovyet Hükümeti`` is the Soviet government, not Moscow. Titles written as part of a
form (``Talat Paşa``) are cut off the span and kept as the mention's title; initials before a
person's name (``N. N. E. Bray``) join the span. A short parenthesis that names nothing inside
a name is a gloss and joins it too (``Erivan (Ermeni) Cumhuriyeti``).

A form several entries share (``Kemal``) gives an ambiguous mention; `resolve` settles it from the
document when the document allows it and otherwise leaves the candidates listed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace

import ahocorasick
from wordfreq import zipf_frequency

from vesika.annotate.authority import Authority, Entity
from vesika.lang.namekey import letter_key, name_key
from vesika.lang.words import turkish_lower
from vesika.model.fuzzydate import FuzzyDate

# Turkish inflection after a name: plural, possessive/case endings, -ki. Vowel harmony is not
# checked: a historian's transcription is not always harmonic either.
_TURKISH_SUFFIX = re.compile(
    r"(?:l[ae]r)?"                      # plural
    r"(?:s?[ıiuü])?"                    # possessive (3rd person), the izafet's -i
    r"(?:n?[ıiuü]n|[ny]?[ıiuü]|[ny]?[ae]|n?[dt][ae]n?|y?l[ae]|n?[cç][ae])?"  # case
    r"(?:ki)?(?:[dt][ıiuü]r)?"           # -ki (Ermenistandaki), copula
)
_RUSSIAN_SUFFIX = re.compile(
    r"а|я|у|ю|ом|ем|ым|им|е|и|ы|ой|ей|ою|ов|ев|ам|ям|ами|ями|ах|ях|ого|его|ому|ему"
)
_GERMAN_SUFFIX = re.compile(r"s|es|n|en")
_ENGLISH_SUFFIX = re.compile(r"s|es")
_FRENCH_SUFFIX = re.compile(r"s")
_SUFFIXES = {"ru": _RUSSIAN_SUFFIX, "de": _GERMAN_SUFFIX, "en": _ENGLISH_SUFFIX,
             "fr": _FRENCH_SUFFIX}
_INITIALS = re.compile(r"((?:[A-ZÇĞİÖŞÜ]\.\s?){1,4})$")
_WORD = re.compile(r"[^\s(),;:“”\"«»]+")
_AFTER = re.compile(r"(?:['’]\w+)?\s+(\w+)")
# Letters glued on after a hit, read in the text's key (which has no underscore, so \w is
# exactly what str.isalnum accepts).
_GLUED = re.compile(r"\w*")
_NON_SPACE = re.compile(r"\S")
# A short parenthesis of one to three words of letters, such as a gloss written inside a name
# (`Erivan (Ermeni) Cumhuriyeti`); what stands around it is checked in `_across_glosses`.
_GLOSS = re.compile(r"\(([^\W\d_]+(?:[ \t'’-][^\W\d_]+){0,2})\)")
# An izafet form: last word ends in consonant + possessive vowel (Meclisi, Hükümeti, Ermenistanı).
_IZAFET = re.compile(r"\w[^aeıioöuüâîû\W][ıiuü]$")
_ORDINARY_ZIPF = 3.0
_MIN_GLUED = 4  # shorter names take no suffix without an apostrophe (Van+a is not "Vana")
CUE_WINDOW = 1500  # characters either side of an ambiguous name in which its cues count


@dataclass(frozen=True)
class Mention:
    """One occurrence of a name. `entity` is None when the name stays ambiguous."""

    start: int
    end: int
    text: str
    entity: str | None
    candidates: tuple[str, ...]
    lang: str  # the language tag of the form that matched
    how: str = "name"  # name | initials | date | context | cue | ambiguous
    title: str = ""
    doc: str = ""

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"doc": self.doc, "start": self.start, "end": self.end,
                                  "text": self.text}
        if self.entity is None:
            out["candidates"] = list(self.candidates)
        if self.how not in ("name",):
            out["resolved_by"] = self.how
        if self.title:
            out["title"] = self.title
        return out


@dataclass
class _Form:
    key: str
    ids: list[str] = field(default_factory=list)
    langs: set[str] = field(default_factory=set)
    letters: str = ""
    acronym: bool = False
    title_before: str = ""  # a title written inside the form, cut off the span
    title_after: str = ""
    # Only the stem of an izafet form (Meclis of Meclisi): it must be followed by the izafet
    # written apart, Meclis-i, or by an apostrophe, Hükümet’lerinin.
    izafet_only: bool = False
    capitals: tuple[int, ...] = ()  # the form's capitalised words, by index
    # Set by `_Form.finish` once every entry is in, so that a hit costs no more than a few
    # lookups: where each capitalised word's first letter lies (None: check word by word), and
    # what every mention of the form shares.
    capital_offsets: tuple[int, ...] | None = ()
    people: bool = False
    lang: str = ""
    ids_tuple: tuple[str, ...] = ()

    def finish(self, authority: Authority) -> None:
        self.capital_offsets = _capital_offsets(self.key, self.capitals)
        self.people = all(authority.entities[i].type == "person" for i in self.ids)
        self.lang = sorted(self.langs)[0]
        self.ids_tuple = tuple(self.ids)


def _language_family(language: str) -> str:
    lang = language.lower()
    if lang.startswith(("tr", "ota")):
        return "tr"
    return lang.split("-")[0]


class NameFinder:
    """The authority's names compiled into one automaton; `find` runs it over a text."""

    def __init__(self, authority: Authority) -> None:
        self.authority = authority
        titles_after = {name_key(t.form) for t in authority.titles if t.position == "after"}
        titles_before = {name_key(t.form) for t in authority.titles if t.position == "before"}
        self._titles_after = titles_after
        self._titles_before = titles_before
        # A title before a name ends with one of these words: a mention after any other word
        # needs no closer look. (Sound only when no title key ends in a space.)
        self._title_last_words: frozenset[str] | None = frozenset(
            t.rsplit(" ", 1)[-1] for t in titles_before)
        if any(t.endswith(" ") for t in titles_before):
            self._title_last_words = None
        self._forms: dict[str, _Form] = {}
        for entity in authority.entities.values():
            for form in entity.forms:
                self._add(entity, form.text, form.lang)
        self._automaton = ahocorasick.Automaton()
        for key, form in self._forms.items():
            form.finish(authority)
            self._automaton.add_word(" " + key, form)
        if self._forms:
            self._automaton.make_automaton()
        self._longest = max((len(k) for k in self._forms), default=0)

    def _add(self, entity: Entity, text: str, lang: str, izafet: bool = False) -> None:
        key = name_key(text).strip()
        if len(key) < 2:
            return
        form = self._forms.get(key)
        if form is None:
            letters = [c for c in text if c.isalpha()]
            form = self._forms[key] = _Form(
                key=key, letters=letter_key(text.strip()),
                acronym=len(letters) >= 2 and all(c.isupper() for c in letters),
                izafet_only=izafet,
                capitals=_capitals(text.strip()),
            )
            words = key.split(" ")
            if len(words) > 1 and words[-1] in self._titles_after:
                form.title_after = words[-1]
            elif len(words) > 1 and words[0] in self._titles_before:
                form.title_before = words[0]
        elif not izafet:
            form.izafet_only = False
        if entity.id not in form.ids:
            form.ids.append(entity.id)
        form.langs.add(lang)
        if not izafet and lang in ("tr", "ota-Latn") and _IZAFET.search(text):
            self._add(entity, text[:-1], lang, izafet=True)

    def find(self, text: str, language: str = "") -> list[Mention]:
        """Every mention in `text`, unresolved: ambiguous names keep all their candidates."""
        if not self._forms:
            return []
        family = _language_family(language)
        # The text is folded once; every check below reads this key or the text by position.
        key = " " + name_key(text)
        accept = self._accept
        # (start, -length, key end, span end, form): sorted as tuples, leftmost then longest.
        # No two hits share a start and a length (one form per key), so forms are never compared.
        hits: list[tuple[int, int, int, int, _Form]] = []
        for stop, form in self._automaton.iter(key):
            # `stop`, the index of the key's last character, is in text coordinates the end
            # of the hit (the key has one leading space).
            start = stop - len(form.key)
            span_end = accept(text, key, start, stop, form, family)
            if span_end is not None:
                hits.append((start, start - stop, stop, span_end, form))
        if "(" in text:
            hits.extend(self._across_glosses(text, key, family, hits))
        hits.sort()
        mentions: list[Mention] = []
        taken_until = -1
        for start, _, stop, span_end, form in hits:
            if start < taken_until:
                continue
            taken_until = max(stop, span_end)
            mentions.append(self._mention(text, key, start, span_end, form))
        return mentions

    def _accept(self, text: str, key: str, start: int, stop: int, form: _Form,
                family: str) -> int | None:
        """Where the mention's span ends, or None when this hit is not the name."""
        offsets = form.capital_offsets
        if offsets is None:
            if not self._capitals_agree(text[start:stop], form):
                return None
        else:
            for offset in offsets:
                if not text[start + offset].isupper():
                    return None
        if form.izafet_only:
            return stop if stop < len(text) and text[stop] in "-'’" else None
        if form.acronym and not all(c.isupper() for c in text[start:stop] if c.isalpha()):
            return None
        if stop + 1 >= len(key) or not key[stop + 1].isalnum():
            return stop
        if len(form.key) < _MIN_GLUED or form.acronym:
            return None
        glued = _GLUED.match(key, stop + 1)
        glued_end = glued.end() - 1 if glued else stop
        suffix = letter_key(text[stop:glued_end])
        if family in ("tr", "ota"):
            if letter_key(text[start:stop]) != form.letters or text[stop].isupper():
                return None
            if not _TURKISH_SUFFIX.fullmatch(suffix):
                return None
            return None if _another_word(text[start:glued_end], form) else stop
        pattern = _SUFFIXES.get(family)
        if pattern is None or not pattern.fullmatch(suffix):
            return None
        return stop if family == "ru" else glued_end

    def _across_glosses(self, text: str, key: str, family: str,
                        hits: list[tuple[int, int, int, int, _Form]],
                        ) -> list[tuple[int, int, int, int, _Form]]:
        """Names written around a short parenthesis that names nothing itself.

        Historians gloss a name inside it: ``Erivan (Ermeni) Cumhuriyeti`` is the Republic of
        Armenia, not the city of Erivan followed by other words. The text is read again with
        the parenthesis taken out, and a name that then runs across the gap is a hit over the
        whole stretch (leftmost-longest choice then prefers it). A parenthesis that holds a
        name of its own (``Birleşik Krallık (İngiltere) Hükümeti``) is a mention of its own,
        and mentions do not nest: the words around it stay apart.
        """
        out: list[tuple[int, int, int, int, _Form]] = []
        named = sorted(h[0] for h in hits)
        for gloss in _GLOSS.finditer(text):
            inside, after = gloss.span()
            if bisect_left(named, after) > bisect_left(named, inside):
                continue
            # A word, spaces, the parenthesis, spaces, a word (text[i] is key[i + 1]).
            gap, resume = inside, after
            while gap > 0 and text[gap - 1].isspace():
                gap -= 1
            while resume < len(text) and text[resume].isspace():
                resume += 1
            if (gap == inside or resume == after or gap == 0 or resume == len(text)
                    or not key[gap].isalnum() or not key[resume + 1].isalnum()
                    or "\n\n" in text[gap:inside] or "\n\n" in text[after:resume]):
                continue  # not inside a name, or across a paragraph break
            low = max(0, gap - self._longest)
            # Read to the end of the word the window would cut, so that suffixes are whole.
            high = _GLUED.match(key, min(len(text), resume + self._longest) + 1).end() - 1
            joined = text[low:gap] + " " + text[resume:high]
            joined_key = " " + name_key(joined)
            junction = gap - low  # the one space standing for the parenthesis
            shift = resume - junction - 1  # a position after the junction, back in the text
            for stop, form in self._automaton.iter(joined_key):
                start = stop - len(form.key)
                if start >= junction or stop <= junction + 1 or key[low + start] != " ":
                    continue
                span_end = self._accept(joined, joined_key, start, stop, form, family)
                if span_end is not None:
                    out.append((low + start, low + start - stop - shift, stop + shift,
                                span_end + shift, form))
        return out

    @staticmethod
    def _capitals_agree(written: str, form: _Form) -> bool:
        """Each word the form capitalises is capitalised in the text (Türk milliyetçisi is not
        the Turkish Nationalists); ``15. Kolordu`` is judged by its first letter."""
        if not form.capitals:
            return True
        letters = _initial_letters(written)
        return all(i >= len(letters) or not letters[i] or letters[i].isupper()
                   for i in form.capitals)

    def _mention(self, text: str, key: str, start: int, end: int, form: _Form) -> Mention:
        title = ""
        if form.title_after:
            cut = max(i for i in range(start, end) if text[i].isspace() or text[i] == "-")
            title, end = text[cut + 1 : end], cut
        elif form.title_before:
            cut = next(i for i in range(start, end) if text[i].isspace() or text[i] == "-")
            title, start = text[start:cut], cut + 1
        else:
            title = self._title_near(text, key, start, end)
        ids = form.ids_tuple
        how = "name"
        # Initials end in a full stop and one space or none, and text[start - 1] is never a
        # full stop (a hit starts after a separator): so text[start - 2] must be one.
        if form.people and start >= 2 and text[start - 2] == ".":
            initials = _INITIALS.search(text, max(0, start - 12), start)
            if initials and start == initials.end() and not _list_marker(text, initials):
                start = initials.start()
                ids, how = self._by_initials(ids, initials.group(1), form.key)
        lang = form.lang
        if len(ids) == 1:
            return Mention(start, end, text[start:end], ids[0], ids, lang, how, title)
        return Mention(start, end, text[start:end], None, ids, lang, "ambiguous", title)

    def _by_initials(self, ids: tuple[str, ...], initials: str,
                     key: str) -> tuple[tuple[str, ...], str]:
        """`M. Kemal`: keep the candidates with a full name that starts with M and ends in Kemal."""
        if len(ids) == 1:
            return ids, "name"
        first = name_key(initials.strip()[0])
        fitting = tuple(
            i for i in ids
            if any(k.endswith(" " + key) and k.startswith(first)
                   for k in (name_key(f.text) for f in self.authority.entities[i].forms))
        )
        return (fitting, "initials") if len(fitting) == 1 else (ids, "name")

    def _title_near(self, text: str, key: str, start: int, end: int) -> str:
        """A title written just before (``Binbaşı``, ``Hariciye Vekili``) or after (``Paşa``)."""
        low = max(0, start - 60)
        if self._title_last_words is not None:
            # The last word before the name, read in the key (separators are spaces there):
            # unless a title ends with it, no phrase before the name is a title.
            before = key[low + 1 : start + 1].rstrip(" ")
            maybe = before[before.rfind(" ") + 1 :] in self._title_last_words
        else:
            maybe = True
        if maybe:
            words = _WORD.findall(text, low, start)
            for n in range(min(5, len(words)), 0, -1):
                phrase = " ".join(words[-n:])
                if name_key(phrase) in self._titles_before:
                    return phrase
        after = _AFTER.match(text, end)
        # The key of a stretch of text is the same stretch of the text's key.
        if after and key[after.start(1) + 1 : after.end(1) + 1] in self._titles_after:
            return after.group(1)
        return ""


def _initial_letters(text: str) -> list[str]:
    """The first letter of each word of `text` ("" for a word without one), words as
    `name_key` separates them."""
    out, pos = [], 0
    for w in name_key(text).split(" "):
        out.append(next((c for c in text[pos : pos + len(w)] if c.isalpha()), ""))
        pos += len(w) + 1
    return out


def _capitals(form: str) -> tuple[int, ...]:
    """Which words of a form are capitalised."""
    return tuple(i for i, letter in enumerate(_initial_letters(form)) if letter.isupper())


def _capital_offsets(key: str, capitals: tuple[int, ...]) -> tuple[int, ...] | None:
    """Where, from the start of a hit, the first letter of each capitalised word lies.

    A hit's text has `key` as its key, so its words and letters lie where the key's do: a
    character is a letter exactly when its key character is one, except ``ʼ`` (a modifier
    letter that the key writes as an apostrophe). A capitalised word with an apostrophe before
    its first letter is therefore left to the word-by-word check (None).
    """
    offsets = []
    pos = 0
    for i, word in enumerate(key.split(" ")):
        if i in capitals:
            first = next((j for j, c in enumerate(word) if c.isalpha()), len(word))
            if "'" in word[:first]:
                return None
            if first < len(word):
                offsets.append(pos + first)
        pos += len(word) + 1
    return tuple(offsets)


def _another_word(word: str, form: _Form) -> bool:
    """``Arasındaki`` is "between", not the river Aras: a one-word name with a suffix glued on is
    another word when Turkish uses that word far more than the name (wordfreq, Zipf scale)."""
    if " " in form.key:
        return False
    inflected = zipf_frequency(turkish_lower(word), "tr")
    name = zipf_frequency(turkish_lower(word[: len(form.key)]), "tr")
    return inflected >= _ORDINARY_ZIPF and inflected > name + 1


def _list_marker(text: str, initials: re.Match[str]) -> bool:
    """``B. Mustafa Kemal Paşa İle…`` opening a paragraph: B is the section's letter."""
    if len(initials.group(1).strip()) > 2:
        return False
    # Read backwards from the initials, not the whole text before them (it may be megabytes).
    end = initials.start()
    while end and text[end - 1] in " \t":
        end -= 1
    return text[max(0, end - 2) : end] == "\n\n" or not _NON_SPACE.search(text, 0, initials.start())


def resolve(mentions: list[Mention], authority: Authority,
            when: FuzzyDate | None = None) -> list[Mention]:
    """Settle ambiguous mentions from their document, or leave them ambiguous.

    In order: candidates that did not yet exist at the document's date drop out; a candidate
    the same document names unambiguously is taken when it is the only one; the cues listed in
    `ambiguous.tsv` (entries whose presence points to one reading) are taken when, within
    `CUE_WINDOW` characters, they point one way only: a long article may discuss both readings.
    Otherwise the mention keeps its candidates: never a confident wrong answer.
    """
    named = Counter(m.entity for m in mentions if m.entity)
    # The named mentions by position, so that the cues near a mention are found by bisection
    # (looking through every mention for each ambiguous one is quadratic in a long text).
    anchored = sorted((m.start, m.entity) for m in mentions if m.entity)
    starts = [start for start, _ in anchored]
    out = []
    for m in mentions:
        if m.entity is not None:
            out.append(m)
            continue
        ids = m.candidates
        if when is not None:
            existing = tuple(i for i in ids if not _born_after(authority.entities[i], when))
            if len(existing) == 1:
                out.append(replace(m, entity=existing[0], how="date"))
                continue
            ids = existing or ids
        in_doc = [i for i in ids if named[i]]
        if len(in_doc) == 1:
            out.append(replace(m, entity=in_doc[0], how="context"))
            continue
        shared = authority.shared.get(name_key(m.text))
        if shared and shared.cues:
            near = {entity for _, entity in anchored[
                bisect_left(starts, m.start - CUE_WINDOW):
                bisect_right(starts, m.start + CUE_WINDOW)]}
            pointed = [i for i in ids if near & set(shared.cues.get(i, ()))]
            if len(pointed) == 1:
                out.append(replace(m, entity=pointed[0], how="cue"))
                continue
        out.append(m)
    return out


def _born_after(entity: Entity, when: FuzzyDate) -> bool:
    return entity.dates is not None and entity.dates.earliest > when.latest
