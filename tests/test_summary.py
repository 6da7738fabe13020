"""Summary tables against the report's printed tables, and their renderings."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sister_agreements as sa
from sister_agreements import Field, UnknownValueError, cli, published, summary
from sister_agreements._render import display_width
from sister_agreements.summary import Cell, CellDifference, Label

# Every difference between the computed and the printed tables; docs/published-tables.md
# explains each one with the sheets that prove it.
FIELD_DIFFERENCES = (
    CellDifference("one_to_one", "administration", Cell(24, 8), Cell(23, 8)),
    CellDifference("one_to_one", "total", Cell(153, 23), Cell(152, 23)),
    CellDifference("multilateral", "administration", Cell(1, 0), Cell(2, 0)),
    CellDifference("multilateral", "total", Cell(22, 2), Cell(23, 2)),
)
COUNTRY_DIFFERENCES = (
    CellDifference("CA", "culture", Cell(0, 0), Cell(1, 0)),
    CellDifference("CA", "total", Cell(4, 2), Cell(5, 2)),
    CellDifference("other", "culture", Cell(2, 0), Cell(1, 0)),
    CellDifference("other", "administration", Cell(2, 0), Cell(1, 0)),
    CellDifference("other", "total", Cell(11, 0), Cell(9, 0)),
    CellDifference("total", "administration", Cell(24, 8), Cell(23, 8)),
    CellDifference("total", "total", Cell(153, 23), Cell(152, 23)),
)


def test_table_1_equals_the_printed_one_but_for_known_differences(ds: sa.Dataset) -> None:
    assert summary.by_field(ds).diff(published.FIELD_TABLE) == FIELD_DIFFERENCES


def test_table_2_equals_the_printed_one_but_for_known_differences(ds: sa.Dataset) -> None:
    computed = summary.by_country(ds)
    assert computed.diff(published.COUNTRY_TABLE) == COUNTRY_DIFFERENCES
    assert [(r.key, r.rank) for r in computed.rows] == [
        (r.key, r.rank) for r in published.COUNTRY_TABLE.rows
    ]


def test_published_tables_are_the_reports_text(report_text: str) -> None:
    lines = report_text.splitlines()
    start = lines.index("【分野別の提携件数】")
    printed = {
        line.split("\t")[0]: tuple(line.split("\t")[1:]) for line in lines[start + 4 : start + 7]
    }
    assert printed == published.FIELD_TABLE_TEXT
    start = lines.index("【国・地域別の提携等件数（※1対1の提携等の上位10）】")
    rows = [line.split("\t") for line in lines[start + 4 : start + 20]]
    assert [(r[0], r[1], tuple(r[2:])) for r in rows] == [
        (rank, name, cells) for rank, name, _, cells in published.COUNTRY_TABLE_TEXT
    ]


def test_published_labels_and_metadata_agree_with_the_data(ds: sa.Dataset) -> None:
    for (_, name, code, _), row in zip(
        published.COUNTRY_TABLE_TEXT[:-2], published.COUNTRY_TABLE.rows[:-2], strict=True
    ):
        country = sa.countries.lookup(name)
        assert (country.code, country.name_en) == (code, row.en)
    assert ds.source.survey_month == published.SURVEY_MONTH
    assert ds.source.publisher_ja == published.PUBLISHER_JA
    assert ds.source.title_ja == published.TITLE_JA


def test_parse_cell() -> None:
    assert published.parse_cell("22(4)") == Cell(22, 4)
    assert published.parse_cell("") == Cell(0, 0)
    assert published.parse_cell("1(0)") == Cell(1, 0)
    with pytest.raises(ValueError):
        published.parse_cell("x")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(list(Field)), max_size=3), st.sampled_from([None, True, False]))
def test_every_listing_counted_exactly_once(fields: list[Field], multilateral: bool | None) -> None:
    ds = sa.load()
    subset = ds.filter(field=fields) if fields else ds
    if multilateral is not None:
        subset = subset.filter(multilateral=multilateral)
    table = summary.by_field(subset)
    total = table.cell("total", "total")
    assert total.total == len(subset.listings)
    assert total.relisted == sum(li.relisted for li in subset.listings)
    for field in Field:
        in_field = [li for li in subset.listings if li.field is field]
        assert table.cell("total", field.name.lower()).total == len(in_field)
    one, many = table.cell("one_to_one", "total"), table.cell("multilateral", "total")
    assert one + many == total


def test_cell_lookup_by_key_or_label(ds: sa.Dataset) -> None:
    table = summary.by_field(ds)
    assert (
        table.cell("1対1の提携", "②文化交流") == table.cell("one_to_one", "culture") == Cell(22, 4)
    )
    assert table.cell("One-to-one", "② Cultural exchange") == Cell(22, 4)
    with pytest.raises(UnknownValueError) as raised:
        table.cell("nope", "culture")
    assert str(raised.value) == (
        "unknown row 'nope'; closest: one_to_one (One-to-one), total (Total), "
        "multilateral (With several governments)"
    )
    with pytest.raises(UnknownValueError, match="unknown column '料理'; closest: education"):
        table.cell("total", "料理")


@pytest.mark.parametrize(
    "column", ["文化交流", "文化", "Cultural exchange", "culture", 2, "2", "②", Field.CULTURE]
)
def test_cell_columns_accept_what_filter_accepts_for_a_field(
    ds: sa.Dataset, column: Field | str | int
) -> None:
    assert summary.by_field(ds).cell("total", column) == Cell(25, 4)
    assert sum(li.field is Field.CULTURE for li in ds.filter(field=column).listings) == 25


@pytest.mark.parametrize(
    "row",
    ["静岡", "静岡県", 22, "22", "JP-22", 220001, "Shizuoka", "Shizuoka Prefecture", "しずおか"],
)
def test_cell_rows_accept_what_filter_accepts_for_a_prefecture(
    ds: sa.Dataset, row: str | int
) -> None:
    shizuoka = ds.filter(prefecture=row)
    expected = Cell(len(shizuoka.listings), sum(li.relisted for li in shizuoka.listings))
    assert summary.by_prefecture(ds).cell(row, "total") == expected == Cell(13, 1)
    assert summary.by_prefecture(ds).cell(sa.prefectures.lookup(row).name_en, "合計") == expected


@pytest.mark.parametrize("row", ["中国", "中華人民共和国", "CN", "CHN", 156, "China"])
def test_cell_rows_accept_what_filter_accepts_for_a_country(ds: sa.Dataset, row: str | int) -> None:
    china = ds.filter(country=row, multilateral=False)
    expected = Cell(len(china.listings), sum(li.relisted for li in china.listings))
    assert summary.by_country(ds).cell(row, "total") == expected == Cell(58, 10)
    assert published.COUNTRY_TABLE.cell(row, "total") == Cell(58, 10)


@pytest.mark.parametrize("row", [2004, "2004", "2004年"])
def test_cell_rows_of_the_year_table(ds: sa.Dataset, row: str | int) -> None:
    year = ds.filter(signed_from=2004, signed_to=2004)
    expected = Cell(len(year.listings), sum(li.relisted for li in year.listings))
    assert summary.by_year(ds).cell(row, "total") == expected == Cell(8, 2)


def test_cell_refuses_rows_the_table_lacks_and_wrong_types(ds: sa.Dataset) -> None:
    with pytest.raises(UnknownValueError, match="unknown row 'Brazil'"):
        summary.by_country(ds).cell("Brazil", "total")  # counted in その他
    with pytest.raises(UnknownValueError, match="unknown row '沖縄'"):
        summary.by_year(ds).cell("沖縄", "total")
    with pytest.raises(TypeError):
        summary.by_field(ds).cell(True, "total")
    with pytest.raises(TypeError):
        summary.by_field(ds).cell("total", b"1")  # type: ignore[arg-type]


def test_records_csv_and_markdown(ds: sa.Dataset) -> None:
    table = summary.by_field(ds)
    records = table.to_records()
    assert len(records) == 3 * 10
    assert records[1] == {"row": "one_to_one", "column": "culture", "total": 22, "relisted": 4}
    rows = list(csv.DictReader(io.StringIO(table.to_csv())))
    assert [{k: str(v) for k, v in r.items()} for r in records] == rows
    markdown = table.to_markdown(lang="en").splitlines()
    assert markdown[0].startswith("|  | ① Educational exchange |")
    assert (
        markdown[2]
        == "| One-to-one | 24 | 22(4) | 4 | 1 | 10(1) | 21 | 33(1) | 24(8) | 14(9) | 153(23) |"
    )
    with pytest.raises(LookupError):
        table.to_markdown(lang="fr")  # type: ignore[arg-type]


def test_text_is_aligned_for_double_width_characters(ds: sa.Dataset) -> None:
    for lang in ("ja", "en"):
        lines = summary.by_country(ds).to_text(lang).splitlines()
        ends = {display_width(line) for line in lines if not line.endswith(" ")}
        assert len(ends) == 1, lang
    assert display_width("中国ab") == 6


def test_short_text_fits_80_columns(ds: sa.Dataset) -> None:
    for count in summary.COUNTS:
        tables = [
            summary.by_field(ds, count),
            summary.by_country(ds, 10, count),
            summary.by_country(ds, 1000, count),
            summary.by_prefecture(ds, count),
            summary.by_year(ds, count),
        ]
        for table in tables:
            for lang in ("ja", "en"):
                text = table.to_text(lang, short=True)
                assert max(display_width(line) for line in text.splitlines()) <= 80
                assert text.splitlines()[1:] != table.to_text(lang).splitlines()[1:]
    table = summary.by_country(ds, top=2)
    assert table.to_text("ja", short=True).splitlines() == [
        "         ①      ②  ③  ④      ⑤   ⑥      ⑦      ⑧      ⑨     合計",
        "1 中国   9   6(2)     1   5(1)   8     15   8(2)   6(5)   58(10)",
        "2 韓国   3   9(1)  3         2       6(1)   6(3)   2(1)    31(6)",
        "その他  12   7(1)  1         3  13     12  10(3)   6(3)    64(7)",
        "合計    24  22(4)  4  1  10(1)  21  33(1)  24(8)  14(9)  153(23)",
    ]
    rows = summary.by_field(ds).to_text("en", short=True).splitlines()
    assert [row.split()[0] for row in rows[1:]] == ["One-to-one", "Multilateral", "Total"]
    assert [label.text("ja", short=True) for label in summary.by_field(ds).rows] == [
        "1対1の提携", "複数自治体との提携", "合計",
    ]  # fmt: skip


def test_by_country_top(ds: sa.Dataset) -> None:
    top3 = summary.by_country(ds, top=3)
    assert [r.key for r in top3.rows] == ["CN", "KR", "US", "other", "total"]
    assert top3.cell("other", "total").total == 153 - 58 - 31 - 10
    with pytest.raises(TypeError):
        summary.by_country(ds, top="3")  # type: ignore[arg-type]
    for top, kind in ((True, "bool"), (2.5, "float")):
        with pytest.raises(TypeError, match=rf"^top is an int, not {kind}$"):
            summary.by_country(ds, top=top)  # type: ignore[arg-type]


def test_by_prefecture_and_by_year(ds: sa.Dataset) -> None:
    prefectures = summary.by_prefecture(ds)
    assert prefectures.cell("静岡県", "total") == Cell(13, 1)  # 12 agreements, 9-12 re-listed
    assert prefectures.cell("total", "total").total == 175
    years = summary.by_year(ds)
    assert years.rows[0].key == "1979" and years.rows[-2].key == "unknown"
    assert years.cell("unknown", "total") == Cell(1, 0)
    assert sum(years.cell(r.key, "total").total for r in years.rows[:-1]) == 175


def test_to_pandas(ds: sa.Dataset) -> None:
    pandas = pytest.importorskip("pandas")
    frame = summary.by_field(ds).to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == ["row", "column", "total", "relisted"] and len(frame) == 30


# --- counting listings or agreements ---------------------------------------------------

COLUMN_KEYS = (*(f.name.lower() for f in Field), "total")
Grid = dict[str, dict[str, tuple[int, int]]]


def _grid(table: summary.CountTable) -> Grid:
    return {
        row.key: {
            column.key: (cell.total, cell.relisted)
            for column, cell in zip(table.columns, cells, strict=True)
        }
        for row, cells in zip(table.rows, table.cells, strict=True)
    }


def _expected(ds: sa.Dataset, groups: Callable[[sa.Agreement], Iterable[str]], count: str) -> Grid:
    """Cells by row key, counted here from the listings or the agreements of ``ds``."""
    grid: Grid = {}

    def add(row: str, column: str, relisted: bool) -> None:
        cells = grid.setdefault(row, dict.fromkeys(COLUMN_KEYS, (0, 0)))
        total, part = cells[column]
        cells[column] = (total + 1, part + relisted)

    if count == "listings":
        for listing in ds.listings:
            for row in (*groups(ds[listing.key]), "total"):
                for column in (listing.field.name.lower(), "total"):
                    add(row, column, listing.relisted)
    else:
        for agreement in ds:
            fields = {listing.field.name.lower() for listing in agreement.listings}
            for row in (*groups(agreement), "total"):
                for column in (*fields, "total"):
                    add(row, column, False)
    return grid


def _shape(a: sa.Agreement) -> list[str]:
    several = len(a.japanese_parties) > 1 or len(a.foreign_parties) > 1
    return ["multilateral" if several else "one_to_one"]


def _year(a: sa.Agreement) -> list[str]:
    return [str(a.dates[0].date.year) if a.dates else "unknown"]


def _expected_by_field(ds: sa.Dataset, count: str) -> tuple[list[str], Grid]:
    return ["one_to_one", "multilateral", "total"], _expected(ds, _shape, count)


def _expected_by_prefecture(ds: sa.Dataset, count: str) -> tuple[list[str], Grid]:
    codes = {p.name_ja: p.code for p in ds.prefectures}
    grid = _expected(ds, lambda a: {codes[p.prefecture] for p in a.japanese_parties}, count)
    return [*sorted(key for key in grid if key != "total"), "total"], grid


def _expected_by_year(ds: sa.Dataset, count: str) -> tuple[list[str], Grid]:
    grid = _expected(ds, _year, count)
    years = sorted(key for key in grid if key not in {"unknown", "total"})
    return [*years, *(["unknown"] if "unknown" in grid else []), "total"], grid


def _expected_by_country(ds: sa.Dataset, count: str) -> tuple[list[str], Grid]:
    one_to_one = ds.filter(multilateral=False)
    grid = _expected(one_to_one, lambda a: [a.foreign_parties[0].country], count)
    totals = {code: cells["total"][0] for code, cells in grid.items() if code != "total"}
    kana = {country.code: country.kana for country in ds.countries}
    ranked = [code for code in totals if sum(t > totals[code] for t in totals.values()) < 10]
    rows = sorted(ranked, key=lambda code: (-totals[code], kana[code]))
    other = dict.fromkeys(COLUMN_KEYS, (0, 0))
    for code in totals.keys() - set(ranked):
        for column, (total, part) in grid.pop(code).items():
            other[column] = (other[column][0] + total, other[column][1] + part)
    return [*rows, "other", "total"], grid | {"other": other}


def _expected_by_tie(ds: sa.Dataset, count: str) -> tuple[list[str], Grid]:
    grid = _expected(ds, lambda a: {tie.kind.value for tie in a.ties}, count)
    return [*(kind.value for kind in sa.TieKind), "total"], grid


Make = Callable[..., summary.CountTable]
EXPECTED: dict[Make, Callable[[sa.Dataset, str], tuple[list[str], Grid]]] = {
    summary.by_field: _expected_by_field,
    summary.by_country: _expected_by_country,
    summary.by_prefecture: _expected_by_prefecture,
    summary.by_year: _expected_by_year,
    summary.by_tie: _expected_by_tie,
}
SUBSETS = {
    "whole": {},
    "静岡": {"prefecture": "静岡"},
    "KR": {"country": "KR"},
    "⑧": {"field": 8},
    "Hokkaido or Tokyo, multilateral": {"prefecture": ["北海道", "東京"], "multilateral": True},
}


def _assert_counted(table: summary.CountTable, ds: sa.Dataset, make: Make, count: str) -> None:
    rows, grid = EXPECTED[make](ds, count)
    zero = dict.fromkeys(COLUMN_KEYS, (0, 0))
    assert [row.key for row in table.rows] == rows
    assert _grid(table) == {row: grid.get(row, zero) for row in rows}
    assert (table.count, table.whole) == (count, len(ds) == 149)


@pytest.mark.parametrize("count", summary.COUNTS)
@pytest.mark.parametrize("subset", SUBSETS)
@pytest.mark.parametrize("make", EXPECTED, ids=lambda make: make.__name__)
def test_every_table_counts_as_documented(
    ds: sa.Dataset, make: Make, subset: str, count: str
) -> None:
    chosen = ds.filter(**SUBSETS[subset])  # type: ignore[arg-type]
    _assert_counted(make(chosen, count=count), chosen, make, count)


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(list(EXPECTED)),
    st.sampled_from(summary.COUNTS),
    st.lists(st.sampled_from(list(Field)), max_size=3),
    st.lists(st.sampled_from(["CN", "KR", "US", "VN", "FR", "DE"]), max_size=2),
    st.sampled_from([None, True, False]),
)
def test_any_subset_counts_as_documented(
    make: Make,
    count: str,
    fields: list[Field],
    countries: list[str],
    multilateral: bool | None,
) -> None:
    chosen = sa.load()
    if fields:
        chosen = chosen.filter(field=fields)
    if countries:
        chosen = chosen.filter(country=countries)
    if multilateral is not None:
        chosen = chosen.filter(multilateral=multilateral)
    _assert_counted(make(chosen, count=count), chosen, make, count)


def _printed(table: summary.CountTable) -> list[str]:
    return [
        " ".join([row.key, *(str(cell) or "." for cell in cells)])
        for row, cells in zip(table.rows, table.cells, strict=True)
    ]


def test_exact_figures_counted_by_agreement(ds: sa.Dataset) -> None:
    assert _printed(summary.by_field(ds, count="agreements")) == [
        "one_to_one 24 22 4 1 10 21 33 24 14 129",
        "multilateral 2 3 4 . 1 3 6 1 2 20",
        "total 26 25 8 1 11 24 39 25 16 149",
    ]
    assert _printed(summary.by_country(ds, count="agreements")) == [
        "CN 9 6 . 1 5 8 15 8 6 48",
        "KR 3 9 3 . 2 . 6 6 2 25",
        "US 4 . . . . 3 2 . 1 9",
        "AU 3 1 . . . 1 . 1 3 8",
        "FR . 2 1 . 1 1 1 1 . 7",
        "VN . . . . . 2 2 4 . 6",
        "RU 1 . . . . 1 1 . . 3",
        "IT . 1 . . . 1 . . . 2",
        "CA 1 . . . . 1 . 1 1 2",
        "TW . . . . . . 2 . . 2",
        "DK . . . . . 2 . . . 2",
        "FI . . . . 1 . 1 . . 2",
        "other 3 3 . . 1 1 3 3 1 13",
        "total 24 22 4 1 10 21 33 24 14 129",
    ]
    # 静岡県: 12 agreements, 13 listings (9-12 re-lists 6-10). 新潟県: 1-04, and 2-23
    # listed under ② and again under ⑦ (7-37), so its fields add up to 3 for 2 agreements.
    prefectures = summary.by_prefecture(ds, count="agreements")
    assert str(prefectures.cell("22", "total")) == "12"
    assert _printed(prefectures)[11] == "15 1 1 . . . . 1 . . 2"
    assert _printed(summary.by_prefecture(ds))[11] == "15 1 1 . . . . 1(1) . . 3(1)"
    years = summary.by_year(ds, count="agreements")
    assert _printed(years)[-4:] == [
        "2011 2 3 2 . . 9 8 6 3 28",
        "2012 2 4 1 1 1 6 3 6 2 21",
        "unknown . . . . . . 1 . . 1",
        "total 26 25 8 1 11 24 39 25 16 149",
    ]


def test_exact_figures_by_tie(ds: sa.Dataset) -> None:
    """Every kind has a row, in TieKind's order; the totals are by_field's."""
    by_agreement = summary.by_tie(ds, count="agreements")
    assert _printed(by_agreement) == [
        "sister_city 2 . 2 . . 6 1 3 1 13",
        "friendship_city 2 . . . . 1 . 4 1 7",
        "sister_province 3 3 . 1 2 2 4 2 2 18",
        "other . 1 . . 3 3 3 3 1 11",
        "none 1 . . . . . . 1 1 3",
        "not_stated 18 21 6 . 6 12 31 12 10 97",
        "total 26 25 8 1 11 24 39 25 16 149",
    ]
    assert _labels(by_agreement.rows) == [
        ("sister_city", "姉妹都市", "Sister city", None),
        ("friendship_city", "友好都市", "Friendship city", None),
        ("sister_province", "姉妹・友好県省州", "Sister or friendship province/state", None),
        ("other", "その他の関係", "Other tie", None),
        ("none", "関係なし", "No tie", None),
        ("not_stated", "記載なし", "Not stated", None),
        TOTAL,
    ]
    for count in summary.COUNTS:
        assert summary.by_tie(ds, count).cells[-1] == summary.by_field(ds, count).cells[-1]
    listings = summary.by_tie(ds)
    assert (by_agreement.rows_by, listings.rows_by, listings.count) == ("tie", "tie", "listings")
    assert str(listings.cell("sister", "total")) == "15(1)"
    assert str(listings.cell("姉妹都市", "⑨")) == "1"
    assert str(by_agreement.cell("Not stated", "total")) == "97"
    korea = summary.by_tie(ds.filter(country="KR"), count="agreements")
    assert [row.key for row in korea.rows][-1] == "total" and not korea.whole
    assert str(korea.cell("none", "total")) == "1"  # 9-08: a sister city being prepared


def test_exact_figures_on_a_subset(ds: sa.Dataset) -> None:
    shizuoka = ds.filter(prefecture="静岡")
    assert _printed(summary.by_field(shizuoka)) == [
        "one_to_one 2 2 . 1 1 1 1 2 1(1) 11(1)",
        "multilateral 2 . . . . . . . . 2",
        "total 4 2 . 1 1 1 1 2 1(1) 13(1)",
    ]
    assert _printed(summary.by_field(shizuoka, count="agreements")) == [
        "one_to_one 2 2 . 1 1 1 1 2 1 10",
        "multilateral 2 . . . . . . . . 2",
        "total 4 2 . 1 1 1 1 2 1 12",
    ]


def test_titles_say_how_the_table_counts(ds: sa.Dataset) -> None:
    titles = {
        (make.__name__, count): (make(ds, count=count).title_ja, make(ds, count=count).title_en)
        for make in EXPECTED
        for count in summary.COUNTS
    }
    assert titles == {
        ("by_field", "listings"): ("分野別の提携件数", "Agreements by field"),
        ("by_field", "agreements"): (
            "分野別の提携件数（提携・協定単位）",
            "Agreements by field (counted by agreement)",
        ),
        ("by_country", "listings"): (
            "国・地域別の提携等件数",
            "One-to-one agreements by country or region",
        ),
        ("by_country", "agreements"): (
            "国・地域別の提携等件数（提携・協定単位）",
            "One-to-one agreements by country or region (counted by agreement)",
        ),
        ("by_prefecture", "listings"): ("都道府県別の提携件数", "Agreements by prefecture"),
        ("by_prefecture", "agreements"): (
            "都道府県別の提携件数（提携・協定単位）",
            "Agreements by prefecture (counted by agreement)",
        ),
        ("by_year", "listings"): ("締結年別の提携件数", "Agreements by year signed"),
        ("by_year", "agreements"): (
            "締結年別の提携件数（提携・協定単位）",
            "Agreements by year signed (counted by agreement)",
        ),
        ("by_tie", "listings"): (
            "姉妹・友好関係別の提携件数",
            "Agreements by standing tie between the parties",
        ),
        ("by_tie", "agreements"): (
            "姉妹・友好関係別の提携件数（提携・協定単位）",
            "Agreements by standing tie between the parties (counted by agreement)",
        ),
    }


def _labels(labels: tuple[Label, ...]) -> list[tuple[str, str, str, int | None]]:
    return [(label.key, label.ja, label.en, label.rank) for label in labels]


TOTAL = ("total", "合計", "Total", None)


def test_every_label(ds: sa.Dataset) -> None:
    assert _labels(summary.FIELD_COLUMNS) == [
        ("education", "①教育交流", "① Educational exchange", None),
        ("culture", "②文化交流", "② Cultural exchange", None),
        ("sports", "③スポーツ交流", "③ Sports exchange", None),
        ("medicine", "④医療交流", "④ Medical exchange", None),
        (
            "economy_agriculture",
            "⑤経済交流（農業等）",
            "⑤ Economic exchange (agriculture etc.)",
            None,
        ),
        ("economy_industry", "⑥経済交流（工業等）", "⑥ Economic exchange (industry etc.)", None),
        ("economy_commerce", "⑦経済交流（商業等）", "⑦ Economic exchange (commerce etc.)", None),
        ("administration", "⑧行政交流", "⑧ Administrative exchange", None),
        ("other", "⑨その他交流", "⑨ Other exchange", None),
        TOTAL,
    ]
    for make in EXPECTED:
        for count in summary.COUNTS:
            assert make(ds, count=count).columns == summary.FIELD_COLUMNS
    for count in summary.COUNTS:
        assert _labels(summary.by_field(ds, count=count).rows) == [
            ("one_to_one", "1対1の提携", "One-to-one", None),
            ("multilateral", "複数の自治体との提携", "With several governments", None),
            TOTAL,
        ]
    countries = [
        ("CN", "中華人民共和国", "China"), ("KR", "大韓民国", "South Korea"),
        ("US", "アメリカ合衆国", "United States"), ("AU", "オーストラリア連邦", "Australia"),
        ("VN", "ベトナム社会主義共和国", "Vietnam"), ("FR", "フランス共和国", "France"),
        ("CA", "カナダ", "Canada"), ("RU", "ロシア連邦", "Russia"),
        ("IT", "イタリア共和国", "Italy"), ("GB", "英国", "United Kingdom"),
        ("TW", "台湾", "Taiwan"), ("DK", "デンマーク王国", "Denmark"),
        ("HU", "ハンガリー共和国", "Hungary"), ("FI", "フィンランド共和国", "Finland"),
    ]  # fmt: skip
    name = {code: (code, ja, en) for code, ja, en in countries}
    by_listing = zip(countries, (1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, 9, 9, 9), strict=True)
    by_agreement = zip(
        ("CN", "KR", "US", "AU", "FR", "VN", "RU", "IT", "CA", "TW", "DK", "FI"),
        (1, 2, 3, 4, 5, 6, 7, 8, 8, 8, 8, 8),
        strict=True,
    )
    other = ("other", "その他", "Other", None)
    assert _labels(summary.by_country(ds).rows) == [
        (*country, rank) for country, rank in by_listing
    ] + [other, TOTAL]
    assert _labels(summary.by_country(ds, count="agreements").rows) == [
        (*name[code], rank) for code, rank in by_agreement
    ] + [other, TOTAL]
    prefectures = (
        "01 北海道 Hokkaido, 02 青森県 Aomori, 03 岩手県 Iwate, 04 宮城県 Miyagi, 05 秋田県 Akita, "
        "07 福島県 Fukushima, 09 栃木県 Tochigi, 11 埼玉県 Saitama, 12 千葉県 Chiba, "
        "13 東京都 Tokyo, 14 神奈川県 Kanagawa, 15 新潟県 Niigata, 16 富山県 Toyama, "
        "17 石川県 Ishikawa, 18 福井県 Fukui, 19 山梨県 Yamanashi, 20 長野県 Nagano, "
        "21 岐阜県 Gifu, 22 静岡県 Shizuoka, 23 愛知県 Aichi, 24 三重県 Mie, 25 滋賀県 Shiga, "
        "26 京都府 Kyoto, 27 大阪府 Osaka, 28 兵庫県 Hyogo, 30 和歌山県 Wakayama, "
        "31 鳥取県 Tottori, 32 島根県 Shimane, 33 岡山県 Okayama, 34 広島県 Hiroshima, "
        "35 山口県 Yamaguchi, 36 徳島県 Tokushima, 38 愛媛県 Ehime, 39 高知県 Kochi, "
        "40 福岡県 Fukuoka, 41 佐賀県 Saga, 42 長崎県 Nagasaki, 43 熊本県 Kumamoto, "
        "44 大分県 Oita, 45 宮崎県 Miyazaki, 46 鹿児島県 Kagoshima, 47 沖縄県 Okinawa"
    )
    years = (
        "1979 1984 1985 1986 1988 1989 1990 1991 1992 1993 1994 1995 1996 1997 1998 1999 "
        "2001 2002 2003 2004 2005 2006 2007 2008 2009 2010 2011 2012"
    )
    for count in summary.COUNTS:
        assert _labels(summary.by_prefecture(ds, count=count).rows) == [
            (*entry.split(" "), None) for entry in prefectures.split(", ")
        ] + [TOTAL]
        assert _labels(summary.by_year(ds, count=count).rows) == [
            (year, f"{year}年", year, None) for year in years.split()
        ] + [("unknown", "不明", "Unknown", None), TOTAL]


def test_count_is_listings_or_agreements(ds: sa.Dataset) -> None:
    for make in EXPECTED:
        assert make(ds) == make(ds, count="listings")
        with pytest.raises(
            ValueError, match=r"^unknown count 'agreement'; valid: listings, agreements$"
        ):
            make(ds, count="agreement")
        with pytest.raises(TypeError, match=r"^count is a str, not int$"):
            make(ds, count=1)
    with pytest.raises(ValueError, match="'count' must be in"):
        attrs.evolve(published.FIELD_TABLE, count="rows")  # type: ignore[arg-type]


def test_whole_is_by_content(ds: sa.Dataset) -> None:
    assert summary.by_field(ds).whole is True
    assert summary.by_field(ds.filter(field=list(Field))).whole is True
    assert summary.by_field(ds.filter(field=1)).whole is False
    assert summary.by_country(ds.filter(multilateral=False)).whole is False
    assert (published.FIELD_TABLE.count, published.FIELD_TABLE.whole) == ("listings", True)
    assert (published.COUNTRY_TABLE.count, published.COUNTRY_TABLE.whole) == ("listings", True)


# --- diff and --compare refuse tables counted differently ------------------------------

SUBSET_MESSAGE = (
    "cannot compare a table counting listings over a subset with one counting listings over "
    "the whole dataset; the report's printed tables count listings over the whole report"
)
AGREEMENTS_MESSAGE = (
    "cannot compare a table counting agreements over the whole dataset with one counting "
    "listings over the whole dataset; the report's printed tables count listings over the "
    "whole report"
)


def test_diff_refuses_a_subset_or_agreements_against_the_printed_tables(ds: sa.Dataset) -> None:
    shizuoka = ds.filter(prefecture="静岡")
    cases = [
        (summary.by_field(shizuoka).diff, published.FIELD_TABLE, SUBSET_MESSAGE),
        (summary.by_country(shizuoka).diff, published.COUNTRY_TABLE, SUBSET_MESSAGE),
        (summary.by_field(ds, count="agreements").diff, published.FIELD_TABLE, AGREEMENTS_MESSAGE),
        (
            summary.by_country(ds, count="agreements").diff,
            published.COUNTRY_TABLE,
            AGREEMENTS_MESSAGE,
        ),
    ]
    for diff, printed, message in cases:
        with pytest.raises(sa.IncomparableTablesError) as caught:
            diff(printed)
        assert str(caught.value) == message
        assert isinstance(caught.value, ValueError)
    with pytest.raises(sa.IncomparableTablesError) as caught:
        published.FIELD_TABLE.diff(summary.by_field(shizuoka))
    assert str(caught.value).startswith(
        "cannot compare a table counting listings over the whole dataset with one counting "
        "listings over a subset;"
    )


def test_diff_of_tables_counted_alike(ds: sa.Dataset) -> None:
    hungary = summary.by_field(ds.filter(country="HU"))
    finland = summary.by_field(ds.filter(country="FI"))
    assert [(d.row, d.column, str(d.ours), str(d.theirs)) for d in hungary.diff(finland)] == [
        ("one_to_one", "education", "1", ""),
        ("one_to_one", "culture", "1(1)", ""),
        ("one_to_one", "economy_agriculture", "", "1"),
        ("one_to_one", "economy_commerce", "", "1"),
        ("one_to_one", "total", "2(1)", "2"),
        ("multilateral", "economy_industry", "1", ""),
        ("multilateral", "total", "1", ""),
        ("total", "education", "1", ""),
        ("total", "culture", "1(1)", ""),
        ("total", "economy_agriculture", "", "1"),
        ("total", "economy_industry", "1", ""),
        ("total", "economy_commerce", "", "1"),
        ("total", "total", "3(1)", "2"),
    ]
    by_agreement = summary.by_field(ds, count="agreements")
    assert by_agreement.diff(summary.by_field(ds.filter(field=list(Field)), "agreements")) == ()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["summary", "--compare", "--prefecture", "静岡"], SUBSET_MESSAGE),
        (["summary", "--table", "country", "--compare", "--one-to-one"], SUBSET_MESSAGE),
        (["summary", "--compare", "--count", "agreements"], AGREEMENTS_MESSAGE),
        (
            ["summary", "--table", "country", "--compare", "--count", "agreements"],
            AGREEMENTS_MESSAGE,
        ),
    ],
)
def test_compare_refuses_a_subset_or_agreements(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(argv) == 2
    assert capsys.readouterr() == ("", f"sister-agreements: error: --compare: {message}\n")


def test_compare_accepts_a_filter_that_keeps_everything(capsys: pytest.CaptureFixture[str]) -> None:
    fields = [arg for number in range(1, 10) for arg in ("--field", str(number))]
    assert cli.main(["summary", "--compare", "--format", "csv", "--lang", "en", *fields]) == 0
    assert capsys.readouterr().out == (
        "row,column,computed,printed\n"
        "one_to_one,administration,24(8),23(8)\n"
        "one_to_one,total,153(23),152(23)\n"
        "multilateral,administration,1,2\n"
        "multilateral,total,22(2),23(2)\n"
    )


def test_cli_counts_agreements(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        cli.main(["summary", "--count", "agreements", "--lang", "en", "--format", "markdown"]) == 0
    )
    assert capsys.readouterr().out.splitlines() == [
        "## Agreements by field (counted by agreement)",
        "",
        "|  | ① Educational exchange | ② Cultural exchange | ③ Sports exchange "
        "| ④ Medical exchange | ⑤ Economic exchange (agriculture etc.) "
        "| ⑥ Economic exchange (industry etc.) | ⑦ Economic exchange (commerce etc.) "
        "| ⑧ Administrative exchange | ⑨ Other exchange | Total |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
        "| One-to-one | 24 | 22 | 4 | 1 | 10 | 21 | 33 | 24 | 14 | 129 |",
        "| With several governments | 2 | 3 | 4 |  | 1 | 3 | 6 | 1 | 2 | 20 |",
        "| Total | 26 | 25 | 8 | 1 | 11 | 24 | 39 | 25 | 16 | 149 |",
    ]
    assert cli.main(["summary", "--count", "agreement"]) == 2
    assert capsys.readouterr().err == (
        "sister-agreements: error: argument --count: invalid choice: 'agreement' "
        "(choose from 'listings', 'agreements') (see sister-agreements summary --help)\n"
    )


# --- the wide form ---------------------------------------------------------------------

WIDE_JA = (
    ",①教育交流,①教育交流（再掲）,②文化交流,②文化交流（再掲）,③スポーツ交流,③スポーツ交流（再掲）,"
    "④医療交流,④医療交流（再掲）,⑤経済交流（農業等）,⑤経済交流（農業等）（再掲）,"
    "⑥経済交流（工業等）,⑥経済交流（工業等）（再掲）,⑦経済交流（商業等）,⑦経済交流（商業等）（再掲）,"
    "⑧行政交流,⑧行政交流（再掲）,⑨その他交流,⑨その他交流（再掲）,合計,合計（再掲）\n"
    "1対1の提携,24,0,22,4,4,0,1,0,10,1,21,0,33,1,24,8,14,9,153,23\n"
    "複数の自治体との提携,2,0,3,0,4,1,0,0,1,0,3,0,6,1,1,0,2,0,22,2\n"
    "合計,26,0,25,4,8,1,1,0,11,1,24,0,39,2,25,8,16,9,175,25\n"
)
WIDE_EN_COLUMNS = [
    "① Educational exchange", "① Educational exchange (re-listed)",
    "② Cultural exchange", "② Cultural exchange (re-listed)",
    "③ Sports exchange", "③ Sports exchange (re-listed)",
    "④ Medical exchange", "④ Medical exchange (re-listed)",
    "⑤ Economic exchange (agriculture etc.)", "⑤ Economic exchange (agriculture etc.) (re-listed)",
    "⑥ Economic exchange (industry etc.)", "⑥ Economic exchange (industry etc.) (re-listed)",
    "⑦ Economic exchange (commerce etc.)", "⑦ Economic exchange (commerce etc.) (re-listed)",
    "⑧ Administrative exchange", "⑧ Administrative exchange (re-listed)",
    "⑨ Other exchange", "⑨ Other exchange (re-listed)",
    "Total", "Total (re-listed)",
]  # fmt: skip
WIDE_EN = (
    ",".join(["", *WIDE_EN_COLUMNS]) + "\n"
    "One-to-one,24,0,22,4,4,0,1,0,10,1,21,0,33,1,24,8,14,9,153,23\n"
    "With several governments,2,0,3,0,4,1,0,0,1,0,3,0,6,1,1,0,2,0,22,2\n"
    "Total,26,0,25,4,8,1,1,0,11,1,24,0,39,2,25,8,16,9,175,25\n"
)
WIDE_AGREEMENTS_JA = (
    ",①教育交流,②文化交流,③スポーツ交流,④医療交流,⑤経済交流（農業等）,⑥経済交流（工業等）,"
    "⑦経済交流（商業等）,⑧行政交流,⑨その他交流,合計\n"
    "1対1の提携,24,22,4,1,10,21,33,24,14,129\n"
    "複数の自治体との提携,2,3,4,0,1,3,6,1,2,20\n"
    "合計,26,25,8,1,11,24,39,25,16,149\n"
)


def test_wide_csv(ds: sa.Dataset) -> None:
    table = summary.by_field(ds)
    assert table.to_csv(form="wide", lang="ja") == table.to_csv(form="wide") == WIDE_JA
    assert table.to_csv(form="wide", lang="en") == WIDE_EN
    by_agreement = summary.by_field(ds, count="agreements")
    assert by_agreement.to_csv(form="wide", lang="ja") == WIDE_AGREEMENTS_JA
    assert table.to_csv(form="long", lang="en") == table.to_csv()
    country = summary.by_country(ds, count="agreements").to_csv(form="wide", lang="en")
    assert country.splitlines()[1:3] == [
        "1 China,9,6,0,1,5,8,15,8,6,48",
        "2 South Korea,3,9,3,0,2,0,6,6,2,25",
    ]


def test_wide_pandas(ds: sa.Dataset) -> None:
    pytest.importorskip("pandas")
    frame = summary.by_field(ds).to_pandas(form="wide", lang="en")
    assert frame.shape == (3, 20)
    assert list(frame.index) == ["One-to-one", "With several governments", "Total"]
    assert list(frame.columns) == WIDE_EN_COLUMNS
    assert {str(dtype) for dtype in frame.dtypes} == {"int64"}
    assert frame.loc["Total"].tolist() == [
        26, 0, 25, 4, 8, 1, 1, 0, 11, 1, 24, 0, 39, 2, 25, 8, 16, 9, 175, 25
    ]  # fmt: skip
    assert frame.to_csv(lineterminator="\n") == WIDE_EN
    by_agreement = summary.by_field(ds, count="agreements").to_pandas(form="wide", lang="ja")
    assert by_agreement.shape == (3, 10)
    assert list(by_agreement.index) == ["1対1の提携", "複数の自治体との提携", "合計"]
    assert list(by_agreement.columns) == [label.ja for label in summary.FIELD_COLUMNS]
    assert {str(dtype) for dtype in by_agreement.dtypes} == {"int64"}
    assert by_agreement.loc["合計", "合計"] == 149


def test_bad_form_or_language(ds: sa.Dataset) -> None:
    table = summary.by_field(ds)
    for convert in (table.to_csv, table.to_pandas):
        if convert == table.to_pandas:
            pytest.importorskip("pandas")
        with pytest.raises(ValueError, match=r"^unknown form 'tall'; valid: long, wide$"):
            convert(form="tall")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"^form is a str, not NoneType$"):
            convert(form=None)  # type: ignore[arg-type]
        for form in summary.FORMS:
            with pytest.raises(LookupError, match=r"^unknown language 'fr'; valid: ja, en$"):
                convert(form=form, lang="fr")  # type: ignore[arg-type]


def test_cell_rows_by_the_labels_the_table_prints(ds: sa.Dataset) -> None:
    table = summary.by_country(ds)
    assert table.cell("1 中華人民共和国", "合計") == table.cell("1 China", "total") == Cell(58, 10)
    years = summary.by_year(ds)
    assert (
        years.cell("昭和54年", "total") == years.cell(1979, "合計") == years.cell("1979年", "Total")
    )


def test_a_country_below_the_top_ranks_points_to_other(ds: sa.Dataset) -> None:
    with pytest.raises(UnknownValueError) as raised:
        summary.by_country(ds).cell("Brazil", "total")
    assert raised.value.closest[0].startswith("other (Other)")


@pytest.mark.parametrize(
    ("ours", "printed", "message"),
    [
        (lambda ds: summary.by_country(ds, top=3), published.COUNTRY_TABLE, "top 3"),
        (summary.by_field, published.COUNTRY_TABLE, "by shape with one by country"),
        (summary.by_prefecture, published.FIELD_TABLE, "by prefecture with one by shape"),
        (summary.by_year, published.COUNTRY_TABLE, "by year with one by country"),
    ],
)
def test_diff_refuses_tables_of_other_rows_or_ranks(
    ds: sa.Dataset,
    ours: Callable[[sa.Dataset], summary.CountTable],
    printed: summary.CountTable,
    message: str,
) -> None:
    with pytest.raises(sa.IncomparableTablesError, match=message):
        ours(ds).diff(printed)
    assert (published.COUNTRY_TABLE.rows_by, published.COUNTRY_TABLE.top) == ("country", 10)
    assert len(summary.by_country(ds).diff(published.COUNTRY_TABLE)) == 7


def test_diff_says_how_the_tables_differ(ds: sa.Dataset) -> None:
    with pytest.raises(sa.IncomparableTablesError) as raised:
        summary.by_country(ds, top=3).diff(published.COUNTRY_TABLE)
    assert str(raised.value) == (
        "cannot compare a table by country, top 3 with one by country, top 10; "
        "the report's printed tables are by shape (Table 1) and by country, top 10"
    )
