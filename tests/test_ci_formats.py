"""CI formats (rdjson, rdjsonl, gitlab, checkstyle, junit) and SARIF through a real process.

Each format is checked with what its consumers check: the reviewdog schemas (tightened so a misspelled key
fails) and the UTF-8 byte columns rdf.proto asks for, the GitLab Code Quality fields, ``xml.etree`` for
the XML formats, and the SARIF 2.1.0 schema. The schemas are vendored in tests/schemas (see its README).
"""

from __future__ import annotations

import copy
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from rhetlint import output
from rhetlint.hooks import manager
from rhetlint.model.diagnostics import Diagnostic, Fix, Position
from rhetlint.output.base import FileError, Report

REPO_ROOT = Path(__file__).resolve().parent.parent


# Vendored, so every clone validates its output; a missing file fails the test that reads it.
SCHEMAS = Path(__file__).resolve().parent / "schemas"

# T301 flags "naïve" with a fix of its own span; T302 flags "blorp" with a fix that also deletes the word
# before it (a span of its own) and a related location. With the conftest marker plugin (T101 "zork",
# warning; T202 "blorp", info) every severity appears.
CI_PLUGIN = '''
import re

from rhetlint import Finding, Fix, Related, hookimpl, rule


@rule(code="T301", name="naive-word", category="testing", severity="warning")
def naive_word(doc, options):
    """Flags naïve."""
    for m in re.finditer("naïve", doc.source):
        yield Finding(m.start(), m.end(), f"'{m.group()}' judges", fixes=(Fix("Replace with 'simple'", "simple"),))


@rule(code="T302", name="wide-fix", category="testing", severity="error")
def wide_fix(doc, options):
    """Flags blorp, offering to drop the word before it too."""
    for m in re.finditer(r"(\\S+) (blorp)", doc.source):
        yield Finding(m.start(2), m.end(2), "blorp after a word",
                      fixes=(Fix("Drop both words", "", m.start(1), m.end(2)),),
                      related=(Related(m.start(1), m.end(1), "the word before"),))


@hookimpl
def rhetlint_register_rules(register):
    register(naive_word)
    register(wide_fix)
'''

# Emoji (4 UTF-8 bytes, 2 UTF-16 units), accented letters (2 bytes), CJK (3 bytes), and a CRLF line.
DRAFT = "# Café report\n\nZoë’s 🙂 naïve plan was a zork.\r\nSeñor blorp left, and 北京 blorp too.\n"


@pytest.fixture
def ci_project(project):
    project.plugin("ci", CI_PLUGIN)
    project.write("draft.md", DRAFT)
    return project


def check(run_cli, project, fmt: str, *paths: str):
    return run_cli(["check", *(paths or ("draft.md",)), "--format", fmt], cwd=project.root)


def render(formatter_class, report: Report) -> str:
    stream = io.StringIO()
    formatter_class(stream, color=False).write(report)
    return stream.getvalue()


def diag(
    path: str = "a.md",
    line: int = 1,
    column: int = 3,
    length: int = 4,
    match: str = "zork",
    message: str = "marker 'zork' found",
    code: str = "T101",
    severity: str = "warning",
    **kwargs,
) -> Diagnostic:
    start = Position(line, column, column - 1)
    end = Position(line, column + length, column - 1 + length)
    return Diagnostic(
        path=path,
        code=code,
        name="marker-word",
        category="testing",
        severity=severity,
        message=message,
        start=start,
        end=end,
        match=match,
        **kwargs,
    )


# --- registration ----------------------------------------------------------------------------------------
def test_the_module_registers_every_ci_format():
    found = manager.load_plugins(entry_points=False).formatters
    assert {"rdjson", "rdjsonl", "gitlab", "checkstyle", "junit"} <= set(found)
    assert found["rdjson"] is output.reviewdog.RDJSONFormatter
    assert {"text", "json", "sarif", "github"} <= set(found)  # the core formats are untouched


def test_cli_lists_the_ci_formats_when_registered(project, run_cli):
    project.write("a.md", "A zork.\n")
    result = check(run_cli, project, "nope", "a.md")
    assert result.code == 2
    for name in ("checkstyle", "gitlab", "junit", "rdjson", "rdjsonl"):
        assert name in result.err


# --- reviewdog ---------------------------------------------------------------------------------------------
def _load_schema(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


# What rhetlint promises beyond the (fully optional) proto schema: the keys it writes, always present.
REQUIRED = {
    "DiagnosticResult": ["source", "diagnostics"],
    "reviewdog.rdf.Diagnostic": ["message", "location", "severity"],
    "reviewdog.rdf.Location": ["path"],
    "reviewdog.rdf.Range": ["start", "end"],
    "reviewdog.rdf.Position": ["line", "column"],
    "reviewdog.rdf.Suggestion": ["range", "text"],
    "reviewdog.rdf.Code": ["value"],
    "reviewdog.rdf.Source": ["name"],
    "reviewdog.rdf.RelatedLocation": ["message", "location"],
}


def strict(schema: dict) -> dict:
    """The reviewdog schema with no unknown keys allowed and rhetlint's keys required."""
    schema = copy.deepcopy(schema)
    for name, definition in schema["definitions"].items():
        if "properties" in definition:
            definition["additionalProperties"] = False
        if name in REQUIRED:
            definition["required"] = REQUIRED[name]
        for prop in definition.get("properties", {}).values():
            if prop.get("type") == "integer" and prop.get("description", "").startswith(("Line", "Column")):
                prop["minimum"] = 1
    return schema


def validate(document, schema: dict) -> None:
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(document), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def byte_slice(text: str, start: dict, end: dict) -> str:
    """Cut ``text`` between two rdjson positions (1-based lines, 1-based UTF-8 byte columns)."""
    lines = text.encode("utf-8").splitlines(keepends=True)

    def offset(pos: dict) -> int:
        return sum(len(line) for line in lines[: pos["line"] - 1]) + pos["column"] - 1

    return text.encode("utf-8")[offset(start) : offset(end)].decode("utf-8")


def test_rdjson_validates_and_columns_are_utf8_bytes(ci_project, run_cli):
    result = check(run_cli, ci_project, "rdjson")
    document = json.loads(result.out)
    schema = _load_schema("reviewdog-rdf-DiagnosticResult.json")
    validate(document, schema)
    validate(document, strict(schema))
    reference = check(run_cli, ci_project, "json").json()["diagnostics"]
    assert len(document["diagnostics"]) == len(reference) == 6
    assert document["source"]["name"] == "rhetlint"
    for ours, ref in zip(document["diagnostics"], reference, strict=True):
        where = ours["location"]["range"]
        assert ours["location"]["path"] == "draft.md"
        assert byte_slice(DRAFT, where["start"], where["end"]) == ref["match"]
        assert ours["code"]["value"] == ref["code"]
        assert ours["code"]["url"] == ref["url"]
        assert ours["severity"] == {"error": "ERROR", "warning": "WARNING", "info": "INFO"}[ref["severity"]]
    naive = next(d for d in document["diagnostics"] if d["code"]["value"] == "T301")
    assert naive["location"]["range"] == {
        "start": {"line": 3, "column": 15},
        "end": {"line": 3, "column": 21},
    }  # bytes
    assert [s["text"] for s in naive["suggestions"]] == ["simple"]
    assert naive["suggestions"][0]["range"] == naive["location"]["range"]


def test_rdjson_suggestion_with_its_own_span_and_related_locations(ci_project, run_cli):
    document = json.loads(check(run_cli, ci_project, "rdjson").out)
    wide = [d for d in document["diagnostics"] if d["code"]["value"] == "T302"]
    assert [
        byte_slice(DRAFT, d["suggestions"][0]["range"]["start"], d["suggestions"][0]["range"]["end"])
        for d in wide
    ] == ["Señor blorp", "北京 blorp"]
    assert [d["suggestions"][0]["text"] for d in wide] == ["", ""]
    related = [d["related_locations"][0] for d in wide]
    assert [r["message"] for r in related] == ["the word before"] * 2
    assert [
        byte_slice(DRAFT, r["location"]["range"]["start"], r["location"]["range"]["end"]) for r in related
    ] == ["Señor", "北京"]
    assert document["diagnostics"][-1]["severity"] in {"ERROR", "WARNING", "INFO"}


def test_rdjsonl_one_valid_self_contained_diagnostic_per_line(ci_project, run_cli):
    out = check(run_cli, ci_project, "rdjsonl").out
    lines = out.splitlines()
    assert len(lines) == 6 and out.endswith("\n")
    schema = _load_schema("reviewdog-rdf-Diagnostic.json")
    rdjson = json.loads(check(run_cli, ci_project, "rdjson").out)["diagnostics"]
    for line, same in zip(lines, rdjson, strict=True):
        item = json.loads(line)
        validate(item, schema)
        validate(item, strict(schema))
        assert item["source"]["name"] == "rhetlint"
        assert {k: v for k, v in item.items() if k != "source"} == same


def test_rdjson_file_errors_are_error_diagnostics(ci_project, run_cli):
    result = check(run_cli, ci_project, "rdjson", "draft.md", "missing.md")
    assert result.code == 2
    document = json.loads(result.out)
    validate(document, strict(_load_schema("reviewdog-rdf-DiagnosticResult.json")) | {})
    last = document["diagnostics"][-1]
    assert last == {
        "message": "no such file or folder",
        "location": {"path": "missing.md"},
        "severity": "ERROR",
    }


def test_strict_rdjson_schema_rejects_a_misspelled_key():
    """The tightened schema can fail: ``colum`` instead of ``column`` is caught."""
    schema = strict(_load_schema("reviewdog-rdf-Diagnostic.json"))
    broken = {
        "message": "m",
        "severity": "WARNING",
        "location": {
            "path": "a.md",
            "range": {"start": {"line": 1, "colum": 2}, "end": {"line": 1, "column": 3}},
        },
    }
    assert list(jsonschema.Draft4Validator(schema).iter_errors(broken))


def test_rdjson_without_sources_keeps_code_point_columns_and_drops_unplaceable_fixes():
    """A report built without sources cannot be converted to bytes; columns stay as they are."""
    d = diag(fixes=(Fix("own span", "x"), Fix("elsewhere", "y", 0, 1)))
    [item] = json.loads(render(output.reviewdog.RDJSONFormatter, Report([d])))["diagnostics"]
    assert item["location"]["range"] == {"start": {"line": 1, "column": 3}, "end": {"line": 1, "column": 7}}
    assert [s["text"] for s in item["suggestions"]] == ["x"]
    assert "url" not in item["code"]


# --- GitLab Code Quality -----------------------------------------------------------------------------------
# The fields GitLab reads, from its Code Quality report format documentation.
GITLAB_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string"},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {
                            "begin": {"type": "integer", "minimum": 1},
                            "end": {"type": "integer", "minimum": 1},
                        },
                    },
                },
            },
        },
    },
}


def test_gitlab_report_shape_and_severities(ci_project, run_cli):
    result = check(run_cli, ci_project, "gitlab", "draft.md", "missing.md")
    issues = json.loads(result.out)
    validate(issues, GITLAB_SCHEMA)
    assert len(issues) == 7
    reference = check(run_cli, ci_project, "json").json()["diagnostics"]
    for issue, ref in zip(issues, reference, strict=False):
        assert issue["location"] == {
            "path": "draft.md",
            "lines": {"begin": ref["start"]["line"], "end": ref["end"]["line"]},
        }
        assert issue["severity"] == {"error": "critical", "warning": "major", "info": "info"}[ref["severity"]]
        assert issue["check_name"] == f"{ref['code']} {ref['name']}"
        assert ref["message"] in issue["description"]
    assert issues[-1]["location"]["path"] == "missing.md" and issues[-1]["severity"] == "critical"
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints), "GitLab shows only the first issue of a fingerprint"


def test_gitlab_fingerprints_survive_lines_added_above_but_not_a_changed_finding(
    ci_project,
    run_cli,
):
    before = {
        i["check_name"] + i["description"]: i for i in json.loads(check(run_cli, ci_project, "gitlab").out)
    }
    ci_project.write("draft.md", "Intro.\n\nMore intro.\n\n" + DRAFT)
    after = {
        i["check_name"] + i["description"]: i for i in json.loads(check(run_cli, ci_project, "gitlab").out)
    }
    assert before.keys() == after.keys()
    for key in before:
        assert after[key]["location"]["lines"]["begin"] == before[key]["location"]["lines"]["begin"] + 4
        assert after[key]["fingerprint"] == before[key]["fingerprint"]
    ci_project.write("draft.md", DRAFT.replace("Zoë’s", "Zoe's"))
    changed = {
        i["check_name"] + i["description"]: i for i in json.loads(check(run_cli, ci_project, "gitlab").out)
    }
    naive = next(k for k in before if k.startswith("T301"))
    assert changed[naive]["fingerprint"] != before[naive]["fingerprint"]  # its line changed
    blorp = next(k for k in before if k.startswith("T302"))
    assert changed[blorp]["fingerprint"] == before[blorp]["fingerprint"]  # another line did


def test_gitlab_identical_findings_on_identical_lines_differ_and_empty_report_is_an_array():
    twice = [diag(line=1), diag(line=2)]
    report = Report(twice, sources={"a.md": "A zork.\nA zork.\n"})
    issues = json.loads(render(output.gitlab.GitLabFormatter, report))
    assert issues[0]["fingerprint"] != issues[1]["fingerprint"]
    assert json.loads(render(output.gitlab.GitLabFormatter, Report([]))) == []


# --- Checkstyle --------------------------------------------------------------------------------------------
def test_checkstyle_parses_with_one_file_element_per_file(ci_project, run_cli):
    ci_project.write("other.md", "Just a zork.\n")
    result = check(run_cli, ci_project, "checkstyle", "draft.md", "other.md", "missing.md")
    assert result.out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(result.out.encode("utf-8"))
    assert root.tag == "checkstyle"
    files = root.findall("file")
    assert [f.get("name") for f in files] == ["draft.md", "other.md", "missing.md"]
    reference = check(run_cli, ci_project, "json", "draft.md", "other.md").json()["diagnostics"]
    errors = [e for f in files[:2] for e in f.findall("error")]
    assert len(errors) == len(reference) == 7
    for element, ref in zip(errors, reference, strict=True):
        assert element.get("line") == str(ref["start"]["line"])
        assert element.get("column") == str(ref["start"]["column"])
        assert element.get("severity") == ref["severity"]
        assert element.get("source") == f"rhetlint.{ref['code']}"
        assert element.get("message").startswith(ref["message"])
    [missing] = files[2].findall("error")
    assert missing.get("severity") == "error" and missing.get("message") == "no such file or folder"
    assert {e.get("severity") for e in errors} == {"error", "warning", "info"}


def test_xml_formats_survive_characters_xml_cannot_carry():
    nasty = diag(message='form\x0cfeed & <tag> "quoted" \U0001f642', path="a&b <c>.md")
    for formatter in (output.xml_reports.CheckstyleFormatter, output.xml_reports.JUnitFormatter):
        root = ET.fromstring(render(formatter, Report([nasty])).encode("utf-8"))
        messages = [e.get("message") for e in root.iter() if e.get("message")]
        assert messages and all('form\ufffdfeed & <tag> "quoted" \U0001f642' in m for m in messages)
        assert any(e.get("name") == "a&b <c>.md" or e.get("classname") == "a&b <c>.md" for e in root.iter())


# --- JUnit -------------------------------------------------------------------------------------------------
def test_junit_one_suite_one_failed_case_per_diagnostic(ci_project, run_cli):
    result = check(run_cli, ci_project, "junit", "draft.md", "missing.md")
    root = ET.fromstring(result.out.encode("utf-8"))
    assert root.tag == "testsuites"
    [suite] = root.findall("testsuite")
    cases = suite.findall("testcase")
    reference = check(run_cli, ci_project, "json").json()["diagnostics"]
    assert len(cases) == len(reference) + 1
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("7", "6", "1")
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("7", "6", "1")
    for case, ref in zip(cases, reference, strict=False):
        assert case.get("classname") == case.get("file") == "draft.md"
        assert (
            case.get("name")
            == f"{ref['code']} {ref['name']} at {ref['start']['line']}:{ref['start']['column']}"
        )
        [failure] = case.findall("failure")
        assert failure.get("message") == ref["message"] and failure.get("type") == ref["severity"]
        assert failure.text.startswith(f"draft.md:{ref['start']['line']}:{ref['start']['column']}: ")
    [error] = cases[-1].findall("error")
    assert cases[-1].get("classname") == "missing.md" and error.get("message") == "no such file or folder"
    names = [c.get("name") for c in cases]
    assert len(set(names)) == len(names)


def test_junit_clean_run_has_one_passing_case(project, run_cli):
    project.write("a.md", "Nothing to see.\n")
    result = check(run_cli, project, "junit", "a.md")
    assert result.code == 0
    root = ET.fromstring(result.out.encode("utf-8"))
    [case] = root.iter("testcase")
    assert list(case) == [] and case.get("name") == "no problems in 1 file"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("1", "0", "0")


def test_junit_error_cases_do_not_count_as_failures():
    report = Report([], errors=[FileError("x.md", "empty file; nothing to check")])
    root = ET.fromstring(render(output.xml_reports.JUnitFormatter, report).encode("utf-8"))
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("1", "0", "1")


# --- SARIF through a real process --------------------------------------------------------------------------
def test_sarif_from_the_command_line_validates_with_non_ascii_and_fixes(ci_project, run_process):
    result = run_process(
        ["check", "--format", "sarif", "draft.md"],
        cwd=ci_project.root,
        env={"LC_ALL": "C", "PYTHONIOENCODING": ""},
    )
    assert result.code == 1, result.err
    document = json.loads(result.out)
    validate(document, _load_schema("sarif-schema-2.1.0.json"))
    [run] = document["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    lines = DRAFT.splitlines()
    results = run["results"]
    assert len(results) == 6
    for item in results:
        region = item["locations"][0]["physicalLocation"]["region"]
        line = lines[region["startLine"] - 1]
        assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == region["snippet"]["text"]
        assert (
            DRAFT[region["charOffset"] : region["charOffset"] + region["charLength"]]
            == region["snippet"]["text"]
        )
    naive = next(r for r in results if r["ruleId"] == "T301")
    assert naive["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "naïve"
    [replacement] = naive["fixes"][0]["artifactChanges"][0]["replacements"]
    assert replacement["insertedContent"] == {"text": "simple"}
    assert replacement["deletedRegion"]["startColumn"] == 9  # "Zoë’s 🙂 " is eight code points


def test_sarif_fix_with_its_own_span_deletes_that_span(ci_project, run_process):
    result = run_process(["check", "--format", "sarif", "draft.md"], cwd=ci_project.root)
    run = json.loads(result.out)["runs"][0]
    wide = next(r for r in run["results"] if r["ruleId"] == "T302")
    region = wide["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]
    assert DRAFT[region["charOffset"] : region["charOffset"] + region["charLength"]] == "Señor blorp"
