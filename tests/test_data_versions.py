"""Every change of the packaged data moves ``source.data_version``, with a changelog entry.

``data-raw/data_versions.csv`` lists each data version with the sha256 of its
``agreements.json``: a changed file without a new row (and a new version) fails here."""

from __future__ import annotations

import csv
import hashlib

import importlib_resources
from conftest import REPO

import sister_agreements as sa


def _versions() -> list[dict[str, str]]:
    with (REPO / "data-raw" / "data_versions.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_packaged_digest_is_recorded_under_the_data_version(ds: sa.Dataset) -> None:
    rows = _versions()
    data = importlib_resources.files("sister_agreements") / "data" / "agreements.json"
    digest = hashlib.sha256(data.read_bytes()).hexdigest()
    current = {row["data_version"]: row for row in rows}[ds.source.data_version]
    assert (current["sha256"], current["schema_version"]) == (
        digest, str(ds.source.schema_version)
    )  # fmt: skip
    assert rows[-1] is current


def test_each_version_has_one_digest_and_each_digest_one_version() -> None:
    rows = _versions()
    assert rows[0]["data_version"] == "2012.1"  # 1.0.0's
    assert len({row["data_version"] for row in rows}) == len(rows)
    assert len({row["sha256"] for row in rows}) == len(rows)
    assert all(len(row["sha256"]) == 64 and row["change"] for row in rows)


def test_the_changelog_names_the_data_version(ds: sa.Dataset) -> None:
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"Data version {ds.source.data_version}" in changelog
