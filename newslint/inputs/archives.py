"""Archives of records: Parquet (with pyarrow) and CSV/TSV, streamed.

Each row is one CMS record, read exactly as a JSON record is (``body``/``text``/``content``...,
``--field`` / ``[tool.newslint.fields]`` mapping, ``path#id`` labels, ``path#ROW`` when a row has
no id; ROW counts data rows from 1). Parquet is read one batch of a row group at a time and CSV
one row at a time, so a million-row archive lints in flat memory and is not subject to the file
size limit. A bad row is one input problem naming file and row; the other rows are still linted.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from ..article import Article
from . import InputError, InputProblem
from .records import record_article

if TYPE_CHECKING:
    from ..config import Config

#: Rows per Parquet batch: large enough for Arrow to be fast, small enough to keep memory flat
#: (a batch of long articles is a few MB).
PARQUET_BATCH_ROWS = 512


def _pyarrow_parquet() -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("reading Parquet needs pyarrow: pip install 'newslint[parquet]'") from None
    return pq


def parse_parquet_stream(stream: IO[bytes], path: str, config: Config) -> Iterator[Article | InputProblem]:
    """Records of a Parquet file, one row-group batch at a time."""
    pq = _pyarrow_parquet()
    import pyarrow as pa

    try:
        # pre_buffer=False: with pre-buffering (pyarrow's default) the coalesced reads of every
        # row group already read stay cached until the file is closed, so memory grows with the
        # file (+70 MiB per million short records, in steps); without it a stream stays flat.
        pfile = pq.ParquetFile(stream, pre_buffer=False)
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise InputError(f"not a readable Parquet file ({exc})") from None
    mapping = dict(config.field_map)
    row = 0
    try:
        for batch in pfile.iter_batches(batch_size=PARQUET_BATCH_ROWS):
            for record in batch.to_pylist():
                row += 1
                yield record_article(record, path, str(row), mapping)
    except (pa.ArrowException, OSError) as exc:
        # A damaged row group: what was read is kept, the rest is one problem.
        yield InputProblem(f"{path}#{row + 1}", f"Parquet data could not be read from here on ({exc})",
                           file=path, record=str(row + 1))


def parse_parquet(data: bytes, path: str, config: Config) -> Iterator[Article | InputProblem]:
    """Parquet from bytes (standard input)."""
    yield from parse_parquet_stream(io.BytesIO(data), path, config)


def _csv_stream(delimiter: str) -> Any:
    def parse_stream(stream: IO[bytes], path: str, config: Config) -> Iterator[Article | InputProblem]:
        # Article bodies are longer than the csv module's default field limit (128 KiB).
        csv.field_size_limit(max(csv.field_size_limit(), min(config.max_file_size, sys.maxsize)))
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
        reader = csv.DictReader(text, delimiter=delimiter, strict=True)  # damage is reported, not guessed
        mapping = dict(config.field_map)
        row = 0
        try:
            if not reader.fieldnames:
                raise InputError("empty file (no header row)")
            end = reader.line_num
            for record in reader:
                row += 1
                start, end = end + 1, reader.line_num  # the row's first line: findings point there
                record.pop(None, None)  # cells beyond the header
                yield record_article(record, path, str(row), mapping, start)
        except UnicodeDecodeError as exc:
            yield InputProblem(f"{path}#{row + 1}", f"not valid UTF-8 ({exc.reason}); "
                               "convert it with iconv or save it as UTF-8", file=path, record=str(row + 1))
        except csv.Error as exc:
            # The csv module cannot resynchronise after a malformed row: stop with one problem.
            yield InputProblem(f"{path}#{row + 1}", f"malformed CSV row ({exc}); rest of file not read",
                               file=path, record=str(row + 1))

    return parse_stream


parse_csv_stream = _csv_stream(",")
parse_tsv_stream = _csv_stream("\t")


def parse_csv(data: bytes, path: str, config: Config) -> Iterator[Article | InputProblem]:
    """CSV from bytes (standard input)."""
    stream = parse_tsv_stream if path.lower().endswith(".tsv") else parse_csv_stream
    yield from stream(io.BytesIO(data), path, config)
