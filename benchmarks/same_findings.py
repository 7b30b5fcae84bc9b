#!/usr/bin/env python3
"""Check that a speed change left the findings alone: run newslint on the seeds and corpora and
compare the JSON with a baseline made before the change.

    python benchmarks/same_findings.py                        # all five sets, baseline /work/baseline
    python benchmarks/same_findings.py --sets seeds,clean --baseline DIR --jobs 2

Each set ``S`` is linted as ``newslint --isolated --no-plugins --format json ../shared/<S>``
(the command the baseline was made with) and compared file by file: findings, score and metrics
must be equal (a finding's ``plugin`` field is left out: it names the module that declared the
check, which the renovation of #18 renamed). Prints one line per set and the first differences; exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = {"seeds": "../shared/seeds", "clean": "../shared/corpus/clean",
        "defective": "../shared/corpus/defective", "dev-clean": "../shared/corpus/dev-clean",
        "dev-mt": "../shared/corpus/dev-mt"}


def run(target: str, jobs: int | None, out: Path) -> dict:
    cmd = [sys.executable, "-m", "newslint", "--isolated", "--no-plugins", "--format", "json"]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    with open(out, "w", encoding="utf-8") as fh:
        subprocess.run([*cmd, target], cwd=ROOT, stdout=fh, stderr=subprocess.DEVNULL, check=False)
    return json.loads(out.read_text(encoding="utf-8"))


def _strip(findings: list[dict]) -> list[dict]:
    return [{k: v for k, v in f.items() if k != "plugin"} for f in findings]


def differences(before: dict, after: dict) -> list[str]:
    old = {f["path"]: f for f in before["files"]}
    new = {f["path"]: f for f in after["files"]}
    out = [f"missing file {p}" for p in sorted(old.keys() - new.keys())]
    out += [f"extra file {p}" for p in sorted(new.keys() - old.keys())]
    for path in sorted(old.keys() & new.keys()):
        for key in ("findings", "score", "metrics"):
            a, b = old[path].get(key), new[path].get(key)
            if key == "findings":
                a, b = _strip(a), _strip(b)
            if a != b:
                if key == "findings":
                    sa = {(x["code"], x["start"], x["message"]) for x in a}
                    sb = {(x["code"], x["start"], x["message"]) for x in b}
                    out.append(f"{path}: findings lost {sorted(sa - sb)[:3]} gained {sorted(sb - sa)[:3]}")
                else:
                    out.append(f"{path}: {key} {a} -> {b}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--baseline", type=Path, default=Path("/work/baseline"))
    parser.add_argument("--jobs", type=int)
    parser.add_argument("--out", type=Path, default=Path("/tmp"), help="where the new JSON is kept")
    args = parser.parse_args()
    failed = False
    for name in args.sets.split(","):
        after = run(SETS[name], args.jobs, args.out / f"after-{name}.json")
        before = json.loads((args.baseline / f"{name}.json").read_text(encoding="utf-8"))
        diffs = differences(before, after)
        n = sum(len(f["findings"]) for f in after["files"])
        print(f"{name}: {len(after['files'])} files, {n} findings, {len(diffs)} differences")
        for line in diffs[:10]:
            print("   ", line)
        failed = failed or bool(diffs)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
