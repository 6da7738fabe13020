"""Reading the report's extracted text: the index entries and the 175 sheets.

This module only cuts the text into pieces and cleans them; every decision
about what the pieces mean lives in the curation files of ``data-raw/``.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

CIRCLED = "①②③④⑤⑥⑦⑧⑨"
_ITEM_LABELS = {
    1: "自治体名",
    2: "提携年月日",
    3: "提携に至った経緯",
    4: "提携後の取組内容",
    5: "取組による成果・課題等",
    6: "取組を紹介しているホームページの",
    7: "問い合わせ先",
}
_ITEM = re.compile(r"^[（(]\s*([1-7])\s*[)）]\s*(\S+)")
_NUMBERED = re.compile(r"^(\d(?:\s?\d)*)\s*[.．]\s*(.*)$")
_RELISTED = "【再掲】"


@dataclass
class IndexEntry:
    """One numbered entry of the index, as printed."""

    field: int
    number: int
    parties: str
    title: str
    page: int
    relisted: bool
    line: int


@dataclass
class Sheet:
    """One sheet (個票): its heading and its seven items as raw lines."""

    field: int
    number: int
    title: str
    relisted: bool
    line: int
    items: dict[int, list[str]] = dataclasses.field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.field}-{self.number:02d}"


def squeeze(text: str) -> str:
    """Collapse runs of whitespace to one space and strip the ends."""
    return re.sub(r"\s+", " ", text).strip()


def _number(text: str) -> int:
    return int(re.sub(r"\s", "", text))


def split_report(lines: list[str]) -> tuple[list[str], list[str], int]:
    """Return (index lines, sheet lines, line number where the sheets start)."""
    index_start = next(i for i, line in enumerate(lines) if line.startswith("4 調査結果"))
    sheets_start = next(
        i
        for i in range(index_start + 1, len(lines))
        if lines[i].startswith("①")
        and "教育交流" in lines[i]
        and i > index_start + 5
        and _is_sheets_start(lines, i)
    )
    return lines[index_start:sheets_start], lines[sheets_start:], sheets_start


def _is_sheets_start(lines: list[str], i: int) -> bool:
    following = [line for line in lines[i + 1 : i + 6] if line.strip()]
    return len(following) > 1 and _ITEM.match(following[1]) is not None


def parse_index(lines: list[str], offset: int) -> list[IndexEntry]:
    """Read the index: entries may wrap onto a second line holding the title."""
    entries: list[IndexEntry] = []
    current_field = 0
    pending: tuple[int, str, int] | None = None
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line or re.fullmatch(r"[-\s]+", line):
            continue
        if line[0] in CIRCLED:
            current_field = CIRCLED.index(line[0]) + 1
            continue
        match = _NUMBERED.match(line)
        if current_field and match:
            if pending:
                raise ValueError(f"index line {pending[2] + 1}: entry without a title")
            body = match[2]
            page = _page(body)
            body = re.sub(r"\s\d+\s*$", "", body)
            if "「" in body:
                entries.append(_entry(current_field, _number(match[1]), body, page, offset + i))
            else:
                pending = (_number(match[1]), body, offset + i)
            continue
        if pending and line.startswith("「"):
            number, parties, at = pending
            page = _page(lines[at - offset])
            entries.append(_entry(current_field, number, parties + " " + line, page, at))
            pending = None
    return entries


def _page(line: str) -> int:
    found = re.search(r"\s(\d+)\s*$", line)
    if found is None:
        raise ValueError(f"index entry without a page number: {line!r}")
    return int(found[1])


def _entry(field_number: int, number: int, body: str, page: int, line: int) -> IndexEntry:
    body = squeeze(body)
    title_start = body.index("「")
    parties = body[:title_start].strip()
    rest = body[title_start:]
    relisted = _RELISTED in rest
    rest = rest.replace(_RELISTED, "").strip()
    title = rest[1:-1] if rest.endswith("」") else rest[1:]
    return IndexEntry(field_number, number, parties, title, page, relisted, line + 1)


def parse_sheets(lines: list[str], offset: int) -> list[Sheet]:
    """Cut the sheet part of the report into sheets and their items."""
    item_lines = [i for i, line in enumerate(lines) if _item_number(line) == 1]
    sheets: list[Sheet] = []
    current_field = 0
    heading_of: dict[int, int] = {}
    for start in item_lines:
        heading = start - 1
        while not lines[heading].strip():
            heading -= 1
        heading_of[start] = heading
    starts = sorted(heading_of.values())
    for i, line in enumerate(lines):
        if line.strip()[:1] in CIRCLED and line.strip()[:1]:
            current_field = CIRCLED.index(line.strip()[0]) + 1
            continue
        if i not in starts:
            continue
        match = _NUMBERED.match(line.strip())
        if match is None:
            raise ValueError(f"line {offset + i + 1}: a sheet heading without a number: {line!r}")
        title = squeeze(match[2])
        relisted = _RELISTED in title
        sheet = Sheet(
            current_field,
            _number(match[1]),
            squeeze(title.replace(_RELISTED, "")),
            relisted,
            offset + i + 1,
        )
        end = next((s for s in starts if s > i), len(lines))
        _read_items(sheet, lines[i + 1 : end])
        sheets.append(sheet)
    return sheets


def _item_number(line: str) -> int | None:
    match = _ITEM.match(line.strip())
    if match is None:
        return None
    number = int(match[1])
    label = _ITEM_LABELS[number]
    return number if match[2].startswith(label[:4]) else None


def _read_items(sheet: Sheet, lines: list[str]) -> None:
    current: int | None = None
    for line in lines:
        number = _item_number(line)
        if number is not None:
            current = number
            sheet.items[current] = []
        elif current is not None and line.strip() and line.strip()[0] not in CIRCLED:
            sheet.items[current].append(line.rstrip())
    missing = set(_ITEM_LABELS) - set(sheet.items)
    if missing:
        raise ValueError(f"sheet {sheet.key} (line {sheet.line}) lacks items {sorted(missing)}")


_TAG = re.compile(r"<(?:ul|/ul|p|/p|li|/li|br\s*/?)(?:\s[^>]*)?>")
_BULLET_START = re.compile(r"(?:(?<=[。）)」』】])|(?<=\s)|^)・|・(?=\s)")
_SPLIT_DIGITS = re.compile(r"(?<![\d０-９])\d(?: \d)+(?![\d０-９])")
_SPLIT_LETTERS = re.compile(r"(?<![A-Za-z])[A-Z](?: [A-Z])+(?![A-Za-z])")
_CJK = "\u3005\u3040-\u30ff\u4e00-\u9fff"
_OCR_SPACES = re.compile(rf"(?<=[{_CJK}]) (?=\d)|(?<=\d) (?=[{_CJK}])|(?<=\d) ?, ?(?=\d{{3}})")


def clean_text(lines: list[str]) -> str:
    """Plain text of an item: no HTML, no ``--``, bullets one per line.

    A ``<ul>`` fragment lost its ``<li>`` boundaries in extraction; a ・ opens a
    new bullet there where it starts the fragment or follows a space or a
    closing mark. A ・ joining two words (訪問・受入れ) is left alone.
    """
    out: list[str] = []
    for raw in lines:
        for piece in re.split(r"(?=<ul)|</?p>|<br\s*/?>", raw):
            in_list = piece.startswith("<ul")
            text = _TAG.sub(" ", piece)
            if in_list:
                text = _BULLET_START.sub("\n・", text.strip())
            for line in text.split("\n"):
                line = _unspace(squeeze(line))
                line = re.sub(r"^[-–]\s+", "", line)
                line = re.sub(r"^・\s+", "・", line)
                if line and line not in {"--", "-"}:
                    out.append(line)
    return "\n".join(out)


def _unspace(line: str) -> str:
    """Undo extraction spacing: 1 9 9 9 -> 1999, T E U -> TEU, 8 , 461 -> 8,461."""
    line = _SPLIT_DIGITS.sub(lambda m: m[0].replace(" ", ""), line)
    line = _SPLIT_LETTERS.sub(lambda m: m[0].replace(" ", ""), line)
    return _OCR_SPACES.sub(lambda m: m[0].strip(), line)
