from __future__ import annotations

import pytest

import sister_agreements as sa
from sister_agreements import Field
from sister_agreements._fold import fold


@pytest.mark.parametrize(
    "value",
    ["CN", "cn", "中国", "中華人民共和国", "China", "CHINA", "People's Republic of China", "ＣＮ"],
)
def test_country_by_any_name(value: str) -> None:
    assert sa.countries.lookup(value).code == "CN"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("台湾", "TW"),
        ("臺灣", "TW"),
        ("イギリス", "GB"),
        ("英国", "GB"),
        ("south korea", "KR"),
        ("韓国", "KR"),
    ],
)
def test_country_variants(value: str, code: str) -> None:
    assert sa.countries.lookup(value).code == code


@pytest.mark.parametrize(
    "value",
    ["静岡県", "静岡", "Shizuoka", "shizuoka prefecture", "22", 22, 220001, "220001", "静岡縣"],
)
def test_prefecture_by_any_name(value: str | int) -> None:
    assert sa.prefectures.lookup(value).name_ja == "静岡県"


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("北海道", "北海道"),
        ("Hokkaido", "北海道"),
        ("東京", "東京都"),
        ("Tokyo", "東京都"),
        ("1", "北海道"),
        ("京都", "京都府"),
    ],
)
def test_prefecture_special_forms(value: str, name: str) -> None:
    assert sa.prefectures.lookup(value).name_ja == name


def test_unknown_names_raise_lookup_error_with_nearest() -> None:
    with pytest.raises(LookupError, match=r"closest: .*静岡県"):
        sa.prefectures.lookup("静岡件")
    with pytest.raises(LookupError, match=r"closest: .*China"):
        sa.countries.lookup("Chna")
    with pytest.raises(LookupError, match="unknown country 'Atlantis'"):
        sa.countries.lookup("Atlantis")
    assert sa.countries.get("Atlantis") is None


def test_wrong_type_raises_type_error() -> None:
    with pytest.raises(TypeError):
        sa.countries.get(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        sa.prefectures.lookup(True)


def test_field_variants_the_report_uses() -> None:
    assert Field.parse("經濟交流（商業等）") is Field.ECONOMY_COMMERCE
    assert Field.parse("経済交流 (商業等)") is Field.ECONOMY_COMMERCE


def test_fold_keeps_kana_voicing_and_drops_latin_accents() -> None:
    assert fold("ガイサ市") != fold("カイサ市")
    assert fold("Kecskemét") == fold("kecskemet")
    assert fold("黒龍江省") == fold("黒竜江省")


def test_lookups_iterate_every_entry() -> None:
    assert len(sa.countries) == 30 and len(list(sa.countries)) == 30
    assert len(sa.prefectures) == 47


def test_party_names_cover_printed_place_and_english_names(ds: sa.Dataset) -> None:
    from sister_agreements.names import party_names

    aomori = ds["1-01"].japanese_parties[0]
    assert party_names(aomori) == ("青森県青森市", "青森市", "Aomori City", "022012")
    dalian = ds["1-01"].foreign_parties[0]
    assert party_names(dalian) == ("大連市", "Dalian")
    with pytest.raises(LookupError, match="closest: Sapporo City"):
        ds.filter(party="Sapporo Cty")
