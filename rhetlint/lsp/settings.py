"""What an editor may set under ``rhetlint``: select/ignore overrides, trust in local plugins, debounce, and
the largest document the server lints."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rhetlint.rules.selection import Selection

SETTINGS_SECTION = "rhetlint"
DEFAULT_DEBOUNCE_MS = 250
# The server lints on every pause in typing: 1 MB (about 170,000 words, thirty long features) already takes
# seconds a lint. The command line's max-file-size (20 MB) is for one run over a file, not one a keystroke.
DEFAULT_MAX_DOCUMENT_MB = 1.0
SETTING_KEYS = frozenset(
    {"select", "ignore", "extend_select", "allow_local_plugins", "debounce_ms", "max_document_size"}
)


# --- settings ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class EditorSettings:
    """What the editor may set under ``rhetlint``: overrides of select/ignore, and trust in local plugins."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    allow_local_plugins: bool = False
    debounce_ms: int = DEFAULT_DEBOUNCE_MS
    max_document_size: float = DEFAULT_MAX_DOCUMENT_MB  # megabytes of UTF-8

    @property
    def max_document_bytes(self) -> int:
        return int(self.max_document_size * 1_000_000)

    @property
    def max_message_bytes(self) -> int:
        """The largest message the server reads: enough for any document under the size limit even with
        every character escaped in the JSON (``\\u0001`` is six bytes for one), plus 1 MiB for the rest."""
        return 6 * self.max_document_bytes + 1_048_576

    @property
    def selection(self) -> Selection:
        return Selection(self.select, self.ignore, self.extend_select)

    @classmethod
    def parse(cls, data: Any) -> tuple[EditorSettings, list[str]]:
        """Read ``{"rhetlint": {...}}`` or the inner table; return the settings and one line per bad key.

        Keys may be camelCase (VS Code), kebab-case (rhetlint.toml) or snake_case; bad values keep the default.
        """
        data = settings_section(data)
        values: dict[str, Any] = {}
        problems: list[str] = []
        for raw_key, value in data.items():
            key = _snake(raw_key)
            if key in ("select", "ignore", "extend_select"):
                if key == "select" and value is None:
                    continue
                if isinstance(value, str):
                    value = [v.strip() for v in value.split(",") if v.strip()]
                if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                    problems.append(
                        f"setting rhetlint.{raw_key} must be a list of rule selectors, got {value!r}"
                    )
                    continue
                values[key] = tuple(value)
            elif key == "allow_local_plugins":
                if not isinstance(value, bool):
                    problems.append(f"setting rhetlint.{raw_key} must be true or false, got {value!r}")
                    continue
                values[key] = value
            elif key == "debounce_ms":
                if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 5000:
                    problems.append(
                        f"setting rhetlint.{raw_key} must be milliseconds (0-5000), got {value!r}"
                    )
                    continue
                values[key] = value
            elif key == "max_document_size":
                if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < 1e9:
                    problems.append(
                        f"setting rhetlint.{raw_key} must be a positive number of megabytes, got {value!r}"
                    )
                    continue
                values[key] = float(value)
            else:
                problems.append(
                    f"unknown setting rhetlint.{raw_key} (known: select, ignore, extendSelect, "
                    f"allowLocalPlugins, debounceMs, maxDocumentSize)"
                )
        return cls(**values), problems


def settings_section(data: Any) -> dict[str, Any]:
    """The ``rhetlint`` table of what a client sent: ``{"rhetlint": {...}}``, or the table itself when every
    key in it is one of ours (a settings object for other servers is not ours to complain about)."""
    if not isinstance(data, dict):
        return {}
    if SETTINGS_SECTION in data:
        return dict(data[SETTINGS_SECTION]) if isinstance(data[SETTINGS_SECTION], dict) else {}
    return dict(data) if data and all(_snake(k) in SETTING_KEYS for k in data) else {}


def _snake(key: str) -> str:
    out = "".join(f"_{c.lower()}" if c.isupper() else c for c in str(key))
    return out.replace("-", "_").lstrip("_")
