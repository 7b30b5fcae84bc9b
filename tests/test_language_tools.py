"""Language tools: LanguageTool through a replay server, spelling, readability, other languages."""

from __future__ import annotations

import json
import os
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from newslint import Linter
from newslint.article import Article
from newslint.services import languagetool as grammar

from .conftest import FIXTURES

RECORDED = json.loads((FIXTURES / "languagetool" / "check-response.json").read_text(encoding="utf-8"))
TEXT = "He go to school.\n\n😀 She went to shcool."


class Replay(BaseHTTPRequestHandler):
    """Answers /v2/check with a recorded LanguageTool response (a replay, not LanguageTool)."""

    requests: ClassVar[list[dict[str, list[str]]]] = []

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        Replay.requests.append(form)
        body = json.dumps(RECORDED).encode() if self.path == "/v2/check" else b"{}"
        self.send_response(200 if self.path == "/v2/check" else 404)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def replay_url():
    server = HTTPServer(("127.0.0.1", 0), Replay)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Replay.requests = []
    grammar._cache.clear()
    grammar._dead_until.clear()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_replay_maps_matches_offsets_rules_and_categories(replay_url):
    linter = Linter({"select": ["NL601", "NL602", "NL603"], "languagetool-url": replay_url},
                    load_entry_points=False)
    found = linter.lint(TEXT).findings
    assert [(f.code, f.check, f.excerpt, f.suggestion) for f in found] == [
        ("NL601", "grammar.languagetool.HE_VERB_AGR", "go", "goes"),
        # offset 24 counts the emoji as two UTF-16 units; mapped back to code points
        ("NL602", "spelling.languagetool-spelling.HUNSPELL_RULE", "shcool", "school"),
    ]
    assert len(Replay.requests) == 1, "one request serves all three checks"
    sent = Replay.requests[0]
    assert sent["text"] == [TEXT] and sent["language"] == ["en-US"]
    assert "WHITESPACE_RULE" in sent["disabledRules"][0]


def test_results_are_cached_per_text(replay_url):
    linter = Linter({"select": ["NL601"], "languagetool-url": replay_url}, load_entry_points=False)
    linter.lint(TEXT)
    linter.lint(TEXT)
    assert len(Replay.requests) == 1


def test_chunks_keep_offsets_exact():
    text = "\n\n".join(f"Paragraph {i} " + "word " * 300 for i in range(20))
    article = Article(text)
    pieces = list(grammar.chunks(article, limit=4000))
    assert len(pieces) > 3
    for offset, chunk in pieces:
        assert len(chunk) <= 4000
        assert text[offset:offset + len(chunk)] == chunk


def test_no_server_one_notice_and_other_checks_run(capsys, monkeypatch):
    monkeypatch.delenv("NEWSLINT_LANGUAGETOOL_URL", raising=False)
    monkeypatch.delenv("LTP_PATH", raising=False)
    grammar._notified.clear()
    linter = Linter({"select": ["NL601", "spacing"]}, load_entry_points=False)
    found = [f.code for f in linter.lint("He go to school.It rains.").findings]
    linter.lint("Another text.")
    assert found == ["NL201"]
    assert capsys.readouterr().err.count("grammar checks skipped: no LanguageTool server") == 1


def test_unreachable_server_times_out_and_is_skipped(capsys):
    grammar._notified.clear()
    grammar._dead_until.clear()
    linter = Linter({"select": ["NL601"], "languagetool-url": "http://127.0.0.1:9",
                     "checks": {"NL601": {"timeout": 2}}}, load_entry_points=False)
    assert linter.lint("He go to school.").findings == []
    assert "LanguageTool server http://127.0.0.1:9 failed" in capsys.readouterr().err


@pytest.mark.skipif(not os.environ.get("NEWSLINT_LANGUAGETOOL_URL"), reason="no real LanguageTool server")
def test_real_server():
    linter = Linter({"select": ["NL601"]}, load_entry_points=False)
    assert any(f.code == "NL601" for f in linter.lint("He go to school every days.").findings)


def test_spelling_finds_thier_and_spares_names():
    linter = Linter({"select": ["NL620"]}, load_entry_points=False)
    text = ("Informants risked thier lives for the DEA. Salvatrucha and Bukele met in CECOT. "
            "The councillors were gerrymandering, tweeting and livestreaming.")
    assert [(f.excerpt, f.suggestion) for f in linter.lint(text).findings] == [("thier", "their")]


def test_spelling_accept_list():
    linter = Linter({"select": ["NL620"], "checks": {"misspelling": {"accept": ["thier"]}}},
                    load_entry_points=False)
    assert linter.lint("They risked thier lives.").findings == []


def test_readability_metrics_in_report():
    report = Linter(load_entry_points=False).lint("The cat sat on the mat. It was a fine day.")
    m = report.metrics
    assert m["words"] == 11 and m["sentences"] == 2 and m["longest_sentence_words"] == 6
    assert 60 < m["flesch_reading_ease"] <= 121 and "grade_level" in m


def test_foreign_passage_names_language():
    found = Linter({"select": ["language"]}, load_entry_points=False).lint(
        "They went to the Centro de Confinamiento de Terroristas in El Salvador.").findings
    assert [(f.excerpt, f.severity) for f in found] == [("Centro de Confinamiento de Terroristas", "info")]
    assert "Spanish" in found[0].message


def test_language_tools_stay_quiet_on_clean_copy():
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "clean"
    if not corpus.is_dir():
        pytest.skip("no corpus")
    linter = Linter({"select": ["spelling", "readability", "language"]}, load_entry_points=False)
    alarms = sum(1 for p in corpus.glob("*.txt")
                 for f in linter.lint(p.read_text(encoding="utf-8")).findings
                 if f.severity != "info")
    assert alarms <= 8  # 0.1 per 1,000 words on ~80,000 words
