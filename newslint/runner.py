"""The core's own ``newslint_lint_article``: run each check, each inside its own try/except.

A check that raises, or yields a span outside the text, does not stop the run: it becomes one
``internal`` finding naming the check, and every other check still runs.
"""

from __future__ import annotations

from collections.abc import Iterable

from .article import Article
from .calibration import calibrate
from .config import Config
from .declaration import Check, CheckContext
from .dedupe import dedupe
from .findings import Finding, Hit
from .hookspecs import hookimpl
from .services import ServiceError

INTERNAL_CODE = "NL001"
UNUSED_SUPPRESSION_CODE = "NL002"


def make_finding(article: Article, check: Check, hit: Hit) -> Finding:
    """Turn a check's hit into a finding with position, excerpt and attribution."""
    line, column = article.line_col(hit.start)
    name = check.qualified_name if not hit.rule else f"{check.qualified_name}.{hit.rule}"
    return Finding(
        code=check.code,
        check=name,
        category=check.category,
        severity=hit.severity or check.severity,
        message=hit.message,
        start=hit.start,
        end=hit.end,
        line=line,
        column=column,
        excerpt=article.text[hit.start:hit.end],
        suggestion=hit.suggestion,
        confidence=None if hit.confidence is None else round(float(hit.confidence), 3),
        fix=hit.fix,
        plugin=check.plugin,
        data=hit.data,
    )


def internal_finding(article: Article, code: str, name: str, message: str, *,
                     severity: str = "error", start: int = 0, end: int = 0,
                     plugin: str | None = None) -> Finding:
    """A finding about newslint itself (a crashed check, an unused suppression)."""
    line, column = article.line_col(start)
    return Finding(code=code, check=f"internal.{name}", category="internal", severity=severity,
                   message=message, start=start, end=end, line=line, column=column,
                   excerpt=article.text[start:end], confidence=1.0, plugin=plugin)


def run_check(article: Article, check: Check, ctx: CheckContext) -> list[Finding]:
    """Run one check; a crash or a malformed hit becomes one ``internal`` finding."""
    size = len(article.text)
    try:
        hits: Iterable[Hit] = check(article, ctx) or ()
        out = []
        for hit in hits:
            if not (0 <= hit.start <= hit.end <= size):
                raise ValueError(f"span {hit.start}:{hit.end} outside the text (0:{size})")
            out.append(make_finding(article, check, hit))
        return out
    except ServiceError as exc:
        return [internal_finding(
            article, INTERNAL_CODE, "check-crashed",
            f"check {check.qualified_name} ({check.code}) could not run: {exc}",
            severity="warning", plugin=check.plugin,
        )]
    except Exception as exc:  # noqa: BLE001 - one check must never stop the others
        return [internal_finding(
            article, INTERNAL_CODE, "check-crashed",
            f"check {check.qualified_name} ({check.code}) crashed: {type(exc).__name__}: {exc}",
            plugin=check.plugin,
        )]


@hookimpl(trylast=True)
def newslint_lint_article(article: Article, checks: list[Check], config: Config) -> list[Finding]:
    findings: list[Finding] = []
    for check in checks:
        # Each linter holds copies of its checks with the configured options already resolved.
        findings.extend(run_check(article, check, CheckContext(check.options, check, config.settings)))
    return calibrate(dedupe(findings))
