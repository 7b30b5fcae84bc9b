"""Every registered check's examples: bad ones fire, good ones stay silent, fixes re-lint clean.

One parametrised test for all checks, built-in and plugin alike (plugins reuse the same helper
through ``newslint.testing``)."""

from __future__ import annotations

import pytest

from newslint import Linter
from newslint.testing import assert_example, example_params

ALL_CHECKS = Linter(load_entry_points=False).all_checks


@pytest.mark.parametrize(("check", "example"), example_params(ALL_CHECKS))
def test_example(check, example):
    assert_example(check, example)
