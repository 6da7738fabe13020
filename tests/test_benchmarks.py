"""benchmarks/run.py runs and prints every figure docs/benchmarks.md names (never their
values: timings are not asserted)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import REPO

BENCHMARK = REPO / "benchmarks" / "run.py"


def _has_baseline() -> bool:
    """Whether the repository holds 1.0.0's commit (not in a shallow clone)."""
    found = subprocess.run(
        ["git", "-C", str(REPO), "cat-file", "-e", "6c47892^{commit}"], capture_output=True
    )
    return found.returncode == 0


@pytest.mark.slow
def test_the_benchmark_prints_every_figure_with_its_target() -> None:
    """With 1.0.0 timed beside where the repository has it, its ratios are the targets;
    without, 1.0's figures."""
    out = subprocess.run(
        [sys.executable, str(BENCHMARK), "--repeat", "1"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    table, _, figures_json = out.partition("{")
    figures = json.loads("{" + figures_json)
    baseline = _has_baseline()
    queries = [
        f"{name}{part}"
        for name in ("filter_field_country", "search")
        for part in (["_us", "_1_0_us", "_over_1_0"] if baseline else ["_us"])
    ]
    names = [
        "floor_process_ms", "cold_process_ms", "cold_over_floor", "cli_summary_ms",
        "cli_fields_ms", "pycountry_process_ms", "cli_summary_over_pycountry",
        "cli_fields_over_pycountry", "first_load_ms", *queries, "floor_peak_mib", "peak_mib",
        "peak_over_floor_mib",
    ]  # fmt: skip
    assert list(figures) == names
    assert all(isinstance(value, float) and value >= 0 for value in figures.values())
    targets = {line.split()[0]: line.split()[2:] for line in table.splitlines()[1:]}
    query_targets = (
        {"filter_field_country_over_1_0": "<= 1.0", "search_over_1_0": "<= 1.0"}
        if baseline
        else {"filter_field_country_us": "<= 9.6", "search_us": "<= 160"}
    )
    assert {name: " ".join(target) for name, target in targets.items() if target} == {
        "cold_over_floor": "<= 1.0",
        "cli_summary_over_pycountry": "<= 1.25",
        "first_load_ms": "< 10",
        "peak_over_floor_mib": "<= 10",
        **query_targets,
    }


@pytest.mark.slow
def test_the_benchmark_without_its_baseline_gives_1_0s_figures_as_targets() -> None:
    out = subprocess.run(
        [sys.executable, str(BENCHMARK), "--repeat", "1", "--baseline", "none"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    lines = [line.split() for line in out.partition("{")[0].splitlines()]
    assert [line[::2] for line in lines if line[0] in {"filter_field_country_us", "search_us"}] == [
        ["filter_field_country_us", "<="], ["search_us", "<="]
    ]  # fmt: skip
    assert not any("1_0" in line[0] for line in lines)
