"""The Mimer SQL C API of mimerlite, exercised through unmodified MimerPy.

MimerPy (PyPI ``mimerpy``, pure ctypes) loads the library named by
``MIMERAPI_PATH`` at import time; these tests point it at mimerlite's
``libmimerapi.so`` (``MIMERLITE_LIBRARY`` if set, e.g. a fresh build's
``build-api/engine/libmimerapi.so``, else the one installed inside the
package) and a temporary ``MIMERLITE_HOME``, where the first SYSADM login
creates the database.  They pin what MimerPy users observe: connecting,
login errors, values of every type round-tripped, executemany, rowcount,
lastrowid, description, autocommit and transactions, Mimer's DDL rules,
optimistic conflicts, and the exception class of each error family.
"""

from __future__ import annotations

import datetime
import decimal
import os
import threading
import uuid

import pytest

from sqlalchemy_mimer._embedded import bundled_library_path

LIBRARY = os.environ.get("MIMERLITE_LIBRARY") or os.fspath(bundled_library_path())
os.environ["MIMERAPI_PATH"] = LIBRARY

import mimerpy  # must follow MIMERAPI_PATH: MimerPy loads the library at import

DATABASE = "mimerpytest"


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """A fresh MIMERLITE_HOME for this module, restored afterwards."""
    saved = {k: os.environ.get(k) for k in ("MIMERLITE_HOME", "MIMER_DATABASE")}
    os.environ["MIMERLITE_HOME"] = os.fspath(tmp_path_factory.mktemp("mimerlite-home"))
    os.environ.pop("MIMER_DATABASE", None)
    yield os.environ["MIMERLITE_HOME"]
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture
def connect(home):
    """Open connections as SYSADM; all are closed when the test ends."""
    opened = []

    def _connect(**kwargs):
        conn = mimerpy.connect(dsn=DATABASE, user="SYSADM", password="SYSPASS", **kwargs)
        opened.append(conn)
        return conn

    yield _connect
    for conn in opened:
        try:
            conn.close()
        except mimerpy.Error:
            pass


@pytest.fixture
def conn(connect):
    return connect()


def test_mimerpy_loaded_the_mimerlite_library():
    assert mimerpy.mimerapi._lib._name == LIBRARY
    assert mimerpy.mimerapi._level == 3


def test_connect_and_close(conn):
    with conn.cursor() as cur:
        cur.execute("select 1+1 from system.onerow")
        assert cur.fetchall() == [(2,)]
    conn.close()
    with pytest.raises(mimerpy.ProgrammingError):
        conn.cursor()


def test_wrong_password_raises_programming_error_with_login_failure(conn):
    with pytest.raises(mimerpy.ProgrammingError) as info:
        mimerpy.connect(dsn=DATABASE, user="SYSADM", password="not the password")
    assert info.value.errno == -14006
    assert info.value.message == "Login failure"


def test_unknown_database_raises_database_error(home):
    with pytest.raises(mimerpy.DatabaseError) as info:
        mimerpy.connect(dsn="no_such_database", user="NOBODY", password="x")
    assert info.value.errno == -18500
    assert "no_such_database" in info.value.message


def roundtrip(conn, sqltype, values):
    """Insert each value into a one-column table of sqltype, read them back."""
    with conn.cursor() as cur:
        cur.execute(f"create table rt (k integer primary key, v {sqltype})")
        conn.commit()
        cur.executemany("insert into rt values (?, ?)", list(enumerate(values)))
        cur.execute("select v from rt order by k")
        got = [row[0] for row in cur.fetchall()]
        conn.commit()
        cur.execute("drop table rt")
    conn.commit()
    return got


@pytest.mark.parametrize(
    "sqltype, values",
    [
        ("smallint", [-32768, 0, 32767, None]),
        ("integer", [-(2**31), 2**31 - 1, None]),
        ("bigint", [-(2**63), 2**63 - 1, None]),
        ("integer(45)", [2**145, -(10**44), None]),
        (
            "decimal(45,10)",
            [
                decimal.Decimal("12345678901234567890123456789012345.0123456789"),
                decimal.Decimal("-0.0000000001"),
                None,
            ],
        ),
        ("numeric(5,2)", [decimal.Decimal("999.99"), decimal.Decimal("-1.50"), None]),
        ("double precision", [1.7976931348623157e308, -2.2250738585072014e-308, 0.1, None]),
        ("real", [0.25, -3.5, None]),
        ("char(10)", ["abc", "åäö", None]),
        ("varchar(20)", ["", "Ünïcödé ÿ", None]),
        ("nchar(10)", ["dude", None]),
        ("nvarchar(20)", ["安排他們參", "emoji 😀", None]),
        ("boolean", [True, False, None]),
        ("date", [datetime.date(1, 1, 1), datetime.date(9999, 12, 31), None]),
        ("time(0)", [datetime.time(0, 0, 0), datetime.time(23, 59, 59), None]),
        ("timestamp(6)", [datetime.datetime(2020, 9, 17, 11, 21, 51, 123456), None]),
        ("binary(4)", [b"\x00\x01\x02\x03", None]),
        ("varbinary(20)", [b"\xff" * 20, None]),
        ("builtin.uuid", [uuid.UUID("12345678-9abc-4def-8001-020304050607"), None]),
        ("builtin.gis_latitude", [59.3293, -90.0, 90.0, 1e-9, None]),
        ("builtin.gis_longitude", [18.0686, -180.0, 180.0, None]),
        ("builtin.gis_location", [(59.3293, 18.0686), (-33.4489, -70.6693), None]),
        ("blob(1k)", [b"\x00\x01" * 100, None]),
        ("clob(1k)", ["latin-1 text åäö" * 10, None]),
        ("nclob(1k)", ["安排他們參" * 10, None]),
    ],
)
def test_every_type_round_trips(conn, sqltype, values):
    expected = values
    if sqltype.startswith("char(10)"):
        expected = [v.ljust(10) if v is not None else None for v in values]
    if sqltype.startswith("nchar(10)"):
        expected = ["dude      ", None]
    got = roundtrip(conn, sqltype, values)
    if sqltype == "boolean":
        got = [None if v is None else bool(v) for v in got]
    assert got == expected


@pytest.mark.parametrize(
    "sqltype, text",
    [
        ("interval day(5)", "20005"),
        ("interval year(5) to month", "5-10"),
        ("interval day(5) to second(3)", "5 23:05:01.123"),
        ("interval second(5,2)", "12345.67"),
    ],
)
def test_intervals_round_trip_as_text(conn, sqltype, text):
    assert roundtrip(conn, sqltype, [text]) == [text]


def test_ten_megabyte_blob_and_nclob_round_trip(conn):
    blob = bytes(range(256)) * (10 * 1024 * 1024 // 256) + b"tail"
    text = "安排他們參" * (2 * 1024 * 1024 + 1)
    with conn.cursor() as cur:
        cur.execute("create table lobs (k integer, b blob(20M), c nclob(20M))")
        cur.execute("insert into lobs values (?, ?, ?)", (1, blob, text))
        cur.execute("select b, c from lobs")
        got_blob, got_text = cur.fetchone()
    conn.commit()
    assert got_blob == blob
    assert got_text == text


def test_empty_lobs_round_trip_as_empty_not_null(conn):
    # MimerPy sends "" as MimerSetLob(length 0), which completes the value,
    # then a zero-length MimerSetNclobData8 on the finished (NULL) handle.
    with conn.cursor() as cur:
        cur.execute("create table elob (k integer, c clob, n nclob, b blob)")
        cur.execute("insert into elob values (?, ?, ?, ?)", (1, "", "", b""))
        cur.executemany("insert into elob values (?, ?, ?, ?)", [(2, "", "x", b""), (3, "y", "", b"")])
        cur.execute("select c, n, b from elob order by k")
        assert cur.fetchall() == [("", "", b""), ("", "x", b""), ("y", "", b"")]


def test_executemany_inserts_every_row(conn):
    with conn.cursor() as cur:
        cur.execute("create table many (a integer, b varchar(10))")
        cur.executemany("insert into many values (?, ?)", [(i, str(i)) for i in range(100)])
        cur.execute("select count(*), sum(a) from many")
        assert cur.fetchone() == (100, 4950)


def test_executemany_of_a_query_is_a_programming_error(conn):
    with conn.cursor() as cur:
        cur.execute("create table q (a integer)")
        with pytest.raises(mimerpy.ProgrammingError):
            cur.executemany("select a from q where a = ?", [(1,), (2,)])


def test_rowcount_counts_inserted_updated_and_deleted_rows(conn):
    with conn.cursor() as cur:
        cur.execute("create table rc (a integer)")
        cur.execute("insert into rc values (1)")
        assert cur.rowcount == 1
        cur.executemany("insert into rc values (?)", [(i,) for i in range(2, 12)])
        cur.execute("update rc set a = a + 1 where a > 1")
        assert cur.rowcount == 10
        cur.execute("delete from rc")
        assert cur.rowcount == 11


def test_lastrowid_comes_from_the_sequence_default(conn):
    with conn.cursor() as cur:
        cur.execute("create sequence seq_ids")
        cur.execute("create table ids (id integer default next value for seq_ids, v integer)")
        cur.execute("insert into ids (v) values (?)", (10,))
        assert cur.lastrowid == 1
        cur.execute("insert into ids (v) values (?)", (20,))
        assert cur.lastrowid == 2
        cur.execute("update ids set v = 0")
        assert cur.lastrowid is None


def test_seed_core_example_in_plain_mimerpy(conn):
    """The article's Core example, written as the SQL the dialect sends."""
    with conn.cursor() as cur:
        cur.execute("CREATE SEQUENCE seed_authors_id_seq AS BIGINT NO CYCLE")
        cur.execute("CREATE TABLE seed_authors (id INTEGER DEFAULT NEXT VALUE FOR "
                    "seed_authors_id_seq NOT NULL, name VARCHAR(50) NOT NULL, PRIMARY KEY (id))")
        cur.execute("CREATE SEQUENCE seed_books_id_seq AS BIGINT NO CYCLE")
        cur.execute("CREATE TABLE seed_books (id INTEGER DEFAULT NEXT VALUE FOR "
                    "seed_books_id_seq NOT NULL, title VARCHAR(100) NOT NULL, "
                    "author_id INTEGER, PRIMARY KEY (id), "
                    "FOREIGN KEY(author_id) REFERENCES seed_authors (id))")
        cur.executemany("INSERT INTO seed_authors (name) VALUES (?)",
                        [("Isaac Asimov",), ("Arthur C. Clarke",)])
        cur.executemany("INSERT INTO seed_books (title, author_id) VALUES (?, ?)",
                        [("Foundation", 1), ("2001: A Space Odyssey", 2)])
        cur.execute("SELECT seed_books.title, seed_authors.name FROM seed_books "
                    "JOIN seed_authors ON seed_books.author_id = seed_authors.id")
        lines = [f"{title} by {name}" for title, name in cur.fetchall()]
    conn.commit()
    assert lines == ["Foundation by Isaac Asimov", "2001: A Space Odyssey by Arthur C. Clarke"]


def test_description_names_and_type_codes(conn):
    with conn.cursor() as cur:
        cur.execute(
            "create table descr (columnone integer, f float, b bigint, n nvarchar(10), bo boolean)"
        )
        cur.execute("select * from descr")
        assert [(d[0], d[1]) for d in cur.description] == [
            ("columnone", 50),
            ("f", 56),
            ("b", 52),
            ("n", 63),
            ("bo", 42),
        ]
        assert cur.rowcount == 5  # MimerPy's quirk: the number of columns


def test_named_parameters_bind_by_name(conn):
    with conn.cursor() as cur:
        cur.execute("create table named (a integer, b varchar(10))")
        cur.execute("insert into named values (:a, :b)", {"b": "bee", "a": 7})
        cur.execute("select a, b from named")
        assert cur.fetchall() == [(7, "bee")]


def test_scroll_cursor_moves_relative_and_absolute(conn):
    with conn.cursor() as cur:
        cur.execute("create table sc (a integer)")
        cur.executemany("insert into sc values (?)", [(i,) for i in range(1, 6)])
    conn.commit()
    cur = conn.cursor(scrollable=True)
    cur.execute("select a from sc order by a")
    assert cur.rowcount == 5
    cur.scroll(3, mode="absolute")
    assert cur.fetchone() == (4,)
    cur.scroll(-3, mode="relative")
    assert cur.fetchone() == (2,)
    cur.close()


def test_autocommit_makes_each_statement_visible_to_others(connect):
    writer = connect(autocommit=True)
    reader = connect(autocommit=True)
    with writer.cursor() as cur:
        cur.execute("create table ac (a integer)")
        cur.execute("insert into ac values (1)")
    with reader.cursor() as cur:
        cur.execute("select a from ac")
        assert cur.fetchall() == [(1,)]


def test_commit_publishes_and_rollback_discards(connect):
    writer = connect()
    reader = connect(autocommit=True)
    with writer.cursor() as cur:
        cur.execute("create table tx (a integer)")
    writer.commit()
    cur = writer.cursor()
    cur.execute("insert into tx values (1)")
    with reader.cursor() as rcur:
        rcur.execute("select count(*) from tx")
        assert rcur.fetchone() == (0,)
    writer.commit()
    cur.execute("insert into tx values (2)")
    writer.rollback()
    with reader.cursor() as rcur:
        rcur.execute("select a from tx")
        assert rcur.fetchall() == [(1,)]
    cur.close()


def test_ddl_first_in_a_transaction_commits_by_itself(connect):
    conn = connect()
    cur = conn.cursor()
    cur.execute("create table ddl1 (a integer)")
    cur.execute("create table ddl2 (a integer)")
    conn.rollback()
    other = connect(autocommit=True)
    with other.cursor() as ocur:
        ocur.execute("select count(*) from ddl1")
        assert ocur.fetchone() == (0,)
        ocur.execute("select count(*) from ddl2")
        assert ocur.fetchone() == (0,)
    cur.close()


def test_ddl_after_dml_in_a_transaction_is_refused(conn):
    cur = conn.cursor()
    cur.execute("create table ddl3 (a integer)")
    conn.commit()
    cur.execute("insert into ddl3 values (1)")
    with pytest.raises(mimerpy.ProgrammingError):
        cur.execute("create table ddl4 (a integer)")
    conn.commit()
    cur.execute("select a from ddl3")
    assert cur.fetchall() == [(1,)]
    cur.close()


def test_conflicting_commit_raises_transaction_abort_error(connect):
    first = connect()
    second = connect()
    with first.cursor() as cur:
        cur.execute("create table conflict (k integer primary key, v integer)")
        cur.execute("insert into conflict values (1, 0)")
    c1 = first.cursor()
    c2 = second.cursor()
    c1.execute("update conflict set v = 1 where k = 1")
    c2.execute("update conflict set v = 2 where k = 1")
    first.commit()
    with pytest.raises(mimerpy.TransactionAbortError) as info:
        second.commit()
    assert info.value.errno == -10001
    assert info.value.message == "Transaction aborted due to conflict with other transaction"
    c1.close()
    c2.close()


def test_smallint_overflow_is_a_data_error(conn):
    with conn.cursor() as cur:
        cur.execute("create table ovf (s smallint)")
        with pytest.raises(mimerpy.DataError) as info:
            cur.execute("insert into ovf values (?)", (32768,))
        assert info.value.errno == -24010
        assert info.value.message == "Value was too large to fit in destination"


def test_non_latin1_text_into_char_is_a_programming_error(conn):
    with conn.cursor() as cur:
        cur.execute("create table lat (c char(10))")
        for text in ("安排", "€"):
            with pytest.raises(mimerpy.ProgrammingError):
                cur.execute("insert into lat values (?)", (text,))


def test_too_long_text_is_a_database_error(conn):
    with conn.cursor() as cur:
        cur.execute("create table lng (c nvarchar(10))")
        with pytest.raises(mimerpy.DatabaseError):
            cur.execute("insert into lng values (?)", ("x" * 11,))


def test_null_into_not_null_parameter_is_a_programming_error(conn):
    with conn.cursor() as cur:
        cur.execute("create table nn (a integer not null)")
        with pytest.raises(mimerpy.ProgrammingError):
            cur.execute("insert into nn values (?)", (None,))


def test_syntax_error_is_a_programming_error(conn):
    with conn.cursor() as cur:
        with pytest.raises(mimerpy.ProgrammingError) as info:
            cur.execute("selec 1 from system.onerow")
        assert info.value.errno in (-12101, -12102, -12103)


def test_unknown_column_is_a_programming_error(conn):
    with conn.cursor() as cur:
        cur.execute("create table uc (c1 integer)")
        with pytest.raises(mimerpy.ProgrammingError) as info:
            cur.execute("select c3 from uc")
        assert info.value.errno == -12202


def test_gis_columns_report_their_type_codes_and_methods_work(conn):
    with conn.cursor() as cur:
        cur.execute(
            "create table gis (lat builtin.gis_latitude, lon builtin.gis_longitude,"
            " loc builtin.gis_location, pt builtin.gis_coordinate)"
        )
        cur.execute(
            "insert into gis values (?, ?, ?, builtin.gis_coordinate(25, -15))",
            (59.3293, 18.0686, (59.3293, 18.0686)),
        )
        cur.execute("select lat, lon, loc from gis")
        assert [d[1] for d in cur.description] == [8020, 8004, 8036]
        assert cur.fetchall() == [(59.3293, 18.0686, (59.3293, 18.0686))]
        cur.execute(
            "select lat.as_text(), loc.longitude().as_decimal(), pt.x(), pt.y(),"
            " cast(pt as varchar(30)) from gis where loc = ?",
            ((59.3293, 18.0686),),
        )
        assert cur.fetchall() == [("N591945.4800", decimal.Decimal("18.0686000"), 25, -15, "25,-15")]


@pytest.mark.parametrize(
    "sqltype, value, errno",
    [
        ("builtin.gis_latitude", 90.5, -24010),
        ("builtin.gis_latitude", -91.0, -24011),
        ("builtin.gis_longitude", 180.000001, -24010),
        ("builtin.gis_location", (10.0, -181.0), -24011),
    ],
)
def test_gis_value_out_of_range_is_a_data_error(conn, sqltype, value, errno):
    with conn.cursor() as cur:
        cur.execute(f"create table gisr (v {sqltype})")
        with pytest.raises(mimerpy.DataError) as info:
            cur.execute("insert into gisr values (?)", (value,))
        assert info.value.errno == errno
        cur.execute("drop table gisr")


def test_executemany_reports_a_setter_overflow_as_data_error(conn):
    with conn.cursor() as cur:
        cur.execute("create table ovf2 (s smallint)")
        with pytest.raises(mimerpy.DataError) as info:
            cur.executemany("insert into ovf2 values (?)", [(1,), (40000,), (2,)])
        assert info.value.errno == -24010


def test_fifty_connections_at_once(connect):
    conns = [connect(autocommit=True) for _ in range(50)]
    for i, c in enumerate(conns):
        with c.cursor() as cur:
            cur.execute(f"select {i} from system.onerow")
            assert cur.fetchone() == (i,)


def test_one_connection_per_thread(connect):
    with connect(autocommit=True).cursor() as cur:
        cur.execute("create table threads (t integer, i integer)")
    errors = []

    def work(t):
        try:
            c = mimerpy.connect(dsn=DATABASE, user="SYSADM", password="SYSPASS", autocommit=True)
            with c.cursor() as cur:
                cur.executemany("insert into threads values (?, ?)", [(t, i) for i in range(20)])
                cur.execute("select count(*) from threads where t = ?", (t,))
                assert cur.fetchone() == (20,)
            c.close()
        except (mimerpy.Error, AssertionError) as e:  # a failing thread fails the test
            errors.append(e)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
