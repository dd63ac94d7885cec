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


def test_create_table_writes_its_sequence_first(offline):
    op, buf, _ = offline
    op.create_table("authors", Column("id", Integer, primary_key=True),
                    Column("name", String(50), nullable=False))
    op.drop_table("authors")
    assert lines(buf) == [
        "CREATE SEQUENCE authors_id_autoinc_seq",
        ("CREATE TABLE authors ( id INTEGER DEFAULT NEXT VALUE FOR authors_id_autoinc_seq "
        "NOT NULL, name VARCHAR(50) NOT NULL, PRIMARY KEY (id) )"),
        "DROP TABLE authors",
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
