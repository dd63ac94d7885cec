# The Core example of the sqlalchemy-mimer article (the seed), as published,
# with the final loop inside the `with engine.begin()` block where it belongs.
from sqlalchemy import create_engine
from sqlalchemy import (
    Table, Column, Integer, String, ForeignKey, MetaData, select
)
engine = create_engine("mimer://SYSADM:SYSPASS@mimerdb", echo=True)
metadata = MetaData()
authors = Table(
"authors", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(50), nullable=False)
)

books = Table(
    "books", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("title", String(100), nullable=False),
    Column("author_id", Integer, ForeignKey("authors.id"))
)

# Create tables

metadata.create_all(engine)

# Insert sample data

with engine.begin() as conn:
    conn.execute(authors.insert(), [{"name": "Isaac Asimov"}, {"name": "Arthur C. Clarke"}])
    conn.execute(books.insert(), [{"title": "Foundation", "author_id": 1},
                                  {"title": "2001: A Space Odyssey", "author_id": 2}])

    # Query with a JOIN

    stmt = (
        select(books.c.title, authors.c.name)
        .join(authors, books.c.author_id == authors.c.id)
    )

    for row in conn.execute(stmt):
        print(f"{row.title} by {row.name}")
