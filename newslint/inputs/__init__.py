"""Reading inputs: finding files, refusing bad ones with a clear reason, parsing articles.

Parsers are plugins (``newslint_register_parsers``): this package registers the built-in ones.
A file that cannot be read yields an :class:`InputProblem` (one line for the user: file and
cause), never an exception, so the run goes on with the other files.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..article import Article
from ..hookspecs import hookimpl

if TYPE_CHECKING:
    from ..config import Config

SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__",
                       ".tox", ".mypy_cache", ".pytest_cache", ".ruff_cache"})


@dataclass(frozen=True, slots=True)
class InputProblem:
    """An input that could not be read: ``path: message`` is what the user sees."""

    path: str
    message: str
    #: For a record of a JSON/JSONL file: the file and the record id, kept apart from ``path``.
    file: str | None = None
    record: str | None = None

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


ParseFn = Callable[[bytes, str, "Config"], Iterable["Article | InputProblem"]]
StreamFn = Callable[[IO[bytes], str, "Config"], Iterable["Article | InputProblem"]]


@dataclass(frozen=True, slots=True)
class Parser:
    """An input format: the extensions it claims and how it turns bytes into articles.

    ``parse_stream``, when given, reads an open file incrementally (JSON Lines), so a stream of
    any length runs in constant memory and is not subject to the file-size limit. ``fixable``
    says whether findings' offsets index the file itself, so ``--fix`` may edit it.
    """

    name: str
    extensions: tuple[str, ...]
    parse: ParseFn
    media_type: str = "text/plain"
    description: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    parse_stream: StreamFn | None = None
    fixable: bool = True


class InputError(Exception):
    """Raised inside a parser for a file it cannot read; becomes an :class:`InputProblem`."""


def decode_text(data: bytes, path: str) -> str:
    """Bytes to text, refusing what is not a text article (binary, bad UTF-8, empty)."""
    if not data.strip():
        raise InputError("empty file")
    if b"\x00" in data[:8192] or b"\x00" in data:
        raise InputError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it with iconv or save it as UTF-8"
        ) from None
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if controls > 8 and controls > len(text[:4096]) // 100:
        raise InputError("binary file (control characters)")
    return text


def parse_plain_text(data: bytes, path: str, config: Config) -> Iterator[Article]:
    """A .txt article: the whole file is the article, title and page chrome inline."""
    yield Article(decode_text(data, path), path=path, media_type="text/plain")


def _builtin_parsers() -> tuple[Parser, ...]:
    from .archives import parse_csv, parse_csv_stream, parse_parquet, parse_parquet_stream, parse_tsv_stream
    from .html import parse_html
    from .markdown import parse_markdown
    from .records import parse_json, parse_jsonl, parse_jsonl_stream

    return (
        Parser("text", (".txt", ".text"), parse_plain_text, "text/plain", "plain-text article"),
        Parser("markdown", (".md", ".markdown"), parse_markdown, "text/markdown",
               "Markdown article with optional YAML front matter"),
        Parser("html", (".html", ".htm"), parse_html, "text/html",
               "web page; the article is extracted with trafilatura", fixable=False),
        Parser("json", (".json",), parse_json, "application/json",
               "CMS record(s): an object, a list, or {\"articles\": [...]}", fixable=False),
        Parser("jsonl", (".jsonl", ".ndjson"), parse_jsonl, "application/x-ndjson",
               "CMS records, one JSON object per line (streamed)", parse_stream=parse_jsonl_stream,
               fixable=False),
        Parser("parquet", (".parquet", ".pq"), parse_parquet, "application/vnd.apache.parquet",
               "CMS records, one per row (streamed by row group; needs newslint[parquet])",
               parse_stream=parse_parquet_stream, fixable=False),
        Parser("csv", (".csv",), parse_csv, "text/csv", "CMS records, one per row, with a header row "
               "(streamed)", parse_stream=parse_csv_stream, fixable=False),
        Parser("tsv", (".tsv",), parse_csv, "text/tab-separated-values",
               "CMS records, tab-separated, with a header row (streamed)",
               parse_stream=parse_tsv_stream, fixable=False),
    )


@hookimpl
def newslint_register_parsers(register: Callable[[Parser], None]) -> None:
    for parser in _builtin_parsers():
        register(parser)


def _excluded(path: str, patterns: Iterable[str]) -> bool:
    posix = Path(path).as_posix()
    name = os.path.basename(posix)
    return any(fnmatch.fnmatch(posix, p) or fnmatch.fnmatch(name, p) for p in patterns)


def collect_inputs(
    paths: Iterable[str], extensions: Iterable[str], exclude: Iterable[str] = ()
) -> Iterator[str | InputProblem]:
    """Files to lint, in a stable order: files given by name, and article files under folders.

    A file named on the command line is linted whatever its extension (it is parsed as text when
    no parser claims it); under a folder only known extensions are taken.
    """
    exts = tuple(e.lower() for e in extensions)
    exclude = tuple(exclude)
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        if not os.path.exists(raw):
            yield InputProblem(raw, "no such file or directory")
            continue
        if os.path.isdir(raw):
            found = False
            for dirpath, dirnames, filenames in os.walk(raw):
                dirnames[:] = sorted(d for d in dirnames
                                     if d not in SKIP_DIRS and not d.startswith(".")
                                     and not _excluded(os.path.join(dirpath, d), exclude))
                for name in sorted(filenames):
                    full = os.path.join(dirpath, name)
                    if name.lower().endswith(exts) and not _excluded(full, exclude):
                        found = True
                        yield full
            if not found:
                yield InputProblem(raw, f"no articles found (looked for {', '.join(exts)})")
            continue
        if not _excluded(raw, exclude):
            yield raw


def read_bytes(path: str, max_size: int) -> bytes:
    """The file's bytes, refusing what is too large or not a regular file."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    if not os.path.isfile(path):
        raise InputError("not a regular file")
    if st.st_size > max_size:
        raise InputError(
            f"file too large ({st.st_size / 1e6:.1f} MB, limit {max_size / 1e6:.1f} MB; "
            "raise max-file-size to lint it)"
        )
    try:
        with open(path, "rb") as fh:
            return fh.read(max_size + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
