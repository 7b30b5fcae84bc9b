#!/usr/bin/env python3
"""Machine-translation checks against professional MQM annotations (WMT23 zh-en, 10 systems).

    python benchmarks/mt_eval.py            # Markdown table on stdout

For each check of the mt_artifact, spacing and punctuation categories: how often it fires on
the 380 machine-translated documents, what share of its firings overlap an annotated error span
(precision against MQM), and the share of Major-severity Fluency errors it catches (recall).
Most MQM errors are meaning errors that no target-only check can see, so precision is the
figure that matters.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MT = ROOT.parent / "shared" / "corpus" / "mt"


def main() -> int:
    from newslint import Linter

    labels = {}
    for line in (MT / "mqm-doc-labels.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            labels[Path(rec["file"]).name] = rec["defects"]
    linter = Linter({"select": ["mt_artifact", "spacing", "punctuation"]}, load_entry_points=False)
    fired: Counter[str] = Counter()
    on_error: Counter[str] = Counter()
    major_total = 0
    major_caught: Counter[str] = Counter()
    major_any = 0
    names = {c.code: c.qualified_name for c in linter.all_checks}
    for path in sorted((MT / "zhen_docs").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        defects = labels.get(path.name, [])
        findings = linter.lint(text, path=str(path)).findings
        for f in findings:
            fired[f.code] += 1
            if any(d["start"] < f.end and f.start < d["end"] for d in defects):
                on_error[f.code] += 1
        for d in defects:
            if d["mqm_severity"] == "Major" and d["mqm_category"].startswith("Fluency"):
                major_total += 1
                hit = {f.code for f in findings if d["start"] < f.end and f.start < d["end"]}
                major_any += bool(hit)
                for code in hit:
                    major_caught[code] += 1
    print(f"# MT checks against MQM annotations ({len(labels)} documents)\n")
    print("| code | check | firings | on an annotated error | precision | Major fluency caught |")
    print("| --- | --- | --- | --- | --- | --- |")
    for code in sorted(set(fired) | {c.code for c in linter.checks}):
        n = fired[code]
        prec = f"{on_error[code] / n:.2f}" if n else "-"
        print(f"| {code} | {names.get(code, '?')} | {n} | {on_error[code]} | {prec} | {major_caught[code]} |")
    total = sum(fired.values())
    print(f"\nAll: {total} firings, {sum(on_error.values())} on annotated errors "
          f"(precision {sum(on_error.values()) / max(1, total):.2f}); Major fluency errors caught: "
          f"{major_any}/{major_total} (recall {major_any / max(1, major_total):.3f}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
