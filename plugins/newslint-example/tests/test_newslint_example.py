"""The example plugin's tests: its examples, run exactly as newslint runs its own."""

from __future__ import annotations

import pytest
from newslint_example import all_checks

from newslint import Linter
from newslint.testing import assert_example, example_params


@pytest.mark.parametrize(("check", "example"), example_params(all_checks()))
def test_examples(check, example):
    assert_example(check, example)


def test_installed_plugin_is_found_through_its_entry_point():
    linter = Linter()
    mine = {c.code: c for c in linter.all_checks if c.code.startswith("EX")}
    assert set(mine) == {"EX101", "EX201", "EX202", "EX203"}
    assert all(c.plugin.startswith("newslint-example ") for c in mine.values())


def test_plugin_check_runs_in_a_full_lint():
    report = Linter({"select": ["EX"]}).lint("“Nothing happened,” the minister claimed.")
    assert [f.code for f in report.findings] == ["EX101"]
    assert report.findings[0].plugin.startswith("newslint-example")
