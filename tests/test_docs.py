"""Every Python example in README.md and docs/ runs, and the README's shell demo works."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
_BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def _examples() -> list[tuple[str, str]]:
    return [
        (f"{page.name}#{number}", code)
        for page in PAGES
        for number, code in enumerate(_BLOCK.findall(page.read_text(encoding="utf-8")), 1)
    ]


def test_pages_have_examples() -> None:
    assert len(_examples()) >= 3


@pytest.mark.parametrize(("where", "code"), _examples(), ids=[w for w, _ in _examples()])
def test_python_example_runs(where: str, code: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{where}: {result.stderr}"
    assert result.stdout.strip(), f"{where} printed nothing"


def test_readme_demo_prints_the_listings_per_field(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    demo = re.search(r'\.venv/bin/python -c "(.*?)"\n', readme)
    assert demo is not None
    result = subprocess.run(
        [sys.executable, "-c", demo[1]], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    lines = result.stdout.splitlines()
    assert lines[0] == "① 教育交流 Educational exchange 26"
    assert [int(line.rsplit(" ", 1)[1]) for line in lines] == [26, 25, 8, 1, 11, 24, 39, 25, 16]
