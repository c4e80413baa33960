"""Entry points read from entry_points.txt files find what importlib.metadata finds, without importing it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from importlib import metadata
from pathlib import Path

import pytest

from rhetlint.hooks import entry_points as scanner

try:  # installed with dask (the audit extra), which imports it
    import importlib_metadata as backport
except ImportError:  # pragma: no cover - an install without the audit extra
    backport = None


def _dist(folder: Path, stem: str, headers: str, entry_points: str, meta_file: str = "METADATA") -> None:
    info = folder / stem
    info.mkdir(parents=True)
    (info / meta_file).write_text(headers, encoding="utf-8")
    (info / "entry_points.txt").write_text(textwrap.dedent(entry_points), encoding="utf-8")


@pytest.fixture
def site(tmp_path, monkeypatch):
    """Two folders on sys.path with distributions of every shape the scanner reads."""
    first, second = tmp_path / "first", tmp_path / "second"
    _dist(
        first,
        "Alpha_Plug-1.2.dist-info",
        "Metadata-Version: 2.1\nName: alpha-plug\nVersion: 1.2\n\nName: not a header\n",
        """
        # a comment
        [console_scripts]
        alpha = alpha_plug.cli:main

        [rhetlint]
        alpha = alpha_plug
        alpha-rules = alpha_plug.rules:Plugin.instance [extra]
        """,
    )
    _dist(first, "beta.egg-info", "Metadata-Version: 1.1\nName: beta\nVersion: 0.3.dev1\n",
          "[rhetlint]\nbeta=beta_mod\n", meta_file="PKG-INFO")  # fmt: skip
    _dist(first, "gamma-2.0.dist-info", "Name: gamma\nVersion: 2.0\n", "[other]\ng = gamma\n")
    # the same distribution again, later on the path: shadowed, as importlib.metadata has it
    _dist(
        second,
        "alpha_plug-0.9.dist-info",
        "Name: alpha-plug\nVersion: 0.9\n",
        "[rhetlint]\nold = alpha_old\n",
    )
    _dist(second, "delta-4.dist-info", "Name: delta\nVersion: 4\n", "[rhetlint]\ndelta = delta.plugin\n")
    monkeypatch.setattr(sys, "path", [str(first), str(tmp_path / "missing"), str(second)])
    # the distribution finders that read sys.path (the importlib_metadata backport, once imported, takes the
    # place of the standard library's); none of a vendor's
    standard = [
        f for f in sys.meta_path if not hasattr(f, "find_distributions") or scanner._searches_sys_path(f)
    ]
    monkeypatch.setattr(sys, "meta_path", standard)
    return tmp_path


def _importlib_view(group: str) -> list[tuple[str, str, str, str]]:
    return [
        (ep.name, ep.value, ep.dist.metadata["Name"], ep.dist.version)  # type: ignore[union-attr]
        for ep in metadata.entry_points(group=group)
    ]


def test_the_scan_finds_what_importlib_metadata_finds(site):
    found = [(e.name, e.value, e.dist_name, e.version) for e in scanner.entry_points("rhetlint")]
    assert found == [
        ("alpha", "alpha_plug", "alpha-plug", "1.2"),
        ("alpha-rules", "alpha_plug.rules:Plugin.instance [extra]", "alpha-plug", "1.2"),
        ("beta", "beta_mod", "beta", "0.3.dev1"),
        ("delta", "delta.plugin", "delta", "4"),
    ]
    assert sorted(found) == sorted(_importlib_view("rhetlint"))


def test_the_scan_matches_importlib_metadata_on_this_environment():
    mine = sorted((e.name, e.value, e.dist_name, e.version) for e in scanner.entry_points("rhetlint"))
    assert mine == sorted(_importlib_view("rhetlint"))
    assert {"loaded-language", "attribution", "sourcing"} <= {name for name, *_ in mine}


def test_a_zip_on_the_path_hands_the_search_to_importlib_metadata(site, monkeypatch):
    archive = site / "plugins.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\0" * 18)  # an empty zip file
    monkeypatch.setattr(sys, "path", [*sys.path, str(archive)])
    called = []
    monkeypatch.setattr(scanner, "_from_importlib", lambda group: called.append(group) or [])
    assert scanner.entry_points("rhetlint") == []
    assert called == ["rhetlint"]


def test_load_imports_the_module_and_follows_the_attribute(tmp_path, monkeypatch):
    (tmp_path / "ep_target_mod.py").write_text(
        "class Plugin:\n    instance = 'the instance'\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    point = scanner.EntryPoint("x", "ep_target_mod:Plugin.instance [extra]", "x", "1")
    assert point.load() == "the instance"
    assert scanner.EntryPoint("x", "ep_target_mod", "x", "1").load().__name__ == "ep_target_mod"
    with pytest.raises(ValueError, match="not an entry point value"):
        scanner.EntryPoint("x", "not a value!", "x", "1").load()
    sys.modules.pop("ep_target_mod", None)


def test_loading_the_plugins_does_not_import_importlib_metadata():
    code = (
        "import sys\nfrom rhetlint.hooks.manager import load_plugins\nload_plugins()\n"
        "print('importlib.metadata' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.skipif(backport is None, reason="the importlib_metadata backport is not installed")
def test_the_importlib_metadata_backport_s_finder_keeps_the_scan(site, monkeypatch):
    finder = backport.MetadataPathFinder()
    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, finder])
    monkeypatch.setattr(scanner, "_from_importlib", lambda group: pytest.fail("handed to importlib.metadata"))
    assert [e.name for e in scanner.entry_points("rhetlint")] == ["alpha", "alpha-rules", "beta", "delta"]


def test_another_distribution_finder_hands_the_search_to_importlib_metadata(site, monkeypatch):
    class VendorFinder:
        def find_spec(self, *args):
            return None

        def find_distributions(self, context=None):
            return iter(())

    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, VendorFinder()])
    monkeypatch.setattr(scanner, "_from_importlib", lambda group: [scanner.EntryPoint("x", "x", "x", "1")])
    assert [e.name for e in scanner.entry_points("rhetlint")] == ["x"]
