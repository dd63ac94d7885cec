"""Fixtures for the integration tests: pandas, Flask and FastAPI on mimerlite.

Every module gets its own fresh ``MIMERLITE_HOME`` (so fresh databases) with
fast password hashing, and one engine on it; the environment is restored
and the engine disposed when the module ends.  No mocks: SQLAlchemy talks to
the real engine through the official driver, MimerPy.

MimerPy loads the Mimer C API library when it is first imported, so the
library is chosen before any engine is made: ``MIMERLITE_LIBRARY`` or
``MIMERAPI_PATH`` if set, else the ``libmimerapi.so`` bundled in the
package.  Running from a source tree (``PYTHONPATH=src``) the package in
``src/`` has no library built into it; the copy installed in the virtual
environment (the same package, shadowed on ``sys.path``) is used instead.
A Mimer SQL client installed on the machine is never used here: these tests
are about mimerlite.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from dialect.realdb import fresh_home
from sqlalchemy import create_engine
from sqlalchemy.dialects import registry
from sqlalchemy.engine import Engine

from sqlalchemy_mimer import _embedded

registry.register("mimer", "sqlalchemy_mimer.mimerpy", "MimerDialect_mimerpy")

LIBRARY_IN_PACKAGE = Path("sqlalchemy_mimer") / "lib" / _embedded.LIBRARY_NAME


def mimerlite_library() -> Path:
    """The mimerlite library to load: explicit, bundled, or the installed package's."""
    for key in ("MIMERLITE_LIBRARY", "MIMERAPI_PATH"):
        if os.environ.get(key):
            return Path(os.environ[key])
    candidates = [_embedded.bundled_library_path()]
    candidates += [Path(entry or ".") / LIBRARY_IN_PACKAGE for entry in sys.path]
    for path in candidates:
        if path.is_file():
            return path
    pytest.exit("mimerlite's libmimerapi.so was not found: install the package "
                "(scripts/bootstrap.sh) or set MIMERLITE_LIBRARY", returncode=4)
    raise AssertionError  # not reached


LIBRARY = mimerlite_library()
os.environ["MIMERAPI_PATH"] = os.fspath(LIBRARY)


def loaded_mimer_libraries() -> set[Path]:
    """The libmimerapi.so files mapped into this process (MimerPy loaded one)."""
    with open("/proc/self/maps") as maps:
        return {Path(line.split()[-1]).resolve() for line in maps
                if line.rstrip().endswith(_embedded.LIBRARY_NAME)}


@pytest.fixture(scope="module")
def mimer_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh MIMERLITE_HOME (fast logins) for the module, restored afterwards."""
    if "mimerpy" not in sys.modules:  # another test module may have pointed elsewhere
        os.environ["MIMERAPI_PATH"] = os.fspath(LIBRARY)
    with fresh_home(tmp_path_factory.mktemp("mimerlite-home")) as home:
        yield home


@pytest.fixture(scope="module")
def database_url(mimer_home: Path) -> str:
    """The URL of a database in the module's home (created by the first SYSADM login)."""
    return "mimer://SYSADM:SYSPASS@integration"


@pytest.fixture(scope="module")
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on the module's database, checked to be running on mimerlite."""
    eng = create_engine(database_url)
    with eng.connect():
        pass
    loaded = loaded_mimer_libraries()
    assert len(loaded) == 1, loaded
    assert hasattr(ctypes.CDLL(os.fspath(*loaded)), "mimerliteVersion"), \
        f"MimerPy loaded {loaded}, which is not mimerlite"
    assert (Path(os.environ["MIMERLITE_HOME"]) / "integration").exists(), \
        "the database was not created under MIMERLITE_HOME"
    yield eng
    eng.dispose()
