"""The primary documents an article quotes, each with the metadata the article gives for it.

For every quotation or annex (`quotations.py`) the article's own words around it are read:

* **title** — `titles.py`: the heading the article gives it, the full name of a document the
  introducing sentence names, a name of its kind written out there, or that sentence;
* **date** — a date in the heading, else a dateline or date under the signature inside the
  quotation, else the date of the record it is cited from (minutes of a session quote what
  was said that day), else a date in the introducing sentence; else what the rest of the
  article says of it (`prose_dates.py`: ``Temmuz 1920’de kesinleşen anlaşma``, a
  back-reference ``yukarıdaki telgrafı … gönderdi``), bounded by the date of the source note
  that transmits it;
* **author and recipient** — `people.py`: the signature, the grammar of the heading and
  introduction (``X tarafından``, ``X’den``, ``X’e``, ``adoptée par X``), the source note's
  sender and recipient (``Çiçerin’den Mustafa Kemal’e Nota’nın kopyası``), a salutation in the
  document;
* **source** — the reference right after it (with the work's full first mention when the
  reference is short), else the note called right after it (``… other status. »¹⁵``), or for
  an annex the reference that introduces it and its source note;
* **language** — detected from the quoted text itself (`vesika.lang.detect`; the article's
  when the text is too short to tell); a Turkish text is Ottoman Turkish in Latin script
  (``ota-Latn``) when a fair share of its words are unknown to modern Turkish usage (wordfreq)
  or it uses the hyphenated izafet (``vesait-i fenniye-i harbiye``);
* **editorial notes** — the article author's insertions inside the quotation: elisions ``(…)``
  and cross-references to other documents (``(Mukabil teklifname, no: 3)``) are removed from
  the text (`body.py`) and kept as annotations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from wordfreq import zipf_frequency

from vesika.annotate.authority import Authority
from vesika.annotate.citations import Citation, note_segments
from vesika.annotate.dates import find_dates
from vesika.annotate.names import Mention, NameFinder, resolve
from vesika.article.agents import agent_elsewhere
from vesika.article.body import body_text
from vesika.article.context import LEADING_CITATION, called_note, introduction, source_of
from vesika.article.people import described_parties, read_people, source_parties
from vesika.article.prose_dates import Named, ProseDates, qualifiers
from vesika.article.quotations import Block, annexes, quotations, set_off_blocks
from vesika.article.titles import title_of
from vesika.lang.detect import detect_language
from vesika.lang.dockinds import document_kind, kind_nouns
from vesika.lang.parens import parenthesized
from vesika.lang.words import turkish_lower
from vesika.link.bibliography import build_bibliography, slug
from vesika.model import Document, FuzzyDate, parse_edtf

MERGE_GAP = 100  # characters: quotations closer than this, with no reference between, are one
_IZAFET = re.compile(r"\w+-[iıuüye]{1,2}\s+\w+")


@dataclass
class QuotedDocument:
    id: str
    start: int
    end: int
    text: str
    title: str
    date: FuzzyDate | None
    author: str = ""
    recipient: str = ""
    language: str = ""
    kind: str = "quotation"
    source: str = ""
    notes: list[dict[str, Any]] = field(default_factory=list)
    basis: dict[str, str] = field(default_factory=dict)  # where each field was read
    named_as: str = ""  # the authority entry of the document its introduction names

    def front_matter(self, article_id: str) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "title": self.title}
        if self.date:
            out["date"] = self.date.edtf
        out.update({"language": self.language, "kind": self.kind})
        for key in ("author", "recipient", "source"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        out["quoted_in"] = {"document": article_id, "start": self.start, "end": self.end,
                            "read_from": self.basis}
        return out


def extract_documents(doc: Document, authority: Authority,
                      finder: NameFinder | None = None,
                      warnings: list[str] | None = None) -> list[QuotedDocument]:
    """The quoted documents of an article; problems met on the way go to `warnings`."""
    text = doc.clean_text
    finder = finder or NameFinder(authority)
    language = doc.meta.language or detect_language(text) or "und"
    notes, markers = note_segments(doc)
    bibliography = build_bibliography([doc])
    citations = [c.citation for c in bibliography.citations]  # found once, there
    references = [(a, b) for a, b in parenthesized(text)
                  if any(a <= c.start < b for c in citations)]
    full_mentions = {c.citation.start: _full_text(bibliography, c.work)
                     for c in bibliography.citations if c.work}
    mentions = resolve(finder.find(text, language), authority, doc.meta.date)
    blocks = annexes(text)
    blocks += [q for q in quotations(text, references=references, warnings=warnings)
               if not any(a.start <= q.start < a.end for a in blocks)]
    blocks += [q for q in set_off_blocks(text, references)
               if not any(b.start <= q.end and q.start <= b.end for b in blocks)]
    blocks = _merge(sorted(blocks, key=lambda b: b.start), citations, text)
    built: list[tuple[QuotedDocument, Named]] = []
    body_end = doc.body_end if doc.body_end is not None else len(text)
    for block, parts in blocks:
        segment = next(((s, e) for s, e, _ in notes if s <= block.start < e), (0, body_end))
        called = called_note(text, block, notes, markers, citations)
        built.append(_document(text, block, parts, segment, citations, references,
                               full_mentions, mentions, authority, language, called))
    # What the rest of the article says of each document dates those still undated.
    prose = ProseDates(text, find_dates(text, language), [n for _, n in built], references,
                       mentions, authority)
    out: list[QuotedDocument] = []
    for quoted, named in built:
        if quoted.date is None:
            quoted.date, how = prose.date(named)
            if how:
                quoted.basis["date"] = how
            mention = prose.mention_before(named)
            if mention:
                _from_mention(quoted, text, mention, mentions, authority)
        if quoted.named_as and quoted.basis.get("author", "") in _UNREAD:
            elsewhere = agent_elsewhere(text, quoted.named_as, mentions, authority, language,
                                        (0, body_end), (named.paragraph, named.end))
            if elsewhere:
                name, (a, b) = elsewhere
                quoted.author = name
                quoted.basis["author"] = ("who adopted it where the article names it elsewhere:"
                                          f" “{' '.join(text[a:b].split())}”")
        quoted.id = _unique_id(quoted, {q.id for q in out} | {doc.id})
        out.append(quoted)
    return out


# No author read from the words around the quotation, or only a person named in the sentences
# before it: what the article says of the document elsewhere is better.
_UNREAD = ("", "subject of the sentences before")


# Where people.py fell back on a guess: the actor of the sentences around the quotation.
_GUESSED = ("", "subject of the introducing sentence", "subject of the sentences before")


def _from_mention(quoted: QuotedDocument, text: str, span: tuple[int, int],
                  mentions: list[Mention], authority: Authority) -> None:
    """A document introduced by a bare noun (``Teklifnamede, “…”``) takes its parties from the
    mention that named it earlier in the paragraph, over a guess from the sentences around,
    and its title from there when the introduction is too short to name it."""
    author, recipient = described_parties(text, span, mentions, authority)
    if quoted.basis.get("title") == "introducing sentence" and len(quoted.title.split()) <= 2:
        named = [m.start for m in mentions if span[0] <= m.start < span[1]]
        quoted.title = " ".join(text[min(named, default=span[0]):span[1]].split())
        quoted.basis["title"] = "its mention earlier in the paragraph"
    if author and quoted.basis.get("author", "") in _GUESSED:
        quoted.author = " ".join(author.text.split())
        quoted.basis["author"] = "its mention earlier in the paragraph"
    if recipient and not quoted.recipient:
        quoted.recipient = " ".join(recipient.text.split())
        quoted.basis["recipient"] = "its mention earlier in the paragraph"


def _full_text(bibliography: Any, work_key: str | None) -> str:
    if not work_key:
        return ""
    work = bibliography.works.get(work_key)
    if not work:
        return ""
    full = next((c for _, c in work.cited if c.kind == "full"), None)
    return full.text if full else ""


def _merge(blocks: list[Block], citations: list[Citation],
           text: str) -> list[tuple[Block, list[tuple[int, int]]]]:
    """One document from quotations a few words apart (``” diye beyan etmiş; fakat devamında
    “``) with no reference between them."""
    out: list[tuple[Block, list[tuple[int, int]]]] = []
    for b in blocks:
        if out and b.shape == out[-1][0].shape == "quotation":
            last, parts = out[-1]
            gap = (last.end, b.start)
            if gap[1] - gap[0] <= MERGE_GAP and "\n\n" not in text[gap[0]:gap[1]].strip() \
                    and not any(gap[0] <= c.start < gap[1] for c in citations):
                out[-1] = (Block(last.start, b.end, "quotation"), [*parts, (b.start, b.end)])
                continue
        out.append((b, [(b.start, b.end)]))
    return out


def _document(text: str, block: Block, parts: list[tuple[int, int]], segment: tuple[int, int],
              citations: list[Citation], references: list[tuple[int, int]],
              full_mentions: dict[int, str], mentions: list[Mention], authority: Authority,
              language: str, called: list[Citation]) -> tuple[QuotedDocument, Named]:
    basis: dict[str, str] = {}
    body, notes = body_text(text, parts, citations)
    heading, intro = introduction(text, block, segment, references, mentions, authority)
    title = title_of(text, block, heading, intro, mentions, authority, language, basis)
    source_citation, where = source_of(block, citations, text)
    given: list[Citation] = []
    if source_citation is None and called:
        # The note's references together are the source; the first one dates it.
        source_citation, where = called[0], "the note called after the quotation"
        given = called
    elif source_citation:
        # Every reference of the parenthesis it opens: "(Konvent von Virginia, Sitzung vom 12.
        # Juni 1776, …; Rutland, Papers, Bd. 1, S. 287–289)".
        group = next(((a, b) for a, b in references if a <= source_citation.start < b), None)
        given = [c for c in citations if group and group[0] <= c.start < group[1]] \
            or [source_citation]
    # Each reference, with the work's full first mention when it is short.
    source = "; ".join(c.text + (f" ({full})" if (full := full_mentions.get(c.start, ""))
                                 and full != c.text else "") for c in given)
    if source_citation:
        basis["source"] = where
    if block.source_note:
        note = " ".join(text[block.source_note[0] + 1:block.source_note[1] - 1].split())
        source = f"{source}; {note}" if source else note
    date = _date(text, block, heading, intro, body, source_citation, basis)
    author, recipient = read_people(text, block, heading, intro, body, mentions, authority,
                                    references, basis, language)
    # "” diye beyan etmiş", "” diye yazmıştır": the words right after the quotation, up to a
    # reference or the end of the sentence.
    following = text[block.end + 1:block.end + 300]
    if following.lstrip(" ”“\"»\n").startswith("("):
        following = LEADING_CITATION.sub("", following.lstrip(" ”“\"»"), count=1)
    after = re.split(r"[.(;]", following[:60], maxsplit=1)[0]
    kind = (document_kind(text[heading[0]:heading[1]]) if heading else "") \
        or document_kind(after, nearest_end=True) \
        or document_kind(text[intro[0]:intro[1]], nearest_end=True)
    if block.shape == "annex" and block.heading:
        kind = document_kind(text[block.heading[0]:block.heading[1]]) or kind
    quoted = QuotedDocument(
        id="", start=block.start, end=block.end, text=body, title=title, date=date,
        author=author, recipient=recipient, language=_language(body, language),
        kind=kind or "quotation", source=source, notes=notes, basis=basis)
    if basis.get("title") == "document named in the introducing sentence":
        quoted.named_as = next((m.entity for m in mentions if intro[0] <= m.start < intro[1]
                                and m.entity and authority.entities[m.entity].type
                                in ("document", "treaty")), None) or ""
    return quoted, _named(text, block, heading, intro, quoted, mentions, authority, language)


def _named(text: str, block: Block, heading: tuple[int, int] | None, intro: tuple[int, int],
           quoted: QuotedDocument, mentions: list[Mention], authority: Authority,
           language: str) -> Named:
    """How the article names the document: the nouns of its kind in its heading and
    introduction, and the form its source note gives (``… Mustafa Kemal’e telgraf``), whatever
    its kind; with the ordinals and the like before them."""
    stems: set[str] = set()
    qualified: set[str] = set()
    places = [p for p in (block.heading, heading, intro) if p]
    for a, b in places:
        for s, _, stem in kind_nouns(text[a:b]):
            if document_kind(stem) == quoted.kind:
                stems.add(stem)
                qualified |= qualifiers(" ".join(text[max(a, a + s - 30):a + s].split()[-2:]))
    note_date = None
    parties: set[str] = set()
    if block.source_note:
        a, b = block.source_note
        clause = re.split(r"[,;]", text[a:b], maxsplit=1)[0]
        first = kind_nouns(clause)[:1]
        stems |= {stem for _, _, stem in first}
        found = [m.date for m in find_dates(text[a:b], language)
                 if m.date and m.kind == "date"]
        note_date = max(found, key=lambda d: d.latest) if found else None
        parties = {m.entity for m in source_parties(text, block.source_note, mentions, authority)
                   if m and m.entity}
    start = block.heading[0] if block.heading else block.start
    end = max(block.end, block.source_note[1] if block.source_note else 0)
    paragraph = text.rfind("\n\n", 0, intro[0])
    return Named(start, end, frozenset(stems), frozenset(qualified),
                 0 if paragraph < 0 else paragraph + 2, quoted.date, frozenset(parties),
                 note_date)


def _date(text: str, block: Block, heading: tuple[int, int] | None, intro: tuple[int, int],
          body: str, record: Citation | None, basis: dict[str, str]) -> FuzzyDate | None:
    def dated(s: str) -> FuzzyDate | None:
        found = [m for m in find_dates(s, "tr") if m.date and m.kind == "date"]
        return found[0].date if found else None

    if heading and (d := dated(text[heading[0]:heading[1]])):
        basis["date"] = "heading"
        return d
    for candidate in (body[:40], body[-40:]) if block.shape == "quotation" else ():
        if (d := dated(candidate)):
            basis["date"] = "dateline in the document"
            return d
    if record and record.record_date:
        day = FuzzyDate.day(*map(int, record.record_date.split("-")))
        told = dated(text[intro[0]:intro[1]])
        if told and not told.overlaps(day):
            # The article dates it one way, its reference another (a misprint, or the record
            # reads out something said earlier): keep both ends, say so.
            first, last = sorted((day, told), key=lambda d: d.earliest)
            basis["date"] = "between the record's date and the date the article gives"
            return parse_edtf(f"{first.edtf}/{last.edtf}")
        basis["date"] = "date of the record it is cited from"
        return day
    if (d := dated(text[intro[0]:intro[1]])):
        basis["date"] = "introducing sentence"
        return d
    return None


def _language(body: str, article_language: str) -> str:
    """The quoted text's own language (an English declaration quoted in a French article is
    English), the article's when the text is too short to tell; Turkish is then told from
    Ottoman Turkish."""
    detected = detect_language(body)
    if detected and not (detected == "tr" and article_language.startswith("ota")):
        language = detected
    else:
        language = article_language
    words = [turkish_lower(w) for w in re.findall(r"[^\W\d_]{3,}", body)]
    if not words or not language.startswith(("tr", "ota")):
        return language
    unknown = sum(1 for w in words if zipf_frequency(w, "tr") == 0) / len(words)
    izafet = len(_IZAFET.findall(body))
    circumflex = sum(body.count(c) for c in "âîûÂÎÛ")
    ottoman = unknown >= 0.2 or izafet >= 2 or circumflex >= 3
    return "ota-Latn" if ottoman else "tr"


def _unique_id(quoted: QuotedDocument, taken: set[str]) -> str:
    when = quoted.date.edtf if quoted.date else "undated"
    when = when.replace("../", "before-").replace("/..", "-or-later").replace("/", "-to-")
    base = "-".join(p for p in (slug(quoted.kind), when) if p)
    base = re.sub(r"[^a-z0-9_\-]", "", base.replace(".", ""))
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
