"""Exports: pinned columns and labels, round trips, formulas, encodings, safe writing, pandas."""

from __future__ import annotations

import csv
import errno
import importlib
import io
import json
import os
import re
import stat
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st
from test_atomic import assert_untouched, fail_writes, old_file

import sister_agreements as sa
from sister_agreements import export

HEADERS = {
    "agreement": "id,title,title_en,fields,primary_field,signed,dates,date_text,multilateral,"
    "japanese_parties,japanese_parties_en,lg_codes,prefectures,foreign_parties,"
    "foreign_parties_en,countries,region_codes,tie_kind,tie_year,tie_pair,tie_evidence,"
    "background,activities,outcomes,urls,contacts,listings",
    "listing": "key,field,field_ja,field_en,number,page,relisted,agreement_id,index_parties,"
    "index_title,sheet,sheet_title,title_en,signed,multilateral,countries,tie_kind",
    "party": "agreement_id,side,position,name,name_en,kind,country,prefecture,municipality,"
    "lg_code,became,became_on,region,region_code,region_en,locality",
    "erratum": "id,listing,agreement_id,kind,item,printed,dataset,evidence,evidence_ja",
}
NOT_TEXT = {
    "agreement": {"primary_field": "int64", "multilateral": "bool"},
    "listing": {"field": "int64", "number": "int64", "page": "int64", "relisted": "bool",
                "multilateral": "bool"},
    "party": {"position": "int64"},
    "erratum": {},
}  # fmt: skip
COUNTS = {"agreement": 149, "listing": 175, "party": 370, "erratum": 81}
LEVELS: tuple[export.Level, ...] = ("agreement", "listing", "party", "erratum")

# Every character of the data that cp932 cannot write, with its documented stand-in.
CP932 = {
    "ä": "a", "á": "a", "è": "e", "é": "e", "í": "i", "ó": "o", "ô": "o", "Î": "I",
    "ế": "e", "—": "―", "–": "-", "团": "団", "济": "済", "经": "経", "县": "県", "吳": "呉",
    "堉": "〓", "洱": "〓", "시": "〓", "천": "〓", "송": "〓", "탄": "〓",
}  # fmt: skip
REPLACED = {"agreement": 58, "listing": 31, "party": 28, "erratum": 62}


def _read_csv(path: Path, encoding: str) -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


def _as_text(records: list[dict[str, object]]) -> list[dict[str, str]]:
    return [{k: str(v) for k, v in r.items()} for r in records]


def _with_titles(ds: sa.Dataset, tmp_path: Path, titles: list[str]) -> sa.Dataset:
    """The first ``len(titles)`` agreements of ``ds`` with those titles, read back from a
    file as a user's data would be."""
    document = json.loads(export.json_text(ds[: len(titles)]))
    for agreement, title in zip(document["agreements"], titles, strict=True):
        agreement["title"] = title
    path = tmp_path / "titles.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return export.read_json(path)


# --- columns and labels ---------------------------------------------------------


def test_columns_are_pinned() -> None:
    assert {level: ",".join(columns) for level, columns in export.COLUMNS.items()} == HEADERS
    assert export.LEVELS == LEVELS
    assert dict(export.DATE_COLUMNS) == {
        "agreement": ("signed",), "listing": ("signed",), "party": ("became_on",),
        "erratum": (),
    }  # fmt: skip
    with pytest.raises(TypeError):
        export.COLUMNS["party"] = ()  # type: ignore[index]


@pytest.mark.parametrize("level", LEVELS)
def test_every_record_and_every_header_has_the_columns(ds: sa.Dataset, level: export.Level) -> None:
    records = export.to_records(ds, level)
    assert len(records) == COUNTS[level]
    assert all(list(record) == list(export.COLUMNS[level]) for record in records)
    assert export.csv_text(ds, level).split("\r\n", 1)[0] == HEADERS[level]
    empty = ds.filter(country="LU", field=1)
    assert export.csv_text(empty, level) == HEADERS[level] + "\r\n"


def test_dtypes_are_pinned() -> None:
    expected = {
        level: {column: NOT_TEXT[level].get(column, "str") for column in HEADERS[level].split(",")}
        for level in LEVELS
    }
    assert {level: dict(dtypes) for level, dtypes in export.DTYPES.items()} == expected


def test_labels_are_pinned(ds: sa.Dataset) -> None:
    listings = export.to_records(ds, "listing")
    assert sorted({(r["field"], r["field_ja"], r["field_en"]) for r in listings}) == [
        (1, "教育交流", "Educational exchange"),
        (2, "文化交流", "Cultural exchange"),
        (3, "スポーツ交流", "Sports exchange"),
        (4, "医療交流", "Medical exchange"),
        (5, "経済交流（農業等）", "Economic exchange (agriculture etc.)"),
        (6, "経済交流（工業等）", "Economic exchange (industry etc.)"),
        (7, "経済交流（商業等）", "Economic exchange (commerce etc.)"),
        (8, "行政交流", "Administrative exchange"),
        (9, "その他交流", "Other exchange"),
    ]
    parties = export.to_records(ds, "party")
    assert sorted({(r["side"], r["kind"]) for r in parties}) == [
        ("foreign", "city"), ("foreign", "country"), ("foreign", "county"),
        ("foreign", "district"), ("foreign", "organisation"), ("foreign", "region"),
        ("japanese", "city"), ("japanese", "designated_city"), ("japanese", "organisation"),
        ("japanese", "prefecture"), ("japanese", "special_ward"), ("japanese", "town"),
        ("japanese", "village"),
    ]  # fmt: skip
    assert {r["country"] for r in parties if r["side"] == "japanese"} == {"JP"}


def test_whole_records(ds: sa.Dataset) -> None:
    party = export.to_records(ds, "party")[0]
    assert party == {
        "agreement_id": "1-01", "side": "japanese", "position": 1, "name": "青森県青森市",
        "name_en": "Aomori City", "kind": "city", "country": "JP", "prefecture": "青森県",
        "municipality": "青森市", "lg_code": "022012", "became": "", "became_on": "",
        "region": "", "region_code": "", "region_en": "", "locality": "",
    }  # fmt: skip
    foreign = export.to_records(ds, "party")[1]
    assert (foreign["side"], foreign["name"], foreign["country"], foreign["region_code"]) == (
        "foreign", "大連市", "CN", "CN-LN",
    )  # fmt: skip
    assert (foreign["lg_code"], foreign["prefecture"], foreign["municipality"]) == ("", "", "")
    listing = export.to_records(ds, "listing")[1]
    assert (listing["key"], listing["agreement_id"], listing["sheet"]) == ("1-02", "1-02", "1-03")
    agreement = export.to_records(ds, "agreement")[0]
    assert (agreement["id"], agreement["signed"], agreement["lg_codes"]) == (
        "1-01", "2004-12-24", "022012",
    )  # fmt: skip


def test_whole_agreement_records(ds: sa.Dataset) -> None:
    records = {r["id"]: r for r in export.to_records(ds, "agreement")}
    strait = records["8-25"]
    a = ds["8-25"]
    texts = ("background", "activities", "outcomes")
    assert [strait[column] for column in texts] == [a.background, a.activities, a.outcomes]
    assert {k: v for k, v in strait.items() if k not in texts} == {
        "id": "8-25", "title": "日韓海峡沿岸県市道交流知事会議",
        "title_en": "Japan–Korea Strait Coastal Prefectures, City and Provinces Governors' "
        "Exchange Conference",
        "fields": "8", "primary_field": 8,
        "signed": "1992", "dates": "1992 (開始)", "date_text": "平成4（1992）年から開始",
        "multilateral": True,
        "japanese_parties": "福岡県; 佐賀県; 長崎県; 山口県",
        "japanese_parties_en":
            "Fukuoka Prefecture; Saga Prefecture; Nagasaki Prefecture; Yamaguchi Prefecture",
        "lg_codes": "400009; 410004; 420000; 350001",
        "prefectures": "福岡県; 佐賀県; 長崎県; 山口県",
        "foreign_parties": "釜山広域市; 全羅南道; 慶尚南道; 済州特別自治道",
        "foreign_parties_en": "Busan; South Jeolla; South Gyeongsang; Jeju",
        "countries": "KR", "region_codes": "KR-26; KR-46; KR-48; KR-49",
        "tie_kind": "not_stated", "tie_year": "",
        "tie_pair": "福岡県; 佐賀県; 長崎県; 山口県 - "
        "釜山広域市; 全羅南道; 慶尚南道; 済州特別自治道",
        "tie_evidence": "",
        "urls": "http://www.japan-korea-strait8.org/index.php",
        "contacts": "福岡県 新社会推進部 国際交流局 交流第一課 / 092-643-3202 / "
        "yasuda-e7848@pref.fukuoka.lg.jp",
        "listings": "8-25",
    }  # fmt: skip
    kochi = records["2-07"]
    assert (kochi["fields"], kochi["primary_field"], kochi["listings"]) == ("2; 7", 2, "2-07; 7-20")
    assert kochi["contacts"] == (
        "文化生活部 文化・国際課 / 088-823-9605 / 140201@ken.pref.kochi.lg.jp; "
        "観光振興部 観光政策課 / 088-823-9608 / 020101@ken.pref.kochi.lg.jp"
    )
    assert records["2-05"]["dates"] == "2001-05-26 (旧八日市市); 2006-03-16 (東近江市合併後)"


def test_tie_columns(ds: sa.Dataset) -> None:
    """One tie per agreement today; several would be joined with " | " in each column, in
    the same order. A side the tie leaves open names every party on it."""
    records = {r["id"]: r for r in export.to_records(ds, "agreement")}
    columns = ("tie_kind", "tie_year", "tie_pair", "tie_evidence")
    assert [records["1-11"][c] for c in columns] == [
        "sister_city", "1977", "千葉県四街道市 - カリフォルニア州リバモア市",
        "昭和52年に姉妹都市提携を締結",
    ]  # fmt: skip
    assert [records["3-05"][c] for c in columns] == [
        "sister_city", "",
        "北海道札幌市 - オレゴン州ポートランド市; バイエルン州ミュンヘン市; 遼寧省瀋陽市; "
        "ノボシビルスク州ノボシビルスク市",
        "姉妹都市相互のより一層の発展と親善",
    ]  # fmt: skip
    two = attrs.evolve(ds["1-11"], ties=(*ds["1-11"].ties, ds["1-10"].ties[0]))
    assert [export._agreement_row(two)[c] for c in columns] == [
        "sister_city | none", "1977 | ",
        "千葉県四街道市 - カリフォルニア州リバモア市 | "
        "栃木県鹿沼市 - ノースダコタ州グランドフォークス市",
        "昭和52年に姉妹都市提携を締結 | 平成18年、友好都市関係は解消した",
    ]  # fmt: skip
    listings = {r["key"]: r for r in export.to_records(ds, "listing")}
    assert (listings["2-03"]["title_en"], listings["2-03"]["tie_kind"]) == (
        ds["1-14"].title_en, "not_stated"
    )  # fmt: skip


def test_erratum_records(ds: sa.Dataset) -> None:
    records = export.to_records(ds, "erratum")
    assert [r["id"] for r in records] == [e.id for e in ds.errata]
    e068 = next(r for r in records if r["id"] == "E068")
    assert (e068["listing"], e068["agreement_id"], e068["kind"], e068["item"]) == (
        "2-03", "1-14", "text_misprint", "background"
    )  # fmt: skip
    assert e068["evidence_ja"].startswith("1-14（L843）の再掲である本個票の提携に至った経緯")
    korea = export.to_records(ds.filter(country="KR"), "erratum")
    assert [r["id"] for r in korea] == [e.id for e in ds.filter(country="KR").errata]
    assert len(korea) == 21


def test_unknown_choices(ds: sa.Dataset, tmp_path: Path) -> None:
    with pytest.raises(sa.UnknownValueError, match=r"^unknown level 'sheet'; closest: agreement, "):
        export.to_records(ds, "sheet")  # type: ignore[arg-type]
    with pytest.raises(LookupError, match=r"^unknown errors 'ignore'; closest: strict, replace$"):
        export.to_csv(ds, tmp_path / "x.csv", errors="ignore")  # type: ignore[arg-type]
    with pytest.raises(LookupError, match=r"^unknown formulas 'strip'; closest: neutralise, keep$"):
        export.csv_text(ds, formulas="strip")  # type: ignore[arg-type]
    with pytest.raises(LookupError, match="unknown encoding: klingon"):
        export.to_csv(ds, tmp_path / "x.csv", encoding="klingon")
    assert os.listdir(tmp_path) == []


# --- CSV ------------------------------------------------------------------------


@pytest.mark.parametrize("level", LEVELS)
def test_csv_round_trip(ds: sa.Dataset, tmp_path: Path, level: export.Level) -> None:
    path = tmp_path / f"{level}.csv"
    assert export.to_csv(ds, path, level=level) == 0
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + HEADERS[level].encode() + b"\r\n")
    rows = _read_csv(path, "utf-8-sig")
    assert len(rows) == COUNTS[level]
    assert rows == _as_text(export.to_records(ds, level))
    assert export.csv_text(ds, level) == data.decode("utf-8-sig")


def test_a_text_file_object_gets_the_same_csv(ds: sa.Dataset, tmp_path: Path) -> None:
    export.to_csv(ds, tmp_path / "file.csv", level="party")
    buffer = io.StringIO()
    assert export.to_csv(ds, buffer, level="party") == 0
    assert not buffer.closed
    assert buffer.getvalue().encode("utf-8-sig") == (tmp_path / "file.csv").read_bytes()


def test_formulas_are_neutralised(ds: sa.Dataset, tmp_path: Path) -> None:
    titles = ["=1+1", "+81 3 1234", "-5", "@SUM(A1)", "\tx", "\rx", "a=b", " =x", "－1", "'q"]
    hostile = _with_titles(ds, tmp_path, titles)
    cells = [row["title"] for row in csv.DictReader(io.StringIO(export.csv_text(hostile)))]
    assert cells == ["'=1+1", "'+81 3 1234", "'-5", "'@SUM(A1)", "'\tx", "'\rx", "a=b",
                     " =x", "－1", "'q"]  # fmt: skip
    kept = export.csv_text(hostile, formulas="keep")
    assert [row["title"] for row in csv.DictReader(io.StringIO(kept))] == titles
    numbers = [row["primary_field"] for row in csv.DictReader(io.StringIO(export.csv_text(ds)))]
    assert numbers[:3] == ["1", "1", "1"]  # numbers are never text to neutralise
    assert export.FORMULA_STARTS == ("=", "+", "-", "@", "\t", "\r")


def test_a_stand_in_that_starts_a_formula_is_neutralised(ds: sa.Dataset, tmp_path: Path) -> None:
    hostile = _with_titles(ds, tmp_path, ["–1"])  # EN DASH, whose stand-in is "-"
    buffer = io.StringIO()
    # the title's and the one in 1-01's title_en, Aomori City–Dalian
    assert export.to_csv(hostile, buffer, encoding="cp932", errors="replace") == 2
    assert next(csv.DictReader(io.StringIO(buffer.getvalue())))["title"] == "'-1"


@settings(max_examples=40, deadline=None)
@given(st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=20))
def test_any_title_comes_back_or_comes_back_quoted(
    ds: sa.Dataset, tmp_path_factory: pytest.TempPathFactory, title: str
) -> None:
    hostile = _with_titles(ds, tmp_path_factory.mktemp("t"), [title])
    cell = next(csv.DictReader(io.StringIO(export.csv_text(hostile))))["title"]
    assert cell == ("'" + title if title[0] in "=+-@\t\r" else title)


# --- encodings ------------------------------------------------------------------


def test_cp932_strict_names_the_character_and_the_record(ds: sa.Dataset, tmp_path: Path) -> None:
    path = old_file(tmp_path)
    message = (
        r"character '\\xe9' in position 7: 'é' \(U\+00E9\) in record 1-22 cannot be written "
        r"in cp932; use utf-8-sig, or replace it with a stand-in \(errors='replace', --errors"
    )
    with pytest.raises(UnicodeEncodeError, match=message):
        export.to_csv(ds, path, level="party", encoding="cp932")
    assert_untouched(path)
    with pytest.raises(UnicodeEncodeError, match=r"'천' \(U\+CC9C\) in record 9-08"):
        export.to_csv(ds.filter(country="KR", multilateral=False), path, "party", "cp932")
    fine = ds.filter(country="TW")
    export.to_csv(fine, tmp_path / "tw.csv", level="agreement", encoding="cp932")
    assert _read_csv(tmp_path / "tw.csv", "cp932") == _as_text(export.to_records(fine))


@pytest.mark.parametrize("level", LEVELS)
def test_cp932_replace_writes_every_level_with_the_documented_loss(
    ds: sa.Dataset, tmp_path: Path, level: export.Level
) -> None:
    path = tmp_path / f"{level}.csv"
    assert export.to_csv(ds, path, level, "cp932", errors="replace") == REPLACED[level]
    expected = [
        {k: "".join(CP932.get(c, c) for c in v) for k, v in row.items()}
        for row in _as_text(export.to_records(ds, level))
    ]
    assert _read_csv(path, "cp932") == expected


def test_the_documented_loss_is_every_unwritable_character(ds: sa.Dataset) -> None:
    unwritable: dict[str, int] = {}
    for level in LEVELS:
        for record in export.to_records(ds, level):
            for char in "".join(str(v) for v in record.values()):
                try:
                    char.encode("cp932")
                except UnicodeEncodeError:
                    unwritable[level] = unwritable.get(level, 0) + 1
                    assert char in CP932
    assert unwritable == REPLACED


def test_the_docs_list_the_stand_ins_and_the_loss(ds: sa.Dataset) -> None:
    page = (REPO / "docs" / "exports.md").read_text(encoding="utf-8")
    documented = {}
    for row in re.findall(r"^\| (U\+[0-9A-F]{4}) . \| ((?:U\+[0-9A-F]{4} )+)", page, re.M):
        documented[chr(int(row[0][2:], 16))] = "".join(chr(int(u[2:], 16)) for u in row[1].split())
    assert documented == dict(export.STAND_INS)
    for level in LEVELS:
        chars = Counter(
            char
            for record in export.to_records(ds, level)
            for value in record.values()
            for char in str(value)
            if char in CP932
        )
        listed = ", ".join(
            char + (f" ×{n}" if n > 1 else "")
            for char, n in sorted(chars.items(), key=lambda item: (-item[1], item[0]))
        )
        assert f"| {level} | {REPLACED[level]}: {listed} |" in page


def test_other_encodings(ds: sa.Dataset, tmp_path: Path) -> None:
    export.to_csv(ds, tmp_path / "u.csv", level="listing", encoding="utf-8")
    assert (tmp_path / "u.csv").read_bytes().startswith(b"key,field,")
    replaced = export.to_csv(ds, tmp_path / "a.csv", "party", "ascii", errors="replace")
    assert replaced > 1000  # every kana and kanji
    assert "Kecskemet" in (tmp_path / "a.csv").read_text("ascii")


# --- safe writing ---------------------------------------------------------------


@pytest.mark.parametrize("error", [OSError(errno.ENOSPC, "No space left"), KeyboardInterrupt()])
@pytest.mark.parametrize("writer", ["csv", "json"])
def test_a_write_that_fails_half_way_leaves_the_old_file(
    ds: sa.Dataset,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: BaseException,
    writer: str,
) -> None:
    path = old_file(tmp_path)
    fail_writes(monkeypatch, error)
    with pytest.raises(type(error)):
        if writer == "csv":
            export.to_csv(ds, path, level="party")
        else:
            export.to_json(ds, path)
    assert_untouched(path)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs (needs root; skipped where it cannot be mounted)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {result.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_a_full_disk_leaves_the_old_file(ds: sa.Dataset, small_disk: Path) -> None:
    path = old_file(small_disk)
    for write in (
        lambda: export.to_csv(ds, path, level="agreement"),
        lambda: export.to_json(ds, path),
    ):
        with pytest.raises(OSError) as caught:
            write()
        assert caught.value.errno == errno.ENOSPC and caught.value.filename == str(path)
        assert_untouched(path)
    small = ds.filter(country="US")
    export.to_csv(small, path, level="listing")
    assert path.read_text("utf-8-sig").startswith("key,field,")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.parametrize("target", [3, b"out.csv", None, io.BytesIO()])
def test_paths_are_str_path_like_or_text_files(ds: sa.Dataset, target: Any) -> None:
    with pytest.raises(TypeError, match="or a text file object"):
        export.to_csv(ds, target)
    with pytest.raises(TypeError, match="or a text file object"):
        export.to_json(ds, target)


# --- JSON -----------------------------------------------------------------------


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


def test_json_text_matches_the_file(ds: sa.Dataset, tmp_path: Path) -> None:
    export.to_json(ds, str(tmp_path / "all.json"))
    assert export.json_text(ds) == (tmp_path / "all.json").read_text(encoding="utf-8")
    buffer = io.StringIO()
    export.to_json(ds, buffer)
    assert buffer.getvalue() == export.json_text(ds)


# --- pandas ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def pandas() -> ModuleType:
    module: ModuleType = pytest.importorskip("pandas")
    return module


def _dtype_names(frame: Any) -> dict[str, str]:
    return {column: str(dtype) for column, dtype in frame.dtypes.items()}


@pytest.mark.parametrize("level", LEVELS)
def test_pandas_columns_and_dtypes_also_when_empty(
    ds: sa.Dataset, pandas: ModuleType, level: export.Level
) -> None:
    full = export.to_pandas(ds, level)
    empty = export.to_pandas(ds.filter(country="LU", field=1), level)
    assert len(full) == COUNTS[level] and len(empty) == 0
    columns = list(export.COLUMNS[level])
    for date in export.DATE_COLUMNS[level]:
        at = columns.index(date) + 1
        columns[at:at] = [f"{date}_year", f"{date}_date"]
        assert str(full[f"{date}_year"].dtype) == "Int64"
        assert str(full[f"{date}_date"].dtype) == "datetime64[s]"
    assert list(full.columns) == list(empty.columns) == columns
    assert _dtype_names(full) == _dtype_names(empty)
    text = pandas.api.types.is_string_dtype
    assert all(text(full[c]) for c, kind in export.DTYPES[level].items() if kind == "str")


def test_pandas_codes_are_text_and_dates_are_usable(ds: sa.Dataset, pandas: ModuleType) -> None:
    parties = export.to_pandas(ds, "party")
    assert parties.loc[0, "lg_code"] == "022012" and isinstance(parties.loc[0, "lg_code"], str)
    assert parties.loc[0, "position"] == 1
    became = parties[parties["became_on"] != ""]
    assert became[["agreement_id", "became_on", "became_on_year"]].values.tolist() == [
        ["1-03", "2014-04-05", 2014]
    ]
    assert became["became_on_date"].tolist() == [pandas.Timestamp("2014-04-05")]
    agreements = export.to_pandas(ds, "agreement").set_index("id")
    by_id = agreements[["signed", "signed_year", "signed_date"]]
    assert by_id.loc["1-01"].tolist() == ["2004-12-24", 2004, pandas.Timestamp("2004-12-24")]
    day, month, year, none = (by_id.loc[i] for i in ("1-01", "1-05", "3-06", "7-08"))
    assert (month["signed"], month["signed_year"]) == ("1999-08", 1999)
    assert pandas.isna(month["signed_date"]) and not pandas.isna(day["signed_date"])
    assert (year["signed"], year["signed_year"], pandas.isna(year["signed_date"])) == (
        "1995", 1995, True,
    )  # fmt: skip
    assert none["signed"] == "" and pandas.isna(none["signed_year"])
    assert pandas.isna(none["signed_date"])
    assert (
        agreements["signed_date"].notna().sum() == 139
    )  # a day known: 149 less 9 to the month or year, less 7-08
    assert agreements["signed_year"].notna().sum() == 148


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("prefecture", ["青森", "静岡", "東京"])
def test_read_csv_with_the_dtypes_gives_the_frame_back(
    ds: sa.Dataset, pandas: ModuleType, tmp_path: Path, level: export.Level, prefecture: str
) -> None:
    subset = ds.filter(prefecture=prefecture)
    export.to_csv(subset, tmp_path / "out.csv", level=level)
    read = pandas.read_csv(
        tmp_path / "out.csv",
        encoding="utf-8-sig",
        dtype=dict(export.DTYPES[level]),
        keep_default_na=False,
    )
    frame = export.to_pandas(subset, level)
    pandas.testing.assert_frame_equal(read, frame[list(export.COLUMNS[level])])


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
