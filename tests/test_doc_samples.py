"""Every sample output in the docs is what the documented command really prints.

A sample is a fenced block right after a marker comment, in README.md or any page under docs/:

- ``<!-- output of: COMMAND -->``: COMMAND (a shell line) is run from the repository root;
- ``<!-- output of the command it shows -->``: the block's first line is ``$ COMMAND``, the rest its output;
- ``<!-- output of the commands above -->``: the previous fenced ``sh`` block is run, line by line as a
  reader would type it, in an empty scratch folder; ``…/`` in the sample stands for that folder.

Adding ``, with plugins/NAME installed`` before ``-->`` makes that plugin of this repository loadable by its
entry point, as ``pip install plugins/NAME`` would. A text block is compared with what a terminal shows
(standard output then standard error); a JSON or XML block with standard output alone. The runs see this
environment's ``rhetlint`` first on ``PATH`` and none of the test suite's ``RHETLINT_*`` settings.

After a deliberate change, rewrite every sample from real runs and read the diff:
``RHETLINT_UPDATE_DOCS=1 python -m pytest tests/test_doc_samples.py``, then ``git diff``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from doc_blocks import DOCS, ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

MARKER = re.compile(
    r"^<!-- output of(?P<what>: .+?| the command it shows| the commands above)"
    r"(?:, with (?P<plugin>plugins/[\w.-]+) installed)? -->\n"
    r"(?P<fence>```(?P<lang>[a-z]*)\n)(?P<body>.*?)^```$",
    re.S | re.M,
)
SH_BLOCK = re.compile(r"^```sh\n(.*?)^```$", re.S | re.M)
# What a sample looks like: a block that shows a command's run, or diagnostics as rhetlint prints them.
LOOKS_LIKE_OUTPUT = re.compile(
    r"^\$ |^\S+:\d+:\d+: (?:error|warning|info): |^rhetlint: (?:error|trace): |^\d+ problems? in ", re.M
)
# Blocks that look like output but are not a run of rhetlint, each with the reason.
NOT_SAMPLES = {
    # pre-commit's report around a rhetlint line: its layout is asserted by tests/test_precommit.py, which
    # runs the documented hooks with pre-commit (slow: pre-commit installs the hook with pip).
    ("docs/integrations/pre-commit.md", "rhetlint......"),
    # docs/cli.md's console blocks run one after another in one scratch folder (a fix, then a baseline
    # of what is left): tests/test_cli_docs.py re-runs them all in order and compares.
    ("docs/cli.md", "$ rhetlint "),
    # the audit's summary file: tests/test_audit.py runs the audit it comes from and compares.
    ("docs/audit.md", "$ cat audit-out/summary.txt"),
}


def pages() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]


@dataclass
class Sample:
    page: Path
    start: int  # offsets of the block's body in the page
    end: int
    body: str
    lang: str
    what: str
    plugin: str | None

    @property
    def label(self) -> str:
        line = self.page.read_text(encoding="utf-8").count("\n", 0, self.start)
        return f"{self.page.relative_to(ROOT)}:{line}"


def samples() -> list[Sample]:
    found = []
    for page in pages():
        text = page.read_text(encoding="utf-8")
        for m in MARKER.finditer(text):
            found.append(
                Sample(page, m.start("body"), m.end("body"), m["body"], m["lang"], m["what"], m["plugin"])
            )
    return found


def installed_plugin(folder: Path, plugin: str) -> dict[str, str]:
    """PYTHONPATH that makes a plugin of this repository loadable by its entry point, without pip."""
    project = tomllib.loads((ROOT / plugin / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    dist = project["name"].replace("-", "_")
    info = folder / "site" / f"{dist}-{project['version']}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n", encoding="utf-8"
    )
    lines = ["[rhetlint]"] + [f"{k} = {v}" for k, v in project["entry-points"]["rhetlint"].items()]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"PYTHONPATH": os.pathsep.join([str(folder / "site"), str(ROOT / plugin / "src")])}


def run(sample: Sample, scratch: Path) -> tuple[str, str]:
    """The sample's expected text and the real output of its command(s)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RHETLINT_") and k not in ("NO_COLOR",)}
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.pop("PYTHONPATH", None)
    if sample.plugin:
        env.update(installed_plugin(scratch, sample.plugin))
    expected, cwd = sample.body, ROOT
    if sample.what.startswith(": "):
        script = sample.what[2:]
    elif sample.what == " the command it shows":
        first, _, expected = sample.body.partition("\n")
        assert first.startswith("$ "), f"{sample.label}: the block does not start with '$ COMMAND'"
        script = first[2:]
    else:
        text = sample.page.read_text(encoding="utf-8")
        blocks = [m for m in SH_BLOCK.finditer(text) if m.end() < sample.start]
        assert blocks, f"{sample.label}: no sh block above the sample"
        script, cwd = blocks[-1][1], scratch / "work"
        cwd.mkdir()
        expected = expected.replace("…/", f"{cwd}/")  # the folder the reader ran the commands in
    proc = subprocess.run(
        ["bash", "--noprofile", "--norc", "-c", script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = proc.stdout if sample.lang in ("json", "xml") else proc.stdout + proc.stderr
    return expected, output


def update(sample: Sample, output: str, scratch: Path) -> None:
    output = output.replace(f"{scratch / 'work'}/", "…/")
    text = sample.page.read_text(encoding="utf-8")
    head = text[sample.start : sample.end].partition("\n")[0] + "\n"
    new = head + output if sample.what == " the command it shows" else output
    sample.page.write_text(text[: sample.start] + new + text[sample.end :], encoding="utf-8")


SAMPLES = samples()


@pytest.mark.parametrize("index", range(len(SAMPLES)), ids=[s.label for s in SAMPLES])
def test_sample_is_a_real_run(index, tmp_path):
    sample = samples()[index]  # offsets afresh: an update of an earlier sample moves later ones
    expected, output = run(sample, tmp_path)
    if os.environ.get("RHETLINT_UPDATE_DOCS") == "1" and output != expected:
        update(sample, output, tmp_path)
        pytest.skip(f"{sample.label}: rewritten from a real run; review with git diff")
    assert output == expected, f"{sample.label}: the sample differs from a real run"


def test_there_are_samples_of_each_kind():
    kinds = {s.what if not s.what.startswith(": ") else ": COMMAND" for s in SAMPLES}
    assert kinds == {": COMMAND", " the command it shows", " the commands above"}
    assert {s.lang for s in SAMPLES} >= {"", "json", "xml"}


def test_every_block_that_looks_like_output_is_a_marked_sample():
    unmarked = []
    for page in pages():
        text = page.read_text(encoding="utf-8")
        marked = {m.start("body") for m in MARKER.finditer(text)}
        for m in re.finditer(r"^```[a-z]*\n(.*?)^```$", text, re.S | re.M):
            body = m[1]
            if m.start(1) in marked or not LOOKS_LIKE_OUTPUT.search(body):
                continue
            name = str(page.relative_to(ROOT))
            if any(name == p and body.startswith(b) for p, b in NOT_SAMPLES):
                continue
            unmarked.append(f"{name}:{text.count(chr(10), 0, m.start())}: {body.splitlines()[0][:60]}")
    assert unmarked == [], "sample output without an '<!-- output of … -->' marker"
