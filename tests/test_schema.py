"""The published JSON Schema (data/agreements.schema.json) describes the shipped data."""

from __future__ import annotations

import json
import re
from typing import Any

import attrs
import importlib_resources
import jsonschema
import pytest

import sister_agreements as sa
from sister_agreements import _codec, _document
from sister_agreements.dates import _ISO

DATA = importlib_resources.files("sister_agreements") / "data"


def _schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((DATA / "agreements.schema.json").read_text("utf-8"))
    return schema


def test_the_schema_is_draft_2020_12_and_the_shipped_data_is_valid() -> None:
    schema = _schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads((DATA / "agreements.json").read_bytes())
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []


def test_every_class_of_the_model_is_an_object_with_every_field_required() -> None:
    schema = _schema()
    classes = {
        "Agreement": sa.Agreement, "Contact": sa.Contact, "Country": sa.Country,
        "DatedEvent": sa.DatedEvent, "Erratum": sa.Erratum, "ForeignParty": sa.ForeignParty,
        "JapaneseParty": sa.JapaneseParty, "Link": sa.Link, "Listing": sa.Listing,
        "Prefecture": sa.Prefecture, "Source": sa.Source, "Tie": sa.Tie,
    }  # fmt: skip
    assert sorted(schema["$defs"]) == sorted(
        [*classes, "Field", "ForeignKind", "JapaneseKind", "PartialDate", "TieKind"]
    )
    for name, cls in [*classes.items(), ("", _codec.Document)]:
        entry = schema["$defs"][name] if name else schema
        names = [field.name for field in attrs.fields(cls)]
        assert (entry["type"], entry["required"], list(entry["properties"])) == (
            "object", names, names
        )  # fmt: skip
        assert entry["additionalProperties"] is False
    assert schema["$defs"]["Source"]["properties"]["schema_version"] == {"const": 3}
    assert schema["$defs"]["Field"]["enum"] == [1, 2, 3, 4, 5, 6, 7, 8, 9]
    assert schema["$defs"]["JapaneseKind"]["enum"] == [kind.value for kind in sa.JapaneseKind]
    assert schema["$defs"]["TieKind"]["enum"] == [
        "sister_city", "friendship_city", "sister_province", "other", "none", "not_stated"
    ]  # fmt: skip
    assert schema["$defs"]["Tie"]["properties"]["year"] == {
        "anyOf": [{"type": "integer"}, {"type": "null"}]
    }
    assert schema["$defs"]["Agreement"]["properties"]["ties"] == {
        "type": "array", "items": {"$ref": "#/$defs/Tie"}
    }  # fmt: skip
    assert schema["$defs"]["ForeignParty"]["properties"]["region"] == {
        "anyOf": [{"type": "string"}, {"type": "null"}]
    }
    assert schema["$defs"]["Agreement"]["properties"]["dates"] == {
        "type": "array", "items": {"$ref": "#/$defs/DatedEvent"}
    }  # fmt: skip


@pytest.mark.parametrize(
    "text",
    ["2004", "2004-12", "2004-12-24", "0999", "04", "2004-1", "2004-12-1", "2004/12", "20041",
     "2004-12-24T00", "２００４", ""],
)  # fmt: skip
def test_the_date_pattern_is_the_readers(text: str) -> None:
    pattern = _schema()["$defs"]["PartialDate"]["pattern"]
    assert bool(re.search(pattern, text)) == bool(re.fullmatch(_ISO, text))


def test_the_schema_version_is_the_one_the_code_reads(ds: sa.Dataset) -> None:
    assert ds.source.schema_version == _document.SCHEMA_VERSION == 3
