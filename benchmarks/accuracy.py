#!/usr/bin/env python3
"""Accuracy report: recall on the seeds and labelled fixtures, false alarms on clean copy.

    python benchmarks/accuracy.py                 # Markdown on stdout
    python benchmarks/accuracy.py --write docs/accuracy.md

- Recall per category on ../shared/spec/seeds-expected.jsonl (the scorer's rule: same file,
  an accepted category, overlapping span).
- Recall per category on labelled fixtures: every ``tests/fixtures/**/*.jsonl`` record with a
  ``text`` and a list of expected spans (``expected``/``labels``/``spans``: ``{category, start,
  end}``); records whose list is empty are negatives, and any warning on them is a false alarm.
- The clean material (../shared/corpus/clean/ and dev-clean/) split into a tuning and a checking
  half by the fixed rule of ``split.py``: per check and per half, firings (warnings and errors) and
  warnings per 1,000 words, with the baseline figures beside them (``benchmarks/baseline.json``).
- Per source family and half: warnings, and false alarms per 1,000 words, where a false alarm is
  a warning judged false in ``benchmarks/verdicts/*.jsonl`` or never judged (``verdicts.py``).
- Per check: hits (expected items found on seeds and fixtures), labelled precision on the checking
  half, and proselint's lintscore, hits x precision^2.

    python benchmarks/accuracy.py --findings out.json   # reuse a saved run over clean/ + dev-clean/
    python benchmarks/accuracy.py --save-baseline       # store this run's figures as the "before"
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from split import CHECKING, CLEAN_FOLDERS, CORPUS, DEV_FAMILIES, TUNING, family_of, half_of, word_count
from verdicts import VERDICTS_DIR, VerdictIndex, load_alarms, load_verdicts, tally

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
WORD = re.compile(r"\w+")
BASELINE = Path(__file__).resolve().parent / "baseline.json"
FAMILIES = ("clean", *DEV_FAMILIES)


def run_clean_material(out: Path) -> None:
    """Lint clean/ and dev-clean/ the way a user would (CLI, parallel), JSON to ``out``."""
    cmd = [sys.executable, "-m", "newslint", "--isolated", "--no-plugins", "--format", "json",
           "--fail-on", "never", "--output", str(out), *(str(CORPUS / f) for f in CLEAN_FOLDERS)]
    subprocess.run(cmd, check=True, cwd=ROOT, stderr=subprocess.DEVNULL)


def _read(path: str) -> str:
    p = Path(path)
    if not p.is_absolute() and not p.exists():
        p = ROOT / path
    return p.read_text(encoding="utf-8")


def clean_figures(findings_json: Path) -> dict:
    """Per-half and per-family counts from one run: words, alarms per code, info per code."""
    doc = json.loads(findings_json.read_text(encoding="utf-8"))
    fig: dict = {"words": Counter(), "alarms": {}, "info": {}}
    for entry in doc["files"]:
        name = Path(entry["path"]).name
        half, fam = half_of(name), family_of(entry["path"])
        fig["words"][f"{fam}/{half}"] += word_count(_read(entry["path"]))
        for f in entry["findings"]:
            bucket = fig["info"] if f["severity"] == "info" else fig["alarms"]
            bucket.setdefault(f["code"], Counter())[f"{fam}/{half}"] += 1
    return fig


def total(counter: Counter, half: str | None = None, fams: tuple[str, ...] = FAMILIES) -> int:
    """Sum a family/half counter over the given families and one half (or both)."""
    return sum(v for k, v in counter.items()
               if k.split("/")[0] in fams and (half is None or k.endswith("/" + half)))


def _before_precision(row: dict | None) -> str:
    """Labelled precision of the baseline run on the checking half, from ``baseline.json``."""
    if not row:
        return "-"
    n = row["real"] + row["false"] + row["unread"]
    return f"{row['real'] / n:.2f} ({row['real']}/{n})" if n else "-"


def per_k(n: int, words: int) -> str:
    return f"{1000 * n / words:.3f}" if words else "-"


def overlaps(f: dict, exp: dict) -> bool:
    return f["start"] < exp["end"] and exp["start"] < f["end"]


def load_fixture_records() -> list[dict]:
    records = []
    for path in sorted((ROOT / "tests" / "fixtures").rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                continue
            spans = next((rec[k] for k in ("expected", "labels", "spans") if isinstance(rec.get(k), list)), None)
            if spans is None:
                continue
            spans = [s for s in spans if isinstance(s, dict) and {"start", "end"} <= set(s)]
            records.append({"source": str(path.relative_to(ROOT)), "text": rec["text"], "expected": spans,
                            "category": rec.get("category")})
    return records


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", help="also write the Markdown to this file")
    ap.add_argument("--findings", help="newslint --format json output over clean/ and dev-clean/ "
                    "(default: run newslint now)")
    ap.add_argument("--save-baseline", action="store_true",
                    help=f"store this run's clean-material figures in {BASELINE.name} as the 'before'")
    args = ap.parse_args()

    from newslint import Linter

    linter = Linter(load_entry_points=False)
    out: list[str] = ["# newslint accuracy report", "",
                      "Generated by `python benchmarks/accuracy.py`. Default checks, no LanguageTool server.", ""]
    hits: Counter[str] = Counter()
    false_alarms: Counter[str] = Counter()

    # Seeds.
    expected = [json.loads(line) for line in (SHARED / "spec" / "seeds-expected.jsonl").read_text().splitlines()
                if line.strip()]
    findings: dict[str, list[dict]] = {}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        findings[path.name] = [f.to_dict() for f in linter.lint(path.read_text(encoding="utf-8"),
                                                                 path=str(path)).findings]
    found_by_cat: Counter[str] = Counter()
    total_by_cat: Counter[str] = Counter()
    for exp in expected:
        accept = exp.get("accept") or [exp["category"]]
        total_by_cat[exp["category"]] += 1
        matching = [f for f in findings.get(exp["file"], []) if f["category"] in accept and overlaps(f, exp)]
        if matching:
            found_by_cat[exp["category"]] += 1
            for code in {f["code"] for f in matching}:
                hits[code] += 1
    out += ["## Recall on the seeds (`../shared/spec/seeds-expected.jsonl`)", "",
            "| category | found | expected | recall |", "| --- | --- | --- | --- |"]
    for cat in sorted(total_by_cat):
        out.append(f"| {cat} | {found_by_cat[cat]} | {total_by_cat[cat]} | "
                   f"{found_by_cat[cat] / total_by_cat[cat]:.2f} |")
    tot_f, tot_e = sum(found_by_cat.values()), sum(total_by_cat.values())
    out += [f"| **all** | {tot_f} | {tot_e} | **{tot_f / tot_e:.3f}** |", ""]

    # Fixtures.
    records = load_fixture_records()
    if records:
        fx_found: Counter[str] = Counter()
        fx_total: Counter[str] = Counter()
        negatives = negative_alarms = 0
        for rec in records:
            got = [f.to_dict() for f in linter.lint(rec["text"]).findings]
            if not rec["expected"]:
                negatives += 1
                bad = [f for f in got if f["severity"] in ("warning", "error")
                       and (rec["category"] is None or f["category"] == rec["category"])]
                negative_alarms += bool(bad)
                for f in bad:
                    false_alarms[f["code"]] += 1
            for exp in rec["expected"]:
                cat = exp.get("category") or rec["category"] or "?"
                accept = exp.get("accept") or [cat]
                fx_total[cat] += 1
                matching = [f for f in got if f["category"] in accept and overlaps(f, exp)]
                if matching:
                    fx_found[cat] += 1
                    for code in {f["code"] for f in matching}:
                        hits[code] += 1
        out += [f"## Recall on labelled fixtures ({len(records)} excerpts in `tests/fixtures/`)", "",
                "| category | found | expected | recall |", "| --- | --- | --- | --- |"]
        for cat in sorted(fx_total):
            out.append(f"| {cat} | {fx_found[cat]} | {fx_total[cat]} | {fx_found[cat] / fx_total[cat]:.2f} |")
        out += ["", f"Negative excerpts: {negatives}, of which {negative_alarms} drew a warning or error "
                    "from a check of their category.", ""]

    # The clean material, both halves.
    if args.findings:
        findings_json = Path(args.findings)
    else:
        findings_json = Path(tempfile.mkdtemp()) / "clean-material.json"
        run_clean_material(findings_json)
    fig = clean_figures(findings_json)
    if args.save_baseline:
        BASELINE.write_text(json.dumps(fig, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    base = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else None
    base_alarms = {c: Counter(v) for c, v in (base or {}).get("alarms", {}).items()}
    words = fig["words"]
    w_tun, w_chk = total(words, TUNING), total(words, CHECKING)
    names = {c.code: c.qualified_name for c in linter.all_checks}
    verdict_files = sorted(VERDICTS_DIR.glob("*.jsonl"))
    index = VerdictIndex(load_verdicts(verdict_files))
    per_chk, _ = tally(load_alarms(findings_json, CHECKING), index)
    per_tun, _ = tally(load_alarms(findings_json, TUNING), index)
    out += ["## The clean material, split in two", "",
            "`clean/` and `dev-clean/` of `../shared/corpus`, split by the fixed rule of "
            "`benchmarks/split.py`: a file is in the tuning half when "
            "`sha1(base_name.encode()).digest()[0] % 2 == 0`, otherwise in the checking half. Checks are "
            "tuned on the tuning half only; the checking half is where precision is measured.", "",
            "| family | tuning words | checking words |", "| --- | --- | --- |"]
    for fam in FAMILIES:
        out.append(f"| {fam} | {words.get(fam + '/' + TUNING, 0)} | {words.get(fam + '/' + CHECKING, 0)} |")
    out += [f"| **all** | {w_tun} | {w_chk} |", ""]

    all_codes = sorted(set(fig["alarms"]) | set(base_alarms) | set(fig["info"]))
    out += ["### Warnings per check, both halves", "",
            "Firings are warnings and errors (info findings counted apart). *Before* is the baseline "
            "run stored in `benchmarks/baseline.json` (newslint before issue 13's work). Real/false "
            "are the verdicts read on the checking half (`benchmarks/verdicts/`); an unread warning "
            "counts as false. A warning was judged *real* when it points at a slip an editor would "
            "fix in the published text (a misspelling, a missing full stop or space, a name "
            "capitalised two ways in one article, a quotation never closed, a paragraph printed "
            "twice) and *false* otherwise (house style such as Reuters' \"mln\", trade jargon, "
            "British spellings, names, datelines, tickers, deliberate repeats, wire-style sourcing). "
            "A check whose warnings cannot be right 9 times in 10 reports at `info` by default, with "
            "its measured precision in its documentation (NL304 shouting, NL402 "
            "capitalised-word-mid-sentence; NL501/NL502 warn only when an article names no source "
            "at all).", "",
            "| code | check | tuning before | tuning now | per 1k now | checking before | checking now | "
            "per 1k now | info (chk) | real | false+unread | precision (chk) | precision before (chk) |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    before_verdicts = (base or {}).get("checking_verdicts", {})
    for code in all_codes:
        now = fig["alarms"].get(code, Counter())
        bef = base_alarms.get(code, Counter())
        t = per_chk.get(code)
        prec = "-" if t is None or t.precision is None else f"{t.precision:.2f}"
        out.append(
            f"| {code} | {names.get(code, '?')} | {total(bef, TUNING) if base else '-'} | {total(now, TUNING)} | "
            f"{per_k(total(now, TUNING), w_tun)} | {total(bef, CHECKING) if base else '-'} | "
            f"{total(now, CHECKING)} | {per_k(total(now, CHECKING), w_chk)} | "
            f"{total(fig['info'].get(code, Counter()), CHECKING)} | {t.real if t else 0} | "
            f"{t.wrong if t else 0} | {prec} | {_before_precision(before_verdicts.get(code))} |")
    a_tun = sum(total(v, TUNING) for v in fig["alarms"].values())
    a_chk = sum(total(v, CHECKING) for v in fig["alarms"].values())
    wrong = sum(t.wrong for t in per_chk.values())
    wrong_before = sum(r["false"] + r["unread"] for r in before_verdicts.values())
    wrong_tun = sum(t.wrong for t in per_tun.values())
    out += ["", f"Checking half: **{a_chk}** warnings, **{per_k(a_chk, w_chk)} per 1,000 words**; judged "
                f"false or unread: **{wrong}**, **{per_k(wrong, w_chk)} false alarms per 1,000 words** "
                f"(bar: 0.15; before: {sum(total(v, CHECKING) for v in base_alarms.values())} warnings, {wrong_before} "
                f"false, {per_k(wrong_before, w_chk)} per 1,000 words). Tuning half: {a_tun} warnings, {per_k(a_tun, w_tun)} per 1,000 words; "
                f"judged false or unread: {wrong_tun}, {per_k(wrong_tun, w_tun)} per 1,000 words.", ""]

    # Per family, both halves: unread warnings count as false.
    wrong_by: Counter[str] = Counter()
    for half in (TUNING, CHECKING):
        for a in load_alarms(findings_json, half):
            rec = index.find(a)
            if rec is None or rec["verdict"] == "false":
                wrong_by[f"{family_of(a.path)}/{half}"] += 1
    out += ["### Per source family", "",
            "False alarms are warnings judged false or never read, on both halves "
            "(`benchmarks/verdicts/checking-half.jsonl`, `tuning-half.jsonl`). "
            "The `dev-clean` families are reported apart because their house styles differ "
            "(1987 Reuters wire copy writes \"mln\", \"dlrs\", \"pct\").", "",
            "| family | half | words | warnings before | warnings now | per 1k now | false alarms | "
            "false per 1k |", "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for fam in FAMILIES:
        for half in (TUNING, CHECKING, None):
            w = words.get(f"{fam}/{half}", 0) if half else words.get(f"{fam}/{TUNING}", 0) + words.get(
                f"{fam}/{CHECKING}", 0)
            halves = (half,) if half else (TUNING, CHECKING)
            n_now = sum(total(v, h, (fam,)) for v in fig["alarms"].values() for h in halves)
            n_bef = (sum(total(v, h, (fam,)) for v in base_alarms.values() for h in halves)
                     if base else "-")
            fa = sum(wrong_by[f"{fam}/{h}"] for h in halves)
            out.append(f"| {fam} | {half or '**both**'} | {w} | {n_bef} | {n_now} | {per_k(n_now, w)} | "
                       f"{fa} | {per_k(fa, w)} |")

    # Calibration: does a finding's confidence match how often such findings were right?
    bins = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 0.9), (0.9, 0.95), (0.95, 1.01)]
    rows_cal = []
    for lo, hi in bins:
        sel = [a for a in load_alarms(findings_json, CHECKING) if a.confidence is not None
               and lo <= a.confidence < hi]
        right = sum(1 for a in sel if (r := index.find(a)) is not None and r["verdict"] == "real")
        mean = sum(a.confidence or 0 for a in sel) / len(sel) if sel else 0
        rows_cal.append(f"| {lo:.2f}-{min(hi, 1):.2f} | {len(sel)} | {mean:.2f} | "
                        f"{right / len(sel) if sel else 0:.2f} |")
    out += ["", "### Calibration of `confidence` (checking half)", "",
            "Warnings grouped by their `confidence`, against the share judged real. Confidences of "
            "checks with ten or more judged warnings on the tuning half come from "
            "`newslint/calibration.json` (`python benchmarks/calibrate.py`); the checking half "
            "tests them.", "",
            "| confidence | warnings | mean confidence | share real |", "| --- | --- | --- | --- |",
            *rows_cal]
    out += ["", "Recompute the labelled figures from the stored verdicts with "
                "`python benchmarks/verdicts.py out.json` (checking half), where `out.json` is "
                "`newslint --isolated --no-plugins --format json --fail-on never ../shared/corpus/clean "
                "../shared/corpus/dev-clean > out.json`; `--unread` lists the warnings still to be read.", ""]

    # Per-check table.
    out += ["## Per check: hits, labelled precision, lintscore", "",
            "Hits are expected items found (seeds and fixtures); precision is the share of the check's "
            "warnings on the checking half judged real (unread counts as false; `-` when it raised none "
            "there), with false alarms on negative fixtures added to the false side. "
            "lintscore = hits x precision^2.", "",
            "| code | check | hits | checking warnings | real | precision | lintscore |",
            "| --- | --- | --- | --- | --- | --- | --- |"]
    rows = []
    for chk in linter.checks:
        h = hits[chk.code]
        t = per_chk.get(chk.code)
        n = (t.alarms if t else 0) + false_alarms[chk.code]
        real = t.real if t else 0
        precision = real / n if n else float("nan")
        score = h * precision ** 2 if n else float(h)
        rows.append((score, chk.code, chk.qualified_name, h, n, real, precision))
    for score, code, name, h, n, real, precision in sorted(rows, key=lambda r: (-r[0], r[1])):
        p = "-" if precision != precision else f"{precision:.2f}"
        out.append(f"| {code} | {name} | {h} | {n} | {real} | {p} | {score:.1f} |")
    text = "\n".join(out) + "\n"
    sys.stdout.write(text)
    if args.write:
        out = Path(args.write)
        # Keep hand-written sections appended after a marker (the damage benchmark's table).
        old = out.read_text(encoding="utf-8") if out.exists() else ""
        keep = old[old.find("\n<!-- damage-benchmark"):] if "<!-- damage-benchmark" in old else ""
        out.write_text(text.rstrip("\n") + "\n" + keep if keep else text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
