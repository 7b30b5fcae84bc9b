"""Where a finding is in the file the user has open, not only in the text newslint linted.

For ``.txt`` and ``.md`` files the linted text *is* the file, so a finding's line and column are
already right. For extracted inputs (a JSON Lines record, a record of a JSON file, the article
text trafilatura pulled out of an HTML page) the offsets index the extracted text; pointing an
editor, a code-scanning dashboard or a pull-request annotation at "line 45" of a five-line JSONL
feed is wrong. An :class:`Origin` records what is known about the source instead:

- the real file and the record id, kept apart (a ``#`` in a file name is never a separator);
- JSON Lines and JSON records: the line the record starts on;
- HTML: the source line of each extracted line, found by matching the extracted text against
  the page's text nodes (computed lazily, only when a finding asks for it).

When nothing is known the location is left out, and the record id stays available as a logical
location, rather than inventing a line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .article import Article
    from .findings import Finding

#: Characters of line shown either side of a finding in ``--show-source`` frames.
CONTEXT_CHARS = 70
_SPACES = re.compile(r"\s+")


@dataclass(slots=True)
class Origin:
    """Where an extracted article came from.

    ``line`` is the source line of the whole record (JSON Lines, JSON); ``line_of`` maps a line
    of the extracted text (1-based) to a source line, or None where it cannot be told (HTML).
    """

    file: str
    record: str | None = None
    line: int | None = None
    line_of: Callable[[int], int | None] | None = field(default=None, repr=False)

    def source_line(self, text_line: int) -> int | None:
        """The source-file line of a line of the extracted text, if known."""
        if self.line_of is not None:
            return self.line_of(text_line)
        return self.line


def locate(article: Article, findings: Iterable[Finding]) -> None:
    """Fill each finding's source line (extracted inputs) and its code-frame context.

    Called once per article by the ``Linter`` after the checks ran; cheap (a bisect per
    finding), so it is always done rather than only when a formatter asks.
    """
    origin: Origin | None = getattr(article, "origin", None)
    text = article.text
    for f in findings:
        if article.extracted:
            f.source_line = origin.source_line(f.line) if origin is not None else None
        else:
            f.source_line = f.line
        line_start = f.start - (f.column - 1)
        line_end = text.find("\n", f.start)
        line_end = len(text) if line_end < 0 else line_end
        if line_end > line_start and text[line_end - 1] == "\r":
            line_end -= 1
        lo = max(line_start, f.start - CONTEXT_CHARS)
        hi = min(line_end, max(f.end, f.start) + CONTEXT_CHARS)
        f.context = (text[lo:hi], f.start - lo, lo > line_start, hi < line_end)


def _normalise(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


class HtmlLineMap:
    """Source lines of an HTML page's text, for text extracted from it.

    The page is parsed with lxml (which knows each element's ``sourceline``); the text nodes are
    joined, whitespace-normalised, into one stream. An extracted line is located by finding its
    first words in that stream, searching forward from the previous match so repeated phrases
    map in order. Built on first use: most pages' findings never need it twice.
    """

    PROBE = 40

    def __init__(self, data: bytes, text: str) -> None:
        self._data: bytes | None = data
        self._lines = text.split("\n")
        self._map: list[int | None] | None = None

    def __call__(self, text_line: int) -> int | None:
        if self._map is None:
            self._map = self._build()
            self._data = None
        if 1 <= text_line <= len(self._map):
            return self._map[text_line - 1]
        return None

    def _nodes(self) -> tuple[str, list[tuple[int, int]]]:
        """The page's text stream and ``(stream offset, source line)`` for each text node."""
        import lxml.html

        assert self._data is not None
        try:
            root: Any = lxml.html.document_fromstring(self._data)
        except Exception:  # noqa: BLE001 - an unparsable page just has no line map
            return "", []
        parts: list[str] = []
        starts: list[tuple[int, int]] = []
        pos = 0
        for el in root.iter():
            if not isinstance(el.tag, str) or el.tag in ("script", "style", "head", "title"):
                tail_only = True
            else:
                tail_only = False
            line = el.sourceline or 0
            chunks = [] if tail_only else [el.text]
            for piece in (*chunks, el.tail):
                if not piece or not piece.strip():
                    continue
                norm = _normalise(piece)
                starts.append((pos, line))
                parts.append(norm)
                pos += len(norm) + 1
        return " ".join(parts), starts

    def _build(self) -> list[int | None]:
        from bisect import bisect_right

        stream, starts = self._nodes()
        offsets = [s for s, _ in starts]
        out: list[int | None] = []
        cursor = 0
        for raw in self._lines:
            probe = _normalise(raw)[: self.PROBE]
            if not probe or not stream:
                out.append(None)
                continue
            at = stream.find(probe, cursor)
            if at < 0:
                at = stream.find(probe)
            if at < 0:
                out.append(None)
                continue
            cursor = at + len(probe)
            out.append(starts[bisect_right(offsets, at) - 1][1] or None)
        return out


def json_record_starts(text: str) -> list[int] | None:
    """The offset each record of a JSON document starts at: a top-level list of records, or a
    single record; None for other shapes."""
    import json

    decoder = json.JSONDecoder()
    i = _skip_ws(text, 0)
    if i >= len(text):
        return None
    if text[i] == "{":
        return [i]
    if text[i] != "[":
        return None
    starts: list[int] = []
    i = _skip_ws(text, i + 1)
    while i < len(text) and text[i] != "]":
        starts.append(i)
        try:
            _, end = decoder.raw_decode(text, i)
        except ValueError:
            return None
        i = _skip_ws(text, end)
        if i < len(text) and text[i] == ",":
            i = _skip_ws(text, i + 1)
    return starts


def json_record_lines(text: str) -> list[int] | None:
    """The line each record of a JSON document starts on (see :func:`json_record_starts`)."""
    starts = json_record_starts(text)
    return None if starts is None else [text.count("\n", 0, s) + 1 for s in starts]


def json_body_line(text: str, start: int, body: str) -> int:
    """The line of a record's body string in a JSON document, searching from the record's
    start; the record's own line when the encoded body is not found (unusual escaping)."""
    import json

    for ensure_ascii in (False, True):
        probe = json.dumps(body[:60], ensure_ascii=ensure_ascii)[1:-1][:40]
        at = text.find(probe, start) if probe else -1
        if at >= 0:
            return text.count("\n", 0, at) + 1
    return text.count("\n", 0, start) + 1


def _skip_ws(text: str, i: int) -> int:
    n = len(text)
    while i < n and text[i] in " \t\r\n":
        i += 1
    return i
