"""End-to-end tests of the dialect with pandas, Flask and FastAPI on mimerlite."""
