"""The one name resolver: every form a user holds a name or a code in, and what it refuses."""

from __future__ import annotations

import re
from typing import Any

import pycountry
import pykakasi
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sister_agreements as sa
from sister_agreements import AmbiguousValueError, Field, UnknownValueError
from sister_agreements._tables import names_tables
from sister_agreements.names import (
    is_valid_lg_code,
    lg_check_digit,
    lg_codes,
    municipality_lookup,
    party_names,
)

PREFECTURES = list(sa.prefectures)

# --- countries ------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "CN", "cn", "CHN", "chn", 156, "156", "中国", "中華人民共和国", "China", "CHINA",
        "People's Republic of China", "ＣＮ", " cn ",
    ],
)  # fmt: skip
def test_country_by_any_name_or_code(value: str | int) -> None:
    assert sa.countries.lookup(value).code == "CN"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("台湾", "TW"),
        ("臺灣", "TW"),
        ("Taiwan, Province of China", "TW"),
        ("Korea, Republic of", "KR"),
        ("Republic of Korea", "KR"),
        ("south korea", "KR"),
        ("韓国", "KR"),
        ("イギリス", "GB"),
        ("英国", "GB"),
        ("GBR", "GB"),
        ("826", "GB"),
        (36, "AU"),  # 036, read back as a number
        ("036", "AU"),
        ("Viet Nam", "VN"),
        ("Vietnam", "VN"),
        ("Russian Federation", "RU"),
        ("United States of America", "US"),
        ("USA", "US"),
        ("Germany", "DE"),  # a country the report does not name
        ("ドイツ", "DE"),
        (276, "DE"),
        ("Japan", "JP"),
        ("Côte d'Ivoire", "CI"),
        ("Cote dIvoire", "CI"),
    ],
)
def test_country_forms(value: str | int, code: str) -> None:
    assert sa.countries.lookup(value).code == code


def test_every_iso_country_resolves_by_each_of_its_codes_and_names() -> None:
    for iso in pycountry.countries:
        names: list[str | int] = [iso.alpha_2, iso.alpha_3, iso.numeric, int(iso.numeric)]
        names += [iso.name, getattr(iso, "official_name", iso.name)]
        names.append(getattr(iso, "common_name", iso.name))
        for name in names:
            assert sa.countries.lookup(name).code == iso.alpha_2, (iso, name)
    assert len(sa.countries) == len(pycountry.countries) == 249


def test_a_country_with_no_agreement_is_an_empty_result_not_an_error(ds: sa.Dataset) -> None:
    assert len(ds.filter(country="Brazil")) == 1
    assert len(ds.filter(country="Germany")) == 5
    assert len(ds.filter(country="Iceland")) == 0
    assert len(ds.filter(country="JP")) == 0
    both = ds.filter(country="CN").filter(country="KR")
    assert [a.id for a in both] == ["2-23", "5-11", "6-23", "6-24"]
    assert all({"CN", "KR"} <= set(a.countries) for a in both)


# --- prefectures ----------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "静岡県", "静岡", "静岡縣", "Shizuoka", "shizuoka prefecture", "SHIZUOKA", "Shizuoka-ken",
        "Shizuoka ken", "Shizuoka Pref.", "Sizuoka", "しずおか", "しずおかけん", "シズオカ", "ｼｽﾞｵｶ",
        "22", 22, "JP-22", "jp22", "２２", 220001, "220001", "22000", 22000,
    ],
)  # fmt: skip
def test_prefecture_by_any_name_or_code(value: str | int) -> None:
    assert sa.prefectures.lookup(value).name_ja == "静岡県"


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("Gumma", "群馬県"),
        ("Gunma", "群馬県"),
        ("Hukuoka", "福岡県"),
        ("Ohita", "大分県"),
        ("Ooita", "大分県"),
        ("Ōita", "大分県"),
        ("Kouchi", "高知県"),
        ("Kôti", "高知県"),
        ("Kochi", "高知県"),
        ("Hyougo", "兵庫県"),
        ("Hyôgo", "兵庫県"),
        ("Tokyo-to", "東京都"),
        ("Tōkyō", "東京都"),
        ("Tokyo Metropolis", "東京都"),
        ("とうきょう", "東京都"),
        ("東京", "東京都"),
        ("Osaka-fu", "大阪府"),
        ("Oosaka", "大阪府"),
        ("おおさか", "大阪府"),
        ("Kyoto", "京都府"),
        ("Kyōto-fu", "京都府"),
        ("京都", "京都府"),
        ("Hokkaido", "北海道"),
        ("Hokkaido Prefecture", "北海道"),
        ("Hokkaidō", "北海道"),
        ("ほっかいどう", "北海道"),
        ("北海道", "北海道"),
        ("Tiba", "千葉県"),
        ("Totigi", "栃木県"),
        ("Kagosima", "鹿児島県"),
        ("1", "北海道"),
        (1, "北海道"),
        ("01", "北海道"),
        ("JP-01", "北海道"),
        ("010006", "北海道"),
        (10006, "北海道"),  # 010006 read back as a number
        (1000, "北海道"),  # 01000, likewise
        (470007, "沖縄県"),
        ("JP-47", "沖縄県"),
    ],
)
def test_prefecture_forms(value: str | int, name: str) -> None:
    assert sa.prefectures.lookup(value).name_ja == name


def _romanisations(prefecture: sa.Prefecture) -> st.SearchStrategy[str]:
    """Spellings of a prefecture's name in the common romanisations, from its reading."""
    suffix = {"県": "ケン", "府": "フ", "都": "ト", "道": ""}[prefecture.name_ja[-1]]
    reading = prefecture.kana.removesuffix(suffix) if suffix else prefecture.kana
    converted = pykakasi.kakasi().convert(reading)  # type: ignore[no-untyped-call]
    systems = [
        "".join(part[system] for part in converted) for system in ("hepburn", "kunrei", "passport")
    ]
    long_o = st.sampled_from(["ō", "ô", "o", "oh", "ou", "oo", "Ō"])
    long_u = st.sampled_from(["ū", "û", "u", "uu"])
    nasal = st.sampled_from(["n", "m"])
    roman_suffix = {"ケン": "ken", "フ": "fu", "ト": "to", "": ""}[suffix]
    ending = st.sampled_from(["", " Prefecture", f"-{roman_suffix}", f" {roman_suffix}"])

    @st.composite
    def spell(draw: st.DrawFn) -> str:
        text = draw(st.sampled_from(systems))
        text = re.sub(r"o[ou]", lambda _: draw(long_o), text)
        text = re.sub(r"uu", lambda _: draw(long_u), text)
        text = re.sub(r"n(?=[bmp])", lambda _: draw(nasal), text)
        text += draw(ending)
        return draw(st.sampled_from([text, text.upper(), text.title(), text.lower()]))

    return spell()


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_any_romanisation_of_any_prefecture_resolves_to_it(data: st.DataObject) -> None:
    prefecture = data.draw(st.sampled_from(PREFECTURES))
    spelling = data.draw(_romanisations(prefecture))
    assert sa.prefectures.lookup(spelling) == prefecture, spelling


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(PREFECTURES), st.booleans())
def test_any_prefecture_resolves_by_its_reading_in_hiragana_or_katakana(
    prefecture: sa.Prefecture, hiragana: bool
) -> None:
    reading = prefecture.kana
    if hiragana:
        reading = "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in reading)
    assert sa.prefectures.lookup(reading) == prefecture


def test_every_prefecture_resolves_by_its_numbers_and_codes() -> None:
    for prefecture in PREFECTURES:
        number = int(prefecture.code)
        for value in (
            number,
            str(number),
            prefecture.code,
            f"JP-{prefecture.code}",
            prefecture.lg_code,
            int(prefecture.lg_code),
            prefecture.lg_code[:5],
            int(prefecture.lg_code[:5]),
        ):
            assert sa.prefectures.lookup(value) == prefecture, value


@pytest.mark.parametrize(
    "value",
    [
        "-13", -13, "1-3", "2.2", "2 2", "+22", "22.0", "1e1", "0", 0, 48, "48", "JP-48",
        "220002", "2200", "", "-", "・",
    ],
)  # fmt: skip
def test_signs_and_punctuation_never_make_another_prefecture(value: str | int) -> None:
    assert sa.prefectures.get(value) is None
    with pytest.raises(UnknownValueError) as raised:
        sa.prefectures.lookup(value)
    assert raised.value.value == value and raised.value.closest


@pytest.mark.parametrize("value", [b"22", True, False, 22.0, None, ["22"], Field.CULTURE])
def test_what_is_not_a_name_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError):
        sa.prefectures.get(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        sa.countries.lookup(value)  # type: ignore[arg-type]


def test_a_prefecture_with_no_agreement_is_an_empty_result(ds: sa.Dataset) -> None:
    assert len(ds.filter(prefecture="沖縄")) == 1
    empty = [p.name_ja for p in PREFECTURES if not ds.filter(prefecture=p.code)]
    assert empty == ["山形県", "茨城県", "群馬県", "奈良県", "香川県"]
    used = {party.prefecture for a in ds for party in a.japanese_parties}
    assert set(empty) == {p.name_ja for p in PREFECTURES} - used
    hokkaido = [a.id for a in ds if any(p.prefecture == "北海道" for p in a.japanese_parties)]
    assert [a.id for a in ds.filter(prefecture="Hokkaido")] == hokkaido and len(hokkaido) == 11


# --- errors ---------------------------------------------------------------------


def test_unknown_values_carry_the_value_and_the_closest() -> None:
    with pytest.raises(UnknownValueError) as raised:
        sa.prefectures.lookup("大坂")
    error = raised.value
    assert isinstance(error, LookupError) and isinstance(error, KeyError)
    assert (error.kind, error.value) == ("prefecture", "大坂")
    assert error.closest[0] == "27 大阪府 / Osaka Prefecture"
    assert str(error) == (
        "unknown prefecture '大坂'; closest: 27 大阪府 / Osaka Prefecture, "
        "44 大分県 / Oita Prefecture"
    )
    with pytest.raises(UnknownValueError, match=r"closest: 22 静岡県"):
        sa.prefectures.lookup("静岡件")
    with pytest.raises(UnknownValueError, match=r"closest: CN 中国 / China"):
        sa.countries.lookup("Chna")
    assert sa.countries.get("Atlantis") is None


def test_an_error_echoes_at_most_80_characters() -> None:
    with pytest.raises(UnknownValueError) as raised:
        sa.countries.lookup("x" * 10_000)
    message = str(raised.value)
    assert "'" + "x" * 77 + "…';" in message and "x" * 78 not in message
    assert len(message) < 250


def test_a_number_that_is_the_code_of_two_places_names_both(ds: sa.Dataset) -> None:
    for value in (12203, "12203"):
        with pytest.raises(AmbiguousValueError) as raised:
            ds.filter(party=value)
        assert raised.value.closest == ("122033 千葉県市川市", "012203 北海道士別市")
        assert str(raised.value) == (
            f"ambiguous local government {value!r}: the code of 122033 千葉県市川市 "
            "and of 012203 北海道士別市"
        )
    assert isinstance(raised.value, LookupError)


# --- codes ----------------------------------------------------------------------


def test_lg_check_digit_and_codes() -> None:
    assert lg_check_digit("02201") == 2 and lg_check_digit("22000") == 1
    assert is_valid_lg_code("022012") and not is_valid_lg_code("022013")
    assert not is_valid_lg_code("０２２０１２") and not is_valid_lg_code("22012")
    assert lg_codes("022012") == ["022012"]
    assert lg_codes("22012") == ["220124", "022012"]
    assert lg_codes("2201") == ["022012"]
    assert lg_codes("022013") == [] and lg_codes("1234567") == []
    with pytest.raises(ValueError, match=r"^not a five-digit code: '2201'$"):
        lg_check_digit("2201")


# --- local governments of the register -------------------------------------------

MUNICIPALITIES = municipality_lookup(names_tables()["municipalities"])


@pytest.mark.parametrize(
    ("value", "codes"),
    [
        ("神奈川県", ["140007"]), ("神奈川", ["140007"]), ("カナガワ", ["140007"]),
        ("チヨダ", ["105236", "131016"]),  # 千代田町 (チヨダマチ) and 千代田区 (チヨダク)
        ("キコナイ", ["013340"]), ("サンノヘ", ["024414"]),  # チョウ and マチ
        ("ヨミタン", ["473243"]), ("ロッカショ", ["024112"]),  # ソン and ムラ
        ("鹿嶋市", ["082228"]), ("鹿島市", ["412074"]),
        ("かしまし", ["082228", "412074"]),  # written apart, read alike
        # a name written as one place writes it names that one, not the others read alike
        ("さくら", ["092142"]), ("さいたま", ["111007"]), ("さい　たま", ["111007"]),
        ("サクラ", ["092142", "122122"]),  # さくら市 and 佐倉市
    ],
)  # fmt: skip
def test_local_governments_by_name_reading_and_prefecture(value: str, codes: list[str]) -> None:
    assert [m.lg_code for m in MUNICIPALITIES.get_all(value)] == codes


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Sapporo", "011002"), ("Sapporo-shi", "011002"), ("Sapporo City", "011002"),
        ("Chiyoda-ku", "131016"), ("Chiyoda Ward", "131016"), ("Chiyoda City", "131016"),
        ("Kikonai-cho", "013340"), ("Kikonai Town", "013340"),
        ("Sannohe-machi", "024414"), ("Sannohe Town", "024414"),
        ("Rokkasho-mura", "024112"), ("Rokkasho Village", "024112"),
        ("Yomitan-son", "473243"), ("Yomitan Village", "473243"),
    ],
)  # fmt: skip
def test_romanised_names_of_a_register_with_them(value: str, code: str) -> None:
    rows = [
        ("011002", "北海道", "札幌市", "サッポロシ", "Sapporo"),
        ("131016", "東京都", "千代田区", "チヨダク", "Chiyoda"),
        ("013340", "北海道", "木古内町", "キコナイチョウ", "Kikonai"),
        ("024414", "青森県", "三戸町", "サンノヘマチ", "Sannohe"),
        ("024112", "青森県", "六ヶ所村", "ロッカショムラ", "Rokkasho"),
        ("473243", "沖縄県", "読谷村", "ヨミタンソン", "Yomitan"),
    ]
    lookup = municipality_lookup(rows)
    assert [m.lg_code for m in lookup.get_all(value)] == [code]
    assert [lookup.get_all(wrong) for wrong in ("Chiyoda-mura", "Yomitan-cho", "Sapporo Town")] == [
        (), (), (),
    ]  # fmt: skip


def test_lookups_say_what_they_hold() -> None:
    assert repr(MUNICIPALITIES) == "<Lookup of 1789 local government entries>"
    assert repr(sa.prefectures) == "<Lookup of 47 prefecture entries>"


# --- parties --------------------------------------------------------------------


def test_party_names_cover_printed_place_english_and_romanised_names(ds: sa.Dataset) -> None:
    aomori = ds["1-01"].japanese_parties[0]
    assert party_names(aomori) == (
        "青森県青森市", "青森市", "Aomori City", "Aomori", "Aomorishi", "022012"
    )  # fmt: skip
    dalian = ds["1-01"].foreign_parties[0]
    assert party_names(dalian) == ("大連市", "Dalian")


@pytest.mark.parametrize(
    ("value", "ids"),
    [
        ("六ヶ所村", ["8-10"]),
        ("六カ所村", ["8-10"]),
        ("六ケ所村", ["8-10"]),
        ("六か所村", ["8-10"]),
        ("Rokkasho", ["8-10"]),
        ("Rokkasyo-mura", ["8-10"]),
        ("Rokkasho Village", ["8-10"]),
        ("022012", ["1-01", "1-14", "1-22"]),
        (22012, ["1-01", "1-14", "1-22"]),
        ("Aomori-shi", ["1-01", "1-14", "1-22"]),
        ("あおもりし", ["1-01", "1-14", "1-22"]),
        ("札幌市", ["2-10", "3-05", "3-06", "7-01", "7-16", "8-01", "8-02"]),
        ("Sapporo", ["2-10", "3-05", "3-06", "7-01", "7-16", "8-01", "8-02"]),
        ("011002", ["2-10", "3-05", "3-06", "7-01", "7-16", "8-01", "8-02"]),
        ("函館市", []),  # a local government with no agreement
        ("ハコダテシ", []),
        ("012025", []),
        ("Kecskemét", ["1-22"]),
        ("Kecskemet", ["1-22"]),
    ],
)
def test_party_forms(ds: sa.Dataset, value: str | int, ids: list[str]) -> None:
    assert [a.id for a in ds.filter(party=value)] == ids


def test_unknown_party_names_the_closest(ds: sa.Dataset) -> None:
    with pytest.raises(
        UnknownValueError,
        match="unknown party 'Sapporo Cty'; closest: 北海道札幌市 / Sapporo City, ",
    ):
        ds.filter(party="Sapporo Cty")
    with pytest.raises(UnknownValueError, match="unknown party '-22012'"):
        ds.filter(party="-22012")


def test_kinds_resolve_by_value_with_spaces_or_us_spelling(ds: sa.Dataset) -> None:
    assert ds.filter(kind="designated city") == ds.filter(kind="designated_city")
    assert ds.filter(kind="Organization") == ds.filter(kind=sa.ForeignKind.ORGANISATION)
    organisations = [a for a in ds if any(p.kind.value == "organisation" for p in _parties(a))]
    assert len(ds.filter(kind="organisation")) == len(organisations) == 9
    with pytest.raises(UnknownValueError, match="unknown kind 'castle'; closest: "):
        ds.filter(kind="castle")


def test_bytes_and_bools_are_type_errors_in_filters(ds: sa.Dataset) -> None:
    for argument in ("country", "prefecture", "party", "field", "kind"):
        for value in (b"CN", True):
            query: dict[str, Any] = {argument: value}
            with pytest.raises(TypeError):
                ds.filter(**query)


def _parties(agreement: sa.Agreement) -> list[sa.JapaneseParty | sa.ForeignParty]:
    return [*agreement.japanese_parties, *agreement.foreign_parties]


def test_every_name_and_code_of_every_entry_resolves_to_that_entry() -> None:
    """No two entries share a key once folded (Gambia's GMB is not Guinea-Bissau's GNB)."""
    from sister_agreements.names import _prefecture_keys

    for country in sa.countries:
        keys = (country.code, country.alpha_3, country.numeric, country.name_en, *country.aliases)
        for key in (*keys, country.name_ja, country.short_name_ja):
            assert sa.countries.lookup(key) == country, (country.code, key)
    for prefecture in sa.prefectures:
        for key in _prefecture_keys(prefecture):
            assert sa.prefectures.lookup(key) == prefecture, key


# --- kinds of fault a tester found, each as a whole -----------------------------------


@pytest.mark.parametrize(
    ("value", "ids"),
    [
        ("ホクトシ", ["8-12"]),  # 山梨県北杜市 and 北海道北斗市 share the reading
        ("イズミシ", ["9-08"]),  # 鹿児島県出水市 and 大阪府和泉市
        ("府中市", []),  # 東京都府中市 and 広島県府中市, neither a party
    ],
)
def test_a_name_shared_by_several_places_names_them_all(
    ds: sa.Dataset, value: str, ids: list[str]
) -> None:
    assert [a.id for a in ds.filter(party=value)] == ids


@pytest.mark.parametrize("value", ["Kofu", "Kōfu", "Koufu", "Kouhu", "Kohfu", "Kôhu", "こうふし"])
def test_every_romanisation_of_a_party(ds: sa.Dataset, value: str) -> None:
    kofu = [a.id for a in ds if any(p.name_en == "Kofu City" for p in a.japanese_parties)]
    assert [a.id for a in ds.filter(party=value)] == kofu == ["1-05", "1-13"]


@pytest.mark.parametrize(
    ("value", "name"),
    [("Tokyo", "東京都"), ("Tokyo-to", "東京都"), ("東京", "東京都"), ("とうきょう", "東京都")],
)
def test_a_prefecture_that_is_a_party_is_named_as_filter_names_prefectures(
    ds: sa.Dataset, value: str, name: str
) -> None:
    expected = [a.id for a in ds if any(p.name == name for p in a.japanese_parties)]
    assert [a.id for a in ds.filter(party=value)] == expected and expected


@pytest.mark.parametrize("value", ["Kochifu", "Kyotoken", "Tokyo-ken"])
def test_a_prefecture_with_the_wrong_suffix_is_no_party(ds: sa.Dataset, value: str) -> None:
    with pytest.raises(UnknownValueError):
        ds.filter(party=value)


@pytest.mark.parametrize(
    ("value", "name_en"),
    [("札幌", "Sapporo City"), ("六ヶ所", "Rokkasho Village"), ("こうべ", "Kobe City")],
)
def test_a_municipality_without_its_suffix(ds: sa.Dataset, value: str, name_en: str) -> None:
    expected = [a.id for a in ds if any(p.name_en == name_en for p in a.japanese_parties)]
    assert [a.id for a in ds.filter(party=value)] == expected and expected


def test_what_only_looks_like_a_number_is_no_code(ds: sa.Dataset) -> None:
    assert sa.countries.get("①⑤⑥") is None and sa.countries.lookup("156").code == "CN"
    assert sa.prefectures.get("²²") is None
    with pytest.raises(TypeError):
        ds.filter(country=memoryview(b"22"))
    with pytest.raises(UnknownValueError) as raised:
        sa.countries.lookup(10**5000)
    assert "an integer of about 5001 digits" in str(raised.value)


def test_errors_pickle_and_copy() -> None:
    import copy
    import pickle

    for error in (
        UnknownValueError("country", "Atlantis", ["CN 中国 / China"]),
        AmbiguousValueError(
            "local government", 12203, ["122033 千葉県市川市", "012203 北海道士別市"]
        ),
        sa.DatasetError("file.json", "expected an int", "agreements[0].listings[0].page", "1-01"),
    ):
        for copied in (pickle.loads(pickle.dumps(error)), copy.copy(error)):
            assert type(copied) is type(error) and str(copied) == str(error)
