"""Encodings Turkish and Russian archives produce, decoded from real text."""

import codecs

import pytest

from conftest import SEED, corpus_text
from vesika.ingest import IngestError
from vesika.ingest.encoding import decode_bytes

UDHR_TR = corpus_text("udhr/udhr_tr.txt")
UDHR_RU = corpus_text("udhr/udhr_ru.txt")
DDHC_FR = corpus_text("rights_chain/ddhc_1789_fr.txt")


@pytest.mark.parametrize(
    ("text", "encoding", "expected_name"),
    [
        (UDHR_TR, "utf-8", "utf-8"),
        (UDHR_TR, "iso8859_9", "iso8859_9"),
        (UDHR_RU, "cp1251", "cp1251"),
        (UDHR_RU, "koi8_r", "koi8_r"),
        (UDHR_RU[:300], "koi8_r", "koi8_r"),
        (UDHR_RU[:300], "cp1251", "cp1251"),
        (DDHC_FR, "cp1252", "iso8859_9"),  # French: same text through the Turkish table
    ],
)
def test_legacy_encodings_decode_to_the_original_text(text, encoding, expected_name):
    data = text.encode(encoding, errors="strict")
    decoded, name = decode_bytes(data)
    assert decoded == text
    assert name == expected_name


def test_seed_article_in_cp1254_keeps_turkish_letters():
    # cp1254 has the typographic quotes of the article (’ “ ”) in 0x80-0x9F; ISO-8859-9 does not.
    text = SEED.read_text(encoding="utf-8").replace("…", "...")
    decoded, name = decode_bytes(text.encode("cp1254"))
    assert name == "cp1254"
    assert decoded == text
    assert "Birleşik Krallık (İngiltere)" in decoded


@pytest.mark.parametrize(
    ("prefix", "codec", "name"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
        (b"", "utf-16-le", "utf-16-le"),
    ],
)
def test_unicode_with_and_without_bom(prefix, codec, name):
    text = UDHR_TR[:2000]
    decoded, got = decode_bytes(prefix + text.encode(codec))
    assert decoded == text
    assert got == name


def test_empty_and_binary_files_are_refused():
    with pytest.raises(IngestError, match="empty"):
        decode_bytes(b"  \n\n", "empty.txt")
    with pytest.raises(IngestError, match="binary"):
        decode_bytes(bytes(range(256)) * 8, "blob.txt")
    with pytest.raises(IngestError, match=r"blob\.txt"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "blob.txt")
