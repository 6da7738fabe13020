from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sister_agreements as sa
from sister_agreements import Field, TieKind


def test_nine_fields_numbered_in_order() -> None:
    assert [f.number for f in Field] == list(range(1, 10))
    assert "".join(f.symbol for f in Field) == "①②③④⑤⑥⑦⑧⑨"


def test_japanese_labels_and_descriptions_are_the_reports_taxonomy_table(report_text: str) -> None:
    rows = {}
    for line in report_text.splitlines()[:60]:
        if line[:1] in "①②③④⑤⑥⑦⑧⑨" and "\t" in line:
            label, description = line.split("\t", 1)
            rows[label[0]] = (label[1:].replace(" ", ""), description.strip())
    assert len(rows) == 9
    for field in Field:
        assert rows[field.symbol] == (field.label_ja, field.description_ja)


def test_economic_fields() -> None:
    assert [f.number for f in Field if f.is_economic] == [5, 6, 7]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1, Field.EDUCATION),
        ("①", Field.EDUCATION),
        ("教育", Field.EDUCATION),
        ("教育交流", Field.EDUCATION),
        ("educational exchange", Field.EDUCATION),
        ("Education", Field.EDUCATION),
        ("経済交流（商業等）", Field.ECONOMY_COMMERCE),
        ("経済交流(商業等)", Field.ECONOMY_COMMERCE),
        ("7", Field.ECONOMY_COMMERCE),
        ("⑨", Field.OTHER),
        (Field.SPORTS, Field.SPORTS),
    ],
)
def test_parse(value: Field | int | str, expected: Field) -> None:
    assert Field.parse(value) is expected


def test_parse_unknown_names_the_valid_fields() -> None:
    with pytest.raises(LookupError, match="① 教育交流 / Educational exchange"):
        Field.parse("料理")
    with pytest.raises(LookupError):
        Field.parse(10)


def test_parse_wrong_type() -> None:
    with pytest.raises(TypeError):
        Field.parse(1.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Field.parse(True)


# --- kinds of tie --------------------------------------------------------------

TIE_NAMES = {
    TieKind.SISTER_CITY: ["sister_city", "SISTER_CITY", "Sister city", "sister", "姉妹都市",
                          "姉妹", "姉妹都市提携", "姉妹提携"],
    TieKind.FRIENDSHIP_CITY: ["friendship_city", "Friendship city", "friendship", "友好都市",
                              "友好", "友好都市提携", "友好交流都市"],
    TieKind.SISTER_PROVINCE: ["sister_province", "Sister or friendship province/state",
                              "province", "state", "姉妹・友好県省州", "姉妹県", "友好県",
                              "友好県省", "姉妹県州"],
    TieKind.OTHER: ["other", "OTHER", "Other tie", "その他の関係"],
    TieKind.NONE: ["none", "No tie", "no", "関係なし", "なし"],
    TieKind.NOT_STATED: ["not_stated", "not stated", "Not stated", "unknown", "記載なし", "不明"],
}  # fmt: skip


def test_tie_kinds_values_and_labels() -> None:
    assert [(k.value, k.label_ja, k.label_en) for k in TieKind] == [
        ("sister_city", "姉妹都市", "Sister city"),
        ("friendship_city", "友好都市", "Friendship city"),
        ("sister_province", "姉妹・友好県省州", "Sister or friendship province/state"),
        ("other", "その他の関係", "Other tie"),
        ("none", "関係なし", "No tie"),
        ("not_stated", "記載なし", "Not stated"),
    ]


@given(st.sampled_from([(k, n) for k, names in TIE_NAMES.items() for n in names]), st.data())
def test_tie_kind_parse_reads_every_spelling_of_every_name(
    kind_and_name: tuple[TieKind, str], data: st.DataObject
) -> None:
    """Any case, full-width letters, spaces for underscores (and the reverse), spaces
    around: every name of a kind is that kind."""
    kind, name = kind_and_name
    spelling = data.draw(st.sampled_from([str.lower, str.upper, str.title, lambda s: s]))(name)
    if data.draw(st.booleans()):
        spelling = spelling.replace("_", " ") if "_" in spelling else spelling.replace(" ", "_")
    if data.draw(st.booleans()):
        spelling = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in spelling)
    spelling = data.draw(st.sampled_from(["", " ", "\u3000"])) + spelling + " "
    assert TieKind.parse(spelling) is kind
    assert TieKind.parse(kind) is kind


@given(st.text(max_size=8), st.integers(0, 9), st.text(max_size=8))
def test_tie_kind_parse_refuses_what_names_no_kind_and_names_every_kind(
    before: str, digit: int, after: str
) -> None:
    """No name of a kind holds a digit: any text with one is refused."""
    text = f"{before}{digit}{after}"
    with pytest.raises(sa.UnknownValueError) as caught:
        TieKind.parse(text)
    assert (caught.value.kind, caught.value.value) == ("kind of tie", text)
    assert caught.value.closest == (
        "sister_city (姉妹都市 / Sister city)",
        "friendship_city (友好都市 / Friendship city)",
        "sister_province (姉妹・友好県省州 / Sister or friendship province/state)",
        "other (その他の関係 / Other tie)",
        "none (関係なし / No tie)",
        "not_stated (記載なし / Not stated)",
    )


@pytest.mark.parametrize("value", [1, None, b"sister", ["sister"], Field.EDUCATION])
def test_tie_kind_parse_refuses_other_types(value: object) -> None:
    with pytest.raises(TypeError, match=r"^a kind of tie is a TieKind or a str, not "):
        TieKind.parse(value)  # type: ignore[arg-type]
