"""The private cattrs converter between the package's JSON and the model."""

from __future__ import annotations

from typing import Any

import attrs
import cattrs

from sister_agreements.dates import PartialDate
from sister_agreements.model import Agreement, Country, Erratum, Prefecture, Source


@attrs.frozen
class Document:
    """Everything the data file holds, in the order it holds it."""

    source: Source
    countries: tuple[Country, ...]
    prefectures: tuple[Prefecture, ...]
    agreements: tuple[Agreement, ...]
    errata: tuple[Erratum, ...]


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_structure_hook(PartialDate, lambda text, _: PartialDate.fromisoformat(text))
    converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    return converter


converter = _make_converter()


def structure_document(raw: Any) -> Document:
    """The document the parsed JSON holds.

    Raises:
        cattrs.BaseValidationError: if ``raw`` does not fit the model.
    """
    return converter.structure(raw, Document)


def unstructure_document(document: Document) -> dict[str, Any]:
    """The JSON-ready form of ``document``; the inverse of ``structure_document``."""
    raw: dict[str, Any] = converter.unstructure(document)
    return raw
