"""The results cache: a second check of unchanged files reads their results; anything that could change
them (each part of the key) makes it lint again; parallel runs and damaged entries never give wrong results."""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from pathlib import Path

import pytest

from rhetlint.lint import cache_key
from rhetlint.lint.results_cache import CACHE_DIR_ENV, ResultsCache, default_cache_dir
from rhetlint.lint.session import Session
from rhetlint.model.diagnostics import Diagnostic, Fix, Position

# T301 counted-word flags "zork" and appends the checked path to $RHETLINT_TEST_RUNS each time it runs, so a
# test sees whether a file was linted or answered from the cache. Its option `extra` names a word file
# (a lexicon-like option whose contents matter).
COUNTING_PLUGIN = '''
import os
from pathlib import Path

from rhetlint import Finding, hookimpl, rule

__version__ = "1.0"


@rule(code="T301", name="counted-word", category="testing", severity="warning",
      options={"word": "zork", "extra": ""})
def counted_word(doc, options):
    """Flags the word, counting its runs."""
    with open(os.environ["RHETLINT_TEST_RUNS"], "a", encoding="utf-8") as fh:
        fh.write(f"{doc.path}\\n")
    words = {options.word}
    if options.extra:
        words |= set((options.base_dir / options.extra).read_text(encoding="utf-8").split())
    for t in doc.tokens:
        if t.norm in words:
            yield Finding(t.start, t.end, f"word '{t.text}' found")


@hookimpl
def rhetlint_register_rules(register):
    register(counted_word)
'''

CONFIG = 'plugins-dir = "plugins"\ndisable-plugins = ["marker"]\n'


@pytest.fixture
def runs(tmp_path, monkeypatch) -> Path:
    log = tmp_path / "runs.log"
    log.write_text("", encoding="utf-8")
    monkeypatch.setenv("RHETLINT_TEST_RUNS", str(log))
    return log


@pytest.fixture
def counted(project, runs):
    project.plugin("counting", COUNTING_PLUGIN)
    project.config(CONFIG)
    project.write("a.md", "A zork here, and “é” 😀 zork.\r\nSecond line zork.\n")
    project.write("b.md", "Nothing to see.\n")

    def linted() -> list[str]:
        """The files linted since the last call."""
        names = [Path(line).name for line in runs.read_text(encoding="utf-8").splitlines()]
        runs.write_text("", encoding="utf-8")
        return sorted(names)

    return linted


def check(run_cli, project, *extra):
    return run_cli(["check", *extra, "a.md", "b.md"], cwd=project.root)


def test_a_second_run_of_unchanged_files_reads_the_cache(project, run_cli, counted):
    first = check(run_cli, project)
    assert counted() == ["a.md", "b.md"]
    second = check(run_cli, project)
    assert counted() == []
    assert (second.code, second.out, second.err) == (first.code, first.out, first.err)
    assert first.code == 1 and "a.md:1:3: warning: word 'zork' found [T301 counted-word]" in first.lines
    as_json = [check(run_cli, project, "--format", "json").json() for _ in range(2)]
    assert as_json[0] == as_json[1]


def test_no_cache_lints_every_file_and_writes_nothing(project, run_cli, counted, tmp_path):
    folder = tmp_path / "elsewhere"
    for _ in range(2):
        check(run_cli, project, "--no-cache", "--cache-dir", folder)
        assert counted() == ["a.md", "b.md"]
    assert not folder.exists()


def test_cache_false_in_the_configuration(project, run_cli, counted):
    project.config(CONFIG + "cache = false\n")
    for _ in range(2):
        check(run_cli, project)
        assert counted() == ["a.md", "b.md"]


def test_cache_dir_option_environment_and_configuration(project, run_cli, counted, tmp_path, monkeypatch):
    check(run_cli, project, "--cache-dir", tmp_path / "given")
    assert list((tmp_path / "given" / "results-v1").glob("*/*.json"))
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "from-env"))
    check(run_cli, project)
    assert list((tmp_path / "from-env" / "results-v1").glob("*/*.json"))
    monkeypatch.delenv(CACHE_DIR_ENV)
    project.config(CONFIG + 'cache-dir = ".cache/rhetlint"\n')
    counted()
    check(run_cli, project)
    assert counted() == ["a.md", "b.md"]
    assert list((project.root / ".cache" / "rhetlint" / "results-v1").glob("*/*.json"))
    assert (project.root / ".cache" / "rhetlint" / "results-v1" / "CACHEDIR.TAG").is_file()
    assert (project.root / ".cache" / "rhetlint" / "results-v1" / ".gitignore").read_text().splitlines()[
        -1
    ] == "*"


def test_default_cache_dir_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "rhetlint"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert default_cache_dir() == Path.home() / ".cache" / "rhetlint"


# --- invalidation: each part of the key ------------------------------------------------------------


def test_changed_content_is_linted_again(project, run_cli, counted):
    check(run_cli, project)
    counted()
    project.write("b.md", "Now a zork.\n")
    result = check(run_cli, project)
    assert counted() == ["b.md"]
    assert "b.md:1:7: warning: word 'zork' found [T301 counted-word]" in result.lines


def test_another_rhetlint_version_lints_again(project, run_cli, counted, monkeypatch):
    check(run_cli, project)
    counted()
    monkeypatch.setattr(cache_key, "__version__", "99.0")
    check(run_cli, project)
    assert counted() == ["a.md", "b.md"]


def test_another_plugin_version_lints_again(project, run_cli, counted, monkeypatch):
    check(run_cli, project)
    counted()
    # the same code and files, another version reported by the plugin set
    from rhetlint.hooks import manager

    real = manager.load_plugins

    def bumped(*args, **kwargs):
        plugins = real(*args, **kwargs)
        plugins.infos = [
            manager.PluginInfo(i.name, "9.9", i.source, i.hooks) if i.name.endswith("counting") else i
            for i in plugins.infos
        ]
        return plugins

    monkeypatch.setattr("rhetlint.lint.session.load_plugins", bumped)
    check(run_cli, project)
    assert counted() == ["a.md", "b.md"]


def test_edited_plugin_code_lints_again(project, run_cli, counted):
    check(run_cli, project)
    counted()
    path = project.plugin("counting", COUNTING_PLUGIN.replace("found", "seen"))
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))  # a later time even on coarse clocks
    result = check(run_cli, project)
    assert counted() == ["a.md", "b.md"]
    assert "a.md:1:3: warning: word 'zork' seen [T301 counted-word]" in result.lines


def test_another_set_of_plugins_lints_again(project, run_cli, counted):
    check(run_cli, project)
    counted()
    project.config('plugins-dir = "plugins"\n')  # the marker plugin loads too
    result = check(run_cli, project)
    assert counted() == ["a.md", "b.md"]
    assert any("T101" in line for line in result.lines)


@pytest.mark.parametrize(
    "change",
    [
        ("--select", "T301"),  # the selected rules (the marker plugin's rules are off; T301 still runs)
        ("--ignore", "T301"),
        ("--extend-select", "T301"),
    ],
)
def test_another_selection_lints_again_where_it_matters(project, run_cli, counted, change):
    project.config('plugins-dir = "plugins"\n')
    first = check(run_cli, project)
    counted()
    changed = check(run_cli, project, *change)
    linted = counted()
    if change[0] == "--ignore":
        assert linted == [] and not any("T301" in line for line in changed.lines)
    elif change[0] == "--select":
        assert linted == ["a.md", "b.md"] and not any("T101" in line for line in changed.lines)
    else:  # the same rules run: the key is the same and nothing is linted again
        assert linted == [] and changed.out == first.out


def test_another_severity_lints_again(project, run_cli, counted):
    check(run_cli, project)
    counted()
    project.config(CONFIG + '[severity]\ncounted-word = "error"\n')
    result = check(run_cli, project)
    assert counted() == ["a.md", "b.md"]
    assert "a.md:1:3: error: word 'zork' found [T301 counted-word]" in result.lines


def test_another_rule_option_lints_again(project, run_cli, counted):
    check(run_cli, project)
    counted()
    project.config(CONFIG + '[rules.counted-word]\nword = "absent"\n')
    result = check(run_cli, project)
    assert counted() == ["a.md", "b.md"]
    assert result.code == 0, result.out


def test_edited_file_named_by_an_option_lints_again(project, run_cli, counted):
    project.write("words.txt", "see\n")
    project.config(CONFIG + '[rules.counted-word]\nextra = "words.txt"\n')
    check(run_cli, project)
    counted()
    project.write("words.txt", "see\nnothing\n")  # the configuration is unchanged, the word list is not
    result = check(run_cli, project)
    assert counted() == ["a.md", "b.md"]
    assert "b.md:1:1: warning: word 'Nothing' found [T301 counted-word]" in result.lines


def test_edited_rule_file_lints_again(project, run_cli, counted):
    rule_file = '[[rule]]\ncode = "H101"\nname = "banned-phrase"\nkind = "existence"\nwhy = "Banned."\n'
    project.write("house.toml", rule_file + 'phrases = ["here"]\n')
    project.config(CONFIG + 'rule-files = ["house.toml"]\n')
    first = check(run_cli, project)
    assert any("H101" in line for line in first.lines)
    counted()
    project.write("house.toml", rule_file + 'phrases = ["see"]\n')
    result = check(run_cli, project)
    assert counted() == ["a.md", "b.md"]
    assert "b.md:1:12: warning: 'see' is on the list of words to avoid [H101 banned-phrase]" in result.lines


def test_other_sides_lint_again(project, run_cli, counted):
    check(run_cli, project)
    counted()
    project.config(CONFIG + '[sides]\nleft = ["Ana Ruiz"]\nright = ["Bo Lee"]\n')
    check(run_cli, project)
    assert counted() == ["a.md", "b.md"]


def test_per_file_ignores_change_only_the_files_they_name(project, run_cli, counted):
    check(run_cli, project)
    counted()
    project.config(CONFIG + '[per-file-ignores]\n"a.md" = ["T301"]\n')
    result = check(run_cli, project)
    assert counted() == []  # a.md runs no rule now (its key changed: no lint needed), b.md is unchanged
    assert result.code == 0
    project.config(CONFIG)
    assert check(run_cli, project).code == 1
    assert counted() == []  # the earlier entry for a.md with T301 is still there


def test_input_format_is_part_of_the_key(project, run_cli, counted):
    check(run_cli, project)
    counted()
    check(run_cli, project, "--input-format", "text")
    assert counted() == ["a.md", "b.md"]


def test_a_rule_error_is_not_cached(project, run_cli, runs):
    project.plugin(
        "broken",
        '''
        from rhetlint import hookimpl, rule
        import os

        @rule(code="T401", name="broken", category="testing")
        def broken(doc, options):
            """Crashes."""
            with open(os.environ["RHETLINT_TEST_RUNS"], "a") as fh:
                fh.write("ran\\n")
            raise RuntimeError("boom")

        @hookimpl
        def rhetlint_register_rules(register):
            register(broken)
        ''',
    )
    project.write("c.md", "Text.\n")
    for _ in range(2):
        result = run_cli(["check", "c.md"], cwd=project.root)
        assert "RL900" in result.out
    assert runs.read_text().splitlines() == ["ran", "ran"]


def test_jobs_use_the_cache_too(project, run_cli, counted, run_process, runs):
    for i in range(6):
        project.write(f"many/s{i}.md", f"Story {i} with zork.\n")
    first = run_cli(["check", "--jobs", "2", "many"], cwd=project.root)
    assert len(counted()) == 6
    second = run_cli(["check", "--jobs", "2", "many"], cwd=project.root)
    assert counted() == []
    assert second.out == first.out and first.code == 1


# --- damaged entries and parallel runs -------------------------------------------------------------


def _entries(folder: Path) -> list[Path]:
    return sorted((folder / "results-v1").glob("*/*.json"))


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: b"",  # empty
        lambda data: b"\x00\xff garbage \x89PNG",  # not JSON, not UTF-8
        lambda data: data[:-3] + b"X" + data[-2:],  # one byte of the diagnostics changed
        lambda data: json.dumps({"format": 1}).encode() + b"\n[]",  # a header without key or digests
        lambda data: data.split(b"\n", 1)[0] + b"\n" + b'[["T301"]]',  # another payload
    ],
    ids=["truncated", "empty", "garbage", "flipped-byte", "no-key", "wrong-payload"],
)
def test_a_damaged_entry_is_a_miss_and_is_rewritten(project, run_cli, counted, damage):
    first = check(run_cli, project)
    counted()
    folder = Path(os.environ[CACHE_DIR_ENV])
    entries = _entries(folder)
    assert len(entries) == 2
    for entry in entries:
        entry.write_bytes(damage(entry.read_bytes()))
    second = check(run_cli, project)
    assert (second.code, second.out, second.err) == (first.code, first.out, first.err)
    assert counted() == ["a.md", "b.md"]
    third = check(run_cli, project)  # rewritten whole: read again
    assert counted() == [] and third.out == first.out


def test_an_unwritable_cache_folder_warns_once_and_the_run_goes_on(project, run_cli, counted, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = check(run_cli, project, "--cache-dir", blocker)
    assert result.code == 1 and "T301" in result.out
    warnings = [line for line in result.err_lines if "results cache" in line]
    assert len(warnings) == 1 and warnings[0].startswith("rhetlint: warning: cannot write the results cache")


def _diagnostic(i: int) -> Diagnostic:
    return Diagnostic(
        "x.md",
        "T301",
        "counted-word",
        "testing",
        "warning",
        f"message {i} with é 😀 “curly”" + "x" * 2000,
        Position(1, 1, 0),
        Position(1, 5, 4),
        "zork",
        fixes=(Fix("use", "that", 0, 4),),
        related=((Position(2, 1, 10), Position(2, 3, 12), "see"),),
        plugin="counting",
        data={"n": i},
    )


def _hammer(folder: str, writer: int, rounds: int, queue) -> None:
    """Write and read the same entries as another process, counting reads that were not whole."""
    cache = ResultsCache(Path(folder))
    broken = 0
    for round_ in range(rounds):
        for key in ("a" * 64, "b" * 64):
            cache.save(key, "the same source", [_diagnostic(writer * 1000 + round_)] * 20)
            got = cache.load(key, "the same source", "x.md")
            if got is None or len(got) != 20 or got[0].message[:8] != "message ":
                broken += 1
    queue.put(broken)


def test_two_processes_writing_the_same_entries_never_read_a_partial_one(tmp_path):
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    workers = [context.Process(target=_hammer, args=(str(tmp_path), w, 150, queue)) for w in (1, 2)]
    for worker in workers:
        worker.start()
    results = [queue.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    assert results == [0, 0]
    assert not [p for p in (tmp_path / "results-v1").rglob(".*.tmp")]  # no temporary files left over


def test_two_check_processes_at_once_give_the_uncached_results(project, run_process, counted, tmp_path):
    import subprocess
    import sys

    for i in range(40):
        project.write(f"many/s{i}.md", f"Story {i} with zork and “quotes” é.\r\n" * 20)
    expected = run_process(["check", "--no-cache", "many"], cwd=project.root).out
    folder = tmp_path / "shared-cache"
    command = [sys.executable, "-m", "rhetlint", "check", "--cache-dir", str(folder), "many"]
    procs = [subprocess.Popen(command, cwd=project.root, stdout=subprocess.PIPE) for _ in range(2)]
    outs = [p.communicate(timeout=120)[0].decode("utf-8") for p in procs]
    assert outs == [expected, expected]
    counted()
    assert run_process(["check", "--cache-dir", folder, "many"], cwd=project.root).out == expected
    assert counted() == []
    assert len(_entries(folder)) == 40


# --- pruning ---------------------------------------------------------------------------------------


def test_prune_removes_old_entries_and_the_least_recently_used_beyond_the_cap(tmp_path):
    cache = ResultsCache(tmp_path, max_entries=10, max_age_days=30)
    now = time.time()
    for i in range(15):
        cache.save(f"{i:064x}", "source", [])
        age = (40 if i < 3 else 15 - i) * 24 * 3600.0  # three entries unused for 40 days
        os.utime(cache.entry_path(f"{i:064x}"), (now - age, now - age))
    leftover = tmp_path / "results-v1" / "00" / ".abc.tmp"
    leftover.write_bytes(b"half")
    os.utime(leftover, (now - 7200, now - 7200))
    removed = cache.prune(now)
    kept = {p.stem for p in _entries(tmp_path)}
    # 3 too old, then 12 left over a cap of 10: the 3 least recently used go (down to 9)
    assert removed == 3 + 3 + 1
    assert kept == {f"{i:064x}" for i in range(6, 15)}
    assert not leftover.exists()


def test_prune_runs_at_most_once_a_day(tmp_path):
    cache = ResultsCache(tmp_path, max_entries=2)
    for i in range(3):
        cache.save(f"{i:064x}", "source", [])
    assert cache.prune_if_due() == 2  # 3 over a cap of 2: down to 90% of it, one entry
    for i in range(3):
        cache.save(f"{i:064x}", "source", [])
    assert cache.prune_if_due() == 0  # pruned less than a day ago
    assert len(_entries(tmp_path)) == 3
    stamp = tmp_path / "results-v1" / "last-prune"
    os.utime(stamp, (time.time() - 25 * 3600, time.time() - 25 * 3600))
    assert cache.prune_if_due() == 2


def test_a_hit_gives_back_exactly_what_was_saved(tmp_path):
    cache = ResultsCache(tmp_path)
    saved = [_diagnostic(1), _diagnostic(2)]
    cache.save("c" * 64, "source é", saved)
    assert cache.load("c" * 64, "source é", "x.md") == saved
    assert [d.data for d in cache.load("c" * 64, "source é", "x.md") or []] == [{"n": 1}, {"n": 2}]
    assert cache.load("c" * 64, "other source", "x.md") is None
    moved = cache.load("c" * 64, "source é", "elsewhere/x.md")
    assert moved is not None and {d.path for d in moved} == {"elsewhere/x.md"}


def test_session_without_a_cache_writes_nothing(project, tmp_path, runs):
    project.plugin("counting", COUNTING_PLUGIN)
    project.config(CONFIG)
    path = project.write("a.md", "zork\n")
    session = Session()
    assert session.cache is None
    assert session.check_file(str(path)).diagnostics


def test_the_same_content_at_another_path_has_its_own_entry(project, run_cli, counted):
    check(run_cli, project)
    counted()
    project.write("copy/a.md", (project.root / "a.md").read_text(encoding="utf-8"))
    result = run_cli(["check", "copy/a.md"], cwd=project.root)
    assert counted() == ["a.md"]  # linted: its path differs (per-file ignores, the format, the report)
    assert result.lines[0].startswith("copy/a.md:1:3: warning: word 'zork' found")
