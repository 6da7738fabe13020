from __future__ import annotations

import pytest

from sister_agreements import Field


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
