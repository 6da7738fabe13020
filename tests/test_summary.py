"""Summary tables against the report's printed tables, and their renderings."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sister_agreements as sa
from sister_agreements import Field, published, summary
from sister_agreements._render import display_width
from sister_agreements.summary import Cell, CellDifference

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
    with pytest.raises(LookupError, match="valid: one_to_one, multilateral, total"):
        table.cell("nope", "culture")


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


def test_by_country_top(ds: sa.Dataset) -> None:
    top3 = summary.by_country(ds, top=3)
    assert [r.key for r in top3.rows] == ["CN", "KR", "US", "other", "total"]
    assert top3.cell("other", "total").total == 153 - 58 - 31 - 10
    with pytest.raises(TypeError):
        summary.by_country(ds, top="3")  # type: ignore[arg-type]


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
