"""SARIF 2.1.0 output, for code-scanning dashboards (GitHub, Azure DevOps)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from .. import __version__
from ..report import Report, Summary

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


class SarifFormatter:
    """One SARIF log with one run; rules are described from the checks' metadata."""

    def __init__(self, stream: TextIO, options: dict[str, Any]) -> None:
        self.stream = stream
        self.checks = {c.code: c for c in options.get("checks", [])}
        self.results: list[dict[str, Any]] = []
        self.rules: dict[str, dict[str, Any]] = {}
        self.notifications: list[dict[str, Any]] = []

    def begin(self) -> None:
        pass

    def _rule(self, code: str, check_name: str) -> int:
        if code not in self.rules:
            chk = self.checks.get(code)
            rule: dict[str, Any] = {"id": code, "name": check_name}
            if chk is not None:
                rule["name"] = chk.qualified_name
                rule["shortDescription"] = {"text": chk.summary or chk.qualified_name}
                why = chk.doc_sections().get("Why it matters")
                if why:
                    rule["fullDescription"] = {"text": why}
                rule["defaultConfiguration"] = {"level": LEVELS[chk.severity]}
                rule["properties"] = {"category": chk.category, "tags": [chk.category]}
            self.rules[code] = rule
        return list(self.rules).index(code)

    def article(self, report: Report) -> None:
        uri = report.path.split("#", 1)[0]
        if report.error:
            self.notifications.append({"level": "error", "message": {"text": f"{uri}: {report.error}"}})
        for f in report.findings:
            index = self._rule(f.code, f.check)
            result: dict[str, Any] = {
                "ruleId": f.code,
                "ruleIndex": index,
                "level": LEVELS[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": {"startLine": f.line, "startColumn": f.column,
                               "charOffset": f.start, "charLength": f.end - f.start,
                               "snippet": {"text": f.excerpt}},
                }}],
                "properties": {"category": f.category, "check": f.check, "confidence": f.confidence},
            }
            if report.path != uri:
                result["properties"]["record"] = report.path
            if f.suggestion is not None:
                result["properties"]["suggestion"] = f.suggestion
            self.results.append(result)

    def end(self, summary: Summary) -> None:
        run: dict[str, Any] = {
            "tool": {"driver": {"name": "newslint", "version": __version__,
                                "informationUri": "https://pypi.org/project/newslint/",
                                "rules": list(self.rules.values())}},
            "results": self.results,
        }
        if self.notifications:
            run["invocations"] = [{"executionSuccessful": True,
                                   "toolExecutionNotifications": self.notifications}]
        json.dump({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, self.stream, indent=2,
                  ensure_ascii=False)
        self.stream.write("\n")
