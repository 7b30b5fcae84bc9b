"""Per-article reports and the run summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .findings import SEVERITY_RANK, Finding

#: Points a finding takes off the quality score, by severity (times its confidence).
SCORE_WEIGHTS: dict[str, float] = {"error": 20.0, "warning": 6.0, "info": 1.0}


def quality_score(findings: list[Finding]) -> float:
    """0-100: 100 minus, for each finding, its severity's weight times its confidence
    (1 when unknown); error 20, warning 6, info 1. Internal findings do not count."""
    lost = sum(SCORE_WEIGHTS.get(f.severity, 0.0) * (1.0 if f.confidence is None else f.confidence)
               for f in findings if f.category != "internal")
    return round(max(0.0, 100.0 - lost), 1)


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
    #: The record's id, for an article read from a record (``path`` ends with ``#id`` then).
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The contract's file entry."""
        out: dict[str, Any] = {"path": self.path}
        if self.id is not None:
            out["id"] = self.id
        out |= {
            "text": "extracted" if self.extracted else "raw",
            "findings": [f.to_dict() for f in self.findings],
        }
        if not self.error:
            out["score"] = self.score
        if self.fields:
            out["article"] = self.fields
        if self.metrics:
            out["metrics"] = self.metrics
        if self.error:
            out["error"] = self.error
        return out

    @property
    def score(self) -> float:
        """The article's quality score (see :func:`quality_score`)."""
        return quality_score(self.findings)

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
    #: Sum and count of the scores, not the list: a million-article stream keeps flat memory.
    score_total: float = 0.0
    scored: int = 0

    def add(self, report: Report, fail_on: str, fail_under: float | None = None) -> None:
        self.files += 1
        if report.error:
            self.unreadable += 1
        else:
            score = report.score
            self.score_total += score
            self.scored += 1
            if fail_under is not None and score < fail_under:
                self.failed = True
        self.findings += len(report.findings)
        self.by_severity.update(report.counts())
        self.failed = self.failed or report.fails(fail_on)

    @property
    def mean_score(self) -> float | None:
        return round(self.score_total / self.scored, 1) if self.scored else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "findings": self.findings,
            "errors": self.by_severity.get("error", 0),
            "warnings": self.by_severity.get("warning", 0),
            "info": self.by_severity.get("info", 0),
            "unreadable": self.unreadable,
            "mean_score": self.mean_score,
        }

    @property
    def exit_code(self) -> int:
        """0 clean, 1 a finding at or above ``fail-on``, 2 an input could not be read."""
        if self.unreadable:
            return 2
        return 1 if self.failed else 0
