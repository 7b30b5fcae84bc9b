"""Calibrated confidence: a finding's ``confidence`` is the share of such findings that were right.

Each check sets a confidence by hand, and hand-set numbers drift from what the check achieves on
real copy. For checks whose warnings people have read and judged on the tuning half of the clean
material (``benchmarks/verdicts/tuning-half.jsonl``, issue 13), ``calibration.json`` holds the
measured precision, smoothed with Laplace's rule ((right + 1) / (read + 2)) so that a perfect
score on a few dozen warnings does not become certainty. After dedupe, the runner sets the
confidence of those checks' warnings and errors to that figure; info findings, which nobody
judged, keep their check's own estimate, and so do checks with fewer than ten judged warnings.

Regenerate the table with ``python benchmarks/calibrate.py`` after reading more warnings; the
checking half, never used here, tells whether the figures hold (``docs/accuracy.md``).
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

from .findings import Finding

#: Fewer judged warnings than this and the check keeps its own confidence.
MIN_LABELLED = 10
_lock = threading.Lock()
_table: dict[str, float] | None = None


def table() -> dict[str, float]:
    """code -> calibrated confidence, from the packaged ``calibration.json`` (empty if absent)."""
    global _table
    if _table is None:
        with _lock:
            if _table is None:
                try:
                    raw = json.loads((Path(__file__).parent / "calibration.json").read_text(encoding="utf-8"))
                except (FileNotFoundError, json.JSONDecodeError):
                    raw = {}
                _table = {code: float(row["confidence"]) for code, row in raw.get("codes", {}).items()
                          if row.get("labelled", 0) >= MIN_LABELLED}
    return _table


def calibrate(findings: list[Finding]) -> list[Finding]:
    """Set the measured confidence on warnings and errors of calibrated checks (in place)."""
    measured = table()
    if measured:
        for f in findings:
            if f.severity != "info" and f.code in measured:
                f.confidence = measured[f.code]
    return findings
