"""The private cattrs converter between the package's JSON and the model."""

from __future__ import annotations

from typing import Any

import cattrs

from sister_agreements.dates import PartialDate
from sister_agreements.model import Agreement, Erratum, Source


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_structure_hook(PartialDate, lambda text, _: PartialDate.fromisoformat(text))
    converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    return converter


converter = _make_converter()


def structure_document(
    document: dict[str, Any],
) -> tuple[Source, tuple[Agreement, ...], tuple[Erratum, ...]]:
    """Turn the parsed JSON document into the source, the agreements and the errata.

    Raises:
        cattrs.BaseValidationError: if the document does not fit the model.
        KeyError: if a top-level part is missing.
    """
    unknown = set(document) - {"source", "agreements", "errata"}
    if unknown:
        raise ValueError(f"unknown top-level keys: {sorted(unknown)}")
    return (
        converter.structure(document["source"], Source),
        converter.structure(document["agreements"], tuple[Agreement, ...]),
        converter.structure(document["errata"], tuple[Erratum, ...]),
    )


def unstructure_document(
    source: Source, agreements: tuple[Agreement, ...], errata: tuple[Erratum, ...]
) -> dict[str, Any]:
    """The inverse of ``structure_document``."""
    return {
        "source": converter.unstructure(source),
        "agreements": converter.unstructure(agreements),
        "errata": converter.unstructure(errata),
    }
