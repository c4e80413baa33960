"""Shared fixtures: a tmp project with a local test plugin, and helpers that run the command line.

Tests never depend on which built-in rule plugins are installed: ``RHETLINT_LOAD_PLUGINS`` is set to the
empty string for every test, so no entry-point plugin loads unless a test asks for one by name. The rules
under test come from ``MARKER_PLUGIN``, written into the project's local plugins folder.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from sample_plugins import MARKER_PLUGIN

from rhetlint import cli
from rhetlint.lint.config import find_config_file

BASE_CONFIG = 'plugins-dir = "plugins"\n'


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path_factory):
    """No entry-point plugins, no colour, no tracing, a fresh config-file search and an empty results
    cache for each test.

    The test projects' own plugins-dir is trusted (RHETLINT_ALLOW_LOCAL_PLUGINS=1); tests of the refusal
    unset it."""
    monkeypatch.setenv("RHETLINT_LOAD_PLUGINS", "")
    monkeypatch.setenv("RHETLINT_ALLOW_LOCAL_PLUGINS", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("RHETLINT_CACHE_DIR", str(tmp_path_factory.mktemp("results-cache")))
    for name in ("RHETLINT_TRACE_PLUGINS", "RHETLINT_CONTEXT"):
        monkeypatch.delenv(name, raising=False)
    find_config_file.cache_clear()
    yield
    find_config_file.cache_clear()


class Project:
    """A folder with ``rhetlint.toml`` (``plugins-dir = "plugins"``) and ``plugins/marker.py``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "plugins").mkdir(parents=True)
        (root / "plugins" / "marker.py").write_text(MARKER_PLUGIN, encoding="utf-8")
        self.config(BASE_CONFIG)

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_bytes(text.encode("utf-8"))  # no newline translation: CRLF stays CRLF
        return path

    def config(self, text: str, name: str = "rhetlint.toml") -> Path:
        find_config_file.cache_clear()
        return self.write(name, text)

    def plugin(self, name: str, code: str) -> Path:
        return self.write(f"plugins/{name}.py", textwrap.dedent(code))


@pytest.fixture
def project(tmp_path) -> Project:
    return Project(tmp_path / "proj")


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def run_cli(capsys, monkeypatch):
    """Call ``rhetlint.cli.main`` in-process; ``stdin`` (bytes) feeds ``-``."""

    def run(args, cwd: Path | None = None, stdin: bytes | None = None) -> Result:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        capsys.readouterr()
        code = cli.main([str(a) for a in args])
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run


@pytest.fixture
def run_process():
    """Run ``python -m rhetlint`` in a real process; ``pythonpath`` entries are prepended to PYTHONPATH."""

    def run(
        args,
        cwd: Path,
        *,
        stdin: bytes | None = None,
        pythonpath: list[Path] = (),
        env: dict[str, str] | None = None,
    ) -> Result:
        environ = dict(os.environ)
        paths = [str(p) for p in pythonpath]
        if environ.get("PYTHONPATH"):
            paths.append(environ["PYTHONPATH"])
        if paths:
            environ["PYTHONPATH"] = os.pathsep.join(paths)
        environ.update(env or {})
        proc = subprocess.run(
            [sys.executable, "-m", "rhetlint", *map(str, args)],
            cwd=cwd,
            input=stdin or b"",
            capture_output=True,
            timeout=120,
            env=environ,
        )
        return Result(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))

    return run


def make_distribution(
    folder: Path,
    module_source: str,
    *,
    dist: str = "fakeplug",
    version: str = "0.1",
    entry_name: str = "fakeplug",
    module: str = "fakeplug",
) -> Path:
    """Write a fake installed distribution: ``<dist>-<version>.dist-info`` declaring a ``rhetlint`` entry point."""
    folder.mkdir(parents=True, exist_ok=True)
    info = folder / f"{dist}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(f"[rhetlint]\n{entry_name} = {module}\n", encoding="utf-8")
    (folder / f"{module}.py").write_text(textwrap.dedent(module_source), encoding="utf-8")
    return folder


@pytest.fixture
def fake_dist():
    """Make a fake distribution; the module is forgotten again after the test so names can be reused."""
    made: list[str] = []

    def make(folder: Path, module_source: str, **kwargs) -> Path:
        made.append(kwargs.get("module", "fakeplug"))
        return make_distribution(folder, module_source, **kwargs)

    yield make
    for module in made:
        sys.modules.pop(module, None)
