"""Inline suppression: ``<!-- newslint: disable=NL123 -->``, ``disable-next``, ``enable``.

The HTML-comment form is used in every input format (.txt, .md, .html) so an editor learns one
syntax. ``disable`` runs until a matching ``enable`` or the end of the text; ``disable-next``
covers the next non-blank line after the comment. Codes may be codes, code prefixes, check names
or categories; no codes means every check. A directive that suppressed nothing is reported, as
ruff reports an unused ``noqa``, so stale suppressions do not pile up.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .article import Article
from .findings import Finding

# The opening of a directive. Its end ("-->") is then looked for with str.find within
# _MAX_DIRECTIVE characters and the inside parsed separately: the single regex this replaces had
# three adjacent white-space runs and took minutes on an unclosed directive (reliability audit S1).
DIRECTIVE = re.compile(r"<!--\s*+newslint\s*+:\s*+(disable-next|disable|enable)\b")
_INSIDE = re.compile(r"\s*(?:=([A-Za-z0-9_.,\s-]*))?")
#: Longest directive, in characters (an unclosed comment is not searched to the end of the text).
_MAX_DIRECTIVE = 2000


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
        close = text.find("-->", match.end(), match.end() + _MAX_DIRECTIVE)
        if close < 0:
            continue
        inside = _INSIDE.fullmatch(text, match.end(), close)
        if inside is None:
            continue
        comment_end = close + 3
        tokens = tuple(t.strip() for t in (inside.group(1) or "").split(",") if t.strip())
        if kind == "disable-next":
            start, end = _next_line_span(article, comment_end)
            regions.append(Directive(kind, tokens, match.start(), comment_end, start, end))
        elif kind == "disable":
            region = Directive(kind, tokens, match.start(), comment_end, comment_end, len(text))
            regions.append(region)
            open_regions.append(region)
        else:  # enable
            for region in list(open_regions):
                if not tokens or set(tokens) & set(region.tokens) or not region.tokens:
                    region.end = match.start()
                    open_regions.remove(region)
    return regions


def _next_line_span(article: Article, offset: int) -> tuple[int, int]:
    """The next non-blank line after the line ``offset`` is on (the rest of the comment's own
    line is skipped). Found by bisection, not by walking every line per directive."""
    nl = article.text.find("\n", offset)
    if nl < 0:
        return offset, offset
    lines = article.lines
    starts = article.memo("suppress.line_starts", lambda a: [line.start for line in a.lines])
    for i in range(bisect_right(starts, nl), len(lines)):
        if lines[i].text.strip():
            return lines[i].start, lines[i].end
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
