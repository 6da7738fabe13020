"""Stand-ins for the characters an encoding cannot write (``to_csv(..., errors="replace")``).

Made for cp932 (Windows' Shift_JIS), the encoding older Japanese software reads. A
character is replaced when writing it and reading it back does not give it back. Its
stand-in is, in this order, the first that does come back:

1. its entry in ``STAND_INS``: the usual cp932 forms of the characters JIS and Unicode map
   differently (U+2014 EM DASH → U+2015, U+301C WAVE DASH → U+FF5E, the characters
   cp932 writes as their full-width forms), Latin letters with no decomposition
   (ß → ss, ø → o), and the Japanese forms of Chinese characters (团 → 団);
2. its compatibility decomposition (NFKD) without combining marks: é → e, Î → I;
3. the geta mark 〓 (U+3013), the Japanese printers' sign for a character not in the font;
4. ``?``, for an encoding that has no geta mark either.

References:
    Microsoft, "Code Page 932" (the mapping of the JIS X 0208 rows U+2015, U+FF5E,
    U+2225, U+FF0D, U+FFE0–U+FFE2); W3C, "Encoding Standard", the Shift_JIS encoder.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

GETA = "〓"

STAND_INS: Mapping[str, str] = MappingProxyType(
    {
        # JIS X 0208 characters that cp932 maps to other code points
        "\u2014": "\u2015",  # — EM DASH → ― HORIZONTAL BAR
        "\u301c": "\uff5e",  # 〜 WAVE DASH → ～ FULLWIDTH TILDE
        "\u2016": "\u2225",  # ‖ DOUBLE VERTICAL LINE → ∥ PARALLEL TO
        "\u2212": "\uff0d",  # − MINUS SIGN → － FULLWIDTH HYPHEN-MINUS
        "\u00a2": "\uffe0",  # ¢ → ￠
        "\u00a3": "\uffe1",  # £ → ￡
        "\u00ac": "\uffe2",  # ¬ → ￢
        "\u00a5": "\uffe5",  # ¥ → ￥
        "\u00a6": "\uffe4",  # ¦ → ￤
        "\u203e": "\uffe3",  # ‾ OVERLINE → ￣ FULLWIDTH MACRON
        "\u00c5": "\u212b",  # Å → Å ANGSTROM SIGN, JIS's form of the letter
        # punctuation
        "\u2013": "-",  # – EN DASH
        "\u00b7": "\u30fb",  # · MIDDLE DOT → ・ KATAKANA MIDDLE DOT
        # Latin letters that NFKD does not decompose
        "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
        "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i",
        # Chinese forms in the report's names, written in their Japanese forms
        "团": "団", "济": "済", "经": "経", "县": "県", "吳": "呉",
    }
)  # fmt: skip


def _round_trips(text: str, encoding: str) -> bool:
    try:
        return text.encode(encoding).decode(encoding) == text
    except UnicodeError:
        return False


def stand_in(char: str, encoding: str) -> str:
    """What ``replace`` writes for ``char`` in ``encoding`` (``char`` itself if it is written
    as it is).

    Raises:
        LookupError: for an unknown encoding.
    """
    if _round_trips(char, encoding):
        return char
    decomposed = "".join(
        c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
    )
    for candidate in (STAND_INS.get(char, ""), decomposed, GETA):
        if candidate and _round_trips(candidate, encoding):
            return candidate
    return "?"


def replace(text: str, encoding: str) -> tuple[str, int]:
    """``text`` with every character that does not survive ``encoding`` replaced by its
    stand-in, and how many characters were replaced.

    Raises:
        LookupError: for an unknown encoding.
    """
    if _round_trips(text, encoding):
        return text, 0
    chars = [(char, stand_in(char, encoding)) for char in text]
    return "".join(new for _, new in chars), sum(old != new for old, new in chars)
