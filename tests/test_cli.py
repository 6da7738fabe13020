"""The command line, run as a user would: in a subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import sister_agreements as sa

SCRIPT = Path(sys.executable).parent / "sister-agreements"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "sister_agreements", *args],
        capture_output=True,
        env=env,
        check=False,
    )


def out(*args: str) -> str:
    result = run(*args)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""
    return result.stdout.decode("utf-8")


def test_console_script_runs_the_summary() -> None:
    result = subprocess.run([str(SCRIPT), "summary"], capture_output=True, check=True)
    lines = result.stdout.decode().splitlines()
    assert lines[0] == "分野別の提携件数"
    assert lines[3].split()[:2] == ["1対1の提携", "24"]
    assert lines[-1].split()[-1] == "175(25)"


def test_lang_before_or_after_the_command() -> None:
    assert out("--lang", "en", "fields").splitlines()[0].split() == ["Field", "Listings", "Covers"]
    assert out("fields", "--lang", "en") == out("--lang", "en", "fields")
    assert out("--lang", "en", "fields", "--lang", "ja") == out("fields")


def test_summary_in_english_markdown_csv_json() -> None:
    assert "| One-to-one | 24 | 22(4) |" in out("summary", "--lang", "en", "--format", "markdown")
    rows = list(csv.DictReader(io.StringIO(out("summary", "--format", "csv"))))
    assert rows[-1] == {"row": "total", "column": "total", "total": "175", "relisted": "25"}
    records = json.loads(out("summary", "--table", "country", "--format", "json"))
    assert {"row": "CN", "column": "total", "total": 58, "relisted": 10} in records


def test_summary_compare_lists_the_differences() -> None:
    differences = json.loads(out("summary", "--compare", "--format", "json"))
    assert differences[0] == {
        "row": "one_to_one", "column": "administration", "computed": "24(8)", "printed": "23(8)",
    }  # fmt: skip
    assert len(differences) == 4
    assert (
        len(json.loads(out("summary", "--table", "country", "--compare", "--format", "json"))) == 7
    )


def test_list_with_filters() -> None:
    text = out("list", "--country", "CN", "--field", "教育", "--prefecture", "静岡", "--lang", "en")
    lines = text.splitlines()
    assert lines[0].split()[:2] == ["ID", "Signed"] and len(lines) == 2
    assert lines[1].startswith("1-06  2012-04-04")
    records = json.loads(out("list", "--multilateral", "--format", "json"))
    assert len(records) == 20 and all(r["multilateral"] for r in records)
    assert len(json.loads(out("list", "--signed-to", "1999", "--format", "json"))) == 31


def test_search_and_show() -> None:
    assert [line.split()[0] for line in out("search", "マラソン").splitlines()[1:]] == [
        "3-01",
        "3-04",
        "3-06",
    ]
    shown = out("show", "2-11", "--lang", "en")
    assert "Title:\n  青森市・大連市経済文化交流委員会設置に関する協定" in shown
    assert "大連市 (Dalian; CN; CN-LN)" in shown
    assert json.loads(out("show", "1-01", "--format", "json"))["id"] == "1-01"
    assert "E004 1-10 index_name" in out("show", "1-10")


def test_export_to_files(tmp_path: Path) -> None:
    target = tmp_path / "parties.csv"
    assert out("export", "--level", "party", "-o", str(target)) == ""
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert len(list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))) == 370
    out("export", "--format", "json", "--country", "US", "-o", str(tmp_path / "us.json"))
    assert len(json.loads((tmp_path / "us.json").read_text(encoding="utf-8"))["agreements"]) == 11
    lines = out("export", "--format", "jsonl", "--level", "listing").splitlines()
    assert len(lines) == 175 and json.loads(lines[0])["key"] == "1-01"


def test_errata_and_fields() -> None:
    errata = json.loads(out("errata", "--format", "json"))
    assert len(errata) == 61 and errata[0]["id"] == "E001"
    assert "Evidence" in out("errata", "--listing", "2-20", "--evidence", "--lang", "en")
    fields = json.loads(out("fields", "--format", "json"))
    assert [f["listings"] for f in fields] == [26, 25, 8, 1, 11, 24, 39, 25, 16]


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["show", "9-99"], 1, "unknown agreement or listing '9-99'; closest: 9-09"),
        (["list", "--country", "Atlantis"], 1, "unknown country 'Atlantis'"),
        (["list", "--field", "料理"], 1, "unknown field '料理'; closest: ① 教育交流"),
        (["list", "--prefecture", "静岡件"], 1, "closest: 22 静岡県"),
        (["list", "--signed-from", "2004/12"], 2, "not a partial ISO date"),
        (["list", "--bogus"], 2, "unrecognized arguments: --bogus"),
        (["summary", "--table", "city"], 2, "invalid choice: 'city'"),
        (["summary", "--table", "year", "--compare"], 2, "--compare works with --table field"),
        (["nonsense"], 2, "invalid choice: 'nonsense'"),
        (["export", "-o", "/nonexistent/dir/out.csv"], 1, "cannot write /nonexistent/dir/out.csv"),
        (["errata", "--listing", "0-00"], 1, "unknown agreement or listing '0-00'"),
        (["export", "--level", "party", "--encoding", "cp932", "-o", "/tmp/x.csv"], 1, "U+00E9"),
    ],
)
def test_bad_input_is_one_line_and_an_exit_status(
    args: list[str], status: int, message: str
) -> None:
    result = run(*args)
    assert result.returncode == status
    stderr = result.stderr.decode()
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    assert stderr.startswith("sister-agreements: error: ") and message in stderr, stderr


def test_output_is_utf8_whatever_the_locale() -> None:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONIOENCODING"))
    }
    env.update(LANG="C", LC_ALL="C", PYTHONIOENCODING="ascii")
    result = run("fields", env=env)
    assert result.returncode == 0
    assert "教育交流" in result.stdout.decode("utf-8")


def test_piping_into_head_prints_no_broken_pipe_error() -> None:
    command = f"{sys.executable} -m sister_agreements export --level party --format jsonl | head -1"
    result = subprocess.run(["sh", "-c", command], capture_output=True, check=False)
    assert result.returncode == 0 and result.stderr == b""
    assert json.loads(result.stdout)["agreement_id"] == "1-01"


def test_a_bug_is_one_line_with_status_70_and_debug_shows_the_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sister_agreements import cli

    def broken(ds: sa.Dataset, args: object) -> str:
        raise KeyError("internal")  # a built-in error from our own code is a bug, not the user's

    monkeypatch.setattr(cli, "cmd_fields", broken)
    assert cli.main(["fields"]) == 70
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "Traceback" not in error
    assert error.startswith("sister-agreements: error: internal error (KeyError: ")
    assert "this is a bug" in error and "--debug" in error
    with pytest.raises(KeyError, match="internal"):
        cli.main(["--debug", "fields"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--prefecture", "-13"], "unknown prefecture '-13'"),
        (["list", "--prefecture", "大坂"], "closest: 27 大阪府 / Osaka Prefecture"),
        (["list", "--party", "12203"], "ambiguous local government '12203': the code of 122033"),
        (["show", "1-1"], "unknown agreement or listing '1-1'; closest: 1-01"),
        (["list", "--country", "x" * 500], "'" + "x" * 77 + "…';"),
    ],
)
def test_resolver_errors_on_the_command_line(args: list[str], message: str) -> None:
    result = run(*args)
    stderr = result.stderr.decode()
    assert result.returncode == 1 and stderr.count("\n") == 1 and message in stderr, stderr


@pytest.mark.parametrize("args", [["search", "-"], ["search", "・"]])
def test_an_empty_search_is_a_usage_error(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2 and "nothing to search for" in result.stderr.decode()


def test_names_in_any_form_on_the_command_line() -> None:
    by_kanji = out("list", "--prefecture", "静岡", "--format", "csv")
    for form in ("Sizuoka", "しずおか", "JP-22", "220001"):
        assert out("list", "--prefecture", form, "--format", "csv") == by_kanji
    assert out("list", "--party", "函館市", "--format", "csv").count("\n") == 1  # header only
