#!/usr/bin/env python3
"""CPU of the word-level checks (issue 16, "Session 5: word-level checks" in docs/benchmarks.md),
per check, on the 142 clean articles: the cold pass (a fresh process meets every word for the
first time) or the warm one (a second pass over the same texts, as new articles).

    python benchmarks/word_checks.py                                    # this checkout, 5 processes
    python benchmarks/word_checks.py --compare /path/to/other/newslint/parent --runs 7
    python benchmarks/word_checks.py --warm --compare /tmp/before --runs 5

Each run is a fresh process that lints the clean articles in process, with every check timed by
``time.process_time`` around ``runner.run_check``; the shared analyses (lines, paragraphs,
sentences, word arrays, quotes, the page layout) are computed before an article's first check
and not counted, so a check's time is its own work plus the per-article analyses it is the first
to ask for (``word_counts``, for one). The whole pass is timed too.

``--compare DIR`` imports newslint from ``DIR`` (a folder holding a ``newslint`` package: a
``git archive`` of another commit) in every other process, the editable install's import hook
set aside; the table gives medians of the alternating runs. The machine is shared: single
parts vary by 10-20% between runs, and only alternating medians are comparable. Not part of the
test suite: speed is measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT.parent / "shared" / "corpus" / "clean"

#: The checks of this part.
PART = ("spelling.misspelling", "readability.reading-grade", "readability.long-sentence",
        "mt_artifact.fused-words", "language.foreign-passage", "consistency.spelling-variant",
        "mt_artifact.odd-compound")

PROBE = r"""
import collections, json, sys, time
from pathlib import Path
if sys.argv[3]:
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f)]
    sys.path.insert(0, sys.argv[3])
import newslint
from newslint import runner
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
lint = newslint.Linter(load_entry_points=False)
if sys.argv[2] == "warm":
    for text in texts:
        lint.lint(text)
cost = collections.Counter()
seen = set()
run_check = runner.run_check
def timed(article, check, ctx, timeout=None):
    if id(article) not in seen:
        seen.add(id(article))
        for name in ("lines", "paragraphs", "sentences", "word_texts", "quotes"):
            getattr(article, name)
        article.layout.furniture; article.layout.prose; article.layout.body_end
    t = time.process_time()
    try:
        return run_check(article, check, ctx, timeout)
    finally:
        cost[check.qualified_name] += time.process_time() - t
runner.run_check = timed
t = time.process_time()
for text in texts:
    lint.lint(text)
cost["[whole pass]"] = time.process_time() - t
print(json.dumps({k: v * 1000 for k, v in cost.items()}))
"""


def run(checkout: str, warm: bool) -> dict[str, float]:
    """One fresh process: ms per check (and the whole pass) for the clean articles."""
    out = subprocess.run([sys.executable, "-c", PROBE, str(CLEAN), "warm" if warm else "cold", checkout],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compare", metavar="DIR", help="a folder holding another newslint package")
    parser.add_argument("--warm", action="store_true", help="time a second pass over the texts")
    args = parser.parse_args(argv)
    sides = {"this": ""} if not args.compare else {"other": args.compare, "this": ""}
    results: dict[str, list[dict[str, float]]] = {name: [] for name in sides}
    for _ in range(args.runs):
        for name, checkout in sides.items():  # alternating, process by process
            results[name].append(run(checkout, args.warm))
    rows = [*PART, "[part total]", "[whole pass]"]
    for per_run in results.values():
        for r in per_run:
            r["[part total]"] = sum(r.get(c, 0.0) for c in PART)
    print(f"{'check (ms, median of ' + str(args.runs) + ')':40s}" + "".join(f"{n:>10s}" for n in sides))
    for row in rows:
        print(f"{row:40s}" + "".join(f"{statistics.median(r.get(row, 0.0) for r in results[n]):10.1f}"
                                     for n in sides))
    return 0


if __name__ == "__main__":
    sys.exit(main())
