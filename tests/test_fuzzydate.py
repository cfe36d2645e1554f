from datetime import date

import pytest

from vesika.model import DateError, FuzzyDate, parse_edtf


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision", "approximate"),
    [
        ("1920-04-26", date(1920, 4, 26), date(1920, 4, 26), "day", False),
        ("1920-07", date(1920, 7, 1), date(1920, 7, 31), "month", False),
        ("1920-02", date(1920, 2, 1), date(1920, 2, 29), "month", False),  # 1920 is a leap year
        ("1920", date(1920, 1, 1), date(1920, 12, 31), "year", False),
        ("1920-07~", date(1920, 7, 1), date(1920, 7, 31), "month", True),
        ("1920-06/1920-07", date(1920, 6, 1), date(1920, 7, 31), "interval", False),
        ("192X", date(1920, 1, 1), date(1929, 12, 31), "decade", False),
        ("1920-10-18/1920-10-28", date(1920, 10, 18), date(1920, 10, 28), "interval", False),
    ],
)
def test_edtf_forms_give_gregorian_intervals(text, earliest, latest, precision, approximate):
    d = parse_edtf(text)
    assert (d.earliest, d.latest, d.precision, d.approximate) == (
        earliest, latest, precision, approximate)
    assert d.edtf == text


@pytest.mark.parametrize(
    "text", ["1920-02-30", "1921-02-29", "1920-13", "1920-00-10", "0000", "1920-07/1920-06",
             "26/4/1920", "", "../.."],
)
def test_impossible_dates_are_refused_with_a_reason(text):
    with pytest.raises(DateError):
        parse_edtf(text)


def test_intervals_order_by_earliest_then_latest_then_precision():
    july = parse_edtf("1920-07")
    day = parse_edtf("1920-07-01")
    june = parse_edtf("1920-06-30")
    assert sorted([july, day, june]) == [june, day, july]
    assert july.overlaps(day) and not june.overlaps(day)


def test_json_form_carries_edtf_interval_and_text():
    d = FuzzyDate.day(1920, 4, 26, text="26/4/1920")
    assert d.to_json() == {
        "edtf": "1920-04-26", "earliest": "1920-04-26", "latest": "1920-04-26",
        "precision": "day", "calendar": "gregorian", "text": "26/4/1920", "approximate": False,
    }
