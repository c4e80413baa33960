"""Output formats: text, json, sarif (validated against the SARIF 2.1.0 schema) and GitHub annotations."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest

from rhetlint import __version__
from rhetlint.model.diagnostics import Diagnostic, Fix, Position
from rhetlint.output.base import FileError, Report
from rhetlint.output.github import GitHubFormatter
from rhetlint.output.json_format import JSONFormatter
from rhetlint.output.sarif import SARIFFormatter
from rhetlint.output.text import TextFormatter

# Vendored in tests/schemas (see its README): a missing file fails the tests that need it.
SARIF_SCHEMA = Path(__file__).resolve().parent / "schemas" / "sarif-schema-2.1.0.json"

TEXT = "A zork and a blorp.\n"  # T101 warning at 1:3..1:7, T202 info at 1:14..1:19

# A rule with a fix, related locations and data, to exercise every optional field.
FIXER = '''
from rhetlint import Finding, Fix, Related, hookimpl, rule

@rule(code="T404", name="fixable-word", category="fake", severity="error")
def fixable(doc, options):
    """Flags qux and offers a fix."""
    for t in doc.tokens:
        if t.norm == "qux":
            yield Finding(t.start, t.end, f"replace '{t.text}'", fixes=(Fix("Replace with 'quux'", "quux"),),
                          related=(Related(0, 1, "see the start"),), data={"term": "qux"})

@hookimpl
def rhetlint_register_rules(register):
    register(fixable)
'''

DIAGNOSTIC_KEYS = {
    "path",
    "code",
    "name",
    "category",
    "severity",
    "message",
    "start",
    "end",
    "match",
    "fixes",
    "url",
    "plugin",
}


def diag(
    path="a.md",
    message="marker 'zork' found",
    code="T101",
    name="marker-word",
    severity="warning",
    start=(1, 3, 2),
    end=(1, 7, 6),
    **kwargs,
) -> Diagnostic:
    return Diagnostic(
        path=path,
        code=code,
        name=name,
        category="testing",
        severity=severity,
        message=message,
        start=Position(*start),
        end=Position(*end),
        match="zork",
        plugin="local:marker",
        **kwargs,
    )


def render(formatter_class, report: Report, **kwargs) -> str:
    stream = io.StringIO()
    formatter_class(stream, **kwargs).write(report)
    return stream.getvalue()


def sarif_validator():
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def assert_valid_sarif(document) -> None:
    errors = sorted(sarif_validator().iter_errors(document), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


# --- text --------------------------------------------------------------------------------------------
def test_text_lines_have_the_gcc_shape(project, run_cli):
    project.write("a.md", TEXT)
    result = run_cli(["check", "a.md", "--fail-on", "info"], cwd=project.root)
    assert result.out == (
        "a.md:1:3: warning: marker 'zork' found [T101 marker-word]\n"
        "a.md:1:14: info: other 'blorp' found [T202 other-word]\n"
    )
    assert result.err == "2 problems in 1 file checked\n"
    assert result.code == 1


def test_text_summary_when_clean_and_quiet(project, run_cli):
    project.write("a.md", "Nothing.\n")
    project.write("b.md", "Nothing either.\n")
    clean = run_cli(["check", "a.md", "b.md"], cwd=project.root)
    assert (clean.code, clean.out, clean.err) == (0, "", "No problems in 2 files checked.\n")
    project.write("c.md", TEXT)
    quiet = run_cli(["check", "c.md", "--quiet"], cwd=project.root)
    assert quiet.err == ""
    assert len(quiet.lines) == 2


def test_text_statistics(project, run_cli):
    project.write("a.md", "zork zork blorp\n")
    result = run_cli(["check", "a.md", "--statistics"], cwd=project.root)
    assert result.lines[-2:] == ["     2  T101   marker-word", "     1  T202   other-word"]


def test_text_colour_always_and_never(project, run_cli):
    project.write("a.md", "A zork.\n")
    coloured = run_cli(["check", "a.md", "--color", "always"], cwd=project.root)
    assert coloured.lines[0] == (
        "\033[1ma.md:1:3:\033[0m \033[33mwarning\033[0m: marker 'zork' found \033[2m[T101 marker-word]\033[0m"
    )
    assert coloured.lines[1:] == ["    A zork.", "    \033[33m  ^^^^\033[0m"]
    plain = run_cli(["check", "a.md", "--color", "never"], cwd=project.root)
    assert "\033" not in plain.out


def test_text_context_lines_on_request(project, run_cli, monkeypatch):
    monkeypatch.setenv("RHETLINT_CONTEXT", "1")
    project.write("a.md", "One.\n\nA\t\U0001f600 zork.\n")
    result = run_cli(["check", "a.md"], cwd=project.root)
    # the tab is shown as a space so the caret (one per code point) lines up
    assert result.lines == [
        "a.md:3:5: warning: marker 'zork' found [T101 marker-word]",
        "    A \U0001f600 zork.",
        "        ^^^^",
    ]


def test_text_formatter_unit():
    out = render(TextFormatter, Report([diag(path="dir/x.txt", severity="error")], quiet=True), color=False)
    assert out == "dir/x.txt:1:3: error: marker 'zork' found [T101 marker-word]\n"


# --- json ----------------------------------------------------------------------------------------------
def test_json_has_exactly_the_documented_keys(project, run_cli):
    project.write("a.md", TEXT)
    result = run_cli(["check", "a.md", "missing.md", "--format", "json"], cwd=project.root)
    payload = result.json()
    assert set(payload) == {"version", "tool", "diagnostics", "errors"}
    assert payload["version"] == 1
    assert payload["tool"] == {"name": "rhetlint", "version": __version__}
    assert payload["errors"] == [{"path": "missing.md", "message": "no such file or folder"}]
    first, second = payload["diagnostics"]
    assert set(first) == DIAGNOSTIC_KEYS and set(second) == DIAGNOSTIC_KEYS
    assert first == {
        "path": "a.md",
        "code": "T101",
        "name": "marker-word",
        "category": "testing",
        "severity": "warning",
        "message": "marker 'zork' found",
        "start": {"line": 1, "column": 3, "offset": 2},
        "end": {"line": 1, "column": 7, "offset": 6},
        "match": "zork",
        "fixes": [],
        "url": "https://github.com/rhetlint/rhetlint/blob/main/docs/rules/marker-word.md",
        "plugin": "local:marker",
    }
    assert (second["code"], second["severity"], second["start"]["column"], second["match"]) == (
        "T202",
        "info",
        14,
        "blorp",
    )
    assert result.code == 2  # the missing file


def test_json_match_is_the_source_slice_with_non_ascii(project, run_cli):
    text = "\u4e2d\u6587 \U0001f600 zork\r\n"
    project.write("a.md", text)
    [d] = run_cli(["check", "a.md", "--format", "json"], cwd=project.root).json()["diagnostics"]
    assert text[d["start"]["offset"] : d["end"]["offset"]] == d["match"] == "zork"
    assert d["start"] == {"line": 1, "column": 6, "offset": 5}


def test_json_optional_fields_fixes_related_and_data(project, run_cli):
    project.plugin("fixer", FIXER)
    project.write("a.md", "The qux here.\n")
    [d] = run_cli(["check", "a.md", "--format", "json", "--select", "T404"], cwd=project.root).json()[
        "diagnostics"
    ]
    assert set(d) == DIAGNOSTIC_KEYS | {"related", "data"}
    assert d["fixes"] == [{"title": "Replace with 'quux'", "replacement": "quux", "safe": True}]
    assert d["related"] == [
        {
            "message": "see the start",
            "start": {"line": 1, "column": 1, "offset": 0},
            "end": {"line": 1, "column": 2, "offset": 1},
        }
    ]
    assert d["data"] == {"term": "qux"}


def test_json_fix_with_its_own_span():
    d = diag(fixes=(Fix("Swap", "x", 0, 4),))
    assert d.as_dict()["fixes"] == [{"title": "Swap", "replacement": "x", "start": 0, "end": 4, "safe": True}]


def test_json_is_utf8_not_escaped():
    out = render(JSONFormatter, Report([diag(message="\u201czork\u201d \U0001f600")]))
    assert "\u201czork\u201d \U0001f600" in out
    assert json.loads(out)["diagnostics"][0]["message"] == "\u201czork\u201d \U0001f600"


def test_output_option_writes_a_file(project, run_cli):
    project.write("a.md", TEXT)
    result = run_cli(["check", "a.md", "--format", "json", "-o", "report.json"], cwd=project.root)
    assert result.out == ""
    data = json.loads((project.root / "report.json").read_text(encoding="utf-8"))
    assert [d["code"] for d in data["diagnostics"]] == ["T101", "T202"]


def test_unknown_output_format_is_exit_2(project, run_cli):
    project.write("a.md", TEXT)
    result = run_cli(["check", "a.md", "--format", "xml"], cwd=project.root)
    assert result.code == 2
    assert result.err_lines == [
        "rhetlint: error: unknown format 'xml' (available: checkstyle, github, gitlab, json, junit, rdjson, rdjsonl, sarif, text)"
    ]


# --- sarif ---------------------------------------------------------------------------------------------
def test_sarif_validates_against_the_schema(project, run_cli):
    project.plugin("fixer", FIXER)
    project.write("a.md", "A zork, a blorp and a qux.\n")
    project.write("b b.md", "\U0001f600 zork\n")
    result = run_cli(["check", "a.md", "b b.md", "missing.md", "--format", "sarif"], cwd=project.root)
    document = result.json()
    assert_valid_sarif(document)
    assert document["version"] == "2.1.0"
    [run] = document["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["tool"]["driver"]["name"] == "rhetlint"
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rule_ids == ["RL001", "RL900", "T101", "T202", "T404"]
    for result_ in run["results"]:
        assert rule_ids[result_["ruleIndex"]] == result_["ruleId"]
    assert [(r["ruleId"], r["level"]) for r in run["results"]] == [
        ("T101", "warning"),
        ("T202", "note"),
        ("T404", "error"),
        ("T101", "warning"),
    ]
    qux = run["results"][2]
    assert qux["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1,
        "startColumn": 23,
        "endLine": 1,
        "endColumn": 26,
        "charOffset": 22,
        "charLength": 3,
        "snippet": {"text": "qux"},
    }
    assert qux["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {"text": "quux"}
    assert qux["relatedLocations"][0]["message"] == {"text": "see the start"}
    emoji = run["results"][3]["locations"][0]["physicalLocation"]
    assert emoji["artifactLocation"]["uri"] == "b%20b.md"
    assert (emoji["region"]["startColumn"], emoji["region"]["charOffset"]) == (
        3,
        2,
    )  # code points, not UTF-16
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"] == {"text": "no such file or folder"}
    assert result.code == 2


def test_sarif_of_a_clean_run_validates(project, run_cli):
    project.write("a.md", "Nothing.\n")
    result = run_cli(["check", "a.md", "--format", "sarif"], cwd=project.root)
    document = result.json()
    assert_valid_sarif(document)
    assert document["runs"][0]["results"] == []
    assert document["runs"][0]["invocations"][0]["executionSuccessful"] is True
    assert result.code == 0


def test_sarif_formatter_unit_with_every_level_and_a_file_error():
    diagnostics = [diag(severity=s, start=(2, 1, 10), end=(3, 4, 20)) for s in ("error", "warning", "info")]
    report = Report(diagnostics, errors=[FileError("dir/x y.md", "empty file; nothing to check")])
    document = json.loads(render(SARIFFormatter, report))
    assert_valid_sarif(document)
    run = document["runs"][0]
    assert [r["level"] for r in run["results"]] == ["error", "warning", "note"]
    assert "ruleIndex" not in run["results"][0]  # no rule descriptions were given
    assert run["results"][0]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 2,
        "startColumn": 1,
        "endLine": 3,
        "endColumn": 4,
        "charOffset": 10,
        "charLength": 10,
        "snippet": {"text": "zork"},
    }
    notification = run["invocations"][0]["toolExecutionNotifications"][0]
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "dir/x%20y.md"


def test_sarif_validator_rejects_a_broken_document():
    """The schema check itself can fail: a result without a message is invalid SARIF."""
    broken = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "X"}]}]}
    assert list(sarif_validator().iter_errors(broken))


# --- github --------------------------------------------------------------------------------------------
def test_github_workflow_commands(project, run_cli):
    project.write("a.md", TEXT)
    result = run_cli(["check", "a.md", "missing.md", "--format", "github"], cwd=project.root)
    assert result.lines == [
        "::warning file=a.md,line=1,col=3,endLine=1,endColumn=7,title=T101 marker-word::marker 'zork' found",
        "::notice file=a.md,line=1,col=14,endLine=1,endColumn=19,title=T202 other-word::other 'blorp' found",
        "::error file=missing.md::no such file or folder",
    ]


def test_github_escaping_of_properties_and_message():
    d = diag(path="dir/we,ird:100%.md", message="50% of\r\nthe zork: yes, really", severity="error")
    out = render(GitHubFormatter, Report([d], errors=[FileError("x,y.md", "bad: 1%\nline")]))
    assert out.splitlines() == [
        "::error file=dir/we%2Cird%3A100%25.md,line=1,col=3,endLine=1,endColumn=7,title=T101 marker-word::"
        "50%25 of%0D%0Athe zork: yes, really",
        "::error file=x%2Cy.md::bad: 1%25%0Aline",
    ]


@pytest.mark.parametrize(
    ("severity", "command"), [("error", "error"), ("warning", "warning"), ("info", "notice")]
)
def test_github_severity_commands(severity, command):
    assert render(GitHubFormatter, Report([diag(severity=severity)])).startswith(f"::{command} ")
