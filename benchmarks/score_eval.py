"""How well the quality score ranks articles: clean copy against confirmed-defective copy.

    .venv/bin/python benchmarks/score_eval.py [--corpus ../shared/corpus]

For the clean sets (``clean/``, ``dev-clean/``) and ``defective/``, on the fixed tuning and
checking halves (a file is in the tuning half when ``sha1(name)[0] % 2 == 0``), prints the
score's percentiles and the AUC of "a defective article scores below a clean one", for the
current length-normalised score and for the old ``100 - sum`` score (which floored at 0), so
the two can be compared on the same findings.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newslint import Linter  # noqa: E402
from newslint.report import SCORE_WEIGHTS  # noqa: E402


def old_score(findings: list) -> float:
    lost = sum(SCORE_WEIGHTS.get(f.severity, 0.0) * (1.0 if f.confidence is None else f.confidence)
               for f in findings if f.category != "internal")
    return max(0.0, 100.0 - lost)


def tuning(name: str) -> bool:
    return hashlib.sha1(name.encode()).digest()[0] % 2 == 0


def auc(low: list[float], high: list[float]) -> float:
    """P(a score from ``low`` is below one from ``high``), ties counting half."""
    wins = sum(1.0 if a < b else 0.5 if a == b else 0.0 for a in low for b in high)
    return wins / (len(low) * len(high))


def percentiles(xs: list[float]) -> str:
    xs = sorted(xs)
    pick = [xs[min(len(xs) - 1, int(p / 100 * len(xs)))] for p in (5, 25, 50, 75, 95)]
    return " / ".join(f"{x:.1f}" for x in pick)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    args = ap.parse_args()
    linter = Linter(load_entry_points=False)
    rows: dict[str, list[tuple[str, float, float]]] = {}
    for part in ("clean", "dev-clean", "defective"):
        folder = Path(args.corpus) / part
        if not folder.is_dir():
            sys.exit(f"no {folder}: pass --corpus")
        for path in sorted(folder.glob("*.txt")):
            report = next(iter(linter.lint_file(str(path))))
            if report.error:
                continue
            rows.setdefault(part, []).append((path.name, report.score, old_score(report.findings)))
    print("| set | half | articles | score p5 / p25 / median / p75 / p95 | old score p5 / ... / p95 |")
    print("| --- | --- | ---: | --- | --- |")
    for part, items in rows.items():
        for half, keep in (("tuning", True), ("checking", False)):
            sel = [r for r in items if tuning(r[0]) == keep]
            print(f"| {part} | {half} | {len(sel)} | {percentiles([r[1] for r in sel])} | "
                  f"{percentiles([r[2] for r in sel])} |")
    print()
    print("| half | AUC defective < clean (score) | AUC (old score) | clean mean | defective mean |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for half, keep in (("tuning", True), ("checking", False)):
        clean = [r for part in ("clean", "dev-clean") for r in rows[part] if tuning(r[0]) == keep]
        bad = [r for r in rows["defective"] if tuning(r[0]) == keep]
        print(f"| {half} | {auc([r[1] for r in bad], [r[1] for r in clean]):.3f} | "
              f"{auc([r[2] for r in bad], [r[2] for r in clean]):.3f} | "
              f"{statistics.mean(r[1] for r in clean):.1f} | {statistics.mean(r[1] for r in bad):.1f} |")
    print()
    zero_old = sum(1 for items in rows.values() for r in items if r[2] == 0.0)
    zero_new = sum(1 for items in rows.values() for r in items if r[1] == 0.0)
    print(f"articles at 0: old score {zero_old}, score {zero_new} (of {sum(len(v) for v in rows.values())})")
    if os.environ.get("SCORE_EVAL_LIST"):
        for part, items in rows.items():
            for name, new, old in items:
                print(part, name, new, old)


if __name__ == "__main__":
    main()
