"""Clause lineage on the example dossier and on hand-made dossiers of real text."""

import json
from pathlib import Path

import pytest

from conftest import corpus_text, run_cli
from vesika.lang.lexicon import load_lexicon, read_tsv
from vesika.link.lineage import ClauseRef, LineageDocument, align, load_model
from vesika.link.lineage.align import is_earlier
from vesika.model import parse_edtf

run = run_cli


def align_json(dossier: Path, *extra: str) -> dict:
    code, out = run("align", dossier, "--json", *extra)
    assert code == 0, out
    return json.loads(out)


def test_align_json_follows_the_contract(example):
    result = align_json(example)
    assert result["schema"] == "vesika.align/1"
    assert result["links"], "the agreement's articles must have sources"
    for link in result["links"]:
        assert set(link) >= {"id", "target", "source", "score", "status", "evidence"}
        assert set(link["target"]) == {"doc", "clause"} == set(link["source"])
        assert 0.0 <= link["score"] <= 1.0
        assert link["status"] in ("proposed", "confirmed")
        assert all("kind" in e for e in link["evidence"])
    for ref in result["novel"] + result["dropped"]:
        assert set(ref) == {"doc", "clause"}
    # The article is a secondary source: it quotes, it does not derive.
    assert all(link["target"]["doc"] != "eldem-makale" for link in result["links"])
    assert all(link["source"]["doc"] != "eldem-makale" for link in result["links"])


def test_a_clause_only_comes_from_an_earlier_document(example):
    dates = {d["id"]: d["date"] for d in json.loads(run("show", example, "--json")[1])["documents"]}
    for link in align_json(example, "--all")["links"]:
        source, target = dates[link["source"]["doc"]], dates[link["target"]["doc"]]
        assert source["latest"] < target["earliest"], link


def test_review_decisions_survive_a_rerun_and_a_rejected_link_is_not_proposed_again(example):
    first = align_json(example)
    rejected = first["links"][0]
    code, out = run("review", example, rejected["id"], "--reject", "--comment", "not the source")
    assert code == 0, out
    below = [c for c in align_json(example, "--all")["links"]
             if c["score"] < 0.5 and c["status"] == "proposed"]
    confirmed = below[0]
    assert run("review", example, confirmed["id"], "--confirm")[0] == 0
    # A re-run after an unrelated change keeps both decisions.
    (example / "talat-pasaya-mektup-1920-02-20.md").unlink()
    again = align_json(example)
    ids = {link["id"]: link for link in again["links"]}
    assert rejected["id"] not in ids
    assert ids[confirmed["id"]]["status"] == "confirmed"
    every = {link["id"]: link for link in align_json(example, "--all")["links"]}
    assert every[rejected["id"]]["status"] == "rejected"
    assert every[rejected["id"]]["comment"] == "not the source"


def test_review_needs_a_known_link_and_one_decision(example):
    align_json(example)
    assert run("review", example, "0000000000000000", "--reject")[0] == 2
    assert run("review", example, "0000000000000000")[0] == 2


def doc(doc_id: str, date: str | None, text_by_label: dict[str, str], language: str = "en",
        **relations: list[str]) -> LineageDocument:
    return LineageDocument(
        doc_id, parse_edtf(date) if date else None, language=language,
        clauses=[ClauseRef(doc_id, k, v, language) for k, v in text_by_label.items()],
        **relations)


def test_earlier_means_before_by_date_or_named_as_responded_to():
    early = doc("a", "1920-04-26", {})
    late = doc("b", "1920-06-02", {})
    july = doc("c", "1920-07", {})
    july3 = doc("d", "1920-07-03", {})
    undated = doc("e", None, {}, responds_to=["a"])
    translation = doc("f", "1920-08", {}, translation_of=["a"])
    assert is_earlier(early, late) == (True, "earlier by date")
    assert is_earlier(late, early)[0] is False
    assert is_earlier(july3, july)[0] is False and "overlap" in is_earlier(july3, july)[1]
    assert is_earlier(early, undated) == (True, "named in responds_to/quotes")
    assert is_earlier(late, undated)[0] is False and "no date" in is_earlier(late, undated)[1]
    assert is_earlier(early, translation) == (False, "translation, not lineage")


def test_bad_input_gives_partial_results_and_reasons():
    udhr = corpus_text("udhr/udhr_en.txt")
    lexicon, model = load_lexicon(), load_model()
    one = align([doc("only", "1948-12-10", {"1": udhr[:500]})], lexicon, model)
    assert one.candidates == [] and one.pairs == []
    undated = align([doc("a", None, {"1": "Everyone has the right to life."}),
                     doc("b", None, {"1": "No one shall be held in slavery."})], lexicon, model)
    assert undated.candidates == []
    assert undated.skipped == [{"target": "a", "source": "b", "reason": (
        "no date on b and a, and no responds_to/quotes relation between them")}]
    huge = "liberty " * 6250  # a clause of 50,000 characters
    odd = align([doc("a", "1776", {"1": huge, "2": "", "3": "Quod licet Iovi."}, "la"),
                 doc("b", "1789", {"1": "Liberty.", "2": udhr[:2000]}, "xx")], lexicon, model)
    assert {(c.target.label, c.source.label) for c in odd.candidates} >= {("1", "1")}
    assert odd.notes == [
        "a: language 'la' is not in the lexicon (tr, ota, az, en, fr, ru, de); compared on "
        "shared words, numbers and characters only",
        "b: language 'xx' is not in the lexicon (tr, ota, az, en, fr, ru, de); compared on "
        "shared words, numbers and characters only"]


def test_lexicon_rows_with_problems_are_reported_with_file_and_line():
    text = ("# comment\nid\tdomain\ttr\tota\ten\tfr\tru\tde\tsource\n"
            "independence\tpolitical\tbağımsızlık\tistiklâl | istiklal\tindependence\t"
            "indépendance\tнезависимость\tUnabhängigkeit\tRedhouse s.v. istiklâl\n"
            "broken\tpolitical\tx\n"
            "nosource\tlegal\t\t\tlaw\t\t\t\t\n")
    concepts, problems = read_tsv("mine.tsv", text)
    assert [c.id for c in concepts] == ["independence"]
    assert concepts[0].forms["ota"] == ("istiklâl", "istiklal")
    assert problems == ["mine.tsv:4: 3 columns, expected 9",
                        "mine.tsv:5: a concept needs an id and a source"]


def test_embeddings_are_optional_and_say_how_to_get_them(example):
    from vesika.link.lineage.embeddings import available

    if available():
        pytest.skip("the embeddings extra is installed here")
    code, _ = run("align", example, "--embeddings")
    assert code == 2


def test_a_translation_is_linked_clause_by_clause_as_a_translation_not_as_lineage():
    en = corpus_text("udhr/udhr_en.txt")
    tr = corpus_text("udhr/udhr_tr.txt")
    from vesika.segment import segment_clauses

    def document(doc_id, text, language, **relations):
        clauses = [ClauseRef(doc_id, c.label, text[c.start:c.end], language)
                   for c in segment_clauses(text, language=language)]
        return LineageDocument(doc_id, parse_edtf("1948-12-10"), language=language,
                               clauses=clauses, **relations)

    result = align([document("udhr_en", en, "en"),
                    document("udhr_tr", tr, "tr", translation_of=["udhr_en"])],
                   load_lexicon(), load_model())
    assert result.candidates == []
    assert result.skipped == [{"target": "udhr_tr", "source": "udhr_en",
                               "reason": "translation, not lineage"}]
    assert len(result.translations) == 31  # preamble and articles 1-30
    assert result.translations[5] == {"kind": "translation_of",
                                      "target": {"doc": "udhr_tr", "clause": "5"},
                                      "source": {"doc": "udhr_en", "clause": "5"}}


def test_the_agreements_articles_are_traced_to_the_counter_proposals_points(example):
    """Articles whose source the article's author names and whose wording shows it
    (examples/ankara-moscow-1920/annotations/lineage.json)."""
    links = {(link["target"]["clause"], link["source"]["doc"], link["source"]["clause"])
             for link in align_json(example)["links"] if link["target"]["doc"] == "anlasma"}
    assert {("5", "mukabil-teklifname", "3"),    # Arabia and Syria independent
            ("8", "mukabil-teklifname", "6"),    # the Straits to a Black Sea conference
            ("9", "mukabil-teklifname", "8"),    # spheres of influence abolished
            ("10", "mukabil-teklifname", "p1"),  # mediation on the frontiers
            } <= links


def test_shuffled_udhr_articles_find_their_original_across_languages():
    from vesika.segment import segment_clauses

    def articles(doc_id: str, language: str, hide: bool) -> LineageDocument:
        text = corpus_text(f"udhr/udhr_{language}.txt")
        clauses = [c for c in segment_clauses(text, language=language) if c.label.isdigit()]
        refs = [ClauseRef(doc_id, f"x{c.label}" if hide else c.label, text[c.start:c.end],
                          language) for c in clauses]
        if hide:  # reversed order and no numbers: only the content can match
            refs.reverse()
        return LineageDocument(doc_id, None, language=language, clauses=refs,
                               responds_to=[] if not hide else ["en"])

    result = align([articles("en", "en", False), articles("tr", "tr", True)],
                   load_lexicon(), load_model())
    best: dict[str, tuple[float, str]] = {}
    for c in result.candidates:
        best[c.target.label] = max(best.get(c.target.label, (0.0, "")), (c.score, c.source.label))
    wrong = {t: s for t, (_, s) in best.items() if t != f"x{s}"}
    assert len(best) == 30 and not wrong


def test_a_frame_clause_is_told_from_a_provision():
    from vesika.link.lineage.features import framing, role_mismatch

    assert [framing(x) for x in ("preamble", "p1", "p12", "1", "I.8", "x04", "s2")] == [
        True, True, True, False, False, False, False]
    article = ClauseRef("anlasma", "1", "", "tr")
    assert role_mismatch(article, ClauseRef("mukabil-teklifname", "preamble", "", "ota")) == 1.0
    assert role_mismatch(article, ClauseRef("birinci-teklifname", "1", "", "ota")) == 0.0
    assert role_mismatch(ClauseRef("b", "p2", "", "en"), ClauseRef("a", "preamble", "", "en")) \
        == 0.0


def test_links_in_step_with_their_neighbours_say_so():
    en = corpus_text("udhr/udhr_en.txt")
    from vesika.segment import segment_clauses

    source = {c.label: en[c.start:c.end] for c in segment_clauses(en, language="en")
              if c.label in ("3", "4", "5")}
    target = {k: v.replace("Everyone", "Every person") for k, v in source.items()}
    result = align([doc("a", "1948", source), doc("b", "1950", target)],
                   load_lexicon(), load_model())
    by_pair = {(c.target.label, c.source.label): c.features for c in result.candidates}
    # article 4's neighbours 3 and 5 are linked in step, so (4, 4) has a diagonal; (3, 5)
    # has none (nothing comes before 3 in the target, nothing after 5 in the source)
    assert by_pair[("4", "4")]["diagonal"] > 0.5
    assert by_pair[("3", "5")]["diagonal"] == 0.0


def test_salutations_and_signatures_are_neither_traced_nor_dropped(example):
    result = align_json(example, "--all")
    formulae = {("mukabil-teklifname", "p2"),  # "Büyük Millet Meclis-i Reisi Efendi!"
                ("mukabil-teklifname", "p4"),  # "Umur-u Hariciye Ahali Komiseri Çiçerin"
                ("birinci-teklifname", "p1")}  # "Büyük Millet Meclisi Reisi M. Kemal"
    seen = {(ref["doc"], ref["clause"]) for link in result["links"]
            for ref in (link["target"], link["source"])}
    seen |= {(ref["doc"], ref["clause"]) for ref in result["novel"] + result["dropped"]}
    assert not seen & formulae
    # the counter-proposal's closing courtesy is longer than a formula and stays
    assert ("mukabil-teklifname", "p3") in seen


def test_a_single_document_says_there_is_nothing_to_compare(tmp_path):
    text = corpus_text("udhr/udhr_en.txt")
    (tmp_path / "udhr.txt").write_text(text, encoding="utf-8")
    from typer.testing import CliRunner

    from vesika.cli.app import app

    result = CliRunner().invoke(app, ["align", str(tmp_path / "udhr.txt")])
    assert result.exit_code == 0
    assert "no pair of documents to compare" in " ".join(result.stderr.split())


def test_the_authors_own_lineage_notes_are_set_against_the_links(example):
    claims = {c["target"]["clause"]: c for c in align_json(example)["claims"]}
    assert len(claims) == 12  # articles 1-12 of the agreement carry the author's notes
    assert claims["5"]["note"] == "(Mukabil teklifname, no: 3)"
    assert claims["5"]["verdict"] == "agrees"
    assert claims["5"]["machine"] == [{"doc": "mukabil-teklifname", "clause": "3"}]
    assert claims["8"]["verdict"] == "agrees"
    assert {c["verdict"] for c in claims.values()} <= {"agrees", "partly", "differs",
                                                        "both_none"}
    # a claimed source gets the machine's score for it, linked or not
    assert all(isinstance(s["score"], float) for s in claims["1"]["claimed"])


def test_a_broken_claims_file_is_named_and_the_links_still_come(example):
    (example / "annotations" / "lineage.json").write_text("{not json", encoding="utf-8")
    from typer.testing import CliRunner

    from vesika.cli.app import app

    result = CliRunner().invoke(app, ["align", str(example), "--json"])
    assert result.exit_code == 2
    assert "annotations/lineage.json: cannot be read as JSON" in " ".join(result.stderr.split())
    payload = json.loads(result.stdout)
    assert payload["links"] and payload["claims"] == []


def test_a_claim_on_a_whole_document_is_met_by_a_link_to_any_of_its_clauses():
    from vesika.link.lineage.claims import Claim, compare

    en = corpus_text("udhr/udhr_en.txt")
    tr = corpus_text("udhr/udhr_tr.txt")
    from vesika.segment import segment_clauses

    def articles(doc_id, text, language, wanted):
        return {c.label: text[c.start:c.end] for c in segment_clauses(text, language=language)
                if c.label in wanted}

    result = align([doc("en", "1948", articles("en", en, "en", {"3", "4"})),
                    doc("tr", "1950", articles("tr", tr, "tr", {"4"}), "tr")],
                   load_lexicon(), load_model())
    assert {(c.target.label, c.source.label) for c in result.links} == {("4", "4")}
    whole, wrong, none = compare([Claim(("tr", "4"), frozenset({("en", "")}), "(UDHR)"),
                                  Claim(("tr", "4"), frozenset({("en", "3")}), "(UDHR 3)"),
                                  Claim(("tr", "4"), frozenset(), "?")], result)
    assert whole["verdict"] == "agrees" and whole["claimed"][0]["doc"] == "en"
    assert "clause" not in whole["claimed"][0]
    assert wrong["verdict"] == "differs" and wrong["machine"] == [{"doc": "en", "clause": "4"}]
    assert none["verdict"] == "differs"
