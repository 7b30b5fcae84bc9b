"""Engines: Dask (a real local cluster of worker processes) and Spark (local mode, real JVM).

Every engine must give exactly the default engine's findings on the same records (compared as
the contract's JSON), report a broken record and lint the rest, and report a worker that dies
instead of hanging on it. The Spark session and the Dask cluster are started once per module:
both take seconds to start on a small machine.
"""

from __future__ import annotations

import json
import math
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from newslint import Linter
from newslint.cli import main
from newslint.engines import partition
from newslint.engines.partition import ARTICLE_COLUMNS, FINDING_COLUMNS, LinterHandle

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "engines"
RECORDS = FIXTURES / "records.jsonl"
CRASH_PLUGIN = FIXTURES / "crash_plugin.py"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CONTRACT = [name for name, _ in FINDING_COLUMNS[1:]]


def _records() -> list[dict[str, Any]]:
    return [json.loads(line) for line in RECORDS.read_text(encoding="utf-8").splitlines()]


def _default_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--isolated", "--no-plugins", "--format", "json", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    """The default engine's JSON for the fixture records, by record id."""
    linter = Linter(load_entry_points=False)
    out: dict[str, Any] = {}
    for report in linter.lint_file(str(RECORDS)):
        data = report.to_dict()
        rid = report.path.rsplit("#", 1)[1]
        out[rid] = {"findings": [{k: f[k] for k in CONTRACT} for f in data["findings"]],
                    "score": data.get("score"), "error": data.get("error")}
    assert sum(len(v["findings"]) for v in out.values()) > 20 and out["broken-1"]["error"]
    return out


def _plain(frame: pd.DataFrame) -> list[dict[str, Any]]:
    rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return [{k: (int(v) if isinstance(v, int | float) and k in ("start", "end", "line", "column") else v)
             for k, v in row.items()} for row in rows]


def _check_against_default(findings: pd.DataFrame, articles: pd.DataFrame, expected: dict[str, Any]) -> None:
    """Findings per id equal the default engine's JSON; one summary row per record."""
    assert list(findings.columns) == [n for n, _ in FINDING_COLUMNS]
    assert list(articles.columns) == [n for n, _ in ARTICLE_COLUMNS]
    got: dict[str, list[dict[str, Any]]] = {rid: [] for rid in expected}
    for row in _plain(findings):
        got[row.pop("id")].append(row)
    assert got == {rid: v["findings"] for rid, v in expected.items()}
    summary = {row["id"]: row for row in _plain(articles)}
    assert set(summary) == set(expected)
    for rid, want in expected.items():
        row = summary[rid]
        if want["error"]:
            # (the wording names the fields tried, which depends on the mapping given)
            assert row["input_error"].startswith("record has no text field (tried 'body'")
            assert want["error"].startswith("record has no text field (tried 'body'")
            assert row["score"] is None and row["findings"] == 0
        else:
            assert row["input_error"] is None and math.isclose(row["score"], want["score"])
            assert row["findings"] == len(want["findings"])
            assert row["errors"] + row["warnings"] + row["info"] == row["findings"]
            for category in {f["category"] for f in want["findings"]}:
                assert row[category] == sum(f["category"] == category for f in want["findings"])


# -- shared partition helpers (no engine) ----------------------------------------------------

def test_handle_rebuilds_the_linter_once_per_process() -> None:
    linter = Linter({"ignore": ["readability"]}, load_entry_points=False)
    handle = LinterHandle.of(linter)
    shipped = pickle.loads(pickle.dumps(handle))
    assert len(handle.blob) < 2000  # the configuration travels, not the plugins and word lists
    assert shipped.get() is linter and shipped.get() is shipped.get()
    other = LinterHandle.of({"ignore": ["spelling"]})
    assert other.get() is not linter and other.get().config.ignore == ("spelling",)


def test_lint_rows_equal_default(expected: dict[str, Any]) -> None:
    linter = Linter(load_entry_points=False)
    found, articles = partition.lint_rows(linter, ((str(i), r) for i, r in enumerate(_records())))
    _check_against_default(partition.to_pandas(found, FINDING_COLUMNS),
                           partition.to_pandas(articles, ARTICLE_COLUMNS), expected)


def test_work_batches_keep_input_order_and_failures_keep_their_place(tmp_path: Path) -> None:
    linter = Linter(load_entry_points=False)
    items = [str(RECORDS), str(tmp_path / "missing.txt"), str(SEEDS)]
    batches = list(partition.work_batches(linter, linter.inputs(items), batch_articles=4))
    units = [u for b in batches for u in b]
    assert all(len(b) <= 4 for b in batches)
    labels = [u.path for u in units]
    assert labels[:len(_records())] == [f"{RECORDS}#{r['id']}" for r in _records()]
    assert labels[len(_records())] == str(tmp_path / "missing.txt")
    reports = partition.failed_units(units, "worker died")
    assert [r.path for r in reports] == labels and all(r.error for r in reports)


# -- Dask --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def dask_client() -> Iterator[Any]:
    """A real local cluster: two single-threaded worker processes; a task whose worker dies is
    not retried (so the crash test is quick)."""
    import dask
    from distributed import Client, LocalCluster

    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_dask_dataframe_and_bag_equal_default(dask_client: Any, expected: dict[str, Any]) -> None:
    import dask.bag as db
    import dask.dataframe as dd

    from newslint.engines.dask import lint

    linter = Linter(load_entry_points=False)
    frame = dd.from_pandas(pd.DataFrame(_records()), npartitions=3)
    result = lint(frame, linter, text_column="body", id_column="id")
    findings, articles = dask_client.gather(dask_client.compute([result.findings, result.articles]))
    _check_against_default(findings, articles, expected)

    bag = db.from_sequence(_records(), npartitions=4)
    result = lint(bag, linter)
    findings, articles = dask_client.gather(dask_client.compute([result.findings, result.articles]))
    _check_against_default(findings, articles, expected)

    # Seven partitions ran on two workers; each worker process built the linter once.
    built = dask_client.run(partition.builds_in_this_process)
    assert len(built) == 2 and set(built.values()) == {1}


def test_dask_worker_crash_is_reported(dask_client: Any) -> None:
    import dask.dataframe as dd
    from distributed import KilledWorker

    from newslint.engines.dask import lint

    crash = Linter({"plugins": [str(CRASH_PLUGIN)]}, load_entry_points=False)
    assert not crash.warnings and "ZZ901" in {c.code for c in crash.checks}
    rows = [*_records()[:4], {"id": "boom", "body": "The mayor said KILL-THE-WORKER-NOW today."}]
    result = lint(dd.from_pandas(pd.DataFrame(rows), npartitions=2), crash)
    future = dask_client.compute(result.findings)
    with pytest.raises(KilledWorker):
        future.result(timeout=180)
    dask_client.wait_for_workers(2, timeout=180)


def test_cli_dask_prints_what_the_default_engine_prints(
        dask_client: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    archive = tmp_path / "records.parquet"
    pq.write_table(pa.Table.from_pylist(_records()), archive, row_group_size=5)
    inputs = [str(SEEDS), str(RECORDS), str(archive), str(tmp_path / "missing.txt")]
    want = _default_json(capsys, *inputs)
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", dask_client.scheduler.address)
    got = _default_json(capsys, "--engine", "dask", *inputs)
    assert got == want and want[0] == 2
    assert json.loads(want[1])["summary"]["files"] == 2 * len(_records()) + len(list(SEEDS.iterdir())) + 1


def test_cli_dask_worker_crash_is_reported_and_the_rest_linted(
        dask_client: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": f"r{i}", "body": f"Story {i}: the council met on Monday.It voted."} for i in range(70)]
    rows[68]["body"] = "The mayor said KILL-THE-WORKER-NOW today."
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    config = tmp_path / "newslint.toml"
    config.write_text(f'plugins = ["{CRASH_PLUGIN}"]\n', encoding="utf-8")
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", dask_client.scheduler.address)
    # (--no-plugins would drop the config's local plugin too)
    code = main(["--config", str(config), "--format", "jsonl", "--engine", "dask", str(feed)])
    out, err = capsys.readouterr()
    entries = [json.loads(line) for line in out.splitlines()]
    assert code == 2 and [e["path"] for e in entries] == [f"{feed}#r{i}" for i in range(70)]
    linted = [e for e in entries if "error" not in e]
    assert len(linted) == 64 and all("NL201" in {f["code"] for f in e["findings"]} for e in linted)  # batch 1
    assert all("not linted: the Dask worker failed" in e["error"] for e in entries[64:])
    assert f"{feed}#r68: not linted" in err
    dask_client.wait_for_workers(2, timeout=180)


# -- Spark -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    """One local Spark session (two cores) for every Spark test: the JVM is slow to start."""
    from newslint.engines.spark import session

    spark, _ = session("local[2]")
    yield spark
    spark.stop()


def test_spark_findings_and_summary_equal_default(spark: Any, expected: dict[str, Any]) -> None:
    from newslint.engines.spark import lint

    df = spark.createDataFrame(_records(), "id string, title string, body string").repartition(3)
    result = lint(df, Linter(load_entry_points=False), text_column="body", id_column="id")
    result.frame.persist()
    findings = pd.DataFrame([r.asDict() for r in result.findings.collect()], columns=result.findings.columns)
    articles = pd.DataFrame([r.asDict() for r in result.articles.collect()], columns=result.articles.columns)
    _check_against_default(findings, articles, expected)
    result.frame.unpersist()


def test_spark_worker_crash_is_reported(spark: Any) -> None:
    from newslint.engines.spark import lint

    crash = Linter({"plugins": [str(CRASH_PLUGIN)]}, load_entry_points=False)
    rows = [{"id": "ok", "body": "The council met."}, {"id": "boom", "body": "KILL-THE-WORKER-NOW"}]
    result = lint(spark.createDataFrame(rows, "id string, body string"), crash)
    with pytest.raises(Exception, match="(?i)crash|exited|worker"):  # Py4J/PythonException: job aborted
        result.articles.collect()


def test_cli_spark_prints_what_the_default_engine_prints(
        spark: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv_path = tmp_path / "records.csv"
    pd.DataFrame(_records()).to_csv(csv_path, index=False)
    inputs = [str(SEEDS), str(RECORDS), str(csv_path)]
    want = _default_json(capsys, *inputs)
    got = _default_json(capsys, "--engine", "spark", *inputs)  # reuses the active session
    assert got[:2] == want[:2] and want[0] == 2


def test_engine_needs_its_extra(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pyspark", None)
    assert main(["--engine", "spark", str(SEEDS)]) == 2
    assert capsys.readouterr().err == ("newslint: error: spark support needs the 'pyspark' package: "
                                       "pip install 'newslint[spark]'\n")
    assert main(["--engine", "dask", "--fix", str(SEEDS)]) == 2


def test_engine_needs_one_configuration(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "newslint.toml").write_text(f'ignore = ["NL20{ord(name) - 96}"]\n', encoding="utf-8")
        (tmp_path / name / "story.txt").write_text("The council met.It voted.\n", encoding="utf-8")
    assert main(["--engine", "dask", str(tmp_path / "a"), str(tmp_path / "b")]) == 2
    assert "several config files: pass --config or --isolated" in capsys.readouterr().err
