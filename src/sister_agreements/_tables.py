"""The name resolver's tables (``data/names.json``), read once on first use.

``variants`` maps kanji variants (異体字) to their standard forms; ``municipalities`` lists
every 全国地方公共団体コード as [code, prefecture, municipality or null, kana, romaji]. The build
(``tools/registers.py``) writes the file and records its sources in it.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import importlib_resources


@functools.cache
def names_tables() -> dict[str, Any]:
    """The parsed ``names.json``."""
    resource = importlib_resources.files("sister_agreements") / "data" / "names.json"
    tables: dict[str, Any] = json.loads(resource.read_bytes())
    return tables
