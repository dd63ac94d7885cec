"""The main job: run the seed article's two programs on the embedded engine.

Each program runs unchanged, as a user would run it, in a fresh database:
``MIMERLITE_HOME`` points at a new temporary directory, so
``mimer://SYSADM:SYSPASS@mimerdb`` reaches a new mimerlite database created
on first login, and each program prints exactly what the article shows
(after SQLAlchemy's ``echo=True`` log lines).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent
PROGRAMS = ["seed_core.py", "seed_orm.py"]


def run_program(name: str) -> int:
    """Run one example in a fresh MIMERLITE_HOME; return its exit status."""
    with tempfile.TemporaryDirectory(prefix="mimerlite-home-") as home:
        env = dict(os.environ, MIMERLITE_HOME=home)
        print(f"==> {name} (database in {home})", flush=True)
        return subprocess.run([sys.executable, str(EXAMPLES / name)], env=env).returncode


def main() -> int:
    """Run every example; fail if any fails."""
    status = 0
    for name in PROGRAMS:
        status = status or run_program(name)
    return status


if __name__ == "__main__":
    sys.exit(main())
