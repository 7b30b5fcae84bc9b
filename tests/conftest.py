"""Shared fixtures: paths to the seeds, the vendored sample and the shared corpus, one Linter per
session, and :func:`shared` for the full-corpus tests."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from newslint import Linter

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: The vendored sample (tests/fixtures/README.md): precision and recall gates that run anywhere.
SAMPLE = FIXTURES / "sample"
WORD = re.compile(r"\w+")


@pytest.fixture(scope="session")
def linter() -> Linter:
    """The default linter, built once (building loads every plugin)."""
    return Linter(load_entry_points=False)


def shared(*parts: str) -> Path:
    """``../shared/<parts>`` for a full-corpus test, or no test at all.

    Outside CI a checkout without ``../shared`` skips the test with a visible reason (``-rs`` is
    in the pytest options). In CI (``CI`` set in the environment) ``../shared`` always sits beside
    the repository, so its absence fails the test: a full-corpus gate cannot pass by not running.
    """
    path = SHARED.joinpath(*parts)
    if path.exists():
        return path
    reason = f"{path} not present: a full-corpus test, skipped outside CI (the sample gates still ran)"
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {reason}", pytrace=False)
    pytest.skip(reason)


def sample_texts(folder: str = "clean") -> list[tuple[str, str]]:
    """``(file name, text)`` of the vendored clean openings in ``sample/<folder>/``."""
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted((SAMPLE / folder).glob("*.txt"))]


def sample_defects() -> list[dict]:
    """The vendored labelled excerpts of defective articles (``sample/defective.jsonl``)."""
    lines = (SAMPLE / "defective.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def word_count(text: str) -> int:
    """Words as ``score.py --clean`` counts them (``\\w+`` runs)."""
    return len(WORD.findall(text))
