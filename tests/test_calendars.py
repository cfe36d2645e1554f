"""Calendar conversions: each equivalence is a documented one, its source in a comment."""

from __future__ import annotations

import datetime as dt

import pytest

from vesika.annotate.calendars import (
    fold_month_name,
    gregorian_to_julian,
    hijri_interval,
    hijri_to_gregorian,
    julian_to_gregorian,
    month_names,
    month_rows,
    rumi_month_range,
    rumi_to_gregorian,
)
from vesika.model.fuzzydate import DateError

D = dt.date


# -- Julian ------------------------------------------------------------------------------------
def test_october_revolution_old_style_is_7_november_new_style():
    # "In terms of the Old Style Russian date, the Revolution started on October 25, 1917"
    # = November 7th (clem.com/iaq/october.html).
    assert julian_to_gregorian(1917, 10, 25) == D(1917, 11, 7)
    assert gregorian_to_julian(D(1917, 11, 7)) == (1917, 10, 25)


def test_russian_switch_1_february_1918_julian_is_14_february_gregorian():
    # Sovnarkom decree of 26 January 1918: the day after 31 January counts as 14 February
    # (en.scientificrussia.ru; ww1.blogberth.com 2018/02/14: last Julian day 31 January
    # = 13 February elsewhere).
    assert julian_to_gregorian(1918, 1, 31) == D(1918, 2, 13)
    assert julian_to_gregorian(1918, 2, 1) == D(1918, 2, 14)


def test_julian_round_trip_and_leap_day_1900():
    # 1900 is a Julian leap year but not a Gregorian one (Calendrical Calculations, §3.1):
    # 29 February 1900 exists only in the Julian calendar.
    g = julian_to_gregorian(1900, 2, 29)
    assert gregorian_to_julian(g) == (1900, 2, 29)
    for ordinal in range(D(1839, 1, 1).toordinal(), D(1927, 1, 1).toordinal(), 17):
        d = D.fromordinal(ordinal)
        assert julian_to_gregorian(*gregorian_to_julian(d)) == d


def test_julian_impossible_day_raises():
    with pytest.raises(DateError, match="has 28 days"):
        julian_to_gregorian(1917, 2, 29)


# -- Rumi --------------------------------------------------------------------------------------
def test_rumi_adoption_day_1_mart_1256_is_13_march_1840():
    # Wikipedia "Rumi calendar": adopted "on March 13, 1840 AD (March 1, 1256 ...)";
    # kulturveyasam.com "Rumi takvim nedir": 13 Mart 1840 = 1 Mart 1256.
    assert rumi_to_gregorian(1256, 3, 1) == D(1840, 3, 13)


def test_rumi_1911_calendar_page_7_nisan_1327_is_20_april_1911():
    # Wikipedia "Rumi calendar", caption of a 1911 multilingual calendar page: Rumi 7 Nisan 1327
    # = Julian 7 April 1911 = Gregorian 20 April 1911.
    assert rumi_to_gregorian(1327, 4, 7) == D(1911, 4, 20)


def test_rumi_1917_reform_1_mart_1333_follows_15_subat_1332():
    # Law of 8 Şubat 1332, art. 1: "1332 senesi Şubatının 16. günü 1333 senesi Martının birinci
    # günü itibar edilecektir" (vakithesaplama.diyanet.gov.tr/1332_kanun.php); memim.com
    # "Rumi calendar": "February 15, 1332 ... followed by ... March 1, 1333 (1917)".
    assert rumi_to_gregorian(1333, 3, 1) == D(1917, 3, 1)
    assert rumi_to_gregorian(1332, 2, 15) == D(1917, 2, 28)
    assert rumi_month_range(1332, 2) == (D(1917, 2, 14), D(1917, 2, 28))
    with pytest.raises(DateError, match="15 Şubat 1332"):
        rumi_to_gregorian(1332, 2, 16)


def test_rumi_1921_constitution_20_kanunusani_1337_is_20_january_1921():
    # Teşkilât-ı Esasiye Kanunu (law 85), "kabul tarihi 20 Kânun-ı Sani 1337 (20 Ocak 1921)"
    # (dirilispostasi.com; anayasa.gen.tr gives 20 Ocak 1921, Düstur 3/1 p. 196).
    assert rumi_to_gregorian(1337, 1, 20) == D(1921, 1, 20)


def test_rumi_republic_29_tesrinievvel_1339_is_29_october_1923():
    # Law 364 (Resmî Gazete of 4 Nov 1923) dated "29 Teşrinievvel 1339 ve 18 Rebiülevvel 1342"
    # (kastamonuistiklal.com); bilecik-gundem.com: "29 Teşrinievvel 1339 (29 Ekim 1923)".
    assert rumi_to_gregorian(1339, 10, 29) == D(1923, 10, 29)


def test_rumi_last_day_31_kanunuevvel_1341_precedes_1_january_1926():
    # Law 698 of 26 Dec 1925, art. 2: "1341 senesi kânunuevvelinin 31 inci gününü takip eden gün,
    # 1926 senesi kânunusanisinin birinci günüdür" (bilgi-rehberi.com, kanun 698).
    assert rumi_to_gregorian(1341, 12, 31) == D(1925, 12, 31)
    assert rumi_month_range(1341, 12) == (D(1925, 12, 1), D(1925, 12, 31))


def test_rumi_years_outside_the_calendar_raise_with_reason():
    with pytest.raises(DateError, match="before the civil Rumi calendar"):
        rumi_to_gregorian(1200, 3, 1)
    with pytest.raises(DateError, match="law 698"):
        rumi_to_gregorian(1342, 3, 1)
    with pytest.raises(DateError, match="1334"):
        rumi_to_gregorian(1333, 1, 5)


def test_rumi_subat_30_and_julian_leap_day():
    with pytest.raises(DateError, match="has 28 days"):
        rumi_to_gregorian(1330, 2, 30)
    with pytest.raises(DateError, match="does not exist"):
        rumi_to_gregorian(1300, 13, 1)
    # Şubat 1291 closes the Rumi year that began in March 1875, so it lies in February 1876,
    # a (Julian) leap year: 29 Şubat 1291 exists.
    assert rumi_to_gregorian(1291, 2, 29) == julian_to_gregorian(1876, 2, 29)


# -- Hijri -------------------------------------------------------------------------------------
def test_hijri_tabular_epoch_is_16_july_622_julian():
    # Calendrical Calculations, §6.1: islamic-epoch = fixed-from-julian(622 July 16);
    # lux.quae.nl "Islamic calendar": 1 Muharram 1 A.H. = 16 July 622.
    assert hijri_to_gregorian(1, 1, 1) == julian_to_gregorian(622, 7, 16) == D(622, 7, 19)


def test_hijri_18_rebiulevvel_1342_is_29_october_1923():
    # Law 364 dated "29 Teşrinievvel 1339 ve 18 Rebiülevvel 1342" (kastamonuistiklal.com).
    assert hijri_to_gregorian(1342, 3, 18) == D(1923, 10, 29)


@pytest.mark.parametrize(
    ("hijri", "gregorian"),
    [
        # Wikipedia "Rumi calendar", 1911 calendar page: 21 Rebiülahir 1329 = 20 April 1911
        # (the tabular day is 21 April: the sighted month began a day earlier).
        ((1329, 4, 21), D(1911, 4, 20)),
        # Kanun-ı Esasi: hatt dated 7 Zilhicce 1293 (ens.az), promulgated 23 December 1876
        # (tarihduragi.com; tarihiolaylar.com). Tabular: 24 December.
        ((1293, 12, 7), D(1876, 12, 23)),
        ((1342, 3, 18), D(1923, 10, 29)),
    ],
)
def test_hijri_interval_contains_documented_day(hijri, gregorian):
    lo, hi = hijri_interval(*hijri)
    assert lo <= gregorian <= hi
    assert (hi - lo).days == 2


def test_hijri_month_interval_is_widened_tabular_month():
    lo, hi = hijri_interval(1342, 3)
    assert lo == hijri_to_gregorian(1342, 3, 1) - dt.timedelta(days=1)
    assert hi == hijri_to_gregorian(1342, 3, 30) + dt.timedelta(days=1)


def test_hijri_leap_years_follow_the_30_year_pattern():
    # Leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each cycle (Calendrical
    # Calculations, §6.1; astro.bonavoglia.eu/english/cal_islam.html).
    leap = {2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29}
    for year in range(1, 61):
        last = 30 if (year - 1) % 30 + 1 in leap else 29
        assert (hijri_to_gregorian(year + 1, 1, 1) - hijri_to_gregorian(year, 12, 1)).days == last


def test_hijri_impossible_dates_raise():
    with pytest.raises(DateError, match="month 13"):
        hijri_to_gregorian(1339, 13, 1)
    with pytest.raises(DateError, match="has 29 days"):
        hijri_to_gregorian(1339, 2, 30)
    with pytest.raises(DateError, match="29 or 30"):
        hijri_interval(1339, 2, 31)
    assert hijri_interval(1339, 2, 30)  # a sighted month may have 30 days


# -- month names -------------------------------------------------------------------------------
def test_month_names_load_every_row_and_variant():
    rows = month_rows()
    assert {(r["calendar"], int(r["number"])) for r in rows} == {
        (c, n) for c in ("rumi", "hijri") for n in range(1, 13)}
    names = month_names()
    for row in rows:
        assert row["source"].strip()
        for name in [row["name"], *row["variants"].split("|")]:
            if name.strip():
                assert names[(row["calendar"], fold_month_name(name))] == int(row["number"])


@pytest.mark.parametrize(
    ("calendar", "written", "number"),
    [
        ("rumi", "Teşrin-i evvel", 10),
        ("rumi", "TEŞRİNİEVVEL", 10),
        ("rumi", "Kanunusani", 1),
        ("rumi", "Kânun-ı sani", 1),
        ("rumi", "Şubat", 2),
        ("rumi", "Mart", 3),
        ("hijri", "Zilkâde", 11),
        ("hijri", "Receb", 7),
        ("hijri", "Rebiülevvel", 3),
    ],
)
def test_month_name_lookup_folds_spelling(calendar, written, number):
    assert month_names()[(calendar, fold_month_name(written))] == number
