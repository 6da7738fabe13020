from __future__ import annotations

import attrs

import sister_agreements as sa
from sister_agreements import PartialDate


def test_by_signed_orders_by_first_date_then_report_order_undated_last(ds: sa.Dataset) -> None:
    ordered = sorted(ds, key=sa.by_signed)
    assert [(a.id, str(a.signed)) for a in ordered[:5]] == [
        ("7-29", "1979-03-31"),
        ("3-05", "1984-10-07"),
        ("5-03", "1985-04-17"),
        ("2-16", "1985-05-22"),
        ("5-05", "1986-01"),
    ]
    assert [a.id for a in ordered if a.signed == PartialDate(2012, 4, 4)] == [
        "1-06",
        "2-13",
        "2-14",
        "4-01",
        "7-05",
    ]
    assert [(a.id, a.signed) for a in ordered[-2:]] == [
        ("7-26", PartialDate(2012, 8, 21)),
        ("7-08", None),
    ]
    dated = [a.signed for a in ordered if a.signed is not None]
    assert len(dated) == len(ds) - 1 == 148 and dated == sorted(dated)
    assert sorted(reversed(list(ds)), key=sa.by_signed) == ordered


def test_by_signed_puts_a_year_before_the_days_of_that_year(ds: sa.Dataset) -> None:
    day = ds["1-01"]
    year = attrs.evolve(day, id="9-99", dates=(sa.DatedEvent(PartialDate(2004)),))
    undated = attrs.evolve(day, id="9-98", dates=())
    assert sorted([undated, day, year], key=sa.by_signed) == [year, day, undated]
    assert sa.by_signed(day) == (False, PartialDate(2004, 12, 24), 1, 1)
    assert sa.by_signed(undated) == (True, None, 1, 1)
