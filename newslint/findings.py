"""Findings: the one format every check's output is turned into.

A check yields light :class:`Hit` objects (offsets, message, optional fix); the runner turns each
into a :class:`Finding` that knows its code, category, severity, line and column. Keeping the two
apart means a check never has to know about files, positions or configuration.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: The category vocabulary of ``spec/output-contract.md``. Third-party checks must use these, so
#: that their findings can be grouped and scored with the built-in ones.
CATEGORIES: frozenset[str] = frozenset(
    {
        "truncation",
        "boilerplate",
        "mt_artifact",
        "attribution",
        "capitalization",
        "spacing",
        "punctuation",
        "spelling",
        "grammar",
        "generated_text",
        "duplicate",
        "markup",
        "language",
        "readability",
        "consistency",
        "internal",
    }
)

#: Severities, weakest first. ``SEVERITY_RANK`` orders them for ``--fail-on``.
SEVERITIES: tuple[str, ...] = ("info", "warning", "error")
SEVERITY_RANK: dict[str, int] = {name: rank for rank, name in enumerate(SEVERITIES)}

#: How safe a fix is to apply without a human: ``safe`` fixes cannot change meaning and are
#: applied by ``--fix``; ``unsafe`` ones need ``--unsafe-fixes``.
APPLICABILITIES: tuple[str, ...] = ("safe", "unsafe")


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "replacement": self.replacement}


@dataclass(frozen=True, slots=True)
class Fix:
    """One or more edits that together repair a finding."""

    edits: tuple[Edit, ...]
    applicability: str = "safe"

    @classmethod
    def replace(cls, start: int, end: int, replacement: str, *, safe: bool = True) -> Fix:
        return cls((Edit(start, end, replacement),), "safe" if safe else "unsafe")

    @classmethod
    def delete(cls, start: int, end: int, *, safe: bool = True) -> Fix:
        return cls.replace(start, end, "", safe=safe)

    def to_dict(self) -> dict[str, Any]:
        return {"applicability": self.applicability, "edits": [e.to_dict() for e in self.edits]}


@dataclass(slots=True)
class Hit:
    """What a check yields: a span of the article's text and what is wrong with it.

    ``severity`` overrides the check's default for this one hit (an attribution check may grade a
    high-stakes claim up and routine wire sourcing down); ``rule`` names a sub-rule appended to the
    check name (LanguageTool's rule ids, a house rule's name).
    """

    start: int
    end: int
    message: str
    suggestion: str | None = None
    confidence: float | None = None
    severity: str | None = None
    fix: Fix | None = None
    rule: str | None = None
    data: dict[str, Any] | None = None


@dataclass(slots=True)
class Finding:
    """A finding as the contract describes it: what, where, how sure, and how to fix."""

    code: str
    check: str
    category: str
    severity: str
    message: str
    start: int
    end: int
    line: int
    column: int
    excerpt: str
    suggestion: str | None = None
    confidence: float | None = None
    fix: Fix | None = None
    plugin: str | None = None
    data: dict[str, Any] | None = field(default=None, compare=False)
    #: The line in the source file (see :mod:`newslint.locations`): ``line`` for raw text, the
    #: record's or HTML text node's line for extracted text, None when it cannot be told.
    source_line: int | None = field(default=None, compare=False)
    #: For JSON records: the file columns of ``start`` and ``end`` (the body's encoding counted).
    source_column: int | None = field(default=None, compare=False)
    source_end_column: int | None = field(default=None, compare=False)
    #: ``(window, span offset in window, cut before, cut after)``: the finding's line around the
    #: span, for code frames (``--show-source``). Not part of the JSON output.
    context: tuple[str, int, bool, bool] | None = field(default=None, compare=False, repr=False)

    @property
    def end_line(self) -> int:
        """1-based line of ``end`` (exact: the excerpt is ``text[start:end]``)."""
        return self.line + self.excerpt.count("\n")

    @property
    def end_column(self) -> int:
        """1-based column of ``end`` (exclusive end, as SARIF's ``endColumn``)."""
        nl = self.excerpt.rfind("\n")
        return self.column + len(self.excerpt) if nl < 0 else len(self.excerpt) - nl

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object for this finding (``fix``, ``plugin``, ``end_line``,
        ``end_column`` are extensions; reports of extracted text add ``source_line``)."""
        out: dict[str, Any] = {
            "code": self.code,
            "check": self.check,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "excerpt": self.excerpt,
            "suggestion": self.suggestion,
            "confidence": self.confidence,
            "fix": self.fix.to_dict() if self.fix else None,
        }
        out["end_line"] = self.end_line
        out["end_column"] = self.end_column
        if self.plugin:
            out["plugin"] = self.plugin
        return out

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.code)
