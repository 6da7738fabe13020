"""The cattrs converter from the model to the data file's JSON (``_codec``)."""

from __future__ import annotations

import json

import pytest

import sister_agreements as sa
from sister_agreements import _codec, _document
from sister_agreements._tables import package_data
from sister_agreements.dataset import DATA_FILE


def test_every_agreement_unstructures_to_its_record_in_the_file(ds: sa.Dataset) -> None:
    records = json.loads(package_data(DATA_FILE))["agreements"]
    assert [_codec.converter.unstructure(agreement) for agreement in ds] == records


def test_document_round_trips_to_the_packaged_file(ds: sa.Dataset) -> None:
    data = package_data(DATA_FILE)
    document = _document.read_document(data, DATA_FILE)
    assert _codec.unstructure_document(document) == json.loads(data)
    # The dataset's own parts are the document's; countries and prefectures are those its
    # agreements name, the whole registers are the lookups'.
    assert (document.source, document.errata) == (ds.source, ds.errata)
    assert document.agreements == tuple(ds)
    assert ds.countries == document.countries[:30] and len(ds.prefectures) == 42
    assert tuple(sa.countries) == document.countries and len(sa.countries) == 249
    assert tuple(sa.prefectures) == document.prefectures and len(sa.prefectures) == 47


def test_objects_are_immutable(ds: sa.Dataset) -> None:
    import attrs

    agreement = ds[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        agreement.title = "x"  # type: ignore[misc]
    assert isinstance(agreement.listings, tuple)
    assert not hasattr(agreement, "__dict__")


def test_document_is_the_lean_readers(ds: sa.Dataset) -> None:
    assert _codec.Document is _document.Document
    assert type(ds._document()) is _document.Document
