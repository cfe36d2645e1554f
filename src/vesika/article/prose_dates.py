"""Dates the article's prose gives a quoted document that has none of its own.

`extract.py` first reads a quoted document's date where it is given outright: its heading, a
dateline, the record it is cited from, the sentence that introduces it. A historian reads on:
what the article says of the document anywhere else. Here:

* **a dated description** of a document by the noun the article uses for this one (in its
  heading or introduction, or the form its source note gives it: ``… Karabekir’den Mustafa
  Kemal’e telgraf``). Turkish writes the date before the noun: ``20/6/1920 tarihli ikinci
  teklifnamesinin``, ``26 Nisan teklifnamesi``, or a time and a participle: ``Temmuz 1920’de
  kesinleşen askeri-siyasi anlaşmanın``; English also after it: ``the agreement of July
  1920``, ``the letter dated 26 April 1920``, and before: ``the July 1920 agreement``. Earlier
  in the paragraph that leads to the quotation, the nearest such description is the one the
  quotation continues (``… 20/6/1920 tarihli ikinci teklifnamesinin metni … Teklifnamede,
  “…”``). Anywhere else, every description must agree, carry no qualifier the document's own
  naming lacks (``ikinci``, ``mukabil``, ``second``) and fit no other quoted document of that
  name. A sentence reporting what another writer claims (``… iddia etmektedir``) is not the
  article's own dating;
* **a back-reference** after the quotation (``yukarıdaki telgrafı``, ``söz konusu``, ``the
  above letter``) that is the first mention of its noun after it, in a sentence with one date
  (``aynı tarihte`` is counted from the day before it);
* **its source note's date**: whoever transmitted the text had it by then.

A date told of someone other than the sender and recipient the source note names (the
Bolsheviks sent the telegram on 18 October; the text we have is, per its source note,
Karabekir's telegram to Mustafa Kemal relaying it) dates an earlier link of the chain: it bounds
the text from below only. The clues are intersected in the order above; one that contradicts
those before it is left out, and the basis returned names those used.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date

from vesika.annotate.authority import Authority
from vesika.annotate.dates import DateMention
from vesika.annotate.names import Mention
from vesika.lang.dockinds import kind_nouns
from vesika.lang.namekey import letter_key
from vesika.lang.sentences import sentences
from vesika.model import FuzzyDate, parse_edtf

# Turkish participles that lead a time to the noun they qualify: kesinleş-en, yapıl-an,
# gönder-diği, yap-ılacak, yazıl-mış (not the ablative of tarafından, Moskova’dan).
_PARTICIPLE = re.compile(r"(?:[^\Wdt][ae]n|^(?:eden|olan)|[dt][ıiuü]ğ[ıiuü]|[ae]c[ae]ğ[ıi]|"
                         r"[ae]c[ae]k|m[ıiuü]ş)$")
_LOCATIVE = re.compile(r"['’]?[dt][ae]$")  # a date written as a time: 1920’de, 18 Ekim’de
_DATED = re.compile(r"\s+tarihli\b")  # dated: a date that qualifies the noun itself
_ON = re.compile(r"\s+tarihinde(?:ki)?\b")  # on the date: a time, like the locative
# English: "the agreement of July 1920", "the letter dated 26 April 1920", "signed on"; the noun
# up to three words before ("the Virginia Declaration of Rights of June 1776").
_OF_DATE = re.compile(r"\s+(?:of|dated|(?:[a-z]+ed|sent|written|made|given)\s+(?:on|in|at))"
                      r"\s+(?:the\s+)?$")
_DEICTIC = re.compile(r"(?:\b(?:yukarıdaki|yukarıda\s+\w+|söz\s+konusu|bahsi\s+geçen|sözü\s+"
                      r"edilen|anılan|aforementioned|above|foregoing|preceding|said)\s+)$",
                      re.IGNORECASE)
# Words that set one document of a kind apart from another: Turkish ordinals (-inci, -ıncı),
# and the few words of sequence and answer.
_ORDINAL = re.compile(r"[ıiuü]nc[ıiuü]$")
_QUALIFIERS = {"ilk", "son", "mukabil", "önceki", "sonraki", "taslak", "first", "second",
               "third", "fourth", "fifth", "last", "final", "earlier", "later", "counter",
               "draft", "revised"}
_SCAN = 14  # words: a time adverb further from its noun than this qualifies something else
# A sentence that reports what another writer claims ("Sonyel bu metnin 24 Ağustos’ta …
# parafe edilen antlaşma olduğunu iddia etmektedir"; the article then rejects it) gives no date
# of the article's own. ("argues" is left out: articles say it of themselves.)
_CLAIM = re.compile(r"\b(?:iddia\s+(?:et|ed)\w*|ileri\s+sür\w*|claim\w*|contend\w*|allege\w*)",
                    re.IGNORECASE)


@dataclass(frozen=True)
class Named:
    """A quoted document as the prose speaks of it."""

    start: int  # where its own words (or its heading) begin
    end: int  # where its text, or its source note, ends
    stems: frozenset[str]  # the nouns the article calls it by (dockinds stems)
    qualifiers: frozenset[str]  # the ordinals and the like its own naming uses
    paragraph: int  # start of the paragraph that introduces it
    date: FuzzyDate | None  # as read before the prose: heading, dateline, record, introduction
    parties: frozenset[str] = frozenset()  # entities its source note names as sender, recipient
    note_date: FuzzyDate | None = None  # the latest date its source note gives


@dataclass(frozen=True)
class _Described:
    date: FuzzyDate
    stem: str
    span: tuple[int, int]  # from the date to the noun
    qualifiers: frozenset[str]


@dataclass(frozen=True)
class _Clue:
    lo: date | None
    hi: date | None
    lo_edtf: str
    hi_edtf: str
    label: str


def qualifiers(words: str) -> set[str]:
    """The words of `words` that set one document of a kind apart from another (``ikinci``,
    ``mukabil``, ``second``), as letter keys."""
    out = set()
    for w in letter_key(words).split():
        w = w.strip(".,;:()“”\"'’")
        if w in _QUALIFIERS or _ORDINAL.search(w):
            out.add(w)
    return out


class ProseDates:
    """The dated descriptions and back-references of one article, found once."""

    def __init__(self, text: str, dates: list[DateMention], named: list[Named],
                 references: list[tuple[int, int]], mentions: list[Mention],
                 authority: Authority) -> None:
        self.text = text
        self.named = named

        def prose(a: int) -> bool:
            return not any(n.start <= a < n.end for n in named) \
                and not any(r0 <= a < r1 for r0, r1 in references)

        self.dates = [d for d in dates if d.date and d.kind in ("date", "relative")
                      and prose(d.start)]
        self.nouns = [(a, b, stem) for a, b, stem in kind_nouns(text) if prose(a)]
        self._noun_starts = [a for a, _, _ in self.nouns]
        self.actors = [m for m in mentions if m.entity and prose(m.start) and
                       authority.entities[m.entity].type in ("person", "organisation")]
        self.described = [d for d in (self._describe(m) for m in self.dates)
                          if d and not _CLAIM.search(self.text, *self._sentence(d.span[0]))]

    def mention_before(self, target: Named) -> tuple[int, int] | None:
        """The dated mention of `target` earlier in the paragraph that introduces it, from the
        start of its sentence to its noun (``Öte yandan Büyük Millet Meclisi’nin Moskova Sovyet
        Hükümeti’ne 20/6/1920 tarihli ikinci teklifnamesinin``), or None."""
        near = self._near(target)
        return (self._sentence(near[-1].span[0])[0], near[-1].span[1]) if near else None

    def _near(self, target: Named) -> list[_Described]:
        return [d for d in self.described
                if d.stem in target.stems and target.paragraph <= d.span[0] < target.start]

    def date(self, target: Named) -> tuple[FuzzyDate | None, str]:
        """The date the prose gives `target` and where it was read ("" when none)."""
        clues: list[_Clue] = []
        near = self._near(target)
        if near:
            d = near[-1]
            said = self._words(d.span)
            clues.append(self._clue(d.date, d.span, target,
                                    f"its dated mention earlier in the paragraph: “{said}”"))
        back = self._back_reference(target)
        if back:
            clues.append(back)
        far = [d for d in self.described if d.stem in target.stems and d not in near
               and d.qualifiers <= target.qualifiers and not self._fits_another(d, target)]
        if far and all(a.date.overlaps(b.date) for a in far for b in far):
            for d in far:
                said = self._words(d.span)
                clues.append(self._clue(d.date, d.span, target,
                                        f"the article's dated description of it: “{said}”"))
        if target.note_date:
            note = target.note_date
            clues.append(_Clue(None, note.latest, "", _ends(note)[1],
                               f"no later than its source note: “{note.text or note.edtf}”"))
        return _combine(clues)

    # -- finding ----------------------------------------------------------------------------
    def _describe(self, d: DateMention) -> _Described | None:
        """The document noun a date qualifies, if it qualifies one."""
        text = self.text
        window = text[max(0, d.start - 80):d.start]
        english = _OF_DATE.search(window)
        if english:
            end = d.start - len(window) + english.start()
            words = re.split(r"\s+", text[max(0, end - 80):end])[-4:]
            while words and re.search(r"[.;:!?()]", " ".join(words[:-1])):
                words = words[1:]  # not across a sentence or a parenthesis
            lo = end - len(" ".join(words))
            inside = [n for n in self.nouns if lo <= n[0] < end]
            if inside:
                return self._described(d, inside[-1], (inside[-1][0], d.end))
        # "26 Nisan teklifnamesi", "the July 1920 agreement": the noun right after the date.
        pos, need_participle, limit = d.end, False, 1
        if (m := _DATED.match(text, pos)):
            pos, limit = m.end(), 3
        elif (m := _ON.match(text, pos)) or _LOCATIVE.search(d.text):
            pos, need_participle, limit = (m.end() if m else pos), True, _SCAN
        participle = False
        for i, w in enumerate(re.finditer(r"\S+", text[pos:pos + 400])):
            if i >= limit:
                break
            a = pos + w.start()
            if any(a <= other.start < a + len(w.group()) for other in self.dates):
                break  # another date: what follows is its phrase
            noun = self._noun_at(a, a + len(w.group()))
            if noun:
                if text[noun[0]].isupper() and i:
                    return None  # "… 1921’de Dostluk ve Kardeşlik Antlaşmasını": a named treaty
                if need_participle and not participle:
                    return None
                return self._described(d, noun, (d.start, noun[1]))
            word = letter_key(w.group()).strip(".,;:!?()“”\"'’")
            participle = participle or bool(_PARTICIPLE.search(word))
            if re.search(r"[.;:!?(]", w.group()):
                break
        return None

    def _described(self, d: DateMention, noun: tuple[int, int, str],
                   span: tuple[int, int]) -> _Described:
        assert d.date is not None
        before = self.text[max(0, noun[0] - 30):noun[0]].split()[-2:]
        found = qualifiers(self.text[span[0]:span[1]] + " " + " ".join(before))
        return _Described(d.date, noun[2], span, frozenset(found))

    def _noun_at(self, a: int, b: int | None = None) -> tuple[int, int, str] | None:
        """The document noun that starts at `a` (or in the word a..b, after its punctuation)."""
        i = bisect_left(self._noun_starts, a)
        if i < len(self.nouns) and self.nouns[i][0] <= (b if b is not None else a) \
                and self.nouns[i][0] - a <= 2:
            return self.nouns[i]
        return None

    def _back_reference(self, target: Named) -> _Clue | None:
        """The first mention of the document's noun after it, if it points back to it."""
        for stem in sorted(target.stems):
            later = [(a, b) for a, b, s in self.nouns if s == stem and a >= target.end]
            if not later:
                continue
            a, b = later[0]
            if any(n is not target and stem in n.stems and target.end <= n.start < a
                   for n in self.named):
                continue  # another quoted document of that name stands between
            pointer = _DEICTIC.search(self.text, max(target.end, a - 40), a)
            if not pointer:
                continue
            sentence = self._sentence(a)
            dated = [d for d in self.dates if sentence[0] <= d.start < sentence[1]]
            if len(dated) == 1 and dated[0].date:
                told, phrase = dated[0], self._words((pointer.start(), b))
                counted = f" = {told.date.edtf}" if told.kind == "relative" else ""
                return self._clue(told.date, sentence, target,
                                  f"a back-reference to it: “{told.text}{counted} … {phrase}”")
        return None

    def _fits_another(self, d: _Described, target: Named) -> bool:
        """Another quoted document of that name may be the one described: it is undated, or
        its date agrees."""
        return any(n is not target and d.stem in n.stems and (n.date is None or
                                                               n.date.overlaps(d.date))
                   for n in self.named)

    def _clue(self, told: FuzzyDate, span: tuple[int, int], target: Named,
              label: str) -> _Clue:
        lo, hi = _ends(told)
        named = {m.entity for m in self.actors if span[0] <= m.start < span[1]}
        if target.parties and named and not named & target.parties:
            return _Clue(told.earliest, None, lo, "",
                         f"no earlier than {label} (said of others than the sender and"
                         " recipient its source note names: the original it relays)")
        return _Clue(told.earliest, told.latest, lo, hi, label)

    def _sentence(self, pos: int) -> tuple[int, int]:
        start = self.text.rfind("\n\n", 0, pos)
        start = 0 if start < 0 else start + 2
        end = self.text.find("\n\n", pos)
        end = len(self.text) if end < 0 else end
        for s, e in sentences(self.text[start:end]):
            if start + s <= pos < start + e:
                return start + s, start + e
        return start, end

    def _words(self, span: tuple[int, int]) -> str:
        words = " ".join(self.text[span[0]:span[1]].split())
        return words if len(words) <= 120 else words[:57] + " … " + words[-57:]


def _ends(d: FuzzyDate) -> tuple[str, str]:
    """How each end of `d` is written as one end of an EDTF interval."""
    if "/" in d.edtf or d.precision == "interval":
        return d.earliest.isoformat(), d.latest.isoformat()
    return d.edtf, d.edtf


def _combine(clues: list[_Clue]) -> tuple[FuzzyDate | None, str]:
    lo: date | None = None
    hi: date | None = None
    lo_edtf = hi_edtf = ""
    used = []
    for c in clues:
        new_lo = max((x for x in (lo, c.lo) if x), default=None)
        new_hi = min((x for x in (hi, c.hi) if x), default=None)
        if new_lo and new_hi and new_lo > new_hi:
            continue  # contradicts the clues before it
        if c.lo and (lo is None or c.lo > lo):
            lo_edtf = c.lo_edtf
        if c.hi and (hi is None or c.hi < hi):
            hi_edtf = c.hi_edtf
        lo, hi = new_lo, new_hi
        if c.label not in used:
            used.append(c.label)
    if not used:
        return None, ""
    edtf = lo_edtf if lo_edtf == hi_edtf else f"{lo_edtf or '..'}/{hi_edtf or '..'}"
    return parse_edtf(edtf), "; ".join(used)
