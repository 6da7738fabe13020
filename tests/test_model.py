from __future__ import annotations

from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

import sister_agreements as sa
from sister_agreements import PartialDate
from sister_agreements._record import record_eq, record_hash, record_repr


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


_TWINS: dict[type, Any] = {}


def _twin(record: Any) -> Any:
    """``record`` as an object of a twin class that attrs itself made, with its methods:
    the same name, fields and values."""
    cls = type(record)
    names = [field.name for field in attrs.fields(cls)]
    if cls not in _TWINS:
        _TWINS[cls] = attrs.make_class(cls.__qualname__, names, frozen=True)
    return _TWINS[cls](*(getattr(record, name) for name in names))


def _document_records(ds: sa.Dataset) -> list[Any]:
    """Every object of the document, of a count table and its differences from the printed
    one, and a date."""
    table = sa.summary.by_field(ds)
    differences = table.diff(sa.published.FIELD_TABLE)
    return _records((ds._document(), table, differences, PartialDate(2012, 8)))


def test_every_record_reads_as_attrs_would_write_it(ds: sa.Dataset) -> None:
    """The classes share one ``__repr__`` (``_record.record_repr``) instead of one attrs
    writes and compiles for each: for every object it is what attrs' own writes."""
    records = _document_records(ds)
    # the document; the table, its 3 rows, 10 columns and 30 cells; 4 differences of
    # two cells each; the date
    assert len(records) == 2116 + (1 + 3 + 10 + 30) + 4 * 3 + 1 == 2173
    assert [repr(r) for r in records] == [repr(_twin(r)) for r in records]
    assert repr(PartialDate(2012, 8)) == "PartialDate(year=2012, month=8, day=None)"
    assert {vars(type(r))["__repr__"] for r in records} == {record_repr}
    classes = {type(r) for r in records}
    assert len(classes) == 13 + 1 + 1 + 4  # the model's, PartialDate, the document, the tables'
    # All but PartialDate (whose ordering needs attrs' own) share __eq__ and __hash__.
    assert {vars(cls).get("__eq__") for cls in classes - {PartialDate}} == {record_eq}
    assert {vars(cls).get("__hash__") for cls in classes - {PartialDate}} == {record_hash}


def test_records_compare_and_hash_as_attrs_would(ds: sa.Dataset) -> None:
    """Equal exactly where attrs' own ``__eq__`` says so, over every pair of neighbours of
    one class and each record with a copy of itself; equal records hash alike."""
    records = [r for r in _document_records(ds) if type(r) is not PartialDate]
    by_class: dict[type, list[Any]] = {}
    for record in records:
        by_class.setdefault(type(record), []).append(record)
    pairs = [
        (a, b) for same in by_class.values() for a, b in zip(same, same[1:] + same[:1], strict=True)
    ]
    assert len(pairs) == len(records) == 2173 - 157  # all but the 157 dates
    equal = [a == b for a, b in pairs]
    assert equal == [_twin(a) == _twin(b) for a, b in pairs]
    assert [a != b for a, b in pairs] == [not e for e in equal]
    assert 0 < sum(equal) < len(pairs)  # both answers occur: shared parties and points, cells
    assert all(hash(a) == hash(b) for (a, b), e in zip(pairs, equal, strict=True) if e)
    for record in records:
        copy = type(record)(*(getattr(record, f.name) for f in attrs.fields(type(record))))
        assert copy == record and hash(copy) == hash(record) and copy is not record
    for same in by_class.values():  # every field counts: one changed, the records differ
        record = same[0]
        for field in attrs.fields(type(record)):
            with attrs.validators.disabled():  # CountTable checks its count
                changed = attrs.evolve(record, **{field.name: object()})
            assert changed != record, (type(record), field.name)
    point = sa.Point(35.0, 139.0)
    assert point != (35.0, 139.0) and point.__eq__((35.0, 139.0)) is NotImplemented
    assert point != _twin(point) and sa.Link("https://example.org") != point


@given(st.floats(), st.floats(), st.floats(), st.floats())
def test_points_compare_as_attrs_would(a: float, b: float, c: float, d: float) -> None:
    """NaN is not equal to itself, 0.0 equals -0.0: field by field with ``==``, as attrs."""
    one, other = sa.Point(a, b), sa.Point(c, d)
    for x, y in ((one, other), (one, one), (one, sa.Point(a, b))):
        assert (x == y) is (_twin(x) == _twin(y))
        assert (x != y) is (_twin(x) != _twin(y))
        if x == y:
            assert hash(x) == hash(y)
