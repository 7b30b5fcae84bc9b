#!/usr/bin/env python3
"""wordfreq's future, measured: could newslint's English frequencies come from the spelling
dictionary it already ships (pyspellchecker's word counts) instead of wordfreq?

wordfreq's upstream is sunset (its data is frozen at 2021). newslint now reads wordfreq only when
compiling its word data, never at lint time, so the question is whether a second source would
give the checks the same answers. For every word type of the corpora (lower-cased alphabetic
tokens) this script computes the Zipf value both ways (pyspellchecker: ``log10(count / total)
+ 9``) and counts how many types land on the other side of each threshold the checks use.

    python benchmarks/wordfreq_alternative.py [--sets clean,defective,dev-clean]

Prints Markdown. Measured figures are in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import math
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
#: The thresholds on ``zipf`` in the checks (grep ``zipf(`` under newslint/checks).
THRESHOLDS = (1.5, 2.0, 2.5, 3.0, 3.5, 4.5, 5.0, 6.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="clean,defective,dev-clean")
    args = ap.parse_args()
    from newslint import worddata

    spell = worddata.spelling()
    from spellchecker import SpellChecker

    total = SpellChecker().word_frequency.total_words
    tokens: Counter[str] = Counter()
    for name in args.sets.split(","):
        for path in sorted((CORPUS / name).glob("*.txt")):
            tokens.update(w.lower() for w in WORD.findall(path.read_text(encoding="utf-8")))
    flips = Counter()
    flips_weighted = Counter()
    unknown_a = unknown_b = 0
    for word, n in tokens.items():
        a = worddata.zipf(word)
        c = spell.count(word)
        b = round(math.log10(c / total) + 9, 2) if c else 0.0
        unknown_a += a == 0
        unknown_b += b == 0
        for t in THRESHOLDS:
            if (a >= t) != (b >= t):
                flips[t] += 1
                flips_weighted[t] += n
    print(f"{len(tokens)} word types, {sum(tokens.values())} tokens ({args.sets}); unknown to wordfreq: "
          f"{unknown_a}, to pyspellchecker: {unknown_b}\n")
    print("| threshold | types on the other side | share of types | tokens affected |")
    print("| --- | --- | --- | --- |")
    for t in THRESHOLDS:
        print(f"| zipf >= {t} | {flips[t]} | {100 * flips[t] / len(tokens):.1f}% | {flips_weighted[t]} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
