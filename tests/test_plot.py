"""Charts: the pictures are the summary tables' numbers, labelled in one language, drawn in
the packaged Japanese font without touching matplotlib's global settings, and written as
the same SVG bytes every time.

matplotlib takes about a second to import and a chart up to a second to lay out and write,
so every test that draws is in the slow tier (``pytest -m slow``, which installs the
``plot`` extra); the install hint, which needs no matplotlib, runs every day.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sister_agreements as sa
from sister_agreements import plot, summary

slow = pytest.mark.slow
CHARTS: list[Callable[..., Any]] = [
    plot.by_year,
    plot.field_by_country,
    plot.top_prefectures,
    plot.prefectures_map,
]
#: Kana and kanji (with the CJK punctuation and full-width forms): none in English text.
JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


@pytest.fixture(scope="module")
def mpl() -> ModuleType:
    module: ModuleType = pytest.importorskip("matplotlib")
    if importlib.util.find_spec("matplotlib_fontja") is None:  # never imported: see below
        pytest.skip("matplotlib-fontja is not installed")
    return module


def texts(ax: Any) -> list[str]:
    """Every non-empty text drawn on ``ax``: title, axis labels, ticks, legend, annotations."""
    from matplotlib.text import Text

    return [text.get_text() for text in ax.findobj(Text) if text.get_text()]


def tick_labels(labels: Any) -> list[str]:
    return [label.get_text() for label in labels]


def legend(ax: Any) -> list[str]:
    return [text.get_text() for text in ax.get_legend().get_texts()]


def cells(ax: Any) -> list[list[int]]:
    """The counts of the heat map's one QuadMesh, fields by countries."""
    (mesh,) = ax.collections
    counts: list[list[int]] = mesh.get_array().tolist()
    return counts


def bars(ax: Any) -> dict[str, float]:
    """The horizontal bars' lengths by their tick labels, top first."""
    lengths = [patch.get_width() for patch in ax.containers[0]]
    return dict(zip(tick_labels(ax.get_yticklabels()), lengths, strict=True))


# --- the numbers are the tables' -----------------------------------------------


@slow
@pytest.mark.parametrize("count", summary.COUNTS)
def test_by_year_bars_are_the_tables_cells(ds: sa.Dataset, mpl: ModuleType, count: Any) -> None:
    table = summary.by_year(ds, count=count)
    ax = plot.by_year(ds, count=count, lang="en")
    rows = range(len(table.rows) - 1)
    assert tick_labels(ax.get_xticklabels()) == [table.rows[i].en for i in rows]
    assert tick_labels(ax.get_xticklabels())[:3] == ["1979", "1984", "1985"]
    assert tick_labels(ax.get_xticklabels())[-1] == "Unknown"
    labels = [column.text("en") for column in table.columns[:-1]]
    assert [bars.get_label() for bars in ax.containers] == labels  # all nine fields
    bottom = [0.0] * len(rows)
    for j, bars in enumerate(ax.containers):
        assert [patch.get_height() for patch in bars] == [table.cells[i][j].total for i in rows]
        assert [patch.get_y() for patch in bars] == bottom  # stacked, ① at the bottom
        assert [patch.get_x() + patch.get_width() / 2 for patch in bars] == list(rows)
        colour = plot.FIELD_COLOURS[list(sa.Field)[j]]
        assert {mpl.colors.to_hex(patch.get_facecolor()) for patch in bars} == {colour}
        bottom = [b + patch.get_height() for b, patch in zip(bottom, bars, strict=True)]
    assert ax.get_ylabel() == {"agreements": "Agreements", "listings": "Listings"}[count]


@slow
def test_by_year_draws_only_the_fields_a_subset_has(ds: sa.Dataset, mpl: ModuleType) -> None:
    shizuoka = ds.filter(prefecture="静岡")
    ax = plot.by_year(shizuoka)
    assert tick_labels(ax.get_xticklabels()) == [
        "1985年", "2008年", "2009年", "2010年", "2011年", "2012年",
    ]  # fmt: skip
    heights = {bars.get_label(): [p.get_height() for p in bars] for bars in ax.containers}
    assert heights == {
        "①教育交流": [0, 0, 1, 0, 1, 2],
        "②文化交流": [0, 0, 0, 0, 0, 2],
        "④医療交流": [0, 0, 0, 0, 0, 1],
        "⑤経済交流（農業等）": [1, 0, 0, 0, 0, 0],
        "⑥経済交流（工業等）": [0, 0, 0, 0, 0, 1],
        "⑦経済交流（商業等）": [0, 0, 0, 0, 0, 1],
        "⑧行政交流": [0, 1, 0, 1, 0, 0],
        "⑨その他交流": [0, 0, 0, 0, 0, 1],
    }  # 2012: 8 in the stacks, 7 agreements (one is listed under two fields)
    assert legend(ax) == list(heights)


@slow
@settings(max_examples=10, deadline=None)
@given(prefecture=st.sampled_from([p.code for p in sa.load().prefectures]))
def test_every_prefectures_chart_is_its_table(mpl: ModuleType, prefecture: str) -> None:
    subset = sa.load().filter(prefecture=prefecture)
    table = summary.by_year(subset, count="agreements")
    stacks = {b.get_label(): [p.get_height() for p in b] for b in plot.by_year(subset).containers}
    columns = {column.ja: j for j, column in enumerate(table.columns)}
    for label, heights in stacks.items():
        assert heights == [row[columns[str(label)]].total for row in table.cells[:-1]]
    assert set(stacks) == {table.columns[j].ja for j in range(9) if table.cells[-1][j].total}
    drawn = bars(plot.top_prefectures(subset, 47, lang="en"))
    assert drawn[sa.prefectures.lookup(prefecture).short_name_en] == table.cells[-1][-1].total


@slow
@pytest.mark.parametrize("count", summary.COUNTS)
def test_heat_map_is_by_countrys_cells(ds: sa.Dataset, mpl: ModuleType, count: Any) -> None:
    table = summary.by_country(ds, count=count)
    ax = plot.field_by_country(ds, count=count)
    countries = range(len(table.rows) - 2)  # not その他 (other) or 合計 (total)
    expected = [[table.cells[i][j].total for i in countries] for j in range(9)]
    assert cells(ax) == expected
    annotations = [text.get_text() for text in ax.texts]
    assert annotations == [str(n) for row in expected for n in row if n]
    assert tick_labels(ax.get_xticklabels()) == [table.rows[i].text("ja") for i in countries]
    assert tick_labels(ax.get_yticklabels()) == [c.text("ja") for c in table.columns[:-1]]
    assert ax.get_title() == table.title_ja


@slow
def test_heat_map_pinned(ds: sa.Dataset, mpl: ModuleType) -> None:
    ax = plot.field_by_country(ds, top=2, lang="en")
    assert tick_labels(ax.get_xticklabels()) == ["1 China", "2 South Korea"]
    assert cells(ax) == [
        [9, 3], [6, 9], [0, 3], [1, 0], [5, 2], [8, 0], [15, 6], [8, 6], [6, 2],
    ]  # fmt: skip
    assert ax.get_title() == "One-to-one agreements by country or region (counted by agreement)"
    white = [text.get_text() for text in ax.texts if text.get_color() == "white"]
    assert white == ["9", "9", "8", "15", "8"]  # over half the largest cell, 15; black below
    assert {text.get_color() for text in ax.texts} == {"white", "black"}
    (mesh,) = ax.collections
    assert (mesh.get_clim(), mesh.get_cmap().name) == ((0, 15), "Blues")


@slow
def test_top_prefectures_ranks_with_ties(ds: sa.Dataset, mpl: ModuleType) -> None:
    ax = plot.top_prefectures(ds, n=5)
    # 京都, 大阪 and 広島 share rank 5, in prefecture-code order.
    assert list(bars(ax).items()) == [
        ("福岡県", 14), ("静岡県", 12), ("北海道", 11), ("神奈川県", 10), ("京都府", 7),
        ("大阪府", 7), ("広島県", 7),
    ]  # fmt: skip
    assert [text.get_text() for text in ax.texts] == ["14", "12", "11", "10", "7", "7", "7"]
    assert ax.yaxis_inverted() and ax.get_xlabel() == "提携・協定の数"


@slow
@pytest.mark.parametrize("count", summary.COUNTS)
def test_top_prefectures_are_the_tables_totals(ds: sa.Dataset, mpl: ModuleType, count: Any) -> None:
    table = summary.by_prefecture(ds, count=count)
    ax = plot.top_prefectures(ds, 47, count=count, lang="en")
    totals = {table.rows[i].en: table.cells[i][-1].total for i in range(len(table.rows) - 1)}
    drawn = bars(ax)
    assert drawn == totals  # every prefecture with an agreement
    assert list(drawn.values()) == sorted(totals.values(), reverse=True)


@slow
def test_an_empty_subset_draws_empty_charts(ds: sa.Dataset, mpl: ModuleType) -> None:
    none = ds.filter(country="Iceland")
    assert plot.by_year(none).containers == []
    assert cells(plot.field_by_country(none)) == [[]] * 9
    assert bars(plot.top_prefectures(none)) == {}


@slow
def test_a_chart_draws_on_the_given_axes(ds: sa.Dataset, mpl: ModuleType) -> None:
    from matplotlib.figure import Figure

    figure = Figure()
    left, right = figure.subplots(1, 2)
    assert plot.by_year(ds, ax=left) is left
    assert plot.top_prefectures(ds, ax=right) is right
    assert figure.axes == [left, right] and len(left.containers) == 9


@slow
def test_wrong_arguments(ds: sa.Dataset, mpl: ModuleType) -> None:
    with pytest.raises(LookupError, match="unknown language 'fr'; valid: ja, en"):
        plot.by_year(ds, lang="fr")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown count 'rows'"):
        plot.field_by_country(ds, count="rows")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="top is an int, not str"):
        plot.field_by_country(ds, "3")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="n is an int, not bool"):
        plot.top_prefectures(ds, True)


# --- the map of the prefectures ---------------------------------------------------

SVG = "{http://www.w3.org/2000/svg}"


def map_fills(svg: str) -> dict[str, str]:
    """The fill of each prefecture of a map's SVG, by code: each ``<g id="pref-NN">`` must
    hold exactly one ``<path>``."""
    fills = {}
    for group in ET.fromstring(svg).iter(f"{SVG}g"):
        if group.get("id", "").startswith("pref-"):
            (path,) = group.iter(f"{SVG}path")
            style = dict(item.split(": ") for item in path.get("style", "").split("; "))
            fills[group.get("id", "")[5:]] = style["fill"]
    return fills


def colour_bars(ax: Any) -> list[Any]:
    """The other Axes of ``ax``'s figure: a map's colour bar."""
    return [other for other in ax.get_figure(root=True).axes if other is not ax]


def luminance(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def prefecture_totals(ds: sa.Dataset, count: Any = "agreements") -> dict[str, int]:
    """Every prefecture's count in by_prefecture's 合計 column, 0 where it has no row."""
    table = summary.by_prefecture(ds, count=count)
    totals = {r.key: cells[-1].total for r, cells in zip(table.rows, table.cells, strict=True)}
    return {f"{n:02d}": totals.get(f"{n:02d}", 0) for n in range(1, 48)}


def assert_fills_follow(fills: dict[str, str], totals: dict[str, int]) -> None:
    """Equal counts have equal fills, and more agreements a darker fill."""
    assert list(fills) == list(totals)  # the 47, in code order
    for a in totals:
        for b in totals:
            assert (fills[a] == fills[b]) == (totals[a] == totals[b]), (a, b)
            if totals[a] > totals[b]:
                assert luminance(fills[a]) < luminance(fills[b]), (a, b)


@slow
@pytest.mark.parametrize("count", summary.COUNTS)
def test_map_has_one_path_per_prefecture_filled_by_its_count(
    ds: sa.Dataset, mpl: ModuleType, count: Any
) -> None:
    ax = plot.prefectures_map(ds, count=count)
    fills = map_fills(plot.to_svg(ax))
    totals = prefecture_totals(ds, count)
    assert_fills_follow(fills, totals)
    zero = mpl.colors.to_hex(mpl.colormaps[plot.HEAT_MAP](0.0))
    assert zero == "#f7fbff" and {fills[c] for c, n in totals.items() if n == 0} == {zero}
    top = max(totals, key=lambda code: totals[code])
    assert fills[top] == mpl.colors.to_hex(mpl.colormaps[plot.HEAT_MAP](1.0)) == "#08306b"
    assert [patch.get_gid() for patch in ax.patches] == [f"pref-{c}" for c in totals]


@slow
def test_map_pinned(ds: sa.Dataset, mpl: ModuleType) -> None:
    totals = prefecture_totals(ds)
    assert [code for code, n in totals.items() if n == 0] == ["06", "08", "10", "29", "37"]
    assert (totals["40"], totals["22"], totals["01"]) == (14, 12, 11)  # 福岡, 静岡, 北海道
    ax = plot.prefectures_map(ds, lang="en")
    assert ax.get_title() == "Agreements by prefecture (counted by agreement)"
    (bar,) = colour_bars(ax)
    assert bar.get_ylabel() == "Agreements" and bar.get_ylim() == (0, 14)
    assert not ax.axison and len(ax.patches) == 47
    assert plot.to_svg(plot.prefectures_map(ds, lang="en")) == plot.to_svg(ax)  # same bytes
    japanese = plot.prefectures_map(ds, count="listings")
    assert japanese.get_title() == "都道府県別の提携件数"
    (bar,) = colour_bars(japanese)
    assert bar.get_ylabel() == "掲載数"


@slow
@settings(max_examples=10, deadline=None)
@given(country=st.sampled_from(["CN", "KR", "US", "TW", "AU", "DE", "FR"]))
def test_every_countrys_map_follows_its_table(mpl: ModuleType, country: str) -> None:
    subset = sa.load().filter(country=country)
    fills = map_fills(plot.to_svg(plot.prefectures_map(subset)))
    assert_fills_follow(fills, prefecture_totals(subset))


@slow
def test_an_empty_map_is_all_the_lightest(ds: sa.Dataset, mpl: ModuleType) -> None:
    ax = plot.prefectures_map(ds.filter(country="Iceland"))
    assert set(map_fills(plot.to_svg(ax)).values()) == {"#f7fbff"}


@slow
def test_map_draws_on_the_given_axes(ds: sa.Dataset, mpl: ModuleType) -> None:
    from matplotlib.figure import Figure

    figure = Figure()
    left, right = figure.subplots(1, 2)
    assert plot.prefectures_map(ds, ax=right) is right
    assert (len(right.patches), len(left.patches)) == (47, 0)
    assert len(figure.axes) == 3  # and the colour bar
    right.remove()
    with pytest.raises(ValueError, match="the Axes is in no figure"):
        plot.prefectures_map(ds, ax=right)


# --- languages and the font ---------------------------------------------------------


@slow
@pytest.mark.parametrize("chart", CHARTS)
def test_labels_are_in_one_language(ds: sa.Dataset, mpl: ModuleType, chart: Any) -> None:
    english = texts(chart(ds, lang="en"))
    japanese = texts(chart(ds, lang="ja"))
    assert not [text for text in english if JAPANESE.search(text)]
    assert [text for text in japanese if JAPANESE.search(text)]
    assert len(english) == len(japanese)


@slow
def test_japanese_labels(ds: sa.Dataset, mpl: ModuleType) -> None:
    ax = plot.by_year(ds)
    assert ax.get_title() == "締結年別の提携件数（提携・協定単位）"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("締結年", "提携・協定の数")
    assert tick_labels(ax.get_xticklabels())[-1] == "不明"
    assert legend(ax) == [field.symbol + field.label_ja for field in sa.Field]
    heat = plot.field_by_country(ds, top=1)
    assert tick_labels(heat.get_xticklabels()) == ["1 中華人民共和国"]
    assert heat.get_xlabel() == "国・地域"


@slow
@pytest.mark.parametrize("chart", CHARTS)
def test_japanese_draws_without_missing_glyphs(
    ds: sa.Dataset, mpl: ModuleType, chart: Any, recwarn: pytest.WarningsRecorder
) -> None:
    from matplotlib.text import Text

    ax = chart(ds, lang="ja")
    plot.to_svg(ax)  # draws every glyph
    assert [str(warning.message) for warning in recwarn] == []
    files = {text.get_fontproperties().get_file() for text in ax.findobj(Text)}
    assert files == {plot.font_file()}


@slow
def test_the_glyph_check_sees_a_missing_glyph(mpl: ModuleType) -> None:
    """Without the packaged font, matplotlib's default font has no kanji, and says so."""
    from matplotlib.figure import Figure

    ax = Figure().add_subplot()
    ax.set_title("教")
    missing = r"^Glyph 25945 \(.*\) missing from font\(s\) DejaVu Sans"
    with pytest.warns(UserWarning, match=missing):
        plot.to_svg(ax)


@slow
def test_nothing_global_changes(ds: sa.Dataset, mpl: ModuleType) -> None:
    from matplotlib import font_manager

    before = dict(mpl.rcParams)
    fonts = list(font_manager.fontManager.ttflist)
    for chart in CHARTS:
        chart(ds, lang="ja")
    plot.to_svg(plot.top_prefectures(ds))
    plot.font()
    assert dict(mpl.rcParams) == before
    assert font_manager.fontManager.ttflist == fonts  # the font is used, not registered
    assert "matplotlib_fontja" not in sys.modules  # its import sets font.family globally


def test_the_package_never_imports_matplotlib_or_the_font_package() -> None:
    import subprocess

    code = (
        "import sys, sister_agreements as sa\n"
        "sa.load(); sa.plot.FIELD_COLOURS\n"
        "print(sorted(m for m in sys.modules if m.startswith('matplotlib')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert result.stdout == b"[]\n"


@slow
def test_the_font_is_ipaex_gothic_under_its_licence(mpl: ModuleType) -> None:
    from matplotlib.font_manager import FontProperties, get_font

    path = Path(plot.font_file())
    assert path.name == "ipaexg.ttf" and path.parent.parent.name == "matplotlib_fontja"
    assert get_font(path).family_name == "IPAexGothic"
    licence = (path.parent / "IPA_Font_License_Agreement_v1.0.txt").read_text("utf-8")
    assert "IPA Font License Agreement v1.0" in licence
    assert isinstance(plot.font(), FontProperties) and plot.font().get_file() == str(path)


# --- SVG ------------------------------------------------------------------------


@slow
def test_svg_is_the_same_bytes_every_time(ds: sa.Dataset, mpl: ModuleType, tmp_path: Path) -> None:
    first = plot.to_svg(plot.top_prefectures(ds))
    again = plot.top_prefectures(ds)
    assert plot.to_svg(again) == first
    figure = again.get_figure(root=True)
    assert figure is not None
    plot.save_svg(figure, tmp_path / "chart.svg")
    assert (tmp_path / "chart.svg").read_bytes() == first.encode()
    assert first.startswith('<?xml version="1.0" encoding="utf-8" standalone="no"?>\n')
    assert "<dc:date>" not in first and "Matplotlib v" not in first and "<image" not in first
    assert "<text" not in first and 'id="IPAexGothic-' in first  # text as paths


@slow
def test_svg_ignores_the_callers_svg_settings(ds: sa.Dataset, mpl: ModuleType) -> None:
    ax = plot.top_prefectures(ds)
    expected = plot.to_svg(ax)
    with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": None}):
        assert plot.to_svg(ax) == expected


@slow
def test_an_axes_removed_from_its_figure_cannot_be_written(mpl: ModuleType) -> None:
    from matplotlib.figure import Figure

    ax = Figure().add_subplot()
    ax.remove()
    with pytest.raises(ValueError, match="the Axes is in no figure"):
        plot.to_svg(ax)


# --- without the extra -------------------------------------------------------------


@pytest.mark.parametrize("missing", ["matplotlib", "matplotlib_fontja"])
def test_without_the_extra_the_error_says_how_to_install(
    ds: sa.Dataset, monkeypatch: pytest.MonkeyPatch, missing: str
) -> None:
    monkeypatch.setitem(sys.modules, missing, None)  # what an uninstalled module looks like
    hint = r"is not installed: pip install 'sister-agreements\[plot\]'"
    calls: list[Callable[[], object]] = [functools.partial(chart, ds) for chart in CHARTS]
    calls += [plot.font, plot.font_file]
    for call in calls:
        with pytest.raises(ImportError, match=hint):
            call()
    with pytest.raises(ImportError, match=hint):
        plot.to_svg(None)  # type: ignore[arg-type]
