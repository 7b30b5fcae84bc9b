"""Configuration files, selection, severity overrides, per-path ignores and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint import Linter
from newslint.cli import main
from newslint.config import ConfigError, find_config_file, load_config_file

BAD = "Gang members.This included sharing data with officials,many of them.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def codes(linter: Linter, text: str = BAD, path: str | None = None) -> list[str]:
    return [f.code for f in linter.lint(text, path=path).findings]


def test_nearest_config_upward(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.newslint]\nignore = ['spacing']\n")
    write(tmp_path / "sub" / "newslint.toml", "fail-on = 'error'\n")
    article = write(tmp_path / "sub" / "deep" / "a.txt", BAD)
    assert find_config_file(article) == tmp_path / "sub" / "newslint.toml"
    assert find_config_file(tmp_path / "x.txt") == tmp_path / "pyproject.toml"


def test_pyproject_without_section_is_skipped(tmp_path):
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config_file(tmp_path / "a.txt") is None or \
        find_config_file(tmp_path / "a.txt") != tmp_path / "pyproject.toml"


def test_select_ignore_by_code_prefix_name_and_category():
    assert codes(Linter({"select": ["NL2"]}, load_entry_points=False)) == ["NL201", "NL201"]
    assert codes(Linter({"select": ["missing-space-after-punctuation"]}, load_entry_points=False))
    assert codes(Linter({"select": ["spacing"], "ignore": ["NL201"]}, load_entry_points=False)) == []
    assert codes(Linter({"ignore": ["spacing.missing-space-after-punctuation"], "select": ["spacing"]},
                        load_entry_points=False)) == []


def test_severity_override_most_specific_wins():
    linter = Linter({"select": ["spacing"], "severity": {"spacing": "info", "NL201": "error"}},
                    load_entry_points=False)
    assert {f.severity for f in linter.lint(BAD).findings} == {"error"}


def test_per_path_ignores(tmp_path):
    write(tmp_path / "newslint.toml",
          "select = ['spacing']\n[per-path-ignores]\n'wire/*' = ['NL201']\n")
    linter = Linter(load_config_file(tmp_path / "newslint.toml"), load_entry_points=False)
    assert codes(linter, path=str(tmp_path / "wire" / "a.txt")) == []
    assert codes(linter, path=str(tmp_path / "local" / "a.txt")) == ["NL201", "NL201"]


def test_check_options_validated():
    with pytest.raises(ConfigError, match="checks.NL201.nope: unknown option"):
        Linter({"checks": {"NL201": {"nope": 1}}}, load_entry_points=False)
    with pytest.raises(ConfigError, match="checks.no-such-check"):
        Linter({"checks": {"no-such-check": {}}}, load_entry_points=False)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("selekt = ['NL2']\n", "unknown key 'selekt'"),
        ("select = ['NL999']\n", "unknown code, check or category 'NL999'"),
        ("ignore = ['no-such-check']\n", "ignore: unknown code"),
        ("fail-on = 'sometimes'\n", "fail-on: 'sometimes' is not one of"),
        ("severity = {NL201 = 'fatal'}\n", "'fatal' is not one of"),
        ("select = 3\n", "expected a list of strings"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_config_errors_name_file_and_key(tmp_path, capsys, toml, message):
    cfg = write(tmp_path / "newslint.toml", toml)
    write(tmp_path / "a.txt", BAD)
    code = main([str(tmp_path / "a.txt")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"newslint: error: {cfg}:")  # "file: key: ..." or "file:line:col: ..."
    assert message in err
    assert "Traceback" not in err


def test_cli_flags_win_over_config(tmp_path, capsys):
    write(tmp_path / "newslint.toml", "select = ['spacing']\nfail-on = 'never'\n")
    write(tmp_path / "a.txt", BAD)
    assert main([str(tmp_path / "a.txt")]) == 0
    assert main(["--fail-on", "warning", str(tmp_path / "a.txt")]) == 1
    assert main(["--ignore", "NL201", "--fail-on", "warning", str(tmp_path / "a.txt")]) == 0
    capsys.readouterr()


def test_explicit_config_flag(tmp_path, capsys):
    cfg = write(tmp_path / "conf" / "custom.toml", "[tool.newslint]\nselect = ['spacing']\n")
    write(tmp_path / "a.txt", BAD)
    assert main(["--config", str(cfg), str(tmp_path / "a.txt")]) == 1
    out = capsys.readouterr().out
    assert "NL201" in out
