"""The fast form of the packaged data: ``agreements.rows.jsonl``, written by the build.

``agreements.json`` is the canonical file, the one other languages read; ``load()`` reads
this second form of the same document instead, because it is about three times quicker
to parse and needs no keyword matching. It is JSON Lines, lines of plain UTF-8 JSON, so
nothing in it depends on the Python version:

1. the header: ``format``, the ``sha256`` of the ``agreements.json`` it was made from (the
   digest ``agreements.sha256`` records), the ``crc32`` of the bytes after the header
   (the other lines and their newlines), and ``fields``, the field names of each class in
   the order its rows give them;
2. the tables the agreements refer to: ``[source, prefectures, points, japanese_parties,
   foreign_parties]``, each record an array of its attrs fields' values in that order,
   tuples as arrays, enums as their values, dates as ``[year, month, day]``. A point or a
   party is written once, in its table, and given elsewhere as its position there, so
   that one that recurs (a city in several agreements) is one object: 731 points and
   parties in the document, 450 objects;
3. the agreements, at most ``AGREEMENTS_PER_LINE`` a line (8 lines of about 35 KB: parsed
   one by one, they take less fresh memory than one line of 295 KB, and a new process
   pays for fresh memory page by page);
4. last, the registers the rest of the document holds, ``[countries, errata]`` (every
   ISO 3166-1 country and the errata: a fifth of the rows), read on first use.

``read_rows`` trusts the rows only when the header names the recorded digest, the CRC-32
of the rows is the header's and the field names are the model's; anything else is a
``DatasetError``. ``rows_text`` writes the file (tools/build_dataset.py); a test proves
that ``read_rows`` gives, object for object, what the strict reader (``_document``) gives
from ``agreements.json``, and the build's ``--check`` that the two files agree.
"""

from __future__ import annotations

import binascii
import enum
import json
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import attrs

from sister_agreements.dates import PartialDate
from sister_agreements.errors import DatasetError
from sister_agreements.model import (
    Agreement,
    Contact,
    Country,
    DatedEvent,
    Erratum,
    ForeignParty,
    JapaneseParty,
    Link,
    Listing,
    Point,
    Prefecture,
    Source,
    Tie,
)
from sister_agreements.taxonomy import Field, ForeignKind, JapaneseKind, TieKind

if TYPE_CHECKING:
    from sister_agreements._document import Document

FORMAT = "sister_agreements rows 4"
#: How many agreements a line of the rows holds at most.
AGREEMENTS_PER_LINE = 20
Row = list[Any]
T = TypeVar("T")


class Parts(Protocol):
    """What a dataset reads of its document: a ``Document``, or the packaged ``Rows``."""

    @property
    def source(self) -> Source: ...
    @property
    def countries(self) -> tuple[Country, ...]: ...
    @property
    def prefectures(self) -> tuple[Prefecture, ...]: ...
    @property
    def agreements(self) -> tuple[Agreement, ...]: ...
    @property
    def errata(self) -> tuple[Erratum, ...]: ...


#: The classes whose records the rows hold, each named in the header with its fields.
CLASSES = (
    Source, Country, Prefecture, Agreement, JapaneseParty, ForeignParty, DatedEvent, Link,
    Contact, Listing, Tie, Erratum, PartialDate, Point,
)  # fmt: skip
_FIELDS = {field.value: field for field in Field}
_JAPANESE_KINDS = {kind.value: kind for kind in JapaneseKind}
_FOREIGN_KINDS = {kind.value: kind for kind in ForeignKind}
_TIE_KINDS = {kind.value: kind for kind in TieKind}


def field_names() -> dict[str, list[str]]:
    """Each class's field names in the model's order: the header's ``fields``."""
    return {cls.__name__: [a.name for a in cls.__attrs_attrs__] for cls in CLASSES}


#: The classes written once, in a table of their own, in the order first met, and given
#: elsewhere as their position in it.
SHARED = (Point, JapaneseParty, ForeignParty)


def rows_text(document: Document, sha256: str) -> str:
    """The text of ``agreements.rows.jsonl`` for ``document``, read from the
    ``agreements.json`` whose sha256 (hex) is ``sha256``."""
    shared: dict[type, dict[Any, tuple[int, Row]]] = {cls: {} for cls in SHARED}
    source, countries, prefectures, agreements, errata = _row(document, shared)
    tables = [[row for _, row in shared[cls].values()] for cls in SHARED]
    lines = [[source, prefectures, *tables]]
    lines += [
        agreements[start : start + AGREEMENTS_PER_LINE]
        for start in range(0, len(agreements), AGREEMENTS_PER_LINE)
    ]
    lines.append([countries, errata])
    rows = "".join(_json(line) + "\n" for line in lines)
    header = {
        "format": FORMAT,
        "sha256": sha256,
        "crc32": binascii.crc32(rows.encode("utf-8")),
        "fields": field_names(),
    }
    return _json(header) + "\n" + rows


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _row(value: Any, shared: dict[type, dict[Any, tuple[int, Row]]]) -> Any:
    """``value`` as rows; a record of ``shared`` as its position in its table there."""
    cls = type(value)
    if cls in shared:
        table = shared[cls]
        if value not in table:
            table[value] = (len(table), _record(value, shared))
        return table[value][0]
    if attrs.has(cls):
        return _record(value, shared)
    if isinstance(value, tuple):
        return [_row(item, shared) for item in value]
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _record(value: Any, shared: dict[type, dict[Any, tuple[int, Row]]]) -> Row:
    return [_row(getattr(value, a.name), shared) for a in type(value).__attrs_attrs__]


def read_rows(data: bytes, file: str, sha256: str) -> Rows:
    """The document of the rows file's bytes ``data``: its first table's rows read, the
    registers read on first use.

    Args:
        data: the file's bytes.
        file: how messages name the file.
        sha256: the digest of ``agreements.json`` the build recorded (hex).

    Raises:
        DatasetError: if the header is not this format's, names another digest or other
            field names, or the rows' CRC-32 is not the header's: the file is not what the
            build wrote beside the recorded ``agreements.json``.
    """
    # Read through a memoryview: a copy of 380 KB costs more than parsing a fifth of it
    # (fresh memory, page by page).
    view = memoryview(data)
    end = data.find(b"\n") + 1
    rows = view[end:] if end else view[:0]
    try:
        header = json.loads(data[:end])
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise ValueError
    except ValueError:
        raise DatasetError(file, f"not a {FORMAT!r} file: reinstall sister-agreements") from None
    if header.get("sha256") != sha256:
        raise DatasetError(
            file, "was not written from the recorded agreements.json: reinstall sister-agreements"
        )
    crc = binascii.crc32(rows)
    if crc != header.get("crc32") or header.get("fields") != field_names():
        raise DatasetError(
            file,
            f"differs from the file the build wrote (CRC-32 {crc}, recorded "
            f"{header.get('crc32')}): reinstall sister-agreements",
        )
    lines = []
    while end < len(data):
        start, end = end, data.find(b"\n", end) + 1 or len(data)
        lines.append(view[start:end])
    return _parsed(file, lambda: Rows(lines[0], lines[1:-1], lines[-1], file))


def _loads(line: memoryview | bytes) -> Any:
    # Decoded first: json.loads decodes bytes with "surrogatepass", slower than strict.
    return json.loads(str(line, "utf-8"))


def _parsed(file: str, parse: Callable[[], T]) -> T:
    """What ``parse`` makes of rows whose CRC-32 is right; any error a ``DatasetError``."""
    try:
        return parse()
    except (ValueError, TypeError, KeyError, IndexError) as error:
        # Only a file changed on purpose with its CRC-32 mended gets here.
        raise DatasetError(file, f"not rows of the model: {error!r}") from None


class Rows:
    """The packaged document, from the lines of the rows file (views of its bytes): the
    source, prefectures and agreements (with their parties and points) made at once, the
    agreements a line at a time; the countries and errata when first asked for, from
    ``registers``, their line (kept, not copied)."""

    def __init__(
        self, tables: memoryview, agreements: list[memoryview], registers: memoryview, file: str
    ) -> None:
        source, prefectures, points, japanese, foreign = _loads(tables)
        shared = _Shared(points, japanese, foreign)
        self.source = _source(source)
        self.prefectures = tuple([Prefecture(*row) for row in prefectures])
        self.agreements = tuple(
            [_agreement(row, shared) for line in agreements for row in _loads(line)]
        )
        self._registers_line = registers
        self._file = file
        self._registers: tuple[tuple[Country, ...], tuple[Erratum, ...]] | None = None
        self._lock = threading.Lock()

    def _read_registers(self) -> tuple[tuple[Country, ...], tuple[Erratum, ...]]:
        """The countries and errata, parsed once: threads that ask at once wait for the
        first and take what it made."""
        with self._lock:
            if self._registers is None:
                self._registers = _parsed(self._file, self._parse_registers)
            return self._registers

    def _parse_registers(self) -> tuple[tuple[Country, ...], tuple[Erratum, ...]]:
        countries, errata = _loads(self._registers_line)
        return tuple(map(_country, countries)), tuple([Erratum(*row) for row in errata])

    @property
    def countries(self) -> tuple[Country, ...]:
        """Every ISO 3166-1 country, in the register's order."""
        return self._read_registers()[0]

    @property
    def errata(self) -> tuple[Erratum, ...]:
        """Every erratum, in the register's order."""
        return self._read_registers()[1]

    def document(self) -> Document:
        """The whole document."""
        from sister_agreements._document import Document  # not needed to load

        return Document(self.source, self.countries, self.prefectures, self.agreements, self.errata)

    def __reduce__(self) -> tuple[type[Document], tuple[Any, ...]]:
        """Pickled and copied as the ``Document`` it stands for (a dataset sent to another
        process): the lock and the view of the file's bytes are no part of it."""
        document = self.document()
        return type(document), attrs.astuple(document, recurse=False)


class _Shared:
    """The tables of points and parties, each record made once."""

    def __init__(self, points: list[Row], japanese: list[Row], foreign: list[Row]) -> None:
        self.points = [Point(*row) for row in points]
        self.japanese = [_japanese_party(row, self.points) for row in japanese]
        self.foreign = [_foreign_party(row, self.points) for row in foreign]


def _source(row: Row) -> Source:
    publisher_ja, publisher_en, title_ja, title_en, month, data_version, schema, registers = row
    return Source(
        publisher_ja, publisher_en, title_ja, title_en, month, data_version, schema,
        tuple(registers),
    )  # fmt: skip


def _country(row: Row) -> Country:
    code, alpha_3, numeric, name_ja, short_name_ja, kana, name_en, aliases = row
    return Country(code, alpha_3, numeric, name_ja, short_name_ja, kana, name_en, tuple(aliases))


def _agreement(row: Row, shared: _Shared) -> Agreement:
    (
        id_, title, title_en, japanese, foreign, dates, date_text, background, activities,
        outcomes, urls, contacts, listings, ties,
    ) = row  # fmt: skip
    return Agreement(
        id_,
        title,
        title_en,
        tuple([shared.japanese[i] for i in japanese]),
        tuple([shared.foreign[i] for i in foreign]),
        tuple([DatedEvent(PartialDate(*date), label) for date, label in dates]),
        date_text,
        background,
        activities,
        outcomes,
        tuple([Link(*link) for link in urls]),
        tuple([Contact(*contact) for contact in contacts]),
        tuple([Listing(_FIELDS[field], *rest) for field, *rest in listings]),
        tuple([Tie(_TIE_KINDS[kind], *rest) for kind, *rest in ties]),
    )


def _japanese_party(row: Row, points: list[Point]) -> JapaneseParty:
    id_, name, prefecture, municipality, kind, lg_code, name_en, point, became, became_on = row
    return JapaneseParty(
        id_,
        name,
        prefecture,
        municipality,
        _JAPANESE_KINDS[kind],
        lg_code,
        name_en,
        None if point is None else points[point],
        became,
        None if became_on is None else PartialDate(*became_on),
    )


def _foreign_party(row: Row, points: list[Point]) -> ForeignParty:
    id_, name, country, region, locality, kind, region_code, region_en, name_en, point = row
    return ForeignParty(
        id_, name, country, region, locality, _FOREIGN_KINDS[kind], region_code, region_en,
        name_en, None if point is None else points[point],
    )  # fmt: skip
