"""Endnotes: a ``Notes`` section at the end of a text, numbered ``1.``, ``2.``, …, with markers
``[1]`` or superscript figures ``¹⁵`` in the running text — how plain-text and web copies of
articles carry their notes when there are no page footnotes for the cleaner to find."""

from __future__ import annotations

import re

_HEADING = re.compile(
    r"^[ \t]*(?:Notes|Endnotes|Notlar|Dipnotlar|Sonnotlar|Açıklamalar|Anmerkungen|"
    r"Notes et références|Примечания|Сноски)[ \t]*:?[ \t]*$", re.MULTILINE | re.IGNORECASE)
_ITEM = re.compile(r"^[ \t]*(\d{1,3})[.)][ \t]+", re.MULTILINE)


def endnotes(text: str) -> list[tuple[int, int, str]]:
    """(start, end, number) of each note of the last notes section, numbered from 1 on."""
    headings = list(_HEADING.finditer(text))
    if not headings:
        return []
    start = headings[-1].end()
    items = [m for m in _ITEM.finditer(text, start)]
    out: list[tuple[int, int, str]] = []
    expected = 1
    for i, m in enumerate(items):
        if int(m.group(1)) != expected:
            break
        end = items[i + 1].start() if i + 1 < len(items) else len(text)
        blank = text.find("\n\n", m.end(), end)
        out.append((m.start(), blank if blank >= 0 else end, m.group(1)))
        expected += 1
    return out


_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# "[12]", or superscript figures glued to the word or closing mark they follow
# ("Conseil constitutionnel¹.", "… other status. »¹⁵").
_MARKER = re.compile(r"\[(\d{1,3})\]|(?<=\S)([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})")


def endnote_markers(text: str, notes: list[tuple[int, int, str]]) -> dict[str, int]:
    """Where each note's marker (``[N]`` or superscript ``ᴺ``) stands in the running text
    (before the notes)."""
    if not notes:
        return {}
    body = text[: notes[0][0]]
    markers: dict[str, int] = {}
    for m in _MARKER.finditer(body):
        number = m.group(1) or m.group(2).translate(_SUPERSCRIPT)
        markers.setdefault(number.lstrip("0") or "0", m.start())
    return markers
