"""docs/contributing.md is true: following it adds a working check.

The test copies the ``newslint`` package into a temporary folder, writes the guide's check file
into the copy's category folder, adds the guide's registration lines to that folder's
``__init__.py``, and then, in a subprocess that imports the copy, checks what the guide promises:
the layout test passes, the check is registered and runs, its examples pass, the docs generator
documents it. Without the registration line the layout rules report it, as the guide says.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newslint import Linter

from .conftest import ROOT

GUIDE = (ROOT / "docs" / "contributing.md").read_text(encoding="utf-8")


def block(lang: str, marker: str) -> str:
    """The guide's fenced ``lang`` block whose first line is ``marker``."""
    for body in re.findall(rf"```{lang}\n(.*?)```", GUIDE, re.S):
        if body.startswith(marker):
            return body
    raise AssertionError(f"no {lang} block starting with {marker!r} in docs/contributing.md")


def guide_check() -> tuple[str, str, str]:
    """(relative path, category folder, file text) of the check the guide adds."""
    path = re.search(r"^# (newslint/checks/(\w+)/\w+\.py)$", GUIDE, re.M)
    assert path, "the guide names no check file"
    return path.group(1), path.group(2), block("python", f"# {path.group(1)}")


def register(init_text: str, registration: str) -> str:
    """Apply the guide's registration block to a folder's ``__init__.py``: its import line after
    the last relative import, its tuple line(s) at the end of ``CHECKS``."""
    lines = registration.splitlines()
    imports = [ln for ln in lines if ln.startswith("from .")]
    at = re.search(r"CHECKS: tuple\[Check, \.\.\.\] = \(\n", registration)
    assert imports and at, "registration block has an import and a CHECKS tuple"
    entries = [ln for ln in registration[at.end():].splitlines() if ln.strip() not in ("...", ")", "")]
    last_import = max(m.end() for m in re.finditer(r"^from \.\w+ import \w+\n", init_text, re.M))
    text = init_text[:last_import] + "\n".join(imports) + "\n" + init_text[last_import:]
    tuple_start = text.index("CHECKS: tuple[Check, ...] = (\n")
    close = text.index("\n)\n", tuple_start)
    return text[:close] + "\n" + "\n".join(entries) + text[close:]


def copy_package(tmp_path: Path) -> Path:
    dest = tmp_path / "newslint"
    shutil.copytree(ROOT / "newslint", dest, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


PROBE = r'''
import json, sys
import newslint
from newslint import Linter
from newslint.docs import render_rule_page
from newslint.layout_rules import layout_problems
from newslint.plugins import BUILTIN_CHECK_PLUGINS
from newslint.testing import assert_example

code, name = sys.argv[1], sys.argv[2]
out = {"package": newslint.__file__,
       "problems": layout_problems("newslint.checks", BUILTIN_CHECK_PLUGINS)}
linter = Linter(load_entry_points=False)
checks = {c.code: c for c in linter.all_checks}
if code in checks:
    chk = checks[code]
    out["name"] = chk.qualified_name
    for ex in chk.examples:
        assert_example(chk, ex)
    out["examples"] = len(chk.examples)
    # through the whole pipeline (registry, selection, runner), this check only: fast
    only = Linter({"select": [code]}, load_entry_points=False)
    out["fires"] = [f.code for f in only.lint(chk.examples[0].text).findings]
    # what `python -m newslint.docs docs/` writes for it: a page among the built-in checks,
    # with the example's real finding
    page = render_rule_page(chk, linter)
    out["documented"] = (chk.plugin or "").startswith("newslint.") and page.startswith(f"## {code} {name}") \
        and any(f"{code} " in line and f"[{chk.category}]" in line for line in page.splitlines())
print(json.dumps(out))
'''


def probe(copy_root: Path, code: str, name: str) -> dict:
    import json

    env = {**os.environ, "PYTHONPATH": str(copy_root)}
    proc = subprocess.run([sys.executable, "-c", PROBE, code, name], capture_output=True, text=True,
                          env=env, cwd=copy_root, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_guide_check_is_new_here():
    """The guide's example code and name are free in this tree (else update the guide)."""
    _, _, source = guide_check()
    code = re.search(r'code="(\w+)"', source).group(1)
    name = re.search(r'name="([\w-]+)"', source).group(1)
    all_checks = Linter(load_entry_points=False).all_checks
    assert code not in {c.code for c in all_checks}
    assert name not in {c.name for c in all_checks}


def test_following_the_guide_adds_a_working_check(tmp_path):
    rel, category, source = guide_check()
    code = re.search(r'code="(\w+)"', source).group(1)
    name = re.search(r'name="([\w-]+)"', source).group(1)
    assert Path(rel).stem == name.replace("-", "_"), "the guide's file is named after its check"
    package = copy_package(tmp_path)
    (tmp_path / rel).write_text(source, encoding="utf-8")
    init = package / "checks" / category / "__init__.py"
    init.write_text(register(init.read_text(encoding="utf-8"),
                             block("python", f"# newslint/checks/{category}/__init__.py")), encoding="utf-8")
    got = probe(tmp_path, code, f"{category}.{name}")
    assert Path(got["package"]).resolve().is_relative_to(tmp_path.resolve())
    assert got["problems"] == []
    assert got["name"] == f"{category}.{name}"
    assert got["examples"] >= 2
    assert got["fires"] == [code]
    assert got["documented"] is True


def test_forgetting_the_registration_line_is_reported(tmp_path):
    rel, _, source = guide_check()
    code = re.search(r'code="(\w+)"', source).group(1)
    copy_package(tmp_path)
    (tmp_path / rel).write_text(source, encoding="utf-8")
    got = probe(tmp_path, code, "-")
    assert any("is not listed in" in p and code in p for p in got["problems"]), got["problems"]
    assert "name" not in got, "an unlisted check must not run"


@pytest.mark.parametrize("path", sorted(set(re.findall(
    r"`((?:newslint|tests|docs|benchmarks|plugins)/[\w./-]+?\.(?:py|md|json))`", GUIDE))))
def test_paths_named_in_the_guide_exist(path):
    assert (ROOT / path).exists(), f"docs/contributing.md names {path}, which does not exist"


def test_commands_named_in_the_guide_exist():
    assert "python -m newslint.docs docs/" in GUIDE
    assert (ROOT / "newslint" / "docs.py").exists()
    assert "NEWSLINT_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/test_snapshots.py" in GUIDE
    assert "NEWSLINT_UPDATE_SNAPSHOTS" in (ROOT / "tests" / "test_snapshots.py").read_text(encoding="utf-8")
    assert "NEWSLINT_SLOW_TESTS" in (ROOT / "tests" / "test_integrations.py").read_text(encoding="utf-8")
    assert "BUILTIN_CHECK_PLUGINS" in (ROOT / "newslint" / "plugins.py").read_text(encoding="utf-8")
    assert "digest()[0] % 2 == 0" in GUIDE
