"""The maps' shapes: ``data/geometry/prefectures.json`` and ``world.json``.

Both files are GeoJSON FeatureCollections written by ``tools/geometry.py``: every geometry
a MultiPolygon of (longitude, latitude) points in degrees, 3 decimals, exterior rings
counter-clockwise and holes clockwise (RFC 7946), and a top-level ``"source"`` member
naming the shapes' source, licence and the changes made to them. ``prefectures.json`` has
the 47 prefectures in code order, with ``code`` ("01"–"47") and ``name_ja``; the shapes
are japanmap 0.6.0's (Apache License 2.0, its text in ``japanmap.LICENSE.txt`` beside
them). ``world.json`` has the countries of Natural Earth's 1:10m Admin 0 (public domain),
with ``code`` (ISO 3166-1 alpha-2, or null for a territory ISO gives no code) and
``name``. See "Map data" in docs/data-dictionary.md.

Each file is read once, on first use, and shared: the shapes come as tuples.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from typing import Any, Literal

import attrs

from sister_agreements import _tables

#: A ring of a polygon: its (longitude, latitude) points, the first repeated last.
Ring = tuple[tuple[float, float], ...]


@attrs.frozen
class Shape:
    """One feature of a geometry file.

    Attributes:
        properties: the feature's properties as written (``code`` and ``name_ja``, or
            ``code`` and ``name``).
        polygons: the polygons of its MultiPolygon, each its exterior ring then its holes.
    """

    properties: Mapping[str, str | None]
    polygons: tuple[tuple[Ring, ...], ...]


@functools.cache
def shapes(name: Literal["prefectures", "world"]) -> tuple[Shape, ...]:
    """The features of ``data/geometry/NAME.json``, in the file's order.

    Raises:
        OSError: if the file cannot be read.
    """
    document = _document(name)
    return tuple(
        Shape(
            properties=_tables._read_only(feature["properties"]),
            polygons=tuple(
                tuple(tuple((x, y) for x, y in ring) for ring in polygon)
                for polygon in feature["geometry"]["coordinates"]
            ),
        )
        for feature in document["features"]
    )


@functools.cache
def source(name: Literal["prefectures", "world"]) -> Mapping[str, str]:
    """The ``"source"`` member of ``data/geometry/NAME.json``: where its shapes come from
    (``title``, ``package``), their licence, and the changes made to them."""
    recorded: Mapping[str, str] = _tables._read_only(_document(name)["source"])
    return recorded


def _document(name: str) -> Any:
    return json.loads(_tables.package_data(f"geometry/{name}.json"))
