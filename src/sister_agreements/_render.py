"""Rows of strings as terminal text or Markdown, aligned for double-width characters."""

from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide and full-width characters count twice."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def text_table(rows: list[list[str]], *, numbers: bool = False) -> str:
    """Rows (the first is the header) as aligned text; with ``numbers`` every column
    but the first is right-aligned."""
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = []
        for i, (text, width) in enumerate(zip(row, widths, strict=True)):
            space = " " * (width - display_width(text))
            cells.append(space + text if numbers and i else text + space)
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def markdown_table(rows: list[list[str]], *, numbers: bool = False) -> str:
    """Rows (the first is the header) as a Markdown table."""
    header, *body = rows
    rule = ["---"] + ["--:" if numbers else "---"] * (len(header) - 1)
    lines = [_markdown_row(header), "|" + "|".join(rule) + "|"]
    return "\n".join(lines + [_markdown_row(row) for row in body]) + "\n"


def _markdown_row(cells: list[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"
