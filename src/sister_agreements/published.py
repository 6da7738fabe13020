"""The report's own printed tables, verbatim, and its metadata.

``FIELD_TABLE`` is 【分野別の提携件数】 (Table 1) and ``COUNTRY_TABLE`` is
【国・地域別の提携等件数】 (Table 2), each cell copied as printed ("22(4)": 22
listings of which 4 are re-listings; "" where the report leaves the cell blank).
They use the row and column keys of ``summary.by_field`` and ``summary.by_country``
so that ``table.diff()`` compares like with like. They count listings over the whole
report (``count="listings"``, ``whole=True``), so ``diff`` refuses a computed table of a
subset or of agreements. The report heads column ③
"③姉妹都市" in both tables although field ③ is スポーツ交流; the columns here use
the taxonomy's labels. Every table here is read-only: the texts are tuples and a
``MappingProxyType``, the tables frozen ``CountTable``s.
"""

from __future__ import annotations

import re
import types
from collections.abc import Mapping

from sister_agreements.summary import FIELD_COLUMNS, TOTAL_ROW, Cell, CountTable, Label

SURVEY_MONTH = "2012-08"
PUBLISHER_JA = "財団法人自治体国際化協会"
TITLE_JA = "特定分野における提携・協定等に関する調査結果"

#: The printed cells of Table 1: ①–⑨ and 合計, per row. Read-only.
FIELD_TABLE_TEXT: Mapping[str, tuple[str, ...]] = types.MappingProxyType({
    "1対1の提携": ("24", "22(4)", "4", "1", "10(1)", "21", "33(1)", "23(8)", "14(9)", "152(23)"),
    "複数の自治体との提携": ("2", "3", "4(1)", "", "1", "3", "6(1)", "2", "2", "23(2)"),
    "合計": ("26", "25(4)", "8(1)", "1", "11(1)", "24", "39(2)", "25(8)", "16(9)", "175(25)"),
})  # fmt: skip

#: The printed rows of Table 2: (rank, country as printed, ISO code, cells ①–⑨ and 合計).
COUNTRY_TABLE_TEXT: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "1",
        "中華人民共和国",
        "CN",
        ("9", "6(2)", "", "1(0)", "5(1)", "8", "15", "8(2)", "6(5)", "58(10)"),
    ),
    ("2", "大韓民国", "KR", ("3", "9(1)", "3", "", "2", "", "6(1)", "6(3)", "2(1)", "31(6)")),
    ("3", "アメリカ合衆国", "US", ("4", "", "", "", "", "3", "2", "", "1(1)", "10(1)")),
    ("4", "オーストラリア連邦", "AU", ("3", "1", "", "", "", "1", "", "1", "3", "9")),
    ("5", "ベトナム社会主義共和国", "VN", ("", "", "", "", "", "2", "2", "4(2)", "", "8(2)")),
    ("6", "フランス共和国", "FR", ("", "2", "1", "", "1", "1", "1", "1", "", "7")),
    ("7", "カナダ", "CA", ("1", "1", "", "", "", "1", "", "1(1)", "1(1)", "5(2)")),
    ("8", "ロシア連邦", "RU", ("1", "", "", "", "", "1", "1", "", "", "3")),
    ("9", "イタリア共和国", "IT", ("", "1", "", "", "", "1", "", "", "", "2")),
    ("9", "英国", "GB", ("", "", "", "", "", "", "", "1", "1(1)", "2(1)")),
    ("9", "台湾", "TW", ("", "", "", "", "", "", "2", "", "", "2")),
    ("9", "デンマーク王国", "DK", ("", "", "", "", "", "2", "", "", "", "2")),
    ("9", "ハンガリー共和国", "HU", ("1", "1(1)", "", "", "", "", "", "", "", "2(1)")),
    ("9", "フィンランド共和国", "FI", ("", "", "", "", "1", "", "1", "", "", "2")),
    ("", "その他", "other", ("2", "1", "", "", "1", "1", "3", "1", "", "9")),
    (
        "",
        "合計",
        "total",
        ("24", "22(4)", "4", "1", "10(1)", "21", "33(1)", "23(8)", "14(9)", "152(23)"),
    ),
)

_ENGLISH = {
    "CN": "China", "KR": "South Korea", "US": "United States", "AU": "Australia",
    "VN": "Vietnam", "FR": "France", "CA": "Canada", "RU": "Russia", "IT": "Italy",
    "GB": "United Kingdom", "TW": "Taiwan", "DK": "Denmark", "HU": "Hungary",
    "FI": "Finland", "other": "Other", "total": "Total",
}  # fmt: skip


def parse_cell(text: str) -> Cell:
    """Read a printed cell: "22(4)" -> Cell(22, 4), "" -> Cell(0, 0)."""
    match = re.fullmatch(r"(\d*)(?:\((\d+)\))?", text)
    if match is None:
        raise ValueError(f"not a printed count: {text!r}")
    return Cell(int(match[1] or 0), int(match[2] or 0))


def _cells(texts: tuple[str, ...]) -> tuple[Cell, ...]:
    return tuple(parse_cell(text) for text in texts)


FIELD_TABLE = CountTable(
    "分野別の提携件数",
    "Agreements by field (as printed)",
    (
        Label("one_to_one", "1対1の提携", "One-to-one"),
        Label("multilateral", "複数の自治体との提携", "With several governments"),
        TOTAL_ROW,
    ),
    FIELD_COLUMNS,
    tuple(_cells(texts) for texts in FIELD_TABLE_TEXT.values()),
)
"""Table 1 as printed."""

COUNTRY_TABLE = CountTable(
    "国・地域別の提携等件数",
    "One-to-one agreements by country or region (as printed)",
    tuple(
        Label(code, name, _ENGLISH[code], int(rank) if rank else None)
        for rank, name, code, _ in COUNTRY_TABLE_TEXT
    ),
    FIELD_COLUMNS,
    tuple(_cells(texts) for *_, texts in COUNTRY_TABLE_TEXT),
    rows_by="country",
    top=10,
)
"""Table 2 as printed."""
