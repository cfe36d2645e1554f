"""Date expressions in running text, normalised to FuzzyDate intervals.

The forms archives and articles use and date libraries miss: Turkish suffixes after an
apostrophe or none (`4 Temmuz’da`, `Ekim 1923’de`), numeric day-first dates (`26/4/1920`),
parts of months (`Aralık başında`, `early March`), month ranges (`Ağustos- Eylül 1921`), dates
without a year (the year comes from the last explicit year before it, and the mention says so),
simple relative dates resolved against the last explicit day (`iki gün sonra`, `ertesi gün`,
`aynı gün`, `the next day`), Rumi years (`Teşrinievvel 1339`) and Hijri months (`Şaban 1338`).

Years inside a citation (`(Jaeschke, 1989, s. 111)`) are publication years, not events: they are
reported with kind "citation" and no date. A full date inside one (`(TBMM Gizli Celse
Zabıtları, Cilt. 1, 3/7/1920, s. 73)`) dates the record cited and stays an event.

Matching runs on folded text (`vesika.lang.fold`: case and diacritics gone, apostrophes as
spaces) and maps every span back to the original through the fold's offsets.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from vesika.annotate.calendars import (
    hijri_interval,
    julian_to_gregorian,
    month_names,
    rumi_month_range,
    rumi_to_gregorian,
)
from vesika.data import read_rows
from vesika.lang.fold import fold, fold_with_offsets
from vesika.lang.parens import parenthesized
from vesika.model import DateError, FuzzyDate

# Parts of a month: first, middle and last third (days 1-10, 11-20, 21-end), a convention
# stated here rather than a fact of the text; the mention is marked approximate.
_PARTS = {"basinda": 0, "baslarinda": 0, "basi": 0, "early": 0, "debut": 0, "anfang": 0,
          "ortasinda": 1, "ortalarinda": 1, "mid": 1, "mi": 1, "mitte": 1,
          "sonunda": 2, "sonlarinda": 2, "late": 2, "fin": 2, "ende": 2}
_NUMBER_WORDS = {"bir": 1, "iki": 2, "uc": 3, "dort": 4, "bes": 5, "alti": 6, "yedi": 7,
                 "sekiz": 8, "dokuz": 9, "on": 10, "one": 1, "two": 2, "three": 3, "four": 4,
                 "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# Evidence that a parenthesis is a bibliographic reference rather than a remark.
_CITATION_CUE = re.compile(
    r"\b(?:s|ss|p|pp|cilt|c|vol|no|sayi|yil)\s*[.:]|\b(?:yay|yayinlari|yayinevi|basimevi|press|"
    r"kitabevi|dergisi|journal|a\s?g\s?[em])\b|^[^,()]{2,60},\s*(?:1[5-9]|20)\d\d[a-z]?\b")
_YEAR = r"(?:1[0-9]|20)\d\d"
_END = sys.maxsize  # sorts after any real offset
# A calendar named after the year: `1336 R.`, `Rumi`, `1338 H.`, `Hicri`, `1920 M.`, `miladi`
# (folded text: lower case, no circumflexes).
_CALENDAR_MARK = re.compile(
    r"\s*(?:(?P<rumi>r\.|rumi\b)|(?P<hijri>h\.|hicri\b)|(?P<gregorian>m\.|miladi\b))")
# `O.S.`, `(O.S.)`, `Old Style`, `ст. ст.`, `по ст. ст.`, `по старому стилю`, `a. St.`
_OLD_STYLE = re.compile(
    r"(?:\s*г\.)?\s*\(?\s*(?:O\.\s?S\.|Old Style|old style|(?:по\s)?ст\.\s?ст\.|"
    r"по старому стилю|a\.\s?St\.|alten Stils)(?:\s*\))?")
_TRAILING_WORD = re.compile(r"(?<=\d{4})\s+[^\W\d_]+$")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    kind: str  # "date" | "relative" | "citation"
    date: FuzzyDate | None
    note: str = ""


@cache
def _months() -> dict[str, tuple[str, int]]:
    """Folded month name -> (calendar, month number)."""
    out: dict[str, tuple[str, int]] = {}
    for row in read_rows("calendars/gregorian_months.tsv"):
        for name in row["names"].split("|"):
            out[fold(name.strip()).rstrip(".")] = ("gregorian", int(row["number"]))
    for (cal, name), number in month_names().items():
        out.setdefault(name, (cal, number))
    return out


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    months = "|".join(sorted((re.escape(m) for m in _months()), key=len, reverse=True))
    m = rf"(?P<m>{months})\.?"
    m2 = rf"(?P<m2>{months})\.?"
    y = rf"(?P<y>{_YEAR})"
    # A day may carry its ordinal ending: French writes the first of the month "1er" (le
    # premier; Lexique des règles typographiques en usage à l'Imprimerie nationale, s.v.
    # "Dates"), English "1st", "22nd", "3rd", "4th".
    d = r"(?P<d>[0-3]?\d)(?:er|st|nd|rd|th)?"
    # A suffix the fold split off (`1920’de` -> `1920 de`); not a calendar mark (`1336 R.`).
    sfx = r"(?:\s(?!(?:r|h|m)\.|rumi\b|hicri\b|miladi\b)(?:[a-z]{1,4}|[a-z]{2,5}ki))?(?![a-z])"
    parts = "|".join(_PARTS)
    return {
        # `1/14 February 1918`, `12/25 Ocak 1334`: old style / new style of the same day
        "dual": re.compile(
            rf"(?<![\d/.])(?P<d>[0-3]?\d)\s?/\s?(?P<d2>[0-3]?\d)\s+{m}\s*,?\s+{y}{sfx}"),
        "numeric": re.compile(rf"(?<![\d/.])(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.]{y}(?![\d/])"),
        "day_month_year": re.compile(rf"(?<![\d\w]){d}\.?\s+{m}\s*,?\s+{y}{sfx}"),
        "month_day_year": re.compile(rf"(?<![\w]){m}\s+{d},?\s+{y}(?!\d)"),
        "month_range": re.compile(rf"(?<![\w]){m}\s*[-–]\s*{m2}\s+{y}{sfx}"),
        "year_of_month": re.compile(rf"{y}\s+yilinin\s+{m}\s+ayinda"),
        "part_before": re.compile(rf"(?<![\w])(?P<p1>{parts})[\s-]+{m}(?:\s+{y})?(?![\w])"),
        "part_after": re.compile(
            rf"(?<![\w]){m}(?:\s+{y})?(?:\s+ayi(?:nin)?)?\s+(?P<p2>{parts})(?![\w])"),
        "month_during": re.compile(rf"(?<![\w]){m}(?:\s+{y})?\s+ayi\s+boyunca(?![\w])"),
        "month_year": re.compile(rf"(?<![\w\d]){m}\s+{y}{sfx}"),
        "day_month": re.compile(rf"(?<![\d\w/]){d}\s+{m}{sfx}(?!\s*,?\s*{_YEAR})"),
        "month_alone": re.compile(rf"(?<![\w]){m}\s+ay(?:i|inda)\b"),
        "year": re.compile(rf"(?<![\w/.\-–]){y}(?:\s(?:[a-z]{{1,4}}|yilinda|yilinin))?"
                           r"(?![\w/]|\s*[-–]\s*\d)"),
        "relative": re.compile(
            r"(?<![\w])(?:(?P<n>\w+)\s+gun\s+(?P<dir>sonra|sona|once)|(?P<next>ertesi gun|"
            r"the next day|the following day|le lendemain)|(?P<same>ayni gun|ayni tarihte|"
            r"the same day))(?![\w])"),
    }


def is_month_name(word: str) -> bool:
    return fold(word).rstrip(".") in _months()


def find_dates(text: str, language: str = "") -> list[DateMention]:
    """Every date expression of `text`, in order, normalised where the text allows."""
    folded, origin = fold_with_offsets(text)
    citations = _citation_spans(folded)
    # Patterns run in order of precedence; a later one never takes characters an earlier
    # one matched (`26 Nisan 1920` is one date, not a day-month and a year).
    taken = bytearray(len(folded))
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for name, pattern in _patterns().items():
        for m in pattern.finditer(folded):
            a, b = m.span()
            if taken.find(1, a, b) >= 0:
                continue
            taken[a:b] = b"\x01" * (b - a)
            found.append((a, b, name, m))
    found.sort()
    out: list[DateMention] = []
    context = _Context()
    for a, b, name, m in found:
        in_citation = _inside(citations, a, b)
        start, end = origin[a], origin[b - 1] + 1
        # A Turkish suffix is written on (`1920’de`, `1920de`); a word after a space is not one.
        trailing = _TRAILING_WORD.search(text, start, end)
        if trailing and trailing.end() == end:
            end = trailing.start()
        surface = text[start:end]
        if name == "year" and in_citation:
            out.append(DateMention(start, end, surface, "citation", None, "year in a citation"))
            continue
        try:
            marked = _CALENDAR_MARK.match(folded, b)
            forced = next((k for k, v in marked.groupdict().items() if v), None) \
                if marked else None
            mention = _normalise(name, m, surface, language, context, forced)
        except DateError as exc:
            out.append(DateMention(start, end, surface, "date", None, f"not a real date: {exc}"))
            continue
        if mention is None:
            continue
        kind, fuzzy, note = mention
        marker = _OLD_STYLE.match(text, end)
        if fuzzy is not None and marker and fuzzy.precision == "day":
            fuzzy, note = _from_julian(fuzzy, surface)
            end = marker.end()
            surface = text[start:end]
        out.append(DateMention(start, end, surface, kind, fuzzy, note))
        # A date inside a citation dates the record cited, not the story being told.
        if fuzzy is not None and not in_citation:
            context.update(fuzzy)
    return out


class _Context:
    """The last explicit year and day, for dates without a year and relative dates."""

    def __init__(self) -> None:
        self.year: int | None = None
        self.day: date | None = None

    def update(self, d: FuzzyDate) -> None:
        self.year = d.latest.year if d.precision != "day" else d.earliest.year
        if d.precision == "day":
            self.day = d.earliest


def _normalise(name: str, m: re.Match[str], surface: str, language: str, ctx: _Context,
               forced: str | None = None) -> tuple[str, FuzzyDate | None, str] | None:
    g = m.groupdict()
    if name == "relative":
        return _relative(g, surface, ctx)
    year = int(g["y"]) if g.get("y") else None
    note = ""
    if name in ("day_month", "month_alone", "part_before", "part_after", "month_during") \
            and year is None:
        if ctx.year is None:
            return None  # nothing to take the year from: not reported as a date
        year, note = ctx.year, f"year {ctx.year} taken from the text before"
    if name == "numeric":
        return "date", *_numeric(int(g["a"]), int(g["b"]), year, language, surface)
    if name == "dual":
        return "date", *_dual(int(g["d"]), int(g["d2"]), _months()[g["m"]][1], year, surface)
    if name == "year":
        return "date", FuzzyDate.year(year, text=surface), note
    cal, month = _months()[g["m"]]
    if forced == "rumi" or (forced == "gregorian" and cal == "rumi"):
        cal, note = forced, note or f"calendar {forced}, as marked after the year"
    assert year is not None
    if name in ("day_month_year", "month_day_year", "day_month"):
        return "date", _day(cal, year, month, int(g["d"]), surface), note
    if name == "month_range":
        cal2, month2 = _months()[g["m2"]]
        first, last = _month(cal, year, month, surface), _month(cal2, year, month2, surface)
        return "date", FuzzyDate(first.earliest, last.latest, "interval", text=surface,
                                 calendar=cal), note
    whole = _month(cal, year, month, surface)
    part = g.get("p1") or g.get("p2")
    if part:
        third = _PARTS[part]
        lo = whole.earliest + timedelta(days=10 * third)
        hi = whole.latest if third == 2 else whole.earliest + timedelta(days=10 * third + 9)
        return "date", FuzzyDate(lo, hi, "interval", approximate=True, calendar=cal,
                                 text=surface), note
    return "date", whole, note


def _from_julian(d: FuzzyDate, surface: str) -> tuple[FuzzyDate, str]:
    """A day marked Old Style (`O.S.`, `ст. ст.`) is a Julian date: Russia kept the Julian
    calendar until 31 January 1918 (decree of 26 January 1918; see calendars.py)."""
    day = julian_to_gregorian(d.earliest.year, d.earliest.month, d.earliest.day)
    return (FuzzyDate(day, day, "day", calendar="julian", text=surface),
            f"Old Style (Julian) {d.earliest.isoformat()} = Gregorian {day.isoformat()}")


def _dual(old: int, new: int, month: int, year: int, surface: str) -> tuple[FuzzyDate, str]:
    """A dual date gives the day in the old style (Julian, or Rumi before 1917) and in the new
    (Gregorian); the Gregorian one is the date, and the two are checked against each other."""
    if 1256 <= year <= 1341:  # a Rumi year: the new-style day falls in the Gregorian year
        gregorian_year = year + 584
        note = f"dual date: Rumi {old}, Gregorian {new} (year {gregorian_year})"
    else:
        gregorian_year = year
        expected = julian_to_gregorian(year, month, old)
        note = f"dual date: Julian {old}, Gregorian {new}"
        if expected != date(year, month, new) and expected.day != new:
            note += f" (the Julian day converts to {expected.isoformat()}: check the text)"
    return FuzzyDate.day(gregorian_year, month, new, text=surface), note


def _numeric(a: int, b: int, year: int, language: str,
             surface: str) -> tuple[FuzzyDate, str]:
    """Day first (Turkish, French, German, Russian usage); English month first, and where
    both readings are possible the mention says which was taken."""
    english = language.startswith("en")
    if english and a <= 12 and b > 12:
        return FuzzyDate.day(year, a, b, text=surface), ""
    if english and a <= 12 and a != b:
        return FuzzyDate.day(year, a, b, text=surface), \
            "ambiguous numeric date, read month first as English usage writes it"
    return FuzzyDate.day(year, b, a, text=surface), ""


def _day(cal: str, year: int, month: int, day: int, surface: str) -> FuzzyDate:
    if cal == "rumi" or (cal == "gregorian" and 1256 <= year <= 1341 ):
        d = rumi_to_gregorian(year, month, day)
        return FuzzyDate(d, d, "day", calendar="rumi", text=surface)
    if cal == "hijri":
        lo, hi = hijri_interval(year, month, day)
        return FuzzyDate(lo, hi, "interval", approximate=True, calendar="hijri", text=surface)
    return FuzzyDate.day(year, month, day, text=surface)


def _month(cal: str, year: int, month: int, surface: str) -> FuzzyDate:
    if cal == "rumi" or (cal == "gregorian" and 1256 <= year <= 1341):
        lo, hi = rumi_month_range(year, month)
        return FuzzyDate(lo, hi, "month", calendar="rumi", text=surface)
    if cal == "hijri":
        lo, hi = hijri_interval(year, month)
        return FuzzyDate(lo, hi, "interval", approximate=True, calendar="hijri", text=surface)
    return FuzzyDate.month(year, month, text=surface)


def _relative(g: dict[str, str | None], surface: str,
              ctx: _Context) -> tuple[str, FuzzyDate | None, str]:
    if ctx.day is None:
        return "relative", None, "no earlier day in the text to count from"
    if g.get("same"):
        offset = 0
    elif g.get("next"):
        offset = 1
    else:
        n = _NUMBER_WORDS.get(g.get("n") or "") or (int(g["n"]) if (g["n"] or "").isdigit()
                                                    else None)
        if n is None:
            return "relative", None, f"cannot count {g.get('n')!r} days"
        offset = -n if g.get("dir") == "once" else n
    d = ctx.day + timedelta(days=offset)
    return "relative", FuzzyDate(d, d, "day", text=surface), \
        f"{offset:+d} day(s) from {ctx.day.isoformat()}"


def _inside(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether [a, b) lies inside one of the sorted, disjoint `spans`."""
    i = bisect_right(spans, (a, _END)) - 1
    return i >= 0 and spans[i][0] <= a and b <= spans[i][1]


def _citation_spans(folded: str) -> list[tuple[int, int]]:
    """Parentheses whose content reads as a bibliographic reference."""
    return [(a, b) for a, b in parenthesized(folded) if _CITATION_CUE.search(folded[a + 1:b - 1])]
