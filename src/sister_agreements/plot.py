"""Charts of the agreements, drawn with matplotlib (the ``plot`` extra).

``pip install 'sister-agreements[plot]'`` installs matplotlib and matplotlib-fontja; without
them, every function here raises ``ImportError`` saying so, and ``import sister_agreements``
never imports matplotlib.

Each chart draws one summary table and counts nothing itself: ``by_year`` draws
``summary.by_year``, ``field_by_country`` draws ``summary.by_country``, and
``top_prefectures`` and the map ``prefectures_map`` draw ``summary.by_prefecture``, counted
by agreement unless told ``count="listings"`` (the report's way; see ``summary``). The
map's shapes are package data (``data/geometry/``, read by ``_geometry``), drawn as
matplotlib patches: no geopandas, no cartopy, nothing fetched.

The convention: a chart draws on ``ax`` when one is given, and otherwise on the one Axes of
a new ``matplotlib.figure.Figure`` (constrained layout); it returns the Axes, for further
styling, and ``ax.get_figure(root=True)`` is the figure. Figures are made through the Figure
API, never pyplot, so nothing opens a window and nothing is left in pyplot's list of
figures: a figure is freed with its last reference.

Japanese is drawn out of the box: every text of a chart (title, axis and tick labels,
legend, annotations) is set in IPAex Gothic (IPAexゴシック, version 004.01, by the
Information-technology Promotion Agency, Japan, under the IPA Font License Agreement
v1.0), the font file that matplotlib-fontja ships. The font is set on the chart's own text
objects only: this module never changes matplotlib's rcParams, and never imports
``matplotlib_fontja`` (whose import sets the global ``font.family``); it only reads the
font file from that package's folder. For text you add yourself, pass
``fontproperties=font()``.

``to_svg`` and ``save_svg`` write a chart as SVG that is the same, byte for byte, on every
run: no date, no creator, a fixed hash salt for the ids of clip paths, text as paths (the
SVG needs no font to display).
"""

from __future__ import annotations

import io
import math
import os
from collections.abc import Mapping
from importlib.util import find_spec
from types import MappingProxyType
from typing import TYPE_CHECKING

from sister_agreements import _atomic, _geometry, summary
from sister_agreements.summary import Count, Lang, _lang
from sister_agreements.taxonomy import Field

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.path import Path as MplPath

    from sister_agreements.dataset import Dataset

#: The colour of each field in every chart: matplotlib's "tab10" palette (Tableau 10)
#: without its pink, the economic fields ⑤⑥⑦ in olive, brown and purple, ⑨ in grey.
FIELD_COLOURS: Mapping[Field, str] = MappingProxyType(
    {
        Field.EDUCATION: "#1f77b4",  # blue
        Field.CULTURE: "#ff7f0e",  # orange
        Field.SPORTS: "#2ca02c",  # green
        Field.MEDICINE: "#d62728",  # red
        Field.ECONOMY_AGRICULTURE: "#bcbd22",  # olive
        Field.ECONOMY_INDUSTRY: "#8c564b",  # brown
        Field.ECONOMY_COMMERCE: "#9467bd",  # purple
        Field.ADMINISTRATION: "#17becf",  # cyan
        Field.OTHER: "#7f7f7f",  # grey
    }
)
#: The colour of the bars of ``top_prefectures``.
BAR_COLOUR = "#1f77b4"
#: The colour map of ``field_by_country``'s cells and ``prefectures_map``'s prefectures, from
#: white (0) to dark blue.
HEAT_MAP = "Blues"
#: The colour of the prefectures' borders on ``prefectures_map``.
MAP_EDGE = "#808080"
#: The hash salt of the SVG ids that ``to_svg`` writes.
SVG_SALT = "sister-agreements"

_INSTALL = "pip install 'sister-agreements[plot]'"
_FONT_FILE = ("fonts", "ipaexg.ttf")  # in matplotlib_fontja's folder
_COUNTED = {
    "agreements": {"ja": "提携・協定の数", "en": "Agreements"},
    "listings": {"ja": "掲載数", "en": "Listings"},
}


def font_file() -> str:
    """The path of the packaged Japanese font, IPAex Gothic (``ipaexg.ttf``).

    Read from matplotlib-fontja's folder without importing it (its import changes
    matplotlib's global settings). The font is under the IPA Font License Agreement v1.0,
    which matplotlib-fontja ships beside it.

    Raises:
        ImportError: if matplotlib or matplotlib-fontja is not installed; the message says
            how to install them.
    """
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise ImportError(f"matplotlib is not installed: {_INSTALL}") from None
    spec = find_spec("matplotlib_fontja")
    folders = spec.submodule_search_locations if spec is not None else None
    path = os.path.join(folders[0], *_FONT_FILE) if folders else ""
    if not os.path.isfile(path):
        raise ImportError(f"matplotlib-fontja (and its font) is not installed: {_INSTALL}")
    return path


def font() -> FontProperties:
    """The packaged Japanese font as ``FontProperties``, for text added to a chart:
    ``ax.set_title("静岡県", fontproperties=sa.plot.font())``.

    Raises:
        ImportError: if matplotlib or matplotlib-fontja is not installed.
    """
    path = font_file()
    from matplotlib.font_manager import FontProperties

    return FontProperties(fname=path)


def by_year(
    ds: Dataset, *, lang: Lang = "ja", count: Count = "agreements", ax: Axes | None = None
) -> Axes:
    """Agreements by year of signing, one bar per row of ``summary.by_year(ds, count)``.

    The rows are the years that have any agreement (a year without one has no bar), in
    order, then 不明 (Unknown) where some agreement has no date; each bar is stacked by
    field, ① at the bottom, in ``FIELD_COLOURS``, and the legend names the fields drawn
    (those with any agreement) in ``lang``. An agreement listed under two fields is in both
    stacks, so a bar can be taller than the year's total.

    Args:
        ds: the agreements: ``load()`` or any subset of it.
        lang: the language of every label, ``"ja"`` or ``"en"``.
        count: ``"agreements"`` (default) or ``"listings"``, as ``summary.by_year`` counts.
        ax: the Axes to draw on; by default a new figure's, 10 × 5 inches.

    Returns:
        The Axes drawn on: one ``BarContainer`` per field drawn, labelled with the field.

    Raises:
        ImportError: if the ``plot`` extra is not installed.
        LookupError: for a language other than "ja" or "en".
        TypeError, ValueError: for a ``count`` that ``summary.by_year`` refuses.
    """
    path, lang = font_file(), _lang(lang)
    table = summary.by_year(ds, count=count)
    ax = _axes(ax, (10, 5))
    rows = range(len(table.rows) - 1)  # every row but 合計
    bottom = [0] * len(rows)
    for j, column in enumerate(table.columns[:-1]):  # every column but 合計
        heights = [table.cells[i][j].total for i in rows]
        if any(heights):
            colour = FIELD_COLOURS[Field[column.key.upper()]]
            ax.bar(rows, heights, bottom=bottom, color=colour, label=column.text(lang))
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    ax.set_xticks(rows, [table.rows[i].text(lang) for i in rows], rotation=90)
    ax.set_xlabel("締結年" if lang == "ja" else "Year signed")
    _count_axis(ax.yaxis, table, lang)
    if any(cell.total for cell in table.cells[-1][:-1]):  # a legend beside the bars
        ax.legend(loc="upper left", bbox_to_anchor=(1, 1))
    return _finish(ax, table, lang, path)


def field_by_country(
    ds: Dataset,
    top: int = 10,
    *,
    lang: Lang = "ja",
    count: Count = "agreements",
    ax: Axes | None = None,
) -> Axes:
    """A heat map of field × country: the cells of ``summary.by_country(ds, top, count)``.

    One row per field (① at the top) and one column per ranked country of the table, in
    rank order, labelled "1 中華人民共和国" or "1 China"; the table's その他 (Other) and
    合計 (Total) are not drawn. Each cell is coloured by its count (``HEAT_MAP``, from 0 to
    the largest cell) and annotated with it, an empty cell left blank. As in the report's
    Table 2, only one-to-one agreements are counted.

    Args:
        ds: the agreements: ``load()`` or any subset of it.
        top: the last rank that gets a column (ties share a rank, so there can be more).
        lang: the language of every label, ``"ja"`` or ``"en"``.
        count: ``"agreements"`` (default) or ``"listings"``, as ``summary.by_country``
            counts.
        ax: the Axes to draw on; by default a new figure's, 10 × 6 inches.

    Returns:
        The Axes drawn on; its one ``QuadMesh`` holds the counts, fields by countries.

    Raises:
        ImportError: if the ``plot`` extra is not installed.
        LookupError: for a language other than "ja" or "en".
        TypeError, ValueError: for a ``top`` or ``count`` that ``summary.by_country``
            refuses.
    """
    path, lang = font_file(), _lang(lang)
    table = summary.by_country(ds, top, count)
    ax = _axes(ax, (10, 6))
    countries = range(len(table.rows) - 2)  # every row but その他 and 合計
    fields = range(len(table.columns) - 1)
    counts = [[table.cells[i][j].total for i in countries] for j in fields]
    largest = max((n for row in counts for n in row), default=0)
    ax.pcolormesh(counts, cmap=HEAT_MAP, vmin=0, vmax=max(largest, 1), edgecolors="white")
    for j, row in enumerate(counts):
        for i, n in enumerate(row):
            if n:
                colour = "white" if n > largest / 2 else "black"
                ax.text(i + 0.5, j + 0.5, str(n), ha="center", va="center", color=colour)
    ax.set_xticks([i + 0.5 for i in countries], [table.rows[i].text(lang) for i in countries])
    ax.tick_params(axis="x", labelrotation=90)
    ax.set_yticks([j + 0.5 for j in fields], [table.columns[j].text(lang) for j in fields])
    ax.invert_yaxis()
    ax.set_xlabel("国・地域" if lang == "ja" else "Country or region")
    return _finish(ax, table, lang, path)


def top_prefectures(
    ds: Dataset,
    n: int = 10,
    *,
    lang: Lang = "ja",
    count: Count = "agreements",
    ax: Axes | None = None,
) -> Axes:
    """Horizontal bars of the prefectures with the most agreements, from the 合計 (Total)
    column of ``summary.by_prefecture(ds, count)``.

    The prefectures ranked ``n`` or better (ties share a rank, so there can be more bars
    than ``n``), the first at the top, ties in prefecture-code order; each bar is labelled
    with its count. An agreement with parties in two prefectures counts in both.

    Args:
        ds: the agreements: ``load()`` or any subset of it.
        n: the last rank that gets a bar.
        lang: the language of every label, ``"ja"`` or ``"en"``.
        count: ``"agreements"`` (default) or ``"listings"``, as ``summary.by_prefecture``
            counts.
        ax: the Axes to draw on; by default a new figure's, 7 inches wide and 0.3 inch
            per bar (and 1.5) high.

    Returns:
        The Axes drawn on; its one ``BarContainer`` holds the bars, first rank first.

    Raises:
        ImportError: if the ``plot`` extra is not installed.
        TypeError: if ``n`` is not an int.
        LookupError: for a language other than "ja" or "en".
        TypeError, ValueError: for a ``count`` that ``summary.by_prefecture`` refuses.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"n is an int, not {type(n).__name__}")
    path, lang = font_file(), _lang(lang)
    table = summary.by_prefecture(ds, count=count)
    totals = [cells[-1].total for cells in table.cells[:-1]]  # every row but 合計
    ranked = sorted(
        (i for i, total in enumerate(totals) if sum(t > total for t in totals) < n),
        key=lambda i: -totals[i],
    )
    ax = _axes(ax, (7, 1.5 + 0.3 * len(ranked)))
    places = range(len(ranked))
    bars = ax.barh(places, [totals[i] for i in ranked], color=BAR_COLOUR)
    ax.bar_label(bars, padding=3)
    ax.set_yticks(places, [table.rows[i].text(lang) for i in ranked])
    ax.invert_yaxis()
    _count_axis(ax.xaxis, table, lang)
    return _finish(ax, table, lang, path)


def prefectures_map(
    ds: Dataset, *, lang: Lang = "ja", count: Count = "agreements", ax: Axes | None = None
) -> Axes:
    """A map of Japan's 47 prefectures, each filled by its number of agreements: the 合計
    (Total) column of ``summary.by_prefecture(ds, count)``, 0 for a prefecture without a
    row.

    The fill is ``HEAT_MAP`` from 0 (the lightest) to the largest count (the darkest), so
    equal counts have equal fills and more agreements a darker one; a colour bar beside
    the map is labelled with what is counted, in ``lang``. Each prefecture is one patch
    with the gid ``pref-NN`` (its code), so the SVG of ``to_svg`` has one ``<g
    id="pref-22">`` around one ``<path>`` per prefecture. The shapes are the package's
    ``data/geometry/prefectures.json`` (japanmap 0.6.0, Apache License 2.0: the area of
    each prefecture that holds its capital; see "Map data" in the data dictionary), drawn
    in longitude and latitude with the scale of both at 36°N, without axes. An agreement
    with parties in two prefectures counts in both.

    Args:
        ds: the agreements: ``load()`` or any subset of it.
        lang: the language of every label, ``"ja"`` or ``"en"``.
        count: ``"agreements"`` (default) or ``"listings"``, as ``summary.by_prefecture``
            counts.
        ax: the Axes to draw on (the colour bar takes room beside it); by default a new
            figure's, 8 × 8 inches.

    Returns:
        The Axes drawn on: its ``patches`` are the 47 prefectures in code order.

    Raises:
        ImportError: if the ``plot`` extra is not installed.
        LookupError: for a language other than "ja" or "en".
        TypeError, ValueError: for a ``count`` that ``summary.by_prefecture`` refuses.
        ValueError: for an ``ax`` that is in no figure.
    """
    path, lang = font_file(), _lang(lang)
    table = summary.by_prefecture(ds, count=count)
    from matplotlib import colormaps
    from matplotlib.cm import ScalarMappable
    from matplotlib.colors import Normalize
    from matplotlib.patches import PathPatch

    totals = {row.key: cells[-1].total for row, cells in zip(table.rows, table.cells, strict=True)}
    largest = max([1, *(cells[-1].total for cells in table.cells[:-1])])  # not 合計
    colours = colormaps[HEAT_MAP]
    ax = _axes(ax, (8, 8))
    for shape in _geometry.shapes("prefectures"):
        code = str(shape.properties["code"])
        patch = PathPatch(
            _path(shape.polygons),
            facecolor=colours(totals.get(code, 0) / largest),
            edgecolor=MAP_EDGE,
            linewidth=0.4,
        )
        patch.set_gid(f"pref-{code}")
        ax.add_patch(patch)
    ax.autoscale_view()
    ax.set_aspect(1 / math.cos(math.radians(36)))
    ax.set_axis_off()
    bar = _figure(ax).colorbar(ScalarMappable(Normalize(0, largest), colours), ax=ax, shrink=0.6)
    _count_axis(bar.ax.yaxis, table, lang)
    _set_font(bar.ax, path)
    return _finish(ax, table, lang, path)


def to_svg(chart: Figure | Axes) -> str:
    """The figure of a chart as SVG text, the same on every run for the same chart.

    Written with no date and no creator in its metadata, clip-path ids hashed with
    ``SVG_SALT``, and text as paths (``svg.fonttype`` "path"), whatever the rcParams say;
    the rcParams are set for the writing only (``matplotlib.rc_context``) and restored.

    Args:
        chart: a Figure, or an Axes of the figure to write (what the charts return).

    Raises:
        ImportError: if the ``plot`` extra is not installed.
        ValueError: for an Axes that is in no figure.
    """
    font_file()
    import matplotlib
    from matplotlib.figure import Figure

    figure = chart if isinstance(chart, Figure) else _figure(chart)
    out = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": SVG_SALT, "svg.fonttype": "path"}):
        figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    return out.getvalue()


def save_svg(chart: Figure | Axes, path: str | os.PathLike[str]) -> None:
    """Write ``to_svg(chart)`` to ``path`` in UTF-8, replacing the file whole.

    Raises:
        ImportError: if the ``plot`` extra is not installed.
        ValueError: for an Axes that is in no figure.
        OSError: if the file cannot be written; the file that was there is unchanged.
    """
    _atomic.write_text(path, to_svg(chart), "utf-8")


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    """``ax``, or the one Axes of a new figure of ``size`` inches (constrained layout)."""
    if ax is not None:
        return ax
    from matplotlib.figure import Figure

    return Figure(figsize=size, layout="constrained").add_subplot()


def _path(polygons: tuple[tuple[_geometry.Ring, ...], ...]) -> MplPath:
    """One matplotlib Path of every ring of ``polygons``, each closed; holes, clockwise,
    are left unfilled by the nonzero rule."""
    from matplotlib.path import Path

    rings = [ring for polygon in polygons for ring in polygon]
    return Path.make_compound_path(*(Path(ring, closed=True) for ring in rings))


def _figure(ax: Axes) -> Figure:
    """The figure of ``ax``.

    Raises:
        ValueError: for an Axes that is in no figure.
    """
    figure = ax.get_figure(root=True)
    if figure is None:
        raise ValueError("the Axes is in no figure (it was removed from its figure)")
    return figure


def _count_axis(axis: Axis, table: summary.CountTable, lang: Lang) -> None:
    """Label ``axis`` with what ``table`` counts, in ``lang``, and tick it in whole numbers."""
    from matplotlib.ticker import MaxNLocator

    axis.set_label_text(_COUNTED[table.count][lang])
    axis.set_major_locator(MaxNLocator(integer=True))


def _finish(ax: Axes, table: summary.CountTable, lang: Lang, path: str) -> Axes:
    """Title the chart with ``table``'s title in ``lang``, and set every text of ``ax``
    (title, labels, ticks, legend, annotations) in the font at ``path``."""
    ax.set_title(table.title_ja if lang == "ja" else table.title_en)
    _set_font(ax, path)
    return ax


def _set_font(ax: Axes, path: str) -> None:
    """Set every text of ``ax`` in the font at ``path``, keeping its size and weight."""
    from matplotlib.text import Text

    for text in ax.findobj(Text):
        properties = text.get_fontproperties().copy()
        properties.set_file(path)
        text.set_fontproperties(properties)
