#!/usr/bin/env python3
"""Speed benchmark: newslint against proselint on the same input, in the same run.

    python benchmarks/bench.py                       # clean corpus, 10k stream, length, jobs
    python benchmarks/bench.py --sizes 10000,100000  # add the 100k-article stream
    python benchmarks/bench.py --quick               # one pass each, no stream

Not part of the test suite: speed is measured here and reported, never asserted in tests.
proselint is optional (`pip install proselint` in the benchmark environment); without it the
ratio column is left out. Prints Markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT.parent / "shared" / "corpus" / "clean"
WORD = re.compile(r"\w+")


def load_corpus() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(CLEAN.glob("*.txt"))]


def words(texts: list[str]) -> int:
    return sum(len(WORD.findall(t)) for t in texts)


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def newslint_linter():
    from newslint import Linter

    return Linter(load_entry_points=False)


def proselint_lint():
    try:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    CheckRegistry().register_many(__register__)  # what proselint's own command line does first
    return lambda text: LintFile("bench.txt", text).lint()


def throughput(texts: list[str], repeat: int) -> dict[str, dict[str, float]]:
    linter = newslint_linter()
    for t in texts[:5]:
        linter.lint(t)  # warm lazy resources (word lists, dictionaries) once, as a pipeline would
    out = {}
    secs = best_of(lambda: [linter.lint(t) for t in texts], repeat)
    n_words = words(texts)
    out["newslint"] = {"seconds": secs, "articles/s": len(texts) / secs, "words/s": n_words / secs}
    prose = proselint_lint()
    if prose is not None:
        prose(texts[0])
        secs = best_of(lambda: [prose(t) for t in texts], max(1, repeat // 2))
        out["proselint"] = {"seconds": secs, "articles/s": len(texts) / secs, "words/s": n_words / secs}
    return out


def per_check_share(texts: list[str]) -> list[tuple[str, float]]:
    """Seconds per check over the corpus (each article parsed once, structure pre-warmed)."""
    from newslint.article import Article
    from newslint.declaration import CheckContext
    from newslint.runner import run_check

    linter = newslint_linter()
    totals: dict[str, float] = defaultdict(float)
    for text in texts:
        article = Article(text)
        t0 = time.perf_counter()
        _ = article.sentences, article.words, article.quotes
        totals["(parse: paragraphs, sentences, words, quotes)"] += time.perf_counter() - t0
        for chk in linter.checks:
            t0 = time.perf_counter()
            run_check(article, chk, CheckContext(chk.options, chk))
            totals[f"{chk.code} {chk.qualified_name}"] += time.perf_counter() - t0
    total = sum(totals.values())
    return sorted(((k, v / total) for k, v in totals.items()), key=lambda kv: -kv[1])


def length_scaling(texts: list[str]) -> list[tuple[int, int, float]]:
    """Seconds per article for 1x, 10x, 100x the longest article (time should grow linearly)."""
    linter = newslint_linter()
    base = max(texts, key=len)
    rows = []
    for factor in (1, 10, 100):
        text = "\n\n".join([base] * factor)
        secs = best_of(lambda t=text: linter.lint(t), 3 if factor < 100 else 1)
        rows.append((factor, len(WORD.findall(text)), secs))
    return rows


STREAM_CHILD = r"""
import json, resource, sys, time
from newslint import Linter
texts = json.load(open(sys.argv[1]))
n = int(sys.argv[2])
linter = Linter(load_entry_points=False)
t0 = time.perf_counter()
findings = 0
for i in range(n):
    findings += len(linter.lint(texts[i % len(texts)]).findings)
secs = time.perf_counter() - t0
print(json.dumps({"n": n, "seconds": secs, "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "findings": findings}))
"""


def stream(texts: list[str], sizes: list[int]) -> list[dict[str, float]]:
    """Each stream size in a fresh process, so peak memory is that size's own."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.json"
        corpus.write_text(json.dumps(texts))
        for n in sizes:
            out = subprocess.run([sys.executable, "-c", STREAM_CHILD, str(corpus), str(n)],
                                 capture_output=True, text=True, check=True)
            rows.append(json.loads(out.stdout))
    return rows


def jobs_scaling(texts: list[str], copies: int) -> list[tuple[int, float]] | None:
    """Wall time of the command line over a folder with --jobs 1 and --jobs 2."""
    exe = [sys.executable, "-m", "newslint"]
    probe = subprocess.run([*exe, "--help"], capture_output=True, text=True)
    if "--jobs" not in probe.stdout:
        return None
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for c in range(copies):
            for i, t in enumerate(texts):
                Path(tmp, f"{c:03d}-{i:03d}.txt").write_text(t, encoding="utf-8")
        for jobs in (1, 2):
            t0 = time.perf_counter()
            subprocess.run([*exe, "--isolated", "--no-plugins", "--format", "jsonl", "--jobs",
                            str(jobs), tmp], capture_output=True, text=True)
            rows.append((jobs, time.perf_counter() - t0))
    return rows


def import_time() -> float:
    """Median wall time of ``python -c 'import newslint'`` minus bare interpreter start-up."""
    def run(code: str) -> float:
        samples = []
        for _ in range(7):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            samples.append(time.perf_counter() - t0)
        return statistics.median(samples)

    return max(0.0, run("import newslint") - run("pass"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="stream sizes in articles (comma-separated)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--jobs-copies", type=int, default=8, help="corpus copies for the --jobs test")
    args = ap.parse_args()
    if not CLEAN.is_dir():
        print(f"no corpus at {CLEAN}", file=sys.stderr)
        return 2
    texts = load_corpus()
    print(f"# newslint benchmark\n\nPython {sys.version.split()[0]}, {os.cpu_count()} cores; "
          f"clean corpus: {len(texts)} articles, {words(texts)} words.\n")

    print(f"`import newslint`: {import_time() * 1000:.0f} ms over bare interpreter start-up\n")

    res = throughput(texts, 1 if args.quick else args.repeat)
    print("## Throughput on the clean corpus (best of runs, one process)\n")
    print("| tool | seconds | articles/s | words/s |\n| --- | --- | --- | --- |")
    for tool, r in res.items():
        print(f"| {tool} | {r['seconds']:.2f} | {r['articles/s']:.0f} | {r['words/s']:.0f} |")
    if "proselint" in res:
        ratio = res["newslint"]["words/s"] / res["proselint"]["words/s"]
        print(f"\nnewslint / proselint throughput: **{ratio:.1f}x** (target >= 3x)\n")

    print("## Time share per check\n\n| check | share |\n| --- | --- |")
    for name, share in per_check_share(texts)[:25]:
        print(f"| {name} | {share * 100:.1f}% |")

    print("\n## Article length (time should grow linearly)\n")
    print("| length | words | seconds | µs/word |\n| --- | --- | --- | --- |")
    for factor, n_words, secs in length_scaling(texts):
        print(f"| {factor}x | {n_words} | {secs:.3f} | {secs / n_words * 1e6:.1f} |")

    if not args.quick:
        sizes = [int(s) for s in args.sizes.split(",") if s]
        print("\n## Stream (fresh process per size: memory should stay flat)\n")
        print("| articles | seconds | articles/s | peak RSS MB |\n| --- | --- | --- | --- |")
        for row in stream(texts, sizes):
            print(f"| {row['n']} | {row['seconds']:.1f} | {row['n'] / row['seconds']:.0f} | "
                  f"{row['maxrss_mb']:.0f} |")
        jobs = jobs_scaling(texts, args.jobs_copies)
        if jobs:
            print("\n## --jobs (command line over a folder)\n\n| jobs | seconds |\n| --- | --- |")
            for n, secs in jobs:
                print(f"| {n} | {secs:.1f} |")
            print(f"\n--jobs 2 speed-up: **{jobs[0][1] / jobs[1][1]:.2f}x** (target >= 1.7x)")
    print(f"\n(peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
