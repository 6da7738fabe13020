"""The name resolver's tables (``data/names.json``), read once on first use.

``variants`` maps kanji variants (異体字) to their standard forms; ``municipalities`` lists
every 全国地方公共団体コード as (code, prefecture, municipality or None, kana, romaji). The
build (``tools/registers.py``) writes the file and records its sources in it. The tables
are shared by every caller, so they come read-only: mappings as ``MappingProxyType``,
arrays as tuples.
"""

from __future__ import annotations

import functools
import json
import types
from collections.abc import Mapping
from typing import Any

import importlib_resources


@functools.cache
def names_tables() -> Mapping[str, Any]:
    """The parsed ``names.json``, read-only."""
    resource = importlib_resources.files("sister_agreements") / "data" / "names.json"
    tables: Mapping[str, Any] = _read_only(json.loads(resource.read_bytes()))
    return tables


def _read_only(value: Any) -> Any:
    """A parsed JSON object as a ``MappingProxyType``, an array as a tuple, and so on down."""
    if isinstance(value, dict):
        return types.MappingProxyType(
            {k: _read_only(v) if isinstance(v, dict | list) else v for k, v in value.items()}
        )
    return tuple([_read_only(v) if isinstance(v, dict | list) else v for v in value])
