"""``rhetlint audit``: inputs (JSONL, JSON, CSV, Parquet, folders), per-article results, per-group
statistics, errors per article, resuming after an interrupt, and the local and Dask engines agreeing."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

from rhetlint.audit import measure as audit_measure
from rhetlint.audit.stats import group_stats, group_value

BUILT_IN = "loaded-language,attribution,sourcing"

# Two short stories whose findings are known (see test_rows_match_rhetlint_check for the oracle).
SLAMMED = "The mayor slammed the council on Tuesday. Critics say the plan will fail.\n"
OFFICIALS = "Sources said the bridge would reopen in May, according to a report.\n"
# Non-ASCII and CRLF: curly quotes (a quoted word is the speaker's, not flagged), é, an emoji.
CURLY = "Café owners “slammed” the plan 😀.\r\nCritics say it is a blatant grab.\r\n"


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("RHETLINT_LOAD_PLUGINS", BUILT_IN)
    (tmp_path / "rhetlint.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def records() -> list[dict]:
    return [
        {"id": "a1", "text": SLAMMED, "labels": {"outlet": "Daily", "date": "2017-10-08"}, "author": "Ana"},
        {"id": "a2", "text": OFFICIALS, "labels": {"outlet": "Daily", "date": "2018-01-02"}, "author": "Bo"},
        {"id": "a3", "text": CURLY, "labels": {"outlet": "Weekly", "date": "2018-05-05"}, "author": "Ana"},
        {"id": "a4", "labels": {"outlet": "Weekly", "date": "2018-06-01"}, "author": "Cy"},  # no text
        {"id": "a5", "text": 42, "labels": {"outlet": "Weekly"}},  # text is not a string
    ]


def write_jsonl(path: Path, items: list[dict], extra_lines: tuple[str, ...] = ()) -> Path:
    lines = [json.dumps(item, ensure_ascii=False) for item in items] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


METADATA = ["--metadata", "outlet=labels.outlet,date=labels.date,author"]


def _umask() -> int:
    import os

    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_jsonl_to_csv_per_article_rows_and_errors(workdir, run_cli):
    source = write_jsonl(workdir / "in.jsonl", records(), ("{not json",))
    result = run_cli(["audit", source, "-o", workdir / "out", *METADATA, "--partition-size", "2"])
    assert result.code == 0, result.err
    assert result.err == ""  # not a terminal: no progress line
    rows = {row["id"]: row for row in read_csv(workdir / "out" / "articles.csv")}
    assert list(rows) == ["a1", "a2", "a3", "a4", "a5", "line 6"]
    a1 = rows["a1"]
    assert (a1["outlet"], a1["date"], a1["author"]) == ("Daily", "2017-10-08", "Ana")
    assert (a1["words"], a1["loaded_terms"], a1["rule.emotive-language"], a1["rule.vague-attribution"]) == (
        "13",
        "1",
        "1",
        "1",
    )
    assert (a1["attributions"], a1["anonymous_attributions"], a1["vague_attributions"]) == ("2", "0", "1")
    a2 = rows["a2"]
    assert (a2["loaded_terms"], a2["rule.anonymous-source"], a2["anonymous_attributions"]) == ("0", "1", "1")
    assert a2["sourcing_verdict"] == "none" and a2["error"] == ""
    a3 = rows["a3"]
    assert a3["rule.emotive-language"] == "1" and a3["rule.vague-attribution"] == "1", a3
    assert rows["a4"]["error"] == "no text (field 'text' is missing or empty)" and rows["a4"]["words"] == ""
    assert rows["a5"]["error"] == "the text field 'text' is int, not a string"
    assert rows["line 6"]["error"].startswith("line 6: invalid JSON")
    for name in ("articles.csv", "groups.csv", "summary.txt", "manifest.json", "parts/part-00000.jsonl"):
        assert (workdir / "out" / name).stat().st_mode & 0o777 == 0o666 & ~_umask(), name  # not 0600
    summary = (workdir / "out" / "summary.txt").read_text(encoding="utf-8")
    assert result.out.startswith(summary)
    assert result.out[len(summary) :].startswith("measured 6 articles (")
    assert summary.startswith("rhetlint audit: 6 articles (3 with errors), ")


def test_rows_match_rhetlint_check(workdir, run_cli):
    """The audit's per-rule counts are what `rhetlint check` reports for the same texts."""
    source = write_jsonl(workdir / "in.jsonl", records()[:3])
    assert run_cli(["audit", source, "-o", workdir / "out", "--format", "json"]).code == 0
    rows = json.loads((workdir / "out" / "articles.json").read_text(encoding="utf-8"))
    for row, text in zip(rows, (SLAMMED, OFFICIALS, CURLY), strict=True):
        draft = workdir / f"{row['id']}.txt"
        draft.write_bytes(text.encode("utf-8"))
        checked = run_cli(["check", "--no-cache", "--format", "json", "--fail-on", "error", draft]).json()[
            "diagnostics"
        ]
        names = [d["name"] for d in checked]
        counts = {k[len("rule.") :]: v for k, v in row.items() if k.startswith("rule.") and v}
        assert counts == {name: names.count(name) for name in names}
        assert row["findings"] == len(checked)


def test_group_statistics_are_pooled_over_the_group(workdir, run_cli):
    source = write_jsonl(workdir / "in.jsonl", records())
    result = run_cli(["audit", source, "-o", workdir / "out", *METADATA, "--group-by", "outlet"])
    assert result.code == 0, result.err
    articles = read_csv(workdir / "out" / "articles.csv")
    groups = {g["outlet"]: g for g in read_csv(workdir / "out" / "groups.csv")}
    assert list(groups) == ["Daily", "Weekly"]
    for outlet, group in groups.items():
        mine = [a for a in articles if a["outlet"] == outlet and a["words"]]
        words = sum(int(a["words"]) for a in mine)
        loaded = sum(int(a["loaded_terms"]) for a in mine)
        attributions = sum(int(a["attributions"]) for a in mine)
        vague = sum(int(a["vague_attributions"]) for a in mine)
        assert float(group["loaded_per_1000_words"]) == pytest.approx(loaded * 1000 / words, abs=1e-6)
        assert float(group["vague_share"]) == pytest.approx(vague / attributions, abs=1e-6)
        emotive = sum(int(a["rule.emotive-language"]) for a in mine)
        assert float(group["loaded_per_1000_words.emotive-language"]) == pytest.approx(
            emotive * 1000 / words, abs=1e-6
        )
        assert float(group["sources_per_story"]) == pytest.approx(
            sum(int(a["sources"]) for a in mine) / len(mine)
        )
        assert float(group["verdict_share.none"]) == pytest.approx(
            sum(a["sourcing_verdict"] == "none" for a in mine) / len(mine)
        )
    assert (groups["Daily"]["stories"], groups["Daily"]["errors"]) == ("2", "0")
    assert (groups["Weekly"]["stories"], groups["Weekly"]["errors"]) == ("3", "2")
    # Daily: 1 emotive term in 13 + 12 words; vague 'Critics say' and 'a report' of 4 attributions
    assert float(groups["Daily"]["loaded_per_1000_words"]) == pytest.approx(1000 / 25, abs=1e-5)
    assert float(groups["Daily"]["vague_share"]) == 0.5
    assert float(groups["Daily"]["anonymous_share"]) == 0.25


def test_group_by_year_and_by_two_fields():
    rows = [
        {"date": "2017-10-08", "outlet": "A", "words": 100, "loaded_terms": 1, "attributions": 0,
         "anonymous_attributions": 0, "vague_attributions": 0, "sources": 0, "sourcing_verdict": "none",
         "rule_counts": {"emotive-language": 1}},
        {"date": "2017-01-01", "outlet": "B", "words": 300, "loaded_terms": 0, "attributions": 4,
         "anonymous_attributions": 1, "vague_attributions": 0, "sources": 2,
         "sourcing_verdict": "one-sided-sourcing,single-source", "rule_counts": {}},
        {"date": None, "outlet": "B", "words": None, "rule_counts": {}},
    ]  # fmt: skip
    rules = [("L101", "emotive-language", "loaded-language"), ("S101", "one-sided-sourcing", "sourcing"),
             ("S102", "single-source", "sourcing")]  # fmt: skip
    by_year = group_stats(rows, ["date:year"], rules)
    assert [(g["date:year"], g["stories"], g["errors"]) for g in by_year] == [
        ("(none)", 1, 1),
        ("2017", 2, 0),
    ]
    assert by_year[1]["loaded_per_1000_words"] == 2.5
    assert by_year[1]["verdict_share.one-sided-sourcing"] == 0.5
    assert by_year[1]["verdict_share.single-source"] == 0.5
    assert by_year[1]["anonymous_share"] == 0.25
    both = group_stats(rows, ["outlet", "date:month"], rules)
    assert [(g["outlet"], g["date:month"]) for g in both] == [
        ("A", "2017-10"),
        ("B", "(none)"),
        ("B", "2017-01"),
    ]
    assert group_value({"d": "2017-10-08"}, "d:month") == "2017-10"


def test_csv_input_with_configured_columns_to_jsonl(workdir, run_cli):
    path = workdir / "in.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["story_id", "body", "paper", "byline"])
        writer.writerow(["s1", SLAMMED, "Daily", "Ana"])
        writer.writerow(["s2", CURLY + "x" * 200_000, "Weekly", "Bo"])  # over csv's default field limit
        writer.writerow(["s3", "", "Weekly", "Cy"])
    result = run_cli(
        ["audit", path, "-o", workdir / "out", "--format", "jsonl", "--id-column", "story_id",
         "--text-column", "body", "--metadata", "outlet=paper,author=byline", "--group-by", "author"]
    )  # fmt: skip
    assert result.code == 0, result.err
    rows = [json.loads(line) for line in (workdir / "out" / "articles.jsonl").read_text().splitlines()]
    assert [(r["id"], r["outlet"], r["author"]) for r in rows] == [("s1", "Daily", "Ana"), ("s2", "Weekly", "Bo"),
                                                                   ("s3", "Weekly", "Cy")]  # fmt: skip
    assert rows[0]["rule.emotive-language"] == 1 and rows[1]["rule.emotive-language"] == 1
    assert rows[2]["error"].startswith("no text")
    groups = [json.loads(line) for line in (workdir / "out" / "groups.jsonl").read_text().splitlines()]
    assert [g["author"] for g in groups] == ["Ana", "Bo", "Cy"]


def test_csv_without_the_text_column_is_one_error_line(workdir, run_cli):
    path = workdir / "in.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    result = run_cli(["audit", path, "-o", workdir / "out"])
    assert result.code == 2
    assert result.err_lines == [f"rhetlint: error: {path}: no column 'text' for the text (columns: id, body)"]


def test_json_array_input_and_folder_of_drafts(workdir, run_cli):
    path = workdir / "in.json"
    path.write_text(json.dumps({"articles": records()[:2]}), encoding="utf-8")
    assert run_cli(["audit", path, "-o", workdir / "out1", *METADATA]).code == 0
    assert [r["id"] for r in read_csv(workdir / "out1" / "articles.csv")] == ["a1", "a2"]

    drafts = workdir / "drafts"
    (drafts / "metro").mkdir(parents=True)
    (drafts / "metro" / "one.md").write_text(
        "---\noutlet: Daily\nauthor: Ana\n---\n# Title\n\n" + SLAMMED, encoding="utf-8"
    )
    (drafts / "two.txt").write_bytes(CURLY.encode("utf-8"))
    (drafts / "bad.md").write_bytes(b"\xff\xfe\x00bad")
    (drafts / "notes.csv").write_text("ignored", encoding="utf-8")
    result = run_cli(["audit", drafts, "-o", workdir / "out2", "--group-by", "folder"])
    assert result.code == 0, result.err
    rows = {r["id"]: r for r in read_csv(workdir / "out2" / "articles.csv")}
    assert sorted(rows) == ["bad.md", "metro/one.md", "two.txt"]
    assert (
        rows["metro/one.md"]["folder"],
        rows["metro/one.md"]["outlet"],
        rows["metro/one.md"]["author"],
    ) == (
        "metro",
        "Daily",
        "Ana",
    )
    assert rows["metro/one.md"]["rule.emotive-language"] == "1"
    assert rows["bad.md"]["error"] != "" and rows["bad.md"]["words"] == ""
    assert [g["folder"] for g in read_csv(workdir / "out2" / "groups.csv")] == ["(none)", "metro"]


def test_parquet_in_and_out(workdir, run_cli):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    items = records()[:3]
    table = pa.table(
        {
            "id": [r["id"] for r in items],
            "text": [r["text"] for r in items],
            "outlet": [r["labels"]["outlet"] for r in items],
            "year": [2017, 2018, 2018],
        }
    )
    pq.write_table(table, workdir / "in.parquet")
    result = run_cli(["audit", workdir / "in.parquet", "-o", workdir / "out", "--format", "parquet",
                      "--group-by", "outlet"])  # fmt: skip
    assert result.code == 0, result.err
    articles = pq.read_table(workdir / "out" / "articles.parquet").to_pylist()
    assert [(a["id"], a["outlet"], a["year"]) for a in articles] == [("a1", "Daily", 2017), ("a2", "Daily", 2018),
                                                                      ("a3", "Weekly", 2018)]  # fmt: skip
    assert articles[0]["rule.emotive-language"] == 1 and articles[2]["words"] > 0
    groups = pq.read_table(workdir / "out" / "groups.parquet").to_pylist()
    assert [g["outlet"] for g in groups] == ["Daily", "Weekly"]
    assert groups[0]["loaded_per_1000_words"] == pytest.approx(1000 / 25, abs=1e-5)


def test_parquet_without_pyarrow_says_which_extra(workdir, run_cli, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pyarrow(name, *args, **kwargs):
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    (workdir / "in.parquet").write_bytes(b"PAR1")
    result = run_cli(["audit", workdir / "in.parquet", "-o", workdir / "out"])
    assert result.code == 2
    assert result.err_lines == [
        f"rhetlint: error: {workdir / 'in.parquet'}: Parquet needs pyarrow: pip install 'rhetlint[audit]'"
    ]


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("missing.jsonl", None, "no such file or folder"),
        ("in.txt", "x", "cannot tell the format from the suffix"),
        ("in.json", "{oops", "invalid JSON: Expecting property name enclosed in double quotes at line 1"),
        ("in.json", '{"a": 1}', "expected a JSON array of articles"),
        ("in.jsonl", b"\xff\xfe{", "not UTF-8 text"),
    ],
)
def test_bad_input_is_one_error_line(workdir, run_cli, name, content, message):
    path = workdir / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    result = run_cli(["audit", path, "-o", workdir / "out"])
    assert result.code == 2 and len(result.err_lines) == 1, result.err
    assert result.err_lines[0].startswith(f"rhetlint: error: {path}: ") and message in result.err_lines[0]


def test_an_output_folder_inside_the_audited_folder_is_refused(workdir, run_cli):
    (workdir / "drafts").mkdir()
    (workdir / "drafts" / "one.md").write_text(SLAMMED, encoding="utf-8")
    result = run_cli(["audit", workdir / "drafts", "-o", workdir / "drafts" / "results"])
    assert result.code == 2
    assert result.err_lines == [
        f"rhetlint: error: {workdir / 'drafts' / 'results'}: is inside the audited folder; "
        "choose an output folder outside it"
    ]


def test_a_text_over_max_file_size_is_an_error_row(workdir, run_cli):
    (workdir / "rhetlint.toml").write_text("max-file-size = 0.001\n", encoding="utf-8")  # 1,000 bytes
    source = write_jsonl(
        workdir / "in.jsonl", [{"id": "big", "text": "é" * 600}, {"id": "small", "text": SLAMMED}]
    )
    assert run_cli(["audit", source, "-o", workdir / "out"]).code == 0
    rows = {r["id"]: r for r in read_csv(workdir / "out" / "articles.csv")}
    assert rows["big"]["error"] == "text is 0.0012 MB, over the max-file-size of 0.001 MB; not measured"
    assert rows["small"]["error"] == "" and rows["small"]["words"] == "13"


def test_progress_line_only_when_asked_or_on_a_terminal(workdir, run_cli):
    source = write_jsonl(workdir / "in.jsonl", records()[:3])
    result = run_cli(
        ["audit", source, "-o", workdir / "out", "--progress", "always", "--partition-size", "1"]
    )
    assert result.code == 0
    assert "\r[##############################] 3/3 articles" in result.err
    assert run_cli(["audit", source, "-o", workdir / "out2"]).err == ""


# --- resuming ----------------------------------------------------------------------------------------


def test_an_interrupted_audit_resumes_where_it_stopped(workdir, run_cli, monkeypatch):
    items = [dict(r, id=f"{r['id']}-{i}") for i in range(3) for r in records()[:3]]  # 9 articles
    source = write_jsonl(workdir / "in.jsonl", items)
    args = ["audit", source, *METADATA, "--partition-size", "2", "--group-by", "outlet"]
    assert run_cli([*args, "-o", workdir / "whole"]).code == 0

    real = audit_measure.measure_partition
    calls: list[list[str]] = []

    def interrupted_after_two(settings, articles):
        if len(calls) == 2:
            raise KeyboardInterrupt
        calls.append([a.id for a in articles])
        return real(settings, articles)

    monkeypatch.setattr("rhetlint.audit.engines.measure_partition", interrupted_after_two)
    first = run_cli([*args, "-o", workdir / "out"])
    assert first.code == 130 and "run the same command again to resume" in first.err
    assert sorted(p.name for p in (workdir / "out" / "parts").iterdir()) == [
        "part-00000.jsonl",
        "part-00001.jsonl",
    ]
    assert not (workdir / "out" / "articles.csv").exists()

    calls.clear()
    monkeypatch.setattr(
        "rhetlint.audit.engines.measure_partition", lambda s, a: calls.append([x.id for x in a]) or real(s, a)
    )
    second = run_cli([*args, "-o", workdir / "out"])
    assert second.code == 0, second.err
    assert calls == [["a2-1", "a3-1"], ["a1-2", "a2-2"], ["a3-2"]]  # partitions 2, 3 and 4 only
    for name in ("articles.csv", "groups.csv", "summary.txt"):
        assert (workdir / "out" / name).read_bytes() == (workdir / "whole" / name).read_bytes(), name


def test_an_output_folder_of_another_input_is_refused_until_restart(workdir, run_cli):
    source = write_jsonl(workdir / "in.jsonl", records()[:2])
    assert run_cli(["audit", source, "-o", workdir / "out"]).code == 0
    write_jsonl(source, records()[:3])
    refused = run_cli(["audit", source, "-o", workdir / "out"])
    assert refused.code == 2
    assert refused.err_lines == [
        f"rhetlint: error: {workdir / 'out'}: holds an audit of another input, configuration or partition size; "
        "pass --restart to replace it, or choose another --output"
    ]
    restarted = run_cli(["audit", source, "-o", workdir / "out", "--restart"])
    assert restarted.code == 0 and len(read_csv(workdir / "out" / "articles.csv")) == 3
    (workdir / "other").mkdir()
    (workdir / "other" / "keep.txt").write_text("mine", encoding="utf-8")
    assert run_cli(["audit", source, "-o", workdir / "other"]).code == 2
    assert (workdir / "other" / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_an_article_that_crashes_a_rule_is_recorded_and_the_run_goes_on(workdir, run_cli, monkeypatch):
    real = audit_measure.Linter.lint

    def lint(self, doc, rules=None):
        if "bridge" in doc.source:
            raise RuntimeError("parser exploded")
        return real(self, doc, rules)

    monkeypatch.setattr(audit_measure.Linter, "lint", lint)
    source = write_jsonl(workdir / "in.jsonl", records()[:3])
    assert run_cli(["audit", source, "-o", workdir / "out"]).code == 0
    rows = {r["id"]: r for r in read_csv(workdir / "out" / "articles.csv")}
    assert rows["a2"]["error"] == "RuntimeError: parser exploded"
    assert rows["a1"]["error"] == "" and rows["a3"]["words"] != ""


# --- engines ------------------------------------------------------------------------------------------


def _outputs(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in ("articles.csv", "groups.csv", "summary.txt")}


def test_local_worker_processes_give_the_same_results(workdir, run_cli):
    items = [dict(r, id=f"{r['id']}-{i}") for i in range(4) for r in records()]
    source = write_jsonl(workdir / "in.jsonl", items)
    args = ["audit", source, *METADATA, "--partition-size", "3", "--group-by", "outlet"]
    assert run_cli([*args, "-o", workdir / "one"]).code == 0
    assert run_cli([*args, "-o", workdir / "two", "--jobs", "2"]).code == 0
    assert _outputs(workdir / "one") == _outputs(workdir / "two")


DYING_PLUGIN = """
import os
from pathlib import Path

from rhetlint import hookimpl, rule


@rule(code="T501", name="dies-on-request", category="testing")
def dies(doc, options):
    \"\"\"Ends its process on a marked article while the flag file exists.\"\"\"
    if "Sources said" in doc.source and Path(os.environ["AUDIT_DIE_FLAG"]).exists():
        os._exit(3)  # as a plugin's os._exit or the OOM killer would
    return ()


@hookimpl
def rhetlint_register_rules(register):
    register(dies)
"""


def test_a_worker_that_dies_fails_its_partitions_and_a_rerun_finishes(workdir, run_cli, monkeypatch):
    (workdir / "plugins").mkdir()
    (workdir / "plugins" / "dying.py").write_text(DYING_PLUGIN, encoding="utf-8")
    (workdir / "rhetlint.toml").write_text('plugins-dir = "plugins"\n', encoding="utf-8")
    flag = workdir / "die.flag"
    monkeypatch.setenv("AUDIT_DIE_FLAG", str(flag))
    items = [
        dict(r, id=f"{r['id']}-{i}") for i in range(4) for r in records()[:3]
    ]  # 12 articles, 4 with "Sources said"
    source = write_jsonl(workdir / "in.jsonl", items)
    args = ["audit", source, *METADATA, "--partition-size", "2", "--jobs", "2", "--allow-local-plugins"]
    assert run_cli([*args, "-o", workdir / "whole"]).code == 0
    flag.write_text("", encoding="utf-8")
    broken = run_cli([*args, "-o", workdir / "out"])
    assert broken.code == 2, broken.err
    assert "not measured: a worker process died" in broken.err
    assert broken.err_lines[-1].endswith("partition(s) failed; run the same command again to retry them")
    assert not (workdir / "out" / "articles.csv").exists()
    flag.unlink()
    assert run_cli([*args, "-o", workdir / "out"]).code == 0
    assert _outputs(workdir / "out") == _outputs(workdir / "whole")


def test_dask_cluster_of_two_worker_processes_gives_the_local_results(workdir, run_cli):
    distributed = pytest.importorskip("dask.distributed")
    items = [dict(r, id=f"{r['id']}-{i}") for i in range(4) for r in records()]  # 20 articles, 7 partitions
    source = write_jsonl(workdir / "in.jsonl", items)
    args = ["audit", source, *METADATA, "--partition-size", "3", "--group-by", "outlet,date:year"]
    assert run_cli([*args, "-o", workdir / "local"]).code == 0
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        result = run_cli(
            [*args, "-o", workdir / "dask", "--engine", "dask", "--scheduler", cluster.scheduler_address]
        )
        assert result.code == 0, result.err
        # each worker process built the linter once, for all the partitions it measured
        builds = client.run(lambda: __import__("rhetlint.audit.measure", fromlist=["x"]).BUILDS)
    assert _outputs(workdir / "dask") == _outputs(workdir / "local")
    assert len(builds) == 2 and all(count == 1 for count in builds.values()), builds
    assert len(list((workdir / "dask" / "parts").iterdir())) == 7


def test_dask_engine_with_an_unreachable_scheduler_is_one_error_line(workdir, run_cli):
    pytest.importorskip("dask.distributed")
    source = write_jsonl(workdir / "in.jsonl", records()[:1])
    result = run_cli(
        ["audit", source, "-o", workdir / "out", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"]
    )
    assert result.code == 2
    assert len(result.err_lines) == 1 and result.err_lines[0].startswith(
        "rhetlint: error: cannot reach the Dask scheduler tcp://127.0.0.1:9"
    ), result.err


def test_the_summary_in_the_docs_is_a_real_run(workdir, run_cli):
    """docs/audit.md shows the summary of auditing examples/archive.jsonl: it must stay what the run gives."""
    repo = Path(__file__).resolve().parent.parent
    page = (repo / "docs" / "audit.md").read_text(encoding="utf-8")
    marker = (
        "<!-- audit-summary: rhetlint audit examples/archive.jsonl -o audit-out --group-by outlet -->\n```\n"
    )
    shown = page.split(marker, 1)[1].split("```", 1)[0]
    assert shown.startswith("$ cat audit-out/summary.txt\n")
    result = run_cli(
        ["audit", repo / "examples" / "archive.jsonl", "-o", workdir / "audit-out", "--group-by", "outlet"]
    )
    assert result.code == 0, result.err
    real = (workdir / "audit-out" / "summary.txt").read_text(encoding="utf-8")
    if os.environ.get("RHETLINT_UPDATE_DOCS"):  # as tests/test_doc_samples.py: rewrite from the real run
        page = page.replace(marker + shown, marker + "$ cat audit-out/summary.txt\n" + real)
        (repo / "docs" / "audit.md").write_text(page, encoding="utf-8")
        shown = "$ cat audit-out/summary.txt\n" + real
    assert real == shown.split("\n", 1)[1]
