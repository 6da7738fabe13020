"""The ``__repr__``, ``__eq__`` and ``__hash__`` the attrs classes of the model and its
tables share.

attrs writes and compiles these three for every class it makes: two thirds of the ~1 ms
that each of the 19 classes a first table needs costs at import. The classes hold
``__repr__ = record_repr`` (and ``record_eq``, ``record_hash``) instead, and attrs leaves
the methods a class defines itself. They do what attrs' would: the same text, equal when
the classes are the same and every field is ``==`` (a tuple is not an agreement, a
subclass not its base), and the hash of the class with the fields. attrs' guard against a
record that holds itself is not needed: a frozen record is made from its parts, so it
cannot hold itself. ``PartialDate`` keeps attrs' ``__eq__``, which its ordering needs.
"""

from __future__ import annotations

from typing import Any

_NAMES: dict[type, tuple[str, ...]] = {}


def _names(cls: type) -> tuple[str, ...]:
    """The names of the attrs fields of ``cls``, in their order (remembered per class)."""
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(a.name for a in cls.__attrs_attrs__)  # type: ignore[attr-defined]
    return names


def record_repr(self: Any) -> str:
    """``Class(field=repr(value), ...)``, as attrs writes it: the class by its qualified
    name after the last ``<locals>.`` (a subclass defined in a function is ``Sub``)."""
    values = ", ".join(f"{name}={getattr(self, name)!r}" for name in _names(type(self)))
    return f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}({values})"


def record_eq(self: Any, other: object) -> bool:
    """Whether ``other`` is of the same class with every field ``==`` (NotImplemented for
    another class, as attrs answers)."""
    if other.__class__ is not self.__class__:
        return NotImplemented  # type: ignore[no-any-return]
    return all(getattr(self, name) == getattr(other, name) for name in _names(type(self)))


def record_hash(self: Any) -> int:
    """The hash of the class and the fields, so that equal records hash alike."""
    return hash((type(self), *[getattr(self, name) for name in _names(type(self))]))
