"""Page chrome analysis and the checks built on it: page-chrome (NL110) and truncated-body (NL101).

The checks are run directly (``run_example``) on labelled excerpts and the corpus.
"""

from __future__ import annotations

import json
import time

import pytest

from newslint.article import Article
from newslint.checks.boilerplate.page_chrome import page_chrome
from newslint.checks.truncation.truncated_body import truncated_body
from newslint.testing import run_example

from .conftest import FIXTURES, sample_defects, sample_texts, shared

LABELS = [json.loads(line) for line in
          (FIXTURES / "chrome" / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
CHECKS = {"boilerplate": page_chrome, "truncation": truncated_body}


def test_labelled_defective_excerpts_recall():
    found = total = 0
    missed = []
    for rec in LABELS:
        got = {cat: run_example(chk, rec["text"]) for cat, chk in CHECKS.items()}
        for exp in rec["expected"]:
            total += 1
            hit = any(f.start < exp["end"] and exp["start"] < f.end for f in got[exp["category"]])
            found += hit
            if not hit:
                missed.append((rec["file"], rec["text"][exp["start"]:exp["end"]][:50]))
    assert total >= 60
    # measured 54/64 (0.84)
    assert found / total >= 54 / 64, f"{found}/{total} missed: {missed}"


def test_related_list_after_a_widget_header():
    text = ("The vote passed on Monday after a long debate in the chamber.\n\n"
            "You might also be interested in:\n\nLorde Gave Taylor Swift The First Listen To Her New Song\n\n"
            "South Park Does A Lorde Skit. But Who’s It Taking The Piss Out Of?\n\n"
            "The council will meet again next week to discuss the budget.")
    assert Article(text).layout.furniture_indices == frozenset({1, 2, 3})


def test_share_bar_one_name_per_line_is_one_run():
    text = ("The council approved the plan on Monday after a long debate.\n\nShare this:\n\nFacebook\n\n"
            "Tumblr\n\nWhatsApp\n\nMore\n\nGoogle\n\nLike this: Like Loading... Related")
    assert Article(text).layout.furniture_indices == frozenset(range(1, 8))


def test_top_run_site_promo():
    article = Article("Add thelocalreport.in As A\nTrusted Source\nThe minister resigned on Monday.")
    assert article.layout.furniture_indices == frozenset({0, 1})


def test_body_end_index_and_offset():
    text = "The body ends here.\n\n* **Autonomous\n\nYou may also like\n\nLeave a Comment"
    article = Article(text)
    assert article.paragraphs[article.layout.body_end].text == "* **Autonomous"
    assert text[:article.layout.body_end_offset].endswith("* **Autonomous")
    assert Article("Advertisement").layout.body_end_offset == 0


def test_cut_off_last_line_is_not_swallowed_as_chrome():
    text = ("The minister said the plan would cut costs and that the council\n\n"
            "You may also like\n\nLeave a Comment")
    assert Article(text).layout.furniture_indices == frozenset({1, 2})
    assert run_example(truncated_body, text)


@pytest.mark.parametrize("text", [
    "“You may also like this one,” the chef said.",
    "Readers who leave a comment on the site will get a reply within a day, he said.",
    "Facebook said on Tuesday it would appeal the ruling.",
    "The vote passed.\n\nTwitter\n\nThe company said the outage lasted two hours and was fixed.",
])
def test_phrase_in_prose_or_alone_in_body_is_not_chrome(text):
    assert not run_example(page_chrome, text)


def test_extra_phrases_option():
    """The option is a layout setting, read once per Linter (no private re-analysis in the check)."""
    from newslint import Linter

    text = "The vote passed on Monday after a long debate in the council chamber.\n\nDaily Bugle Insider Club"
    plain = Linter({"select": ["NL110"]}, load_entry_points=False)
    assert not plain.lint(text).findings
    site = Linter({"select": ["NL110"], "checks": {"page-chrome": {"extra-phrases": ["Daily Bugle Insider Club"]}}},
                  load_entry_points=False)
    assert [f.code for f in site.lint(text).findings] == ["NL110"]


def test_fix_removes_chrome_lines():
    from newslint.fixes import apply_fixes
    text = "The vote passed.\n\nYou may also like\n\nLeave a Comment"
    findings = run_example(page_chrome, text)
    assert len(findings) == 2
    # A line found by its phrase is safely deleted (issue 14); guesses by position or model are not.
    assert [f.fix.applicability for f in findings if f.fix] == ["safe", "safe"]
    assert apply_fixes(text, findings, unsafe=True)[0] == "The vote passed.\n\n"


def _timed(fn, *args) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - started, result


def test_linear_on_a_long_line():
    """A breadcrumb line of 35,000 and 140,000 characters and a run-on paragraph of 250,000 and
    1,000,000: four times the text takes well under sixteen times as long (no quadratic scan),
    and the results are the right ones (no chrome paragraph in one unbroken line; the paragraph
    that never ends a sentence is flagged as cut off, up to the end of the text)."""
    small, chrome = _timed(lambda a: a.layout.furniture_indices, Article("Home » " * 5000 + "end"))
    large, _ = _timed(lambda a: a.layout.furniture_indices, Article("Home » " * 20000 + "end"))
    assert chrome == frozenset()
    assert large < 8 * small + 0.5
    text = "word " * 50000
    small, findings = _timed(run_example, truncated_body, text)
    large, _ = _timed(run_example, truncated_body, text * 4)
    assert [(f.code, f.end) for f in findings] == [("NL101", len(text.rstrip()))]
    assert large < 8 * small + 0.5


def _chrome_alarms(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(name, f.excerpt) for name, text in texts for chk in CHECKS.values()
            for f in run_example(chk, text) if f.severity != "info"]


def test_clean_sample_false_alarms():
    """The vendored clean openings (tests/fixtures/sample/clean): measured 0 warnings."""
    assert _chrome_alarms(sample_texts("clean")) == []


def test_clean_corpus_false_alarms():
    """The 142 clean articles of ../shared/corpus/clean: measured 0 warnings."""
    paths = sorted(shared("corpus", "clean").glob("*.txt"))
    assert len(paths) >= 142
    assert _chrome_alarms([(p.name, p.read_text(encoding="utf-8")) for p in paths]) == []


def test_truncated_body_fast_paths_answer_what_the_patterns_answer():
    """NL101's shortcuts on the last paragraph (the sign-off searched only when the text ends the
    way a sign-off does, the emphasis count skipped without a marker, the ellipsis searched from
    the last four characters) agree with the plain searches on every vendored paragraph and on
    generated endings made of the pieces the patterns look for."""
    import importlib
    import random

    tb = importlib.import_module("newslint.checks.truncation.truncated_body")  # the module, not the check

    texts = [p.text for _name, text in sample_texts() for p in Article(text).paragraphs]
    texts += [p.text for rec in sample_defects() for p in Article(rec["text"]).paragraphs]
    pieces = ["REUTER", "S", "s", "Reuter", ".", "..", "…", "^M", "/", " ", "\n", "word", "*", "**", "_", "__",
              "---", "”", '"']
    rng = random.Random(16)
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(3000)]
    signed = 0
    for text in texts:
        want = tb._SIGN_OFF.search(text) is not None
        signed += want
        assert tb._signed_off(text) == want, text
        ruled = tb._RULE.sub(" ", text)
        assert tb._emphasis_open(text) == (ruled.count("**") % 2 == 1 or ruled.count("__") % 2 == 1), text
        assert (tb._ELLIPSIS.search(text, max(0, len(text) - 4)) is None) == (tb._ELLIPSIS.search(text) is None), text
    assert signed > 50
