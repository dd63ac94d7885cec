"""Mimer SQL data types.

The uppercase classes are named after the SQL types they render (``NVARCHAR``,
``NCLOB``, ``INTERVAL`` ...).  The ``Mimer*`` classes are the dialect's
implementations of SQLAlchemy's generic types (wired through
``MimerDialect.colspecs``): they carry the value conversions MimerPy needs.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable

from sqlalchemy.sql import sqltypes
from sqlalchemy.types import (
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
    INTEGER,
    NCHAR,
    NUMERIC,
    NVARCHAR,
    REAL,
    SMALLINT,
    VARBINARY,
    VARCHAR,
    UserDefinedType,
)

_DAY_TIME_FIELDS = ("DAY", "HOUR", "MINUTE", "SECOND")
_INTERVAL_KINDS = (
    "YEAR", "YEAR TO MONTH", "MONTH",
    "DAY", "DAY TO HOUR", "DAY TO MINUTE", "DAY TO SECOND",
    "HOUR", "HOUR TO MINUTE", "HOUR TO SECOND",
    "MINUTE", "MINUTE TO SECOND", "SECOND",
)


class NCLOB(sqltypes.UnicodeText):
    """NATIONAL CHARACTER LARGE OBJECT: Unicode text of any length."""

    __visit_name__ = "NCLOB"


class TIME(sqltypes.TIME):
    """TIME(p): Mimer's TIME keeps ``precision`` fractional digits (default 0)."""

    def __init__(self, precision: int | None = None):
        super().__init__()
        self.precision = precision


class TIMESTAMP(sqltypes.TIMESTAMP):
    """TIMESTAMP(p): ``precision`` fractional digits, 0..9 (Mimer's default is 6)."""

    def __init__(self, precision: int | None = None):
        super().__init__()
        self.precision = precision


class UUID(sqltypes.UUID):
    """BUILTIN.UUID, Mimer's 16-byte UUID type (MimerPy returns uuid.UUID)."""

    __visit_name__ = "UUID"


class GIS_LOCATION(UserDefinedType):
    """BUILTIN.GIS_LOCATION: a (latitude, longitude) pair; MimerPy uses tuples."""

    cache_ok = True

    def get_col_spec(self, **kw: Any) -> str:
        return "BUILTIN.GIS_LOCATION"


class GIS_LATITUDE(UserDefinedType):
    """BUILTIN.GIS_LATITUDE: a latitude in degrees (MimerPy returns float)."""

    cache_ok = True

    def get_col_spec(self, **kw: Any) -> str:
        return "BUILTIN.GIS_LATITUDE"


class GIS_LONGITUDE(UserDefinedType):
    """BUILTIN.GIS_LONGITUDE: a longitude in degrees (MimerPy returns float)."""

    cache_ok = True

    def get_col_spec(self, **kw: Any) -> str:
        return "BUILTIN.GIS_LONGITUDE"


class GIS_COORDINATE(UserDefinedType):
    """BUILTIN.GIS_COORDINATE: a coordinate value (no MimerPy conversion)."""

    cache_ok = True

    def get_col_spec(self, **kw: Any) -> str:
        return "BUILTIN.GIS_COORDINATE"


_MAX_LEADING = {"YEAR": 7, "MONTH": 7, "DAY": 7, "HOUR": 8, "MINUTE": 10, "SECOND": 12}
_MAX_FRACTION = 9


def interval_qualifier(fields: str, precision: int | None, second_precision: int | None) -> str:
    """Render an interval qualifier such as ``DAY(7) TO SECOND(6)``; omitted parts stay omitted."""
    first, _, last = fields.partition(" TO ")
    if not last and first == "SECOND":
        if precision is None and second_precision is None:
            return "SECOND"
        lead = precision if precision is not None else 2
        scale = second_precision if second_precision is not None else 6
        return f"SECOND({lead}, {scale})"
    text = first if precision is None else f"{first}({precision})"
    if last:
        text += " TO " + (last if last != "SECOND" or second_precision is None
                          else f"SECOND({second_precision})")
    return text


def _format_day_time(value: dt.timedelta, fields: str, second_precision: int | None) -> str:
    """Write a timedelta as the text of a day-time interval of kind ``fields``."""
    micros = (value.days * 86400 + value.seconds) * 1_000_000 + value.microseconds
    sign = "-" if micros < 0 else ""
    micros = abs(micros)
    secs, frac = divmod(micros, 1_000_000)
    minutes, sec = divmod(secs, 60)
    hours, minute = divmod(minutes, 60)
    days, hour = divmod(hours, 24)
    first, _, last = fields.partition(" TO ")
    last = last or first
    start = _DAY_TIME_FIELDS.index(first)
    end = _DAY_TIME_FIELDS.index(last)
    # The leading field takes everything above it: "HOUR TO SECOND" of two
    # days is 48 hours.
    lead = [days, days * 24 + hour, (days * 24 + hour) * 60 + minute, secs][start]
    parts = [lead] + [hour, minute, sec][start:end]
    text = str(parts[0])
    for i, v in enumerate(parts[1:], start + 1):
        text += (" " if i == 1 else ":") + f"{v:02d}"
    if end == 3 and (second_precision is None or second_precision > 0):
        text += f".{frac:06d}"
    return sign + text


_INTERVAL_TEXT = re.compile(r"^\s*([+-]?)\s*(\d+)(?:[ :](\d+))?(?::(\d+))?(?::(\d+))?(?:\.(\d*))?\s*$")


def _parse_day_time(text: str, fields: str) -> dt.timedelta:
    """Read Mimer's text of a day-time interval of kind ``fields`` into a timedelta."""
    m = _INTERVAL_TEXT.match(text)
    if not m:
        raise ValueError(f"not an interval of kind {fields}: {text!r}")
    sign, *numbers, frac = m.groups()
    first = fields.partition(" TO ")[0]
    start = _DAY_TIME_FIELDS.index(first)
    values = dict.fromkeys(_DAY_TIME_FIELDS, 0)
    for name, number in zip(_DAY_TIME_FIELDS[start:], numbers):
        if number is not None:
            values[name] = int(number)
    micros = int((frac or "0").ljust(6, "0")[:6])
    delta = dt.timedelta(days=values["DAY"], hours=values["HOUR"], minutes=values["MINUTE"],
                         seconds=values["SECOND"], microseconds=micros)
    return -delta if sign == "-" else delta


class INTERVAL(sqltypes.NativeForEmulated, sqltypes._AbstractInterval):
    """Mimer INTERVAL of any of its 13 kinds.

    ``INTERVAL()`` is DAY(7) TO SECOND(6), the widest day-time interval, and
    maps to Python ``timedelta`` both ways.  Day-time kinds (DAY ... SECOND)
    convert to and from ``timedelta``; year-month kinds (YEAR, YEAR TO MONTH,
    MONTH) have no Python equivalent and pass their text (``'1-02'``) through.
    """

    __visit_name__ = "INTERVAL"

    def __init__(self, fields: str = "DAY TO SECOND", precision: int | None = None,
                 second_precision: int | None = None):
        fields = " ".join(fields.upper().split())
        if fields not in _INTERVAL_KINDS:
            raise ValueError(f"unknown INTERVAL kind {fields!r}")
        self.fields = fields
        self.precision = precision
        self.second_precision = second_precision

    @property
    def day_time(self) -> bool:
        """True for the kinds that map to ``timedelta``."""
        return not self.fields.startswith(("YEAR", "MONTH"))

    @property
    def day_precision(self) -> int | None:
        """Leading precision, under the name SQLAlchemy's Interval uses."""
        return self.precision

    @classmethod
    def adapt_emulated_to_native(cls, interval: Any, **kw: Any) -> INTERVAL:
        """Generic Interval → DAY(p) TO SECOND(s) within Mimer's limits (p ≤ 7, s ≤ 9).

        p defaults to the maximum 7, s to 6; wider precisions asked of the
        generic type (``Interval(day_precision=9)``) become the widest Mimer has.
        """
        day = interval.day_precision
        second = interval.second_precision
        return cls("DAY TO SECOND",
                   precision=_MAX_LEADING["DAY"] if day is None else min(day, _MAX_LEADING["DAY"]),
                   second_precision=6 if second is None else min(second, _MAX_FRACTION))

    def as_generic(self, allow_nulltype: bool = False) -> sqltypes.Interval:
        return sqltypes.Interval(native=True, second_precision=self.second_precision,
                                 day_precision=self.precision)

    @property
    def python_type(self) -> type:
        return dt.timedelta if self.day_time else str

    def coerce_compared_value(self, op: Any, value: Any) -> Any:
        return self

    def bind_processor(self, dialect: Any) -> Callable[[Any], Any] | None:
        if not self.day_time:
            return None
        fields, scale = self.fields, self.second_precision

        def process(value: Any) -> Any:
            if isinstance(value, dt.timedelta):
                return _format_day_time(value, fields, scale)
            return value

        return process

    def result_processor(self, dialect: Any, coltype: Any) -> Callable[[Any], Any] | None:
        if not self.day_time:
            return None
        fields = self.fields

        def process(value: Any) -> Any:
            if isinstance(value, str):
                return _parse_day_time(value, fields)
            return value

        return process

    def literal_processor(self, dialect: Any) -> Callable[[Any], str]:
        fields, scale = self.fields, self.second_precision
        first = fields.partition(" TO ")[0]
        # A literal's leading precision must hold its value: use the widest.
        qualifier = interval_qualifier(fields, self.precision or _MAX_LEADING[first],
                                       6 if scale is None else scale)

        def process(value: Any) -> str:
            if isinstance(value, dt.timedelta):
                value = _format_day_time(value, fields, scale)
            return f"INTERVAL '{value}' {qualifier}"

        return process


class MimerBoolean(sqltypes.Boolean):
    """BOOLEAN: MimerPy hands back 1/0 for BOOLEAN columns; make them real bools."""

    def result_processor(self, dialect: Any, coltype: Any) -> Callable[[Any], Any] | None:
        def process(value: Any) -> Any:
            return None if value is None else bool(value)

        return process


class MimerFloat(sqltypes.Float):
    """Float: MimerPy returns FLOAT(p) columns as Decimal; asdecimal=False wants float."""

    def result_processor(self, dialect: Any, coltype: Any) -> Callable[[Any], Any] | None:
        if self.asdecimal:
            return super().result_processor(dialect, coltype)

        def process(value: Any) -> Any:
            return None if value is None else float(value)

        return process


class MimerDouble(MimerFloat, sqltypes.Double):
    """Double: as MimerFloat (DOUBLE PRECISION already arrives as float)."""


def _date_of(value: Any) -> Any:
    """The date part of a datetime (a DATE takes no time of day); other values as they are."""
    return value.date() if isinstance(value, dt.datetime) else value


class MimerDate(sqltypes.Date):
    """DATE: literals need Mimer's typed form ``DATE '2024-01-31'``.

    A datetime given for a DATE is cut to its date, as most DBAPIs do: MimerPy
    sends it as text with a time, which Mimer refuses for DATE.
    """

    def bind_processor(self, dialect: Any) -> Callable[[Any], Any] | None:
        return _date_of

    def literal_processor(self, dialect: Any) -> Callable[[Any], str]:
        return lambda value: f"DATE '{_date_of(value).isoformat()}'"


class MimerDateTime(sqltypes.DateTime):
    """TIMESTAMP: literals need Mimer's typed form ``TIMESTAMP '...'``."""

    def literal_processor(self, dialect: Any) -> Callable[[Any], str]:
        return lambda value: f"TIMESTAMP '{value.isoformat(' ')}'"


class MimerTime(sqltypes.Time):
    """TIME: typed literals ``TIME '12:30:00'``."""

    def literal_processor(self, dialect: Any) -> Callable[[Any], str]:
        return lambda value: f"TIME '{value.isoformat()}'"


class MimerLargeBinary(sqltypes.LargeBinary):
    """BLOB: binary literals are hex strings ``X'0D0A'``."""

    def literal_processor(self, dialect: Any) -> Callable[[Any], str]:
        return lambda value: f"X'{bytes(value).hex().upper()}'"


class MimerUnicode(sqltypes.Unicode):
    """NVARCHAR: national literals ``N'...'`` so non-Latin-1 text is accepted."""

    def literal_processor(self, dialect: Any) -> Callable[[Any], str]:
        return lambda value: "N'{}'".format(str(value).replace("'", "''"))


class MimerUnicodeText(sqltypes.UnicodeText):
    """NCLOB: national literals, as MimerUnicode."""

    def literal_processor(self, dialect: Any) -> Callable[[Any], str]:
        return lambda value: "N'{}'".format(str(value).replace("'", "''"))


class MimerUuid(sqltypes.Uuid):
    """BUILTIN.UUID: literals go through BUILTIN.UUID_FROM_TEXT.

    ``native_uuid=False`` keeps SQLAlchemy's CHAR(32) form and its literals.
    """

    def literal_processor(self, dialect: Any) -> Callable[[Any], str]:
        if not self.native_uuid:
            return super().literal_processor(dialect)
        return lambda value: f"BUILTIN.UUID_FROM_TEXT('{value!s}')"


__all__ = [
    "BIGINT", "BINARY", "BLOB", "BOOLEAN", "CHAR", "CLOB", "DATE", "DECIMAL", "DOUBLE",
    "DOUBLE_PRECISION", "FLOAT", "GIS_COORDINATE", "GIS_LATITUDE", "GIS_LOCATION",
    "GIS_LONGITUDE", "INTEGER", "INTERVAL", "NCHAR", "NCLOB", "NUMERIC", "NVARCHAR", "REAL",
    "SMALLINT", "TIME", "TIMESTAMP", "UUID", "VARBINARY", "VARCHAR",
]
