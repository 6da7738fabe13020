"""Folding: which spellings meet, and which must never."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sister_agreements._fold import closest_keys, fold, name_key, other_name_keys, with_one_ke


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("静岡縣", "静岡県"),
        ("黒龍江省", "黒竜江省"),
        ("Kecskemét", "kecskemet"),
        ("ＣＨＩＮＡ", "china"),
        ("しずおか", "シズオカ"),
        ("ｼｽﾞｵｶ", "シズオカ"),
        ("Tokyo-to", "tokyoto"),
        ("Des Moines", "desmoines"),
        ("O'Higgins", "ohiggins"),
        ("2012 年", "2012年"),
        ("JP-22", "jp22"),
    ],
)
def test_spellings_that_meet(typed: str, stored: str) -> None:
    assert fold(typed) == fold(stored)


@pytest.mark.parametrize(
    ("typed", "other"),
    [
        ("-13", "13"),
        ("1-3", "13"),
        ("2.2", "22"),
        ("2 2", "22"),
        ("13-", "13"),
        ("ガイサ市", "カイサ市"),
        ("六カ所村", "六ヶ所村"),  # a name's spelling, not a text's: see name_key
        ("青森市が", "青森市ヶ"),
    ],
)
def test_signs_punctuation_and_voicing_never_fold_away(typed: str, other: str) -> None:
    assert fold(typed) != fold(other)


def test_punctuation_alone_folds_to_nothing() -> None:
    assert fold("-") == fold("・") == fold(" ") == ""


@pytest.mark.parametrize(
    ("spellings", "key"),
    [
        (("Gunma", "Gumma", "GUNMA"), "gunma"),
        (("Fukuoka", "Hukuoka"), "hukuoka"),
        (("Oita", "Ōita", "Ôita", "Ooita", "Ouita"), "oita"),  # Ohita: other_name_keys
        (("Kochi", "Kōchi", "Kouchi", "Kôti", "Kohchi"), "koti"),
        (("Hyogo", "Hyōgo", "Hyougo"), "hyogo"),
        (("Shizuoka", "Sizuoka"), "sizuoka"),
        (("Tokyo", "Tōkyō", "Toukyou", "Tookyoo"), "tokyo"),
        (("Chiba", "Tiba"), "tiba"),
        (("Fuji", "Huzi", "Hudi"), "huzi"),
        (("Tsu", "Tu"), "tu"),
        (("Shimbashi", "Shinbashi", "Sinbasi"), "sinbasi"),
        (("Jōetsu", "Zyoetu", "Joetsu"), "zyoetu"),
    ],
)
def test_romanisations_meet_in_one_key(spellings: tuple[str, ...], key: str) -> None:
    assert {name_key(spelling) for spelling in spellings} == {key}


@pytest.mark.parametrize(
    "spellings",
    [
        ("六ヶ所村", "六カ所村", "六ケ所村", "六ヵ所村", "六か所村"),
        ("霞ヶ関", "霞が関", "霞ガ関"),
        ("トウキョウ", "トーキョー", "とうきょう", "トオキョオ"),
        ("オオイタ", "オーイタ", "おおいた"),
        ("ベトナム", "ヴェトナム"),
        ("バイオリン", "ヴァイオリン"),
        ("Kofu", "Kōfu", "Koufu", "Kouhu", "Kohfu", "Kôhu"),
        ("Tohoku", "Tōhoku", "Touhoku", "Tôhoku"),
        ("Hofu", "Houfu", "Hôhu"),
        ("Ofunato", "Oofunato", "Ōfunato"),
    ],
)
def test_spellings_of_one_name_meet_in_one_key(spellings: tuple[str, ...]) -> None:
    assert len({name_key(spelling) for spelling in spellings}) == 1


def test_ke_meets_only_between_kanji_and_oh_before_a_vowel_is_tried_second() -> None:
    assert name_key("ケーキ") != name_key("ヶーキ")
    assert with_one_ke(fold("六カ所村")) == with_one_ke(fold("六ヶ所村")) == "六ヶ所村"
    assert name_key("Ohara") == "ohara" and other_name_keys(name_key("Ohara")) == ("oara",)
    assert other_name_keys(name_key("Ohita")) == (name_key("Oita"),)
    assert other_name_keys(name_key("Kyoto")) == ()


def test_closest_keys_rank_by_folded_form_and_compare_a_bounded_prefix() -> None:
    keys = ["大阪府", "大分県", "静岡県"]
    assert closest_keys("大坂", keys) == ["大阪府", "大分県"]
    assert closest_keys("zzz", keys) == keys  # nothing alike: the first keys stand in
    assert closest_keys("静岡" + "x" * 1_000_000, keys)[0] == "静岡県"


def test_name_key_leaves_non_latin_text_to_fold() -> None:
    assert name_key("静岡県") == fold("静岡県") == "静岡県"
    assert name_key("Shizuoka 22") == fold("Shizuoka 22") == "shizuoka22"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_name_key_is_idempotent(text: str) -> None:
    assert name_key(name_key(text)) == name_key(text)


@pytest.mark.slow
def test_no_cache_grows_with_long_inputs() -> None:
    """Long texts are folded without caching: distinct 1 MB queries keep no copies
    (each would keep about 3 MB if they were cached)."""
    import tracemalloc

    import sister_agreements as sa

    ds = sa.load()
    ds.search("x")  # build the search index first
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for n in range(20):
        ds.search(f"{n:04d}" + "あ" * 1_000_000)
        ds.filter(party=[]).search(f"{n:04d}" + "x" * 1_000_000)
    grown = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert grown < 2_000_000
