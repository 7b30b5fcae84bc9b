"""Declarative house rules: each rule type, their examples, and errors in rule files."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint import Linter
from newslint.config import ConfigError, load_config_file
from newslint.house_rules import build_rule, load_rule_file
from newslint.testing import assert_example, run_example

RULES = """
[[rule]]
code = "HR001"
name = "no-very"
type = "existence"
message = "Cut '{match}'"
tokens = ["very", "really"]
examples = { bad = ["It was very big."], good = ["It was big.", "She said “very big”."] }

[[rule]]
code = "HR002"
name = "plain"
type = "substitution"
message = "Use '{replacement}' not '{match}'"
swap = { "in order to" = "to", "utilise" = "use" }
fix = "safe"
examples = { bad = ["In order to win, they utilise data."], good = ["To win, they use data."] }

[[rule]]
code = "HR003"
name = "one-shocking"
type = "occurrence"
message = "'{match}' more than once"
token = "shocking"
max = 1
examples = { bad = ["A shocking day. Shocking news."], good = ["A shocking day."] }

[[rule]]
code = "HR004"
name = "heading-case"
type = "capitalization"
category = "capitalization"
message = "Headings are in title case"
headings = "title"
examples = { bad = ["The Core of the agreement\\n\\nBody text here."], good = ["The Core of the Agreement\\n\\nBody text here."] }

[[rule]]
code = "HR005"
name = "define-acronyms"
type = "conditional"
message = "Spell out '{match}' first"
first = "\\\\b([A-Z]{3,5})\\\\b"
second = "\\\\(\\\\s*$1\\\\s*\\\\)"
examples = { bad = ["The WPA met."], good = ["The Works Progress Administration (WPA) met. The WPA grew."] }
"""


@pytest.fixture
def rule_file(tmp_path: Path) -> Path:
    path = tmp_path / "house.toml"
    path.write_text(RULES, encoding="utf-8")
    return path


def test_every_rule_type_runs_its_examples(rule_file):
    checks = load_rule_file(rule_file)
    assert [c.code for c in checks] == ["HR001", "HR002", "HR003", "HR004", "HR005"]
    for chk in checks:
        assert chk.examples
        for ex in chk.examples:
            assert_example(chk, ex)


def test_substitution_keeps_capital_and_fixes(rule_file):
    chk = load_rule_file(rule_file)[1]
    found = run_example(chk, "In order to win, they utilise data.")
    assert [f.suggestion for f in found] == ["To", "use"]
    assert all(f.fix and f.fix.applicability == "safe" for f in found)


def test_rules_from_config_are_registered(tmp_path, rule_file):
    (tmp_path / "newslint.toml").write_text("rules = ['house.toml']\nselect = ['HR']\n")
    linter = Linter(load_config_file(tmp_path / "newslint.toml"), load_entry_points=False)
    assert [f.code for f in linter.lint("It was very big.").findings] == ["HR001"]
    assert next(c for c in linter.all_checks if c.code == "HR001").plugin == "rules:house.toml"


def test_yaml_rule_file(tmp_path):
    path = tmp_path / "house.yaml"
    path.write_text("rules:\n  - code: HR010\n    name: no-slam\n    type: existence\n"
                    "    message: \"'{match}' is a cliche\"\n    tokens: [slams, blasts]\n")
    (chk,) = load_rule_file(path)
    assert [f.excerpt for f in run_example(chk, "Senator slams plan.")] == ["slams"]


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({"code": "HR1", "name": "x", "type": "existence", "message": "m", "tokens": ["a"]}, "code"),
        ({"code": "HR100", "name": "x", "type": "bogus", "message": "m"}, "type must be one of"),
        ({"code": "HR100", "name": "x", "type": "existence", "message": "m", "tokens": ["a"],
          "colour": 1}, "unknown key 'colour'"),
        ({"code": "HR100", "name": "x", "type": "substitution", "message": "m"}, "'swap' must be"),
        ({"code": "HR100", "name": "x", "type": "occurrence", "message": "m", "token": "a"}, "'max'"),
        ({"code": "HR100", "name": "x", "type": "existence", "message": "m", "tokens": ["(a"],
          "regex": True}, "bad pattern"),
    ],
)
def test_rule_errors_name_the_rule(rule, message):
    with pytest.raises(ConfigError, match=message):
        build_rule(rule, "house.toml: rule 1")


def test_missing_rule_file_is_a_config_error(tmp_path):
    (tmp_path / "newslint.toml").write_text("rules = ['nope.toml']\n")
    with pytest.raises(ConfigError, match="nope.toml: cannot read rule file"):
        Linter(load_config_file(tmp_path / "newslint.toml"), load_entry_points=False)
