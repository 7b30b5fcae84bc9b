"""``newslint learn-furniture``: save what a batch run learns about each source's furniture as
site profiles (:mod:`newslint.analysis.batch`), for the ``furniture-profiles`` config key."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .analysis.batch import FurnitureMemory, load_profiles, save_profiles, source_key
from .article import Article
from .linter import Linter


def learn_command(argv: list[str], out: Any) -> int:
    """``newslint learn-furniture PATH... [-o FILE]``: learn the recurring lines of each source in
    a set of files and save them as site profiles, for ``furniture-profiles`` in the config."""
    ap = argparse.ArgumentParser(prog="newslint learn-furniture", description=learn_command.__doc__)
    ap.add_argument("paths", nargs="+", help="files and folders of articles (text, HTML, JSON/JSONL records)")
    ap.add_argument("-o", "--output", default="furniture-profiles.json", help="profiles file to write")
    ap.add_argument("--min-articles", type=int, default=3, help="articles a line must recur in (default 3)")
    ap.add_argument("--min-share", type=float, default=0.2,
                    help="share of a source's articles a line must recur in (default 0.2)")
    ap.add_argument("--merge", action="store_true", help="add to the profiles already in the output file")
    args = ap.parse_args(argv)
    linter = Linter({"furniture-batch": False}, load_entry_points=False)
    memory = FurnitureMemory(args.min_articles, max_entries=50000)
    articles = 0
    for item in linter.inputs(args.paths):
        if not isinstance(item, str):
            continue
        for article in linter.read(item):
            if not isinstance(article, Article):
                continue  # an input problem: nothing to learn from
            memory.observe(source_key(article), (p.text for p in article.paragraphs))
            articles += 1
    learned: dict[str, set[str]] = {k: set(v) for k, v in memory.profiles(args.min_share).items()}
    if args.merge and Path(args.output).exists():
        for site, prints in load_profiles(args.output).items():
            learned.setdefault(site, set()).update(prints)
    save_profiles(learned, args.output)
    lines = sum(len(v) for v in learned.values())
    out.write(f"{args.output}: {lines} furniture lines for {len(learned)} sources, from {articles} articles\n")
    return 0
