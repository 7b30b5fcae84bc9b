"""SARIF 2.1.0 output, for code-scanning dashboards (GitHub, Azure DevOps).

What makes the log point at the right place:

- ``run.columnKind`` is ``unicodeCodePoints`` (newslint counts code points, as the contract
  says); SARIF requires the property whenever there are results.
- Regions are only given where they are true. For ``.txt``/``.md`` files: start and end line and
  column, character offset and length, and a snippet. For extracted text (HTML, JSON records)
  the offsets index the extracted text, not the file, so the region is only the source line when
  it is known (the record's line and, for JSON bodies, the exact columns; the HTML text node's
  line) and is left out otherwise; the
  record id is a logical location (``kind: object``).
- Artifact URIs are percent-encoded (a ``#`` in a file name is part of the name, not a
  fragment) and relative to ``%SRCROOT%``, the current directory, when the path is relative.
- ``partialFingerprints`` (``newslint/v1``) hash the code, the excerpt and its occurrence number
  in the article, so a finding keeps its identity when lines are added above it.
- Rules carry ``help`` (the check's documentation) and results carry ``fixes`` from the safe
  fixes (what ``--fix`` applies), for files linted as they are (never for extracted text).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from .. import __version__
from ..findings import Finding
from ..report import Report, Summary

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "newslint/v1"


def artifact_location(path: str) -> dict[str, Any]:
    """A SARIF artifactLocation for a file path: a percent-encoded relative URI under
    ``%SRCROOT%``, or an absolute ``file://`` URI."""
    posix = Path(path).as_posix()
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    if posix.startswith("./"):
        posix = posix[2:]
    return {"uri": quote(posix, safe="/"), "uriBaseId": SRCROOT}


def fingerprint(f: Finding, occurrence: int) -> str:
    """A stable identity for a finding: code, normalised excerpt and occurrence number."""
    key = "\x1f".join((f.code, f.check, " ".join(f.excerpt.split()).lower(), str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


class SarifFormatter:
    """One SARIF log with one run; rules are described from the checks' metadata."""

    def __init__(self, stream: TextIO, options: dict[str, Any]) -> None:
        self.stream = stream
        self.checks = {c.code: c for c in options.get("checks", [])}
        self.results: list[dict[str, Any]] = []
        self.rules: dict[str, dict[str, Any]] = {}
        self.rule_index: dict[str, int] = {}
        self.notifications: list[dict[str, Any]] = []
        self.artifacts: dict[str, int] = {}

    def begin(self) -> None:
        pass

    def _rule(self, code: str, check_name: str) -> int:
        if code not in self.rules:
            chk = self.checks.get(code)
            rule: dict[str, Any] = {"id": code, "name": check_name,
                                    "shortDescription": {"text": check_name}}
            if chk is not None:
                rule["name"] = chk.qualified_name
                rule["shortDescription"] = {"text": chk.summary or chk.qualified_name}
                sections = chk.doc_sections()
                why = sections.get("Why it matters")
                if why:
                    rule["fullDescription"] = {"text": why}
                rule["help"] = _help(chk.code, chk.qualified_name, sections)
                rule["defaultConfiguration"] = {"level": LEVELS[chk.severity]}
                rule["properties"] = {"category": chk.category, "tags": [chk.category]}
            self.rule_index[code] = len(self.rules)
            self.rules[code] = rule
        return self.rule_index[code]

    def _artifact(self, path: str) -> int:
        if path not in self.artifacts:
            self.artifacts[path] = len(self.artifacts)
        return self.artifacts[path]

    def article(self, report: Report) -> None:
        file = report.file or report.path
        if report.error:
            self.notifications.append({
                "level": "error",
                "message": {"text": f"{report.path}: {report.error}"},
                "locations": [{"physicalLocation": {"artifactLocation": artifact_location(file)}}],
            })
            return
        location = artifact_location(file)
        location["index"] = self._artifact(file)
        seen: Counter[tuple[str, str]] = Counter()
        for f in report.findings:
            key = (f.code, " ".join(f.excerpt.split()).lower())
            seen[key] += 1
            physical: dict[str, Any] = {"artifactLocation": dict(location)}
            if not report.extracted:
                physical["region"] = {
                    "startLine": f.line, "startColumn": f.column,
                    "endLine": f.end_line, "endColumn": f.end_column,
                    "charOffset": f.start, "charLength": f.end - f.start,
                    "snippet": {"text": f.excerpt},
                }
            elif f.source_line is not None:
                physical["region"] = {"startLine": f.source_line}
                if f.source_column is not None and f.source_end_column is not None:
                    physical["region"].update(startColumn=f.source_column, endLine=f.source_line,
                                              endColumn=f.source_end_column)
            loc: dict[str, Any] = {"physicalLocation": physical}
            if report.record is not None:
                loc["logicalLocations"] = [{"name": report.record, "kind": "object",
                                            "fullyQualifiedName": report.path}]
            message = f.message
            if f.suggestion is not None and f.suggestion not in message:
                message += f" (suggestion: {f.suggestion!r})"
            result: dict[str, Any] = {
                "ruleId": f.code,
                "ruleIndex": self._rule(f.code, f.check),
                "level": LEVELS[f.severity],
                "message": {"text": message},
                "locations": [loc],
                "partialFingerprints": {FINGERPRINT_KEY: fingerprint(f, seen[key])},
                "properties": {"category": f.category, "check": f.check, "confidence": f.confidence,
                               "excerpt": f.excerpt},
            }
            if report.extracted:
                result["properties"]["textLocation"] = {"line": f.line, "column": f.column,
                                                        "start": f.start, "end": f.end}
            if report.record is not None:
                result["properties"]["record"] = report.record
            if f.suggestion is not None:
                result["properties"]["suggestion"] = f.suggestion
            if f.fix is not None and f.fix.applicability == "safe" and not report.extracted:
                result["fixes"] = [{
                    "description": {"text": f"safe fix for {f.code}"
                                    + (f": {f.suggestion!r}" if f.suggestion is not None else "")},
                    "artifactChanges": [{
                        "artifactLocation": dict(location),
                        "replacements": [{"deletedRegion": {"charOffset": e.start,
                                                            "charLength": e.end - e.start},
                                          "insertedContent": {"text": e.replacement}}
                                         for e in f.fix.edits],
                    }],
                    "properties": {"applicability": f.fix.applicability},
                }]
            self.results.append(result)

    def log(self) -> dict[str, Any]:
        """The whole SARIF log as a dict."""
        root = Path(os.getcwd()).as_uri().rstrip("/") + "/"
        run: dict[str, Any] = {
            "tool": {"driver": {"name": "newslint", "version": __version__,
                                "semanticVersion": __version__,
                                "informationUri": "https://pypi.org/project/newslint/",
                                "rules": list(self.rules.values())}},
            "originalUriBaseIds": {SRCROOT: {"uri": root}},
            "artifacts": [{"location": artifact_location(path)} for path in self.artifacts],
            "columnKind": "unicodeCodePoints",
            "results": self.results,
            "invocations": [{"executionSuccessful": True,
                             "toolExecutionNotifications": self.notifications}],
        }
        return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}

    def end(self, summary: Summary) -> None:
        json.dump(self.log(), self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")


def _help(code: str, name: str, sections: dict[str, str]) -> dict[str, str]:
    """A rule's ``help``: what the check does and why, from its documentation."""
    parts = [(title, sections[title]) for title in ("What it does", "Why it matters", "Options")
             if sections.get(title)]
    if not parts:
        text = f"{code} ({name}): see `newslint rule {code}`."
        return {"text": text, "markdown": text}
    text = "\n\n".join(f"{title}: {body}" for title, body in parts)
    text += f"\n\nMore: `newslint rule {code}`."
    markdown = "\n\n".join(f"**{title}**\n\n{body}" for title, body in parts)
    markdown += f"\n\nMore: `newslint rule {code}`."
    return {"text": text, "markdown": markdown}
