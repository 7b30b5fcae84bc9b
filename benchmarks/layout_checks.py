"""Cold per-check CPU of the page layout and the checks that read it, before/after, alternating.

    .venv/bin/python benchmarks/layout_checks.py --before /path/to/old/checkout --runs 11

Each run is a fresh process (``--one``) that lints the clean corpus once with the default
checks and books the process time of: the shared analyses (lines, paragraphs, sentences, words,
quotations), the prefilter haystack (``prefilter.haystack``: shared, built by the first check that
gates on the article, so booked apart here), ``layout.furniture``, ``layout.prose``/``body_end``
and the checks NL101, NL102 and NL110 (``layout.partial`` is NL110's). Runs of the checkout on
``--before`` (put first on ``PYTHONPATH``) and of this one alternate, and the medians are printed:
on a shared machine only alternating medians compare. Run each checkout's command line once
before (``newslint --isolated --no-plugins --format json ../shared/seeds``), so both have their
stored patterns (``regex_cache``), as a user's installation does after its first run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINE = ("layout.furniture", "layout.prose/body_end", "truncation.truncated-body",
        "truncation.truncated-paragraph", "boilerplate.page-chrome")
SHARED = ("lines", "paragraphs", "sentences", "_sentences_by_paragraph", "word_texts", "quotes")


def one(corpus: Path) -> dict[str, float]:
    """One cold pass in this process: milliseconds of CPU by part."""
    import newslint
    from newslint import prefilter, runner

    texts = [p.read_text(encoding="utf-8") for p in sorted((corpus / "clean").glob("*.txt"))]
    linter = newslint.Linter(load_entry_points=False)
    spent: Counter[str] = Counter()
    seen: set[int] = set()
    run_check = runner.run_check
    clock = time.process_time

    def timed(article, check, ctx, timeout=None):  # type: ignore[no-untyped-def]
        if id(article) not in seen:
            seen.add(id(article))
            t = clock()
            for name in SHARED:
                getattr(article, name)
            spent["shared analyses"] += clock() - t
            t = clock()
            prefilter.haystack(article)
            spent["prefilter haystack"] += clock() - t
            t = clock()
            article.layout.furniture  # noqa: B018
            spent["layout.furniture"] += clock() - t
            t = clock()
            article.layout.prose  # noqa: B018
            article.layout.body_end  # noqa: B018
            spent["layout.prose/body_end"] += clock() - t
        t = clock()
        try:
            return run_check(article, check, ctx, timeout)
        finally:
            spent[check.qualified_name] += clock() - t

    runner.run_check = timed
    t0 = clock()
    for text in texts:
        linter.lint(text)
    spent["whole pass"] = clock() - t0
    spent["the five"] = sum(spent[k] for k in MINE)
    return {k: v * 1000 for k, v in spent.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=ROOT.parent / "shared" / "corpus", type=Path)
    ap.add_argument("--before", type=Path, help="the other checkout (its folder holding newslint/)")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--one", action="store_true", help="one pass in this process; print JSON")
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(one(args.corpus)))
        return 0
    sides = [("after", str(ROOT))] + ([("before", str(args.before.resolve()))] if args.before else [])
    rows: dict[str, dict[str, list[float]]] = {}
    for _ in range(args.runs):
        for side, path in reversed(sides):
            env = {**os.environ, "PYTHONPATH": path}
            # From the corpus folder, not a checkout's root: ``python`` puts the current folder first.
            out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--one", "--corpus",
                                  str(args.corpus.resolve())], env=env, capture_output=True, text=True,
                                 check=True, cwd=args.corpus)
            for key, ms in json.loads(out.stdout).items():
                rows.setdefault(key, {}).setdefault(side, []).append(ms)
    names = [side for side, _ in reversed(sides)]
    print(f"| part | {' | '.join(names)} |  (ms CPU, medians of {args.runs} alternating fresh processes)")
    print("| --- |" + " --- |" * len(names))
    for key in (*MINE, "the five", "prefilter haystack", "shared analyses", "whole pass"):
        cells = [f"{statistics.median(rows.get(key, {}).get(side, [0.0])):.1f}" for side in names]
        print(f"| {key} | {' | '.join(cells)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
