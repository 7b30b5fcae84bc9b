"""Inputs (HTML, Markdown front matter, CMS records, stdin), outputs (SARIF, GitHub), the quality
score, fixes, parallel runs and pre-commit."""

from __future__ import annotations

import io
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newslint import Linter
from newslint.cli import main

from .conftest import ROOT, shared

BAD = "Gang members.This included sharing data with officials,many of them.\n"


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


# -- inputs ------------------------------------------------------------------------------------

def test_every_html_page_extracts_or_fails_cleanly():
    linter = Linter({"select": ["spacing", "boilerplate"]}, load_entry_points=False)
    pages = sorted(shared("corpus", "html").glob("*.html"))
    assert len(pages) >= 50
    extracted = 0
    for page in pages:
        for report in linter.lint_file(str(page)):
            assert report.error is None or "no article" in report.error, (page, report.error)
            extracted += report.extracted
    assert extracted == len(pages)  # measured: all 70 pages yield an article


def test_html_fields_and_bad_pages(tmp_path):
    page = tmp_path / "a.html"
    page.write_text("<html><head><title>Vote Passes</title><meta name='author' content='Jane Roe'>"
                    "</head><body><article><h1>Vote Passes</h1><p>The council voted on Monday "
                    "to approve the budget.It passed easily after a long debate about taxes.</p>"
                    "<p>Residents filled the hall and many spoke against the plan to raise fees for "
                    "parking downtown.</p><p>The mayor said the city would review the fees next "
                    "spring, after the first quarter figures are known.</p></article></body></html>", encoding="utf-8")
    (tmp_path / "empty.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    (tmp_path / "deep.html").write_text("<div>" * 10000 + "text" + "</div>" * 10000, encoding="utf-8")
    (tmp_path / "cut.html").write_text("<html><body><article><p>The council voted on Monday to "
                                       "approve the", encoding="utf-8")
    linter = Linter({"select": ["spacing"]}, load_entry_points=False)
    (report,) = linter.lint_file(str(page))
    assert report.extracted and report.fields["title"] == "Vote Passes"
    assert report.to_dict()["text"] == "extracted"
    assert any(f.code == "NL201" for f in report.findings)
    (empty,) = linter.lint_file(str(tmp_path / "empty.html"))
    assert empty.error == "no article found in the HTML page"
    (deep,) = linter.lint_file(str(tmp_path / "deep.html"))
    assert deep.error and "nested too deeply" in deep.error
    list(linter.lint_file(str(tmp_path / "cut.html")))  # truncated HTML: no crash


def test_markdown_front_matter_keeps_offsets(tmp_path):
    text = "---\ntitle: Budget Vote\nauthor: Jane Roe\n---\nGang members.This included data.\n"
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    (report,) = Linter({"select": ["spacing"]}, load_entry_points=False).lint_file(str(path))
    assert report.fields == {"title": "Budget Vote", "byline": "Jane Roe"}
    (f,) = report.findings
    assert text[f.start:f.end] == f.excerpt and f.line == 5


def test_json_and_jsonl_records(tmp_path, capsys):
    records = [
        {"id": "a1", "title": "T", "body": BAD},
        "not an object",
        {"id": "a3", "title": "No body"},
        {"id": "a4", "content": "Fine text.It has a slip."},
    ]
    jsonl = tmp_path / "feed.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in records[:3]) + "\n{broken json\n"
                     + json.dumps(records[3]) + "\n", encoding="utf-8")
    code, out, err = run(["--isolated", "--no-plugins", "--select", "spacing", "--format", "jsonl",
                          str(jsonl)], capsys)
    entries = [json.loads(line) for line in out.splitlines()]
    assert [e["path"].split("#")[1] for e in entries] == ["a1", "2", "a3", "4", "a4"]
    assert entries[0]["text"] == "extracted" and entries[0]["findings"]
    assert f"{jsonl}#2: record is not a JSON object (got str)" in err
    assert f"{jsonl}#a3: record has no text field" in err
    assert f"{jsonl}#4: malformed JSON record" in err
    assert code == 2
    doc = tmp_path / "one.json"
    doc.write_text(json.dumps({"articles": [{"id": 7, "text": BAD}]}), encoding="utf-8")
    code, out, _ = run(["--isolated", "--no-plugins", "--select", "spacing", "--format", "json",
                        str(doc)], capsys)
    assert json.loads(out)["files"][0]["path"] == f"{doc}#7" and code == 1


def test_field_mapping(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": 1, "body": "clean", "story": BAD}) + "\n", encoding="utf-8")
    code, out, _ = run(["--isolated", "--no-plugins", "--select", "spacing", "--field", "body=story",
                        "--format", "jsonl", str(feed)], capsys)
    assert json.loads(out)["findings"] and code == 1
    code, _, err = run(["--isolated", "--field", "colour=story", str(feed)], capsys)
    assert code == 2 and "unknown article field 'colour'" in err
    code, _, err = run(["--isolated", "--no-plugins", "--field", "body=nope", str(feed)], capsys)
    assert code == 2 and "record has no field 'nope'" in err


def test_stdin(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BAD.encode())))
    code, out, _ = run(["--isolated", "--no-plugins", "--select", "spacing", "--stdin-filename",
                        "story.txt", "-"], capsys)
    assert code == 1 and out.startswith("story.txt:1:6: NL201")


# -- outputs -----------------------------------------------------------------------------------

SARIF_SUBSET = {
    "type": "object", "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["tool", "results"],
            "properties": {
                "tool": {"type": "object", "required": ["driver"], "properties": {"driver": {
                    "type": "object", "required": ["name", "rules"],
                    "properties": {"rules": {"type": "array", "items": {
                        "type": "object", "required": ["id"]}}}}}},
                "results": {"type": "array", "items": {
                    "type": "object", "required": ["ruleId", "message", "locations", "level"],
                    "properties": {
                        "level": {"enum": ["none", "note", "warning", "error"]},
                        "message": {"type": "object", "required": ["text"]},
                        "locations": {"type": "array", "items": {"type": "object", "properties": {
                            "physicalLocation": {"type": "object", "required": ["artifactLocation"],
                                                 "properties": {"region": {"type": "object", "properties": {
                                                     "startLine": {"type": "integer", "minimum": 1},
                                                     "startColumn": {"type": "integer", "minimum": 1}}}}}}}},
                    }}},
            }}},
    },
}


def test_sarif_output(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    _, out, _ = run(["--isolated", "--no-plugins", "--select", "spacing", "--format", "sarif",
                        str(tmp_path)], capsys)
    log = json.loads(out)
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(log, SARIF_SUBSET)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[0]["id"] == "NL201" and rules[0]["shortDescription"]["text"]
    result = log["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 1


def test_github_annotations(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    _, out, _ = run(["--isolated", "--no-plugins", "--select", "spacing", "--format", "github",
                     str(tmp_path)], capsys)
    assert out.splitlines()[0].startswith(f"::warning file={tmp_path / 'a.txt'},line=1,endLine=1,col=6,"
                                          "endColumn=18,title=NL201 spacing.missing-space-after-punctuation::")


def test_quality_score_and_fail_under(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    _, out, _ = run(["--isolated", "--no-plugins", "--select", "spacing", "--format", "json",
                     str(tmp_path)], capsys)
    score = json.loads(out)["files"][0]["score"]
    # Two warnings at confidence 0.9 in a short article (counted as 1,000 words): D = 10.8.
    assert score == pytest.approx(round(100 / (1 + 10.8 / 50), 1))
    assert run(["--isolated", "--no-plugins", "--select", "spacing", "--fail-on", "never",
                "--fail-under", "95", str(tmp_path)], capsys)[0] == 1
    assert run(["--isolated", "--no-plugins", "--select", "spacing", "--fail-on", "never",
                "--fail-under", "80", str(tmp_path)], capsys)[0] == 0


# -- fixes -------------------------------------------------------------------------------------

def test_fix_is_atomic_idempotent_and_safe_only(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(BAD + "The budgett was thier plan.\n", encoding="utf-8")
    os.chmod(path, 0o640)
    code, _, _ = run(["--isolated", "--no-plugins", "--select", "spacing,spelling", "--fix",
                      str(path)], capsys)
    assert code == 1  # the unsafe spelling finding remains
    fixed = path.read_text(encoding="utf-8")
    assert "members. This" in fixed and "officials, many" in fixed
    assert "their plan" in fixed  # a known misspelling: a safe fix
    assert "budgett" in fixed  # a guessed spelling is an unsafe fix, not applied by default
    assert oct(os.stat(path).st_mode & 0o777) == "0o640"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".newslint-")]
    before = path.read_text(encoding="utf-8")
    run(["--isolated", "--no-plugins", "--select", "spacing", "--fix", str(path)], capsys)
    assert path.read_text(encoding="utf-8") == before  # a second run changes nothing
    run(["--isolated", "--no-plugins", "--select", "spelling", "--fix", "--unsafe-fixes", str(path)], capsys)
    assert "The budget was their plan." in path.read_text(encoding="utf-8")


def test_diff_writes_nothing(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(BAD, encoding="utf-8")
    _, out, _ = run(["--isolated", "--no-plugins", "--select", "spacing", "--diff", str(path)], capsys)
    assert "-Gang members.This" in out and "+Gang members. This" in out
    assert path.read_text(encoding="utf-8") == BAD


def test_fix_refuses_extracted_text(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": 1, "body": BAD}) + "\n", encoding="utf-8")
    _, _, err = run(["--isolated", "--no-plugins", "--select", "spacing", "--fix", str(feed)], capsys)
    assert "not fixed: findings index extracted text" in err
    assert json.loads(feed.read_text(encoding="utf-8"))["body"] == BAD


# -- parallel and pipelines --------------------------------------------------------------------

def test_jobs_gives_same_output_in_same_order(tmp_path, capsys):
    for i in range(12):
        (tmp_path / f"{i:02d}.txt").write_text(BAD if i % 2 else "Clean text here.\n", encoding="utf-8")
    args = ["--isolated", "--no-plugins", "--select", "spacing", "--format", "jsonl", str(tmp_path)]
    _, one, _ = run([*args, "--jobs", "1"], capsys)
    _, two, _ = run([*args, "--jobs", "2"], capsys)
    assert one == two and len(one.splitlines()) == 12


def test_lint_many_streams_and_per_article_function_pickles():
    linter = Linter({"select": ["spacing"]}, load_entry_points=False)
    stream = (BAD for _ in range(3))
    reports = linter.lint_many(stream)
    assert next(reports).findings and len(list(reports)) == 2
    clone = pickle.loads(pickle.dumps(linter.lint))
    assert clone(BAD).findings


# -- pre-commit --------------------------------------------------------------------------------

@pytest.mark.skipif(shutil.which("pre-commit") is None and not (Path(sys.executable).parent / "pre-commit").exists(),
                    reason="pre-commit not installed")
@pytest.mark.skipif(not (os.environ.get("CI") or os.environ.get("NEWSLINT_SLOW_TESTS")),
                    reason="builds a pre-commit hook environment (about 80 s, more than the rest of the "
                           "suite): runs in CI, or locally with NEWSLINT_SLOW_TESTS=1")
def test_pre_commit_try_repo(tmp_path):
    exe = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    repo = tmp_path / "newsroom"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e"}
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    (repo / "good.txt").write_text("The council met on Monday. It approved the budget.\n")
    (repo / "bad.txt").write_text(BAD)
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    proc = subprocess.run([exe, "try-repo", str(ROOT), "newslint", "--all-files"], cwd=repo,
                          capture_output=True, text=True, env=env, timeout=600)
    out = proc.stdout + proc.stderr
    if "Could not find a version" in out or "No matching distribution" in out:
        pytest.skip("pre-commit could not install the hook environment offline")
    assert proc.returncode == 1, out
    assert "bad.txt:1:6: NL201" in out and "good.txt" not in out.split("Found")[0]
