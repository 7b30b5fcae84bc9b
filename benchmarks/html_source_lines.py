"""How often findings in HTML pages get a source line, and how often that line is right.

    .venv/bin/python benchmarks/html_source_lines.py ../shared/corpus/html ../shared/corpus/html-more

Findings in extracted text carry ``source_line`` (see ``newslint/locations.py``); a located
finding counts as right when the page's line (entities decoded) holds the first word of the
finding's excerpt.
"""

import html
import re
import sys
from pathlib import Path

from newslint import Linter

linter = Linter(load_entry_points=False)
tot = found = ok = 0
for folder in sys.argv[1:]:
    for p in sorted(Path(folder).glob("*.htm*")):
        raw = p.read_bytes().decode("utf-8", "replace").splitlines()
        for rep in linter.lint_file(str(p)):
            for f in rep.findings:
                if f.category == "internal":
                    continue
                tot += 1
                if f.source_line is None:
                    continue
                found += 1
                words = re.findall(r"\w{3,}", f.excerpt)
                line = html.unescape(raw[f.source_line - 1]) if f.source_line <= len(raw) else ""
                if not words or words[0] in line:
                    ok += 1
print(f"findings {tot}, with a source line {found} ({found/tot:.1%}), whose line holds the excerpt's first word {ok} ({ok/max(found,1):.1%})")
