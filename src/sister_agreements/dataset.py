"""Loading the packaged data, and the Dataset that holds it and answers queries."""

from __future__ import annotations

import functools
import gc
import os
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence, Set
from typing import TYPE_CHECKING, Any, TypeVar, overload

from sister_agreements._decode import Parts, read_rows
from sister_agreements._fold import KE_SPELLINGS, closest_keys, fold, name_key, with_one_ke
from sister_agreements._tables import names_tables, package_data
from sister_agreements.dates import PartialDate
from sister_agreements.errors import (
    DatasetError,
    UnknownValueError,
    echo,
)
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
from sister_agreements.taxonomy import Field, ForeignKind, JapaneseKind, TieKind

if TYPE_CHECKING:
    import datetime

    from sister_agreements import names
    from sister_agreements._document import Document

    DateBound = int | str | datetime.date | PartialDate

#: The package resources: the dataset, the sha256 of it that the build recorded, and the
#: fast form of it that ``load()`` reads (``_decode``).
DATA_FILE = "agreements.json"
DIGEST_FILE = "agreements.sha256"
ROWS_FILE = "agreements.rows.jsonl"

T = TypeVar("T")
# Compiled on first use, not at import.
_compiled = functools.cache(re.compile)
_KEY = r"(\d)\s*[-_/.]\s*(\d{1,3})"
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−ー－", "-"))


class _Index:
    """Lookups over one loaded document, shared by every subset of it.

    The facet indexes and the search text are built on first use, so that
    ``load()`` stays cheap and repeated queries never scan.
    """

    def __init__(self, document: Parts) -> None:
        self.document = document
        self.position = {a.id: i for i, a in enumerate(document.agreements)}
        self.whole: Dataset | None = None  # the first Dataset of every agreement

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without what is made on first use: the indexes and lookups are made
        again where the dataset is unpickled (a lookup holds functions pickle cannot name)."""
        return {"document": self.document, "position": self.position, "whole": self.whole}

    @functools.cached_property
    def by_key(self) -> dict[str, Agreement]:
        """Every agreement by the key of each of its listings ("2-03")."""
        return {li.key: a for a in self.document.agreements for li in a.listings}

    @functools.cached_property
    def facets(self) -> _Facets:
        return _Facets(self.document)

    @functools.cached_property
    def countries(self) -> names.Lookup[Country]:
        """The document's countries (every ISO 3166-1 country) by any name or code."""
        from sister_agreements.names import country_lookup  # on first use, as every lookup

        return country_lookup(self.document.countries)

    @functools.cached_property
    def prefectures(self) -> names.Lookup[Prefecture]:
        """The document's 47 prefectures by any name or code."""
        from sister_agreements.names import prefecture_lookup

        return prefecture_lookup(self.document.prefectures)

    @functools.cached_property
    def municipalities(self) -> names.Lookup[names.Municipality]:
        """Every Japanese local government of the register, by code, name or reading."""
        from sister_agreements.names import municipality_lookup

        return municipality_lookup(names_tables()["municipalities"])

    @functools.cached_property
    def text_one_ke(self) -> dict[str, str]:
        """``text`` with ヶ and its spellings between kanji as one (六カ所村, 六ヶ所村)."""
        return {id_: with_one_ke(text) for id_, text in self.text.items()}

    @functools.cached_property
    def text(self) -> dict[str, str]:
        """Folded titles (Japanese and English), texts and names (Japanese and English) of
        each agreement."""
        names = {c.code: (c.name_ja, c.short_name_ja, c.name_en) for c in self.document.countries}
        text = {}
        for a in self.document.agreements:
            words = [a.title, a.title_en, a.background, a.activities, a.outcomes]
            words += [li.index_title for li in a.listings] + [li.sheet_title for li in a.listings]
            for party in _parties(a):
                words += [party.name, party.name_en]
            for fp in a.foreign_parties:
                words += [fp.region or "", fp.region_en or "", *names.get(fp.country, ())]
            text[a.id] = "\n".join(fold(word) for word in words)
        return text


class _Facets:
    """Agreement ids by field, country, prefecture, party name, kind, tie and shape."""

    def __init__(self, document: Parts) -> None:
        from sister_agreements.names import party_names

        self.field: dict[Field, set[str]] = {}
        self.tie: dict[TieKind, set[str]] = {}
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
            for tie in a.ties:
                self.tie.setdefault(tie.kind, set()).add(a.id)
            for party in _parties(a):
                self.kind.setdefault(party.kind.value, set()).add(a.id)
                label = f"{party.name} / {party.name_en}"
                for name in party_names(party):
                    self.party.setdefault(name_key(name), set()).add(a.id)
                    self.party_label.setdefault(name_key(name), label)
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
            if index.whole is None:
                index.whole = self
        else:
            self._ids = frozenset(ids)
            positions = sorted(map(index.position.__getitem__, self._ids))
            self._agreements = tuple(map(everything.__getitem__, positions))

    @property
    def whole(self) -> Dataset:
        """The dataset this one was filtered from, with every agreement of its document."""
        whole = self._index.whole
        return Dataset(self._index) if whole is None else whole

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
        """The errata of the dataset's listings; ``whole.errata`` is the whole register."""
        if self is self.whole:
            return self._index.document.errata
        keys = {listing.key for agreement in self._agreements for listing in agreement.listings}
        return tuple(e for e in self._index.document.errata if e.listing in keys)

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
        """The prefectures of the dataset's Japanese parties, in JIS X 0401 order.

        All 47 are in ``sister_agreements.prefectures``.
        """
        used = {p.prefecture for agreement in self._agreements for p in agreement.japanese_parties}
        return tuple(p for p in self._index.document.prefectures if p.name_ja in used)

    @property
    def listings(self) -> tuple[Listing, ...]:
        """Every listing of the dataset's agreements, in report order."""
        listings = (listing for agreement in self._agreements for listing in agreement.listings)
        return tuple(sorted(listings, key=lambda listing: (listing.field.number, listing.number)))

    def __len__(self) -> int:
        return len(self._agreements)

    def __iter__(self) -> Iterator[Agreement]:
        return iter(self._agreements)

    def __contains__(self, item: object) -> bool:
        """True for an agreement of the dataset, or the id or listing key of one."""
        if isinstance(item, str):
            return self.get(item) is not None
        if isinstance(item, Agreement):
            return item.id in self._ids and self._index.by_key.get(item.id) == item
        return False

    @overload
    def __getitem__(self, index: int) -> Agreement: ...
    @overload
    def __getitem__(self, index: slice) -> Dataset: ...
    @overload
    def __getitem__(self, index: str) -> Agreement: ...

    def __getitem__(self, index: int | slice | str) -> Agreement | Dataset:
        """An agreement by position or by id or listing key ("1-01"); a slice is a Dataset.

        Raises:
            UnknownValueError: (a ``KeyError``) for a key not in this dataset, naming the
                closest keys.
            IndexError: for a position out of range.
            ValueError: for a slice with a negative step (a Dataset keeps report order).
            TypeError: for anything but an int, a slice or a str (``bool`` included).
        """
        if isinstance(index, str):
            found = self.get(index)
            if found is None:
                raise UnknownValueError("agreement or listing", index, self._closest_keys(index))
            return found
        if isinstance(index, slice):
            if index.step is not None and index.step < 0:
                raise ValueError("a Dataset keeps report order: reverse list(ds) instead")
            return Dataset(self._index, (a.id for a in self._agreements[index]))
        if isinstance(index, bool) or not isinstance(index, int):
            raise TypeError(f"a dataset is indexed by an int, a slice or a str, not {index!r}")
        return self._agreements[index]

    def get(self, key: str) -> Agreement | None:
        """The agreement with this id or listing key ("1-01", also full-width or with
        spaces around it: "１－０１"), or None.

        Raises:
            TypeError: if ``key`` is not a str.
        """
        if not isinstance(key, str):
            raise TypeError(f"an id or listing key is a str, not {type(key).__name__}")
        found = self._index.by_key.get(_listing_key(key))
        return found if found is not None and found.id in self._ids else None

    def _closest_keys(self, key: str) -> list[str]:
        """Listing keys nearest to ``key``: its "F-NN" form first (1-1 is 1-01)."""
        keys = [li.key for a in self._agreements for li in a.listings]
        match = _compiled(_KEY).fullmatch(_listing_key(key[:100]))
        canonical = f"{match[1]}-{int(match[2]):02d}" if match else None
        close = closest_keys(key, keys)
        return [canonical, *(k for k in close if k != canonical)] if canonical in keys else close

    def __repr__(self) -> str:
        return f"<Dataset: {len(self)} agreements, {len(self.listings)} listings>"

    def _document(self) -> Document:
        """The document of this dataset: its agreements and errata, the whole registers."""
        from sister_agreements._document import Document  # as the writers need it, not load()

        whole = self._index.document
        return Document(
            whole.source, whole.countries, whole.prefectures, self._agreements, self.errata
        )

    def filter(
        self,
        *,
        field: Field | int | str | Iterable[Field | int | str] | None = None,
        country: str | int | Iterable[str | int] | None = None,
        prefecture: str | int | Iterable[str | int] | None = None,
        party: str | int | Iterable[str | int] | None = None,
        kind: JapaneseKind
        | ForeignKind
        | str
        | Iterable[JapaneseKind | ForeignKind | str]
        | None = None,
        signed_from: DateBound | None = None,
        signed_to: DateBound | None = None,
        multilateral: bool | None = None,
        tie: TieKind | str | Iterable[TieKind | str] | None = None,
    ) -> Dataset:
        """The agreements that match every given argument (AND); several values of one
        argument match any of them (OR).

        Args:
            field: listed under this field (``Field``, 1–9, ①, 教育, "education").
            country: a foreign party in this country (CN, 中国, China).
            prefecture: a Japanese party in this prefecture (静岡, 22, 220001, Shizuoka).
            party: a party of this name (as printed, place name, English name in any
                romanisation, with or without its suffix) or 全国地方公共団体コード; a
                Japanese local government with no agreement matches nothing.
            kind: a party of this kind ("town", "designated_city", "region", "organisation").
            signed_from: first date on or after this (a year, "2004-12", a date).
            signed_to: first date on or before the end of this (a year, "2004-12", a date).
            multilateral: more than one party on either side (True) or one-to-one (False).
            tie: a tie of this kind between parties, as the sheet states it (``TieKind``,
                its value or any form ``TieKind.parse`` takes: "sister", "friendship",
                "not_stated", 姉妹都市); an agreement matches if any of its ties has it.

        Partial dates compare by their first possible day; agreements without a
        date never match a date bound.

        Raises:
            LookupError: an unknown field, country, prefecture, party, kind or kind of
                tie; the message names the nearest valid values.
            TypeError: a value of the wrong type.
        """
        given = (field, country, prefecture, party, kind, signed_from, signed_to, multilateral, tie)
        if given.count(None) == len(given):
            return self  # without building the indexes
        facets = self._index.facets
        matches: list[Set[str]] = []  # one set per given argument, intersected below
        if field is not None:
            matches.append(_union(facets.field, _values(field, Field.parse)))
        if country is not None:
            codes = [c.code for c in _values(country, self._index.countries.lookup)]
            matches.append(_union(facets.country, codes))
        if prefecture is not None:
            chosen = _values(prefecture, self._index.prefectures.lookup)
            matches.append(_union(facets.prefecture, [p.name_ja for p in chosen]))
        if party is not None:
            matches.append(set().union(*_values(party, self._party_ids)))
        if kind is not None:
            matches.append(_union(facets.kind, _values(kind, _kind_value)))
        if signed_from is not None or signed_to is not None:
            from bisect import bisect_left, bisect_right  # only date bounds need it

            days = facets.signed_days
            low = 0 if signed_from is None else bisect_left(days, _bound(signed_from).first_day())
            high = (
                len(days) if signed_to is None else bisect_right(days, _bound(signed_to).last_day())
            )
            matches.append(set(facets.signed_ids[low:high]))
        if multilateral is not None:
            if not isinstance(multilateral, bool):
                raise TypeError(f"multilateral is True or False, not {multilateral!r}")
            matches.append(facets.multilateral[multilateral])
        if tie is not None:
            matches.append(_union(facets.tie, _values(tie, TieKind.parse)))
        smallest, *others = sorted(matches, key=len)
        ids = frozenset(smallest).intersection(*others)
        if len(self._ids) < len(self._index.position):
            ids &= self._ids
        return Dataset(self._index, ids)

    def search(self, text: str) -> Dataset:
        """The agreements whose titles (the printed one, the index's, the sheet's and the
        English one), texts or party names (Japanese or English) contain every word of
        ``text``; NFKC, case-, kana- and variant-insensitive.

        Raises:
            TypeError: if ``text`` is not a str.
            ValueError: if ``text`` has no word to search for (empty, or only
                punctuation such as ``-``, ``・`` or ``、``). A word matches as written
                (folded), or with ヶ and its spellings between kanji as one (六カ所村).
        """
        if not isinstance(text, str):
            raise TypeError(f"search text is a str, not {type(text).__name__}")
        words = [fold(word) for word in text.split()]
        if not words or not all(any(char.isalnum() for char in word) for word in words):
            raise ValueError(f"nothing to search for in {echo(text)}: give a word")
        texts = self._index.text
        found: Iterable[str] = self._ids
        for word in words:
            if KE_SPELLINGS.isdisjoint(word):
                found = [x for x in found if word in texts[x]]
            else:  # as written, or with ヶ and its spellings as one
                texts_one_ke, one_ke = self._index.text_one_ke, with_one_ke(word)
                found = [x for x in found if word in texts[x] or one_ke in texts_one_ke[x]]
        return Dataset(self._index, found)

    def _party_ids(self, value: object) -> Set[str]:
        """The ids of the agreements of the party or parties ``value`` names: a name as
        printed or in English (any romanisation, with or without its suffix), a
        prefecture in any form ``filter(prefecture=)`` takes, or a Japanese local
        government of the register by code, name or reading (several where they share
        it); one with no agreement names none."""
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise TypeError(f"a party is named by a str or an int, not {type(value).__name__}")
        facets, index = self._index.facets, self._index
        key = name_key(value) if isinstance(value, str) else ""
        if key in facets.party and not key.isdigit():
            return facets.party[key]
        places = [p.lg_code for p in index.municipalities.get_all(value)]
        if not places:
            places = [p.lg_code for p in index.prefectures.get_all(value)]
        if places:
            return _union(facets.party, places)
        close = closest_keys(str(value)[:100], facets.party_label, n=16)
        labels = list(dict.fromkeys(facets.party_label[k] for k in close))[:4]
        raise UnknownValueError("party", value, labels)


def _listing_key(text: str) -> str:
    """A key as typed, in the form of listing keys: NFKC, dashes as "-", no spaces."""
    return "".join(unicodedata.normalize("NFKC", text).translate(_DASHES).split())


def _values(value: object, parse: Callable[[Any], T]) -> list[T]:
    """One value or an iterable of values (a str is one value), each parsed."""
    if isinstance(value, _ONE_VALUE):
        return [parse(value)]
    if isinstance(value, bytes | bytearray | memoryview):
        raise TypeError(f"a name is a str, not {type(value).__name__}")
    if isinstance(value, Iterable):
        return [parse(item) for item in value]
    return [parse(value)]


_ONE_VALUE = (str, int)  # a tuple: ``str | int`` would make a new union on every call


def _union(index: dict[T, set[str]], keys: list[T]) -> Set[str]:
    """The ids under any of ``keys``: the index's own set for one key (never changed)."""
    if len(keys) == 1:
        return index.get(keys[0], _NONE)
    return set().union(*[index.get(key, ()) for key in keys])


_NONE: frozenset[str] = frozenset()


@functools.cache
def _kinds() -> names.Lookup[str]:
    """The values of the party kinds, by value, with spaces, or spelt -ization."""
    from sister_agreements.names import Lookup

    return Lookup(
        "kind",
        list(dict.fromkeys(str(kind.value) for kind in (*JapaneseKind, *ForeignKind))),
        lambda value: (value, value.replace("_", " "), value.replace("isation", "ization")),
        str,
    )


def _kind_value(value: object) -> str:
    """The value of a party kind given as an enum member or its name in any case."""
    if isinstance(value, JapaneseKind | ForeignKind):
        return str(value.value)
    if not isinstance(value, str):
        raise TypeError(f"a kind is a str or a kind enum, not {type(value).__name__}")
    return _kinds().lookup(value)


def _bound(value: DateBound) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, bool):
        raise TypeError("a date bound is a year, an ISO string, a date or a PartialDate")
    if isinstance(value, int):
        return PartialDate(value)
    if isinstance(value, str):
        return PartialDate.fromisoformat(value)
    import datetime  # imported already by whoever made the date, if it is one

    if isinstance(value, datetime.date):
        return PartialDate(value.year, value.month, value.day)
    raise TypeError("a date bound is a year, an ISO string, a date or a PartialDate")


_lock = threading.Lock()
_loaded: Dataset | None = None


def load() -> Dataset:
    """Return the packaged dataset, read and structured once per process.

    Every call returns the same object, also when threads call at once. The data is
    read from ``data/agreements.rows.jsonl``, the fast form the build writes beside
    ``data/agreements.json`` (the same document, object for object), and only if its
    header names the sha256 recorded in ``data/agreements.sha256`` and the CRC-32 of its
    rows is the one the build wrote: any change is an error, never silently read.

    Raises:
        DatasetError: if a data file is missing, or is not exactly what the build wrote;
            the message names the file.
    """
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = _read()
    return _loaded


def _read() -> Dataset:
    """The packaged dataset: its fast form, if written from the recorded agreements.json.

    The garbage collector is paused meanwhile: the 1,504 objects made here hold no
    cycles, and collecting while they are made takes a quarter of the time. The
    countries and errata (330 objects, a fifth of the rows) are made on first use.
    """
    digest = _resource(DIGEST_FILE).decode("ascii", "replace").split()
    rows = _resource(ROWS_FILE)
    collecting = gc.isenabled()
    gc.disable()
    try:
        document = read_rows(
            rows, f"sister_agreements/data/{ROWS_FILE}", digest[0] if digest else ""
        )
    finally:
        if collecting:
            gc.enable()
    return Dataset(_Index(document))


def _resource(name: str) -> bytes:
    try:
        return package_data(name)
    except OSError as error:
        problem = "missing" if isinstance(error, FileNotFoundError) else "cannot be read"
        raise DatasetError(
            f"sister_agreements/data/{name}", f"{problem}: reinstall sister-agreements"
        ) from error


def read_file(path: str | os.PathLike[str]) -> Dataset:
    """The dataset of a data file at ``path``, read as ``export.read_json`` says.

    Raises:
        DatasetError: if the file cannot be read or is not a data file of this version
            or an older one (1.0's, or 2.0.dev's before data 2012.4); the message names
            the file, the JSON path and the record.
        TypeError: if ``path`` is not a str or an ``os.PathLike``.
    """
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"a path is a str or an os.PathLike, not {type(path).__name__}")
    file = os.fsdecode(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise DatasetError(file, f"cannot be read: {error.strerror or error}") from error
    from sister_agreements import _document

    document = _document.read_document(data, file, registers=lambda: load()._document())
    return Dataset(_Index(document))
