#!/usr/bin/env python3
"""Build the vendored test sample ``tests/fixtures/sample/`` from ``../shared/corpus``.

    python benchmarks/make_sample_fixtures.py            # rewrite the sample
    python benchmarks/make_sample_fixtures.py --check    # exit 1 if the stored sample differs

The sample lets the precision and recall gates run in any checkout (no ``../shared``). It is
small on purpose (excerpts, not the corpus) and built by rule, so it cannot be tuned by picking
the files a check happens to pass:

- ``clean/`` and ``dev-clean/``: openings of clean articles from the CHECKING half of the fixed split
  (``sha1(file_name)[0] % 2 == 1``), taken per source in ``sha1`` order, quotas in
  :data:`CLEAN_QUOTAS`. Only sources whose terms allow redistribution are used (no ``reuters87-``
  or ``wmt22-``/``wmt24-`` files: research-use-only terms). An opening is the leading lines up
  to :data:`CLEAN_WORDS` words, extended to the first line that ends a sentence, so the cut
  itself does not look like a truncated body.
- ``defective.jsonl``: one excerpt per entry of :data:`DEFECTS`, labels written by reading the
  articles (category, accepted categories, evidence); offsets are computed here. An excerpt is
  the lines holding the evidence plus one line of context on each side (long context lines
  trimmed at a sentence boundary); an excerpt that reaches the article's first or last line
  keeps that edge, so defects at the page edges stay at the edges.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
OUT = ROOT / "tests" / "fixtures" / "sample"

#: Clean openings per source prefix (folder, prefix): count.
CLEAN_QUOTAS: dict[tuple[str, str], int] = {
    ("clean", "sh-"): 6,
    ("clean", "horne-"): 5,
    ("clean", "fnc-"): 3,
    ("clean", "np-"): 3,
    ("clean", "wmt23-en-"): 4,
    ("dev-clean", "sh-"): 5,
}
CLEAN_WORDS = 220
CONTEXT_CHARS = 400
MAX_EXCERPT = 1500

#: Labelled defects: (file in defective/, [(category, evidence, accepted categories), ...], note).
#: Every evidence string must occur in the file; the first occurrence is used unless the
#: evidence is given as (text, n) for the n-th (0-based).
DEFECTS: list[tuple[str, list[tuple[str, object, list[str]]], str]] = [
    # page furniture kept by scrapers
    ("fnc-17604.txt", [("boilerplate", "Posted on by willyloman", [])], "blog byline widget at the top"),
    ("fnc-17604.txt", [("boilerplate", "Continue reading →", ["truncation"]),
                       ("boilerplate", "Advertisements", [])], "teaser link and ad label at the end"),
    ("fnc-1422.txt", [("boilerplate", "Subscribe to Canada Free Press for FREE", [])], "subscription call"),
    ("fnc-1685.txt", [("boilerplate", "See an error in this article? Send us a correction", [])],
     "correction-request footer"),
    ("fnc-5512.txt", [("boilerplate", "% of readers think this story is Fact. Add your two cents.", [])],
     "reader-poll widget"),
    ("horne-buzz-fake-33.txt", [("boilerplate", "Home » News »", []),
                                ("duplicate", ("Putin: Hacked Emails Reveal That Clinton Threatened Sanders’ Wife", 1),
                                 [])], "breadcrumb, then the title repeated"),
    ("horne-buzz-fake-38.txt", [("boilerplate", "---- Scroll down to read more ----", [])], "scroll prompt"),
    ("np-foxnews.com1.txt", [("boilerplate", "Like us on Facebook", [])], "social promo"),
    ("np-mashable.com2.txt", [("boilerplate", "Have something to add to this story? Share it in the comments.",
                               [])], "comment prompt"),
    ("np-thedebrief.co.uk1.txt", [("boilerplate", "Like this? You might also be interested in:", [])],
     "related-links header"),
    ("sh-14cc2a0ca59c.txt", [("boilerplate", "This article was originally published by Futurism. "
                              "Read the original article.", [])], "syndication footer"),
    ("sh-f344ca5fb36e.txt", [("boilerplate", "Copyright 2019 Hawaii News Now. All rights reserved.", [])],
     "copyright footer"),
    ("np-247wallst.com1.txt", [("boilerplate", "ALSO READ: 5 Top Tech Stocks for 2015 With Potential "
                                               "Big Catalysts", [])], "inserted related headline"),
    ("horne-rand-real-1003.txt", [("boilerplate", "You might also like....", [])], "related-links header"),
    ("horne-rand-real-1004.txt", [("boilerplate", "Image copyrightGETTY IMAGES", ["spacing"])],
     "image credit glued into the text"),
    ("fnc-2780.txt", [("spacing", "time.Comments", ["boilerplate"])], "comment policy, sentences glued"),
    ("horne-rand-fake-94.txt", [("boilerplate", "*** Share this article if you think that Michael Reagan "
                                "should get off the soapbox and go do what he does best – nothing.",
                                ["generated_text"])],
     "share bait"),
    # cut-off bodies
    ("sh-042bb7b5feda.txt", [("truncation", "All...", [])], "teaser cut mid-sentence"),
    ("sh-7ab16ade3238.txt", [("truncation", "further discipline....", [])], "paywall cut"),
    ("fnc-1058.txt", [("truncation", "ro…", [])], "teaser cut mid-word"),
    ("fnc-3399.txt", [("truncation", "—More…", ["boilerplate"])], "teaser with 'More' link"),
    ("fnc-2350.txt", [("truncation", "government’s..Read more", ["boilerplate"])], "teaser with 'Read more'"),
    ("sh-776a1c046798.txt", [("truncation", "Twitter seemed a bit confused by the campaign:", ["markup"])],
     "body ends on an intro to dropped embeds"),
    ("horne-buzz-real-134.txt", [("truncation", "Later Monday, Kasich wound up a day-long anti-Trump tweetstorm "
                                  "with a challenge:", ["markup"])], "body ends on an intro to a dropped embed"),
    # glued sentences and stray spaces
    ("fnc-27272.txt", [("spacing", "around.For", []), ("spacing", "malevolent ,", [])],
     "missing space after a full stop; space before a comma"),
    ("fnc-27893.txt", [("spacing", "diarrhea.Most", [])], "missing space after a full stop"),
    ("fnc-28544.txt", [("spacing", "that.Man", [])], "missing space after a full stop"),
    ("horne-buzz-fake-34.txt", [("spacing", "enough.The", [])], "missing space after a full stop"),
    ("horne-rand-fake-009.txt", [("spacing", "advice.That", [])], "missing space after a full stop"),
    ("horne-rand-real-143.txt", [("spacing", "spike.While", [])], "missing space after a full stop"),
    ("sh-e372e42c0a3d.txt", [("spacing", "Wednesday.The", [])], "missing space after a full stop"),
    ("fnc-9757.txt", [("spacing", "nations.The", [])], "missing space after a full stop"),
    # flattened social-media embeds
    ("np-mashable.com2.txt", [("markup", "pic.twitter.com/Q8FFsT2ITu — Lena (@lenanix)", [])], "flattened tweet"),
    ("sh-16c30add7e96.txt", [("markup", "pic.twitter.com/MYwRz9euaq", [])], "flattened tweet"),
    ("sh-921019755f4a.txt", [("markup", "pic.twitter.com/dUO6AJlMxR", [])], "flattened tweet"),
    ("sh-aade2ec8d1e7.txt", [("markup", "pic.twitter.com/4p7SXk7JPW", [])], "flattened tweet"),
    # repeated text
    ("horne-rand-fake-91.txt", [("duplicate", "That dunce is Hillary Clinton’s Brother-in-law", [])],
     "headline repeated (two quote styles)"),
    ("horne-rand-real-1010.txt", [("duplicate", ("The U.N. vote's impact on U.S.-Israel relations", 1), [])],
     "video title repeated"),
    ("fnc-6375.txt", [("duplicate", ("To amend the Homeland Security Act of 2002 to authorize the Office for "
                                     "Countering Violent Extremism.", 1), [])], "bill title repeated"),
    # unattributed claims
    ("horne-buzz-fake-30.txt", [("attribution", "sources said", [])], "anonymous sources"),
    ("horne-buzz-fake-33.txt", [("attribution", "Kremlin sources say", [])], "anonymous sources"),
    ("horne-buzz-fake-30.txt", [("attribution", "U.S. Defense sources said", [])], "anonymous sources"),
    # quotation marks and one thing written two ways
    ("fnc-17604.txt", [("punctuation", "“pushing’", [])], "curly double quote closed by a single one"),
    ("horne-buzz-real-114.txt", [("punctuation", "“STEMpathy jobs", [])], "quotation never closed"),
    # shouting capitals and misspellings
    ("horne-rand-fake-69.txt", [("capitalization", "FOUR", []), ("capitalization", "ZERO", [])],
     "capitals for emphasis"),
    ("horne-rand-fake-94.txt", [("capitalization", "WILL NOT", [])], "capitals for emphasis"),
    ("sh-287e4d9f4af3.txt", [("spelling", "alot", [])], "misspelling"),
    ("horne-rand-real-1009.txt", [("spelling", "recieved", [])], "misspelling (in a quoted tweet)"),
]


def in_checking_half(name: str) -> bool:
    """The project's fixed split: the CHECKING half is an odd first byte of sha1(file name)."""
    return hashlib.sha1(name.encode()).digest()[0] % 2 == 1


def line_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of every non-blank line."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def clean_opening(text: str) -> str:
    words = 0
    for start, end in line_spans(text):
        words += len(text[start:end].split())
        if words >= CLEAN_WORDS and re.search(r"[.!?][\"”’)]?\s*$", text[start:end]):
            return text[:end].rstrip() + "\n"
    return text.rstrip() + "\n"


def pick_clean() -> dict[str, str]:
    """``{"clean/NAME": opening, "dev-clean/NAME": opening}``: the folder is kept, because
    ``dev-clean/`` is not screened for defects (its real slips count as findings there)."""
    picked: dict[str, str] = {}
    for (folder, prefix), quota in CLEAN_QUOTAS.items():
        names = sorted((p.name for p in (CORPUS / folder).glob(f"{prefix}*.txt") if in_checking_half(p.name)),
                       key=lambda n: hashlib.sha1(n.encode()).hexdigest())
        for name in names[:quota]:
            picked[f"{folder}/{name}"] = clean_opening((CORPUS / folder / name).read_text(encoding="utf-8"))
    return picked


def find(text: str, evidence: object) -> tuple[int, int]:
    needle, nth = evidence if isinstance(evidence, tuple) else (evidence, 0)
    at = -1
    for _ in range(nth + 1):
        at = text.find(needle, at + 1)
        if at < 0:
            raise SystemExit(f"evidence {needle!r} (#{nth}) not found")
    return at, at + len(needle)


def excerpt_window(text: str, first: int, last: int) -> tuple[int, int]:
    """The lines holding [first, last) plus one line each side, long context trimmed at a sentence."""
    spans = line_spans(text)
    i = next(k for k, (s, e) in enumerate(spans) if e >= first)
    j = next(k for k, (s, e) in enumerate(spans) if e >= last)
    start, end = spans[i][0], spans[j][1]
    if i > 0:
        ps, pe = spans[i - 1]
        start = ps
        if pe - ps > CONTEXT_CHARS:
            m = re.search(r"[.!?][\"”’)]? (?=[A-Z“\"])", text[pe - CONTEXT_CHARS:pe])
            start = pe - CONTEXT_CHARS + m.end() if m else spans[i][0]
    else:
        start = 0
    if j + 1 < len(spans):
        ns, ne = spans[j + 1]
        end = ne
        if ne - ns > CONTEXT_CHARS:
            m = re.search(r"[.!?][\"”’)]?(?=\s|$)", text[ns + CONTEXT_CHARS // 2:ne])
            end = ns + CONTEXT_CHARS // 2 + m.end() if m else spans[j][1]
    else:
        end = len(text)
    if end - start > MAX_EXCERPT:
        # one long line (a whole article on one line): keep the sentences around the evidence
        lo, hi = max(start, first - CONTEXT_CHARS), min(end, last + CONTEXT_CHARS)
        m = re.search(r"[.!?][\"”’)]? ?(?=[A-Z“\"])", text[lo:first])
        start = lo + m.end() if m and lo > start else start
        m = re.search(r"[.!?][\"”’)]?(?=\s|[A-Z]|$)", text[last:hi])
        end = last + m.end() if m and hi < end else end
    return start, end


def build_defective() -> list[dict]:
    records, seen = [], {}
    for name, labels, note in DEFECTS:
        text = (CORPUS / "defective" / name).read_text(encoding="utf-8")
        found = [(cat, *find(text, ev), acc) for cat, ev, acc in labels]
        # a repeat is only a repeat with its first copy in the excerpt
        anchors = [f[1] for f in found] + [find(text, ev[0] if isinstance(ev, tuple) else ev)[0]
                                           for cat, ev, _ in labels if cat == "duplicate"]
        start, end = excerpt_window(text, min(anchors), max(f[2] for f in found))
        stem = name[:-4]
        seen[stem] = seen.get(stem, 0) + 1
        excerpt = text[start:end]
        expected = []
        for cat, s, e, acc in found:
            item = {"category": cat, "start": s - start, "end": e - start, "evidence": text[s:e]}
            if acc:
                item["accept"] = [cat, *acc]
            expected.append(item)
        records.append({"id": f"{stem}#{seen[stem]}", "source": f"defective/{name}",
                        "offset_in_source": start, "note": note, "text": excerpt, "expected": expected})
    return records


def render() -> dict[Path, str]:
    files: dict[Path, str] = {}
    for rel, text in pick_clean().items():
        files[OUT / rel] = text
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in build_defective()]
    files[OUT / "defective.jsonl"] = "\n".join(lines) + "\n"
    return files


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 when the stored sample differs")
    args = ap.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"{CORPUS} not found", file=sys.stderr)
        return 2
    files = render()
    if args.check:
        stale = [str(p.relative_to(ROOT)) for p, t in files.items()
                 if not p.exists() or p.read_text(encoding="utf-8") != t]
        extra = {p for d in ("clean", "dev-clean") for p in (OUT / d).glob("*.txt")} - set(files)
        stale += [str(p.relative_to(ROOT)) for p in sorted(extra)]
        for s in stale:
            print(f"stale: {s}")
        return 1 if stale else 0
    for folder in ("clean", "dev-clean"):
        (OUT / folder).mkdir(parents=True, exist_ok=True)
        for old in (OUT / folder).glob("*.txt"):
            if old not in files:
                old.unlink()
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
