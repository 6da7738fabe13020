"""The relational tables every open-data and analyst format writes, built in one place.

Six tables, the same in SQLite, Parquet, the spreadsheet and the Data Package:
``agreements``, ``listings``, ``parties`` (one row per distinct party, keyed by its id),
``agreement_parties`` (which party stands, in which position, on which side of which
agreement), ``errata`` and ``countries``. ``TABLES`` defines them: each column's name,
type and description (the data dictionary of these formats; docs/exports.md prints it and
a test keeps the two equal), each table's primary key and foreign keys. ``tables(ds)``
fills them from the records of ``export.to_records``, so that the CSV and these formats
say the same. Rows come in report order (agreements and listings), in order of first
appearance (parties, countries by the document's order), or by id (errata); a missing
value is None; nothing depends on the clock, so every writer can write the same bytes on
every run.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping
from types import MappingProxyType, ModuleType
from typing import Any, Literal

import attrs

from sister_agreements.dataset import Dataset

#: The column types: Table Schema's names; ``partial_date`` is ISO 8601 text of a year,
#: a month or a day ("1995", "1999-08", "2004-12-24"), a string to every format but the
#: spreadsheet, which writes a full date as a date.
ColumnType = Literal["string", "integer", "boolean", "number", "partial_date"]


@attrs.frozen
class Column:
    """A column: its name, its type, whether it may be missing (None), what it holds."""

    name: str
    type: ColumnType
    description: str
    required: bool = True


@attrs.frozen
class ForeignKey:
    """``columns`` of a table refer to ``reference_columns`` of ``reference_table``."""

    columns: tuple[str, ...]
    reference_table: str
    reference_columns: tuple[str, ...]


@attrs.frozen
class Table:
    """A table's name, what a row is, its columns, primary key and foreign keys."""

    name: str
    row: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The columns' names, in order."""
        return tuple(column.name for column in self.columns)


def _c(name: str, type: ColumnType, description: str, *, required: bool = True) -> Column:
    return Column(name, type, description, required)


_SIGNED = "ISO 8601 text of a year, a month or a day (1995, 1999-08, 2004-12-24)"
_JOINED = 'joined with "; "'
_TIES = 'several ties joined with " | "'

#: The tables, in the order every format writes them.
TABLES: tuple[Table, ...] = (
    Table(
        "agreements",
        "one real agreement (re-listings merged)",
        (
            _c("id", "string", "the key of the agreement's first listing, F-NN (1-01)"),
            _c("title", "string", "the title as printed (Japanese)"),
            _c("title_en", "string", "the project's English rendering of the title"),
            _c(
                "fields", "string", f"the numbers (1-9) of the fields it is listed under, {_JOINED}"
            ),
            _c("primary_field", "integer", "the field number (1-9) of its first listing"),
            _c("signed", "partial_date", f"the first date printed, {_SIGNED}", required=False),
            _c("signed_year", "integer", "the year of signed", required=False),
            _c("dates", "string", f"every date printed, ISO, with its label, {_JOINED}"),
            _c("date_text", "string", "the dates as printed"),
            _c("multilateral", "boolean", "more than one party on either side"),
            _c(
                "countries", "string", f"ISO 3166-1 alpha-2 codes of the foreign parties, {_JOINED}"
            ),
            _c(
                "tie_kind",
                "string",
                "the standing tie the sheet states (sister_city, friendship_city, "
                f"sister_province, other, none, not_stated), {_TIES}",
            ),
            _c(
                "tie_year",
                "string",
                f"the Western year of the tie the sheet gives, or empty, {_TIES}",
            ),
            _c(
                "tie_pair",
                "string",
                f"the pair the tie joins, JAPANESE - FOREIGN (names as printed), {_TIES}",
            ),
            _c("tie_evidence", "string", f"the sheet's words for the tie, {_TIES}"),
            _c(
                "background",
                "string",
                "(3) how the agreement came about; empty where the sheet has --",
            ),
            _c("activities", "string", "(4) what is done under it; empty where the sheet has --"),
            _c("outcomes", "string", "(5) results and issues; empty where the sheet has --"),
            _c("urls", "string", f"(6) the web pages printed, {_JOINED}"),
            _c("contacts", "string", f"(7) department / phone / e-mail, {_JOINED}"),
        ),
        ("id",),
    ),
    Table(
        "listings",
        "one numbered entry of the report's index and its sheet",
        (
            _c("key", "string", "F-NN: the field number and the two-digit entry number (1-01)"),
            _c("agreement_id", "string", "the agreement listed"),
            _c("field", "integer", "the field number, 1-9"),
            _c("field_ja", "string", "the field's Japanese label"),
            _c("field_en", "string", "the field's English label"),
            _c("number", "integer", "the entry's number within its field"),
            _c("page", "integer", "the page of the report the sheet is on"),
            _c("relisted", "boolean", "the report marks the entry 【再掲】 (a re-listing)"),
            _c("index_parties", "string", "the parties as the index prints them"),
            _c("index_title", "string", "the title as the index prints it"),
            _c("sheet", "string", "the key of the sheet describing the entry"),
            _c("sheet_title", "string", "the title as the sheet prints it"),
        ),
        ("key",),
        (ForeignKey(("agreement_id",), "agreements", ("id",)),),
    ),
    Table(
        "parties",
        "one distinct party (a local government or another body), Japanese or foreign",
        (
            _c(
                "party_id",
                "string",
                "the party's stable id (its .id): its lg_code, else a slug (cn-dalian)",
            ),
            _c("side", "string", "japanese or foreign"),
            _c("name", "string", "the name as first printed, in report order"),
            _c("name_en", "string", "the English name"),
            _c(
                "kind", "string", "prefecture, city, town, …; region, county, …; or an organisation"
            ),
            _c("country", "string", "ISO 3166-1 alpha-2 code (JP for Japanese parties)"),
            _c(
                "prefecture",
                "string",
                "Japanese parties: the prefecture (2012 name)",
                required=False,
            ),
            _c(
                "municipality",
                "string",
                "Japanese parties: the municipality, none for a prefecture",
                required=False,
            ),
            _c(
                "lg_code",
                "string",
                "Japanese local governments: the 全国地方公共団体コード of 2012, 6 digits",
                required=False,
            ),
            _c("became", "string", "a Japanese place merged since: what it became", required=False),
            _c("became_on", "partial_date", f"when it became that, {_SIGNED}", required=False),
            _c(
                "region",
                "string",
                "foreign parties: the first-level division (Japanese)",
                required=False,
            ),
            _c(
                "region_code",
                "string",
                "foreign parties: the region's ISO 3166-2 code",
                required=False,
            ),
            _c("region_en", "string", "foreign parties: the region's English name", required=False),
            _c("locality", "string", "foreign parties: the locality", required=False),
            _c("latitude", "number", "WGS 84 latitude of the seat, degrees", required=False),
            _c("longitude", "number", "WGS 84 longitude of the seat, degrees", required=False),
        ),
        ("party_id",),
        (ForeignKey(("country",), "countries", ("code",)),),
    ),
    Table(
        "agreement_parties",
        "one party of one agreement",
        (
            _c("agreement_id", "string", "the agreement"),
            _c(
                "position",
                "integer",
                "the party's place in the agreement, Japanese parties first, from 1",
            ),
            _c("party_id", "string", "the party"),
            _c("side", "string", "japanese or foreign"),
            _c("name", "string", "the party's name as this agreement's sheet prints it"),
        ),
        ("agreement_id", "position"),
        (
            ForeignKey(("agreement_id",), "agreements", ("id",)),
            ForeignKey(("party_id",), "parties", ("party_id",)),
        ),
    ),
    Table(
        "errata",
        "a place where the report contradicts itself, and what the dataset holds instead",
        (
            _c("id", "string", "the erratum's id (E001)"),
            _c("listing", "string", "the key of the listing concerned"),
            _c(
                "kind",
                "string",
                "what sort of contradiction (docs/data-dictionary.md lists the kinds)",
            ),
            _c("item", "string", "the part of the listing (index, title, parties, date, …)"),
            _c("printed", "string", "what the report prints"),
            _c("dataset", "string", "what the dataset holds"),
            _c("evidence", "string", "why, in English, with line numbers of data-raw/report.txt"),
            _c("evidence_ja", "string", "the same in Japanese (the project's translation)"),
        ),
        ("id",),
        (ForeignKey(("listing",), "listings", ("key",)),),
    ),
    Table(
        "countries",
        "a country of a party (ISO 3166-1)",
        (
            _c("code", "string", "ISO 3166-1 alpha-2 code"),
            _c("alpha_3", "string", "ISO 3166-1 alpha-3 code"),
            _c("numeric", "string", "ISO 3166-1 numeric code, three digits"),
            _c("name_ja", "string", "the Japanese name (the report's where it names the country)"),
            _c("short_name_ja", "string", "the short Japanese name (中国)"),
            _c("name_en", "string", "the English name"),
        ),
        ("code",),
    ),
)

#: The tables by name.
BY_NAME: Mapping[str, Table] = MappingProxyType({table.name: table for table in TABLES})

Row = tuple[Any, ...]


def extra(module: str, name: str) -> ModuleType:
    """Import ``module`` of the optional extra ``name``.

    Raises:
        ImportError: if it is not installed; the message says how to install it.
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise ImportError(
            f"{module.partition('.')[0]} is not installed: pip install 'sister-agreements[{name}]'"
        ) from None


def write_tables(
    ds: Dataset, directory: object, extension: str, encode: Callable[[Table, list[Row]], bytes]
) -> list[str]:
    """Each table of ``ds`` encoded into DIRECTORY/NAME.EXTENSION (the directory created if
    missing), each file replaced whole or not at all; the paths, in the order of ``TABLES``.

    Raises:
        OSError: if a file cannot be written.
        TypeError: if ``directory`` is not a path.
    """
    from sister_agreements import _atomic

    folder = _atomic.path_text(directory)
    rows = tables(ds)
    os.makedirs(folder, exist_ok=True)
    written = []
    for table in TABLES:
        path = os.path.join(folder, f"{table.name}.{extension}")
        _atomic.write_bytes(path, encode(table, rows[table.name]))
        written.append(path)
    return written


def _pick(table: Table, record: Mapping[str, Any], **extra: Any) -> Row:
    """The table's row from an ``export`` record (and ``extra`` values): "" becomes None in
    a column that may be missing."""
    values = {**record, **extra}
    return tuple(
        None if not column.required and values[column.name] == "" else values[column.name]
        for column in table.columns
    )


def tables(ds: Dataset) -> dict[str, list[Row]]:
    """The rows of every table of ``TABLES`` for ``ds``, by table name, each row a tuple in
    the order of the table's columns.

    Only the countries of the dataset's parties are in ``countries`` (JP where it has a
    Japanese party); only the errata of its listings in ``errata``.
    """
    from sister_agreements import export

    agreements = BY_NAME["agreements"]
    rows: dict[str, list[Row]] = {table.name: [] for table in TABLES}
    for record in export.to_records(ds, "agreement"):
        year = int(record["signed"][:4]) if record["signed"] else None
        rows["agreements"].append(_pick(agreements, record, signed_year=year))
    rows["listings"] = [_pick(BY_NAME["listings"], r) for r in export.to_records(ds, "listing")]
    rows["errata"] = [_pick(BY_NAME["errata"], r) for r in export.to_records(ds, "erratum")]
    rows["parties"], rows["agreement_parties"] = _party_rows(ds)
    country = BY_NAME["parties"].names.index("country")
    used = {row[country] for row in rows["parties"]}
    countries = BY_NAME["countries"]
    rows["countries"] = [
        tuple(getattr(country, name) for name in countries.names)
        for country in ds._document().countries
        if country.code in used
    ]
    return rows


def _party_rows(ds: Dataset) -> tuple[list[Row], list[Row]]:
    """The ``parties`` rows (a party's first record, by ``party_id``) and the
    ``agreement_parties`` rows (every record), from the ``party`` level's records."""
    from sister_agreements import export

    parties: dict[str, Row] = {}
    links: list[Row] = []
    for record in export.to_records(ds, "party"):
        if record["party_id"] not in parties:
            parties[record["party_id"]] = _pick(BY_NAME["parties"], record)
        links.append(_pick(BY_NAME["agreement_parties"], record))
    return list(parties.values()), links


def markdown(table: Table) -> str:
    """The table's data dictionary as Markdown, as docs/exports.md prints it: a line with
    the name, the row, the keys, then a table of the columns."""
    keys = "".join(
        f"; `{', '.join(k.columns)}` → `{k.reference_table}.{', '.join(k.reference_columns)}`"
        for k in table.foreign_keys
    )
    lines = [
        f"**{table.name}**: {table.row}. Primary key `{', '.join(table.primary_key)}`{keys}.",
        "",
        "| column | type | description |",
        "|---|---|---|",
    ]
    for column in table.columns:
        missing = "" if column.required else " (may be missing)"
        description = column.description.replace("|", "\\|")
        lines.append(f"| `{column.name}` | {column.type}{missing} | {description} |")
    return "\n".join(lines) + "\n"
