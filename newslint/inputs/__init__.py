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
    """An input that could not be read: ``path: message`` is what the user sees.

    ``severity`` is ``error`` (the run exits 2) or ``warning`` (something deliberately not read,
    such as a symbolic link out of the linted folder: said once, the exit status unchanged).
    """

    path: str
    message: str
    #: For a record of a JSON/JSONL file: the file and the record id, kept apart from ``path``.
    file: str | None = None
    record: str | None = None
    severity: str = "error"

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


#: Byte-order marks of the encodings a newsroom's tools save "Unicode" text in, longest first.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "UTF-32 (little-endian)"),
    (b"\x00\x00\xfe\xff", "UTF-32 (big-endian)"),
    (b"\xff\xfe", "UTF-16 (little-endian)"),
    (b"\xfe\xff", "UTF-16 (big-endian)"),
)


def sniff_wide_encoding(data: bytes) -> str | None:
    """The name of a UTF-16/UTF-32 encoding when ``data`` is text in one (by its byte-order mark,
    or by the NUL pattern of ASCII text without one), else None."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    head = data[:4096]
    if len(head) >= 8:
        if head[1::4].count(0) == head[2::4].count(0) == head[3::4].count(0) == len(head) // 4 \
                and head[0::4].count(0) < len(head) // 40:
            return "UTF-32 (little-endian, no byte-order mark)"
        if head[0::4].count(0) == head[1::4].count(0) == head[2::4].count(0) == len(head) // 4 \
                and head[3::4].count(0) < len(head) // 40:
            return "UTF-32 (big-endian, no byte-order mark)"
        odd, even = head[1::2].count(0), head[0::2].count(0)
        if odd > len(head) * 0.45 and even < len(head) // 40:
            return "UTF-16 (little-endian, no byte-order mark)"
        if even > len(head) * 0.45 and odd < len(head) // 40:
            return "UTF-16 (big-endian, no byte-order mark)"
    return None


def replace_lone_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (from a JSON ``"\\ud800"`` escape or a YAML ``"\\udfff"``)
    replaced by U+FFFD: one code point for one, so offsets do not move, and the text can be
    written as UTF-8 (a lone surrogate makes every output format raise UnicodeEncodeError)."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)


def decode_text(data: bytes, path: str) -> str:
    """Bytes to text, refusing what is not a text article (binary, bad UTF-8, UTF-16, empty)."""
    wide = sniff_wide_encoding(data)
    if wide:
        raise InputError(f"text in {wide}, not UTF-8; convert it with "
                         f"iconv -f {wide.split()[0]} -t UTF-8")
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


def _deferred(module: str, name: str) -> Callable[..., Any]:
    """``newslint.inputs.<module>.<name>``, imported on its first call: a run over text files
    never imports the Markdown, HTML and archive readers (nor ``datetime`` and ``csv``)."""
    found: list[Callable[..., Any]] = []

    def call(*args: Any, **kwargs: Any) -> Any:
        if not found:
            import importlib

            found.append(getattr(importlib.import_module(f"{__name__}.{module}"), name))
        return found[0](*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"``newslint.inputs.{module}.{name}`` (imported on first use)."
    return call


def _builtin_parsers() -> tuple[Parser, ...]:
    from .records import parse_json, parse_jsonl, parse_jsonl_stream

    parse_csv, parse_csv_stream, parse_tsv_stream = (_deferred("archives", n) for n in (
        "parse_csv", "parse_csv_stream", "parse_tsv_stream"))
    parse_parquet, parse_parquet_stream = _deferred("archives", "parse_parquet"), \
        _deferred("archives", "parse_parquet_stream")
    parse_html, parse_markdown = _deferred("html", "parse_html"), _deferred("markdown", "parse_markdown")

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
            unreadable: list[OSError] = []
            root = os.path.realpath(raw)
            for dirpath, dirnames, filenames in os.walk(raw, onerror=unreadable.append):
                while unreadable:  # a folder os.walk could not list: say so, go on
                    err = unreadable.pop(0)
                    found = True
                    yield InputProblem(err.filename or dirpath,
                                       f"cannot read folder: {err.strerror or err}")
                dirnames[:] = sorted(d for d in dirnames
                                     if d not in SKIP_DIRS and not d.startswith(".")
                                     and not _excluded(os.path.join(dirpath, d), exclude))
                for name in sorted(filenames):
                    full = os.path.join(dirpath, name)
                    if name.lower().endswith(exts) and not _excluded(full, exclude):
                        found = True
                        if os.path.islink(full) and not _inside(os.path.realpath(full), root):
                            # Folder symlinks are not followed either: a linted tree must not
                            # make newslint read (and quote in excerpts) files from elsewhere.
                            yield InputProblem(full, "not linted: symbolic link to a file outside "
                                                     f"{raw} (name it on the command line to lint it)",
                                               severity="warning")
                            continue
                        yield full
            for err in unreadable:
                found = True
                yield InputProblem(err.filename or raw, f"cannot read folder: {err.strerror or err}")
            if not found:
                yield InputProblem(raw, f"no articles found (looked for {', '.join(exts)})")
            continue
        if not _excluded(raw, exclude):
            yield raw


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def check_regular_file(path: str) -> os.stat_result:
    """``os.stat`` of ``path``, refusing what is not a regular file before anything opens it
    (opening a FIFO blocks until a writer comes; a device may never end)."""
    import stat

    try:
        st = os.stat(path)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode)
                else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
                else "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file")
        raise InputError(f"not a regular file ({kind}); pipe it to standard input to lint a stream")
    return st


def read_bytes(path: str, max_size: int) -> bytes:
    """The file's bytes, refusing what is too large or not a regular file."""
    st = check_regular_file(path)
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
