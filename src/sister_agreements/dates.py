"""Partial dates and the Japanese era (和暦) forms the report prints them in.

References:
    - 改元の詔 of 明治元年9月8日 (1868-10-23): 慶応4年 becomes 明治元年 from its first day,
      慶応4年1月1日 of the old calendar (1868-01-25).
    - 明治5年太政官布告第337号 (改暦ノ布告): 明治5年12月3日 becomes 明治6年1月1日
      (1873-01-01), the first day of the Gregorian calendar in Japan.
    - 大正 from 1912-07-30 and 昭和 from 1926-12-25, each proclaimed on its first day.
    - 元号を改める政令 (昭和64年政令第1号): 平成 from 1989-01-08.
    - 元号を改める政令 (平成31年政令第143号): 令和 from 2019-05-01.
"""

from __future__ import annotations

import functools
import re
import types
import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from sister_agreements._record import record_repr

# ERAS and GREGORIAN_START are not module globals until first used, so a star import
# finds them only here.
__all__ = ["ERAS", "GREGORIAN_START", "PartialDate", "era_years"]

if TYPE_CHECKING:
    import datetime

    ERAS: Mapping[str, datetime.date]
    """The first day of each era, in the Gregorian calendar: 明治 1868-01-25, 大正
    1912-07-30, 昭和 1926-12-25, 平成 1989-01-08, 令和 2019-05-01; that day's year is the
    era's year 1 (元年). Read-only. 明治 began in the old calendar, so `PartialDate`
    handles it only from `GREGORIAN_START` on. Made on first use."""

    GREGORIAN_START: datetime.date
    """The day Japan adopted the Gregorian calendar, 1873-01-01 (明治6年1月1日); era forms
    start here. Made on first use."""

# ERAS and GREGORIAN_START are dates, made on first use (``__getattr__``): importing
# ``datetime`` costs more than the rest of this module, and loading the dataset needs none.
_ERA_FIRST_DAYS = {
    "明治": (1868, 1, 25),
    "大正": (1912, 7, 30),
    "昭和": (1926, 12, 25),
    "平成": (1989, 1, 8),
    "令和": (2019, 5, 1),
}
_GREGORIAN_FIRST_DAY = (1873, 1, 1)


def __getattr__(name: str) -> Any:
    """``ERAS`` and ``GREGORIAN_START``, made on first use."""
    if name == "ERAS":
        return _calendar()[0]
    if name == "GREGORIAN_START":
        return _calendar()[1]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """The module's names, with those made on first use."""
    return sorted([*globals(), "ERAS", "GREGORIAN_START"])


@functools.cache
def _calendar() -> tuple[Mapping[str, datetime.date], datetime.date, dict[str, datetime.date]]:
    """``ERAS``, ``GREGORIAN_START``, and the first day after each era but the last."""
    import datetime

    eras = {name: datetime.date(*day) for name, day in _ERA_FIRST_DAYS.items()}
    ends = dict(zip(eras, list(eras.values())[1:], strict=False))
    return types.MappingProxyType(eras), datetime.date(*_GREGORIAN_FIRST_DAY), ends


_KANJI_DIGITS = "〇一二三四五六七八九"
_NUMERAL = r"[0-9]+|[〇一二三四五六七八九十百千]+"
_SMALL = r"[0-9]{1,2}|[〇一二三四五六七八九十]{1,3}"
_WESTERN = r"[0-9]{4}|[〇一二三四五六七八九]{4}|[一二三四五六七八九]?千[〇一二三四五六七八九十百]*"
# The patterns of `parse` are compiled on first use (``_compiled``), not at import: _DATE
# alone takes several milliseconds to compile, and loading the dataset reads ISO dates only.
_compiled = functools.cache(re.compile)
# Matched against _compact(text): NFKC, so brackets are ASCII and ligatures spelled out.
_DATE = (
    # an era and its year: 平成16年, with the Western year after 年: 平成16年(2004年)
    rf"(?:(?P<era>{'|'.join(_ERA_FIRST_DAYS)})(?P<era_year>元|{_NUMERAL})"
    rf"(?:年(?:\((?P<western_after>{_WESTERN})年?\)年?)?"
    # or with the Western year before 年: 平成16(2004)年
    rf"|\((?P<western_before>{_WESTERN})(?:\)年|年\)))"
    # or a Western year alone: 2004年
    rf"|(?<![0-9〇一二三四五六七八九])(?P<western>{_WESTERN})年)"
    rf"(?:(?P<month>{_SMALL})月(?:(?P<day>{_SMALL})日)?)?"
)
_KANJI_UNITS = (
    "(?:(?P<thousands>[一二三四五六七八九]?)千)?(?:(?P<hundreds>[一二三四五六七八九]?)百)?"
    "(?:(?P<tens>[一二三四五六七八九]?)十)?(?P<ones>[一二三四五六七八九])?"
)
# A month or day that follows a date but could not be read as part of it (12月100日).
_DANGLING = rf"(?:{_NUMERAL})[月日]"
# Old numerals for twenty and thirty (廿四日), spelt out.
_OLD_NUMERALS = str.maketrans({"廿": "二十", "卄": "二十", "卅": "三十", "丗": "三十"})
_ISO = r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?"


def _require_int(name: str, value: object) -> None:
    if type(value) is not int:
        raise TypeError(f"{name} must be an int, not {value!r}")


def _validate_year(instance: PartialDate, attribute: attrs.Attribute[int], value: int) -> None:
    _require_int("year", value)
    if not 1 <= value <= 9999:
        raise ValueError(f"year {value} is not 1-9999")


def _validate_month(
    instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None:
        return
    _require_int("month", value)
    if not 1 <= value <= 12:
        raise ValueError(f"month {value} is not 1-12")


def _validate_day(
    instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None:
        return
    _require_int("day", value)
    if instance.month is None:
        raise ValueError(f"day {value} needs a month")
    days = _days_in_month(instance.year, instance.month)
    if not 1 <= value <= days:
        raise ValueError(f"day {value} is not 1-{days} in {instance.year:04d}-{instance.month:02d}")


def _days_in_month(year: int, month: int) -> int:
    """The number of days of a month of the proleptic Gregorian calendar (1-12)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _zero_if_none(value: int | None) -> int:
    return 0 if value is None else value


@attrs.frozen(order=True)
class PartialDate:
    """A date known to the year, the month or the day, as far as the report prints it.

    ``year`` is 1-9999, ``month`` 1-12 or None, ``day`` a day of that month or None
    (a day needs a month). Dates order by year, then month, then day, a missing part
    sorting first: 1995 < 1995-01 < 1995-01-01 < 1995-01-02 < 1995-02. So a partial date
    sorts just before the fuller dates it contains. Comparing with anything but a
    PartialDate raises TypeError.

    Raises:
        TypeError: if a part is not an int (or None for month and day).
        ValueError: if a part is out of range; the message names the value.
    """

    __repr__ = record_repr

    year: int = attrs.field(validator=_validate_year)
    month: int | None = attrs.field(default=None, validator=_validate_month, order=_zero_if_none)
    day: int | None = attrs.field(default=None, validator=_validate_day, order=_zero_if_none)

    @classmethod
    def fromisoformat(cls, text: str) -> PartialDate:
        """Read the ISO forms "2004-12-24", "1999-08" or "1995" (four-digit year).

        Raises:
            ValueError: if ``text`` is not one of those forms or not a real date.
        """
        match = _compiled(_ISO).fullmatch(text)
        if match is None:
            raise ValueError(f"not a partial ISO date: {text!r}")
        month, day = match["month"], match["day"]
        return cls(int(match["year"]), int(month) if month else None, int(day) if day else None)

    @classmethod
    def parse(cls, text: str, *, keep_western: bool = False) -> PartialDate:
        """Read the first date in ``text``, written as the report and Japanese texts write it.

        Accepted forms, to the year, the month or the day:

        - an era date: 平成16年12月24日, 令和元年5月1日, for 明治 (from 明治6年), 大正, 昭和,
          平成 and 令和;
        - an era date with the Western year beside it: 平成16（2004）年12月24日,
          平成16年（2004年）12月24日, 平成18年(2006)年3月16日;
        - a Western date with a four-digit year: 2004年12月24日.

        Numbers may be full-width (１６), kanji (平成十六年十二月二十四日, 昭和五十二年,
        二〇〇四年, 二千四年, 廿四日) or 元 for an era's year 1; era ligatures (㍻ ㍼ ㍽ ㍾
        ㋿) and spaces inside the date (平成 1 1 （ 1 9 9 9 ） 年) are read too.

        A year or a month is read if its era was in force on any day of it: 昭和64年 is
        1989, 平成元年1月 is 1989-01.

        Where both an era year and a Western year are printed and they disagree (the report
        prints 平成22（2012）年7月6日), parse raises ValueError, unless ``keep_western`` is
        True: then the Western year is kept, as the dataset's ``era_year`` errata do. Use
        `era_years` to see both years.

        Args:
            text: any text; the first date in it is read.
            keep_western: keep the Western year where it disagrees with the era year.

        Returns:
            The date, as far as it is printed.

        Raises:
            ValueError: if ``text`` holds no date, or a month or day beside it that cannot
                be read (2004年12月100日); if the era was not in force at the date
                (昭和64年2月1日, 平成31年5月1日, 昭和0年, 大正16年) or the date is before
                1873 (明治5年); if the era year and the Western year disagree and
                ``keep_western`` is False; if a month or day is out of range.
        """
        compact = _compact(text)
        match = _compiled(_DATE).search(compact)
        if match is None:
            raise ValueError(f"no date in {text!r}")
        if _compiled(_DANGLING).match(compact, match.end()):
            raise ValueError(f"{text!r}: a month or day of the date cannot be read")
        western = match["western"] or match["western_after"] or match["western_before"]
        month = None if match["month"] is None else _number(match["month"])
        day = None if match["day"] is None else _number(match["day"])
        if match["era"] is None:
            return cls(_number(western), month, day)
        era = match["era"]
        year = _ERA_FIRST_DAYS[era][0] + _number(match["era_year"]) - 1
        if western is not None and _number(western) != year:
            if not keep_western:
                raise ValueError(
                    f"{match[0]!r}: {era}{match['era_year']}年 is {year}, not {western}; "
                    "pass keep_western=True to keep the Western year"
                )
            year = _number(western)
        date = cls(year, month, day)
        eras, gregorian_start, ends = _calendar()
        end = ends.get(era)
        if date.last_day() < eras[era] or (end is not None and date.first_day() >= end):
            raise ValueError(f"{match[0]!r}: {era} was not in force in {date}")
        if date.first_day() < gregorian_start:
            raise ValueError(f"{match[0]!r}: {date} is before 1873, the Gregorian calendar")
        return date

    def isoformat(self) -> str:
        """Return the ISO form as far as known: 2004-12-24, 1999-08 or 1995."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text

    def first_day(self) -> datetime.date:
        """The first day the partial date may denote: 1999-08 -> 1999-08-01."""
        import datetime

        return datetime.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> datetime.date:
        """The last day the partial date may denote: 1999-08 -> 1999-08-31, 9999 -> 9999-12-31."""
        import datetime

        if self.day is not None:
            return self.first_day()
        month = self.month or 12
        return datetime.date(self.year, month, _days_in_month(self.year, month))

    def to_era(self) -> str:
        """The date in the era form: 平成16年12月24日, 令和元年5月1日 (元年 for year 1).

        A year or a month that spans the start of an era is named in the era in force on
        its last day: 1989 is 平成元年, 1989-01 平成元年1月, 2019 令和元年, 2019-04
        平成31年4月, 1926 昭和元年. So `parse` reads the result back to the same date.

        Raises:
            ValueError: if the date begins before 1873-01-01, when Japan adopted the
                Gregorian calendar.
        """
        eras, gregorian_start, _ = _calendar()
        if self.first_day() < gregorian_start:
            raise ValueError(f"{self} is before 1873, the Gregorian calendar")
        last = self.last_day()
        era, start = [(e, d) for e, d in eras.items() if d <= last][-1]
        number = self.year - start.year + 1
        text = f"{era}{'元' if number == 1 else number}年"
        if self.month is not None:
            text += f"{self.month}月"
            if self.day is not None:
                text += f"{self.day}日"
        return text

    def __str__(self) -> str:
        return self.isoformat()


def _compact(text: str) -> str:
    """NFKC and no spaces: 平成 1 1 （ 1 9 9 9 ） 年 -> 平成11(1999)年, ㍻ -> 平成, 廿 -> 二十."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).translate(_OLD_NUMERALS)


def _number(text: str) -> int:
    """The value of a matched numeral: 元, 16, 二〇〇四 (digit by digit) or 千九百八十九.

    Raises:
        ValueError: if kanji with 十/百/千 are not a well-formed number (十十, 百千).
    """
    if text == "元":
        return 1
    if text.isascii():
        return int(text)
    if not any(unit in text for unit in "十百千"):
        return int("".join(str(_KANJI_DIGITS.index(digit)) for digit in text))
    match = _compiled(_KANJI_UNITS).fullmatch(text)
    if match is None:
        raise ValueError(f"not a kanji numeral: {text!r}")
    total = 0 if match["ones"] is None else _KANJI_DIGITS.index(match["ones"])
    for group, unit in (("thousands", 1000), ("hundreds", 100), ("tens", 10)):
        digits = match[group]
        if digits is not None:
            total += unit * (_KANJI_DIGITS.index(digits) if digits else 1)
    return total


def era_years(text: str) -> list[tuple[str, int, int]]:
    """Every era date in ``text`` printed with its Western year, for checking the two.

    Returns:
        One ``(printed, era year as Western, printed Western year)`` per such date, in
        order; ``printed`` is the date in NFKC without spaces:
        ``era_years("平成22（2012）年7月6日") == [("平成22(2012)年7月6日", 2010, 2012)]``.

    Raises:
        ValueError: if a kanji numeral is malformed.
    """
    found = []
    for match in _compiled(_DATE).finditer(_compact(text)):
        western = match["western_after"] or match["western_before"]
        if western is not None:
            era_year = _ERA_FIRST_DAYS[match["era"]][0] + _number(match["era_year"]) - 1
            found.append((match[0], era_year, _number(western)))
    return found
