"""The ``__repr__`` the attrs classes of the model and its tables share.

attrs writes and compiles a ``__repr__`` for every class it makes: a third of the
~1 ms each of the 19 classes a first table needs costs at import. The classes hold
``__repr__ = record_repr`` instead (attrs leaves a method a class defines itself),
which writes what attrs' would, ``Point(latitude=35.0, longitude=139.0)``. attrs'
guard against a record that holds itself is not needed: a frozen record is made from
its parts, so it cannot hold itself.
"""

from __future__ import annotations

from typing import Any


def record_repr(self: Any) -> str:
    """``Class(field=repr(value), ...)`` over the attrs fields, in their order."""
    values = ", ".join(f"{a.name}={getattr(self, a.name)!r}" for a in self.__attrs_attrs__)
    return f"{self.__class__.__qualname__}({values})"
