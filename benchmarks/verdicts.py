#!/usr/bin/env python3
"""Labelled verdicts on warnings, and the per-check precision they give (proselint's lintscore idea).

Every warning or error newslint raised on the CHECKING half of the clean material (see
``split.py``) was read by a person and judged: ``real`` (a real slip in the published text) or
``false`` (a false alarm). The judgements are data, one JSON object a line, in
``benchmarks/verdicts/*.jsonl``::

    {"file": "reuters87-00350.txt", "code": "NL620", "start": 29, "end": 36,
     "excerpt": "occured", "verdict": "real", "note": "misspelling"}

A finding matches a verdict when file (base name) and code are equal and the span is the same; when
a check's span moved a little, a verdict with the same excerpt whose span overlaps still matches.
A warning nobody has judged is counted as FALSE: precision can only be raised by reading.

    python benchmarks/verdicts.py FINDINGS.json            # precision per check, checking half
    python benchmarks/verdicts.py FINDINGS.json --unread   # the warnings still to be read, in context
    python benchmarks/verdicts.py FINDINGS.json --half tuning --verdicts benchmarks/verdicts/tuning-half.jsonl

FINDINGS.json is newslint's ``--format json`` output over ``../shared/corpus/clean`` and
``../shared/corpus/dev-clean`` (``--isolated --no-plugins``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from split import CHECKING, CORPUS, half_of

VERDICTS_DIR = Path(__file__).resolve().parent / "verdicts"
DEFAULT_VERDICTS = VERDICTS_DIR / "checking-half.jsonl"
ALARM = ("warning", "error")


@dataclass(frozen=True, slots=True)
class Alarm:
    """One warning or error on a clean-material file, as read from newslint's JSON output."""

    file: str
    path: str
    code: str
    check: str
    start: int
    end: int
    excerpt: str
    message: str
    confidence: float | None


def load_alarms(findings_json: str | Path, half: str | None = CHECKING) -> list[Alarm]:
    """Warnings and errors of one half (or all, ``half=None``) from newslint's JSON output."""
    doc = json.loads(Path(findings_json).read_text(encoding="utf-8"))
    files = doc.get("files", []) if isinstance(doc, dict) else doc
    out = []
    for entry in files:
        path = entry.get("path", "")
        name = Path(path).name
        if half is not None and half_of(name) != half:
            continue
        for f in entry.get("findings", []):
            if f.get("severity") in ALARM:
                out.append(Alarm(name, path, f["code"], f.get("check", ""), f["start"], f["end"],
                                 f.get("excerpt", ""), f.get("message", ""), f.get("confidence")))
    return out


def load_verdicts(paths: Iterable[str | Path] = (DEFAULT_VERDICTS,)) -> list[dict]:
    """Verdict records from one or more JSONL files (later files override earlier ones)."""
    rows: list[dict] = []
    for path in paths:
        p = Path(path)
        if not p.exists():
            continue
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                if rec.get("verdict") not in ("real", "false"):
                    raise ValueError(f"{p}: verdict must be real or false: {line}")
                rows.append(rec)
    return rows


class VerdictIndex:
    """Look verdicts up by (file, code, span), with the overlapping-same-excerpt fallback."""

    def __init__(self, rows: Iterable[dict]) -> None:
        self.exact: dict[tuple[str, str, int, int], dict] = {}
        self.by_file_code: dict[tuple[str, str], list[dict]] = {}
        for rec in rows:
            self.exact[(rec["file"], rec["code"], rec["start"], rec["end"])] = rec
            self.by_file_code.setdefault((rec["file"], rec["code"]), []).append(rec)

    def find(self, alarm: Alarm) -> dict | None:
        """The verdict for this alarm, or None when nobody has read it."""
        rec = self.exact.get((alarm.file, alarm.code, alarm.start, alarm.end))
        if rec is not None:
            return rec
        for rec in self.by_file_code.get((alarm.file, alarm.code), ()):
            same_text = rec.get("excerpt", "")[:60] == alarm.excerpt[:60]
            if same_text and rec["start"] < alarm.end and alarm.start < rec["end"]:
                return rec
        return None


@dataclass(slots=True)
class Tally:
    """Verdict counts for one check."""

    real: int = 0
    false: int = 0
    unread: int = 0

    @property
    def alarms(self) -> int:
        return self.real + self.false + self.unread

    @property
    def wrong(self) -> int:
        """False alarms as the issue counts them: judged false, or never read."""
        return self.false + self.unread

    @property
    def precision(self) -> float | None:
        return self.real / self.alarms if self.alarms else None


def tally(alarms: Iterable[Alarm], index: VerdictIndex) -> tuple[dict[str, Tally], list[Alarm]]:
    """Per-code tallies and the list of unread alarms."""
    per: dict[str, Tally] = {}
    unread: list[Alarm] = []
    for a in alarms:
        t = per.setdefault(a.code, Tally())
        rec = index.find(a)
        if rec is None:
            t.unread += 1
            unread.append(a)
        elif rec["verdict"] == "real":
            t.real += 1
        else:
            t.false += 1
    return per, unread


def show(alarm: Alarm, width: int = 120) -> str:
    """An alarm in its context, for reading."""
    path = Path(alarm.path)
    if not path.exists():
        path = CORPUS / ("clean" if (CORPUS / "clean" / alarm.file).exists() else "dev-clean") / alarm.file
    text = path.read_text(encoding="utf-8")
    s, e = alarm.start, alarm.end
    ctx = (text[max(0, s - width):s] + "[[" + text[s:e] + "]]" + text[e:e + width]).replace("\n", "⏎")
    return f"{alarm.file} {alarm.code} {s}-{e} | {alarm.message}\n    {ctx}\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("findings", help="newslint --format json output over clean/ and dev-clean/")
    ap.add_argument("--half", default=CHECKING, choices=("tuning", "checking"))
    ap.add_argument("--verdicts", nargs="*", default=[str(DEFAULT_VERDICTS)])
    ap.add_argument("--unread", action="store_true", help="print the unread alarms in context")
    args = ap.parse_args()
    alarms = load_alarms(args.findings, args.half)
    per, unread = tally(alarms, VerdictIndex(load_verdicts(args.verdicts)))
    if args.unread:
        for a in unread:
            print(show(a))
        return 0
    print(f"| code | check | warnings | real | false | unread | precision |  ({args.half} half)")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    names = {a.code: ".".join(a.check.split(".")[:2]) for a in alarms}
    for code in sorted(per):
        t = per[code]
        p = "-" if t.precision is None else f"{t.precision:.2f}"
        print(f"| {code} | {names.get(code, '')} | {t.alarms} | {t.real} | {t.false} | {t.unread} | {p} |")
    tot = Counter()
    for t in per.values():
        tot.update(real=t.real, false=t.false, unread=t.unread)
    n = sum(tot.values())
    print(f"| all | | {n} | {tot['real']} | {tot['false']} | {tot['unread']} | "
          f"{tot['real'] / n if n else 0:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
