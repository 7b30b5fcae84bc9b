"""The command line: output formats, exit status, and bad input that never stops the run."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.cli import main

from .conftest import SEEDS

BAD_TEXT = "Gang members.This included sharing data with officials,many of them.\n"
GOOD_TEXT = "The council met on Monday. It approved the budget.\n"


def run(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    (tmp_path / "bad.txt").write_text(BAD_TEXT, encoding="utf-8")
    (tmp_path / "good.md").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "ignored.py").write_text("x = 1\n", encoding="utf-8")
    return tmp_path


def test_text_output_format_and_summary(articles, capsys):
    code, out, _ = run(["--isolated", "--no-plugins", "--select", "spacing", str(articles)], capsys)
    lines = out.strip().splitlines()
    assert code == 1
    assert lines[0].startswith(f"{articles / 'bad.txt'}:1:6: NL201 [*] warning [spacing] ")
    assert lines[-1].startswith("Found 2 findings (0 errors, 2 warnings, 0 info) in 2 files; mean quality score")


def test_exit_zero_when_clean(articles, capsys):
    code, _, _ = run(["--isolated", "--no-plugins", "--select", "spacing",
                      str(articles / "good.md")], capsys)
    assert code == 0


def test_fail_on_error_lets_warnings_pass(articles, capsys):
    code, _, _ = run(["--isolated", "--no-plugins", "--select", "spacing", "--fail-on", "error",
                      str(articles)], capsys)
    assert code == 0


def test_json_contract(articles, capsys):
    code, out, _ = run(["--isolated", "--no-plugins", "--format", "json", str(articles)], capsys)
    assert code == 1
    doc = json.loads(out)
    assert doc["version"] == "1"
    assert doc["summary"]["files"] == 2
    entry = next(f for f in doc["files"] if f["path"].endswith("bad.txt"))
    text = (articles / "bad.txt").read_text(encoding="utf-8")
    assert entry["findings"]
    for f in entry["findings"]:
        assert f["excerpt"] == text[f["start"]:f["end"]]


def test_jsonl_streams_one_entry_per_line(articles, capsys):
    code, out, _ = run(["--isolated", "--no-plugins", "--format", "jsonl", str(articles)], capsys)
    assert code == 1
    entries = [json.loads(line) for line in out.splitlines()]
    assert [Path(e["path"]).name for e in entries] == ["bad.txt", "good.md"]


def test_unknown_format_is_a_usage_error(articles, capsys):
    code, _, err = run(["--isolated", "--format", "yaml", str(articles)], capsys)
    assert code == 2 and "unknown format 'yaml'" in err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("latin1.txt", "Caf\xe9 society met.".encode("latin-1"), "not valid UTF-8"),
        ("nul.txt", b"Some text\x00with a NUL byte.", "binary file"),
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"\n\n   \n", "empty file"),
    ],
)
def test_bad_input_is_one_line_and_run_goes_on(tmp_path, capsys, name, content, message):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "ok.txt").write_text(BAD_TEXT, encoding="utf-8")
    code, out, err = run(["--isolated", "--no-plugins", "--select", "spacing", str(tmp_path)], capsys)
    assert code == 2
    err_lines = err.strip().splitlines()
    assert len(err_lines) == 1
    assert err_lines[0].startswith(str(tmp_path / name) + ": ") and message in err_lines[0]
    assert "Traceback" not in err
    assert "ok.txt:1:6: NL201" in out  # the good file was still linted


def test_missing_path_and_empty_folder(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run(["--isolated", "--no-plugins", str(tmp_path / "nope.txt"), str(empty)], capsys)
    assert code == 2
    assert f"{tmp_path / 'nope.txt'}: no such file or directory" in err
    assert f"{empty}: no articles found" in err


def test_huge_file_is_refused_without_reading(tmp_path, capsys):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(100 * 1024 * 1024)  # sparse: 100 MB without writing 100 MB
    code, _, err = run(["--isolated", "--no-plugins", str(big)], capsys)
    assert code == 2 and "file too large" in err and str(big) in err


def test_unreadable_file(tmp_path, capsys, monkeypatch):
    target = tmp_path / "secret.txt"
    target.write_text(GOOD_TEXT, encoding="utf-8")
    real_open = open

    def deny(path, *a, **k):
        if str(path) == str(target):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **k)

    monkeypatch.setattr("builtins.open", deny)
    code, _, err = run(["--isolated", "--no-plugins", str(target)], capsys)
    assert code == 2 and f"{target}: cannot read: Permission denied" in err


def test_no_paths_is_a_usage_error(capsys):
    code, _, err = run([], capsys)
    assert code == 2 and "no paths given" in err


def test_rules_lists_every_check(capsys):
    code, out, _ = run(["rules", "--no-plugins"], capsys)
    assert code == 0 and "NL201" in out and "spacing.missing-space-after-punctuation" in out


def test_rule_page(capsys):
    code, out, _ = run(["rule", "NL201"], capsys)
    assert code == 0
    assert "## NL201 spacing.missing-space-after-punctuation" in out
    assert "### What it does" in out and "### Examples" in out
    assert "example.txt:1:" in out  # real output of the bad examples


def test_rule_unknown_code(capsys):
    code, _, err = run(["rule", "NL999"], capsys)
    assert code == 2 and "no check 'NL999'" in err


def test_console_script_runs_on_seeds():
    """The README's first command, as a subprocess: findings, a summary, exit 1."""
    exe = Path(sys.executable).with_name("newslint")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "newslint"]
    proc = subprocess.run([*cmd, "--isolated", str(SEEDS)], capture_output=True, text=True,
                          env={**os.environ, "NO_COLOR": "1"}, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert any(re.match(r".+:\d+:\d+: NL\d{3} ", line) for line in proc.stdout.splitlines())
    assert proc.stdout.strip().splitlines()[-1].startswith("Found ")
