"""Inline suppression: ``<!-- newslint: disable=NL123 -->``, ``disable-next``, ``enable``.

The HTML-comment form is used in every input format (.txt, .md, .html) so an editor learns one
syntax. ``disable`` runs until a matching ``enable`` or the end of the text; ``disable-next``
covers the next non-blank line after the comment. Codes may be codes, code prefixes, check names
or categories; no codes means every check. A directive that suppressed nothing is reported, as
ruff reports an unused ``noqa``, so stale suppressions do not pile up.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .article import Article
from .findings import Finding

DIRECTIVE = re.compile(
    r"<!--\s*newslint\s*:\s*(disable-next|disable|enable)\b\s*(?:=\s*([A-Za-z0-9_.,\s-]*?))?\s*-->"
)


@dataclass(slots=True)
class Directive:
    """One suppression region: ``[start, end)`` of text, and what it suppresses."""

    kind: str
    tokens: tuple[str, ...]  # empty: everything
    comment_start: int
    comment_end: int
    start: int
    end: int
    used: bool = field(default=False)


def parse_directives(article: Article) -> list[Directive]:
    """The suppression regions of an article (empty list when it has no directives)."""
    text = article.text
    if "newslint" not in text:
        return []
    regions: list[Directive] = []
    open_regions: list[Directive] = []
    for match in DIRECTIVE.finditer(text):
        kind = match.group(1)
        tokens = tuple(t.strip() for t in (match.group(2) or "").split(",") if t.strip())
        if kind == "disable-next":
            start, end = _next_line_span(article, match.end())
            regions.append(Directive(kind, tokens, match.start(), match.end(), start, end))
        elif kind == "disable":
            region = Directive(kind, tokens, match.start(), match.end(), match.end(), len(text))
            regions.append(region)
            open_regions.append(region)
        else:  # enable
            for region in list(open_regions):
                if not tokens or set(tokens) & set(region.tokens) or not region.tokens:
                    region.end = match.start()
                    open_regions.remove(region)
    return regions


def _next_line_span(article: Article, offset: int) -> tuple[int, int]:
    """The next non-blank line after ``offset`` (the rest of the comment's own line counts when
    the comment ends a line of text... so it is skipped)."""
    nl = article.text.find("\n", offset)
    if nl < 0:
        return offset, offset
    for line in article.lines:
        if line.start > nl and line.text.strip():
            return line.start, line.end
    return offset, offset


def apply_suppressions(
    directives: Iterable[Directive],
    findings: list[Finding],
    matches: Callable[[str, Finding], bool],
) -> list[Finding]:
    """Drop findings inside a matching region; mark the regions that were used.

    ``matches(token, finding)`` says whether a token (code, prefix, name or category) names the
    finding's check; it comes from the linter, which knows the registered checks.
    """
    directives = list(directives)
    if not directives:
        return findings
    kept = []
    for finding in findings:
        suppressed = False
        for d in directives:
            if d.start <= finding.start < d.end or (d.start == d.end == finding.start):
                if not d.tokens or any(matches(t, finding) for t in d.tokens):
                    d.used = True
                    suppressed = True
        if not suppressed:
            kept.append(finding)
    return kept
