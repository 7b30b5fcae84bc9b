"""Reliability: no hang, no unbounded memory, no silent misconfiguration, no traceback.

One test (or a few) per row of the reliability audit (S1-S16 serious, D1-D16 others); each failed
before its fix. Hangs are guarded by :func:`within`, so a regression fails the test instead of
stopping the suite. The adversarial-text timings (S1-S3, D13) are in ``test_hostile.py``.
"""

from __future__ import annotations

import http.server
import json
import os
import signal
import socketserver
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest

from newslint import Linter, hookimpl
from newslint.article import Article
from newslint.cli import main
from newslint.config import Config, ConfigError, load_config_file
from newslint.declaration import check
from newslint.findings import Hit
from newslint.inputs import InputProblem, collect_inputs, decode_text
from newslint.parallel import DIED, bounded_jobs, parallel_reports
from newslint.runner import CheckTimeout, _timeouts, time_limit, warm_up
from newslint.services import http as service_http
from newslint.services import languagetool as grammar

ARTICLE = ("City council approves new budget\n\n"
           "The city council approved a $4.2 million budget on Tuesday, officials said.\n\n"
           "“We are pleased with the result,” said Mayor Jane Smith. The vote was 7-2.\n")
FIXABLE = "The council met on Monday.It approved the plan.\n"  # NL201, a safe fix


def _unique(i: int) -> str:
    """A different article per file with one NL201 defect: a line repeated across files would be
    site furniture (NL110), which depends on what else the process has seen."""
    words = ["council", "mayor", "board", "court", "agency", "union", "school", "hospital", "museum",
             "bank", "police", "senate"]
    return f"The {words[i % 12]} met on Monday.It approved plan number {i * 7 + 3} for the {words[(i + 5) % 12]}.\n"


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Fail (instead of hanging the suite) when the block runs longer than ``seconds``."""
    try:
        with time_limit(seconds):
            yield
    except CheckTimeout:
        pytest.fail(f"still running after {seconds} s: a hang")


def plugin_with(fn, code: str = "EV901", category: str = "spacing") -> SimpleNamespace:
    """A plugin object registering one check whose body is ``fn(article, ctx)``."""
    chk = check(code=code, name="hostile", category=category, severity="info")(fn)

    @hookimpl
    def newslint_register_checks(register):
        register(chk)

    return SimpleNamespace(newslint_register_checks=newslint_register_checks, __name__=f"p{code}")


def run_cli(args: list[str], capsys) -> tuple[int, str, str]:
    rc = main(args)
    out, err = capsys.readouterr()
    return rc, out, err


@pytest.fixture(autouse=True)
def _fresh_state():
    _timeouts.clear()
    grammar._dead_until.clear()
    grammar._notified.clear()
    grammar._cache.clear()
    grammar._spent[0] = 0.0
    yield


# -- S4, S15, D3, D4, D5, D6, D11: inputs ------------------------------------------------------

def test_s4_fifo_named_jsonl_is_refused_not_waited_on(tmp_path, linter):
    os.mkfifo(tmp_path / "feed.jsonl")
    (tmp_path / "good.txt").write_text(ARTICLE)
    with within(10):
        reports = [r for p in linter.inputs([str(tmp_path)]) for r in linter.lint_file(p)]
    errors = {Path(r.path).name: r.error for r in reports}
    assert "FIFO" in errors["feed.jsonl"] and errors["good.txt"] is None


def test_s15_deeply_nested_jsonl_line_does_not_end_the_stream(tmp_path, linter):
    lines = [json.dumps({"id": f"r{i}", "body": ARTICLE}) for i in range(1, 6)]
    lines[2] = "[" * 100_000 + "]" * 100_000
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    reports = list(linter.lint_file(str(tmp_path / "feed.jsonl")))
    assert [r.path.rsplit("#", 1)[1] for r in reports] == ["r1", "r2", "3", "r4", "r5"]
    assert "nested too deeply" in reports[2].error and reports[4].error is None


def test_d3_unreadable_folder_is_reported(tmp_path, monkeypatch):
    (tmp_path / "open.txt").write_text(ARTICLE)
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "x.txt").write_text(ARTICLE)
    real_scandir = os.scandir

    def scandir(path="."):  # root reads any folder: refuse this one as the kernel would
        if os.fspath(path) == str(closed):
            raise PermissionError(13, "Permission denied", str(closed))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(collect_inputs([str(tmp_path)], [".txt"]))
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert [p.path for p in problems] == [str(closed)]
    assert "cannot read folder: Permission denied" in problems[0].message
    assert str(tmp_path / "open.txt") in items


@pytest.mark.parametrize(("encoding", "name"), [
    ("utf-16", "UTF-16 (little-endian)"), ("utf-16-be", "UTF-16 (big-endian, no byte-order mark)"),
    ("utf-32", "UTF-32 (little-endian)"), ("utf-16-le", "UTF-16 (little-endian, no byte-order mark)"),
])
def test_d4_utf16_and_utf32_are_named(encoding, name):
    with pytest.raises(Exception, match=r"text in UTF-\d\d") as info:
        decode_text(ARTICLE.encode(encoding), "a.txt")
    assert name in str(info.value) and "iconv" in str(info.value)


def test_d4_utf8_with_nul_is_still_binary():
    with pytest.raises(Exception, match="binary"):
        decode_text(b"PK\x03\x04" + bytes(range(256)) * 4, "a.txt")


def test_d5_jsonl_on_stdin_is_streamed_with_a_per_record_limit(tmp_path, monkeypatch, capsys):
    record = json.dumps({"id": "x", "body": ARTICLE}) + "\n"
    big = json.dumps({"id": "big", "body": ARTICLE * 50}) + "\n"
    data = (record * 30 + big + record).encode()
    (tmp_path / "newslint.toml").write_text(f"max-file-size = {len(record) * 10}\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=__import__("io").BytesIO(data)))
    rc, out, _err = run_cli(["--no-plugins", "--format", "jsonl", "--stdin-filename", "f.jsonl", "-"], capsys)
    entries = [json.loads(line) for line in out.splitlines()]
    assert len(entries) == 32  # more than max-file-size in total: streamed, not refused whole
    assert "record too large" in entries[30]["error"] and rc == 2


def test_d6_max_file_size_applies_to_each_jsonl_record(tmp_path, linter):
    cfg = Config(max_file_size=1000)
    lin = Linter(cfg, load_entry_points=False)
    small = json.dumps({"id": "a", "body": ARTICLE[:200]})
    big = json.dumps({"id": "b", "body": ARTICLE * 20})
    (tmp_path / "f.jsonl").write_text("\n".join([small, big, small]) + "\n")
    reports = list(lin.lint_file(str(tmp_path / "f.jsonl")))
    assert [r.error is None for r in reports] == [True, False, True]
    assert "record too large" in reports[1].error


def test_d11_file_symlink_out_of_the_tree_is_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("secret")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "ok.txt").write_text(ARTICLE)
    (tree / "inside.txt").symlink_to(tree / "ok.txt")
    (tree / "l.txt").symlink_to(outside / "secret.txt")
    items = list(collect_inputs([str(tree)], [".txt"]))
    assert str(tree / "inside.txt") in items and str(tree / "ok.txt") in items
    warning = [i for i in items if isinstance(i, InputProblem)]
    assert len(warning) == 1 and warning[0].severity == "warning" and "outside" in warning[0].message


# -- S9: text that cannot be encoded ----------------------------------------------------------

@pytest.mark.parametrize("fmt", ["json", "jsonl", "text", "sarif", "github"])
def test_s9_lone_surrogate_in_a_record(tmp_path, capsys, fmt):
    (tmp_path / "feed.jsonl").write_text('{"id":"s1\\ud800","title":"t\\udfff","body":"voted <p \\ud800> '
                                         'on it. The council met on Monday.It approved."}\n')
    rc, out, err = run_cli(["--isolated", "--no-plugins", "--format", fmt, str(tmp_path / "feed.jsonl")],
                           capsys)
    assert "Traceback" not in err and rc in (0, 1)
    out.encode("utf-8")  # every character is encodable


def test_s9_front_matter_surrogate(tmp_path, linter):
    (tmp_path / "a.md").write_text('---\ntitle: "caf\\udfff"\n---\n\n' + ARTICLE)
    report = next(linter.lint_file(str(tmp_path / "a.md")))
    assert report.fields["title"] == "caf\ufffd"


def test_s9_non_utf8_file_name(tmp_path, capsys):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(FIXABLE)
    out_file = tmp_path / "out.json"
    rc, _, err = run_cli(["--isolated", "--no-plugins", "--format", "json", "-o", str(out_file),
                          str(folder)], capsys)
    assert rc == 1 and "Traceback" not in err
    doc = json.loads(out_file.read_text(encoding="utf-8"))
    assert doc["files"][0]["path"].endswith("caf?.txt") and doc["files"][0]["findings"]


# -- S5, S6, S10, D16: checks and workers that misbehave ------------------------------------

def test_s6_check_past_its_time_limit_is_one_internal_finding():
    def sleepy(article, ctx):
        """Sleeps."""
        time.sleep(30)
        return []

    lin = Linter(Config(check_timeout=0.5), plugins=[plugin_with(sleepy)], load_entry_points=False)
    warm_up(lin.checks, {})  # word data loads outside the limit, as the command line does
    with within(10):
        reports = [lin.lint(ARTICLE) for _ in range(4)]
    internal = [[f.message for f in r.findings if f.code == "NL001"] for r in reports]
    assert all(len(m) == 1 for m in internal)
    assert "timed out" in internal[0][0] and "timed out" in internal[1][0]
    assert "skipped" in internal[2][0]  # after two time-outs the check is no longer run
    assert all("EV901" in m[0] for m in internal)  # no built-in check was near the limit


def test_s6_endless_generator_is_stopped():
    def endless(article, ctx):
        """Yields forever."""
        while True:
            yield Hit(0, 1, "x")

    lin = Linter(plugins=[plugin_with(endless)], load_entry_points=False)
    with within(20):
        report = lin.lint(ARTICLE)
    msgs = [f.message for f in report.findings if f.code == "NL001"]
    assert len(msgs) == 1 and "stopped after" in msgs[0]
    assert not [f for f in report.findings if f.code == "EV901"]


def test_s6_time_limit_off_thread_polls_between_hits():
    def slow_hits(article, ctx):
        """Slow, one hit at a time."""
        for _ in range(100):
            time.sleep(0.05)
            yield Hit(0, 1, "x")

    lin = Linter(Config(check_timeout=0.3), plugins=[plugin_with(slow_hits)], load_entry_points=False)
    warm_up(lin.checks, {})
    box: list = []
    thread = threading.Thread(target=lambda: box.append(lin.lint(ARTICLE)))
    thread.start()
    thread.join(10)
    assert box and any("timed out" in f.message for f in box[0].findings if f.code == "NL001")


@pytest.mark.parametrize("exc", [SystemExit(3), SystemExit(0)])
def test_s10_system_exit_in_a_check_is_caught(exc):
    def exits(article, ctx):
        """Exits."""
        raise exc

    lin = Linter(plugins=[plugin_with(exits)], load_entry_points=False)
    report = lin.lint(FIXABLE)
    codes = [f.code for f in report.findings]
    assert "NL001" in codes and "NL201" in codes


@pytest.mark.parametrize("code", [0, 1])
def test_s10_os_exit_in_a_check_on_the_main_thread_is_caught(code):
    def exits(article, ctx):
        """Calls os._exit."""
        os._exit(code)

    real = os._exit
    lin = Linter(plugins=[plugin_with(exits)], load_entry_points=False)
    report = lin.lint(FIXABLE)
    assert os._exit is real
    internal = [f.message for f in report.findings if f.code == "NL001"]
    assert len(internal) == 1 and f"os._exit({code})" in internal[0]
    assert "NL201" in [f.code for f in report.findings]


def test_s5_dead_worker_is_reported_and_others_linted(tmp_path):
    def killer(article, ctx):
        """Kills its process on a marker (as the kernel's out-of-memory killer would)."""
        if "KILLME" in article.text:
            os.kill(os.getpid(), signal.SIGKILL)
        return []

    paths = []
    for i in range(12):
        p = tmp_path / f"a{i:02d}.txt"
        p.write_text(_unique(i) + ("KILLME\n" if i == 5 else ""))
        paths.append(str(p))
    lin = Linter(plugins=[plugin_with(killer)], load_entry_points=False)
    with within(60):
        reports = list(parallel_reports(lin, paths, 2))
    assert [r.path for r in reports] == paths
    assert reports[5].error == DIED
    assert all(r.error is None and any(f.code == "NL201" for f in r.findings)
               for i, r in enumerate(reports) if i != 5)


def test_s8_jobs_are_bounded():
    assert bounded_jobs(100_000, 1) == 1
    assert bounded_jobs(200, 40) <= min(40, (os.cpu_count() or 1) * 4)
    assert bounded_jobs(0, 10) == 1


def test_d16_checks_cannot_rewrite_the_shared_article():
    def rewrites(article, ctx):
        """Rewrites the article."""
        article.text = article.text.replace(". ", ".")
        return []

    lin = Linter(plugins=[plugin_with(rewrites, code="AA901")], load_entry_points=False)
    report = lin.lint(ARTICLE)
    assert [f.code for f in report.findings] == ["NL001"]
    assert "read-only" in report.findings[0].message
    with pytest.raises(AttributeError):
        Article("x").title = "y"


# -- S11, S16, D14: --fix -------------------------------------------------------------------

def test_s11_unwritable_file_does_not_abort_fix(tmp_path, capsys, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text(FIXABLE)
    (tmp_path / "b" / "y.txt").write_text(FIXABLE)
    real_open = os.open

    def read_only_a(path, flags, *args, **kw):  # a read-only mount: no file can be created in a/
        if flags & os.O_CREAT and Path(path).parent == tmp_path / "a":
            raise OSError(30, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kw)

    monkeypatch.setattr(os, "open", read_only_a)
    rc, out, err = run_cli(["--isolated", "--no-plugins", "--fix", "--format", "json",
                            str(tmp_path / "a"), str(tmp_path / "b")], capsys)
    assert rc == 2
    assert f"{tmp_path / 'a' / 'x.txt'}: not fixed: Read-only file system" in err
    assert ".newslint-" not in err  # names the article, not the temporary file
    assert len(json.loads(out)["files"]) == 2
    assert (tmp_path / "a" / "x.txt").read_text() == FIXABLE
    assert "Monday. It" in (tmp_path / "b" / "y.txt").read_text()


def test_s16_fix_keeps_symlinks_hard_links_and_owner(tmp_path, capsys):
    d = tmp_path / "d"
    d.mkdir()
    target = d / "target.txt"
    target.write_text(FIXABLE)
    (d / "l.txt").symlink_to(target)
    (d / "h.txt").write_text(FIXABLE)
    os.link(d / "h.txt", tmp_path / "other-name.txt")
    (d / "o.txt").write_text(FIXABLE)
    if os.geteuid() == 0:
        os.chown(d / "o.txt", 1234, 1234)
    rc, _, err = run_cli(["--isolated", "--no-plugins", "--fix", "--format", "json", str(tmp_path / "d")],
                         capsys)
    assert (d / "l.txt").is_symlink() and "Monday. It" in target.read_text()
    assert os.stat(d / "h.txt").st_nlink == 2 and (d / "h.txt").read_text() == FIXABLE
    assert "hard links" in err and rc == 2
    if os.geteuid() == 0:
        assert os.stat(d / "o.txt").st_uid == 1234 and "Monday. It" in (d / "o.txt").read_text()


def test_d14_spaced_ellipsis_is_not_a_lowercase_sentence_start(linter):
    report = linter.lint("He walked to the door where . . . he knew the answer was waiting for him.")
    assert not [f for f in report.findings if f.code == "NL302"]


# -- S12: YAML alias bomb ---------------------------------------------------------------------

def test_s12_yaml_alias_bomb_is_not_expanded(tmp_path, linter):
    lines = ["---", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    lines += ["title: *a8", "author: *a8", "---", "", ARTICLE]
    (tmp_path / "a.md").write_text("\n".join(lines))
    with within(10):
        report = next(linter.lint_file(str(tmp_path / "a.md")))
    assert report.error is None and "title" not in report.fields


# -- S7, S13, D7, D10: LanguageTool ----------------------------------------------------------

class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


@contextmanager
def server(kind: str) -> Iterator[str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                self.send_response(200)
                if kind == "trickle":
                    self.end_headers()
                    for ch in b'{"matches": []}':
                        self.wfile.write(bytes([ch]))
                        self.wfile.flush()
                        time.sleep(0.4)
                elif kind in ("huge", "huge-chunked"):
                    if kind == "huge":
                        self.send_header("Content-Length", str(64 << 20))
                    self.end_headers()
                    for _ in range(64):
                        self.wfile.write(b" " * (1 << 20))
                else:
                    body = {"shape": b"[1, 2, 3]", "shape2": b'{"matches": [1]}',
                            "ok": b'{"matches": []}'}[kind]
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    srv = _Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()


def test_s7_trickling_server_meets_a_total_deadline():
    with server("trickle") as url, within(10):
        started = time.monotonic()
        with pytest.raises(TimeoutError):
            service_http.post(url, b"x", {}, timeout=1.0)
        assert time.monotonic() - started < 3


@pytest.mark.parametrize("kind", ["huge", "huge-chunked"])
def test_s13_response_size_is_capped(kind):
    with server(kind) as url, within(20):
        with pytest.raises(service_http.ResponseTooLarge):
            service_http.post(url, b"x", {}, timeout=15, max_bytes=1 << 20)


@pytest.mark.parametrize("kind", ["shape", "shape2"])
def test_d7_wrong_shaped_answer_is_a_failed_server_not_a_crash(kind, monkeypatch):
    asked = []
    real_post = service_http.post
    monkeypatch.setattr(grammar, "post", lambda *a, **kw: asked.append(1) or real_post(*a, **kw))
    with server(kind) as url:
        lin = Linter({"select": ["NL601", "NL602", "NL603"], "languagetool-url": url},
                     load_entry_points=False)
        reports = [lin.lint(ARTICLE + f"\nStory {i}.") for i in range(3)]
    internal = [f for r in reports for f in r.findings if f.code == "NL001"]
    assert len(asked) == 1  # the server is asked once, then treated as failed
    assert len(internal) == 3 and all(f.severity == "warning" for f in internal)  # one per article
    assert all("not LanguageTool JSON" in f.message or "failed" in f.message for f in internal)
    assert not any("crashed" in f.message for f in internal)


def test_lt_run_budget_stops_asking():
    from newslint.services import ServiceError

    grammar._spent[0] = grammar.RUN_BUDGET + 1
    with pytest.raises(ServiceError, match="budget"):
        grammar.query("http://127.0.0.1:9", "text", "en-US", (), 1.0)


def test_d10_linted_folder_config_cannot_choose_the_languagetool_host(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "untrusted"
    folder.mkdir()
    (folder / "newslint.toml").write_text('languagetool-url = "http://attacker.invalid"\n'
                                          '[checks.NL601]\nurl = "http://attacker.invalid"\n')
    (folder / "a.txt").write_text(ARTICLE)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    seen = []
    monkeypatch.setattr(grammar, "query", lambda url, *a: seen.append(url) or [])
    _rc, _, err = run_cli(["--no-plugins", "--format", "json", str(folder)], capsys)
    assert not seen and "may not choose where article text is sent" in err
    monkeypatch.chdir(folder)  # the project you stand in may
    run_cli(["--no-plugins", "--select", "NL601", "--format", "json", "a.txt"], capsys)
    assert seen and seen[0] == "http://attacker.invalid"


# -- S14: local plugins are code -------------------------------------------------------------

@pytest.fixture
def untrusted(tmp_path, monkeypatch):
    folder = tmp_path / "untrusted"
    folder.mkdir()
    (folder / "story.txt").write_text(ARTICLE)
    marker = tmp_path / "PWNED"
    (folder / "evil.py").write_text(f"open({str(marker)!r}, 'w').write('x')\n")
    (folder / "newslint.toml").write_text('plugins = ["evil.py"]\n')
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.delenv("NEWSLINT_ALLOW_LOCAL_PLUGINS", raising=False)
    return SimpleNamespace(folder=folder, marker=marker)


@pytest.mark.parametrize("extra", [[], ["--diff"], ["--jobs", "2"]])
def test_s14_searched_config_plugins_need_an_opt_in(untrusted, capsys, extra):
    rc, _, err = run_cli([*extra, "--format", "json", str(untrusted.folder / "story.txt")], capsys)
    assert rc == 2 and "--allow-local-plugins" in err and not untrusted.marker.exists()


def test_s14_pyproject_two_folders_up_and_module_names(tmp_path, capsys, monkeypatch):
    top = tmp_path / "top"
    (top / "a" / "b").mkdir(parents=True)
    (top / "pyproject.toml").write_text('[tool.newslint]\nplugins = ["evilmod"]\n')
    (top / "evilmod.py").write_text(f"open({str(tmp_path / 'PWNED')!r}, 'w').write('x')\n")
    (top / "a" / "b" / "story.txt").write_text(ARTICLE)
    monkeypatch.chdir(tmp_path)
    rc, _, _err = run_cli(["--format", "json", str(top / "a" / "b" / "story.txt")], capsys)
    assert rc == 2 and not (tmp_path / "PWNED").exists()


def test_s14_no_plugins_stops_local_plugins(untrusted, capsys):
    rc, _, _err = run_cli(["--no-plugins", "--format", "json", str(untrusted.folder / "story.txt")], capsys)
    assert rc == 0 and not untrusted.marker.exists()


@pytest.mark.parametrize("how", ["flag", "env"])
def test_s14_opt_in_loads_them(untrusted, capsys, monkeypatch, how):
    args = ["--format", "json", str(untrusted.folder / "story.txt")]
    if how == "flag":
        args.insert(0, "--allow-local-plugins")
    else:
        monkeypatch.setenv("NEWSLINT_ALLOW_LOCAL_PLUGINS", "1")
    rc, _, _ = run_cli(args, capsys)
    assert rc == 0 and untrusted.marker.exists()


def test_s14_explicit_config_plugins_load(untrusted, capsys):
    rc, _, _ = run_cli(["--config", str(untrusted.folder / "newslint.toml"), "--format", "json",
                        str(untrusted.folder / "story.txt")], capsys)
    assert rc == 0 and untrusted.marker.exists()


# -- D1: one configuration path ---------------------------------------------------------------

def test_d1_parallel_run_uses_the_folder_config(tmp_path, capsys, monkeypatch):
    arts = tmp_path / "arts"
    arts.mkdir()
    for i in range(6):
        (arts / f"a{i}.txt").write_text(_unique(i))
    (arts / "newslint.toml").write_text('ignore = ["NL201"]\n')
    monkeypatch.chdir(arts)
    outs = []
    for jobs in ("1", "2"):
        _rc, out, _ = run_cli(["--no-plugins", "--jobs", jobs, "--format", "json", "."], capsys)
        outs.append(out)
    assert "NL201" not in outs[0] and outs[0] == outs[1]


# -- D2: HTML nesting ---------------------------------------------------------------------------

def test_d2_void_and_optional_close_tags_are_not_nesting(tmp_path, linter):
    poem = "".join(f"line {i} of the poem<br>\n" for i in range(8001))
    items = "".join(f"<li>item {i}\n" for i in range(8001))
    (tmp_path / "poem.html").write_text(f"<html><body><article><p>{poem}</p></article></body></html>")
    (tmp_path / "list.html").write_text(f"<html><body><article><ul>{items}</ul></article></body></html>")
    (tmp_path / "deep.html").write_text("<div>" * 10_000 + "x" + "</div>" * 10_000)
    for name in ("poem.html", "list.html"):
        report = next(linter.lint_file(str(tmp_path / name)))
        assert report.error is None or "nested" not in report.error, name
    assert "nested too deeply" in next(linter.lint_file(str(tmp_path / "deep.html"))).error


# -- D8, D9: configuration errors ----------------------------------------------------------

def test_d8_deeply_nested_toml_is_a_config_error(tmp_path):
    (tmp_path / "newslint.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(ConfigError, match="nested too deeply"):
        load_config_file(tmp_path / "newslint.toml")


@pytest.mark.parametrize(("table", "message"), [
    ('[checks.NL630]\nmax-words = "abc"', "checks.NL630.max-words: expected a number"),
    ("[checks.NL501]\nextra-phrases = 5", "checks.NL501.extra-phrases: expected a list"),
    ("[checks.NL620]\naccept = 7", "checks.NL620.accept: expected a list"),
    ("[checks.NL631]\nmax-grade = true", "checks.NL631.max-grade: expected a number"),
    ('[checks.NL351]\nprefer = ["x"]', "checks.NL351.prefer: expected a string"),
])
def test_d9_option_types_are_validated_before_linting(tmp_path, capsys, table, message):
    (tmp_path / "cfg.toml").write_text(table + "\n")
    (tmp_path / "a.txt").write_text(ARTICLE)
    rc, _, err = run_cli(["--no-plugins", "--config", str(tmp_path / "cfg.toml"), str(tmp_path / "a.txt")],
                         capsys)
    assert rc == 2 and message in err and str(tmp_path / "cfg.toml") in err


def test_d9_good_option_values_pass(tmp_path):
    linter = Linter({"checks": {"NL630": {"max-words": 40}, "NL631": {"max-grade": 14},
                                "NL620": {"accept": ["x"]}}}, load_entry_points=False)
    options = {c.code: c.options for c in linter.checks}
    assert options["NL630"]["max-words"] == 40 and options["NL631"]["max-grade"] == 14


def test_d9_missing_local_plugin_is_a_config_error(tmp_path, capsys):
    (tmp_path / "cfg.toml").write_text('plugins = ["no_such_plugin_module_xyz"]\n')
    (tmp_path / "a.txt").write_text(ARTICLE)
    rc, _, err = run_cli(["--config", str(tmp_path / "cfg.toml"), str(tmp_path / "a.txt")], capsys)
    assert rc == 2 and "no_such_plugin_module_xyz" in err and "cfg.toml" in err


def test_check_timeout_is_validated(tmp_path):
    (tmp_path / "newslint.toml").write_text('check-timeout = "soon"\n')
    with pytest.raises(ConfigError, match="check-timeout"):
        load_config_file(tmp_path / "newslint.toml")


# -- D12: terminal escapes ------------------------------------------------------------------

def test_d12_terminal_escapes_are_shown_not_sent(tmp_path, capsys, monkeypatch):
    name = "a\x1b]0;pwned\x07\x1b[2J.txt"
    (tmp_path / name).write_text("The plan passed.It was \x1b[8m hidden.\n")
    monkeypatch.chdir(tmp_path)
    _rc, out, _err = run_cli(["--isolated", "--no-plugins", "--format", "text", "--color", "."], capsys)
    assert "\x07" not in out and "\x1b]" not in out and "\x1b[2J" not in out
    assert "\\x1b]0;pwned\\x07" in out
    assert "\x1b[" in out  # newslint's own colours are kept


# -- --fix under interruption -------------------------------------------------------------------

@pytest.mark.parametrize("sig", ["SIGKILL", "SIGTERM"])
def test_fix_killed_mid_run_leaves_every_file_old_or_new(tmp_path, sig):
    import signal
    import subprocess

    fixed_text = FIXABLE.replace("Monday.It", "Monday. It")
    folder = tmp_path / "many"
    folder.mkdir()
    n = 150
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(FIXABLE * 40)
    proc = subprocess.Popen([sys.executable, "-m", "newslint", "--isolated", "--no-plugins", "--fix",
                             "--format", "json", str(folder)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:  # kill once some files are fixed
        if sum(p.read_text() == fixed_text * 40 for p in folder.glob("a00*.txt")) >= 3:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(getattr(signal, sig))
    proc.wait(60)
    contents = [p.read_text() for p in sorted(folder.glob("a*.txt"))]
    assert len(contents) == n
    assert all(c in (FIXABLE * 40, fixed_text * 40) for c in contents)  # never half-written
    assert 0 < sum(c == fixed_text * 40 for c in contents) < n
    leftovers = list(folder.glob(".newslint-*"))
    if sig == "SIGTERM":
        assert proc.returncode == 143 and not leftovers  # the temporary file was removed
    # After SIGKILL a temporary file may remain: it is never an article (a dot file, .tmp).
    rerun = subprocess.run([sys.executable, "-m", "newslint", "--isolated", "--no-plugins", "--fix",
                            "--format", "json", str(folder)], capture_output=True, text=True, timeout=300)
    assert rerun.returncode in (0, 1) and "Traceback" not in rerun.stderr
    assert all(p.read_text() == fixed_text * 40 for p in folder.glob("a*.txt"))


# -- D15: memory over a long run ----------------------------------------------------------------

@pytest.mark.parametrize("n", [0, 1, 5])
def test_d15_json_output_is_streamed_and_identical(linter, n):
    from io import StringIO

    from newslint.formatters import JsonFormatter
    from newslint.report import Summary

    reports = [linter.lint(FIXABLE if i % 2 else ARTICLE, path=f"a{i}.txt") for i in range(n)]
    summary = Summary()
    out = StringIO()
    fmt = JsonFormatter(out, {})
    fmt.begin()
    for r in reports:
        summary.add(r, "warning")
        fmt.article(r)
        assert not any(isinstance(v, list) and v for v in vars(fmt).values())  # nothing kept
    fmt.end(summary)
    expected = json.dumps({"version": "1", "files": [r.to_dict() for r in reports],
                           "summary": summary.to_dict()}, ensure_ascii=False, indent=2) + "\n"
    assert out.getvalue() == expected


@pytest.mark.parametrize("when", ["creating", "writing"])
def test_a_termination_while_fixing_leaves_no_temporary_file(tmp_path, monkeypatch, when):
    """SIGTERM raises ``cli.Terminated`` at whatever bytecode runs next: even right after the
    temporary file is created (before ``tempfile.mkstemp`` would have returned its name, which
    left ``.newslint-*.tmp`` files behind in CI), the file is removed and the original kept."""
    from newslint import fixes
    from newslint.cli import Terminated

    target = tmp_path / "a.txt"
    target.write_text("old text\n")
    real_open, real_fsync = os.open, os.fsync

    def open_then_terminated(path, flags, mode=0o777, **kw):
        fd = real_open(path, flags, mode, **kw)
        if ".newslint-" in str(path):
            os.close(fd)
            raise Terminated()
        return fd

    def fsync_then_terminated(fd):
        real_fsync(fd)
        raise Terminated()

    if when == "creating":
        monkeypatch.setattr(os, "open", open_then_terminated)
    else:
        monkeypatch.setattr(os, "fsync", fsync_then_terminated)
    with pytest.raises(Terminated):
        fixes.write_atomically(str(target), "new text\n")
    monkeypatch.undo()
    assert target.read_text() == "old text\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
