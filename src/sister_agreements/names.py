"""Turning what a user types into a country, a prefecture, a party or a code.

The one resolver of names: every lookup of the package (``filter``, ``sa.countries``,
``sa.prefectures``, ``CountTable.cell``, the command line) goes through ``Lookup``. It is
a leaf: whoever loaded a document hands it the entries, so a dataset read from a file
resolves names through its own tables.

Accepted forms:

- names in Japanese or English, with or without their suffix (静岡, 静岡県, Shizuoka,
  Shizuoka-ken, Shizuoka Prefecture), in any case, full- or half-width, in hiragana or
  katakana (しずおか), with kanji variants (異体字: 髙/高, 﨑/崎) and ヶ spelled ケ, カ, か;
- Japanese names in any common romanisation: Hepburn with or without macrons, traditional
  Hepburn (Gumma), Kunrei and Nihon-shiki (Hukuoka), word-processor long vowels (Ohita,
  Ooita, Kouchi);
- codes: ISO 3166-1 alpha-2, alpha-3 and numeric, ISO 3166-2 (JP-22), prefecture numbers,
  全国地方公共団体コード with or without the check digit, also as integers that lost their
  leading zero (22012 is 022012).

Signs and punctuation are never dropped into another value: ``-13``, ``"1-3"`` and
``"2.2"`` name nothing. ``bytes`` and ``bool`` are a ``TypeError``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Generic, NamedTuple, TypeVar

from sister_agreements._fold import closest_keys, fold, name_key, other_name_keys
from sister_agreements.errors import AmbiguousValueError, UnknownValueError
from sister_agreements.model import Country, ForeignParty, JapaneseParty, Prefecture
from sister_agreements.taxonomy import JapaneseKind

T = TypeVar("T")

#: How many closest valid values an error names.
CLOSEST = 4


def lg_check_digit(code: str) -> int:
    """The check digit of a five-digit 全国地方公共団体コード (JIS X 0402 + 総務省 rule).

    The digits are weighted 6, 5, 4, 3, 2; the check digit is the last digit of
    11 minus the weighted sum modulo 11.

    Raises:
        ValueError: if ``code`` is not five ASCII digits.
    """
    if len(code) != 5 or not (code.isascii() and code.isdigit()):
        raise ValueError(f"not a five-digit code: {code!r}")
    total = sum(int(digit) * weight for digit, weight in zip(code, (6, 5, 4, 3, 2), strict=True))
    return (11 - total % 11) % 10


def is_valid_lg_code(code: str) -> bool:
    """True for a six-digit code whose last digit is the check digit of the first five."""
    return (
        len(code) == 6
        and code.isascii()
        and code.isdigit()
        and int(code[5]) == lg_check_digit(code[:5])
    )


def lg_codes(digits: str) -> list[str]:
    """The six-digit 全国地方公共団体コード that ``digits`` may stand for.

    Six digits with a valid check digit are themselves; five are a code without its
    check digit, or a six-digit code that lost its leading zero (12203 is 122033 or
    012203); four are a five-digit code that lost its leading zero.
    """
    candidates = []
    if len(digits) == 4:
        digits = "0" + digits
    if len(digits) == 5:
        candidates.append(digits + str(lg_check_digit(digits)))
        digits = "0" + digits
    if is_valid_lg_code(digits):
        candidates.append(digits)
    return candidates


def _prefecture_numbers(digits: str) -> list[str]:
    if len(digits) <= 2:
        return [f"{int(digits):02d}"]
    return lg_codes(digits)


def _country_numbers(digits: str) -> list[str]:
    return [digits.zfill(3)] if len(digits) <= 3 else []


class Lookup(Generic[T]):
    """Entries found by any name or code they answer to (see the module's accepted forms).

    ``get`` returns None for a value that names nothing; ``lookup`` raises; ``get_all``
    returns every entry a name shared by several answers to (府中市). Iterating gives
    every entry once, in the order handed in. A lookup is shared by every user of its
    document, so it cannot be changed: its entries and its index are private, and it has
    no attribute to set.
    """

    __slots__ = (
        "_codes", "_entries", "_found", "_index", "_keys", "_kind", "_label", "_literal",
        "_numbers",
    )  # fmt: skip

    def __init__(
        self,
        kind: str,
        entries: Sequence[T],
        keys: Callable[[T], Iterable[str]],
        label: Callable[[T], str],
        codes: Callable[[T], Iterable[str]] = lambda entry: (),
        numbers: Callable[[str], list[str]] = lambda digits: [],
    ) -> None:
        """Args:
        kind: what the entries are, for messages ("country").
        entries: the entries, in the order suggestions prefer on a tie.
        keys: every name an entry answers to, matched in any spelling.
        label: how messages name an entry ("CN 中国 / China").
        codes: every code an entry answers to, matched exactly but for case and width.
        numbers: the codes a string of digits may stand for.
        """
        self._kind = kind
        self._entries = tuple(entries)
        self._keys = keys
        self._label = label
        self._codes = codes
        self._numbers = numbers
        self._index: dict[str, tuple[T, ...]] | None = None
        self._literal: dict[str, tuple[T, ...]] | None = None
        self._found: dict[str | int, tuple[T, ...]] = {}  # get_all's answers, at most _KEPT

    @property
    def kind(self) -> str:
        """What the entries are, as messages name them ("country")."""
        return self._kind

    def _built(self) -> tuple[dict[str, tuple[T, ...]], dict[str, tuple[T, ...]]]:
        """The index of codes (prefixed with "#", so that no name meets them) and name keys,
        and the index of names as written (NFKC, case-folded), which tells apart names that
        meet only once folded (鹿嶋市 and 鹿島市)."""
        if self._index is None or self._literal is None:
            index: dict[str, list[T]] = {}
            literal: dict[str, list[T]] = {}
            for entry in self._entries:
                for code in self._codes(entry):
                    _add(index, "#" + fold(code), entry)
                for key in self._keys(entry):
                    _add(index, name_key(key), entry)
                    _add(literal, _written(key), entry)
            self._index = {key: tuple(found) for key, found in index.items()}
            self._literal = {key: tuple(found) for key, found in literal.items()}
        return self._index, self._literal

    def get_all(self, value: str | int) -> tuple[T, ...]:
        """Every entry ``value`` names: none, one, or all those that share a name.

        A code names one entry (or raises); a name written exactly as one or more entries
        write it names those; otherwise every entry whose name it spells.

        Raises:
            TypeError: if ``value`` is neither a str nor an int (``bool``, ``bytes`` and
                other types included).
            AmbiguousValueError: if ``value`` is a number that is the code of two entries.
        """
        text = _text(value, self.kind)
        found = self._found.get(value)
        if found is None:
            found = self._find(value, text)
            if len(self._found) >= _KEPT:
                self._found.clear()
            if len(text) <= _KEPT_LENGTH:
                self._found[value] = found
        return found

    def _find(self, value: str | int, text: str) -> tuple[T, ...]:
        index, literal = self._built()
        if _compiled(_DIGITS).fullmatch(text):
            digits = unicodedata.normalize("NFKC", text)
            found = _unique(
                entry for code in self._numbers(digits) for entry in index.get("#" + code, ())
            )
            if len(found) > 1:
                raise AmbiguousValueError(self.kind, value, [self._label(e) for e in found])
            return found
        folded = fold(text)
        by_code = () if folded.isdigit() else index.get("#" + folded, ())  # not ①⑤⑥
        if by_code:
            return by_code
        key = name_key(text)
        found = index.get(key) or _first(index.get(other) for other in other_name_keys(key))
        if len(found) > 1:
            exact = literal.get(_written(text), ())
            return tuple(entry for entry in found if entry in exact) or found
        return found

    def get(self, value: str | int) -> T | None:
        """The entry ``value`` names, or None.

        Raises:
            TypeError: if ``value`` is neither a str nor an int (``bool`` and ``bytes``
                included).
            AmbiguousValueError: if ``value`` names more than one entry (a number that is
                the code of two, a name two share).
        """
        found = self.get_all(value)
        if len(found) > 1:
            raise AmbiguousValueError(self.kind, value, [self._label(e) for e in found])
        return found[0] if found else None

    def lookup(self, value: str | int) -> T:
        """The entry ``value`` names.

        Raises:
            UnknownValueError: a ``KeyError`` (so a ``LookupError``) if nothing answers to
                ``value``; it carries the closest valid values.
            AmbiguousValueError: if ``value`` names more than one entry.
            TypeError: if ``value`` is neither a str nor an int.
        """
        found = self.get(value)
        if found is None:
            raise UnknownValueError(self.kind, value, self.closest(value))
        return found

    def closest(self, value: object) -> tuple[str, ...]:
        """Labels of the entries whose names are nearest to ``value``, best first."""
        index, _ = self._built()
        by_key = {key: self._label(found[0]) for key, found in index.items()}
        chosen = closest_keys(_shown(value), by_key, n=4 * CLOSEST)
        return tuple(dict.fromkeys(by_key[key] for key in chosen))[:CLOSEST]

    def __iter__(self) -> Iterator[T]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"<Lookup of {len(self)} {self.kind} entries>"


# Compiled on first use, not at import.
_compiled = functools.cache(re.compile)
#: ``get_all`` keeps the answers to at most this many values of at most this length, so
#: that repeated queries (a script's loop, a notebook) skip the folding.
_KEPT, _KEPT_LENGTH = 1024, 64
_DIGITS = r"[0-9０-９]+"


def _add(index: dict[str, list[T]], key: str, entry: T) -> None:
    found = index.setdefault(key, [])
    if entry not in found:
        found.append(entry)


def _unique(entries: Iterable[T]) -> tuple[T, ...]:
    found: list[T] = []
    for entry in entries:
        if entry not in found:
            found.append(entry)
    return tuple(found)


def _first(candidates: Iterable[tuple[T, ...] | None]) -> tuple[T, ...]:
    return next((found for found in candidates if found), ())


def _written(text: str) -> str:
    """A name as written: NFKC, case-folded, without spaces."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def _shown(value: object) -> str:
    """``value`` as text for comparing with names: at most its first 100 characters."""
    if isinstance(value, int) and value.bit_length() > 256:
        return ""
    return str(value)[:100]


def _text(value: object, kind: str) -> str:
    """``value`` as stripped text, for a str or an int only (a number of more than 20
    digits names nothing, and is not turned into text)."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise TypeError(f"a {kind} is named by a str or an int, not {type(value).__name__}")
    if isinstance(value, int):
        return str(value) if value.bit_length() <= 64 else "-"
    return value.strip()


def country_lookup(countries: Sequence[Country]) -> Lookup[Country]:
    """Countries by ISO 3166-1 alpha-2, alpha-3 or numeric code, Japanese or English name,
    the names pycountry gives, and the report's forms."""
    return Lookup(
        "country",
        countries,
        lambda c: (c.name_ja, c.short_name_ja, c.name_en, *c.aliases),
        lambda c: f"{c.code} {c.short_name_ja} / {c.name_en}",
        lambda c: (c.code, c.alpha_3, c.numeric),
        _country_numbers,
    )


_SUFFIX_ROMAJI = {"県": "ken", "府": "fu", "都": "to", "道": ""}
_SUFFIX_KANA = {"県": "ケン", "府": "フ", "都": "ト", "道": ""}


def _prefecture_codes(prefecture: Prefecture) -> Iterable[str]:
    return (prefecture.code, prefecture.lg_code, f"JP-{prefecture.code}")


def _prefecture_keys(prefecture: Prefecture) -> Iterable[str]:
    base = prefecture.short_name_en
    return (
        prefecture.name_ja,
        prefecture.short_name_ja,
        prefecture.kana,
        prefecture.kana.removesuffix(_SUFFIX_KANA[prefecture.name_ja[-1]]),
        prefecture.name_en,
        base,
        base + _SUFFIX_ROMAJI[prefecture.name_ja[-1]],
        f"{base} Prefecture",
        f"{base} Pref",
    )


def prefecture_lookup(prefectures: Sequence[Prefecture]) -> Lookup[Prefecture]:
    """Prefectures by JIS number (22), ISO 3166-2 (JP-22), 全国地方公共団体コード (220001 or
    22000), Japanese name, reading (しずおか), English name in any romanisation, with or
    without the suffix."""
    return Lookup(
        "prefecture",
        prefectures,
        _prefecture_keys,
        lambda p: f"{p.code} {p.name_ja} / {p.name_en}",
        _prefecture_codes,
        _prefecture_numbers,
    )


class Municipality(NamedTuple):
    """A row of the register of 全国地方公共団体コード (``names.json``): the code, the
    prefecture, the municipality (None for the prefecture itself), its reading in
    katakana and the Hepburn romanisation of its name without the kind's suffix."""

    lg_code: str
    prefecture: str
    name: str | None
    kana: str
    romaji: str  # Hepburn, without the suffix: "yokohama", "toukyou"


# The reading of each kind's suffix, and its romanised and English forms.
_KIND_SUFFIXES = {
    "市": (("シ", ("shi", " City")),),
    "区": (("ク", ("ku", " Ward", " City")),),
    "町": (("チョウ", ("cho", " Town")), ("マチ", ("machi", " Town"))),
    "村": (("ムラ", ("mura", " Village")), ("ソン", ("son", " Village"))),
}


def _municipality_keys(place: Municipality) -> Iterable[str]:
    """Its name with and without its prefecture, without its suffix (札幌, 六ヶ所), its
    reading with and without the suffix, and its romanised name in the same forms."""
    name = place.name or place.prefecture
    keys = [place.prefecture + (place.name or ""), name, place.kana]
    keys.append(place.romaji)
    if place.name is None and name != "北海道":  # a prefecture: 静岡, シズオカ
        keys += [name[:-1], place.kana.removesuffix(_SUFFIX_KANA[name[-1]])]
    for reading, suffixes in _KIND_SUFFIXES.get(name[-1], ()) if place.name else ():
        if place.kana.endswith(reading):
            keys.append(place.kana.removesuffix(reading))
            keys += [place.romaji + suffix for suffix in suffixes]
            if len(name) > 2:  # 津市 keeps its suffix: 津 alone names nothing
                keys.append(name[:-1])
    return keys


def municipality_lookup(rows: Iterable[Sequence[str | None]]) -> Lookup[Municipality]:
    """Every Japanese local government by 全国地方公共団体コード (any form), name with or
    without its prefecture or suffix, reading, or romanised name."""
    return Lookup(
        "local government",
        [Municipality(*row) for row in rows],  # type: ignore[arg-type]
        _municipality_keys,
        lambda m: f"{m.lg_code} {m.prefecture}{m.name or ''}",
        lambda m: (m.lg_code,),
        lg_codes,
    )


# What a Japanese party's English name ends in, and the romanised suffixes of its kind.
_PARTY_SUFFIXES = {
    JapaneseKind.DESIGNATED_CITY: (" City", ("shi", " City")),
    JapaneseKind.CITY: (" City", ("shi", " City")),
    JapaneseKind.SPECIAL_WARD: (" City", ("ku", " City")),
    JapaneseKind.TOWN: (" Town", ("machi", "cho", " Town")),
    JapaneseKind.VILLAGE: (" Village", ("mura", "son", " Village")),
}


def party_names(party: JapaneseParty | ForeignParty) -> tuple[str, ...]:
    """The names a party answers to: as printed, its place name, English name and code,
    and for a Japanese municipality its romanised name with or without the suffix of its
    kind (Rokkasho, Rokkasho-mura, Rokkasho Village). A prefecture answers besides to
    every form ``prefecture_lookup`` reads."""
    if isinstance(party, JapaneseParty):
        names = [party.name, party.municipality or party.prefecture, party.name_en]
        english, suffixes = _PARTY_SUFFIXES.get(party.kind, ("", ()))
        if english and party.name_en.endswith(english):
            base = party.name_en.removesuffix(english)
            names += [base, *(base + suffix for suffix in suffixes)]
        if party.lg_code:
            names.append(party.lg_code)
    else:
        names = [party.name, party.locality or party.region or party.name, party.name_en]
    return tuple(dict.fromkeys(name for name in names if name))
