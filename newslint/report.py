"""Per-article reports and the run summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .findings import SEVERITY_RANK, Finding

#: Points a finding takes, by severity (times its confidence).
SCORE_WEIGHTS: dict[str, float] = {"error": 20.0, "warning": 6.0, "info": 1.0}
#: Articles shorter than this count as this long: one slip in a 150-word brief should not weigh
#: like seven. Chosen on the tuning half of the clean/defective corpus (benchmarks/score_eval.py).
SCORE_MIN_WORDS = 1000
#: Damage density (points per 1,000 words) at which the score is 50.
SCORE_HALF_DENSITY = 50.0


def quality_score(findings: list[Finding], words: int | None = None) -> float:
    """0-100, length-normalised and never saturating, so that damaged articles still rank.

    ``D = 1000 * sum(weight * confidence) / max(words, 1000)`` is the damage per 1,000 words
    (weights: error 20, warning 6, info 1; confidence 1 when unknown; ``internal`` findings do
    not count), and the score is ``100 / (1 + D / 50)``: 100 for no finding, 50 at 50 points
    per 1,000 words, and strictly falling without ever reaching 0, so that an article with 40
    warnings still scores below one with 30 of the same length. ``words`` None (unknown) counts
    as the minimum length.
    """
    lost = sum(SCORE_WEIGHTS.get(f.severity, 0.0) * (1.0 if f.confidence is None else f.confidence)
               for f in findings if f.category != "internal")
    if lost <= 0:
        return 100.0
    density = 1000.0 * lost / max(words or 0, SCORE_MIN_WORDS)
    return round(100.0 / (1.0 + density / SCORE_HALF_DENSITY), 1)


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
    #: The real file an extracted article came from, and its record id: kept apart from
    #: ``path`` (``feed.jsonl#42``) so nobody has to split a path on ``#``.
    file: str | None = None
    record: str | None = None
    words: int | None = None

    @classmethod
    def from_problem(cls, problem: Any) -> Report:
        """The report of an input that could not be read (an ``InputProblem``)."""
        return cls(path=problem.path, error=problem.message, file=getattr(problem, "file", None),
                   record=getattr(problem, "record", None))

    def to_dict(self) -> dict[str, Any]:
        """The contract's file entry."""
        out: dict[str, Any] = {
            "path": self.path,
            "text": "extracted" if self.extracted else "raw",
            "findings": [f.to_dict() for f in self.findings],
        }
        if self.record is not None:
            out["file"] = self.file
            out["record"] = self.record
        if self.extracted:
            for entry, f in zip(out["findings"], self.findings, strict=True):
                entry["source_line"] = f.source_line
                if f.source_column is not None:
                    entry["source_column"] = f.source_column
                    entry["source_end_column"] = f.source_end_column
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
        words = self.words if self.words is not None else self.metrics.get("words")
        return quality_score(self.findings, words if isinstance(words, int) else None)

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
    #: A running sum, not a list of scores: memory stays flat on a stream of any length.
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
