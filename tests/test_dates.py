from __future__ import annotations

import datetime
import inspect
import operator
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from japanera import EraDate
from kanjize import KanjizeConfiguration, KanjizeStyle, number2kanji

from sister_agreements import PartialDate, dates
from sister_agreements.dates import ERAS, GREGORIAN_START, era_years

FLAT = KanjizeConfiguration(style=KanjizeStyle.FLAT)


# --- eras ------------------------------------------------------------------------------


def test_eras_are_the_five_modern_eras_and_read_only() -> None:
    assert dict(ERAS) == {
        "明治": datetime.date(1868, 1, 25),
        "大正": datetime.date(1912, 7, 30),
        "昭和": datetime.date(1926, 12, 25),
        "平成": datetime.date(1989, 1, 8),
        "令和": datetime.date(2019, 5, 1),
    }
    assert datetime.date(1873, 1, 1) == GREGORIAN_START
    with pytest.raises(TypeError):
        ERAS["令和"] = datetime.date(2019, 4, 1)  # type: ignore[index]


def test_the_era_dates_read_in_the_docs_are_the_eras() -> None:
    """ERAS and GREGORIAN_START are made on first use; their documentation (in the module's
    source, which the API reference renders) names the same days."""
    source = " ".join(inspect.getsource(dates).split())
    assert all(f"{era} {day.isoformat()}" in source for era, day in ERAS.items())
    assert f"calendar, {GREGORIAN_START.isoformat()} (明治6年1月1日)" in source


@pytest.mark.parametrize(
    ("date", "era"),
    [
        # the day before and the first day of each era, and the ends of the range
        (PartialDate(1873, 1, 1), "明治6年1月1日"),
        (PartialDate(1912, 7, 29), "明治45年7月29日"),
        (PartialDate(1912, 7, 30), "大正元年7月30日"),
        (PartialDate(1926, 12, 24), "大正15年12月24日"),
        (PartialDate(1926, 12, 25), "昭和元年12月25日"),
        (PartialDate(1989, 1, 7), "昭和64年1月7日"),
        (PartialDate(1989, 1, 8), "平成元年1月8日"),
        (PartialDate(2019, 4, 30), "平成31年4月30日"),
        (PartialDate(2019, 5, 1), "令和元年5月1日"),
        (PartialDate(9999, 12, 31), "令和7981年12月31日"),
        # inside eras
        (PartialDate(1913, 1, 1), "大正2年1月1日"),
        (PartialDate(1989, 11, 11), "平成元年11月11日"),
        (PartialDate(2004, 12, 24), "平成16年12月24日"),
        (PartialDate(2020, 1, 1), "令和2年1月1日"),
        (PartialDate(1979, 3), "昭和54年3月"),
        (PartialDate(1995), "平成7年"),
        # years and months spanning a switch: the era in force on their last day
        (PartialDate(1873), "明治6年"),
        (PartialDate(1873, 1), "明治6年1月"),
        (PartialDate(1912), "大正元年"),
        (PartialDate(1912, 7), "大正元年7月"),
        (PartialDate(1912, 6), "明治45年6月"),
        (PartialDate(1926), "昭和元年"),
        (PartialDate(1926, 12), "昭和元年12月"),
        (PartialDate(1926, 11), "大正15年11月"),
        (PartialDate(1989), "平成元年"),
        (PartialDate(1989, 1), "平成元年1月"),
        (PartialDate(2019), "令和元年"),
        (PartialDate(2019, 4), "平成31年4月"),
        (PartialDate(2019, 5), "令和元年5月"),
        (PartialDate(9999), "令和7981年"),
    ],
)
def test_to_era_and_back(date: PartialDate, era: str) -> None:
    assert date.to_era() == era
    assert PartialDate.parse(era) == date


@pytest.mark.parametrize(
    "date", [PartialDate(1872, 12, 31), PartialDate(1872, 12), PartialDate(1872), PartialDate(1)]
)
def test_to_era_before_the_gregorian_calendar_is_an_error(date: PartialDate) -> None:
    with pytest.raises(ValueError, match=rf"^{date} is before 1873, the Gregorian calendar$"):
        date.to_era()


# --- parse -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "date"),
    [
        # as the report prints them
        ("平成16（2004）年12月24日", PartialDate(2004, 12, 24)),
        ("平成11（1999）年8月", PartialDate(1999, 8)),
        ("平成7（1995）年", PartialDate(1995)),
        ("平成 1 1 （ 1 9 9 9 ） 年 8 月 3 日", PartialDate(1999, 8, 3)),
        ("黒竜江省：平成元（1989）年11月11日", PartialDate(1989, 11, 11)),
        ("平成18年(2006)年3月16日に改めて締結した", PartialDate(2006, 3, 16)),
        ("昭和54（1979）年3月31日", PartialDate(1979, 3, 31)),
        ("平成4（1992）年から開始", PartialDate(1992)),
        # the Western year in every bracket form
        ("平成16年（2004年）12月24日", PartialDate(2004, 12, 24)),
        ("平成16(2004年)12月24日", PartialDate(2004, 12, 24)),
        ("平成16年(2004)12月24日", PartialDate(2004, 12, 24)),
        # era only, every era, 元年
        ("明治6年1月1日", PartialDate(1873, 1, 1)),
        ("明治45年7月29日", PartialDate(1912, 7, 29)),
        ("大正元年7月30日", PartialDate(1912, 7, 30)),
        ("昭和元年12月25日", PartialDate(1926, 12, 25)),
        ("昭和64年", PartialDate(1989)),
        ("昭和64年1月", PartialDate(1989, 1)),
        ("平成元年1月8日", PartialDate(1989, 1, 8)),
        ("平成31年4月30日", PartialDate(2019, 4, 30)),
        ("平成31年", PartialDate(2019)),
        ("令和元年5月1日", PartialDate(2019, 5, 1)),
        ("令和元年", PartialDate(2019)),
        # full-width digits, kanji numerals, ligatures
        ("平成１６年１２月２４日", PartialDate(2004, 12, 24)),
        ("昭和五十二年", PartialDate(1977)),
        ("平成十六年十二月二十四日", PartialDate(2004, 12, 24)),
        ("平成元年十一月十一日", PartialDate(1989, 11, 11)),
        ("平成十六（二〇〇四）年", PartialDate(2004)),
        ("㍾6年", PartialDate(1873)),
        ("㍽元年8月", PartialDate(1912, 8)),
        ("㍼64年1月7日", PartialDate(1989, 1, 7)),
        ("㍻16年12月24日", PartialDate(2004, 12, 24)),
        ("㋿元年5月1日", PartialDate(2019, 5, 1)),
        # Western dates
        ("2004年12月24日", PartialDate(2004, 12, 24)),
        ("２００４年１２月", PartialDate(2004, 12)),
        ("二〇〇四年十二月二十四日", PartialDate(2004, 12, 24)),
        ("締結は1850年", PartialDate(1850)),
    ],
)
def test_parse(printed: str, date: PartialDate) -> None:
    assert PartialDate.parse(printed) == date


@pytest.mark.parametrize(
    ("printed", "message"),
    [
        ("昭和64年2月1日", "昭和 was not in force in 1989-02-01"),
        ("平成31年5月1日", "平成 was not in force in 2019-05-01"),
        ("平成元年1月7日", "平成 was not in force in 1989-01-07"),
        ("令和元年4月30日", "令和 was not in force in 2019-04-30"),
        ("令和元年4月", "令和 was not in force in 2019-04"),
        ("明治45年7月30日", "明治 was not in force in 1912-07-30"),
        ("大正16年", "大正 was not in force in 1927"),
        ("昭和0年", "昭和 was not in force in 1925"),
        ("昭和64(1989)年2月1日", "昭和 was not in force in 1989-02-01"),
        ("明治5年", "1872 is before 1873, the Gregorian calendar"),
        ("明治5年12月2日", "1872-12-02 is before 1873, the Gregorian calendar"),
        ("令和7982年", "year 10000 is not 1-9999"),
        ("平成16年13月", "month 13 is not 1-12"),
        ("平成16年2月30日", "day 30 is not 1-29 in 2004-02"),
        ("平成十十年", "not a kanji numeral: '十十'"),
        ("--", "no date in '--'"),
        ("平成", "no date in '平成'"),
    ],
)
def test_parse_rejects_dates_that_never_were(printed: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        PartialDate.parse(printed)


def test_era_year_and_western_year_that_disagree() -> None:
    with pytest.raises(
        ValueError,
        match=r"^'平成22\(2012\)年7月6日': 平成22年 is 2010, not 2012; "
        r"pass keep_western=True to keep the Western year$",
    ):
        PartialDate.parse("平成22（2012）年7月6日")
    assert PartialDate.parse("平成22（2012）年7月6日", keep_western=True) == PartialDate(2012, 7, 6)
    assert PartialDate.parse("平成16（2004）年", keep_western=True) == PartialDate(2004)
    with pytest.raises(ValueError, match="昭和 was not in force in 2012"):
        PartialDate.parse("昭和50（2012）年", keep_western=True)


def test_era_years_exposes_both_years() -> None:
    assert era_years("平成22（2012）年7月6日") == [("平成22(2012)年7月6日", 2010, 2012)]
    assert era_years("平成18年(2006)年3月16日に、平成十六年（二〇〇四年）") == [
        ("平成18年(2006)年3月16日", 2006, 2006),
        ("平成十六年(二〇〇四年)", 2004, 2004),
    ]
    assert era_years("黒竜江省：平成元（1989）年11月11日\n吉林省：平成元（1989）年11月13日") == [
        ("平成元(1989)年11月11日", 1989, 1989),
        ("平成元(1989)年11月13日", 1989, 1989),
    ]
    assert era_years("平成16年12月24日、2004年") == []


@given(st.integers(1, 7981))
def test_kanji_era_years_agree_with_kanjize(number: int) -> None:
    expected = PartialDate(2018 + number)
    assert PartialDate.parse(f"令和{number2kanji(number)}年") == expected
    assert PartialDate.parse(f"令和{number2kanji(number, config=FLAT)}年") == expected


@given(st.dates(datetime.date(1000, 1, 1), datetime.date(9999, 12, 31)))
def test_kanji_western_dates_agree_with_kanjize(day: datetime.date) -> None:
    text = (
        f"{number2kanji(day.year, config=FLAT)}年"
        f"{number2kanji(day.month)}月{number2kanji(day.day)}日"
    )
    assert PartialDate.parse(text) == PartialDate(day.year, day.month, day.day)


# --- round trips and the independent calendar --------------------------------------------

_ERA_RANGE = st.dates(GREGORIAN_START, datetime.date(9999, 12, 31))


@given(_ERA_RANGE)
def test_every_date_round_trips_through_the_era_form(day: datetime.date) -> None:
    date = PartialDate(day.year, day.month, day.day)
    assert PartialDate.parse(date.to_era()) == date


@given(st.integers(1873, 9999), st.none() | st.integers(1, 12))
def test_every_year_and_month_round_trips_through_the_era_form(
    year: int, month: int | None
) -> None:
    date = PartialDate(year, month)
    assert PartialDate.parse(date.to_era()) == date


# japanera cannot place 9999-12-31 (its last era ends there); test_to_era_and_back pins it.
@given(st.dates(GREGORIAN_START, datetime.date(9999, 12, 30)))
def test_to_era_agrees_with_japanera(day: datetime.date) -> None:
    other = EraDate.from_date(day)
    number = other.strftime("%-Y")
    expected = f"{other.era.kanji}{'元' if number == '1' else number}年{day.month}月{day.day}日"
    assert PartialDate(day.year, day.month, day.day).to_era() == expected


# --- construction, ISO, bounds ---------------------------------------------------------

_PARTIAL_DATES = st.builds(
    lambda day, parts: PartialDate(
        day.year, day.month if parts > 1 else None, day.day if parts > 2 else None
    ),
    st.dates(),
    st.integers(1, 3),
)


@pytest.mark.parametrize(
    ("iso", "date"),
    [
        ("2004-12-24", PartialDate(2004, 12, 24)),
        ("1999-08", PartialDate(1999, 8)),
        ("1995", PartialDate(1995)),
        ("9999-12", PartialDate(9999, 12)),
        ("9999-12-31", PartialDate(9999, 12, 31)),
        ("0001", PartialDate(1)),
    ],
)
def test_fromisoformat(iso: str, date: PartialDate) -> None:
    assert PartialDate.fromisoformat(iso) == date
    assert date.isoformat() == str(date) == iso


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("2004-13", "month 13 is not 1-12"),
        ("2004-02-30", "day 30 is not 1-29 in 2004-02"),
        ("0000", "year 0 is not 1-9999"),
        ("04-12-24", "not a partial ISO date: '04-12-24'"),
        ("2004/12/24", "not a partial ISO date: '2004/12/24'"),
        ("10000", "not a partial ISO date: '10000'"),
        ("２００４", "not a partial ISO date: '２００４'"),
        ("", "not a partial ISO date: ''"),
    ],
)
def test_invalid_iso(bad: str, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{message}$"):
        PartialDate.fromisoformat(bad)


@given(_PARTIAL_DATES)
def test_iso_round_trip(date: PartialDate) -> None:
    assert PartialDate.fromisoformat(date.isoformat()) == date


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((0,), "year 0 is not 1-9999"),
        ((-1,), "year -1 is not 1-9999"),
        ((10000,), "year 10000 is not 1-9999"),
        ((2004, 0), "month 0 is not 1-12"),
        ((2004, 13), "month 13 is not 1-12"),
        ((2004, 12, 0), "day 0 is not 1-31 in 2004-12"),
        ((2004, 12, 32), "day 32 is not 1-31 in 2004-12"),
        ((2001, 2, 29), "day 29 is not 1-28 in 2001-02"),
        ((2004, None, 3), "day 3 needs a month"),
    ],
)
def test_out_of_range_parts_name_the_value(args: tuple[Any, ...], message: str) -> None:
    with pytest.raises(ValueError, match=f"^{message}$"):
        PartialDate(*args)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("2004",), "year must be an int, not '2004'"),
        ((True,), "year must be an int, not True"),
        ((2004, 1.0), "month must be an int, not 1.0"),
        ((2004, 1, "1"), "day must be an int, not '1'"),
    ],
)
def test_parts_must_be_ints(args: tuple[Any, ...], message: str) -> None:
    with pytest.raises(TypeError, match=f"^{message}$"):
        PartialDate(*args)


@pytest.mark.parametrize(
    ("date", "first", "last"),
    [
        (PartialDate(2004, 12, 24), datetime.date(2004, 12, 24), datetime.date(2004, 12, 24)),
        (PartialDate(1999, 8), datetime.date(1999, 8, 1), datetime.date(1999, 8, 31)),
        (PartialDate(2024, 2), datetime.date(2024, 2, 1), datetime.date(2024, 2, 29)),
        (PartialDate(2023, 2), datetime.date(2023, 2, 1), datetime.date(2023, 2, 28)),
        (PartialDate(1995), datetime.date(1995, 1, 1), datetime.date(1995, 12, 31)),
        (PartialDate(9999), datetime.date(9999, 1, 1), datetime.date(9999, 12, 31)),
        (PartialDate(9999, 12), datetime.date(9999, 12, 1), datetime.date(9999, 12, 31)),
    ],
)
def test_first_and_last_day(date: PartialDate, first: datetime.date, last: datetime.date) -> None:
    assert (date.first_day(), date.last_day()) == (first, last)


# --- order -----------------------------------------------------------------------------


def test_a_partial_date_sorts_before_the_fuller_dates_it_contains() -> None:
    ordered = [
        PartialDate(1994, 12, 31),
        PartialDate(1995),
        PartialDate(1995, 1),
        PartialDate(1995, 1, 1),
        PartialDate(1995, 1, 2),
        PartialDate(1995, 2),
        PartialDate(1996),
    ]
    assert sorted(reversed(ordered)) == ordered
    assert (
        PartialDate(1995) < PartialDate(1995, 1) <= PartialDate(1995, 1) < PartialDate(1995, 1, 1)
    )
    assert PartialDate(1995, 12, 31) > PartialDate(1995, 12) >= PartialDate(1995)


@given(_PARTIAL_DATES, _PARTIAL_DATES)
def test_order_follows_the_calendar(a: PartialDate, b: PartialDate) -> None:
    if a.last_day() < b.first_day():
        assert a < b and b > a and a != b
    assert (a < b) + (a == b) + (a > b) == 1


@pytest.mark.parametrize("compare", [operator.lt, operator.le, operator.gt, operator.ge])
@pytest.mark.parametrize("other", [1995, "1995", datetime.date(1995, 1, 1), None])
def test_comparing_with_other_types_is_a_type_error(
    compare: Callable[[Any, Any], bool], other: Any
) -> None:
    with pytest.raises(TypeError):
        compare(PartialDate(1995), other)
    assert PartialDate(1995).__lt__(other) is NotImplemented
    assert PartialDate(1995) != other


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("平成十六年十二月廿四日", "2004-12-24"),
        ("平成十六年十二月卅日", "2004-12-30"),
        ("二千四年", "2004"),
        ("二千四年十二月", "2004-12"),
        ("千九百八十九年", "1989"),
    ],
)
def test_parse_old_numerals_and_kanji_western_years(text: str, iso: str) -> None:
    assert PartialDate.parse(text).isoformat() == iso


@pytest.mark.parametrize("text", ["2004年12月100日", "2004年123月", "平成16年12月２４４日"])
def test_parse_refuses_a_month_or_day_it_cannot_read(text: str) -> None:
    with pytest.raises(ValueError, match="a month or day of the date cannot be read"):
        PartialDate.parse(text)


def test_a_star_import_gives_the_era_tables_made_on_first_use() -> None:
    names: dict[str, object] = {}
    exec("from sister_agreements.dates import *", names)
    del names["__builtins__"]
    assert sorted(names) == ["ERAS", "GREGORIAN_START", "PartialDate", "era_years"]
    assert names["ERAS"] is dates.ERAS
    assert names["GREGORIAN_START"] == datetime.date(1873, 1, 1)


def test_a_star_import_in_a_fresh_process_gives_the_era_tables() -> None:
    code = (
        "from sister_agreements.dates import *\n"
        "print(GREGORIAN_START.isoformat(), *(f'{e}={d.isoformat()}' for e, d in ERAS.items()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == [
        "1873-01-01", "明治=1868-01-25", "大正=1912-07-30", "昭和=1926-12-25",
        "平成=1989-01-08", "令和=2019-05-01",
    ]  # fmt: skip
