"""Reading one input (a file, ``-`` for standard input, or bytes already read) into articles with
the right parser.

Every failure, from an unreadable file to a parser bug, becomes an :class:`InputProblem` naming
the file, so one bad input never stops a run. That conversion lives here once
(:func:`guarded`): the serial reader, the parallel workers (:mod:`newslint.parallel`) and the
engines' workers (:mod:`newslint.engines.partition`) all parse through it, so a bad file gives
the same report whatever runs it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from ..article import Article
from . import InputError, InputProblem, Parser, check_regular_file, read_bytes

if TYPE_CHECKING:
    from ..config import Config


def parser_for(parsers: Mapping[str, Parser], path: str) -> Parser | None:
    """The parser for a file name (by extension; plain text for unknown extensions)."""
    ext = os.path.splitext(path)[1].lower()
    return parsers.get(ext) or parsers.get(".txt")


def guarded(name: str, items: Iterable[Article | InputProblem]) -> Iterator[Article | InputProblem]:
    """``items`` (a parser's output, consumed lazily), with the failure that stops them turned
    into a last :class:`InputProblem` for ``name``: the articles parsed before it are kept."""
    try:
        yield from items
    except InputError as exc:
        yield InputProblem(name, str(exc))
    except RecursionError:
        yield InputProblem(name, "too deeply nested to parse")
    except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the run
        yield InputProblem(name, f"could not be parsed ({type(exc).__name__}: {exc})")


def parse_bytes(parsers: Mapping[str, Parser], name: str, data: bytes,
                config: Config) -> Iterator[Article | InputProblem]:
    """Parse bytes already read (a file read by another process, standard input) as the file
    ``name`` would be parsed, every failure an :class:`InputProblem`."""
    parser = parser_for(parsers, name)
    if parser is None:
        return iter([InputProblem(name, "no parser for this kind of file")])
    return guarded(name, _parse(parser, data, name, config))


def _parse(parser: Parser, data: bytes, name: str, config: Config) -> Iterator[Article | InputProblem]:
    # A generator, so that a parser raising before its first article is guarded too.
    yield from parser.parse(data, name, config)


def read_input(path: str, parsers: Mapping[str, Parser], config: Config, *,
               stdin_name: str | None = None) -> Iterator[Article | InputProblem]:
    """Parse one file (``-`` for standard input) into articles, turning every failure into an
    :class:`InputProblem`."""
    name = (stdin_name or "-") if path == "-" else path
    parser = parser_for(parsers, name)
    if parser is None:
        return iter([InputProblem(name, "no parser for this kind of file")])
    return guarded(name, _read(path, name, parser, config))


def _read(path: str, name: str, parser: Parser, config: Config) -> Iterator[Article | InputProblem]:
    if path == "-" and parser.parse_stream is not None:
        # A stream of records on standard input is read record by record, like a file: the
        # size limit applies to each record, not to the stream.
        yield from parser.parse_stream(sys.stdin.buffer, name, config)
    elif path == "-":
        data = sys.stdin.buffer.read(config.max_file_size + 1)
        if len(data) > config.max_file_size:
            raise InputError("standard input too large (raise max-file-size to lint it)")
        yield from parser.parse(data, name, config)
    elif parser.parse_stream is not None:
        check_regular_file(path)  # a FIFO named feed.jsonl would block the run forever
        try:
            fh = open(path, "rb")
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}") from None
        with fh:
            yield from parser.parse_stream(fh, path, config)
    else:
        data = read_bytes(path, config.max_file_size)
        yield from parser.parse(data, path, config)
