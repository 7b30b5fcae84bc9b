#!/usr/bin/env python3
"""The fixed tuning/checking split of the clean material (issue 13).

Checks are tuned on one half of the clean news and judged on the other, so that the precision we
publish is precision on news the checks were not fitted to. The rule is fixed and depends only on
the file's base name, never on its content or on the checks' output, so it cannot drift as checks
change:

    a file is in the TUNING half when sha1(base_name.encode()).digest()[0] % 2 == 0,
    otherwise it is in the CHECKING half.

(``base_name`` is e.g. ``"reuters87-00012.txt"``.) The rule is applied to ``clean/`` and
``dev-clean/`` of ``../shared/corpus``; both folders together are "the clean material".

    python benchmarks/split.py              # counts of files and words per half and family
    python benchmarks/split.py --list checking
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
#: The folders that make up the clean material, in report order.
CLEAN_FOLDERS: tuple[str, ...] = ("clean", "dev-clean")
#: Source families of dev-clean, reported apart because their house styles differ.
DEV_FAMILIES: tuple[str, ...] = ("reuters87", "sh", "wmt22-en", "wmt24-en")
TUNING, CHECKING = "tuning", "checking"
_WORD = re.compile(r"\w+")


def half_of(file_name: str) -> str:
    """Return ``"tuning"`` or ``"checking"`` for a file, by the fixed hash rule.

    Only the base name counts, so the same file lands in the same half wherever it is stored.
    """
    base = Path(file_name).name
    return TUNING if hashlib.sha1(base.encode()).digest()[0] % 2 == 0 else CHECKING


def is_tuning(file_name: str) -> bool:
    """True when the file belongs to the tuning half."""
    return half_of(file_name) == TUNING


def family_of(path: str | Path) -> str:
    """The source family of a clean-material file: ``clean`` for clean/, else its dev-clean prefix."""
    p = Path(path)
    if p.parent.name == "clean":
        return "clean"
    name = p.name
    for fam in DEV_FAMILIES:
        if name.startswith(fam + "-"):
            return fam
    return name.split("-", 1)[0]


def word_count(text: str) -> int:
    """Words as every newslint benchmark counts them (``\\w+`` runs)."""
    return len(_WORD.findall(text))


def clean_files(half: str | None = None, corpus: Path = CORPUS) -> Iterator[Path]:
    """Every clean-material file (clean/ then dev-clean/), optionally only one half."""
    for folder in CLEAN_FOLDERS:
        for path in sorted((corpus / folder).glob("*.txt")):
            if half is None or half_of(path.name) == half:
                yield path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", choices=(TUNING, CHECKING), help="print the files of one half")
    args = ap.parse_args()
    if args.list:
        for path in clean_files(args.list):
            print(path.relative_to(CORPUS))
        return 0
    counts: dict[tuple[str, str], list[int]] = {}
    for path in clean_files():
        key = (family_of(path), half_of(path.name))
        files_words = counts.setdefault(key, [0, 0])
        files_words[0] += 1
        files_words[1] += word_count(path.read_text(encoding="utf-8"))
    print("| family | tuning files | tuning words | checking files | checking words |")
    print("| --- | --- | --- | --- | --- |")
    for fam in ("clean", *DEV_FAMILIES):
        t = counts.get((fam, TUNING), [0, 0])
        c = counts.get((fam, CHECKING), [0, 0])
        print(f"| {fam} | {t[0]} | {t[1]} | {c[0]} | {c[1]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
