"""HTML pages: the article is extracted with trafilatura (the field's best extractor) and the
extracted text is linted; title, byline, date and URL become article fields."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..article import Article
from ..locations import HtmlLineMap, Origin
from . import InputError

if TYPE_CHECKING:
    from ..config import Config

_lock = threading.Lock()
_mod: dict[str, Any] = {}
MAX_DEPTH = 2000
#: Fewer extracted words than this is a page with no article (a menu, an error page).
MIN_WORDS = 20


def _trafilatura() -> Any:
    if "t" not in _mod:
        with _lock:
            if "t" not in _mod:
                import trafilatura

                _mod["t"] = trafilatura
    return _mod["t"]


_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})(?:[^<>]{0,4000}?(/?))?>")
#: Elements that never nest (HTML void elements): 8,001 <br> lines of a poem are not 8,001 levels.
_VOID = frozenset(b"area base br col embed hr img input link meta param source track wbr".split())
#: Elements whose end tag is optional: a new <li> closes the open <li>, a new <p> the open <p>.
_SELF_CLOSING_SIBLINGS = frozenset(b"li p td th tr dt dd option thead tbody tfoot".split())


def _too_deep(data: bytes) -> bool:
    """A page nested deeper than any real article (a hostile or broken page): refused before
    the parser recurses into it. Nesting is counted as a browser would: void elements and
    self-closed tags do not open a level, and an element whose end tag is optional (``li``,
    ``p``, ``td``...) is closed by the next one of its kind."""
    stack: list[bytes] = []
    open_count: dict[bytes, int] = {}
    for m in _TAG.finditer(data):
        closing, name, self_closed = m.group(1), m.group(2).lower(), m.group(3)
        if closing:
            if open_count.get(name):
                while stack:  # pop to the matching open tag (only when there is one: linear)
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == name:
                        break
            continue
        if name in _VOID or self_closed:
            continue
        if name in _SELF_CLOSING_SIBLINGS and stack and stack[-1] == name:
            continue  # the previous sibling closes: same depth
        stack.append(name)
        open_count[name] = open_count.get(name, 0) + 1
        if len(stack) > MAX_DEPTH * 4:
            return True
    return False


def parse_html(data: bytes, path: str, config: Config) -> Iterator[Article]:
    """One article per page; a page without an article is an input problem, not a crash."""
    if not data.strip():
        raise InputError("empty file")
    if b"\x00" in data[:4096]:
        raise InputError("binary file (contains NUL bytes)")
    if _too_deep(data):
        raise InputError(f"HTML nested too deeply to be an article (over {MAX_DEPTH * 4} open tags)")
    try:
        doc = _trafilatura().bare_extraction(data, with_metadata=True, include_comments=False,
                                             include_tables=False, url=None)
    except RecursionError:
        raise InputError("HTML nested too deeply to parse") from None
    except Exception as exc:  # noqa: BLE001 - trafilatura/lxml raise many kinds
        raise InputError(f"HTML could not be parsed ({type(exc).__name__}: {exc})") from None
    if doc is None:
        raise InputError("no article found in the HTML page")
    fields = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = fields.get("text") or ""
    if len(text.split()) < MIN_WORDS:
        raise InputError("no article found in the HTML page")
    return_fields = {k: fields[k] for k in ("sitename", "hostname", "language") if fields.get(k)}
    yield Article(text, path=path, title=fields.get("title") or None, byline=fields.get("author") or None,
                  date=fields.get("date") or None, url=fields.get("url") or None,
                  media_type="text/html", extracted=True, fields=return_fields,
                  origin=Origin(file=path, line_of=HtmlLineMap(data, text)))
