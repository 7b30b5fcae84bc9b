"""Extraction damage on real excerpts: hand-labelled page chrome (tests/fixtures/extraction)."""

from __future__ import annotations

import json

from newslint import Linter
from newslint.article import Article

from .conftest import FIXTURES

LABELS = [json.loads(line) for line in
          (FIXTURES / "extraction" / "labels.jsonl").read_text(encoding="utf-8").splitlines()]


def test_labelled_chrome_recall_and_clean_tails_stay_quiet():
    linter = Linter({"select": ["boilerplate"]}, load_entry_points=False)
    found = total = 0
    for rec in LABELS:
        got = linter.lint(rec["text"]).findings
        if not rec["expected"]:
            assert got == [], (rec["source"], [f.excerpt for f in got])
        for exp in rec["expected"]:
            total += 1
            found += any(f.start < exp["end"] and exp["start"] < f.end for f in got)
    assert total >= 10 and found / total >= 13 / 13, f"{found}/{total}"  # measured 13/13


def test_body_end_sets_trailing_chrome_aside():
    text = ("The body ends here.\n\n* **Autonomous\n\nYou may also like\n\nLeave a Comment\n\n"
            "Adblock Detected\n\nPlease support us by disabling your AdBlocker extension.")
    article = Article(text)
    assert article.layout.furniture_indices == frozenset({2, 3, 4, 5})
    assert article.paragraphs[article.layout.body_end].text == "* **Autonomous"


def test_chrome_phrase_inside_prose_or_quote_is_not_chrome():
    article = Article("“You may also like this one,” the chef said.\n\n"
                      "Readers who leave a comment on the site will get a reply within a day, he said.")
    assert article.layout.furniture_indices == frozenset()
