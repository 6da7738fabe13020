"""The spreadsheet workbook: read back with openpyxl (slow) and opened in LibreOffice
(``spreadsheet``: headless ``soffice``, which CI installs from Debian)."""

from __future__ import annotations

import csv
import datetime
import shutil
import subprocess
from pathlib import Path

import pytest

import sister_agreements as sa
from sister_agreements import _tables_out

SHEETS = ["agreements", "listings", "parties", "agreement_parties", "errata", "countries"]
ROWS = {"agreements": 149, "listings": 175, "parties": 236, "agreement_parties": 370,
        "errata": 81, "countries": 31}  # fmt: skip
# Cells with a full date: 139 agreements' signed, one party's became_on.
DATE_CELLS = 140
# LibreOffice's CSV filter: comma, double quote, UTF-8 (76), from line 1; every sheet of
# the workbook to its own file (the 12th token, -1; LibreOffice 7.2 and later).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("xlsxwriter")
    path = tmp_path_factory.mktemp("xlsx") / "agreements.xlsx"
    sa.export.to_xlsx(sa.load(), path)
    return path


@pytest.mark.slow
def test_the_workbook_is_the_same_on_every_run(workbook: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.xlsx"
    sa.export.to_xlsx(sa.load(), again)
    assert again.read_bytes() == workbook.read_bytes()


@pytest.mark.slow
def test_cells_have_their_types(workbook: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(workbook)
    assert book.sheetnames == SHEETS
    assert {name: book[name].max_row - 1 for name in SHEETS} == ROWS
    assert all(book[name].freeze_panes == "A2" for name in SHEETS)
    parties = book["parties"]
    assert [cell.value for cell in parties[1]] == list(_tables_out.BY_NAME["parties"].names)
    assert parties["A2"].value == "022012" and parties["A2"].data_type == "s"
    assert parties["I2"].value == "022012" and parties["I2"].data_type == "s"
    assert parties["C2"].value == "青森県青森市"
    assert parties["J2"].value is None  # became: missing, an empty cell
    agreements = book["agreements"]
    assert agreements["F2"].value == datetime.datetime(2004, 12, 24)
    assert agreements["F2"].number_format == "yyyy-mm-dd"
    assert agreements["E2"].value == 1 and agreements["E2"].data_type == "n"
    assert agreements["J2"].value is False and agreements["J2"].data_type == "b"
    partial = [row[5].value for row in agreements.iter_rows(min_row=2) if row[5].data_type == "s"]
    assert partial[:3] == ["1999-08", "2001-06", "2011-08"]
    dates = sum(cell.is_date for name in SHEETS for row in book[name].iter_rows() for cell in row)
    assert dates == DATE_CELLS
    assert book.properties.created == datetime.datetime(2012, 8, 1)


def _soffice() -> str:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return soffice


def _convert(source: Path, target: str, out: Path, *options: str) -> None:
    subprocess.run(
        [_soffice(), "--headless", *options, "--convert-to", target, "--outdir", str(out),
         str(source)],
        check=True,
        capture_output=True,
        timeout=300,
    )  # fmt: skip


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.spreadsheet
def test_libreoffice_keeps_the_codes_and_the_japanese(workbook: Path, tmp_path: Path) -> None:
    _convert(workbook, CSV_FILTER, tmp_path)
    sheets = {path.stem.removeprefix("agreements-"): _rows(path) for path in tmp_path.iterdir()}
    assert sorted(sheets) == sorted(SHEETS)
    assert {name: len(rows) - 1 for name, rows in sheets.items()} == ROWS
    parties = sheets["parties"]
    assert parties[1][:9] == ["022012", "japanese", "青森県青森市", "Aomori City", "city",
                              "JP", "青森県", "青森市", "022012"]  # fmt: skip
    lg_codes = [row[8] for row in parties[1:] if row[8]]
    assert len(lg_codes) == 88 and all(len(code) == 6 for code in lg_codes)
    assert sheets["listings"][1][:3] == ["1-01", "1-01", "1"]
    assert sheets["countries"][-1][:3] == ["JP", "JPN", "392"]


@pytest.mark.spreadsheet
def test_libreoffice_reads_full_dates_as_dates(workbook: Path, tmp_path: Path) -> None:
    _convert(workbook, "fods", tmp_path)
    text = (tmp_path / "agreements.fods").read_text(encoding="utf-8")
    assert text.count('office:value-type="date"') == DATE_CELLS
    assert 'office:value-type="date" office:date-value="2004-12-24"' in text
    assert "<text:p>1999-08</text:p>" in text  # a month alone stays text


@pytest.mark.spreadsheet
def test_the_csv_loses_the_zeros_in_libreoffice(tmp_path: Path) -> None:
    """The issue's claim: LibreOffice reads today's CSV's lg_code 022012 as the number
    22012, which is why the workbook exists."""
    sa.export.to_csv(sa.load(), tmp_path / "parties.csv", level="party")
    out = tmp_path / "out"
    # read as UTF-8 CSV, written back as UTF-8 CSV
    _convert(tmp_path / "parties.csv", "csv:Text - txt - csv (StarCalc):44,34,76,1", out,
             "--infilter=CSV:44,34,76,1")  # fmt: skip
    header, aomori = _rows(out / "parties.csv")[:2]
    assert aomori[header.index("name")] == "青森県青森市"
    assert aomori[header.index("lg_code")] == "22012"
