"""The seed article's two programs print exactly what the article shows.

Each program runs unchanged in a subprocess on a fresh embedded database
(its own MIMERLITE_HOME).  ``echo=True`` makes SQLAlchemy log every
statement to stdout; the harness gives the engine logger a stderr handler
first, so stdout holds only what the program prints and is compared whole.
"""

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

EXPECTED = {
    "seed_core.py": "Foundation by Isaac Asimov\n2001: A Space Odyssey by Arthur C. Clarke\n",
    "seed_orm.py": "Dune by Frank Herbert\nDo Androids Dream of Electric Sheep? by Philip K. Dick\n",
}

HARNESS = """
import logging, runpy, sys
logging.getLogger("sqlalchemy.engine.Engine").addHandler(logging.StreamHandler(sys.stderr))
runpy.run_path(sys.argv[1], run_name="__main__")
"""


def run_example(name, home):
    env = {"PATH": "/usr/bin:/bin", "MIMERLITE_HOME": str(home), "HOME": str(home)}
    return subprocess.run([sys.executable, "-c", HARNESS, str(EXAMPLES / name)],
                          env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_program_prints_the_articles_output(name, tmp_path):
    result = run_example(name, tmp_path)
    assert result.returncode == 0, result.stderr[-4000:]
    assert result.stdout == EXPECTED[name]
    assert "CREATE TABLE authors" in result.stderr


def test_main_job_runs_both_programs_with_echo(tmp_path):
    runner = EXAMPLES / "run_seed.py"
    result = subprocess.run([sys.executable, str(runner)], capture_output=True, text=True,
                            timeout=600, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr[-4000:]
    lines = result.stdout.splitlines()
    for expected in EXPECTED.values():
        for line in expected.splitlines():
            assert line in lines
    assert any("INFO sqlalchemy.engine.Engine" in line for line in lines)
