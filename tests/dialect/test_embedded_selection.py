"""When the dialect points MimerPy at the bundled engine - and when it must not."""

from __future__ import annotations

from pathlib import Path

import pytest

from sqlalchemy_mimer import _embedded


@pytest.fixture
def bundled(tmp_path, monkeypatch):
    lib = tmp_path / "pkg" / "libmimerapi.so"
    lib.parent.mkdir()
    lib.write_bytes(b"")
    monkeypatch.setattr(_embedded, "bundled_library_path", lambda: lib)
    monkeypatch.setattr(_embedded.ctypes.util, "find_library", lambda name: None)
    monkeypatch.setattr(_embedded, "STANDARD_LIBRARY_DIRS", (str(tmp_path / "usr_lib"),))
    return lib


def test_bundled_library_is_used_when_nothing_else_exists(bundled):
    env = {}
    assert _embedded.use_bundled_library_if_needed(env, "linux") == bundled
    assert env == {"MIMERAPI_PATH": str(bundled)}


def test_explicit_mimerapi_path_is_never_overridden(bundled):
    env = {"MIMERAPI_PATH": "/opt/mimer/lib/libmimerapi.so"}
    assert _embedded.use_bundled_library_if_needed(env, "linux") is None
    assert env == {"MIMERAPI_PATH": "/opt/mimer/lib/libmimerapi.so"}


def test_empty_mimerapi_path_counts_as_unset(bundled):
    env = {"MIMERAPI_PATH": ""}
    assert _embedded.use_bundled_library_if_needed(env, "linux") == bundled


def test_installed_client_found_by_linker_wins(bundled, monkeypatch):
    monkeypatch.setattr(_embedded.ctypes.util, "find_library",
                        lambda name: "libmimerapi.so" if name == "mimerapi" else None)
    env = {}
    assert _embedded.use_bundled_library_if_needed(env, "linux") is None
    assert env == {}


def test_installed_client_in_standard_directory_wins(bundled, tmp_path):
    usr_lib = Path(_embedded.STANDARD_LIBRARY_DIRS[0])
    usr_lib.mkdir()
    (usr_lib / "libmimerapi.so").write_bytes(b"")
    env = {}
    assert _embedded.use_bundled_library_if_needed(env, "linux") is None
    assert env == {}


def test_installed_client_on_ld_library_path_wins(bundled, tmp_path):
    elsewhere = tmp_path / "mimer" / "lib"
    elsewhere.mkdir(parents=True)
    (elsewhere / "libmimerapi.so").write_bytes(b"")
    env = {"LD_LIBRARY_PATH": f"/nonexistent:{elsewhere}"}
    assert _embedded.use_bundled_library_if_needed(env, "linux") is None
    assert "MIMERAPI_PATH" not in env


def test_other_platforms_are_left_alone(bundled):
    env = {}
    assert _embedded.use_bundled_library_if_needed(env, "darwin") is None
    assert _embedded.use_bundled_library_if_needed(env, "win32") is None
    assert env == {}


def test_missing_bundled_library_is_left_alone(bundled):
    bundled.unlink()
    env = {}
    assert _embedded.use_bundled_library_if_needed(env, "linux") is None
    assert env == {}


def test_import_dbapi_selects_before_importing_mimerpy(monkeypatch):
    calls = []
    monkeypatch.setattr(_embedded, "use_bundled_library_if_needed",
                        lambda: calls.append("select"))
    import sys

    from sqlalchemy_mimer.mimerpy import MimerDialect_mimerpy
    monkeypatch.setitem(sys.modules, "mimerpy", type(sys)("mimerpy"))
    module = MimerDialect_mimerpy.import_dbapi()
    assert calls == ["select"] and module is sys.modules["mimerpy"]
