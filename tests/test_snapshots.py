"""Snapshots of what each built-in check says about each of its bad examples.

``tests/snapshots/<category>.json`` pins, per check (``"CODE name"``, sorted), one finding per
line: example index, position, excerpt, severity, message and suggestion. A changed message shows
up as a one-line diff in review; merges of two helpers' message changes touch different lines.

After an intended change, regenerate and review the diff::

    NEWSLINT_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/test_snapshots.py

Checks that need an external service (LanguageTool) are left out: their examples only fire
against a server (their replayed findings are tested in tests/test_language_tools.py).
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest

from newslint import Linter
from newslint.declaration import Check
from newslint.testing import run_example

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("NEWSLINT_UPDATE_SNAPSHOTS") == "1"
CHECKS = [c for c in Linter(load_entry_points=False).all_checks
          if (c.plugin or "").startswith("newslint.") and not c.service]
CATEGORIES = sorted({c.category for c in CHECKS})
FIELDS = ("example", "line", "column", "excerpt", "severity", "message", "suggestion")


def findings_of(check: Check) -> list[dict]:
    """What the check reports on each of its bad examples, in example and text order."""
    rows = []
    for i, ex in enumerate(check.examples):
        if not ex.bad:
            continue
        for f in run_example(check, ex.text, title=ex.title, options=dict(ex.options or {})):
            rows.append({"example": i, "line": f.line, "column": f.column, "excerpt": f.excerpt,
                         "severity": f.severity, "message": f.message, "suggestion": f.suggestion})
    return rows


def render_category(category: str) -> str:
    """The snapshot file's text: a JSON object, checks sorted by code, one finding per line."""
    blocks = []
    for chk in sorted((c for c in CHECKS if c.category == category), key=lambda c: c.code):
        rows = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in findings_of(chk)]
        key = json.dumps(f"{chk.code} {chk.qualified_name}", ensure_ascii=False)
        body = ",\n".join(f"  {r}" for r in rows)
        blocks.append(f"{key}: [\n{body}\n]" if rows else f"{key}: []")
    return "{\n" + ",\n".join(blocks) + "\n}\n"


@pytest.mark.parametrize("category", CATEGORIES)
def test_messages_match_snapshot(category: str) -> None:
    path = SNAPSHOTS / f"{category}.json"
    rendered = render_category(category)
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(rendered, encoding="utf-8")
    assert path.exists(), f"no snapshot {path.name}: run NEWSLINT_UPDATE_SNAPSHOTS=1 pytest tests/test_snapshots.py"
    stored = path.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(stored.splitlines(keepends=True), rendered.splitlines(keepends=True),
                                        f"stored {path.name}", "now"))
    assert stored == rendered, (
        f"messages changed; if intended, regenerate with NEWSLINT_UPDATE_SNAPSHOTS=1 and review:\n{diff}")


def test_every_snapshot_file_belongs_to_a_category() -> None:
    stale = sorted(p.name for p in SNAPSHOTS.glob("*.json") if p.stem not in CATEGORIES)
    if UPDATE:
        for name in stale:
            (SNAPSHOTS / name).unlink()
        stale = []
    assert stale == []


@pytest.mark.parametrize("category", CATEGORIES)
def test_snapshot_is_json_one_finding_per_line(category: str) -> None:
    """The merge-friendly shape: valid JSON, checks in code order, every finding on its own line
    with sorted keys, and every bad example of every check pinned by at least one finding."""
    text = (SNAPSHOTS / f"{category}.json").read_text(encoding="utf-8")
    data = json.loads(text)
    lines = [line.removesuffix(",") for line in text.splitlines()]
    codes = [key.split()[0] for key in data]
    assert codes == sorted(codes)
    checks = {c.code: c for c in CHECKS if c.category == category}
    assert set(codes) == set(checks)
    for key, rows in data.items():
        for row in rows:
            assert list(row) == sorted(FIELDS)
            assert "  " + json.dumps(row, ensure_ascii=False, sort_keys=True) in lines
        bad = {i for i, ex in enumerate(checks[key.split()[0]].examples) if ex.bad}
        assert {row["example"] for row in rows} == bad, key


def test_render_shape() -> None:
    """A check without findings renders as an empty list; rows are one line each."""
    text = render_category(CATEGORIES[0])
    assert text.startswith("{\n") and text.endswith("\n}\n")
    assert all(line.startswith(("{", "}", "]", '"', "  {")) for line in text.splitlines())
