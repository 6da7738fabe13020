"""Partial dates and the Japanese era (和暦) forms the report prints them in."""

from __future__ import annotations

import datetime
import re
import unicodedata

import attrs

#: The first day of each era the report uses; its year is the era's year 1 (元年).
ERAS: dict[str, datetime.date] = {
    "昭和": datetime.date(1926, 12, 25),
    "平成": datetime.date(1989, 1, 8),
}

_ERA_DATE = re.compile(
    r"(?P<era>昭和|平成)(?P<era_year>元|\d+)年?"
    r"[(（](?P<year>\d{4})[)）]?年"
    r"(?:(?P<month>\d{1,2})月)?(?:(?P<day>\d{1,2})日)?"
)
_ISO = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


def _validate_year(instance: PartialDate, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int:
        raise TypeError(f"year must be an int, not {value!r}")


def _validate_month(
    instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is not None and not 1 <= value <= 12:
        raise ValueError(f"month {value} is not 1-12")


def _validate_day(
    instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None:
        return
    if instance.month is None:
        raise ValueError("a day needs a month")
    datetime.date(instance.year, instance.month, value)


@attrs.frozen(order=False)
class PartialDate:
    """A date known to the year, the month or the day, as far as the report prints it."""

    year: int = attrs.field(validator=_validate_year)
    month: int | None = attrs.field(default=None, validator=_validate_month)
    day: int | None = attrs.field(default=None, validator=_validate_day)

    @classmethod
    def fromisoformat(cls, text: str) -> PartialDate:
        """Read "2004-12-24", "1999-08" or "1995".

        Raises:
            ValueError: if ``text`` is not one of those forms or not a real date.
        """
        match = _ISO.fullmatch(text)
        if match is None:
            raise ValueError(f"not a partial ISO date: {text!r}")
        month, day = match["month"], match["day"]
        return cls(int(match["year"]), int(month) if month else None, int(day) if day else None)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read a date as the report prints it, e.g. 平成16（2004）年12月24日.

        The Western year in parentheses is the one kept; use ``era_year_of`` to
        check it against the era year.

        Raises:
            ValueError: if ``text`` holds no such date.
        """
        match = _ERA_DATE.search(_compact(text))
        if match is None:
            raise ValueError(f"no era date in {text!r}")
        month, day = match["month"], match["day"]
        return cls(int(match["year"]), int(month) if month else None, int(day) if day else None)

    def isoformat(self) -> str:
        """Return the ISO form as far as known: 2004-12-24, 1999-08 or 1995."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text

    def first_day(self) -> datetime.date:
        """The first day the partial date may denote; ``Dataset.filter`` compares by it."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def to_era(self) -> str:
        """The date in the era form, e.g. 平成16年12月24日 (元年 for year 1)."""
        era, start = next((e, d) for e, d in reversed(ERAS.items()) if self.first_day() >= d)
        number = self.year - start.year + 1
        text = f"{era}{'元' if number == 1 else number}年"
        if self.month is not None:
            text += f"{self.month}月"
            if self.day is not None:
                text += f"{self.day}日"
        return text

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        return self._key() < other._key()

    def __le__(self, other: PartialDate) -> bool:
        return self._key() <= other._key()

    def __gt__(self, other: PartialDate) -> bool:
        return self._key() > other._key()

    def __ge__(self, other: PartialDate) -> bool:
        return self._key() >= other._key()

    def __str__(self) -> str:
        return self.isoformat()


def _compact(text: str) -> str:
    """NFKC and no spaces: 平成 1 1 （ 1 9 9 9 ） 年 -> 平成11(1999)年."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def era_years(text: str) -> list[tuple[str, int, int]]:
    """Every era date in ``text`` as (printed, era-derived year, printed Western year)."""
    found = []
    for match in _ERA_DATE.finditer(_compact(text)):
        era_year = 1 if match["era_year"] == "元" else int(match["era_year"])
        found.append((match[0], ERAS[match["era"]].year + era_year - 1, int(match["year"])))
    return found
