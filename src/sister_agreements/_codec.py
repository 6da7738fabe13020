"""The private cattrs converter from the model to the package's JSON (``unstructure``).

Reading goes the other way without cattrs: ``_document`` reads any file strictly and
``_decode`` the packaged one by hand; so cattrs is imported only by what writes JSON
(``export``, the command line's ``--format json``).
"""

from __future__ import annotations

from typing import Any

import cattrs

from sister_agreements._document import Document as Document
from sister_agreements.dates import PartialDate


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter()
    converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    return converter


converter = _make_converter()


def unstructure_document(document: Document) -> dict[str, Any]:
    """The JSON-ready form of ``document``, the layout of the data file: objects with the
    model's field names, tuples as lists, enums as their values, dates as ISO text.

    ``_document.read_document`` reads it back to an equal document.
    """
    raw: dict[str, Any] = converter.unstructure(document)
    return raw
