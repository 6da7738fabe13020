"""load(): the packaged data, once per process, trusted only as the build wrote it; and
the strict reader of agreements.json that the build and ``read_file`` use.

The fault-injection tests copy a packaged file, change it (a flipped byte or boolean, a
truncation, a value of another type) and read the copy: the rows (agreements.rows.jsonl)
through ``load()`` in place of the packaged ones, agreements.json through the strict reader."""

from __future__ import annotations

import hashlib
import json
import re
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import importlib_resources
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sister_agreements as sa
from sister_agreements import _document, _tables, dataset

PACKAGED = importlib_resources.files("sister_agreements") / "data"
WHERE = "sister_agreements/data/agreements.json"
ROWS_WHERE = "sister_agreements/data/agreements.rows.jsonl"


def _packaged(name: str) -> bytes:
    return (PACKAGED / name).read_bytes()


def test_load_returns_the_same_object(ds: sa.Dataset) -> None:
    assert sa.load() is ds


def test_load_is_thread_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dataset, "_loaded", None)
    reads = []
    real_read = dataset._read

    def counting_read() -> sa.Dataset:
        reads.append(1)
        return real_read()

    monkeypatch.setattr(dataset, "_read", counting_read)
    barrier = threading.Barrier(8)
    results: list[sa.Dataset] = []

    def worker() -> None:
        barrier.wait()
        results.append(sa.load())

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8
    assert all(result is results[0] for result in results)
    assert len(reads) == 1


def test_package_data_reads_what_importlib_resources_reads() -> None:
    for name in (
        "agreements.json", "agreements.rows.jsonl", "agreements.sha256", "agreements.schema.json",
        "names.json",
    ):  # fmt: skip
        assert _tables.package_data(name) == _packaged(name)


def test_package_data_without_the_loaders_get_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """A loader without PEP 302's ``get_data`` is read through importlib_resources."""
    monkeypatch.setattr(_tables, "__loader__", object())
    assert _tables.package_data(dataset.DIGEST_FILE) == _packaged(dataset.DIGEST_FILE)
    with pytest.raises(FileNotFoundError):
        _tables.package_data("nothing.json")


def test_the_recorded_digest_is_the_packaged_files() -> None:
    digest = hashlib.sha256(_packaged(dataset.DATA_FILE)).hexdigest()
    assert _packaged(dataset.DIGEST_FILE).decode("ascii") == f"{digest}  agreements.json\n"


@contextmanager
def _package(tmp_path: Path, rows: bytes | None, digest: bytes | None) -> Iterator[None]:
    """The package's data folder replaced by one holding ``rows`` and ``digest``; None
    leaves a file out."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name, content in {dataset.ROWS_FILE: rows, dataset.DIGEST_FILE: digest}.items():
        if content is not None:
            (folder / name).write_bytes(content)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dataset, "package_data", lambda name: (folder / name).read_bytes())
        patch.setattr(dataset, "_loaded", None)
        yield


def _load_error(tmp_path: Path, rows: bytes | None, digest: bytes | None = None) -> sa.DatasetError:
    """The error of loading ``rows`` with ``digest`` (by default the packaged digest)."""
    digest = _packaged(dataset.DIGEST_FILE) if digest is None else digest
    with _package(tmp_path, rows, digest or None), pytest.raises(sa.DatasetError) as caught:
        sa.load()
    return caught.value


def _read_error(data: bytes) -> sa.DatasetError:
    """The error of reading ``data`` as agreements.json with the strict reader."""
    with pytest.raises(sa.DatasetError) as caught:
        _document.read_document(data, WHERE)
    return caught.value


def test_a_copy_of_the_packaged_files_loads_equal(tmp_path: Path, ds: sa.Dataset) -> None:
    with _package(tmp_path, _packaged(dataset.ROWS_FILE), _packaged(dataset.DIGEST_FILE)):
        copy = sa.load()
        assert copy is not ds
    assert tuple(copy) == tuple(ds) and copy.source == ds.source
    assert copy.whole.errata == ds.whole.errata


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"{not json", f"{WHERE}: not JSON: Expecting property name enclosed in double quotes "
         "(line 1, column 2)"),
        (b"\xef\xbb\xbf\xff", f"{WHERE}: not UTF-8 text: byte 0xff at offset 3"),
        (b"[]", f"{WHERE}: not a data file: the top level is an array, not an object"),
        (b'{"agreements": []}', f"{WHERE}: source: missing (every field of the document is "
         "required)"),
        (b'{"source": {}}', f"{WHERE}: source.schema_version: missing (every field of Source "
         "is required)"),
        (b'{"source": {"schema_version": 1}}', f"{WHERE}: source.schema_version: 1 "
         "(sister-agreements 1.0): this file must be 3"),
        (b'{"source": {"schema_version": 2}}', f"{WHERE}: source.schema_version: 2 "
         "(sister-agreements 2.0.dev, data 2012.2-2012.3): this file must be 3"),
        (b'{"source": {"schema_version": 4}}', f"{WHERE}: source.schema_version: 4: written by "
         "a newer sister-agreements (this one reads 3); upgrade sister-agreements"),
    ],
)  # fmt: skip
def test_a_broken_data_file_raises_dataset_error(data: bytes, message: str) -> None:
    assert str(_read_error(data)) == message


def test_missing_rows_are_refused(tmp_path: Path) -> None:
    error = _load_error(tmp_path, None)
    assert str(error) == f"{ROWS_WHERE}: missing: reinstall sister-agreements"
    assert isinstance(error.__cause__, FileNotFoundError)


def test_a_missing_digest_is_refused(tmp_path: Path) -> None:
    error = _load_error(tmp_path, _packaged(dataset.ROWS_FILE), b"")
    assert str(error) == (
        "sister_agreements/data/agreements.sha256: missing: reinstall sister-agreements"
    )
    assert isinstance(error.__cause__, FileNotFoundError)


def _raw() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(_packaged(dataset.DATA_FILE))
    return raw


def _render(raw: dict[str, Any]) -> bytes:
    """As the build writes the file (tools/build_dataset.py's ``render``)."""
    return (json.dumps(raw, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def test_rendering_the_parsed_file_gives_its_bytes() -> None:
    """The fault-injection tests change one value of a re-rendered copy, so that every
    other byte stays what the build wrote."""
    assert _render(_raw()) == _packaged(dataset.DATA_FILE)


def test_a_string_for_a_boolean_is_refused_where_it_stands() -> None:
    """1.0 read ``"relisted": "false"`` as True, and Table 1 changed."""
    raw = _raw()
    raw["agreements"][3]["listings"][0]["relisted"] = "false"
    error = _read_error(_render(raw))
    assert str(error) == (
        f"{WHERE}: agreements[3].listings[0].relisted (agreement 1-04): expected true or "
        'false, not "false"'
    )
    assert (error.file, error.path, error.record) == (
        WHERE, "agreements[3].listings[0].relisted", "agreement 1-04"
    )  # fmt: skip


def _rows() -> tuple[dict[str, Any], list[Any]]:
    """The header, and the lines of rows: the tables, the agreements' lines, the registers."""
    header, *rows = _packaged(dataset.ROWS_FILE).splitlines()
    return json.loads(header), [json.loads(line) for line in rows]


def _render_rows(header: dict[str, Any], rows: list[Any], *, mend: bool = False) -> bytes:
    """As the build writes the rows; ``mend`` writes the CRC-32 of the changed rows."""
    lines = b"".join(
        json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
        for line in rows
    )
    if mend:
        header = {**header, "crc32": zlib.crc32(lines)}
    head = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return head + b"\n" + lines


def test_rendering_the_parsed_rows_gives_their_bytes() -> None:
    assert _render_rows(*_rows()) == _packaged(dataset.ROWS_FILE)


def test_a_valid_change_is_refused_for_its_crc(tmp_path: Path) -> None:
    header, rows = _rows()
    rows[1][3][12][0][3] = True  # agreement 1-04's first listing: relisted
    changed = _render_rows(header, rows)
    error = _load_error(tmp_path, changed)
    crc = zlib.crc32(changed.split(b"\n", 1)[1])
    assert str(error) == (
        f"{ROWS_WHERE}: differs from the file the build wrote (CRC-32 {crc}, recorded "
        f"{header['crc32']}): reinstall sister-agreements"
    )
    assert error.path == error.record == ""


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"sha256": "0" * 64}, "was not written from the recorded agreements.json: reinstall "
         "sister-agreements"),
        ({"format": "other"}, "not a 'sister_agreements rows 4' file: reinstall sister-agreements"),
        ({"fields": {}}, "differs from the file the build wrote (CRC-32 "),
    ],
)  # fmt: skip
def test_a_header_that_is_not_the_builds_is_refused(
    tmp_path: Path, change: dict[str, Any], problem: str
) -> None:
    header, rows = _rows()
    error = _load_error(tmp_path, _render_rows({**header, **change}, rows))
    assert error.file == ROWS_WHERE
    assert error.problem.startswith(problem)


def test_rows_changed_on_purpose_with_their_crc_mended_are_refused(tmp_path: Path) -> None:
    header, rows = _rows()
    del rows[1][0][1]  # agreement 1-01 without its title
    error = _load_error(tmp_path, _render_rows(header, rows, mend=True))
    assert str(error).startswith(f"{ROWS_WHERE}: not rows of the model: ")


def test_registers_changed_with_their_crc_mended_are_refused_when_read(tmp_path: Path) -> None:
    """The countries and errata are read on first use: a change made on purpose there is a
    DatasetError then, from every part that reads them, and never a different dataset."""
    header, rows = _rows()
    del rows[-1][1][0][1]  # erratum E001 without its listing
    with _package(tmp_path, _render_rows(header, rows, mend=True), _packaged(dataset.DIGEST_FILE)):
        ds = sa.load()
        assert len(ds) == 149 and ds.source.data_version == "2012.5"
        for read in (lambda: ds.errata, lambda: ds.countries, lambda: sa.countries, ds._document):
            with pytest.raises(sa.DatasetError) as caught:
                read()
            assert str(caught.value).startswith(f"{ROWS_WHERE}: not rows of the model: ")


def _leaves(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """(JSON path, value) of every string, number, boolean and null in ``value``."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _leaves(item, f"{path}[{i}]")
    else:
        yield path, value


LEAVES = list(_leaves(_raw()))
#: A value of another type for each type of leaf.
OTHER = {str: 7, int: "7", float: "35.7", bool: "false", type(None): False}
_PART = re.compile(r"[^.\[\]]+")


def _set(raw: dict[str, Any], path: str, value: object) -> None:
    """Set the value at a JSON path (``agreements[3].listings[0].relisted``)."""
    parts: list[Any] = [int(part) if part.isdigit() else part for part in _PART.findall(path)]
    target: Any = raw
    for part in parts[:-1]:
        target = target[part]
    target[parts[-1]] = value


@pytest.mark.slow
@settings(max_examples=30, deadline=None)
@given(st.sampled_from(LEAVES))
def test_a_value_of_another_type_is_refused_where_it_stands(
    tmp_path_factory: pytest.TempPathFactory, leaf: tuple[str, Any]
) -> None:
    path, value = leaf
    raw = _raw()
    _set(raw, path, OTHER[type(value)])
    error = _read_error(_render(raw))
    assert (error.file, error.path) == (WHERE, path)
    assert error.problem.startswith("expected ")


def _booleans(value: Any, path: tuple[int, ...] = ()) -> Iterator[tuple[int, ...]]:
    """The index path of every boolean in the rows."""
    if isinstance(value, bool):
        yield path
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _booleans(item, (*path, i))


@pytest.mark.slow
@settings(max_examples=15, deadline=None)
@given(st.sampled_from(list(_booleans(_rows()[1]))))
def test_a_flipped_boolean_is_refused_for_its_crc(
    tmp_path_factory: pytest.TempPathFactory, at: tuple[int, ...]
) -> None:
    """A change that leaves valid rows of the model (every relisted flag is a boolean
    either way) is still a change of the packaged data."""
    header, rows = _rows()
    target: Any = rows
    for i in at[:-1]:
        target = target[i]
    target[at[-1]] = not target[at[-1]]
    error = _load_error(tmp_path_factory.mktemp("flip"), _render_rows(header, rows))
    assert error.problem.startswith("differs from the file the build wrote (CRC-32 ")


@pytest.mark.slow
@settings(max_examples=30, deadline=None)
@given(st.data())
def test_a_flipped_or_cut_file_is_refused(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """Any byte of the rows changed, any cut: a DatasetError, whatever the byte or the place."""
    packaged = _packaged(dataset.ROWS_FILE)
    at = data.draw(st.integers(0, len(packaged) - 1), label="at")
    if data.draw(st.booleans(), label="cut"):
        changed = packaged[:at]
    else:
        flip = data.draw(st.integers(1, 255), label="xor")
        changed = packaged[:at] + bytes([packaged[at] ^ flip]) + packaged[at + 1 :]
    error = _load_error(tmp_path_factory.mktemp("bytes"), changed)
    assert str(error).startswith(f"{ROWS_WHERE}: ")


@pytest.mark.parametrize(("path", "kind"), [(3, "int"), (b"x.json", "bytes"), (None, "NoneType")])
def test_a_data_file_is_named_by_a_path(path: object, kind: str) -> None:
    with pytest.raises(TypeError, match=rf"^a path is a str or an os\.PathLike, not {kind}$"):
        dataset.read_file(path)  # type: ignore[arg-type]
