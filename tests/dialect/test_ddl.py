"""DDL the dialect compiles: auto-increment sequences, constraints, comments, indexes."""

from __future__ import annotations

import pytest
from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    Computed,
    ForeignKey,
    Identity,
    Index,
    Integer,
    MetaData,
    Sequence,
    SmallInteger,
    String,
    Table,
    UniqueConstraint,
    exc,
    schema,
    select,
)
from sqlalchemy.testing import AssertsCompiledSQL

from sqlalchemy_mimer.base import implicit_sequence, implicit_sequence_name
from sqlalchemy_mimer.mimerpy import MimerDialect_mimerpy


def seed_tables():
    metadata = MetaData()
    authors = Table(
        "authors", metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("name", String(50), nullable=False),
    )
    books = Table(
        "books", metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("title", String(100), nullable=False),
        Column("author_id", Integer, ForeignKey("authors.id")),
    )
    return metadata, authors, books


class TestCreateTable(AssertsCompiledSQL):
    __dialect__ = MimerDialect_mimerpy()

    def test_seed_authors_table(self):
        _, authors, _ = seed_tables()
        self.assert_compile(
            schema.CreateTable(authors),
            "CREATE TABLE authors (id INTEGER DEFAULT NEXT VALUE FOR authors_id_autoinc_seq "
            "NOT NULL, name VARCHAR(50) NOT NULL, PRIMARY KEY (id))",
        )

    def test_seed_books_table(self):
        _, _, books = seed_tables()
        self.assert_compile(
            schema.CreateTable(books),
            "CREATE TABLE books (id INTEGER DEFAULT NEXT VALUE FOR books_id_autoinc_seq NOT NULL, "
            "title VARCHAR(100) NOT NULL, author_id INTEGER, PRIMARY KEY (id), "
            "FOREIGN KEY(author_id) REFERENCES authors (id))",
        )

    def test_implicit_sequence_of_seed_table(self):
        _, authors, _ = seed_tables()
        self.assert_compile(schema.CreateSequence(implicit_sequence(authors.c.id)),
                            "CREATE SEQUENCE authors_id_autoinc_seq")

    def test_bigint_autoincrement_sequence_is_bigint(self):
        t = Table("big", MetaData(), Column("id", BigInteger, primary_key=True))
        self.assert_compile(schema.CreateSequence(implicit_sequence(t.c.id)),
                            "CREATE SEQUENCE big_id_autoinc_seq AS BIGINT")
        t2 = Table("small", MetaData(), Column("id", SmallInteger, primary_key=True))
        self.assert_compile(schema.CreateSequence(implicit_sequence(t2.c.id)),
                            "CREATE SEQUENCE small_id_autoinc_seq AS SMALLINT")

    def test_identity_becomes_sequence_with_its_options(self):
        t = Table("i", MetaData(), Column("id", Integer, Identity(start=5, increment=3,
                                                                  maxvalue=1000, cycle=True),
                                          primary_key=True))
        self.assert_compile(schema.CreateTable(t),
                            "CREATE TABLE i (id INTEGER DEFAULT NEXT VALUE FOR i_id_autoinc_seq "
                            "NOT NULL, PRIMARY KEY (id))")
        self.assert_compile(schema.CreateSequence(implicit_sequence(t.c.id)),
                            "CREATE SEQUENCE i_id_autoinc_seq START WITH 5 INCREMENT BY 3 "
                            "MAXVALUE 1000 CYCLE")

    def test_identity_on_non_key_column(self):
        t = Table("i", MetaData(), Column("id", Integer, primary_key=True, autoincrement=False),
                  Column("n", Integer, Identity()))
        self.assert_compile(schema.CreateTable(t),
                            "CREATE TABLE i (id INTEGER NOT NULL, n INTEGER DEFAULT NEXT VALUE "
                            "FOR i_n_autoinc_seq NOT NULL, PRIMARY KEY (id))")

    def test_no_sequence_without_autoincrement(self):
        t = Table("n", MetaData(), Column("id", Integer, primary_key=True, autoincrement=False))
        assert implicit_sequence(t.c.id) is None
        self.assert_compile(schema.CreateTable(t),
                            "CREATE TABLE n (id INTEGER NOT NULL, PRIMARY KEY (id))")

    def test_no_sequence_for_composite_key(self):
        t = Table("c", MetaData(), Column("a", Integer, primary_key=True),
                  Column("b", Integer, primary_key=True))
        assert implicit_sequence(t.c.a) is None and implicit_sequence(t.c.b) is None

    def test_no_sequence_for_string_key_or_server_default(self):
        t = Table("s", MetaData(), Column("id", String(10), primary_key=True))
        assert implicit_sequence(t.c.id) is None
        t2 = Table("d", MetaData(), Column("id", Integer, primary_key=True, server_default="7"))
        assert implicit_sequence(t2.c.id) is None

    def test_explicit_sequence_is_left_to_sqlalchemy(self):
        t = Table("e", MetaData(), Column("id", Integer, Sequence("e_seq"), primary_key=True))
        assert implicit_sequence(t.c.id) is None
        self.assert_compile(schema.CreateTable(t),
                            "CREATE TABLE e (id INTEGER NOT NULL, PRIMARY KEY (id))")

    def test_optional_sequence_names_the_implicit_one(self):
        t = Table("o", MetaData(), Column("id", Integer, Sequence("o_ids", optional=True,
                                                                  start=10),
                                          primary_key=True))
        self.assert_compile(schema.CreateTable(t),
                            "CREATE TABLE o (id INTEGER DEFAULT NEXT VALUE FOR o_ids NOT NULL, "
                            "PRIMARY KEY (id))")
        self.assert_compile(schema.CreateSequence(implicit_sequence(t.c.id)),
                            "CREATE SEQUENCE o_ids START WITH 10")

    def test_sequence_follows_table_schema(self):
        t = Table("q", MetaData(), Column("id", Integer, primary_key=True), schema="app")
        self.assert_compile(schema.CreateTable(t),
                            "CREATE TABLE app.q (id INTEGER DEFAULT NEXT VALUE FOR "
                            "app.q_id_autoinc_seq NOT NULL, PRIMARY KEY (id))")

    def test_long_sequence_names_are_cut_with_a_hash(self):
        name = implicit_sequence_name("t" * 100, "c" * 100)
        assert len(name) == 128
        assert name != implicit_sequence_name("t" * 100, "c" * 99 + "d")
        assert implicit_sequence_name("t", "c") == "t_c_autoinc_seq"

    def test_not_null_check_unique_and_defaults(self):
        t = Table(
            "k", MetaData(),
            Column("id", Integer, primary_key=True, autoincrement=False),
            Column("code", String(5), nullable=False, unique=True, server_default="x"),
            Column("qty", Integer, CheckConstraint("qty > 0", name="qty_positive")),
            UniqueConstraint("id", "qty", name="uq_k"),
        )
        self.assert_compile(
            schema.CreateTable(t),
            "CREATE TABLE k (id INTEGER NOT NULL, code VARCHAR(5) DEFAULT 'x' NOT NULL, "
            "qty INTEGER CONSTRAINT qty_positive CHECK (qty > 0), PRIMARY KEY (id), "
            "CONSTRAINT uq_k UNIQUE (id, qty), UNIQUE (code))",
        )

    def test_foreign_key_actions(self):
        m = MetaData()
        Table("p", m, Column("id", Integer, primary_key=True))
        c = Table("c", m, Column("id", Integer, primary_key=True, autoincrement=False),
                  Column("p_id", Integer, ForeignKey("p.id", ondelete="CASCADE",
                                                     onupdate="SET NULL")))
        self.assert_compile(
            schema.CreateTable(c),
            "CREATE TABLE c (id INTEGER NOT NULL, p_id INTEGER, PRIMARY KEY (id), "
            "FOREIGN KEY(p_id) REFERENCES p (id) ON DELETE CASCADE ON UPDATE SET NULL)",
        )

    def test_reserved_words_quoted(self):
        t = Table("user", MetaData(), Column("value", Integer, primary_key=True,
                                             autoincrement=False))
        self.assert_compile(schema.CreateTable(t),
                            'CREATE TABLE "user" ("value" INTEGER NOT NULL, PRIMARY KEY ("value"))')

    def test_computed_column_is_refused(self):
        t = Table("g", MetaData(), Column("a", Integer), Column("b", Integer, Computed("a + 1")))
        with pytest.raises(exc.CompileError, match="computed"):
            schema.CreateTable(t).compile(dialect=MimerDialect_mimerpy())

    def test_if_not_exists_is_refused(self):
        _, authors, _ = seed_tables()
        with pytest.raises(exc.CompileError, match="IF"):
            schema.CreateTable(authors, if_not_exists=True).compile(dialect=MimerDialect_mimerpy())
        with pytest.raises(exc.CompileError, match="IF"):
            schema.DropTable(authors, if_exists=True).compile(dialect=MimerDialect_mimerpy())


class TestOtherDDL(AssertsCompiledSQL):
    __dialect__ = MimerDialect_mimerpy()

    def test_drop_table_and_sequence(self):
        _, authors, _ = seed_tables()
        self.assert_compile(schema.DropTable(authors), "DROP TABLE authors")
        self.assert_compile(schema.DropSequence(implicit_sequence(authors.c.id)),
                            "DROP SEQUENCE authors_id_autoinc_seq")

    def test_sequence_options(self):
        self.assert_compile(
            schema.CreateSequence(Sequence("s", start=1, increment=2, minvalue=1, maxvalue=99,
                                           cycle=False, cache=5)),
            "CREATE SEQUENCE s START WITH 1 INCREMENT BY 2 MINVALUE 1 MAXVALUE 99 NO CYCLE",
        )
        self.assert_compile(
            schema.CreateSequence(Sequence("s", nominvalue=True, nomaxvalue=True,
                                           data_type=BigInteger)),
            "CREATE SEQUENCE s AS BIGINT NO MINVALUE NO MAXVALUE",
        )

    def test_views(self):
        t = Table("t", MetaData(), Column("a", Integer))
        query = select(t.c.a).where(t.c.a > 5)
        self.assert_compile(schema.CreateView(query, "v"),
                            "CREATE VIEW v AS SELECT t.a FROM t WHERE t.a > 5")
        for kw, what in ((dict(or_replace=True), "OR REPLACE"),
                         (dict(temporary=True), "temporary"),
                         (dict(materialized=True), "materialized")):
            with pytest.raises(exc.CompileError, match=what):
                schema.CreateView(query, "v", **kw).compile(dialect=self.__dialect__)

    def test_create_table_as_is_refused(self):
        t = Table("t", MetaData(), Column("a", Integer))
        with pytest.raises(exc.CompileError, match="no CREATE TABLE ... AS"):
            schema.CreateTableAs(select(t.c.a), "t2").compile(dialect=self.__dialect__)

    def test_comments(self):
        t = Table("c", MetaData(), Column("a", Integer, comment="the a"), comment="it's c")
        self.assert_compile(schema.SetTableComment(t), "COMMENT ON TABLE c IS 'it''s c'")
        self.assert_compile(schema.SetColumnComment(t.c.a), "COMMENT ON COLUMN c.a IS 'the a'")
        self.assert_compile(schema.DropTableComment(t), "COMMENT ON TABLE c IS ''")
        self.assert_compile(schema.DropColumnComment(t.c.a), "COMMENT ON COLUMN c.a IS ''")

    def test_comments_are_not_inline(self):
        t = Table("c", MetaData(), Column("a", Integer, comment="x"), comment="y")
        self.assert_compile(schema.CreateTable(t), "CREATE TABLE c (a INTEGER)")

    def test_index_is_qualified_with_its_table_schema(self):
        t = Table("t", MetaData(), Column("a", Integer), Column("b", Integer), schema="app")
        ix = Index("ix_t_ab", t.c.a, t.c.b.desc(), unique=True)
        self.assert_compile(schema.CreateIndex(ix),
                            "CREATE UNIQUE INDEX app.ix_t_ab ON app.t (a, b DESC)")
        self.assert_compile(schema.DropIndex(ix), "DROP INDEX app.ix_t_ab")

    def test_schema_ddl(self):
        self.assert_compile(schema.CreateSchema("test_schema"), "CREATE SCHEMA test_schema")
        self.assert_compile(schema.DropSchema("test_schema"), "DROP SCHEMA test_schema")
        self.assert_compile(schema.DropSchema("test_schema", cascade=True),
                            "DROP SCHEMA test_schema CASCADE")

    def test_add_and_drop_constraint(self):
        t = Table("t", MetaData(), Column("a", Integer))
        uq = UniqueConstraint(t.c.a, name="uq_a")
        self.assert_compile(schema.AddConstraint(uq), "ALTER TABLE t ADD CONSTRAINT uq_a UNIQUE (a)")
        self.assert_compile(schema.DropConstraint(uq), "ALTER TABLE t DROP CONSTRAINT uq_a")
