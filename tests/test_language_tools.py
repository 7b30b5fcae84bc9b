"""Language tools: LanguageTool through a replay server, spelling, readability, other languages."""

from __future__ import annotations

import json
import os
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import ClassVar

import pytest

from newslint import Linter
from newslint.article import Article
from newslint.services import languagetool as grammar

from .conftest import FIXTURES, sample_texts, shared

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


def test_no_server_one_notice_when_asked_and_other_checks_run(capsys, monkeypatch):
    monkeypatch.delenv("NEWSLINT_LANGUAGETOOL_URL", raising=False)
    monkeypatch.delenv("LTP_PATH", raising=False)
    grammar._notified.clear()
    linter = Linter({"select": ["NL601", "spacing"]}, load_entry_points=False)
    found = [f.code for f in linter.lint("He go to school.It rains.").findings]
    linter.lint("Another text.")
    assert found == ["NL201"]
    assert capsys.readouterr().err.count("grammar checks skipped: no LanguageTool server") == 1


def test_unreachable_server_is_one_internal_finding_per_article(capsys):
    grammar._notified.clear()
    grammar._dead_until.clear()
    linter = Linter({"select": ["NL601", "NL602"], "languagetool-url": "http://127.0.0.1:9",
                     "checks": {"NL601": {"timeout": 2}}}, load_entry_points=False)
    for text in ("He go to school.", "Another one."):
        found = linter.lint(text).findings
        assert [(f.code, f.category, f.severity) for f in found] == [("NL001", "internal", "warning")]
        assert "LanguageTool server http://127.0.0.1:9 failed: cannot connect" in found[0].message
    assert "crashed" not in found[0].message


class Failing(BaseHTTPRequestHandler):
    """A LanguageTool server that fails in the ways real ones do."""

    mode = "500"

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if Failing.mode == "slow":
            import time

            time.sleep(1.5)
        status, body = {
            "500": (500, b"Internal Server Error"),
            "garbage": (200, b"<html>captive portal</html>"),
            "incomplete": (200, json.dumps({"matches": [], "warnings": {"incompleteResults": True}}).encode()),
            "slow": (200, b'{"matches": []}'),
        }[Failing.mode]
        try:
            self.send_response(status)
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.parametrize(("mode", "reason"), [
    ("500", "HTTP 500"),
    ("garbage", "not LanguageTool JSON"),
    ("incomplete", "incomplete results"),
    ("slow", "answer within 0.5 s"),
])
def test_failing_server_gives_the_real_reason(mode, reason):
    server = HTTPServer(("127.0.0.1", 0), Failing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Failing.mode = mode
    grammar._cache.clear()
    grammar._dead_until.clear()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        linter = Linter({"select": ["grammar"], "languagetool-url": url,
                         "checks": {"NL601": {"timeout": 0.5}}}, load_entry_points=False)
        found = linter.lint("He go to school.").findings
        assert [f.code for f in found] == ["NL001"]
        assert reason in found[0].message
    finally:
        server.shutdown()


def test_default_run_without_server_is_silent(capsys, monkeypatch):
    monkeypatch.delenv("NEWSLINT_LANGUAGETOOL_URL", raising=False)
    monkeypatch.delenv("LTP_PATH", raising=False)
    grammar._notified.clear()
    Linter(load_entry_points=False).lint("He go to school.")
    assert "LanguageTool" not in capsys.readouterr().err


def test_ltp_path_without_installation_never_downloads(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSLINT_LANGUAGETOOL_URL", raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "nowhere"))
    grammar._local.clear()
    import language_tool_python

    def no_download(*args, **kwargs):
        raise AssertionError("language-tool-python was asked to start/download LanguageTool")

    monkeypatch.setattr(language_tool_python, "LanguageTool", no_download)
    found = Linter({"select": ["NL601"]}, load_entry_points=False).lint("He go to school.").findings
    assert [f.code for f in found] == ["NL001"]
    assert "LTP_PATH=" in found[0].message and "does not download" in found[0].message
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "empty"))
    grammar._local.clear()
    found = Linter({"select": ["NL601"]}, load_entry_points=False).lint("He go to school.").findings
    assert "holds no LanguageTool installation" in found[0].message
    assert not list((tmp_path / "empty").iterdir()), "nothing was downloaded into LTP_PATH"
    grammar._local.clear()


def test_local_installation_is_found_by_folder_and_jar(tmp_path):
    lt = tmp_path / "LanguageTool-6.6"
    lt.mkdir()
    (lt / "languagetool-server.jar").write_bytes(b"")
    assert grammar.local_installation(str(tmp_path)) == (str(lt), "6.6")


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


def _language_alarms(texts: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    linter = Linter({"select": ["spelling", "readability", "language"]}, load_entry_points=False)
    return [(name, f.code, f.excerpt) for name, text in texts for f in linter.lint(text).findings
            if f.severity != "info"]


def test_language_tools_stay_quiet_on_the_clean_sample():
    """Vendored clean openings (tests/fixtures/sample/clean): measured 1 warning, a real typo
    ("prioritze")."""
    assert len(_language_alarms(sample_texts("clean"))) <= 1


def test_language_tools_stay_quiet_on_clean_copy():
    """The 142 clean articles of ../shared/corpus/clean (~80,000 words): measured 4 warnings, all
    real typos the screening missed (prioritze, incubaction, sutomatic, govemor)."""
    paths = sorted(shared("corpus", "clean").glob("*.txt"))
    assert len(paths) >= 142
    alarms = _language_alarms([(p.name, p.read_text(encoding="utf-8")) for p in paths])
    assert len(alarms) <= 4, alarms
