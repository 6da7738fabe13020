"""CLAIR's 2012 survey of specific-field agreements between Japanese and foreign
local governments, as typed, immutable Python data.

>>> import sister_agreements as sa
>>> ds = sa.load()
"""

from importlib.metadata import version as _version

from sister_agreements import export, names, published, summary
from sister_agreements.dataset import Dataset, DatasetError, load
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
from sister_agreements.names import countries, prefectures
from sister_agreements.taxonomy import Field, ForeignKind, JapaneseKind

__version__ = _version("sister-agreements")

__all__ = [
    "Agreement",
    "Contact",
    "Country",
    "Dataset",
    "DatasetError",
    "DatedEvent",
    "Erratum",
    "Field",
    "ForeignKind",
    "ForeignParty",
    "JapaneseKind",
    "JapaneseParty",
    "Link",
    "Listing",
    "PartialDate",
    "Prefecture",
    "Source",
    "__version__",
    "countries",
    "export",
    "load",
    "names",
    "prefectures",
    "published",
    "summary",
]
