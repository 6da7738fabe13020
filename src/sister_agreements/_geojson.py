"""GeoJSON (RFC 7946): the parties as points, the agreements as lines between them.

``to_geojson`` and ``geojson_text`` are re-exported by ``sister_agreements.export``;
docs/exports.md, "GeoJSON", describes the features and their properties.
"""

from __future__ import annotations

import json
from typing import Any

from sister_agreements.dataset import Dataset
from sister_agreements.model import Agreement, ForeignParty, JapaneseParty, Point

Party = JapaneseParty | ForeignParty
Position = list[float]
#: Decimals of a computed coordinate (where a line meets the antimeridian): RFC 7946,
#: section 11.2, finds 6 (about 10 cm) enough.
DECIMALS = 6


def _position(point: Point) -> Position:
    return [point.longitude, point.latitude]


def line_geometry(start: Point, end: Point) -> dict[str, Any]:
    """The GeoJSON geometry of the line from ``start`` to ``end``: a LineString, or, where
    the shorter way between them crosses the antimeridian (their longitudes more than 180°
    apart), a MultiLineString cut at ±180° (RFC 7946, section 3.1.9), the latitude of the
    cut interpolated linearly in longitude and rounded to ``DECIMALS``. Two points on the
    antimeridian, one at 180 and one at -180, make a LineString along it, both at the
    start's longitude.

    Args:
        start: the first point (the Japanese party's).
        end: the last point (the foreign party's).

    Returns:
        ``{"type": "LineString", "coordinates": [[lon, lat], [lon, lat]]}`` or
        ``{"type": "MultiLineString", "coordinates": [[[lon, lat], [±180, lat]],
        [[∓180, lat], [lon, lat]]]}``.
    """
    west_to_east = end.longitude - start.longitude
    if abs(west_to_east) == 360:  # 180 and -180: one meridian, written as the start's
        end = Point(end.latitude, start.longitude)
    if abs(west_to_east) <= 180 or abs(west_to_east) == 360:
        return {"type": "LineString", "coordinates": [_position(start), _position(end)]}
    side = 180.0 if west_to_east < 0 else -180.0  # the meridian the line leaves by
    unwrapped = end.longitude + 2 * side
    share = (side - start.longitude) / (unwrapped - start.longitude)
    latitude = round(start.latitude + share * (end.latitude - start.latitude), DECIMALS)
    return {
        "type": "MultiLineString",
        "coordinates": [
            [_position(start), [side, latitude]],
            [[-side, latitude], _position(end)],
        ],
    }


def _party_feature(party: Party, names: list[str], agreements: list[str]) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "layer": "party",
        "id": party.id,
        "name": "; ".join(names),
        "name_en": party.name_en,
    }
    if isinstance(party, JapaneseParty):
        properties.update(side="japanese", kind=party.kind.value, country="JP")
        properties.update(prefecture=party.prefecture, lg_code=party.lg_code)
        properties.update(region=None, region_code=None)
    else:
        properties.update(side="foreign", kind=party.kind.value, country=party.country)
        properties.update(prefecture=None, lg_code=None)
        properties.update(region=party.region, region_code=party.region_code)
    properties["agreements"] = "; ".join(agreements)
    geometry = None if party.point is None else party.point.__geo_interface__
    return {"type": "Feature", "id": party.id, "geometry": geometry, "properties": properties}


def _line_features(agreement: Agreement) -> list[dict[str, Any]]:
    features = []
    for japanese in agreement.japanese_parties:
        for foreign in agreement.foreign_parties:
            if japanese.point is None or foreign.point is None:
                continue
            properties = {
                "layer": "agreement",
                "agreement_id": agreement.id,
                "title": agreement.title,
                "title_en": agreement.title_en,
                "fields": "; ".join(str(field.number) for field in agreement.fields),
                "signed": agreement.signed.isoformat() if agreement.signed else None,
                "japanese_party_id": japanese.id,
                "foreign_party_id": foreign.id,
            }
            features.append(
                {
                    "type": "Feature",
                    "id": f"{agreement.id} {japanese.id} {foreign.id}",
                    "geometry": line_geometry(japanese.point, foreign.point),
                    "properties": properties,
                }
            )
    return features


def to_geojson(ds: Dataset) -> dict[str, Any]:
    """The dataset as a GeoJSON FeatureCollection (RFC 7946): ``[longitude, latitude]``,
    WGS84.

    First one Point feature per party (by ``id``, in order of first appearance; the
    feature's ``id`` is the party's), whose properties are ``layer`` "party", ``id``,
    ``name`` (the printed names, "; "-joined), ``name_en``, ``side``, ``kind``,
    ``country``, ``prefecture`` and ``lg_code`` (Japanese parties), ``region`` and
    ``region_code`` (foreign parties) and ``agreements`` (their ids, "; "-joined); a party
    without a point has ``"geometry": null``. Then, per agreement in order, one feature
    per Japanese and foreign party that both have a point: a line from the Japanese
    party's point to the foreign party's (``line_geometry``: a MultiLineString where it
    crosses the antimeridian), with ``layer`` "agreement", ``agreement_id``, ``title``,
    ``title_en``, ``fields`` (numbers, "; "-joined), ``signed`` (ISO text or null),
    ``japanese_party_id`` and ``foreign_party_id``; its ``id`` is
    "AGREEMENT JAPANESE FOREIGN".

    The points are GeoNames data (CC BY 4.0): a map made from them credits "GeoNames
    (geonames.org)".

    Args:
        ds: the agreements to map.

    Returns:
        The FeatureCollection as a dict of JSON values.
    """
    parties: dict[str, Party] = {}
    names: dict[str, list[str]] = {}
    agreements: dict[str, list[str]] = {}
    for agreement in ds:
        sides: list[Party] = [*agreement.japanese_parties, *agreement.foreign_parties]
        for party in sides:
            parties.setdefault(party.id, party)
            if party.name not in names.setdefault(party.id, []):
                names[party.id].append(party.name)
            agreements.setdefault(party.id, []).append(agreement.id)
    features = [
        _party_feature(party, names[key], list(dict.fromkeys(agreements[key])))
        for key, party in parties.items()
    ]
    for agreement in ds:
        features += _line_features(agreement)
    return {"type": "FeatureCollection", "features": features}


def geojson_text(ds: Dataset) -> str:
    """``to_geojson(ds)`` as UTF-8-ready JSON text (Japanese unescaped), one line and a
    newline; the same dataset gives the same text on every run."""
    return json.dumps(to_geojson(ds), ensure_ascii=False, separators=(",", ":")) + "\n"
