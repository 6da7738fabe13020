"""benchmarks/run.py runs and prints every figure docs/benchmarks.md names (never their
values: timings are not asserted)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import REPO

BENCHMARK = REPO / "benchmarks" / "run.py"


@pytest.mark.slow
def test_the_benchmark_prints_every_figure_with_its_target() -> None:
    out = subprocess.run(
        [sys.executable, str(BENCHMARK), "--repeat", "1"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    table, _, figures_json = out.partition("{")
    figures = json.loads("{" + figures_json)
    names = [
        "floor_process_ms", "cold_process_ms", "cold_over_floor", "cli_summary_ms",
        "cli_fields_ms", "pycountry_process_ms", "cli_summary_over_pycountry",
        "cli_fields_over_pycountry", "first_load_ms", "filter_field_country_us", "search_us",
        "floor_peak_mib", "peak_mib", "peak_over_floor_mib",
    ]  # fmt: skip
    assert list(figures) == names
    assert all(isinstance(value, float) for value in figures.values())
    targets = {line.split()[0]: line.split()[2:] for line in table.splitlines()[1:]}
    assert {name: " ".join(target) for name, target in targets.items() if target} == {
        "cold_over_floor": "<= 1.0",
        "cli_summary_over_pycountry": "<= 1.25",
        "first_load_ms": "< 10",
        "filter_field_country_us": "<= 9.6",
        "search_us": "<= 160",
        "peak_over_floor_mib": "<= 10",
    }
