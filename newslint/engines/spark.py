"""Spark: lint a PySpark DataFrame with a text column; findings and a per-article summary.

    from newslint.engines.spark import lint

    df = spark.read.parquet("s3://archive/articles/")        # id, title, body, ...
    result = lint(df, {"ignore": ["readability"]}, text_column="body", id_column="id")
    result.frame.persist()                                   # when both tables are used
    result.findings.write.parquet("findings/")               # id, code, check, ..., confidence
    df.join(result.articles, "id")                           # id, score, errors, warnings, ...

Each partition is linted by ``mapPartitions`` with an explicit schema; the ``Linter`` is rebuilt
from its configuration at most once per Python worker process (Spark reuses its Python workers,
``spark.python.worker.reuse``, so that is once per executor core, not per partition or record).
``frame`` holds one row per article with its findings nested; ``findings`` and ``articles`` are
views of it, so persisting ``frame`` lints every article once when both are used.
"""

from __future__ import annotations

import os
import tempfile
import warnings
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, NamedTuple

from . import require
from .partition import (
    ARTICLE_COLUMNS,
    FINDING_COLUMNS,
    LinterHandle,
    article_values,
    failed_units,
    finding_values,
    iter_results,
    ordered,
    resolve_mapping,
    run_units,
    work_batches,
    worker_python,
)

if TYPE_CHECKING:
    from ..inputs import InputProblem
    from ..linter import Linter
    from ..report import Report

#: The nested column of :attr:`LintResult.frame` holding an article's findings.
NESTED = "_findings"


class LintResult(NamedTuple):
    """``findings`` (one row per finding, the contract's columns), ``articles`` (one row per input
    row: id, score, counts by severity and category, input_error) and the ``frame`` both are
    selected from (persist it to lint once and use both)."""

    findings: Any
    articles: Any
    frame: Any


def _spark_type(kind: str) -> Any:
    from pyspark.sql import types as T

    return {"str": T.StringType(), "int": T.LongType(), "float": T.DoubleType()}[kind]


def finding_schema() -> Any:
    """The findings table's Spark schema (:data:`FINDING_COLUMNS`)."""
    from pyspark.sql import types as T

    return T.StructType([T.StructField(n, _spark_type(k), n not in ("id", "code")) for n, k in FINDING_COLUMNS])


def frame_schema() -> Any:
    """One row per article: :data:`ARTICLE_COLUMNS` and the nested findings."""
    from pyspark.sql import types as T

    nested = T.StructType([T.StructField(n, _spark_type(k), True) for n, k in FINDING_COLUMNS[1:]])
    return T.StructType([T.StructField(n, _spark_type(k), n != "id") for n, k in ARTICLE_COLUMNS]
                        + [T.StructField(NESTED, T.ArrayType(nested, False), False)])


def _partition_fn(handle: LinterHandle, mapping: Mapping[str, str], id_column: str | None,
                  source: str) -> Any:
    def lint_partition(index: int, rows: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
        pairs = ((f"{index}-{i}", row.asDict()) for i, row in enumerate(rows))
        for rid, report, problem in iter_results(handle.get(), pairs, source=source, mapping=mapping,
                                                 id_field=id_column):
            nested = [finding_values(rid, f)[1:] for f in report.findings] if report else []
            yield (*article_values(rid, report, problem), nested)

    return lint_partition


def lint(df: Any, linter: Linter | Mapping[str, Any] | None = None, *,
         text_column: str | None = None, id_column: str | None = None,
         fields: Mapping[str, str] | None = None, source: str = "<spark>") -> LintResult:
    """Lint a PySpark DataFrame; lazily (nothing runs until an action).

    Rows are read like JSON records: ``text_column`` (or ``fields={"body": ...}``, or the
    config's ``fields``) names the text, else ``body``/``text``/``content``... is used. The id is
    ``id_column``, else the row's ``id``/``_id``/``uuid``..., else ``PARTITION-N``. A row without
    text gets an ``articles`` row with ``input_error`` set; the other rows are still linted.
    """
    require("spark")
    handle = LinterHandle.of(linter)
    mapping = resolve_mapping(handle.get(), text_column, fields)
    rdd = df.rdd.mapPartitionsWithIndex(_partition_fn(handle, mapping, id_column, source),
                                        preservesPartitioning=True)
    frame = df.sparkSession.createDataFrame(rdd, frame_schema())
    from pyspark.sql import functions as F

    findings = frame.select("id", F.posexplode(NESTED).alias("_n", "_f")).select("id", "_f.*")
    articles = frame.drop(NESTED)
    return LintResult(findings, articles, frame)


# -- the command line's engine ---------------------------------------------------------------

def session(master: str | None = None, jobs: int | None = None) -> tuple[Any, bool]:
    """The active SparkSession, or a new one on ``master`` (default ``local[jobs]``), quiet;
    and whether it was created here (then the caller stops it)."""
    require("spark")
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None and master is None:
        return active, False
    os.environ.setdefault("PYSPARK_PYTHON", worker_python())
    master = master or os.environ.get("SPARK_MASTER") or f"local[{jobs or os.cpu_count() or 1}]"
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # no "resolves to a loopback" warning
    quiet = f"-Dlog4j2.configurationFile=file:{_quiet_log4j()}"
    builder = (SparkSession.builder.appName("newslint").master(master)
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.python.worker.reuse", "true")
               .config("spark.driver.extraJavaOptions", quiet))
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas")
        spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark, True


#: Spark's own logging, errors only: the command line's standard error is newslint's.
_QUIET_LOG4J = """rootLogger.level = error
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = spark: %p %c{1}: %m%n
logger.repl.name = org.apache.spark.repl.Main
logger.repl.level = error
"""


def _quiet_log4j() -> str:
    """A log4j2 configuration file with :data:`_QUIET_LOG4J` (written once per content)."""
    import hashlib

    digest = hashlib.sha1(_QUIET_LOG4J.encode()).hexdigest()[:12]
    path = os.path.join(tempfile.gettempdir(), f"newslint-log4j2-{digest}.properties")
    if not os.path.exists(path):
        tmp = f"{path}.{os.getpid()}"
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(_QUIET_LOG4J)
        os.replace(tmp, path)
    return path


def cli_reports(linter: Linter, items: Iterable[str | InputProblem], *, jobs: int,
                stdin_name: str | None = None, master: str | None = None) -> Iterator[Report]:
    """Reports for the command line, in input order, from Spark (``--master``, else
    ``local[jobs]``). Batches run as concurrent Spark jobs; a batch whose task fails (a crashed
    Python worker) is reported as one error per article, and the run goes on."""
    spark, created = session(master, jobs)
    sc = spark.sparkContext
    handle = LinterHandle.of(linter)
    slots = max(1, sc.defaultParallelism)
    pool = ThreadPoolExecutor(max_workers=2 * slots, thread_name_prefix="newslint-spark")

    def job(batch: list[Any]) -> list[Report]:
        return sc.parallelize([batch], 1).map(lambda b: run_units(handle, b)).collect()[0]

    def submit(batch: list[Any]) -> Future[list[Report]]:
        return pool.submit(job, batch)

    def result(future: Future[list[Report]], batch: list[Any]) -> list[Report]:
        try:
            return future.result()
        except Exception as exc:  # noqa: BLE001 - a dead worker is reported, never hung on
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            return failed_units(batch, f"the Spark task failed ({type(exc).__name__}: {first})")

    try:
        yield from ordered(submit, result, work_batches(linter, items, stdin_name=stdin_name),
                           window=2 * slots)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if created:
            spark.stop()
