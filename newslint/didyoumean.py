"""'Did you mean ...?' for unknown codes, check names, categories, formats and options."""

from __future__ import annotations

from collections.abc import Iterable


def close_matches(word: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """Up to ``n`` candidates that look like ``word`` (case-insensitive), best first."""
    pool = sorted(set(candidates))
    lowered = {c.lower(): c for c in pool}
    # Codes typed with a letter for a digit ("NL2O1", "NL2l1") or in lower case.
    head, tail = word[:2].upper(), word[2:].upper().replace("O", "0").replace("I", "1").replace("L", "1")
    if (head + tail).lower() in lowered and (head + tail) != word:
        return [lowered[(head + tail).lower()]]
    import difflib  # only a typo pays for it: every run imports this module

    hits = difflib.get_close_matches(word.lower(), list(lowered), n=n, cutoff=0.6)
    if not hits:  # a code with one digit wrong ("NL521" for "NL502") is still worth naming
        hits = [c for c in lowered if c.startswith(word.lower()[:4]) and len(word) >= 4][:n]
    return [lowered[h] for h in hits]


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` or an empty string when nothing is close."""
    hits = close_matches(word, candidates)
    if not hits:
        return ""
    return " (did you mean " + " or ".join(repr(h) for h in hits) + "?)"
