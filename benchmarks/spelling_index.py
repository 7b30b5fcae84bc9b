#!/usr/bin/env python3
"""The indexed spelling search against the brute-force one: same answers, and how much faster.

``newslint.analysis.slips.corrections`` finds two-slip corrections through the compiled
symmetric-delete index (``worddata.near_words``); ``reference_corrections`` generates every
two-slip string and tests it (the specification). This script compares both on

- every lowercase alphabetic word of the corpus (``../shared/corpus``) that is not ``known``
  (what the spelling check actually searches), and
- synthetic typos: common words with one or two random slips drawn from ``slips._edits``
  (fixed seed), which exercise every slip kind and both search paths,

and reports mismatches (expected: 0) and CPU time per word for each; and checks that
``slips.may_pass``, with the spelling check's bars, never rules out a word whose best
correction clears its bar (expected: 0 wrong).

    python benchmarks/spelling_index.py [--typos 3000] [--seed 7] [--no-corpus]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newslint.analysis import slips  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
_WORD = re.compile(r"[^\W\d_]+")


def corpus_unknowns() -> list[str]:
    """Distinct lowercase alphabetic words (4-40 letters) of the corpus that are not ``known``."""
    seen: set[str] = set()
    for path in sorted(CORPUS.rglob("*.txt")):
        for word in _WORD.findall(path.read_text(encoding="utf-8", errors="replace")):
            if 4 <= len(word) <= 40 and word.islower() and word not in seen:
                seen.add(word)
    return sorted(w for w in seen if not slips.known(w) and not slips.looks_like_abbreviation(w))


def synthetic_typos(n: int, seed: int) -> list[str]:
    """``n`` distinct non-words: a common word of 4+ letters with one or two random slips."""
    rng = random.Random(seed)
    vocab = sorted(w for w in slips._vocabulary() if len(w) >= 4)
    out: set[str] = set()
    while len(out) < n:
        word = rng.choice(vocab)
        for _ in range(rng.choice((1, 2, 2))):
            word = rng.choice(list(slips._edits(word)))[0]
        if word.isalpha() and word not in slips._vocabulary():
            out.add(word)
    return sorted(out)


def compare(words: list[str], label: str) -> int:
    """Print mismatches and CPU per word for both searches; return the mismatch count."""
    fast_s = slow_s = 0.0
    bad = 0
    for word in words:
        t = time.process_time()
        fast = slips.corrections.__wrapped__(word)
        t1 = time.process_time()
        slow = slips.reference_corrections(word)
        t2 = time.process_time()
        fast_s += t1 - t
        slow_s += t2 - t1
        if fast != slow:
            bad += 1
            print(f"  MISMATCH {word!r}: indexed {fast} != reference {slow}")
    n = max(1, len(words))
    print(f"{label}: {len(words)} words, {bad} mismatches; CPU per word: indexed "
          f"{1000 * fast_s / n:.2f} ms, reference {1000 * slow_s / n:.2f} ms "
          f"({slow_s / max(fast_s, 1e-9):.1f}x)")
    return bad


def check_may_pass(words: list[str], label: str) -> int:
    """``slips.may_pass`` with the spelling check's bars (``misspelling``: the margins over the
    word's own Zipf, the floor for unseen words) never rules out a word whose best correction
    clears its bar; print the count of words it decides without the full ranking, and return
    the count of words it got wrong (expected: 0)."""
    import importlib

    from newslint.lexicon import zipf

    check = importlib.import_module("newslint.checks.spelling.misspelling")
    bad = pruned = 0
    for word in words:
        freq = zipf(word)
        if freq < 1.0:
            one, two = check.FLOOR_UNSEEN + 1.0, check.FLOOR_UNSEEN
        else:
            one, two = freq + check.MARGIN_ONE, freq + check.MARGIN_TWO
        ranked = slips.corrections(word)
        clears = bool(ranked) and ranked[0].score >= (two if len(ranked[0].slips) > 1 else one)
        if not slips.may_pass(word, one, two):
            pruned += 1
            if clears:
                bad += 1
                print(f"  MAY_PASS WRONG {word!r}: {ranked[0]} clears ({one}, {two})")
    print(f"{label}: may_pass rules out {pruned} of {len(words)} words, {bad} wrongly")
    return bad


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--typos", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-corpus", action="store_true")
    args = parser.parse_args(argv)
    slips.corrections("warmupp")  # open the tables outside the timings
    bad = 0
    if not args.no_corpus and CORPUS.is_dir():
        words = corpus_unknowns()
        bad += compare(words, "corpus unknown words")
        bad += check_may_pass(words, "corpus unknown words")
    if args.typos:
        words = synthetic_typos(args.typos, args.seed)
        bad += compare(words, f"synthetic typos (seed {args.seed})")
        bad += check_may_pass(words, f"synthetic typos (seed {args.seed})")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
