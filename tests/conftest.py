"""Shared fixtures: paths to the seeds and the shared corpus, and one Linter per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint import Linter

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def linter() -> Linter:
    """The default linter, built once (building loads every plugin)."""
    return Linter(load_entry_points=False)


def needs_corpus() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not present")
