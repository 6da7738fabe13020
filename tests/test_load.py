from __future__ import annotations

import threading
from pathlib import Path

import importlib_resources
import pytest

import sister_agreements as sa
from sister_agreements import _codec, dataset


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


def _fake_package(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, content: bytes | None) -> None:
    (tmp_path / "data").mkdir()
    if content is not None:
        (tmp_path / "data" / dataset.DATA_FILE).write_bytes(content)
    monkeypatch.setattr(importlib_resources, "files", lambda package: tmp_path)
    monkeypatch.setattr(dataset, "_loaded", None)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "agreements.json is missing"),
        (b"{not json", "agreements.json is not valid JSON"),
        (b"[]", "agreements.json does not hold a JSON object"),
        (b'{"source": {}, "agreements": [], "errata": []}', "does not fit the model"),
        (b'{"agreements": [], "errata": []}', "does not fit the model"),
    ],
)
def test_corrupt_data_file_raises_dataset_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, content: bytes | None, message: str
) -> None:
    _fake_package(monkeypatch, tmp_path, content)
    with pytest.raises(sa.DatasetError, match=message):
        sa.load()


def test_unknown_key_in_data_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ds: sa.Dataset
) -> None:
    import json

    document = _codec.unstructure_document(_document(ds))
    document["agreements"][0]["surprise"] = 1
    _fake_package(monkeypatch, tmp_path, json.dumps(document).encode())
    with pytest.raises(sa.DatasetError, match="surprise"):
        sa.load()


def _document(ds: sa.Dataset) -> _codec.Document:
    return ds._document()
