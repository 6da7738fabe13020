"""The command line, run as a user would: in a subprocess."""

from __future__ import annotations

import contextlib
import csv
import errno
import importlib.metadata
import io
import json
import os
import shlex
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sister_agreements as sa

SCRIPT = Path(sys.executable).parent / "sister-agreements"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """The program's result; its environment is ``os.environ`` unless ``env`` is given
    (passed on explicitly: the process's own environment may have COLUMNS set behind
    ``os.environ``'s back, by readline, which would fit the output to 80 columns)."""
    return subprocess.run(
        [sys.executable, "-m", "sister_agreements", *args],
        capture_output=True,
        env=dict(os.environ) if env is None else env,
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
    assert lines[0] == "分野別の提携件数：報告書の表1の形、個票から集計"
    assert lines[4].split()[:2] == ["1対1の提携", "24"]
    assert lines[6].split()[-1] == "175(25)"


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
    assert "Title:\n  Aomori City–Dalian Agreement on the Establishment of an Economic" in shown
    assert "  as printed: 青森市・大連市経済文化交流委員会設置に関する協定\n" in shown
    assert "Foreign parties:\n  Dalian (China, CN-LN)\n" in shown
    assert json.loads(out("show", "1-01", "--format", "json"))["id"] == "1-01"
    assert "E004 1-10 索引の当事者名: " in out("show", "1-10")


def test_export_to_files(tmp_path: Path) -> None:
    target = tmp_path / "parties.csv"
    assert out("export", "--level", "party", "-o", str(target)) == ""
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert len(list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))) == 370
    out("export", "--format", "json", "--country", "US", "-o", str(tmp_path / "us.json"))
    assert len(json.loads((tmp_path / "us.json").read_text(encoding="utf-8"))["agreements"]) == 11
    lines = out("export", "--format", "jsonl", "--level", "listing").splitlines()
    assert len(lines) == 175 and json.loads(lines[0])["key"] == "1-01"


def test_export_to_standard_output_is_the_file(tmp_path: Path) -> None:
    target = tmp_path / "parties.csv"
    out("export", "--level", "party", "--encoding", "utf-8-sig", "-o", str(target))
    sent = run("export", "--level", "party", "--encoding", "utf-8-sig").stdout
    assert sent == target.read_bytes() and sent.startswith(b"\xef\xbb\xbfagreement_id,side,")
    plain = run("export", "--level", "party").stdout  # utf-8 by default on standard output
    assert plain == sent[3:]
    out("export", "--level", "party", "-o", str(target))  # utf-8-sig by default in a file
    assert target.read_bytes() == sent


def test_export_cp932_with_stand_ins(tmp_path: Path) -> None:
    result = run("export", "--level", "party", "--encoding", "cp932", "--errors", "replace")
    assert result.returncode == 0
    assert result.stderr == b"sister-agreements: 28 characters replaced by stand-ins for cp932\n"
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode("cp932"))))
    assert len(rows) == 370
    named = {r["name_en"]: r["name"] for r in rows}
    assert named["Kecskemet"] == "バーチ・キシュクン県ケチケメート市"
    assert named["Suncheon"] == "全羅南道順〓〓"
    target = tmp_path / "listings.csv"
    args = ["export", "--level", "listing", "--encoding", "cp932", "--errors", "replace"]
    result = run(*args, "-o", str(target))
    assert result.returncode == 0 and result.stdout == b""
    assert result.stderr == b"sister-agreements: 31 characters replaced by stand-ins for cp932\n"
    assert target.read_bytes().decode("cp932").count("〓") == 2


def test_export_keeps_the_old_file_when_it_fails(tmp_path: Path) -> None:
    target = tmp_path / "parties.csv"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    args = ["export", "--level", "party", "--encoding", "cp932", "-o", str(target)]
    result = run(*args)
    assert result.returncode == 1 and b"U+00E9" in result.stderr
    assert target.read_text(encoding="utf-8") == "old\n"
    assert oct(target.stat().st_mode & 0o777) == "0o640"
    assert sorted(os.listdir(tmp_path)) == ["parties.csv"]
    assert run(*args, "--errors", "replace").returncode == 0
    assert target.read_bytes().startswith(b"agreement_id,side,")
    assert oct(target.stat().st_mode & 0o777) == "0o640"


def test_export_formulas() -> None:
    neutral = out("export", "--level", "listing", "--country", "US")
    kept = out("export", "--level", "listing", "--country", "US", "--keep-formulas")
    assert neutral == kept and neutral.startswith("key,field,field_ja,")  # no formula in the data
    assert out("export", "--format", "json", "--encoding", "utf-8", "--country", "LU")


def test_errata_and_fields() -> None:
    errata = json.loads(out("errata", "--format", "json"))
    assert len(errata) == 81 and errata[0]["id"] == "E001"
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
        (["export", "--level", "party", "--encoding", "cp932"], 1, "'é' (U+00E9) in record 1-22"),
        (["export", "-o", ""], 2, "argument -o/--output: an empty path"),
        (["export", "--format", "json", "--encoding", "cp932"], 2, "--encoding cp932: JSON is"),
        (["export", "--format", "jsonl", "--encoding", "utf-8-sig"], 2, "JSON is always UTF-8"),
        (["export", "--format", "json", "--errors", "replace"], 2, "--errors applies to --format"),
        (["export", "--format", "jsonl", "--keep-formulas"], 2, "--keep-formulas applies to"),
        (["export", "--errors", "ignore"], 2, "argument --errors: invalid choice: 'ignore'"),
        (["export", "-o", "/tmp"], 1, "cannot write /tmp: Is a directory"),
        (
            ["export", "-o", os.fsdecode(b"/nonexistent/\xff.csv")],
            1,
            "cannot write '/nonexistent/\\udcff.csv': No such file or directory",
        ),
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


# --- the process: streams, signals, numbers, what cannot be printed --------------

ENOSPC = os.strerror(errno.ENOSPC)
CLOSED = b"sister-agreements: error: cannot write standard output: it is closed\n"
FULL = f"sister-agreements: error: cannot write standard output: {ENOSPC}\n".encode()
INTERRUPTED = b"sister-agreements: error: interrupted\n"
needs_dev_full = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")


def redirected(redirection: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    """The program run by sh with a redirection of its streams (``>&-``, ``2>/dev/full``)."""
    command = shlex.join([sys.executable, "-m", "sister_agreements", *args])
    return subprocess.run(
        ["sh", "-c", f"{command} {redirection}"], capture_output=True, env=dict(os.environ)
    )


@pytest.mark.parametrize(
    ("redirection", "args", "status", "stderr"),
    [
        (">&-", ["fields"], 1, CLOSED),
        (">&-", ["--version"], 1, CLOSED),
        (">&-", ["list", "--help"], 1, CLOSED),
        (">&- 2>&-", ["fields"], 1, b""),
        ("2>&-", ["show", "9-99"], 1, b""),  # the message never goes to standard output
        ("2>&-", ["list", "--top", "3"], 2, b""),
        pytest.param(">/dev/full", ["fields"], 1, FULL, marks=needs_dev_full),
        pytest.param(">/dev/full", ["list", "--format", "json"], 1, FULL, marks=needs_dev_full),
        pytest.param(">/dev/full", ["--help"], 1, FULL, marks=needs_dev_full),
        pytest.param("2>/dev/full", ["show", "9-99"], 1, b"", marks=needs_dev_full),
        pytest.param(">/dev/full 2>/dev/full", ["fields"], 1, b"", marks=needs_dev_full),
        pytest.param(">/dev/full 2>&-", ["fields"], 1, b"", marks=needs_dev_full),
    ],
)
def test_closed_or_full_streams_are_a_status_and_at_most_one_line(
    redirection: str, args: list[str], status: int, stderr: bytes
) -> None:
    result = redirected(redirection, *args)
    assert (result.returncode, result.stdout, result.stderr) == (status, b"", stderr)


def test_a_closed_stream_that_is_not_needed_is_no_error(tmp_path: Path) -> None:
    result = redirected("2>&-", "fields")
    assert (result.returncode, result.stdout.decode()) == (0, out("fields"))
    target = tmp_path / "all.json"
    result = redirected(">&-", "export", "--format", "json", "-o", str(target))
    assert (result.returncode, result.stderr) == (0, b"")
    assert len(json.loads(target.read_text(encoding="utf-8"))["agreements"]) == 149


# Runs the program as its console script does, but says on stderr when main() has made
# SIGINT its own, so that the test interrupts the command and not the interpreter's start.
ANNOUNCING = """
import os, signal, sys
install = signal.signal
def announcing(signum, handler):
    previous = install(signum, handler)
    if signum == signal.SIGINT and callable(handler):
        os.write(2, b"SIGINT handled\\n")
    return previous
signal.signal = announcing
from sister_agreements.cli import main
sys.exit(main())
"""


@pytest.mark.slow
def test_sigint_while_a_command_runs_exits_130_without_a_traceback() -> None:
    # The output (266 kB) does not fit in the pipe, which is read only after the signal: at
    # every delay the command is still loading, computing or writing when SIGINT comes.
    for delay in (0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3):
        process = subprocess.Popen(
            [sys.executable, "-c", ANNOUNCING, "list", "--format", "json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stderr is not None
        assert process.stderr.readline() == b"SIGINT handled\n"
        time.sleep(delay)  # a spread of moments, none of them asserted
        process.send_signal(signal.SIGINT)
        stderr = process.communicate(timeout=120)[1]
        assert (process.returncode, stderr) == (130, INTERRUPTED), (delay, stderr.decode())


@pytest.mark.slow
@pytest.mark.parametrize("program", [[sys.executable, "-m", "sister_agreements"], [str(SCRIPT)]])
def test_sigint_while_writing_exits_130_and_drops_the_rest(program: list[str]) -> None:
    process = subprocess.Popen(
        [*program, "list", "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None
    assert process.stdout.read(1) == b"["  # it writes, so main() runs and SIGINT is its own
    process.send_signal(signal.SIGINT)  # the rest (266 kB) does not fit in the pipe
    stdout, stderr = process.communicate(timeout=120)
    assert (process.returncode, stderr) == (130, INTERRUPTED)
    assert len(stdout) < len(out("list", "--format", "json"))


def test_sigint_in_process_unwinds_the_command_and_gives_the_handler_back(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sister_agreements import cli

    cleaned_up = []

    def interrupted(ds: sa.Dataset, args: object) -> str:
        try:
            os.kill(os.getpid(), signal.SIGINT)
            for _ in range(1000):
                time.sleep(0.01)
        finally:
            cleaned_up.append("finally")
        return "not interrupted\n"

    monkeypatch.setattr(cli, "cmd_fields", interrupted)
    before = signal.getsignal(signal.SIGINT)
    assert cli.main(["fields"]) == 130
    assert cleaned_up == ["finally"]
    assert capsys.readouterr() == ("", INTERRUPTED.decode())
    assert signal.getsignal(signal.SIGINT) is before


def test_main_runs_outside_the_main_thread(capsys: pytest.CaptureFixture[str]) -> None:
    from sister_agreements import cli

    statuses = []
    thread = threading.Thread(
        target=lambda: statuses.append(cli.main(["fields", "--format", "json"]))
    )
    thread.start()
    thread.join()
    assert statuses == [0]
    assert [f["listings"] for f in json.loads(capsys.readouterr().out)][:2] == [26, 25]


def test_only_the_program_freezes_what_the_garbage_collector_sees() -> None:
    """Run as the program, ``main`` freezes the modules and the dataset (``gc.freeze``: a
    frozen object is in none of the generations ``gc.get_objects`` lists); called with
    arguments, as a library caller calls it, it leaves the collector as it was."""
    code = (
        "import gc, sys\n"
        "import sister_agreements as sa\n"
        "from sister_agreements.cli import main\n"
        "def seen():\n"
        "    ds = sa.load()\n"
        "    return gc.get_freeze_count() > 0, any(o is ds for o in gc.get_objects())\n"
        "main(['fields'])\n"
        "print(*seen(), file=sys.stderr)\n"
        "sys.argv[1:] = ['fields']\n"
        "main()\n"
        "print(*seen(), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert result.stderr == b"False True\nTrue False\n"


#: Modules that ``summary`` and ``fields`` do not need (``fields`` does not need summary).
UNNEEDED = {f"sister_agreements.{name}" for name in ("citation", "export", "names", "published")}
UNNEEDED |= {f"sister_agreements.{name}" for name in ("plot", "report", "_atomic", "_codec")}
UNNEEDED |= {f"sister_agreements.{name}" for name in ("_document", "_stand_ins", "_tables_out")}
UNNEEDED |= {"cattrs", "csv", "difflib", "sqlite3"}


@pytest.mark.parametrize(
    ("command", "needed"),
    [("summary", "sister_agreements.summary"), ("fields", "sister_agreements.cli")],
)
def test_a_command_imports_only_what_it_needs(command: str, needed: str) -> None:
    code = (
        "import sys\n"
        "from sister_agreements.cli import main\n"
        f"sys.argv[1:] = [{command!r}]\n"
        "main()\n"
        "print(*sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    imported = set(result.stderr.decode().split())
    assert needed in imported
    unneeded = UNNEEDED | ({"sister_agreements.summary"} if command == "fields" else set())
    assert sorted(imported & unneeded) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["summary", "--top", "0"], "argument --top: '0' is not a whole number from 1"),
        (["summary", "--top", "-3"], "argument --top: '-3' is not a whole number from 1"),
        (["summary", "--top", "9" * 5000], f"argument --top: '{'9' * 77}…' is not a whole"),
        (
            ["list", "--signed-from", "99999999999999999999"],
            "argument --signed-from: '99999999999999999999' is not a year (1-9999) or an ISO "
            "date (2004-12, 2004-12-24) (see sister-agreements list --help)",
        ),
        (["list", "--signed-to", "10000"], "argument --signed-to: year 10000 is not 1-9999; expec"),
        (["search", "x", "--signed-to", "0"], "argument --signed-to: year 0 is not 1-9999"),
        (["summary", "--signed-from", "2004-02-30"], "day 30 is not 1-29 in 2004-02; expected"),
        (["list", "--signed-from", "2004/12"], "not a partial ISO date: '2004/12'; expected"),
    ],
)
def test_numbers_out_of_range_are_usage_errors(args: list[str], message: str) -> None:
    result = run(*args)
    stderr = result.stderr.decode()
    assert result.returncode == 2 and stderr.count("\n") == 1 and message in stderr, stderr


def test_numbers_in_range_of_any_size_or_width() -> None:
    top = ["summary", "--table", "country", "--format", "json", "--top"]
    every_rank = json.loads(out(*top, "99999999999999999999"))
    assert every_rank == json.loads(out(*top, "1000"))
    rows = [record["row"] for record in every_rank if record["column"] == "total"]
    assert len(rows) == 27 and rows[-3:] == ["LU", "other", "total"]  # 25 countries, ranks 1-15
    assert {"row": "other", "column": "total", "total": 0, "relisted": 0} in every_rank
    by_width = out("list", "--signed-from", "２００４-１２", "--format", "csv")
    assert by_width == out("list", "--signed-from", "2004-12", "--format", "csv")


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=-(10**30), max_value=10**30))
def test_any_integer_option_is_a_result_or_a_usage_error(number: int) -> None:
    from sister_agreements import cli

    for args, valid in (
        (["summary", "--table", "country", "--top", str(number)], number >= 1),
        (["summary", "--signed-to", str(number)], 1 <= number <= 9999),
    ):
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            assert cli.main(args) == (0 if valid else 2)


@settings(max_examples=60, deadline=None)
@given(st.text())
def test_any_text_for_a_number_is_a_result_or_a_usage_error(text: str) -> None:
    from sister_agreements import cli

    for args in (["summary", "--top", text], ["summary", "--signed-from", text]):
        error = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(error):
            status = cli.main(args)
        assert status in (0, 2) and error.getvalue().count("\n") == (status == 2)


def test_what_cannot_be_printed_is_escaped_in_messages(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sister_agreements", "list", b"\xff\x1b[31m\n"],
        capture_output=True,
        env=dict(os.environ, LC_ALL="C", PYTHONIOENCODING="ascii"),
    )
    assert (result.returncode, result.stderr) == (
        2,
        b"sister-agreements: error: unrecognized arguments: \\xff\\x1b[31m\\n "
        b"(see sister-agreements --help)\n",
    )
    from sister_agreements import cli

    def unwritable(ds: sa.Dataset, args: object) -> str:
        path = os.fsdecode(b"/x/\xff\tz.csv")
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", path)

    monkeypatch.setattr(cli, "cmd_fields", unwritable)
    assert cli.main(["fields"]) == 1
    assert capsys.readouterr().err == (
        "sister-agreements: error: cannot write /x/\\xff\\tz.csv: No such file or directory\n"
    )


def test_help_and_version_are_written_as_any_output() -> None:
    assert out("--help").startswith("usage: sister-agreements [-h]")
    assert out("list", "--help").startswith("usage: sister-agreements list [-h]")
    assert (
        out("--version") == f"sister-agreements {importlib.metadata.version('sister-agreements')}\n"
    )


def test_version_without_package_metadata(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sister_agreements import cli

    assert sa.__version__ == importlib.metadata.version("sister-agreements")

    def not_installed(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    assert sa.__version__ == "unknown"
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr() == ("sister-agreements unknown\n", "")


@pytest.mark.parametrize("value", ["²", "①", "²⁰⁰⁴", "٢٠٠٤", "2004/12"])
def test_a_date_bound_is_digits_as_users_type_them(value: str) -> None:
    result = run("list", "--signed-from", value)
    stderr = result.stderr.decode()
    assert result.returncode == 2 and stderr.count("\n") == 1, stderr
    assert "is not a year (1-9999) or an ISO date" in stderr or "not a partial ISO date" in stderr


def test_debug_is_accepted_after_the_command() -> None:
    assert run("fields", "--debug").returncode == 0
    assert out("list", "--signed-from", "２００４", "--format", "csv") == out(
        "list", "--signed-from", "2004", "--format", "csv"
    )


# The tables and graphs: export --format datapackage|sqlite|parquet|xlsx|graphml|gexf -o.
FILE_WRITERS: dict[str, Callable[[sa.Dataset, Path], object]] = {
    "sqlite": lambda ds, path: sa.export.to_sqlite(ds, path),
    "xlsx": lambda ds, path: sa.export.to_xlsx(ds, path),
    "graphml": lambda ds, path: sa.export.write_graphml(ds, path, "parties"),
    "gexf": lambda ds, path: sa.export.write_gexf(ds, path, "parties"),
    "datapackage": lambda ds, path: sa.export.to_datapackage(ds, path),
    "parquet": lambda ds, path: sa.export.to_parquet(ds, path),
}


def _tree(path: Path) -> dict[str, bytes]:
    if path.is_file():
        return {"": path.read_bytes()}
    return {p.name: p.read_bytes() for p in sorted(path.iterdir())}


@pytest.mark.parametrize(
    "form",
    [
        pytest.param(form, marks=[] if form in ("sqlite", "datapackage") else [pytest.mark.slow])
        for form in FILE_WRITERS
    ],
)
def test_export_tables_and_graphs_are_the_library_s(form: str, tmp_path: Path) -> None:
    korea = sa.load().filter(country="KR")
    FILE_WRITERS[form](korea, tmp_path / "library")
    graph = ["--graph", "parties"] if form in ("graphml", "gexf") else []
    result = run("export", "--format", form, "--country", "KR", *graph, "-o", str(tmp_path / "cli"))
    assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")
    assert _tree(tmp_path / "cli") == _tree(tmp_path / "library")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "sqlite"], "--format sqlite writes a file: give -o PATH"),
        (["--format", "sqlite", "-o", "x", "--graph", "parties"],
         "--graph applies to --format graphml and gexf only"),
        (["--format", "csv", "--graph", "parties"],
         "--graph applies to --format graphml and gexf only"),
        (["--format", "xlsx", "-o", "x", "--encoding", "cp932"],
         "--encoding applies to --format csv only"),
        (["--format", "datapackage", "-o", "x", "--keep-formulas"],
         "--keep-formulas applies to --format csv only"),
    ],
)  # fmt: skip
def test_export_file_format_usage_errors(args: list[str], message: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sister_agreements", "export", *args],
        capture_output=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.decode().endswith(f"sister-agreements: error: {message}\n")
    assert list(tmp_path.iterdir()) == []


def test_export_without_the_extra_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sister_agreements.cli import main

    monkeypatch.setitem(sys.modules, "networkx", None)  # import networkx raises ImportError
    assert main(["export", "--format", "gexf", "-o", str(tmp_path / "g.gexf")]) == 1
    hint = "networkx is not installed: pip install 'sister-agreements[graph]'"
    assert capsys.readouterr().err == f"sister-agreements: error: {hint}\n"
