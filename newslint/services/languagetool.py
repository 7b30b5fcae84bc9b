"""The LanguageTool service: one client shared by NL601-NL603 (grammar, spelling, punctuation).

The three checks live in their category folders and are declared with :func:`declare`.

LanguageTool cannot be bundled (it is a Java application, on none of PyPI, Debian or npm), so
newslint talks to a server: ``languagetool-url`` in the config, the ``NEWSLINT_LANGUAGETOOL_URL``
environment variable, or a local installation named by ``LTP_PATH`` that language-tool-python
starts (Java needed). With none of these, the checks print one notice on standard error per
process and are skipped; every other check runs as usual.

The article is sent in chunks of whole paragraphs within LanguageTool's size limit; the server's
offsets (UTF-16 code units, as Java counts) are mapped back to code points in the article. One
request serves all three checks (results are cached per text), a slow server times out, and a
server that failed is not asked again for a minute, so linting never blocks on it.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from typing import Any

from .. import wordlists
from ..article import Article
from ..declaration import Check, CheckContext, check, good
from ..findings import Fix, Hit

CHUNK_CHARS = 10_000
_lock = threading.Lock()
_cache: OrderedDict[tuple[str, ...], list[dict[str, Any]]] = OrderedDict()
_CACHE_SIZE = 512
_dead_until: dict[str, float] = {}
_notified: set[str] = set()
_local: dict[str, str] = {}

NOTICE = "grammar checks skipped: no LanguageTool server; set languagetool-url or LTP_PATH"


def default_disabled_rules() -> list[str]:
    return list(wordlists.load("services/languagetool_disabled").entries)


def notice(message: str) -> None:
    """One line on standard error, once per process per message."""
    with _lock:
        if message in _notified:
            return
        _notified.add(message)
    sys.stderr.write(f"newslint: {message}\n")


def server_url(ctx: CheckContext) -> str | None:
    """Where the server is: check option, top-level setting, environment, or a local install."""
    url = (ctx.options.get("url") or ctx.settings.get("languagetool-url")
           or os.environ.get("NEWSLINT_LANGUAGETOOL_URL"))
    if url:
        return str(url).rstrip("/")
    if os.environ.get("LTP_PATH"):
        return _start_local()
    return None


def _start_local() -> str | None:
    """Start the LanguageTool found at ``LTP_PATH`` through language-tool-python, once."""
    with _lock:
        if "url" not in _local:
            try:
                import language_tool_python

                tool = language_tool_python.LanguageTool("en-US")
                _local["url"] = tool._url.rsplit("/v2", 1)[0].rstrip("/")
                _local["tool"] = tool  # type: ignore[assignment]
            except Exception as exc:  # noqa: BLE001 - any failure means: no local server
                _local["url"] = ""
                _local["error"] = f"{type(exc).__name__}: {exc}"
    return _local["url"] or None


def chunks(article: Article, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """``(offset, text)`` pieces of whole paragraphs, each under ``limit`` characters."""
    start = None
    end = 0
    for para in article.paragraphs:
        if start is None:
            start = para.start
        if para.end - start > limit and end > start:
            yield start, article.text[start:end]
            start = para.start
        end = para.end
        while end - start > limit:  # one huge paragraph: cut at a space
            cut = article.text.rfind(" ", start, start + limit)
            cut = cut if cut > start else start + limit
            yield start, article.text[start:cut]
            start = cut
    if start is not None and end > start:
        yield start, article.text[start:end]


def utf16_to_index(text: str) -> list[int] | None:
    """Map UTF-16 offsets to code-point offsets (None when they are the same: no astral chars)."""
    if all(ord(ch) < 0x10000 for ch in text):
        return None
    table = []
    for i, ch in enumerate(text):
        table.append(i)
        if ord(ch) >= 0x10000:
            table.append(i)
    table.append(len(text))
    return table


def query(url: str, text: str, language: str, disabled: tuple[str, ...], timeout: float) -> list[dict[str, Any]]:
    """Matches for one chunk (cached). Raises OSError when the server cannot be used."""
    key = (url, language, ",".join(disabled), text)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    data = urllib.parse.urlencode({"text": text, "language": language,
                                   "disabledRules": ",".join(disabled)}).encode()
    req = urllib.request.Request(f"{url}/v2/check", data=data,
                                 headers={"Content-Type": "application/x-www-form-urlencoded",
                                          "Accept": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        matches = json.loads(resp.read().decode("utf-8")).get("matches", [])
    with _lock:
        _cache[key] = matches
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return matches


def article_matches(article: Article, ctx: CheckContext) -> list[tuple[int, int, dict[str, Any]]]:
    """Every LanguageTool match of the article as ``(start, end, match)`` in article offsets."""
    def build(a: Article) -> list[tuple[int, int, dict[str, Any]]]:
        url = server_url(ctx)
        if not url:
            notice(NOTICE)
            return []
        if _dead_until.get(url, 0) > time.monotonic():
            return []
        disabled = tuple(ctx.options.get("disabled-rules") or default_disabled_rules())
        out = []
        try:
            for offset, text in chunks(a):
                table = utf16_to_index(text)
                for m in query(url, text, str(ctx.options.get("language", "en-US")), disabled,
                               float(ctx.options.get("timeout", 10))):
                    s, e = int(m["offset"]), int(m["offset"]) + int(m["length"])
                    if table is not None:
                        s, e = table[min(s, len(table) - 1)], table[min(e, len(table) - 1)]
                    out.append((offset + s, offset + e, m))
        except (OSError, ValueError, KeyError) as exc:
            _dead_until[url] = time.monotonic() + 60
            notice(f"grammar checks skipped: LanguageTool server {url} failed ({exc})")
            return []
        return out

    return article.memo("languagetool.matches", build)


_OPTIONS: Mapping[str, Any] = {"url": None, "language": "en-US", "timeout": 10.0, "disabled-rules": []}
_SPELLING = ("TYPOS", "MISSPELLING")
_PUNCT = ("PUNCTUATION", "TYPOGRAPHY")


def _hits(article: Article, ctx: CheckContext, want: str) -> Iterator[Hit]:
    for start, end, m in article_matches(article, ctx):
        rule = m.get("rule", {})
        category = str(rule.get("category", {}).get("id", ""))
        kind = "spelling" if category in _SPELLING or rule.get("issueType") == "misspelling" \
            else "punctuation" if category in _PUNCT else "grammar"
        if kind != want:
            continue
        replacements = [r.get("value", "") for r in m.get("replacements", [])[:3]]
        suggestion = replacements[0] if replacements else None
        yield Hit(start, end, str(m.get("message", "LanguageTool match")), suggestion=suggestion,
                  confidence=0.7, rule=str(rule.get("id", "RULE")),
                  fix=Fix.replace(start, end, suggestion, safe=False) if suggestion is not None else None)


_DOC = """
    What it does:
        Sends the article to a LanguageTool server (``languagetool-url``,
        ``NEWSLINT_LANGUAGETOOL_URL`` or ``LTP_PATH``) and reports its matches of this kind, with
        LanguageTool's rule id in the check name and its replacements as suggestions. Rules that
        duplicate newslint's checks or misfire on news are disabled by default (data file,
        option ``disabled-rules``). Without a server the check is skipped with one notice.

    Why it matters:
        LanguageTool knows thousands of grammar patterns no hand-written check covers.

    Options:
        url: the server (overrides languagetool-url).
        language: LanguageTool language code (default en-US).
        timeout: seconds to wait for the server.
        disabled-rules: rule ids to disable (replaces the default list).
"""


def declare(code: str, name: str, category: str, kind: str) -> Check:
    """A check reporting LanguageTool matches of one kind (grammar, spelling or punctuation)."""

    def fn(article: Article, ctx: CheckContext) -> Iterator[Hit]:
        return _hits(article, ctx, kind)

    fn.__doc__ = f"{kind.capitalize()} matches from a LanguageTool server.\n{_DOC}"
    return check(code=code, name=name, category=category, severity="warning", options=dict(_OPTIONS),
                 examples=[good("He goes to school.")], fixable=True,
                 service="LanguageTool server")(fn)

