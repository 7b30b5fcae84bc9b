"""The LanguageTool service: one client shared by NL601-NL603 (grammar, spelling, punctuation).

The three checks live in their category folders and are declared with :func:`declare`.

LanguageTool cannot be bundled (it is a Java application, on none of PyPI, Debian or npm), so
newslint talks to a server:

- a remote (or separately started) server: ``languagetool-url`` in the config, the check option
  ``url``, or ``NEWSLINT_LANGUAGETOOL_URL``. newslint queries it over HTTP itself rather than
  through language-tool-python's remote mode, because it needs what that mode lacks: a timeout
  per request, the ``disabledRules`` list, paragraph-sized chunks and a result cache;
- a local installation: ``LTP_PATH`` naming the folder that holds an unpacked
  ``LanguageTool-X.Y`` (with ``languagetool-server.jar``). language-tool-python's public API
  (``LanguageTool(...)``, ``.url``, ``.close()``) starts and stops that server (Java needed);
  newslint then queries it like any other. newslint never lets it download LanguageTool: an
  ``LTP_PATH`` without an installation is reported as such.

When nothing is configured the checks are skipped silently, unless grammar was asked for by name
(``--select grammar``, ``NL601`` ...): then one notice on standard error says how to configure a
server. When a server *is* configured and fails (refused, HTTP error, not LanguageTool's JSON,
timeout, ``incompleteResults``), each article gets one ``internal`` finding (NL001, severity
warning) with the reason, so the failure shows in the report and the exit status; a server that
failed is not asked again for a minute, so linting never blocks on it.

The article is sent in chunks of whole paragraphs within LanguageTool's size limit; the server's
offsets (UTF-16 code units, as Java counts) are mapped back to code points in the article. One
request serves all three checks (results are cached per text).
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from typing import Any

from .. import wordlists
from ..article import Article
from ..declaration import Check, CheckContext, check, good
from ..findings import Fix, Hit
from . import ServiceError
from .http import ResponseTooLarge, post

CHUNK_CHARS = 10_000
_lock = threading.Lock()
_cache: OrderedDict[tuple[str, ...], list[dict[str, Any]]] = OrderedDict()
_CACHE_SIZE = 512
_dead_until: dict[str, float] = {}
_dead_reason: dict[str, str] = {}
_notified: set[str] = set()
_local: dict[str, Any] = {}
#: Configs (by their settings mapping) whose selection names a LanguageTool check explicitly.
_asked: dict[int, tuple[Mapping[str, Any], bool]] = {}
#: Set by the command line's ``--quiet``: no notices at all.
QUIET = False
#: Selectors that ask for the LanguageTool checks by name (not ``ALL`` or a code prefix).
ASKING_TOKENS = frozenset({
    "grammar", "NL601", "NL602", "NL603", "languagetool", "languagetool-spelling",
    "languagetool-punctuation", "grammar.languagetool", "spelling.languagetool-spelling",
    "punctuation.languagetool-punctuation",
})

NOTICE = ("grammar checks skipped: no LanguageTool server; set languagetool-url, "
          "NEWSLINT_LANGUAGETOOL_URL or LTP_PATH (see docs/integrations.md)")


def configure(config: Any) -> None:
    """Remember whether this configuration asks for the LanguageTool checks by name."""
    tokens = (*(config.select or ()), *config.extend_select)
    _asked[id(config.settings)] = (config.settings, any(t in ASKING_TOKENS for t in tokens))


def asked_for(ctx: CheckContext) -> bool:
    entry = _asked.get(id(ctx.settings))
    return bool(entry and entry[0] is ctx.settings and entry[1])


def default_disabled_rules() -> list[str]:
    return list(wordlists.load("services/languagetool_disabled").entries)


def notice(message: str) -> None:
    """One line on standard error, once per process per message (none with ``--quiet``)."""
    if QUIET:
        return
    with _lock:
        if message in _notified:
            return
        _notified.add(message)
    sys.stderr.write(f"newslint: {message}\n")


def server_url(ctx: CheckContext) -> str | None:
    """Where the server is: check option, top-level setting, environment, or a local install.

    None when nothing is configured; raises :class:`ServiceError` when ``LTP_PATH`` is set but
    no server can be started from it."""
    url = (ctx.options.get("url") or ctx.settings.get("languagetool-url")
           or os.environ.get("NEWSLINT_LANGUAGETOOL_URL"))
    if url:
        return str(url).rstrip("/")
    if os.environ.get("LTP_PATH"):
        return _start_local(os.environ["LTP_PATH"], str(ctx.options.get("language", "en-US")))
    return None


def local_installation(ltp_path: str) -> tuple[str, str]:
    """``(folder, version)`` of the LanguageTool unpacked under ``LTP_PATH``; raises
    :class:`ServiceError` naming what is missing (never triggers a download)."""
    from pathlib import Path

    root = Path(ltp_path)
    if not root.is_dir():
        raise ServiceError(f"LTP_PATH={ltp_path} is not a folder; it must hold an unpacked "
                           "LanguageTool-X.Y (newslint does not download LanguageTool)")
    found = sorted(p for p in root.glob("LanguageTool*") if p.is_dir()
                   and ((p / "languagetool-server.jar").is_file() or (p / "languagetool.jar").is_file()))
    if not found:
        raise ServiceError(f"LTP_PATH={ltp_path} holds no LanguageTool installation "
                           "(no LanguageTool-X.Y/languagetool-server.jar); newslint does not download it")
    folder = found[-1]
    version = folder.name.removeprefix("LanguageTool-").removesuffix("-SNAPSHOT") or "latest"
    return str(folder), version


def _start_local(ltp_path: str, language: str) -> str:
    """Start the LanguageTool found at ``LTP_PATH`` through language-tool-python, once per
    process; the server is stopped when the process exits."""
    with _lock:
        if "url" not in _local:
            try:
                import shutil

                _, version = local_installation(ltp_path)
                if shutil.which("java") is None:
                    raise ServiceError(f"LTP_PATH={ltp_path} has LanguageTool, but Java is not on PATH")
                import atexit

                import language_tool_python

                tool = language_tool_python.LanguageTool(language, language_tool_download_version=version)
                atexit.register(tool.close)
                _local["url"] = str(tool.url).rsplit("/v2", 1)[0].rstrip("/")
                _local["tool"] = tool
            except ServiceError as exc:
                _local["url"], _local["error"] = "", str(exc)
            except Exception as exc:  # noqa: BLE001 - any failure means: no local server
                _local["url"] = ""
                _local["error"] = (f"could not start the LanguageTool in LTP_PATH={ltp_path}: "
                                   f"{type(exc).__name__}: {exc}")
    if not _local["url"]:
        raise ServiceError(_local["error"])
    return str(_local["url"])


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
    """Matches for one chunk (cached). Raises :class:`ServiceError` with the reason when the
    server cannot be used: refused, HTTP error, an answer that is not LanguageTool's JSON, a
    timeout, or results the server itself marked incomplete."""
    key = (url, language, ",".join(disabled), text)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    # Imported on first query: urllib.request (http, ssl, socket, email) costs ~30 ms of start-up.
    import urllib.parse
    import urllib.request

    data = urllib.parse.urlencode({"text": text, "language": language,
                                   "disabledRules": ",".join(disabled)}).encode()
    _spend_budget()
    started = time.monotonic()
    try:
        # One total deadline and a size cap for the whole answer (http.post): urllib's timeout
        # is per socket read, so a server trickling a byte every few seconds was waited on
        # forever, and a 600 MB answer was read whole (reliability audit S7, S13).
        body = post(f"{url}/v2/check", data, {"Content-Type": "application/x-www-form-urlencoded",
                                             "Accept": "application/json"}, timeout=timeout)
    except urllib.error.HTTPError as exc:
        raise ServiceError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise ServiceError(f"no answer within {timeout:g} s") from None
        raise ServiceError(f"cannot connect ({reason})") from None
    except ResponseTooLarge as exc:
        raise ServiceError(str(exc)) from None
    except TimeoutError:
        raise ServiceError(f"no answer within {timeout:g} s") from None
    except OSError as exc:
        raise ServiceError(f"connection failed ({exc})") from None
    finally:
        _spent[0] += time.monotonic() - started
    try:
        doc = json.loads(body.decode("utf-8"))
        matches = valid_matches(doc)
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise ServiceError(f"the answer is not LanguageTool JSON ({exc}; starts {body[:40]!r})") from None
    warnings = doc.get("warnings") or {}
    if isinstance(warnings, dict) and warnings.get("incompleteResults"):
        raise ServiceError("the server returned incomplete results (it timed out on this text)")
    with _lock:
        _cache[key] = matches
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return matches


#: Seconds all LanguageTool requests of one process may take together: past it the server is not
#: asked again in this run (each request also has its own total deadline, option ``timeout``).
RUN_BUDGET = 300.0
_spent = [0.0]


def _spend_budget() -> None:
    if _spent[0] > RUN_BUDGET:
        raise ServiceError(f"LanguageTool took {_spent[0]:.0f} s in this run (budget {RUN_BUDGET:g} s); "
                           "not asked again")


def valid_matches(doc: Any) -> list[dict[str, Any]]:
    """The ``matches`` of a LanguageTool answer, or ``ValueError`` when the answer does not have
    LanguageTool's shape (then the server is treated as failed: one notice, not one crash per
    check and article)."""
    if not isinstance(doc, dict) or not isinstance(doc.get("matches"), list):
        raise ValueError("no list of matches")
    matches = doc["matches"]
    for m in matches:
        if not isinstance(m, dict) or not isinstance(m.get("offset"), int) \
                or not isinstance(m.get("length"), int) or m["offset"] < 0 or m["length"] < 0 \
                or not isinstance(m.get("rule", {}), dict) or not isinstance(m.get("replacements", []), list) \
                or not isinstance(m.get("rule", {}).get("category", {}), dict) \
                or not all(isinstance(r, dict) for r in m.get("replacements", [])):
            raise ValueError(f"answer has a malformed match: {str(m)[:80]}")
    return matches


def article_matches(article: Article, ctx: CheckContext) -> list[tuple[int, int, dict[str, Any]]]:
    """Every LanguageTool match of the article as ``(start, end, match)`` in article offsets.

    Raises :class:`ServiceError` for the first of the three checks that asks, when the server
    failed; the others then see no matches, so the article gets one ``internal`` finding."""
    def build(a: Article) -> tuple[list[tuple[int, int, dict[str, Any]]], list[str]]:
        try:
            url = server_url(ctx)
        except ServiceError as exc:
            return [], [str(exc)]
        if not url:
            if asked_for(ctx):
                notice(NOTICE)
            return [], []
        if _dead_until.get(url, 0) > time.monotonic():
            return [], [f"LanguageTool server {url} failed: {_dead_reason.get(url, 'unknown error')} "
                        "(not asked again for a minute)"]
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
        except ServiceError as exc:
            _dead_until[url] = time.monotonic() + 60
            _dead_reason[url] = str(exc)
            return [], [f"LanguageTool server {url} failed: {exc}"]
        except (ValueError, KeyError, TypeError) as exc:
            _dead_until[url] = time.monotonic() + 60
            _dead_reason[url] = f"malformed match ({type(exc).__name__}: {exc})"
            return [], [f"LanguageTool server {url} failed: {_dead_reason[url]}"]
        return out, []

    matches, failure = article.memo("languagetool.matches", build)
    if failure:
        reason = failure.pop()  # reported once per article, by the first check that asks
        raise ServiceError(reason)
    return matches


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
        option ``disabled-rules``). Without a server the check is skipped (with one notice
        when it was selected by name); a configured server that fails gives one ``internal``
        finding per article with the reason.

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

