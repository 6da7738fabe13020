"""Loading the packaged data, and the Dataset that holds it."""

from __future__ import annotations

import difflib
import json
import threading
from collections.abc import Iterator, Sequence
from typing import overload

import cattrs
import importlib_resources

from sister_agreements import _codec
from sister_agreements.model import Agreement, Country, Erratum, Listing, Prefecture, Source

#: The package resource that holds the dataset.
DATA_FILE = "agreements.json"


class DatasetError(Exception):
    """The packaged data file is missing or does not fit the model."""


class Dataset(Sequence[Agreement]):
    """An immutable sequence of agreements, indexed by id and by listing key.

    ``ds[0]`` is the first agreement; ``ds["2-03"]`` is the agreement that
    listing 2-03 belongs to (an agreement's id is the key of its first listing).
    """

    __slots__ = ("_agreements", "_by_key", "countries", "errata", "prefectures", "source")

    def __init__(self, document: _codec.Document) -> None:
        self._agreements = document.agreements
        self.errata: tuple[Erratum, ...] = document.errata
        self.source: Source = document.source
        self.countries: tuple[Country, ...] = document.countries
        self.prefectures: tuple[Prefecture, ...] = document.prefectures
        self._by_key = {
            listing.key: agreement
            for agreement in self._agreements
            for listing in agreement.listings
        }

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
            KeyError: for an unknown key; the message names the closest keys.
        """
        if not isinstance(index, str):
            return self._agreements[index]
        try:
            return self._by_key[index]
        except KeyError:
            close = difflib.get_close_matches(index, self._by_key, n=5, cutoff=0.5)
            hint = f"; closest: {', '.join(close)}" if close else ""
            raise KeyError(f"no agreement or listing {index!r}{hint}") from None

    def get(self, key: str) -> Agreement | None:
        """Return the agreement with this id or listing key, or None."""
        return self._by_key.get(key)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_key
        return item in self._agreements

    def __repr__(self) -> str:
        return f"<Dataset: {len(self)} agreements, {len(self.listings)} listings>"


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
        document = json.loads(resource.read_bytes())
    except FileNotFoundError:
        raise DatasetError(f"{where} is missing: reinstall sister-agreements") from None
    except (ValueError, OSError) as error:
        raise DatasetError(f"{where} is not valid JSON: {error}") from None
    if not isinstance(document, dict):
        raise DatasetError(f"{where} does not hold a JSON object")
    try:
        return Dataset(_codec.structure_document(document))
    except cattrs.BaseValidationError as error:
        detail = "; ".join(cattrs.transform_error(error))
        raise DatasetError(f"{where} does not fit the model: {detail}") from None
