"""Clause markers: where a numbered clause begins, its number as written and normalised.

Two families of marker:

- keyword markers (`Article 1`, `ARTICLE I.`, `SECTION. 2.`, `Madde 1 —`, `Birinci Madde`,
  `Статья 1`, `Artikel 1`, `Art. 1`, `§ 1`, `AMENDMENT IV`) at the start of a line, followed by
  punctuation or by the end of the line. They say what they are, so each one counts;
- bare numbers (`1 —`, `1-`, `(1)`, `1)`, `1.`, `I.`, and letters `a)`, `(b)`, `c.` at line
  starts). Running text is full of numbers
  (`26/4/1920`, `15. Kolordu`, `ss. 747-748`), so a bare number starts a clause only as part of
  a run 1, 2, 3 … of one numbering style; `1.` and Roman numerals only at the start of a line,
  because Turkish writes ordinals as `15.` and Roman numerals appear inside references.

When a document has keyword markers, bare numbers inside it are sub-items (the `1.` `2.`
paragraphs of an article of the UDHR) and stay in their clause's text — unless one run of bare
numbers outnumbers the keyword markers, which are then stray lines inside its clauses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from vesika.segment.numerals import parse_number_words, roman_to_int


@dataclass(frozen=True, slots=True)
class Marker:
    """One clause marker found in the text."""

    cut: int  # where the previous clause ends: the marker, or the opening quote before it
    start: int  # first character of the marker as written
    end: int  # just past the marker
    text: str  # the marker as written: `1 —`, `SECTION. 1.`, `(3)`
    label: str  # normalised number: digits (`1`, `12a`), or a Roman numeral as written
    value: int  # numeric value, for checking runs
    kind: str  # "article" | "section" | "dash" | "paren" | "close" | "dot" | "roman"
    at_line_start: bool


_OPEN = r"[“\"«‘'„]?"
_ORDINAL_ARTICLE_WORDS = r"ARTICLE|Article|ARTIKEL|Artikel|MADDE|Madde"
_ARTICLE_WORDS = _ORDINAL_ARTICLE_WORDS + r"|ART|Art|СТАТЬЯ|Статья|AMENDMENT|Amendment"
_SECTION_WORDS = r"SECTION|Section|SEC|Sec"
_SECTION_KW = frozenset(_SECTION_WORDS.split("|"))
# Digits (with `1er`, `12a`, `5bis`), a Roman numeral, or up to four number words.
_NUMBER = (
    r"(?P<digits>\d{1,4})(?P<suffix>er|re|bis|ter|[a-z])?(?!\w)"
    r"|(?P<roman>[IVXLCDM]+)(?!\w)"
    r"|(?P<words>(?:the[ \t]+)?[^\W\d_]+(?:[ \t\-]+[^\W\d_]+){0,3}?)"
)
# A keyword marker is followed by punctuation or ends its line: `Article 5 of the treaty` in
# a wrapped line of prose is not a marker, `Article 5.` and a heading `Article 5` are.
_TAIL = r"(?P<tail>[ \t]*(?:\.\.\.|…|[.:)—–\-])(?=\s|$)|(?=[ \t\r]*$))"
_LINE_LEAD = rf"[ \t]*(?P<open>{_OPEN})"


def _line_start(body: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """`body` anchored at the text's start, and after each newline.

    Patterns that begin with `^` or a lookbehind make the regex engine try every position;
    a leading literal newline lets it jump from line to line, five times faster on 10 MB.
    """
    return re.compile(body, re.M), re.compile("\n" + body, re.M)


def _line_matches(
    patterns: tuple[re.Pattern[str], re.Pattern[str]], text: str, end: int
) -> Iterator[re.Match[str]]:
    first, rest = patterns
    m = first.match(text, 0, end)
    if m:
        yield m
    yield from rest.finditer(text, 0, end)


_KEYWORD = _line_start(
    rf"{_LINE_LEAD}(?P<marker>(?:(?P<kw>{_ARTICLE_WORDS}|{_SECTION_WORDS})\b\.?|§)"
    rf"[ \t]*(?:{_NUMBER})){_TAIL}"
)
# `Birinci Madde`, `On Birinci Madde`, `Erster Artikel`: number words before the keyword. Found
# from the keyword (a literal) and checked back to the line start, much faster than trying every
# line. Not `Art` (`One Art.` is prose) nor `Amendment`.
_KEYWORD_AFTER_WORDS = re.compile(rf"(?:{_ORDINAL_ARTICLE_WORDS})\b{_TAIL}", re.M)
_WORDS_BEFORE = re.compile(rf"{_LINE_LEAD}(?P<words>[^\W\d_]+(?:[ \t]+[^\W\d_]+){{0,2}})[ \t]+")

# Bare numbers. Inline styles must follow whitespace or an opening quote (not `no:3)`,
# `747-748`, `(2017)`); the check sits after the first digit so that the engine can scan for
# digits. A dash followed by a digit is a range (`1920-1921`, `ss. 875-\n876`).
_AFTER_SPACE = r"(?<![^\s“\"«‘'„]\d)"
_INLINE: dict[str, re.Pattern[str]] = {
    "dash": re.compile(
        rf"(?P<num>\d{_AFTER_SPACE}\d{{0,2}})[ \t]{{0,2}}[-–—](?![ \t]*\n?[ \t]*\d)"
    ),
    "paren": re.compile(r"\((?<![^\s“\"«‘'„]\()(?P<num>\d{1,3})\)(?=\s)"),
    "close": re.compile(rf"(?P<num>\d{_AFTER_SPACE}\d{{0,2}})\)(?=\s)"),
}
_AT_LINE_START: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "dot": _line_start(rf"{_LINE_LEAD}(?P<num>\d{{1,3}})\.(?=[ \t]*[^\W\d_]|[ \t]+\S)"),
    "roman": _line_start(rf"{_LINE_LEAD}(?P<num>[IVXLC]{{1,7}})[.)\-–—](?=[ \t]+\S)"),
    # Lettered items, `a)`, `(b)`, `c.` (treaties and laws letter the points of an article);
    # lower case only, so that initials such as `A. Türk Milliyetçilerin` never count.
    "letter": _line_start(rf"{_LINE_LEAD}\(?(?P<num>[a-z])[.)](?=[ \t]+\S)"),
}
_LEAD = re.compile(_LINE_LEAD)


def find_markers(text: str, end: int, language: str = "") -> list[Marker]:
    """The clause markers of `text[:end]` in document order (see the module docstring)."""
    keyword = _keyword_markers(text, end, language)
    bare: list[Marker] = []
    longest = 0
    for kind in (*_INLINE, *_AT_LINE_START):
        runs = _runs(_bare_candidates(text, end, kind))
        numbering = _main_numbering(runs)
        # Most markers wins; on a tie the style that starts first.
        if len(numbering) > len(bare) or (
            numbering and len(numbering) == len(bare) and numbering[0].start < bare[0].start
        ):
            bare = numbering
        longest = max([longest, *map(len, runs)])
    # Keyword markers win over bare numbers, unless they are fewer than one run of bare numbers:
    # then they are a stray line (`Madde 5: …` quoted inside item 2 of a list `1-` … `12-`).
    return _ordered(keyword if keyword and len(keyword) >= longest else bare)


def _ordered(markers: list[Marker]) -> list[Marker]:
    """Markers without overlaps, so that clauses cannot overlap whatever the patterns found."""
    out: list[Marker] = []
    for m in markers:
        if not out or m.cut >= out[-1].end:
            out.append(m)
    return out


def _keyword_markers(text: str, end: int, language: str) -> list[Marker]:
    out: dict[int, Marker] = {}
    for m in _line_matches(_KEYWORD, text, end):
        if m.group("digits"):
            value = int(m.group("digits"))
            suffix = m.group("suffix") or ""
            label = m.group("digits") + ("" if suffix in ("er", "re") else suffix)
        elif m.group("roman"):
            roman = roman_to_int(m.group("roman"))
            if roman is None:
                continue
            value, label = roman, m.group("roman")
        else:
            number = _number_words(m.group("words"), language)
            if number is None:
                continue
            value, label = number, str(number)
        kw = m.group("kw")
        kind = "section" if kw is None or kw in _SECTION_KW else "article"  # None: `§`
        start, stop = m.start("marker"), m.end("tail")
        out[start] = Marker(m.start("open"), start, stop, text[start:stop], label, value, kind,
                            True)
    for m in _KEYWORD_AFTER_WORDS.finditer(text, 0, end):
        line = text.rfind("\n", 0, m.start()) + 1
        before = _WORDS_BEFORE.fullmatch(text, line, m.start())
        if before is None:
            continue
        number = _number_words(before.group("words"), language)
        if number is None:
            continue
        start, stop = before.start("words"), m.end("tail")
        out[start] = Marker(before.start("open"), start, stop, text[start:stop], str(number),
                            number, "article", True)
    return [out[k] for k in sorted(out)]


def _number_words(words: str, language: str) -> int | None:
    """Number words read in the document's language first: a Turkish dossier may quote an
    English treaty (`Article One`), so the other languages are the fallback, not excluded."""
    number = parse_number_words(words, language)
    return number if number is not None or not language else parse_number_words(words)


def _bare_candidates(text: str, end: int, kind: str) -> list[Marker]:
    if kind in _INLINE:
        matches: Iterable[re.Match[str]] = _INLINE[kind].finditer(text, 0, end)
    else:
        matches = _line_matches(_AT_LINE_START[kind], text, end)
    out: list[Marker] = []
    for m in matches:
        num = m.group("num")
        if kind == "roman":
            value = roman_to_int(num)
        elif kind == "letter":
            value = ord(num) - ord("a") + 1
        else:
            value = int(num)
        if value is None:
            continue
        start = m.start("num") - (1 if kind == "paren" or text[m.start("num") - 1] == "(" else 0)
        lead = _LEAD.match(text, text.rfind("\n", 0, start) + 1, start)
        at_line_start = lead is not None and lead.end() == start
        # A line-start marker takes its opening quote with it; an inline one leaves it behind.
        cut = lead.start("open") if lead is not None and at_line_start else start
        label = num if kind in ("roman", "letter") else str(value)
        out.append(Marker(cut, start, m.end(), text[start : m.end()], label, value, kind,
                          at_line_start))
    return out


def _runs(candidates: list[Marker]) -> list[list[Marker]]:
    """The runs 1, 2, 3 … (at least two long) among the candidates, in order.

    Numbers that do not continue the run are read as prose and skipped. A run may skip one
    number (1, 2, 4) only at the start of a line, where a missing clause is likelier than a
    stray number. A new `1` followed by its `2` starts a new run; a lone unconfirmed `1` is
    replaced by a later one, which is nearer its `2`.
    """
    runs: list[list[Marker]] = []
    run: list[Marker] = []
    restart: list[Marker] = []
    for c in candidates:
        last = run[-1].value if run else 0
        if run and c.value == last + 1:
            run.append(c)
            restart = []
        elif c.value == 1:
            if len(run) <= 1:
                run, restart = [c], []
            else:
                restart = [c]
        elif restart and c.value == restart[-1].value + 1:
            runs.append(run)
            run, restart = [*restart, c], []
        elif len(run) >= 2 and c.value == last + 2 and c.at_line_start:
            run.append(c)
    if len(run) >= 2:
        runs.append(run)
    return runs


def _main_numbering(runs: list[list[Marker]]) -> list[Marker]:
    """The markers of the document's numbering: its longest run (the first of equals), and the
    other runs set out like it, at line starts or inline.

    A run set out differently is a list inside a clause or a closing note, such as
    `Dikkat: … şunlardır: 1- …, 2- …` after an agreement numbered `1-` … `12-` line by line.
    A run set out alike is the numbering starting again (a second part), kept as clauses.
    """
    if not runs:
        return []
    main = max(runs, key=len)  # max() keeps the first of equals
    placement = _at_line_starts(main)
    return [m for run in runs if run is main or _at_line_starts(run) == placement for m in run]


def _at_line_starts(run: list[Marker]) -> bool:
    return 2 * sum(m.at_line_start for m in run) > len(run)
