"""Agreement between the two blind readings of the ties behind the agreements (issue 12).

Reads ``data-raw/ties_reading1.csv`` and ``data-raw/ties_reading2.csv`` (columns
``agreement,japanese_party,foreign_party,kind,year,evidence,note``) and prints, for every
agreement, the kind each reading gave it, then how many agreements the readings agree on,
the per cent, and Cohen's kappa over the agreements' kinds (six categories).

- An agreement's kind is the kind of its single row. Where a reading has several rows for an
  agreement, its kind is the set of (pair, kind), and the agreement counts as agreed only if
  the two sets are equal. Kappa needs one label per agreement: there it takes the first
  row's kind, and the output says how many agreements that concerns.
- A pair is (japanese_party, foreign_party); an empty column means every party on that side
  of the agreement (from ``agreements.json``), so "静岡県, (empty)" and "(empty), (empty)"
  are the same pairs when 静岡県 is the only Japanese party.
- Beside the kind, the year, the pair and the evidence are compared too: an agreement whose
  kinds agree but whose other fields differ is listed as agreed, with the fields that differ
  ("pair form" where the pairs are the same but the party columns are written differently).

``--markdown`` prints the figures and the table of every agreement where the readings
differ in any field. ``--settled PATH`` (the settled ``data-raw/ties.csv``, which adds a
``settled`` column) adds each row's settlement to that table and the final counts per kind,
and checks the settled file: known kinds, parties of the agreement, evidence an exact
substring of the agreement's title, background, activities or outcomes, no evidence for
``not_stated``, and a ``settled`` text exactly where the readings differ.

Cohen's kappa comes from NLTK (``nltk.metrics.agreement.AnnotationTask.kappa``, which for two
coders is Cohen's kappa: Cohen, J. 1960, "A coefficient of agreement for nominal scales",
Educational and Psychological Measurement 20(1), 37-46). NLTK is needed by this tool alone
and ships no type information, so it is imported when kappa is computed.

Usage::

    python tools/reading_agreement.py
    python tools/reading_agreement.py --markdown --settled data-raw/ties.csv
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

ROOT = Path(__file__).resolve().parent.parent
READING1 = ROOT / "data-raw" / "ties_reading1.csv"
READING2 = ROOT / "data-raw" / "ties_reading2.csv"
AGREEMENTS = ROOT / "src" / "sister_agreements" / "data" / "agreements.json"

KINDS = ("sister_city", "friendship_city", "sister_province", "other", "none", "not_stated")
COLUMNS = ("agreement", "japanese_party", "foreign_party", "kind", "year", "evidence", "note")
TEXT_FIELDS = ("title", "background", "activities", "outcomes")

Pair = tuple[str, str]


@dataclass(frozen=True)
class Tie:
    """One row of a reading: the tie the sheet states between a pair of the parties."""

    agreement: str
    japanese_party: str
    foreign_party: str
    kind: str
    year: str
    evidence: str
    note: str
    settled: str = ""


@dataclass(frozen=True)
class Sheet:
    """What the check needs of one agreement: its parties and its texts."""

    japanese: tuple[str, ...]
    foreign: tuple[str, ...]
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    """The two readings of one agreement."""

    agreement: str
    first: tuple[Tie, ...]
    second: tuple[Tie, ...]
    agreed: bool
    differs: tuple[str, ...]


class _AnnotationTask(Protocol):
    def kappa(self) -> float: ...


def load_sheets(path: Path = AGREEMENTS) -> dict[str, Sheet]:
    """The agreements of ``agreements.json`` by id, in the file's order."""
    document = json.loads(path.read_text(encoding="utf-8"))
    return {
        item["id"]: Sheet(
            japanese=tuple(party["name"] for party in item["japanese_parties"]),
            foreign=tuple(party["name"] for party in item["foreign_parties"]),
            texts=tuple(item[field] or "" for field in TEXT_FIELDS),
        )
        for item in document["agreements"]
    }


def load_reading(path: Path, sheets: dict[str, Sheet]) -> dict[str, tuple[Tie, ...]]:
    """A reading's rows grouped by agreement; refuses unknown ids, kinds and parties."""
    rows: dict[str, list[Tie]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [column for column in COLUMNS if column not in (reader.fieldnames or [])]
        if missing:
            raise SystemExit(f"{path.name}: missing columns {', '.join(missing)}")
        for line, row in enumerate(reader, start=2):
            tie = Tie(
                **{column: row[column] for column in COLUMNS}, settled=row.get("settled") or ""
            )
            problem = _row_problem(tie, sheets)
            if problem:
                raise SystemExit(f"{path.name}:{line}: {tie.agreement}: {problem}")
            rows.setdefault(tie.agreement, []).append(tie)
    absent = [agreement for agreement in sheets if agreement not in rows]
    if absent:
        raise SystemExit(f"{path.name}: no row for {', '.join(absent)}")
    return {agreement: tuple(rows[agreement]) for agreement in sheets}


def _row_problem(tie: Tie, sheets: dict[str, Sheet]) -> str:
    sheet = sheets.get(tie.agreement)
    if sheet is None:
        return "no such agreement"
    if tie.kind not in KINDS:
        return f"unknown kind {tie.kind!r}"
    if tie.japanese_party and tie.japanese_party not in sheet.japanese:
        return f"{tie.japanese_party!r} is not a Japanese party of it"
    if tie.foreign_party and tie.foreign_party not in sheet.foreign:
        return f"{tie.foreign_party!r} is not a foreign party of it"
    return ""


def pairs(tie: Tie, sheet: Sheet) -> frozenset[Pair]:
    """The pairs a row covers: an empty party column stands for every party on that side."""
    japanese = (tie.japanese_party,) if tie.japanese_party else sheet.japanese
    foreign = (tie.foreign_party,) if tie.foreign_party else sheet.foreign
    return frozenset((j, f) for j in japanese for f in foreign)


def kind_set(ties: Iterable[Tie], sheet: Sheet) -> frozenset[tuple[Pair, str]]:
    """The set of (pair, kind) a reading gives an agreement."""
    return frozenset((pair, tie.kind) for tie in ties for pair in pairs(tie, sheet))


def compare(first: Sequence[Tie], second: Sequence[Tie], sheet: Sheet) -> Comparison:
    """Whether two readings of one agreement agree, and which fields differ."""
    if len(first) == 1 and len(second) == 1:
        agreed = first[0].kind == second[0].kind
    else:
        agreed = kind_set(first, sheet) == kind_set(second, sheet)
    by_pairs = [{pairs(tie, sheet): tie for tie in ties} for ties in (first, second)]
    differs: list[str] = []
    if not agreed:
        differs.append("kind")
    if set(by_pairs[0]) != set(by_pairs[1]):
        differs.append("pair")
    elif _parties(first) != _parties(second):
        differs.append("pair form")
    for field in ("kind", "year", "evidence"):
        if field in differs:
            continue
        common = set(by_pairs[0]) & set(by_pairs[1])
        if any(getattr(by_pairs[0][p], field) != getattr(by_pairs[1][p], field) for p in common):
            differs.append(field)
    return Comparison(first[0].agreement, tuple(first), tuple(second), agreed, tuple(differs))


def _parties(ties: Sequence[Tie]) -> list[Pair]:
    return sorted((tie.japanese_party, tie.foreign_party) for tie in ties)


def cohen_kappa(first: Sequence[str], second: Sequence[str]) -> float:
    """Cohen's kappa of two coders' labels for the same items, computed by NLTK."""
    try:
        agreement = importlib.import_module("nltk.metrics.agreement")
    except ModuleNotFoundError as error:
        raise SystemExit("reading_agreement: Cohen's kappa needs NLTK: pip install nltk") from error
    data = [("reading 1", str(item), label) for item, label in enumerate(first)]
    data += [("reading 2", str(item), label) for item, label in enumerate(second)]
    task: _AnnotationTask = agreement.AnnotationTask(data=data)
    return float(task.kappa())


def describe_kind(ties: Sequence[Tie]) -> str:
    """The kind of a single row, or each row's pair and kind where there are several."""
    if len(ties) == 1:
        return ties[0].kind
    return "; ".join(f"{describe_pair(tie)}: {tie.kind}" for tie in ties)


def describe_pair(tie: Tie) -> str:
    return f"{tie.japanese_party or '(all)'} – {tie.foreign_party or '(all)'}"


def describe_fields(ties: Sequence[Tie], fields: Sequence[str]) -> str:
    """The values of the given fields, for a table cell."""
    parts: list[str] = []
    for tie in ties:
        values: list[str] = []
        for field in fields:
            if field in ("pair", "pair form"):
                values.append(f"pair {describe_pair(tie)}")
            elif field == "kind":
                values.append(tie.kind)
            elif field == "year":
                values.append(f"year {tie.year or '(empty)'}")
            else:
                values.append(f"“{tie.evidence}”" if tie.evidence else "(no evidence)")
        parts.append("; ".join(values))
    return " / ".join(parts).replace("|", "\\|")


@dataclass(frozen=True)
class Figures:
    """The agreement between the readings over all agreements."""

    total: int
    agreed: int
    kappa: float
    several_rows: tuple[str, ...]

    @property
    def per_cent(self) -> float:
        return 100 * self.agreed / self.total

    def lines(self) -> list[str]:
        several = (
            f"{len(self.several_rows)} agreement(s) ({', '.join(self.several_rows)}) with several "
            "rows in a reading: agreed only if the sets of (pair, kind) are equal; kappa "
            "takes the first row's kind"
            if self.several_rows
            else "no agreement has several rows in either reading (where one does, it is agreed "
            "only if the sets of (pair, kind) are equal, and kappa takes its first row's kind)"
        )
        return [
            f"agreed: {self.agreed} of {self.total} agreements ({self.per_cent:.1f} per cent)",
            f"Cohen's kappa over the agreements' kinds (6 categories): {self.kappa:.3f}",
            several,
        ]


def figures(comparisons: Sequence[Comparison]) -> Figures:
    kappa = cohen_kappa(
        [comparison.first[0].kind for comparison in comparisons],
        [comparison.second[0].kind for comparison in comparisons],
    )
    several = tuple(
        comparison.agreement
        for comparison in comparisons
        if len(comparison.first) > 1 or len(comparison.second) > 1
    )
    agreed = sum(comparison.agreed for comparison in comparisons)
    return Figures(len(comparisons), agreed, kappa, several)


def check_settled(
    settled: dict[str, tuple[Tie, ...]],
    comparisons: Sequence[Comparison],
    sheets: dict[str, Sheet],
) -> list[str]:
    """What is wrong with the settled file; empty when nothing is."""
    problems: list[str] = []
    for comparison in comparisons:
        agreement = comparison.agreement
        sheet = sheets[agreement]
        for tie in settled[agreement]:
            if tie.kind == "not_stated" and (tie.evidence or tie.year):
                problems.append(f"{agreement}: not_stated with evidence or year")
            if tie.kind != "not_stated" and not tie.evidence:
                problems.append(f"{agreement}: {tie.kind} without evidence")
            if tie.evidence and not any(tie.evidence in text for text in sheet.texts):
                problems.append(f"{agreement}: evidence not in the sheet: {tie.evidence}")
            if tie.year and not (tie.year.isdigit() and len(tie.year) == 4):
                problems.append(f"{agreement}: year {tie.year!r} is not a Western year")
        has_settlement = any(tie.settled for tie in settled[agreement])
        if comparison.differs and not has_settlement:
            problems.append(f"{agreement}: the readings differ ({', '.join(comparison.differs)})")
        if not comparison.differs and has_settlement:
            problems.append(f"{agreement}: a settlement where the readings agree")
        if not comparison.differs and _fields(settled[agreement]) != _fields(comparison.first):
            problems.append(f"{agreement}: changed although the readings agree")
    return problems


def _fields(ties: Sequence[Tie]) -> list[tuple[str, ...]]:
    return [
        (tie.japanese_party, tie.foreign_party, tie.kind, tie.year, tie.evidence) for tie in ties
    ]


def plain(comparisons: Sequence[Comparison], result: Figures) -> str:
    lines = [f"{'agreement':<10} {'reading 1':<16} {'reading 2':<16} {'agreed':<7} also differs"]
    for comparison in comparisons:
        also = [field for field in comparison.differs if field != "kind"]
        lines.append(
            f"{comparison.agreement:<10} {describe_kind(comparison.first):<16} "
            f"{describe_kind(comparison.second):<16} "
            f"{'yes' if comparison.agreed else 'NO':<7} {', '.join(also)}".rstrip()
        )
    return "\n".join([*lines, "", *result.lines()])


def markdown(
    comparisons: Sequence[Comparison],
    result: Figures,
    settled: dict[str, tuple[Tie, ...]] | None,
) -> str:
    lines = [f"- {line[0].upper()}{line[1:]}." for line in result.lines()]
    differing = [comparison for comparison in comparisons if comparison.differs]
    kinds = sum(not comparison.agreed for comparison in comparisons)
    lines += [
        f"- The readings differ in some field for {len(differing)} agreements: in kind for "
        f"{kinds}, in year, pair or evidence only for {len(differing) - kinds}.",
        "",
    ]
    header = "| agreement | differs in | reading 1 | reading 2 |"
    rule = "|---|---|---|---|"
    if settled is not None:
        header += " settled as | how |"
        rule += "---|---|"
    lines += [header, rule]
    for comparison in differing:
        fields = comparison.differs
        row = (
            f"| {comparison.agreement} | {', '.join(fields)} "
            f"| {describe_fields(comparison.first, fields)} "
            f"| {describe_fields(comparison.second, fields)} |"
        )
        if settled is not None:
            ties = settled[comparison.agreement]
            how = " ".join(tie.settled for tie in ties if tie.settled).replace("|", "\\|")
            row += f" {describe_fields(ties, fields)} | {how} |"
        lines.append(row)
    if settled is not None:
        counts = Counter(tie.kind for ties in settled.values() for tie in ties)
        lines += ["", "| kind | rows |", "|---|---|"]
        lines += [f"| {kind} | {counts[kind]} |" for kind in KINDS]
        lines.append(f"| total | {sum(counts.values())} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--first", type=Path, default=READING1, help="the first reading")
    parser.add_argument("--second", type=Path, default=READING2, help="the second reading")
    parser.add_argument("--agreements", type=Path, default=AGREEMENTS, help="agreements.json")
    parser.add_argument(
        "--markdown", action="store_true", help="print the figures and the disagreements table"
    )
    parser.add_argument(
        "--settled", type=Path, help="the settled ties.csv: check it and show the settlements"
    )
    args = parser.parse_args(argv)
    sheets = load_sheets(args.agreements)
    first = load_reading(args.first, sheets)
    second = load_reading(args.second, sheets)
    comparisons = [compare(first[a], second[a], sheets[a]) for a in sheets]
    result = figures(comparisons)
    settled = load_reading(args.settled, sheets) if args.settled else None
    if settled is not None:
        problems = check_settled(settled, comparisons, sheets)
        if problems:
            print("\n".join(problems), file=sys.stderr)
            return 1
    print(markdown(comparisons, result, settled) if args.markdown else plain(comparisons, result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
