"""Decode the bytes of a text file whose encoding nobody wrote down.

Turkish and Russian archives still produce cp1254 / ISO-8859-9 and cp1251 / KOI8-R files next to
UTF-8 and UTF-16. General detectors guess badly on Turkish: charset-normalizer 3.x reads the seed
article saved as cp1254 as cp1252 ("Birleþik Krallýk"), because the bytes of ğ ı ş İ are the
Icelandic letters of cp1252. So legacy single-byte files are decoded with each candidate and the
most plausible text wins, scored by the letters each language actually uses.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from vesika.ingest.errors import IngestError

# Order matters on ties: Turkish first (the project's home archives), then Cyrillic, then Western.
LEGACY_CANDIDATES = ("cp1254", "cp1251", "koi8_r", "cp1252")

_TURKISH = set("çğıöşüâîûÇĞİÖŞÜÂÎÛ")
_WESTERN = set("éèêëàâäôöùûüçœæÉÈÊÀÂÔÇßñáíóúÁÍÓÚ")
_CYR_LOWER = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
_CYR_UPPER = set("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
# Characters that show up when a text is decoded with the wrong table: Icelandic letters that
# share byte values with Turkish ones, C1 controls, and symbols rare in prose.
_IMPLAUSIBLE = set("ÐðÝýÞþ¤¦§¨©ª¬®¯±²³´µ¶·¸¹º¼½¾×÷") | {chr(c) for c in range(0x80, 0xA0)}
_TYPOGRAPHIC = set("’‘“”–—…«»„•")
# Box drawing and other symbols (KOI8-R's 0x80-0xBF), private use and unassigned code points.
_IMPLAUSIBLE_CATEGORIES = {"So", "Sm", "Sk", "Co", "Cn", "Cc"}

_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


def _plausibility(text: str) -> float:
    score = 0.0
    for ch in text:
        if ch < "\x80":
            continue
        if ch in _TURKISH or ch in _WESTERN or ch in _CYR_LOWER or ch in _TYPOGRAPHIC:
            score += 1.0
        elif ch in _CYR_UPPER:
            # KOI8-R read as cp1251 (and the reverse) swaps the case of every letter: real
            # Russian prose is mostly lower case.
            score += 0.25
        elif ch in _IMPLAUSIBLE or unicodedata.category(ch) in _IMPLAUSIBLE_CATEGORIES:
            score -= 2.0
    return score


def decode_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Return (text, encoding name). Raises IngestError for empty, binary or undecodable input."""
    if not data.strip():
        raise IngestError(path, "file is empty")
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _strict(data, name, path), name
    if b"\x00" in data:
        name = _utf16_without_bom(data)
        if name is None:
            raise IngestError(path, "binary file (NUL bytes), not text")
        return _strict(data, name, path), name
    if len(_CONTROL.findall(data[:65536])) > max(2, len(data[:65536]) // 100):
        raise IngestError(path, "binary file (control bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best: tuple[float, str, str] | None = None
    for name in LEGACY_CANDIDATES:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text)
        if best is None or score > best[0]:
            best = (score, name, text)
    if best is None or best[0] < 0:
        raise IngestError(
            path, f"unknown encoding: not UTF-8/16 and no plausible {'/'.join(LEGACY_CANDIDATES)}"
        )
    _, name, text = best
    if name == "cp1254" and not re.search(rb"[\x80-\x9f]", data):
        # cp1254 and ISO-8859-9 agree on every byte outside 0x80-0x9F: same text either way.
        name = "iso8859_9"
    return text, name


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def _strict(data: bytes, name: str, path: str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        raise IngestError(path, f"not valid {name}: {exc.reason} at byte {exc.start}") from exc
