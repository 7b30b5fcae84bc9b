"""The one loader of the checks' word lists: declared formats, one cache, user adjustments.

Every list is a UTF-8 text file in a check folder's ``data/`` and starts by declaring its format
on a ``# format:`` line, so a reader (and this loader) knows how each line is meant:

``phrases``  one literal phrase per line, matched case-insensitively as whole words; an
             apostrophe matches ' and ’, a space any run of spaces or tabs.
``regex``    one regular-expression fragment per line (already escaped where literal); every
             fragment is reviewed for linear matching (no nested quantifiers).
``pairs``    a word, whitespace, then the rest of the line: a wrong or variant form and the right
             or other form (``recieve receive``, ``color colour``, ``alot a lot``).
``words``    whitespace-separated words, any number per line (a vocabulary set).
``lines``    one entry per line, kept as written (names, rule ids).

``#`` starts a comment line. Lists are read once per process under a lock and shared by every
thread. A newsroom adjusts any list without editing the package, in its configuration::

    [tool.newslint.word-lists."generated_text/bait"]
    extend = ["drop us a line below"]
    remove = ["share your thoughts"]

Added entries are in the list's own format (a phrase, a regex fragment, a pair ``"a b"``).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .hookspecs import hookimpl

if TYPE_CHECKING:
    from .config import Config

FORMATS: tuple[str, ...] = ("phrases", "regex", "pairs", "words", "lines")
SETTING = "word-lists"
_FORMAT_LINE = re.compile(r"^#\s*format:\s*(\w+)\s*$")

_lock = threading.Lock()
_lists: dict[str, WordList] = {}
_patterns: dict[tuple[Any, ...], re.Pattern[str]] = {}


class WordListError(ValueError):
    """A list that is missing, or whose declared format is absent or unknown."""


@dataclass(frozen=True, slots=True)
class WordList:
    """One list as read from its file: its name (``folder/stem``), format and entries."""

    name: str
    format: str
    entries: tuple[str, ...]

    def adjusted(self, extend: Iterable[str] = (), remove: Iterable[str] = ()) -> tuple[str, ...]:
        """The entries with a user's additions and removals (removal ignores case)."""
        gone = {r.casefold() for r in remove}
        kept = [e for e in self.entries if e.casefold() not in gone]
        return (*kept, *(e for e in extend if e.casefold() not in gone and e not in kept))

    def pairs(self, extend: Iterable[str] = (), remove: Iterable[str] = ()) -> dict[str, str]:
        """A ``pairs`` list as a mapping from the first field to the second."""
        out: dict[str, str] = {}
        for entry in self.adjusted(extend, remove):
            first, _, second = entry.partition(" ")
            out[first] = second.strip()
        return out

    def words(self) -> frozenset[str]:
        """A ``words`` list as a set of words."""
        return frozenset(w for entry in self.entries for w in entry.split())


def _package_and_file(name: str) -> tuple[str, str]:
    folder, _, stem = name.rpartition("/")
    package = "newslint.services" if folder == "services" else f"newslint.checks.{folder}"
    return package, f"{stem}.txt"


def _data_file(package: str, filename: str) -> Path:
    """``<package folder>/data/<filename>``, found without importing the package and without
    importlib.resources (which imports tempfile, zipfile and random: ~15 ms of start-up)."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"no package {package!r}")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / filename


def parse(text: str, name: str) -> WordList:
    """A list from its file text; the first non-blank line must declare the format."""
    lines = text.splitlines()
    declared = None
    entries: list[str] = []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if declared is None:
            m = _FORMAT_LINE.match(stripped)
            if not m:
                raise WordListError(f"word list {name}: the first line must be '# format: <kind>' "
                                    f"(one of {', '.join(FORMATS)})")
            declared = m.group(1)
            if declared not in FORMATS:
                raise WordListError(f"word list {name}: unknown format {declared!r}")
            continue
        if stripped.startswith("#"):
            continue
        if declared == "pairs":
            fields = stripped.split(None, 1)
            if len(fields) != 2:
                raise WordListError(f"word list {name}: a pair needs two fields: {stripped!r}")
            stripped = f"{fields[0]} {fields[1].strip()}"
        entries.append(stripped)
    if declared is None:
        raise WordListError(f"word list {name}: empty file")
    return WordList(name, declared, tuple(entries))


def load(name: str) -> WordList:
    """The list ``folder/stem`` (``generated_text/bait`` is ``checks/generated_text/data/bait.txt``;
    ``services/languagetool_disabled`` is ``services/data/...``), read once per process."""
    found = _lists.get(name)
    if found is not None:
        return found
    with _lock:
        found = _lists.get(name)
        if found is None:
            package, filename = _package_and_file(name)
            try:
                text = _data_file(package, filename).read_text(encoding="utf-8")
            except (ModuleNotFoundError, FileNotFoundError) as exc:
                raise WordListError(f"no word list {name!r} ({exc})") from None
            found = parse(text, name)
            _lists[name] = found
    return found


def adjustments(settings: Mapping[str, Any] | None, name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The configured ``(extend, remove)`` for one list (empty when not configured)."""
    table = (settings or {}).get(SETTING) or {}
    entry = table.get(name) or {}
    return tuple(entry.get("extend", ())), tuple(entry.get("remove", ()))


def entries(name: str, settings: Mapping[str, Any] | None = None, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """A list's entries after the configured adjustments, plus a check option's ``extra``."""
    extend, remove = adjustments(settings, name)
    return load(name).adjusted((*extend, *extra), remove)


def escape_phrase(phrase: str) -> str:
    """An escaped literal whose apostrophes match both ' and ’ and whose spaces match any run of
    horizontal space (a single ``[ \\t]+`` between literals cannot backtrack badly)."""
    return r"[ \t]+".join(re.escape(p).replace("'", "['’]") for p in phrase.split())


def first_character_guard(alternation: str) -> str:
    """A look-ahead ``(?=[...])`` for the characters every match of ``alternation`` starts with
    (case-insensitive like the list), or "" when they cannot be told.

    Why: Python's ``re`` gets no first-character skip for a case-insensitive alternation behind
    a look-behind, so at every word start it tried each phrase in turn; the class check rejects
    most word starts at once (the eight phrase lists of the attribution and generated-text
    checks: 230 ms -> 150 ms per pass over the 142 clean articles). Only a necessary condition
    is added, so the matches are the same. The parse is kept from run to run with the compiled
    patterns (:func:`newslint.regex_cache.derived`)."""
    from . import regex_cache

    return str(regex_cache.derived(_first_character_guard, alternation, depends=("newslint.prefilter",)))


def _first_character_guard(alternation: str) -> str:
    from re import _parser  # type: ignore[attr-defined]

    from .prefilter import first_characters

    try:
        found = first_characters(list(_parser.parse(alternation, re.IGNORECASE)))
    except (re.error, RecursionError):
        return ""
    if found is None or found[1] or not found[0]:
        return ""
    return "(?=[" + "".join(re.escape(c) for c in sorted(found[0])) + "])"


def pattern(name: str, settings: Mapping[str, Any] | None = None, extra: Iterable[str] = (), *,
            anchored: bool = False, boundary: str = r"\w") -> re.Pattern[str]:
    """One compiled, cached, case-insensitive alternation of a ``phrases`` or ``regex`` list.

    Phrases are tried longest first so the longest literal wins; a regex list keeps its order.
    ``extra`` entries (a check option) are literal phrases whatever the list's format. ``boundary`` is the character class that may
    not touch a match on either side (``\\w``, or ``[\\w-]`` for lists of hyphenated words).
    """
    extend, remove = adjustments(settings, name)
    key = (name, extend, remove, tuple(extra), anchored, boundary)
    found = _patterns.get(key)
    if found is not None:
        return found
    wl = load(name)
    if wl.format not in ("phrases", "regex"):
        raise WordListError(f"word list {name} is {wl.format!r}, not phrases or regex")
    own = wl.adjusted(extend, remove)
    if wl.format == "phrases":
        bodies = sorted(dict.fromkeys(escape_phrase(e) for e in (*own, *extra)), key=len, reverse=True)
    else:  # a regex list keeps its file order: the order of its alternatives is part of its meaning
        bodies = list(dict.fromkeys([*own, *(escape_phrase(e) for e in extra)]))
    alternation = "|".join(f"(?:{b})" for b in bodies) or r"(?!)"
    lead = r"^(?:" if anchored else rf"(?<!{boundary})(?:"
    guard = "" if anchored else first_character_guard(alternation)
    tail = rf")(?!{boundary})"
    compiled = re.compile(guard + lead + alternation + tail, re.IGNORECASE)
    with _lock:
        compiled = _patterns.setdefault(key, compiled)
    if not anchored:
        from . import prefilter

        # How it was built, so a scan can run only the phrase that may match (prefilter.spans).
        prefilter.register(compiled, lead, tuple(bodies), tail, first_character_guard)
    return compiled


# -- configuration: the ``word-lists`` table is declared and validated like any plugin key -------

@hookimpl
def newslint_config_keys() -> Mapping[str, str]:
    return {SETTING: 'adjust built-in word lists: [word-lists."folder/list"] extend = [..], remove = [..]'}


@hookimpl
def newslint_configure(config: Config) -> None:
    """Validate ``word-lists`` before any article is linted: known lists, known keys, strings."""
    from .config import ConfigError

    table = config.get(SETTING) or {}
    where = config.source or "<config>"
    if not isinstance(table, Mapping):
        raise ConfigError(f"{where}: {SETTING}: expected a table of lists")
    for name, entry in table.items():
        try:
            load(name)
        except WordListError as exc:
            raise ConfigError(f"{where}: {SETTING}.{name}: {exc}") from None
        if not isinstance(entry, Mapping) or set(entry) - {"extend", "remove"}:
            raise ConfigError(f"{where}: {SETTING}.{name}: expected keys 'extend' and 'remove'")
        for key, values in entry.items():
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise ConfigError(f"{where}: {SETTING}.{name}.{key}: expected a list of strings")
