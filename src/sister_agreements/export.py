"""Handing the data on: records, CSV (Excel-friendly by default), JSON, GeoJSON and pandas;
the relational tables as SQLite, Parquet, a spreadsheet and a Data Package; graphs.

Four levels, one row each: ``agreement``, ``listing``, ``party`` and ``erratum``.
``COLUMNS`` names their columns, which are stable and documented in docs/exports.md. A
file written to a path is replaced whole or not at all (see ``to_csv``).
"""

from __future__ import annotations

import codecs
import importlib
import io
import json
import os
from collections.abc import Callable, Mapping
from types import MappingProxyType, ModuleType
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from sister_agreements import _stand_ins
from sister_agreements._stand_ins import GETA as GETA
from sister_agreements._stand_ins import STAND_INS as STAND_INS
from sister_agreements.dataset import Dataset
from sister_agreements.errors import UnknownValueError
from sister_agreements.model import Agreement, Erratum, ForeignParty, JapaneseParty, Listing, Tie

if TYPE_CHECKING:
    import pandas

    from sister_agreements._atomic import Target
    from sister_agreements._datapackage import to_datapackage as to_datapackage
    from sister_agreements._geojson import geojson_text as geojson_text
    from sister_agreements._geojson import to_geojson as to_geojson
    from sister_agreements._graph import to_networkx as to_networkx
    from sister_agreements._graph import write_gexf as write_gexf
    from sister_agreements._graph import write_graphml as write_graphml
    from sister_agreements._parquet import to_parquet as to_parquet
    from sister_agreements._sqlite import to_sqlite as to_sqlite
    from sister_agreements._xlsx import to_xlsx as to_xlsx

#: The writers of the other formats, each in the module named here, imported on first use:
#: reading the data and writing CSV or JSON need none of them (nor sqlite3, nor the
#: tables they share), which keeps the command line's start short.
_WRITERS = MappingProxyType(
    {
        "to_datapackage": "_datapackage",
        "geojson_text": "_geojson",
        "to_geojson": "_geojson",
        "to_networkx": "_graph",
        "write_gexf": "_graph",
        "write_graphml": "_graph",
        "to_parquet": "_parquet",
        "to_sqlite": "_sqlite",
        "to_xlsx": "_xlsx",
    }
)


def __getattr__(name: str) -> Any:
    """The writers of ``_WRITERS``, from their modules (PEP 562)."""
    module = _WRITERS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"sister_agreements.{module}"), name)


Level = Literal["agreement", "listing", "party", "erratum"]
LEVELS: tuple[Level, ...] = ("agreement", "listing", "party", "erratum")
Errors = Literal["strict", "replace"]
ERRORS: tuple[Errors, ...] = ("strict", "replace")
Formulas = Literal["neutralise", "keep"]
FORMULAS: tuple[Formulas, ...] = ("neutralise", "keep")

#: The columns of each level, in order.
COLUMNS: Mapping[Level, tuple[str, ...]] = MappingProxyType(
    {
        "agreement": (
            "id", "title", "title_en", "fields", "primary_field", "signed", "dates", "date_text",
            "multilateral", "japanese_parties", "japanese_parties_en", "japanese_party_ids",
            "lg_codes", "prefectures", "foreign_parties", "foreign_parties_en",
            "foreign_party_ids", "countries", "region_codes", "tie_kind",
            "tie_year", "tie_pair", "tie_evidence", "background", "activities", "outcomes",
            "urls", "contacts", "listings",
        ),
        "listing": (
            "key", "field", "field_ja", "field_en", "number", "page", "relisted", "agreement_id",
            "index_parties", "index_title", "sheet", "sheet_title", "title_en", "signed",
            "multilateral", "countries", "tie_kind",
        ),
        "party": (
            "agreement_id", "side", "position", "party_id", "name", "name_en", "kind",
            "country", "prefecture", "municipality", "lg_code", "became", "became_on", "region",
            "region_code", "region_en", "locality", "latitude", "longitude",
        ),
        "erratum": (
            "id", "listing", "agreement_id", "kind", "item", "printed", "dataset", "evidence",
            "evidence_ja",
        ),
    }
)  # fmt: skip
#: How the tie columns join the values of an agreement's several ties.
TIE_SEPARATOR = " | "

_NOT_TEXT: Mapping[Level, Mapping[str, str]] = {
    "agreement": {"primary_field": "int64", "multilateral": "bool"},
    "listing": {"field": "int64", "number": "int64", "page": "int64", "relisted": "bool",
                "multilateral": "bool"},
    "party": {"position": "int64", "latitude": "Float64", "longitude": "Float64"},
    "erratum": {},
}  # fmt: skip

#: The pandas dtype of each column: "str" but for the numbers ("int64"; "Float64", with
#: <NA> for a party without a point, for ``latitude`` and ``longitude``) and the yes/no
#: columns ("bool"). ``pandas.read_csv(path, dtype=DTYPES[level], keep_default_na=False)``
#: reads a CSV of ``to_csv`` back with its codes as text ("022012", "NA" for Namibia).
DTYPES: Mapping[Level, Mapping[str, str]] = MappingProxyType(
    {
        level: MappingProxyType({c: _NOT_TEXT[level].get(c, "str") for c in COLUMNS[level]})
        for level in LEVELS
    }
)

#: The ISO date columns, which ``to_pandas`` follows with a year and a datetime column.
DATE_COLUMNS: Mapping[Level, tuple[str, ...]] = MappingProxyType(
    {"agreement": ("signed",), "listing": ("signed",), "party": ("became_on",), "erratum": ()}
)

#: A text cell starting with one of these is a formula to a spreadsheet (OWASP, "CSV
#: Injection"); CSV output puts a ``'`` before it unless asked to keep formulas.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

T = TypeVar("T", bound=str)


def _join(values: Any) -> str:
    return "; ".join(str(value) for value in values if value)


def _ties(a: Agreement, value: Callable[[Tie], str]) -> str:
    return TIE_SEPARATOR.join(value(tie) for tie in a.ties)


def _pair(a: Agreement, tie: Tie) -> str:
    """The pair a tie joins, "JAPANESE - FOREIGN" (an ASCII hyphen, which every encoding
    writes); a side the tie leaves open (None) names every party on it, joined with "; "."""
    japanese = tie.japanese_party or _join(p.name for p in a.japanese_parties)
    foreign = tie.foreign_party or _join(p.name for p in a.foreign_parties)
    return f"{japanese} - {foreign}"


def _agreement_row(a: Agreement) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "title_en": a.title_en,
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
        "japanese_party_ids": _join(p.id for p in a.japanese_parties),
        "lg_codes": _join(p.lg_code for p in a.japanese_parties),
        "prefectures": _join(dict.fromkeys(p.prefecture for p in a.japanese_parties)),
        "foreign_parties": _join(p.name for p in a.foreign_parties),
        "foreign_parties_en": _join(p.name_en for p in a.foreign_parties),
        "foreign_party_ids": _join(p.id for p in a.foreign_parties),
        "countries": _join(a.countries),
        "region_codes": _join(dict.fromkeys(p.region_code for p in a.foreign_parties)),
        "tie_kind": _ties(a, lambda tie: tie.kind.value),
        "tie_year": _ties(a, lambda tie: "" if tie.year is None else str(tie.year)),
        "tie_pair": _ties(a, lambda tie: _pair(a, tie)),
        "tie_evidence": _ties(a, lambda tie: tie.evidence),
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
        "title_en": a.title_en,
        "signed": a.signed.isoformat() if a.signed else "",
        "multilateral": a.is_multilateral,
        "countries": _join(a.countries),
        "tie_kind": _ties(a, lambda tie: tie.kind.value),
    }


def _erratum_row(a: Agreement, e: Erratum) -> dict[str, Any]:
    return {
        "id": e.id,
        "listing": e.listing,
        "agreement_id": a.id,
        "kind": e.kind,
        "item": e.item,
        "printed": e.printed,
        "dataset": e.dataset,
        "evidence": e.evidence,
        "evidence_ja": e.evidence_ja,
    }


def _party_row(a: Agreement, position: int, p: JapaneseParty | ForeignParty) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(COLUMNS["party"], "")
    row.update(agreement_id=a.id, position=position, party_id=p.id)
    row.update(name=p.name, name_en=p.name_en, kind=p.kind.value)
    row["latitude"] = p.point.latitude if p.point else None
    row["longitude"] = p.point.longitude if p.point else None
    if isinstance(p, JapaneseParty):
        row.update(side="japanese", country="JP", prefecture=p.prefecture)
        row.update(municipality=p.municipality or "", lg_code=p.lg_code or "")
        row.update(became=p.became or "", became_on=p.became_on.isoformat() if p.became_on else "")
    else:
        row.update(side="foreign", country=p.country, region=p.region or "")
        row.update(region_code=p.region_code or "", region_en=p.region_en or "")
        row.update(locality=p.locality or "")
    return row


def _parties(a: Agreement) -> list[JapaneseParty | ForeignParty]:
    return [*a.japanese_parties, *a.foreign_parties]


def _choice(kind: str, value: str, valid: tuple[T, ...]) -> T:
    for option in valid:
        if value == option:
            return option
    raise UnknownValueError(kind, value, valid)


def to_records(ds: Dataset, level: Level = "agreement") -> list[dict[str, Any]]:
    """One dict per agreement, listing (in report order), party or erratum (the errata of
    the dataset's listings, ``ds.errata``), with the keys of ``COLUMNS[level]`` in order;
    lists are joined with "; ", the values of an agreement's several ties with " | "
    (``TIE_SEPARATOR``). A party's ``latitude`` and ``longitude`` are floats (WGS84
    degrees), None where it has no point (an empty CSV cell).

    Raises:
        UnknownValueError: for an unknown level (a ``LookupError``).
    """
    level = _choice("level", level, LEVELS)
    if level == "listing":
        return [_listing_row(ds[li.key], li) for li in ds.listings]
    if level == "party":
        return [_party_row(a, i, p) for a in ds for i, p in enumerate(_parties(a), 1)]
    if level == "erratum":
        return [_erratum_row(ds[e.listing], e) for e in ds.errata]
    return [_agreement_row(a) for a in ds]


def _csv(
    ds: Dataset,
    level: Level,
    formulas: Formulas,
    encoding: str | None = None,
    errors: Errors = "strict",
) -> tuple[str, int]:
    """The CSV text (header first) and how many characters were replaced for ``encoding``
    (None: no encoding in view)."""
    import csv  # only here: the command line's other commands need not load it

    records = to_records(ds, level)
    neutralise = _choice("formulas", formulas, FORMULAS) == "neutralise"
    replace = _choice("errors", errors, ERRORS) == "replace"
    replaced = 0
    out = io.StringIO()
    # "\r\n" (RFC 4180) also makes csv quote a cell holding a "\r", which "\n" would not
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS[level])
    for record in records:
        row = [record[column] for column in COLUMNS[level]]
        for i, value in enumerate(row):
            if not isinstance(value, str):
                continue
            if encoding is not None and replace:
                value, count = _stand_ins.replace(value, encoding)
                replaced += count
            elif encoding is not None:
                _check_encodable(value, encoding, record)
            row[i] = "'" + value if neutralise and value.startswith(FORMULA_STARTS) else value
        writer.writerow(row)
    return out.getvalue(), replaced


def csv_text(ds: Dataset, level: Level = "agreement", *, formulas: Formulas = "neutralise") -> str:
    """The text of the CSV ``to_csv`` writes: the header, then one row per record, each
    line ended with "\\r\\n" (RFC 4180).

    Raises:
        UnknownValueError: for an unknown level or ``formulas`` value (a ``LookupError``).
    """
    return _csv(ds, level, formulas)[0]


def to_csv(
    ds: Dataset,
    path: Target,
    level: Level = "agreement",
    encoding: str = "utf-8-sig",
    *,
    errors: Errors = "strict",
    formulas: Formulas = "neutralise",
) -> int:
    """Write one row per agreement, listing, party or erratum (``COLUMNS[level]``), the text of
    ``csv_text``, and return how many characters were replaced (0 unless
    ``errors="replace"``).

    A file at ``path`` is replaced whole or not at all: the CSV goes to a temporary file
    beside it, which is renamed over it, keeping its permission bits; on any failure (an
    unwritable character, a full disk, Ctrl-C) the old file stays as it was.

    Args:
        ds: the agreements to write.
        path: a path (``str`` or ``os.PathLike[str]``), or an open text file object,
            which is written in its own encoding and left open (open it with
            ``newline=""``); ``encoding`` and ``errors`` then only decide which characters
            are checked or replaced.
        level: ``"agreement"``, ``"listing"``, ``"party"`` or ``"erratum"``.
        encoding: ``utf-8-sig`` (the default) opens correctly in Excel; ``cp932`` is for
            older Japanese software; any Python text encoding works.
        errors: ``"strict"`` raises for a character ``encoding`` cannot write;
            ``"replace"`` writes its stand-in instead (docs/exports.md lists them:
            ``STAND_INS``, then the letter without its accents, é → e, then the geta
            mark 〓, ``GETA``) and counts it.
        formulas: ``"neutralise"`` (the default) puts a ``'`` before a text cell that a
            spreadsheet would run as a formula (one starting with a character of
            ``FORMULA_STARTS``: = + - @, tab or carriage return); ``"keep"`` writes it
            as it is. Numbers are never changed.

    Returns:
        The number of characters replaced by stand-ins.

    Raises:
        UnknownValueError: for an unknown level, ``errors`` or ``formulas`` value (a
            ``LookupError``).
        LookupError: for an unknown encoding.
        UnicodeEncodeError: with ``errors="strict"``, for a character ``encoding`` cannot
            write; the message names the character, its code point and the record.
        TypeError: if ``path`` is neither a path nor a text file object (an ``int``,
            ``bytes``, a binary file).
        OSError: if the file cannot be written; ``filename`` is ``path``.
    """
    from sister_agreements import _atomic  # only when writing (it imports secrets)

    codecs.lookup(encoding)
    text, replaced = _csv(ds, level, formulas, encoding, errors)
    _atomic.write_text(path, text, encoding)
    return replaced


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
            "use utf-8-sig, or replace it with a stand-in (errors='replace', --errors replace)",
        ) from None


def json_text(ds: Dataset) -> str:
    """The dataset's agreements, with the errata, countries and provenance, as JSON in
    the package's own schema (``sister_agreements/data/agreements.json``)."""
    from sister_agreements import _codec  # only when writing JSON (it imports cattrs)

    raw = _codec.unstructure_document(ds._document())
    return json.dumps(raw, ensure_ascii=False, indent=1) + "\n"


def to_json(ds: Dataset, path: Target) -> None:
    """Write ``json_text(ds)`` in UTF-8; ``read_json`` reads it back.

    ``path`` is a path or a text file object, written as ``to_csv`` writes it: a file is
    replaced whole or not at all.

    Raises:
        TypeError: if ``path`` is neither a path nor a text file object.
        OSError: if the file cannot be written; ``filename`` is ``path``.
    """
    from sister_agreements import _atomic

    _atomic.write_text(path, json_text(ds), "utf-8")


def read_json(path: str | os.PathLike[str]) -> Dataset:
    """Read a data file into a Dataset: one ``to_json`` wrote, in this version or an older.

    The file is read as strictly as the packaged one, by the same reader: UTF-8 (a BOM is
    accepted) and JSON; ``source.schema_version`` first; then every key present and no
    other, no key twice, no coercion (an integer is never ``7.9`` or ``"7"``, a boolean
    never ``"false"``, null only where the model allows it); unique ids and listing keys;
    every country, prefecture and erratum listing resolving within the file. The rules
    and the JSON Schema are in docs/data-dictionary.md.

    A file of an older layout is converted from the packaged data; its ``data_version``
    stays. One written by 1.0 (``schema_version`` 1): its countries take ``alpha_3`` and
    ``numeric``, its prefectures ``kana``, from the packaged registers, and its errata of
    listings it does not hold are dropped. One written before data 2012.4 (1 or 2): its
    agreements take ``title_en`` and ``ties``, its errata ``evidence_ja``, from the
    packaged agreement and erratum of the same id; an id the package lacks is refused.

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

    The columns are ``COLUMNS[level]`` with the dtypes of ``DTYPES[level]``, also for an
    empty dataset, so codes stay text (``lg_code`` "022012"). Each ISO date column of
    ``DATE_COLUMNS`` (``signed``, ``became_on``) is followed by ``<column>_year``, the year
    ("Int64", missing where there is no date), and ``<column>_date``, a ``datetime64[s]``
    where the day is known, NaT otherwise (second resolution, so that any year 1-9999 fits).

    Raises:
        ImportError: if pandas is not installed; the message says how to install it.
        UnknownValueError: for an unknown level (a ``LookupError``).
    """
    pandas = _pandas()
    level = _choice("level", level, LEVELS)
    records = to_records(ds, level)
    frame = pandas.DataFrame(records, columns=list(COLUMNS[level])).astype(DTYPES[level])
    for column in DATE_COLUMNS[level]:
        text = frame[column]
        at = frame.columns.get_loc(column) + 1
        year = pandas.to_numeric(text.str[:4].where(text != "")).astype("Int64")
        frame.insert(at, f"{column}_year", year)
        frame.insert(
            at + 1, f"{column}_date", text.where(text.str.len() == 10).astype("datetime64[s]")
        )
    return frame
