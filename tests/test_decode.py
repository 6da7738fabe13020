"""The fast form of the packaged data (``_decode``): what the strict reader gives from
agreements.json, object for object, from plain JSON that any Python reads alike."""

from __future__ import annotations

import enum
import hashlib
import json
import subprocess
import sys
import threading
import time
import zipfile
import zlib
from pathlib import Path
from typing import Any

import attrs
import pytest

import sister_agreements as sa
from sister_agreements import _decode, _document, _tables, dataset
from sister_agreements._tables import package_data
from sister_agreements.dataset import DATA_FILE, DIGEST_FILE, ROWS_FILE
from sister_agreements.dates import PartialDate


def _same(lean: Any, strict: Any, path: str = "document") -> int:
    """Assert that two values are the same, object for object: the same type at every
    level (a tuple is not a list, an enum member not its value) and equal leaves.
    Returns how many attrs objects were compared."""
    assert type(lean) is type(strict), path
    if attrs.has(type(lean)):
        names = [field.name for field in attrs.fields(type(lean))]
        return 1 + sum(_same(getattr(lean, n), getattr(strict, n), f"{path}.{n}") for n in names)
    if isinstance(lean, tuple):
        assert len(lean) == len(strict), path
        return sum(
            _same(a, b, f"{path}[{i}]") for i, (a, b) in enumerate(zip(lean, strict, strict=True))
        )
    assert isinstance(lean, str | int | float | bool | enum.Enum | None), path
    assert lean == strict, path
    return 0


def _rows() -> _document.Document:
    digest = package_data(DIGEST_FILE).decode("ascii").split()[0]
    return _decode.read_rows(package_data(ROWS_FILE), ROWS_FILE, digest).document()


def test_the_rows_give_what_the_strict_reader_gives(ds: sa.Dataset) -> None:
    strict = _document.read_document(package_data(DATA_FILE), DATA_FILE)
    # Every object of the file: the document, its source, 249 countries, 47 prefectures,
    # 149 agreements with their 162 Japanese and 208 foreign parties and the parties' 361
    # points, 155 dated events, 70 links, 152 contacts, 175 listings and 149 ties, 81
    # errata, and 156 dates (one a became_on).
    parts = (1, 1, 249, 47, 149, 162, 208, 361, 155, 70, 152, 175, 149, 81, 156)
    assert _same(_rows(), strict) == sum(parts) == 2116
    assert strict == _rows() == ds._document()


def test_the_rows_are_what_the_build_writes_from_the_document() -> None:
    """Written again from the strict reader's document, the rows are the packaged bytes."""
    strict = _document.read_document(package_data(DATA_FILE), DATA_FILE)
    digest = hashlib.sha256(package_data(DATA_FILE)).hexdigest()
    assert _decode.rows_text(strict, digest).encode("utf-8") == package_data(ROWS_FILE)
    assert package_data(DIGEST_FILE).decode("ascii") == f"{digest}  {DATA_FILE}\n"


def test_the_header_names_the_digest_the_crc_and_the_fields() -> None:
    header_line, rows = package_data(ROWS_FILE).split(b"\n", 1)
    header = json.loads(header_line)
    assert rows.count(b"\n") == 10 and rows.endswith(b"\n")
    assert header["format"] == "sister_agreements rows 4"
    assert header["sha256"] == package_data(DIGEST_FILE).decode("ascii").split()[0]
    assert header["crc32"] == zlib.crc32(rows)
    assert header["fields"]["Listing"] == [
        "field", "number", "page", "relisted", "index_parties", "index_title", "sheet",
        "sheet_title",
    ]  # fmt: skip
    assert list(header["fields"]) == [cls.__name__ for cls in _decode.CLASSES]
    assert header["fields"]["Tie"] == [
        "kind", "year", "japanese_party", "foreign_party", "evidence"
    ]  # fmt: skip
    # source, prefectures, the distinct points, Japanese and foreign parties; the 149
    # agreements, 20 a line; then countries and errata
    tables, *agreements, registers = [json.loads(line) for line in rows.splitlines()]
    assert [len(part) for part in tables] == [8, 47, 208, 89, 153]
    assert [len(line) for line in agreements] == [20] * 7 + [9]
    assert [row[0] for line in agreements for row in line] == [a.id for a in sa.load()]
    assert [len(part) for part in registers] == [249, 81]


def test_a_recurring_party_or_point_is_one_object(ds: sa.Dataset) -> None:
    """The 2,116 objects of the document are 1,835 distinct ones: 361 points are 208, 162
    Japanese parties 89 and 208 foreign parties 153; equal records are the same object."""
    seen: dict[int, Any] = {}

    def walk(value: Any) -> int:
        if attrs.has(type(value)):
            seen[id(value)] = value
            return 1 + sum(walk(getattr(value, a.name)) for a in attrs.fields(type(value)))
        return sum(map(walk, value)) if isinstance(value, tuple) else 0

    assert walk(ds._document()) == 2116
    assert len(seen) == 1835
    by_value: dict[Any, set[int]] = {}
    for key, value in seen.items():
        by_value.setdefault(value, set()).add(key)
    shared = (sa.Point, sa.JapaneseParty, sa.ForeignParty)
    assert all(len(keys) == 1 for value, keys in by_value.items() if type(value) in shared)
    shizuoka = [p for a in ds for p in a.japanese_parties if p.name == "静岡県"]
    assert len(shizuoka) == 12 and all(p is shizuoka[0] for p in shizuoka)


def test_the_package_data_is_plain_text_any_python_reads_alike() -> None:
    """No marshal, pickle or bytecode: every data file is UTF-8 JSON (JSON Lines for the
    rows) or text (the digest, the maps' licence), and load() reads exactly the digest and
    the rows."""
    folder = Path(_tables.__file__).parent / "data"
    names = sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.*"))
    assert names == [
        "agreements.json", "agreements.rows.jsonl", "agreements.schema.json",
        "agreements.sha256", "geometry/japanmap.LICENSE.txt", "geometry/prefectures.json",
        "geometry/world.json", "names.json",
    ]  # fmt: skip
    for name in names:
        text = package_data(name).decode("utf-8")
        if name.endswith(".json"):
            json.loads(text)
        elif name.endswith(".jsonl"):
            assert [type(json.loads(line)) for line in text.splitlines()] == [dict] + [list] * 10
    read: list[str] = []

    def recording(name: str) -> bytes:
        read.append(name)
        return package_data(name)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dataset, "package_data", recording)
        patch.setattr(dataset, "_loaded", None)
        sa.load()
    assert read == [DIGEST_FILE, ROWS_FILE]


def test_iso_dates_read_as_the_strict_reader_reads_them() -> None:
    assert PartialDate.fromisoformat("2004-02-29") == PartialDate(2004, 2, 29)
    with pytest.raises(ValueError, match="day 29 is not 1-28 in 1900-02"):
        PartialDate.fromisoformat("1900-02-29")
    assert PartialDate(2000, 2).last_day().day == 29
    assert [PartialDate(2001, m).last_day().day for m in range(1, 13)] == [
        31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
    ]  # fmt: skip


@pytest.mark.slow
def test_load_from_a_zip_file(tmp_path: Path) -> None:
    """The package in a zip file (zipimport) reads its data through the same loader call."""
    package = Path(sa.__file__).parent
    archive = tmp_path / "package.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sorted(package.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                zipped.write(path, path.relative_to(package.parent).as_posix())
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import sister_agreements as sa; "
        "ds = sa.load(); print(sa.__file__.startswith(sys.argv[1]), len(ds), len(ds.listings))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(archive)], capture_output=True, text=True, check=True
    )
    assert out.stdout == "True 149 175\n"


def test_the_countries_and_errata_are_read_on_first_use() -> None:
    """``load()`` makes the agreements, source and prefectures; the 249 countries and 81
    errata (a fifth of the rows) only when something asks for them, once."""
    digest = package_data(DIGEST_FILE).decode("ascii").split()[0]
    rows = _decode.read_rows(package_data(ROWS_FILE), ROWS_FILE, digest)
    assert (len(rows.agreements), len(rows.prefectures), rows.source.data_version) == (
        149, 47, "2012.5"
    )  # fmt: skip
    sa.summary.by_field(sa.Dataset(dataset._Index(rows)))
    assert rows._registers is None
    errata = rows.errata
    assert rows._registers is not None and rows.errata is errata and len(errata) == 81
    assert rows.countries is rows.countries and len(rows.countries) == 249


THREADS = 8


def test_threads_asking_for_the_registers_at_once_share_one_reading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The registers' line is parsed once, and every thread gets the same objects.

    ``functools.cached_property`` has no lock from Python 3.12 on: without one of its
    own, each thread that comes before the first has finished parses the line again and
    gets tuples of its own. Parsing is made slow here so that they all come in time."""
    digest = package_data(DIGEST_FILE).decode("ascii").split()[0]
    rows = _decode.read_rows(package_data(ROWS_FILE), ROWS_FILE, digest)
    parsed = []
    loads = _decode._loads

    def slow_loads(line: Any) -> Any:
        parsed.append(len(line))
        time.sleep(0.2)  # not a timing asserted: a window for the others to come in
        return loads(line)

    monkeypatch.setattr(_decode, "_loads", slow_loads)
    start = threading.Barrier(THREADS)
    got: list[tuple[object, object]] = []

    def ask() -> None:
        start.wait()
        got.append((rows.countries, rows.errata))

    threads = [threading.Thread(target=ask) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(parsed) == 1
    assert len(got) == THREADS
    assert {id(countries) for countries, _ in got} == {id(rows.countries)}
    assert {id(errata) for _, errata in got} == {id(rows.errata)}
    assert (len(rows.countries), len(rows.errata)) == (249, 81)


def test_a_fresh_process_s_threads_get_the_dataset_s_own_errata() -> None:
    """Right after ``load()``, threads asking ``ds.errata`` at once all get the tuple that
    ``ds.errata`` gives afterwards, and ``ds._document()`` holds the same one."""
    code = """
import sys, threading
import sister_agreements as sa
sys.setswitchinterval(1e-6)
ds = sa.load()
start = threading.Barrier(16)
got = []
def ask():
    start.wait()
    got.append(ds.errata)
threads = [threading.Thread(target=ask) for _ in range(16)]
for t in threads: t.start()
for t in threads: t.join()
print(len(got), len({id(e) for e in got}), all(e is ds.errata for e in got),
      ds._document().errata is ds.errata, len(ds.errata))
"""
    for _ in range(3):
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert result.stdout.split() == ["16", "1", "True", "True", "81"]


def test_a_dataset_pickles_and_copies() -> None:
    """A dataset, whole or filtered, before or after its registers are read and its
    lookups made, goes through pickle (protocol 2 on: 0 and 1 take no ``__slots__``) and
    deepcopy equal, with its errata and countries, and answers queries there: the packaged
    rows travel as the whole document they stand for, an index without what it makes on
    first use. In a fresh process, so that nothing has read the registers before."""
    code = """
import copy, pickle, sister_agreements as sa
ds = sa.load()
subsets = [ds, ds.filter(field=1)]
part = ds.filter(country="CN", prefecture="静岡")
subsets += [part, ds.search("マラソン")]
for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
    for subset in subsets:
        back = pickle.loads(pickle.dumps(subset, protocol))
        assert back == subset and list(back) == list(subset)
        assert back.errata == subset.errata and back.countries == subset.countries
        assert back.filter(country="China") == subset.filter(country="China")
copied = copy.deepcopy(part)
assert copied == part and copied.whole.errata == ds.errata and len(copied.whole) == 149
print(len(ds.errata), len(part), type(pickle.loads(pickle.dumps(ds))._index.document).__name__)
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["81", "8", "Document"]
