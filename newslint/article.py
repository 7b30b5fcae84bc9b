"""The article, parsed once and shared by every check.

Everything derived from the text (lines, paragraphs, sentences, words, quotation spans) is
computed lazily, once, and cached on the instance, so that twenty checks asking for sentences
split the text once. An ``Article`` is linted by one thread at a time; the ``Linter`` that lints
it may be shared.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate
from typing import TYPE_CHECKING, Any, TypeVar

from .analysis.layout import DEFAULT_SETTINGS, Layout, LayoutSettings
from .text.segment import (
    LIST_MARKER,
    Sentence,
    Span,
    iter_lines,
    non_ascii,
    split_sentences,
    word_arrays,
)

if TYPE_CHECKING:
    from .locations import Origin

T = TypeVar("T")

_OPEN_QUOTES = "“«„"
_CLOSE_QUOTES = "”»"
_QUOTE_MARKS = '“«„”»"'
_HEADING_END = re.compile(r"[.!?,;:…\"”’)]$")
_MD_HEADING = re.compile(r"^#{1,6}\s+\S")


@dataclass(slots=True)
class Paragraph(Span):
    """A paragraph (a non-blank line, the way scraped and CMS text arrives).

    ``kind`` is a first guess shared by the checks: ``heading`` (short, unpunctuated, capitalised),
    ``list`` (starts with a bullet or number), or ``body``. ``blank_before``/``blank_after`` say
    whether a blank line separates it from its neighbours, which tells headings from wrapped text.
    """

    index: int
    kind: str
    blank_before: bool
    blank_after: bool

    @property
    def is_heading(self) -> bool:
        return self.kind == "heading"

    @property
    def is_list_item(self) -> bool:
        return self.kind == "list"


def classify_paragraph(text: str) -> str:
    """``heading``, ``list`` or ``body`` from the paragraph's shape alone."""
    if LIST_MARKER.match(text):
        return "list"
    if _MD_HEADING.match(text):
        return "heading"
    if text[:1].isupper() and not _heading_end(text) and len(text.split(None, 14)) <= 14 \
            and not text.startswith(("“", '"')):
        return "heading"  # (14 words at most: a split stopped after the 15th tells)
    return "body"


_HEADING_END_CHARS = tuple(".!?,;:…\"”’)")


def _heading_end(text: str) -> bool:
    """``_HEADING_END.search(text)``: asked before the words are counted, since a body
    paragraph usually ends with a full stop. ``$`` also matches before a final newline, which
    a paragraph (a stripped line) never has; other text is searched."""
    if text.endswith("\n"):
        return _HEADING_END.search(text) is not None
    return text.endswith(_HEADING_END_CHARS)


#: Attributes fixed at construction: every check sees the same article, so a check (a plugin's
#: above all) must not be able to rewrite it for the checks that run after it.
_READ_ONLY = frozenset({"text", "path", "title", "byline", "date", "url", "media_type", "extracted",
                        "fields"})


class Article:
    """An article's text and fields, with lazily computed structure.

    ``text`` is exactly what the contract's offsets index: the file as read, or the extracted
    text for HTML pages and CMS records (``extracted`` is then true). The fields are read-only
    once built (assigning one raises ``AttributeError``): one article is shared by every check.
    """

    def __init__(
        self,
        text: str,
        *,
        path: str | None = None,
        title: str | None = None,
        byline: str | None = None,
        date: str | None = None,
        url: str | None = None,
        media_type: str = "text/plain",
        extracted: bool = False,
        fields: Mapping[str, Any] | None = None,
        origin: Origin | None = None,
    ) -> None:
        self.text = text
        self.path = path
        self.title = title
        self.byline = byline
        self.date = date
        self.url = url
        self.media_type = media_type
        self.extracted = extracted
        self.fields: dict[str, Any] = dict(fields or {})
        #: How :attr:`layout` is computed; the ``Linter`` sets it from its configuration.
        self.layout_settings: LayoutSettings = DEFAULT_SETTINGS
        #: Where extracted text came from in its file (record id, source lines); None for raw text.
        self.origin = origin
        self._memo: dict[str, Any] = {}

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _READ_ONLY and "_memo" in self.__dict__:
            raise AttributeError(f"Article.{name} is read-only: every check shares this article")
        object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        return f"Article(path={self.path!r}, chars={len(self.text)})"

    def with_text(self, text: str) -> Article:
        """The same article (path, title, byline, date, url, media type, fields) with another
        text, and no cached analysis: what ``--fix`` lints after each pass of edits."""
        return Article(text, path=self.path, title=self.title, byline=self.byline, date=self.date,
                       url=self.url, media_type=self.media_type, extracted=self.extracted,
                       fields=self.fields, origin=self.origin)

    # -- structure -------------------------------------------------------------------------

    @cached_property
    def lines(self) -> list[Span]:
        """Every line, blank ones included, without newline characters."""
        return list(iter_lines(self.text))

    @cached_property
    def _line_starts(self) -> list[int]:
        """Where each of :attr:`lines` starts: a running sum of the raw lines' lengths, in C
        (no span per line: only ``--fix`` and suppression comments read the lines themselves)."""
        text = self.text
        starts = list(accumulate(map(len, text.splitlines(True)), initial=0))
        if text and not text.endswith(("\n", "\r")):
            starts.pop()  # (``lines`` ends with an empty line only after a final line break)
        return starts

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """Non-blank lines, stripped, with a first guess at their kind."""
        spans: list[tuple[int, str, bool]] = []  # start, stripped text, blank line before
        blank = True
        at = 0
        # The raw lines, line breaks included (they are white space: stripping a raw line is
        # stripping the line), read without a span per line.
        for raw in self.text.splitlines(True):
            stripped = raw.strip()
            if stripped:
                spans.append((at + len(raw) - len(raw.lstrip()), stripped, blank))
                blank = False
            else:
                blank = True
            at += len(raw)
        out = []
        last = len(spans) - 1
        for i, (start, text, blank_before) in enumerate(spans):
            out.append(Paragraph(start, start + len(text), text, i, classify_paragraph(text),
                                 blank_before, i == last or spans[i + 1][2]))
        return out

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences of every paragraph, in text order."""
        out: list[Sentence] = []
        for para in self.paragraphs:
            out.extend(split_sentences(para.text, para.start, para.index))
        return out

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset``."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset <= self.sentences[i].end:
            return self.sentences[i]
        return None

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentences_of(self, paragraph: Paragraph) -> list[Sentence]:
        """The sentences of one paragraph."""
        return self._sentences_by_paragraph[paragraph.index]

    @cached_property
    def _sentences_by_paragraph(self) -> list[list[Sentence]]:
        out: list[list[Sentence]] = [[] for _ in self.paragraphs]
        for sentence in self.sentences:
            out[sentence.paragraph].append(sentence)
        return out

    @cached_property
    def _word_arrays(self) -> tuple[list[int], list[int], list[str]]:
        return word_arrays(self.text)

    @cached_property
    def words(self) -> list[Span]:
        """Word tokens of the whole text."""
        return list(map(Span, *self._word_arrays))

    @cached_property
    def word_starts(self) -> list[int]:
        """Where each of :attr:`words` starts (sorted): bisect it to find the words of a range."""
        return self._word_arrays[0]

    @cached_property
    def word_ends(self) -> list[int]:
        """Where each of :attr:`words` ends."""
        return self._word_arrays[1]

    @cached_property
    def word_texts(self) -> list[str]:
        """The text of each of :attr:`words`, without a span per word: for counting and
        membership (``Counter(article.word_texts)``, ``word in article.word_set``)."""
        return self._word_arrays[2]

    @cached_property
    def word_set(self) -> frozenset[str]:
        """The distinct word texts, as written (case kept)."""
        return frozenset(self._word_arrays[2])

    @cached_property
    def word_counts(self) -> Counter[str]:
        """How often each word text appears, as written (case kept). Shared: do not modify."""
        return Counter(self._word_arrays[2])

    @cached_property
    def word_count(self) -> int:
        return len(self._word_arrays[2])

    @cached_property
    def layout(self) -> Layout:
        """Page layout: furniture lines, where the body ends, which paragraphs are prose
        (computed once, on first use, with :attr:`layout_settings`)."""
        return Layout(self, self.layout_settings)

    # -- quotations ------------------------------------------------------------------------

    @cached_property
    def quote_marks(self) -> list[int]:
        """Offsets of every double quotation mark (“ « „ ” » and the straight ``"``) in the text,
        in order. Shared by :attr:`quotes` and the quotation checks.

        Found with ``str.find`` per mark (only the curly ones among the text's non-ASCII
        characters are looked for): a regular expression's character class tried at every
        character cost ~60 instructions a character, and two readers scanned each paragraph."""
        text = self.text
        marks: list[int] = []
        others = "" if text.isascii() else non_ascii(text)
        for mark in _QUOTE_MARKS:
            if mark != '"' and mark not in others:
                continue
            at = text.find(mark)
            while at >= 0:
                marks.append(at)
                at = text.find(mark, at + 1)
        marks.sort()
        return marks

    @cached_property
    def quotes(self) -> list[Span]:
        """Direct quotations, marks included. A quotation left open runs to the end of its
        paragraph (the convention for quotes that continue into the next paragraph)."""
        marks = self.quote_marks
        if not marks:
            return []
        spans: list[Span] = []
        text = self.text
        at = 0
        for para in self.paragraphs:
            at = bisect_left(marks, para.start, at)
            stop = bisect_left(marks, para.end, at)
            if at < stop:
                spans.extend(_quote_spans(text, para.start, para.end, marks[at:stop]))
                at = stop
        return spans

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [q.start for q in self.quotes]

    def quote_at(self, offset: int) -> Span | None:
        """The quotation containing ``offset``, if any."""
        i = bisect_right(self._quote_starts, offset) - 1
        if i >= 0 and self.quotes[i].start <= offset < self.quotes[i].end:
            return self.quotes[i]
        return None

    def in_quote(self, start: int, end: int | None = None) -> bool:
        """Whether ``text[start:end]`` lies inside a direct quotation."""
        q = self.quote_at(start)
        return q is not None and (end is None or end <= q.end)

    # -- positions -------------------------------------------------------------------------

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a code-point offset."""
        i = bisect_right(self._line_starts, offset) - 1
        i = max(i, 0)
        return i + 1, offset - self._line_starts[i] + 1

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph containing ``offset``."""
        starts = self._paragraph_starts
        i = bisect_right(starts, offset) - 1
        if i >= 0 and offset <= self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    # -- sharing analyses between checks ---------------------------------------------------

    def memo(self, key: str, factory: Callable[[Article], T]) -> T:
        """Compute an analysis once per article and share it between checks.

        Two checks that both need, say, the page-chrome lines call
        ``article.memo("names", find_names)`` and the second gets the first one's result.
        """
        if key not in self._memo:
            self._memo[key] = factory(self)
        return self._memo[key]

    def release(self) -> None:
        """Drop every derived analysis (the cached structure and the :meth:`memo` entries);
        reading one afterwards computes it again.

        The analyses refer back to their article (the layout holds it, memo entries hold
        closures over it), so an article dropped with them is freed only by the cyclic garbage
        collector: each lint left ~200 containers for it, the collector ran twice as often
        and moved whole analyses into its older generations before freeing them. The linter
        releases the articles it makes itself once their report is built, so reference
        counting frees them at once."""
        d = self.__dict__
        for name in _cached_names(type(self)):
            d.pop(name, None)
        self._memo.clear()


_CACHED_NAMES: dict[type, tuple[str, ...]] = {}


def _cached_names(cls: type) -> tuple[str, ...]:
    """The ``cached_property`` names of an article class and its bases (found once a class)."""
    names = _CACHED_NAMES.get(cls)
    if names is None:
        names = tuple({name for klass in cls.__mro__ for name, value in vars(klass).items()
                       if isinstance(value, cached_property)})
        _CACHED_NAMES[cls] = names
    return names


def _quote_spans(text: str, start: int, end: int, marks: list[int]) -> list[Span]:
    """Quotation spans of the paragraph ``text[start:end]`` whose quotation marks are at
    ``marks``. Curly and straight marks may pair with each other (scraped copy mixes them:
    “...," and "...”); a straight mark opens a quotation only when shaped like an opener
    (after a space or bracket, before a letter; the paragraph's edges count as spaces), else
    it closes one."""
    spans: list[Span] = []
    open_at: int | None = None
    for i in marks:
        ch = text[i]
        if ch in _OPEN_QUOTES:
            if open_at is None:
                open_at = i
        elif open_at is not None:
            spans.append(Span(open_at, i + 1, text[open_at:i + 1]))
            open_at = None
        elif ch == '"':
            prev = text[i - 1] if i > start else " "
            nxt = text[i + 1] if i + 1 < end else " "
            if (prev.isspace() or prev in "([{—–-/:") and not nxt.isspace():
                open_at = i
    if open_at is not None:
        spans.append(Span(open_at, end, text[open_at:end]))
    return spans
