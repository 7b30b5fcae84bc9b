"""The user cache directory of newslint: compiled word data, patterns and code kept across runs.

A module of its own, importing only ``os``, ``sys`` and ``pathlib``: :mod:`newslint.regex_cache` needs the
folder before anything else is imported (the patterns it stores are those the imports compile),
and importing :mod:`newslint.worddata.store` for it would compile a dozen patterns first.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path


def cache_root(env: Mapping[str, str] | None = None) -> Path:
    """The user cache directory for newslint (not created here). ``env``: the environment to
    read (default ``os.environ``; the server reads a client's)."""
    env = os.environ if env is None else env
    own = env.get("NEWSLINT_CACHE_DIR")
    if own:
        return Path(own)
    if sys.platform == "win32":
        base = env.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "newslint" / "cache"
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newslint"


def start_up_caches_enabled(env: Mapping[str, str] | None = None) -> bool:
    """Whether the start-up caches (stored compiled patterns and values read from them, and the
    dataclasses' compiled code) may be read and written: on unless ``NEWSLINT_STARTUP_CACHE=0``.
    The older name ``NEWSLINT_REGEX_CACHE=0`` still turns them off (it predates the code cache,
    which made the name misleading). Only CPython's private structures are cached, so other
    implementations never use them."""
    env = os.environ if env is None else env
    return (sys.implementation.name == "cpython"
            and env.get("NEWSLINT_STARTUP_CACHE", "1") != "0"
            and env.get("NEWSLINT_REGEX_CACHE", "1") != "0")
