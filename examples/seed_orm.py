# The ORM example of the sqlalchemy-mimer article (the seed), as published.
from sqlalchemy import Integer, String, ForeignKey
from sqlalchemy.orm import DeclarativeBase, relationship, Session
from sqlalchemy import Column, create_engine

class Base(DeclarativeBase):
    pass

class Author(Base):
    __tablename__ = "authors"
    id = Column(Integer, primary_key=True, autoincrement=True)
    name = Column(String(50), nullable=False)
    books = relationship("Book", back_populates="author")

class Book(Base):
    __tablename__ = "books"
    id = Column(Integer, primary_key=True, autoincrement=True)
    title = Column(String(100), nullable=False)
    author_id = Column(Integer, ForeignKey("authors.id"))
    author = relationship("Author", back_populates="books")

if __name__ == "__main__":
    engine = create_engine("mimer://SYSADM:SYSPASS@mimerdb", echo=True)

    # Create tables

    Base.metadata.create_all(engine)

    # Insert and query using ORM

    with Session(engine) as session:
        herbert = Author(name="Frank Herbert")
        dick = Author(name="Philip K. Dick")
        session.add_all([
            herbert,
            dick,
            Book(title="Dune", author=herbert),
            Book(title="Do Androids Dream of Electric Sheep?", author=dick),
        ])
        session.commit()

# Query using relationships

    with Session(engine) as session:
        for book in session.query(Book).join(Book.author):
            print(f"{book.title} by {book.author.name}")
