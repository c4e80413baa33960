"""Reading TOML tables of rules and terms: files, arrays of tables, and each key checked for its type.

Rule files (``[[rule]]``) and lexicons (``[[term]]``) are read by the same code, so a mistake in either is
reported the same way: a ``DataRuleError`` of one line naming the file, the table and the key, which
``rhetlint check`` prints before exiting with 2.
"""

from __future__ import annotations

import string
import sys
from collections.abc import Collection, Mapping, Sequence
from os import PathLike
from pathlib import Path
from typing import Any, Protocol, overload

from rhetlint.model.diagnostics import SEVERITIES
from rhetlint.model.errors import ConfigError


def toml() -> Any:
    """The TOML reader (tomllib; tomli before Python 3.11), imported on first use: a check with no
    configuration file, rule file or user lexicon reads no TOML."""
    if sys.version_info >= (3, 11):
        import tomllib

        return tomllib
    import tomli  # pragma: no cover - exercised on Python 3.10 only

    return tomli  # pragma: no cover


# The default of the configuration's max-file-size, for files read before a configuration is known.
DEFAULT_MAX_MEGABYTES = 20.0


class DataRuleError(ConfigError):
    """A rule file or lexicon that cannot be used, in one line naming the file, the table and the key."""


class _Readable(Protocol):
    """A file to read: a path, or a package resource from ``importlib.resources.files``."""

    def read_bytes(self) -> bytes: ...


def parse_toml(text: str, label: str) -> dict[str, Any]:
    """Parse TOML text, raising DataRuleError that names ``label`` when it is not valid."""
    tomllib = toml()
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataRuleError(f"{label}: invalid TOML: {exc}") from None


def read_limited(path: Path, what: str, max_megabytes: float) -> bytes:
    """The bytes of a ``what`` file ("configuration", "rule", "lexicon"), refusing anything but a regular
    file and anything over ``max_megabytes``, checked while reading: these files come from the checked
    repository, and a committed symbolic link to ``/dev/zero`` would otherwise be read until memory runs out.
    Other problems (a missing file, no permission) raise OSError, for the caller to word.
    """
    label = str(path)
    if path.exists() and not path.is_file():
        kind = "a folder" if path.is_dir() else "not a regular file (a device, pipe or socket)"
        raise DataRuleError(f"{label}: {what} file is {kind}")
    limit = int(max_megabytes * 1_000_000)
    with path.open("rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise DataRuleError(
            f"{label}: {what} file is over the max-file-size of {max_megabytes:g} MB (raise max-file-size "
            "to read it)"
        )
    return data


def read_toml(
    path: str | PathLike[str] | _Readable, what: str, max_megabytes: float = DEFAULT_MAX_MEGABYTES
) -> tuple[dict[str, Any], str]:
    """The parsed TOML of a ``what`` file ("rule", "lexicon") and the label its errors start with.

    A path is read within ``max_megabytes`` (the configuration's max-file-size); a package resource is the
    plugin's own data and read whole.
    """
    label = str(path)
    tomllib = toml()
    try:
        if isinstance(path, (str, PathLike)):
            data = read_limited(Path(path), what, max_megabytes)
        else:
            data = path.read_bytes()
        return tomllib.loads(data.decode("utf-8-sig")), label
    except FileNotFoundError:
        raise DataRuleError(f"{label}: {what} file not found") from None
    except OSError as exc:
        raise DataRuleError(f"{label}: cannot read {what} file: {exc.strerror}") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DataRuleError(f"{label}: invalid TOML: {exc}") from None
    except RecursionError:
        raise DataRuleError(f"{label}: invalid TOML: nested too deeply") from None


def array_of_tables(data: Mapping[str, Any], name: str, label: str) -> list[Any]:
    """The ``[[name]]`` tables of a parsed file, in order (none when it has none)."""
    tables = data.get(name, [])
    if not isinstance(tables, list):
        raise DataRuleError(f"{label}: '{name}' must be an array of tables ([[{name}]])")
    return tables


def _fields(template: str) -> set[str]:
    """The placeholders of a message template; a conversion or format spec ({match:>999999}) is refused."""
    names = set()
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is not None:
            if spec or conversion:
                raise ValueError(f"placeholder {{{name}}} may not have a format or conversion")
            names.add(name)
    return names


class TableReader:
    """One table, read key by key: each getter checks the value's type and raises DataRuleError naming
    where the table is (file and table) and the key."""

    def __init__(self, raw: Mapping[str, Any], where: str) -> None:
        self.raw = raw
        self.where = where

    @classmethod
    def open(cls, raw: Any, where: str, table: str, keys: Collection[str]) -> TableReader:
        """A reader for ``raw``, one of the ``[[table]]`` tables, which may hold only ``keys``."""
        if not isinstance(raw, dict):
            raise DataRuleError(f"{where}: each [[{table}]] must be a table")
        reader = cls(raw, where)
        unknown = sorted(set(raw) - set(keys))
        if unknown:
            raise reader.fail(f"unknown key {unknown[0]!r} (keys: {', '.join(sorted(keys))})")
        return reader

    def __contains__(self, key: str) -> bool:
        return key in self.raw

    def fail(self, message: str) -> DataRuleError:
        return DataRuleError(f"{self.where}: {message}")

    def text(self, key: str, default: str | None = None, *, required: bool = False) -> str:
        value = self.raw.get(key, default)
        if value is None:
            if required:
                raise self.fail(f"'{key}' is missing")
            return ""
        if not isinstance(value, str):
            raise self.fail(f"'{key}' must be a string, got {value!r}")
        if required and not value.strip():
            raise self.fail(f"'{key}' must not be empty")
        return value

    def choice(self, key: str, choices: Sequence[str], default: str) -> str:
        value = self.raw.get(key, default)
        if value not in choices:
            raise self.fail(f"'{key}' must be one of {', '.join(choices)}, got {value!r}")
        return str(value)

    def severity(self, default: str = "warning") -> str:
        return self.choice("severity", SEVERITIES, default)

    def flag(self, key: str, default: bool) -> bool:
        value = self.raw.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(f"'{key}' must be true or false, got {value!r}")
        return value

    @overload
    def position(self, key: str, default: int) -> int: ...
    @overload
    def position(self, key: str, default: None) -> int | None: ...

    def position(self, key: str, default: int | None) -> int | None:
        """A word's position in a phrase, counting from 1."""
        value = self.raw.get(key, default)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
            raise self.fail(f"'{key}' must be a positive integer (1 is the first word)")
        return value

    def words(self, key: str, *, blank: bool = False) -> list[str]:
        """A string or a list of strings; ``blank`` lets them be empty."""
        value = self.raw.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and (blank or v.strip()) for v in value):
            expected = "a string or a list of strings" if blank else "a list of non-empty strings"
            raise self.fail(f"'{key}' must be {expected}")
        return value

    def template(self, key: str, default: str, allowed: frozenset[str]) -> str:
        """A message template whose ``{placeholders}`` are all in ``allowed``."""
        value = self.text(key, default) or default
        try:
            names = _fields(value)
        except ValueError as exc:
            raise self.fail(
                f"'{key}' is not a valid template ({exc}); write {{{{ and }}}} for braces"
            ) from None
        unknown = sorted(n for n in names if n not in allowed)
        if unknown:
            raise self.fail(
                f"'{key}' uses unknown placeholder {{{unknown[0]}}} "
                f"(known: {', '.join('{' + a + '}' for a in sorted(allowed))})"
            )
        return value
