"""Bad input, one table: each case of issue 13 (items 5, 6, 9, 10, 11, 12 and 13) as the exact shell command a
user would type, the one-line messages it must print and the exit code, run through the real command line in
a subprocess.

Every case checks that rhetlint answers in one line per problem (never a traceback), exits 2 for an error and
1 only for findings, and still checks the other files.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sample_plugins import KILLER_PLUGIN


@dataclass(frozen=True)
class Link:
    """A symbolic link to ``target``."""

    target: str


@dataclass(frozen=True)
class Case:
    item: int
    name: str
    command: str  # a shell command; "rhetlint" is the command line under test
    code: int
    errors: tuple[str, ...] = ()  # each stderr line but the summary, in order, as regular expressions
    findings: tuple[str, ...] = ()  # each stdout line, in order, as regular expressions
    files: dict[str, str | bytes | Link] = field(default_factory=dict)
    unlistable: tuple[str, ...] = ()  # folders nobody may list (chmod 000)
    unchanged: tuple[str, ...] = ()  # files that must keep their content, with no new file beside them


DRAFT = "The regime slammed it.\n"
B_FINDINGS = (
    r"b\.md:1:5: warning: 'regime' .* \[L102 contentious-label\]",
    r"b\.md:1:12: warning: 'slammed' .* \[L101 emotive-language\]",
)
RULE = '[[rule]]\ncode = "H901"\nname = "shape"\nkind = "existence"\nwhy = "x"\ntokens = ["/{}/"]\n'
RULE_CONFIG = 'rule-files = ["house.toml"]\nselect = ["H901"]\n'
BIG_TOML = "# a comment line of the kind a rule file holds\n" * 50


def near_misses(pattern_word: str, miss: str) -> str:
    """A draft of 2,000 distinct 39-letter words the pattern does not match, then one it does."""
    words = [miss[:-4] + format(i, "04d") for i in range(2000)]
    return " ".join([*words, pattern_word]) + ".\n"


def nested_list(depth: int, last: str) -> str:
    lines = [f"{'  ' * level}- Level {level + 1}" for level in range(depth - 1)]
    return "\n".join([*lines, f"{'  ' * (depth - 1)}- {last}"]) + "\n"


MISS_COLUMN = 2000 * 40 + 1  # where the one matching word starts, after 2,000 words and their spaces

CASES = [
    # --- 5: user patterns cannot hang ----------------------------------------------------------------
    *(
        Case(
            5, f"pattern {pattern}", "rhetlint check a.md", 1,
            findings=(rf"a\.md:1:{MISS_COLUMN}: warning: .* \[H901 shape\]",),
            files={
                "rhetlint.toml": RULE_CONFIG,
                "house.toml": RULE.format(pattern.replace("\\", "\\\\")),
                "a.md": near_misses(hit, miss),
            },
        )
        for pattern, hit, miss in [
            (r"(\w+){,}x", "wordx", "a" * 39),
            (r"(a+)+$", "aaaa", "a" * 38 + "b"),
            (r"(a|aa)*b", "aab", "a" * 39),
        ]
    ),
    Case(
        5, "pattern with a backreference", "rhetlint check a.md", 2,
        errors=(
            r"rhetlint: error: .*/house\.toml: rule 1 \(H901\): pattern '/\(a\)\\1/': the regex word uses a "
            r"backreference \(\\1\), which the linear-time pattern engine cannot run",
        ),
        files={"rhetlint.toml": RULE_CONFIG, "house.toml": RULE.format(r"(a)\\1"), "a.md": DRAFT},
    ),
    Case(
        5, "pattern with a lookahead", "rhetlint check a.md", 2,
        errors=(
            r"rhetlint: error: .*/house\.toml: rule 1 \(H901\): pattern '/a\(\?=b\)/': the regex word uses a "
            r"lookaround .*, which the linear-time pattern engine cannot run",
        ),
        files={"rhetlint.toml": RULE_CONFIG, "house.toml": RULE.format("a(?=b)"), "a.md": DRAFT},
    ),
    # --- 6: sizes and devices ---------------------------------------------------------------------------
    Case(
        6, "standard input from /dev/zero", "rhetlint check - < /dev/zero", 2,
        errors=(r"-: error: is over the max-file-size of 20 MB; not checked \(raise max-file-size to check it\)",),
    ),
    Case(
        6, "a committed link to /dev/zero", "rhetlint check z.md b.md", 2,
        errors=(r"z\.md: error: is not a regular file \(a device, pipe or socket\); not checked",),
        findings=B_FINDINGS,
        files={"z.md": Link("/dev/zero"), "b.md": DRAFT},
    ),
    Case(
        6, "a draft over max-file-size", "rhetlint check big.md b.md", 2,
        errors=(
            r"big\.md: error: file is 0\.0023 MB, over the max-file-size of 0\.001 MB; not checked "
            r"\(raise max-file-size to check it\)",
        ),
        findings=B_FINDINGS,
        files={"rhetlint.toml": "max-file-size = 0.001\n", "big.md": DRAFT * 100, "b.md": DRAFT},
    ),
    Case(
        6, "rule-files naming /dev/zero", "rhetlint check b.md", 2,
        errors=(r"rhetlint: error: /dev/zero: rule file is not a regular file \(a device, pipe or socket\)",),
        files={"rhetlint.toml": 'rule-files = ["/dev/zero"]\n', "b.md": DRAFT},
    ),
    Case(
        6, "a rule file over max-file-size", "rhetlint check b.md", 2,
        errors=(
            r"rhetlint: error: .*/big\.toml: rule file is over the max-file-size of 0\.001 MB "
            r"\(raise max-file-size to read it\)",
        ),
        files={
            "rhetlint.toml": 'rule-files = ["big.toml"]\nmax-file-size = 0.001\n', "big.toml": BIG_TOML,
            "b.md": DRAFT,
        },
    ),
    Case(
        6, "a lexicon linked to /dev/zero", "rhetlint check b.md", 2,
        errors=(r"b\.md: error: /dev/zero: lexicon file is not a regular file \(a device, pipe or socket\)",),
        files={"rhetlint.toml": '[rules.emotive-language]\nlexicon = ["/dev/zero"]\n', "b.md": DRAFT},
    ),
    Case(
        6, "a lexicon over max-file-size", "rhetlint check b.md", 2,
        errors=(
            r"b\.md: error: .*/big\.toml: lexicon file is over the max-file-size of 0\.001 MB "
            r"\(raise max-file-size to read it\)",
        ),
        files={
            "rhetlint.toml": 'max-file-size = 0.001\n[rules.emotive-language]\nlexicon = ["big.toml"]\n',
            "big.toml": BIG_TOML, "b.md": DRAFT,
        },
    ),
    # --- 9: one bad file never sinks the run. The '<![**' once crashed html.parser; it is now read
    # as a bogus comment and linted (a parser that still fails is one error line: test_hostile_input.py)
    *(
        Case(
            9, f"malformed HTML beside a draft ({command})", command, code,
            findings=B_FINDINGS if command.startswith("rhetlint check") else (),
            files={"a.html": "<![**", "b.md": DRAFT},
        )
        for command, code in [
            ("rhetlint check a.html b.md", 1),
            ("rhetlint check --jobs 2 a.html b.md", 1),
            ("rhetlint sources a.html b.md > /dev/null", 0),
        ]
    ),
    # --- 10: one-line errors instead of tracebacks --------------------------------------------------------
    Case(
        10, "a symbolic link that loops", "rhetlint check d", 2,
        errors=(r"d/x\.md: error: is a symbolic link that loops or points nowhere",),
        findings=tuple(f"d/{f}" for f in B_FINDINGS),
        files={"d/x.md": Link("x.md"), "d/b.md": DRAFT},
    ),
    Case(
        10, "an unreadable folder", "rhetlint check locked b.md", 2,
        errors=(r"locked: error: permission denied; folder not checked",),
        findings=B_FINDINGS,
        files={"locked/a.md": DRAFT, "b.md": DRAFT},
        unlistable=("locked",),
    ),
    Case(10, "a closed standard input", "rhetlint check - <&-", 2, errors=(r"-: error: standard input is closed",)),
    Case(
        10, "a Latin-1 pyproject.toml", "rhetlint check b.md", 2,
        errors=(r"rhetlint: error: .*/pyproject\.toml: invalid TOML: 'utf-8' codec can't decode byte 0xe9 .*",),
        files={"pyproject.toml": b'[tool.rhetlint]\nselect = ["caf\xe9"]\n', "b.md": DRAFT},
    ),
    Case(
        10, "a pyproject.toml nested 5,000 deep", "rhetlint check b.md", 2,
        errors=(r"rhetlint: error: .*/pyproject\.toml: invalid TOML: nested too deeply",),
        files={"pyproject.toml": "[tool.rhetlint]\nx = " + "[" * 5000 + "]" * 5000 + "\n", "b.md": DRAFT},
    ),
    Case(
        10, "a lexicon that is not UTF-8", "rhetlint check b.md", 2,
        errors=(r"b\.md: error: .*/lex\.toml: invalid TOML: 'utf-8' codec can't decode byte 0xe9 .*",),
        files={
            "rhetlint.toml": '[rules.emotive-language]\nlexicon = ["lex.toml"]\n',
            "lex.toml": b'[[term]]\nmatch = ["caf\xe9"]\n', "b.md": DRAFT,
        },
    ),
    # --- 11: a worker that dies ------------------------------------------------------------------------------
    Case(
        11, "a --jobs worker that dies", "rhetlint check --allow-local-plugins --jobs 2 a.md bomb.md b.md", 2,
        errors=(r"bomb\.md: error: the process checking this file died; not checked",),
        findings=(*(f.replace("b\\.md", "a\\.md") for f in B_FINDINGS), *B_FINDINGS),
        files={
            "rhetlint.toml": 'plugins-dir = "plugins"\n', "plugins/killer.py": KILLER_PLUGIN,
            "a.md": DRAFT, "bomb.md": "A boom.\n", "b.md": DRAFT,
        },
    ),
    # --- 12: the report is replaced whole or not at all ------------------------------------------------------
    Case(
        12, "a report write that fails half-way",
        "ulimit -f 1; rhetlint check --no-cache --format json -o report.json many.md", 2,
        errors=(r"rhetlint: error: cannot write report\.json: File too large",),
        files={"many.md": (DRAFT + "\n") * 40, "report.json": "the old report"},
        unchanged=("report.json",),
    ),
    # --- 13: deep lists are linted -----------------------------------------------------------------------------
    Case(
        13, "a loaded word 12 list levels deep", "rhetlint check deep.md", 1,
        findings=(r"deep\.md:12:35: warning: 'slammed' .* \[L101 emotive-language\]",),
        files={"deep.md": nested_list(12, "The mayor slammed the plan.")},
    ),
    Case(
        13, "a list 120 levels deep", "rhetlint check deep.md", 1,
        errors=(
            r"deep\.md: note: nested too deeply to read as markdown \(over 99 levels of list or 199 of block "
            r"quote\); checked as plain text",
        ),
        findings=(r"deep\.md:120:\d+: warning: 'slammed' .* \[L101 emotive-language\]",),
        files={"deep.md": nested_list(120, "The mayor slammed the plan.")},
    ),
]  # fmt: skip

SUMMARY = re.compile(r"(No problems|\d+ problems?) in \d+ files? checked\.?")
# Run as root, chmod 000 does not stop a listing: a startup hook refuses it as the kernel would for others.
DENY_LISTING = """
import os

_DENIED = set(filter(None, os.environ.get("RHETLINT_TEST_UNLISTABLE", "").split(os.pathsep)))
if _DENIED:
    _scandir = os.scandir

    def _refusing_scandir(path="."):
        if os.path.realpath(path) in _DENIED:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return _scandir(path)

    os.scandir = _refusing_scandir
"""


def _materialise(case: Case, root: Path) -> None:
    for name, content in case.files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Link):
            path.symlink_to(content.target)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))


def _run(case: Case, tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    root = tmp_path / "repo"
    root.mkdir()
    (root / ".git").mkdir()  # the configuration search stops here
    _materialise(case, root)
    env = {k: v for k, v in os.environ.items() if not k.startswith("RHETLINT_")}
    env.update(
        {
            "RHETLINT_LOAD_PLUGINS": "loaded-language",
            "RHETLINT_CACHE_DIR": str(tmp_path / "cache"),
            "NO_COLOR": "1",
        }
    )
    locked = [root / name for name in case.unlistable]
    if locked and os.geteuid() == 0:
        (tmp_path / "site").mkdir()
        (tmp_path / "site" / "sitecustomize.py").write_text(DENY_LISTING, encoding="utf-8")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(tmp_path / "site"), env.get("PYTHONPATH")]))
        env["RHETLINT_TEST_UNLISTABLE"] = os.pathsep.join(str(p.resolve()) for p in locked)
    for folder in locked:
        folder.chmod(0)
    command = re.sub(
        r"\brhetlint (?=check|sources)", f"{shlex.quote(sys.executable)} -m rhetlint ", case.command
    )
    try:
        result = subprocess.run(
            ["sh", "-c", command], cwd=root, env=env, capture_output=True, text=True, timeout=300
        )
    finally:
        for folder in locked:
            folder.chmod(0o755)
    return result, root


@pytest.mark.parametrize("case", CASES, ids=[f"{c.item}-{c.name}" for c in CASES])
def test_bad_input(case: Case, tmp_path: Path) -> None:
    result, root = _run(case, tmp_path)
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if not SUMMARY.fullmatch(line)]
    assert len(errors) == len(case.errors), result.stderr
    for line, pattern in zip(errors, case.errors, strict=True):
        assert re.fullmatch(pattern, line), f"{line!r} does not match {pattern!r}"
    findings = result.stdout.splitlines()
    assert len(findings) == len(case.findings), result.stdout
    for line, pattern in zip(findings, case.findings, strict=True):
        assert re.fullmatch(pattern, line), f"{line!r} does not match {pattern!r}"
    assert result.returncode == case.code, result.stderr
    for name in case.unchanged:
        assert (root / name).read_bytes() == _as_bytes(case.files[name])
    if case.unchanged:
        assert sorted(p.name for p in root.iterdir()) == sorted([".git", *case.files])


def _as_bytes(content: str | bytes | Link) -> bytes:
    assert not isinstance(content, Link)
    return content if isinstance(content, bytes) else content.encode("utf-8")
