"""Date expressions in the seed article and in the forms the archives use."""

import pytest

from vesika.annotate.dates import find_dates


def dates(text: str, language: str = "tr") -> list[tuple[str, str, str | None]]:
    return [(m.text, m.kind, m.date.edtf if m.date else None) for m in find_dates(text, language)]


def test_turkish_dates_with_suffixes_numeric_forms_and_parts_of_months():
    text = ("Mustafa Kemal’in 26 Nisan 1920 tarihli mektubu, 26/4/1920: Temmuz 1920’de "
            "kesinleşen anlaşma. 4 Temmuz’da teslim edildi. Aralık başında haberdar oldular; "
            "Ağustos- Eylül 1921’deki muharebe; 1922 yılının Haziran ayında bir anlaşma.")
    assert dates(text) == [
        ("26 Nisan 1920", "date", "1920-04-26"),
        ("26/4/1920", "date", "1920-04-26"),
        ("Temmuz 1920’de", "date", "1920-07"),
        ("4 Temmuz’da", "date", "1920-07-04"),
        ("Aralık başında", "date", "1920-12-01/1920-12-10"),
        ("Ağustos- Eylül 1921’deki", "date", "1921-08-01/1921-09-30"),
        ("1922 yılının Haziran ayında", "date", "1922-06"),
    ]


def test_a_date_without_a_year_says_where_its_year_came_from():
    (mention,) = [m for m in find_dates("16 Mart 1920’de işgal. Sonra 4 Eylül’de ilan etti.")
                  if m.text == "4 Eylül’de"]
    assert mention.date.edtf == "1920-09-04"
    assert mention.note == "year 1920 taken from the text before"


def test_relative_dates_count_from_the_last_explicit_day():
    text = "4 Eylül 1920’de tanımadığını ilan etti. Resmor, iki gün sonra istifa etti."
    relative = [m for m in find_dates(text) if m.kind == "relative"]
    assert [(m.text, m.date.edtf) for m in relative] == [("iki gün sonra", "1920-09-06")]


def test_citation_years_are_not_events_but_dated_records_are():
    text = ("cevap 26 Nisan’da geldi. (Karabekir, 2008, ss. 747-748) ve "
            "(TBMM Gizli Celse Zabıtları, Cilt. 1, 3/7/1920, s. 73) ile "
            "(Sadık Erdaş, “Türk-Sovyet İlişkileri”, Dergisi, Yıl. 13, Sayı. 26 (2017), s. 75)")
    found = dates(text)
    assert ("2008", "citation", None) in found
    assert ("2017", "citation", None) in found
    assert ("3/7/1920", "date", "1920-07-03") in found
    assert not any(kind == "date" and edtf in ("2008", "2017") for _, kind, edtf in found)


def test_english_numeric_dates_read_month_first_and_say_so_when_ambiguous():
    (unambiguous,) = find_dates("signed on 12/25/1918 in Paris", "en")
    assert unambiguous.date.edtf == "1918-12-25" and unambiguous.note == ""
    (ambiguous,) = find_dates("signed on 8/7/1920 in London", "en")
    assert ambiguous.date.edtf == "1920-08-07"
    assert "ambiguous" in ambiguous.note
    (turkish,) = find_dates("8/7/1920 tarihli açık oturum", "tr")
    assert turkish.date.edtf == "1920-07-08"


def test_rumi_and_hijri_months_convert_to_gregorian():
    (rumi,) = find_dates("29 Teşrinievvel 1339 tarihli kanun")
    assert (rumi.date.edtf, rumi.date.calendar) == ("1923-10-29", "rumi")
    (hijri,) = find_dates("18 Rebiülevvel 1342 tarihinde")
    assert hijri.date.calendar == "hijri"
    assert hijri.date.earliest.isoformat() <= "1923-10-29" <= hijri.date.latest.isoformat()


@pytest.mark.parametrize(
    ("text", "reason"),
    [("30 Şubat 1920 günü", "day 30 does not exist"),
     ("32/13/1920 tarihinde", "does not exist"),
     ("1 Teşrinievvel 1200 tarihinde", "Rumi")],
)
def test_impossible_dates_are_flagged_with_a_reason_never_silently_wrong(text, reason):
    (mention,) = find_dates(text)
    assert mention.date is None
    assert "not a real date" in mention.note and reason in mention.note


def test_a_long_paragraph_without_punctuation_is_handled():
    text = "ve bu " * 200_000 + "5 Ağustos 1920"
    assert dates(text)[-1] == ("5 Ağustos 1920", "date", "1920-08-05")


@pytest.mark.parametrize(
    ("text", "language", "edtf", "calendar"),
    [
        # 25 October 1917 (Julian) = 7 November 1917 (Gregorian): the October Revolution.
        ("on 25 October 1917 O.S. the Bolsheviks", "en", "1917-11-07", "julian"),
        ("25 октября 1917 г. (ст. ст.) большевики", "ru", "1917-11-07", "julian"),
        ("le 26 août 1789, l'Assemblée", "fr", "1789-08-26", "gregorian"),
        ("am 3. März 1921 in Moskau", "de", "1921-03-03", "gregorian"),
    ],
)
def test_old_style_markers_and_european_month_names(text, language, edtf, calendar):
    (mention,) = find_dates(text, language)
    assert (mention.date.edtf, mention.date.calendar) == (edtf, calendar)


def test_dual_dates_take_the_new_style_day_and_name_both():
    # Sovnarkom decree: 1 February 1918 (Julian) was counted as 14 February (Gregorian).
    (mention,) = find_dates("the decree of 1/14 February 1918", "en")
    assert mention.date.edtf == "1918-02-14"
    assert mention.note == "dual date: Julian 1, Gregorian 14"


def test_a_calendar_named_after_the_year_is_taken_at_its_word():
    # The Grand National Assembly opened on 23 Nisan 1336 (Rumi) = 23 April 1920: from 1917 the
    # Rumi days follow the Gregorian ones (calendars.py, law of 1332).
    (mention,) = find_dates("Meclis 23 Nisan 1336 R. tarihinde açıldı.", "ota-Latn")
    assert (mention.text, mention.date.edtf, mention.date.calendar) == (
        "23 Nisan 1336", "1920-04-23", "rumi")
    assert mention.note == "calendar rumi, as marked after the year"


def test_the_first_of_the_month_with_its_ordinal_ending():
    # French writes the first day "1er" (Archives parlementaires, séance du 1er août 1789);
    # English ordinals are read the same way.
    assert dates("Le débat s’ouvrit lors de la séance du 1er août 1789.", "fr") == [
        ("1er août 1789", "date", "1789-08-01")]
    assert dates("The convention met on the 21st May 1776.", "en") == [
        ("21st May 1776", "date", "1776-05-21")]
