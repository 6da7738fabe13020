"""Loading the packaged data, and the Dataset that holds it and answers queries."""

from __future__ import annotations

import datetime
import functools
import json
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar, overload

import cattrs
import importlib_resources

from sister_agreements import _codec
from sister_agreements._fold import fold
from sister_agreements.dates import PartialDate
from sister_agreements.errors import DatasetError
from sister_agreements.model import (
    Agreement,
    Country,
    Erratum,
    ForeignParty,
    JapaneseParty,
    Listing,
    Prefecture,
    Source,
)
from sister_agreements.taxonomy import Field, ForeignKind, JapaneseKind

#: The package resource that holds the dataset.
DATA_FILE = "agreements.json"

T = TypeVar("T")
DateBound = int | str | datetime.date | PartialDate


class _Index:
    """Lookups over one loaded document, shared by every subset of it.

    The facet indexes and the search text are built on first use, so that
    ``load()`` stays cheap and repeated queries never scan.
    """

    def __init__(self, document: _codec.Document) -> None:
        self.document = document
        self.position = {a.id: i for i, a in enumerate(document.agreements)}
        self.by_key = {li.key: a for a in document.agreements for li in a.listings}

    @functools.cached_property
    def facets(self) -> _Facets:
        return _Facets(self.document)

    @functools.cached_property
    def text(self) -> dict[str, str]:
        """Folded titles, texts and names (Japanese and English) of each agreement."""
        names = {c.code: (c.name_ja, c.short_name_ja, c.name_en) for c in self.document.countries}
        text = {}
        for a in self.document.agreements:
            words = [a.title, a.background, a.activities, a.outcomes]
            words += [li.index_title for li in a.listings] + [li.sheet_title for li in a.listings]
            for party in _parties(a):
                words += [party.name, party.name_en]
            for fp in a.foreign_parties:
                words += [fp.region or "", fp.region_en or "", *names.get(fp.country, ())]
            text[a.id] = "\n".join(fold(word) for word in words)
        return text


class _Facets:
    """Agreement ids by field, country, prefecture, party name, kind and shape."""

    def __init__(self, document: _codec.Document) -> None:
        from sister_agreements import names  # names needs load(): imported late

        self.field: dict[Field, set[str]] = {}
        self.country: dict[str, set[str]] = {}
        self.prefecture: dict[str, set[str]] = {}
        self.kind: dict[str, set[str]] = {}
        self.party: dict[str, set[str]] = {}
        self.party_label: dict[str, str] = {}
        self.multilateral: dict[bool, set[str]] = {True: set(), False: set()}
        dated = sorted((a.signed.first_day(), a.id) for a in document.agreements if a.signed)
        self.signed_days = [day for day, _ in dated]
        self.signed_ids = [x for _, x in dated]
        for a in document.agreements:
            for field in a.fields:
                self.field.setdefault(field, set()).add(a.id)
            for party in _parties(a):
                self.kind.setdefault(party.kind.value, set()).add(a.id)
                for name in names.party_names(party):
                    self.party.setdefault(fold(name), set()).add(a.id)
                    self.party_label.setdefault(fold(name), name)
            for jp in a.japanese_parties:
                self.prefecture.setdefault(jp.prefecture, set()).add(a.id)
            for code in a.countries:
                self.country.setdefault(code, set()).add(a.id)
            self.multilateral[a.is_multilateral].add(a.id)


def _parties(agreement: Agreement) -> list[JapaneseParty | ForeignParty]:
    return [*agreement.japanese_parties, *agreement.foreign_parties]


class Dataset(Sequence[Agreement]):
    """An immutable sequence of agreements, indexed by id and by listing key.

    ``ds[0]`` is the first agreement; ``ds["2-03"]`` is the agreement that
    listing 2-03 belongs to (an agreement's id is the key of its first listing).
    ``filter`` and ``search`` return a Dataset of the matching agreements, so
    they chain.
    """

    __slots__ = ("_agreements", "_ids", "_index")

    def __init__(self, index: _Index, ids: Iterable[str] | None = None) -> None:
        self._index = index
        everything = index.document.agreements
        if ids is None:
            self._agreements = everything
            self._ids = frozenset(index.position)
        else:
            self._ids = frozenset(ids)
            positions = sorted(map(index.position.__getitem__, self._ids))
            self._agreements = tuple(map(everything.__getitem__, positions))

    @property
    def whole(self) -> Dataset:
        """The dataset this one was filtered from, with every agreement of its document."""
        if len(self._ids) == len(self._index.position):
            return self
        return Dataset(self._index)

    def __eq__(self, other: object) -> bool:
        """Equal when both hold the same agreements of the same document."""
        if not isinstance(other, Dataset):
            return NotImplemented
        return self._ids == other._ids and (
            self._index is other._index or self._agreements == other._agreements
        )

    def __hash__(self) -> int:
        return hash(self._ids)

    @property
    def errata(self) -> tuple[Erratum, ...]:
        """The errata register: every contradiction in the report and what the data holds."""
        return self._index.document.errata

    @property
    def source(self) -> Source:
        """Provenance: publisher, title, survey month, data and schema versions."""
        return self._index.document.source

    @property
    def countries(self) -> tuple[Country, ...]:
        """The countries of the dataset's foreign parties, in the document's order.

        Every ISO 3166-1 country is in ``sister_agreements.countries``.
        """
        used = {code for agreement in self._agreements for code in agreement.countries}
        return tuple(c for c in self._index.document.countries if c.code in used)

    @property
    def prefectures(self) -> tuple[Prefecture, ...]:
        """Japan's 47 prefectures."""
        return self._index.document.prefectures

    @property
    def listings(self) -> tuple[Listing, ...]:
        """Every listing of the dataset's agreements, in report order."""
        listings = (listing for agreement in self._agreements for listing in agreement.listings)
        return tuple(sorted(listings, key=lambda listing: (listing.field.number, listing.number)))

    def __len__(self) -> int:
        return len(self._agreements)

    def __iter__(self) -> Iterator[Agreement]:
        return iter(self._agreements)

    @overload
    def __getitem__(self, index: int) -> Agreement: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Agreement]: ...
    @overload
    def __getitem__(self, index: str) -> Agreement: ...

    def __getitem__(self, index: int | slice | str) -> Agreement | Sequence[Agreement]:
        """Return an agreement by position, or by id or listing key ("1-01").

        Raises:
            KeyError: for a key not in this dataset; the message names the closest keys.
        """
        if not isinstance(index, str):
            return self._agreements[index]
        found = self.get(index)
        if found is None:
            keys = [li.key for a in self._agreements for li in a.listings]
            close = _close_matches(index, keys, n=5, cutoff=0.5)
            hint = f"; closest: {', '.join(close)}" if close else ""
            raise KeyError(f"no agreement or listing {index!r}{hint}")
        return found

    def get(self, key: str) -> Agreement | None:
        """Return the agreement with this id or listing key, or None."""
        found = self._index.by_key.get(key)
        return found if found is not None and found.id in self._ids else None

    def __repr__(self) -> str:
        return f"<Dataset: {len(self)} agreements, {len(self.listings)} listings>"

    def filter(
        self,
        *,
        field: Field | int | str | Iterable[Field | int | str] | None = None,
        country: str | Iterable[str] | None = None,
        prefecture: str | int | Iterable[str | int] | None = None,
        party: str | Iterable[str] | None = None,
        kind: JapaneseKind
        | ForeignKind
        | str
        | Iterable[JapaneseKind | ForeignKind | str]
        | None = None,
        signed_from: DateBound | None = None,
        signed_to: DateBound | None = None,
        multilateral: bool | None = None,
    ) -> Dataset:
        """The agreements that match every given argument (AND); several values of one
        argument match any of them (OR).

        Args:
            field: listed under this field (``Field``, 1–9, ①, 教育, "education").
            country: a foreign party in this country (CN, 中国, China).
            prefecture: a Japanese party in this prefecture (静岡, 22, 220001, Shizuoka).
            party: a party of this name (as printed, place name, English name, lg_code).
            kind: a party of this kind ("town", "designated_city", "region", "organisation").
            signed_from: first date on or after this (a year, "2004-12", a date).
            signed_to: first date on or before the end of this (a year, "2004-12", a date).
            multilateral: more than one party on either side (True) or one-to-one (False).

        Partial dates compare by their first possible day; agreements without a
        date never match a date bound.

        Raises:
            LookupError: an unknown field, country, prefecture, party or kind; the
                message names the nearest valid values.
            TypeError: a value of the wrong type.
        """
        from sister_agreements import names

        facets = self._index.facets
        matches: list[set[str]] = []  # one set per given argument, intersected below
        if field is not None:
            matches.append(_union(facets.field, _values(field, Field.parse)))
        if country is not None:
            codes = (c.code for c in _values(country, names.countries.lookup))
            matches.append(_union(facets.country, codes))
        if prefecture is not None:
            chosen = _values(prefecture, names.prefectures.lookup)
            matches.append(_union(facets.prefecture, (p.name_ja for p in chosen)))
        if party is not None:
            matches.append(_union(facets.party, _values(party, self._party_key)))
        if kind is not None:
            matches.append(_union(facets.kind, _values(kind, _kind_value)))
        if signed_from is not None or signed_to is not None:
            days = facets.signed_days
            low = 0 if signed_from is None else bisect_left(days, _bound(signed_from).first_day())
            high = (
                len(days) if signed_to is None else bisect_right(days, _last_day(_bound(signed_to)))
            )
            matches.append(set(facets.signed_ids[low:high]))
        if multilateral is not None:
            if not isinstance(multilateral, bool):
                raise TypeError(f"multilateral is True or False, not {multilateral!r}")
            matches.append(facets.multilateral[multilateral])
        if not matches:
            return self
        ids = set.intersection(*sorted(matches, key=len))
        if len(self._ids) < len(self._index.position):
            ids &= self._ids
        return Dataset(self._index, ids)

    def search(self, text: str) -> Dataset:
        """The agreements whose titles, texts or party names (Japanese or English)
        contain every word of ``text``; NFKC, case- and variant-insensitive.

        Raises:
            TypeError: if ``text`` is not a str.
        """
        if not isinstance(text, str):
            raise TypeError(f"search text is a str, not {type(text).__name__}")
        words = [fold(word) for word in text.split()]
        haystacks = self._index.text
        return Dataset(
            self._index, (x for x in self._ids if all(word in haystacks[x] for word in words))
        )

    def _party_key(self, value: str) -> str:
        if not isinstance(value, str):
            raise TypeError(f"a party is named by a str, not {type(value).__name__}")
        key = fold(value)
        facets = self._index.facets
        if key not in facets.party:
            close = [facets.party_label[k] for k in _close_matches(key, facets.party, 4, 0.6)]
            raise LookupError(f"unknown party {value!r}; closest: {', '.join(close) or 'none'}")
        return key


def _values(value: object, parse: Callable[[Any], T]) -> list[T]:
    """One value or an iterable of values (a str is one value), each parsed."""
    if isinstance(value, Iterable) and not isinstance(value, str):
        return [parse(item) for item in value]
    return [parse(value)]


def _union(index: dict[T, set[str]], keys: Iterable[T]) -> set[str]:
    found: set[str] = set()
    for key in keys:
        found |= index.get(key, set())
    return found


_KINDS: dict[str, str] = {
    fold(kind.value).replace("_", ""): str(kind.value) for kind in (*JapaneseKind, *ForeignKind)
}


def _kind_value(value: object) -> str:
    """The value of a party kind given as an enum member or its name in any case."""
    if isinstance(value, JapaneseKind | ForeignKind):
        return str(value.value)
    if not isinstance(value, str):
        raise TypeError(f"a kind is a str or a kind enum, not {type(value).__name__}")
    found = _KINDS.get(fold(value).replace("_", ""))
    if found is None:
        raise LookupError(f"unknown kind {value!r}; valid kinds: {', '.join(_KINDS.values())}")
    return found


def _bound(value: DateBound) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, bool):
        raise TypeError("a date bound is a year, an ISO string, a date or a PartialDate")
    if isinstance(value, int):
        return PartialDate(value)
    if isinstance(value, datetime.date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, str):
        return PartialDate.fromisoformat(value)
    raise TypeError("a date bound is a year, an ISO string, a date or a PartialDate")


def _last_day(date: PartialDate) -> datetime.date:
    if date.day is not None:
        return date.first_day()
    if date.month is None:
        return datetime.date(date.year, 12, 31)
    following = datetime.date(date.year + date.month // 12, date.month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


_lock = threading.Lock()
_loaded: Dataset | None = None


def load() -> Dataset:
    """Return the packaged dataset, read and structured once per process.

    Every call returns the same object, also when threads call at once.

    Raises:
        DatasetError: if the data file is missing or corrupt; the message names
            the file and the problem.
    """
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = _read()
    return _loaded


def _read() -> Dataset:
    resource = importlib_resources.files("sister_agreements") / "data" / DATA_FILE
    where = f"sister_agreements/data/{DATA_FILE}"
    try:
        raw = json.loads(resource.read_bytes())
    except FileNotFoundError:
        raise DatasetError(f"{where} is missing: reinstall sister-agreements") from None
    except (ValueError, OSError) as error:
        raise DatasetError(f"{where} is not valid JSON: {error}") from None
    if not isinstance(raw, dict):
        raise DatasetError(f"{where} does not hold a JSON object")
    try:
        document = _codec.structure_document(raw)
    except (cattrs.errors.ForbiddenExtraKeysError, KeyError, TypeError, ValueError) as error:
        detail = f"missing key {error}" if isinstance(error, KeyError) else str(error)
        raise DatasetError(f"{where} does not fit the model: {detail}") from None
    return Dataset(_Index(document))


def _close_matches(word: str, candidates: Iterable[str], n: int, cutoff: float) -> list[str]:
    """difflib's close matches; difflib is imported only when a lookup fails."""
    import difflib

    return difflib.get_close_matches(word, list(candidates), n=n, cutoff=cutoff)
