"""Vocabulary of the text-damage checks, kept as data files so users can read and extend it.

Each file in ``data/`` holds one literal phrase per line (``#`` starts a comment). A check
compiles its list, plus phrases from its ``extra-phrases`` option, into one case-insensitive
alternation of escaped literals: no nested quantifiers, so matching stays linear.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from importlib.resources import files

_LOCK = threading.Lock()
_CACHE: dict[tuple[str, tuple[str, ...]], re.Pattern[str]] = {}


def phrases(name: str) -> list[str]:
    """The phrases of ``data/<name>.txt``, comments and blank lines dropped."""
    text = files(__package__).joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            out.append(line)
    return out


def _escape(phrase: str) -> str:
    """An escaped literal whose apostrophes match both ' and ’ and whose spaces match any run of
    horizontal space (a single ``[ \\t]+`` between literals cannot backtrack badly)."""
    parts = [re.escape(p).replace("'", "['’]") for p in phrase.split()]
    return r"[ \t]+".join(parts)


def pattern(name: str, extra: Iterable[str] = (), *, anchored: bool = False) -> re.Pattern[str]:
    """The compiled alternation of a vocabulary file plus ``extra`` phrases, cached per process.

    Longer phrases come first so the longest literal wins; ``\\b`` guards keep whole words.
    """
    key = (name + ("^" if anchored else ""), tuple(extra))
    with _LOCK:
        found = _CACHE.get(key)
        if found is None:
            words = sorted({*phrases(name), *key[1]}, key=len, reverse=True)
            body = "|".join(_escape(w) for w in words)
            lead = r"^(?:" if anchored else r"(?<!\w)(?:"
            found = re.compile(lead + body + r")(?!\w)", re.IGNORECASE)
            _CACHE[key] = found
        return found
