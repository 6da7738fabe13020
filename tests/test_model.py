from __future__ import annotations

from typing import Any

import attrs

import sister_agreements as sa
from sister_agreements import PartialDate
from sister_agreements._record import record_repr


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


def _records(value: object) -> list[Any]:
    """Every attrs object in ``value``, depth first."""
    if attrs.has(type(value)):
        found = [value]
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]
            found += _records(getattr(value, field.name))
        return found
    return [r for item in value for r in _records(item)] if isinstance(value, tuple) else []


def test_every_record_reads_as_attrs_would_write_it(ds: sa.Dataset) -> None:
    """The classes share one ``__repr__`` (``_record.record_repr``) instead of one attrs
    writes and compiles for each: for every object of the document, of a count table and its
    differences from the printed one, and a date, it is what a twin class made by attrs
    itself, given the same values, writes."""
    twins: dict[type, type] = {}

    def attrs_repr(record: Any) -> str:
        cls = type(record)
        names = [field.name for field in attrs.fields(cls)]
        if cls not in twins:
            twins[cls] = attrs.make_class(cls.__qualname__, names, frozen=True)
        return repr(twins[cls](*(getattr(record, name) for name in names)))

    table = sa.summary.by_field(ds)
    differences = table.diff(sa.published.FIELD_TABLE)
    records = _records((ds._document(), table, differences, PartialDate(2012, 8)))
    # the document; the table, its 3 rows, 10 columns and 30 cells; 4 differences of
    # two cells each; the date
    assert len(records) == 2116 + (1 + 3 + 10 + 30) + 4 * 3 + 1 == 2173
    assert [repr(r) for r in records] == [attrs_repr(r) for r in records]
    assert repr(PartialDate(2012, 8)) == "PartialDate(year=2012, month=8, day=None)"
    assert {vars(type(r))["__repr__"] for r in records} == {record_repr}
    assert len(twins) == 13 + 1 + 1 + 4  # the model's, PartialDate, the document, the tables'
