#!/usr/bin/env python3
"""Build tests/fixtures/extraction/labels.jsonl: short labelled excerpts of real articles.

The labels below were read by hand from ../shared/corpus/defective (the tail of each article,
where scrapers leave page chrome and cut bodies); negatives are tails of ../shared/corpus/clean
articles. Each excerpt is at most the last ~600 characters, cut at a line start.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

# (file, labelled text, category) — read by eye.
LABELS = [
    ("defective/np-247wallst.com1.txt", "ALSO READ: 5 Top Tech Stocks for 2015 With Potential Big Catalysts", "boilerplate"),
    ("defective/np-247wallst.com2.txt", "ALSO READ: States Where People Live Longest", "boilerplate"),
    ("defective/np-businessinsider.com1.txt", "Follow The Aviationist on Twitter.", "boilerplate"),
    ("defective/np-foxbusiness.com2.txt", "More from AllBusiness.com:", "boilerplate"),
    ("defective/np-foxnews.com1.txt", "Like us on Facebook", "boilerplate"),
    ("defective/np-foxnews.com1.txt", "Follow us on Twitter & Instagram", "boilerplate"),
    ("defective/np-foxnews.com2.txt", "Like us on Facebook", "boilerplate"),
    ("defective/np-foxnews.com2.txt", "Follow us on Twitter & Instagram", "boilerplate"),
    ("defective/np-livescience.com1.txt", "Follow Live Science @livescience, Facebook & Google+.", "boilerplate"),
    ("defective/np-mashable.com2.txt", "Have something to add to this story? Share it in the comments.", "boilerplate"),
    ("defective/np-self.com2.txt", "RELATED:", "boilerplate"),
    ("defective/np-space.com1.txt", "Related:", "boilerplate"),
    ("defective/np-space.com1.txt", "Also see:", "boilerplate"),
]
NEGATIVES = ["clean/np-wired.com2.txt", "clean/np-tnr.com2.txt", "clean/np-usnews.com1.txt",
             "clean/np-telegraph.co.uk2.txt", "clean/np-thedailybeast.com1.txt",
             "clean/np-huffingtonpost.com1.txt", "clean/sh-04a6711caa7c.txt", "clean/sh-05844573ca7e.txt"]


def tail(text: str, size: int = 600) -> str:
    if len(text) <= size:
        return text
    cut = text.find("\n", len(text) - size)
    return text[cut + 1:] if cut >= 0 else text[-size:]


def main() -> None:
    records: dict[str, dict] = {}
    for file, label, category in LABELS:
        text = (CORPUS / file).read_text(encoding="utf-8")
        rec = records.setdefault(file, {"source": file, "text": tail(text), "category": category,
                                        "expected": []})
        at = rec["text"].find(label)
        assert at >= 0, (file, label)
        rec["expected"].append({"category": category, "start": at, "end": at + len(label),
                                "evidence": label})
    for file in NEGATIVES:
        text = (CORPUS / file).read_text(encoding="utf-8")
        records[file] = {"source": file, "text": tail(text), "category": "boilerplate", "expected": []}
    out = ROOT / "tests" / "fixtures" / "extraction" / "labels.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records.values()),
                   encoding="utf-8")
    print(out, len(records))


if __name__ == "__main__":
    main()
