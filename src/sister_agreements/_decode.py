"""The fast form of the packaged data: ``agreements.rows.jsonl``, written by the build.

``agreements.json`` is the canonical file, the one other languages read; ``load()`` reads
this second form of the same document instead, because it is about three times quicker
to parse and needs no keyword matching. It is JSON Lines, two lines of plain UTF-8 JSON,
so nothing in it depends on the Python version:

1. the header: ``format``, the ``sha256`` of the ``agreements.json`` it was made from (the
   digest ``agreements.sha256`` records), the ``crc32`` of the bytes after the header
   (the second line and its newline), and
   ``fields``, the field names of each class in the order its rows give them;
2. the rows: ``[source, countries, prefectures, agreements, errata]``, each record an
   array of its attrs fields' values in that order, tuples as arrays, enums as their
   values, dates as ``[year, month, day]``.

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
from typing import Any

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
    Prefecture,
    Source,
    Tie,
)
from sister_agreements.taxonomy import Field, ForeignKind, JapaneseKind, TieKind

FORMAT = "sister_agreements rows 1"
Row = list[Any]


@attrs.frozen
class Document:
    """Everything the data file holds, in the order it holds it."""

    source: Source
    countries: tuple[Country, ...]
    prefectures: tuple[Prefecture, ...]
    agreements: tuple[Agreement, ...]
    errata: tuple[Erratum, ...]


#: The classes whose records the rows hold, each named in the header with its fields.
CLASSES = (
    Source, Country, Prefecture, Agreement, JapaneseParty, ForeignParty, DatedEvent, Link,
    Contact, Listing, Tie, Erratum, PartialDate,
)  # fmt: skip
_FIELDS = {field.value: field for field in Field}
_JAPANESE_KINDS = {kind.value: kind for kind in JapaneseKind}
_FOREIGN_KINDS = {kind.value: kind for kind in ForeignKind}
_TIE_KINDS = {kind.value: kind for kind in TieKind}


def field_names() -> dict[str, list[str]]:
    """Each class's field names in the model's order: the header's ``fields``."""
    return {cls.__name__: [a.name for a in cls.__attrs_attrs__] for cls in CLASSES}


def rows_text(document: Document, sha256: str) -> str:
    """The text of ``agreements.rows.jsonl`` for ``document``, read from the
    ``agreements.json`` whose sha256 (hex) is ``sha256``."""
    rows = json.dumps(_row(document)[:5], ensure_ascii=False, separators=(",", ":")) + "\n"
    header = {
        "format": FORMAT,
        "sha256": sha256,
        "crc32": binascii.crc32(rows.encode("utf-8")),
        "fields": field_names(),
    }
    return json.dumps(header, ensure_ascii=False, separators=(",", ":")) + "\n" + rows


def _row(value: Any) -> Any:
    if attrs.has(type(value)):
        return [_row(getattr(value, a.name)) for a in type(value).__attrs_attrs__]
    if isinstance(value, tuple):
        return [_row(item) for item in value]
    if isinstance(value, enum.Enum):
        return value.value
    return value


def read_rows(data: bytes, file: str, sha256: str) -> Document:
    """The document of the rows file's bytes ``data``.

    Args:
        data: the file's bytes.
        file: how messages name the file.
        sha256: the digest of ``agreements.json`` the build recorded (hex).

    Raises:
        DatasetError: if the header is not this format's, names another digest or other
            field names, or the rows' CRC-32 is not the header's: the file is not what the
            build wrote beside the recorded ``agreements.json``.
    """
    first, _, rows = data.partition(b"\n")
    try:
        header = json.loads(first)
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
    try:
        return _document(json.loads(rows))
    except (ValueError, TypeError, KeyError, IndexError) as error:
        # Only a file changed on purpose with its CRC-32 mended gets here.
        raise DatasetError(file, f"not rows of the model: {error!r}") from None


def _document(rows: Row) -> Document:
    source, countries, prefectures, agreements, errata = rows
    return Document(
        source=_source(source),
        countries=tuple(map(_country, countries)),
        prefectures=tuple([Prefecture(*row) for row in prefectures]),
        agreements=tuple(map(_agreement, agreements)),
        errata=tuple([Erratum(*row) for row in errata]),
    )


def _source(row: Row) -> Source:
    publisher_ja, publisher_en, title_ja, title_en, month, data_version, schema, registers = row
    return Source(
        publisher_ja, publisher_en, title_ja, title_en, month, data_version, schema,
        tuple(registers),
    )  # fmt: skip


def _country(row: Row) -> Country:
    code, alpha_3, numeric, name_ja, short_name_ja, kana, name_en, aliases = row
    return Country(code, alpha_3, numeric, name_ja, short_name_ja, kana, name_en, tuple(aliases))


def _agreement(row: Row) -> Agreement:
    (
        id_, title, title_en, japanese, foreign, dates, date_text, background, activities,
        outcomes, urls, contacts, listings, ties,
    ) = row  # fmt: skip
    return Agreement(
        id_,
        title,
        title_en,
        tuple(map(_japanese_party, japanese)),
        tuple(map(_foreign_party, foreign)),
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


def _japanese_party(row: Row) -> JapaneseParty:
    name, prefecture, municipality, kind, lg_code, name_en, became, became_on = row
    return JapaneseParty(
        name,
        prefecture,
        municipality,
        _JAPANESE_KINDS[kind],
        lg_code,
        name_en,
        became,
        None if became_on is None else PartialDate(*became_on),
    )


def _foreign_party(row: Row) -> ForeignParty:
    name, country, region, locality, kind, *rest = row
    return ForeignParty(name, country, region, locality, _FOREIGN_KINDS[kind], *rest)
