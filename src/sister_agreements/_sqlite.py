"""The tables of ``_tables_out`` as one SQLite database file (the standard library's sqlite3)."""

from __future__ import annotations

import os
import sqlite3

from sister_agreements import _tables_out
from sister_agreements._tables_out import Column, Table
from sister_agreements.dataset import Dataset

_TYPES = {
    "string": "TEXT",
    "partial_date": "TEXT",
    "integer": "INTEGER",
    "boolean": "INTEGER",  # SQLite's booleans are the integers 0 and 1
    "number": "REAL",
}


def _column(column: Column) -> str:
    check = f" CHECK ({column.name} IN (0, 1))" if column.type == "boolean" else ""
    null = " NOT NULL" if column.required else ""
    return f"{column.name} {_TYPES[column.type]}{null}{check}"


def create_table(table: Table) -> str:
    """The ``CREATE TABLE`` statement of a table: STRICT typed columns, NOT NULL where a
    value is required, the primary key and the foreign keys."""
    lines = [_column(column) for column in table.columns]
    lines.append(f"PRIMARY KEY ({', '.join(table.primary_key)})")
    lines.extend(
        f"FOREIGN KEY ({', '.join(key.columns)}) "
        f"REFERENCES {key.reference_table} ({', '.join(key.reference_columns)})"
        for key in table.foreign_keys
    )
    body = ",\n  ".join(lines)
    return f"CREATE TABLE {table.name} (\n  {body}\n) STRICT"


def database_bytes(ds: Dataset) -> bytes:
    """The bytes of the SQLite database holding ``ds``'s tables, the same on every run
    with one SQLite version (built in memory, serialised; nothing in it names a time)."""
    rows = _tables_out.tables(ds)
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        # a table comes after the tables it refers to, so the keys hold row by row
        for table in sorted(_tables_out.TABLES, key=_order):
            connection.execute(create_table(table))
            marks = ", ".join("?" for _ in table.columns)
            connection.executemany(f"INSERT INTO {table.name} VALUES ({marks})", rows[table.name])
        connection.commit()
        return connection.serialize()
    finally:
        connection.close()


def _order(table: Table) -> int:
    """Where a table is created: after every table it refers to."""
    order = ("countries", "agreements", "listings", "parties", "agreement_parties", "errata")
    return order.index(table.name)


def to_sqlite(ds: Dataset, path: str | os.PathLike[str]) -> None:
    """Write the tables (docs/exports.md, "Tables") as an SQLite database file.

    Every table is ``STRICT`` (typed columns), with its ``PRIMARY KEY`` and ``FOREIGN
    KEY`` constraints (checked while writing; a reader enforces them with ``PRAGMA
    foreign_keys = ON``); a boolean is 0 or 1, a missing value NULL. The file is the same,
    byte for byte, on every run with one SQLite version, and it is replaced whole or not
    at all (as ``to_csv`` replaces a file).

    Args:
        ds: the agreements to write.
        path: the file, a ``str`` or ``os.PathLike[str]``.

    Raises:
        OSError: if the file cannot be written; ``filename`` is ``path``.
        TypeError: if ``path`` is not a path.
    """
    from sister_agreements import _atomic

    _atomic.write_bytes(_atomic.path_text(path), database_bytes(ds))
