"""Documentation rendered from check metadata: ``newslint rules``, ``newslint rule CODE`` and the
generated check reference in ``docs/`` all come from here, so they cannot disagree."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .check import Check

if TYPE_CHECKING:
    from .linter import Linter


def render_rules_table(linter: Linter, *, as_json: bool = False, with_plugins: bool = False) -> str:
    """Every registered check, one line each (or a JSON list)."""
    enabled = {c.code for c in linter.checks}
    rows = [
        {"code": c.code, "name": c.qualified_name, "category": c.category,
         "severity": c.severity, "plugin": c.plugin, "enabled": c.code in enabled,
         "fixable": c.fixable, "summary": c.summary}
        for c in linter.all_checks
    ]
    if as_json:
        return json.dumps(rows, indent=2) + "\n"
    lines = []
    if with_plugins:
        by_plugin: dict[str, list[str]] = {}
        for r in rows:
            by_plugin.setdefault(str(r["plugin"]), []).append(str(r["code"]))
        for plugin, codes in sorted(by_plugin.items()):
            lines.append(f"{plugin}: {len(codes)} check{'s' if len(codes) != 1 else ''} "
                         f"({', '.join(codes)})")
        for w in linter.warnings:
            lines.append(f"warning: {w}")
        return "\n".join(lines) + "\n"
    width = max((len(str(r["name"])) for r in rows), default=10)
    for r in rows:
        mark = " " if r["enabled"] else "-"
        lines.append(f"{r['code']} {mark} {r['name']!s:<{width}}  {r['severity']!s:<7}  "
                     f"{r['plugin']}")
    lines.append(f"{len(rows)} checks ('-': not enabled by default or by config)")
    return "\n".join(lines) + "\n"


def render_rule_page(check: Check, linter: Linter | None = None) -> str:
    """One check's documentation page in Markdown, with its examples and their real findings."""
    lines = [f"## {check.code} {check.qualified_name}", "", check.summary, ""]
    lines.append(f"- Category: `{check.category}`")
    lines.append(f"- Default severity: `{check.severity}`")
    lines.append(f"- Enabled by default: {'yes' if check.default_enabled else 'no'}")
    lines.append(f"- Fixable: {'yes' if check.fixable else 'no'}")
    if check.plugin:
        lines.append(f"- Plugin: `{check.plugin}`")
    lines.append("")
    for heading, body in check.doc_sections().items():
        if heading == "Summary":
            lines += [body, ""]
            continue
        lines += [f"### {heading}", "", body, ""]
    if check.options:
        lines += ["### Options", ""]
        for key, value in check.options.items():
            lines.append(f"- `{key}` (default `{value!r}`)")
        lines.append("")
    if check.examples:
        lines += ["### Examples", ""]
        for ex in check.examples:
            label = "Flagged" if ex.bad else "Not flagged"
            lines += [f"{label}:", "", "```text", ex.text, "```", ""]
            if ex.bad and linter is not None:
                rendered = _example_output(check, ex.text, linter)
                if rendered:
                    lines += ["```console", *rendered, "```", ""]
    return "\n".join(lines).rstrip() + "\n"


def _example_output(check: Check, text: str, linter: Linter) -> list[str]:
    from .article import Article
    from .check import CheckContext
    from .runner import run_check

    article = Article(text, path="example.txt")
    return [f"example.txt:{f.line}:{f.column}: {f.code} [{f.category}] {f.message}"
            for f in run_check(article, check, CheckContext(check.options, check))]
