"""Folding text for comparison: what a user types against what the data holds.

``fold`` is for searching and matching any text; ``name_key`` adds what only names need
(romanisation systems). The one table they use, the kanji variants (異体字), is read
from the package data on first use.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from sister_agreements._tables import names_tables

#: Text longer than this is folded without caching, so that no cache grows with input size.
_CACHED_LENGTH = 64

# Patterns are compiled on first use, not at import (some take milliseconds to compile).
_compiled = functools.cache(re.compile)
_KANJI = r"[\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
# ヶ and its spellings between kanji (六ヶ所村, 六カ所村, 六ケ所村, 六か所村; 霞が関).
KE_SPELLINGS = frozenset("ヶケヵカかがガ")
_SMALL_KE = rf"(?<={_KANJI})[{''.join(sorted(KE_SPELLINGS))}](?={_KANJI})"
# Spaces, middle dots, hyphens, apostrophes and full stops are dropped, except beside
# digits: "-13", "1-3", "2.2" and "2 2" must never fold into a different, valid value.
_SEPARATOR = "[\\s・･\\-‐–'’.]+"
# Combining marks over Latin letters; the ゛ of kana comes back with NFKC's recomposition.
_ACCENTS = "[\u0300-\u036f]"
_HIRAGANA = {code: code + 0x60 for code in range(ord("ぁ"), ord("ゖ") + 1)}


@functools.cache
def _variants() -> dict[int, str]:
    """The kanji variant table (異体字 -> standard form) of ``data/names.json``."""
    return str.maketrans(dict(names_tables()["variants"]))


def fold(text: str) -> str:
    """NFKC, case-folded, kana as katakana, kanji variants and Latin accents removed,
    spaces and separators dropped except where they stand beside digits. What is left
    matches literally: ``Dataset.search`` looks for folded words in folded texts.

    ``fold("静岡縣")`` is ``fold("静岡県")``, ``fold("Kecskemét")`` is
    ``fold("kecskemet")``, ``fold("しずおか")`` is ``fold("シズオカ")``, but
    ``fold("-13")`` is not ``fold("13")``.
    """
    if len(text) <= _CACHED_LENGTH:
        return _fold_short(text)
    return _fold(text)


@functools.lru_cache(maxsize=4096)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().translate(_variants())
    text = _compiled(_ACCENTS).sub("", unicodedata.normalize("NFKD", text))
    text = unicodedata.normalize("NFKC", text).translate(_HIRAGANA)
    return re.sub(_SEPARATOR, _dropped_unless_by_a_digit, text.strip())


def _dropped_unless_by_a_digit(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    before_digit = start > 0 and text[start - 1].isdigit()
    after_digit = end < len(text) and text[end].isdigit()
    if (before_digit and (after_digit or end == len(text))) or (after_digit and start == 0):
        return match[0]
    return ""


# Romanisations of Japanese, reduced to one form: Hepburn to Kunrei (shi -> si, chi -> ti,
# tsu -> tu, fu -> hu, ji -> zi), Nihon-shiki's di/du, traditional Hepburn's m before
# b, m, p (Gumma), and long vowels written ou, oo, uu, or oh before a consonant (Kouchi,
# Ooita, Kohfu), a run of them at once so that a key is its own key (OOU). The order
# matters: fu becomes hu before "oh" is read, so Kofu stays kohu.
_ROMAJI_STEPS: tuple[tuple[str, str], ...] = (
    (r"tch", "tty"),
    (r"sh", "sy"),
    (r"ch", "ty"),
    (r"ts(?=u)", "t"),
    (r"f(?=u)", "h"),
    (r"j", "zy"),
    (r"d(?=[iu])", "z"),
    (r"dy", "zy"),
    (r"(?<=[szt])yi", "i"),
    (r"m(?=[bmp])", "n"),
    (r"o(?:[ou]|h(?![aeiouy]))+", "o"),
    (r"u{2,}", "u"),
)
# "oh" before a vowel is ambiguous: a long o (Ohita, for Ōita) or o + ha/hi/hu/he/ho
# (Ohara). Names are keyed by the second reading; the first is tried when it finds nothing.
_OH_BEFORE_A_VOWEL = r"oh(?=[aeiou])"
# Kana spellings of one sound: ヴァ/バ …, and long vowels written ー, ウ or オ (トーキョー,
# トウキョウ, オオイタ), dropped, so that every spelling meets.
_KANA_STEPS: tuple[tuple[str, str], ...] = (
    (r"ヴァ", "バ"),
    (r"ヴィ", "ビ"),
    (r"ヴェ", "ベ"),
    (r"ヴォ", "ボ"),
    (r"ヴ", "ブ"),
    (r"(?<=[オコゴソゾトドノホボポモヨョロヲォウクグスズツヅヌフブプムユュルゥ])[ウオ]", "ー"),
    (r"ー", ""),
)


def name_key(text: str) -> str:
    """The form names are matched in: ``fold``, ヶ and its spellings between kanji as one
    (六カ所村, 六ヶ所村, 六か所村), one spelling for every romanisation of Latin text
    (Shizuoka, Sizuoka; Gumma, Gunma; Ōita, Oita, Ooita; Kōchi, Kouchi, Kochi, Kôti) and
    for long vowels in kana (トーキョー, トウキョウ)."""
    if len(text) <= _CACHED_LENGTH:
        return _name_key_short(text)
    return _name_key(text)


def with_one_ke(folded: str) -> str:
    """A folded text with ヶ and its spellings between kanji as one (六カ所村 -> 六ヶ所村).

    Only where a text has one of ``KE_SPELLINGS`` can it differ from the text.
    """
    return _compiled(_SMALL_KE).sub("ヶ", folded)


def other_name_keys(key: str) -> tuple[str, ...]:
    """Further readings of a name key, tried when ``key`` finds nothing: Ohita as Oita."""
    other = _compiled(_OH_BEFORE_A_VOWEL).sub("o", key) if key.isascii() else key
    return (other,) if other != key else ()


@functools.lru_cache(maxsize=4096)
def _name_key_short(text: str) -> str:
    return _name_key(text)


def _name_key(text: str) -> str:
    folded = with_one_ke(fold(text))
    steps = _ROMAJI_STEPS if folded.isascii() and folded.isalpha() else _KANA_STEPS
    for pattern, replacement in steps:
        folded = _compiled(pattern).sub(replacement, folded)
    return folded


def closest_keys(value: str, keys: Iterable[str], n: int = 4) -> list[str]:
    """The ``keys`` nearest to ``value`` once both are name keys, best first, ties in the
    order given; where nothing is alike, the first keys stand in. ``value`` is compared by
    its first 100 characters."""
    import difflib  # only when a lookup fails

    matcher = difflib.SequenceMatcher(b=name_key(value[:100]), autojunk=False)
    scored = []
    for position, key in enumerate(keys):
        matcher.set_seq1(key)
        score = matcher.ratio() if matcher.real_quick_ratio() > 0 else 0.0
        scored.append((-score, position, key))
    if not any(score for score, _, _ in scored):
        scored = [(-1.0, position, key) for _, position, key in scored]
    return [key for score, _, key in sorted(scored)[:n] if score < 0]
