#!/usr/bin/env python3
"""Why the word data is a memory-mapped marisa trie: load time and look-up time of the English
frequency list (321k words) in three formats, measured in this process (CPU, median of 5).

    python benchmarks/worddata_formats.py

Formats: a pickled dict (protocol 5), a sorted word list (text) with a packed array searched by
``bisect``, and the compiled ``en.trie`` of ``newslint.worddata`` (memory-mapped, and loaded).
"""

from __future__ import annotations

import bisect
import os
import pickle
import statistics
import tempfile
import time
from array import array
from collections.abc import Callable
from pathlib import Path


def median_ms(fn: Callable[[], object], n: int = 5) -> float:
    samples = []
    for _ in range(n):
        t0 = time.process_time()
        fn()
        samples.append(time.process_time() - t0)
    return statistics.median(samples) * 1000


def main() -> int:
    import marisa_trie
    from wordfreq import get_frequency_list

    from newslint.worddata import store

    buckets: dict[str, int] = {}
    for i, bucket in enumerate(get_frequency_list("en", "best")):
        for w in bucket:
            buckets[w] = i
    words = sorted(buckets)
    trie_path = str(store.data_dir() / "en.trie")
    with tempfile.TemporaryDirectory() as tmp:
        pkl, txt, vals = Path(tmp, "en.pickle"), Path(tmp, "en.txt"), Path(tmp, "en.u16")
        pkl.write_bytes(pickle.dumps(buckets, protocol=5))
        txt.write_text("\n".join(words), encoding="utf-8")
        vals.write_bytes(array("H", [buckets[w] for w in words]).tobytes())

        def sorted_list() -> tuple[list[str], array[int]]:
            a = array("H")
            a.frombytes(vals.read_bytes())
            return txt.read_text(encoding="utf-8").split("\n"), a

        def trie_mmap() -> object:
            t = marisa_trie.Trie()
            t.mmap(trie_path)
            return t

        def trie_load() -> object:
            t = marisa_trie.Trie()
            t.load(trie_path)
            return t

        print("| format | size MB | load ms | look-up µs |\n| --- | --- | --- | --- |")
        d = pickle.loads(pkl.read_bytes())
        lst, _ = sorted_list()
        trie = trie_mmap()
        sample = [*words[::100], *["qzxqzxv"] * 100]
        rows = [
            ("pickled dict", pkl.stat().st_size, lambda: pickle.loads(pkl.read_bytes()),
             lambda: [d.get(x) for x in sample]),
            ("sorted list + bisect", txt.stat().st_size + vals.stat().st_size, sorted_list,
             lambda: [bisect.bisect_left(lst, x) for x in sample]),
            ("marisa trie, mmap", os.path.getsize(trie_path), trie_mmap,
             lambda: [trie.get(x) for x in sample]),  # type: ignore[attr-defined]
            ("marisa trie, load", os.path.getsize(trie_path), trie_load, None),
        ]
        for name, size, load, look in rows:
            per = f"{median_ms(look) * 1000 / len(sample):.2f}" if look else "same"
            print(f"| {name} | {size / 1e6:.1f} | {median_ms(load):.2f} | {per} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
