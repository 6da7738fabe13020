"""The command line's parser: built with only the command the arguments name, it parses
them exactly as the parser of every command does."""

from __future__ import annotations

import argparse

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sister_agreements import cli

COMMANDS = ["summary", "list", "search", "show", "export", "errata", "report", "fields", "cite"]


def outcome(parser: argparse.ArgumentParser, arguments: list[str]) -> tuple[str, object]:
    """What ``parser`` makes of ``arguments``: the values, the usage error's message, or
    the text that --help or --version prints."""
    try:
        return "values", vars(parser.parse_args(arguments))
    except cli.UsageError as error:
        return "usage error", str(error)
    except cli._Done as done:
        return "text", done.text


def test_the_program_has_every_command_in_order() -> None:
    parser, commands = cli._parsers()
    assert list(commands) == COMMANDS
    assert "{summary,list,search,show,export,errata,report,fields,cite}" in parser.format_help()


@pytest.mark.parametrize("name", COMMANDS)
def test_a_command_s_own_parser_is_the_one_in_the_program(name: str) -> None:
    _, alone = cli._parsers(name)
    _, every = cli._parsers()
    assert list(alone) == [name]
    assert alone[name].format_help() == every[name].format_help()
    for arguments in ([name, "--help"], ["--lang", "en", name, "-h"]):
        assert outcome(cli.build_parser(arguments), arguments) == (
            "text",
            every[name].format_help(),
        )


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        (["summary"], "summary"),
        (["summary", "fields"], "summary"),
        (["--lang", "en", "fields"], "fields"),
        (["--lang=en", "--debug", "list", "--lang", "ja"], "list"),
        (["--la", "en", "--deb", "show", "1-01"], "show"),
        (["--l=ja", "--d", "cite"], "cite"),
        (["--lang", "fields", "cite"], "cite"),  # "fields" is the (wrong) language
        (["--lang", "", "errata"], "errata"),
        (["--lang", "summary"], None),
        (["--lang"], None),
        (["--lang", "-h", "fields"], None),
        (["--lang", "--debug", "fields"], None),
        (["--help", "summary"], None),
        (["-h", "summary"], None),
        (["--version", "fields"], None),
        (["--debug=yes", "fields"], None),
        (["--", "fields"], None),
        (["-1", "fields"], None),  # argparse takes "-1" for the command
        (["-", "fields"], None),
        (["--bogus", "fields"], None),
        (["sumary", "summary"], None),
        (["Summary"], None),
        ([], None),
    ],
)
def test_the_command_the_arguments_name(arguments: list[str], named: str | None) -> None:
    assert cli._command_named(arguments) == named


#: What may come before the command: the program's options (five of them right), their
#: values, and what argparse reads otherwise ("-1" and "-" are positional arguments).
BEFORE = [["--lang", "en"], ["--lang=en"], ["--la", "ja"], ["--l=ja"], ["--debug"], ["--deb"]]
BEFORE += [["--d"], ["--lan", "fr"], ["--lang"], ["--lang", "summary"], ["--lang", "-h"]]
BEFORE += [["--debug=1"], ["--version"], ["--vers"], ["--help"], ["-h"], ["--he"], ["--"]]
BEFORE += [["-"], ["-1"], ["en"]]
TYPOS = ["sumary", "Summary", "lists", "field", "--summary"]
#: The commands' options with values, right and wrong, abbreviated and ambiguous ("--co").
AFTER = [["--format", "json"], ["--format", "csv"], ["--format", "sqlite"], ["--wide"]]
AFTER += [["--table", "country"], ["--tab", "year"], ["--table", "yr"], ["--top", "3"]]
AFTER += [["--top", "0"], ["--count", "agreements"], ["--compare"], ["--co", "CN"]]
AFTER += [["--field", "教育"], ["--country", "CN"], ["--prefecture", "静岡"], ["--multilateral"]]
AFTER += [["--signed-from", "２００４-１２"], ["--signed-to", "20x"], ["--one-to-one"], ["--brief"]]
AFTER += [["--level", "party"], ["--graph", "parties"], ["-o", "out.csv"], ["--output="]]
AFTER += [["--encoding", "cp932"], ["--errors", "replace"], ["--keep-formulas"], ["--evidence"]]
AFTER += [["--listing", "1-10"], ["--title", "T"], ["--style", "bibtex"], ["--what", "both"]]
AFTER += [["1-01"], ["マラソン"], ["--bogus"], ["-x"], ["--lang", "en"], ["--debug"], ["-h"]]
TOKENS = [*{token for group in BEFORE + AFTER for token in group}, *COMMANDS, *TYPOS]


def joined(before: list[list[str]], command: str, after: list[list[str]]) -> list[str]:
    """The tokens of ``before``, ``command``, then those of ``after``."""
    return [token for group in [*before, [command], *after] for token in group]


#: A command between the program's options and its own, or anything (typos too).
COMMAND_LINES = st.one_of(
    st.builds(
        joined,
        st.lists(st.sampled_from(BEFORE[:6]) | st.sampled_from(BEFORE), max_size=2),
        st.sampled_from(COMMANDS),
        st.lists(st.sampled_from(AFTER) | st.lists(st.text(max_size=4), max_size=1), max_size=4),
    ),
    st.lists(st.sampled_from(sorted(TOKENS)) | st.text(max_size=5)),
)


@settings(max_examples=200, deadline=None)
@given(COMMAND_LINES)
def test_the_parser_of_the_command_named_parses_as_the_whole_parser(arguments: list[str]) -> None:
    assert outcome(cli.build_parser(arguments), arguments) == outcome(cli.build_parser(), arguments)
