"""The relational tables and the formats that write them: SQLite (read back with the
standard library's sqlite3) and Parquet (read back with DuckDB, a slow test)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO

import sister_agreements as sa
from sister_agreements import _tables_out

COUNTS = {
    "agreements": 149,
    "listings": 175,
    "parties": 236,
    "agreement_parties": 370,
    "errata": 81,
    "countries": 31,
}
# Listings per field: Table 1's totals as the dataset computes them.
LISTINGS_PER_FIELD = [(1, 26), (2, 25), (3, 8), (4, 1), (5, 11), (6, 24), (7, 39), (8, 25), (9, 16)]
AGREEMENTS_PER_PRIMARY_FIELD = [
    (1, 26), (2, 21), (3, 7), (4, 1), (5, 10), (6, 24), (7, 37), (8, 17), (9, 6)
]  # fmt: skip
MOST_ERRATA = [("8-06", 4), ("2-18", 3), ("5-02", 3), ("6-23", 3), ("8-16", 3)]
AGREEMENTS_PER_COUNTRY = [("CN", 56), ("KR", 34), ("FR", 11), ("US", 11), ("AU", 9)]

SQL = {
    "listings per field": (
        "SELECT l.field, count(*) FROM listings l JOIN agreements a ON a.id = l.agreement_id "
        "GROUP BY l.field ORDER BY l.field"
    ),
    "agreements per primary field": (
        "SELECT primary_field, count(*) FROM agreements GROUP BY 1 ORDER BY 1"
    ),
    "most errata": (
        "SELECT l.key, count(e.id) AS n FROM listings l JOIN errata e ON e.listing = l.key "
        "GROUP BY l.key ORDER BY n DESC, l.key LIMIT 5"
    ),
    "agreements per country": (
        "SELECT p.country, count(DISTINCT ap.agreement_id) AS n FROM agreement_parties ap "
        "JOIN parties p ON p.party_id = ap.party_id WHERE ap.side = 'foreign' "
        "GROUP BY p.country ORDER BY n DESC, p.country LIMIT 5"
    ),
}
EXPECTED = {
    "listings per field": LISTINGS_PER_FIELD,
    "agreements per primary field": AGREEMENTS_PER_PRIMARY_FIELD,
    "most errata": MOST_ERRATA,
    "agreements per country": AGREEMENTS_PER_COUNTRY,
}


def test_table_sizes_and_first_rows(ds: sa.Dataset) -> None:
    rows = _tables_out.tables(ds)
    assert {name: len(table) for name, table in rows.items()} == COUNTS
    assert [t.name for t in _tables_out.TABLES] == list(COUNTS)
    first = dict(zip(_tables_out.BY_NAME["parties"].names, rows["parties"][0], strict=True))
    assert first == {
        "party_id": "022012", "side": "japanese", "name": "青森県青森市", "name_en": "Aomori City",
        "kind": "city", "country": "JP", "prefecture": "青森県", "municipality": "青森市",
        "lg_code": "022012", "became": None, "became_on": None, "region": None,
        "region_code": None, "region_en": None, "locality": None, "latitude": 40.8167,
        "longitude": 140.7333,
    }  # fmt: skip
    assert rows["agreement_parties"][:2] == [
        ("1-01", 1, "022012", "japanese", "青森県青森市"),
        ("1-01", 2, "cn-dalian", "foreign", "大連市"),
    ]
    assert rows["countries"][0] == ("CN", "CHN", "156", "中華人民共和国", "中国", "China")
    assert rows["agreements"][0][5:7] == ("2004-12-24", 2004)


def test_the_tables_agree_with_the_dataset(ds: sa.Dataset) -> None:
    """The counts the SQL below gives, computed from the objects instead."""
    assert sorted(Counter(li.field.number for li in ds.listings).items()) == LISTINGS_PER_FIELD
    assert (
        sorted(Counter(e.listing for e in ds.errata).items(), key=lambda kv: (-kv[1], kv[0]))[:5]
        == MOST_ERRATA
    )
    per_country = Counter(code for a in ds for code in a.countries)
    assert sorted(per_country.items(), key=lambda kv: (-kv[1], kv[0]))[:5] == AGREEMENTS_PER_COUNTRY


def test_every_column_is_described_in_the_docs() -> None:
    """docs/exports.md prints the tables' columns, types and descriptions as the code has
    them (one source: ``_tables_out.TABLES``)."""
    docs = (REPO / "docs" / "exports.md").read_text(encoding="utf-8")
    for table in _tables_out.TABLES:
        assert _tables_out.markdown(table) in docs, table.name


def test_keys_refer_to_real_rows(ds: sa.Dataset) -> None:
    rows = _tables_out.tables(ds)
    for table in _tables_out.TABLES:
        names = table.names
        keys = [tuple(row[names.index(c)] for c in table.primary_key) for row in rows[table.name]]
        assert len(set(keys)) == len(keys), table.name
        for key in table.foreign_keys:
            target = _tables_out.BY_NAME[key.reference_table]
            have = {
                tuple(row[target.names.index(c)] for c in key.reference_columns)
                for row in rows[target.name]
            }
            wanted = {tuple(row[names.index(c)] for c in key.columns) for row in rows[table.name]}
            assert wanted <= have, (table.name, key)


@pytest.fixture
def database(ds: sa.Dataset, tmp_path: Path) -> Iterator[sqlite3.Connection]:
    path = tmp_path / "agreements.sqlite"
    sa.export.to_sqlite(ds, path)
    connection = sqlite3.connect(path)
    yield connection
    connection.close()


@pytest.mark.parametrize("query", SQL)
def test_sqlite_joins_give_the_known_counts(database: sqlite3.Connection, query: str) -> None:
    assert database.execute(SQL[query]).fetchall() == EXPECTED[query]


def test_sqlite_tables_are_typed_and_keyed(database: sqlite3.Connection) -> None:
    counts = {t: database.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTS}
    assert counts == COUNTS
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []
    keys = database.execute("PRAGMA foreign_key_list(agreement_parties)").fetchall()
    assert sorted((k[2], k[3], k[4]) for k in keys) == [
        ("agreements", "agreement_id", "id"),
        ("parties", "party_id", "party_id"),
    ]
    columns = {c[1]: (c[2], c[3], c[5]) for c in database.execute("PRAGMA table_info(parties)")}
    assert columns["party_id"] == ("TEXT", 1, 1)
    assert columns["latitude"] == ("REAL", 0, 0)
    point = "SELECT latitude, longitude FROM parties WHERE party_id = 'cn-dalian'"
    assert database.execute(point).fetchone() == (38.9122, 121.6022)
    no_point = "SELECT count(*) FROM parties WHERE latitude IS NULL AND longitude IS NULL"
    assert database.execute(no_point).fetchone() == (9,)
    lg_code = "SELECT lg_code, typeof(lg_code) FROM parties WHERE name = '青森県青森市'"
    assert database.execute(lg_code).fetchone() == ("022012", "text")
    relisted = "SELECT relisted, typeof(relisted) FROM listings WHERE relisted LIMIT 1"
    assert database.execute(relisted).fetchone() == (1, "integer")
    database.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY constraint failed"):
        database.execute("INSERT INTO errata VALUES ('E999', '9-99', '', '', '', '', '', '')")
    with pytest.raises(sqlite3.IntegrityError, match="cannot store TEXT value in INTEGER"):
        database.execute("UPDATE listings SET page = 'x' WHERE key = '1-01'")


def test_sqlite_is_the_same_on_every_run(ds: sa.Dataset, tmp_path: Path) -> None:
    first, second = tmp_path / "1.sqlite", tmp_path / "2.sqlite"
    sa.export.to_sqlite(ds, first)
    sa.export.to_sqlite(ds, second)
    assert first.read_bytes() == second.read_bytes()


def test_sqlite_of_a_subset(ds: sa.Dataset, tmp_path: Path) -> None:
    path = tmp_path / "korea.sqlite"
    sa.export.to_sqlite(ds.filter(country="KR", multilateral=False), path)
    with sqlite3.connect(path) as connection:
        countries = connection.execute("SELECT code FROM countries ORDER BY code").fetchall()
        agreements = connection.execute("SELECT count(*) FROM agreements").fetchone()
    assert countries == [("JP",), ("KR",)]
    assert agreements == (25,)


def test_sqlite_refuses_a_file_object(ds: sa.Dataset) -> None:
    with pytest.raises(TypeError, match=r"^a path must be str or os.PathLike\[str\], not bytes$"):
        sa.export.to_sqlite(ds, b"x.sqlite")  # type: ignore[arg-type]


@pytest.mark.slow
def test_parquet_read_in_duckdb_gives_the_known_counts(ds: sa.Dataset, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    written = sa.export.to_parquet(ds, tmp_path / "parquet")
    assert [Path(p).name for p in written] == [f"{t}.parquet" for t in COUNTS]
    connection = duckdb.connect()
    for table in COUNTS:
        path = tmp_path / "parquet" / f"{table}.parquet"
        connection.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{path}')")
    counts = {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTS}
    assert counts == COUNTS
    for query, sql in SQL.items():
        assert connection.execute(sql).fetchall() == EXPECTED[query], query
    types = dict(connection.execute("DESCRIBE listings").fetchall()[i][:2] for i in range(4))
    assert types == {"key": "VARCHAR", "agreement_id": "VARCHAR", "field": "BIGINT",
                     "field_ja": "VARCHAR"}  # fmt: skip
    row = connection.execute(
        "SELECT lg_code, latitude FROM parties WHERE party_id = '022012'"
    ).fetchone()
    assert row == ("022012", 40.8167)
    assert connection.execute("SELECT relisted FROM listings WHERE key = '1-01'").fetchone() == (
        False,
    )


@pytest.mark.slow
def test_parquet_is_the_same_on_every_run(ds: sa.Dataset, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    first = [Path(p).read_bytes() for p in sa.export.to_parquet(ds, tmp_path / "1")]
    second = [Path(p).read_bytes() for p in sa.export.to_parquet(ds, tmp_path / "2")]
    assert first == second
