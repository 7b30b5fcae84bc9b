#!/usr/bin/env python3
"""CPU of the phrase and pattern checks on a cold pass (issue 16, session 4).

    python benchmarks/phrase_checks.py                      # ../shared/corpus/clean, 5 passes
    python benchmarks/phrase_checks.py --runs 7 DIR
    PYTHONPATH=/path/to/old/checkout python benchmarks/phrase_checks.py   # the same for an older tree

Each pass reads every article afresh (a space appended, so no per-text cache can hit), builds
the analyses the checks share (lines, paragraphs, sentences, words, quotes, the page layout with its glued furniture and,
where it exists, the prefilter's folded text and word set) outside the clock, then calls each
check's function directly, in the linter's order, and charges it its own CPU
(``time.process_time``). The shared prefilter build is reported on its own line. Printed: per
check the minimum over the passes (the machine is shared: the minimum is the least disturbed)
and the median, then the totals.

Checks measured: attribution, generated_text, markup, truncation and spacing, the page-chrome
check and date-style (the part of #16 this script was written for); ``--all`` for every check.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

MINE = ("attribution.", "generated_text.", "boilerplate.page-chrome", "markup.", "truncation.",
        "spacing.", "consistency.date-style")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared/corpus/clean"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--all", action="store_true", help="every check, not only the phrase and pattern checks")
    args = parser.parse_args()

    import newslint
    from newslint.analysis.words import words_between
    from newslint.article import Article
    from newslint.declaration import CheckContext

    has_prefilter = (Path(newslint.__file__).parent / "prefilter.py").exists()
    if has_prefilter:
        from newslint import prefilter
    lint = newslint.Linter(load_entry_points=False)
    lint.lint("Warm up. It is said that experts say so. As an AI language model I hope this helps.")
    checks = [c for c in lint.checks_for(None) if args.all or c.qualified_name.startswith(MINE)]
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(args.folder).glob("*.txt"))]
    times: dict[str, list[float]] = defaultdict(list)
    for run in range(args.runs):
        spent: dict[str, float] = defaultdict(float)
        for text in texts:
            article = Article(text + " " * (run + 1))
            article.layout_settings = lint.layout
            for name in ("lines", "paragraphs", "sentences", "words", "quotes"):
                getattr(article, name)
            for name in ("furniture", "prose", "body_end", "partial"):
                getattr(article.layout, name)
            words_between(article, 0, 1)
            if has_prefilter:
                t = time.process_time()
                prefilter.haystack(article)
                prefilter.spaced(article)
                spent["[prefilter] haystack"] += time.process_time() - t
            for check in checks:
                ctx = CheckContext(options=dict(check.options or {}), check=check)
                t = time.process_time()
                for _hit in check.fn(article, ctx) or ():
                    pass
                spent[check.qualified_name] += time.process_time() - t
        for name, seconds in spent.items():
            times[name].append(seconds)
    print(f"{len(texts)} articles from {args.folder}, {args.runs} passes; ms of CPU per pass")
    print(f"{'min':>8} {'median':>8}  check")
    for name, values in sorted(times.items(), key=lambda kv: -min(kv[1])):
        print(f"{min(values) * 1000:8.1f} {statistics.median(values) * 1000:8.1f}  {name}")
    totals = [sum(times[name][i] for name in times) for i in range(args.runs)]
    print(f"{min(totals) * 1000:8.1f} {statistics.median(totals) * 1000:8.1f}  total")
    return 0


if __name__ == "__main__":
    sys.exit(main())
