"""The package's errors: one class per kind, each subclassing the built-in it refines.

Catch the built-in (``LookupError``, ``KeyError``) or the package's class; the command
line turns exactly these into its one-line messages.
"""

from __future__ import annotations

from collections.abc import Iterable

#: How many characters of a value an error message repeats.
ECHO_LIMIT = 80


class DatasetError(ValueError):
    """A data file, the packaged one or a user's, cannot be read as a dataset.

    Raised by ``load()`` and ``export.read_json()`` for every failure of reading: a
    missing or unreadable file, text that is not UTF-8 or not JSON, nesting too deep to
    read, a ``schema_version`` this version does not read, a value of the wrong type, a
    missing, unknown or repeated key, a duplicate id, a dangling reference, and (for the
    packaged file) any difference from the file the build wrote. A ``ValueError``, so
    callers can catch either.

    Attributes:
        file: the file read: the path given, or ``sister_agreements/data/agreements.json``.
        problem: what is wrong ("expected true or false, not \"false\"").
        path: the JSON path of the faulty value (``agreements[3].japanese_parties[0].kind``);
            "" where the fault is the file as a whole (missing, not UTF-8, not JSON).
        record: the top-level record holding the value ("agreement 1-04", "country CN",
            "prefecture 静岡県", "erratum E01"); "" where there is none or its key is
            unreadable.
    """

    def __init__(self, file: str, problem: str, path: str = "", record: str = "") -> None:
        self.file = file
        self.problem = problem
        self.path = path
        self.record = record
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """``FILE: PATH (RECORD): PROBLEM``, or ``FILE: PROBLEM`` without a path."""
        where = f"{self.path} ({self.record})" if self.record else self.path
        return f"{self.file}: {where}: {self.problem}" if where else f"{self.file}: {self.problem}"

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[type[DatasetError], tuple[str, str, str, str]]:
        return type(self), (self.file, self.problem, self.path, self.record)


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

    def __reduce__(self) -> tuple[type[UnknownValueError], tuple[str, object, tuple[str, ...]]]:
        return type(self), (self.kind, self.value, self.closest)


def echo(value: object) -> str:
    """``repr(value)`` in at most ``ECHO_LIMIT`` characters: a long text is cut and marked
    with … inside its quotes, a huge number is named by its size."""
    if isinstance(value, int) and value.bit_length() > 256:
        return f"<an integer of about {int(value.bit_length() * 0.30103) + 1} digits>"
    if isinstance(value, str):
        if len(repr(value)) <= ECHO_LIMIT:
            return repr(value)
        cut = value[:ECHO_LIMIT]
        while len(repr(cut + "…")) > ECHO_LIMIT:
            cut = cut[:-1]
        return repr(cut + "…")
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
