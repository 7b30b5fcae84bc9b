"""How often general English text writes a word with a capital: the case-share table.

Why: a common word capitalised in the middle of a sentence ("the Annual budget", "several
Witnesses") is a trace of machine rewriting, but many common words are also names or parts of
names ("the Senate", "the Union", "Western allies"). Whether a capital is plausible is a fact about
the language, not about one article: "Senate" is written with a capital about 69 times in 100,
"President" 42, "Union" 39, but "inflation" 7, "levels" 1. Those shares include sentence starts, so
a word that is never a name still gets a few per cent.

Source: the English lexeme probabilities of ``spacy-lookups-data`` 1.0.5 (MIT licence; the
case-sensitive unigram log-probabilities spaCy's English vocabularies shipped with, estimated on
a large web corpus). For each lowercase alphabetic word of 3 or more letters with a log
probability of at least ``MIN_LOGPROB`` (about Zipf 2.2 and up, 40k words), the share of its
Title-case form is ``p(Title) / (p(Title) + p(lower))``, stored in thousandths in
``sources/en-case-share.tsv.gz`` (vendored: the source package is 98 MB and is needed only to
rebuild)::

    python -m newslint.worddata.case build PATH/TO/en_lexeme_prob.json.gz

The table is compiled with the rest of the word data (``case.trie`` + ``case.share.u16``, see
``build.py``): reading the gzipped table into a dict cost ~40 ms of every process that met a
capitalised word; the memory-mapped copy opens in well under a millisecond.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import sys
import threading
from pathlib import Path

from .layout import PACKAGE_DIR

#: The vendored table: ``word<TAB>share in thousandths`` per line, gzipped.
TABLE = PACKAGE_DIR / "sources" / "en-case-share.tsv.gz"
#: Lowercase words rarer than this (natural-log probability) are left out: the checks that ask
#: only judge common words (Zipf 3 and up is about -13.8).
MIN_LOGPROB = -15.5
_WORD = re.compile(r"[a-z]{3,}")

_lock = threading.Lock()
_table: dict[str, int] = {}


def _load() -> dict[str, int]:
    """The vendored table as a dict (~40 ms; tests and rebuilds: look-ups read the compiled copy)."""
    if not _table:
        with _lock:
            if not _table:
                with gzip.open(TABLE, "rt", encoding="utf-8") as fh:
                    rows = dict(line.rstrip("\n").split("\t") for line in fh)
                _table.update({w: int(v) for w, v in rows.items()})
    return _table


def capital_share(word: str) -> float | None:
    """Share of general-text uses of ``word`` (any case) written with an initial capital, 0 to 1;
    None when the word is not in the table (rare, short or not alphabetic). Sentence starts
    count, so a plain common word gets a few per cent: "inflation" 0.07, "levels" 0.01, while
    "senate" 0.69, "union" 0.39, "western" 0.49."""
    from . import _lookup

    get, column = _lookup("case", "case.share.u16")  # compiled with the word data: no load
    i = get(word.lower())
    return None if i is None else (column[i] - 1) / 1000


def build(source: Path, out: Path = TABLE) -> int:
    """Compile the table from spaCy's ``en_lexeme_prob.json.gz``; returns the number of words."""
    with gzip.open(source, "rt", encoding="utf-8") as fh:
        prob: dict[str, float] = json.load(fh)
    oov = -20.5
    rows = []
    for word, lower_lp in prob.items():
        if lower_lp < MIN_LOGPROB or not _WORD.fullmatch(word):
            continue
        title_lp = prob.get(word.capitalize(), oov)
        share = math.exp(title_lp) / (math.exp(title_lp) + math.exp(lower_lp))
        rows.append(f"{word}\t{round(share * 1000)}\n")
    rows.sort()
    with gzip.GzipFile(out, "wb", mtime=0) as fh:  # mtime 0: the same bytes on every rebuild
        fh.write("".join(rows).encode("utf-8"))
    return len(rows)


if __name__ == "__main__":  # pragma: no cover - a build step, run by hand
    if len(sys.argv) != 3 or sys.argv[1] != "build":
        sys.exit("usage: python -m newslint.worddata.case build PATH/TO/en_lexeme_prob.json.gz")
    print(build(Path(sys.argv[2])), "words")
