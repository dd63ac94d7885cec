"""SQL the dialect compiles: row limiting, FROM-less selects, functions, operators."""

from __future__ import annotations

import decimal

import pytest
from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Integer,
    MetaData,
    Numeric,
    Sequence,
    String,
    Table,
    Unicode,
    bindparam,
    case,
    cast,
    exc,
    false,
    func,
    literal,
    select,
    true,
    tuple_,
)
from sqlalchemy.testing import AssertsCompiledSQL

from sqlalchemy_mimer.mimerpy import MimerDialect_mimerpy

metadata = MetaData()
t = Table(
    "t", metadata,
    Column("id", Integer, primary_key=True),
    Column("x", Integer),
    Column("name", String(30)),
    Column("flag", Boolean),
    Column("amount", Numeric(10, 2)),
    Column("value", Integer),
)


def compile_(stmt, **kw):
    return stmt.compile(dialect=MimerDialect_mimerpy(), **kw)


class TestRowLimiting(AssertsCompiledSQL):
    __dialect__ = MimerDialect_mimerpy()

    def test_limit_and_offset_are_bound_parameters(self):
        self.assert_compile(
            select(t.c.id).order_by(t.c.id).limit(5).offset(10),
            "SELECT t.id FROM t ORDER BY t.id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY",
            checkpositional=(10, 5),
        )

    def test_limit_alone_has_no_offset(self):
        self.assert_compile(select(t.c.id).limit(3),
                            "SELECT t.id FROM t FETCH FIRST ? ROWS ONLY", checkpositional=(3,))

    def test_offset_alone_has_no_fetch(self):
        self.assert_compile(select(t.c.id).offset(3), "SELECT t.id FROM t OFFSET ? ROWS",
                            checkpositional=(3,))

    def test_limits_differing_only_in_value_share_sql_but_not_values(self):
        a = compile_(select(t.c.id).limit(5))
        b = compile_(select(t.c.id).limit(10))
        assert a.string == b.string
        assert a.construct_params() != b.construct_params()
        assert list(a.construct_params().values()) == [5]
        assert list(b.construct_params().values()) == [10]

    def test_limits_share_one_cache_key_and_extract_their_own_values(self):
        a, b = select(t.c.id).limit(5), select(t.c.id).limit(10)
        ka, kb = a._generate_cache_key(), b._generate_cache_key()
        assert ka == kb
        compiled = a.compile(dialect=MimerDialect_mimerpy(), cache_key=ka)
        assert compiled.construct_params(extracted_parameters=kb.bindparams) == {
            "param_1": 10}

    def test_fetch_with_ties_is_refused(self):
        with pytest.raises(exc.CompileError, match="WITH TIES"):
            compile_(select(t.c.id).order_by(t.c.id).fetch(3, with_ties=True))

    def test_fetch_percent_is_refused(self):
        with pytest.raises(exc.CompileError, match="PERCENT"):
            compile_(select(t.c.id).fetch(3, percent=True))

    def test_plain_fetch_renders_fetch_first(self):
        self.assert_compile(select(t.c.id).fetch(3), "SELECT t.id FROM t FETCH FIRST ? ROWS ONLY")

    def test_limit_in_subquery(self):
        sub = select(t.c.id).limit(2).subquery()
        self.assert_compile(
            select(sub.c.id),
            "SELECT anon_1.id FROM (SELECT t.id AS id FROM t FETCH FIRST ? ROWS ONLY) AS anon_1",
        )


class TestSelect(AssertsCompiledSQL):
    __dialect__ = MimerDialect_mimerpy()

    def test_select_without_from_uses_onerow(self):
        self.assert_compile(select(1), "SELECT 1 FROM SYSTEM.ONEROW")

    def test_literal_bound_in_select_list_is_cast(self):
        # BIGINT: a Python int may not fit INTEGER.
        self.assert_compile(select(literal(1)),
                            "SELECT CAST(? AS BIGINT) AS anon_1 FROM SYSTEM.ONEROW")

    def test_literal_string_in_select_list_is_cast_with_maximum_length(self):
        self.assert_compile(select(literal("a")),
                            "SELECT CAST(? AS VARCHAR(15000)) AS anon_1 FROM SYSTEM.ONEROW")

    def test_literal_binds_render_plain_literals(self):
        self.assert_compile(select(literal(1)), "SELECT 1 AS anon_1 FROM SYSTEM.ONEROW",
                            literal_binds=True)

    def test_bind_in_where_clause_is_not_cast(self):
        self.assert_compile(select(t.c.id).where(t.c.x == 5),
                            "SELECT t.id FROM t WHERE t.x = ?")

    def test_reserved_word_value_is_quoted(self):
        self.assert_compile(select(t.c.value), 'SELECT t."value" FROM t')

    def test_name_starting_with_underscore_is_quoted(self):
        u = Table("_u", MetaData(), Column("_c", Integer))
        self.assert_compile(select(u.c._c), 'SELECT "_u"."_c" FROM "_u"')

    def test_boolean_literals(self):
        self.assert_compile(select(t.c.id).where(t.c.flag == true()),
                            "SELECT t.id FROM t WHERE t.flag = true")
        self.assert_compile(select(false()), "SELECT false AS anon_1 FROM SYSTEM.ONEROW")

    def test_boolean_column_as_condition(self):
        self.assert_compile(select(t.c.id).where(t.c.flag), "SELECT t.id FROM t WHERE t.flag")

    def test_concat_operator(self):
        # The value concatenated may be longer than the column: widest string.
        self.assert_compile(select(t.c.id).where(t.c.name + "x" == "ax"),
                            "SELECT t.id FROM t WHERE (t.name || CAST(? AS VARCHAR(15000))) = ?")

    def test_bind_in_select_list_expression_is_cast_to_widest_string(self):
        # The value may be longer than the VARCHAR(30) it is concatenated to.
        self.assert_compile(select(t.c.name + "x"),
                            "SELECT t.name || CAST(? AS VARCHAR(15000)) AS anon_1 FROM t")

    def test_concat_function_becomes_operator(self):
        self.assert_compile(select(func.concat(t.c.name, t.c.name)),
                            "SELECT (t.name || t.name) AS concat_1 FROM t")

    def test_now_is_localtimestamp(self):
        self.assert_compile(select(func.now()), "SELECT LOCALTIMESTAMP AS now_1 FROM SYSTEM.ONEROW")

    def test_ansi_functions(self):
        self.assert_compile(select(func.current_date(), func.current_timestamp(),
                                   func.localtimestamp()),
                            "SELECT CURRENT_DATE AS current_date_1, CURRENT_TIMESTAMP AS "
                            "current_timestamp_1, LOCALTIMESTAMP AS localtimestamp_1 "
                            "FROM SYSTEM.ONEROW")

    def test_string_functions(self):
        self.assert_compile(
            select(func.char_length(t.c.name), func.lower(t.c.name), func.upper(t.c.name),
                   func.substring(t.c.name, 2, 3)),
            "SELECT char_length(t.name) AS char_length_1, lower(t.name) AS lower_1, "
            "upper(t.name) AS upper_1, SUBSTRING(t.name FROM CAST(? AS BIGINT) FOR "
            "CAST(? AS BIGINT)) AS substring_1 FROM t",
        )

    def test_cast_to_string_without_length_gets_maximum(self):
        self.assert_compile(select(cast(t.c.x, String)),
                            "SELECT CAST(t.x AS VARCHAR(15000)) AS x FROM t")
        self.assert_compile(select(cast(t.c.x, Unicode)),
                            "SELECT CAST(t.x AS NVARCHAR(5000)) AS x FROM t")

    def test_cast_to_numeric(self):
        self.assert_compile(select(cast(t.c.x, Numeric(10, 2))),
                            "SELECT CAST(t.x AS DECIMAL(10, 2)) AS x FROM t")

    def test_next_value_for_sequence(self):
        self.assert_compile(select(Sequence("s").next_value()),
                            "SELECT NEXT VALUE FOR s AS next_value_1 FROM SYSTEM.ONEROW")
        self.assert_compile(select(Sequence("s", schema="SYSADM").next_value()),
                            'SELECT NEXT VALUE FOR "SYSADM".s AS next_value_1 FROM SYSTEM.ONEROW')

    def test_for_update(self):
        self.assert_compile(select(t.c.id).with_for_update(),
                            "SELECT t.id FROM t FOR UPDATE")
        self.assert_compile(select(t.c.id).with_for_update(of=t.c.x),
                            "SELECT t.id FROM t FOR UPDATE OF x")

    @pytest.mark.parametrize("kw", [{"nowait": True}, {"skip_locked": True}, {"read": True}])
    def test_lock_options_are_refused(self, kw):
        with pytest.raises(exc.CompileError, match="FOR UPDATE"):
            compile_(select(t.c.id).with_for_update(**kw))


class TestOperators(AssertsCompiledSQL):
    __dialect__ = MimerDialect_mimerpy()

    def test_true_division_by_an_untyped_function_casts_an_integer_dividend(self):
        # The divisor's type is unknown: casting it could cut its fraction.
        self.assert_compile(select(t.c.x / func.nullif(t.c.id, 0)),
                            "SELECT CAST(t.x AS DECIMAL(19, 0)) / nullif(t.id, CAST(? AS BIGINT)) "
                            "AS anon_1 FROM t")

    def test_true_division_of_a_non_integer_by_an_untyped_function_is_plain(self):
        self.assert_compile(select(t.c.amount / func.nullif(t.c.amount, 0)),
                            "SELECT t.amount / nullif(t.amount, CAST(? AS BIGINT)) "
                            "AS anon_1 FROM t")

    def test_integer_true_division_casts_divisor_with_precision(self):
        self.assert_compile(select(t.c.x / t.c.id),
                            "SELECT t.x / CAST(t.id AS DECIMAL(19, 0)) AS anon_1 FROM t")

    def test_numeric_division_keeps_the_divisor_type(self):
        self.assert_compile(select(t.c.x / t.c.amount),
                            "SELECT t.x / CAST(t.amount AS DECIMAL(10, 2)) AS anon_1 FROM t")

    def test_integer_floor_division_truncates(self):
        self.assert_compile(select(t.c.x // t.c.id), "SELECT t.x / t.id AS anon_1 FROM t")

    def test_numeric_floor_division_uses_floor(self):
        self.assert_compile(select(t.c.amount // t.c.id),
                            "SELECT FLOOR(t.amount / t.id) AS anon_1 FROM t")

    def test_empty_in_is_false_with_typed_null(self):
        self.assert_compile(select(t.c.id).where(t.c.x.in_([])),
                            "SELECT t.id FROM t WHERE t.x IN (CAST(NULL AS INTEGER)) AND (1 = 0)",
                            render_postcompile=True)

    def test_empty_not_in_is_true(self):
        self.assert_compile(select(t.c.id).where(t.c.name.not_in([])),
                            "SELECT t.id FROM t WHERE (t.name NOT IN "
                            "(CAST(NULL AS VARCHAR(30))) OR (1 = 1))",
                            render_postcompile=True)

    def test_in_list_expands_to_markers(self):
        self.assert_compile(select(t.c.id).where(t.c.x.in_([1, 2, 3])),
                            "SELECT t.id FROM t WHERE t.x IN (?, ?, ?)",
                            render_postcompile=True, checkpositional=(1, 2, 3))

    @pytest.mark.parametrize("build", [
        lambda: t.c.name.regexp_match("a.*"),
        lambda: t.c.name.regexp_replace("a", "b"),
        lambda: t.c.x.is_distinct_from(1),
        lambda: t.c.x.is_not_distinct_from(1),
    ])
    def test_unsupported_operators_raise_compile_error(self, build):
        with pytest.raises(exc.CompileError):
            compile_(select(t.c.id).where(build()))

    @pytest.mark.parametrize("order", [lambda: t.c.x.nulls_first(), lambda: t.c.x.nulls_last()])
    def test_nulls_ordering_raises_compile_error(self, order):
        with pytest.raises(exc.CompileError, match="NULLS"):
            compile_(select(t.c.id).order_by(order()))

    def test_tuple_comparison_is_rendered_for_the_server_to_refuse(self):
        # Mimer has no row values; SQLAlchemy's requirements keep the suite away.
        assert "(t.x, t.id)" in str(compile_(select(t.c.id).where(tuple_(t.c.x, t.c.id) == (1, 2))))


class TestDML(AssertsCompiledSQL):
    __dialect__ = MimerDialect_mimerpy()

    def test_insert_leaves_autoincrement_column_out(self):
        self.assert_compile(t.insert().values(name="a"), "INSERT INTO t (name) VALUES (?)")

    def test_substring_without_length(self):
        self.assert_compile(select(t.c.id).where(func.substring(t.c.name, 2) == "b"),
                            "SELECT t.id FROM t WHERE SUBSTRING(t.name FROM ?) = ?")

    def test_insert_with_explicit_sequence_prefetches_it(self):
        s = Table("s", MetaData(), Column("id", Integer, Sequence("s_seq"), primary_key=True),
                  Column("v", Integer))
        compiled = compile_(s.insert().values(v=1))
        assert compiled.string == "INSERT INTO s (id, v) VALUES (?, ?)"
        assert compiled.insert_prefetch == [s.c.id]

    def test_returning_is_left_to_the_server(self):
        # Mimer has no RETURNING (insert_returning is False); SQLAlchemy's
        # contract (ReturningGuardsTest) is that an explicit .returning()
        # reaches the server and fails there, as a DBAPIError.
        assert not compile_(t.insert()).dialect.insert_returning
        assert compile_(t.insert().values(name="a").returning(t.c.id)).string.endswith(
            "RETURNING t.id")

    def test_insert_from_select_with_cte_puts_with_after_insert(self):
        cte = select(t.c.id, t.c.name).where(t.c.id > 5).cte("c")
        stmt = t.insert().from_select(["id", "name"], select(cte.c.id, cte.c.name))
        self.assert_compile(
            stmt,
            "INSERT INTO t (id, name) WITH c AS (SELECT t.id AS id, t.name AS name "
            "FROM t WHERE t.id > ?) SELECT c.id, c.name FROM c")

    def test_update_and_delete(self):
        self.assert_compile(t.update().where(t.c.id == 1).values(name="b"),
                            "UPDATE t SET name=? WHERE t.id = ?")
        self.assert_compile(t.delete().where(t.c.id == 1), "DELETE FROM t WHERE t.id = ?")

    def test_insert_default_values(self):
        d = Table("d", MetaData(), Column("id", Integer, primary_key=True))
        assert str(compile_(d.insert(), column_keys=[])) == "INSERT INTO d DEFAULT VALUES"

    def test_multi_values_insert_is_refused(self):
        with pytest.raises(exc.CompileError):
            compile_(t.insert().values([{"name": "a"}, {"name": "b"}]))


def test_cast_of_a_bound_value_is_not_cast_twice():
    assert str(compile_(select(cast(literal(1), Integer)))) == \
        "SELECT CAST(? AS INTEGER) AS anon_1 FROM SYSTEM.ONEROW"


class TestParameterTypes(AssertsCompiledSQL):
    """Mimer types a ``?`` from the other operand only (-12262 otherwise)."""

    __dialect__ = MimerDialect_mimerpy()

    def test_comparison_of_two_bound_values_casts_the_left_one_wide(self):
        self.assert_compile(select(t.c.id).where(literal(2**40) == 2**40),
                            "SELECT t.id FROM t WHERE CAST(? AS BIGINT) = ?")

    def test_untyped_left_value_leaves_the_cast_to_the_right_one(self):
        self.assert_compile(select(t.c.id).where(bindparam("a") == literal("b")),
                            "SELECT t.id FROM t WHERE ? = CAST(? AS VARCHAR(15000))")

    def test_concatenation_of_two_bound_values_casts_both(self):
        self.assert_compile(select(t.c.id).where(literal("a") + literal("b") == t.c.name),
                            "SELECT t.id FROM t WHERE (CAST(? AS VARCHAR(15000)) || "
                            "CAST(? AS VARCHAR(15000))) = t.name")

    def test_bound_value_under_is_null_is_cast(self):
        self.assert_compile(
            select(t.c.id).where(bindparam("p", type_=Date) != None),
            "SELECT t.id FROM t WHERE CAST(? AS DATE) IS NOT NULL")

    def test_null_bound_case_types_the_condition_only(self):
        # THEN ? takes its type from ELSE, as the SQL standard says.
        self.assert_compile(
            select(t.c.id).where(case((bindparam("p", type_=Integer) != None,
                                       bindparam("p", type_=Integer)), else_=t.c.x) == t.c.x),
            "SELECT t.id FROM t WHERE CASE WHEN (CAST(? AS BIGINT) IS NOT NULL) THEN ? "
            "ELSE t.x END = t.x")

    def test_column_compared_with_a_bound_value_is_not_cast(self):
        self.assert_compile(select(t.c.id).where(t.c.x != None, t.c.name == "a"),
                            "SELECT t.id FROM t WHERE t.x IS NOT NULL AND t.name = ?")

    def test_like_pattern_is_the_widest_string(self):
        self.assert_compile(select(t.c.id).where(t.c.name.like("%a%")),
                            "SELECT t.id FROM t WHERE t.name LIKE CAST(? AS VARCHAR(15000))")

    def test_ilike_pattern_is_cast_inside_lower(self):
        self.assert_compile(select(t.c.id).where(t.c.name.ilike("%a%")),
                            "SELECT t.id FROM t WHERE lower(t.name) LIKE "
                            "lower(CAST(? AS VARCHAR(15000)))")

    def test_contains_casts_the_concatenated_value(self):
        self.assert_compile(
            select(t.c.id).where(t.c.name.contains("a", autoescape=True)),
            "SELECT t.id FROM t WHERE (t.name LIKE '%' || CAST(? AS VARCHAR(15000)) || '%' "
            "ESCAPE '/')")

    def test_national_values_stay_national(self):
        u = Table("u", MetaData(), Column("n", Unicode(10)))
        self.assert_compile(select(u.c.n).where(u.c.n.startswith("a")),
                            "SELECT u.n FROM u WHERE (u.n LIKE CAST(? AS NVARCHAR(5000)) || '%')")

    def test_decimal_without_precision_keeps_its_fraction(self):
        self.assert_compile(select(literal(decimal.Decimal("15.7563"))),
                            "SELECT CAST(? AS DECIMAL(45, 20)) AS anon_1 FROM SYSTEM.ONEROW")
        self.assert_compile(select(cast(t.c.x, Numeric())),
                            "SELECT CAST(t.x AS DECIMAL(45, 20)) AS x FROM t")

    def test_literal_binds_are_not_cast(self):
        self.assert_compile(select(t.c.id).where(literal(1) == 1, t.c.name.contains("a")),
                            "SELECT t.id FROM t WHERE 1 = 1 AND (t.name LIKE '%' || 'a' || '%')",
                            literal_binds=True)
