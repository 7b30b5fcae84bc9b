"""Spacing and punctuation checks: damaged-sentence fixtures and the clean-corpus bar."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newslint import lint

FIX = Path(__file__).parent / "fixtures" / "punctuation" / "damaged.txt"
CLEAN = Path(__file__).parents[1].parent / "shared" / "corpus" / "clean"


def _codes(text: str) -> set[str]:
    return {f.code for f in lint(text).findings}


@pytest.mark.parametrize("line", FIX.read_text(encoding="utf-8").splitlines())
def test_damaged_fixture_fires(line: str) -> None:
    code, text = line.split("\t", 1)
    assert code in _codes(text.replace("\\n", "\n"))


@pytest.mark.parametrize("text", [
    "Both Ph.Ds were hired in the U.S. at 9:30 a.m. for 3.5 percent more.",
    "He paused ... and then ?! – nobody knew – see https://example.com/a,b.",
    "“Don’t go,” she said of the ’90s and the Venezuelans’ homes.",
])
def test_clean_shapes_stay_silent(text: str) -> None:
    assert not {c for c in _codes(text) if c.startswith(("NL20", "NL25"))}


def test_quote_glued_after_stop_reported_once() -> None:
    hits = [f for f in lint('He wrote on Twitter."That was it," he said.').findings
            if f.code == "NL201"]
    assert len(hits) == 1


@pytest.mark.skipif(not CLEAN.is_dir(), reason="shared corpus absent")
def test_clean_corpus_false_alarm_bar() -> None:
    out = subprocess.run([sys.executable, "-m", "newslint", "--format", "json", "--select",
                          "spacing,punctuation", str(CLEAN)], capture_output=True, text=True)
    data = json.loads(out.stdout)
    text = json.dumps(data)
    warnings = text.count('"severity": "warning"') + text.count('"severity": "error"')
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in CLEAN.rglob("*.txt"))
    assert warnings / words * 1000 <= 0.1
