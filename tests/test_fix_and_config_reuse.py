"""Work done once: a config file is read once per run whatever the number of records it
governs, and ``--fix`` lints each pass once, keeping every field of the article."""

from __future__ import annotations

import json

from newslint import cli
from newslint.article import Article
from newslint.linter import Linter


def test_config_is_read_once_for_a_jsonl_feed(tmp_path, monkeypatch, capsys):
    (tmp_path / "newslint.toml").write_text('ignore = ["readability"]\n', encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": i, "body": f"Record {i} says the vote passed."}) + "\n"
                            for i in range(40)), encoding="utf-8")
    calls: list[str] = []
    real = cli.load_config_file

    def counting(path):
        calls.append(str(path))
        return real(path)

    monkeypatch.setattr(cli, "load_config_file", counting)
    assert cli.main(["--no-plugins", "--format", "json", str(feed)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["files"]) == 40
    assert calls == [str(tmp_path / "newslint.toml")]


def test_fix_keeps_fields_and_lints_each_pass_once(tmp_path, monkeypatch):
    story = tmp_path / "story.md"
    story.write_text("---\ntitle: Vote\nauthor: A. Reporter\ndate: 2024-01-02\n---\n\n"
                     "Officials said the vote was close.It passed.\n", encoding="utf-8")
    seen: list[Article] = []
    real = Linter.lint_article

    def spy(self, article, **kwargs):
        seen.append(article)
        return real(self, article, **kwargs)

    monkeypatch.setattr(Linter, "lint_article", spy)
    assert cli.main(["--isolated", "--no-plugins", "--fix", "-q", str(story)]) == 0
    assert "close. It passed." in story.read_text(encoding="utf-8")
    # pass 1 finds the slip, pass 2 finds nothing more; the last pass's report is the result
    assert len(seen) == 2
    assert {a.title for a in seen} == {"Vote"}
    assert all(a.byline == seen[0].byline and a.date == seen[0].date for a in seen)
    assert seen[0].byline or seen[0].date


def test_with_text_copies_every_field():
    a = Article("One.", path="p.md", title="T", byline="B", date="D", url="U",
                media_type="text/markdown", extracted=True, fields={"section": "x"})
    b = a.with_text("Two.")
    assert (b.text, b.path, b.title, b.byline, b.date, b.url, b.media_type, b.extracted, b.fields) == \
        ("Two.", "p.md", "T", "B", "D", "U", "text/markdown", True, {"section": "x"})
