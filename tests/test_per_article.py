"""Per-article speed work (issue 16) that must not change a single finding: the indexed
spelling search, the shared tokenization and phrase scans, the runner's per-check time limit.

The speed itself is measured in ``benchmarks/`` (``bench.py``, ``spelling_index.py``), never
asserted here; these tests pin the answers to the slow, obvious versions they replaced."""

from __future__ import annotations

import random
import signal
import time
from types import SimpleNamespace

import pytest

from newslint import Config, Linter, worddata
from newslint.analysis import slips
from newslint.declaration import check
from newslint.hookspecs import hookimpl

#: Typos of every slip kind: one and two slips, doubles, phonetic rewrites, first letters,
#: short words (below the index's 5 letters), long ones, and non-ASCII letters.
TYPOS = (
    "acount", "thier", "recieved", "goverment", "outllnedd", "becommibg", "governmemnt",
    "budgett", "compnay", "anouncement", "outllined", "seperate", "prioritze", "toughs",
    "accpunt", "untill", "occured", "acciount", "definately", "tommorow", "wierd", "beleive",
    "accomodate", "neccessary", "publically", "recomend", "embarass", "existance", "begining",
    "calender", "foriegn", "garantee", "harrass", "independant", "millenium", "posession",
    "rythm", "supercede", "threshhold", "vaccum", "xerox", "phisical", "jeopardise", "gauranteed",
    "ngotiations", "parliamnet", "elecction", "poltical", "minstry", "ecnomy", "presidnet",
    "caféterias", "naïvely", "qqqqqqqq", "abcdefghijklmnopqrstuvwxyz", "tought", "laughx",
)


def _synthetic(n: int, seed: int) -> list[str]:
    """``n`` non-words made from common words by one or two random slips (fixed seed)."""
    rng = random.Random(seed)
    vocab = sorted(w for w in slips._vocabulary() if len(w) >= 4)
    out: set[str] = set()
    while len(out) < n:
        word = rng.choice(vocab)
        for _ in range(rng.choice((1, 2))):
            word = rng.choice(list(slips._edits(word)))[0]
        if word.isalpha() and word not in slips._vocabulary():
            out.add(word)
    return sorted(out)


@pytest.mark.parametrize("typed", [*TYPOS, *_synthetic(40, 16)])
def test_indexed_corrections_equal_the_brute_force_search(typed):
    """Same words, slips, scores and order as generating every two-slip string (3,842 words
    compared in ``benchmarks/spelling_index.py``: no difference)."""
    assert slips.corrections.__wrapped__(typed) == slips.reference_corrections(typed)


def test_indexed_corrections_with_other_limits_equal_the_brute_force_search():
    for typed in ("goverment", "outllnedd", "seperate"):
        for max_slips, limit in ((1, 5), (2, 1), (2, 20)):
            assert slips.corrections(typed, max_slips, limit) == \
                slips.reference_corrections(typed, max_slips, limit)


def test_near_words_are_the_words_sharing_a_two_letter_deletion():
    """The compiled SymSpell index gives exactly the common words (5+ letters) that share a
    zero-, one- or two-letter deletion with the typed word, as a direct computation does."""
    common = [w for w in worddata.common_words() if len(w) >= 5]
    for typed in ("goverment", "acount", "toughs"):
        keys = worddata._deletions(typed, 2)
        # A word shares a deletion only when its length is within two of the typed word's.
        expected = {w for w in common if abs(len(w) - len(typed)) <= 2 and keys & worddata._deletions(w, 2)}
        assert worddata.near_words(typed) == expected
        assert "government" in worddata.near_words("goverment")


def test_near_words_for_other_parameters_are_built_in_memory():
    found = worddata.near_words("goverment", 8)
    assert "government" in found and all(len(w) >= 8 for w in found)
    assert found == {w for w in worddata.near_words("goverment") if len(w) >= 8}


# -- the runner's time limit --------------------------------------------------------------------


def _plugin(*fns) -> SimpleNamespace:
    checks = [check(code=f"EV95{i}", name=f"probe{i}", category="spacing", severity="info")(fn)
              for i, fn in enumerate(fns)]

    @hookimpl
    def newslint_register_checks(register):
        for chk in checks:
            register(chk)

    return SimpleNamespace(newslint_register_checks=newslint_register_checks, __name__="probes")


def test_alarm_handler_is_restored_after_linting():
    def noop(article, ctx):
        """Nothing."""
        return []

    def mine(signum, frame):  # pragma: no cover - never fires
        raise AssertionError

    old = signal.signal(signal.SIGALRM, mine)
    try:
        Linter(Config(check_timeout=5), plugins=[_plugin(noop)], load_entry_points=False).lint("Text here.")
        assert signal.getsignal(signal.SIGALRM) is mine
    finally:
        signal.signal(signal.SIGALRM, old)


def test_a_check_that_replaces_the_alarm_handler_does_not_lift_the_next_checks_limit():
    """The handler is installed once per article; a check that installs its own must not leave
    the following checks without a time limit."""

    def replaces(article, ctx):
        """Installs an ignoring handler."""
        signal.signal(signal.SIGALRM, signal.SIG_IGN)
        return []

    def sleepy(article, ctx):
        """Sleeps past the limit."""
        time.sleep(5)
        return []

    lin = Linter(Config(check_timeout=0.3), plugins=[_plugin(replaces, sleepy)], load_entry_points=False)
    started = time.monotonic()
    report = lin.lint("Text here.")
    assert time.monotonic() - started < 4
    assert any("timed out" in f.message and "EV951" in f.message for f in report.findings if f.code == "NL001")


def test_each_check_keeps_its_full_limit_under_the_one_timer_per_article(monkeypatch):
    """The timer is armed once per article; a check that starts late still gets its whole limit
    from its own start (two checks of 0.45 s under a 0.7 s limit both finish), and one past it
    is interrupted."""

    monkeypatch.setattr("newslint.runner._timeouts", {})  # other tests' time-outs of EV95x
    def first(article, ctx):
        """Works 0.45 s."""
        time.sleep(0.45)
        return []

    def second(article, ctx):
        """Works 0.45 s, starting 0.45 s after the timer was armed."""
        time.sleep(0.45)
        return []

    def third(article, ctx):
        """Works past the limit."""
        time.sleep(5)
        return []

    lin = Linter(Config(check_timeout=0.7), plugins=[_plugin(first, second, third)], load_entry_points=False)
    started = time.monotonic()
    report = lin.lint("Text here.")
    assert time.monotonic() - started < 3
    internal = [f.message for f in report.findings if f.code == "NL001"]
    assert len(internal) == 1 and "EV952" in internal[0] and "timed out" in internal[0]


def test_a_check_that_stops_the_timer_does_not_lift_the_next_checks_limit(monkeypatch):
    monkeypatch.setattr("newslint.runner._timeouts", {})  # other tests' time-outs of EV95x
    def stops(article, ctx):
        """Disarms the real-time timer."""
        signal.setitimer(signal.ITIMER_REAL, 0)
        return []

    def sleepy(article, ctx):
        """Sleeps past the limit."""
        time.sleep(5)
        return []

    lin = Linter(Config(check_timeout=0.3), plugins=[_plugin(stops, sleepy)], load_entry_points=False)
    started = time.monotonic()
    report = lin.lint("Text here.")
    assert time.monotonic() - started < 4
    assert any("timed out" in f.message and "EV951" in f.message for f in report.findings if f.code == "NL001")


def test_built_in_checks_share_one_timer_per_article(monkeypatch):
    """Two ``setitimer`` calls an article (arm, disarm), not two per check."""
    lin = Linter(Config(check_timeout=5), load_entry_points=False)
    lin.lint("The council met on Monday. It approved the budget, officials said.")  # data loaded
    calls = []
    real = signal.setitimer

    def counting(which, seconds, interval=0.0):
        calls.append(seconds)
        return real(which, seconds, interval)

    monkeypatch.setattr(signal, "setitimer", counting)
    lin.lint("The council met on Tuesday. It approved the plan, officials said.")
    assert len(lin.checks) > 20
    assert len(calls) == 2 and calls[-1] == 0


# -- scanning regexes written to start with a consumed character ----------------------------------

#: (module, attribute, the pattern as first written): each rewrite moves the leading look-behind
#: after the first character it consumes, which lets ``re`` skip to candidates in C.
_REWRITTEN = [
    ("newslint.text.segment", "_BOUNDARY", r"(?<![.!?…])[.!?…]++[\"”’')\]]*+(?=\s++\S)", False),
    ("consistency.name_spelling", "_CAPITALISED", r"\b[A-ZÀ-Ý][a-zà-ÿ]{2,}\b", False),
    ("newslint.analysis.words", "_CAPITALISED", r"(?<![^\W_])[A-Z][^\W_]*(?:['’\-][^\W_]+)*", False),
    ("spacing.space_inside_quotes", "_INSIDE_OPEN", r"(?:^|(?<=\s))(“)( +)(?=[^\W_])", False),
    ("spacing.space_inside_quotes", "_INSIDE_CLOSE", r"(?<=[^\W_][.,!?])( +)(”)", True),
    ("spacing.doubled_space", "_DOUBLE", r"(?<=[^\W_,;]) {2,}(?=[^\W_])", False),
    ("spacing.missing_space_after_punctuation", "_JOIN",
     r"([.!?;:,])(?<=[^\W\d_]{2}[.!?;:,])([“‘\"']?)(?=[^\W\d_])", False),
    ("spacing.space_before_punctuation", "_BEFORE", r"(?<=[^\W_])( +)([,;:!?.])(?=\s|$)", False),
    ("spacing.missing_space_after_punctuation", "_JOIN",
     r"(?<=[^\W\d_]{2})([.!?;:,])([“‘\"']?)(?=[^\W\d_])", False),
    ("spacing.missing_space_after_punctuation", "_AFTER_CLOSE", r"(?<=[.!?,])([”\"])(?=[^\W\d_]{2})", False),
    ("consistency.us_abbreviation", "_US", r"(?<![\w.])(?:U\.S\.(?!\w)|US(?![\w.]))", False),
    ("generated_text.placeholder", "_TK", r"(?<![\w-])(?:TK(?:TK)*|XX(?:,XXX)*)(?![\w-])", False),
    ("markup.machine_timestamp", "_TIMESTAMP",
     r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?\b", False),
    ("markup.machine_timestamp", "_EPOCH", r"(?<![\w.,$])1[3-7]\d{8}(?:\d{3})?(?![\w.,%])", False),
]
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_REWRITTEN += [
    ("consistency.date_style", "_MONTH_DAY", rf"\b(?:{_MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?\b", False),
    ("consistency.date_style", "_DAY_MONTH", rf"\b\d{{1,2}}(?:st|nd|rd|th)? (?:of )?(?:{_MONTHS})\b", False),
]


def _texts() -> list[str]:
    """The vendored sample articles and random strings over the characters these patterns test."""
    from pathlib import Path

    fixtures = Path(__file__).parent / "fixtures"
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(fixtures.rglob("*.txt"))]
    rng = random.Random(5)
    alphabet = "aZ1 _-.,;:!?…)]“”‘’\"'\n\t$%USTKXéÉ×٣"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(4000)]
    texts += ["“ a", "x “ b", "a.  ” b", "U.S. and xU.S. .US US.", "TKTK -TK XX,XXX", "1500000000 $1500000000",
              "2024-01-05T10:00Z a2024-01-05T10:00", "May 5th xMay 5 5 of May a5 May", "a  b ,  b a . a  ,x",
              "ab.Cd ab.“Cd said.”He"]
    return texts


def _matches(pattern, text: str, start: int, end: int, groups_only: bool) -> list:
    if groups_only:  # the rewrite consumes one more character; the check reads only the groups
        return [tuple(m.span(g) for g in range(1, pattern.groups + 1)) for m in pattern.finditer(text, start, end)]
    return [(m.span(), m.groups()) for m in pattern.finditer(text, start, end)]


@pytest.mark.parametrize(("module", "name", "plain", "groups_only"), _REWRITTEN)
def test_rewritten_scanning_patterns_match_as_their_plain_forms(module, name, plain, groups_only):
    """Same matches on whole texts and on each line as a range (checks scan paragraph ranges,
    where a look-behind may see the character before the range)."""
    import importlib
    import re

    package = module if module.startswith("newslint.") else f"newslint.checks.{module}"
    fast = getattr(importlib.import_module(package), name)
    slow = re.compile(plain)
    assert fast.pattern != plain
    for text in _texts():
        assert _matches(fast, text, 0, len(text), groups_only) == _matches(slow, text, 0, len(text), groups_only)
        at = 0
        for line in text.split("\n"):
            assert _matches(fast, text, at, at + len(line), groups_only) == \
                _matches(slow, text, at, at + len(line), groups_only)
            at += len(line) + 1


def test_foreign_marker_searches_agree_with_the_one_pattern():
    """``has_marker`` (two searches re runs from candidate to candidate) is ``_MARKER.search``."""
    import importlib

    foreign = importlib.import_module("newslint.checks.language.foreign_passage")
    rng = random.Random(9)
    words = [*foreign._FUNCTION_WORDS, "dé", "xde", "de_", "_de", "Del", "sur", "the", "ya", "1de", "ñ"]
    texts = _texts() + [" ".join(rng.choice(words) + rng.choice(" ,.-’'_1")
                                  for _ in range(rng.randint(1, 6))) for _ in range(3000)]
    for text in texts:
        assert foreign.has_marker(text) == (foreign._MARKER.search(text) is not None), text


def test_listed_spellings_are_the_lowercase_runs_that_are_listed():
    """spelling-variant finds listed words directly; same spans as every ``[a-z]+`` run looked up."""
    import importlib

    variant = importlib.import_module("newslint.checks.consistency.spelling_variant")
    pairs = variant._pairs()
    listed = sorted(pairs)
    rng = random.Random(3)
    texts = _texts() + [" ".join(rng.choice([*listed, "x", "Colour", "colourful", "organisations"]) + rng.choice(" ,.-1é")
                                  for _ in range(rng.randint(1, 8))) for _ in range(2000)]
    for text in texts:
        slow = [m.span() for m in variant._WORD.finditer(text) if m.group(0) in pairs]
        assert [m.span() for m in variant._listed().finditer(text)] == slow, text


def test_compiled_capital_shares_equal_the_vendored_table():
    """``capital_share`` reads the compiled copy (no 40 ms load per process); every entry of the
    vendored table comes back the same, and words outside it stay unknown."""
    from newslint.worddata import case

    table = case._load()
    assert len(table) > 30_000
    assert all(case.capital_share(word) == share / 1000 for word, share in table.items())
    assert case.capital_share("Senate") == table["senate"] / 1000
    assert case.capital_share("qzxqzxv") is None and case.capital_share("of") is None


# -- shared token and word analyses --------------------------------------------------------------


def _walked_token(text: str, index: int) -> tuple[int, int]:
    """The token around ``index`` by walking character by character (the specification)."""
    start = index
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = index
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def test_token_around_equals_the_walk():
    """Windowed look-up, and the index past the window (tokens longer than 48 characters)."""
    from newslint.text.tokens import token_around

    rng = random.Random(11)
    for _ in range(1500):
        alphabet = rng.choice(["ab \n", "a b\u2028\u00a0x", "abcdefgh  ", "aaa ", "a"])
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 260)))
        for index in range(len(text) + 1):
            assert token_around(text, index) == _walked_token(text, index), (text, index)


def test_word_arrays_are_the_word_pattern_matches():
    """``re.split`` plus a running sum gives exactly the spans ``finditer`` gives, with and
    without an offset; the article's word forms agree with each other."""
    from collections import Counter

    from newslint.article import Article
    from newslint.text.segment import _WORD, Span, words_of

    for text in _texts():
        for offset in (0, 7):
            assert words_of(text, offset) == [Span(offset + m.start(), offset + m.end(), m.group())
                                              for m in _WORD.finditer(text)]
        article = Article(text)
        assert article.word_starts == [w.start for w in article.words]
        assert article.word_ends == [w.end for w in article.words]
        assert article.word_texts == [w.text for w in article.words] == [text[w.start:w.end] for w in article.words]
        assert article.word_counts == Counter(article.word_texts) and article.word_set == set(article.word_texts)
        assert article.word_count == len(article.words)


def test_word_arrays_cut_in_c_equal_the_regex_split():
    """The C path (texts whose letters and digits are ASCII) and the regular-expression path give
    the same arrays: joiners at edges, doubled, beside "’" or a non-ASCII character, "’" inside
    and outside words, offsets."""
    from newslint.text import segment

    rng = random.Random(16)
    alphabets = ["ab1 '’-", "aB9 ’'--.“”\n", "a -'’\u2014\u00a0\t?", "xy’s don't well-known  —", "a’"]
    texts = ["".join(rng.choice(rng.choice(alphabets)) for _ in range(rng.randint(0, 60))) for _ in range(6000)]
    texts += ["", "'", "’", "-a-", "a'-b", "a’’b", "a’-’b", "’tis rock’n’roll", "x\ud800y", "é’s"]
    for text in texts + _texts():
        for offset in (0, 7):
            expected = segment._regex_word_arrays(text, offset)
            assert segment.word_arrays(text, offset) == expected, text
            if not segment._LETTER_OR_DIGIT.search(segment.non_ascii(text)):
                assert segment._ascii_word_arrays(text, offset, True) == expected, text
                if text.isascii():
                    assert segment._ascii_word_arrays(text, offset, False) == expected, text
    assert segment.non_ascii("a “b” é ٣\ud800") == "“”é٣\ud800"


def test_words_between_is_the_same_before_and_after_the_span_list_exists():
    """Before any check built ``article.words``, ``words_between`` builds the spans of its range
    only; the values are those of the slice of the full list."""
    from newslint.analysis.words import count_words_between, word_range, word_texts_between, words_between
    from newslint.article import Article

    rng = random.Random(8)
    for text in _texts()[:300]:
        ranges = [(rng.randint(0, len(text)), rng.randint(0, len(text))) for _ in range(5)] + [(0, len(text))]
        ranges = [(min(a, b), max(a, b)) for a, b in ranges]
        fresh = Article(text)
        before = [words_between(fresh, a, b) for a, b in ranges]
        assert "words" not in fresh.__dict__
        full = Article(text)
        assert isinstance(full.words, list)  # the full list first: words_between slices it
        assert [words_between(full, a, b) for a, b in ranges] == before
        for (a, b), spans in zip(ranges, before, strict=True):
            assert spans == [w for w in full.words if a <= w.start < b]
            assert word_texts_between(full, a, b) == [w.text for w in spans]
            assert count_words_between(full, a, b) == len(spans)
            i, j = word_range(full, a, b)
            assert full.words[i:j] == spans


def test_a_time_limit_inside_a_check_fires_and_leaves_the_next_checks_limit(monkeypatch):
    """``time_limit`` used inside a check keeps its own deadline (the article's timer does not
    swallow it), and the checks after it are still limited."""
    from newslint.runner import CheckTimeout, time_limit

    monkeypatch.setattr("newslint.runner._timeouts", {})  # other tests' time-outs of EV95x
    def own_deadline(article, ctx):
        """Waits under its own 0.2 s deadline."""
        try:
            with time_limit(0.2):
                time.sleep(3)
        except CheckTimeout:
            return []
        raise AssertionError("the inner deadline did not fire")

    def sleepy(article, ctx):
        """Sleeps past the limit."""
        time.sleep(5)
        return []

    lin = Linter(Config(check_timeout=1.0), plugins=[_plugin(own_deadline, sleepy)], load_entry_points=False)
    started = time.monotonic()
    report = lin.lint("Text here.")
    assert time.monotonic() - started < 3.5
    internal = [f.message for f in report.findings if f.code == "NL001"]
    assert len(internal) == 1 and "EV951" in internal[0] and "timed out" in internal[0]


# -- sentence splitting ----------------------------------------------------------------------------


def _plain_split_sentences(text: str, offset: int = 0, paragraph: int = 0) -> list:
    """The sentence split as written before the per-boundary fast paths (the specification)."""
    from newslint.text import segment
    from newslint.text.segment import Sentence

    sentences: list = []
    start = 0
    n = len(text)
    for match in segment._BOUNDARY.finditer(text):
        end = match.end()
        nxt = segment._SPACES.match(text, end).end()
        next_char = text[nxt] if nxt < n else ""
        punct = match.group(0)
        if punct.startswith(".") and not punct.startswith("..") and segment._ends_with_abbreviation(
                segment._before(text, start, match.start()), next_char, text, nxt):
            continue
        if punct.startswith(("..", "…")) and next_char.islower():
            continue
        if punct == "." and (next_char == "." or (next_char.islower()
                                                   and text[max(0, match.start() - 2):match.start()] == ". ")):
            continue
        if next_char.isdigit() and punct.rstrip("\"”’')]") in (".",) and match.start() > 0 \
                and text[match.start() - 1].isdigit():
            continue
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            sentences.append(Sentence(offset + start + lead, offset + end, stripped, paragraph, len(sentences)))
        start = nxt
    piece = text[start:]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        stripped = piece.strip()
        sentences.append(Sentence(offset + start + lead, offset + start + lead + len(stripped), stripped,
                                  paragraph, len(sentences)))
    return segment._merge_abbreviation_stubs(sentences, text, offset)


def _sentence_texts() -> list[str]:
    """Paragraph-like strings dense in boundaries: abbreviations of every list, in every case,
    initials, numbers, ellipses, closers, odd white space."""
    from newslint.text import segment

    rng = random.Random(21)
    abbreviations = sorted(segment._ANY_ABBREVIATION)
    words = ["said", "The", "the", "he", "It", "in", "a", "U.S.", "J.", "K.", "No.", "12", "3.5", "km",
             "non-U.S.", "(Mr.", "“Dr.", "R-Mo.", "Tex.", "Dallas,", "x", "ß", "Straße", "İstanbul", "Kelvin",
             "...", ". . .", "…", "?", "!", "?!", ".”", ".)", "”", "’", "\"", ")", "#4", "Inc.", "Co.",
             "e.g.", "a.m.", "word-word", "5.!", "7.?", "8.…", "9.”", "1.)", "verylongwordwithoutanyspaceinsideitatallreally"]
    out = []
    for _ in range(3000):
        parts = []
        for _ in range(rng.randint(1, 14)):
            w = rng.choice(words) if rng.random() < 0.6 else rng.choice(abbreviations)
            w = w.upper() if rng.random() < 0.1 else (w.capitalize() if rng.random() < 0.2 else w)
            parts.append(w + rng.choice(["", "", ".", ". ", ".  ", "? ", "... ", ".\t", ".\u00a0", ". . . ", "", ","]))
        out.append(rng.choice(["", " ", "  "]).join(parts) if rng.random() < 0.5 else " ".join(parts))
    return out


def test_sentence_split_equals_the_plain_version():
    """The per-boundary fast paths (plain word before a full stop, one space before the next
    word, punctuation read by index) split as the plain version does, offsets included."""
    from newslint.text.segment import split_sentences

    for text in _texts() + _sentence_texts():
        for offset, paragraph in ((0, 0), (9, 3)):
            assert split_sentences(text, offset, paragraph) == _plain_split_sentences(text, offset, paragraph), text


def test_whole_text_scans_equal_paragraph_scans():
    """Checks that scan the whole text once (doubled-space) find what one scan per paragraph
    finds: a match never leaves its paragraph."""
    import importlib

    from newslint.article import Article

    doubled = importlib.import_module("newslint.checks.spacing.doubled_space")
    for text in [*_texts(), "a  b\n  c  d  \n\n e   f", "x \r\n  y  z"]:
        article = Article(text)
        per_paragraph = [m.span() for p in article.paragraphs for m in doubled._DOUBLE.finditer(text, p.start, p.end)]
        assert [m.span() for m in doubled._DOUBLE.finditer(text)] == per_paragraph, text



def test_heading_end_is_the_pattern_search():
    from newslint.article import _HEADING_END, _heading_end

    rng = random.Random(14)
    alphabet = "a .!?,;:…\"”’)\n(x"
    for text in _texts() + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))) for _ in range(3000)]:
        assert _heading_end(text) == (_HEADING_END.search(text) is not None), repr(text)



def test_closing_mark_patterns_together_are_the_one_pattern():
    """missing-space scans for "”" and '"' with a pattern each (a literal first character):
    together, in order, the matches of the class pattern (spans and groups)."""
    import importlib

    ms = importlib.import_module("newslint.checks.spacing.missing_space_after_punctuation")
    rng = random.Random(16)
    alphabet = ["a", "Ab", ".", ",", "!", "?", "”", "\"", " ", "1", "é", "_", "\n"]
    texts = _texts() + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(4000)]
    for text in texts:
        split = sorted((m for p in ms._AFTER_CLOSES for m in p.finditer(text)), key=lambda m: m.start())
        assert [(m.span(), m.groups()) for m in split] == \
            [(m.span(), m.groups()) for m in ms._AFTER_CLOSE.finditer(text)], repr(text)


def test_join_patterns_together_are_the_one_pattern():
    """missing-space scans with a pattern per punctuation mark present in the text (a literal
    first character): together, in order, the matches of the class pattern."""
    import importlib

    ms = importlib.import_module("newslint.checks.spacing.missing_space_after_punctuation")
    rng = random.Random(17)
    alphabet = ["a", "Ab", ".", ",", "!", "?", ";", ":", "“", "‘", "'", "\"", " ", "1", "é", "_", "\n", "ab"]
    texts = _texts() + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(4000)]
    for text in texts:
        split = sorted((m for mark, p in ms._JOINS if mark in text for m in p.finditer(text)),
                       key=lambda m: m.start())
        assert [(m.span(), m.groups()) for m in split] == \
            [(m.span(), m.groups()) for m in ms._JOIN.finditer(text)], repr(text)


def test_full_stop_boundary_is_the_boundary_without_other_marks():
    from newslint.text.segment import _BOUNDARY, _FULL_STOP

    for text in _texts() + _sentence_texts():
        text = text.replace("?", ".").replace("!", ",").replace("…", "...")
        assert [m.span() for m in _FULL_STOP.finditer(text)] == [m.span() for m in _BOUNDARY.finditer(text)], text


def _plain_quote_spans(text: str, offset: int) -> list:
    """Quotation spans of one paragraph read character by character (the specification of
    ``Article.quotes``, which reads only the marks found by ``Article.quote_marks``)."""
    from newslint.text.segment import Span

    spans: list = []
    open_at = None
    n = len(text)
    for i, ch in enumerate(text):
        if ch in "“«„":
            if open_at is None:
                open_at = i
        elif ch in "”»" or ch == '"':
            if open_at is not None:
                spans.append(Span(offset + open_at, offset + i + 1, text[open_at:i + 1]))
                open_at = None
            elif ch == '"':
                prev = text[i - 1] if i else " "
                nxt = text[i + 1] if i + 1 < n else " "
                if (prev.isspace() or prev in "([{—–-/:") and not nxt.isspace():
                    open_at = i
    if open_at is not None:
        spans.append(Span(offset + open_at, offset + n, text[open_at:]))
    return spans


def test_unmarked_ascii_paragraphs_hold_no_quotation():
    """Article.quotes (from the shared mark offsets) is the character-by-character reading of
    each paragraph; the mark offsets are every mark's; unclosed-quotation reads the same marks
    from them as by searching a paragraph without doubled single marks, and looks at later
    paragraphs' first marks as a character-by-character reading does."""
    import importlib

    from newslint.article import Article

    unclosed = importlib.import_module("newslint.checks.punctuation.unclosed_quotation")
    rng = random.Random(19)
    pieces = ["“a", "b”", "\"c", "''g", "'", "’’", "«h", "„i", "j»", "x", " ", "\n", "\n\n", "é", "‘‘", "(\""]
    texts = _texts() + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 20))) for _ in range(3000)]
    for text in texts:
        article = Article(text)
        assert article.quotes == [q for p in article.paragraphs for q in _plain_quote_spans(p.text, p.start)], text
        assert article.quote_marks == [i for i, ch in enumerate(text) if ch in '“«„”»"'], text
        for p in article.paragraphs:
            if not unclosed._doubled(p.text):
                marks = [m - p.start for m in article.quote_marks if p.start <= m < p.end]
                assert unclosed._open_quotations(p.text, marks) == unclosed._open_quotations(p.text), p.text
        last = len(article.paragraphs) - 1
        for p in article.paragraphs:
            assert unclosed._closes_in_later_paragraph(article, p.index, last) == \
                _plain_closes_later(article.paragraphs, p.index, last), text


def _plain_closes_later(paras: list, index: int, last: int) -> bool:
    """unclosed-quotation's look at later paragraphs, character by character (the specification)."""
    for para in paras[index + 1:min(index + 9, last + 1)]:
        text = para.text
        for i, ch in enumerate(text):
            if ch == "”" or ch == "»":
                return True
            if ch in "“«":
                return False
            if ch == '"':
                before = text[i - 1] if i else " "
                after = text[i + 1] if i + 1 < len(text) else " "
                return not before.isspace() and (after.isspace() or after in ".,;:!?)")
    return False


def test_excluded_seconds_start_at_zero_on_every_thread_and_both_readers_agree():
    """``uncounted``'s per-thread total: 0.0 on a thread that never ran ``not_counted`` (a class
    default, no ``AttributeError`` raised and caught), and the C-level reader the runner uses
    gives what ``excluded_seconds`` gives, on each thread."""
    import threading

    from newslint import uncounted

    seen: list = []

    def probe() -> None:
        seen.append((uncounted.excluded_seconds(), uncounted.read_excluded_seconds(),
                     "seconds" in uncounted._local.__dict__))
        with uncounted.not_counted():
            time.sleep(0.01)
        seen.append((uncounted.excluded_seconds(), uncounted.read_excluded_seconds()))

    thread = threading.Thread(target=probe)
    thread.start()
    thread.join()
    assert seen[0] == (0.0, 0.0, False)
    assert seen[1][0] == seen[1][1] >= 0.01
    assert uncounted.read_excluded_seconds() == uncounted.excluded_seconds()


def test_paragraphs_and_line_starts_read_from_raw_lines_equal_the_line_spans():
    """``Article.paragraphs`` and ``_line_starts`` are computed from the raw lines without a span
    per line: the same as reading ``Article.lines`` (every line break Python splits at)."""
    from newslint.article import Article, classify_paragraph
    from newslint.text.segment import strip_span

    rng = random.Random(21)
    pieces = ["a", "B c", " ", "\t", "\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029",
              "\u00a0", "“x”", "1.", "# h"]
    texts = _texts() + ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 16))) for _ in range(4000)]
    for text in [*texts, "", "\n", "\r", "a\n", "a\r\n", "a\u2028", "\n\n a \n"]:
        article = Article(text)
        lines = article.lines
        assert article._line_starts == [line.start for line in lines], repr(text)
        want = []
        blank = True
        for line in lines:
            span = strip_span(line)
            if span is None:
                blank = True
                continue
            want.append((span.start, span.end, span.text, blank))
            blank = False
        got = article.paragraphs
        assert [(p.start, p.end, p.text, p.blank_before) for p in got] == want, repr(text)
        assert [p.blank_after for p in got] == [w[3] for w in want[1:]] + [True] * bool(want), repr(text)
        assert [p.kind for p in got] == [classify_paragraph(w[2]) for w in want]
        assert all(text[p.start:p.end] == p.text for p in got)


def test_contexts_kept_per_selection_are_each_checks_own():
    """The hook's contexts, kept per list of checks, are what ``_context`` gives each check; a
    check whose options were replaced, another settings mapping or another list gets new ones."""
    import dataclasses

    from newslint import runner

    lin = Linter(load_entry_points=False, warm_up=False)
    checks = list(lin.checks)
    settings = lin.config.settings
    first = runner._contexts_of(checks, settings)
    assert first == [runner._context(c, settings) for c in checks]
    assert runner._contexts_of(checks, settings) is first
    assert all(ctx.options is c.options for ctx, c in zip(first, checks, strict=True))
    changed = dataclasses.replace(checks[3], options={**checks[3].options})
    swapped = [*checks[:3], changed, *checks[4:]]
    again = runner._contexts_of(swapped, settings)
    assert again is not first and again[3].options is changed.options and again[4] is first[4]
    checks[3] = changed  # the same list, changed in place
    assert runner._contexts_of(checks, settings)[3].options is changed.options
    other = dict(settings)
    assert runner._contexts_of(checks, other)[0].settings is other
    same = checks[5]
    object.__setattr__(same, "options", {**same.options})  # the same check, its options replaced
    assert runner._contexts_of(checks, other)[5].options is same.options
