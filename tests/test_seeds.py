"""The seeds: the JSON contract holds on them, and newslint finds what the spec expects."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from newslint.cli import main
from newslint.findings import CATEGORIES, SEVERITIES

from .conftest import FIXTURES, SEEDS

#: Vendored copy of ../shared/spec/seeds-expected.jsonl (tests/test_gates.py checks it is current).
EXPECTED = FIXTURES / "seeds-expected.jsonl"
#: Recall of the spec's expected defects that must not regress: measured 53/53 with
#: ``newslint --isolated --no-plugins --format json seeds/`` scored by ../shared/tools/score.py.
MIN_RECALL = 1.0


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("seeds") / "seeds.json"
    assert main(["--isolated", "--no-plugins", "--format", "json", "--output", str(out), str(SEEDS)]) == 1
    return json.loads(out.read_text(encoding="utf-8"))


def test_contract_holds_on_seeds(seed_report):
    assert seed_report["version"] == "1"
    assert seed_report["summary"]["files"] == 2
    assert seed_report["summary"]["findings"] == sum(len(f["findings"]) for f in seed_report["files"])
    for entry in seed_report["files"]:
        text = (SEEDS / entry["path"].rsplit("/", 1)[-1]).read_text(encoding="utf-8")
        lines = text.split("\n")
        for f in entry["findings"]:
            assert f["excerpt"] == text[f["start"]:f["end"]]
            assert f["category"] in CATEGORIES
            assert f["severity"] in SEVERITIES
            assert f["code"][:2] == "NL" and f["check"].startswith(f["category"] + ".")
            assert f["confidence"] is None or 0 <= f["confidence"] <= 1
            # line/column are 1-based and point at start
            offset = sum(len(line) + 1 for line in lines[:f["line"] - 1]) + f["column"] - 1
            assert offset == f["start"]


def test_seed_recall(seed_report):
    expected = [json.loads(line) for line in EXPECTED.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_file: dict[str, list[dict]] = {}
    for entry in seed_report["files"]:
        by_file[entry["path"].rsplit("/", 1)[-1]] = entry["findings"]
    missed: Counter[str] = Counter()
    for exp in expected:
        accept = exp.get("accept") or [exp["category"]]
        if not any(f["category"] in accept and f["start"] < exp["end"] and exp["start"] < f["end"]
                   for f in by_file.get(exp["file"], [])):
            missed[exp["category"]] += 1
    assert len(expected) == 53
    recall = 1 - sum(missed.values()) / len(expected)
    assert recall >= MIN_RECALL, f"seed recall {recall:.3f}; misses by category: {dict(missed)}"
