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
``_sre.MAGIC``, any surprise disables the cache silently, and ``NEWSLINT_STARTUP_CACHE=0`` turns it
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
#: The most derived values kept (:func:`derived`).
MAX_DERIVED = 400
_loaded: set[tuple[str | bytes, int]] = set()
_derived: dict[tuple[Any, ...], Any] = {}
_derived_new = False
_stamps: dict[str, str] = {}


def _enabled() -> bool:
    from .cachedir import start_up_caches_enabled

    return (start_up_caches_enabled()
            and isinstance(getattr(re, "_cache", None), dict)
            and hasattr(re, "_compiler"))


def cache_file() -> Path:
    import _sre
    import zlib

    from .cachedir import cache_root

    # One file per interpreter build and per install (two installs, e.g. two checkouts, would
    # otherwise push each other's patterns out of the file at every run).
    here = os.path.dirname(os.path.abspath(__file__))
    tag = zlib.crc32(f"{sys.version}|{_sre.MAGIC}|{sys.maxunicode}|{here}".encode())
    return cache_root() / f"regex2-{sys.implementation.cache_tag}-{tag:08x}.marshal"


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

        stored = marshal.loads(cache_file().read_bytes())
        entries = stored["patterns"]
        _derived.update(stored["derived"])
        cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
        for pattern, flags, final_flags, code, groups, groupindex, indexgroup in entries:
            key = (type(pattern), pattern, flags)
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


def _module_stamp(module: str) -> str:
    """Size and modification time of a module's file: a derived value is recomputed once the
    code that derives it changes."""
    found = _stamps.get(module)
    if found is None:
        try:
            loaded = sys.modules.get(module)
            if loaded is None:
                import importlib

                loaded = importlib.import_module(module)
            st = os.stat(loaded.__file__ or "")
            found = f"{st.st_size}:{st.st_mtime_ns}"
        except (ImportError, OSError):
            found = ""
        _stamps[module] = found
    return found


def derived(fn: Any, *args: Any, depends: tuple[str, ...] = ()) -> Any:
    """``fn(*args)``, kept from one command-line run to the next with the compiled patterns.

    For values read from a pattern's parse tree (``re._parser``), such as a phrase list's
    first characters or the substrings a line must hold: parsing costs as much as compiling, and
    the stored programs spare only the compiling. ``fn`` must be a pure function of ``args``
    (strings and numbers) and of its module's code, and its value must suit :mod:`marshal`; the
    key holds ``fn``'s name and its module file's size and time, so an edited module derives
    afresh; ``depends`` names the other modules whose code ``fn`` runs (their stamps join the
    key)."""
    global _derived_new
    stamp = "|".join(_module_stamp(m) for m in (fn.__module__, *depends))
    key = (f"{fn.__module__}.{fn.__qualname__}", stamp, *args)
    try:
        return _derived[key]
    except KeyError:
        pass
    value = fn(*args)
    try:
        import marshal

        marshal.dumps(value)
    except ValueError:  # not storable: computed again next time
        return value
    _derived[key] = value
    _derived_new = True
    return value


def save() -> int:
    """Store the programs of the (str and bytes) patterns in ``re``'s cache that the file lacks, and the
    values :func:`derived` computed (done at the end of a command-line run; a run that compiled
    and derived nothing new writes nothing)."""
    global _derived_new
    if not _enabled():
        return 0
    try:
        import marshal

        cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
        keys = [(k[1], k[2]) for k in list(cache) if k[0] in (str, bytes) and isinstance(k[2], int)
                and not k[2] & re.DEBUG]
        new = [k for k in keys if k not in _loaded]
        if not new and not _derived_new:
            return 0
        path = cache_file()
        try:
            stored = marshal.loads(path.read_bytes())
            old, values = list(stored["patterns"]), dict(stored["derived"])
        except (OSError, ValueError, EOFError, TypeError, KeyError):
            old, values = [], {}
        have = {(e[0], e[1]) for e in old}
        entries = old + [_program(p, f) for p, f in new if (p, f) not in have]
        entries = entries[-MAX_PATTERNS:]
        values.update(_derived)
        values = dict(list(values.items())[-MAX_DERIVED:])
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps({"patterns": entries, "derived": values}))
        os.replace(tmp, path)
        _loaded.update((e[0], e[1]) for e in entries)
        _derived_new = False
        return len(new) + len(_derived)
    except Exception:  # noqa: BLE001 - a cache that cannot be written is only slower
        return 0
