"""Batch furniture: lines recurring across the articles of one source, found within a run.

    .venv/bin/python benchmarks/furniture_batch.py --corpus ../shared/corpus [--stream 100000]

1. Real site folders: the ``defective/`` articles of each FakeNewsCorpus domain with three or
   more articles (``manifests/defective.jsonl`` field ``domain``) are linted as one folder, in
   name order, with ``--select NL110`` and ``furniture-batch = true`` (opt-in); for every article the lines found by the batch pass are
   listed (the site's own promo, repeated under every article).
2. One site, a repeated promo: the first 200 Reuters articles of ``dev-clean/`` (tuning half)
   with one promo sentence appended to each; reports in which articles the promo was found
   and every other line the batch pass flagged (false batch findings, Reuters repeats none).
3. A stream of N records (default 100,000) from 50 sources, each record a few unique lines plus
   its source's promo, through ``Linter.lint_many`` (``--select NL110``); the batch memory's size
   and the process's resident memory are sampled every 10% of the stream (flat = bounded).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from newslint import Linter

PROMO = "Support independent journalism: become a member of the Riverton Ledger for less than a coffee a week."


def batch_lines(report) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.excerpt for f in report.findings if "recurs in other articles" in f.message]


def site_folders(corpus: Path, out: list[str]) -> None:
    rows = [json.loads(x) for x in (corpus / "manifests" / "defective.jsonl").read_text(encoding="utf-8").splitlines()]
    by_domain: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if row.get("domain"):
            by_domain[row["domain"]].append(row["file"])
    with tempfile.TemporaryDirectory() as tmp:
        for domain, files in sorted(by_domain.items()):
            if len(files) < 3:
                continue
            folder = Path(tmp) / domain
            folder.mkdir()
            for f in sorted(files):
                shutil.copy(corpus / f, folder / Path(f).name)
            linter = Linter({"select": ["NL110"], "furniture-batch": True}, load_entry_points=False)
            out.append(f"{domain}: {len(files)} articles")
            for path in sorted(folder.iterdir()):
                for report in linter.lint_file(str(path)):
                    out.append(f"  {path.name}: batch {batch_lines(report)}; all NL110 {len(report.findings)}")


def one_site_promo(corpus: Path, out: list[str], n: int = 200) -> None:
    names = sorted(p for p in (corpus / "dev-clean").glob("reuters87-*.txt")
                   if hashlib.sha1(p.name.encode()).digest()[0] % 2 == 0)[:n]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reuters"
        folder.mkdir()
        for p in names:
            (folder / p.name).write_text(p.read_text(encoding="utf-8").rstrip() + "\n\n" + PROMO + "\n", encoding="utf-8")
        linter = Linter({"select": ["NL110"], "furniture-batch": True}, load_entry_points=False)
        found, other = [], []
        for path in sorted(folder.iterdir()):
            for report in linter.lint_file(str(path)):
                lines = batch_lines(report)
                found.append(any(PROMO.startswith(x.removesuffix("...")) for x in lines))
                other += [(path.name, x) for x in lines if not PROMO.startswith(x.removesuffix("..."))]
        first = found.index(True) if True in found else -1
        out.append(f"one site (Reuters, {len(found)} articles) with a promo under each: found in "
                   f"{sum(found)}/{len(found)} articles, first in article #{first + 1}, "
                   f"missed after that: {sum(1 for x in found[first:] if not x)}; other batch findings: {len(other)}")
        out += [f"  other: {name}: {line!r}" for name, line in other[:20]]


def _rss_mb() -> float:
    """Resident set size of this process (Linux ``/proc/self/statm``)."""
    import os

    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def stream(n: int, out: list[str]) -> None:
    linter = Linter({"select": ["NL110"], "furniture-batch": True}, load_entry_points=False)

    def records():  # type: ignore[no-untyped-def]
        for i in range(n):
            site = f"site{i % 50}.example"
            yield {"id": str(i), "source": site,
                   "body": f"Story {i} opens with fact {i * 7919 % 100003} about district {i % 977}.\n\n"
                           f"A second line {i} quotes resident number {i * 31 % 99991}.\n\n"
                           f"Promo of {site}: subscribe for unlimited access to every story."}

    t0 = time.time()
    found = 0
    for i, report in enumerate(linter.lint_many(records())):
        found += any("recurs in other articles" in f.message for f in report.findings)
        if (i + 1) % (n // 10) == 0:
            out.append(f"  after {i + 1:7} records: memory entries {linter.furniture_memory.entries():6}, "
                       f"resident {_rss_mb():7.1f} MB, promo found in {found} records, {time.time() - t0:6.1f} s")
            print(out[-1], flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="../shared/corpus", type=Path)
    ap.add_argument("--stream", type=int, default=100000)
    ap.add_argument("--skip", nargs="*", default=[], choices=["sites", "promo", "stream"])
    args = ap.parse_args(argv)
    out: list[str] = []
    if "sites" not in args.skip:
        site_folders(args.corpus, out)
    if "promo" not in args.skip:
        one_site_promo(args.corpus, out)
    if "stream" not in args.skip and args.stream:
        out.append(f"stream of {args.stream} records, 50 sources:")
        stream(args.stream, out)
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
