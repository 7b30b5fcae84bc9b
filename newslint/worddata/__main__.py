"""``python -m newslint.worddata build|info|clean``: compile, describe or remove the word data."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newslint.worddata", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="compile the word data (into the user cache unless --into)")
    b.add_argument("--into", type=Path, help="target directory, e.g. newslint/worddata/compiled "
                   "to ship the data as package data")
    b.add_argument("--force", action="store_true", help="rebuild even when the stamp is current")
    sub.add_parser("info", help="where the data is and what it was built from")
    sub.add_parser("clean", help="remove compiled data of other stamps from the user cache")
    args = parser.parse_args(argv)

    from . import store
    from .build import build_into, clean

    if args.command == "build":
        sig = store.source_signature()
        target = args.into or store.cache_root() / f"worddata-v{store.FORMAT_VERSION}-{store.stamp(sig)}"
        t0 = time.perf_counter()
        build_into(target, sig, force=args.force)
        print(f"{target} ({time.perf_counter() - t0:.1f} s)")
        return 0
    if args.command == "info":
        path = store.data_dir(build=False)
        facts = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        facts.pop("pos_tags", None)
        sizes = {p.name: p.stat().st_size for p in sorted(path.iterdir())}
        print(json.dumps({"path": str(path), "meta": facts, "bytes": sizes}, indent=1))
        return 0
    sig = store.source_signature()
    keep = store.cache_root() / f"worddata-v{store.FORMAT_VERSION}-{store.stamp(sig)}"
    for removed in clean(store.cache_root(), keep):
        print(f"removed {removed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
