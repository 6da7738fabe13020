"""The tables of ``_tables_out`` as Parquet files, one per table (the ``parquet`` extra)."""

from __future__ import annotations

import io
import os

from sister_agreements import _tables_out
from sister_agreements._tables_out import Table, extra
from sister_agreements.dataset import Dataset

_TYPES = {
    "string": "string",
    "partial_date": "string",
    "integer": "int64",
    "boolean": "bool_",
    "number": "float64",
}


def table_bytes(table: Table, rows: list[tuple[object, ...]]) -> bytes:
    """One table as the bytes of a Parquet file: typed, nullable columns where a value may
    be missing, the table's and each column's description in the schema's metadata,
    zstd-compressed; nothing in it changes between runs (pyarrow's writer puts no time in
    the file)."""
    pa = extra("pyarrow", "parquet")
    pq = extra("pyarrow.parquet", "parquet")
    schema = pa.schema(
        [
            pa.field(
                column.name,
                getattr(pa, _TYPES[column.type])(),
                nullable=not column.required,
                metadata={"description": column.description},
            )
            for column in table.columns
        ],
        metadata={"description": table.row, "primary_key": ", ".join(table.primary_key)},
    )
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in table.columns]
    arrow = pa.Table.from_arrays(
        [
            pa.array(list(values), type=field.type)
            for values, field in zip(columns, schema, strict=True)
        ],
        schema=schema,
    )
    out = io.BytesIO()
    pq.write_table(arrow, out, compression="zstd", store_schema=True)
    return out.getvalue()


def to_parquet(ds: Dataset, directory: str | os.PathLike[str]) -> list[str]:
    """Write each table (docs/exports.md, "Tables") as ``TABLE.parquet`` in ``directory``
    (needs the ``parquet`` extra, pyarrow).

    Columns are typed (string, int64, bool, float64); a missing value is null; each field's
    metadata holds its description. Parquet has no keys: the primary and foreign keys are
    those of the tables (and of the SQLite file). Every file is the same, byte for byte, on
    every run with one pyarrow version, and is replaced whole or not at all.

    Args:
        ds: the agreements to write.
        directory: the directory, created if missing (``str`` or ``os.PathLike[str]``).

    Returns:
        The paths written, in the order of the tables.

    Raises:
        ImportError: if pyarrow is not installed; the message says how to install it.
        OSError: if a file cannot be written.
        TypeError: if ``directory`` is not a path.
    """
    return _tables_out.write_tables(ds, directory, "parquet", table_bytes)
