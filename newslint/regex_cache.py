"""Compiled regular expressions kept from one run to the next.

Why: newslint's checks compile about 150 regular expressions (phrase lists, name patterns), and
Python compiles each in pure Python: about 30 ms of a one-file run's ~115 ms of CPU, every run.
The compiled program of a pattern depends only on the pattern, its flags and the interpreter, so
it can be stored: after a command-line run, the programs of the patterns the run compiled are
written to the user cache (one file per interpreter build); the next run loads them with one
``marshal.loads`` and hands each to ``_sre.compile``, which builds the pattern object in C.

The patterns are put into the ``re`` module's own cache (``re._cache``), so ``re.compile`` finds
them there and returns exactly what it would have compiled: nothing else in newslint knows about
this module. It relies on two CPython details, ``re._cache`` and ``_sre.compile`` with the
arguments ``re._compiler.compile`` passes; the file name carries the interpreter version and
``_sre.MAGIC``, any surprise disables the cache silently, and ``NEWSLINT_REGEX_CACHE=0`` turns it
off.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

#: The most patterns kept (re's own cache holds 512).
MAX_PATTERNS = 400
_loaded: set[tuple[str, int]] = set()


def _enabled() -> bool:
    return (os.environ.get("NEWSLINT_REGEX_CACHE", "1") != "0"
            and sys.implementation.name == "cpython"
            and isinstance(getattr(re, "_cache", None), dict)
            and hasattr(re, "_compiler"))


def cache_file() -> Path:
    import _sre
    import zlib

    from .worddata.store import cache_root

    tag = zlib.crc32(f"{sys.version}|{_sre.MAGIC}|{sys.maxunicode}".encode())
    return cache_root() / f"regex-{sys.implementation.cache_tag}-{tag:08x}.marshal"


_preloaded = False


def preload() -> int:
    """Put the stored patterns into ``re``'s cache, once per process; returns how many (0 when
    disabled, already done, or nothing is stored yet)."""
    global _preloaded
    if _preloaded or not _enabled():
        return 0
    _preloaded = True
    try:
        import _sre
        import marshal

        entries = marshal.loads(cache_file().read_bytes())
        cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
        for pattern, flags, final_flags, code, groups, groupindex, indexgroup in entries:
            key = (str, pattern, flags)
            if key not in cache:
                cache[key] = _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)
            _loaded.add((pattern, flags))
        return len(entries)
    except Exception:  # noqa: BLE001 - no file, another interpreter's layout: compile as usual
        return 0


def _program(pattern: str, flags: int) -> tuple[Any, ...]:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` for ``pattern``."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    groupindex = dict(p.state.groupdict)
    indexgroup: list[str | None] = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    # Opcodes are int subclasses (named constants): stored as plain ints, which _sre takes.
    return (pattern, int(flags), int(flags | p.state.flags), [int(c) for c in code], p.state.groups - 1,
            groupindex, tuple(indexgroup))


def save() -> int:
    """Store the programs of the str patterns in ``re``'s cache that the file lacks (done at
    the end of a command-line run; a run that compiled nothing new writes nothing)."""
    if not _enabled():
        return 0
    try:
        import marshal

        cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
        keys = [(k[1], k[2]) for k in list(cache) if k[0] is str and isinstance(k[2], int)
                and not k[2] & re.DEBUG]
        new = [k for k in keys if k not in _loaded]
        if not new:
            return 0
        path = cache_file()
        try:
            old = marshal.loads(path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            old = []
        have = {(e[0], e[1]) for e in old}
        entries = list(old) + [_program(p, f) for p, f in new if (p, f) not in have]
        entries = entries[-MAX_PATTERNS:]
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(entries))
        os.replace(tmp, path)
        _loaded.update((e[0], e[1]) for e in entries)
        return len(new)
    except Exception:  # noqa: BLE001 - a cache that cannot be written is only slower
        return 0
