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


def is_field_heading(line: str) -> bool:
    """True for a field heading such as ``⑤ 經濟交流 (農業等)`` or ``⑨その他``."""
    return _FIELD_HEADING.fullmatch(line.strip()) is not None


_FIELD_HEADING = re.compile(r"[①-⑨]\s*[^\s。、]+(?:\s*[(（][^)）]*[)）])?")


def read_report(text: str) -> tuple[list[IndexEntry], list[Sheet]]:
    """Cut the report into its index entries and its sheets."""
    lines = text.split("\n")
    index_start = next(i for i, line in enumerate(lines) if line.startswith("4 調査結果"))
    first_item = next(i for i, line in enumerate(lines) if _item_number(line) == 1)
    sheets_start = max(i for i in range(first_item) if is_field_heading(lines[i]))
    return parse_index(lines, index_start, sheets_start), parse_sheets(lines, sheets_start)


def parse_index(lines: list[str], start: int, end: int) -> list[IndexEntry]:
    """Read the index, lines[start:end]; an entry may wrap its title onto a second line."""
    entries: list[IndexEntry] = []
    field_number = 0
    pending: tuple[int, str, int] | None = None
    for i in range(start, end):
        line = lines[i].strip()
        if is_field_heading(line):
            field_number = CIRCLED.index(line[0]) + 1
            continue
        match = _NUMBERED.match(line)
        if field_number and match:
            if pending:
                raise ValueError(f"index line {pending[2] + 1}: an entry without a title")
            body = re.sub(r"\s\d+\s*$", "", match[2])
            pending = (_number(match[1]), body, i)
            if "「" not in body:
                continue
        elif not (pending and line.startswith("「")):
            continue
        else:
            pending = (pending[0], pending[1] + " " + line, pending[2])
        number, body, at = pending
        entries.append(_entry(field_number, number, body, _page(lines[at]), at + 1))
        pending = None
    return entries


def _page(line: str) -> int:
    found = re.search(r"\s(\d+)\s*$", line)
    if found is None:
        raise ValueError(f"an index entry without a page number: {line!r}")
    return int(found[1])


def _entry(field_number: int, number: int, body: str, page: int, line: int) -> IndexEntry:
    body = squeeze(body)
    title_start = body.index("「")
    rest = body[title_start:]
    relisted = _RELISTED in rest
    title = rest.replace(_RELISTED, "").strip().removeprefix("「").removesuffix("」")
    return IndexEntry(field_number, number, body[:title_start].strip(), title, page, relisted, line)


def parse_sheets(lines: list[str], start: int) -> list[Sheet]:
    """Read the sheets, lines[start:]: each is a numbered heading and items (1)-(7)."""
    headings = []
    for i in range(start, len(lines)):
        if _item_number(lines[i]) == 1:
            heading = i - 1
            while not lines[heading].strip():
                heading -= 1
            headings.append(heading)
    sheets = []
    for heading, end in zip(headings, [*headings[1:], len(lines)], strict=True):
        field_line = max(i for i in range(start, heading) if is_field_heading(lines[i]))
        match = _NUMBERED.match(lines[heading].strip())
        if match is None:
            raise ValueError(f"line {heading + 1}: a sheet heading without a number")
        title = squeeze(match[2])
        sheet = Sheet(
            field=CIRCLED.index(lines[field_line].strip()[0]) + 1,
            number=_number(match[1]),
            title=squeeze(title.replace(_RELISTED, "")),
            relisted=_RELISTED in title,
            line=heading + 1,
        )
        _read_items(sheet, lines[heading + 1 : end])
        sheets.append(sheet)
    return sheets


def _item_number(line: str) -> int | None:
    match = _ITEM.match(line.strip())
    if match is None:
        return None
    number = int(match[1])
    return number if match[2].startswith(_ITEM_LABELS[number][:4]) else None


def _read_items(sheet: Sheet, lines: list[str]) -> None:
    current: int | None = None
    for line in lines:
        number = _item_number(line)
        if number is not None:
            current = number
            sheet.items[current] = []
        elif current is not None and line.strip() and not is_field_heading(line):
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
