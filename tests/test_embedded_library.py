"""The installed package ships mimerlite's libmimerapi.so and it loads.

MimerPy refuses a library whose MimerAPIVersion is not MAJOR.MINOR.PATCH
plus one letter, at least 11.0.5A; this pins that contract.
"""

import re
import subprocess
import sys

from sqlalchemy_mimer._embedded import bundled_library_path, load_bundled_library, versions


def test_bundled_library_is_installed_inside_the_package():
    path = bundled_library_path()
    assert path.is_file(), path
    assert path.parent.parent.name == "sqlalchemy_mimer"


def test_api_version_is_acceptable_to_mimerpy():
    api_level, _ = versions()
    match = re.match(r"^(\d+)\.(\d+)\.(\d+)(.)", api_level.rstrip())
    assert match, api_level
    major, minor, patch = (int(match.group(i)) for i in (1, 2, 3))
    assert (major, minor, patch, match.group(4)) >= (11, 0, 5, "A")


def test_only_mimer_api_and_engine_version_symbols_are_exported():
    out = subprocess.run(["nm", "-D", "--defined-only", str(bundled_library_path())],
                         check=True, capture_output=True, text=True).stdout
    names = {line.split()[-1] for line in out.splitlines() if line.strip()}
    names = {n for n in names if not n.startswith("_")}
    assert names, out
    strays = {n for n in names if not (n.startswith("Mimer") or n == "mimerliteVersion")}
    assert not strays, f"engine internals leak from libmimerapi.so: {sorted(strays)}"


def test_main_job_prints_engine_version():
    out = subprocess.run([sys.executable, "-m", "sqlalchemy_mimer"], check=True,
                         capture_output=True, text=True).stdout
    assert re.search(r"^mimerlite \d+\.\d+\.\d+ \(Mimer SQL C API 11\.0\.\d+[A-Z]\)$", out, re.MULTILINE), out
    load_bundled_library()
