"""The article's words around a quoted document: the heading or the sentence that introduces
it, the reference after it (or before it), the note called after its closing mark."""

from __future__ import annotations

import re
from typing import Any

from vesika.annotate.authority import Authority
from vesika.annotate.citations import Citation
from vesika.annotate.names import Mention
from vesika.article.quotations import Block
from vesika.lang.dockinds import kind_nouns
from vesika.lang.sentences import sentences

# The last word of a finite Turkish sentence (söylemiştir, yayımlamıştır, aşağıdadır) or an
# English/French/German verb of saying: an introduction, not a heading.
_FINITE = re.compile(r"(?:m[ıiuü]şt[ıiuü]r|m[ıiuü]şt[ıiuü]|[dt][ıiuü]r|[dt][ıiuü]|yor(?:du)?|"
                     r"[ae]c[ae]kt[ıi]r)$|^(?:said|wrote|declared|reads|follows|stated|dit|"
                     r"écrit|schrieb|sagte)$", re.IGNORECASE)
_CITATION_TAIL = re.compile(r"\s*\([^()]*(?:\d{4}|a\.\s?g\.)[^()]*\)\s*$")
LEADING_CITATION = re.compile(r"\s*\([^()]*\)\s*")
# After a closing quotation mark, the rest of the author's sentence before its reference: a
# verb of saying (" demişti. (", " diye yazmıştır. (", " he wrote. ("), or more of the
# sentence, with no sentence end, quotation or parenthesis in it.
_SAYING = re.compile(r"^[”“\"»]?\s*[^\W\d_A-ZÇĞİÖŞÜ][^.!?“”\"«»()]{0,200}?\.?\s*\($")


def introduction(text: str, block: Block, segment: tuple[int, int],
                 references: list[tuple[int, int]], mentions: list[Mention],
                 authority: Authority) -> tuple[tuple[int, int] | None, tuple[int, int]]:
    """(heading, introducing sentence): a heading is a short paragraph of its own that ends
    with a colon and has no finite verb (``… birinci teklifnamesi (mektup), 26/4/1920:``); the
    introduction is the sentence that leads into the quotation (for an annex, the paragraph
    before ``Tercüme:``), with the sentence before it when it names no document and that one
    does (``Die Generalversammlung … nahm die Allgemeine Erklärung der Menschenrechte am 10.
    Dezember 1948 … an. In der englischen Fassung lauten … :``). Neither reaches outside the
    `segment` (the body, or one footnote)."""
    lo = segment[0]
    if block.shape == "annex":
        marker = text.rfind("\n", lo, (block.heading or (block.start, 0))[0] - 1)
        before = text.rfind("\n", lo, max(lo, marker))
        paragraph_start = max(lo, text.rfind("\n\n", lo, max(lo, before)) + 2)
        return None, (paragraph_start, max(paragraph_start, marker))
    opening = block.start - 1
    head = text[lo:opening].rstrip()
    head = _CITATION_TAIL.sub("", head)  # "… yayımlamıştır: (Bray, 1920a, p. 12)"
    end = lo + len(head)
    paragraph_start = lo + (head.rfind("\n\n") + 2 if "\n\n" in head else 0)
    paragraph = text[paragraph_start:end]
    last_word = re.sub(r"[^\w]+$", "", paragraph.rstrip(": ")).rsplit(None, 1)[-1:] or [""]
    own_paragraph = not text[end:opening].strip(" \t(") or text[end:opening + 1].count("\n")
    if paragraph.endswith(":") and len(paragraph) < 300 and own_paragraph \
            and not _FINITE.search(last_word[0]):
        return (paragraph_start, end), (paragraph_start, end)
    spans = [(paragraph_start + a, paragraph_start + b) for a, b in sentences(paragraph)
             if paragraph[a:b].strip()]
    start = _sentence_start(text, spans[-1][0] if spans else paragraph_start, end, references)
    if len(spans) >= 2 and start == spans[-1][0] \
            and not _names_document(text, start, end, mentions, authority):
        before = _sentence_start(text, spans[-2][0], end, references)
        if before == spans[-2][0] and _names_document(text, before, start, mentions, authority):
            start = before
    return None, (start, end)


def _sentence_start(text: str, start: int, end: int, references: list[tuple[int, int]]) -> int:
    """Where the introduction starts, at `start` or later: a reference, or the close of an
    earlier quotation, also ends what came before."""
    for _, b in references:
        if start <= b <= end and not text[b:end].startswith(")"):
            start = b
    closing = max(text.rfind("”", start, end), text.rfind("»", start, end))
    if closing >= 0:
        start = closing + 1
    lead = LEADING_CITATION.match(text, start, end)
    return lead.end() if lead else start


def _names_document(text: str, a: int, b: int, mentions: list[Mention],
                    authority: Authority) -> bool:
    """text[a:b] names a document: one the authority file knows, or a noun of a kind of
    document (``Erklärung``, ``telgraf``)."""
    return bool(kind_nouns(text[a:b])) or any(
        a <= m.start < b and m.entity and authority.entities[m.entity].type in ("document",
                                                                                  "treaty")
        for m in mentions)


def called_note(text: str, block: Block, notes: list[tuple[int, int, str]],
                 markers: dict[str, Any], citations: list[Citation]) -> list[Citation]:
    """The references of the note whose call stands right after the quotation (``… other
    status. »¹⁵``): there the note, not a parenthesis, gives the quoted text's source."""
    after = block.end
    while after < len(text) and text[after] in " ”“\"»":  # “ closes a German „…“
        after += 1
    for number, at in markers.items():
        if at == after:
            note = next(((s, e) for s, e, n in notes if n == number), None)
            if note:
                return [c for c in citations if note[0] <= c.start < note[1]]
    return []


def source_of(block: Block, citations: list[Citation], text: str) -> tuple[Citation | None, str]:
    """The reference the article gives for the quoted document, and where it stands."""
    if block.shape == "annex":
        before = [c for c in citations if c.end <= (block.heading or (block.start, 0))[0]
                  and (block.heading or (block.start, 0))[0] - c.end < 200]
        return (before[-1], "reference introducing the annex") if before else (None, "")
    for c in citations:
        between = text[block.end:c.start]
        if c.start >= block.end and not between.strip(" \n”“\"»()…."):
            return c, "reference after the quotation"
        if c.start >= block.end and _SAYING.match(between):
            # "“…” demişti. (Jaeschke, …)", "“…” diye yazmıştır. (İlhan Tekeli …)": the
            # reference closes the sentence the quotation ends.
            return c, "reference closing the sentence it is quoted in"
        if c.start >= block.end + 250:
            break
    # "… şöyle bir ilan yayımlamıştır: (Bray, 1920a, p. 12)" and then the quotation
    before = [c for c in citations if c.end <= block.start and
              not text[c.end:block.start].strip(" \n“\"«()") and
              text[:c.start].rstrip(" (").endswith(":")]
    return (before[-1], "reference introducing the quotation") if before else (None, "")
