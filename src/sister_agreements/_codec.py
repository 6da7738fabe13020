"""The private cattrs converter between the package's JSON and the model."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import cattrs

from sister_agreements.dates import PartialDate
from sister_agreements.model import Agreement, Country, Erratum, Prefecture, Source
from sister_agreements.taxonomy import Field, ForeignKind, JapaneseKind

E = TypeVar("E", bound=enum.Enum)


@attrs.frozen
class Document:
    """Everything the data file holds, in the order it holds it."""

    source: Source
    countries: tuple[Country, ...]
    prefectures: tuple[Prefecture, ...]
    agreements: tuple[Agreement, ...]
    errata: tuple[Erratum, ...]


def _optional_str(value: object, _: object) -> str | None:
    if value is None or type(value) is str:
        return value
    raise TypeError(f"expected a string or null, not {value!r}")


def _enum_hook(kind: type[E]) -> Callable[[object, object], E]:
    members = {member.value: member for member in kind}

    def structure(value: object, _: object) -> E:
        try:
            return members[value]
        except (KeyError, TypeError):
            raise ValueError(f"{value!r} is not a {kind.__name__}") from None

    return structure


def _make_converter() -> cattrs.Converter:
    # Without detailed validation cattrs generates leaner code: the data file is
    # built and checked by tools/build_dataset.py, and load() stays fast.
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=False)
    converter.register_structure_hook(PartialDate, lambda text, _: PartialDate.fromisoformat(text))
    converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    converter.register_structure_hook(str | None, _optional_str)
    for kind in (Field, JapaneseKind, ForeignKind):
        converter.register_structure_hook(kind, _enum_hook(kind))
    return converter


converter = _make_converter()


def structure_document(raw: Any) -> Document:
    """The document the parsed JSON holds.

    Raises:
        cattrs.errors.ForbiddenExtraKeysError: for a key the model does not know.
        KeyError, TypeError, ValueError: for a missing key or a value of the wrong kind.
    """
    return converter.structure(raw, Document)


def unstructure_document(document: Document) -> dict[str, Any]:
    """The JSON-ready form of ``document``; the inverse of ``structure_document``."""
    raw: dict[str, Any] = converter.unstructure(document)
    return raw
