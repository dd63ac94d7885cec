"""Requirements for SQLAlchemy's compliance suite against Mimer SQL.

Every requirement that differs from SQLAlchemy's default, and every one the
suite relies on heavily, is stated here with the reason (spec: the project's
mimer-sql.md).  Open means Mimer SQL 11 documents the feature and the
dialect implements it; closed means it does not exist in Mimer or its
behaviour there is unknown.
"""

from __future__ import annotations

from sqlalchemy.testing import exclusions
from sqlalchemy.testing.requirements import SuiteRequirements

open_ = exclusions.open
closed = exclusions.closed


class Requirements(SuiteRequirements):
    """What the Mimer dialect supports, one reason per decision."""

    # -- DDL --------------------------------------------------------------

    @property
    def table_ddl_if_exists(self):
        """No IF [NOT] EXISTS in Mimer DDL."""
        return closed()

    @property
    def index_ddl_if_exists(self):
        """No IF [NOT] EXISTS in Mimer DDL."""
        return closed()

    @property
    def create_table_as(self):
        """Mimer's CREATE TABLE has no AS <query> form (its documented grammar, spec §3)."""
        return closed()

    @property
    def create_temp_table_as(self):
        """Mimer has no temporary tables."""
        return closed()

    @property
    def on_update_cascade(self):
        """ON UPDATE CASCADE is one of Mimer's referential actions (spec §11.7)."""
        return open_()

    @property
    def deferrable_fks(self):
        """INITIALLY DEFERRED DEFERRABLE foreign keys appear in Mimer's own tools (spec §11.7)."""
        return open_()

    @property
    def named_constraints(self):
        """CONSTRAINT name ... is accepted."""
        return open_()

    @property
    def implicitly_named_constraints(self):
        """The server names unnamed constraints (format unknown, but it names them)."""
        return open_()

    @property
    def computed_columns(self):
        """Mimer has no generated columns."""
        return closed()

    @property
    def identity_columns(self):
        """No IDENTITY in Mimer; Identity() is emulated with a sequence default."""
        return closed()

    @property
    def identity_columns_standard(self):
        """No IDENTITY in Mimer."""
        return closed()

    @property
    def server_defaults(self):
        """Column DEFAULT literals and CURRENT_DATE/LOCALTIMESTAMP work."""
        return open_()

    @property
    def expression_server_defaults(self):
        """Only literals, niladic functions and NEXT VALUE FOR are allowed as defaults."""
        return closed()

    @property
    def unbounded_varchar(self):
        """VARCHAR needs a length in Mimer."""
        return closed()

    @property
    def nvarchar_types(self):
        """NCHAR/NVARCHAR/NCLOB are Mimer's Unicode types."""
        return open_()

    @property
    def unicode_ddl(self):
        """Identifiers may be any Unicode letters (spec §1)."""
        return open_()

    @property
    def schema_create_delete(self):
        """CREATE SCHEMA / DROP SCHEMA ... CASCADE."""
        return open_()

    # -- sequences and keys ---------------------------------------------

    @property
    def sequences(self):
        """CREATE SEQUENCE and NEXT VALUE FOR (Mimer 11 syntax)."""
        return open_()

    @property
    def sequences_optional(self):
        """Optional sequences are replaced by the implicit auto-increment sequence."""
        return open_()

    @property
    def no_sequences(self):
        """Mimer has sequences."""
        return closed()

    @property
    def autoincrement_without_sequence(self):
        """Auto-increment works without a user-declared Sequence (an implicit one is made)."""
        return open_()

    @property
    def supports_lastrowid(self):
        """MimerPy fills cursor.lastrowid from the sequence value of the INSERT."""
        return open_()

    @property
    def dbapi_lastrowid(self):
        """lastrowid is the new key of the INSERT, as the suite expects."""
        return open_()

    @property
    def emulated_lastrowid(self):
        """Not emulated: the driver reports it."""
        return closed()

    @property
    def emulated_lastrowid_even_with_sequences(self):
        """Not emulated: the driver reports it."""
        return closed()

    @property
    def empty_inserts(self):
        """INSERT ... DEFAULT VALUES."""
        return open_()

    @property
    def empty_inserts_executemany(self):
        """DEFAULT VALUES with executemany through MimerPy's batch is untested."""
        return closed()

    @property
    def insert_from_select(self):
        """INSERT ... SELECT."""
        return open_()

    @property
    def multivalues_inserts(self):
        """Multi-row VALUES is unconfirmed in Mimer (spec §5); the driver batches instead."""
        return closed()

    @property
    def insertmanyvalues(self):
        """Needs multi-row VALUES; see multivalues_inserts."""
        return closed()

    @property
    def insert_returning(self):
        """No RETURNING in Mimer."""
        return closed()

    @property
    def update_returning(self):
        """No RETURNING in Mimer."""
        return closed()

    @property
    def delete_returning(self):
        """No RETURNING in Mimer."""
        return closed()

    @property
    def insert_executemany_returning(self):
        """No RETURNING in Mimer."""
        return closed()

    @property
    def sane_rowcount(self):
        """MimerExecute returns the number of rows changed."""
        return open_()

    @property
    def sane_multi_rowcount(self):
        """MimerPy's executemany rowcount sums MimerAddBatch results, normally 0."""
        return closed()

    @property
    def duplicate_key_raises_integrity_error(self):
        """-10101: MimerPy's DataError, raised by the dialect as IntegrityError (also a DataError)."""
        return open_()

    # -- queries ----------------------------------------------------------

    @property
    def offset(self):
        """OFFSET n ROWS."""
        return open_()

    @property
    def bound_limit_offset(self):
        """OFFSET ? ROWS FETCH FIRST ? ROWS ONLY take parameters."""
        return open_()

    @property
    def sql_expression_limit_offset(self):
        """Mimer accepts only a literal or a parameter in OFFSET/FETCH, not an expression."""
        return closed()

    @property
    def fetch_first(self):
        """FETCH FIRST n ROWS ONLY."""
        return open_()

    @property
    def fetch_no_order_by(self):
        """FETCH FIRST without ORDER BY is allowed."""
        return open_()

    @property
    def fetch_percent(self):
        """Mimer has ROWS ONLY only, no PERCENT."""
        return closed()

    @property
    def fetch_ties(self):
        """Mimer has ROWS ONLY only, no WITH TIES."""
        return closed()

    @property
    def fetch_offset_with_options(self):
        """Needs PERCENT or WITH TIES."""
        return closed()

    @property
    def fetch_expression(self):
        """Only literals and parameters in FETCH FIRST."""
        return closed()

    @property
    def intersect(self):
        """INTERSECT is in Mimer (and a reserved word)."""
        return open_()

    @property
    def except_(self):
        """EXCEPT is in Mimer (and a reserved word)."""
        return open_()

    @property
    def ctes(self):
        """WITH [RECURSIVE] queries exist in Mimer 11."""
        return open_()

    @property
    def ctes_on_dml(self):
        """WITH attached to INSERT/UPDATE/DELETE is not documented for Mimer."""
        return closed()

    @property
    def ctes_with_update_delete(self):
        """WITH attached to UPDATE/DELETE is not documented for Mimer."""
        return closed()

    @property
    def ctes_with_values(self):
        """VALUES inside WITH is unconfirmed in Mimer."""
        return closed()

    @property
    def table_value_constructor(self):
        """A standalone VALUES query is unconfirmed in Mimer (spec §11.2)."""
        return closed()

    @property
    def window_functions(self):
        """No evidence of OVER (...) in Mimer 11 (spec §11.2)."""
        return closed()

    @property
    def nullsordering(self):
        """NULLS FIRST/LAST is unknown in Mimer; the dialect refuses it."""
        return closed()

    @property
    def tuple_in(self):
        """Mimer has no row-value comparisons (spec §2)."""
        return closed()

    @property
    def tuple_in_w_empty(self):
        """Mimer has no row-value comparisons (spec §2)."""
        return closed()

    @property
    def boolean_col_expressions(self):
        """BOOLEAN is native in Mimer; boolean columns are search conditions."""
        return open_()

    @property
    def nullable_booleans(self):
        """BOOLEAN holds TRUE, FALSE and UNKNOWN (NULL)."""
        return open_()

    @property
    def standalone_binds(self):
        """Binds in the select list are wrapped in CAST by the dialect."""
        return open_()

    @property
    def selectone(self):
        """SELECT 1 needs FROM SYSTEM.ONEROW, which the dialect adds."""
        return open_()

    @property
    def supports_is_distinct_from(self):
        """Mimer has no IS DISTINCT FROM (spec §2)."""
        return closed()

    @property
    def regexp_match(self):
        """REGEXP_MATCH's pattern language is undocumented; not mapped."""
        return closed()

    @property
    def regexp_replace(self):
        """No regular-expression replacement in Mimer."""
        return closed()

    @property
    def update_from(self):
        """UPDATE ... FROM is not Mimer SQL."""
        return closed()

    @property
    def delete_from(self):
        """DELETE with extra FROM tables is not Mimer SQL."""
        return closed()

    @property
    def mod_operator_as_percent_sign(self):
        """Mimer's modulo is MOD(a, b), there is no % operator."""
        return closed()

    @property
    def order_by_label_with_expression(self):
        """Older Mimer restricts ORDER BY with expressions on labels (spec §4)."""
        return closed()

    @property
    def group_by_complex_expression(self):
        """GROUP BY on expressions: supported, but not on literals (spec §4)."""
        return open_()

    @property
    def supports_bitwise_or(self):
        """No bitwise operators in Mimer."""
        return closed()

    @property
    def supports_bitwise_and(self):
        """No bitwise operators in Mimer."""
        return closed()

    @property
    def supports_bitwise_not(self):
        """No bitwise operators in Mimer."""
        return closed()

    @property
    def supports_bitwise_xor(self):
        """No bitwise operators in Mimer."""
        return closed()

    @property
    def supports_bitwise_shift(self):
        """No bitwise operators in Mimer."""
        return closed()

    @property
    def aggregate_order_by(self):
        """No ordered aggregates (LISTAGG/ARRAY_AGG ... ORDER BY) are documented."""
        return closed()

    # -- transactions and connections ---------------------------------

    @property
    def savepoints(self):
        """SAVEPOINT is not a documented Mimer statement (spec §7)."""
        return closed()

    @property
    def two_phase_transactions(self):
        """MimerPy raises NotSupportedError for TPC."""
        return closed()

    @property
    def autocommit(self):
        """AUTOCOMMIT through MimerPy's autocommit flag."""
        return open_()

    @property
    def isolation_level(self):
        """SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL."""
        return open_()

    def get_isolation_levels(self, config):
        """Mimer's default is REPEATABLE READ (optimistic concurrency control)."""
        return {
            "default": "REPEATABLE READ",
            "supported": ["AUTOCOMMIT", "READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE"],
        }

    @property
    def independent_connections(self):
        """Optimistic concurrency: connections never block each other."""
        return open_()

    @property
    def server_side_cursors(self):
        """MimerPy has no server-side cursor option for SQLAlchemy to use."""
        return closed()

    @property
    def graceful_disconnects(self):
        """Disconnect detection is by MimerPy error code; untested without a server."""
        return closed()

    # -- schemas and reflection ----------------------------------------

    @property
    def schemas(self):
        """Mimer has schemas (one per ident, plus CREATE SCHEMA)."""
        return open_()

    @property
    def views(self):
        """CREATE VIEW; VIEWS.VIEW_DEFINITION."""
        return open_()

    @property
    def view_reflection(self):
        """Views are listed in INFORMATION_SCHEMA.TABLES/VIEWS."""
        return open_()

    @property
    def view_column_reflection(self):
        """View columns are in INFORMATION_SCHEMA.COLUMNS."""
        return open_()

    @property
    def schema_reflection(self):
        """INFORMATION_SCHEMA.SCHEMATA."""
        return open_()

    @property
    def cross_schema_fk_reflection(self):
        """REFERENTIAL_CONSTRAINTS name the referenced schema."""
        return open_()

    @property
    def foreign_key_constraint_name_reflection(self):
        """Constraint names are in the catalog."""
        return open_()

    @property
    def implicit_default_schema(self):
        """Unqualified names resolve to the ident's schema."""
        return open_()

    @property
    def default_schema_name_switch(self):
        """SET SCHEMA is known but its transaction rules are not; not relied on."""
        return closed()

    @property
    def reflects_pk_names(self):
        """Primary-key constraint names are in TABLE_CONSTRAINTS."""
        return open_()

    @property
    def comment_reflection(self):
        """COMMENT ON; EXT_OBJECT_IDENT_USAGE / EXT_COLUMN_REMARKS.REMARKS."""
        return open_()

    @property
    def comment_reflection_full_unicode(self):
        """Comment character set unknown."""
        return closed()

    @property
    def constraint_comment_reflection(self):
        """No constraint comments in Mimer."""
        return closed()

    @property
    def check_constraint_reflection(self):
        """CHECK_CONSTRAINTS.CHECK_CLAUSE (regenerated text; NOT NULL checks filtered)."""
        return open_()

    @property
    def inline_check_constraint_reflection(self):
        """Column CHECKs are table constraints in the catalog."""
        return open_()

    @property
    def foreign_key_constraint_option_reflection_ondelete(self):
        """REFERENTIAL_CONSTRAINTS.DELETE_RULE."""
        return open_()

    @property
    def foreign_key_constraint_option_reflection_onupdate(self):
        """REFERENTIAL_CONSTRAINTS.UPDATE_RULE."""
        return open_()

    @property
    def fk_constraint_option_reflection_ondelete_restrict(self):
        """RESTRICT is a Mimer referential action (spec §11.7)."""
        return open_()

    @property
    def fk_constraint_option_reflection_onupdate_restrict(self):
        """RESTRICT is a Mimer referential action (spec §11.7)."""
        return open_()

    @property
    def fk_constraint_option_reflection_ondelete_noaction(self):
        """NO ACTION is the default and is reported as no option."""
        return closed()

    @property
    def unique_constraint_reflection(self):
        """TABLE_CONSTRAINTS type UNIQUE."""
        return open_()

    @property
    def index_reflection(self):
        """EXT_INDEXES / EXT_INDEX_COLUMN_USAGE."""
        return open_()

    @property
    def reflect_indexes_with_ascdesc(self):
        """The ASC/DESC of index columns is not read from the catalog."""
        return closed()

    @property
    def indexes_with_expressions(self):
        """Mimer indexes columns only."""
        return closed()

    @property
    def reflect_tables_no_columns(self):
        """A Mimer table needs at least one column."""
        return closed()

    @property
    def temp_table_reflection(self):
        """Mimer has no temporary tables."""
        return closed()

    @property
    def temporary_tables(self):
        """Mimer has no temporary tables."""
        return closed()

    @property
    def temp_table_names(self):
        """Mimer has no temporary tables."""
        return closed()

    @property
    def has_temp_table(self):
        """Mimer has no temporary tables."""
        return closed()

    @property
    def temporary_views(self):
        """Mimer has no temporary views."""
        return closed()

    @property
    def denormalized_names(self):
        """Mimer stores names as written and does not fold them to upper case."""
        return closed()

    @property
    def column_collation_reflection(self):
        """COLLATION_NAME is not read by the dialect."""
        return closed()

    @property
    def materialized_views(self):
        """Mimer has no materialized views."""
        return closed()

    @property
    def percent_schema_names(self):
        """% in names is not a legal identifier character in Mimer."""
        return closed()

    # -- types ------------------------------------------------------------

    @property
    def uuid_data_type(self):
        """BUILTIN.UUID."""
        return open_()

    @property
    def datetime(self):
        """TIMESTAMP."""
        return open_()

    @property
    def datetime_microseconds(self):
        """TIMESTAMP keeps 6 fractional digits by default."""
        return open_()

    @property
    def timestamp_microseconds(self):
        """TIMESTAMP keeps 6 fractional digits by default."""
        return open_()

    @property
    def time_microseconds(self):
        """Generic Time is TIME(6)."""
        return open_()

    @property
    def datetime_timezone(self):
        """Mimer has no time zone types."""
        return closed()

    @property
    def time_timezone(self):
        """Mimer has no time zone types."""
        return closed()

    @property
    def datetime_historic(self):
        """DATE/TIMESTAMP span 0001-01-01 to 9999-12-31."""
        return open_()

    @property
    def date_historic(self):
        """DATE spans 0001-01-01 to 9999-12-31."""
        return open_()

    @property
    def datetime_literals(self):
        """DATE '...', TIME '...', TIMESTAMP '...' literals."""
        return open_()

    @property
    def datetime_interval(self):
        """INTERVAL DAY TO SECOND maps to timedelta."""
        return open_()

    @property
    def json_type(self):
        """Mimer has no JSON type or functions."""
        return closed()

    @property
    def array_type(self):
        """Mimer has no ARRAY type."""
        return closed()

    @property
    def precision_numerics_enotation_small(self):
        """DECIMAL(p, s) up to 45 digits holds small values exactly."""
        return open_()

    @property
    def precision_numerics_many_significant_digits(self):
        """DECIMAL up to 45 digits."""
        return open_()

    @property
    def precision_numerics_retains_significant_digits(self):
        """DECIMAL keeps its scale's trailing zeros."""
        return open_()

    @property
    def infinity_floats(self):
        """Mimer rejects NaN and infinities."""
        return closed()

    @property
    def float_or_double_precision_behaves_generically(self):
        """Float() is DOUBLE PRECISION and returns float."""
        return open_()

    @property
    def text_type(self):
        """Text is CLOB."""
        return open_()

    @property
    def expressions_against_unbounded_text(self):
        """Mimer compares LOBs only with IS NULL."""
        return closed()

    @property
    def empty_strings_varchar(self):
        """'' is a value, not NULL."""
        return open_()

    @property
    def empty_strings_text(self):
        """An empty CLOB round-trips as empty, not NULL."""
        return open_()

    @property
    def binary_comparisons(self):
        """Binary strings compare byte-wise."""
        return open_()

    @property
    def binary_literals(self):
        """X'...' literals."""
        return open_()

    @property
    def unicode_data(self):
        """Unicode data needs N-types; Unicode/UnicodeText map to them."""
        return open_()

    @property
    def unicode_data_no_special_types(self):
        """Plain CHAR/VARCHAR hold Latin-1 only."""
        return closed()

    @property
    def symbol_names_w_double_quote(self):
        """Delimited identifiers may contain "" (a double quote)."""
        return open_()
