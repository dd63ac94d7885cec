"""Flask + Flask-SQLAlchemy on mimerlite: a small app driven through its test client.

The app has two models (authors with an auto-increment key and a unique
e-mail, books referencing them, a one-to-many relationship with cascading
delete) and JSON endpoints to create, list (paginated with
``db.paginate``), read, update and delete them.  The tests make requests
with ``app.test_client()`` and check the responses and the rows; a request
that violates the unique constraint gets a handled 409 and the next
requests work (the session recovered); ``db.create_all()`` and
``db.drop_all()`` create and remove the tables and their sequences.
"""

from __future__ import annotations

import pytest
from flask import Flask, abort, jsonify, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import ForeignKey, String, Unicode, exc, func, inspect, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


class Author(db.Model):
    __tablename__ = "flask_author"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(Unicode(100))
    books: Mapped[list[Book]] = relationship(back_populates="author", order_by="Book.id",
                                             cascade="all, delete-orphan")

    def to_dict(self) -> dict:
        return {"id": self.id, "email": self.email, "name": self.name,
                "books": [book.to_dict() for book in self.books]}


class Book(db.Model):
    __tablename__ = "flask_book"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Unicode(200))
    year: Mapped[int | None]
    author_id: Mapped[int] = mapped_column(ForeignKey("flask_author.id"))
    author: Mapped[Author] = relationship(back_populates="books")

    def to_dict(self) -> dict:
        return {"id": self.id, "title": self.title, "year": self.year}


def create_app(database_url: str) -> Flask:
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = database_url
    db.init_app(app)

    @app.errorhandler(exc.IntegrityError)
    def integrity_error(error: exc.IntegrityError):
        db.session.rollback()
        return jsonify(error="conflict", detail=str(error.orig)), 409

    @app.post("/authors")
    def create_author():
        data = request.get_json()
        author = Author(email=data["email"], name=data["name"])
        db.session.add(author)
        db.session.commit()
        return jsonify(author.to_dict()), 201

    @app.get("/authors")
    def list_authors():
        page = db.paginate(select(Author).order_by(Author.id), per_page=2)
        return jsonify(items=[a.to_dict() for a in page.items], total=page.total,
                       page=page.page, pages=page.pages)

    @app.get("/authors/<int:author_id>")
    def get_author(author_id: int):
        return jsonify(db.get_or_404(Author, author_id).to_dict())

    @app.patch("/authors/<int:author_id>")
    def update_author(author_id: int):
        author = db.get_or_404(Author, author_id)
        for key in ("email", "name"):
            if key in request.json:
                setattr(author, key, request.json[key])
        db.session.commit()
        return jsonify(author.to_dict())

    @app.delete("/authors/<int:author_id>")
    def delete_author(author_id: int):
        db.session.delete(db.get_or_404(Author, author_id))
        db.session.commit()
        return "", 204

    @app.post("/authors/<int:author_id>/books")
    def add_book(author_id: int):
        author = db.get_or_404(Author, author_id)
        data = request.get_json()
        if not data.get("title"):
            abort(400)
        book = Book(title=data["title"], year=data.get("year"), author=author)
        db.session.add(book)
        db.session.commit()
        return jsonify(book.to_dict()), 201

    return app


@pytest.fixture(scope="module")
def app(database_url):
    app = create_app(database_url)
    with app.app_context():
        db.create_all()
    yield app
    with app.app_context():
        db.drop_all()
        db.engine.dispose()


@pytest.fixture
def client(app):
    with app.app_context():
        db.session.execute(db.delete(Book))
        db.session.execute(db.delete(Author))
        db.session.commit()
    return app.test_client()


def table_names(app) -> set:
    with app.app_context():
        return {name.lower() for name in inspect(db.engine).get_table_names()}


def test_create_all_made_the_tables_and_the_key_sequences(app):
    assert {"flask_author", "flask_book"} <= table_names(app)
    with app.app_context():
        sequences = {s.lower() for s in inspect(db.engine).get_sequence_names()}
        uniques = inspect(db.engine).get_unique_constraints("flask_author")
    assert {"flask_author_id_autoinc_seq", "flask_book_id_autoinc_seq"} <= sequences
    assert [u["column_names"] for u in uniques] == [["email"]]


def test_create_read_update_delete_through_requests(client):
    ada = client.post("/authors", json={"email": "ada@example.com", "name": "Ada Lovelace"})
    assert ada.status_code == 201
    zoe = client.post("/authors", json={"email": "zoe@example.com", "name": "Zoë 日本"})
    assert zoe.status_code == 201
    ada_id, zoe_id = ada.json["id"], zoe.json["id"]
    assert isinstance(ada_id, int) and zoe_id > ada_id  # from the auto-increment sequence

    book = client.post(f"/authors/{ada_id}/books", json={"title": "Notes", "year": 1843})
    assert book.status_code == 201 and book.json["title"] == "Notes"
    client.post(f"/authors/{ada_id}/books", json={"title": "Sketch of the Engine"})
    got = client.get(f"/authors/{ada_id}").json
    assert [b["title"] for b in got["books"]] == ["Notes", "Sketch of the Engine"]
    assert got["books"][1]["year"] is None

    renamed = client.patch(f"/authors/{zoe_id}", json={"name": "Zoë Ünïcode 😀"})
    assert renamed.status_code == 200
    assert client.get(f"/authors/{zoe_id}").json["name"] == "Zoë Ünïcode 😀"

    assert client.delete(f"/authors/{ada_id}").status_code == 204
    assert client.get(f"/authors/{ada_id}").status_code == 404
    assert client.post(f"/authors/{ada_id}/books", json={"title": "x"}).status_code == 404
    with client.application.app_context():  # the cascade removed Ada's books
        assert db.session.scalar(select(func.count()).select_from(Book)) == 0
        assert db.session.scalars(select(Author.name)).all() == ["Zoë Ünïcode 😀"]


def test_list_is_paginated_with_offset_and_fetch(client):
    for i in range(5):
        client.post("/authors", json={"email": f"p{i}@example.com", "name": f"P{i}"})
    first = client.get("/authors").json
    assert first["total"] == 5 and first["pages"] == 3
    assert [a["name"] for a in first["items"]] == ["P0", "P1"]
    third = client.get("/authors?page=3").json
    assert [a["name"] for a in third["items"]] == ["P4"]
    assert client.get("/authors?page=4").status_code == 404  # Flask-SQLAlchemy's error_out


def test_unique_violation_is_handled_and_the_session_recovers(client):
    assert client.post("/authors", json={"email": "dup@example.com", "name": "A"}).status_code \
        == 201
    clash = client.post("/authors", json={"email": "dup@example.com", "name": "B"})
    assert clash.status_code == 409
    assert clash.json["error"] == "conflict" and "-10102" in clash.json["detail"]

    other = client.post("/authors", json={"email": "other@example.com", "name": "C"})
    assert other.status_code == 201
    target = other.json["id"]
    clash = client.patch(f"/authors/{target}", json={"email": "dup@example.com"})
    assert clash.status_code == 409
    assert client.patch(f"/authors/{target}", json={"name": "C2"}).status_code == 200
    names = [a["name"] for a in client.get("/authors").json["items"]]
    assert names == ["A", "C2"]
    assert client.get(f"/authors/{target}").json["email"] == "other@example.com"


def test_drop_all_and_create_all_again(app):
    with app.app_context():
        db.drop_all()
    assert not {"flask_author", "flask_book"} & table_names(app)
    with app.app_context():
        sequences = {s.lower() for s in inspect(db.engine).get_sequence_names()}
    assert not {"flask_author_id_autoinc_seq", "flask_book_id_autoinc_seq"} & sequences
    with app.app_context():
        db.create_all()
    client = app.test_client()
    assert client.post("/authors", json={"email": "x@example.com", "name": "X"}).json["id"] == 1
