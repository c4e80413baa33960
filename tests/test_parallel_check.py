"""--jobs: batches cover every file once, and forked workers start from the parent's warm session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from rhetlint.lint import session as session_module
from rhetlint.lint.session import BATCHES_PER_WORKER, Session, batches, check_paths


@pytest.mark.parametrize(("files", "jobs"), [(1, 2), (5, 2), (200, 2), (1000, 3)])
def test_batches_hold_every_file_once_and_are_even(files, jobs):
    paths = [f"s{i:04d}.md" for i in range(files)]
    dealt = batches(paths, jobs)
    assert sorted(p for batch in dealt for p in batch) == paths
    assert len(dealt) == min(files, jobs * BATCHES_PER_WORKER)
    sizes = {len(batch) for batch in dealt}
    assert max(sizes) - min(sizes) <= 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_forked_workers_adopt_the_warmed_session(tmp_path):
    session = Session()
    context, initializer, initargs = session_module._pool_setup(session, [str(tmp_path / "a.md")])
    assert context.get_start_method() == "fork"
    assert initializer is session_module._adopt_session and initargs == (session,)
    assert session.linters()  # warmed before forking


def test_warming_up_runs_only_rhetlint_s_own_rules(project):
    project.write("rhetlint.toml", 'plugins-dir = "plugins"\n')
    project.plugin(
        "recorder",
        """
        from rhetlint import hookimpl, rule, Finding

        SEEN = []

        @rule(code="X901", name="recorder", category="test")
        def recorder(doc, options):
            SEEN.append(doc.text)
            return iter(())

        @hookimpl
        def rhetlint_register_rules(register):
            register(recorder)
        """,
    )
    session = Session(allow_local_plugins=True)
    path = str(Path(project.root) / "a.md")
    session.warm_up(path)
    [linter] = session.linters()
    recorder = sys.modules["rhetlint_local_recorder"]
    assert any(rule.code == "X901" for rule in linter.rules_for(path))
    assert recorder.SEEN == []


def test_jobs_give_the_files_to_workers_and_merge_every_outcome(tmp_path, monkeypatch):
    monkeypatch.setenv("RHETLINT_LOAD_PLUGINS", "loaded-language,attribution")
    for i in range(7):
        (tmp_path / f"s{i}.md").write_text(
            f"Critics say scheme number {i} is a blatant ploy.\n", encoding="utf-8"
        )
    paths = sorted(str(p) for p in tmp_path.glob("*.md"))
    session = Session(keep_sources=True)
    one = check_paths(session, paths, jobs=1)
    two = check_paths(Session(keep_sources=True), paths, jobs=2)
    assert two.files_checked == one.files_checked == 7
    assert len(one.diagnostics) >= 7
    key = lambda d: d.sort_key()  # noqa: E731
    assert sorted(two.diagnostics, key=key) == sorted(one.diagnostics, key=key)
    assert set(two.sources) == set(one.sources) == set(paths)
