"""Test helpers for check authors: run a check's examples exactly as the core's own tests do.

In a plugin's tests::

    import pytest
    from newslint.testing import example_params, assert_example
    from my_plugin import checks

    @pytest.mark.parametrize(("check", "example"), example_params(checks.ALL))
    def test_examples(check, example):
        assert_example(check, example)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .article import Article
from .declaration import Check, CheckContext, Example
from .findings import Finding
from .fixes import apply_fixes
from .runner import run_check


def example_params(checks: Iterable[Check]) -> list[Any]:
    """``pytest.param(check, example, id=...)`` for every example of every check."""
    import pytest

    params = []
    for chk in checks:
        for i, ex in enumerate(chk.examples):
            kind = "bad" if ex.bad else "good"
            params.append(pytest.param(chk, ex, id=f"{chk.code}-{chk.name}-{kind}{i}"))
    return params


def run_example(check: Check, text: str, *, title: str | None = None,
                options: dict[str, Any] | None = None) -> list[Finding]:
    """Findings of one check on one text, with the check's default options overridden."""
    merged = {**check.options, **(options or {})}
    article = Article(text, path="example.txt", title=title)
    return run_check(article, check, CheckContext(merged, check))


def assert_example(check: Check, example: Example) -> None:
    """Bad examples fire (covering every ``expect`` span), good ones stay silent, and fixed text
    both matches ``fixed`` and lints clean."""
    findings = run_example(check, example.text, title=example.title, options=dict(example.options or {}))
    crashed = [f for f in findings if f.category == "internal"]
    assert not crashed, f"{check.code} crashed: {crashed[0].message}"
    if not example.bad:
        assert not findings, (
            f"{check.code} {check.name} fired on a good example:\n"
            + "\n".join(f"  {f.excerpt!r}: {f.message}" for f in findings))
        return
    assert findings, f"{check.code} {check.name} did not fire on a bad example: {example.text!r}"
    for expected in example.expect:
        at = example.text.find(expected)
        assert at >= 0, f"expected span {expected!r} is not in the example text"
        end = at + len(expected)
        assert any((f.start < end and at < f.end) or f.start == f.end == at for f in findings), (
            f"{check.code}: no finding covers {expected!r}; got "
            + ", ".join(repr(f.excerpt) for f in findings))
    if example.fixed is not None:
        fixed, _ = apply_fixes(example.text, findings, unsafe=True)
        assert fixed == example.fixed, f"{check.code}: fix gave {fixed!r}, expected {example.fixed!r}"
        again = run_example(check, fixed, title=example.title, options=dict(example.options or {}))
        assert not again, f"{check.code}: fixed text still flagged: {[f.excerpt for f in again]}"
