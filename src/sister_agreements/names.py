"""Turning what a user types into a country, a prefecture or a party.

Codes, Japanese with or without the suffix, English in any case, full- or
half-width, and the variant characters the report itself uses all resolve.
An unknown name raises LookupError naming the nearest valid values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

from sister_agreements._fold import fold
from sister_agreements.dataset import load
from sister_agreements.model import Country, ForeignParty, JapaneseParty, Prefecture

T = TypeVar("T")


def lg_check_digit(code: str) -> int:
    """The check digit of a five-digit 全国地方公共団体コード (JIS X 0402 + 総務省 rule).

    The digits are weighted 6, 5, 4, 3, 2; the check digit is the last digit of
    11 minus the weighted sum modulo 11.
    """
    if len(code) != 5 or not code.isdigit():
        raise ValueError(f"not a five-digit code: {code!r}")
    total = sum(int(digit) * weight for digit, weight in zip(code, (6, 5, 4, 3, 2), strict=True))
    return (11 - total % 11) % 10


def is_valid_lg_code(code: str) -> bool:
    """True for a six-digit code whose last digit is the check digit of the first five."""
    return len(code) == 6 and code.isdigit() and int(code[5]) == lg_check_digit(code[:5])


class Lookup(Generic[T]):
    """Find one of a set of entries by any of the names it answers to.

    ``get`` returns None for an unknown value; ``lookup`` raises LookupError
    naming the closest valid values. Both raise TypeError for a value that is
    neither a str nor an int.
    """

    def __init__(
        self,
        kind: str,
        entries: Callable[[], Iterable[T]],
        keys: Callable[[T], Iterable[str]],
        label: Callable[[T], str],
    ) -> None:
        self._kind = kind
        self._entries = entries
        self._keys = keys
        self._label = label
        self._index: dict[str, T] | None = None

    def _built(self) -> dict[str, T]:
        if self._index is None:
            index: dict[str, T] = {}
            for entry in self._entries():
                for key in self._keys(entry):
                    index.setdefault(fold(key), entry)
            self._index = index
        return self._index

    def get(self, value: str | int) -> T | None:
        """The entry ``value`` names, or None."""
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise TypeError(
                f"a {self._kind} is named by a str or an int, not {type(value).__name__}"
            )
        return self._built().get(fold(str(value)))

    def lookup(self, value: str | int) -> T:
        """The entry ``value`` names.

        Raises:
            LookupError: if nothing answers to ``value``; the message names the
                closest valid values.
            TypeError: if ``value`` is neither a str nor an int.
        """
        found = self.get(value)
        if found is None:
            index = self._built()
            close = _close_matches(fold(str(value)), index, n=8, cutoff=0.6)
            labels = list(dict.fromkeys(self._label(index[key]) for key in close))[:4]
            if not labels:
                labels = [self._label(entry) for entry in list(dict.fromkeys(index.values()))[:6]]
                hint = "valid values include " + ", ".join(labels)
            else:
                hint = "closest: " + ", ".join(labels)
            raise LookupError(f"unknown {self._kind} {value!r}; {hint}")
        return found

    def __iter__(self) -> Iterator[T]:
        return iter(dict.fromkeys(self._built().values()))

    def __len__(self) -> int:
        return len(dict.fromkeys(self._built().values()))


def _country_keys(country: Country) -> Iterable[str]:
    return (country.code, country.name_ja, country.short_name_ja, country.name_en, *country.aliases)


def _prefecture_keys(prefecture: Prefecture) -> Iterable[str]:
    return (
        prefecture.code,
        str(int(prefecture.code)),
        prefecture.lg_code,
        prefecture.name_ja,
        prefecture.short_name_ja,
        prefecture.name_en,
        prefecture.short_name_en,
    )


countries: Lookup[Country] = Lookup(
    "country",
    lambda: load().countries,
    _country_keys,
    lambda c: f"{c.code} {c.short_name_ja} / {c.name_en}",
)
"""Every country of the dataset, by ISO code, Japanese or English name."""

prefectures: Lookup[Prefecture] = Lookup(
    "prefecture",
    lambda: load().prefectures,
    _prefecture_keys,
    lambda p: f"{p.code} {p.name_ja} / {p.name_en}",
)
"""Japan's 47 prefectures, by JIS code (22), 全国地方公共団体コード (220001) or name."""


def party_names(party: JapaneseParty | ForeignParty) -> tuple[str, ...]:
    """The names a party answers to: as printed, its place name, English name and code."""
    if isinstance(party, JapaneseParty):
        names = [party.name, party.municipality or party.prefecture, party.name_en]
        if party.lg_code:
            names.append(party.lg_code)
    else:
        names = [party.name, party.locality or party.region or party.name, party.name_en]
    return tuple(dict.fromkeys(name for name in names if name))


def _close_matches(word: str, candidates: Iterable[str], n: int, cutoff: float) -> list[str]:
    """difflib's close matches; difflib is imported only when a lookup fails."""
    import difflib

    return difflib.get_close_matches(word, list(candidates), n=n, cutoff=cutoff)
