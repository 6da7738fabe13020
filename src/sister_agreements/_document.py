"""Reading a data file strictly into a ``Document``: a user's, or the one the build writes.

As in zoneinfo, opening a file (``dataset.load``, ``dataset.read_file``) is apart from
reading it (``read_document``), and the header comes first: ``source.schema_version`` is
checked before anything else. Then the structure, strictly:

- UTF-8 text (a BOM is accepted), strict JSON (no NaN or Infinity), no key twice in one
  object, arrays and objects nested no deeper than Python's JSON reader can go;
- every key of the model present, and no other; a string for ``str``, an integer for
  ``int`` (never ``7.9``, ``"7"`` or ``true``), a number for ``float`` (``35.6895`` or
  ``35``; never ``"35.6"`` or ``true``), ``true`` or ``false`` for ``bool`` (never
  ``"false"``), ``null`` only where the model has ``| None``, an array for a tuple, an
  object for a class, an enum's value and an ISO date (``PartialDate.isoformat``) as the
  writer writes them; no lone surrogate in a string;

and then the links between records:

- unique country codes, prefecture names (``name_ja``), agreement ids, listing keys and
  erratum ids;
- every agreement has a listing, and its id is the key of its first listing;
- every foreign party's country is a code in ``countries``, every Japanese party's
  prefecture a ``name_ja`` in ``prefectures``, every erratum's listing a listing key;
- every point's latitude within [-90, 90] and longitude within [-180, 180].

cattrs would coerce here (``"7"`` and ``7.9`` to 7, ``true`` to 1, ``"abc"`` to a tuple of
letters), treats a key with a default as optional and reports unknown keys at their
object, not at their own path; so the strict reader walks the attrs fields itself. The
build reads every file it writes this strict way; ``load()`` then reads the packaged data
from its fast form (``_decode``), which the build wrote from the same document.
"""

from __future__ import annotations

import codecs
import enum
import functools
import json
import re
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs

from sister_agreements._record import record_eq, record_hash, record_repr
from sister_agreements.dates import PartialDate
from sister_agreements.errors import ECHO_LIMIT, DatasetError
from sister_agreements.model import (
    Agreement,
    Country,
    Erratum,
    Point,
    Prefecture,
    Source,
)


@attrs.frozen
class Document:
    """Everything the data file holds, in the order it holds it."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    source: Source
    countries: tuple[Country, ...]
    prefectures: tuple[Prefecture, ...]
    agreements: tuple[Agreement, ...]
    errata: tuple[Erratum, ...]


#: The layout of the data file this version writes and reads (``source.schema_version``).
SCHEMA_VERSION = 3

#: The release that wrote each layout; older ones are converted on reading (``_upgrade``).
WRITTEN_BY: Mapping[int, str] = types.MappingProxyType(
    {
        1: "sister-agreements 1.0",
        2: "sister-agreements 2.0.dev, data 2012.2-2012.3",
        3: "sister-agreements 2.0",
    }
)

Hook = Callable[[Any, str], Any]

_SURROGATE = re.compile("[\ud800-\udfff]")
_RECORD = re.compile(r"(agreements|countries|prefectures|errata)\[(\d+)\]")
#: How a message names the record at ``agreements[3]``: its kind and its key field.
_RECORDS = {
    "agreements": ("agreement", "id"),
    "countries": ("country", "code"),
    "prefectures": ("prefecture", "name_ja"),
    "errata": ("erratum", "id"),
}


class _Fault(Exception):
    """What is wrong, and where: the JSON path of the faulty value ("" for the document)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(path, problem)
        self.path = path
        self.problem = problem


def read_document(
    data: bytes,
    file: str,
    *,
    registers: Callable[[], Document] | None = None,
) -> Document:
    """The document a data file holds, read strictly (see the module's rules).

    Args:
        data: the file's bytes.
        file: how messages name the file (its path, or the packaged resource).
        registers: the packaged document, from which a document of an older layout
            (``schema_version`` 1 or 2) takes what it lacks; None reads only
            ``SCHEMA_VERSION``.

    Returns:
        The ``Document``; a converted one says ``schema_version`` 3 and keeps its
        ``data_version``.

    Raises:
        DatasetError: for the first fault found, naming ``file``, the JSON path and the
            record.
    """
    raw = _parse(data, file)
    try:
        version = _header(raw, older=registers is not None)
        if version != SCHEMA_VERSION and registers is not None:
            _upgrade(raw, version, registers())
        document: Document = _hook(Document)(raw, "")
        _check_links(document, errata_of_other_listings=version == 1)
    except _Fault as fault:
        raise DatasetError(file, fault.problem, fault.path, _record(raw, fault.path)) from None
    if version == 1:
        keys = {listing.key for agreement in document.agreements for listing in agreement.listings}
        errata = tuple(erratum for erratum in document.errata if erratum.listing in keys)
        document = attrs.evolve(document, errata=errata)
    return document


# --- text, JSON, header ------------------------------------------------------


class _Repeated(dict[str, Any]):
    """A JSON object that has a key twice; ``key`` is the first key repeated."""

    key: str


def _object_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    value = dict(pairs)
    if len(value) == len(pairs):
        return value
    repeated = _Repeated(value)
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            repeated.key = key
            break
        seen.add(key)
    return repeated


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


def _parse(data: bytes, file: str) -> Any:
    """The JSON value of ``data``; objects that repeat a key are ``_Repeated``."""
    body = data.removeprefix(codecs.BOM_UTF8)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        offset = len(data) - len(body) + error.start
        problem = f"not UTF-8 text: byte 0x{body[error.start]:02x} at offset {offset}"
        raise DatasetError(file, problem) from None
    try:
        return json.loads(text, object_pairs_hook=_object_pairs, parse_constant=_no_constant)
    except RecursionError:
        raise DatasetError(file, "not a data file: arrays or objects nested too deeply") from None
    except json.JSONDecodeError as error:
        problem = f"not JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        raise DatasetError(file, problem) from None
    except ValueError as error:  # NaN or Infinity, or an integer of over 4300 digits
        raise DatasetError(file, f"not JSON: {error}") from None


def _header(raw: Any, *, older: bool) -> int:
    """``source.schema_version``, if this version reads it (older layouts only if ``older``)."""
    if not isinstance(raw, dict):
        raise _Fault("", f"not a data file: the top level is {_describe(raw)}, not an object")
    _once(raw, "")
    if "source" not in raw:
        raise _Fault("source", "missing (every field of the document is required)")
    source = raw["source"]
    if not isinstance(source, dict):
        raise _Fault("source", f"expected an object, not {_describe(source)}")
    _once(source, "source")
    path = "source.schema_version"
    if "schema_version" not in source:
        raise _Fault(path, "missing (every field of Source is required)")
    version = source["schema_version"]
    if type(version) is not int:
        raise _Fault(path, f"expected an integer, not {_describe(version)}")
    reads = f"{min(WRITTEN_BY)} to {SCHEMA_VERSION}" if older else str(SCHEMA_VERSION)
    if version > SCHEMA_VERSION:
        raise _Fault(
            path,
            f"{version}: written by a newer sister-agreements (this one reads {reads}); "
            "upgrade sister-agreements",
        )
    if version not in WRITTEN_BY:
        raise _Fault(path, f"{version}: no sister-agreements writes it (this one reads {reads})")
    if version != SCHEMA_VERSION and not older:
        raise _Fault(path, f"{version} ({WRITTEN_BY[version]}): this file must be {reads}")
    return version


def _once(value: dict[str, Any], path: str) -> None:
    if isinstance(value, _Repeated):
        raise _Fault(_member(path, value.key), "key given twice in one object")


# --- older files -------------------------------------------------------------


def _upgrade(raw: dict[str, Any], version: int, packaged: Document) -> None:
    """Give a document of layout ``version`` (1 or 2) what the later layouts added, in place,
    from the packaged document. Values that are not what the old layout held are left for
    the strict reader to refuse."""
    raw["source"]["schema_version"] = SCHEMA_VERSION
    if version == 1:
        _add_registers(raw, packaged)
    _add_readings(raw, version, packaged)


def _add_registers(raw: dict[str, Any], packaged: Document) -> None:
    """What schema 2 added to 1.0's files: ``source.registers``, ``alpha_3`` and
    ``numeric`` in countries, ``kana`` in prefectures, from the packaged registers (the
    country, the prefecture of the same code); ``registers`` names the packaged registers'
    sources. (1.0 also wrote every erratum with every subset; ``read_document`` drops those
    of listings the file does not hold.)"""
    _add(raw["source"], "source", 1, registers=list(packaged.source.registers))
    countries = {country.code: country for country in packaged.countries}
    for path, entry in _entries(raw, "countries"):
        code = entry.get("code")
        if type(code) is str:
            if code not in countries:
                raise _Fault(f"{path}.code", f"{_describe(code)} is not an ISO 3166-1 code")
            country = countries[code]
            _add(entry, path, 1, alpha_3=country.alpha_3, numeric=country.numeric)
    prefectures = {prefecture.code: prefecture for prefecture in packaged.prefectures}
    for path, entry in _entries(raw, "prefectures"):
        code = entry.get("code")
        if type(code) is str:
            if code not in prefectures:
                raise _Fault(f"{path}.code", f"{_describe(code)} is not a JIS X 0401 code")
            _add(entry, path, 1, kana=prefectures[code].kana)


def _add_readings(raw: dict[str, Any], version: int, packaged: Document) -> None:
    """What schema 3 added, the project's own readings of the report and the parties'
    ids and points: each agreement's ``title_en`` and ``ties``, each party's ``id`` and
    ``point`` (from the packaged agreement's party of the same ``name``) and each erratum's
    ``evidence_ja``, from the packaged agreement and erratum of the same id; an id or a
    party name the packaged data lacks is refused. ``source.registers`` gains the packaged
    line naming the points' source and licence (GeoNames)."""
    registers = raw["source"].get("registers")
    if type(registers) is list:  # the points' source and licence, which must travel
        points = [line for line in packaged.source.registers if line.startswith("GeoNames ")]
        registers += [line for line in points if line not in registers]
    agreements = {agreement.id: agreement for agreement in packaged.agreements}
    for path, entry in _entries(raw, "agreements"):
        lacks = f"an agreement of the packaged data, {_TAKES_WHAT_IT_LACKS}"
        agreement = agreements.get(_packaged_key(entry, "id", path, agreements, lacks))
        if agreement is not None:
            ties = [_plain(tie) for tie in agreement.ties]
            _add(entry, path, version, title_en=agreement.title_en, ties=ties)
            for side in ("japanese_parties", "foreign_parties"):
                parties = {party.name: party for party in getattr(agreement, side)}
                for party_path, party_entry in _entries(entry, side, path):
                    lacks = (
                        "a party of the packaged agreement, from which a file of an older "
                        "layout takes the party's id and point"
                    )
                    name = _packaged_key(party_entry, "name", party_path, parties, lacks)
                    party = parties.get(name)
                    if party is not None:
                        point = _plain(party.point)
                        _add(party_entry, party_path, version, id=party.id, point=point)
    errata = {erratum.id: erratum for erratum in packaged.errata}
    for path, entry in _entries(raw, "errata"):
        lacks = f"an erratum of the packaged data, {_TAKES_WHAT_IT_LACKS}"
        erratum = errata.get(_packaged_key(entry, "id", path, errata, lacks))
        if erratum is not None:
            _add(entry, path, version, evidence_ja=erratum.evidence_ja)


#: Why an old file's record must name one of the packaged data (``_packaged_key``).
_TAKES_WHAT_IT_LACKS = "from which a file of an older layout takes what it lacks"


def _packaged_key(
    entry: dict[str, Any], key: str, path: str, packaged: Mapping[str, object], lacks: str
) -> str:
    """The ``key`` (``id``, ``name``) of a record of an old file, if it is a string; one
    ``packaged`` lacks is refused, ``lacks`` saying what it is not, for the record cannot
    take what its layout lacks."""
    value = entry.get(key)
    if type(value) is not str:
        return ""  # for the strict reader to refuse
    if value not in packaged:
        raise _Fault(f"{path}.{key}", f"{_describe(value)} is not {lacks}")
    return value


def _plain(value: Any) -> Any:
    """A record of the model as the data file writes it: objects, arrays, enum values."""
    if attrs.has(type(value)):
        return {field.name: _plain(getattr(value, field.name)) for field in fields(type(value))}
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value.value if isinstance(value, enum.Enum) else value


def _entries(raw: dict[str, Any], key: str, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """The objects of the array ``raw[key]`` with their paths (``raw`` being at ``path``)."""
    records = raw.get(key)
    if isinstance(records, list):
        for i, entry in enumerate(records):
            if isinstance(entry, dict):
                yield f"{_member(path, key)}[{i}]", entry


def _add(entry: dict[str, Any], path: str, version: int, **values: object) -> None:
    for key, value in values.items():
        if key in entry:
            raise _Fault(
                _member(path, key),
                f"unknown key in schema_version {version} ({WRITTEN_BY[version]})",
            )
        entry[key] = value


# --- the structure -----------------------------------------------------------


def nullable(kind: Any) -> Any | None:
    """``X`` for the type ``X | None``, else None."""
    if typing.get_origin(kind) in (types.UnionType, typing.Union):
        others = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        if len(others) == 1:
            return others[0]
    return None


def fields(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    """The attrs fields of a model class, with their types resolved."""
    resolved: tuple[attrs.Attribute[Any], ...] = attrs.fields(attrs.resolve_types(cls))
    return resolved


@functools.cache
def _hook(kind: Any) -> Hook:
    """The strict reader of one type of the model: ``hook(value, path)``."""
    inner = nullable(kind)
    if inner is None:
        return _typed(kind, _expected(kind))
    hook = _typed(inner, f"{_expected(inner)} or null")
    return lambda value, path: None if value is None else hook(value, path)


def _expected(kind: Any) -> str:
    """How a message names what a value of this type must be."""
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return "one of " + ", ".join(_describe(member.value) for member in kind)
    names = {
        str: "a string",
        int: "an integer",
        float: "a number",
        bool: "true or false",
        PartialDate: "a date",
    }
    return names.get(kind, "an object" if attrs.has(kind) else "an array")


def _typed(kind: Any, expected: str) -> Hook:
    def mismatch(value: object, path: str) -> _Fault:
        return _Fault(path, f"expected {expected}, not {_describe(value)}")

    if kind in (int, bool):

        def exact(value: Any, path: str) -> Any:
            if type(value) is not kind:
                raise mismatch(value, path)
            return value

        return exact
    if kind is float:

        def number(value: Any, path: str) -> float:
            if type(value) not in (int, float):  # bool is not int here
                raise mismatch(value, path)
            return float(value)

        return number
    if kind in (str, PartialDate):

        def text(value: Any, path: str) -> Any:
            if type(value) is not str:
                raise mismatch(value, path)
            if _SURROGATE.search(value):
                raise _Fault(path, "a lone surrogate (\\ud800-\\udfff) is not text")
            if kind is str:
                return value
            try:
                return PartialDate.fromisoformat(value)
            except ValueError as error:
                problem = f"expected a date (YYYY, YYYY-MM or YYYY-MM-DD): {error}"
                raise _Fault(path, problem) from None

        return text
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        members = {(type(member.value), member.value): member for member in kind}

        def member(value: Any, path: str) -> Any:
            try:
                return members[type(value), value]
            except (KeyError, TypeError):  # TypeError: an array or an object
                raise mismatch(value, path) from None

        return member
    if attrs.has(kind):
        return _object(kind, mismatch)
    if typing.get_origin(kind) is not tuple:
        raise TypeError(f"the model has no type {kind!r}")
    (item,) = (arg for arg in typing.get_args(kind) if arg is not Ellipsis)
    item_hook = _hook(item)

    def array(value: Any, path: str) -> tuple[Any, ...]:
        if type(value) is not list:
            raise mismatch(value, path)
        return tuple(item_hook(entry, f"{path}[{i}]") for i, entry in enumerate(value))

    return array


def _object(cls: type, mismatch: Callable[[object, str], _Fault]) -> Hook:
    hooks: dict[str, Hook] = {
        field.name: _hook(typing.cast(Any, field.type)) for field in fields(cls)
    }
    label = "the document" if cls is Document else cls.__name__

    def structure(value: Any, path: str) -> Any:
        if not isinstance(value, dict):
            raise mismatch(value, path)
        _once(value, path)
        for key in value:
            if key not in hooks:
                raise _Fault(_member(path, key), f"unknown key (not a field of {label})")
        arguments = {}
        for name, hook in hooks.items():
            where = _member(path, name)
            if name not in value:
                raise _Fault(where, f"missing (every field of {label} is required)")
            arguments[name] = hook(value[name], where)
        return cls(**arguments)

    return structure


# --- the links between records -----------------------------------------------


def _check_links(document: Document, *, errata_of_other_listings: bool) -> None:
    """Unique keys and resolving references (see the module); a file written by 1.0 may
    hold errata of listings it does not hold (``errata_of_other_listings``)."""
    _unique("countries[{}].code", [country.code for country in document.countries])
    _unique("prefectures[{}].name_ja", [prefecture.name_ja for prefecture in document.prefectures])
    _unique("agreements[{}].id", [agreement.id for agreement in document.agreements])
    _unique("errata[{}].id", [erratum.id for erratum in document.errata])
    countries = {country.code for country in document.countries}
    prefectures = {prefecture.name_ja for prefecture in document.prefectures}
    listings: dict[str, str] = {}  # listing key -> its path
    for i, agreement in enumerate(document.agreements):
        here = f"agreements[{i}]"
        if not agreement.listings:
            raise _Fault(f"{here}.listings", "empty: an agreement has at least one listing")
        for j, listing in enumerate(agreement.listings):
            if listing.key in listings:
                raise _Fault(
                    f"{here}.listings[{j}]",
                    f"listing key {listing.key} again (also {listings[listing.key]})",
                )
            listings[listing.key] = f"{here}.listings[{j}]"
        if agreement.id != agreement.listings[0].key:
            raise _Fault(
                f"{here}.id",
                f"{_describe(agreement.id)} is not the key of its first listing, "
                f"{here}.listings[0] ({agreement.listings[0].key})",
            )
        for j, japanese in enumerate(agreement.japanese_parties):
            if japanese.prefecture not in prefectures:
                raise _Fault(
                    f"{here}.japanese_parties[{j}].prefecture",
                    f"{_describe(japanese.prefecture)} is not a name_ja in prefectures",
                )
            _check_point(japanese.point, f"{here}.japanese_parties[{j}].point")
        for j, foreign in enumerate(agreement.foreign_parties):
            if foreign.country not in countries:
                raise _Fault(
                    f"{here}.foreign_parties[{j}].country",
                    f"{_describe(foreign.country)} is not a code in countries",
                )
            _check_point(foreign.point, f"{here}.foreign_parties[{j}].point")
    if errata_of_other_listings:
        return
    for k, erratum in enumerate(document.errata):
        if erratum.listing not in listings:
            raise _Fault(
                f"errata[{k}].listing",
                f"{_describe(erratum.listing)} is not the key of a listing in agreements",
            )


def _check_point(point: Point | None, path: str) -> None:
    """A point's degrees within [-90, 90] (latitude) and [-180, 180] (longitude)."""
    if point is None:
        return
    for name, value, limit in (
        ("latitude", point.latitude, 90),
        ("longitude", point.longitude, 180),
    ):
        if not -limit <= value <= limit:
            raise _Fault(f"{path}.{name}", f"{value} is outside [-{limit}, {limit}] degrees")


def _unique(path: str, keys: list[str]) -> None:
    first: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key in first:
            raise _Fault(path.format(i), f"{_describe(key)} again (also {path.format(first[key])})")
        first[key] = i


# --- messages ----------------------------------------------------------------


def _member(path: str, key: str) -> str:
    """The path of ``key`` in the object at ``path``: ``a.b``, or ``a["b c"]`` for a key
    that is not a name."""
    if key.isidentifier() and len(key) <= ECHO_LIMIT:
        return f"{path}.{key}" if path else key
    return f"{path}[{_describe(key)}]"


def _describe(value: object) -> str:
    """A JSON value as a message shows it: as JSON, cut to about 80 characters; an array
    or an object by its kind."""
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    text = json.dumps(value, ensure_ascii=False).encode("utf-8", "backslashreplace").decode()
    return text if len(text) <= ECHO_LIMIT else text[: ECHO_LIMIT - 2] + '…"'


def _record(raw: Any, path: str) -> str:
    """The record at the start of ``path`` by its key ("agreement 1-04"), or ""."""
    match = _RECORD.match(path)
    if match is None or not isinstance(raw, dict):
        return ""
    records = raw.get(match[1])
    index = int(match[2])
    if not isinstance(records, list) or index >= len(records):
        return ""
    kind, key = _RECORDS[match[1]]
    entry = records[index]
    if not isinstance(entry, dict) or type(entry.get(key)) is not str:
        return ""
    text = entry[key]
    return f"{kind} {text if text.isprintable() and len(text) <= ECHO_LIMIT else _describe(text)}"
