"""Locate and load the embedded mimerlite library bundled with this package.

The bundled ``libmimerapi.so`` exports the Mimer SQL C API.  The dialect
points MimerPy at it only when ``MIMERAPI_PATH`` is unset and no Mimer
client library is installed, so real Mimer users are never diverted.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from collections.abc import Mapping, MutableMapping
from pathlib import Path

LIBRARY_NAME = "libmimerapi.so"


def bundled_library_path() -> Path:
    """Return the path of the libmimerapi.so shipped inside this package."""
    return Path(__file__).resolve().parent / "lib" / LIBRARY_NAME


def load_bundled_library() -> ctypes.CDLL:
    """Load the bundled library; raise FileNotFoundError if it is missing."""
    path = bundled_library_path()
    if not path.is_file():
        raise FileNotFoundError(f"mimerlite library not found at {path}")
    return ctypes.CDLL(os.fspath(path))


def versions() -> tuple[str, str]:
    """Return (Mimer C API level, mimerlite engine version) of the bundled library."""
    lib = load_bundled_library()
    lib.MimerAPIVersion.restype = ctypes.c_char_p
    lib.mimerliteVersion.restype = ctypes.c_char_p
    return lib.MimerAPIVersion().decode(), lib.mimerliteVersion().decode()


# Where Mimer SQL's own client packages put libmimerapi.so on Linux.
STANDARD_LIBRARY_DIRS = (
    "/usr/lib",
    "/usr/lib64",
    "/usr/local/lib",
    "/usr/local/lib64",
    "/usr/lib/x86_64-linux-gnu",
    "/usr/lib/aarch64-linux-gnu",
)


def mimer_client_installed(environ: Mapping[str, str] | None = None) -> bool:
    """True if a Mimer SQL client library can be found outside this package.

    Looks where MimerPy's plain ``CDLL("libmimerapi.so")`` would: the linker
    cache (``ctypes.util.find_library``), ``LD_LIBRARY_PATH`` and the
    standard library directories.
    """
    environ = os.environ if environ is None else environ
    if ctypes.util.find_library("mimerapi"):
        return True
    dirs = [d for d in environ.get("LD_LIBRARY_PATH", "").split(os.pathsep) if d]
    return any((Path(d) / LIBRARY_NAME).is_file() for d in (*dirs, *STANDARD_LIBRARY_DIRS))


def use_bundled_library_if_needed(environ: MutableMapping[str, str] | None = None,
                                  platform: str | None = None) -> Path | None:
    """Point MimerPy at the bundled engine when nothing else is configured.

    Must run before MimerPy is imported (it loads the library at import).
    Sets ``MIMERAPI_PATH`` only if it is unset, no Mimer client library is
    installed, the platform is Linux (the bundled library is a Linux .so)
    and the library was built into the package.  Returns the path set, or
    None when it left the environment alone.
    """
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if environ.get("MIMERAPI_PATH") or not platform.startswith("linux"):
        return None
    if mimer_client_installed(environ):
        return None
    path = bundled_library_path()
    if not path.is_file():
        return None
    environ["MIMERAPI_PATH"] = os.fspath(path)
    return path
