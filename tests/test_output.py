"""Output people can act on (issue 19): text lines, code frames, statistics, SARIF that validates
and points at the right line, GitHub annotations, the score, the CLI's errors and the diff."""

from __future__ import annotations

import io
import itertools
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.findings import Finding
from newslint.formatters.text import quote_for, trim
from newslint.locations import HtmlLineMap, json_body_position, json_record_lines, json_record_starts
from newslint.report import SCORE_MIN_WORDS, quality_score

from .conftest import FIXTURES, SEEDS

OUT = FIXTURES / "output"
SCHEMA = json.loads((FIXTURES / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
BAD = "Gang members.This included sharing data with officials,many of them.\n"
BASE = ["--isolated", "--no-plugins"]


def run(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def cli(args: list[str], cwd: Path | None = None, **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newslint", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300, **kw)


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    path = tmp_path / "bad.txt"
    path.write_text(BAD, encoding="utf-8")
    return path


# -- text output -------------------------------------------------------------------------------

def test_every_text_line_has_severity_and_quotes_its_words(capsys):
    code, out, _ = run([*BASE, str(SEEDS)], capsys)
    lines = [ln for ln in out.splitlines() if ln.startswith(str(SEEDS))]
    assert code == 1 and len(lines) > 40
    _, json_out, _ = run([*BASE, "--format", "json", str(SEEDS)], capsys)
    findings = [f for entry in json.loads(json_out)["files"] for f in entry["findings"]]
    assert len(findings) == len(lines)
    for line, f in zip(lines, findings, strict=True):
        assert f" {f['code']}" in line and f" {f['severity']} [{f['category']}] " in line
        words = " ".join(f["excerpt"].split())[:20]
        assert words.lower() in line.lower(), f"the line does not quote {words!r}: {line}"


def test_quote_is_trimmed_and_not_repeated():
    f = Finding(code="NL1", check="x.y", category="spacing", severity="warning",
                message="no space in \"members.This\"", start=5, end=17, line=1, column=6,
                excerpt="members.This")
    assert quote_for(f) is None  # the message already quotes it
    f.message = "this repeats an earlier paragraph"
    f.excerpt = "word " * 40
    quoted = quote_for(f)
    assert quoted is not None and len(quoted) <= 62 and " … " in quoted
    assert trim("a\nb   c") == "a b c"


def test_show_source_underlines_the_span_in_a_windowed_line(tmp_path, capsys):
    long_line = "Officials met. " * 30 + "Gang members.This included data." + " More text here." * 30
    path = tmp_path / "long.txt"
    path.write_text("Headline\n\n" + long_line + "\n", encoding="utf-8")
    code, out, _ = run([*BASE, "--select", "NL201", "--show-source", str(path)], capsys)
    rows = out.splitlines()
    assert code == 1 and rows[0].startswith(f"{path}:3:")
    source, marker = rows[2], rows[3]
    assert source.startswith("3 | …") and source.endswith("…")
    assert len(source) < 200, "a long paragraph is windowed around the span"
    caret = marker.index("^")
    assert source[caret:caret + len("members.This")] == "members.This"
    assert marker[caret:].startswith("^" * len("members.This") + " members. This")


def test_statistics_counts_per_code(bad, capsys):
    code, out, _ = run([*BASE, "--select", "spacing", "--statistics", str(bad)], capsys)
    rows = out.splitlines()
    assert code == 1
    assert rows[0].split("\t")[:2] == ["2", "NL201"] and "[*]" in rows[0]
    assert rows[-1].startswith("Found 2 findings") and "2 fixable with --fix" in rows[-1]
    assert not any(str(bad) in r for r in rows), "statistics replace the findings"


def test_show_fixes_and_exit_zero(bad, capsys):
    code, out, _ = run([*BASE, "--select", "spacing", "--show-fixes", "--exit-zero", str(bad)], capsys)
    assert code == 0
    assert "  fix (safe, applied by --fix):" in out and 'insert " " at "Gang members.‸This included"' in out


def test_exclude_on_the_command_line(tmp_path, capsys):
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "a.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('exclude = ["b.txt"]\n', encoding="utf-8")
    _, out, _ = run(["--no-plugins", "--select", "spacing", "--format", "jsonl",
                     "--extend-exclude", "wire", str(tmp_path)], capsys)
    assert "findings" in out and str(tmp_path / "b.txt") not in out and "wire" not in out, \
        "config exclude (b.txt) and --extend-exclude (wire) both apply"
    _, out, _ = run(["--no-plugins", "--select", "spacing", "--format", "jsonl",
                     "--exclude", "wire", str(tmp_path)], capsys)
    assert [json.loads(ln)["path"] for ln in out.splitlines()] == [str(tmp_path / "b.txt")]


@pytest.mark.parametrize(("args", "expected"), [
    (["--select", "NL2O1"], "did you mean 'NL201'"),
    (["--ignore", "attributon"], "did you mean 'attribution'"),
    (["--select", "missing-space-after-punctuaton"], "'missing-space-after-punctuation'"),
    (["--format", "sarf"], "did you mean 'sarif'"),
])
def test_did_you_mean(bad, capsys, args, expected):
    code, out, err = run([*BASE, *args, str(bad)], capsys)
    assert code == 2 and out == "" and expected in err


def test_rule_did_you_mean(capsys):
    code, _, err = run(["rule", "NL2O1", "--no-plugins", "--isolated"], capsys)
    assert code == 2 and "did you mean 'NL201'" in err


def test_progress_on_a_terminal_only_and_in_parallel_too(tmp_path, capsys, monkeypatch):
    from newslint import cli as cli_module

    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(BAD, encoding="utf-8")
    monkeypatch.setattr(cli_module.Progress, "DELAY", 0.0)
    monkeypatch.setattr(cli_module.Progress, "EVERY", 0.0)
    run([*BASE, "--select", "spacing", "--jobs", "2", str(tmp_path)], capsys)
    assert "files" not in capsys.readouterr().err  # not a terminal: no progress
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    for jobs in ("1", "2"):
        main([*BASE, "--select", "spacing", "--jobs", jobs, str(tmp_path)])
        err = capsys.readouterr().err
        assert "\rnewslint: 6/6 files" in err, f"--jobs {jobs}"
        main([*BASE, "-q", "--select", "spacing", "--jobs", jobs, str(tmp_path)])
        assert "files" not in capsys.readouterr().err


# -- config and usage errors -------------------------------------------------------------------

@pytest.mark.parametrize("name", ["pyproject.toml", "newslint.toml"])
def test_toml_syntax_error_names_file_line_and_column(tmp_path, name):
    (tmp_path / name).write_text('[tool.newslint]\nselect = ["NL2"\nignore = []\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    proc = cli(["a.txt"], cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith(f"newslint: error: {tmp_path / name}:3:1: invalid TOML: ")
    assert "Traceback" not in proc.stderr


def test_rule_file_syntax_errors_have_positions(tmp_path, capsys):
    (tmp_path / "rules.yaml").write_text("rules:\n  - type: existence\n    tokens: [a, b\n", encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('rules = ["rules.yaml"]\n', encoding="utf-8")
    code, _, err = run(["--no-plugins", "--config", str(tmp_path / "newslint.toml"), str(tmp_path)], capsys)
    assert code == 2 and f"{tmp_path / 'rules.yaml'}:" in err and "invalid YAML rule file" in err


def test_dot_reads_the_config_of_the_current_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.newslint]\nexclude = ["skip.txt"]\nselect = ["spacing"]\n',
                                             encoding="utf-8")
    (tmp_path / "skip.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Fine text.\n", encoding="utf-8")
    proc = cli(["--no-plugins", "--format", "jsonl", "."], cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(ln)["path"] for ln in proc.stdout.splitlines()] == ["./ok.txt"]


@pytest.mark.parametrize(("args", "message"), [
    (["--jobs", "0"], "expected 1 to 256 worker processes"),
    (["--jobs", "x"], "expected a whole number"),
    (["--fail-under", "120"], "a quality score is from 0 to 100"),
    (["--fail-under", "-1"], "a quality score is from 0 to 100"),
])
def test_numbers_are_range_checked(bad, capsys, args, message):
    with pytest.raises(SystemExit) as exc:
        main([*BASE, *args, str(bad)])
    assert exc.value.code == 2 and message in capsys.readouterr().err


def test_config_numbers_are_range_checked(tmp_path, capsys, bad):
    (tmp_path / "newslint.toml").write_text("jobs = 0\n", encoding="utf-8")
    code, _, err = run(["--config", str(tmp_path / "newslint.toml"), str(bad)], capsys)
    assert code == 2 and "jobs: expected a whole number from 1 to 256" in err


@pytest.mark.parametrize("args", [["--format", "sarf"], ["--select", "NOPE"], ["--show-source", "--format", "json"]])
def test_no_output_file_before_the_arguments_are_valid(tmp_path, bad, capsys, args):
    out = tmp_path / "out.txt"
    code, _, _ = run([*BASE, *args, "-o", str(out), str(bad)], capsys)
    assert code == 2 and not out.exists()
    code, _, _ = run([*BASE, "-q", "--select", "spacing", "-o", str(out), str(tmp_path / "missing.txt")], capsys)
    assert code == 2 and out.exists(), "a run that started writes its (possibly empty) report"


def test_paths_after_options_and_between_them(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(BAD, encoding="utf-8")
    b.write_text(BAD, encoding="utf-8")
    code, out, _ = run(["--isolated", str(a), "--no-plugins", "--select", "spacing", str(b),
                        "--format", "jsonl"], capsys)
    assert code == 1 and len(out.splitlines()) == 2


def test_closed_pipe_ends_quietly(tmp_path):
    for i in range(40):
        (tmp_path / f"{i:02d}.txt").write_text(BAD * 40, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "newslint", *BASE, "--select", "spacing",
                             "--jobs", "1", str(tmp_path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=300) == 1, "the status of what was linted: findings"
    assert err == "", err


def test_closed_pipe_in_process(monkeypatch, bad, capsys):
    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", Closed())
    assert main([*BASE, "--select", "spacing", str(bad)]) == 1


# -- diff --------------------------------------------------------------------------------------

def test_diff_is_alone_on_stdout_and_git_applies_it(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    repo = tmp_path / "repo"
    (repo / "articles").mkdir(parents=True)
    (repo / "articles" / "a.txt").write_text(BAD.rstrip("\n"), encoding="utf-8")  # no final newline
    (repo / "articles" / "clean.txt").write_text("Fine text.\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    proc = cli([*BASE, "--select", "spacing", "--diff", "articles/"], cwd=repo)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith("--- a/articles/a.txt\n+++ b/articles/a.txt\n")
    assert "\\ No newline at end of file\n" in proc.stdout
    assert "Found" not in proc.stdout and "NL201" not in proc.stdout
    (repo / "fixes.patch").write_text(proc.stdout, encoding="utf-8")
    subprocess.run(["git", "apply", "fixes.patch"], cwd=repo, check=True)
    assert (repo / "articles" / "a.txt").read_text(encoding="utf-8") == \
        "Gang members. This included sharing data with officials, many of them."
    again = cli([*BASE, "--select", "spacing", "--diff", "articles/"], cwd=repo)
    assert again.returncode == 0 and again.stdout == ""


def test_diff_and_fix_together_is_a_usage_error(bad, capsys):
    code, _, err = run([*BASE, "--diff", "--fix", str(bad)], capsys)
    assert code == 2 and "--diff shows what --fix would do" in err


# -- SARIF -------------------------------------------------------------------------------------

def sarif_of(args: list[str], capsys) -> dict:
    _, out, _ = run([*BASE, "--format", "sarif", *args], capsys)
    log = json.loads(out)
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    return log


def test_sarif_validates_for_every_input_kind_with_true_regions(capsys):
    log = sarif_of(["--select", "spacing", str(OUT)], capsys)
    run_ = log["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    by_file: dict[str, list[dict]] = {}
    for r in run_["results"]:
        by_file.setdefault(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], []).append(r)
    root = OUT.relative_to(Path.cwd()).as_posix() if OUT.is_relative_to(Path.cwd()) else None
    names = {Path(uri).name for uri in by_file}
    assert names == {"feed.jsonl", "records.json", "page.html", "story.md"}
    for uri, results in by_file.items():
        source = (OUT / Path(uri).name).read_text(encoding="utf-8").splitlines()
        for r in results:
            region = r["locations"][0]["physicalLocation"]["region"]
            line = source[region["startLine"] - 1]
            excerpt = r["properties"]["excerpt"]
            if uri.endswith(".md"):
                assert line[region["startColumn"] - 1:region["endColumn"] - 1] == excerpt
                assert r["fixes"][0]["artifactChanges"][0]["replacements"]
            elif uri.endswith(".html"):
                assert set(region) == {"startLine"}, "extracted text: the source line only"
                assert excerpt.split(".")[0].split(",")[0] in line
                assert "fixes" not in r
            else:  # JSON bodies: exact columns in the file
                assert line[region["startColumn"] - 1:region["endColumn"] - 1] == excerpt
                assert "fixes" not in r
            assert r["partialFingerprints"]["newslint/v1"]
    jsonl = by_file[next(u for u in by_file if u.endswith("feed.jsonl"))]
    assert {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in jsonl} == {2}
    assert jsonl[0]["locations"][0]["logicalLocations"][0]["name"] == "b2"
    rule = run_["tool"]["driver"]["rules"][0]
    assert rule["help"]["text"] and rule["help"]["markdown"]
    del root


def test_sarif_without_a_known_line_keeps_the_record_as_logical_location(tmp_path, capsys):
    (tmp_path / "wrapped.json").write_text(json.dumps({"articles": [{"id": "x9", "body": BAD}]}),
                                           encoding="utf-8")
    log = sarif_of(["--select", "spacing", str(tmp_path / "wrapped.json")], capsys)
    loc = log["runs"][0]["results"][0]["locations"][0]
    assert "region" not in loc["physicalLocation"]
    assert loc["logicalLocations"][0] == {"name": "x9", "kind": "object",
                                          "fullyQualifiedName": f"{tmp_path / 'wrapped.json'}#x9"}


def test_sarif_hash_in_file_name_and_fingerprints_survive_edits(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("issue #4.txt").write_text(BAD, encoding="utf-8")
    log = sarif_of(["--select", "spacing", "issue #4.txt"], capsys)
    first = log["runs"][0]["results"]
    assert first[0]["locations"][0]["physicalLocation"]["artifactLocation"] == \
        {"uri": "issue%20%234.txt", "uriBaseId": "%SRCROOT%", "index": 0}
    assert first[0]["fixes"][0]["artifactChanges"][0]["replacements"][0] == \
        {"deletedRegion": {"charOffset": 13, "charLength": 0}, "insertedContent": {"text": " "}}
    Path("issue #4.txt").write_text("A new first line.\n\n" + BAD, encoding="utf-8")
    second = sarif_of(["--select", "spacing", "issue #4.txt"], capsys)["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in first] == [r["partialFingerprints"] for r in second]
    assert second[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 3


def test_sarif_for_the_seeds_validates(capsys):
    log = sarif_of([str(SEEDS)], capsys)
    assert len(log["runs"][0]["results"]) > 40


# -- GitHub ------------------------------------------------------------------------------------

def test_github_annotations_point_at_source_lines_and_write_a_step_summary(tmp_path, capsys, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    _, out, _ = run([*BASE, "--select", "spacing", "--format", "github", str(OUT)], capsys)
    lines = out.splitlines()
    jsonl = [ln for ln in lines if "feed.jsonl" in ln]
    assert jsonl and all(",line=2,endLine=2,col=" in ln and "record b2: " in ln for ln in jsonl)
    assert ",col=60,endColumn=69," in jsonl[0]
    html = [ln for ln in lines if "page.html" in ln]
    assert html and ",line=13," in html[0] and "endLine" not in html[0]
    md = next(ln for ln in lines if "story.md" in ln)
    assert ",line=8,endLine=8,col=49,endColumn=58," in md and "(suggestion: 'budget. It')" in md
    table = summary.read_text(encoding="utf-8")
    assert "| code | check | severity | findings |" in table and "| NL201 |" in table


# -- JSON extensions ---------------------------------------------------------------------------

def test_json_keeps_record_apart_from_file(capsys):
    _, out, _ = run([*BASE, "--select", "spacing", "--format", "json", str(OUT / "feed.jsonl")], capsys)
    entry = json.loads(out)["files"][1]
    assert entry["path"].endswith("feed.jsonl#b2")
    assert entry["file"] == str(OUT / "feed.jsonl") and entry["record"] == "b2"
    f = entry["findings"][0]
    assert f["source_line"] == 2 and f["line"] == 1
    raw = (OUT / "feed.jsonl").read_text(encoding="utf-8").splitlines()[1]
    assert raw[f["source_column"] - 1:f["source_end_column"] - 1] == f["excerpt"] == "Monday.It"
    assert f["end_line"] == 1 and f["end_column"] == f["column"] + len(f["excerpt"])


def test_record_lines_of_json_documents():
    text = '[\n  {\n    "id": 1,\n    "body": "Caf\\u00e9 \\"text\\" here."\n  }\n]'
    assert json_body_position(text, json_record_starts(text)[0], 'Café "text" here.') == (4, 14, True)
    assert json_record_lines('[\n {"a": 1},\n\n {"b": [1,\n 2]}, {"c": 3}]') == [2, 4, 5]
    assert json_record_lines('\n\n{"a": 1}') == [3]
    assert json_record_lines("5") is None


def test_html_line_map_follows_text_nodes():
    html = b"<html><body>\n<p>First paragraph here.</p>\n<div>\n<p>Second <b>bold</b> one.</p>\n</div></body></html>"
    mapping = HtmlLineMap(html, "First paragraph here.\nSecond bold one.\nNot in the page.")
    assert [mapping(1), mapping(2), mapping(3), mapping(9)] == [2, 4, None, None]


def test_html_line_map_follows_a_paragraph_over_several_source_lines():
    html = (b"<html><body>\n<ul>\n<li>Item one is here</li>\n</ul>\n<p>First line of a long\n"
            b"   paragraph that goes on\nand on here.</p>\n</body></html>")
    text = "- Item one is here\nFirst line of a long paragraph that goes on and on here."
    mapping = HtmlLineMap(html, text)
    assert mapping(1, 3) == 3, "the list marker the extractor added is not in the page"
    assert mapping(2, 1) == 5
    assert mapping(2, text.split("\n")[1].index("paragraph") + 1) == 6
    assert mapping(2, text.split("\n")[1].index("and on") + 1) == 7


# -- score -------------------------------------------------------------------------------------

def warnings(n: int) -> list[Finding]:
    return [Finding(code="NL201", check="x.y", category="spacing", severity="warning", message="m",
                    start=0, end=1, line=1, column=1, excerpt="x", confidence=1.0) for _ in range(n)]


def test_score_ranks_damage_and_never_saturates():
    scores = [quality_score(warnings(n), 800) for n in (0, 1, 5, 17, 40, 100, 400)]
    assert scores[0] == 100.0 and scores[1] > 88
    assert all(a > b for a, b in itertools.pairwise(scores)), scores
    assert scores[-1] > 0, "400 warnings still leave a score that ranks"


def test_score_is_per_thousand_words():
    assert quality_score(warnings(10), 4000) > quality_score(warnings(10), 2000) > quality_score(warnings(10), 1000)
    assert quality_score(warnings(3), 100) == quality_score(warnings(3), SCORE_MIN_WORDS), \
        "short articles count as the minimum length"
    assert quality_score(warnings(10), 2000) == quality_score(warnings(5), 1000)
    internal = warnings(3)
    for f in internal:
        f.category = "internal"
    assert quality_score(internal, 500) == 100.0


# -- front matter, rules command ---------------------------------------------------------------

def test_hugo_toml_front_matter(tmp_path, capsys):
    _, out, _ = run([*BASE, "--select", "spacing", "--format", "json", str(OUT / "story.md")], capsys)
    entry = json.loads(out)["files"][0]
    assert entry["article"] == {"title": "Council approves the budget", "byline": "Jane Doe",
                                "date": "2026-11-23"}
    assert [(f["line"], f["excerpt"]) for f in entry["findings"]] == [(8, "budget.It")]
    broken = tmp_path / "broken.md"
    broken.write_text('+++\ntitle = "x"\ndate = \nauthor = "y"\n+++\nText of the article.\n', encoding="utf-8")
    code, _, err = run([*BASE, str(broken)], capsys)
    assert code == 2 and "invalid TOML front matter at line 3 column" in err


def test_rules_and_plugins_honour_the_config(tmp_path, monkeypatch, capsys):
    (tmp_path / "house.toml").write_text(
        '[[rule]]\ntype = "existence"\ncode = "HR101"\nname = "no-very"\n'
        'message = "avoid very"\ntokens = ["very"]\n', encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.newslint]\nrules = ["house.toml"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["rules", "--no-plugins"], capsys)
    assert code == 0 and "HR101" in out, err
    code, out, _ = run(["rules", "--no-plugins", "--isolated"], capsys)
    assert "HR101" not in out
    code, out, _ = run(["rule", "HR101", "--no-plugins"], capsys)
    assert code == 0 and "HR101" in out
    code, out, _ = run(["rules", "--format", "json", "--no-plugins"], capsys)
    assert any(r["code"] == "HR101" for r in json.loads(out))
    (tmp_path / "house.py").write_text(
        "from newslint import check, hookimpl\n\n"
        "@check(code='NL971', name='no-utilize', category='consistency', severity='info')\n"
        "def no_utilize(article, ctx):\n"
        "    \"\"\"House style: use, not utilize.\"\"\"\n"
        "    return []\n\n"
        "@hookimpl\n"
        "def newslint_register_checks(register):\n"
        "    register(no_utilize)\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.newslint]\nplugins = ["house.py"]\n', encoding="utf-8")
    # Local plugins are code: listed with the opt-in, refused without it, dropped by --no-plugins
    # (issue 20, reliability audit S14).
    code, out, err = run(["plugins", "--allow-local-plugins"], capsys)
    assert code == 0 and "local:house.py" in out and "NL971" in out, err
    code, out, err = run(["plugins"], capsys)
    assert code == 2 and "--allow-local-plugins" in err
    code, out, err = run(["plugins", "--no-plugins"], capsys)
    assert code == 0 and "local:house.py" not in out


def test_console_script_env_free_of_shared(tmp_path):
    """The output tests need nothing outside the repository."""
    assert OUT.is_dir() and os.path.exists(FIXTURES / "sarif" / "LICENSE-sarif-schema.md")


def test_sarif_fixes_are_the_safe_fixes_only(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("The budgett was thier plan.\n", encoding="utf-8")
    results = sarif_of(["--select", "spelling", str(tmp_path / "a.txt")], capsys)["runs"][0]["results"]
    by_word = {r["properties"]["excerpt"]: r for r in results}
    assert "fixes" in by_word["thier"], "a known misspelling has a safe fix"
    assert "fixes" not in by_word["budgett"], "a guessed spelling's fix is unsafe: not offered"


def test_text_locations_of_extracted_text_open_the_right_line(tmp_path, capsys):
    (tmp_path / "wrapped.json").write_text(json.dumps({"articles": [{"id": "x9", "body": BAD}]}),
                                           encoding="utf-8")
    _, out, _ = run([*BASE, "--select", "spacing", str(OUT), str(tmp_path / "wrapped.json")], capsys)
    lines = out.splitlines()
    assert any(ln.startswith(f"{OUT / 'feed.jsonl'}:2:60: NL201") and ln.endswith("(record b2)") for ln in lines)
    assert any(ln.startswith(f"{OUT / 'page.html'}:13: NL201") and ln.endswith("(extracted text 4:39)")
               for ln in lines)
    assert any(ln.startswith(f"{tmp_path / 'wrapped.json'}#x9: NL201")
               and ln.endswith("(record x9, extracted text 1:6)") for ln in lines)
