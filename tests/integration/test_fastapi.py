"""FastAPI on mimerlite: a CRUD API on plain SQLAlchemy 2.x ORM sessions.

The API gets its session from a dependency (``with Session(engine) as s:
yield s``), validates with pydantic models, pages with limit/offset (sent
as ``OFFSET ? ROWS FETCH FIRST ? ROWS ONLY``), answers 404 for a missing
item and 409 for a duplicate name (IntegrityError) and for an optimistic
concurrency conflict: two requests that update the same row in overlapping
transactions both flush, then both commit; Mimer refuses the second COMMIT
with -10001, which SQLAlchemy raises as ``OperationalError`` (its ``orig``
is MimerPy's ``TransactionAbortError``).  Requests go through
``fastapi.testclient.TestClient``; the two concurrent ones from two threads.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Annotated

import pytest
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Numeric, String, Unicode, event, exc, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

with warnings.catch_warnings():  # Starlette 1.x would rather have httpx2 than httpx
    warnings.filterwarnings("ignore", message=".*httpx2")
    from fastapi.testclient import TestClient


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "api_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Unicode(80), unique=True)
    price: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    stock: Mapped[int] = mapped_column(default=0)
    sku: Mapped[str | None] = mapped_column(String(20))


class ItemIn(BaseModel):
    name: str = Field(min_length=1, max_length=80)
    price: Decimal = Field(ge=0, max_digits=10, decimal_places=2)
    stock: int = 0
    sku: str | None = None


class ItemPatch(BaseModel):
    name: str | None = None
    price: Decimal | None = None
    stock: int | None = None


class ItemOut(ItemIn):
    model_config = ConfigDict(from_attributes=True)
    id: int


def no_pause() -> None:
    """Called between flush and commit."""


def get_pause() -> Callable[[], None]:
    """A dependency: what to call between flush and commit (the concurrency test's hook)."""
    return no_pause


def get_session(request: Request) -> Iterator[Session]:
    """One ORM session per request, on the app's engine."""
    with Session(request.app.state.engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
PauseDep = Annotated[Callable[[], None], Depends(get_pause)]


def is_conflict(error: exc.OperationalError) -> bool:
    """Mimer's optimistic-concurrency conflict at COMMIT (-10001, -10003)."""
    code = getattr(error.orig, "errno", None) or error.orig.args[0][0]
    return code in (-10001, -10003)


def create_app(engine: Engine) -> FastAPI:
    app = FastAPI()
    app.state.engine = engine

    @app.exception_handler(exc.IntegrityError)
    def integrity_error(request: Request, error: exc.IntegrityError) -> JSONResponse:
        return JSONResponse({"detail": "duplicate", "mimer": str(error.orig)}, status_code=409)

    @app.exception_handler(exc.OperationalError)
    def operational_error(request: Request, error: exc.OperationalError) -> JSONResponse:
        if is_conflict(error):
            return JSONResponse({"detail": "conflict, retry", "mimer": str(error.orig)},
                                status_code=409)
        raise error

    @app.post("/items", status_code=201, response_model=ItemOut)
    def create_item(data: ItemIn, session: SessionDep) -> Item:
        item = Item(**data.model_dump())
        session.add(item)
        session.commit()
        return item

    @app.get("/items", response_model=list[ItemOut])
    def list_items(session: SessionDep, limit: int = 10, offset: int = 0) -> list[Item]:
        query = select(Item).order_by(Item.id).limit(limit).offset(offset)
        return list(session.scalars(query))

    @app.get("/items/count")
    def count_items(session: SessionDep) -> dict:
        return {"count": session.scalar(select(func.count()).select_from(Item))}

    @app.get("/items/skus")
    def list_skus(session: SessionDep) -> list[str]:
        query = select(Item.sku).where(Item.sku.is_not(None)).distinct().order_by(Item.sku)
        return list(session.scalars(query))

    @app.get("/items/{item_id}", response_model=ItemOut)
    def get_item(item_id: int, session: SessionDep) -> Item:
        item = session.get(Item, item_id)
        if item is None:
            raise HTTPException(404, "item not found")
        return item

    @app.patch("/items/{item_id}", response_model=ItemOut)
    def update_item(item_id: int, data: ItemPatch, session: SessionDep,
                    pause: PauseDep) -> Item:
        item = session.get(Item, item_id)
        if item is None:
            raise HTTPException(404, "item not found")
        for key, value in data.model_dump(exclude_unset=True).items():
            setattr(item, key, value)
        session.flush()
        pause()
        session.commit()
        return item

    @app.delete("/items/{item_id}", status_code=204)
    def delete_item(item_id: int, session: SessionDep) -> None:
        item = session.get(Item, item_id)
        if item is None:
            raise HTTPException(404, "item not found")
        session.delete(item)
        session.commit()

    return app


@pytest.fixture(scope="module")
def app(engine):
    Base.metadata.create_all(engine)
    yield create_app(engine)
    Base.metadata.drop_all(engine)


@pytest.fixture
def client(app, engine):
    with engine.begin() as conn:
        conn.execute(Item.__table__.delete())
    app.dependency_overrides.clear()
    return TestClient(app)


@pytest.fixture
def statements(engine):
    """The SQL statements sent during the test."""
    sent = []

    def record(conn, cursor, statement, parameters, context, executemany):
        sent.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", record)
    yield sent
    event.remove(engine, "before_cursor_execute", record)


def make_items(client, n):
    ids = []
    for i in range(n):
        response = client.post("/items", json={"name": f"item {i:02d}", "price": f"{i}.50"})
        assert response.status_code == 201, response.text
        ids.append(response.json()["id"])
    return ids


def test_create_and_read_an_item(client):
    response = client.post("/items", json={"name": "Smörgåsbord ∑", "price": "12.30",
                                           "stock": 4, "sku": "SKU-1"})
    assert response.status_code == 201
    created = response.json()
    assert created["name"] == "Smörgåsbord ∑" and Decimal(created["price"]) == Decimal("12.30")
    got = client.get(f"/items/{created['id']}")
    assert got.status_code == 200 and got.json() == created


def test_validation_error_is_422_and_writes_nothing(client):
    assert client.post("/items", json={"name": "", "price": "1"}).status_code == 422
    assert client.post("/items", json={"name": "x", "price": "-1"}).status_code == 422
    assert client.get("/items/count").json() == {"count": 0}


def test_pagination_uses_offset_and_fetch_first(client, statements):
    ids = make_items(client, 7)
    statements.clear()
    page = client.get("/items", params={"limit": 3, "offset": 3}).json()
    assert [item["id"] for item in page] == ids[3:6]
    assert any("OFFSET ? ROWS FETCH FIRST ? ROWS ONLY" in s for s in statements), statements
    assert [i["id"] for i in client.get("/items", params={"limit": 3, "offset": 6}).json()] \
        == ids[6:]
    assert client.get("/items", params={"limit": 3, "offset": 7}).json() == []
    assert [i["name"] for i in client.get("/items", params={"limit": 2}).json()] \
        == ["item 00", "item 01"]


def test_distinct_values_ordered(client):
    for name, sku in [("a", "S-2"), ("b", "S-1"), ("c", "S-2"), ("d", None)]:
        client.post("/items", json={"name": name, "price": "1", "sku": sku})
    assert client.get("/items/skus").json() == ["S-1", "S-2"]


def test_missing_item_is_404_for_read_update_and_delete(client):
    missing = make_items(client, 1)[0] + 1000
    assert client.get(f"/items/{missing}").status_code == 404
    assert client.get(f"/items/{missing}").json() == {"detail": "item not found"}
    assert client.patch(f"/items/{missing}", json={"stock": 1}).status_code == 404
    assert client.delete(f"/items/{missing}").status_code == 404


def test_update_and_delete(client):
    item_id = make_items(client, 2)[0]
    updated = client.patch(f"/items/{item_id}", json={"stock": 9, "price": "99.99"})
    assert updated.status_code == 200
    assert updated.json()["stock"] == 9 and Decimal(updated.json()["price"]) == Decimal("99.99")
    assert client.get(f"/items/{item_id}").json()["stock"] == 9
    assert client.delete(f"/items/{item_id}").status_code == 204
    assert client.get(f"/items/{item_id}").status_code == 404
    assert client.get("/items/count").json() == {"count": 1}


def test_duplicate_name_is_409_and_the_next_request_works(client):
    make_items(client, 1)
    clash = client.post("/items", json={"name": "item 00", "price": "1"})
    assert clash.status_code == 409
    assert clash.json()["detail"] == "duplicate" and "-10102" in clash.json()["mimer"]
    assert client.post("/items", json={"name": "item 01", "price": "1"}).status_code == 201
    assert client.get("/items/count").json() == {"count": 2}


def test_overlapping_updates_of_one_row_second_commit_is_a_409_conflict(app, client, engine):
    item_id = make_items(client, 1)[0]
    both_flushed = threading.Barrier(2, timeout=30)
    one_finished = threading.Event()

    def pause() -> None:
        """Both requests have updated the row; one commits, then the other."""
        if both_flushed.wait() == 0:
            one_finished.wait(timeout=30)

    def update(stock: int):
        try:
            return client.patch(f"/items/{item_id}", json={"stock": stock})
        finally:
            one_finished.set()

    app.dependency_overrides[get_pause] = lambda: pause
    with ThreadPoolExecutor(max_workers=2) as pool:
        responses = list(pool.map(update, [1, 2]))

    codes = sorted(r.status_code for r in responses)
    assert codes == [200, 409], [r.text for r in responses]
    conflict = next(r for r in responses if r.status_code == 409).json()
    assert conflict["detail"] == "conflict, retry" and "-10001" in conflict["mimer"]
    winner = next(r for r in responses if r.status_code == 200).json()
    assert client.get(f"/items/{item_id}").json()["stock"] == winner["stock"]

    app.dependency_overrides.clear()  # a retry succeeds, and the pool is healthy
    assert client.patch(f"/items/{item_id}", json={"stock": 7}).json()["stock"] == 7
    assert engine.pool.checkedout() == 0


def test_the_conflict_is_an_operational_error_with_mimerpys_transaction_abort(engine, client):
    """What the API's handler relies on, at the ORM level without HTTP."""
    item_id = make_items(client, 1)[0]
    with Session(engine) as first, Session(engine) as second:
        first.get(Item, item_id).stock = 1
        second.get(Item, item_id).stock = 2
        first.flush()
        second.flush()
        first.commit()
        with pytest.raises(exc.OperationalError) as conflict:
            second.commit()
    assert is_conflict(conflict.value)
    assert type(conflict.value.orig).__name__ == "TransactionAbortError"
    assert isinstance(conflict.value.orig, engine.dialect.loaded_dbapi.TransactionAbortError)
    with Session(engine) as session:
        assert session.get(Item, item_id).stock == 1
