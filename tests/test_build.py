"""The packaged data is exactly what a fresh build of data-raw/ gives."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import REPO


@pytest.mark.slow
def test_committed_data_is_a_fresh_build() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "build_dataset.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_report_copy_is_the_seed_verbatim() -> None:
    """data-raw/report.txt is never edited: its digest is the seed's."""
    import hashlib

    digest = hashlib.sha256((REPO / "data-raw" / "report.txt").read_bytes()).hexdigest()
    recorded = (REPO / "data-raw" / "report.sha256").read_text(encoding="utf-8").split()[0]
    assert digest == recorded == "d716665b2164adde2d8e2ed7e4b06e7b597207266580bd7cd8388e3ded64f777"


def test_cleaning_drops_nothing_but_markup_and_spacing() -> None:
    """Every character of items (3)-(5) survives cleaning, but for HTML, "--",
    list dashes and whitespace."""
    import re
    import sys
    import unicodedata

    sys.path.insert(0, str(REPO / "tools"))
    import report_text

    def bare(text: str) -> str:
        text = re.sub(r"<[^>]*>", "", unicodedata.normalize("NFKC", text))
        text = re.sub(r"(?m)^\s*-+\s*", "", text)
        return re.sub(r"\s+", "", text)

    _, sheets = report_text.read_report((REPO / "data-raw" / "report.txt").read_text("utf-8"))
    assert len(sheets) == 175
    for sheet in sheets:
        for item in (3, 4, 5):
            lines = sheet.items[item]
            assert bare(report_text.clean_text(lines)) == bare("\n".join(lines)), (sheet.key, item)


def test_the_build_refuses_what_the_strict_reader_refuses() -> None:
    """Before writing, the build reads its file as a user's file is read."""
    import sys

    import importlib_resources
    import pytest

    sys.path.insert(0, str(REPO / "tools"))
    import build_dataset
    from registers import BuildError

    data = importlib_resources.files("sister_agreements") / "data" / "agreements.json"
    text = data.read_text(encoding="utf-8")
    assert len(build_dataset.validate(text).agreements) == 149
    with pytest.raises(BuildError) as caught:
        build_dataset.validate(text.replace('"schema_version": 3', '"schema_version": 2', 1))
    assert str(caught.value) == (
        "built agreements.json: source.schema_version: 2 (sister-agreements 2.0.dev, data "
        "2012.2-2012.3): this file must be 3"
    )
    with pytest.raises(BuildError) as caught:
        build_dataset.validate(text.replace('"sheet": "1-01"', '"sheet": "1-01", "x": 1', 1))
    assert str(caught.value) == (
        "built agreements.json: agreements[0].listings[0].x (agreement 1-01): unknown key "
        "(not a field of Listing)"
    )
