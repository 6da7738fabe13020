"""Every Python example in README.md and docs/ runs, and the README's shell demo works."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

import sister_agreements as sa

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


#: Examples that need the pandas extra run in the slow tier, which installs it.
_NEEDS_PANDAS = pytest.mark.slow


@pytest.mark.parametrize(
    ("where", "code"),
    [
        pytest.param(where, code, id=where, marks=[_NEEDS_PANDAS] if "pandas" in code else [])
        for where, code in _examples()
    ],
)
def test_python_example_runs(where: str, code: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{where}: {result.stderr}"
    assert result.stdout.strip(), f"{where} printed nothing"


#: A Python example followed by the text it prints.
_SHOWN = re.compile(r"```python\n((?:(?!```).)*)```\n\n```text\n((?:(?!```).)*)```", re.S)


def test_the_output_an_example_shows_is_what_it_prints(tmp_path: Path) -> None:
    shown = [
        (page.name, code, text)
        for page in PAGES
        for code, text in _SHOWN.findall(page.read_text(encoding="utf-8"))
    ]
    assert "tutorial.md" in {name for name, _, _ in shown}  # the ties of 静岡県
    for name, code, text in shown:
        result = subprocess.run(
            [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
        )
        assert result.stdout == text, name


def test_readme_names_the_two_fresh_machine_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    run = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/sister-agreements summary"
    test = (
        "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"
    )
    assert readme.count(run) == 2 and readme.count(test) == 2  # English and 日本語
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci


def test_cli_examples_in_the_docs_run(tmp_path: Path) -> None:
    pages = [REPO / "README.md", REPO / "docs" / "cli.md", REPO / "docs" / "tutorial.md"]
    commands = [
        line.split("#")[0].split(">")[0].strip()
        for page in pages
        for block in re.findall(r"```sh\n(.*?)```", page.read_text(encoding="utf-8"), re.S)
        for line in block.splitlines()
        if line.startswith("sister-agreements ")
    ]
    assert len(commands) >= 15
    for command in commands:
        args = shlex.split(command)[1:]
        result = subprocess.run(
            [sys.executable, "-m", "sister_agreements", *args],
            cwd=tmp_path,
            capture_output=True,
            check=False,
        )
        assert result.returncode == 0, (command, result.stderr.decode())


def test_readme_counts_are_the_datas(ds: sa.Dataset) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    japanese = sum(len(a.japanese_parties) for a in ds)
    foreign = sum(len(a.foreign_parties) for a in ds)
    assert f"**{len(ds.listings)} listings**" in readme
    assert f"**{len(ds)} agreements**" in readme
    assert f"**{len(ds.errata)} errata**" in readme
    assert f"({japanese} Japanese, {foreign} foreign)" in readme
    assert f"merged\ninto {len(ds)} real agreements" in readme
