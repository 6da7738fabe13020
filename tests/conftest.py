"""Shared fixtures. ``REPO`` is the source checkout whose data-raw/ and tools/ the
tests read; the package itself is whatever ``import sister_agreements`` finds, so
the same suite runs against the installed wheel (see test_wheel.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import sister_agreements as sa

REPO = Path(os.environ.get("SISTER_AGREEMENTS_REPO", Path(__file__).resolve().parent.parent))
REPORT = REPO / "data-raw" / "report.txt"


@pytest.fixture(scope="session")
def ds() -> sa.Dataset:
    return sa.load()


@pytest.fixture(scope="session")
def report_text() -> str:
    return REPORT.read_text(encoding="utf-8")
