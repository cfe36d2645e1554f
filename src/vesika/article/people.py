"""Who wrote a quoted document and to whom, read from the article's words around it.

In order of trust:

* the **signature**: the quotation's last line, when it names a person;
* the **grammar** of the annex heading, the heading and the introducing sentence: the agent
  of a participle of adopting, issuing or signing (``adoptée par l’Assemblée nationale
  constituante``, ``adopted by the Virginia Convention``, ``von der Nationalversammlung
  angenommene``, ``принятая Учредительным собранием``: `data/vocabulary/agent_phrases.tsv`),
  written out as the article gives it when the authority file does not know it (``adoptée par
  la Convention de Virginie``); Turkish ``X tarafından`` (by X), ``X’den`` (from X) and, in a
  heading, ``X’in … teklifnamesi`` give the author; ``X ile Y tarafından`` (by X and Y) names
  the parties to an agreement, not one author. The recipient is the dative ``X’e`` (to X)
  nearest the end of the introduction, where the verb of sending stands (``… İstanbul
  Hükümeti’ne baskısı neticesinde … Halifeye de şu telgrafı göndermişti``: the Caliph, not the
  government), an office written alone in the dative (``Halifeye``), or the one a text is put to
  for acceptance (``Türk Milliyetçilerin kabul etmesi için``). A dative before a postposition
  (``X’e göre``, according to X) names no recipient;
* the **source note** ``(Kaynak: Çiçerin’den Mustafa Kemal’e Nota’nın kopyası; …)``: sender
  and recipient of the text as it was transmitted, taken as a pair and only where they agree
  with what the heading and introduction said (a relayed text has the relay's sender);
* a **salutation** inside the document: a vocative line (``Büyük Millet Meclis-i Reisi
  Efendi!``) or an address in the dative that opens it (``… Hazreti Padişahiye:``);
* lastly the subject of the introducing sentence, or of the sentences before it.
"""

from __future__ import annotations

import re

from vesika.annotate.authority import Authority
from vesika.annotate.names import Mention
from vesika.article.agents import active_agent, agent_mention, agent_written
from vesika.article.quotations import Block
from vesika.lang.dockinds import kind_nouns

# Suffixes after a name: an honorific may come between, and a plural (Bolşevik-ler-e,
# Türk Milliyetçi-ler-in) before the case ending.
_HONORIFIC = r"(?:\s+(?:Paşa|Bey|Efendi|Hazretleri))?"
_PLURAL = r"(?:l[ae]r[ıi]?)?"
# A dative governed by a postposition is no addressee: X’e göre (according to X), karşı
# (against), kadar (until), rağmen (despite), dair/ilişkin/ait (about, belonging to).
_POSTPOSITION = r"(?!\s+(?:göre|karşı|kadar|rağmen|doğru|dair|ait|ilişkin|nazaran|değin)\b)"
DATIVE = re.compile(rf"^{_HONORIFIC}\s*['’]?{_PLURAL}n?(?:y?[ae]|n[ae])\b{_POSTPOSITION}")
ABLATIVE = re.compile(rf"^{_HONORIFIC}\s*['’]?{_PLURAL}n?[dt][ae]n\b")
GENITIVE = re.compile(rf"^{_HONORIFIC}\s*['’]?{_PLURAL}n?[ıiuü]n\b")
_BY = re.compile(r"^\w*\s+(?:tarafından|by|par|von)\b", re.IGNORECASE)
_JOINT = re.compile(r"(?:\b(?:ile|İle|ve|and|et|und)|&)\s*$")
# "X’in kabul etmesi için", "X’in onayına": X is to accept (or approve) what is put to it.
_ACCEPTANCE = re.compile(rf"^\s*['’]?{_PLURAL}n?[ıiuü]n\s+(?:kabul|onay|tasdik)", re.IGNORECASE)
# A line of its own that calls someone by a title: "Büyük Millet Meclis-i Reisi Efendi!".
_VOCATIVE = re.compile(r"^[^\W\d_][^.!?\n]{2,80}?\s(?P<title>[^\W\d_]+)!$")
_GLOSS = re.compile(r"\s*\([^()]*\)")


def read_people(text: str, block: Block, heading: tuple[int, int] | None,
                intro: tuple[int, int], body: str, mentions: list[Mention],
                authority: Authority, references: list[tuple[int, int]],
                basis: dict[str, str], language: str = "") -> tuple[str, str]:
    """(author, recipient) of the quoted document in `block`; `basis` records where each was
    read. `language`: the article's."""
    def actors(a: int, b: int) -> list[Mention]:
        return [m for m in mentions if a <= m.start < b and m.entity and
                authority.entities[m.entity].type in ("person", "organisation")
                and not any(ra <= m.start < rb for ra, rb in references)]

    author = recipient = ""
    author_entity = recipient_entity = None
    last_line_start = text.rfind("\n", block.start, block.end)
    if last_line_start > 0 and len(text[last_line_start:block.end].split()) <= 12:
        signers = [m for m in actors(last_line_start, block.end)
                   if authority.entities[m.entity or ""].type == "person"]
        if signers:
            author, author_entity = " ".join(signers[-1].text.split()), signers[-1].entity
            basis["author"] = "signature"
    places = [heading] if heading else []
    places.append(intro)
    if block.shape == "annex" and block.heading:
        places.insert(0, block.heading)
    offices = [t.form for t in authority.titles if t.kind == "office"]
    for a, b in places:
        addressed: list[tuple[int, str, str | None, str]] = []
        agent = None if author else agent_mention(text, a, actors(a, b))
        if agent:
            author, author_entity = " ".join(agent.text.split()), agent.entity
            basis["author"] = "agent of the participle that introduces it"
        for m in actors(a, b):
            after = text[m.end:m.end + 40]
            if m is agent:
                continue
            if DATIVE.match(after):
                addressed.append((m.start, _written(m, after), m.entity,
                                  "dative in the introduction"))
            elif _ACCEPTANCE.match(after):
                addressed.append((m.start, _written(m, after), m.entity,
                                  "the one it is put to for acceptance"))
            elif not author and (_BY.match(after) or ABLATIVE.match(after)
                                 or (GENITIVE.match(after) and heading)):
                if _BY.match(after) and _JOINT.search(text[a:m.start]) \
                        and any(o.end <= m.start for o in actors(a, m.start)):
                    continue  # "X ile Y tarafından yapılan anlaşma": two parties, no one author
                author, author_entity = _written(m, after), m.entity
                basis.setdefault("author", "grammar of the introduction")
        for office in offices:
            for o in re.finditer(rf"\b{re.escape(office)}(?:y?[ae])\b{_POSTPOSITION}",
                                 text[a:b]):
                addressed.append((a + o.start(), office, None, "office in the dative"))
        if addressed and not recipient:
            # The dative nearest the verb of sending, which ends the introduction.
            _, recipient, recipient_entity, how = max(addressed)
            basis.setdefault("recipient", how)
    sender, addressee = source_parties(text, block.source_note, mentions, authority)
    if (sender or addressee) and _agrees(author_entity, author, sender) \
            and _agrees(recipient_entity, recipient, addressee):
        if sender and not author:
            author = " ".join(sender.text.split())
            basis["author"] = "sender named in its source note"
        if addressee and not recipient:
            recipient = " ".join(addressee.text.split())
            basis["recipient"] = "recipient named in its source note"
    titles = {t.form for t in authority.titles}
    if not recipient and (greeted := salutation(body, titles)):
        recipient = greeted
        basis["recipient"] = "salutation in the document"
    if not author and (written := agent_written(text[intro[0]:intro[1]], language)):
        author = written
        basis["author"] = "agent of the participle that introduces it, as written"

    def is_document(start: int, name: str) -> bool:
        return bool(kind_nouns(name)) or any(
            start <= m.start < start + len(name) and m.entity
            and authority.entities[m.entity].type in ("document", "treaty") for m in mentions)

    if not author and (subject := active_agent(text, intro[0], intro[1], language, is_document)):
        author = subject
        basis["author"] = "subject of a verb of adopting in the introduction"
    if not author:
        subjects = [m for m in actors(intro[0], intro[1])
                    if not DATIVE.match(text[m.end:m.end + 25])
                    and not GENITIVE.match(text[m.end:m.end + 25])]
        if subjects:
            author = " ".join(subjects[0].text.split())
            basis["author"] = "subject of the introducing sentence"
    if not author:
        earlier = [m for m in actors(max(0, intro[0] - 800), intro[0])
                   if authority.entities[m.entity or ""].type == "person"
                   and not DATIVE.match(text[m.end:m.end + 25])
                   and not GENITIVE.match(text[m.end:m.end + 25])]
        if earlier:
            author = " ".join(earlier[-1].text.split())
            basis["author"] = "subject of the sentences before"
    return author, recipient


def described_parties(text: str, span: tuple[int, int], mentions: list[Mention],
                      authority: Authority) -> tuple[Mention | None, Mention | None]:
    """(author, recipient) a noun phrase naming the document gives, read as a heading is:
    ``Büyük Millet Meclisi’nin Moskova Sovyet Hükümeti’ne 20/6/1920 tarihli ikinci
    teklifnamesi`` — the genitive its author, the dative its recipient."""
    author = recipient = None
    for m in mentions:
        if not span[0] <= m.start < span[1] or not m.entity \
                or authority.entities[m.entity].type not in ("person", "organisation"):
            continue
        after = text[m.end:m.end + 40]
        if author is None and GENITIVE.match(after):
            author = m
        elif recipient is None and DATIVE.match(after):
            recipient = m
    return author, recipient


def source_parties(text: str, note: tuple[int, int] | None, mentions: list[Mention],
                   authority: Authority) -> tuple[Mention | None, Mention | None]:
    """(sender, recipient) a source note names for the text it transmits: ``Kazım
    Karabekir’den Mustafa Kemal’e telgraf, …`` — the first clause only (what follows a comma or
    semicolon tells where the copy went next: ``Kopenhag’da Litvinoff’a verildi``)."""
    if note is None:
        return None, None
    clause = re.search(r"[,;]", text[note[0]:note[1]])
    stop = note[0] + clause.start() if clause else note[1]
    sender = addressee = None
    for m in mentions:
        if not note[0] <= m.start < stop or not m.entity \
                or authority.entities[m.entity].type not in ("person", "organisation"):
            continue
        after = text[m.end:m.end + 25]
        if sender is None and ABLATIVE.match(after):
            sender = m
        elif addressee is None and DATIVE.match(after):
            addressee = m
    return sender, addressee


def salutation(body: str, titles: set[str]) -> str:
    """Whom the document addresses in its own words: a short line of its own calling someone
    by a title (`titles`: ``Büyük Millet Meclis-i Reisi Efendi!``), or the address in the
    dative that opens it after its dateline (``9/7/1919, Erzurum, … Atabei Ulyayi (Pek Yüce
    Atabeyi) Hazreti Padişahiye:``), glosses in parentheses left out; as written, but for the
    dative ending."""
    for line in body.splitlines():
        line = line.strip()
        called = _VOCATIVE.match(line)
        if called and called.group("title") in titles and len(line.split()) <= 8:
            return line.rstrip("!").strip()
    opening = body[:200].split(":", 1)
    if len(opening) == 2:
        address = _GLOSS.sub("", re.split(r"[,…]", opening[0])[-1]).strip()
        words = address.split()
        dative = re.match(r"^(.*?)(?:['’]?y[ae]|['’][ae])$", words[-1]) if words else None
        if dative and 1 <= len(words) <= 6 and all(w[0].isupper() for w in words):
            return " ".join([*words[:-1], dative.group(1)])
    return ""


def _written(m: Mention, after: str) -> str:
    """The name as written, its plural kept (``Bolşevik`` + ``ler`` -> ``Bolşevikler``)."""
    plural = re.match(r"l[ae]r", after)
    return " ".join(m.text.split()) + (plural.group() if plural else "")


def _agrees(entity: str | None, written: str, other: Mention | None) -> bool:
    if not written or other is None:
        return True
    if entity:
        return entity == other.entity
    return written == " ".join(other.text.split())
