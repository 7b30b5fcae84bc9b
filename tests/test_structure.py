"""Every registered check is well declared: unique codes, kebab-case names, contract categories,
documented sections and examples of both kinds."""

from __future__ import annotations

import pytest

from newslint import Linter
from newslint.declaration import DOC_SECTIONS

CHECKS = Linter(load_entry_points=False).all_checks


def test_codes_and_names_unique():
    assert len({c.code for c in CHECKS}) == len(CHECKS)
    assert len({c.qualified_name for c in CHECKS}) == len(CHECKS)


@pytest.mark.parametrize("chk", CHECKS, ids=lambda c: c.code)
def test_declaration(chk):
    assert chk.validate() == []
    assert chk.code.startswith("NL")
    assert chk.summary, "a one-line summary (first docstring paragraph)"
    sections = chk.doc_sections()
    for name in DOC_SECTIONS:
        assert sections.get(name), f"{chk.code} docstring lacks a '{name}:' section"
    assert any(e.bad for e in chk.examples) or chk.service, f"{chk.code} has no bad example"
    assert any(not e.bad for e in chk.examples), f"{chk.code} has no good example"


# -- file layout: checks/<category>/<check_name>.py, one check per file, explicitly registered ----

def test_builtin_checks_follow_the_layout():
    from newslint.layout_rules import layout_problems
    from newslint.plugins import BUILTIN_CHECK_PLUGINS

    assert layout_problems("newslint.checks", BUILTIN_CHECK_PLUGINS) == []


def test_every_builtin_check_comes_from_its_category_plugin():
    by_plugin = {c.code: c.plugin for c in CHECKS}
    for chk in CHECKS:
        assert by_plugin[chk.code] == f"newslint.checks.{chk.category}", chk.code


def _write_package(root, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


_CHECK_SRC = '''
from newslint import bad, check, good

@check(code="{code}", name="{name}", category="{category}",
       examples=[bad("x"), good("y")])
def {func}(article, ctx):
    """Summary.

    What it does:
        x
    Why it matters:
        y
    """
    return ()
'''

_PLUGIN_SRC = "from .{mod} import {mod}\nCHECKS = ({listed})\n"


@pytest.mark.parametrize(("case", "expected"), [
    ("ok", []),
    ("wrong_folder", ["has category 'capitalization' but sits in spacing/"]),
    ("wrong_name", ["file is not named after its check 'doubled-space'"]),
    ("unregistered_module", ["is not listed in"]),
    ("unregistered_folder", ["folder is not listed among the built-in plugins"]),
])
def test_layout_rules_catch_misplaced_checks(tmp_path, monkeypatch, case, expected):
    """The structure test is not vacuous: each kind of misplacement is reported."""
    from newslint.layout_rules import layout_problems

    pkg = f"fakechecks_{case}"
    category, name, mod = "spacing", "doubled-space", "doubled_space"
    if case == "wrong_folder":
        category = "capitalization"
    if case == "wrong_name":
        mod = "double_spaces"
    listed = "" if case == "unregistered_module" else f"{mod},"
    _write_package(tmp_path, {
        f"{pkg}/__init__.py": "",
        f"{pkg}/spacing/__init__.py": _PLUGIN_SRC.format(mod=mod, listed=listed),
        f"{pkg}/spacing/{mod}.py": _CHECK_SRC.format(code="XX101", name=name, category=category, func=mod),
    })
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = () if case == "unregistered_folder" else (f"{pkg}.spacing",)
    problems = layout_problems(pkg, registry)
    if not expected:
        assert problems == []
    for fragment in expected:
        assert any(fragment in p for p in problems), problems
