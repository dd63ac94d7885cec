"""URLs → mimerpy.connect() arguments; the default driver and entry points."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, exc
from sqlalchemy.engine import make_url

from sqlalchemy_mimer.mimerpy import MimerDialect_mimerpy

dialect = MimerDialect_mimerpy()


def args(url):
    return dialect.create_connect_args(make_url(url))


def test_host_part_is_the_database_name():
    assert args("mimer://SYSADM:SYSPASS@mimerdb") == (
        [], {"dsn": "mimerdb", "user": "SYSADM", "password": "SYSPASS"})


def test_database_part_with_query_credentials():
    assert args("mimer:///mimerdb?user=SYSADM&password=SYSPASS") == (
        [], {"dsn": "mimerdb", "user": "SYSADM", "password": "SYSPASS"})


def test_empty_url_means_default_database_and_os_user():
    assert args("mimer://") == ([], {"dsn": "", "user": "", "password": ""})


def test_password_is_url_decoded():
    assert args("mimer://u:p%40ss%2Fw@db")[1]["password"] == "p@ss/w"


def test_driver_options_are_passed_on_with_booleans_coerced():
    assert args("mimer://u:p@db?readonly=true&autocommit=false")[1] == {
        "dsn": "db", "user": "u", "password": "p", "readonly": True, "autocommit": False}


@pytest.mark.parametrize("url", ["mimer://u:p@host:1360", "mimer://u:p@host/db"])
def test_server_style_urls_are_refused(url):
    with pytest.raises(exc.ArgumentError):
        args(url)


def test_mimer_and_mimer_mimerpy_urls_load_this_dialect():
    from .conftest import FakeDB
    for url in ("mimer://u:p@db", "mimer+mimerpy://u:p@db"):
        engine = create_engine(url, module=FakeDB())
        assert isinstance(engine.dialect, MimerDialect_mimerpy)
        assert engine.dialect.name == "mimer" and engine.dialect.driver == "mimerpy"


@pytest.mark.parametrize("errno, gone", [(-21048, True), (-21054, True), (-25010, True),
                                        (-10001, False), (-12200, False)])
def test_is_disconnect(errno, gone):
    from .conftest import FakeError
    assert dialect.is_disconnect(FakeError(errno), None, None) is gone


def test_statement_cache_is_enabled():
    assert MimerDialect_mimerpy.supports_statement_cache is True
    assert "supports_statement_cache" in MimerDialect_mimerpy.__dict__
