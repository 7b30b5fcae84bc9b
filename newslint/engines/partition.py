"""The work every engine does per partition, with no engine imported.

Three things must be identical whatever runs them, so they live here once:

- **one Linter per worker process**: a :class:`LinterHandle` carries the linter pickled (by
  configuration, a few hundred bytes) and rebuilds it at most once per process, however many
  partitions or tasks that process runs; building loads plugins and word lists (seconds), so a
  linter per record or per task would dominate the run;
- **rows to articles** exactly as the command line reads CMS records (same field mapping, same
  record ids, same media type), so an engine's findings equal the default engine's;
- **reports to rows** in the contract's columns: one row per finding, one summary row per article
  (score, counts by severity and category) that joins back to the input on ``id``.

The command-line engines also share the *work units* defined here: the driver streams inputs in
input order and cuts them into batches (raw file bytes, or already parsed records of a streamed
archive), workers parse and lint a batch, and the driver prints the reports in order.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..article import Article
from ..findings import CATEGORIES
from ..inputs import InputError, InputProblem, read_bytes
from ..report import Report

if TYPE_CHECKING:
    import pandas as pd

    from ..linter import Linter

#: Findings table: the contract's finding fields, keyed by the article's ``id``.
FINDING_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "str"), ("code", "str"), ("check", "str"), ("category", "str"), ("severity", "str"),
    ("start", "int"), ("end", "int"), ("line", "int"), ("column", "int"), ("message", "str"),
    ("excerpt", "str"), ("confidence", "float"),
)
#: Per-article summary: score, counts by severity, counts by category (every category of the
#: contract, so the schema never depends on the data), and ``input_error`` for a record that
#: could not be read (then ``score`` is null and every count 0).
ARTICLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "str"), ("score", "float"), ("findings", "int"),
    ("errors", "int"), ("warnings", "int"), ("info", "int"),
    *((category, "int") for category in sorted(CATEGORIES)),
    ("input_error", "str"),
)
_SEVERITY_COLUMN = {"error": "errors", "warning": "warnings", "info": "info"}
_PANDAS_DTYPES = {"str": "string", "int": "int64", "float": "float64"}


# -- one linter per process ------------------------------------------------------------------

_LINTERS: dict[bytes, Linter] = {}
_LINTERS_LOCK = threading.Lock()


@dataclass(frozen=True)
class LinterHandle:
    """A linter to ship to workers: its pickled configuration, rebuilt once per process.

    Shipping a ``Linter`` object itself would rebuild it on every unpickling, that is once per
    task; the handle's :meth:`get` keeps the built linter in a per-process cache keyed by the
    configuration, so a worker that runs a thousand tasks builds it once.
    """

    blob: bytes

    @classmethod
    def of(cls, linter: Linter | Mapping[str, Any] | None = None) -> LinterHandle:
        """A handle for a ``Linter``, a config mapping (``{"ignore": [...]}``) or the default."""
        from ..linter import Linter

        if not isinstance(linter, Linter):
            linter = Linter(linter)
        try:
            blob = pickle.dumps(linter)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            raise TypeError(f"this Linter cannot be sent to workers: {exc} (pass plugins as "
                            "importable modules or through the config's 'plugins' key)") from None
        handle = cls(blob)
        with _LINTERS_LOCK:
            _LINTERS.setdefault(blob, linter)  # the driver reuses the linter it already built
        return handle

    def get(self) -> Linter:
        """The linter, built on first use in this process."""
        linter = _LINTERS.get(self.blob)
        if linter is None:
            with _LINTERS_LOCK:
                linter = _LINTERS.get(self.blob)
                if linter is None:
                    linter = pickle.loads(self.blob)
                    _LINTERS[self.blob] = linter
        return linter


def builds_in_this_process() -> int:
    """How many linters this process has built or received (tests check "one per worker")."""
    return len(_LINTERS)


# -- rows to articles ------------------------------------------------------------------------

def row_article(row: Any, *, source: str, fallback_id: str, mapping: Mapping[str, str],
                id_field: str | None = None) -> tuple[str, Article | InputProblem]:
    """``(id, article or problem)`` for one row: a mapping (a record, a dataframe row) or a str.

    A mapping is read exactly as the command line reads a JSON record (``mapping`` as
    ``--field``); its id is ``row[id_field]`` when ``id_field`` is given, else the first of the
    usual id fields (``id``, ``_id``, ``uuid``, ...), else ``fallback_id`` (a row index).
    """
    from ..inputs.records import record_article

    if isinstance(row, str):
        if not row.strip():
            return fallback_id, InputProblem(f"{source}#{fallback_id}", "empty text")
        return fallback_id, Article(row, path=f"{source}#{fallback_id}")
    item = record_article(row, source, fallback_id, mapping, id_field=id_field)
    record = item.origin.record if isinstance(item, Article) and item.origin is not None \
        else getattr(item, "record", None)
    return record or fallback_id, item


def iter_results(linter: Linter, rows: Iterable[tuple[Any, Any]], *, source: str = "<records>",
                 mapping: Mapping[str, str] | None = None, id_field: str | None = None,
                 ) -> Iterator[tuple[str, Report | None, str | None]]:
    """``(id, report, None)`` per ``(fallback_id, row)``, or ``(id, None, problem)`` for a row
    that cannot be read (no text, a mapped field missing): that row is reported, the rest linted."""
    mapping = dict(linter.config.field_map if mapping is None else mapping)
    for fallback_id, row in rows:
        rid, item = row_article(row, source=source, fallback_id=str(fallback_id), mapping=mapping,
                                id_field=id_field)
        if isinstance(item, InputProblem):
            yield rid, None, item.message
        else:
            yield rid, linter.lint_article(item, release=True), None


def lint_rows(linter: Linter, rows: Iterable[tuple[Any, Any]], *, source: str = "<records>",
              mapping: Mapping[str, str] | None = None, id_field: str | None = None,
              ) -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:
    """Lint ``(fallback_id, row)`` pairs; return the findings and article tables, column-wise."""
    findings: dict[str, list[Any]] = {name: [] for name, _ in FINDING_COLUMNS}
    articles: dict[str, list[Any]] = {name: [] for name, _ in ARTICLE_COLUMNS}
    for rid, report, problem in iter_results(linter, rows, source=source, mapping=mapping,
                                             id_field=id_field):
        for f in report.findings if report is not None else ():
            for (name, _), value in zip(FINDING_COLUMNS, finding_values(rid, f), strict=True):
                findings[name].append(value)
        add_article_row(articles, rid, report, problem)
    return findings, articles


def finding_values(rid: str, f: Any) -> tuple[Any, ...]:
    """One finding as a row in :data:`FINDING_COLUMNS` order."""
    return (rid, f.code, f.check, f.category, f.severity, f.start, f.end, f.line, f.column,
            f.message, f.excerpt, f.confidence)


def article_values(rid: str, report: Report | None, problem: str | None) -> tuple[Any, ...]:
    """One article summary as a row in :data:`ARTICLE_COLUMNS` order."""
    counts = dict.fromkeys((name for name, _ in ARTICLE_COLUMNS[2:-1]), 0)
    if report is not None:
        counts["findings"] = len(report.findings)
        for f in report.findings:
            counts[_SEVERITY_COLUMN[f.severity]] += 1
            counts[f.category] += 1
    return (rid, None if report is None else report.score, *counts.values(), problem)


def add_article_row(articles: dict[str, list[Any]], rid: str, report: Report | None,
                    problem: str | None) -> None:
    for (name, _), value in zip(ARTICLE_COLUMNS, article_values(rid, report, problem), strict=True):
        articles[name].append(value)


def to_pandas(columns: Mapping[str, list[Any]] | None, schema: Sequence[tuple[str, str]]) -> pd.DataFrame:
    """A pandas frame with the schema's dtypes (also the empty ``meta`` frame Dask needs)."""
    import pandas as pd

    return pd.DataFrame({name: pd.Series([] if columns is None else columns[name],
                                         dtype=_PANDAS_DTYPES[kind])
                         for name, kind in schema})


# -- command-line work units -----------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class FileBytes:
    """A whole file read by the driver, parsed and linted on a worker (no shared disk needed)."""

    path: str
    data: bytes


#: A unit of work: a file's bytes, an already parsed record, or a report already known (an
#: input problem found by the driver), which keeps its place in the output.
Unit = FileBytes | Article | Report


def parse_bytes(linter: Linter, path: str, data: bytes) -> Iterator[Article | InputProblem]:
    """Parse a file's bytes as ``Linter.read`` would, every failure an :class:`InputProblem`
    (one implementation: :func:`newslint.inputs.reading.parse_bytes`)."""
    from ..inputs.reading import parse_bytes as parse

    return parse(linter.parsers, path, data, linter.config)


def run_units(handle: LinterHandle, units: Sequence[Unit]) -> list[Report]:
    """Lint a batch on a worker: the reports of every unit, in order."""
    linter = handle.get()
    out: list[Report] = []
    for unit in units:
        if isinstance(unit, Report):
            out.append(unit)
        elif isinstance(unit, FileBytes):
            for item in parse_bytes(linter, unit.path, unit.data):
                out.append(Report.from_problem(item)
                           if isinstance(item, InputProblem) else linter.lint_article(item, release=True))
        else:
            out.append(linter.lint_article(unit, release=True))
    return out


def failed_units(units: Sequence[Unit], reason: str) -> list[Report]:
    """The reports for a batch whose worker crashed: one error report per unit, in order, so the
    run goes on, the output keeps its order, and the exit status says something was not linted."""
    out = []
    for unit in units:
        if isinstance(unit, Report):
            out.append(unit)
        elif isinstance(unit, FileBytes):
            out.append(Report(path=unit.path, error=f"not linted: {reason}"))
        else:
            origin = unit.origin
            out.append(Report(path=unit.path or "<string>", error=f"not linted: {reason}",
                              file=origin.file if origin is not None else None,
                              record=origin.record if origin is not None else None))
    return out


def work_batches(linter: Linter, items: Iterable[str | InputProblem], *, stdin_name: str | None = None,
                 batch_articles: int = 64, batch_bytes: int = 4 << 20) -> Iterator[list[Unit]]:
    """Cut the inputs into batches of units, in input order, reading lazily (a million-record
    archive is never held whole: only the batches in flight are in memory).

    Streamed archives (JSON Lines, Parquet, CSV) are parsed here, record by record, and their
    records shipped; other files are shipped as bytes and parsed on the worker, so the expensive
    parsing (HTML extraction) is spread too and workers need not see the driver's disk.
    """
    batch: list[Unit] = []
    size = 0
    for item in items:
        new: Iterable[Unit]
        if isinstance(item, InputProblem):
            new = [Report.from_problem(item)]
        elif item == "-" or _streamed(linter, item):
            new = (Report.from_problem(a) if isinstance(a, InputProblem) else a
                   for a in linter.read(item, stdin_name=stdin_name))
        else:
            try:
                new = [FileBytes(item, read_bytes(item, linter.config.max_file_size))]
            except InputError as exc:
                new = [Report(path=item, error=str(exc))]
        for unit in new:
            batch.append(unit)
            size += len(unit.data) if isinstance(unit, FileBytes) else \
                len(unit.text) if isinstance(unit, Article) else 0
            if len(batch) >= batch_articles or size >= batch_bytes:
                yield batch
                batch, size = [], 0
    if batch:
        yield batch


def _streamed(linter: Linter, path: str) -> bool:
    parser = linter.parser_for(path)
    return parser is not None and parser.parse_stream is not None


def ordered(submit: Callable[[list[Unit]], Any], result: Callable[[Any, list[Unit]], list[Report]],
            batches: Iterable[list[Unit]], window: int) -> Iterator[Report]:
    """Reports in input order from an engine that runs batches asynchronously.

    At most ``window`` batches are in flight (memory stays flat on endless inputs); ``result``
    waits for one batch and turns a failure into error reports (:func:`failed_units`).
    """
    from collections import deque

    pending: deque[tuple[Any, list[Unit]]] = deque()
    for batch in batches:
        pending.append((submit(batch), batch))
        if len(pending) >= window:
            yield from result(*pending.popleft())
    while pending:
        yield from result(*pending.popleft())


def worker_python() -> str:
    """The interpreter workers should run: this one (same virtualenv, same newslint)."""
    return os.environ.get("PYSPARK_PYTHON") or sys.executable


def resolve_mapping(linter: Linter, text_column: str | None, fields: Mapping[str, str] | None,
                    ) -> dict[str, str]:
    """The field mapping an engine uses: the linter's configured ``fields``, then ``fields``
    (as ``--field``), then ``text_column`` as the body."""
    mapping = dict(linter.config.field_map)
    mapping.update(fields or {})
    if text_column is not None:
        mapping["body"] = text_column
    return mapping
