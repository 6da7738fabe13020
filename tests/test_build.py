"""The packaged data is exactly what a fresh build of data-raw/ gives."""

from __future__ import annotations

import subprocess
import sys
from types import ModuleType
from typing import Any

import attrs
import pytest
from conftest import REPO

import sister_agreements as sa


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


def _build_dataset() -> ModuleType:
    sys.path.insert(0, str(REPO / "tools"))
    import build_dataset

    return build_dataset


def test_the_readings_of_the_data_raw_files_belong_to_their_agreements(ds: sa.Dataset) -> None:
    build = _build_dataset()
    titles, ties = build.read_titles(), build.read_ties()
    assert (len(titles), len(ties)) == (149, 149)
    assert build.check_readings(list(ds), titles, ties) == []
    assert {key: row["title_en"] for key, row in titles.items()} == {a.id: a.title_en for a in ds}
    assert ties == {a.id: a.ties for a in ds}


def test_the_build_refuses_titles_and_ties_that_do_not_belong(ds: sa.Dataset) -> None:
    build = _build_dataset()
    titles, ties = build.read_titles(), build.read_ties()
    titles["9-99"] = titles.pop("1-01")
    titles["1-02"] = {**titles["1-02"], "title": "人材と技術の交流"}
    del ties["1-04"]
    ties["9-98"] = ties["1-05"]
    agreements = {a.id: a for a in ds}
    changes: dict[str, dict[str, Any]] = {
        "1-03": {"title_en": "Memorandum on 交流"},
        "1-06": {"title_en": " "},
        "1-04": {"ties": ()},
        "1-11": {"ties": (attrs.evolve(ds["1-11"].ties[0], japanese_party="千葉県"),)},
        # a shorter part of the sheet's words is still the sheet's: no problem
        "1-10": {"ties": (attrs.evolve(ds["1-10"].ties[0], evidence="友好都市関係は解消"),)},
        "1-09": {"ties": (attrs.evolve(ds["1-09"].ties[0], evidence="両市間の友好都市"),)},
        "1-01": {"ties": (attrs.evolve(ds["1-01"].ties[0], evidence="友好社締結"),)},
        "1-02": {"ties": (attrs.evolve(ds["1-02"].ties[0], year=1994),)},
        "1-17": {"ties": (attrs.evolve(ds["1-17"].ties[0], evidence=""),)},
        "3-05": {"ties": (attrs.evolve(ds["3-05"].ties[0], foreign_party="ポートランド市"),)},
    }
    for key, change in changes.items():
        agreements[key] = attrs.evolve(agreements[key], **change)
    assert build.check_readings(list(agreements.values()), titles, ties) == [
        "titles_en.csv: no agreement 9-99",
        "ties.csv: no agreement 9-98",
        "titles_en.csv: no row for agreement 1-01",
        "ties.csv 1-01: a not_stated tie with evidence or a year",
        "titles_en.csv 1-02: '人材と技術の交流' is not the agreement's title "
        "'人材と技術の交流に関する同意書'",
        "ties.csv 1-02: a not_stated tie with evidence or a year",
        "titles_en.csv 1-03: title_en 'Memorandum on 交流' is empty or holds kana or kanji",
        "ties.csv: no row for agreement 1-04",
        "titles_en.csv 1-06: title_en ' ' is empty or holds kana or kanji",
        "ties.csv 1-09: evidence '両市間の友好都市' is not in the agreement's texts",
        "ties.csv 1-11: '千葉県' is not a party of the agreement",
        "ties.csv 1-17: a sister_city tie without evidence",
        "ties.csv 3-05: 'ポートランド市' is not a party of the agreement",
    ]


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        ("ties.csv", {"kind": "cousin_city"}, "ties.csv 1-01: unknown kind 'cousin_city'"),
        ("ties.csv", {"year": "昭和52"}, "ties.csv 1-01: year '昭和52' is not a Western year"),
        ("titles_en.csv", {}, "titles_en.csv: agreement 1-01 twice"),
        ("errata.csv", {"evidence_ja": " "}, "errata.csv E001: no evidence_ja"),
        ("errata.csv", {"printed": "大韓民国松炭市"},
         "errata.csv E001: '大韓民国松炭市' is not printed in the report"),
    ],
)  # fmt: skip
def test_the_build_refuses_a_bad_row(
    report_text: str, name: str, change: dict[str, str], message: str
) -> None:
    """The file's first row, changed (alone), or unchanged and given twice."""
    build = _build_dataset()
    read_csv = build.read_csv

    def changed(file: str) -> list[dict[str, str]]:
        rows: list[dict[str, str]] = read_csv(file)
        if file == name:
            rows = [{**rows[0], **change}, *rows] if not change else [{**rows[0], **change}]
        return rows

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(build, "read_csv", changed)
        with pytest.raises(build.BuildError) as caught:
            {"ties.csv": build.read_ties, "titles_en.csv": build.read_titles}.get(
                name, lambda: build.read_errata(report_text)
            )()
    assert str(caught.value) == message
