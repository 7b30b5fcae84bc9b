"""Attribution on hand-labelled sentences from the corpus (tests/fixtures/attribution): vague
and unsourced claims found; sourced ones (named outlets, agencies, documents) left alone."""

from __future__ import annotations

import json

from newslint import Linter

from .conftest import FIXTURES

LABELS = [json.loads(line) for line in
          (FIXTURES / "attribution" / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
LINTER = Linter({"select": ["attribution"]}, load_entry_points=False)


def test_labelled_recall_and_precision():
    found = total = alarms = negatives = 0
    for rec in LABELS:
        got = LINTER.lint(rec["text"]).findings
        if not rec["expected"]:
            negatives += 1
            alarms += any(f.severity != "info" for f in got)
        for exp in rec["expected"]:
            total += 1
            found += any(f.start < exp["end"] and exp["start"] < f.end for f in got)
    assert total >= 8 and negatives >= 20
    assert found / total >= 8 / 8  # measured: all 8 labelled claims found
    assert alarms == 0


def test_quoted_words_are_the_speakers():
    assert LINTER.lint("“Experts say it will fail,” the mayor said.").findings == []


def test_density_grades_severity():
    sparse = LINTER.lint("The plan, experts say, will cost more. The council approved it on Monday, "
                         "the mayor said.").findings
    assert [f.severity for f in sparse] == ["info"]
    dense = LINTER.lint("Experts say the deal is bad. Critics argue it is illegal. The deal was "
                        "reportedly signed in March. Officials argued it was needed.").findings
    assert {f.severity for f in dense} == {"warning"}


def test_wire_style_anonymous_sourcing_is_info():
    found = LINTER.lint("Some officials say the talks stalled, according to two people familiar with "
                        "the matter who spoke on condition of anonymity.").findings
    assert all(f.severity == "info" for f in found)
