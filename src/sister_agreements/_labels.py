"""The words the command line and the reports show for agreements and errata, in Japanese
and English: the rows of a table of agreements, of a table of errata, and the labels of
the errata's kinds and items. One place, so that ``list`` and a report's table agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType

from sister_agreements.model import Agreement, Erratum

#: The kinds of errata (``Erratum.kind``) in Japanese and English, as headings.
ERRATUM_KINDS = MappingProxyType(
    {
        "index_order": ("索引と個票の順序", "Index and sheets in different orders"),
        "index_name": ("索引の当事者名", "Party names in the index"),
        "sheet_name": ("個票の当事者名", "Party names on the sheets"),
        "index_title": ("索引の名称", "Titles in the index"),
        "relisting_mark": ("再掲の表示", "Re-listing marks"),
        "era_year": ("和暦と西暦の不一致", "Era year against Western year"),
        "date_conflict": ("年月日と本文の矛盾", "Dates the sheet's own text contradicts"),
        "copy_differs": ("再掲された個票の相違", "Copies of one agreement that differ"),
        "misplaced_text": ("別の個票の記載", "Text that belongs to another sheet"),
        "incomplete_parties": ("当事者の記載漏れ", "Parties the cell leaves out"),
        "contact": ("問い合わせ先", "Contacts"),
        "text_misprint": ("本文の誤記", "Misprints in the sheets' texts"),
    }
)
#: The items of a sheet or listing an erratum concerns (``Erratum.item``), in Japanese:
#: the sheets' own item names where the item is one of them.
ERRATUM_ITEMS_JA = MappingProxyType(
    {
        "listing": "掲載",
        "sheet": "個票",
        "sheet title": "個票の名称",
        "title": "名称",
        "parties": "自治体名",
        "date": "提携年月日",
        "background": "提携に至った経緯",
        "activities": "提携後の取組内容",
        "outcomes": "取組による成果・課題等",
        "urls": "URL",
        "contacts": "問い合わせ先",
    }
)


def t(lang: str, ja: str, en: str) -> str:
    """``ja`` under ``lang`` "ja", else ``en``."""
    return ja if lang == "ja" else en


def title(agreement: Agreement, lang: str) -> str:
    """The title of ``agreement`` in ``lang``; every title the command line and the reports
    show comes from here: the report's title, or under ``en`` the project's English
    rendering of it (``title_en``)."""
    return agreement.title_en if lang == "en" else agreement.title


def evidence(erratum: Erratum, lang: str) -> str:
    """The evidence of ``erratum`` in ``lang``: the register's English text, or under
    ``ja`` its Japanese rendering (``evidence_ja``)."""
    return erratum.evidence_ja if lang == "ja" else erratum.evidence


def agreement_rows(agreements: Iterable[Agreement], lang: str) -> list[list[str]]:
    """A header and one row per agreement: ID, signed (ISO date, "" if none), fields (their
    symbols, "①②"), the Japanese and the foreign parties (names in ``lang``, joined by "、"
    or ", ") and the title in ``lang``."""
    header = [
        "ID",
        t(lang, "締結", "Signed"),
        t(lang, "分野", "Fields"),
        t(lang, "日本側", "Japanese parties"),
        t(lang, "海外側", "Foreign parties"),
        t(lang, "名称", "Title"),
    ]
    rows = [header]
    comma = t(lang, "、", ", ")
    for a in agreements:
        japanese = comma.join(t(lang, p.name, p.name_en) for p in a.japanese_parties)
        foreign = comma.join(t(lang, p.name, p.name_en) for p in a.foreign_parties)
        signed = a.signed.isoformat() if a.signed else ""
        fields = "".join(f.symbol for f in a.fields)
        rows.append([a.id, signed, fields, japanese, foreign, title(a, lang)])
    return rows


def errata_rows(
    errata: Iterable[Erratum], lang: str, *, keys: bool = False, with_evidence: bool = True
) -> list[list[str]]:
    """A header and one row per erratum: ID, listing, kind, item, what was printed, what the
    dataset holds and (``with_evidence``) the evidence in ``lang``.

    Args:
        errata: the errata, in the order wanted.
        lang: the language of the header, the kinds, the items and the evidence.
        keys: kinds and items by their keys ("era_year", "date"), as CSV gives them,
            instead of their labels in ``lang``.
        with_evidence: add the evidence column.
    """
    header = ["ID", t(lang, "掲載", "Listing"), t(lang, "種類", "Kind"), t(lang, "項目", "Item"),
              t(lang, "報告書の記載", "Printed"), t(lang, "データセット", "Dataset")]  # fmt: skip
    if with_evidence:
        header.append(t(lang, "根拠", "Evidence"))
    rows = [header]
    for e in errata:
        kind, item = e.kind, e.item
        if not keys:
            kind, item = t(lang, *ERRATUM_KINDS[kind]), t(lang, ERRATUM_ITEMS_JA[item], item)
        rows.append([e.id, e.listing, kind, item, e.printed, e.dataset])
        if with_evidence:
            rows[-1].append(evidence(e, lang))
    return rows
