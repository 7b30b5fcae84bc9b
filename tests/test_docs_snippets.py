"""Every shell and Python snippet in README.md and docs/*.md runs as written (issue 19).

Each ``sh``/``bash`` block runs line by line with bash in a fresh sandbox folder holding the files
the docs name (``articles/``, ``page.html``, ``feed.jsonl`` ...), with this checkout's
``newslint`` first on ``PATH``; each line must exit 0 or 1 (1 is "findings"), never 2 and never
with a traceback. Each ``python`` block runs (after the document's earlier Python blocks, which
it may build on) in the same kind of sandbox. ``toml`` blocks must parse, and a
``[tool.newslint]`` table must be a valid configuration.

What cannot run here is skipped, visibly: a line that needs the network (``pip install``,
``curl``, a URL) is left out of its block, and a block preceded by
``<!-- snippet: skip (REASON) -->`` or ``<!-- snippet: needs MODULE -->`` is skipped with that
reason (or when the module is missing).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from newslint.config import config_from_mapping

from .conftest import FIXTURES, ROOT, SEEDS

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"(?:<!-- snippet: (?P<marker>[^>]*?) -->\n)?^```(?P<lang>[a-z]*)\n(?P<body>.*?)^```$",
                   re.S | re.M)
NETWORK = re.compile(r"\b(?:pip install|curl|wget|git clone)\b|git\+https?://|https?://")
RUN = ("sh", "bash", "python", "toml")
BAD = "Gang members.This included sharing data with officials,many of them.\n"
GOOD = "The council met on Monday. It approved the budget.\n"


def snippets() -> list:
    out = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for index, m in enumerate(FENCE.finditer(text)):
            if m["lang"] not in RUN:
                continue
            line = text.count("\n", 0, m.start("body"))
            out.append(pytest.param(doc, index, m["lang"], m["body"], m["marker"],
                                    id=f"{doc.name}:{line}:{m['lang']}"))
    return out


SNIPPETS = snippets()


@pytest.fixture
def sandbox(tmp_path: Path) -> Path:
    """A folder with every file the docs' commands name."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / ".venv").symlink_to(Path(sys.prefix))  # the docs' ".venv/bin/newslint"
    for folder in ("articles", "archive", "big-folder"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(BAD, encoding="utf-8")
        (tmp_path / folder / "b.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "articles" / "wire").mkdir()
    (tmp_path / "articles" / "wire" / "c.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    for name in ("page.html", "story.md"):
        shutil.copy(FIXTURES / "output" / name, tmp_path / name)
    records = [{"id": "1", "title": "Vote", "body": BAD, "story": BAD},
               {"id": "2", "title": "Budget", "body": GOOD, "story": GOOD}]
    import json

    feed = "".join(json.dumps(r) + "\n" for r in records)
    (tmp_path / "feed.jsonl").write_text(feed, encoding="utf-8")
    (tmp_path / "archive" / "feed.jsonl").write_text(feed, encoding="utf-8")
    return tmp_path


def shell_lines(body: str) -> list[str]:
    """Logical lines of a shell block: continuations joined, blanks and comments dropped."""
    joined = body.replace("\\\n", " ")
    return [ln for ln in joined.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def python_blocks_before(doc: Path, index: int) -> list[str]:
    """The document's earlier runnable Python blocks, which a later block may build on."""
    out = []
    for m_index, m in enumerate(FENCE.finditer(doc.read_text(encoding="utf-8"))):
        if m_index >= index:
            break
        if m["lang"] == "python" and not (m["marker"] or "").startswith(("skip", "needs")):
            out.append(m["body"])
    return out


def honour_marker(marker: str | None) -> None:
    if not marker:
        return
    if marker.startswith("skip"):
        reason = marker[len("skip"):].strip(" ()")
        assert reason, "a skipped snippet must say why"
        pytest.skip(reason)
    if marker.startswith("needs "):
        for module in marker[len("needs "):].split():
            pytest.importorskip(module)
        return
    raise AssertionError(f"unknown snippet marker {marker!r}")


@pytest.mark.parametrize(("doc", "index", "lang", "body", "marker"), SNIPPETS)
def test_snippet_runs(doc, index, lang, body, marker, sandbox, monkeypatch):
    honour_marker(marker)
    if lang == "toml":
        data = tomllib.loads(body)
        section = data.get("tool", {}).get("newslint")
        if isinstance(section, dict):
            config_from_mapping(section, source=f"{doc.name} snippet")
        return
    if lang == "python":
        monkeypatch.chdir(sandbox)
        namespace: dict[str, object] = {"__name__": "snippet"}
        for earlier in python_blocks_before(doc, index):
            exec(compile(earlier, f"{doc.name} (earlier block)", "exec"), namespace)
        exec(compile(body, f"{doc.name} snippet", "exec"), namespace)
        return
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "NO_COLOR": "1"}
    env.pop("GITHUB_STEP_SUMMARY", None)
    ran = 0
    lines = shell_lines(body)
    if all(NETWORK.search(line) for line in lines):
        pytest.skip("every line needs the network (pip install, curl, a URL)")
    for line in lines:
        if NETWORK.search(line):
            continue  # needs the network: not run here
        proc = subprocess.run(["bash", "-c", line], cwd=sandbox, env=env, capture_output=True,
                              text=True, timeout=300)
        assert proc.returncode in (0, 1), f"{line!r} exited {proc.returncode}: {proc.stderr[-2000:]}"
        assert "Traceback" not in proc.stderr and "newslint: error" not in proc.stderr, (line, proc.stderr)
        ran += 1
    assert ran


def test_snippets_are_found_and_mostly_run():
    langs = [p.values[2] for p in SNIPPETS]
    skipped = [p for p in SNIPPETS if (p.values[4] or "").startswith("skip")]
    assert langs.count("sh") >= 5 and langs.count("python") >= 4 and langs.count("toml") >= 3
    assert len(SNIPPETS) - len(skipped) >= 15, "the user-facing snippets must run"


def test_readme_text_output_example_is_real(capsys):
    """The text-output lines README.md shows for the seeds are what newslint prints for them."""
    from newslint.cli import main

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = [ln for m in FENCE.finditer(text) if m["lang"] == "text"
             for ln in m["body"].splitlines() if ln.startswith("seeds/")]
    assert shown
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        main(["--isolated", "--no-plugins", "--no-color", "seeds/"])
    finally:
        os.chdir(cwd)
    printed = capsys.readouterr().out.splitlines()
    for line in shown:
        assert line in printed, f"README shows a line newslint does not print: {line}"
