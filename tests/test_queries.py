"""Queries: known answers, errors, and properties (hypothesis)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import sister_agreements as sa
from sister_agreements import Field, JapaneseKind, PartialDate, export

# Known answers, each counted from the sheets.
KNOWN = [
    ({"country": "CN"}, 56),
    ({"country": ["中国", "Korea"]}, 86),
    ({"field": "教育"}, 26),
    ({"prefecture": "静岡"}, 12),
    ({"signed_to": 1999}, 31),
    ({"multilateral": True}, 20),
    ({"field": 1, "country": "CN"}, 9),
    ({"kind": "town"}, 10),
    ({"party": "札幌市"}, 7),
    ({"party": "Sapporo City"}, 7),
    ({"tie": "sister"}, 13),
    ({"tie": ["none", "other"]}, 14),
    ({"tie": sa.TieKind.FRIENDSHIP_CITY, "country": "CN"}, 7),
    ({"tie": "姉妹都市", "field": 3}, 2),
    ({"tie": "not_stated"}, 97),
]


@pytest.mark.parametrize(("query", "count"), KNOWN)
def test_known_answers(ds: sa.Dataset, query: dict[str, object], count: int) -> None:
    assert len(ds.filter(**query)) == count  # type: ignore[arg-type]


def test_known_answers_match_a_plain_scan(ds: sa.Dataset) -> None:
    assert len(ds.filter(country="CN")) == sum("CN" in a.countries for a in ds)
    assert len(ds.filter(prefecture=22)) == sum(
        any(p.prefecture == "静岡県" for p in a.japanese_parties) for a in ds
    )
    assert len(ds.filter(signed_to=1999)) == sum(
        a.signed is not None and a.signed.year <= 1999 for a in ds
    )
    for kind in sa.TieKind:
        assert len(ds.filter(tie=kind)) == sum(any(t.kind is kind for t in a.ties) for a in ds)


def test_shizuoka_education_china_since_2000() -> None:
    ds = sa.load()
    (only,) = ds.filter(
        field="教育", country="CN", prefecture="静岡", signed_from=2000, multilateral=False
    )
    assert only.id == "1-06" and only.signed == PartialDate(2012, 4, 4)


def test_date_bounds_compare_by_first_day(ds: sa.Dataset) -> None:
    # 1-05 is dated 1999-08 only: inside 1999, inside 1999-08, outside 1999-08-02 onwards.
    assert "1-05" in {a.id for a in ds.filter(signed_from=1999, signed_to=1999)}
    assert "1-05" in {a.id for a in ds.filter(signed_from="1999-08", signed_to="1999-08")}
    assert "1-05" not in {a.id for a in ds.filter(signed_from=datetime.date(1999, 8, 2))}
    assert "7-08" not in {a.id for a in ds.filter(signed_from=1900)}


def test_search(ds: sa.Dataset) -> None:
    assert [a.id for a in ds.search("マラソン")] == ["3-01", "3-04", "3-06"]
    assert [a.id for a in ds.search("ﾏﾗｿﾝ")] == ["3-01", "3-04", "3-06"]
    # Every agreement with Dalian as a party; 大連 also occurs in other sheets' texts.
    assert {a.id for a in ds.search("dalian")} == {"1-01", "2-10", "5-11", "6-06", "7-07", "7-14"}
    assert {a.id for a in ds.search("dalian")} < {a.id for a in ds.search("大連")}
    assert [a.id for a in ds.search("Kecskemet")] == ["1-22"]
    assert len(ds.search("黒龍江")) == len(ds.search("黒竜江")) > 0
    assert len(ds.search("湿地 提携")) == 3
    assert len(ds.search("no-such-word-anywhere")) == 0


def test_search_finds_english_titles(ds: sa.Dataset) -> None:
    """Words only the project's English titles hold: no text or name of the data is English
    but the parties' and places' names."""
    assert [a.id for a in ds.search("marathon")] == ["3-01", "3-04", "3-06"]
    assert all("Marathon" in a.title_en and "マラソン" in a.title for a in ds.search("marathon"))
    assert [a.id for a in ds.search("wetland")] == ["9-10", "9-11", "9-15"]
    assert [a.id for a in ds.search("low-carbon society")] == ["6-07"]
    assert [a.id for a in ds.search("Kintai Bridge")] == ["2-15"]


def test_search_finds_the_countries_by_every_name(ds: sa.Dataset) -> None:
    korea, china = ds.filter(country="KR"), ds.filter(country="CN")
    assert (len(korea), len(china)) == (34, 56)
    assert ds.search("大韓民国") == ds.search("South Korea") == korea
    assert ds.search("中華人民共和国") == ds.search("China") == china


def test_results_chain_and_keep_metadata(ds: sa.Dataset) -> None:
    china = ds.filter(country="CN")
    assert china.filter(field=1).__len__() == len(ds.filter(country="CN", field=1))
    assert china.source is ds.source and china.whole is ds
    assert china.get("1-14") is None and china.get("1-01") is ds["1-01"]
    with pytest.raises(KeyError):
        china["1-14"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"field": "料理"}, "unknown field"),
        ({"country": "Atlantis"}, "unknown country"),
        ({"prefecture": "静岡件"}, "closest: 22 静岡県"),
        ({"party": "Nowhere"}, "unknown party"),
        ({"kind": "castle"}, "unknown kind 'castle'; closest: "),
        ({"tie": "cousin"}, "^unknown kind of tie 'cousin'; closest: sister_city "),
    ],
)
def test_unknown_values_raise_lookup_error(
    ds: sa.Dataset, query: dict[str, object], message: str
) -> None:
    with pytest.raises(LookupError, match=message):
        ds.filter(**query)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "query",
    [
        {"field": 1.5},
        {"country": 3.0},
        {"multilateral": "yes"},
        {"signed_from": 1.5},
        {"kind": 3},
        {"tie": 3},
        {"tie": [None]},
    ],
)
def test_wrong_types_raise_type_error(ds: sa.Dataset, query: dict[str, object]) -> None:
    with pytest.raises(TypeError):
        ds.filter(**query)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ds.search(3)  # type: ignore[arg-type]


def test_empty_result_is_an_empty_dataset(ds: sa.Dataset) -> None:
    empty = ds.filter(country="LU", field=1)
    assert isinstance(empty, sa.Dataset) and len(empty) == 0 and empty.listings == ()


# Properties ------------------------------------------------------------------

FIELDS = st.sampled_from(list(Field))
COUNTRIES = st.sampled_from(["CN", "KR", "US", "AU", "FR", "VN", "TW", "GB", "DE", "LU"])
PREFECTURES = st.sampled_from(["静岡", "北海道", "神奈川", "福岡", "東京", "京都", "青森"])
QUERIES = st.fixed_dictionaries(
    {},
    optional={
        "field": st.lists(FIELDS, min_size=1, max_size=3),
        "country": st.lists(COUNTRIES, min_size=1, max_size=3),
        "prefecture": PREFECTURES,
        "kind": st.sampled_from([k.value for k in JapaneseKind]),
        "signed_from": st.integers(1985, 2013),
        "signed_to": st.integers(1985, 2013),
        "multilateral": st.booleans(),
        "tie": st.lists(st.sampled_from(list(sa.TieKind)), min_size=1, max_size=2),
    },
)


def _ids(ds: sa.Dataset) -> list[str]:
    return [a.id for a in ds]


@settings(max_examples=150, deadline=None)
@given(QUERIES)
def test_results_are_subsets_in_dataset_order(query: dict[str, object]) -> None:
    ds = sa.load()
    result = _ids(ds.filter(**query))  # type: ignore[arg-type]
    order = _ids(ds)
    assert set(result) <= set(order)
    assert result == [x for x in order if x in set(result)]


@settings(max_examples=150, deadline=None)
@given(QUERIES, QUERIES)
def test_filters_commute_and_chaining_equals_combining(
    a: dict[str, object], b: dict[str, object]
) -> None:
    ds = sa.load()
    ab = _ids(ds.filter(**a).filter(**b))  # type: ignore[arg-type]
    ba = _ids(ds.filter(**b).filter(**a))  # type: ignore[arg-type]
    assert ab == ba
    if not set(a) & set(b):
        assert ab == _ids(ds.filter(**a, **b))  # type: ignore[arg-type]


@settings(max_examples=100, deadline=None)
@given(st.lists(FIELDS, min_size=1, max_size=4))
def test_values_of_one_argument_combine_with_or(fields: list[Field]) -> None:
    ds = sa.load()
    union = set().union(*(_ids(ds.filter(field=f)) for f in fields))
    assert set(_ids(ds.filter(field=fields))) == union


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="中国大連マラソン湿地 abcdeAB", min_size=1, max_size=6).filter(str.strip))
def test_search_is_a_subset_and_all_words_required(text: str) -> None:
    ds = sa.load()
    found = set(_ids(ds.search(text)))
    assert found <= set(_ids(ds))
    for word in text.split():
        assert found <= set(_ids(ds.search(word)))


# --- subsets are sets of agreements ------------------------------------------------


def test_a_subset_reports_its_own_errata_countries_and_prefectures(ds: sa.Dataset) -> None:
    china = ds.filter(country="CN")
    keys = {listing.key for listing in china.listings}
    assert china.errata == tuple(e for e in ds.errata if e.listing in keys)
    assert len(china.errata) == 27 and len(ds.errata) == 81
    assert china.whole.errata == ds.errata and china.whole is ds
    assert [c.code for c in china.countries][:4] == ["CN", "KR", "US", "FR"]  # document order
    assert len(china.countries) == 17
    assert {c.code for c in china.countries} == {code for a in china for code in a.countries}
    assert len(ds.countries) == 30 and len(sa.countries) == 249
    assert len(ds.prefectures) == 42 and len(sa.prefectures) == 47
    assert ds.filter(party="六ヶ所村").prefectures == (sa.prefectures.lookup("Aomori"),)
    empty = ds.filter(country="Iceland")
    assert (len(empty), empty.errata, empty.countries, empty.prefectures) == (0, (), (), ())


def test_equality_and_hash_by_content(ds: sa.Dataset) -> None:
    one = ds.filter(country="CN", field=1)
    other = ds.filter(field="教育").filter(country="中国")
    assert one == other and hash(one) == hash(other) and one is not other
    assert one != ds and ds == ds.filter() and {one, other, ds} == {one, ds}
    assert ds != list(ds) and (ds == list(ds)) is False


def test_slices_are_datasets_and_keys_agree(ds: sa.Dataset) -> None:
    part = ds[1:3]
    assert isinstance(part, sa.Dataset) and [a.id for a in part] == [ds[1].id, ds[2].id]
    assert [a.id for a in ds[::50]] == [a.id for a in ds][::50]
    with pytest.raises(ValueError, match="report order"):
        ds[::-1]
    assert [li.key for li in part.listings] == ["1-02", "1-03", "2-12", "5-01"]  # re-listings
    keys = {"1-02", "1-03", "2-12", "5-01"}
    assert part.errata == tuple(e for e in ds.errata if e.listing in keys)
    for key in ("1-01", "2-01", "1-14"):  # an id, a re-listing's key, an agreement elsewhere
        for subset in (ds, ds.filter(country="CN"), part):
            inside = key in subset
            assert inside == (subset.get(key) is not None)
            if inside:
                assert subset[key] is subset.get(key) is ds[key]
            else:
                with pytest.raises(KeyError):
                    subset[key]
    assert ds["1-01"] in ds and ds["1-14"] not in ds.filter(country="CN")
    assert 1 not in ds and None not in ds


@pytest.mark.parametrize("index", [True, False, 1.0, None, b"1-01"])
def test_indexing_by_anything_else_is_a_type_error(ds: sa.Dataset, index: object) -> None:
    with pytest.raises(TypeError):
        ds[index]  # type: ignore[call-overload]


def test_type_errors_say_what_was_given(ds: sa.Dataset) -> None:
    with pytest.raises(
        TypeError, match=r"^a dataset is indexed by an int, a slice or a str, not 1\.5$"
    ):
        ds[1.5]  # type: ignore[call-overload]
    with pytest.raises(TypeError, match=r"^an id or listing key is a str, not int$"):
        ds.get(1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^search text is a str, not bytes$"):
        ds.search(b"x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^a name is a str, not bytes$"):
        ds.filter(country=b"CN")


def test_repr_counts_agreements_and_listings(ds: sa.Dataset) -> None:
    assert repr(ds) == "<Dataset: 149 agreements, 175 listings>"
    assert repr(ds.filter(country="CN")) == "<Dataset: 56 agreements, 67 listings>"


def test_listings_are_in_report_order(ds: sa.Dataset) -> None:
    keys = [li.key for li in ds.listings]
    assert len(keys) == 175 and keys[24:30] == ["1-25", "1-26", "2-01", "2-02", "2-03", "2-04"]
    assert keys == sorted(keys, key=lambda key: tuple(int(part) for part in key.split("-")))


def test_datasets_are_equal_by_their_agreements_across_documents(
    ds: sa.Dataset, tmp_path: Path
) -> None:
    path = tmp_path / "three.json"
    export.to_json(ds[:3], path)
    back = export.read_json(path)
    assert back == ds[:3] and hash(back) == hash(ds[:3])
    assert back != ds[:2] and back != ds[1:4]


def test_kinds_by_enum_member_or_name(ds: sa.Dataset) -> None:
    towns = ds.filter(kind=JapaneseKind.TOWN)
    assert towns == ds.filter(kind="town") and len(towns) == 10


@pytest.mark.parametrize("value", ["JP-26", "26", "Kyoto-fu", "京都府"])
def test_a_prefecture_as_a_party_by_any_of_its_forms(ds: sa.Dataset, value: str) -> None:
    ids = ["5-10", "6-16", "6-19", "7-07", "7-33", "7-34", "7-35"]
    assert [a.id for a in ds.filter(party=value)] == ids


def test_a_local_government_with_no_agreement_is_an_empty_result(ds: sa.Dataset) -> None:
    assert len(ds.filter(party="木古内町")) == len(ds.filter(party="北海道木古内町")) == 0


def test_unknown_keys_suggest_by_folded_form(ds: sa.Dataset) -> None:
    for typed in ("1-1", "1‐1", "１－１", "1 - 1", "1-001"):
        with pytest.raises(sa.UnknownValueError) as raised:
            ds[typed]
        assert raised.value.closest[0] == "1-01", typed
    with pytest.raises(sa.UnknownValueError, match=r"unknown agreement or listing '9-99'"):
        ds["9-99"]
    with pytest.raises(sa.UnknownValueError) as raised:
        ds["8-2"]  # by spelling alone, 8-21 would come first
    assert raised.value.closest == ("8-02", "8-21", "8-12", "8-20")


@pytest.mark.parametrize("text", ["", " ", "-", "・", "- ・", "マラソン -"])
def test_a_search_with_nothing_to_search_for_is_a_value_error(ds: sa.Dataset, text: str) -> None:
    with pytest.raises(ValueError, match="nothing to search for"):
        ds.search(text)


def test_date_bounds_reach_the_ends_of_the_calendar(ds: sa.Dataset) -> None:
    dated = [a for a in ds if a.signed]
    assert len(ds.filter(signed_to="9999-12")) == len(ds.filter(signed_from=1)) == len(dated)
    assert len(dated) == 148
    with pytest.raises(ValueError, match="not 1-9999"):
        ds.filter(signed_from=10**20)


@pytest.mark.parametrize("typed", ["1-01", "１－０１", " 1-01 ", "1‐01", "1 - 01", "1ー01"])
def test_keys_in_any_width_and_dash(ds: sa.Dataset, typed: str) -> None:
    assert typed in ds
    assert ds.get(typed) is ds[typed] is ds["1-01"]


def test_search_matches_text_as_written_and_names_in_any_ke(ds: sa.Dataset) -> None:
    assert "青森市が" in ds["1-01"].background
    assert [a.id for a in ds.search("青森市が")] == ["1-01"]
    found = [a.id for a in ds.search("六ヶ所村")]
    assert [a.id for a in ds.search("六カ所村")] == found == ["8-10"]
    for text in ("、", "。", "「」"):
        with pytest.raises(ValueError, match="nothing to search for"):
            ds.search(text)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_any_piece_of_an_agreements_text_finds_it(data: st.DataObject) -> None:
    ds = sa.load()
    agreement = data.draw(st.sampled_from(list(ds)))
    text = data.draw(st.sampled_from([agreement.title, agreement.background or agreement.title]))
    start = data.draw(st.integers(0, max(len(text) - 2, 0)))
    piece = text[start : start + data.draw(st.integers(2, 8))].strip()
    assume(piece.split() == [piece] and any(char.isalnum() for char in piece))
    assert agreement in ds.search(piece)


def _matches(a: sa.Agreement, query: dict[str, Any]) -> bool:
    """Whether ``a`` matches ``query`` (the arguments of QUERIES), read off the agreement
    itself: the oracle of ``filter``'s indexes."""
    parties: list[sa.JapaneseParty | sa.ForeignParty] = [*a.japanese_parties, *a.foreign_parties]
    signed = a.signed.first_day() if a.signed else None
    tests: dict[str, Callable[[Any], bool]] = {
        "field": lambda fields: bool(set(fields) & set(a.fields)),
        "country": lambda codes: bool(set(codes) & set(a.countries)),
        "prefecture": lambda name: (
            sa.prefectures.lookup(name).name_ja in {p.prefecture for p in a.japanese_parties}
        ),
        "kind": lambda kind: kind in {p.kind.value for p in parties},
        "signed_from": lambda year: signed is not None and signed >= datetime.date(year, 1, 1),
        "signed_to": lambda year: signed is not None and signed <= datetime.date(year, 12, 31),
        "multilateral": lambda value: a.is_multilateral == value,
        "tie": lambda kinds: bool(set(kinds) & {t.kind for t in a.ties}),
    }
    return all(tests[name](value) for name, value in query.items())


@settings(max_examples=200, deadline=None)
@given(QUERIES)
def test_filter_gives_what_reading_every_agreement_gives(query: dict[str, Any]) -> None:
    """The indexes answer as a scan of the agreements does, and stay as they were: the
    sets a filter starts from are the indexes' own, never changed."""
    ds = sa.load()
    facets = ds._index.facets
    sizes = {name: {k: len(v) for k, v in vars(facets)[name].items()} for name in _FACETS}
    expected = [a.id for a in ds if _matches(a, query)]
    assert _ids(ds.filter(**query)) == expected
    one_to_one = ds.filter(multilateral=False)
    assert _ids(one_to_one.filter(**query)) == [x for x in expected if x in one_to_one._ids]
    assert {name: {k: len(v) for k, v in vars(facets)[name].items()} for name in _FACETS} == sizes


_FACETS = ("field", "tie", "country", "prefecture", "kind", "party", "multilateral")
