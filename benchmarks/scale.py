#!/usr/bin/env python3
"""Archives at scale: articles per second for the default engine, Dask and Spark, and the peak
memory of a million-record Parquet stream.

    python benchmarks/scale.py generate --records 10000 --shards 10 --out /tmp/scale
    python benchmarks/scale.py throughput --data /tmp/scale --workers 1,2 > /tmp/scale/throughput.md
    python benchmarks/scale.py generate --records 1000000 --shards 1 --paragraphs --out /tmp/scale-1m
    python benchmarks/scale.py memory --data /tmp/scale-1m/parquet --select spacing,punctuation
    python benchmarks/scale.py report-path --data /tmp/scale-1m/parquet   # the CLI path alone

Records are generated from ``../shared/corpus`` (clean, defective and dev-clean articles, cycled
with fresh ids; ``--paragraphs`` makes one record per paragraph, for the million-record stream).
Each run is the command line, ``newslint --format jsonl``, in a subprocess, read as it streams:
**start-up** is the time to the first article out (process start, plugin and word-list loading,
cluster or JVM start, first batch); **steady state** is the articles per second between the 10%
and the 100% marks, so start-up does not dilute it. The data is split into shards because the
default engine parallelises over files (``--jobs``), while Dask and Spark also split a file.
Not part of the test suite: speed is measured and reported here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SOURCES = ("clean", "defective", "dev-clean")


def corpus_texts(paragraphs: bool, max_words: int | None = None) -> list[tuple[str, str]]:
    """``(name, text)`` of every corpus article (or paragraph of 8+ words, cut to its first
    ``max_words`` words when given), in a fixed order."""
    out = []
    for folder in SOURCES:
        for path in sorted((CORPUS / folder).glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            if not paragraphs:
                out.append((path.stem, text))
                continue
            for i, para in enumerate(p.strip() for p in text.split("\n")):
                words = para.split()
                if len(words) >= 8:
                    if max_words and len(words) > max_words:
                        para = " ".join(words[:max_words]).rstrip(",;:") + "."
                    out.append((f"{path.stem}-p{i}", para))
    return out


def generate(n: int, shards: int, out: Path, paragraphs: bool, max_words: int | None = None) -> None:
    """Write ``n`` records as JSONL and Parquet shards (``out/jsonl/``, ``out/parquet/``)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    texts = corpus_texts(paragraphs, max_words)
    (out / "jsonl").mkdir(parents=True, exist_ok=True)
    (out / "parquet").mkdir(parents=True, exist_ok=True)
    per = -(-n // shards)
    for s in range(shards):
        lo, hi = s * per, min(n, (s + 1) * per)
        name = f"part-{s:03d}"
        writer = None
        with open(out / "jsonl" / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for start in range(lo, hi, 10_000):
                rows = []
                for i in range(start, min(hi, start + 10_000)):
                    source, text = texts[i % len(texts)]
                    rows.append({"id": f"r{i:07d}", "source": source,
                                 "title": text.split("\n", 1)[0][:120], "body": text})
                fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
                table = pa.Table.from_pylist(rows)
                if writer is None:
                    writer = pq.ParquetWriter(out / "parquet" / f"{name}.parquet", table.schema)
                writer.write_table(table, row_group_size=2_000)
        if writer is not None:
            writer.close()
    print(f"{n} records from {len(texts)} corpus {'paragraphs' if paragraphs else 'articles'} "
          f"in {shards} shard(s) under {out}")


def run_cli(args: list[str], total: int) -> dict[str, float]:
    """Run ``newslint --format jsonl ARGS`` and time its output stream."""
    cmd = [sys.executable, "-m", "newslint", "--isolated", "--no-plugins", "--format", "jsonl", *args]
    start = time.perf_counter()
    cpu_before = _children_cpu()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    marks: dict[int, float] = {}
    tenth = max(1, total // 10)
    count = 0
    for _ in proc.stdout:
        count += 1
        if count in (1, tenth) or count == total:
            marks[count] = time.perf_counter() - start
    proc.wait()
    wall = time.perf_counter() - start
    cpu = _children_cpu() - cpu_before
    if count != total or 1 not in marks:
        raise RuntimeError(f"{' '.join(cmd)}: {count} articles out of {total} (exit {proc.returncode})")
    steady = (total - tenth) / (marks[total] - marks[tenth]) if total > tenth else float("nan")
    return {"startup_s": round(marks[1], 2), "steady_per_s": round(steady, 1),
            "overall_per_s": round(total / wall, 1), "wall_s": round(wall, 1),
            "cpu_ms_per_article": round(1000 * cpu / total, 1)}


def _children_cpu() -> float:
    """User + system CPU seconds of every finished child process and its reaped descendants: on
    a shared machine this measures the work done, which wall time under contention does not."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def count_records(data: Path) -> int:
    """Records in a JSONL or Parquet file, or in every such file of a folder."""
    import pyarrow.parquet as pq

    files = [data] if data.is_file() else sorted(data.iterdir())
    total = 0
    for path in files:
        if path.suffix == ".jsonl":
            with open(path, "rb") as fh:
                total += sum(1 for _ in fh)
        elif path.suffix == ".parquet":
            total += pq.ParquetFile(path).metadata.num_rows
    return total


def throughput(data: Path, engines: list[str], workers: list[int], formats: list[str]) -> None:
    """One run per (format, engine, workers); a Markdown table on stdout, JSON on stderr."""
    print("| input | engine | workers | start-up (s) | steady state (articles/s) | overall (articles/s) "
          "| wall (s) | CPU ms/article |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for fmt in formats:
        folder = data / fmt
        total = count_records(folder)
        for engine in engines:
            for w in workers:
                result = run_cli(["--engine", engine, "--jobs", str(w), str(folder)], total)
                print(f"| {total:,} records, {len(list(folder.iterdir()))} {fmt} files | {engine} | {w} | "
                      f"{result['startup_s']} | {result['steady_per_s']} | {result['overall_per_s']} | "
                      f"{result['wall_s']} | {result['cpu_ms_per_article']} |", flush=True)
                print(json.dumps({"format": fmt, "engine": engine, "workers": w, "records": total, **result}),
                      file=sys.stderr, flush=True)


def library(data: Path, engines: list[str], workers: list[int]) -> None:
    """The Python API on a Parquet folder: ``newslint.engines.dask.lint`` on ``dd.read_parquet``
    and ``newslint.engines.spark.lint`` on ``spark.read.parquet``. Start-up (cluster or JVM, and a
    warm-up lint of one partition so every worker has built its linter) is timed apart from the
    full pass, which computes both result tables."""
    from newslint import Linter

    linter = Linter(load_entry_points=False)
    total = count_records(data)
    print("| API | workers | start-up incl. warm-up (s) | steady state (articles/s) |")
    print("| --- | --- | --- | --- |")
    for engine in engines:
        for w in workers:
            t0 = time.perf_counter()
            if engine == "dask":
                import dask
                import dask.dataframe as dd
                from distributed import Client, LocalCluster

                from newslint.engines.dask import lint as dask_lint

                cluster = LocalCluster(n_workers=w, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
                client = Client(cluster)
                df = dd.read_parquet(str(data))
                warm = dask_lint(df.partitions[:w], linter, text_column="body", id_column="id")
                client.run(lambda: None)
                dask.compute(warm.articles.head(1, npartitions=-1))
                client.run(_warm_worker, linter)
                startup = time.perf_counter() - t0
                t1 = time.perf_counter()
                result = dask_lint(df, linter, text_column="body", id_column="id")
                _, articles = dask.compute(result.findings, result.articles)
                steady = len(articles) / (time.perf_counter() - t1)
                client.close()
                cluster.close()
            else:
                from newslint.engines.spark import lint as spark_lint
                from newslint.engines.spark import session

                spark, _ = session(f"local[{w}]")
                df = spark.read.parquet(str(data)).repartition(4 * w).persist()
                df.count()
                spark_lint(df.limit(2 * w).repartition(w), linter, text_column="body").articles.count()
                startup = time.perf_counter() - t0
                t1 = time.perf_counter()
                result = spark_lint(df, linter, text_column="body", id_column="id")
                result.frame.persist()
                result.findings.count()
                n = result.articles.count()
                steady = n / (time.perf_counter() - t1)
                spark.stop()
            assert len(articles) == total if engine == "dask" else n == total
            print(f"| {engine} | {w} | {startup:.1f} | {steady:.1f} |", flush=True)


def _warm_worker(linter: object) -> None:
    """Build the worker's linter and load its word lists before the timed pass."""
    from newslint.engines.partition import LinterHandle

    LinterHandle.of(linter).get().lint("Warm up.The council met on Monday, officials said.")  # type: ignore[arg-type]


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and all its children (bytes)."""
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def memory(data: Path, engine: str, workers: int, select: str | None) -> None:
    """Peak resident memory (process tree) while streaming every record of ``data``."""
    total = count_records(data)
    cmd = [sys.executable, "-m", "newslint", "--isolated", "--no-plugins", "--format", "jsonl",
           "--engine", engine, "--jobs", str(workers), *(["--select", select] if select else []), str(data)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    count = 0
    samples: list[tuple[int, int]] = []
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            samples.append((count, _tree_rss(proc.pid)))
            time.sleep(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    start = time.perf_counter()
    sampler.start()
    for _ in proc.stdout:
        count += 1
    proc.wait()
    done.set()
    sampler.join()
    wall = time.perf_counter() - start
    peak = max(rss for _, rss in samples)

    deciles = []
    for d in range(10):
        lo, hi = total * d / 10, total * (d + 1) / 10
        rss = [r for c, r in samples if lo <= c <= hi]
        deciles.append(f"{max(rss) / 2**20:.0f}" if rss else "-")
    print(f"{engine}, {workers} worker(s), {count:,}/{total:,} records, --select {select or 'default'}: "
          f"peak RSS {peak / 2**20:.1f} MiB (process tree); peak RSS per tenth of the stream (MiB): "
          f"{' '.join(deciles)}; {wall:.0f} s, {count / wall:.0f} articles/s")


#: Records read at which ``report-path`` prints the resident memory.
PATH_MARKS = (1_000, 10_000, 100_000, 300_000, 600_000, 1_000_000, 3_000_000)

_REPORT_PATH = r"""
import contextlib, gc, os, sys, time
from newslint import cli, linter, report
from newslint.report import Report
marks, t0 = set(int(m) for m in sys.argv[1].split(",")), time.perf_counter()

def rss():
    with open("/proc/self/status") as fh:
        return next(int(x.split()[1]) / 1024 for x in fh if x.startswith("VmRSS:"))

def lint_article(self, article, *, batch=False):  # no checks: an empty report
    o = article.origin
    return Report(path=article.path or "<string>", extracted=article.extracted,
                  file=o.file if o else None, record=o.record if o else None,
                  words=len(article.text.split()))

def add(self, r, *a, _add=report.Summary.add, **k):
    _add(self, r, *a, **k)
    if self.files in marks:
        print(f"| {self.files:,} | {rss():.1f} | {len(gc.get_objects())} | {time.perf_counter() - t0:.0f} |",
              file=sys.stderr, flush=True)

linter.Linter.lint_article, report.Summary.add = lint_article, add
with open(os.devnull, "w") as dn, contextlib.redirect_stdout(dn):
    cli.main(sys.argv[2:])
"""


def report_path(data: Path, jobs: int) -> None:
    """Resident memory of the command line's own path over a stream: ``newslint --format jsonl
    DATA`` with the checks replaced by an empty report, so reading, the report loop, the summary
    and the formatter are all that runs (a million records in a few minutes). A growth here is
    the command line's or the reader's, never a check's cache."""
    print("| records | RSS MiB | objects tracked by gc | s |\n| --- | --- | --- | --- |", flush=True)
    subprocess.run([sys.executable, "-c", _REPORT_PATH, ",".join(map(str, PATH_MARKS)), "--isolated",
                    "--no-plugins", "--format", "jsonl", "--jobs", str(jobs), str(data)],
                   stderr=sys.stdout, check=True)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--records", type=int, default=10_000)
    g.add_argument("--shards", type=int, default=10)
    g.add_argument("--paragraphs", action="store_true", help="one record per corpus paragraph")
    g.add_argument("--max-words", type=int, help="with --paragraphs: cut each to its first N words")
    g.add_argument("--out", type=Path, required=True)
    t = sub.add_parser("throughput")
    t.add_argument("--data", type=Path, required=True)
    t.add_argument("--engines", default="default,dask,spark")
    t.add_argument("--workers", default="1,2")
    t.add_argument("--formats", default="parquet,jsonl")
    lib = sub.add_parser("library")
    lib.add_argument("--data", type=Path, required=True, help="a folder of Parquet files")
    lib.add_argument("--engines", default="dask,spark")
    lib.add_argument("--workers", default="1,2")
    m = sub.add_parser("memory")
    m.add_argument("--data", type=Path, required=True, help="a Parquet file or folder")
    m.add_argument("--engine", default="default")
    m.add_argument("--workers", type=int, default=1)
    m.add_argument("--select", help="checks to run (a cheap selection makes a million records quick)")
    rp = sub.add_parser("report-path")
    rp.add_argument("--data", type=Path, required=True, help="a Parquet or JSON Lines file or folder")
    args = p.parse_args(argv)
    if args.cmd == "generate":
        generate(args.records, args.shards, args.out, args.paragraphs, args.max_words)
    elif args.cmd == "throughput":
        throughput(args.data, args.engines.split(","), [int(w) for w in args.workers.split(",")],
                   args.formats.split(","))
    elif args.cmd == "library":
        library(args.data, args.engines.split(","), [int(w) for w in args.workers.split(",")])
    elif args.cmd == "report-path":
        report_path(args.data, 1)
    else:
        memory(args.data, args.engine, args.workers, args.select)


if __name__ == "__main__":
    main()
