"""Probe of the registers read on first use (``_decode.Rows``): threads that ask for
them at once, as a web server's workers may right after ``load()``."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from typing import Any

import pytest

from sister_agreements import _decode
from sister_agreements._tables import package_data
from sister_agreements.dataset import DIGEST_FILE, ROWS_FILE

THREADS = 8


def test_threads_asking_for_the_registers_at_once_share_one_reading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The registers' line is parsed once, and every thread gets the same objects.

    ``functools.cached_property`` has no lock from Python 3.12 on: without one of its
    own, each thread that comes before the first has finished parses the line again and
    gets tuples of its own. Parsing is made slow here so that they all come in time."""
    digest = package_data(DIGEST_FILE).decode("ascii").split()[0]
    rows = _decode.read_rows(package_data(ROWS_FILE), ROWS_FILE, digest)
    parsed = []
    loads = _decode._loads

    def slow_loads(line: Any) -> Any:
        parsed.append(len(line))
        time.sleep(0.2)  # not a timing asserted: a window for the others to come in
        return loads(line)

    monkeypatch.setattr(_decode, "_loads", slow_loads)
    start = threading.Barrier(THREADS)
    got: list[tuple[object, object]] = []

    def ask() -> None:
        start.wait()
        got.append((rows.countries, rows.errata))

    threads = [threading.Thread(target=ask) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(parsed) == 1
    assert len(got) == THREADS
    assert {id(countries) for countries, _ in got} == {id(rows.countries)}
    assert {id(errata) for _, errata in got} == {id(rows.errata)}
    assert (len(rows.countries), len(rows.errata)) == (249, 81)


def test_a_fresh_process_s_threads_get_the_dataset_s_own_errata() -> None:
    """Right after ``load()``, threads asking ``ds.errata`` at once all get the tuple that
    ``ds.errata`` gives afterwards, and ``ds._document()`` holds the same one."""
    code = """
import sys, threading
import sister_agreements as sa
sys.setswitchinterval(1e-6)
ds = sa.load()
start = threading.Barrier(16)
got = []
def ask():
    start.wait()
    got.append(ds.errata)
threads = [threading.Thread(target=ask) for _ in range(16)]
for t in threads: t.start()
for t in threads: t.join()
print(len(got), len({id(e) for e in got}), all(e is ds.errata for e in got),
      ds._document().errata is ds.errata, len(ds.errata))
"""
    for _ in range(3):
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert result.stdout.split() == ["16", "1", "True", "True", "81"]
