"""Counting listings the way the report counts them, or agreements, in tables that print
and compare.

``by_field`` is the report's Table 1 and ``by_country`` its Table 2; ``by_prefecture``,
``by_year`` and ``by_tie`` follow the same form: a row per group, a column per field (①–⑨) and a
合計 (``total``) column and row. Each function counts one of two ways:

- ``count="listings"`` (the default, the report's way): every listing (index entry) once.
  An agreement listed under two fields counts once in each and twice in 合計; the part
  that is re-listed (【再掲】) shows in parentheses: "22(4)" is 22 listings of which 4
  are re-listings. Over the whole dataset the 合計 is 175.
- ``count="agreements"``: every agreement once in each field it is listed under and
  once in 合計, so a row's fields can add up to more than its 合計 (an agreement listed
  under ① and ② counts in both). There is no re-listed part: ``Cell.relisted`` is 0 and
  cells print as "22". Over the whole dataset the 合計 is 149.

Only a table of listings over the whole dataset compares with the report's printed
tables (``published``): ``CountTable.diff`` refuses tables counted in different ways.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs

from sister_agreements._fold import closest_keys, name_key
from sister_agreements._record import record_eq, record_hash, record_repr
from sister_agreements._render import markdown_table, text_table
from sister_agreements.dataset import Dataset, load
from sister_agreements.dates import PartialDate
from sister_agreements.errors import IncomparableTablesError, UnknownValueError
from sister_agreements.model import Agreement
from sister_agreements.taxonomy import Field, TieKind

if TYPE_CHECKING:
    import pandas

Lang = Literal["ja", "en"]
Count = Literal["listings", "agreements"]
RowsBy = Literal["shape", "country", "prefecture", "year", "tie"]
Form = Literal["long", "wide"]
_C = TypeVar("_C", bound=str)

#: What a table can count: listings (the report's way) or agreements.
COUNTS: tuple[Count, ...] = ("listings", "agreements")
#: The shapes of ``CountTable.to_csv`` and ``to_pandas``.
FORMS: tuple[Form, ...] = ("long", "wide")
_RECORD_COLUMNS = ("row", "column", "total", "relisted")
_RELISTED = {"ja": "（再掲）", "en": " (re-listed)"}


@attrs.frozen
class Label:
    """A row or column of a table: a stable key, Japanese and English labels, a rank, and
    short forms for tables that must fit a terminal (a field's symbol "①", a country's
    short name "中国"; None where the label is short already)."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    key: str
    ja: str
    en: str
    rank: int | None = None
    short_ja: str | None = None
    short_en: str | None = None

    def text(self, lang: Lang, *, short: bool = False) -> str:
        """The label in ``lang`` (its short form with ``short``, where it has one), with
        its rank in front where it has one."""
        label = self.ja if lang == "ja" else self.en
        if short:
            label = (self.short_ja if lang == "ja" else self.short_en) or label
        return f"{self.rank} {label}" if self.rank is not None else label


@attrs.frozen(order=False)
class Cell:
    """A count of listings and how many of them are re-listings (【再掲】).

    In a table counted by agreements, ``total`` counts agreements and ``relisted`` is 0.
    """

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

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

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    row: str
    column: str
    ours: Cell | None
    theirs: Cell | None


@attrs.frozen
class CountTable:
    """A table of counts with labelled rows and columns.

    ``cells[i][j]`` is the cell of ``rows[i]`` and ``columns[j]``. ``count`` says what a
    cell counts: ``"listings"`` (the report's way; the re-listed part in ``Cell.relisted``)
    or ``"agreements"`` (each agreement once; ``relisted`` is always 0). ``whole`` is True
    when the table was computed over a whole dataset (``ds == ds.whole``) and False for a
    filtered subset. The report's printed tables (``published``) count listings over the
    whole report.
    """

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    title_ja: str
    title_en: str
    rows: tuple[Label, ...]
    columns: tuple[Label, ...]
    cells: tuple[tuple[Cell, ...], ...]
    count: Count = attrs.field(default="listings", validator=attrs.validators.in_(COUNTS))
    whole: bool = True
    rows_by: RowsBy = "shape"
    top: int | None = None

    def cell(self, row: str | int, column: Field | str | int) -> Cell:
        """The cell at a row and a column.

        Args:
            row: a row's key or label in either language, or what ``Dataset.filter``
                accepts for the table's rows: a country (中国, CN, CHN, 156, China), a
                prefecture (静岡, 22, JP-22, 220001, Shizuoka, しずおか), a year (2004) or
                a kind of tie ("sister", 姉妹都市).
            column: a field as ``Field.parse`` accepts it (教育交流, Educational exchange,
                1, ①, ``Field.EDUCATION``), or ``total`` (合計).

        Raises:
            UnknownValueError: (a ``LookupError``) for a row or column the table does not
                have; it names the closest.
            TypeError: for a value that is not a str or an int (or a ``Field``).
        """
        return self.cells[_row_index(self, row)][_column_index(self.columns, column)]

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per cell: ``row`` and ``column`` keys, ``total`` and ``relisted``."""
        return [
            {"row": row.key, "column": column.key, "total": cell.total, "relisted": cell.relisted}
            for row, cells in zip(self.rows, self.cells, strict=True)
            for column, cell in zip(self.columns, cells, strict=True)
        ]

    def _grid(self, lang: Lang, short: bool = False) -> list[list[str]]:
        header = ["", *(column.text(lang, short=short) for column in self.columns)]
        body = [
            [row.text(lang, short=short), *(str(cell) for cell in cells)]
            for row, cells in zip(self.rows, self.cells, strict=True)
        ]
        return [header, *body]

    def _wide(self, lang: Lang) -> tuple[list[str], list[str], list[list[int]]]:
        """Row labels, column labels and numbers of the wide form.

        Each column is followed by its re-listed part, labelled "①教育交流（再掲）" or
        "① Educational exchange (re-listed)", unless the table counts agreements.
        """
        parts = 2 if self.count == "listings" else 1
        columns = [
            label
            for column in self.columns
            for label in (column.text(lang), column.text(lang) + _RELISTED[lang])[:parts]
        ]
        numbers = [
            [number for cell in cells for number in (cell.total, cell.relisted)[:parts]]
            for cells in self.cells
        ]
        return [row.text(lang) for row in self.rows], columns, numbers

    def to_markdown(self, lang: Lang = "ja") -> str:
        """A Markdown table; counts in the report's form, "22(4)".

        Raises:
            LookupError: for a language other than "ja" or "en".
        """
        return markdown_table(self._grid(_lang(lang)), numbers=True)

    def to_text(self, lang: Lang = "ja", *, short: bool = False) -> str:
        """A plain-text table aligned for terminals, double-width characters counted twice.

        Args:
            lang: the language of the labels, ``"ja"`` or ``"en"``.
            short: label rows and columns by their short forms (``Label.short_ja``,
                ``short_en``): the fields by their symbols (①), countries by their short
                names (中国), so that every table of this module fits 80 columns (the full
                labels take up to 280).

        Raises:
            LookupError: for a language other than "ja" or "en".
        """
        return text_table(self._grid(_lang(lang), short), numbers=True)

    def to_csv(self, *, form: Form = "long", lang: Lang = "ja") -> str:
        """The table as CSV text, lines ending in "\\n".

        Args:
            form: ``"long"`` (default): one line per cell under the header
                ``row,column,total,relisted``, rows and columns by key (as ``to_records``).
                ``"wide"``: the table as printed, with numbers: a header of column labels
                (its first cell empty), then one line per row starting with the row label
                (ranked rows as "1 中華人民共和国"); each column is followed by its
                re-listed part, "①教育交流（再掲）" or "① Educational exchange (re-listed)",
                except in tables that count agreements, which have no re-listed part.
            lang: the language of the wide form's labels, ``"ja"`` or ``"en"``.

        Raises:
            TypeError: if ``form`` is not a str.
            ValueError: for a form other than "long" or "wide".
            LookupError: for a language other than "ja" or "en".
        """
        import csv
        import io

        form, lang = _choice("form", form, FORMS), _lang(lang)
        out = io.StringIO()
        if form == "long":
            records = csv.DictWriter(out, _RECORD_COLUMNS, lineterminator="\n")
            records.writeheader()
            records.writerows(self.to_records())
        else:
            rows, columns, numbers = self._wide(lang)
            lines = csv.writer(out, lineterminator="\n")
            lines.writerow(["", *columns])
            lines.writerows([row, *cells] for row, cells in zip(rows, numbers, strict=True))
        return out.getvalue()

    def to_pandas(self, *, form: Form = "long", lang: Lang = "ja") -> pandas.DataFrame:
        """The table as a pandas DataFrame (needs the ``pandas`` extra).

        Args:
            form: ``"long"`` (default): the records, columns ``row``, ``column``, ``total``,
                ``relisted``. ``"wide"``: the index is the row labels and the columns are
                the column labels, each followed by its re-listed part (as in ``to_csv``);
                every column is int64.
            lang: the language of the wide form's labels, ``"ja"`` or ``"en"``.

        Raises:
            ImportError: if pandas is not installed; the message says how to install it.
            TypeError: if ``form`` is not a str.
            ValueError: for a form other than "long" or "wide".
            LookupError: for a language other than "ja" or "en".
        """
        from sister_agreements.export import _pandas

        form, lang = _choice("form", form, FORMS), _lang(lang)
        pd = _pandas()
        if form == "long":
            return pd.DataFrame.from_records(self.to_records())
        rows, columns, numbers = self._wide(lang)
        return pd.DataFrame(numbers, index=rows, columns=columns, dtype="int64")

    def diff(self, other: CountTable) -> tuple[CellDifference, ...]:
        """Every cell, by row and column key, whose counts differ between the two tables.

        Raises:
            IncomparableTablesError: (a ``ValueError``) if the tables differ in ``count``
                or in ``whole``: a table of a subset, or one counting agreements, cannot
                be compared with the report's printed tables, which count listings over
                the whole report; or if their rows are of different kinds (``rows_by``) or
                different ranks (``top``).
        """
        if (self.count, self.whole) != (other.count, other.whole):
            raise IncomparableTablesError(
                f"cannot compare a table {self._counted()} with one {other._counted()}; "
                "the report's printed tables count listings over the whole report"
            )
        if (self.rows_by, self.top) != (other.rows_by, other.top):
            raise IncomparableTablesError(
                f"cannot compare a table {self._shaped()} with one {other._shaped()}; "
                "the report's printed tables are by shape (Table 1) and by country, top 10"
            )
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

    def _shaped(self) -> str:
        top = f", top {self.top}" if self.top is not None else ""
        return f"by {self.rows_by}{top}"

    def _counted(self) -> str:
        return f"counting {self.count} over {'the whole dataset' if self.whole else 'a subset'}"


def _choice(name: str, value: object, valid: tuple[_C, ...]) -> _C:
    """``value`` as one of ``valid``.

    Raises:
        TypeError: if ``value`` is not a str.
        ValueError: if it is none of ``valid``; the message names them.
    """
    if not isinstance(value, str):
        raise TypeError(f"{name} is a str, not {type(value).__name__}")
    for choice in valid:
        if value == choice:
            return choice
    raise ValueError(f"unknown {name} {value!r}; valid: {', '.join(valid)}")


def _lang(lang: str) -> Lang:
    if lang not in ("ja", "en"):
        raise LookupError(f"unknown language {lang!r}; valid: ja, en")
    return "ja" if lang == "ja" else "en"


def _label_index(labels: tuple[Label, ...], value: str | int, what: str) -> int | None:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise TypeError(f"a {what} is named by a str or an int, not {type(value).__name__}")
    wanted = name_key(str(value))
    for i, label in enumerate(labels):
        names = (label.key, label.ja, label.en, label.text("ja"), label.text("en"))
        if wanted in {name_key(name) for name in names}:
            return i
    return None


def _not_found(
    labels: tuple[Label, ...], value: object, what: str, first: tuple[str, ...] = ()
) -> UnknownValueError:
    index = {name_key(text): label for label in labels for text in (label.key, label.en)}
    close = (f"{index[k].key} ({index[k].en})" for k in closest_keys(str(value)[:100], index, 8))
    return UnknownValueError(what, value, [*first, *dict.fromkeys(close)][:4])


def _row_index(table: CountTable, value: str | int) -> int:
    """A row by key or label, or by the country, prefecture or year ``value`` names."""
    found = _label_index(table.rows, value, "row")
    if found is not None:
        return found
    key = _row_key(table.rows_by, value)
    found = None if key is None else _label_index(table.rows, key, "row")
    if found is not None:
        return found
    counted_in_other = key is not None and table.rows_by == "country"
    first = ("other (Other), where countries below the top ranks are counted",)
    raise _not_found(table.rows, value, "row", first if counted_in_other else ())


def _row_key(rows_by: RowsBy, value: str | int) -> str | None:
    """The row key of the country, prefecture or year ``value`` names, if it names one."""
    index = load()._index  # ISO 3166 and JIS X 0401 codes are the same in every document
    if rows_by in ("country", "prefecture"):
        lookup = index.countries if rows_by == "country" else index.prefectures
        place = lookup.get(value)
        return None if place is None else place.code
    if rows_by == "year" and isinstance(value, str):
        try:
            return str(PartialDate.parse(value).year)  # 昭和54年
        except ValueError:
            return None
    if rows_by == "tie" and isinstance(value, str):
        try:
            return TieKind.parse(value).value  # "sister", 姉妹
        except UnknownValueError:
            return None
    return None


def _column_index(columns: tuple[Label, ...], value: Field | str | int) -> int:
    """A column by key or label, or by the field ``value`` names."""
    if not isinstance(value, Field):
        found = _label_index(columns, value, "column")
        if found is not None:
            return found
        try:
            value = Field.parse(value)
        except UnknownValueError:
            raise _not_found(columns, value, "column") from None
    found = _label_index(columns, value.name.lower(), "column")
    if found is None:
        raise _not_found(columns, value, "column")
    return found


FIELD_COLUMNS = (
    *(
        Label(
            f.name.lower(),
            f.symbol + f.label_ja,
            f"{f.symbol} {f.label_en}",
            short_ja=f.symbol,
            short_en=f.symbol,
        )
        for f in Field
    ),
    Label("total", "合計", "Total"),
)
TOTAL_ROW = Label("total", "合計", "Total")


#: Each field's column in ``FIELD_COLUMNS``; the total is the last.
_COLUMN = {field: column for column, field in enumerate(Field)}


def _tally(agreements: Iterable[Agreement], count: Count) -> tuple[Cell, ...]:
    """One row of a table: the cells of ``FIELD_COLUMNS`` for these agreements.

    By listings, every listing adds one to its field and to the total, and one re-listed
    where it is marked 【再掲】. By agreements, every agreement adds one to each field
    it is listed under and one to the total.
    """
    totals = [0] * len(FIELD_COLUMNS)
    relisted = [0] * len(FIELD_COLUMNS)
    for agreement in agreements:
        if count == "listings":
            for listing in agreement.listings:
                column = _COLUMN[listing.field]
                totals[column] += 1
                relisted[column] += listing.relisted
                relisted[-1] += listing.relisted
            totals[-1] += len(agreement.listings)
        else:
            for field in agreement.fields:
                totals[_COLUMN[field]] += 1
            totals[-1] += 1
    return tuple(map(Cell, totals, relisted))


def _table(
    titles: tuple[str, str],
    rows: Iterable[tuple[Label, Iterable[Agreement]]],
    count: Count,
    ds: Dataset,
    rows_by: RowsBy,
    top: int | None = None,
) -> CountTable:
    """A table of ``FIELD_COLUMNS``, one row per label and its agreements, computed on ``ds``."""
    labels, cells = [], []
    for label, agreements in rows:
        labels.append(label)
        cells.append(_tally(agreements, count))
    title_ja, title_en = titles
    if count == "agreements":
        title_ja, title_en = title_ja + "（提携・協定単位）", title_en + " (counted by agreement)"
    whole = ds == ds.whole
    return CountTable(
        title_ja, title_en, tuple(labels), FIELD_COLUMNS, tuple(cells), count, whole, rows_by, top
    )


def by_field(ds: Dataset, count: Count = "listings") -> CountTable:
    """Table 1: listings (or agreements) per field, one-to-one and multilateral.

    Rows: ``one_to_one`` (1対1の提携), ``multilateral`` (複数の自治体との提携: more than one
    party on either side) and ``total``; columns: the nine fields and ``total``.

    Args:
        ds: the agreements to count: ``load()`` or any subset of it.
        count: ``"listings"`` (default, the report's way) or ``"agreements"``; see the
            module's description.

    Raises:
        TypeError: if ``count`` is not a str.
        ValueError: for a ``count`` other than "listings" or "agreements".
    """
    count = _choice("count", count, COUNTS)
    one = Label("one_to_one", "1対1の提携", "One-to-one")
    many = Label(
        "multilateral",
        "複数の自治体との提携",
        "With several governments",
        short_ja="複数自治体との提携",
        short_en="Multilateral",
    )
    rows = (
        (one, [a for a in ds if not a.is_multilateral]),
        (many, [a for a in ds if a.is_multilateral]),
        (TOTAL_ROW, ds),
    )
    return _table(("分野別の提携件数", "Agreements by field"), rows, count, ds, "shape")


def by_country(ds: Dataset, top: int = 10, count: Count = "listings") -> CountTable:
    """Table 2: one-to-one listings (or agreements) by country and field.

    Countries are ranked by their total (ties share a rank and are ordered by their
    Japanese reading, as the report orders them); those ranked ``top`` or better get a
    row, keyed by ISO 3166-1 alpha-2 code; the rest are summed in ``other`` (その他).
    The ``total`` row counts every one-to-one agreement of ``ds``.

    Args:
        ds: the agreements to count: ``load()`` or any subset of it.
        top: the last rank that gets a row of its own.
        count: ``"listings"`` (default, the report's way) or ``"agreements"``; see the
            module's description. Countries are ranked by the chosen count.

    Raises:
        TypeError: if ``top`` is not an int or ``count`` not a str.
        ValueError: for a ``count`` other than "listings" or "agreements".
    """
    if isinstance(top, bool) or not isinstance(top, int):
        raise TypeError(f"top is an int, not {type(top).__name__}")
    count = _choice("count", count, COUNTS)
    countries = {country.code: country for country in ds.countries}
    one_to_one = [a for a in ds if not a.is_multilateral]
    per_country: dict[str, list[Agreement]] = {}
    for agreement in one_to_one:
        per_country.setdefault(agreement.countries[0], []).append(agreement)
    totals = {code: _tally(chosen, count)[-1].total for code, chosen in per_country.items()}
    order = sorted(totals, key=lambda code: (-totals[code], countries[code].kana))
    rows: list[tuple[Label, Iterable[Agreement]]] = []
    other: list[Agreement] = []
    for code in order:
        rank = 1 + sum(1 for total in totals.values() if total > totals[code])
        if rank <= top:
            country = countries[code]
            label = Label(code, country.name_ja, country.name_en, rank, country.short_name_ja)
            rows.append((label, per_country[code]))
        else:
            other += per_country[code]
    rows += [(Label("other", "その他", "Other"), other), (TOTAL_ROW, one_to_one)]
    titles = ("国・地域別の提携等件数", "One-to-one agreements by country or region")
    return _table(titles, rows, count, ds, "country", top)


def by_prefecture(ds: Dataset, count: Count = "listings") -> CountTable:
    """Listings (or agreements) by the prefecture of their Japanese parties, and by field.

    One row per prefecture that has any (key: the two-digit prefecture code, "22"), in
    code order, then ``total``. An agreement with parties in several prefectures counts
    in each of their rows; the ``total`` row counts it once.

    Args:
        ds: the agreements to count: ``load()`` or any subset of it.
        count: ``"listings"`` (default, the report's way) or ``"agreements"``; see the
            module's description.

    Raises:
        TypeError: if ``count`` is not a str.
        ValueError: for a ``count`` other than "listings" or "agreements".
    """
    count = _choice("count", count, COUNTS)
    rows: list[tuple[Label, Iterable[Agreement]]] = []
    for prefecture in ds.prefectures:
        chosen = [
            a for a in ds if any(p.prefecture == prefecture.name_ja for p in a.japanese_parties)
        ]
        if chosen:
            label = Label(prefecture.code, prefecture.name_ja, prefecture.short_name_en)
            rows.append((label, chosen))
    rows.append((TOTAL_ROW, ds))
    return _table(
        ("都道府県別の提携件数", "Agreements by prefecture"), rows, count, ds, "prefecture"
    )


def by_year(ds: Dataset, count: Count = "listings") -> CountTable:
    """Listings (or agreements) by the year of the agreement's first printed date, and field.

    One row per year that has any (key "1979", labels "1979年" and "1979"), in order,
    then ``unknown`` (不明) for agreements with no printed date, then ``total``.

    Args:
        ds: the agreements to count: ``load()`` or any subset of it.
        count: ``"listings"`` (default, the report's way) or ``"agreements"``; see the
            module's description.

    Raises:
        TypeError: if ``count`` is not a str.
        ValueError: for a ``count`` other than "listings" or "agreements".
    """
    count = _choice("count", count, COUNTS)
    years: dict[str, list[Agreement]] = {}
    for agreement in ds:
        key = str(agreement.signed.year) if agreement.signed else "unknown"
        years.setdefault(key, []).append(agreement)
    rows: list[tuple[Label, Iterable[Agreement]]] = []
    for key in sorted(years, key=lambda k: (k == "unknown", k)):
        ja, en = ("不明", "Unknown") if key == "unknown" else (f"{key}年", key)
        rows.append((Label(key, ja, en), years[key]))
    rows.append((TOTAL_ROW, ds))
    return _table(("締結年別の提携件数", "Agreements by year signed"), rows, count, ds, "year")


def by_tie(ds: Dataset, count: Count = "listings") -> CountTable:
    """Listings (or agreements) by the kind of standing tie their sheet states between the
    parties (``Agreement.ties``), and by field.

    One row per ``TieKind``, in the enum's order, every kind even where it counts nothing
    (key: the kind's value, "sister_city"; labels ``label_ja`` and ``label_en``), then
    ``total``. An agreement with ties of several kinds counts in each of their rows; the
    ``total`` row counts it once, so that the totals are ``by_field``'s.

    Args:
        ds: the agreements to count: ``load()`` or any subset of it.
        count: ``"listings"`` (default, as the other tables) or ``"agreements"``; see the
            module's description.

    Raises:
        TypeError: if ``count`` is not a str.
        ValueError: for a ``count`` other than "listings" or "agreements".
    """
    count = _choice("count", count, COUNTS)
    rows: list[tuple[Label, Iterable[Agreement]]] = [
        (
            Label(kind.value, kind.label_ja, kind.label_en),
            [a for a in ds if any(tie.kind is kind for tie in a.ties)],
        )
        for kind in TieKind
    ]
    rows.append((TOTAL_ROW, ds))
    titles = ("姉妹・友好関係別の提携件数", "Agreements by standing tie between the parties")
    return _table(titles, rows, count, ds, "tie")
