"""The methods the attrs classes share (``_record``): they answer as attrs' own do, for
every object of the document, the count tables and a date, and in the corners the data
never reaches (NaN, -0.0, subclasses, classes made in functions)."""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

import sister_agreements as sa
from sister_agreements import PartialDate
from sister_agreements._record import record_eq, record_hash, record_repr


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


def _local_classes() -> tuple[type[sa.Point], type]:
    """A plain subclass of ``Point`` and of an attrs-made twin of it, both defined in a
    function (their ``__qualname__`` is ``_local_classes.<locals>.Sub``)."""

    class Sub(sa.Point):
        pass

    @attrs.frozen
    class Point:
        latitude: float
        longitude: float

    class TwinSub(Point):
        pass

    return Sub, TwinSub


def test_a_subclass_defined_in_a_function_reads_as_attrs_writes_it() -> None:
    """attrs names a class by its ``__qualname__`` after the last ``<locals>.``."""
    sub, twin_sub = _local_classes()
    assert repr(twin_sub(35.0, 139.5)) == "TwinSub(latitude=35.0, longitude=139.5)"
    assert repr(sub(35.0, 139.5)) == "Sub(latitude=35.0, longitude=139.5)"
    assert repr(sub(35.0, 139.5)) == repr(twin_sub(35.0, 139.5)).replace("TwinSub", "Sub")


def test_a_nested_class_keeps_its_outer_name_as_attrs_does() -> None:
    class Outer:
        @attrs.frozen
        class Twin:
            url: str

        class Link(sa.Link):
            pass

    assert repr(Outer.Twin("u")) == "Outer.Twin(url='u')"
    assert repr(Outer.Link("u")) == "Outer.Link(url='u', label=None)"
