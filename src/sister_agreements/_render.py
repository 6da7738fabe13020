"""Rows of strings as terminal text or Markdown, aligned for double-width characters, and
text cut or wrapped to a number of terminal cells.

A character takes two cells where Unicode's East Asian Width is W (wide) or F
(full-width), one cell otherwise (UAX #11; ambiguous characters such as ① and … count
one, as most terminals outside East Asian locales show them).
"""

from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide and full-width characters count twice."""
    return sum(_cells(char) for char in text)


def _cells(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _fitting(text: str, width: int) -> int:
    """How many leading characters of ``text`` fit in ``width`` cells."""
    used = 0
    for count, char in enumerate(text):
        used += _cells(char)
        if used > width:
            return count
    return len(text)


def clip(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` cells (1 or more), ending in "…" where it was cut.

    A double-width character that would straddle the end is dropped, so the result can
    be one cell narrower than ``width``.
    """
    if display_width(text) <= width:
        return text
    return text[: _fitting(text, width - 1)] + "…"


#: Characters a line does not start with, and characters it does not end with (the
#: simplest rules of 禁則処理, JIS X 4051): closing brackets and punctuation stay with
#: what they close, opening brackets with what they open.
_NOT_FIRST = "、。，．・：；？！）」』】〕〉》"
_NOT_LAST = "（「『【〔〈《"


def wrap(text: str, width: int) -> list[str]:
    """``text`` broken into lines of at most ``width`` cells (1 or more).

    A line breaks after its last space where that leaves it at least half full (English,
    or a URL's label); elsewhere anywhere (Japanese has no spaces between words, a URL none
    at all) but before a closing or after an opening bracket or punctuation mark
    (``_NOT_FIRST``, ``_NOT_LAST``), the break moving earlier. The space at a break is
    dropped. Every line has at least one character, so a double-width character is a line
    of its own where ``width`` is 1.
    """
    lines = []
    while display_width(text) > width and len(text) > 1:
        end = max(1, _fitting(text, width))
        space = text.rfind(" ", 0, end + 1)
        if space > 0 and 2 * display_width(text[:space]) >= width:
            lines.append(text[:space])
            text = text[space + 1 :]
            continue
        while end > 1 and (text[end] in _NOT_FIRST or text[end - 1] in _NOT_LAST):
            end -= 1
        lines.append(text[:end])
        text = text[end:]
    return [*lines, text]


def fitted_widths(widths: list[int], room: int) -> list[int]:
    """Column widths that fit ``room`` cells: the narrow columns keep their ``widths``,
    the wide ones share what is left equally (at least 1 cell each, so more than ``room``
    in all only where ``room`` is less than one cell per column)."""
    fitted = list(widths)
    left = room
    order = sorted(range(len(widths)), key=widths.__getitem__)
    for done, column in enumerate(order):
        fitted[column] = min(widths[column], max(1, left // (len(order) - done)))
        left -= fitted[column]
    return fitted


def text_table(rows: list[list[str]], *, numbers: bool = False, width: int | None = None) -> str:
    """Rows (the first is the header) as aligned text, columns two cells apart.

    Args:
        rows: the cells, row by row; every row as long as the header.
        numbers: right-align every column but the first.
        width: the cells a line may take, or None for full lines. Where the lines are
            wider, the widest columns are narrowed (``fitted_widths``) and their cells
            cut with "…" (``clip``).
    """
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    if width is not None:
        widths = fitted_widths(widths, width - 2 * (len(widths) - 1))
    lines = []
    for row in rows:
        cells = []
        for i, (text, cell_width) in enumerate(zip(row, widths, strict=True)):
            text = clip(text, cell_width)
            space = " " * (cell_width - display_width(text))
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
