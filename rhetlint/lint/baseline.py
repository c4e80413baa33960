"""A baseline: the findings a newsroom accepts for now, so only new ones fail a run.

``rhetlint check --write-baseline FILE`` records the current findings; ``--baseline FILE`` hides the
findings recorded there. A finding is matched by its fingerprint (``rhetlint.model.fingerprint``: path,
rule, flagged words and the words of its line, never the line number), so edits elsewhere in a draft keep
it matched. Paths are stored relative to the baseline's folder, so the file works from any working folder.
Rule errors (RL900) are never recorded: a crash is not a finding to accept.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from rhetlint.lint.config import ConfigError
from rhetlint.model.diagnostics import Diagnostic
from rhetlint.model.fingerprint import fingerprints
from rhetlint.text.lines import LineIndex

BASELINE_VERSION = 1
NEVER_BASELINED = frozenset({"RL900"})


def _relative(path: str, folder: Path) -> str:
    """``path`` (as reported) relative to ``folder``, with forward slashes; standard input stays ``-``."""
    if path == "-":
        return path
    absolute = os.path.abspath(path)
    try:
        return Path(os.path.relpath(absolute, folder)).as_posix()
    except ValueError:  # another drive
        return Path(absolute).as_posix()


def _prints(diagnostics: Sequence[Diagnostic], sources: Mapping[str, str], folder: Path) -> list[str]:
    indexes: dict[str, LineIndex] = {}

    def line_text(d: Diagnostic) -> str | None:
        if d.path not in sources:
            return None
        index = indexes.setdefault(d.path, LineIndex(sources[d.path]))
        return index.line_text(d.start.line) if 1 <= d.start.line <= index.line_count() else None

    return fingerprints(diagnostics, line_text, lambda d: _relative(d.path, folder))


def _folder(baseline: Path) -> Path:
    return Path(os.path.abspath(baseline)).parent


def baseline_document(
    target: Path, diagnostics: Sequence[Diagnostic], sources: Mapping[str, str]
) -> dict[str, Any]:
    """The baseline document recording ``diagnostics`` (in file order), for a file at ``target``."""
    recorded = [d for d in diagnostics if d.code not in NEVER_BASELINED]
    folder = _folder(target)
    findings = [
        {
            "path": _relative(d.path, folder),
            "code": d.code,
            "name": d.name,
            "line": d.start.line,
            "match": d.match,
            "fingerprint": fingerprint,
        }
        for d, fingerprint in zip(recorded, _prints(recorded, sources, folder), strict=True)
    ]
    return {"version": BASELINE_VERSION, "tool": "rhetlint", "findings": findings}


class Baseline:
    """The fingerprints of a baseline file, each as many times as it was recorded."""

    def __init__(self, path: Path, counts: Counter[str]) -> None:
        self.path = path
        self.counts = counts

    @classmethod
    def load(cls, path: Path) -> Baseline:
        """Read a baseline file; anything wrong with it is a one-line ConfigError naming it."""
        where = f"baseline {path}"
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise ConfigError(f"{where}: no such file (create it with --write-baseline)") from None
        except OSError as exc:
            raise ConfigError(f"{where}: cannot read: {exc.strerror}") from None
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise ConfigError(f"{where}: not UTF-8 JSON") from None
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{where}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
        except RecursionError:
            raise ConfigError(f"{where}: not valid JSON (nested too deeply)") from None
        if not isinstance(data, dict) or "version" not in data or not isinstance(data.get("findings"), list):
            raise ConfigError(
                f"{where}: not a rhetlint baseline (expected an object with version and findings)"
            )
        if data["version"] != BASELINE_VERSION:
            raise ConfigError(
                f"{where}: version {data['version']!r} is not one this rhetlint reads ({BASELINE_VERSION})"
            )
        counts: Counter[str] = Counter()
        for i, finding in enumerate(data["findings"]):
            if not isinstance(finding, dict) or not isinstance(finding.get("fingerprint"), str):
                raise ConfigError(f"{where}: finding {i + 1} has no fingerprint string")
            counts[finding["fingerprint"]] += 1
        return cls(path, counts)

    def hide(
        self, diagnostics: Sequence[Diagnostic], sources: Mapping[str, str]
    ) -> tuple[list[Diagnostic], int]:
        """The diagnostics not in the baseline (in order), and how many were hidden."""
        remaining = Counter(self.counts)
        candidates = [d for d in diagnostics if d.code not in NEVER_BASELINED]
        hidden: set[int] = set()
        for d, fingerprint in zip(candidates, _prints(candidates, sources, _folder(self.path)), strict=True):
            if remaining[fingerprint] > 0:
                remaining[fingerprint] -= 1
                hidden.add(id(d))
        return [d for d in diagnostics if id(d) not in hidden], len(hidden)
