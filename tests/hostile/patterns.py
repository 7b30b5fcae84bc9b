"""Adversarial texts: the shapes that made newslint's regular expressions and loops super-linear
(reliability audit S1-S3, D13), plus generic worst cases for backtracking engines.

Each entry is a unit repeated to the wanted size, so the same shapes serve the 100 KB ReDoS test,
the hostile CLI matrix and the benchmark.
"""

from __future__ import annotations

#: name -> (unit repeated, prefix, suffix)
PATTERNS: dict[str, tuple[str, str, str]] = {
    "dots": (".", "a", "a"),
    "bangs-questions": ("?!", "Really", " yes"),
    "ellipses": ("…", "Wait", " now"),
    "mr-chain": ("Mr. ", "", ""),
    "us-officials": ("U.S. officials ", "", ""),
    "initials": ("J. ", "", "Smith said."),
    "numbered": ("1. ", "", ""),
    "number-soup": ("1,2.3", "", "K people"),
    "brackets": ("[a]", "", ""),
    "parens": ("(", "", ")"),
    "glued-words": ("thecouncilapprovedthebudget", "", ""),
    "comma-glued": ("ab,cd", "", ""),
    "experts-say": ("experts say the plan works and ", "", ""),
    "capitalised-run": ("Council Member ", "", "said."),
    "all-caps": ("BREAKING NEWS ", "", ""),
    "spaces": (" ", "<!-- newslint: disable=", ""),
    "suppression-open": ("<!-- newslint: disable=NL1 ", "", ""),
    "suppression-next": ("<!-- newslint: disable-next -->\n", "", "text"),
    "quotes": ("“", "", ""),
    "straight-quotes": ('"a ', "", ""),
    "apostrophes": ("’s", "It", ""),
    "hyphens": ("-", "well", "known"),
    "dashes": ("— ", "", ""),
    "table-rows": ("Name | 12 | 3.4\n", "", ""),
    "short-lines": ("Share\n", "", ""),
    "html-tags": ("<div>", "", ""),
    "urls": ("http://a.b/", "", ""),
    "emails": ("a.b@", "", "c.com"),
    "digits": ("1", "", ""),
    "newlines": ("\n", "a", "b"),
    "crlf": ("Line.\r\n", "", ""),
    "tabs": ("\t", "a", "b"),
    "plural-people": ("people ", "The ", "said."),
    "said-chain": ("said ", "He ", ""),
    "rare-words": ("", "", ""),  # filled in by text(): random lowercase words
}


def text(name: str, size: int = 100_000) -> str:
    """``size`` characters of the pattern ``name``."""
    if name == "rare-words":
        import random

        rnd = random.Random(7)
        out: list[str] = []
        n = 0
        while n < size:
            w = "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rnd.randint(4, 9)))
            out.append(w)
            n += len(w) + 1
        return " ".join(out)[:size]
    unit, prefix, suffix = PATTERNS[name]
    body_len = max(size - len(prefix) - len(suffix), len(unit))
    return prefix + unit * (body_len // len(unit)) + suffix
