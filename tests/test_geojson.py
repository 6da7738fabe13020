"""GeoJSON (``export.to_geojson``, ``export --format geojson``), read back by the geojson
package; lines across the antimeridian split per RFC 7946."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import geojson
from hypothesis import example, given
from hypothesis import strategies as st

import sister_agreements as sa
from sister_agreements import _geojson, cli, export


def _features(collection: dict[str, Any], layer: str) -> list[dict[str, Any]]:
    return [f for f in collection["features"] if f["properties"]["layer"] == layer]


def _kinds(features: list[dict[str, Any]]) -> Counter[str | None]:
    return Counter(f["geometry"] and f["geometry"]["type"] for f in features)


def test_the_whole_dataset_is_valid_geojson_with_every_feature(
    ds: sa.Dataset, tmp_path: Path
) -> None:
    path = tmp_path / "agreements.geojson"
    assert cli.main(["export", "--format", "geojson", "-o", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    assert text == export.geojson_text(ds) == export.geojson_text(ds)  # no timestamps
    collection = geojson.loads(text)
    assert collection.is_valid and collection.errors() == []
    assert collection == export.to_geojson(ds)
    parties = _features(collection, "party")
    assert _kinds(parties) == {"Point": 227, None: 9}
    assert [f["id"] for f in parties] == list(dict.fromkeys(f["id"] for f in parties))
    lines = _features(collection, "agreement")
    assert _kinds(lines) == {"LineString": 238, "MultiLineString": 14}
    assert len(collection["features"]) == 236 + 252


def test_a_party_feature(ds: sa.Dataset) -> None:
    parties = {f["id"]: f for f in _features(export.to_geojson(ds), "party")}
    assert parties["cn-shenyang"] == {
        "type": "Feature",
        "id": "cn-shenyang",
        "geometry": {"type": "Point", "coordinates": [123.4328, 41.7922]},
        "properties": {
            "layer": "party", "id": "cn-shenyang", "name": "遼寧省瀋陽市; 瀋陽市",
            "name_en": "Shenyang", "side": "foreign", "kind": "city", "country": "CN",
            "prefecture": None, "lg_code": None, "region": "遼寧省", "region_code": "CN-LN",
            "agreements": "3-05; 3-06; 6-03; 6-04; 6-05; 8-01; 8-02; 8-04; 8-05",
        },
    }  # fmt: skip
    iwafune = parties["093670"]
    assert iwafune["geometry"] is None
    assert (iwafune["properties"]["name"], iwafune["properties"]["lg_code"]) == (
        "栃木県岩舟町", "093670"
    )  # fmt: skip


def test_a_pacific_line_is_split_at_the_antimeridian(ds: sa.Dataset) -> None:
    """鹿沼市 (139.7333 E) – Grand Forks (97.0328 W): the short way is east across 180°."""
    (line,) = _features(export.to_geojson(ds.filter(party="鹿沼市")), "agreement")
    assert line == {
        "type": "Feature",
        "id": "1-10 092053 us-grand-forks",
        "geometry": {
            "type": "MultiLineString",
            "coordinates": [
                [[139.7333, 36.55], [180.0, 40.266881]],
                [[-180.0, 40.266881], [-97.0328, 47.9253]],
            ],
        },
        "properties": {
            "layer": "agreement", "agreement_id": "1-10", "title": ds["1-10"].title,
            "title_en": ds["1-10"].title_en, "fields": "1", "signed": "2007-10-17",
            "japanese_party_id": "092053", "foreign_party_id": "us-grand-forks",
        },
    }  # fmt: skip


def test_a_line_that_does_not_cross_stays_one_line() -> None:
    assert _geojson.line_geometry(sa.Point(40.8167, 140.7333), sa.Point(38.9122, 121.6022)) == {
        "type": "LineString",
        "coordinates": [[140.7333, 40.8167], [121.6022, 38.9122]],
    }
    westward = _geojson.line_geometry(sa.Point(10.0, -170.0), sa.Point(30.0, 170.0))
    assert westward["coordinates"] == [
        [[-170.0, 10.0], [-180.0, 20.0]],
        [[180.0, 20.0], [170.0, 30.0]],
    ]


def test_parties_without_a_point_draw_no_line(ds: sa.Dataset) -> None:
    subset = ds.filter(prefecture="栃木")
    lines = _features(export.to_geojson(subset), "agreement")
    assert "1-03" in [a.id for a in subset]  # 岩舟町 (no point) – 天台県
    assert [f["properties"]["agreement_id"] for f in lines] == ["1-10", "1-17", "7-17", "7-24"]


_LATITUDE = st.floats(-90, 90, allow_nan=False)
_LONGITUDE = st.floats(-180, 180, allow_nan=False)


@given(_LATITUDE, _LONGITUDE, _LATITUDE, _LONGITUDE)
@example(10.0, 180.0, 20.0, -180.0)
@example(10.0, -180.0, 20.0, 180.0)
def test_every_line_keeps_its_ends_and_never_spans_more_than_180(
    lat1: float, lon1: float, lat2: float, lon2: float
) -> None:
    geometry = _geojson.line_geometry(sa.Point(lat1, lon1), sa.Point(lat2, lon2))
    parts = geometry["coordinates"]
    if geometry["type"] == "LineString":
        parts = [parts]
    else:
        (_, (lon_a, lat_a)), ((lon_b, lat_b), _) = parts
        assert abs(lon_a) == 180 and lon_b == -lon_a and lat_a == lat_b
        assert min(lat1, lat2) - 1e-6 <= lat_a <= max(lat1, lat2) + 1e-6
    assert parts[0][0] == [lon1, lat1]
    assert parts[-1][-1] == [lon2 if abs(lon2 - lon1) != 360 else lon1, lat2]
    for (west, _), (east, _) in parts:
        assert abs(east - west) <= 180
    assert geojson.loads(json.dumps(geometry)).is_valid
