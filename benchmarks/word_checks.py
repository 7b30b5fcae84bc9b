#!/usr/bin/env python3
"""CPU of the word-level checks (issue 16, "Session 5: word-level checks" in docs/benchmarks.md),
per check, on the 142 clean articles: the cold pass (a fresh process meets every word for the
first time) or the warm one (a second pass over the same texts, as new articles).

    python benchmarks/word_checks.py                                    # this checkout, 5 processes
    python benchmarks/word_checks.py --compare /path/to/other/newslint/parent --runs 7
    python benchmarks/word_checks.py --warm --compare /tmp/before --runs 5

``--compare DIR`` imports newslint from ``DIR`` (a folder holding a ``newslint`` package: a
``git archive`` of another commit) in every other process. How each part is timed:
``benchmarks/per_check.py``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from per_check import report

#: The checks of this part.
PART = ("spelling.misspelling", "readability.reading-grade", "readability.long-sentence",
        "mt_artifact.fused-words", "language.foreign-passage", "consistency.spelling-variant",
        "mt_artifact.odd-compound")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compare", type=Path, metavar="DIR", help="a folder holding another newslint package")
    parser.add_argument("--warm", action="store_true", help="time a second pass over the texts")
    args = parser.parse_args(argv)
    print(report(PART, compare=args.compare, runs=args.runs, warm=1 if args.warm else 0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
