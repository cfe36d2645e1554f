"""Article mode: dates read from what the article says of a quoted document elsewhere."""

from __future__ import annotations

import pytest

from conftest import SEED
from vesika.annotate.authority import load_authority
from vesika.annotate.dates import find_dates
from vesika.article.extract import extract_documents
from vesika.article.prose_dates import Named, ProseDates
from vesika.lang.dockinds import kind_nouns
from vesika.pipeline import document_from_file

ARTICLE = SEED.parent.parent / "article" / "heldout_article.txt"


@pytest.fixture(scope="module")
def seed():
    return document_from_file(SEED)


@pytest.fixture(scope="module")
def found(seed):
    # Each quoted document by the words it opens with.
    return {" ".join(q.text.split()[:3]): q for q in extract_documents(seed, load_authority())}


def prose(text: str, named: list[Named], language: str = "tr") -> ProseDates:
    return ProseDates(text, find_dates(text, language), named, [], [], load_authority())


def test_agreement_dated_by_the_articles_description(found):
    # Abstract and introduction: "Temmuz 1920’de kesinleşen askeri-siyasi anlaşmanın"; the
    # annex heading calls it "Anlaşma", its source note gives no date.
    agreement = found["1- Sovyet Hükümeti,"]
    assert agreement.date is not None and agreement.date.edtf == "1920-07"
    assert agreement.id == "agreement-1920-07"
    assert agreement.basis["date"] == ("the article's dated description of it: “Temmuz 1920’de"
                                       " kesinleşen askeri-siyasi anlaşmanın”")


def test_relayed_conditions_dated_between_dispatch_and_source_note(found):
    # "Durumdan rahatsız olan Bolşevik Hükümeti, aynı tarihte […] yukarıdaki telgrafı gönderdi"
    # (the same day as "18 Ekim’de" before it): the Bolsheviks, not the sender and recipient
    # of the source note (Karabekir to Mustafa Kemal), so a lower bound; the introduction:
    # "Ekim 1920’de Kazım Karabekir’in Mustafa Kemal’e gönderdiği, … koşulları bildiren
    # telgraf"; the source note: "28 Ekim 1920 tarihli İstanbul raporunda aktarıldı".
    conditions = found["(1) Türkiye komünist"]
    assert conditions.date is not None
    assert conditions.date.edtf == "1920-10-18/1920-10-28"
    assert conditions.id == "conditions-1920-10-18-to-1920-10-28"
    basis = conditions.basis["date"]
    assert basis.startswith("no earlier than a back-reference to it: “aynı tarihte = 1920-10-18"
                            " … yukarıdaki telgrafı”")
    assert "“Ekim 1920’de Kazım Karabekir’in Mustafa Kemal’e gönderdiğ" in basis
    assert basis.endswith("no later than its source note: “28 Ekim 1920”")


def test_fragments_dated_by_the_mention_earlier_in_their_paragraph(found):
    # "… 20/6/1920 tarihli ikinci teklifnamesinin metni bugüne kadar yayımlanmamıştır. …
    # Teklifnamede, “Ermenistan ve Acemistan hudutlarımızı …”": the second proposal, quoted
    # in two fragments though its text was never published.
    second = found["Ermenistan ve Acemistan"]
    assert second.date is not None and second.date.edtf == "1920-06-20"
    assert (second.id, second.kind) == ("proposal-1920-06-20", "proposal")
    assert second.basis["date"] == ("its dated mention earlier in the paragraph: “20/6/1920"
                                    " tarihli ikinci teklifnamesinin”")
    # That mention names it as a heading would, and its parties in the genitive and dative.
    assert second.title == ("Büyük Millet Meclisi’nin Moskova Sovyet Hükümeti’ne 20/6/1920"
                            " tarihli ikinci teklifnamesinin")
    assert (second.author, second.recipient) == ("Büyük Millet Meclisi",
                                                 "Moskova Sovyet Hükümeti")
    assert second.basis["author"] == second.basis["recipient"] == \
        "its mention earlier in the paragraph"
    assert second.source.startswith("Sadık Erdaş, “Türk-Sovyet İlişkilerinin İlk Yılı")


def test_a_named_treaty_and_a_qualified_mention_are_not_descriptions_of_it(seed):
    text = seed.clean_text
    end = len(text)
    reader = prose(text, [Named(end, end, frozenset({"antlaşma", "teklifname"}), frozenset(),
                                end, None)])
    said = {" ".join(text[d.span[0]:d.span[1]].split()): sorted(d.qualifiers)
            for d in reader.described}
    # "16 Mart 1921’de Dostluk ve Kardeşlik Antlaşmasını": a treaty's name, not a description.
    assert not any("Antlaşmasını" in words for words in said)
    assert said["20/6/1920 tarihli ikinci teklifnamesinin"] == ["ikinci"]
    assert said["26 Nisan teklifnamesinin"] == []
    # "Sonyel bu metnin 24 Ağustos’ta … parafe edilen antlaşma olduğunu iddia etmektedir":
    # another historian's claim, which the article rejects, is not its dating.
    assert not any(words.startswith("24 Ağustos’ta") for words in said)


def test_a_description_two_documents_could_share_is_left_alone(seed):
    # Two quoted documents of the seed both called "anlaşma", neither dated: "Temmuz 1920’de
    # kesinleşen … anlaşmanın" could be either.
    text = seed.clean_text
    first = text.index("B. Mustafa Kemal Paşa İle")
    other = text.index("Yukarıdaki anlaşmanın şartları")
    a = Named(first, other, frozenset({"anlaşma"}), frozenset(), first, None)
    b = Named(other, other + 100, frozenset({"anlaşma"}), frozenset(), other, None)
    reader = prose(text, [a, b])
    assert reader.date(a) == (None, "")


def test_a_back_reference_needs_no_other_mention_between(seed):
    # After annex II-B the article calls another note "notayla" (Ahmet Muhtar's, December)
    # before "söz konusu nota 7 Aralık’ta yazılmıştı": that back-reference is not about the
    # annex, whose source note calls it "Nota".
    text = seed.clean_text
    first = text.index("B. Mustafa Kemal Paşa İle")
    end = text.index("4 Ağustos 1920", first) + len("4 Ağustos 1920")
    annex = Named(first, end, frozenset({"nota"}), frozenset(), first, None)
    assert prose(text, [annex]).date(annex) == (None, "")


def test_english_description_after_the_noun():
    # The held-out article: "… from the Virginia Declaration of Rights of June 1776 to …".
    text = document_from_file(ARTICLE).clean_text
    end = len(text)
    target = Named(end, end, frozenset({"declaration"}), frozenset(), end, None)
    date, how = prose(text, [target], "en").date(target)
    assert date is not None and date.edtf == "1776-06"
    assert how == "the article's dated description of it: “Declaration of Rights of June 1776”"


def test_document_nouns_are_nouns_not_verbs_of_saying():
    # The seed's introduction of the speech of 3 July 1920: the counter-proposal it speaks of
    # is a document noun; "söylemiştir" tells what the quotation is, it names no document.
    phrase = ("Dışişleri Halk Komiseri Georgi Çiçerin’in 2 Haziran tarihli mukabil\n"
              "teklifnamesi için şunları söylemiştir:")
    assert [(phrase[a:b], stem) for a, b, stem in kind_nouns(phrase)] == [
        ("mukabil\nteklifnamesi", "mukabil teklifname")]
