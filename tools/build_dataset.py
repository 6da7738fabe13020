"""Build src/sister_agreements/data/ (agreements.json, its digest, JSON Schema and fast
form agreements.rows.jsonl, names.json) from data-raw/.

    python tools/build_dataset.py          # write the package data
    python tools/build_dataset.py --check  # exit 1 if the committed data is stale

The report text is cut into index entries and sheets (report_text.py); the
curation files of data-raw/ say what the pieces mean; registers.py adds the
registers (every country, prefecture readings, the name tables of names.json).
Every curated value is anchored: a party's name must be printed in its sheet,
an erratum's "printed" text must be printed in the report, a tie's evidence in its
agreement's texts, an English title must belong to its agreement's printed title, and
every era/year mismatch and every difference between copies of one agreement must have
an erratum, or the build fails. The package's strict reader then reads the built file
(unique ids and keys, every reference resolving, every agreement with a listing, the
schema_version the code reads) before anything is written; the fast form that load()
reads is written from the document so read, and names the sha256 recorded here.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import re
import sys
import tomllib
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import data_schema  # noqa: E402
import docs_pages  # noqa: E402
import registers  # noqa: E402
import report_text  # noqa: E402
from registers import BuildError  # noqa: E402
from report_text import IndexEntry, Sheet, clean_text, squeeze  # noqa: E402

from sister_agreements import _codec, _decode, _document, names  # noqa: E402
from sister_agreements._codec import Document  # noqa: E402
from sister_agreements.dataset import DATA_FILE, DIGEST_FILE, ROWS_FILE  # noqa: E402
from sister_agreements.dates import PartialDate, era_years  # noqa: E402
from sister_agreements.errors import DatasetError  # noqa: E402
from sister_agreements.model import (  # noqa: E402
    Agreement,
    Contact,
    DatedEvent,
    Erratum,
    ForeignParty,
    JapaneseParty,
    Link,
    Listing,
    Prefecture,
    Source,
    Tie,
)
from sister_agreements.taxonomy import Field, ForeignKind, JapaneseKind, TieKind  # noqa: E402

RAW = ROOT / "data-raw"
DATA = ROOT / "src" / "sister_agreements" / "data"
OUTPUT = DATA / DATA_FILE
DIGEST_OUTPUT = DATA / DIGEST_FILE
ROWS_OUTPUT = DATA / ROWS_FILE
SCHEMA_OUTPUT = DATA / "agreements.schema.json"
NAMES_OUTPUT = DATA / "names.json"
COMPARED_ITEMS = {
    "parties": "(1) 自治体名",
    "date": "(2) 提携年月日",
    "background": "(3) 提携に至った経緯",
    "activities": "(4) 提携後の取組内容",
    "outcomes": "(5) 取組による成果・課題等",
    "urls": "(6) URL",
    "contacts": "(7) 問い合わせ先",
}
#: Kana and kanji (full- and half-width), which no English title may hold.
JAPANESE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")


def read_csv(name: str) -> list[dict[str, str]]:
    return registers.read_csv(RAW / name)


def nospace(text: str) -> str:
    """``text`` without whitespace, in NFKC: the form printed texts are compared in."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


# --- sheet items -----------------------------------------------------------


def party_cells(sheet: Sheet) -> dict[str, str]:
    """The 日本の自治体 and 海外の自治体 cells of item (1)."""
    cells = {"japanese": "", "foreign": ""}
    side = ""
    for line in sheet.items[1]:
        if line.startswith("日本の自治体"):
            side, line = "japanese", line.removeprefix("日本の自治体")
        elif line.startswith("海外の自治体"):
            side, line = "foreign", line.removeprefix("海外の自治体")
        if not side:
            raise BuildError(f"sheet {sheet.key}: unlabelled party line {line!r}")
        cells[side] = squeeze(cells[side] + " " + line)
    return cells


def read_links(lines: list[str]) -> tuple[Link, ...]:
    """URLs of item (6), each with the note printed before or after it."""
    links = []
    for line in clean_text(lines).split("\n"):
        for match in re.finditer(r"<?(https?://[^\s<>]+)>?", line):
            label = squeeze(line[: match.start()] + " " + line[match.end() :]) or None
            links.append(Link(match[1], label))
        if links and "http" not in line and line:
            previous = links[-1]
            label = f"{previous.label} {line}" if previous.label else line
            links[-1] = Link(previous.url, label)
    return tuple(links)


def read_contacts(lines: list[str]) -> tuple[Contact, ...]:
    """Contacts of item (7).

    Cells printed in parallel give one contact each: "A … B …" lettered cells,
    or two departments joined by 、 beside two phones and two e-mails.
    """
    cells: dict[str, list[str]] = {"担当部署名": [], "電話番号": [], "電子メール": []}
    current = "担当部署名"
    for line in lines:
        for part in (part.strip() for part in line.split("\t")):
            if part in cells:
                current = part
            elif part:
                cells[current].append(part)
    department = "\n".join(cells["担当部署名"])
    phone = " ".join(cells["電話番号"])
    email = " ".join(cells["電子メール"])
    if re.match(r"[A-Z] ", department):
        columns = [re.split(r"(?:^|\s|、)[A-Z] ", text)[1:] for text in (department, phone, email)]
    else:
        columns = [department.split("、"), phone.split(), email.split()]
    if len(columns[2]) > 1 and len({len(column) for column in columns}) == 1:
        return tuple(
            Contact(d.strip("、 ") or None, p.strip() or None, e.strip() or None)
            for d, p, e in zip(*columns, strict=True)
        )
    return (Contact(department or None, phone or None, email or None),)


def read_dates(
    sheet: Sheet, labels: dict[tuple[str, str], str], corrections: dict[tuple[str, str], Erratum]
) -> tuple[tuple[DatedEvent, ...], str, list[str]]:
    """The dated events of item (2), its printed text, and unexplained problems."""
    text = "\n".join(squeeze(line) for line in sheet.items[2] if line.strip() not in {"--"})
    problems = []
    events = []
    printed_dates = era_years(text)
    for printed, era_year, year in printed_dates:
        date = PartialDate.parse(printed, keep_western=True)
        if era_year != year:
            erratum = corrections.get((sheet.key, printed))
            if erratum is None:
                problems.append(f"sheet {sheet.key}: era year {era_year} != {year} in {printed!r}")
                continue
            date = PartialDate.fromisoformat(erratum.dataset)
        label = labels.pop((sheet.key, date.isoformat()), None)
        if label is not None and nospace(label) not in nospace(text):
            problems.append(f"sheet {sheet.key}: date label {label!r} is not printed")
        events.append(DatedEvent(date, label))
    if text and not printed_dates:
        problems.append(f"sheet {sheet.key}: no date in {text!r}")
    return tuple(events), text, problems


# --- parties ---------------------------------------------------------------


def read_parties(
    sheets: dict[str, Sheet], prefectures: dict[str, Prefecture]
) -> tuple[dict[str, tuple[JapaneseParty, ...]], dict[str, tuple[ForeignParty, ...]]]:
    """Each sheet's parties from parties.csv, with the identifiers of the places files."""
    japanese_places = {
        (row["prefecture"], row["municipality"]): row for row in read_csv("japanese_places.csv")
    }
    foreign_places = {(row["country"], row["name"]): row for row in read_csv("foreign_places.csv")}
    japanese: dict[str, list[JapaneseParty]] = {key: [] for key in sheets}
    foreign: dict[str, list[ForeignParty]] = {key: [] for key in sheets}
    for row in read_csv("parties.csv"):
        sheet = sheets.get(row["sheet"])
        if sheet is None:
            raise BuildError(f"parties.csv: no sheet {row['sheet']}")
        cell = party_cells(sheet)[row["side"]]
        if nospace(row["name"]) not in nospace(cell):
            raise BuildError(f"parties.csv: {row['name']!r} is not printed in sheet {sheet.key}")
        if row["side"] == "japanese":
            japanese[sheet.key].append(japanese_party(row, japanese_places, prefectures))
        else:
            foreign[sheet.key].append(foreign_party(row, foreign_places))
    for key in sheets:
        if not japanese[key] or not foreign[key]:
            raise BuildError(f"parties.csv: sheet {key} lacks a side")
    return (
        {key: tuple(parties) for key, parties in japanese.items()},
        {key: tuple(parties) for key, parties in foreign.items()},
    )


def japanese_party(
    row: dict[str, str],
    places: dict[tuple[str, str], dict[str, str]],
    prefectures: dict[str, Prefecture],
) -> JapaneseParty:
    if row["prefecture"] not in prefectures:
        raise BuildError(f"parties.csv: unknown prefecture {row['prefecture']!r}")
    kind = JapaneseKind(row["kind"])
    # A body that is not a local government has its own row, keyed by its name.
    key = row["name"] if kind is JapaneseKind.ORGANISATION else row["municipality"]
    place = places.get((row["prefecture"], key))
    if place is None:
        raise BuildError(
            f"japanese_places.csv: no row for {row['prefecture']} {row['municipality']}"
        )
    if JapaneseKind(place["kind"]) is not kind:
        raise BuildError(
            f"parties.csv and japanese_places.csv disagree on the kind of {row['name']}"
        )
    lg_code = place["lg_code"] or None
    if (lg_code is None) != (kind is JapaneseKind.ORGANISATION) or (
        lg_code is not None and not names.is_valid_lg_code(lg_code)
    ):
        raise BuildError(f"japanese_places.csv: bad lg_code {lg_code!r} for {row['name']}")
    return JapaneseParty(
        name=row["name"],
        prefecture=row["prefecture"],
        municipality=row["municipality"] or None,
        kind=kind,
        lg_code=lg_code,
        name_en=place["name_en"],
        became=place["became"] or None,
        became_on=PartialDate.fromisoformat(place["became_on"]) if place["became_on"] else None,
    )


def foreign_party(
    row: dict[str, str], places: dict[tuple[str, str], dict[str, str]]
) -> ForeignParty:
    place = places.get((row["country"], row["name"]))
    if place is None:
        raise BuildError(f"foreign_places.csv: no row for {row['country']} {row['name']}")
    if row["region"] and place["region"] != row["region"]:
        raise BuildError(
            f"foreign_places.csv: region of {row['name']} is printed {row['region']!r}"
        )
    return ForeignParty(
        name=row["name"],
        country=row["country"],
        region=place["region"] or None,
        locality=row["locality"] or None,
        kind=ForeignKind(row["kind"]),
        region_code=place["region_code"] or None,
        region_en=place["region_en"] or None,
        name_en=place["name_en"],
    )


def read_prefectures() -> tuple[Prefecture, ...]:
    rows = [row for row in read_csv("japanese_places.csv") if row["kind"] == "prefecture"]
    kana = registers.prefecture_kana({row["lg_code"]: row["prefecture"] for row in rows})
    return tuple(
        Prefecture(
            row["lg_code"][:2],
            row["lg_code"],
            row["prefecture"],
            kana[row["lg_code"]],
            row["name_en"],
        )
        for row in rows
    )


# --- assembling ------------------------------------------------------------


def read_errata(report: str) -> list[Erratum]:
    """errata.csv's errata (its ``checked`` column is the curators' record, not data).

    Raises:
        BuildError: for a ``printed`` part not printed in the report, an erratum without
            Japanese evidence, or an id given twice.
    """
    errata = []
    flat = nospace(report)
    columns = [field.name for field in attrs.fields(Erratum)]
    for row in read_csv("errata.csv"):
        erratum = Erratum(**{column: row[column] for column in columns})
        for printed in erratum.printed.split(" / "):
            if nospace(printed) not in flat:
                raise BuildError(
                    f"errata.csv {erratum.id}: {printed!r} is not printed in the report"
                )
        if not erratum.evidence_ja.strip():
            raise BuildError(f"errata.csv {erratum.id}: no evidence_ja")
        errata.append(erratum)
    ids = [erratum.id for erratum in errata]
    if len(ids) != len(set(ids)):
        raise BuildError("errata.csv: duplicate ids")
    return errata


# --- the project's readings: English titles and ties -----------------------


def read_titles() -> dict[str, dict[str, str]]:
    """titles_en.csv's rows by agreement id.

    Raises:
        BuildError: for an agreement given twice.
    """
    rows: dict[str, dict[str, str]] = {}
    for row in read_csv("titles_en.csv"):
        if row["agreement"] in rows:
            raise BuildError(f"titles_en.csv: agreement {row['agreement']} twice")
        rows[row["agreement"]] = row
    return rows


def read_ties() -> dict[str, tuple[Tie, ...]]:
    """ties.csv's ties by agreement id; an empty party column is None (every party on
    that side).

    Raises:
        BuildError: for a kind that is not a ``TieKind`` value or a year that is not a
            Western year.
    """
    kinds = {kind.value for kind in TieKind}
    ties: dict[str, tuple[Tie, ...]] = {}
    for row in read_csv("ties.csv"):
        where = f"ties.csv {row['agreement']}"
        if row["kind"] not in kinds:
            raise BuildError(f"{where}: unknown kind {row['kind']!r}")
        if row["year"] and not re.fullmatch(r"1[89]\d\d|20\d\d", row["year"]):
            raise BuildError(f"{where}: year {row['year']!r} is not a Western year")
        tie = Tie(
            kind=TieKind(row["kind"]),
            year=int(row["year"]) if row["year"] else None,
            japanese_party=row["japanese_party"] or None,
            foreign_party=row["foreign_party"] or None,
            evidence=row["evidence"],
        )
        ties[row["agreement"]] = (*ties.get(row["agreement"], ()), tie)
    return ties


def check_readings(
    agreements: list[Agreement],
    titles: dict[str, dict[str, str]],
    ties: dict[str, tuple[Tie, ...]],
) -> list[str]:
    """What is wrong with titles_en.csv and ties.csv, read against the built agreements:
    an agreement without a row or a row without an agreement, a row's title that is not
    the agreement's, an English title that is empty or holds kana or kanji, and every
    problem of ``tie_problems``."""
    ids = {agreement.id for agreement in agreements}
    problems = [
        f"{name}: no agreement {key}"
        for name, rows in (("titles_en.csv", titles), ("ties.csv", ties))
        for key in rows
        if key not in ids
    ]
    for agreement in agreements:
        row = titles.get(agreement.id)
        if row is None:
            problems.append(f"titles_en.csv: no row for agreement {agreement.id}")
        elif row["title"] != agreement.title:
            problems.append(
                f"titles_en.csv {agreement.id}: {row['title']!r} is not the agreement's "
                f"title {agreement.title!r}"
            )
        elif not agreement.title_en.strip() or JAPANESE.search(agreement.title_en):
            problems.append(
                f"titles_en.csv {agreement.id}: title_en {agreement.title_en!r} is empty or "
                "holds kana or kanji"
            )
        if not agreement.ties:
            problems.append(f"ties.csv: no row for agreement {agreement.id}")
        for tie in agreement.ties:
            problems += [f"ties.csv {agreement.id}: {p}" for p in tie_problems(agreement, tie)]
    return problems


def tie_problems(agreement: Agreement, tie: Tie) -> list[str]:
    """A party that is not a party name of the agreement, evidence that is not part of its
    title, background, activities or outcomes, and a ``not_stated`` tie with evidence or a
    year, or a tie of another kind without evidence."""
    problems = []
    for party, parties in (
        (tie.japanese_party, agreement.japanese_parties),
        (tie.foreign_party, agreement.foreign_parties),
    ):
        if party is not None and party not in {p.name for p in parties}:
            problems.append(f"{party!r} is not a party of the agreement")
    texts = (agreement.title, agreement.background, agreement.activities, agreement.outcomes)
    if tie.evidence and not any(tie.evidence in text for text in texts):
        problems.append(f"evidence {tie.evidence!r} is not in the agreement's texts")
    stated = tie.kind is not TieKind.NOT_STATED
    if stated != bool(tie.evidence) or (not stated and tie.year is not None):
        problems.append(
            f"a {tie.kind.value} tie "
            + ("without evidence" if stated else "with evidence or a year")
        )
    return problems


def sheet_items(sheet: Sheet) -> dict[str, str]:
    """The items of a sheet in the form copies are compared in."""
    return {
        "parties": nospace(" ".join(party_cells(sheet).values())),
        "date": nospace(" ".join(sheet.items[2])),
        "background": nospace(clean_text(sheet.items[3])),
        "activities": nospace(clean_text(sheet.items[4])),
        "outcomes": nospace(clean_text(sheet.items[5])),
        "urls": nospace(" ".join(link.url for link in read_links(sheet.items[6]))),
        "contacts": nospace(" ".join(sheet.items[7])),
    }


def build(report: str) -> tuple[dict[str, object], dict[str, Any]]:
    """The agreements.json and names.json documents.

    Raises:
        BuildError: if data-raw/ and the registers do not make a consistent dataset.
    """
    entries, sheet_list = report_text.read_report(report)
    sheets = {sheet.key: sheet for sheet in sheet_list}
    if len(entries) != len(sheets):
        raise BuildError(f"{len(entries)} index entries but {len(sheets)} sheets")

    errata = read_errata(report)
    by_listing: dict[tuple[str, str], list[Erratum]] = {}
    for erratum in errata:
        by_listing.setdefault((erratum.listing, erratum.kind), []).append(erratum)
    era_fixes = {
        (erratum.listing, nospace(erratum.printed)): erratum
        for erratum in errata
        if erratum.kind == "era_year"
    }
    labels = {(row["sheet"], row["date"]): row["label"] for row in read_csv("date_labels.csv")}
    sheet_of = {row["listing"]: row["sheet"] for row in read_csv("sheet_order.csv")}
    same_as = {row["listing"]: row["same_as"] for row in read_csv("merges.csv")}
    curated_countries = read_csv("countries.csv")
    countries = registers.add_aliases(
        registers.countries(curated_countries), read_csv("country_aliases.csv")
    )
    prefectures = read_prefectures()
    if len(prefectures) != 47:
        raise BuildError(f"japanese_places.csv: {len(prefectures)} prefectures, not 47")
    japanese, foreign = read_parties(sheets, {p.name_ja: p for p in prefectures})
    titles, ties = read_titles(), read_ties()

    listings = {entry_key(entry): make_listing(entry, sheets, sheet_of) for entry in entries}
    for key, target in same_as.items():
        if key not in listings or target not in listings or target >= key:
            raise BuildError(f"merges.csv: {key} -> {target} is not an earlier listing")
    problems: list[str] = []
    groups: dict[str, list[Listing]] = {}
    for key, listing in listings.items():
        root = key
        while root in same_as:
            root = same_as[root]
        groups.setdefault(root, []).append(listing)
        if listing.relisted and key not in same_as:
            problems.append(f"listing {key} is marked 【再掲】 but merges.csv names no original")

    agreements = []
    for root, members in groups.items():
        first = sheets[members[0].sheet]
        dates, date_text, date_problems = read_dates(first, labels, era_fixes)
        problems += date_problems
        for member in members[1:]:
            copy = sheets[member.sheet]
            problems += read_dates(copy, labels, era_fixes)[2]
            problems += compare_copies(first, copy, member.key, by_listing)
        agreements.append(
            Agreement(
                id=root,
                title=first.title,
                title_en=titles[root]["title_en"] if root in titles else "",
                japanese_parties=japanese[first.key],
                foreign_parties=foreign[first.key],
                dates=dates,
                date_text=date_text,
                background=clean_text(first.items[3]),
                activities=clean_text(first.items[4]),
                outcomes=clean_text(first.items[5]),
                urls=read_links(first.items[6]),
                contacts=read_contacts(first.items[7]),
                listings=tuple(members),
                ties=ties.get(root, ()),
            )
        )
    if labels:
        problems.append(f"date_labels.csv: rows match no printed date: {sorted(labels)}")
    problems += check_readings(agreements, titles, ties)
    known = {row["code"] for row in curated_countries}
    for agreement in agreements:
        problems += [
            f"agreement {agreement.id}: country {code} is not in countries.csv"
            for code in agreement.countries
            if code not in known
        ]
    for erratum in errata:
        if erratum.listing not in listings:
            problems.append(f"errata.csv {erratum.id}: no listing {erratum.listing}")
    if problems:
        raise BuildError("\n".join(problems))
    provenance = tomllib.loads((RAW / "source.toml").read_text(encoding="utf-8"))
    source = Source(**provenance, registers=registers.register_versions())
    document = Document(source, countries, prefectures, tuple(agreements), tuple(errata))
    return _codec.unstructure_document(document), build_names(provenance)


def validate(text: str) -> Document:
    """``text`` read by the package's strict reader, as a user's file would be.

    Raises:
        BuildError: naming the JSON path and the record of the first fault.
    """
    try:
        return _document.read_document(text.encode("utf-8"), f"built {DATA_FILE}")
    except DatasetError as error:
        raise BuildError(str(error)) from None


def digest_line(text: str) -> str:
    """The sha256 of the data file's bytes, as ``sha256sum`` prints it: what load() checks."""
    return f"{hashlib.sha256(text.encode('utf-8')).hexdigest()}  {DATA_FILE}\n"


def build_names(provenance: dict[str, Any]) -> dict[str, Any]:
    """The names.json document: the variant map and every local government code."""
    variant_map = registers.variants(
        registers.cvu_table(), read_csv("variants_rejected.csv"), read_csv("variants.csv")
    )
    rows, retired = registers.municipalities(read_csv("japanese_places.csv"))
    return registers.names_document(provenance, variant_map, rows, retired)


def entry_key(entry: IndexEntry) -> str:
    return f"{entry.field}-{entry.number:02d}"


def make_listing(entry: IndexEntry, sheets: dict[str, Sheet], sheet_of: dict[str, str]) -> Listing:
    key = entry_key(entry)
    sheet = sheets[sheet_of.get(key, key)]
    return Listing(
        field=Field(entry.field),
        number=entry.number,
        page=entry.page,
        relisted=entry.relisted,
        index_parties=entry.parties,
        index_title=entry.title,
        sheet=sheet.key,
        sheet_title=sheet.title,
    )


def compare_copies(
    first: Sheet, copy: Sheet, listing: str, errata: dict[tuple[str, str], list[Erratum]]
) -> Iterator[str]:
    """Every item where a copy differs from the first sheet needs a copy_differs erratum."""
    explained = {erratum.item for erratum in errata.get((listing, "copy_differs"), [])}
    ours, theirs = sheet_items(first), sheet_items(copy)
    for item in COMPARED_ITEMS:
        if ours[item] != theirs[item] and item not in explained:
            yield f"listing {listing}: sheet {copy.key} differs from {first.key} in {item}"


def render(document: dict[str, object]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def render_names(document: dict[str, Any]) -> str:
    """names.json's text: as ``render`` would, but one municipality per line."""
    parts = []
    for key, value in document.items():
        if key == "municipalities":
            rows = ",\n".join("  " + json.dumps(row, ensure_ascii=False) for row in value)
            text = f"[\n{rows}\n ]"
        else:
            text = json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n ")
        parts.append(f" {json.dumps(key)}: {text}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files")
    args = parser.parse_args(argv)
    report = (RAW / "report.txt").read_text(encoding="utf-8")
    try:
        raw, names_document = build(report)
        text = render(raw)
        document = validate(text)
    except BuildError as error:
        print(f"build failed:\n{error}", file=sys.stderr)
        return 1
    outputs = {
        OUTPUT: text,
        DIGEST_OUTPUT: digest_line(text),
        ROWS_OUTPUT: _decode.rows_text(document, digest_line(text).split()[0]),
        SCHEMA_OUTPUT: render(data_schema.json_schema()),
        NAMES_OUTPUT: render_names(names_document),
        **docs_pages.pages(document.errata),
    }
    if args.check:
        stale = [path for path, text in outputs.items() if _read(path) != text]
        for path in stale:
            diff = difflib.unified_diff(
                _read(path).splitlines(),
                outputs[path].splitlines(),
                "committed",
                "fresh build",
                lineterm="",
            )
            print("\n".join(list(diff)[:40]), file=sys.stderr)
            print(f"{path.relative_to(ROOT)} is stale: run tools/build_dataset.py", file=sys.stderr)
        if not stale:
            print("the package data and the generated docs are up to date")
        return 1 if stale else 0
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


if __name__ == "__main__":
    sys.exit(main())
