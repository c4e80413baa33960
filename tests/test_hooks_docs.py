"""The plugin docs cannot drift from the code: every hook, Document attribute and Finding field is documented
with its exact signature, nothing documented is gone, and RHETLINT_TRACE_PLUGINS shows every hook call."""

from __future__ import annotations

import dataclasses
import inspect
import re
from pathlib import Path

import pytest

from rhetlint.hooks import specs as hookspecs
from rhetlint.hooks.manager import load_plugins
from rhetlint.model.diagnostics import Diagnostic, Finding, Fix, Related
from rhetlint.model.document import Document

DOCS = Path(__file__).resolve().parent.parent / "docs" / "plugins"
HOOKS_PAGE = DOCS / "hooks.md"


def hook_specs() -> dict[str, object]:
    return {
        name: f
        for name, f in inspect.getmembers(hookspecs, inspect.isfunction)
        if name.startswith("rhetlint_") and hasattr(f, "rhetlint_spec")
    }


def signature(function: object) -> str:
    """``name(arg: type, ...) -> type`` from the (string) annotations, as written in rhetlint/hooks/specs.py."""
    annotations = function.__annotations__
    params = ", ".join(f"{p}: {annotations[p]}" for p in inspect.signature(function).parameters)
    return f"{function.__name__}({params}) -> {annotations['return']}"


def hook_sections() -> dict[str, str]:
    """The text of each ``### rhetlint_…`` section of hooks.md."""
    text = HOOKS_PAGE.read_text(encoding="utf-8")
    parts = re.split(r"^### (rhetlint_\w+)\s*$", text, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_there_are_hooks_to_document() -> None:
    assert {"rhetlint_register_rules", "rhetlint_parse_document"} <= set(hook_specs())


@pytest.mark.parametrize("name", sorted(hook_specs()))
def test_hook_is_documented_with_its_exact_signature(name: str) -> None:
    sections = hook_sections()
    assert name in sections, f"{name} has no '### {name}' section in {HOOKS_PAGE}"
    expected = signature(hook_specs()[name])
    assert f"```python\n{expected}\n```" in sections[name], (
        f"the signature of {name} in {HOOKS_PAGE.name} differs from rhetlint/hooks/specs.py; expected:\n{expected}"
    )


@pytest.mark.parametrize("name", sorted(hook_specs()))
def test_hook_options_are_documented(name: str) -> None:
    spec = hook_specs()[name].rhetlint_spec
    section = hook_sections()[name]
    assert "**When:**" in section
    if spec["firstresult"]:
        assert "firstresult" in section and "first" in section
    if spec["historic"]:
        assert "historic" in section.lower()


def test_every_hook_is_in_the_summary_table() -> None:
    text = HOOKS_PAGE.read_text(encoding="utf-8")
    for name in hook_specs():
        assert f"[`{name}`](#{name})" in text


def test_no_documented_hook_is_gone() -> None:
    stale = set(hook_sections()) - set(hook_specs())
    assert not stale, (
        f"{HOOKS_PAGE.name} documents hooks that rhetlint/hooks/specs.py no longer has: {sorted(stale)}"
    )


def test_signature_helper_would_notice_a_change() -> None:
    def rhetlint_example(register: int, extra: str | None) -> None: ...

    assert signature(rhetlint_example) == "rhetlint_example(register: int, extra: str | None) -> None"


def public_document_api() -> set[str]:
    names = {n for n in vars(Document) if not n.startswith("_")}
    names |= {n for n in vars(Document("x")) if not n.startswith("_")}
    return names


@pytest.mark.parametrize("name", sorted(public_document_api()))
def test_document_attribute_is_documented(name: str) -> None:
    text = (DOCS / "document.md").read_text(encoding="utf-8")
    assert f"doc.{name}" in text or f"Document.{name}" in text, f"docs/plugins/document.md lacks doc.{name}"


@pytest.mark.parametrize("cls", [Finding, Fix, Related, Diagnostic], ids=lambda c: c.__name__)
def test_finding_and_diagnostic_fields_are_documented(cls: type) -> None:
    text = (DOCS / "diagnostics.md").read_text(encoding="utf-8")
    for f in dataclasses.fields(cls):
        assert f"`{f.name}`" in text, f"docs/plugins/diagnostics.md lacks {cls.__name__}.{f.name}"


def test_every_plugin_page_is_linked_from_the_index() -> None:
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    for page in DOCS.glob("*.md"):
        if page.name != "README.md":
            assert f"({page.name})" in index, f"docs/plugins/README.md does not link {page.name}"


# --- tracing ---------------------------------------------------------------------------------------
class _Recorder:
    """A plugin implementing both registration hooks, to see them in the trace."""

    __name__ = "recorder"

    @hookspecs.hookimpl
    def rhetlint_register_rules(self, register):
        pass

    @hookspecs.hookimpl
    def rhetlint_register_formatters(self, register):
        pass


def test_trace_shows_registration_hooks_per_plugin(monkeypatch, capsys) -> None:
    monkeypatch.setenv("RHETLINT_TRACE_PLUGINS", "1")
    plugins = load_plugins(entry_points=False, extra=[_Recorder()])
    assert plugins.registry.get("RL001") is not None
    assert "text" in plugins.formatters
    err = capsys.readouterr().err
    assert "rhetlint: trace: rhetlint_register_rules(register) -> [rhetlint.rules.core]" in err
    assert "rhetlint: trace: rhetlint_register_rules(register) -> [recorder]" in err
    assert "rhetlint: trace: rhetlint_register_formatters(register) -> [rhetlint.output]" in err
    assert "rhetlint: trace: rhetlint_register_formatters(register) -> [recorder]" in err


def test_trace_shows_a_registration_that_raises(monkeypatch, capsys) -> None:
    class Broken:
        __name__ = "broken"

        @hookspecs.hookimpl
        def rhetlint_register_rules(self, register):
            raise KeyError("severity")

    monkeypatch.setenv("RHETLINT_TRACE_PLUGINS", "1")
    plugins = load_plugins(entry_points=False, extra=[Broken()])
    plugins.registry  # noqa: B018
    assert "rhetlint: trace: rhetlint_register_rules raised KeyError('severity')" in capsys.readouterr().err
    assert plugins.problems == ["plugin broken: registering rules failed: KeyError: 'severity'"]


def test_no_trace_without_the_variable(capsys) -> None:
    load_plugins(entry_points=False).registry  # noqa: B018
    assert "trace" not in capsys.readouterr().err


def test_registration_passes_only_the_arguments_an_implementation_names() -> None:
    """Opt-in arguments: a hook implementation may take fewer arguments than the spec."""
    calls = []

    class Minimal:
        __name__ = "minimal"

        @hookspecs.hookimpl
        def rhetlint_register_rules(self):
            calls.append("called")

    plugins = load_plugins(entry_points=False, extra=[Minimal()])
    plugins.registry  # noqa: B018
    assert calls == ["called"] and plugins.problems == []
