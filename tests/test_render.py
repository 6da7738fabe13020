"""Text for terminals: widths in cells, cutting, wrapping and fitting tables (_render)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sister_agreements._render import clip, display_width, fitted_widths, text_table, wrap


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("中国ab") == 6
    assert display_width("ＡＢ（1）") == 9  # full-width letters and brackets, a narrow digit
    assert display_width("①…é") == 3  # ambiguous and narrow characters: one cell each


def test_clip_cuts_to_cells_and_marks_the_cut() -> None:
    assert clip("青森市", 6) == "青森市"
    assert clip("青森市", 5) == "青森…"
    assert clip("青森市", 4) == "青…"  # 森 would straddle the end: one cell short
    assert clip("Aomori City", 6) == "Aomor…"
    assert clip("Aomori", 1) == "…"


def test_wrap_breaks_english_at_spaces_and_japanese_anywhere() -> None:
    assert wrap("the quick brown fox", 10) == ["the quick", "brown fox"]
    assert wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert wrap("青森市の協定", 5) == ["青森", "市の", "協定"]
    assert wrap("a shortline-with-no-space", 10) == ["a shortlin", "e-with-no-", "space"]
    assert wrap("", 5) == [""]
    assert wrap("青森", 1) == ["青", "森"]  # a character wider than the line: a line of its own


def test_wrap_keeps_brackets_and_punctuation_with_their_text() -> None:
    assert wrap("作品交流（平成20年度まで）", 10) == ["作品交流", "（平成20年", "度まで）"]
    assert wrap("友好交流の趣旨に賛同した。", 12) == ["友好交流の趣", "旨に賛同し", "た。"]
    assert wrap("「文化交流協定」を締結", 16) == ["「文化交流協定」", "を締結"]


TEXT = st.text(alphabet=st.sampled_from("ab c青森、。（）「」"), max_size=60)


@given(TEXT, st.integers(min_value=1, max_value=30))
def test_wrapped_lines_fit_and_lose_nothing_but_the_spaces_at_breaks(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(display_width(line) <= width or len(line) == 1 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert len("".join(lines)) >= len(text) - (len(lines) - 1)  # one space dropped per break


def test_fitted_widths_keep_the_narrow_columns_and_share_the_rest() -> None:
    assert fitted_widths([4, 10, 4, 30, 20, 50], 70) == [4, 10, 4, 17, 17, 18]
    assert fitted_widths([5, 5], 20) == [5, 5]
    assert fitted_widths([3, 40, 40], 33) == [3, 15, 15]
    assert fitted_widths([1, 2, 3], 1) == [1, 1, 1]  # at least one cell each


@given(st.lists(st.integers(min_value=1, max_value=300), min_size=1, max_size=8), st.data())
def test_fitted_widths_fit_the_room(widths: list[int], data: st.DataObject) -> None:
    room = data.draw(st.integers(min_value=len(widths), max_value=2 * sum(widths)))
    fitted = fitted_widths(widths, room)
    assert sum(fitted) <= room and all(1 <= f <= w for f, w in zip(fitted, widths, strict=True))
    assert fitted == widths if sum(widths) <= room else sum(fitted) == room


def test_text_table_fits_a_width() -> None:
    rows = [["ID", "名称"], ["1-01", "青森市・大連市経済文化交流委員会"], ["1-02", "同意書"]]
    assert text_table(rows, width=14) == "ID    名称\n1-01  青森市…\n1-02  同意書\n"
    assert text_table(rows) == (
        "ID    名称\n1-01  青森市・大連市経済文化交流委員会\n1-02  同意書\n"
    )
    assert text_table([["", "n"], ["a", "1"], ["bb", "22"]], numbers=True) == (
        "     n\na    1\nbb  22\n"
    )
