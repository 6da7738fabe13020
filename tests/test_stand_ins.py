"""The stand-ins of ``errors="replace"``: the table character by character, the fallbacks,
and the count."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sister_agreements._stand_ins import GETA, STAND_INS, replace, stand_in

TABLE = {
    "\u2014": "\u2015", "\u301c": "\uff5e", "\u2016": "\u2225", "\u2212": "\uff0d",
    "\u00a2": "\uffe0", "\u00a3": "\uffe1", "\u00ac": "\uffe2", "\u00a5": "\uffe5",
    "\u00a6": "\uffe4", "\u203e": "\uffe3", "\u00c5": "\u212b", "\u2013": "-", "\u00b7": "\u30fb",
    "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l",
    "Ł": "L", "đ": "d", "Đ": "D", "ı": "i",
    "团": "団", "济": "済", "经": "経", "县": "県", "吳": "呉",
}  # fmt: skip


def test_the_table_is_pinned_and_read_only() -> None:
    assert dict(STAND_INS) == TABLE
    with pytest.raises(TypeError):
        STAND_INS["x"] = "y"  # type: ignore[index]


@pytest.mark.parametrize(("char", "expected"), sorted(TABLE.items()))
def test_each_stand_in_is_what_cp932_reads_back(char: str, expected: str) -> None:
    assert stand_in(char, "cp932") == expected
    assert expected.encode("cp932").decode("cp932") == expected
    with contextlib.suppress(UnicodeEncodeError):  # not written, or read back as another
        assert char.encode("cp932").decode("cp932") != char


@pytest.mark.parametrize(
    ("char", "expected"),
    [
        ("é", "e"), ("É", "E"), ("è", "e"), ("ä", "a"), ("á", "a"), ("í", "i"), ("ó", "o"),
        ("ô", "o"), ("Î", "I"), ("Ç", "C"), ("ő", "o"), ("ﬁ", "fi"), ("²", "2"),
        ("\u00a0", " "),
    ],
)  # fmt: skip
def test_letters_lose_their_accents(char: str, expected: str) -> None:
    assert stand_in(char, "cp932") == expected


@pytest.mark.parametrize("char", ["洱", "堉", "시", "천", "½", "\U0001f600", "\udcff"])
def test_the_rest_become_the_geta_mark(char: str) -> None:
    assert stand_in(char, "cp932") == GETA == "〓"


@pytest.mark.parametrize("char", ["あ", "A", "静", "①", "ⅰ", "～", "―", "\u212b", "\n"])
def test_what_cp932_writes_stays(char: str) -> None:
    assert stand_in(char, "cp932") == char


@pytest.mark.parametrize(
    ("char", "encoding", "expected"),
    [("é", "latin-1", "é"), ("é", "ascii", "e"), ("洱", "latin-1", "?"), ("—", "ascii", "?"),
     ("洱", "utf-8", "洱"), ("ⅰ", "latin-1", "i")],
)  # fmt: skip
def test_other_encodings(char: str, encoding: str, expected: str) -> None:
    assert stand_in(char, encoding) == expected


def test_replace_counts_the_characters_replaced() -> None:
    assert replace("Kecskemét—洱海", "cp932") == ("Kecskemet―〓海", 3)
    assert replace("Großwardein", "cp932") == ("Grosswardein", 1)
    assert replace("青森市", "cp932") == ("青森市", 0)
    assert replace("", "cp932") == ("", 0)


def test_an_unknown_encoding_is_a_lookup_error() -> None:
    with pytest.raises(LookupError, match="unknown encoding: klingon"):
        replace("x", "klingon")


@given(st.text())
def test_any_text_comes_back_from_cp932_as_replaced(text: str) -> None:
    new, count = replace(text, "cp932")
    assert new.encode("cp932").decode("cp932") == new
    assert count == sum(stand_in(c, "cp932") != c for c in text)
    assert new == "".join(stand_in(c, "cp932") for c in text)
    if count == 0:
        assert new == text
