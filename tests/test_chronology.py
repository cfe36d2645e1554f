"""The chronology: events from dated statements, merged across documents, conflicts reported."""

import json

from conftest import run_cli
from vesika.link.chronology import build_chronology, sentences, to_csv, to_timelinejs


def chronology(*documents: tuple[str, str]):
    return build_chronology([(doc_id, text, "tr", None) for doc_id, text in documents])


def test_each_dated_statement_is_an_event_with_its_names_and_citation():
    text = ("Erzurum’daki 15. Kolordu komutanı Kazım Karabekir, metni Mustafa Kemal’e 18 Nisan "
            "1920 tarihinde gönderdi. (Kâzım Karabekir, İstiklâl Harbimiz, Cilt. 2, Yapı Kredi "
            "Yayınları, İstanbul, 2008, s. 708) Defalarca tekitten sonra cevap 26 Nisan’da geldi.")
    result = chronology(("makale", text))
    assert [(e.date.edtf, e.mention) for e in result.events] == [
        ("1920-04-18", "18 Nisan 1920"), ("1920-04-26", "26 Nisan’da")]
    first = result.events[0]
    assert first.statement.endswith("(Kâzım Karabekir, İstiklâl Harbimiz, Cilt. 2, Yapı Kredi "
                                    "Yayınları, İstanbul, 2008, s. 708)")
    assert {"Kazım Karabekir", "Mustafa Kemal"} <= set(first.actors)
    (source,) = first.sources
    assert text[source["start"]:source["end"]].startswith("(Kâzım Karabekir, İstiklâl")
    assert result.conflicts == []


def test_the_same_statement_in_two_documents_is_one_event_or_a_conflict():
    told = "Mustafa Kemal 4 Eylül 1920’de yeni Vekili tanımadığını ilan etti."
    same = chronology(("a", told), ("b", told))
    assert len(same.events) == 1
    assert [s["doc"] for s in same.events[0].sources] == ["b"]
    clash = chronology(("a", told), ("b", told.replace("4 Eylül", "14 Eylül")))
    assert len(clash.events) == 2
    (conflict,) = clash.conflicts
    assert conflict["code"] == "V401"
    assert conflict["message"] == "the same statement is dated 1920-09-04 in a and 1920-09-14 in b"


def test_a_record_cited_for_a_later_event_is_flagged():
    text = ("5 Aralık’ta yapılan görüşmeden önce yardımları durdurmuşlardı. "
            "(TBMM Gizli Celse Zabıtları, Cilt. 1, 25/9/1920, ss. 137-138) Sonra geri döndüler.")
    (conflict,) = chronology(("m", "Haberler 1 Aralık 1920’de geldi. " + text)).conflicts
    assert conflict["code"] == "V201"
    assert "25/9/1920" in conflict["message"]


def test_sentences_keep_quotations_and_references_whole():
    text = ("Mustafa Kemal, Aralık 1920’de “Hilâfet esasımızdır. Hain bir adamdır.” demişti. "
            "(TBMM Gizli Celse Zabıtları, Cilt. 1, 25/9/1920, s. 135) Öte yandan barış oldu.")
    spans = sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Mustafa Kemal, Aralık 1920’de “Hilâfet esasımızdır. Hain bir adamdır.” demişti. "
        "(TBMM Gizli Celse Zabıtları, Cilt. 1, 25/9/1920, s. 135)",
        "Öte yandan barış oldu."]


def test_exports_csv_and_timelinejs():
    result = chronology(("a", "Kasım 1920’de sessiz kaldılar. "
                              "Bolşevikler Aralık başında haberdar olmuşlardı."))
    rows = to_csv(result).splitlines()
    assert rows[2].split(",")[1:6] == [
        "1920-12-01/1920-12-10", "1920-12-01", "1920-12-10", "interval", "gregorian"]
    timeline = to_timelinejs(result, "Deneme")
    assert timeline["title"]["text"]["headline"] == "Deneme"
    assert timeline["events"][0]["start_date"] == {"year": "1920", "month": "11"}
    assert timeline["events"][1]["start_date"] == {"year": "1920", "month": "12", "day": "1"}
    assert timeline["events"][1]["end_date"] == {"year": "1920", "month": "12", "day": "10"}


def test_chronology_command_follows_the_contract(example, tmp_path):
    code, out = run_cli("chronology", example, "--json", "--csv", tmp_path / "c.csv",
                        "--timelinejs", tmp_path / "t.json")
    assert code == 0
    result = json.loads(out)
    assert result["schema"] == "vesika.chronology/1"
    event = next(e for e in result["events"] if e["date"]["text"] == "26/4/1920")
    assert event["date"] == {"edtf": "1920-04-26", "earliest": "1920-04-26",
                             "latest": "1920-04-26", "precision": "day",
                             "calendar": "gregorian", "text": "26/4/1920", "approximate": False}
    assert set(event) == {"id", "date", "statement", "doc", "start", "end", "actors", "sources"}
    assert (tmp_path / "c.csv").read_text(encoding="utf-8").startswith("id,edtf,earliest")
    assert json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))["events"]
