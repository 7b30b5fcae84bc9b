#!/usr/bin/env python3
"""Cold CPU of the name and duplicate checks (issue 16, "Session 4: name and duplicate checks"
in docs/benchmarks.md), per check, on the 142 clean articles.

    python benchmarks/name_checks.py                                   # this checkout, 3 processes
    python benchmarks/name_checks.py --compare /path/to/other/checkout --runs 3
    python benchmarks/name_checks.py --compare /path/to/other/checkout --runs 3 --warm 3   # warm passes

The same attribution as the lead's per-check script, ``perchk``: the spans of every word,
``Article.words``, are not built, as in a real run. How each part is timed:
``benchmarks/per_check.py``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from per_check import report

#: The checks of this part (capitalization, duplicate, and three of other folders).
PART = ("capitalization.entity-variant", "mt_artifact.capitalised-word-mid-sentence",
        "duplicate.repeated-paragraph", "duplicate.repeated-sentence", "duplicate.stitched-article",
        "mt_artifact.pronoun-number", "consistency.name-spelling", "capitalization.shouting",
        "capitalization.lowercase-sentence-start", "capitalization.heading-style")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compare", type=Path, help="another checkout, run alternately (the 'before')")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--warm", type=int, default=0,
                        help="report the median of this many warm passes after the cold one")
    args = parser.parse_args()
    print(report(PART, compare=args.compare, runs=args.runs, warm=args.warm))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
