#!/usr/bin/env python3
"""CPU of the per-article analyses every check shares, and of the runner around the checks.

    python benchmarks/shared_analyses.py                        # this checkout, 7 processes
    python benchmarks/shared_analyses.py --compare /path/to/other/checkout --runs 7

Each run is a fresh process (``python -c``, from an empty folder so that ``PYTHONPATH`` decides
which checkout is imported) that builds new :class:`~newslint.article.Article` objects for the
142 clean articles and times, with ``time.process_time``:

- each shared property on its first use (cold: ``lines``, ``paragraphs``, ``sentences``, the
  word arrays where the checkout has them, ``words`` as spans, ``quotes``), over all articles;
- the runner: linting the same articles with every check replaced by one that returns nothing
  (the second of two passes, so the readability metrics hook is cached), divided by the checks
  run: what a check costs before it does anything;
- ``token_around``: its first two calls on each article (what checks make: ~270 calls on the
  142 articles), and its cost per call at every word start of every article.

With ``--compare`` the two checkouts alternate, process by process; the table gives medians.
Not part of the test suite: speed is measured here, never asserted in tests.
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

PROBE = r"""
import json, sys, time
from pathlib import Path
cpu = time.process_time
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
import newslint
from newslint import Linter
from newslint.article import Article
from newslint.text.tokens import token_around
out = {"file": newslint.__file__}
articles = [Article(t) for t in texts]
for name in ("lines", "paragraphs", "sentences", "_word_arrays", "words", "quotes"):
    if not hasattr(Article, name):
        continue
    c0 = cpu()
    for a in articles:
        getattr(a, name)
    out[name] = cpu() - c0
fresh = [Article(t) for t in texts]  # the first calls on a text (checks make ~2 an article)
c0 = cpu()
for a in fresh:
    token_around(a.text, len(a.text) // 2)
    token_around(a.text, len(a.text) // 3)
out["token_around_first"] = cpu() - c0
c0 = cpu()
for a in articles:
    text = a.text
    for w in a.words:
        token_around(text, w.start)
out["token_around"] = (cpu() - c0) / sum(len(a.words) for a in articles)
linter = Linter(load_entry_points=False)
for c in linter.checks:
    c.fn = lambda article, ctx: ()
for _ in range(2):
    c0 = cpu()
    for a in articles:
        linter.lint_article(a)
    spent = cpu() - c0
out["runner_per_check"] = spent / (len(articles) * len(linter.checks))
out["runner_per_article"] = spent / len(articles)
print(json.dumps(out))
"""

ROWS = [
    ("lines", "lines", 1e3, "ms"),
    ("paragraphs", "paragraphs", 1e3, "ms"),
    ("sentences", "sentences", 1e3, "ms"),
    ("_word_arrays", "word arrays (starts, ends, texts)", 1e3, "ms"),
    ("words", "words as spans (after the arrays when present)", 1e3, "ms"),
    ("quotes", "quotes", 1e3, "ms"),
    ("token_around_first", "token_around, two first calls on each article", 1e3, "ms"),
    ("token_around", "token_around, per call at every word start", 1e6, "µs"),
    ("runner_per_check", "runner, per check (no-op checks)", 1e6, "µs"),
    ("runner_per_article", "runner + lint_article, per article (no-op checks)", 1e3, "ms"),
]


def probe(tree: Path | None, corpus: Path, cwd: str) -> dict[str, float]:
    env = dict(os.environ)
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    out = subprocess.run([sys.executable, "-c", PROBE, str(corpus)], capture_output=True, text=True,
                         check=True, cwd=cwd, env=env)
    return json.loads(out.stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--corpus", type=Path, default=CLEAN)
    ap.add_argument("--compare", type=Path, help="another checkout, run alternately as 'before'")
    args = ap.parse_args(argv)
    trees: list[Path | None] = [args.compare, ROOT] if args.compare else [ROOT]
    samples: dict[int, list[dict[str, float]]] = {i: [] for i in range(len(trees))}
    with tempfile.TemporaryDirectory() as cwd:
        for r in range(args.runs):
            order = list(range(len(trees)))
            if r % 2:
                order.reverse()
            for i in order:
                samples[i].append(probe(trees[i], args.corpus, cwd))
    heads = [f"{samples[i][0]['file'].rsplit('/newslint/', 1)[0]}" for i in samples]
    print(f"{len(list(args.corpus.glob('*.txt')))} articles of {args.corpus}, {args.runs} processes each; medians")
    print()
    print("| part | " + " | ".join(heads) + " |")
    print("| --- |" + " --- |" * len(heads))
    for key, label, scale, unit in ROWS:
        cells = []
        for i in samples:
            values = [s[key] for s in samples[i] if key in s]
            cells.append(f"{statistics.median(values) * scale:.2f} {unit}" if values else "-")
        print(f"| {label} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
