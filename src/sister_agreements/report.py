"""Reports: a profile of a subset of the agreements, as Markdown with its images or as one
self-contained HTML file (needs the ``plot`` extra, for the charts).

``build(ds)`` takes whatever ``Dataset.filter`` gave (a prefecture, a municipality, a
country, a field, …) and returns a ``Report`` in one language: its counts by field and by
year (``summary.by_field`` and ``summary.by_year``, counted by agreement, the same numbers),
the charts of ``plot`` (by year, stacked by field; field × country where the subset has
more than one country; the top prefectures where it has more than one prefecture; the map
of the prefectures, ``plot.prefectures_map``), the
table of its agreements, the errata that touch it (``Dataset.errata``) and the citation
(``sa.cite``). Every heading and label comes from one table of Japanese and English words
(``WORDS``). A report counts nothing itself: it lays out the summary tables.

``Report.to_html`` writes one file that needs nothing else: the charts are inline SVG
(their text drawn as outlines), the style is inline, and so is a font: the characters of
the page in IPAex Gothic, the font ``plot`` draws with, as a WOFF subset (fontTools, which
matplotlib needs), so that Japanese reads also where the system has no Japanese font (the
IPA Font License v1.0 allows embedding in documents). There is no script, and the page's
Content-Security-Policy forbids fetching anything; the only URLs are the sources' links
(``SOURCE_LINKS``), shown as plain links. ``Report.to_markdown`` writes
the Markdown and an ``images`` folder of the charts' SVG files beside it. Both are the same,
byte for byte, on every run with the same versions of the package, its data and matplotlib:
no date, no random id (the charts' ids are ``plot.SVG_SALT``'s hashes, and each chart's ids
start with its own prefix, "sa-by-year-", so that the charts inline in one page never share
an id).
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from sister_agreements import _atomic, citation, plot, summary
from sister_agreements._labels import agreement_rows, errata_rows, t
from sister_agreements.dataset import Dataset, load
from sister_agreements.summary import Lang, _lang
from sister_agreements.taxonomy import Field, TieKind

if TYPE_CHECKING:
    from matplotlib.axes import Axes

#: Every heading and label of a report, in Japanese and English.
WORDS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "title": ("提携・協定の報告：{}", "Agreements report: {}"),
        "all": ("すべての提携・協定", "all agreements"),
        "selected": ("選ばれた{}件の提携・協定", "{} selected agreements"),
        "intro": (
            "{subject}：CLAIR「{title}」（{month}調査）の提携・協定{whole}件のうち{n}件。",
            "{subject}: {n} of the {whole} agreements of CLAIR's survey “{title}” ({month}).",
        ),
        "counted": (
            "表と図の数は提携・協定の件数（掲載された分野ごとに1件、合計に1件）。",
            "Tables and charts count agreements: once in each field listing them, once in Total.",
        ),
        "english": (
            "",
            "English titles are the project's translations; what the report prints only in"
            " Japanese (the printed values of the errata, the report's title) stays in"
            " Japanese.",
        ),
        "by_field": ("分野別", "By field"),
        "by_year": ("締結年別", "By year signed"),
        "charts": ("図", "Charts"),
        "map_credit": (
            "地図の形：japanmap 0.6.0（Apache License 2.0）。各都道府県の県庁所在地を含む部分。",
            "Map shapes: japanmap 0.6.0 (Apache License 2.0), the part of each prefecture that"
            " holds its capital.",
        ),
        "agreements": ("提携・協定の一覧", "The agreements"),
        "errata": ("正誤", "Errata"),
        "errata_intro": (
            "報告書の記載が矛盾する箇所と、データセットが採る値。",
            "Where the report contradicts itself, and what the dataset holds instead.",
        ),
        "no_errata": (
            "この提携・協定に関わる正誤はない。",
            "No erratum concerns these agreements.",
        ),
        "nothing": ("該当する提携・協定はない。", "No agreement matches."),
        "cite": ("引用", "How to cite"),
        "sources": ("出典", "Sources"),
        "or": ("・", " or "),
        "and": ("、", "; "),
        "signed_from": ("{}以降", "signed from {}"),
        "signed_to": ("{}まで", "signed to {}"),
        "multilateral": ("複数の自治体との提携", "multilateral"),
        "one_to_one": ("1対1の提携", "one-to-one"),
    }
)
#: The sources a report links to: the only URLs in a report. CLAIR, the report's publisher.
SOURCE_LINKS: tuple[str, ...] = ("https://www.clair.or.jp/",)
_PREFIX = "sa-"  # of every chart's id
_IDS = re.compile(r'(\bid="|\bhref="#|url\(#)([^")]+)')


def _word(key: str, lang: Lang) -> str:
    return t(lang, *WORDS[key])


@attrs.frozen
class Chart:
    """One chart of a report: ``key`` names its file (``images/by-year.svg``) and, after
    "sa-", its SVG element's id ("sa-by-year") and the start of every id inside it;
    ``caption`` says what it shows, in the report's language; ``svg`` is the SVG document."""

    key: str
    caption: str
    svg: str

    @property
    def element(self) -> str:
        """The ``<svg>`` element alone, for a page: the SVG without its XML prolog."""
        return self.svg[self.svg.index("<svg") :]


@attrs.frozen
class Section:
    """One section of a report: a heading, then paragraphs, a table (header row first;
    ``numbers``: every column but the first is a count), charts and preformatted text."""

    key: str
    heading: str
    text: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    numbers: bool = False
    charts: tuple[Chart, ...] = ()
    code: str = ""


@attrs.frozen
class Report:
    """A report in one language (``lang``): a title, an introduction, sections, and the
    sources linked (name and URL). Made by ``build``; written by ``to_markdown`` and
    ``to_html``, or given as text by ``markdown`` and ``html``. ``font`` is the page's
    font for ``html``, base64 WOFF ("": none)."""

    lang: Lang
    title: str
    intro: tuple[str, ...]
    sections: tuple[Section, ...]
    links: tuple[tuple[str, str], ...]
    font: str = ""

    @property
    def charts(self) -> tuple[Chart, ...]:
        """Every chart of the report, in order."""
        return tuple(chart for section in self.sections for chart in section.charts)

    def markdown(self) -> str:
        """The report as Markdown (tables as pipe tables, each chart an image
        ``images/KEY.svg``, the citation as a code block)."""
        lines = [f"# {self.title}", "", *_paragraphs(self.intro)]
        for section in self.sections:
            lines += [f"## {section.heading}", "", *_paragraphs(section.text)]
            if section.rows:
                rows = [list(row) for row in section.rows]
                lines += [_markdown_table(rows, section.numbers), ""]
            for chart in section.charts:
                lines += [f"![{chart.caption}](images/{chart.key}.svg)", ""]
            if section.code:
                lines += ["```text", section.code, "```", ""]
        lines += [f"## {_word('sources', self.lang)}", ""]
        lines += [f"- [{name}]({url})" for name, url in self.links]
        return "\n".join(lines) + "\n"

    def html(self) -> str:
        """The report as one HTML page that fetches nothing (see the module's description)."""
        e = html.escape
        parts = [
            "<!DOCTYPE html>",
            f'<html lang="{self.lang}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">',
            '<link rel="icon" href="data:,">',
            f"<title>{e(self.title)}</title>",
            f"<style>{self._font_face()}{_STYLE}</style>",
            "</head>",
            "<body>",
            "<main>",
            f"<h1>{e(self.title)}</h1>",
            *(f"<p>{e(text)}</p>" for text in self.intro),
        ]
        for section in self.sections:
            parts += [f'<section id="{section.key}">', f"<h2>{e(section.heading)}</h2>"]
            parts += [f"<p>{e(text)}</p>" for text in section.text]
            if section.rows:
                parts.append(_html_table(section.rows, section.numbers))
            for chart in section.charts:
                caption = f"<figcaption>{e(chart.caption)}</figcaption>"
                parts.append(f"<figure>{chart.element.strip()}{caption}</figure>")
            if section.code:
                parts.append(f"<pre>{e(section.code)}</pre>")
            parts.append("</section>")
        parts += [f'<section id="sources"><h2>{e(_word("sources", self.lang))}</h2><ul>']
        parts += [f'<li><a href="{e(url)}">{e(name)}</a> {e(url)}</li>' for name, url in self.links]
        parts += ["</ul></section>", "</main>", "</body>", "</html>"]
        return "\n".join(parts) + "\n"

    def _font_face(self) -> str:
        if not self.font:
            return ""
        return (
            "/* IPAex Gothic 004.01, a subset; IPA Font License Agreement v1.0 */"
            f'@font-face{{font-family:"{_FONT}";src:url(data:font/woff;base64,{self.font})}}'
        )

    def to_markdown(self, path: str | os.PathLike[str]) -> Path:
        """Write the Markdown and its charts, each file replaced whole or left as it was.

        Args:
            path: a directory (created if missing), to hold ``report.md``, or the path of
                a Markdown file ending in ``.md``; the charts go to an ``images`` folder
                beside the Markdown file (``images/by-year.svg``, …), replacing files of
                the same names.

        Returns:
            The path of the Markdown file written.

        Raises:
            OSError: if a file or folder cannot be written.
        """
        target = Path(path)
        if target.suffix.lower() != ".md":
            target = target / "report.md"
        images = target.parent / "images"
        images.mkdir(parents=True, exist_ok=True)
        for chart in self.charts:
            _atomic.write_text(images / f"{chart.key}.svg", chart.svg, "utf-8")
        _atomic.write_text(target, self.markdown(), "utf-8")
        return target

    def to_html(self, path: str | os.PathLike[str]) -> None:
        """Write ``html()`` to ``path`` in UTF-8, replacing the file whole.

        Raises:
            OSError: if the file cannot be written; the file that was there is unchanged.
        """
        _atomic.write_text(path, self.html(), "utf-8")


#: No fetching of anything: inline style and the ``data:`` icon only.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"
_FONT = "sa-ipaexg"
_STYLE = (
    f'body,pre{{font-family:"{_FONT}",system-ui,sans-serif}}'
    "body{margin:0;line-height:1.5;color:#222}"
    "main{max-width:72rem;margin:0 auto;padding:1rem}"
    "table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}"
    "th,td{border:1px solid #ccc;padding:.2rem .4rem;text-align:left;vertical-align:top}"
    "th{background:#f3f3f3}td.n,th.n{text-align:right}"
    "figure{margin:1rem 0}figure svg{max-width:100%;height:auto}"
    "figcaption{font-size:.9rem;color:#555}"
    "pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem}"
)


def _paragraphs(texts: Iterable[str]) -> list[str]:
    return [line for text in texts for line in (text, "")]


def _markdown_table(rows: list[list[str]], numbers: bool) -> str:
    from sister_agreements._render import markdown_table

    return markdown_table(rows, numbers=numbers).rstrip("\n")


def _html_table(rows: tuple[tuple[str, ...], ...], numbers: bool) -> str:
    def row(cells: tuple[str, ...], tag: str) -> str:
        return (
            "<tr>"
            + "".join(
                f'<{tag} class="n">{html.escape(c)}</{tag}>'
                if numbers and i
                else f"<{tag}>{html.escape(c)}</{tag}>"
                for i, c in enumerate(cells)
            )
            + "</tr>"
        )

    header, *body = rows
    lines = ["<table>", f"<thead>{row(header, 'th')}</thead>", "<tbody>"]
    return "\n".join([*lines, *(row(cells, "td") for cells in body), "</tbody>", "</table>"])


def describe(lang: Lang = "ja", **query: Any) -> str:
    """Words naming the agreements ``Dataset.filter(**query)`` selects, in ``lang``:
    ``describe("en", prefecture="静岡")`` is "Shizuoka Prefecture", ``describe("ja",
    country=["CN", "KR"], field=1)`` "中国・韓国、教育交流"; no query, "all agreements".

    Prefectures, countries, fields and kinds of tie are named in ``lang``; a party or a
    kind of party as given; dates as given after "signed from" or "signed to".

    Args:
        lang: "ja" or "en".
        query: what ``Dataset.filter`` takes; a value or an iterable of values (OR).

    Raises:
        LookupError: for a language other than "ja" or "en".
    """
    lang = _lang(lang)
    parts = []
    for name, value in query.items():
        values = [value] if isinstance(value, str | int | bool) else list(value)
        parts.append(_word("or", lang).join(_named(name, v, lang) for v in values))
    return _word("and", lang).join(parts) or _word("all", lang)


def _named(name: str, value: Any, lang: Lang) -> str:
    """One value of a filter in words."""
    index = load()._index
    if name == "multilateral":
        return _word("multilateral" if value else "one_to_one", lang)
    if name in ("signed_from", "signed_to"):
        return _word(name, lang).format(value)
    if name == "field":
        field = Field.parse(value)
        return t(lang, field.label_ja, field.label_en)
    if name == "tie":
        kind = TieKind.parse(value)
        return t(lang, kind.label_ja, kind.label_en)
    if name == "country":
        country = index.countries.get(value)
        return str(value) if country is None else t(lang, country.short_name_ja, country.name_en)
    if name == "prefecture":
        prefecture = index.prefectures.get(value)
        return str(value) if prefecture is None else t(lang, prefecture.name_ja, prefecture.name_en)
    return str(value)


def build(
    ds: Dataset, *, title: str | None = None, lang: Lang = "ja", subject: str | None = None
) -> Report:
    """The report of ``ds``, in ``lang``; the charts are drawn now.

    Args:
        ds: the agreements: ``load()`` or any subset of it (``filter``, ``search``).
        title: the report's title; by default "提携・協定の報告：SUBJECT" or
            "Agreements report: SUBJECT".
        lang: the language of every heading, label, title and evidence, "ja" or "en".
        subject: words naming the subset, in ``lang``, as ``describe`` gives them for a
            query; by default "all agreements" for the whole dataset, else "12 selected
            agreements".

    Raises:
        ImportError: if the ``plot`` extra is not installed; the message says how to
            install it.
        LookupError: for a language other than "ja" or "en".
    """
    lang = _lang(lang)
    plot.font_file()  # the install hint before any work
    if subject is None:
        whole = ds == ds.whole
        subject = _word("all", lang) if whole else _word("selected", lang).format(len(ds))
    source = ds.source
    intro = _word("intro", lang).format(
        subject=subject,
        title=t(lang, source.title_ja, source.title_en),
        month=source.survey_month,
        n=len(ds),
        whole=len(ds.whole),
    )
    sections = [
        _counts("by_field", summary.by_field(ds, "agreements"), lang),
        _counts("by_year", summary.by_year(ds, "agreements"), lang),
    ]
    charts = _charts(ds, lang)
    if charts:
        credit = (_word("map_credit", lang),)
        sections.append(Section("charts", _word("charts", lang), credit, charts=charts))
    agreements = tuple(map(tuple, agreement_rows(ds, lang)))
    sections.append(
        Section(
            "agreements",
            _word("agreements", lang),
            () if ds else (_word("nothing", lang),),
            agreements if ds else (),
        )
    )
    errata = tuple(map(tuple, errata_rows(ds.errata, lang)))
    text = _word("errata_intro" if ds.errata else "no_errata", lang)
    sections.append(Section("errata", _word("errata", lang), (text,), errata if ds.errata else ()))
    sections.append(Section("cite", _word("cite", lang), code=citation.cite(what="both")))
    built = Report(
        lang,
        title or _word("title", lang).format(subject),
        tuple(filter(None, (intro, _word("counted", lang), _word("english", lang)))),
        tuple(sections),
        ((t(lang, source.publisher_ja, source.publisher_en), SOURCE_LINKS[0]),),
    )
    return attrs.evolve(built, font=_font(re.sub(r"<svg.*?</svg>", "", built.html(), flags=re.S)))


def _font(text: str) -> str:
    """IPAex Gothic cut to the characters of ``text``, as base64 WOFF, the same bytes on
    every run (no timestamp recalculated)."""
    import base64
    import io

    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff"
    font = subset.load_font(plot.font_file(), options)
    font.recalcTimestamp = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(set(text))))
    subsetter.subset(font)
    out = io.BytesIO()
    subset.save_font(font, out, options)
    return base64.b64encode(out.getvalue()).decode("ascii")


def _counts(key: str, table: summary.CountTable, lang: Lang) -> Section:
    """A section of one summary table, under its title."""
    rows = tuple(map(tuple, table._grid(lang)))
    return Section(key, _word(key, lang), (t(lang, table.title_ja, table.title_en),), rows, True)


def _charts(ds: Dataset, lang: Lang) -> tuple[Chart, ...]:
    """The charts that say something about ``ds``, and the map of its prefectures: none for
    no agreement, field × country only for more than one country, the top prefectures only
    for more than one."""
    if not ds:
        return ()
    drawn: list[tuple[str, Callable[..., Axes]]] = [("by-year", plot.by_year)]
    if len(ds.countries) > 1:
        drawn.append(("field-by-country", plot.field_by_country))
    if len(ds.prefectures) > 1:
        drawn.append(("top-prefectures", plot.top_prefectures))
    drawn.append(("map", plot.prefectures_map))
    return tuple(_chart(key, draw(ds, lang=lang)) for key, draw in drawn)


def _chart(key: str, ax: Axes) -> Chart:
    """A chart of ``ax``: its SVG with every id prefixed "sa-KEY-" and the root's id
    "sa-KEY"; its caption is its title."""
    prefix = f"{_PREFIX}{key}"
    svg = _IDS.sub(lambda m: f"{m[1]}{prefix}-{m[2]}", plot.to_svg(ax))
    svg = svg.replace("<svg ", f'<svg id="{prefix}" role="img" ', 1)
    return Chart(key, ax.get_title(), svg)
