"""FuzzyDate: a date known to lie somewhere between two Gregorian days.

Historical dates are rarely exact days. "Temmuz 1920", "early June", "1920-06/1920-07" are all
intervals; ordering and overlap therefore work on intervals, never on a single point.
The string form follows EDTF (Extended Date/Time Format, Library of Congress; ISO 8601-2:2019),
level 0 and the parts of level 1 historians need: `~` approximate, `?` uncertain, `%` both,
unspecified digits (`192X`, `1920-XX`), and intervals with open ends (`1920-06/..`).
"""

from __future__ import annotations

import calendar as _calendar
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Precision = Literal["day", "month", "year", "decade", "century", "interval"]

_PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3, "century": 4, "interval": 5}


class DateError(ValueError):
    """A date string that cannot name a real date (``1920-02-30``, ``32/13/1920``)."""


@dataclass(frozen=True, order=False)
class FuzzyDate:
    earliest: date
    latest: date
    precision: Precision = "day"
    approximate: bool = False
    uncertain: bool = False
    calendar: str = "gregorian"
    text: str = ""
    _edtf: str = field(default="", compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.latest < self.earliest:
            raise DateError(f"interval ends before it starts: {self.earliest} > {self.latest}")

    # -- construction -------------------------------------------------------------------------
    @classmethod
    def day(cls, year: int, month: int, day: int, **kw: object) -> FuzzyDate:
        d = _make_date(year, month, day)
        return cls(d, d, "day", **kw)  # type: ignore[arg-type]

    @classmethod
    def month(cls, year: int, month: int, **kw: object) -> FuzzyDate:
        first = _make_date(year, month, 1)
        last = date(year, month, _calendar.monthrange(year, month)[1])
        return cls(first, last, "month", **kw)  # type: ignore[arg-type]

    @classmethod
    def year(cls, year: int, **kw: object) -> FuzzyDate:
        return cls(_make_date(year, 1, 1), date(year, 12, 31), "year", **kw)  # type: ignore[arg-type]

    # -- EDTF ---------------------------------------------------------------------------------
    @property
    def edtf(self) -> str:
        if self._edtf:
            return self._edtf
        return _format_edtf(self)

    def overlaps(self, other: FuzzyDate) -> bool:
        return self.earliest <= other.latest and other.earliest <= self.latest

    def sort_key(self) -> tuple[date, date, int]:
        """Order by earliest day, then by latest, then by precision (exact before vague)."""
        return (self.earliest, self.latest, _PRECISION_RANK[self.precision])

    def __lt__(self, other: FuzzyDate) -> bool:
        return self.sort_key() < other.sort_key()

    def to_json(self) -> dict[str, object]:
        return {
            "edtf": self.edtf,
            "earliest": self.earliest.isoformat(),
            "latest": self.latest.isoformat(),
            "precision": self.precision,
            "calendar": self.calendar,
            "text": self.text,
            "approximate": self.approximate,
        }


def _make_date(year: int, month: int, day: int) -> date:
    if year <= 0:
        raise DateError(f"year {year} is not a year of the Gregorian calendar (there is no year 0)")
    if not 1 <= month <= 12:
        raise DateError(f"month {month} does not exist")
    last = _calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateError(f"day {day} does not exist in {year}-{month:02d} (it has {last} days)")
    return date(year, month, day)


def _format_edtf(d: FuzzyDate) -> str:
    suffix = {(True, True): "%", (True, False): "~", (False, True): "?"}.get(
        (d.approximate, d.uncertain), "")
    if d.precision == "day":
        return d.earliest.isoformat() + suffix
    if d.precision == "month":
        return d.earliest.strftime("%Y-%m") + suffix
    if d.precision == "year":
        return f"{d.earliest.year:04d}{suffix}"
    if d.precision == "decade":
        return f"{d.earliest.year // 10:03d}X{suffix}"
    if d.precision == "century":
        return f"{d.earliest.year // 100:02d}XX{suffix}"
    return f"{d.earliest.isoformat()}/{d.latest.isoformat()}"


# An EDTF date part: year (4 digits, X allowed in the last two), optional month and day
# (digits or XX), and a qualifier.
_PART = re.compile(
    r"^(?P<y>\d{2}[\dX]{2})(?:-(?P<m>\d{2}|XX)(?:-(?P<d>\d{2}|XX))?)?(?P<q>[~?%])?$"
)


def parse_edtf(text: str) -> FuzzyDate:
    """Parse an EDTF level 0/1 string (``1920``, ``1920-07~``, ``1920-06/1920-07``).

    Also accepts a YAML-loaded ``datetime.date``'s ISO form. Raises :class:`DateError` with a
    reason for anything that is not a real date.
    """
    s = str(text).strip()
    if not s:
        raise DateError("empty date")
    if "/" in s:
        left, _, right = s.partition("/")
        if left in ("", "..") and right in ("", ".."):
            raise DateError(f"interval {s!r} has no known end")
        lo = _parse_part(left) if left not in ("", "..") else None
        hi = _parse_part(right) if right not in ("", "..") else None
        earliest = lo.earliest if lo else date(1, 1, 1)
        latest = hi.latest if hi else date(9999, 12, 31)
        if latest < earliest:
            raise DateError(f"interval {s!r} ends before it starts")
        approx = bool((lo and lo.approximate) or (hi and hi.approximate))
        unc = bool((lo and lo.uncertain) or (hi and hi.uncertain))
        return FuzzyDate(earliest, latest, "interval", approx, unc, text=s, _edtf=s)
    return _parse_part(s)


def _parse_part(s: str) -> FuzzyDate:
    m = _PART.match(s)
    if not m:
        raise DateError(f"{s!r} is not a date in EDTF form (YYYY, YYYY-MM, YYYY-MM-DD, ~ ? %, /)")
    q = m["q"] or ""
    kw = {"approximate": q in "~%" and q != "", "uncertain": q in "?%" and q != "", "text": s}
    y, mo, d = m["y"], m["m"], m["d"]
    if "X" in y:
        if mo or d:
            raise DateError(f"{s!r}: a month or day under an unspecified year")
        if y.endswith("XX"):
            c = int(y[:2]) * 100
            return FuzzyDate(_make_date(max(c, 1), 1, 1), date(c + 99, 12, 31), "century", **kw)
        dec = int(y[:3]) * 10
        return FuzzyDate(_make_date(max(dec, 1), 1, 1), date(dec + 9, 12, 31), "decade", **kw)
    year = int(y)
    if mo is None or mo == "XX":
        if d and d != "XX":
            raise DateError(f"{s!r}: a day without a month")
        return FuzzyDate.year(year, **kw)
    month = int(mo)
    if d is None or d == "XX":
        return FuzzyDate.month(year, month, **kw)
    return FuzzyDate.day(year, month, int(d), **kw)
