"""``python -m sqlalchemy_mimer``: report the bundled engine's versions."""

from sqlalchemy_mimer import __version__
from sqlalchemy_mimer._embedded import bundled_library_path, versions


def main() -> None:
    """Print the package version and the embedded engine's versions."""
    api_level, engine_version = versions()
    print(f"sqlalchemy-mimer {__version__}")
    print(f"mimerlite {engine_version} (Mimer SQL C API {api_level})")
    print(f"library: {bundled_library_path()}")


if __name__ == "__main__":
    main()
