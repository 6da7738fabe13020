"""Probe of the shared record methods (``_record``): what attrs' own would do in the
corners the data never reaches."""

from __future__ import annotations

import attrs

import sister_agreements as sa


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
