"""Locate and load the embedded mimerlite library bundled with this package.

The bundled ``libmimerapi.so`` exports the Mimer SQL C API.  The dialect
points MimerPy at it only when ``MIMERAPI_PATH`` is unset and no Mimer
client library is installed, so real Mimer users are never diverted.
"""

from __future__ import annotations

import ctypes
import os
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
