"""The JSON Schema (draft 2020-12) of agreements.json, generated from the model.

For readers in other languages: every object's keys, all required and no other, the
type of each value, the enums' values, the ISO date forms and the one ``schema_version``.
The package's own reader is stricter than the schema can say: no key twice in one object,
an integer written without a fraction (``7``, never ``7.0``), unique ids and keys, and
references that resolve (docs/data-dictionary.md, "The data file").
"""

from __future__ import annotations

import enum
import inspect
import typing
from typing import Any

from sister_agreements._codec import Document
from sister_agreements._document import SCHEMA_VERSION, fields, nullable
from sister_agreements.dates import PartialDate

DRAFT = "https://json-schema.org/draft/2020-12/schema"
#: ``PartialDate.isoformat``: the year, the year and month, or the full date.
DATE_PATTERN = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"


def json_schema() -> dict[str, Any]:
    """The schema of the data file; each class of the model is a ``$defs`` entry."""
    defs: dict[str, Any] = {}
    document = _object(Document, defs)
    defs["Source"]["properties"]["schema_version"] = {"const": SCHEMA_VERSION}
    for name, limit in (("latitude", 90), ("longitude", 180)):
        defs["Point"]["properties"][name].update(minimum=-limit, maximum=limit)
    document["description"] += (
        f" schema_version {SCHEMA_VERSION}, generated from the model by tools/build_dataset.py;"
        " the meaning of each key is in docs/data-dictionary.md."
    )
    return {
        "$schema": DRAFT,
        "title": "sister_agreements data file (agreements.json, to_json)",
        **document,
        "$defs": dict(sorted(defs.items())),
    }


def _object(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    names = [field.name for field in fields(cls)]
    return {
        "description": _summary(cls),
        "type": "object",
        "properties": {field.name: _value(field.type, defs) for field in fields(cls)},
        "required": names,
        "additionalProperties": False,
    }


def _value(kind: Any, defs: dict[str, Any]) -> dict[str, Any]:
    inner = nullable(kind)
    if inner is not None:
        return {"anyOf": [_value(inner, defs), {"type": "null"}]}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if kind in simple:
        return {"type": simple[kind]}
    if typing.get_origin(kind) is tuple:
        return {"type": "array", "items": _value(typing.get_args(kind)[0], defs)}
    name = kind.__name__
    if name not in defs:
        if kind is PartialDate:
            defs[name] = {
                "description": "A date as far as known: YYYY, YYYY-MM or YYYY-MM-DD.",
                "type": "string",
                "pattern": DATE_PATTERN,
            }
        elif issubclass(kind, enum.Enum):
            defs[name] = {"description": _summary(kind), "enum": [m.value for m in kind]}
        else:
            defs[name] = _object(kind, defs)
    return {"$ref": f"#/$defs/{name}"}


def _summary(cls: type) -> str:
    """The first paragraph of the class's docstring, on one line."""
    return " ".join((inspect.getdoc(cls) or "").split("\n\n")[0].split())
