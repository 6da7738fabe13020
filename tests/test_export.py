"""Exports round-trip; encodings behave; pandas is optional."""

from __future__ import annotations

import csv
import importlib
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sister_agreements as sa
from sister_agreements import export


def _read_csv(path: Path, encoding: str) -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


def _as_text(records: list[dict[str, object]]) -> list[dict[str, str]]:
    return [{k: str(v) for k, v in r.items()} for r in records]


@pytest.mark.parametrize(("level", "count"), [("agreement", 149), ("listing", 175), ("party", 370)])
def test_csv_round_trip(ds: sa.Dataset, tmp_path: Path, level: export.Level, count: int) -> None:
    path = tmp_path / f"{level}.csv"
    export.to_csv(ds, path, level=level)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # utf-8-sig for Excel
    rows = _read_csv(path, "utf-8-sig")
    assert len(rows) == count
    assert rows == _as_text(export.to_records(ds, level))


def test_column_names_are_stable(ds: sa.Dataset) -> None:
    assert list(export.to_records(ds, "agreement")[0])[:6] == [
        "id", "title", "fields", "primary_field", "signed", "dates",
    ]  # fmt: skip
    party = export.to_records(ds, "party")[0]
    assert party == {
        "agreement_id": "1-01", "side": "japanese", "position": 1, "name": "青森県青森市",
        "name_en": "Aomori City", "kind": "city", "country": "JP", "prefecture": "青森県",
        "municipality": "青森市", "lg_code": "022012", "became": "", "became_on": "",
        "region": "", "region_code": "", "region_en": "", "locality": "",
    }  # fmt: skip
    listing = export.to_records(ds, "listing")[1]
    assert (listing["key"], listing["agreement_id"], listing["sheet"]) == ("1-02", "1-02", "1-03")


def test_cp932_names_the_character_and_the_record(ds: sa.Dataset, tmp_path: Path) -> None:
    with pytest.raises(UnicodeEncodeError, match=r"'é' \(U\+00E9\) in record 1-22 .*utf-8-sig"):
        export.to_csv(ds, tmp_path / "out.csv", level="party", encoding="cp932")
    with pytest.raises(UnicodeEncodeError, match=r"'천' \(U\+CC9C\) in record 9-08"):
        export.to_csv(
            ds.filter(country="KR", multilateral=False),
            tmp_path / "kr.csv",
            level="party",
            encoding="cp932",
        )
    fine = ds.filter(country="US")
    export.to_csv(fine, tmp_path / "us.csv", level="agreement", encoding="cp932")
    assert _read_csv(tmp_path / "us.csv", "cp932") == _as_text(export.to_records(fine))


def test_unknown_level(ds: sa.Dataset, tmp_path: Path) -> None:
    with pytest.raises(LookupError, match="valid levels: agreement, listing, party"):
        export.to_records(ds, "sheet")  # type: ignore[arg-type]


def test_empty_dataset_writes_a_header(ds: sa.Dataset, tmp_path: Path) -> None:
    empty = ds.filter(country="LU", field=1)
    export.to_csv(empty, tmp_path / "empty.csv", level="listing")
    header = (tmp_path / "empty.csv").read_text(encoding="utf-8-sig").splitlines()
    assert header == [",".join(export.to_records(ds, "listing")[0])]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["CN", "KR", "US", "FR", "TW"]), st.booleans())
def test_json_round_trip(
    tmp_path_factory: pytest.TempPathFactory, country: str, multi: bool
) -> None:
    ds = sa.load().filter(country=country, multilateral=multi)
    path = tmp_path_factory.mktemp("json") / "out.json"
    export.to_json(ds, path)
    back = export.read_json(path)
    assert list(back) == list(ds)
    assert back.errata == ds.errata and back.source == ds.source


def test_pandas(ds: sa.Dataset) -> None:
    pandas = pytest.importorskip("pandas")
    frame = export.to_pandas(ds, level="party")
    assert isinstance(frame, pandas.DataFrame) and len(frame) == 370


def test_without_pandas_the_error_says_how_to_install(
    ds: sa.Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.import_module

    def no_pandas(name: str, package: str | None = None) -> ModuleType:
        if name == "pandas":
            raise ImportError("No module named 'pandas'")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", no_pandas)
    with pytest.raises(ImportError, match=r"pip install 'sister-agreements\[pandas\]'"):
        export.to_pandas(ds)
    with pytest.raises(ImportError, match="pandas"):
        sa.summary.by_field(ds).to_pandas()


def test_text_forms_match_the_files(ds: sa.Dataset, tmp_path: Path) -> None:
    export.to_csv(ds, tmp_path / "listings.csv", level="listing")
    written = (tmp_path / "listings.csv").read_text(encoding="utf-8-sig")
    assert export.csv_text(ds, "listing").splitlines() == written.splitlines()
    export.to_json(ds, tmp_path / "all.json")
    assert export.json_text(ds) == (tmp_path / "all.json").read_text(encoding="utf-8")
