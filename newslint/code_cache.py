"""The code that :mod:`dataclasses` generates, compiled once and kept from one run to the next.

Why: ``@dataclass`` writes the source of ``__init__``, ``__repr__``, ``__eq__``... as text and
compiles it with ``exec`` when the class is created. A one-file run creates 25 dataclasses at
import time (findings, articles, config, layout, spans...), ~120 compilations of small
generated sources: about 11% of the run's CPU (measured with valgrind: 122M of 715M
instructions under ``exec`` of a string, half of it in the parser). The source of each
generated function depends only on the class's fields and options, so its compiled code can be
stored: after a command-line run the code objects the run compiled are written to the user
cache (:mod:`marshal`, one file per interpreter build); the next run looks each source up and
executes the stored code, so the functions are the ones ``exec`` would have made from the text.

How: :func:`install` gives the :mod:`dataclasses` module its own ``exec`` (a module global, which
shadows the built-in for that module only) that compiles through the cache. The compile flags
are the caller's future flags, as ``exec`` of a string would inherit them. CPython-specific
and guarded like :mod:`newslint.regex_cache`: any surprise (no file, another interpreter's
format, a malformed entry) means compiling as usual; ``NEWSLINT_STARTUP_CACHE=0`` turns both off.
"""

from __future__ import annotations
import __future__

import os
import sys
from types import CodeType
from typing import Any

#: The most code objects kept (a run of newslint compiles ~120).
MAX_ENTRIES = 2000
#: The compiler flags a ``from __future__ import`` sets (what ``exec`` of a string inherits).
_FUTURE_FLAGS = 0
for _name in __future__.all_feature_names:
    _FUTURE_FLAGS |= getattr(__future__, _name).compiler_flag

_codes: dict[tuple[str, int], CodeType] = {}
_new = False
_installed = False


def _enabled() -> bool:
    from .cachedir import start_up_caches_enabled

    return start_up_caches_enabled()


def cache_file() -> Any:
    import zlib

    from .cachedir import cache_root

    tag = zlib.crc32(f"{sys.version}|{sys.implementation.cache_tag}".encode())
    return cache_root() / f"code-{sys.implementation.cache_tag}-{tag:08x}.marshal"


def cached_exec(source: Any, globals: dict[str, Any] | None = None, mapping: Any = None) -> None:
    """``exec(source, globals, mapping)``, with a string source compiled once per interpreter
    build (kept in :data:`_codes`, written by :func:`save`)."""
    global _new
    caller = sys._getframe(1)
    if globals is None:  # exec's own defaults: the caller's namespaces
        globals = caller.f_globals
        if mapping is None:
            mapping = caller.f_locals
    if type(source) is str:
        flags = caller.f_code.co_flags & _FUTURE_FLAGS
        key = (source, flags)
        code = _codes.get(key)
        if code is None:
            code = compile(source, "<string>", "exec", flags, dont_inherit=True)
            _codes[key] = code
            _new = True
        source = code
    exec(source, globals, mapping)


def install() -> bool:
    """Load the stored code and route :mod:`dataclasses`' ``exec`` through :func:`cached_exec`
    (once per process). Returns whether the cache is in use."""
    global _installed
    if _installed:
        return True
    if not _enabled():
        return False
    import dataclasses

    if getattr(dataclasses, "exec", exec) is not exec:  # someone else's hook: leave it alone
        return False
    try:
        import marshal

        stored = marshal.loads(cache_file().read_bytes())
        if isinstance(stored, dict):
            _codes.update((k, v) for k, v in stored.items()
                          if isinstance(k, tuple) and len(k) == 2 and isinstance(v, CodeType))
    except Exception:  # noqa: BLE001 - no file yet, another format: compile as usual
        pass
    dataclasses.exec = cached_exec  # type: ignore[attr-defined]
    _installed = True
    return True


def save() -> int:
    """Write the code compiled by this run to the cache file (nothing when nothing is new)."""
    global _new
    if not _new or not _enabled():
        return 0
    try:
        import marshal

        entries = dict(list(_codes.items())[-MAX_ENTRIES:])
        path = cache_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(entries))
        os.replace(tmp, path)
        _new = False
        return len(entries)
    except Exception:  # noqa: BLE001 - a cache that cannot be written is only slower
        return 0
