#!/usr/bin/env python3
"""Instructions each chosen check executes in one cold in-process pass over the clean corpus,
counted by valgrind's callgrind (deterministic, unlike CPU time on a shared machine).

    python benchmarks/check_instructions.py misspelling,reading-grade,fused-words
    python benchmarks/check_instructions.py misspelling --warm     # both passes, warm = total - cold

Collection is switched on only while a chosen check runs (a client request through a small C
helper compiled on the fly: needs gcc and valgrind's headers) and a dump is written after each
run, so each check's instructions are read apart. The shared analyses (lines, paragraphs,
sentences, word arrays and counts, quotes, the page layout) are computed before an article's
first check, outside the count; what a chosen check is the first to ask for (the distinct tokens
joined, the readability metrics the report also reads) is counted in that check. Not part of
the test suite; figures in docs/benchmarks.md ("Session 6: word-level checks").
"""

from __future__ import annotations

import argparse
import collections
import glob
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT.parent / "shared" / "corpus" / "clean"

HELPER = r"""
#include <valgrind/callgrind.h>
void toggle(void) { CALLGRIND_TOGGLE_COLLECT; }
void dump(const char *s) { CALLGRIND_DUMP_STATS_AT(s); }
"""

PROBE = r"""
import ctypes, sys
from pathlib import Path
lib = ctypes.CDLL(sys.argv[1])
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[2]).glob("*.txt"))]
chosen = set(sys.argv[3].split(","))
import newslint
from newslint import runner
lint = newslint.Linter(load_entry_points=False)
seen = set()
run_check = runner.run_check
def counted(article, check, ctx, timeout=None):
    if id(article) not in seen:
        seen.add(id(article))
        for name in ("lines", "paragraphs", "sentences", "_sentences_by_paragraph", "word_texts",
                     "quotes", "word_counts", "word_starts"):
            getattr(article, name)
        article.layout.furniture; article.layout.prose; article.layout.body_end
    if check.name not in chosen:
        return run_check(article, check, ctx, timeout)
    lib.toggle()
    try:
        return run_check(article, check, ctx, timeout)
    finally:
        lib.toggle()
        lib.dump(check.name.encode())
runner.run_check = counted
for _ in range(int(sys.argv[4])):
    for text in texts:
        lint.lint(text)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checks", help="comma-separated check names")
    parser.add_argument("--warm", action="store_true", help="two passes (the figures are their sum)")
    parser.add_argument("--corpus", default=str(CLEAN))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        helper = Path(tmp) / "cg.so"
        (Path(tmp) / "cg.c").write_text(HELPER)
        subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-o", str(helper), str(Path(tmp) / "cg.c")], check=True)
        subprocess.run(["valgrind", "--tool=callgrind", "--collect-atstart=no",
                        f"--callgrind-out-file={tmp}/out", sys.executable, "-c", PROBE, str(helper),
                        args.corpus, args.checks, "2" if args.warm else "1"],
                       check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": "0"})
        totals: collections.Counter[str] = collections.Counter()
        for name in glob.glob(f"{tmp}/out*"):
            label, count = None, 0
            with open(name, errors="replace") as fh:
                for line in fh:
                    if line.startswith("desc: Trigger:"):
                        found = re.search(r"Client Request: (\S+)", line)
                        label = found.group(1) if found else None
                    elif line.startswith(("summary:", "totals:")):
                        count = int(line.split()[1])
            if label:
                totals[label] += count
    for label, count in totals.most_common():
        print(f"{count / 1e6:9.1f} M  {label}")
    print(f"{sum(totals.values()) / 1e6:9.1f} M  total")


if __name__ == "__main__":
    main()
