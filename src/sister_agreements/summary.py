"""Counting listings the way the report counts them, in tables that print and compare.

``by_field`` is the report's Table 1 and ``by_country`` its Table 2; ``by_prefecture``
and ``by_year`` follow the same form. Each cell counts listings (a re-listed agreement
counts once per listing, as the report does) with the re-listed part beside it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Literal

import attrs

from sister_agreements._fold import fold
from sister_agreements._render import markdown_table, text_table
from sister_agreements.dataset import Dataset
from sister_agreements.model import Agreement, Listing
from sister_agreements.taxonomy import Field

if TYPE_CHECKING:
    import pandas

Lang = Literal["ja", "en"]


@attrs.frozen
class Label:
    """A row or column of a table: a stable key, Japanese and English labels, a rank."""

    key: str
    ja: str
    en: str
    rank: int | None = None

    def text(self, lang: Lang) -> str:
        """The label in ``lang``, with its rank in front where it has one."""
        label = self.ja if lang == "ja" else self.en
        return f"{self.rank} {label}" if self.rank is not None else label


@attrs.frozen(order=False)
class Cell:
    """A count of listings and how many of them are re-listings (【再掲】)."""

    total: int = 0
    relisted: int = 0

    def __str__(self) -> str:
        """The report's form: "22(4)", "24", and "" for nothing."""
        if not self.total:
            return ""
        return f"{self.total}({self.relisted})" if self.relisted else str(self.total)

    def __add__(self, other: Cell) -> Cell:
        return Cell(self.total + other.total, self.relisted + other.relisted)


@attrs.frozen
class CellDifference:
    """One cell where two tables differ; None where a table lacks the row or column."""

    row: str
    column: str
    ours: Cell | None
    theirs: Cell | None


@attrs.frozen
class CountTable:
    """A table of listing counts with labelled rows and columns.

    ``cells[i][j]`` is the cell of ``rows[i]`` and ``columns[j]``.
    """

    title_ja: str
    title_en: str
    rows: tuple[Label, ...]
    columns: tuple[Label, ...]
    cells: tuple[tuple[Cell, ...], ...]

    def cell(self, row: str, column: str) -> Cell:
        """The cell at a row and a column, each named by key or by label in either language.

        Raises:
            LookupError: for an unknown row or column; the message lists the valid ones.
        """
        return self.cells[_find(self.rows, row, "row")][_find(self.columns, column, "column")]

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per cell: ``row`` and ``column`` keys, ``total`` and ``relisted``."""
        return [
            {"row": row.key, "column": column.key, "total": cell.total, "relisted": cell.relisted}
            for row, cells in zip(self.rows, self.cells, strict=True)
            for column, cell in zip(self.columns, cells, strict=True)
        ]

    def _grid(self, lang: Lang) -> list[list[str]]:
        header = ["", *(column.text(lang) for column in self.columns)]
        body = [
            [row.text(lang), *(str(cell) for cell in cells)]
            for row, cells in zip(self.rows, self.cells, strict=True)
        ]
        return [header, *body]

    def to_markdown(self, lang: Lang = "ja") -> str:
        """A Markdown table; counts in the report's form, "22(4)"."""
        return markdown_table(self._grid(_lang(lang)), numbers=True)

    def to_text(self, lang: Lang = "ja") -> str:
        """A plain-text table aligned for terminals, double-width characters counted twice."""
        return text_table(self._grid(_lang(lang)), numbers=True)

    def to_csv(self) -> str:
        """The records as CSV text with the header row,column,total,relisted."""
        out = io.StringIO()
        writer = csv.DictWriter(out, ["row", "column", "total", "relisted"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.to_records())
        return out.getvalue()

    def to_pandas(self) -> pandas.DataFrame:
        """The records as a pandas DataFrame (needs the ``pandas`` extra).

        Raises:
            ImportError: if pandas is not installed; the message says how to install it.
        """
        from sister_agreements.export import _pandas

        return _pandas().DataFrame.from_records(self.to_records())

    def diff(self, other: CountTable) -> tuple[CellDifference, ...]:
        """Every cell, by row and column key, whose counts differ between the two tables."""
        ours = {(r["row"], r["column"]): Cell(r["total"], r["relisted"]) for r in self.to_records()}
        theirs = {
            (r["row"], r["column"]): Cell(r["total"], r["relisted"]) for r in other.to_records()
        }
        keys = list(ours) + [key for key in theirs if key not in ours]
        return tuple(
            CellDifference(row, column, ours.get((row, column)), theirs.get((row, column)))
            for row, column in keys
            if ours.get((row, column)) != theirs.get((row, column))
        )


def _lang(lang: str) -> Lang:
    if lang not in ("ja", "en"):
        raise LookupError(f"unknown language {lang!r}; valid: ja, en")
    return "ja" if lang == "ja" else "en"


def _find(labels: tuple[Label, ...], name: str, what: str) -> int:
    wanted = fold(name)
    for i, label in enumerate(labels):
        if wanted in {fold(label.key), fold(label.ja), fold(label.en)}:
            return i
    valid = ", ".join(label.key for label in labels)
    raise LookupError(f"unknown {what} {name!r}; valid: {valid}")


FIELD_COLUMNS = (
    *(Label(f.name.lower(), f.symbol + f.label_ja, f.symbol + " " + f.label_en) for f in Field),
    Label("total", "合計", "Total"),
)
TOTAL_ROW = Label("total", "合計", "Total")


def _count(listings: Iterable[Listing], column: Callable[[Listing], str]) -> dict[str, Cell]:
    counts: dict[str, Cell] = {}
    for listing in listings:
        cell = Cell(1, int(listing.relisted))
        for key in (column(listing), "total"):
            counts[key] = counts.get(key, Cell()) + cell
    return counts


def _row(counts: dict[str, Cell], columns: tuple[Label, ...]) -> tuple[Cell, ...]:
    return tuple(counts.get(column.key, Cell()) for column in columns)


def _by_field_column(listing: Listing) -> str:
    return listing.field.name.lower()


def _listings(agreements: Iterable[Agreement]) -> list[Listing]:
    return [listing for agreement in agreements for listing in agreement.listings]


def by_field(ds: Dataset) -> CountTable:
    """Table 1: listings per field, one-to-one and multilateral, with the re-listed part."""
    one = [a for a in ds if not a.is_multilateral]
    many = [a for a in ds if a.is_multilateral]
    rows = (
        Label("one_to_one", "1対1の提携", "One-to-one"),
        Label("multilateral", "複数の自治体との提携", "With several governments"),
        TOTAL_ROW,
    )
    cells = tuple(
        _row(_count(_listings(group), _by_field_column), FIELD_COLUMNS) for group in (one, many, ds)
    )
    return CountTable("分野別の提携件数", "Agreements by field", rows, FIELD_COLUMNS, cells)


def by_country(ds: Dataset, top: int = 10) -> CountTable:
    """Table 2: one-to-one listings by country and field.

    Countries are ranked by total (ties share a rank and are ordered by their
    Japanese reading, as the report orders them); those ranked ``top`` or better
    get a row, the rest are summed in その他 (other).
    """
    if isinstance(top, bool) or not isinstance(top, int):
        raise TypeError(f"top is an int, not {type(top).__name__}")
    countries = {country.code: country for country in ds.countries}
    per_country: dict[str, list[Listing]] = {}
    for agreement in ds:
        if not agreement.is_multilateral:
            per_country.setdefault(agreement.countries[0], []).extend(agreement.listings)
    counts = {code: _count(listings, _by_field_column) for code, listings in per_country.items()}
    order = sorted(counts, key=lambda code: (-counts[code]["total"].total, countries[code].kana))
    rows: list[Label] = []
    cells: list[tuple[Cell, ...]] = []
    other: dict[str, Cell] = {}
    for position, code in enumerate(order):
        total = counts[code]["total"].total
        rank = 1 + sum(1 for c in order[:position] if counts[c]["total"].total > total)
        if rank <= top:
            country = countries[code]
            rows.append(Label(code, country.name_ja, country.name_en, rank))
            cells.append(_row(counts[code], FIELD_COLUMNS))
        else:
            for key, cell in counts[code].items():
                other[key] = other.get(key, Cell()) + cell
    rows += [Label("other", "その他", "Other"), TOTAL_ROW]
    cells += [_row(other, FIELD_COLUMNS), by_field(ds).cells[0]]
    title_en = "One-to-one agreements by country or region"
    return CountTable("国・地域別の提携等件数", title_en, tuple(rows), FIELD_COLUMNS, tuple(cells))


def by_prefecture(ds: Dataset) -> CountTable:
    """Listings by the prefecture of their Japanese parties and by field.

    An agreement with parties in several prefectures counts in each of their
    rows; the 合計 row counts every listing once.
    """
    rows, cells = [], []
    for prefecture in ds.prefectures:
        chosen = [
            a for a in ds if any(p.prefecture == prefecture.name_ja for p in a.japanese_parties)
        ]
        if chosen:
            rows.append(Label(prefecture.code, prefecture.name_ja, prefecture.short_name_en))
            cells.append(_row(_count(_listings(chosen), _by_field_column), FIELD_COLUMNS))
    rows.append(TOTAL_ROW)
    cells.append(_row(_count(_listings(ds), _by_field_column), FIELD_COLUMNS))
    return CountTable(
        "都道府県別の提携件数", "Agreements by prefecture", tuple(rows), FIELD_COLUMNS, tuple(cells)
    )


def by_year(ds: Dataset) -> CountTable:
    """Listings by the year of the agreement's first printed date, and by field."""
    years: dict[str, list[Agreement]] = {}
    for agreement in ds:
        key = str(agreement.signed.year) if agreement.signed else "unknown"
        years.setdefault(key, []).append(agreement)
    rows, cells = [], []
    for key in sorted(years, key=lambda k: (k == "unknown", k)):
        ja, en = ("不明", "Unknown") if key == "unknown" else (f"{key}年", key)
        rows.append(Label(key, ja, en))
        cells.append(_row(_count(_listings(years[key]), _by_field_column), FIELD_COLUMNS))
    rows.append(TOTAL_ROW)
    cells.append(_row(_count(_listings(ds), _by_field_column), FIELD_COLUMNS))
    return CountTable(
        "締結年別の提携件数", "Agreements by year signed", tuple(rows), FIELD_COLUMNS, tuple(cells)
    )
