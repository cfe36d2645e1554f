"""The authority file, mention finding, unknown names, V301 and the actor network."""

from __future__ import annotations

import csv
import io
import json
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import run_cli
from vesika.annotate.authority import load_authority
from vesika.annotate.names import NameFinder, resolve
from vesika.lang.namekey import letter_key, name_key
from vesika.link.entities import index_documents
from vesika.pipeline import document_from_file

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "entities" / "gold_mentions.tsv"
EXAMPLE = ROOT / "examples" / "ankara-moscow-1920"


@pytest.fixture(scope="module")
def authority():
    return load_authority()


@pytest.fixture(scope="module")
def finder(authority):
    return NameFinder(authority)


def found(finder, authority, text: str, language: str = "tr") -> list[tuple[str, str | None]]:
    return [(m.text, m.entity) for m in resolve(finder.find(text, language), authority)]


# -- the shipped authority file ----------------------------------------------------------------

def test_shipped_authority_loads_without_problems(authority):
    assert [str(p) for p in authority.problems] == []
    assert len(authority) >= 400


def test_every_entry_has_a_source_a_type_and_a_valid_qid(authority):
    for entity in authority.entities.values():
        assert entity.source, entity.id
        assert entity.type in {"person", "place", "organisation", "treaty", "document"}
        assert not entity.qid or (entity.qid[0] == "Q" and entity.qid[1:].isdigit())


def test_authority_covers_every_type(authority):
    types = {e.type for e in authority.entities.values()}
    assert types == {"person", "place", "organisation", "treaty", "document"}


def test_roles_and_dated_name_forms_are_read(authority):
    chicherin = authority.entities["georgy-chicherin"]
    assert any("Foreign Affairs" in r.title and r.when for r in chicherin.roles)
    ataturk = authority.entities["mustafa-kemal-ataturk"]
    dated = [f for f in ataturk.forms if f.text == "Atatürk"]
    assert dated and dated[0].valid is not None and dated[0].valid.earliest.year == 1934


def test_chicherin_in_five_languages(finder, authority):
    for text, lang in [("Çiçerin’in notası", "tr"), ("a note by Chicherin", "en"),
                       ("une note de Tchitchérine", "fr"), ("eine Note Tschitscherins", "de"),
                       ("нота Чичерина", "ru")]:
        assert [e for _, e in found(finder, authority, text, lang)] == ["georgy-chicherin"], text


def test_assembly_under_all_its_names(finder, authority):
    for text in ["BMM’de", "TBMM kararı", "Büyük Millet Meclisi’nin", "the GNA decided"]:
        assert "grand-national-assembly" in [e for _, e in found(finder, authority, text)], text


# -- Turkish-aware matching --------------------------------------------------------------------

def test_suffixes_with_and_without_apostrophe(finder, authority):
    assert found(finder, authority, "Karabekir’in raporu") == [("Karabekir", "kazim-karabekir")]
    assert found(finder, authority, "Bolşeviklerin teklifi") == [("Bolşevik", "bolsheviks")]
    assert found(finder, authority, "Batumu ve Karsı istedi") == [
        ("Batum", "batumi"), ("Kars", "kars")]


def test_a_glued_suffix_needs_the_letters_to_agree(finder, authority):
    # Karşı is "opposite", not Kars + ı.
    assert found(finder, authority, "Karşı taraf") == []


def test_dotted_and_dotless_i_and_circumflex(finder, authority):
    assert found(finder, authority, "KAZIM KARABEKİR geldi") == [
        ("KAZIM KARABEKİR", "kazim-karabekir")]
    assert found(finder, authority, "Kazim Karabekir") == [("Kazim Karabekir", "kazim-karabekir")]


def test_capitals_are_required(finder, authority):
    assert found(finder, authority, "kars ve batum") == []


def test_title_is_not_part_of_the_span(finder, authority):
    [m] = resolve(finder.find("Binbaşı N. N. E. Bray raporunda", "tr"), authority)
    assert (m.text, m.entity, m.title) == ("N. N. E. Bray", "norman-bray", "Binbaşı")


def test_longest_name_wins(finder, authority):
    assert found(finder, authority, "Moskova Sovyet Hükümeti’ne") == [
        ("Moskova Sovyet Hükümeti", "soviet-government")]


def test_ambiguous_kemal_left_ambiguous_without_context(finder, authority):
    [m] = resolve(finder.find("Kemal geldi.", "tr"), authority)
    assert m.entity is None
    assert {"mustafa-kemal-ataturk", "yusuf-kemal-tengirsenk"} <= set(m.candidates)


def test_ambiguous_kemal_resolved_from_the_document(finder, authority):
    mentions = resolve(finder.find("Yusuf Kemal Moskova’ya gitti. Kemal orada kaldı.", "tr"),
                       authority)
    assert [(m.text, m.entity) for m in mentions][-1] == ("Kemal", "yusuf-kemal-tengirsenk")
    assert mentions[-1].how == "context"


def test_initials_choose_between_namesakes(finder, authority):
    [m] = resolve(finder.find("Büyük Millet Meclisi Reisi\nM. Kemal", "tr")[-1:], authority)
    assert (m.text, m.entity) == ("M. Kemal", "mustafa-kemal-ataturk")


def test_keys_keep_offsets():
    for text in ["Çiçerin’in", "KARABEKİR", "Чичерин Йошкар-Ола", "Tchitchérine"]:
        assert len(name_key(text)) == len(text) == len(letter_key(text))
    assert name_key("Йошкар") == "йошкар"  # й is a letter of its own


def test_a_whole_document_is_keyed_as_character_by_character():
    # A long text is keyed through an array, a short one by str.translate: same key. The seed's
    # text layer with a ligature and a byte-order mark (PDF debris the array does not hold)
    # and a Russian text.
    seed = (ROOT / "tests" / "data" / "seed" / "eldem_iki_belge.txt").read_text(encoding="utf-8")
    russian = (ROOT / "tests" / "data" / "corpora" / "udhr" / "udhr_ru.txt").read_text(
        encoding="utf-8")
    text = "\ufeff" + seed.replace("fi", "\ufb01") + russian
    key = name_key(text)
    assert key == "".join(name_key(c) for c in text)
    assert key.startswith(" ") and "\ufb01" in key
    assert "karabekir'in" in key and "всеобщая декларация" in key


def test_a_section_letter_is_not_an_initial(finder, authority):
    # The article's heading "B. Mustafa Kemal Paşa İle …": B opens the paragraph.
    for text in ["B. Mustafa Kemal Paşa İle Bolşevikler Tarafından Yapılan",
                 "Belgeler\n\n  B. Mustafa Kemal Paşa İle Bolşevikler Tarafından Yapılan"]:
        assert found(finder, authority, text)[0] == ("Mustafa Kemal", "mustafa-kemal-ataturk")
    assert found(finder, authority, "Reis M. Kemal Paşa İle")[0] == (
        "M. Kemal", "mustafa-kemal-ataturk")


# -- the done-when list: the example dossier ---------------------------------------------------

# The list, each as the dossier writes it: (document, the mention's exact text).
DONE_WHEN = {
    "georgy-chicherin": [("mukabil-teklifname", "Çiçerin"), ("anlasma", "Çiçerin")],
    "mustafa-kemal-ataturk": [("birinci-teklifname", "M. Kemal"), ("anlasma", "Mustafa Kemal")],
    "kazim-karabekir": [("eldem-makale", "Kazım Karabekir"), ("eldem-makale", "Karabekir")],
    "vladimir-lenin": [("eldem-makale", "Vladimir İ. Lenin"), ("eldem-makale", "Lenin")],
    "maxim-litvinov": [("eldem-makale", "Litvinoff")],
    "norman-bray": [("eldem-makale", "Norman N. E. Bray"), ("eldem-makale", "Bray")],
    "grand-national-assembly": [("birinci-teklifname", "Büyük Millet Meclisi"),
                                ("anlasma", "Türk Millet Meclisi"), ("eldem-makale", "TBMM")],
    "soviet-government": [("mukabil-teklifname", "Rus Sovyet Hükümeti"),
                          ("anlasma", "Sovyet Hükümeti")],
    "batumi": [("anlasma", "Batum"), ("mukabil-teklifname", "Batum")],
    "kars": [("eldem-makale", "Kars")],
    "republic-of-armenia": [("bolsevik-kosullari", "Erivan Cumhuriyeti"),
                            ("eldem-makale", "Erivan (Ermeni) Cumhuriyeti")],
    "tula": [("anlasma", "Tula")],
    "iran": [("anlasma", "Acemistan"), ("mukabil-teklifname", "Acemistan")],
}


def test_example_dossier_links_the_main_actors(example):
    code, out = run_cli("entities", example, "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["schema"] == "vesika.entities/1"
    linked = {(m["doc"], m["text"], e["id"]) for e in payload["entities"] for m in e["mentions"]}
    for entity_id, written in DONE_WHEN.items():
        for doc, text in written:
            assert (doc, text, entity_id) in linked, (entity_id, doc, text)
    # Erivan is always the republic here, the city never (`Erivan (Ermeni) Cumhuriyetine`
    # included); nothing of the list is left ambiguous.
    assert {i for _, t, i in linked if t.startswith("Erivan")} == {"republic-of-armenia"}
    assert not [m for m in payload["ambiguous"] if set(m["candidates"]) & set(DONE_WHEN)]
    for e in payload["entities"]:
        assert set(e) >= {"id", "type", "name", "names", "mentions"}
        for m in e["mentions"]:
            assert set(m) >= {"doc", "start", "end", "text"}


def test_a_parenthesis_inside_a_name(finder, authority):
    # A gloss that names nothing joins the name around it; one that names something is a
    # mention of its own, and the words around it stay apart (phrases of the article).
    assert found(finder, authority, "6- Erivan (Ermeni) Cumhuriyetine karşı harekât") == [
        ("Erivan (Ermeni) Cumhuriyeti", "republic-of-armenia")]
    assert found(finder, authority, "Birleşik Krallık (İngiltere) Hükümeti Hindistan Ofisi’nde"
                 ) == [("Birleşik Krallık", "united-kingdom"), ("İngiltere", "united-kingdom"),
                       ("Hindistan Ofisi", "india-office")]
    assert found(finder, authority, "Moskova’ya kurye (Sami Bey) ile kişisel") == [
        ("Moskova", "moscow"), ("Sami", "sami-bey")]


def test_mention_offsets_point_into_the_clean_text(example):
    _code, out = run_cli("entities", example, "--json")
    payload = json.loads(out)
    texts = {p.stem if p.suffix == ".md" else "eldem-makale": document_from_file(p).clean_text
             for p in [*EXAMPLE.glob("*.md"), EXAMPLE / "eldem-makale.txt"]}
    for e in payload["entities"]:
        for m in e["mentions"]:
            assert texts[m["doc"]][m["start"]:m["end"]] == m["text"]


def test_unknown_names_are_ranked_by_frequency(example):
    code, out = run_cli("entities", example, "--unknown", "--json")
    assert code == 0
    unknown = json.loads(out)["unknown"]
    counts = [u["count"] for u in unknown]
    assert counts == sorted(counts, reverse=True)
    known = {n.lower() for e in load_authority().entities.values() for n in
             (f.text for f in e.forms)}
    assert not any(u["text"].lower() in known for u in unknown)


def test_unknown_names_in_a_small_text(tmp_path):
    doc = tmp_path / "mektup.md"
    doc.write_text("---\nid: mektup\nlanguage: tr\n---\nBu mektubu Hüsrev Gerede yazdı. "
                   "Hüsrev Gerede ve Karabekir Paşa Trabzon’a gitti. Ancak Hüsrev Gerede"
                   " kaldı. Hilâfet meselesi konuşuldu; hilâfet kaldı. 3 — Binaenaleyh"
                   " dönüldü. Hariciye Vekili geldi.\n", encoding="utf-8")
    code, out = run_cli("entities", tmp_path, "--unknown", "--json")
    assert code == 0
    assert json.loads(out)["unknown"] == [
        {"text": "Hüsrev Gerede", "count": 3, "docs": ["mektup"]}]


# -- V301 name variants ------------------------------------------------------------------------

def _v301(text: str, language: str = "tr") -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "note.md"
        path.write_text(f"---\nid: note\nlanguage: {language}\n---\n{text}\n", encoding="utf-8")
        index = index_documents([document_from_file(path)], load_authority())
    return [f for f in index.findings if f["code"] == "V301"]


def test_v301_different_initials():
    [f] = _v301("Binbaşı N. N. E. Bray yazdı. Daha sonra N. E. Bray yine yazdı.")
    assert f["kind"] == "initials" and f["entity"] == "norman-bray"
    assert sorted(form["text"] for form in f["forms"]) == ["N. E. Bray", "N. N. E. Bray"]


def test_v301_two_spellings_in_one_language():
    [f] = _v301("Litvinov arrived on Monday; Litvinoff left on Friday.", "en")
    assert f["kind"] == "spelling" and f["entity"] == "maxim-litvinov"


def test_v301_abbreviation_spelt_two_ways():
    [f] = _v301("T.B.M.M. toplandı. TBMM kararı verdi.")
    assert f["kind"] == "abbreviation"


def test_v301_misspelling_of_a_name_in_the_same_text():
    [f] = _v301("Kâzım Karabekir Erzurum’da idi. Kâzım Karabakir raporu yazdı.")
    assert f["kind"] == "misspelling" and f["entity"] == "kazim-karabekir"


def test_normal_variation_is_not_a_finding():
    assert _v301("Karabekir’in raporu. Kâzım Karabekir Paşa. Karabekir’e yazıldı.") == []
    assert _v301("Chicherin (Çiçerin) wrote; Chicherin's note.", "en") == []


# -- actor network -----------------------------------------------------------------------------

def test_network_exports_read_back(example, tmp_path):
    code, _ = run_cli("analyze", example, "--out", tmp_path / "out")
    assert code == 0
    graph = ET.parse(tmp_path / "out" / "network.graphml").getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    nodes = {n.get("id") for n in graph.iterfind(".//g:node", ns)}
    edges = list(graph.iterfind(".//g:edge", ns))
    assert {"mustafa-kemal-ataturk", "georgy-chicherin", "vladimir-lenin"} <= nodes
    assert all(e.get("source") in nodes and e.get("target") in nodes for e in edges)
    rows = list(csv.DictReader(io.StringIO(
        (tmp_path / "out" / "network_edges.csv").read_text(encoding="utf-8"))))
    letters = {(r["source"], r["target"]) for r in rows if r["kind"] == "wrote-to"}
    # The first proposal: Mustafa Kemal to Lenin; the counter-proposal: Çiçerin to the Assembly.
    assert ("mustafa-kemal-ataturk", "vladimir-lenin") in letters
    assert ("georgy-chicherin", "grand-national-assembly") in letters
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert 'id="entities"' in html and 'aria-label="actor network"' in html
    assert 'id="ent-georgy-chicherin"' in html and 'class="mention"' in html


# -- bad authority rows ------------------------------------------------------------------------

HEADER = "id\ttype\tqid\tname\tforms\tdates\troles\tsource\tnote\n"


def test_bad_authority_rows_are_reported_and_the_rest_loads(tmp_path):
    (tmp_path / "authority.tsv").write_text(
        HEADER
        + "\tperson\t\tNobody\ttr:Hiçkimse\t\t\tmade up\t\n"                     # line 2
        + "ali-riza\tperson\t\tAli Rıza\ttr:Ali Rıza Efendizade\t\t\tletter\t\n"  # line 3
        + "ali-riza\tperson\t\tAli Rıza\ttr:Ali Rıza\t\t\tletter\t\n"            # line 4
        + "bad-qid\tperson\tQ12x\tBad Qid\ttr:Kötükid\t\t\tletter\t\n"           # line 5
        + "bad-date\tperson\t\tBad Date\ttr:Kötütarih\t1920-02-30\t\tletter\t\n"  # line 6
        + "other-riza\tperson\t\tOther\ttr:Ali Rıza Efendizade\t\t\tletter\t\n",  # line 7
        encoding="utf-8")
    authority = load_authority(tmp_path)
    messages = [str(p) for p in authority.problems]
    path = str(tmp_path / "authority.tsv")
    assert any(m.startswith(f"{path}:2: missing id") for m in messages)
    assert any(m.startswith(f"{path}:4: duplicate id 'ali-riza'") for m in messages)
    assert any(m.startswith(f"{path}:5: bad-qid: invalid Wikidata QID") for m in messages)
    assert any(m.startswith(f"{path}:6: bad-date: invalid date") for m in messages)
    assert any(m.startswith(f"{path}:7: name form 'Ali Rıza Efendizade' is shared")
               for m in messages)
    for loaded in ("ali-riza", "bad-qid", "bad-date", "other-riza", "georgy-chicherin"):
        assert loaded in authority.entities
    assert authority.entities["bad-qid"].qid == ""
    # The shared form stays ambiguous: never a confident answer.
    [m] = NameFinder(authority).find("Ali Rıza Efendizade geldi", "tr")
    assert m.entity is None and set(m.candidates) == {"ali-riza", "other-riza"}


def test_a_clash_is_reported_at_the_row_that_brings_it(tmp_path):
    # A dossier's entry repeating a shipped form (Çiçerin, people.tsv): the dossier's row is
    # named, not the shipped one. Two rows of one file: the later one (line 12, not line 3).
    filler = "".join(f"filler-{i}\tperson\t\tFiller {i}\ttr:Dolgu{i}x\t\t\tmade up\t\n"
                     for i in range(8))
    (tmp_path / "authority.tsv").write_text(
        HEADER
        + "other-chicherin\tperson\t\tOther\ttr:Çiçerin\t\t\tmade up\t\n"      # line 2
        + "first-author\tperson\t\tAuthor One\ttr:Adsız Yazar\t\t\tmade up\t\n"     # line 3
        + filler                                                                    # 4-11
        + "second-author\tperson\t\tAuthor Two\ttr:Adsız Yazar\t\t\tmade up\t\n",   # line 12
        encoding="utf-8")
    path = str(tmp_path / "authority.tsv")
    where = {str(p).split(": ", 1)[0]: p.message for p in load_authority(tmp_path).problems}
    assert set(where) == {f"{path}:2", f"{path}:12"}
    assert "'Çiçerin' is shared by georgy-chicherin, other-chicherin" in where[f"{path}:2"]
    assert "'Adsız Yazar' is shared by first-author, second-author" in where[f"{path}:12"]


def test_bad_dates_ids_and_sources_in_every_column(tmp_path):
    (tmp_path / "authority.tsv").write_text(
        HEADER
        + "role-bad\tperson\t\tRole Bad\ttr:Rolkötü\t\tKomiser@1920-13\tletter\t\n"  # 2
        + "form-bad\tperson\t\tForm Bad\ttr:Formkötü@19x0\t\t\tletter\t\n"          # 3
        + "Bad Id\tperson\t\tBad Id\ttr:Kötüad\t\t\tletter\t\n"                     # 4
        + "no-source\tperson\t\tNo Source\ttr:Kaynaksız\t\t\t\t\n"                  # 5
        + "no-tag\tperson\t\tNo Tag\tKaynaksız Dil\t\t\tletter\t\n",               # 6
        encoding="utf-8")
    authority = load_authority(tmp_path)
    path = str(tmp_path / "authority.tsv")
    assert [str(p) for p in authority.problems] == [
        f"{path}:2: role-bad: invalid date in role 'Komiser' '1920-13' (month 13 does not"
        " exist); left out",
        f"{path}:3: form-bad: invalid date in form 'Formkötü' '19x0' ('19x0' is not a date in"
        " EDTF form (YYYY, YYYY-MM, YYYY-MM-DD, ~ ? %, /)); left out",
        f"{path}:4: id 'Bad Id' is not lowercase ASCII words joined by '-'; row ignored",
        f"{path}:5: no-source: no source",
        f"{path}:6: no-tag: name form 'Kaynaksız Dil' lacks a language tag (de, en, fr, mul,"
        " ota-Latn, ru, ru-Latn, tr); left out",
    ]
    assert authority.entities["role-bad"].roles[0].when is None
    assert authority.entities["form-bad"].forms[0].valid is None
    assert "no-source" in authority.entities and "bad-id" not in authority.entities
    assert [f.text for f in authority.entities["no-tag"].forms] == ["No Tag"]


def test_problems_in_the_shipped_files_name_file_and_line(monkeypatch):
    # A shipped row repeating another file's id, and a shared form listed without a note and
    # with an id that does not exist: each reported where it is, and the rest loads.
    import vesika.annotate.authority as module

    shipped = module._shipped
    added = {
        "works.tsv": "kars\tplace\t\tKars again\ttr:Kars Kalesi\t\t\tmade up\t\n",
        "ambiguous.tsv": "Batum\tbatumi|no-such-entry\t\t\n",
    }

    def with_rows(package, name: str) -> str:
        return shipped(package, name) + added.get(name, "")

    monkeypatch.setattr(module, "_shipped", with_rows)
    package = module.resources.files("vesika.data").joinpath("authority")
    line = {name: len(shipped(package, name).splitlines()) + 1 for name in added}
    places = next(e.origin for e in load_authority().entities.values() if e.id == "kars")
    authority = load_authority()
    assert [str(p) for p in authority.problems] == [
        f"authority/works.tsv:{line['works.tsv']}: duplicate id 'kars' (first at {places});"
        " this row is ignored",
        f"authority/ambiguous.tsv:{line['ambiguous.tsv']}: unknown id(s) no-such-entry",
        f"authority/ambiguous.tsv:{line['ambiguous.tsv']}: 'Batum': no note on how to tell"
        " apart",
    ]
    assert authority.entities["kars"].name == "Kars" and len(authority) >= 400


def test_dossier_entries_are_found(tmp_path):
    (tmp_path / "authority.tsv").write_text(
        HEADER + "huseyin-rauf\tperson\t\tHüsrev Gerede\ttr:Hüsrev Gerede\t1884/1962\t\t"
        "Türk Parlamenterler Ansiklopedisi\t\n", encoding="utf-8")
    (tmp_path / "mektup.md").write_text("---\nid: mektup\nlanguage: tr\n---\n"
                                        "Hüsrev Gerede’nin mektubu.\n", encoding="utf-8")
    code, out = run_cli("entities", tmp_path, "--json")
    assert code == 0
    ids = {e["id"] for e in json.loads(out)["entities"]}
    assert "huseyin-rauf" in ids


def test_authority_problems_do_not_stop_the_command(tmp_path):
    (tmp_path / "authority.tsv").write_text(HEADER + "x\tnonsense\n", encoding="utf-8")
    (tmp_path / "mektup.md").write_text("---\nid: mektup\nlanguage: tr\n---\nÇiçerin yazdı.\n",
                                        encoding="utf-8")
    code, out = run_cli("entities", tmp_path, "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["entities"][0]["id"] == "georgy-chicherin"
    assert any("authority.tsv:2" in f"{p['path']}:{p['line']}"
               for p in payload["authority_problems"])


# -- the gold standard is consistent with the texts and the authority file --------------------

def test_gold_mentions_match_the_texts_and_the_authority(authority):
    lines = [ln for ln in GOLD.read_text(encoding="utf-8").splitlines() if ln.strip()]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) >= 400
    files = {**{p.stem: p for p in EXAMPLE.glob("*.md")},
             "eldem-makale": EXAMPLE / "eldem-makale.txt",
             "articles_of_confederation_1777": ROOT / "tests" / "data" / "corpora" /
             "us_founding" / "articles_of_confederation_1777.txt"}
    texts = {doc: document_from_file(files[doc]).clean_text for doc in {r["doc"] for r in rows}}
    for r in rows:
        written = r["text"].replace("\\n", "\n")  # the TSV writes a line break as \n
        assert texts[r["doc"]][int(r["start"]):int(r["end"])] == written, r
        assert r["id"] == "?" or r["id"] in authority.entities, r["id"]


def test_chronology_names_actors_as_the_authority_file_does(example):
    code, out = run_cli("chronology", example, "--json")
    assert code == 0
    events = json.loads(out)["events"]
    harbord = [e for e in events if e["doc"] == "eldem-makale" and "Harbord" in e["statement"]
               and e["date"]["edtf"] == "1919-09-22"]
    assert harbord and "James Harbord" in harbord[0]["actors"]
    assert not any("Tümgeneral" in a for a in harbord[0]["actors"])


def test_shared_name_resolved_by_cues_nearby(finder, authority):
    us = resolve(finder.find("Delegates of New Hampshire, Virginia, North Carolina and Georgia"
                             " met in Congress.", "en"), authority)
    assert ("Georgia", "georgia-us") in [(m.text, m.entity) for m in us]
    caucasus = resolve(finder.find("Batumi was held by Georgia until 1921.", "en"), authority)
    assert ("Georgia", "georgia") in [(m.text, m.entity) for m in caucasus]
    alone = resolve(finder.find("Georgia was far away.", "en"), authority)
    assert [(m.text, m.entity) for m in alone] == [("Georgia", None)]


def test_a_cue_counts_only_within_its_window(finder, authority):
    # Batumi points to the country; a second Georgia more than CUE_WINDOW characters later
    # (after the UDHR's text, which names neither a Caucasian nor a US cue) stays ambiguous.
    udhr = (ROOT / "tests" / "data" / "corpora" / "udhr" / "udhr_en.txt").read_text(
        encoding="utf-8").split("\n", 1)[1]
    for filler, second in ((udhr[:1200], "georgia"), (udhr, None)):
        text = f"Batumi was held by Georgia until 1921. {filler} Georgia was far away."
        mentions = resolve(finder.find(text, "en"), authority)
        assert [(m.entity, m.how) for m in mentions if m.text == "Georgia"] == [
            ("georgia", "cue"), (second, "cue" if second else "ambiguous")]


def test_a_file_without_metadata_gets_turkish_suffix_rules(tmp_path):
    (tmp_path / "not.txt").write_text(
        "Bu mektup Bolşeviklerin elinde idi ve Ermenistandaki durum değişti. Karabekir"
        " raporunu yazdı ve bunu herkes okudu.\n", encoding="utf-8")
    code, out = run_cli("entities", tmp_path, "--json")
    assert code == 0
    texts = {m["text"] for e in json.loads(out)["entities"] for m in e["mentions"]}
    assert {"Bolşevik", "Ermenistan", "Karabekir"} <= texts


def test_v301_across_one_authors_documents(tmp_path):
    for name, spelling in (("one", "Litvinov"), ("two", "Litvinoff")):
        (tmp_path / f"{name}.md").write_text(
            f"---\nid: {name}\nlanguage: en\nauthor: Norman Bray\n---\n"
            f"The report names {spelling} as the envoy.\n", encoding="utf-8")
    code, out = run_cli("entities", tmp_path, "--json")
    assert code == 0
    [finding] = [f for f in json.loads(out)["findings"] if f["code"] == "V301"]
    assert finding["entity"] == "maxim-litvinov" and "Norman Bray" in finding["message"]
    assert {s["doc"] for f in finding["forms"] for s in f["spans"]} == {"one", "two"}


def test_a_name_after_a_french_elided_article(finder, authority):
    # From the French test article: the article's typographic apostrophe and the straight one.
    text = ("telle que l’Assemblée nationale constituante l’avait adoptée le 26 août 1789; "
            "adoptée par l'Assemblée générale des Nations unies au palais de Chaillot")
    assert found(finder, authority, text, "fr") == [
        ("Assemblée nationale constituante", "national-constituent-assembly"),
        ("Assemblée générale des Nations unies", "un-general-assembly")]
    # A form with an elision inside it is found as a whole, written with either apostrophe.
    assert found(finder, authority, "au Congrès d’Erzurum", "fr") == [
        ("Congrès d’Erzurum", "erzurum-congress")]
    # The key keeps its length; a Turkish suffix after an apostrophe is not an elision.
    assert name_key("l’Assemblée") == "l assemblee"
    assert name_key("Karabekir’in") == "karabekir'in"
