"""Who adopted, issued or signed a quoted document, read from the grammar of the sentence that
introduces it: the agent of a passive participle (``adoptée par l’Assemblée nationale
constituante``, ``adopted by the Virginia Convention``, ``von der Nationalversammlung
angenommene``, ``принятая Учредительным собранием``), or the subject of an active verb of
adopting (``the Virginia Convention adopted``, ``Die Generalversammlung der Vereinten Nationen
nahm … an``, and in a German clause that ends with its verb ``…, die der Konvent von Virginia am
12. Juni 1776 annahm``). The words are data: `data/vocabulary/agent_phrases.tsv`; how a name runs
when the authority file does not know it, `name_words.tsv` (`vesika.lang.written_names`)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache

from vesika.annotate.authority import Authority
from vesika.annotate.names import Mention
from vesika.data import read_rows
from vesika.lang.dockinds import kind_nouns
from vesika.lang.sentences import sentences
from vesika.lang.written_names import name_at


@lru_cache(maxsize=1)
def _agent_words() -> dict[str, frozenset[str]]:
    """The words of `agent_phrases.tsv` by role (``participle-ru``: the Russian participles,
    whose agent follows in the instrumental without a preposition)."""
    words: dict[str, set[str]] = defaultdict(set)
    for row in read_rows("vocabulary/agent_phrases.tsv"):
        words[row["role"]].add(row["form"])
        if row["role"] == "participle" and row["lang"] == "ru":
            words["participle-ru"].add(row["form"])
    return {k: frozenset(v) for k, v in words.items()}


def _alternation(forms: frozenset[str]) -> str:
    return "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))


@lru_cache(maxsize=1)
def _agent_grammar() -> dict[str, re.Pattern[str]]:
    """Patterns of the passive phrase naming an agent."""
    words = _agent_words()
    # A participle is a listed stem and an inflection of at most four letters.
    participle = rf"(?:{_alternation(words['participle'])})[^\W\d_]{{0,4}}"
    by = _alternation(words["by"])
    article = _alternation(frozenset(a for a in words["article"] if not a.endswith(("’", "'"))))
    elided = _alternation(frozenset(a for a in words["article"] if a.endswith(("’", "'"))))
    return {
        # "adoptée par (la|l’) X", "adopted by (the) X": the name follows.
        "before": re.compile(rf"\b{participle}\s+(?:{by})\s+(?:(?:{article})\s+|(?:{elided}))?$",
                             re.IGNORECASE),
        "by": re.compile(rf"\b{participle}\s+(?:{by})\s+(?:(?:{article})\s+|(?:{elided}))?",
                         re.IGNORECASE),
        # "von der X angenommene": the name stands between the preposition and the participle.
        "around": re.compile(rf"\b(?:{by})\s+(?:(?:{article})\s+)?$", re.IGNORECASE),
        "by_alone": re.compile(rf"\b(?:{by})\s+(?:(?:{article})\s+)?", re.IGNORECASE),
        "participle": re.compile(rf"\s+{participle}\b", re.IGNORECASE),  # used with .match(pos)
        # Russian: the agent in the instrumental right after the participle, no preposition.
        "instrumental": re.compile(
            rf"\b(?:{_alternation(words['participle-ru'])})[^\W\d_]{{0,4}}\s+$", re.IGNORECASE),
    }


def agent_mention(text: str, lo: int, mentions: list[Mention]) -> Mention | None:
    """The first of `mentions` that is the agent of a participle of adopting, issuing or
    signing (see the module); the phrase is read no further back than `lo`."""
    grammar = _agent_grammar()
    for m in mentions:
        before = text[max(lo, m.start - 60):m.start]
        if grammar["before"].search(before) or grammar["instrumental"].search(before) \
                or (grammar["around"].search(before) and grammar["participle"].match(text, m.end)):
            return m
    return None


def agent_written(phrase: str, language: str) -> str:
    """The agent of ``adoptée par la Convention de Virginie`` or ``von der Frankfurter
    Nationalversammlung beschlossene`` as written (`vesika.lang.written_names`), for a body the
    authority file does not know; "" when the phrase names none."""
    grammar = _agent_grammar()
    for m in grammar["by"].finditer(phrase):
        name = name_at(phrase, m.end(), language)
        if name:
            return name
    for m in grammar["by_alone"].finditer(phrase):
        name = name_at(phrase, m.end(), language)
        if name and grammar["participle"].match(phrase, m.end() + len(name)):
            return name
    return ""


@lru_cache(maxsize=1)
def _active_grammar() -> dict[str, re.Pattern[str]]:
    """Patterns of the active verbs of adopting, and of the German relative clause."""
    words = _agent_words()
    separable = [f.split() for f in words.get("separable", frozenset()) if len(f.split()) == 2]
    # "nahm … an": the verb, then the rest of its clause, then the particle closing it.
    # (A full stop after a figure is an ordinal's: "am 10. Dezember".)
    parts = [rf"\b{re.escape(v)}(?:en)?\b(?=(?:[^,.;:!?]|(?<=\d)\.)*\s{re.escape(p)}"
             rf"(?=[,.;:!?]|\s*$))" for v, p in separable]
    active = rf"\b(?:{_alternation(words.get('active', frozenset()))})[^\W\d_]{{0,2}}\b"
    opening = _alternation(words.get("relative", frozenset()) | words.get("article", frozenset()))
    return {
        "verb": re.compile("|".join([active, *parts]), re.IGNORECASE),
        "by": re.compile(rf"\s+(?:{_alternation(words['by'])})\b", re.IGNORECASE),
        # The opening of a clause that ends with its verb: ", die der …", ", welche die …".
        "relative": re.compile(rf"[,(]?\s*(?:(?:{opening})\s+)+", re.IGNORECASE),
        "opening": re.compile(rf"(?:{opening})", re.IGNORECASE),
    }


def active_agent(text: str, a: int, b: int, language: str, is_document: Callable[[int, str], bool]
                 ) -> str:
    """The subject of an active verb of adopting or issuing in text[a:b], as written: the name
    right before the verb (``the Virginia Convention adopted``, ``Die Generalversammlung der
    Vereinten Nationen nahm … an``), or the name that opens a German relative clause ending with
    the verb (``…, die der Konvent von Virginia am 12. Juni 1776 annahm,``); "" when there is
    none. A verb followed by the preposition of an agent is passive (``adopted by``); a name
    `is_document` (start, name) says is a document is no agent (``the Declaration adopted on
    …``)."""
    grammar = _active_grammar()
    for verb in grammar["verb"].finditer(text, a, b):
        if grammar["by"].match(text, verb.end()):
            continue
        clause = max(text.rfind(c, a, verb.start()) for c in ",;:(")
        clause = a if clause < 0 else clause
        relative = grammar["relative"].match(text, clause, verb.start())
        verb_last = re.match(r"\s*[,.;:!?)]", text[verb.end():] or ".") is not None
        first = True
        # Words, an elided article apart (l’Assemblée: the name starts after the apostrophe).
        for m in re.finditer(r"(?<![\w\-])[^\W\d_][\w\-]*", text[clause:verb.start()]):
            start = clause + m.start()
            if not m.group()[0].isupper() or grammar["opening"].fullmatch(m.group()):
                continue  # lower case, or the article opening a sentence (Die, The)
            name = name_at(text, start, language, verb.start())
            if name and not is_document(start, name):
                if not text[start + len(name):verb.start()].strip():
                    return name  # the subject right before its verb
                if first and relative and verb_last and (
                        not text[relative.end():start].strip()
                        or text[relative.end():start].islower()):
                    # ", die der Konvent von Virginia … annahm,", perhaps after an adjective
                    # (", welche die französische Nationalversammlung … verabschiedete.")
                    return name
            first = False
    return ""


def agent_elsewhere(text: str, entity: str, mentions: list[Mention], authority: Authority,
                    language: str, within: tuple[int, int], skip: tuple[int, int]
                    ) -> tuple[str, tuple[int, int]] | None:
    """Who adopted the document `entity` by what the article says of it elsewhere in
    `within` (its body), outside `skip` (the quotation and its introduction): the agent or the
    subject of a verb of adopting in a sentence that names this document and no other (``… jener
    Erklärung der Menschen- und Bürgerrechte, welche die französische Nationalversammlung im
    Sommer 1789 verabschiedete.``). (name, the sentence's span), or None."""
    def documents(a: int, b: int) -> set[str]:
        return {m.entity for m in mentions if a <= m.start < b and m.entity
                and authority.entities[m.entity].type in ("document", "treaty")}

    def is_document(start: int, name: str) -> bool:
        return bool(kind_nouns(name) or documents(start, start + len(name)))

    for m in mentions:
        if m.entity != entity or not within[0] <= m.start < within[1] \
                or skip[0] <= m.start < skip[1]:
            continue
        a, b = _sentence_at(text, m.start, within)
        if documents(a, b) != {entity}:
            continue  # another document named there may be the one the verb is about
        actors = [x for x in mentions if a <= x.start < b and x.entity
                  and authority.entities[x.entity].type in ("person", "organisation")]
        agent = agent_mention(text, a, actors)
        name = (" ".join(agent.text.split()) if agent else "") \
            or agent_written(text[a:b], language) or active_agent(text, a, b, language,
                                                                   is_document)
        if name:
            return name, (a, b)
    return None


def _sentence_at(text: str, pos: int, within: tuple[int, int]) -> tuple[int, int]:
    start = max(within[0], text.rfind("\n\n", 0, pos) + 2)
    end = text.find("\n\n", pos)
    end = within[1] if end < 0 else min(end, within[1])
    for s, e in sentences(text[start:end]):
        if start + s <= pos < start + e:
            return start + s, start + e
    return start, end
