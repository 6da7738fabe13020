"""export.read_json: a user's file read strictly, by the reader load() uses.

The fault-injection tests mutate a small valid document (four agreements, the countries,
prefectures and errata they need): a key deleted or added, a value of another type, a
record duplicated, a reference broken, the text cut. Every mutant is either read back
exactly as it is (nothing coerced) or refused with a DatasetError that names its JSON path,
and the published JSON Schema agrees with the reader on its structure."""

from __future__ import annotations

import copy
import json
import pickle
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import importlib_resources
import jsonschema
import pytest
from conftest import REPO
from hypothesis import assume, event, given, settings
from hypothesis import strategies as st

import sister_agreements as sa
from sister_agreements import _codec

FIXTURE_1_0 = REPO / "tests" / "fixtures" / "written_by_1.0.json"
FIXTURE_SCHEMA_2 = REPO / "tests" / "fixtures" / "written_by_schema_2.json"
SCHEMA = jsonschema.Draft202012Validator(
    json.loads(
        (
            importlib_resources.files("sister_agreements") / "data" / "agreements.schema.json"
        ).read_text(encoding="utf-8")
    )
)

Where = tuple[str | int, ...]  # a JSON path as keys and indexes


def _small_document() -> dict[str, Any]:
    """Four agreements (a merged place, a date label, a region left empty, a link label)
    with the countries (and one more), prefectures and errata they need."""
    ds = sa.load()
    whole = ds._document()
    agreements = tuple(ds[key] for key in ("1-03", "2-05", "2-22", "6-12"))
    keys = {listing.key for agreement in agreements for listing in agreement.listings}
    codes = {code for agreement in agreements for code in agreement.countries} | {"FR"}
    names = {party.prefecture for agreement in agreements for party in agreement.japanese_parties}
    document = _codec.Document(
        whole.source,
        tuple(country for country in whole.countries if country.code in codes),
        tuple(prefecture for prefecture in whole.prefectures if prefecture.name_ja in names),
        agreements,
        tuple(erratum for erratum in whole.errata if erratum.listing in keys),
    )
    return _codec.unstructure_document(document)


BASE = _small_document()


def _nodes(value: Any, at: Where = ()) -> Iterator[tuple[Where, Any]]:
    yield at, value
    if isinstance(value, dict | list):
        for key, item in value.items() if isinstance(value, dict) else enumerate(value):
            yield from _nodes(item, (*at, key))


def _text(at: Where) -> str:
    """The path as the reader writes it: ``agreements[3].japanese_parties[0].kind``."""
    text = ""
    for part in at:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else part
    return text


def _parent(document: Any, at: Where) -> Any:
    for part in at[:-1]:
        document = document[part]
    return document


NODES = [at for at, _ in _nodes(BASE)][1:]
MEMBERS = [at for at in NODES if isinstance(at[-1], str)]
OBJECTS = [at for at, value in _nodes(BASE) if isinstance(value, dict)]
ARRAYS = [at for at, value in _nodes(BASE) if isinstance(value, list) and value]
REFERENCES = [at for at in MEMBERS if at[-1] in {"country", "prefecture", "listing"}]
OTHER_VALUES = st.sampled_from(
    ["7", 7, 7.9, 7.0, True, False, None, [], {}, "false", "", "2004-12", 0, -1, ["x"],
     {"a": 1}, "1-03", "CN", "栃木県"]
)  # fmt: skip
_PATHS = re.compile(r"\b(?:source|countries|prefectures|agreements|errata)(?:\[\d+\]|\.\w+)*")
#: Problems of structure, which the JSON Schema sees as well.
_STRUCTURE = re.compile(
    r"expected (an |a string|true|one of)|missing|unknown key|not a partial ISO date"
)


@pytest.fixture(scope="module")
def mutant(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mutants") / "mutant.json"


def _read(document: Any, file: Path) -> sa.Dataset | sa.DatasetError:
    file.write_text(json.dumps(document), encoding="utf-8")  # \u escapes: lone surrogates too
    try:
        return sa.export.read_json(file)
    except sa.DatasetError as error:
        return error


def _related(named: str, where: str) -> bool:
    """True if one path is the other or holds it."""
    return any(
        a == b or b.startswith((f"{a}.", f"{a}[")) for a, b in ((named, where), (where, named))
    )


def _check(document: Any, where: Where, file: Path) -> sa.DatasetError | None:
    """Read a mutant: read back exactly, or refused naming ``where`` (or a path holding it
    or held in it, or, for a broken reference, the table it refers to). The JSON Schema
    accepts what the reader reads, and refuses what the reader refuses for its structure."""
    read = _read(document, file)
    valid = SCHEMA.is_valid(document)
    if isinstance(read, sa.Dataset):
        assert _codec.unstructure_document(read._document()) == document
        assert valid
        return None
    assert read.file == str(file) and str(read).startswith(f"{file}: ")
    named = [read.path, *_PATHS.findall(str(read))]
    assert any(_related(path, _text(where)) for path in named), (str(read), _text(where))
    match = re.fullmatch(r"agreements\[(\d+)\].*", read.path)
    agreement = document["agreements"][int(match[1])] if match else None
    if isinstance(agreement, dict) and type(agreement.get("id")) is str:
        assert read.record == f"agreement {agreement['id']}"
    # JSON Schema counts 7.0 an integer; the reader takes a number as Python's JSON reads it.
    if _STRUCTURE.match(read.problem) and not re.search(r"not -?\d+\.0$", read.problem):
        assert not valid, str(read)
    return read


_KINDS = (
    "missing", "unknown key", "key given twice", "lone surrogate", "expected a date",
    "expected", " again ", "is not a code", "is not a name_ja", "not the key of its first",
    "not the key of a listing", "empty", "not JSON", "not UTF-8", "newer", "no sister",
)  # fmt: skip


def _tally(error: sa.DatasetError | None) -> None:
    """Count the outcomes by kind (pytest --hypothesis-show-statistics shows them)."""
    kind = "read" if error is None else next(k for k in _KINDS if k in error.problem)
    event(kind.strip())


def test_the_small_document_reads_back_exactly(mutant: Path) -> None:
    assert _check(BASE, (), mutant) is None
    assert SCHEMA.is_valid(BASE)
    assert [a["id"] for a in BASE["agreements"]] == ["1-03", "2-05", "2-22", "6-12"]
    assert [c["code"] for c in BASE["countries"]] == ["CN", "KR", "FR", "DK", "LU"]
    assert [p["name_ja"] for p in BASE["prefectures"]] == ["栃木県", "神奈川県", "長野県", "滋賀県"]
    assert [e["id"] for e in BASE["errata"]] == ["E002", "E008", "E027", "E029", "E051", "E059"]
    # 390 before the parties' ids and points: 8 ids, 8 points (7 objects of two numbers and
    # Iwafune's null) and the GeoNames line of source.registers.
    assert len(NODES) == 421 and len(REFERENCES) == 14


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(MEMBERS))
def test_a_deleted_key_is_refused_at_its_path(mutant: Path, at: Where) -> None:
    document = copy.deepcopy(BASE)
    del _parent(document, at)[at[-1]]
    error = _check(document, at, mutant)
    _tally(error)
    assert error is not None
    assert error.path == _text(at) and error.problem.startswith("missing (every field of ")


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(OBJECTS), st.from_regex(r"[a-z_]{1,12}", fullmatch=True))
def test_an_added_key_is_refused_at_its_path(mutant: Path, at: Where, key: str) -> None:
    document = copy.deepcopy(BASE)
    target = _parent(document, (*at, key))
    assume(key not in target)
    target[key] = 1
    error = _check(document, (*at, key), mutant)
    _tally(error)
    assert error is not None
    assert error.path == _text((*at, key)) and error.problem.startswith("unknown key")


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.sampled_from(NODES), OTHER_VALUES)
def test_a_value_of_another_type_is_read_exactly_or_refused(
    mutant: Path, at: Where, value: object
) -> None:
    document = copy.deepcopy(BASE)
    _parent(document, at)[at[-1]] = copy.deepcopy(value)
    _tally(_check(document, at, mutant))


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(st.sampled_from(ARRAYS), st.data())
def test_a_duplicated_record_is_read_exactly_or_refused(
    mutant: Path, at: Where, data: st.DataObject
) -> None:
    document = copy.deepcopy(BASE)
    array = _parent(document, (*at, 0))
    original = data.draw(st.integers(0, len(array) - 1), label="original")
    array.insert(data.draw(st.integers(0, len(array)), label="copy at"), array[original])
    _tally(_check(document, at, mutant))


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(REFERENCES), st.text(max_size=6))
def test_a_broken_reference_is_refused_at_its_path(mutant: Path, at: Where, value: str) -> None:
    document = copy.deepcopy(BASE)
    targets = {
        "country": [country["code"] for country in document["countries"]],
        "prefecture": [prefecture["name_ja"] for prefecture in document["prefectures"]],
        "listing": [
            f"{listing['field']}-{listing['number']:02d}"
            for agreement in document["agreements"]
            for listing in agreement["listings"]
        ],
    }[str(at[-1])]
    assume(value not in targets)
    _parent(document, at)[at[-1]] = value
    error = _check(document, at, mutant)
    _tally(error)
    assert error is not None and error.path == _text(at)
    assert error.problem.startswith(json.dumps(value, ensure_ascii=False)[:30])


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(["countries", "prefectures"]), st.data())
def test_removing_a_record_others_refer_to_is_refused(
    mutant: Path, table: str, data: st.DataObject
) -> None:
    document = copy.deepcopy(BASE)
    index = data.draw(st.integers(0, len(document[table]) - 1), label="index")
    removed = document[table].pop(index)
    error = _check(document, (table, index), mutant)
    _tally(error)
    if removed.get("code") == "FR":  # no party is in France
        assert error is None
    else:
        assert error is not None
        kind = "code" if table == "countries" else "name_ja"
        assert error.problem.endswith(f" is not a {kind} in {table}")


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_cut_file_is_refused_where_it_ends(mutant: Path, data: st.DataObject) -> None:
    text = (json.dumps(BASE, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    cut = text[: data.draw(st.integers(0, len(text) - 1), label="length")]
    mutant.write_bytes(cut)
    try:
        read = sa.export.read_json(mutant)
    except sa.DatasetError as error:
        _tally(error)
        assert error.path == ""
        assert re.fullmatch(
            r"not JSON: .+ \(line \d+, column \d+\)|not UTF-8 text: byte 0x[89a-f]. at offset \d+",
            error.problem,
        ), error.problem
        return
    _tally(None)
    assert cut == text[:-1]
    assert _codec.unstructure_document(read._document()) == BASE


# --- each rule, with its message ---------------------------------------------------


def _refused(document: Any, file: Path) -> sa.DatasetError:
    error = _read(document, file)
    assert isinstance(error, sa.DatasetError)
    assert str(error).startswith(f"{file}: ")
    return error


def _changed(change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    document = copy.deepcopy(BASE)
    change(document)
    return document


def _listing(document: dict[str, Any]) -> dict[str, Any]:
    listing: dict[str, Any] = document["agreements"][1]["listings"][0]
    return listing


def _point(document: dict[str, Any]) -> dict[str, Any]:
    point: dict[str, Any] = document["agreements"][1]["foreign_parties"][0]["point"]
    return point


def test_a_point_takes_any_json_number(tmp_path: Path) -> None:
    """A float field reads a number with or without a fraction, as a float."""
    document = _changed(lambda d: _point(d).update(latitude=35, longitude=128.6811))
    read = _read(document, tmp_path / "p.json")
    assert isinstance(read, sa.Dataset)
    point = read["2-05"].foreign_parties[0].point
    assert point == sa.Point(35.0, 128.6811) and type(point.latitude) is float


@pytest.mark.parametrize(
    ("change", "path", "record", "problem"),
    [
        (lambda d: _listing(d).update(relisted="false"), "agreements[1].listings[0].relisted",
         "agreement 2-05", 'expected true or false, not "false"'),
        (lambda d: _listing(d).update(relisted=0), "agreements[1].listings[0].relisted",
         "agreement 2-05", "expected true or false, not 0"),
        (lambda d: _listing(d).update(page=7.9), "agreements[1].listings[0].page",
         "agreement 2-05", "expected an integer, not 7.9"),
        (lambda d: _listing(d).update(page=7.0), "agreements[1].listings[0].page",
         "agreement 2-05", "expected an integer, not 7.0"),
        (lambda d: _listing(d).update(page="7"), "agreements[1].listings[0].page",
         "agreement 2-05", 'expected an integer, not "7"'),
        (lambda d: _listing(d).update(page=True), "agreements[1].listings[0].page",
         "agreement 2-05", "expected an integer, not true"),
        (lambda d: _listing(d).update(field=True), "agreements[1].listings[0].field",
         "agreement 2-05", "expected one of 1, 2, 3, 4, 5, 6, 7, 8, 9, not true"),
        (lambda d: _listing(d).update(field="2"), "agreements[1].listings[0].field",
         "agreement 2-05", 'expected one of 1, 2, 3, 4, 5, 6, 7, 8, 9, not "2"'),
        (lambda d: d["agreements"][0]["japanese_parties"][0].update(kind="citi"),
         "agreements[0].japanese_parties[0].kind", "agreement 1-03",
         'expected one of "prefecture", "designated_city", "city", "town", "village", '
         '"special_ward", "organisation", not "citi"'),
        (lambda d: _point(d).update(latitude=True), "agreements[1].foreign_parties[0].point"
         ".latitude", "agreement 2-05", "expected a number, not true"),
        (lambda d: _point(d).update(latitude="35.2"), "agreements[1].foreign_parties[0].point"
         ".latitude", "agreement 2-05", 'expected a number, not "35.2"'),
        (lambda d: _point(d).update(longitude=180.5), "agreements[1].foreign_parties[0].point"
         ".longitude", "agreement 2-05", "180.5 is outside [-180, 180] degrees"),
        (lambda d: _point(d).update(latitude=-90.01), "agreements[1].foreign_parties[0].point"
         ".latitude", "agreement 2-05", "-90.01 is outside [-90, 90] degrees"),
        (lambda d: d["agreements"][0]["japanese_parties"][0].update(point=[36.3, 139.6]),
         "agreements[0].japanese_parties[0].point", "agreement 1-03",
         "expected an object or null, not an array"),
        (lambda d: d["agreements"][0].update(title=None), "agreements[0].title",
         "agreement 1-03", "expected a string, not null"),
        (lambda d: d["agreements"][0]["japanese_parties"][0].update(became=7),
         "agreements[0].japanese_parties[0].became", "agreement 1-03",
         "expected a string or null, not 7"),
        (lambda d: d["agreements"][0].update(urls="abc"), "agreements[0].urls",
         "agreement 1-03", 'expected an array, not "abc"'),
        (lambda d: d["agreements"][0].update(contacts=[["x"]]), "agreements[0].contacts[0]",
         "agreement 1-03", "expected an object, not an array"),
        (lambda d: d["agreements"][0]["dates"][0].update(date="2004/12"),
         "agreements[0].dates[0].date", "agreement 1-03",
         "expected a date (YYYY, YYYY-MM or YYYY-MM-DD): not a partial ISO date: '2004/12'"),
        (lambda d: d["agreements"][0]["dates"][0].update(date="2004-02-30"),
         "agreements[0].dates[0].date", "agreement 1-03",
         "expected a date (YYYY, YYYY-MM or YYYY-MM-DD): day 30 is not 1-29 in 2004-02"),
        (lambda d: d["agreements"][0].update(title="\ud800"), "agreements[0].title",
         "agreement 1-03", "a lone surrogate (\\ud800-\\udfff) is not text"),
        (lambda d: d["agreements"][0].pop("outcomes"), "agreements[0].outcomes",
         "agreement 1-03", "missing (every field of Agreement is required)"),
        (lambda d: d["agreements"][0]["japanese_parties"][0].pop("became_on"),
         "agreements[0].japanese_parties[0].became_on", "agreement 1-03",
         "missing (every field of JapaneseParty is required)"),
        (lambda d: d["countries"][0].update(surprise=1), "countries[0].surprise", "country CN",
         "unknown key (not a field of Country)"),
        (lambda d: d["prefectures"][0].update({"a b": 1}), 'prefectures[0]["a b"]',
         "prefecture 栃木県", "unknown key (not a field of Prefecture)"),
        (lambda d: d.update(extra=[]), "extra", "", "unknown key (not a field of the document)"),
        (lambda d: d.pop("errata"), "errata", "", "missing (every field of the document is "
         "required)"),
        (lambda d: d["agreements"].append(d["agreements"][0]), "agreements[4].id",
         "agreement 1-03", '"1-03" again (also agreements[0].id)'),
        (lambda d: d["countries"].append(d["countries"][0]), "countries[5].code", "country CN",
         '"CN" again (also countries[0].code)'),
        (lambda d: d["prefectures"].append(d["prefectures"][0]), "prefectures[4].name_ja",
         "prefecture 栃木県", '"栃木県" again (also prefectures[0].name_ja)'),
        (lambda d: d["errata"].append(d["errata"][0]), "errata[6].id", "erratum E002",
         '"E002" again (also errata[0].id)'),
        (lambda d: d["agreements"][1]["listings"].append(d["agreements"][0]["listings"][1]),
         "agreements[1].listings[1]", "agreement 2-05",
         "listing key 2-12 again (also agreements[0].listings[1])"),
        (lambda d: d["agreements"][1].update(listings=[]), "agreements[1].listings",
         "agreement 2-05", "empty: an agreement has at least one listing"),
        (lambda d: d["agreements"][1].update(id="2-06"), "agreements[1].id", "agreement 2-06",
         '"2-06" is not the key of its first listing, agreements[1].listings[0] (2-05)'),
        (lambda d: d["agreements"][2]["foreign_parties"][0].update(country="XX"),
         "agreements[2].foreign_parties[0].country", "agreement 2-22",
         '"XX" is not a code in countries'),
        (lambda d: d["agreements"][2]["japanese_parties"][0].update(prefecture="静岡"),
         "agreements[2].japanese_parties[0].prefecture", "agreement 2-22",
         '"静岡" is not a name_ja in prefectures'),
        (lambda d: d["errata"][0].update(listing="9-99"), "errata[0].listing", "erratum E002",
         '"9-99" is not the key of a listing in agreements'),
        (lambda d: d["source"].update(schema_version=4), "source.schema_version", "",
         "4: written by a newer sister-agreements (this one reads 1 to 3); upgrade "
         "sister-agreements"),
        (lambda d: d["source"].update(schema_version=0), "source.schema_version", "",
         "0: no sister-agreements writes it (this one reads 1 to 3)"),
        (lambda d: d["source"].update(schema_version=2.0), "source.schema_version", "",
         "expected an integer, not 2.0"),
        (lambda d: d.update(source=[]), "source", "", "expected an object, not an array"),
    ],
)  # fmt: skip
def test_each_rule_is_refused_with_its_path_and_record(
    tmp_path: Path,
    change: Callable[[dict[str, Any]], object],
    path: str,
    record: str,
    problem: str,
) -> None:
    error = _refused(_changed(change), tmp_path / "bad.json")
    assert (error.path, error.record, error.problem) == (path, record, problem)
    where = f"{path} ({record})" if record else path
    assert str(error) == f"{tmp_path / 'bad.json'}: {where}: {problem}"


def test_the_first_key_given_twice_is_refused(tmp_path: Path) -> None:
    text = json.dumps(BASE, ensure_ascii=False)
    text = text.replace('"page": ', '"page": 1, "page": ', 1)
    file = tmp_path / "twice.json"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(sa.DatasetError) as caught:
        sa.export.read_json(file)
    assert str(caught.value) == (
        f"{file}: agreements[0].listings[0].page (agreement 1-03): key given twice in one object"
    )


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "not JSON: Expecting value (line 1, column 1)"),
        (b'{"source": NaN}', "not JSON: NaN is not a JSON number"),
        (b'{"source": -Infinity}', "not JSON: -Infinity is not a JSON number"),
        (b'{"source": {"schema_version": 2, "schema_version": 2}}',
         "source.schema_version: key given twice in one object"),
        (b'{"source": 1, "source": 1}', "source: key given twice in one object"),
        (b'{"a": 1}\n{"b": 2}', "not JSON: Extra data (line 2, column 1)"),
        ("{}".encode("utf-16"), "not UTF-8 text: byte 0xff at offset 0"),
        (b'"text"', 'not a data file: the top level is "text", not an object'),
        (b"[" * 100_000 + b"]" * 100_000, "not a data file: arrays or objects nested too deeply"),
        (b'{"source": ' + b'{"a":' * 50_000 + b"1" + b"}" * 50_001,
         "not a data file: arrays or objects nested too deeply"),
    ],
)  # fmt: skip
def test_a_file_that_is_no_data_file_is_refused(tmp_path: Path, data: bytes, problem: str) -> None:
    file = tmp_path / "bad.json"
    file.write_bytes(data)
    with pytest.raises(sa.DatasetError) as caught:
        sa.export.read_json(file)
    assert str(caught.value) == f"{file}: {problem}"


def test_nesting_where_a_string_belongs_is_refused_without_descending(tmp_path: Path) -> None:
    document = _changed(lambda d: d["agreements"][0].update(title="@"))
    text = json.dumps(document).replace('"@"', "[" * 500 + "]" * 500)
    file = tmp_path / "deep.json"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(sa.DatasetError) as caught:
        sa.export.read_json(file)
    assert caught.value.path == "agreements[0].title"
    assert caught.value.problem == "expected a string, not an array"


def test_a_bom_is_accepted(tmp_path: Path) -> None:
    file = tmp_path / "bom.json"
    file.write_bytes(b"\xef\xbb\xbf" + json.dumps(BASE, ensure_ascii=False).encode("utf-8"))
    read = sa.export.read_json(file)
    assert _codec.unstructure_document(read._document()) == BASE


def test_a_file_to_json_wrote_reads_back_equal(tmp_path: Path, ds: sa.Dataset) -> None:
    subset = ds.filter(country="KR")
    sa.export.to_json(subset, tmp_path / "kr.json")
    read = sa.export.read_json(tmp_path / "kr.json")
    assert tuple(read) == tuple(subset) and len(read) == 34
    assert read.errata == subset.errata and read.source == subset.source
    assert read == sa.export.read_json(str(tmp_path / "kr.json"))


def test_names_resolve_through_the_files_own_tables(tmp_path: Path) -> None:
    document = copy.deepcopy(BASE)
    document["countries"][0]["name_en"] = "Cathay"  # CN
    document["prefectures"][0]["name_en"] = "Shimotsuke"  # 栃木県
    read = _read(document, tmp_path / "own.json")
    assert isinstance(read, sa.Dataset)
    assert [a.id for a in read.filter(country="Cathay", prefecture="Shimotsuke")] == ["1-03"]
    with pytest.raises(sa.UnknownValueError):
        sa.load().filter(country="Cathay")


def test_a_path_that_cannot_be_read_is_a_dataset_error(tmp_path: Path) -> None:
    for path, reason, cause in [
        (tmp_path / "none.json", "No such file or directory", FileNotFoundError),
        (tmp_path, "Is a directory", IsADirectoryError),
    ]:
        with pytest.raises(sa.DatasetError) as caught:
            sa.export.read_json(path)
        assert str(caught.value) == f"{path}: cannot be read: {reason}"
        assert isinstance(caught.value.__cause__, cause)


@pytest.mark.parametrize("path", [3, b"file.json", None])
def test_a_path_is_a_str_or_a_path_like(path: Any) -> None:
    with pytest.raises(TypeError, match=r"^a path is a str or an os\.PathLike, not "):
        sa.export.read_json(path)


def test_dataset_error_is_a_value_error_that_pickles(tmp_path: Path) -> None:
    error = _refused(_changed(lambda d: _listing(d).update(page="7")), tmp_path / "p.json")
    assert isinstance(error, ValueError)
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is sa.DatasetError
    assert (again.file, again.path, again.record, again.problem, str(again)) == (
        error.file, error.path, error.record, error.problem, str(error)
    )  # fmt: skip


# --- files of older layouts: 1.0's (schema 1) and 2.0.dev's (schema 2) --------------


def test_a_file_written_by_1_0_is_converted(ds: sa.Dataset) -> None:
    """tests/fixtures/written_by_1.0.json: 1.0.0's ``to_json`` of its 栃木 agreements."""
    raw = json.loads(FIXTURE_1_0.read_text(encoding="utf-8"))
    assert raw["source"]["schema_version"] == 1 and "registers" not in raw["source"]
    assert (len(raw["countries"]), len(raw["prefectures"]), len(raw["errata"])) == (30, 47, 61)
    read = sa.export.read_json(FIXTURE_1_0)
    assert [a.id for a in read] == ["1-03", "1-10", "1-17", "7-17", "7-24"]
    assert tuple(read) == tuple(ds[a.id] for a in read)  # 1.0's agreements are today's
    assert read.source == ds.source.__class__(
        **{**raw["source"], "schema_version": 3, "registers": ds.source.registers}
    )
    assert read.source.data_version == "2012.1"
    document = read._document()
    assert [c.code for c in document.countries] == [c["code"] for c in raw["countries"]]
    china = document.countries[0]
    assert (china.code, china.alpha_3, china.numeric, china.kana) == (
        "CN", "CHN", "156", "チュウカジンミンキョウワコク"
    )  # fmt: skip
    assert china.aliases == ("People's Republic of China",)  # the file's own, kept
    tochigi = next(p for p in document.prefectures if p.code == "09")
    assert (tochigi.name_ja, tochigi.kana) == ("栃木県", "トチギケン")
    assert [(e.id, e.listing) for e in read.errata] == [
        ("E002", "1-03"), ("E004", "1-10"), ("E008", "2-12"), ("E036", "1-17")
    ]  # fmt: skip
    assert read.errata == ds.filter(prefecture="栃木").errata
    assert not SCHEMA.is_valid(raw)


def test_a_file_of_schema_2_takes_titles_ties_and_japanese_evidence_from_the_package(
    ds: sa.Dataset,
) -> None:
    """tests/fixtures/written_by_schema_2.json: ``to_json`` of the 栃木 agreements, data
    2012.3, before title_en, ties and evidence_ja."""
    raw = json.loads(FIXTURE_SCHEMA_2.read_text(encoding="utf-8"))
    assert (raw["source"]["schema_version"], raw["source"]["data_version"]) == (2, "2012.3")
    assert (len(raw["countries"]), len(raw["prefectures"]), len(raw["errata"])) == (249, 47, 4)
    assert {"title_en", "ties"}.isdisjoint(raw["agreements"][0])
    assert "evidence_ja" not in raw["errata"][0]
    read = sa.export.read_json(FIXTURE_SCHEMA_2)
    assert [a.id for a in read] == ["1-03", "1-10", "1-17", "7-17", "7-24"]
    assert read.source == attrs.evolve(ds.source, data_version="2012.3")
    tochigi = ds.filter(prefecture="栃木")
    # 2012.4 changed no agreement, country or prefecture of the file, nor its errata's
    # English: with the packaged titles, ties and Japanese evidence it is today's subset.
    assert read._document() == attrs.evolve(tochigi._document(), source=read.source)
    assert read["1-10"].title_en.startswith("Agreement on the Kanuma City–Grand Forks")
    assert read["1-10"].ties == (
        sa.Tie(sa.TieKind.NONE, None, "栃木県鹿沼市", "ノースダコタ州グランドフォークス市",
               "平成18年、友好都市関係は解消した"),
    )  # fmt: skip
    assert [(e.id, e.evidence_ja[:8]) for e in read.errata] == [
        ("E002", "索引ではこの項目"), ("E004", "索引は小山市とし"), ("E008", "索引は簡体字の县"),
        ("E036", "(3) 提携に至"),
    ]  # fmt: skip
    assert not SCHEMA.is_valid(raw)


def _written_by_1_0(change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(FIXTURE_1_0.read_text(encoding="utf-8"))
    change(document)
    return document


def _written_by_schema_2(change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(FIXTURE_SCHEMA_2.read_text(encoding="utf-8"))
    change(document)
    return document


_SCHEMA_2 = "(sister-agreements 2.0.dev, data 2012.2-2012.3)"
_LACKED = "of the packaged data, from which a file of an older layout takes what it lacks"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["agreements"][0].update(title_en="x"),
         f"agreements[0].title_en (agreement 1-03): unknown key in schema_version 2 {_SCHEMA_2}"),
        (lambda d: d["agreements"][4].update(ties=[]),
         f"agreements[4].ties (agreement 7-24): unknown key in schema_version 2 {_SCHEMA_2}"),
        (lambda d: d["errata"][1].update(evidence_ja=""),
         f"errata[1].evidence_ja (erratum E004): unknown key in schema_version 2 {_SCHEMA_2}"),
        (lambda d: d["agreements"][1].update(id="1-99"),
         f'agreements[1].id (agreement 1-99): "1-99" is not an agreement {_LACKED}'),
        (lambda d: d["errata"][0].update(id="E999"),
         f'errata[0].id (erratum E999): "E999" is not an erratum {_LACKED}'),
        (lambda d: d["agreements"][0]["foreign_parties"][0].update(name="架空市"),
         'agreements[0].foreign_parties[0].name (agreement 1-03): "架空市" is not a party of '
         "the packaged agreement, from which a file of an older layout takes the party's id "
         "and point"),
        (lambda d: d["agreements"][0].update(id=103),
         "agreements[0].id: expected a string, not 103"),
        (lambda d: d["countries"][0].update(kana=None, alpha_3=None),
         'countries[0].alpha_3 (country CN): expected a string, not null'),
    ],
)  # fmt: skip
def test_a_schema_2_file_is_read_as_strictly(
    tmp_path: Path, change: Callable[[dict[str, Any]], object], message: str
) -> None:
    error = _refused(_written_by_schema_2(change), tmp_path / "old.json")
    assert str(error) == f"{tmp_path / 'old.json'}: {message}"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["countries"][1].update(alpha_3="KOR"),
         "countries[1].alpha_3 (country KR): unknown key in schema_version 1 "
         "(sister-agreements 1.0)"),
        (lambda d: d["source"].update(registers=[]),
         "source.registers: unknown key in schema_version 1 (sister-agreements 1.0)"),
        (lambda d: d["countries"][1].update(code="XK"),
         'countries[1].code (country XK): "XK" is not an ISO 3166-1 code'),
        (lambda d: d["prefectures"][0].update(code="48"),
         'prefectures[0].code (prefecture 北海道): "48" is not a JIS X 0401 code'),
        (lambda d: d["prefectures"][0].update(code=1),
         'prefectures[0].code (prefecture 北海道): expected a string, not 1'),
        (lambda d: d["agreements"][0]["listings"][0].update(relisted="false"),
         'agreements[0].listings[0].relisted (agreement 1-03): expected true or false, '
         'not "false"'),
    ],
)  # fmt: skip
def test_a_1_0_file_is_read_as_strictly(
    tmp_path: Path, change: Callable[[dict[str, Any]], object], message: str
) -> None:
    error = _refused(_written_by_1_0(change), tmp_path / "old.json")
    assert str(error) == f"{tmp_path / 'old.json'}: {message}"
