"""Mimer SQL for SQLAlchemy.

This package will hold the ``mimer://`` dialect; today it ships mimerlite,
the embedded engine that exports the Mimer SQL C API (``libmimerapi.so``),
and the helpers that locate it (:mod:`sqlalchemy_mimer._embedded`).
"""

__version__ = "0.1.0"
