"""SQLAlchemy's own dialect compliance suite, with sqlalchemy_mimer.requirements."""

from sqlalchemy.testing.suite import *
