"""The library API: strings, records and Articles in, reports out; thread-safe; picklable."""

from __future__ import annotations

import pickle
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

import newslint
from newslint import Article, Linter

from .conftest import SEEDS

TEXT = "Gang members.This included sharing data with officials,many of them."


def test_lint_string_returns_contract_dicts():
    report = newslint.lint(TEXT, title="Headline")
    assert report.findings
    d = report.findings[0].to_dict()
    assert set(d) >= {"code", "check", "category", "severity", "message", "start", "end", "line",
                      "column", "excerpt", "suggestion", "confidence"}
    assert d["excerpt"] == TEXT[d["start"]:d["end"]]
    assert report.fields["title"] == "Headline"


def test_lint_record_and_article():
    linter = Linter({"select": ["spacing"]}, load_entry_points=False)
    by_record = linter.lint({"id": "7", "title": "T", "body": TEXT, "url": "https://x.test/a"})
    by_article = linter.lint(Article(TEXT))
    assert [f.start for f in by_record.findings] == [f.start for f in by_article.findings]
    assert by_record.extracted


def test_shared_linter_across_threads_gives_identical_results():
    linter = Linter(load_entry_points=False)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] * 8
    expected = [[f.to_dict() for f in linter.lint(t).findings] for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda t: [f.to_dict() for f in linter.lint(t).findings], texts))
    assert got == expected


def test_linter_pickles():
    linter = Linter({"select": ["spacing"]}, load_entry_points=False)
    clone = pickle.loads(pickle.dumps(linter))
    assert [f.to_dict() for f in clone.lint(TEXT).findings] == \
        [f.to_dict() for f in linter.lint(TEXT).findings]


def test_import_is_cheap():
    """``import newslint`` loads no check, no plugin manager and no heavy library."""
    code = ("import sys, newslint; "
            "heavy = [m for m in ('pluggy', 'newslint.checks', 'newslint.linter', 'wordfreq', "
            "'textstat', 'trafilatura', 'language_tool_python') if m in sys.modules]; "
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


# -- records in pipelines: ids kept, the config's field mapping honoured, errors exported -----

def test_lint_record_keeps_its_id_and_honours_fields() -> None:
    import newslint

    linter = newslint.Linter({"fields": {"body": "story", "title": "headline"}}, load_entry_points=False)
    report = linter.lint({"id": 42, "headline": "Vote", "story": "Officials said the vote was close.It passed."})
    assert report.record == "42" and report.path == "<record>#42"
    data = report.to_dict()
    assert data["record"] == "42" and data["article"]["title"] == "Vote"
    assert [f["code"] for f in data["findings"]] == ["NL201"]
    assert linter.lint({"uuid": "u-7", "headline": "H", "story": "Fine."}, path="feed.jsonl").path == "feed.jsonl#u-7"
    assert "record" not in newslint.Linter(load_entry_points=False).lint("No record here.").to_dict()


def test_lint_record_errors_are_exported_and_name_every_field_tried() -> None:
    import newslint

    with pytest.raises(newslint.InputError) as exc:
        newslint.Linter(load_entry_points=False).lint({"id": 1, "title": "No body"})
    for name in ("body", "text", "content", "article", "articleBody"):
        assert repr(name) in str(exc.value)
    mapped = newslint.Linter({"fields": {"body": "story", "title": "headline"}}, load_entry_points=False)
    with pytest.raises(newslint.InputError, match=r"'story' \(for body\), 'headline' \(for title\)"):
        mapped.lint({"id": 1, "body": "Text in the wrong field."})


def test_a_linter_warms_up_when_built_unless_told_not_to(monkeypatch):
    """``Linter()`` runs the built-in checks once on a sample when it is built (the first
    article then pays no first-use loading); ``warm_up=False`` skips it, and the findings are
    the same either way."""
    import newslint.linter as linter_module

    calls = []
    real = linter_module.run_warm_up
    monkeypatch.setattr(linter_module, "run_warm_up", lambda checks, settings: calls.append(len(checks))
                        or real(checks, settings))
    text = "The councill met on Monday.It approved the budget, officials said.\n\nHe never stepped out."
    warm = newslint.Linter(load_entry_points=False)
    assert calls and calls[0] == len(warm.checks)
    cold = newslint.Linter(load_entry_points=False, warm_up=False)
    assert len(calls) == 1
    assert [f.to_dict() for f in warm.lint(text).findings] == [f.to_dict() for f in cold.lint(text).findings]
