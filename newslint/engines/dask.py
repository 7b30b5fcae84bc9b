"""Dask: lint a bag of records or a dataframe with a text column, on any Dask scheduler.

    import dask.dataframe as dd
    from newslint.engines.dask import lint

    df = dd.read_parquet("archive/*.parquet")                 # columns id, title, body, ...
    result = lint(df, {"ignore": ["readability"]}, text_column="body", id_column="id")
    findings, articles = dask.compute(result.findings, result.articles)   # one pass

Each partition is linted by one task; the task rebuilds the ``Linter`` from its configuration at
most once per worker process (:class:`~newslint.engines.partition.LinterHandle`). Both result
frames come from the same tasks, so computing them together lints every article once.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from . import require
from .partition import (
    ARTICLE_COLUMNS,
    FINDING_COLUMNS,
    LinterHandle,
    failed_units,
    lint_rows,
    ordered,
    resolve_mapping,
    run_units,
    to_pandas,
    work_batches,
)

if TYPE_CHECKING:
    import pandas as pd

    from ..inputs import InputProblem
    from ..linter import Linter
    from ..report import Report


class LintResult(NamedTuple):
    """Findings (one row per finding, the contract's columns) and articles (one row per input
    row: id, score, counts by severity and category, input_error), both Dask dataframes."""

    findings: Any
    articles: Any


def _lint_frame_part(handle: LinterHandle, pdf: pd.DataFrame, mapping: Mapping[str, str],
                     id_column: str | None, source: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = zip((str(i) for i in pdf.index), pdf.to_dict("records"), strict=True)
    found, articles = lint_rows(handle.get(), rows, source=source, mapping=mapping, id_field=id_column)
    return to_pandas(found, FINDING_COLUMNS), to_pandas(articles, ARTICLE_COLUMNS)


def _lint_bag_part(handle: LinterHandle, items: Iterable[Any], partition: int,
                   mapping: Mapping[str, str], id_column: str | None,
                   source: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = ((f"{partition}-{i}", item) for i, item in enumerate(items))
    found, articles = lint_rows(handle.get(), rows, source=source, mapping=mapping, id_field=id_column)
    return to_pandas(found, FINDING_COLUMNS), to_pandas(articles, ARTICLE_COLUMNS)


def lint(data: Any, linter: Linter | Mapping[str, Any] | None = None, *,
         text_column: str | None = None, id_column: str | None = None,
         fields: Mapping[str, str] | None = None, source: str = "<dask>") -> LintResult:
    """Lint a Dask bag (of records or strings) or a Dask dataframe; lazily.

    ``linter`` is a ``Linter``, a config mapping or ``None`` (the defaults). Rows are read like
    JSON records: ``text_column`` (or ``fields={"body": ...}``, or the config's ``fields``) names
    the text, else ``body``/``text``/``content``... is used. The id is ``id_column``, else the
    record's ``id``/``_id``/``uuid``..., else the dataframe index (``PARTITION-N`` in a bag).
    """
    require("dask")
    import dask
    import dask.bag as db
    import dask.dataframe as dd

    handle = LinterHandle.of(linter)
    mapping = resolve_mapping(handle.get(), text_column, fields)
    if isinstance(data, dd.DataFrame):
        parts = [dask.delayed(_lint_frame_part, pure=True, nout=2)(handle, part, mapping, id_column, source)
                 for part in data.to_delayed()]
    elif isinstance(data, db.Bag):
        parts = [dask.delayed(_lint_bag_part, pure=True, nout=2)(handle, part, i, mapping, id_column, source)
                 for i, part in enumerate(data.to_delayed())]
    else:
        raise TypeError(f"lint() takes a dask bag or dataframe, not {type(data).__name__}")
    findings = dd.from_delayed([p[0] for p in parts], meta=to_pandas(None, FINDING_COLUMNS),
                               verify_meta=False)
    articles = dd.from_delayed([p[1] for p in parts], meta=to_pandas(None, ARTICLE_COLUMNS),
                               verify_meta=False)
    return LintResult(findings, articles)


# -- the command line's engine ---------------------------------------------------------------

#: Retries of a batch whose worker died, on our own local cluster: one second chance for a
#: transient failure (memory), not three restarts on a record that kills every worker.
LOCAL_ALLOWED_FAILURES = 1


def cli_reports(linter: Linter, items: Iterable[str | InputProblem], *, jobs: int,
                stdin_name: str | None = None, address: str | None = None) -> Iterator[Report]:
    """Reports for the command line, in input order, from a Dask cluster.

    The cluster is ``address`` or ``DASK_SCHEDULER_ADDRESS`` when set, else a local cluster of
    ``jobs`` single-threaded worker processes (threads would share the GIL). A batch whose worker
    dies is reported (one error per article, exit status 2), and the run goes on.
    """
    distributed = require("dask")
    import dask

    address = address or os.environ.get("DASK_SCHEDULER_ADDRESS") or None
    cluster = None
    if address:
        client = distributed.Client(address)
    else:
        with dask.config.set({"distributed.scheduler.allowed-failures": LOCAL_ALLOWED_FAILURES,
                              "distributed.worker.daemon": False}):
            cluster = distributed.LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                               dashboard_address=None, silence_logs=logging.CRITICAL)
        client = distributed.Client(cluster)
    handle = LinterHandle.of(linter)
    workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs)

    def submit(batch: list[Any]) -> Any:
        return client.submit(run_units, handle, batch, pure=False)

    def result(future: Any, batch: list[Any]) -> list[Report]:
        try:
            return future.result()
        except Exception as exc:  # noqa: BLE001 - a dead worker is reported, never hung on
            return failed_units(batch, f"the Dask worker failed ({type(exc).__name__}: {exc})")

    try:
        yield from ordered(submit, result, work_batches(linter, items, stdin_name=stdin_name),
                           window=4 * workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
