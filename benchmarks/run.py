"""Measure start-up, load, query and memory costs; print a table and JSON.

    python benchmarks/run.py [--repeat N]

Targets (docs/benchmarks.md): cold time <= 1.25 x the floor, first load() < 15 ms,
an indexed filter < 20 us, a search < 1 ms, peak memory <= floor + 10 MiB. The
floor is a process that only imports attrs and cattrs and json.loads the data file.
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import timeit

import importlib_resources

DATA = importlib_resources.files("sister_agreements") / "data" / "agreements.json"
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


def _process(body: str, repeat: int) -> tuple[float, float, float]:
    """Median wall time of whole processes, median in-process time, max peak RSS (KiB)."""
    walls, inner, rss = [], [], []
    code = REPORT.format(body=body)
    for _ in range(repeat):
        start = timeit.default_timer()
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        walls.append(timeit.default_timer() - start)
        elapsed, peak = out.stdout.split()
        inner.append(float(elapsed))
        rss.append(float(peak))
    return statistics.median(walls), statistics.median(inner), max(rss)


def _per_call(statement: str, number: int) -> float:
    setup = "import sister_agreements as sa; ds = sa.load(); ds.filter(field=1); ds.search('x')"
    best = min(timeit.repeat(statement, setup=setup, number=number, repeat=5))
    return best / number


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    floor_wall, _, floor_rss = _process(FLOOR, args.repeat)
    full_wall, _, full_rss = _process(FULL, args.repeat)
    _, first_load, _ = _process(LOAD, args.repeat)
    figures = {
        "floor_process_s": floor_wall,
        "cold_process_s": full_wall,
        "cold_over_floor": full_wall / floor_wall,
        "first_load_ms": first_load * 1e3,
        "filter_field_country_us": _per_call("ds.filter(field=1, country='CN')", 2000) * 1e6,
        "search_us": _per_call("ds.search('マラソン')", 200) * 1e6,
        "floor_peak_mib": floor_rss / 1024,
        "peak_mib": full_rss / 1024,
        "peak_over_floor_mib": (full_rss - floor_rss) / 1024,
    }
    targets = {
        "cold_over_floor": "<= 1.25",
        "first_load_ms": "< 15",
        "filter_field_country_us": "< 20",
        "search_us": "< 1000",
        "peak_over_floor_mib": "<= 10",
    }
    print(f"{'figure':28} {'value':>10}  target")
    for name, value in figures.items():
        print(f"{name:28} {value:10.3f}  {targets.get(name, '')}")
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
