from __future__ import annotations

import json

import pytest

import sister_agreements as sa
from sister_agreements import _codec
from sister_agreements.dataset import DATA_FILE


def test_every_agreement_round_trips_exactly(ds: sa.Dataset) -> None:
    for agreement in ds:
        raw = _codec.converter.unstructure(agreement)
        assert _codec.converter.structure(raw, sa.Agreement) == agreement
        assert json.loads(json.dumps(raw, ensure_ascii=False)) == raw


def test_document_round_trips_to_the_packaged_file(ds: sa.Dataset) -> None:
    import importlib_resources

    packaged = json.loads(
        (importlib_resources.files("sister_agreements") / "data" / DATA_FILE).read_bytes()
    )
    document = _codec.structure_document(packaged)
    assert _codec.unstructure_document(document) == packaged
    # The dataset's own parts are the document's; countries and prefectures are those its
    # agreements name, the whole registers are the lookups'.
    assert (document.source, document.errata) == (ds.source, ds.errata)
    assert document.agreements == tuple(ds)
    assert ds.countries == document.countries[:30] and len(ds.prefectures) == 42
    assert tuple(sa.countries) == document.countries and len(sa.countries) == 249
    assert tuple(sa.prefectures) == document.prefectures and len(sa.prefectures) == 47


def test_the_lean_converter_gives_what_the_strict_reader_gives(ds: sa.Dataset) -> None:
    """load() structures the packaged file with the lean converter when its digest is the
    build's; the strict reader gives the same objects from the same bytes."""
    import importlib_resources

    from sister_agreements import _document

    data = (importlib_resources.files("sister_agreements") / "data" / DATA_FILE).read_bytes()
    strict = _document.read_document(data, DATA_FILE)
    assert strict == _codec.structure_document(json.loads(data))
    assert strict == ds._document()
    assert strict.agreements == tuple(ds)


def test_unknown_top_level_key_is_refused(ds: sa.Dataset) -> None:
    import cattrs

    document = _codec.unstructure_document(_document(ds))
    document["extra"] = []
    with pytest.raises(cattrs.errors.ForbiddenExtraKeysError, match="extra"):
        _codec.structure_document(document)


def test_objects_are_immutable(ds: sa.Dataset) -> None:
    import attrs

    agreement = ds[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        agreement.title = "x"  # type: ignore[misc]
    assert isinstance(agreement.listings, tuple)
    assert not hasattr(agreement, "__dict__")


def _document(ds: sa.Dataset) -> _codec.Document:
    return ds._document()
