"""The ORM on the real engine: relationships, inheritance, types, sequences, conflicts.

Everything runs through SQLAlchemy's ORM and MimerPy on mimerlite (a fresh
database for this module) and checks what comes back: objects, keys,
values of every mapped type (large objects of several MB included), and
the exception of a concurrent update.  No mocks.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import uuid
from decimal import Decimal
from typing import Any, ClassVar

import pytest
from sqlalchemy import (
    CLOB,
    Column,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Identity,
    Integer,
    Interval,
    LargeBinary,
    Numeric,
    Sequence,
    String,
    Table,
    Time,
    Unicode,
    UnicodeText,
    Uuid,
    exc,
    func,
    select,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    joinedload,
    mapped_column,
    relationship,
    selectinload,
    with_polymorphic,
)

from sqlalchemy_mimer import INTERVAL, NCLOB

from .realdb import engine_for, fresh_home


class Base(DeclarativeBase):
    pass


book_tags = Table(
    "orm_book_tags", Base.metadata,
    Column("book_id", ForeignKey("orm_books.id"), primary_key=True),
    Column("tag_id", ForeignKey("orm_tags.id"), primary_key=True),
)


class Author(Base):
    __tablename__ = "orm_authors"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Unicode(100))
    books: Mapped[list[Book]] = relationship(back_populates="author",
                                             cascade="all, delete-orphan",
                                             order_by="Book.id")


class Book(Base):
    __tablename__ = "orm_books"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    author_id: Mapped[int] = mapped_column(ForeignKey("orm_authors.id"))
    author: Mapped[Author] = relationship(back_populates="books")
    tags: Mapped[list[Tag]] = relationship(secondary=book_tags, back_populates="books",
                                           order_by="Tag.label")


class Tag(Base):
    __tablename__ = "orm_tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(30), unique=True)
    books: Mapped[list[Book]] = relationship(secondary=book_tags, back_populates="tags",
                                             order_by="Book.id")


class Employee(Base):
    """Joined-table inheritance: each subclass has its own table."""

    __tablename__ = "orm_employees"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    kind: Mapped[str] = mapped_column(String(20))
    __mapper_args__: ClassVar[dict[str, Any]] = {"polymorphic_on": "kind", "polymorphic_identity": "employee"}


class Engineer(Employee):
    __tablename__ = "orm_engineers"
    id: Mapped[int] = mapped_column(ForeignKey("orm_employees.id"), primary_key=True)
    language: Mapped[str] = mapped_column(String(30))
    __mapper_args__: ClassVar[dict[str, Any]] = {"polymorphic_identity": "engineer"}


class Manager(Employee):
    __tablename__ = "orm_managers"
    id: Mapped[int] = mapped_column(ForeignKey("orm_employees.id"), primary_key=True)
    reports: Mapped[int] = mapped_column(Integer)
    __mapper_args__: ClassVar[dict[str, Any]] = {"polymorphic_identity": "manager"}


class Vehicle(Base):
    """Single-table inheritance: one table, nullable subclass columns."""

    __tablename__ = "orm_vehicles"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    wheels: Mapped[int] = mapped_column(Integer)
    __mapper_args__: ClassVar[dict[str, Any]] = {"polymorphic_on": "kind", "polymorphic_identity": "vehicle"}


class Car(Vehicle):
    doors: Mapped[int | None] = mapped_column(Integer, nullable=True)
    __mapper_args__: ClassVar[dict[str, Any]] = {"polymorphic_identity": "car"}


class Bike(Vehicle):
    gears: Mapped[int | None] = mapped_column(Integer, nullable=True)
    __mapper_args__: ClassVar[dict[str, Any]] = {"polymorphic_identity": "bike"}


MB = 1024 * 1024


class Colour(enum.Enum):
    RED = "red"
    GREEN = "green"


class Sample(Base):
    """One column of each interesting type."""

    __tablename__ = "orm_samples"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    uid_text: Mapped[str | None] = mapped_column(Uuid(as_uuid=False))
    latin: Mapped[str | None] = mapped_column(String(100))
    national: Mapped[str | None] = mapped_column(Unicode(100))
    text: Mapped[str | None] = mapped_column(CLOB(8 * MB))
    unicode_text: Mapped[str | None] = mapped_column(UnicodeText)
    nclob: Mapped[str | None] = mapped_column(NCLOB(8 * MB))
    blob: Mapped[bytes | None] = mapped_column(LargeBinary(16 * MB))
    default_blob: Mapped[bytes | None] = mapped_column(LargeBinary)  # Mimer's default: 1M
    money: Mapped[Decimal | None] = mapped_column(Numeric(38, 10))
    wide: Mapped[Decimal | None] = mapped_column(Numeric(45, 0))
    ratio: Mapped[float | None] = mapped_column(Float)
    stamp: Mapped[dt.datetime | None] = mapped_column(DateTime)
    day: Mapped[dt.date | None] = mapped_column(Date)
    clock: Mapped[dt.time | None] = mapped_column(Time)
    span: Mapped[dt.timedelta | None] = mapped_column(Interval)
    short_span: Mapped[dt.timedelta | None] = mapped_column(INTERVAL("HOUR TO SECOND", 4, 6))
    flag: Mapped[bool | None] = mapped_column()
    colour: Mapped[Colour | None] = mapped_column(Enum(Colour, native_enum=False))


class Ticket(Base):
    """Keys from an explicit sequence and from an Identity() with options."""

    __tablename__ = "orm_tickets"
    id: Mapped[int] = mapped_column(Sequence("orm_ticket_seq", start=1000, increment=10),
                                    primary_key=True)
    note: Mapped[str] = mapped_column(String(20))


class Counter(Base):
    __tablename__ = "orm_counters"
    id: Mapped[int] = mapped_column(Identity(start=500, increment=5), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    with fresh_home(tmp_path_factory.mktemp("orm-home")):
        eng = engine_for("ormtest")
        Base.metadata.create_all(eng)
        yield eng
        Base.metadata.drop_all(eng)
        eng.dispose()


# -- relationships -------------------------------------------------------------


def test_one_to_many_with_cascades(engine):
    with Session(engine) as session:
        herbert = Author(name="Frank Herbert",
                         books=[Book(title="Dune"), Book(title="Dune Messiah")])
        lem = Author(name="Stanisław Lem", books=[Book(title="Solaris")])
        session.add_all([herbert, lem])
        session.commit()
        herbert_id = herbert.id
    with Session(engine) as session:
        authors = session.scalars(select(Author).options(selectinload(Author.books))
                                  .order_by(Author.id)).all()
        assert [(a.name, [b.title for b in a.books]) for a in authors] == [
            ("Frank Herbert", ["Dune", "Dune Messiah"]), ("Stanisław Lem", ["Solaris"])]
        herbert = session.get(Author, herbert_id)
        herbert.books.remove(herbert.books[1])  # delete-orphan
        session.commit()
        assert session.scalar(select(func.count()).select_from(Book)) == 2
        book = session.scalars(select(Book).options(joinedload(Book.author))
                               .where(Book.title == "Solaris")).one()
        assert book.author.name == "Stanisław Lem"
        session.delete(book.author)  # cascades to the books
        session.commit()
        assert session.scalars(select(Book.title)).all() == ["Dune"]


def test_many_to_many(engine):
    with Session(engine) as session:
        classic, scifi, russian = Tag(label="classic"), Tag(label="sci-fi"), Tag(label="ru")
        author = Author(name="Strugatsky")
        picnic = Book(title="Roadside Picnic", author=author, tags=[scifi, russian, classic])
        monday = Book(title="Monday Begins on Saturday", author=author, tags=[russian])
        session.add_all([picnic, monday])
        session.commit()
        picnic.tags.remove(classic)
        session.commit()
        ids = picnic.id, monday.id
    with Session(engine) as session:
        books = session.scalars(select(Book).where(Book.id.in_(ids))
                                .options(selectinload(Book.tags)).order_by(Book.id)).all()
        assert [[t.label for t in b.tags] for b in books] == [["ru", "sci-fi"], ["ru"]]
        ru = session.scalars(select(Tag).where(Tag.label == "ru")).one()
        assert [b.title for b in ru.books] == ["Roadside Picnic", "Monday Begins on Saturday"]
        tagged = session.scalars(select(Book.title).join(Book.tags)
                                 .where(Tag.label == "sci-fi")).all()
        assert tagged == ["Roadside Picnic"]


def test_joined_table_inheritance(engine):
    with Session(engine) as session:
        session.add_all([Engineer(name="Ada", language="Python"),
                         Manager(name="Grace", reports=7),
                         Employee(name="Tim")])
        session.commit()
    with Session(engine) as session:
        people = session.scalars(select(Employee).order_by(Employee.id)).all()
        assert [type(p).__name__ for p in people] == ["Engineer", "Manager", "Employee"]
        assert people[0].language == "Python" and people[1].reports == 7
        poly = with_polymorphic(Employee, [Engineer, Manager])
        rows = session.scalars(select(poly).where(poly.Engineer.language == "Python")).all()
        assert [p.name for p in rows] == ["Ada"]
        ada = rows[0]
        ada.language = "C"
        session.commit()
        assert session.scalars(select(Engineer.language)).all() == ["C"]
        session.delete(ada)
        session.commit()
        assert session.scalar(select(func.count()).select_from(Engineer)) == 0


def test_single_table_inheritance(engine):
    with Session(engine) as session:
        session.add_all([Car(wheels=4, doors=5), Bike(wheels=2, gears=21), Vehicle(wheels=6)])
        session.commit()
    with Session(engine) as session:
        assert [type(v).__name__ for v in session.scalars(select(Vehicle)
                                                           .order_by(Vehicle.id))] == [
            "Car", "Bike", "Vehicle"]
        assert session.scalars(select(Bike.gears)).all() == [21]
        assert session.scalar(select(func.count()).select_from(Car)) == 1


# -- types -----------------------------------------------------------------------


def roundtrip(engine, **values):
    with Session(engine) as session:
        sample = Sample(**values)
        session.add(sample)
        session.commit()
        key = sample.id
    with Session(engine) as session:
        return session.get(Sample, key)


def test_unicode_text(engine):
    text = "Grüße, Ελληνικά, 日本語, עברית, emoji 🚀 and ‘quotes’"
    got = roundtrip(engine, national=text, unicode_text=text * 3, latin="Café déjà vu ÿ")
    assert (got.national, got.unicode_text, got.latin) == (text, text * 3, "Café déjà vu ÿ")


def test_latin1_column_refuses_other_characters(engine):
    with pytest.raises(exc.DBAPIError), Session(engine) as session:
        session.add(Sample(latin="日本"))
        session.commit()


def test_large_objects_of_several_megabytes(engine):
    blob = os.urandom(5 * 1024 * 1024) + bytes(range(256))
    nclob = ("Ωmega ✓ " * 400_000)[:3_000_001]
    clob = ("latin-1 text ø " * 200_000)
    got = roundtrip(engine, blob=blob, nclob=nclob, text=clob)
    assert len(got.blob) == len(blob) and got.blob == blob
    assert len(got.nclob) == len(nclob) and got.nclob == nclob
    assert got.text == clob


def test_unlengthed_large_binary_holds_mimers_default_one_megabyte(engine):
    got = roundtrip(engine, default_blob=b"\x01" * MB)
    assert got.default_blob == b"\x01" * MB
    with pytest.raises(exc.DBAPIError) as too_long, Session(engine) as session:
        session.add(Sample(default_blob=b"\x01" * (MB + 1)))
        session.commit()
    assert too_long.value.orig.args[0][0] == -24003


def test_empty_and_null_large_objects(engine):
    got = roundtrip(engine, blob=b"", text=None, nclob=None)
    assert (got.blob, got.text, got.nclob) == (b"", None, None)


def test_empty_character_large_objects(engine):
    """MimerPy sends '' as MimerSetLob(0) and then a zero-length MimerSetNclobData8."""
    got = roundtrip(engine, nclob="", text="")
    assert (got.nclob, got.text) == ("", "")


def test_uuid(engine):
    text_uid = str(uuid.uuid4())
    got = roundtrip(engine, uid_text=text_uid)
    assert isinstance(got.id, uuid.UUID)
    assert got.uid_text == text_uid
    with Session(engine) as session:
        assert session.scalars(select(Sample.id).where(Sample.id == got.id)).all() == [got.id]


def test_numeric_precision(engine):
    money = Decimal("1234567890123456789012345678.0123456789")
    wide = Decimal("-" + "9" * 45)
    got = roundtrip(engine, money=money, wide=wide, ratio=1 / 3)
    assert got.money == money and got.wide == wide
    assert got.ratio == pytest.approx(1 / 3, rel=1e-15)
    with Session(engine) as session:
        total = session.scalar(select(func.sum(Sample.money)).where(Sample.id == got.id))
        assert total == money


def test_datetime_and_interval(engine):
    stamp = dt.datetime(1969, 7, 20, 20, 17, 40, 123456)
    span = dt.timedelta(days=1234, hours=5, minutes=6, seconds=7, microseconds=890123)
    got = roundtrip(engine, stamp=stamp, day=dt.date(1, 1, 1), clock=dt.time(23, 59, 59, 999999),
                    span=span, short_span=dt.timedelta(hours=-3, minutes=-30))
    assert (got.stamp, got.day, got.clock) == (stamp, dt.date(1, 1, 1),
                                               dt.time(23, 59, 59, 999999))
    assert got.span == span
    assert got.short_span == dt.timedelta(hours=-3, minutes=-30)
    with Session(engine) as session:
        later = session.scalar(select(Sample.stamp + Sample.span).where(Sample.id == got.id))
        assert later == stamp + span


def test_boolean_and_enum(engine):
    got = roundtrip(engine, flag=False, colour=Colour.GREEN)
    assert got.flag is False and got.colour is Colour.GREEN


# -- sequences and concurrency -----------------------------------------------------


def test_sequence_and_identity_keys(engine):
    with Session(engine) as session:
        tickets = [Ticket(note="a"), Ticket(note="b")]
        counters = [Counter(value=1), Counter(value=2)]
        session.add_all(tickets + counters)
        session.commit()
        assert [t.id for t in tickets] == [1000, 1010]
        assert [c.id for c in counters] == [500, 505]
        following = session.scalar(Sequence("orm_ticket_seq").next_value())
        assert following == 1020


def test_concurrent_update_conflicts_at_commit_and_a_retry_succeeds(engine):
    with Session(engine) as session:
        counter = Counter(value=0)
        session.add(counter)
        session.commit()
        key = counter.id
    first, second = Session(engine), Session(engine)
    try:
        a, b = first.get(Counter, key), second.get(Counter, key)
        a.value += 1
        b.value += 10
        first.commit()
        with pytest.raises(exc.OperationalError) as conflict:
            second.commit()
        assert conflict.value.orig.args[0][0] == -10001
        second.rollback()
        b = second.get(Counter, key)
        assert (b.value, b.version) == (1, 2)
        b.value += 10
        second.commit()
    finally:
        first.close()
        second.close()
    with Session(engine) as session:
        counter = session.get(Counter, key)
        assert (counter.value, counter.version) == (11, 3)
