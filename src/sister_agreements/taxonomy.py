"""The report's field taxonomy (①–⑨), the kinds of party and the kinds of tie, as enums.

The Japanese labels and descriptions of the fields are the report's taxonomy table,
verbatim; the English ones are our translations of them. The kinds of tie are the
project's categories (docs/data-dictionary.md, "Tie").
"""

from __future__ import annotations

import enum
import functools
from typing import NamedTuple

from sister_agreements._fold import name_key
from sister_agreements.errors import UnknownValueError


class _FieldInfo(NamedTuple):
    symbol: str
    label_ja: str
    label_en: str
    description_ja: str
    description_en: str


_FIELD_INFO: dict[int, _FieldInfo] = {
    1: _FieldInfo(
        "①",
        "教育交流",
        "Educational exchange",
        "小学生・中学生・高校生・大学生の交流、生徒等の作品の交換・展示、教員の交流、その他",
        "Exchanges of elementary, junior high, high school and university students, exchange "
        "and exhibition of students' works, teacher exchanges, and other",
    ),
    2: _FieldInfo(
        "②",
        "文化交流",
        "Cultural exchange",
        "音楽・芸能・芸術家等の派遣・受入、文化団体の派遣・受入、芸術作品・民芸品等の交換・展示、"
        "文化的施設・物品等の寄贈・受入、文化関係イベント等の開催（又は参加）、"
        "語学講座の開催（スピーチコンテストを含む。）、ジャーナリスト・マスコミ関係者の派遣・受入、"
        "刊行物（図書）・ビデオ・フィルム等の交換・発行、動物・植物等の交換、その他",
        "Sending and receiving musicians, performers and artists; sending and receiving cultural "
        "groups; exchange and exhibition of works of art and folk crafts; donating and receiving "
        "cultural facilities and objects; holding (or taking part in) cultural events; language "
        "courses (including speech contests); sending and receiving journalists and media people; "
        "exchange and publication of publications (books), videos and films; exchange of animals "
        "and plants; and other",
    ),
    3: _FieldInfo(
        "③",
        "スポーツ交流",
        "Sports exchange",
        "スポーツ選手又はチームの派遣・受入、協議会の開催、その他",
        "Sending and receiving athletes or teams, holding competitions, and other",
    ),
    4: _FieldInfo(
        "④",
        "医療交流",
        "Medical exchange",
        "医師、看護師・その他の技術者・研修生の派遣・受入、視察団の派遣・受入、医療情報交流、"
        "医療設備・器具の寄贈、その他",
        "Sending and receiving doctors, nurses, other technicians and trainees; sending and "
        "receiving study missions; exchange of medical information; donation of medical "
        "equipment and instruments; and other",
    ),
    5: _FieldInfo(
        "⑤",
        "経済交流（農業等）",
        "Economic exchange (agriculture etc.)",
        "専門家・研修生の派遣・受入、視察団の派遣・受入、農林水産業等（第1次産業）関係団体の派遣・受入、"
        "その他",
        "Sending and receiving experts and trainees; sending and receiving study missions; "
        "sending and receiving groups from agriculture, forestry, fisheries and other primary "
        "industries; and other",
    ),
    6: _FieldInfo(
        "⑥",
        "経済交流（工業等）",
        "Economic exchange (industry etc.)",
        "専門家・研修生の派遣・受入、視察団の派遣・受入、鉱工業（第2次産業）関係団体の派遣・受入、その他",
        "Sending and receiving experts and trainees; sending and receiving study missions; "
        "sending and receiving groups from mining and manufacturing (secondary industries); "
        "and other",
    ),
    7: _FieldInfo(
        "⑦",
        "経済交流（商業等）",
        "Economic exchange (commerce etc.)",
        "物産展・見本市等の開催、専門家・研修生の派遣・受入、視察団の派遣・受入、"
        "商業・サービス業（第3次産業）関係団体の派遣・受入、その他",
        "Holding product fairs and trade shows; sending and receiving experts and trainees; "
        "sending and receiving study missions; sending and receiving groups from commerce and "
        "services (tertiary industries); and other",
    ),
    8: _FieldInfo(
        "⑧",
        "行政交流",
        "Administrative exchange",
        "記念式典、専門家・研修生の派遣・受入、職員の派遣・受入、視察団の派遣・受入、その他",
        "Commemorative ceremonies; sending and receiving experts and trainees; sending and "
        "receiving staff; sending and receiving study missions; and other",
    ),
    9: _FieldInfo(
        "⑨",
        "その他交流",
        "Other exchange",
        "親善訪問団派遣・受入、各種クラブ（ロータリー、ライオンズ等）交流",
        "Sending and receiving goodwill missions, exchanges between clubs (Rotary, Lions and "
        "others); the report also files environmental protection here",
    ),
}


class Field(enum.Enum):
    """One of the report's nine fields of exchange, ① to ⑨."""

    EDUCATION = 1
    CULTURE = 2
    SPORTS = 3
    MEDICINE = 4
    ECONOMY_AGRICULTURE = 5
    ECONOMY_INDUSTRY = 6
    ECONOMY_COMMERCE = 7
    ADMINISTRATION = 8
    OTHER = 9

    @property
    def number(self) -> int:
        """The field's number, 1–9."""
        return int(self.value)

    @property
    def symbol(self) -> str:
        """The circled number the report uses, ① to ⑨."""
        return _FIELD_INFO[self.value].symbol

    @property
    def label_ja(self) -> str:
        """The Japanese label of the taxonomy table (教育交流 …)."""
        return _FIELD_INFO[self.value].label_ja

    @property
    def label_en(self) -> str:
        """The English label."""
        return _FIELD_INFO[self.value].label_en

    @property
    def description_ja(self) -> str:
        """What the field covers, as the taxonomy table prints it."""
        return _FIELD_INFO[self.value].description_ja

    @property
    def description_en(self) -> str:
        """What the field covers, in English."""
        return _FIELD_INFO[self.value].description_en

    @property
    def is_economic(self) -> bool:
        """True for the three economic fields ⑤⑥⑦."""
        return self.value in (5, 6, 7)

    @classmethod
    def parse(cls, value: Field | int | str) -> Field:
        """Return the field a user means by a member, 1–9, ①, a label or a member name.

        Raises:
            TypeError: if ``value`` is not a Field, int or str.
            UnknownValueError: (a ``LookupError``) if nothing matches; it names the
                valid fields.
        """
        if isinstance(value, Field):
            return value
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise TypeError(f"a field is a Field, an int 1-9 or a str, not {type(value).__name__}")
        if isinstance(value, int):
            if value in _FIELD_BY_NUMBER:
                return _FIELD_BY_NUMBER[value]
        else:
            wanted = name_key(value)
            for field in cls:
                if wanted in {name_key(name) for name in field._names()}:
                    return field
        valid = [f"{f.symbol} {f.label_ja} / {f.label_en}" for f in cls]
        raise UnknownValueError("field", value, valid)

    def _names(self) -> tuple[str, ...]:
        return (
            str(self.value),
            self.symbol,
            self.name,
            self.label_ja,
            self.label_en,
            self.label_ja.removesuffix("交流"),
            self.label_en.removesuffix(" exchange"),
        )


#: Each field by its number (what ``Field(n)`` gives, without the enum's call).
_FIELD_BY_NUMBER = {field.value: field for field in Field}


class JapaneseKind(enum.Enum):
    """What a Japanese party is, as of the 2012 survey."""

    PREFECTURE = "prefecture"
    DESIGNATED_CITY = "designated_city"
    CITY = "city"
    TOWN = "town"
    VILLAGE = "village"
    SPECIAL_WARD = "special_ward"
    ORGANISATION = "organisation"

    @property
    def is_local_government(self) -> bool:
        """False only for bodies that are not local governments."""
        return self is not JapaneseKind.ORGANISATION


class ForeignKind(enum.Enum):
    """What a foreign party is: a place at some level, or an organisation."""

    COUNTRY = "country"
    REGION = "region"
    COUNTY = "county"
    CITY = "city"
    DISTRICT = "district"
    ORGANISATION = "organisation"


class _TieInfo(NamedTuple):
    label_ja: str
    label_en: str
    aliases: tuple[str, ...]


_TIE_INFO: dict[str, _TieInfo] = {
    "sister_city": _TieInfo(
        "姉妹都市", "Sister city", ("sister", "姉妹", "姉妹都市提携", "姉妹提携")
    ),
    "friendship_city": _TieInfo(
        "友好都市", "Friendship city", ("friendship", "友好", "友好都市提携", "友好交流都市")
    ),
    "sister_province": _TieInfo(
        "姉妹・友好県省州",
        "Sister or friendship province/state",
        ("province", "state", "姉妹県", "友好県", "友好県省", "姉妹県州"),
    ),
    "other": _TieInfo("その他の関係", "Other tie", ()),
    "none": _TieInfo("関係なし", "No tie", ("no", "なし")),
    "not_stated": _TieInfo("記載なし", "Not stated", ("unknown", "不明")),
}


class TieKind(enum.Enum):
    """What an agreement's sheet says of a standing tie between its parties.

    ``SISTER_CITY`` (姉妹都市) and ``FRIENDSHIP_CITY`` (友好都市, 友好交流都市) between
    cities and towns; ``SISTER_PROVINCE``, a sister or friendship tie between a prefecture
    and a province or state; ``OTHER``, another named standing relationship (a declaration
    of friendship, an earlier named agreement, a standing conference); ``NONE``: the sheet
    says there is no tie (dissolved before the agreement, or only being prepared);
    ``NOT_STATED``: the sheet says nothing of a tie apart from the agreement itself, which
    is not the same as ``NONE``. The readers' rules are in docs/data-dictionary.md ("Tie").
    """

    SISTER_CITY = "sister_city"
    FRIENDSHIP_CITY = "friendship_city"
    SISTER_PROVINCE = "sister_province"
    OTHER = "other"
    NONE = "none"
    NOT_STATED = "not_stated"

    @property
    def label_ja(self) -> str:
        """The Japanese label (姉妹都市 …)."""
        return _TIE_INFO[self.value].label_ja

    @property
    def label_en(self) -> str:
        """The English label (Sister city …)."""
        return _TIE_INFO[self.value].label_en

    @classmethod
    def parse(cls, value: TieKind | str) -> TieKind:
        """Return the kind of tie a user means, in any case and width, with spaces or
        underscores: a member, its value or name (``sister_city``, ``SISTER_CITY``), its
        Japanese or English label (姉妹都市, "Sister city") or a short form: "sister",
        "friendship", "province" or "state", "no", "unknown"; 姉妹, 友好, 姉妹県, 友好県省,
        なし, 不明.

        Raises:
            TypeError: if ``value`` is not a TieKind or a str.
            UnknownValueError: (a ``LookupError``) if nothing matches; it names the kinds.
        """
        if isinstance(value, TieKind):
            return value
        if not isinstance(value, str):
            raise TypeError(f"a kind of tie is a TieKind or a str, not {type(value).__name__}")
        wanted = _tie_key(value)
        for kind in cls:
            if wanted in _tie_keys(kind):
                return kind
        valid = [f"{kind.value} ({kind.label_ja} / {kind.label_en})" for kind in cls]
        raise UnknownValueError("kind of tie", value, valid)


@functools.cache
def _tie_keys(kind: TieKind) -> frozenset[str]:
    """The name keys of every name of ``kind``."""
    info = _TIE_INFO[kind.value]
    names = (kind.value, kind.name, info.label_ja, info.label_en, *info.aliases)
    return frozenset(map(_tie_key, names))


def _tie_key(text: str) -> str:
    """``name_key`` without underscores, which it keeps: sister_city is sister city."""
    return name_key(text).replace("_", "")
