"""Historical dates with their precision: a day, a month, a season, a year, or a range."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

SEASONS = {
    # season: (first month, last month, year offset of the last month)
    "spring": (3, 5, 0),
    "summer": (6, 8, 0),
    "autumn": (9, 11, 0),
    "winter": (12, 2, 1),
}

_POINT = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<season>spring|summer|autumn|winter)|(?P<month>\d{2})(?:-(?P<day>\d{2}))?))?$"
)


# English names on purpose: %B and calendar.month_name follow the locale, which Qt sets.
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def month_year(date: dt.date) -> str:
    return f"{MONTHS[date.month - 1]} {date.year}"


def day_month_year(date: dt.date) -> str:
    """ "16 March 1921"."""
    return f"{date.day} {month_year(date)}"


class DateError(ValueError):
    """A date string that is not a valid historical date."""


@dataclass(frozen=True)
class DatePoint:
    """One end of a historical date: a day, a month, a season or a year."""

    precision: str  # "day" | "month" | "season" | "year"
    start: dt.date
    end: dt.date
    text: str

    def label(self) -> str:
        """Return the date as a reader would write it, e.g. "2 February 1920"."""
        if self.precision == "day":
            return day_month_year(self.start)
        if self.precision == "month":
            return month_year(self.start)
        if self.precision == "season":
            season = self.text.split("-", 1)[1]
            if season == "winter":
                return f"winter {self.start.year}\u2013{self.end.year % 100:02d}"
            return f"{season} {self.start.year}"
        return str(self.start.year)


def _parse_point(text: str) -> DatePoint:
    match = _POINT.match(text)
    if not match:
        raise DateError(f"{text!r} is not a date; write YYYY-MM-DD, YYYY-MM, YYYY, YYYY-season or START/END")
    year = int(match["year"])
    if year < 1:
        raise DateError(f"{text!r}: year 0000 does not exist")
    if match["season"]:
        first, last, offset = SEASONS[match["season"]]
        if year + offset > 9999:
            raise DateError(f"{text!r}: the season ends after the year 9999")
        end_year = year + offset
        return DatePoint(
            "season",
            dt.date(year, first, 1),
            dt.date(end_year, last, calendar.monthrange(end_year, last)[1]),
            text,
        )
    if match["month"] is None:
        return DatePoint("year", dt.date(year, 1, 1), dt.date(year, 12, 31), text)
    month = int(match["month"])
    if not 1 <= month <= 12:
        raise DateError(f"{text!r}: there is no month {month}")
    last_day = calendar.monthrange(year, month)[1]
    if match["day"] is None:
        return DatePoint("month", dt.date(year, month, 1), dt.date(year, month, last_day), text)
    day = int(match["day"])
    if not 1 <= day <= last_day:
        raise DateError(f"{text!r}: {MONTHS[month - 1]} {year} has no day {day}")
    day_date = dt.date(year, month, day)
    return DatePoint("day", day_date, day_date, text)


@dataclass(frozen=True)
class HistDate:
    """A date as an index stores it: one point, or a range between two points."""

    text: str
    first: DatePoint
    last: DatePoint | None = None

    @classmethod
    def parse(cls, text: object) -> HistDate:
        """Parse the index's date grammar; raise DateError naming the problem."""
        if not isinstance(text, str):
            raise DateError(f"{text!r} is not a date string")
        if "/" in text:
            left, _, right = text.partition("/")
            first, last = _parse_point(left), _parse_point(right)
            if last.end < first.start:
                raise DateError(f"{text!r}: the range ends before it begins")
            return cls(text, first, last)
        return cls(text, _parse_point(text))

    @property
    def precision(self) -> str:
        """ "day", "month", "season", "year" or "range"."""
        return "range" if self.last else self.first.precision

    @property
    def start(self) -> dt.date:
        return self.first.start

    @property
    def end(self) -> dt.date:
        return (self.last or self.first).end

    def label(self) -> str:
        """Return the date for display, e.g. "8–16 March 1921" or "January 1920"."""
        if not self.last:
            return self.first.label()
        a, b = self.first, self.last
        if a.precision == b.precision == "day" and (a.start.year, a.start.month) == (
            b.start.year,
            b.start.month,
        ):
            return f"{a.start.day}\u2013{day_month_year(b.start)}"
        if a.precision == "day" and b.precision == "day" and a.start.year == b.start.year:
            return f"{a.start.day} {MONTHS[a.start.month - 1]}\u2013{day_month_year(b.start)}"
        if a.precision == b.precision == "year":
            return f"{a.start.year}\u2013{b.start.year}"
        if a.precision == b.precision == "month" and a.start.year == b.start.year:
            return f"{MONTHS[a.start.month - 1]}\u2013{month_year(b.start)}"
        return f"{a.label()} \u2013 {b.label()}"

    def __str__(self) -> str:
        return self.text
