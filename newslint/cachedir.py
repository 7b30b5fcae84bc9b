"""The user cache directory of newslint: compiled word data, patterns and code kept across runs.

A module of its own, importing only ``os`` and ``pathlib``: :mod:`newslint.regex_cache` needs the
folder before anything else is imported (the patterns it stores are those the imports compile),
and importing :mod:`newslint.worddata.store` for it would compile a dozen patterns first.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def cache_root() -> Path:
    """The user cache directory for newslint (not created here)."""
    env = os.environ.get("NEWSLINT_CACHE_DIR")
    if env:
        return Path(env)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "newslint" / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newslint"
