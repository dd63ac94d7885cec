"""SQLAlchemy's own dialect compliance suite, with sqlalchemy_mimer.requirements.

Everything comes from ``sqlalchemy.testing.suite``.  The few tests
redefined here run the suite's own test body with one Mimer difference
that the suite has no requirement for; each says why.
"""

from sqlalchemy import Boolean, DateTime, Integer, MetaData, Table, func, inspect, testing
from sqlalchemy import text as sa_text
from sqlalchemy import true as sa_true
from sqlalchemy.schema import DropView
from sqlalchemy.testing import config
from sqlalchemy.testing.suite import *
from sqlalchemy.testing.suite import (
    ComponentReflectionTestExtra as _ComponentReflectionTestExtra,
)
from sqlalchemy.testing.suite import (
    TableViaSelectTest as _TableViaSelectTest,
)

# The suite's combinations() passes a test's per-case exclusions as one more
# argument; calling the suite's test body from an override passes none.
_NO_EXCLUSIONS = ()


class ComponentReflectionTestExtra(_ComponentReflectionTestExtra):
    @testing.combinations(
        (Integer, sa_text("10"), r"'?10'?"),
        (Integer, "10", r"'?10'?"),
        (Boolean, sa_true(), r"1|true"),
        # The suite expects current_timestamp|now|getdate: Mimer's now() is
        # LOCALTIMESTAMP (its TIMESTAMP has no time zone).
        (DateTime, func.now(), r"localtimestamp"),
        argnames="datatype, default, expected_reg",
    )
    @testing.requires.server_defaults
    def test_server_defaults(self, metadata, connection, datatype, default, expected_reg):
        """The suite's test with Mimer's spelling of now(); no expression defaults."""
        super().test_server_defaults(metadata, connection, datatype, default, expected_reg,
                                     _NO_EXCLUSIONS)


class TableViaSelectTest(_TableViaSelectTest):
    @testing.skip("mimer", "Mimer runs DDL only as the first statement of a transaction, and "
                  "this test drops its tables in the transaction of its inserts")
    def test_view_dependencies_with_metadata(self, connection, metadata):
        """Skipped (see the reason)."""

    @testing.combinations(
        # The suite runs its "plain" CREATE TABLE AS cases without asking
        # the create_table_as requirement; Mimer's CREATE TABLE has no AS.
        ("plain", False, False, False, testing.requires.create_table_as),
        ("use_schema", True, False, False,
         testing.requires.schemas + testing.requires.create_table_as),
        ("plain_view", False, False, True, testing.requires.views),
        ("use_schema_view", True, False, True, testing.requires.schemas),
        argnames="use_schemas,use_temp,use_view",
        id_="iaaa",
    )
    def test_without_metadata(self, connection, use_temp, use_schemas, use_view):
        """The suite's test, with each case behind the requirement it needs.

        Runs after the suite's other tests of the class (pytest orders by
        name), so it removes its view itself: the class teardown's DROP
        TABLE of the view's source is RESTRICT.
        """
        try:
            super().test_without_metadata(connection, use_temp, use_schemas, use_view,
                                          _NO_EXCLUSIONS)
        finally:
            connection.rollback()
            for schema in (None, config.test_schema):
                if inspect(connection).has_table("dest_view", schema=schema):
                    connection.execute(DropView(Table("dest_view", MetaData(), schema=schema)))
            connection.commit()
