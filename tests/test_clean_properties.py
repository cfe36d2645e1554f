"""Property: a clean span, traced back to the raw text and cleaned again, is the same text.

That is what makes the offset map trustworthy for quoting: whatever stretch of clean text a
finding cites, the raw stretch it points to says the same thing once cleaned.

Restrictions, each forced by what the stretch can know about its surroundings:

* Spans start at the start of a word and end at the end of one (a span that cuts a line-end
  hyphenation in half cannot be re-joined).
* Spans lie in the body or inside one footnote: the footnotes are moved after the body, so a
  span running from one footnote into the next maps to a raw stretch holding pages of body.
* Spans that contain a removed footnote marker are left out: `servanda1` loses its `1` only
  because footnote 1 exists, and the footnote block can lie pages away, outside the stretch.
* The comparison is with the re-cleaned stretch's body: a stretch that crosses a footnote block
  carries that footnote along, and it is moved after the body again.
* Generated running headers use the layout the seed shows (title, a wide gap, the number): a
  header with a narrow gap is only recognised when it recurs, which a short stretch may not
  show. Generated header titles hold letters (a bare `1920      102` is no header).

What the property found and the cleaner now handles: a marker digit read as part of the next
line's word (`müza-` / `kere8` must join as `müzakere`, not keep the hyphen before `kere8`), a
footnote `N text` taken for a running footer because it was both the second and the last line
of a page, and a number left alone on an excerpt's last line (`876` of `876 anlaşma`) taken for
a page number: the text's own start and end count as page boundaries only for a reader's page
list or a text that starts/ends with a form feed.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vesika.clean import Cleaned, clean_text

TR_WORDS = [
    "anlaşma", "hükümet", "meclis", "telgraf", "mektup", "heyet", "komutan", "kabul", "etti", "ve",
    "bir", "ile", "için", "gizli", "belge", "Kazım", "Karabekir’in", "Bolşeviklerin", "Moskova’ya",
    "Ankara", "talimatı", "sadece", "tadil", "ederek", "onaylamıştı", "Fakat", "oldu-bittiyle",
    "BMM", "teklifname", "1920’de", "Meclis-i", "Mebusan", "(mektup)", "“ahde", "vefa”", "gaye",
    "-i",
]
EN_WORDS = [
    "treaty", "government", "council", "letter", "envoy", "accepted", "and", "the", "of", "secret",
    "document", "Moscow", "Ankara", "military", "agreement", "negotiations", "started", "with",
    "famous", "Lenin", "Bray’s", "(annex)", "“very", "secret”", "well-known", "U.K.", "II-B",
    "1920", "no.", "15.",
]
# (left, right) halves a typesetter may break at a line end; some join, some keep the hyphen.
TR_SPLITS = [("müza", "kere"), ("askeri", "siyasi"), ("hükü", "meti"), ("Kemalist", "Bolşevik"),
             ("anlaş", "manın"), ("875", "876"), ("kabul", "ünü"), ("Meclis", "i")]
EN_SPLITS = [("govern", "ment"), ("military", "political"), ("well", "being"),
             ("nego", "tiations"), ("32", "38"), ("Brest", "Litovsk")]
RULE = " " * 59


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, str]:
    """A raw PDF-like text layer: pages of paragraphs, line-end hyphens, trailing and doubled
    spaces, running headers, footnote markers glued to words with their footnote blocks at the
    page's foot, and pages that start with a space, a header or a form feed."""
    lang = draw(st.sampled_from(["tr", "en"]))
    words = TR_WORDS if lang == "tr" else EN_WORDS
    splits = TR_SPLITS if lang == "tr" else EN_SPLITS
    word = st.sampled_from(words)
    title_word = st.sampled_from([w for w in words if w.isalpha()])

    # Body lines, as token lists; None stands for a blank line between paragraphs.
    rows: list[list[str] | None] = []
    for _ in range(draw(st.integers(1, 6))):
        if rows:
            rows.extend([None] * draw(st.integers(1, 3)))
        line: list[str] = []
        for _ in range(draw(st.integers(1, 5))):
            line.extend(draw(st.lists(word, min_size=1, max_size=7)))
            if draw(st.integers(0, 3)) == 0:
                left, right = draw(st.sampled_from(splits))
                line.append(left + "-")
                rows.append(line)
                line = [right]
            else:
                rows.append(line)
                line = []
        if line:
            rows.append(line)

    # Pages begin at some text lines; every line may take a marker for a footnote of its page.
    text_rows = [k for k, r in enumerate(rows) if r is not None and k > 0]
    starts = sorted(draw(st.sets(st.sampled_from(text_rows), max_size=3))) if text_rows else []
    bounds = [0, *starts, len(rows)]
    number = 0
    out: list[str] = []
    for p in range(len(bounds) - 1):
        notes: list[str] = []
        page_rows = rows[bounds[p] : bounds[p + 1]]
        if p > 0:
            style = draw(st.sampled_from(["space", "header", "formfeed"]))
            if style == "header":
                title = " ".join(draw(st.lists(title_word, min_size=1, max_size=4)))
                gap = " " * draw(st.integers(20, 90))
                out.append(f"\n\n\n{title}{gap}{100 + p}\n\n \n\n")
            elif style == "formfeed":
                out.append(draw(st.sampled_from(["\f", "\n\f"])))
        for k, row in enumerate(page_rows):
            if row is None:
                out.append(draw(st.sampled_from(["", " "])) + "\n")
                continue
            tokens = list(row)
            for t, token in enumerate(tokens):
                if (not token.endswith("-") and any(c.islower() for c in token[-1:])
                        and draw(st.integers(0, 9)) == 0):
                    number += 1
                    tokens[t] = token + draw(st.sampled_from(["", "."])) + str(number)
                    note = draw(st.lists(word, min_size=1, max_size=12))
                    cut = draw(st.integers(0, len(note)))
                    lines = [" ".join(note[:cut]), " ".join(note[cut:])]
                    notes.append(f"{number} " + "\n".join(x for x in lines if x))
            sep = draw(st.sampled_from([" ", " ", " ", "  "]))
            text = sep.join(tokens) + " " * draw(st.integers(0, 2))
            lead = " " if k == 0 and p > 0 and out and not out[-1].endswith(("\n\n", "\f")) else ""
            out.append(lead + text + "\n")
        if notes:
            rule = draw(st.sampled_from([RULE, "_" * 20]))
            out.append("\n" * draw(st.integers(0, 2)) + rule + "\n" + "\n".join(notes) + "\n")
    return "".join(out), lang


def clean_spans(cleaned: Cleaned) -> list[list[tuple[int, int]]]:
    """Word tokens of the body and of each footnote, as lists of (start, end)."""
    regions = [(0, cleaned.body_end)] + [(f.start, f.end) for f in cleaned.footnotes]
    return [
        [(a + m.start(), a + m.end()) for m in re.finditer(r"\S+", cleaned.text[a:b])]
        for a, b in regions
    ]


def check_span(raw: str, lang: str, cleaned: Cleaned, start: int, end: int) -> None:
    markers = sorted(f.marker_at for f in cleaned.footnotes if f.marker_at is not None)
    k = bisect_left(markers, start + 1)
    if k < len(markers) and markers[k] < end:
        return  # holds a removed marker (see the module docstring)
    rs, re_ = cleaned.raw_span(start, end)
    again = clean_text(raw[rs:re_], lang)
    assert again.body == cleaned.text[start:end], (raw[rs:re_], cleaned.text[start:end])


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents(), data=st.data())
def test_a_clean_span_cleans_back_to_itself(doc: tuple[str, str], data: st.DataObject) -> None:
    raw, lang = doc
    cleaned = clean_text(raw, lang)
    for tokens in clean_spans(cleaned):
        if not tokens:
            continue
        i = data.draw(st.integers(0, len(tokens) - 1))
        j = data.draw(st.integers(i, len(tokens) - 1))
        check_span(raw, lang, cleaned, tokens[i][0], tokens[j][1])


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents())
def test_generated_debris_is_all_removed(doc: tuple[str, str]) -> None:
    raw, lang = doc
    cleaned = clean_text(raw, lang)
    body = cleaned.body
    assert "    " not in cleaned.text  # footnote rules and header gaps are gone
    assert not re.search(r"[ \t]$|^ \S", cleaned.text, re.M)
    assert "\f" not in cleaned.text and "\n\n\n" not in cleaned.text
    numbers = [int(f.number) for f in cleaned.footnotes]
    assert numbers == list(range(1, len(numbers) + 1))
    assert all(f.marker_at is not None for f in cleaned.footnotes)
    assert not re.search(r"[^\W\d_][.]?\d", body)  # every glued marker went
    assert cleaned.body_end <= len(cleaned.text)


SEED_CACHE: dict[str, Cleaned] = {}


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_seed_body_spans_clean_back_to_themselves(seed_text: str, data: st.DataObject) -> None:
    if "seed" not in SEED_CACHE:
        SEED_CACHE["seed"] = clean_text(seed_text, "tr")
    cleaned = SEED_CACHE["seed"]
    tokens = clean_spans(cleaned)[0]
    i = data.draw(st.integers(0, len(tokens) - 1))
    j = data.draw(st.integers(i, min(len(tokens) - 1, i + data.draw(st.sampled_from([3, 40,
                                                                                     800])))))
    check_span(seed_text, "tr", cleaned, tokens[i][0], tokens[j][1])


def test_seed_footnote_spans_clean_back_to_themselves(seed_text: str) -> None:
    cleaned = clean_text(seed_text, "tr")
    for tokens in clean_spans(cleaned)[1:]:
        for i in range(0, len(tokens), 5):
            check_span(seed_text, "tr", cleaned, tokens[i][0], tokens[-1][1])
