r"""
.. dialect:: mimer+mimerpy
    :name: MimerPy
    :dbapi: mimerpy
    :connectstring: mimer://USER:PASSWORD@DATABASE
    :url: https://pypi.org/project/mimerpy/

MimerPy, Mimer's own PEP 249 driver, is the default driver of ``mimer://``.

URL forms::

    mimer://SYSADM:SYSPASS@mimerdb          # the "host" is the database name
    mimer:///mimerdb?user=SYSADM&password=SYSPASS
    mimer://                                # MIMER_DATABASE or SQLHOSTS' default

A Mimer database name is looked up in SQLHOSTS by Mimer's client library
(or is a database of the embedded mimerlite engine), so a URL with both a
host and a database part, or with a port, is refused.  Other query
arguments go to ``mimerpy.connect()``, e.g. ``?readonly=true``.

The embedded default: when ``MIMERAPI_PATH`` is unset and no Mimer client
library is installed, the dialect points MimerPy at the ``libmimerapi.so``
bundled with this package (mimerlite) before importing MimerPy.

A COMMIT that fails with -10001 (an optimistic conflict) has ended the
transaction in Mimer, but MimerPy still believes one is open and would run
the next statements outside any transaction, then fail the next COMMIT or
ROLLBACK with -24101; the dialect tells MimerPy the transaction is over.

Server version: Mimer has no SQL function for it; ``server_version_info``
is the version of the Mimer C API library MimerPy loaded
(``MimerAPIVersion``, e.g. ``11.0.5A`` -> ``(11, 0, 5)``).
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any

from sqlalchemy import event, exc, util

from . import _embedded
from .base import MimerDialect, MimerExecutionContext

# Codes after which the session is gone (spec mimer-sql.md §11.1, c-api §7.6).
DISCONNECT_CODES = {
    -21048,  # unexpected communication error
    -21054,  # database server not started
    -25010,  # MimerPy: connection not open
}

_BOOL_ARGS = ("autocommit", "readonly")

# COMMIT failed and Mimer ended (rolled back) the transaction: -10001
# "Transaction aborted due to conflict with other transaction", -10003.
TRANSACTION_ENDED_CODES = {-10001, -10003}

# Constraint violations (SQLSTATE 23000), which MimerPy classes as DataError:
# duplicate primary key, unique, foreign key (both ways), check, NOT NULL.
CONSTRAINT_VIOLATION_CODES = {-10101, -10102, -10103, -10104, -10105, -10106}


class ConstraintViolationError(exc.IntegrityError, exc.DataError):
    """A Mimer constraint violation: SQLAlchemy's ``IntegrityError``.

    Also a ``DataError``, the class MimerPy gives these errors, so code that
    catches either works.
    """


def _constraint_violation(context: Any) -> BaseException | None:
    """handle_error hook: raise constraint violations as ConstraintViolationError."""
    error = context.sqlalchemy_exception
    if (isinstance(error, exc.DataError) and not isinstance(error, exc.IntegrityError)
            and _error_code(context.original_exception) in CONSTRAINT_VIOLATION_CODES):
        return ConstraintViolationError(
            error.statement, error.params, error.orig, hide_parameters=error.hide_parameters,
            connection_invalidated=error.connection_invalidated, code=exc.IntegrityError.code,
            ismulti=error.ismulti)
    return None


class MimerExecutionContext_mimerpy(MimerExecutionContext):
    """MimerPy's rowcount is meaningful for single INSERT/UPDATE/DELETE only.

    An executemany of INSERT ... VALUES reports the number of parameter sets
    (each inserts one row), so e.g. pandas' ``to_sql`` returns the row count.
    """

    def post_exec(self) -> None:
        """Report rowcount -1 ("unknown", DB-API) where MimerPy's number means nothing.

        After a query MimerPy's ``cursor.rowcount`` is the number of result
        columns, and after ``executemany`` the sum of MimerAddBatch's return
        codes (0); neither counts rows.  An executemany of INSERT ... VALUES
        reports its number of parameter sets instead.
        """
        super().post_exec()
        if self._inserts_one_row_per_parameter_set():
            # INSERT ... VALUES inserts exactly one row per parameter set, or fails.
            self._rowcount = len(self.parameters)
        elif self.executemany or self.cursor.description is not None:
            self._rowcount = -1

    def _inserts_one_row_per_parameter_set(self) -> bool:
        """An executemany of a compiled INSERT ... VALUES (not INSERT ... SELECT)."""
        if not (self.executemany and self.isinsert and self.compiled is not None):
            return False
        return getattr(self.compiled.statement, "select", None) is None


class MimerDialect_mimerpy(MimerDialect):
    """Mimer SQL through MimerPy."""

    driver = "mimerpy"
    supports_statement_cache = True
    execution_ctx_cls = MimerExecutionContext_mimerpy

    def __init__(self, **kw: Any):
        super().__init__(**kw)
        # Per dialect instance: importing the package registers no listener.
        event.listen(self, "handle_error", _constraint_violation)

    @classmethod
    def import_dbapi(cls) -> ModuleType:
        """Import MimerPy, first pointing it at the bundled engine if nothing else exists."""
        _embedded.use_bundled_library_if_needed()
        import mimerpy

        return mimerpy

    def create_connect_args(self, url: Any) -> tuple[list[Any], dict[str, Any]]:
        """URL → mimerpy.connect(dsn=..., user=..., password=..., ...)."""
        if url.port is not None:
            raise exc.ArgumentError(
                "A Mimer URL names a database, not a server: ports are configured in "
                "SQLHOSTS (use mimer://USER:PASSWORD@DATABASE)")
        if url.host and url.database:
            raise exc.ArgumentError(
                f"Ambiguous Mimer URL: database {url.host!r} or {url.database!r}? "
                "Use mimer://USER:PASSWORD@DATABASE or mimer:///DATABASE")
        opts: dict[str, Any] = dict(url.query)
        for name in _BOOL_ARGS:
            if name in opts:
                util.coerce_kw_type(opts, name, bool)
        dsn = url.host or url.database or opts.pop("dsn", "")
        user = url.username if url.username is not None else opts.pop("user", "")
        password = url.password if url.password is not None else opts.pop("password", "")
        opts.update(dsn=dsn, user=user, password=password)
        return [], opts

    def is_disconnect(self, e: Exception, connection: Any, cursor: Any) -> bool:
        """Communication failures and MimerPy's "connection not open"."""
        return _error_code(e) in DISCONNECT_CODES

    def _get_server_version_info(self, connection: Any) -> tuple[int, ...]:
        """The Mimer C API library's version, the only version Mimer exposes."""
        api = getattr(self.loaded_dbapi, "mimerapi", None)
        text = api.mimerAPIVersion() if api is not None else ""
        m = re.match(r"^(\d+)\.(\d+)\.(\d+)", text or "")
        if not m:
            return super()._get_server_version_info(connection)
        return tuple(int(g) for g in m.groups())

    def do_ping(self, dbapi_connection: Any) -> bool:
        """Mimer rejects ``SELECT 1``: ping through the one-row table."""
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("SELECT 1 FROM SYSTEM.ONEROW")
            cursor.fetchall()
        finally:
            cursor.close()
        return True

    def do_commit(self, dbapi_connection: Any) -> None:
        """COMMIT; after a conflict (-10001) MimerPy must learn the transaction is gone."""
        try:
            super().do_commit(dbapi_connection)
        except Exception as e:
            if _error_code(e) in TRANSACTION_ENDED_CODES:
                raw = getattr(dbapi_connection, "dbapi_connection", dbapi_connection)
                # MimerPy sets this flag only after a successful MimerEndTransaction.
                raw._transaction = False
            raise

    def do_executemany(self, cursor: Any, statement: str, parameters: Any,
                       context: Any = None) -> None:
        """MimerPy batches executemany (MimerAddBatch); its rowcount is not reliable."""
        cursor.executemany(statement, parameters)

    def get_isolation_level(self, dbapi_connection: Any) -> str:
        """AUTOCOMMIT from MimerPy's flag; otherwise the level last set (Mimer can't be asked)."""
        if bool(dbapi_connection.autocommit):
            return "AUTOCOMMIT"
        return self.connection_state(dbapi_connection).isolation_level

    def set_isolation_level(self, dbapi_connection: Any, level: str) -> None:
        """AUTOCOMMIT toggles MimerPy's flag; other levels are set for the session.

        SET SESSION CHARACTERISTICS is not allowed inside a transaction, so it
        runs in autocommit mode; switching that on ends MimerPy's transaction,
        which is why pending writes make this raise instead.
        """
        state = self.connection_state(dbapi_connection)
        if level == "AUTOCOMMIT":
            dbapi_connection.autocommit = True
            state.autocommit = True
            state.pending_writes = False
            return
        statement = self.isolation_level_sql(level)
        if state.pending_writes and not state.autocommit:
            raise exc.InvalidRequestError(
                "Cannot change the Mimer isolation level with uncommitted work pending")
        dbapi_connection.autocommit = True
        try:
            cursor = dbapi_connection.cursor()
            try:
                cursor.execute(statement)
            finally:
                cursor.close()
        finally:
            dbapi_connection.autocommit = False
        state.autocommit = False
        state.isolation_level = level


def _error_code(e: Exception) -> int | None:
    """Mimer's error code of a MimerPy exception (``errno``, or ``args[0][0]``)."""
    code = getattr(e, "errno", None)
    if code is None and getattr(e, "args", None) and isinstance(e.args[0], tuple):
        code = e.args[0][0]
    return code


dialect = MimerDialect_mimerpy
