"""CLAIR's 2012 survey of specific-field agreements between Japanese and foreign
local governments, as typed, immutable Python data.

>>> import sister_agreements as sa
>>> ds = sa.load()
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from sister_agreements.dataset import Dataset, load
from sister_agreements.dates import PartialDate
from sister_agreements.errors import (
    AmbiguousValueError,
    DatasetError,
    IncomparableTablesError,
    UnknownValueError,
)
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
    by_signed,
)
from sister_agreements.taxonomy import Field, ForeignKind, JapaneseKind, TieKind

if TYPE_CHECKING:
    from sister_agreements import citation, export, names, plot, published, report, summary
    from sister_agreements.citation import cite

    __version__: str
    countries: names.Lookup[Country]
    prefectures: names.Lookup[Prefecture]

_SUBMODULES = {"citation", "export", "names", "plot", "published", "report", "summary"}


def __getattr__(name: str) -> Any:
    """Import the heavier submodules and the version only when first used.

    ``__version__`` is the installed distribution's version, or "unknown" where the
    package has no metadata (a source tree on ``sys.path`` that was never installed).
    """
    if name in _SUBMODULES:
        return importlib.import_module(f"sister_agreements.{name}")
    if name == "cite":
        return importlib.import_module("sister_agreements.citation").cite
    if name in {"countries", "prefectures"}:
        return getattr(load()._index, name)  # the packaged document's lookups
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("sister-agreements")
        except PackageNotFoundError:  # run from a source tree that was never installed
            return "unknown"
    raise AttributeError(f"module 'sister_agreements' has no attribute {name!r}")


__all__ = [
    "Agreement",
    "AmbiguousValueError",
    "Contact",
    "Country",
    "Dataset",
    "DatasetError",
    "DatedEvent",
    "Erratum",
    "Field",
    "ForeignKind",
    "ForeignParty",
    "IncomparableTablesError",
    "JapaneseKind",
    "JapaneseParty",
    "Link",
    "Listing",
    "PartialDate",
    "Point",
    "Prefecture",
    "Source",
    "Tie",
    "TieKind",
    "UnknownValueError",
    "__version__",
    "by_signed",
    "citation",
    "cite",
    "countries",
    "export",
    "load",
    "names",
    "plot",
    "prefectures",
    "published",
    "report",
    "summary",
]
