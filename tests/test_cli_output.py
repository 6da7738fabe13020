"""What the command line prints for people: it fits the terminal, in either language.

Most tests run the program in-process (``cli.main`` with standard output captured) with
COLUMNS set as a terminal sets it; one test per command runs it on a real terminal (a
pseudo-terminal of a set size, no COLUMNS) and one in a pipe.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import os
import re
import subprocess
import sys
import unicodedata
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sister_agreements as sa
from sister_agreements import _labels, cli, summary
from sister_agreements._render import display_width

LANGS = ("ja", "en")
WIDTHS = (80, 100)
IDS = [a.id for a in sa.load()]


def printed(*args: str, columns: int | None = None) -> str:
    """The output of ``sister-agreements ARGS`` run in-process, COLUMNS set to ``columns``
    (None: unset, as in a pipe)."""
    env = {name: value for name, value in os.environ.items() if name != "COLUMNS"}
    if columns is not None:
        env["COLUMNS"] = str(columns)
    out, err = io.StringIO(), io.StringIO()
    with (
        mock.patch.dict(os.environ, env, clear=True),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        status = cli.main(list(args))
    assert (status, err.getvalue()) == (0, ""), args
    return out.getvalue()


def widest(text: str) -> int:
    return max(display_width(line) for line in text.splitlines())


def wide_characters(text: str) -> str:
    """The double-width characters of ``text``: kana, kanji, 、 and full-width forms."""
    return "".join(char for char in text if unicodedata.east_asian_width(char) in "WF")


# --- summary ----------------------------------------------------------------------

SUMMARIES = [
    [],
    ["--count", "agreements"],
    ["--table", "country"],
    ["--table", "country", "--top", "100", "--count", "agreements"],
    ["--table", "prefecture"],
    ["--table", "year", "--count", "agreements"],
    ["--table", "year", "--prefecture", "静岡"],
    ["--compare"],
    ["--table", "country", "--compare"],
]


@pytest.mark.parametrize("args", SUMMARIES, ids=" ".join)
@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_summary_fits(args: list[str], columns: int, lang: str) -> None:
    assert widest(printed("summary", *args, "--lang", lang, columns=columns)) <= 80


def test_summary_explains_itself_in_japanese() -> None:
    assert printed("summary", "--table", "country", "--top", "2", columns=80) == (
        "国・地域別の提携等件数：報告書の表2の形、個票から集計\n"
        "出典：CLAIR「特定分野における提携・協定等に関する調査結果」（2012年8月調査）\n"
        "\n"
        "         ①      ②  ③  ④      ⑤   ⑥      ⑦      ⑧      ⑨     合計\n"
        "1 中国   9   6(2)     1   5(1)   8     15   8(2)   6(5)   58(10)\n"
        "2 韓国   3   9(1)  3         2       6(1)   6(3)   2(1)    31(6)\n"
        "その他  12   7(1)  1         3  13     12  10(3)   6(3)    64(7)\n"
        "合計    24  22(4)  4  1  10(1)  21  33(1)  24(8)  14(9)  153(23)\n"
        "\n"
        "①教育交流 ②文化交流 ③スポーツ交流 ④医療交流 ⑤経済交流（農業等）\n"
        "⑥経済交流（工業等） ⑦経済交流（商業等） ⑧行政交流 ⑨その他交流\n"
        "6(2)：掲載6件、うち2件は【再掲】（他の分野にも掲載された提携）\n"
        "掲載153件は提携・協定129件。提携ごとに数えるには --count agreements\n"
    )


def test_summary_explains_itself_in_english() -> None:
    assert printed("summary", "--prefecture", "静岡", "--lang", "en", columns=80) == (
        "Agreements by field: the report's Table 1, computed from its sheets (12 of the\n"
        "149 agreements)\n"
        "Source: Survey of partnerships and agreements in specific fields, CLAIR, 2012-08\n"
        "\n"
        "              ①  ②  ③  ④  ⑤  ⑥  ⑦  ⑧     ⑨  Total\n"
        "One-to-one    2  2     1  1  1  1  2  1(1)  11(1)\n"
        "Multilateral  2                                 2\n"
        "Total         4  2     1  1  1  1  2  1(1)  13(1)\n"
        "\n"
        "① Educational exchange ② Cultural exchange ③ Sports exchange ④ Medical exchange\n"
        "⑤ Economic exchange (agriculture etc.) ⑥ Economic exchange (industry etc.)\n"
        "⑦ Economic exchange (commerce etc.) ⑧ Administrative exchange ⑨ Other exchange\n"
        "1(1): 1 listing, including 1 re-listing (also listed under another field).\n"
        "The 13 listings are 12 agreements; --count agreements counts each once.\n"
    )


TABLES = ("field", "country", "prefecture", "year", "tie")
QUERIES: list[dict[str, Any]] = [{}, {"field": "教育"}, {"country": "CN"}, {"tie": "none"}]
QUERIES += [{"prefecture": "静岡"}, {"multilateral": True}, {"multilateral": False}]
QUERIES += [{"signed_from": 2000}]


@pytest.mark.parametrize("query", QUERIES, ids=str)
@pytest.mark.parametrize("table", TABLES)
def test_the_legend_s_agreements_are_the_table_s_by_agreement(
    table: str, query: dict[str, Any]
) -> None:
    """The number of agreements a legend gives, without counting again, is the total of
    the same table counted by agreements."""
    ds = sa.load().filter(**query)
    args = argparse.Namespace(table=table, top=10)
    by_agreement = cli._count_table(ds, args, "agreements").cells[-1][-1].total
    assert cli._agreements_in_total(cli._count_table(ds, args, "listings"), ds) == by_agreement


def test_the_legend_s_agreements_of_the_whole_report() -> None:
    ds = sa.load()
    tables = [cli._count_table(ds, argparse.Namespace(table=t, top=10), "listings") for t in TABLES]
    assert [cli._agreements_in_total(table, ds) for table in tables] == [149, 129, 149, 149, 149]


def test_summary_counting_agreements_says_so() -> None:
    legend = printed("summary", "--count", "agreements", columns=80).splitlines()[-2:]
    assert legend == [
        "数は提携・協定の件数（掲載された分野ごとに1件、合計に1件）。",
        "報告書の数え方（掲載数）は --count listings。",
    ]
    legend = printed("summary", "--count", "agreements", "--lang", "en").splitlines()[-2:]
    assert legend == [
        "Counts are agreements: once in each field listing them, once in Total.",
        "The report counts listings (--count listings).",
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_summary_wide_heads_the_columns_by_the_full_names(lang: summary.Lang) -> None:
    table = summary.by_field(sa.load()).to_text(lang)
    wide = printed("summary", "--wide", "--lang", lang, columns=80)
    assert wide.split("\n\n")[1] == table.rstrip("\n")
    assert widest(table) == {"ja": 164, "en": 276}[lang]
    assert wide.count("\n\n") == 2 and not wide.split("\n\n")[2].startswith("①")


def test_compare_is_in_the_language_asked_for() -> None:
    assert printed("summary", "--table", "country", "--compare", columns=80) == (
        "国・地域別の提携等件数：報告書に印刷された表と異なるセル（7）\n"
        "\n"
        "行      列         算出     報告書\n"
        "カナダ  ②文化交流           1\n"
        "カナダ  合計       4(2)     5(2)\n"
        "その他  ②文化交流  2        1\n"
        "その他  ⑧行政交流  2        1\n"
        "その他  合計       11       9\n"
        "合計    ⑧行政交流  24(8)    23(8)\n"
        "合計    合計       153(23)  152(23)\n"
    )
    english = printed("summary", "--compare", "--lang", "en", "--format", "markdown")
    assert english.splitlines()[::2] == [
        "## Agreements by field: the 4 cells that differ from the report's printed table",
        "| Row | Column | Computed | Printed |",
        "| One-to-one | ⑧ Administrative exchange | 24(8) | 23(8) |",
        "| With several governments | ⑧ Administrative exchange | 1 | 2 |",
    ]
    csv = printed("summary", "--compare", "--format", "csv").splitlines()
    assert csv[:2] == ["row,column,computed,printed", "one_to_one,administration,24(8),23(8)"]


# --- list, search, show, errata, fields ----------------------------------------------

LISTS = [
    ["list"],
    ["list", "--country", "CN"],
    ["list", "--field", "教育", "--prefecture", "静岡"],
    ["list", "--multilateral"],
    ["search", "マラソン"],
    ["errata", "--evidence"],
    ["fields"],
]


@pytest.mark.parametrize("args", LISTS, ids=" ".join)
@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_table_fits(args: list[str], columns: int, lang: str) -> None:
    fitted = printed(*args, "--lang", lang, columns=columns)
    assert widest(fitted) <= columns
    full = printed(*args, "--lang", lang)
    assert printed(*args, "--lang", lang, "--wide", columns=columns) == full
    assert len(fitted.splitlines()) == len(full.splitlines())
    assert [line.split()[:1] for line in fitted.splitlines()] == [
        line.split()[:1] for line in full.splitlines()
    ]


def test_list_cuts_the_widest_columns_with_an_ellipsis() -> None:
    assert printed("list", "--field", "教育", "--prefecture", "静岡", columns=80) == (
        "ID    締結        分野  日本側  海外側                   名称\n"
        "1-06  2012-04-04  ①     静岡県  浙江省                   日本国静岡県と中華人民…\n"
        "1-23  2012-02-13  ①     静岡県  ドルノゴビ県             高校生の相互交流推進に…\n"
        "1-25  2009-09-03  ①     静岡県  台北縣、高雄縣、高雄市…  青少年の相互交流推進に…\n"
        "1-26  2011-03-14  ①     静岡県  彰化縣、台東縣、台中市   青少年の相互交流推進に…\n"
    )
    english = printed("list", "--field", "教育", "--prefecture", "静岡", "--lang", "en")
    assert english.splitlines()[3] == (
        "1-25  2009-09-03  ①       Shizuoka Prefecture  Taipei County, Kaohsiung County, "
        "Kaohsiung City, Chiayi City  Agreement on the Promotion of Mutual Youth Exchange"
    )


def _fits_and_loses_nothing(agreements: list[str], columns: int, lang: str) -> None:
    for agreement in agreements:
        fitted = printed("show", agreement, "--lang", lang, columns=columns)
        assert widest(fitted) <= columns, agreement
        full = printed("show", agreement, "--lang", lang, "--wide", columns=columns)
        assert re.sub(r"\s", "", fitted) == re.sub(r"\s", "", full), agreement


#: The five agreements with the longest texts: the most lines to wrap.
LONGEST = sorted(
    IDS,
    key=lambda x: -sum(map(len, (sa.load()[x].background, sa.load()[x].activities))),
)[:5]


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_show_fits_the_longest_agreements_and_loses_nothing(columns: int, lang: str) -> None:
    _fits_and_loses_nothing(LONGEST, columns, lang)


@pytest.mark.slow
@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_show_fits_every_agreement_and_loses_nothing(columns: int, lang: str) -> None:
    _fits_and_loses_nothing(IDS, columns, lang)


def test_show_in_english() -> None:
    assert printed("show", "2-11", "--lang", "en", columns=60) == (
        "ID:\n"
        "  1-01\n"
        "Title:\n"
        "  Aomori City–Dalian Agreement on the Establishment of an\n"
        "  Economic and Cultural Exchange Committee\n"
        "  as printed: 青森市・大連市経済文化交流委員会設置に関する協\n"
        "  定\n"
        "Listings:\n"
        "  1-01 ① Educational exchange p.14\n"
        "  2-11 ② Cultural exchange p.51 (re-listed)\n"
        "Japanese parties:\n"
        "  Aomori City, Aomori (022012)\n"
        "Foreign parties:\n"
        "  Dalian (China, CN-LN)\n"
        "Dates:\n"
        "  2004-12-24\n"
        "  as printed: 平成16（2004）年12月24日\n"
        "Standing ties:\n"
        "  Not stated\n"
        "Background:\n"
        "  平成16年5月、青森市の東奥日報社と大連市の大連日報社の友好\n"
        "  社締結を受け、青森市が友好交流の趣旨に賛同した。\n"
        "Activities:\n"
        "  ・公式訪問団の訪問・受入れ・小・中学指定校による作品交流\n"
        "  （平成20年度まで）\n"
        "  ・棟方志功賞版画展入賞作品を大連市芸術展覧会に送付（平成17\n"
        "  年のみ）\n"
        "Outcomes:\n"
        "  【成果】市民の国際感覚の醸成、コミュニケーション能力向上、\n"
        "  異文化理解の涵養が図られた。\n"
        "  【課題等】指定校交流は各学校長の意向に左右されるため、継続\n"
        "  実施が難しい。\n"
        "URLs:\n"
        "  http://www.city.aomori.aomori.jp/info.rbz?nd=1320&ik=1&pnp\n"
        "  =115&pnp=429&pnp=540&pnp=1320\n"
        "Contacts:\n"
        "  市民協働推進課 / 017-734-5235 /\n"
        "  shiminkyoudou@city.aomori.aomori.jp\n"
    )


def test_show_in_japanese() -> None:
    lines = printed("show", "2-05", columns=80).splitlines()
    assert lines[:13] == [
        "ID:",
        "  2-05",
        "名称:",
        "  文化交流協定",
        "掲載:",
        "  2-05 ②文化交流 p.45",
        "日本側:",
        "  滋賀県東近江市（252131）",
        "海外側:",
        "  慶尚南道（韓国、KR-48）",
        "提携年月日:",
        "  2001-05-26 (旧八日市市)",
        "  2006-03-16 (東近江市合併後)",
    ]
    assert lines[-4:] == [
        "正誤:",
        "  E027 2-05 問い合わせ先: syogaika@city.higashiomori.shiga.jp →",
        "  syogaika@city.higashiomori.shiga.jp (kept as printed)",
        "  E059 2-05 当事者の記載漏れ: 大韓民国慶尚南道 → 慶尚南道 (kept as printed)",
    ]


def test_errata_kinds_and_items_in_the_language_asked_for() -> None:
    assert printed("errata", "--listing", "1-10", columns=80) == (
        "ID    掲載  種類            項目      報告書の記載                  データセット\n"
        "E004  1-10  索引の当事者名  自治体名  アメリカ合衆国ノースダコタ…   栃木県鹿沼市\n"
    )
    english = printed("errata", "--listing", "1-10", "--lang", "en").splitlines()
    assert re.split("  +", english[1])[:4] == [
        "E004",
        "1-10",
        "Party names in the index",
        "parties",
    ]
    assert (
        printed("errata", "--listing", "1-10", "--format", "csv")
        .splitlines()[1]
        .startswith("E004,1-10,index_name,parties,")
    )  # CSV: the keys, for programs
    register = sa.load().errata
    assert {e.kind for e in register} == set(_labels.ERRATUM_KINDS)
    assert {e.item for e in register} == set(_labels.ERRATUM_ITEMS_JA)


# --- the languages ---------------------------------------------------------------


def japanese_only(ds: sa.Dataset) -> list[str]:
    """The values the English output shows as printed, as they exist only in Japanese,
    line by line, longest first: the sheets' texts, dates as printed and the labels of
    dates and links, contact departments and phone numbers (0254-27-2111（内線228）), the
    errata's quotations, the titles as printed (``show`` gives them beside the English) and
    the sheets' words that state a tie."""
    values: list[str | None] = []
    for a in ds:
        values += [f"as printed: {a.title}", a.background, a.activities, a.outcomes]
        values += [a.date_text]
        values += [tie.evidence for tie in a.ties]
        values += [event.label for event in a.dates] + [link.label for link in a.urls]
        values += [c.department for c in a.contacts] + [c.phone for c in a.contacts]
    for e in ds.errata:
        values += [e.printed, e.dataset, _labels.evidence(e, "en")]
    lines = {line for value in values if value for line in value.split("\n")}
    return sorted(lines, key=len, reverse=True)


ENGLISH = [
    *(["summary", *args] for args in SUMMARIES),
    ["summary", "--wide"],
    ["summary", "--format", "markdown"],
    *LISTS,
    ["errata", "--evidence", "--format", "markdown"],
    *(["show", agreement] for agreement in IDS),
]


def test_english_output_is_english_but_for_what_exists_only_in_japanese() -> None:
    allowed = japanese_only(sa.load())
    for args in ENGLISH:
        text = printed(*args, "--lang", "en")
        for value in allowed:
            text = text.replace(value, "")
        assert wide_characters(text) == "", (args, wide_characters(text))


def test_japanese_output_has_no_english_labels() -> None:
    for args in (["summary", "--compare"], ["summary", "--table", "country", "--compare"]):
        rows = printed(*args, "--format", "markdown").splitlines()[4:]
        assert rows and all(not re.search("[A-Za-z]", row) for row in rows), rows
    rows = printed("errata", "--format", "markdown").splitlines()[2:]
    assert {row.split(" | ")[2] for row in rows} == {ja for ja, _ in _labels.ERRATUM_KINDS.values()}
    assert {row.split(" | ")[3] for row in rows} == set(_labels.ERRATUM_ITEMS_JA.values())


# --- the width: the terminal's, COLUMNS, or none in a pipe ---------------------------


@settings(max_examples=40, deadline=None)
@given(
    columns=st.integers(min_value=40, max_value=200),
    lang=st.sampled_from(LANGS),
    args=st.sampled_from([*LISTS, *(["show", agreement] for agreement in IDS)]),
)
def test_any_width_from_40_columns(columns: int, lang: str, args: list[str]) -> None:
    assert widest(printed(*args, "--lang", lang, columns=columns)) <= columns


@settings(max_examples=20, deadline=None)
@given(
    columns=st.integers(min_value=80, max_value=200),
    lang=st.sampled_from(LANGS),
    args=st.sampled_from(SUMMARIES),
)
def test_any_width_from_80_columns_for_the_summaries(
    columns: int, lang: str, args: list[str]
) -> None:
    assert widest(printed("summary", *args, "--lang", lang, columns=columns)) <= 80


def without_columns() -> dict[str, str]:
    """The environment without COLUMNS or LINES (set behind ``os.environ``'s back by
    readline in some test runs, and passed to a child unless the environment is given)."""
    return {name: value for name, value in os.environ.items() if name not in ("COLUMNS", "LINES")}


def test_a_pipe_without_columns_gets_full_lines() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sister_agreements", "list", "--lang", "en"],
        capture_output=True,
        env=without_columns(),
        check=True,
    )
    assert result.stdout.decode() == printed("list", "--lang", "en")
    assert widest(result.stdout.decode()) == 545 and "…" not in result.stdout.decode()
    fitted = subprocess.run(
        [sys.executable, "-m", "sister_agreements", "list", "--lang", "en"],
        capture_output=True,
        env={**without_columns(), "COLUMNS": "90"},
        check=True,
    )
    assert fitted.stdout.decode() == printed("list", "--lang", "en", columns=90)


def on_a_terminal(columns: int, *args: str) -> str:
    """The output of ``sister-agreements ARGS`` on a pseudo-terminal ``columns`` wide,
    with no COLUMNS in its environment."""
    import fcntl
    import pty
    import struct
    import termios

    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "sister_agreements", *args],
        stdout=child,
        stderr=subprocess.PIPE,
        env=without_columns(),
    )
    os.close(child)
    chunks = []
    with contextlib.suppress(OSError):  # EIO once the program has closed the terminal
        while chunk := os.read(main, 1 << 16):
            chunks.append(chunk)
    os.close(main)
    assert process.wait(timeout=60) == 0 and process.stderr is not None
    assert process.stderr.read() == b""
    return b"".join(chunks).decode().replace("\r\n", "\n")


@pytest.mark.skipif(sys.platform == "win32", reason="no pseudo-terminals")
@pytest.mark.parametrize(
    ("columns", "args"),
    [(80, ["summary", "--lang", "en"]), (64, ["list"]), (50, ["show", "2-05", "--lang", "en"])],
)
def test_on_a_terminal_the_output_fits_the_terminal(columns: int, args: list[str]) -> None:
    shown = on_a_terminal(columns, *args)
    assert shown == printed(*args, columns=columns)
    assert widest(shown) <= columns < widest(printed(*args, "--wide"))


# --- ties and English titles (issues 11 and 12) -------------------------------------


def test_list_by_tie_kind() -> None:
    listed = printed("list", "--tie", "none", "--format", "csv")
    assert [row[0] for row in csv.reader(io.StringIO(listed))][1:] == ["1-10", "8-24", "9-08"]
    assert printed("list", "--tie", "関係なし", "--format", "csv") == listed


def test_summary_by_tie_counts_every_agreement_once() -> None:
    table = printed("--lang", "en", "summary", "--table", "tie", "--count", "agreements")
    rows = {line[:37].strip(): line.split()[-1] for line in table.splitlines()[5:12]}
    assert rows == {
        "Sister city": "13",
        "Friendship city": "7",
        "Sister or friendship province/state": "18",
        "Other tie": "11",
        "No tie": "3",
        "Not stated": "97",
        "Total": "149",
    }


def test_english_titles_under_english() -> None:
    listed = printed("--lang", "en", "list", "--country", "KR", "--wide")
    assert "Agreement on Friendship" in listed.splitlines()[1]
    assert "青森市と平澤市" in printed("list", "--country", "KR", "--wide").splitlines()[1]


def test_an_english_search_that_finds_nothing_says_what_english_there_is() -> None:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(["--lang", "en", "search", "environmental", "policy", "zzz"])
    assert status == 0
    assert out.getvalue().splitlines()[1:] == []
    assert err.getvalue() == f"sister-agreements: {cli.NOTHING_IN_ENGLISH}\n"
    found = printed("--lang", "en", "search", "marathon", "--format", "csv")
    assert [row[0] for row in csv.reader(io.StringIO(found))][1:] == ["3-01", "3-04", "3-06"]
