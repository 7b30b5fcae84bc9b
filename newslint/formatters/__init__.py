"""Output formats. Each is registered through ``newslint_register_formatters``.

A formatter is built with ``factory(stream, options)`` and receives ``begin()``, one
``article(report)`` per article as soon as it is done (so JSONL and text stream), and
``end(summary)``.

Options every built-in formatter may receive: ``color``, ``checks`` (every registered check, for
rule metadata), and for text ``show_source``, ``show_fixes``, ``statistics``, ``summary``.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Callable
from typing import Any, ClassVar, Protocol, TextIO

from ..hookspecs import hookimpl
from ..report import Report, Summary
from .text import TextFormatter

__all__ = ["BUILTIN_FORMATTERS", "Formatter", "GithubFormatter", "JsonFormatter", "JsonLinesFormatter",
           "TextFormatter"]


class Formatter(Protocol):
    def begin(self) -> None: ...
    def article(self, report: Report) -> None: ...
    def end(self, summary: Summary) -> None: ...


class JsonFormatter:
    """One JSON object: ``{"version", "files": [...], "summary"}``.

    Written as it goes, byte for byte what ``json.dump(..., indent=2)`` of the whole object
    gives, so memory stays flat over a long run instead of holding every entry (reliability
    audit D15: +104 MB over 20,000 records)."""

    def __init__(self, stream: TextIO, options: dict[str, Any]) -> None:
        self.stream = stream
        self.count = 0

    def begin(self) -> None:
        pass

    def article(self, report: Report) -> None:
        entry = _indented(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), "    ")
        self.stream.write(('{\n  "version": "1",\n  "files": [\n' if not self.count else ",\n") + entry)
        self.count += 1

    def end(self, summary: Summary) -> None:
        head = '{\n  "version": "1",\n  "files": [],\n' if not self.count else "\n  ],\n"
        body = _indented(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2), "  ")
        self.stream.write(head + '  "summary": ' + body.lstrip() + "\n}\n")


def _indented(text: str, prefix: str) -> str:
    return "\n".join(prefix + line for line in text.split("\n"))


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
    """GitHub Actions workflow commands: one annotation per finding, with end positions and the
    suggestion in the message; with ``$GITHUB_STEP_SUMMARY`` set, a Markdown table of the
    counts per check is appended to the job summary.

    Extracted inputs (HTML, records) are annotated at the source line when it is known (the
    record's line, the HTML text node's line), else on the file as a whole: never at a line of
    the extracted text, which would point at the wrong place in the file.
    """

    LEVELS: ClassVar[dict[str, str]] = {"error": "error", "warning": "warning", "info": "notice"}

    def __init__(self, stream: TextIO, options: dict[str, Any]) -> None:
        self.stream = stream
        self.counts: Counter[tuple[str, str, str]] = Counter()
        self.files: set[str] = set()
        self.summary_path = options.get("step_summary", os.environ.get("GITHUB_STEP_SUMMARY"))

    def begin(self) -> None:
        pass

    @staticmethod
    def _escape(text: str, prop: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if prop else text

    def article(self, report: Report) -> None:
        file = self._escape(report.file or report.path, prop=True)
        if report.error:
            self.stream.write(f"::error file={file},title=newslint::"
                              f"{self._escape(report.path + ': ' + report.error)}\n")
        for f in report.findings:
            self.counts[(f.code, f.check, f.severity)] += 1
            self.files.add(report.path)
            title = self._escape(f"{f.code} {f.check}", prop=True)
            if not report.extracted:
                where = (f",line={f.line},endLine={f.end_line},col={f.column},"
                         f"endColumn={f.end_column}")
            elif f.source_line is not None and f.source_column is not None:
                where = (f",line={f.source_line},endLine={f.source_line},col={f.source_column},"
                         f"endColumn={f.source_end_column}")
            elif f.source_line is not None:
                where = f",line={f.source_line}"
            else:
                where = ""
            message = f.message
            if report.record is not None:
                message = f"record {report.record}: {message}"
            excerpt = " ".join(f.excerpt.split())
            if excerpt and excerpt[:24].lower() not in message.lower():
                message += f' — "{excerpt[:80]}{"…" if len(excerpt) > 80 else ""}"'
            if f.suggestion is not None and f.suggestion not in f.message:
                message += f" (suggestion: {f.suggestion!r})"
            self.stream.write(f"::{self.LEVELS[f.severity]} file={file}{where},"
                              f"title={title}::{self._escape(message)}\n")

    def step_summary(self, summary: Summary) -> str:
        """The Markdown written to ``$GITHUB_STEP_SUMMARY``."""
        s = summary.to_dict()
        lines = ["## newslint", "",
                 f"{s['findings']} findings ({s['errors']} errors, {s['warnings']} warnings, "
                 f"{s['info']} info) in {s['files']} files"
                 + (f"; {s['unreadable']} unreadable" if s["unreadable"] else "")
                 + (f"; mean quality score {s['mean_score']}" if s["mean_score"] is not None else "")
                 + ".", ""]
        if self.counts:
            lines += ["| code | check | severity | findings |", "| --- | --- | --- | ---: |"]
            for (code, check, severity), n in sorted(self.counts.items(),
                                                     key=lambda kv: (-kv[1], kv[0])):
                lines.append(f"| {code} | `{check}` | {severity} | {n} |")
            lines.append("")
        return "\n".join(lines) + "\n"

    def end(self, summary: Summary) -> None:
        if self.summary_path:
            try:
                with open(self.summary_path, "a", encoding="utf-8") as fh:
                    fh.write(self.step_summary(summary))
            except OSError as exc:
                sys.stderr.write(f"newslint: warning: cannot write the step summary "
                                 f"{self.summary_path}: {exc.strerror or exc}\n")


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
