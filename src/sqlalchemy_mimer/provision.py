"""Provisioning hooks for SQLAlchemy's test suite (``sqlalchemy.testing.provision``).

Loaded by the SQLAlchemy pytest plugin only (``setup.cfg``: ``[sqla_testing]``);
importing it registers test-suite hooks and nothing else.

The suite needs two extra schemas, ``test_schema`` and ``test_schema_2``;
they are created (``CREATE SCHEMA``) when the main engine is configured and
dropped with ``DROP SCHEMA ... CASCADE`` for follower databases.  With
pytest-xdist, each worker gets its own database: mimerlite creates a database
on the first SYSADM connection, so the follower URL just names another
database; a real Mimer server needs those databases set up beforehand.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import url as sa_url
from sqlalchemy.schema import CreateSchema, DropSchema
from sqlalchemy.testing.provision import (
    create_db,
    drop_db,
    follower_url_from_main,
    post_configure_engine,
    set_default_schema_on_connection,
    temp_table_keyword_args,
)

TEST_SCHEMAS = ("test_schema", "test_schema_2")


def _create_test_schemas(engine: Any) -> None:
    """CREATE SCHEMA for each test schema that does not exist yet."""
    with engine.connect() as conn:
        missing = [s for s in TEST_SCHEMAS if not inspect(conn).has_schema(s)]
        conn.rollback()
        for name in missing:
            conn.execute(CreateSchema(name))
        conn.commit()


@follower_url_from_main.for_db("mimer")
def _mimer_follower_url_from_main(url: Any, ident: str) -> Any:
    """The database name is the URL's host part: a follower gets its own database."""
    return sa_url.make_url(url).set(host=ident, database=None)


@create_db.for_db("mimer")
def _mimer_create_db(cfg: Any, eng: Any, ident: str) -> None:
    """Set up a follower database (mimerlite creates it on first connection)."""
    engine = create_engine(_mimer_follower_url_from_main(eng.url, ident))
    try:
        _create_test_schemas(engine)
    finally:
        engine.dispose()


@drop_db.for_db("mimer")
def _mimer_drop_db(cfg: Any, eng: Any, ident: str) -> None:
    """Empty a follower database: its schemas go with CASCADE (databases are not SQL objects)."""
    engine = create_engine(_mimer_follower_url_from_main(eng.url, ident))
    try:
        with engine.connect() as conn:
            present = [s for s in TEST_SCHEMAS if inspect(conn).has_schema(s)]
            conn.rollback()
            for name in present:
                conn.execute(DropSchema(name, cascade=True))
            conn.commit()
    finally:
        engine.dispose()


@post_configure_engine.for_db("mimer")
def _mimer_post_configure_engine(url: Any, engine: Any, follower_ident: Any) -> None:
    """The suite's schema tests need test_schema and test_schema_2."""
    _create_test_schemas(engine)


@set_default_schema_on_connection.for_db("mimer")
def _mimer_set_default_schema_on_connection(cfg: Any, dbapi_connection: Any,
                                            schema_name: str) -> None:
    """SET SCHEMA, run outside a transaction like other session settings."""
    preparer = cfg.db.dialect.identifier_preparer
    autocommit = dbapi_connection.autocommit
    dbapi_connection.autocommit = True
    try:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("SET SCHEMA " + preparer.quote_schema(schema_name))
        finally:
            cursor.close()
    finally:
        dbapi_connection.autocommit = bool(autocommit)


@temp_table_keyword_args.for_db("mimer")
def _mimer_temp_table_keyword_args(cfg: Any, eng: Any) -> dict[str, Any]:
    """Mimer SQL has no temporary tables."""
    raise NotImplementedError("Mimer SQL has no temporary tables")
