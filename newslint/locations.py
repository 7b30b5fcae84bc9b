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
    and column of the extracted text (1-based) to a source line, or None where it cannot be told
    (HTML).
    """

    file: str
    record: str | None = None
    line: int | None = None
    line_of: Callable[[int, int], int | None] | None = field(default=None, repr=False)
    #: JSON records: the column where the body string's content starts on ``line``, and whether
    #: the file escapes non-ASCII characters (``\u00e9``); then a finding's column in the file is
    #: exact (the JSON encoding of the text before it, counted).
    column: int | None = None
    ascii_escapes: bool = False
    #: JSON records: the JSON text holding the record (a JSON Lines line, or the whole
    #: document) and where the record starts in it. The body's line and column are found from
    #: it only when a finding asks (:meth:`resolve`), so records without findings cost nothing.
    json_text: str | None = field(default=None, repr=False)
    json_start: int = 0

    def resolve(self, body: str) -> None:
        """Find the body's line and column in ``json_text`` (once)."""
        if self.json_text is None:
            return
        rel, self.column, self.ascii_escapes = json_body_position(self.json_text, self.json_start, body)
        self.line = rel if self.line is None else self.line + rel - 1
        self.json_text = None

    def position(self, text: str, offset: int) -> int | None:
        """The file column of ``text[offset]`` for a JSON record body, if known."""
        if self.column is None:
            return None
        import json

        return self.column + len(json.dumps(text[:offset], ensure_ascii=self.ascii_escapes)) - 2

    def source_line(self, text_line: int, column: int = 1) -> int | None:
        """The source-file line of a position in the extracted text, if known."""
        if self.line_of is not None:
            return self.line_of(text_line, column)
        return self.line


def locate(article: Article, findings: Iterable[Finding]) -> None:
    """Fill each finding's source line (extracted inputs) and its code-frame context.

    Called once per article by the ``Linter`` after the checks ran; cheap (a bisect per
    finding), so it is always done rather than only when a formatter asks.
    """
    origin: Origin | None = getattr(article, "origin", None)
    text = article.text
    findings = list(findings)
    if findings and origin is not None:
        origin.resolve(text)
    for f in findings:
        if article.extracted:
            f.source_line = origin.source_line(f.line, f.column) if origin is not None else None
            if origin is not None and origin.column is not None:
                f.source_column = origin.position(text, f.start)
                f.source_end_column = origin.position(text, f.end)
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


#: Markers the extractor puts before a line that are not in the page's text (list bullets,
#: heading and quote marks, table bars).
_LINE_MARKERS = re.compile(r"^(?:[-*+•>#|]+\s+|\d+[.)]\s+)+")


class HtmlLineMap:
    """Source lines of an HTML page's text, for text extracted from it.

    The page is parsed with lxml (which knows each element's ``sourceline``); the text nodes are
    joined, whitespace-normalised, into one stream. An extracted line is located by finding its
    first words in that stream (or, failing that, words from its middle), searching forward
    from the previous match so repeated phrases map in order; a position further into the line
    is followed into the text node, counting the node's own line breaks, because one ``<p>`` of
    a page may span many source lines. Built on first use.
    """

    PROBE = 40

    def __init__(self, data: bytes, text: str) -> None:
        self._data: bytes | None = data
        self._lines = text.split("\n")
        self._built = False
        self._stream = ""
        self._starts: list[int] = []
        self._nodes: list[tuple[int, str]] = []
        self._line_at: list[int | None] = []

    def __call__(self, text_line: int, column: int = 1) -> int | None:
        if not self._built:
            self._build()
        if not 1 <= text_line <= len(self._line_at):
            return None
        at = self._line_at[text_line - 1]
        if at is None:
            return None
        raw = self._lines[text_line - 1]
        offset = len(_normalise(raw[: max(0, column - 1)] + "x")) - 1  # normalised chars before it
        return self._line_of_stream(min(at + max(0, offset), len(self._stream) - 1))

    def _line_of_stream(self, pos: int) -> int | None:
        from bisect import bisect_right

        k = bisect_right(self._starts, pos) - 1
        if k < 0:
            return None
        line, raw = self._nodes[k]
        if not line:
            return None
        # Walk the node's raw text to the normalised offset, counting line breaks on the way: a
        # run of whitespace is one normalised space.
        want = pos - self._starts[k]
        seen = breaks = 0
        in_space = False
        for ch in raw:
            if ch.isspace():
                if not in_space:
                    if seen >= want:
                        break
                    seen += 1
                    in_space = True
                breaks += ch == "\n"
            else:
                if seen >= want:
                    break
                seen += 1
                in_space = False
        return line + breaks

    def _collect(self) -> None:
        """The page's text stream, with each text node's start offset, source line and raw text."""
        import lxml.html

        assert self._data is not None
        try:
            root: Any = lxml.html.document_fromstring(self._data)
        except Exception:  # noqa: BLE001 - an unparsable page just has no line map
            return
        parts: list[str] = []
        pos = 0
        for el in root.iter():
            skip_text = not isinstance(el.tag, str) or el.tag in ("script", "style", "head", "title")
            line = el.sourceline or 0
            for piece, piece_line in ((None if skip_text else el.text, line), (el.tail, _tail_line(el))):
                if not piece or not piece.strip():
                    continue
                lead = piece[: len(piece) - len(piece.lstrip())]
                norm = _normalise(piece)
                self._starts.append(pos)
                self._nodes.append((piece_line + lead.count("\n") if piece_line else 0, piece.lstrip()))
                parts.append(norm)
                pos += len(norm) + 1
        self._stream = " ".join(parts)

    def _build(self) -> None:
        self._built = True
        self._collect()
        self._data = None
        cursor = 0
        for raw in self._lines:
            self._line_at.append(self._find(raw, cursor))
            if self._line_at[-1] is not None:
                cursor = self._line_at[-1]

    def _find(self, raw: str, cursor: int) -> int | None:
        """Stream offset of an extracted line's start, or None."""
        text = _normalise(raw)
        marker = _LINE_MARKERS.match(text)
        skipped = marker.end() if marker else 0
        body = text[skipped:]
        if not body or not self._stream:
            return None
        probe = body[: self.PROBE]
        for start in (cursor, 0):
            at = self._stream.find(probe, start)
            if at >= 0:
                return max(0, at - skipped)
        if len(body) > 2 * self.PROBE:  # the start differs (joined nodes): try from the middle
            mid = len(body) // 2
            probe = body[mid: mid + self.PROBE]
            for start in (cursor, 0):
                at = self._stream.find(probe, start)
                if at >= 0:
                    return max(0, at - mid - skipped)
        return None


def _tail_line(el: Any) -> int:
    """The source line a node's tail text starts on: the line of the element's last descendant
    (lxml records only start lines; the tail follows the element's end)."""
    last = el
    while len(last):
        last = last[-1]
    return int(last.sourceline or el.sourceline or 0)


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


def json_body_position(text: str, start: int, body: str) -> tuple[int, int | None, bool]:
    """``(line, column, ascii_escapes)`` of a record's body string in a JSON document, searching
    from the record's start. The column (of the string's first character, 1-based) is given
    only when the whole body is found encoded as newslint would encode it, so that columns
    inside it can be computed exactly; otherwise the line of its first words, or the record's
    own line."""
    import json

    for ensure_ascii in (False, True):
        encoded = json.dumps(body, ensure_ascii=ensure_ascii)[1:-1]
        at = text.find(encoded, start) if encoded else -1
        if at >= 0:
            line_start = text.rfind("\n", 0, at) + 1
            return text.count("\n", 0, at) + 1, at - line_start + 1, ensure_ascii
    for ensure_ascii in (False, True):
        probe = json.dumps(body[:60], ensure_ascii=ensure_ascii)[1:-1][:40]
        at = text.find(probe, start) if probe else -1
        if at >= 0:
            return text.count("\n", 0, at) + 1, None, False
    return text.count("\n", 0, start) + 1, None, False


def _skip_ws(text: str, i: int) -> int:
    n = len(text)
    while i < n and text[i] in " \t\r\n":
        i += 1
    return i
