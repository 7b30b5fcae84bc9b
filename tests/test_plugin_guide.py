"""The plugin guide's code works as written: its local plugin and house rules load and fire."""

from __future__ import annotations

import re

from newslint import Linter
from newslint.config import load_config_file
from newslint.testing import assert_example

from .conftest import ROOT

GUIDE = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")


def block(lang: str, marker: str) -> str:
    for body in re.findall(rf"```{lang}\n(.*?)```", GUIDE, re.S):
        if marker in body:
            return body
    raise AssertionError(f"no {lang} block with {marker!r} in docs/plugins.md")


def test_guide_local_plugin_and_rule_file(tmp_path):
    (tmp_path / "newsroom_checks.py").write_text(block("python", "# newsroom_checks.py"))
    rules = block("toml", "# style/house.toml")
    (tmp_path / "style").mkdir()
    (tmp_path / "style" / "house.toml").write_text(rules)
    (tmp_path / "newslint.toml").write_text(
        "plugins = ['newsroom_checks.py']\nrules = ['style/house.toml']\n")
    linter = Linter(load_config_file(tmp_path / "newslint.toml"), load_entry_points=False)
    mine = [c for c in linter.all_checks if c.code in ("NR101", "HR001")]
    assert len(mine) == 2
    for chk in mine:
        for ex in chk.examples:
            assert_example(chk, ex)
    found = linter.lint("Washington (AP) - The vote. We utilize it.").findings
    assert {"NR101", "HR001"} <= {f.code for f in found}
