"""Calendar conversions to the (proleptic) Gregorian calendar: Julian, tabular Hijri, Rumi.

Only the standard library is used: every conversion goes through a day count ("fixed date"),
which is exactly Python's ``date.toordinal()`` (R.D. 1 = 1 January 1 Gregorian), following
E. M. Reingold and N. Dershowitz, *Calendrical Calculations* (Cambridge University Press,
3rd ed. 2008), ch. 1 (fixed dates), ch. 3 (Julian) and ch. 6 (Islamic).

Every rule below names its source. Where a fact could not be checked, the comment says so.
Impossible input raises :class:`vesika.model.fuzzydate.DateError` with the reason.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from vesika.data import read_rows
from vesika.lang.fold import fold
from vesika.model.fuzzydate import DateError

# -- Julian ------------------------------------------------------------------------------------
# Julian calendar: every fourth year is a leap year, with no century exception; month lengths as
# in the Gregorian calendar. Formulas: Calendrical Calculations, 3rd ed., §3.1 ("fixed-from-julian"
# / "julian-from-fixed"); JULIAN_EPOCH = fixed date of 1 January 1 Julian = R.D. -1 (ibid.).
JULIAN_EPOCH = -1

# Russia: Sovnarkom decree of 26 January 1918 (Julian): "the first day after 31 January of this
# year shall be counted not as 1 February but as 14 February" (decree "On the introduction of
# the Western European calendar in the Russian Republic"; quoted by Scientific Russia,
# en.scientificrussia.ru, and The Moscow Times, 14 Feb 2014). Dates in Russian sources up to
# 31 January 1918 are Julian ("Old Style"); 1-13 February 1918 never existed there.
RUSSIA_LAST_JULIAN_DAY = date(1918, 2, 13)  # = 31 January 1918 Julian
RUSSIA_FIRST_GREGORIAN_DAY = date(1918, 2, 14)

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def julian_leap(year: int) -> bool:
    """Julian leap year: divisible by 4 (Calendrical Calculations, §3.1)."""
    return year % 4 == 0


def _julian_month_length(year: int, month: int) -> int:
    return 29 if month == 2 and julian_leap(year) else _MONTH_DAYS[month - 1]


def _check_julian(year: int, month: int, day: int, calendar: str = "Julian") -> None:
    if year <= 0:
        raise DateError(f"{calendar} year {year}: only years AD 1 onwards are supported")
    if not 1 <= month <= 12:
        raise DateError(f"{calendar} month {month} does not exist")
    last = _julian_month_length(year, month)
    if not 1 <= day <= last:
        raise DateError(
            f"day {day} does not exist in {calendar} {year}-{month:02d} (it has {last} days)")


def _fixed_from_julian(year: int, month: int, day: int) -> int:
    # Calendrical Calculations, §3.1, for positive years.
    correction = 0 if month <= 2 else (-1 if julian_leap(year) else -2)
    return (JULIAN_EPOCH - 1 + 365 * (year - 1) + (year - 1) // 4
            + (367 * month - 362) // 12 + correction + day)


def julian_to_gregorian(year: int, month: int, day: int) -> date:
    """The Gregorian day of a proleptic Julian date (``1917, 10, 25`` -> ``1917-11-07``)."""
    _check_julian(year, month, day)
    fixed = _fixed_from_julian(year, month, day)
    if fixed < 1:
        raise DateError(f"Julian {year}-{month:02d}-{day:02d} falls before 1 January AD 1 "
                        "(Gregorian), which datetime.date cannot hold")
    return date.fromordinal(fixed)


def gregorian_to_julian(d: date) -> tuple[int, int, int]:
    """The proleptic Julian ``(year, month, day)`` of a Gregorian day."""
    fixed = d.toordinal()
    # Calendrical Calculations, §3.1 ("julian-from-fixed"); approx is never < 1 for fixed >= 1.
    year = (4 * (fixed - JULIAN_EPOCH) + 1464) // 1461
    prior_days = fixed - _fixed_from_julian(year, 1, 1)
    before_march = fixed < _fixed_from_julian(year, 3, 1)
    correction = 0 if before_march else (1 if julian_leap(year) else 2)
    month = (12 * (prior_days + correction) + 373) // 367
    day = fixed - _fixed_from_julian(year, month, 1) + 1
    return year, month, day


# -- Hijri (tabular) ---------------------------------------------------------------------------
# The tabular ("arithmetical") Islamic calendar: months alternate 30 and 29 days (Muharrem 30,
# Safer 29, ...), Zilhicce has 30 days in the 11 leap years of each 30-year cycle, years
# 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29. Source: Calendrical Calculations, 3rd ed., §6.1
# (leap iff (14 + 11 * year) mod 30 < 11; fixed-from-islamic); the same pattern and the
# 10,631-day cycle in "Tabular Islamic calendar" (Wikipedia) and in A. Bonavoglia, "Islamic
# calendar" (astro.bonavoglia.eu/english/cal_islam.html).
#
# Epoch: 1 Muharrem 1 AH = Friday 16 July 622 Julian = 19 July 622 (proleptic) Gregorian, the
# "civil" epoch used by Calendrical Calculations (islamic-epoch = fixed-from-julian(622 July 16))
# and by lux.quae.nl ("Islamic calendar": 1 Muharram 1 A.H. = 16 July 622); the astronomical
# variant (15 July 622) is one day earlier (astrologysoftware.com "Moslem calendar": "usually
# taken to be the epoch AD622 JUL 16 (some Oriental chronologists give it as AD622 JUL 15)").
HIJRI_EPOCH = _fixed_from_julian(622, 7, 16)

# Real months began with the sighting of the crescent (in the Ottoman Empire, as fixed by the
# authorities; after 1925 by the observatory: law 698, art. 3), so a documented date may fall a
# day or two from the tabular one (Bonavoglia: the real calendar "can differ from this perpetual
# calendar, usually no more than one day"). hijri_interval widens by HIJRI_SLACK days each side.
HIJRI_SLACK = 1


def hijri_leap(year: int) -> bool:
    """Tabular leap year (Calendrical Calculations, §6.1): 2, 5, 7, 10, ... 29 of each cycle."""
    return (14 + 11 * year) % 30 < 11


def hijri_month_length(year: int, month: int) -> int:
    """Days in a tabular Hijri month: odd months 30, even 29, Zilhicce 30 in a leap year."""
    if month == 12 and hijri_leap(year):
        return 30
    return 30 if month % 2 == 1 else 29


def _fixed_from_hijri(year: int, month: int, day: int) -> int:
    # Calendrical Calculations, §6.1 ("fixed-from-islamic").
    return (HIJRI_EPOCH - 1 + (year - 1) * 354 + (3 + 11 * year) // 30
            + 29 * (month - 1) + month // 2 + day)


def _check_hijri_month(year: int, month: int) -> None:
    if year < 1:
        raise DateError(f"Hijri year {year}: the era begins with 1 AH")
    if not 1 <= month <= 12:
        raise DateError(f"Hijri month {month} does not exist (the year has 12 lunar months)")


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """The Gregorian day of a date in the *tabular* Islamic calendar.

    The tabular calendar is arithmetic (30-year cycle, epoch 16 July 622 Julian = 19 July 622
    Gregorian). The months actually used began with the sighting of the new crescent, so the day
    a document means may differ from this result by a day or two: use :func:`hijri_interval`
    when matching documents.
    """
    _check_hijri_month(year, month)
    last = hijri_month_length(year, month)
    if not 1 <= day <= last:
        raise DateError(
            f"day {day} does not exist in tabular Hijri {year}-{month:02d} (it has {last} days)")
    return date.fromordinal(_fixed_from_hijri(year, month, day))


def hijri_interval(year: int, month: int, day: int | None = None) -> tuple[date, date]:
    """The Gregorian days a Hijri date may denote, allowing for moon sighting.

    With `day`: the tabular day widened by one day each side. Day 30 is accepted in every month
    (a sighted month may have 30 days where the table gives 29). Without `day`: the tabular month
    from its first day minus one to its last day plus one.
    """
    _check_hijri_month(year, month)
    first = _fixed_from_hijri(year, month, 1)
    if day is None:
        last = first + hijri_month_length(year, month) - 1
        return date.fromordinal(first - HIJRI_SLACK), date.fromordinal(last + HIJRI_SLACK)
    if not 1 <= day <= 30:
        raise DateError(f"day {day} does not exist in a Hijri month (they have 29 or 30 days)")
    fixed = first + day - 1
    return date.fromordinal(fixed - HIJRI_SLACK), date.fromordinal(fixed + HIJRI_SLACK)


# -- Rumi (Mali) -------------------------------------------------------------------------------
# Month numbers: a Rumi month carries the number of the Julian/Gregorian month of the same name
# (Mart = 3, Nisan = 4, ... Kânunuevvel = 12, Kânunusani = 1, Şubat = 2), whichever month opened
# the year; the year rules below place Kânunusani and Şubat.
#
# Adoption: the Julian calendar with its own year numbers became the civil ("Rumi") calendar on
# 1 Mart 1256 = 1 March 1840 Julian = 13 March 1840 Gregorian, the year beginning on 1 Mart
# ("Rumi calendar", Wikipedia; kulturveyasam.com "Rumi takvim nedir": "13 Mart 1840 ... Rumi
# takvimdeki karşılığı ise 1 Mart 1256"). Before 1840 the fiscal (Mali) years were kept in step
# with the Hijri years by skipping years, so their numbering cannot be converted by this rule
# (Wikipedia, op. cit., "1677 introduction of the fiscal calendar"; R. B. Rose, "The Ottoman
# Fiscal Calendar", MESA Bulletin 25/2, 1991, 157-167). Such years are rejected.
RUMI_FIRST_YEAR = 1256
# From 1840 the difference stayed a constant 584 years (Wikipedia, op. cit.: "the difference
# between the Rumi calendar and the Julian or Gregorian calendar remained a constant 584
# years"): Mart-Kânunuevvel of Rumi year Y lie in AD Y + 584, Kânunusani-Şubat (end of the
# March-based year) in AD Y + 585 (memim.com "Rumi calendar", after de.wikipedia: "a difference
# of 585 years in January and February and 584 years for the rest").
RUMI_OFFSET = 584
# Law "Muamelât-ı devlette takvim-i garbînin kabulü hakkında kanun" of 8 Şubat 1332
# (Takvim-i Vekayi no. 1803, 10 Şubat 1332), art. 1: "1332 senesi Şubatının 16. günü 1333
# senesi Martının birinci günü itibar edilecektir" (text on vakithesaplama.diyanet.gov.tr/
# 1332_kanun.php). So 15 Şubat 1332 (Julian 15 Feb 1917 = 28 Feb 1917 Gregorian) was followed
# by 1 Mart 1333 = 1 March 1917 Gregorian: 16-28 Şubat 1332 never existed, and from 1 Mart 1333
# days and months are Gregorian (art. 2 speaks of the current year being shortened by 13 days).
RUMI_REFORM_YEAR = 1333
RUMI_LAST_SHUBAT_1332 = 15
# From 1334 the year began on 1 Kânunusani (1 January), years staying AD - 584. Sources:
# memim.com "Rumi calendar" (after de.wikipedia: the beginning of the year "was transferred ...
# to 1 January ... from there the years of the two calendars [ran] with a difference of 584
# years completely parallel"); İ. Bozdağ's note to the 1 Mart 1333 entry of the "Abdülhamid
# diary" ("Bundan sonra yılbaşımız «Kânunsâni» olacak"); and dated acts: the 1921 constitution
# (law 85) is dated 20 Kânunusani 1337 = 20 January 1921 (dirilispostasi.com; anayasa.gen.tr),
# which only a January-based 1337 gives. UNSURE: the legal instrument that moved the new year
# was not found; so "Kânunusani/Şubat 1333" (which would be Jan/Feb 1918, i.e. 1334) is
# rejected rather than guessed.
RUMI_JANUARY_START = 1334
# Law 698 of 26 December 1925 ("Takvimde tarih mebdeinin tebdili hakkında kanun", Resmî Gazete
# 2 January 1926, no. 260), art. 2: "1341 senesi kânunuevvelinin 31 inci gününü takip eden
# gün, 1926 senesi kânunusanisinin birinci günüdür" (text on bilgi-rehberi.com, kanun 698).
RUMI_LAST_YEAR = 1341


def _check_rumi_month(year: int, month: int) -> None:
    if year < RUMI_FIRST_YEAR:
        raise DateError(
            f"Rumi year {year} is before the civil Rumi calendar (adopted 1 Mart 1256 = "
            "13 March 1840); earlier Mali years were kept in step with Hijri years and are "
            "not converted")
    if year > RUMI_LAST_YEAR:
        raise DateError(
            f"Rumi year {year} is after the Rumi calendar: law 698 made the day after "
            "31 Kânunuevvel 1341 the 1st of January 1926")
    if not 1 <= month <= 12:
        raise DateError(f"Rumi month {month} does not exist (use the Julian month number)")
    if year == RUMI_REFORM_YEAR and month <= 2:
        raise DateError(
            f"Rumi {year}-{month:02d}: the year 1333 ran from 1 Mart 1333 (1 March 1917) to "
            "31 Kânunuevvel 1333; January and February 1918 are Kânunusani and Şubat 1334")


def _rumi_is_julian(year: int) -> bool:
    return year < RUMI_REFORM_YEAR


def _rumi_ad_year(year: int, month: int) -> int:
    if year < RUMI_JANUARY_START and month <= 2:
        return year + RUMI_OFFSET + 1
    return year + RUMI_OFFSET


def rumi_to_gregorian(year: int, month: int, day: int) -> date:
    """The Gregorian day of a Rumi (Ottoman civil/fiscal) date; `month` is 1-12 by name
    (Mart = 3 ... Şubat = 2, see ``months.tsv``): ``1339, 10, 29`` -> ``1923-10-29``."""
    first, last = rumi_month_range(year, month)
    length = (last - first).days + 1
    if not 1 <= day <= length:
        if year == RUMI_REFORM_YEAR - 1 and month == 2 and day <= 28:
            raise DateError(
                f"{day} Şubat 1332 does not exist: by the law of 8 Şubat 1332 the day after "
                "15 Şubat 1332 was 1 Mart 1333 (1 March 1917)")
        raise DateError(
            f"day {day} does not exist in Rumi {year}-{month:02d} (it has {length} days)")
    return date.fromordinal(first.toordinal() + day - 1)


def rumi_month_range(year: int, month: int) -> tuple[date, date]:
    """First and last Gregorian day of a Rumi month (month numbered as in ``months.tsv``)."""
    _check_rumi_month(year, month)
    ad = _rumi_ad_year(year, month)
    if _rumi_is_julian(year):
        last_day = _julian_month_length(ad, month)
        if year == RUMI_REFORM_YEAR - 1 and month == 2:
            last_day = RUMI_LAST_SHUBAT_1332
        return julian_to_gregorian(ad, month, 1), julian_to_gregorian(ad, month, last_day)
    first = date(ad, month, 1)
    following = date(ad + 1, 1, 1) if month == 12 else date(ad, month + 1, 1)
    return first, date.fromordinal(following.toordinal() - 1)


# -- month names -------------------------------------------------------------------------------
_NOT_LETTER = re.compile(r"[\W_]+")


def fold_month_name(name: str) -> str:
    """Fold a month name for lookup: `vesika.lang.fold.fold` (case, Turkish ı/İ, circumflexes
    and Turkish letters' marks) and then drop spaces, hyphens and apostrophes, so that
    ``Teşrin-i evvel``, ``Tesrinievvel`` and ``TEŞRİNİEVVEL`` meet."""
    return _NOT_LETTER.sub("", fold(name))


def month_rows() -> list[dict[str, str]]:
    """The rows of ``vesika/data/calendars/months.tsv`` (comment lines start with ``#``)."""
    return read_rows("calendars/months.tsv")


@cache
def month_names() -> dict[tuple[str, str], int]:
    """``(calendar, folded name) -> month number`` for every name and variant in months.tsv."""
    table: dict[tuple[str, str], int] = {}
    for row in month_rows():
        number = int(row["number"])
        names = [row["name"], *row["variants"].split("|")]
        for name in names:
            key = (row["calendar"], fold_month_name(name))
            if not key[1]:
                continue
            if table.get(key, number) != number:
                raise ValueError(f"months.tsv: {name!r} names two {row['calendar']} months")
            table[key] = number
    return table
