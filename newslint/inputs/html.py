"""HTML pages: the article is extracted with trafilatura (the field's best extractor) and the
extracted text is linted; title, byline, date and URL become article fields."""

from __future__ import annotations

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


def _too_deep(data: bytes) -> bool:
    """A page nested deeper than any real article (a hostile or broken page): refused before
    the parser recurses into it."""
    depth = peak = 0
    for i in range(len(data) - 1):
        if data[i] == 0x3C:  # '<'
            nxt = data[i + 1]
            if nxt == 0x2F:  # '</'
                depth = max(0, depth - 1)
            elif 0x41 <= nxt <= 0x7A:  # '<tag'
                depth += 1
                peak = max(peak, depth)
                if peak > MAX_DEPTH * 4:
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
