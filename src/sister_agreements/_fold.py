"""Folding text for comparison: what a user types against what the data holds."""

from __future__ import annotations

import functools
import re
import unicodedata

# Character forms the report itself mixes (黒龍江/黒竜江, 縣/県, 臺/台, 經濟/経済 …),
# folded to one form so that either spelling finds the same place.
_VARIANTS = str.maketrans(
    {
        "龍": "竜",
        "縣": "県",
        "臺": "台",
        "灣": "湾",
        "經": "経",
        "濟": "済",
        "國": "国",
        "县": "県",
        "吳": "呉",
        "团": "団",
        "黑": "黒",
        "ケ": "ヶ",
        "ヵ": "ヶ",
    }
)


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """NFKC, case-folded, without spaces, Latin accents or the report's variant characters."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_VARIANTS)
    text = re.sub("[\u0300-\u036f]", "", unicodedata.normalize("NFKD", text))
    return re.sub(r"[\s・･\-‐'’.]", "", unicodedata.normalize("NFKC", text))
