"""Shared state cannot be changed in place: every public name of every module, and every
public attribute of the objects ``load()`` shares (the dataset, its lookups, the printed
and computed tables), holds immutable values all the way down; the caches and indexes
behind them are private."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
import types
from collections.abc import Iterable, Mapping, MutableMapping, MutableSequence, MutableSet

import pytest

import sister_agreements as sa
from sister_agreements import dates, published, summary
from sister_agreements._tables import names_tables

MODULES = [
    "sister_agreements",
    *sorted(m.name for m in pkgutil.walk_packages(sa.__path__, prefix="sister_agreements.")),
]


def mutable_parts(value: object, where: str, seen: set[int] | None = None) -> list[str]:
    """Where in ``value`` (a path from ``where``) a mutable container sits: a dict, list,
    set, bytearray or deque, inside tuples, frozensets, read-only mappings, or the public
    attributes and items of the package's own objects."""
    seen = set() if seen is None else seen
    if id(value) in seen or isinstance(value, str | bytes | int | float | type(None)):
        return []
    seen.add(id(value))
    if isinstance(value, MutableMapping | MutableSequence | MutableSet):
        return [where]
    if isinstance(value, Mapping):
        return [
            part
            for key, item in value.items()
            for part in mutable_parts(item, f"{where}[{key!r}]", seen)
        ]
    if isinstance(value, tuple | frozenset):
        return [
            part
            for i, item in enumerate(value)
            for part in mutable_parts(item, f"{where}[{i}]", seen)
        ]
    if type(value).__module__.startswith("sister_agreements"):
        parts = [
            part
            for name in dir(value)
            if not name.startswith("_") and not callable(getattr(value, name))
            for part in mutable_parts(getattr(value, name), f"{where}.{name}", seen)
        ]
        if isinstance(value, Iterable):
            parts += [
                part
                for i, item in enumerate(value)
                for part in mutable_parts(item, f"{where}[{i}]", seen)
            ]
        return parts
    return []


def module_state(module: types.ModuleType) -> list[str]:
    """The mutable containers among a module's public names (data, not classes, functions
    or modules) and the public class attributes of the classes it defines."""
    found = []
    for name in dir(module):  # with the names made on first use (dates.ERAS)
        value = getattr(module, name)
        if name.startswith("_") or isinstance(value, types.ModuleType):
            continue
        where = f"{module.__name__}.{name}"
        if isinstance(value, type):
            if value.__module__ == module.__name__:
                for attribute, item in vars(value).items():
                    if not attribute.startswith("_") and not callable(item):
                        found += mutable_parts(item, f"{where}.{attribute}", set())
        elif not callable(value):
            found += mutable_parts(value, where, set())
    return found


def test_the_walk_finds_every_module() -> None:
    assert set(MODULES) >= {
        "sister_agreements", "sister_agreements.__main__", "sister_agreements._codec",
        "sister_agreements._fold", "sister_agreements._render", "sister_agreements._tables",
        "sister_agreements.cli", "sister_agreements.dataset", "sister_agreements.dates",
        "sister_agreements.errors", "sister_agreements.export", "sister_agreements.model",
        "sister_agreements.names", "sister_agreements.published", "sister_agreements.summary",
        "sister_agreements.taxonomy",
    }  # fmt: skip


@pytest.mark.parametrize("name", MODULES)
def test_no_module_shares_a_mutable_container(name: str) -> None:
    assert module_state(importlib.import_module(name)) == []


def test_the_check_sees_a_mutable_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(published, "FIELD_TABLE_TEXT", dict(published.FIELD_TABLE_TEXT))
    monkeypatch.setattr(published, "EXTRA", (("x", ["y"]),), raising=False)
    assert module_state(published) == [  # in the order of dir(): by name
        "sister_agreements.published.EXTRA[0][1]",
        "sister_agreements.published.FIELD_TABLE_TEXT",
    ]
    monkeypatch.setattr(summary.Label, "aliases", {"total": "合計"}, raising=False)
    assert module_state(summary) == [
        "sister_agreements.summary.FIELD_COLUMNS[0].aliases",
        "sister_agreements.summary.Label.aliases",
        "sister_agreements.summary.TOTAL_ROW.aliases",
    ]


def test_the_shared_objects_hold_nothing_mutable(ds: sa.Dataset) -> None:
    assert mutable_parts(ds, "ds") == []
    assert mutable_parts(sa.countries, "countries") == []
    assert mutable_parts(sa.prefectures, "prefectures") == []
    assert mutable_parts(published.FIELD_TABLE, "FIELD_TABLE") == []
    assert mutable_parts(published.COUNTRY_TABLE, "COUNTRY_TABLE") == []
    for make in (summary.by_field, summary.by_country, summary.by_prefecture, summary.by_year):
        assert mutable_parts(make(ds), make.__name__) == []


def test_the_public_attributes_are_the_documented_ones(ds: sa.Dataset) -> None:
    def public(value: object) -> set[str]:
        return {name for name in dir(value) if not name.startswith("_")}

    assert public(ds) - {"count", "index"} == {
        "countries", "errata", "filter", "get", "listings", "prefectures", "search", "source",
        "whole",
    }  # fmt: skip
    assert public(sa.countries) == {"closest", "get", "get_all", "kind", "lookup"}
    assert public(sa.prefectures) == public(sa.countries)


def test_published_tables_cannot_be_changed() -> None:
    with pytest.raises(TypeError):
        published.FIELD_TABLE_TEXT["合計"] = ()  # type: ignore[index]
    with pytest.raises(AttributeError):
        published.FIELD_TABLE.cells = ()  # type: ignore[misc]
    assert published.FIELD_TABLE_TEXT["合計"][-1] == "175(25)"
    with pytest.raises(TypeError):
        dates.ERAS["令和"] = dates.ERAS["平成"]  # type: ignore[index]


def test_lookups_cannot_be_changed() -> None:
    with pytest.raises(AttributeError):
        sa.countries.kind = "prefecture"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        sa.countries.extra = 1  # type: ignore[attr-defined]
    assert sa.countries.kind == "country" and sa.prefectures.kind == "prefecture"
    assert sa.countries is sa.countries and len(sa.prefectures) == 47


def test_the_name_tables_behind_load_are_read_only() -> None:
    tables = names_tables()
    with pytest.raises(TypeError):
        tables["variants"]["髙"] = "x"
    with pytest.raises(TypeError):
        tables["municipalities"][0][0] = "x"
    assert tables["variants"]["髙"] == "高"
    assert tables["municipalities"][0] == ("010006", "北海道", None, "ホッカイドウ", "hokkaidou")


def test_importing_the_package_touches_no_signal() -> None:
    code = (
        "import signal\n"
        "def handlers():\n"
        "    return {s: signal.getsignal(s) for s in signal.valid_signals()\n"
        "            if s not in (signal.SIGKILL, signal.SIGSTOP)}\n"
        "before = handlers()\n"
        "import pkgutil, importlib, sister_agreements as sa\n"
        "for m in pkgutil.walk_packages(sa.__path__, 'sister_agreements.'):\n"
        "    importlib.import_module(m.name)\n"
        "sa.load(); sa.countries\n"
        "print(handlers() == before, signal.getsignal(signal.SIGINT) is signal.default_int_handler)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert result.stdout == b"True True\n" and result.stderr == b""


def test_imports_flow_one_way() -> None:
    """No module of the package imports, at its top level, one that imports it back (the
    resolver is a leaf below the dataset: names never imports dataset)."""
    import ast
    from pathlib import Path

    package = Path(sa.__file__).parent
    graph: dict[str, set[str]] = {}
    for path in package.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = set()
        for node in tree.body:  # top level only: imports inside functions are deferred
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module == "sister_agreements":
                    imported |= {alias.name for alias in node.names}
                elif node.module.startswith("sister_agreements."):
                    imported.add(node.module.split(".")[1])
        graph[path.stem] = imported & {p.stem for p in package.glob("*.py")}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        return any(
            step == goal or (step not in seen and reaches(step, goal, seen | {step}))
            for step in graph.get(start, ())
        )

    assert "dataset" not in graph["names"] and not reaches("names", "dataset", set())
    cycles = [module for module in graph if reaches(module, module, set())]
    assert cycles == []


def test_a_first_table_imports_only_what_it_needs() -> None:
    """Import, ``load()`` and ``summary.by_field()`` (the benchmark's cold process) import
    none of the modules only other calls need: not cattrs, the strict reader or the
    writers, not hashlib (OpenSSL), and not datetime, bisect or csv."""
    code = (
        "import sys, sister_agreements as sa; sa.summary.by_field(sa.load()); print(*sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    imported = set(result.stdout.split())
    assert {"sister_agreements.summary", "sister_agreements._decode", "json"} <= imported
    unneeded = {f"sister_agreements.{name}" for name in ("_document", "_codec", "names")}
    unneeded |= {f"sister_agreements.{name}" for name in ("export", "published", "cli")}
    unneeded |= {"cattrs", "importlib_resources", "hashlib", "datetime", "bisect", "csv"}
    unneeded |= {"difflib", "argparse", "pathlib"}
    assert sorted(imported & unneeded) == []


def test_the_era_dates_are_made_on_first_use_and_listed() -> None:
    assert {"ERAS", "GREGORIAN_START"} <= set(dir(dates))
    assert dates.ERAS is dates.ERAS and str(dates.GREGORIAN_START) == "1873-01-01"
    assert list(dates.ERAS) == ["明治", "大正", "昭和", "平成", "令和"]
    with pytest.raises(
        AttributeError, match=r"^module 'sister_agreements\.dates' has no attribute 'ERA'$"
    ):
        dates.ERA  # noqa: B018
