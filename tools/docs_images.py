"""Draw the docs' chart and map images (docs/images/*.svg) with sister_agreements.plot,
and the gallery's sample reports (docs/reports/*.html) with sister_agreements.report.

    python tools/docs_images.py          # write them
    python tools/docs_images.py --check  # exit 1 if a committed image is not a fresh drawing

Each image is what an example of the docs draws, written by ``plot.save_svg``, so the same
bytes on every run with the same matplotlib and matplotlib-fontja (the ``docs`` extra pins
them). Needs the ``plot`` extra.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import sister_agreements as sa  # noqa: E402
from sister_agreements import plot, report  # noqa: E402

IMAGES = ROOT / "docs" / "images"
REPORTS = ROOT / "docs" / "reports"


def images() -> dict[Path, bytes]:
    """Every image's path and bytes (UTF-8): the tutorial's charts of 静岡県 and the whole
    dataset's, in English and, to show the Japanese font, in Japanese, the Japanese
    tutorial's (docs/ja/tutorial.md), all in Japanese, the maps of the prefectures and of
    the partners in either language, and the gallery's reports of 静岡県 in both languages."""
    ds = sa.load()
    shizuoka = ds.filter(prefecture="静岡")
    charts = {
        "shizuoka-by-year.svg": plot.by_year(shizuoka, lang="en"),
        "by-year-ja.svg": plot.by_year(ds, lang="ja"),
        "field-by-country.svg": plot.field_by_country(ds, lang="en"),
        "top-prefectures-ja.svg": plot.top_prefectures(ds, lang="ja"),
        "prefectures-map.svg": plot.prefectures_map(ds, lang="en"),
        "shizuoka-by-year-ja.svg": plot.by_year(shizuoka, lang="ja"),
        "field-by-country-ja.svg": plot.field_by_country(ds, lang="ja"),
        "prefectures-map-ja.svg": plot.prefectures_map(ds, lang="ja"),
        "partners-map.svg": plot.partners_map(ds, lang="en"),
        "partners-map-ja.svg": plot.partners_map(ds, lang="ja"),
    }
    drawn = {IMAGES / name: plot.to_svg(ax).encode() for name, ax in charts.items()}
    for lang in ("en", "ja"):
        subject = report.describe(lang, prefecture="静岡")
        page = report.build(shizuoka, lang=lang, subject=subject).html()
        drawn[REPORTS / f"shizuoka-{lang}.html"] = page.encode()
    return drawn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files")
    args = parser.parse_args(argv)
    drawn = images()
    if args.check:
        stale = [path for path, svg in drawn.items() if _read(path) != svg]
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)} (run tools/docs_images.py)", file=sys.stderr)
        return 1 if stale else 0
    for path, data in drawn.items():
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
    return 0


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


if __name__ == "__main__":
    sys.exit(main())
