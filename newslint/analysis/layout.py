"""Page layout of an article: which lines are page furniture, where the body ends, which
paragraphs are prose. Computed once per article (``article.layout``), configured once per
``Linter`` (:class:`LayoutSettings`), and the only place that defines terminal punctuation
(:data:`TERMINAL`) and a finished prose paragraph (:func:`is_finished_prose`).

Every paragraph is judged on four kinds of evidence:

* vocabulary: a word list of furniture phrases (``checks/boilerplate/data/boilerplate.txt``,
  adjustable with the ``word-lists`` config table, extendable per site), matched against the WHOLE short line, or against every sentence of a short paragraph at
  the page edges, so a phrase quoted or used inside a normal sentence never counts;
* shape: breadcrumb separators (``Home » world »``), a bare domain in a short promo line, a
  bar of ``|``-separated short fields (``Name | Contributing Writer | 5 days ago``);
* position: furniture comes in runs at the top and the bottom of the page. A short unpunctuated
  line next to furniture at the top, in the trailing region after the last prose paragraph, or
  sandwiched between two furniture lines anywhere, joins the run;
* the learned line model (:mod:`newslint.analysis.furniture`): a logistic regression over the
  line's shape, words and neighbours, trained on real pages of other sites; and, in a run over
  many articles, the lines that recur across articles of one source
  (:mod:`newslint.analysis.batch`).

A furniture phrase glued to the start or end of a body paragraph ("... the vote. Continue
reading below") is reported on its own span (:attr:`Layout.partial`). Linear in the number of
paragraphs.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import wordlists
from ..text.tokens import looks_like_address
from . import furniture as model_mod
from .furniture import (
    CREDIT,
    KIND_LABELS,
    PROMO_SENTENCE,
    TERMINAL,
    ends_sentence,
    fold,
    kind_of,
    need_literals,
)

if TYPE_CHECKING:
    from ..article import Article, Paragraph, Span
    from .batch import FurnitureMemory

__all__ = ["TERMINAL", "Furniture", "Layout", "LayoutSettings", "Phrases", "is_finished_prose", "layout_settings",
           "phrase_match", "phrases", "vocabulary"]

_lock = threading.Lock()
_vocab: dict[tuple[tuple[str, ...], ...], re.Pattern[str]] = {}
MAX_CHROME_WORDS = 16
#: Longer lines are never matched against the vocabulary (bounds the regex work per line).
MAX_CHROME_CHARS = 300
#: Longer lines are never judged by the line model (furniture is short; prose is what it spares).
MAX_MODEL_WORDS = 40
#: Words of a finished prose paragraph.
PROSE_WORDS = 8
_BREADCRUMB = re.compile(r"\s[»›>|/]\s")
_CRUMB_MARKS = "»›>|/"
#: Headers of related-content lists: the lines under them are links, whatever their case.
_LIST_HEADER = re.compile(
    r"^\W*(?:story timeline|(?:related|recommended|more|popular|trending|latest|top)(?: (?:stories|"
    r"articles|posts|news|reading|videos|coverage|links|headlines))?|you (?:may|might) also like|"
    r"(?:also|further) read(?:ing)?|read (?:more|next)|more (?:from|on) .{1,40}|see also)\W*$", re.IGNORECASE)
#: The link line under a related-story headline ("Robert Gates criticises ... / Read more").
_READ_MORE = re.compile(r"^\W*(?:read|see|watch) (?:more|the story|full story)\W*$", re.IGNORECASE)
#: Share and follow buttons that become lines of their own: furniture only in a run (two
#: together, or next to other furniture), never alone between body paragraphs.
BUTTONS = frozenset({"facebook", "twitter", "pinterest", "whatsapp", "google", "google+", "linkedin",
                     "reddit", "tumblr", "telegram", "pocket", "skype", "email", "print", "more",
                     "follow", "share", "tweet", "instagram", "youtube", "messenger", "sms"})
_LONGEST_BUTTON = max(map(len, BUTTONS))
#: Paragraphs at each edge of the page where a whole paragraph of widget sentences is furniture.
TOP_EDGE = 3
BOTTOM_EDGE = 6
_QUOTE_OPEN = ("“", '"')


#: White space that is neither a space nor a line boundary (``str.splitlines`` splits at the others,
#: so no paragraph holds them): what :func:`word_counts` looks for before counting spaces.
ODD_SPACES = "\t\x1f\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"


def word_counts(text: str, paragraphs: Sequence[Paragraph]) -> list[int]:
    """``[len(p.text.split()) for p in paragraphs]`` of the paragraphs of ``text``, without
    splitting: a paragraph is stripped and holds no line boundary, so when the text holds no
    other white space than spaces and newlines and no two spaces in a row, a paragraph's words are
    its spaces plus one, counted in C (splitting every paragraph into words, to count them, was a
    tenth of the layout's work). Any other text is split."""
    if "  " in text or any(ch in text for ch in ODD_SPACES):
        return [len(p.text.split()) for p in paragraphs]
    count = text.count
    return [count(" ", p.start, p.end) + 1 for p in paragraphs]


def is_finished_prose(text: str) -> bool:
    """A paragraph of finished prose: eight words or more ending in terminal punctuation."""
    return ends_sentence(text) and len(text.split()) >= PROSE_WORDS


#: The furniture vocabulary: a ``regex`` word list (``checks/boilerplate/data/boilerplate.txt``).
WORD_LIST = "boilerplate/boilerplate"


def _fragments(key: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]) -> list[str]:
    """The vocabulary's regex fragments: the word list adjusted by ``extend``/``remove``, then a
    site's extra phrases escaped as literal text."""
    own = wordlists.load(WORD_LIST).adjusted(key[1], key[2])
    return list(own) + [re.escape(p.strip()) for p in key[0] if p.strip()]


def _whole_line(fragments: Iterable[str]) -> str:
    """The pattern of a whole line that is one of ``fragments`` (matched case-insensitively)."""
    # At most 40 leading marks: an unbounded \W* was backtracked over, with every phrase tried
    # at each step, on a long line of dashes or quotes.
    return r"^\W{0,40}(?:" + "|".join(f"(?:{p})" for p in fragments) + r")\W*$"


def vocabulary(extra: Iterable[str] = (), extend: Iterable[str] = (), remove: Iterable[str] = ()) -> re.Pattern[str]:
    """The furniture vocabulary, adjusted by the ``word-lists`` config table (``extend`` regex
    fragments, ``remove`` entries), plus a site's extra phrases (literal text); compiled once per set.
    The layout matches lines through :func:`phrases` (the same vocabulary, indexed)."""
    key = (tuple(extra), tuple(extend), tuple(remove))
    if key not in _vocab:
        with _lock:
            if key not in _vocab:
                _vocab[key] = re.compile(_whole_line(_fragments(key)), re.IGNORECASE)
    return _vocab[key]


#: The run of non-word characters a line opens with (the vocabulary's ``^\W{0,40}``).
_LEADING_MARKS = re.compile(r"\W*")
_MAX_LEADING_MARKS = 40


class Phrases:
    """The furniture vocabulary indexed by the first character of its phrases: what
    ``vocabulary(...).match(line)`` says, at a fraction of the cost.

    Why: ``re`` tries every phrase of a case-insensitive alternation at the start of a line, and
    a phrase opening with ``.*`` ("... view full size image") scans the whole line, so a line
    that is no phrase (nearly every line asked) cost ~5 us, ~2,500 lines a pass. The characters
    a phrase's matches can start with are read off its parse tree
    (:func:`newslint.prefilter.first_characters`), folded as ``re.IGNORECASE`` compares them
    (:func:`newslint.prefilter.fold`). The leading ``^\\W{0,40}`` only skips marks, so a phrase
    starts at a position up to the line's first word character (and at most 40): a phrase can
    match only if the character there is one of its first characters. Phrases are grouped by
    first character, one pattern per group (compiled with the index), and a line tries the groups
    of its first few characters (usually one). The other phrases ("floating": the first
    character is unknown, as after ``.*`` or ``\\d``, or the phrase can be empty) make one
    pattern tried on every line, unless the caller knows the article holds none of what they
    need (:meth:`floating_in`). The answer is the full alternation's: a whole-line match is a
    match of one of its phrases, and the phrases not tried cannot match (the tests compare the
    two on every vendored line)."""

    def __init__(self, fragments: Sequence[str]) -> None:
        from .. import regex_cache
        from ..prefilter import fold

        by_first, floating = regex_cache.derived(_first_groups, tuple(fragments), depends=("newslint.prefilter",))
        self._by_first: dict[str, list[str]] = by_first
        # Compiled now, not on first use: a ``Linter`` builds its vocabulary before any worker
        # process forks, so the patterns are compiled (and stored by ``regex_cache``) once, not
        # in every worker on its first lines (~0.3 ms a group).
        self._groups: dict[str, re.Pattern[str] | None] = {
            first: re.compile(_whole_line(group), re.IGNORECASE) for first, group in by_first.items()}
        #: A line's first character, as written, to its group (or :data:`_MARKS`).
        self._by_char: dict[str, tuple[re.Pattern[str], int, dict[str, tuple[str, ...]] | None] | object | None] = {
            "": None}
        #: The floating phrases as one whole-line pattern (None: there are none).
        self.floating: re.Pattern[str] | None = re.compile(_whole_line(floating), re.IGNORECASE) if floating else None
        self._fold = fold
        if self.floating is not None:
            from ..prefilter import gate

            gate(self.floating)  # read now, for the same reason (:meth:`floating_in`)
        #: A group's key to what a line must start with (folded) for one of its phrases to
        #: match it (:func:`_group_heads`; None: unknown, the group is always tried).
        self._heads: dict[str, tuple[str, ...] | None] = regex_cache.derived(
            _group_heads, tuple(fragments), depends=("newslint.prefilter",))
        #: Every group's heads by their first three characters, when each group has heads of three
        #: characters or more (else None): a line opening with ASCII letters or digits whose first
        #: characters, lowered as ``re.IGNORECASE`` folds them, start with none of these is no
        #: phrase of a group (the floating phrases aside). Two look-ups before :meth:`match`
        #: (:meth:`match_opening`).
        self.starts: dict[str, tuple[str, ...]] | None = None
        if all(heads is not None and min(map(len, heads), default=3) >= 3 for heads in self._heads.values()):
            self.starts = {}
            for heads in self._heads.values():
                for head in heads or ():
                    self.starts[head[:3]] = (*self.starts.get(head[:3], ()), head)
        #: What every match of a floating phrase holds (:func:`~newslint.analysis.furniture.need_literals`:
        #: "comment", "view full size image"...), tested on the folded line before the pattern,
        #: whose ``.*`` and ``\\S*`` walk the whole line back and forth.
        self._floating_needs = need_literals(self.floating) if self.floating is not None else None

    def _group(self, first: str) -> re.Pattern[str] | None:
        """The whole-line pattern of the phrases that can start with ``first`` (folded)."""
        try:
            return self._groups[first]
        except KeyError:
            fragments = self._by_first.get(first)
            found = re.compile(_whole_line(fragments), re.IGNORECASE) if fragments else None
            with _lock:
                self._groups.setdefault(first, found)
            return found

    def _of_char(self, ch: str) -> tuple[re.Pattern[str], int, dict[str, tuple[str, ...]] | None] | object | None:
        """What a line opening with ``ch`` tries (memoised by the character as written): its
        group and the group's heads (:func:`_group_heads`), or :data:`_MARKS` for a mark (the
        leading marks are read)."""
        found: tuple[re.Pattern[str], int, dict[str, tuple[str, ...]] | None] | object | None = _MARKS
        if ch.isalnum() or ch == "_":
            key = self._fold(ch)
            pattern = self._group(key)
            heads = self._heads.get(key)
            if pattern is None:
                found = None
            elif heads is None:
                found = (pattern, 0, None)
            else:
                short = min(map(len, heads))
                by_short: dict[str, tuple[str, ...]] = {}
                for head in heads:
                    by_short[head[:short]] = (*by_short.get(head[:short], ()), head)
                found = (pattern, short, by_short)
        with _lock:
            self._by_char.setdefault(ch, found)
        return found

    def floating_in(self, article: Article) -> bool:
        """Whether a floating phrase can match some line of ``article`` (False when the article
        lacks a word or string each of them needs: :func:`newslint.prefilter.may_match`)."""
        from ..prefilter import may_match as article_may_match

        return self.floating is not None and article_may_match(self.floating, article)

    def match(self, text: str, floating: bool = True) -> bool:
        """Whether the whole of ``text`` is a furniture phrase; ``floating``: whether the floating
        phrases are tried (:meth:`floating_in` of the line's article)."""
        first = text[:1]
        group = self._by_char.get(first, _UNSEEN)
        if group is _UNSEEN:
            group = self._of_char(first)
        if group is _MARKS:
            # Leading marks: a phrase may start at any of them (a "(" or "%" opening it) or at
            # the first word character after them, within the 40 marks the pattern skips.
            start = min(_LEADING_MARKS.match(text).end(), _MAX_LEADING_MARKS)  # type: ignore[union-attr]
            folded = self._fold(text[:start + _HEAD])
            for ch in dict.fromkeys(folded[:start + 1]):
                pattern = self._group(ch)
                if pattern is None:
                    continue
                heads = self._heads.get(ch)
                # (A phrase starts at one of the marks or at the first word character.)
                if (heads is None or any(folded.startswith(heads, at) for at in range(start + 1))) \
                        and pattern.match(text):
                    return True
        elif group is not None:
            # The group's phrases start with a few known heads ("the post", "tags", "trust"): a
            # line that starts with none of them (most lines) is no match, without the match.
            short: int
            by_short: dict[str, tuple[str, ...]] | None
            pattern, short, by_short = group  # type: ignore[misc]
            if by_short is not None:
                head = text[:_HEAD]
                head = head.lower() if head.isascii() else self._fold(head)
                # (The heads by their first ``short`` characters: one look-up rules most lines out.)
                found = by_short.get(head[:short])
                if found is None or not head.startswith(found):
                    pattern = None
            if pattern is not None and pattern.match(text):
                return True
        return floating and self.floating_match(text)

    def match_opening(self, text: str, floating: bool = True) -> bool:
        """:meth:`match`, with the groups ruled out first by :attr:`starts` when ``text`` opens
        with an ASCII letter or digit: two look-ups rule out most sentences of prose, which
        :attr:`Layout.partial` asks of every paragraph."""
        starts = self.starts
        if starts is None or not (opening := text[:_HEAD]).isascii() or not opening[:1].isalnum() \
                or opening.lower().startswith(starts.get(opening[:3].lower(), ())):
            return self.match(text, floating)
        return floating and self.floating_match(text)

    def floating_match(self, text: str) -> bool:
        """Whether the whole of ``text`` is a floating phrase (:meth:`match` tries them last)."""
        if self.floating is None:
            return False
        # (What every floating match holds, in the folded line, before the pattern.)
        needs = self._floating_needs
        if needs is not None:
            folded = text.lower() if text.isascii() else fold(text)  # (what fold does of ASCII)
            for need in needs:
                if need in folded:
                    break
            else:
                return False
        return self.floating.match(text) is not None


#: :meth:`Phrases.match`'s memo markers: a character not seen yet, and a mark.
_UNSEEN = object()
_MARKS = object()


def _first_groups(fragments: tuple[str, ...]) -> tuple[dict[str, list[str]], list[str]]:
    """The fragments by the (folded) characters their matches can start with, and the floating
    ones (:class:`Phrases`): a pure function of the fragments, read off their parse trees, so
    ``regex_cache.derived`` keeps it from run to run (75 parses: ~3 ms a process)."""
    from re import _parser  # type: ignore[attr-defined]

    from ..prefilter import first_characters, fold

    by_first: dict[str, list[str]] = {}
    floating: list[str] = []
    for fragment in fragments:
        try:
            found = first_characters(list(_parser.parse(fragment, re.IGNORECASE)))
        except (re.error, RecursionError):
            found = None
        if found is None or found[1] or not found[0]:
            floating.append(fragment)
            continue
        for first in sorted({fold(c) for c in found[0]}):
            by_first.setdefault(first, []).append(fragment)
    return by_first, floating


#: Characters of a phrase's start that :func:`_group_heads` reads (a line's first word, mostly).
_HEAD = 8
#: The most heads read of one phrase before it is called unknown.
_MAX_HEADS = 256


def _group_heads(fragments: tuple[str, ...]) -> dict[str, tuple[str, ...] | None]:
    """For each group of :class:`Phrases` (the folded first character of its phrases), the folded
    strings of up to :data:`_HEAD` characters one of which every match of one of its phrases starts
    with (:func:`_heads`), or None when a phrase's are unknown or only one character long (the
    group's key says as much). A line of the group starts at its first character (a word
    character: ``^\\W{0,40}`` skips none), so a line whose first characters (folded) start with none
    of them matches none of the group's phrases. Pure: kept from run to run."""
    from re import _parser  # type: ignore[attr-defined]

    by_first, _floating = _first_groups(fragments)
    out: dict[str, tuple[str, ...] | None] = {}
    for key, group in by_first.items():
        heads: set[str] | None = set()
        for fragment in group:
            try:
                found = _heads(list(_parser.parse(fragment, re.IGNORECASE)))
            except (re.error, RecursionError):
                found = None
            if found is None or any(len(head) <= 1 for head in found):
                heads = None
                break
            heads |= found  # type: ignore[operator]
        # (A phrase is in the group of each character it may start with: a line of this group
        # starts with the key, so only the heads starting with it can be its start.)
        out[key] = tuple(sorted(h for h in heads if h[:1] == key)) if heads is not None else None
    return out


def _heads(items: list[Any]) -> set[str] | None:
    """The folded strings of up to :data:`_HEAD` characters, one of which every match of the
    parsed pattern ``items`` starts with (a shorter one where the pattern may end or goes on with
    something unknown: a class of letters, ``.``, ``\\w``), or None past :data:`_MAX_HEADS`.
    Zero-width items (``\\b``, look-arounds) are skipped: they only narrow the matches."""
    from re import _constants as c  # type: ignore[attr-defined]

    from ..prefilter import fold

    out: set[str] = set()
    steps = [0]

    def walk(rest: list[Any], head: str) -> None:
        steps[0] += 1
        if len(out) > _MAX_HEADS or steps[0] > 20 * _MAX_HEADS:
            raise RecursionError("too many heads")
        if len(head) >= _HEAD or not rest:
            out.add(head[:_HEAD])
            return
        (op, av), tail = rest[0], rest[1:]
        if op is c.LITERAL:
            walk(tail, head + fold(chr(av)))
        elif op is c.IN and all(kind in (c.LITERAL, c.RANGE) for kind, _ in av) \
                and sum(1 if kind is c.LITERAL else value[1] - value[0] + 1 for kind, value in av) <= 32:
            chars = {fold(chr(value)) for kind, value in av if kind is c.LITERAL}
            chars |= {fold(chr(code)) for kind, value in av if kind is c.RANGE for code in range(value[0], value[1] + 1)}
            for ch in sorted(chars):
                walk(tail, head + ch)
        elif op is c.SUBPATTERN:
            walk(list(av[-1]) + tail, head)
        elif op is c.BRANCH:
            for alternative in av[1]:
                walk(list(alternative) + tail, head)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, high, body = av
            if low == 0:
                walk(tail, head)
            if high != 0:
                again = [] if high == 1 and low <= 1 else [(op, (max(low - 1, 0), high - 1 if high != c.MAXREPEAT else high,
                                                                   body))]
                walk(list(body) + again + tail, head)
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            walk(tail, head)
        else:
            out.add(head)

    walk(list(items), "")
    return out


_phrases: dict[tuple[tuple[str, ...], ...], Phrases] = {}


def phrases(extra: Iterable[str] = (), extend: Iterable[str] = (), remove: Iterable[str] = ()) -> Phrases:
    """:func:`vocabulary` as a :class:`Phrases` index (built once per set)."""
    key = (tuple(extra), tuple(extend), tuple(remove))
    found = _phrases.get(key)
    if found is None:
        built = Phrases(_fragments(key))
        with _lock:
            found = _phrases.setdefault(key, built)
    return found


def phrase_match(text: str, vocab: re.Pattern[str] | Phrases | None = None) -> bool:
    """Whether a whole short line is a furniture phrase (of the default vocabulary, or of
    ``vocab``)."""
    if len(text) > MAX_CHROME_CHARS or len(text.split()) > MAX_CHROME_WORDS:
        return False
    return bool((vocab or phrases()).match(text))


@dataclass(frozen=True)
class LayoutSettings:
    """How layout is computed, set once per ``Linter`` from the configuration.

    ``extra_phrases``: a site's own furniture lines (whole-line, literal); ``extend_phrases`` and
    ``remove_phrases``: the ``word-lists`` config table's adjustments of the vocabulary. ``model``: whether the
    learned line model is used; ``threshold`` overrides its shipped threshold. ``memory``: the
    run's batch memory of recurring lines (``None`` outside a batch run). ``profiles``: saved site
    profiles, source key to known furniture fingerprints (``newslint learn-furniture``).
    """

    extra_phrases: tuple[str, ...] = ()
    extend_phrases: tuple[str, ...] = ()
    remove_phrases: tuple[str, ...] = ()
    model: bool = True
    threshold: float | None = None
    memory: FurnitureMemory | None = field(default=None, compare=False)
    profiles: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)
    #: Another line model than the shipped one (the training script's held-out folds).
    line_model: model_mod.FurnitureModel | None = field(default=None, compare=False)


DEFAULT_SETTINGS = LayoutSettings()

#: Top-level configuration keys of the layout (declared by the boilerplate plugin).
CONFIG_KEYS = {
    "furniture-model": "use the learned page-furniture line model (default true)",
    "furniture-threshold": "furniture model probability above which a line is furniture (default: shipped)",
    "furniture-batch": "in a run over many files, lines recurring in several articles of one source are "
                       "furniture (default false: opt in, as each --jobs worker remembers only its own articles)",
    "furniture-min-articles": "articles of one source a line must recur in to be batch furniture (default 3)",
    "furniture-profiles": "JSON file(s) of site profiles written by `newslint learn-furniture`",
}


def layout_settings(config: Any, checks: Iterable[Any]) -> LayoutSettings:
    """The layout settings of a ``Linter`` from its ``Config`` and its configured checks (the
    page-chrome check's ``extra-phrases`` option is a layout setting: read here, once)."""
    extra: list[str] = []
    for chk in checks:
        if chk.code == "NL110":
            extra = list(chk.options.get("extra-phrases", []) or [])
    return settings_from_config(config.settings, extra, config.root)


def settings_from_config(settings: Mapping[str, Any], extra_phrases: Iterable[str] = (),
                         root: str | None = None) -> LayoutSettings:
    """The layout settings of a ``Linter``: top-level ``furniture-*`` keys, the page-chrome check's
    ``extra-phrases``, and site profiles read once (paths relative to the config's folder)."""
    from .batch import load_profiles

    profiles: dict[str, frozenset[str]] = {}
    paths = settings.get("furniture-profiles") or []
    for path in [paths] if isinstance(paths, str) else paths:
        full = Path(path) if Path(path).is_absolute() or not root else Path(root) / path
        for site, prints in load_profiles(full).items():
            profiles[site] = profiles.get(site, frozenset()) | prints
    threshold = settings.get("furniture-threshold")
    extend, remove = wordlists.adjustments(settings, WORD_LIST)
    extra = tuple(extra_phrases)
    use_model = bool(settings.get("furniture-model", True))
    # The vocabulary index, the promo gate and the line model, built with the settings: before
    # any worker process forks, so what they compile and derive is done (and stored by
    # ``regex_cache``) once, not again in each worker.
    phrases(extra, extend, remove)
    from ..prefilter import gate

    gate(PROMO_SENTENCE)
    if use_model:
        model_mod.model()
    return LayoutSettings(extra_phrases=extra, extend_phrases=extend, remove_phrases=remove, model=use_model,
                          threshold=float(threshold) if threshold is not None else None, profiles=profiles)


@dataclass(frozen=True, slots=True)
class Furniture:
    """A furniture span: a whole paragraph, or a phrase glued to the start or end of one.

    ``kind`` names it for the reader (see :data:`newslint.analysis.furniture.KINDS`); ``evidence``
    says what found it: ``phrase``, ``caption``, ``promo``, ``post``, ``breadcrumb``, ``video``, ``position``,
    ``model``, ``batch`` or ``profile``.
    """

    start: int
    end: int
    paragraph: int
    kind: str
    evidence: str
    score: float = 1.0

    @property
    def label(self) -> str:
        """The kind in words ("a share bar")."""
        return KIND_LABELS.get(self.kind, KIND_LABELS["furniture"])


def _short_label(text: str, max_words: int = 4) -> bool:
    """A short unpunctuated label: one to ``max_words`` capitalised words (a menu item, a share
    button, a widget title), not a list item, not a quotation."""
    words = text.split()
    return 0 < len(words) <= max_words and not ends_sentence(text) \
        and not text.startswith(("“", '"', "*", "-", "•")) \
        and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


#: What a line must hold for the caption pattern to match (most lines hold none of it), as one
#: search of the folded line (:func:`fold`) for any of the strings, in C.
_CREDIT_NEEDS = need_literals(CREDIT)
_CREDIT_GATE = re.compile("|".join(map(re.escape, _CREDIT_NEEDS))) if _CREDIT_NEEDS else None
#: Breadcrumb separators (:data:`_BREADCRUMB` needs one), found in C.
_CRUMB_CHAR = re.compile("[" + re.escape(_CRUMB_MARKS) + "]")


def _shape_reason(text: str, phrase: Callable[[str], bool], n_words: int | None = None,
                  promo: bool = True) -> str | None:
    """Why a paragraph is furniture on its own (vocabulary or shape), or None. ``phrase``: whether
    a whole line is a vocabulary phrase; ``n_words``: the paragraph's word count when the caller
    has it; ``promo``: False when the article holds no promo sentence (``Layout._promo``)."""
    if len(text) > MAX_CHROME_CHARS or text.startswith(_QUOTE_OPEN):
        return None
    if n_words is None:
        n_words = len(text.split())
    if n_words <= MAX_MODEL_WORDS and (_CREDIT_GATE is None or _CREDIT_GATE.search(fold(text))) \
            and CREDIT.search(text) and len(_INNER_BOUNDARY.findall(text)) <= 1:
        return "caption"  # a caption of a sentence or two; a longer paragraph gets a partial span
    if n_words <= 8 and "@" in text and _POST_HEADER.match(text):
        return "post"
    if promo and n_words <= MAX_MODEL_WORDS and PROMO_SENTENCE.search(text) and not _INNER_BOUNDARY.search(text):
        return "promo"  # one sentence; a promo glued to body sentences is a partial span
    crumbs = len(_BREADCRUMB.findall(text[:80])) if _CRUMB_CHAR.search(text, 0, 80) else 0
    if n_words > MAX_CHROME_WORDS and not crumbs:
        return None
    if phrase(text):
        return "phrase"
    terminal = ends_sentence(text)
    if crumbs >= 2 and not terminal:
        return "breadcrumb"
    if n_words <= 6 and not terminal and any(looks_like_address(w) for w in text.split()) \
            and any(w.lower() in ("add", "visit", "follow", "subscribe", "join") for w in text.split()):
        return "promo"
    return None


#: A bare running time closing a line (" 1:42", " 12:05"), not part of a longer time ("2:01:39").
_RUNNING_TIME = re.compile(r"(?<=\s)\d{1,2}:\d{2}$")
#: A word that makes the time before it a clock time ("at 7:30", "until 10:15").
_CLOCK_WORD = re.compile(r"\b(?:at|by|from|until|till|to|before|after|around|about|kickoff|kick-off|starts?|begins?|"
                         r"doors|opens?|closes?|[ap]\.?m\.?|gmt|bst|utc|et|pt|ct|est|edt|pst|pdt)\W*$", re.IGNORECASE)


def _debris(text: str) -> bool:
    """A scrap without letters: a player's "1:10", a lone "/" or "|"."""
    return len(text) <= 12 and not any(c.isalpha() for c in text)


def _headline(text: str) -> bool:
    """Shaped like a linked headline: title case (most words capitalised), not a sentence that
    ends in a full stop, not a list item or a quotation."""
    words = [w for w in text.split() if w[:1].isalpha()]
    if not 2 <= len(words) <= 24 or text.endswith((".", ",", ";")) or text.startswith(_QUOTE_OPEN):
        return False
    return sum(w[0].isupper() for w in words) * 10 >= len(words) * 7


#: A parenthesised photo credit closing a paragraph, and a "Photo: Name/Agency" credit opening one.
_CREDIT_TAIL = re.compile(
    r"[.!?”\"]\s*(\((?:[A-Z][^()/]{0,60}/[A-Z][^()]{0,60}|(?:AP |Reuters |AFP )?(?:Photo|Image|Credit)s?\b"
    r"[^()]{0,60}|[^()]{0,60}\b(?:Getty Images|Shutterstock)\b[^()]{0,30})\))\s*$")
_CREDIT_HEAD = re.compile(r"^((?:Photo|Image|Picture)s?(?::| by) [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
                          r"(?:\s*/\s*[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2})?)\s+(?=[A-Z“\"])")
#: The words :data:`_CREDIT_HEAD` opens with (case-sensitive, as it is).
_CREDIT_HEAD_OPENINGS = ("Photo", "Image", "Picture")
_INNER_BOUNDARY = re.compile(r"[.!?…][\"”’)]*\s+\S")
#: A wire agency's credit line ("© Reuters", "(AP)", "— AFP"): copy the publisher keeps on purpose.
_AGENCY_CREDIT = re.compile(
    r"^\W*(?:©|\(c\)|copyright)?\s*(?:\d{4}\s+)?(?:the\s+)?(?:associated press|ap|reuters|afp|bloomberg|pti|"
    r"ians|ani|upi|xinhua|dpa|efe)\W*$", re.IGNORECASE)
_RULE = re.compile(r"^[_*=~\-–—]{3,}$")
#: The header of a flattened social-media embed: a display name and the account's handle, and
#: nothing else ("Donald J. Trump ? @realDonaldTrump", "Follow Lena on Twitter: @Lenadecasparis").
_POST_HEADER = re.compile(r"^[^@]{1,60}\s@\w{1,15}$")
_BYLINE = re.compile(r"^(?:by|written by|reporting by|with)\s", re.IGNORECASE)
#: Model probability a line needs to join a run of furniture next to it.
RUN_SCORE = 0.5
#: Model probability at which a line is furniture on the model's word alone, with no word naming
#: its kind: menus, section names and related headlines rarely have one. Inside the body such a
#: line needs two words or more (a one-word line between paragraphs is a subheading: "Keyboard").
SURE_SCORE = 0.95
#: Longest line the model may call furniture on its own (longer ones are prose that it spares).
MAX_ALONE_WORDS = 25


def _model_in_run(para: Paragraph, first_prose: int = -1, kind: Callable[[int], str] | None = None,
                  n_words: int | None = None) -> bool:
    """A model verdict that may stand next to other furniture: not a quotation, list item, section
    rule, byline or wire agency credit, not the headline, not a plain sentence, and above the first prose paragraph
    not a line of six words or more (the headline and standfirst under a top promo). ``kind`` is the
    layout's memo of :func:`kind_of` by paragraph index (the cheap tests run first); ``n_words``
    the paragraph's word count when the caller has it."""
    text = para.text
    if text.startswith(_QUOTE_OPEN) or para.is_list_item or para.index == 0 or len(text) < 2:
        return False
    if n_words is None:
        n_words = len(text.split())
    if _RULE.match(text) or _BYLINE.match(text) or _AGENCY_CREDIT.match(text):
        return False
    if (para.index < first_prose and n_words >= 6) or (n_words >= 4 and ends_sentence(text)):
        # Above the first prose paragraph a long line is the headline or standfirst; anywhere, a
        # sentence of the body: the model's neighbour features must not sweep them in, unless a
        # word names the kind of furniture.
        return (kind(para.index) if kind is not None else kind_of(text)) != "furniture"
    return True


#: Words of a sentence ending in a colon that introduces the article's own list.
LIST_INTRO_WORDS = 4
#: Lines of one punctuation skeleton that make a list of the article's own (:meth:`Layout._parallel_lines`).
PARALLEL_LINES = 3
#: Words of a paragraph of text, finished or not, that bounds the body for such a list.
PARAGRAPH_WORDS = 20
#: What a line's punctuation skeleton leaves out: letters, digits, spaces, and the marks inside
#: names and words (``&``, apostrophes, hyphens).
_SKELETON = re.compile(r"[\w\s&'’-]+")


def _model_sure(paras: list[Paragraph], index: int, first_prose: int, in_body: bool,
                kind: Callable[[int], str] | None = None) -> bool:
    """A model verdict at :data:`SURE_SCORE` that stands without a kind word: what may stand in
    a run (:func:`_model_in_run`), at most :data:`MAX_ALONE_WORDS` words; a single word only
    outside the body and next to another unpunctuated line (a menu, not a lone label between
    sentences: "Twitter" between two paragraphs may be a section label)."""
    para = paras[index]
    n_words = len(para.text.split())
    if n_words == 1 and (in_body or not any(0 <= j < len(paras) and not ends_sentence(paras[j].text)
                                            for j in (index - 1, index + 1))):
        return False
    return n_words <= MAX_ALONE_WORDS and _model_in_run(para, first_prose, kind)


def _model_alone(para: Paragraph, kind: Callable[[int], str] | None = None) -> bool:
    """A model verdict that stands on its own: the line also has a word that names its kind
    ("Share", "newsletter", "Photo:") and is short, but more than one word (a lone "Twitter"
    between body paragraphs may be a section label). A title-case line without one is as often a
    subheading as a related headline, so it needs neighbours (:func:`_model_in_run`)."""
    return 2 <= len(para.text.split()) <= MAX_ALONE_WORDS and _model_in_run(para, -1, kind) \
        and (kind(para.index) if kind is not None else kind_of(para.text)) != "furniture"


class Layout:
    """The layout analysis of one article (build it through ``article.layout``)."""

    def __init__(self, article: Article, settings: LayoutSettings = DEFAULT_SETTINGS) -> None:
        self.article = article
        self.settings = settings
        #: The vocabulary, indexed (:class:`Phrases`).
        self.phrases = phrases(settings.extra_phrases, settings.extend_phrases, settings.remove_phrases)
        #: Line-model probabilities of the paragraphs the model judged (filled with :attr:`furniture`).
        self.model_scores: dict[int, float] = {}
        # Per-line memos of :meth:`_phrase` and :meth:`kind` (several verdicts ask of one line).
        self._phrases: dict[int, bool] = {}
        self._kinds: dict[int, str] = {}
        self._sentences: dict[int, bool] = {}
        #: The line model's view of the other lines (:func:`~newslint.analysis.furniture.line_context`).
        self._context: model_mod.Context | None = None

    @cached_property
    def vocab(self) -> re.Pattern[str]:
        """The vocabulary as one pattern (:func:`vocabulary`; the layout itself matches through
        :attr:`phrases`)."""
        settings = self.settings
        return vocabulary(settings.extra_phrases, settings.extend_phrases, settings.remove_phrases)

    @cached_property
    def _floating(self) -> bool:
        """Whether this article could hold one of the vocabulary's floating phrases
        (:meth:`Phrases.floating_in`)."""
        return self.phrases.floating_in(self.article)

    @cached_property
    def _promo(self) -> bool:
        """Whether a line of this article could be a promo sentence (:data:`PROMO_SENTENCE`): the
        article holds the words it needs (:func:`newslint.prefilter.may_match`; 6 of the 142
        clean articles do), so the others never search their lines for one."""
        from ..prefilter import may_match as article_may_match

        return article_may_match(PROMO_SENTENCE, self.article)

    def _is_phrase(self, text: str) -> bool:
        """Whether a whole line of this article is a vocabulary phrase (no length limit)."""
        return self.phrases.match(text, self._floating)

    def _phrase_text(self, text: str) -> bool:
        """:func:`phrase_match` for a line of this article (the match first: most lines are no
        phrase, found without splitting them into words)."""
        return len(text) <= MAX_CHROME_CHARS and self.phrases.match_opening(text, self._floating) \
            and len(text.split()) <= MAX_CHROME_WORDS

    # -- furniture -------------------------------------------------------------------------

    @cached_property
    def furniture(self) -> dict[int, Furniture]:
        """Whole furniture paragraphs by paragraph index."""
        found = self._rules()
        extra = self._learned(found)
        out: dict[int, Furniture] = {}
        paras = self.article.paragraphs
        for index, evidence in sorted({**found, **extra}.items()):
            para = paras[index]
            kind = self.kind(index)
            if evidence == "breadcrumb":
                kind = "navigation"
            elif evidence == "caption":
                kind = "photo"
            elif evidence == "video":
                kind = "video"
            elif evidence == "post" and kind == "furniture":
                kind = "post"
            elif evidence == "promo" and PROMO_SENTENCE.search(para.text):
                kind = "newsletter"
            out[index] = Furniture(para.start, para.end, index, kind, evidence,
                                   self.model_scores.get(index, 1.0) if evidence == "model" else 1.0)
        return out

    @cached_property
    def furniture_indices(self) -> frozenset[int]:
        """Indices of whole furniture paragraphs."""
        return frozenset(self.furniture)

    @cached_property
    def partial(self) -> list[Furniture]:
        """Furniture phrases glued to the first or last sentence of a body paragraph."""
        out: list[Furniture] = []
        article = self.article
        # (Bound once: this loop visits every prose paragraph, the bulk of the text.)
        sentences_of, phrase_text, promo = article.sentences_of, self._phrase_text, self._promo
        for para in self.prose:
            text = para.text
            # A photo credit glued to either end of the paragraph: "(Jasper Colt/USA TODAY)" closing
            # it, "Photo: Jane Doe/AP" opening it. (The tail credit ends the paragraph with ")",
            # the head credit opens it with one of its words: only then is the pattern tried.)
            tail = _CREDIT_TAIL.search(text) if text.endswith(")") else None
            head = _CREDIT_HEAD.match(text) if text.startswith(_CREDIT_HEAD_OPENINGS) else None
            if tail or head:
                for m in (tail, head):
                    if m and not article.in_quote(para.start + m.start()):
                        out.append(Furniture(para.start + m.start(1), para.start + m.end(1), para.index,
                                             "photo", "caption"))
            sentences = sentences_of(para)
            if len(sentences) < 2:
                continue
            for sentence in (sentences[0], sentences[-1]):
                text = sentence.text
                # A quoted sentence is never furniture; asked only of a sentence that would be
                # (most are not, and the quotation look-up costs more than the phrase test).
                if phrase_text(text) and kind_of(text) != "furniture":
                    if not (text.startswith(_QUOTE_OPEN) or article.in_quote(sentence.start)):
                        out.append(Furniture(sentence.start, sentence.end, para.index, kind_of(text), "phrase"))
                elif promo and len(text.split()) <= MAX_MODEL_WORDS and PROMO_SENTENCE.search(text) \
                        and not (text.startswith(_QUOTE_OPEN) or article.in_quote(sentence.start)):
                    out.append(Furniture(sentence.start, sentence.end, para.index, "newsletter", "promo"))
        return out

    def _rules(self) -> dict[int, str]:
        """Paragraph index to evidence, from vocabulary, shape and position."""
        article = self.article
        paras = article.paragraphs
        _texts, n_words, _terminal = self._counts
        promo = self._promo
        found = {p.index: r for p in paras if (r := _shape_reason(p.text, self._is_phrase, n_words[p.index], promo))}
        edges = {p.index: p for p in [*paras[:TOP_EDGE], *paras[-BOTTOM_EDGE:]]}
        for p in edges.values():
            if p.index not in found and not p.text.startswith(_QUOTE_OPEN) and self._all_sentences_phrases(p):
                found[p.index] = "phrase"
        # A notice paragraph at the very end that opens with a widget sentence, when everything
        # after it is furniture too (the policy text runs on, so whole-paragraph matching misses it).
        for p in reversed(paras[-BOTTOM_EDGE:]):
            if p.index in found:
                continue
            if not p.text.startswith(_QUOTE_OPEN) and self._first_sentence_phrase(p):
                found[p.index] = "phrase"
                continue
            break
        # A related-story headline: an unpunctuated line right above its "Read more" link. (This
        # and the list below start from lines already found: nothing to do in most articles.)
        for p in paras[:-1] if found else ():
            nxt = paras[p.index + 1]
            if p.index not in found and nxt.index in found and _READ_MORE.match(nxt.text) \
                    and len(p.text.split()) <= MAX_CHROME_WORDS and not ends_sentence(p.text) \
                    and not p.is_list_item:
                found[p.index] = "position"
        # A related-content list: a widget header ending in a colon ("You might also be interested
        # in:", "Related:") followed by headline-shaped lines, one link per line.
        in_list = strong = False
        for p in paras if found else ():
            if p.index in found:
                strong = bool(_LIST_HEADER.match(p.text))
                in_list = found[p.index] in ("phrase", "position") and (strong or p.text.endswith(":"))
            elif in_list and not p.is_list_item and (_headline(p.text) or (
                    strong and len(p.text.split()) <= MAX_CHROME_WORDS and not p.text.startswith(_QUOTE_OPEN)
                    and not p.text.endswith((".", ",", ";", "!", "”", '"')))):
                found[p.index] = "position"
            else:
                in_list = False
        self._video(found)
        buttons = {p.index for p in paras if len(t := p.text.strip(" :·|•")) <= _LONGEST_BUTTON and t.lower() in BUTTONS}
        marked = buttons | found.keys()  # once: rebuilt per button it was quadratic (16,000 "Share" lines)
        for i in buttons:
            if i - 1 in marked or i + 1 in marked:
                found[i] = "phrase"
        if found:
            self._grow(found)
        return found

    def _video(self, found: dict[int, str]) -> None:
        """Video-player text, by shape: a video's title with its running time closing the line
        ("Sen. Reid To Trump: Rescind Bannon Appointment 1:42": four words or more, unpunctuated,
        then a bare m:ss, after a word, a quotation mark or a question), and a run of two or more
        letterless scraps holding a time (a player's "0:00", "/", "1:10"). A clock time has "a.m."/
        "pm", a date ("11 February 2023, 12:15") or a word before it ("at 7:30"); a race time a
        name of two or three words. Not the headline."""
        paras = self.article.paragraphs
        texts, n_words, _terminal = self._counts
        for i, text in enumerate(texts):
            if 5 <= n_words[i] <= MAX_CHROME_WORDS + 1 and ":" in text[-6:] and i not in found \
                    and not text.startswith(_QUOTE_OPEN) and not paras[i].is_list_item:
                m = _RUNNING_TIME.search(text)
                title = text[:m.start()].rstrip() if m else ""
                after_title = title[-1:].isalpha() or (title != "" and title[-1] in "'’\"”)?!")
                if m and i > 0 and after_title and not ends_sentence(title) and not _CLOCK_WORD.search(title):
                    found[i] = "video"
        run: list[int] = []
        for i in range(len(paras) + 1):
            if i < len(paras) and len(texts[i]) <= 12 and i not in found and _debris(texts[i]):
                run.append(i)
                continue
            if len(run) >= 2 and any(_RUNNING_TIME.search(" " + paras[j].text.strip()) for j in run):
                for j in run:
                    found[j] = "video"
            run = []

    def _grow(self, found: dict[int, str]) -> None:
        """Position: short labels sandwiched between furniture, and runs at the page edges."""
        paras = self.article.paragraphs
        last_prose = self.last_prose
        top = min(TOP_EDGE, len(paras))
        for p in paras[1:-1]:
            if p.index not in found and (p.index - 1) in found and (p.index + 1) in found \
                    and _short_label(p.text):
                found[p.index] = "position"
        # Runs at the edges: grow outwards from furniture, forwards then backwards (two passes).
        for order in (paras, paras[::-1]):
            for p in order:
                if p.index in found:
                    continue
                if (p.index - 1) not in found and (p.index + 1) not in found:
                    continue  # the cheap test first: most lines touch no furniture
                in_edge = p.index < top or p.index > last_prose
                if (in_edge and _short_label(p.text)) or _debris(p.text):
                    found[p.index] = "position"

    def _all_sentences_phrases(self, para: Paragraph) -> bool:
        """Every sentence of the paragraph is a furniture phrase ("Copyright 2015 Riverton Media.
        Follow Riverton on Twitter.")."""
        if len(para.text) > 3 * MAX_CHROME_CHARS or self._counts[1][para.index] > 60:
            return False
        sentences = self.article.sentences_of(para)
        if not sentences:
            return False
        for sentence in sentences:  # (a loop, not all() of a generator: most stop at the first)
            if not self._sentence_phrase(sentence):
                return False
        return True

    def _sentence_phrase(self, sentence: Span) -> bool:
        """Whether a sentence is a furniture phrase (matched once: the bottom edge's first
        sentences are asked twice)."""
        found = self._sentences.get(sentence.start)
        if found is None:
            text = sentence.text
            found = self._sentences[sentence.start] = len(text) <= MAX_CHROME_CHARS \
                and self.phrases.match(text, self._floating)
        return found

    def _first_sentence_phrase(self, para: Paragraph) -> bool:
        """A notice paragraph that opens with a widget sentence ("Please adhere to our commenting
        policy to avoid being banned. As a privately owned website, ...")."""
        sentences = self.article.sentences_of(para)
        return bool(sentences) and self._sentence_phrase(sentences[0])

    # -- the learned model and the batch ---------------------------------------------------

    def _phrase(self, index: int) -> bool:
        """Whether paragraph ``index`` is a whole-line furniture phrase (matched once per line)."""
        if index not in self._phrases:
            self._phrases[index] = self._phrase_text(self.article.paragraphs[index].text)
        return self._phrases[index]

    def kind(self, index: int) -> str:
        """:func:`~newslint.analysis.furniture.kind_of` paragraph ``index`` (matched once per line)."""
        if index not in self._kinds:
            self._kinds[index] = kind_of(self.article.paragraphs[index].text)
        return self._kinds[index]

    @cached_property
    def _counts(self) -> tuple[list[str], list[int], list[bool]]:
        """Every paragraph's text, word count and :func:`ends_sentence` (asked of every line by
        several verdicts and by the model's neighbour features: computed once)."""
        texts = [p.text for p in self.article.paragraphs]
        return texts, word_counts(self.article.text, self.article.paragraphs), [ends_sentence(t) for t in texts]

    @property
    def terminal(self) -> list[bool]:
        """Whether each paragraph ends in terminal punctuation (:func:`ends_sentence`, computed
        once per article: the truncation checks ask it of every paragraph too). Shared: do not
        modify."""
        return self._counts[2]

    @property
    def word_counts(self) -> list[int]:
        """Each paragraph's whitespace word count (``len(text.split())``), computed once per
        article. Shared: do not modify."""
        return self._counts[1]

    def _scores(self, candidates: list[int]) -> dict[int, float]:
        """Line-model probability of the candidate paragraphs (their features in the context of
        every paragraph: the model is scored on the lines that could be furniture only)."""
        if not candidates:
            return {}
        texts, n_words, terminal = self._counts
        model = self.settings.line_model or model_mod.model()
        if self._context is None:
            self._context = model_mod.line_context(terminal, n_words)
        rows = model_mod.features_of(texts, self._phrase, candidates, self.kind, terminal, n_words, self._context)
        return {i: model.score(f) for i, f in rows.items()}

    def _learned(self, found: dict[int, str]) -> dict[int, str]:
        """Paragraphs the line model, the run's batch memory or a site profile call furniture."""
        out: dict[int, str] = {}
        settings = self.settings
        paras = self.article.paragraphs
        if settings.memory is not None or settings.profiles:
            from .batch import source_key

            source = source_key(self.article)
            known = settings.profiles.get(source, frozenset())
            recurring = settings.memory.observe(source, [p.text for p in paras]) \
                if settings.memory is not None else frozenset()
            for p in paras:
                if p.index in found or p.text.startswith(_QUOTE_OPEN) or _BYLINE.match(p.text):
                    continue  # a byline recurs because the writer does, not because it is furniture
                fp = model_mod.normalise(p.text)
                if fp in known:
                    out[p.index] = "profile"
                elif fp in recurring:
                    out[p.index] = "batch"
        if settings.model:
            model = settings.line_model or model_mod.model()
            threshold = settings.threshold if settings.threshold is not None else model.threshold
            # Only a line that some model verdict below could take is scored: short enough, not
            # already furniture, and not what a verdict never takes (:func:`_model_in_run`; the
            # other verdicts are narrower). Scoring the rest would not change what is found.
            # A line of more than MAX_ALONE_WORDS words can only join a run (no verdict takes it
            # alone): it is judged, and scored, only when a run reaches it (``deferred``).
            _texts, n_words, _terminal = self._counts
            # (The word count first: it rules out the body's paragraphs without a look-up.)
            candidates = [i for i, count in enumerate(n_words) if count <= MAX_ALONE_WORDS and i not in found
                          and i not in out and _model_in_run(paras[i], -1, self.kind, count)]
            deferred = {i for i, count in enumerate(n_words) if MAX_ALONE_WORDS < count <= MAX_MODEL_WORDS
                        and i not in found and i not in out}
            open_ = self._scores(candidates)
            self.model_scores.update(open_)
            first, last = self.first_prose, self.last_prose
            # Inside the body: between the first and last prose paragraph, or anywhere in a text
            # with no prose paragraph at all. Such a text has no page edge to tell a menu from the
            # article (a flattened table's header row, a list of headings), so there the model is
            # never sure without a kind word.
            body = range(first + 1, last) if last >= 0 else range(len(paras))
            # The article's own list under a sentence that introduces it: no model verdict without
            # a kind word (the phrase list, shapes and kind words still count there).
            listed = self._introduced_list(found) | self._parallel_lines(found) | self._echoes(open_)
            open_ = {i: v for i, v in open_.items() if i not in listed or self.kind(i) != "furniture"}
            sure = max(threshold, SURE_SCORE) if last >= 0 else 2.0
            strong = {i for i, score in open_.items()
                      if (score >= threshold and _model_alone(paras[i], self.kind))
                      or (score >= sure and _model_sure(paras, i, first, i in body, self.kind))}
            for i in sorted(strong):
                out[i] = "model"
            # A weaker model verdict (more likely furniture than not) holds next to other furniture:
            # a run of widget lines grows from any furniture line outwards through such
            # neighbours (each line visited once).
            weak = {i for i, score in open_.items()
                    if i not in strong and score >= RUN_SCORE
                    and _model_in_run(paras[i], first, self.kind)}

            def joins(j: int) -> bool:
                """Whether a long line a run reached is a weak verdict (judged as the rest were)."""
                deferred.discard(j)
                if not _model_in_run(paras[j], -1, self.kind, n_words[j]) \
                        or (j in listed and self.kind(j) == "furniture"):
                    return False
                score = self._scores([j])[j]
                self.model_scores[j] = score
                return score >= RUN_SCORE and _model_in_run(paras[j], first, self.kind, n_words[j])

            todo = [i for i in sorted(found.keys() | out.keys())]
            while todo:
                i = todo.pop()
                for j in (i - 1, i + 1):
                    if j in weak or (j in deferred and joins(j)):
                        weak.discard(j)
                        out[j] = "model"
                        todo.append(j)
        return out

    def _introduced_list(self, found: dict[int, str]) -> set[int]:
        """Lines of a list the article introduces: the lines under a sentence of its own that ends
        in a colon ("The newly selected five are:", "The tour dates:"), up to the next prose
        paragraph or the first line a rule found furniture. Widget headers end in a colon too
        ("Related:", "You might also like:"), but they are short labels or name their kind; a
        sentence of four words or more that names none is the article speaking. A run that goes on
        to the end of the text with neither is left alone: trailing widgets look like that."""
        out: set[int] = set()
        paras = self.article.paragraphs
        for p in paras:
            text = p.text
            if not text.endswith(":") or p.index in found or len(text.split()) < LIST_INTRO_WORDS \
                    or self.kind(p.index) != "furniture":
                continue
            j = p.index + 1
            while j < len(paras) and j not in found and not is_finished_prose(paras[j].text):
                j += 1
            if j < len(paras):
                out.update(range(p.index + 1, j))
        return out

    def _echoes(self, lines: Iterable[int]) -> set[int]:
        """Of ``lines``, those after the last prose paragraph that repeat the article's own words:
        every content word (two or more) is in the article's prose. An information box closing a
        feature ("7th Amsterdam Light Festival", "Flos Showroom"), a syndication credit naming the
        publication the story names, restate the story; the widgets that close a page name other
        stories, sections and services. (Inside the body the same test would also spare related
        headlines on the story's own topic: it is not made there.)"""
        paras = self.article.paragraphs
        _texts, n_words, terminal = self._counts
        vocab: set[str] | None = None
        out: set[int] = set()
        last = self.last_prose
        trailing = [i for i in lines if i > last]
        if not trailing:
            return out
        # A line the page repeats ("Available from Amazon" under each product) is a template, however
        # much it shares with the story.
        repeated = Counter(model_mod.normalise(p.text) for p in paras[last + 1:])
        for i in trailing:
            if repeated[model_mod.normalise(paras[i].text)] > 1:
                continue
            words = [w.lower() for w in model_mod.words_of(paras[i].text) if w[:1].isalpha()]
            content = [w for w in words if w not in model_mod.FUNCTION_WORDS]
            if len(content) < 2:
                continue
            if vocab is None:  # the prose's words, lower-cased, from one pass over its text
                vocab = set(model_mod.words_of("\n".join(
                    p.text for j, p in enumerate(paras) if terminal[j] and n_words[j] >= PROSE_WORDS).lower()))
            if all(w in vocab for w in content):
                out.add(i)
        return out

    def _parallel_lines(self, found: dict[int, str]) -> set[int]:
        """Lines of the article's own list that no sentence introduces: inside the body (between
        its first and last paragraph of text), at least :data:`PARALLEL_LINES` short lines that share
        their punctuation (the same skeleton of two marks or more, "Spain (Group F): 11th
        appearance", "Knopf, $16.99; ages 8-12") but not their words. Tour dates, book lists, team
        lists and spec sheets repeat a shape with new content on each line; a page's widgets repeat
        the same line ("Available from Amazon") or have no shape in common (related headlines,
        menus). Like an introduced list, such lines take no model verdict without a kind word."""
        _texts, n_words, terminal = self._counts
        # The body's bounds here are its paragraphs of text, finished or not: a review in a book
        # list may close with its writer's name ("... each page dazzle. -- Sandstrom").
        text = [i for i, count in enumerate(n_words) if count >= PARAGRAPH_WORDS]
        first, last = (text[0], text[-1]) if text else (0, 0)
        if last - first < PARALLEL_LINES + 1:
            return set()
        groups: dict[str, list[int]] = {}
        for p in self.article.paragraphs[first + 1:last]:
            i = p.index
            if i in found or n_words[i] > MAX_ALONE_WORDS or (terminal[i] and n_words[i] >= PROSE_WORDS):
                continue
            skeleton = _SKELETON.sub("", p.text)
            if len(skeleton) >= 2:
                groups.setdefault(skeleton, []).append(i)
        out: set[int] = set()
        paras = self.article.paragraphs
        for lines in groups.values():
            if len(lines) < PARALLEL_LINES:
                continue
            words = {i: {w.lower() for w in model_mod.words_of(paras[i].text) if w.isalpha()} for i in lines}
            seen = Counter(w for i in lines for w in words[i])
            # Each item says something of its own (a word no other line of the shape has): not a
            # widget's timestamps ("12.29.14 at 9:14 pm"), prices or "Opening Bell 6.7.19"; and
            # items are phrases, not a menu of one-word sections with counts ("Diaspora (62)").
            own = [i for i in lines if any(seen[w] == 1 for w in words[i])]
            if len(own) >= PARALLEL_LINES and sorted(len(words[i]) for i in own)[len(own) // 2] >= 3:
                out.update(own)
        return out

    # -- body and prose --------------------------------------------------------------------

    @cached_property
    def first_prose(self) -> int:
        """Index of the first finished prose paragraph (the number of paragraphs when none)."""
        _texts, n_words, terminal = self._counts
        return next((p.index for p in self.article.paragraphs
                     if p.kind == "body" and terminal[p.index] and n_words[p.index] >= PROSE_WORDS),
                    len(self.article.paragraphs))

    @cached_property
    def last_prose(self) -> int:
        """Index of the last finished prose paragraph (-1 when none)."""
        _texts, n_words, terminal = self._counts
        # From the end: the first found is the last (most texts end on prose, found at once).
        return next((p.index for p in reversed(self.article.paragraphs)
                     if p.kind == "body" and terminal[p.index] and n_words[p.index] >= PROSE_WORDS), -1)

    @cached_property
    def body_end(self) -> int:
        """Index of the last paragraph of the article body (trailing furniture set aside), or -1."""
        furniture = self.furniture
        for para in reversed(self.article.paragraphs):
            if para.index not in furniture:
                return para.index
        return -1

    @cached_property
    def body_end_offset(self) -> int:
        """Offset in ``article.text`` where the body ends; 0 when the whole text is furniture."""
        end = self.body_end
        return self.article.paragraphs[end].end if end >= 0 else 0

    @cached_property
    def prose(self) -> list[Paragraph]:
        """Body paragraphs that sentence-level checks judge: not headings, list items or furniture."""
        skip = self.furniture_indices
        return [p for p in self.article.paragraphs if p.kind == "body" and p.index not in skip]
