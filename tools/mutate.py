"""A sampled mutation run: how many small faults in a module do its tests catch?

For each module, every mutant that the operators below can make is listed in source
order, a fixed-seed sample of them is drawn, and each sampled mutant is written into a
copy of ``src/`` in a temporary directory (``src/`` itself is never edited) and the
module's own test files are run against it (``pytest -x -q``, with a time limit). A
mutant is *killed* when the tests fail or time out, and *survives* when they pass.

Operators (the ``kind`` printed for each mutant):

- ``binop``: ``+``/``-``, ``*``/``/``, ``//``/``/``, ``%``/``*``, ``|``/``&`` swapped;
- ``compare``: ``==``/``!=``, ``<``/``<=``, ``>``/``>=``, ``in``/``not in``,
  ``is``/``is not`` flipped;
- ``boolop``: ``and``/``or`` swapped; ``not``: ``not x`` made ``not not x``;
- ``number``: an integer constant plus one; ``bool``: ``True``/``False`` flipped;
- ``string``: a string constant changed (``"x"`` -> ``"XXx"``, ``""`` -> ``"XX"``);
- ``delete``: a statement replaced by ``pass``; ``return``: a returned value replaced
  by ``None``;
- ``element``: one entry deleted from a dict, tuple, list or set literal;
- ``keyword``: one keyword argument deleted from a call.

Docstrings, annotations, imports and ``def``/``class`` statements are not mutated.

Run by hand from the repository root (it is not part of CI; a whole run with the
defaults takes 20 to 30 minutes on two cores)::

    .venv/bin/python tools/mutate.py                     # every module, 60 mutants each
    .venv/bin/python tools/mutate.py export dates -n 30  # some modules, fewer mutants
    .venv/bin/python tools/mutate.py --list export       # only list the sampled mutants
    .venv/bin/python tools/mutate.py --rerun before.txt  # only the survivors of a saved run

It prints, per module, the mutants tried, killed and surviving, the kill rate, and
each survivor as ``file:line kind: before -> after``. The exit status is 0.
"""

from __future__ import annotations

import argparse
import ast
import copy
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path("src") / "sister_agreements"

#: Each module and the test files that cover it, fastest first (``-x`` stops at the first
#: failure). ``names`` is names.py alone: the folding it calls lives in _fold.py, a module
#: of its own with its own (slow, hypothesis-heavy) test file, and can be run as ``_fold``.
MODULES: dict[str, tuple[str, ...]] = {
    "dates": ("test_dates.py",),
    "names": ("test_names.py", "test_identifiers.py"),
    "dataset": ("test_load.py", "test_queries.py"),
    "summary": ("test_summary.py",),
    "export": ("test_export.py", "test_read_json.py"),
    "_fold": ("test_fold.py", "test_names.py"),
}
DEFAULT_MODULES = ("dates", "names", "dataset", "summary", "export")

_BINOPS: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Div,
    ast.Mod: ast.Mult,
    ast.BitOr: ast.BitAnd,
    ast.BitAnd: ast.BitOr,
}
_COMPARES: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
Change = Callable[[ast.AST], None]
Shown = tuple[int, str, str]
_UNMUTATED = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


@dataclass(frozen=True)
class Mutant:
    """One change to one node: the ``index``-th node of the module in ``ast.walk`` order."""

    module: str
    index: int
    kind: str
    line: int
    before: str
    after: str
    apply: Change = field(repr=False)

    def __str__(self) -> str:
        return f"{PACKAGE / self.module}.py:{self.line} {self.kind}: {self.before} -> {self.after}"


def _skipped(tree: ast.Module) -> set[int]:
    """The ids of nodes never mutated: docstrings and everything inside annotations."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, ast.Expr) and _is_str(first.value):
            skipped.update(id(n) for n in ast.walk(first))
        annotations: list[ast.AST | None] = []
        if isinstance(node, ast.arg | ast.AnnAssign):
            annotations.append(node.annotation)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            annotations.append(node.returns)
        for annotation in annotations:
            if annotation is not None:
                skipped.update(id(n) for n in ast.walk(annotation))
    return skipped


def _changes(node: ast.AST, skipped: set[int]) -> Iterator[tuple[str, Change, Shown | None]]:
    """Every (kind, change, shown) of one node.

    A change edits the node (or a copy of it) in place; ``shown`` is the (line, before,
    after) to print where the changed part is smaller than the node (a deleted statement
    or element), None where printing the node before and after the change says it.
    """
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        new_op = _BINOPS[type(node.op)]
        yield "binop", lambda n: setattr(n, "op", new_op()), None
    if isinstance(node, ast.Compare):
        for i, op in enumerate(node.ops):
            if type(op) in _COMPARES:
                yield "compare", _set_item("ops", i, _COMPARES[type(op)]), None
    if isinstance(node, ast.BoolOp):
        new_bool = ast.Or if isinstance(node.op, ast.And) else ast.And
        yield "boolop", lambda n: setattr(n, "op", new_bool()), None
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        doubled = ast.UnaryOp(ast.Not(), node.operand)
        yield "not", lambda n: setattr(n, "operand", doubled), None
    if isinstance(node, ast.Constant):
        constant = node.value
        if isinstance(constant, bool):
            yield "bool", lambda n: setattr(n, "value", not constant), None
        elif isinstance(constant, int):
            yield "number", lambda n: setattr(n, "value", constant + 1), None
        elif isinstance(constant, str):
            yield "string", lambda n: setattr(n, "value", "XX" + constant), None
    if isinstance(node, ast.Return) and node.value is not None and not _is_none(node.value):
        yield "return", lambda n: setattr(n, "value", ast.Constant(None)), None
    for body in ("body", "orelse", "finalbody"):
        statements = getattr(node, body, None)
        if isinstance(statements, list):
            for i, statement in enumerate(statements):
                if id(statement) not in skipped and not isinstance(
                    statement, (*_UNMUTATED, ast.Pass)
                ):
                    shown = (statement.lineno, _shown(statement), "pass")
                    yield "delete", _set_item(body, i, ast.Pass), shown
    if isinstance(node, ast.Dict):
        for i, (key, value) in enumerate(zip(node.keys, node.values, strict=True)):
            entry = f"{_shown(key)}: {_shown(value)}" if key else f"**{_shown(value)}"
            yield "element", _drop_entry(i), (value.lineno, entry, "(entry deleted)")
    if (isinstance(node, ast.Tuple | ast.List) and isinstance(node.ctx, ast.Load)) or (
        isinstance(node, ast.Set) and len(node.elts) > 1
    ):
        for i, element in enumerate(node.elts):
            yield "element", _drop_item("elts", i), _dropped(element)
    if isinstance(node, ast.Call):
        for i, keyword in enumerate(node.keywords):
            yield "keyword", _drop_item("keywords", i), _dropped(keyword)


def _set_item(field: str, i: int, new: type[ast.AST]) -> Change:
    def change(node: ast.AST) -> None:
        items = getattr(node, field)
        old = items[i]
        items[i] = ast.copy_location(new(), old) if isinstance(old, ast.stmt) else new()

    return change


def _drop_item(field: str, i: int) -> Change:
    return lambda node: getattr(node, field).pop(i)


def _drop_entry(i: int) -> Change:
    def change(node: ast.AST) -> None:
        assert isinstance(node, ast.Dict)
        node.keys.pop(i)
        node.values.pop(i)

    return change


def _is_str(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _is_none(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _dropped(node: ast.expr | ast.keyword) -> Shown:
    return node.lineno, _shown(node), "(deleted)"


def _shown(node: ast.AST) -> str:
    text = " ".join(ast.unparse(node).split())
    return text if len(text) <= 90 else text[:87] + "..."


def mutants(module: str) -> list[Mutant]:
    """Every mutant of ``src/sister_agreements/MODULE.py``, in ``ast.walk`` order."""
    tree = ast.parse((ROOT / PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    skipped = _skipped(tree)
    found = []
    for index, node in enumerate(ast.walk(tree)):
        if id(node) in skipped or isinstance(node, ast.Module):
            continue
        for kind, apply, shown in _changes(node, skipped):
            if shown is None:
                changed = copy.deepcopy(node)
                apply(changed)
                shown = (getattr(node, "lineno", 0), _shown(node), _shown(changed))
            line, before, after = shown
            if before != after:
                found.append(Mutant(module, index, kind, line, before, after, apply))
    return found


def mutated_source(mutant: Mutant) -> str:
    """The module's source with the one change made (reformatted by ``ast.unparse``)."""
    tree = ast.parse((ROOT / PACKAGE / f"{mutant.module}.py").read_text(encoding="utf-8"))
    node = next(n for i, n in enumerate(ast.walk(tree)) if i == mutant.index)
    mutant.apply(node)
    return ast.unparse(ast.fix_missing_locations(tree))


def sample(module: str, size: int, seed: int) -> list[Mutant]:
    """``size`` mutants of ``module`` drawn with ``random.Random(seed)``, in source order."""
    every = mutants(module)
    chosen = random.Random(f"{seed}:{module}").sample(every, min(size, len(every)))
    return sorted(chosen, key=lambda m: (m.line, m.index, m.kind))


def run_tests(tree: Path, module: str, timeout: float) -> bool:
    """True when the module's tests pass against the package under ``tree/src``."""
    tests = [str(ROOT / "tests" / name) for name in MODULES[module]]
    env = {**os.environ, "PYTHONPATH": str(tree / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"]
    command += ["-m", "not wheel", "--hypothesis-seed=0", *tests]
    try:
        done = subprocess.run(command, cwd=tree, env=env, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False
    return done.returncode == 0


def _copy_tree(into: Path) -> Path:
    tree = Path(tempfile.mkdtemp(prefix="mutate-", dir=into))
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "src", tree / "src", ignore=ignore)
    return tree


def run_module(module: str, chosen: list[Mutant], workers: int, scratch: Path) -> list[Mutant]:
    """Run the chosen mutants of ``module``; print and return the survivors.

    Raises:
        SystemExit: the tests fail on the unmutated module, so no mutant can be judged.
    """
    target = PACKAGE / f"{module}.py"
    unmutated = ast.unparse(ast.parse((ROOT / target).read_text(encoding="utf-8")))
    trees = [_copy_tree(scratch) for _ in range(workers)]
    for tree in trees:
        (tree / target).write_text(unmutated, encoding="utf-8")
    started = time.monotonic()
    if not run_tests(trees[0], module, timeout=600):
        raise SystemExit(f"{module}: the tests fail on the unmutated (unparsed) source")
    timeout = 3 * (time.monotonic() - started) + 10

    def judge(worker: int, mutant: Mutant) -> bool:
        path = trees[worker] / target
        path.write_text(mutated_source(mutant), encoding="utf-8")
        try:
            return run_tests(trees[worker], module, timeout)
        finally:
            path.write_text(unmutated, encoding="utf-8")

    batches = [chosen[w::workers] for w in range(workers)]
    with ThreadPoolExecutor(workers) as pool:
        runs = pool.map(lambda w: [(m, judge(w, m)) for m in batches[w]], range(workers))
        survivors = sorted(
            (m for batch in runs for m, survived in batch if survived),
            key=lambda m: (m.line, m.index),
        )
    killed = len(chosen) - len(survivors)
    rate = killed / len(chosen) if chosen else 1.0
    print(
        f"{module}: {len(chosen)} mutants, {killed} killed, {len(survivors)} survived, "
        f"{rate:.0%} killed",
        flush=True,
    )
    for mutant in survivors:
        print(f"  survived {mutant}", flush=True)
    return survivors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help=f"any of {', '.join(MODULES)}")
    parser.add_argument("-n", "--mutants", type=int, default=60, help="sample size per module")
    parser.add_argument("--seed", type=int, default=2012, help="the sampling seed")
    parser.add_argument("-j", "--workers", type=int, default=2, help="parallel test runs")
    parser.add_argument("--list", action="store_true", help="list the sample; run nothing")
    parser.add_argument(
        "--rerun",
        type=Path,
        metavar="OUTPUT",
        help="run only the sampled mutants that OUTPUT, a saved output of this tool, lists "
        "as survivors (after adding tests: the killed stay killed)",
    )
    args = parser.parse_args(argv)
    unknown = set(args.modules) - set(MODULES)
    if unknown:
        parser.error(f"unknown modules: {', '.join(sorted(unknown))}")
    survived = None
    if args.rerun:
        lines = args.rerun.read_text(encoding="utf-8").splitlines()
        survived = {line.split("survived ", 1)[1] for line in lines if "  survived " in line}
    with tempfile.TemporaryDirectory(prefix="mutate-") as scratch:
        for module in args.modules or DEFAULT_MODULES:
            chosen = sample(module, args.mutants, args.seed)
            if survived is not None:
                chosen = [mutant for mutant in chosen if str(mutant) in survived]
            if args.list:
                for mutant in chosen:
                    print(mutant)
            elif chosen:
                run_module(module, chosen, args.workers, Path(scratch))
    return 0


if __name__ == "__main__":
    sys.exit(main())
