"""The package's data files, and the name resolver's tables (``data/names.json``).

``package_data`` reads a file of ``data/``. ``names_tables`` reads ``names.json`` once, on
first use: ``variants`` maps kanji variants (異体字) to their standard forms;
``municipalities`` lists every 全国地方公共団体コード as (code, prefecture, municipality or
None, kana, romaji). The build (``tools/registers.py``) writes the file and records its
sources in it. The tables are shared by every caller, so they come read-only: mappings as
``MappingProxyType``, arrays as tuples.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import types
from collections.abc import Mapping
from typing import Any


def package_data(name: str) -> bytes:
    """The bytes of the package's ``data/NAME``, from a directory or a zip file alike.

    Read through the loader that imported the package (its ``get_data``, PEP 302), as
    ``importlib.resources`` reads a file of a package in a directory or a zip, without
    the ~15 ms that importing and setting up ``importlib_resources`` adds to the start of
    a process; a loader without ``get_data`` is read through ``importlib_resources``.

    Raises:
        OSError: if the file cannot be read (``FileNotFoundError`` if it is missing).
    """
    get_data = getattr(sys.modules[__name__].__loader__, "get_data", None)
    if get_data is None:
        import importlib_resources

        return (importlib_resources.files(__package__) / "data" / name).read_bytes()
    data: bytes = get_data(os.path.join(os.path.dirname(__file__), "data", name))
    return data


@functools.cache
def names_tables() -> Mapping[str, Any]:
    """The parsed ``names.json``, read-only."""
    tables: Mapping[str, Any] = _read_only(json.loads(package_data("names.json")))
    return tables


def _read_only(value: Any) -> Any:
    """A parsed JSON object as a ``MappingProxyType``, an array as a tuple, and so on down."""
    if isinstance(value, dict):
        return types.MappingProxyType(
            {k: _read_only(v) if isinstance(v, dict | list) else v for k, v in value.items()}
        )
    return tuple([_read_only(v) if isinstance(v, dict | list) else v for v in value])
