"""The cleaning stage on the real seed (a Turkish journal article's PDF text layer), on the
plain-text corpora, and on small texts that isolate one rule each."""

from __future__ import annotations

import re

import pytest

from conftest import CORPORA
from vesika.clean import Cleaned, Footnote, clean_text
from vesika.clean.hyphenation import Hyphenation, wordfreq_language

HEADER_127 = "Türk-Rus İlişkilerine Dair İki Belge Ve Analizleri"
HEADER_EVEN = "Fatih Turgay Eldem"


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Cleaned:
    return clean_text(seed_text, "tr")


def flat(text: str) -> str:
    """Whitespace (line breaks included) as single spaces."""
    return " ".join(text.split())


# --- the seed: running headers and pages -------------------------------------------------------


def test_running_headers_do_not_survive_in_the_body(seed: Cleaned, seed_text: str) -> None:
    assert HEADER_127 in seed_text and HEADER_EVEN in seed_text
    assert HEADER_127 not in seed.text
    assert HEADER_EVEN not in seed.text
    assert not re.search(r" {5,}\d+\s*$", seed.text, re.M)
    headers = [(s, e) for s, e, why in seed.removed if why == "running-header"]
    assert [seed_text[s:e].split()[-1] for s, e in headers] == ["127", "130", "136"]
    assert seed_text[headers[0][0] : headers[0][1]].startswith(HEADER_127)


def test_pages_are_labelled_with_their_printed_numbers(seed: Cleaned) -> None:
    by_label = {p.label: p for p in seed.pages}
    assert {"127", "130", "136"} <= by_label.keys()
    assert seed.text[by_label["127"].start :].startswith("halini almış bulunmaktadır.")
    assert seed.text[by_label["130"].start :].startswith("olduğuna inanmaktadır.")
    assert seed.text[by_label["136"].start :].startswith("4- Yine Mart 1924’te")
    # The pages in between carry no header; they are numbered by counting, which the three
    # printed numbers agree with.
    assert [p.label for p in seed.pages] == [str(n) for n in range(118, 138)]
    assert all(p.kind == "page" for p in seed.pages)
    ends = [0] + [p.end for p in seed.pages]
    assert all(p.start >= prev_end for p, prev_end in zip(seed.pages, ends, strict=False))
    assert seed.pages[-1].end <= seed.body_end


# --- the seed: footnotes -------------------------------------------------------------------------

EXPECTED_FOOTNOTES = [
    # number, first words, last words, the body text its marker was glued to
    ("1", "Özel ve kamu hukukunda geçen", "vicdanına kalmıştır.", "pacta sunt\nservanda"),
    ("2", "Kazım Karabekir’in teklifnameyi", "(Jaeschke, 2011, s. 161)", "Kemal’e\nbildirdi."),
    ("3", "Tula Moskova’nın 185 km", "ünlü bir şehirdir.", "3- Tula’daki"),
    ("4", "Arabistan’dan kasıt Irak’tır.", "Arabistan’dan kasıt Irak’tır.", "Hükümeti Arabistan"),
    ("5", "Luristan Acemistan’ın bir vilayeti", "de kastedilmiş olabilir.", "Kürdistan, Luristan"),
    ("6", "Antlaşma yapılması fikrini", "(Sonyel, 2003, ss. 13-14)", "dahi yoktu."),
    ("7", "Bu hüküm 2 Aralık 1920’de", "(Soysal, 1983, s. 25-26)", "yer almamıştır."),
    ("8", "Bilecik Görüşmeleri ile ilgili", "Babıali Yay., İstanbul, 2020", "durdurmuşlardı."),
    ("9", "Halife Padişahın Fahri Yaveri", "BMM’de üç defa yankılanmıştır.", "muhafazakâr"),
]


def test_all_nine_footnotes_are_found_with_their_text(seed: Cleaned) -> None:
    assert [f.number for f in seed.footnotes] == [n for n, *_ in EXPECTED_FOOTNOTES]
    for note, (number, first, last, _) in zip(seed.footnotes, EXPECTED_FOOTNOTES, strict=True):
        text = seed.text[note.start : note.end]
        assert text.startswith(first), number
        assert text.endswith(last), number
        assert note.start > seed.body_end
        assert seed.text[: note.start].endswith(f"\n{number} ")


def test_each_footnote_is_attached_to_its_marker(seed: Cleaned) -> None:
    for note, (number, *_, glued_to) in zip(seed.footnotes, EXPECTED_FOOTNOTES, strict=True):
        assert note.marker_at is not None, number
        assert seed.text[: note.marker_at].endswith(glued_to), number
        assert note.marker_at < seed.body_end


def test_footnotes_follow_the_body_one_per_entry(seed: Cleaned) -> None:
    section = seed.text[seed.body_end :]
    assert section.startswith("\n\n1 Özel ve kamu")
    entries = re.findall(r"^(\d) ", section, re.M)
    assert entries == [str(n) for n in range(1, 10)]
    assert seed.text.endswith("yankılanmıştır.\n")


def test_footnote_text_is_not_left_in_the_body(seed: Cleaned) -> None:
    body = seed.body
    for phrase in ("ahde vefa", "Tula Moskova’nın 185 km", "Arabistan’dan kasıt",
                   "Bilecik Görüşmeleri", "Halife Padişahın Fahri", "Jaeschke, 2011, s. 161",
                   "http://www.qdl.qa/"):
        assert phrase not in body, phrase


def test_markers_go_but_numbers_that_are_text_stay(seed: Cleaned) -> None:
    body = flat(seed.body)
    assert "pacta sunt servanda yapmışlardır" in body
    assert "Kemal’e bildirdi. Büyük Millet" in body
    assert "3- Tula’daki cephane" in body
    assert "Arabistan ve Suriye’nin" in body
    assert "muhafazakâr olan Mustafa Kemal" in body
    for kept in ("15. Kolordu", "1920’de", "no: 1)", "no: 2,3)", "no: 7,8)", "II-B", "II-A",
                 "6. ve 11.", "2. Maddesinde"):
        assert kept in body, kept
    markers = [(s, e) for s, e, why in seed.removed if why == "footnote-marker"]
    assert len(markers) == 9


# --- the seed: hyphenation, page-break whitespace -----------------------------------------------


def test_line_end_hyphens_keep_compounds_and_ranges(seed: Cleaned) -> None:
    body = seed.body
    assert "kesinleşen askeri-siyasi anlaşmanın metnidir." in body
    assert "zaman içinde askeri-siyasi bir niteliğe" in body
    assert "Kemalist-Bolşevik (ve Alman)" in body
    assert "ss. 875-876)" in body
    assert "ss. 32-38) Zaten" in body
    assert "gaye -i temennisiyle" in body  # a hyphen inside a line is the author's
    # Only the `-----` separator lines of the article still end with a hyphen.
    assert {line for line in body.split("\n") if line.endswith("-")} == {
        "---------", "---------------------", "-------------", "--------------"}


def test_paragraph_broken_by_a_page_is_joined(seed: Cleaned) -> None:
    body = seed.body
    # Footnote 1 and the next page's leading space stood in between.
    assert "Mustafa Kemal talimatı sadece\ntadil ederek, onaylamıştı." in body
    assert "artık nihai\nhalini almış" in body  # running header 127 between
    assert "gizli askeri maddeleri\nolduğuna inanmaktadır" in body  # header 130
    assert "BMM Hükümeti, Bolşevik\nRusya Hükümeti’yle" in body  # a URL footnote
    assert "müstakil devletler gibi\nilanı, 4-Büyük" in body  # footnote 2
    assert "Report No. II,\n1920a, India Office" in body  # footnote 6
    # A page that ended a sentence, and a next page that starts a new item: a paragraph break.
    assert "Halife olacaktı.\n\n4- Yine Mart" in body


def test_whitespace_is_normalised_but_lines_are_kept(seed: Cleaned) -> None:
    text = seed.text
    assert not re.search(r"[ \t]+$", text, re.M)
    assert "\n\n\n" not in text
    assert not re.search(r"^ \S", text, re.M)  # the pages' leading spaces
    assert text.startswith("Öz\n\nBu makalede Birleşik Krallık")
    assert "yapmışlardır.\n\n16 Mart 1920’de" in text
    assert "tekitten  sonra" in text  # spaces inside a line are the text's own


# --- the seed: offsets ---------------------------------------------------------------------------


def raw_of(cleaned: Cleaned, raw: str, start: int, end: int) -> str:
    rs, re_ = cleaned.raw_span(start, end)
    return raw[rs:re_]


def test_clean_spans_map_back_to_their_raw_text(seed: Cleaned, seed_text: str) -> None:
    text = seed.text

    def span(s: str) -> tuple[int, int]:
        i = text.index(s)
        return i, i + len(s)

    assert raw_of(seed, seed_text, *span("servanda yapmışlardır")) == "servanda1 yapmışlardır"
    assert raw_of(seed, seed_text, *span("askeri-siyasi anlaşmanın")) == (
        "askeri-\nsiyasi anlaşmanın")
    assert raw_of(seed, seed_text, *span("ss. 875-876)")) == "ss. 875-\n876)"
    assert raw_of(seed, seed_text, *span("Öz")) == "Öz"
    joined = raw_of(seed, seed_text, *span("sadece\ntadil"))
    assert joined.startswith("sadece \n\n") and joined.endswith("kalmıştır.  \n tadil")
    assert "\n1 Özel ve kamu hukukunda" in joined
    note = seed.footnotes[0]
    assert flat(raw_of(seed, seed_text, note.start, note.end)) == flat(
        text[note.start : note.end])
    assert raw_of(seed, seed_text, note.start, note.start + 4) == "Özel"
    page = next(p for p in seed.pages if p.label == "127")
    assert raw_of(seed, seed_text, page.start, page.start + 6) == "halini"
    removed_header = next(s for s, e, why in seed.removed if why == "running-header")
    assert seed_text[removed_header:].startswith(HEADER_127)


def test_every_copied_character_is_its_raw_character(seed: Cleaned, seed_text: str) -> None:
    m = seed.offsets
    assert m.clean_length == len(seed.text)
    bounds = [*m.clean_starts, m.clean_length]
    for k, verbatim in enumerate(m.verbatim):
        a, b = bounds[k], bounds[k + 1]
        if verbatim:
            assert seed_text[m.raw_starts[k] : m.raw_ends[k]] == seed.text[a:b]
        else:
            assert not seed.text[a:b].strip()  # only separators are written, never words


def test_removed_debris_is_recorded_with_its_reason(seed: Cleaned, seed_text: str) -> None:
    reasons = {why for _, _, why in seed.removed}
    # The seed's line-end hyphens are all compounds or ranges: none is taken out.
    assert reasons == {"running-header", "footnote-marker", "footnote-rule", "url-footer"}
    for s, e, why in seed.removed:
        piece = seed_text[s:e]
        if why == "footnote-marker":
            assert piece.isdigit()
        elif why == "footnote-rule":
            assert not piece.strip() and len(piece) >= 30
        elif why == "url-footer":
            assert piece == "http://www.qdl.qa/"
    assert seed.removed == sorted(seed.removed)


# --- plain-text corpora --------------------------------------------------------------------------

CORPUS_FILES = sorted(CORPORA.glob("*/*.txt"))


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_plain_texts_come_through_unchanged(path) -> None:
    raw = path.read_text(encoding="utf-8")
    language = raw.split("\n", 1)[0].split(" | ")[2]
    cleaned = clean_text(raw, language)
    assert cleaned.text == raw
    assert cleaned.body_end == len(raw)
    assert cleaned.footnotes == [] and cleaned.pages == [] and cleaned.removed == []
    # One verbatim piece: the map is the identity.
    assert cleaned.offsets.verbatim == [True]
    assert cleaned.raw_span(0, len(raw)) == (0, len(raw))


def test_corpora_are_all_checked() -> None:
    assert len(CORPUS_FILES) == 8


def test_single_newlines_of_plain_text_stay(seed_text: str) -> None:
    raw = (CORPORA / "udhr" / "udhr_en.txt").read_text(encoding="utf-8")
    assert "Article 1\nAll human beings are born free" in clean_text(raw, "en").text


# --- small texts, one rule each -----------------------------------------------------------------


def test_empty_and_blank_texts() -> None:
    for raw in ("", " ", "\n\n", "  \t \n \f \n"):
        cleaned = clean_text(raw)
        assert cleaned.text == ""
        assert cleaned.body_end == 0
        assert cleaned.footnotes == [] and cleaned.pages == []


def test_a_text_of_debris_only() -> None:
    assert clean_text("Running Title" + " " * 40 + "12\n").text == ""
    only_note = clean_text(" " * 40 + "\n1 A note alone.\n", "en")
    assert only_note.body == ""
    assert only_note.text == "1 A note alone.\n"
    assert only_note.text[only_note.footnotes[0].start :].startswith("A note alone.")


def test_trailing_spaces_go_and_blank_runs_collapse() -> None:
    raw = "one  \ntwo\t\n\n \n\n\nthree \r\nfour\r\n"
    cleaned = clean_text(raw, "en")
    assert cleaned.text == "one\ntwo\n\nthree\nfour\n"
    assert raw_of(cleaned, raw, 4, 7) == "two"
    assert raw_of(cleaned, raw, 7, 9) == "\t\n\n \n\n\n"


def test_markers_are_only_removed_for_footnotes_that_exist() -> None:
    raw = "Tula’daki3 fabrika, B2 bloğu, no: 2,3 ve yoktu.6 diye.\n"
    assert clean_text(raw, "tr").text == raw


def test_underscore_rule_footnotes_and_designations() -> None:
    raw = (
        "The B2 form was filed by the clerk.1 Then the board met.2\n"
        "__________\n"
        "1 Archive, box 4.\n"
        "2 Minutes of the\n"
        "board, p. 3.\n"
    )
    cleaned = clean_text(raw, "en")
    assert cleaned.body == "The B2 form was filed by the clerk. Then the board met."
    assert [(f.number, cleaned.text[f.start : f.end]) for f in cleaned.footnotes] == [
        ("1", "Archive, box 4."), ("2", "Minutes of the\nboard, p. 3.")]
    assert [cleaned.text[: f.marker_at][-6:] for f in cleaned.footnotes] == [
        "clerk.", "d met."]
    assert cleaned.text.endswith("\n\n1 Archive, box 4.\n2 Minutes of the\nboard, p. 3.\n")


def test_form_feed_pages_with_page_numbers() -> None:
    # pdftotext's layout: every page, the last one too, ends with a form feed.
    raw = "The treaty was signed\n\n12\n\fby both parties.\n\n13\n\fA new chapter.\n14\n\f"
    cleaned = clean_text(raw, "en")
    assert cleaned.text == "The treaty was signed\nby both parties.\n\nA new chapter.\n"
    assert [(p.label, cleaned.text[p.start : p.end]) for p in cleaned.pages] == [
        ("12", "The treaty was signed"), ("13", "by both parties."), ("14", "A new chapter.")]
    assert [why for _, _, why in cleaned.removed].count("page-break") == 3
    assert "\f" not in cleaned.text


def test_a_number_alone_at_the_end_of_an_excerpt_is_text() -> None:
    # Without a form feed after it, the text's last line may be where an excerpt was cut:
    # `876` of `876 anlaşma` is no page number, and cleaning the excerpt must not drop it.
    assert clean_text("ss. 875-\n\f876", "tr").text == "ss. 875-876"
    assert clean_text("A new chapter.\n14\n", "en").text == "A new chapter.\n14\n"


def test_page_breaks_from_the_reader_find_running_titles() -> None:
    pages = [
        "Journal of History 5\nThe envoy left Ankara in",
        "Journal of History 6\nApril and reached Moscow.",
        "Journal of History 7\nArticle 3\nThe talks began.",
    ]
    raw = "\n".join(pages)
    breaks = [raw.index(p) for p in pages[1:]]
    cleaned = clean_text(raw, "en", page_breaks=breaks)
    assert cleaned.text == "The envoy left Ankara in\nApril and reached Moscow.\n\nArticle 3\n" \
        "The talks began."
    assert [p.label for p in cleaned.pages] == ["5", "6", "7"]
    # Without the breaks the same lines are text: nothing marks them as headers.
    assert "Journal of History 6" in clean_text(raw, "en").text


def test_reader_pages_with_footnotes_and_page_numbers_below_them() -> None:
    pages = [
        "The envoy's report ends mid-\nsentence.1\n" + "_" * 12 + "\n1 A note on it.\n12",
        "and goes on.\n13",
    ]
    raw = "\n".join(pages)
    cleaned = clean_text(raw, "en", page_breaks=[len(pages[0]) + 1])
    assert cleaned.body == "The envoy's report ends mid-sentence.\nand goes on."
    assert [p.label for p in cleaned.pages] == ["12", "13"]
    assert [(f.number, cleaned.text[f.start : f.end]) for f in cleaned.footnotes] == [
        ("1", "A note on it.")]
    assert cleaned.text[: cleaned.footnotes[0].marker_at].endswith("mid-sentence.")


def test_a_single_page_from_a_reader_is_a_page() -> None:
    cleaned = clean_text("Some text.\n\n7\n", "en", page_breaks=[])
    assert cleaned.text == "Some text.\n"
    assert [(p.label, p.start, p.end) for p in cleaned.pages] == [("7", 0, 10)]


def test_footnotes_alike_on_two_pages_are_not_a_running_title() -> None:
    rule = "_" * 12
    raw = (f"The first page.1\n{rule}\n1 See the file.\n"
           f"\fThe second page.2\n{rule}\n2 See the file.\n")
    cleaned = clean_text(raw, "en")
    assert [f.number for f in cleaned.footnotes] == ["1", "2"]
    assert cleaned.body == "The first page.\n\nThe second page."


def test_layout_header_without_page_breaks() -> None:
    raw = ("the council decided\n\n\nA History of Councils" + " " * 60 + "41\n\n"
           "to adjourn.\n")
    cleaned = clean_text(raw, "en")
    assert cleaned.text == "the council decided\nto adjourn.\n"
    assert cleaned.pages[1].label == "41"


def test_hyphen_at_a_page_break_is_resolved_across_it() -> None:
    raw = "the müza-\n\n\nBaşlık Metni" + " " * 40 + "7\n\nkereler sürdü.\n"
    assert clean_text(raw, "tr").text == "the müzakereler sürdü.\n"


def test_plain_numbered_lines_after_blank_lines_are_not_footnotes() -> None:
    raw = "Articles:\n\n1 Liberty.\n2 Equality.\n"
    assert clean_text(raw, "en").text == raw


# --- hyphenation decisions ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "left", "right", "keep"),
    [
        ("tr", "askeri", "siyasi", True),  # both words, joined form unknown
        ("tr", "müza", "kere", False),  # `müza` is no word
        ("tr", "Kemalist", "Bolşevik", True),  # capitalised right half
        ("tr", "hükümeti", "ne", False),  # a suffix, not the word `ne`
        ("tr", "müttefik", "lerle", False),  # a plural suffix chain
        ("tr", "bir", "çok", False),  # `birçok` is common
        ("tr", "Meclis", "i", True),  # izafet
        ("ota-Latn", "Elviye", "yi", True),  # izafet in Ottoman transcription
        ("tr", "Elviye", "yi", False),  # ... an ordinary syllable in modern Turkish
        ("tr", "875", "876", True),  # numbers: a range
        ("en", "well", "being", True),
        ("en", "Govern", "ment", False),
        ("en", "military", "political", True),
        ("fr", "peut", "être", True),
        ("de", "Bundes", "regierung", False),
        ("ru", "госу", "дарство", False),
        ("ru", "северо", "западный", True),
        ("", "askeri", "siyasi", True),  # unknown language: Latin script -> Turkish or English
        ("", "госу", "дарство", False),  # ... Cyrillic -> Russian
    ],
)
def test_hyphenation_rule(language: str, left: str, right: str, keep: bool) -> None:
    assert Hyphenation(language).keep_hyphen(left, right) is keep


def test_soft_hyphen_always_joins() -> None:
    assert Hyphenation("en").keep_hyphen("well", "being", "\u00ad") is False
    assert clean_text("a well\u00ad\nknown fact").text == "a wellknown fact"


def test_wordfreq_language_codes() -> None:
    assert wordfreq_language("ota-Latn") == "tr"
    assert wordfreq_language("tr") == "tr"
    assert wordfreq_language("en-GB") == "en"
    assert wordfreq_language("xx") == ""
    assert wordfreq_language("") == ""


def test_footnote_is_a_span_of_kind_footnote() -> None:
    span = Footnote("3", 10, 20, 5).to_span()
    assert (span.start, span.end, span.kind, span.label) == (10, 20, "footnote", "3")
    assert span.attrs == {"marker_at": 5}
