"""The ``sister-agreements`` command line (also ``python -m sister_agreements``).

Bad input prints one line to stderr and exits 2 (usage) or 1 (an unknown id, name or
an output that cannot be written, or an optional extra a command needs is missing); a
bug prints one line too, with status 70 (``--debug`` shows its traceback); Ctrl-C
(SIGINT) exits 130. Only the package's own errors count as the user's mistakes. No
traceback reaches the user, also not when standard output or standard error is closed
or full (see ``main``).
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import shutil
import signal
import sys
import threading
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from types import FrameType, MappingProxyType
from typing import IO, TYPE_CHECKING, Any, NoReturn, TypeVar

import sister_agreements as sa
from sister_agreements._labels import ERRATUM_KINDS, errata_rows
from sister_agreements._labels import agreement_rows as _agreement_rows
from sister_agreements._labels import t as _t
from sister_agreements._labels import title as _title
from sister_agreements._render import display_width, markdown_table, text_table, wrap
from sister_agreements.dataset import Dataset
from sister_agreements.dates import PartialDate
from sister_agreements.errors import DatasetError, UnknownValueError, echo
from sister_agreements.model import Agreement, Contact, Listing, Tie
from sister_agreements.taxonomy import Field

if TYPE_CHECKING:  # the modules only some commands need are imported on first use (sa.NAME)
    from sister_agreements.summary import Count, CountTable

T = TypeVar("T")
PROG = "sister-agreements"
FORMATS = ("text", "markdown", "csv", "json")


class UsageError(Exception):
    """Bad command-line usage: exit status 2."""


class MissingExtraError(Exception):
    """An optional extra the command needs is not installed: exit status 1."""


class _Done(Exception):
    """``--help`` or ``--version``: ``text`` is the whole output, and the status 0."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see {self.prog} --help)")

    def print_help(self, file: object = None) -> NoReturn:
        """``--help``: its text is written by ``main``, as every output is."""
        raise _Done(self.format_help())


class _Version(argparse.Action):
    """``--version``, which looks the version up only when asked for it."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> NoReturn:
        raise _Done(f"{PROG} {sa.__version__}\n")


def _positive(text: str) -> int:
    """An option's count (``--top``): a whole number, 1 or more, of any size.

    Raises:
        argparse.ArgumentTypeError: for anything else; the message names the value.
    """
    try:
        number = int(text)
    except ValueError:  # not a number, or too many digits to read
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{echo(text)} is not a whole number from 1")
    return number


_DIGITS_TYPED = "0123456789０１２３４５６７８９"


def _date_bound(text: str) -> PartialDate:
    """A ``--signed-from`` or ``--signed-to`` value, full- or half-width: a year 1-9999 or
    an ISO date (2004-12, 2004-12-24).

    Raises:
        argparse.ArgumentTypeError: for anything else; the message names the value.
    """
    expected = "a year (1-9999) or an ISO date (2004-12, 2004-12-24)"
    if any(char.isnumeric() and char not in _DIGITS_TYPED for char in text):  # ², ①, ٢
        raise argparse.ArgumentTypeError(f"{echo(text)} is not {expected}")
    text = unicodedata.normalize("NFKC", text).strip()
    if len(text) > len("2004-12-24"):
        raise argparse.ArgumentTypeError(f"{echo(text)} is not {expected}")
    try:
        if text.isascii() and text.isdigit():
            return PartialDate(int(text))
        return PartialDate.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{error}; expected {expected}") from None


# --- output helpers -------------------------------------------------------------


def _width(args: argparse.Namespace) -> int | None:
    """The terminal cells a line of text output may take, or None for full lines.

    None with ``--wide``, and when standard output is not a terminal and ``COLUMNS`` is
    not set (a pipe or a file gets full lines); otherwise ``shutil.get_terminal_size``:
    ``COLUMNS`` where it is set, else the terminal's width.
    """
    if args.wide:
        return None
    if os.environ.get("COLUMNS") or _on_terminal():
        return shutil.get_terminal_size().columns
    return None


def _on_terminal() -> bool:
    """Whether standard output is a terminal (not when it is missing or closed)."""
    try:
        return sys.stdout is not None and sys.stdout.isatty()
    except ValueError:  # closed
        return False


def _table(rows: list[list[str]], fmt: str, width: int | None = None) -> str:
    """Rows (the first is the header) as Markdown, CSV or aligned text that fits ``width``
    cells (its widest columns cut with "…"; None: full lines)."""
    if fmt == "markdown":
        return markdown_table(rows)
    if fmt == "csv":
        import csv

        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        return out.getvalue()
    return text_table(rows, width=width)


def _wrapped(texts: Sequence[str], width: int | None, indent: str = "") -> list[str]:
    """The lines of ``texts`` after ``indent``, each broken to fit ``width`` cells (None:
    as they are)."""
    lines = [line for text in texts for line in text.split("\n")]
    if width is None:
        return [indent + line for line in lines]
    room = max(1, width - display_width(indent))
    return [indent + part for line in lines for part in wrap(line, room)]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"


def _agreements(ds: Dataset, args: argparse.Namespace) -> str:
    if args.format == "json":
        return _json(sa.export.to_records(ds, "agreement"))
    if args.format == "csv" and not args.brief:
        return sa.export.csv_text(ds, "agreement")
    return _table(_agreement_rows(ds, args.lang), args.format, _width(args))


# --- commands -------------------------------------------------------------------


def _query(args: argparse.Namespace) -> dict[str, Any]:
    """The filters given, as ``Dataset.filter`` takes them."""
    names = ("field", "country", "prefecture", "party", "kind", "tie", "signed_from", "signed_to")
    query = {name: getattr(args, name) for name in names if getattr(args, name)}
    if args.multilateral is not None:
        query["multilateral"] = args.multilateral
    return query


def _filtered(ds: Dataset, args: argparse.Namespace) -> Dataset:
    return ds.filter(**_query(args))


def _checked(run: Callable[[], T]) -> T:
    """``run()``, with a ValueError (an empty search) as a usage error."""
    try:
        return run()
    except ValueError as error:
        raise UsageError(str(error)) from None


#: What each table of ``summary`` is, in Japanese and English.
_TABLES = {
    "field": ("報告書の表1の形、個票から集計", "the report's Table 1, computed from its sheets"),
    "country": ("報告書の表2の形、個票から集計", "the report's Table 2, computed from its sheets"),
    "prefecture": (
        "日本側の当事者の都道府県別（報告書にない表）",
        "by the prefecture of the Japanese parties (not a table of the report)",
    ),
    "tie": (
        "個票の記述による（報告書にない表）",
        "as the sheets state them (not a table of the report)",
    ),
    "year": (
        "最初の年月日の年別（報告書にない表）",
        "by the year of the first date printed (not a table of the report)",
    ),
}
#: The most cells a line of the headings and legends of ``summary`` takes.
_PROSE = 80


def _prose_width(args: argparse.Namespace) -> int:
    """The width to wrap headings and legends to: 80 cells, or the terminal's if less."""
    return min(_PROSE, _width(args) or _PROSE)


def cmd_summary(ds: Dataset, args: argparse.Namespace) -> str:
    """A table of counts; in text, under a heading (what the table is, its source) and
    over a legend (the fields' symbols, how to read "22(4)").

    In text every table fits 80 cells in either language, its columns headed by the
    fields' symbols; with ``--wide`` by their full names (Table 1: 164 cells in Japanese,
    276 in English).
    """
    subset = _filtered(ds, args)
    table = _count_table(subset, args, args.count)
    if args.compare:
        return _compare(table, args)
    lang = args.lang
    title = _t(lang, table.title_ja, table.title_en)
    if args.format == "json":
        return _json(table.to_records())
    if args.format == "csv":
        return table.to_csv()
    if args.format == "markdown":
        return f"## {title}\n\n" + table.to_markdown(lang)
    what_ja, what_en = _TABLES[args.table]
    what = _t(lang, f"{title}：{what_ja}", f"{title}: {what_en}")
    if not table.whole:
        what += _t(
            lang,
            f"（全{len(ds)}件のうち{len(subset)}件）",
            f" ({len(subset)} of the {len(ds)} agreements)",
        )
    source = ds.source
    year, month = source.survey_month.split("-")
    cited = _t(
        lang,
        f"出典：CLAIR「{source.title_ja}」（{year}年{int(month)}月調査）",
        f"Source: {source.title_en}, CLAIR, {source.survey_month}",
    )
    return "\n".join(
        [
            *_wrapped([what, cited], _prose_width(args)),
            "",
            table.to_text(lang, short=not args.wide),
            *_wrapped(_legend(table, subset, args), _prose_width(args)),
            "",
        ]
    )


def _count_table(ds: Dataset, args: argparse.Namespace, count: Count) -> CountTable:
    """The table ``--table`` names, of ``ds``, counting ``count``."""
    if args.table == "country":
        return sa.summary.by_country(ds, args.top, count)
    makers = {
        "field": sa.summary.by_field,
        "prefecture": sa.summary.by_prefecture,
        "year": sa.summary.by_year,
        "tie": sa.summary.by_tie,
    }
    return makers[args.table](ds, count)


def _legend(table: CountTable, ds: Dataset, args: argparse.Namespace) -> list[str]:
    """The lines under a ``summary`` table: the fields its symbols stand for (unless
    ``--wide``), what a count is ("22(4)") and how many agreements the listings are."""
    lang = args.lang
    symbols = [] if args.wide else [c.text(lang) for c in table.columns if c.short_ja]
    lines = _packed(symbols, _prose_width(args))
    if table.count == "agreements":
        counted = _t(
            lang,
            "数は提携・協定の件数（掲載された分野ごとに1件、合計に1件）。",
            "Counts are agreements: once in each field listing them, once in Total.",
        )
        report = _t(
            lang,
            "報告書の数え方（掲載数）は --count listings。",
            "The report counts listings (--count listings).",
        )
        return [*lines, counted, report]
    cell = next((cell for cells in table.cells for cell in cells if cell.relisted), None)
    if cell is not None:  # the first cell with a re-listed part, to explain the form
        ja = f"{cell}：掲載{cell.total}件、うち{cell.relisted}件は【再掲】"
        en = f"{cell}: {_counted(cell.total, 'listing')}, including "
        en += _counted(cell.relisted, "re-listing")
        why = _t(lang, "（他の分野にも掲載された提携）", " (also listed under another field).")
        lines.append(_t(lang, ja, en) + why)
    listings = table.cells[-1][-1].total
    agreements = _agreements_in_total(table, ds)
    ja = f"掲載{listings}件は提携・協定{agreements}件。提携ごとに数えるには --count agreements"
    are = "is" if listings == 1 else "are"
    en = (
        f"The {_counted(listings, 'listing')} {are} {_counted(agreements, 'agreement')}; "
        "--count agreements counts each once."
    )
    return [*lines, _t(lang, ja, en)]


def _agreements_in_total(table: CountTable, ds: Dataset) -> int:
    """How many agreements the total of ``table``, computed on ``ds``, counts: every one, but
    in Table 2 (``by_country``) only the one-to-one ones. The number the table counted by
    agreements has in its total, without counting it again."""
    if table.rows_by == "country":
        return sum(not agreement.is_multilateral for agreement in ds)
    return len(ds)


def _counted(number: int, noun: str) -> str:
    """ "1 listing", "2 listings": an English count of a regular noun."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _packed(items: list[str], width: int) -> list[str]:
    """``items`` one space apart in lines of ``width`` cells, a line breaking only between
    two items (an item wider than a line is a line of its own)."""
    lines: list[str] = []
    for item in items:
        if lines and display_width(f"{lines[-1]} {item}") <= width:
            lines[-1] += f" {item}"
        else:
            lines.append(item)
    return lines


def _compare(table: CountTable, args: argparse.Namespace) -> str:
    """The cells where the computed table differs from the report's printed one: by key
    in JSON and CSV, by label under a heading in text and Markdown.

    Raises:
        UsageError: for a table with no printed counterpart, or one computed on a subset
            or counting agreements.
    """
    from sister_agreements import published

    printed = {"field": published.FIELD_TABLE, "country": published.COUNTRY_TABLE}.get(args.table)
    if printed is None:
        raise UsageError("--compare works with --table field or --table country")
    try:
        differences = table.diff(printed)
    except sa.IncomparableTablesError as error:
        raise UsageError(f"--compare: {error}") from None
    header = ["row", "column", "computed", "printed"]
    rows = [[d.row, d.column, str(d.ours or ""), str(d.theirs or "")] for d in differences]
    if args.format == "json":
        return _json([dict(zip(header, row, strict=True)) for row in rows])
    if args.format == "csv":
        return _table([header, *rows], "csv")
    lang = args.lang
    rows_named = {label.key: label for label in (*printed.rows, *table.rows)}
    columns_named = {label.key: label for label in table.columns}
    header = [
        _t(lang, "行", "Row"),
        _t(lang, "列", "Column"),
        _t(lang, "算出", "Computed"),
        _t(lang, "報告書", "Printed"),
    ]
    rows = [
        [
            _t(lang, rows_named[row].ja, rows_named[row].en),
            _t(lang, columns_named[column].ja, columns_named[column].en),
            *counts,
        ]
        for row, column, *counts in rows
    ]
    heading = _t(
        lang,
        f"{table.title_ja}：報告書に印刷された表と異なるセル（{len(rows)}）",
        f"{table.title_en}: the {len(rows)} cells that differ from the report's printed table",
    )
    if args.format == "markdown":
        return f"## {heading}\n\n" + _table([header, *rows], "markdown")
    text = _table([header, *rows], "text", _width(args))
    return "\n".join([*_wrapped([heading], _prose_width(args)), "", text])


def cmd_list(ds: Dataset, args: argparse.Namespace) -> str:
    return _agreements(_filtered(ds, args), args)


#: What a search in English can find, said when one finds nothing.
NOTHING_IN_ENGLISH = (
    "nothing matches. In English the dataset has the titles (the project's translations), "
    "the English names of the parties, regions and countries, and the fields; the sheets' "
    "texts (background, activities, outcomes) exist only in Japanese: search them with "
    "Japanese words (マラソン, 環境)."
)


def cmd_search(ds: Dataset, args: argparse.Namespace) -> str:
    """The agreements found; where none is and the words are Latin text, a note on standard
    error says what English text there is to search."""
    subset = _filtered(ds, args)
    text = " ".join(args.text)
    found = _checked(lambda: subset.search(text))
    if not found and text.isascii():
        print(f"{PROG}: {NOTHING_IN_ENGLISH}", file=sys.stderr)
    return _agreements(found, args)


def _tie(tie: Tie, agreement: Agreement, lang: str) -> str:
    """A tie as ``show`` prints it: its kind, year and pair (a side left open is "*"), and
    the sheet's words."""
    kind = tie.kind.label_ja if lang == "ja" else tie.kind.label_en
    if not tie.evidence:  # nothing stated: no pair, no words
        return kind
    year = "" if tie.year is None else (f"（{tie.year}年）" if lang == "ja" else f" ({tie.year})")
    names = {p.name: p.name if lang == "ja" else p.name_en for p in agreement.japanese_parties}
    names |= {p.name: p.name if lang == "ja" else p.name_en for p in agreement.foreign_parties}
    pair = [tie.japanese_party, tie.foreign_party]
    between = "" if pair == [None, None] else " – ".join(names[p] if p else "*" for p in pair)
    if lang == "ja":
        return (
            f"{kind}{year}"
            + (f"：{between}" if between else "")
            + (f"「{tie.evidence}」" if tie.evidence else "")
        )
    return (
        f"{kind}{year}"
        + (f", {between}" if between else "")
        + (f": “{tie.evidence}”" if tie.evidence else "")
    )


def cmd_show(ds: Dataset, args: argparse.Namespace) -> str:
    """One agreement, item by item; in text, each item's lines wrapped to the width."""
    a = ds[args.id]
    if args.format == "json":
        from sister_agreements._codec import converter

        return _json(converter.unstructure(a))
    lang = args.lang
    sections = [
        (("ID", "ID"), [a.id]),
        (
            ("名称", "Title"),
            [_title(a, lang)] + (["as printed: " + a.title] if lang == "en" else []),
        ),
        (("掲載", "Listings"), [_listing(listing, lang) for listing in a.listings]),
        (("日本側", "Japanese parties"), _japanese(a, ds, lang)),
        (("海外側", "Foreign parties"), _foreign(a, ds, lang)),
        (("提携年月日", "Dates"), _dates(a, lang)),
        (("既存の関係", "Standing ties"), [_tie(tie, a, lang) for tie in a.ties]),
        (("提携に至った経緯", "Background"), a.background.split("\n") if a.background else []),
        (("提携後の取組内容", "Activities"), a.activities.split("\n") if a.activities else []),
        (("取組による成果・課題等", "Outcomes"), a.outcomes.split("\n") if a.outcomes else []),
        (("URL", "URLs"), [f"{link.url} {link.label or ''}".strip() for link in a.urls]),
        (("問い合わせ先", "Contacts"), [_contact(c) for c in a.contacts]),
        (("正誤", "Errata"), _errata_lines(a, ds, lang)),
    ]
    width = _width(args)
    lines = []
    for (ja, en), values in sections:
        if values:
            lines.append(f"{_t(lang, ja, en)}:")
            lines += _wrapped(values, width, "  ")
    return "\n".join(lines) + "\n"


def _listing(listing: Listing, lang: str) -> str:
    """ "2-11 ②文化交流 p.51 【再掲】", or "2-11 ② Cultural exchange p.51 (re-listed)"."""
    field = _t(lang, listing.field.label_ja, " " + listing.field.label_en)
    relisted = _t(lang, " 【再掲】", " (re-listed)") if listing.relisted else ""
    return f"{listing.key} {listing.field.symbol}{field} p.{listing.page}{relisted}"


def _japanese(agreement: Agreement, ds: Dataset, lang: str) -> list[str]:
    """ "青森県青森市（022012）", or "Aomori City, Aomori (022012)" (the prefecture after a
    municipality); "-" for a body that has no local government code."""
    if lang == "ja":
        return [f"{p.name}（{p.lg_code or '-'}）" for p in agreement.japanese_parties]
    prefectures = {prefecture.name_ja: prefecture for prefecture in ds.whole.prefectures}
    return [
        f"{p.name_en}"
        + (f", {prefectures[p.prefecture].short_name_en}" if p.municipality else "")
        + f" ({p.lg_code or '-'})"
        for p in agreement.japanese_parties
    ]


def _foreign(agreement: Agreement, ds: Dataset, lang: str) -> list[str]:
    """ "大連市（中国、CN-LN）", or "Dalian (China, CN-LN)": the country, and the ISO 3166-2
    code of the region where it has one."""
    countries = {country.code: country for country in ds.whole.countries}
    lines = []
    for p in agreement.foreign_parties:
        country = countries[p.country]
        where = [_t(lang, country.short_name_ja, country.name_en), *filter(None, [p.region_code])]
        if lang == "ja":
            lines.append(f"{p.name}（{'、'.join(where)}）")
        else:
            lines.append(f"{p.name_en} ({', '.join(where)})")
    return lines


def _dates(agreement: Agreement, lang: str) -> list[str]:
    """Each date in ISO form with its label (as printed), then the date text as printed."""
    dates = [f"{e.date}" + (f" ({e.label})" if e.label else "") for e in agreement.dates]
    if agreement.date_text:
        dates.append(_t(lang, "記載：", "as printed: ") + agreement.date_text)
    return dates


def _contact(contact: Contact) -> str:
    return " / ".join(x for x in (contact.department, contact.phone, contact.email) if x)


def _errata_lines(agreement: Agreement, ds: Dataset, lang: str) -> list[str]:
    """ "E004 1-10 索引の当事者名: printed → dataset" for each erratum of the agreement."""
    keys = {listing.key for listing in agreement.listings}
    return [
        f"{e.id} {e.listing} {_t(lang, *ERRATUM_KINDS[e.kind])}: {e.printed} → {e.dataset}"
        for e in ds.whole.errata
        if e.listing in keys
    ]


#: The formats ``export`` writes to a file or directory only (``-o``), and their writers.
FILE_FORMATS: Mapping[str, Callable[[Dataset, argparse.Namespace], object]] = MappingProxyType(
    {
        "datapackage": lambda ds, args: sa.export.to_datapackage(ds, args.output),
        "sqlite": lambda ds, args: sa.export.to_sqlite(ds, args.output),
        "parquet": lambda ds, args: sa.export.to_parquet(ds, args.output),
        "xlsx": lambda ds, args: sa.export.to_xlsx(ds, args.output),
        "graphml": lambda ds, args: sa.export.write_graphml(ds, args.output, args.graph),
        "gexf": lambda ds, args: sa.export.write_gexf(ds, args.output, args.graph),
    }
)


def cmd_export(ds: Dataset, args: argparse.Namespace) -> str | bytes | None:
    if args.graph and args.format not in ("graphml", "gexf"):
        raise UsageError("--graph applies to --format graphml and gexf only")
    if args.format == "csv":
        return _export_csv(_filtered(ds, args), args)
    if args.format in FILE_FORMATS:
        _export_file(_filtered(ds, args), args)
        return None
    if args.encoding not in (None, "utf-8"):
        raise UsageError(f"--encoding {args.encoding}: JSON is always UTF-8")
    for option, given in (("--errors", args.errors), ("--keep-formulas", args.keep_formulas)):
        if given:
            raise UsageError(f"{option} applies to --format csv only")
    subset = _filtered(ds, args)
    if args.format == "json":
        text = sa.export.json_text(subset)
    elif args.format == "geojson":
        text = sa.export.geojson_text(subset)
    else:
        records = sa.export.to_records(subset, args.level)
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if not args.output:
        return text
    from sister_agreements import _atomic

    _to_file(args.output, lambda: _atomic.write_text(args.output, text, "utf-8"))
    return None


def _export_file(ds: Dataset, args: argparse.Namespace) -> None:
    """Write one of ``FILE_FORMATS`` to ``-o`` (a file, or a directory for datapackage and
    parquet); the options of CSV do not apply."""
    if not args.output:
        raise UsageError(f"--format {args.format} writes a file: give -o PATH")
    given = (("--encoding", args.encoding), ("--errors", args.errors))
    for option, value in (*given, ("--keep-formulas", args.keep_formulas)):
        if value:
            raise UsageError(f"{option} applies to --format csv only")
    args.graph = args.graph or "bipartite"
    _to_file(args.output, lambda: FILE_FORMATS[args.format](ds, args))


def _export_csv(ds: Dataset, args: argparse.Namespace) -> bytes | None:
    """Write the CSV to ``-o`` (utf-8-sig by default), or return it as bytes in
    ``--encoding`` (utf-8 by default) for standard output; with ``--errors replace``, say
    on standard error how many characters were replaced."""
    encoding = args.encoding or ("utf-8-sig" if args.output else "utf-8")
    options: dict[str, Any] = {
        "level": args.level,
        "encoding": encoding,
        "errors": args.errors or "strict",
        "formulas": "keep" if args.keep_formulas else "neutralise",
    }
    output = None
    if args.output:
        replaced = _to_file(args.output, lambda: sa.export.to_csv(ds, args.output, **options))
    else:
        text = io.StringIO()
        replaced = sa.export.to_csv(ds, text, **options)
        output = text.getvalue().encode(encoding)
    if args.errors == "replace":
        _say(f"{replaced} characters replaced by stand-ins for {encoding}")
    return output


def _to_file(path: str, write: Callable[[], T]) -> T:
    """``write()``, with an OSError naming ``path`` as a message can show it."""
    try:
        return write()
    except OSError as error:
        from sister_agreements import _atomic

        raise OSError(error.errno, error.strerror, _atomic.shown(path)) from None


def _output(value: str) -> str:
    if not value:
        raise argparse.ArgumentTypeError("an empty path")
    return value


def cmd_errata(ds: Dataset, args: argparse.Namespace) -> str:
    """The errata register; kinds and items by key in CSV, by label in text and Markdown."""
    if args.listing:
        ds[args.listing]  # an unknown key is an error naming the closest
    chosen = [e for e in ds.errata if not args.listing or e.listing == args.listing]
    if args.format == "json":
        from sister_agreements._codec import converter

        return _json([converter.unstructure(e) for e in chosen])
    rows = errata_rows(chosen, args.lang, keys=args.format == "csv", with_evidence=args.evidence)
    return _table(rows, args.format, _width(args))


def cmd_report(ds: Dataset, args: argparse.Namespace) -> None:
    """Write the report of the filtered agreements: HTML to a path ending in .html, else
    Markdown (to a .md file, or report.md in a directory) with its images beside it.

    Raises:
        MissingExtraError: without the ``plot`` extra.
    """
    subset = _filtered(ds, args)
    try:
        from sister_agreements import report

        subject = report.describe(args.lang, **_query(args))
        built = report.build(subset, title=args.title, lang=args.lang, subject=subject)
    except ImportError as error:
        raise MissingExtraError(str(error)) from None
    if args.output.lower().endswith(".html"):
        _to_file(args.output, lambda: built.to_html(args.output))
    else:
        _to_file(args.output, lambda: built.to_markdown(args.output))


def cmd_fields(ds: Dataset, args: argparse.Namespace) -> str:
    counts = {field: 0 for field in Field}
    for listing in ds.listings:
        counts[listing.field] += 1
    if args.format == "json":
        return _json(
            [
                {
                    "number": f.number,
                    "symbol": f.symbol,
                    "label_ja": f.label_ja,
                    "label_en": f.label_en,
                    "description_ja": f.description_ja,
                    "description_en": f.description_en,
                    "economic": f.is_economic,
                    "listings": counts[f],
                }
                for f in Field
            ]
        )
    header = [
        "",
        _t(args.lang, "分野", "Field"),
        _t(args.lang, "掲載数", "Listings"),
        _t(args.lang, "内容", "Covers"),
    ]
    rows = [header] + [
        [
            f.symbol,
            f.label_ja if args.lang == "ja" else f.label_en,
            str(counts[f]),
            f.description_ja if args.lang == "ja" else f.description_en,
        ]
        for f in Field
    ]
    return _table(rows, args.format, _width(args))


def cmd_cite(ds: Dataset, args: argparse.Namespace) -> str:
    return sa.citation.cite(args.style, what=args.what) + "\n"


# --- the parser -----------------------------------------------------------------


def _add_filters(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters (repeat an option for OR)")
    group.add_argument("--field", action="append", help="1-9, ①, 教育, education")
    group.add_argument("--country", action="append", help="CN, 中国, China")
    group.add_argument("--prefecture", action="append", help="22, 静岡, Shizuoka")
    group.add_argument("--party", action="append", help="a party's name, Japanese or English")
    group.add_argument(
        "--kind", action="append", help="town, designated_city, region, organisation …"
    )
    group.add_argument(
        "--tie", action="append", help="sister_city, friendship_city, none, 姉妹都市 …"
    )
    group.add_argument(
        "--signed-from",
        metavar="DATE",
        type=_date_bound,
        help="a year or an ISO date (2004, 2004-12)",
    )
    group.add_argument(
        "--signed-to", metavar="DATE", type=_date_bound, help="a year or an ISO date, inclusive"
    )
    shape = group.add_mutually_exclusive_group()
    shape.add_argument("--multilateral", action="store_true", default=None)
    shape.add_argument("--one-to-one", dest="multilateral", action="store_false")


def build_parser(arguments: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser of ``sister-agreements``: with every command, or, given the
    arguments, with only the command they name where that is plain (see ``_command_named``).

    Either parses ``arguments`` alike (the same values, errors and --help texts): the one
    command's parser is the cheaper, as each parser and argument costs time at every start.
    """
    return _parsers(None if arguments is None else _command_named(arguments))[0]


def help_texts() -> dict[str, str]:
    """The --help text of the program and of each command, for the reference docs."""
    parser, commands = _parsers()
    return {PROG: parser.format_help()} | {
        f"{PROG} {name}": sub.format_help() for name, sub in commands.items()
    }


def _parsers(
    only: str | None = None,
) -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The program's parser and its commands' parsers by name: every command's, or only the
    one named ``only``."""
    parser = _Parser(
        prog=PROG,
        description="CLAIR's 2012 survey of specific-field agreements between Japanese and "
        "foreign local governments.",
    )
    parser.add_argument(
        "--lang", choices=("ja", "en"), default="ja", help="output language (default ja)"
    )
    parser.add_argument("--version", action=_Version, help="show program's version number and exit")
    parser.add_argument(
        "--debug", action="store_true", help="show the traceback of an internal error"
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name, (about, add_arguments) in _COMMANDS.items():
        if only in (None, name):
            sub = commands.add_parser(name, help=about, description=about)
            # --lang and --debug are accepted before or after the command; given after it,
            # they must not reset a value given before it, so the commands' copies have no
            # default.
            sub.add_argument(
                "--lang",
                choices=("ja", "en"),
                default=argparse.SUPPRESS,
                help="output language (default ja)",
            )
            sub.add_argument(
                "--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
            )
            add_arguments(sub)
    return parser, dict(commands.choices)


def _command_named(arguments: Sequence[str]) -> str | None:
    """The command ``arguments`` name, where it is plain: the first argument that is
    neither ``--lang`` (``--lang X``, ``--lang=X``, or abbreviated as argparse allows:
    ``--la X``), nor its value, nor ``--debug`` (``--deb``).

    None where something else comes first (``--help``, ``--version``, a mistyped command,
    a value of ``--lang`` that starts with "-") or nothing does: the parser of every
    command says what is wrong then, or lists the commands.
    """
    rest = iter(arguments)
    for argument in rest:
        if argument in _COMMANDS:
            return argument
        option, equals, _ = argument.partition("=")
        if len(option) > 2 and "--lang".startswith(option):
            if not equals and next(rest, "-").startswith("-"):
                return None
        elif not (len(argument) > 2 and "--debug".startswith(argument)):
            return None
    return None


def _format(
    sub: argparse.ArgumentParser,
    formats: Sequence[str] = FORMATS,
    wide: str = "text: full lines, not cut or wrapped to the terminal's width (COLUMNS)",
) -> None:
    """``--format`` (one of ``formats``, the first by default) and, where one of them is
    text, ``--wide``."""
    sub.add_argument("--format", choices=formats, default=formats[0])
    if "text" in formats:
        sub.add_argument("--wide", action="store_true", help=wide)


def _summary_arguments(sub: argparse.ArgumentParser) -> None:
    _format(
        sub,
        wide="text: head the columns by the fields' full names (up to 280 columns wide) "
        "instead of ①-⑨ (80 columns)",
    )
    sub.add_argument(
        "--table", choices=("field", "country", "prefecture", "year", "tie"), default="field"
    )
    sub.add_argument(
        "--top", type=_positive, default=10, help="ranks shown in --table country (1 or more)"
    )
    sub.add_argument(
        "--count",
        choices=sa.summary.COUNTS,
        default="listings",
        help="count listings, as the report does (default), or each agreement once",
    )
    sub.add_argument(
        "--compare",
        action="store_true",
        help="show the differences from the printed table (whole report, by listings)",
    )
    _add_filters(sub)
    sub.set_defaults(run=cmd_summary)


def _list_arguments(sub: argparse.ArgumentParser) -> None:
    _format(sub)
    sub.add_argument(
        "--brief",
        action="store_true",
        help="with --format csv: only the columns of the text listing",
    )
    _add_filters(sub)
    sub.set_defaults(run=cmd_list)


def _search_arguments(sub: argparse.ArgumentParser) -> None:
    _format(sub)
    sub.add_argument("text", nargs="+")
    sub.add_argument("--brief", action="store_true", help=argparse.SUPPRESS)
    _add_filters(sub)
    sub.set_defaults(run=cmd_search)


def _show_arguments(sub: argparse.ArgumentParser) -> None:
    _format(sub, formats=("text", "json"))
    sub.add_argument("id", help="an agreement id or any listing key, e.g. 1-01")
    sub.set_defaults(run=cmd_show)


def _export_arguments(sub: argparse.ArgumentParser) -> None:
    _format(sub, formats=("csv", "json", "jsonl", "geojson", *FILE_FORMATS))
    sub.add_argument(
        "--level",
        choices=sa.export.LEVELS,
        default="agreement",
        help="csv, json lines: one row per agreement (default), listing, party or erratum",
    )
    sub.add_argument(
        "--graph",
        choices=("bipartite", "parties"),
        help="graphml, gexf: Japanese-foreign pairs (bipartite, the default) or any two "
        "parties of an agreement (parties)",
    )
    sub.add_argument(
        "--encoding",
        choices=("utf-8-sig", "utf-8", "cp932"),
        help="CSV: utf-8-sig (Excel; the default with -o), utf-8 (the default on standard "
        "output) or cp932 (older Japanese software); JSON is always UTF-8",
    )
    sub.add_argument(
        "--errors",
        choices=("strict", "replace"),
        help="CSV: a character the encoding cannot write is an error (strict, the default) "
        "or is replaced by a stand-in (é → e, 〓 for the rest), counted on standard error",
    )
    sub.add_argument(
        "--keep-formulas",
        action="store_true",
        help="CSV: keep text cells that start with = + - @ as they are (by default they get "
        "a leading ' so that a spreadsheet does not run them as formulas)",
    )
    sub.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        type=_output,
        help="write to PATH (replaced whole, or left as it was) instead of standard output; "
        "a directory for datapackage and parquet",
    )
    _add_filters(sub)
    sub.set_defaults(run=cmd_export)


def _errata_arguments(sub: argparse.ArgumentParser) -> None:
    _format(sub)
    sub.add_argument("--listing", metavar="KEY", help="only the errata of one listing")
    sub.add_argument("--evidence", action="store_true", help="include the evidence")
    sub.set_defaults(run=cmd_errata)


def _report_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        type=_output,
        required=True,
        help="PATH.html: one self-contained HTML file; PATH.md or a directory: Markdown "
        "(report.md in the directory) with an images folder beside it",
    )
    sub.add_argument("--title", help="the report's title (default: from the filters)")
    _add_filters(sub)
    sub.set_defaults(run=cmd_report)


def _fields_arguments(sub: argparse.ArgumentParser) -> None:
    _format(sub)
    sub.set_defaults(run=cmd_fields)


def _cite_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--style",
        choices=sa.citation.STYLES,
        default="apa",
        help="APA 7th edition (default) or BibTeX",
    )
    sub.add_argument(
        "--what",
        choices=sa.citation.WHATS,
        default="package",
        help="the package (default), CLAIR's report, or both",
    )
    sub.set_defaults(run=cmd_cite)


#: The commands, in the order --help lists them: what each does (its help and
#: description), and what adds its arguments and ``run``, the function that runs it.
_COMMANDS: Mapping[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = MappingProxyType(
    {
        "summary": ("the report's tables, computed from the sheets", _summary_arguments),
        "list": ("list agreements, filtered", _list_arguments),
        "search": ("agreements whose texts or names contain every word", _search_arguments),
        "show": ("one agreement in full", _show_arguments),
        "export": (
            "write agreements, listings or parties; or the tables, or a graph of the parties",
            _export_arguments,
        ),
        "errata": (
            "where the report contradicts itself, and what the data holds",
            _errata_arguments,
        ),
        "report": (
            "write a report of the filtered agreements: tables, charts, errata, citation",
            _report_arguments,
        ),
        "fields": ("the nine fields of the taxonomy", _fields_arguments),
        "cite": ("how to cite the package and CLAIR's report, its source", _cite_arguments),
    }
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Args:
        argv: the arguments after the program's name. None, as the program itself runs,
            reads ``sys.argv`` and also looks after the process as it ends (below).

    Returns:
        0 on success, also when the reader of a pipe stops early (``| head``); 2 for bad
        usage (an option, a malformed or out-of-range value); 1 for a value that names
        nothing, a file or standard output that cannot be written (closed, disk full) or a
        broken data file; 70 for a bug in this program (``--debug`` shows the traceback);
        130 when interrupted (SIGINT, Ctrl-C).

    Each failure is one line on standard error (none if standard error is closed or
    fails), with what cannot be printed escaped (an undecodable byte of a path as ``\\xff``).
    From its first line ``main`` handles SIGINT: the first one stops the command (which
    unwinds, so its clean-ups run) and the rest are ignored. A standard stream that failed
    is pointed at ``os.devnull``, so that the interpreter's flush at exit cannot fail
    again (the Python docs' "Note on SIGPIPE"); run as the program, interrupted output
    is dropped the same way, and SIGINT stays ignored after ``main`` returns so that a
    late Ctrl-C cannot raise while the interpreter exits. Called with ``argv``, ``main``
    gives the caller's SIGINT handler back. Importing the package installs no handler.
    """
    program = argv is None
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.getsignal(signal.SIGINT)
    try:
        if in_main_thread:
            signal.signal(signal.SIGINT, _interrupt)
        status = _run(list(sys.argv[1:] if argv is None else argv), program)
        if in_main_thread and program:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
    except KeyboardInterrupt:
        if in_main_thread:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        if program:
            _discard(sys.stdout)
        status = _fail(130, "interrupted")
    if in_main_thread and not program:  # None: a handler not set from Python
        signal.signal(signal.SIGINT, signal.default_int_handler if previous is None else previous)
    return status


def _interrupt(signum: int, frame: FrameType | None) -> NoReturn:
    """The SIGINT handler while a command runs: stop it once, ignore the rest."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise KeyboardInterrupt


def _run(arguments: list[str], program: bool) -> int:
    """Parse ``arguments``, run the command and write its output; the exit status.

    Run as the ``program``, the garbage collector is told (``gc.freeze``) to leave alone
    the modules, before parsing, and the dataset, once loaded: they live until the process
    exits, so scanning them in later collections, and taking their cycles apart at exit,
    only costs time (some 25 ms a run). A library caller's objects are not ours to freeze.
    """
    if program:
        gc.freeze()
    for stream, errors in ((sys.stdout, "strict"), (sys.stderr, "backslashreplace")):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors=errors)
    try:
        try:
            args = build_parser(arguments).parse_args(arguments)
        except _Done as done:
            return _write(done.text)
        ds = sa.load()
        if program:
            gc.freeze()
        output = args.run(ds, args)
        return _write(output) if output else 0
    except UsageError as error:
        return _fail(2, str(error))
    except (UnknownValueError, DatasetError, MissingExtraError) as error:
        return _fail(1, str(error))
    except UnicodeEncodeError as error:
        return _fail(1, error.reason)
    except ImportError as error:  # an optional extra not installed: the message says which
        return _fail(1, str(error))
    except OSError as error:
        where = f" {error.filename}" if error.filename is not None else ""
        return _fail(1, f"cannot write{where}: {error.strerror or error}")
    except Exception as error:
        if "--debug" in arguments:
            raise
        return _fail(
            70,
            f"internal error ({type(error).__name__}: {echo(str(error))}): this is a bug in "
            f"{PROG} {sa.__version__}; please report it with the command you ran "
            "(run it again with --debug for the traceback)",
        )


def _write(output: str | bytes) -> int:
    """Write a command's output (text, or bytes already encoded) to standard output; the
    exit status: 0 when written or when the reader of a pipe stopped early, 1 (with a
    message) when it cannot be."""
    stdout = sys.stdout
    if stdout is None or stdout.closed:
        return _fail(1, "cannot write standard output: it is closed")
    try:
        if isinstance(output, bytes):
            stdout.flush()
            stdout.buffer.write(output)
        else:
            stdout.write(output)
        stdout.flush()
    except BrokenPipeError:
        _discard(stdout)
        return 0
    except OSError as error:
        _discard(stdout)
        return _fail(1, f"cannot write standard output: {error.strerror or error}")
    return 0


def _fail(status: int, message: str) -> int:
    """Say ``message`` as an error; return ``status``."""
    _say(f"error: {message}")
    return status


def _say(message: str) -> None:
    """Write ``message`` as one line on standard error, after the program's name; nothing
    if standard error is closed or fails."""
    stderr = sys.stderr
    if stderr is None or stderr.closed:
        return
    try:
        stderr.write(f"{PROG}: {_printable(message)}\n")
        stderr.flush()
    except OSError:
        _discard(stderr)


def _printable(text: str) -> str:
    """``text`` as one printable line: an undecodable byte of a path (a surrogate escape)
    as ``\\xff``, other unprintable characters (line breaks, controls) as ``repr`` writes
    them."""
    return "".join(char if char.isprintable() else _escaped(char) for char in text)


def _escaped(char: str) -> str:
    if "\udc80" <= char <= "\udcff":
        return f"\\x{ord(char) - 0xDC00:02x}"
    return repr(char)[1:-1]


def _discard(stream: IO[str]) -> None:
    """Point ``stream``'s file descriptor at ``os.devnull``, so that what is left in its
    buffer goes nowhere when the interpreter flushes it at exit."""
    try:
        descriptor = stream.fileno()
        devnull = os.open(os.devnull, os.O_WRONLY)
    except (OSError, ValueError):  # no descriptor (a StringIO), closed, or no devnull
        return
    os.dup2(devnull, descriptor)
    os.close(devnull)
