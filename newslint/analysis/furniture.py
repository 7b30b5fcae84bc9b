"""The page-furniture line model: features of one line in its neighbourhood, the kind of
furniture a line is, and inference of the learned classifier in plain Python.

The classifier is a logistic regression trained offline by ``benchmarks/furniture_model.py`` on
lines of real news pages (``../shared/corpus/html`` and ``html-more``) labelled by distant
supervision: a line that is in the page's ground-truth article body is article, every other line
near the body is furniture. Only its weights ship, as ``data/furniture_model.json``; scoring a
line is a dot product, so linting needs no scientific library. The same :func:`line_features`
code builds the training rows and the lint-time rows, so the two cannot drift apart.

Why learned and not a longer phrase list: a list matches the furniture it was written for
("Leave a Reply") and misses the variant on the next site ("Leave a Reply Cancel reply",
"Share to Facebook", a newsletter promo written as a sentence). The model weighs the shape of a
line (length, capitalised share, verbs, final punctuation, digits, separators), a learned
vocabulary of link words, and its neighbours. The phrase list stays a strong feature and, with
:func:`kind_of`, the explanation given to the user.
"""

from __future__ import annotations

import json
import math
import os
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .. import lexicon
from ..text.tokens import looks_like_address

#: The one definition of sentence-final punctuation: a full stop, question or exclamation mark or
#: ellipsis, optionally followed by closing quotation marks or brackets ("... he said.”").
TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’)\]]$")

_CLOSERS = "\"'”’)]"
_HARD_CLOSERS = "\"”’)]"


def ends_sentence(text: str) -> bool:
    """``bool(TERMINAL.search(text))`` without the search: the regex is tried at every position
    of the line, this looks at its end only (the layout asks it of every paragraph, several times)."""
    if text.endswith("\n"):
        text = text[:-1]
    if not text:
        return False
    if text[-1] in _HARD_CLOSERS:
        return True
    bare = text.rstrip(_CLOSERS)
    return bare != "" and bare[-1] in ".!?…"


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_DURATION = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b(?!\s*[ap]\.?m\b)", re.IGNORECASE)
_AGO = re.compile(r"\b\d+\s*(?:s|sec|secs|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?|months?|years?)\s+ago\b",
                  re.IGNORECASE)
_DATE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|"
                   r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s[|•·»›/]\s|\s[|•·»›]|[|•·»›]\s")
_HANDLE = re.compile(r"(?:^|\s)@\w{2,}")
#: A photo credit: a parenthesised "(Name/Agency)" or "(... Getty Images)" closing the line, or a line
#: opening "Photo by Name", "Image: Name", "Credit: Name".
CREDIT = re.compile(
    r"\((?:[A-Z][^()/]{0,60}/[A-Z][^()]{0,60}|[^()]{0,60}\b(?:Getty Images|AFP|AP Photo|Reuters|EPA|Shutterstock|"
    r"iStock|[Pp]hoto|[Ii]mage|[Cc]redit)\b[^()]{0,60})\)\W*$|"
    r"^\W*(?:[Pp]hoto|[Ii]mage|[Pp]icture)s? by\s+[A-Z]|"
    r"^\W*(?:[Pp]hoto|[Ii]mage|[Pp]icture|[Cc]redit)s?:\s*[A-Z]\S*(?:\s+\S+){0,5}\W*$")

#: A call to action written as a sentence ("To get the best of our journalism in your inbox, sign up
#: for the Morning Briefing."): a sign-up verb and what is signed up to, close together.
PROMO_SENTENCE = re.compile(
    r"\b(?:sign(?:ing)? up|subscribe|register|join)\b.{0,80}\b(?:newsletters?|inbox|briefing|alerts|podcasts?|"
    r"membership|daily email)\b|\b(?:newsletters?|inbox|briefing)\b.{0,80}\b(?:sign up|subscribe)\b|"
    r"\bdownload (?:our|the) (?:free )?(?:\w+ )?app\b", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:by|written by|words by)\s+[A-Z]", re.IGNORECASE)

#: Function words: prose is made of them, furniture mostly is not ("Share this", "Photo: AP").
FUNCTION_WORDS = frozenset(
    "a an the of to in on at for with by from as into about after before over under than that which who "
    "whom whose this these those it its he she they them his her their we our you your i me my is are was "
    "were be been being has have had do does did not no and or but if so because while when where would "
    "could should will can may might must said says there here also".split())

#: Finite verb tags of the Brill lexicon: a line with a finite verb is a clause, not a label.
_FINITE = ("VBD", "VBZ", "VBP", "MD")

#: Kinds of furniture, each with the words that give it away, in the order they are tried. The
#: first that matches names the line in the message ("... is a share bar"). A line the model
#: flags without any of these is "page furniture".
KINDS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (key, label, re.compile(pattern, re.IGNORECASE)) for key, label, pattern in (
        ("comments", "a comment widget",
         r"\b(?:leave a (?:comment|reply)|cancel reply|comments?\b(?! on)|akismet|disqus|commenting|"
         r"log in to comment|join the (?:conversation|discussion))"),
        ("newsletter", "a newsletter promo",
         r"\b(?:newsletters?|sign up|signup|inbox|e-?mail alerts?|daily (?:briefing|digest)|subscribe to (?:our|the))\b"),
        ("paywall", "a paywall notice",
         r"\b(?:subscribers? only|already (?:a )?subscriber|subscription|subscribe|free articles?|"
         r"sign in|log ?in|register (?:now|for free)|unlock|premium)\b"),
        ("share", "a share bar",
         r"\b(?:share|tweet|pin it|whatsapp|facebook|twitter|linkedin|pinterest|reddit|"
         r"copy link|print this|e-?mail this|follow us|instagram|youtube|retweets?)\b"),
        ("photo", "a photo credit or caption",
         r"\b(?:photos?|image|picture|pictured|credit|getty|shutterstock|afp|ap photo|file photo|"
         r"illustration|caption|gallery|courtesy of|istock|reuters/|/reuters)\b"),
        ("video", "video-player text",
         r"\b(?:video|watch|play(?:ing)?|embed|replay|autoplay|now playing|duration)\b|"
         r"\b\d{1,2}:\d{2}\b(?!\s*[ap]\.?m\b)"),
        ("podcast", "a podcast or TV promo",
         r"\b(?:podcast|listen|episode|tune in|on air|apple music|spotify|stitcher)\b"),
        ("related", "a related-content link",
         r"\b(?:related|read (?:more|next|also|the (?:original|full) (?:article|story|post))|"
         r"more (?:from|on|stories|news)|recommended|"
         r"you (?:may|might) also|also read|see also|don'?t miss|trending|most (?:read|popular)|"
         r"continue reading|click here|learn more|find out more)\b"),
        ("advert", "an advertisement or sponsor notice",
         r"\b(?:advertisements?|advertising|sponsored|sponsor|partner content|affiliate|commission|"
         r"promoted|buy now|shop now|coupon|\bad\b)\b"),
        ("legal", "a copyright or legal notice",
         r"©|\b(?:copyright|all rights reserved|terms (?:of|and) (?:use|service|conditions)|privacy "
         r"policy|cookies?|reprints?|licensing|may not be (?:published|reproduced))\b"),
        ("timestamp", "a timestamp or byline",
         r"\b(?:updated|published|posted|last modified|min(?:ute)?s? read)\b|\b\d+\s*(?:hours?|mins?|minutes?|days?) ago\b|"
         r"^\d{1,2}:\d{2}\s*[AaPp]\.?[Mm]\.?\s*[-–·|]\s*\d{1,2}\s+[A-Z][a-z]{2}"),
        ("error", "error-page or script text",
         r"\b(?:javascript|enable (?:cookies|js)|page not found|404|error|browser (?:is|does not)|"
         r"loading)\b"),
        ("navigation", "navigation or a tag list",
         r"^\W*(?:home|menu|search|tags?|topics?|filed under|categories|sections?|skip to|back to top|"
         r"previous|next)\b"),
    ))

KIND_LABELS: dict[str, str] = {key: label for key, label, _ in KINDS} | {
    "furniture": "page furniture",
    # Named by shape, not by words (the layout's "post" evidence): a flattened social-media embed.
    "post": "the header of an embedded social-media post"}


#: A need: a literal string every match of a pattern contains (case-folded), and whether the
#: pattern puts a word boundary (``\b``) right before and right after it.
Need = tuple[str, bool, bool]
_LEAD = re.compile(r"\w+")


def _needed(items: Any, left: bool = False, right: bool = False) -> frozenset[Need] | None:
    """What every match of a parsed pattern sequence contains, or None when nothing is known:
    a set of needs, one of which is in every match. Reads the pattern's parse tree
    (``re._parser``): a run of literal characters is needed; so is one of a branch's
    alternatives' needs, and the body of a group or of a repeat that must occur; assertions,
    classes and optional parts need nothing. A literal run right after (before) ``\\b``, or at the
    start (end) of a group the caller found after (before) one, is marked as bounded there: "ad" in
    ``\\bad\\b`` is the word "ad", not the "ad" of "already". Of the needs of a sequence the most
    selective (longest shortest string, boundaries counting) is kept."""
    from re import _constants as c  # type: ignore[attr-defined]

    items = list(items)
    options: list[frozenset[Need]] = []
    run: list[str] = []
    run_left = False

    def boundary(i: int) -> bool:
        return 0 <= i < len(items) and items[i][0] is c.AT and items[i][1] is c.AT_BOUNDARY

    def flush(i: int) -> None:
        """End the literal run before item ``i``."""
        if run:
            options.append(frozenset({("".join(run).casefold(), run_left, boundary(i) or (i == len(items) and right))}))
            run.clear()

    for i, (op, av) in enumerate(items):
        before = boundary(i - 1) or (i == 0 and left)
        after = boundary(i + 1) or (i == len(items) - 1 and right)
        if op is c.LITERAL:
            if not run:
                run_left = before
            run.append(chr(av))
            continue
        tails = _literal_alternatives(op, av) if run else None
        if tails is not None:
            # "more (?:from|on|stories)": the run followed by each alternative, more telling than "more ".
            head = "".join(run).casefold()
            options.append(frozenset((head + tail.casefold(), run_left, after) for tail in tails))
        flush(i)
        need: frozenset[Need] | None = None
        if op is c.SUBPATTERN:
            need = _needed(av[-1], before, after)
        elif op is c.BRANCH:
            alternatives = [_needed(alt, before, after) for alt in av[1]]
            need = None if any(a is None for a in alternatives) else frozenset().union(*alternatives)  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            need = _needed(av[2], before and av[1] == 1, after and av[1] == 1)
        if need:
            options.append(need)
    flush(len(items))
    return max(options, key=lambda need: min(len(s) + 2 * a + 2 * b for s, a, b in need), default=None)


def _anchored(pattern: re.Pattern[str]) -> bool:
    """Whether a pattern can only match at the start of the text (``^...`` without MULTILINE)."""
    return pattern.pattern.startswith("^") and not pattern.flags & re.MULTILINE and "|" not in pattern.pattern.split("(", 1)[0]


def _pattern_needs(pattern: str, flags: int) -> frozenset[Need] | None:
    """:func:`_needed` of a pattern's parse tree."""
    from re import _parser  # type: ignore[attr-defined]

    return _needed(_parser.parse(pattern, flags))


def need_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """What every match of ``pattern`` contains: one of these strings, in the line case-folded
    (:func:`fold`); None when nothing is known. A line holding none of them cannot match, and a
    few substring tests cost less than the pattern's search (or a case-blind regex of them)."""
    needs = Gates._parse(pattern)
    return tuple(sorted({literal for literal, _left, _right in needs})) if needs else None


def may_match(folded: str, literals: tuple[str, ...] | None) -> bool:
    """Whether a case-folded line holds one of a pattern's :func:`need_literals` (True when the
    pattern's needs are unknown)."""
    return literals is None or any(literal in folded for literal in literals)


#: Up to this many needs a gate tests each by substring instead of looking the line's words up.
_FEW_NEEDS = 16


def _literal_alternatives(op: Any, av: Any) -> list[str] | None:
    """The alternatives of a branch (or of a group holding only a branch) when each is plain
    literal text, else None."""
    from re import _constants as c  # type: ignore[attr-defined]

    if op is c.SUBPATTERN and len(av[-1]) == 1:
        op, av = next(iter(av[-1]))
    if op is not c.BRANCH:
        return None
    out = []
    for alternative in av[1]:
        if any(item_op is not c.LITERAL for item_op, _ in alternative):
            return None
        out.append("".join(chr(code) for _, code in alternative))
    return out


def _trie(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words`` (escaped, as a trie: one branch per
    first letter, and so on, so the engine tries a few letters at each position, not every word)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


class Gates:
    """Cheap tests that tell which of several patterns could match a line, so the patterns that
    cannot are not searched. Each pattern's needs are read from its parse tree once
    (:func:`_needed`); a need bounded by ``\\b`` before is looked up by the line's words (one
    dictionary probe per word, not one substring test per need), the others by substring.
    Conservative: a pattern whose needs are unknown is always tried, and :meth:`possible` never
    leaves out a pattern that matches (the tests hold it to that on every corpus line)."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.always: set[int] = set()
        #: Word -> (pattern, literal): the word is the need's first word, bounded after it too.
        self.by_word: dict[str, list[tuple[int, str]]] = {}
        #: A word's first three letters (or fewer, for a shorter need) -> (pattern, lead): a need
        #: bounded before only, whose word starts with ``lead``.
        self.by_prefix: dict[str, list[tuple[int, str]]] = {}
        self.prefix_lengths: set[int] = set()
        #: (pattern, literal) needs tested by substring.
        self.loose: list[tuple[int, str]] = []
        #: Every need's literal by pattern: with few needs, substring tests are cheaper than
        #: splitting the line into words (boundaries are then not checked: still conservative).
        self.literals: list[tuple[int, str]] = []
        for k, pattern in enumerate(patterns):
            needs = self._parse(pattern)
            if needs is None or _anchored(pattern):
                # An anchored pattern fails at the line's first character: cheaper than any gate.
                self.always.add(k)
                continue
            for literal, left, right in sorted(needs):
                self.literals.append((k, literal))
                lead = _LEAD.match(literal)
                if not left or lead is None:
                    self.loose.append((k, literal))
                elif lead.group() != literal or right:
                    self.by_word.setdefault(lead.group(), []).append((k, literal))
                else:
                    key = literal[:3]
                    self.prefix_lengths.add(len(key))
                    self.by_prefix.setdefault(key, []).append((k, literal))
        leads = set(self.by_word) | {lead for entries in self.by_prefix.values() for _k, lead in entries}
        #: The words of a line that start with a looked-up word (the rest are never looked up):
        #: one search with the leads as a trie, so a line's other words cost no Python step.
        self.words = re.compile(r"\b(" + _trie(leads) + r"\w*)") if leads else None

    @staticmethod
    def _parse(pattern: re.Pattern[str]) -> frozenset[Need] | None:
        from .. import regex_cache  # the parse is kept from run to run with the compiled patterns

        try:
            needs = regex_cache.derived(_pattern_needs, pattern.pattern, pattern.flags)
        except (ImportError, AttributeError, TypeError, ValueError, IndexError):  # a Python without re._parser
            return None
        if needs is None or any(not literal for literal, _left, _right in needs):
            return None
        return needs

    def possible(self, folded: str) -> set[int]:
        """Indices of the patterns that could match a line, given the line case-folded
        (:func:`fold`)."""
        out = set(self.always)
        if len(self.literals) <= _FEW_NEEDS:
            for k, literal in self.literals:
                if literal in folded:
                    out.add(k)
            return out
        for k, literal in self.loose:
            if literal in folded:
                out.add(k)
        if self.words is not None:
            by_word, by_prefix, lengths = self.by_word, self.by_prefix, self.prefix_lengths
            for word in set(self.words.findall(folded)):
                for k, literal in by_word.get(word, ()):
                    if literal in folded:
                        out.add(k)
                for n in lengths:
                    for k, lead in by_prefix.get(word[:n], ()):
                        if word.startswith(lead):
                            out.add(k)
        return out


def fold(text: str) -> str:
    """A line case-folded the way the gates read it (:class:`Gates`): ``str.casefold``, plus the
    two letters the regex engine's case-insensitive ``i`` matches that casefold keeps apart
    (dotless ı) or expands (dotted İ, "i" and a combining dot)."""
    folded = text.casefold()
    if "ı" in folded:
        folded = folded.replace("ı", "i")
    if "\u0307" in folded:
        folded = folded.replace("i\u0307", "i")
    return folded


#: Which kinds' patterns could match a line: a line naming no kind (most lines) costs a word
#: split and a few dictionary probes, not a regular-expression search per kind.
_KIND_GATES = Gates([pattern for _key, _label, pattern in KINDS])


def kind_of(text: str) -> str:
    """The kind of furniture a line is, from the words that give it away ("furniture" when none)."""
    possible = _KIND_GATES.possible(fold(text))
    if possible:
        for k, (key, _label, pattern) in enumerate(KINDS):
            if k in possible and pattern.search(text):
                return key
    return "furniture"


def _kind_of_ungated(text: str) -> str:
    """:func:`kind_of` without the gates (what the tests hold it to)."""
    for key, _label, pattern in KINDS:
        if pattern.search(text):
            return key
    return "furniture"


def words_of(text: str) -> list[str]:
    """Word tokens of a line (letters and digits, inner apostrophes kept)."""
    return _WORD.findall(text)


def normalise(text: str) -> str:
    """A line's fingerprint text: case, punctuation and spacing folded. Numbers are kept: two wire
    stories that differ only in their figures are not one promo."""
    return " ".join(t.lower() for t in _WORD.findall(text))


def _has_address(text: str) -> bool:
    """Whether a word of the line is an address or a handle. Only words holding ``@ # . /`` can
    be one (:func:`looks_like_address`), so the rest are not tried."""
    return any(("." in w or "@" in w or "/" in w or "#" in w) and looks_like_address(w) for w in text.split()) \
        or ("@" in text and bool(_HANDLE.search(text)))


def line_features(lines: Sequence[str], phrase_flags: Sequence[bool]) -> list[dict[str, float]]:
    """Feature dictionaries of every line (a paragraph of the text), in order.

    ``phrase_flags[i]`` says whether line ``i`` matches the furniture phrase list as a whole
    line (the strong feature kept from the hand-written vocabulary). Token features are named
    ``w=<word>``; the model knows which of them carry weight. The training script builds its rows
    here; lint time asks only for the lines that could be furniture (:func:`features_of`).
    """
    found = features_of(lines, phrase_flags.__getitem__, range(len(lines)))
    return [found[i] for i in range(len(lines))]


#: What a line's features read of the other lines (:func:`line_context`).
Context = tuple[list[bool], int, int, list[int]]


def line_context(terminal: Sequence[bool], counts: Sequence[int]) -> Context:
    """Which lines are prose (eight words or more, terminal punctuation), the first and last of
    them, and the size of the block of consecutive non-prose lines each line sits in (menus and
    widget runs are long blocks, a subheading or a caption between paragraphs a block of one):
    what :func:`features_of` needs of the other lines, computed once per text."""
    n = len(counts)
    prose = [count >= 8 and term for count, term in zip(counts, terminal, strict=True)]
    last_prose = max((i for i, p in enumerate(prose) if p), default=-1)
    first_prose = next((i for i, p in enumerate(prose) if p), n)
    block = [0] * n
    start = 0
    for i in range(n + 1):
        if i == n or prose[i]:
            for k in range(start, i):
                block[k] = i - start
            start = i + 1
    return prose, first_prose, last_prose, block


def features_of(lines: Sequence[str], phrase: Callable[[int], bool], indices: Iterable[int],
                kind: Callable[[int], str] | None = None, terminal: Sequence[bool] | None = None,
                n_words: Sequence[int] | None = None, context: Context | None = None) -> dict[int, dict[str, float]]:
    """Feature dictionaries of the lines at ``indices`` only, in the context of all ``lines``.

    What a line's features need from the other lines is cheap (their length, final punctuation,
    label shape) and is computed for every line; the rest (tokens, the verb lexicon, the
    digit, date and address scans, the kind and the phrase list) only for the lines asked for, so
    the layout scores the short lines that could be furniture and never the body's prose.
    ``phrase(i)`` says whether line ``i`` is a whole-line furniture phrase (asked for the lines
    and their neighbours only); ``kind(i)``, when given, is :func:`kind_of` of line ``i`` (the
    layout's memo, so each line's kind is matched once). ``terminal`` and ``n_words``, when given,
    are every line's :func:`ends_sentence` and whitespace word count (the layout has them), and
    ``context`` their :func:`line_context` (the layout keeps it for the lines it scores later).
    """
    n = len(lines)
    if terminal is None:
        terminal = [ends_sentence(t) for t in lines]
    counts = n_words if n_words is not None else [len(t.split()) for t in lines]
    prose, first_prose, last_prose, block = context if context is not None else line_context(terminal, counts)

    def label(i: int) -> bool:
        return 0 < counts[i] <= 5 and not terminal[i] \
            and all(w[:1].isupper() or not w[:1].isalpha() for w in lines[i].split())

    out: dict[int, dict[str, float]] = {}
    for i in indices:
        text = lines[i]
        tokens = _WORD.findall(text)
        lower = [w.lower() for w in tokens]
        alpha = [w for w in tokens if w[:1].isalpha()]
        n_alpha = len(alpha)
        n_tokens = len(tokens)
        per_word = max(n_tokens, 1)
        digits = sum(map(str.isdigit, text))
        has_digit = digits > 0
        f: dict[str, float] = {
            "log_words": math.log1p(n_tokens),
            "one_word": float(n_tokens <= 1),
            "short": float(n_tokens <= 4),
            "long": float(n_tokens >= 25),
            "cap_share": sum(w[0].isupper() for w in alpha) / n_alpha if alpha else 0.0,
            "upper_share": sum(w.isupper() and len(w) > 1 for w in alpha) / n_alpha if alpha else 0.0,
            "func_share": sum(w in FUNCTION_WORDS for w in lower) / per_word,
            # (A token that is its own lower case is looked up once.)
            "finite_verb": float(any(lexicon.pos(w) in _FINITE or ((lw := w.lower()) != w and lexicon.pos(lw) in _FINITE)
                                     for w in tokens[:40])),
            "terminal": float(terminal[i]),
            "colon_end": float(text.rstrip().endswith(":")),
            "quote_start": float(text[:1] in "“\"‘'"),
            "digit_share": digits / max(len(text), 1),
            # Durations, "N hours ago" and numeric dates all need a digit: no digit, no scan.
            "duration": float(has_digit and bool(_DURATION.search(text))),
            "ago": float(has_digit and bool(_AGO.search(text))),
            "date": float(has_digit and bool(_DATE.search(text))),
            "separators": min(len(_SEPARATORS.findall(text)), 3) / 3,
            "address": float(_has_address(text)),
            "copyright": float("©" in text or "copyright" in lower),
            "credit": float(bool(CREDIT.search(text))),
            "byline": float(bool(_BYLINE.match(text))),
            "phrase": float(phrase(i)),
            "label": float(label(i)),
            "first": float(i == 0),
            "last": float(i == n - 1),
            "before_prose": float(i < first_prose),
            "after_prose": float(i > last_prose),
            "prev_label": float(i > 0 and label(i - 1)),
            "next_label": float(i + 1 < n and label(i + 1)),
            "prev_phrase": float(i > 0 and phrase(i - 1)),
            "next_phrase": float(i + 1 < n and phrase(i + 1)),
            "prev_prose": float(i > 0 and prose[i - 1]),
            "next_prose": float(i + 1 < n and prose[i + 1]),
            "in_body": float(first_prose < i < last_prose),
            "block": math.log1p(block[i]),
            "prev_words": math.log1p(counts[i - 1]) if i > 0 else 0.0,
            "next_words": math.log1p(counts[i + 1]) if i + 1 < n else 0.0,
        }
        if n_tokens <= 40:
            line_kind = kind(i) if kind is not None else kind_of(text)
            if line_kind != "furniture":
                f["kind=" + line_kind] = 1.0
        weight = 1.0 / math.sqrt(per_word)
        for w in set(lower[:30]):
            if w.isalpha():
                f["w=" + w] = weight
        out[i] = f
    return out


class FurnitureModel:
    """The shipped logistic regression: standardised dense features plus sparse word weights."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.bias: float = data["bias"]
        self.weights: dict[str, float] = data["weights"]
        self.means: dict[str, float] = data.get("means", {})
        self.scales: dict[str, float] = data.get("scales", {})
        self.threshold: float = data["threshold"]
        self.meta: dict[str, Any] = data.get("meta", {})
        #: The dense (shape) weights once, apart from the thousands of word weights.
        self._dense = [(name, w, self.means.get(name, 0.0), self.scales.get(name, 1.0))
                       for name, w in self.weights.items() if name[:2] != "w="]

    def score(self, features: dict[str, float]) -> float:
        """Probability that the line is furniture (a dot product over the line's features)."""
        z = self.bias
        for name, weight, mean, scale in self._dense:
            value = features.get(name, 0.0)
            if value != mean:
                z += weight * (value - mean) / scale
        weights = self.weights
        for name, value in features.items():
            if name[:2] == "w=":
                z += weights.get(name, 0.0) * value
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def explain(self, features: dict[str, float], top: int = 3) -> list[str]:
        """The features that pushed the line most towards furniture (for debugging and docs)."""
        parts = []
        for name, value in features.items():
            weight = self.weights.get(name)
            if weight is None:
                continue
            if name.startswith("w="):
                parts.append((weight * value, name))
            else:
                parts.append((weight * (value - self.means.get(name, 0.0)) / self.scales.get(name, 1.0), name))
        return [name for contribution, name in sorted(parts, reverse=True)[:top] if contribution > 0]


_lock = threading.Lock()
_model: list[FurnitureModel] = []


def _read_model(path: str, _stamp: str) -> dict[str, Any]:
    """The model file's data (``_stamp``, the file's size and time, keys the stored copy)."""
    with open(path, encoding="utf-8") as fh:
        return dict(json.loads(fh.read()))


def model() -> FurnitureModel:
    """The shipped model, read once per process: from the JSON file, kept from one run to the
    next with the compiled patterns (:func:`newslint.regex_cache.derived`: unmarshalling the
    6,000 weights costs a third of parsing the JSON, ~2 ms of every process)."""
    if not _model:
        with _lock:
            if not _model:
                from .. import regex_cache

                # Beside this module, not through importlib.resources (which imports tempfile,
                # zipfile, shutil, lzma and bz2: a few ms of every run's start-up).
                path = os.path.join(os.path.dirname(__file__), "data", "furniture_model.json")
                st = os.stat(path)
                data = regex_cache.derived(_read_model, path, f"{st.st_size}:{st.st_mtime_ns}")
                _model.append(FurnitureModel(data))
    return _model[0]
