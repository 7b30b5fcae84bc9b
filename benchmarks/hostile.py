"""The hostile-input and fault matrix of the reliability audit, measured from the outside.

Each case builds its input in a temporary folder, runs ``newslint`` as a separate process (its own
process group, address space capped at ``--mem-cap`` MB so a memory bomb cannot take the
machine) and records the exit status, the wall time (``timeout`` when it had to be killed) and the
peak resident memory of the process tree (``wait4``'s ``ru_maxrss``). Cases are named after the
audit rows (S1-S16, D1-D16) in ``../shared/reports/reliability-audit.md``.

    python3 benchmarks/hostile.py --out /tmp/hostile-after.json            # this checkout
    python3 benchmarks/hostile.py --src /tmp/before --out /tmp/hostile-before.json
    python3 benchmarks/hostile.py --table /tmp/hostile-before.json /tmp/hostile-after.json

``--src DIR`` runs another checkout of newslint (``DIR`` put first on ``PYTHONPATH``), which is
how the "before" column was measured (``git archive 39089b9 | tar -x -C /tmp/before``).
Why a separate script and not only tests: the tests (``tests/test_hostile.py``) assert the fixed
behaviour quickly in-process; this script measures what a user would see, time and memory included.
"""

from __future__ import annotations

import argparse
import http.server
import json
import os
import resource
import signal
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ARTICLE = (
    "City council approves new budget\n\n"
    "The city council approved a $4.2 million budget on Tuesday, officials said.\n\n"
    "“We are pleased with the result,” said Mayor Jane Smith. The vote was 7-2.\n\n"
    "The budget funds road repairs and two new libraries, according to the city’s finance office.\n"
)

FIXABLE = "The council met on Monday.It approved the plan.\n"  # NL201, a safe fix
PLUGIN = '''
from newslint import hookimpl, Hit
try:
    from newslint.declaration import check
except ImportError:  # before the renovation
    from newslint.check import check
import os, sys, time

@check(code="{code}", name="hostile", category="{category}", severity="info")
def hostile(article, ctx):
    """Hostile test check."""
{body}

@hookimpl
def newslint_register_checks(register):
    register(hostile)
'''


@dataclass
class Case:
    """One run: ``argv`` after ``newslint``, in ``cwd``, with extra environment and stdin."""

    argv: list[str]
    cwd: str
    env: dict[str, str] = field(default_factory=dict)
    stdin: bytes | None = None
    note: str = ""
    check: Callable[[str, str], str] | None = None  # (stdout, stderr) -> remark
    as_root_without_dac: bool = False  # run without root's right to read every folder


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def plugin(folder: Path, body: str, category: str = "spacing", code: str = "EV901") -> Path:
    """A local plugin file whose check runs ``body`` (indented function body)."""
    text = PLUGIN.format(body="\n".join("    " + ln for ln in body.strip().splitlines()),
                         category=category, code=code)
    return write(folder / "evil.py", text)


# -- servers for the LanguageTool cases ----------------------------------------------------------

class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def serve(kind: str) -> str:
    """Start a hostile LanguageTool stand-in; returns its URL."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *a: object) -> None:
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            try:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                if kind == "trickle":
                    self.end_headers()
                    for ch in b'{"matches": []}':
                        self.wfile.write(bytes([ch]))
                        self.wfile.flush()
                        time.sleep(3)
                elif kind == "huge":
                    size = 200 * 1024 * 1024
                    self.send_header("Content-Length", str(size + 2))
                    self.end_headers()
                    self.wfile.write(b"{")
                    block = b" " * (1 << 20)
                    for _ in range(size >> 20):
                        self.wfile.write(block)
                    self.wfile.write(b"}")
                elif kind == "shape":
                    body = b"[1, 2, 3]"
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                else:  # record: remember what was sent
                    SENT.append(length)
                    body = b'{"matches": []}'
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    server = _Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


SENT: list[int] = []


# -- the cases ------------------------------------------------------------------------------------

def one(tmp: Path, text: str | bytes, name: str = "a.txt", *extra: str) -> Case:
    write(tmp / name, text)
    return Case([*extra, "--isolated", "--no-plugins", "--format", "json", name], str(tmp))


def seeds_copy(tmp: Path, n: int = 12) -> Path:
    d = tmp / "arts"
    for i in range(n):
        write(d / f"a{i:02d}.txt", ARTICLE.replace("Tuesday", f"day {i}"))
    return d


def plugin_run(tmp: Path, body: str, *, articles: int = 2, extra: tuple[str, ...] = ("--allow-local-plugins",),
               code: str = "EV901", check: Callable[[str, str], str] | None = None) -> Case:
    """A folder of ``articles`` copies linted with a local plugin whose check runs ``body``."""
    seeds_copy(tmp, articles)
    plugin(tmp, body, code=code)
    write(tmp / "cfg.toml", 'plugins = ["evil.py"]\n')
    return Case(["--config", "cfg.toml", *extra, "--format", "json", "arts"], str(tmp), check=check)


def stderr_head(o: str, e: str) -> str:
    """The remark of the cases judged by their one-line error message."""
    return f"stderr: {e.strip()[:80]!r}"


def stdout_size(o: str, e: str) -> str:
    return f"stdout {len(o)} B"


def config_case(tmp: Path, files: dict[str, str], argv: list[str],
                check: Callable[[str, str], str] | None = stderr_head) -> Case:
    """The article plus configuration files, run in ``tmp``."""
    for name, text in {"a.txt": ARTICLE, **files}.items():
        write(tmp / name, text)
    return Case(argv, str(tmp), check=check)


def c_s1(tmp: Path) -> Case:
    return one(tmp, "<!-- newslint: disable=" + " " * 4000 + "\n")


def c_s2_dots(tmp: Path) -> Case:
    return one(tmp, "a" + "." * 30000 + "a\n")


def c_s2_mr(tmp: Path) -> Case:
    return one(tmp, "Mr. " * 15000 + "\n")


def c_s2_us(tmp: Path) -> Case:
    return one(tmp, "U.S. officials " * 4000 + "\n")


def c_s3_nl201(tmp: Path) -> Case:
    return one(tmp, "ab,cd" * 20000 + "\n")


def c_s3_nl501(tmp: Path) -> Case:
    return one(tmp, "experts say the plan works and " * 3300 + "\n")


def c_s3_numbers(tmp: Path) -> Case:
    return one(tmp, "1. " * 20000 + "\n")


def c_s3_brackets(tmp: Path) -> Case:
    return one(tmp, "[a]" * 40000 + "\n")


def c_s3_glued(tmp: Path) -> Case:
    return one(tmp, "thecouncilapprovedthebudget" * 1500 + "\n")


def c_s4(tmp: Path) -> Case:
    d = tmp / "d"
    d.mkdir()
    os.mkfifo(d / "feed.jsonl")
    write(d / "good.txt", ARTICLE)
    return Case(["--isolated", "--no-plugins", "--format", "json", "d"], str(tmp))


def c_s5(tmp: Path) -> Case:
    case = plugin_run(tmp, 'if "KILLME" in article.text:\n    os.kill(os.getpid(), 9)\nreturn []', articles=40,
                      extra=("--allow-local-plugins", "--jobs", "2"))
    write(tmp / "arts" / "a07.txt", ARTICLE + "\nKILLME\n")
    return case


def c_s6_sleep(tmp: Path) -> Case:
    return plugin_run(tmp, "time.sleep(60)\nreturn []", extra=("--check-timeout", "2"))


def c_s6_forever(tmp: Path) -> Case:
    return plugin_run(tmp, "while True:\n    yield Hit(0, 1, 'x')", articles=1)


def c_s7(tmp: Path) -> Case:
    seeds_copy(tmp, 3)
    return Case(["--isolated", "--no-plugins", "--format", "json", "arts"], str(tmp),
                env={"NEWSLINT_LANGUAGETOOL_URL": serve("trickle")})


def c_s8(tmp: Path) -> Case:
    write(tmp / "newslint.toml", "jobs = 100000\n")
    write(tmp / "a.txt", ARTICLE)
    return Case(["--no-plugins", "--format", "json", "a.txt"], str(tmp))


def c_s9a(tmp: Path) -> Case:
    d = tmp / "d"
    d.mkdir()
    (d / "caf\udce9.txt".encode("utf-8", "surrogateescape").decode("utf-8", "surrogateescape")).write_bytes(
        ARTICLE.encode())
    return Case(["--isolated", "--no-plugins", "--format", "json", "-o", "out.json", "d"], str(tmp),
                check=lambda o, e: f"out.json {os.path.getsize(tmp / 'out.json')} B")


def c_s9b(tmp: Path) -> Case:
    return one(tmp, '{"id":"s1","body":"voted <p \\ud800> on it. The council met on Monday."}\n',
               "feed.jsonl")


def c_s10_exit(tmp: Path) -> Case:
    return plugin_run(tmp, "sys.exit(3)", check=stdout_size)


def c_s10_osexit0(tmp: Path) -> Case:
    return plugin_run(tmp, "os._exit(0)", check=stdout_size)


def c_s11(tmp: Path) -> Case:
    # Root ignores permissions: the folder is made immutable (chattr +i), so no file can be
    # created in it, as on a read-only mount.
    write(tmp / "a" / "x.txt", FIXABLE)
    write(tmp / "b" / "y.txt", FIXABLE)
    os.chmod(tmp / "a", 0o555)
    subprocess.run(["chattr", "+i", str(tmp / "a")], check=False, capture_output=True)
    return Case(["--isolated", "--no-plugins", "--fix", "--format", "json", "a", "b"], str(tmp),
                check=lambda o, e: f"stdout {len(o)} B; y fixed: "
                f"{'Monday. It' in (tmp / 'b' / 'y.txt').read_text()}")


ALIAS_BOMB = "\n".join(
    ["---", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    + ["title: *a8", "---", "", ARTICLE])


def c_s12(tmp: Path) -> Case:
    return one(tmp, ALIAS_BOMB, "a.md")


def c_s13(tmp: Path) -> Case:
    seeds_copy(tmp, 1)
    return Case(["--isolated", "--no-plugins", "--format", "json", "arts"], str(tmp),
                env={"NEWSLINT_LANGUAGETOOL_URL": serve("huge")})


def c_s14(tmp: Path) -> Case:
    u = tmp / "untrusted"
    write(u / "story.txt", ARTICLE)
    write(u / "newslint.toml", 'plugins = ["evil.py"]\n')
    write(u / "evil.py", f"open({str(tmp / 'PWNED')!r}, 'w').write('x')\n")
    (tmp / "elsewhere").mkdir()
    return Case(["--no-plugins", "--format", "json", "../untrusted/story.txt"], str(tmp / "elsewhere"),
                check=lambda o, e: f"code ran: {(tmp / 'PWNED').exists()}")


def c_s15(tmp: Path) -> Case:
    lines = [json.dumps({"id": f"r{i}", "body": ARTICLE}) for i in range(1, 11)]
    lines[7] = "[" * 100000 + "]" * 100000
    write(tmp / "feed.jsonl", "\n".join(lines) + "\n")
    return Case(["--isolated", "--no-plugins", "--format", "jsonl", "feed.jsonl"], str(tmp),
                check=lambda o, e: f"r9/r10 linted: {'#r9' in o and '#r10' in o}")


def c_s16(tmp: Path) -> Case:
    outside = write(tmp / "outside" / "t.txt", FIXABLE)
    d = tmp / "d"
    d.mkdir()
    os.symlink(outside, d / "l.txt")
    write(d / "h.txt", FIXABLE)
    os.link(d / "h.txt", tmp / "h-other.txt")
    return Case(["--isolated", "--no-plugins", "--fix", "--format", "json", "d"], str(tmp),
                check=lambda o, e: f"symlink kept: {(d / 'l.txt').is_symlink()}; "
                f"hard links: {os.stat(d / 'h.txt').st_nlink}")


def c_d1(tmp: Path) -> Case:
    for i in range(40):
        write(tmp / "arts" / f"a{i:02d}.txt", FIXABLE)
    write(tmp / "arts" / "newslint.toml", 'ignore = ["NL201"]\n')
    return Case(["--no-plugins", "--format", "json", "."], str(tmp / "arts"),
                check=lambda o, e: f"ignored NL201 in output: {o.count('NL201')}")


def c_d2(tmp: Path) -> Case:
    lines = "".join(f"line {i} of the poem<br>\n" for i in range(8001))
    return one(tmp, f"<html><body><article><p>{lines}</p></article></body></html>", "a.html")


def c_d3(tmp: Path) -> Case:
    write(tmp / "tree" / "open.txt", ARTICLE)
    write(tmp / "tree" / "closed" / "x.txt", ARTICLE)
    os.chmod(tmp / "tree" / "closed", 0)  # root reads it anyway: run without that capability
    return Case(["--isolated", "--no-plugins", "--format", "json", "tree"], str(tmp), as_root_without_dac=True,
                check=stderr_head)


def c_d4(tmp: Path) -> Case:
    return one(tmp, ARTICLE.encode("utf-16"), "a.txt")


def c_d5(tmp: Path) -> Case:
    rec = json.dumps({"id": "x", "body": ARTICLE}) + "\n"
    write(tmp / "newslint.toml", "max-file-size = 100000\n")
    data = (rec * (1_000_000 // len(rec) + 1)).encode()  # 1 MB of records, limit 100 KB
    return Case(["--no-plugins", "--format", "jsonl", "--stdin-filename", "f.jsonl", "-"],
                str(tmp), stdin=data, check=lambda o, e: f"records reported: {o.count(chr(10))}")


def c_d6(tmp: Path) -> Case:
    write(tmp / "newslint.toml", "max-file-size = 1000\n")
    write(tmp / "feed.jsonl", json.dumps({"id": "big", "body": ARTICLE * 40}) + "\n")
    return Case(["--no-plugins", "--format", "json", "feed.jsonl"], str(tmp), check=stderr_head)


def c_d7(tmp: Path) -> Case:
    seeds_copy(tmp, 12)
    return Case(["--isolated", "--no-plugins", "--format", "json", "arts"], str(tmp),
                env={"NEWSLINT_LANGUAGETOOL_URL": serve("shape")},
                check=lambda o, e: f"NL001: {o.count('NL001')}")


def c_d8(tmp: Path) -> Case:
    return config_case(tmp, {"newslint.toml": "x = " + "[" * 5000 + "]" * 5000 + "\n"}, ["--no-plugins", "a.txt"],
                       check=lambda o, e: f"stderr: {e.strip()[-80:]!r}")


def c_d9_pyproject(tmp: Path) -> Case:
    return config_case(tmp, {"pyproject.toml": "[tool.newslint\nselect = [\n"}, ["--no-plugins", "a.txt"])


def c_d9_option(tmp: Path) -> Case:
    return config_case(tmp, {"newslint.toml": '[checks.NL630]\nmax-words = "abc"\n'}, ["--no-plugins", "a.txt"])


def c_d9_missing_plugin(tmp: Path) -> Case:
    return config_case(tmp, {"cfg.toml": 'plugins = ["nonexistent_plugin_xyz"]\n'},
                       ["--config", "cfg.toml", "--allow-local-plugins", "a.txt"])


def c_d10(tmp: Path) -> Case:
    SENT.clear()
    url = serve("record")
    write(tmp / "d" / "newslint.toml", f'languagetool-url = "{url}"\n')
    write(tmp / "d" / "a.txt", ARTICLE)
    return Case(["--no-plugins", "--format", "json", "d"], str(tmp),
                check=lambda o, e: f"bytes sent to the folder's host: {sum(SENT)}")


def c_d11(tmp: Path) -> Case:
    secret = write(tmp / "outside" / "secret.txt", "The secret plan.It is hidden.\n")
    write(tmp / "tree" / "ok.txt", ARTICLE)
    os.symlink(secret, tmp / "tree" / "l.txt")
    return Case(["--isolated", "--no-plugins", "--format", "json", "tree"], str(tmp),
                check=lambda o, e: f"outside file linted: {'l.txt' in o}")


def c_d12(tmp: Path) -> Case:
    name = "a\x1b]0;pwned\x07\x1b[2J.txt"  # the file name is on every line of text output
    write(tmp / name, "The plan passed.It was \x1b[8m hidden.\n")
    return Case(["--isolated", "--no-plugins", "--format", "text", "."], str(tmp),
                check=lambda o, e: f"raw ESC bytes: {o.count(chr(27))}")


def c_d13(tmp: Path) -> Case:
    import random

    rnd = random.Random(4)
    words = ["".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rnd.randint(4, 9)))
             for _ in range(12000)]
    return one(tmp, " ".join(words) + ".\n")


def c_d15(tmp: Path) -> Case:
    lines = [json.dumps({"id": f"r{i}", "body": ARTICLE.replace("Tuesday", f"day {i} w{i}x")})
             for i in range(4000)]
    write(tmp / "feed.jsonl", "\n".join(lines) + "\n")
    return Case(["--isolated", "--no-plugins", "--format", "jsonl", "-o", "out.jsonl", "feed.jsonl"], str(tmp))


def c_d16(tmp: Path) -> Case:
    return plugin_run(tmp, "article.text = article.text.replace('. ', '.')\nreturn []", code="AA901",  # runs first
                      check=lambda o, e: f"NL201 findings (none in the articles): {o.count('NL201')}")


def c_big_line(tmp: Path) -> Case:
    import random

    rnd = random.Random(5)
    vocab = ARTICLE.split()
    return one(tmp, " ".join(rnd.choice(vocab) for _ in range(800_000))[:5_000_000] + "\n")


CASES: dict[str, Callable[[Path], Case]] = {
    "S1 unclosed suppression + 4,000 spaces": c_s1,
    "S2 30 KB of dots": c_s2_dots,
    "S2 60 KB of 'Mr. '": c_s2_mr,
    "S2 60 KB of 'U.S. officials'": c_s2_us,
    "S3 100 KB 'ab,cd' (NL201)": c_s3_nl201,
    "S3 100 KB 'experts say' (NL501)": c_s3_nl501,
    "S3 60 KB of '1. '": c_s3_numbers,
    "S3 120 KB of '[a]'": c_s3_brackets,
    "S3 40 KB glued words": c_s3_glued,
    "S4 FIFO feed.jsonl in folder": c_s4,
    "S5 --jobs 2 worker killed (SIGKILL)": c_s5,
    "S6 check sleeps 60 s (2 articles)": c_s6_sleep,
    "S6 check yields forever": c_s6_forever,
    "S7 LanguageTool trickles 1 B/3 s": c_s7,
    "S8 jobs = 100000": c_s8,
    "S9a non-UTF-8 file name, -o": c_s9a,
    "S9b JSONL lone surrogate": c_s9b,
    "S10 check sys.exit(3)": c_s10_exit,
    "S10 check os._exit(0)": c_s10_osexit0,
    "S11 --fix, unwritable folder first": c_s11,
    "S12 YAML alias bomb (0.6 KB)": c_s12,
    "S13 LanguageTool 200 MB answer": c_s13,
    "S14 untrusted tree plugin, --no-plugins": c_s14,
    "S15 JSONL line nested 100,000 deep": c_s15,
    "S16 --fix symlink and hard link": c_s16,
    "D1 folder config, parallel path": c_d1,
    "D2 8,001 <br> poem": c_d2,
    "D3 unreadable sub-folder": c_d3,
    "D4 UTF-16 article": c_d4,
    "D5 1 MB JSONL on stdin, limit 100 KB": c_d5,
    "D6 max-file-size on a JSONL record": c_d6,
    "D7 LanguageTool answers [1,2,3]": c_d7,
    "D8 TOML nested 5,000 deep": c_d8,
    "D9 pyproject.toml syntax error": c_d9_pyproject,
    "D9 option of the wrong type": c_d9_option,
    "D9 missing plugin": c_d9_missing_plugin,
    "D10 folder config picks LanguageTool host": c_d10,
    "D11 file symlink out of the tree": c_d11,
    "D12 terminal escapes, text output": c_d12,
    "D13 100 KB of rare words": c_d13,
    "D15 4,000 JSONL records": c_d15,
    "D16 check rewrites article.text": c_d16,
    "5 MB single-line article": c_big_line,
}


def _tree_hwm_kb(pid: int) -> int:
    """The largest peak resident size (VmHWM) among ``pid`` and its child processes, in KB:
    sampled while the run lasts, because a process killed at the time-out reports none."""
    best = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    best = max(best, int(line.split()[1]))
            for task in Path(f"/proc/{p}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return best


def run_case(case: Case, src: str | None, timeout: float, mem_cap_mb: int) -> dict[str, object]:
    env = dict(os.environ)
    env.update(case.env)
    env.pop("NEWSLINT_LANGUAGETOOL_URL", None) if "NEWSLINT_LANGUAGETOOL_URL" not in case.env else None
    if src:
        env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    argv = [sys.executable, "-m", "newslint", *case.argv]
    if case.as_root_without_dac and os.geteuid() == 0:
        argv = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", *argv]
    if src and "--allow-local-plugins" in argv:
        argv.remove("--allow-local-plugins")  # the old version has no opt-in flag
    if src and "--check-timeout" in argv:  # nor a time limit
        del argv[argv.index("--check-timeout"):argv.index("--check-timeout") + 2]

    def limits() -> None:
        os.setsid()
        cap = mem_cap_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    out_f = tempfile.TemporaryFile()
    err_f = tempfile.TemporaryFile()
    start = time.monotonic()
    proc = subprocess.Popen(argv, cwd=case.cwd, env=env, stdout=out_f, stderr=err_f,
                            stdin=subprocess.PIPE if case.stdin is not None else subprocess.DEVNULL,
                            preexec_fn=limits)
    if case.stdin is not None:
        def feed() -> None:
            try:
                assert proc.stdin is not None
                proc.stdin.write(case.stdin or b"")
                proc.stdin.close()
            except (BrokenPipeError, OSError):
                pass
        threading.Thread(target=feed, daemon=True).start()
    timed_out = False
    sampled = 0
    while True:
        sampled = max(sampled, _tree_hwm_kb(proc.pid))
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - start > timeout:
            timed_out = True
            os.killpg(proc.pid, signal.SIGKILL)
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.05)
    elapsed = time.monotonic() - start
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # leftover workers
    except ProcessLookupError:
        pass
    proc.returncode = os.waitstatus_to_exitcode(status)
    out_f.seek(0)
    err_f.seek(0)
    out = out_f.read().decode("utf-8", "replace")
    err = err_f.read().decode("utf-8", "replace")
    remark = ""
    if case.check and not timed_out:
        try:
            remark = case.check(out, err)
        except Exception as exc:  # noqa: BLE001 - a remark must not stop the matrix
            remark = f"({type(exc).__name__})"
    last_err = next((ln for ln in reversed(err.strip().splitlines()) if ln.strip()), "")
    return {
        "rc": "timeout" if timed_out else proc.returncode,
        "seconds": round(elapsed, 1),
        "peak_mb": round(max(usage.ru_maxrss, sampled) / 1024),
        "traceback": "Traceback" in err,
        "stdout_bytes": len(out),
        "stderr_last": last_err[:120],
        "remark": remark,
    }


def _remark(r: dict[str, object] | None) -> str:
    if not r or r["rc"] == "timeout":
        return ""
    text = str(r.get("remark") or r.get("stderr_last") or "")
    return "" if "grammar checks skipped" in text else text[:90].replace("|", "/")


def _cell(r: dict[str, object] | None) -> str:
    if r is None:
        return "-"
    return f"{r['rc']}{' traceback' if r['traceback'] else ''}, {r['seconds']} s, {r['peak_mb']} MB"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", help="run the newslint package found in this folder instead")
    ap.add_argument("--out", help="write the results as JSON here")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds before a run is killed")
    ap.add_argument("--mem-cap", type=int, default=4096, help="address-space cap per run, MB")
    ap.add_argument("--only", help="run the cases whose name contains this")
    ap.add_argument("--table", nargs=2, metavar=("BEFORE", "AFTER"), help="print a Markdown table")
    a = ap.parse_args()
    if a.table:
        before = json.loads(Path(a.table[0]).read_text())
        after = json.loads(Path(a.table[1]).read_text())
        print("| case | before: rc, s, MB | before: remark | after: rc, s, MB | after: remark |")
        print("|---|---|---|---|---|")
        for name in CASES:
            b, f = before.get(name), after.get(name)
            print(f"| {name} | {_cell(b)} | {_remark(b)} | {_cell(f)} | {_remark(f)} |")
        return 0
    results: dict[str, object] = {}
    for name, make in CASES.items():
        if a.only and a.only not in name:
            continue
        with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
            case = make(Path(tmp))
            res = run_case(case, a.src, a.timeout, a.mem_cap)
            subprocess.run(["chattr", "-R", "-i", tmp], check=False, capture_output=True)
            for root, dirs, _ in os.walk(tmp):  # let the clean-up into folders made unreadable
                for d in dirs:
                    os.chmod(os.path.join(root, d), 0o755)
        results[name] = res
        print(f"{name:45s} rc={res['rc']!s:8s} {res['seconds']:6.1f}s {res['peak_mb']:6d}MB "
              f"{res['remark'] or res['stderr_last']}", flush=True)
        if a.out:
            Path(a.out).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
