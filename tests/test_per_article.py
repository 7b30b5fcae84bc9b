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
