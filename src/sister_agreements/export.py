"""Handing the data on: records, CSV (Excel-friendly by default), JSON and pandas.

Three levels, one row each: ``agreement``, ``listing`` and ``party``. Column names
are stable and documented in docs/exports.md.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import os
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal

from sister_agreements import _codec
from sister_agreements.dataset import Dataset
from sister_agreements.model import Agreement, ForeignParty, JapaneseParty, Listing

if TYPE_CHECKING:
    import pandas

Level = Literal["agreement", "listing", "party"]
LEVELS: tuple[Level, ...] = ("agreement", "listing", "party")


def _join(values: Any) -> str:
    return "; ".join(str(value) for value in values if value)


def _agreement_row(a: Agreement) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "fields": _join(f.number for f in a.fields),
        "primary_field": a.primary_field.number,
        "signed": a.signed.isoformat() if a.signed else "",
        "dates": _join(
            f"{event.date}" + (f" ({event.label})" if event.label else "") for event in a.dates
        ),
        "date_text": a.date_text,
        "multilateral": a.is_multilateral,
        "japanese_parties": _join(p.name for p in a.japanese_parties),
        "japanese_parties_en": _join(p.name_en for p in a.japanese_parties),
        "lg_codes": _join(p.lg_code for p in a.japanese_parties),
        "prefectures": _join(dict.fromkeys(p.prefecture for p in a.japanese_parties)),
        "foreign_parties": _join(p.name for p in a.foreign_parties),
        "foreign_parties_en": _join(p.name_en for p in a.foreign_parties),
        "countries": _join(a.countries),
        "region_codes": _join(dict.fromkeys(p.region_code for p in a.foreign_parties)),
        "background": a.background,
        "activities": a.activities,
        "outcomes": a.outcomes,
        "urls": _join(link.url for link in a.urls),
        "contacts": _join(
            " / ".join(x for x in (c.department, c.phone, c.email) if x) for c in a.contacts
        ),
        "listings": _join(listing.key for listing in a.listings),
    }


def _listing_row(a: Agreement, li: Listing) -> dict[str, Any]:
    return {
        "key": li.key,
        "field": li.field.number,
        "field_ja": li.field.label_ja,
        "field_en": li.field.label_en,
        "number": li.number,
        "page": li.page,
        "relisted": li.relisted,
        "agreement_id": a.id,
        "index_parties": li.index_parties,
        "index_title": li.index_title,
        "sheet": li.sheet,
        "sheet_title": li.sheet_title,
        "signed": a.signed.isoformat() if a.signed else "",
        "multilateral": a.is_multilateral,
        "countries": _join(a.countries),
    }


_PARTY_COLUMNS = (
    "agreement_id", "side", "position", "name", "name_en", "kind", "country", "prefecture",
    "municipality", "lg_code", "became", "became_on", "region", "region_code", "region_en",
    "locality",
)  # fmt: skip


def _party_row(a: Agreement, position: int, p: JapaneseParty | ForeignParty) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(_PARTY_COLUMNS, "")
    row.update(agreement_id=a.id, position=position, name=p.name, name_en=p.name_en)
    row["kind"] = p.kind.value
    if isinstance(p, JapaneseParty):
        row.update(side="japanese", country="JP", prefecture=p.prefecture)
        row.update(municipality=p.municipality or "", lg_code=p.lg_code or "")
        row.update(became=p.became or "", became_on=p.became_on.isoformat() if p.became_on else "")
    else:
        row.update(side="foreign", country=p.country, region=p.region or "")
        row.update(region_code=p.region_code or "", region_en=p.region_en or "")
        row.update(locality=p.locality or "")
    return row


_ROWS: dict[Level, Callable[[Agreement], list[dict[str, Any]]]] = {
    "agreement": lambda a: [_agreement_row(a)],
    "listing": lambda a: [_listing_row(a, li) for li in a.listings],
    "party": lambda a: [_party_row(a, i, p) for i, p in enumerate(_parties(a), 1)],
}


def _parties(a: Agreement) -> list[JapaneseParty | ForeignParty]:
    return [*a.japanese_parties, *a.foreign_parties]


def _level(level: str) -> Level:
    for valid in LEVELS:
        if level == valid:
            return valid
    raise LookupError(f"unknown level {level!r}; valid levels: {', '.join(LEVELS)}")


def to_records(ds: Dataset, level: Level = "agreement") -> list[dict[str, Any]]:
    """One dict per agreement, listing (in report order) or party; lists are joined with "; ".

    Raises:
        LookupError: for an unknown level.
    """
    if _level(level) == "listing":
        return [_listing_row(ds[li.key], li) for li in ds.listings]
    rows = _ROWS[level]
    return [row for agreement in ds for row in rows(agreement)]


def csv_text(ds: Dataset, level: Level = "agreement") -> str:
    """The CSV ``to_csv`` writes, as text (header first, one row per record)."""
    records = to_records(ds, level)
    out = io.StringIO()
    writer = csv.DictWriter(
        out, list(records[0]) if records else _columns(level), lineterminator="\n"
    )
    writer.writeheader()
    writer.writerows(records)
    return out.getvalue()


def to_csv(
    ds: Dataset,
    path: str | os.PathLike[str],
    level: Level = "agreement",
    encoding: str = "utf-8-sig",
) -> None:
    """Write one row per agreement, listing or party.

    The default encoding, utf-8-sig, opens correctly in Excel; ``cp932`` is there
    for older Japanese software.

    Raises:
        LookupError: for an unknown level.
        UnicodeEncodeError: if a character cannot be written in ``encoding``; the
            message names the character and the record.
    """
    records = to_records(ds, level)
    columns = list(records[0]) if records else _columns(level)
    for record in records:
        for value in record.values():
            _check_encodable(str(value), encoding, record)
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, columns, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(records)


def _columns(level: Level) -> list[str]:
    return list(_ROWS[level](_example())[0])


def _example() -> Agreement:
    from sister_agreements.dataset import load

    return load()[0]


def _check_encodable(text: str, encoding: str, record: dict[str, Any]) -> None:
    try:
        text.encode(encoding)
    except UnicodeEncodeError as error:
        where = record.get("id") or record.get("key") or record.get("agreement_id")
        bad = text[error.start : error.end]
        raise UnicodeEncodeError(
            error.encoding,
            error.object,
            error.start,
            error.end,
            f"{bad!r} (U+{ord(bad[0]):04X}) in record {where} cannot be written in {encoding}; "
            "use utf-8-sig",
        ) from None


def json_text(ds: Dataset) -> str:
    """The dataset's agreements, with the errata, countries and provenance, as JSON in
    the package's own schema (``sister_agreements/data/agreements.json``)."""
    raw = _codec.unstructure_document(ds._document())
    return json.dumps(raw, ensure_ascii=False, indent=1) + "\n"


def to_json(ds: Dataset, path: str | os.PathLike[str]) -> None:
    """Write ``json_text(ds)`` to ``path``; ``read_json`` reads it back."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(json_text(ds))


def read_json(path: str | os.PathLike[str]) -> Dataset:
    """Read a data file into a Dataset: one ``to_json`` wrote, in this version or in 1.0.

    The file is read as strictly as the packaged one, by the same reader: UTF-8 (a BOM is
    accepted) and JSON; ``source.schema_version`` first; then every key present and no
    other, no key twice, no coercion (an integer is never ``7.9`` or ``"7"``, a boolean
    never ``"false"``, null only where the model allows it); unique ids and listing keys;
    every country, prefecture and erratum listing resolving within the file. The rules
    and the JSON Schema are in docs/data-dictionary.md.

    A file written by 1.0 (``schema_version`` 1) is converted: its countries take
    ``alpha_3`` and ``numeric``, its prefectures ``kana``, from the packaged registers;
    its errata of listings it does not hold are dropped; its ``data_version`` stays.

    The dataset resolves names (``filter``) through the file's own countries and
    prefectures.

    Args:
        path: the file, a str or an ``os.PathLike``.

    Returns:
        The file's agreements as a Dataset.

    Raises:
        DatasetError: for every failure of reading, the file unreadable included; the
            message names the file, the JSON path (``agreements[3].japanese_parties[0].kind``)
            and the record (``agreement 1-04``).
        TypeError: if ``path`` is not a str or an ``os.PathLike``.
    """
    from sister_agreements.dataset import read_file

    return read_file(path)


def _pandas() -> ModuleType:
    try:
        return importlib.import_module("pandas")
    except ImportError:
        raise ImportError(
            "pandas is not installed: pip install 'sister-agreements[pandas]'"
        ) from None


def to_pandas(ds: Dataset, level: Level = "agreement") -> pandas.DataFrame:
    """The records as a pandas DataFrame (needs the ``pandas`` extra).

    Raises:
        ImportError: if pandas is not installed; the message says how to install it.
        LookupError: for an unknown level.
    """
    return _pandas().DataFrame.from_records(to_records(ds, level))
