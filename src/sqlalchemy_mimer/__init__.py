"""Mimer SQL for SQLAlchemy.

``create_engine("mimer://USER:PASSWORD@DATABASE")`` uses the dialect in
:mod:`sqlalchemy_mimer.base` through MimerPy (:mod:`sqlalchemy_mimer.mimerpy`).
The package also ships mimerlite, the embedded engine that exports the Mimer
SQL C API (``libmimerapi.so``), and the helpers that locate it
(:mod:`sqlalchemy_mimer._embedded`).  Importing the package registers
nothing and changes nothing in SQLAlchemy; the ``mimer`` URL scheme comes
from the package's ``sqlalchemy.dialects`` entry points.
"""

from . import base, mimerpy
from .types import (
    BIGINT,
    BINARY,
    BLOB,
    BOOLEAN,
    CHAR,
    CLOB,
    DATE,
    DECIMAL,
    DOUBLE,
    DOUBLE_PRECISION,
    FLOAT,
    GIS_COORDINATE,
    GIS_LATITUDE,
    GIS_LOCATION,
    GIS_LONGITUDE,
    INTEGER,
    INTERVAL,
    NCHAR,
    NCLOB,
    NUMERIC,
    NVARCHAR,
    REAL,
    SMALLINT,
    TIME,
    TIMESTAMP,
    UUID,
    VARBINARY,
    VARCHAR,
)

__version__ = "0.1.0"

dialect = mimerpy.dialect

__all__ = [
    "BIGINT", "BINARY", "BLOB", "BOOLEAN", "CHAR", "CLOB", "DATE", "DECIMAL", "DOUBLE",
    "DOUBLE_PRECISION", "FLOAT", "GIS_COORDINATE", "GIS_LATITUDE", "GIS_LOCATION",
    "GIS_LONGITUDE", "INTEGER", "INTERVAL", "NCHAR", "NCLOB", "NUMERIC", "NVARCHAR", "REAL",
    "SMALLINT", "TIME", "TIMESTAMP", "UUID", "VARBINARY", "VARCHAR", "base", "dialect",
]
