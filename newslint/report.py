"""Per-article reports and the run summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .findings import SEVERITY_RANK, Finding


@dataclass(slots=True)
class Report:
    """What newslint says about one article (a file, a record, a string).

    ``error`` is set, and ``findings`` empty, when the input could not be read.
    """

    path: str
    findings: list[Finding] = field(default_factory=list)
    extracted: bool = False
    error: str | None = None
    metrics: dict[str, Any] = field(default_factory=dict)
    fields: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The contract's file entry."""
        out: dict[str, Any] = {
            "path": self.path,
            "text": "extracted" if self.extracted else "raw",
            "findings": [f.to_dict() for f in self.findings],
        }
        if self.fields:
            out["article"] = self.fields
        if self.metrics:
            out["metrics"] = self.metrics
        if self.error:
            out["error"] = self.error
        return out

    def counts(self) -> Counter[str]:
        return Counter(f.severity for f in self.findings)

    def fails(self, fail_on: str) -> bool:
        """Whether a finding reaches the failing severity."""
        if fail_on == "never":
            return False
        bar = SEVERITY_RANK[fail_on]
        return any(SEVERITY_RANK[f.severity] >= bar for f in self.findings)


@dataclass(slots=True)
class Summary:
    """Totals over a run, for the last line of text output and ``summary`` in JSON."""

    files: int = 0
    findings: int = 0
    unreadable: int = 0
    by_severity: Counter[str] = field(default_factory=Counter)
    failed: bool = False

    def add(self, report: Report, fail_on: str) -> None:
        self.files += 1
        if report.error:
            self.unreadable += 1
        self.findings += len(report.findings)
        self.by_severity.update(report.counts())
        self.failed = self.failed or report.fails(fail_on)

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "findings": self.findings,
            "errors": self.by_severity.get("error", 0),
            "warnings": self.by_severity.get("warning", 0),
            "info": self.by_severity.get("info", 0),
            "unreadable": self.unreadable,
        }

    @property
    def exit_code(self) -> int:
        """0 clean, 1 a finding at or above ``fail-on``, 2 an input could not be read."""
        if self.unreadable:
            return 2
        return 1 if self.failed else 0
