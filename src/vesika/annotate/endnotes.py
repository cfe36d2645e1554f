"""Endnotes: a ``Notes`` section at the end of a text, numbered ``1.``, ``2.``, … (or ``1``,
``2``, … without a full stop, as German notes are set: ``1 Georg Jellinek, …``), with markers
``[1]`` or superscript figures ``¹⁵`` in the running text — how plain-text and web copies of
articles carry their notes when there are no page footnotes for the cleaner to find."""

from __future__ import annotations

import re

_HEADING = re.compile(
    r"^[ \t]*(?:Notes|Endnotes|Notlar|Dipnotlar|Sonnotlar|Açıklamalar|Anmerkungen|"
    r"Notes et références|Примечания|Сноски)[ \t]*:?[ \t]*$", re.MULTILINE | re.IGNORECASE)
# A note's number at the start of a line: "1." or "1)", or the bare number and a space.
_ITEM = re.compile(r"^[ \t]*(\d{1,3})([.)]?)[ \t]+(?=\S)", re.MULTILINE)


def endnotes(text: str) -> list[tuple[int, int, str]]:
    """(start, end, number) of each note of the last notes section, numbered from 1 on."""
    headings = list(_HEADING.finditer(text))
    if not headings:
        return []
    start = headings[-1].end()
    first = next((m for m in _ITEM.finditer(text, start) if m.group(1) == "1"), None)
    if first is None:
        return []
    # Every note of a section is numbered the way its first note is. A bare figure that is not
    # the next note's number opens a wrapped line of the note before ("… Bd. 2,\n12 Bände"): it
    # is skipped. With a full stop or a parenthesis, such a number ends the notes, as a list
    # after them would.
    style = first.group(2)
    items = [m for m in _ITEM.finditer(text, first.start()) if m.group(2) == style]
    notes: list[re.Match[str]] = []
    for m in items:
        if int(m.group(1)) == len(notes) + 1:
            notes.append(m)
        elif style:
            break
    out: list[tuple[int, int, str]] = []
    for i, m in enumerate(notes):
        end = notes[i + 1].start() if i + 1 < len(notes) else len(text)
        blank = text.find("\n\n", m.end(), end)
        out.append((m.start(), blank if blank >= 0 else end, m.group(1)))
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
