"""The version, written once: pyproject.toml (hatch) and the code read it from here."""

__version__ = "0.1.0"
