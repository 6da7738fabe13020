"""tools/reading_agreement.py: the agreement between the two blind readings of the ties
(data-raw/ties_reading1.csv, ties_reading2.csv) and the check of the settled ties.csv, as
data-raw/ties_settlement.md reports them. Cohen's kappa needs NLTK (the ``dev`` extra,
which CI installs for the slow tier)."""

from __future__ import annotations

import sys
from types import ModuleType

import pytest
from conftest import REPO


def _tool() -> ModuleType:
    sys.path.insert(0, str(REPO / "tools"))
    import reading_agreement

    return reading_agreement


@pytest.mark.slow
def test_the_readings_agree_on_143_of_149_with_kappa_0_926() -> None:
    tool = _tool()
    sheets = tool.load_sheets()
    first, second = (
        tool.load_reading(tool.READING1, sheets),
        tool.load_reading(tool.READING2, sheets),
    )
    comparisons = [tool.compare(first[a], second[a], sheets[a]) for a in sheets]
    figures = tool.figures(comparisons)
    assert (figures.agreed, figures.total, round(figures.kappa, 3)) == (143, 149, 0.926)
    assert f"{figures.per_cent:.1f}" == "96.0" and figures.several_rows == ()
    assert [c.agreement for c in comparisons if not c.agreed] == [
        "3-04", "5-06", "6-03", "6-04", "6-16", "7-07"
    ]  # fmt: skip
    assert sum(bool(c.differs) for c in comparisons) == 52
    settled = tool.load_reading(REPO / "data-raw" / "ties.csv", sheets)
    assert tool.check_settled(settled, comparisons, sheets) == []


@pytest.mark.slow
def test_kappa_is_cohens() -> None:
    """Two coders, four items: p_o = 3/4, p_e = (2*1 + 2*3) / 16 = 1/2, kappa = 1/2."""
    assert _tool().cohen_kappa(["a", "a", "b", "b"], ["a", "b", "b", "b"]) == pytest.approx(0.5)
