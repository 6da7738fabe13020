from __future__ import annotations

import datetime

import pytest

from sister_agreements import PartialDate
from sister_agreements.dates import era_years


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("平成16（2004）年12月24日", "2004-12-24"),
        ("平成11（1999）年8月", "1999-08"),
        ("平成7（1995）年", "1995"),
        ("平成 1 1 （ 1 9 9 9 ） 年 8 月 3 日", "1999-08-03"),
        ("黒竜江省：平成元（1989）年11月11日", "1989-11-11"),
        ("平成18年(2006)年3月16日に改めて締結した", "2006-03-16"),
        ("昭和54（1979）年3月31日", "1979-03-31"),
    ],
)
def test_parse_report_forms(printed: str, iso: str) -> None:
    assert PartialDate.parse(printed).isoformat() == iso


def test_parse_keeps_the_western_year_and_era_years_exposes_both() -> None:
    assert PartialDate.parse("平成22（2012）年7月6日") == PartialDate(2012, 7, 6)
    assert era_years("平成22（2012）年7月6日") == [("平成22(2012)年7月6日", 2010, 2012)]
    assert era_years("平成元（1989）年11月13日")[0][1:] == (1989, 1989)


def test_parse_rejects_text_without_a_date() -> None:
    with pytest.raises(ValueError):
        PartialDate.parse("--")


@pytest.mark.parametrize("iso", ["2004-12-24", "1999-08", "1995"])
def test_iso_round_trip(iso: str) -> None:
    assert PartialDate.fromisoformat(iso).isoformat() == iso


@pytest.mark.parametrize("bad", ["2004-13", "2004-02-30", "04-12-24", "2004/12/24", ""])
def test_invalid_iso(bad: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.fromisoformat(bad)


def test_day_needs_month() -> None:
    with pytest.raises(ValueError):
        PartialDate(2004, None, 3)


def test_total_order_and_first_day() -> None:
    dates = [
        PartialDate(2004, 12, 24),
        PartialDate(1999),
        PartialDate(1999, 8),
        PartialDate(1999, 1, 1),
    ]
    assert sorted(dates) == [
        PartialDate(1999),
        PartialDate(1999, 1, 1),
        PartialDate(1999, 8),
        PartialDate(2004, 12, 24),
    ]
    assert PartialDate(1999, 8).first_day() == datetime.date(1999, 8, 1)


@pytest.mark.parametrize(
    ("date", "era"),
    [
        (PartialDate(2004, 12, 24), "平成16年12月24日"),
        (PartialDate(1989, 11, 11), "平成元年11月11日"),
        (PartialDate(1989, 1, 7), "昭和64年1月7日"),
        (PartialDate(1979, 3), "昭和54年3月"),
        (PartialDate(1995), "平成7年"),
    ],
)
def test_to_era(date: PartialDate, era: str) -> None:
    assert date.to_era() == era
