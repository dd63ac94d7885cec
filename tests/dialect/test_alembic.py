"""Alembic: MimerImpl is found for the mimer dialect and writes Mimer's ALTER forms."""

from __future__ import annotations

import io

import pytest

pytest.importorskip("alembic")

from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import Column, Integer, String

from sqlalchemy_mimer.mimerpy import MimerDialect_mimerpy


@pytest.fixture
def offline():
    buf = io.StringIO()
    ctx = MigrationContext.configure(dialect=MimerDialect_mimerpy(),
                                     opts={"as_sql": True, "output_buffer": buf})
    return Operations(ctx), buf, ctx


def lines(buf):
    return [" ".join(s.split()) for s in buf.getvalue().split(";") if s.strip()]


def test_impl_is_mimer_and_ddl_is_not_transactional(offline):
    _, _, ctx = offline
    assert type(ctx.impl).__name__ == "MimerImpl"
    assert ctx.impl.transactional_ddl is False


def test_create_table_writes_its_sequence_first_and_drop_table_drops_it(offline):
    op, buf, _ = offline
    op.create_table("authors", Column("id", Integer, primary_key=True),
                    Column("name", String(50), nullable=False))
    op.drop_table("authors")
    assert lines(buf) == [
        "CREATE SEQUENCE authors_id_autoinc_seq",
        ("CREATE TABLE authors ( id INTEGER DEFAULT NEXT VALUE FOR authors_id_autoinc_seq "
        "NOT NULL, name VARCHAR(50) NOT NULL, PRIMARY KEY (id) )"),
        "DROP TABLE authors",
        "DROP SEQUENCE authors_id_autoinc_seq",
    ]


def test_alter_forms(offline):
    op, buf, _ = offline
    op.add_column("t", Column("c", String(10), server_default="x"))
    op.alter_column("t", "c", type_=String(20))
    op.alter_column("t", "c", server_default="y")
    op.alter_column("t", "c", server_default=None)
    op.drop_column("t", "c")
    assert lines(buf) == [
        "ALTER TABLE t ADD COLUMN c VARCHAR(10) DEFAULT 'x'",
        "ALTER TABLE t ALTER COLUMN c SET DATA TYPE VARCHAR(20)",
        "ALTER TABLE t ALTER COLUMN c SET DEFAULT 'y'",
        "ALTER TABLE t ALTER COLUMN c DROP DEFAULT",
        "ALTER TABLE t DROP COLUMN c",
    ]


def test_nullability_change_is_refused(offline):
    op, _, _ = offline
    with pytest.raises(Exception, match="nullability"):
        op.alter_column("t", "c", nullable=False, existing_type=Integer())


def test_offline_drop_by_name_finds_the_table_created_earlier_in_the_script(offline):
    op, buf, _ = offline
    op.create_table("scratch", Column("id", Integer, primary_key=True))
    op.drop_table("scratch")
    assert lines(buf)[-2:] == ["DROP TABLE scratch", "DROP SEQUENCE scratch_id_autoinc_seq"]


def test_offline_drop_by_name_uses_target_metadata():
    from sqlalchemy import MetaData, Table

    target = MetaData()
    Table("Books", target, Column("id", Integer, primary_key=True))
    buf = io.StringIO()
    ctx = MigrationContext.configure(dialect=MimerDialect_mimerpy(), opts={
        "as_sql": True, "output_buffer": buf, "target_metadata": target})
    Operations(ctx).drop_table("books")
    assert lines(buf) == ["DROP TABLE books", 'DROP SEQUENCE "Books_id_autoinc_seq"']


def test_offline_drop_of_an_unknown_table_warns_about_its_sequences(offline):
    op, buf, _ = offline
    with pytest.warns(Warning, match="sequences"):
        op.drop_table("elsewhere")
    assert lines(buf) == ["DROP TABLE elsewhere"]


@pytest.mark.parametrize("reflected, model, differ", [
    ("'anonymous'", "'anonymous'", False),
    ("'it''s'", "'it''s'", False),
    ("'x'", "'X'", True),
    ("(-5)", "-5", False),
    ("1.50", "1.5", False),
    ("1.50", "2", True),
    ("TRUE", "true", False),
    ("CURRENT_TIMESTAMP", "current_timestamp", False),
    ("LOCALTIMESTAMP", "CURRENT_TIMESTAMP", True),
    ("NULL", None, False),
    (None, "0", True),
    ("DATE '2020-01-02'", "date '2020-01-02'", False),
    ("1.5e3", "1500", False),
    ("'1.50'", "'1.5'", True),
    ("((1) + (2))", "(1) + (2)", False),
    ("(1) + (2)", "1) + (2", True),
    ("'a  b'", "'a b'", True),
    ("x  ||  'a  b'", "x || 'a  b'", False),
])
def test_default_normalisation(reflected, model, differ):
    from sqlalchemy_mimer.alembic_impl import normalize_default

    assert (normalize_default(reflected) != normalize_default(model)) is differ


def test_compare_server_default_renders_the_model_default_as_ddl(offline):
    from sqlalchemy import MetaData, Table, text, true

    _, _, ctx = offline
    t = Table("t", MetaData(), Column("s", String(10), server_default="it's"),
              Column("b", Integer, server_default=text("-5")),
              Column("f", Integer, server_default=true()))
    impl = ctx.impl
    assert impl.compare_server_default(None, t.c.s, "it's", "'it''s'") is False
    assert impl.compare_server_default(None, t.c.b, "-5", "(-5)") is False
    assert impl.compare_server_default(None, t.c.f, "true", "TRUE") is False
    assert impl.compare_server_default(None, t.c.s, "it's", "'its'") is True


def test_column_and_table_renames_are_refused(offline):
    op, buf, _ = offline
    with pytest.raises(Exception, match="rename a column"):
        op.alter_column("t", "c", new_column_name="d")
    with pytest.raises(Exception, match="rename a table"):
        op.rename_table("t", "u")
    assert lines(buf) == []


def test_batch_recreate_is_refused_before_anything_is_written(offline):
    op, buf, _ = offline
    from sqlalchemy import MetaData, Table

    t = Table("t", MetaData(), Column("id", Integer, primary_key=True), Column("c", String(5)))
    with pytest.raises(Exception, match="no table rename"), \
            op.batch_alter_table("t", recreate="always", copy_from=t) as batch:
        batch.alter_column("c", nullable=False)
    assert lines(buf) == []
