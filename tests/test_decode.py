"""The lean reader of the packaged file (``_decode``): what the strict reader gives, object
for object, from plain JSON that any Python reads alike."""

from __future__ import annotations

import enum
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import attrs
import pytest

import sister_agreements as sa
from sister_agreements import _decode, _document, _tables, dataset
from sister_agreements._tables import package_data
from sister_agreements.dataset import DATA_FILE, DIGEST_FILE
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
    assert isinstance(lean, str | int | bool | enum.Enum | None), path
    assert lean == strict, path
    return 0


def test_the_lean_reader_gives_what_the_strict_reader_gives(ds: sa.Dataset) -> None:
    data = package_data(DATA_FILE)
    strict = _document.read_document(data, DATA_FILE)  # no digest: every check runs
    lean = _decode.structure_document(json.loads(data))
    # Every object of the file: the document, its source, 249 countries, 47 prefectures,
    # 149 agreements with their 162 Japanese and 208 foreign parties, 155 dated events,
    # 70 links, 152 contacts and 175 listings, 61 errata, and 156 dates (one a became_on).
    parts = (1, 1, 249, 47, 149, 162, 208, 155, 70, 152, 175, 61, 156)
    assert _same(lean, strict) == sum(parts) == 1586
    assert strict == lean == ds._document()


def test_load_takes_the_lean_reader_only_with_the_builds_digest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[int] = []
    real = _decode.structure_document

    def counting(raw: dict[str, Any]) -> _decode.Document:
        calls.append(1)
        return real(raw)

    monkeypatch.setattr(_decode, "structure_document", counting)
    monkeypatch.setattr(dataset, "_loaded", None)
    sa.load()
    assert calls == [1]
    data = package_data(DATA_FILE)
    with pytest.raises(sa.DatasetError, match="differs from the file the build wrote"):
        _document.read_document(data, DATA_FILE, digest="0" * 64)
    assert calls == [1]


def test_the_package_data_is_plain_text_any_python_reads_alike() -> None:
    """No marshal, pickle or bytecode: every data file is UTF-8 JSON or the digest's text,
    and load() reads exactly the JSON and its digest."""
    folder = Path(_tables.__file__).parent / "data"
    names = sorted(path.name for path in folder.iterdir())
    assert names == ["agreements.json", "agreements.schema.json", "agreements.sha256", "names.json"]
    for name in names:
        text = package_data(name).decode("utf-8")
        if name.endswith(".json"):
            json.loads(text)
    read: list[str] = []

    def recording(name: str) -> bytes:
        read.append(name)
        return package_data(name)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dataset, "package_data", recording)
        patch.setattr(dataset, "_loaded", None)
        sa.load()
    assert read == [DIGEST_FILE, DATA_FILE]


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
