"""The package's errors: one class per kind, each subclassing the built-in it refines.

Catch the built-in (``LookupError``, ``KeyError``) or the package's class; the command
line turns exactly these into its one-line messages.
"""

from __future__ import annotations

from collections.abc import Iterable

#: How many characters of a value an error message repeats.
ECHO_LIMIT = 80


class DatasetError(Exception):
    """The packaged data file is missing or does not fit the model."""


class UnknownValueError(KeyError):
    """A value names nothing: an id, field, country, prefecture, party, kind or table cell.

    A ``KeyError`` (so a ``LookupError``) carrying what was asked for:

    Attributes:
        kind: what was looked up ("country", "prefecture", "agreement or listing", …).
        value: the value as given.
        closest: the nearest valid values, best first (may be empty).
    """

    def __init__(self, kind: str, value: object, closest: Iterable[str] = ()) -> None:
        self.kind = kind
        self.value = value
        self.closest = tuple(closest)
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """``unknown KIND 'VALUE'; closest: A, B, C`` (the value cut to ~80 characters)."""
        text = f"unknown {self.kind} {echo(self.value)}"
        return f"{text}; closest: {', '.join(self.closest)}" if self.closest else text

    def __str__(self) -> str:
        return self.message


def echo(value: object) -> str:
    """``repr(value)`` in at most ``ECHO_LIMIT`` characters, a long text cut and marked
    with … inside its quotes."""
    if isinstance(value, str) and len(value) > ECHO_LIMIT - 2:
        value = value[: ECHO_LIMIT - 3] + "…"
    text = repr(value)
    return text if len(text) <= ECHO_LIMIT else text[: ECHO_LIMIT - 1] + "…"


class AmbiguousValueError(UnknownValueError):
    """A number that is the code of more than one place (12203: 012203 or 122033).

    ``closest`` holds every place it may stand for.
    """

    @property
    def message(self) -> str:
        """``ambiguous KIND 'VALUE': the code of A, B``."""
        places = " and of ".join(self.closest)
        return f"ambiguous {self.kind} {echo(self.value)}: the code of {places}"


class IncomparableTablesError(ValueError):
    """Two count tables were counted differently, so a cell-by-cell diff would mislead.

    Raised by ``CountTable.diff`` when the tables differ in what they count (listings or
    agreements) or in what they cover (the whole dataset or a subset of it). The report's
    printed tables (``published``) count listings over the whole report.
    """
