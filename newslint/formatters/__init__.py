"""Output formats. Each is registered through ``newslint_register_formatters``.

A formatter is built with ``factory(stream, options)`` and receives ``begin()``, one
``article(report)`` per article as soon as it is done (so JSONL and text stream), and
``end(summary)``.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from typing import Any, ClassVar, Protocol, TextIO

from ..hookspecs import hookimpl
from ..report import Report, Summary


class Formatter(Protocol):
    def begin(self) -> None: ...
    def article(self, report: Report) -> None: ...
    def end(self, summary: Summary) -> None: ...


class TextFormatter:
    """``path:line:col: CODE [category] message``, then a one-line summary."""

    COLOURS: ClassVar[dict[str, str]] = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}

    def __init__(self, stream: TextIO, options: dict[str, Any]) -> None:
        self.stream = stream
        colour = options.get("color")
        if colour is None:
            colour = hasattr(stream, "isatty") and stream.isatty() and not os.environ.get("NO_COLOR")
        self.colour = bool(colour)
        self.show_suggestion = options.get("show_suggestion", True)

    def begin(self) -> None:
        pass

    def _paint(self, text: str, severity: str) -> str:
        if not self.colour:
            return text
        return f"{self.COLOURS.get(severity, '')}{text}\033[0m"

    def article(self, report: Report) -> None:
        write = self.stream.write
        for f in report.findings:
            code = self._paint(f.code, f.severity)
            line = f"{report.path}:{f.line}:{f.column}: {code} [{f.category}] {f.message}"
            if self.show_suggestion and f.suggestion is not None and f.suggestion not in f.message:
                line += f" (suggestion: {f.suggestion!r})"
            write(line + "\n")
        self.stream.flush()

    def end(self, summary: Summary) -> None:
        s = summary.to_dict()
        parts = [f"{s['findings']} finding{'s' if s['findings'] != 1 else ''}",
                 f"{s['errors']} error{'s' if s['errors'] != 1 else ''}",
                 f"{s['warnings']} warning{'s' if s['warnings'] != 1 else ''}",
                 f"{s['info']} info"]
        tail = f"; {s['unreadable']} unreadable" if s["unreadable"] else ""
        score = f"; mean quality score {s['mean_score']}" if s["mean_score"] is not None else ""
        self.stream.write(f"Found {parts[0]} ({', '.join(parts[1:])}) in {s['files']} "
                          f"file{'s' if s['files'] != 1 else ''}{tail}{score}.\n")


class JsonFormatter:
    """One JSON object: ``{"version", "files": [...], "summary"}``."""

    def __init__(self, stream: TextIO, options: dict[str, Any]) -> None:
        self.stream = stream
        self.files: list[dict[str, Any]] = []

    def begin(self) -> None:
        pass

    def article(self, report: Report) -> None:
        self.files.append(report.to_dict())

    def end(self, summary: Summary) -> None:
        json.dump({"version": "1", "files": self.files, "summary": summary.to_dict()},
                  self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


class JsonLinesFormatter:
    """One file entry per line, written as soon as its article is done."""

    def __init__(self, stream: TextIO, options: dict[str, Any]) -> None:
        self.stream = stream

    def begin(self) -> None:
        pass

    def article(self, report: Report) -> None:
        self.stream.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
        self.stream.flush()

    def end(self, summary: Summary) -> None:
        pass


class GithubFormatter:
    """GitHub Actions workflow commands: one annotation per finding."""

    LEVELS: ClassVar[dict[str, str]] = {"error": "error", "warning": "warning", "info": "notice"}

    def __init__(self, stream: TextIO, options: dict[str, Any]) -> None:
        self.stream = stream

    def begin(self) -> None:
        pass

    @staticmethod
    def _escape(text: str, prop: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if prop else text

    def article(self, report: Report) -> None:
        file = self._escape(report.path.split("#", 1)[0], prop=True)
        if report.error:
            self.stream.write(f"::error file={file},title=newslint::{self._escape(report.error)}\n")
        for f in report.findings:
            title = self._escape(f"{f.code} {f.check}", prop=True)
            self.stream.write(f"::{self.LEVELS[f.severity]} file={file},line={f.line},col={f.column},"
                              f"title={title}::{self._escape(f.message)}\n")

    def end(self, summary: Summary) -> None:
        pass


def _sarif(stream: TextIO, options: dict[str, Any]) -> Formatter:
    from .sarif import SarifFormatter

    return SarifFormatter(stream, options)


BUILTIN_FORMATTERS: dict[str, Callable[[TextIO, dict[str, Any]], Formatter]] = {
    "text": TextFormatter,
    "json": JsonFormatter,
    "jsonl": JsonLinesFormatter,
    "github": GithubFormatter,
    "sarif": _sarif,
}


@hookimpl
def newslint_register_formatters(register: Callable[[str, Callable[..., Any]], None]) -> None:
    for name, factory in BUILTIN_FORMATTERS.items():
        register(name, factory)


def default_stream() -> TextIO:
    return sys.stdout
