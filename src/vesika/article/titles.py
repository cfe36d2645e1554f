"""A quoted document's title, read from the article's words around it: the heading the article
gives it (``Büyük Millet Meclisi’nin Moskova Sovyet Hükümeti’ne birinci teklifnamesi (mektup),
26/4/1920:``, an annex's ``A. …`` line), else the full name, in the article's language, of a
document the introducing sentence names (in the article's spelling when it writes the name
whole), else a name of its kind written out there (``la Déclaration des droits de Virginie,
adoptée …``), else the sentence that introduces it."""

from __future__ import annotations

import re

from vesika.annotate.authority import Authority, Entity
from vesika.annotate.names import Mention
from vesika.article.quotations import Block
from vesika.lang.dockinds import kind_nouns
from vesika.lang.namekey import name_key
from vesika.lang.written_names import name_at

MAX_TITLE = 160  # characters: a title taken from a longer introducing sentence is cut
_TRAILING_DATE = re.compile(r"[,;]?\s*\d{1,2}[/.]\d{1,2}[/.]\d{4}\s*:?\s*$")
# What a sentence split can leave before the introduction: a full stop, a note marker [9].
_LEADING_NOISE = re.compile(r"^[\s.,;:)\]]*(?:\[\d+\][\s.,;:]*)*")


def title_of(text: str, block: Block, heading: tuple[int, int] | None, intro: tuple[int, int],
             mentions: list[Mention], authority: Authority, language: str,
             basis: dict[str, str]) -> str:
    """The title; `basis` records where it was read."""
    if block.shape == "annex" and block.heading:
        paragraphs = [p for p in re.split(r"\n\s*\n", text[block.heading[0]:block.heading[1]])
                      if p.strip()]
        title = " ".join(paragraphs[-1].split())
        basis["title"] = "annex heading"
    elif heading:
        title = _TRAILING_DATE.sub("", " ".join(text[heading[0]:heading[1]].split())).rstrip(":")
        basis["title"] = "heading"
    else:
        named = [m for m in mentions if intro[0] <= m.start < intro[1] and m.entity
                 and authority.entities[m.entity].type in ("document", "treaty")]
        written = _kind_named(text, intro, language)
        if named:
            title = _full_name(authority.entities[named[0].entity or ""], named[0], language)
            basis["title"] = "document named in the introducing sentence"
        elif written:
            title = written
            basis["title"] = "name of its kind in the introducing sentence"
        else:
            title = _LEADING_NOISE.sub("", " ".join(text[intro[0]:intro[1]].split()))
            title = title.rstrip(":, ")
            if len(title) > MAX_TITLE:  # cut at a word, and say so
                title = title[:MAX_TITLE].rsplit(" ", 1)[0].rstrip(",;") + " …"
            basis["title"] = "introducing sentence"
    return title


def _full_name(entity: Entity, mention: Mention, language: str) -> str:
    """The title of a document the authority file knows: its full name in the article's
    language — the display name in English (``The Declaration of Rights adopted by the Virginia
    Convention`` -> Virginia Declaration of Rights), the entry's first form in another — in the
    article's own spelling when the article writes it whole (``Déclaration des droits de
    l’homme et du citoyen``, with the article's apostrophe); the mention as written when the
    entry has no name in that language; another full name of the entry the article writes whole
    (``Virginia Bill of Rights``) as written."""
    written = " ".join(mention.text.split())
    lang = language[:2]
    full = entity.name if lang == "en" else next(
        (f.text for f in entity.forms if f.lang == lang), "")
    if not full:
        return written
    # Another full name of the entry in the article's language, written whole, is the
    # article's name for it (Virginia Bill of Rights beside Virginia Declaration of Rights); a
    # shorter form (Declaration of Rights) is not the full name.
    other = any(f.lang == lang and name_key(f.text) == name_key(written) for f in entity.forms)
    if name_key(full) == name_key(written) or (
            other and len(written.split()) >= len(full.split())):
        return written
    return full


def _kind_named(text: str, intro: tuple[int, int], language: str) -> str:
    """A document's name written out in the introducing sentence, when the authority file does
    not know it: a capitalised noun of a document's kind, not opening the sentence, and the words
    of the name after it (``La Déclaration des droits de Virginie, adoptée par …`` -> Déclaration
    des droits de Virginie)."""
    for s, _, _ in kind_nouns(text[intro[0]:intro[1]]):
        at = intro[0] + s
        if text[at].isupper() and text[intro[0]:at].strip(" \n\t.,;:)]") \
                and (name := name_at(text, at, language, intro[1])):
            return name
    return ""
