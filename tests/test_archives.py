"""Archive inputs: Parquet, CSV and TSV records read like JSON Lines records, streamed."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

from newslint import Linter
from newslint.cli import main
from newslint.config import Config
from newslint.inputs import InputProblem, archives

RECORDS = Path(__file__).resolve().parent / "fixtures" / "engines" / "records.jsonl"


def _records() -> list[dict]:
    return [json.loads(line) for line in RECORDS.read_text(encoding="utf-8").splitlines()]


def _write_parquet(path: Path, rows: list[dict], row_group_size: int = 4) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=row_group_size)
    return path


def _write_csv(path: Path, rows: list[dict], delimiter: str = ",") -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _json_out(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:
    code = main(["--isolated", "--no-plugins", "--format", "json", *argv])
    return code, json.loads(capsys.readouterr().out)


def _by_id(doc: dict) -> dict[str, tuple[list[dict], str | None]]:
    """Findings by record id; ``source_line`` (the line of the file a record starts on) is left
    out, since it differs between file formats by design."""
    keys = ("code", "check", "category", "severity", "message", "start", "end", "line", "column",
            "excerpt", "suggestion", "confidence")  # the contract's fields, not the file locations
    return {f["path"].rsplit("#", 1)[1]: ([{k: x[k] for k in keys} for x in f["findings"]], f.get("error"))
            for f in doc["files"]}


@pytest.mark.parametrize("kind", ["parquet", "csv", "tsv"])
def test_archive_findings_equal_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    rows = _records()
    if kind == "parquet":
        archive = _write_parquet(tmp_path / "a.parquet", rows)
    else:
        archive = _write_csv(tmp_path / f"a.{kind}", rows, "\t" if kind == "tsv" else ",")
    code_jsonl, jsonl = _json_out(capsys, str(RECORDS))
    code_archive, doc = _json_out(capsys, str(archive))
    assert code_archive == code_jsonl == 2  # the broken record makes the run exit 2
    assert _by_id(doc) == _by_id(jsonl)
    assert [f["path"].rsplit("#", 1)[1] for f in doc["files"]] == [r["id"] for r in rows]
    assert sum(len(f["findings"]) for f in doc["files"]) > 10
    assert _by_id(doc)["broken-1"][1].startswith("record has no text field")


def test_field_mapping_and_row_numbers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [{"story": r["body"], "headline": r["title"]} for r in _records()[:3]]
    archive = _write_parquet(tmp_path / "renamed.parquet", rows)
    code, doc = _json_out(capsys, "--field", "body=story", "--field", "title=headline", str(archive))
    assert code in (0, 1)
    assert [f["path"] for f in doc["files"]] == [f"{archive}#{n}" for n in (1, 2, 3)]  # no id: row number
    assert doc["files"][0]["article"]["title"] == rows[0]["headline"]
    # Without the mapping, no field is recognised as the text: every row is reported.
    code, doc = _json_out(capsys, str(archive))
    assert code == 2 and all("no text field" in f["error"] for f in doc["files"])


def test_parquet_is_read_one_batch_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first article comes out before the second row group is read: the stream is lazy."""
    rows = [{"id": str(i), "body": f"Article number {i} says the council met on Monday."} for i in range(40)]
    archive = _write_parquet(tmp_path / "many.parquet", rows, row_group_size=10)
    monkeypatch.setattr(archives, "PARQUET_BATCH_ROWS", 10)
    import pyarrow.parquet as pq

    fetched: list[int] = []
    real = pq.ParquetFile.iter_batches

    def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        for batch in real(self, *args, **kwargs):
            fetched.append(batch.num_rows)
            yield batch

    monkeypatch.setattr(pq.ParquetFile, "iter_batches", counting)
    linter = Linter(load_entry_points=False)
    stream = linter.read(str(archive))
    first = next(stream)
    assert first.path == f"{archive}#0" and fetched == [10]
    assert len(list(stream)) == 39 and fetched == [10, 10, 10, 10]


def test_bad_rows_are_reported_and_the_rest_linted(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text('id,body\n1,"The council met on Monday."\n2,\n3,"Officials said the vote was close."\n',
                    encoding="utf-8")
    items = list(Linter(load_entry_points=False).read(str(path)))
    assert [type(i).__name__ for i in items] == ["Article", "InputProblem", "Article"]
    assert items[1].path == f"{path}#2"
    # A malformed row stops the CSV (the module cannot resynchronise), with a problem naming it.
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b'id,body\n1,"Fine text here."\n2,"unterminated text\n')
    items = list(Linter(load_entry_points=False).read(str(broken)))
    assert isinstance(items[-1], InputProblem) and "#2" in items[-1].path


def test_not_parquet_and_missing_pyarrow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "fake.parquet"
    fake.write_bytes(b"this is not parquet at all")
    items = list(Linter(load_entry_points=False).read(str(fake)))
    assert len(items) == 1 and "not a readable Parquet file" in items[0].message
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    items = list(Linter(load_entry_points=False).read(str(fake)))
    assert items[0].message == "reading Parquet needs pyarrow: pip install 'newslint[parquet]'"


def test_long_csv_fields_are_read(tmp_path: Path) -> None:
    body = "The council met on Monday and approved the budget. " * 4000  # 200 kB > csv default limit
    path = _write_csv(tmp_path / "long.csv", [{"id": "x", "body": body}])
    items = list(archives.parse_csv_stream(open(path, "rb"), str(path), Config()))
    assert len(items) == 1 and items[0].text == body


def test_run_summary_keeps_totals_not_one_entry_per_article() -> None:
    """A million-record stream must not grow the summary: it keeps sums, not a list of scores."""
    from dataclasses import fields

    from newslint.report import Report, Summary

    summary = Summary()
    linter = Linter(load_entry_points=False)
    reports = [linter.lint(t) for t in ("The council met.It voted.", "The council met on Monday.", "Fine.")]
    for report in reports:
        summary.add(report, "warning")
    summary.add(Report(path="x", error="unreadable"), "warning")
    assert reports[0].score < 100
    assert summary.mean_score == round(sum(r.score for r in reports) / 3, 1)
    assert not [f.name for f in fields(summary) if isinstance(getattr(summary, f.name), list | dict)
                and f.name != "by_severity"]


def test_parquet_stream_does_not_keep_every_row_group_read(tmp_path, monkeypatch):
    """pyarrow's pre-buffering keeps the coalesced reads of every row group already read until
    the file is closed (+70 MiB over a million short records, measured in docs/scale.md); the
    stream opens the file without it, and still reads every row."""
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    path = tmp_path / "feed.parquet"
    pq.write_table(pa.table({"id": [str(i) for i in range(50)], "body": [f"Text {i}." for i in range(50)]}),
                   path, row_group_size=10)
    opened: list[dict] = []
    real = pq.ParquetFile

    def spy(*args, **kwargs):
        opened.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(pq, "ParquetFile", spy)
    with open(path, "rb") as fh:
        items = list(archives.parse_parquet_stream(fh, str(path), Config()))
    assert [i.origin.record for i in items] == [str(i) for i in range(50)]
    assert opened and opened[0].get("pre_buffer") is False
