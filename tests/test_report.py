"""Reports: their numbers are the summary tables', they link only to their sources, they
read in one language, and they are the same bytes on every run.

The tests of what a report says run every day on reports built without their charts
(``no_charts``: the tables, the agreements and the errata do not depend on them); the
tests that draw (matplotlib) are in the slow tier.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest

import sister_agreements as sa
from sister_agreements import cli, plot, report, summary

slow = pytest.mark.slow
#: Kana and kanji (with the CJK punctuation and full-width forms): none in English text.
JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
HINT = "is not installed: pip install 'sister-agreements[plot]'"


class _Page(HTMLParser):
    """The tables (rows of cell texts), the src/href values and the ids of a page."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.links: list[str] = []
        self.ids: list[str] = []
        self._cell: list[str] | None = None
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href", "xlink:href") and value is not None:
                self.links.append(value)
            if name == "id" and value is not None:
                self.ids.append(value)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell))
            self._cell = None


def markdown_tables(text: str) -> list[list[list[str]]]:
    """The pipe tables of Markdown text, rows of cell texts, the rule row left out."""
    tables: list[list[list[str]]] = []
    previous = ""
    for line in text.split("\n"):
        if line.startswith("|") and not line.startswith("|---"):
            if not previous.startswith("|"):
                tables.append([])
            cells = re.split(r"(?<!\\) \| ", line[2:-2])
            tables[-1].append([cell.replace("\\|", "|") for cell in cells])
        previous = line
    return tables


def numbers(grid: list[list[str]]) -> tuple[list[str], list[list[int]]]:
    """A count table's row labels and counts ("" is 0), its header left out."""
    body = grid[1:]
    return [row[0] for row in body], [[int(c or 0) for c in row[1:]] for row in body]


def expected(table: summary.CountTable, lang: str) -> tuple[list[str], list[list[int]]]:
    labels = [row.ja if lang == "ja" else row.en for row in table.rows]
    return labels, [[cell.total for cell in cells] for cells in table.cells]


@pytest.fixture
def no_charts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reports built without drawing (and without needing the plot extra)."""
    monkeypatch.setattr(report, "_charts", lambda ds, lang: ())
    monkeypatch.setattr(report, "_font", lambda text: "")
    monkeypatch.setattr(plot, "font_file", lambda: "")


@pytest.fixture(scope="module")
def mpl() -> None:
    pytest.importorskip("matplotlib")
    if importlib.util.find_spec("matplotlib_fontja") is None:  # never imported: it would
        pytest.skip("matplotlib-fontja is not installed")  # change matplotlib's settings


def shizuoka(ds: sa.Dataset, lang: Any) -> report.Report:
    subject = report.describe(lang, prefecture="静岡")
    return report.build(ds.filter(prefecture="静岡"), lang=lang, subject=subject)


# --- what a report says ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(
    "query", [{}, {"prefecture": "静岡"}, {"country": "KR"}, {"field": 4}, {"party": "福岡市"}]
)
def test_the_reports_numbers_are_the_summary_tables(
    ds: sa.Dataset, no_charts: None, lang: Any, query: dict[str, Any]
) -> None:
    subset = ds.filter(**query)
    built = report.build(subset, lang=lang)
    tables = [summary.by_field(subset, "agreements"), summary.by_year(subset, "agreements")]
    for found in (_Page(built.html()).tables, markdown_tables(built.markdown())):
        assert [numbers(grid) for grid in found[:2]] == [expected(t, lang) for t in tables]
        assert [row[0] for row in found[2][1:]] == [a.id for a in subset]
        errata = [row[0] for table in found[3:] for row in table[1:]]
        assert errata == [e.id for e in subset.errata]


def test_the_shizuoka_report_in_english(ds: sa.Dataset, no_charts: None) -> None:
    built = shizuoka(ds, "en")
    assert built.title == "Agreements report: Shizuoka Prefecture"
    assert built.intro[0] == (
        "Shizuoka Prefecture: 12 of the 149 agreements of CLAIR's survey “Survey of "
        "partnerships and agreements in specific fields” (2012-08)."
    )
    assert [s.heading for s in built.sections] == [
        "By field", "By year signed", "The agreements", "Errata", "How to cite"
    ]  # fmt: skip
    agreements = built.sections[2].rows
    assert agreements[0] == ("ID", "Signed", "Fields", "Japanese parties", "Foreign parties",
                             "Title")  # fmt: skip
    assert agreements[3] == (
        "1-25", "2009-09-03", "①", "Shizuoka Prefecture",
        "Taipei County, Kaohsiung County, Kaohsiung City, Chiayi City",
        "Agreement on the Promotion of Mutual Youth Exchange",
    )  # fmt: skip
    (erratum,) = ds.filter(prefecture="静岡").errata
    assert built.sections[3].rows[1] == (
        erratum.id, erratum.listing, "Party names in the index", "parties", erratum.printed,
        erratum.dataset, erratum.evidence,
    )  # fmt: skip
    assert built.sections[4].code == sa.cite(what="both")
    assert built.links == (
        ("Council of Local Authorities for International Relations (CLAIR)",
         "https://www.clair.or.jp/"),
    )  # fmt: skip


def test_the_english_report_has_japanese_only_where_the_value_exists_only_in_japanese(
    ds: sa.Dataset, no_charts: None, report_text: str
) -> None:
    """Japanese only in the values that exist only in Japanese: the report's title and
    publisher (in the citation), what the errata say was printed and what the dataset
    holds, and the report's words the English evidence quotes."""
    built = shizuoka(ds, "en")
    japanese_only = [ds.source.publisher_ja, ds.source.title_ja]
    errata = ds.filter(prefecture="静岡").errata
    japanese_only += [value for e in errata for value in (e.printed, e.dataset)]
    for text in (built.html(), built.markdown()):
        assert JAPANESE.search(text)  # before the values that exist only in Japanese go
        for value in japanese_only:
            text = text.replace(value, "")
        quoted = re.findall(f"{JAPANESE.pattern}+", text)
        assert quoted == ["台湾台彰化縣", "台", "台湾彰化縣、台東縣、台中市"]  # E007
        assert all(words in report_text for words in quoted)


def test_the_shizuoka_report_in_japanese(ds: sa.Dataset, no_charts: None) -> None:
    built = shizuoka(ds, "ja")
    assert built.title == "提携・協定の報告：静岡県"
    headings = ["分野別", "締結年別", "提携・協定の一覧", "正誤", "引用"]
    assert [s.heading for s in built.sections] == headings
    assert built.sections[2].rows[3][3:] == (
        "静岡県", "台北縣、高雄縣、高雄市、嘉義市", ds["1-25"].title
    )  # fmt: skip
    (erratum,) = ds.filter(prefecture="静岡").errata
    assert built.sections[3].rows[1][2:4] == ("索引の当事者名", "自治体名")
    assert built.sections[3].rows[1][-1] == erratum.evidence_ja
    assert built.links[0][0] == "財団法人自治体国際化協会"


def test_the_html_links_only_to_its_sources_and_fetches_nothing(
    ds: sa.Dataset, no_charts: None
) -> None:
    page = shizuoka(ds, "en").html()
    assert _Page(page).links == ["data:,", "https://www.clair.or.jp/"]
    assert "<script" not in page
    policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"
    assert f'<meta http-equiv="Content-Security-Policy" content="{policy}">' in page


def test_text_is_escaped(ds: sa.Dataset, no_charts: None) -> None:
    built = report.build(ds[:1], lang="en", title="<b>&</b> | x")
    assert "<title>&lt;b&gt;&amp;&lt;/b&gt; | x</title>" in built.html()
    assert built.markdown().startswith("# <b>&</b> | x\n")


def test_an_empty_subset(ds: sa.Dataset, no_charts: None) -> None:
    built = report.build(ds.filter(country="KR", field=4), lang="en")
    assert built.intro[0].startswith("0 selected agreements: 0 of the 149 agreements")
    assert built.sections[2].text == ("No agreement matches.",)
    assert built.sections[2].rows == ()
    assert built.sections[3].text == ("No erratum concerns these agreements.",)


def test_describe() -> None:
    assert report.describe("en", prefecture="静岡") == "Shizuoka Prefecture"
    assert report.describe("ja", country=["CN", "KR"], field=1) == "中国・韓国、教育交流"
    assert report.describe("en", country=["CN", "KR"], field=1) == (
        "China or South Korea; Educational exchange"
    )
    assert report.describe("en") == "all agreements"
    assert report.describe("ja", multilateral=False, signed_from=2000, tie="sister") == (
        "1対1の提携、2000以降、姉妹都市"
    )
    with pytest.raises(LookupError, match="unknown language 'fr'"):
        report.describe("fr")  # type: ignore[arg-type]


@pytest.mark.parametrize("missing", ["matplotlib", "matplotlib_fontja"])
def test_without_the_extra_the_error_says_how_to_install(
    ds: sa.Dataset,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    missing: str,
) -> None:
    monkeypatch.setitem(sys.modules, missing, None)  # what an uninstalled module looks like
    with pytest.raises(ImportError, match=re.escape(HINT)):
        report.build(ds)
    assert cli.main(["report", "--prefecture", "静岡", "-o", str(tmp_path / "r.html")]) == 1
    assert capsys.readouterr().err.endswith(f"{HINT}\n")
    assert list(tmp_path.iterdir()) == []


# --- with the charts (slow) -----------------------------------------------------------


@slow
def test_the_same_bytes_on_every_run(ds: sa.Dataset, mpl: None, tmp_path: Path) -> None:
    first, second = shizuoka(ds, "en"), shizuoka(ds, "en")
    first.to_html(tmp_path / "1.html")
    second.to_html(tmp_path / "2.html")
    assert (tmp_path / "1.html").read_bytes() == (tmp_path / "2.html").read_bytes()
    assert first.to_markdown(tmp_path / "a") == tmp_path / "a" / "report.md"
    assert second.to_markdown(tmp_path / "b" / "shizuoka.md") == tmp_path / "b" / "shizuoka.md"
    assert (tmp_path / "a" / "report.md").read_bytes() == (tmp_path / "b/shizuoka.md").read_bytes()
    for name in ("by-year.svg", "field-by-country.svg", "map.svg"):
        svg = (tmp_path / "a" / "images" / name).read_bytes()
        assert svg == (tmp_path / "b" / "images" / name).read_bytes()
    assert sorted(p.name for p in (tmp_path / "a" / "images").iterdir()) == [
        "by-year.svg",
        "field-by-country.svg",
        "map.svg",
    ]


@slow
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_page_carries_a_font_for_every_character(ds: sa.Dataset, mpl: None, lang: Any) -> None:
    import base64
    import io

    from fontTools.ttLib import TTFont

    built = shizuoka(ds, lang)
    font = TTFont(io.BytesIO(base64.b64decode(built.font)))
    page = attrs.evolve(built, font="").html()  # the page's characters, not the font's
    text = re.sub(r"<svg.*?</svg>", "", page, flags=re.S)
    assert set(text) - {"\n"} <= set(map(chr, font.getBestCmap()))
    assert font["name"].getDebugName(1) == "IPAexGothic"
    assert f"src:url(data:font/woff;base64,{built.font})" in built.html()


@slow
def test_the_charts_inline_have_their_own_ids(ds: sa.Dataset, mpl: None) -> None:
    built = report.build(ds, lang="ja")
    keys = ["by-year", "field-by-country", "top-prefectures", "map"]
    assert [c.key for c in built.charts] == keys
    page = built.html()
    ids = _Page(page).ids
    assert len(ids) == len(set(ids))  # no id twice in the page
    for chart in built.charts:
        assert f'<svg id="sa-{chart.key}" ' in page
        inside = re.findall(r'\bid="([^"]+)"', chart.svg)
        assert inside[0] == f"sa-{chart.key}"
        assert all(i.startswith(f"sa-{chart.key}-") for i in inside[1:])
        references = re.findall(r'href="#([^"]+)"|url\(#([^)]+)\)', chart.svg)
        assert {a or b for a, b in references} <= set(inside)
    links = [link for link in _Page(page).links if not link.startswith("#")]
    assert [link for link in links if not link.startswith("data:image/png;base64,")] == [
        "data:,",
        "https://www.clair.or.jp/",
    ]
    assert len(links) == 3  # the map's colour bar, a picture inside its SVG


@slow
def test_a_subset_of_one_country_and_prefecture_has_only_the_timeline_and_the_map(
    ds: sa.Dataset, mpl: None
) -> None:
    built = report.build(ds.filter(party="川崎市", country="CN"), lang="en")
    assert [c.key for c in built.charts] == ["by-year", "map"]
    assert built.charts[0].caption == "Agreements by year signed (counted by agreement)"
    assert built.charts[1].caption == "Agreements by prefecture (counted by agreement)"
    assert JAPANESE.findall(built.charts[0].svg + built.charts[1].svg) == []  # outlines
    assert len(re.findall(r'<g id="sa-map-pref-\d\d">', built.charts[1].svg)) == 47


@slow
def test_the_command_writes_what_the_library_builds(
    ds: sa.Dataset, mpl: None, tmp_path: Path
) -> None:
    html = tmp_path / "shizuoka.html"
    args = ["--lang", "en", "report", "--prefecture", "静岡", "-o", str(html)]
    assert cli.main(args) == 0
    assert html.read_text("utf-8") == shizuoka(ds, "en").html()
    assert cli.main(["report", "--prefecture", "静岡", "-o", str(tmp_path / "ja")]) == 0
    assert (tmp_path / "ja" / "report.md").read_text("utf-8") == shizuoka(ds, "ja").markdown()
    korea = ["report", "--title", "T", "--country", "KR", "-o", str(tmp_path / "k.md")]
    assert cli.main(korea) == 0
    assert (tmp_path / "k.md").read_text("utf-8").startswith("# T\n")
    assert (tmp_path / "images" / "by-year.svg").is_file()
