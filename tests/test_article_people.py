"""Article mode: who wrote each quoted document and to whom, read from the seed's own words."""

from __future__ import annotations

import pytest

from conftest import EXAMPLE, SEED
from vesika.annotate.authority import load_authority
from vesika.annotate.names import NameFinder, resolve
from vesika.article.extract import extract_documents
from vesika.article.people import DATIVE, salutation, source_parties
from vesika.pipeline import document_from_file


@pytest.fixture(scope="module")
def found():
    return extract_documents(document_from_file(SEED), load_authority())


def by_kind(found, kind):
    return next(q for q in found if q.kind == kind)


def test_sender_and_recipient_of_the_source_note(found):
    # Annex II-B: "B. Mustafa Kemal Paşa İle Bolşevikler Tarafından Yapılan Anlaşmanın
    # Hükümleri" names the two parties; "(Kaynak: Çiçerin’den Mustafa Kemal’e Nota’nın
    # kopyası; Kopenhag’da Litvinoff’a verildi.)" who sent this text to whom.
    agreement = by_kind(found, "agreement")
    assert (agreement.author, agreement.recipient) == ("Çiçerin", "Mustafa Kemal")
    assert agreement.basis["author"] == "sender named in its source note"
    assert agreement.basis["recipient"] == "recipient named in its source note"


def test_a_relayed_text_keeps_its_heading_author(found):
    # Annex II-A: "A. Türk Milliyetçilerin kabul etmesi için Bolşevikler tarafından önerilen
    # koşullar"; its source note names the relay (Karabekir to Mustafa Kemal), which does not
    # agree with the heading's author and is not taken.
    conditions = by_kind(found, "conditions")
    assert (conditions.author, conditions.recipient) == ("Bolşevikler", "Türk Milliyetçiler")
    assert conditions.basis["recipient"] == "the one it is put to for acceptance"


def test_recipient_is_the_dative_nearest_the_verb_of_sending(found):
    # Footnote 9: "… İngilizlerin İstanbul Hükümeti’ne baskısı neticesinde askerlikten istifa
    # ederken Halifeye de şu telgrafı göndermişti:"
    telegram = by_kind(found, "telegram")
    assert (telegram.author, telegram.recipient) == ("Mustafa Kemal", "Halife")
    assert telegram.basis["recipient"] == "office in the dative"


def test_source_parties_stop_at_the_first_clause():
    doc = document_from_file(SEED)
    text = doc.clean_text
    authority = load_authority()
    mentions = resolve(NameFinder(authority).find(text, "tr"), authority)
    start = text.index("(Kaynak: Çiçerin’den")
    note = (start, text.index(")", start) + 1)
    sender, recipient = source_parties(text, note, mentions, authority)
    assert sender is not None and recipient is not None
    assert (sender.entity, recipient.entity) == ("georgy-chicherin", "mustafa-kemal-ataturk")


def test_salutations_in_the_documents_own_words(found):
    titles = {t.form for t in load_authority().titles}
    counter = document_from_file(EXAMPLE / "mukabil-teklifname.md").clean_text
    assert salutation(counter, titles) == "Büyük Millet Meclis-i Reisi Efendi"
    # The telegram as the article prints it, the author's glosses in parentheses included.
    telegram = by_kind(found, "telegram").text
    assert telegram.startswith("9/7/1919, Erzurum, … Atabei Ulyayi (Pek Yüce Atabeyi)")
    assert salutation(telegram, titles) == "Atabei Ulyayi Hazreti Padişahi"
    # A speech has no one addressed by name.
    speech = document_from_file(EXAMPLE / "mustafa-kemal-acik-celse-1920-07-08.md").clean_text
    assert salutation(speech, titles) == ""


def test_a_dative_before_a_postposition_is_no_recipient():
    # "İngiliz istihbaratına göre" (according to), "Kazım Karabekir’e bildirdi" (told to).
    assert DATIVE.match("’ne göre") is None
    assert DATIVE.match("’e bildirdi") is not None
    assert DATIVE.match("lere karşı") is None and DATIVE.match("lere verdi") is not None


def test_the_agent_of_a_participle_of_adoption_is_the_author():
    from vesika.annotate.names import NameFinder, resolve
    from vesika.article.people import agent_mention, agent_written

    authority = load_authority()
    finder = NameFinder(authority)

    def agent(text: str, language: str) -> str | None:
        found = agent_mention(text, 0, resolve(finder.find(text, language), authority))
        return found.entity if found else None

    assert agent("La Déclaration universelle des droits de l’homme, adoptée par l’Assemblée"
                 " générale des Nations unies au palais de Chaillot", "fr") == "un-general-assembly"
    assert agent("The Declaration of Rights adopted by the Virginia Convention on 12 June 1776",
                 "en") == "fifth-virginia-convention"
    assert agent("Die von Tschitscherin unterzeichnete Note vom 2. Juni 1920", "de") \
        == "georgy-chicherin"
    assert agent("Нота, подписанная Чичериным 2 июня 1920 года", "ru") == "georgy-chicherin"
    # Named in the sentence, but not its agent.
    assert agent("Le comité des Cinq, dont Mirabeau était le rapporteur", "fr") is None
    # A body the authority file does not know, as the article writes it.
    assert agent_written("La Déclaration des droits de Virginie, adoptée par la Convention de"
                         " Virginie à Williamsburg le 12 juin 1776, s’ouvre sur", "fr") \
        == "Convention de Virginie"
    assert agent_written("die von der Frankfurter Nationalversammlung beschlossene Verfassung",
                         "de") == "Frankfurter Nationalversammlung"
    assert agent_written("the amendments agreed by both houses of Congress", "en") == ""
