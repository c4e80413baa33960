"""Gitignore-style path patterns: ``exclude``, ``per-file-ignores`` and the ignore files of a walked tree.

pathspec implements git's rules (``!`` re-includes, a trailing ``/`` matches folders only, a slash other
than a trailing one anchors a pattern to its base folder, ``**`` spans folders), so the files rhetlint
walks are the ones git would show, inside a repository or not, without running git. The patterns compile
to regular expressions without nested repetition, so matching a path is linear in its length.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec

# Read in every walked folder, like git. A repository's .git/info/exclude applies below its root.
IGNORE_FILE = ".gitignore"
REPO_EXCLUDE = Path(".git") / "info" / "exclude"


class PatternError(ValueError):
    """A pattern git would refuse (a lone ``!``, a trailing backslash); the message names it."""


def _compile(patterns: Sequence[str]) -> pathspec.GitIgnoreSpec:
    import pathspec  # 15-20 ms: imported when a pattern is first needed (a folder walked, a configured one)

    for pattern in patterns:
        try:
            pathspec.GitIgnoreSpec.from_lines([pattern])
        except ValueError as exc:  # pathspec's GitIgnorePatternError is a ValueError
            raise PatternError(f"invalid pattern {pattern!r}: {exc}") from None
    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _relative(path: Path, base: Path) -> str | None:
    """``path`` relative to ``base`` in POSIX form, or None outside it (tried with and without symlinks)."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        pass
    try:  # the same place reached through a symbolic link (a temporary folder, a linked checkout)
        return path.resolve().relative_to(base).as_posix()
    except (ValueError, RuntimeError, OSError):  # outside the base, or a symbolic link that loops
        return None


@dataclass(frozen=True)
class PathPatterns:
    """Patterns relative to a base folder; the last pattern that matches a path decides, as in git."""

    spec: pathspec.GitIgnoreSpec
    base: Path | None  # None: match the path as given

    @classmethod
    def compile(cls, patterns: Sequence[str], base: Path | None) -> PathPatterns:
        """Compile configuration patterns; raises PatternError for one git would refuse."""
        return cls(_compile(patterns), Path(os.path.abspath(base)) if base is not None else None)

    @classmethod
    def read(cls, file: Path, base: Path) -> PathPatterns | None:
        """An ignore file's patterns (lines git would refuse are skipped, as git does); None if unreadable."""
        try:
            text = file.read_text(encoding="utf-8", errors="surrogateescape")
        except OSError:
            return None
        import pathspec

        usable = []
        for line in text.splitlines():
            try:
                pathspec.GitIgnoreSpec.from_lines([line])
            except ValueError:
                continue
            usable.append(line)
        return cls(pathspec.GitIgnoreSpec.from_lines(usable), Path(os.path.abspath(base))) if usable else None

    def decision(self, path: Path, is_dir: bool = False) -> bool | None:
        """True when a pattern ignores ``path``, False when a ``!`` pattern re-includes it, None if none
        speaks of it. A path outside the base folder is matched as given (its name, for most patterns)."""
        relative = _relative(path, self.base) if self.base is not None else None
        if relative is None:
            relative = path.as_posix().lstrip("/")
            while relative.startswith("./"):
                relative = relative[2:]
        if relative in ("", "."):
            return None
        return self.spec.check_file(relative + "/" if is_dir else relative).include

    def matches(self, path: Path, is_dir: bool = False) -> bool:
        return self.decision(path, is_dir) is True


@dataclass(frozen=True)
class IgnoreFiles:
    """The ignore files that apply in one folder of a walk, outermost first; the innermost that speaks of
    a path decides, as in git."""

    levels: tuple[PathPatterns, ...] = ()

    @classmethod
    def above(cls, folder: Path, stop: Path | None) -> IgnoreFiles:
        """The ignore files of ``folder`` and its parents, up to the root of the git repository it is in
        (the nearest folder holding ``.git``), or, outside any repository, up to ``stop`` when ``folder``
        lies inside it (the configuration's folder)."""
        folder = Path(os.path.abspath(folder))
        chain = [folder, *folder.parents]
        repo = next((i for i, d in enumerate(chain) if (d / ".git").exists()), None)
        if repo is not None:
            chain = chain[: repo + 1]
        elif stop is not None and _relative(folder, Path(os.path.abspath(stop))) is not None:
            stop_abs = Path(os.path.abspath(stop))
            chain = [d for d in chain if _relative(d, stop_abs) is not None]
        else:
            chain = [folder]
        levels: list[PathPatterns] = []
        for i, directory in enumerate(reversed(chain)):
            if i == 0 and repo is not None:
                exclude = PathPatterns.read(directory / REPO_EXCLUDE, directory)
                if exclude is not None:
                    levels.append(exclude)
            own = PathPatterns.read(directory / IGNORE_FILE, directory)
            if own is not None:
                levels.append(own)
        return cls(tuple(levels))

    def within(self, folder: Path) -> IgnoreFiles:
        """These ignore files and ``folder``'s own, for the paths inside ``folder``."""
        own = PathPatterns.read(folder / IGNORE_FILE, folder)
        return IgnoreFiles((*self.levels, own)) if own is not None else self

    def ignored(self, path: Path, is_dir: bool = False) -> bool:
        for level in reversed(self.levels):
            decision = level.decision(path, is_dir)
            if decision is not None:
                return decision
        return False
