"""SQLAlchemy's compliance suite against Mimer SQL - run only on request.

The suite needs a working database, so the normal ``pytest tests`` run skips
this folder.  Run it with SQLAlchemy's pytest plugin (configuration in
``setup.cfg``: ``[sqla_testing]``, ``[db]``)::

    .venv/bin/python -m pytest -p sqlalchemy.testing.plugin.pytestplugin tests/compliance
    .venv/bin/python -m pytest -p sqlalchemy.testing.plugin.pytestplugin tests/compliance \\
        --dburi mimer://SYSADM:SYSPASS@otherdb
"""

from __future__ import annotations

import pytest
from sqlalchemy.dialects import registry

registry.register("mimer", "sqlalchemy_mimer.mimerpy", "MimerDialect_mimerpy")
registry.register("mimer.mimerpy", "sqlalchemy_mimer.mimerpy", "MimerDialect_mimerpy")

PLUGIN = "sqlalchemy.testing.plugin.pytestplugin"


def pytest_ignore_collect(collection_path, config):
    """Collect the suite only when SQLAlchemy's plugin was loaded with ``-p``."""
    if not config.pluginmanager.hasplugin(PLUGIN):
        return True
    return None


pytest.register_assert_rewrite("sqlalchemy.testing.assertions")
