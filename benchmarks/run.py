"""Measure start-up, load, query and memory costs; print a table and JSON.

    python benchmarks/run.py [--repeat N] [--baseline REV]

Whole processes are timed side by side: each round runs every process once, in turn, so
that whatever else the machine does weighs on all of them alike; the figures are the
medians over the rounds. Every process has its bytecode compiled first (one run that is
not timed, with ``PYTHONPYCACHEPREFIX`` set to a temporary directory), as an installed
package has it, also where ``PYTHONDONTWRITEBYTECODE`` is set.

- floor: a process that imports attrs and cattrs and ``json.loads`` the data file;
- cold: import, ``load()``, ``summary.by_field()``;
- pycountry (if installed): a process that imports pycountry and looks up one country;
- the console script's ``sister-agreements summary`` and ``sister-agreements fields``.

Per-call times (``filter``, ``search``) are the median over 7 fresh processes of each
one's best of 5: a process is quick or slow throughout. Release 1.0.0's sources (``git
archive`` of ``--baseline``, by default 1.0.0's commit) are timed in the same rounds, in
turn with this tree's, when the repository has that commit.

Targets (docs/benchmarks.md): cold <= 1.0 x the floor, ``sister-agreements summary``
<= 1.25 x the pycountry process, first load() < 10 ms, ``filter`` and ``search`` no slower
than 1.0's in the same run (without the baseline: 1.0's figures in docs/benchmarks.md,
9.6 us and 160 us), peak memory <= floor + 10 MiB. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import timeit
from pathlib import Path

import sister_agreements

DATA = Path(sister_agreements.__file__).parent / "data" / "agreements.json"
REPO = Path(__file__).resolve().parent.parent
#: The commit of release 1.0.0, whose query latencies are the goal.
BASELINE = "6c47892"
REPORT = """
import resource, sys, time
t0 = time.perf_counter()
{body}
elapsed = time.perf_counter() - t0
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
FLOOR = f"import attrs, cattrs, json; json.loads(open({str(DATA)!r}, 'rb').read())"
FULL = "import sister_agreements as sa; sa.summary.by_field(sa.load())"
LOAD = """
import sister_agreements as sa
t1 = time.perf_counter(); sa.load(); t0 = t1
"""
PYCOUNTRY = "import pycountry; pycountry.countries.get(alpha_2='JP')"
# What the installed console script runs (its argv after the program name).
SCRIPT = "import sys; from sister_agreements.cli import main; sys.exit(main())"


def _reported(body: str) -> list[str]:
    """A process that runs ``body`` and prints its time and its peak RSS (KiB)."""
    return [sys.executable, "-c", REPORT.format(body=body)]


def _processes() -> dict[str, list[str]]:
    processes = {
        "floor": _reported(FLOOR),
        "cold": _reported(FULL),
        "load": _reported(LOAD),
        "cli_summary": [sys.executable, "-c", SCRIPT, "summary"],
        "cli_fields": [sys.executable, "-c", SCRIPT, "fields"],
    }
    if importlib.util.find_spec("pycountry") is not None:
        processes["pycountry"] = _reported(PYCOUNTRY)
    return processes


def _rounds(processes: dict[str, list[str]], repeat: int) -> dict[str, list[tuple[float, str]]]:
    """Every process once per round, in turn: (wall time, standard output) of each run."""
    runs: dict[str, list[tuple[float, str]]] = {name: [] for name in processes}
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "PYTHONPYCACHEPREFIX": cache}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for command in processes.values():  # compile the bytecode, untimed
            subprocess.run(command, env=env, capture_output=True, check=True)
        for _ in range(repeat):
            for name, command in processes.items():
                start = timeit.default_timer()
                out = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
                runs[name].append((timeit.default_timer() - start, out.stdout))
    return runs


PER_CALL = """
import sys, timeit
setup = "import sister_agreements as sa; ds = sa.load(); ds.filter(field=1); ds.search('x')"
statement, number = sys.argv[1], int(sys.argv[2])
print(min(timeit.repeat(statement, setup=setup, number=number, repeat=5)) / number)
"""


def _per_call(
    statement: str, number: int, sources: dict[str, Path | None], processes: int = 7
) -> dict[str, float]:
    """Seconds a call takes with each of ``sources`` (a ``src`` folder put first on the
    path, or None for the installed package): the median over ``processes`` fresh
    processes of each one's best of 5, the sources in turn. One process is either quick
    or slow throughout, by up to 1.9 x on this machine, so one process's figure is a draw."""
    times: dict[str, list[float]] = {name: [] for name in sources}
    for _ in range(processes):
        for name, path in sources.items():
            env = dict(os.environ) if path is None else {**os.environ, "PYTHONPATH": str(path)}
            out = subprocess.run(
                [sys.executable, "-c", PER_CALL, statement, str(number)],
                capture_output=True, text=True, check=True, env=env,
            ).stdout  # fmt: skip
            times[name].append(float(out))
    return {name: statistics.median(found) for name, found in times.items()}


def _baseline(revision: str, into: Path) -> Path | None:
    """The ``src`` folder of ``revision``, written under ``into``; None (said on stderr)
    where there is no git or the repository lacks the revision (a shallow clone)."""
    try:
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", "--format=tar", revision, "src"],
            capture_output=True, check=True,
        ).stdout  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        print(f"no baseline: git cannot read {revision} here", file=sys.stderr)
        return None
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument(
        "--baseline", default=BASELINE, help="the revision to time beside (none: do not)"
    )
    args = parser.parse_args()
    runs = _rounds(_processes(), args.repeat)
    wall = {name: statistics.median(time for time, _ in found) for name, found in runs.items()}

    def inner(name: str) -> float:
        return statistics.median(float(out.split()[0]) for _, out in runs[name])

    def peak_mib(name: str) -> float:
        return max(float(out.split()[1]) for _, out in runs[name]) / 1024

    figures = {
        "floor_process_ms": wall["floor"] * 1e3,
        "cold_process_ms": wall["cold"] * 1e3,
        "cold_over_floor": wall["cold"] / wall["floor"],
        "cli_summary_ms": wall["cli_summary"] * 1e3,
        "cli_fields_ms": wall["cli_fields"] * 1e3,
    }
    if "pycountry" in wall:
        figures["pycountry_process_ms"] = wall["pycountry"] * 1e3
        figures["cli_summary_over_pycountry"] = wall["cli_summary"] / wall["pycountry"]
        figures["cli_fields_over_pycountry"] = wall["cli_fields"] / wall["pycountry"]
    figures["first_load_ms"] = inner("load") * 1e3
    targets = {
        "cold_over_floor": "<= 1.0",
        "cli_summary_over_pycountry": "<= 1.25",
        "first_load_ms": "< 10",
        "peak_over_floor_mib": "<= 10",
    }
    with tempfile.TemporaryDirectory() as folder:
        baseline = None if args.baseline == "none" else _baseline(args.baseline, Path(folder))
        sources = {"now": None} | ({} if baseline is None else {"1_0": baseline})
        for name, statement, number, figure_1_0 in (
            ("filter_field_country", "ds.filter(field=1, country='CN')", 2000, "9.6"),
            ("search", "ds.search('マラソン')", 200, "160"),
        ):
            seconds = _per_call(statement, number, sources)
            figures[f"{name}_us"] = seconds["now"] * 1e6
            if baseline is None:
                targets[f"{name}_us"] = f"<= {figure_1_0}"
            else:
                figures[f"{name}_1_0_us"] = seconds["1_0"] * 1e6
                figures[f"{name}_over_1_0"] = seconds["now"] / seconds["1_0"]
                targets[f"{name}_over_1_0"] = "<= 1.0"
    figures |= {
        "floor_peak_mib": peak_mib("floor"),
        "peak_mib": peak_mib("cold"),
        "peak_over_floor_mib": peak_mib("cold") - peak_mib("floor"),
    }
    print(f"{'figure':28} {'value':>10}  target")
    for name, value in figures.items():
        print(f"{name:28} {value:10.3f}  {targets.get(name, '')}")
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
