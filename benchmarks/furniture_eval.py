"""Page furniture at lint time: false findings on clean copy, recall on labelled defective pages.

    .venv/bin/python benchmarks/furniture_eval.py --corpus ../shared/corpus

* false furniture findings (NL110, every finding counts) per 1,000 words on ``clean/`` and
  ``dev-clean/``, each split into the fixed TUNING and CHECKING halves (tuning when the first
  byte of the SHA-1 of the file's base name is even), with every finding listed;
* line recall and precision on ``tests/fixtures/furniture/defective_labels.jsonl``: 17
  ``defective/`` articles of the CHECKING half labelled by reading (never used for tuning); a
  labelled line counts as found when a finding covers it, a finding on an unlabelled line counts
  against precision;
* NL110 findings per file over the whole of ``defective/`` (no labels: for reading).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

from newslint.article import Article
from newslint.checks.boilerplate.page_chrome import page_chrome
from newslint.declaration import CheckContext

ROOT = Path(__file__).resolve().parents[1]


def tuning(name: str) -> bool:
    return hashlib.sha1(name.encode()).digest()[0] % 2 == 0


def findings(text: str, path: str | None = None) -> list:
    article = Article(text, path=path)
    return list(page_chrome(article, CheckContext(page_chrome.options, page_chrome, {})))


def clean_figures(folder: Path, out: list[str]) -> None:
    totals = {True: [0, 0], False: [0, 0]}
    listed = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        hits = findings(text, str(path))
        half = tuning(path.name)
        totals[half][0] += len(text.split())
        totals[half][1] += len(hits)
        listed += [f"    {'T' if half else 'C'} {path.name}: {text[h.start:h.end][:70]!r} ({h.message[-60:]})" for h in hits]
    words = sum(t[0] for t in totals.values())
    n = sum(t[1] for t in totals.values())
    out.append(f"{folder.name}: {n} findings in {words} words = {1000 * n / max(words, 1):.4f} per 1,000 words "
               f"(tuning half {totals[True][1]}/{totals[True][0]} = {1000 * totals[True][1] / max(totals[True][0], 1):.4f}; "
               f"checking half {totals[False][1]}/{totals[False][0]} = "
               f"{1000 * totals[False][1] / max(totals[False][0], 1):.4f})")
    out += listed


def defective_sample(out: list[str]) -> None:
    path = ROOT / "tests" / "fixtures" / "furniture" / "defective_labels.jsonl"
    tp = fn = fp = 0
    kinds: Counter[str] = Counter()
    missed = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(raw)
        article = Article(rec["text"])
        hits = findings(rec["text"])
        labelled = set(rec["furniture"])
        covered = set()
        for h in hits:
            para = article.paragraph_at(h.start)
            if para is None:
                continue
            covered.add(para.index)
            if para.index not in labelled and not any(p["paragraph"] == para.index for p in rec["partial"]):
                fp += 1
                out.append(f"    unlabelled finding {rec['file']} #{para.index}: {para.text[:70]!r}")
            # '"<line>" is <kind>, page furniture, not article text (...)': the kind after the quoted line.
            kinds[h.message.split(", not article text", 1)[0].split('" is ')[-1].split(", page furniture")[0]] += 1
        for i in labelled:
            if i in covered:
                tp += 1
            else:
                fn += 1
                missed.append(f"    missed {rec['file']} #{i}: {article.paragraphs[i].text[:70]!r}")
        for p in rec["partial"]:
            hit = p["paragraph"] in covered
            tp, fn = tp + hit, fn + (not hit)
    out.append(f"defective sample (17 files, checking half, labelled by reading): recall {tp / max(tp + fn, 1):.3f} "
               f"({tp}/{tp + fn}), findings on unlabelled lines {fp} (precision {tp / max(tp + fp, 1):.3f})")
    out.append(f"  kinds named: {dict(kinds.most_common())}")
    out += missed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="../shared/corpus", type=Path)
    args = ap.parse_args(argv)
    out: list[str] = []
    for name in ("clean", "dev-clean"):
        clean_figures(args.corpus / name, out)
    defective_sample(out)
    per_file = Counter()
    for path in sorted((args.corpus / "defective").glob("*.txt")):
        per_file[path.name] = len(findings(path.read_text(encoding="utf-8"), str(path)))
    out.append(f"defective/ (all {len(per_file)} files): {sum(per_file.values())} NL110 findings, "
               f"{sum(1 for v in per_file.values() if v)} files with at least one")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
