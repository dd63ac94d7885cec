"""The BUILTIN.GIS_* types of ``sqlalchemy_mimer.types`` on the real engine.

GIS_LATITUDE, GIS_LONGITUDE and GIS_LOCATION round-trip through MimerPy's
GIS routines (floats and (latitude, longitude) tuples); GIS_COORDINATE has
no MimerPy conversion (its type code 8063 is unmapped), so it is written
with Mimer's constructor and read through its methods or as text.
Reflection maps every column back to the dialect's type.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, cast, exc, func, inspect, select

from sqlalchemy_mimer import types as mtypes

from .realdb import engine_for, fresh_home

DATABASE = "gis"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    with fresh_home(tmp_path_factory.mktemp("gis-home")):
        eng = engine_for(DATABASE)
        yield eng
        eng.dispose()


@pytest.fixture
def places(engine):
    metadata = MetaData()
    table = Table(
        "places",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=False),
        Column("lat", mtypes.GIS_LATITUDE()),
        Column("lon", mtypes.GIS_LONGITUDE()),
        Column("loc", mtypes.GIS_LOCATION()),
        Column("pt", mtypes.GIS_COORDINATE()),
    )
    metadata.create_all(engine)
    yield table
    metadata.drop_all(engine)


def test_latitude_longitude_and_location_round_trip(engine, places):
    rows = [
        {"id": 1, "lat": 59.3293, "lon": 18.0686, "loc": (59.3293, 18.0686)},
        {"id": 2, "lat": -90.0, "lon": 180.0, "loc": (-33.4489, -70.6693)},
        {"id": 3, "lat": None, "lon": None, "loc": None},
    ]
    with engine.begin() as conn:
        conn.execute(places.insert(), rows)
    with engine.connect() as conn:
        got = conn.execute(
            select(places.c.id, places.c.lat, places.c.lon, places.c.loc).order_by(places.c.id)
        ).all()
        assert [tuple(r) for r in got] == [
            (1, 59.3293, 18.0686, (59.3293, 18.0686)),
            (2, -90.0, 180.0, (-33.4489, -70.6693)),
            (3, None, None, None),
        ]
        match = conn.execute(select(places.c.id).where(places.c.loc == (59.3293, 18.0686)))
        assert match.scalars().all() == [1]


def test_coordinate_is_written_by_constructor_and_read_as_text(engine, places):
    with engine.begin() as conn:
        conn.execute(places.insert().values(id=1, pt=func.builtin.gis_coordinate(25, -15)))
    with engine.connect() as conn:
        got = conn.execute(select(cast(places.c.pt, String(30)))).scalar_one()
        assert got == "25,-15"


def test_latitude_out_of_range_is_a_data_error(engine, places):
    with engine.begin() as conn:
        with pytest.raises(exc.DataError):
            conn.execute(places.insert(), {"id": 1, "lat": 90.5})


def test_reflection_returns_the_gis_types(engine, places):
    columns = {c["name"]: c["type"] for c in inspect(engine).get_columns("places")}
    assert isinstance(columns["lat"], mtypes.GIS_LATITUDE)
    assert isinstance(columns["lon"], mtypes.GIS_LONGITUDE)
    assert isinstance(columns["loc"], mtypes.GIS_LOCATION)
    assert isinstance(columns["pt"], mtypes.GIS_COORDINATE)
