"""Configuration: ``rhetlint.toml``, ``.rhetlint.toml`` or ``[tool.rhetlint]`` in ``pyproject.toml``.

Found by walking up from each checked file; ``--config`` overrides the search. Unknown keys and wrong
types are errors that name the file, the key and what was expected, because a typo that silently does
nothing is the worst failure a linter configuration can have.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from rhetlint.lint.ignore import PathPatterns, PatternError
from rhetlint.model.errors import ConfigError
from rhetlint.rules.data.reader import DEFAULT_MAX_MEGABYTES, read_limited, toml

__all__ = [
    "CONFIG_NAMES",
    "FAIL_LEVELS",
    "Config",
    "ConfigCache",
    "ConfigError",
    "config_from_mapping",
    "configures_rhetlint",
    "find_config_file",
    "load_config",
]

CONFIG_NAMES = ("rhetlint.toml", ".rhetlint.toml", "pyproject.toml")
DEFAULT_INCLUDE = ["*.md", "*.markdown", "*.mdx", "*.txt", "*.text", "*.html", "*.htm"]
DEFAULT_EXCLUDE = [
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    "node_modules",
    "__pycache__",
    ".tox",
    "build",
    "dist",
]
FAIL_LEVELS = ("error", "warning", "info")


# key -> (expected type description, checker)
def _is_str_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _is_str_table(v: Any) -> bool:
    return isinstance(v, dict) and all(isinstance(x, str) for x in v.values())


def _is_list_table(v: Any) -> bool:
    return isinstance(v, dict) and all(_is_str_list(x) for x in v.values())


def _is_table_of_tables(v: Any) -> bool:
    return isinstance(v, dict) and all(isinstance(x, dict) for x in v.values())


SCHEMA: dict[str, tuple[str, Any]] = {
    "select": ("a list of strings", _is_str_list),
    "ignore": ("a list of strings", _is_str_list),
    "extend-select": ("a list of strings", _is_str_list),
    "severity": ('a table of rule = "error"|"warning"|"info"', _is_str_table),
    "per-file-ignores": ("a table of glob = [rules]", _is_list_table),
    "rules": ("a table of [rules.NAME] option tables", _is_table_of_tables),
    "plugins-dir": ("a string (a folder of plugin .py files)", lambda v: isinstance(v, str)),
    "disable-plugins": ("a list of plugin names", _is_str_list),
    "include": ("a list of glob strings", _is_str_list),
    "exclude": ("a list of glob strings", _is_str_list),
    "extend-exclude": ("a list of glob strings", _is_str_list),
    "fail-on": ('"error", "warning" or "info"', lambda v: v in FAIL_LEVELS),
    "output-format": ("a string (a format name)", lambda v: isinstance(v, str)),
    "max-file-size": (
        "a positive number of megabytes",
        lambda v: isinstance(v, (int, float)) and v > 0 and not isinstance(v, bool),
    ),
    "rule-time-budget": (
        "a number of seconds (0 for no budget)",
        lambda v: isinstance(v, (int, float)) and v >= 0 and not isinstance(v, bool),
    ),
    "sides": ("a table of side = [names]", _is_list_table),
    "quote-aware": ("a boolean", lambda v: isinstance(v, bool)),
    "rule-files": ("a list of TOML rule files (rules as data)", _is_str_list),
    "cache": ("a boolean (keep results of unchanged files between runs)", lambda v: isinstance(v, bool)),
    "cache-dir": ("a string (a folder for the results cache)", lambda v: isinstance(v, str) and bool(v)),
}


@dataclass
class Config:
    path: Path | None = None  # the file it came from; None for defaults
    root: Path = field(default_factory=Path.cwd)  # globs in the file are relative to this folder
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    plugins_dir: Path | None = None
    disable_plugins: list[str] = field(default_factory=list)
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    fail_on: str = "warning"
    output_format: str = "text"
    max_file_size: float = DEFAULT_MAX_MEGABYTES
    rule_time_budget: float = 60.0  # seconds one rule may take on one document before it is stopped
    sides: dict[str, list[str]] = field(default_factory=dict)
    quote_aware: bool = True
    rule_files: list[Path] = field(default_factory=list)  # data-rule TOML files (rhetlint.rules.data)
    cache: bool = True  # keep each file's results between runs (rhetlint.lint.results_cache)
    cache_dir: Path | None = None  # None: the user cache folder

    @property
    def label(self) -> str:
        return str(self.path) if self.path else "<defaults>"

    def rule_options(self, rule_code: str, rule_name: str) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for key in (rule_code, rule_name):
            merged.update(self.rules.get(key, {}))
        return merged


def _read_toml(path: Path) -> dict[str, Any]:
    # within the default max-file-size: a configuration named rhetlint.toml may be a link to /dev/zero
    tomllib = toml()
    try:
        return tomllib.loads(read_limited(path, "configuration", DEFAULT_MAX_MEGABYTES).decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror}") from None


def load_config(path: Path) -> Config:
    """Read one configuration file; raise ConfigError with a one-line message on any problem."""
    path = path.resolve()
    data = _read_toml(path)
    prefix = ""
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("rhetlint", {})
        prefix = "tool.rhetlint."
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: {prefix or 'the file'} must be a table")
    return config_from_mapping(data, path, path.parent, prefix)


def config_from_mapping(
    data: dict[str, Any], path: Path | None = None, root: Path | None = None, prefix: str = ""
) -> Config:
    """Build a Config from already-parsed TOML data, validating every key the same way as a file."""
    root = root or Path.cwd()
    config = Config(path=path, root=root)
    where = str(path) if path else "<configuration>"
    for key, value in data.items():
        if key not in SCHEMA:
            known = ", ".join(sorted(SCHEMA))
            raise ConfigError(f"{where}: unknown key '{prefix}{key}' (known keys: {known})")
        expected, check = SCHEMA[key]
        if not check(value):
            raise ConfigError(f"{where}: '{prefix}{key}' must be {expected}, got {value!r}")
        if key == "severity":
            for rule, level in value.items():
                if level not in FAIL_LEVELS:
                    raise ConfigError(
                        f'{where}: \'{prefix}severity.{rule}\' must be "error", "warning" or '
                        f'"info", got {level!r}'
                    )
        if key in ("exclude", "extend-exclude", "per-file-ignores"):
            patterns = [p.removeprefix("!") if key == "per-file-ignores" else p for p in value]
            try:
                PathPatterns.compile(patterns, root)
            except PatternError as exc:
                raise ConfigError(f"{where}: '{prefix}{key}': {exc}") from None
        attr = key.replace("-", "_")
        if key == "plugins-dir":
            value = (root / value).resolve()
        if key == "cache-dir":
            value = (root / value).resolve()
        if key == "rule-files":
            value = [(root / v).resolve() for v in value]
        if key == "extend-exclude":
            config.exclude = config.exclude + list(value)
            continue
        setattr(config, attr, value)
    return config


def configures_rhetlint(path: Path) -> bool:
    """Whether a pyproject.toml has a [tool.rhetlint] table; one that cannot be read is read again by
    load_config, which reports the problem in one line."""
    try:
        data = read_limited(path, "configuration", DEFAULT_MAX_MEGABYTES)
    except ConfigError:
        return True  # too big: load it, so its error is shown
    except OSError:
        return False
    if b"rhetlint" not in data:
        return False
    tomllib = toml()
    try:
        tool = tomllib.loads(data.decode("utf-8")).get("tool", {})
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError):
        return True  # it mentions rhetlint but cannot be read: load it, so its error is shown
    return isinstance(tool, dict) and "rhetlint" in tool


@lru_cache(maxsize=256)
def find_config_file(folder: Path) -> Path | None:
    """Walk up from ``folder`` to the first folder holding a rhetlint configuration.

    The walk stops at the root of the repository the folder is in (the first folder holding ``.git``): a
    configuration planted above a clone, in a shared parent folder, must not govern it.
    """
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = candidate_dir / name
            if candidate.is_file():
                if name == "pyproject.toml" and not configures_rhetlint(candidate):
                    continue
                return candidate
        if (candidate_dir / ".git").exists():
            return None
    return None


class ConfigCache:
    """Load each configuration file once per run."""

    def __init__(self, override: Path | None = None) -> None:
        self.override = override
        self._loaded: dict[Path | None, Config] = {}
        self._sources: dict[Path, Path | None] = {}

    def for_file(self, path: Path | None) -> Config:
        source: Path | None
        if self.override is not None:
            source = self.override
        else:
            parent = path.parent if path is not None else Path.cwd()
            if parent in self._sources:  # the files of one folder share its search (one resolve per folder)
                source = self._sources[parent]
            else:
                source = self._sources[parent] = find_config_file(parent.resolve())
        if source not in self._loaded:
            self._loaded[source] = load_config(source) if source else Config()
        return self._loaded[source]
