"""Every Python example in README.md, docs/ and docs/ja/ runs, the README's shell demo works,
and every example shows what it prints where it shows anything.

A ```python block followed by a ```text block shows what the code prints (every example of
the Japanese pages does). A ```console block holds ``$ sister-agreements ARGS`` lines, each
followed by what the command prints on an 80-column terminal. ``python tests/test_docs.py``
writes both afresh (review the diff); the tests fail when one is stale. Examples run
in-process, each in a fresh namespace and an empty working directory.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path
from unittest import mock

import pytest
from conftest import REPO

import sister_agreements as sa
from sister_agreements import cli

DOCS = REPO / "docs"
#: The Japanese pages, translations of the English pages of the same name.
JA_PAGES = sorted((DOCS / "ja").glob("*.md"))
PAGES = [REPO / "README.md", *sorted(DOCS.glob("*.md")), *JA_PAGES]
#: A Python example, and the text it prints where the page shows it ("" where it does not).
_BLOCK = re.compile(r"```python\n((?:(?!```).)*)```(?:\n\n```text\n((?:(?!```).)*)```)?", re.S)


def _where(page: Path) -> str:
    """The page's name as the tests report it: "README.md", "tutorial.md", "ja/tutorial.md"."""
    return page.relative_to(DOCS).as_posix() if page.is_relative_to(DOCS) else page.name


def _examples() -> list[tuple[str, str, str]]:
    """Every page's Python examples: where (page#number), the code, and the text shown."""
    return [
        (f"{_where(page)}#{number}", code, shown)
        for page in PAGES
        for number, (code, shown) in enumerate(_BLOCK.findall(page.read_text("utf-8")), 1)
    ]


def _run(code: str) -> str:
    """What ``code`` prints, run in-process in a fresh namespace."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<example>", "exec"), {"__name__": "__main__"})
    return out.getvalue()


def test_pages_have_examples() -> None:
    examples = _examples()
    assert len(examples) >= 3
    assert "tutorial.md#13" in {where for where, _, shown in examples if shown}  # the ties
    assert [p.name for p in JA_PAGES] == ["index.md", "tutorial.md"]


def test_the_japanese_pages_have_the_english_pages_examples_and_show_their_output() -> None:
    """Each Japanese page has as many examples as its English page, and shows what each prints."""
    for page in JA_PAGES:
        japanese = _BLOCK.findall(page.read_text("utf-8"))
        assert len(japanese) == len(_BLOCK.findall((DOCS / page.name).read_text("utf-8")))
        assert all(shown for _, shown in japanese), page.name


#: Examples that need an extra (pandas, plot, parquet, xlsx, graph) or a reader of the
#: check extra (DuckDB, openpyxl) run in the slow tier, which installs them.
_NEEDS_EXTRA = pytest.mark.slow
_EXTRAS = ("pandas", "sa.plot", "sa.report", "duckdb", "openpyxl", "networkx", "to_parquet",
           "to_xlsx", "to_networkx", "write_graphml", "write_gexf")  # fmt: skip


def _needs_extra(code: str) -> bool:
    return any(name in code for name in _EXTRAS)


@pytest.mark.parametrize(
    ("where", "code", "shown"),
    [
        pytest.param(
            where, code, shown, id=where, marks=[_NEEDS_EXTRA] if _needs_extra(code) else []
        )
        for where, code, shown in _examples()
    ],
)
def test_python_example_runs_and_prints_what_it_shows(
    where: str, code: str, shown: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    printed = _run(code)
    assert printed.strip(), f"{where} printed nothing"
    if shown:
        assert printed == shown, f"{where} is stale: run python tests/test_docs.py"
    for image in tmp_path.glob("*.svg"):  # a chart the page shows is the one it draws
        assert image.read_bytes() == (DOCS / "images" / image.name).read_bytes(), where


@pytest.mark.slow
def test_the_chart_images_are_what_the_code_draws_now() -> None:
    """docs/images/*.svg and docs/reports/*.html are tools/docs_images.py's drawings, byte
    for byte."""
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "docs_images.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    pages = "".join(p.read_text("utf-8") for p in PAGES)
    shown = re.findall(r"\]\((?:\.\./)?images/([^)]+)\)", pages)
    assert set(shown) == {p.name for p in (DOCS / "images").glob("*.svg")}


def test_readme_names_the_two_fresh_machine_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    run = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/sister-agreements summary"
    test = (
        "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' "
        "&& .venv/bin/python -m pytest -n auto"
    )
    assert readme.count(run) == 2 and readme.count(test) == 2  # English and 日本語
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci


def test_cli_examples_in_the_docs_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each example command succeeds, run in-process (tests/test_cli.py runs the program
    as a user would, in subprocesses)."""
    pages = [REPO / "README.md", DOCS / "cli.md", DOCS / "tutorial.md", DOCS / "ja" / "tutorial.md"]
    commands = [
        line.split("#")[0].split(">")[0].strip()
        for page in pages
        for block in re.findall(r"```sh\n(.*?)```", page.read_text(encoding="utf-8"), re.S)
        for line in block.splitlines()
        if line.startswith("sister-agreements ")
    ]
    assert len(commands) >= 15
    monkeypatch.chdir(tmp_path)
    for command in commands:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = cli.main(shlex.split(command)[1:])
        assert status == 0, (command, err.getvalue())


def test_readme_counts_are_the_datas(ds: sa.Dataset) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    japanese = sum(len(a.japanese_parties) for a in ds)
    foreign = sum(len(a.foreign_parties) for a in ds)
    assert f"**{len(ds.listings)} listings**" in readme
    assert f"**{len(ds)} agreements**" in readme
    assert f"**{len(ds.errata)} errata**" in readme
    assert f"({japanese} Japanese, {foreign} foreign)" in readme
    assert f"merged\ninto {len(ds)} real agreements" in readme


_CONSOLE = re.compile(r"(```console\n)(.*?)(```)", re.S)
#: The width of the terminal the console examples show.
CONSOLE_COLUMNS = 80


def _printed(command: str) -> str:
    """What ``command`` (``sister-agreements ARGS``) prints on a terminal of
    ``CONSOLE_COLUMNS``: the program run in-process."""
    program, *args = shlex.split(command)
    assert program == cli.PROG, command
    out = io.StringIO()
    with (
        mock.patch.dict(os.environ, {"COLUMNS": str(CONSOLE_COLUMNS)}),
        contextlib.redirect_stdout(out),
    ):
        assert cli.main(args) == 0, command
    return out.getvalue()


def _fresh(block: str) -> str:
    """A console block's text with what each of its commands prints now."""
    commands = [line.removeprefix("$ ") for line in block.splitlines() if line.startswith("$ ")]
    return "".join(f"$ {command}\n{_printed(command)}" for command in commands)


def test_console_examples_show_what_the_commands_print() -> None:
    blocks = [
        (_where(page), match.group(2))
        for page in PAGES
        for match in _CONSOLE.finditer(page.read_text(encoding="utf-8"))
    ]
    assert [name for name, _ in blocks].count("README.md") == 2
    for name, block in blocks:
        assert block.startswith("$ "), name
        assert block == _fresh(block), f"{name} is stale: run python tests/test_docs.py"


def test_the_readme_shows_its_main_command_in_both_languages() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = [line for _, block, _ in _CONSOLE.findall(readme) for line in block.splitlines()]
    assert "$ sister-agreements summary --lang en" in commands
    assert "$ sister-agreements summary" in commands


def _fresh_output(match: re.Match[str]) -> str:
    """A Python example with the text it prints now, where it shows its output."""
    code, shown = match.group(1, 2)
    if shown is None:
        return match.group(0)
    return f"```python\n{code}```\n\n```text\n{_run(code)}```"


def write_examples() -> None:
    """Write the output every example of README.md and docs/ shows afresh (the examples
    run in a temporary directory, where they write their files)."""
    with tempfile.TemporaryDirectory() as scratch:
        os.chdir(scratch)
        for page in PAGES:
            text = page.read_text(encoding="utf-8")
            fresh = _BLOCK.sub(_fresh_output, text)
            fresh = _CONSOLE.sub(lambda m: m.group(1) + _fresh(m.group(2)) + m.group(3), fresh)
            if fresh != text:
                page.write_text(fresh, encoding="utf-8")
                print(f"wrote {page.relative_to(REPO)}")


if __name__ == "__main__":
    write_examples()
