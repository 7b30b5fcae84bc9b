"""Documentation rendered from check metadata: ``newslint rules``, ``newslint rule CODE`` and the
generated check reference in ``docs/`` all come from here, so they cannot disagree."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from .declaration import Check

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
    import io

    from .article import Article
    from .declaration import CheckContext
    from .formatters.text import TextFormatter
    from .locations import locate
    from .report import Report
    from .runner import run_check

    article = Article(text, path="example.txt")
    findings = run_check(article, check, CheckContext(check.options, check))
    locate(article, findings)
    text_out = TextFormatter(io.StringIO(), {"color": False})
    report = Report(path="example.txt", findings=findings)
    return [text_out.line_for(report, f) for f in findings]


def render_checks_reference(linter: Linter) -> str:
    """``docs/checks.md``: every built-in check's page, grouped by category."""
    checks = [c for c in linter.all_checks if c.plugin and c.plugin.startswith("newslint.")]
    lines = ["# Check reference", "",
             "Generated from the checks' own metadata by `python -m newslint.docs docs/`; "
             "do not edit by hand. `newslint rule CODE` prints the same page.", "",
             "| code | check | category | severity | fixable |", "| --- | --- | --- | --- | --- |"]
    for c in checks:
        anchor = f"{c.code.lower()}-{c.qualified_name.replace('.', '').lower()}"
        lines.append(f"| [{c.code}](#{anchor}) | {c.qualified_name} | {c.category} | {c.severity} "
                     f"| {'yes' if c.fixable else 'no'} |")
    lines.append("")
    for c in checks:
        lines.append(render_rule_page(c, linter))
    return "\n".join(lines).rstrip() + "\n"


def render_hooks_reference() -> str:
    """``docs/hooks.md``: every hook in ``newslint.hookspecs`` with its documentation."""
    import inspect

    from . import hookspecs

    lines = ["# Hook reference", "",
             "Generated from `newslint/hookspecs.py` by `python -m newslint.docs docs/`; do not "
             "edit by hand. Implement hooks with `from newslint import hookimpl`.", ""]
    for name, fn in hook_functions(hookspecs):
        sig = str(inspect.signature(cast(Callable[..., Any], fn))).replace("'", "")
        opts = getattr(fn, "newslint_spec", {}) or {}
        first = " (firstresult)" if opts.get("firstresult") else ""
        lines += [f"## `{name}{sig}`{first}", "", inspect.getdoc(fn) or "", ""]
    return "\n".join(lines).rstrip() + "\n"


def hook_functions(module: object) -> list[tuple[str, object]]:
    """``(name, function)`` for every hookspec in a hookspec module."""
    return sorted((n, f) for n, f in vars(module).items()
                  if n.startswith("newslint_") and callable(f) and hasattr(f, "newslint_spec"))


def write_docs(folder: str) -> list[str]:
    """Regenerate the generated pages under ``folder``; returns the paths written."""
    from pathlib import Path

    from .linter import Linter

    linter = Linter(load_entry_points=False)
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    pages = {"checks.md": render_checks_reference(linter), "hooks.md": render_hooks_reference()}
    written = []
    for name, text in pages.items():
        (out / name).write_text(text, encoding="utf-8")
        written.append(str(out / name))
    return written


if __name__ == "__main__":
    import sys

    for path in write_docs(sys.argv[1] if len(sys.argv) > 1 else "docs"):
        print(path)
