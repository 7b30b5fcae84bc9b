"""What the page-furniture analysis costs per article (``article.layout``: furniture and glued spans).

    .venv/bin/python benchmarks/furniture_cost.py --corpus ../shared/corpus [--folder clean] [--profile]

Times the layout of every article of a folder on top of the article's own analysis (paragraphs
and sentences, built first and not counted), best of ``--repeat`` runs, and with ``--profile``
prints the cProfile share of the line-model work (features and scoring). Also times one long
text in LF, CRLF and CR line endings through NL101 and NL110 (the review's worry: furniture
scoring on long CRLF texts reached through NL101's body end), to show the cost is linear and
the same for every line ending.

To compare with an older checkout, run the same script with ``PYTHONPATH`` pointing at it.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

from newslint import Linter
from newslint.analysis import furniture
from newslint.article import Article
from newslint.prefilter import haystack


def _base(texts: list[str]) -> None:
    for text in texts:
        article = Article(text)
        article.paragraphs  # noqa: B018 - built, not counted
        article.sentences  # noqa: B018


def _layout(texts: list[str]) -> None:
    for text in texts:
        article = Article(text)
        article.paragraphs  # noqa: B018
        article.sentences  # noqa: B018
        article.layout.furniture  # noqa: B018
        article.layout.partial  # noqa: B018


def furniture_only(texts: list[str], passes: int) -> float:
    """Best of ``passes`` timings (process time) of ``layout.furniture`` alone over fresh articles
    whose paragraphs, sentences, words and prefilter haystack are built first (what
    ``/work/tools/perchk.py`` books as ``[shared] layout.furniture``, without the other checks in
    between, and without the haystack that tool books to the first check that builds it)."""
    import gc
    import time as _time

    best = 1e9
    for _ in range(passes):
        articles = [Article(text) for text in texts]
        for article in articles:
            article.paragraphs  # noqa: B018
            article.sentences  # noqa: B018
            article.words  # noqa: B018
            # The prefilter's haystack too: the layout gates on it, but a default run builds it
            # anyway (NL101's paywall gate, the phrase checks), so it is not the layout's cost.
            haystack(article)
        gc.collect()
        gc.disable()  # as timeit does: a collection of earlier passes' garbage is not the layout's cost
        t0 = _time.process_time()
        for article in articles:
            article.layout.furniture  # noqa: B018
        best = min(best, _time.process_time() - t0)
        gc.enable()
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="../shared/corpus", type=Path)
    ap.add_argument("--folder", default="clean")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--furniture-passes", type=int, default=12,
                    help="passes of the layout.furniture-only timing (best kept); 0 skips it")
    ap.add_argument("--long-copies", type=int, default=5, help="copies of the folder's first 40 articles in the long text")
    args = ap.parse_args(argv)
    texts = [p.read_text(encoding="utf-8") for p in sorted((args.corpus / args.folder).glob("*.txt"))]
    furniture.model()
    _layout(texts[:3])  # warm: word lists, lexicon, compiled patterns
    best = {"base": 1e9, "layout": 1e9}
    for _ in range(args.repeat):
        for name, fn in (("base", _base), ("layout", _layout)):
            t0 = time.perf_counter()
            fn(texts)
            best[name] = min(best[name], time.perf_counter() - t0)
    per = (best["layout"] - best["base"]) * 1000 / len(texts)
    if args.furniture_passes:
        only = furniture_only(texts, args.furniture_passes)
        print(f"{args.folder}: layout.furniture alone {only * 1000:.1f} ms for the {len(texts)} articles "
              f"(best of {args.furniture_passes} passes, process time)")
    print(f"{args.folder}: {len(texts)} articles, {sum(len(t.split()) for t in texts)} words; layout (furniture + "
          f"glued spans) {per:.2f} ms per article (best of {args.repeat})")
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        _layout(texts)
        prof.disable()
        stats = pstats.Stats(prof)
        total = stats.total_tt  # type: ignore[attr-defined]
        for (_file, _line, name), row in sorted(stats.stats.items(), key=lambda kv: -kv[1][3]):  # type: ignore[attr-defined]
            if name in ("line_features", "features_of", "_scores", "score", "kind_of", "_learned", "_rules"):
                print(f"  cProfile {name:14} {row[3]:.3f} s cumulative of {total:.3f} s")
    long_text = "\n".join(texts[:40]) * args.long_copies
    warm = Linter({"select": ["NL101", "NL110"]}, load_entry_points=False)
    warm.lint("The council met on Monday.")
    for name, text in (("LF", long_text), ("CRLF", long_text.replace("\n", "\r\n")),
                       ("CR", long_text.replace("\n", "\r"))):
        for code in ("NL101", "NL110"):
            linter = Linter({"select": [code]}, load_entry_points=False)
            t0 = time.perf_counter()
            linter.lint(text)
            print(f"  long text {name:4} ({len(text):,} characters, {len(Article(text).paragraphs):,} paragraphs) "
                  f"{code}: {time.perf_counter() - t0:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
