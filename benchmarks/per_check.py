"""Per-check CPU of an in-process pass over the 142 clean articles, alternating between two
checkouts: the probe shared by the part scripts (``word_checks.py``, ``name_checks.py``).

Each run is a fresh process, started from an empty folder so that ``PYTHONPATH`` decides which
checkout is imported (the editable install's import hook comes after it). The process lints the
clean articles in process, with every check timed by ``time.process_time`` around
``runner.run_check``. The shared analyses (lines, paragraphs, sentences, word arrays, quotes,
the page layout) are computed before an article's first check and timed apart, so a check's time
is its own work plus the per-article analyses it is the first to ask for (``word_counts``, for
one). The whole pass is timed too: the cold pass, or with ``warm`` the median of that many passes
after it (fresh ``Article`` objects, every per-word cache warm).

With a second checkout the two alternate, process by process, and the table gives medians:
single parts vary by 10-20% between runs on a shared machine. Not part of the test suite:
speed is measured here, never asserted in tests.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT.parent / "shared" / "corpus" / "clean"

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
    """One fresh process importing newslint from ``checkout`` (a folder holding a ``newslint``
    package): ms per check of the cold pass, or with ``warm`` the median of that many passes
    after it."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    with tempfile.TemporaryDirectory() as empty:
        out = subprocess.run([sys.executable, "-c", PROBE, str(CLEAN), str(warm)], cwd=empty, env=env,
                             capture_output=True, text=True, check=True).stdout
    return json.loads(out.splitlines()[-1])


def report(part: Sequence[str], *, compare: Path | None, runs: int, warm: int) -> str:
    """The markdown table of ``part``'s checks, their sum, the shared analyses and the whole
    pass: medians of ``runs`` processes per checkout (``compare``, the "before", alternating
    with this one)."""
    sides = {"this": ROOT} if compare is None else {"before": compare.resolve(), "this": ROOT}
    results: dict[str, list[dict[str, float]]] = {name: [] for name in sides}
    for _ in range(runs):
        for name, checkout in sides.items():
            results[name].append(probe(checkout, warm))

    def median(name: str, key: str) -> float:
        return statistics.median(r.get(key, 0.0) for r in results[name])

    names = list(sides)
    kind = f"warm CPU ms, median of {warm} passes" if warm else "cold CPU ms"
    lines = [f"| part ({kind}, medians of {runs} processes) | " + " | ".join(names) + " |",
             "| --- |" + " --- |" * len(names)]
    for key in (*part, "sum of the part", "[shared analyses]", "[whole pass]"):
        if key == "sum of the part":
            row = [sum(median(n, k) for k in part) for n in names]
        else:
            row = [median(n, key) for n in names]
        lines.append(f"| {key} | " + " | ".join(f"{v:.1f}" for v in row) + " |")
    return "\n".join(lines)
