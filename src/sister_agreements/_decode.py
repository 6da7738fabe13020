"""The lean reader of the packaged data file: its JSON structured by hand, without cattrs.

``load()`` reads the packaged ``agreements.json`` this way only when the file's sha256 is
the one the build recorded after reading the same bytes with the strict reader
(``_document``); so here nothing is checked, every value is known to be what the model
wants. Each record becomes its attrs class by a direct call: the JSON keys are the
classes' field names, arrays become tuples, enums and dates their objects. A test proves
that this gives, object for object, what the strict reader gives.

The file stays the canonical, plain JSON that other languages read; there is no second,
faster form of it, so nothing here depends on the Python version.
"""

from __future__ import annotations

from typing import Any

import attrs

from sister_agreements.dates import PartialDate
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
)
from sister_agreements.taxonomy import Field, ForeignKind, JapaneseKind

Raw = dict[str, Any]


@attrs.frozen
class Document:
    """Everything the data file holds, in the order it holds it."""

    source: Source
    countries: tuple[Country, ...]
    prefectures: tuple[Prefecture, ...]
    agreements: tuple[Agreement, ...]
    errata: tuple[Erratum, ...]


_FIELDS = {field.value: field for field in Field}
_JAPANESE_KINDS = {kind.value: kind for kind in JapaneseKind}
_FOREIGN_KINDS = {kind.value: kind for kind in ForeignKind}


def structure_document(raw: Raw) -> Document:
    """The document of a data file the build wrote, parsed by ``json.loads``.

    Args:
        raw: the parsed JSON of a file in ``SCHEMA_VERSION``'s layout, known to be valid
            (its digest is the build's).

    Returns:
        The ``Document``, equal to what ``_document.read_document`` reads from the same
        bytes.

    Raises:
        KeyError, TypeError, ValueError: only for data that is not valid, which the digest
            check keeps away from here.
    """
    return Document(
        source=Source(**{**raw["source"], "registers": tuple(raw["source"]["registers"])}),
        countries=tuple(Country(**{**c, "aliases": tuple(c["aliases"])}) for c in raw["countries"]),
        prefectures=tuple(Prefecture(**p) for p in raw["prefectures"]),
        agreements=tuple(map(_agreement, raw["agreements"])),
        errata=tuple(Erratum(**e) for e in raw["errata"]),
    )


def _agreement(raw: Raw) -> Agreement:
    return Agreement(
        id=raw["id"],
        title=raw["title"],
        japanese_parties=tuple(map(_japanese_party, raw["japanese_parties"])),
        foreign_parties=tuple(map(_foreign_party, raw["foreign_parties"])),
        dates=tuple(
            DatedEvent(PartialDate.fromisoformat(d["date"]), d["label"]) for d in raw["dates"]
        ),
        date_text=raw["date_text"],
        background=raw["background"],
        activities=raw["activities"],
        outcomes=raw["outcomes"],
        urls=tuple(Link(**link) for link in raw["urls"]),
        contacts=tuple(Contact(**contact) for contact in raw["contacts"]),
        listings=tuple(Listing(**{**li, "field": _FIELDS[li["field"]]}) for li in raw["listings"]),
    )


def _japanese_party(raw: Raw) -> JapaneseParty:
    became_on = raw["became_on"]
    return JapaneseParty(
        **{
            **raw,
            "kind": _JAPANESE_KINDS[raw["kind"]],
            "became_on": None if became_on is None else PartialDate.fromisoformat(became_on),
        }
    )


def _foreign_party(raw: Raw) -> ForeignParty:
    return ForeignParty(**{**raw, "kind": _FOREIGN_KINDS[raw["kind"]]})
