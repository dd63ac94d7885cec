"""Helpers for the dialect tests that run on the real engine (mimerlite through MimerPy).

The fake-driver tests in this folder check what the dialect *sends*; the
tests built on these helpers check what a real database *does* with it.
Each test module gets a fresh ``MIMERLITE_HOME`` (so fresh databases), with
fast password hashing; the environment is restored afterwards.

MimerPy loads the Mimer C API library when it is first imported.  When
``MIMERAPI_PATH`` is unset the dialect chooses the library bundled in the
installed package; running from a source tree (``PYTHONPATH=src``), where no
library is built into ``src/``, set ``MIMERAPI_PATH`` (or
``MIMERLITE_LIBRARY``) to a built ``libmimerapi.so``.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

from sqlalchemy_mimer import _embedded

ENV_KEYS = ("MIMERLITE_HOME", "MIMERLITE_PWHASH", "MIMER_DATABASE")


def choose_library() -> None:
    """Point MimerPy at mimerlite before it is imported, as the test modules of MimerPy do."""
    if os.environ.get("MIMERAPI_PATH"):
        return
    explicit = os.environ.get("MIMERLITE_LIBRARY")
    if explicit:
        os.environ["MIMERAPI_PATH"] = explicit
        return
    _embedded.use_bundled_library_if_needed()


@contextlib.contextmanager
def fresh_home(path: Path) -> Iterator[Path]:
    """Use ``path`` as MIMERLITE_HOME (fast logins) for the duration of the block."""
    choose_library()
    saved = {k: os.environ.get(k) for k in ENV_KEYS}
    os.environ["MIMERLITE_HOME"] = os.fspath(path)
    os.environ["MIMERLITE_PWHASH"] = "fast"
    os.environ.pop("MIMER_DATABASE", None)
    try:
        yield path
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def engine_for(database: str, **kw: Any) -> Engine:
    """An engine on database ``database`` of the current MIMERLITE_HOME (created on first use)."""
    return create_engine(f"mimer://SYSADM:SYSPASS@{database}", **kw)
