#!/usr/bin/env python3
"""Cold CPU of the name and duplicate checks (issue 16, "Session 4: name and duplicate checks"
in docs/benchmarks.md), per check, on the 142 clean articles.

    python benchmarks/name_checks.py                                   # this checkout, 3 processes
    python benchmarks/name_checks.py --compare /path/to/other/checkout --runs 3
    python benchmarks/name_checks.py --compare /path/to/other/checkout --runs 3 --warm 3   # warm passes

Each run is a fresh process (from an empty folder, so that ``PYTHONPATH`` decides which checkout
is imported) that lints the clean articles once, in process, with every check timed by
``time.process_time`` around ``runner.run_check``; the shared analyses (lines, paragraphs,
sentences, the word arrays, quotes, the page layout) are computed before an article's first
check and timed apart, so a check's time is its own work plus the per-article analyses it is
the first to ask for (the same attribution as the lead's per-check script, ``perchk``: the
spans of every word, ``Article.words``, are not built, as in a real run). The whole pass is
timed too.

With ``--compare`` the two checkouts alternate, process by process; the table gives medians
(single parts vary by 10-20% between runs on the shared machine). Not part of the test suite:
speed is measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT.parent / "shared" / "corpus" / "clean"

#: The checks of this part (capitalization, duplicate, and three of other folders).
PART = ("capitalization.entity-variant", "mt_artifact.capitalised-word-mid-sentence",
        "duplicate.repeated-paragraph", "duplicate.repeated-sentence", "duplicate.stitched-article",
        "mt_artifact.pronoun-number", "consistency.name-spelling", "capitalization.shouting",
        "capitalization.lowercase-sentence-start", "capitalization.heading-style")

PROBE = r"""
import collections, json, sys, time
from pathlib import Path
import newslint
from newslint import runner
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
lint = newslint.Linter(load_entry_points=False)
cost = collections.Counter()
seen = set()
run_check = runner.run_check
def timed(article, check, ctx, timeout=None):
    if id(article) not in seen:
        seen.add(id(article))
        t = time.process_time()
        for name in ("lines", "paragraphs", "sentences", "_sentences_by_paragraph", "word_texts", "quotes"):
            getattr(article, name)
        article.layout.furniture; article.layout.prose; article.layout.body_end
        cost["[shared analyses]"] += time.process_time() - t
    t = time.process_time()
    try:
        return run_check(article, check, ctx, timeout)
    finally:
        cost[check.qualified_name] += time.process_time() - t
runner.run_check = timed
passes = []
for _ in range(1 + int(sys.argv[2])):  # the cold pass, then the warm ones (fresh Article objects)
    cost.clear()
    seen.clear()
    t = time.process_time()
    for text in texts:
        lint.lint(text)
    cost["[whole pass]"] = time.process_time() - t
    passes.append(dict(cost))
warm = passes[1:] or passes
print(json.dumps({k: sorted(p.get(k, 0.0) for p in warm)[len(warm) // 2] * 1000 for k in passes[0]}))
"""


def probe(checkout: Path, warm: int = 0) -> dict[str, float]:
    """One cold pass in a fresh process importing ``checkout``: ms per check; with ``warm``, the
    median of that many passes after it instead."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    with tempfile.TemporaryDirectory() as empty:
        out = subprocess.run([sys.executable, "-c", PROBE, str(CLEAN), str(warm)], cwd=empty, env=env,
                             capture_output=True, text=True, check=True).stdout
    return json.loads(out.splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compare", type=Path, help="another checkout, run alternately (the 'before')")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--warm", type=int, default=0,
                        help="report the median of this many warm passes after the cold one")
    args = parser.parse_args()
    sides = {"this": ROOT} if args.compare is None else {"before": args.compare.resolve(), "this": ROOT}
    results: dict[str, list[dict[str, float]]] = {name: [] for name in sides}
    for _ in range(args.runs):
        for name, checkout in sides.items():
            results[name].append(probe(checkout, args.warm))

    def median(name: str, key: str) -> float:
        return statistics.median(r.get(key, 0.0) for r in results[name])

    names = list(sides)
    kind = f"warm CPU ms, median of {args.warm} passes" if args.warm else "cold CPU ms"
    print(f"| part ({kind}, 142 clean articles) | " + " | ".join(names) + " |")
    print("| --- |" + " --- |" * len(names))
    for key in (*PART, "sum of the part", "[shared analyses]", "[whole pass]"):
        if key == "sum of the part":
            row = [sum(median(n, k) for k in PART) for n in names]
        else:
            row = [median(n, key) for n in names]
        print(f"| {key} | " + " | ".join(f"{v:.0f}" for v in row) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
