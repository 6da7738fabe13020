"""The tables of ``_tables_out`` as a spreadsheet workbook (the ``xlsx`` extra, XlsxWriter).

XlsxWriter rather than openpyxl: it only writes, has no dependencies, writes each cell with
the type asked for (``write_string`` never turns "022012" into a number or "=1" into a
formula), and writes the same bytes on every run once the workbook's created date is fixed
(its zip entries carry a fixed date already).
"""

from __future__ import annotations

import datetime
import io
import os
from typing import Any

from sister_agreements import _tables_out
from sister_agreements._tables_out import Column, extra
from sister_agreements.dataset import Dataset

#: The workbook's created date: the survey month (the report prints no date of its own),
#: fixed so that every run writes the same bytes.
CREATED = datetime.datetime(2012, 8, 1, tzinfo=datetime.UTC)
#: The number format of the date cells.
DATE_FORMAT = "yyyy-mm-dd"


def workbook_bytes(ds: Dataset) -> bytes:
    """The bytes of the workbook: one sheet per table, in the order of ``TABLES``."""
    xlsxwriter = extra("xlsxwriter", "xlsx")
    rows = _tables_out.tables(ds)
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {"in_memory": True})
    workbook.set_properties(
        {
            "title": f"{ds.source.title_ja} ({ds.source.title_en})",
            "author": ds.source.publisher_en,
            "comments": f"sister-agreements, data {ds.source.data_version}",
            "created": CREATED,
        }
    )
    bold = workbook.add_format({"bold": True})
    date = workbook.add_format({"num_format": DATE_FORMAT})
    for table in _tables_out.TABLES:
        sheet = workbook.add_worksheet(table.name)
        sheet.freeze_panes(1, 0)
        for x, column in enumerate(table.columns):
            sheet.write_string(0, x, column.name, bold)
        for y, row in enumerate(rows[table.name], 1):
            for x, (column, value) in enumerate(zip(table.columns, row, strict=True)):
                _write(sheet, y, x, column, value, date)
    workbook.close()
    return out.getvalue()


def _write(sheet: Any, y: int, x: int, column: Column, value: Any, date: Any) -> None:
    """One cell: text as text, numbers as numbers, yes/no as booleans, a full date as a
    date (a year or a month as text); nothing for a missing value."""
    if value is None:
        return
    if column.type == "boolean":
        sheet.write_boolean(y, x, value)
    elif column.type in ("integer", "number"):
        sheet.write_number(y, x, value)
    elif column.type == "partial_date" and len(value) == 10:
        sheet.write_datetime(y, x, datetime.date.fromisoformat(value), date)
    else:
        sheet.write_string(y, x, value)


def to_xlsx(ds: Dataset, path: str | os.PathLike[str]) -> None:
    """Write the tables (docs/exports.md, "Tables") as an .xlsx workbook (needs the
    ``xlsx`` extra, XlsxWriter).

    One sheet per table, named as the table, with a frozen, bold header row. Codes and
    ids (``lg_code`` 022012, country and region codes, party ids, listing keys 1-01) and
    every other text are text cells, so a spreadsheet keeps their zeros and never runs
    them as formulas; numbers are numbers, yes/no columns booleans; a full date (the day
    known) is a date cell shown yyyy-mm-dd, a year or a month alone stays text ("1995",
    "1999-08"); a missing value is an empty cell. Japanese is written as it is (the file
    is Unicode). The file is the same, byte for byte, on every run with one XlsxWriter
    version (its created date is ``CREATED``), and is replaced whole or not at all.

    Args:
        ds: the agreements to write.
        path: the file, a ``str`` or ``os.PathLike[str]``.

    Raises:
        ImportError: if XlsxWriter is not installed; the message says how to install it.
        OSError: if the file cannot be written; ``filename`` is ``path``.
        TypeError: if ``path`` is not a path.
    """
    from sister_agreements import _atomic

    _atomic.write_bytes(_atomic.path_text(path), workbook_bytes(ds))
