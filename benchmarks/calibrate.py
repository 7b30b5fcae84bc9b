#!/usr/bin/env python3
"""Write newslint/calibration.json from the judged warnings of the TUNING half.

    python benchmarks/calibrate.py out.json

``out.json`` is newslint's JSON over ../shared/corpus/clean and dev-clean (see verdicts.py). For
each check with at least ``MIN_LABELLED`` of its current tuning-half warnings judged in
``benchmarks/verdicts/tuning-half.jsonl``, the calibrated confidence is (right + 1) / (read + 2);
verdicts on warnings the checks no longer raise do not count, and unread warnings count as wrong.
Only the tuning half is used, so the checking half stays an honest test of the figures.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from newslint.calibration import MIN_LABELLED  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from verdicts import VerdictIndex, load_alarms, load_verdicts  # noqa: E402

VERDICTS = Path(__file__).resolve().parent / "verdicts" / "tuning-half.jsonl"
OUT = ROOT / "newslint" / "calibration.json"


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    index = VerdictIndex(load_verdicts([VERDICTS]))
    real: Counter[str] = Counter()
    read: Counter[str] = Counter()
    for alarm in load_alarms(sys.argv[1], "tuning"):
        rec = index.find(alarm)
        read[alarm.code] += 1
        real[alarm.code] += rec is not None and rec["verdict"] == "real"
    codes = {code: {"labelled": read[code], "right": real[code],
                    "confidence": round((real[code] + 1) / (read[code] + 2), 3)}
             for code in sorted(read) if read[code] >= MIN_LABELLED}
    doc = {"source": "benchmarks/verdicts/tuning-half.jsonl (issue 13); (right + 1) / (read + 2)",
           "codes": codes}
    OUT.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(doc, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
