"""The packaged data is exactly what a fresh build of data-raw/ gives."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def test_committed_data_is_a_fresh_build() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "build_dataset.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_report_copy_is_the_seed_verbatim() -> None:
    """data-raw/report.txt is never edited: its digest is the seed's."""
    import hashlib

    digest = hashlib.sha256((REPO / "data-raw" / "report.txt").read_bytes()).hexdigest()
    recorded = (REPO / "data-raw" / "report.sha256").read_text(encoding="utf-8").split()[0]
    assert digest == recorded == "d716665b2164adde2d8e2ed7e4b06e7b597207266580bd7cd8388e3ded64f777"
