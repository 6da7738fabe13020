"""Probe of ``dates``' names made on first use (``ERAS``, ``GREGORIAN_START``)."""

from __future__ import annotations

import datetime
import subprocess
import sys

from sister_agreements import dates


def test_a_star_import_gives_the_era_tables_made_on_first_use() -> None:
    names: dict[str, object] = {}
    exec("from sister_agreements.dates import *", names)
    del names["__builtins__"]
    assert sorted(names) == ["ERAS", "GREGORIAN_START", "PartialDate", "era_years"]
    assert names["ERAS"] is dates.ERAS
    assert names["GREGORIAN_START"] == datetime.date(1873, 1, 1)


def test_a_star_import_in_a_fresh_process_gives_the_era_tables() -> None:
    code = (
        "from sister_agreements.dates import *\n"
        "print(GREGORIAN_START.isoformat(), *(f'{e}={d.isoformat()}' for e, d in ERAS.items()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == [
        "1873-01-01", "明治=1868-01-25", "大正=1912-07-30", "昭和=1926-12-25",
        "平成=1989-01-08", "令和=2019-05-01",
    ]  # fmt: skip
