"""The fuzz targets (benchmarks/fuzz) stay runnable: each passes on its seed drafts and reaches every reading
of the bytes, and the budgeted command prints its table (with the Hypothesis engine, which CI has)."""

from __future__ import annotations

import pytest

from benchmarks.fuzz import __main__ as fuzz_command
from benchmarks.fuzz.targets import TARGETS, check_document, decode
from rhetlint.parsers import parse


def test_bytes_are_read_three_ways_to_reach_every_code_point():
    assert decode(b"") == ""
    assert decode(b"\x00caf\xc3\xa9 \xff") == "café \ufffd"
    assert decode(b"\x01\x00\r\x85") == "\x00\r\x85"
    assert decode(b"\x02" + (0x1F600).to_bytes(3, "little") + (0xD800).to_bytes(3, "little")) == "😀\ufffd"


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_each_target_passes_on_the_seed_drafts(name, tmp_path):
    count = fuzz_command.seed_corpus(tmp_path)
    assert count > 10
    for seed in sorted(tmp_path.iterdir()):
        TARGETS[name](seed.read_bytes())
    for mode in (b"\x00", b"\x01", b"\x02"):
        TARGETS[name](mode + "Héllo\r\n<!-- rhetlint-disable L101 -->\r😀 ‘quoted’".encode())


def test_a_broken_promise_is_a_crash():
    doc = parse("A line.\nAnother.", None, "text")
    doc.text = doc.text.replace("\n", " ")
    with pytest.raises(AssertionError, match="line breaks"):
        check_document(doc, doc.source)


def test_the_command_prints_executions_and_crashes_per_target(capsys, tmp_path):
    code = fuzz_command.main(
        ["--seconds", "1", "--engine", "hypothesis", "--artifacts", str(tmp_path), "text"]
    )
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out[0] == "engine: hypothesis, budget: 1 s per target"
    name, executions, rate, crashes = out[2].split()
    assert (name, crashes) == ("text", "0") and int(executions.replace(",", "")) > 0
