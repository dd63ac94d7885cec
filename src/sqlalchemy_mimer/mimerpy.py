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

Server version: Mimer has no SQL function for it; ``server_version_info``
is the version of the Mimer C API library MimerPy loaded
(``MimerAPIVersion``, e.g. ``11.0.5A`` -> ``(11, 0, 5)``).
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any

from sqlalchemy import exc, util

from . import _embedded
from .base import MimerDialect, MimerExecutionContext

# Codes after which the session is gone (spec mimer-sql.md §11.1, c-api §7.6).
DISCONNECT_CODES = {
    -21048,  # unexpected communication error
    -21054,  # database server not started
    -25010,  # MimerPy: connection not open
}

_BOOL_ARGS = ("autocommit", "readonly")


class MimerExecutionContext_mimerpy(MimerExecutionContext):
    """MimerPy needs nothing beyond the base context."""


class MimerDialect_mimerpy(MimerDialect):
    """Mimer SQL through MimerPy."""

    driver = "mimerpy"
    supports_statement_cache = True
    execution_ctx_cls = MimerExecutionContext_mimerpy

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
        code = getattr(e, "errno", None)
        if code is None and getattr(e, "args", None) and isinstance(e.args[0], tuple):
            code = e.args[0][0]
        return code in DISCONNECT_CODES

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


dialect = MimerDialect_mimerpy
